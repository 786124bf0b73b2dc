"""A card's heading that is a caption, not the title (refkit.extraction.caption)."""

from __future__ import annotations

from refkit.extraction.caption import caption_over, citation_below, names_section, script, without_section_lines
from refkit.extraction.segment import Segment, Span
from refkit.model import Entry


def card(*lines: str) -> Segment:
    spans: list[Span] = []
    for line in lines:
        if spans:
            spans.append(Span("\n"))
        spans.append(Span(line))
    return Segment(tuple(spans))


def test_script_is_that_of_most_letters() -> None:
    assert script("Как реки запоминают наводнения") == "CYRILLIC"
    assert script("How rivers remember floods (2021)") == "LATIN"
    assert script("河川の記憶") == "CJK"
    assert script("2021 — 12") is None


def test_citation_below_starts_at_the_byline_in_another_script() -> None:
    below = citation_below(card("Как реки запоминают наводнения", "На обложке журнала", "A.B. Roe, C.D. Poe.",
                                "How rivers remember floods.", "Example Hydrology Letters 12 (2021)."))
    assert below is not None and below.text.startswith("A.B. Roe, C.D. Poe.")
    # names opening a line that goes on with the title, the venue below
    below = citation_below(card("Тихие болота", "A.B. Roe, C.D. Poe. Quiet marshes.", "Example Letters 7 (2020)."))
    assert below is not None and below.text.startswith("A.B. Roe")
    # a heading in the citation's script: nothing to tell apart
    assert citation_below(card("Quiet marshes", "A.B. Roe, C.D. Poe.", "Quiet marshes.", "Example Letters 7 (2020).")) is None
    # a caption mixing the heading's script with names is not the byline
    assert citation_below(card("Тихие болота", "Обзор World Example Forum", "Example Letters 7 (2020).")) is None


def test_section_names_on_lines_of_their_own_are_dropped_when_read_as_the_title() -> None:
    assert names_section("Book Chapters") and names_section("Thesis") and names_section("Vorträge")
    assert not names_section("Counting tides in small harbours") and not names_section("2021")
    assert names_section("Master’s Thesis")  # one qualifier beside a section word
    assert not names_section("Gamer Culture and Teaching")  # a topic with a section word is a title
    item = card("Thesis", "Master’s Thesis", "Roe, A. (2021). Counting tides in small harbours. Example University.")
    bare = without_section_lines(item, "Thesis")
    assert bare is not None and bare.text == "Roe, A. (2021). Counting tides in small harbours. Example University."
    assert without_section_lines(item, "Counting tides in small harbours") is None  # a real title: nothing to do
    # a title read out of a longer line that merely names a section is left alone
    assert without_section_lines(card("Roe, A. (2021). Teaching. Example Letters."), "Teaching") is None


def test_a_translated_heading_over_a_preprint_citation_is_a_caption() -> None:
    heading = Entry("article", "", {"title": "Как реки запоминают наводнения", "year": "2022"})
    own = "How rivers remember floods"
    text = f"A.B. Roe, C.D. Poe.\n{own}.\nHydroRxiv (2022)."
    # a preprint server's name is the citation's venue, kept as howpublished
    preprint = Entry("misc", "", {"author": "Roe, A.B. and Poe, C.D.", "title": own, "howpublished": "HydroRxiv", "year": "2022"})
    assert caption_over(heading, preprint, text)
    venueless = Entry("misc", "", {"author": "Roe, A.B. and Poe, C.D.", "title": own, "year": "2022"})
    assert not caption_over(heading, venueless, text)
