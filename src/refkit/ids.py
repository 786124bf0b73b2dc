"""Find and normalize identifiers — DOI, arXiv, ISBN, PubMed, OpenReview — in
text and URLs. Pure functions on strings; every reader, check and resolver uses
these, so one definition of "a valid DOI" holds everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote

__all__ = [
    "ArxivId",
    "normalize_doi",
    "find_doi",
    "doi_from_url",
    "is_resolver_url",
    "clean_doi",
    "is_doi",
    "parse_arxiv",
    "find_arxiv",
    "arxiv_from_link",
    "is_data_context",
    "is_data_label",
    "is_isbn",
    "normalize_isbn",
    "find_pmid",
    "find_openreview",
]

# ---- DOI ---------------------------------------------------------------------------
# Crossref's recommended pattern, widened to the characters DOIs really use; the
# suffix ends before whitespace (the invisible kinds too: a zero-width space or joiner that a
# page pasted after its link, or a byte-order mark, is no DOI character), quotes, angle
# brackets and closing punctuation.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_DOI_CORE = rf"10\.\d{{4,9}}/[^\s\"'<>{{}}{_INVISIBLE}]+"
_DOI_RE = re.compile(_DOI_CORE, re.I)
_DOI_PREFIX = re.compile(
    r"^\s*(?:(?:https?://)?(?:dx\.|www\.)?doi\.org/|doi\s*:\s*|doi\s+|info:doi/|urn:doi:)",
    re.I,
)
_TRAILING = ".,;:)]}>'\"" + _INVISIBLE
#: a soft hyphen: where a page (or a hyphenator) allowed a long DOI to break; no DOI character
_SOFT_HYPHEN = "\u00ad"


def _trim(doi: str) -> str:
    doi = doi.rstrip(_TRAILING)
    # keep a closing parenthesis that closes one inside the DOI: 10.1016/0370-2693(91)90021-x
    while doi.count("(") > doi.count(")") and doi.endswith("("):
        doi = doi[:-1]
    return doi


def is_doi(text: str) -> bool:
    """True when ``text`` is exactly one DOI (no prefix, nothing around it)."""
    return bool(re.fullmatch(r"10\.\d{4,9}/\S+", text or ""))


def normalize_doi(text: str | None) -> str | None:
    """The bare DOI in ``text`` (resolver URL, ``doi:`` prefix, %-encoding removed),
    or None. Case is kept: DOIs are case-insensitive, and the user's spelling is theirs."""
    if not text:
        return None
    text = text.replace(_SOFT_HYPHEN, "")
    value = _DOI_PREFIX.sub("", _RESOLVER.sub("", text.strip(), count=1))
    if "%2f" in value.lower():
        value = unquote(value)
    m = _DOI_RE.match(value.strip())
    if not m:
        return None
    return _trim(m.group(0))


def find_doi(text: str) -> str | None:
    """The first DOI anywhere in ``text`` (a URL, a sentence), or None; publisher
    suffixes after it (``/full``, ``.pdf``, ``v1.abstract``, queries) removed."""
    if not text:
        return None
    text = text.replace(_SOFT_HYPHEN, "")
    if "%2f" in text.lower():
        text = unquote(text)
    m = _DOI_RE.search(text)
    if not m:
        return None
    return clean_doi(m.group(0))


# What publisher and preprint URLs append after the DOI they carry: a view
# (…/full, …/abstract, …/meta, …/pdf), a file extension, a bioRxiv/medRxiv
# version with its view (…v1.abstract, …v2.full.pdf), an encoded space.
_DOI_VIEW_SUFFIX = re.compile(
    r"(?:/(?:full|abstract|abs|pdf|epdf|pdfdirect|meta|html|summary|fulltext|full-text|references|figures|"
    r"citedby|suppl|supplemental|supplementary|reader|download)"
    r"|\.(?:pdf|html?|full|abstract|short|long|supplementary-material|full-text))/?$",
    re.I,
)
#: a bioRxiv/medRxiv version after the DOI: "10.1101/…v2", and the date-shaped suffix those
#: servers give under any prefix ("10.64898/2025.12.21.695630v1")
_PREPRINT_VERSION = re.compile(r"^(10\.1101/[^/]*?\d|10\.\d{4,9}/(?:19|20)\d\d\.[01]\d\.[0-3]\d\.\d{5,9})v\d{1,3}$", re.I)
_URL_TAIL = re.compile(r"[?#&]")


def clean_doi(doi: str) -> str:
    """``doi`` without what URLs and prose put after it: a query or fragment,
    ``%20``, publisher view suffixes, a bioRxiv/medRxiv version, closing punctuation."""
    cut = _URL_TAIL.search(doi)
    if cut:
        doi = doi[: cut.start()]
    if "%" in doi:
        doi = unquote(doi)
    doi = _trim(doi.strip())
    for _ in range(4):  # "…v2.full.pdf" has three suffixes
        shorter = _DOI_VIEW_SUFFIX.sub("", doi)
        shorter = _PREPRINT_VERSION.sub(r"\1", shorter)
        shorter = _trim(shorter)
        if shorter == doi:
            break
        doi = shorter
    return doi


# Where a URL literally carries a DOI: after a resolver host (doi.org, dx.doi.org,
# the publishers' own doi.acm.org, doi.wiley.com, a "doi%20.org" typo), as the path segment
# following one of the words publishers file articles under (…/doi/10.…,
# …/doi/full/10.…, …/article/10.…, …/articles/10.…, …/abstract/10.…, …/papers/10.…,
# …/document/10.…, …/content/10.…, …/chapter/10.…), or as a ``doi=``/``id=`` query
# value. Other URLs only imply a DOI (nature.com/articles/<suffix>, ScienceDirect
# pii, IEEE document numbers) or hold some other DOI (a badge image, an
# encyclopedia's DOI in a …/view/ path) and give none.
_RESOLVER_HOST = r"(?:https?://)?(?:dx\.|www\.)?doi(?:%20)?(?:\.[a-z0-9-]+){1,3}/"
_RESOLVER = re.compile(rf"^{_RESOLVER_HOST}(?=10\.)", re.I)
#: what a page's template put before a DOI it already wrote as a link or an identifier: a
#: resolver before a resolver ("https://doi.org/https://doi.org/10.…", a theme's DOI button fed a
#: full URL), a resolver before ``doi:`` ("https://doi.org/doi:10.…"), or a scheme before a bare
#: DOI or ``doi:`` ("https://10.5604/…", "https://doi:10.5194/…", a DOI typed where a URL goes)
_WRAPPED_DOI = re.compile(
    rf"^(?:{_RESOLVER_HOST}|https?://)(?=(?:https?(?::|%3a)(?://|%2f%2f)|(?:dx\.|www\.)?doi\.org/|doi\s*:|10\.\d{{4,9}}/))", re.I
)
#: a DOI that is the last part of a URL's path, on any host ("…/CN/10.11946/cjstp.202205240418", a
#: journal platform's article page): one path segment after the prefix, then the path ends (or a
#: view suffix ends it). A longer path is some other page's ("…/view/10.1093/acrefore/…/e-451")
_DOI_ENDS_PATH = re.compile(
    r"/(10\.\d{4,9}/[^/\s\"'<>{}?#]+?)(?:/(?:full|abstract|abs|pdf|epdf|html|meta|fulltext))?/?(?=[?#]|$)", re.I
)
#: an article id and a title slug a publisher platform writes after the DOI in its path
#: ("…/doi/10.1182/bloodadvances.2022007904/485419/identification-and-…"): no part of the DOI
_ARTICLE_ID_SLUG = re.compile(r"/\d{5,9}(?:/[a-z0-9]+(?:-[a-z0-9]+)+)?/?$", re.I)
_DOI_IN_PATH = re.compile(
    r"/(?:doi|abs|full|pdf|epdf|fulltext|reader|article|articles|abstract|chapter|book|referenceworkentry|"
    r"protocol|papers|document|content)/(10\.\d{4,9}(?:/|%2f)[^\s\"'<>{}]+)",
    re.I,
)
_IDENTIFIER_VALUE = re.compile(r"(?:doi\s*:|info:doi/|urn:doi:|10\.\d)", re.I)
_DOI_IN_QUERY = re.compile(r"[?&](?:doi|id)=(10\.\d{4,9}(?:/|%2f)[^\s&#\"'<>{}]+)", re.I)


def is_resolver_url(url: str) -> bool:
    """True for a DOI resolver link (``https://doi.org/10.…``, dx.doi.org, doi.acm.org):
    the link *is* the DOI, not a page about the work."""
    return bool(_RESOLVER.match(url.strip()))


@lru_cache(maxsize=1024)  # a page's link is asked about by several passes over its item (harvest, links, kind tests)
def doi_from_url(url: str | None) -> str | None:
    """The DOI a URL literally carries (resolver link, publisher path, ``doi=``/``id=``
    query), cleaned of publisher suffixes, or None. An identifier value written as
    ``doi:10.…``, ``info:doi/10.…`` or a bare ``10.…`` counts as a link to it."""
    if not url:
        return None
    url = url.strip().replace(_SOFT_HYPHEN, "")
    for _ in range(3):
        wrapped = _WRAPPED_DOI.match(url)
        if not wrapped:
            break
        url = url[wrapped.end():]
        if url[:8].lower().startswith("http%3a"):
            url = unquote(url)
    if _IDENTIFIER_VALUE.match(url):
        bare = normalize_doi(url)
        return clean_doi(bare) if bare else None
    m = _RESOLVER.match(url)
    if m:
        rest = url[m.end():]
        if "%2f" in rest[:20].lower():
            rest = unquote(rest)
        found = _DOI_RE.match(rest)
        return clean_doi(found.group(0)) if found else None
    low = url.lower()
    if "10." not in low or "/badge/" in low:
        return None
    found = _DOI_IN_PATH.search(url) or _DOI_IN_QUERY.search(url) or _DOI_ENDS_PATH.search(url)
    if not found:
        return None
    doi = clean_doi(found.group(1))
    shorter = _ARTICLE_ID_SLUG.sub("", doi)
    return shorter if shorter != doi and _DOI_RE.fullmatch(shorter) else doi


# A DOI given for a study's data, code or software ("Data and R code available
# from <figshare>", "Code: <zenodo badge>") rather than for the publication.
_DATA_CONTEXT = re.compile(
    r"\b(?:data(?:sets?)?|code|software|scripts?|materials?|replication\s+(?:files|package))"
    r"(?:\s+(?:and|&)\s+\w+(?:\s+code)?)?"
    r"(?:\s*[:：]|\s+(?:is\s+|are\s+)?(?:available|deposited|archived)(?:\s+(?:from|at|on|in))?)\s*$",
    re.I,
)


def is_data_context(text_before: str) -> bool:
    """True when the text right before a DOI or its link says it is the DOI of
    the work's data, code or software ("Data and R code available from", "Code:")."""
    return bool(_DATA_CONTEXT.search(text_before[-60:]))


#: a link labelled as the work's data, code or supplement rather than the work: "Data",
#: "Dataset", "Dados"/"Datos" (pt/es), "Données" (fr), "Daten"/"Datensatz" (de), "Code",
#: "Software", "Supplementary material", "Replication package"
_DATA_LABEL = re.compile(
    r"(?:data(?:\s*sets?)?|dados|datos|donn[ée]es|daten(?:satz)?|code|software|"
    r"supp(?:l(?:ement(?:ary|al)?)?)?\.?(?:\s+(?:materials?|information|data))?|"
    r"replication(?:\s+(?:files|package|data|materials?))?)",
    re.I,
)


def is_data_label(label: str) -> bool:
    """True when a link's whole text names the work's data, code or supplement ("Dados",
    "Dataset", "Code", "Supplementary material"): the DOI behind it is not the work's."""
    return bool(_DATA_LABEL.fullmatch(" ".join(label.strip(" []()|/:.,;").split())))


# ---- arXiv -----------------------------------------------------------------------
_ARXIV_NEW = r"(?P<new>(?:0[7-9]|[1-9]\d)(?:0[1-9]|1[0-2])\.\d{4,5})"
_ARXIV_OLD = r"(?P<old>(?:[a-z]+(?:-[a-z]+)*)(?:\.[A-Z]{2})?/\d{7})"
_ARXIV_VERSION = r"(?:v(?P<version>\d+))?"
_ARXIV_BARE = re.compile(rf"^(?:{_ARXIV_NEW}|{_ARXIV_OLD}){_ARXIV_VERSION}$")
_ARXIV_URL = re.compile(
    rf"arxiv\.org/(?:abs|pdf|html|format)/(?:{_ARXIV_NEW}|{_ARXIV_OLD}){_ARXIV_VERSION}", re.I
)
_ARXIV_DOI = re.compile(rf"10\.48550/arxiv\.(?:{_ARXIV_NEW}|{_ARXIV_OLD}){_ARXIV_VERSION}", re.I)
#: ``arXiv:id``, ``arXiv id``, ``arXiv preprint arXiv:id``, ``arxiv.org/id``. The blanks
#: around each separator are one run each: ``\s*(?:…|\s|…)\s*`` split one run three
#: ways, quadratic on "arXiv" before a long blank run (16,000 blanks: 5 s)
_ARXIV_WRITTEN = re.compile(
    rf"arxiv(?:\s*:\s*|\s+|\s*preprint\s+(?:arxiv\s*:\s*)?|\s*\.org\s*/\s*)(?:{_ARXIV_NEW}|{_ARXIV_OLD}){_ARXIV_VERSION}(?!\d)",
    re.I,
)


@dataclass(frozen=True)
class ArxivId:
    """An arXiv identifier: ``id`` without version (``2106.16028``,
    ``hep-th/9901001``) and the version number if one was given."""

    id: str
    version: int | None = None

    def __str__(self) -> str:
        return self.id if self.version is None else f"{self.id}v{self.version}"

    @property
    def old_style(self) -> bool:
        return "/" in self.id


def _arxiv_from_match(m: re.Match[str]) -> ArxivId:
    ident = m.group("new") or m.group("old")
    version = m.group("version")
    return ArxivId(ident, int(version) if version else None)


_ARXIV_LABEL = re.compile(r"^arxiv\s*:\s*", re.I)
_PDF_SUFFIX = re.compile(r"\.pdf$")


@lru_cache(maxsize=1024)  # as doi_from_url: a link's target is asked about by several passes (the result is frozen)
def parse_arxiv(text: str | None) -> ArxivId | None:
    """An arXiv id written as a bare id, ``arXiv:…``, an abs/pdf URL or an arXiv DOI."""
    if not text:
        return None
    value = text.strip()
    for pattern in (_ARXIV_URL, _ARXIV_DOI):
        m = pattern.search(value)
        if m:
            return _arxiv_from_match(m)
    value = _ARXIV_LABEL.sub("", value)
    value = _PDF_SUFFIX.sub("", value)
    m = _ARXIV_BARE.match(value)
    return _arxiv_from_match(m) if m else None


def arxiv_from_link(url: str, label: str = "") -> ArxivId | None:
    """The arXiv id of a link to arxiv.org (abs/pdf/html) or an arXiv DOI. When the
    link's text shows a longer valid id that the URL's id begins (text
    "arXiv:1507.01460" linking …/abs/1507.0146), the URL was truncated: the text wins."""
    found = parse_arxiv(url) if url else None
    if found is None:
        return None
    shown = find_arxiv(label, bare=True) if label else None
    if shown and shown.id != found.id and shown.id.startswith(found.id):
        return shown
    return found


def find_arxiv(text: str, *, bare: bool = False) -> ArxivId | None:
    """The first arXiv id in ``text``: an arxiv.org URL, an arXiv DOI, ``arXiv:id``
    or ``arXiv id``; with ``bare``, also a lone new-style id (``2106.16028``)."""
    if not text:
        return None
    for pattern in (_ARXIV_URL, _ARXIV_DOI):
        m = pattern.search(text)
        if m:
            return _arxiv_from_match(m)
    m = _ARXIV_WRITTEN.search(text)
    if m:
        return _arxiv_from_match(m)
    if bare:
        m = re.search(rf"(?<![\w./-]){_ARXIV_NEW}{_ARXIV_VERSION}(?![\d.]\d)", text)
        if m:
            return _arxiv_from_match(m)
    return None


# ---- ISBN / PubMed / OpenReview ---------------------------------------------------------
def normalize_isbn(text: str | None) -> str | None:
    """The ISBN digits (10 or 13, ``X`` kept) when the checksum is right, else None."""
    if not text:
        return None
    digits = re.sub(r"[\s-]", "", re.sub(r"^isbn(?:-1[03])?:?\s*", "", text.strip(), flags=re.I)).upper()
    return digits if is_isbn(digits) else None


def is_isbn(text: str) -> bool:
    """True when ``text`` (digits with optional hyphens/spaces) is a valid ISBN-10 or ISBN-13."""
    digits = re.sub(r"[\s-]", "", text or "").upper()
    if re.fullmatch(r"\d{9}[\dX]", digits):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        return total % 11 == 0
    if re.fullmatch(r"97[89]\d{10}", digits):
        total = sum((1 if i % 2 == 0 else 3) * int(c) for i, c in enumerate(digits))
        return total % 10 == 0
    return False


_PMID = re.compile(r"(?:pubmed\.ncbi\.nlm\.nih\.gov/|ncbi\.nlm\.nih\.gov/pubmed/|\bPMID:?\s*)(\d{1,9})\b", re.I)
_OPENREVIEW = re.compile(r"openreview\.net/(?:forum|pdf)\?id=([A-Za-z0-9_\-]+)", re.I)


#: the letters an IGNORECASE pattern takes for ASCII "i" and "s" that ``str.lower`` does not lower to them
_ODD_CASE = ("\u0130", "\u0131", "\u017f")


def find_pmid(text: str) -> str | None:
    """A PubMed id from a PubMed URL or ``PMID: 123`` text. (Every match shows "ncbi" or
    "pmid": a text that shows neither, lower-cased, is not searched; asked of every link.)"""
    text = text or ""
    low = text.lower()
    if "ncbi" not in low and "pmid" not in low and not any(c in text for c in _ODD_CASE):
        return None
    m = _PMID.search(text)
    return m.group(1) if m else None


def find_openreview(text: str) -> str | None:
    """An OpenReview forum id from an openreview.net forum/pdf URL."""
    m = _OPENREVIEW.search(text or "")
    return m.group(1) if m else None
