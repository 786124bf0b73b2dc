"""Typst reader: a CV or publication list written in Typst (``cv.typ``, a template's
``publications.typ`` module; modern-cv, brilliant-cv, basic-resume and hand-made ones).

The document is rendered to HTML by :mod:`refkit.markup.typst` (markup read as
Typst reads it; template calls read by their arguments, the document's own
functions and names expanded under a budget) and read by the same item finder as
web pages (:func:`refkit.readers.html.read_document`). What the renderer tells the
user becomes a warning: a list Typst builds from a ``.bib`` file (``#bibliography``,
a template's ``cvPublication(bib: …)``) has its entries in that file, and a part
nested past the renderer's bound is skipped.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Library, Location, Problem

__all__ = ["read", "sniff"]

# Typst-only code in markup: "#let x =", "#set text(", "#show:", "#import \"", a call
# right after "#" ("#link(", "#strong[") — C's "#include <…>" and Markdown's "# Title"
# have a space or no call after the word
_STATEMENT = re.compile(r"^[ \t]*#(?:let[ \t]+[\w-]+[ \t]*[=(]|set[ \t]+[\w.-]+\(|show[ \t]*[:\w]|import[ \t]+\")", re.M)
_CALL = re.compile(r"#[a-z][\w-]{0,40}(?:\.[\w-]{1,40})?[(\[]")
_HEADING = re.compile(r"^=[ \t]+\S", re.M)


def sniff(text: str) -> float:
    """Typst by its statements (``#let``, ``#set``, ``#show``, ``#import``) and calls in
    markup (``#link("…")``, ``#strong[…]``); calls alone must be many."""
    head = text[:65536]
    if not head.strip() or "\x00" in head:
        return 0.0
    statements = len(_STATEMENT.findall(head))
    calls = len(_CALL.findall(head))
    if statements >= 2 or (statements and (calls >= 2 or _HEADING.search(head))):
        return 0.7
    if calls >= 5 and calls * 20 >= head.count("\n") + 1:
        return 0.35
    return 0.0


def read(text: str, *, path: str | None = None, **options: Any) -> Library:
    """Extract the publication entries of a Typst document."""
    from ..markup.typst import to_html
    from . import html

    if not text or not text.strip():
        return Library(source=path)
    rendered = to_html(text)
    library = html.read_document(rendered.html, path=path, source="typst")
    for line, message in rendered.notes:
        code = "RK193" if message.startswith("the entries") or message.startswith("the text of") else "RK192"
        library.problems.append(Problem(code, message, Location(path, line), severity="warning"))
    return library
