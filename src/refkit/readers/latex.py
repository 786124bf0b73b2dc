"""LaTeX reader: a CV (article, moderncv, Awesome-CV), a ``thebibliography``, a
list of ``\\item`` s.

The document is rendered to HTML by :mod:`refkit.markup.latex` (pylatexenc
parses it; user macros are expanded under a budget) and read by the same item
finder as web pages (:func:`refkit.readers.html.read_document`). What the
renderer had to give up on (an expansion bomb, braces nested thousands deep)
becomes a warning; the rest of the document is still read.
"""

from __future__ import annotations

import dataclasses
import os
import re
from typing import TYPE_CHECKING, Any

from ..model import Entry, Library, Location, Problem

if TYPE_CHECKING:
    from ..markup.latex_include import Expanded

__all__ = ["read", "sniff"]

_DOCUMENT = re.compile(r"\\(?:documentclass|begin\{document\})")
_STRUCTURE = re.compile(r"\\(?:(?:sub)*section\*?\{|item\b|bibitem\b|begin\{(?:itemize|enumerate|thebibliography|description)\}|cvitem|cventry|cvsection)")
_INLINE = re.compile(r"\\(?:textbf|emph|textit|href)\{")
_INCLUDE = re.compile(r"\\(?:input|include|subfile|import|subimport|inputfrom|subinputfrom)(?![A-Za-z@])")


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


def read(text: str, *, path: str | None = None, includes: bool | None = None, **options: Any) -> Library:
    """Extract the publication entries of a LaTeX document.

    A document read from a file (``path`` names a file on disk) has its ``\\input``,
    ``\\include``, ``\\subfile`` and ``\\import`` commands expanded from the files beside
    it (bounded, never outside its folder; :mod:`refkit.markup.latex_include`), and
    entries from an included file report that file and line. ``includes=False``
    reads the text alone; ``includes=True`` requires ``path``."""
    from ..markup.latex import to_html
    from . import html

    if not text or not text.strip():
        return Library(source=path)
    expanded = None
    if includes is not False and path and os.path.isfile(path) and _INCLUDE.search(text):
        from ..markup.latex_include import expand

        expanded = expand(text, path)
        text = expanded.text
    rendered = to_html(text)
    library = html.read_document(rendered.html, path=path, source="latex")
    library.problems.extend(Problem("RK192", message, Location(path, line), severity="warning") for line, message in rendered.problems)
    if expanded is not None:
        library = _located(library, expanded)
        library.problems.extend(Problem("RK193", message, Location(file, line), severity="warning")
                                for file, line, message in expanded.problems)
    return library


def _located(library: Library, expanded: Expanded) -> Library:
    """Entries and problems placed at the file and line they came from (the rendered
    text's line numbers are those of the expanded document)."""

    def place(location: Location) -> Location:
        origin = expanded.origin(location.line) if location.path == library.source or location.path is None else None
        return dataclasses.replace(location, path=origin[0], line=origin[1]) if origin else location

    blocks = []
    for block in library.blocks:
        if isinstance(block, Entry) and block.origin is not None and block.origin.location.line is not None:
            block = dataclasses.replace(block, origin=dataclasses.replace(block.origin, location=place(block.origin.location)))
        blocks.append(block)
    problems = [dataclasses.replace(p, location=place(p.location)) for p in library.problems]
    return dataclasses.replace(library, blocks=blocks, problems=problems)
