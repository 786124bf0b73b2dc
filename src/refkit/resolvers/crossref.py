"""Crossref REST API: bibliographic search to find the DOI of an entry without one.

Crossref ranks leniently — the top hit is often a different paper — so this
module only returns candidates; :mod:`refkit.match` decides. "No match" is 200
with no items; an unknown route answers 404 ``Resource not found.`` as text/plain.
"""

from __future__ import annotations

import json
from typing import Iterable

from ..errors import LookupFailed
from ..http import HttpConfig, Query, Reply
from . import Record
from .csl import to_record

__all__ = ["ROWS", "search_query", "parse_works"]

#: candidates asked for per search
ROWS = 5
#: elements asked for (Crossref rejects unknown ``select`` names with HTTP 400, so
#: only documented ones: no ``subtype``; ``type`` posted-content marks preprints)
_SELECT = "DOI,title,subtitle,author,issued,published-print,published-online,posted,type,container-title,volume,issue,page,publisher"


def search_query(title: str, authors: Iterable[str] = (), year: int | None = None,
                 config: HttpConfig | None = None, rows: int = ROWS) -> Query:
    """``/works?query.bibliographic=<title year>&query.author=<families>&rows=N``."""
    config = config or HttpConfig()
    text = " ".join(title.split()) + (f" {year}" if year else "")
    params = {"query.bibliographic": text, "rows": str(rows), "select": _SELECT}
    families = " ".join(list(authors)[:4])
    if families:
        params["query.author"] = families
    return Query(f"{config.crossref_url.rstrip('/')}/works", params)


def parse_works(reply: Reply) -> list[Record]:
    """The works of a search answer (possibly none). Raises :class:`LookupFailed`
    for errors and bodies that are not Crossref JSON."""
    if reply.status == 404:
        return []
    if reply.status != 200:
        raise LookupFailed(f"Crossref answered HTTP {reply.status}", url=reply.url, status=reply.status)
    try:
        data = json.loads(reply.text)
    except ValueError:
        raise LookupFailed(f"Crossref sent {reply.content_type or 'unknown content'}, not JSON", url=reply.url) from None
    message = data.get("message") if isinstance(data, dict) else None
    if data.get("status") != "ok" or not isinstance(message, dict):
        raise LookupFailed("Crossref sent an error", url=reply.url, status=reply.status)
    items = message.get("items") or []
    return [to_record(item, "crossref") for item in items if isinstance(item, dict) and item.get("DOI")]
