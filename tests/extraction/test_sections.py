"""The one section classifier (refkit.extraction.sections) every reader uses."""

from __future__ import annotations

import pytest

from refkit.extraction.segment import Link, Segment, Span
from refkit.extraction.sections import (
    KINDS,
    MIXED,
    classify_heading,
    describes_person,
    entry_type,
    heading_venue,
    is_date_text,
    is_cited_work,
    is_patent,
    is_software,
    other_work,
    periodical,
    is_published,
    is_talk,
    section_kind,
    section_of,
    talk_items,
    talk_label,
)


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Selected Publications", "publications"),
        ("Preprints & Working Papers", "publications"),
        ("Talks and papers", "mixed"),  # publications with talks: decided above it or by its items
        ("Conference papers, posters, and workshops", "mixed"),
        ("Conference talks", "talks"),  # a conference word is no publication word
        ("Conferencias Internacionales", "mixed"),  # papers in one tradition, talks in another
        ("Comunicações em congressos", "mixed"),
        ("Conference committees", "service"),
        ("Conference proceedings", "publications"),
        ("Teses e Dissertações", "publications"),
        ("Apresentações em Congressos", "talks"),
        ("発表論文", "publications"),  # 発表 here is "published", not "presented"
        ("学会発表", "talks"),
        ("学会/研究集会発表", "talks"),  # presentations at meetings: a meeting word, then 発表
        ("国際会議発表論文", "mixed"),  # papers presented at conferences: printed or given
        ("国際会議", "mixed"),
        ("Invited Publications", "publications"),  # invited, not a talk
        ("Invited talks and papers", "mixed"),
        ("Miscellaneous", None),  # says nothing: under "Publications" it holds publications
        ("Digital Scholarship", "publications"),
        ("Trabalhos completos publicados em anais de congressos", "publications"),
        ("Publicaties", "publications"),
        ("Lezingen", "talks"),
        ("Convegni", "mixed"),
        ("Brevetti", "patents"),
        ("Публикации", "publications"),
        ("Доклады на конференциях", "talks"),
        ("Yayınlar", "publications"),
        ("발표논문", "publications"),  # 발표 here is "published"
        ("학회 발표", "talks"),
        ("국제학술지", "publications"),
        ("Conference Papers", "publications"),
        ("Journal Articles", "publications"),
        ("Review articles", "publications"),
        ("References", "publications"),
        ("References available upon request", "profile"),
        ("Paper reviewing", "service"),
        ("Gutachtertätigkeit", "service"),
        ("Workshops organized", "service"),
        ("Workshops", "publications"),
        ("Sponsored Workshops/Minicourses", "teaching"),
        ("Summer schools", "teaching"),
        ("Theses supervised", "supervision"),
        ("Recent News", "news"),
        ("Teaching", "teaching"),
        ("Grants and funding", "grants"),
        ("Software & datasets", "software"),
        ("Cite this software", "publications"),  # a request to cite heads citations
        ("How to cite", "publications"),
        ("Veröffentlichungen", "publications"),
        ("Vorträge", "talks"),
        ("Brevets", "patents"),
        ("Congrès internationaux (10)", "mixed"),
        ("Publications scientifiques (avec comité de lecture) (12)", "publications"),
        ("Selected media publications and interviews", "media"),
        ("Reviews", "publications"),
        ("Publicaciones", "publications"),
        ("Prêmios", "awards"),
        ("📝 论文专利", "publications"),
        ("发表论文 (†表示共同一作)", "publications"),
        ("发明专利", "patents"),
        ("🏛️ 科研项目", "projects"),
        ("受賞", "awards"),
        ("Participation in program committees", "service"),
        ("Comités scientifiques", "service"),
        ("Tutorials given", "teaching"),
        ("Tutorial papers", "publications"),  # a publication word wins
        ("Konferenzbeiträge", "mixed"),  # conference contributions: papers or talks, as Tagungsbeiträge
        ("Prepublicaciones", "publications"),
        ("Magazine Example Tomorrow (2018-2025)", "publications"),  # the pieces written for one periodical
        ("Newsletter", None),  # a periodical word alone names no periodical
        ("CD-opnamen:", "recordings"),  # a musician's recordings, in Dutch
        ("Discography", "recordings"),
        ("Publications and recordings", "publications"),
        ("Conference Talks/Proceedings and Workshops", "mixed"),  # talks and the volumes some were printed in
        ("Ponencias y actas", "mixed"),
        ("Invited talks", "talks"),
        ("Conferences and Workshops", "mixed"),  # meetings only, as "Conferences"
        ("Workshops", "publications"),
        ("Workshop proceedings", "publications"),
        ("Writing", "publications"),
        ("Selected Writings", "publications"),
        ("Grant writing", "grants"),
        ("Workshops Taught", "teaching"),
        ("In press", "publications"),  # a publication status, not the press
        ("Articles in press", "publications"),
        ("Press", "media"),
        ("In the press", "media"),
        ("研究報告・解説記事", "publications"),  # research reports (報告 alone is a talk)
        ("査読付き原著論文", "publications"),  # refereed original papers: 査読 (reviewing) inside a publications word
        ("査読有", "publications"),
        ("査読無し", "publications"),  # papers not refereed are papers
        ("論文査読", "service"),  # reviewing papers
        ("報告書等", "publications"),  # written reports (報告 alone is a talk)
        ("Refereed publications", "publications"),
        ("Referee for journals", "service"),
        ("Under Preparation", "publications"),  # as "In preparation"
        ("Work In Progress", "publications"),  # papers not yet out
        ("Livres", "publications"),  # books, as Libros, Livros
        ("Work in progress (talks)", "talks"),
        ("2023", None),
        ("Deep residual learning for image recognition in the wild with many words", None),
    ],
)
def test_section_kind(heading: str, kind: str | None) -> None:
    assert section_kind(heading) == kind


def test_classify_heading_is_pub_other_or_none() -> None:
    assert classify_heading("Publications") == "pub"
    assert {classify_heading(k) for k in ("Talks", "Teaching", "Patents", "Awards")} == {"other"}
    assert classify_heading("Machine learning") is None
    assert classify_heading("Conferences") == MIXED
    assert "publications" not in KINDS


def test_long_or_pathological_headings_are_fast() -> None:
    assert section_kind("a " * 50_000) is None
    assert section_kind("talk" * 10_000, max_words=10) is None  # one 40 KB word: no section name


@pytest.mark.parametrize(
    ("classes", "section"),
    [
        ([MIXED, None, "pub"], "pub"),  # "Conferencias" under "Publicaciones": papers
        ([None, MIXED, "other"], "other"),  # "Conferences" under "Talks": talks
        ([None, MIXED], MIXED),  # nothing above decides: the items will
        ([None, "pub", "other"], "pub"),  # the innermost telling heading decides
        ([None, None], None),
        ([], None),
    ],
)
def test_section_of_a_mixed_heading_defers_to_the_one_above(classes: list[str | None], section: str | None) -> None:
    assert section_of(classes) == section


def item(*spans: Span, links: tuple[Link, ...] = (), headings: tuple[str, ...] = ()) -> Segment:
    return Segment(spans, links, headings)


@pytest.mark.parametrize(
    ("spans", "talk"),
    [
        # said to be presented, nothing printed
        ((Span("A. Writer and B. Other, “Counting Parishes in Old Maps,” poster for the annual meeting of "
               "the Society of Examples, Springfield, March 3–5, 2021."),), True),
        ((Span("“Why Ledgers Matter,” paper presented at the Regional History Forum, Oakton, May 2, 2019."),), True),
        ((Span("Muster, A. (2018). Böden im Wandel. Vortrag auf der Jahrestagung der Beispielgesellschaft, Kassel."),), True),
        ((Span("Autor, A. (2017). Erosion im Tiefland. Lyon (France). "), Span("Oral presentation", bold=True)), True),
        # presented and printed: a paper
        ((Span("Roe, J. (2020). Sediment pulses. Oral presentation. In: Proceedings of the Example Congress, pp. 12-15."),), False),
        ((Span("Flat Lenses Revisited", bold=True), Span(" J. Roe, A. Poe. CVPR 2019 (Oral Presentation)")), False),
        ((Span("Roe J, Poe A. Title of a study. Example Journal 12, 101–109 (2020). Poster award."),), False),
        # the talk word is in the title (quoted or italic), not said of the item
        ((Span("J. Roe, “Invited Talk Detection in Lecture Videos,” 2021."),), False),
        ((Span("J. Roe, "), Span("Keynote speaker identification at scale", italic=True), Span(", 2021.")), False),
        # no talk word at all
        ((Span("J. Roe and A. Poe. Rivers of data. Example Letters, 2020."),), False),
    ],
)
def test_is_talk(spans: tuple[Span, ...], talk: bool) -> None:
    assert is_talk(item(*spans)) is talk


def test_talk_items_mixed_sections_item_by_item_unknown_ones_by_majority() -> None:
    paper = item(Span("J. Roe and A. Poe. Rivers of data. Proceedings of the Example Symposium, pp. 1-4, 2020."), headings=("Conferences",))
    talk = item(Span("J. Roe, “Rivers of data,” invited talk at Example University, June 4, 2020."), headings=("Conferences",))
    assert talk_items([(MIXED, paper), (MIXED, talk)]) == {1}
    # under a year heading: one paper noting "oral presentation" among papers stays ...
    noted = item(Span("J. Roe, A. Poe. Smooth retrieval. International Conference on Examples, 2011. * oral presentation *"), headings=("2011",))
    plain = [item(Span(f"J. Roe, A. Poe. Paper number {n}. International Conference on Examples, 2011."), headings=("2011",)) for n in range(3)]
    assert talk_items([(None, noted)] + [(None, p) for p in plain]) == set()
    # ... but a run of talks under a heading naming nothing is dropped
    talks = [item(Span(f"J. Roe, “Topic {n},” invited talk at Example University, May {n + 1}, 2019."), headings=("Elsewhere",)) for n in range(3)]
    assert talk_items([(None, t) for t in talks] + [(None, plain[0])]) == {0, 1, 2}
    assert talk_items([("pub", talk), ("other", talk)]) == set()  # telling headings are trusted


def test_a_kind_label_line_naming_a_talk_drops_the_item_under_any_heading() -> None:
    def labelled(label: str, rest: str = "A. Roe, B. Poe: Rivers of data. Example Security Conference, Virtual, 2024.") -> Segment:
        return item(Span(label), Span("\n"), Span(rest), headings=("Publications", "2024"))

    talk, lecture, webinar = labelled("Conference Talk"), labelled("Guest Lecture"), labelled("Webinar")
    paper, poster = labelled("Conference paper"), labelled("Poster")
    title = labelled("Lectures on Convexity", "A. Roe. Springer, 2010.")  # a short title line, not a label
    inline = item(Span("Conference Talk A. Roe: Rivers of data. Example Conference, 2024."))  # no line of its own
    assert [talk_label(s) for s in (talk, lecture, webinar, paper, poster, title, inline)] == [True, True, True, False, False, False, False]
    assert talk_items([("pub", talk), ("pub", paper), (None, lecture), ("pub", poster)]) == {0, 2}


def test_a_date_to_the_day_marks_a_talk_under_a_mixed_heading_only() -> None:
    dated = item(Span("A. Writer and B. Other, “Ledgers of a Port Town,” Regional History Forum, Oakton, "
                      "October 18, 2013."), headings=("Conference papers",))
    printed = item(Span("A. Writer, “Ledgers of a Port Town,” Example Review 521, 436–444 (28 May 2015)."))
    assert is_talk(dated, dated=True) and not is_talk(dated)
    assert not is_talk(printed, dated=True)
    assert talk_items([(MIXED, dated), (MIXED, printed)]) == {0}
    assert talk_items([(None, dated)]) == set()  # under no telling heading a date alone says nothing


@pytest.mark.parametrize(
    ("segment", "published"),
    [
        (item(Span("A. Coder and B. Maker, “tidyexample: Tidy Example Data,” Journal of Open Example Software 4, "
                   "no. 2 (2019): 77, https://doi.org/10.1234/joes.00077. (peer reviewed)")), True),
        (item(Span("A. Coder and B. Maker. Fast examples. Proceedings of the Example Conference, 2020. "),
              Span("arXiv", link="https://arxiv.org/abs/2001.01234"), links=(Link("arXiv", "https://arxiv.org/abs/2001.01234"),)), True),
        # no journal word, but printed numbers: volume (year) pages, an issue number, and an identifier
        (item(Span("R. Vidal, T. Onodera, Separation of light and heavy modes, Phys. Lett. B 612 (2021) 44-58, "
                   "arXiv:2101.01234")), True),
        (item(Span("T. Onodera, Pressure in small droplets, Nature, 570 (2019) no. 7759, E1-E2, "),
              Span("doi:10.1038/x", link="https://doi.org/10.1038/x"), links=(Link("doi", "https://doi.org/10.1038/x"),)), True),
        # the software itself: no journal, or no identifier, or no people
        (item(Span("“tidyexample: Tidy Example Data,” R package (2019): https://github.com/example/tidyexample.")), False),
        (item(Span("A. Coder. tidyexample 1.2. Zenodo, 2019. https://doi.org/10.5281/zenodo.1234567")), False),
        (item(Span("A. Coder, “Example data,” Journal of Example Studies 3 (2018).")), False),
        (item(Span("A. Coder, “Example data,” invited talk at the Journal of Example Studies workshop, "
                   "https://doi.org/10.1234/x.1")), False),
    ],
)
def test_is_published_keeps_a_paper_listed_under_another_heading(segment: Segment, published: bool) -> None:
    assert is_published(segment) is published


@pytest.mark.parametrize(
    ("headings", "kind"),
    [
        (("Publications", "Book chapters"), "incollection"),  # the chapter, not the book
        (("Journal Articles", "2020"), "article"),  # a year heading says nothing
        (("Publicaciones", "Capítulos de Libro", "2024"), "incollection"),
        (("Teses e Dissertações",), "phdthesis"),
        (("Master's thesis",), "mastersthesis"),
        (("会议论文",), "inproceedings"),
        (("Conferencias Internacionales", "EXCONF 12 (2022)"), "inproceedings"),
        (("Technical Reports",), "techreport"),
        (("Books",), "book"),
        (("Particle physics",), None),  # words, not letters: no "article" in "particle"
        (("Selected",), None),
        ((), None),
    ],
)
def test_entry_type_a_heading_implies(headings: tuple[str, ...], kind: str | None) -> None:
    assert entry_type(headings) == kind


def test_item_word_prefilter_answers_as_the_full_pattern() -> None:
    """The token look-up in front of the item-word alternation never changes its answer."""
    from refkit.extraction.sections import _item_words, _patterns

    pieces = ["invited talk at", "talk", "poster", "posters", "co-organizer", "for the panel", "panel", "in:", "in", "pp.",
              "proc.", "口頭発表", "keynotes", "vortrag", "ordinary", "words", "2019", ",", "“quoted”", "de", "annual meeting"]
    import itertools

    for a, b in itertools.product(pieces, repeat=2):
        text = f"{a} {b}, x"
        for name in ("talk_items", "paper_items"):
            assert _item_words(name).search(text) == bool(_patterns()[name].search(text)), (name, text)


@pytest.mark.parametrize(
    ("text", "patent"),
    [
        ("J. Roe and A. Poe, Method for counting rivers, US Patent 10,123,456 B2, 2019.", True),
        ("罗杰, 普安. 一种河流计数装置, 发明专利, 2021.05.07, ZL202021064109.9.", True),
        ("J. Roe. Système de mesure. Brevet EP1234567A1, 2018.", True),
        # a number without a patent word, a patent word without a number: papers
        ("J. Roe. Counting rivers. Example Letters, US 1234567 (2019).", False),
        ("J. Roe. Patent citations and river science. Example Letters 4, 12-19 (2020).", False),
    ],
)
def test_is_patent(text: str, patent: bool) -> None:
    assert bool(is_patent(item(Span(text)))) is patent


def test_patents_listed_among_papers_are_not_entries() -> None:
    paper = item(Span("J. Roe and A. Poe. Counting rivers. Example Letters 4, 12-19 (2020)."))
    patent = item(Span("J. Roe and A. Poe, Method for counting rivers, US Patent 10,123,456 B2, 2019."))
    assert talk_items([("pub", paper), ("pub", patent), (None, patent)]) == {1, 2}


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Selected Briefs and Petitions", "filings"),
        ("Amicus curiae y notas técnicas", "filings"),
        ("Amicus Briefs", "filings"),
        ("Working papers and briefs", "publications"),  # a publication word wins
    ],
)
def test_legal_filings_are_a_section_of_their_own(heading: str, kind: str) -> None:
    assert section_kind(heading) == kind
    assert classify_heading("Amicus Briefs") == "other"


@pytest.mark.parametrize(
    ("text", "patent"),
    [
        ("“Method for Sealing Thin Films,” A. Roe and B. Poe, U. S. Patent Application 63/185,407 (2021).", True),
        ("A. Roe. Valve for rivers. Patent No. 9,876,543, 2017.", True),
        # a patent word then a page range or a year span: a paper about patents
        ("A. Roe. Patent pools, 1976-2005. Example Review 12, 1234567-1234570 (2019). https://doi.org/10.1234/er.1", False),
        ("A. Roe. Patent thickets and river science, 1990–2010. Example Letters 4, 12-19 (2020).", False),
    ],
)
def test_is_patent_without_a_country_code(text: str, patent: bool) -> None:
    assert bool(is_patent(item(Span(text)))) is patent


@pytest.mark.parametrize(
    ("spans", "software"),
    [
        ((Span("“Riverlog,” A. Roe (2020) [Igor Pro software, Mac or Windows]."),), True),
        ((Span("“Pocket Tide,” A. Roe (2021) [Mobile application software, iOS]."),), True),
        ((Span("A. Roe, "), Span("tidyriver: Tidy River Data", italic=True), Span(", 2024. [R package version 0.0.1].")), True),
        ((Span("Roe A., Poe B. (2013). riverQC: quality control of gauge data. Reviewed R package, Examplebase."),), True),
        # a paper about a package, and a data set: entries
        ((Span("A. Roe. gaugekit: a Python package for river gauges. Journal of Example Software 3(2), 1-9 (2022)."),), False),
        ((Span("Roe, A., Poe, B. (2023). GaugeLab: a Python package for processing gauge series. Example preprint server. "
               "https://doi.org/10.12345/eps.370"),), False),
        ((Span("Roe, A. (2024). River widths of Europe (v1.0) [Data set]. Example Archive. https://doi.org/10.5281/zenodo.1"),), False),
        # the phrase inside a capitalised name that goes on: where the paper appeared
        ((Span("Roe, A., & Poe, B. (2019). Gauges as services. 2019 IEEE Annual Computer Software and Applications "
               "Conference (COMPSAC), 402–410."),), False),
        ((Span("Roe, A. (2020). Tidegauge. Computer software, Example Archive."),), True),
    ],
)
def test_is_software(spans: tuple[Span, ...], software: bool) -> None:
    assert bool(is_software(item(*spans))) is software


def test_a_run_of_talks_after_papers_is_dropped_without_a_heading() -> None:
    """A CV whose section headings are lost: its papers, then its talks, one list."""
    papers = [item(Span(f"Roe, A., Poe, B. (2019). Sediment study {n}. Example Journal, 4({n}), 10-20.")) for n in range(4)]
    talks = [item(Span(f"Roe, A. (2018). River talk {n}. Example Assembly, Vienna (Austria). "), Span("Oral presentation", bold=True))
             for n in range(3)]
    assert talk_items([(None, s) for s in papers + talks]) == {4, 5, 6}  # three of seven: no majority, but a run
    assert talk_items([(None, s) for s in papers + talks[:2]]) == set()  # two in a row may be papers' notes
    # working papers whose notes, below their own line, list where they were presented
    noted = [item(Span(f"Paper title {n}, with B. Poe", bold=True), Span("\n"), Span("Presented at Example Workshop (2023), "
                   "Example Conference (2024).")) for n in range(3)]
    assert talk_items([(None, s) for s in noted + papers]) == set()


@pytest.mark.parametrize(
    ("spans", "kind"),
    [
        ((Span("A. Roe (PI), B. Poe (co-PI). Listening to rivers. Example Science Foundation, award 2134567, $480,000, 2022–2025."),), "grants"),
        ((Span("Sachbeihilfe RO 12/3-1, Flüsse im Winter, Förderung 2021–2024, 310.000 EUR."),), "grants"),
        ((Span("“Why rivers sing”, interview with A. Roe, Example Daily News, 3 May 2022."),), "media"),
        ((Span("A. Roe quoted in "), Span("Rivers are getting louder", italic=True), Span(", Example Magazine, June 2021.")), "media"),
        ((Span("A. Roe. Valve for rivers. Patent No. 9,876,543, 2017."),), "patents"),
        # a paper on grant money, a paper with its funding noted below its own line, a paper: publications
        ((Span("Roe, A. The $500 million grant program and river towns. Example Journal of Economics 12(3), 1-20 (2021)."),), None),
        ((Span("Roe, A., Poe, B. (2022). Rivers at night. Example Letters 4, 12-19."), Span("\n"),
          Span("Funded by the Example Fund, $20,000, 2020–2022.")), None),
        ((Span("Roe, A. (2020). Interviews with river guides. Example Review 8, 1-9."),), None),
    ],
)
def test_other_work_an_item_shows_by_its_own_evidence(spans: tuple[Span, ...], kind: str | None) -> None:
    assert other_work(item(*spans)) == kind


def test_a_run_of_items_dated_to_the_day_without_a_venue_is_a_run_of_talks() -> None:
    # a humanities CV's talks after its papers: a title in quotes, a meeting, a place, a day
    papers = [item(Span(f"A. Writer, “Ledgers {n},” "), Span("Example Review", italic=True), Span(f" {n} (2019): 1–20.")) for n in range(3)]
    talks = [item(Span(f"A. Writer and B. Other, “Port towns {n},” Regional History Forum, Oakton, October {n + 1}, 2013."))
             for n in range(3)]
    assert talk_items([(None, s) for s in papers + talks]) == {3, 4, 5}
    # opinion columns name their outlet in italics: pieces, not talks
    columns = [item(Span(f"Writer, A. (2024, March {n + 1}). Why ports matter {n}. "), Span("Example Daily", italic=True), Span("."))
               for n in range(3)]
    assert talk_items([(None, s) for s in papers + columns]) == set()
    # nor do they when the outlet is not styled: a talk names where it was given
    plain = [item(Span(f"Why ports matter {n}, Example Alphaville (Oct. {n + 1}, 2025), with B. Other")) for n in range(3)]
    assert talk_items([(None, s) for s in papers + plain]) == set()


def test_a_grant_names_no_funder_but_closes_with_an_amount_after_its_years() -> None:
    grant = item(Span("A. Writer and B. Other, “The Harbour Book Project,” Example Museum and Library (2022–): $80,500."))
    review = item(Span("Review of Port Towns, by B. Other. Example: Example University Press, 2019. Pp. 408. $35.00."))
    assert other_work(grant) == "grants"
    assert other_work(review) is None  # a book's price after one year: a review's citation


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Ph.D. in Geography (2012) Example Institute of Technology", "education"),
        ("2006–2010 B.Sc., Physics, University of Example.", "education"),
        ("Master of Science in Hydrology, Example University, 2009.", "education"),
        ("K. Lind, “Sediment windows,” Ph.D. 2021. Subsequent position: postdoc at Example University.", "supervision"),
        ("M. Weber, MSc thesis (2022), co-supervised with B. Poe: Dye tracers in clay.", "supervision"),
        # the owner's own thesis, and a paper whose title opens like a degree: publications
        ("A. Roe. Rivers of data. PhD thesis, University of Example, 2011.", None),
        ("Ph.D. thesis: Rivers of data. University of Example (2011).", None),
        ("Roe, A. (2019). Master of none: a study of generalists. Example Journal 4, 1-9.", None),
    ],
)
def test_degrees_and_supervised_theses_are_no_entries(text: str, kind: str | None) -> None:
    assert other_work(item(Span(text))) == kind


def test_a_section_describing_the_person_is_told_from_other_lists() -> None:
    # the innermost heading naming a section decides; a topic heading in between names none
    assert describes_person(("Research Interests", "How do tides shape coastal towns?"))
    assert describes_person(("About me",))
    assert not describes_person(("Research Interests", "Invited talks"))
    assert not describes_person(("Teaching",))
    assert not describes_person(("Publications",))
    assert not describes_person(())


def test_a_cited_work_reads_as_printed_on_its_own() -> None:
    assert is_cited_work(item(Span("Ortega, Lucia (2019). \u201cTides of the inner sea,\u201d Coastal Review, 4(2): 10-20.")))
    assert is_cited_work(item(Span("L. Ortega and P. Mendes. Tides of the inner sea. Journal of Coasts, 2019.")))
    # a talk says it was presented; a line of prose or a bare name shows no printed work
    assert not is_cited_work(item(Span("L. Ortega. Tides of the inner sea. Invited talk, Journal Club of the Coast Institute, 2019.")))
    assert not is_cited_work(item(Span("My work since 2019 asks how tides shape the towns on a coast, vol. 2 of a long story.")))
    assert not is_cited_work(item(Span("Lucia Ortega and Pedro Mendes, Lisbon")))


def test_a_mixed_section_of_talks_drops_the_ones_that_do_not_say_so() -> None:
    """Under a heading naming papers or talks, where most items that show nothing printed say
    they were presented, the others of them (a meeting, a month, a place) are talks too; the
    items with a proceedings volume stay."""
    heads = ("Konferenzbeiträge",)
    said = [item(Span(f"Roe, J. (2019). Topic {n}. Vortrag auf der {n}. Tagung der Beispielgesellschaft, Leipzig."), headings=heads)
            for n in range(3)]
    unsaid = item(Span("Roe, J. (2018). Learning by example. 21st Biennial Meeting of the Example Society, August 2018, Bonn."),
                  headings=heads)
    printed = item(Span("Roe, J. (2017). Rivers of data. Proceedings of the Example Symposium (pp. 1-4). Example Press."), headings=heads)
    items = [(MIXED, s) for s in said] + [(MIXED, unsaid), (MIXED, printed)]
    assert talk_items(items) == {0, 1, 2, 3}
    # where few of the items say so, an item that does not is kept
    plain = [item(Span(f"Roe, J. (2016). Paper {n}. Congress of the Example Society, May 2016, Graz."), headings=heads)
             for n in range(3)]
    assert talk_items([(MIXED, said[0])] + [(MIXED, p) for p in plain]) == {0}


def test_a_meeting_acronym_with_a_number_is_no_printed_venue() -> None:
    """"SIG 27" names a special interest group, not a venue with its year ("ICML 2019",
    "NeurIPS'21"): a talk at its meeting is still a talk."""
    talk = item(Span("Roe, J. (2022). Reading closely. Vortrag auf der SIG 27 Conference, Example City."))
    paper = item(Span("Roe, J. (2022). Reading closely. Presented at ICML 2019, Example City."))
    glued = item(Span("Roe, J. (2017). Reading closely. Presented at the Example Conference (EXCONF17), May 2-3, 2017."))
    assert is_talk(talk) and not is_talk(paper) and not is_talk(glued)


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        ("Journal Example (2015-2018)", "Journal Example"),
        ("Magazine Imagine Tomorrow (2018–2025)", "Magazine Imagine Tomorrow"),
        ("Revista de Ejemplos", "Revista de Ejemplos"),
        ("Journal Papers", None),  # a section of papers, not a periodical
        ("Refereed Journal Articles", None),
        ("Magazine articles", None),
        ("Newsletter", None),
        ("Machine learning", None),
    ],
)
def test_periodical_a_heading_names(heading: str, name: str | None) -> None:
    assert periodical(heading) == name


def test_heading_venue_passes_year_headings_and_dates_are_no_venue() -> None:
    assert heading_venue(("Columns", "Journal Example (2015-2018)", "2016")) == "Journal Example"
    assert heading_venue(("Journal Example", "Essays")) is None  # the innermost heading decides
    assert is_date_text("juin-juillet/août") and is_date_text("dec-janv") and is_date_text("Printemps")
    assert not is_date_text("Example Review") and not is_date_text("Mars Letters")
