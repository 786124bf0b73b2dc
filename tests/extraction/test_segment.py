"""The reader -> parser hand-over (refkit.extraction.segment)."""

from __future__ import annotations

from refkit.extraction.segment import Link, Segment, Span


def test_text_before_links_tells_what_a_link_is_for() -> None:
    seg = Segment(
        spans=(Span("A. Author. Title. Journal 3, 2020. "), Span("paper", link="https://a.org/p"),
               Span(" Data and code available from "), Span("figshare", link="https://doi.org/10.6084/m9.x")),
        links=(Link("paper", "https://a.org/p"), Link("figshare", "https://doi.org/10.6084/m9.x"),
               Link("", "https://doi.org/10.5281/zenodo.1")),
    )
    before = seg.text_before_links(width=30)
    assert before["https://a.org/p"] == "A. Author. Title. Journal 3, 2020. "[-30:]
    assert before["https://doi.org/10.6084/m9.x"].endswith("Data and code available from ")
    assert len(before["https://doi.org/10.6084/m9.x"]) == 30
    assert before["https://doi.org/10.5281/zenodo.1"].endswith("available from figshare")  # a badge: after all the text


def test_emphasis_over_the_whole_item_marks_no_part_of_it() -> None:
    # a citation written as a heading is bold throughout: read without that emphasis
    heading = Segment((Span("Okafor, N. (2019). Tidal mixing. ", bold=True), Span("Coastal Dynamics", bold=True, italic=True)))
    plain = heading.without_uniform_emphasis()
    assert plain is not None
    assert [(s.text, s.bold, s.italic) for s in plain.spans] == [
        ("Okafor, N. (2019). Tidal mixing. ", False, False), ("Coastal Dynamics", False, True)]
    # a bold title beside plain text is information, kept as it is
    assert Segment((Span("Tidal mixing", bold=True), Span(". N. Okafor, 2019."))).without_uniform_emphasis() is None
    assert Segment((Span("   "),)).without_uniform_emphasis() is None


def test_a_class_names_the_title_unless_it_names_another_title() -> None:
    from refkit.extraction.segment import is_title_css

    assert is_title_css(("pub-title",)) and is_title_css(("x", "title")) and is_title_css(("card_headline",))
    assert not is_title_css(("subtitle",)) and not is_title_css(("journal-title",)) and not is_title_css(("titles",))
