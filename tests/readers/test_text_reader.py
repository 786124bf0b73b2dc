"""Plain-text publication lists (refkit.readers.text), and text in a markup handed
to that markup's reader."""

from __future__ import annotations

from refkit.model import Entry
from refkit.readers import text as reader


def titles(source: str) -> list[str]:
    return [e.get("title") or "" for e in reader.read(source, path="cv.txt")]


def by_title(source: str) -> dict[str, Entry]:
    return {e.get("title") or "": e for e in reader.read(source, path="cv.txt")}


LISTING = """Zhiyong Gao

CV
h-index98
18papers

18 Papers

CVJun 25, 2022
Enhanced Deep Animation Video Interpolation

Wang Shen, Cheng Ming, Wenbo Bao et al.

Existing learning-based frame interpolation algorithms extract consecutive frames from high-speed natural videos to train the model. Compared to natural videos, cartoon videos are usually in a low frame rate. Besides, the motion between consecutive cartoon frames is typically nonlinear, which breaks the linear motion assumption of interpolation algorithms.

IVApr 17, 2025Code
A Coding Framework and Benchmark towards Low-Bitrate Video Understanding

Yuan Tian, Guo Lu, Yichao Yan et al.

Video compression is indispensable to most video analysis systems. Despite saving transportation bandwidth, it also deteriorates downstream video understanding tasks, especially at low-bitrate settings. To systematically investigate this problem, we first thoroughly review the previous methods.
"""


def test_scraped_listing_paragraphs_are_grouped() -> None:
    entries = reader.read(LISTING)
    assert [e.get("title") for e in entries] == [
        "Enhanced Deep Animation Video Interpolation",
        "A Coding Framework and Benchmark towards Low-Bitrate Video Understanding",
    ]
    assert [e.get("year") for e in entries] == ["2022", "2025"]
    assert [n.literal or n.family for n in entries.entries[1].names()] == ["Tian", "Lu", "Yan", "others"]


WRAPPED = """PUBLICATIONS

Smith, J., and Doe, A. (2019). Measuring the expansion of the universe with
    standard sirens. Physical Review Letters, 122, 061102.

Doe, A., Smith, J., and Roe, K. (2018). A catalogue of gravitational wave
    candidates from the second observing run. Astrophysical Journal, 850, 1-20.

Roe, K., and Smith, J. (2017). Glitch classification in interferometer data
    with convolutional networks. Classical and Quantum Gravity, 34, 064003.

Smith, J. (2015). Searching for continuous waves from neutron stars in binary
    systems. PhD thesis, University of Somewhere.
"""


def test_hard_wrapped_plain_text() -> None:
    found = by_title(WRAPPED)
    assert "Measuring the expansion of the universe with standard sirens" in found
    assert "A catalogue of gravitational wave candidates from the second observing run" in found
    assert found["Searching for continuous waves from neutron stars in binary systems"].type == "phdthesis"
    assert len(found) == 4


def test_empty_binary_and_non_publication_documents() -> None:
    assert len(reader.read("")) == 0
    assert len(reader.read("\x00\x01\x02binary\x00" * 100)) == 0
    assert len(reader.read("Hello!\n\nI like hiking and photography.\n\nContact me at jane@example.org")) == 0
    assert reader.sniff("") == 0.0 and reader.sniff("\x00\x00\x00") == 0.0
    assert 0.0 < reader.sniff("plain words") < 0.5


def test_big_and_pathological_documents_run() -> None:
    items = "\n".join(f"{i}. A. Author{i % 7}, B. Writer. Title number {i} about things. Journal of Stuff, {i % 50}, {i}-{i + 9}, {1990 + i % 30}." for i in range(1, 400))
    assert len(reader.read("# Publications\n\n" + items)) == 399
    reader.read("**" * 20000 + "[" * 5000 + "](" * 5000 + "\\" * 3000)
    reader.read(r"\textbf{" * 3000 + "x" + "}" * 10)
    reader.read("- " + "a, " * 20000)


HANGING = """EDUCATION
    Ph.D. 1976, University of Michigan (Ecology)

SELECTED PUBLICATIONS (ESA style)

Tilman, D., and M. Clark. 2014. Global diets link environmental sustainability and
    human health. Nature 515:518–522. doi:10.1038/nature13959
Tilman, D. 1982. Resource competition and community structure. Monographs in
    Population Biology 17. Princeton University Press, Princeton, New Jersey, USA.

Submitted Manuscripts
[S1] Public, J. Q.; Roe, R. Electrochemical reduction of CO2 on copper.
     Submitted to Science, 2024.

SERVICE
    Editorial boards of Ecology and The American Naturalist (past).
"""


def test_hanging_indents_and_section_word_headings() -> None:
    entries = reader.read(HANGING)
    assert [e.get("title") for e in entries] == [
        "Global diets link environmental sustainability and human health",
        "Resource competition and community structure",
        "Electrochemical reduction of CO2 on copper",
    ]
    first, book, submitted = entries.entries
    assert [n.family for n in first.names()] == ["Tilman", "Clark"]
    assert (first.get("journal"), first.get("volume"), first.get("pages")) == ("Nature", "515", "518--522")
    assert book.type == "book" and book.get("publisher", "").startswith("Princeton University Press")  # type: ignore[union-attr]
    assert submitted.get("pubstate") == "submitted" and submitted.get("journal") == "Science"
    assert submitted.location.line == 12


ORCID = """Employment (2)
University of Somewhere: City, US
2005 to 2022-06 | Professor

Works (2)
Sort

Influence of climate change on planetary wave resonance
Scientific Reports
2017-03 | Journal article
DOI: 10.1038/srep45242
Contributors: Michael E. Mann; Stefan Rahmstorf; Kai Kornhuber
Show more detail
Source: Crossref

Global signatures of the Little Ice Age
Science
2009-11-27 | Journal article
DOI: 10.1126/science.1177303
Show more detail
Source: Crossref
"""


def test_orcid_record_copied_as_text() -> None:
    entries = reader.read(ORCID)
    assert [(e.get("title"), e.get("journal"), e.get("year"), e.get("doi")) for e in entries] == [
        ("Influence of climate change on planetary wave resonance", "Scientific Reports", "2017", "10.1038/srep45242"),
        ("Global signatures of the Little Ice Age", "Science", "2009", "10.1126/science.1177303"),
    ]
    assert [n.family for n in entries.entries[0].names()] == ["Mann", "Rahmstorf", "Kornhuber"]
    assert entries.entries[0].get("month") == "mar"


LABELLED_FIELDS = """Listing of Ada Lovelace

[1]  arXiv:2301.00001  [pdf, other]
Title: Sparse Mixtures of Experts: Routing
  Tokens at Scale
Authors: Ada Lovelace, Alan Turing, Grace Hopper
Comments: 12 pages, accepted at NeurIPS 2023
Subjects: Machine Learning (cs.LG); Computation and Language (cs.CL)

[2]  arXiv:2302.00002  [pdf]
Title: Message Passing on Graphs
Author(s): Ada Lovelace and Edsger W. Dijkstra
Journal-ref: Journal of Machine Learning Research 24 (2023) 1-40
DOI: 10.5555/jmlr.2023.1
Subjects: Machine Learning (stat.ML)
"""

LABELLED_RECORDS_IN_ONE_PARAGRAPH = """Publications

Title: Counting Birds with Sound
Authors: Rachel Carson, John Muir
Venue: Ecology Letters
Year: 2019
Title: Forest Canopy Models
Authors: John Muir
Published in: Journal of Ecology
Date: March 2021
"""


def test_labelled_field_items() -> None:
    entries = reader.read(LABELLED_FIELDS, path="listing.txt").entries
    assert len(entries) == 2
    first, second = entries
    # the "[n] arXiv:id [pdf]" line and its labelled lines are one entry
    assert first.get("title") == "Sparse Mixtures of Experts: Routing Tokens at Scale"
    assert [n.family for n in first.names()] == ["Lovelace", "Turing", "Hopper"]
    assert first.type == "misc" and first.get("eprint") == "2301.00001" and first.get("archiveprefix") == "arXiv"
    assert first.get("primaryclass") == "cs.LG"
    # Comments give no venue and no year; a new-style arXiv id is not a year
    assert first.get("year") is None and first.get("journal") is None and first.get("howpublished") is None
    assert second.get("title") == "Message Passing on Graphs"
    assert [n.family for n in second.names()] == ["Lovelace", "Dijkstra"]
    assert second.type == "article" and second.get("journal") == "Journal of Machine Learning Research"
    assert (second.get("year"), second.get("volume"), second.get("pages")) == ("2023", "24", "1--40")
    assert second.get("doi") == "10.5555/jmlr.2023.1" and second.get("eprint") == "2302.00002"
    assert second.get("primaryclass") == "stat.ML"


def test_labelled_records_in_one_paragraph_are_split() -> None:
    entries = reader.read(LABELLED_RECORDS_IN_ONE_PARAGRAPH, path="cv.txt").entries
    assert [(e.get("title"), e.get("journal"), e.get("year")) for e in entries] == [
        ("Counting Birds with Sound", "Ecology Letters", "2019"),
        ("Forest Canopy Models", "Journal of Ecology", "2021"),
    ]
    assert [n.family for n in entries[1].names()] == ["Muir"]


def test_one_failing_item_is_a_warning_and_entries_carry_a_confidence(monkeypatch) -> None:
    from refkit.extraction import citation

    real = citation.parse_segment

    def flaky(segment, **options):  # type: ignore[no-untyped-def]
        if "Glitch classification" in segment.text:
            raise IndexError("list index out of range")
        return real(segment, **options)

    monkeypatch.setattr(citation, "parse_segment", flaky)
    lib = reader.read(WRAPPED, path="cv.txt")
    titles = [e.get("title") for e in lib.entries]
    assert len(titles) == 3 and not any("glitch" in (t or "").lower() for t in titles)
    [problem] = lib.problems
    assert problem.code == "RK191" and problem.severity == "warning" and str(problem.location).startswith("cv.txt:")
    assert all(e.origin is not None and e.origin.confidence is not None for e in lib.entries)


def test_text_in_a_markup_goes_to_that_markups_reader() -> None:
    markdown = reader.read("## Papers\n\n- A. Smith. [A title here](https://example.org/a). *Journal of Things*, 2020.\n")
    latex = reader.read("\\begin{itemize}\n\\item A.~Smith. A title here. \\emph{Journal of Things}, 2020.\n\\end{itemize}\n")
    rst = reader.read(".. note:: x\n\n* A. Smith. `A title here <https://example.org/a>`_. *Journal of Things*, 2020.\n")
    for library, source in ((markdown, "markdown"), (latex, "latex"), (rst, "rst")):
        assert [e.get("title") for e in library] == ["A title here"]
        assert library.entries[0].provenance["title"].source == source


def test_odd_plain_inputs_give_no_traceback() -> None:
    for doc in ("<div>\na", "[1]\n-", "- \n-", "a" + " " * 5000 + "(b)", "PUBLICATIONS\n" + "-" * 3000):
        reader.read_plain(doc)


MIXED_TEXT = """PUBLICATIONS AND PRESENTATIONS

1. Roe, J. and Poe, A. (2021). Counting rivers. Example Letters 4, 12-19.
2. Roe, J. (2020). Rivers of data. Invited talk at Example University, Oakton.
3. Roe, J. and Poe, A. (2019). Sediment budgets. Poster presentation, Example Assembly, Vienna.
"""


def test_mixed_heading_keeps_papers_and_drops_talks() -> None:
    assert titles(MIXED_TEXT) == ["Counting rivers"]


def test_one_citation_per_line_without_markers_or_blank_lines() -> None:
    """A list written one citation per line (no bullets, no blank lines) is one item per
    line; a citation hard-wrapped over two lines stays one item."""
    source = """Publications
------------

Oyelaran, M., & Brink, T. (2019). Counting lichens on granite walls. Journal of Urban Ecology, 4, 11-19.
Brink, T., Halvorsen, I., & Oyelaran, M. (2021). A ledger of dry summers. Climate Notes, 2, 1-8.
jFlow: A toolkit for tidal records. I. Halvorsen, T. Brink. Estuaries Quarterly, 2020.

Halvorsen, I., & Brink, T. (2018). Salt marsh memory and the long record of storms along the
north coast. Estuaries Quarterly, 7, 30-41.
"""
    assert titles(source) == ["Counting lichens on granite walls", "A ledger of dry summers",
                              "jFlow: A toolkit for tidal records",
                              "Salt marsh memory and the long record of storms along the north coast"]


# a CV as Org's plain-text export writes it: "=====" underlined sections, "~~~~" underlined
# dated sub-headings, "  - " bullets hard-wrapped at 72 columns with their lines indented under
# the bullet, titles between slashes (the export's italic), DOIs in brackets
TEXT_EXPORT = """Publications
============

  - A. Novak, T. Ferreira, and L. Chen, /Seasonal cycles of dissolved
    oxygen in three shallow alpine lakes/, Limnology Letters, Vol 12,
    Mar 2019, pp 101-118, [10.1000/ll.2019.0101]
  - L. Chen and A. Novak, /Ice cover duration and the spring bloom/,
    Freshwater Ecology Reports, Vol 7, Jan 2017, pp 33-40


Conferences and Workshops
=========================

  - 06/18: Contributed poster, /Oxygen sensors under lake ice/, Alpine
    Lakes Meeting, Innsbruck, AT
  - 09/17: Invited seminar talk, /What lakes remember of winter/,
    Institute of Limnology, Lund, SE


Technical Abilities
===================

  - Programming: R, Python, Julia, MATLAB, Stan, SQL, Bash, Git,
    Docker, Make
"""


def test_a_plain_text_export_of_an_org_cv() -> None:
    entries = reader.read(TEXT_EXPORT, path="cv.txt").entries
    assert [e.get("title") for e in entries] == ["Seasonal cycles of dissolved oxygen in three shallow alpine lakes",
                                                "Ice cover duration and the spring bloom"]
    first = entries[0]
    assert first.get("journal") == "Limnology Letters"  # the wrapped line joined with a space, no "[" left
    assert first.get("pages") == "101--118" and first.get("doi") == "10.1000/ll.2019.0101"


def test_marks_inside_words_and_dates_are_no_emphasis() -> None:
    from refkit.readers.text import _emphasized
    from refkit.extraction.segment import Span

    spans = _emphasized([Span("10/16: input/output and file_name_here, 3*4*5 (w/o)")])
    assert not any(s.italic or s.bold for s in spans)
    spans = _emphasized([Span("J. Doe, "), Span("/A title"), Span("\n"), Span("on two lines/, Journal")])
    assert [(s.text, s.italic) for s in spans if s.italic] == [("A title\non two lines", True)]
    spans = _emphasized([Span("Doe J*, Roe K*, *equal\ncontribution")])
    assert not any(s.bold for s in spans)  # a star run stays on its line


# ---- layouts of plain-text lists (benchmarks/text_lists.py generates many more) -------------------

WRAPPED_SOLID = """\
Roe A, Poe B. Counting the migrating birds of a small coastal marsh over
twelve seasons. Journal of Field Ornithology. 2011;12(3):45-67.
Doe C. A short note on sediment. Marine Geology Letters. 2014;3:1-4.
Moe D, Loe E, Zoe F. Long-run estimates of river discharge from tree ring
widths in three northern catchments. Water Resources Research.
2019;55:1021-1040.
"""


def test_a_wrapped_list_with_no_markers_is_cut_where_lines_end_early() -> None:
    assert titles(WRAPPED_SOLID) == [
        "Counting the migrating birds of a small coastal marsh over twelve seasons",
        "A short note on sediment",
        "Long-run estimates of river discharge from tree ring widths in three northern catchments"]


def test_tab_indented_hanging_items_of_an_email() -> None:
    source = ("\tRoe, A. (2011). Counting the migrating birds of a small coastal marsh\n"
              "\t    over twelve seasons. Journal of Field Ornithology, 12, 45-67.\n"
              "\tMoe, D. (2019). Long-run estimates of river discharge from tree\n"
              "\t    ring widths. Water Resources Research, 55, 1021-1040.\n")
    assert len(titles(source)) == 2


def test_o_bullets_of_a_word_list_copied_as_text() -> None:
    source = ("o Roe, A. (2011). Counting the migrating birds of a small marsh. Journal of Field\n"
              "  Ornithology, 12, 45-67.\n\n"
              "o Moe, D. (2019). Long-run estimates of river discharge. Water Resources Research, 55.\n")
    assert titles(source) == ["Counting the migrating birds of a small marsh", "Long-run estimates of river discharge"]


def test_numbered_section_headings_are_headings() -> None:
    source = ("1. Publications\n\n- Roe, A. (2011). Counting the migrating birds of a small marsh. Journal of "
              "Field Ornithology, 12, 45-67.\n\n2. Invited Talks\n\n- Birds of the marsh. Seminar, Example "
              "University, 2015.\n")
    assert titles(source) == ["Counting the migrating birds of a small marsh"]


def test_a_long_citation_after_a_blank_line_is_an_item_not_prose_about_the_last() -> None:
    source = ("Roe A. 2011 – Counting the migrating birds of a small marsh, Journal of Field Ornithology, 12.\n\n"
              "Moe D., Loe E. 2019 – Estimates of the discharge of the rivers and of the lakes in the north of "
              "the country from the widths of the rings of the trees, Water Resources Research and Reviews, 55 "
              "(2), https://doi.org/10.1000/example.\n")
    assert len(titles(source)) == 2


def test_a_reference_list_copied_from_a_pdf() -> None:
    places = ("marsh", "bay", "lake", "river", "delta", "coast", "island", "valley", "ridge", "moor")
    body = [f"[{k}] A. Roe{k}, B. Poe, Counting the {kind} birds of the {place} over the seasons,"
            f" J. Field Ornithol. {k} (2011) 45-67." for k, (kind, place) in
            enumerate(((kind, place) for kind in ("migrating", "nesting", "wintering") for place in places), 1)]
    source = "\n".join(body[:15] + ["", "       1", "\f", "Journal of Examples 3 (2019)", ""] + body[15:]
                       + ["", "       2", "\f", "Journal of Examples 3 (2019)", ""]) + "\n"
    entries = reader.read(source, path="refs.txt")
    assert len(entries) == 30
    # the page number and the running header are no part of the items beside the page break
    assert not any("Examples" in str(value) for e in entries for value in e.fields.values())
    assert [e.fields.get("volume") for e in entries] == [str(k) for k in range(1, 31)]


def test_a_tab_separated_export_with_a_header_row_is_one_item_per_row() -> None:
    source = ("Authors\tTitle\tPublication\tVolume\tYear\tdoi\r\n"
              "Roe, Ana; Poe, Ben; \tCounting the migrating birds of a small marsh\tJournal of Field Ornithology\t12"
              "\t2011\t10.1000/birds.1\r\n"
              "Moe, Dan; \tLong-run estimates of river discharge\tWater Resources Research\t55\t2019\t\r\n"
              "Zoe, Eva; Loe, Finn; \tA short note on sediment\tMarine Geology Letters\t3\t2014\t\r\n")
    entries = {e.get("title"): e for e in reader.read(source, path="export.txt")}
    assert list(entries) == ["Counting the migrating birds of a small marsh", "Long-run estimates of river discharge",
                             "A short note on sediment"]
    first = entries["Counting the migrating birds of a small marsh"]
    assert first.get("journal") == "Journal of Field Ornithology"
    assert first.get("year") == "2011" and first.get("doi") == "10.1000/birds.1"
    assert first.get("author") == "Roe, Ana and Poe, Ben"


def test_blank_lines_inside_a_tab_separated_export_do_not_end_it() -> None:
    header = "Authors\tTitle\tPublication\tYear\r\n"
    rows = ["Roe, Ana\tCounting the migrating birds of a small marsh\tJournal of Field Ornithology\t2011\r\n",
            "Moe, Dan\tLong-run estimates of river discharge\tWater Resources Research\t2019\r\n",
            "Zoe, Eva\tA short note on sediment\tMarine Geology Letters\t2014\r\n"]
    # a stray carriage return or an empty spreadsheet row between rows, a blank line after the table
    source = header + rows[0] + " \r\n" + rows[1] + "\r\n\r\n" + rows[2] + "\r\nWritten by hand.\r\n"
    titles = [e.get("title") for e in reader.read(source, path="export.txt")]
    assert titles == ["Counting the migrating birds of a small marsh", "Long-run estimates of river discharge",
                      "A short note on sediment"]


def test_a_listing_of_records_over_their_abstracts_is_one_item_per_record() -> None:
    # a profile saved as text: title, type, authors and venue on lines of their own, an "Abstract"
    # label over a long paragraph, then "Keywords" over a line; a title naming teaching is no heading
    abstract = ("We describe the design of the game and the tests we ran with two classes, and we compare "
                "what the students learned with what a class taught in the usual way learned over the term. "
                "The results show that the game helps most where the subject is abstract.")
    records = [
        ("A card game for teaching probability to beginners", "Ana Lopes, Paulo Dias", "Revista de Ensino, v. 4, p. 16-21, 2019."),
        ("Counting fish in turbid rivers with sonar", "Paulo Dias", "Proceedings of the River Science Meeting, 2017, p. 3-9."),
        ("Flood forecasting with small neural networks", "Ana Lopes, Jean Martin, Paulo Dias", "Hydrology Notes, v. 2, 2015."),
    ]
    doc = "Publications\n\n"
    for title, names, venue in records:
        doc += f"  \n{title}\n[Portuguese]Conference paper\n{names}\n{venue}\nPublication year: 2019\nAbstract\n{abstract}\n\nKeywords\nGames; Teaching; Statistics\n\n"
    found = by_title(doc)
    assert set(found) == {title for title, _, _ in records}
    assert found["Flood forecasting with small neural networks"].get("author") == "Lopes, Ana and Martin, Jean and Dias, Paulo"


def test_a_numbered_list_pasted_as_one_line_is_one_item_per_number() -> None:
    # a reference list copied with its line ends lost: "1. … 2. … 3. …" (the reader takes the
    # first "1. " as the item's own list marker)
    source = ("Publications\n\n1. Osei, K. (2016). Tidal mixing in fjords. Coastal Letters. "
              "2. Ito, M. (2020). Salt wedges and machine learning. J. Phys. Conf. Ser.. "
              "3. Brandt, L. (2023). Estuary fronts. Ocean Science.\n")
    assert titles(source) == ["Tidal mixing in fjords", "Salt wedges and machine learning", "Estuary fronts"]
