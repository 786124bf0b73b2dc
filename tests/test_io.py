"""refkit.io: control characters a stray byte left are dropped from documents refkit
extracts from (RK196), never from a .bib file."""

from __future__ import annotations

from refkit import io

PAGE = ("# Publications\n\n"
        "- Smith, A. and Jones, B. (2021). Rivers that remember their floods. *Journal of Hydrology*, 12, 1-9.\n"
        "- Jones, B. and Smith, A. (2019). Counting stones in mountain streams. *Earth Surface Letters*, 3, 10-20.\n")


def test_control_characters_are_dropped_with_a_warning_naming_the_first() -> None:
    damaged = PAGE.replace("remember", "reme\x00mber").replace("Counting", "\x1b[1mCounting\x1b[0m\x07")
    library = io.read_string(damaged, format="markdown", path="cv.md")
    clean = io.read_string(PAGE, format="markdown", path="cv.md")
    assert [e.fields for e in library.entries] == [e.fields for e in clean.entries]
    warnings = [p for p in library.problems if p.code == "RK196"]
    assert len(warnings) == 1 and warnings[0].severity == "warning"
    assert str(warnings[0].location) == "cv.md:3:51" and "4 control character(s)" in warnings[0].message


def test_a_vertical_tab_is_a_space_and_a_nul_first_does_not_hide_the_format() -> None:
    library = io.read_string("\x00" + PAGE.replace(" remember ", " remember\x0b"), path="cv.md")
    assert [e.get("title") for e in library.entries][0] == "Rivers that remember their floods"


def test_a_document_file_with_a_stray_nul_is_read(tmp_path) -> None:
    path = tmp_path / "cv.md"
    path.write_bytes(PAGE.replace("Counting", "Count\x00ing").encode())
    library = io.read(str(path))
    assert len(library.entries) == 2 and [p.code for p in library.problems].count("RK196") == 1


def test_a_bib_file_keeps_its_control_characters() -> None:
    bib = "@article{k,\n  title = {A\x00B},\n  year = {2020}\n}\n"
    library = io.read_string(bib, format="bibtex", path="refs.bib")
    assert not [p for p in library.problems if p.code == "RK196"]
