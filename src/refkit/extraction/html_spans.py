"""The visible text of a publication item as :class:`Span` runs.

Bold/italic/sup/link marks and class names (css hints) are kept; ``<br>`` and
block ends are line breaks, except a ``<br>`` that wraps a title or a name list;
badge buttons, hidden boxes and lines of link labels (``PDF / Code / Bib``) leave
the text (their links stay in :attr:`Segment.links`); cards that show the title
below the authors get the title line first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

import lxml.etree as etree
from lxml.html import HtmlElement

from .html_dom import BLOCK_TAGS, BOLD_TAGS, HEADING_TAGS, ITALIC_TAGS, WS, classes, is_badge, is_skipped
from .link_labels import BADGE_LABEL
from .segment import Link, Span, is_title_css

__all__ = ["SpanWriter", "Style", "write_range", "is_link_line", "is_count_line", "is_summary", "strip_line", "YEAR_ONLY"]

_LINK_SEP = re.compile(r"^[\s/|·•,;:\[\]()\-–—]*$")
YEAR_ONLY = re.compile(r"^\s*[\[(]?(?:1[89]\d\d|20[0-4]\d)[a-z]?[\])]?[.:]?\s*$")


@dataclass
class Style:
    """The marks a run of text inherits from its enclosing elements."""

    bold: bool = False
    italic: bool = False
    sup: bool = False
    link: str | None = None
    css: tuple[str, ...] = ()
    hidden: bool = False  # badge/button text: kept out of spans


_SUMMARY_CLASSES = frozenset(
    "article-style summary summary-link excerpt archive__item-excerpt teaser tldr pub-summary "
    "paper-summary abstract-preview card-text".split()
)


def _is_date_box(el: HtmlElement) -> bool:
    """A separately styled date (``<span class="article-date">``) is its own line."""
    return any(c.lower() in ("article-date", "date", "pub-date", "pubdate", "year") for c in classes(el))


def is_summary(el: HtmlElement) -> bool:
    """An excerpt/summary box inside a publication card: not citation text."""
    return any(c.lower() in _SUMMARY_CLASSES for c in classes(el))


_MARKER = re.compile(r"^[\s*†‡§¶#✉✝⁎∗⋆☆★♠♣♦♥+,&\d]+$")


def _is_marker_sup(el: HtmlElement) -> bool:
    """A footnote/role marker (``*``, ``†``, ``1,2`` after a name) rather than math
    (``R<sup>3</sup>``, ``U<sup>s+1</sup>``), which reads as plain text."""
    text = (el.text_content() or "").strip()
    if not text or not _MARKER.match(text):
        return False
    if not any(c.isdigit() for c in text):
        return True
    prev = el.getprevious()
    before = (prev.tail if prev is not None else (el.getparent().text if el.getparent() is not None else "")) or ""
    if prev is not None and not before:
        before = prev.text_content() or ""
    word = before.split()[-1] if before.strip() and not before[-1].isspace() else ""
    if not word and text.isdigit() and (el.tail or "")[:1].isupper():
        # a mass number at the start of a word, glued to its element (``<sup>12</sup>C``,
        # ``<sup>4</sup>He``): notation inside a title; a marker follows its name
        return False
    return not (word and len(word) <= 2 and word[-1].isalpha())


#: tags that change the style even without a class attribute
_STYLING_TAGS = BOLD_TAGS | ITALIC_TAGS | frozenset(HEADING_TAGS) | {"sup", "a"}


def _wraps_marked_title(el: HtmlElement) -> bool:
    """A bold run around a whole entry head whose title is marked inside it
    (``<b>A. Author and B. Writer: <i>The title</i></b>``, LaTeX's
    ``\\textbf{Authors: \\textit{Title}}``): the bold marks the line, the italic
    run that ends it marks the title. Only when the italic run closes the bold and
    the words before it end with a separator, so an italic word inside a bold title
    (``<b>Growth of <i>E. coli</i></b>``) keeps the title bold."""
    if not len(el):
        return False
    last = el[-1]
    if not isinstance(last.tag, str) or last.tag not in ITALIC_TAGS or (last.tail or "").strip(" \t\n.,;:"):
        return False
    title = (last.text_content() or "").strip()
    head = (el.text or "") + "".join(
        (child.text_content() if isinstance(child.tag, str) else "") + (child.tail or "") for child in el[:-1]
    )
    return len(title.split()) >= 2 and len(head.split()) >= 2 and head.rstrip()[-1:] in (":", ".", ",", ";")


#: the style a child takes, by its parent's style, tag and class attribute: a template writes
#: the same few (tag, class) pairs in every item, and a style is never changed once made.
#: Bold and superscript children (their style depends on their content) and links (on their
#: target) are not kept; the table is emptied when it reaches _MAX_STYLES.
_STYLES: dict[tuple[Any, ...], Style] = {}
_MAX_STYLES = 4096


def _child_style(style: Style, el: HtmlElement) -> Style:
    tag = el.tag
    cls = el.get("class")
    if tag not in _STYLING_TAGS and cls is None:
        return style  # a plain <div>/<span>/<td>: the parent's style as it is (never mutated)
    key = None
    if tag not in BOLD_TAGS and tag != "sup" and tag != "a" and style.link is None:
        key = (style.bold, style.italic, style.sup, style.css, style.hidden, tag, cls)
        known = _STYLES.get(key)
        if known is not None:
            return known
    made = _make_style(style, el, tag)
    if key is not None:
        if len(_STYLES) >= _MAX_STYLES:
            _STYLES.clear()
        _STYLES[key] = made
    return made


def _make_style(style: Style, el: HtmlElement, tag: str) -> Style:
    if tag in BOLD_TAGS and _wraps_marked_title(el):
        tag = "span"  # the bold marks the whole head, not a field
    css = style.css
    names = classes(el)
    if names:
        css = tuple(dict.fromkeys(names + css))[:8]
    return Style(
        bold=style.bold or tag in BOLD_TAGS or tag in HEADING_TAGS,
        italic=style.italic or tag in ITALIC_TAGS,
        sup=style.sup or (tag == "sup" and _is_marker_sup(el)),
        link=(el.get("href") or style.link) if tag == "a" else style.link,
        css=css,
        hidden=style.hidden or is_badge(el, names),
    )


class SpanWriter:
    """Collects an item's lines of spans and its links while its elements are walked."""

    def __init__(self, stats: Mapping[HtmlElement, Any] | None = None) -> None:
        self.stats = stats
        self.lines: list[list[Span]] = [[]]
        self.links: list[Link] = []
        self._seen: set[tuple[str, str]] = set()
        self._linked: set[HtmlElement] = set()  # <a> elements already read (items walk them twice)

    def text(self, text: str | None, style: Style) -> None:
        if not text or style.hidden:
            return
        # template indentation between tags is the common case: str.isspace and the
        # regex's \s are the same Unicode class, so it collapses to one space
        if text.isspace():
            text = " "
        else:  # WS.sub(" ", text), by str.split in C: inner runs joined, outer ones kept as one space
            inner = " ".join(text.split())
            text = (" " if text[0].isspace() else "") + inner + (" " if text[-1].isspace() else "")
        if "\u00ad" in text or "\u200b" in text:  # soft hyphens and zero-width spaces are not shown
            text = text.replace("\u00ad", "").replace("\u200b", "")
        if not text:
            return
        line = self.lines[-1]
        if line:
            last = line[-1]
            if text.startswith(" ") and last.text.endswith(" "):
                text = text[1:]
                if not text:
                    return
            if (last.bold, last.italic, last.sup, last.link, last.css) == (style.bold, style.italic, style.sup, style.link, style.css):
                line[-1] = Span(last.text + text, last.bold, last.italic, last.sup, last.link, last.css)
                return
        elif text.startswith(" "):
            text = text.lstrip()
            if not text:
                return
        line.append(Span(text, style.bold, style.italic, style.sup, style.link, style.css))

    def continues(self) -> bool:
        """Does the current line end mid-list (``Name,`` ``and``)? Then a <br> is a wrap."""
        line = self.lines[-1]
        if not line:
            return False
        tail = line[-1].text.rstrip()
        return tail.endswith((",", "&", ";")) or tail.lower().endswith(" and")

    def newline(self) -> None:
        if self.lines[-1]:
            self.lines.append([])

    def link(self, el: HtmlElement) -> None:
        if el in self._linked:
            return
        self._linked.add(el)
        href = (el.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "#", "mailto:")):
            return
        label = WS.sub(" ", el.text_content() or "").strip() or el.get("title") or el.get("aria-label") or ""
        if not label:
            img = el.find(".//img")
            if img is not None:
                label = img.get("alt") or img.get("title") or ""
        key = (label, href)
        if key not in self._seen:
            self._seen.add(key)
            self.links.append(Link(label.strip(), href))

    def spans(self) -> tuple[Span, ...]:
        out: list[Span] = []
        lines = [strip_line(_trim_link_head(_trim_link_tail(_more_authors(line)))) for line in self.lines]
        lines = [line for line in lines if line and not is_link_line(line) and not is_count_line(line)]
        if len(lines) > 1 and YEAR_ONLY.match("".join(s.text for s in lines[0])):
            # a year column in front of the citation (tables): the year goes last
            lines.append(lines.pop(0))
        titled = [i for i, line in enumerate(lines) if all(_is_title_css(s.css) for s in line if s.text.strip())]
        if len(titled) == 1 and titled[0] > 0:
            # a card that shows authors and date above the title (Hugo, Jekyll
            # themes): the title line, marked by its class, goes first
            lines.insert(0, lines.pop(titled[0]))
        for line in lines:
            if out:
                out.append(Span("\n"))
            out.extend(line)
        return tuple(out)


#: a line that only counts citations or reads ("12 citations.", "Cited by 7", "Citations: 3")
_COUNT_LINE = re.compile(r"^[\[(]?(?:\d[\d,]{0,8} (?:citations?|cites|reads|downloads)|(?:cited by|citations?|cites|reads):? ?\d[\d,]{0,8})[\])]?\.?$", re.I)


def is_count_line(line: Sequence[Span]) -> bool:
    """A line of its own that only counts citations (an INSPIRE or Scholar export's
    "12 citations." under each entry): page furniture, not part of the citation."""
    text = " ".join("".join(s.text for s in line).split())  # WS.sub(" ", …).strip(), in C
    return len(text) <= 40 and bool(_COUNT_LINE.match(text))


_MORE_AUTHORS = re.compile(r"(?:\band\s+)?\b\d+\s+more\s+authors?\b", re.I)
_TRAILING_AND = re.compile(r"\band\s*$")


def _more_authors(line: list[Span]) -> list[Span]:
    """"…, and 8 more authors" (a collapsed name list, al-folio) reads "…, et al."."""
    if len(line) > 1 and "more author" not in "".join([s.text for s in line]).lower():
        return line  # (no span says it: the line as it is, without a look at each span)
    out = list(line)
    for i, s in enumerate(out):
        if "more author" not in s.text.lower() or not _MORE_AUTHORS.search(s.text):
            continue
        out[i] = Span(_MORE_AUTHORS.sub("et al.", s.text), s.bold, s.italic, s.sup, s.link, s.css)
        if i > 0 and _TRAILING_AND.search(out[i - 1].text) and out[i].text.lstrip().startswith("et al."):
            prev = out[i - 1]
            out[i - 1] = Span(_TRAILING_AND.sub("", prev.text), prev.bold, prev.italic, prev.sup, prev.link, prev.css)
    return out


_is_title_css = is_title_css


_SPACE_COMMA = re.compile(r"(?<=\S)\s+([,;])(?=\s|$)")
#: what every _SPACE_COMMA match holds; a pattern that starts with a character class is
#: scanned for quickly, one that starts with a look-behind is tried at every position
_SPACE_BEFORE_COMMA = re.compile(r"\s[,;]")
_LEADING_COMMA = re.compile(r"\s+[,;]")


def strip_line(line: list[Span]) -> list[Span]:
    """A line without outer whitespace and with "Name , Name" (template
    whitespace before commas) read as "Name, Name"."""
    fixed: list[Span] = []
    for i, s in enumerate(line):
        text = s.text
        if ("," in text or ";" in text) and _SPACE_BEFORE_COMMA.search(text):
            text = _SPACE_COMMA.sub(r"\1", text)
            if i > 0 and _LEADING_COMMA.match(text) and fixed and fixed[-1].text and not fixed[-1].text[-1].isspace():
                text = text.lstrip()
        fixed.append(Span(text, s.bold, s.italic, s.sup, s.link, s.css) if text != s.text else s)
    line = [s for s in fixed if s.text]
    while line and not line[0].text.strip():
        line.pop(0)
    while line and not line[-1].text.strip():
        line.pop()
    if line:
        first = line[0]
        text = first.text.lstrip()
        if text != first.text:  # (a span is a value: an unchanged one is kept, not copied)
            line[0] = Span(text, first.bold, first.italic, first.sup, first.link, first.css)
        last = line[-1]
        text = last.text.rstrip()
        if text != last.text:
            line[-1] = Span(text, last.bold, last.italic, last.sup, last.link, last.css)
    return line


_RESOURCE_URL = re.compile(
    r"github\.com|gitlab|arxiv\.org|doi\.org|\.pdf\b|youtube|youtu\.be|vimeo|openreview|slides|bibtex|\.bib\b|"
    r"eprint\.iacr\.org|pubmed|ncbi\.nlm\.nih\.gov|hal\.science|hal\.archives|ssrn\.com|inspirehep|adsabs|biorxiv|medrxiv",
    re.I,
)


def _is_badge_link(span: Span) -> bool:
    """A link labelled like a badge (``PDF``, ``code``), or a one-word label on a
    resource URL (``ePrint`` -> eprint.iacr.org); a linked title is not."""
    label = span.text.strip(" []()|.:,")
    if BADGE_LABEL.match(label):
        return True
    return bool(span.link) and " " not in label and len(label) <= 12 and bool(_RESOURCE_URL.search(span.link or ""))


def is_link_line(line: Sequence[Span]) -> bool:
    """A line of link labels and separators: ``paper / arXiv / code``, ``[pdf] [bib]``.
    At least half the links must look like badges (label ``PDF``/``code``…, or a
    target on GitHub, arXiv, doi.org, a .pdf): a line of linked co-author names or
    a lone linked title stays."""
    links = 0
    badges = 0
    for s in line:
        if s.link:
            if len(s.text.split()) > 4 or len(s.text) > 30:
                return False
            links += 1
            if _is_badge_link(s):
                badges += 1
        elif not _LINK_SEP.match(s.text):
            return False
    return links > 0 and 2 * badges >= links



# Separators left dangling before the trailing links of an entry.
# starts only where a run of separators starts, so a long run not at the end is crossed once
_TRAILING_LINK_SEP = re.compile(r"(?<![\s\[(|/·•–—-])[\s\[(|/·•–—-]+$")


def _trim_link_tail(line: list[Span]) -> list[Span]:
    """Drop a trailing link group (``[ bib | DOI | http ]``) from a citation line."""
    n = len(line)
    links = 0
    while n > 0:
        s = line[n - 1]
        if s.link and _is_badge_link(s):
            links += 1
        elif not (not s.link and _LINK_SEP.match(s.text)):
            break
        n -= 1
    if links == 0 or n == 0:
        return line
    out = line[:n]
    last = out[-1]
    if not last.link:
        text = _TRAILING_LINK_SEP.sub("", _open_label.sub("", last.text))
        out[-1] = Span(text, last.bold, last.italic, last.sup, last.link, last.css)
    return out


#: the opening of a bracketed link group with a short label before its links, at the end of
#: the text before them: "… 2007 [Code at" (github)"]", "… (Slides:" (pdf)")"
_open_label = re.compile(r"[\[(][ \t]*[A-Za-z][A-Za-z \t]{0,23}:?[ \t]*$")


_LEADING_LINK_SEP = re.compile(r"^[\s\])|/·•,;:–—-]+")


def _trim_link_head(line: list[Span]) -> list[Span]:
    """Drop a leading link group (``[DOI] [PDF]`` before the title) from a citation
    line; the links stay the item's links."""
    k = 0
    links = 0
    while k < len(line):
        s = line[k]
        if s.link and _is_badge_link(s):
            links += 1
        elif s.link or not _LINK_SEP.match(s.text):
            break
        k += 1
    if links == 0 or k == len(line):
        return line
    out = line[k:]
    first = out[0]
    if not first.link:
        out[0] = Span(_LEADING_LINK_SEP.sub("", first.text), first.bold, first.italic, first.sup, first.link, first.css)
    return out


_SOFT_BR_PARENTS = frozenset({"b", "strong", "i", "em", "u", "a", "cite", "q"})
#: a <br> directly inside a heading wraps the heading's line (a card's title in an ``<h3>``)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _wraps_lines(parent: HtmlElement) -> bool:
    """Is a ``<br>`` directly inside ``parent`` a wrapped line of one field, not a line of
    its own? So inside inline emphasis, a link or a quote, a heading, and an element whose
    class says it holds the title ("Title.<br>Subtitle." is one title)."""
    if parent.tag in _SOFT_BR_PARENTS or parent.tag in _HEADINGS:
        return True
    css = parent.get("class")
    return css is not None and _is_title_css(tuple(css.split()))


def write_range(writer: SpanWriter, parent: HtmlElement, a: int, b: int, base: Style | None = None,
                child: HtmlElement | None = None, first: HtmlElement | None = None) -> None:
    """Write slots ``a``..``b`` of ``parent``'s content (0 = ``parent.text``,
    ``2j+1`` = child ``j``, ``2j+2`` = its tail) into ``writer``. ``child``: the
    element in slot ``a`` when the range is that one element (lxml's ``parent[j]``
    walks j siblings to find it: callers that know the element pass it, or a page of
    thousands of headings or items is quadratic). ``first``: the child ``(a - 1) // 2``
    (in slot ``a``, or whose tail slot ``a`` is), for the same reason."""
    base = base or Style()
    if child is not None and b == a + 1 and a % 2 == 1:
        _write_element(writer, child, base)
        return
    el: HtmlElement | None = None
    for slot in range(a, b):
        if slot == 0:
            writer.text(parent.text, base)
            continue
        # one indexed look-up, then its siblings: each parent[j] walks j siblings
        if el is None:
            el = first if first is not None and slot == a else parent[(slot - 1) // 2]
        elif slot % 2 == 1:
            el = el.getnext()
        if slot % 2 == 0:
            writer.text(el.tail, base)
        else:
            _write_element(writer, el, base)


def _write_element(writer: SpanWriter, top: HtmlElement, base: Style) -> None:
    styles: list[Style] = [base]
    walker = etree.iterwalk(top, events=("start", "end"))
    skipped_depth = 0
    for event, el in walker:
        tag = el.tag
        if event == "start":
            st = writer.stats.get(el) if writer.stats is not None else None
            skipped = st.skipped if st is not None else is_skipped(el)
            if skipped or not isinstance(tag, str) or (el is not top and (tag == "blockquote" or (el.get("class") is not None and is_summary(el)))):
                walker.skip_subtree()
                styles.append(styles[-1])
                skipped_depth += 1
                continue
            style = _child_style(styles[-1], el)
            styles.append(style)
            if tag == "br":
                parent = el.getparent()
                if parent is not None and _wraps_lines(parent) or writer.continues():
                    writer.text(" ", style)  # a line wrapped inside a title or a name list
                else:
                    writer.newline()
            elif tag in BLOCK_TAGS:
                writer.newline()
            elif tag == "img" and not style.hidden and el.get("alt") and len(el.get("alt", "")) <= 3:
                writer.text(el.get("alt"), style)  # ligature/symbol images
            if tag == "a":
                writer.link(el)
            text = el.text
            if text:  # (most elements hold no text of their own before their first child)
                writer.text(text, style)
        else:
            styles.pop()
            if isinstance(tag, str) and (tag in BLOCK_TAGS or (el is not top and el.get("class") is not None and _is_date_box(el))):
                writer.newline()
            if el is not top:
                tail = el.tail
                if tail:
                    writer.text(tail, styles[-1])


#: a <br> directly inside these wraps a line of a title or name list
