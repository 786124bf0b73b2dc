"""LaTeX reader: a CV (article, moderncv, Awesome-CV), a ``thebibliography``, a
list of ``\\item`` s.

The document is rendered to HTML by :mod:`refkit.markup.latex` (pylatexenc
parses it; user macros are expanded under a budget) and read by the same item
finder as web pages (:func:`refkit.readers.html.read_document`). What the
renderer had to give up on (an expansion bomb, braces nested thousands deep)
becomes a warning; the rest of the document is still read.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Library, Location, Problem

__all__ = ["read", "sniff"]

_DOCUMENT = re.compile(r"\\(?:documentclass|begin\{document\})")
_STRUCTURE = re.compile(r"\\(?:(?:sub)*section\*?\{|item\b|bibitem\b|begin\{(?:itemize|enumerate|thebibliography|description)\}|cvitem|cventry|cvsection)")
_INLINE = re.compile(r"\\(?:textbf|emph|textit|href)\{")


def sniff(text: str) -> float:
    """LaTeX by its commands: a document class (sure), list and section commands,
    or inline markup alone (weak)."""
    head = text[:65536]
    if not head.strip() or "\x00" in head:
        return 0.0
    if _DOCUMENT.search(head):
        return 0.9
    if _STRUCTURE.search(head):
        return 0.4
    # inline markup alone is weak evidence, and only when it is dense: a plain text
    # that quotes a few abstracts with \textit{…} in them is still plain text
    inline = len(_INLINE.findall(head))
    if inline >= 2 and inline * 40 >= head.count("\n") + 1:
        return 0.2
    return 0.0


def read(text: str, *, path: str | None = None, **options: Any) -> Library:
    """Extract the publication entries of a LaTeX document."""
    from ..markup.latex import to_html
    from . import html

    if not text or not text.strip():
        return Library(source=path)
    rendered = to_html(text)
    library = html.read_document(rendered.html, path=path, source="latex")
    library.problems.extend(Problem("RK192", message, Location(path, line), severity="warning") for line, message in rendered.problems)
    return library
