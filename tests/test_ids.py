"""Identifier recognition and normalization (refkit.ids)."""

from __future__ import annotations

import pytest

from refkit import ids


@pytest.mark.parametrize(
    "text, doi",
    [
        ("10.1145/3503250", "10.1145/3503250"),
        ("doi:10.1145/3503250", "10.1145/3503250"),
        ("DOI: 10.1145/3503250.", "10.1145/3503250"),
        ("https://doi.org/10.1016/0370-2693(91)90021-X", "10.1016/0370-2693(91)90021-X"),
        ("https://dx.doi.org/10.1016%2Fj.cell.2017.11.032", "10.1016/j.cell.2017.11.032"),
        ("not a doi", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_doi(text: str | None, doi: str | None) -> None:
    assert ids.normalize_doi(text) == doi


def test_find_doi_in_publisher_urls_and_sentences() -> None:
    assert ids.find_doi("https://dl.acm.org/doi/10.1145/3581783.3612000/full") == "10.1145/3581783.3612000"
    assert ids.find_doi("see https://onlinelibrary.wiley.com/doi/pdf/10.1002/anie.200900942.pdf") == "10.1002/anie.200900942"
    assert ids.find_doi("Published as doi:10.1093/nar/gkt1074, see also") == "10.1093/nar/gkt1074"
    assert ids.find_doi("https://ieeexplore.ieee.org/document/9420282") is None
    assert ids.is_doi("10.1000/x") and not ids.is_doi("doi:10.1000/x")


@pytest.mark.parametrize(
    "text, ident, version",
    [
        ("2106.16028", "2106.16028", None),
        ("arXiv:2106.16028v3", "2106.16028", 3),
        ("https://arxiv.org/abs/2403.19160", "2403.19160", None),
        ("https://arxiv.org/pdf/2403.19160v2.pdf", "2403.19160", 2),
        ("hep-th/9901001", "hep-th/9901001", None),
        ("arXiv:astro-ph/0501171v1", "astro-ph/0501171", 1),
        ("https://arxiv.org/abs/math.AG/0211159", "math.AG/0211159", None),
        ("10.48550/arXiv.2106.16028", "2106.16028", None),
    ],
)
def test_parse_arxiv(text: str, ident: str, version: int | None) -> None:
    found = ids.parse_arxiv(text)
    assert found is not None and found.id == ident and found.version == version


def test_find_arxiv_needs_context_unless_bare() -> None:
    assert ids.find_arxiv("arXiv preprint arXiv:1607.06450, 2016").id == "1607.06450"  # type: ignore[union-attr]
    assert ids.find_arxiv("pages 1607.0645 to 1608") is None
    assert ids.find_arxiv("id 2101.00001 here") is None
    assert ids.find_arxiv("id 2101.00001 here", bare=True).id == "2101.00001"  # type: ignore[union-attr]
    assert ids.parse_arxiv("not an id") is None and ids.parse_arxiv(None) is None


def test_isbn_pmid_openreview() -> None:
    assert ids.normalize_isbn("ISBN 978-3-16-148410-0") == "9783161484100"
    assert ids.normalize_isbn("0-306-40615-2") == "0306406152"
    assert ids.normalize_isbn("978-3-16-148410-1") is None  # bad checksum
    assert ids.find_pmid("PMID: 22745249") == "22745249"
    assert ids.find_pmid("https://pubmed.ncbi.nlm.nih.gov/25430774/") == "25430774"
    assert ids.find_openreview("https://openreview.net/forum?id=YicbFdNTTy") == "YicbFdNTTy"
    assert ids.find_openreview("https://example.org") is None
