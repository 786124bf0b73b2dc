"""Pandoc/knitr/kramdown Markdown extensions (refkit.markup.pandoc) are removed line
for line before the Markdown reader parses the page."""

from __future__ import annotations

from refkit import readers
from refkit.markup.pandoc import evidence, preprocess
from refkit.readers import markdown

RMD = """---
title: "Publications"
output: html_document
bibliography: refs.bib
---

```{r setup, include=FALSE}
knitr::opts_chunk$set(echo = FALSE)
pubs <- "Doe, J. (2019). Not shown. Journal of R, 1."
```

## Journal articles {#journals .unnumbered}

::: {.pubs}
2021 - [Learning to rank things](https://doi.org/10.1000/rank.2021){target="_blank"}. *Journal of Ranking*, 12(3), 1-9.

2020 - [Ranking more things]{.smallcaps}. *Machine Learning Letters*, 3, 10-20 [@doe2020; see @roe2019, p. 3].
:::

\\newpage

We have `r nrow(pubs)` papers.
"""


def test_extensions_are_removed_and_lines_kept() -> None:
    out = preprocess(RMD)
    assert out.count("\n") == RMD.count("\n")
    for gone in ("knitr", "Not shown", "{#journals", ":::", "{target=", "{.smallcaps}", "@doe2020", "\\newpage", "nrow"):
        assert gone not in out, gone
    assert "## Journal articles\n" in out
    assert "[Learning to rank things](https://doi.org/10.1000/rank.2021). *Journal" in out
    assert '2020 - <span class="smallcaps">Ranking more things</span>. *Machine' in out


def test_a_bracketed_span_keeps_its_class_names_as_an_html_span() -> None:
    # the page's own names for its parts ("pub-title") reach the item finder; ids and
    # key=value attributes (even one whose quoted value holds a dot) do not
    out = preprocess('- [Grazing and soil carbon]{.pub-title #p1 note="see .x"} (with K. Brandt)\n'
                     '  [*Rangeland Letters*, 4 (2019)]{lang=en}')
    assert out == ('- <span class="pub-title">Grazing and soil carbon</span> (with K. Brandt)\n'
                   '  *Rangeland Letters*, 4 (2019)')


def test_ordinary_markdown_is_untouched() -> None:
    text = ("- [A link](https://x.org) and [1] and [x]: y\n- mail me@x.org [at @home](https://y.org)\n"
            "```python\n{.not-attrs}\n```\n`code {x}`{.py}\n")
    assert preprocess(text) == text.replace("`{.py}", "`")


def test_rmd_entries() -> None:
    entries = markdown.read(RMD).entries
    assert [e.get("title") for e in entries] == ["Learning to rank things", "Ranking more things"]
    assert entries[0].get("doi") == "10.1000/rank.2021"
    assert entries[0].location.line == 15


def test_rmd_and_qmd_route_to_markdown() -> None:
    assert evidence(RMD) >= 2
    assert readers.sniff(RMD) == "markdown"
    assert readers.sniff("A. Doe. A title. 2020.\n", path="cv.Rmd") == "markdown"
    assert readers.sniff("A. Doe. A title. 2020.\n", path="cv.qmd") == "markdown"


FOOTNOTES = """(refs)=

# About the tool

The method was first described elsewhere[^mora2019] and extended later[^li2021].

## References

[^mora2019]: Mora, Lucia, and Peter Quast.
   "Counting birds by their songs." Journal of Field Acoustics 12 (2019): 33-41.
   <https://doi.org/10.1000/jfa.2019.33>

[^li2021]: Li, Wen, et al.
    "Sparse song models for small devices."
    Applied Sound Letters 4, no. 2 (2021): 7-15.
"""


def test_footnote_definitions_become_one_numbered_list() -> None:
    out = preprocess(FOOTNOTES)
    assert out.count("\n") == FOOTNOTES.count("\n")
    assert "[^" not in out and "(refs)=" not in out
    assert "described elsewhere and extended later." in out
    assert "\n1. Mora, Lucia, and Peter Quast.\n   \"Counting birds" in out
    assert "\n1. Li, Wen, et al.\n" in out
    fenced = "```\n[^x]: kept in code\n```\n"
    assert preprocess(fenced) == fenced


def test_footnote_reference_list_entries() -> None:
    entries = markdown.read(FOOTNOTES).entries
    assert [e.get("title") for e in entries] == ["Counting birds by their songs", "Sparse song models for small devices"]
    assert entries[0].get("doi") == "10.1000/jfa.2019.33"
    assert entries[0].location.line == 9
    assert [n.family for n in entries[0].names()] == ["Mora", "Quast"]


RAW_TEX = """---
name: Ana Ruiz
output: vitae::awesomecv
---

# Publicaciones

\\begin{cventries}
  \\cventry{Artículos}{}{}{2021}{\\begin{cvitems}
\\item Ruiz, A. and Vega, L. (2021). Rivers that remember their floods. \\emph{Journal of Hydrology}, 12, 1-9. \\href{https://doi.org/10.1000/rivers.2021}{doi}

\\item Vega, L. and Ruiz, A. (2019). Counting stones in mountain streams. \\emph{Earth Surface Letters}, 3, 10-20.
\\end{cvitems}}
\\end{cventries}

Texto después.
"""


def test_a_raw_latex_environment_becomes_raw_html_in_its_place() -> None:
    out = preprocess(RAW_TEX)
    assert out.count("\n") == RAW_TEX.count("\n")
    assert "\\begin" not in out and "\\item" not in out
    html_lines = [line for line in out.split("\n")[7:15] if line]
    assert html_lines[0].startswith("<div>") and html_lines[-1].endswith("</div>")
    assert "Rivers that remember their floods" in out and "<i>Journal of Hydrology</i>" in out
    assert out.split("\n")[15] == "Texto después."


def test_raw_latex_cv_entries_in_markdown_are_read() -> None:
    entries = markdown.read(RAW_TEX).entries
    assert [e.get("title") for e in entries] == ["Rivers that remember their floods", "Counting stones in mountain streams"]
    assert entries[0].get("doi") == "10.1000/rivers.2021"
    assert [n.family for n in entries[1].names()] == ["Vega", "Ruiz"]
    assert entries[0].get("journal") == "Journal of Hydrology"


def test_an_unclosed_or_fenced_latex_environment_stays_text() -> None:
    unclosed = "Intro\n\n\\begin{itemize}\n\\item one\n"
    assert preprocess(unclosed) == unclosed
    fenced = "```\n\\begin{itemize}\n\\item one\n\\end{itemize}\n```\n"
    assert preprocess(fenced) == fenced


def test_latex_symbol_commands_with_empty_braces_are_dropped() -> None:
    # Pandoc writes a LaTeX symbol it cannot convert as raw TeX ("\textasteriskcentered{}" marking
    # a peer-reviewed item); its HTML writer leaves it out, and so does the reader
    text = ("\\textasteriskcentered{}**Roe**, A. (2014). Rivers as archives. *Field Notes, 9*, 1--9.\n"
            "A path C:\\Users\\me and a brace {} stay, `\\code{}` too\n")
    out = preprocess(text)
    assert out.split("\n")[0] == "**Roe**, A. (2014). Rivers as archives. *Field Notes, 9*, 1--9."
    assert out.split("\n")[1] == text.split("\n")[1]


def test_items_marked_by_a_latex_symbol_are_read() -> None:
    page = ("## Artiklar\n\n"
            "**Roe**, A. (2013). The shape of river valleys. *Earth Letters, 3*, 1--9.\n\n"
            "\\textasteriskcentered{}Vale, B., & **Roe**, A. (2014). Counting stones in mountain streams. "
            "*Journal of Hydrology, 34*, 23--42.\n\n"
            "\\textasteriskcentered{}**Roe**, A. (2015). Sediment and memory. *Earth Letters, 5*, 11--19.\n")
    titles = [e.get("title") for e in markdown.read(page).entries]
    assert titles == ["The shape of river valleys", "Counting stones in mountain streams", "Sediment and memory"]
