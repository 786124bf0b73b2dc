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
    assert "2020 - Ranking more things. *Machine" in out


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
