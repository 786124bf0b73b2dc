"""Atomic writes and input decoding: nothing the user wrote is ever lost."""

import os
import stat

import pytest

from refkit.errors import InputError
from refkit.fileio import atomic_write, decode, read_text


def test_atomic_write_keeps_permissions(tmp_path) -> None:
    path = tmp_path / "refs.bib"
    path.write_text("old")
    os.chmod(path, 0o640)
    atomic_write(path, "new")
    assert path.read_text() == "new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["refs.bib"]  # no temp file left behind


def test_atomic_write_through_a_symlink_replaces_the_target(tmp_path) -> None:
    real = tmp_path / "real.bib"
    real.write_text("old")
    link = tmp_path / "link.bib"
    link.symlink_to(real)
    atomic_write(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"


def test_failed_write_leaves_the_old_file_whole(tmp_path, monkeypatch) -> None:
    path = tmp_path / "refs.bib"
    path.write_text("precious")

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        atomic_write(path, "new")
    assert path.read_text() == "precious"
    assert [p.name for p in tmp_path.iterdir()] == ["refs.bib"]


def test_invalid_utf8_names_line_and_column() -> None:
    with pytest.raises(InputError) as info:
        decode(b"ok\nab\xe9c\n", "refs.bib")
    assert str(info.value).startswith("refs.bib:2:3: invalid UTF-8 byte 0xe9")


def test_latin1_decodes_when_asked() -> None:
    assert decode(b"Sch\xf6lkopf", "x.bib", "latin-1") == "Schölkopf"


def test_bom_is_dropped_and_binary_is_refused(tmp_path) -> None:
    assert decode(b"\xef\xbb\xbf@misc{a,}", "x") == "@misc{a,}"
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02")
    with pytest.raises(InputError, match="binary"):
        read_text(str(binary))


def test_a_directory_is_not_a_file(tmp_path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_text(str(tmp_path))


def test_a_page_declaring_its_charset_is_decoded_with_it() -> None:
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body>Sch\xf6lkopf \x96 2020</body></html>'
    assert "Schölkopf – 2020" in decode(page.encode("latin-1"), "page.html")


def test_undeclared_latin1_is_still_an_error() -> None:
    with pytest.raises(InputError, match="invalid UTF-8"):
        decode("<p>Sch\xf6lkopf</p>".encode("latin-1"), "page.html")
