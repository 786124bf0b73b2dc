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
