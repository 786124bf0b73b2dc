"""Markdown documents (refkit.readers.markdown): rendered by markdown-it-py and read
by the same item finder as HTML pages."""

from __future__ import annotations

import pytest

from refkit import readers
from refkit.model import Entry
from refkit.readers import markdown as reader


def by_title(source: str) -> dict[str, Entry]:
    return {e.get("title") or "": e for e in reader.read(source, path="index.md")}


README = """---
layout: page
title: Papers
---
{% include base_path %}
{{ site.description }}

# A package

A package for forest-based estimation. See the [docs](https://example.org/docs).

### Installation

```R
install.packages("pkg")
```

### Talks

- Jane Roe. Forests for everyone. Invited talk, Example University, 2021.

### References

Susan Athey and Stefan Wager.
<b>Estimating Treatment Effects with Causal Forests: An Application.</b>
<i>Observational Studies</i>, 5, 2019.
[<a href="https://doi.org/10.1353/obs.2019.0001">paper</a>,
<a href="https://arxiv.org/abs/1902.07409">arxiv</a>]

Susan Athey, Julie Tibshirani and Stefan Wager.
<b>Generalized Random Forests.</b> <i>Annals of Statistics</i>, 47(2), 2019.
[<a href="https://arxiv.org/abs/1610.01271">arxiv</a>]
"""


def test_readme_references_with_raw_html_markup() -> None:
    found = by_title(README)
    assert list(found) == ["Estimating Treatment Effects with Causal Forests: An Application", "Generalized Random Forests"]
    first = found["Estimating Treatment Effects with Causal Forests: An Application"]
    assert [n.family for n in first.names()] == ["Athey", "Wager"]
    assert first.get("journal") == "Observational Studies" and first.get("year") == "2019"
    assert first.get("doi") == "10.1353/obs.2019.0001" and first.get("eprint") == "1902.07409"
    # the entry points at the Markdown source line, not a line of the rendered HTML
    assert first.location.line == 24 and first.location.path == "index.md"


LIST = """## Published Research

- E. Riehl and D. Verity, [On the construction of limits and colimits in &infin;-categories](https://example.org/c.pdf),
  *Theory Appl. Categ.* 35 (2020), no. 30, 1101&ndash;1158, [arXiv:1808.09835](https://arxiv.org/abs/1808.09835)
- **J. Roe**, A. Smith. *Dark matter in dwarf galaxies*. The Astrophysical Journal, 880(2):12, 2019.
    [PDF](https://example.org/roe19.pdf)

## Teaching

- Category theory, Example University, 2020.
"""


def test_list_items_entities_and_links() -> None:
    found = by_title(LIST)
    assert list(found) == ["On the construction of limits and colimits in ∞-categories", "Dark matter in dwarf galaxies"]
    first = found["On the construction of limits and colimits in ∞-categories"]
    assert first.get("eprint") == "1808.09835" and first.get("pages") == "1101--1158"
    second = found["Dark matter in dwarf galaxies"]
    # an indented continuation line is part of its item, never a code block
    assert second.get("pdf") == "https://example.org/roe19.pdf"
    assert second.get("author+an") == "1=highlight"
    assert second.provenance["title"].source == "markdown"


def test_raw_html_card_indented_after_a_blank_line_is_read_as_html() -> None:
    doc = """## Publications

<div class="paper">

    <b>Learning to rank things.</b><br>
    Ann Smith, Bob Doe.<br>
    <i>Journal of Ranking</i>, 2021.

</div>
"""
    entries = reader.read(doc).entries
    assert [(e.get("title"), e.get("journal"), e.get("year")) for e in entries] == [("Learning to rank things", "Journal of Ranking", "2021")]


def test_sniff_by_content_and_extension() -> None:
    assert reader.sniff("# Papers\n\n- [A title](https://example.org), 2020\n") > readers.reader("text").sniff("x")
    assert reader.sniff("EDUCATION\n---------\n - Ph.D., 2011\n") == 0.0  # plain text with underlines
    assert readers.sniff("<p>cards</p>" * 30, "index.md") == "markdown"
    assert readers.sniff("@article{k, title={T}}\n", "refs.md") != "markdown" or reader.sniff("@article{k}") == 0.0
    assert readers.reader("md").__name__ == "refkit.readers.markdown"


def test_odd_inputs_give_no_traceback() -> None:
    for doc in ("<div>\na", "[1]\n-", "", "   \n", "#", "- \n- [", "<table><tr><td>" * 50, "```\nunclosed", "[x]: <"):
        reader.read(doc)


MARKDOWN_CV = """\ufeff# Jane Roe

## Education

- Ph.D. in Physics, Example University, 2015
- B.Sc. in Physics, Other University, 2010

## Publications

### Journal Articles

1. **J. Roe**, A. Smith, and B. Jones. *Dark matter in dwarf galaxies*. The Astrophysical Journal, 880(2):12, 2019.
   [PDF](https://example.org/roe19.pdf) [Code](https://github.com/roe/dm) [arXiv](https://arxiv.org/abs/1901.01234)
2. A. Smith\\*, **J. Roe**\\*. Stellar streams as probes of the halo. MNRAS 500, 1–20 (2021). doi:10.1093/mnras/staa3000

### Preprints

- C. Doe, J. Roe. Tidal tails near the Sun. arXiv:2301.04567 (2023). Under review.

## Project

- **HaloKit: an open-source toolkit** (1k stars)
Main members: Jane Roe, Carl Doe

## Awards

- Best Thesis Award, Example University, 2015
"""


def test_markdown_cv_sections_markup_and_links() -> None:
    found = by_title(MARKDOWN_CV)
    assert list(found) == ["Dark matter in dwarf galaxies", "Stellar streams as probes of the halo", "Tidal tails near the Sun"]
    first = found["Dark matter in dwarf galaxies"]
    assert [n.family for n in first.names()] == ["Roe", "Smith", "Jones"]
    assert first.get("author+an") == "1=highlight"
    assert first.get("journal") == "The Astrophysical Journal"
    assert (first.get("volume"), first.get("number"), first.get("pages"), first.get("year")) == ("880", "2", "12", "2019")
    assert first.get("pdf") == "https://example.org/roe19.pdf" and first.get("code") == "https://github.com/roe/dm"
    assert first.get("eprint") == "1901.01234"
    second = found["Stellar streams as probes of the halo"]
    assert second.get("doi") == "10.1093/mnras/staa3000" and second.get("journal") == "MNRAS"
    assert second.get("author+an") == "1=equal; 2=equal,highlight"
    third = found["Tidal tails near the Sun"]
    assert third.type == "misc" and third.get("pubstate") == "submitted" and third.get("eprint") == "2301.04567"
    assert first.provenance["title"].source == "markdown"
    assert first.location.path == "index.md" and first.location.line == 12


PLAIN_CV = """Publications
============

First-Authored Papers:

- [1] Boosting Image Reconstruction from Spike Fluctuations
Rui Zhao, Ruiqin Xiong, Jing Zhao
IEEE/CVF Conference on Computer Vision and Pattern Recognition (**CVPR**) 2024 (**CCF-A**)
Intro: Analyzing statistics of spikes.
- [2] Optical Flow Estimation Between Images of Different Resolutions
Rui Zhao, Ruiqin Xiong, and Wen Gao
IEEE International Conference on Visual Communications and Image Processing (**VCIP**) 2020

Intro: Proposing an energy function.

Co-Authored Papers:

- High Dynamic Range Imaging Based on Multi-Level Spike Camera
Zhenkun Zhu, Ruiqin Xiong, [Rui Zhao](#), and Tiejun Huang
IEEE Transactions on Circuits and Systems for Video Technology (**TCSVT**) (**CCF-B, SCI Q1, IF=8.4**)

Awards

- National Scholarship 2019
"""


def test_plain_text_cv_with_multi_line_items() -> None:
    found = by_title(PLAIN_CV)
    assert list(found) == [
        "Boosting Image Reconstruction from Spike Fluctuations",
        "Optical Flow Estimation Between Images of Different Resolutions",
        "High Dynamic Range Imaging Based on Multi-Level Spike Camera",
    ]
    hdr = found["High Dynamic Range Imaging Based on Multi-Level Spike Camera"]
    assert [n.family for n in hdr.names()] == ["Zhu", "Xiong", "Zhao", "Huang"]
    assert hdr.get("journal") == "IEEE Transactions on Circuits and Systems for Video Technology (TCSVT)"
    assert hdr.get("year") is None and hdr.type == "article"
    assert found["Boosting Image Reconstruction from Spike Fluctuations"].get("booktitle") == (
        "IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)"
    )


def test_markdown_table_rows_are_items() -> None:
    doc = """## Publications

| Year | Title | Authors | Venue |
|------|-------|---------|-------|
| 2021 | Learning to rank things | A. Smith, B. Doe | Journal of Ranking |
| 2020 | Ranking more things | A. Smith | NeurIPS |
"""
    entries = reader.read(doc)
    assert [(e.get("title"), e.get("year")) for e in entries] == [("Learning to rank things", "2021"), ("Ranking more things", "2020")]
    assert entries.entries[1].type == "inproceedings"




def test_one_failing_item_is_a_warning(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from refkit.extraction import citation

    real = citation.parse_segment

    def flaky(segment, **options):  # type: ignore[no-untyped-def]
        if "Stellar streams" in segment.text:
            raise IndexError("list index out of range")
        return real(segment, **options)

    monkeypatch.setattr(citation, "parse_segment", flaky)
    lib = reader.read(MARKDOWN_CV, path="cv.md")
    assert [e.get("title") for e in lib.entries] == ["Dark matter in dwarf galaxies", "Tidal tails near the Sun"]
    [problem] = lib.problems
    assert problem.code == "RK191" and problem.severity == "warning" and str(problem.location) == "cv.md:14"


def test_issue_9_inputs_read_without_traceback() -> None:
    # small sizes of the reproducers: the Markdown heading pattern, bullets of spaces, brackets
    for doc in ("# a" + " " * 2000 + "b\n", "- 2020" + " " * 2048 + "Doe, J. A title. Journal.\n",
                "[" * 2000 + "]" * 2000, "<div>\na", "[1]\n-", "*" * 3000, "> " * 2000 + "x", "<dl><dd>" * 500):
        reader.read(doc)
    doc = "## Papers\n\n- Doe, J. (2020). A title here. *Journal of Things*.\n- Roe, K. (2019). Another title. *Journal of Things*.\n\n"
    assert [e.get("title") for e in reader.read(doc + "#" * 7 + " " * 3000 + "x\n")] == ["A title here", "Another title"]


CONFERENCIAS = """# Publicaciones

## Artículos en revistas

**Un estudio de ríos y sedimentos**
Pérez, J., Gómez, A.
_Revista de Ejemplos_, 12(3), 45-67, 2021

## Conferencias Internacionales

### EXCONF 12 (2022)

**A second study of rivers and sediments**
Pérez, J., Roe, A.
_12th Example Symposium on Rivers (EXCONF 12)_, pp. 101-106, 2022

# Charlas

- Pérez, J. Ríos y datos para todos. Charla invitada, Universidad Ejemplo, 2023.
"""


def test_conference_section_under_publications_holds_papers() -> None:
    """"Conferencias" names papers or talks; under "Publicaciones" it holds papers."""
    assert list(by_title(CONFERENCIAS)) == ["Un estudio de ríos y sedimentos", "A second study of rivers and sediments"]


CONFERENCES_ALONE = """## Conferences

- J. Roe and A. Poe. Rivers of data. In: Proceedings of the Example Symposium, pp. 1-4, 2020.
- J. Roe, "Rivers of data for everyone," invited talk at Example University, June 4, 2020.
- J. Roe and A. Poe, "Sediment budgets," poster at the Example Assembly, Vienna, May 3, 2019.
"""


def test_conference_section_alone_keeps_its_printed_papers_not_its_talks() -> None:
    assert list(by_title(CONFERENCES_ALONE)) == ["Rivers of data"]


TYPED_BY_HEADINGS = """# Publicações

## Capítulos de livro

- Silva, J. (2019). Rios e cidades. Em: Souza, M. (org.), *Águas urbanas*, Editora Exemplo, 45-67.

## Teses e Dissertações

- Silva, J. (2017). Instituições e rios: um estudo de caso. Universidade Exemplo.
"""


def test_section_headings_imply_the_type_of_items_that_do_not_show_it() -> None:
    entries = by_title(TYPED_BY_HEADINGS)
    assert entries["Instituições e rios: um estudo de caso"].type == "phdthesis"
    assert entries["Instituições e rios: um estudo de caso"].get("school") == "Universidade Exemplo"


def test_heading_per_paper_with_a_short_venue_year_and_no_authors() -> None:
    # a project page: each paper is a heading, a line "Presented at VENUE 'YY (pdf, bib)"
    # and a paragraph about it; the project is the implied author
    doc = """# Papers

## Lazy Arrays for Stream Fusion

Presented at [IFL '21](https://example.org/ifl21) ([pdf](papers/ifl21.pdf), [bib](papers/ifl21.bib))

We describe how lazy arrays let the compiler fuse streams. This paper is an
extended version of a workshop talk.

## Region Inference for a Small Language

Presented at [TFP '19](https://example.org/tfp19) ([pdf](papers/tfp19.pdf), [bib](papers/tfp19.bib))

This paper shows that regions can be inferred for a small language.
"""
    got = [(e.get("title"), e.get("year"), e.get("author")) for e in reader.read(doc)]
    assert got == [("Lazy Arrays for Stream Fusion", "2021", None), ("Region Inference for a Small Language", "2019", None)]


PAPERS_AND_PATENTS = """## Publications and Patents

1. J. Roe and A. Poe. Counting rivers with sound. *Example Letters* 4, 12-19 (2020).
2. J. Roe and A. Poe. Method and device for counting rivers. US Patent 10,123,456 B2, 2019.
"""


def test_a_patent_listed_among_papers_is_not_an_entry() -> None:
    assert list(by_title(PAPERS_AND_PATENTS)) == ["Counting rivers with sound"]


def test_a_reference_list_written_as_footnote_definitions_gives_one_entry_each() -> None:
    # MyST/Pandoc documentation pages cite with [^label] and define the references
    # as footnotes, continuation lines indented
    from refkit.readers import markdown as md_reader

    source = """# About

Tidal flats trap sand[^okafor2019] and mangroves damp waves[^vance2018].

## References

[^okafor2019]: Okafor, Nneka, and Luis Ibarra.
    "Tidal Channels as Sediment Traps." Coastal Dynamics 7 (2019): 1-9.

[^vance2018]: Vance P, Okafor N. Mangrove roots and wave damping.
   Estuarine Letters. 2018;6:11-20.
[^sandbars]: Okafor, N. (2016). Sand bars at river mouths. *Coastal Dynamics*, 4, 9-12.
"""
    entries = md_reader.read(source).entries
    assert [e.get("title") for e in entries] == [
        "Tidal Channels as Sediment Traps", "Mangrove roots and wave damping", "Sand bars at river mouths"]
    assert [e.get("year") for e in entries] == ["2019", "2018", "2016"]
    assert all("^" not in (e.get("title") or "") + " ".join(n.family or "" for n in e.names()) for e in entries)


def test_papers_spread_over_nested_lists_title_headings_and_paragraphs() -> None:
    nested = """# Publications

- **Counting sheep in the dark: a field study**
  - Jane Doe, John Roe and Li Wei
  - *Journal of Sleep Studies*, 12(3):45–67, 2021
  - Presented at the Sleep Conference, Oslo, 2020
- **Rivers that run uphill**
  - Jane Doe and Omar Haddad
  - *Water Letters*, 3:1–9, 2019
"""
    headed = """# Publications

### Counting sheep in the dark: a field study
Jane Doe, John Roe and Li Wei

*Journal of Sleep Studies*, 12(3):45–67, 2021

Abstract: We counted sheep on twelve farms in 2019 and 2020 and show that counting is hard.

### Rivers that run uphill
Jane Doe and Omar Haddad

*Water Letters*, 3:1–9, 2019
"""
    spaced = """# Publications

**Counting sheep in the dark: a field study**

Jane Doe, John Roe and Li Wei

*Journal of Sleep Studies*, 12(3):45–67, 2021

**Rivers that run uphill**

Jane Doe and Omar Haddad

*Water Letters*, 3:1–9, 2019
"""
    for doc in (nested, headed, spaced):
        entries = reader.read(doc).entries
        assert [e.get("title") for e in entries] == ["Counting sheep in the dark: a field study", "Rivers that run uphill"]
        assert [e.get("year") for e in entries] == ["2021", "2019"]
        assert [[n.family for n in e.names("author")] for e in entries] == [["Doe", "Roe", "Wei"], ["Doe", "Haddad"]]


def test_papers_in_review_or_in_progress_are_entries() -> None:
    text = """# Research output

Okafor, N., & Lindqvist, B. Tidal flats under sea-level rise. *Estuarine Science*. In review.

Lindqvist, B., & Okafor, N. Mangrove carbon in drowned valleys (in revision).

Okafor, N., & Lindqvist, B. (2019). Salt marsh accretion rates. *Coastal Dynamics*, 4, 1-9.
"""
    entries = reader.read(text, path="cv.md").entries
    titles = [e.get("title") or "" for e in entries]
    assert len(entries) == 3 and titles[1].startswith("Mangrove carbon in drowned valleys")


def test_title_headings_with_paper_links_under_a_heading_of_no_known_words() -> None:
    # each paper a heading, its venue and its PDF/BibTeX links; the heading above them is in
    # no language the section words know: the structure alone says these are papers
    papers = [("Tiling sparse tensors for cache reuse", "SPAA '21", "spaa21"),
              ("Lazy evaluation of stencil pipelines", "CGO '20", "cgo20"),
              ("A cost model for fused array loops", "LCPC '19", "lcpc19")]
    body = "".join(
        f"## {title}\n\nShown at [{venue}](https://example.org/{key}) ([pdf](papers/{key}.pdf), [bib](papers/{key}.bib))\n\n"
        f"We describe how the compiler decides this, and what it costs at run time.\n\n"
        for title, venue, key in papers
    )
    listed = "".join(f"- R. Okoye, T. Baum. Register pressure study {n}. *Journal of Compilers*, {n}(2), 2018.\n" for n in (1, 2, 3))
    text = f"# Ollokirja\n\nOur work so far.\n\n{body}# Muut\n\n{listed}"
    entries = reader.read(text, path="papers.md").entries
    assert [e.get("title") for e in entries][:3] == [t for t, _, _ in papers]
    assert all((e.get("pdf") or "").endswith(".pdf") for e in entries[:3]) and len(entries) == 6


def test_undated_papers_shaped_like_their_dated_neighbours() -> None:
    text = """# Forskning

**Oyelaran, T.**, K. Bryn. 2021. *Rainfall shocks and school attendance.* Journal of Rural Studies, 4.

Bryn, K., **T. Oyelaran**. 2019. *Market access and crop choice in the Sahel.* Food Policy 7.

**Oyelaran, T.**, M. Castel. *Insurance take-up after a drought year.*

Castel, M., **T. Oyelaran**. *Migration networks and remittance timing.*

I also teach *development economics for first-year students* every spring.
"""
    entries = reader.read(text, path="cv.md").entries
    assert [e.get("title") for e in entries][2:] == ["Insurance take-up after a drought year", "Migration networks and remittance timing"]


def test_a_dash_run_repeats_the_authors_above() -> None:
    text = ("# Publications\n\n"
            "- Ortiz, Ana. “Heat Flow in Thin Films.” *Ice Physics* 4 (2019): 1–9.\n"
            "- ———. “Cold Flow in Thick Films.” *Ice Physics* 5 (2020): 10–19.\n")
    entries = list(reader.read(text).entries)
    assert [[n.family for n in e.names()] for e in entries] == [["Ortiz"], ["Ortiz"]]


def test_undated_html_cards_in_markdown_are_entries() -> None:
    card = """<div class='pub-card'><div class='pub-text' markdown="1">

<b>{title}</b>. <a href="https://example.org/{key}">[Web]</a><br>
Mei Tanaka, `Arjun Rao`, Lucia Ferri. <br>
**Optica Letters** (under way)<br>

</div>
</div>
"""
    text = ("# 论文\n\n" + card.format(title="Wavefront shaping through thick tissue", key="a")
            + card.format(title="Holograms from a scattering layer", key="b")
            + "\n- M. Tanaka, A. Rao. Phase retrieval in fibres. **Optica**, 2021, 8(2): 1-9.\n"
            + "- A. Rao, M. Tanaka. Speckle statistics of lasers. **Optics Express**, 2019, 27: 4-8.\n")
    entries = reader.read(text, path="index.md").entries
    titles = [e.get("title") for e in entries]
    assert titles[:2] == ["Wavefront shaping through thick tissue", "Holograms from a scattering layer"] and len(entries) == 4


CV_WITHOUT_HEADINGS = """Zofia Marek, hydrologist.

Marek, Z., Lund, P. (2021). Snowmelt timing in small alpine catchments. *Hydrology Letters*, 12(3), 201-214.

Lund, P., Marek, Z. (2019). Gauging ungauged streams with citizen photos. *Water Resources Examples*, 55, 1-12.

Marek, Z. (2017). Infiltration after wildfire. *Catchment Science*, 8(2), 33-41.

Marek, Z., Lund, P. (2022). Snowmelt timing revisited. Alpine Water Days, Innsbruck (Austria). **Oral presentation**.

Marek, Z. (2021). Photos as stream gauges. Hydrology Assembly, Vienna (Austria). **Poster**.

Marek, Z., Okoye, C. (2020). Fire and soil water. Mountain Science Forum, Davos (Switzerland). **Oral presentation, speaker**.

Marek, Z. (2020). riverphoto: stage from photos [R package version 0.2.1]. https://example.org/riverphoto

Marek, Z., Lund, P. Method for reading stage from images. U. S. Patent Application 63/123,456 (2022).
"""


def test_a_cv_without_headings_keeps_its_papers_not_its_talks_code_or_patents() -> None:
    # the section headings are lost (or in words we do not know): the talks are a run of
    # items that say they were presented, the package and the patent say what they are
    assert list(by_title(CV_WITHOUT_HEADINGS)) == [
        "Snowmelt timing in small alpine catchments", "Gauging ungauged streams with citizen photos", "Infiltration after wildfire"]


def test_citations_between_paragraphs_of_a_research_statement() -> None:
    # a research statement under "Research Interests": prose per topic, then each of the
    # author's papers as one whole-link paragraph; the papers are entries, the prose is not
    doc = """# Research Interests

## Tides: how do they shape coastal towns?

My work asks how the tides of a small sea shape the towns on its coast, and what the
towns remember of them. I draw on archives and on interviews with fishing families.

[Ortega, Lucia (2021). “Tides of the inner sea,” Coastal Review, 34(1), 102-124.](https://example.org/rec/ORT-1)

[Ortega, Lucia and Pedro Mendes (2018). "Harbours that moved," Journal of Coastal History, 12(3): 45-60.](https://example.org/rec/ORT-2)

[Ortega, Lucia (2016). *Salt and Memory: Fishing Towns of the South.* Harbour Press.](https://example.org/rec/ORT-3)

# Contact

Write to me at the Department of History, 12 Quay Street (2019 onwards).
"""
    entries = reader.read(doc).entries
    assert [e.get("title") for e in entries][:2] == ["Tides of the inner sea", "Harbours that moved"]
    assert [e.get("year") for e in entries] == ["2021", "2018", "2016"][: len(entries)]
    assert len(entries) == 3
    assert [e.get("journal") for e in entries[:2]] == ["Coastal Review", "Journal of Coastal History"]


def test_a_year_list_marker_dates_its_item() -> None:
    found = by_title("## Before 2016\n\n"
                     "- 2015. Ana Lopes, Jean Martin. [Land use change seen through soil thin sections](papers/lopes15.pdf). *Geoderma*.\n\n"
                     "- 2013. Paul Weber, Eva Roth.[Counting beetles in wet forests](papers/weber13.pdf). *Insect Ecology*\n")
    assert {t: e.get("year") for t, e in found.items()} == {
        "Land use change seen through soil thin sections": "2015", "Counting beetles in wet forests": "2013"}


def test_a_link_that_holds_the_whole_citation_is_read_as_a_citation() -> None:
    source = (
        "## Papers using the package\n\n"
        "* [Okafor AB, Lindqvist T, and Moreau C (2019) Mapping river otters along a dammed valley. _Aquatic Mammals_, **12**: 40--51.](https://doi.org/10.1000/otter.1)\n"
        "* [Brandt P and Iyer S (2021). Seed banks under drought: a regional survey. _Plant Ecology Letters_, **3**: 7--19.](https://doi.org/10.1000/seed.2)\n"
        "* [Castillo R, Novak J, Osei K, and Tanaka M (2020) Planning corridors for migrating deer. _Landscape Notes_, **8**: e120.](https://doi.org/10.1000/deer.3)\n"
    )
    entries = by_title(source)
    assert set(entries) == {
        "Mapping river otters along a dammed valley",
        "Seed banks under drought: a regional survey",
        "Planning corridors for migrating deer",
    }
    seed = entries["Seed banks under drought: a regional survey"]
    assert (seed.get("year"), seed.get("journal")) == ("2021", "Plant Ecology Letters")
    assert seed.get("author") == "Brandt, P and Iyer, S"


def test_a_request_to_cite_heads_the_citations_below_it() -> None:
    # "If you use this software, please cite:" names what follows: citations, not software
    doc = ("# tidewater\n\nIf you use this software, please cite:\n\n"
           "Lind, P., & Haddad, N. 2021. Tidewater: fast harmonic tide prediction. *Journal of Open Tools*, 6(58): 3012.\n\n"
           "Haddad, N. 2014. A field guide to measuring bank erosion with drones. *Geomorphology Notes*, 3(1): 1–20.\n")
    titles = [e.get("title") for e in reader.read(doc).entries]
    assert titles == ["Tidewater: fast harmonic tide prediction", "A field guide to measuring bank erosion with drones"]


def test_titles_of_a_hard_wrapped_list_run_over_their_line_breaks() -> None:
    from tests.markup.test_markdown import WRAPPED

    titles = sorted(by_title(WRAPPED))
    assert titles == [
        "A field guide to the faults of a small mountain range in the dry interior, with maps drawn from new aerial photographs",
        "Drainage Patterns of Young Volcanic Islands: Constraints From River Profiles and Cosmogenic Nuclides in the Western Pacific",
        "Terraces of the Northern Coast: What They Tell About Uplift Rates Along the Plate Margin",
    ]


HEADED_TITLES = """# Publications of the library

## Heat

### Pumps

#### Sizing ground-source heat pumps for small schools with a simple model
Doe, Ann; Roe, Bo (2014)
In: Proceedings of the Heat Conference, March 3-5, 2014, Lund, Sweden, Pages: 12-19
DOI: 10.5555/heat.2014.1

#### A library of pipe models for district networks
Roe, Bo; Lind, Kai; Doe, Ann (2019)
In: Energy and Pipes, Volume 5, Pages: 100-110
DOI: 10.5555/pipes.2019.5

#### Not published yet
Only an internal report for now.

## Walls

#### Moisture in walls: a dynamic model compared with measurements in two houses
Lind, Kai; Doe, Ann (2021). In: Proceedings of the Wall Symposium (WS 2020),
Lyon, France, May 4-6 2020. DOI: 10.5555/ws.2020.7
"""


def test_headings_that_are_titles_over_a_byline_with_two_dates() -> None:
    # each "####" heading is a paper's title; the block under it names the authors once and
    # may show two dates (the year, the meeting's date); a heading over a note is no paper
    found = by_title(HEADED_TITLES)
    assert sorted(found) == [
        "A library of pipe models for district networks",
        "Moisture in walls: a dynamic model compared with measurements in two houses",
        "Sizing ground-source heat pumps for small schools with a simple model",
    ]
    first = found["Sizing ground-source heat pumps for small schools with a simple model"]
    assert [n.family for n in first.names()] == ["Doe", "Roe"] and first.get("year") == "2014"
    assert found["Moisture in walls: a dynamic model compared with measurements in two houses"].get("doi") == "10.5555/ws.2020.7"


def test_a_lead_in_ending_in_a_colon_is_no_part_of_the_citation_below_it() -> None:
    # a README's sentence announcing a one-item list ("please cite the following paper:") is
    # neither its title nor a heading that titles it, whether or not the sentence holds a link
    doc = ("# riverflow\n\n## Citation\n\n"
           "If you use riverflow, please cite the following paper ([BibTeX](CITATION.bib)):\n\n"
           "- Okafor AB, Lind P. Fast routing of flood waves on sparse grids, [Hydrology Letters](https://doi.org/10.1000/hl.7) 12, 40-51 (2021)\n\n"
           "A longer paper on the newer solvers is in preparation.\n\n"
           "## Papers that use it\n\n"
           "Work that builds on riverflow (tell us about yours):\n\n"
           "- Brandt P, Iyer S. Seed banks under drought: a regional survey, Plant Ecology Letters 3, 7-19 (2022)\n\n"
           "Si vous utilisez ce logiciel, merci de citer :\n\n"
           "1. Moreau C, Novak J. Planning corridors for migrating deer, Landscape Notes 8, e120 (2020)\n")
    titles = [e.get("title") for e in reader.read(doc).entries]
    assert titles == ["Fast routing of flood waves on sparse grids", "Seed banks under drought: a regional survey",
                      "Planning corridors for migrating deer"]


def test_a_paper_written_a_paragraph_per_line_with_its_names_alone() -> None:
    # names, title and venue each a paragraph of their own: the names are the paper's authors,
    # never its title, and the title is never the venue of an item made of the names
    doc = ("# Publications\n\n"
           "Jane Doe, Li Wei and Omar Haddad\n\nLearning to count sheep in the dark with sparse sensors\n\n"
           "Journal of Sheep Studies, 12(3), 2021.\n\n"
           "Ann Roe and Jane Doe\n\nA second paper about the nature of fences and gates\n\n"
           "Proceedings of the Fence Conference, 2019.\n\n"
           "Jane Doe\n\nOn the third thing that happens in rural settings\n\nRural Review, 2018.\n")
    found = by_title(doc)
    assert sorted(found) == ["A second paper about the nature of fences and gates",
                             "Learning to count sheep in the dark with sparse sensors",
                             "On the third thing that happens in rural settings"]
    first = found["Learning to count sheep in the dark with sparse sensors"]
    assert [n.family for n in first.names()] == ["Doe", "Wei", "Haddad"] and first.get("year") == "2021"
    assert first.get("journal") == "Journal of Sheep Studies"
