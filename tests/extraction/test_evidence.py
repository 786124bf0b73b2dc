"""Citation evidence of candidate blocks: what makes a block an item or not."""

from __future__ import annotations

from refkit.extraction.evidence import has_names, is_note, is_ongoing, segment_evidence, starts_with_names
from refkit.extraction.segment import Link, Segment, Span


def seg(*spans: Span, links: tuple[Link, ...] = ()) -> Segment:
    return Segment(spans, links)


def test_a_citation_shows_names_title_year_venue_and_identifier() -> None:
    ev = segment_evidence(seg(
        Span("J. Doe, R. Roe. "), Span("Learning to Count Sheep", bold=True), Span(". Journal of Ovine Studies, 2021."),
        links=(Link("DOI", "https://doi.org/10.1234/x"),),
    ))
    assert (ev.year, ev.names, ev.title, ev.venue, ev.identifier, ev.prose) == (True, True, True, True, True, False)
    assert ev.score == 5


def test_a_bold_name_list_is_not_a_title() -> None:
    ev = segment_evidence(seg(Span("Jane Smith, John T. Doe, and Ann Lee", bold=True), Span(", 2020")))
    assert ev.names and not ev.title


def test_notes_and_abstracts_are_never_items() -> None:
    assert is_note(seg(Span("This paper subsumes our CVPR 2011, CVPR 2012, and ECCV 2012 papers.")))
    assert is_note(seg(Span("We present a method which can estimate shape from a single image.")))
    # a citation whose title happens to be a sentence still has names
    assert not is_note(seg(Span("J. Doe and R. Roe. What is learned when we count sheep? Ovine Letters, 2020.")))
    assert not is_note(seg(Span("Why we count: sheep are what they are.", italic=True), Span(" Ovine Letters, 2020.")))


def test_identifier_evidence_is_a_link_that_carries_a_doi_or_arxiv_id() -> None:
    def ident(url: str) -> bool:
        return segment_evidence(seg(Span("Learning to Count Sheep", bold=True), links=(Link("paper", url),))).identifier

    assert ident("https://pubs.acs.org/doi/abs/10.1021/acs.jctc.7b00204")  # a publisher path holding the DOI
    assert ident("https://arxiv.org/pdf/2102.11350v2.pdf")
    assert not ident("https://www.nature.com/articles/s41586-020-2649-2")  # implies a DOI, does not carry one
    assert not ident("https://doi.org/")  # a resolver with nothing after it


def test_coauthors_after_with_are_names() -> None:
    # CVs of one owner list only the coauthors: "Title, with A. Person"
    assert segment_evidence(Segment((Span("Cones and their duals, with Mira Solberg"),))).names
    assert segment_evidence(Segment((Span("Sums of squares, with K. T. Oyelaran and B. Li"),))).names
    assert not segment_evidence(Segment((Span("Learning with Deep Networks"),))).names


def test_a_line_of_names_alone_is_a_byline() -> None:
    from refkit.extraction.evidence import is_name_line

    assert is_name_line("Ana Ruiz")
    assert is_name_line("Ana Ruiz, Tomasz Nowak and Li Wei")
    assert is_name_line("Jan van der Berg & Omar Haddad")
    assert not is_name_line("Formal contract verification at signing time")
    assert not is_name_line("Symposium on Distributed Things 2022")
    assert not is_name_line("Bitcoin")


def test_an_abstract_opening_with_a_capitalized_we_is_prose() -> None:
    from refkit.extraction.evidence import is_prose

    assert is_prose("Abstract: We counted sheep on twelve farms in 2019 and show that counting is hard.")
    assert is_prose("We study rivers. Our data show they can run uphill.")
    assert not is_prose("We Are All Connected: Networks of Rivers.")


def test_name_separators_split_as_before_and_a_blank_run_is_scanned_once() -> None:
    """Leading blanks are taken from a run's first character only: tried from each character
    of a long blank run the separator scanned the rest of it again (quadratic, minutes here)."""
    from refkit.extraction.evidence import _NAME_SEPARATOR as sep

    table = {
        "Jane Doe, Li Wei and Omar Haddad": ["Jane Doe", "Li Wei", "Omar Haddad"],
        "Jane Doe ; Li Wei & Omar Haddad": ["Jane Doe", "Li Wei", "Omar Haddad"],
        "Jane Doe, and Li Wei": ["Jane Doe", "", "Li Wei"],
        "Jane Doe , , Li Wei": ["Jane Doe", "", "Li Wei"],
        "Sandy Anderson": ["Sandy Anderson"],
        "and Jane": ["", "Jane"],
        "Jane Doe,": ["Jane Doe", ""],
    }
    assert {s: sep.split(s) for s in table} == table
    blanks = " \t" * 200_000
    assert sep.split("Jane" + blanks + "Doe") == ["Jane" + blanks + "Doe"]
    assert sep.split("Jane" + blanks + "and Li") == ["Jane", "Li"]


def test_lines_are_citations_one_per_line_not_a_wrapped_one() -> None:
    from refkit.extraction.evidence import lines_are_citations

    lines = ["Oyelaran, M., & Brink, T. (2019). Counting lichens on granite walls. Urban Ecology, 4.",
             "Brink, T., & Oyelaran, M. (2021). A ledger of dry summers. Climate Notes, 2, 1-8."]
    assert lines_are_citations(lines)
    assert not lines_are_citations(lines[:1])  # one line is no list
    wrapped = ["Oyelaran, M., & Brink, T. (2019). Counting lichens on granite walls in the",
               "old town of Bergen. Urban Ecology, 2020 special issue, 4."]
    assert not lines_are_citations(wrapped)  # the first line goes on mid-sentence
    prose = ["We show in 2019 that lichens are what we count on granite walls, and this is new.",
             "Oyelaran, M., & Brink, T. (2021). A ledger of dry summers. Climate Notes, 2, 1-8."]
    assert not lines_are_citations(prose)
    named = ["emcee: The MCMC hammer. D. Foreman-Mackey, D. W. Hogg. PASP, 2013.",
             "matador: a library for crystal structures. M. Evans, A. Morris. JOSS, 2020."]
    assert lines_are_citations(lines + named)  # a software title may start a line in lower case
    lowered = ["∞-groupoids of lichens from scratch. M. Oyelaran, T. Brink. Higher Walls, 2020.",
               "p-adic ledgers of dry summers. T. Brink, I. Halvorsen. Climate Notes, 2021."]
    assert lines_are_citations(lines + lowered)  # a title in lower case, with its own names after it
    went_on = ["Oyelaran, M., & Brink, T. (2019). Counting lichens on granite walls. Urban Ecology, 4.",
               "reprinted in the Bergen yearbook of walls, 2020, with notes by the editors."]
    assert not lines_are_citations(went_on)  # a lower-case line with no names of its own goes on


def test_an_item_dated_by_a_running_period_is_ongoing_in_any_case_and_script() -> None:
    # software or a project that goes on; the running end is read case-insensitively, also when
    # the text holds letters outside ASCII (a cheap pre-test must not drop those)
    for text in ("Sheep counter, 2015–present", "Sheep counter, 2015 - PRESENT", "Zählwerk für Schafe, seit 2012, since 2012",
                 "Sheep counter. 2007ff.", "Sheep counter, 2015–preſent", "Sheep counter, ſince 2012", "Sheep counter, 2015-NOW"):
        assert is_ongoing(seg(Span(text))), text
    for text in ("Sheep counter, 2015–2019", "Counting sheep at night. Journal of Ovine Studies, 2015–present"):
        assert not is_ongoing(seg(Span(text))), text
    # a period that opens the item dates it; one followed by the item's year is words of its title
    assert is_ongoing(seg(Span("2015–present: Sheep counter for the county")))
    assert not is_ongoing(seg(Span("Okafor N, Brink T. Counting sheep in the county since 2019: the ledger project. "
                                   "Ovine Care 2023;23(1):1.")))


def test_an_author_date_byline_with_one_full_name_is_a_name() -> None:
    from refkit.extraction.evidence import has_names

    # "Family, Given (Year)." opens author-date citations of a single author
    assert has_names("Ortega, Lucia (2019). Tides of the inner sea. Coastal Review, 4(2), 10-20.")
    # a place with a year in parentheses is no name; nor is a title word before a comma
    assert not has_names("Lisbon (2019). A meeting on tides.")
    assert not has_names("Tides, currents and waves in 2019")


def test_names_written_in_latin_letters_beyond_ascii_are_names() -> None:
    from refkit.extraction.evidence import has_names, starts_with_names

    # Polish, Turkish, Lithuanian, Vietnamese and Nordic family names as citations write them
    for text in ("Wróbel K., Łęcka M., 2019. Dune fields of the Baltic coast.",
                 "Şahin Ö. and Yıldız Ç. Soil moisture over Anatolia, 2021",
                 "Žemaitė, I. Amber trade routes. Baltic History 4 (2018)",
                 "Nguyễn Thị Hà, Trần Văn Bình, Rice terraces of the north, 2020",
                 "Å. Ødegård. Fjord sediments. Arctic Letters 2 (2017)"):
        assert has_names(text), text
        assert segment_evidence(seg(Span(text))).names, text
    assert starts_with_names("Łęcka M., Wróbel K. (2019)")
    # capitalised words that are no names stay no names, whatever the alphabet
    assert not has_names("Über die Dünen der Ostseeküste und ihre Wanderung")


def test_a_byline_of_han_or_kana_names_opening_the_text_is_names() -> None:
    from refkit.extraction.evidence import has_names

    assert has_names("佐藤 花子, 鈴木 一郎, “都市緑地の温熱環境”, 環境学会論文集, 2005")
    assert has_names("王芳，刘洋，张伟. 城市绿地研究. 生态学杂志, 2019")
    # one name, or Chinese prose with commas further on, is no byline
    assert not has_names("本研究では、都市の緑地を調べた。")
    assert not has_names("城市绿地与热环境研究：以北京为例")


def test_family_names_in_capitals_before_initials_are_names() -> None:
    # some styles print family names in capitals ("DOE, J., ROE, A. B. (2020) Title"): a list so
    # opened is a name list, so a line block or <br> run of such citations is cut per citation
    assert starts_with_names("BERG, A., DAHL, C. E., FALK, E. (2019) Ice shelves in winter.")
    assert starts_with_names("NORD, M. (2021) A census of proglacial lakes.")
    assert has_names("In: HOLM, G. & LUND, K. Rivers after floods. Lake Science, 2020")
    # capitals that are no family names: an agency, a shouted title
    assert not has_names("NASA, USA, 2020")
    assert not has_names("THE WINTER, OF, the lakes")
