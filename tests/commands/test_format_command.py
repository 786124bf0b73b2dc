"""``refkit format``: exit codes, --check/--diff, stdin, keys, bad input."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from refkit.cli import main

MESSY = "@Article{a,\n  Pages = {1-2},\n  title = {x}}\n"
CLEAN = "@article{a,\n  title = {x},\n  pages = {1--2}\n}\n"


@pytest.fixture(autouse=True)
def no_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in an empty folder so no project configuration applies."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("REFKIT_CONFIG", raising=False)
    (tmp_path / ".git").mkdir()


def bib(tmp_path: Path, text: str, name: str = "refs.bib") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def test_rewrites_then_leaves_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = bib(tmp_path, MESSY)
    assert main(["format", str(path)]) == 0  # rewritten: success, as black
    assert path.read_text(encoding="utf-8") == CLEAN
    assert "reformatted" in capsys.readouterr().err
    assert main(["format", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == CLEAN


def test_check_and_diff_do_not_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = bib(tmp_path, MESSY)
    assert main(["format", "--check", str(path)]) == 1
    assert "would reformat" in capsys.readouterr().err
    assert main(["format", "--diff", str(path)]) == 1
    out = capsys.readouterr().out
    assert "-  Pages = {1-2}," in out and "+  pages = {1--2}" in out
    assert path.read_text(encoding="utf-8") == MESSY
    clean = bib(tmp_path, CLEAN, "clean.bib")
    assert main(["format", "--check", str(clean)]) == 0


def test_stdin_to_stdout(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(MESSY.encode())))
    assert main(["format", "-"]) == 0
    assert capsys.readouterr().out == CLEAN
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(MESSY.encode())))
    assert main(["format", "--check", "-"]) == 1


def test_keys_print_a_rename_map(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = bib(tmp_path, "@misc{old, author = {Doe, Jane}, title = {The Thing}, year = 2021}\n")
    assert main(["format", "--keys", str(path)]) == 0  # rewritten: success, as black
    assert f"{path}: old -> doe2021thing" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8").startswith("@misc{doe2021thing,")
    path = bib(tmp_path, "@misc{old, author = {Doe, Jane}, title = {The Thing}, year = 2021}\n", "p.bib")
    assert main(["format", "--keys", "--key-pattern", "{Auth}{year}", str(path)]) == 0  # rewritten: success, as black
    assert "old -> Doe2021" in capsys.readouterr().err
    assert main(["format", "--key-pattern", "{nope}", str(path)]) == 2


def test_minimal_option(tmp_path: Path) -> None:
    text = "@Misc{keep,\n    title = {Fine}}\n\n@misc{fix, pages = {3-4}}\n"
    path = bib(tmp_path, text)
    assert main(["format", "--minimal", str(path)]) == 0  # rewritten: success, as black
    assert path.read_text(encoding="utf-8") == "@Misc{keep,\n    title = {Fine}}\n\n@misc{fix,\n  pages = {3--4}\n}\n"
    assert main(["format", "--minimal", "--sort", str(path)]) == 2


@pytest.mark.parametrize(
    "content, message",
    [
        ("@article{a,\n  title = {x\n", "refs.bib:2:11: RK101"),
        ("@article{a, title = {x}}\n  year = {2000},\n}\n", "refs.bib:2:1: RK102"),
        (b"@misc{a, title = {caf\xe9}}\n", "invalid UTF-8 byte 0xe9"),
        (b"\x00\x01\x02binary", "binary file"),
    ],
)
def test_bad_input_is_an_error_and_never_rewritten(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | bytes, message: str) -> None:
    path = tmp_path / "refs.bib"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    before = path.read_bytes()
    assert main(["format", "refs.bib"]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert path.read_bytes() == before


def test_latin1_with_encoding_option(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    path.write_bytes(b"@misc{a, title = {caf\xe9}}\n")
    assert main(["format", "--encoding", "latin-1", str(path)]) == 0  # rewritten: success, as black
    assert path.read_text(encoding="utf-8") == "@misc{a,\n  title = {café}\n}\n"


def test_empty_missing_and_large_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = bib(tmp_path, "", "empty.bib")
    assert main(["format", str(empty)]) == 0 and empty.read_text() == ""
    assert main(["format", str(tmp_path / "missing.bib")]) == 2
    big = tmp_path / "big.bib"
    with big.open("wb") as handle:  # sparse: 40 MB without writing them
        handle.truncate(40 * 1024 * 1024)
    assert main(["format", str(big)]) == 2
    err = capsys.readouterr().err
    assert "no such file" in err and "too large" in err
    assert "Traceback" not in err


def test_several_files_worst_exit_wins(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = bib(tmp_path, CLEAN, "good.bib")
    messy = bib(tmp_path, MESSY, "messy.bib")
    bad = bib(tmp_path, "@article{a,\n  title = {x\n", "bad.bib")
    assert main(["format", str(good), str(messy)]) == 0  # rewritten: success, as black
    assert main(["format", str(good), str(bad)]) == 2
    assert "1 file failed to reformat" in capsys.readouterr().err


def test_config_keys_are_the_long_options(tmp_path: Path) -> None:
    (tmp_path / "refkit.toml").write_text('[format]\nkey-pattern = "{auth}{yy}"\nkeys = true\n', encoding="utf-8")
    path = bib(tmp_path, "@misc{old, author = {Doe, Jane}, year = 2021}\n")
    assert main(["format", str(path)]) == 0  # rewritten: success, as black
    assert path.read_text(encoding="utf-8").startswith("@misc{doe21,")


@pytest.mark.parametrize("setting", ['"title,year"', '["title", "year"]'])
def test_field_order_from_config_or_command_line(tmp_path: Path, setting: str) -> None:
    path = bib(tmp_path, "@misc{a, title = {T}, author = {A, B}, year = 2000}\n")
    assert main(["format", "--field-order", "year", str(path)]) == 0  # rewritten: success, as black
    assert path.read_text(encoding="utf-8") == "@misc{a,\n  year = {2000},\n  title = {T},\n  author = {A, B}\n}\n"
    (tmp_path / "refkit.toml").write_text(f"[format]\nfield-order = {setting}\n", encoding="utf-8")
    assert main(["format", str(path)]) == 0  # rewritten: success, as black
    assert path.read_text(encoding="utf-8") == "@misc{a,\n  title = {T},\n  year = {2000},\n  author = {A, B}\n}\n"
