"""The one data model that crosses module boundaries: Entry, Name, Date, Library.

Every reader produces a :class:`Library`; every transform and writer consumes one.

Representation choices (read these before adding a reader or writer):

* ``Entry.type`` is the lower-case BibTeX/biblatex entry type (``article``,
  ``inproceedings``, ``misc``, ``online``, ``patent`` …). Unknown types are kept
  as written. The CSL type is derived through :mod:`refkit.crosswalk`.
* ``Entry.fields`` maps lower-case field names to *BibTeX value text*: LaTeX
  markup and protective braces as a ``.bib`` file would hold them, with
  ``@string`` macros already expanded, but without the outer delimiters. Use
  :func:`refkit.latex.to_unicode` to get plain text and
  :func:`refkit.latex.escape` to turn plain text into a field value.
  Fields refkit does not understand (al-folio's ``abbr``, ``selected``,
  ``bibtex_show`` …) are kept in the same mapping and pass through untouched.
* Author/editor lists stay in their fields as BibTeX name lists
  (``"Zhong, Zhihang and others"``); :meth:`Entry.names` gives typed
  :class:`Name` objects and :meth:`Entry.with_names` writes them back.
* ``Entry.origin`` remembers where an entry came from and, for ``.bib``
  input, how its fields were written (macros, ``#`` concatenations), so that
  writers can reproduce what the user wrote where nothing changed.
* ``Entry.provenance`` records, per field, who supplied the value.

Models are frozen dataclasses: transforms return new objects
(``dataclasses.replace`` or the ``with_*`` helpers) instead of mutating.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Mapping, Union

from .names import Name, parse_names  # Name lives with the code that parses it; re-exported here

__all__ = [
    "Name",
    "Date",
    "Location",
    "Provenance",
    "Origin",
    "Entry",
    "StringDef",
    "Preamble",
    "Comment",
    "Block",
    "Library",
    "Problem",
    "NAME_FIELDS",
]

#: Fields that hold BibTeX name lists.
NAME_FIELDS = ("author", "editor", "translator", "bookauthor")



@dataclass(frozen=True)
class Date:
    """A (possibly partial) calendar date; any part may be unknown."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def __bool__(self) -> bool:
        return self.year is not None


@dataclass(frozen=True)
class Location:
    """Where something was read: used in every message a user sees (``path:line:col``)."""

    path: str | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [self.path or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


@dataclass(frozen=True)
class Provenance:
    """Who supplied a field value: ``source`` is a reader or resolver name
    (``"bibtex"``, ``"html"``, ``"arxiv"``, ``"crossref"`` …), ``identifier`` what was
    looked up (an arXiv id, a DOI, a URL), ``time`` an ISO-8601 timestamp."""

    source: str
    identifier: str = ""
    time: str = ""
    note: str = ""


@dataclass(frozen=True)
class Origin:
    """How an entry looked in its source document.

    ``text`` is the exact source text of the entry (for ``.bib``: from ``@`` to the
    closing delimiter). ``raw_fields`` maps a field name to the value expression
    exactly as written (``{Foo}``, ``"Bar"``, ``jan # "~15"``, ``pami``), so a
    writer can keep macros and concatenations for fields whose value did not change.
    ``values`` is the field mapping as it was parsed, to tell whether it changed.
    ``confidence`` and ``doubts`` are set by readers that extract entries from
    documents written for people (HTML, text): how certain the entry is and why not.
    """

    location: Location = field(default_factory=Location)
    text: str = ""
    raw_fields: Mapping[str, str] = field(default_factory=dict)
    values: Mapping[str, str] = field(default_factory=dict)
    raw_type: str = ""  # the entry type as written (``Article``)
    #: how certain an extracted entry is (0..1; None: not assessed), and why not
    #: (``"no year"``, ``"authors uncertain"`` …); see :mod:`refkit.extraction.confidence`
    confidence: float | None = None
    doubts: tuple[str, ...] = ()


_ISO_DATE = re.compile(r"\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")
_FOUR_DIGITS = re.compile(r"\d{4}")
_DAY = re.compile(r"\s*(\d{1,2})\s*")


@dataclass(frozen=True)
class Entry:
    """One bibliographic item. See the module docstring for the representation."""

    type: str
    key: str
    fields: Mapping[str, str] = field(default_factory=dict)
    provenance: Mapping[str, Provenance] = field(default_factory=dict)
    origin: Origin | None = None

    # ---- plain field access -------------------------------------------------
    def get(self, name: str, default: str | None = None) -> str | None:
        """The value text of field ``name`` (lower-case), or ``default``."""
        return self.fields.get(name, default)

    def __contains__(self, name: object) -> bool:
        return name in self.fields

    @property
    def location(self) -> Location:
        return self.origin.location if self.origin else Location()

    # ---- typed views ----------------------------------------------------------
    def names(self, role: str = "author") -> tuple[Name, ...]:
        """The parsed name list of field ``role`` (``author``, ``editor`` …)."""
        value = self.fields.get(role)
        return parse_names(value) if value else ()

    @property
    def date(self) -> Date:
        """Year/month/day from ``date`` (biblatex) or ``year``/``month``/``day``."""
        # (patterns compiled once, and no month lookup for an entry without one: every
        # extracted entry is dated several times while a document is read)
        fields = self.fields
        m = _ISO_DATE.match(fields.get("date", ""))
        if m:
            return Date(*(int(g) if g else None for g in m.groups()))
        ym = _FOUR_DIGITS.search(fields.get("year", ""))
        year = int(ym.group(0)) if ym else None
        month_text = fields.get("month", "")
        month = _parse_month(month_text) if month_text != "" else None
        day = fields.get("day", "")
        dm = _DAY.fullmatch(day) if day != "" else None
        return Date(year, month, int(dm.group(1)) if dm else None)

    @property
    def doi(self) -> str | None:
        return self.fields.get("doi") or None

    @property
    def arxiv(self) -> str | None:
        """The arXiv id (``eprint`` with ``archiveprefix = arXiv``), without version."""
        eprint = self.fields.get("eprint")
        prefix = self.fields.get("archiveprefix", self.fields.get("eprinttype", "arxiv"))
        if eprint and prefix.strip("{}").lower() == "arxiv":
            return re.sub(r"v\d+$", "", eprint.strip())
        return None

    # ---- building new entries ---------------------------------------------------
    def with_fields(self, provenance: Provenance | None = None, **values: str | None) -> "Entry":
        """A copy with fields set (a ``None`` value removes the field).

        Field names with characters that are not identifiers can be passed with
        ``**{"author+an": ...}``. When ``provenance`` is given it is recorded for
        every field set.
        """
        fields = dict(self.fields)
        prov = dict(self.provenance)
        for name, value in values.items():
            if value is None:
                fields.pop(name, None)
                prov.pop(name, None)
            else:
                fields[name] = value
                if provenance is not None:
                    prov[name] = provenance
        # the constructor, not dataclasses.replace (which looks up every field's
        # definition on each call): readers build each entry through a few of these
        return Entry(self.type, self.key, fields, prov, self.origin)

    def without(self, *names: str) -> "Entry":
        """A copy without the named fields."""
        return self.with_fields(**{n: None for n in names})

    def with_names(self, role: str, names: Iterable[Name], provenance: Provenance | None = None) -> "Entry":
        """A copy whose name list ``role`` is ``names`` (empty removes the field)."""
        from .names import format_names

        text = format_names(list(names))
        return self.with_fields(provenance, **{role: text or None})


@dataclass(frozen=True)
class StringDef:
    """An ``@string{name = value}`` macro definition.

    ``value`` is the expanded value text; ``raw`` the expression as written."""

    name: str
    value: str
    raw: str = ""
    origin: Origin | None = None


@dataclass(frozen=True)
class Preamble:
    """An ``@preamble{...}`` block; ``raw`` is its body as written."""

    raw: str
    origin: Origin | None = None


@dataclass(frozen=True)
class Comment:
    """Text that is not an entry: an ``@comment`` block, ``%`` lines, or free text
    between entries. ``text`` is exactly what the file held, so it is written back
    unchanged."""

    text: str
    origin: Origin | None = None


Block = Union[Entry, StringDef, Preamble, Comment]


@dataclass(frozen=True)
class Problem:
    """A finding with a stable code and a location (check rules, parse warnings,
    enrichment failures). Problems are data: collect them, don't raise."""

    code: str
    message: str
    location: Location = field(default_factory=Location)
    severity: str = "error"  # "error" | "warning" | "info"
    key: str | None = None  # the citation key concerned, if any
    fixable: bool = False  # True when ``refkit format`` would fix it

    def __str__(self) -> str:
        return f"{self.location}: {self.code} {self.message}"


@dataclass
class Library:
    """An ordered collection of blocks: entries plus the ``@string``,
    ``@preamble`` and comment blocks around them, in document order."""

    blocks: list[Block] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    source: str | None = None  # path or URL the library was read from

    @classmethod
    def from_entries(cls, entries: Iterable[Entry], source: str | None = None) -> "Library":
        return cls(blocks=list(entries), source=source)

    @property
    def entries(self) -> list[Entry]:
        return [b for b in self.blocks if isinstance(b, Entry)]

    @property
    def strings(self) -> dict[str, str]:
        """Macro name (lower-case) -> expanded value, in definition order."""
        return {b.name.lower(): b.value for b in self.blocks if isinstance(b, StringDef)}

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return sum(1 for b in self.blocks if isinstance(b, Entry))

    def get(self, key: str) -> Entry | None:
        """The first entry with citation key ``key`` (case-sensitive)."""
        return next((e for e in self.entries if e.key == key), None)

    def replace_entries(self, entries: Iterable[Entry]) -> "Library":
        """A library with the same non-entry blocks and ``entries`` in place of the
        old ones (extra entries are appended at the end, in order)."""
        new = list(entries)
        out: list[Block] = []
        it = iter(new)
        for block in self.blocks:
            if isinstance(block, Entry):
                nxt = next(it, None)
                if nxt is not None:
                    out.append(nxt)
            else:
                out.append(block)
        out.extend(it)
        return Library(blocks=out, problems=list(self.problems), source=self.source)

    def merged(self, other: "Library") -> "Library":
        """This library followed by ``other`` (used when several inputs are read)."""
        return Library(
            blocks=self.blocks + other.blocks,
            problems=self.problems + other.problems,
            source=self.source,
        )


def _parse_month(text: str) -> int | None:
    from .dates import month_number

    return month_number(text, prefix=True)
