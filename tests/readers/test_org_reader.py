"""Org mode documents (refkit.readers.org): rendered by refkit.markup.org the way
Org's HTML export writes them, then read by the same item finder as HTML pages."""

from __future__ import annotations

from refkit import readers
from refkit.markup.org import to_html
from refkit.readers import org as reader

ORG = """#+TITLE: Publications
#+OPTIONS: toc:nil

* Journal articles
:PROPERTIES:
:CUSTOM_ID: journals
:END:
- Ann Smith and Bob Doe. [[https://doi.org/10.1000/rank.2021][Learning to rank things]]. /Journal of Ranking/, 12, 2021.
- Bob Doe and Carla Ruiz. Ranking more things. /Machine Learning Letters/, 3(2):1--9, 2020.
  [[https://arxiv.org/abs/2101.00001][arXiv]]
* Talks
1. Ranking in practice. Invited talk, Example University, 2022.
2) Why rank? Keynote, Ranking Workshop, 2021.
* Teaching :noexport:
- Ranking 101, Example University, 2019--2023, lecture notes 2020.

#+BEGIN_SRC emacs-lisp
(setq org-publish-project-alist '(("Smith, A. 2019. Not a paper. Journal of Code, 2019.")))
#+END_SRC
"""


def test_items_links_and_emphasis() -> None:
    entries = reader.read(ORG).entries
    titles = [e.get("title") for e in entries]
    assert titles == ["Learning to rank things", "Ranking more things"]
    first, second = entries
    assert first.get("doi") == "10.1000/rank.2021"
    assert first.get("journal") == "Journal of Ranking"
    assert first.get("year") == "2021"
    assert second.get("eprint") == "2101.00001" or "2101.00001" in (second.get("url") or "") + (second.get("eprint") or "")
    assert second.get("journal") == "Machine Learning Letters"


def test_talks_teaching_code_and_drawers_are_not_entries() -> None:
    html = to_html(ORG)
    assert "CUSTOM_ID" not in html  # a drawer
    assert "Ranking 101" not in html  # a :noexport: subtree
    assert "Not a paper" not in html  # a source block
    assert "<h1>Publications</h1>" in html


def test_lists_headlines_and_blocks() -> None:
    html = to_html("* A\n- one\n  continued\n  - nested\n- two\n* B\n#+begin_quote\nquoted /text/\n#+end_quote\n"
                   "| a | b |\n|---+---|\n| c | d |\n- term :: meaning\n")
    assert "<h2>A</h2>" in html and "<h2>B</h2>" in html
    assert "<li>one\ncontinued\n<ul><li>nested</li></ul></li>\n<li>two</li>" in html
    assert "<blockquote>" in html and "<i>text</i>" in html
    assert "<td>c</td><td>d</td>" in html and "---" not in html
    assert "<dt>term</dt><dd>meaning</dd>" in html


def test_inline_markup() -> None:
    html = to_html("*bold* /it/ _under_ =verb *x*= ~code~ +gone+ a*b*c [[doi:10.1000/x][DOI]] "
                   "[[https://x.org]] <https://y.org> https://z.org. Franz\\nbsp{}C. \\alpha \\(a \\in B\\) "
                   "$x^2$ @@html:<sup>1</sup>@@ @@latex:\\relax@@ [fn:1]")
    assert "<b>bold</b> <i>it</i> <b>under</b> <code>verb *x*</code> <code>code</code> <del>gone</del>" in html
    assert "a*b*c" in html  # no emphasis inside a word
    assert '<a href="https://doi.org/10.1000/x">DOI</a>' in html
    assert '<a href="https://x.org">https://x.org</a>' in html
    assert '<a href="https://y.org">' in html and '<a href="https://z.org">https://z.org</a>.' in html
    assert "Franz\u00a0C." in html and "α" in html
    assert "\\(a \\in B\\)" in html and "$x^2$" in html  # LaTeX fragments stay as written
    assert "<sup>1</sup>" in html and "relax" not in html and "fn:1" not in html


def test_deep_headlines_are_list_items_and_their_notes_stay_out() -> None:
    doc = """* Preprints
***** A. Lomp and B. Halb. [[https://arxiv.org/abs/2301.03545][Duality in categories]]. Journal of Algebra (2023).
We answer the question of C. Heunen whether "tensor-representable" objects are dualisable.

***** B. Halb. [[https://doi.org/10.1080/x.2021][Generalized algebras]]. Commun. Algebra (2021).
"""
    entries = reader.read(doc).entries
    assert [e.get("title") for e in entries] == ["Duality in categories", "Generalized algebras"]
    assert entries[0].get("year") == "2023"


def test_line_numbers_are_org_lines() -> None:
    entries = reader.read(ORG).entries
    assert entries[0].location.line == 8
    assert entries[1].location.line == 9


def test_sniffing_and_extension() -> None:
    assert readers.sniff(ORG) == "org"
    assert readers.sniff("* Papers\n- A. Doe. A title. 2020.\n", path="cv.org") == "org"
    assert readers.sniff("* item one\n* item two\n") != "org"  # a Markdown list is not Org
    assert readers.reader("orgmode") is reader


def test_unclosed_constructs_are_text() -> None:
    html = to_html("[[https://x.org][never closed\n*bold and /italic\n@@html:<b>\n#+begin_quote\n:DRAWER:\nend")
    for kept in ("[[<a href=\"https://x.org\">https://x.org</a>][never closed", "*bold and /italic", "@@html:&lt;b&gt;", "#+begin_quote", ":DRAWER:"):
        assert kept in html


def test_empty_list_items() -> None:
    for doc in ["-", "- \n", "1.\n  \n", "* A\n- \n\n\n- x"]:
        html = to_html(doc)
        assert html.startswith("<html><body>") and html.endswith("</body></html>")
    assert "<li></li>" in to_html("- \n")


LEGACY_HTML_BLOCK = """#+TITLE: Papers

* Verification
#+BEGIN_HTML
<small>
#+END_HTML
Ana Ruiz, Tom Berg \\\\
*Proofs about sorting networks* \\\\
/Workshop on Odd Algorithms/, pp. 1-9, 2019.

Tom Berg \\\\
*Stable merges, checked* \\\\
/Journal of Small Proofs/, 2021.
#+BEGIN_HTML
</small>
#+END_HTML
"""


def test_old_begin_html_blocks_are_raw_html_not_text() -> None:
    html = to_html(LEGACY_HTML_BLOCK)
    assert "&lt;small&gt;" not in html and "<small>" in html
    entries = reader.read(LEGACY_HTML_BLOCK).entries
    assert [e.get("title") for e in entries] == ["Proofs about sorting networks", "Stable merges, checked"]


def test_file_path_links_are_links_and_their_labels_leave_the_title() -> None:
    doc = """* Publications
- *Counting sheep in the dark* [[./pdf/sheep.pdf][paper]], [[./pdf/sheep-talk.pdf][presentation]] \\\\
  Jane Doe, John Roe (2021), /Journal of Sleep Studies/, 12(3):45–67.
- *Rivers that run uphill* [[../pdf/rivers.pdf][paper]] \\\\
  Jane Doe, Omar Haddad (2019), /Water Letters/, 3:1–9.
"""
    assert '<a href="./pdf/sheep.pdf">paper</a>' in to_html(doc)
    entries = reader.read(doc).entries
    assert [e.get("title") for e in entries] == ["Counting sheep in the dark", "Rivers that run uphill"]
    assert entries[0].get("pdf") == "./pdf/sheep.pdf" and entries[1].get("journal") == "Water Letters"


def test_a_dated_note_line_stays_with_its_paper() -> None:
    doc = """* Papers
Jane Doe, John Roe and Li Wei \\\\
*Counting sheep in the dark* \\\\
/Workshop on Sleep Studies (WSS)/, pp. 1-9, Oslo, Norway, May 2019 \\\\
A revised version of this paper was published in /Sleep Letters/, Volume 4, March 2020, pages 5-9. \\\\
[[https://example.org/sheep.pdf][Available here]]

Omar Haddad and Jane Doe \\\\
*Rivers that run uphill* \\\\
/Journal of Odd Hydrology/, 3(2):10-19, 2018.
"""
    entries = reader.read(doc).entries
    assert [e.get("title") for e in entries] == ["Counting sheep in the dark", "Rivers that run uphill"]
    assert entries[0].get("year") == "2019" and "revised version" in (entries[0].get("note") or "")


def test_a_doubled_line_break_is_one_line_break() -> None:
    # an export script that escaped Org's "\\" wrote "\\\\": one line break, no backslashes shown
    text = ("1. [[https://x.org/heat][Heat flow in thin films of rare alloys]] \\\\\\\\\n"
            "  /Ortiz, Ana and *Brandt, Kai* and Voss, Lena/ \\\\\\\\\n"
            "  *2021*, Thermal Letters\n")
    assert "\\" not in to_html(text)
    entry = reader.read(text).entries[0]
    assert entry.get("title") == "Heat flow in thin films of rare alloys"
    assert [n.family for n in entry.names()] == ["Ortiz", "Brandt", "Voss"]


def test_a_line_starting_with_an_initial_is_no_list_item() -> None:
    # Org reads "a." / "B)" as bullets only with org-list-allow-alphabetical (off by default):
    # a paragraph opening with an author's initial stays a paragraph, its initial kept
    html = to_html("N. Okafor and B. Lindqvist. Tidal mixing. /Coastal Dynamics/, 2019.\n\n1. A numbered item\n")
    assert "<p>N. Okafor and B. Lindqvist." in html
    assert "<ol><li>A numbered item" in html.replace("\n", "")


def test_title_headlines_with_paper_links_under_a_headline_of_no_known_words() -> None:
    papers = [("Tiling sparse tensors for cache reuse", "spaa21"), ("Lazy evaluation of stencil pipelines", "cgo20"),
              ("A cost model for fused array loops", "lcpc19")]
    body = "".join(
        f"** {title}\nShown at the workshop ([[file:papers/{key}.pdf][pdf]], [[file:papers/{key}.bib][bib]])\n\n"
        f"We describe how the compiler decides this, and what it costs at run time.\n\n"
        for title, key in papers
    )
    listed = "".join(f"- R. Okoye, T. Baum. Register pressure study {n}. /Journal of Compilers/, {n}(2), 2018.\n" for n in (1, 2, 3))
    entries = reader.read(f"#+TITLE: Ollokirja\n\n* Ollokirja\n{body}* Muut\n{listed}", path="papers.org").entries
    assert [e.get("title") for e in entries][:3] == [t for t, _ in papers] and len(entries) == 6


def test_a_paper_in_nested_lines_with_icons_is_one_entry() -> None:
    # a paper as a list item whose nested items are its lines: authors, venue with its year,
    # then links led by an icon (an image file linked without a description)
    paper = """- *{title}*
  - K. Varga, /L. Moreau/ and T. Ishii
  - [[https://example.org/conf][HPCW {year}]] - Workshop on Sparse Solvers, {year}, pp. 1–9
  - [[./icons/pdf.png]] [[https://example.org/{year}.pdf][Article]]
  - [[./icons/html.png]] [[https://doi.org/10.1000/hpcw.{year}][Publisher page]]
"""
    text = "* Publications\n" + paper.format(title="Blocked solvers for coupled systems", year=2022) \
        + paper.format(title="Compressing dense blocks on one node", year=2021)
    entries = reader.read(text, path="research.org").entries
    assert [e.get("title") for e in entries] == ["Blocked solvers for coupled systems", "Compressing dense blocks on one node"]
    assert [n.family for n in entries[0].names()] == ["Varga", "Moreau", "Ishii"]
    assert "icons" not in str(entries[0].fields)


def test_underlined_titles_are_marked_spans() -> None:
    # "_title_" then "In /venue/": the underline sets the title apart as italic sets the venue
    source = ("* 2021\n\n"
              "- [[https://example.org/a][Ana Ortiz]], Ben Roe. _Sensor drift in small tidal estuaries_ In /Coastal Letters/ 2021 ([[https://doi.org/10.1234/cl.1][DOI]])\n"
              "- Ben Roe, [[https://example.org/a][Ana Ortiz]]. _Salt wedges and their seasonal reach_ In /Proceedings of the Estuary Workshop/ 2021\n")
    entries = reader.read(source)
    assert [e.get("title") for e in entries] == ["Sensor drift in small tidal estuaries", "Salt wedges and their seasonal reach"]


def test_macros_are_expanded_as_the_export_does() -> None:
    # a page that breaks its item lines through a macro, and one macro with arguments:
    # the calls become the break and the text they stand for, never braces in a venue
    doc = """#+MACRO: nl @@html:<br>@@
#+MACRO: venue /$1/, $2
#+TITLE: Papers of A. Writer

* Articles
- 2022. Vowel length in three island dialects. {{{venue(Journal of Island Phonology, 7(2):11--30)}}}.
  {{{nl}}}[[https://doi.org/10.1000/vowels.2022][DOI]] {{{undefined}}}
- 2019. Stress shift in loanwords. /Studies in Contact Linguistics/ 4(1):1--20. {{{nl}}} [[https://doi.org/10.1000/stress.2019][DOI]]
"""
    html = to_html(doc)
    assert "{{{" not in html and "<br>" in html
    entries = reader.read(doc).entries
    assert [e.get("title") for e in entries] == ["Vowel length in three island dialects", "Stress shift in loanwords"]
    assert [e.get("journal") for e in entries] == ["Journal of Island Phonology", "Studies in Contact Linguistics"]
    assert [e.get("doi") for e in entries] == ["10.1000/vowels.2022", "10.1000/stress.2019"]


def test_macro_expansion_is_bounded() -> None:
    # a macro that calls itself twice would double the line on every pass
    doc = "#+MACRO: grow {{{grow}}}{{{grow}}}x\n* Papers\n- {{{grow}}} A. Doe. A title here. /Journal/ 1:1--2, 2020.\n"
    html = to_html(doc)
    assert len(html) < 30_000


def test_line_breaks_kept_by_the_export_option_make_title_first_items() -> None:
    # "\n:t" keeps every line break: each paragraph is a quoted title, then "Outlet, Month Year",
    # then a link labelled "Read article"; no names (the owner wrote them). A "Taught" section
    # in the same shape holds teaching, not writing.
    doc = """#+OPTIONS: toc:nil \\n:t

** Writing
"Why Glaciers Remember Their Winters"
Polar Notes, March 2024
[[https://example.org/notes/glaciers-remember][Read article]]

"Counting Moraines From Orbit"
Polar Notes / Ice Desk, January 2023
[[https://example.org/notes/moraines-orbit][Read article]]

"A Field Guide to Crevasse Rescue Drills" (with Ines Varga)
Mountain Safety Review, 2021
[[https://example.org/msr/crevasse-drills][Read article]]

** Workshops Taught
"Mapping Ice With Open Data"
Summer Data School, June 2022
"""
    html = to_html(doc)
    assert "Polar Notes, March 2024<br>" in html
    entries = reader.read(doc).entries
    assert [e.get("title") for e in entries] == ["Why Glaciers Remember Their Winters", "Counting Moraines From Orbit",
                                                "A Field Guide to Crevasse Rescue Drills"]
    assert [e.get("year") for e in entries] == ["2024", "2023", "2021"]
    venues = [e.get("journal") or e.get("booktitle") or "" for e in entries]
    assert venues[0] == "Polar Notes" and all("Read article" not in v for v in venues)


def test_without_the_option_lines_of_a_paragraph_are_one_line() -> None:
    assert "<br>" not in to_html("* Writing\n\"A title\"\nOutlet, 2020\n")


def test_emphasis_over_a_hard_wrapped_title_is_emphasis() -> None:
    # paragraphs wrapped at 72 columns: the bold title runs over three lines, no punctuation
    # between it and the journal; the asterisks are markup, never part of a title or venue
    doc = """** Publications
Okafor N. and Lindqvist P.: *Seasonal stratification of a deep fjord
measured by moored thermistor chains over three consecutive
winters* Journal of Fjord Oceanography, 14(2), 101--118, 2019.

Lindqvist P. and Okafor N.: *Tidal mixing in sill-bounded basins* Coastal
Dynamics Letters, 7, 33--40, 2017.
"""
    html = to_html(doc)
    assert html.count("<b>") == 2 and "*" not in html
    entries = reader.read(doc).entries
    assert [e.get("title") for e in entries] == [
        "Seasonal stratification of a deep fjord measured by moored thermistor chains over three consecutive winters",
        "Tidal mixing in sill-bounded basins"]
    assert entries[0].get("journal") == "Journal of Fjord Oceanography"


def test_talks_and_proceedings_in_one_section_are_told_apart_per_item() -> None:
    # a section named for talks and the proceedings they appeared in: items that name a
    # printed volume (proceedings, a journal abstract with volume and pages) are papers; the
    # ones giving only a meeting, its days and its city were talks
    doc = """** Conference Talks/Proceedings
2021: Brandt K., Osei A.: "Ray tracing through warm eddies", Workshop on Ocean Sound,
12-14 May 2021, Bergen.

2020: Osei A., Brandt K.: "Bottom loss from sediment cores", Annual Acoustics Meeting 2020,
3-5 June, Lisbon.

2019: Osei A., Brandt K.: "Shallow water reverberation in winter", in Proceedings of the 5th
Conference on Sea Acoustics, Gdansk, pp 211-218.

2018: Brandt K., Osei A. "Inverting modal arrival times", Bulletin of Marine Sound, Vol 12
No 3, p 44.

2017: Osei A. and Brandt K.: "Noise budgets of small harbours", 2nd Harbour Noise Conference,
Kiel, Germany.
"""
    titles = [e.get("title") for e in reader.read(doc).entries]
    assert titles == ["Shallow water reverberation in winter", "Inverting modal arrival times"]


def test_a_headline_whose_properties_hold_a_record_is_that_entry() -> None:
    # org-bibtex keeps each paper as a headline with its fields in the properties drawer; the
    # export shows only the headline, the drawer says who, where and when
    doc = """* Papers
** Wind-driven upwelling along a steep shelf
:PROPERTIES:
:BTYPE: article
:CUSTOM_ID: ortiz2020
:AUTHOR: Ortiz, Ana and Roe, Ben
:JOURNAL: Shelf Dynamics & Waves
:YEAR: 2020
:PAGES: 11--19
:END:
Notes on the data we used.
** A section with an id only
:PROPERTIES:
:CUSTOM_ID: notes
:END:
** Tidal fronts in a shallow sea
:PROPERTIES:
:AUTHOR: Roe, Ben
:BOOKTITLE: Proceedings of the Coastal Meeting
:YEAR: 2018
:END:
"""
    entries = reader.read(doc).entries
    assert [(e.type, e.get("title"), e.get("year")) for e in entries] == [
        ("article", "Wind-driven upwelling along a steep shelf", "2020"),
        ("inproceedings", "Tidal fronts in a shallow sea", "2018")]
    assert entries[0].get("author") == "Ortiz, Ana and Roe, Ben" and entries[0].get("journal") == "Shelf Dynamics & Waves"


def test_front_matter_passed_through_an_html_block_is_the_page_title() -> None:
    # a site kept as Org files, each paper's page starting with the generator's front matter in
    # a raw HTML block; the title is there, the byline and venue follow in the body
    doc = """#+OPTIONS: H:4 num:nil toc:nil
#+BEGIN_HTML
---
layout: page
title: ! 'Estimating Currents: A Filter for Drifting Buoys'
---
#+END_HTML

*Ana Ortiz and Ben Roe*

/Journal of Ocean Instrumentation/, Mar 2016, Volume 9, Issue 2, Pages 10-21

We describe a filter.

#+BEGIN_HTML
---
layout: page
title: Tracking Eddies with Gliders
---
#+END_HTML

*Ben Roe*

/Ocean Robotics Letters/, Jan 2014, Volume 3, Pages 1-8
"""
    assert "<h2>Estimating Currents: A Filter for Drifting Buoys</h2>" in to_html(doc)
    entries = reader.read(doc).entries
    assert [e.get("title") for e in entries] == ["Estimating Currents: A Filter for Drifting Buoys", "Tracking Eddies with Gliders"]
    assert [e.get("year") for e in entries] == ["2016", "2014"]


def test_footnote_definitions_are_one_paragraph_each() -> None:
    # "[fn:N]" at the start of a line opens a definition: the papers cited in footnotes are
    # three items, not one paragraph of three citations
    doc = ("#+TITLE: Work\n\nThe method is in our papers[fn:1][fn:2][fn:3].\n\n"
           "[fn:1] Ito, K. and Berg, S. (2018). Counting birds from their songs. /Journal of Field Acoustics/, 4, 1-9.\n"
           "[fn:2] Berg, S. (2020). Dawn chorus timing in city parks. /Urban Ecology Notes/, 7, 33-41.\n"
           "[fn:3] Ito, K. (2022). A cheap recorder for long deployments. /Field Methods Letters/, 2, 5-8.\n")
    html = to_html(doc)
    assert html.count("<p>") == 4
    titles = [e.get("title") for e in reader.read(doc).entries]
    assert titles == ["Counting birds from their songs", "Dawn chorus timing in city parks",
                      "A cheap recorder for long deployments"]


def test_bibtex_source_blocks_are_embedded_bibtex() -> None:
    doc = ("#+TITLE: Papers\n\n* 2021\n#+begin_src bibtex :exports code\n@article{lind2021,\n  author = {Lind, Petra},\n"
           "  title = {Tidewater: fast harmonic tide prediction},\n  journal = {Journal of Open Tools},\n  year = {2021}\n}\n"
           "#+end_src\n")
    entries = reader.read(doc).entries
    assert [(e.get("title"), e.get("author"), e.get("year")) for e in entries] == [
        ("Tidewater: fast harmonic tide prediction", "Lind, Petra", "2021")]


def test_example_blocks_and_fixed_width_lines_are_read_when_nothing_else_is() -> None:
    doc = ("#+TITLE: Publications\n\n* Journal articles\n#+begin_example\n"
           "Haddad, N. and Okoro, T. 2019. Sediment pulses in braided rivers of the dry tropics. J. Example Hydrology, 12, 45-67.\n"
           "Okoro, T. and Lind, P. 2016. Groundwater recharge under shifting monsoon rain. Water Resources Letters, 8, 101-119.\n"
           "#+end_example\n\n: Haddad, N. 2014. A field guide to measuring bank erosion with drones. Geomorphology Notes, 3, 1-20.\n")
    html = to_html(doc)
    assert html.count('<pre class="example">') == 2
    titles = [e.get("title") for e in reader.read(doc).entries]
    assert titles == ["Sediment pulses in braided rivers of the dry tropics", "Groundwater recharge under shifting monsoon rain",
                      "A field guide to measuring bank erosion with drones"]


def test_a_numbered_item_written_a_space_off_its_column_is_the_next_item() -> None:
    # " 2. …" under "3. …" (a list counting down, one number typed with a space before it)
    source = ("* Conference papers\n"
              "3. A. Ruiz and K. Lind, /Wave loads on floating piers/, Coastal Structures Meeting, Oslo, 2014.\n\n"
              " 2. K. Lind, /Scour around bridge piles in tidal rivers/, River Engineering Days, Lyon, 2012.\n\n"
              "1. K. Lind and A. Ruiz, /Sediment traps for small harbours/, Harbour Workshop, Gdansk, 2010.\n")
    html = to_html(source)
    assert html.count("<li>") == 3 and html.count("<ol>") == 1
    titles = [e.get("title") for e in reader.read(source, path="pubs.org")]
    assert titles == ["Wave loads on floating piers", "Scour around bridge piles in tidal rivers", "Sediment traps for small harbours"]
    # a list inside an item, indented to the item's text, stays inside it
    nested = to_html("- Journal articles\n  - A. Ruiz, /One/, J. Things, 2010.\n  - K. Lind, /Two/, J. Things, 2011.\n")
    assert nested.count("<ul>") == 2


def test_a_no_break_space_after_the_number_makes_a_list_item() -> None:
    # "27.\u00a0\u00a0Doe, …": a numbered list pasted from a web page keeps its no-break spaces
    source = ("* Journal articles\n"
              "2.\u00a0\u00a0Ruiz, A., and Lind, K., (2014) \"Wave loads on floating piers\". In Coastal Letters, Vol. 3.\n"
              "1.\u00a0\u00a0Lind, K., (2012) \"Scour around bridge piles\". In River Journal, Vol. 2.\n")
    html = to_html(source)
    assert html.count("<li>") == 2 and html.count("<ol>") == 1
    entries = reader.read(source, path="pubs.org").entries
    assert [e.get("title") for e in entries] == ["Wave loads on floating piers", "Scour around bridge piles"]
    # a number with a no-break space inside a paragraph's line is no item
    assert "<li>" not in to_html("* Notes\nWe counted 27.\u00a0\u00a0birds in 2019.\n")


def test_properties_of_the_writers_own_names_or_ox_hugos_front_matter_are_the_record() -> None:
    # a headline per paper whose drawer names who, where and when in words of its own, and an
    # ox-hugo subtree per paper page (its front matter written as export properties): the
    # export shows only the headline and an abstract
    doc = """#+hugo_base_dir: ../
* Publications
** Salt marsh retreat under rising seas
:PROPERTIES:
:AUTHORS: Ana Ortiz, Ben Roe
:VENUE: Estuarine Letters
:DATE: 2019-04
:END:
We map the marsh edge over forty years.
** Sand ripples in tidal channels
:PROPERTIES:
:EXPORT_FILE_NAME: ripples
:EXPORT_DATE: 2021-02-01
:EXPORT_HUGO_CUSTOM_FRONT_MATTER: :authors '("Ben Roe" "Ana Ortiz")
:EXPORT_HUGO_CUSTOM_FRONT_MATTER+: :publication "*Journal of Tidal Studies*" :doi "10.1000/jts.7"
:END:
Ripples migrate with the tide.
** Mud flats after the storm
:PROPERTIES:
:EXPORT_FILE_NAME: mud
:EXPORT_DATE: 2022-06-01
:EXPORT_AUTHOR: Carl Moe, Ben Roe
:EXPORT_HUGO_CUSTOM_FRONT_MATTER: :publication "Coastal Letters"
:END:
* Talks
** Marsh edges
:PROPERTIES:
:VENUE: Coastal Meeting, Lisbon
:DATE: 2020-05-01
:END:
"""
    entries = reader.read(doc).entries
    assert [(e.get("title"), e.get("author"), e.get("year"), e.get("journal")) for e in entries] == [
        ("Salt marsh retreat under rising seas", "Ortiz, Ana and Roe, Ben", "2019", "Estuarine Letters"),
        ("Sand ripples in tidal channels", "Ben Roe and Ana Ortiz", "2021", "Journal of Tidal Studies"),
        ("Mud flats after the storm", "Moe, Carl and Roe, Ben", "2022", "Coastal Letters")]
    assert entries[1].get("doi") == "10.1000/jts.7"


LATEX_CV = """#+TITLE: Ana Ortiz
#+LATEX_CLASS: article
#+OPTIONS: toc:nil

* Publications
#+begin_export latex
\\begin{enumerate}
  \\item A. Ortiz and B. Roe. Salt marsh retreat under rising seas. \\emph{Estuarine Letters}, 4:1--9, 2019.
  \\item B. Roe and A. Ortiz. Sand ripples in tidal channels. \\emph{Journal of Tidal Studies}, 7:20--31, 2021.
\\end{enumerate}
#+end_export
* Talks
#+LATEX: \\begin{itemize}
#+LATEX: \\item Marsh edges. Invited talk, Coastal Meeting, Lisbon, 2020.
#+LATEX: \\end{itemize}
"""


def test_a_document_written_for_latex_export_is_read_from_its_latex_parts() -> None:
    # a CV written for print keeps its lists in LaTeX export blocks and #+LATEX: lines, which
    # the HTML export drops: with no HTML of its own, those parts are the document's content
    entries = reader.read(LATEX_CV).entries
    assert [(e.get("title"), e.get("year")) for e in entries] == [
        ("Salt marsh retreat under rising seas", "2019"), ("Sand ripples in tidal channels", "2021")]
    assert entries[0].get("journal") == "Estuarine Letters"


def test_latex_parts_are_the_print_twin_of_a_document_that_writes_html() -> None:
    twin = LATEX_CV.replace("* Talks", "#+begin_export html\n<ol><li>A. Ortiz and B. Roe. Salt marsh retreat under rising seas. "
                            "<i>Estuarine Letters</i>, 4:1-9, 2019.</li></ol>\n#+end_export\n* Talks")
    assert [e.get("title") for e in reader.read(twin).entries] == ["Salt marsh retreat under rising seas"]


def test_a_files_own_todo_keywords_are_no_part_of_a_headlines_title() -> None:
    # a publication tracker names its states in #+TODO: (fast-access keys in parentheses);
    # a headline's first word that is one of them is its state, as Org shows it
    doc = """#+TODO: DRAFT SUBMITTED(s) | PUBLISHED(p!)
* Papers
** PUBLISHED Salt marsh retreat under rising seas
Ana Ortiz and Ben Roe. /Estuarine Letters/, 2019.
** SUBMITTED Sand ripples in tidal channels
Ben Roe. /Journal of Tidal Studies/, 2021.
** DONE Mud flats after the storm
Carl Moe. /Coastal Letters/, 2022.
"""
    html = to_html(doc)
    assert "PUBLISHED" not in html and "SUBMITTED" not in html and "DONE" not in html
    assert "<h3>Salt marsh retreat under rising seas</h3>" in html
    assert [e.get("title") for e in reader.read(doc).entries] == [
        "Salt marsh retreat under rising seas", "Sand ripples in tidal channels", "Mud flats after the storm"]
    # without the line, the word is the title's
    assert "<h3>PUBLISHED Salt marsh" in to_html(doc.split("\n", 1)[1])


def test_a_list_pasted_into_a_source_block_of_text_is_read_when_nothing_else_is() -> None:
    doc = """#+TITLE: CV
* Publications
#+begin_src text
A. Ortiz and B. Roe. Salt marsh retreat under rising seas. Estuarine Letters, 4:1-9, 2019.

B. Roe. Sand ripples in tidal channels. Journal of Tidal Studies, 7:20-31, 2021.
#+end_src
#+begin_src python
print("C. Moe. Not a paper at all. Journal of Code, 2020.")
#+end_src
"""
    assert '<pre class="src src-text">A. Ortiz' in to_html(doc)
    assert "Not a paper" not in to_html(doc)  # code stays out, as before
    assert [e.get("year") for e in reader.read(doc).entries] == ["2019", "2021"]
