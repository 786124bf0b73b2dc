"""Author lists an item marks as such, Vancouver names with several dotted initials, and
long lists that go on past a name written awry (refkit.extraction.authors: marked_authors,
scan_authors)."""

from __future__ import annotations

import pytest

from refkit.extraction.authors import marked_authors, scan_authors
from refkit.extraction.citation import parse_text


def _families(names: object) -> list[str]:
    return [n.family for n in names]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text, expected, rest",
    [
        # the second dotted initial of a Vancouver name is no title word
        ("Okafor B., Lind M. K., Voss P., Brandt A. (2019). Heat flow in rock.", ["Okafor", "Lind", "Voss", "Brandt"], " (2019). Heat flow in rock."),
        ("Okafor B., Lind M. K. Heat flow in rock. Geology 2019", ["Okafor", "Lind"], " Heat flow in rock. Geology 2019"),
        ("Okafor B, Lind M. K. L. A study of rock. Geology 2019", ["Okafor", "Lind"], " A study of rock. Geology 2019"),
        # one initial, then the title: the list still ends at the full stop
        ("Okafor B, Lind M. Heat flow in rock. Geology 2019", ["Okafor", "Lind"], " Heat flow in rock. Geology 2019"),
    ],
)
def test_vancouver_names_keep_all_their_initials(text: str, expected: list[str], rest: str) -> None:
    found = scan_authors(text)
    assert _families(found.names) == expected
    assert text[found.end:] == rest


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Heat Flow in Granite (with Nnamdi Okafor and Lena Voss)\nJournal of Rocks, 12 (2020)", ["Okafor", "Voss"]),
        ("Heat flow in granite. Journal of Rocks (2020). [co-authored with Lena Voss]", ["Voss"]),
        ("Wärmefluss im Granit\n2019-04 mit Okafor, Nnamdi & Voss, Lena\nZeitschrift für Gestein 3 (2019)", ["Okafor", "Voss"]),
        ("Flux de chaleur (avec Lena Voss), Revue des roches, 2018", ["Voss"]),
        ("De warmte van graniet (met Pieter Jansen), in: Stenen, 2014", ["Jansen"]),
        ("Calor no granito (2018)\nIn: Manual de Rochas.\nCo-autoria com Lena Voss.", ["Voss"]),
        ("Calor no granito (com L. Voss).", ["Voss"]),
    ],
)
def test_with_marks_the_co_authors(text: str, expected: list[str]) -> None:
    marked = marked_authors(text)
    assert marked is not None
    assert _families(marked[0].names) == expected
    (start, end), = marked[1]
    outside = text[:start] + text[end:]
    assert not any(family in outside for family in expected)  # the mark and the names leave the item's text


def test_labelled_author_lines_one_name_a_line() -> None:
    text = "Heat Flow in Granite\nDate de publication : 14/09/2021\nAuteur(s) :\nLena Voss\nNnamdi Okafor\nKai Brandt\n\nRésumé : …"
    marked = marked_authors(text)
    assert marked is not None
    assert _families(marked[0].names) == ["Voss", "Okafor", "Brandt"]
    (start, end), = marked[1]
    assert text[start:end].startswith("Auteur(s)") and text[end:].startswith("\n\nRésumé")


@pytest.mark.parametrize(
    "text",
    [
        "Learning with Deep Networks (with applications to rock mechanics)",
        "Heat flow (with discussion), Journal of Rocks 2020",
        "With Great Power: heat flow in granite. Journal of Rocks 2020",
        "Authors: the many people of the rock survey",
    ],
)
def test_with_and_labels_need_a_whole_name_list(text: str) -> None:
    assert marked_authors(text) is None


def test_marked_co_authors_are_the_entry_authors() -> None:
    entry = parse_text("Heat Flow in Granite and Basalt (with Nnamdi Okafor and Lena Voss). Journal of Rocks, 12, 2020, 1-10.")
    assert entry is not None
    assert [n.family for n in entry.names("author")] == ["Okafor", "Voss"]
    assert entry.fields["title"] == "Heat Flow in Granite and Basalt"


def test_a_card_with_labelled_lines_gives_its_authors_and_date() -> None:
    card = "Heat Flow in Granite and Basalt\nLien : HAL\nDate de publication : 14/09/2021\nAuteur(s) :\nLena Voss\nNnamdi Okafor"
    entry = parse_text(card)
    assert entry is not None
    assert [n.family for n in entry.names("author")] == ["Voss", "Okafor"]
    assert entry.fields["year"] == "2021"  # a date written in numbers still dates the paper
    assert entry.fields["title"] == "Heat Flow in Granite and Basalt"


@pytest.mark.parametrize(
    "text, expected, rest",
    [
        # a typo and an abbreviated given name inside long lists: sure names follow, the list goes on
        ("Okafor, N., L. Voss, K. Brandt, P. Lind, M.a Roe, T. Ahn, S. Berg, J. Kim. 2021. Heat flow.",
         ["Okafor", "Voss", "Brandt", "Lind", "Roe", "Ahn", "Berg", "Kim"], " 2021. Heat flow."),
        ("Nnamdi Okafor, Lena Voss, Kai Brandt, Ma. Luisa R. Santos, Tae Ahn, Sven Berg, Ji Kim. 2021. Heat flow.",
         ["Okafor", "Voss", "Brandt", "Santos", "Ahn", "Berg", "Kim"], " 2021. Heat flow."),
        # a title between names is no name written awry
        ("N. Okafor, L. Voss, K. Brandt, On heat flow, T. Ahn, S. Berg", ["Okafor", "Voss", "Brandt"], ", On heat flow, T. Ahn, S. Berg"),
        # nor is what follows the last name: no sure names after it
        ("N. Okafor, L. Voss, K. Brandt, Ma. Rocks 12, 2020", ["Okafor", "Voss", "Brandt"], ", Ma. Rocks 12, 2020"),
    ],
)
def test_a_name_written_awry_does_not_end_a_long_list(text: str, expected: list[str], rest: str) -> None:
    found = scan_authors(text)
    assert _families(found.names) == expected
    assert text[found.end:] == rest


@pytest.mark.parametrize(
    "text, expected",
    [
        # a family name of several words with particles, before Vancouver initials
        ("Okafor N, van der Berg AB, de Sousa de Lima P, Voss L", ["Okafor", "Berg", "Sousa de Lima", "Voss"]),
        # a remark on a person after the name is no part of it; the list goes on
        ("Lena Voss, Nnamdi Okafor (student), Kai Brandt, Tae Ahn", ["Voss", "Okafor", "Brandt", "Ahn"]),
        ("Lena Voss, 李伟 (学生一作), Kai Brandt", ["Voss", "李伟", "Brandt"]),
    ],
)
def test_particles_and_remarks(text: str, expected: list[str]) -> None:
    assert [n.literal or n.family for n in scan_authors(text).names] == expected


def test_a_list_of_initials_ends_its_last_name_at_the_initials() -> None:
    text = "Okafor, N., Voss, L., Brandt, K., Ahn, TS Heat flow in granite. Rocks 2020"
    found = scan_authors(text)
    assert _families(found.names) == ["Okafor", "Voss", "Brandt", "Ahn"]
    assert found.names[-1].given == "TS"
    assert text[found.end:].startswith(" Heat flow")


def test_an_editor_mark_stays_after_the_list() -> None:
    text = "Lena Voss and Kai Brandt (eds.), Heat Flow"
    found = scan_authors(text)
    assert _families(found.names) == ["Voss", "Brandt"]
    assert text[found.end:].startswith(" (eds.)")


def test_an_authors_label_over_family_names_alone() -> None:
    from refkit.extraction.authors import families_only

    found = marked_authors("Perceived numerosity in peripheral vision\nAuthors:\nValsecchi, Toscani, Gegenfurtner\nJournal:\nJournal of Vision")
    assert found is not None and [n.family for n in found[0].names] == ["Valsecchi", "Toscani", "Gegenfurtner"]
    listed = families_only("Isherwood, Huynh-Thu, Arnison, & Kim")
    assert listed is not None and [n.family for n in listed.names] == ["Isherwood", "Huynh-Thu", "Arnison", "Kim"]
    # words that pair up as Family, Given, or are no names, are left to the name reader
    assert families_only("Doe, John, Roe, Jane") is None
    assert families_only("Ecology, Evolution, Genetics") is None
    assert families_only("J. Doe, K. Roe") is None
