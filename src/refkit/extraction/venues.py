"""Venue knowledge: which venues are journals or conferences, what their
abbreviations stand for, and the AAS journal macros (``\\apj``, ``\\mnras`` …).

The knowledge is data (``refkit/data/venues.json``); this module only reads it.
It never changes what a page displayed as the venue: it tells the citation
parser the entry type, and gives a full name a writer may show next to it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import lexicon

__all__ = ["Venue", "lookup", "venue_type", "is_publisher", "aas_macros", "all_venues", "acronyms", "abbreviation_stems"]

_DATA = Path(__file__).resolve().parent.parent / "data" / "venues.json"

#: abbreviations too short or too common as words to be recognised inside running text
_AMBIGUOUS = frozenset({"PR", "SC", "MM", "ACC", "DATE", "FSE", "RSS", "AIJ", "TIP", "ASE", "CAV", "DCC", "UAI", "na", "aas"})

# Folding a venue name to its lookup key: runs of anything but word characters and "&".
_NON_WORD_RUN = re.compile(r"[^\w&]+")


@dataclass(frozen=True)
class Venue:
    """One known venue: its usual abbreviation, full name and BibTeX entry type."""

    abbr: str
    name: str
    type: str  # "article" | "inproceedings"


@lru_cache(maxsize=1)
def _load() -> dict[str, object]:
    with _DATA.open(encoding="utf-8") as handle:
        data: dict[str, object] = json.load(handle)
    return data


@lru_cache(maxsize=1)
def all_venues() -> tuple[Venue, ...]:
    """Every venue in the data file, in file order."""
    rows = _load()["venues"]
    assert isinstance(rows, list)
    return tuple(Venue(r["abbr"], r["name"], r["type"]) for r in rows)


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, Venue], dict[str, Venue], re.Pattern[str]]:
    by_abbr: dict[str, Venue] = {}
    by_name: dict[str, Venue] = {}
    for v in all_venues():
        by_abbr.setdefault(v.abbr, v)
        by_name.setdefault(_fold(v.name), v)
    usable = sorted((a for a in by_abbr if a not in _AMBIGUOUS), key=len, reverse=True)
    pattern = re.compile(r"(?<![\w&-])(" + "|".join(re.escape(a) for a in usable) + r")(?![\w&-])")
    return by_abbr, by_name, pattern


@lru_cache(maxsize=1)
def acronyms() -> frozenset[str]:
    """The venue abbreviations written in capitals ("JAIR", "SODA", "CHI"), lower-cased, that
    are no word of any venue's full name: as words of a name ("Jair", "Soda") they are no venue."""
    named = {w for v in all_venues() for w in _NON_WORD_RUN.split(v.name.lower()) if w}
    return frozenset(v.abbr.lower() for v in all_venues()
                     if v.abbr.isalpha() and v.abbr.isupper() and len(v.abbr) >= 3 and v.abbr.lower() not in named)


def _fold(text: str) -> str:
    return " ".join(_NON_WORD_RUN.sub(" ", text.lower()).replace("the ", " ").split())


@lru_cache(maxsize=4096)
def lookup(text: str) -> Venue | None:
    """The known venue ``text`` names: an exact full name, an exact abbreviation, or
    an unambiguous abbreviation inside it ("IEEE/CVF … (CVPR) 2024" -> CVPR)."""
    if not text:
        return None
    by_abbr, by_name, pattern = _index()
    stripped = text.strip()
    if stripped in by_abbr:
        return by_abbr[stripped]
    folded = _fold(stripped)
    if folded in by_name:
        return by_name[folded]
    m = pattern.search(stripped)
    return by_abbr[m.group(1)] if m else None


_CONFERENCE = re.compile(
    r"\b(?:conference|proceedings|symposium|workshops?|colloquium|congress|meeting|summit|convention|forum)\b|"
    r"\b(?:conf|proc|symp)\.|\bin\s*:",
    re.I,
)
_JOURNAL = re.compile(
    r"\b(?:journal|transactions|letters|review|reviews|magazine|bulletin|annals|quarterly|acta|archives|reports|"
    r"communications|nature|science|cell|physica|zeitschrift|revista|journ)\b|"
    r"\b(?:j|trans|lett|rev|ann|phys|chem|biol|med|math|stat|astron|astrophys|mon|not|commun|sci)\.",
    re.I,
)

#: the word stems journal abbreviations are built from, as NLM/Vancouver lists write them
#: without periods ("Phys Rev B", "J Biol Chem", "Proc Natl Acad Sci USA", "Nat Commun")
_ABBREVIATION_STEMS = frozenset(
    "j phys rev lett chem biol med math stat astron astrophys commun nat natl acad proc sci res mol "
    "appl comput eng int soc ann clin opt mater theor nucl neurol immunol genet ecol environ geophys "
    "psychol rep mech syst microbiol biochem biophys cell".split()
)


def abbreviation_stems(words: list[str]) -> int:
    """How many of ``words`` are words of three letters or more that journal abbreviations are
    built from ("Commun", "Chem.", "Nat"), 0 unless one of them is no known name too ("Nat",
    "Ann", "Eng" are names as well): two make "Nat Commun", "Chem Eng" a journal, no person."""
    stems = [w.lower().strip(".") for w in words if len(w.strip(".")) >= 3 and w.lower().strip(".") in _ABBREVIATION_STEMS]
    return len(stems) if any(w not in _name_stems() for w in stems) else 0


@lru_cache(maxsize=1)
def _name_stems() -> frozenset[str]:
    """The abbreviation stems that are names as well ("Ann", "Eng", "Nat")."""
    return _ABBREVIATION_STEMS & (lexicon.words("given_names") | lexicon.words("family_names") | {"nat"})


#: a short venue made of capitalized words, single capitals and numbers only
_ABBREVIATED = re.compile(r"[A-Z][A-Za-z]{0,11}(?: (?:[A-Z][A-Za-z]{0,11}|\d{1,3}))*")


def _abbreviated_journal(text: str) -> bool:
    """An unpunctuated abbreviated journal name: two to seven capitalized words, two or more
    of them abbreviation stems ("Phys Rev B", "New J Phys"), no lowercase word a title has.
    Without it a bold "Phys Rev B" reads as the item's title and its real title as the venue."""
    words = text.strip(" .,;").split()
    if not 2 <= len(words) <= 7 or not _ABBREVIATED.fullmatch(" ".join(words)):
        return False
    return sum(w.lower() in _ABBREVIATION_STEMS for w in words) >= 2


# "Proceedings of the IEEE", "Proc. Natl. Acad. Sci.": proceedings that are journals,
# unless what follows names a meeting.
_PROCEEDINGS_OF_THE = re.compile(r"\bproceedings of the\s+(.*)", re.I)
_MEETING_WORDS = re.compile(r"conference|symposium|workshop|meeting|congress|annual|\d", re.I)
_PROC_OF_SOCIETY = re.compile(r"\bproc(?:eedings|\.)\s+(?:of\s+the\s+)?(?:[A-Z][\w.]*\s+){0,3}(?:soc|society|acad|academy|roy|royal|natl|national|amer)\b", re.I)


@lru_cache(maxsize=4096)  # an item asks about its venue three times; a CV repeats its venues
def venue_type(text: str) -> str | None:
    """``article`` or ``inproceedings`` for a venue text, from knowledge or wording; None if unsure.

    Wording wins over the table ("ICCV Workshops" is a workshop, "Proceedings of
    the IEEE" is a journal); the table decides bare abbreviations ("ECCV")."""
    if not text:
        return None
    m = _PROCEEDINGS_OF_THE.search(text)
    if m and not _MEETING_WORDS.search(m.group(1)):
        return "article"  # Proceedings of the IEEE / IRE / National Academy of Sciences / Royal Society A
    if _PROC_OF_SOCIETY.search(text) and not _MEETING_WORDS.search(text
    ):
        return "article"  # Proc. London Math. Soc., Proc. R. Soc. A, Proc. Natl. Acad. Sci.
    if _CONFERENCE.search(text):
        return "inproceedings"
    known = lookup(text)
    if _JOURNAL.search(text) or _abbreviated_journal(text):
        return "article"
    if known:
        return known.type
    return None


@lru_cache(maxsize=1)
def aas_macros() -> dict[str, str]:
    """AAS journal macro name (without backslash) -> journal name (``apj`` -> Astrophysical Journal)."""
    macros = _load()["aas_macros"]
    assert isinstance(macros, dict)
    return {str(k): str(v) for k, v in macros.items()}


_PUBLISHER = re.compile(
    r"^(?:[A-Z][\w .,-]{0,40}?\s*:\s*)?(?:(?:[\w&.'’-]+\s+){0,5}(?:Press|Verlag|Publishers?|Publishing|Publications|Books)|"
    r"Springer(?:[- ]Verlag)?(?:\s+\w+)?|Wiley(?:[- ]\w+)?|Elsevier|Birkh[äa]user|De Gruyter|World Scientific|"
    r"Chapman\s*(?:&|and)\s*Hall(?:/CRC)?|CRC|SIAM|American Mathematical Society|O'Reilly(?: Media)?|Addison[- ]Wesley|"
    r"McGraw[- ]Hill|Pearson|Prentice[- ]Hall|Morgan (?:Kaufmann|&\s*Claypool)|Now Publishers|Routledge|Palgrave Macmillan|Macmillan)"
    r"(?:,\s*[A-Z][\w .-]{0,40}){0,3}$"
)


@lru_cache(maxsize=4096)  # asked of every venue an item shows; a CV repeats its venues
def is_publisher(text: str) -> bool:
    """True when a venue text is only a publisher ("Springer", "Urbana: University of
    Illinois Press"): the entry is then a book."""
    return bool(_PUBLISHER.match(" ".join(text.split()).strip(" .,")))
