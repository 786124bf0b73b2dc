"""Find and normalize identifiers — DOI, arXiv, ISBN, PubMed, OpenReview — in
text and URLs. Pure functions on strings; every reader, check and resolver uses
these, so one definition of "a valid DOI" holds everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

__all__ = [
    "ArxivId",
    "normalize_doi",
    "find_doi",
    "is_doi",
    "parse_arxiv",
    "find_arxiv",
    "is_isbn",
    "normalize_isbn",
    "find_pmid",
    "find_openreview",
]

# ---- DOI ---------------------------------------------------------------------------
# Crossref's recommended pattern, widened to the characters DOIs really use; the
# suffix ends before whitespace, quotes, angle brackets and closing punctuation.
_DOI_CORE = r"10\.\d{4,9}/[^\s\"'<>{}]+"
_DOI_RE = re.compile(_DOI_CORE, re.I)
_DOI_PREFIX = re.compile(
    r"^\s*(?:(?:https?://)?(?:dx\.|www\.)?doi\.org/|doi\s*:\s*|doi\s+|info:doi/|urn:doi:)",
    re.I,
)
_TRAILING = ".,;:)]}>'\""


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
    value = _DOI_PREFIX.sub("", text.strip())
    if "%2f" in value.lower():
        value = unquote(value)
    m = _DOI_RE.match(value.strip())
    if not m:
        return None
    return _trim(m.group(0))


def find_doi(text: str) -> str | None:
    """The first DOI anywhere in ``text`` (a URL, a sentence), or None."""
    if not text:
        return None
    if "%2f" in text.lower():
        text = unquote(text)
    m = _DOI_RE.search(text)
    if not m:
        return None
    doi = _trim(m.group(0))
    # publisher URLs append paths after the DOI (…/10.1145/123.456/full, …/abstract)
    doi = re.sub(r"/(?:full|abstract|pdf|epdf|html|meta|summary|fulltext)(?:/.*)?$", "", doi, flags=re.I)
    doi = re.sub(r"\.(?:pdf|html?)$", "", doi, flags=re.I)
    return doi


# ---- arXiv -----------------------------------------------------------------------
_ARXIV_NEW = r"(?P<new>(?:0[7-9]|[1-9]\d)(?:0[1-9]|1[0-2])\.\d{4,5})"
_ARXIV_OLD = r"(?P<old>(?:[a-z]+(?:-[a-z]+)*)(?:\.[A-Z]{2})?/\d{7})"
_ARXIV_VERSION = r"(?:v(?P<version>\d+))?"
_ARXIV_BARE = re.compile(rf"^(?:{_ARXIV_NEW}|{_ARXIV_OLD}){_ARXIV_VERSION}$")
_ARXIV_URL = re.compile(
    rf"arxiv\.org/(?:abs|pdf|html|format)/(?:{_ARXIV_NEW}|{_ARXIV_OLD}){_ARXIV_VERSION}", re.I
)
_ARXIV_DOI = re.compile(rf"10\.48550/arxiv\.(?:{_ARXIV_NEW}|{_ARXIV_OLD}){_ARXIV_VERSION}", re.I)


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


def parse_arxiv(text: str | None) -> ArxivId | None:
    """An arXiv id written as a bare id, ``arXiv:…``, an abs/pdf URL or an arXiv DOI."""
    if not text:
        return None
    value = text.strip()
    for pattern in (_ARXIV_URL, _ARXIV_DOI):
        m = pattern.search(value)
        if m:
            return _arxiv_from_match(m)
    value = re.sub(r"^arxiv\s*:\s*", "", value, flags=re.I)
    value = re.sub(r"\.pdf$", "", value)
    m = _ARXIV_BARE.match(value)
    return _arxiv_from_match(m) if m else None


def find_arxiv(text: str, *, bare: bool = False) -> ArxivId | None:
    """The first arXiv id in ``text``: an arxiv.org URL, an arXiv DOI, ``arXiv:id``
    or ``arXiv id``; with ``bare``, also a lone new-style id (``2106.16028``)."""
    if not text:
        return None
    for pattern in (_ARXIV_URL, _ARXIV_DOI):
        m = pattern.search(text)
        if m:
            return _arxiv_from_match(m)
    m = re.search(rf"arxiv\s*(?::|\s|preprint\s+(?:arxiv\s*:\s*)?|\.org\s*/\s*)\s*(?:{_ARXIV_NEW}|{_ARXIV_OLD}){_ARXIV_VERSION}(?!\d)", text, re.I)
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


def find_pmid(text: str) -> str | None:
    """A PubMed id from a PubMed URL or ``PMID: 123`` text."""
    m = _PMID.search(text or "")
    return m.group(1) if m else None


def find_openreview(text: str) -> str | None:
    """An OpenReview forum id from an openreview.net forum/pdf URL."""
    m = _OPENREVIEW.search(text or "")
    return m.group(1) if m else None
