"""CSL quotes. Quotes are marked while citeproc-py works and resolved at the
end: data quotes (“ ” in a title) and style quotes (``quotes="true"``) become
nested quotes properly (outer, inner, outer …: flip-flop), and punctuation moves
only at the seams the style created (the locale option
``punctuation-in-quote``)."""

from __future__ import annotations

import re

from .marks import BLOCK, CLOSERS, DATA_CLOSE, DATA_OPEN, STYLE_CLOSE, STYLE_OPEN

__all__ = ["mark_data_quotes", "finish_quotes"]

#: closing quotes (with any closing formatting marks among or after them) and the punctuation around them
_CLOSERS = re.compile("([.?!]?)([" + DATA_CLOSE + STYLE_CLOSE + "][" + DATA_CLOSE + STYLE_CLOSE + CLOSERS + "]*)([.,]?)")
#: a period after "?"/"!", also across closing formatting marks (an italic title ending in "?")
_DOUBLED = re.compile("([?!])([" + CLOSERS + "]*)\\.(?=\\s|$)")
_AFTER_DATA_CLOSE = re.compile("(" + DATA_CLOSE + ")(?=[.,])")
_QUESTION_CLOSE_PERIOD = re.compile("([?!])([" + DATA_CLOSE + STYLE_CLOSE + "]+)\\.")


def mark_data_quotes(text: str) -> str:
    """Typographic double quotes in a value, marked as data quotes."""
    if "“" not in text and "”" not in text:
        return text
    text = text.replace("“", DATA_OPEN).replace("”", DATA_CLOSE)
    # punctuation inside the data itself is not a seam: it never moves
    return _AFTER_DATA_CLOSE.sub("\\1" + BLOCK, text)


def finish_quotes(text: str, piq: bool, outer: tuple[str, str], inner: tuple[str, str]) -> str:
    """CSL 1.0.2 "Quotes" and the locale option ``punctuation-in-quote``: quotes
    inside quotes become inner quotes (“Erratum: ‘The Diffusion…’”); with the
    option, a period or comma after a closing quote moves inside it (also
    across the end of italics the quote ends: *… “Planner”* + "." is
    *… “Planner.”*), and a
    quote ending in "?" or "!" absorbs a following period. Outside quotes a
    period after "?"/"!" is dropped ("optimal? Proceedings"), also when the
    "?" ends an italic title (*Why?* + "." is *Why?*)."""
    if DATA_CLOSE in text or STYLE_CLOSE in text:
        if piq:

            def move(m: re.Match[str]) -> str:
                before, closers, punct = m.group(1), m.group(2), m.group(3)
                if not punct:
                    return m.group(0)
                if before:
                    # “Why?” absorbs a period; a comma still moves in: “Why?,”
                    return before + closers if punct == "." else before + punct + closers
                return punct + closers

            text = _CLOSERS.sub(move, text)
        else:
            text = _QUESTION_CLOSE_PERIOD.sub("\\1\\2", text)
        out = []
        depth = 0
        for ch in text:
            if ch in (DATA_OPEN, STYLE_OPEN):
                out.append((outer if depth % 2 == 0 else inner)[0])
                depth += 1
            elif ch in (DATA_CLOSE, STYLE_CLOSE):
                depth = max(depth - 1, 0)
                out.append((outer if depth % 2 == 0 else inner)[1])
            elif ch != BLOCK:
                out.append(ch)
        text = "".join(out)
    elif BLOCK in text:
        text = text.replace(BLOCK, "")
    return _DOUBLED.sub(r"\1\2", text)
