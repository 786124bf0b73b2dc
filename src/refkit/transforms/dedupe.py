"""Duplicate detection, shared by ``refkit check`` (rules RK301-RK303) and by
merging libraries (:func:`merge_duplicates`).

Two entries describe the same work when they have

* the same DOI (compared case-insensitively, resolver prefixes removed),
* the same arXiv id (versions ignored) and the same normalized title, or
* the same normalized title and year, and nothing that tells them apart.

"Nothing that tells them apart": different DOIs, different arXiv ids or
different first-author family names. That is what keeps a conference paper and
its extended journal version (same title, same year, two DOIs) apart, and an
arXiv preprint and its *differently titled* journal version that links the same
preprint (same arXiv id, other title) are not duplicates either.

Detection is one pass over the entries with dictionaries keyed by DOI, arXiv id
and title + year, so it stays linear on libraries of tens of thousands of entries.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple, Sequence

from ..ids import normalize_doi, parse_arxiv
from ..model import Entry, Library

__all__ = ["Duplicate", "find_duplicates", "merge_duplicates", "normalize_title", "bare_doi"]

#: :func:`refkit.ids.normalize_doi`, cached: check and dedupe ask for the same DOIs
bare_doi = lru_cache(maxsize=65536)(normalize_doi)


@dataclass(frozen=True)
class Duplicate:
    """Entry number ``index`` duplicates the earlier entry number ``first``
    (positions in the sequence given to :func:`find_duplicates`); ``reason`` is
    ``"doi"``, ``"arxiv"`` or ``"title"`` (title and year). ``conflict`` marks
    a shared DOI on entries with different titles: one DOI is wrong (often a
    chapter carrying its book's DOI), and such entries are not merged."""

    index: int
    first: int
    reason: str
    conflict: bool = False


#: LaTeX letters without a Unicode decomposition, as NFKD + casefold would spell them
_LETTERS = {"o": "o", "O": "o", "ss": "ss", "ae": "ae", "AE": "ae", "oe": "oe", "OE": "oe", "l": "l", "L": "l",
            "i": "i", "j": "j", "aa": "a", "AA": "a"}
_COMMAND = re.compile(r"\\([A-Za-z]+)\s*|\\.")
#: ASCII punctuation -> space, braces dropped ({N}eural is one word), letters lower-cased
_ASCII_FOLD = {**{ord(c): " " for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`|~"}, ord("{"): None, ord("}"): None,
               **{ord(c): ord(c.lower()) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}}
_FOLD = str.maketrans({"ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "ł": "l", "ı": "i", "đ": "d", "þ": "th"})


@lru_cache(maxsize=65536)
def normalize_title(title: str) -> str:
    """A title reduced for comparison: LaTeX commands, accents, case, punctuation
    and spacing removed (``{NeRF}: Neural Radiance Fields`` -> ``nerf neural radiance fields``).

    A cheap approximation of :func:`refkit.latex.to_unicode` (which is exact but
    costs about a millisecond per title): commands are dropped, their arguments
    kept, so ``Sch\\"{o}lkopf`` and ``Schölkopf`` compare equal.
    """
    if "\\" in title:
        title = _COMMAND.sub(lambda m: _LETTERS.get(m.group(1) or "", "") if m.group(1) else "", title)
    if not title.isascii():
        title = unicodedata.normalize("NFKD", title)
        title = "".join(ch for ch in title if not unicodedata.combining(ch)).translate(_FOLD)
    if title.isascii():  # the common case, without regular expressions
        return " ".join(title.translate(_ASCII_FOLD).split())
    title = title.replace("{", "").replace("}", "")  # {N}eural is one word
    return " ".join(_WORD.findall(title.casefold()))


class _Keys(NamedTuple):  # a tuple: built once per entry, cheaper than a dataclass
    doi: str | None
    arxiv: str | None
    title: str
    year: int | None


def _keys(entry: Entry) -> _Keys:
    doi = bare_doi(entry.fields.get("doi"))
    arxiv_id = entry.arxiv
    parsed = parse_arxiv(arxiv_id) if arxiv_id else None
    return _Keys(
        doi=doi.lower() if doi else None,
        arxiv=parsed.id if parsed else None,
        title=normalize_title(entry.fields.get("title", "")),
        year=_year(entry),
    )


_YEAR = re.compile(r"\d{4}")
_WORD = re.compile(r"[^\W_]+")


def _year(entry: Entry) -> int | None:
    """The year of ``date`` or ``year`` (``Entry.date`` does more, and costs more)."""
    m = _YEAR.search(entry.fields.get("date") or entry.fields.get("year") or "")
    return int(m.group(0)) if m else None


def _first_family(entry: Entry) -> str | None:
    """The last word of the first author's (or editor's) family name, normalized.

    A cheap reading of the BibTeX name list, without the full name parser: enough
    to tell "Smith, A." from "Jones, B." (``van der Berg, A.`` and ``A. van der
    Berg`` both give ``berg``)."""
    value = entry.fields.get("author") or entry.fields.get("editor")
    return _family(value) if value else None


@lru_cache(maxsize=65536)
def _family(names: str) -> str | None:
    first = _AND.split(names.strip(), maxsplit=1)[0]
    family = first.split(",", 1)[0] if "," in first else first
    words = normalize_title(family).split()
    return words[-1] if words and words != ["others"] else None


#: (?<!\s): a match starts where a blank run starts, the leftmost place any match of
#: ``\s+and\s+`` starts, so the matches are the same; without it ``\s+`` was retried
#: from every blank of a long run (quadratic)
_AND = re.compile(r"(?<!\s)\s+and\s+", re.I)


def _distinct(a: Entry, ka: _Keys, b: Entry, kb: _Keys) -> bool:
    """True when something shows that two same-titled entries are different works:
    different DOIs, arXiv ids, first authors, or places in a journal (two
    "Announcement" columns in one volume)."""
    if ka.doi and kb.doi and ka.doi != kb.doi:
        return True
    if ka.arxiv and kb.arxiv and ka.arxiv != kb.arxiv:
        return True
    for name in ("volume", "number", "pages"):
        va, vb = a.fields.get(name), b.fields.get(name)
        if va and vb and _compact(va) != _compact(vb):
            return True
    fa, fb = _first_family(a), _first_family(b)
    return bool(fa and fb and fa != fb)


#: entries of one title and year compared at most: a file of 10,000 entries all
#: titled "Preface" must not take 50 million comparisons
_BUCKET = 64


@lru_cache(maxsize=65536)
def _compact(value: str) -> str:
    return _NOISE.sub("", value).lower()


_NOISE = re.compile(r"[\s{}]|-+")


def find_duplicates(entries: Sequence[Entry]) -> list[Duplicate]:
    """Every entry that duplicates an earlier one, in order, with the earliest
    entry it duplicates and why. Entries without an identifier or title never match."""
    by_doi: dict[str, int] = {}
    by_arxiv: dict[str, list[int]] = {}
    by_title: dict[tuple[str, int], list[int]] = {}
    keys: list[_Keys] = []
    found: list[Duplicate] = []
    for index, entry in enumerate(entries):
        k = _keys(entry)
        keys.append(k)
        match: Duplicate | None = None
        if k.doi is not None:
            first = by_doi.setdefault(k.doi, index)
            if first != index:
                title = keys[first].title
                match = Duplicate(index, first, "doi", conflict=bool(k.title and title and k.title != title))
        if match is None and k.arxiv is not None and k.title:
            for first in by_arxiv.get(k.arxiv, ())[:_BUCKET]:
                other = keys[first]
                if other.title == k.title and not (k.doi and other.doi and k.doi != other.doi):
                    match = Duplicate(index, first, "arxiv")
                    break
        if match is None and k.title and k.year is not None:
            for first in by_title.get((k.title, k.year), ())[:_BUCKET]:
                if not _distinct(entries[first], keys[first], entry, k):
                    match = Duplicate(index, first, "title")
                    break
        if match is not None:
            found.append(match)
        if k.arxiv is not None:
            by_arxiv.setdefault(k.arxiv, []).append(index)
        if k.title and k.year is not None:
            by_title.setdefault((k.title, k.year), []).append(index)
    return found


def merge_duplicates(library: Library) -> Library:
    """A library where each duplicate entry is dropped and its fields missing
    from the entry it duplicates are added there (the kept entry's values always
    win, so nothing the user wrote is overwritten). Other blocks stay in place."""
    entries = library.entries
    merged = list(entries)
    root: dict[int, int] = {}
    for dup in find_duplicates(entries):
        if dup.conflict:
            continue
        target = root.get(dup.first, dup.first)  # a chain A <- B <- C merges into A
        root[dup.index] = target
        keep, other = merged[target], entries[dup.index]
        extra = {name: value for name, value in other.fields.items() if name not in keep.fields}
        if extra:
            provenance = {**keep.provenance, **{n: other.provenance[n] for n in extra if n in other.provenance}}
            merged[target] = replace(keep, fields={**keep.fields, **extra}, provenance=provenance)
    out = Library(blocks=[], problems=list(library.problems), source=library.source)
    position = 0
    for block in library.blocks:
        if isinstance(block, Entry):
            if position not in root:
                out.blocks.append(merged[position])
            position += 1
        else:
            out.blocks.append(block)
    return out
