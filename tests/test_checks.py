"""The lint rules of refkit.checks, on libraries built directly (no reader involved)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from refkit.checks import REQUIRED_FIELDS, RULES, check
from refkit.errors import ConfigError
from refkit.io import read_string
from refkit.model import Entry, Library, Location, Origin, Problem


def entry(key: str = "k", type: str = "misc", line: int = 1, raw: dict[str, str] | None = None, text: str = "",
          **fields: str) -> Entry:
    origin = Origin(location=Location("refs.bib", line, 1), raw_fields=raw or {}, text=text)
    return Entry(type=type, key=key, fields=fields, origin=origin)


def codes(*entries: Entry, **options: object) -> list[str]:
    return [p.code for p in check(Library.from_entries(entries), **options)]  # type: ignore[arg-type]


ARTICLE = dict(author="Doe, Jane", title="A Study", journal="J. Stud.", year="2020")


def test_a_clean_library_has_no_problems() -> None:
    assert codes(entry("a", "article", **ARTICLE), entry("b", "misc")) == []


def test_duplicate_key_is_reported_at_the_second_entry_with_the_first_line() -> None:
    problems = check(Library.from_entries([entry("a", line=1), entry("a", line=7)]))
    assert [(p.code, p.location.line) for p in problems] == [("RK201", 7)]
    assert "line 1" in problems[0].message


def test_keys_differing_only_by_case_clash() -> None:
    problems = check(Library.from_entries([entry("Smith2020"), entry("smith2020", line=5)]))
    assert [p.code for p in problems] == ["RK202"]
    assert "'Smith2020'" in problems[0].message


@pytest.mark.parametrize("key, code, words", [
    ("O'Hara_1999", "RK203", "biber"),
    ("müller2020", "RK204", "jekyll-scholar"),
    ("a key", "RK205", "' '"),
    ("a%b", "RK205", "'%'"),
])
def test_bad_key_characters(key: str, code: str, words: str) -> None:
    [problem] = check(Library.from_entries([entry(key)]))
    assert problem.code == code and words in problem.message


def test_duplicate_doi_title_and_arxiv() -> None:
    a = entry("a", doi="10.1000/XYZ", title="One")
    b = entry("b", line=3, doi="https://doi.org/10.1000/xyz", title="Two")
    assert codes(a, b, select=["RK3"]) == ["RK301"]
    c = entry("c", eprint="2106.16028", title="Deep {Blur}", year="2021")
    d = entry("d", line=9, eprint="2106.16028v2", title="Deep blur", year="2022")
    assert codes(c, d, select=["RK3"]) == ["RK302"]
    e = entry("e", title="Same Title", year="2020", author="Doe, J.")
    f = entry("f", line=9, title="{Same} title.", year="2020", author="Jane Doe")
    assert codes(e, f, select=["RK3"]) == ["RK303"]


def test_preprint_and_differently_titled_journal_version_are_not_duplicates() -> None:
    pre = entry("pre", eprint="2106.16028", title="Efficient Spatio-Temporal Recurrent Networks", year="2021")
    journal = entry("ijcv", "article", line=9, eprint="2106.16028", title="Real-World Video Deblurring", year="2022",
                    doi="10.1007/s11263-022-01705-6")
    assert codes(pre, journal, select=["RK3"]) == []


def test_problems_come_sorted_by_location_and_carry_the_key() -> None:
    problems = check(Library.from_entries([entry("b", "article", line=10), entry("a'", line=2)]))
    assert [p.location.line for p in problems] == sorted(p.location.line or 0 for p in problems)
    assert {p.key for p in problems} == {"a'", "b"}


def test_missing_required_fields_follow_the_type_table() -> None:
    problems = check(Library.from_entries([entry("a", "article", title="T", year="2020")]))
    assert [p.code for p in problems] == ["RK401", "RK401"]
    assert "has no author" in problems[0].message and "journal or journaltitle" in problems[1].message
    # alternatives: biblatex date for year, editor for author in a book
    assert codes(entry("b", "book", editor="E, D", title="T", publisher="P", date="2020-05")) == []


def test_required_fields_are_inherited_through_crossref() -> None:
    parent = entry("proc", "proceedings", title="Proc. of Things", year="2020", publisher="ACM")
    child = entry("paper", "inproceedings", line=5, author="A, B", title="Paper", crossref="proc")
    assert codes(child, parent) == []
    assert codes(parent, child) == ["RK405"]  # BibTeX inherits only from later entries
    orphan = entry("orphan", "inproceedings", author="A, B", title="Paper", crossref="nowhere")
    assert codes(orphan) == ["RK403"]


def test_unknown_type_is_a_warning_and_empty_fields_are_reported() -> None:
    problems = check(Library.from_entries([entry("a", "artcle", title="")]))
    assert [(p.code, p.severity) for p in problems] == [("RK402", "warning"), ("RK404", "warning")]


def test_every_required_field_table_row_names_a_known_field_tuple() -> None:
    assert all(isinstance(alts, tuple) and alts for row in REQUIRED_FIELDS.values() for alts in row)


@pytest.mark.parametrize("fields, expected", [
    ({"doi": "not a doi"}, ["RK501"]),
    ({"doi": "10.1000/abc 10.1000/def"}, ["RK501"]),
    ({"doi": "10.1000/abc"}, []),
    ({"doi": "https://doi.org/10.1000/abc"}, ["RK602"]),
    ({"doi": "doi:10.1000/abc"}, ["RK602"]),
    ({"url": "https://doi.org/10.1000/abc"}, ["RK602"]),
    ({"eprint": "2106.16028", "archiveprefix": "arXiv"}, []),
    ({"eprint": "12345", "archiveprefix": "arXiv"}, ["RK502"]),
    ({"eprint": "arXiv:2106.16028", "archiveprefix": "arXiv"}, ["RK604"]),
    ({"eprint": "https://arxiv.org/abs/2106.16028v2", "archiveprefix": "arXiv"}, ["RK604"]),
    ({"eprint": "hal-01234", "eprinttype": "hal"}, []),
    ({"journal": "arXiv preprint arXiv:2106.16028"}, ["RK603"]),
    ({"url": "https://arxiv.org/abs/2106.16028"}, ["RK603"]),
    ({"url": "https://arxiv.org/abs/2106.16028", "eprint": "2106.16028"}, []),
    ({"isbn": "978-0-306-40615-7"}, []),
    ({"isbn": "978-0-306-40615-8"}, ["RK503"]),
    ({"isbn": "0-306-40615-2; 978-0-306-40615-7"}, []),
    ({"isbn": "978-0-306-40615-7 (pbk.)" + "(" * 300_000}, ["RK503"]),  # a run of '(': the note pattern was quadratic
    ({"issn": "0317-8471"}, []),
    ({"issn": "0317-8472"}, ["RK504"]),
    ({"year": "2020"}, []),
    ({"year": "{2020}"}, []),
    ({"year": "20"}, ["RK505"]),
    ({"year": "2019--2020"}, ["RK505"]),
    ({"month": "January"}, []),
    ({"month": "sept."}, ["RK605"]),
    ({"month": "12"}, ["RK605"]),
    ({"month": "May 5"}, []),
    ({"month": "13"}, ["RK506"]),
    ({"month": "Spring"}, ["RK506"]),
    ({"date": "2020-05-01"}, []),
    ({"date": "2020/2021"}, []),
    ({"date": "May 2020"}, ["RK507"]),
    ({"pages": "12--34"}, []),
    ({"pages": "e1002345"}, []),
    ({"pages": "S12--S15, 20"}, []),
    ({"pages": "123:1--123:20"}, []),
    ({"pages": "xiv--xx"}, []),
    ({"pages": "12-34"}, ["RK601"]),
    ({"pages": "12\u201334"}, ["RK601"]),
    ({"pages": "12 -- 34"}, ["RK601"]),
    ({"pages": "pp. 12-34"}, ["RK508"]),
    ({"pages": "12--"}, ["RK508"]),
])
def test_value_rules(fields: dict[str, str], expected: list[str]) -> None:
    assert codes(entry("k", **fields)) == expected


@pytest.mark.parametrize("field", ["doi", "year", "month", "pages", "date"])
def test_a_long_bad_value_is_named_on_one_line_not_printed_whole(field: str) -> None:
    value = "word\n" * 2000  # an abstract pasted into the wrong field
    [problem] = check(Library.from_entries([entry("k", **{field: value})]))
    assert "\n" not in problem.message and len(problem.message) < 200
    assert "'word word word" in problem.message and "…'" in problem.message


def test_bib_text_end_to_end_with_the_reader_problems_once() -> None:
    text = (
        "@string{pami = {IEEE TPAMI}}\n"
        "@article{a,\n  author = {Doe, J.},\n  title = {T},\n  journal = pami,\n  year = 2020,\n"
        "  month = jan,\n  note = undefinedmacro # { x},\n}\n"
        '@article{b,\n  author = {Roe, R.},\n  title = "A {B",\n  journal = pami,\n  year = 2021,\n}\n'
        "@misc{a,\n  pages = {1-2},\n}\n"
    )
    problems = check(read_string(text, format="bibtex", path="refs.bib"))
    assert [(p.code, p.location.line) for p in problems] == [("RK103", 8), ("RK101", 12), ("RK201", 16),
                                                             ("RK601", 17)]
    assert problems[3].location.column == 3


def test_field_location_points_at_the_field_line() -> None:
    text = "@misc{k,\n  title = {T},\n  pages = {1-2},\n}"
    [problem] = check(Library.from_entries([entry("k", line=10, text=text, title="T", pages="1-2")]))
    assert (problem.location.line, problem.location.column) == (12, 3)
    assert str(problem) == "refs.bib:12:3: RK601 page range '1-2' should be '1--2' ('--' is an en-dash in LaTeX)"
    assert problem.fixable


def test_reader_problems_are_included_and_filtered_like_the_rest() -> None:
    library = Library.from_entries([entry("a'", line=5)])
    library.problems.append(Problem("RK101", "syntax error", Location("refs.bib", 3, 1)))
    assert [p.code for p in check(library)] == ["RK101", "RK203"]
    assert [p.code for p in check(library, ignore=["RK1"])] == ["RK203"]
    assert [p.code for p in check(library, select=["RK1"])] == ["RK101"]


def test_select_and_ignore_take_codes_prefixes_and_commas() -> None:
    bad = entry("a'", "article", pages="1-2")
    assert codes(bad) == ["RK203", "RK401", "RK401", "RK401", "RK401", "RK601"]
    assert codes(bad, select=["RK2,RK6"]) == ["RK203", "RK601"]
    assert codes(bad, select=["ALL"], ignore=["RK4", "rk601"]) == ["RK203"]


@pytest.mark.parametrize("bad", ["RK999", "E501", "RK7", "RK189"])
def test_unknown_rule_codes_are_an_error(bad: str) -> None:
    with pytest.raises(ConfigError, match=bad):
        check(Library(), select=[bad])


def test_rule_table_is_consistent() -> None:
    assert len({r.name for r in RULES.values()}) == len(RULES)
    for code, rule in RULES.items():
        assert rule.code == code and rule.summary and rule.why
        assert rule.fixable == code.startswith("RK6")


def test_every_code_a_reader_reports_is_in_the_rule_table() -> None:
    import re
    from pathlib import Path

    import refkit.readers

    folder = Path(refkit.readers.__file__).parent
    reported = {code for path in folder.glob("*.py") for code in re.findall(r"\bRK\d{3}\b", path.read_text("utf-8"))}
    assert reported and reported <= set(RULES)


@pytest.mark.parametrize("fields", [
    {"pages": "12-34"}, {"pages": "12 -- 34, 40–42"}, {"doi": "https://doi.org/10.1000/abc"},
    {"doi": "doi: 10.1000/abc"}, {"url": "http://dx.doi.org/10.1000/abc"},
    {"journal": "arXiv preprint arXiv:2106.16028"}, {"url": "https://arxiv.org/abs/2106.16028"},
    {"eprint": "arXiv:2106.16028", "archiveprefix": "arXiv"}, {"month": "3"}, {"month": "Sept."},
])
def test_what_rk6_rules_report_is_what_normalize_fixes(fields: dict[str, str]) -> None:
    from refkit.transforms.normalize import normalize

    before = check(Library.from_entries([entry("k", **fields)]))
    assert before and all(p.code.startswith("RK6") and p.fixable for p in before)
    assert check(normalize(Library.from_entries([entry("k", **fields)]))) == []


VARIED = r"""@string{pami = {IEEE Transactions on Pattern Analysis and Machine Intelligence}}

@article{june, author = {Doe, Jane}, title = {A study}, journal = pami, year = 2020, month = {June}}
@article{quoted, author = {Doe, Jane}, title = {A study}, journal = {J}, year = 2020, month = "July"}
@article{macro, author = {Doe, Jane}, title = {A study}, journal = {J}, year = 2020, month = jul}
@article{dated, author = {Doe, Jane}, title = {A study}, journal = {J}, year = 2020, month = jan # "~15"}
@article{number, author = {Doe, Jane}, title = {A study}, journal = {J}, year = 2020, month = 3}
@article{abbrev, author = {Doe, Jane}, title = {A study}, journal = {J}, year = 2020, month = {sept.}}
@inproceedings{nerf, author = {Doe, Jane}, title = {Fast NeRF Models in 3D}, booktitle = {Proc.}, year = 2021}
@inproceedings{guarded, author = {Doe, Jane}, title = {Fast {NeRF} Models in {3D}}, booktitle = {Proc.}, year = 2021}
@inproceedings{caps, author = {Doe, Jane}, title = {ALL CAPITALS TITLE}, booktitle = {Proc.}, year = 2021}
@inproceedings{bayes, author = {Doe, Jane}, title = {Bayesian inference for Gaussian processes}, booktitle = {P}, year = 2021}
@article{pages, author = {Doe, Jane}, title = {A study}, journal = {J}, year = 2020, pages = {1-10}}
@article{goodpages, author = {Doe, Jane}, title = {A study}, journal = {J}, year = 2020, pages = {1--10}}
@article{badpages, author = {Doe, Jane}, title = {A study}, journal = {J}, year = 2020, pages = {pp. 1-10}}
@article{doiurl, author = {Doe, Jane}, title = {A study}, journal = {J}, year = 2020, doi = {https://doi.org/10.1000/x}}
@article{doionlyurl, author = {Doe, Jane}, title = {A study}, journal = {J}, year = 2020, url = {https://doi.org/10.1000/y}}
@misc{arxivjournal, author = {Doe, Jane}, title = {A study}, journal = {arXiv preprint arXiv:2106.16028}, year = 2021}
@misc{arxivprefix, author = {Doe, Jane}, title = {A study}, eprint = {arXiv:2106.16029}, archiveprefix = {arXiv}, year = 2021}
@misc{arxivok, author = {Doe, Jane}, title = {A study}, eprint = {2106.16030}, archiveprefix = {arXiv}, year = 2021}
@article{spaces, author = {Doe,   Jane},
  title = {A
     study}, journal = {J}, year = 2020}
@article{unknown, author = {Doe, Jane}, title = {A study}, journal = {J}, year = 2020, mynote = {12-13  NeRF}}
@article{macrotitle, author = {Doe, Jane}, title = pami, journal = {J}, year = 2020}
@article{clean, author = {Doe, Jane}, title = {A study of {NeRF}}, journal = {J}, year = 2020, month = jun, pages = {5--6}}
"""


def _entry_texts(text: str) -> dict[str, str]:
    return {e.key: e.origin.text for e in read_string(text, format="bibtex").entries if e.origin is not None}


def test_rk6xx_flags_exactly_the_entries_format_changes() -> None:
    """One source of truth: the entries RK6xx reports are the entries whose content
    `refkit format` changes (its --minimal mode rewrites exactly those), and after
    formatting no RK6xx problem is left."""
    from refkit.formatting import format_source

    library = read_string(VARIED, format="bibtex", path="varied.bib")
    flagged = {p.key for p in check(library) if p.code.startswith("RK6")}
    before = _entry_texts(VARIED)
    after = _entry_texts(format_source(VARIED, minimal=True).text)
    changed = {key for key in before if before[key] != after[key]}
    assert flagged == changed
    # the cases that disagreed before: a month written as text, unprotected capitals
    assert {"june", "quoted", "nerf", "bayes", "number", "abbrev", "pages", "doiurl", "doionlyurl",
            "arxivjournal", "arxivprefix"} <= flagged
    assert not flagged & {"macro", "dated", "guarded", "caps", "goodpages", "arxivok", "spaces", "unknown",
                          "macrotitle", "clean"}
    for text in (format_source(VARIED).text, format_source(VARIED, minimal=True).text):
        assert not [p for p in check(read_string(text, format="bibtex")) if p.code.startswith("RK6")]


@pytest.mark.parametrize("text, message", [
    ("@misc{k, month = {June}}", "RK605 month 'June' is written as text; use the macro jun"),
    ("@misc{k, month = 3}", "RK605 month '3' should be the macro mar"),
    ("@misc{k, title = {Fast NeRF in 3D}}", "RK606 title: protect {NeRF}, {3D} from lower-casing with braces"),
])
def test_format_rule_messages(text: str, message: str) -> None:
    [problem] = [p for p in check(read_string(text, format="bibtex")) if p.code.startswith("RK6")]
    assert f"{problem.code} {problem.message}" == message


_FIELD_VALUES = {
    "month": ["{June}", '"July"', "jul", "3", "{sept.}", 'jan # "~15"', "{Spring}", "{13}"],
    "pages": ["{1-10}", "{1--10}", "{pp. 1-10}", "{12–34}", "{e1002345}", "{S12 - S15}"],
    "title": ["{A study}", "{Fast NeRF in 3D}", "{Fast {NeRF}}", "{ALL CAPS TITLE}", "{Bayesian  methods}",
              "{A\n    study}", "{$O(n)$ RGB-D Markov}"],
    "doi": ["{10.1000/x}", "{https://doi.org/10.1000/x}", "{doi:10.1000/y}", "{not a doi}"],
    "url": ["{https://doi.org/10.1000/z}", "{https://arxiv.org/abs/2106.16028}", "{https://example.org}"],
    "journal": ["{J}", "{arXiv preprint arXiv:2106.16028}", "{CoRR}"],
    "eprint": ["{2106.16030}", "{arXiv:2106.16031}"],
}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(sorted(_FIELD_VALUES)), st.integers(0, 7), max_size=5),
                min_size=1, max_size=6))
def test_rk6xx_and_format_agree_on_generated_entries(picks: list[dict[str, int]]) -> None:
    from refkit.formatting import format_source

    blocks = []
    for n, chosen in enumerate(picks):
        fields = [f"  {name} = {_FIELD_VALUES[name][i % len(_FIELD_VALUES[name])]}" for name, i in chosen.items()]
        if "eprint" in chosen:
            fields.append("  archiveprefix = {arXiv}")
        blocks.append(f"@article{{k{n},\n" + ",\n".join(fields) + "\n}\n")
    text = "\n".join(blocks)
    flagged = {p.key for p in check(read_string(text, format="bibtex")) if p.code.startswith("RK6")}
    before = _entry_texts(text)
    after = _entry_texts(format_source(text, minimal=True).text)
    assert flagged == {key for key in before if before[key] != after[key]}


def test_number_lists_split_as_before_and_a_blank_run_is_scanned_once() -> None:
    """ISBN/ISSN lists split at ``;``, ``,`` and `` and ``; the blanks before "and" are taken
    from a run's first character only (tried from each character of a long blank run the
    pattern scanned the rest of it again: quadratic, minutes at this size)."""
    from refkit.checks import _LIST

    table = {
        "0-306-40615-2; 978-0-306-40615-7": ["0-306-40615-2", " 978-0-306-40615-7"],
        "1234-5679, 2049-3630": ["1234-5679", " 2049-3630"],
        "1234-5679  and\t2049-3630": ["1234-5679", "2049-3630"],
        "1234-5679, and 2049-3630": ["1234-5679", "", "2049-3630"],
        "sand and": ["sand and"],
        "1234-5679 2049-3630": ["1234-5679 2049-3630"],
    }
    assert {s: _LIST.split(s) for s in table} == table
    blanks = " \t" * 200_000
    assert _LIST.split("1234-5679" + blanks + "2049-3630") == ["1234-5679" + blanks + "2049-3630"]
    assert _LIST.split("1234-5679" + blanks + "and 2049-3630") == ["1234-5679", "2049-3630"]
