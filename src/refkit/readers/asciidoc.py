"""AsciiDoc reader: a publication list or CV kept in AsciiDoc (``publications.adoc``
built by Asciidoctor, Jekyll's jekyll-asciidoc, Hugo or Antora).

The document is rendered to HTML by :mod:`refkit.markup.asciidoc` and read by the
same item finder as web pages (:func:`refkit.readers.html.read_document`). The
HTML that AsciiDoc tools write is read by the HTML reader like any page.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Library

__all__ = ["read", "sniff"]

# AsciiDoc-only constructs: "= Title" / "== Section" lines, link:url[label] and
# url[label] macros, :attribute: entries, block macros and delimited blocks
_SECTION = re.compile(r"^={1,6}[ \t]+\S", re.M)
#: (each alternative starts with its letter, so the regex engine skips ahead to an "l", "h" or
#: "f" instead of trying every position; "l(?<!\wl)" is "\bl")
#: (a bare number in brackets after a URL is the next reference of a list run together, "…/x.pdf[2] A. Name")
_MACRO = re.compile(r"(?:l(?<!\wl)ink:|https?://|ftp://)[^\s\[\]]{1,2000}\[(?!\d{1,4}\])[^\]\n]{0,500}\]")
_ATTRIBUTE = re.compile(r"^:[\w][\w-]{0,60}:(?:[ \t]|$)", re.M)
_BLOCK = re.compile(r"^(?:(?:include|image|toc|ifdef|ifndef|endif)::|\[(?:source|quote|verse|NOTE|TIP|IMPORTANT|"
                    r"WARNING|CAUTION|cols=|\.|#|%)|\|===[ \t]*$|\+\+\+\+[ \t]*$|////[ \t]*$)", re.M)


def sniff(text: str) -> float:
    """AsciiDoc by its section lines, link macros, attribute entries and block
    syntax; two kinds of evidence are needed (a ``= line`` alone is also text's)."""
    head = text[:65536]
    if not head.strip() or "\x00" in head:
        return 0.0
    macro = _MACRO.search(head)  # searched once: a page of links makes it the slowest test
    kinds = bool(macro) + sum(bool(p.search(head)) for p in (_SECTION, _ATTRIBUTE, _BLOCK))
    if kinds >= 2:
        return 0.5
    if macro and _MACRO.search(head, macro.end()):  # a second macro (findall's next match)
        return 0.35
    return 0.0


def read(text: str, *, path: str | None = None, **options: Any) -> Library:
    """Extract the publication entries of an AsciiDoc document."""
    from ..markup.asciidoc import to_html
    from . import html

    if not text or not text.strip():
        return Library(source=path)
    return html.read_document(to_html(text), path=path, source="asciidoc")
