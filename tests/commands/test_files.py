"""Directory arguments: .bib files under a folder, .gitignore respected, --exclude."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from refkit.cli import main
from refkit.commands.files import collect

MESSY = "@Article{a,\n  Pages = {1-2},\n  title = {x}}\n"


@pytest.fixture()
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("REFKIT_CONFIG", raising=False)
    for name in ("refs.bib", "docs/talks.bib", "docs/old/legacy.bib", "ignored/gen.bib", ".venv/lib/x.bib",
                 "node_modules/pkg/y.bib", "notes.txt", "docs/cv.json", "upper.BIB"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(MESSY if name.lower().endswith(".bib") else "not bibtex\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("ignored/\n", encoding="utf-8")
    return tmp_path


def git_init(path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q", str(path)], check=True)


def test_outside_git_every_bib_file_but_the_default_excludes(tree: Path) -> None:
    assert collect(["."]) == ["docs/old/legacy.bib", "docs/talks.bib", "ignored/gen.bib", "refs.bib", "upper.BIB"]


def test_inside_git_gitignore_applies(tree: Path) -> None:
    git_init(tree)
    assert collect(["."]) == ["docs/old/legacy.bib", "docs/talks.bib", "refs.bib", "upper.BIB"]
    assert collect(["docs"]) == ["docs/old/legacy.bib", "docs/talks.bib"]


def test_exclude_replaces_and_extend_exclude_adds(tree: Path) -> None:
    git_init(tree)
    assert collect(["."], extend_exclude=re.compile(r"/old/")) == ["docs/talks.bib", "refs.bib", "upper.BIB"]
    # --exclude replaces the default: .venv and node_modules are walked (not ignored by git here)
    assert ".venv/lib/x.bib" in collect(["."], exclude=re.compile(r"^/docs/"))
    assert "docs/talks.bib" not in collect(["."], exclude=re.compile(r"^/docs/"))


def test_files_named_on_the_command_line_are_kept_once_in_order(tree: Path) -> None:
    assert collect(["refs.bib", "-", "docs", "docs/talks.bib"]) == ["refs.bib", "-", "docs/old/legacy.bib",
                                                                      "docs/talks.bib"]


def test_format_and_check_walk_a_directory(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git_init(tree)
    assert main(["format", "--check", "--extend-exclude", "legacy", "."]) == 1
    err = capsys.readouterr().err
    assert "would reformat docs/talks.bib" in err and "3 files would be reformatted." in err
    assert main(["format", "."]) == 0
    assert "4 files reformatted." in capsys.readouterr().err
    assert (tree / "ignored/gen.bib").read_text(encoding="utf-8") == MESSY  # git-ignored: untouched
    assert main(["check", "--select", "RK6", "."]) == 0  # nothing left for format to fix
    assert "no problems in 4 files" in capsys.readouterr().err


def test_a_directory_without_bib_files_is_nothing_to_do(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    assert main(["format", "empty"]) == 0
    assert "no .bib files found" in capsys.readouterr().err


def test_a_bad_exclude_pattern_is_a_usage_error(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--exclude", "(", "."]) == 2
    assert "not a regular expression" in capsys.readouterr().err
