"""Where a title begins and ends (``citation.boundaries``): the element classed as the title; where an
author list at the start of an item ends: one full name before a comma and an italic title is the list."""

from __future__ import annotations

from refkit.extraction.citation import parse_segment
from refkit.extraction.citation.boundaries import _css_title
from refkit.extraction.citation.work import _work_from_segment
from refkit.extraction.segment import Segment, Span
from refkit.model import Entry, Location


def _classed(*spans: Span) -> str | None:
    work = _work_from_segment(Segment(spans=spans))
    found = _css_title(work, work.text)
    return None if found is None else work.text[found[0]:found[1]]


def test_the_element_classed_as_the_title_is_the_title_whole() -> None:
    assert _classed(Span("2016 "), Span("Impact of hacker activism. A case study: WikiLeaks", css=("pub-title",)),
                    Span("\nDoe, J. Universidad de Madrid.")) == "Impact of hacker activism. A case study: WikiLeaks"


def test_styled_words_inside_the_element_are_part_of_it() -> None:
    assert _classed(Span("Loci for rootedness in alfalfa (", css=("title",)), Span("Medicago sativa", italic=True, css=("title",)),
                    Span(" L.)", css=("title",)), Span("\nDoe, A., Roe, B.", css=("author",))) == \
        "Loci for rootedness in alfalfa (Medicago sativa L.)"


def test_other_titles_one_word_names_and_a_class_over_the_whole_item_are_none() -> None:
    assert _classed(Span("Doe, J. A long title here. "), Span("Journal of Things", css=("journal-title",))) is None
    assert _classed(Span("Doe, J. "), Span("Untitled", css=("title",)), Span(" Journal 3.")) is None
    assert _classed(Span("Jane Doe and John Roe", css=("title",)), Span(". A title of words. Journal 3.")) is None
    assert _classed(Span("Doe, J. A title of words. Journal 3, 2020.", css=("entry-title",))) is None


def _parse(*spans: Span) -> Entry:
    entry = parse_segment(Segment(spans=spans, location=Location("cv.rst", 3)), source="rst")
    assert entry is not None
    return entry


def test_one_full_name_then_a_comma_and_an_italic_title() -> None:
    entry = _parse(Span("Rémi Delaporte-Mathurin, "),
                   Span("Hydrogen Transport in Tokamaks: Estimation of the Divertor Inventory", italic=True),
                   Span(" (Doctoral thesis, Université Sorbonne Paris Nord, 2022)."))
    assert [n.family for n in entry.names("author")] == ["Delaporte-Mathurin"]
    assert entry.get("title") == "Hydrogen Transport in Tokamaks: Estimation of the Divertor Inventory"


def test_names_in_italics_after_a_comma_still_continue_the_list() -> None:
    entry = _parse(Span("Ruiz, P., "), Span("Okafor, N. A., Brandt, K.", italic=True),
                   Span(", Lind, K. Seed banks of meadows. Alpine Notes, 2020."))
    assert [n.family for n in entry.names("author")] == ["Ruiz", "Okafor", "Brandt", "Lind"]


def test_a_list_with_semicolons_between_its_names_ends_at_a_semicolon() -> None:
    entry = _parse(Span("Moisture Recovery - A Dynamic Modelling Approach\n"),
                   Span("Kremer, Martin; Mathis, Paul; Müller, Dirk; Clima 2019, May 2019"))
    assert [n.family for n in entry.names("author")] == ["Kremer", "Mathis", "Müller"]


def test_an_italic_venue_glued_to_the_title_before_a_line_of_numbers_alone() -> None:
    # a table's year column is put after the citation on a line of its own: no field of words
    # goes on there, so the italic run closing the title's chunk is still its venue
    for tail in ((Span("."), Span("\n"), Span("2025")), (Span(". "), Span("doi:10.1234/x.1", link="https://doi.org/10.1234/x.1"),
                                                         Span("\n"), Span("2025"))):
        entry = parse_segment(Segment(spans=(Span("Roe A., Poe B., & Doe C. Geothermal potential explored with seismic data "),
                                             Span("Engineering Geology", italic=True), *tail)), section="pub")
        assert entry is not None
        assert (entry.get("title"), entry.get("journal"), entry.get("year")) == \
            ("Geothermal potential explored with seismic data", "Engineering Geology", "2025")
    # a species in italics ending the title, the venue on the next line, stays in the title
    entry = parse_segment(Segment(spans=(Span("Roe A., & Poe B. Growth of "), Span("Quercus robur", italic=True),
                                         Span("\nForest Ecology 12, 1-9, 2020.")), ), section="pub")
    assert entry is not None and entry.get("title") == "Growth of Quercus robur"


def test_empty_places_of_a_name_list_are_no_names() -> None:
    # names written by macros the input does not define leave their separators behind
    for text, families in (("*, , , Ma J., Tong Y., & Yu S. A reference model of the crust. Journal of Tests, 2024.",
                            ["Ma", "Tong", "Yu"]),
                           ("Bai Y., Xu M.,, Chen J., & Tong P. A reference model of the crust. Journal of Tests, 2024.",
                            ["Bai", "Xu", "Chen", "Tong"]),
                           (",,, & A reference model of the crust. Journal of Tests, 2024.", [])):
        entry = parse_segment(Segment(spans=(Span(text),)), section="pub")
        assert entry is not None and entry.get("title") == "A reference model of the crust"
        assert [n.family for n in entry.names("author")] == families
