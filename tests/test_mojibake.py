"""Mojibake (UTF-8 once read as Windows-1252) is undone in documents refkit extracts from,
never in a .bib file."""

from __future__ import annotations

from refkit import io
from refkit.mojibake import repair

DAMAGED = "Méndez, L. and Peña, J.".encode().decode("cp1252")


def test_damaged_lines_are_repaired_and_counted() -> None:
    text = f"Header\n{DAMAGED}\nclean line – with a dash\n"
    fixed, lines = repair(text)
    assert fixed == "Header\nMéndez, L. and Peña, J.\nclean line – with a dash\n"
    assert lines == 1


def test_text_in_accented_languages_is_left_alone() -> None:
    for text in ("Šárka Vávrová, Brno: Nakladatelství Václav Hlavatý, 2019",
                 "Zoë Lefèvre, « Étude des côtes », Revue française, 2020",
                 "Straße, Größe, Ärger — Müller, 2021", "naïve café São Paulo Ålesund"):
        assert repair(text) == (text, 0)


def test_a_damaged_markdown_list_reads_its_names_and_warns() -> None:
    page = ("# Publications\n\n"
            "- Gonz\u00c3\u00a1lez, A. and Mu\u00c3\u00b1oz, B. (2021). Rivers that remember their floods. "
            "*Journal of Hydrology*, 12, 1-9.\n"
            "- Mu\u00c3\u00b1oz, B. and Gonz\u00c3\u00a1lez, A. (2019). Counting stones in mountain streams. "
            "*Earth Surface Letters*, 3, 10-20.\n")
    library = io.read_string(page, format="markdown", path="cv.md")
    assert [[n.family for n in e.names()] for e in library.entries] == [["González", "Muñoz"], ["Muñoz", "González"]]
    assert [p.code for p in library.problems].count("RK195") == 1


def test_a_bib_file_is_never_repaired() -> None:
    bib = f"@article{{k,\n  author = {{{DAMAGED}}},\n  title = {{T}},\n  year = {{2020}}\n}}\n"
    library = io.read_string(bib, format="bibtex", path="refs.bib")
    assert library.entries[0].get("author") == DAMAGED
    assert not [p for p in library.problems if p.code == "RK195"]
