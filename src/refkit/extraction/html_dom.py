"""HTML as refkit reads it: parsing (Markdown wrappers, XHTML declarations,
pathological nesting) and which elements are never citation text (scripts,
navigation, hidden abstract/BibTeX boxes, buttons).

Shared by :mod:`refkit.extraction.html_segments` (finding items) and
:mod:`refkit.extraction.html_spans` (their text).
"""

from __future__ import annotations

import re

import lxml.etree as etree
import lxml.html
from lxml.html import HtmlElement

from .year_cells import fill_year_columns

__all__ = ["parse_html", "is_skipped", "is_badge", "classes", "BLOCK_TAGS", "HEADING_TAGS", "DROP_TAGS", "BOLD_TAGS", "ITALIC_TAGS", "WS"]

BLOCK_TAGS = frozenset(
    """p div li ul ol dl dt dd table tbody thead tfoot tr td th section article header main
    aside blockquote figure figcaption h1 h2 h3 h4 h5 h6 pre address details summary form
    fieldset center hr caption body html nav footer menu dialog""".split()
)
HEADING_TAGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
#: never page content
DROP_TAGS = frozenset("script style noscript template svg canvas video audio iframe object embed nav footer button select option textarea pre math head title meta link".split())
BOLD_TAGS = frozenset({"b", "strong"})
ITALIC_TAGS = frozenset({"i", "em", "cite", "var", "dfn"})
WS = re.compile(r"\s+")


# --------------------------------------------------------------------------- parsing


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n.*?\r?\n---[ \t]*\r?\n", re.S)
_MD_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+([^\n<>]+?)[ \t#]*$", re.M)


_XML_DECL = re.compile(r"\A\ufeff?\s*<\?xml[^>]*\?>")


def _prepare(text: str) -> str:
    """Make Markdown-wrapped HTML parseable as HTML, keeping line numbers:
    blank out YAML front matter and an XHTML ``<?xml … encoding=…?>`` declaration
    (lxml refuses one in a str), and turn ``## Heading`` lines into ``<hN>``."""
    text = _XML_DECL.sub(lambda d: "\n" * d.group(0).count("\n"), text)
    m = _FRONT_MATTER.match(text)
    if m:
        text = "\n" * m.group(0).count("\n") + text[m.end():]
    head = text[:4096].lower()
    if "<html" not in head and "<body" not in head and "#" in text:
        text = _MD_HEADING.sub(lambda h: f"<h{len(h.group(1))}>{h.group(2)}</h{len(h.group(1))}>", text)
    return text


def parse_html(text: str) -> HtmlElement | None:
    """Parse ``text`` as an HTML document; None when there is nothing to parse."""
    text = _prepare(text)
    if not text.strip():
        return None
    root = _parse(text)
    if root is _TOO_DEEP:
        # pathological nesting (unclosed wrappers repeated thousands of times): keep
        # the text and the list/paragraph structure, drop the wrapper elements
        flat = _WRAPPERS.sub(lambda m: "\n" if m.group(0).count("\n") else " ", text)
        root = _parse(flat)
        if root is _TOO_DEEP:
            root = _parse(re.sub(r"<(?!/?(?:br|p|li|h[1-6])\b)[^>]*>", " ", text))
    return None if root is _TOO_DEEP else root


_TOO_DEEP: HtmlElement = lxml.html.fromstring("<p>too deep</p>")
_WRAPPERS = re.compile(r"</?(?:div|span|font|section|article|center|blockquote|small|big|main|aside)\b[^>]*>", re.I)


#: every element an :class:`HtmlElement`, chosen in C: lxml.html's own lookup calls a
#: Python method for each element proxy made (7% of reading a 5 MB page) only to give
#: form controls their own classes, which refkit never uses
_LOOKUP = etree.ElementDefaultClassLookup(
    element=HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity,
)


def _parse(text: str) -> HtmlElement | None:
    parser = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True, recover=True)
    parser.set_element_class_lookup(_LOOKUP)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        return None
    if any(e.type_name == "ERR_RESOURCE_LIMIT" or "depth" in e.message.lower() for e in parser.error_log):
        return _TOO_DEEP
    _rejoin_body(root)
    fill_year_columns(root)
    return root


def _rejoin_body(root: HtmlElement) -> None:
    """Put content the page wrote after an early ``</body>`` back into the body.

    Hand-written pages of the 1990s close ``<BODY …>`` on its own line (the tag read as
    a settings line) and write the whole page after it; the parser keeps that content as
    siblings of an empty ``<body>``, where nothing that starts at the body looks."""
    body = root.find("body")
    if body is None:
        return
    after = []
    nxt = body.getnext()
    while nxt is not None:
        after.append(nxt)
        nxt = nxt.getnext()
    if not after:
        return
    if body.tail and body.tail.strip():
        last = body[-1] if len(body) else None
        if last is None:
            body.text = (body.text or "") + body.tail
        else:
            last.tail = (last.tail or "") + body.tail
    body.tail = None
    for el in after:
        body.append(el)  # moves it, with its tail


# --------------------------------------------------------------------------- skipping


def classes(el: HtmlElement) -> tuple[str, ...]:
    cls = el.get("class")
    return tuple(cls.split()) if cls else ()


def _hidden(el: HtmlElement) -> bool:
    attrib = el.attrib
    if not attrib:
        return False
    if "hidden" in attrib or attrib.get("aria-hidden") == "true" and el.tag not in ("i", "span"):
        return True
    style = attrib.get("style")
    if style:
        style = style.replace(" ", "").lower()
        if "display:none" in style or "visibility:hidden" in style:
            return True
    cls = attrib.get("class")
    return bool(cls) and any(c in ("hidden", "d-none", "hide", "invisible", "sr-only", "visually-hidden") for c in cls.split())


#: class names of boxes that repeat an item in another form (abstract, BibTeX source)
_SKIP_CLASSES = frozenset(
    "abstract abstracts abs bibtex bib bibtex-block bibtex_block bibtex-box bib-box cite-bib citation-bibtex "
    "abstract-box abstract-text modal tooltip popover".split()
    # the page footer as templates older than HTML5's <footer> mark it (Sphinx, early Jekyll):
    # "previous | next | index", the copyright line, "Created with …"
    + ["footer"]
)


def _content_nav(el: HtmlElement) -> bool:
    """Is a ``<nav>`` a widget around content rather than navigation: a tab strip whose
    panels hold a list of papers, each under a heading (templates wrap their tabs in one)?
    Navigation is link labels; three headings of three words or more are content."""
    found = 0
    for head in el.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        if len((head.text_content() or "").split()) >= 3:
            found += 1
            if found >= 3:
                return True
    return False


def is_skipped(el: HtmlElement) -> bool:
    """True for elements whose text is not part of a citation as shown: scripts,
    navigation (not a ``<nav>`` around content, :func:`_content_nav`), code blocks,
    hidden BibTeX/abstract boxes, buttons."""
    tag = el.tag
    if not isinstance(tag, str):
        return True
    if tag in DROP_TAGS:
        return tag != "nav" or not _content_nav(el)
    attrib = el.attrib
    if tag != "details" and not attrib:  # most elements: no class, style or hidden flag
        return False
    cls = attrib.get("class")
    if cls and any(c.lower() in _SKIP_CLASSES for c in cls.split()):
        return True
    if tag == "details":
        summary = el.find("summary")
        if summary is not None and re.match(r"\s*(abstract|bib|cite|citation|tl;?dr|summary)\b", summary.text_content() or "", re.I):
            return True
    if _hidden(el) and tag not in ("body", "html"):
        return True
    return False


def is_badge(el: HtmlElement, names: tuple[str, ...] | None = None) -> bool:
    """Buttons and badges: their label is not citation text (links stay in Segment.links).
    ``names``: the element's :func:`classes`, when the caller has them already."""
    if names is None:
        names = classes(el)
    for c in names:
        c = c.lower()
        if c == "btn" or c.startswith(("btn-", "button", "badge", "label-", "tag-")) or c in _BADGE_CLASSES:
            return True
    return el.tag in ("abbr",) and bool(names)


_BADGE_CLASSES = frozenset(("badge", "label", "tag", "tags", "icon", "pub-icon", "links", "pub-links", "altmetric-embed",
                            "__dimensions_badge_embed__"))
