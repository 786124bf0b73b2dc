"""Formatted citation lists: refkit.render through citeproc-py (with refkit's
fixes, each test naming the CSL rule) and pybtex, and the publication-list options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import refkit
from refkit.errors import FormatError
from refkit.model import Entry, Library
from refkit.readers.csljson import read as read_csl


def lib(*items: dict) -> Library:
    return read_csl(json.dumps(list(items)))


def one(style: str, *items: dict, **options: object) -> str:
    return refkit.render(lib(*items), style=style, **options)[0][1]


ARTICLE = {
    "id": "Smith2020",
    "type": "article-journal",
    "author": [{"family": "Smith", "given": "Jane Ann"}, {"family": "Doe", "given": "John"}],
    "title": "Deep learning for cats",
    "container-title": "Journal of Things",
    "volume": "12",
    "issue": "3",
    "page": "100-110",
    "issued": {"date-parts": [[2020]]},
    "DOI": "10.1000/xyz",
}
EDITED = {
    "id": "Ed1996",
    "type": "book",
    "editor": [{"family": "Bäck", "given": "Thomas"}, {"family": "Fukuda", "given": "T."}],
    "title": "Proceedings of the conference",
    "publisher": "IEEE Press",
    "issued": {"date-parts": [[1996]]},
}


# ---- API ----------------------------------------------------------------------------


def test_render_iterates_key_text_pairs_and_str_is_the_whole_list() -> None:
    bib = refkit.render(lib(ARTICLE, EDITED), style="apa")
    pairs = list(bib)
    assert [k for k, _ in pairs] == ["Ed1996", "Smith2020"]  # APA: alphabetical
    assert pairs[1][1] == "Smith, J. A., & Doe, J. (2020). Deep learning for cats. Journal of Things, 12(3), 100–110. https://doi.org/10.1000/xyz"
    assert str(bib) == "\n".join(t for _, t in pairs) + "\n"


def test_keys_differing_only_by_case_do_not_collide() -> None:
    a = dict(ARTICLE, id="smith2020", title="Lower-case key")
    bib = refkit.render(lib(ARTICLE, a), style="ieee")
    got = dict(bib)
    assert set(got) == {"Smith2020", "smith2020"}
    assert "Lower-case key" in got["smith2020"] and "Deep learning" in got["Smith2020"]


def test_missing_fields_still_render_with_style_fallbacks() -> None:
    text = one("apa", {"id": "x", "type": "article-journal", "title": "Only a title"})
    assert "n.d." in text and "Only a title" in text
    assert refkit.render(Library(), style="apa").items == ()


def test_bad_styles_are_format_errors(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="did you mean ieee"):
        refkit.render(lib(ARTICLE), style="iee")
    bad = tmp_path / "bad.csl"
    bad.write_text("<html>not csl</html>", encoding="utf-8")
    with pytest.raises(FormatError, match="not a valid CSL style"):
        refkit.render(lib(ARTICLE), style=str(bad))
    broken = tmp_path / "broken.csl"
    broken.write_text("<style", encoding="utf-8")
    with pytest.raises(FormatError, match="not well-formed"):
        refkit.render(lib(ARTICLE), style=str(broken))
    with pytest.raises(FormatError, match="unknown CSL locale 'xx-YY'"):
        refkit.render(lib(ARTICLE), locale="xx-YY")
    with pytest.raises(FormatError, match="unknown citation output format"):
        refkit.render(lib(ARTICLE), format="docx")


def test_style_by_path_and_alias() -> None:
    from refkit.styles import bundled_dir

    by_path = refkit.render(lib(ARTICLE), style=str(bundled_dir() / "ieee.csl"))
    assert by_path.items == refkit.render(lib(ARTICLE), style="ieee").items
    assert refkit.render(lib(ARTICLE), style="mla").items == refkit.render(lib(ARTICLE), style="modern-language-association").items


@pytest.mark.parametrize("style", ["apa", "ieee", "chicago-author-date", "modern-language-association", "harvard-cite-them-right", "nature", "american-medical-association", "acm-sig-proceedings", "american-physics-society", "elsevier-vancouver"])
def test_every_bundled_style_renders(style: str) -> None:
    text = one(style, ARTICLE)
    assert "Smith" in text and "Deep" in text


# ---- output formats -------------------------------------------------------------------


def test_formats_escape_data_and_mark_up_italics() -> None:
    item = dict(ARTICLE, title="R&D <at> 50% of *stars*_x")
    html = one("apa", item, format="html")
    assert "R&amp;D &lt;at&gt;" in html and "<i>Journal of Things</i>" in html
    md = one("apa", item, format="markdown")
    assert r"\*stars\*" in md and "*Journal of Things*" in md
    tex = one("apa", item, format="latex")
    assert r"R\&D" in tex and r"50\%" in tex and r"\textit{Journal of Things}" in tex
    assert "R&D <at>" in one("apa", item, format="text")
    rtf = str(refkit.render(lib(EDITED), style="apa", format="rtf"))
    assert rtf.startswith("{\\rtf1") and "B\\u228?ck" in rtf


def test_html_list_has_entry_ids() -> None:
    html = str(refkit.render(lib(ARTICLE), style="apa", format="html"))
    assert html.startswith('<div class="csl-bib-body">') and 'id="Smith2020"' in html


# ---- fixes for citeproc-py, one CSL rule each ----------------------------------------------


def test_text_case_title_applies_to_items_without_language() -> None:
    # CSL 1.0.2 "Text-case": no language = the style's (English); labels too: "(Eds.)"
    assert "(Eds.)" in one("apa", EDITED)
    assert "“Deep Learning for Cats.”" in one("chicago-author-date", ARTICLE)


def test_title_case_keeps_stop_words_acronyms_and_capitalizes_after_hyphens() -> None:
    item = dict(ARTICLE, title="multi-objective search in the NSGA-II world: a study of d’interprétation")
    text = one("chicago-author-date", item)
    assert "Multi-Objective Search in the NSGA-II World: A Study of d’interprétation" in text


def test_substituted_editors_are_not_repeated() -> None:
    # CSL 1.0.2 "Substitute": variables used as substitutes are suppressed later
    apa = one("apa", EDITED)
    assert apa.startswith("Bäck, T., & Fukuda, T. (Eds.). (1996).") and apa.count("Bäck") == 1
    chicago = one("chicago-author-date", EDITED)
    assert chicago.startswith("Bäck, Thomas, and T. Fukuda, eds. 1996.") and "Edited by" not in chicago


def test_initialize_false_keeps_given_names_and_abbreviations_are_kept() -> None:
    # CSL 1.0.2 "initialize": false keeps given names, formats existing initials
    item = dict(ARTICLE, author=[{"family": "Knowles", "given": "Joshua D."}, {"family": "Stepanov", "given": "Yu. A."}])
    assert one("chicago-author-date", item).startswith("Knowles, Joshua D., and Yu. A. Stepanov.")
    assert one("apa", item).startswith("Knowles, J. D., & Stepanov, Yu. A.")
    hyphens = dict(ARTICLE, author=[{"family": "Meyer", "given": "J.-A."}, {"family": "Sartre", "given": "Jean-Paul"}])
    assert one("chicago-author-date", hyphens).startswith("Meyer, J. A., and Jean-Paul Sartre.")
    assert one("apa", hyphens).startswith("Meyer, J.-A., & Sartre, J.-P.")


def test_second_field_align_separates_the_number() -> None:
    # CSL 1.0.2 "second-field-align": "[1] Author", not "[1]Author"
    assert one("ieee", ARTICLE).startswith("[1] J. A. Smith and J. Doe,")


def test_punctuation_in_quote_moves_only_at_seams_and_nests_quotes() -> None:
    # en-US locale option punctuation-in-quote; CSL "Quotes" nesting
    text = one("ieee", ARTICLE)
    assert "“Deep learning for cats,” Journal" in text
    nested = dict(ARTICLE, title="Erratum: “The diffusion of copper”")
    assert "“Erratum: ‘The Diffusion of Copper.’”" in one("chicago-author-date", nested)
    data_comma = dict(ARTICLE, **{"container-title": "“Mass transport”, ceramic transactions"})
    assert "“Mass Transport”, Ceramic" in one("apa", data_comma)  # the comma is data: it stays
    question = dict(ARTICLE, title="Does it work?")
    assert "“Does it work?,” Journal" in one("ieee", question)  # as citeproc-js
    assert "“Does It Work?” Journal" in one("chicago-author-date", question)
    assert "Does it work? Journal" in one("apa", question)


def test_group_with_only_a_term_from_the_branch_taken_is_suppressed() -> None:
    # CSL 1.0.2 "Group": suppressed when its variables are empty (APA thesis "(Publication)")
    thesis = {"id": "t", "type": "thesis", "genre": "PhD thesis", "author": [{"family": "Chugh", "given": "T."}], "title": "Handling problems", "publisher": "University X", "issued": {"date-parts": [[2017]]}}
    assert one("apa", thesis) == "Chugh, T. (2017). Handling problems [PhD thesis]. University X."


def test_sorting_uses_collation_and_ignores_punctuation() -> None:
    # CSL 1.0.2 "Sorting" with locale collation: Bäck before Butov, O’Keeffe before Ottosson
    items = [dict(ARTICLE, id=i, author=[{"family": f, "given": "A."}]) for i, f in (("b1", "Butov"), ("b2", "Bäck"), ("o1", "Ottosson"), ("o2", "O’Keeffe"), ("o3", "Okamoto"))]
    assert refkit.render(lib(*items), style="apa").keys() == ["b2", "b1", "o3", "o2", "o1"]


def test_non_dropping_particles_sort_as_the_style_says() -> None:
    # demote-non-dropping-particle="sort-only": "den Besten" sorts under B
    items = [
        dict(ARTICLE, id="besten", author=[{"family": "Besten", "non-dropping-particle": "den", "given": "M."}]),
        dict(ARTICLE, id="cole", author=[{"family": "Cole", "given": "A."}]),
        dict(ARTICLE, id="adams", author=[{"family": "Adams", "given": "A."}]),
    ]
    assert refkit.render(lib(*items), style="harvard-cite-them-right").keys() == ["adams", "besten", "cole"]


def test_year_suffixes_disambiguate_same_author_same_year() -> None:
    # CSL 1.0.2 "disambiguate-add-year-suffix"
    a = dict(ARTICLE, id="a", title="Alpha")
    b = dict(ARTICLE, id="b", title="Beta")
    texts = [t for _, t in refkit.render(lib(b, a), style="apa")]
    assert "(2020a). Alpha" in texts[0] and "(2020b). Beta" in texts[1]


def test_numeric_ranges_get_en_dashes_and_chicago16_page_ranges() -> None:
    item = dict(ARTICLE, issue="1-2", page="2582-2607")
    assert "12(1–2)" in one("apa", item)
    assert ": 2582–607." in one("chicago-author-date", item)  # page-range-format chicago-16
    assert "pp. 1–35" in one("modern-language-association", dict(ARTICLE, page="1-35"))


def test_trailing_literal_name_joins_without_delimiter() -> None:
    item = dict(EDITED, editor=[{"family": "Almeida", "given": "F."}, {"literal": "others"}])
    assert one("apa", item).startswith("Almeida, F. & others (Eds.).")


def test_sort_keys_have_no_and_term() -> None:
    # CSL sort keys compare names, not the "&" between them
    two = dict(ARTICLE, id="two", author=[{"family": "Deb", "given": "K."}, {"literal": "others"}])
    four = dict(ARTICLE, id="four", author=[{"family": "Deb", "given": "K."}, {"family": "Agarwal", "given": "S."}, {"family": "Pratap", "given": "A."}])
    assert refkit.render(lib(two, four), style="apa").keys() == ["four", "two"]


# ---- BibTeX styles -------------------------------------------------------------------------


@pytest.mark.parametrize("style", ["plain", "unsrt", "alpha", "abbrv"])
def test_bibtex_styles_through_pybtex(style: str) -> None:
    incomplete = {"id": "proc", "type": "paper-conference", "title": "No booktitle here", "issued": {"date-parts": [[2001]]}}
    bib = refkit.render(lib(ARTICLE, EDITED, incomplete), style=f"bibtex:{style}")
    assert len(bib) == 3
    text = dict(bib)["Smith2020"]
    assert text.startswith("[")
    if style == "abbrv":
        assert "J. A. Smith and J. Doe" in text
    else:
        assert "Jane Ann Smith and John Doe" in text
    if style == "unsrt":
        assert bib.keys() == ["Smith2020", "Ed1996", "proc"]
    assert "No booktitle here" in dict(bib)["proc"]


def test_bibtex_keys_with_case_differences() -> None:
    entries = [Entry("misc", "Key", {"title": "One", "year": "2020"}), Entry("misc", "key", {"title": "Two", "year": "2021"})]
    bib = refkit.render(Library.from_entries(entries), style="bibtex:plain")
    assert set(bib.keys()) == {"Key", "key"}


# ---- publication lists --------------------------------------------------------------------------


def people_list() -> Library:
    return Library.from_entries([
        Entry("article", "new", {"author": "Zhong, Zhihang and Li, Wei and Sun, Xiao", "title": "Newest work", "journal": "J. X", "year": "2024", "author+an": "1=equal; 2=equal; 3=corresponding", "doi": "10.1/new", "code": "https://github.com/x/y"}),
        Entry("inproceedings", "old", {"author": "Li, Wei and Zhong, Zhihang", "title": "Older work", "booktitle": "Proc. Y", "year": "2019", "eprint": "1901.00001", "archiveprefix": "arXiv"}),
        Entry("misc", "pre", {"author": "Zhong, Zhihang", "title": "A preprint", "year": "2024", "eprint": "2401.00002", "archiveprefix": "arXiv"}),
    ])


def test_year_sort_groups_numbering_highlight_markers_links() -> None:
    bib = refkit.render(people_list(), style="ieee", format="markdown", sort="year", group="year", numbering="desc", highlight="Zhihang Zhong", links=True)
    text = str(bib)
    assert text.index("## 2024") < text.index("## 2019")
    assert bib.keys() == ["pre", "new", "old"]  # year descending, then title
    assert "3. **Z. Zhong**" in text and "1. W. Li and **Z. Zhong**" in text
    assert "[1]" not in text  # the style's own numbers give way to the list's
    assert "**Z. Zhong**\\*, W. Li\\*, and X. Sun†" in text
    assert "[DOI](https://doi.org/10.1/new) | [Code](https://github.com/x/y)" in text
    assert "[arXiv](https://arxiv.org/abs/1901.00001)" in text


def test_group_by_type_and_highlight_in_latex_and_html() -> None:
    text = str(refkit.render(people_list(), style="apa", format="latex", group="type", highlight=["Zhihang Zhong"]))
    assert text.index("Journal Articles") < text.index("Conference Papers") < text.index("Preprints")
    assert r"\textbf{Zhong, Z.}" in text and r"\textsuperscript{\dag}" in text
    html = str(refkit.render(people_list(), style="apa", format="html", highlight="Zhihang Zhong", markers=False, numbering="asc"))
    assert "<b>Zhong, Z.</b>" in html and "†" not in html and '<span class="csl-left-margin">1.</span>' in html


def test_writer_registry_presets() -> None:
    md = refkit.write_string(lib(ARTICLE), "markdown", style="ieee")
    assert md.startswith("[1] J. A. Smith") and md.endswith("\n")
    assert refkit.write_string(lib(ARTICLE), "text").startswith("Smith, J. A.")


def test_unknown_render_option_is_an_error() -> None:
    with pytest.raises(refkit.OptionError, match=r"render\(\) got an unknown option 'colour'; valid options: format, group"):
        refkit.render(lib(ARTICLE), colour="red")  # type: ignore[call-arg]
    with pytest.raises(FormatError, match="unknown grouping"):
        refkit.render(lib(ARTICLE), group="venue")


def test_subsequent_author_substitute() -> None:
    # CSL 1.0.2 subsequent-author-substitute (MLA "———"), complete-all
    a = dict(ARTICLE, id="a", title="Alpha", author=[{"family": "Smith", "given": "Jane"}])
    b = dict(ARTICLE, id="b", title="Beta", author=[{"family": "Smith", "given": "Jane"}])
    c = dict(ARTICLE, id="c", title="Gamma", author=[{"family": "Smith", "given": "Jane"}, {"family": "Doe", "given": "J."}, {"family": "Roe", "given": "R."}])
    texts = [t for _, t in refkit.render(lib(a, b, c), style="mla")]
    assert texts[0].startswith("Smith, Jane. “Alpha.”")
    assert texts[1].startswith("———. “Beta.”") and texts[2].startswith("———. “Gamma.”")
    assert refkit.render(lib(a, b), style="apa")[1][1].startswith("Smith, J. (2020b)")  # other styles: no substitute


def test_date_ranges_show_shared_parts_once() -> None:
    # CSL 1.0.2 "Date Ranges": a range whose shown parts are equal is one date
    days = dict(EDITED, id="days", issued={"date-parts": [[2019, 11, 21], [2019, 11, 22]]})
    years = dict(ARTICLE, id="years", issued={"date-parts": [[2019], [2021]]})
    got = dict(refkit.render(lib(days, years), style="apa"))
    assert "(Eds.). (2019). Proceedings" in got["days"]
    assert "(2019–2021). Deep learning" in got["years"]
    assert dict(refkit.render(lib(days), style="ieee"))["days"].endswith("IEEE Press, 2019.")


def test_is_numeric_and_plural_labels_for_ranges_and_lists() -> None:
    # CSL 1.0.2 is-numeric / label plural="contextual": "vols. 251–254", "Nos. 91-016 Revised"
    vols = dict(ARTICLE, volume="251-254", issue=None)
    del vols["issue"]
    assert "vols. 251–254" in one("modern-language-association", vols)
    assert "vol. 12" in one("modern-language-association", ARTICLE)
    report = {"id": "r", "type": "report", "title": "The Ant System", "number": "91-016 Revised", "publisher": "Lab", "issued": {"date-parts": [[1991]]}, "author": [{"family": "Dorigo", "given": "M."}]}
    assert "(Nos. 91-016 Revised)" in one("apa", report)
    assert "(No. 7)" in one("apa", dict(report, number="7"))


def test_locale_option() -> None:
    text = one("chicago-author-date", ARTICLE, locale="de-DE")
    # terms, quotes and (CSL: items without a language are in the locale's
    # language) no English title case
    assert "Smith, Jane Ann, und John Doe. 2020. „Deep learning for cats“." in text


def test_substituted_title_is_suppressed_but_other_variables_stay() -> None:
    # CSL 1.0.2 "Substitute": only what the substitute rendered is suppressed
    proc = {"id": "p", "type": "book", "title": "Proceedings of the world congress", "publisher": "IEEE Press", "issued": {"date-parts": [[2022]]}}
    assert one("apa", proc) == "Proceedings of the world congress. (2022). IEEE Press."


def test_range_delimiter_term_and_dash_only_pages() -> None:
    # numeric ranges use the locale's page-range-delimiter (AMA: a hyphen)
    item = dict(ARTICLE, issue="1-2")
    assert "12(1-2):100-110" in one("american-medical-association", item)
    assert "12(1–2), 100–110" in one("apa", item)
    assert "pp. –" not in one("ieee", dict(ARTICLE, page="-")) and "–," not in one("ieee", dict(ARTICLE, page="-"))


def test_prefixed_page_ranges_and_page_first() -> None:
    # page-range-format minimal-two / chicago-16 drop a shared prefix; CSL "page-first"
    item = dict(ARTICLE, page="A131-A133")
    assert "pp. A131–33" in one("modern-language-association", item)
    assert "A131–A133" in one("apa", item)  # expanded keeps it
    assert " 12, C7 (2020)" in one("american-physics-society", dict(ARTICLE, page="C7-281-C7-294"))


def test_report_number_ranges_as_citeproc_js() -> None:
    # a numeric report number is a range ("91–016 Revised") unless a cs:label
    # ("Nos.") presents it, as citeproc-js renders it
    report = {"id": "r", "type": "report", "title": "The Ant System", "number": "91-016 Revised", "publisher": "Lab", "issued": {"date-parts": [[1991]]}, "author": [{"family": "Dorigo", "given": "M."}]}
    assert "91–016 Revised" in one("ieee", report)
    assert "(Nos. 91-016 Revised)" in one("apa", report)
