"""BibTeX name lists: the splitting rules every reader and writer relies on."""

import subprocess
import sys
from pathlib import Path

import pytest

from refkit.names import Name
from refkit.names import format_names, parse_names


def test_and_followed_by_a_line_break_separates_names() -> None:
    names = parse_names("William Fitzgibbon and\n  Yuri A. Kuznetsov")
    assert [n.family for n in names] == ["Fitzgibbon", "Kuznetsov"]


def test_von_last_first_jr_and_others() -> None:
    names = parse_names("van der Berg, Jan and Smith, Jr., John and {IEEE Standards Association} and others")
    assert names[0] == Name(family="Berg", given="Jan", particle="van der")
    assert names[1] == Name(family="Smith", given="John", suffix="Jr.")
    assert names[2].literal == "IEEE Standards Association"
    assert names[3].is_others


def test_round_trip_through_format_names() -> None:
    text = "van der Berg, Jan and Smith, Jr., John and {IEEE Standards Association} and others"
    assert parse_names(format_names(list(parse_names(text)))) == parse_names(text)


@pytest.mark.parametrize("value, expected", [
    # EndNote / RIS / Zotero exports: semicolon-separated
    ("Doe, J.; Roe, R.", [Name(family="Doe", given="J."), Name(family="Roe", given="R.")]),
    ("Doe, Jane ; van Roe, Rick;", [Name(family="Doe", given="Jane"), Name(family="Roe", given="Rick", particle="van")]),
    ("{Doe; Roe Associates}", [Name(literal="Doe; Roe Associates")]),
    # biblatex's extended name format
    ("given=John, family=Doe, prefix=van, useprefix=true", [Name(family="Doe", given="John", particle="van")]),
    ("family={Doe}, given={J. R.}, suffix={Jr.} and Roe, Rick",
     [Name(family="Doe", given="J. R.", suffix="Jr."), Name(family="Roe", given="Rick")]),
    # more than BibTeX can split: kept whole, never an exception
    ("Doe, John, Jr, Extra", [Name(literal="Doe, John, Jr, Extra", family="Doe")]),
    ("Roe, R. and Doe, John, Jr, Extra, More", [Name(family="Roe", given="R."),
                                                Name(literal="Doe, John, Jr, Extra, More", family="Doe")]),
    # an '=' that is not the extended format stays a BibTeX name
    ("x = y", [Name(family="= y", particle="x")]),
])
def test_name_forms(value: str, expected: list[Name]) -> None:
    assert list(parse_names(value)) == expected


def test_a_literal_name_round_trips_through_bibtex() -> None:
    names = list(parse_names("Doe, John, Jr, Extra and Roe, R."))
    again = list(parse_names(format_names(names)))
    assert [(n.literal, n.given) for n in again] == [(n.literal, n.given) for n in names]


def test_name_does_not_import_the_model() -> None:
    """names.py owns Name; model re-exports it (no import cycle)."""
    code = "import sys, refkit.names; assert 'refkit.model' not in sys.modules; import refkit.model as m; assert m.Name is refkit.names.Name"
    subprocess.run([sys.executable, "-c", code], check=True)


BAD_NAMES = """@article{a,
  author = {Doe, John, Jr, Extra},
  title = {A study},
  journal = {J}, year = 2020,
}
@article{,
  author = {given=Jane, family=Roe and Poe, P.; Moe, M.},
  title = {Another study},
  journal = {J}, year = 2021,
}
"""


@pytest.mark.parametrize("args", [["format", "--keys", "refs.bib"], ["format", "refs.bib"], ["check", "refs.bib"],
                                  ["convert", "refs.bib", "-o", "out.json"], ["convert", "refs.bib", "-o", "out.md"]])
def test_commands_never_crash_on_names(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "refs.bib").write_text(BAD_NAMES, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "refkit", *args], cwd=tmp_path, capture_output=True, text=True,
                            timeout=120)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    assert result.returncode in (0, 1), result.stderr
    if args[0] == "format":
        text = (tmp_path / "refs.bib").read_text(encoding="utf-8")
        assert "Doe, John, Jr, Extra" in text  # nothing lost
        assert "@article{roe2021another," in text  # the keyless entry got a key from its first author
        if "--keys" in args:
            assert "@article{doe2020study," in text  # the unsplittable name still gives its family name


def test_a_particle_bibtex_cannot_read_back_is_kept_in_the_extended_format() -> None:
    # a dropping particle with a capital and no given name ("Ámon" before
    # "Ruiz"): "Ámon Ruiz" would read back as a given name
    name = Name(family="Ruiz", particle="Ámon")
    assert parse_names(format_names([name, Name(family="Roe", given="Al")])) == (name, Name(family="Roe", given="Al"))
    # particles BibTeX reads back keep the usual form
    assert Name(family="Berg", given="Jan", particle="van der").bibtex() == "van der Berg, Jan"


def test_an_extended_name_with_a_long_run_of_no_break_spaces() -> None:
    # no-break spaces survive white-space collapsing; the value pattern was retried
    # from every one of them (quadratic)
    ties = "\u00a0" * 100_000
    (name,) = parse_names(f"family=Doe, given={{John{ties}Paul}}{ties}")
    assert (name.family, name.given) == ("Doe", f"John{ties}Paul")


def test_a_name_list_of_many_brace_groups_is_split_in_one_pass() -> None:
    # pybtex copied the rest of the list at every brace: quadratic in brace groups
    groups = "{a}" * 300_000
    first, second = parse_names(f"Doe{groups}, J. and Roe, K.")
    assert second == Name(family="Roe", given="K.")
    assert first.literal == f"Doe{groups}, J."  # too long to be a name: kept whole, nothing lost
