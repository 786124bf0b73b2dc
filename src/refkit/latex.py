"""LaTeX value text <-> Unicode plain text.

Field values in the model are BibTeX value text (see :mod:`refkit.model`).
:func:`to_unicode` turns one into what a reader sees (``Sch\\"olkopf`` ->
``Schölkopf``, ``{NeRF}`` -> ``NeRF``); :func:`escape` turns plain text into a
value BibTeX and LaTeX accept (``R&D`` -> ``R\\&D``), keeping non-ASCII as UTF-8.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["to_unicode", "escape", "strip_braces"]

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


@lru_cache(maxsize=65536)
def to_unicode(value: str) -> str:
    """Plain Unicode text for a BibTeX value: accents decoded, braces removed,
    whitespace collapsed."""
    if not _SPECIAL.search(value):
        return " ".join(value.split())
    import latexcodec  # noqa: F401  (registers the "ulatex" codec; a pybtex dependency)
    import codecs

    try:
        text = codecs.decode(value, "ulatex")
    except Exception:
        text = value
    text = strip_braces(text)
    return " ".join(text.split())


def strip_braces(text: str) -> str:
    """Remove grouping braces (not escaped ``\\{``/``\\}``)."""
    return re.sub(r"(?<!\\)[{}]", "", text).replace("\\{", "{").replace("\\}", "}")


def escape(text: str) -> str:
    """A BibTeX value for plain ``text``: LaTeX specials escaped, nothing else changed."""
    return _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group(0)], " ".join(text.split()))
