"""Spans between two delimiters replaced in one pass.

``re.sub(r"<[^>]+>", " ", text)`` and its kin (``\\([^)]*\\)``,
``<x>.*?</x>``) are quadratic on hostile text: when an opener has no closer after
it, the search is tried again from every later opener, each attempt scanning to the
end. Once one opener has no closer, no later one has; :func:`replace_delimited`
stops there, so it reads the text once and gives what ``re.sub`` gives.
"""

from __future__ import annotations

__all__ = ["replace_delimited"]


def replace_delimited(text: str, start: str, end: str, repl: str = " ", *, empty: bool = True) -> str:
    """``text`` with each span from ``start`` to the first ``end`` after it replaced
    by ``repl``, left to right, as ``re.sub(re.escape(start) + ".*?" + re.escape(end),
    repl, text, flags=re.S)`` does; with ``empty=False`` a span needs at least one
    character inside (``<[^>]+>`` is ``start="<", end=">", empty=False``). Assumes
    ``start`` and ``end`` are single characters or ``end`` cannot occur inside ``start``."""
    out: list[str] = []
    pos = look = 0
    while (i := text.find(start, look)) >= 0:
        j = text.find(end, i + len(start))
        if j < 0:
            break
        if j == i + len(start) and not empty:  # "<>" is no span: look on from the next character
            look = i + 1
            continue
        out += (text[pos:i], repl)
        pos = look = j + len(end)
    out.append(text[pos:])
    return "".join(out)
