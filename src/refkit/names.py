"""Names: the :class:`Name` type and BibTeX name lists <-> names.

Splitting follows BibTeX's rules as pybtex implements them (brace-level ``and``,
the three comma forms, lower-case "von" parts), so refkit agrees with BibTeX on
every name a ``.bib`` file can hold. Beyond BibTeX, two forms people write are read:

* semicolon-separated lists as EndNote, RIS and Zotero exports write them
  (``Doe, J.; Roe, R.``): a ``;`` at brace depth 0 separates names like ``and``;
* biblatex's extended name format (``given=John, family=Doe, prefix=van,
  useprefix=true``), where every comma-separated part is ``key=value``.

A name that none of these can split (``Doe, John, Jr, Extra``: "too many
commas" to pybtex) is kept whole as a literal name (with the part before the
first comma as its family name, for keys and matching): reading a name never
raises, and nothing the user wrote is lost.

This module imports nothing from :mod:`refkit.model` (which re-exports
:class:`Name`), so the two cannot import each other in a cycle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .latex import collapse_space

__all__ = ["Name", "parse_names", "format_names", "parse_name"]


@dataclass(frozen=True)
class Name:
    """One person (or organisation) in a name list, in BibTeX's four parts.

    Parts hold BibTeX value text, like ``Entry.fields``. A name that must not be
    split (an organisation such as ``{IEEE Standards Association}``) sets
    ``literal``. The truncation marker "et al." is `Name.OTHERS`.
    """

    family: str = ""
    given: str = ""
    particle: str = ""  # the "von" part: van, de, von der …
    suffix: str = ""  # the "Jr" part: Jr., III …
    literal: str = ""  # an unsplittable name; "others" marks a truncated list

    @property
    def is_others(self) -> bool:
        """True for the truncation marker BibTeX writes as ``and others``."""
        return self.literal == "others"

    def bibtex(self) -> str:
        """This name as BibTeX writes it in a name list (``von Last, Jr, First``)."""
        if self.literal:
            return self.literal if self.is_others else "{" + self.literal.strip("{}") + "}"
        last = " ".join(p for p in (self.particle, self.family) if p)
        if self.suffix:
            text = f"{last}, {self.suffix}, {self.given}"
        elif self.given:
            text = f"{last}, {self.given}"
        else:
            text = last
        if self.particle and parse_name(text) != self:
            # a particle BibTeX would not read back as one (it starts with a
            # capital: "Álvaro" before "Fialho" with no given name, as pandoc
            # reads "{\'A}lvaro Fialho"): biblatex's extended name format keeps it
            return self.extended()
        return text

    def extended(self) -> str:
        """This name in biblatex's extended name format
        (``family={Doe}, given={John}, prefix={van}``), which keeps every part
        whatever its case."""
        parts = (("family", self.family), ("given", self.given), ("prefix", self.particle), ("suffix", self.suffix))
        return ", ".join(f"{key}={{{value}}}" for key, value in parts if value)

    def __str__(self) -> str:
        if self.literal:
            return self.literal
        return " ".join(p for p in (self.given, self.particle, self.family, self.suffix) if p)


Name.OTHERS = Name(literal="others")  # type: ignore[attr-defined]


@lru_cache(maxsize=65536)
def parse_names(value: str) -> tuple[Name, ...]:
    """Split a BibTeX name list (``A and B and others``, or ``A; B``) into names."""
    # BibTeX treats any white space around "and" alike; pybtex's splitter only a space
    # (no-break spaces stay: they are part of a name, e.g. inside a braced literal)
    parts = _split_name_list(collapse_space(value, keep_ties=True))
    if ";" in value:
        parts = [piece for part in parts for piece in _split_semicolons(part)]
    return tuple(parse_name(part) for part in parts if part.strip())


_AND = re.compile(" [Aa][Nn][Dd] ")
_BRACE = re.compile("[{}]")


def _split_name_list(text: str) -> list[str]:
    """What pybtex's ``split_name_list`` gives (``text`` split at " and " outside
    braces, each part stripped), in one pass. pybtex copies the rest of the text at
    every brace (``str.partition``, slicing): quadratic in brace groups, so an author
    list of 128,000 ``{a}`` (384 KB) took 3.5 s, x3.7 per doubling. An unclosed group
    ends at the last brace after it, as in pybtex."""
    result: list[str] = []
    word: list[str] = []
    pos = 0
    while True:
        opening = text.find("{", pos)
        head = text[pos:] if opening < 0 else text[pos:opening]
        if head:
            pieces = _AND.split(head)
            for piece in pieces[:-1]:
                result.append("".join([*word, piece]))
                word = []
            word.append(pieces[-1])
        if opening < 0:
            break
        level, end, last = 1, len(text), -1
        for m in _BRACE.finditer(text, opening + 1):
            last = m.end()
            level += 1 if m.group() == "{" else -1
            if level == 0:
                end = last
                break
        else:
            end = last if last >= 0 else len(text)
        word.append(text[opening:end])
        pos = end
    if word:
        result.append("".join(word))
    return [part.strip() for part in result]


#: longer than any real name: kept as a literal, not split by pybtex (whose splitting
#: of one name is quadratic in its brace groups too)
MAX_NAME_CHARS = 4096


def _split_semicolons(text: str) -> list[str]:
    """``text`` split at ``;`` outside braces (``{Doe; Roe}`` stays one)."""
    return [p.strip() for p in _split_at_depth0(text, ";") if p.strip()]


#: biblatex's extended name format: ``family=Doe, given=John, prefix=van, useprefix=true``
#: (one part, stripped: a lazy value before trailing white space was tried at every
#: space of a run, quadratic on a run of no-break spaces, which collapse_space keeps)
_EXTENDED_PART = re.compile(r"([a-z][a-z-]*)\s*=(.*)", re.S)
_EXTENDED_KEYS = {"family": "family", "given": "given", "prefix": "particle", "suffix": "suffix"}


@lru_cache(maxsize=65536)
def parse_name(text: str) -> Name:
    """One BibTeX name. ``others`` is the truncation marker; a name wholly in
    braces (``{IEEE Standards Association}``) is kept as a literal, and so is a
    name pybtex cannot split (never an exception)."""
    from pybtex.database import Person
    from pybtex.exceptions import PybtexError

    text = collapse_space(text, keep_ties=True)
    if text.lower() == "others":
        return Name(literal="others")
    if _wholly_braced(text):
        return Name(literal=text[1:-1])
    if "=" in text:
        extended = _extended(text)
        if extended is not None:
            return extended
    try:
        if len(text) > MAX_NAME_CHARS:
            raise PybtexError("too long")
        person = Person(text)
    except PybtexError:  # "Too many commas in …", too long, and other names BibTeX cannot split
        # kept whole; the part before the first comma ("Last, …") is kept as the family
        # name too, for citation keys and matching (writers use the literal)
        family = _split_at_depth0(text, ",")[0].strip()
        return Name(literal=text, family=family if family != text else "")
    return Name(
        family=" ".join(person.last_names),
        given=" ".join(person.first_names + person.middle_names),
        particle=" ".join(person.prelast_names),
        suffix=" ".join(person.lineage_names),
    )


def _extended(text: str) -> Name | None:
    """A name in biblatex's extended format, or None when ``text`` is not one
    (every comma-separated part must be ``key=value``, one of them ``family``
    or ``given``). Options such as ``useprefix=true`` are dropped."""
    parts: dict[str, str] = {}
    for piece in _split_at_depth0(text, ","):
        m = _EXTENDED_PART.fullmatch(piece.strip())
        if m is None:
            return None
        key, value = m.group(1).lower(), m.group(2).strip()
        if _wholly_braced(value):
            value = value[1:-1]
        if key in _EXTENDED_KEYS:
            parts[_EXTENDED_KEYS[key]] = value
    if not parts.keys() & {"family", "given"}:
        return None
    return Name(**parts)


def _split_at_depth0(text: str, sep: str) -> list[str]:
    pieces: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth = max(0, depth - 1)
        elif ch == sep and depth == 0:
            pieces.append(text[start:i])
            start = i + 1
    pieces.append(text[start:])
    return pieces


def format_names(names: list[Name]) -> str:
    """The BibTeX name list for ``names`` (``Last, First and …``)."""
    return " and ".join(n.bibtex() for n in names)


def _wholly_braced(text: str) -> bool:
    if not (text.startswith("{") and text.endswith("}")):
        return False
    depth = 0
    for i, ch in enumerate(text):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0 and i != len(text) - 1:
                return False
    return True
