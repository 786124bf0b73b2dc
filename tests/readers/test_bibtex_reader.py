"""The BibTeX reader: blocks in order, macros expanded as BibTeX does (pybtex is
the oracle), problems with exact locations."""

from __future__ import annotations

import pytest
import pybtex.errors
from pybtex.database.input.bibtex import Parser

from refkit.errors import ParseError
from refkit.model import Comment, Entry, Preamble, StringDef
from refkit.readers.bibtex import MACRO_BUDGET, parse, read, sniff

TRICKY = r"""% a leading comment line
%% another one

@String{ieee = "{IEEE}"}
@string{tpami = ieee # " Transactions on Pattern Analysis"}
@STRING( and = " and " )
@string{both = "Ada Lovelace" # and # "Alan Turing"}
@preamble{ "\providecommand{\noop}[1]{}" # "\relax" }

Free text between entries is a comment.

@Article{Lovelace1843,
  Author = both,
  title = "Notes on {the} Analytical {"}Engine{"}",
  journal = tpami,
  year = 1843,
  month = oct # "~12",
  pages = {1--10},
  abbr = {AE},
}

@inproceedings(paren:2020,
  title = {Nested {Braces {and} more}},
  booktitle = "Proc. " # tpami,
  crossref = {proc2020}
)

@patent{p1, title = {A Patent}, note = {with "quotes" inside}}
@online{o1, url = {https://example.org/a%20b}, month = jan}
@software{s1, title = "Quote ends at depth zero \"}
@proceedings{proc2020, title = {The Proceedings}, year = {2020}}
@comment{jabref-meta: groupsversion:3;}
"""


def pybtex_content(text: str) -> dict[str, dict[str, str]]:
    pybtex.errors.set_strict_mode(True)
    data = Parser(person_fields=[]).parse_string(text)
    return {k: {n.lower(): " ".join(v.split()) for n, v in e.fields.items()} for k, e in data.entries.items()}


def test_blocks_in_document_order() -> None:
    lib = read(TRICKY)
    kinds = [type(b).__name__ for b in lib.blocks]
    assert kinds == [
        "Comment", "StringDef", "StringDef", "StringDef", "StringDef", "Preamble", "Comment",
        "Entry", "Entry", "Entry", "Entry", "Entry", "Entry", "Comment",
    ]
    assert [e.key for e in lib.entries] == ["Lovelace1843", "paren:2020", "p1", "o1", "s1", "proc2020"]
    assert lib.problems == []


def test_expanded_values_agree_with_pybtex() -> None:
    ours = {e.key: {n: " ".join(v.split()) for n, v in e.fields.items()} for e in read(TRICKY).entries}
    assert ours == pybtex_content(TRICKY)


def test_macros_through_macros_and_concatenation() -> None:
    lib = read(TRICKY)
    entry = lib.get("Lovelace1843")
    assert entry is not None
    assert entry.fields["author"] == "Ada Lovelace and Alan Turing"
    assert entry.fields["journal"] == "{IEEE} Transactions on Pattern Analysis"
    assert entry.fields["month"] == "October~12"
    assert entry.fields["year"] == "1843"
    assert lib.strings["tpami"] == "{IEEE} Transactions on Pattern Analysis"


def test_origin_keeps_source_text_and_raw_expressions() -> None:
    entry = read(TRICKY).entries[0]
    assert entry.type == "article"
    assert entry.origin is not None
    assert entry.origin.raw_type == "Article"
    assert entry.origin.text.startswith("@Article{Lovelace1843,") and entry.origin.text.endswith("}")
    assert entry.origin.raw_fields["author"] == "both"
    assert entry.origin.raw_fields["month"] == 'oct # "~12"'
    assert entry.origin.raw_fields["title"] == '"Notes on {the} Analytical {"}Engine{"}"'
    assert entry.origin.values == entry.fields
    assert (entry.location.line, entry.location.column) == (12, 1)


def test_comments_are_kept_byte_for_byte() -> None:
    lib = read(TRICKY)
    comments = [b for b in lib.blocks if isinstance(b, Comment)]
    assert comments[0].text == "% a leading comment line\n%% another one"
    assert comments[1].text == "Free text between entries is a comment."
    assert comments[2].text == "@comment{jabref-meta: groupsversion:3;}"
    preamble = next(b for b in lib.blocks if isinstance(b, Preamble))
    assert preamble.raw == '"\\providecommand{\\noop}[1]{}" # "\\relax"'
    string = next(b for b in lib.blocks if isinstance(b, StringDef))
    assert (string.name, string.value, string.raw) == ("ieee", "{IEEE}", '"{IEEE}"')


def test_unknown_types_fields_and_crossref_survive() -> None:
    lib = read(TRICKY)
    assert {e.type for e in lib.entries} >= {"patent", "online", "software", "proceedings"}
    first = lib.get("Lovelace1843")
    assert first is not None and first.fields["abbr"] == "AE"
    paren = lib.get("paren:2020")
    assert paren is not None and paren.fields["crossref"] == "proc2020"
    assert paren.fields["title"] == "Nested {Braces {and} more}"
    software = lib.get("s1")
    assert software is not None and software.fields["title"] == "Quote ends at depth zero \\"


def test_commented_out_entry_is_a_comment() -> None:
    lib = read("% @article{old, title = {Old}}\n@misc{new, title = {New}}\n")
    assert [e.key for e in lib.entries] == ["new"]
    assert isinstance(lib.blocks[0], Comment)


@pytest.mark.parametrize(
    "text, code, line, column",
    [
        ("@article{a,\n  title = {x\n", "RK101", 2, 11),
        ("@article{a,\n  title = {x},\n\n@article{b, title={y}}\n", "RK101", 1, 1),
        ("@article{a, title={x}}\n  year = {2000},\n}\n", "RK102", 2, 1),
        ("@article{a,\n  journal = nowhere\n}\n", "RK103", 2, 13),
        ("@article{a,\n  title = {x},\n  title = {y}\n}\n", "RK104", 3, 3),
        ("@article{a,\n  = {x}\n}\n", "RK105", 2, 3),
        ("@article{a,\n  title = {x}\n  year = 2000\n}\n", "RK106", 3, 3),
        ("@article{,\n  title = {x}\n}\n", "RK107", 1, 1),
        ("@article{a,\n  title = ,\n}\n", "RK108", 2, 11),
    ],
)
def test_problems_have_codes_and_locations(text: str, code: str, line: int, column: int) -> None:
    lib = read(text, path="refs.bib")
    found = [p for p in lib.problems if p.code == code]
    assert found, lib.problems
    assert (found[0].location.path, found[0].location.line, found[0].location.column) == ("refs.bib", line, column)


def test_macros_defined_through_macros_expand_within_a_budget() -> None:
    """``s1 = s0 # s0`` doubles at each line: 20 lines of 30 bytes would make 10 MB (40
    lines, terabytes). Expansion stops at the budget with one RK109 where it is crossed;
    the block is kept as written and the rest of the file is read."""
    doubling = "".join(f"@string{{s{i + 1} = s{i} # s{i}}}\n" for i in range(20))
    text = '@string{s0 = "0123456789"}\n' + doubling + "@article{a, title = s20}\n@misc{b, title = {Kept}}\n"
    lib = read(text, path="refs.bib")
    over = [p for p in lib.problems if p.code == "RK109"]
    assert [(p.location.line, p.severity) for p in over] == [(17, "error")]  # s16: 1.3 MB expanded so far
    assert sum(len(v) for e in lib.entries for v in e.fields.values()) < MACRO_BUDGET
    assert [(e.key, e.fields["title"]) for e in lib.entries] == [("a", ""), ("b", "Kept")]  # s20: undefined
    kept = [b for b in lib.blocks if isinstance(b, Comment)]
    assert kept and kept[0].text == "@string{s16 = s15 # s15}"


def test_a_macro_used_in_every_entry_is_within_the_budget() -> None:
    text = '@string{j = "Journal of Repeated Tests"}\n' + "".join(
        f"@article{{k{i}, journal = j # {{, Part }} # j}}\n" for i in range(3000))
    lib = read(text)
    assert lib.problems == []
    assert len(lib.entries) == 3000 and lib.entries[-1].fields["journal"] == "Journal of Repeated Tests, Part Journal of Repeated Tests"


def test_undefined_macro_is_a_warning_and_expands_to_empty() -> None:
    lib = read("@article{a, journal = nowhere # { X}}")
    assert [p.severity for p in lib.problems] == ["warning"]
    assert lib.entries[0].fields["journal"] == " X"


def test_failed_block_is_kept_as_comment_and_parsing_resumes() -> None:
    text = "@article{a,\n  title = {x}\n  year = 2000\n}\n\n@misc{b, title = {ok}}\n"
    lib = read(text)
    assert [e.key for e in lib.entries] == ["b"]
    assert isinstance(lib.blocks[0], Comment) and lib.blocks[0].text.startswith("@article{a,")


def test_strict_raises_at_first_error() -> None:
    with pytest.raises(ParseError) as info:
        read("@misc{ok, title={a}}\n@article{a,\n  title = {x\n", path="x.bib", strict=True)
    assert "x.bib:3:" in str(info.value) and "RK101" in str(info.value)


def test_strict_does_not_raise_for_warnings() -> None:
    lib = read("@article{a, journal = nowhere}", strict=True)
    assert lib.problems[0].code == "RK103"


def test_spans_cover_blocks() -> None:
    lib, spans = parse(TRICKY)
    for block, (start, end) in zip(lib.blocks, spans):
        if isinstance(block, Entry):
            assert TRICKY[start:end] == block.origin.text  # type: ignore[union-attr]


def test_empty_and_whitespace_input() -> None:
    assert read("").blocks == []
    assert read("\n\n  \n").blocks == []


def test_sniff() -> None:
    assert sniff("@article{a, title={x}}") > 0.9
    assert sniff("<html><body>@article{a,</body></html>") < 0.5
    assert sniff("just some text") == 0.0
    assert sniff('[{"id": "a"}]') == 0.0


def test_a_missing_closing_brace_is_reported_before_the_next_entry() -> None:
    text = "@article{a,\n  title = {Open {brace} here,\n  year = 2000\n}\n\n@article{b,\n  title = {B}\n}\n"
    lib = read(text, path="r.bib")
    assert [(p.code, p.location.line, p.location.column) for p in lib.problems] == [("RK101", 1, 1)]
    assert "before the next entry at line 6" in lib.problems[0].message
    assert [e.key for e in lib.entries] == ["b"]  # parsing resumes there


def test_at_sign_outside_entries() -> None:
    lib = read("@misc{a, title = {x}}\n@Comment}{broken\nmail me@example.org\n")
    assert [(p.code, p.severity, p.location.line) for p in lib.problems] == [("RK102", "error", 2)]
    lib = read("@misc{a, title = {x}}\nmail me@example.org\n")
    assert [(p.code, p.severity) for p in lib.problems] == [("RK102", "warning")]
