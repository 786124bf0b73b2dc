"""Citation keys: default pattern, placeholders, collisions, renames."""

from __future__ import annotations

import pytest

from refkit.errors import ConfigError
from refkit.model import Entry, Library
from refkit.transforms.keys import assign_keys, make_key

ZHONG = Entry("article", "", {"author": "Zhong, Zhihang and others", "title": "Clearer Frames, Anytime", "year": "2024"})


def test_default_pattern_is_scholar_like() -> None:
    assert make_key(ZHONG) == "zhong2024clearer"


def test_ascii_folding_and_stop_words() -> None:
    entry = Entry("article", "", {"author": 'Sch{\\"o}lkopf, Bernhard', "title": "On the {\\O}resund Bridge", "year": "1999"})
    assert make_key(entry) == "scholkopf1999oresund"
    entry = Entry("book", "", {"editor": "Łukasz Kaiser", "title": "The Art", "date": "2001-05"})
    assert make_key(entry) == "kaiser2001art"


def test_missing_parts() -> None:
    assert make_key(Entry("misc", "", {})) == "anon"
    assert make_key(Entry("misc", "", {"title": "Untitled Thing"})) == "anonuntitled"


def test_other_patterns() -> None:
    assert make_key(ZHONG, "{Auth}{yy}{Title}") == "Zhong24Clearer"
    assert make_key(ZHONG, "{auth}:{shorttitle}") == "zhong:clearerframesanytime"
    with pytest.raises(ConfigError):
        make_key(ZHONG, "{surname}{year}")


def test_fills_empty_keys_with_suffixes_but_keeps_existing() -> None:
    lib = Library.from_entries([ZHONG, Entry("misc", "zhong2024clearer", {}), ZHONG])
    new, renames = assign_keys(lib)
    assert [e.key for e in new.entries] == ["zhong2024clearera", "zhong2024clearer", "zhong2024clearerb"]
    assert renames == {}


def test_rekey_renames_and_repoints_crossref() -> None:
    proc = Entry("proceedings", "PROC", {"editor": "Doe, Jane", "title": "Proceedings of Things", "year": "2020"})
    paper = Entry("inproceedings", "p1", {"author": "Roe, R.", "title": "A Paper", "year": "2020", "crossref": "PROC"})
    new, renames = assign_keys(Library.from_entries([paper, proc]), rekey=True)
    assert renames == {"p1": "roe2020paper", "PROC": "doe2020proceedings"}
    assert new.entries[0].fields["crossref"] == "doe2020proceedings"
    again, more = assign_keys(new, rekey=True)
    assert more == {} and [e.key for e in again.entries] == [e.key for e in new.entries]


def test_collisions_are_case_insensitive() -> None:
    lib = Library.from_entries([Entry("misc", "Zhong2024Clearer", {}), ZHONG])
    new, _ = assign_keys(lib)
    assert new.entries[1].key == "zhong2024clearera"


def test_name_lists_broken_over_lines() -> None:
    entry = Entry("book", "", {"editor": "William Fitzgibbon and\n    Yuri A. Kuznetsov", "title": "Modeling", "year": "2014"})
    assert make_key(entry) == "fitzgibbon2014modeling"


def test_suffixes_do_not_depend_on_entry_order() -> None:
    a = Entry("article", "x1", {"author": "Doe, J.", "title": "Graphs", "year": "2020", "journal": "A"})
    b = Entry("article", "x2", {"author": "Doe, J.", "title": "Graphs", "year": "2020", "journal": "B"})
    forward, _ = assign_keys(Library.from_entries([a, b]), rekey=True)
    backward, _ = assign_keys(Library.from_entries([b, a]), rekey=True)
    assert {e.fields["journal"]: e.key for e in forward.entries} == {e.fields["journal"]: e.key for e in backward.entries}
    assert sorted(e.key for e in forward.entries) == ["doe2020graphs", "doe2020graphsa"]
