"""Markdown reader: a README, a Jekyll/Hugo/MkDocs page source, an R Markdown or
Quarto document.

Why render to HTML instead of segmenting Markdown lines: a Markdown publication
page mixes Markdown lists, headings and emphasis with raw HTML (cards, ``<b>``
titles, ``<br>`` breaks, link buttons). :mod:`refkit.markup.markdown` turns both
into one HTML document, so the page is read by exactly the machinery that reads
web pages (:func:`refkit.readers.html.read_document`: item finding from the
tree's repeated structure, sections, spans with bold/italic/link/sup, embedded
BibTeX), the way pandoc reads every markup into one document model.
"""

from __future__ import annotations

import gc
import re
from typing import Any

from ..markup import pandoc
from ..markup.markdown import FRONT_MATTER
from ..model import Library

__all__ = ["read", "sniff"]

# Markdown-only evidence: ATX headings, links/images, strong emphasis, fenced
# code, table separators (list items and underlines are plain text's too).
_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.M)
_LINK = re.compile(r"!?\[[^\]\n]{1,500}\]\([^)\s]{1,2000}\)")
_EMPHASIS = re.compile(r"(?:\*\*|__)[^*_\n]{1,300}(?:\*\*|__)")
_FENCE = re.compile(r"^(?:```|~~~)", re.M)
_TABLE_SEPARATOR = re.compile(r"^\|?[ \t]*:?-{3,}:?[ \t]*\|", re.M)


def sniff(text: str) -> float:
    """Above the plain-text fallback when the text has Markdown-only structure: ``#``
    headings, links, strong emphasis, fenced code, a table or front matter (list
    markers and underlined headings are also plain text's)."""
    head = text[:65536]
    if not head.strip() or "\x00" in head:
        return 0.0
    score = 0.0
    if _HEADING.search(head):
        score += 0.1
    if _LINK.search(head):
        score += 0.1
    if _EMPHASIS.search(head):
        score += 0.05
    if _FENCE.search(head) or _TABLE_SEPARATOR.search(head):
        score += 0.05
    if FRONT_MATTER.match(head):
        score += 0.1
    score += 0.05 * pandoc.evidence(head)  # R Markdown/Quarto chunks, fenced divs, {attributes}, [@citations]
    return min(score, 0.3) if score >= 0.1 else 0.0


def read(text: str, *, path: str | None = None, **options: Any) -> Library:
    """Extract the publication entries of a Markdown document."""
    from ..markup.markdown import to_html
    from . import html

    if not text or not text.strip():
        return Library(source=path)
    # markdown-it makes a token object per block and inline piece, none in a
    # cycle: the cyclic collector pauses while the page is rendered, as it does
    # while the HTML is read (html.read_document)
    paused = gc.isenabled()
    gc.disable()
    try:
        return html.read_document(to_html(text), path=path, source="markdown")
    finally:
        if paused:
            gc.enable()
