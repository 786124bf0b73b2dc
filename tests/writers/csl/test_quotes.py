"""refkit.writers.csl.quotes: punctuation around quotes and question marks."""

from __future__ import annotations

import json

import refkit
from refkit.readers.csljson import read as read_csl
from refkit.writers.csl.marks import wrap
from refkit.writers.csl.quotes import finish_quotes

QUOTES = (("“", "”"), ("‘", "’"))


def test_a_period_after_a_question_mark_is_dropped_across_closing_formatting() -> None:
    assert finish_quotes(wrap("i", "Why?") + ". Next", True, *QUOTES) == wrap("i", "Why?") + " Next"
    assert finish_quotes("Why?. Next", True, *QUOTES) == "Why? Next"
    assert finish_quotes("v2.0.1. Next", True, *QUOTES) == "v2.0.1. Next"


def test_an_italic_report_title_ending_in_a_question_mark_takes_no_period() -> None:
    item = {"id": "k", "type": "report", "title": "how to relax a bisimulation?", "number": "79", "publisher": "Lab", "author": [{"family": "Katz", "given": "Mia"}], "issued": {"date-parts": [[2012]]}}
    text = refkit.render(read_csl(json.dumps([item])), style="chicago-author-date")[0][1]
    assert "How to Relax a Bisimulation? No. 79." in text


def test_punctuation_moves_into_a_quote_across_the_end_of_italics() -> None:
    marked = wrap("i", "A paper \ue010Scorpion\ue011") + ". Next"
    assert finish_quotes(marked, True, *QUOTES) == wrap("i", "A paper “Scorpion.”") + " Next"
    assert finish_quotes(marked, False, *QUOTES) == wrap("i", "A paper “Scorpion”") + ". Next"
