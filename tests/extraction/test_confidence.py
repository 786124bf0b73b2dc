"""Entry confidence: doubts a user can check, from fields and segmentation."""

from __future__ import annotations

from refkit.extraction.confidence import Judged, Segmentation, assess, confidence_of, judge, review
from refkit.extraction.segment import Segment, Span
from refkit.model import Entry, Library, Location, Origin


def entry(**fields: str) -> Entry:
    return Entry("article", "k", fields, origin=Origin(Location("cv.html", 7)))


COMPLETE = dict(author="Doe, Jane and Roe, John", title="Learning to Count Sheep", journal="Journal of Ovine Studies", year="2021")


def test_a_complete_consistent_entry_is_certain() -> None:
    e = assess(entry(**COMPLETE))
    assert e.origin is not None and e.origin.confidence == 1.0 and e.origin.doubts == ()
    assert e.location == Location("cv.html", 7)  # the rest of the origin is kept


def test_the_assessment_keeps_everything_else_of_the_entry_and_its_origin() -> None:
    # every field of the origin and of the entry set to a value of its own: only the
    # confidence and the doubts may change (a field added to either class must be carried too)
    import dataclasses

    from refkit.model import Provenance

    values = {"location": Location("cv.html", 7, 3), "text": "As written", "raw_fields": {"title": "{T}"},
              "values": {"title": "T"}, "raw_type": "Article", "confidence": 0.1, "doubts": ("old",)}
    assert {f.name for f in dataclasses.fields(Origin)} == set(values)
    origin = Origin(**values)  # type: ignore[arg-type]
    e = Entry("book", "key1", dict(COMPLETE), {"title": Provenance(source="text")}, origin)
    assert {f.name for f in dataclasses.fields(Entry)} == {"type", "key", "fields", "provenance", "origin"}
    judged = assess(e)
    assert judged.origin is not None and judged.origin.doubts == () and judged.origin.confidence == 1.0
    assert dataclasses.replace(judged.origin, confidence=0.1, doubts=("old",)) == origin
    assert dataclasses.replace(judged, origin=origin) == e


def test_each_missing_field_is_a_doubt_and_lowers_the_confidence() -> None:
    e = assess(entry(title="Learning to Count Sheep", journal="Journal of Ovine Studies"))
    assert e.origin is not None
    assert set(e.origin.doubts) == {"no authors", "no year"}
    assert 0 < e.origin.confidence < 1
    assert assess(entry()).origin.confidence < e.origin.confidence  # type: ignore[union-attr]


def test_a_title_that_carries_the_venue_or_the_names_is_doubted() -> None:
    venue = assess(entry(**{**COMPLETE, "title": "Learning to Count Sheep. Journal of Ovine Studies, 12(3): 45"}))
    assert "title may include venue" in venue.origin.doubts  # type: ignore[union-attr]
    names = assess(entry(**{**COMPLETE, "title": "Xuaner Zhang, Jonathan T. Barron, Yun-Ta Tsai, Rohit Pandey"}))
    assert "title may include authors" in names.origin.doubts  # type: ignore[union-attr]
    slashed = assess(entry(**{**COMPLETE, "title": "Krause, Heike/Lindner, Jörg: Zollregister der Hanse"}))
    assert "title may include authors" in slashed.origin.doubts  # type: ignore[union-attr]
    # the rest of a slash list cut off before the title: "/Lindner, Jörg: Zollregister …"
    cut = assess(entry(**{**COMPLETE, "title": "/Lindner, Jörg: Zollregister der Hanse"}))
    assert "title may include authors" in cut.origin.doubts  # type: ignore[union-attr]
    # capitalised title words in a list are not names
    words = assess(entry(**{**COMPLETE, "title": "Color Constancy, Intrinsic Images, and Shape Estimation"}))
    assert words.origin.doubts == ()  # type: ignore[union-attr]


def test_names_with_digits_or_venue_words_make_the_authors_uncertain() -> None:
    e = assess(entry(**{**COMPLETE, "author": "Doe, Jane and {Proceedings of the 12th Workshop}"}))
    assert "authors uncertain" in e.origin.doubts  # type: ignore[union-attr]


def test_segmentation_doubts_two_papers_in_one_item() -> None:
    text = "J. Doe. A paper. doi:10.1234/a.1, 2020. J. Roe. Another paper. doi:10.5678/b.2, 2021."
    seg = Segment((Span(text),), location=Location("cv.md", 3))
    e = assess(entry(**COMPLETE), Segmentation(seg, "pub"))
    assert e.origin.doubts == ("item may hold two papers",)  # type: ignore[union-attr]
    loose = assess(entry(**COMPLETE), Segmentation(seg, None, odd=True))
    assert loose.origin.confidence < e.origin.confidence  # type: ignore[union-attr]


def test_a_segmentation_judged_while_the_item_was_read_assesses_the_same() -> None:
    # a reader judges each item's cut at once and lets the item go; the entry is assessed later
    text = "J. Doe. A paper. doi:10.1234/a.1, 2020. J. Roe. Another paper. doi:10.5678/b.2, 2021."
    cut = Segmentation(Segment((Span(text),), location=Location("cv.md", 3)), None, odd=True)
    assert assess(entry(**COMPLETE), judge(cut)) == assess(entry(**COMPLETE), cut)
    failed = assess(entry(**COMPLETE), Judged(None))
    assert failed.origin.doubts == ("could not be assessed",)  # type: ignore[union-attr]
    assert failed.fields == entry(**COMPLETE).fields


def test_the_same_fields_are_judged_the_same_after_other_fields_change() -> None:
    # the field judgement is memoised on the values it reads: a link added later changes nothing,
    # a changed title is judged anew
    first = assess(entry(**{**COMPLETE, "title": "Learning to Count Sheep. Journal of Ovine Studies, 12(3): 45"}))
    linked = assess(entry(**{**COMPLETE, "title": "Learning to Count Sheep. Journal of Ovine Studies, 12(3): 45", "url": "https://example.org"}))
    assert first.origin.doubts == linked.origin.doubts  # type: ignore[union-attr]
    assert "title may include venue" in first.origin.doubts  # type: ignore[union-attr]
    assert assess(entry(**COMPLETE)).origin.doubts == ()  # type: ignore[union-attr]


def test_review_lists_the_least_certain_extracted_entries_first() -> None:
    good = assess(entry(**COMPLETE))
    poor = assess(entry(title="Learning to Count Sheep"))
    worst = assess(entry())
    unassessed = Entry("misc", "bib", {})  # read from a .bib: what the user wrote
    listed = review(Library.from_entries([good, poor, unassessed, worst]))
    assert listed == [worst, poor]
    assert confidence_of(unassessed) < 1  # still computable on demand


def test_an_entry_that_cannot_be_assessed_is_kept_and_marked(monkeypatch) -> None:
    from refkit.extraction import confidence

    def broken(entry):  # type: ignore[no-untyped-def]
        raise ValueError("odd value")

    monkeypatch.setattr(confidence, "_field_doubts", broken)
    e = assess(entry(**COMPLETE))
    assert e.origin.doubts == ("could not be assessed",) and e.origin.confidence == 0.5  # type: ignore[union-attr]
    assert e.fields == entry(**COMPLETE).fields


def test_a_title_that_carries_a_law_citation_is_doubted() -> None:
    law = assess(entry(**{**COMPLETE, "title": "Votes for Hire, 71 Mich. L. Rev. 455 (2021)"}))
    assert "title may include venue" in law.origin.doubts  # type: ignore[union-attr]
    plain = assess(entry(**{**COMPLETE, "title": "Counting Sheep, 12 Ways (2021)"}))
    assert "title may include venue" not in plain.origin.doubts  # type: ignore[union-attr]


def test_the_volume_issue_mark_starts_at_the_first_digit_of_a_run() -> None:
    """``12(3):`` in a title is a venue's volume and issue; tried from every digit of a long
    run of digits the pattern was quadratic, so it starts only where no digit precedes."""
    from refkit.extraction.confidence import _TITLE_VENUE

    assert _TITLE_VENUE.match("Tides 112 (3): x", 7) is None
    assert _TITLE_VENUE.search("Tides 112 (3): x").group(0) == "112 (3):"
