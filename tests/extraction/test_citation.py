"""One listed item -> one Entry (refkit.extraction.citation)."""

from __future__ import annotations

import pytest

from refkit.extraction.citation import parse_segment, parse_text
from refkit.extraction.segment import Link, Segment, Span
from refkit.model import Entry, Location


def fam(entry: Entry, role: str = "author") -> list[str]:
    return [n.literal or n.family for n in entry.names(role)]


def parse(text: str, **options: object) -> Entry:
    entry = parse_text(text, **options)
    assert entry is not None, text
    return entry


# ---- citation styles ---------------------------------------------------------------------
def test_ieee_style_with_quoted_title() -> None:
    e = parse('A. Einstein and B. Podolsky, "Can quantum-mechanical description be complete?," Physical Review, vol. 47, no. 10, pp. 777-780, 1935.')
    assert e.type == "article"
    assert fam(e) == ["Einstein", "Podolsky"]
    assert e.get("title") == "Can quantum-mechanical description be complete?"
    assert e.get("journal") == "Physical Review"
    assert (e.get("volume"), e.get("number"), e.get("pages"), e.get("year")) == ("47", "10", "777--780", "1935")


def test_apa_style() -> None:
    e = parse("Smith, J., Doe, A. B., & Lee, K. (2019). A study of things: the sequel. Journal of Stuff, 12(3), 45–67. https://doi.org/10.1000/xyz123")
    assert fam(e) == ["Smith", "Doe", "Lee"]
    assert e.get("title") == "A study of things: the sequel"
    assert e.get("journal") == "Journal of Stuff"
    assert e.get("year") == "2019" and e.get("pages") == "45--67" and e.get("doi") == "10.1000/xyz123"


def test_vancouver_style() -> None:
    e = parse("Smith JA, Doe B, Le Rhun A. Gene expression in mice. Nature. 2015;521(7553):436-444. PMID: 12345678")
    assert fam(e) == ["Smith", "Doe", "Le Rhun"]
    assert e.get("title") == "Gene expression in mice"
    assert e.get("journal") == "Nature" and e.get("year") == "2015" and e.get("pmid") == "12345678"


def test_conference_paper_with_arxiv_mention() -> None:
    e = parse("J. Smith, A. Doe, and K. Lee. Deep learning for everything. In Proceedings of the 37th International Conference on Machine Learning, pages 1-10, 2020. arXiv:2001.01234v2")
    assert e.type == "inproceedings"
    assert e.get("booktitle") == "Proceedings of the 37th International Conference on Machine Learning"
    assert e.get("eprint") == "2001.01234" and e.get("archiveprefix") == "arXiv"


def test_title_first_lines() -> None:
    e = parse("Optical Flow Estimation for Spiking Camera\nLiwen Hu#, Rui Zhao#, Ziluo Ding\nIEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR) 2022 (CCF-A)\nIntro: Proposing a simulator.")
    assert e.get("title") == "Optical Flow Estimation for Spiking Camera"
    assert fam(e) == ["Hu", "Zhao", "Ding"]
    assert e.get("booktitle") == "IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)"
    assert e.get("year") == "2022"
    assert e.get("author+an") == "1=equal; 2=equal"
    assert "CCF" not in str(e.fields) and "Intro" not in str(e.fields)


def test_scraped_listing_with_glued_date_line() -> None:
    e = parse("CVJun 25, 2022Code\nEnhanced Deep Animation Video Interpolation\n\nWang Shen, Cheng Ming, Wenbo Bao et al.\n")
    assert e.get("title") == "Enhanced Deep Animation Video Interpolation"
    assert fam(e) == ["Shen", "Ming", "Bao", "others"]
    assert (e.get("year"), e.get("month")) == ("2022", "jun")
    assert e.type == "misc"


def test_listing_date_without_year_gives_no_year() -> None:
    e = parse("DCMar 19\nA Pipelined Speculative Decoding Framework\n\nYida Zhang, Zhiyong Gao, Shuaibing Yue et al.")
    assert e.get("year") is None and e.get("title") == "A Pipelined Speculative Decoding Framework"


def test_dblp_style_colon_after_authors() -> None:
    e = parse("Quoc V. Le, Andrew Y. Ng: Building High-level Features Using Large Scale Unsupervised Learning. ICML 2012")
    assert fam(e) == ["Le", "Ng"]
    assert e.get("title") == "Building High-level Features Using Large Scale Unsupervised Learning"
    assert e.type == "inproceedings" and e.get("year") == "2012"


def test_acs_style_bold_year_and_page_range_years() -> None:
    e = parse("Saxon, E.; Bertozzi, C. R. Cell Surface Engineering by a Modified Staudinger Reaction. Science 2000, 287, 2007–2010.")
    assert e.get("year") == "2000"
    assert fam(e) == ["Saxon", "Bertozzi"]


def test_physics_style_with_old_arxiv_id() -> None:
    e = parse("M. Tegmark et al., Cosmological parameters from SDSS and WMAP, Phys. Rev. D 69, 103501 (2004), arXiv:astro-ph/0310723")
    assert e.get("title") == "Cosmological parameters from SDSS and WMAP"
    assert e.get("journal") == "Phys. Rev. D"
    assert e.get("eprint") == "astro-ph/0310723"
    assert fam(e) == ["Tegmark", "others"]


# ---- markup hints ---------------------------------------------------------------------------
def seg(*spans: Span, links: tuple[Link, ...] = (), headings: tuple[str, ...] = ()) -> Segment:
    return Segment(spans=spans, links=links, headings=headings, location=Location("cv.html", 7))


def test_bold_title_italic_venue_links_and_markers() -> None:
    segment = seg(
        Span("Within the Dynamic Context: Human Modeling", bold=True),
        Span("\n"),
        Span("Yutong Chen, "),
        Span("Zhihang Zhong", bold=True),
        Span("†", bold=True, sup=True),
        Span(", Xiao Sun"),
        Span("1", sup=True),
        Span("\n"),
        Span("ECCV", italic=True),
        Span(", 2024"),
        links=(
            Link("arXiv", "https://arxiv.org/abs/2403.19160v2"),
            Link("code", "https://github.com/x/y"),
            Link("project page", "https://example.org/p"),
            Link("DOI", "https://ieeexplore.ieee.org/document/9999999"),
        ),
    )
    e = parse_segment(segment, source="html", path="cv.html")
    assert e is not None
    assert e.get("title") == "Within the Dynamic Context: Human Modeling"
    assert fam(e) == ["Chen", "Zhong", "Sun"]
    assert e.get("author+an") == "2=corresponding,highlight"
    assert e.get("booktitle") == "ECCV" and e.type == "inproceedings"
    assert e.get("eprint") == "2403.19160" and e.get("code") == "https://github.com/x/y"
    assert e.get("website") == "https://example.org/p"
    assert e.get("doi") is None  # an ieeexplore document number is not a DOI
    assert e.provenance["title"].source == "html" and e.provenance["title"].identifier == "cv.html"
    assert e.location.line == 7


@pytest.mark.parametrize(
    "url, doi",
    [
        ("https://doi.org/10.1145/3503250", "10.1145/3503250"),
        ("http://dx.doi.org/10.1007/978-3-031-25063-7_20", "10.1007/978-3-031-25063-7_20"),
        ("https://dl.acm.org/doi/10.1145/3581783.3612000", "10.1145/3581783.3612000"),
        ("https://dl.acm.org/doi/abs/10.1145/3581783.3612000", "10.1145/3581783.3612000"),
        ("https://link.springer.com/article/10.1007/s11263-022-01705-6", "10.1007/s11263-022-01705-6"),
        ("https://link.springer.com/chapter/10.1007/978-3-030-58539-6_12", "10.1007/978-3-030-58539-6_12"),
        ("https://onlinelibrary.wiley.com/doi/full/10.1002/anie.200900942", "10.1002/anie.200900942"),
        ("https://doi.org/10.1016%2Fj.cell.2017.11.032", "10.1016/j.cell.2017.11.032"),
        ("https://ieeexplore.ieee.org/document/9420282", None),
        ("https://www.nature.com/articles/nature14539", None),
    ],
)
def test_doi_only_where_the_url_carries_one(url: str, doi: str | None) -> None:
    segment = seg(Span("A. Smith, B. Doe. A title of a paper. Some Journal, 2020."), links=(Link("doi", url),))
    e = parse_segment(segment)
    assert e is not None and e.get("doi") == doi


@pytest.mark.parametrize(
    "tail, doi",
    [
        (", doi: doi.org/10.5555/mbr.13247", "10.5555/mbr.13247"),  # a resolver written without its scheme
        (" doi/10.5555/zenodo.4147099 (available online)", "10.5555/zenodo.4147099"),
        (" DOI: 10.5555/geo-93-\u00ad05", "10.5555/geo-93-05"),
    ],
)
def test_doi_written_in_the_text(tail: str, doi: str) -> None:
    e = parse(f"Smith, J. (2024). A title of a study of things. Journal of Things, 16(2), e13247{tail}")
    assert e.get("doi") == doi


def test_the_first_doi_shown_is_the_items() -> None:
    # the text shows the item's DOI; a link after it (copied from the item above) holds another
    segment = seg(Span("J. Smith, 2022. A title of a paper. Journal of Things, 93: 107-138. DOI: 10.5555/own-93-05 "),
                  Span("PDF", link="https://publisher.example.org/article/10.5555/other-2022-0005"),
                  links=(Link("PDF", "https://publisher.example.org/article/10.5555/other-2022-0005"),))
    e = parse_segment(segment)
    assert e is not None and e.get("doi") == "10.5555/own-93-05"


def test_a_data_link_gives_no_doi() -> None:
    segment = seg(Span("J. Smith, B. Doe. A title of a paper. Some Journal, 2020. "),
                  Span("Dados", link="https://doi.org/10.5555/data.2507"),
                  Span("DOI", link="https://doi.org/https://doi.org/10.5555/paper.13007"),
                  links=(Link("Dados", "https://doi.org/10.5555/data.2507"),
                         Link("DOI", "https://doi.org/https://doi.org/10.5555/paper.13007")))
    e = parse_segment(segment)
    assert e is not None and e.get("doi") == "10.5555/paper.13007"


def test_a_doi_cut_short_where_shown_is_completed_by_the_whole_one() -> None:
    e = parse("A. Smith. A title of a paper. In Proc. Things. Springer, 2016, pp. 153-178. "
              "doi: 10.5555/978-3- 662-53018-4_6. url: http://dx.doi.org/10.5555/978-3-662-53018-4_6.")
    assert e.get("doi") == "10.5555/978-3-662-53018-4_6"
    shown = seg(Span("A. Smith (2019). A title of a paper. Some Journal, 28(56), 22-42. DOI: "),
                Span("10.5555/noesis.2019.2.", link="http://doi.org/10.5555/noesis.2019.2.3"),
                links=(Link("10.5555/noesis.2019.2.", "http://doi.org/10.5555/noesis.2019.2.3"),))
    e = parse_segment(shown)
    assert e is not None and e.get("doi") == "10.5555/noesis.2019.2.3"


def test_identifiers_in_text() -> None:
    e = parse("A. Smith. A title of a paper. J. Stuff 3, 4 (2019). doi:10.1234/abc.5. arXiv:1901.00001 [cs.LG] PMID: 999 ISBN 978-3-16-148410-0")
    assert e.get("doi") == "10.1234/abc.5"
    assert (e.get("eprint"), e.get("primaryclass")) == ("1901.00001", "cs.LG")
    assert e.get("pmid") == "999" and e.get("isbn") == "9783161484100"
    orv = parse_segment(seg(Span("A. Smith, B. Doe. Some title here. ICLR 2021."), links=(Link("OpenReview", "https://openreview.net/forum?id=YicbFdNTTy"),)))
    assert orv is not None and orv.get("openreview") == "YicbFdNTTy"


def test_arxiv_only_preprint_is_misc() -> None:
    e = parse("J. Smith, A. Doe. Scaling laws for everything. arXiv preprint arXiv:2101.00001, 2021.")
    assert e.type == "misc" and e.get("eprint") == "2101.00001" and e.get("archiveprefix") == "arXiv"
    assert e.get("howpublished") == "arXiv preprint"


# ---- status words, tags, notes -------------------------------------------------------------------
def test_submitted_to_keeps_target_venue() -> None:
    e = parse("Spike Camera Optical Flow\nRui Zhao, et al.\nSubmitted to IEEE Transactions on Pattern Analysis and Machine Intelligence (TPAMI) (CCF-A)")
    assert e.type == "article" and e.get("pubstate") == "submitted"
    assert e.get("journal") == "IEEE Transactions on Pattern Analysis and Machine Intelligence (TPAMI)"
    assert e.get("year") is None


def test_under_review_alone_has_no_venue() -> None:
    e = parse("A. Smith, B. Doe. Human body restoration by imagination. Under review, 2024.")
    assert e.type == "misc" and e.get("pubstate") == "submitted"
    assert not any(e.get(f) for f in ("journal", "booktitle", "howpublished"))


def test_to_appear_and_awards() -> None:
    e = parse("A. Smith, B. Doe. A great paper on things. To appear in NeurIPS 2024 (Oral, Best Paper Award)")
    assert e.get("pubstate") == "forthcoming"
    assert e.get("booktitle") == "NeurIPS" and e.get("note") == "Best Paper Award"


def test_ranking_tags_are_dropped() -> None:
    e = parse("A. Smith, B. Doe. A great paper on things. IEEE Transactions on Image Processing, 2023 (CCF-A, SCI Q1, IF=10.6)")
    assert e.get("journal") == "IEEE Transactions on Image Processing"


def test_thesis_report_book() -> None:
    thesis = parse("J. Doe. Learning things. PhD thesis, Stanford University, 2018.")
    assert thesis.type == "phdthesis" and thesis.get("school") == "Stanford University"
    report = parse("J. Doe and A. Roe. Fast things. Technical Report TR-12, MIT CSAIL, 2011.")
    assert report.type == "techreport"
    book = parse("Shannon, C. E., & Weaver, W. (1949). The Mathematical Theory of Communication. Urbana: University of Illinois Press.")
    assert book.type == "book" and book.get("publisher") == "University of Illinois Press" and book.get("address") == "Urbana"


def test_editors_are_not_authors() -> None:
    e = parse("Shannon, C. E., & McCarthy, J. (Eds.) (1956). Automata Studies. Princeton: Princeton University Press.")
    assert e.get("author") is None and fam(e, "editor") == ["Shannon", "McCarthy"]
    assert e.get("title") == "Automata Studies"


def test_values_are_escaped_and_dois_verbatim() -> None:
    e = parse("A. Smith. Profits & losses: 100% of R_D. J. Econ. 5, 1 (2001). doi:10.1000/a_b")
    assert e.get("title") == r"Profits \& losses: 100\% of R\_D"
    assert e.get("doi") == "10.1000/a_b"


# ---- not publications ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "Zhiyong Gao",
        "CV\nh-index98\n18papers\n2,234citations",
        "Intro: Proposing an energy function for optical flow estimation.",
        "HU Han\nResearcher, Visual Computing Group\nMicrosoft Research Asia, Beijing",
        "Phone: +86 155 2296 Email: someone@example.org",
    ],
)
def test_not_a_publication(text: str) -> None:
    assert parse_text(text) is None


def test_pathological_input_runs() -> None:
    # long runs of separators, stars and dots must not backtrack catastrophically
    junk = ("**A, " * 2000) + (". " * 2000) + ("(" * 500) + "[x](" * 300
    parse_text(junk)
    parse_text("A. " * 3000)


# ---- more fields' styles -------------------------------------------------------------------------
def test_ams_style_volume_year_number_pages() -> None:
    e = parse("A. Author and B. Writer, On the cohomology of moduli spaces, J. Amer. Math. Soc. 12 (1999), no. 3, 567–600.")
    assert e.get("title") == "On the cohomology of moduli spaces"
    assert e.get("journal") == "J. Amer. Math. Soc."
    assert (e.get("volume"), e.get("number"), e.get("pages"), e.get("year")) == ("12", "3", "567--600", "1999")


def test_mla_style() -> None:
    e = parse('Doe, Jane. "A Title in Quotes." Journal of Humanities 12.3 (2015): 45-67.')
    assert e.get("title") == "A Title in Quotes" and e.get("journal") == "Journal of Humanities"
    assert (e.get("volume"), e.get("number"), e.get("pages")) == ("12", "3", "45--67")


@pytest.mark.parametrize("date, month", [("2019", None), ("Spring 2019", None), ("May 4, 2019", "may")])
def test_chicago_style_volume_issue_date_pages(date: str, month: str | None) -> None:
    # Chicago, the humanities' style: "Journal 12, no. 3 (date): pages", with any kind of date
    e = parse(f'Doe, Jane. "Ports and Power." Journal of Maritime Studies 12, no. 3 ({date}): 45–67.')
    assert e.get("title") == "Ports and Power" and e.get("journal") == "Journal of Maritime Studies"
    assert (e.get("volume"), e.get("number"), e.get("pages"), e.get("year")) == ("12", "3", "45--67", "2019")
    assert e.get("month") == month


def test_a_journal_named_like_a_publisher_is_a_journal_when_it_shows_volume_and_pages() -> None:
    e = parse('Doe, Jane. "Ports and Power." Publications 6, no. 2 (2018): 21.')
    assert e.type == "article" and e.get("journal") == "Publications"
    assert (e.get("volume"), e.get("number"), e.get("pages")) == ("6", "2", "21")


def test_lncs_editors_leave_the_booktitle() -> None:
    e = parse("Boneh, D., Franklin, M.: Identity-based encryption from the Weil pairing. In: Kilian, J. (ed.) CRYPTO 2001. LNCS, vol. 2139, pp. 213–229. Springer, Heidelberg (2001)")
    assert fam(e) == ["Boneh", "Franklin"] and fam(e, "editor") == ["Kilian"]
    assert e.get("booktitle", "").startswith("CRYPTO")  # type: ignore[union-attr]
    assert e.get("year") == "2001" and e.get("pages") == "213--229"


def test_collaboration_author_and_physics_page() -> None:
    e = parse("The ATLAS Collaboration, G. Aad et al., Observation of a new particle in the search for the Higgs boson, Phys. Lett. B 716 (2012) 1, arXiv:1207.7214 [hep-ex].")
    assert e.names()[0].literal == "The ATLAS Collaboration"
    assert (e.get("journal"), e.get("volume"), e.get("pages")) == ("Phys. Lett. B", "716", "1")


def test_one_letter_word_ends_the_title() -> None:
    e = parse("Smith J, Jones A (2018) The effect of X on Y. PLoS ONE 13(4): e0195000.")
    assert e.get("title") == "The effect of X on Y" and e.get("journal") == "PLoS ONE" and e.get("year") == "2018"


def test_talks_are_not_publications() -> None:
    assert parse_text("J. Smith. Invited talk: Deep learning for physics. Stanford University, 2019.") is None


@pytest.mark.parametrize(
    "text",
    [
        "2021. A. Smith and B. Doe. Learning to rank things. Journal of Ranking, 3(2):1-10.",
        "(2021) Smith, A., Doe, B. Learning to rank things. Journal of Ranking 3, 1-10.",
        "2021 | Learning to rank things | A. Smith, B. Doe | Journal of Ranking",
    ],
)
def test_leading_year_and_pipe_separated_items(text: str) -> None:
    e = parse(text)
    assert e.get("title") == "Learning to rank things" and e.get("year") == "2021"
    assert fam(e) == ["Smith", "Doe"] and e.get("journal") == "Journal of Ranking"


def test_vancouver_month_after_year() -> None:
    e = parse("Smith A, Doe B. Ranking in mice. Z Rank. 2015 Jan;12(1):1-9. doi: 10.1000/zr.2015.1. PMID: 123; PMCID: PMC456.")
    assert (e.get("journal"), e.get("year"), e.get("month"), e.get("volume")) == ("Z Rank", "2015", "jan", "12")
    assert e.get("pmcid") == "PMC456"


def test_title_first_with_comma_separated_authors() -> None:
    e = parse("Ranking things: a survey, Jane Smith and John Doe, Journal of Ranking, 12(3):1-9, 2019")
    assert e.get("title") == "Ranking things: a survey" and fam(e) == ["Smith", "Doe"]
    assert e.get("journal") == "Journal of Ranking" and e.get("year") == "2019"


def test_addresses_are_not_publications() -> None:
    assert parse_text("Department of Ecology, University of Minnesota, St. Paul, MN 55108\nCedar Creek Reserve") is None


@pytest.mark.parametrize(
    "text",
    [
        "A. Smith, B. Doe, Graphene transistors at room temperature, Carbon 12 (2020) 1-10.",
        "SMITH, A.; DOE, B. Graphene transistors at room temperature. Carbon, v. 12, p. 1-10, 2020.",
        "Smith, A., Doe, B.: Graphene transistors at room temperature. Carbon 12, 1–10 (2020)",
    ],
)
def test_elsevier_abnt_springer_styles(text: str) -> None:
    e = parse(text)
    assert e.get("title") == "Graphene transistors at room temperature"
    assert [x.lower() for x in fam(e)] == ["smith", "doe"]
    assert (e.get("journal"), e.get("volume"), e.get("pages"), e.get("year")) == ("Carbon", "12", "1--10", "2020")


def test_biorxiv_preprint() -> None:
    e = parse("Smith A, Doe B. Graphene transistors. bioRxiv 2020.01.01.123456; doi: https://doi.org/10.1101/2020.01.01.123456")
    assert e.type == "misc" and e.get("doi") == "10.1101/2020.01.01.123456"
    assert (e.get("howpublished") or "").startswith("bioRxiv")


def test_two_word_family_in_apa_list() -> None:
    e = parse("Eelkema, R., Serrano Ramon, B., & Feringa, B. L. (2006). Nanomotor rotates microscale objects. Nature, 440(7081), 163.")
    assert fam(e) == ["Eelkema", "Serrano Ramon", "Feringa"]
    assert e.get("title") == "Nanomotor rotates microscale objects"


def test_math_cv_with_coauthors_report_number_and_chapter_editors() -> None:
    e = parse("Sharp thresholds for random graphs, with A. Smith and B. Doe, Annals of Probability 30 (2002), 1-20.")
    assert fam(e) == ["Smith", "Doe"] and e.get("journal") == "Annals of Probability"
    report = parse("J. Smith, A. Doe. A short note. Technical Report MSR-TR-2010-12, Microsoft Research, 2010.")
    assert report.type == "techreport" and report.get("number") == "MSR-TR-2010-12"
    assert report.get("institution") == "Microsoft Research"
    chapter = parse("J. Smith. Chapter title here. In A. Editor (Ed.), Book Title (pp. 1-20). Springer, 2012.")
    assert chapter.type == "incollection" and fam(chapter, "editor") == ["Editor"]
    assert chapter.get("pages") == "1--20"


def test_a_quoted_title_is_found_without_the_spaces_inside_its_quotes() -> None:
    from refkit.extraction.citation.boundaries import _quoted_title

    for text, title in [
        ('Doe, J. "  A great title here " Journal, 2020.', "A great title here"),
        ("Doe, J. “Deep nets for all”, Journal", "Deep nets for all"),
        ("Doe, J. 'a quoted title' ok", "a quoted title"),
    ]:
        span = _quoted_title(text)
        assert span is not None and text[span[0]:span[1]] == title
    assert _quoted_title('Doe, J. "short" and "  tiny  "') is None


# ---- name lists with names left out --------------------------------------------------------
@pytest.mark.parametrize(
    "text, authors, title, year",
    [
        ("Ortiz, L., Brandt, K., . . . Okafor, N. (2020). Soil carbon under pasture. Soil Sci 12, 40.",
         ["Ortiz", "Brandt", "Okafor"], "Soil carbon under pasture", "2020"),
        ("Ortiz, L., Brandt, K., ... Okafor, N., Lind, P. (2019) Soil carbon under pasture. Soil Sci, 3.",
         ["Ortiz", "Brandt", "Okafor", "Lind"], "Soil carbon under pasture", "2019"),
        ("L. Ortiz, K. Brandt, … Soil carbon under pasture. Soil Sci, 2018.",
         ["Ortiz", "Brandt", "others"], "Soil carbon under pasture", "2018"),
    ],
)
def test_ellipsis_in_the_author_list(text: str, authors: list[str], title: str, year: str) -> None:
    e = parse(text)
    assert fam(e) == authors
    assert (e.get("title"), e.get("year")) == (title, year)


# ---- a linked title ends where its link ends -----------------------------------------------
_URL_A = "https://example.org/paper.pdf"


@pytest.mark.parametrize(
    "spans, title, venue",
    [
        # the venue abbreviation after the link's comma is not cut into the title
        ((Span("P. Amsel and R. Quist, "), Span("Flat bundles over punctured surfaces, and their moduli", link=_URL_A),
          Span(", Geom. Topol. Lett. 9 (2014), no. 2, 11–40")), "Flat bundles over punctured surfaces, and their moduli", "Geom. Topol. Lett."),
        # a year before the title, another link right after it
        ((Span("P. Amsel. 2011. "), Span("Flat bundles over punctured surfaces", link=_URL_A), Span(" "),
          Span("Ann. Topol. Stud. 4, 1–9.", link="https://doi.org/10.1000/x1")), "Flat bundles over punctured surfaces", "Ann. Topol. Stud."),
        # a linked book after "In … (eds.)" is not the title of the chapter
        ((Span("P. Amsel. 2011. Flat bundles over punctured surfaces. In R. Quist (ed.), "),
          Span("Surfaces and their bundles", link=_URL_A), Span(", pp. 3-9. Hill Press.")), "Flat bundles over punctured surfaces", None),
    ],
)
def test_linked_title(spans: tuple[Span, ...], title: str, venue: str | None) -> None:
    e = parse_segment(seg(*spans), source="md")
    assert e is not None
    assert fam(e)[0] == "Amsel"
    assert e.get("title") == title
    if venue:
        assert (e.get("journal") or e.get("booktitle")) == venue


def test_linked_names_and_venues_are_not_titles() -> None:
    e = parse_segment(seg(Span("Paul Amsel", link="https://example.org/pa"), Span(", "), Span("Rita Quist", link="https://example.org/rq"),
                          Span(". Flat bundles over punctured surfaces. "), Span("Journal of Topology", link=_URL_A), Span(", 2012.")), source="md")
    assert e is not None
    assert fam(e) == ["Amsel", "Quist"]
    assert e.get("title") == "Flat bundles over punctured surfaces" and e.get("journal") == "Journal of Topology"


# ---- publication states in other languages ---------------------------------------------------
@pytest.mark.parametrize(
    "tail, state",
    [
        ("Zeitschrift für Flussgeschichte, erscheint voraussichtlich 2025.", "forthcoming"),
        ("Zeitschrift für Flussgeschichte, im Druck.", "inpress"),
        ("Zeitschrift für Flussgeschichte, in Vorbereitung.", "inpreparation"),
        ("Eingereicht bei Zeitschrift für Flussgeschichte.", "submitted"),
        ("Revue des rivières, à paraître.", "forthcoming"),
        ("Revue des rivières, sous presse.", "inpress"),
        ("Soumis à Revue des rivières.", "submitted"),
        ("Revista de los ríos, en prensa.", "inpress"),
        ("Revista dos rios, no prelo.", "inpress"),
        ("Revista dos rios, em preparação.", "inpreparation"),
        ("Rivista dei fiumi, in corso di pubblicazione.", "forthcoming"),
    ],
)
def test_status_words_in_other_languages(tail: str, state: str) -> None:
    e = parse(f"Brandt, Jutta: Flüsse und Wege im Mittelalter. {tail}")
    assert e.get("pubstate") == state
    assert e.get("title") == "Flüsse und Wege im Mittelalter"
    venue = e.get("journal") or e.get("booktitle") or ""
    assert venue.startswith(("Zeitschrift", "Revue", "Revista", "Rivista"))


def test_a_status_word_inside_a_title_stays() -> None:
    e = parse("Dupont, M. (2020). Les peuples soumis de la Gaule. Revue des rivières 4, 1-9.")
    assert e.get("title") == "Les peuples soumis de la Gaule" and e.get("pubstate") is None


# ---- German humanities style -------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, fields",
    [
        # "Title. Subtitle, in: Journal": the subtitle stays in the title; "S." gives the pages
        ("Brandt, Jutta: Flüsse und Wege. Eine Skizze, in: Zeitschrift für Flussgeschichte 12 (2011), S. 27–43.",
         {"title": "Flüsse und Wege. Eine Skizze", "journal": "Zeitschrift für Flussgeschichte", "year": "2011", "pages": "27--43", "volume": "12"}),
        # editors shown by family name only ("Lind/Okafor (Hrsg.):") are not part of the book title
        ("Brandt, Jutta/Okafor, Nnamdi: Wege am Fluss, in: Lind/Okafor (Hrsg.): Der Fluss im Mittelalter, 2009, S. 5–13.",
         {"title": "Wege am Fluss", "booktitle": "Der Fluss im Mittelalter", "year": "2009", "pages": "5--13"}),
        ("Brandt, Jutta u.a.: Wege am Fluss, in: Okafor u.a. (Hrsg.): Der Fluss im Mittelalter, 2019.",
         {"title": "Wege am Fluss", "booktitle": "Der Fluss im Mittelalter", "year": "2019"}),
        # "U.S." is no German page label
        ("J. Brandt. Rivers of the plains. Proc. Natl. Acad. Sci. U.S. 12, 2001.", {"volume": "12", "pages": None}),
    ],
)
def test_german_humanities_style(text: str, fields: dict[str, str | None]) -> None:
    e = parse(text)
    assert fam(e)[0] == "Brandt"
    for name, value in fields.items():
        assert e.get(name) == value, name


# ---- an abbreviated journal right after the names is no name ---------------------------------
@pytest.mark.parametrize(
    "text, authors, journal",
    [
        ("Heat flow in thin films. A.B. Ortiz, K.L. Brandt, J. Phys. Chem. A 106, 5022 (2002).", ["Ortiz", "Brandt"], "J. Phys. Chem. A"),
        ("Heat flow in thin films, A.B. Ortiz, K.L. Brandt, J. Chem. Phys. 123, 164104 (2005).", ["Ortiz", "Brandt"], "J. Chem. Phys."),
        ("Heat flow in thin films, A. Ortiz, K. Brandt, Z. Phys. B 12, 3 (1990).", ["Ortiz", "Brandt"], "Z. Phys. B"),
        ("Heat flow in thin films, A. Ortiz, K. Brandt, J. Am. Chem. Soc. 127, 11 (2005).", ["Ortiz", "Brandt"], "J. Am. Chem. Soc."),
        # a person whose name is followed by an abbreviated journal stays a person
        ("A. Ortiz, K. Lee. Heat flow in thin films. Nat. Commun. 5, 33 (2014).", ["Ortiz", "Lee"], "Nat. Commun."),
    ],
)
def test_abbreviated_journal_after_the_names(text: str, authors: list[str], journal: str) -> None:
    e = parse(text)
    assert fam(e) == authors
    assert e.get("title") == "Heat flow in thin films" and e.get("journal") == journal


# ---- a bold or italic run after "Title, " is the venue -------------------------------------------
@pytest.mark.parametrize("style", ["bold", "italic"])
def test_styled_venue_after_the_title_comma(style: str) -> None:
    e = parse_segment(seg(Span("Ana Ortiz, Kai Brandt. Heat flow in thin films of rare alloys, "),
                          Span("Thermal Letters", **{style: True}), Span(", 2023. (SCI:Q1, Top, IF:7.254)")), source="md")
    assert e is not None
    assert fam(e) == ["Ortiz", "Brandt"]
    assert e.get("title") == "Heat flow in thin films of rare alloys"
    assert e.get("journal") == "Thermal Letters" and e.get("year") == "2023"


@pytest.mark.parametrize("venue", ["Photonics Research", "Acoustics Letters"])
def test_bold_venue_words_after_the_title_are_no_title(venue: str) -> None:
    # a bold run whose last word is a venue word, after the title: the venue, even unknown
    e = parse_segment(seg(Span("Ana Ortiz, Kai Brandt. Heat flow in thin films of rare alloys, "),
                          Span(venue, bold=True), Span(", Submitted.")), source="md", tagger="rules")
    assert e is not None and e.get("title") == "Heat flow in thin films of rare alloys"
    assert fam(e) == ["Ortiz", "Brandt"]


@pytest.mark.parametrize(
    "text, year, extra",
    [
        # a year set off by punctuation is the date; one inside a name ("Fall 2013") is not
        ("A. Ortiz, Heat flow in thin films. Extended Abstracts Fall 2013, Lecture Notes of the Summer School, 2015.", "2015", {}),
        # only a year inside a name: it is the date
        ("A. Ortiz, Heat flow in thin films. In Proc. of ICML 2019, pages 1-10.", "2019", {"pages": "1--10"}),
        # "9:1991" is volume:page, not a year
        ("A. Ortiz, K. Brandt. Heat flow in thin films. Phys. Chem. Chem. Phys. 9:1991, 2007.", "2007", {"volume": "9", "pages": "1991"}),
    ],
)
def test_which_year_is_the_date(text: str, year: str, extra: dict[str, str]) -> None:
    e = parse(text, tagger="rules")
    assert e.get("year") == year
    assert {k: e.get(k) for k in extra} == extra


def test_title_after_a_kind_label_and_names() -> None:
    e = parse("Conference Ana Ortiz and Kai Brandt. Heat flow in thin films of rare alloys. In Proc. of the Heat Conference. 2021.", tagger="rules")
    assert fam(e) == ["Ortiz", "Brandt"] and e.names()[0].given == "Ana"
    assert e.get("title") == "Heat flow in thin films of rare alloys"


@pytest.mark.parametrize(
    "text, title",
    [
        # an apostrophe inside a word closes no quote
        ('Ortiz, Ana (2021). "Goblins and Humans in Dragon’s Dogma" [Translated title]. Game Studies, 8(2): 169–185.',
         "Goblins and Humans in Dragon’s Dogma"),
        # a quote after a lower-case word is part of the title, not the title
        ("Ortiz, A.T., K. Brandt. Comment on “Heat flow in thin films of rare alloys”. Science 35, 2016.",
         "Comment on “Heat flow in thin films of rare alloys”"),
        # a quote after "in:" names the book the chapter is in
        ("Ortiz, Ana: Heat flow in thin films, in: Brandt, Kai (Hrsg.): “Rare alloys and their uses” Festschrift, Berlin 2021.",
         "Heat flow in thin films"),
    ],
)
def test_which_quote_is_the_title(text: str, title: str) -> None:
    assert parse(text, tagger="rules").get("title") == title


def test_names_right_before_a_quoted_title_after_a_sentence() -> None:
    e = parse('The solver reuses parts of HeatLib. If you use it, please also cite HeatLib itself:\nA.B. Ortiz, K.J. Brandt. '
              '"HeatLib: A framework for heat flow." Thermal Software, 42(10), 760–771, 2011.', tagger="rules")
    assert fam(e) == ["Ortiz", "Brandt"] and e.get("title") == "HeatLib: A framework for heat flow"
    assert e.get("journal") == "Thermal Software" and "please also cite" in (e.get("note") or "")


def test_a_link_label_after_the_venue_leaves_the_comma_venue_readable() -> None:
    e = parse("Ortiz, A., Brandt, K. (2020). Heat flow in thin films of rare alloys, Journal of Open Heat Data, 8: 7. DOI", tagger="rules")
    assert e.get("title") == "Heat flow in thin films of rare alloys"
    assert e.get("journal") == "Journal of Open Heat Data" and (e.get("volume"), e.get("pages")) == ("8", "7")


@pytest.mark.parametrize("tag", ["SCI:Q2", "SCI Q2", "JCR: Q1", "JCR-Q3", "SCIE：Q4"])
def test_ranking_tags_with_a_colon(tag: str) -> None:
    e = parse(f"Ana Ortiz, Kai Brandt. Heat flow in thin films. Journal of Heat 12, 2021 ({tag}, IF: 3.1)")
    assert e.get("journal") == "Journal of Heat" and e.get("title") == "Heat flow in thin films"


def test_coauthors_in_brackets_after_the_title() -> None:
    # economics CVs: the owner implied, the co-authors in brackets closing the title
    e = parse("Price stickiness in small open economies (with Mireille Aubin, Tomas Varga and Kwame Osei). Journal of Open Economies, 12 (2021), 33-58")
    assert e.get("title") == "Price stickiness in small open economies"
    assert fam(e) == ["Aubin", "Varga", "Osei"]
    one = parse("Why do inventories lag? (with Mireille Aubin). Review of Trade Cycles, 4 (2019), 1-20")
    assert one.get("title") == "Why do inventories lag?" and fam(one) == ["Aubin"]
    # brackets that hold no names stay in the title
    kept = parse("A. Okafor. Working with missing data (with applications to survey weights). Survey Methods 3 (2020)")
    assert kept.get("title") == "Working with missing data (with applications to survey weights)"


def test_title_with_one_coauthor() -> None:
    e = parse("Ripples at the close of trading, with Dermot Okafor, 2021")
    assert e.get("title") == "Ripples at the close of trading"
    assert fam(e) == ["Okafor"] and e.get("year") == "2021"


def test_title_then_by_names_then_venue() -> None:
    e = parse("Tide pools of the northern coast, by Ana Lindqvist and Tomas Berg, Coastal Letters, June 3, 2019")
    assert e.get("title") == "Tide pools of the northern coast"
    assert fam(e) == ["Lindqvist", "Berg"] and e.get("journal") == "Coastal Letters" and e.get("year") == "2019"
    edited = parse("Handbook of tidal science, edited by A. Lindqvist and T. Berg, Harbour Press, 2019")
    assert edited.get("title") == "Handbook of tidal science" and fam(edited, "editor") == ["Lindqvist", "Berg"]


def test_a_reading_list_byline_without_a_comma_before_by() -> None:
    # "Title by Names (year)", as reading lists and resource bullets write a book or a course
    e = parse("Numerical Methods for Tidal Flows by Ana Lindqvist and Tomas Berg (2011)", section="pub")
    assert (e.get("title"), fam(e), e.get("year")) == ("Numerical Methods for Tidal Flows", ["Lindqvist", "Berg"], "2011")
    one = parse("A Field Guide to Coastal Birds by Peter Morgan (2014)", section="pub")
    assert (one.get("title"), fam(one)) == ("A Field Guide to Coastal Birds", ["Morgan"])
    # "by" inside a title, followed by no names that end the item, stays in the title
    kept = parse("Learning by Doing in Large Classes. Journal of Teaching Notes 4, 2019", section="pub")
    assert kept.get("title") == "Learning by Doing in Large Classes"


def test_a_review_names_the_reviewed_books_maker_apart_from_its_title() -> None:
    # "Review of *Book*, by Its Author, *Venue*, date": the venue needs no venue word, and
    # the book's maker is no author of the review
    e = parse_segment(seg(Span("Review of "), Span("Harbours and Empire, 1760–1835", italic=True), Span(", by Kai M. Osei, "),
                          Span("Notes on Maritime Past", italic=True), Span(", March 28, 2017.")), tagger="rules", section="pub")
    assert e is not None and e.get("title") == "Review of Harbours and Empire, 1760–1835"
    assert e.get("journal") == "Notes on Maritime Past" and e.get("year") == "2017"
    assert not e.names("author") and "Osei" in (e.get("note") or "")


def test_a_subtitle_sentence_stays_in_the_title() -> None:
    # the sentence between title and venue shows nothing of a venue: no number, no
    # abbreviated word, no venue or publisher word
    first = parse("K. Osei, M. Brandt. Drift of sand ridges on tidal flats. A field survey over three winters. "
                  "Geomorph. Lett. 12:301, 2019.")
    assert first.get("title") == "Drift of sand ridges on tidal flats. A field survey over three winters"
    assert first.get("journal") == "Geomorph. Lett."
    titled = parse("Drift of sand ridges on tidal flats. A field survey over three winters. K. Osei, M. Brandt, "
                   "Geomorph. Lett. 12, 301 (2019).")
    assert titled.get("title") == first.get("title") and fam(titled) == ["Osei", "Brandt"]
    book = parse("Harbours of the northern sea. Trade and its places in the early middle ages (Leiden: Tidewater Press 2021)", section="pub")
    assert book.get("title") == "Harbours of the northern sea. Trade and its places in the early middle ages"


def test_a_venue_sentence_after_the_title_is_not_a_subtitle() -> None:
    e = parse("K. Osei, M. Brandt. Drift of sand ridges on tidal flats. Journal of Coastal Studies. 12:301, 2019.")
    assert e.get("title") == "Drift of sand ridges on tidal flats"
    thesis = parse("K. Osei. Drift of sand ridges on tidal flats. PhD thesis, University of Leiden. 2019.")
    assert thesis.get("title") == "Drift of sand ridges on tidal flats"


@pytest.mark.parametrize(("text", "title", "venue"), [
    ("Okafor, A., & Brandt, L. (2020). How do we teach tides to first-year students? The Physics Teacher, 58(2), 10-13.",
     "How do we teach tides to first-year students?", "The Physics Teacher"),
    ("Okafor A, Brandt L. Adjuvant care after surgery: who needs it? Annals of Surgery. 2019;270(2):1-9.",
     "Adjuvant care after surgery: who needs it?", "Annals of Surgery"),
    # what follows the question is a subtitle: it opens with "A", or a later chunk names the venue
    ("Okafor, A. (2019). Do tidal models agree? A systematic review. Tidal Notes 3, 1-9.",
     "Do tidal models agree? A systematic review", "Tidal Notes"),
    ("Okafor, A. (2019). Is 5G safe? Twelve tidal review studies. Journal of Tides, 3, 1-9.",
     "Is 5G safe? Twelve tidal review studies", "Journal of Tides"),
])
def test_a_question_ends_the_title_before_a_venue(text: str, title: str, venue: str) -> None:
    e = parse(text, tagger="rules")
    assert (e.get("title"), e.get("journal")) == (title, venue)


def test_an_italic_venue_after_a_question_mark() -> None:
    e = parse_segment(seg(Span("Okafor, A. (2025). How do we teach tides? "), Span("The Coastal Teacher", italic=True), Span(".")),
                      tagger="rules")
    assert e is not None and e.get("title") == "How do we teach tides?" and e.get("journal") == "The Coastal Teacher"


def test_a_list_number_glued_to_the_first_name() -> None:
    e = parse("1.Okafor A, Brandt L. Drift of sand ridges on tidal flats. Journal of Tides. 2019;3(1):1-9.")
    assert e.get("title") == "Drift of sand ridges on tidal flats" and fam(e) == ["Okafor", "Brandt"]


def test_an_abbreviated_venue_after_the_titles_comma() -> None:
    # "…, Hydrol. Earth Syst. Sci., 23": the full stop is an abbreviation's, not the title's end
    e = parse("Okafor, A., Brandt, L., 2019. Drift of sand ridges on tidal flats, Coast. Earth Syst. Sci., 23, 1453–1467.")
    assert e.get("title") == "Drift of sand ridges on tidal flats"
    thesis = parse("Okafor, A., 2019. Drift of sand ridges on tidal flats, MSc. Thesis, University of Leiden.")
    assert thesis.get("title") == "Drift of sand ridges on tidal flats"


# ---- APA descriptors after the title ---------------------------------------------------------------
@pytest.mark.parametrize(
    "shown, note",
    [
        ("River corridors of the plains (v1.0) [Data set]", "v1.0, Data set"),
        ("River corridors of the plains (Version 2.1) [Computer software]", "Version 2.1, Computer software"),
        ("River corridors of the plains [Computer program]", "Computer program"),
        ("River corridors of the plains (v3)", "v3"),
    ],
)
def test_apa_descriptors_leave_the_title(shown: str, note: str) -> None:
    e = parse(f"Ortiz, A., & Brandt, K. (2024). {shown}. Data Archive of Rivers. https://doi.org/10.1000/r1")
    assert e.get("title") == "River corridors of the plains"
    assert note in (e.get("note") or "")


def test_descriptor_pattern_is_linear() -> None:
    from refkit.extraction.citation import _TITLE_DESCRIPTOR

    assert _TITLE_DESCRIPTOR.search("x" + " " * 20000 + "y") is None


# ---- co-authors beside an implied owner, law citations, notes after the citation ---------------
def test_leading_with_group_gives_the_coauthors_not_title_words() -> None:
    e = parse("(with Ana Costa and Piotr Nowak) Tame curves on wild surfaces. J. Odd Geom. 14 (2020), 1-30.")
    assert e.get("title") == "Tame curves on wild surfaces"
    assert fam(e) == ["Costa", "Nowak"] and e.get("year") == "2020"
    lone = parse("(with Piotr Nowak) Higher sheaves and lower stacks. Preprint, 2018. arXiv:1801.01234")
    assert lone.get("title") == "Higher sheaves and lower stacks" and fam(lone) == ["Nowak"]


def test_title_then_with_coauthors_and_a_label() -> None:
    e = parse("Sheep counts at dusk, with Ana Costa and Li Wei (SSRN)")
    assert e.get("title") == "Sheep counts at dusk" and fam(e) == ["Costa", "Wei"]
    kept = parse("Learning, with and without labels. Journal of Odd Results 3, 2019.")
    assert kept.get("title") == "Learning, with and without labels"


def test_law_citation_after_the_title_is_venue_volume_page_and_year() -> None:
    e = parse("Votes for hire: proxy advice and its critics, 71 Mich. L. Rev. 455 (2021), with Ana Costa")
    assert e.get("title") == "Votes for hire: proxy advice and its critics"
    assert e.get("journal") == "Mich. L. Rev." and e.get("volume") == "71" and e.get("pages") == "455"
    assert e.get("year") == "2021" and fam(e) == ["Costa"]
    soon = parse("Counting votes twice, 115 Geo. L.J. __ (forthcoming 2026)")
    assert soon.get("title") == "Counting votes twice" and soon.get("journal") == "Geo. L.J."
    assert soon.get("year") == "2026" and soon.get("pubstate") == "forthcoming"


def test_names_then_editors_word_are_editors() -> None:
    e = parse("Li Wei and Jane Doe, editors. Proceedings of the Workshop on Quiet Mornings. Lecture Notes in Daily Life 12, 2018.")
    assert e.get("title") == "Proceedings of the Workshop on Quiet Mornings"
    assert fam(e, "editor") == ["Wei", "Doe"] and not e.get("author")


def test_a_quote_in_a_note_below_a_bold_heading_line_is_no_title() -> None:
    e = parse_segment(seg(Span("River deltas at night, with Ana Costa", bold=True), Span("\n"),
                          Span("Presented at the “Dark Water” Symposium (2022).")))
    assert e is not None and e.get("title") == "River deltas at night" and fam(e) == ["Costa"]


def test_a_note_line_after_the_citation_is_a_note_not_venue() -> None:
    e = parse_segment(seg(Span("Counting sheep in the dark", bold=True), Span("\n"), Span("Jane Doe, John Roe"),
                          Span("\n"), Span("Journal of Sleep Studies", italic=True), Span(", 12(3):45-67, 2021."),
                          Span("\n"), Span("A revised version of this paper was published in "),
                          Span("Sleep Letters", italic=True), Span(", 2022.")))
    assert e is not None and e.get("journal") == "Journal of Sleep Studies" and e.get("year") == "2021"
    assert "revised version" in (e.get("note") or "")


def test_note_and_coauthor_patterns_are_linear() -> None:
    from refkit.extraction.authors import marked_authors
    from refkit.extraction.citation.cleaning import _LAW_CITATION, _NOTE_OPENING
    from refkit.extraction.citation.build import _TITLE_WITH

    assert marked_authors("(with " + "a " * 20000) is None  # the reader of "(with A and B)" lists
    assert _LAW_CITATION.search("x, 1 " + "A. " * 20000 + "(2020") is None
    assert _NOTE_OPENING.match("see " * 20000) is None
    assert len(_TITLE_WITH.findall(", with " * 5000)) == 5000


def test_number_ranges_start_at_the_first_digit_of_a_run() -> None:
    """Tried from every digit of a long run (a venue of 8,000 digits), ``\\d+`` gave the run
    back each time: quadratic. A range now starts only where no digit precedes it."""
    from refkit.extraction.citation.venue import _NUMBER_RANGE

    assert _NUMBER_RANGE.match("pp. 123-45", 5) is None
    assert [m.group(0) for m in _NUMBER_RANGE.finditer("pp. 123-45, 2019 – 2020, x7-8")] == ["123-45", "2019 – 2020", "7-8"]


def test_punctuation_around_an_optional_year_is_one_run() -> None:
    """A year or punctuation only after the names ("Doe, J., ,,,, (2020).") is dropped. Two
    punctuation runs side by side around an optional year shared every long run (a line of
    16,000 commas: 3 s): the second run now follows only a year."""
    from refkit.extraction.citation.boundaries import _YEAR_OR_PUNCTUATION_ONLY as only

    assert [bool(only.fullmatch(s)) for s in (", ;: (2020).", ", ,", "2020", "", ", ,x", ", 2020 x")] == [True, True, True, True, False, False]
    assert only.pattern.count("[\\s.,;:]*") == 2 and "[\\s.,;:]*)?$" in only.pattern


#: a blank run long enough that the patterns as first written, restarting inside it from each
#: of its characters, took minutes (quadratic); scanned once it takes milliseconds
_LONG_BLANKS = " \t" * 200_000


def test_repeated_commas_are_one_comma_and_a_blank_run_is_scanned_once() -> None:
    from refkit.extraction.citation.venue import _REPEATED_COMMAS as commas

    table = {
        "Journal of Sheep, , 12": "Journal of Sheep, 12",
        "Journal of Sheep ,,, 12": "Journal of Sheep, 12",
        "a, ,b  , ,  , c": "a, b, c",
        " , ,x": ", x",
        "a, b, c": "a, b, c",
        "no commas at all": "no commas at all",
        "a,\t\n,": "a, ",
    }
    assert {s: commas.sub(", ", s) for s in table} == table
    assert commas.sub(", ", "a" + _LONG_BLANKS + "b") == "a" + _LONG_BLANKS + "b"
    assert commas.sub(", ", "a" + _LONG_BLANKS + ",,b") == "a, b"


def test_trailing_label_is_the_last_parenthesis_and_a_blank_run_is_scanned_once() -> None:
    from refkit.extraction.citation.build import _TRAILING_LABEL as label

    table = {
        " (SSRN)": "",
        "  (SSRN, NBER)  ": "",
        "Ana Costa (with slides)": "Ana Costa",
        "(a) (b)": "(a)",
        "(SSRN) x": "(SSRN) x",
        "(a (b))": "(a (b))",
        "(" + "x" * 81 + ")": "(" + "x" * 81 + ")",
        "no label": "no label",
    }
    assert {s: label.sub("", s) for s in table} == table
    assert label.sub("", "a" + _LONG_BLANKS + "b") == "a" + _LONG_BLANKS + "b"
    assert label.sub("", "a" + _LONG_BLANKS + "(SSRN)") == "a"


def test_editor_and_list_separators_split_as_before_and_a_blank_run_is_scanned_once() -> None:
    from refkit.extraction.citation.venue import _EDITOR_SEPARATOR as editors
    from refkit.extraction.citation.boundaries import _LIST_SEPARATOR as names

    table = {
        "Matheus/Wolf": ["Matheus", "Wolf"],
        "Matheus , Wolf & Kern": ["Matheus", "Wolf", "Kern"],
        "Matheus und Wolf": ["Matheus", "Wolf"],
        "Matheus u.a.": ["Matheus", "u.a."],
        "Matheus  u. a.": ["Matheus", "u. a."],
        "Matheus, und Wolf": ["Matheus", "und Wolf"],
        "Mandela": ["Mandela"],
    }
    assert {s: editors.split(s) for s in table} == table
    assert [m.group(0) for m in names.finditer("Doe, Roe  and Wei, and Kim")] == [", ", "  and ", ", "]
    assert editors.split("Matheus" + _LONG_BLANKS + "Wolf") == ["Matheus" + _LONG_BLANKS + "Wolf"]
    assert editors.split("Matheus" + _LONG_BLANKS + "und Wolf") == ["Matheus", "Wolf"]
    assert [m.span() for m in names.finditer("Doe" + _LONG_BLANKS + "Roe")] == []
    assert [m.span() for m in names.finditer("Doe" + _LONG_BLANKS + "and Roe")] == [(3, 3 + len(_LONG_BLANKS) + 4)]


# ---- markup ends the author list -----------------------------------------------------------
@pytest.mark.parametrize(
    "names, style",
    [
        ("Ada Okafor, Lena Brandt, Tom Weiss ", "italic"),
        ("Okafor A, Brandt L, Weiss T ", "italic"),
        ("Ada Okafor, Lena Brandt, Tom Weiss ", "bold"),
    ],
)
def test_a_styled_title_right_after_the_names_ends_the_list(names: str, style: str) -> None:
    """No punctuation between the last name and the title: the title's markup is the boundary,
    even when the title opens with a number ("20 Years: …")."""
    item = seg(Span(names), Span("20 Years of coastal sediment drift in tidal estuaries.", **{style: True}),
               Span(" Marine geology (2022)."))
    e = parse_segment(item, tagger="rules")
    assert e is not None
    assert fam(e) == ["Okafor", "Brandt", "Weiss"]
    assert e.get("title") == "20 Years of coastal sediment drift in tidal estuaries"
    assert e.get("journal") == "Marine geology" and e.get("year") == "2022"


def test_names_after_an_ellipsis_before_an_italic_title_are_authors() -> None:
    """"A, B, …, Z *Title*": the name after the ellipsis belongs to the list (the ellipsis
    drops out, as middle ellipses do), not to the title."""
    item = seg(Span("Ada Okafor, Lena Brandt, Tom Weiss, …, Karl Lindqvist "),
               Span("Seasonal drift of coastal sediment.", italic=True), Span(" Marine geology (2022)."))
    e = parse_segment(item, tagger="rules")
    assert e is not None
    assert fam(e) == ["Okafor", "Brandt", "Weiss", "Lindqvist"]
    assert e.get("title") == "Seasonal drift of coastal sediment"


def test_a_plain_title_word_before_an_italic_run_is_no_name() -> None:
    """A plain title followed by an italic venue in the same chunk keeps its words."""
    item = seg(Span("Okafor, A., Brandt, L. (2021). Sediment transport in braided rivers, "),
               Span("Water Resources Research", italic=True), Span(", 57(3), 1–12."))
    e = parse_segment(item, tagger="rules")
    assert e is not None
    assert e.get("title") == "Sediment transport in braided rivers"
    assert e.get("journal") == "Water Resources Research"


@pytest.mark.parametrize(
    "spans",
    [
        # author first (APA report): the italic title holds a full stop before its subtitle
        (Span("Okafor, A., & Brandt, L. (2024). "), Span("Rivers and rights. A review of the standards", italic=True),
         Span(". Lagos: Delta Press.")),
        # title first, bold
        (Span("Rivers and rights. A review of the standards", bold=True), Span(". Okafor, A., & Brandt, L. Lagos: Delta Press, 2024.")),
    ],
)
def test_a_styled_title_runs_across_its_full_stop(spans: tuple[Span, ...]) -> None:
    e = parse_segment(seg(*spans), tagger="rules")
    assert e is not None
    assert e.get("title") == "Rivers and rights. A review of the standards"
    assert fam(e) == ["Okafor", "Brandt"] and e.get("year") == "2024"


def test_a_styled_title_and_a_styled_venue_stay_two_fields() -> None:
    """Two italic runs with a plain space between them are two runs: the title stops at the first."""
    e = parse_segment(seg(Span("Okafor, A. (2024). "), Span("Rivers and rights.", italic=True), Span(" "),
                          Span("Journal of Delta Studies", italic=True), Span(", 4(2), 1–9.")), tagger="rules")
    assert e is not None
    assert e.get("title") == "Rivers and rights" and e.get("journal") == "Journal of Delta Studies"


def test_names_end_where_an_italic_title_starts() -> None:
    entry = parse_segment(seg(Span("Ana Ortiz, Kai Brandt, …, Lena Voss "), Span("Heat flow in thin films of ice.", italic=True),
                              Span(" Journal of Glaciology (2021).")), tagger="rules")
    assert entry is not None
    assert [n.family for n in entry.names()] == ["Ortiz", "Brandt", "Voss"]
    assert entry.get("title") == "Heat flow in thin films of ice"


def test_a_date_column_before_the_names_is_no_part_of_them() -> None:
    entry = parse_text("2013 Ortiz, A.B., K. Brandt, and L. Voss. 2013. “Heat flow in thin films”. Journal of Glaciology 80: 5.", tagger="rules")
    assert entry is not None
    assert [n.family for n in entry.names()] == ["Ortiz", "Brandt", "Voss"]
    assert entry.get("year") == "2013"


@pytest.mark.parametrize(
    "text",
    [
        "Okafor, Ada. “Sediment Drift in Tidal Estuaries.” River Notes. Accessed May 22, 2019. https://example.org/drift",
        "Okafor, A. Sediment drift in tidal estuaries. River Notes. Retrieved March 3, 2019, from https://example.org/drift",
        "Okafor, A.: Sediment drift in tidal estuaries. River Notes (last accessed on 2019-05-22).",
        "Okafor, A.: Sediment drift in tidal estuaries. River Notes. Zugriff am 22.05.2019.",
    ],
)
def test_an_access_date_is_no_publication_date(text: str) -> None:
    """The day a page was read is not when it was published: no year, no month, and it
    stays out of the venue; the item is still read (an access date marks a citation)."""
    e = parse(text)
    assert e.get("title") == "Sediment drift in tidal estuaries" or e.get("title") == "Sediment Drift in Tidal Estuaries"
    assert e.get("year") is None and e.get("month") is None
    assert e.get("journal") == "River Notes"


def test_a_publication_date_beside_an_access_date_is_kept() -> None:
    e = parse("Okafor, A. (2017). Sediment drift in tidal estuaries. River Notes. Retrieved March 3, 2019, from https://example.org/drift")
    assert e.get("year") == "2017"


def test_names_after_a_venue_line_below_a_linked_title() -> None:
    item = seg(Span("Heat flow in thin films of ice", link="https://example.org/p"), Span("\nThermal Letters, 2016\n"),
               Span("Ana Ortiz, Kai T. Brandt, Lena Voss\n"), Span("We measure heat flow in ice."))
    e = parse_segment(item, tagger="rules")
    assert e is not None
    assert fam(e) == ["Ortiz", "Brandt", "Voss"]
    assert e.get("title") == "Heat flow in thin films of ice" and e.get("year") == "2016"


def test_a_name_then_in_and_the_book() -> None:
    e = parse_text("“Heat flow in thin films,” M. A. Ortiz in Ice Physics, edited by K. Lee (Springer, 2001), p. 13.", tagger="rules")
    assert e is not None
    assert fam(e) == ["Ortiz"]
    assert e.get("title") == "Heat flow in thin films"


def test_by_introduces_the_names_after_a_title() -> None:
    e = parse_text("“A Narrative of the Flood, 1735–1741,” by Roger Okafor, Journal of River Studies 2, no. 2 (2012): 83–142.", tagger="rules")
    assert e is not None
    assert fam(e) == ["Okafor"]
    assert e.get("title") == "A Narrative of the Flood, 1735–1741"


def test_an_icon_glyph_is_no_part_of_the_names() -> None:
    e = parse_segment(seg(Span("\uf0f6A. Ortiz, K. Brandt and L. Voss, \"Heat flow in thin films\", in Ice Physics, 2021")), tagger="rules")
    assert e is not None
    assert fam(e) == ["Ortiz", "Brandt", "Voss"]


# ---- a year inside the venue's name ----------------------------------------------------------
@pytest.mark.parametrize(
    "venue, shown, year, pages",
    [
        # a name goes on after the year: it stays, and dates the item when nothing else does
        ("RIVCON 2019 Proceedings.", "RIVCON 2019 Proceedings", "2019", None),
        ("In 2018 IEEE Symposium on River Sensing, pp. 1-5.", "2018 IEEE Symposium on River Sensing", "2018", "1--5"),
        # the date is shown apart: the year leading the name stays in the name
        ("2016 DELTA Annals, (2017), 49–76.", "2016 DELTA Annals", "2017", "49--76"),
        # the same year again on its own: the acronym's one is its name's; a bare page range is pages
        ("In SEDSTAT 2011, 170–176. 2011.", "SEDSTAT 2011", "2011", "170--176"),
        # an acronym's year closing a bracket, before a colon, a dash or a place
        ("In Proc. of the 40th Conference on Rivers (RIVCON 2023), 2023.", "Proc. of the 40th Conference on Rivers (RIVCON 2023)", "2023", None),
        ("In RIVCON 2021: 3rd Workshop on Deltas, 2021.", "RIVCON 2021: 3rd Workshop on Deltas", "2021", None),
        ("In Conférence DELTA 2019, Lille, France.", "Conférence DELTA 2019, Lille, France", "2019", None),
        # an acronym journal's year is its date, as is a year before a month or a volume
        ("JHEP 2022.", "JHEP", "2022", None),
        ("PNAS 2019, 116, 12-19.", "PNAS", "2019", "12--19"),
        ("Lancet 2019 Mar;393:12-19.", "Lancet", "2019", "12--19"),
        # an ISO month and a year range are no pages
        ("bioRxiv, 2023-07.", "bioRxiv, 2023-07", "2023", None),
    ],
)
def test_a_year_in_the_venue_name_stays_there(venue: str, shown: str, year: str, pages: str | None) -> None:
    e = parse(f"A. Okafor. Sediment drift in deltas. {venue}", tagger="rules")
    assert (e.get("journal") or e.get("booktitle") or e.get("howpublished")) == shown
    assert e.get("year") == year and e.get("pages") == pages
    assert e.get("volume") != year


@pytest.mark.parametrize(
    "text, title",
    [
        ("Okafor, A. and Brandt, L. (2013). Sediment drift in deltas: assumptions for rivers in natural contexts,\n"
         "Visual Hydrology, 24, 1-10.", "Sediment drift in deltas: assumptions for rivers in natural contexts"),
        ("Okafor, A. and Brandt, L. (2013). Cats, dogs and rivers, Visual Hydrology, 24, 1-10.", "Cats, dogs and rivers"),
        ("Okafor, A. and Brandt, L. (2013). Cats, dogs and rivers, Visual Hydrology, 24(3), 1-10.", "Cats, dogs and rivers"),
    ],
)
def test_a_comma_before_journal_volume_and_pages_ends_the_title(text: str, title: str) -> None:
    """"Title, Journal, 24, 1-10.": a name, a volume and pages closing the item are its venue,
    cut from the title at the comma before them (the title's own commas stay), even when the
    journal's name holds no venue word."""
    e = parse(text, tagger="rules")
    assert e.get("title") == title
    assert e.get("journal") == "Visual Hydrology" and e.get("volume") == "24" and e.get("pages") == "1--10"


@pytest.mark.parametrize("text, title, venue", [
    ("WANG L, CHEN H. Soil carbon storage in terraced farmland[J]. Catena, 2021, 198: 105012.",
     "Soil carbon storage in terraced farmland", "Catena"),
    ("CHEN H, WANG L. A review of gully erosion monitoring[J/OL]. Earth-Science Reviews, 2020, 205: 103187.",
     "A review of gully erosion monitoring", "Earth-Science Reviews"),
    ("WANG L. Principles of watershed management[M]. Beijing: Science Press, 2017.",
     "Principles of watershed management", "Science Press"),
])
def test_the_kind_code_after_a_gbt_title_is_no_part_of_it(text: str, title: str, venue: str) -> None:
    entry = parse_text(text)
    assert entry is not None
    assert entry.get("title") == title
    assert venue in (entry.get("journal") or entry.get("publisher") or "")


def test_a_bracketed_word_ending_a_title_stays() -> None:
    entry = parse_text("Doe, J. (2020). Reading the letter [Aleph]. Journal of Scripts, 3, 1-9.")
    assert entry is not None and (entry.get("title") or "").endswith("[Aleph]")


@pytest.mark.parametrize(
    "text, expected, title",
    [
        # a line break cuts the last name of a sure list: its initials end the line...
        ("Ortiz, A., Lind, P. K., Dahl, M. D., & H. J.\nBrandt. (2021). Reading lists of names. Journal of Lists 4, 1-9.",
         ["Ortiz", "Lind", "Dahl", "Brandt"], "Reading lists of names"),
        # ... or, in a list writing initials after the family name, the family name does
        ("Ortiz AB, Lind PK, Dahl M, and Brandt\nH. (2019)\nSorting the names of things. J Lists 2:1-9.",
         ["Ortiz", "Lind", "Dahl", "Brandt"], "Sorting the names of things"),
        # a list whose names are whole keeps its title on the next line
        ("Ortiz, A., Lind, P.\nA Study of Things. Journal of Lists 3, 2020.", ["Ortiz", "Lind"], "A Study of Things"),
    ],
)
def test_a_line_break_inside_the_last_name(text: str, expected: list[str], title: str) -> None:
    e = parse(text)
    assert fam(e) == expected
    assert e.get("title") == title


def test_year_heading_dates_items_and_picks_among_shown_numbers() -> None:
    # under a year heading, an item that shows no year takes the heading's; one that shows
    # two year-like numbers ("vol, article number, year") takes the one that agrees with it
    plain = seg(Span("A. Okafor, L. Brandt. Tidal mixing in shallow estuaries. "), Span("Coastal Dynamics Letters", italic=True),
                headings=("Journal Articles", "2017¶"))
    entry = parse_segment(plain)
    assert entry is not None and entry.get("year") == "2017"
    numbered = seg(Span("A. Okafor, L. Brandt. Tidal mixing in shallow estuaries. "), Span("Coastal Dynamics Letters", italic=True),
                   Span(", 12, 1984, 2024"), headings=("Journal Articles", "2024"))
    entry = parse_segment(numbered)
    assert entry is not None and entry.get("year") == "2024"
    unheaded = seg(Span("A. Okafor, L. Brandt. Tidal mixing in shallow estuaries. "), Span("Coastal Dynamics Letters", italic=True),
                   Span(", 12, 1984, 2024"), headings=("Journal Articles",))
    entry = parse_segment(unheaded)
    assert entry is not None and entry.get("year") == "1984"  # no evidence to choose by: the first


@pytest.mark.parametrize(("text", "year", "pages"), [
    ("A. Okafor and L. Brandt, Tidal mixing in shallow estuaries, Coastal Dyn. Lett. 12, 1979 (2024).", "2024", "1979"),
    ("A. Okafor and L. Brandt, Tidal mixing in shallow estuaries, Coastal Dyn. Lett. 45, 1992 (1993).", "1993", "1992"),
    ("A. Okafor and L. Brandt, Tidal mixing in shallow estuaries, Coastal Dyn. Lett. 45, 102 (1993).", "1993", "102"),
])
def test_a_year_in_parentheses_beats_an_article_number_shaped_like_a_year(text: str, year: str, pages: str) -> None:
    entry = parse_text(text)
    assert entry is not None and entry.get("year") == year and entry.get("pages") == pages


@pytest.mark.parametrize("text", [
    "Okafor, A. and Brandt, L. (2015) 'Tidal mixing in shallow estuaries', Journal of River Science, 12(3), pp. 4–9.",
    "A. Okafor, L. Brandt. Tidal mixing in shallow estuaries. Journal of River Science, accepted for publication, 2023.",
    "A. Okafor, L. Brandt. Tidal mixing in shallow estuaries. Accepted for publication in Journal of River Science.",
])
def test_venue_keeps_no_status_words_or_quote_debris(text: str) -> None:
    # Harvard's quoted title leaves its closing quote before the journal; "accepted for
    # publication" is a status, not part of the journal's name
    entry = parse_text(text)
    assert entry is not None and entry.get("journal") == "Journal of River Science"


@pytest.mark.parametrize(("text", "kind", "school"), [
    ("Okafor, A. (2015). Tidal mixing in shallow estuaries (Doctoral dissertation). University of Oslo, Oslo, Norway.",
     "phdthesis", "University of Oslo, Oslo, Norway"),
    ("Okafor, A. (2015). Tidal mixing in shallow estuaries [Master's thesis, University of Oslo].", "mastersthesis", "University of Oslo"),
    ("Okafor, A. (2015). Tidal mixing in shallow estuaries (Unpublished master's thesis). University of Oslo.",
     "mastersthesis", "University of Oslo"),
    ("Okafor, A. (2015). Tidal mixing in shallow estuaries [Doctoral dissertation]. University of Oslo.", "phdthesis", "University of Oslo"),
])
def test_apa_thesis_descriptor_is_the_venue_not_the_title(text: str, kind: str, school: str) -> None:
    entry = parse_text(text)
    assert entry is not None and entry.get("title") == "Tidal mixing in shallow estuaries"
    assert entry.type == kind and entry.get("school") == school


@pytest.mark.parametrize(("text", "venue", "note"), [
    ('A. Okafor, L. Brandt, "Tidal mixing in shallow estuaries," in Proc. RiverConf 2017 (poster paper).', "Proc. RiverConf", "poster paper"),
    ('A. Okafor, L. Brandt, "Tidal mixing in shallow estuaries," in Proc. RiverConf 2018. (authors listed in alphabetical order)',
     "Proc. RiverConf", "authors listed in alphabetical order"),
    ("A. Okafor, L. Brandt. Tidal mixing in shallow estuaries. Acta Fluvialis Sinica, 2018, 12(3): 4-9 (in Chinese).",
     "Acta Fluvialis Sinica", "in Chinese"),
    ("A. Okafor, L. Brandt. Tidal mixing in shallow estuaries. Letters in Rivers (eRivers), 2018.", "Letters in Rivers (eRivers)", None),
])
def test_a_closing_remark_in_parentheses_is_a_note_not_the_venue(text: str, venue: str, note: str | None) -> None:
    entry = parse_text(text)
    assert entry is not None
    assert (entry.get("journal") or entry.get("booktitle")) == venue
    assert entry.get("note") == note


@pytest.mark.parametrize(("tail", "venue"), [
    ("Pre-print at bioRxiv.", "bioRxiv"),
    ("Published in Journal of River Science.", "Journal of River Science"),
    ("Appeared in: Journal of River Science.", "Journal of River Science"),
])
def test_words_placing_the_paper_are_not_the_venue(tail: str, venue: str) -> None:
    entry = parse_text(f"Okafor, A., Brandt, L. (2021) Tidal mixing in shallow estuaries. {tail}")
    assert entry is not None
    assert (entry.get("journal") or entry.get("howpublished")) == venue


@pytest.mark.parametrize(("text", "venue", "volume", "number"), [
    ("Okafor, A. (2015). Le mélange des marées. Dans : Actes du colloque Fleuves, p. 4-9.", "Actes du colloque Fleuves", None, None),
    ("Okafor, A. (2015). La mezcla de mareas. En: Actas del Congreso de Ríos, pp. 4-9.", "Actas del Congreso de Ríos", None, None),
    ("Okafor A., 2015. Mieszanie pływowe w estuariach. W: Rzeki Polski, 4-9.", "Rzeki Polski", None, None),
    ("Okafor, A. (2015). Gezeiten im Ästuar. Zeitschrift für Flusskunde, Bd. 12, H. 3, S. 4-9.", "Zeitschrift für Flusskunde", "12", "3"),
    ("Okafor, A. (2015). Le mélange des marées. Revue des fleuves, t. 12, n° 3, p. 4-9.", "Revue des fleuves", "12", "3"),
    ("Okafor, A. (2015). La mezcla de mareas. Revista de Ríos, vol. 12, núm. 3, pp. 4-9.", "Revista de Ríos", "12", "3"),
    ("Okafor, A. (2015). A mistura das marés. Revista de Rios, v. 12, n. 3, p. 4-9.", "Revista de Rios", "12", "3"),
    ("Okafor, A. (2015). Getijden in estuaria. Tijdschrift voor Rivieren, jg. 12, nr. 3, 4-9.", "Tijdschrift voor Rivieren", "12", "3"),
])
def test_container_words_of_other_languages_leave_the_venue(text: str, venue: str, volume: str | None, number: str | None) -> None:
    entry = parse_text(text)
    assert entry is not None
    assert (entry.get("journal") or entry.get("booktitle")) == venue
    assert (entry.get("volume"), entry.get("number"), entry.get("pages")) == (volume, number, "4--9")


@pytest.mark.parametrize(("text", "editor", "book"), [
    ("Okafor A., 2015. Mieszanie pływowe w estuariach. [W:] Smith J. (red.), Rzeki Polski. Wydawnictwo UW, Warszawa, 4-9.",
     "Smith", "Rzeki Polski. Wydawnictwo UW, Warszawa"),
    ("Okafor, A. (2015). A mistura das marés. Em: Silva, J. (org.). Rios do Brasil. São Paulo: Editora Rio, p. 4-9.",
     "Silva", "Rios do Brasil. São Paulo: Editora Rio"),
    ("Okafor, A. (2015). Le mélange des marées. Dans : J. Dupont (dir.), Les fleuves. Paris : PUF, p. 4-9.", "Dupont", "Les fleuves. Paris: PUF"),
])
def test_editors_marked_in_other_languages_are_no_part_of_the_book(text: str, editor: str, book: str) -> None:
    entry = parse_text(text)
    assert entry is not None and entry.type == "incollection"
    assert entry.get("editor", "").startswith(editor) and entry.get("booktitle") == book


def test_a_year_in_parentheses_further_on_is_no_reason_to_doubt_the_date() -> None:
    # an erratum's year, or a full date followed by the year again, is not the article number case
    entry = parse_text("A. Okafor, L. Brandt, Tidal mixing in shallow estuaries, Coastal Dyn. Lett. 71, 1554, 2011. "
                       "[Erratum: Coastal Dyn. Lett. 73, 2501 (2013)]")
    assert entry is not None and entry.get("year") == "2011"
    dated = parse_text("Okafor, Ada, and Lena Brandt. Tidal mixing in shallow estuaries. Coastal Dynamics (November 27, 2019) (2019).")
    assert dated is not None and dated.get("year") == "2019" and dated.get("month") == "nov"


def test_a_year_heading_does_not_prefer_a_meeting_name_year_over_the_date() -> None:
    # proceedings of a 2014 meeting printed in 2015, listed under "2014": the date shown is 2015
    entry = parse_segment(seg(Span("M. Okafor and L. Brandt. "), Span("Tidal mixing in shallow estuaries", italic=True),
                              Span(" in proceedings of RIVERCON 2014, Springer Verlag, 2015."), headings=("Papers", "2014")))
    assert entry is not None and entry.get("year") == "2015"
    dated = parse_segment(seg(Span("M. Okafor and L. Brandt. "), Span("Tidal mixing in shallow estuaries", italic=True),
                              Span(" in proceedings of RIVERCON 2010, Oslo, Norway, October 2010."), headings=("Papers", "2010")))
    assert dated is not None and dated.get("year") == "2010" and dated.get("month") == "oct"


def test_a_bold_author_year_byline_is_not_the_title() -> None:
    # author-date lists that set "Family, I. (Year)" in bold: the italic run is the title
    e = parse_segment(Segment((
        Span("Nowak, K. (2020)", bold=True), Span(". "), Span("Catalogues of small town libraries", italic=True),
        Span(". Library Quarterly Review. 10.1000/lqr.2020.7"),
    )))
    assert e is not None
    assert e.get("title") == "Catalogues of small town libraries"
    assert fam(e) == ["Nowak"] and e.get("year") == "2020"
    # a bold title that ends in a year is still the title
    e = parse_segment(Segment((Span("A. Nowak. "), Span("Libraries of the Vistula region, 1900-2020", bold=True), Span(". Library Quarterly Review, 2021."))))
    assert e is not None and e.get("title") == "Libraries of the Vistula region, 1900-2020"


def test_a_quoted_journal_followed_by_its_issue_is_no_title() -> None:
    from refkit.extraction.citation.boundaries import _quoted_title

    # Italian, Polish and Russian citations quote the journal, not the title: the quote with an
    # issue mark or the issue's date right after it is the container, never the title
    for text in ("Il porto vecchio e la città\n«Rivista del Mare» a. 3 n. 2, 1999",
                 "Katalogi bibliotek miejskich. „Przegląd Biblioteczny” 2019, nr 3, s. 5-20.",
                 "Sale e memoria\n«Giornale della Costa» 12 aprile 2005",
                 "Le voci della riva\n«Quaderni di Storia Locale» a. XII n. 4"):
        assert _quoted_title(text) is None, text
    # a quoted title followed by its venue stays the title
    text = 'A. Rossi, "The old harbour and the town," Journal of the Sea, 3(2), 1999.'
    found = _quoted_title(text)
    assert found is not None and text[found[0]:found[1]] == "The old harbour and the town,"


def test_a_placeholder_in_the_year_slot_gives_no_year_and_no_title_word() -> None:
    # year-first lists write "TBA." where the year will go, APA "(n.d.)."
    for text in ("TBA. Vowel harmony in two valley dialects. Journal of Valley Languages 3(1):4.",
                 "(n.d.). Vowel harmony in two valley dialects. Journal of Valley Languages 3(1):4."):
        e = parse(text, section="pub")  # (no names, no year: taken under a publications heading)
        assert e.get("title") == "Vowel harmony in two valley dialects"
        assert e.get("journal") == "Journal of Valley Languages"
        assert not e.get("year")
    # a title that starts with an acronym is not cut
    e = parse("2021. TBAN signalling in yeast. Journal of Cells 3(1):4.", section="pub")
    assert e.get("title") == "TBAN signalling in yeast" and e.get("year") == "2021"


def test_a_meetings_date_is_not_the_proceedings_year() -> None:
    e = parse("Study of earthen walls, A. Smith, B. Doe, in: Proceedings of the Workshop on Walls, October 14-15, 2004, "
              "Munich, Germany, C. Roe (Hrsg.), Springer, Heidelberg, 2005, pp. 285-296.")
    assert e.get("year") == "2005"
    only = parse("J. Smith and B. Doe. A study of mud walls. In Proceedings of the World Congress, Santa Fe, USA, June 7-10, 2022, pp. 488-494.")
    assert only.get("year") == "2022"


# ---- title-first cards: a labelled author line, then the venue after a bullet -------------------
@pytest.mark.parametrize("label", ["Authors", "Autores", "Szerzők", "Yazarlar"])
def test_title_first_card_with_a_labelled_author_line(label: str) -> None:
    e = parse_segment(seg(Span("Quiet rivers of the northern plains", bold=True), Span("\n"),
                          Span(f"{label}: Ruiz P, Okafor NA, Lind K • Revista de Hidrología, 2023;12(1):4-9")), source="html")
    assert e is not None
    assert fam(e) == ["Ruiz", "Okafor", "Lind"]
    assert e.get("title") == "Quiet rivers of the northern plains"
    assert (e.get("journal"), e.get("year"), e.get("volume")) == ("Revista de Hidrología", "2023", "12")


def test_a_labelled_line_that_is_no_name_list_stays_the_venue() -> None:
    e = parse_segment(seg(Span("Quiet rivers of the northern plains", bold=True), Span("\n"),
                          Span("Journal: Revista de Hidrología, 2023")), source="html")
    assert e is not None
    assert fam(e) == [] and e.get("year") == "2023"


def test_an_arxiv_doi_link_gives_the_arxiv_id_and_the_doi_it_shows() -> None:
    url = "https://doi.org/10.48550/arXiv.2511.12431"
    e = parse_segment(seg(Span("J. Roe, J. Doe. Online certificates with language guidance. 2025. "), Span("arXiv", link=url),
                          links=(Link("arXiv", url),)))
    assert e is not None and (e.get("eprint"), e.get("doi")) == ("2511.12431", "10.48550/arXiv.2511.12431")
    plain = parse_segment(seg(Span("J. Roe. Another title of a paper. Journal of Things, 2024. "),
                              links=(Link("arXiv", "https://arxiv.org/abs/2401.00001"),)))
    assert plain is not None and plain.get("eprint") == "2401.00001" and plain.get("doi") is None


def test_glued_initials_with_one_full_stop_are_no_sentence_end() -> None:
    # Chinese given names as two capitals and one full stop: "HQ. Lin", not "HQ." + "Lin, …"
    e = parse("HQ. Lin, WT. Fang, Y. Qiu. (2020). Soil carbon under urban trees. Urban Ecology Letters. 4(2), 11-19.")
    assert fam(e) == ["Lin", "Fang", "Qiu"]
    assert e.get("title") == "Soil carbon under urban trees"
    assert e.get("year") == "2020"


def test_an_empty_first_name_slot_is_no_title() -> None:
    # the owner's name left out by the page's template ("\\Me, A. Doe …" with \\Me undefined)
    seg = Segment((Span("#", sup=True), Span(", KL. Berg, A. Novak. Mapping rooftop gardens with drones. (submitted).")))
    e = parse_segment(seg)
    assert e is not None and fam(e) == ["Berg", "Novak"]
    assert e.get("title") == "Mapping rooftop gardens with drones"


def test_a_status_in_closing_brackets_leaves_no_empty_brackets_in_the_title() -> None:
    e = parse("A. Novak, KL. Berg. Mapping rooftop gardens with drones. (under revision).", tagger="rules")
    assert e.get("title") == "Mapping rooftop gardens with drones"


def test_the_tagger_title_stops_at_an_italic_venue_after_its_full_stop() -> None:
    seg = Segment((Span("R. Okoye, T. Haines (2018). Urban heat islands measured from parked cars and weather stations. "),
                   Span("Remote Sensing", italic=True), Span(". "), Span("10", italic=True), Span("(4), 1-12.")))
    e = parse_segment(seg, tagger="crf")
    assert e is not None
    assert e.get("title") == "Urban heat islands measured from parked cars and weather stations"
    assert e.get("journal") == "Remote Sensing"


def test_a_quote_in_an_italic_note_below_the_item_is_not_its_title() -> None:
    seg = Segment((Span("Rivers and their towns\n"), Span("«Regional Review» a. 4 n. 2 2001\n"),
                   Span("“A patient and rewarding reading of the landscape” (from the jury's report).", italic=True)))
    e = parse_segment(seg, section="pub")
    assert e is not None and e.get("title") == "Rivers and their towns"


def test_a_quote_opening_the_item_before_a_subtitle_is_part_of_the_title() -> None:
    e = parse("“Silent spring”: pesticides and the birth of a movement\n«Regional Review» n. 12 2013", section="pub")
    assert e.get("title") == "“Silent spring”: pesticides and the birth of a movement"


def test_a_quoted_byname_inside_a_person_name_is_not_the_title() -> None:
    seg = Segment((Span("A Field Guide to Sampling River Water for Environmental DNA", bold=True),
                   Span(' (2025). Mara Ortiz, Tomas "Kestrel" Whitfield, Ana Lopes. '), Span("ReadTheDocs", italic=True),
                   Span(". DOI: 10.5281/zenodo.1234567.")))
    e = parse_segment(seg)
    assert e is not None and e.get("title") == "A Field Guide to Sampling River Water for Environmental DNA"


def test_a_long_bold_title_line_with_its_year_is_no_abstract() -> None:
    # a title-first line with many small words and full names without initials reads like prose
    seg = Segment((Span("Patterns of seed dispersal, seedling survival, and a new long-term record of the forest canopy in the "
                        "northern part of the range of the species from a field survey over two decades", bold=True),
                   Span(" (2024). Ana Lopes, Mara Ortiz, Tomas Whitfield, Lena Brandt, Ivo Sousa. "),
                   Span("Forest Ecology Letters", italic=True), Span(".")))
    e = parse_segment(seg)
    assert e is not None and e.get("title", "").startswith("Patterns of seed dispersal") and e.get("year") == "2024"


def test_years_written_with_the_year_mark_or_as_year_dot_month() -> None:
    e = parse("王芳, 刘洋. 城市绿地与热环境研究. 生态学杂志, 2019年, 38(3): 1-10")
    assert (e.get("year"), e.get("journal")) == ("2019", "生态学杂志")
    e = parse("佐藤 花子, 鈴木 一郎, “都市緑地の温熱環境”, 第20回 環境学会全国大会論文集, 2C1-03 (2005.9)")
    assert (e.get("year"), e.get("month")) == ("2005", "sep")
    assert e.get("journal") == "第20回 環境学会全国大会論文集, 2C1-03"


def test_a_title_first_card_keeps_its_title_line() -> None:
    seg = Segment((Span("Seed flow in northern forests"), Span("\n"), Span("A.B. Lindqvist, K. Okafor, M. Ortiz"), Span("\n"),
                   Span("Symposium on Forest Dynamics (Forest Letters)"), Span("\n"), Span("2021")))
    e = parse_segment(seg, section="pub")
    assert e is not None and e.get("title") == "Seed flow in northern forests"


# ---- title and venue in one chunk (styles nobody tuned on) --------------------------------
@pytest.mark.parametrize("text, title, venue", [
    # a container's mark inside the title's chunk
    ("Okoro, Ada und Lind, Berit (1999): Tidal Mixing over Rough Slopes In: Ocean Letters, Band 12, Ausgabe 3, 101–109.",
     "Tidal Mixing over Rough Slopes", "Ocean Letters"),
    ("A. Okoro, B. Lind, Tidal mixing over rough slopes, in «Ocean Letters», fasc. 12, 1999, p. 101",
     "Tidal mixing over rough slopes", "Ocean Letters"),
    # a name in capitals and connectors, then only numbers, dates and addresses: the venue
    ("Okoro, A. and Lind, B.: Tidal mixing over rough slopes, Ocean Letters, 12, 101–109, https://doi.org/10.1000/ol.1, 1999.",
     "Tidal mixing over rough slopes", "Ocean Letters"),
    ("Lind, B.: Salt Fingers in the Deep Ocean, Annales de Physique, 53, 191–197, 1956.",
     "Salt Fingers in the Deep Ocean", "Annales de Physique"),
    # editors between the title and its container
    ("Okoro, A. & Lind, B., 1998, Tidal mixing over rough slopes, C.D. Marsh & E. Vale (eds), Proceedings of the Third Workshop on Ocean Mixing, 23–45.",
     "Tidal mixing over rough slopes", "Proceedings of the Third Workshop on Ocean Mixing"),
    ("A. Okoro, B. Lind, Tidal mixing over rough slopes, a cura di C. D. Marsh, E. Vale, Atti del terzo convegno di oceanografia, Pisa 1998, pp. 23–45",
     "Tidal mixing over rough slopes", "Atti del terzo convegno di oceanografia"),
    # a month as its own sentence between the year and the title; a medium designator
    ("Okoro, A. and Lind, B. 2001. October. Tidal mixing over rough slopes. Ocean Letters 12:101–109.",
     "Tidal mixing over rough slopes", "Ocean Letters"),
    ("Okoro, A., Lind, B., 1999. Tidal mixing over rough slopes [online]. Ocean Letters, 12 (3), 101–109.",
     "Tidal mixing over rough slopes", "Ocean Letters"),
])
def test_title_and_venue_in_one_chunk(text: str, title: str, venue: str) -> None:
    e = parse(text)
    assert e.get("title") == title
    assert (e.get("journal") or e.get("booktitle") or "").startswith(venue)
    assert fam(e) == ["Okoro", "Lind"] or fam(e) == ["Lind"]


def test_a_title_with_commas_and_no_venue_keeps_its_words() -> None:
    # lower-case words after the comma name no venue; a page count is no venue's number
    assert parse("Doe, J.: On sets, graphs and trees, 2018.").get("title") == "On sets, graphs and trees"


# ---- title boundaries under the markup pages add ----------------------------------------------
def test_a_bracketed_translation_stays_in_the_displayed_title() -> None:
    e = parse("Okafor, A. and Lindqvist, K. (2021). Marés e memória no litoral [Tides and memory on the coast]. "
              "Revista de Estudos Costeiros, 4(2), 10-22.", tagger="rules")
    assert e.get("title") == "Marés e memória no litoral [Tides and memory on the coast]"
    assert e.get("journal") == "Revista de Estudos Costeiros"


@pytest.mark.parametrize("after", ["", " 2021", ", 12(3), 45-67"])
def test_an_italic_venue_glued_to_a_plain_title_ends_it(after: str) -> None:
    e = parse_segment(seg(Span("Okafor, A., & Lindqvist, K. (2021). Seasonal drift of coastal sediment — a field study "),
                          Span("Journal of Coastal Research", italic=True), Span(after + ".")), tagger="rules")
    assert e is not None
    assert e.get("title") == "Seasonal drift of coastal sediment — a field study"
    assert e.get("journal") == "Journal of Coastal Research"


def test_an_italic_species_ending_a_title_is_no_venue() -> None:
    e = parse_segment(seg(Span("Okafor, A. (2021). Gastrulation timing in "), Span("Xenopus laevis", italic=True),
                          Span(".\n"), Span("bioRxiv", italic=True), Span(" (2022).")), tagger="rules")
    assert e is not None
    assert e.get("title") == "Gastrulation timing in Xenopus laevis"


def test_an_italic_term_inside_a_title_is_no_venue() -> None:
    e = parse_segment(seg(Span("Okafor, A. (2021). Wing shape in "), Span("Drosophila melanogaster", italic=True),
                          Span(" across altitudes. "), Span("Journal of Flies", italic=True), Span(", 3, 1-9.")), tagger="rules")
    assert e is not None
    assert e.get("title") == "Wing shape in Drosophila melanogaster across altitudes"


def test_a_question_mark_ends_a_title_before_its_authors() -> None:
    e = parse("Why do tides drift north? A. Okafor and K. Lindqvist. Journal of Tides, 12, 2020.", tagger="rules")
    assert e.get("title") == "Why do tides drift north?"
    assert fam(e) == ["Okafor", "Lindqvist"]
    assert e.get("journal") == "Journal of Tides"
    # a subtitle after the question mark stays in the title
    e = parse("Why do tides drift? Evidence from twelve coasts. Journal of Tides, 12, 2020.", tagger="rules")
    assert e.get("title") == "Why do tides drift? Evidence from twelve coasts"


def test_a_venue_after_in_ends_the_title_and_a_species_after_in_stays_in_it() -> None:
    e = parse_segment(seg(Span("Okafor, A. (2021). Wing shape of flies in "), Span("Proceedings of the Fly Meeting", italic=True),
                          Span(", 3, 1-9.")), tagger="rules")
    assert e is not None and e.get("title", "").startswith("Wing shape of flies") and e.get("booktitle") == "Proceedings of the Fly Meeting"
    e = parse_segment(seg(Span("Okafor, A. (2021). Wing shape in "), Span("Drosophila melanogaster", italic=True),
                          Span(". Journal of Flies, 3, 1-9.")), tagger="rules")
    assert e is not None and e.get("title") == "Wing shape in Drosophila melanogaster" and e.get("journal") == "Journal of Flies"
    # "in" and a book's name in italics, no punctuation before: the container's mark
    e = parse_segment(seg(Span("Okafor A (2019) Coastal tides in "), Span("Tides: Exploring Change in a Warming World", italic=True),
                          Span(" (eds Roe C). Harbour Press, Cham.")), tagger="rules")
    assert e is not None and e.get("title", "").startswith("Coastal tides") and "Exploring" not in e.get("title", "")


def test_a_linked_title_glued_to_its_names_ends_at_the_link() -> None:
    e = parse_segment(seg(Span("Seasonal drift of coastal sediment", link="https://example.org/p1"),
                          Span(" A. Okafor and K. Lindqvist. "), Span("Journal of Tides", italic=True), Span(", 2021.")), tagger="rules")
    assert e is not None and e.get("title") == "Seasonal drift of coastal sediment" and fam(e) == ["Okafor", "Lindqvist"]
    # a link that runs into more title words is no whole title
    e = parse_segment(seg(Span("Seasonal drift of coastal sediment", link="https://example.org/p1"),
                          Span(" in small bays. Journal of Tides, 2021.")), tagger="rules")
    assert e is not None and e.get("title") == "Seasonal drift of coastal sediment in small bays"


def test_a_rest_auto_number_left_as_text_is_a_list_marker() -> None:
    entry = parse('#. Osei, Kofi, Brandt, Lena. "Tidal mixing in fjords" Coastal Letters, 3, 1-9, 2021')
    assert entry.get("title") == "Tidal mixing in fjords"
    assert fam(entry) == ["Osei", "Brandt"]
    assert "#" not in (entry.get("note") or "")


def test_a_last_initial_glued_to_the_title_is_read_apart() -> None:
    # a CV export writing no space between the last author's initial and the title
    e = parse("SILVA, R. M., Okafor, N.Seasonal Flooding in Delta Towns. Revista de Hidrologia. , v.4, p.10 - 19, 2012.")
    assert fam(e) == ["SILVA", "Okafor"]
    assert e.get("title") == "Seasonal Flooding in Delta Towns"
    # initials written together stay one name's initials, and a URL is left as it is
    assert fam(parse("J.S. Doe, K. Roe. A Study of Rivers. Journal of Water, 2010.")) == ["Doe", "Roe"]


def test_a_lone_inverted_name_with_initials_before_a_title_with_and() -> None:
    # "and the" inside the title is no separator of names: the initials end the one name
    e = parse("MORENO, L. A. Lung Receptors and the control of breathing in frogs. Journal of Amphibian Physiology. , v.7, p.1 - 9, 2001.")
    assert fam(e) == ["MORENO"]
    assert e.get("title") == "Lung Receptors and the control of breathing in frogs"


def test_an_abbreviated_journal_after_the_title_comma_is_the_venue() -> None:
    # "Authors (YEAR), Title, J. Abbrev. Abbrev. volume, doi:": the title ends at the comma
    e = parse("Lind K., Ortiz A. (2021), Wave heating in the upper ionosphere, J. Atmos. Plasma Res. 12, 3, doi:10.5555/japr.2021.3")
    assert e.get("title") == "Wave heating in the upper ionosphere"
    assert (e.get("journal") or "").startswith("J. Atmos. Plasma Res")
    e = parse("Lind K. (2019), Dust storms seen from orbit, Planet. Space Lett. 8, 1, 1-11, doi:10.5555/psl.2019.1")
    assert e.get("title") == "Dust storms seen from orbit"


def test_an_italic_run_of_names_between_title_and_venue_is_the_authors_field() -> None:
    # a card writing "year title <em>names</em> venue" on one line with no punctuation between,
    # the names inside the element the page's class names as the title
    title = ("Sorting diversity: taxonomic, functional and phylogenetic structure of a beetle community "
             "in a stream network using morphological and sequence data")
    names = "Ruiz, A. · Okafor, R. · Lind, A.J. · Brandt, G. · Moreau, T. · Diallo, P. · Costa, M. · Varga, V.M.A."
    e = parse_segment(seg(Span("2025", css=("yr",)), Span(" "), Span(title + " ", css=("t",)), Span(names, italic=True, css=("t",)),
                          Span(" "), Span("The European Journal of Zoology", css=("venue",))), source="html")
    assert e is not None
    assert fam(e) == ["Ruiz", "Okafor", "Lind", "Brandt", "Moreau", "Diallo", "Costa", "Varga"]
    assert (e.get("title") or "").endswith(title) and e.get("journal") == "The European Journal of Zoology"
    # an italic name inside a list of names continues the list
    e = parse_segment(seg(Span("Ruiz, P., "), Span("Okafor, N. A., Brandt, K.", italic=True), Span(", Lind, K. Seed banks of meadows. Alpine Notes, 2020.")))
    assert e is not None and fam(e) == ["Ruiz", "Okafor", "Brandt", "Lind"]


def test_a_year_in_an_element_of_its_own_before_the_title_is_the_year() -> None:
    # "<span>2016</span> <span>Title</span><br><span>Venue</span>": no punctuation, the markup sets it apart
    e = parse_segment(seg(Span("2016", css=("pub-year",)), Span(" "), Span("Impacto de las redes vecinales en la prensa local", css=("pub-title",)),
                          Span("\n"), Span("Revista de Comunicación Local, 12(3), 45-60", css=("pub-venue",))), source="html")
    assert e is not None
    assert (e.get("title"), e.get("year")) == ("Impacto de las redes vecinales en la prensa local", "2016")


@pytest.mark.parametrize("text,title,venue", [
    ("Orlova A. V. Tidal memory of northern marshes // Coastal Letters. 2014. Vol. 7. P. 12-19.",
     "Tidal memory of northern marshes", "Coastal Letters"),
    ("Орлова А. В., Белов К. К. Приливы северных болот // Морские записки. 2015. № 3. С. 12–20.",
     "Приливы северных болот", "Морские записки"),
])
def test_a_double_slash_ends_the_title_before_its_host(text: str, title: str, venue: str) -> None:
    """GOST / ISBD citations put " // " between a part and its host: the title ends there."""
    entry = parse(text)
    assert entry.get("title") == title
    assert (entry.get("journal") or "").startswith(venue)


def test_cyrillic_others_and_initials_close_the_name_list() -> None:
    entry = parse("Орлова А. В., Белов К. К. и др. Приливы северных болот // Морские записки. 2015. С. 12–20.")
    assert entry.get("title") == "Приливы северных болот"
    assert entry.get("author") == "Орлова, А. В. and Белов, К. К. and others"


def test_a_meeting_after_the_title_comma_is_the_venue_when_only_a_publisher_follows() -> None:
    """"Title, Proceedings of … . Publisher, Place, Year": no later sentence names a venue, so
    the comma part worded as a meeting's name is the venue, not the title's."""
    entry = parse("Okafor A, Lind B: Counting lichens on granite walls, Proceedings of the 4th Workshop on Urban "
                  "Ecology (WUE'11). Harbour Press, Bergen, 2011, pp 10-19")
    assert entry.get("title") == "Counting lichens on granite walls"
    assert entry.get("booktitle", "").startswith("Proceedings of the 4th Workshop on Urban Ecology")
    kept = parse("Okafor A, Lind B: Counting lichens, walls and roofs. Harbour Press, Bergen, 2011")
    assert kept.get("title") == "Counting lichens, walls and roofs"


def test_an_organization_sentence_after_the_title_is_no_subtitle() -> None:
    entry = parse("Okafor A, Lind B 2011. Counting lichens on granite walls. Society for Urban and Applied Ecology. "
                  "Proceedings of the fourth workshop on urban ecology: 10-19.")
    assert entry.get("title") == "Counting lichens on granite walls"


def test_a_capitalised_in_before_an_italic_container_is_not_the_titles() -> None:
    seg = Segment((Span("OKAFOR, Ana. (2011). Counting lichens on granite walls In "),
                   Span("Proceedings of the Fourth Workshop on Urban Ecology", italic=True), Span(" (Harbour Press).")))
    entry = parse_segment(seg)
    assert entry.get("title") == "Counting lichens on granite walls"


@pytest.mark.parametrize("text", [
    "Okafor A. 「Salt marsh memory of winter storms」 Coastal Letters 12 (2019), 3-9.",
    "Okafor A. 『Salt marsh memory of winter storms』. Coastal Letters 12 (2019), 3-9.",
])
def test_corner_bracket_quotes_mark_the_title(text: str) -> None:
    entry = parse(text)
    assert entry.get("title") == "Salt marsh memory of winter storms"
    assert entry.get("author") == "Okafor, A"
    assert entry.get("journal") == "Coastal Letters"


def test_a_name_quoted_inside_a_german_title_stays_inside() -> None:
    entry = parse("Okafor, A.: Bericht von der Sommerschule „Salt and Memory“, Bremen 2013. Küstenhefte 6 (2014), 3-9.")
    assert entry.get("title", "").startswith("Bericht von der Sommerschule")


def test_a_meeting_after_a_comma_is_not_cut_from_a_gbt_title_with_its_host_mark() -> None:
    entry = parse("Okafor A, Lind B. Counting lichens on granite walls[C]//2021 Integrated Ecology, "
                  "Urban Habitats Conference (UHC). Harbour Press, 2021: 1-8.")
    assert entry.get("title") == "Counting lichens on granite walls"


@pytest.mark.parametrize("tag", ["[CM'21]", "[TCS 2021]", "【CM’21】"])
def test_a_venue_tag_before_the_names_is_no_part_of_them(tag: str) -> None:
    e = parse(f'{tag} Ana Ortiz, Kai Brandt, and Lena Voss. "Tides and the shape of small bays". In Proceedings of the Coast Meeting, 2021.')
    assert fam(e) == ["Ortiz", "Brandt", "Voss"]
    assert e.get("title") == "Tides and the shape of small bays"
    assert e.get("booktitle") == "Proceedings of the Coast Meeting" and e.get("year") == "2021"


def test_bold_unpunctuated_journal_abbreviation_is_the_venue_not_the_title() -> None:
    # "Phys Rev B" in bold italics after a plain title: NLM abbreviations carry no periods
    seg = Segment((Span("A.B. Doe, C.D. Roe. Transient ordering of lattices after a quench. "),
                   Span("\n"), Span("Phys Rev B", bold=True, italic=True), Span(" 106, L201110 (2022).")))
    e = parse_segment(seg)
    assert e is not None
    assert e.get("title") == "Transient ordering of lattices after a quench"
    assert e.get("journal") == "Phys Rev B"


@pytest.mark.parametrize("tag, year", [("[ICSE-2019]", "2019"), ("[SANER-2016]", "2016"), ("[CM 2021]", "2021")])
def test_the_year_of_a_venue_tag_before_the_title_is_the_items_year(tag: str, year: str) -> None:
    e = parse(f"{tag} Tides and the shape of small bays. Proceedings of the Coast Meeting, Osaka, Japan. Ana Ortiz, Kai Brandt")
    assert e.get("year") == year


def test_a_year_the_item_shows_wins_over_its_tags() -> None:
    e = parse("[CM-2021] Ana Ortiz and Kai Brandt. Tides and the shape of small bays. Coast Letters 3, 2020.")
    assert e.get("year") == "2020"


@pytest.mark.parametrize("label", ['"Tides and the shape of small bays"', "Tides and the shape of small bays"])
def test_a_bracketed_link_written_url_then_label_leaves_its_label(label: str) -> None:
    # "[URL label]": the link syntax of jemdoc and MediaWiki pages
    e = parse(f"2021, [https://example.org/paper/7 {label}], A. Ortiz, K. Brandt, L. Voss, Coastal Letters")
    assert fam(e) == ["Ortiz", "Brandt", "Voss"]
    assert e.get("title") == "Tides and the shape of small bays"


def test_a_title_cut_inside_the_element_classed_as_the_title_is_read_whole() -> None:
    # (the rules cut "Title. Second sentence" at its period; the page's class says the title runs on)
    seg = Segment(spans=(Span("2022", css=("pub-year",)), Span(" "),
                         Span("Journalism and the State: duties before disinformation. A conversation between two authors",
                              css=("pub-title",)),
                         Span("\n"), Span("Doe, J. Revista de Comunicación, 4(2).", css=("pub-venue",))))
    entry = parse_segment(seg, tagger="rules", section="pub")
    assert entry is not None
    assert entry.get("title") == "Journalism and the State: duties before disinformation. A conversation between two authors"
    assert entry.get("year") == "2022"


def test_a_hinted_title_that_is_part_of_the_element_classed_as_the_title_grows_to_the_element() -> None:
    spans = (Span("Loci for rootedness in alfalfa (", css=("title",)), Span("Medicago sativa", italic=True, css=("title",)),
             Span(" L.)", css=("title",)), Span("\n"), Span("Doe, A. and Roe, B.", css=("author",)), Span("\n"),
             Span("The Plant Genome, 2025", css=("venue",)))
    entry = parse_segment(Segment(spans=spans), tagger="rules", hints={"title": (0, 1)})
    assert entry is not None
    assert entry.get("title") == "Loci for rootedness in alfalfa (Medicago sativa L.)"


def test_a_review_of_a_work_given_by_its_whole_citation_is_the_review() -> None:
    # "[[link][A review]] of <citation>": the reviewed work's names, year and venue are no
    # field of the review, whose title is the whole text
    for text in ("A review of Roe, A., Poe, B., and Doe, C. (2017). Rivers in practice, part 1: Reality check. IEEE Rivers.",
                 "Book review of Roe, A. 2015. Building bridges.", "Resenha de Roe, A. (2015). Pontes e rios."):
        entry = parse_text(text)
        assert entry is not None
        assert (entry.get("title"), entry.get("author"), entry.get("year"), entry.get("journal")) == \
            (text.rstrip("."), None, None, None)
    # a review named by the book alone, or a title that opens with the words, is read as usual
    entry = parse_text("Review of A History of Rivers, Journal of River Studies, 2003.")
    assert entry is not None and (entry.get("title"), entry.get("year")) == ("Review of A History of Rivers", "2003")
    entry = parse_text("Roe, A. (2019). A review of river models. Journal of Hydrology, 12, 1-9.")
    assert entry is not None and entry.get("title") == "A review of river models" and entry.get("author")
