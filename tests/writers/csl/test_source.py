"""refkit.writers.csl.source: values prepared for citeproc-py."""

from __future__ import annotations

import json

import pytest

import refkit
from refkit.readers.csljson import read as read_csl
from refkit.writers.csl.marks import CLOSE, DATA_CLOSE, DATA_OPEN, OPEN
from refkit.writers.csl.source import prepare_text, rich_text, typographic


@pytest.mark.parametrize(
    ("raw", "made"),
    [
        ("D'Arcus", "D’Arcus"),
        ("Pac. Rim L. & Pol'y J.", "Pac. Rim L. & Pol’y J."),
        ("'t Horvath", "’t Horvath"),
        ("de'", "de’"),
        ("production d ' eau", "production d ’ eau"),
        ("Simple 'title' here", "Simple “title” here"),
        ('Right: "Informal" Mortgages', "Right: “Informal” Mortgages"),
        ("the 1990's", "the 1990’s"),
    ],
)
def test_straight_quotes_and_apostrophes_become_typographic(raw: str, made: str) -> None:
    assert typographic(raw) == made


def test_rich_text_tags_become_marks_and_nocase_spans_stay() -> None:
    text = 'A <i>Prionailurus</i> and <sc>Guide</sc>, H<sub>2</sub>O, <span class="nocase">iPhone</span>'
    assert prepare_text(text) == f'A {OPEN["i"]}Prionailurus{CLOSE["i"]} and {OPEN["sc"]}Guide{CLOSE["sc"]}, H{OPEN["sub"]}2{CLOSE["sub"]}O, <span class="nocase">iPhone</span>'
    assert rich_text("a < b <unknown>") == "a < b <unknown>"
    assert prepare_text('<span class="nodecor">v.</span>') == f'<span class="nocase">{OPEN["nodecor"]}v.{CLOSE["nodecor"]}</span>'
    assert rich_text("<b>unclosed") == OPEN["b"] + "unclosed" + CLOSE["b"]


def test_rich_text_and_quotes_reach_every_output_format() -> None:
    item = {"id": "k", "type": "book", "title": "Flat-headed cats (<i>Prionailurus planiceps</i>) and 'quotes'", "author": [{"family": "D'Arcus", "given": "Bruce"}], "issued": {"date-parts": [[2006]]}}
    library = read_csl(json.dumps([item]))
    assert refkit.render(library, style="apa", format="html")[0][1] == "D’Arcus, B. (2006). <i>Flat-headed cats (<span style=\"font-style:normal;\">Prionailurus planiceps</span>) and “quotes”</i>."
    assert refkit.render(library, style="ieee", format="markdown")[0][1] == "[1] B. D’Arcus, *Flat-headed cats (Prionailurus planiceps) and “quotes”*. 2006."
    assert DATA_OPEN not in refkit.render(library, style="mla", format="latex")[0][1] and DATA_CLOSE not in str(refkit.render(library, style="mla"))
