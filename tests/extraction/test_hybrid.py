"""``--tagger hybrid``: the rules' reading unless the tagger's is less doubtful."""

from __future__ import annotations

from refkit.extraction.citation import parse_text
from refkit.extraction.segment import Segment, Span
from refkit.extraction.confidence import field_penalty
from refkit.extraction.hybrid import choose, list_doubt, revisit, settled
from refkit.model import Entry


def _entry(**fields: str) -> Entry:
    return Entry("article", "k", fields)


GOOD = _entry(author="Okafor, A. and Brandt, L.", title="Sediment transport in braided rivers",
              journal="Water Resources Research", year="2021")
#: a name list read as the title, no authors: the doubts see it
NAMES_AS_TITLE = _entry(title="Okafor, A., Brandt, L. Sediment transport", journal="Water Resources Research", year="2021")


def test_the_less_doubtful_reading_wins_either_way() -> None:
    assert field_penalty(NAMES_AS_TITLE) > field_penalty(GOOD) == 0
    assert choose(NAMES_AS_TITLE, GOOD) is GOOD
    assert choose(GOOD, NAMES_AS_TITLE) is GOOD


def test_a_tie_keeps_the_rules() -> None:
    other = _entry(author="Okafor, A.", title="Sediment transport", journal="Water Resources Research", year="2021")
    assert choose(GOOD, other) is GOOD
    assert choose(other, GOOD) is other


def test_the_tagger_never_wins_by_dropping_what_the_rules_read() -> None:
    odd_names = _entry(author="Thesis Jane Okafor", title="Sediment transport in braided rivers",
                       school="University of Lagos", year="2021")
    nameless = _entry(title="Sediment transport in braided rivers", school="University of Lagos", year="2021")
    assert field_penalty(nameless) < field_penalty(odd_names)
    assert choose(odd_names, nameless) is odd_names


def test_no_authors_alone_is_no_reason_to_switch() -> None:
    owners_own = _entry(title="Review of River Towns of the Delta", journal="Journal of Southern History", year="2019")
    with_names = _entry(author="Delta, River", title="Review of River Towns", journal="Journal of Southern History", year="2019")
    assert field_penalty(with_names) < field_penalty(owners_own)
    assert choose(owners_own, with_names) is owners_own


def test_a_reading_only_one_side_has_is_kept() -> None:
    assert choose(None, GOOD) is GOOD
    assert choose(None, _entry(title="Email: okafor (at) lagos")) is None  # a title alone is no citation
    assert choose(None, _entry(title="Sediment transport", year="2021")) is None
    header = _entry(author="Okafor, Ada", title="Email: okafor (at)", journal="Research Scientist, River Lab")
    assert choose(None, header) is None  # names and a 'venue' but no date: a page header
    assert choose(None, _entry(title="Sediment transport", journal="Water Resources Research", year="2021")) is not None
    assert choose(GOOD, None) is GOOD
    assert choose(None, None) is None


def test_hybrid_reads_names_after_an_ellipsis_the_rules_take_for_the_title() -> None:
    text = ("Alvarez, P., Moreau, A., Lindqvist, K., Sato, L., Haddad, R., ... & Okonkwo, T. (2022). "
            "Seasonal drift of coastal sediment in tidal estuaries. Marine Geology, 12(3), 45-67.")
    ruled = parse_text(text, tagger="rules")
    entry = parse_text(text, tagger="hybrid")
    assert entry is not None and ruled is not None
    assert entry.fields["title"] == "Seasonal drift of coastal sediment in tidal estuaries"
    assert [n.family for n in entry.names("author")][-1] == "Okonkwo"
    assert entry.fields["year"] == "2022"
    assert field_penalty(entry) <= field_penalty(ruled)


def test_the_tagger_is_skipped_only_where_it_could_not_win() -> None:
    """``settled`` says the rules' reading stands whatever the tagger reads: then
    ``choose`` keeps it against any candidate, so skipping the tagger changes nothing."""
    owners_own = _entry(title="Review of River Towns of the Delta", journal="Journal of Southern History", year="2019")
    candidates = [GOOD, NAMES_AS_TITLE, owners_own, _entry(title="Sediment transport"), None]
    for ruled in (GOOD, owners_own):
        assert settled(ruled)
        assert all(choose(ruled, tagged) is ruled for tagged in candidates)
    assert not settled(NAMES_AS_TITLE)
    assert choose(NAMES_AS_TITLE, GOOD) is GOOD
    assert not settled(None)


def test_hybrid_is_the_default_reading() -> None:
    from refkit.extraction.citation import TAGGER

    assert TAGGER.get() == "hybrid"


def _item(*parts: tuple[str, str]) -> "Segment":
    """A segment from (style, text) pairs: style "i" italic, "b" bold, "" plain."""
    from refkit.extraction.segment import Segment, Span

    return Segment(tuple(Span(text, bold=style == "b", italic=style == "i") for style, text in parts))


def test_styled_runs_are_whole_runs_of_three_words_or_more() -> None:
    from refkit.extraction.hybrid import styled_runs

    item = _item(("", "Okafor, A. "), ("i", "Sediment transport"), ("i", " "), ("i", "in braided rivers."),
                 ("", " "), ("b", "Water"), ("", " Research, 2021; "), ("i", "Daphnia magna"))
    assert styled_runs(item) == ("Sediment transport in braided rivers",)


def test_a_styled_title_on_its_own_line_is_a_whole_run() -> None:
    """A bold title, a line break, then the page owner's name in bold: the bold run goes on
    across the break, but the title's line is a run of its own, so a title read to the
    line's end is no doubt (and the tagger is not asked on every item of such a list)."""
    from refkit.extraction.hybrid import markup_doubt, styled_runs

    item = _item(("b", "Tidal mixing in shallow estuaries of the north"), ("", "\n"), ("b", "Ada Okafor"),
                 ("", ", Lena Brandt\n"), ("i", "Marine Geology"), ("", ", 2022"))
    runs = styled_runs(item)
    assert "Tidal mixing in shallow estuaries of the north" in runs
    assert not markup_doubt(_entry(title="Tidal mixing in shallow estuaries of the north"), runs)
    # a title cut inside the line is still one
    assert markup_doubt(_entry(title="Tidal mixing in shallow estuaries"), runs)


def test_a_title_crossing_a_styled_runs_edge_is_a_doubt() -> None:
    from refkit.extraction.hybrid import markup_doubt

    runs = ("Sediment transport in braided rivers", "Bed forms: Dunes and ripples in shallow sand channels")
    # a name read into the title before the italic run, a clause cut off a styled title
    assert markup_doubt(_entry(title="Ada Okafor Sediment transport in braided rivers"), runs)
    assert markup_doubt(_entry(title="Dunes and ripples in shallow sand channels"), runs)
    # the run itself, a title unrelated to any run (a plain title before an italic venue),
    # and a styled species name inside a longer title are no doubt
    assert not markup_doubt(_entry(title="Sediment transport in braided rivers."), runs)
    assert not markup_doubt(_entry(title="Grazing pressure of zooplankton in shallow lakes"), runs)
    assert not markup_doubt(_entry(title="Grazing in lakes: a field study of sediment transport in braided rivers"), runs)
    assert not markup_doubt(_entry(title="Sediment transport in braided rivers"), ())


def test_hybrid_keeps_the_title_to_its_italic_run() -> None:
    """A list that ends each author list with "…, Last Author" and sets the title in italics
    right after the last name, with no punctuation between: the rules read the last name
    into the title; the title that keeps to the italic run's edges is taken."""
    from refkit.extraction.citation import parse_segment

    item = _item(("", "Ada Okafor, Lena Brandt, Tom Weiss, Ines Moreau, …, Karl Lindqvist "),
                 ("i", "Seasonal drift of coastal sediment in tidal estuaries."),
                 ("", " Marine geology (2022)."))
    entry = parse_segment(item, tagger="hybrid")
    assert entry is not None
    assert entry.fields["title"] == "Seasonal drift of coastal sediment in tidal estuaries"
    assert entry.fields["year"] == "2022"



def test_the_tagger_reads_the_working_text_the_rules_read_untouched() -> None:
    """The hybrid prepares an item's working text once (identifiers harvested, tags and
    status words taken out) and hands the tagger a copy: what the rules' reading changes
    in its own working text (blanked names, notes, a year, identifiers) never reaches the
    tagger's, and the hybrid's reading is the one each tagger alone gives, judged by :func:`choose`."""
    from refkit.extraction.citation.work import _copy_work
    from refkit.extraction.citation import parse_segment, prepare
    from refkit.extraction.hybrid import styled_runs

    item = _item(("", "Ada Okafor, Lena Brandt, …, Karl Lindqvist "), ("i", "Seasonal drift of coastal sediment in tidal estuaries."),
                 ("", " Marine geology (2022), to appear. (Oral, Best Paper Award) doi:10.1000/xyz.12"))
    work = prepare(item)
    assert work is not None
    text, notes, found, bold = work.text, list(work.notes), dict(work.found), list(work.bold)
    copied = _copy_work(work)
    copied.blank(0, 10)
    copied.notes.append("changed")
    copied.found["doi"] = "10.1000/other"
    copied.bold[0] = not copied.bold[0]
    assert (work.text, work.notes, work.found, work.bold) == (text, notes, found, bold)
    assert copied.text.startswith(" " * 10)
    alone = choose(parse_segment(item, tagger="rules"), parse_segment(item, tagger="crf"), styled_runs(item))
    assert parse_segment(item, tagger="hybrid") == alone


def _listed(title: str, year: str = "2021") -> Entry:
    return _entry(author="Okafor, A. and Brandt, L.", title=title, journal="Water Resources Research", year=year)


LIST = [_listed("Sediment transport in braided rivers of the Niger delta"),
        _listed("Flood pulses and channel migration on tropical floodplains"),
        _listed("A field guide to measuring bedload with acoustic sensors"),
        _listed("Seasonal controls on suspended sediment in monsoon rivers")]


def test_a_title_cut_to_a_fragment_is_read_again_by_the_tagger() -> None:
    cut = _listed("Scaling")  # "Scaling Point-Scale Transfer Functions …" cut at its first word
    whole = _listed("Scaling point-scale transfer functions to large river basins")
    assert settled(cut)  # nothing in the item alone doubts it
    asked: list[int] = []

    def reread(k: int) -> Entry:
        asked.append(k)
        return whole

    segments = [Segment(spans=(Span("item"),))] * 5
    out = revisit(segments, [*LIST, cut], reread)
    assert asked == [4] and out[4] is not None and out[4].fields == whole.fields and out[:4] == LIST
    # the two readings disagreed: the one kept says so, for the review list
    assert out[4].origin is not None and out[4].origin.doubts == ("the rules and the tagger read the title differently",)


def test_a_fragment_in_both_readings_keeps_the_first() -> None:
    cut = _listed("Okafor")
    segments = [Segment(spans=(Span("item"),))] * 5
    assert revisit(segments, [*LIST, cut], lambda k: _listed("Brandt"))[4].fields == cut.fields  # type: ignore[union-attr]


def test_titles_of_their_list_s_length_and_short_lists_ask_nothing() -> None:
    def never(k: int) -> Entry:
        raise AssertionError("the tagger was asked")

    segments = [Segment(spans=(Span("item"),))] * 4
    assert revisit(segments, LIST, never) == LIST
    short_list = [LIST[0], LIST[1], _listed("Scaling")]  # too few titles to say what a title looks like
    assert revisit(segments[:3], short_list, never) == short_list
    assert list_doubt(_listed("Hydrology"), 3) and not list_doubt(_listed("River sediment"), 6)
    assert list_doubt(_listed("River sediment"), 7) and not list_doubt(_entry(year="2021"), 9)
    run_on = "Sediment transport in braided rivers, Water Resources Research, volume 57, pages 1-20, with data"
    assert list_doubt(_listed(run_on), 6) and not list_doubt(_listed(run_on), 7)  # 14 words: over twice 6
    assert not list_doubt(_listed("堆積物輸送の研究"), 1)  # unspaced titles: one "word" each, as their list's


def test_the_tagger_never_wins_by_cutting_words_off_the_title() -> None:
    # the rules' title holds a venue word (a doubt); the tagger's drops the words holding it
    whole = _entry(author="Okafor, A.", title="Proceedings of a debate on braided rivers", journal="Water Resources Research",
                   year="2021")
    cut = _entry(author="Okafor, A.", title="Debate on braided rivers", journal="Water Resources Research", year="2021")
    assert field_penalty(cut) < field_penalty(whole)
    assert choose(whole, cut) is whole
    # words the tagger moves to another field are a reading of their own, judged by its doubts
    moved = _entry(author="Okafor, A.", title="Debate on braided rivers", journal="Proceedings of a Water Meeting", year="2021")
    assert choose(whole, moved) is moved


def test_a_title_ending_on_a_word_that_opens_a_phrase_is_a_doubt() -> None:
    from refkit.extraction.hybrid import dangling_end

    def cut(title: str) -> bool:
        return dangling_end(_entry(title=title))

    assert cut("The importance of speaker metadata in the BNCs of") and cut("The contrastive study of variable h-")
    assert cut("A package for Optical Character Recognition (OCR) from.")
    assert cut("Zur Vorhersage der Popularität am Beispiel der")
    assert not cut("Commensal bacteria coated with immunoglobulin A") and not cut("Sediment transport in braided rivers")
    assert not cut("Rock-and-roll") and not cut("")


def test_the_tagger_s_title_cut_mid_phrase_loses_to_the_rules_whole_one() -> None:
    # (the rules' reading shows no year, a lighter doubt than a title cut mid-phrase)
    whole = _entry(author="Okafor, A. and Brandt, L.", title="Speaker metadata in the BNCs of 1994 and 2014",
                   booktitle="Data and methods in corpus linguistics. OSF")
    cut = _entry(author="Okafor, A. and Brandt, L.", title="Speaker metadata in the BNCs of",
                 booktitle="1994 and 2014. Data and methods in corpus linguistics", year="2022")
    assert choose(whole, cut) is whole
    assert not settled(cut)
