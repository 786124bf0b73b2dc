"""DBLP publication search (``/search/publ/api?q=…&format=json``): venues and pages
of computer-science papers, including conference papers without a DOI (NeurIPS,
ICLR, AAAI …), which Crossref cannot supply.

Quirks handled (see the recorded response): every number is a string;
``authors.author`` is a list — or a single object for one author; names may
carry homonym numbers (``Alexey Karpov 0001``); titles end with ``.`` and may hold
XML entities (``&apos;``); ``venue``/``ee`` may be a string or a list; zero hits
means ``hits`` without ``hit``. "Informal and Other Publications" are CoRR
(arXiv) records: preprints, not published versions.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any, Iterable

from ..errors import LookupFailed
from ..http import HttpConfig, Query, Reply
from ..ids import find_arxiv, normalize_doi
from . import Record
from .arxiv import parse_name

__all__ = ["HITS", "search_query", "parse_hits"]

#: hits asked for per search
HITS = 5
_TYPES = {
    "Conference and Workshop Papers": "inproceedings",
    "Journal Articles": "article",
    "Parts in Books or Collections": "incollection",
    "Books and Theses": "book",
}


def search_query(title: str, authors: Iterable[str] = (), config: HttpConfig | None = None, hits: int = HITS) -> Query:
    """A DBLP search for ``title`` plus up to two author family names."""
    config = config or HttpConfig()
    words = re.findall(r"[^\W_]+", title) + [w for a in list(authors)[:2] for w in re.findall(r"[^\W_]+", a)]
    return Query(f"{config.dblp_url.rstrip('/')}/search/publ/api", {"q": " ".join(words), "format": "json", "h": str(hits)})


def _one(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return html.unescape(" ".join(str(value or "").split()))


#: the homonym number dblp appends to a name ("Wei Wang 0001"); from a blank run's
#: start only (the leftmost match's start: same matches; \s+ was retried from every blank, x4)
_HOMONYM = re.compile(r"(?<!\s)\s+\d{4}$")
#: a page range's dash with its blanks (the same matches as \s*[-–]+\s*, linear; see csl.PAGE_DASH)
_PAGE_DASH = re.compile(r"(?<!\s)\s*[-\u2013]+\s*|(?<=\s)[-\u2013]+\s*")


def _record(info: dict[str, Any]) -> Record:
    people = (info.get("authors") or {}).get("author") or []
    if isinstance(people, dict):
        people = [people]
    names = []
    for person in people:
        text = person.get("text", "") if isinstance(person, dict) else str(person)
        text = _HOMONYM.sub("", html.unescape(text))
        if text.strip():
            names.append(parse_name(text))
    kind = str(info.get("type") or "")
    ee = info.get("ee") or []
    links = ee if isinstance(ee, list) else [ee]
    arxiv = next((a for a in (find_arxiv(str(link)) for link in links) if a), None)
    preprint = kind == "Informal and Other Publications" or _one(info.get("venue")).lower() in ("corr", "arxiv")
    doi = normalize_doi(str(info.get("doi") or "")) or ""
    fields = {name: _one(info.get(name)) for name in ("volume", "number", "pages") if info.get(name)}
    if "pages" in fields:
        fields["pages"] = _PAGE_DASH.sub("--", fields["pages"])
    year = _one(info.get("year"))
    return Record(
        source="dblp",
        identifier=str(info.get("key") or doi),
        title=_one(info.get("title")).rstrip("."),
        authors=tuple(names),
        year=int(year) if year.isdigit() else None,
        type="misc" if preprint else _TYPES.get(kind, "misc"),
        venue="" if preprint else _one(info.get("venue")),
        doi="" if preprint and doi.lower().startswith("10.48550/") else doi,
        arxiv=arxiv.id if arxiv else "",
        preprint=preprint,
        fields=fields,
    )


def parse_hits(reply: Reply) -> list[Record]:
    """The publications of a search answer (possibly none); errors raise :class:`LookupFailed`."""
    if reply.status != 200:
        raise LookupFailed(f"DBLP answered HTTP {reply.status}", url=reply.url, status=reply.status)
    try:
        data = json.loads(reply.text)
        result = data["result"]
    except (ValueError, KeyError, TypeError):
        raise LookupFailed(f"DBLP sent {reply.content_type or 'unknown content'}, not its JSON", url=reply.url) from None
    hits = (result.get("hits") or {}).get("hit") or []
    if isinstance(hits, dict):
        hits = [hits]
    return [_record(h["info"]) for h in hits if isinstance(h, dict) and isinstance(h.get("info"), dict)]
