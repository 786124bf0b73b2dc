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
        ("'\"Nested\" quotes'", "““Nested” quotes”"),  # a quote right after an opening one opens too
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
    assert refkit.render(library, style="apa", format="html")[0][1] == "D’Arcus, B. (2006). <i>Flat-headed cats (<span style=\"font-style:normal;\">Prionailurus planiceps</span>) and “quotes.”</i>"  # citeproc-js moves the period into the quote
    assert refkit.render(library, style="ieee", format="markdown")[0][1] == "[1] B. D’Arcus, *Flat-headed cats (Prionailurus planiceps) and “quotes.”* 2006."
    assert DATA_OPEN not in refkit.render(library, style="mla", format="latex")[0][1] and DATA_CLOSE not in str(refkit.render(library, style="mla"))


def test_variables_in_note_lines_are_read_and_hyphenated_name_variables_print() -> None:
    from refkit.writers.csl.source import note_variables

    item = {"id": "w", "type": "review", "title": "Own", "note": "reviewed-title: Other\ngenre: Peer commentary\nreviewed-author: Hall || W. C.\nevent-date: 2004-10-01/2004-10-14\nkeep this line"}
    read_back = note_variables(item)
    assert read_back["reviewed-title"] == "Other" and read_back["genre"] == "Peer commentary"
    assert read_back["reviewed-author"] == [{"family": "Hall", "given": "W. C."}]
    assert read_back["event-date"] == {"date-parts": [[2004, 10, 1], [2004, 10, 14]]}
    assert read_back["note"] == "keep this line"
    assert note_variables({"id": "x", "genre": "Mine", "note": "genre: Theirs"})["genre"] == "Mine"  # the item's own value wins
    style_item = [{"id": "r", "type": "review", "title": "T", "reviewed-author": [{"family": "Hall", "given": "W. C."}], "issued": {"date-parts": [[2000]]}}]
    assert "Hall" in refkit.render(read_csl(json.dumps(style_item)), style="apa")[0][1]


def test_particles_are_parsed_out_of_family_and_given_names() -> None:
    from refkit.writers.csl.marks import GLUE
    from refkit.writers.csl.source import split_particles

    assert split_particles({"family": "van der Berg", "given": "Jan"}) == {"family": "Berg", "given": "Jan", "non-dropping-particle": "van der"}
    assert split_particles({"family": "in 't Horvath"})["non-dropping-particle"] == "in 't"
    assert split_particles({"family": "al-One"}) == {"family": "One", "non-dropping-particle": "al-" + GLUE}
    assert split_particles({"family": "d'Wander"})["non-dropping-particle"] == "d'" + GLUE
    assert split_particles({"given": "Ludwig van", "family": "Beethoven"}) == {"given": "Ludwig", "dropping-particle": "van", "family": "Beethoven"}
    for kept in ({"family": "O'Neil"}, {"family": "García-Márquez"}, {"family": "hooks"}, {"family": "van Gogh", "parse-names": False}, {"family": "Gogh", "non-dropping-particle": "van"}, {"family": "田中"}):
        assert split_particles(kept) == kept


def test_parsed_particles_sort_and_print_as_the_style_says() -> None:
    style = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" demote-non-dropping-particle="display-and-sort">
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text value="x"/></layout></citation>
  <bibliography><sort><key variable="author"/></sort><layout><names variable="author"><name name-as-sort-order="all"/></names></layout></bibliography>
</style>"""
    import tempfile
    from pathlib import Path

    items = [{"id": f"k{i}", "type": "book", "author": [{"family": f, "given": g}]} for i, (f, g) in enumerate([("al-One", "Alan"), ("Marple", "Mary"), ("d'Wander", "Will")])]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "s.csl"
        path.write_text(style, encoding="utf-8")
        out = [text for _, text in refkit.render(read_csl(json.dumps(items)), style=str(path), format="text")]
    assert out == ["Marple, Mary", "One, Alan al-", "Wander, Will d’"]


def test_a_double_quote_that_pairs_with_nothing_stays_straight() -> None:
    assert typographic('a display="inline" b') == 'a display="inline" b'
    assert typographic('say "hello there') == 'say "hello there'
    assert typographic('the "world" champion') == "the “world” champion"


def test_a_value_of_many_protected_words_renders_whole() -> None:
    # citeproc-py added each nocase span to the whole string so far: quadratic in spans
    spans = '<span class="nocase">ab</span> ' * 30_000
    item = {"id": "k", "type": "book", "title": spans, "author": [{"family": "Doe", "given": "J"}], "issued": {"date-parts": [[2020]]}}
    (_, text), = refkit.render(read_csl(json.dumps([item])), style="apa")
    assert text.count("ab") == 30_000
