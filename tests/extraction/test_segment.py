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
