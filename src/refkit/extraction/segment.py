"""The hand-over format between document readers and the citation parser."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..model import Location

__all__ = ["Span", "Link", "Segment", "is_title_css"]

#: a class name that says its element holds the title ("title", "pub-title", "card_headline") …
_TITLE_CSS = re.compile(r"(?:^|[-_])(?:title|headline)(?:$|[-_])", re.I)
#: … and not another title (a subtitle, a section's, the page's or site's, a book's, a journal's or venue's)
_TITLE_EXCLUDED = re.compile(r"sub|section|page|site|book|journal|venue", re.I)


@lru_cache(maxsize=1024)  # a template writes the same few class lists in every item
def is_title_css(css: tuple[str, ...]) -> bool:
    """Does one of the class names ``css`` say its element holds the item's title?"""
    return any(_TITLE_CSS.search(c) and not _TITLE_EXCLUDED.search(c) for c in css)


@dataclass(frozen=True, slots=True)
class Span:
    """A run of visible text and the markup it had.

    ``bold``/``italic`` come from ``<b>``/``<strong>``/``**``/``\\textbf`` and
    ``<i>``/``<em>``/``*``/``\\emph``; ``sup`` from ``<sup>`` (role markers);
    ``link`` is the URL when the run is a link's text; ``css`` holds class names
    (``title``, ``author``, ``venue`` in many templates) as a hint."""

    text: str
    bold: bool = False
    italic: bool = False
    sup: bool = False
    link: str | None = None
    css: tuple[str, ...] = ()

    def __init__(self, text: str, bold: bool = False, italic: bool = False, sup: bool = False,
                 link: str | None = None, css: tuple[str, ...] = ()) -> None:
        # readers make a Span per run of text (140,000 for a 5 MB page): slots make one
        # 80 bytes instead of 330 with its instance dict, and the fields are stored
        # through the slots' own setters (the frozen dataclass's __init__ goes through
        # object.__setattr__ per field, slower; still frozen: no setattr after)
        _SET_TEXT(self, text)
        _SET_BOLD(self, bold)
        _SET_ITALIC(self, italic)
        _SET_SUP(self, sup)
        _SET_LINK(self, link)
        _SET_CSS(self, css)


_SET_TEXT = Span.__dict__["text"].__set__
_SET_BOLD = Span.__dict__["bold"].__set__
_SET_ITALIC = Span.__dict__["italic"].__set__
_SET_SUP = Span.__dict__["sup"].__set__
_SET_LINK = Span.__dict__["link"].__set__
_SET_CSS = Span.__dict__["css"].__set__


@dataclass(frozen=True)
class Link:
    """A hyperlink in or attached to an item: its visible label and target."""

    label: str
    url: str


@dataclass(frozen=True)
class Segment:
    """One listed item of a publication list.

    ``spans`` is the item's visible text in order (line breaks as ``"\\n"`` spans);
    ``links`` every link in the item (also those on buttons/badges with no text in
    ``spans``); ``headings`` the headings the item sits under, outermost first
    ("Publications", "Journal Papers", "2023"), which hint at type and year;
    ``location`` where the item starts in the source document.
    """

    spans: tuple[Span, ...]
    links: tuple[Link, ...] = ()
    headings: tuple[str, ...] = ()
    location: Location = field(default_factory=Location)

    def text_before_links(self, width: int = 60) -> dict[str, str]:
        """For each link of the item, up to ``width`` characters of visible text
        before its first linked span ("Data and R code available from " before a
        figshare link): what the item says a link is for. A link not shown in the
        text (a badge or button) sits after all of it and gets the text's end."""
        before: dict[str, str] = {}
        shown = ""
        for span in self.spans:
            if span.link and span.link not in before:
                before[span.link] = shown[-width:]
            shown = (shown + span.text)[-width:]
        for link in self.links:
            before.setdefault(link.url, shown)
        return before

    def without_uniform_emphasis(self) -> "Segment | None":
        """The item with its bold (italic) dropped when all its text is bold (italic), else
        None: a citation written as a heading (an Org headline per paper) or wrapped whole
        in ``<b>`` shows emphasis that marks no part of it (no title, no highlighted name)."""
        shown = [s for s in self.spans if s.text.strip()]
        bold = bool(shown) and all(s.bold for s in shown)
        italic = bool(shown) and all(s.italic for s in shown)
        if not bold and not italic:
            return None
        spans = tuple(Span(s.text, s.bold and not bold, s.italic and not italic, s.sup, s.link, s.css) for s in self.spans)
        return Segment(spans, self.links, self.headings, self.location)

    @cached_property
    def text(self) -> str:
        """The plain visible text, whitespace collapsed (joined once: the readers, the
        parser and the confidence assessment each ask for it)."""
        return " ".join("".join(s.text for s in self.spans).split())
