"""``--tagger hybrid``: the rules' reading unless the tagger's is less doubtful."""

from __future__ import annotations

from refkit.extraction.citation import parse_text
from refkit.extraction.confidence import field_penalty
from refkit.extraction.hybrid import choose, settled
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
