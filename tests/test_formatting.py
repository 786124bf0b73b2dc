"""format_text / format_source / format_file: golden cases, idempotence (also over
generated inputs), minimal mode, line ends, errors."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pybtex.errors
import pytest
from pybtex.database.input.bibtex import Parser

import refkit
from refkit.errors import ConfigError, ParseError
from refkit.formatting import format_file, format_source, format_text

CASES = Path(__file__).parent / "cases" / "format"
NAMES = sorted(p.name[: -len(".input.bib")] for p in CASES.glob("*.input.bib"))


def options_for(name: str) -> dict[str, bool]:
    """Case names choose options: ``minimal*`` -> minimal, ``sorted*`` -> sort."""
    return {"minimal": name.startswith("minimal"), "sort": name.startswith("sorted")}


@pytest.mark.parametrize("name", NAMES)
def test_golden_case(name: str) -> None:
    source = (CASES / f"{name}.input.bib").read_text(encoding="utf-8")
    expected = (CASES / f"{name}.expected.bib").read_text(encoding="utf-8")
    out = format_text(source, **options_for(name))
    assert out == expected
    assert format_text(out, **options_for(name)) == out  # idempotent


def test_cases_exist() -> None:
    assert {"basic", "macros", "minimal", "sorted", "empty"} <= set(NAMES)


def test_exported_from_package() -> None:
    assert refkit.format_text is format_text
    assert callable(refkit.normalize)


# ---- idempotence over generated input ------------------------------------------------------
PIECES = {
    "author": ["Doe, Jane", "M{\\\"u}ller,  Hans and Roe, R.", "{IEEE Standards}", "van der Berg, Freark I. and others"],
    "title": ["NeRF  in the Wild", "{{GaN}} Transistors", "A 3D RGB-D study", "Bayesian\n   things", "$O(n)$ \\emph{Fast} sorts", "plain"],
    "journal": ["arXiv preprint arXiv:2106.16028", "CoRR", "Nature", "j"],
    "volume": ["abs/2106.16028", "12"],
    "pages": ["1-2", "12 -- 14", "e123", "xi-xx, 3-4"],
    "month": ["3", "mar", "Sept.", "Spring", "jan # \"~5\""],
    "doi": ["https://doi.org/10.1/abc", "10.2/x", "doi:10.3/y"],
    "url": ["https://arxiv.org/abs/2106.16028v2", "https://example.org/a b", "https://doi.org/10.9/z"],
    "note": ["see arXiv:hep-th/9901001", "{Note}  here"],
    "abbr": ["X  Y", "{keep}"],
}


def random_bib(rng: random.Random) -> str:
    out = ["% generated\n", '@string{j = "Journal of  Things"}\n']
    for i in range(rng.randint(1, 6)):
        kind = rng.choice(["article", "Misc", "INPROCEEDINGS", "online"])
        key = rng.choice([f"k{i}", ""])
        fields = []
        for name in rng.sample(sorted(PIECES), rng.randint(1, 6)):
            value = rng.choice(PIECES[name])
            if name == "journal" and value == "j":
                fields.append(f"{name} = j")
            elif name == "month" and "#" in value:
                fields.append(f"{name} = {value}")
            elif rng.random() < 0.3 and '"' not in value:
                fields.append(f'{name.upper()} = "{value}"')
            else:
                fields.append(f"{name} = {{{value}}}")
        sep = rng.choice([",\n  ", ", "])
        out.append(f"@{kind}{{{key},\n  {sep.join(fields)}{rng.choice(['', ','])}\n}}\n")
        if rng.random() < 0.3:
            out.append("\n% a comment between\n\n")
    return "".join(out)


def content(text: str) -> dict[str, dict[str, str]]:
    pybtex.errors.set_strict_mode(True)
    data = Parser(person_fields=[]).parse_string(text)
    return {k: {n.lower(): " ".join(v.split()) for n, v in e.fields.items()} for k, e in data.entries.items()}


@pytest.mark.parametrize("seed", range(40))
def test_idempotent_on_generated_input(seed: int) -> None:
    rng = random.Random(seed)
    source = random_bib(rng)
    for options in ({}, {"minimal": True}, {"sort": True}, {"keys": True}, {"normalize": False}, {"keys": True, "sort": True}, {"minimal": True, "keys": True}):
        once = format_text(source, **options)
        assert format_text(once, **options) == once, options
        content(once)  # a strict parser reads every output


@pytest.mark.parametrize("seed", range(10))
def test_no_normalize_keeps_every_value(seed: int) -> None:
    counter = iter(range(100))
    source = re.sub(r"@(\w+)\{,", lambda m: f"@{m.group(1)}{{e{next(counter)},", random_bib(random.Random(seed)))
    assert content(format_text(source, normalize=False)) == content(source)


# ---- minimal mode, line ends, errors ----------------------------------------------------------
def test_minimal_leaves_unchanged_entries_byte_identical() -> None:
    source = "@Article{a,\n    TITLE = {Fine},\n    year = 2000}\n\n\n@misc{b, pages = {1-2}}\n"
    out = format_text(source, minimal=True)
    assert out.startswith("@Article{a,\n    TITLE = {Fine},\n    year = 2000}\n\n\n")
    assert out.endswith("@misc{b,\n  pages = {1--2}\n}\n")


def test_crlf_is_kept() -> None:
    source = "@misc{a,\r\n  pages = {1-2}\r\n}\r\n"
    assert format_text(source) == "@misc{a,\r\n  pages = {1--2}\r\n}\r\n"


def test_parse_errors_raise_and_are_never_rewritten(tmp_path: Path) -> None:
    bad = "@article{a,\n  title = {x},\n  pages = {1-2}\n\n@misc{b, title = {y}}\n"
    with pytest.raises(ParseError) as info:
        format_text(bad, path="bad.bib")
    assert "bad.bib:1:1" in str(info.value)
    result = format_source(bad)
    assert result.text == bad and not result.changed and result.errors
    path = tmp_path / "bad.bib"
    path.write_text(bad, encoding="utf-8")
    report = format_file(str(path))
    assert report.status == "error" and path.read_text(encoding="utf-8") == bad


def test_minimal_and_sort_conflict() -> None:
    with pytest.raises(ConfigError):
        format_text("", minimal=True, sort=True)


def test_renames_are_reported() -> None:
    result = format_source("@misc{old, author = {Doe, J.}, title = {Thing}, year = 2020}", keys=True)
    assert result.renames == {"old": "doe2020thing"}
    assert result.text.startswith("@misc{doe2020thing,")


def test_format_file_check_does_not_write(tmp_path: Path) -> None:
    path = tmp_path / "a.bib"
    path.write_text("@misc{a, pages = {1-2}}", encoding="utf-8")
    assert format_file(str(path), check=True).status == "reformatted"
    assert path.read_text(encoding="utf-8") == "@misc{a, pages = {1-2}}"
    assert format_file(str(path)).status == "reformatted"
    assert format_file(str(path)).status == "unchanged"


def test_minimal_ignores_changes_of_white_space_only() -> None:
    source = "@misc{a,\n  title = {A long\n           title},\n  year = 2000}\n"
    assert format_text(source, minimal=True) == source
    assert format_text(source) == "@misc{a,\n  title = {A long title},\n  year = {2000}\n}\n"


SAMPLE = (CASES / "basic.input.bib").read_text(encoding="utf-8") + (CASES / "macros.input.bib").read_text(encoding="utf-8")


@pytest.mark.parametrize("seed", range(60))
def test_mangled_input_never_crashes(seed: int) -> None:
    """Random edits with BibTeX's special characters: either problems are
    reported (and the text is left alone) or the output is valid and stable."""
    rng = random.Random(seed)
    text = list(SAMPLE)
    for _ in range(rng.randint(1, 4)):
        pos = rng.randrange(len(text))
        if rng.random() < 0.5:
            del text[pos : pos + rng.randint(1, 3)]
        else:
            text.insert(pos, rng.choice(['{', '}', '@', '"', ',', '=', '#', '(', ')', '%', '\n']))
    source = "".join(text)
    result = format_source(source)
    if result.errors:
        assert result.text == source and not result.changed
        return
    if not any(p.code in ("RK102", "RK103") for p in result.problems):  # pybtex's strict mode rejects these
        content(result.text)
    assert format_source(result.text).text == result.text


def test_a_symlink_stays_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.bib"
    real.write_text("@misc{a, pages = {1-2}}", encoding="utf-8")
    link = tmp_path / "link.bib"
    link.symlink_to(real)
    assert format_file(str(link)).status == "reformatted"
    assert link.is_symlink() and "1--2" in real.read_text(encoding="utf-8")
