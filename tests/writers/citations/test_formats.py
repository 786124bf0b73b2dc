"""refkit.writers.citations.formats: one protocol, every output format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import refkit
from refkit.readers.csljson import read as read_csl
from refkit.writers.citations.formats import FORMATS, get_format
from refkit.writers.csl.marks import CLOSE, OPEN

DISPLAY_STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout suffix=".">
    <names variable="author" display="block"><name/></names>
    <date variable="issued" display="left-margin"><date-part name="year"/></date>
    <text variable="title" display="right-inline"/>
  </layout></bibliography>
</style>"""
ITEM = {"id": "k", "type": "book", "title": "Book A", "author": [{"family": "Doe", "given": "John"}], "issued": {"date-parts": [[1999]]}}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("text", "Lessard v. Schmidt & R"),
        ("markdown", "*Lessard v. Schmidt* & R"),
        ("html", '<i>Lessard <span style="font-style:normal;">v.</span> Schmidt</i> &amp; R'),
        ("latex", "\\textit{Lessard \\textup{v.} Schmidt} \\& R"),
        ("rtf", "{\\i Lessard v. Schmidt} & R"),
    ],
)
def test_italics_inside_italics_flip_to_upright(name: str, expected: str) -> None:
    assert name in FORMATS
    assert get_format(name).finish(f"{OPEN['i']}Lessard {OPEN['i']}v.{CLOSE['i']} Schmidt{CLOSE['i']} & R") == expected


def test_display_parts_are_divs_in_html_and_separated_by_spaces_elsewhere(tmp_path: Path) -> None:
    style = tmp_path / "display.csl"
    style.write_text(DISPLAY_STYLE, encoding="utf-8")
    library = read_csl(json.dumps([ITEM]))
    html = refkit.render(library, style=str(style), format="html")[0][1]
    assert html == '\n\n    <div class="csl-block">John Doe</div>\n\n    <div class="csl-left-margin">1999</div><div class="csl-right-inline">Book A.</div>\n  '
    assert refkit.render(library, style=str(style), format="text")[0][1] == "John Doe 1999 Book A."
    assert refkit.render(library, style=str(style), format="markdown")[0][1] == "John Doe 1999 Book A."


def test_spaces_opening_the_first_display_div_stand_before_it(tmp_path: Path) -> None:
    style = tmp_path / "display.csl"
    style.write_text(DISPLAY_STYLE.replace('display="left-margin">', 'display="left-margin" prefix=" ">'), encoding="utf-8")
    html = refkit.render(read_csl(json.dumps([{**ITEM, "author": []}])), style=str(style), format="html")[0][1]
    assert html == ' \n    <div class="csl-left-margin">1999</div><div class="csl-right-inline">Book A.</div>\n  '
