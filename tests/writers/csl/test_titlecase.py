"""refkit.writers.csl.titlecase: title case and capitalize-first as citeproc-js
applies them (every expected string here is what citeproc-js 2.4 prints)."""

from __future__ import annotations

import json

import pytest
from citeproc.string import MixedString, NoCase, String

import refkit
from refkit.readers.csljson import read as read_csl
from refkit.writers.csl.titlecase import capitalize_first, title_case


def tc(text: str) -> str:
    return str(title_case(String(text), NoCase, MixedString))


@pytest.mark.parametrize(
    ("raw", "cased"),
    [
        # parts after a hyphen are words; stop words among them stay lower case
        ("state-of-the-art models", "State-of-the-Art Models"),
        ("coaxial (thin) wires for near-infrared emission", "Coaxial (Thin) Wires for near-Infrared Emission"),
        # citeproc-js capitalizes the last word before a hyphen only when no other cut precedes it
        ("coaxial wires for near-infrared emission", "Coaxial Wires for Near-Infrared Emission"),
        ("on-line self-assembly of in-situ growth", "On-Line Self-Assembly of in-Situ Growth"),
        # one-letter words keep their case, except the last one before a first hyphen
        ("transport in p-doped wires", "Transport in P-Doped Wires"),
        ("layers (thin) for p-doped wires", "Layers (Thin) for p-Doped Wires"),
        ("imaging the p-n junction", "Imaging the P-n Junction"),
        # words with a capital are kept; a stop word is capitalized first, last and after a colon
        ("decoration by a-SiN:H layers", "Decoration by A-SiN:H Layers"),
        ("the arXiv and GaAs: a study of", "The arXiv and GaAs: A Study Of"),
        (", and more", ", And More"),
        # citeproc-js's "v." pattern makes every two-letter word starting with v a stop word
        ("framework from v0.3.0", "Framework from v0.3.0"),
        ("coming next issue", "Coming next Issue"),
    ],
)
def test_title_case_as_citeproc_js(raw: str, cased: str) -> None:
    assert tc(raw) == cased


def test_a_closing_quote_that_closes_nothing_keeps_the_next_letter() -> None:
    assert tc("dopés à l’argent") == "Dopés à l’argent"
    assert tc("beating the ’world champion’ algorithm") == "Beating the ’world Champion’ Algorithm"


def test_nocase_segments_keep_their_case_and_lengths() -> None:
    text = MixedString([String("a study of "), NoCase("pH"), String(" in water")])
    out = title_case(text, NoCase, MixedString)
    assert [type(s) for s in out] == [String, NoCase, String]
    assert "".join(out) == "A Study of pH in Water"


def test_capitalize_first_leaves_a_word_with_capitals() -> None:
    assert str(capitalize_first(String("arXiv:2304.11477"), NoCase, MixedString)) == "arXiv:2304.11477"
    assert str(capitalize_first(String("https://example.org"), NoCase, MixedString)) == "Https://example.org"


def test_render_applies_title_case_to_english_titles() -> None:
    item = {"id": "a", "type": "article-journal", "title": "low temperature transport in p-doped wires", "author": [{"family": "Doe"}], "container-title": "J", "issued": {"date-parts": [[2000]]}}
    text = refkit.render(read_csl(json.dumps([item])), style="chicago-author-date")[0][1]
    assert "“Low Temperature Transport in P-Doped Wires.”" in text
