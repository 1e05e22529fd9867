"""DRF page-number pagination as Open Zaak, Open Klant and the Objects API do it.

``page`` and ``pageSize`` (default 100, capped at 500); ``next``/``previous`` are absolute
URLs built like DRF's ``replace_query_param``: the query is re-encoded with sorted keys and
``page`` is dropped for the first page. A page past the end is a 404 ``Ongeldige pagina.``.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

from ._problems import ProblemError
from ._types import JSON

DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 500


def _with_query_param(url: str, key: str, value: str | None) -> str:
    scheme, netloc, path, query, fragment = urlsplit(url)
    params = parse_qs(query, keep_blank_values=True)
    if value is None:
        params.pop(key, None)
    else:
        params[key] = [value]
    return urlunsplit(
        (scheme, netloc, path, urlencode(sorted(params.items()), doseq=True), fragment)
    )


def _positive_int(raw: str | None, default: int, cutoff: int | None = None) -> int | None:
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        return None
    if value <= 0:
        return None
    return min(value, cutoff) if cutoff else value


def paginate(
    url: str,
    items: Sequence[JSON],
    page_raw: str | None,
    page_size_raw: str | None,
    *,
    default_page_size: int = DEFAULT_PAGE_SIZE,
    max_page_size: int = MAX_PAGE_SIZE,
) -> JSON:
    """One page of ``items`` as ``{count, next, previous, results}``; ``url`` is the request URL."""
    size = _positive_int(page_size_raw, default_page_size, max_page_size) or default_page_size
    page = _positive_int(page_raw, 1)
    pages = max(1, -(-len(items) // size))
    if page is None or page > pages:
        raise ProblemError(404, detail="Ongeldige pagina.")
    start = (page - 1) * size
    next_url = _with_query_param(url, "page", str(page + 1)) if page < pages else None
    if page == 1:
        previous = None
    elif page == 2:
        previous = _with_query_param(url, "page", None)
    else:
        previous = _with_query_param(url, "page", str(page - 1))
    return {
        "count": len(items),
        "next": next_url,
        "previous": previous,
        "results": list(items[start : start + size]),
    }
