"""Publication lists no heading announces (refkit.extraction.fallback), and the common
shapes of a publication list in every markup: each must give its papers, and a document
without publications must still give none."""

from __future__ import annotations

import pytest

from refkit.extraction.fallback import citation_shaped, listed
from refkit.extraction.segment import Segment, Span
from refkit.io import read_string


def seg(*spans: Span | str) -> Segment:
    return Segment(tuple(Span(s) if isinstance(s, str) else s for s in spans))


TITLES = ["Tidal mixing in shallow estuaries", "A sparse solver for banded systems", "Soil carbon under changing rainfall"]


def titles(text: str, path: str) -> list[str]:
    return [e.get("title") or "" for e in read_string(text, path=path).entries]


# ---- the evidence of one block and of a group of siblings -------------------------------------------
def test_a_block_is_citation_shaped_by_who_or_what_and_where_or_when() -> None:
    assert citation_shaped(seg("Okafor N, Lindqvist B. Tidal mixing in shallow estuaries. Coastal Dynamics 2019."))
    assert citation_shaped(seg(Span("Soil carbon under changing rainfall", link="https://example.org/s.pdf"),
                               ", Earth Surface Letters"))
    # dates and places but no names and no title: a course, a position
    assert not citation_shaped(seg("Introduction to Oceanography (OCEAN 101), Fall 2019, University of Somewhere."))
    assert not citation_shaped(seg("2015--2019: Assistant Professor, Institute of Marine Research, Bergen."))
    # names and a year in a news item
    assert not citation_shaped(seg("Our paper with J. Smith was accepted at the Ocean Sciences Meeting 2022."))
    assert not citation_shaped(seg("K. Halvorsen 2021"))  # too short to be a citation


def test_a_group_of_siblings_is_a_publication_list_when_most_are_citation_shaped() -> None:
    papers = [seg("Okafor N, Lindqvist B. Tidal mixing in shallow estuaries. Coastal Dynamics 2019."),
              seg("Ferreira A, Moreau C. A sparse solver for banded systems. Numerical Methods 2020."),
              seg("Halvorsen K. Soil carbon under changing rainfall. Earth Surface 2021.")]
    course = seg("Introduction to Oceanography (OCEAN 101), Fall 2019, University of Somewhere.")
    assert listed([(None, s, "a") for s in papers]) == {0, 1, 2}
    # a course among the papers is not one of them
    assert listed([(None, s, "a") for s in papers + [course]]) == {0, 1, 2}
    # one paper alone says nothing about a list; a list mostly of other things is no publication list
    assert listed([(None, papers[0], "a"), (None, papers[1], "b")]) == set()
    mostly_courses = [papers[0], course, course, seg("Fluid Dynamics Seminar (OCEAN 480), Spring 2021, University of Somewhere.")]
    assert listed([(None, s, "a") for s in mostly_courses]) == set()
    # a section the headings name is never reopened: publications need no rescue, talks stay talks
    assert listed([("other", s, "a") for s in papers]) == set()
    assert listed([("pub", s, "a") for s in papers]) == set()


# ---- documents: the shapes of a publication list in every markup ----------------------------------------
TERSE = """## Kalotoven

- Okafor N, Lindqvist B. Tidal mixing in shallow estuaries. Coastal Dynamics 2019.
- Ferreira A, Moreau C. A sparse solver for banded systems. Numerical Methods 2020.
- Halvorsen K. Soil carbon under changing rainfall. Earth Surface 2021.
"""

UNDATED_PARAGRAPHS = """* Mielikki
N. Okafor and B. Lindqvist. Tidal mixing in shallow estuaries. /Journal of Coastal Dynamics/.

A. Ferreira, C. Moreau and H. Tanaka. A sparse solver for banded systems. /Numerical Methods Workshop/.

K. Halvorsen. Soil carbon under changing rainfall. /Earth Surface Letters/.
"""

HEADLINES = """#+TITLE: Papers

* Tidal mixing in shallow estuaries
  :PROPERTIES:
  :AUTHORS: N. Okafor, B. Lindqvist
  :END:
  N. Okafor and B. Lindqvist. /Journal of Coastal Dynamics/, 12(3), 2019.

* A sparse solver for banded systems
  A. Ferreira, C. Moreau and H. Tanaka. In /Proceedings of the Workshop on Numerical Methods/, 2020.

  We present a solver that exploits band structure to reduce memory use by an order of magnitude.

* Soil carbon under changing rainfall
  K. Halvorsen. /Earth Surface Letters/, 8, 2021.
"""

CV = """# Curriculum Vitae

## Research

### Articles

1. Okafor, N. and Lindqvist, B. (2019). Tidal mixing in shallow estuaries. *Journal of Coastal Dynamics*, 12(3), 45-61.
2. Ferreira, A., Moreau, C. and Tanaka, H. (2020). A sparse solver for banded systems. In *Proceedings of the Workshop on Numerical Methods*, pp. 101-110.
3. Halvorsen, K. (2021). Soil carbon under changing rainfall. *Earth Surface Letters*, 8, 220-234.

### Talks

1. Tidal mixing revisited. Invited talk, Ocean Sciences Meeting, Portland, February 12, 2020.
"""

# the same three papers as paragraphs (the markup's emphasis around the venue)
_PARAGRAPHS = """Okafor, N. and Lindqvist, B. (2019). Tidal mixing in shallow estuaries. {0}Journal of Coastal Dynamics{1}, 12(3), 45-61.

Ferreira, A., Moreau, C. and Tanaka, H. (2020). A sparse solver for banded systems. In {0}Proceedings of the Workshop on Numerical Methods{1}, pp. 101-110.

Halvorsen, K. (2021). Soil carbon under changing rainfall. {0}Earth Surface Letters{1}, 8, 220-234.
"""


def paragraphs(emphasis: str, closing: str | None = None) -> str:
    """The three papers as blank-line-separated paragraphs, venues in ``emphasis``."""
    return _PARAGRAPHS.format(emphasis, emphasis if closing is None else closing)


DOCUMENTS = {
    "no headings.md": "\n".join(f"- {line}" for line in paragraphs("*").split("\n\n")),
    "unknown language heading.md": "# Maija Okafor\n\nTervetuloa.\n\n## Julkaisut\n\n" + paragraphs("*"),
    "terse list under a made-up heading.md": TERSE,
    "cv.md": CV,
    "undated linked titles.md": """# Writing

- [Tidal mixing in shallow estuaries](https://example.org/tidal.pdf) (with B. Lindqvist), Journal of Coastal Dynamics
- [A sparse solver for banded systems](https://example.org/sparse.pdf) (with C. Moreau), Numerical Methods Workshop
- [Soil carbon under changing rainfall](https://example.org/soil.pdf), Earth Surface Letters
""",
    "headline per paper.org": HEADLINES,
    "paragraphs.org": "* Zubrovka\n\n" + paragraphs("/"),
    "whole citations as headlines.org": """* Julkaisut
** Okafor, N. and Lindqvist, B. (2019). Tidal mixing in shallow estuaries. Journal of Coastal Dynamics, 12(3), 45-61.
   :PROPERTIES:
   :CUSTOM_ID: okafor2019
   :END:
** Ferreira, A., Moreau, C. and Tanaka, H. (2020). A sparse solver for banded systems. Proceedings of the Workshop on Numerical Methods, pp. 101-110.
** Halvorsen, K. (2021). Soil carbon under changing rainfall. Earth Surface Letters, 8, 220-234.
""",
    "titles as headings.md": """# Kirjoitukset

### Tidal mixing in shallow estuaries
N. Okafor and B. Lindqvist  
*Journal of Coastal Dynamics*, 2019  
[PDF](https://example.org/a.pdf)

### A sparse solver for banded systems
A. Ferreira, C. Moreau and H. Tanaka  
*Workshop on Numerical Methods*, 2020

### Soil carbon under changing rainfall
K. Halvorsen  
*Earth Surface Letters*, 2021
""",
    "undated paragraphs.org": UNDATED_PARAGRAPHS,
    "description list.org": """* Kirjoitukset
- Tidal mixing in shallow estuaries :: N. Okafor and B. Lindqvist. /Journal of Coastal Dynamics/, 2019.
- A sparse solver for banded systems :: A. Ferreira, C. Moreau and H. Tanaka. /Workshop on Numerical Methods/, 2020.
- Soil carbon under changing rainfall :: K. Halvorsen. /Earth Surface Letters/, 2021.
""",
    "table.org": """* Kirjoitukset
| 2019 | Okafor, N. and Lindqvist, B. Tidal mixing in shallow estuaries. /Journal of Coastal Dynamics/. |
| 2020 | Ferreira, A., Moreau, C. and Tanaka, H. A sparse solver for banded systems. /Workshop on Numerical Methods/. |
| 2021 | Halvorsen, K. Soil carbon under changing rainfall. /Earth Surface Letters/. |
""",
    "items with nested lists.rst": """Kirjoja
=======

* Okafor, N. and Lindqvist, B. (2019). Tidal mixing in shallow estuaries. *Journal of Coastal Dynamics*.

  * `PDF <https://example.org/a.pdf>`_
  * `Code <https://example.org/a>`_

* Ferreira, A., Moreau, C. and Tanaka, H. (2020). A sparse solver for banded systems. *Workshop on Numerical Methods*.

  * `PDF <https://example.org/b.pdf>`_

* Halvorsen, K. (2021). Soil carbon under changing rainfall. *Earth Surface Letters*.
""",
    "items with nested lists.tex": r"""\documentclass{article}
\begin{document}
\section*{Kirjoja}
\begin{itemize}
\item Okafor, N. and Lindqvist, B. (2019). Tidal mixing in shallow estuaries. \emph{Journal of Coastal Dynamics}.
  \begin{itemize}\item \href{https://example.org/a.pdf}{PDF}\end{itemize}
\item Ferreira, A., Moreau, C. and Tanaka, H. (2020). A sparse solver for banded systems. \emph{Workshop on Numerical Methods}.
\item Halvorsen, K. (2021). Soil carbon under changing rainfall. \emph{Earth Surface Letters}.
\end{itemize}
\end{document}
""",
    "paragraphs.rst": "Jultuvaa\n========\n\n" + paragraphs("*"),
    "definition list.rst": """Kirjoja
=======

Tidal mixing in shallow estuaries
    N. Okafor and B. Lindqvist. *Journal of Coastal Dynamics*, 12(3), 2019.

A sparse solver for banded systems
    A. Ferreira, C. Moreau and H. Tanaka. *Workshop on Numerical Methods*, 2020.

Soil carbon under changing rainfall
    K. Halvorsen. *Earth Surface Letters*, 8, 2021.
""",
    "line blocks.rst": """Kirjoja
=======

| Okafor, N. and Lindqvist, B. (2019). Tidal mixing in shallow estuaries.
| *Journal of Coastal Dynamics*, 12(3), 45-61.

| Ferreira, A., Moreau, C. and Tanaka, H. (2020). A sparse solver for banded systems.
| In *Proceedings of the Workshop on Numerical Methods*, pp. 101-110.

| Halvorsen, K. (2021). Soil carbon under changing rainfall.
| *Earth Surface Letters*, 8, 220-234.
""",
    "paragraphs.tex": "\\documentclass{article}\n\\begin{document}\n" + paragraphs("\\emph{", "}") + "\\end{document}\n",
    "description list.tex": r"""\documentclass{article}
\begin{document}
\section*{Kirjoja}
\begin{description}
\item[2019] Okafor, N. and Lindqvist, B. Tidal mixing in shallow estuaries. \emph{Journal of Coastal Dynamics}, 12(3), 45--61.
\item[2020] Ferreira, A., Moreau, C. and Tanaka, H. A sparse solver for banded systems. \emph{Workshop on Numerical Methods}, 101--110.
\item[2021] Halvorsen, K. Soil carbon under changing rainfall. \emph{Earth Surface Letters}, 8, 220--234.
\end{description}
\end{document}
""",
    "paragraphs.adoc": "= Kirjoja\n\n" + paragraphs("_"),
    "description list.adoc": """= Kirjoja

Tidal mixing in shallow estuaries:: N. Okafor and B. Lindqvist. _Journal of Coastal Dynamics_, 12(3), 2019.
A sparse solver for banded systems:: A. Ferreira, C. Moreau and H. Tanaka. _Workshop on Numerical Methods_, 2020.
Soil carbon under changing rainfall:: K. Halvorsen. _Earth Surface Letters_, 8, 2021.
""",
    "paragraphs.txt": "KIRJOJA\n\n" + paragraphs(""),
}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_markup_gives_the_papers_of_common_list_shapes(name: str) -> None:
    found = titles(DOCUMENTS[name], name.replace(" ", "-"))
    assert found == TITLES


NOT_PUBLICATIONS = {
    "teaching.md": """# Teaching

## Courses

- Introduction to Oceanography (OCEAN 101), Fall 2019, Fall 2020, University of Somewhere.
- Fluid Dynamics Seminar (OCEAN 480), Spring 2021, University of Somewhere.
- Field Methods in Coastal Science, Summer 2022, with Prof. B. Lindqvist.
""",
    "courses under a made-up heading.md": """## Kurssit

- Introduction to Oceanography (OCEAN 101), Fall 2019 and Fall 2020, University of Somewhere.
- Fluid Dynamics Seminar (OCEAN 480), Spring 2021, University of Somewhere, with Prof. B. Lindqvist.
- Field Methods in Coastal Science, Summer 2022, Marine Station, Bergen.
""",
    "blog post.md": """# What I learned moving to a new lab

When I moved to the new lab in 2021, I had to learn many things at once. The first weeks were hard.

Reading old papers by J. Smith and A. Jones helped a lot; their 2015 work on tides is still the best introduction.

Next year I will write more about the field trip to Norway in 2022, and the instruments we used.
""",
    "news.md": """# Uutiset

Our paper with J. Smith was accepted at the Ocean Sciences Meeting 2022. Congratulations to the team!

In March 2021 I gave a seminar at the University of Bergen on tidal mixing, hosted by K. Halvorsen.

We welcome A. Ferreira, who joins the lab as a PhD student in September 2021.
""",
    "people.org": """* Jäsenet
Jane Smith, Professor. Coastal dynamics and sediment transport, since 2012.

Bjorn Lindqvist, Postdoctoral researcher. Ocean mixing, since 2020.

Ana Ferreira, PhD student. Numerical methods, since 2021.
""",
    "software readme.md": """# tidekit

A small library for tidal analysis, written by N. Okafor and B. Lindqvist in 2019.

## Install

Run `pip install tidekit` with Python 3.9 or later (tested 2023).

## Usage

Call `tidekit.fit(series)` to fit the harmonic constituents of a series; see the notes by K. Halvorsen (2021).
""",
}


@pytest.mark.parametrize("name", sorted(NOT_PUBLICATIONS))
def test_a_document_without_publications_still_gives_none(name: str) -> None:
    assert titles(NOT_PUBLICATIONS[name], name.replace(" ", "-")) == []


def test_a_list_split_by_year_headings_is_one_list_dated_by_its_headings() -> None:
    """Papers under year headings and no heading naming publications, each year its own
    list, the years only in the headings and the venues abbreviated: the year heading dates
    each item, and the years' lists are one list, so a year of one paper is read too."""
    page = """<html><body>
<h3>2021</h3>
<ul><li><b>Tidal mixing in shallow estuaries</b>. N. Okafor, B. Lindqvist. Coast. Dyn.</li>
<li><b>A sparse solver for banded systems</b>. A. Ferreira, C. Moreau. Numer. Meth.</li></ul>
<h3>2019</h3>
<ul><li><b>Soil carbon under changing rainfall</b>. Ines Halvorsen. Earth Surf. Lett.</li></ul>
</body></html>"""
    assert titles(page, "page.html") == TITLES[:2] + [TITLES[2]]
    dated = Segment((Span("Soil carbon under changing rainfall", bold=True), Span(". Ines Halvorsen. Earth Surf. Lett.")),
                    headings=("2019",))
    assert citation_shaped(dated)
    assert not citation_shaped(Segment(dated.spans))  # the same item with no year above it


def test_et_al_names_and_status_words_make_terse_items_citation_shaped() -> None:
    """A bare numbered list of terse items ("Jane Doe et al, Title. *J. Abbrev.* 2021;" and
    submitted papers with no year) under no heading: "et al" names the authors and "Submitted"
    dates a paper, so the whole list is read, not only its items that show most."""
    assert citation_shaped(seg("Nadia Okafor et al, Tidal mixing in shallow estuaries. Submitted."))
    assert citation_shaped(seg("B. Lindqvist et al. Soil carbon under changing rainfall. Earth Surf. Lett. 2020 Mar; 4."))
    assert not citation_shaped(seg("Tidal mixing in shallow estuaries, a reading group. Submitted."))  # no one named
    source = r"""\begin{enumerate}
\item Nadia Okafor et al, Tidal mixing in shallow estuaries. {\it Submitted}.
\item Anna Ferreira et al, A sparse solver for banded systems. {\it Numer. Meth.} 2021 Mar; (4) 11-19.
\item Bo Lindqvist et al, Soil carbon under changing rainfall. {\it Earth Surf. Lett.} 2020 Jun; (2) 1-9.
\end{enumerate}
"""
    assert [t.rstrip(".") for t in titles(source, "cv.tex")] == TITLES  # (the items found; a title's stop is not this test's)


def test_a_list_of_names_and_titles_with_unknown_venues_and_no_years() -> None:
    """A bare list, no heading, no years, venues no lexicon knows: most items still show who
    and what (names and a bold title), so the list is a list of papers, all of them read."""
    items = [("Tidal mixing in shallow estuaries", "Nadia Okafor, Bo Lindqvist", "Kystnytt"),
             ("A sparse solver for banded systems", "Anna Ferreira, Claire Moreau", "Numerika"),
             ("Soil carbon under changing rainfall", "Ines Halvorsen, Tomas Brink", "Jordbruk")]
    source = "".join(f"- **{t}**. {a}. {v}.\n" for t, a, v in items)
    assert titles(source, "list.md") == TITLES
    # the same list of names with no titles is no list of papers
    assert titles("".join(f"- {a}. {v}.\n" for _, a, v in items), "list.md") == []


def test_a_list_in_an_unknown_style_is_read_by_what_the_parser_reads() -> None:
    """A list under no heading in a style the surface evidence half knows (all-caps family
    names, plain titles): the members the citation parser reads whole (title, authors, year or
    venue) count toward the two thirds, so every paper is kept; a list of courses stays none."""
    text = """- OKAFOR, N., LINDQVIST, B. (2019) Tidal mixing in shallow estuaries. *Coastal Dynamics*.
- FERREIRA, A. (2020) A sparse solver for banded systems. *Numerical Methods*.
- MOREAU, C., FERREIRA, A. (2021) Soil carbon under changing rainfall. *Earth Surface Letters*.
- HALVORSEN, I., BRINK, T. (2018) Salt marsh memory of winter storms. *Estuaries Quarterly*.
- BRINK, T. (2022) A ledger of dry summers in northern towns. *Climate Notes*.
"""
    found = titles(text, "list.md")
    assert len(found) == 5
    assert "A sparse solver for banded systems" in found and "A ledger of dry summers in northern towns" in found
    courses = """- GEO 101 Introduction to Earth Systems (Fall 2021, Fall 2022), Northfield University.
- GEO 340 Field Methods in Hydrology (Spring 2023), Northfield University.
- GEO 210 Rivers and Sediment (Fall 2020), with a field trip to the coast.
"""
    assert titles(courses, "courses.md") == []


def test_the_parser_is_asked_only_for_groups_that_show_citation_evidence() -> None:
    calls: list[int] = []

    def reads(i: int) -> bool:
        calls.append(i)
        return True

    chores = [seg("Water the plants on the balcony every morning."), seg("Take the bins out before the truck comes by."),
              seg("Call the plumber about the kitchen sink again.")]
    assert listed([(None, s, "g") for s in chores], reads=reads) == set()
    assert calls == []


def test_a_sibling_the_parser_reads_whole_joins_the_papers_of_its_list() -> None:
    """A list its repetition shows to be papers: a member whose surface evidence falls short
    (names in capitals, a title in no style) is one of them when the parser reads it as a
    whole citation; a member the parser reads as no citation (a course) stays out."""
    papers = [seg("Okafor N, Lindqvist B. Tidal mixing in shallow estuaries. Coastal Dynamics 2019."),
              seg("Ferreira A, Moreau C. A sparse solver for banded systems. Numerical Methods 2020."),
              seg("Halvorsen K. Soil carbon under changing rainfall. Earth Surface 2021."),
              seg("Moreau C. A ledger of dry summers in northern towns. Climate Notes 2022.")]
    capitals = seg("Salt marsh memory of winter storms. E. BRINK, A. DEL BON, T. HALVORSEN. Estuaries, Bergen 2018.")
    course = seg("Introduction to Oceanography (OCEAN 101), Fall 2019, University of Somewhere.")
    assert not citation_shaped(capitals)
    group = [(None, s, "a") for s in [*papers, capitals, course]]
    assert listed(group) == {0, 1, 2, 3}
    assert listed(group, reads=lambda i: i != 5) == {0, 1, 2, 3, 4}


def test_a_list_item_with_capital_names_is_read_beside_its_siblings() -> None:
    text = """- Tidal mixing in shallow estuaries.\\
N. Okafor, B. Lindqvist.\\
Coastal Dynamics, Bergen, 2019.

- Salt marsh memory of winter storms.\\
E. BRINK, A. DEL BON, T. HALVORSEN, M. OKAFOR\\
Estuaries Quarterly, Bergen 2018.

- A sparse solver for banded systems.\\
A. Ferreira, C. Moreau.\\
Numerical Methods, Lyon, 2020.
"""
    assert titles(text, "list.md") == ["Tidal mixing in shallow estuaries", "Salt marsh memory of winter storms",
                                       "A sparse solver for banded systems"]
