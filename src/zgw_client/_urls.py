"""When a URL lies under an API root: the one check that keeps credentials at home.

ZGW payloads are full of URLs (``zaak.zaaktype``, a page's ``next``, a bestandsdeel's
``url``), so a URL the client follows may come from anyone who can write data. Before a
credential goes out, the URL *as it will be sent* must lie under the API root it was
configured for. "As it will be sent" matters: httpx removes literal dot segments, but sends
percent-encoded ones (``%2e%2e``, ``..%2f``) as they are, and a proxy or server that decodes
them routes ``/zaken/api/v1/%2e%2e/%2e%2e/admin/`` to ``/admin/``.

So the raw path is normalised as RFC 3986 §6.2.2 says (unreserved characters decoded, hex
digits upper-cased) and refused outright when it holds anything a server could read as
another path than we do: an encoded slash, backslash or dot, a double-encoded one, a dot
segment (also as ``..;param``), an empty segment (``//``), a control character, a
backslash. Roots are compared on scheme, host and port and whole path segments, never as
string prefixes, and a URL with userinfo is never under a root.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

import httpx

__all__ = ["Root", "parse_url", "unsafe_path_reason", "url_under_root"]

_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
#: Escapes a server could decode into a path separator or a dot: ``%2e``, ``%2f``, ``%5c``,
#: their double-encoded forms (``%252e``), and control characters.
_DANGEROUS_ESCAPE = re.compile(r"%(?:25)*(?:2[eEfF]|5[cC]|[01][0-9A-Fa-f]|7[fF])")


@functools.lru_cache(maxsize=4096)
def parse_url(url: str) -> httpx.URL:
    """``httpx.URL(url)``, remembered: the same URLs come back request after request, and
    parsing a long ZGW URL is not free. (``httpx.URL`` is immutable, so sharing is safe.)"""
    return httpx.URL(url)


def _decode_unreserved(match: re.Match[str]) -> str:
    char = chr(int(match.group(1), 16))
    return char if char in _UNRESERVED else f"%{match.group(1).upper()}"


def unsafe_path_reason(raw_path: str) -> str | None:
    """Why the path (as sent, without its query) could reach another resource than it
    reads, or ``None`` when it is safe to compare with a root."""
    if _DANGEROUS_ESCAPE.search(raw_path):
        return (
            "its path holds an encoded dot, slash, backslash or control character, which a "
            "server or proxy may decode into a path outside the API root"
        )
    if "\\" in raw_path:
        return "its path holds a backslash, which some servers read as a slash"
    segments = _ESCAPE.sub(_decode_unreserved, raw_path).split("/")
    for position, segment in enumerate(segments[1:], start=1):
        bare = segment.split(";", 1)[0]
        if bare in (".", ".."):
            return "its path holds a dot segment, which a server resolves to another path"
        if segment == "" and position != len(segments) - 1:
            return "its path holds an empty segment (//), which servers and proxies collapse"
    return None


def _normalised_path(raw_path: str) -> str:
    return _ESCAPE.sub(_decode_unreserved, raw_path)


class Root(NamedTuple):
    """An API root split once into what a URL is compared on."""

    origin: tuple[str, str, int | None]
    path: str  # normalised, ends with "/"

    @classmethod
    def of(cls, api_root: str) -> Root:
        url = httpx.URL(api_root)
        path = _normalised_path(url.raw_path.decode("ascii").split("?", 1)[0])
        if not path.endswith("/"):
            path += "/"
        return cls((url.scheme, url.host.lower(), url.port), path)

    def contains(self, url: httpx.URL) -> bool:
        """Whether ``url``, as httpx will send it, lies under this root."""
        if url.userinfo:
            return False
        if (url.scheme, url.host.lower(), url.port) != self.origin:
            return False
        raw = url.raw_path.decode("ascii").split("?", 1)[0]
        if unsafe_path_reason(raw) is not None:
            return False
        path = _normalised_path(raw)
        return path == self.path[:-1] or path.startswith(self.path)


@functools.lru_cache(maxsize=64)
def _root_of(api_root: str) -> Root:
    return Root.of(api_root)


def url_under_root(url: str | httpx.URL, api_root: str) -> bool:
    """Whether ``url`` lies under ``api_root`` (same origin, safe path below the root's).

    An unparseable URL (an invalid IDNA host, say) lies under no root.
    """
    try:
        target = url if isinstance(url, httpx.URL) else parse_url(url)
    except httpx.InvalidURL:
        return False
    return _root_of(api_root).contains(target)
