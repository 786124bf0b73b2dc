"""The learned field tagger: tokens, features, the shipped model on whole items,
and that only extraction ever loads it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from refkit.errors import ConfigError
from refkit.extraction import tagging
from refkit.extraction.citation import parse_segment, parse_text
from refkit.extraction.segment import Link, Segment, Span


def test_tokens_are_words_and_single_marks_with_offsets() -> None:
    text = "Smith, J.* “Deep nets.” Nature 521:436–444"
    toks = tagging.tokenize(text)
    assert [t.text for t in toks] == ["Smith", ",", "J", ".", "*", "“", "Deep", "nets", ".", "”", "Nature", "521", ":", "436", "–", "444"]
    assert all(text[t.start:t.end] == t.text for t in toks)
    quoted = [t.text for t in toks if t.quoted]
    assert quoted == ["“", "Deep", "nets", ".", "”"]


def test_markup_and_line_starts_reach_the_tokens() -> None:
    text = "Deep nets\nA. Smith"
    bold = [k < 9 for k in range(len(text))]
    toks = tagging.tokenize(text, bold=bold)
    assert [t.bold for t in toks] == [True, True, False, False, False]
    assert [t.line_start for t in toks] == [False, False, True, False, False]


@pytest.mark.parametrize(
    ("word", "feature"),
    [("Nature", "venue"), ("March", "month"), ("Maria", "given"), ("submitted", "status"), ("Springer", "publisher"),
     ("2019", "year"), ("J", "initial"), ("†", "marker"), ("of", "func")],
)
def test_lexicon_and_shape_features(word: str, feature: str) -> None:
    (feats,) = tagging.features(tagging.tokenize(word), word)
    assert feats.get(feature) is True


def test_neighbours_and_position_are_features() -> None:
    text = "A. Smith. Title here. Nature, 2020."
    toks = tagging.tokenize(text)
    feats = tagging.features(toks, text)
    assert feats[0]["first"] and feats[-1]["last"]
    assert feats[1]["-1:initial"] is True and feats[1]["-1:w"] == "a"
    assert feats[0]["pos"] == "0" and feats[-1]["pos"] == "9"


def test_place_relative_to_the_year_and_markup_runs_are_features() -> None:
    text = "Smith, J. (2020). “Deep nets for rivers.” Nature 5"
    toks = tagging.tokenize(text)
    feats = {t.text: f for t, f in zip(toks, tagging.features(toks, text))}
    assert (feats["Smith"]["yr"], feats["2020"]["yr"], feats["Nature"]["yr"]) == ("b", "y", "a")
    assert feats["“"].get("quoted<") and feats["”"].get("quoted>") and "quoted<" not in feats["Deep"]
    assert feats["for"].get("tw") and "tw" not in feats["Smith"]


def _crf(text: str) -> dict[str, str]:
    entry = parse_text(text, tagger="crf")
    assert entry is not None, text
    fields = {k: v for k, v in entry.fields.items()}
    fields["families"] = " ".join(n.family for n in entry.names("author"))
    return fields


def test_author_first_citation() -> None:
    f = _crf("Jane Doe, Wei Zhang, and Peter Miller. Learning sparse graphs from noisy data. "
             "In Proceedings of the International Conference on Machine Learning, pages 112–120, 2019.")
    assert f["title"] == "Learning sparse graphs from noisy data"
    assert f["families"] == "Doe Zhang Miller"
    assert "International Conference on Machine Learning" in f["booktitle"]
    assert f["year"] == "2019"


def test_apa_citation_with_year_after_authors() -> None:
    f = _crf("Keller, M., & Novak, T. (2015). A survey of coastal erosion models. Journal of Coastal Research, 31(4), 903–915.")
    assert f["title"] == "A survey of coastal erosion models"
    assert f["families"] == "Keller Novak"
    assert f["journal"] == "Journal of Coastal Research"
    assert f["year"] == "2015"


def test_title_first_item_on_three_lines() -> None:
    f = _crf("Robust estimation of river discharge from satellite imagery\nA. Okafor, L. Brandt\nRemote Sensing of Environment, 2021")
    assert f["title"] == "Robust estimation of river discharge from satellite imagery"
    assert f["families"] == "Okafor Brandt"
    assert "Remote Sensing of Environment" in f["journal"]
    assert f["year"] == "2021"


def test_markup_from_the_page_is_used() -> None:
    segment = Segment(spans=(
        Span("L. Brandt, "), Span("A. Okafor", bold=True), Span("*", sup=True), Span(". "),
        Span("Sediment transport in braided rivers", italic=True), Span(". Water Resources Research 57, 2021. "),
        Span("[PDF]", link="https://example.org/p.pdf"),
    ), links=(Link("[PDF]", "https://example.org/p.pdf"),))
    entry = parse_segment(segment, tagger="crf")
    assert entry is not None
    assert entry.fields["title"] == "Sediment transport in braided rivers"
    assert [n.family for n in entry.names("author")] == ["Brandt", "Okafor"]
    assert entry.fields["year"] == "2021"
    assert entry.fields.get("pdf") == "https://example.org/p.pdf"


def test_names_after_an_ellipsis_are_kept() -> None:
    f = _crf("Krefting, J., Sen, P., Hawe, J. S., … Schunkert, H. (2023). Use of big data from health insurance "
             "for assessment of cardiovascular outcomes. Frontiers in Artificial Intelligence, 6, 1155404.")
    assert f["families"] == "Krefting Sen Hawe Schunkert"
    assert f["year"] == "2023"


@pytest.mark.parametrize("tagger", ["rules", "crf", "hybrid"])
def test_every_tagger_reads_a_plain_citation(tagger: str) -> None:
    entry = parse_text("Keller, M., & Novak, T. (2015). A survey of coastal erosion models. "
                       "Journal of Coastal Research, 31(4), 903–915.", tagger=tagger)
    assert entry is not None
    assert entry.fields["title"] == "A survey of coastal erosion models"
    assert entry.fields["year"] == "2015"


def test_the_context_default_chooses_the_tagger(tmp_path: Path) -> None:
    import refkit

    page = tmp_path / "cv.md"
    page.write_text("## Publications\n\n- Keller, M., & Novak, T. (2015). A survey of coastal erosion models. "
                    "Journal of Coastal Research, 31(4), 903–915.\n", encoding="utf-8")
    for tagger in ("rules", "crf"):
        (entry,) = refkit.extract(str(page), tagger=tagger).entries
        assert entry.fields["title"] == "A survey of coastal erosion models"
    with pytest.raises(ConfigError):
        refkit.extract(str(page), tagger="hmm")


def test_unknown_tagger_is_a_configuration_error() -> None:
    with pytest.raises(ConfigError, match="unknown tagger"):
        parse_text("A. Smith. A title. Nature, 2020.", tagger="hmm")


def test_model_ships_small_and_loads() -> None:
    path = Path(tagging.model_path())
    assert path.is_file() and path.stat().st_size <= 10_000_000
    assert set(tagging.load_model().labels()) <= set(tagging.LABELS)


def test_only_extraction_loads_the_model(tmp_path: Path) -> None:
    (tmp_path / "a.bib").write_text("@article{a, title={T}, author={A, B}, year={2020}, journal={J}}\n", encoding="utf-8")
    heavy = "('refkit.extraction.tagging', 'pycrfsuite')"
    code = ("import sys; from refkit.cli import main\n"
            "for argv in (['--version'], ['format', '-q', 'a.bib'], ['check', '-q', 'a.bib']):\n"
            "    try: main(argv)\n"
            "    except SystemExit: pass\n"
            f"print(sorted(m for m in sys.modules if m in {heavy}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert result.stdout.splitlines()[-1] == "[]", result.stderr
    (tmp_path / "cv.md").write_text("## Publications\n\n- A. Smith, B. Jones. A study of things. Nature, 2020.\n", encoding="utf-8")
    code = ("import sys; from refkit.cli import main; main(['convert', '--tagger', 'crf', 'cv.md', '-o', 'out.bib'])\n"
            f"print(sorted(m for m in sys.modules if m in {heavy}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert result.stdout.splitlines()[-1] == "['pycrfsuite', 'refkit.extraction.tagging']", result.stderr


def test_a_word_the_tagger_ran_into_the_name_list_starts_the_title(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tagger labels "Pelican:" as the last author; the name reader stops before it,
    so it is the title's first word, not lost."""
    text = "Okafor, A. and Brandt, L. Pelican: a toolkit for river models. Water Resources Research, 2021."
    toks = tagging.tokenize(text)
    cut = next(i for i, t in enumerate(toks) if t.text == "a")
    venue = next(i for i, t in enumerate(toks) if t.text == "Water")
    year = next(i for i, t in enumerate(toks) if t.text == "2021")
    labels = ["author"] * cut + ["title"] * (venue - cut) + ["container"] * (year - venue) + ["date"] * (len(toks) - year)

    def fixed(tokens: list[tagging.Token], text: str = "", model: object = None) -> tuple[list[str], list[float]]:
        assert [t.text for t in tokens] == [t.text for t in toks]
        return labels, [1.0] * len(labels)

    monkeypatch.setattr(tagging, "tag_with_confidence", fixed)
    entry = parse_text(text, tagger="crf")
    assert entry is not None
    assert entry.fields["title"] == "Pelican: a toolkit for river models"
    assert [n.family for n in entry.names("author")] == ["Okafor", "Brandt"]


def test_tokens_of_one_long_line_know_where_their_line_starts() -> None:
    # each token looked back to its line's start: quadratic in a long line (a 300 KB
    # mutated .bib line took 11 s to read as text)
    tokens = tagging.tokenize("Doe, J.\n  " + "Title " * 100_000)
    assert [t.line_start for t in tokens[:5]] == [False, False, False, False, True]
    assert not any(t.line_start for t in tokens[5:])
