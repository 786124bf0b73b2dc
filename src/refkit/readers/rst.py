"""reStructuredText reader: a Sphinx/docutils publication page or bibliography.

The document is parsed by docutils and rendered to HTML by
:mod:`refkit.markup.rst`, then read by the same item finder as web pages
(:func:`refkit.readers.html.read_document`). A document nested deeper than
docutils can follow is read as plain text, with a warning.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Library, Location, Problem

__all__ = ["read", "sniff"]

# reST-only constructs: directives and targets, `text <url>`_ links, :role:`x`,
# and field lists at the top of a page
_DIRECTIVE = re.compile(r"^\.\.[ \t]+(?:[A-Za-z][\w-]*::|_[^:\n]{1,80}:|\[[^\]\n]{1,40}\]|\|[^|\n]{1,80}\|)", re.M)
_LINK = re.compile(r"`[^`\n]{1,500}<[^>\s]{1,2000}>`__?")
_ROLE = re.compile(r":[a-z]{1,20}:`[^`\n]{1,200}`")
_FIELD = re.compile(r"\A(?:[ \t]*\n)*(?:[^\n]*\n[=\-~^\"'`#*+]{3,}[ \t]*\n(?:[ \t]*\n)*)?:[A-Za-z][\w ]{0,40}:[ \t]", re.M)


def sniff(text: str) -> float:
    """reST by its own constructs (directives, targets, `` `text <url>`_ `` links,
    roles); underlined headings alone are also plain text's."""
    head = text[:65536]
    if not head.strip() or "\x00" in head:
        return 0.0
    hits = len(_DIRECTIVE.findall(head)) + len(_LINK.findall(head)) + len(_ROLE.findall(head))
    if hits >= 2 or hits and _FIELD.match(head):
        return 0.45
    return 0.35 if hits else 0.0


def read(text: str, *, path: str | None = None, **options: Any) -> Library:
    """Extract the publication entries of a reStructuredText document."""
    from ..markup.rst import to_html
    from . import html

    if not text or not text.strip():
        return Library(source=path)
    try:
        rendered = to_html(text)
    except RecursionError:
        from . import text as plain

        library = plain.read_plain(text, path=path)
        library.problems.append(Problem("RK192", "reStructuredText nested too deep to parse; read as plain text",
                                        Location(path, 1), severity="warning"))
        return library
    return html.read_document(rendered, path=path, source="rst")
