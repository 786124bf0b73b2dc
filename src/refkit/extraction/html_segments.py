"""Cut an HTML page into publication items (:class:`Segment` objects).

Why a layout-agnostic algorithm: academic pages come in every shape (lists,
tables, ``<div>`` cards, ``<br>``-separated paragraphs, Jekyll/Hugo themes,
bibtex2html output), so instead of one rule per template we find the items from
the *shape* of the tree:

1. **Units.** Bottom-up, every element gets an estimate of how many citations it
   holds. Its content is cut into *parts* (block children, and the inline runs
   between ``<br>`` and block children); a part with a year or a preprint/status
   word and enough text is one citation. An element whose parts hold two or more
   citations is a *container*; otherwise it is one citation if it looks like one.
2. **Items.** Top-down, the parts of each container are grouped into items: one
   per citation-like part, siblings of the same shape without a year join them,
   and where an item is spread over several siblings (title ``<div>``, author
   ``<div>``, venue ``<div>`` …) consecutive parts are grouped.
3. **Headings.** Every item remembers the headings above it (``h1``–``h6``,
   ``<dt>``, captions, lone bold lines) and the section they name
   (publications, or news/talks/teaching … which never hold publications).
4. **Spans.** The item's visible text with bold/italic/sup/link/css marks
   (:mod:`refkit.extraction.html_spans`); parsing and what is never citation text
   live in :mod:`refkit.extraction.html_dom`.

Everything iterates (no recursion), so 10,000-deep nesting is safe; lxml's
``huge_tree`` parser bounds the depth it builds.
"""

from __future__ import annotations

import bisect
import gc
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Callable, Iterator, Sequence

from ..model import Location
from . import lexicon
from .html_dom import BLOCK_TAGS, DROP_TAGS, HEADING_TAGS, WS, classes, is_skipped, parse_html
from .html_spans import YEAR_ONLY, SpanWriter, Style, is_link_line, is_summary, strip_line, write_range
from .columns import LABELS, body_rows, labelled_header, row_cells
from .authors import scan_authors
from .evidence import YEAR, has_names, is_name_line, is_prose, segment_evidence, starts_with_names
from .sections import classify_heading, reads_as_paper, section_kind, section_of
from .labels import strip_labels
from .runs import split_run
from .segment import Segment, Span

__all__ = [
    "PageItem",
    "parse_html",
    "page_items",
    "classify_heading",
    "is_skipped",
    "BLOCK_TAGS",
]

from lxml.html import HtmlElement  # noqa: E402  (Any without stubs)

#: a publication year (dates.PUBLICATION_YEAR) not inside a number, date or range; written
#: to start with a digit (the look-behind "not after a digit . / or dash" moved after it)
#: so the regex engine skips to the next 1 or 2 instead of trying every position
_YEAR = re.compile(r"(?:1(?<![\d./–-]1)[89]\d\d|2(?<![\d./–-]2)0[0-4]\d)(?!\d|\s?[–-]\s?\d{3})")
#: status words that date an item like a year ("in review" only when no word follows: not
#: "Progress in Mathematics"); the two patterns below add the DOI branch each its own way
_STATUS_SIGNALS = (
    r"arxiv|preprint|submitted|under (?:review|revision|submission)|in (?:review|revision|progress)(?! ?[^\W\d_])|"
    r"in press|to appear|forthcoming|in preparation|accepted|manuscript|"
)
_SIGNAL = re.compile(_STATUS_SIGNALS + r"\b10\.\d{4,9}/", re.I)
#: _SIGNAL over lower-cased text: a case-insensitive alternation tries every branch at
#: every position, this one starts with a letter or digit from a small set (the \b of
#: the DOI branch moved after its first digit), which the regex engine skips to.
#: str.lower() folds as re.I does, keeping every offset, except for the three letters
#: re.I also matches to i and s: text holding them uses _SIGNAL
_SIGNAL_LOWER = re.compile(_STATUS_SIGNALS + r"1(?<!\w1)0\.\d{4,9}/")
_OTHER_FOLDS = ("\u0130", "\u0131", "\u017f")  # İ ı ſ


def _signal_count(s: str) -> int:
    """How many preprint/status words and DOIs ``s`` holds (``len(_SIGNAL.findall(s))``)."""
    if not s.isascii() and any(c in s for c in _OTHER_FOLDS):
        return len(_SIGNAL.findall(s))
    return len(_SIGNAL_LOWER.findall(s.lower()))
_PUNCT = re.compile(r"[,.;:]")
_IDENTIFIER_LINK = re.compile(r"\b10\.\d{4,9}/|arxiv\.org/(?:abs|pdf)/", re.I)
_BARE_URL = re.compile(r"(?:https?://|www\.)\S+$", re.I)
_LIST_TAGS = frozenset({"ul", "ol", "dl", "table", "tbody"})
_ITEM_TAGS = frozenset({"li", "dd", "tr"})
YEAR_ONLY = re.compile(r"^\s*[\[(]?(?:1[89]\d\d|20[0-4]\d)[a-z]?[\])]?[.:]?\s*$")
_DIGIT = re.compile(r"\d")
WS = re.compile(r"\s+")

# --------------------------------------------------------------------------- stats

@dataclass(slots=True)
class _Stat:
    tlen: int = 0
    years: int = 0
    signals: int = 0
    punct: int = 0
    blockish: bool = False  # contains a block element or <br>
    units: int = 0
    skipped: bool = False


#: the statistics of every skipped element (hidden boxes, scripts …): one shared,
#: never changed object, as pages hide thousands of elements
_SKIPPED = _Stat(skipped=True)

_TextStat = tuple[int, int, int, int]  # tlen, years, signals, punct of one text node


def _measure(text: str | None) -> _TextStat | None:
    """The statistics of one text node (None when it is blank)."""
    if not text:
        return None
    s = text.strip()
    if not s:
        return None
    if _BARE_URL.match(s):
        return (len(s), 0, 0, 0)  # a URL shown as text (a link cell): no citation by itself
    years = len(_YEAR.findall(s)) if _DIGIT.search(s) else 0
    return (len(s), years, _signal_count(s), s.count(",") + s.count(".") + s.count(";") + s.count(":"))


def _measure_tail(el: HtmlElement) -> _TextStat | None:
    return _measure(el.tail)


def _add_text(st: _Stat, t: _TextStat | None) -> None:
    if t is not None:
        st.tlen += t[0]
        st.years += t[1]
        st.signals += t[2]
        st.punct += t[3]


def _add(dst: _Stat, src: _Stat) -> None:
    dst.tlen += src.tlen
    dst.years += src.years
    dst.signals += src.signals
    dst.punct += src.punct


#: where one sentence of a plain citation ends and the next begins
_SENTENCE = re.compile(r"[.?!]\s+(?=\S)")


def _name_led(text: str) -> bool:
    """Does ``text`` open with person names as citations write them and go on in two more
    sentences after the names (a title, then a venue)?"""
    text = WS.sub(" ", text).strip()
    first = text.split(" ", 1)[0]
    # a double family name ("Gramsch-Stehfest, R.") is read from its last part
    if not starts_with_names(text) and not ("-" in first and starts_with_names(text[first.rindex("-") + 1:])):
        return False
    ends = [m.end() for m in _SENTENCE.finditer(text)]
    # the names' own initials end sentences too: count the sentences that start with a word
    # not followed by a period or comma (an initial, a name), of two letters or more or
    # followed by a lower-case word ("A note on …")
    pieces = 0
    for end in ends:
        head = text[end:end + 60].split(" ", 2)
        word = head[0]
        if word.endswith((".", ",")):
            continue
        if len(word) >= 2 or len(head) > 1 and head[1][:1].islower():
            pieces += 1
    return pieces >= 2


#: a number marker in front of a citation ("[3] ", "3. ", "(3) ")
_NUMBER_MARK = re.compile(r"(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}[.)])\s+")


def _opening(part: _Part) -> str | None:
    """How a line opens: with person names (after a number marker, if any), a bold run or a
    link (a title set apart), or None for any other way."""
    writer = SpanWriter()
    _write_part(writer, part)
    first = next((s for line in writer.lines for s in line if s.text.strip()), None)
    if first is None:
        return None
    text = _part_text(part)
    mark = _NUMBER_MARK.match(text)
    if starts_with_names(text[mark.end():] if mark else text):
        return "names"
    if first.bold:
        return "bold"
    return "link" if first.link else None


def _opens_alike(part: _Part, other: _Part) -> bool:
    """Do two lines open the same way, a way citations open (:func:`_opening`)?"""
    kind = _opening(part)
    return kind is not None and kind == _opening(other)


def _in_text(el: HtmlElement) -> bool:
    """Does text come before ``el`` inside its parent (its parent's own text or an earlier child)?"""
    parent = el.getparent()
    return parent is not None and (bool(parent.text and parent.text.strip()) or el.getprevious() is not None)


def _unit_like(st: _Stat, *, strict: bool = False) -> bool:
    """Does this much text with these marks look like one citation?"""
    if strict:  # an inline run between <br>s: it must hold a whole citation
        return st.tlen >= 50 and st.years >= 1 and st.punct >= 3
    return st.tlen >= 40 and (st.years >= 1 or st.signals >= 1)


@dataclass(slots=True)  # thousands per page, each made once: no instance dict
class _Part:
    """A slice of an element's content: slots ``a``..``b`` (0 = ``parent.text``,
    ``2j+1`` = child ``j``, ``2j+2`` = child ``j``'s tail)."""

    parent: HtmlElement
    a: int
    b: int
    stat: _Stat
    element: HtmlElement | None = None  # set when the part is exactly one block-ish child
    separator: bool = False  # a blank line (<br><br>) or a heading: items never span it
    heading: bool = False
    #: the child ``(a - 1) // 2`` (the one in slot ``a``, or whose tail slot ``a`` is), so
    #: writing the part starts there: lxml's ``parent[j]`` walks j siblings, and the
    #: parts of a block of thousands of <br> lines each walked to their place
    first: HtmlElement | None = None


class _Page:
    """Per-page state: statistics of every element, bottom-up."""

    def __init__(self, root: HtmlElement, relaxed: bool = False):
        self.root = root
        self.relaxed = relaxed  # any run of repeated sibling blocks may be a list (see page_items)
        self.stats: dict[HtmlElement, _Stat] = {}
        self.order: dict[HtmlElement, int] = {}
        self._parts: dict[HtmlElement, list[_Part]] = {}
        self.index: dict[HtmlElement, int] = {}
        self._dl: dict[HtmlElement, bool] = {}
        self.odd: set[int] = set()  # items whose shape differs from their siblings' (intros, notes)
        #: first parts of items whose papers the page's structure shows (:func:`_linked_titles`)
        self.titled: set[int] = set()
        #: list items read as papers by their linked title (:func:`_linked_title_item`): the same
        self.titled_items: set[HtmlElement] = set()
        self._templates: dict[HtmlElement, dict[tuple[str, str], int]] = {}  # parent -> its children's templates
        # statistics of each non-blank el.text / child.tail, measured once (parts() reuses them)
        self._texts: dict[HtmlElement, _TextStat] = {}
        self._tails: dict[HtmlElement, _TextStat] = {}
        # body rows of column-labelled tables -> the part each column holds
        self.labelled: dict[HtmlElement, list[str | None]] = {}
        self.joined: set[HtmlElement] = set()  # cards whose two dated blocks are one citation (_halves)
        self.header_rows: set[HtmlElement] = set()  # their cells are column labels, not section headings
        for table in root.iter("table"):
            labels = labelled_header(table)
            if labels is not None:
                head, columns = labels
                self.header_rows.add(head)
                for row in body_rows(table):
                    self.labelled[row] = columns
        self._compute()

    def _compute(self) -> None:
        elements = []
        skipped_parent: set[HtmlElement] = set()
        order = self.order
        for i, el in enumerate(self.root.iter()):
            order[el] = i
            tag = el.tag
            # most elements are no drop tag and carry no attribute: is_skipped says False for
            # them, asked here without a call (a page has a hundred thousand elements)
            if tag.__class__ is str and tag not in DROP_TAGS and tag != "details" and not el.attrib:
                if not skipped_parent or el.getparent() not in skipped_parent:
                    elements.append(el)
                    continue
            elif tag.__class__ is str and (not skipped_parent or el.getparent() not in skipped_parent) \
                    and not is_skipped(el):
                elements.append(el)
                continue
            skipped_parent.add(el)
            self.stats[el] = _SKIPPED
        stats = self.stats
        index = self.index
        texts = self._texts
        tails = self._tails
        labelled = self.labelled
        for el in reversed(elements):  # children before parents
            st = _Stat()
            text = el.text
            # (a blank text or tail, template indentation, measures to None: not measured)
            t = _measure(text) if text and not text.isspace() else None
            if el.tag == "a" and _IDENTIFIER_LINK.search(el.get("href") or "") and (
                    not _SIGNAL.search(el.text or "") or t is not None and not t[2] and _in_text(el)):
                # a link to a DOI or an arXiv paper labelled "DOI", "[paper]", or showing its URL
                # inside a citation's text ("… 22(5), 685-696. DOI: https://doi.org/…": a URL as
                # text counts nothing itself): citation evidence. A URL alone (a link column's
                # cell) is no citation
                st.signals += 1
            if t is not None:
                texts[el] = t
                _add_text(st, t)
            for j, child in enumerate(el):
                index[child] = j
                cst = stats.get(child)
                if cst is not None and not cst.skipped:
                    st.tlen += cst.tlen
                    st.years += cst.years
                    st.signals += cst.signals
                    st.punct += cst.punct
                    if not st.blockish:
                        tag = child.tag
                        if tag in BLOCK_TAGS or tag == "br" or cst.blockish:
                            st.blockish = True
                tail = child.tail
                if tail and not tail.isspace():
                    t = _measure(tail)
                    if t is not None:
                        tails[child] = t
                        st.tlen += t[0]
                        st.years += t[1]
                        st.signals += t[2]
                        st.punct += t[3]
            stats[el] = st
            if labelled and el in labelled:
                st.units = 1 if st.tlen else 0  # a row of a column-labelled table is one item
                continue
            total = 0
            if st.blockish:  # inline-only content is one run: no parts to add up
                parts = self.parts(el)
                self._parts[el] = parts
                _quiet_summaries(parts)
                total = sum(p.stat.units for p in parts)
                headed = el.tag not in _LIST_TAGS and _year_headed(parts)
                if el.tag not in _LIST_TAGS and any(p.heading for p in parts):
                    total += self._pub_headed(parts)
                # one dated block among repeated sibling blocks (paragraphs, divs) anchors them
                # as a list: its undated siblings that read as citations count too
                anchored = total == 1 and el.tag not in _LIST_TAGS and len(parts) >= 3 and \
                    sum(1 for p in parts if p.stat.tlen >= 50 and p.element is not None) >= 3
                if total <= 1 and (el.tag in _LIST_TAGS or self.relaxed) or headed or anchored:
                    # items that read like references count even without a year
                    # (the year is in a heading above, or only one of them shows one)
                    if self._weak_units(el, parts, dated=total, headed=headed, anchored=anchored and not headed):
                        total = sum(p.stat.units for p in parts)
                    if total == 1:
                        st.units = 1
                        continue
                if total == 2 and el.tag in ("li", "dd") and _annotated(parts):
                    st.units = 1
                    continue
                if 2 <= total <= 3 and el.tag not in _LIST_TAGS and _halves(parts):
                    st.units = 1  # a card: its title block and its byline are one citation
                    self.joined.add(el)
                    continue
                if 2 <= total <= 3 and _named_once(parts):
                    st.units = 1  # one paper's lines: its authors once, then its dated venue and notes
                    self.joined.add(el)
                    continue
                if 2 <= total <= 6 and el.tag not in _LIST_TAGS and self.repeated(el) and _titled_card(parts):
                    st.units = 1  # a card led by its title heading: its byline, identifiers, abstract
                    self.joined.add(el)
                    continue
            if total >= 2:
                st.units = total
            else:
                st.units = 1 if _unit_like(st) else 0

    def _pub_headed(self, parts: list[_Part]) -> int:
        """Undated papers on a flat page, under a heading that names publications ("Working
        Papers": ``<h2>Working Papers</h2><p><b>Title</b><br>with Jane Doe and John Roe</p>…``):
        blocks no year or status word makes citations. Under such a heading, when every block
        that is no citation yet shows person names and a title-like run and no prose (a whole
        citation's evidence, :meth:`_cited`), each counts as one; returns how many were added."""
        added = 0
        for start, end in _heading_runs(parts, every=True) or []:
            label = WS.sub(" ", parts[start].element.text_content()).strip()  # type: ignore[union-attr]
            if classify_heading(label) != "pub":
                continue
            blocks = [p for p in parts[start + 1:end] if p.stat.tlen]
            undated = [p for p in blocks if not p.stat.units]
            if not undated or any(p.element is None or p.element.tag in _LIST_TAGS or p.heading for p in undated) \
                    or not all(self._cited(p, longest=2000, whole=True) for p in undated):
                continue
            for p in undated:
                p.stat.units = 1
            added += len(undated)
        return added

    def repeated(self, el: HtmlElement) -> bool:
        """Is ``el`` one of two or more siblings of one template (the same tag and first class
        name): a card of a list of cards, not a page's lone article or body?"""
        parent = el.getparent()
        if parent is None:
            return False
        counts = self._templates.get(parent)
        if counts is None:
            counts = self._templates[parent] = {}
            for child in parent:
                if isinstance(child.tag, str):
                    key = _template(child)
                    counts[key] = counts.get(key, 0) + 1
        return counts.get(_template(el), 0) >= 2

    def _titled_dl(self, dl: HtmlElement) -> bool:
        """Is this ``<dl>`` a list of papers, each ``<dt>`` (a title, or authors and
        year) paired with its ``<dd>`` details, rather than ``<dt>`` section labels
        ("2021", "Journal papers") over their ``<dd>`` papers?"""
        cached = self._dl.get(dl)
        if cached is None:
            # HTML5 groups each pair in a <div> (docutils writes definition lists so)
            kids = [g for c in dl for g in (c if c.tag == "div" else (c,))]
            dts = [c for c in kids if c.tag == "dt"]
            dds = [c for c in kids if c.tag == "dd"]
            labels = [WS.sub(" ", d.text_content() or "").strip() for d in dts]
            cached = bool(dts) and len(dts) == len(dds) and not all(
                YEAR_ONLY.match(t) or classify_heading(t) is not None or len(t) < 4 for t in labels
            )
            self._dl[dl] = cached
        return cached

    def dl_pairs(self, dl: HtmlElement) -> list[list[_Part]] | None:
        """The (``<dt>``, ``<dd>``) items of a paired ``<dl>``."""
        if not self._titled_dl(dl):
            return None
        groups: list[list[_Part]] = []
        for p in self.parts(dl):
            if p.element is not None and p.element.tag == "dt":
                groups.append([p])
            elif groups and p.stat.tlen:
                groups[-1].append(p)
        return [g for g in groups if len(g) >= 2] or None

    def _weak_units(self, el: HtmlElement, parts: list[_Part], dated: int = 0, headed: bool = False,
                    anchored: bool = False) -> int:
        """A list whose items show no year (the year is in the heading above:
        ``<h3>2021</h3><ul><li>A. Smith. Title. Journal.</li>…``), or only one of
        them does: items that read like references count as citations, when at
        least two of them and most of the list look so. ``headed``: blocks under
        year lines (:func:`_year_headed`), a list whose long punctuated blocks that
        are no prose count by their shape, as list items do. ``anchored``: one dated
        block among three or more repeated blocks (not a list element, not relaxed), itself
        a whole citation: its siblings count only as whole citations, 50 characters or more showing person names
        and a title (a card's lines, a byline and a venue line, are each less)."""
        linked: set[int] = set()
        if el.tag in _LIST_TAGS:
            items = [p for p in parts if p.element is not None and p.element.tag in _ITEM_TAGS]
            weak = []
            for p in items:
                if _byline_only(p):
                    continue
                if p.stat.tlen >= 50 and p.stat.punct >= 3 or self._cited(p):
                    weak.append(p)
                elif _linked_title_item(p):
                    weak.append(p)
                    linked.add(id(p))
        else:  # relaxed or under year headings: the blocks of the tag repeated most among the
            # children (a year line aside), each read by its evidence
            items = [p for p in _repeated_blocks(parts) if not _year_line(p)
                     and not (headed and p.element.tag in _LIST_TAGS)]  # type: ignore[union-attr]  # lists: their items
            if anchored and not self.relaxed:
                long = [p for p in items if p.stat.tlen >= 50]
                if len(long) < 3 or 2 * len(long) < len([p for p in items if p.stat.tlen]) \
                        or not any(p.stat.units for p in long):
                    # too few could be citations, or the dated block is not one of them (a card's
                    # venue line beside its abstract): no block is read (most elements stop here)
                    return 0
                anchor = next(p for p in long if p.stat.units)
                if not self._cited(anchor, longest=2000, whole=True):
                    return 0  # the dated block is no whole citation of their shape: no list
                weak = [p for p in long if p is anchor or self._cited(p, longest=2000, whole=True)]
            else:
                weak = [p for p in items if self._cited(p, longest=2000, led=self.relaxed) or headed and p.stat.tlen >= 50
                        and p.stat.punct >= 3 and not _prose_part(p)]
        if not weak or 2 * len(weak) < len([p for p in items if p.stat.tlen]):
            return 0
        if dated and len(weak) < 2:
            return 0
        if len(weak) == 1:  # one item: only right under a year or publications heading
            prev = el.getprevious()
            label = WS.sub(" ", prev.text_content()).strip() if prev is not None and prev.tag in HEADING_TAGS else ""
            if not (YEAR_ONLY.match(label) or classify_heading(label) == "pub"):
                return 0
        for p in weak:
            # a block whose own lines read as several citations, each opening with its author
            # list (a <p> of <br>-separated papers under a year heading), keeps that count: it
            # is a list of its own. Other blocks are one citation here (a citation whose venue
            # line shows a year too)
            if p.stat.units < 2 or not self._papers_by_lines(p):
                p.stat.units = 1
            if id(p) in linked:
                self.titled_items.add(p.element)
        return len(weak)

    def _papers_by_lines(self, part: _Part) -> bool:
        """Does a block that counts several citations hold them as lines (between <br>s) that
        all open one way, a way citations open (person names, after a number marker if any,
        or a bold or linked title): a paper per line?"""
        if part.element is None:
            return False
        units = [p for p in self.parts(part.element) if p.stat.units]
        if len(units) < 2 or any(p.element is not None for p in units):
            return False
        kinds = {_opening(p) for p in units}
        return len(kinds) == 1 and None not in kinds

    def _cited(self, part: _Part, longest: int = 600, whole: bool = False, led: bool = False) -> bool:
        """Does a short list item without a year still read as a citation: two kinds
        of citation evidence, one of them person names or a title-like run
        ("E. Noether, [Linked title]", "*A title*, with J. Doe")? Long items with
        punctuation are taken by their shape; this is for the short ones.
        ``whole``: person names and a title-like run, both. ``led``: a block that opens
        with person names and goes on in two more sentences (``Doe, J., Roe, A. A title.
        A journal.``: authors, title and venue as plain text, the shape of a citation
        with no year and no markup) counts too."""
        if not 20 <= part.stat.tlen <= longest or part.element is None:
            return False
        writer = SpanWriter(self.stats)
        _write_part(writer, part)
        for a in part.element.iter("a"):
            writer.link(a)
        segment = Segment(writer.spans(), tuple(writer.links))
        ev = segment_evidence(segment)
        if whole:  # names and a title both: a whole citation, not one of its lines
            return ev.names and ev.title and not ev.prose
        if led and ev.names and not ev.prose and part.stat.tlen >= 50 and _name_led(segment.text):
            return True
        return ev.score >= 2 and (ev.names or ev.title) and not ev.prose

    def _cited_lines(self, first: _Part, lines: list[_Part]) -> bool:
        """Do the blocks ``lines`` (one paper's lines, see :func:`_periodic_cards`) read together
        as a whole citation: person names and a title-like run, no prose?"""
        if not 20 <= sum(p.stat.tlen for p in lines) <= 2000:
            return False
        writer = SpanWriter(self.stats)
        for p in lines:
            writer.newline()
            _write_part(writer, p)
        ev = segment_evidence(Segment(writer.spans()))
        return ev.names and ev.title and not ev.prose

    def undated_sibling(self, part: _Part) -> bool:
        """Does an undated block among dated papers of its shape read as a paper not yet
        dated (in preparation, submitted without a year): it opens with person names as
        citations write them, shows two kinds of citation evidence, and is no sentence?"""
        if part.element is None or not starts_with_names(WS.sub(" ", part.element.text_content()).strip()):
            return False
        return self._cited(part)

    # ---- parts -------------------------------------------------------------------
    def parts(self, el: HtmlElement) -> list[_Part]:
        """``el``'s content cut at block children and <br>s, with statistics."""
        cached = self._parts.get(el)
        if cached is not None:
            return cached
        out: list[_Part] = []
        children = list(el)
        run_start = 0
        run_first: HtmlElement | None = None  # the child (run_start - 1) // 2
        run = _Stat()
        last_was_br = False

        def close(end: int) -> None:
            nonlocal run, run_start
            if run.tlen:
                run.units = 1 if _unit_like(run, strict=True) else 0
                out.append(_Part(el, run_start, end, run, first=run_first))
            run = _Stat()
            run_start = end

        stats = self.stats
        own = stats.get(el)
        tail: Callable[[HtmlElement], _TextStat | None]
        if own is not None and not own.skipped:  # measured by _compute
            tail = self._tails.get
            _add_text(run, self._texts.get(el))
        else:  # a skipped element (a hidden <body>): measure here
            tail = _measure_tail
            _add_text(run, _measure(el.text))
        for j, child in enumerate(children):
            slot = 2 * j + 1
            cst = stats.get(child)
            if cst is None or cst.skipped:
                _add_text(run, tail(child))
                continue
            tag = child.tag
            if tag == "br":
                blank = run.tlen == 0
                close(slot)
                if blank and last_was_br and out and not out[-1].separator:
                    out.append(_Part(el, slot, slot, _Stat(), separator=True, first=child))
                last_was_br = True
                run_start, run_first = slot + 1, child
                _add_text(run, tail(child))
                continue
            if tag in BLOCK_TAGS or cst.blockish:
                close(slot)
                heading = tag in HEADING_TAGS or tag == "caption" or (tag == "dt" and not self._titled_dl(_list_of(el)))
                out.append(_Part(el, slot, slot + 1, cst, element=child, heading=heading, separator=heading, first=child))
                run_start, run_first = slot + 1, child
                last_was_br = False
                _add_text(run, tail(child))
                continue
            last_was_br = False if cst.tlen else last_was_br
            _add(run, cst)
            _add_text(run, tail(child))
        close(2 * len(children) + 1)
        return out


# --------------------------------------------------------------------------- items

@dataclass
class PageItem:
    """One publication item found on a page, before citation parsing.

    ``parts`` are the slices of the tree it covers (used to find structured data
    such as hidden BibTeX inside it); ``section`` is ``"pub"``, ``"other"``,
    ``"mixed"`` or None after the headings above it (:func:`~.sections.section_of`)."""

    segment: Segment
    parts: list[tuple[HtmlElement, int, int]]
    section: str | None = None
    first: int = 0  # document order of its first element
    elements: list[HtmlElement] = field(default_factory=list)  # block elements it covers
    odd: bool = False  # shaped unlike the items beside it (a note or intro paragraph?)
    #: one of a run of title headings each followed by links to the paper's own documents
    #: (:func:`_linked_titles`), or a row of a column-labelled table (its header names the
    #: title column): the structure says it is a paper, whatever the heading above
    titled: bool = False

    def subtree(self) -> Iterator[HtmlElement]:
        """Every element inside the item (including skipped ones such as hidden BibTeX)."""
        for parent, a, b in self.parts:
            for slot in range(a, b):
                if slot % 2 == 1:
                    yield from parent[(slot - 1) // 2].iter()


def _list_of(el: HtmlElement) -> HtmlElement:
    """The ``<dl>`` of a ``<dt>``'s parent: the parent itself, or the list above a ``<div>``
    grouping one pair (HTML5; docutils writes definition lists so)."""
    parent = el.getparent()
    return parent if el.tag == "div" and parent is not None and parent.tag == "dl" else el


def _year_line(part: _Part) -> bool:
    """Is a block nothing but a year ("2021", "[2021]", a bold "2021" paragraph)?"""
    return part.element is not None and 0 < part.stat.tlen <= 8 and part.stat.years == 1 and \
        YEAR_ONLY.match(part.element.text_content()) is not None


#: a new-style arXiv id ("2003.04321"): its first digits look like a year and are not one
_ARXIV_NUMBER = re.compile(r"\b\d{4}\.\d{4,5}(?:v\d{1,3})?\b")


def _dated_beside(best: _Part, parts: list[_Part]) -> bool:
    """Whether the citation ``best`` shows no year of its own and a cell beside it is only a
    year (a year column in a table): that cell is its date, so the row is the item, not
    the citation's cell alone (a year block over a group of cards is a heading instead)."""
    if best.element is None or not any(p is not best and _year_line(p) for p in parts):
        return False
    return not _YEAR.search(_ARXIV_NUMBER.sub(" ", best.element.text_content() or ""))


def _year_headed(parts: list[_Part]) -> bool:
    """Blocks under year lines (``<h3>2021</h3>``, a bold "2021" paragraph, then the papers
    of that year as paragraphs or divs that print no year): two year lines or more, each
    followed by a block that is not one. The papers are then weighed by their evidence
    (:meth:`_Page._weak_units`), as in a list: the year is the line's."""
    years = 0
    for p, nxt in zip(parts, parts[1:]):
        if _year_line(p) and nxt.stat.tlen > 8 and not _year_line(nxt):
            years += 1
    return years >= 2


def _repeated_blocks(parts: list[_Part]) -> list[_Part]:
    """The block children of the tag that repeats most among ``parts`` (paragraphs of a
    run of paragraphs, list items, divs), headings and separators aside; none when no
    block tag repeats."""
    counts: dict[str, int] = {}
    for p in parts:
        if p.element is not None and not p.heading and p.stat.tlen:
            counts[p.element.tag] = counts.get(p.element.tag, 0) + 1
    if not counts:
        return []
    tag = max(counts, key=lambda t: counts[t])
    if counts[tag] < 2:
        return []
    return [p for p in parts if p.element is not None and p.element.tag == tag and not p.heading]


def _titled_runs(parts: list[_Part]) -> list[list[_Part]] | None:
    """Papers whose titles are headings (``<h3>Title</h3><p>Authors</p><p>Venue,
    2020</p>`` repeated): each heading with the one citation after it is an item
    (an abstract after it, written as sentences, is no second citation).
    Section headings are short ("2021", "Journal articles"); titles are not. A
    heading with nothing under it before the next one is a section heading above
    the titles, not a title."""
    heads = [i for i, p in enumerate(parts) if p.heading]
    heads = [h for h, nxt in zip(heads, heads[1:] + [len(parts)]) if any(p.stat.tlen for p in parts[h + 1:nxt])]
    if len(heads) < 2:
        return None
    texts = [WS.sub(" ", el.text_content()).strip() for el in (parts[i].element for i in heads) if el is not None]
    words = [len(text.split()) for text in texts]
    if not words or sum(words) < 4 * len(words):
        return None
    if any(text.endswith((":", "\uff1a")) for text in texts):
        return None  # a heading ending in a colon announces what follows (:func:`_lead_in`): no title
    groups = []
    undated = 0  # runs with no citation under their heading: a few among many titled papers
    for h, nxt in zip(heads, heads[1:] + [len(parts)]):
        run = parts[h:nxt]
        if any(p.stat.units >= 2 and not _one_byline(p) for p in run):
            return None
        dated = [p for p in run if p.stat.units >= 1]
        short = any(p.stat.years and not p.stat.units for p in run)  # "Journal, 2019": too short to count
        if len(dated) > 1 or dated and short:
            # an abstract under the title may mention years: it is no second citation
            dated = [p for p in dated if not _prose_part(p)]
        # one citation, or a short dated line and nothing else dated but prose
        if len(dated) > 1:
            return None
        if not dated and not short:
            undated += 1  # a title heading over a note ("Not published yet"): no paper, left out
            continue
        groups.append(run)
    if any(p.stat.units for p in parts[: heads[0]]) or not groups or 3 * undated > len(groups):
        return None
    return groups


def _one_byline(part: _Part) -> bool:
    """Is a block that looks dated twice one paper's details under its title heading: short,
    no list inside, and only its first line names people ("Doe, Ann; Roe, Bo (2014)" / "In:
    Proceedings …, 2014, Lund" / "DOI: …"), where two papers would each name their authors?"""
    el = part.element
    if el is None or part.stat.tlen > 600 or next(el.iter(*_LIST_TAGS), None) is not None:
        return False
    writer = SpanWriter()
    _write_part(writer, part)
    lines = ["".join(s.text for s in line).strip() for line in writer.lines]
    lines = [line for line in lines if line]
    if not lines:
        return False
    # (a line after one ending in a comma goes on with it: "…, (BS 2021)," / "Bruges, Belgium, …")
    return (has_names(lines[0][:200]) or is_name_line(lines[0])) and not any(
        has_names(line[:200]) for before, line in zip(lines, lines[1:]) if not before.endswith(","))


def _titled_level(parts: list[_Part]) -> tuple[list[list[_Part]], list[HtmlElement]] | None:
    """Papers whose titles are headings of one level among headings of other levels (``<h2>
    Publications</h2>``, ``<h3>Title</h3><p>Authors, Venue 2020</p>`` repeated, then ``<h2>
    Talks</h2>`` and its list): the runs under the headings of one tag, each up to the next
    heading of any level, read as :func:`_titled_runs` reads a container of titles alone. The
    first tag (most frequent first) whose runs so read gives the items; the other parts of
    the container stay what they are (:func:`_rest_of`)."""
    heads = [p for p in parts if p.heading and p.element is not None]
    counts: dict[str, int] = {}
    for p in heads:
        counts[p.element.tag] = counts.get(p.element.tag, 0) + 1  # type: ignore[union-attr]
    if len(counts) < 2:
        return None  # one heading tag: _titled_runs has read the container as it is
    runs = _heading_runs(parts, every=True)
    for tag in sorted(counts, key=lambda t: -counts[t]):
        if counts[tag] < 2:
            break
        own = [(i, j) for i, j in runs if parts[i].element.tag == tag and j > i + 1]  # type: ignore[union-attr]
        if len(own) < 2:
            continue
        groups = _titled_runs([p for i, j in own for p in parts[i:j]])
        if groups:
            covered = {k for i, j in own for k in range(i, j)}
            return _rest_of(parts, groups, covered)
    return None


#: link targets of a paper's own documents (a PDF, its BibTeX, a DOI, an arXiv page)
_PAPER_LINK = re.compile(
    r"\.(?:pdf|bib|ps)(?:[?#]|$)|doi\.org/10\.|arxiv\.org/(?:abs|pdf)/|openreview\.net/forum|hal\.science/|/doi/(?:abs/|full/|pdf/)?10\.",
    re.I,
)


def _linked_title_item(part: _Part) -> bool:
    """Is an undated list item a paper by its structure: a title (a heading or bold run of
    three words or more, no section name, no year) and a link to the paper's own documents
    (a PDF, its BibTeX, a DOI, an arXiv page), as a list of papers shows them when it prints
    no year and no venue (``<li><h4><a href="x.pdf">Title</a></h4><p>Author</p></li>``)?"""
    el = part.element
    if el is None or part.stat.years or not 15 <= part.stat.tlen <= 600:
        return False
    head = next(el.iter(*HEADING_TAGS, "b", "strong"), None)
    if head is None:
        return False
    text = WS.sub(" ", head.text_content()).strip()
    if len(text.split()) < 3 or classify_heading(text) is not None or YEAR_ONLY.match(text):
        return False
    return _paper_links(part)


def _paper_links(part: _Part) -> bool:
    """Does a part link to a paper's own documents (PDF, BibTeX, DOI, arXiv)?"""
    for slot in range(part.a, part.b):
        if slot % 2 == 1:
            child = _child_at(part, slot)
            for a in child.iter("a"):
                if _PAPER_LINK.search(a.get("href") or ""):
                    return True
    return False


def _rest_of(parts: list[_Part], groups: list[list[_Part]], covered: set[int]) -> tuple[list[list[_Part]], list[HtmlElement]]:
    """``groups`` plus the citation-like parts outside them as items of their own,
    in order, and the child containers outside them still to visit."""
    rest = [i for i in range(len(parts)) if i not in covered]
    groups = groups + [[parts[i]] for i in rest if parts[i].stat.units == 1]
    order = {id(p): n for n, p in enumerate(parts)}
    groups.sort(key=lambda g: order[id(g[0])])
    subs = [parts[i].element for i in rest if parts[i].element is not None and parts[i].stat.units >= 2]
    return groups, [e for e in subs if e is not None]


def _heading_runs(parts: list[_Part], every: bool = False) -> list[tuple[int, int]] | None:
    """(start, end) of the runs under the most frequent heading tag (at least two):
    each from its heading up to the next heading of any level. ``every``: the runs
    under every heading, whatever its tag."""
    heads = [i for i, p in enumerate(parts) if p.heading and p.element is not None]
    if every:
        return [(i, nxt) for i, nxt in zip(heads, heads[1:] + [len(parts)])]
    if len(heads) < 2:
        return None
    tags: dict[str, int] = {}
    for i in heads:
        tag = parts[i].element.tag  # type: ignore[union-attr]
        tags[tag] = tags.get(tag, 0) + 1
    tag = max(tags, key=lambda t: tags[t])
    titles = [i for i in heads if parts[i].element.tag == tag]  # type: ignore[union-attr]
    if len(titles) < 2:
        return None
    head_set = set(heads)
    return [(i, next((k for k in range(i + 1, len(parts)) if k in head_set), len(parts))) for i in titles]


def _linked_titles(parts: list[_Part]) -> tuple[list[list[_Part]], list[HtmlElement]] | None:
    """Papers whose titles are headings, each followed by its details and links to
    the paper's own documents but no dated citation (``## Bounds Checking on GPU``
    / "Presented at HLPP '20 (pdf, bib)" / an abstract): each such heading and the
    blocks up to the next heading are one item. At least two thirds of the runs
    under the most frequent heading tag must read so (a title of three words or
    more, not a section name, and a PDF/BibTeX/DOI/arXiv link after it), and none
    may hold a list of papers or two dated blocks that are not prose (then the
    headings are topics over citations)."""
    runs = _heading_runs(parts)
    if runs is None:
        return None
    good = []
    for i, j in runs:
        dated = [p for p in parts[i:j] if p.stat.units]
        if any(p.stat.units >= 2 for p in dated) or len([p for p in dated if not _prose_part(p)]) >= 2:
            return None  # a list of papers under a topic heading
        text = _part_text(parts[i])
        if len(text.split()) >= 3 and classify_heading(text) is None and not YEAR_ONLY.match(text) and any(
            _paper_links(p) for p in parts[i + 1:j]
        ):
            good.append((i, j))
    if len(good) < 2 or 3 * len(good) < 2 * len(runs):
        return None
    covered: set[int] = set()
    for i, j in good:
        covered.update(range(i, j))
    return _rest_of(parts, [parts[i:j] for i, j in good], covered)


def _cited_headings(parts: list[_Part]) -> tuple[list[list[_Part]], list[HtmlElement]] | None:
    """Papers cited in headings, each followed by notes about it (``<h5>Title, with
    A. Coauthor (SSRN)</h5><ul><li>Revise and Resubmit, J. Fin.</li><li>Presented
    at X (2023)</li></ul>`` repeated): each such heading and the blocks up to the
    next heading are one item, so its dated notes are not taken for papers.

    The headings are the most frequent heading tag, at least two, every one
    several words and not a section name, and most showing person names or a
    year (a citation, not a topic over a list of papers).
    Returns the items (with the other citation-like parts of the container as
    items of their own) and the child containers still to visit, or None."""
    runs = _heading_runs(parts)
    if runs is None:
        return None
    if not _cited_runs(parts, runs):
        runs = _deeper_cited_runs(parts, parts[runs[0][0]].element.tag)  # type: ignore[union-attr]
        if runs is None:
            return None
    covered: set[int] = set()
    for i, j in runs:
        covered.update(range(i, j))
    return _rest_of(parts, [parts[i:j] for i, j in runs], covered)


def _cited_runs(parts: list[_Part], runs: list[tuple[int, int]]) -> bool:
    """Do the headings opening ``runs`` read as citations: every one several words and not a
    section name, and at least two thirds showing person names or a year (not topics over
    lists of papers)?"""
    cited = 0
    for i, _ in runs:
        text = _part_text(parts[i])
        if len(text.split()) < 4 or classify_heading(text) is not None:
            return False
        cited += has_names(text) or parts[i].stat.years > 0
    return 3 * cited >= 2 * len(runs)


def _deeper_cited_runs(parts: list[_Part], common: str) -> list[tuple[int, int]] | None:
    """Papers cited in headings of a level other than the container's most frequent one
    (a CV in Org or Markdown: ``** Education``, ``** Publications`` with one ``*** citation``
    headline per paper under it, ``** Talks``): the runs under the first other heading tag
    (most frequent first) whose headings are each a dated citation (:func:`_cited_runs`, a
    year in every one) over no list of papers. The section headings of the most frequent
    level keep heading the items."""
    counts: dict[str, int] = {}
    for p in parts:
        if p.heading and p.element is not None and p.element.tag != common:
            counts[p.element.tag] = counts.get(p.element.tag, 0) + 1
    every = _heading_runs(parts, every=True) or []
    for tag in sorted(counts, key=lambda t: -counts[t]):
        if counts[tag] < 2:
            break
        own = [(i, j) for i, j in every if parts[i].element.tag == tag]  # type: ignore[union-attr]
        if all(parts[i].stat.units == 1 for i, _ in own) and not any(
                p.stat.units >= 2 for i, j in own for p in parts[i + 1:j]) and _cited_runs(parts, own):
            return own
    return None


def _quiet_summaries(parts: list[_Part]) -> None:
    """An excerpt/abstract box beside the citation in a card (``div.article-style``,
    ``.summary``, ``.tldr``) holds no citation of its own: its dates and
    identifiers must not make the card look like two papers."""
    summaries = [p for p in parts if p.stat.units and p.element is not None and p.element.get("class") and is_summary(p.element)]
    if summaries and any(p.stat.units and not any(p is s for s in summaries) for p in parts):
        for p in summaries:
            p.stat.units = 0


def _title_heading(part: _Part) -> bool:
    """Does a heading read like a paper title (several words, not a section name
    or a year) rather than a section label above its items?"""
    el = part.element
    if el is None:
        return False
    text = WS.sub(" ", el.text_content()).strip()
    return len(text.split()) >= 4 and not YEAR_ONLY.match(text) and classify_heading(text) is None \
        and not text.endswith((":", "\uff1a"))


def _halves(parts: list[_Part]) -> bool:
    """A card whose citation is split over two blocks that each look dated: a title
    block (a title, maybe an abstract mentioning "Crypto 2021", an "(arXiv)" label)
    and a byline (authors, venue and year). They are one citation when exactly one
    of them shows person names at its start and that one is short (a byline, not
    a paper of its own); two papers side by side both name their authors, or neither does.
    A heading between the two blocks puts them in two sections (one paper under
    "Journal papers", one under "Theses"): never one card."""
    units = [p for p in parts if p.stat.units]
    if len(units) != 2 or any(p.element is None or p.heading for p in units):
        return False
    first, second = parts.index(units[0]), parts.index(units[1])
    if any(p.heading for p in parts[first + 1:second]):
        return False
    named = [_byline(p) for p in units]
    if named[0] == named[1]:
        return False
    byline, block = (units[0], units[1]) if named[0] else (units[1], units[0])
    if byline.stat.units != 1 or byline.stat.tlen > 400:
        return False
    # the title block may itself look like two (a summary with an "(arXiv)" label and
    # an abstract with a date), never like a list of papers
    return block.stat.units == 1 or next(block.element.iter(*_LIST_TAGS), None) is None  # type: ignore[union-attr]


def _named_once(parts: list[_Part]) -> bool:
    """Are these few lines or blocks the parts of ONE paper whose dated lines are its
    venue and notes (``Title`` / ``Jane Doe, Li Wei`` / ``Journal of X, 2021`` /
    ``Presented at Y, 2020``), not several papers? A paper names its authors once:
    one undated part near the top is a byline (a line of person names, maybe with
    its year), and no dated part shows names of its own (two papers would each
    carry their author list).
    Only for at most six short parts, the shape of one item's lines."""
    shown = [p for p in parts if p.stat.tlen >= 3 and not p.separator]
    if not 3 <= len(shown) <= 6 or any(p.heading or p.stat.tlen > 600 or p.stat.units >= 2 for p in shown):
        return False
    texts = [_part_text(p) for p in shown]
    named = [i for i, p in enumerate(shown) if not p.stat.units and (is_name_line(texts[i]) or p.stat.tlen <= 200 and _byline(p))]
    if len(named) != 1 or named[0] > 1:
        return False
    dated = [i for i, p in enumerate(shown) if p.stat.units]
    return dated[0] > named[0] and not any(has_names(texts[i]) for i in dated)


def _template(el: HtmlElement) -> tuple[str, str]:
    """What the cards of one template share: the tag and the first class name."""
    names = classes(el)
    return el.tag, names[0] if names else ""


def _titled_card(parts: list[_Part]) -> bool:
    """Is a block (one of a template's repeated cards, :meth:`_Page.repeated`) one paper's card
    led by its title as a heading (``<h3>Title</h3>``, then a dated byline, a line of
    identifiers, an abstract), not a topic heading over several papers?
    The first block is a heading of three words or more that names no section; the rest, at
    most eight blocks, hold no list of papers (a byline of two short dated lines is none), and at most one of their dated blocks that are
    no prose reads as a paper of its own (:func:`_own_paper`; papers under a topic each do)."""
    shown = [p for p in parts if p.stat.tlen >= 3 and not p.separator or p.heading]
    if not 2 <= len(shown) <= 9 or not shown[0].heading or shown[0].element is None:
        return False
    if any(p.heading for p in shown[1:]) or sum(p.stat.tlen for p in shown) > 4000:
        return False
    for p in shown:  # a byline of two dated lines (date and co-authors; venue) is no list of papers
        if p.stat.units >= 2 and (p.element is None or p.stat.tlen > 400 or next(p.element.iter(*_LIST_TAGS), None) is not None):
            return False
    title = WS.sub(" ", shown[0].element.text_content()).strip()
    if len(title.split()) < 3 or classify_heading(title) is not None or YEAR_ONLY.match(title):
        return False
    papers = 0
    for p in shown[1:]:
        if p.stat.units and not _prose_part(p):
            papers += _own_paper(p)
    return papers <= 1


def _own_paper(part: _Part) -> bool:
    """Does a dated block read as a paper of its own: it opens with person names, or shows
    names and a title-like run (a byline, a line of identifiers or an abstract does not)?"""
    text = _part_text(part)
    if starts_with_names(text):
        return True
    writer = SpanWriter()
    _write_part(writer, part)
    ev = segment_evidence(Segment(writer.spans()))
    return ev.names and ev.title


def _byline_only(part: _Part) -> bool:
    """Is an undated block nothing but person names ("E. Okafor, L. Brandt and K. Sato"): one
    paper's author line in a nested list of its lines, never a citation of its own?"""
    return not part.stat.years and part.stat.tlen <= 400 and is_name_line(_part_text(part))


def _byline(part: _Part) -> bool:
    """Does a block start with person names (a list of them, or a first line of names only)?"""
    writer = SpanWriter()
    _write_part(writer, part)
    first = next(("".join(s.text for s in line) for line in writer.lines if line), "")
    return has_names(first[:200]) or is_name_line(first)


def _annotated(parts: list[_Part]) -> bool:
    """A list item whose citation (its own text) is followed by one nested
    block with a date (``<ul><li>Also presented at X, 2021</li></ul>``, an abstract):
    one paper with a note, not two papers."""
    substantial = [p for p in parts if p.stat.tlen >= 15]
    if len(substantial) < 2 or substantial[0].element is not None or substantial[0].stat.units != 1:
        return False
    rest = [p for p in substantial[1:] if p.stat.units]
    return len(rest) == 1 and rest[0].element is not None and rest[0].element.tag in ("ul", "ol", "dl", "div", "p", "blockquote")


def _signature(part: _Part) -> tuple[str, ...]:
    if part.element is None:
        return ("#inline",)
    return (part.element.tag, *sorted(classes(part.element)))


#: siblings of these shapes without a date are not taken for papers by their
#: shape alone (bare paragraphs around a list are intros, contact lines, notes)
_UNPROMOTED = frozenset({("#inline",), ("p",), ("div",), ("span",), ("font",)})


def _lines_signature(el: HtmlElement) -> tuple[str, ...] | None:
    """The markup of a class-less card written as lines (``<p><b>Title</b><br>Names<br><i>Venue</i></p>``):
    its tag and the tags of its children in order, when it holds two line breaks or block children
    (a card's lines), else None (a paragraph of running text has no signature beyond its tag)."""
    tags = tuple(child.tag for child in el if isinstance(child.tag, str))
    breaks = sum(1 for t in tags if t == "br" or t in BLOCK_TAGS)
    return (el.tag, "#lines", *tags) if breaks >= 2 and len(tags) <= 12 else None


def _undated_cards(page: _Page, parts: list[_Part]) -> list[_Part]:
    """Sibling blocks of one template that show no year, read as citations by their evidence:
    papers shown as cards without a date (submitted work, a page that dates nothing).
    A template is the same tag and class (at least two blocks), or for blocks without a class
    the same lines markup (:func:`_lines_signature`: title, byline and venue lines each
    paper writes alike). At least two of a template's blocks and two thirds of them must read
    as citations (names or a title-like run, and another kind of evidence; for class-less
    blocks, names and a title both): a template most of whose blocks do not is no list of
    papers, and one block whose names the evidence misses does not unmake the list. Blocks of
    the template that show a year (or a status word: "Manuscript") count as citations; the
    undated ones are returned."""
    members: dict[tuple[str, ...], list[_Part]] = {}
    for p in parts:
        if p.element is not None and not p.heading and not p.separator:
            sig = _signature(p)
            if len(sig) == 1:  # no class names the template: the lines of a card may
                sig = _lines_signature(p.element) or sig
            if len(sig) > 1:
                members.setdefault(sig, []).append(p)
    found: list[_Part] = []
    for sig, run in members.items():
        if len(run) < 2 or not all(p.stat.units <= 1 and p.stat.tlen >= 40 for p in run):
            continue
        undated = [p for p in run if not p.stat.units]
        if not undated:
            continue
        whole = sig[1] == "#lines"
        cited = len(run) - len(undated) + sum(1 for p in undated if page._cited(p, longest=2000, whole=whole))
        if cited >= 2 and 3 * cited >= 2 * len(run):
            found.extend(undated)
    return found


def _block_signature(part: _Part) -> tuple[str, ...]:
    """A block's markup: its tag, classes and the tags of its children in order (a title
    ``<p><b>…</b></p>``, a byline ``<p>…</p>`` and a venue ``<p><i>…</i></p>`` differ)."""
    el = part.element
    if el is None:
        return ("#inline",)
    return (el.tag, *classes(el), "/", *(c.tag for c in el if isinstance(c.tag, str)))


def _periodic_cards(page: _Page, parts: list[_Part], dated: list[_Part] | None = None) -> list[list[_Part]] | None:
    """Papers written as a flat run of sibling blocks, one block per line of each paper and no
    wrapper around a paper (``<p><b>Title</b></p><p>Names</p><p><i>Venue</i></p><p>links</p>``
    repeated), none dated enough to count alone: the run's markup repeats with a period of two to
    six blocks, and each period is one paper when, read together, most periods show person names
    and a title (:meth:`_Page._cited`, ``whole``). The period starts where the repeated markup
    starts; blocks before and after the repetition stay out. ``dated``: the blocks of the
    container that count as citations by themselves (a long venue line with its year); the
    periods are taken only when every one of them is a later line of a period (the venue line
    of a title-first card, never its first line), so a list of whole citations stays as it is."""
    shown = [p for p in parts if p.element is not None and (p.stat.tlen or p.element.tag not in ("br",))]
    if len(shown) < 4 or any(p.heading and p.stat.tlen > 200 for p in shown):
        return None
    sigs = [_block_signature(p) for p in shown]
    best: tuple[int, int, int] | None = None  # (blocks covered, start, period)
    for k in range(2, 7):
        i = 0
        while i + 2 * k <= len(shown):
            period = sigs[i:i + k]
            if len(set(period)) < 2 or any(shown[j].heading or shown[j].stat.units >= 2 for j in range(i, i + k)):
                i += 1
                continue
            end = i + k
            while end + k <= len(shown) and sigs[end:end + k] == period:
                end += k
            if end - i >= 2 * k and (best is None or end - i > best[0]):
                best = (end - i, i, k)
            i += 1
    if best is not None:
        covered, start, k = best
        groups = [shown[j:j + k] for j in range(start, start + covered, k)]
        if _cards_hold(page, groups, _in_section(shown, dated, start, start + covered)):
            return groups
    return _anchored_cards(page, shown, [_deep_signature(p) for p in shown], dated) or _role_cards(shown, dated)


#: "with Jane Doe and Li Wei": the co-authors of the page's owner, a byline of their own
_WITH = re.compile(r"(?i:with)\s+(?=\S)")


def _names_only(text: str) -> bool:
    """Is a line nothing but person names, as a paper's byline standing on its own line or in its
    own block writes them ("Jane Doe, Li Wei and Omar Haddad", "Roe, A., & Doe, J.", "with Jane
    Doe and Li Wei")? The name splitter reads names up to its end, no digit is in it, and at least
    half of the names are people by the lexicon (a known given or family name, or initials):
    "Color Constancy, Intrinsic Images, and Shape Estimation" is a title."""
    text = text.strip()
    m = _WITH.match(text)
    if m:
        text = text[m.end():]
    text = text.rstrip(" .;,")
    if not text or len(text) > 400 or any(c.isdigit() for c in text) or not starts_with_names(text) \
            and not is_name_line(text):
        return False
    found = scan_authors(text)
    if not found.names or found.end < len(text) - 1:
        return False
    given, family = lexicon.words("given_names"), lexicon.words("family_names")
    people = 0
    for name in found.names:
        first = name.given.split()[0] if name.given else ""
        people += bool(first) and (first.rstrip(".").isupper() and len(first.rstrip(".")) <= 3
                                   or first.lower() in given) or name.family.lower() in family
    return 2 * people >= len(found.names)


def _line_role(part: _Part) -> str:
    """What one line of a paper written one block per line is, from its text alone: "dated" (a
    year, a status word, a DOI: the venue line), "names" (:func:`_names_only`), "title" (three to
    forty words, no sentence) or "extra" (a links line, a short note)."""
    if part.heading:
        return "heading"
    if part.stat.years or part.stat.signals:
        return "dated"
    text = _part_text(part)
    if _names_only(text):
        return "names"
    if 3 <= len(text.split()) <= 40 and part.stat.tlen <= 400 and not is_prose(text) and not _link_only(part):
        return "title"
    return "extra"


#: the line orders of a paper written one block per line
_ORDERS = (("names", "title", "dated"), ("title", "names", "dated"))


def _role_cards(shown: list[_Part], dated: list[_Part] | None) -> list[list[_Part]] | None:
    """Papers written as a flat run of sibling blocks of one markup, one block per line (a
    Markdown paragraph per line: ``Names`` / ``Title`` / ``Journal, 2020`` repeated, or the title
    first), which no markup tells apart (:func:`_periodic_cards`). The lines' roles
    (:func:`_line_role`) are decided once for the run, and so is their order: the one of
    :data:`_ORDERS` whose three lines follow each other most often, at least twice and in at least
    half of the dated lines. A paper starts where a line's role comes no later in that order than
    the last one's (a paper without a names line is a paper still); links and notes after a
    paper's lines are its own. Taken when at least two thirds of the papers show all three
    lines, no paper holds two lines of one role, and every dated block of the run's section
    (``dated``) is a later line of a paper (a list of whole citations stays as it is)."""
    if len(shown) < 5:
        return None
    roles = [_line_role(p) for p in shown]
    counts = {order: sum(1 for i in range(len(roles) - 2) if tuple(roles[i:i + 3]) == order) for order in _ORDERS}
    order = max(_ORDERS, key=lambda o: counts[o])
    if counts[order] < 2 or 2 * counts[order] < roles.count("dated"):
        return None
    first = next(i for i in range(len(roles) - 2) if tuple(roles[i:i + 3]) == order)
    last = max(i for i in range(len(roles) - 2) if tuple(roles[i:i + 3]) == order) + 3
    # a paper just before the first whole one or after the last may lack a line (a corporate
    # author, a sole author's paper): its lines in order, ending in its dated line
    if first and roles[first - 1] == "dated":
        first -= 1
        while first and roles[first - 1] in order and order.index(roles[first - 1]) < order.index(roles[first]):
            first -= 1
    while last < len(roles) and roles[last] == "extra":
        last += 1  # the last paper's links and notes
    end = last
    while end < len(roles) and roles[end] in order and (end == last or order.index(roles[end]) > order.index(roles[end - 1])):
        end += 1
        if roles[end - 1] == "dated":
            last = end
            break
    while last < len(roles) and roles[last] == "extra":
        last += 1
    if any(role == "title" and _marked_line(p) for p, role in zip(shown[first:last], roles[first:last])):
        return None  # a title set apart by its markup: the markup's readings decide (a year in a title breaks no rule)
    groups: list[list[_Part]] = []
    current: list[_Part] = []
    at = -1  # the place in ``order`` of the current paper's last line
    for p, role in zip(shown[first:last], roles[first:last]):
        if role == "heading":
            current, at = [], -1
            continue
        if role == "extra":
            if current:
                current.append(p)
            continue
        place = order.index(role)
        if not current or place <= at:
            current = []
            groups.append(current)
        current.append(p)
        at = place
    full = 0
    for g in groups:
        found = [r for p, r in zip(shown[first:last], roles[first:last]) if any(p is q for q in g) and r in order]
        if len(found) != len(set(found)) or any(p.stat.units >= 2 for p in g):
            return None
        full += len(found) == 3
    if len(groups) < 2 or 3 * full < 2 * len(groups):
        return None
    section = _in_section(shown, dated, first, last)
    if section:
        later = {id(p) for g in groups for p in g[1:]}
        if not all(id(p) in later for p in section):
            return None
    return groups


def _title_line(part: _Part) -> bool:
    """Does a block read as a title standing alone: three to forty words, no sentence, no
    person names, no year?"""
    text = _part_text(part)
    return 3 <= len(text.split()) <= 40 and not part.stat.years and not is_prose(text) and not has_names(text)


def _deep_signature(part: _Part) -> tuple[str, ...]:
    """:func:`_block_signature` with the tags inside each child (a title row
    ``<tr><td><b>…</b></td></tr>`` and its details row ``<tr><td>…</td></tr>`` differ)."""
    el = part.element
    if el is None:
        return ("#inline",)
    out = [el.tag, *classes(el), "/"]
    for c in el:
        if isinstance(c.tag, str):
            out += [c.tag, "(", *(g.tag for g in c if isinstance(g.tag, str)), ")"]
    return tuple(out)


def _cards_hold(page: _Page, groups: list[list[_Part]], dated: list[_Part] | None, titled: bool = False) -> bool:
    """Are ``groups`` (runs of sibling blocks) one paper each: at most one dated block in each,
    most read together as names and a title, and every dated block of the container
    (``dated``) a later line of a group, never a first line or outside them? ``titled``: the
    first block of each group stands alone as its title (:func:`_title_line`), so plain text
    there counts as the title a citation shows, over names or over one short dated details line
    (:func:`_dated_details`: a sole author's paper shows no names)."""
    if any(sum(p.stat.years > 0 for p in g) > 1 for g in groups):
        return False  # two dated blocks in one period: two papers, not one paper's lines
    cited = 0
    for g in groups:
        joined = _Part(g[0].parent, g[0].a, g[-1].b, _Stat(tlen=sum(p.stat.tlen for p in g)), element=g[0].element)
        cited += page._cited_lines(joined, g) or titled and _title_line(g[0]) and (has_names(
            " ".join(_part_text(p) for p in g[1:])) or _dated_details(g[1:]))
    if cited < 2 or 3 * cited < 2 * len(groups):
        return False
    if dated:
        later = {id(p) for g in groups for p in g[1:]}
        if not all(id(p) in later for p in dated):
            return False
    return True


def _in_section(shown: list[_Part], dated: list[_Part] | None, start: int, end: int) -> list[_Part] | None:
    """The blocks of ``dated`` in the section of ``shown[start:end]``: between the heading
    block before ``start`` and the one at or after ``end`` (a page's talks under their own
    heading in the same container are no lines of its cards); a block not in ``shown`` stays."""
    if not dated:
        return dated
    lo = max((j for j in range(start) if shown[j].heading), default=-1)
    hi = min((j for j in range(end, len(shown)) if shown[j].heading), default=len(shown))
    where = {id(p): j for j, p in enumerate(shown)}
    return [p for p in dated if not (id(p) in where and not lo < where[id(p)] < hi)]


def _dated_details(parts: list[_Part]) -> bool:
    """Are the later lines of a title-first card its details with no names: one dated line,
    short and no sentence ("*Journal of X*, 2019.", "Venue 2021 · PDF · code"), as a page
    owner's sole-authored papers show them?"""
    dated = [p for p in parts if p.stat.years]
    return len(dated) == 1 and dated[0].stat.tlen <= 300 and not is_prose(_part_text(dated[0]))


def _anchored_cards(page: _Page, shown: list[_Part], sigs: list[tuple[str, ...]],
                    dated: list[_Part] | None) -> list[list[_Part]] | None:
    """Title-first cards whose later lines vary from card to card (a venue line in italics on
    one, a bare year on the next, a links line on some), so the markup has no strict period
    (:func:`_periodic_cards`): each card starts at a block of the one markup the titles share
    (``<p><b>…</b></p>``, :func:`_deep_signature`; a dated block of that markup is a details line),
    all but a third at most a title alone naming no section (:func:`_title_line`), of one section
    (no heading between them), at least two of them, never two in a row, one to
    five blocks apart; a card runs to the next such block (the last card: over blocks of the markups
    the earlier cards' later lines have, or its one dated line, no longer than the longest card).
    Taken when the cards hold as papers (:func:`_cards_hold`): a details line (names, venue,
    year) is that card's, never an item of its own. The markup covering most blocks wins."""
    where: dict[tuple[str, ...], list[int]] = {}
    for j, sig in enumerate(sigs):
        where.setdefault(sig, []).append(j)
    best: tuple[int, list[list[_Part]]] | None = None
    runs: list[list[int]] = []
    for every in where.values():  # a card never spans a heading: the anchors of one section at a time
        run: list[int] = []
        for j in (j for j in every if not shown[j].stat.years):  # a dated block of the markup: a details line
            if run and any(shown[k].heading for k in range(run[-1] + 1, j)):
                runs.append(run)
                run = []
            run.append(j)
        runs.append(run)
    for pos in runs:
        if len(pos) < 2 or any(shown[j].heading or shown[j].stat.units for j in pos):
            continue
        # most must read as titles alone, none a label over a group ("Journal articles"); one in three
        # may look like names ("Large Eccentricity, Low …") or hold a section word ("… weakly-supervised …")
        if 3 * sum(not _title_line(shown[j]) or classify_heading(_part_text(shown[j]), 6) is not None
                   for j in pos) > len(pos):
            continue
        gaps = [b - a for a, b in zip(pos, pos[1:])]
        if min(gaps) < 2 or max(gaps) > 6:
            continue
        later = {sigs[j] for a, b in zip(pos, pos[1:]) for j in range(a + 1, b)}
        end, dated_seen = pos[-1] + 1, False
        while end < len(shown) and end - pos[-1] < max(gaps) and not shown[end].heading and shown[end].stat.units < 2:
            dates = shown[end].stat.years > 0
            if sigs[end] not in later and not (dates and not dated_seen):
                break
            dated_seen = dated_seen or dates
            end += 1
        if end - pos[-1] < 2 or (best is not None and end - pos[0] <= best[0]):
            continue
        bounds = pos + [end]
        groups = [shown[a:b] for a, b in zip(bounds, bounds[1:])]
        if _cards_hold(page, groups, _in_section(shown, dated, pos[0], end), titled=True):
            best = (end - pos[0], groups)
    return best[1] if best is not None else None


def _group_container(page: _Page, el: HtmlElement) -> tuple[list[list[_Part]], list[HtmlElement]]:
    """Items (lists of parts) directly in container ``el``, and child containers to visit."""
    parts = page.parts(el)
    for card in _undated_cards(page, parts):
        card.stat.units = 1
    sub_containers = [p.element for p in parts if p.element is not None and p.stat.units >= 2]
    unit_parts = [p for p in parts if p.stat.units == 1]
    if unit_parts:
        runs = _titled_runs(parts)
        if runs:  # (a byline block dated twice inside a run is that paper's, not a list to visit)
            inside = {id(p) for g in runs for p in g}
            return runs, [p.element for p in parts if p.element is not None and p.stat.units >= 2 and id(p) not in inside]
        titled = page.dl_pairs(el) if el.tag == "dl" else None
        if titled:
            return titled, sub_containers
        leveled = _titled_level(parts)
        if leveled is not None:
            return leveled
    linked = _linked_titles(parts)
    if linked is not None:
        page.titled.update(id(g[0]) for g in linked[0] if len(g) > 1 or g[0].heading)
        return linked
    if not unit_parts:
        return _periodic_cards(page, parts) or [], sub_containers
    noted = _cited_headings(parts)
    if noted is not None:
        return noted
    periodic = _periodic_cards(page, parts, dated=unit_parts)
    if periodic is not None:
        return _rest_of(parts, periodic, {k for k, p in enumerate(parts) if any(p is q for g in periodic for q in g)})
    sigs: dict[tuple[str, ...], int] = {}
    for p in unit_parts:
        sigs[_signature(p)] = sigs.get(_signature(p), 0) + 1
    dominant = max(sigs, key=lambda s: sigs[s])
    fillers = [
        p for p in parts
        if p.stat.units == 0 and not p.separator and p.stat.tlen >= 15 and _signature(p) != dominant
        and not _link_only(p)
    ]
    groups: list[list[_Part]] = []
    lines = _multiline_papers(parts) if dominant == ("#inline",) else None
    if lines:
        groups = lines
    elif len(fillers) >= max(1, len(unit_parts) - 1):
        groups = _group_flat(parts, unit_parts)
    else:
        current: list[_Part] | None = None
        for p in parts:
            if p.stat.units >= 2 or p.separator:
                current = None
                continue
            if p.stat.units == 1 or (
                p.element is not None and _signature(p) == dominant and p.stat.tlen >= 30 and dominant not in _UNPROMOTED
            ) or (
                # an undated paragraph shaped like the dated papers beside it ("Doe, J., R. Roe.
                # *A title in preparation.*"): its names lead and a title or venue follows
                p.element is not None and _signature(p) == dominant and dominant in _UNPROMOTED and sigs[dominant] >= 2
                and p.stat.tlen >= 30 and page.undated_sibling(p)
            ) or (p.element is None and dominant == ("#inline",) and p.stat.tlen >= 50 and p.stat.punct >= 3
                  and (p.stat.signals >= 1 or _cited_run(p))):
                current = [p]
                groups.append(current)
            elif current is not None and p.element is None and _link_only(p):
                current.append(p)  # "[pdf] [code]" line after a <br>-separated citation
            else:
                current = None
    return groups, sub_containers


def _cited_run(part: _Part) -> bool:
    """Does an undated run of text between ``<br>`` s, among dated citations of its block,
    read as a citation by itself: person names and a title-like run (quoted, styled), and
    no sentence about a work ("J. Doe, A. Roe, \u201cA title\u201d, Proceedings of X, ISBN …")?"""
    if part.stat.tlen > 2000:
        return False
    writer = SpanWriter()
    _write_part(writer, part)
    ev = segment_evidence(Segment(writer.spans()))
    return ev.names and ev.title and not ev.prose


def _multiline_papers(parts: list[_Part]) -> list[list[_Part]] | None:
    """A block of ``<br>``-separated lines holding several papers of several lines
    each (title / authors / venue, year / a note): the lines before a dated line
    belong to its paper, and a dated note written as a sentence ends none; lines
    that show no person names after a paper are its trailing lines (a DOI, a
    note). A block whose dated lines are one citation and notes written as
    sentences is one paper. Only when every paper so found has more than its
    date line; None otherwise."""
    if any(p.element is not None and p.stat.tlen >= 15 for p in parts):
        return None  # block children: not a run of lines
    marked = []
    notes = 0
    for p in parts:
        units = p.stat.units
        if units and _prose_part(p):
            units = 0
            notes += 1
        stat = _Stat(p.stat.tlen, p.stat.years, p.stat.signals, p.stat.punct, p.stat.blockish, units)
        marked.append(replace(p, stat=stat))
    titled = _title_line_papers(marked)
    if titled:
        return titled
    dated = [p for p in marked if p.stat.units == 1]
    if len(dated) == 1 and notes and not any(p.separator for p in marked):
        return [marked]  # one paper and its dated notes ("A revised version … appeared in X, 2014.")
    if len(dated) < 2:
        return None
    groups: list[list[_Part]] = []
    named: list[bool] = []
    merged = False
    for g in _group_flat(marked, dated):
        names = has_names(" ".join(_part_text(p) for p in g))
        if groups and named[-1] and not names and not _opens_alike(g[0], groups[-1][0]):
            # no names after a paper with names: its trailing lines (DOI, a note), unless they
            # open the way the paper does (a bold title again: a paper by one author, say)
            groups[-1].extend(g)
            merged = True
        else:
            groups.append(g)
            named.append(names)
    if len(groups) < (1 if merged else 2) or any(sum(1 for p in g if p.stat.tlen >= 15) < 2 for g in groups):
        return None
    return groups


def _title_lines_block(page: _Page, part: _Part) -> list[list[_Part]] | None:
    """One block among other items that holds several papers as ``<br>``-separated lines, each
    paper opening with a wholly bold (or linked) title line (see :func:`_title_line_papers`):
    the repeated title lines are evidence enough to cut it even beside other blocks."""
    el = part.element
    if el is None or page.stats[el].years < 2:
        return None
    parts = page.parts(el)
    if any(p.element is not None and p.stat.tlen >= 15 for p in parts):
        return None  # block children: not a run of lines
    return _title_line_papers(parts)


def _title_line_papers(lines: list[_Part]) -> list[list[_Part]] | None:
    """``<br>``-separated lines where every paper opens with a line that is wholly bold (or one
    link), its title, over detail lines of its own (names, "Venue, 2020"): one paper from each
    such line to the next. The details lines are often too short to count as citations, so
    cutting before each dated citation-like line lets one paper swallow the next ones (their
    titles read as its venue). Decided by the block's own repetition: the first substantial
    line is such a title, there are two or more, and every paper so cut has a dated line that
    is not its title (a wholly bold award or note line is no title: then None)."""
    shown = [k for k, p in enumerate(lines) if p.stat.tlen >= 15 and not p.separator]
    if len(shown) < 4:
        return None
    starts = [k for k in shown if _styled_line(lines[k])]
    if len(starts) < 2 or starts[0] != shown[0] or 2 * len(starts) > len(shown):
        return None
    if any(p.separator for p in lines[starts[0]:]):
        return None  # a blank line between papers: the block's own cut, read as usual
    cuts = [0, *starts[1:], len(lines)]  # short lines before the first title stay with it
    groups = [lines[a:b] for a, b in zip(cuts, cuts[1:])]
    for g in groups:
        body = [p for p in g if p.stat.tlen >= 15 and not _styled_line(p)]
        if not body or not any(p.stat.years for p in body):
            return None  # a bold line that is no paper's title (an award, a note)
    return groups


def _group_flat(parts: list[_Part], unit_parts: list[_Part]) -> list[list[_Part]]:
    """Group a flat run of siblings (title, authors, venue, title, …) into items."""
    groups: list[list[_Part]] = []
    segments: list[list[_Part]] = [[]]
    for p in parts:
        if p.separator or p.stat.units >= 2 or _lead_in(p):
            segments.append([])  # (a lead-in announces what follows: it belongs to no item)
        else:
            segments[-1].append(p)
    for seg in segments:
        units = [p for p in seg if p.stat.units == 1]
        if not units:
            continue
        led = _styled_starts(seg)
        if led:
            groups.extend(led)
            continue
        substantial = [p for p in seg if p.stat.tlen >= 15]
        start_sig = _signature(substantial[0]) if substantial else None
        starts = [p for p in seg if _signature(p) == start_sig and p.stat.tlen >= 15]
        if start_sig is not None and start_sig != ("#inline",) and len(units) - 1 <= len(starts) <= len(units) + 1 and len(starts) >= 2:
            current: list[_Part] = []
            begun = False
            for p in seg:
                if _signature(p) == start_sig and p.stat.tlen >= 15:
                    if current and begun:
                        groups.append(current)
                    current, begun = [p], True
                elif begun:
                    current.append(p)
            if current and begun:
                groups.append(current)
            continue
        # fallback: the parts before a citation-like part belong to it; short
        # trailing parts (links) belong to the one before; a section's heading block
        # ("<div class="section-title">Thesis</div>", a banner holding the page's <h1>)
        # belongs to no item: it heads the items after it
        current = []
        closed = False
        for p in seg:
            if closed and (p.stat.tlen < 15 or _link_only(p)) and p.stat.units == 0:
                current.append(p)
                continue
            if closed:
                groups.append(current)
                current, closed = [], False
            if _section_block(p):
                current = []
                continue
            current.append(p)
            if p.stat.units == 1:
                closed = True
        if closed:
            groups.append(current)
    return [g for g in groups if any(p.stat.units == 1 for p in g) or sum(p.stat.tlen for p in g) >= 40]


def _refine(page: _Page, el: HtmlElement) -> tuple[_Part, list[HtmlElement]]:
    """Descend from a one-citation element into the child holding nearly all of
    its text (a table row -> its text cell, a card -> its body), or past headings
    into the one citation-like part (a section with a heading and one item);
    returns the part to read text from and the outer elements to take links from."""
    outer = [el]
    while el not in page.labelled and el not in page.joined:  # read whole: a labelled row, a card of halves
        st = page.stats[el]
        parts = page.parts(el)
        if not parts:
            break
        if any(p.heading for p in parts):
            units = [p for p in parts if p.stat.units >= 1]
            if len(units) != 1:
                break
            if any(p.heading and _title_heading(p) for p in parts if p is not units[0]):
                break  # a card whose title is a heading beside its details: all of it is the item
            if units[0].element is None:
                return units[0], outer
            el = units[0].element
            outer.append(el)
            continue
        best = max(parts, key=lambda p: p.stat.tlen)
        child = best.element
        if child is not None and best.stat.tlen >= 0.85 * st.tlen and _unit_like(best.stat) and not (
                el.tag == "tr" and _dated_beside(best, parts)):
            el = child
            outer.append(el)
            continue
        units = [p for p in parts if p.stat.units >= 1]
        if len(units) == 1 and units[0].element is not None and any(
            p.element is not None and any(r in page.header_rows for r in p.element.iter("tr")) for p in parts if p is not units[0]
        ):
            # a column-labelled table of one row: its header row labels the row, the row is the item
            el = units[0].element
            outer.append(el)
            continue
        if len(units) == 1 and units[0].element is not None and any(
            p.element is not None and next(p.element.iter(*HEADING_TAGS), None) is not None for p in parts if p is not units[0]
        ):
            # a profile/sidebar column with its own headings beside the one citation
            el = units[0].element
            outer.append(el)
            continue
        break
    parent = el.getparent()
    if parent is None:
        return _Part(el, 0, 2 * len(el) + 1, page.stats[el]), outer
    return _Part(parent, *_slots(el, page), page.stats[el], element=el, first=el), outer


def _find_items(page: _Page) -> list[tuple[list[_Part], list[HtmlElement]]]:
    """All items of the page in document order: (parts, outer elements for links)."""
    root = page.root
    body = root.find("body")
    start = body if body is not None else root
    found: list[tuple[list[_Part], list[HtmlElement]]] = []
    st = page.stats[start]
    if st.units == 1:
        led = _styled_starts(page.parts(start)) or _role_cards(
            [p for p in page.parts(start) if p.element is not None and p.stat.tlen], None) if st.blockish else None
        if led:  # title blocks (or a block per line) over short dated lines, too short to count one by one
            return [(g, []) for g in led]
        part, outer = _refine(page, start)
        lines = _split_lines(page, part)
        return [(g, []) for g in lines] if lines else [([part], outer)]
    stack = [start]
    while stack:
        el = stack.pop()
        groups, subs = _group_container(page, el)
        shapes: dict[tuple[str, ...], int] = {}
        for g in groups:
            shapes[_signature(g[0])] = shapes.get(_signature(g[0]), 0) + 1
        common = max(shapes, key=lambda k: shapes[k]) if shapes else None
        for g in groups:
            if common is not None and shapes[common] >= 2 and _signature(g[0]) != common:
                page.odd.add(id(g[0].element) if g[0].element is not None else id(g[0]))
            if len(g) == 1 and g[0].element is not None:
                part, outer = _refine(page, g[0].element)
                lines = _split_lines(page, part) if len(groups) == 1 else _title_lines_block(page, part)
                if lines:
                    found.extend((line, []) for line in lines)
                else:
                    found.append(([part], outer))
            elif g[0].element is not None and g[0].stat.units == 1 and not any(p.stat.units for p in g[1:]) \
                    and next(g[0].element.iter(*HEADING_TAGS), None) is not None:
                # one citation with its trailing links, the citation's block holding a heading
                # too (a section: "<h3>Master's Thesis</h3><p>citation</p>"): read past the heading
                part, outer = _refine(page, g[0].element)
                found.append(([part, *g[1:]], outer))
            else:
                found.append((g, []))
        stack.extend(reversed(subs))
    found.sort(key=lambda item: _part_order(page, item[0][0]))
    return found


def _split_lines(page: _Page, part: _Part) -> list[list[_Part]] | None:
    """Several papers in one block, each over several <br>-separated lines
    (``<b>Title</b><br>Authors<br>Venue, 2020<br><b>Title</b><br>…``): a line
    with a year ends a paper, the lines before it belong to it. Only for the one
    citation-like block of its container (a table cell among many is one paper
    even when its title holds a year)."""
    el = part.element
    if el is None or page.stats[el].years < 2:
        return None
    parts = page.parts(el)
    if sum(1 for p in parts if p.heading) >= 2:  # titles as headings, each run with its date
        dated_runs = [
            replace(p, stat=_Stat(p.stat.tlen, p.stat.years, p.stat.signals, p.stat.punct, p.stat.blockish,
                                  1 if p.stat.years and not p.heading else 0))
            for p in parts
        ]
        titled = _titled_runs(dated_runs)
        if titled:
            return titled
    if any(p.element is not None and p.stat.tlen >= 15 for p in parts):
        # block children: papers led by a bold title block, or a block per line of each paper
        return _styled_starts(parts) or _role_cards([p for p in parts if p.element is not None and p.stat.tlen], None)
    marked = []
    dated = 0
    for p in parts:
        is_dated = p.stat.years >= 1 and not p.separator and not _link_only(p)
        dated += is_dated
        stat = _Stat(p.stat.tlen, p.stat.years, p.stat.signals, p.stat.punct, p.stat.blockish, 1 if is_dated else 0)
        marked.append(replace(p, stat=stat))
    if dated < 2:
        return None
    starts = [i for i, p in enumerate(marked) if p.stat.tlen >= 15 and _styled_line(p)]
    if starts and starts[0] == next(i for i, p in enumerate(marked) if p.stat.tlen >= 15) and len(starts) >= 2:
        # every paper starts with a bold (or linked) title line: cut there
        cuts = starts + [len(marked)]
        by_title = [marked[a:b] for a, b in zip(cuts, cuts[1:])]
        if all(any(p.stat.units for p in g) for g in by_title):
            return by_title
    groups = _group_flat(marked, [p for p in marked if p.stat.units == 1])
    if len(groups) < 2 or any(sum(1 for p in g if p.stat.tlen >= 15) < 2 for g in groups):
        return None  # each paper must have more than its date line
    return groups


def _styled_starts(parts: list[_Part]) -> list[list[_Part]] | None:
    """Sibling blocks where each paper starts with a block that is wholly bold (or
    one link) and undated, its title, followed by its other blocks (authors, a
    "Journal, 2019" line): one item from each such title block to the next one or
    to a heading. A page written with a blank line between the lines of each entry
    has this shape, and its short venue lines are often too short to count as
    citations, so the dates cannot cut it. Only when there are two such titles or
    more, at most every other block is one, every paper has more than its title and
    shows a year, and nothing outside them (an intro, a heading) shows one."""
    if len(parts) < 4:
        return None
    shown = [p for p in parts if p.stat.tlen >= 8 and not p.separator]
    starts = {id(p) for p in shown if not p.stat.years and p.stat.tlen <= 300 and _styled_line(p)}
    if len(starts) < 2 or len(starts) * 2 > len(shown):
        return None
    groups: list[list[_Part]] = []
    current: list[_Part] | None = None
    for p in parts:
        if p.separator or p.heading:
            current = None
        elif id(p) in starts:
            current = [p]
            groups.append(current)
        elif current is not None:
            current.append(p)
        elif p.stat.years:
            return None  # a dated block outside the papers: not this shape
    if any(p.stat.units >= 2 for g in groups for p in g):
        return None
    if not all(len(g) >= 2 and any(p.stat.years for p in g[1:]) for g in groups):
        return None
    return groups


def _styled_line(part: _Part) -> bool:
    """Is this line wholly bold, or wholly one link (a title line)?"""
    writer = SpanWriter()
    _write_part(writer, part)
    spans = [s for line in writer.lines for s in line if s.text.strip()]
    if not spans:
        return False
    return all(s.bold for s in spans) or (len({s.link for s in spans}) == 1 and spans[0].link is not None)


def _marked_line(part: _Part) -> bool:
    """Is this line wholly bold, wholly italic or wholly one link (a line its markup sets apart)?"""
    writer = SpanWriter()
    _write_part(writer, part)
    spans = [s for line in writer.lines for s in line if s.text.strip()]
    return bool(spans) and (all(s.bold for s in spans) or all(s.italic for s in spans)
                            or len({s.link for s in spans}) == 1 and spans[0].link is not None)


def _slots(el: HtmlElement, page: "_Page | None" = None) -> tuple[int, int]:
    j = page.index.get(el) if page is not None else None
    if j is None:
        parent = el.getparent()
        assert parent is not None
        j = parent.index(el)
    return 2 * j + 1, 2 * j + 2


def _child_at(part: _Part, slot: int) -> HtmlElement:
    """The child element in (odd) ``slot`` of the part's parent: the part's own element
    when the part is that one child (lxml's ``parent[j]`` walks j siblings, and a
    list of thousands of papers made every item's lookups walk half of it)."""
    if part.element is not None and part.a == slot and part.b == slot + 1:
        return part.element
    return part.parent[(slot - 1) // 2]


def _part_order(page: _Page, part: _Part) -> float:
    """Document order of a part's start (an element's own order, or just after its parent)."""
    if part.a % 2 == 1:
        return page.order[_child_at(part, part.a)]
    if part.a == 0:
        return page.order[part.parent] + 0.5
    prev = part.parent[(part.a - 2) // 2]
    last = prev
    for last in prev.iter():
        pass
    return page.order[last] + 0.5


def _part_end(page: _Page, part: _Part) -> float:
    if part.b - 1 >= 1:
        slot = part.b - 1
        child = _child_at(part, slot) if slot % 2 == 1 else part.parent[(slot - 2) // 2]
        last = child
        for last in child.iter():
            pass
        return page.order[last] + 0.75
    return page.order[part.parent] + 0.75


# --------------------------------------------------------------------------- headings


@dataclass(slots=True)
class _Heading:
    """A heading event of the page (:func:`_heading_events`): where it is in document order, its
    rank as its markup shows it (1-6 heading tags, 7 labels and named panes, 8 bold lines, 9 years
    alone), its text and element; ``text`` empty: the end of the scope of ``element``'s heading."""

    order: float
    rank: int
    text: str
    element: HtmlElement | None = None
    #: the container the heading heads (a named pane, a card, a <section> it opens): the
    #: headings inside it are nested in this one, whatever their rank
    scope: HtmlElement | None = None


def _heading_events(page: _Page, covered: list[tuple[float, float]]) -> list[_Heading]:
    """(document order, level, text) of every heading outside the items; a container the page
    names by its id (a tab pane) opens a heading and closes it at its end (an event with no text).
    Headings are heading tags and blocks that act as one: a lone bold line, a block of a heading
    class, a year alone, a short block naming a kind of section in plain words."""
    starts = [c[0] for c in covered]

    def inside(order: float) -> bool:
        i = bisect.bisect_right(starts, order) - 1
        return i >= 0 and covered[i][0] <= order <= covered[i][1]

    events: list[_Heading] = []
    panes = _page_panes(page.root)
    for el, order in page.order.items():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        st = page.stats.get(el)
        if tag == "button" and not inside(order):  # an accordion's toggle: names the panel after it
            events.extend(_toggle_heading(page, el, order, starts))
            continue
        if st is None or st.skipped:
            continue
        if tag == "th" and page.header_rows and el.getparent() in page.header_rows:
            continue  # a column label ("Title", "Links"), not a section heading
        level = 0
        pane = _pane_name(el, panes) if tag in _PANE_TAGS and el.get("id") and not inside(order) else None
        if pane is not None:  # a tab pane or page section named by its id: heads what it holds, ends with it
            last = el
            for last in el.iter():
                pass
            events.extend((_Heading(order, 7, pane, el, el), _Heading(page.order.get(last, order) + 0.9, 7, "", el)))
            continue
        if tag in HEADING_TAGS:
            level = HEADING_TAGS[tag]
        elif tag in ("dt", "caption", "legend"):
            level = 7
        elif tag in ("b", "strong", "u", "span", "font", "th") and 2 <= st.tlen <= 80 and _alone_on_line(el):
            level = 8
        elif tag in ("p", "div", "li", "td") and 2 <= st.tlen <= 60 and st.units == 0 and _all_bold(el):
            level = 8
        elif tag in ("div", "p", "span", "header") and 2 <= st.tlen <= 60 and st.units == 0 and any(
            c.lower() in _HEADING_CLASSES for c in classes(el)
        ) and next(el.iter(*HEADING_TAGS), None) is None:
            level = 7  # <div class="section-title">Journal Papers</div>
        elif tag in _YEAR_BLOCK_TAGS and st.tlen <= 12 and st.units == 0 and YEAR_ONLY.match(el.text_content() or "") and next(el.iter("a"), None) is None:
            level = 9  # "<p>2017</p>" over the papers of that year (not a linked year: an archive menu)
        elif tag in _LABEL_TAGS and 2 <= st.tlen <= 60 and st.units == 0 and _section_label(el):
            level = 8  # "<p>Invited talks</p>", "<div class="cv-label">Awards</div>": a block naming a section
        if not level or inside(order):
            continue
        text = WS.sub(" ", el.text_content()).strip()
        if text and len(text) <= 120:
            scope = _scope_of(page, el, starts)
            events.append(_Heading(order, level, text, el, scope[0] if scope else None))
            if scope is not None:  # the heading of a card, a <details>, a <section>: it ends there
                events.append(_Heading(scope[1], level, "", el))
    events.sort(key=lambda h: h.order)
    return _sole_scopes(events)


def _sole_scopes(events: list[_Heading]) -> list[_Heading]:
    """The events without the scopes of headings whose container holds another heading of
    their rank: a container of several sections (``<div id="content">`` over every ``<h2>``) is
    no one section's scope; the sections in it end where the next one of their rank begins."""
    by_rank: dict[int, list[float]] = {}
    for h in events:
        if h.text:
            by_rank.setdefault(h.rank, []).append(h.order)
    ends = {id(h.element): h.order for h in events if not h.text}
    shared: set[int] = set()
    for h in events:
        if h.text and h.scope is not None and h.scope is not h.element:  # (a named pane keeps its own)
            orders = by_rank[h.rank]
            i = bisect.bisect_right(orders, h.order)
            if i < len(orders) and orders[i] < ends.get(id(h.element), h.order):
                shared.add(id(h.element))
    if not shared:
        return events
    return [replace(h, scope=None) if h.text else h for h in events if h.text or id(h.element) not in shared]


def _toggle_heading(page: _Page, button: HtmlElement, order: int, starts: list[float]) -> list[_Heading]:
    """An accordion's toggle as the heading of the panel after it (``<button class="accordion">
    Invited talks</button><div class="panel">…</div>``): a button is no citation text, but one
    whose label names a kind of section, followed by a block that holds items, heads them until
    that block ends."""
    panel = button.getnext()
    text = WS.sub(" ", button.text_content()).strip()
    if panel is None or panel.tag not in BLOCK_TAGS or not 2 <= len(text) <= 60 or not _section_label(button):
        return []
    begin, end = page.order.get(panel, order), _following(page, panel)
    i = bisect.bisect_left(starts, begin)
    if i >= len(starts) or starts[i] >= end:
        return []
    return [_Heading(order, 8, text, button), _Heading(end - 0.5, 8, "", button)]


#: ancestors a heading's scope is looked for in, at most (:func:`_scope_end`)
_SCOPE_DEPTH = 6


def _scope_of(page: _Page, heading: HtmlElement, starts: list[float]) -> tuple[HtmlElement, float] | None:
    """The container a heading heads and where it ends (its document order), or None: the nearest
    ancestor whose first text is the heading and that holds an item after it (``<details>
    <summary>Talks</summary>…</details>``, ``<div class="card"><div class="card-header">
    Teaching</div>…</div>``, ``<section><h5>Talks</h5>…</section>``) beside others like it.
    What the page nests in the container is what the heading heads; the items after it are not."""
    el = heading
    for _ in range(_SCOPE_DEPTH):
        parent = el.getparent()
        if parent is None or parent.tag in ("body", "html") or _first_text_is(parent, heading, _NEXT_TO_STEPS) is not True:
            return None
        el = parent
        begin, end = page.order.get(heading, 0), _following(page, el)
        i = bisect.bisect_right(starts, begin)
        if i < len(starts) and starts[i] < end and _repeated(el):
            return el, end - 0.5
    return None


def _repeated(el: HtmlElement) -> bool:
    """Is ``el`` one of a run of sibling containers of one kind (same tag and class: cards,
    ``<details>``, sections)? Each of them is one section; a lone wrapper (a page's
    title block with its subtitle and menu) is not."""
    before = next((s for s in el.itersiblings(preceding=True) if s.tag.__class__ is str), None)
    after = next((s for s in el.itersiblings() if s.tag.__class__ is str), None)
    if el.tag in ("div", "span") and not el.get("class"):
        return False  # bare wrappers: a page's layout boxes, not a run of its sections
    return any(s is not None and s.tag == el.tag and s.get("class") == el.get("class") for s in (before, after))


def _following(page: _Page, el: HtmlElement) -> float:
    """The document order of the first element after ``el`` and all it holds."""
    node: HtmlElement | None = el
    while node is not None:
        nxt = node.getnext()
        while nxt is not None:
            if nxt in page.order:
                return float(page.order[nxt])
            nxt = nxt.getnext()
        node = node.getparent()
    return float(len(page.order))


class _Outline:
    """The headings open at the current point of the page, each with its LOGICAL level.

    A heading closes the open headings of the same or a deeper level. The level is the rank
    its markup shows until the page's own structure says otherwise: a heading followed by
    another with nothing between them heads that other one, whatever their ranks (``<h5>Talks
    </h5><h4>2021</h4>``, ``<h4>Talks</h4><h4>2021</h4>``, a bold "Teaching" over ``<h3>``
    years): a page does not write an empty section, so the second heading is nested in the
    first (when the first names a kind of section: that kind is what reaches the items). Its style (rank, and whether it names a kind of section) keeps that deeper level for
    the rest of the page, so the next year of the same style closes the previous year, not the
    section above both."""

    def __init__(self) -> None:
        self.stack: list[tuple[float, _Heading]] = []
        self._levels: dict[tuple[int, bool], float] = {}
        self._styles: list[tuple[int, bool]] = []  # the style of each open heading
        #: year headings read as nested in the non-paper heading of their rank above them
        #: (:meth:`_year_run`), by id: that heading, which the items' evidence may yet undo
        self.runs: dict[int, _Heading] = {}

    def run_head(self) -> _Heading | None:
        """The non-paper heading the innermost open year heading was nested in by
        :meth:`_year_run` (the items under it decide whether it heads them), or None."""
        return self.runs.get(id(self.stack[-1][1])) if self.stack else None

    def _year_run(self, heading: _Heading, level: float) -> float:
        """The level of a year heading (``2021``, ``2019-2021``, ``Older``) that follows, at the
        same rank, a heading naming a non-paper section, with words between them (an intro, an
        image, links): ``<h3>Talks</h3><p>Some of my talks</p><h3>2021</h3>``. Nothing between
        the two would nest them (:meth:`read`); a page that writes its talks' intro there writes
        its years as the talks' too, and so does every next year heading of that rank until a
        heading of another kind. The page may instead have ended the talks there (a news block,
        then years of papers under no heading of their own): :func:`_page_items` asks the items."""
        top = self.stack[-1] if self.stack else None
        if top is None or top[1].rank != heading.rank or not _years_alone().match(heading.text):
            return level
        head = self.runs.get(id(top[1]))
        if head is not None:  # the next year of a run: the previous one's sibling
            return top[0]
        if top[0] == level and (section_kind(top[1].text) or "") in _RUN_KINDS:
            return top[0] + 0.5
        return level

    def read(self, heading: _Heading) -> None:
        """Open ``heading`` (or close its pane when its text is empty)."""
        stack = self.stack
        if not heading.text:  # the end of a named pane: close it and what it holds
            at = next((i for i, (_, h) in enumerate(stack) if h.element is heading.element and h.text), None)
            if at is not None:
                del stack[at:]
                del self._styles[at:]
            return
        top = stack[-1][1] if stack else None
        if top is not None and top.text == heading.text and _inside(heading.element, top.element):
            return  # the bold run of a bold line: the same heading twice
        style = (heading.rank, classify_heading(heading.text) is not None)
        if style[1] and top is not None and top.scope is top.element and _first_text_is(top.element, heading.element, _NEXT_TO_STEPS):
            stack[-1] = (stack[-1][0], replace(top, text=heading.text))  # a named pane's own title names it
            return
        level = self._levels.get(style, float(heading.rank))
        run = None
        if top is not None and stack[-1][0] >= level and self._styles[-1][1] and style != self._styles[-1] \
                and not _inside(heading.element, top.scope) and _next_to(top.element, heading.element):
            level = stack[-1][0] + 0.5  # (two headings of one style in a row are siblings: an empty section)
            self._levels[style] = level
        elif top is not None and not style[1] and (nested := self._year_run(heading, level)) != level:
            level = nested
            run = self.runs.get(id(top), top)
        while stack and stack[-1][0] >= level and not _inside(heading.element, stack[-1][1].scope):
            stack.pop()  # (a heading inside the container another heads is nested in that one)
            self._styles.pop()
        stack.append((level, heading))
        self._styles.append(style)
        if run is not None:
            self.runs[id(heading)] = run


@lru_cache(maxsize=1)
def _years_alone() -> re.Pattern[str]:
    """A heading of years alone: "2021", "2019-2021", "2019 - present", "2020/21", "Before 2015",
    "2014 and earlier", "Fall 2021", "March 2020", "Sommer 2019"; "Older", "Earlier", "Upcoming",
    "Recent" (month and season names from the lexicon)."""
    words = sorted(lexicon.words("months") | lexicon.words("seasons"), key=lambda w: (-len(w), w))
    when = "(?:" + "|".join(re.escape(w) for w in words) + r")\.?,?\s{1,3}"
    return re.compile(
        rf"^\W{{0,3}}(?:(?:before|pre|prior to|until|up to|since|ay|academic year)[\s-]{{0,3}}|{when})?(?:1[89]|20)\d\d"
        r"(?:\s{0,3}(?:[-\u2013\u2014/]|to|until)\s{0,3}(?:(?:1[89]|20)?\d\d|present|now|today|current))?"
        r"(?:\s{0,3}(?:and|&|or)\s(?:earlier|before|older|prior))?\W{0,3}$"
        r"|^\W{0,3}(?:older|earlier|upcoming|forthcoming|recent|current)\W{0,3}$",
        re.I,
    )


#: the kinds of section whose year headings :meth:`_Outline._year_run` reads as theirs (a profile
#: is prose, not a list split by years)
_RUN_KINDS = frozenset({"news", "talks", "teaching", "awards", "patents", "filings", "software", "grants", "projects",
                        "media", "recordings", "service", "supervision", "education", "experience"})

#: elements a walk between two headings looks at, at most (:func:`_next_to`)
_NEXT_TO_STEPS = 24


def _inside(el: HtmlElement | None, outer: HtmlElement | None) -> bool:
    """Is ``el`` a descendant of ``outer``?"""
    if el is None or outer is None:
        return False
    return any(a is outer for a in el.iterancestors())


def _first_text_is(scope: HtmlElement, target: HtmlElement, budget: int) -> bool | None:
    """Within ``scope`` (entered at its start), is ``target`` reached before any text? None when
    ``target`` is not in ``scope`` and no text was met either (the walk goes on after it)."""
    ancestors = set(target.iterancestors())
    for n, el in enumerate(scope.iter()):
        if el is target:
            return True
        if n >= budget or (el.text and not el.text.isspace() and el.tag.__class__ is str):
            return False
        if el is not scope and el not in ancestors and el.tail and not el.tail.isspace():
            return False  # text after a block that does not hold the target comes before it
    return None


def _next_to(a: HtmlElement | None, b: HtmlElement | None) -> bool:
    """Does heading element ``b`` follow ``a`` with no text between them (``b`` is the first
    thing after ``a``, or the first thing inside the pane ``a``)? A bounded walk."""
    if a is None or b is None:
        return False
    if _inside(b, a):  # a named pane and the first heading inside it
        return _first_text_is(a, b, _NEXT_TO_STEPS) is True
    node: HtmlElement | None = a
    for _ in range(_NEXT_TO_STEPS):
        if node is None or node.tail and not node.tail.isspace():
            return False
        nxt = node.getnext()
        if nxt is None:
            node = node.getparent()
            continue
        found = _first_text_is(nxt, b, _NEXT_TO_STEPS) if nxt.tag.__class__ is str else None
        if found is not None:
            return found
        node = nxt
    return False


#: blocks that may name the section below them in plain words (:func:`_section_label`)
_LABEL_TAGS = frozenset({"p", "div", "span", "font", "header", "summary"})
#: containers a page names by their id (a tab pane, a page section): :func:`_pane_name`
_PANE_TAGS = frozenset({"div", "section", "article", "aside"})
_ID_WORDS = re.compile(r"[^\W\d_][^\W\d_A-Z]*")  # "invited-talks", "invitedTalks", "vorträge_2020"


def _section_label(el: HtmlElement) -> bool:
    """Is a short block that holds no citation a section's label in plain words ("Invited
    talks", "selected conference presentations since 2007", "Prêmios"): a few words the section
    classifier reads as a kind of section (not the person's profile), no sentence (no full stop inside or at the end), no
    link (a menu entry, a link label), no block inside it?"""
    if next(el.iter("a", *BLOCK_TAGS - {el.tag}), el) is not el:
        return False
    text = WS.sub(" ", el.text_content()).strip().rstrip(":").strip()
    if not text or text.endswith(".") or ". " in text or len(text.split()) > 6:
        return False
    kind = section_kind(text, 6)  # a line about the person ("See my profile on:", "Contact me") heads nothing
    return kind is not None and kind != "profile"


def _page_panes(root: HtmlElement) -> dict[str, str]:
    """The labels a page gives its own panes: ``<a href="#talks">Invited talks</a>`` -> talks."""
    panes: dict[str, str] = {}
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if href.startswith("#") and len(href) > 1:
            label = WS.sub(" ", a.text_content()).strip()
            if label and len(label) <= 60:
                panes.setdefault(href[1:], label)
    return panes


def _pane_name(el: HtmlElement, panes: dict[str, str]) -> str | None:
    """The section a container is named as by its id (``<div class="tab-pane" id="talks">``,
    ``<section id="awards">``), in the words of the page's own link to it when it has one: only a
    name the section classifier knows (an id like "content" or "tab-3" names none)."""
    ident = (el.get("id") or "").strip()
    if not ident or len(ident) > 60 or next((c for c in el if c.tag in BLOCK_TAGS), None) is None:
        return None  # a pane holds blocks; a labelled heading block is read as a heading
    words = _ID_WORDS.findall(ident)
    # an id names a section only when it is a name ("invited-talks"), not a framework's handle
    # that happens to hold a section word ("dnn_ctr15965_ListDetail_UpdatePanel1": "update")
    own = " ".join(words) if len(words) <= _ID_NAME_WORDS else None
    for name in (panes.get(ident), own):
        if name and section_kind(name, 6) not in (None, "profile"):
            return name
    return None


#: words at most in an id read as a section's name without a link naming it
_ID_NAME_WORDS = 3


#: blocks that head a year-grouped list when all they show is a year ("<p>2017</p>",
#: "<div class="paper-list-year">2024</div>"); table cells are left out: a year column
#: beside the citations dates its own row, not the rows below it
_YEAR_BLOCK_TAGS = frozenset({"p", "div", "li", "span", "font", "section", "header"})

_HEADING_CLASSES = frozenset(
    "section-title section-heading section-subheading heading subheading widget-title page-title post-title "
    "archive__subtitle section-header category-title group-title year-heading pub-year".split()
)


def _section_block(part: _Part) -> bool:
    """Is a block that holds no citation a section's heading: a heading element, a block
    holding one, a block of a heading class or all in bold, whose heading names a kind of section
    ("Thesis", "Book Chapters", "Publications"; a paper's title in an ``<h3>`` names none)?"""
    el = part.element
    if el is None or part.stat.units or part.stat.tlen > 120:
        return False
    heading = el if el.tag in HEADING_TAGS else next(el.iter(*HEADING_TAGS), None)
    if heading is None and (any(c.lower() in _HEADING_CLASSES for c in classes(el)) or _all_bold(el)):
        heading = el  # "<p><strong>Publications</strong></p>" is a heading as much as an <h3> is
    if heading is None:
        return False
    return classify_heading(WS.sub(" ", heading.text_content()).strip()) is not None


def _lead_in(part: _Part) -> bool:
    """Is an undated block that ends in a colon a lead-in ("If you use it, please cite
    the following paper:", "Selected works:")? It announces the blocks after it and is
    no part of the citation it precedes: a citation's own lines end in a period, a year,
    a page range or a link, not in a colon."""
    if part.element is None or part.stat.units or part.stat.years or part.stat.tlen > 400:
        return False
    return part.element.text_content().rstrip().endswith((":", "\uff1a"))


def _all_bold(el: HtmlElement) -> bool:
    kids = [c for c in el if isinstance(c.tag, str)]
    return (not (el.text or "").strip()) and len(kids) == 1 and kids[0].tag in ("b", "strong", "u") and not (kids[0].tail or "").strip(" \t\n:")


def _alone_on_line(el: HtmlElement) -> bool:
    """A bold label on its own line: nothing but <br>/block boundaries around it."""
    if el.tag in ("span", "font") and not any(c.lower() in ("heading", "section-title", "title") for c in classes(el)):
        return False
    if (el.tail or "").strip(" \t\r\n:"):
        return False
    nxt = el.getnext()
    if nxt is not None and nxt.tag not in BLOCK_TAGS and nxt.tag != "br":
        return False
    prev = el.getprevious()
    parent = el.getparent()
    if prev is None:
        if parent is None or (parent.text or "").strip():
            return False
        return parent.tag in BLOCK_TAGS or parent.tag in ("font", "span")
    return (prev.tag == "br" or prev.tag in BLOCK_TAGS) and not (prev.tail or "").strip()


def _link_only(part: _Part) -> bool:
    """Is a (short) part nothing but link labels and separators?"""
    if part.stat.tlen > 200:
        return False
    writer = SpanWriter()
    _write_part(writer, part)
    lines = [strip_line(line) for line in writer.lines]
    lines = [line for line in lines if line]
    return bool(lines) and all(is_link_line(line) for line in lines)


_CITE_LABEL = re.compile(r"^\s*(?:recommended citation|cite (?:this|as)|citation|reference|how to cite)\s*:\s*", re.I)


def _citation_block(page: _Page, el: HtmlElement) -> HtmlElement | None:
    """A "Recommended citation: …" paragraph inside a card (academicpages):
    the full citation, better than the card's title/excerpt mix."""
    for child in el.iter("p", "div", "span", "li"):
        if child is el:
            continue
        st = page.stats.get(child)
        if st is None or st.skipped or not _unit_like(st):
            continue
        head = (child.text or "")
        if not head.strip():
            first = next(iter(child), None)
            head = first.text_content() if first is not None else ""
        if _CITE_LABEL.match(head):
            return child
    return None


# --------------------------------------------------------------------------- public


def page_items(root: HtmlElement, path: str | None = None, relaxed: bool = False) -> list[PageItem]:
    """Every publication-list item on the page, in document order, with its
    headings and section class (filtering by section is the caller's choice).

    A block counts as a citation by a year or a status word in it, or in a list
    (``<ul>``, ``<ol>``, ``<dl>``, a table) whose items mostly read like references.
    ``relaxed`` extends the latter to any run of repeated sibling blocks (paragraphs,
    divs): papers written as paragraphs without years. Readers ask for it when the
    page read normally shows (almost) nothing, as it also finds more noise."""
    # a big page makes hundreds of thousands of small acyclic objects (statistics,
    # parts, spans); the cyclic collector rescanning them frees nothing and grows
    # with the page, so it pauses here as in readers.html.read (for every caller)
    paused = gc.isenabled()
    gc.disable()
    try:
        return _page_items(root, path, relaxed)
    finally:
        if paused:
            gc.enable()


def _page_items(root: HtmlElement, path: str | None, relaxed: bool = False) -> list[PageItem]:
    page = _Page(root, relaxed)
    raw = _find_items(page)
    covered: list[tuple[float, float]] = []
    for parts, _outer in raw:
        covered.append((_part_order(page, parts[0]), _part_end(page, parts[-1])))
    events = _heading_events(page, sorted(covered))
    items: list[PageItem] = []
    ei = 0
    outline = _Outline()
    #: the items under the year headings of a run (:meth:`_Outline._year_run`), by its heading: from the
    #: index of the first piece, the headings and section they have if that heading does not head them
    runs: dict[int, list[tuple[range, tuple[str, ...], str | None]]] = {}
    for (parts, outer), (start, _end) in zip(raw, covered):
        while ei < len(events) and events[ei].order < start:
            outline.read(events[ei])
            ei += 1
        stack = outline.stack
        headings = tuple(h.text for _, h in stack)
        section = _section_under([h for _, h in stack])
        head = outline.run_head()
        writer = SpanWriter(page.stats)
        text_parts = parts
        if len(parts) == 1 and parts[0].element is not None:
            block = _citation_block(page, parts[0].element)
            if block is not None:
                parent = block.getparent()
                assert parent is not None
                text_parts = [_Part(parent, *_slots(block, page), page.stats[block], element=block, first=block)]
        if text_parts is parts and len(parts) == 1 and parts[0].element is not None:
            text_parts = _without_prose(page, parts[0].element) or parts
        elif text_parts is parts and len(parts) > 1 and parts[0].heading:
            text_parts = _prose_free(parts, 0) or parts  # a title heading, its details, an abstract
        row = text_parts[0].element if len(text_parts) == 1 else None
        if row is not None and row in page.labelled:
            _write_labelled_row(writer, row, page.labelled[row])
        else:
            for p in text_parts:
                writer.newline()  # parts are separate lines (<br> or blocks between them)
                _write_part(writer, p)
        spans = writer.spans()
        if spans and spans[0].text:
            first = spans[0]
            stripped = _CITE_LABEL.sub("", first.text)
            if stripped != first.text:
                spans = (Span(stripped, first.bold, first.italic, first.sup, first.link, first.css),) + spans[1:]
        for p in parts:  # links of the whole item (text_parts may be a sub-block)
            for el in _part_elements(p):
                for a in el.iter("a"):
                    writer.link(a)
        for el in outer:
            for a in el.iter("a"):
                writer.link(a)
        if not spans:
            continue
        first_el = _first_element(parts[0])
        line = first_el.sourceline if first_el is not None else None
        if line is not None and first_el is not None and parts[0].a % 2 == 0 and parts[0].a >= 2:
            tail = first_el.tail or ""  # the run starts after this <br>, maybe on a later line
            line += tail[: len(tail) - len(tail.lstrip())].count("\n")
        segment = Segment(
            spans=spans,
            links=tuple(writer.links),
            headings=headings,
            location=Location(path, line),
        )
        elements = [p.element for p in parts if p.element is not None]
        odd = any(id(o) in page.odd for o in outer) or id(parts[0].element if parts[0].element is not None else parts[0]) in page.odd
        covers = [(p.parent, p.a, p.b) for p in parts]
        if outer:
            covers = [(o.getparent(), *_slots(o, page)) for o in outer[:1] if o.getparent() is not None] or covers
        lines = _source_lines(text_parts, segment) if len(spans) < 400 else []
        at = len(items)
        for piece in split_run(segment, lines):  # several citations run together in one block: one item each
            titled = id(parts[0]) in page.titled or parts[0].element in page.titled_items \
                or parts[0].element in page.labelled
            items.append(PageItem(piece, covers, section, int(start), elements, odd, titled))
        if head is not None:  # the items decide whether this heading heads them (:func:`_undo_runs`)
            flat = [h for _, h in stack if h is not head]
            runs.setdefault(id(head), []).append((range(at, len(items)), tuple(h.text for h in flat),
                                                  _section_under(flat)))
    _undo_runs(items, runs)
    for item, segment in zip(items, strip_labels([item.segment for item in items])):
        item.segment = segment  # a repeated badge in front ("Journal", "Conference") is a heading
    return items


def _section_under(headings: Sequence[_Heading]) -> str | None:
    """The section the open headings (outermost first) put their items in: the innermost that
    names one, a bold line or label (rank 8, 9) on weaker evidence than a heading tag."""
    return section_of(classify_heading(h.text, 8 if h.rank <= 7 else 5) for h in reversed(headings))


def _undo_runs(items: list[PageItem], runs: dict[int, list[tuple[range, tuple[str, ...], str | None]]]) -> None:
    """Take the items under a run of year headings out of the non-paper section the outline
    nested the run in (:meth:`_Outline._year_run`) when more of them read as papers (people's
    names with a title or a venue, nothing of a talk or another kind of work) than as something
    else (an announcement, a talk, a grant ...), and two of them at least. A news block (dated
    one-liners under "News") followed by years of the publications with no heading of their own
    reads so; talks, teaching, awards do not, whether written like citations or not
    (:func:`~.sections.reads_as_paper`)."""
    for members in runs.values():
        mine = [(items[i], headings, section) for at, headings, section in members for i in at]
        reads = [reads_as_paper(item.segment) for item, _, _ in mine]
        if reads.count(True) <= max(reads.count(False), 1):
            continue
        for item, headings, section in mine:
            item.segment = replace(item.segment, headings=headings)
            item.section = section


def _write_labelled_row(writer: SpanWriter, row: HtmlElement, columns: list[str | None]) -> None:
    """A row of a column-labelled table as labelled lines, one per cell (``Title: …``,
    ``Authors: …``); a cell of no known column is a ``Note`` the citation parser skips
    (its links still count)."""
    for part, cell in row_cells(row, columns):
        if not (cell.text_content() or "").strip():
            continue
        writer.newline()
        writer.text(f"{LABELS.get(part or '', 'Note')}: ", Style())
        write_range(writer, row, *_slots(cell))


def _write_part(writer: SpanWriter, part: _Part) -> None:
    write_range(writer, part.parent, part.a, part.b, child=part.element, first=part.first)


class _SourceText(SpanWriter):
    """Collects a part's text as the page wrote it, its line breaks kept (the span writer
    shows them as spaces, as a browser does)."""

    def __init__(self) -> None:
        super().__init__()
        self.chunks: list[str] = []

    def text(self, text: str | None, style: Style) -> None:
        if text and not style.hidden:
            self.chunks.append(text)


def _source_lines(parts: list[_Part], segment: Segment) -> list[int]:
    """Where the source lines of a one-line item start in its text: a paragraph of Markdown,
    Org, AsciiDoc or reST keeps its authors' line breaks, one citation per line on many
    pages (:func:`~.runs.split_run` decides whether they cut). Empty unless the item is one
    line showing two years or more and its source has line breaks."""
    if any(s.text == "\n" for s in segment.spans):
        return []
    text = "".join(s.text for s in segment.spans)
    if len(text) > 20_000 or len(YEAR.findall(text)) < 2:  # split_run searches no longer block
        return []
    writer = _SourceText()
    for p in parts:
        _write_part(writer, p)
    source = "".join(writer.chunks).strip()
    if "\n" not in source:
        return []
    starts: list[int] = []
    pos = 0
    for line in source.split("\n"):
        shown = " ".join(line.split())
        if not shown:
            continue
        at = text.find(shown[:40], pos)
        if at >= 0:
            starts.append(at)
            pos = at + 1
    return starts


def _part_text(part: _Part) -> str:
    writer = SpanWriter()
    _write_part(writer, part)
    return " ".join("".join(s.text for line in writer.lines for s in line).split())


def _without_prose(page: _Page, el: HtmlElement) -> list[_Part] | None:
    """An item's parts without the blocks after its citation that are written as
    sentences about the work (an abstract, a TL;DR, "This paper subsumes …"):
    they are not citation text and would run into its venue. None when there is
    nothing to leave out."""
    parts = page.parts(el)
    if len(parts) < 2:
        return None
    first = next((i for i, p in enumerate(parts) if p.stat.years or p.stat.signals), None)
    if first is None:
        return None
    return _prose_free(parts, first)


def _prose_part(part: _Part) -> bool:
    """A block written as sentences about a work, without person names."""
    text = _part_text(part)
    return is_prose(text) and not has_names(text)


def _prose_free(parts: list[_Part], first: int) -> list[_Part] | None:
    """``parts`` without the prose blocks after ``parts[first]``, or None when none is."""
    keep = parts[: first + 1]
    for p in parts[first + 1:]:
        if p.element is not None and 40 <= p.stat.tlen and not p.stat.signals:
            if _prose_part(p):
                continue
        keep.append(p)
    return keep if len(keep) < len(parts) else None


def _part_elements(part: _Part) -> Iterator[HtmlElement]:
    for slot in range(part.a, part.b):
        if slot % 2 == 1:
            yield _child_at(part, slot)


def _first_element(part: _Part) -> HtmlElement | None:
    """The element where a part starts: its first element, else the <br> whose
    tail text begins it, else its parent."""
    if part.a % 2 == 0 and part.a >= 2:
        return part.parent[(part.a - 2) // 2]
    for el in _part_elements(part):
        return el
    return part.parent
