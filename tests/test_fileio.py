"""Atomic writes and input decoding: nothing the user wrote is ever lost."""

import os
import stat

import pytest

from refkit.errors import InputError
from refkit.fileio import atomic_write, decode, decode_document, read_text


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


WESTERN = "Müller, J. und Größe, K. (2019). Über die Bedeutung der Théorie. Zeitschrift für Physik, 3–4.\n"
CYRILLIC = ("Иванов И. И., Петров П. П. Методы анализа данных в физике высоких энергий. "
            "Журнал экспериментальной и теоретической физики, 2019, т. 5, с. 12–20.\n") * 3


def test_a_document_in_a_legacy_encoding_is_read_by_a_guess_that_is_recorded() -> None:
    data = ("Publications\n" + WESTERN).encode("cp1252")
    decoded = decode_document(data, "cv.md", guess=True)
    assert decoded.text == "Publications\n" + WESTERN
    assert decoded.guessed == ("cp1252", 2, 2)  # the codec, and the line and column of the first such byte
    assert decoded.encoding == "utf-8"  # were it ever written, it would be UTF-8


def test_cyrillic_in_a_legacy_encoding_is_not_read_as_latin_accents() -> None:
    decoded = decode_document(CYRILLIC.encode("cp1251"), "cv.txt", guess=True)
    assert decoded.text == CYRILLIC
    assert decoded.guessed is not None and decoded.guessed[0] == "cp1251"


def test_without_guess_a_legacy_encoding_stays_an_error() -> None:
    with pytest.raises(InputError, match="invalid UTF-8"):
        decode_document(WESTERN.encode("cp1252"), "refs.bib")


# ---- encodings: read them all, write them back as they were -----------------------------------------------
BIB = "@misc{a,\n  title = {Café – 钟},\n  author = {Zhong, Zhihang}\n}\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-8"])
@pytest.mark.parametrize("bom", [True, False], ids=["bom", "no-bom"])
def test_unicode_encodings_are_read_and_written_back_as_they_were(tmp_path, encoding, bom) -> None:
    from refkit.fileio import Decoded, read_document

    path = tmp_path / "refs.bib"
    original = Decoded(BIB, encoding, bom).encode()
    path.write_bytes(original)
    document = read_document(str(path))
    assert (document.text, document.encoding, document.bom) == (BIB, encoding, bom)
    atomic_write(path, document.text.replace("Café", "Cafe"), encoding=document.encoding, bom=document.bom)
    assert path.read_bytes() == Decoded(BIB.replace("Café", "Cafe"), encoding, bom).encode()


@pytest.mark.parametrize("stored", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("bom", [True, False], ids=["bom", "no-bom"])
def test_explicit_utf16_takes_the_byte_order_from_the_file(tmp_path, stored, bom) -> None:
    from refkit.fileio import Decoded, read_document

    path = tmp_path / "refs.bib"
    path.write_bytes(Decoded(BIB, stored, bom).encode())
    document = read_document(str(path), encoding="utf-16")
    assert (document.text, document.encoding, document.bom) == (BIB, stored, bom)


def test_binary_is_still_binary() -> None:
    from refkit.fileio import sniff_encoding

    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00\x5c\x72\xa8\x66" * 20
    assert sniff_encoding(png) is None
    with pytest.raises(InputError, match="binary"):
        decode(png, "x.png")


def test_unencodable_text_is_refused_before_anything_is_written(tmp_path) -> None:
    path = tmp_path / "refs.bib"
    path.write_bytes(b"old")
    with pytest.raises(InputError, match="refs.bib:2: cannot write U\\+949F in latin-1"):
        atomic_write(path, "a\n钟", encoding="latin-1")
    assert path.read_bytes() == b"old"


# ---- permissions, owners, links -----------------------------------------------------------------------
def test_a_read_only_file_is_refused_not_rewritten(tmp_path) -> None:
    path = tmp_path / "refs.bib"
    path.write_text("old")
    os.chmod(path, 0o444)
    with pytest.raises(PermissionError, match="read-only file \\(mode 0444\\)"):
        atomic_write(path, "new")
    assert path.read_text() == "old" and stat.S_IMODE(path.stat().st_mode) == 0o444


def test_a_hard_linked_file_is_written_in_place(tmp_path) -> None:
    path = tmp_path / "refs.bib"
    path.write_text("old")
    other = tmp_path / "elsewhere.bib"
    os.link(path, other)
    inode = path.stat().st_ino
    atomic_write(path, "new text")
    assert other.read_text() == "new text" and path.stat().st_ino == inode and path.stat().st_nlink == 2
    atomic_write(path, "x")  # shorter: the rest is cut off
    assert other.read_text() == "x"


def test_owner_and_group_are_kept(tmp_path) -> None:
    if os.geteuid() != 0:
        pytest.skip("changing a file's owner needs root")
    path = tmp_path / "refs.bib"
    path.write_text("old")
    os.chown(path, 12345, 23456)
    atomic_write(path, "new")
    info = path.stat()
    assert (info.st_uid, info.st_gid) == (12345, 23456) and path.read_text() == "new"


def test_a_file_whose_owner_cannot_be_restored_is_written_in_place(tmp_path, monkeypatch) -> None:
    if os.geteuid() != 0:
        pytest.skip("giving a file to another owner needs root")
    path = tmp_path / "refs.bib"
    path.write_text("old")
    os.chown(path, 12345, 23456)
    inode = path.stat().st_ino

    def not_allowed(*args, **kwargs):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "chown", not_allowed)  # as for a user who is not root
    atomic_write(path, "new")
    info = path.stat()
    assert info.st_ino == inode and (info.st_uid, info.st_gid) == (12345, 23456) and path.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["refs.bib"]


def test_a_symlink_out_of_the_working_tree_is_refused_unless_allowed(tmp_path) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "sub").mkdir()
    outside = tmp_path / "outside.bib"
    outside.write_text("old")
    inside = repo / "real.bib"
    inside.write_text("old")
    (repo / "sub" / "in.bib").symlink_to(inside)
    (repo / "out.bib").symlink_to(outside)
    atomic_write(repo / "sub" / "in.bib", "new")  # inside the repository: followed
    assert inside.read_text() == "new" and (repo / "sub" / "in.bib").is_symlink()
    with pytest.raises(PermissionError, match="outside the working tree"):
        atomic_write(repo / "out.bib", "new")
    assert outside.read_text() == "old"
    atomic_write(repo / "out.bib", "new", follow_symlinks=True)
    assert outside.read_text() == "new" and (repo / "out.bib").is_symlink()


# ---- leftovers of a killed run ---------------------------------------------------------------------------
def test_stale_temp_files_of_a_killed_run_are_removed_and_nothing_else(tmp_path) -> None:
    import fcntl
    import time

    from refkit.fileio import MIN_TEMP_AGE, read_document

    path = tmp_path / "refs.bib"
    path.write_text("@misc{a,}\n")
    old = time.time() - MIN_TEMP_AGE - 60
    names = {
        ".refs.bib.ab_3x9qz.refkit-tmp": True,  # ours, left by a killed run: removed
        ".refs.bib.k2j4h5g6.refkit-tmp": False,  # ours, but a running refkit holds it (locked): kept
        ".refs.bib.z9y8x7w6.refkit-tmp": False,  # ours, created this instant (not locked yet): kept
        ".refs.bib.ab_3x9qz.refkit-tmp.keep": False,  # not the exact pattern
        ".other.bib.ab_3x9qz.refkit-tmp": False,  # another file's
        ".refs.bib.TOOLONG99.refkit-tmp": False,
    }
    for name in names:
        (tmp_path / name).write_text("partial")
        if name != ".refs.bib.z9y8x7w6.refkit-tmp":
            os.utime(tmp_path / name, (old, old))
    with open(tmp_path / ".refs.bib.k2j4h5g6.refkit-tmp", "rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)  # as atomic_write holds its temporary file
        read_document(str(path), tidy=True)
    left = {p.name for p in tmp_path.iterdir()}
    assert left == {"refs.bib"} | {n for n, stale in names.items() if not stale}
    os.utime(tmp_path / ".refs.bib.k2j4h5g6.refkit-tmp", (old, old))
    atomic_write(path, "@misc{b,}\n")  # a write tidies too; the writer is gone now
    assert ".refs.bib.k2j4h5g6.refkit-tmp" not in {p.name for p in tmp_path.iterdir()}


def test_a_killed_writer_leaves_a_temp_file_the_next_run_removes(tmp_path) -> None:
    """A real kill -9 inside the write window (stopped between writing and renaming)."""
    import signal
    import subprocess
    import sys
    import textwrap
    import time

    from refkit.fileio import MIN_TEMP_AGE, read_document

    path = tmp_path / "refs.bib"
    path.write_text("old\n")
    script = textwrap.dedent(f"""
        import os, sys
        from refkit import fileio
        def stop(src, dst):
            print("in the window", flush=True)
            sys.stdin.readline()  # wait here to be killed
        fileio.os.replace = stop
        fileio.atomic_write({str(path)!r}, "new\\n")
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                            env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)))
    assert proc.stdout is not None and proc.stdout.readline().strip() == "in the window"
    leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".refkit-tmp")]
    assert len(leftovers) == 1  # the writer holds it: a concurrent run must keep it
    read_document(str(path), tidy=True)
    assert leftovers[0].exists()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    past = time.time() - MIN_TEMP_AGE - 1
    os.utime(leftovers[0], (past, past))
    read_document(str(path), tidy=True)
    assert not leftovers[0].exists() and path.read_text() == "old\n"


# ---- property: every Unicode .bib comes back as it was -------------------------------------------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_VALUES = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00{}"), max_size=40)


@settings(max_examples=150, deadline=None)
@given(values=st.lists(_VALUES, min_size=1, max_size=4),
       encoding=st.sampled_from(["utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]), bom=st.booleans())
def test_any_unicode_bib_round_trips_through_decode_and_encode(values, encoding, bom) -> None:
    from refkit.fileio import Decoded, decode_document

    text = "".join(f"@misc{{k{i},\n  title = {{{v}}},\n  note = {{ordinary ASCII words}}\n}}\n" for i, v in enumerate(values))
    data = Decoded(text, encoding, bom).encode()
    document = decode_document(data, "refs.bib")
    assert document.text == text
    assert document.encode() == data  # written back byte for byte


# ---- stray control bytes and binary files, decided by evidence ------------------------------------
_LIST = "Jäger, N. and Müller, T. (2021). Children’s rivers. J. Hydrol. 12, 1–9.\n" * 40


def test_a_stray_nul_in_a_document_that_is_only_read_is_kept_for_the_reader() -> None:
    from refkit.fileio import decode_document

    data = (_LIST[:200] + "\x00" + _LIST[200:]).encode()
    assert "\x00" in decode_document(data, "cv.txt", guess=True).text
    with pytest.raises(InputError, match="NUL"):  # a .bib that format rewrites is never changed
        decode_document(data, "refs.bib")


@pytest.mark.parametrize(("data", "kind"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" * 30, "PDF"),
    (b"PK\x03\x04\x14\x00\x06\x00" + b"word/document.xml" * 40, "zip archive"),
    (bytes(range(256)) * 8, "NUL"),
    (b"\x01\x02\x03\x04\x05 text with control bytes in every word " * 60, "control bytes"),
])
def test_binary_files_are_refused_even_when_only_read(data: bytes, kind: str) -> None:
    from refkit.fileio import decode_document

    with pytest.raises(InputError, match=kind):
        decode_document(data, "doc.txt", guess=True)


@pytest.mark.parametrize("codec", ["mac_roman", "cp1252"])
def test_a_western_legacy_encoding_is_told_apart_by_what_reads_out_of_place(codec: str) -> None:
    from refkit.fileio import decode_document

    document = decode_document(_LIST.encode(codec), "list.txt", guess=True)
    assert document.text == _LIST and document.guessed is not None and document.guessed[0] == codec


def test_mac_roman_with_only_dashes_beyond_ascii_is_read_as_mac_roman() -> None:
    from refkit.fileio import decode_document

    text = "Smith, J. (2020). Rivers, 2010–2020. J. Hydrol. 12, 1–9.\n" * 20
    document = decode_document(text.encode("mac_roman"), "list.txt", guess=True)
    assert document.text == text and document.guessed is not None and document.guessed[0] == "mac_roman"


def test_implausible_counts_characters_out_of_place() -> None:
    from refkit.fileio import _implausible

    assert _implausible("Jäger, Müller, Children’s, 2010–2020, « Étude », São Paulo") == 0
    assert _implausible("JŠger, ChildrenÕs, 2010Ð2021") == 3  # Mac Roman read as Windows-1252
    assert _implausible("M¸ller, Universit‰t") == 2  # Windows-1252 read as Mac Roman
