"""Step 5, *build*: the :class:`~refkit.model.Entry` from the parts found — values escaped
with :func:`refkit.latex.escape`, DOIs and URLs kept verbatim, role markers in ``author+an``, a
:class:`~refkit.model.Provenance` naming the reader and the document on every field.
"""

from __future__ import annotations

import re

from ...latex import escape
from ...model import Entry, Origin, Provenance
from ..authors import AuthorList, annotation, scan_authors
from ..segment import Segment
from ..venues import is_publisher, lookup

from .work import _Parts, _Work
from .venue import _strip_venue_for_thesis, _tidy_venue


#: a quoted phrase opening a title, then more of it: "“Dark matter”: a history …"
_OPENING_QUOTED_PHRASE = re.compile(r"[^“”\n]{1,200}”[ \t]?:[ \t]{1,3}\S")

_TITLE_LABEL = re.compile(r"^(?:title\s*[:：]\s*)", re.I)
#: a catalogue's medium designator after a title ("[online]", "[Internet]", "[en ligne]"): what
#: the item is, not words of its title
_MEDIUM_MARK = re.compile(r"\s*\[(?:online|internet|electronic resource|online resource|en ligne|en l[íi]nea|"
                          r"recurso electr[óo]nico|elektronische ressource|on-line|web)\]\s*(?=[.,;:]?$)", re.I)
_TRAILING_FULL_STOP = re.compile(r"(?<!\.\.)(?<!\bet al)(?<!\betc)\.$")

_PUBLISHER_PLACE = re.compile(r"([A-Z][\w .,-]{1,40}?)\s*:\s+(?=\S)")
_PUBLISHER_THEN_PLACE = re.compile(r"(.*?\b(?:Press|Verlag|Publishers?|Publishing|Springer|Wiley|Elsevier))\s*,\s*([A-Z].*)$")
_REPORT_NUMBER = re.compile(r"(?:^|\s|,)([A-Z][A-Za-z]*(?:[-/][A-Za-z0-9]+)*[-/]\d[\w/-]*|No\.\s*\d[\w-]*)(?:,|\s|$)")
_BRACES_OR_SPACE = re.compile(r"[{}\s]")


#: the " //" that closes a part before its host in GOST / ISBD citations ("Title // Journal")
_HOST_SEPARATOR = re.compile(r"\s+//$")


def _clean_title(title: str) -> str:
    title = " ".join(title.split())
    title = _TITLE_LABEL.sub("", title)
    title = title.strip(" ,;")
    if len(title) > 2 and title[0] in "“\"‘'«" and title[-1] in "”\"’'»":
        title = title[1:-1]
    title = title.strip("“”\"«» ")
    if _OPENING_QUOTED_PHRASE.match(title):
        title = "“" + title  # "“Dark matter”: a history": the quote that opens the title is its own
    title = _MEDIUM_MARK.sub("", title)
    if title.endswith((".", ".\n")):  # the only places "\.$" matches
        title = _TRAILING_FULL_STOP.sub("", title)
    title = _HOST_SEPARATOR.sub("", title.strip())
    return title.rstrip(",;: ")


#: ", with" (", joint with") between a title and the names of its co-authors
_TITLE_WITH = re.compile(r",\s+(?:joint\s+)?with\s+", re.I)


def _title_with_coauthors(title: str, parts: _Parts) -> str:
    """"Title, with Jane Doe and Li Wei" (the owner implied, as CVs in mathematics,
    economics and law write it): the names after ", with" are the co-authors, not title
    words, when they run to the title's end (a trailing "(SSRN)" label may follow).
    ``parts.authors`` is set then; the title without them is returned. (Bracketed
    "(with A and B)" lists are the item's own marks, taken out before the title is read:
    :func:`~refkit.extraction.authors.marked_authors`.)"""
    for m in _TITLE_WITH.finditer(title):
        rest = title[m.end():]
        listed = scan_authors(rest)
        if listed and not _TRAILING_LABEL.sub("", rest[listed.end:]).strip(" ,.;"):
            head = _clean_title(title[:m.start()])
            if len(head) >= 4:
                parts.authors = listed
                return head
    return title


#: a parenthesised label after a name list ("(SSRN, NBER)", "(with slides)"); the leading
#: blanks only from a run's first character (a blank run is scanned once: linear)
_TRAILING_LABEL = re.compile(r"(?:(?<!\s)\s+)?\([^()]{0,80}\)\s*$")


def _build(segment: Segment, work: _Work, source: str, path: str, *, title: str, authors: AuthorList | None,
           editors: bool, venue: str, extra: dict[str, str], kind: str, venue_field: str | None, series: str) -> Entry:
    """Step 5: the entry from the parts found (escaped values, provenance, identifiers)."""
    prov = Provenance(source=source, identifier=path)
    entry = Entry(kind, "", {}, {}, Origin(segment.location, segment.text))  # positional: a frozen dataclass per item
    values: dict[str, str | None] = {"title": escape(title, math=True)}
    if authors:
        entry = entry.with_names("editor" if editors else "author", authors.names, prov)
        note = annotation(authors.roles)
        if note:
            values["author+an"] = note
    if venue and venue_field:
        shown = _strip_venue_for_thesis(venue, kind) if kind in ("phdthesis", "mastersthesis", "techreport") else venue
        place = _PUBLISHER_PLACE.match(shown) if kind == "book" else None
        if place and is_publisher(shown[place.end():]):
            values["address"] = escape(place.group(1))
            shown = shown[place.end():]
        after = _PUBLISHER_THEN_PLACE.match(shown) if kind == "book" else None
        if after and "address" not in values:
            shown = after.group(1)  # "Princeton University Press, Princeton, New Jersey, USA"
            values["address"] = escape(after.group(2))
        if shown:
            values[venue_field] = escape(shown)
        known = lookup(venue)
        if known and kind in ("article", "inproceedings"):
            values["abbr"] = escape(known.abbr)
    if series:
        values["series"] = escape(series)
        if "number" in extra:
            values["number"] = extra["number"]
    if work.year:
        values["year"] = work.year
    if work.month:
        values["month"] = ("jan feb mar apr may jun jul aug sep oct nov dec".split())[work.month - 1]
    if "editor" in extra and not editors:
        listed = scan_authors(extra["editor"])
        if listed:
            entry = entry.with_names("editor", listed.names, prov)
    if kind == "techreport" and values.get("institution"):
        rm = _REPORT_NUMBER.search(values["institution"] or "")
        if rm:
            values["number"] = rm.group(1)
            values["institution"] = escape(_tidy_venue(_strip_venue_for_thesis(venue, kind).replace(rm.group(1), " ")))
    if kind in ("article", "inproceedings", "incollection"):
        for name in ("volume", "number", "pages"):
            if name in extra:
                values[name] = extra[name]
    found = work.found
    if "doi" in found:
        values["doi"] = _verbatim(found["doi"])
    if "eprint" in found:
        values["eprint"] = found["eprint"]
        values["archiveprefix"] = "arXiv"
        if "primaryclass" in found:
            values["primaryclass"] = found["primaryclass"]
        values["arxiv"] = found["eprint"]
    for name in ("pmid", "pmcid", "isbn", "openreview"):
        if name in found:
            values[name] = found[name]
    for name, url in work.links.items():
        values.setdefault(name, _verbatim(url))
    if work.pubstate:
        values["pubstate"] = work.pubstate
    notes = list(dict.fromkeys(work.notes))
    if notes:
        values["note"] = escape("; ".join(notes))
    entry = entry.with_fields(prov, **values)
    return entry


def _verbatim(value: str) -> str:
    """DOIs and URLs are verbatim fields: kept as written, only braces (which
    would unbalance the value) and whitespace removed."""
    return _BRACES_OR_SPACE.sub("", value)
