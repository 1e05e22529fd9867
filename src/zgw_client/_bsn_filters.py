"""Keeping the BSN out of URLs (no I/O): which lists carry one, and their search bodies.

A BSN in a query string lands in every access log and proxy log on the way
(gemma-zaken#2607). Zaken has ``POST zaken/_zoek`` and the Objects API
``POST objects/search``, which take the filters in the body; a list that filters on a
BSN goes there (see [`Service.bsn_filters`][zgw_client.Service]).

Open Zaak and the Objects API silently ignore a body key they do not know, so a typo
would return *every* zaak. Only keys of the spec's ``_zoek`` schema are ever sent.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Collection, Mapping
from typing import Any

from ._exceptions import InputError

__all__ = ["carries_bsn", "refuse_bsn_in_url", "zoek_body"]

logger = logging.getLogger("zgw_client")

#: The Zaken filters that hold a BSN end in this (``rol__betrokkeneIdentificatie__
#: natuurlijkPersoon__inpBsn``, ``betrokkeneIdentificatie__natuurlijkPersoon__inpBsn``).
BSN_SUFFIX = "inpBsn"
#: Body fields of ``_zoek`` given as arrays (the list endpoint joins them with commas).
_ARRAYS = frozenset(
    {"expand", "ordering", "archiefnominatie__in", "archiefstatus__in", "bronorganisatie__in"}
)


def carries_bsn(params: Mapping[str, Any]) -> bool:
    """Whether the wire-named ``params`` of a Zaken list filter on a BSN."""
    return any(key.endswith(BSN_SUFFIX) and value for key, value in params.items())


def _json_value(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def zoek_body(
    params: Mapping[str, Any], fields: Collection[str]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split wire-named list ``params`` into a ``_zoek`` body and its query (``pageSize``).

    Raises:
        InputError: a parameter that is not a field of the ``_zoek`` body: the server
            would ignore it and widen the result.
    """
    body: dict[str, Any] = {}
    query: dict[str, Any] = {}
    for key, value in params.items():
        if value is None:
            continue
        if key == "pageSize":
            query[key] = value
            continue
        if key not in fields:
            raise InputError(
                f"{key!r} is not a field of the zaken/_zoek body (Zaken 1.5). The server "
                "ignores unknown fields, which would widen the result, so it is not sent. "
                "Drop it, or set bsn_filters='query' on the service to use the list."
            )
        if key in _ARRAYS and isinstance(value, str):
            value = [part for part in value.split(",") if part]
        elif isinstance(value, (list, tuple, set, frozenset)):
            value = [str(_json_value(v)) for v in value]
        body[key] = _json_value(value)
    return body, query


def refuse_bsn_in_url(api: str, filter_name: str) -> InputError:
    """The error for a BSN that could only be sent in a URL, with ``bsn_filters='body'``."""
    return InputError(
        f"{api} has no search endpoint that takes filters in a body, so filtering on "
        f"{filter_name} would put the BSN in the URL, and this service is set to "
        "bsn_filters='body'. Set bsn_filters='auto' (or 'query') on it to allow it."
    )


def warn_fallback(api_root: str, path: str, status: int) -> None:
    """Once per service: the server has no search endpoint, the BSN goes in the URL."""
    logger.warning(
        "%s answered %d to POST %s: it has no search endpoint, so lists filtered on a BSN "
        "are sent with the BSN in the query string. Set bsn_filters='body' on the service "
        "to refuse that, or 'query' to skip the search.",
        api_root,
        status,
        path,
    )
