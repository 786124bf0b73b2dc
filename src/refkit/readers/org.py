"""Org mode reader: a publication list or CV kept in Emacs Org (``publications.org``
exported with org-publish).

The document is rendered to HTML by :mod:`refkit.markup.org` the way Org's HTML
export writes it, then read by the same item finder as web pages
(:func:`refkit.readers.html.read_document`).
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Library

__all__ = ["read", "sniff"]

# Org-only constructs: #+KEYWORD: lines and #+BEGIN_ blocks, [[target][label]] links,
# drawers; "* heading" lines alone are also Markdown list items
_KEYWORD = re.compile(r"^#\+(?:title|author|options|startup|setupfile|language|begin_\w+|html_head|keywords|"
                      r"description|bibliography|date|email|include):", re.M | re.I)
_BLOCK = re.compile(r"^[ \t]*#\+begin_\w+", re.M | re.I)
_LINK = re.compile(r"\[\[[^\[\]\n]{1,2000}\](?:\[[^\[\]\n]{1,500}\])?\]")
_DRAWER = re.compile(r"^[ \t]*:(?:PROPERTIES|LOGBOOK|END):[ \t]*$", re.M)
_HEADLINE = re.compile(r"^\*{1,8} \S", re.M)


def sniff(text: str) -> float:
    """Org by its keyword lines, blocks, drawers and ``[[…][…]]`` links (sure
    together); a headline alone is not enough (Markdown lists look the same)."""
    head = text[:65536]
    if not head.strip() or "\x00" in head:
        return 0.0
    strong = bool(_KEYWORD.search(head) or _BLOCK.search(head) or _DRAWER.search(head))
    links = len(_LINK.findall(head))
    if strong and (links or _HEADLINE.search(head)):
        return 0.6
    if strong or links >= 2:
        return 0.5 if _HEADLINE.search(head) or strong else 0.35
    return 0.2 if links else 0.0


def read(text: str, *, path: str | None = None, **options: Any) -> Library:
    """Extract the publication entries of an Org document."""
    from ..markup.org import to_html
    from . import html

    if not text or not text.strip():
        return Library(source=path)
    return html.read_document(to_html(text), path=path, source="org")
