"""doi.org content negotiation: CSL-JSON for any DOI (Crossref, DataCite —
including arXiv's ``10.48550/arXiv.*`` DOIs — and other agencies).

doi.org answers 302 to the registration agency's converter; :class:`refkit.http.Client`
follows that hop (re-sending the ``Accept`` header) and paces each host.
An unknown DOI is 404 with an HTML page; a string that is not a DOI is 400.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from ..errors import LookupFailed
from ..http import HttpConfig, Query, Reply
from . import Record
from .csl import to_record

__all__ = ["ACCEPT", "query", "parse"]

ACCEPT = "application/vnd.citationstyles.csl+json"


def query(doi: str, config: HttpConfig) -> Query:
    """The content-negotiation request for ``doi`` (a bare DOI). DOIs are
    case-insensitive; the request uses lower case so that one DOI spelled two
    ways is one cache entry."""
    return Query(f"{config.doi_url.rstrip('/')}/{quote(doi.lower(), safe='/:;()')}", headers={"Accept": ACCEPT})


def parse(reply: Reply, doi: str) -> Record | None:
    """The work ``doi`` names, or None when doi.org does not know it (404).
    Other failures raise :class:`LookupFailed`."""
    if reply.status == 404:
        return None
    if reply.status == 400:
        raise LookupFailed(f"doi.org: {doi!r} is not a DOI", identifier=doi, url=reply.url, status=400)
    if reply.status != 200:
        raise LookupFailed(f"doi.org answered HTTP {reply.status}", identifier=doi, url=reply.url, status=reply.status)
    try:
        data = json.loads(reply.text)
    except ValueError:
        kind = reply.content_type or "unknown content"
        raise LookupFailed(f"doi.org sent {kind}, not CSL-JSON", identifier=doi, url=reply.url, status=200) from None
    if isinstance(data, list) and data:
        data = data[0]
    if not isinstance(data, dict) or not (data.get("title") or data.get("DOI")):
        raise LookupFailed("doi.org sent CSL-JSON without a work", identifier=doi, url=reply.url, status=200)
    return to_record(data, "doi", doi)
