"""The BibTeX writer: one layout, macros kept where nothing changed, output that
a strict parser (pybtex) reads back to the same content."""

from __future__ import annotations

import pybtex.errors
from pybtex.database.input.bibtex import Parser

from refkit.model import Comment, Entry, Library, Preamble, StringDef
from refkit.readers.bibtex import read
from refkit.writers.bibtex import balance, write

SOURCE = """% header
@string{pami = "IEEE Transactions on Pattern Analysis"}
@preamble{"\\relax"}

@Article{Key1,
  Year = 2020, Title = "A {Title}", zzz = {unknown field},
  journal = pami, Author = {Doe, Jane and Roe, R.},
  month = jan # "~15", abbr = {X}
}
@misc{key2, month = {March}, note = "n"}
"""


def content(text: str) -> dict[str, tuple[str, dict[str, str]]]:
    pybtex.errors.set_strict_mode(True)
    data = Parser(person_fields=[]).parse_string(text)
    return {
        k: (e.type.lower(), {n.lower(): " ".join(v.split()) for n, v in e.fields.items()})
        for k, e in data.entries.items()
    }


def test_layout_and_default_field_order() -> None:
    out = write(read(SOURCE))
    assert out == (
        "% header\n"
        '@string{pami = "IEEE Transactions on Pattern Analysis"}\n\n'
        '@preamble{"\\relax"}\n\n'
        "@article{Key1,\n"
        "  author = {Doe, Jane and Roe, R.},\n"
        "  title = {A {Title}},\n"
        "  journal = pami,\n"
        "  year = {2020},\n"
        '  month = jan # "~15",\n'
        "  zzz = {unknown field},\n"
        "  abbr = {X}\n"
        "}\n\n"
        "@misc{key2,\n"
        "  month = mar,\n"
        "  note = {n}\n"
        "}\n"
    )


def test_round_trip_through_a_strict_parser() -> None:
    out = write(read(SOURCE))
    assert content(out) == content(SOURCE)
    assert write(read(out)) == out


def test_changed_value_is_written_expanded() -> None:
    lib = read(SOURCE)
    entry = lib.entries[0].with_fields(journal="Another Journal")
    out = write(lib.replace_entries([entry, lib.entries[1]]))
    assert "  journal = {Another Journal}," in out
    assert '  month = jan # "~15",' in out  # unchanged: kept as written


def test_custom_field_order() -> None:
    out = write(read(SOURCE), field_order=["year", "title"])
    body = out[out.index("@article"):]
    lines = [line.split(" = ")[0].strip() for line in body.splitlines()[1:4]]
    assert lines == ["year", "title", "zzz"]


def test_blocks_without_origin() -> None:
    lib = Library(
        blocks=[
            Comment("% made by hand"),
            StringDef("x", "X value"),
            Preamble('"\\relax"'),
            Entry("Article", "k", {"Title": "T {unbalanced", "month": "May"}),
        ]
    )
    out = write(lib)
    assert "@string{x = {X value}}" in out
    assert '@preamble{"\\relax"}' in out
    assert "@article{k,\n  title = {T unbalanced},\n  month = may\n}" in out
    content(out)  # parses strictly


def test_empty_library() -> None:
    assert write(Library()) == ""


def test_balance() -> None:
    assert balance("a {b} c") == "a {b} c"
    assert balance("a } b {c") == "a  b c"
    assert balance("{{x}") == "{x}"
    assert balance("a \\{ b") == "a \\textbraceleft{} b"
    assert balance("x \\} y") == "x \\textbraceright{} y"


def test_multi_line_concatenation_is_kept_as_written() -> None:
    source = '@string{a = "A"}\n@string{b = "B"}\n@misc{k,\n  author = a # " and "\n           # b,\n  title = {T}\n}\n'
    out = write(read(source))
    assert '  author = a # " and "\n           # b,' in out
    assert content(out) == content(source)
