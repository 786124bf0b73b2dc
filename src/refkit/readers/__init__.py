"""Reader registry: format name -> module. Every reader module exposes

    read(text: str, *, path: str | None = None, **options) -> Library
    sniff(text: str) -> float        # 0.0 (surely not this format) .. 1.0 (surely)

Adding a format is its own module plus one line here.
"""

from __future__ import annotations

import os
from importlib import import_module
from types import ModuleType

from ..errors import FormatError

#: format name -> module path, in sniffing priority order (ties go to the earlier one)
READERS: dict[str, str] = {
    "bibtex": "refkit.readers.bibtex",
    "csljson": "refkit.readers.csljson",
    "html": "refkit.readers.html",
    "markdown": "refkit.readers.markdown",
    "latex": "refkit.readers.latex",
    "rst": "refkit.readers.rst",
    "org": "refkit.readers.org",
    "asciidoc": "refkit.readers.asciidoc",
    "typst": "refkit.readers.typst",
    "text": "refkit.readers.text",
}

#: other names users type for a format
ALIASES: dict[str, str] = {
    "bib": "bibtex",
    "csl-json": "csljson",
    "json": "csljson",
    "htm": "html",
    "md": "markdown",
    "rmd": "markdown",
    "qmd": "markdown",
    "tex": "latex",
    "ltx": "latex",
    "rest": "rst",
    "restructuredtext": "rst",
    "orgmode": "org",
    "adoc": "asciidoc",
    "typ": "typst",
    "txt": "text",
    "plain": "text",
}


def reader(name: str) -> ModuleType:
    """The reader module for format ``name`` (or an alias)."""
    key = ALIASES.get(name.lower(), name.lower())
    if key not in READERS:
        known = ", ".join(sorted(READERS))
        raise FormatError(f"unknown input format {name!r} (known: {known})")
    return import_module(READERS[key])


#: file name extensions that name a markup; the content still wins when it is surely
#: something else (a doctype'd HTML page or a .bib saved as .md)
EXTENSIONS: dict[str, str] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".rmd": "markdown",
    ".qmd": "markdown",
    ".tex": "latex",
    ".ltx": "latex",
    ".rst": "rst",
    ".rest": "rst",
    ".org": "org",
    ".adoc": "asciidoc",
    ".asciidoc": "asciidoc",
    ".typ": "typst",
}


def sniff(text: str, path: str | None = None) -> str:
    """The format name whose reader is most confident about ``text``; ``text`` as a
    fallback. ``path``'s extension decides between markups unless the content is
    surely another format."""
    best, best_score = "text", 0.0
    hinted = EXTENSIONS.get(os.path.splitext(path)[1].lower()) if path else None
    if hinted is not None:
        best, best_score = hinted, 0.94
    for name in READERS:
        if hinted is not None and name == "html" and not _html_document(text):
            continue  # raw HTML inside Markdown is the Markdown reader's to render
        if hinted is not None and name == "bibtex" and not _bibtex_document(text):
            continue  # a BibTeX listing shown inside a markup page is part of the page
        score = reader(name).sniff(text)
        if score > best_score:
            best, best_score = name, score
    return best


def _bibtex_document(text: str) -> bool:
    """Whether ``text`` starts as a BibTeX file: its first line that is neither blank
    nor a ``%`` comment opens an entry."""
    for line in text[:65536].lstrip("\ufeff").splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("%"):
            return stripped.startswith("@")
    return False


def _html_document(text: str) -> bool:
    """Whether ``text`` starts as a whole HTML document (a doctype or ``<html>``)."""
    head = text[:1024].lstrip("\ufeff \t\r\n").lower()
    return head.startswith(("<!doctype html", "<html"))
