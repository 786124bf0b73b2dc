"""Markdown documents (refkit.readers.markdown): rendered by markdown-it-py and read
by the same item finder as HTML pages."""

from __future__ import annotations

from refkit import readers
from refkit.model import Entry
from refkit.readers import markdown as reader


def by_title(source: str) -> dict[str, Entry]:
    return {e.get("title") or "": e for e in reader.read(source, path="index.md")}


README = """---
layout: page
title: Papers
---

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
    assert first.location.line == 22 and first.location.path == "index.md"


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
