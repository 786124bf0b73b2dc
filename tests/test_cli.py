"""The command line as a user meets it: exit codes and messages, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import refkit
from refkit.commands import COMMANDS

FILE_COMMANDS = ["check", "format"]


def refkit_cli(*args: str, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "refkit", *args], capture_output=True, text=True, cwd=cwd,
                          input=stdin, timeout=120)


def test_version() -> None:
    result = refkit_cli("--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"refkit {refkit.__version__}")


def test_no_command_prints_help_and_exits_2() -> None:
    result = refkit_cli()
    assert result.returncode == 2
    assert "usage: refkit" in result.stderr and "check" in result.stderr


def test_help_lists_every_command() -> None:
    result = refkit_cli("--help")
    assert result.returncode == 0
    for name in COMMANDS:
        assert name in result.stdout


def test_unknown_command_and_option_are_usage_errors() -> None:
    for args in (["frobnicate"], ["check", "--frobnicate", "x.bib"], ["check"]):
        result = refkit_cli(*args)
        assert result.returncode == 2, args
        assert "usage:" in result.stderr and "Traceback" not in result.stderr


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).with_name("refkit")
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("refkit ")


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("inputs")
    (folder / "folder.bib").mkdir()
    (folder / "binary.bib").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "latin1.bib").write_bytes("@misc{a,\n  title = {Caf\u00e9},\n}\n".encode("latin-1"))
    (folder / "empty.bib").write_bytes(b"")
    return folder


@pytest.mark.parametrize("command", FILE_COMMANDS)
@pytest.mark.parametrize("name, message", [
    ("missing.bib", "missing.bib: no such file"),
    ("binary.bib", "binary.bib: looks like a binary file"),
    ("latin1.bib", "latin1.bib:2:15: invalid UTF-8 byte 0xe9"),
])
def test_unreadable_inputs_exit_2_with_path_and_reason(bad_inputs: Path, command: str, name: str, message: str) -> None:
    result = refkit_cli(command, name, cwd=bad_inputs)
    assert result.returncode == 2, result.stderr
    assert f"refkit: {message}" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", FILE_COMMANDS)
def test_an_empty_file_is_fine(bad_inputs: Path, command: str) -> None:
    result = refkit_cli(command, "empty.bib", cwd=bad_inputs)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert (bad_inputs / "empty.bib").read_bytes() == b""


def test_latin1_input_with_an_explicit_encoding(bad_inputs: Path) -> None:
    result = refkit_cli("check", "--encoding", "latin-1", "latin1.bib", cwd=bad_inputs)
    assert result.returncode == 0, result.stdout + result.stderr


def test_interrupted_output_pipe_is_not_a_traceback(tmp_path: Path) -> None:
    bib = tmp_path / "many.bib"
    bib.write_text("".join(f"@misc{{k{i},\n  pages = {{1-2}},\n}}\n" for i in range(3000)), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "refkit", "check", str(bib)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    proc.wait(timeout=60)
    assert "Traceback" not in err


def test_a_mistyped_option_suggests_the_right_one() -> None:
    result = refkit_cli("convert", "--stlye", "apa", "x.bib")
    assert result.returncode == 2
    assert "--stlye (did you mean '--style'?)" in result.stderr


def test_an_internal_error_is_one_short_line_and_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    import refkit.io
    from refkit.cli import main

    def broken(*args: object, **kwargs: object) -> None:
        raise IndexError("list index out of range " + "x" * 10_000)

    monkeypatch.setattr(refkit.io, "read", broken)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("REFKIT_DEBUG", raising=False)
    assert main(["convert", "in.html", "-o", "out.bib"]) == 2  # never 1 ("findings")
    err = capsys.readouterr().err
    assert err.startswith("refkit: in.html: internal error: IndexError: list index out of range")
    assert "(refkit/commands/convert.py:" in err and len(err) < 400 and "Traceback" not in err
    assert not (tmp_path / "out.bib").exists()
    with pytest.raises(IndexError):
        main(["--traceback", "convert", "in.html"])
    monkeypatch.setenv("REFKIT_DEBUG", "1")
    with pytest.raises(IndexError):
        main(["convert", "in.html"])


@pytest.mark.parametrize("command", FILE_COMMANDS)
def test_an_internal_error_in_one_file_names_it_and_the_others_are_done(
        command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import refkit.checks
    import refkit.formatting
    from refkit.cli import main

    real = refkit.formatting.format_source if command == "format" else refkit.checks.check

    def flaky(arg: object, **kwargs: object) -> object:
        if "boom" in str(kwargs.get("path") or getattr(arg, "source", "")):
            raise ValueError("unexpected")
        return real(arg, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(refkit.formatting if command == "format" else refkit.checks,
                        "format_source" if command == "format" else "check", flaky)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("REFKIT_DEBUG", raising=False)
    (tmp_path / "boom.bib").write_text("@misc{a, title = {x}}\n", encoding="utf-8")
    (tmp_path / "ok.bib").write_text("@misc{b, title = {y}}\n", encoding="utf-8")
    assert main([command, "boom.bib", "ok.bib"]) == 2
    err = capsys.readouterr().err
    assert "refkit: boom.bib: internal error: ValueError: unexpected" in err
    if command == "format":
        assert (tmp_path / "ok.bib").read_text(encoding="utf-8").startswith("@misc{b,\n")


@pytest.mark.parametrize("name, content", [
    ("notes.txt", "Some notes about papers.\nDoe, J. (2020). A study.\n"),
    ("cv.json", '[{"id": "a", "type": "book", "title": "T"}]\n'),
    ("page.html", "<html><body><ul><li>Doe, J. A study. 2020.</li></ul></body></html>\n"),
])
def test_format_refuses_what_is_not_bibtex(tmp_path: Path, name: str, content: str) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    result = refkit_cli("format", name, cwd=tmp_path)
    assert result.returncode == 2
    assert f"refkit: {name}: not a .bib file" in result.stderr and "refkit convert" in result.stderr
    assert (tmp_path / name).read_text(encoding="utf-8") == content


def test_format_takes_bibtex_under_another_name(tmp_path: Path) -> None:
    (tmp_path / "refs.txt").write_text("@article{a, title = {T}, pages = {1-2}}\n", encoding="utf-8")
    result = refkit_cli("format", "refs.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "1--2" in (tmp_path / "refs.txt").read_text(encoding="utf-8")


def test_success_lines_for_a_single_file(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text("@article{a, title = {T}, pages = {1-2}}\n", encoding="utf-8")
    first = refkit_cli("format", "refs.bib", cwd=tmp_path)
    assert (first.returncode, first.stderr) == (0, "reformatted refs.bib\n1 file reformatted.\n")
    second = refkit_cli("format", "refs.bib", cwd=tmp_path)
    assert (second.returncode, second.stderr) == (0, "1 file left unchanged.\n")


def test_a_mistyped_command_suggests_the_right_one() -> None:
    result = refkit_cli("frmat", "x.bib")
    assert result.returncode == 2 and "(did you mean 'format'?)" in result.stderr


def test_convert_refuses_json_that_is_not_csl_json_with_exit_2(tmp_path: Path) -> None:
    (tmp_path / "profile.json").write_text('{"name": "Ada Lovelace", "works": 3}\n', encoding="utf-8")
    result = refkit_cli("convert", "profile.json", "-o", "out.bib", cwd=tmp_path)
    assert result.returncode == 2 and "profile.json:1: JSON, but not CSL-JSON" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out.bib").exists()


def test_convert_says_what_it_wrote(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text("@misc{a, title = {T}}\n@misc{b, title = {U}}\n", encoding="utf-8")
    result = refkit_cli("convert", "refs.bib", "-o", "refs.json", cwd=tmp_path)
    assert result.returncode == 0 and "refkit: wrote 2 entries to refs.json" in result.stderr
