"""A logging filter that masks BSNs in httpx's and httpcore's own log lines.

httpx logs every request at INFO (``HTTP Request: GET https://.../zaken?...inpBsn=...``) and
httpcore logs headers at DEBUG; both show the full URL, BSN filters included. zgw-client
cannot change what they log, so it installs [`BSNLogFilter`][zgw_client.BSNLogFilter] on
their loggers (and its own) when it is imported: a log line then shows ``*********``.

Opt out with [`remove_bsn_log_filter`][zgw_client.remove_bsn_log_filter], or by setting
``ZGW_BSN_LOG_FILTER=0`` in the environment before zgw_client is imported.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping

from ._masking import mask_bsn

__all__ = [
    "BSN_LOG_FILTER_LOGGERS",
    "BSNLogFilter",
    "install_bsn_log_filter",
    "remove_bsn_log_filter",
]

#: The loggers the filter is installed on. A filter on a logger sees only the records
#: logged on that very logger, not those of its children, so each is named.
BSN_LOG_FILTER_LOGGERS = (
    "httpx",
    "httpcore",
    "httpcore.connection",
    "httpcore.connection_pool",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
    "zgw_client",
)


class BSNLogFilter(logging.Filter):
    """Masks BSN-like numbers in a record's message (formatted with its arguments).

    It never drops a record, and a record whose message cannot be formatted is left as it
    is: a filter that raises would break the request that logs.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # the handler reports a broken record, not the filter
            return True
        masked = mask_bsn(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


_FILTER = BSNLogFilter()


def install_bsn_log_filter(loggers: tuple[str, ...] = BSN_LOG_FILTER_LOGGERS) -> None:
    """Install the BSN filter on ``loggers`` (done on import; installing twice is harmless)."""
    for name in loggers:
        logging.getLogger(name).addFilter(_FILTER)


def remove_bsn_log_filter(loggers: tuple[str, ...] = BSN_LOG_FILTER_LOGGERS) -> None:
    """Remove the BSN filter again, e.g. to see raw URLs while debugging on test data."""
    for name in loggers:
        logging.getLogger(name).removeFilter(_FILTER)


def install_by_default(environ: Mapping[str, str] | None = None) -> None:
    """Install the filter unless ``ZGW_BSN_LOG_FILTER`` is ``0`` (or ``false``/``no``/``off``)."""
    env = os.environ if environ is None else environ
    if env.get("ZGW_BSN_LOG_FILTER", "").strip().lower() not in ("0", "false", "no", "off"):
        install_bsn_log_filter()
