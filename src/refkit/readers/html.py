"""HTML reader: a researcher's homepage or profile page -> one entry per publication.

Order of trust:

1. ``citation_*`` meta tags: the page *is* one article (a publisher or repository page).
2. Publication items cut from the page (:mod:`refkit.extraction.html_segments`),
   each one read from embedded BibTeX/COinS when the item carries it (exact
   fields), else parsed from its visible text by the citation parser. Visible
   links always add identifiers (arXiv, DOI, PubMed, OpenReview) and the
   ``pdf``/``code``/``website``/``video``/``slides`` links.
3. BibTeX blocks and schema.org JSON-LD elsewhere on the page, unless they
   describe an item already read (then they are merged into it, not repeated).

Items under headings that name other sections (news, talks, teaching …) are
not publications unless plainly a published paper; items under no telling
heading must look like a citation, or be one of a run of siblings most of which
look like one (:mod:`refkit.extraction.fallback`); items under no telling or a mixed heading
("Conference papers and presentations") that say they were presented are talks
(:mod:`refkit.extraction.sections`).
A page that gives (almost) nothing so is read again with every run of repeated
sibling blocks a candidate list (``page_items(relaxed=True)``); one that still gives
nothing, with its headings and preformatted blocks as candidate items, or its runs of
linked titles as works (:mod:`refkit.extraction.html_unread`).
An empty, binary or non-publication page gives an empty :class:`Library`.
"""

from __future__ import annotations

import gc
import re
import statistics
import unicodedata
from typing import Any, Callable, Iterable, Mapping, Sequence

from .. import ids
from ..errors import ConfigError, InputError
from ..latex import to_unicode
from ..model import Entry, Library, Location, Problem, Provenance
from ..extraction import fallback
from ..extraction.authors import repeat_authors
from ..extraction.caption import caption_over, citation_below, names_section, without_section_lines
from ..extraction.confidence import Judged, Segmentation, assess, field_penalty, in_list, judge
from ..extraction.evidence import has_names, is_news, is_note, is_ongoing, segment_evidence
from ..extraction.guard import read_item
from ..extraction.html_spans import YEAR_ONLY
from ..extraction.hybrid import settled
from ..extraction.labels import strip_title_labels
from ..extraction.link_labels import link_field
from ..extraction.sections import describes_person, heading_venue, is_cited_work, is_date_text, is_published, talk_items
from ..extraction.segment import Link, Segment

__all__ = ["read", "read_document", "sniff", "entry_links", "MAX_ITEMS", "MAX_HTML_MB", "max_html_mb"]

#: items read from one page at most: a publication list never holds more, and it
#: bounds the time a huge or machine-generated page can take
MAX_ITEMS = 20_000

#: the largest page read, in MB of text (``REFKIT_MAX_HTML_MB`` overrides it). Reading
#: holds the whole parsed tree and per-element statistics, about 30 bytes of memory
#: per input byte, so the default bounds a read at about 500 MB; the biggest real
#: publication pages are a few MB.
MAX_HTML_MB = 16.0

_PROV = Provenance("html")

# ---------------------------------------------------------------------------- sniff

_TAG = re.compile(r"<(/?)(html|head|body|div|p|li|ul|ol|table|tr|td|th|a|br|span|b|i|em|strong|h[1-6]|section|article|font|sup|dl|dt|dd|img|meta|script|style|link)\b[^>]*>", re.I)


def sniff(text: str) -> float:
    """HTML by content: a doctype/``<html>`` root, or text (Markdown, a page saved
    as .txt) whose lines are mostly tags."""
    head = text[:65536]
    stripped = head.lstrip("\ufeff \t\r\n")
    low = stripped[:2048].lower()
    if low.startswith(("<!doctype html", "<html")) or "<html" in low[:1024] and "<body" in head.lower():
        return 0.95
    if "\x00" in head:
        return 0.0
    # up to the last '>': an opener after it was a scan to the end for each, quadratic
    # on a run of them ("<b <b <b …": 64 KB took 0.5 s); no match reaches past it
    tags = _TAG.findall(head, 0, head.rfind(">") + 1)
    if len(tags) < 5:
        return 0.0
    lines = [ln for ln in head.splitlines() if ln.strip()]
    tagged = sum(1 for ln in lines if "<" in ln and ">" in ln)
    share = tagged / max(1, len(lines))
    if share >= 0.5:
        # above a .bib's 0.95 when tags dominate: a Markdown page with BibTeX
        # in <pre> blocks is still a page
        return 0.96 if len(tags) >= 20 else 0.9
    if share >= 0.25 and len(tags) >= 20:
        return 0.5
    return 0.02  # Markdown/text with a few inline tags: the text reader's


# ---------------------------------------------------------------------------- links


def entry_links(links: Iterable[Link], before: Mapping[str, str] | None = None) -> dict[str, str]:
    """Fields the links of an item give: ``doi``, ``eprint``/``archiveprefix``,
    ``pmid``, ``openreview``, ``isbn`` and the ``pdf``/``code``/``website``/``html``/
    ``video``/``slides``/``poster``/``supp``/``blog`` links (first link wins).
    ``before`` maps a URL to the text shown before its link
    (:meth:`Segment.text_before_links`): a DOI given for the work's data is no DOI of it."""
    before = before or {}
    out: dict[str, str] = {}
    dois: list[str] = []
    for link in links:
        url = link.url.strip()
        if not url:
            continue
        low = url.lower()
        if "arxiv.org" in low or "10.48550/arxiv" in low:
            ax = ids.arxiv_from_link(url, link.label)
            if ax and "eprint" not in out:
                out["eprint"] = ax.id
                out["archiveprefix"] = "arXiv"
            arxiv_doi = ids.doi_from_url(url)  # a doi.org/10.48550/arXiv.… link: the DOI it shows
            if arxiv_doi and not ids.is_data_label(link.label):
                dois.append(arxiv_doi)
            continue
        doi = ids.doi_from_url(url)
        if doi and (ids.is_data_context(before.get(link.url, "")) or ids.is_data_label(link.label)):
            doi = None
        if doi:
            dois.append(doi)
        pmid = ids.find_pmid(url)
        if pmid and "pmid" not in out:
            out["pmid"] = pmid
        orid = ids.find_openreview(url)
        if orid and "openreview" not in out:
            out["openreview"] = orid
        field = link_field(link.label, url)
        if field == "html" and doi and ids.is_resolver_url(url):
            continue  # a doi.org link is the DOI, not a page
        if field and field not in out:
            out[field] = url
    if dois:
        out["doi"] = dois[0]
    return out


# ---------------------------------------------------------------------------- filtering


#: notes around publication lists, never entries themselves
_BOILERPLATE = re.compile(
    r"\b(?:last (?:updated|modified|changed)|(?:automatically )?generated (?:automatically )?(?:by|with|from|using) "
    r"(?:bibtex2html|jekyll|hugo|bibbase|wowchemy|pandoc|my|our|a bibtex|the bibtex)|click (?:here|on)|"
    r"all rights reserved)\b",
    re.I,
)
#: the same, but only in a short note or one without a year (a citation may carry
#: "(* equal contribution)", a title may start "Copyright law …" or say "… powered by Xarray")
_WEAK_BOILERPLATE = re.compile(
    r"^\s*(?:copyright|©)|\bpowered by|\b(?:please see|see (?:also|my|our)|for an? (?:complete|full|up-to-date|updated|comprehensive) "
    r"list|(?:complete|full|up-to-date) list (?:is|of|on|at|can)|e-?mail\s*:|indicates? (?:equal|corresponding|first|joint|"
    r"co-first|student)|equal contribution|contributed equally)(?!\w)",
    re.I,
)


#: words one of which every match of _BOILERPLATE / _WEAK_BOILERPLATE holds (lower-cased):
#: items without any skip the case-insensitive alternations, which try every position
_BOILERPLATE_WORDS = ("last ", "generated ", "click ", "all rights reserved")
_WEAK_BOILERPLATE_WORDS = ("powered by", "copyright", "©", "see ", "for a", "list ", "mail", "indicate", "equal contribution", "contributed equally")
#: letters re.I matches to i and s that str.lower() leaves as they are (İ ı ſ)
_OTHER_FOLDS = re.compile("[\u0130\u0131\u017f]")


def is_boilerplate(segment: Segment) -> bool:
    """A note such as "Full list on Google Scholar" or "Last updated 2021"."""
    text = segment.text
    if text.isascii() or not _OTHER_FOLDS.search(text):
        low = text.lower()
        if not any(w in low for w in _BOILERPLATE_WORDS) and not any(w in low for w in _WEAK_BOILERPLATE_WORDS):
            return False
    if _BOILERPLATE.search(text):
        return True
    m = _WEAK_BOILERPLATE.search(text)
    if m:  # a note starts so; a citation at most ends with "(* equal contribution)"
        return m.start() < 40 or len(text) < 100 or not re.search(r"(?<!\d)(?:1[89]\d\d|20[0-4]\d)(?!\d)", text)
    return False


def looks_like_citation(segment: Segment, minimum: int = 3) -> bool:
    """For items under no telling heading: does the text read like a reference
    (names, a title, a venue, a year) rather than a bio line or news item?"""
    text = segment.text
    if len(text) < 30 or len(text) > 3000:
        return False
    # the evidence every reader's items are weighed by (evidence.py), and a comma-separated run
    ev = segment_evidence(segment)
    if ev.score < 5 and is_news(text):
        return False  # news, unless it shows every kind of evidence ("excited states" in a title with a DOI)
    score = ev.score + (text.count(",") >= 2)
    return score >= minimum


# ---------------------------------------------------------------------------- merging


def _fold_title(entry: Entry, folds: dict[str, str]) -> str:
    """The entry's title folded by :func:`_fold`, remembered in ``folds`` (one dict
    per page): every title is folded two or three times while a page is merged,
    and a bounded cache smaller than the page missed on every one of them."""
    title = entry.get("title", "") or ""
    folded = folds.get(title)
    if folded is None:
        folded = folds[title] = _fold(title)
    return folded


_NON_WORD = re.compile(r"[\W_]+")


def _fold(title: str) -> str:
    """A title folded for matching (no accents, case or punctuation)."""
    text = to_unicode(title)
    if not text.isascii():  # ASCII has no accents to take off: NFKD leaves it as it is
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


#: fields BibTeX (biblatex) reads verbatim: no LaTeX escapes inside
_VERBATIM = ("doi", "url", "eprint", "pdf", "code", "html", "website", "video", "slides", "poster", "supp", "blog")


def _verbatim(entry: Entry) -> Entry:
    """Undo LaTeX escaping in verbatim fields (``10.1007/978-3-031-25063-7\\_20``)."""
    fix: dict[str, str | None] = {}
    for name in _VERBATIM:
        value = entry.get(name)
        if value and "\\" in value:
            plain = re.sub(r"\\([_%&#$])", r"\1", value)
            if plain != value:
                fix[name] = plain
    return entry.with_fields(None, **fix) if fix else entry


def _with_links(entry: Entry, links: dict[str, str]) -> Entry:
    """Fill fields the links give where the entry has none (never overwrite)."""
    add: dict[str, str | None] = {}
    for name, value in links.items():
        if name in ("eprint", "archiveprefix"):
            continue
        if not entry.get(name):
            add[name] = value
    if links.get("eprint") and not entry.get("eprint"):
        add["eprint"] = links["eprint"]
        if not entry.get("archiveprefix") and not entry.get("eprinttype"):
            add["archiveprefix"] = "arXiv"
    if links.get("doi") and entry.get("doi"):
        add.pop("doi", None)
    return entry.with_fields(_PROV, **add) if add else entry


def _merge_structured(structured: Entry, visible: Entry | None, links: dict[str, str]) -> Entry:
    """BibTeX (or COinS) gives the fields; the visible item adds what it alone shows,
    and the container it shows where the record's own is not shown (:func:`_shown_container`)."""
    entry = _with_links(structured, links)
    if visible is not None:
        entry = _shown_container(entry, visible)
        add = {k: v for k, v in visible.fields.items() if k not in entry.fields and k in ("doi", "eprint", "archiveprefix", "pdf", "code", "html", "website", "video", "slides", "url", "note")}
        if add:
            entry = entry.with_fields(_PROV, **add)
    return entry


#: the fields that name where an entry appeared, as a reader of the page sees them
_CONTAINER = ("journal", "booktitle", "howpublished")
_VENUE_NAMES = _CONTAINER + ("organization", "publisher", "school", "institution", "series")


def _shown_container(record: Entry, visible: Entry) -> Entry:
    """The embedded record with the container its item shows, when the page shows one
    and none of the record's venue fields: a page that lists a paper as "arXiv, 2016"
    over a hidden BibTeX record saying ``journal = "CoRR"`` (or a workshop the page does
    not mention) is converted as it is shown, with the record's identifiers and other
    fields. Where the page shows the record's venue too (in any of its venue fields), or
    shows none, the record is kept as it is."""
    name = next((k for k in _CONTAINER if visible.fields.get(k)), None)
    text = visible.origin.text if visible.origin is not None else ""
    if name is None or not text:
        return record
    shown = f" {_fold(text)} "
    venue = visible.fields[name]
    folded = _fold(venue)
    if not folded or f" {folded} " not in shown:
        return record
    for field_name in _VENUE_NAMES:
        own = record.fields.get(field_name)
        own_folded = _fold(own) if own else ""
        if own_folded and f" {own_folded} " in shown:
            return record
    if all(record.fields.get(k) == (venue if k == name else None) for k in _CONTAINER):
        return record
    entry = record.with_fields(_PROV, **{k: (venue if k == name else None) for k in _CONTAINER})
    if not record.fields.get(name):
        # the record named its container in another field (an @article's journal, the page
        # shows "arXiv"): the kind of entry follows the container the page shows
        entry = Entry(visible.type, entry.key, entry.fields, entry.provenance, entry.origin)
    return entry


def _parser() -> Callable[..., Entry | None] | None:
    try:
        from ..extraction.citation import parse_segment
    except ImportError:  # the citation parser is optional for structured-only pages
        return None
    return parse_segment


# ---------------------------------------------------------------------------- read


def max_html_mb() -> float:
    """The page size limit in MB: ``REFKIT_MAX_HTML_MB`` when set, else :data:`MAX_HTML_MB`."""
    import os

    raw = os.environ.get("REFKIT_MAX_HTML_MB", "").strip()
    if not raw:
        return MAX_HTML_MB
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"REFKIT_MAX_HTML_MB must be a number of megabytes, not {raw[:40]!r}") from None
    if not value > 0:
        raise ConfigError(f"REFKIT_MAX_HTML_MB must be positive, not {raw[:40]!r}")
    return value


def read(text: str, *, path: str | None = None, **options: Any) -> Library:
    """All publication entries of an HTML page, in page order."""
    return read_document(text, path=path)


def read_document(text: str, *, path: str | None = None, source: str = "html") -> Library:
    """The entries of an HTML document that another reader rendered (Markdown, LaTeX,
    reST): one item finder for every markup. ``source`` names the reader in provenance.

    A document over :func:`max_html_mb` megabytes is refused with an :class:`InputError`
    before it is parsed (memory grows with the page; see :data:`MAX_HTML_MB`)."""
    limit = max_html_mb()
    if len(text) > limit * 1024 * 1024:
        size = len(text.encode("utf-8", "surrogatepass")) / (1024 * 1024)
        if size > limit:
            raise InputError(
                f"page too large to read as HTML ({size:.3g} MB; the limit is {limit:g} MB, "
                "set REFKIT_MAX_HTML_MB to raise it)", path=path,
            )
    # a big page makes millions of small acyclic objects (tree proxies, spans,
    # statistics); the cyclic collector rescanning them all costs a third of the
    # time and frees nothing, so it pauses while the page is read
    from ..extraction.authors import forget as forget_lists
    from ..extraction.confidence import forget

    paused = gc.isenabled()
    gc.disable()
    forget()
    forget_lists()
    try:
        root = _parse(text)
        # the source is not read again once parsed: a page another reader rendered for this
        # call (Markdown's HTML is twice its size) is freed before the items are read
        del text
        return _read(root, path, source)
    finally:
        forget()  # the judgements and author lists memoised for this document
        forget_lists()
        if paused:
            gc.enable()


def _parse(text: str) -> Any:
    """The page's element tree, or None when there is no page (blank, binary, unparseable)."""
    from ..extraction import html_segments as hs

    if not text or not text.strip() or "\x00" in text[:8192]:
        return None
    return hs.parse_html(text)


def _read(root: Any, path: str | None, source: str = "html") -> Library:
    from ..extraction import structured

    if root is None:
        return Library(source=path)

    article = structured.meta_entry(root, path)
    if article is None:
        return _read_page(root, path, source)
    # the meta tags say the page is one article; a site template may put them on every page,
    # a publication list included, and then they describe the page itself
    library = _read_page(root, path, source)
    if _lists_own_works(article, library):
        return library
    return Library.from_entries(_unique_keys([article]), source=path)


def _lists_own_works(article: Entry, library: Library) -> bool:
    """The page lists works of the person its meta tags name as the article's author: at least
    :data:`FEW` entries, most of them by that person. A publication list of the page's owner is
    so; an article page's reference list is not (it rarely cites its own author in most items)."""
    if len(library.entries) < FEW:
        return False
    authors = article.names("author")
    owner = _fold(authors[0].family) if len(authors) == 1 else ""
    if not owner:
        return False
    own = sum(any(_fold(n.family) == owner for n in e.names("author")) for e in library.entries)
    return 2 * own >= len(library.entries)


def _read_page(root: Any, path: str | None, source: str) -> Library:
    """The entries of the page's visible items (and its embedded data), read again more
    readily when the first reading finds (almost) nothing."""
    from ..extraction import html_segments as hs

    library = _read_items(root, hs.page_items(root, path), path, source)
    if len(library.entries) < FEW:
        # (almost) nothing found: papers may be repeated blocks without years (paragraphs,
        # divs) that only their evidence shows to be citations; read the page so, and keep
        # that reading when it finds clearly more
        relaxed = _read_items(root, hs.page_items(root, path, relaxed=True), path, source, trusting=True)
        if len(relaxed.entries) >= max(2, 2 * len(library.entries)):
            return relaxed
        # or when it finds more and loses none: what the first reading found, it finds too
        titles = {e.fields.get("title") for e in relaxed.entries}
        if len(relaxed.entries) > len(library.entries) and all(e.fields.get("title") in titles for e in library.entries):
            return relaxed
        if not library.entries and not relaxed.entries:
            # nothing at all: the papers may be where no item is looked for, in headings at the
            # level of the sections or in preformatted blocks (:mod:`..extraction.html_unread`)
            from ..extraction.html_unread import linked_works, unread_items

            unread = unread_items(root, path)
            if unread:
                last = _read_items(root, unread, path, source, trusting=True)
                if last.entries:
                    return last
            # or a reading list: works shown as their linked titles alone
            works = linked_works(root, path)
            if works:
                return _read_items(root, works, path, source, trusting=True, works=True)
    return library


#: a page reading fewer entries than this is read again with relaxed item finding
FEW = 3


def _read_items(root: Any, items: list[Any], path: str | None, source: str, trusting: bool = False,
                works: bool = False) -> Library:
    """The entries of the page ``root`` from its ``items`` (:func:`html_segments.page_items`),
    its embedded BibTeX, COinS and JSON-LD. ``trusting`` (a page that gave almost nothing
    otherwise): an item of a sibling group that reads as a publication list
    (:func:`fallback.listed`) is parsed as under a publications heading when it is no
    citation read otherwise (no year, no known venue: "[Title](pdf) (with A. Doe), Journal").
    ``works``: the items are works shown as their linked titles alone
    (:func:`~refkit.extraction.html_unread.linked_works`); one the parser reads as nothing is
    its title, with what its link says (a DOI, a URL)."""
    from ..extraction import structured

    problems: list[Problem] = []
    if len(items) > MAX_ITEMS:
        problems.append(Problem(
            "RK190", f"the page lists {len(items)} items; only the first {MAX_ITEMS} were read",
            Location(path, items[MAX_ITEMS].segment.location.line), severity="warning",
        ))
        items = items[:MAX_ITEMS]
    bibtex = list(structured.bibtex_entries(root, path))
    coins = list(structured.coins_entries(root, path))
    owner = _item_owner(items) if bibtex or coins else (lambda el: -1)
    bib_in: dict[int, list[Entry]] = {}
    page_level: list[tuple[int, Entry]] = []  # (line, entry)
    for el, entry in bibtex:
        i = owner(el)
        if i >= 0:
            bib_in.setdefault(i, []).append(entry)
        else:
            page_level.append((el.sourceline or 0, entry))
    coins_in: dict[int, list[Entry]] = {}
    for el, entry in coins:
        i = owner(el)
        if i >= 0:
            coins_in.setdefault(i, []).append(entry)
        else:
            page_level.append((el.sourceline or 0, entry))
    for entry in structured.jsonld_entries(root, path):
        page_level.append((entry.location.line or 0, entry))

    # sort keys: items keep page order (their lines made non-decreasing, as
    # items cut from one paragraph share its line); page-level data goes by line
    found: list[tuple[tuple[int, int, int], Entry]] = []
    line_of: list[int] = []
    for item in items:
        line_of.append(max(item.segment.location.line or 0, line_of[-1] if line_of else 0))
    exact: set[int] = set()  # indices in found that came from structured data
    segmented: dict[tuple[int, int, int], Judged] = {}  # how each item was cut, for its confidence
    rendered: dict[tuple[int, int, int], tuple[str, tuple[str, ...]]] = {}  # what a reader sees of each item
    talks = talk_items([(item.section, item.segment) for item in items])
    told: dict[tuple[int, tuple[str, ...]], int] = {}  # per list, its members told apart as talks, grants...
    for i in talks:
        told[_siblings(items[i])] = told.get(_siblings(items[i]), 0) + 1
    cited = _cited_in_profile(items)
    weak = {i for i, item in enumerate(items) if item.section is None and not item.titled and not looks_like_citation(item.segment)}
    # under no telling heading, an item whose siblings show the list is one of papers is read
    # even when it shows too little itself (worked out only when some item is that weak)
    parse = _parser()
    early: dict[int, tuple[Entry | None, int]] = {}  # items the list test read: (entry, warnings it added)

    def whole(i: int) -> bool:
        """Does the parser read item ``i`` as a whole citation (a title of three words or more,
        authors, and a year or a venue)? Kept, so the item is not parsed again below."""
        if parse is None or not items[i].segment.spans:
            return False
        warned = len(problems)
        entry = read_item(parse, items[i].segment, problems, source=source, section=items[i].section)
        early[i] = entry, len(problems) - warned
        return entry is not None and len((entry.get("title") or "").split()) >= 3 and bool(entry.get("author")) \
            and bool(entry.get("year") or entry.get("journal") or entry.get("booktitle"))

    listed = fallback.listed([(item.section, item.segment, _siblings(item)) for item in items],
                             reads=whole) if weak or trusting else set()
    # each item is let go once it is used (its segmentation judged at once, for the assessment):
    # the items' spans took as much memory as the entries made from them. Items are read first,
    # all of them, so that each list's template (:func:`_follow_templates`) sees its siblings
    held: list[Any] = list(items)
    del items
    wanted: list[int] = []  # the items read as citations, in page order
    failed: set[int] = set()
    read: dict[int, Entry | None] = {}
    for i, item in enumerate(held):
        seg = item.segment
        if item.section == "other" and i not in cited and not is_published(seg):
            held[i] = None
            continue
        own = bib_in.get(i) or coins_in.get(i) or []
        if not own and (is_boilerplate(seg) or is_note(seg) or i in weak and i not in listed
                        or item.odd and not looks_like_citation(seg, minimum=2)
                        or i in talks or is_ongoing(seg)):
            held[i] = None
            continue
        wanted.append(i)
        if len(own) <= 1 and parse is not None and seg.spans:
            warned = len(problems)
            if i in early:  # read already (the list test above): the same reading, its warnings counted as this one's
                visible, added = early.pop(i)
                warned -= added
            else:
                visible = read_item(parse, seg, problems, source=source, section=item.section)
            if visible is None and (trusting and i in listed or item.titled and item.section in (None, "pub")) and len(problems) == warned:
                visible = read_item(parse, seg, problems, source=source, section="pub", titled=item.titled)
            if visible is None and works and item.titled and len(problems) == warned:
                visible = _linked_work(seg)
            plain = seg.without_uniform_emphasis()
            if plain is not None and len(problems) == warned:
                # all of it bold or italic (a citation written as a heading): that emphasis marks
                # no part of it; the reading without it is kept unless the other is less doubtful
                # (an item read as no citation with it becomes one only when read without a doubt)
                other = read_item(parse, plain, problems, source=source, section=item.section)
                if visible is not None or settled(other):
                    visible = _less_doubtful(other, visible)
            below = citation_below(seg) if visible is not None and len(problems) == warned else None
            if below is not None:
                # a heading over the card's whole citation: a caption (a translated title) when
                # the citation's own title is the one in the script of its names and venue
                other = read_item(parse, below, problems, source=source, section=item.section)
                if caption_over(visible, other, below.text):
                    visible = other
            bare = without_section_lines(seg, visible.get("title")) if visible is not None and len(problems) == warned else None
            if bare is not None:
                # a section heading swept into its only card and read as the title: the card's
                # citation is in its other lines
                other = read_item(parse, bare, problems, source=source, section=item.section)
                if other is not None and other.get("title") and not names_section(other.get("title") or ""):
                    visible = other
            read[i] = visible
            if len(problems) != warned:
                failed.add(i)  # its reading raised: warned once, not read again
    if parse is not None:
        for i in _undated_members(held, read, failed):
            # one of a publication list's papers that prints no date and no known venue (in
            # preparation, a chapter, a report): the list it stands in says it is a paper
            again = read_item(parse, held[i].segment, problems, source=source, section="pub", titled=True)
            if again is not None and len((again.get("title") or "").split()) >= 3:  # a title as titles run
                read[i] = again
        _follow_templates(held, read, parse, problems, source)
        for i in _bare_dated_lines(held, read, told):
            read[i] = None
    for i in wanted:
        item, held[i] = held[i], None
        seg = item.segment
        own = bib_in.get(i) or coins_in.get(i) or []
        if len(own) > 1:  # one block of several entries (or items run together): exact data wins
            exact.update(range(len(found), len(found) + len(own)))
            found.extend(((line_of[i], 0, i), e) for e in own)
            continue
        links = entry_links(seg.links, seg.text_before_links())
        visible = read.get(i)
        if own:
            entry = _merge_structured(own[0], visible, links)
            exact.add(len(found))
        elif visible is not None:
            entry = _with_links(_verbatim(_heading_venue(visible, seg.headings)), links)
        else:
            continue
        segmented[(line_of[i], 0, i)] = judge(Segmentation(seg, item.section, item.odd))
        rendered[(line_of[i], 0, i)] = _rendering(seg)
        found.append(((line_of[i], 0, i), entry))

    # structured data outside the items: merge into a matching item, else add
    folds: dict[str, str] = {}
    by_title = {_fold_title(e, folds): n for n, (_, e) in enumerate(found) if _fold_title(e, folds)}
    for k, (line, entry) in enumerate(page_level):
        t = _fold_title(entry, folds)
        if not t:
            continue
        n = by_title.get(t)
        if n is not None:
            if n not in exact:
                pos, visible = found[n]
                found[n] = (pos, _merge_structured(entry, visible, {}))
                exact.add(n)
            continue
        by_title[t] = len(found)
        exact.add(len(found))
        found.append(((line, 1, k), entry))
    found.sort(key=lambda pair: pair[0])

    renders = [rendered.get(pos) for pos, _ in found]
    entries = in_list(_unique_keys(_dedupe(strip_title_labels(repeat_authors([assess(e, segmented.get(pos)) for pos, e in found])), folds,
                                           renders)))
    library = Library.from_entries(entries, source=path)
    library.problems.extend(problems)
    return library


def _linked_work(segment: Segment) -> Entry:
    """A work shown as nothing but its linked title: that title (its link gives the rest)."""
    from ..model import Origin

    title = " ".join(segment.text.split()).strip(" .;,")
    return Entry("misc", "", {"title": title}, {"title": _PROV}, Origin(segment.location, segment.text))


#: the fields a venue is read into
_VENUE_FIELDS = ("journal", "booktitle")


def _heading_venue(entry: Entry, headings: tuple[str, ...]) -> Entry:
    """The entry with the periodical its heading names as its venue ("Journal Kairos
    (2015-2018)" over columns that show only an issue and a date) when it shows none of
    its own, or only a date where a venue was read ("dec-janv"): a list of pieces for one
    periodical names it once, above them."""
    shown = [f for f in _VENUE_FIELDS if entry.get(f)]
    if shown and not all(is_date_text(entry.get(f) or "") for f in shown) or any(f in entry for f in ("publisher", "school", "howpublished")):
        return entry
    venue = heading_venue(headings) if headings else None
    if venue is None:
        return entry
    return entry.with_fields(journal=venue, booktitle=None)


def _cited_in_profile(items: list[Any]) -> set[int]:
    """The items under a section that describes the person ("Research Interests", "About",
    a research statement: :func:`describes_person`) that are the person's works cited there.
    Such a section lists no works of another kind (as talks or teaching do), so its items
    that read as printed works (:func:`is_cited_work`) are papers; and where at least two
    items of one such section do, the section's other items that read like a citation
    (a book with its publisher and year, no pages) are papers too: the section's own
    repeated structure shows what its items are."""
    groups: dict[tuple[str, ...], list[int]] = {}
    for i, item in enumerate(items):
        if item.section == "other" and describes_person(item.segment.headings):
            groups.setdefault(item.segment.headings[:1], []).append(i)
    cited: set[int] = set()
    for members in groups.values():
        printed = [i for i in members if is_cited_work(items[i].segment)]
        cited.update(printed)
        if len(printed) >= 2:
            cited.update(i for i in members if looks_like_citation(items[i].segment) and has_names(items[i].segment.text))
    return cited


def _lists(items: list[Any], read: dict[int, Entry | None]) -> dict[tuple[str | None, str], list[int]]:
    """The read items grouped into the page's lists: the items of one kind under one top
    heading, in page order (a page splits one list into an ``<ol>`` per year or kind)."""
    lists: dict[tuple[str | None, str], list[int]] = {}
    for i in read:
        seg = items[i].segment
        lists.setdefault((items[i].section, seg.headings[0] if seg.headings else ""), []).append(i)
    return lists


def _undated_members(items: list[Any], read: dict[int, Entry | None], failed: set[int]) -> list[int]:
    """The items of a publication list that were read as no citation but are its papers by
    the list's evidence: a list (the items under one top heading, as
    :func:`_lists` groups them) under a heading naming publications or under no
    telling heading, most of whose members read as citations, two at least; and the item
    itself shows who or what (person names or a title-like run: quoted, styled, linked or
    classed as a title), is no sentence and no news. The parser rejects such an item for
    printing no date and no venue it knows ("Title, with J. Doe" under "Preprints", a chapter
    or report in quotes, "Title *Revue d'économie*, 92 (2016)"); the document's structure
    says what the item alone does not. Items whose reading raised (``failed``) are not read
    again."""
    out: list[int] = []
    for (section, _), members in _lists(items, read).items():
        if section not in ("pub", None):
            continue
        missing = [i for i in members if read[i] is None]
        if not missing or len(members) - len(missing) < 2 or 2 * len(missing) > len(members):
            continue
        for i in missing:
            if i in failed:
                continue
            seg = items[i].segment
            ev = segment_evidence(seg)
            if (ev.names or ev.title) and not ev.prose and not is_news(seg.text):
                out.append(i)
    return out


def _bare_dated_lines(items: list[Any], read: dict[int, Entry | None],
                      told: Mapping[tuple[int, tuple[str, ...]], int]) -> list[int]:
    """The items read as entries that are dated lines of another kind beside or among a
    document's papers (an award "Best Paper Award, CVPR 2020", a committee "Reviewer: NeurIPS
    2021", a grant or release): where most of the document's entries show person names, an
    entry with a year and no names, a title half as long as the named entries' titles or
    shorter, whose item shows no title-like run (quoted, styled, linked) and no identifier
    is no paper when such items are a third or more of their list
    (the items sharing a parent element and headings, :func:`_siblings`): a list of papers
    keeps its odd member (a sole-authored paper without its owner's name), a list of other
    things or one mixing them in is split by the shape of its members. ``told``: per list, its
    members already told apart as talks, patents, grants or media (:func:`talk_items`), which
    count among its other things, as do its members read as no citation at all."""
    entries = {i: e for i, e in read.items() if e is not None}
    named = [len((e.get("title") or "").split()) for e in entries.values() if e.get("author")]
    if len(entries) < 4 or 2 * len(named) < len(entries):
        return []
    short = statistics.median(named) / 2  # a paper's title is no shorter than half the list's titles
    lists: dict[tuple[int, tuple[str, ...]], list[int]] = {}
    for i in read:
        lists.setdefault(_siblings(items[i]), []).append(i)
    out: list[int] = []
    for key, members in lists.items():
        bare = [i for i in members if i in entries and len((entries[i].get("title") or "").split()) <= short
                and _bare_dated(entries[i], items[i].segment)]
        other = len(bare) + told.get(key, 0) + sum(1 for i in members if i not in entries)
        if bare and 3 * other >= len(members) + told.get(key, 0):
            out.extend(bare)
    return out


def _bare_dated(entry: Entry, segment: Segment) -> bool:
    """Is an entry a dated line with no names and nothing of a paper's shape: a year, no
    authors or editors read, no identifier, publisher, pages or volume, and its item shows no title-like run (capitalised words such
    as "Outstanding Reviewer Award" pass for names in the item's evidence, so the reading
    decides who is named)?"""
    if not entry.get("year") or any(entry.get(f) for f in ("author", "editor", "doi", "eprint", "publisher", "pages", "volume")):
        return False  # names, editors, an identifier, a publisher or a locator: a work's shape
    ev = segment_evidence(segment)
    return not (ev.title or ev.identifier)


def _less_doubtful(first: Entry | None, second: Entry | None) -> Entry | None:
    """Of two readings of one item, the one with fewer field doubts (the first on a tie)."""
    if first is None or second is None:
        return first or second
    return second if field_penalty(second) < field_penalty(first) else first


def _siblings(item: Any) -> tuple[int, tuple[str, ...]]:
    """What the siblings of one list share: the element their parts are cut from, and their
    headings. Under a year heading, the headings above it alone: a list split by year
    (``<h3>2021</h3><ul>…</ul><h3>2020</h3><ul>…</ul>``) is one list of one kind of thing,
    each year a list element of its own."""
    headings = item.segment.headings
    if headings and YEAR_ONLY.match(headings[-1]):
        return -1, headings[:-1]
    parent = item.parts[0][0] if item.parts else None
    return id(parent), headings


def _follow_templates(items: list[Any], read: dict[int, Entry | None], parse: Callable[..., Entry | None],
                      problems: list[Problem], source: str) -> None:
    """Re-read, in ``read``, the items whose title is not in the markup the list's roles give
    the title (:mod:`refkit.extraction.roles`), then those that misfit their list's template
    (:mod:`refkit.extraction.template`), then those whose title ends in a venue's name
    (:mod:`refkit.extraction.venue_tails`). A list is the items under one top heading
    ("Publications", whatever sub-headings by year or kind split it into), in page
    order: pages split one list into an ``<ol>`` per year, and a sub-list of two items
    shows no majority. With ``--tagger hybrid``, items whose title is far shorter or
    longer than the list's titles are then read by the tagger too
    (:func:`refkit.extraction.hybrid.revisit`)."""
    from ..extraction.citation import TAGGER
    from ..extraction.hybrid import revisit
    from ..extraction.plain_template import refine as refine_plain
    from ..extraction.roles import refine as refine_roles
    from ..extraction.template import refine
    from ..extraction.venue_tails import refine as refine_tails

    hybrid = TAGGER.get() == "hybrid"
    for members in _lists(items, read).values():
        def reread(k: int, hints: dict[str, tuple[int, int]], members: list[int] = members) -> Entry | None:
            item = items[members[k]]
            return read_item(parse, item.segment, problems, source=source, section=item.section, hints=hints)

        def tagged(k: int, members: list[int] = members) -> Entry | None:
            item = items[members[k]]
            return read_item(parse, item.segment, problems, source=source, section=item.section, tagger="crf")

        segments = [items[i].segment for i in members]
        entries = refine_roles(segments, [read[i] for i in members], reread)
        entries = refine_plain(segments, refine(segments, entries, reread), reread)
        entries = refine_tails(segments, entries, reread)
        if hybrid:  # titles off the list's own measure: the tagger is asked too
            entries = revisit(segments, entries, tagged)
        for i, entry in zip(members, entries):
            read[i] = entry


def _item_owner(items: list[Any]) -> Callable[[Any], int]:
    """For an element, the index of the last item whose subtree holds it (-1: none).

    The elements the items' parts cover directly are indexed; an element's owner is
    found among its ancestors. (Indexing every element of every item, as
    :meth:`PageItem.subtree` walks them, cost 6% of reading a page with hidden BibTeX.)"""
    top: dict[Any, int] = {}  # a child element an item's part covers -> the last such item
    children: dict[Any, list[Any]] = {}  # parent -> its children (lxml's parent[j] walks j siblings)
    for i, item in enumerate(items):
        for parent, a, b in item.parts:
            kids = children.get(parent)
            if kids is None:
                kids = children[parent] = list(parent)
            for slot in range(a | 1, b, 2):  # odd slots are child elements
                top[kids[(slot - 1) // 2]] = i

    def owner(el: Any) -> int:
        found = -1
        while el is not None:
            found = max(found, top.get(el, -1))
            el = el.getparent()
        return found

    return owner


def _rendering(segment: Segment) -> tuple[str, tuple[str, ...]]:
    """What a reader sees of an item: its text and the headings over it."""
    return " ".join(segment.text.split()), tuple(segment.headings)


def _dedupe(entries: list[Entry], folds: dict[str, str],
            renders: Sequence[tuple[str, tuple[str, ...]] | None]) -> list[Entry]:
    """One entry per work shown once: the same item rendered twice by the page's template
    (the same text under the same headings: a desktop and a mobile copy of a list) gives one
    entry, the first, completed with the other's fields; so does an item repeated by data
    read beside the visible items, and a mention of a listed paper that does not show its
    authors (a talk on it, an award for it). A paper the page LISTS twice with its authors
    (featured cards and the full list, under two people) is two entries, as a reader sees
    it twice (the gold conventions: "a paper listed twice gives two entries"). Same title in
    different years or in different containers stays two."""
    out: list[Entry] = []
    kept: list[int] = []  # the index in ``entries`` of each entry of ``out``
    seen: dict[str, list[int]] = {}
    for i, entry in enumerate(entries):
        t = _fold_title(entry, folds)
        match = None
        for n in seen.get(t, []) if t else []:
            a, b = out[n].date.year, entry.date.year
            if (a is None or b is None or a == b) and not _other_container(out[n], entry) \
                    and not (_listed_twice(renders, kept[n], i) and _families(out[n]) == _families(entry)):
                match = n
                break
        if match is None:
            if t:
                seen.setdefault(t, []).append(len(out))
            out.append(entry)
            kept.append(i)
            continue
        first = out[match]
        add = {k: v for k, v in entry.fields.items() if k not in first.fields}
        if add:
            out[match] = first.with_fields(entry.provenance.get(next(iter(add))) or _PROV, **add)
    return out


def _listed_twice(renders: Sequence[tuple[str, tuple[str, ...]] | None], first: int, second: int) -> bool:
    """Do two items with one title show differently (other text, or under other headings):
    the page lists the paper twice, and a reader sees it twice? (Data read beside the visible
    items has no rendering: it is never listed.)"""
    a, b = renders[first], renders[second]
    return a is not None and b is not None and a != b


def _families(entry: Entry) -> list[str]:
    """The entry's authors' family names, folded: a paper listed twice shows the same
    authors; the same title without them (a talk on it, an award for it) is a mention."""
    return [_fold(name.family or name.literal) for name in entry.names("author")]


def _container(entry: Entry) -> str:
    """Where the entry says it appeared, folded: its journal, proceedings or other container,
    else the institution or publisher that issued it (a thesis, a report, a book)."""
    for name in _CONTAINER + ("school", "institution", "publisher"):
        value = entry.fields.get(name)
        if value:
            return _fold(value)
    return ""


def _other_container(first: Entry, second: Entry) -> bool:
    """Do two listings of one title name two different containers (neither name holds the
    other: "Nucleic Acids Res" and "Nucleic Acids Research" are one)? Then they are two
    works: the same paper printed twice, as a conference paper and a journal article."""
    a, b = _container(first), _container(second)
    if not a or not b:
        return False
    a, b = f" {a} ", f" {b} "
    return a not in b and b not in a


def _unique_keys(entries: list[Entry]) -> list[Entry]:
    """Every entry a key of its own: an embedded BibTeX key used twice on the
    page, or no key at all, gets one from :func:`refkit.transforms.keys.assign_keys`."""
    from dataclasses import replace

    from ..transforms.keys import assign_keys

    seen: set[str] = set()
    keyed = []
    for entry in entries:
        if entry.key.lower() in seen:
            entry = replace(entry, key="")
        seen.add(entry.key.lower())
        keyed.append(entry)
    library, _ = assign_keys(Library.from_entries(keyed))
    return library.entries
