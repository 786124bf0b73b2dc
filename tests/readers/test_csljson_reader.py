"""CSL-JSON reader: items to model entries (BibTeX value text), sniffing, errors."""

from __future__ import annotations

import json

import pytest

from refkit.errors import ParseError
from refkit.readers import csljson


def read(items: object, path: str | None = None):
    return csljson.read(json.dumps(items), path=path)


def test_types_names_dates_pages_and_values_as_bibtex_text() -> None:
    lib = read([
        {
            "id": "Besten2001",
            "type": "paper-conference",
            "author": [
                {"family": "Besten", "given": "Matthijs L.", "non-dropping-particle": "den"},
                {"family": "Hentenryck", "given": "Pascal", "dropping-particle": "van"},
                {"family": "Thatcher", "given": "W.", "suffix": "Jr."},
                {"literal": "IEEE Standards Association"},
                {"literal": "others"},
            ],
            "title": "R&D of NeRF-like models at 50%",
            "container-title": "Proc. of Things",
            "page": "441–452",
            "issued": {"date-parts": [[2001, 3, 5]]},
            "DOI": "10.1/ABC",
            "custom-thing": "kept",
            "other-ids": ["a", "b"],
        }
    ])
    (e,) = lib.entries
    assert e.type == "inproceedings" and e.key == "Besten2001"
    assert e.fields["author"] == "{den Besten}, Matthijs L. and van Hentenryck, Pascal and Thatcher, Jr., W. and {IEEE Standards Association} and others"
    names = e.names()
    assert names[1].particle == "van" and names[2].suffix == "Jr." and names[4].is_others
    assert e.fields["title"] == r"R\&D of {NeRF-like} models at 50\%"
    assert e.fields["booktitle"] == "Proc. of Things"
    assert e.fields["pages"] == "441--452"
    assert (e.fields["year"], e.fields["month"], e.fields["day"]) == ("2001", "3", "5")
    assert e.fields["doi"] == "10.1/ABC"
    assert e.fields["custom-thing"] == "kept" and json.loads(e.fields["other-ids"]) == ["a", "b"]


def test_types_without_bibtex_equivalent_are_kept() -> None:
    lib = read([
        {"id": "a", "type": "broadcast", "title": "Film"},
        {"id": "b", "type": "", "title": "Untyped"},
        {"id": "c", "type": "thesis", "genre": "Master's thesis", "title": "T", "publisher": "Uni"},
        {"id": "d", "type": "report", "publisher": "Lab", "number": "TR-1", "title": "R"},
    ])
    a, b, c, d = lib.entries
    assert a.type == "broadcast"
    assert b.type == "misc" and b.fields["csl-type"] == ""
    assert c.type == "mastersthesis" and c.fields["school"] == "Uni" and "type" not in c.fields
    assert d.type == "techreport" and d.fields["institution"] == "Lab" and d.fields["number"] == "TR-1"


def test_rich_text_and_nocase_spans_become_latex_and_braces() -> None:
    lib = read([{"id": "x", "type": "article-journal", "title": 'The <i>E. coli</i> <span class="nocase">van der Waals</span> case'}])
    assert lib.entries[0].fields["title"] == r"The \textit{E. coli} {van der Waals} case"


def test_literal_and_raw_dates_and_status() -> None:
    lib = read([
        {"id": "a", "type": "book", "issued": {"literal": "forthcoming"}, "status": "in press"},
        {"id": "b", "type": "book", "issued": {"raw": "2019-11"}},
        {"id": "c", "type": "book", "issued": {"date-parts": [[2019, 11, 21], [2019, 11, 22]]}, "accessed": {"date-parts": [[2020, 1, 2]]}},
    ])
    a, b, c = lib.entries
    assert a.fields["year"] == "forthcoming" and a.fields["pubstate"] == "inpress"
    assert (b.fields["year"], b.fields["month"]) == ("2019", "11")
    assert c.fields["date"] == "2019-11-21/2019-11-22" and c.fields["urldate"] == "2020-01-02"


def test_sniff() -> None:
    assert csljson.sniff('[{"id": "a", "type": "book"}]') > 0.9
    assert csljson.sniff("[]") > 0.9
    assert csljson.sniff("@article{x, title={y}}") == 0.0
    assert csljson.sniff("<html>") == 0.0


def test_syntax_errors_name_line_and_column() -> None:
    with pytest.raises(ParseError) as info:
        csljson.read('[\n {"id": "a",\n  "type": }\n]', path="refs.json")
    assert info.value.path == "refs.json" and info.value.line == 3
    assert str(info.value).startswith("refs.json:3:")
    with pytest.raises(ParseError, match="array of items"):
        csljson.read('"just a string"', path="x.json")


def test_non_object_items_are_problems_not_crashes() -> None:
    lib = csljson.read('[1, {"type": "book", "title": "No id"}]', path="x.json")
    assert len(lib.entries) == 1 and lib.entries[0].key == "item2"
    assert lib.problems and lib.problems[0].code == "csljson-item"


def test_single_object_and_items_wrapper() -> None:
    assert len(csljson.read('{"id": "a", "type": "book", "title": "T"}')) == 1
    assert len(csljson.read('{"items": [{"id": "a", "type": "book"}, {"id": "b", "type": "book"}]}')) == 2


def test_json_that_is_not_csl_json_is_an_error_naming_what_is_expected() -> None:
    for text in ('{"name": "Ada", "papers": 3}', '[{"foo": 1}, {"bar": 2}]'):
        with pytest.raises(ParseError, match="not CSL-JSON") as info:
            csljson.read(text, path="profile.json")
        assert str(info.value).startswith("profile.json:1:")
    assert csljson.sniff('{"name": "Ada"}') > 0.0  # ours to refuse, not the text reader's to find nothing in


def test_one_csl_mark_is_enough_to_read_the_items() -> None:
    lib = csljson.read('[{"foo": 1}, {"id": "b", "title": "Kept"}]', path="x.json")
    assert [e.key for e in lib.entries] == ["item1", "b"]
