"""BibTeX name lists <-> :class:`~refkit.model.Name` (First von Last, Jr rules).

Splitting follows BibTeX's rules as pybtex implements them (brace-level ``and``,
the three comma forms, lower-case "von" parts), so refkit agrees with BibTeX on
every name a ``.bib`` file can hold.
"""

from __future__ import annotations

from functools import lru_cache

from .model import Name

__all__ = ["parse_names", "format_names", "parse_name"]


@lru_cache(maxsize=65536)
def parse_names(value: str) -> tuple[Name, ...]:
    """Split a BibTeX name list (``A and B and others``) into names."""
    from pybtex.bibtex.utils import split_name_list

    # BibTeX treats any white space around "and" alike; pybtex's splitter only a space
    return tuple(parse_name(part) for part in split_name_list(" ".join(value.split())) if part.strip())


@lru_cache(maxsize=65536)
def parse_name(text: str) -> Name:
    """One BibTeX name. ``others`` is the truncation marker; a name wholly in
    braces (``{IEEE Standards Association}``) is kept as a literal."""
    from pybtex.database import Person

    text = " ".join(text.split())
    if text.lower() == "others":
        return Name(literal="others")
    if _wholly_braced(text):
        return Name(literal=text[1:-1])
    person = Person(text)
    return Name(
        family=" ".join(person.last_names),
        given=" ".join(person.first_names + person.middle_names),
        particle=" ".join(person.prelast_names),
        suffix=" ".join(person.lineage_names),
    )


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
