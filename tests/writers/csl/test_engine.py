"""refkit.writers.csl.engine through refkit.render: problems are data."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import refkit
from refkit.readers.csljson import read as read_csl

EMPTY_FOR_LETTERS = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><choose><if type="personal_communication" match="none"><text variable="title"/></if></choose></layout></bibliography>
</style>"""
ITEMS = [
    {"id": "Book1", "type": "book", "title": "Book One"},
    {"id": "Letter1", "type": "personal_communication", "title": "Letter One"},
]


def test_an_entry_the_style_prints_as_nothing_is_left_out_and_reported(tmp_path: Path) -> None:
    style = tmp_path / "s.csl"
    style.write_text(EMPTY_FOR_LETTERS, encoding="utf-8")
    bib = refkit.render(read_csl(json.dumps(ITEMS)), style=str(style))
    assert bib.keys() == ["Book1"]
    assert [(p.key, p.severity) for p in bib.problems] == [("Letter1", "warning")]
    assert "prints nothing" in bib.problems[0].message


def test_the_cli_prints_render_problems_as_key_and_message(tmp_path: Path) -> None:
    style = tmp_path / "s.csl"
    style.write_text(EMPTY_FOR_LETTERS, encoding="utf-8")
    data = tmp_path / "refs.json"
    data.write_text(json.dumps(ITEMS), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "refkit", "convert", str(data), "--style", str(style), "--to", "text", "-o", "-"], capture_output=True, text=True)
    assert run.returncode == 0
    assert run.stdout.strip() == "Book One"
    assert "Letter1: the style prints nothing for this entry; left out" in run.stderr


def test_the_style_default_locale_is_used_unless_a_locale_is_given(tmp_path: Path) -> None:
    style = tmp_path / "fr.csl"
    style.write_text(
        EMPTY_FOR_LETTERS.replace('version="1.0">', 'version="1.0" default-locale="fr-FR">').replace(
            '<text variable="title"/></if>', '<group delimiter=" "><text variable="title"/><text term="editor" form="short"/></group></if>'
        ),
        encoding="utf-8",
    )
    library = read_csl(json.dumps(ITEMS[:1]))
    assert refkit.render(library, style=str(style))[0][1] == "Book One éd."
    assert refkit.render(library, style=str(style), locale="en-US")[0][1] == "Book One ed."


def test_year_suffixes_follow_the_rendered_citation_not_the_stored_names() -> None:
    def book(key: str, given: str, co: str, title: str) -> dict:
        return {"id": key, "type": "book", "title": title, "author": [{"family": "Doe", "given": given}, {"family": co, "given": "Sam"}], "issued": {"date-parts": [[1999]]}}

    library = read_csl(json.dumps([book("a", "John", "Jones", "Alpha"), book("b", "James", "Jones", "Beta"), book("c", "Jake", "Smith", "Gamma")]))
    texts = dict(refkit.render(library, style="apa"))
    # "Doe & Jones, 1999" cites both a and b: suffixes; c is cited "Doe & Smith, 1999"
    assert "(1999a). Alpha" in texts["a"] and "(1999b). Beta" in texts["b"]
    assert "(1999). Gamma" in texts["c"]


def test_a_style_without_year_suffix_gets_it_after_the_first_year(tmp_path: Path) -> None:
    style = tmp_path / "s.csl"
    style.write_text(
        """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation disambiguate-add-year-suffix="true"><layout><names variable="author"><name form="short"/></names><date variable="issued" prefix=" "><date-part name="year"/></date></layout></citation>
  <bibliography><layout><group delimiter=", "><names variable="author"><name form="short"/></names><date variable="issued"><date-part name="year"/></date><text variable="title"/><date variable="issued"><date-part name="year"/></date></group></layout></bibliography>
</style>""",
        encoding="utf-8",
    )
    items = [{"id": k, "type": "book", "title": k, "author": [{"family": "Doe"}], "issued": {"date-parts": [[1990]]}} for k in ("A", "B")]
    assert [t for _, t in refkit.render(read_csl(json.dumps(items)), style=str(style))] == ["Doe, 1990a, A, 1990", "Doe, 1990b, B, 1990"]


def _article(title: str, page: str) -> dict:
    return {"id": "a", "type": "article-journal", "title": title, "author": [{"family": "Doe", "given": "J."}], "container-title": "J", "page": page, "issued": {"date-parts": [[2000]]}}


def test_a_range_on_one_page_is_printed_as_written_with_a_plural_label() -> None:
    # citeproc-js leaves a range whose last page is not after its first as it is
    # ("103–103", "pp."), whatever the page-range-format; never "103–03"
    library = read_csl(json.dumps([_article("x", "103-103")]))
    assert refkit.render(library, style="modern-language-association")[0][1].endswith("J, 2000, pp. 103–103.")
    assert refkit.render(library, style="chicago-author-date")[0][1].endswith("J, 103–103.")
    assert refkit.render(library, style="ieee")[0][1].endswith("J, pp. 103–103, 2000.")


def test_without_a_page_range_format_the_last_page_is_printed_as_written() -> None:
    library = read_csl(json.dumps([_article("x", "4484-9")]))
    assert refkit.render(library, style="ieee")[0][1].endswith("J, pp. 4484–9, 2000.")  # no page-range-format
    assert refkit.render(library, style="chicago-author-date")[0][1].endswith("J, 4484–89.")  # chicago format
    assert refkit.render(library, style="apa")[0][1].endswith("J, 4484–4489.")  # expanded


def test_a_numeric_volume_keeps_its_leading_zeros() -> None:
    library = read_csl(json.dumps([{**_article("x", "7"), "volume": "042"}]))
    assert "vol. 042," in refkit.render(library, style="ieee")[0][1]


def test_an_abbreviated_last_page_is_expanded_before_the_style_shortens_it() -> None:
    library = read_csl(json.dumps([_article("x", "321-28")]))
    assert refkit.render(library, style="apa")[0][1].endswith("J, 321–328.")
    assert refkit.render(library, style="chicago-author-date")[0][1].endswith("J, 321–28.")


def test_a_macro_whose_variables_are_all_empty_prints_nothing(tmp_path: Path) -> None:
    style = tmp_path / "s.csl"
    style.write_text(
        """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>
  <macro name="container"><text term="in" text-case="capitalize-first" suffix=" "/><text variable="container-title"/></macro>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout suffix="."><group delimiter=". "><text variable="title"/><text macro="container"/></group></layout></bibliography>
</style>""",
        encoding="utf-8",
    )
    items = [{"id": "a", "type": "chapter", "title": "Alone"}, {"id": "b", "type": "chapter", "title": "Part", "container-title": "Whole"}]
    assert [t for _, t in refkit.render(read_csl(json.dumps(items)), style=str(style))] == ["Alone.", "Part. In Whole."]


def test_a_hyphen_joins_a_page_range_only_between_page_numbers() -> None:
    def last(page: str, style: str) -> str:
        return refkit.render(read_csl(json.dumps([_article("x", page)])), style=style)[0][1]

    # not page numbers: printed as written, one page
    assert last("n/a-n/a", "ieee").endswith("J, p. n/a-n/a, 2000.")
    assert last("16:1-63", "ieee").endswith("J, p. 16:1-63, 2000.")
    assert last("16:1-63", "chicago-author-date").endswith("J, 16:1-63.")
    # roman numerals and prefixed numbers are pages; a shared prefix is printed once when shortened
    assert last("iv-xii", "ieee").endswith("J, pp. iv–xii, 2000.")
    assert last("B27-B32", "chicago-author-date").endswith("J, B27–32.")
    assert last("e1-e10", "chicago-author-date").endswith("J, e1–10.")
    assert last("B27-B32", "ieee").endswith("J, pp. B27–B32, 2000.")
    assert last("C7-281-C7-294", "ieee").endswith("J, pp. C7-281-C7-294, 2000.")


def test_a_page_of_only_a_dash_prints_its_label_alone() -> None:
    library = read_csl(json.dumps([_article("x", "-")]))
    assert refkit.render(library, style="ieee")[0][1] == "[1] J. Doe, “x,” J, p., 2000."
    assert refkit.render(library, style="chicago-author-date")[0][1] == "Doe, J. 2000. “X.” J."
