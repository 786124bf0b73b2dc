"""Configuration ([tool.refkit] in pyproject.toml, refkit.toml), exercised through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from refkit.cli import main
from refkit.config import find_config

BIB = "@misc{a,\n  pages = {1-2},\n  year = {20},\n}\n"


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("REFKIT_CONFIG", raising=False)
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "refs.bib").write_text(BIB, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def codes(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return [line.split()[1] for line in capsys.readouterr().out.splitlines()]


def test_no_configuration(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert find_config() is None
    assert main(["check", "refs.bib"]) == 1
    assert codes(capsys) == ["RK601", "RK505"]


def test_shared_keys_and_command_tables_in_pyproject(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.refkit]\nquiet = true\nsort = true\n\n[tool.refkit.check]\nselect = ["RK5"]\n',
        encoding="utf-8")
    # `sort` belongs to `refkit format`: shared keys of other commands are fine
    assert main(["check", "refs.bib"]) == 1
    out, err = capsys.readouterr()
    assert [line.split()[1] for line in out.splitlines()] == ["RK505"] and err == ""


def test_underscores_and_dashes_are_the_same(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "refkit.toml").write_text('[check]\noutput_format = "github"\n', encoding="utf-8")
    assert main(["check", "refs.bib"]) == 1
    assert capsys.readouterr().out.startswith("::warning file=refs.bib")


def test_refkit_toml_wins_over_pyproject_in_the_same_folder(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "pyproject.toml").write_text('[tool.refkit.check]\nselect = ["RK5"]\n', encoding="utf-8")
    (repo / "refkit.toml").write_text('[check]\nselect = ["RK6"]\n', encoding="utf-8")
    assert main(["check", "refs.bib"]) == 1
    assert codes(capsys) == ["RK601"]


def test_found_from_a_subfolder_but_not_above_the_repository(repo: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "refkit.toml").write_text('[check]\nselect = ["RK6"]\n', encoding="utf-8")
    assert find_config() is None  # above the .git folder: not ours
    (repo / "refkit.toml").write_text('[check]\nselect = ["RK5"]\n', encoding="utf-8")
    (repo / "sub").mkdir()
    monkeypatch.chdir(repo / "sub")
    found = find_config()
    assert found is not None and found[0] == repo / "refkit.toml"


def test_a_malformed_tool_table_belongs_to_another_tool(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "pyproject.toml").write_text('tool = "x"\n', encoding="utf-8")
    assert main(["check", "refs.bib"]) == 1
    assert codes(capsys) == ["RK601", "RK505"]


def test_refkit_config_names_a_file(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "pyproject.toml"
    other.write_text('[tool.refkit.check]\nselect = ["RK6"]\n', encoding="utf-8")
    monkeypatch.setenv("REFKIT_CONFIG", str(other))
    assert main(["check", "refs.bib"]) == 1
    assert codes(capsys) == ["RK601"]
    other.write_text('[project]\nname = "x"\n', encoding="utf-8")  # no [tool.refkit]: nothing applies
    assert main(["check", "refs.bib"]) == 1
    assert codes(capsys) == ["RK601", "RK505"]


@pytest.mark.parametrize("toml, message", [
    ('[tool.refkit]\nselekt = ["RK5"]\n', "pyproject.toml: unknown configuration key 'selekt' (did you mean 'select'?)"),
    ('[tool.refkit.check]\nsort = true\n', "pyproject.toml: unknown configuration key 'sort' for `refkit check`"),
    ('[tool.refkit.chek]\nselect = ["RK5"]\n', "pyproject.toml: unknown command table 'chek' (did you mean 'check'?)"),
    ('[tool.refkit.check]\nquiet = "yes"\n', "pyproject.toml: quiet must be true or false, not 'yes'"),
    ('[tool.refkit.check]\noutput-format = 3\n', "pyproject.toml: output-format must be a string, not a integer (3)"),
    ('[tool.refkit.check]\noutput-format = "xml"\n', "pyproject.toml: output-format must be one of text, json, github, not 'xml'"),
    ('[tool.refkit.check]\nencoding = ["utf-8"]\n', "pyproject.toml: encoding takes a single value, not a array"),
    ('[tool.refkit]\ncheck = 3\n', "pyproject.toml: check must be true or false, not 3"),
    ('[tool.refkit\n', "pyproject.toml: invalid TOML"),
    ('[tool]\nrefkit = 3\n', "pyproject.toml: tool.refkit must be a table, not int"),
])
def test_bad_configuration_is_an_error_naming_file_and_key(repo: Path, capsys: pytest.CaptureFixture[str],
                                                           toml: str, message: str) -> None:
    (repo / "pyproject.toml").write_text(toml, encoding="utf-8")
    assert main(["format" if toml.startswith("[tool.refkit]\ncheck") else "check", "refs.bib"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("refkit: ") and message in err, err
    assert "Traceback" not in err


def test_bad_codes_in_configuration_are_an_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "refkit.toml").write_text('[check]\nignore = ["RK6", "E501"]\n', encoding="utf-8")
    assert main(["check", "refs.bib"]) == 2
    assert "unknown rule code 'E501'" in capsys.readouterr().err


def test_a_comma_separated_option_takes_a_toml_array(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "refkit.toml").write_text('[format]\nfield-order = ["title", "author"]\n', encoding="utf-8")
    (repo / "refs.bib").write_text("@misc{a,\n  author = {Doe, Jane},\n  title = {T},\n}\n", encoding="utf-8")
    assert main(["format", "refs.bib"]) == 0  # rewritten: success, as black
    text = (repo / "refs.bib").read_text(encoding="utf-8")
    assert text.index("title") < text.index("author")


def test_a_shared_key_with_another_meaning_in_another_command_says_where_to_put_it(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "pyproject.toml").write_text("[tool.refkit]\nsort = true\n", encoding="utf-8")
    assert main(["convert", "refs.bib", "-o", "out.bib"]) == 2  # convert's --sort takes style/year/none
    err = capsys.readouterr().err
    assert "sort must be a string" in err and "[tool.refkit.<command>]" in err


def test_a_shared_key_may_share_a_command_name(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # `check = true` is format's --check, not a [tool.refkit.check] table (TOML allows only one)
    (repo / "pyproject.toml").write_text("[tool.refkit]\ncheck = true\nquiet = true\n", encoding="utf-8")
    assert main(["format", "refs.bib"]) == 1  # --check from the configuration: would change
    assert (repo / "refs.bib").read_text(encoding="utf-8") == BIB  # --check: nothing written
    capsys.readouterr()
    assert main(["check", "refs.bib"]) == 1
    out, err = capsys.readouterr()
    assert "RK601" in out and err == ""


def test_config_does_not_import_the_cli(tmp_path: Path) -> None:
    """The parser and command table live in refkit.commands: config checks keys
    against them without importing refkit.cli (no config <-> cli cycle)."""
    import subprocess
    import sys

    (tmp_path / "refkit.toml").write_text("sort = true\nselect = ['RK2']\n", encoding="utf-8")
    code = ("import sys, refkit.config as c; c.apply_config(__import__('refkit.commands', fromlist=['x'])"
            ".build_parser('check')[1]['check'], 'check'); c._all_long_options(); "
            "assert 'refkit.cli' not in sys.modules, 'config imported cli'")
    subprocess.run([sys.executable, "-c", code], cwd=tmp_path, check=True)
