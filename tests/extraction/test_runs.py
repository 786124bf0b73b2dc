"""Several citations run together in one block are cut apart; one citation never is."""

from __future__ import annotations

from refkit.extraction.runs import split_run
from refkit.extraction.segment import Link, Segment, Span


def texts(segment: Segment) -> list[str]:
    return [piece.text for piece in split_run(segment)]


def test_two_papers_in_one_paragraph_are_two_items() -> None:
    seg = Segment((
        Span("K. Osei, L. Brandt. Tidal mixing in fjords. "), Span("Journal of Coastal Things", italic=True),
        Span(", 3(2):1-9, 2020. M. Ito. Salt wedges revisited. "), Span("Estuary Letters", italic=True),
        Span(", 4:10-12, 2021. "), Span("pdf", link="https://example.org/ito.pdf"),
    ), links=(Link("pdf", "https://example.org/ito.pdf"), Link("site", "https://example.org/")))
    pieces = split_run(seg)
    assert [p.text for p in pieces] == [
        "K. Osei, L. Brandt. Tidal mixing in fjords. Journal of Coastal Things, 3(2):1-9, 2020.",
        "M. Ito. Salt wedges revisited. Estuary Letters, 4:10-12, 2021. pdf",
    ]
    # a link stays with the piece that shows it; a link shown nowhere goes with the last
    assert [link.url for link in pieces[0].links] == []
    assert [link.url for link in pieces[1].links] == ["https://example.org/ito.pdf", "https://example.org/"]


def test_vancouver_citations_run_together() -> None:
    seg = Segment((Span("Osei K, Brandt L. Tidal mixing in fjords. Journal of Coastal Science. 2020;3:1-9. "
                        "Ito M, Osei K. Salt wedges revisited. Estuary Letters. 2021;4:10-12."),))
    assert texts(seg) == ["Osei K, Brandt L. Tidal mixing in fjords. Journal of Coastal Science. 2020;3:1-9.",
                          "Ito M, Osei K. Salt wedges revisited. Estuary Letters. 2021;4:10-12."]


def test_one_citation_is_never_cut() -> None:
    one = [
        # a reprint in brackets after the year, its journal abbreviated with initials
        "J. Osei, \u201cTides of the large N limit\u201d, Adv. Coast. Phys. 2, 231 (1998) [Int. J. Coast. Phys. 38, 1113 (1999)].",
        # APA: names, year, title, journal (the title after the year is no name list)
        "Osei, K., & Brandt, L. (2020). Tidal mixing in fjords. Journal of Coastal Things, 3(2), 1-9.",
        # a note after the year naming a person
        "K. Osei. Tidal mixing in fjords. Journal of Coastal Things, 2020. With thanks to the harbour office, 2021.",
    ]
    for text in one:
        assert texts(Segment((Span(text),))) == [" ".join(text.split())]


def test_lines_are_left_to_the_item_finder() -> None:
    seg = Segment((Span("K. Osei. Tidal mixing. Coastal Letters, 2020."), Span("\n"), Span("M. Ito. Salt wedges. Estuary Letters, 2021.")))
    assert len(split_run(seg)) == 1


def test_source_lines_cut_a_paragraph_of_one_citation_per_line() -> None:
    # a Markdown/Org paragraph: each source line a citation, the line breaks shown as spaces;
    # "Osei Press." would read as an abbreviation without the line break
    first = "Osei, K., & Brandt, L. (2021). Tidal mixing in fjords. Osei Press. "
    second = "Ito, M. (2021). Salt wedges revisited. Estuary Letters."
    seg = Segment((Span(first + second),))
    assert len(split_run(seg)) == 1
    assert [p.text for p in split_run(seg, [0, len(first)])] == [first.strip(), second]


def test_a_venue_on_the_next_line_stays_with_its_citation() -> None:
    first = "Osei, K. (2021). Tidal mixing in fjords. "
    venue = "Coastal Letters. "
    second = "Ito, M. (2020). Salt wedges revisited. "
    seg = Segment((Span(first), Span(venue, italic=True), Span(second), Span("Estuary Letters.", italic=True)))
    pieces = split_run(seg, [0, len(first), len(first + venue), len(first + venue + second)])
    assert [p.text for p in pieces] == [(first + venue).strip(), second + "Estuary Letters."]


def test_a_hard_wrapped_citation_is_not_cut_at_its_lines() -> None:
    # its second line starts with names (the editors) but the first line does not close a citation
    lines = ["Osei, K. (2021). Tidal mixing in fjords. In Coastal Things, edited by",
             "M. Ito and L. Brandt, pp. 1-9. Harbour Press, 2021."]
    text = " ".join(lines)
    assert len(split_run(Segment((Span(text),)), [0, len(lines[0]) + 1])) == 1


def test_numbered_citations_run_into_one_paragraph() -> None:
    text = ("[1] K. Osei. Tidal mixing in fjords. Coastal Letters, 2020. "
            "[2] M. Ito. Salt wedges [3] revisited. Estuary Letters, 2021. "
            "[3] L. Brandt. Mud. Sediment Notes, 2019.")
    assert [p.text[:3] for p in split_run(Segment((Span(text),)))] == ["[1]", "[2]", "[3]"]


def test_semicolon_separated_citations_of_one_shape() -> None:
    # the second shows no title or venue marks of its own: the shape of the first decides
    text = ("Osei, K. (2020). Tidal mixing in fjords. Coastal Letters; "
            "Ito, M., & Brandt, L. (2021). Salt wedges revisited. Mud. https://doi.org/10.1000/xyz1")
    assert [p.text[:4] for p in split_run(Segment((Span(text),)))] == ["Osei", "Ito,"]


def test_a_review_whose_title_is_the_reviewed_citation_is_one_item() -> None:
    text = ("Osei, K. (2016). Ito, M. (2015). Salt wedges revisited in shallow estuaries. Harbour Press. "
            "Estuary Letters, 4(1), 10-12.")
    assert texts(Segment((Span(text),))) == [text]


def test_bullets_left_as_text_separate_their_citations() -> None:
    # a reST enumerated list the markup did not read as one ("#." items run into a paragraph)
    text = ("#. Osei, K., Brandt, L. \"Tidal mixing in fjords\" Coastal Letters, 3, 1-9, 2021 DOI: 10.1000/abc "
            "#. Ito, M. \"Salt wedges revisited\" Estuary Letters 2022;4:10-12.")
    assert [p.text[:8] for p in split_run(Segment((Span(text),)))] == ["#. Osei,", "#. Ito, "]


def test_a_bullet_at_a_source_line_start_opens_a_citation() -> None:
    first = "Osei, K. (2021). Tidal mixing in fjords. Coastal Letters. "
    second = "- Ito, M. (2022). Salt wedges revisited. Estuary Letters."
    pieces = split_run(Segment((Span(first + second),)), [0, len(first)])
    assert [p.text for p in pieces] == [first.strip(), second]


def test_number_markers_in_sequence_cut_before_a_sentence_end_does() -> None:
    # "… machine learning. J. Phys. Conf. Ser." reads as a sentence end before names: the
    # markers in sequence are the block's own structure and win
    seg = Segment((Span("[1] Osei, K. (2016). Tidal mixing in fjords. Coastal Letters. "
                        "[2] Ito, M. (2020). Salt wedges and machine learning. J. Phys. Conf. Ser.. "
                        "[3] Brandt, L. (2023). Estuary fronts. Ocean Science."),))
    assert texts(seg) == ["[1] Osei, K. (2016). Tidal mixing in fjords. Coastal Letters.",
                          "[2] Ito, M. (2020). Salt wedges and machine learning. J. Phys. Conf. Ser..",
                          "[3] Brandt, L. (2023). Estuary fronts. Ocean Science."]


def test_any_one_marker_form_in_sequence_up_or_down() -> None:
    body = ["Osei, K. (2016). Tidal mixing in fjords. Coastal Letters.",
            "Ito, M. (2020). Salt wedges revisited. J. Phys. Conf. Ser..",
            "Brandt, L. (2023). Estuary fronts. Ocean Science."]
    for marks in (["(1)", "(2)", "(3)"], ["1.", "2.", "3."], ["1)", "2)", "3)"], ["12.", "11.", "10."]):
        seg = Segment((Span(" ".join(f"{m} {b}" for m, b in zip(marks, body))),))
        assert texts(seg) == [f"{m} {b}" for m, b in zip(marks, body)], marks
    # the first marker taken off (a text list item's own "1. "): "2." and "3." follow in order
    seg = Segment((Span(" ".join([body[0], "2. " + body[1], "3. " + body[2]])),))
    assert texts(seg) == [body[0], "2. " + body[1], "3. " + body[2]]


def test_numbers_out_of_sequence_or_of_another_form_cut_nothing_new() -> None:
    one = "[1] Osei, K. (2016). Tidal mixing in fjords, part 2. (3) Coastal Letters, vol. 4. 2016."
    assert texts(Segment((Span(one),))) == [one]


def test_numbered_titles_first_in_no_style_are_cut_at_their_numbers() -> None:
    # no names lead, no title is marked: the numbers in order are the list's structure
    text = ("1. Tidal mixing in fjords. Kofi Osei, Lena Brandt. Coastal Letters, 2015. "
            "2. Salt wedges revisited. M. Ito. 2018. "
            "3. Estuary fronts and their tides. Lena Brandt. 2021.")
    assert [p.text[:3] for p in split_run(Segment((Span(text),)))] == ["1. ", "2. ", "3. "]


def test_a_marker_before_a_lower_case_title_is_the_citations_own_where_no_other_follows() -> None:
    text = ("[1] K. Osei. Tidal mixing in fjords. Coastal Letters, 2020. "
            "[2] M. Ito. Salt wedges. Estuary Letters, 2021. "
            "[3] matador: a Python library for tides. L. Brandt. Software Notes, 2019. "
            "[4] L. Brandt. Mud. Sediment Notes, 2019.")
    assert [p.text[:3] for p in split_run(Segment((Span(text),)))] == ["[1]", "[2]", "[3]", "[4]"]


def test_a_numbered_list_of_dated_lines_that_are_no_citations_is_not_cut_at_its_numbers() -> None:
    text = "1. We moved the lab in 2019 and it was a lot of work for all of us. 2. We moved it back in 2021 because the old rooms were better."
    assert texts(Segment((Span(text),))) == [text]


def test_numbers_in_sequence_cut_a_hard_wrapped_block_of_lines() -> None:
    # a numbered list pasted into a hard-wrapped paragraph: its lines are no citations' lines,
    # its numbers are
    lines = ["K. Osei, \u201cTidal mixing in fjords,\u201d Coastal Letters, 2013. 2) M. Ito and",
             "L. Brandt, \u201cSalt wedges revisited,\u201d Estuary Letters, 2016. 3) L. Brandt,",
             "\u201cEstuary fronts,\u201d Ocean Science, 2021."]
    spans = tuple(x for line in lines for x in (Span(line), Span("\n")))[:-1]
    assert [p.text for p in split_run(Segment(spans))] == [
        "K. Osei, \u201cTidal mixing in fjords,\u201d Coastal Letters, 2013.",
        "2) M. Ito and L. Brandt, \u201cSalt wedges revisited,\u201d Estuary Letters, 2016.",
        "3) L. Brandt, \u201cEstuary fronts,\u201d Ocean Science, 2021."]
