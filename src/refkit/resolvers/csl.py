"""CSL-JSON and Crossref work objects -> :class:`~refkit.resolvers.Record`.

doi.org content negotiation answers CSL-JSON (from Crossref: the work object
with plain-string titles and the *Crossref* type vocabulary; from DataCite: CSL
types, an upper-case DOI); Crossref's REST API answers work objects whose titles
are lists. One function reads both.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

from ..delimited import replace_delimited
from ..ids import normalize_doi, parse_arxiv
from ..model import Name
from . import Record

__all__ = ["to_record", "BIBTEX_TYPES"]

#: Crossref and CSL type -> BibTeX type
BIBTEX_TYPES = {
    "journal-article": "article",
    "article-journal": "article",
    "proceedings-article": "inproceedings",
    "paper-conference": "inproceedings",
    "book-chapter": "incollection",
    "chapter": "incollection",
    "book": "book",
    "monograph": "book",
    "edited-book": "book",
    "report": "techreport",
    "dissertation": "phdthesis",
    "thesis": "phdthesis",
    "posted-content": "misc",
    "article": "misc",
    "dataset": "misc",
}
_VENUE_FIELD = {"article": "journal", "inproceedings": "booktitle", "incollection": "booktitle"}


def _first(value: Any) -> str:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), "")
    return " ".join(str(value).split()) if isinstance(value, (str, int)) else ""


def _date(obj: Mapping[str, Any]) -> tuple[int | None, int | None]:
    for key in ("issued", "published-print", "published", "published-online", "posted", "created"):
        parts = (obj.get(key) or {}).get("date-parts") or []
        if parts and parts[0] and parts[0][0] is not None:
            first = parts[0]
            try:
                year = int(first[0])
                month = int(first[1]) if len(first) > 1 and first[1] is not None else None
            except (TypeError, ValueError):
                continue
            return year, month
    return None, None


def _names(people: Any) -> tuple[Name, ...]:
    from ..latex import escape

    out: list[Name] = []
    for person in people if isinstance(people, list) else []:
        if not isinstance(person, Mapping):
            continue
        family, given = person.get("family"), person.get("given")
        if family:
            out.append(Name(family=escape(str(family)), given=escape(str(given or "")),
                            particle=escape(str(person.get("non-dropping-particle") or "")),
                            suffix=escape(str(person.get("suffix") or ""))))
        elif person.get("literal") or person.get("name"):
            out.append(Name(literal=escape(str(person.get("literal") or person.get("name")))))
    return tuple(out)


#: a page range's dash and the blanks around it; a blank run is entered only at its
#: start (or right after the last match), where the leftmost match starts: the same
#: matches as ``\s*[-–—]+\s*``, which retried ``\s*`` from every blank of a run (x4)
PAGE_DASH = re.compile(r"(?<!\s)\s*[-\u2013\u2014]+\s*|(?<=\s)[-\u2013\u2014]+\s*")


def _strip_markup(text: str) -> str:
    text = replace_delimited(text, "<jats:title>", "</jats:title>")  # linear, unlike their patterns (x4)
    text = replace_delimited(text, "<", ">", empty=False)
    import html

    return " ".join(html.unescape(text).split())


def to_record(obj: Mapping[str, Any], source: str, identifier: str = "") -> Record:
    """A :class:`Record` from a CSL-JSON item or a Crossref work object."""
    kind = str(obj.get("type") or "")
    doi = normalize_doi(str(obj.get("DOI") or "")) or ""
    publisher = _first(obj.get("publisher"))
    arxiv = parse_arxiv(doi) if doi.lower().startswith("10.48550/") else None
    preprint = arxiv is not None or kind == "posted-content" or obj.get("subtype") == "preprint"
    btype = "misc" if preprint else BIBTEX_TYPES.get(kind, "misc")
    title = _first(obj.get("title"))
    subtitle = _first(obj.get("subtitle"))
    if subtitle and not title.endswith(subtitle) and source == "crossref":
        title = f"{title}: {subtitle}"
    year, month = _date(obj)
    fields: dict[str, str] = {}
    venue = "" if preprint else _first(obj.get("container-title"))
    for key, name in (("volume", "volume"), ("issue", "number"), ("page", "pages")):
        value = _first(obj.get(key))
        if value:
            fields[name] = PAGE_DASH.sub("--", value) if name == "pages" else value
    if publisher and not preprint and btype in ("book", "incollection", "inproceedings", "techreport"):
        fields["publisher"] = publisher
    abstract = obj.get("abstract")
    if isinstance(abstract, str) and abstract.strip():
        fields["abstract"] = _strip_markup(abstract)
    if btype == "phdthesis" and publisher:
        fields["school"] = publisher
    if arxiv is not None:
        fields.update(eprint=arxiv.id, archiveprefix="arXiv")
    return Record(
        source=source,
        identifier=identifier or doi,
        title=_strip_markup(title) if "<" in title else title,
        authors=_names(obj.get("author")),
        year=year,
        month=month,
        type=btype,
        venue=venue,
        doi=doi,
        arxiv=arxiv.id if arxiv else "",
        preprint=preprint,
        fields=fields,
    )


def venue_field(btype: str) -> str | None:
    """``journal`` for articles, ``booktitle`` for papers in proceedings/collections."""
    return _VENUE_FIELD.get(btype)
