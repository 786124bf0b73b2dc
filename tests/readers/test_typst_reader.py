"""Typst documents (refkit.readers.typst): rendered by refkit.markup.typst and read by
the same item finder as HTML pages. The documents here are invented, in the shapes
real Typst CVs take: markup lists, a template's entry functions called with
arguments, the document's own citation function, and a list Typst builds from a
.bib file."""

from __future__ import annotations

import time

from refkit import readers
from refkit.markup.typst import to_html
from refkit.readers import typst as reader

MARKUP = """#import "@preview/some-cv:1.0.0": *
#set text(font: "Libertinus Serif", size: 10pt)
#show heading: it => block(below: 1em)[#it.body]
#let me = [Ana Lima]

= Ana Lima
// an old line: Ana Lima. Commented out. Journal of Comments, 2001.
/* Ana Lima. A block comment. Journal of Comments, 2002.
   /* nested */ still inside */

== Journal articles

- #strong[Ana Lima], Rui Costa. Tidal mixing in shallow estuaries.
  _Journal of Coastal Things_, 12(3):1--9, 2021.
  #link("https://doi.org/10.1000/tides.2021")[doi]
- Rui Costa, *#me*. Salt wedges revisited. #emph[Estuarine Letters], 2019.
  https://arxiv.org/abs/1901.00001.

== Talks

/ 2022: Mixing in practice, invited talk, Porto.
/ 2021: Why estuaries? Keynote, Lisbon.

```
Ana Lima. Not a paper. Journal of Code, 2019.
```
"""


def test_markup_lists_emphasis_links_and_comments() -> None:
    entries = reader.read(MARKUP, path="cv.typ").entries
    assert [e.get("title") for e in entries] == ["Tidal mixing in shallow estuaries", "Salt wedges revisited"]
    first, second = entries
    assert first.get("doi") == "10.1000/tides.2021"
    assert first.get("journal") == "Journal of Coastal Things"
    assert first.get("year") == "2021"
    assert "Lima" in first.get("author", "")
    assert "Lima" in second.get("author", "")  # "#me" shows what the document bound to it
    assert second.get("eprint") == "1901.00001"
    assert first.location.line == 13


def test_comments_settings_and_raw_blocks_give_no_text() -> None:
    html = to_html(MARKUP).html
    for hidden in ("Commented out", "block comment", "still inside", "Not a paper", "Libertinus", "it.body",
                   "some-cv"):
        assert hidden not in html
    assert "<h1>Ana Lima</h1>" in html and "<h2>Talks</h2>" in html
    assert "<dt>2022</dt><dd>" in html and "1\u20139" in html


def test_inline_markup_and_escapes() -> None:
    html = to_html('*b* _i_ `m` #underline[u] #super[2] #sub[x] snake_case_name a\\*b\\# \\u{00e9} '
                   '#link("https://x.org")[label] <lbl> $x^2$ a~b --- #text(style: "italic")[it] '
                   '#smallcaps[Sc] #h(1em) #v(2pt) line \\\nnext').html
    assert "<b>b</b> <i>i</i> <code>m</code> <b>u</b> <sup>2</sup> <sub>x</sub> snake_case_name a*b# \u00e9" in html
    assert '<a href="https://x.org">label</a>' in html and "lbl" not in html
    assert "x^2" in html and "a\u00a0b \u2014 <i>it</i> Sc" in html
    assert "line <br>" in html and "next" in html


CALLS = """#import "@preview/brilliant-cv:2.0.0": *
#cvSection("Publications")

#cvEntry(
  title: [Tidal mixing in shallow estuaries],
  society: [Journal of Coastal Things],
  date: [2021],
  location: [Porto],
  logo: image("logo.png"),
  description: list(
    [Ana Lima, Rui Costa],
    [doi: #link("https://doi.org/10.1000/tides.2021")[10.1000/tides.2021]],
  ),
  tags: ("estuaries", "mixing"),
)

#pub-item-list(
  [Ana Lima, Rui Costa. Salt wedges revisited in long estuaries. Estuarine Letters, 4(2):10-19, 2019.],
  [Rui Costa, Ana Lima. Sediment plumes after storms in shallow bays. Coastal Letters, 7:1-8, 2018.],
)

#cvPublication(bib: bibliography("../src/publications.bib"), keyList: ("a2020",), refStyle: "apa")
"""


def test_template_calls_are_read_by_their_arguments() -> None:
    rendered = to_html(CALLS)
    html = rendered.html
    assert "<h2>Publications</h2>" in html  # a template's section function is a heading
    assert '<div class="typst-cvEntry">' in html
    card = html[html.index("typst-cvEntry"):]
    order = [card.index(part) for part in ("Tidal mixing", "Journal of Coastal", "2021", "Porto", "Ana Lima, Rui")]
    assert order == sorted(order)  # the arguments' text in the order written
    assert "logo.png" not in html
    assert "<li>Ana Lima, Rui Costa. Salt wedges" in html  # whole paragraphs are items of a list
    titles = [e.get("title") for e in reader.read(CALLS).entries]
    assert "Salt wedges revisited in long estuaries" in titles
    assert "Sediment plumes after storms in shallow bays" in titles


def test_a_list_typst_builds_from_a_bib_file_points_at_the_file() -> None:
    library = reader.read(CALLS, path="cv.typ")
    notes = [p for p in library.problems if p.code == "RK193"]
    assert len(notes) == 1 and "publications.bib" in notes[0].message
    assert notes[0].location.line == 22 and notes[0].severity == "warning"
    plain = reader.read('= Publications\n\n#bibliography("refs.bib", full: true)\n', path="cv.typ")
    assert not plain.entries and [p.location.line for p in plain.problems if "refs.bib" in p.message] == [3]


OWN_FUNCTION = """#import "utils.typ" as u

#let paper(title, year, authors, venue, doi: "") = {
  block(breakable: false)[
    *#title* (#year). #authors. #text(style: "italic")[#venue].
    #if doi != "" [DOI: #link("https://doi.org/" + doi)[#doi]]
  ]
}

#let early = paper(
  "Salt wedges revisited in long estuaries",
  "2019",
  [Rui Costa, Ana Lima],
  "Estuarine Letters",
)

#let recent = (
  paper(
    "Tidal mixing in shallow estuaries and bays",
    "2021",
    [Ana Lima, Rui Costa],
    [Journal of Coastal Things],
    doi: "10.1000/tides.2021",
  ),
  // paper("A withdrawn paper", "2020", [Ana Lima], "Nowhere"),
  early,
)

== Selected papers

#enum(numbering: n => [#n.], ..recent)
"""


def test_the_documents_own_function_is_shown_with_its_arguments() -> None:
    entries = reader.read(OWN_FUNCTION, path="cv.typ").entries
    assert [e.get("title") for e in entries] == ["Tidal mixing in shallow estuaries and bays",
                                                 "Salt wedges revisited in long estuaries"]
    first, second = entries
    assert first.get("doi") == "10.1000/tides.2021" and first.get("year") == "2021"
    assert first.get("journal") == "Journal of Coastal Things"
    assert second.get("journal") == "Estuarine Letters" and not second.get("doi")  # the condition was decided
    assert "withdrawn" not in to_html(OWN_FUNCTION).html


def test_sniffing_and_extensions() -> None:
    assert readers.sniff(MARKUP) == "typst"
    assert readers.sniff(OWN_FUNCTION) == "typst"
    assert readers.sniff("A. Doe. A title. 2020.\n", path="cv.typ") == "typst"
    assert readers.reader("typ") is reader
    assert readers.sniff("#include \"stdio.h\"\nint main() { return 0; }\n") != "typst"
    assert readers.sniff("# Publications\n\n- A. Doe. A title. 2020.\n") != "typst"
    assert readers.sniff("= Publications\n\nA. Doe. A title. 2020.\n") != "typst"


def test_unclosed_constructs_do_not_lose_the_rest() -> None:
    html = to_html('#strong[never closed\n\n= Next\n\n#link("https://x.org"\n\nA "string\n\n*bold\n\nplain end').html
    assert "never closed" in html and "plain end" in html


def test_bindings_and_nesting_are_bounded() -> None:
    doubling = "#let a0 = [xxxxxxxxxxxxxxxx]\n" + "".join(f"#let a{k + 1} = [#a{k} #a{k}]\n" for k in range(40))
    start = time.process_time()
    rendered = to_html(doubling + "#a40\n" * 50)
    assert time.process_time() - start < 20  # a bound far above the linear time, not a speed test
    assert len(rendered.html) < 5_000_000
    deep = to_html("#box[" * 5000 + "deep text" + "]" * 5000 + "\n\nafter")
    assert "after" in deep.html and any("nested too deep" in message for _, message in deep.notes)


def test_a_column_of_years_beside_a_column_of_entries_is_paired_line_by_line() -> None:
    grid = """== Publications
#grid(
  columns: (0.1fr, 0.9fr),
  align(left)[
    2021\\
    \\
    \\
    2019\\
  ],
  align(left)[
    _"Tidal mixing in shallow estuaries"_, A. Lima, R. Costa, Journal of Coastal Things 12, 1--9
    \\
    \\
    _"Salt wedges revisited"_, R. Costa, A. Lima, Estuarine Letters 4, 10--19
    \\
  ],
)
"""
    html = to_html(grid).html
    assert html.count("<tr>") == 2
    first_row = html[html.index("<tr>"):html.index("</tr>")]
    assert "2021" in first_row and "Tidal mixing" in first_row and "Salt wedges" not in first_row


def test_named_arguments_years_and_name_arrays() -> None:
    doc = """= Publications
#publication(
  name: "Tidal mixing in shallow estuaries",
  authors: ("Ana Lima", "Rui Costa"),
  venue: "Journal of Coastal Things",
  year: 2021,
  accepted_papers: 50,
  url: "https://doi.org/10.1000/tides.2021",
)
"""
    html = to_html(doc).html
    assert "<div>Ana Lima, Rui Costa</div>" in html and "<div>2021</div>" in html
    assert ">50<" not in html  # a count is no text of the entry; a year is
    assert '<a href="https://doi.org/10.1000/tides.2021">' in html


def test_a_loop_over_entries_the_document_binds_shows_each() -> None:
    doc = """#let papers = (
  (title: "Tidal mixing in shallow estuaries", authors: "A. Lima, R. Costa", venue: "Journal of Coastal Things", year: 2021),
  (title: "Salt wedges revisited", authors: "R. Costa, A. Lima", venue: "Estuarine Letters", year: 2019),
)
#let data = yaml("cv.yml")

= Publications
#for p in papers [
  - #p.authors. *#p.title*. _#p.venue _, #p.year.
]
#for p in data.talks [
  - #p.title
]
"""
    entries = reader.read(doc).entries
    assert [(e.get("title"), e.get("year")) for e in entries] == [("Tidal mixing in shallow estuaries", "2021"),
                                                                  ("Salt wedges revisited", "2019")]
    assert entries[1].get("journal") == "Estuarine Letters"
