"""Months and years, defined once for every reader, writer, transform and check.

* :data:`MONTH_NAMES`: ``January`` … ``December``, the normalized ``month`` value;
* :data:`MONTH_MACROS`: the macros every BibTeX style defines (``jan`` ->
  ``January``), and :data:`MACRO_OF` the other way;
* :func:`month_number`: 1-12 from a number, a name or an abbreviation
  (``3``, ``03``, ``Mar``, ``mar.``, ``march``, ``Sept``);
* :data:`MONTH_WORD`: a regex fragment for an English month name or its abbreviation
  in free text (``Jan``, ``June``, ``Sept``, ``September``), for readers and checks;
* :data:`PUBLICATION_YEAR`: a regex fragment for a plausible publication year
  (1800-2049), for finding years in free text.
"""

from __future__ import annotations

__all__ = ["MONTH_NAMES", "MONTH_MACROS", "MACRO_OF", "month_number", "month_name", "MONTH_WORD", "PUBLICATION_YEAR"]

MONTH_NAMES: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July", "August",
                                "September", "October", "November", "December")
#: the month macros every BibTeX style defines
MONTH_MACROS: dict[str, str] = {name[:3].lower(): name for name in MONTH_NAMES}
#: month name -> its macro
MACRO_OF: dict[str, str] = {name: macro for macro, name in MONTH_MACROS.items()}

_LOOKUP: dict[str, int] = {name.lower(): i for i, name in enumerate(MONTH_NAMES, 1)}
_LOOKUP.update({name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, 1)})
_LOOKUP["sept"] = 9

#: an English month name or its usual abbreviation in free text (no dot, no boundaries:
#: callers add their own); the first three letters are its macro
MONTH_WORD = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)

#: a plausible publication year in free text (no word boundaries: callers add their own)
PUBLICATION_YEAR = r"(?:1[89]\d\d|20[0-4]\d)"


def month_number(text: str, *, prefix: bool = False) -> int | None:
    """1-12 for a month number, name or abbreviation (braces, space and a
    trailing ``.`` ignored), else None. With ``prefix``, only the first three
    letters of a word count (``Decembre`` -> 12), as lenient readers want."""
    text = text.strip().strip("{}").strip().rstrip(".").lower()
    if not text:
        return None
    if text.isdigit():
        n = int(text)
        return n if 1 <= n <= 12 else None
    return _LOOKUP.get(text[:3] if prefix else text)


def month_name(text: str) -> str | None:
    """The normalized month name (``March``) for ``text``, or None."""
    n = month_number(text)
    return MONTH_NAMES[n - 1] if n else None
