"""LaTeX value text <-> Unicode plain text.

Field values in the model are BibTeX value text (see :mod:`refkit.model`).
:func:`to_unicode` turns one into what a reader sees (``Sch\\"olkopf`` ->
``Schölkopf``, ``{NeRF}`` -> ``NeRF``); :func:`escape` turns plain text into a
value BibTeX and LaTeX accept (``R&D`` -> ``R\\&D``), keeping non-ASCII as UTF-8.

Inline math (``$…$``) is the one place where a value's TeX is not read as text:
:func:`to_unicode` shows it as Unicode when all of it has a Unicode form and keeps
the TeX as written otherwise, and ``escape(text, math=True)`` keeps the math spans
of page text as math (see :mod:`refkit.texmath`).
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["to_unicode", "escape", "strip_braces", "collapse_space"]

_SPECIAL = re.compile(r"[\\{}$~^]|--|``|''")
_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_ESCAPE_RE = re.compile(r"[\\{}&%$#_~^]")
# what escape() writes, read back exactly (latexcodec does not know \textbackslash{} …)
_UNESCAPE_RE = re.compile(r"\\textbackslash\{\}|\\textasciitilde\{\}|\\textasciicircum\{\}|\\[{}&%$#_]")
#: private-use placeholders that pass through latexcodec untouched
_HOLD = {esc: chr(0xE000 + i) for i, esc in enumerate(_ESCAPES.values())}
_RELEASE = {hold: char for char, hold in zip(_ESCAPES, _HOLD.values())}


#: white space that only lays text out; a no-break space (``~`` in LaTeX, U+00A0,
#: U+2007, U+202F) is a character the author chose and is not in this class
_LAYOUT_SPACE = re.compile(r"[^\S\u00a0\u2007\u202f]+")


def collapse_space(text: str, *, keep_ties: bool = False) -> str:
    """``text`` with runs of white space made one space and the ends trimmed;
    with ``keep_ties``, no-break spaces are kept as they are (they tie a name's
    parts or a number to its unit and must not become breakable)."""
    if not keep_ties:
        return " ".join(text.split())
    return _LAYOUT_SPACE.sub(" ", text).strip(" ")


@lru_cache(maxsize=65536)
def to_unicode(value: str, *, keep_ties: bool = False) -> str:
    """Plain Unicode text for a BibTeX value: accents decoded, braces removed,
    whitespace collapsed (no-break spaces, ``~`` among them, kept with
    ``keep_ties``; see :func:`collapse_space`)."""
    if not _SPECIAL.search(value):
        return collapse_space(value, keep_ties=keep_ties)
    import latexcodec  # noqa: F401  (registers the "ulatex" codec; a pybtex dependency)
    import codecs

    maths: list[str] = []
    if "$" in value:
        value, maths = _hold_math(value)
    held = _UNESCAPE_RE.sub(lambda m: _HOLD[m.group(0)], value) if "\\" in value else value
    try:
        text = codecs.decode(held, "ulatex")  # type: ignore[call-overload]
    except Exception:
        text = held
    text = collapse_space(strip_braces(text), keep_ties=keep_ties)
    if any(c in _RELEASE for c in text):
        text = "".join(_RELEASE.get(c, c) for c in text)
    if maths:
        text = _MATH_HELD.sub(lambda m: maths[ord(m.group(0)) - _MATH_BASE], text)
    return text


#: private-use characters that stand for the math spans of one value while the rest is decoded
_MATH_BASE = 0xE100
_MATH_LIMIT = 0x1000
_MATH_HELD = re.compile(f"[{chr(_MATH_BASE)}-{chr(_MATH_BASE + _MATH_LIMIT - 1)}]")


def _hold_math(value: str) -> tuple[str, list[str]]:
    """``value`` with each ``$…$`` span replaced by a placeholder, and what each shows:
    its Unicode form, or the span as written when it has none (see :mod:`refkit.texmath`)."""
    from . import texmath

    found = texmath.value_spans(value)[:_MATH_LIMIT]
    if not found:
        return value, []
    out: list[str] = []
    shown: list[str] = []
    pos = 0
    for start, end, tex in found:
        out.append(value[pos:start])
        out.append(chr(_MATH_BASE + len(shown)))
        unicode = texmath.to_unicode(tex)
        shown.append(unicode if unicode is not None else value[start:end])
        pos = end
    out.append(value[pos:])
    return "".join(out), shown


def strip_braces(text: str) -> str:
    """Remove grouping braces (not escaped ``\\{``/``\\}``)."""
    return re.sub(r"(?<!\\)[{}]", "", text).replace("\\{", "{").replace("\\}", "}")


def escape(text: str, *, keep_space: bool = False, math: bool = False) -> str:
    """A BibTeX value for plain ``text``: LaTeX specials escaped, white space
    collapsed (kept as is with ``keep_space``). :func:`to_unicode` inverts it.

    With ``math``, the spans of ``text`` that are clearly inline TeX math
    (:func:`refkit.texmath.spans`: ``$H\\to W^+W^-$``, ``\\(O(n)\\)``) are written
    as ``$…$`` math instead of escaped character by character; a dollar amount
    stays text."""
    if not keep_space:
        text = " ".join(text.split())
    if math and ("$" in text or "\\(" in text):
        from . import texmath

        found = texmath.spans(text)
        if found:
            out: list[str] = []
            pos = 0
            for start, end, tex in found:
                out.append(_escape_specials(text[pos:start]))
                out.append("$" + tex + "$")
                pos = end
            out.append(_escape_specials(text[pos:]))
            return "".join(out)
    return _escape_specials(text)


def _escape_specials(text: str) -> str:
    return _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group(0)], text)
