"""Step 1, *harvest*: identifiers (DOI, arXiv, PMID, PMCID, ISBN, OpenReview) and
labelled links (pdf, code, project …) read from link targets and from the text; the text they
occupied is blanked, so the later steps see only the citation itself.
"""

from __future__ import annotations

import re

from ... import ids
from ..link_labels import LABEL_WORDS, link_field
from ..segment import Segment

from .vocabulary import _leading, _URL
from .work import _Work, _flag_runs


_BRACKET_LABEL = re.compile(rf"[\[(]\s*(?:{LABEL_WORDS})\s*[\])]", re.I)

_CLOSER = {"[": "]", "(": ")"}
#: a DOI written in the text: bare, after "doi:"/"DOI", after a resolver written without its
#: scheme ("doi: doi.org/10.…", "dx.doi.org/10.…") or after "doi/" ("doi/10.5281/zenodo.…")
_TEXT_DOI = re.compile(
    r"(?:\bdoi(?:\s*[:：])?\s*)?(?:(?<![\w/.])(?:dx\.|www\.)?doi\.org/|(?<![\w/.])doi/|(?<![\w/.]))10\.\d{4,9}/[^\s\"<>{}]{1,300}",
    re.I,
)
_TEXT_ARXIV = _leading(
    "a",
    r"\b(?:arxiv\s*(?:preprint\s*)?(?::|\s)\s*|abs/)((?:\d{4}\.\d{4,5})|(?:[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?/\d{7}))(v\d+)?(?:\s*\[([a-z\-]+(?:\.[A-Za-z\-]+)?)\])?",
    re.I,
)
_TEXT_PMID = re.compile(r"\bPMID\s*[:：]?\s*(\d{1,9})\b", re.I)
_TEXT_PMCID = _leading("p", r"\bPMCID\s*[:：]?\s*(PMC\d+)\b", re.I)
_TEXT_ISBN = _leading("i", r"\bISBN(?:-1[03])?\s*[:：]?\s*((?:97[89][\s-]?)?(?:\d[\s-]?){9}[\dXx])", re.I)

# Step 1, URLs and arXiv ids in the text: a link's start, the label before it
# ("DOI:", "available at"), and "arXiv preprint" words kept as the venue.
_URL_START = re.compile(r"(?:https?:)?//|www\.", re.I)
# the rest of a bracketed link's label after its URL, up to the closing bracket
_LINK_LABEL_CLOSE = re.compile(r"\s[^\[\]\n]{1,300}\]")
_URL_LABEL = re.compile(r"\b(?:doi|url|available|online|at)\s*[:：]?\s*$", re.I)
_ARXIV_PREPRINT = re.compile(r"arxiv\s*preprint", re.I)
_ARXIV_WORD = re.compile(r"arxiv", re.I)
_TRAILING_ARXIV_PREPRINT = re.compile(r"arxiv\s*(?:preprint)?\s*$", re.I)


def _take_doi(work: _Work, doi: str, at: int) -> None:
    """Keep ``doi`` as the item's when it is the first DOI the item shows (in reading order:
    a DOI written in the text before a link wins over the DOI the link carries), or when it
    completes the one kept: a DOI cut short where it is shown ("10.1007/978-3- 662-…" broken
    by a line, "10.20983/noesis.2019.2." as a link's text) is the start of the whole one."""
    kept = work.found.get("doi")
    if kept is not None and doi.lower().startswith(kept.lower()) != kept.lower().startswith(doi.lower()):
        if len(doi) > len(kept):
            work.found["doi"] = doi
        work.doi_at = min(at, work.doi_at)
        return
    if kept is None or at < work.doi_at:
        work.found["doi"] = doi
        work.doi_at = at


#: a link target that is a DOI written without a web address: "doi:10.…", "doi.org/10.…", "10.…/…"
_BARE_DOI_LINK = re.compile(r"(?:doi\s*:|(?:dx\.)?doi\.org/|10\.\d{4,9}/)", re.I)


def _harvest_url(work: _Work, url: str, label: str = "", before: str = "", at: int = 1 << 30) -> None:
    url = url.strip()
    if not _URL_START.match(url):
        if _BARE_DOI_LINK.match(url) and not ids.is_data_label(label) and not ids.is_data_context(before):
            doi = ids.doi_from_url(url)
            if doi and not ids.parse_arxiv(doi):
                _take_doi(work, doi, at)
        return
    if url.startswith("www."):
        url = "https://" + url
    doi = ids.doi_from_url(url)
    arx = ids.arxiv_from_link(url, label) if ("arxiv" in url.lower() or doi) else None
    if arx:
        work.found.setdefault("eprint", arx.id)
    taken = bool(doi) and not ids.is_data_context(before) and not ids.is_data_label(label)
    if doi and taken:
        _take_doi(work, doi, at)  # an arXiv DOI link (doi.org/10.48550/arXiv.…) gives the DOI it shows too
    pmid = ids.find_pmid(url)
    if pmid:
        work.found.setdefault("pmid", pmid)
    orv = ids.find_openreview(url)
    if orv:
        work.found.setdefault("openreview", orv)
    fieldname = link_field(" ".join(label.split()), url)
    if fieldname == "html" and taken and ids.is_resolver_url(url):
        return  # a doi.org link is the DOI, not a page
    if fieldname:
        work.links.setdefault(fieldname, url)


def _harvest(work: _Work, segment: Segment) -> None:
    before = segment.text_before_links()
    shown_at: dict[str, int] = {}  # where each link's text starts in the item
    for span, start in zip(segment.spans, work.starts):
        if span.link and span.text.strip():
            shown_at.setdefault(span.link, start)
    for link in segment.links:
        _harvest_url(work, link.url, link.label, before.get(link.url, ""), shown_at.get(link.url, len(work.chars)))
    for start, end in _flag_runs(work.labels):  # each run of link-label characters blanked at once
        work.blank(start, end)
    text = work.text
    low = text.lower()
    for m in _URL.finditer(text) if ("http" in low or "www." in low) else ():
        url = m.group(0).rstrip(".,;)")
        _harvest_url(work, url, at=m.start())
        label = _URL_LABEL.search(text[max(0, m.start() - 20):m.start()])
        work.blank(m.start() - (len(label.group(0)) if label else 0), m.start() + len(url))
        close = _LINK_LABEL_CLOSE.match(text, m.start() + len(url)) if text[m.start() - 1:m.start()] == "[" else None
        if close:
            # "[https://… "Title"]", "[https://… Title]": the link syntax of jemdoc and MediaWiki,
            # its label the text shown; the brackets are markup, not the item's
            work.blank(m.start() - 1, m.start())
            work.blank(close.end() - 1, close.end())
    text = work.text
    for m in _TEXT_ARXIV.finditer(text) if ("arxiv" in low or "abs/" in low) else ():
        arx = ids.parse_arxiv(m.group(1))
        if arx:
            work.found.setdefault("eprint", arx.id)
            if m.group(3) and "eprint" in work.found and work.found["eprint"] == arx.id:
                work.found.setdefault("primaryclass", m.group(3))
        # keep "arXiv preprint" words as the displayed venue: blank only the id part
        id_start = m.start(1)
        prefix = text[m.start():id_start]
        if _ARXIV_PREPRINT.match(prefix):
            work.blank(m.start() + len(_ARXIV_PREPRINT.match(prefix).group(0)), m.end())  # type: ignore[union-attr]
        elif _ARXIV_WORD.match(prefix) and not _TRAILING_ARXIV_PREPRINT.search(text[:m.start()]):
            work.blank(m.start() + 5, m.end())
        else:
            work.blank(m.start(), m.end())
    text = work.text
    for m in _TEXT_DOI.finditer(text) if "10." in text else ():
        doi = ids.find_doi(m.group(0))
        if doi:
            arx = ids.parse_arxiv(doi)
            if arx:
                work.found.setdefault("eprint", arx.id)
            if not ids.is_data_context(text[max(0, m.start() - 60):m.start()]):
                _take_doi(work, doi, m.start())
            # a DOI in brackets ("[10.1016/…]", as a text export writes a link) takes its
            # brackets along: a lone "[" left would end the venue
            start = m.start() - 1 if m.start() > 0 and _CLOSER.get(text[m.start() - 1]) == text[m.end() - 1] else m.start()
            work.blank(start, m.end())
    text = work.text
    for pattern, name in ((_TEXT_PMID, "pmid"), (_TEXT_PMCID, "pmcid"), (_TEXT_ISBN, "isbn")):
        if name not in low:
            continue
        for m in pattern.finditer(text):
            value = m.group(1)
            if name == "isbn":
                value = ids.normalize_isbn(value) or ""
            if value:
                work.found.setdefault(name, value)
                work.blank(m.start(), m.end())
    text = work.text
    if "eprint" not in work.found and "arxiv" in low:
        arx = ids.find_arxiv(text)
        if arx:
            work.found["eprint"] = arx.id
    text = work.text
    for m in _BRACKET_LABEL.finditer(text) if ("[" in text or "(" in text) else ():
        work.blank(m.start(), m.end())
