"""Markup while citeproc-py renders: private-use characters, one pair per
formatting (italics, bold, …) and per quote kind, that citeproc-py carries
through as plain text. The output format turns them into its own markup at the
end (:meth:`refkit.writers.citations.formats.Format.finish`), so data can never
inject markup ("R&D", "<T>") and punctuation can be moved across them.

This module does not import citeproc."""

from __future__ import annotations

import re
from typing import Any

#: formattings, in the order of their marks
TAGS = ("i", "b", "u", "sup", "sub", "sc", "nocase", "roman", "upright", "nodecor", "block", "left-margin", "right-inline", "indent", "baseline")
#: the CSL ``display`` values, which are tags too
DISPLAYS = frozenset(("block", "left-margin", "right-inline", "indent"))
_BASE = 0xE040
#: mark character -> (tag, 0 for open / 1 for close)
MARKS = {chr(_BASE + 2 * i + side): (tag, side) for i, tag in enumerate(TAGS) for side in (0, 1)}
OPEN = {tag: chr(_BASE + 2 * i) for i, tag in enumerate(TAGS)}
CLOSE = {tag: chr(_BASE + 2 * i + 1) for i, tag in enumerate(TAGS)}
MARK_RE = re.compile("([" + "".join(MARKS) + "])")
CLOSERS = "".join(m for m, (_, side) in MARKS.items() if side)

#: quotes: data quotes (“ ” in a value), style quotes (quotes="true"), and a
#: block that keeps punctuation in the data from moving
DATA_OPEN, DATA_CLOSE, BLOCK = "\ue010", "\ue011", "\ue012"
STYLE_OPEN, STYLE_CLOSE = "\ue020", "\ue021"
#: a straight apostrophe in data, made typographic at the end
APOSTROPHE = "\ue013"
#: after a particle that joins the next name part without a space ("al-", "d’"):
#: the space after it is dropped at the end (citeproc-py joins name parts with spaces)
GLUE = "\ue016"


#: before a term that follows the name before it without a space (an "et al."
#: term in a non-Latin script, "等"): the space before it is dropped at the end
JOIN = "\ue017"


def unglue(text: str) -> str:
    """``text`` with each :data:`GLUE` and the space after it, and each
    :data:`JOIN` and one space before it, removed."""
    if GLUE in text:
        text = text.replace(GLUE + " ", "").replace(GLUE, "")
    if JOIN in text:
        text = text.replace(" " + JOIN, "").replace(JOIN, "")
    return text


def wrap(tag: str, text: Any) -> str:
    return OPEN[tag] + str(text) + CLOSE[tag]


def strip(text: str) -> str:
    """``text`` without any mark (for sort keys and comparisons)."""
    return MARK_RE.sub("", text).replace(BLOCK, "")


class MarkFormatter:
    """The citeproc-py formatter refkit renders with: ``preformat`` leaves data
    as it is and each formatting class wraps its text in marks."""

    def __init__(self) -> None:
        def wrapper(tag: str) -> type:
            start, end = OPEN[tag], CLOSE[tag]
            return type("Wrap", (str,), {"__new__": lambda cls, text: str.__new__(cls, start + str(text) + end)})

        self.Italic = wrapper("i")
        self.Oblique = self.Italic
        self.Bold = wrapper("b")
        self.Light = type("Light", (str,), {})
        self.Underline = wrapper("u")
        self.Superscript = wrapper("sup")
        self.Subscript = wrapper("sub")
        self.SmallCaps = wrapper("sc")

    def preformat(self, text: Any) -> str:
        return str(text)


FORMATTER = MarkFormatter()
