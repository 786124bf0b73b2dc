"""``refkit format`` / ``refkit enrich`` on files that are not plain UTF-8 or not
plainly writable: encodings kept, read-only files and symlinks out of the
working tree refused with a message (exit 2), nothing the user wrote lost."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from refkit.cli import main
from refkit.fileio import Decoded

MESSY = "@misc{a, title = {Café}, pages = {1-2}}\n"
CLEAN = "@misc{a,\n  title = {Café},\n  pages = {1--2}\n}\n"


@pytest.mark.parametrize("encoding, bom", [("utf-16-le", True), ("utf-16-be", False), ("utf-32-le", True), ("utf-8", True)])
def test_format_keeps_the_files_encoding_and_bom(tmp_path: Path, encoding: str, bom: bool) -> None:
    path = tmp_path / "refs.bib"
    path.write_bytes(Decoded(MESSY, encoding, bom).encode())
    assert main(["format", str(path)]) in (0, 1)  # the exit code for "reformatted" is the CLI conventions' business
    assert path.read_bytes() == Decoded(CLEAN, encoding, bom).encode()
    assert main(["check", str(path)]) == 0  # check reads it too


def test_format_with_encoding_utf16_option(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    path.write_bytes(MESSY.encode("utf-16-le"))  # no BOM
    main(["format", "--encoding", "utf-16", str(path)])
    assert path.read_bytes() == CLEAN.encode("utf-16-le")


def test_format_refuses_a_read_only_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "refs.bib"
    path.write_text(MESSY, encoding="utf-8")
    os.chmod(path, 0o444)
    assert main(["format", str(path)]) == 2
    assert path.read_text(encoding="utf-8") == MESSY and stat.S_IMODE(path.stat().st_mode) == 0o444
    assert "read-only file (mode 0444)" in capsys.readouterr().err


def test_format_refuses_a_symlink_out_of_the_repository(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    outside = tmp_path / "shared.bib"
    outside.write_text(MESSY, encoding="utf-8")
    link = repo / "refs.bib"
    link.symlink_to(outside)
    assert main(["format", str(link)]) == 2
    assert outside.read_text(encoding="utf-8") == MESSY
    err = capsys.readouterr().err
    assert "outside the working tree" in err and "--follow-symlinks" in err
    main(["format", "--follow-symlinks", str(link)])
    assert outside.read_text(encoding="utf-8") == CLEAN and link.is_symlink()
