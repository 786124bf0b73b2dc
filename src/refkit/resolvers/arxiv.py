"""arXiv API (Atom 1.0): batched ``id_list`` lookups and title searches.

Parsing follows what the recorded responses show (both the 2019 and the 2025+
layouts): elements are selected by namespace and name, never by position; ids
are matched to entries by ``<id>``, not by order, because unknown ids are
silently dropped from a batch; a malformed id answers HTTP 400 with a feed whose
one entry is titled "Error" — it is an error, not a paper.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from ..errors import LookupFailed
from ..http import HttpConfig, Query, Reply
from ..ids import parse_arxiv
from ..model import Name
from . import Record

__all__ = ["BATCH_SIZE", "SEARCH_BATCH", "id_query", "search_query", "batch_search_query", "parse_feed", "parse_name"]

ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"
OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"

#: ids per ``id_list`` request (arXiv allows more; this keeps URLs and answers small)
BATCH_SIZE = 50


def id_query(ids: Sequence[str], config: HttpConfig) -> Query:
    """One request for up to :data:`BATCH_SIZE` ids (old-style ids keep their ``/``)."""
    if not ids or len(ids) > BATCH_SIZE:
        raise ValueError(f"between 1 and {BATCH_SIZE} ids per request, not {len(ids)}")
    return Query(config.arxiv_url, {"id_list": ",".join(ids), "start": "0", "max_results": str(len(ids))})


#: titles per batched search request
SEARCH_BATCH = 10


def _clause(title: str, authors: Iterable[str]) -> str:
    words = re.findall(r"[^\W_]+", title)
    parts = [f'ti:"{" ".join(words)}"'] if words else []
    for family in list(authors)[:2]:
        name = re.findall(r"[^\W_]+", family)
        if name:
            parts.append(f"au:{'_'.join(name)}")
    return " AND ".join(parts)


def search_query(title: str, authors: Iterable[str] = (), config: HttpConfig | None = None, rows: int = 5) -> Query:
    """A title search (``ti:``), narrowed by up to two author family names (``au:``)."""
    config = config or HttpConfig()
    return Query(config.arxiv_url, {"search_query": _clause(title, authors), "start": "0", "max_results": str(rows)})


def batch_search_query(items: Sequence[tuple[str, Iterable[str]]], config: HttpConfig | None = None, rows: int = 5) -> Query:
    """Several title searches in one request: ``(ti:"A" AND au:x) OR (ti:"B" AND au:y)``,
    ``rows`` answers per title. The caller matches answers to titles."""
    if not items or len(items) > SEARCH_BATCH:
        raise ValueError(f"between 1 and {SEARCH_BATCH} titles per request, not {len(items)}")
    config = config or HttpConfig()
    clauses = [c for c in (_clause(t, a) for t, a in items) if c]
    text = clauses[0] if len(clauses) == 1 else " OR ".join(f"({c})" for c in clauses)
    return Query(config.arxiv_url, {"search_query": text, "start": "0", "max_results": str(rows * len(items))})


def _text(element: object) -> str:
    text = getattr(element, "text", None) or ""
    return " ".join(text.split())


def parse_feed(reply: Reply) -> list[Record]:
    """The papers in an Atom answer. Raises :class:`LookupFailed` for error
    answers (HTTP 400 "incorrect id format", other statuses, non-Atom bodies)."""
    from lxml import etree

    if reply.status not in (200, 400):
        raise LookupFailed(f"arXiv answered HTTP {reply.status}", url=reply.url, status=reply.status)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=False)
    try:
        root = etree.fromstring(reply.text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        raise LookupFailed(f"arXiv sent a malformed answer ({exc.msg})", url=reply.url, status=reply.status) from None
    if root.tag != ATOM + "feed":
        raise LookupFailed("arXiv sent something that is not an Atom feed", url=reply.url, status=reply.status)
    records: list[Record] = []
    for entry in root.iter(ATOM + "entry"):
        ident = _text(entry.find(ATOM + "id"))
        if "/api/errors" in ident or reply.status == 400:
            message = _text(entry.find(ATOM + "summary")) or "error"
            raise LookupFailed(f"arXiv: {message}", url=reply.url, status=reply.status)
        record = _record(entry, ident)
        if record is not None:
            records.append(record)
    if reply.status == 400:
        raise LookupFailed("arXiv rejected the request (HTTP 400)", url=reply.url, status=400)
    return records


def _record(entry: object, ident: str) -> Record | None:
    from lxml import etree

    assert isinstance(entry, etree._Element)
    arxiv = parse_arxiv(ident)
    if arxiv is None:
        return None
    published = _text(entry.find(ATOM + "published"))
    m = re.match(r"(\d{4})-(\d{2})", published)
    year, month = (int(m.group(1)), int(m.group(2))) if m else (None, None)
    authors = tuple(parse_name(_text(a.find(ATOM + "name"))) for a in entry.findall(ATOM + "author"))
    primary = entry.find(ARXIV + "primary_category")
    category = primary.get("term", "") if primary is not None else ""
    doi = _text(entry.find(ARXIV + "doi"))
    fields = {
        "eprint": arxiv.id,
        "archiveprefix": "arXiv",
        "abstract": _text(entry.find(ATOM + "summary")),
    }
    if category:
        fields["primaryclass"] = category
    if arxiv.version:
        fields["version"] = str(arxiv.version)
    return Record(
        source="arxiv",
        identifier=arxiv.id,
        title=_text(entry.find(ATOM + "title")),
        authors=tuple(a for a in authors if a != Name()),
        year=year,
        month=month,
        type="misc",
        venue="",
        doi=doi,
        arxiv=arxiv.id,
        journal_ref=_text(entry.find(ARXIV + "journal_ref")),
        preprint=True,
        fields=fields,
    )


def parse_name(display: str) -> Name:
    """An arXiv display name (``Francisco J Valero-Cuevas``) as a :class:`Name`."""
    from ..latex import escape
    from ..names import parse_name as parse_bibtex_name

    display = " ".join(display.split())
    if not display:
        return Name()
    name = parse_bibtex_name(escape(display))
    return name
