"""The review list's evidence: doubts noted by readers, shapes of wrong titles, what a list shows.

These doubts only rank entries for review; they never weigh in the comparison of two readings
(what is written must not depend on them)."""

from __future__ import annotations

from refkit.extraction.confidence import (
    AUTHORS_GAP,
    DOI_UNREAD,
    LIST_NO_AUTHORS,
    LIST_NO_VENUE,
    LIST_TITLE_HEAD,
    LIST_TITLE_TAIL,
    LIST_SOME_VENUE,
    READERS_AUTHORS,
    READERS_TITLE,
    assess,
    field_penalty,
    in_list,
    noted,
    review,
)
from refkit.extraction.hybrid import ODD_LENGTH_FOR_LIST, disagreement
from refkit.io import read_string
from refkit.model import Entry, Library, Location, Origin


def entry(key: str = "k", **fields: str) -> Entry:
    return Entry("article", key, fields, origin=Origin(Location("cv.html", 7)))


COMPLETE = dict(author="Doe, Jane and Roe, John", title="Learning to Count Sheep at Night", journal="Journal of Ovine Studies", year="2021")


def doubts(e: Entry) -> tuple[str, ...]:
    assert e.origin is not None
    return e.origin.doubts


def test_doubts_a_reader_noted_are_kept_by_the_assessment_and_lower_the_confidence() -> None:
    e = assess(noted(entry(**COMPLETE), READERS_TITLE))
    assert doubts(e) == (READERS_TITLE.why,)
    assert e.origin is not None and e.origin.confidence == round(1 - READERS_TITLE.lowers, 2)
    # assessed again (confidence_of on an assessed entry, a second pass): noted once, other old doubts gone
    again = assess(noted(Entry(e.type, e.key, e.fields, origin=Origin(e.location, doubts=("no year", READERS_TITLE.why))), READERS_TITLE))
    assert doubts(again) == (READERS_TITLE.why,)


def test_the_rules_and_the_tagger_disagreeing_is_noted_on_the_reading_kept() -> None:
    ruled = entry(**COMPLETE)
    tagged = entry(**{**COMPLETE, "title": "Learning to Count Sheep at Night. Journal"})
    kept = disagreement(ruled, ruled, tagged)
    assert kept is not None and doubts(kept) == (READERS_TITLE.why,) and kept.fields == ruled.fields
    other_names = entry(**{**COMPLETE, "author": "Doe, Jane"})
    switched = disagreement(other_names, ruled, other_names)
    assert switched is not None and doubts(switched) == (READERS_AUTHORS.why,)
    # the same reading both ways (case and punctuation aside): nothing to note, the entry untouched
    same = entry(**{**COMPLETE, "title": "Learning to count sheep at night."})
    assert disagreement(ruled, ruled, same) is ruled
    assert disagreement(ruled, ruled, None) is ruled


def test_titles_shaped_like_a_misread_boundary_are_doubted() -> None:
    cases = {
        "Heitkemper, E.M": "title reads as names",
        "Ramos, SK Miller": "title reads as names",
        "2011 Learning to Count Sheep": "title starts or ends with a year",
        "Learning to Count Sheep, 2019": "title starts or ends with a year",
        "in Online Communities of Shepherds": "title starts in lower case",
        "Learning to Count Sheep (with Goats": "title has unbalanced brackets",
        "Counting sheep at scale. Agric. Res. Lett": "title may include an abbreviated venue",
    }
    for title, why in cases.items():
        assert why in doubts(assess(entry(**{**COMPLETE, "title": title}))), title


def test_ordinary_titles_are_not_doubted_for_their_shape() -> None:
    for title in ("The 2011 Flood and the Counting of Sheep", "Sheep Counts 1990-2020", "mRNA Levels in Sleeping Sheep",
                  "Sheep (Ovis aries) at Night", "Counting Sheep: A Survey", "On Sheep, Goats and Numbers"):
        assert doubts(assess(entry(**{**COMPLETE, "title": title}))) == (), title


def test_doubts_only_the_review_list_weighs_never_change_which_reading_is_kept() -> None:
    # hybrid.choose and the templates compare readings by field_penalty: it must not see them
    clean = entry(**COMPLETE)
    odd = entry(**{**COMPLETE, "title": "in Online Communities (of Shepherds, 2019"})
    assert field_penalty(odd) == field_penalty(clean) == 0


def listed(n: int, **extra: str) -> list[Entry]:
    titles = ["Counting Sheep at Night in Wales", "A Survey of Ovine Arithmetic Methods", "Goats Do Not Count Sheep Well",
              "Sleep and the Counting of Animals", "Numbers in the Meadow Revisited Today", "Wool and Numbers in Highland Farms"]
    return [assess(entry(f"k{i}", **{**COMPLETE, "title": titles[i % len(titles)], **extra})) for i in range(n)]


def test_a_part_most_entries_of_the_list_show_and_one_lacks_is_a_doubt() -> None:
    lost = assess(entry("lost", title="Shepherds and Their Numbers at Dawn", journal="Journal of Ovine Studies", year="2020"))
    out = in_list([*listed(5), lost])
    assert LIST_NO_AUTHORS.why in doubts(out[-1]) and "no authors" in doubts(out[-1])
    assert all(doubts(e) == () for e in out[:-1])
    no_venue = assess(entry("nv", author="Doe, Jane", title="Shepherds and Their Numbers at Dawn", year="2020"))
    assert LIST_NO_VENUE.why in doubts(in_list([*listed(5), no_venue])[-1])
    assert review(Library.from_entries(in_list([*listed(5), lost])))[0].key == "lost"


def test_a_list_where_no_entry_shows_a_part_is_no_doubt() -> None:
    # a CV listing its owner's own works without names: no entry lost its authors
    own = [assess(entry(f"k{i}", **{k: v for k, v in COMPLETE.items() if k != "author"})) for i in range(6)]
    assert [LIST_NO_AUTHORS.why in doubts(e) for e in in_list(own)] == [False] * 6
    # too short a list says nothing
    lost = assess(entry("lost", title="Shepherds and Their Numbers", journal="J", year="2020"))
    assert in_list([*listed(2), lost])[-1] == lost


def test_a_title_far_off_the_lists_measure_is_a_doubt() -> None:
    cut = assess(entry("cut", **{**COMPLETE, "title": "Scaling"}))
    out = in_list([*listed(5), cut])
    assert ODD_LENGTH_FOR_LIST.why in doubts(out[-1]) and all(ODD_LENGTH_FOR_LIST.why not in doubts(e) for e in out[:-1])


def test_a_document_read_end_to_end_lists_the_item_that_lost_its_authors() -> None:
    items = [
        "Doe, J. and Roe, K. (2019). Counting sheep at night in the Welsh hills. *Journal of Ovine Studies*, 12, 1-9.",
        "Doe, J. and Poe, L. (2020). A survey of ovine arithmetic across Europe. *Journal of Ovine Studies*, 13, 10-19.",
        "Roe, K. and Doe, J. (2021). Goats do not count sheep well at all. *Journal of Ovine Studies*, 14, 20-29.",
        "Doe, J., Roe, K. and Poe, L. (2022). Sleep and the counting of farm animals. *Journal of Ovine Studies*, 15, 30-39.",
        "(2023). Numbers in the meadow, revisited twenty years on. *Journal of Ovine Studies*, 16, 40-49.",
    ]
    text = "# Publications\n\n" + "\n".join(f"{i + 1}. {item}" for i, item in enumerate(items)) + "\n"
    library = read_string(text, format="markdown", path="cv.md")
    assert len(library.entries) == 5
    flagged = review(library)
    assert [e.get("title") for e in flagged][:1] == ["Numbers in the meadow, revisited twenty years on"]
    assert LIST_NO_AUTHORS.why in doubts(flagged[0])


def shown(text: str, kind: str = "article", **fields: str) -> Entry:
    """An entry read from an item whose source text was ``text``."""
    return Entry(kind, "k", fields, origin=Origin(Location("cv.md", 3), text=text))


def test_an_empty_place_in_the_items_name_list_is_a_doubt() -> None:
    # the owner's name written by a macro the reader could not expand: ",," where it stood
    item = "J. Doe,, K. Roe (2021). Learning to Count Sheep at Night. Journal of Ovine Studies."
    assert AUTHORS_GAP.why in doubts(assess(shown(item, **{**COMPLETE, "author": "Doe, J. and Roe, K."})))
    assert AUTHORS_GAP.why in doubts(assess(shown(", K. Roe (2021). " + COMPLETE["title"], **COMPLETE)))
    whole = "J. Doe, A. Poe, K. Roe (2021). Learning to Count Sheep at Night. Journal of Ovine Studies."
    assert doubts(assess(shown(whole, **COMPLETE))) == ()


def test_a_doi_the_item_shows_and_the_entry_lacks_is_a_doubt() -> None:
    item = "Doe, J. (2021). Learning to Count Sheep at Night. Journal of Ovine Studies. https://doi.org/10.1234/jos.2021.7"
    assert DOI_UNREAD.why in doubts(assess(shown(item, **COMPLETE)))
    assert doubts(assess(shown(item, **COMPLETE, doi="10.1234/jos.2021.7"))) == ()


def test_an_entry_without_a_venue_where_others_of_the_list_show_one_is_a_doubt() -> None:
    item = "Doe, J. (2021). Counting Sheep at Night."
    fields = {k: v for k, v in COMPLETE.items() if k != "journal"}
    bare = [assess(shown(item, "misc", **{**fields, "title": t})) for t in ("Counting Sheep at Night", "Wool and Numbers", "Goats Who Count")]
    # a third of the list shows a venue: the misc entries without one may have lost it
    out = in_list([*listed(2), *bare])
    assert [LIST_SOME_VENUE.why in doubts(e) for e in out] == [False] * 2 + [True] * 3
    # most show one: the list's stronger doubt instead; none does (preprints, talks): no doubt
    out = in_list([*listed(5), bare[0]])
    assert LIST_NO_VENUE.why in doubts(out[-1]) and LIST_SOME_VENUE.why not in doubts(out[-1])
    assert all(doubts(e) == () for e in in_list(bare + bare))
    # a journal article without a journal is "no venue" already, a book with a publisher complete
    out = in_list([*listed(2), *bare, assess(shown(item, **fields)), assess(shown(item, "book", **fields, publisher="Ovine Press"))])
    assert LIST_SOME_VENUE.why not in doubts(out[-2]) and "no venue" in doubts(out[-2]) and doubts(out[-1]) == ()


def test_titles_that_end_with_a_venue_or_start_alike_across_the_list_are_doubted() -> None:
    # a venue read into the title ends it with another entry's venue, or ends two titles alike
    venue_in = assess(entry("v", **{**COMPLETE, "title": "Sheep Counts on Welsh Farms. Journal of Ovine Studies"}))
    out = in_list([*listed(5), venue_in])
    assert LIST_TITLE_TAIL.why in doubts(out[-1]) and all(LIST_TITLE_TAIL.why not in doubts(e) for e in out[:-1])
    twice = [assess(entry(f"t{i}", **{**COMPLETE, "title": t, "journal": "Ovine Letters"}))
             for i, t in enumerate(("Counting Sheep at Night, Wool Review", "Goats Who Count, Wool Review"))]
    out = in_list([*listed(4), *twice])
    assert [LIST_TITLE_TAIL.why in doubts(e) for e in out] == [False] * 4 + [True] * 2
    # the owner's name read into every title starts them alike
    named = [assess(entry(f"n{i}", **{**COMPLETE, "title": f"J. Doe, {t}"}))
             for i, t in enumerate(("Counting Sheep at Night", "Goats Who Count", "Wool and Numbers"))]
    out = in_list([*listed(4), *named])
    assert [LIST_TITLE_HEAD.why in doubts(e) for e in out] == [False] * 4 + [True] * 3
    # titles with clauses of their own: no doubt
    own = [assess(entry(f"o{i}", **{**COMPLETE, "title": t})) for i, t in enumerate((
        "Counting Sheep: A Survey", "Goats, Sheep and Numbers", "Wool in Wales (1800-1900): A History of Counting", "Sleep, Sheep and Numbers in Wales"))]
    assert all(doubts(e) == () for e in in_list([*listed(2), *own]))


def test_a_title_ending_with_a_short_sentence_is_doubted() -> None:
    from refkit.extraction.confidence import TITLE_SHORT_END

    ran_on = "Mechanisms of Surface Temperature in Urban Forest Canopies. Remote Sensing"
    assert TITLE_SHORT_END.why in doubts(assess(entry(**{**COMPLETE, "title": ran_on})))
    for title in ("Counting Sheep at Night in the Welsh Hills", "Sheep, Inc. and the Wool Trade", "A Study of U.S. Farms"):
        assert TITLE_SHORT_END.why not in doubts(assess(entry(**{**COMPLETE, "title": title}))), title


def test_authors_without_the_name_most_of_the_list_shows_are_doubted() -> None:
    from refkit.extraction.confidence import LIST_OWNER_MISSING

    # every author list of a CV names its owner (here Doe and Roe); one that lacks both lost a name
    lost = assess(entry("lost", **{**COMPLETE, "author": "Poe, Lee and Moe, Kim", "title": "Shepherds and Their Numbers at Dawn"}))
    out = in_list([*listed(5), lost])
    assert [LIST_OWNER_MISSING.why in doubts(e) for e in out] == [False] * 5 + [True]
    # lists where no name recurs (a reading list, a bibliography) have no owner to miss
    names = ("Abel", "Bauer", "Cohen", "Dumas", "Evans", "Fabre", "Gauss", "Hardy", "Ibsen", "Jones", "Kahn", "Lewis")
    varied = [assess(entry(f"v{i}", **{**COMPLETE, "author": f"{names[2 * i]}, A. and {names[2 * i + 1]}, B."})) for i in range(6)]
    assert all(LIST_OWNER_MISSING.why not in doubts(e) for e in in_list(varied))


def test_the_review_lists_evidence_never_weighs_in_the_choice_of_a_reading() -> None:
    item = "J. Doe,, K. Roe (2021). Learning to Count Sheep at Night. https://doi.org/10.1234/jos.2021.7"
    odd = shown(item, "misc", **{k: v for k, v in COMPLETE.items() if k != "journal"})
    assert field_penalty(odd) == field_penalty(shown(item, "misc", **COMPLETE)) == 0


def test_the_reasons_of_an_entry_lead_with_the_doubt_that_weighs_most() -> None:
    from refkit.extraction.confidence import NO_SECTION, reasons

    e = Entry("misc", "k", {}, origin=Origin(doubts=(NO_SECTION.why, "no year", LIST_NO_AUTHORS.why, "unknown to us")))
    assert reasons(e) == (LIST_NO_AUTHORS.why, "no year", NO_SECTION.why, "unknown to us")
    assert reasons(Entry("misc", "k", {})) == ()
