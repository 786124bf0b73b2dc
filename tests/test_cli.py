"""The command line as a user meets it: exit codes and messages, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import refkit
from refkit.cli import COMMANDS

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
    ("folder.bib", "folder.bib: is a directory, not a file"),
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
