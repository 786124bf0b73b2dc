"""Secrets out of messages: the one function every URL shown to a user goes through.

A URL may carry credentials (``https://user:password@host/``) or an API key in
its query string (``?api_key=…``), and refkit's messages end up in CI logs.
:func:`redact` rewrites every URL inside a text so that

* ``user:password@`` becomes ``***@``;
* every query value becomes ``***``, except the values of the parameters
  refkit's own resolvers send (search terms, identifiers, page sizes), which
  say what was asked and never hold a secret.

It runs in linear time (one pass of simple patterns) and leaves non-URL text alone.
"""

from __future__ import annotations

import re

__all__ = ["redact", "SAFE_PARAMETERS"]

#: query parameters whose values are shown: the ones refkit's resolvers send
SAFE_PARAMETERS = frozenset({
    "search_query", "id_list", "start", "max_results", "sortby", "sortorder",  # arXiv
    "query", "query.bibliographic", "query.author", "query.title", "rows", "select", "filter", "sort", "order",  # Crossref
    "q", "h", "format", "c",  # DBLP
})

# scheme://[userinfo@]rest-of-url; the URL ends at white space, a quote or an angle bracket
_URL = re.compile(r"""\b([A-Za-z][A-Za-z0-9+.-]{0,15}://)([^\s"'<>]*)""")
_USERINFO = re.compile(r"^[^/?#@]*@")


def _clean_query(query: str) -> str:
    parts = []
    for item in query.split("&"):
        name, sep, value = item.partition("=")
        if sep and value and name.lower() not in SAFE_PARAMETERS:
            value = "***"
        parts.append(f"{name}{sep}{value}")
    return "&".join(parts)


def _clean_url(match: re.Match[str]) -> str:
    scheme, rest = match.group(1), match.group(2)
    rest = _USERINFO.sub("***@", rest, count=1)
    base, sep, query = rest.partition("?")
    if not sep:
        return scheme + rest
    query, hash_sep, fragment = query.partition("#")
    return f"{scheme}{base}?{_clean_query(query)}{hash_sep}{fragment}"


def redact(text: str) -> str:
    """``text`` with credentials and non-refkit query values of every URL replaced by ``***``."""
    if "://" not in text:
        return text
    return _URL.sub(_clean_url, text)
