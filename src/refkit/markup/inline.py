"""Helpers shared by the hand-written markup renderers (Org, AsciiDoc): finding the
next occurrence of a delimiter without rescanning, HTML escaping, and an output
buffer that keeps each block on its source line.

Why a cache for ``str.find``: a renderer that looks for the closing delimiter of
every opening one (``]]`` after ``[[``, ``@@`` after ``@@html:``) rescans the rest
of the text for each unclosed opener, which is quadratic on text made of openers.
The first occurrence at or after ``i`` is also the first at or after any later
``i`` up to it, so one remembered answer per delimiter makes all look-ups of a
left-to-right scan linear together.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from typing import ClassVar

__all__ = ["Finder", "InlineRenderer", "LineWriter", "escape", "first_after"]


def escape(text: str) -> str:
    """``text`` as HTML character data."""
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    """``text`` as a double-quoted HTML attribute value."""
    return html.escape(text, quote=True)


class LineWriter:
    """HTML written in chunks, padded with newlines so each chunk starts on the line of
    the source it came from (the page reader's line numbers are then the source's)."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.line = 0

    def emit(self, number: int, chunk: str) -> None:
        """Append ``chunk`` at source line ``number`` (or later, if the output is past it)."""
        if number > self.line:
            self.out.append("\n" * (number - self.line))
            self.line = number
        self.out.append(chunk)
        self.line += chunk.count("\n")


class Finder:
    """``text.find(sub, i)`` for non-decreasing ``i`` per ``sub``, in linear total time."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._last: dict[str, tuple[int, int]] = {}  # sub -> (where the last search started, its answer)

    def find(self, sub: str, i: int) -> int:
        """The first index >= ``i`` where ``sub`` starts, or -1."""
        known = self._last.get(sub)
        if known is not None and known[0] <= i and (known[1] == -1 or known[1] >= i):
            return known[1]
        found = self.text.find(sub, i)
        self._last[sub] = (i, found)
        return found


def first_after(positions: list[int], i: int, end: int) -> int:
    """The first of the sorted ``positions`` that is >= ``i`` and < ``end``, or -1."""
    k = bisect_left(positions, i)
    if k < len(positions) and positions[k] < end:
        return positions[k]
    return -1


class InlineRenderer:
    """The inline scan the Org and AsciiDoc renderers share: text between
    constructs is escaped, and at each match of ``special_pattern`` the subclass's
    :meth:`special` renders the construct there, or declines (``None``) and the
    scan moves on by one character. One left-to-right pass; closers are found with
    :class:`Finder`, so the whole scan stays linear."""

    special_pattern: ClassVar[re.Pattern[str]]

    def __init__(self, text: str) -> None:
        self.text = text
        self.finder = Finder(text)

    def render(self, start: int, end: int, depth: int) -> str:
        """HTML for ``text[start:end]``; ``depth`` bounds nested constructs."""
        text = self.text
        out: list[str] = []
        i = plain = start
        while i < end:
            m = self.special_pattern.search(text, i, end)
            if m is None:
                break
            k = m.start()
            piece, after = self.special(k, end, depth)
            if piece is None:
                i = k + 1
                continue
            out.append(escape(text[plain:k]))
            out.append(piece)
            i = plain = after
        out.append(escape(text[plain:end]))
        return "".join(out)

    def special(self, k: int, end: int, depth: int) -> tuple[str | None, int]:
        """The HTML for the construct starting at ``k`` and where it ends, or ``(None, k)``."""
        raise NotImplementedError
