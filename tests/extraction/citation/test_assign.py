"""Step 4 guided by hints: the title's and the venue's character ranges a list pass found."""

from __future__ import annotations

from refkit.extraction.citation import parse_segment
from refkit.extraction.segment import Segment, Span

CITATION = "Characterizing the opportunity space for wet organic wastes. Environ Sci Technol. doi:10.1021/acs.est.3c07394"


def test_a_venue_range_is_read_as_the_venue_not_as_names() -> None:
    seg = Segment(spans=(Span(CITATION),))
    cut = CITATION.index(". Environ")
    venue = (cut + 2, cut + 2 + len("Environ Sci Technol"))
    alone = parse_segment(seg, hints={"title_at": (0, cut)}, section="pub")
    # (without the range the names reader no longer reads the abbreviated journal as a person either)
    assert alone is not None and not alone.get("author")
    hinted = parse_segment(seg, hints={"title_at": (0, cut), "venue_at": venue}, section="pub")
    assert hinted is not None
    assert hinted.get("title") == "Characterizing the opportunity space for wet organic wastes"
    assert hinted.get("journal") == "Environ Sci Technol"
    assert not hinted.get("author")
