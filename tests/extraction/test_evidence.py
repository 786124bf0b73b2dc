"""Citation evidence of candidate blocks: what makes a block an item or not."""

from __future__ import annotations

from refkit.extraction.evidence import is_note, segment_evidence
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
