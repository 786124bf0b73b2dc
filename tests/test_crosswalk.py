"""The BibTeX <-> CSL crosswalk: types (both directions), csl_type rules, text values."""

from __future__ import annotations

import re

import pytest

from refkit.crosswalk import (
    MAX_GROUP_DEPTH,
    CSL_TO_BIBTEX_TYPE,
    TYPES,
    csl_to_value,
    csl_type,
    entry_to_csl,
    escape,
    unescape,
    value_to_csl,
)
from refkit.model import Entry


@pytest.mark.parametrize(
    ("bibtex", "csl"),
    [("article", "article-journal"), ("inproceedings", "paper-conference"), ("incollection", "chapter"), ("phdthesis", "thesis"), ("techreport", "report"), ("online", "webpage"), ("misc", "document"), ("unpublished", "manuscript"), ("patent", "patent")],
)
def test_type_table_both_directions(bibtex: str, csl: str) -> None:
    assert csl_type(Entry(bibtex, "k")) == csl
    assert CSL_TO_BIBTEX_TYPE[csl] == bibtex


def test_every_csl_type_maps_back_to_a_bibtex_type_that_maps_to_it() -> None:
    for csl, bib in CSL_TO_BIBTEX_TYPE.items():
        if csl in ("article", "article-magazine", "article-newspaper", ""):
            continue
        assert TYPES[bib] == csl


def test_preprints_are_csl_article() -> None:
    arxiv = {"eprint": "2101.00001", "archiveprefix": "arXiv"}
    assert csl_type(Entry("misc", "k", arxiv)) == "article"
    assert csl_type(Entry("article", "k", arxiv)) == "article"  # no journal: a preprint
    assert csl_type(Entry("article", "k", {**arxiv, "journal": "arXiv preprint arXiv:2101.00001"})) == "article"
    assert csl_type(Entry("article", "k", {**arxiv, "journal": "Nature"})) == "article-journal"
    assert csl_type(Entry("inproceedings", "k", arxiv)) == "paper-conference"


def test_explicit_csl_type_and_unknown_types() -> None:
    assert csl_type(Entry("misc", "k", {"csl-type": ""})) == ""
    assert csl_type(Entry("motion_picture", "k")) == "motion_picture"
    assert csl_type(Entry("weirdtype", "k")) == "document"


@pytest.mark.parametrize("text", ["R&D 50% $x$ #1 a_b ~ ^ {x} \\lambda", "plain", "Café—“quoted”"])
def test_escape_and_unescape_are_inverse(text: str) -> None:
    assert unescape(escape(text)) == text


def test_value_to_csl_braces_and_markup() -> None:
    assert value_to_csl("{NeRF}: {van der Waals} \\emph{in vivo} Sch\\\"{o}lkopf") == 'NeRF: <span class="nocase">van der Waals</span> <i>in vivo</i> Schölkopf'
    assert value_to_csl("{NeRF}", markup=False) == "NeRF"


def test_csl_to_value_protects_inner_capitals() -> None:
    assert csl_to_value("NeRF and NSGA-II in GANs, plain Words", protect=True) == "{NeRF} and {NSGA-II} in {GANs}, plain Words"
    assert csl_to_value("<b>bold</b> & <sup>2</sup>") == "\\textbf{bold} \\& \\textsuperscript{2}"


def test_arxiv_journal_field_becomes_a_preprint_number() -> None:
    from refkit.crosswalk import entry_to_csl

    e = Entry("article", "k", {"title": "T", "journal": "arXiv preprint arXiv:2211.11423", "year": "2023"})
    item = entry_to_csl(e)
    assert item["type"] == "article" and "container-title" not in item
    assert (item["number"], item["publisher"], item["URL"]) == ("arXiv:2211.11423", "arXiv", "https://arxiv.org/abs/2211.11423")


def test_no_break_spaces_reach_csl_in_values_and_literal_names() -> None:
    entry = Entry(type="book", key="k", fields={"author": "{Centre\u00a0for History}", "title": "Vol.~2 of\u00a0Works"})
    item = entry_to_csl(entry)
    assert item["author"] == [{"literal": "Centre\u00a0for History"}]
    assert item["title"] == "Vol.\u00a02 of\u00a0Works"


def test_a_protected_phrase_starting_with_a_macro_stays_protected() -> None:
    # {\"o} is one letter; {\TeX and SGML: a recipe} is a phrase whose case the author fixed
    assert value_to_csl(r"{\TeX and SGML: a recipe}") == '<span class="nocase">\\TeX and SGML: a recipe</span>'
    assert value_to_csl(r"M{\"u}ller {\v{S}}koda {\ss}") == "Müller Škoda ß"


def test_groups_nested_thousands_deep_keep_their_text() -> None:
    # each level was a Python frame and a pass over the text: 3,000 levels ended in
    # RecursionError (an internal error for `convert --to csljson/text`), 50,000 ran for minutes
    for deep in ("{" * 3000 + "Deep title" + "}" * 3000, "\\emph{" * 3000 + "Deep title" + "}" * 3000):
        csl = value_to_csl(deep)
        assert re.sub(r"<[^>]*>", "", csl) == "Deep title"
        assert 1 <= csl.count("</") <= MAX_GROUP_DEPTH  # the first levels are markup, deeper ones text


def test_protecting_capitals_after_a_long_run_without_letters() -> None:
    # the word pattern was retried from every character of a run with no letter (x4 per doubling)
    dots = "." * 300_000
    assert csl_to_value(f"{dots} NeRF {{x}}{dots}GANs", protect=True) == f"{dots} {{NeRF}} \\{{x\\}}{dots}{{GANs}}"
