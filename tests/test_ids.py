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


# doi_from_url: what real publication pages link, and the DOI each link carries.
@pytest.mark.parametrize(
    "url, doi",
    [
        # resolvers, old and misspelled ones included
        ("https://doi.org/10.1007/978-3-030-78142-2_11", "10.1007/978-3-030-78142-2_11"),
        ("http://dx.doi.org/10.1016%2Fj.cell.2017.11.032", "10.1016/j.cell.2017.11.032"),
        ("https://doi.org/10.46298/lmcs-18(4:12)2022", "10.46298/lmcs-18(4:12)2022"),
        ("http://doi.acm.org/10.1145/3373464.3373470", "10.1145/3373464.3373470"),
        ("https://doi%20.org/10.3390/soc14110214", "10.3390/soc14110214"),
        ("https://doi.org/10.1000/xyz%20", "10.1000/xyz"),
        ("doi:10.1145/3503250.", "10.1145/3503250"),
        ("info:doi/10.1086/700936", "10.1086/700936"),
        ("10.1021/acs.jctc.7b00204", "10.1021/acs.jctc.7b00204"),
        # publisher paths that literally hold the DOI, with their view suffixes and queries
        ("https://dl.acm.org/doi/10.1145/3581783.3612000", "10.1145/3581783.3612000"),
        ("https://pubs.acs.org/doi/10.1021/acs.jctc.7b00204?src=recsys&journalCode=jctcce", "10.1021/acs.jctc.7b00204"),
        ("https://pubs.acs.org/doi/abs/10.1021/acssuschemeng.8b02150#showReferences", "10.1021/acssuschemeng.8b02150"),
        ("https://www.tandfonline.com/doi/full/10.1080/01621459.2017.1319839", "10.1080/01621459.2017.1319839"),
        ("https://onlinelibrary.wiley.com/doi/pdf/10.1002/anie.200900942", "10.1002/anie.200900942"),
        ("https://agupubs.onlinelibrary.wiley.com/doi/full/10.1029/2019GL085782", "10.1029/2019GL085782"),
        ("https://link.springer.com/article/10.1007%2Fs10822-020-00333-1", "10.1007/s10822-020-00333-1"),
        ("https://link.springer.com/chapter/10.1007/978-3-030-58452-8_24", "10.1007/978-3-030-58452-8_24"),
        ("https://journals.aps.org/prl/abstract/10.1103/PhysRevLett.121.111801", "10.1103/PhysRevLett.121.111801"),
        ("https://iopscience.iop.org/article/10.1088/1361-6463/ab1234/meta", "10.1088/1361-6463/ab1234"),
        ("https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0203427", "10.1371/journal.pone.0203427"),
        ("https://www.frontiersin.org/articles/10.3389/fphy.2020.00123/full", "10.3389/fphy.2020.00123"),
        ("https://joss.theoj.org/papers/10.21105/joss.01234", "10.21105/joss.01234"),
        ("https://drops.dagstuhl.de/entities/document/10.4230/LIPIcs.FSCD.2023.12", "10.4230/LIPIcs.FSCD.2023.12"),
        ("https://epubs.siam.org/doi/abs/10.1137/19M1282696", "10.1137/19M1282696"),
        ("https://www.science.org/doi/10.1126/science.abc1234", "10.1126/science.abc1234"),
        ("https://www.medrxiv.org/content/10.1101/2020.08.24.20181107v1.abstract", "10.1101/2020.08.24.20181107"),
        ("https://www.biorxiv.org/content/10.1101/2020.06.30.180281v2.full.pdf", "10.1101/2020.06.30.180281"),
        ("https://example.org/lookup?doi=10.5555/12345678", "10.5555/12345678"),
        ("https://www.biorxiv.org/content/10.5555/2025.12.21.695630v1", "10.5555/2025.12.21.695630"),
        # an invisible character pasted after the link (zero-width space, here %-encoded) is no part of it
        ("https://doi.org/10.5555/book.012%E2%80%8B", "10.5555/book.012"),
        ("https://doi.org/10.5555/book.012\u2060", "10.5555/book.012"),
        # a template that wrapped a DOI it was given as a link or an identifier once more
        ("https://doi.org/https://doi.org/10.5555/eco.2020.17", "10.5555/eco.2020.17"),
        ("https://doi.org/doi:10.5555/agro.2016.07.0401", "10.5555/agro.2016.07.0401"),
        ("https://doi.org/http%3A%2F%2Fdx.doi.org%2F10.5555%2Fabc", "10.5555/abc"),
        ("https://doi:10.5555/hydro-19-2079-2015", "10.5555/hydro-19-2079-2015"),
        ("https://10.5555/01.3001.0015.7774", "10.5555/01.3001.0015.7774"),
        # a DOI that ends the path of a journal platform's article page, on any host
        ("https://www.journal.example.cn/CN/10.5555/jx.202205240418", "10.5555/jx.202205240418"),
        ("https://lib.example.org/CN/10.5555/j.issn.1002-1248.2020.03.16-0170", "10.5555/j.issn.1002-1248.2020.03.16-0170"),
        ("https://press.example.org/journal/article/doi/10.5555/adv.2022007904/485419/a-title-slug-here",
         "10.5555/adv.2022007904"),
        ("https://www.journal.example.cn/CN/Y2026/V37/I3/384", None),
        # URLs that only imply a DOI, or hold another one, carry none
        ("https://www.nature.com/articles/s41586-020-2649-2", None),
        ("https://www.sciencedirect.com/science/article/pii/S0021999118307125", None),
        ("https://pubs.rsc.org/en/content/articlelanding/2019/cp/c9cp01234a", None),
        ("https://ieeexplore.ieee.org/document/9420282", None),
        ("https://zenodo.org/badge/DOI/10.5281/zenodo.11048300.svg", None),
        ("https://oxfordre.com/economics/view/10.1093/acrefore/9780190625979.001.0001/acrefore-9780190625979-e-451", None),
        ("https://doi.org/not-a-doi", None),
        ("", None),
        (None, None),
    ],
)
def test_doi_from_url(url: str | None, doi: str | None) -> None:
    assert ids.doi_from_url(url) == doi


def test_resolver_links_are_the_doi_itself() -> None:
    assert ids.is_resolver_url("https://doi.org/10.1000/x") and ids.is_resolver_url("http://dx.doi.org/10.1000/x")
    assert not ids.is_resolver_url("https://dl.acm.org/doi/10.1145/3581783.3612000")


@pytest.mark.parametrize(
    "text, doi",
    [
        ("see doi:10.1101/2021.01.02.425123v3, accepted", "10.1101/2021.01.02.425123"),
        ("DOI: 10.1021/jacs.0c01234.", "10.1021/jacs.0c01234"),
        ("(https://doi.org/10.1016/0370-2693(91)90021-X)", "10.1016/0370-2693(91)90021-X"),
        ("Available at https://doi.org/10.5555/chap.7\u200b (open access)", "10.5555/chap.7"),
        ("\ufeffdoi: 10.5555/x.1\ufeff", "10.5555/x.1"),
    ],
)
def test_find_doi_cleans_what_follows(text: str, doi: str) -> None:
    assert ids.find_doi(text) == doi


@pytest.mark.parametrize(
    "before, data",
    [
        ("Ph.D. thesis. University of Fribourg. Data and R code available from ", True),
        ("2405.01388 [hep-lat]\nCode: ", True),
        ("Code: DOI Data: ", True),
        ("Replication files are available at ", True),
        ("IEEE Transactions on Big Data ", False),
        ("Journal of Data Science, 12(3). ", False),
        ("Nature Methods 17, 2020. ", False),
    ],
)
def test_is_data_context(before: str, data: bool) -> None:
    assert ids.is_data_context(before) is data


@pytest.mark.parametrize(
    "label, data",
    [
        ("Data", True), ("Dataset", True), ("[Dados]", True), ("Datos", True), ("Données", True),
        ("Daten", True), ("Code", True), ("Supplementary material", True), ("Replication package", True),
        ("DOI", False), ("PDF", False), ("Journal of Data Science", False), ("", False),
    ],
)
def test_is_data_label(label: str, data: bool) -> None:
    assert ids.is_data_label(label) is data


def test_a_soft_hyphen_is_no_part_of_a_doi() -> None:
    assert ids.find_doi("doi: 10.5555/abc\u00addef.12") == "10.5555/abcdef.12"
    assert ids.normalize_doi("10.5555/x\u00ady") == "10.5555/xy"
    assert ids.doi_from_url("https://doi.org/10.5555/long\u00adsuffix") == "10.5555/longsuffix"


@pytest.mark.parametrize(
    "url, label, ident",
    [
        ("http://arxiv.org/abs/1507.0146", "arXiv:1507.01460", "1507.01460"),  # truncated URL: text wins
        ("https://arxiv.org/abs/1701.07275v2", "arXiv", "1701.07275"),
        ("https://arxiv.org/pdf/2102.11350v2.pdf", "2102.11350v2", "2102.11350"),
        ("https://arxiv.org/abs/hep-th/9901001", "", "hep-th/9901001"),
        ("https://arxiv.org/abs/math.AG/0101001v1", "math.AG/0101001", "math.AG/0101001"),
        ("https://arxiv.org/html/2403.19160", "2403.19160", "2403.19160"),
        ("https://arxiv.org/abs/2101.00001", "arXiv:2101.00002", "2101.00001"),  # another id: the URL wins
        ("https://doi.org/10.48550/arXiv.2106.16028", "doi", "2106.16028"),
    ],
)
def test_arxiv_from_link(url: str, label: str, ident: str) -> None:
    found = ids.arxiv_from_link(url, label)
    assert found is not None and found.id == ident


def test_arxiv_from_link_needs_an_arxiv_target() -> None:
    assert ids.arxiv_from_link("https://example.org/1507.01460", "arXiv:1507.01460") is None


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


def test_arxiv_written_before_a_long_blank_run() -> None:
    # the blanks around the separator were split three ways: quadratic in the run
    blanks = " " * 100_000
    assert ids.find_arxiv(f"arXiv{blanks}2106.16028v2") == ids.ArxivId("2106.16028", 2)
    assert ids.find_arxiv(f"arXiv preprint{blanks}arXiv: 2106.16028") == ids.ArxivId("2106.16028")
    assert ids.find_arxiv(f"arXiv preprint{blanks}(under review)") is None
