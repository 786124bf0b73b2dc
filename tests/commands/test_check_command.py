"""``refkit check`` end to end: files on disk, output formats, exit codes, configuration."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from refkit.cli import main

GOOD = """@article{doe2020,
  author = {Doe, Jane},
  title = {A Study},
  journal = {Journal of Studies},
  year = {2020},
  pages = {1--10},
}
"""

BAD = """@string{js = {Journal of Studies}}

@article{doe2020,
  author = {Doe, Jane},
  title = {A Study},
  journal = js,
  year = {2020},
  pages = {1-10},
  doi = {https://doi.org/10.1000/abc},
}

@article{Doe2020,
  title = {Another Study},
  journal = js,
  year = {20},
}
"""


@pytest.fixture()
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("REFKIT_CONFIG", raising=False)
    (tmp_path / ".git").mkdir()  # a repository root: configuration above it is not read
    (tmp_path / "good.bib").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.bib").write_text(BAD, encoding="utf-8")
    return tmp_path


def test_clean_file_exits_0_with_one_success_line(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "good.bib"]) == 0
    assert capsys.readouterr() == ("", "refkit check: no problems.\n")
    assert main(["check", "-q", "good.bib"]) == 0
    assert capsys.readouterr() == ("", "")


def test_findings_exit_1_with_locations_and_a_summary(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "good.bib", "bad.bib"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "bad.bib:8:3: RK601 page range '1-10' should be '1--10' ('--' is an en-dash in LaTeX)",
        "bad.bib:9:3: RK602 doi 'https://doi.org/10.1000/abc' should be the bare DOI '10.1000/abc'",
        "bad.bib:12:1: RK202 key 'Doe2020' differs from 'doe2020' (at line 3) only by case; "
        "BibTeX and citeproc-py treat them as the same key",
        "bad.bib:12:1: RK401 @article 'Doe2020' has no author",
        "bad.bib:15:3: RK505 year '20' is not a four-digit year",
    ]
    assert err == "refkit check: 5 problems in 2 files; `refkit format` would fix 2 of them (RK601 x1, RK602 x1).\n"


def test_select_ignore_and_quiet(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--select", "RK2,RK5", "--ignore", "RK505", "-q", "bad.bib"]) == 1
    out, err = capsys.readouterr()
    assert [line.split()[1] for line in out.splitlines()] == ["RK202"] and err == ""
    assert main(["check", "--ignore", "RK2", "--ignore", "RK4,RK5,RK6", "bad.bib"]) == 0


def test_unknown_rule_code_is_an_error(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--select", "RK999", "bad.bib"]) == 2
    assert "unknown rule code 'RK999'" in capsys.readouterr().err


def test_json_output(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--output-format", "json", "bad.bib"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data[0] == {"path": "bad.bib", "line": 8, "column": 3, "code": "RK601", "name": "page-range-dash",
                       "message": "page range '1-10' should be '1--10' ('--' is an en-dash in LaTeX)",
                       "severity": "warning", "key": "doe2020", "fixable": True}
    assert [d["code"] for d in data] == ["RK601", "RK602", "RK202", "RK401", "RK505"]


def test_json_output_of_a_clean_file_is_an_empty_list(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--output-format=json", "good.bib"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_github_annotations(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--output-format", "github", "bad.bib"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == ("::warning file=bad.bib,line=8,col=3,title=refkit RK601::RK601 page range '1-10' should be "
                        "'1--10' ('--' is an en-dash in LaTeX)")
    assert lines[2].startswith("::error file=bad.bib,line=12,col=1,title=refkit RK202::RK202 key 'Doe2020'")


def test_parse_problems_are_reported_with_their_location(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("broken.bib").write_text(GOOD + "@article{x,\n  title = {unclosed,\n  year = 2020,\n}\n", encoding="utf-8")
    assert main(["check", "broken.bib"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("broken.bib:8:1: RK101 ")


def test_an_unreadable_file_is_exit_2_but_the_others_are_still_checked(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "missing.bib", "bad.bib"]) == 2
    out, err = capsys.readouterr()
    assert "refkit: missing.bib: no such file" in err
    assert "RK601" in out


def test_stdin(files: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "refkit", "check", "--from", "bibtex", "-"], input=BAD,
                            capture_output=True, text=True, cwd=files)
    assert result.returncode == 1
    assert result.stdout.startswith("<stdin>:8:3: RK601")


def test_configuration_selects_rules_and_the_command_line_wins(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("pyproject.toml").write_text('[tool.refkit.check]\nignore = ["RK6", "RK505"]\noutput-format = "json"\n',
                                      encoding="utf-8")
    assert main(["check", "bad.bib"]) == 1
    assert [d["code"] for d in json.loads(capsys.readouterr().out)] == ["RK202", "RK401"]
    assert main(["check", "--ignore", "RK2,RK4", "--output-format", "text", "bad.bib"]) == 1
    assert [line.split()[1] for line in capsys.readouterr().out.splitlines()] == ["RK601", "RK602", "RK505"]


def test_a_misspelled_configuration_key_is_an_error(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("refkit.toml").write_text('[check]\nignor = ["RK6"]\n', encoding="utf-8")
    assert main(["check", "good.bib"]) == 2
    err = capsys.readouterr().err
    assert "refkit.toml: unknown configuration key 'ignor' for `refkit check` (did you mean 'ignore'?)" in err


def test_check_imports_no_heavy_module(files: Path) -> None:
    # subprocess too: only walking a directory asks git, a named file starts no process
    code = ("import sys; from refkit.cli import main; main(['check', '-q', 'bad.bib']); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('requests', 'requests_cache', 'lxml', 'citeproc', 'pybtex', 'bibtexparser', 'latexcodec', 'subprocess')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=files)
    assert result.stdout.splitlines()[-1] == "[]", result.stderr


def test_statistics_and_exit_zero(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("more.bib").write_text(BAD.replace("doe2020", "roe2021").replace("Doe2020", "Roe2021"), encoding="utf-8")
    assert main(["check", "--statistics", "-q", "bad.bib", "more.bib"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "     2  RK202  key-case-clash",
        "     2  RK401  missing-field",
        "     2  RK505  bad-year",
        "     2  RK601  page-range-dash  [fixable]",
        "     2  RK602  doi-prefix  [fixable]",
    ]
    assert main(["check", "--statistics", "--output-format", "json", "-q", "bad.bib"]) == 1
    assert json.loads(capsys.readouterr().out)[0] == {"code": "RK202", "name": "key-case-clash", "count": 1,
                                                      "fixable": False}
    assert main(["check", "--exit-zero", "bad.bib"]) == 0
    assert main(["check", "--exit-zero", "missing.bib"]) == 2


def test_after_refkit_format_exactly_the_fixable_problems_are_gone(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--output-format", "json", "-q", "bad.bib"]) == 1
    before = json.loads(capsys.readouterr().out)
    assert main(["format", "-q", "bad.bib"]) == 0  # rewritten: success, as black
    capsys.readouterr()
    assert main(["check", "--output-format", "json", "-q", "bad.bib"]) == 1
    after = json.loads(capsys.readouterr().out)
    assert [p["code"] for p in after] == [p["code"] for p in before if not p["fixable"]]


def test_csl_json_is_checked_too(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    item = ('{"id": "%s", "type": "article-journal", "title": "A Study", "author": [{"family": "Doe"}], '
            '"container-title": "J", "issued": {"date-parts": [[2020]]}, "DOI": "%s"}')
    Path("refs.json").write_text("[\n" + item % ("a", "10.1000/abc") + ",\n" + item % ("b", "10.1000/ABC") + "\n]\n",
                                 encoding="utf-8")
    assert main(["check", "refs.json"]) == 1
    assert capsys.readouterr().out == "refs.json:3: RK301 'b' has the same DOI as 'a' (line 2)\n"
