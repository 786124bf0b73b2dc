"""Page segmentation: every common page shape gives one segment per publication."""

from __future__ import annotations

from refkit.extraction.html_segments import PageItem, classify_heading, page_items, parse_html


def items(html: str) -> list[PageItem]:
    root = parse_html(html)
    assert root is not None
    return page_items(root, "page.html")


def pubs(html: str) -> list[PageItem]:
    return [i for i in items(html) if i.section != "other"]


def texts(html: str) -> list[str]:
    return [i.segment.text for i in pubs(html)]


def lines(item: PageItem) -> list[str]:
    return "".join(s.text for s in item.segment.spans).split("\n")


UL_PAGE = """<html><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/pubs">Publications 2024</a></li></ul></nav>
<h2>News</h2>
<ul>
  <li>[2024.05] Our paper on graph sparsification was accepted at ICML 2024, see you in Vienna.</li>
  <li>[2023.11] I gave an invited talk at the Simons Institute workshop on sketching, 2023.</li>
</ul>
<h2>Publications</h2>
<h3>Journal articles</h3>
<ul>
  <li>A. Lovelace and C. Babbage. <b>Notes on the analytical engine</b>. <i>Journal of Machines</i>, 12(3):1-20, 2021.
      <a href="https://doi.org/10.1000/jm.2021.3">doi</a> <a href="papers/engine.pdf">pdf</a></li>
  <li>G. Hopper, J. von Neumann. <b>Compilers considered helpful</b>. <i>Computing Surveys</i>, 4:7-9, 2019.</li>
  <li>K. Johnson. <b>Orbital mechanics without tears</b>. Submitted to <i>Celestial Letters</i>.</li>
</ul>
<h3>Talks</h3>
<ul><li>Notes on the analytical engine, invited talk at the Royal Society, London, 2021.</li>
    <li>Compilers considered helpful, keynote at the Compiler Construction meeting, 2020.</li></ul>
<footer>Copyright 2024 A. Lovelace. Last updated 2024.</footer>
<script>var x = "2024, 2023, 2022, a script is never a publication";</script>
</body></html>"""


def test_list_items_under_publication_headings_only() -> None:
    found = pubs(UL_PAGE)
    assert [i.segment.headings for i in found] == [("Publications", "Journal articles")] * 3
    assert found[0].segment.text.startswith("A. Lovelace and C. Babbage. Notes on the analytical engine.")
    assert found[2].segment.text.startswith("K. Johnson.")  # no year, same shape as its siblings
    sections = {i.segment.headings[-1]: i.section for i in items(UL_PAGE)}
    assert sections["News"] == "other" and sections["Talks"] == "other"


def test_spans_keep_markup_and_links() -> None:
    first = pubs(UL_PAGE)[0].segment
    bold = [s.text for s in first.spans if s.bold]
    italic = [s.text for s in first.spans if s.italic]
    assert bold == ["Notes on the analytical engine"]
    assert italic == ["Journal of Machines"]
    assert [(link.label, link.url) for link in first.links] == [
        ("doi", "https://doi.org/10.1000/jm.2021.3"),
        ("pdf", "papers/engine.pdf"),
    ]
    # the trailing "doi pdf" link group is not citation text
    assert first.text.endswith("2021.")
    assert first.location.path == "page.html" and first.location.line == 11


TABLE_PAGE = """---
layout: default
title: Home
---

## About
I work on video restoration.<br>
In 2020, he received his M.E. degree in Precision Engineering from the University of Tokyo.<br>
In 2018, he received his B.E. degree in Mechatronics from Zhejiang University, China.<br>

## Publications
<table><tbody>
<tr><td><img src="a.png"></td><td>
  <b>Seeing Through Fog: Restoration of<br>Hazy Video</b><br>
  Ann Lee<sup>*</sup>, <strong>Bo Chen<sup>&dagger;</sup></strong>,<br>Carl Diaz
  <br><em>CVPR</em>, 2023<br>
  <a href="https://proj.example.org/fog">project page</a> / <a href="https://arxiv.org/abs/2301.01234">arXiv</a> /
  <a href="https://github.com/x/fog">code</a>
</td></tr>
<tr><td><img src="b.png"></td><td>
  <b>Efficient Deblurring with Ef&#xfb03;cient Transformers</b><br>
  Bo Chen, Ann Lee<br><em>International Journal of Vision (IJV)</em>, 2022<br>
  <a href="https://link.springer.com/article/10.1007/s11263-022-01705-6">paper</a>
</td></tr>
</tbody></table>
"""


def test_table_rows_markdown_headings_front_matter() -> None:
    found = pubs(TABLE_PAGE)
    assert len(found) == 2
    first = found[0]
    assert lines(first) == [
        "Seeing Through Fog: Restoration of Hazy Video",  # <br> inside a title is a space
        "Ann Lee*, Bo Chen†, Carl Diaz",  # <br> after a comma continues the name list
        "CVPR, 2023",
    ]
    assert [s.text for s in first.segment.spans if s.sup] == ["*", "†"]
    assert first.segment.headings == ("Publications",)
    assert first.segment.location.line == 13  # front matter kept the line numbers
    assert [link.label for link in first.segment.links] == ["project page", "arXiv", "code"]
    assert "Efﬃcient" in found[1].segment.text  # ligatures kept as shown


def test_bio_lines_with_years_are_not_in_a_publication_section() -> None:
    about = [i for i in items(TABLE_PAGE) if i.segment.headings == ("About",)]
    assert all(i.section == "other" for i in about)


ALFOLIO = """<html><body><div class="post"><header><h1 class="post-title">publications</h1></header>
<article><p>An up-to-date list is on <a href="https://ads">NASA ADS</a>.</p>
<div class="publications"><h2 class="bibliography">2018</h2>
<ol class="bibliography"><li><div class="row">
  <div class="col-sm-2 abbr"><abbr class="badge"><a href="https://academic.oup.com/mnras">MNRAS</a></abbr></div>
  <div id="pillepich2018" class="col-sm-8">
    <div class="title">Simulating galaxy formation with the IllustrisTNG model</div>
    <div class="author">Annalisa Pillepich, <em>Volker Springel</em>, Dylan Nelson, and
      <span class="more-authors" title="click to view 8 more authors" onclick="var a = 'x';">8 more authors</span></div>
    <div class="periodical"><em>Monthly Notices of the Royal Astronomical Society</em>, Jan 2018</div>
    <div class="links">
      <a class="abstract btn btn-sm z-depth-0" role="button">Abs</a>
      <a href="http://arxiv.org/abs/1703.02970" class="btn btn-sm z-depth-0" role="button">arXiv</a>
      <a class="bibtex btn btn-sm z-depth-0" role="button">Bib</a>
      <a href="https://doi.org/10.1093/mnras/stx2656" class="btn btn-sm z-depth-0" role="button">HTML</a>
    </div>
    <div class="abstract hidden"><p>We introduce a model, in 2018, with many words and commas, 2017.</p></div>
    <div class="bibtex hidden"><figure class="highlight"><pre><code class="language-bibtex">@article{pillepich2018,
  title = {Simulating galaxy formation with the IllustrisTNG model},
  author = {Pillepich, Annalisa and Springel, Volker},
  journal = {MNRAS},
  year = {2018}
}</code></pre></figure></div>
  </div></div></li>
<li><div class="row"><div class="col-sm-2 abbr"><abbr class="badge">Nature</abbr></div>
  <div class="col-sm-8"><div class="title">Properties of galaxies reproduced by a hydrodynamic simulation</div>
  <div class="author">Mark Vogelsberger, Shy Genel</div>
  <div class="periodical"><em>Nature</em>, May 2014</div></div></div></li>
</ol></div></article></div></body></html>"""


def test_alfolio_badges_hidden_boxes_and_more_authors() -> None:
    found = pubs(ALFOLIO)
    assert len(found) == 2
    first = found[0]
    assert lines(first) == [
        "Simulating galaxy formation with the IllustrisTNG model",
        "Annalisa Pillepich, Volker Springel, Dylan Nelson, et al.",
        "Monthly Notices of the Royal Astronomical Society, Jan 2018",
    ]
    assert "title" in first.segment.spans[0].css
    assert first.segment.headings == ("publications", "2018")
    labels = [link.label for link in first.segment.links]
    assert "arXiv" in labels and "HTML" in labels
    # the hidden BibTeX box is inside the item (the reader merges it), not its text
    assert any(el.tag == "code" for el in first.subtree())
    assert "MNRAS" not in first.segment.text


BR_PARAGRAPH = """<HTML><BODY><H2>Publications (selected)</H2>
<P>12. Sletten, E. M.; Bertozzi, C. R. A Bioorthogonal Ligation. <I>J. Am. Chem. Soc.</I> <B>2011</B>, <I>133</I>, 17570&ndash;17573.<BR>
<BR>
11. Doe, J.; Roe, R. &ldquo;From Mechanism to Mouse.&rdquo; <I>Acc. Chem. Res.</I> <B>2011</B>, <I>44</I>, 666&ndash;676. doi:10.1021/ar200148z<BR>
<BR>
10. Poe, E. A Tale of Two Reactions, Part II. <I>Science</I> <B>2010</B>, <I>132</I>, 3688&ndash;3690.<BR>
</P>
<H2>Awards</H2><P>2010 Some Prize, for contributions to chemistry, awarded in Cambridge, MA<BR>2005 Another Award, U.S. Department of Energy, Washington<BR></P>
</BODY></HTML>"""


def test_items_separated_by_br_in_one_paragraph() -> None:
    found = texts(BR_PARAGRAPH)
    assert len(found) == 3
    assert found[1].startswith("11. Doe, J.; Roe, R. “From Mechanism to Mouse.”")
    assert found[2].endswith("3688–3690.")


FLAT = """<html><body><h2>Papers</h2><div class="list">
<div class="ptitle">Learning to Rank with Partial Labels</div>
<div class="pauthors">Ann Lee, Bo Chen and Carl Diaz</div>
<div class="pvenue">Proceedings of the International Conference on Learning, 2020</div>
<div class="ptitle">Sparse Recovery in Linear Time</div>
<div class="pauthors">Bo Chen and Ann Lee</div>
<div class="pvenue">Journal of Algorithms and Complexity, volume 3, 2019</div>
<div class="ptitle">Counting Triangles in Streams</div>
<div class="pauthors">Carl Diaz</div>
<div class="pvenue">Proceedings of the Symposium on Discrete Algorithms, 2018</div>
</div></body></html>"""


def test_flat_sibling_runs_are_grouped_per_paper() -> None:
    found = pubs(FLAT)
    assert [lines(i)[0] for i in found] == [
        "Learning to Rank with Partial Labels",
        "Sparse Recovery in Linear Time",
        "Counting Triangles in Streams",
    ]
    assert all(len(lines(i)) == 3 for i in found)


BIBTEX2HTML = """<html><body><h1>Selected papers</h1>
<p>This list is generated from my BibTeX file.</p>
<table>
<tr valign="top"><td align="right" class="bibtexnumber">[<a name="tao2022">1</a>]</td>
<td class="bibtexitem">Terence Tao.
 Almost all orbits of the Collatz map attain almost bounded values.
 <em>Forum of Mathematics, Pi</em>, 10:e12, 2022.
[&nbsp;<a href="tao_bib.html#tao2022">bib</a>&nbsp;| <a href="http://dx.doi.org/10.1017/fmp.2022.8">DOI</a>&nbsp;|
<a href="http://arxiv.org/abs/1909.03562">http</a>&nbsp;]
<blockquote><font size="-1">We prove that almost all orbits, in 2019 and 2020, attain bounded values.</font></blockquote>
<p></td></tr>
<tr valign="top"><td align="right" class="bibtexnumber">[<a name="rt2018">2</a>]</td>
<td class="bibtexitem">Brad Rodgers and Terence Tao.
 The De Bruijn-Newman constant is non-negative.
 Preprint, 2018.
[&nbsp;<a href="tao_bib.html#rt2018">bib</a>&nbsp;| <a href="http://arxiv.org/abs/1801.05914">http</a>&nbsp;]
<p></td></tr></table>
<hr><p><em>This file was generated by <a href="http://www.lri.fr/~filliatr/bibtex2html/">bibtex2html</a> 1.99.</em></p>
</body></html>"""


def test_bibtex2html_rows() -> None:
    found = [i for i in pubs(BIBTEX2HTML) if "Tao" in i.segment.text]
    assert [i.segment.text for i in found] == [
        "Terence Tao. Almost all orbits of the Collatz map attain almost bounded values. Forum of Mathematics, Pi, 10:e12, 2022.",
        "Brad Rodgers and Terence Tao. The De Bruijn-Newman constant is non-negative. Preprint, 2018.",
    ]
    assert [link.label for link in found[0].segment.links] == ["bib", "DOI", "http"]


HUGO = """<html><body><section id="publications"><div class="container"><div class="row">
<div class="section-heading"><h1>Recent Publications</h1></div>
<div class="col-12">
<div class="pub-list-item view-citation" style="margin-bottom:1rem"><i class="far fa-file-alt pub-icon" aria-hidden="true"></i>
<span class="article-metadata li-cite-author"><span><a href="/author/a/">Trevor Hastie</a></span>, <span>Robert Tibshirani</span></span>
(2022).
<a href="/publication/ridgeless/">Surprises in High-Dimensional Ridgeless Least Squares Interpolation</a>.
<em>The Annals of Statistics</em>.
<p><a class="btn btn-outline-primary btn-page-header btn-sm" href="https://arxiv.org/pdf/1903.08560" target="_blank">PDF</a>
<a class="btn btn-outline-primary btn-page-header btn-sm js-cite-modal" data-filename="/publication/x/cite.bib">Cite</a>
<a class="btn btn-outline-primary btn-page-header btn-sm" href="https://doi.org/10.1214/21-AOS2133" target="_blank">DOI</a></p>
</div>
<div class="pub-list-item view-citation"><span class="article-metadata li-cite-author"><span>Hui Zou</span>, <span>Trevor Hastie</span></span>
(2005). <a href="/publication/enet/">Regularization and Variable Selection via the Elastic Net</a>. <em>JRSS B</em>.</div>
</div></div></div></section></body></html>"""


def test_hugo_wowchemy_citation_view() -> None:
    found = pubs(HUGO)
    assert [i.segment.text for i in found] == [
        "Trevor Hastie, Robert Tibshirani (2022). Surprises in High-Dimensional Ridgeless Least Squares Interpolation. The Annals of Statistics.",
        "Hui Zou, Trevor Hastie (2005). Regularization and Variable Selection via the Elastic Net. JRSS B.",
    ]
    assert [link.label for link in found[0].segment.links][-2:] == ["PDF", "DOI"]
    assert found[0].segment.headings == ("Recent Publications",)


ACADEMICPAGES = """<html><body><div id="main"><div class="archive"><h1 class="page__title">Publications</h1>
<div class="list__item"><article class="archive__item">
<h2 class="archive__item-title"><a href="/publication/2009-10-01-paper-title-number-1">Paper Title Number 1</a></h2>
<p>Published in <i>Journal 1</i>, 2009</p>
<p>This paper is about the number 1. The number 2 is left for future work.</p>
<p>Recommended citation: Your Name, You. (2009). &quot;Paper Title Number 1.&quot; <i>Journal 1</i>. 1(1).</p>
</article></div>
<div class="list__item"><article class="archive__item">
<h2 class="archive__item-title"><a href="/publication/2010-paper-2">Paper Title Number 2</a></h2>
<p>Published in <i>Journal 1</i>, 2010</p>
<p>Recommended citation: Your Name, You. (2010). &quot;Paper Title Number 2.&quot; <i>Journal 1</i>. 1(2).</p>
</article></div></div></div></body></html>"""


def test_academicpages_recommended_citation() -> None:
    found = pubs(ACADEMICPAGES)
    assert [i.segment.text for i in found] == [
        'Your Name, You. (2009). "Paper Title Number 1." Journal 1. 1(1).',
        'Your Name, You. (2010). "Paper Title Number 2." Journal 1. 1(2).',
    ]
    assert found[0].segment.links[0].url == "/publication/2009-10-01-paper-title-number-1"


SCHOLAR = """<html><body><table id="gsc_a_t"><tbody id="gsc_a_b">
<tr class="gsc_a_tr"><td class="gsc_a_t"><a href="/citations?view_op=view_citation&amp;citation_for_view=x:1" class="gsc_a_at">Deep residual learning for image recognition</a>
<div class="gs_gray">K He, X Zhang, S Ren, J Sun</div><div class="gs_gray">Proceedings of the IEEE conference on computer vision, 770-778<span class="gs_oph">, 2016</span></div></td>
<td class="gsc_a_c"><a href="x" class="gsc_a_ac gs_ibl">250000</a></td><td class="gsc_a_y"><span class="gsc_a_h gsc_a_hc gs_ibl">2016</span></td></tr>
<tr class="gsc_a_tr"><td class="gsc_a_t"><a href="/citations?view_op=view_citation&amp;citation_for_view=x:2" class="gsc_a_at">Faster R-CNN: Towards real-time object detection</a>
<div class="gs_gray">S Ren, K He, R Girshick, J Sun</div><div class="gs_gray">Advances in neural information processing systems 28<span class="gs_oph">, 2015</span></div></td>
<td class="gsc_a_c"><a href="y" class="gsc_a_ac gs_ibl">80000</a></td><td class="gsc_a_y"><span class="gsc_a_h gsc_a_hc gs_ibl">2015</span></td></tr>
</tbody></table></body></html>"""


def test_scholar_profile_rows_read_the_text_cell() -> None:
    found = items(SCHOLAR)
    assert [lines(i) for i in found] == [
        ["Deep residual learning for image recognition", "K He, X Zhang, S Ren, J Sun", "Proceedings of the IEEE conference on computer vision, 770-778, 2016"],
        ["Faster R-CNN: Towards real-time object detection", "S Ren, K He, R Girshick, J Sun", "Advances in neural information processing systems 28, 2015"],
    ]


DL = """<html><body><dl><dt>Journal papers</dt>
<dd>A. Smith, B. Jones. A study of things. Journal of Studies, 3:1-4, 2011.</dd>
<dd>C. Brown. Another study of things. Journal of Studies, 4:5-9, 2012.</dd>
<dt>Teaching</dt><dd>Course CS101: Introduction to computing, Spring 2012, 2013, 2014.</dd></dl></body></html>"""


def test_definition_list_headings() -> None:
    found = items(DL)
    assert [(i.segment.headings, i.section) for i in found] == [
        (("Journal papers",), "pub"),
        (("Journal papers",), "pub"),
        (("Teaching",), "other"),
    ]


BOLD_LABELS = """<html><body><div>
<p><strong>Conference Papers</strong></p>
<p>A. Smith. Fast things. In Proceedings of the Conference on Speed, pages 1-9, 2019.</p>
<p>B. Jones. Slow things. In Proceedings of the Conference on Patience, pages 3-4, 2018.</p>
<p><strong>Invited Talks</strong></p>
<p>Fast things, seminar at the Institute of Speed, Cambridge, 12 March 2019.</p>
<p>Slow things, seminar at the University of Patience, Oxford, 2018.</p>
</div></body></html>"""


def test_bold_paragraphs_are_section_headings() -> None:
    found = items(BOLD_LABELS)
    assert [(i.segment.headings[-1], i.section) for i in found] == [
        ("Conference Papers", "pub"),
        ("Conference Papers", "pub"),
        ("Invited Talks", "other"),
        ("Invited Talks", "other"),
    ]


def test_classify_heading() -> None:
    assert classify_heading("Selected Publications") == "pub"
    assert classify_heading("Preprints & Working Papers") == "pub"
    assert classify_heading("2023") is None
    assert classify_heading("Recent News") == "other"
    assert classify_heading("Paper reviewing") == "other"
    assert classify_heading("Teaching") == "other"


def test_deep_nesting_and_empty_pages_do_not_fail() -> None:
    deep = "<div>" * 10000 + "A. Smith. A deep title. Journal of Depth, 1:2-3, 2020." + "</div>" * 10000
    root = parse_html(deep)
    assert root is not None
    found = page_items(root)
    assert len(found) == 1 and "A deep title" in found[0].segment.text
    assert parse_html("") is None
    assert parse_html("   \n ") is None
    root = parse_html("<html><body><p>Hello, world.</p></body></html>")
    assert root is not None and page_items(root) == []


BR_WITH_LABELS = """<html><body>
<h1>Jane Roe</h1><p>Professor of Physics.</p>
<h2>Publications</h2>
<p><b>Refereed journal articles</b><br>
1. J. Roe, K. Smith, and L. Wong, "Quantum dots in strong fields," Phys. Rev. B <b>95</b>, 115401 (2017). [<a href="https://arxiv.org/abs/1612.01234">arXiv</a>]<br>
2. J. Roe and M. Black, "Spin waves revisited," Phys. Rev. Lett. <b>120</b>, 027201 (2018). <a href="https://doi.org/10.1103/PhysRevLett.120.027201">doi</a><br>
<br>
<b>Conference proceedings</b><br>
3. J. Roe, "Phonons at the edge," in Proceedings of the International Conference on Low Temperature Physics, pp. 12-15 (2016).<br>
</p>
<h2>Teaching</h2>
<p>PHYS 101: Introductory Mechanics, Fall 2019, Fall 2020, Spring 2021, taught to 300 students.<br>
PHYS 505: Quantum Field Theory, Spring 2018, graduate course, with many problem sets and exams.</p>
</body></html>"""


def test_bold_labels_between_br_separated_items() -> None:
    found = items(BR_WITH_LABELS)
    assert [(i.segment.headings[1:], i.section, i.segment.location.line) for i in found] == [
        (("Publications", "Refereed journal articles"), "pub", 5),
        (("Publications", "Refereed journal articles"), "pub", 6),
        (("Publications", "Conference proceedings"), "pub", 9),
        (("Teaching",), "other", 12),
        (("Teaching",), "other", 13),
    ]
    assert found[0].segment.text.endswith("115401 (2017).")  # the [arXiv] link left the text
    assert found[0].segment.links[0].url == "https://arxiv.org/abs/1612.01234"


YEAR_COLUMN = """<html><body><table class="pubs">
<tr><th>Year</th><th>Publication</th></tr>
<tr><td>2019</td><td>A. Kumar, B. Singh. <em>Graph neural networks for molecules</em>. Journal of Chemical Information and Modeling, 59(3), 100-110.</td></tr>
<tr><td>2018</td><td>B. Singh. <em>Kernel methods in chemistry</em>. Chemical Science, 9, 2000-2010.</td></tr>
</table></body></html>"""


def test_year_column_moves_after_the_citation() -> None:
    found = items(YEAR_COLUMN)
    assert [lines(i) for i in found] == [
        ["A. Kumar, B. Singh. Graph neural networks for molecules. Journal of Chemical Information and Modeling, 59(3), 100-110.", "2019"],
        ["B. Singh. Kernel methods in chemistry. Chemical Science, 9, 2000-2010.", "2018"],  # 2000-2010 are pages
    ]


YEAR_COLUMN_LINKED = """<html><body><h2>Publications</h2><table>
<tr><td>2022</td><td><i>"Counting waves in shallow bays"</i>, A. Lima, R. Costa, [<a href="https://arxiv.org/abs/2201.01234">2201.01234</a>]</td></tr>
<tr><td>2020</td><td><i>"Salt wedges revisited"</i>, R. Costa, [<a href="https://arxiv.org/abs/2003.04321">2003.04321</a>]</td></tr>
</table></body></html>"""


def test_a_year_column_dates_citations_that_end_in_a_link() -> None:
    """A citation cell that ends in an arXiv link is a whole citation by itself, but the
    year cell beside it is still its date: the row is the item."""
    found = pubs(YEAR_COLUMN_LINKED)
    assert [lines(i)[-1] for i in found] == ["2022", "2020"]
    assert [i.segment.text[:9] for i in found] == ['"Counting', '"Salt wed']


YEAR_HEADINGS = """<html><body><h2>Publications</h2>
<h3>2021</h3>
<ul>
<li>A. Smith and B. Jones. Counting things in streams. <i>Journal of Streams</i>, 4(2):1-20.</li>
<li>C. Brown, D. White. Sketching big matrices, fast. In <i>Proceedings of SODA</i>, pages 3-9.</li>
</ul>
<h3>2020</h3>
<ul><li>E. Green. Lower bounds for everything. <i>SIAM Journal on Computing</i>, 49(1):100-120.</li></ul>
<h2>Interests</h2>
<ul><li>Streaming algorithms, sketching; randomized linear algebra.</li><li>Data structures.</li></ul>
</body></html>"""


def test_list_items_without_years_under_year_headings() -> None:
    found = pubs(YEAR_HEADINGS)
    assert [(i.segment.headings, i.segment.text[:9]) for i in found] == [
        (("Publications", "2021"), "A. Smith "),
        (("Publications", "2021"), "C. Brown,"),
        (("Publications", "2020"), "E. Green."),
    ]


TITLED_DL = """<html><body><h2>Papers</h2><dl>
<dt><a href="https://eprint.iacr.org/2018/601">Verifiable Delay Functions</a></dt>
<dd>Dan Boneh, Joseph Bonneau, Benedikt B&uuml;nz, Ben Fisch<br>CRYPTO 2018 &middot; <a href="papers/vdf.pdf">pdf</a> &middot; <a href="https://eprint.iacr.org/2018/601">ePrint</a></dd>
<dt><a href="https://eprint.iacr.org/2017/1066">Bulletproofs: Short Proofs for Confidential Transactions and More</a></dt>
<dd>Benedikt B&uuml;nz, Jonathan Bootle, Dan Boneh, Andrew Poelstra<br>IEEE S&amp;P 2018</dd>
</dl></body></html>"""


def test_definition_list_of_titles_and_details() -> None:
    found = pubs(TITLED_DL)
    assert [lines(i) for i in found] == [
        ["Verifiable Delay Functions", "Dan Boneh, Joseph Bonneau, Benedikt Bünz, Ben Fisch", "CRYPTO 2018"],
        ["Bulletproofs: Short Proofs for Confidential Transactions and More", "Benedikt Bünz, Jonathan Bootle, Dan Boneh, Andrew Poelstra", "IEEE S&P 2018"],
    ]
    assert [link.label for link in found[0].segment.links] == ["Verifiable Delay Functions", "pdf", "ePrint"]


LINES_IN_ONE_BLOCK = """<html><body><h2>Publications</h2>
<p>
<b>Counting Things in Streams</b><br>
Ann Lee, Bo Chen<br>
Journal of Streams, 2020<br>
<a href="a.pdf">pdf</a><br>
<b>NTIRE 2019 Challenge on Sketching</b><br>
Carl Diaz<br>
Proceedings of the Workshop on Sketches, 2019<br>
</p></body></html>"""

ONE_PAPER_YEAR_IN_TITLE = """<html><body><h2>Publications</h2><table><tr><td>
<b>NTIRE 2019 Challenge on Sketching</b><br>Carl Diaz, Ann Lee<br>Proceedings of the Workshop on Sketches, 2019
</td></tr></table></body></html>"""


def test_papers_over_several_lines_in_one_block() -> None:
    found = pubs(LINES_IN_ONE_BLOCK)
    assert [lines(i) for i in found] == [
        ["Counting Things in Streams", "Ann Lee, Bo Chen", "Journal of Streams, 2020"],
        ["NTIRE 2019 Challenge on Sketching", "Carl Diaz", "Proceedings of the Workshop on Sketches, 2019"],
    ]
    assert [link.url for link in found[0].segment.links] == ["a.pdf"]
    assert [len(lines(i)) for i in pubs(ONE_PAPER_YEAR_IN_TITLE)] == [3]


NESTED = """<html><body><h2>Publications</h2><ul>
<li>A. Smith, B. Jones. Counting things in streams. <i>Journal of Streams</i>, 4(2):1-20, 2020.
  <ul><li>Also presented at the Workshop on Streaming, Vienna, 2019.</li></ul></li>
<li>C. Brown, D. White. Sketching big matrices, fast. In <i>Proceedings of SODA</i>, pages 3-9, 2018.</li>
<li>2017
  <ul><li>E. Green. Lower bounds for everything. <i>SIAM Journal on Computing</i>, 49(1):100-120, 2017.</li>
  <li>F. Black. Upper bounds for nothing. <i>SIAM Journal on Computing</i>, 49(2):10-20, 2017.</li></ul></li>
</ul></body></html>"""


def test_nested_note_stays_with_its_paper_and_nested_papers_split() -> None:
    found = pubs(NESTED)
    assert [lines(i)[0][:9] for i in found] == ["A. Smith,", "C. Brown,", "E. Green.", "F. Black."]
    assert lines(found[0])[1] == "Also presented at the Workshop on Streaming, Vienna, 2019."


TITLE_HEADINGS = """<html><body><h2>Publications</h2><div class="pubs">
<h3><a href="p1.pdf">Counting Things in Streams Quickly</a></h3>
<p>Ann Lee, Bo Chen</p>
<p><i>Journal of Streams</i>, 4(2):1-20, 2020.</p>
<h3>Sketching Big Matrices with Few Passes</h3>
<p>Carl Diaz</p>
<p>In <i>Proceedings of SODA</i>, pages 3-9, 2018.</p>
</div></body></html>"""


def test_paper_titles_as_headings() -> None:
    found = pubs(TITLE_HEADINGS)
    assert [lines(i) for i in found] == [
        ["Counting Things in Streams Quickly", "Ann Lee, Bo Chen", "Journal of Streams, 4(2):1-20, 2020."],
        ["Sketching Big Matrices with Few Passes", "Carl Diaz", "In Proceedings of SODA, pages 3-9, 2018."],
    ]
    assert all(i.segment.headings == ("Publications",) for i in found)


def test_invisible_characters_are_not_text() -> None:
    page = "<html><body><h2>Papers</h2><ul><li>A. Smith. Hyper&shy;graph par&#8203;titioning. <i>Journal of Graphs</i>, 1:2-3, 2020.</li></ul></body></html>"
    assert texts(page) == ["A. Smith. Hypergraph partitioning. Journal of Graphs, 1:2-3, 2020."]


SHORT_UNDATED = """<html><body><h2>Preprints</h2>
<ul>
<li><p>R. Iyer, T. Lund, <a href="https://example.org/flows.pdf">Sheaves of flows on graphs</a>, 1-40, 2025,
    <a href="https://arxiv.org/abs/2501.00001">arXiv:2501.00001</a></p></li>
<li><p>T. Lund, <a href="https://example.org/nerve.pdf">A nerve theorem for posets</a></p></li>
</ul>
<h2>Working papers</h2>
<ul><li><a href="https://example.org/cones.pdf">Cones and their duals in practice</a>, with Mira Solberg</li></ul>
</body></html>"""


def test_short_list_items_without_a_year_are_items_by_their_evidence() -> None:
    # names and a linked title make a citation without a year: the undated item is
    # not glued to the dated one before it, and a list of one such item under a
    # publications heading is read too ("Title, with Coauthor")
    assert texts(SHORT_UNDATED) == [
        "R. Iyer, T. Lund, Sheaves of flows on graphs, 1-40, 2025, arXiv:2501.00001",
        "T. Lund, A nerve theorem for posets",
        "Cones and their duals in practice, with Mira Solberg",
    ]


def test_undated_list_of_plain_phrases_is_not_read_as_citations() -> None:
    # the same shape with neither names nor titles: interests, not papers
    page = """<html><body><h2>Publications</h2><ul><li>2021: A. Smith, B. Doe, Counting sheep at night, J. Sleep 3, 2021.</li>
    <li>Topology and geometry of data</li><li>Category theory for engineers</li></ul></body></html>"""
    assert len(texts(page)) == 1


def _card(title: str, abstract: str, byline: str, venue: str) -> str:
    return (f"<div class='paper'><details><summary><u>{title}</u> (<a href='https://arxiv.org/abs/2101.00001'>arXiv</a>)"
            f"</summary><div>{abstract}</div></details><div>{byline}<br><a href='https://conf.example.org'>{venue}</a></div></div>")


CARDS = "<html><body><h2>Papers</h2>" + "".join([
    _card("Quiet gossip protocols for sensor swarms", "We study gossip. Unlike the scheme of PODC 2019, ours is quiet.",
          "Ana Ruiz, Tomasz Nowak", "Symposium on Distributed Things 2022"),
    _card("Leases without clocks", "Our leases need no synchronized clocks and are simple.",
          "Ana Ruiz", "Workshop on Time 2021"),
    _card("Fast consensus in the wild", "We measure consensus in deployments (first shown at OPODIS 2018).",
          "Tomasz Nowak, Ana Ruiz, Li Wei", "Journal of Agreement, vol. 3, 2020"),
]) + "</body></html>"


def test_card_title_block_and_byline_are_one_item_even_when_both_look_dated() -> None:
    # the abstract's "PODC 2019" or the "(arXiv)" label makes the title block look
    # like a citation of its own; the byline (names first, one name or several) completes it
    found = pubs(CARDS)
    assert [i.segment.text.split(" (")[0].split(" We ")[0].split(" Our ")[0] for i in found] == [
        "Quiet gossip protocols for sensor swarms", "Leases without clocks", "Fast consensus in the wild"]
    assert all(i.segment.text.endswith(("2022", "2021", "2020")) for i in found)


def test_two_papers_side_by_side_in_one_block_stay_two_items() -> None:
    page = """<html><body><h2>Papers</h2><div>
    <p>A. Ruiz, T. Nowak. Quiet gossip protocols. Symposium on Distributed Things, 2022.</p>
    <p>T. Nowak, L. Wei. Leases without clocks. Workshop on Time, 2021.</p></div></body></html>"""
    assert [t[:8] for t in texts(page)] == ["A. Ruiz,", "T. Nowak"]


def test_papers_run_together_in_one_paragraph_are_separate_items() -> None:
    page = """<html><body><h2>Papers</h2><p>K. Osei, L. Brandt. Tidal mixing in fjords. <i>Journal of Coastal
    Things</i>, 3(2):1-9, 2020. M. Ito. Salt wedges revisited. <i>Estuary Letters</i>, 4:10-12, 2021.</p></body></html>"""
    assert [t[:8] for t in texts(page)] == ["K. Osei,", "M. Ito. "]


ONE_PER_SECTION = """<html><body><h1>Publications</h1>
<h2>Journal papers</h2>
<ul><li>Ana Ruiz and Tom Berg. Sorting networks revisited. <em>Journal of Odd Algorithms</em>, 3(2):1-20, 2019.</li></ul>
<h2>Theses</h2>
<ul><li>Tom Berg. A note on stable merges. PhD thesis, University of Nowhere, 2017.</li></ul>
</body></html>"""


def test_sections_of_one_item_each_are_two_items_not_one_card() -> None:
    found = pubs(ONE_PER_SECTION)
    assert [i.segment.text for i in found] == [
        "Ana Ruiz and Tom Berg. Sorting networks revisited. Journal of Odd Algorithms, 3(2):1-20, 2019.",
        "Tom Berg. A note on stable merges. PhD thesis, University of Nowhere, 2017.",
    ]
    assert [i.segment.headings[-1] for i in found] == ["Journal papers", "Theses"]


# ---- one paper over several lines or blocks: its dated notes are no papers of their own ------------
def test_a_block_of_lines_with_a_dated_note_is_one_paper() -> None:
    html = """<html><body><h2>Publications</h2>
<p>Jane Doe, John Roe and Li Wei<br>
<b>Counting sheep in the dark</b><br>
<i>Workshop on Sleep Studies (WSS)</i>, pp. 1-9, Oslo, Norway, May 2019<br>
A revised version of this paper was published in <i>Sleep Letters</i>, Volume 4, March 2020, pages 5-9.<br>
<a href="https://example.org/sheep.pdf">Available here</a></p>
<p>Omar Haddad and Jane Doe<br>
<b>Rivers that run uphill</b><br>
<i>Journal of Odd Hydrology</i>, 3(2):10-19, 2018.<br>
<a href="https://example.org/rivers.pdf">Available here</a></p>
</body></html>"""
    found = texts(html)
    assert len(found) == 2
    assert found[0].startswith("Jane Doe") and "revised version" in found[0]
    assert found[1].startswith("Omar Haddad")


def test_nested_lists_of_one_papers_lines_are_one_item_each() -> None:
    html = """<html><body><h2>Publications</h2><ul>
<li><b>Counting sheep in the dark</b><ul>
  <li>Jane Doe, John Roe and Li Wei</li>
  <li><i>Journal of Sleep Studies</i>, 12(3):45-67, 2021</li>
  <li>Presented at the Sleep Conference, Oslo, 2020</li></ul></li>
<li><b>Rivers that run uphill</b><ul>
  <li>Jane Doe and Omar Haddad</li>
  <li><i>Water Letters</i>, 3:1-9, 2019</li>
  <li>Presented at the Odd Hydrology Workshop, 2018</li></ul></li>
<li><b>Quiet mornings and loud afternoons</b><ul>
  <li>Li Wei and Jane Doe</li>
  <li><i>Annals of Daily Life</i>, 7:100-120, 2017</li></ul></li>
</ul></body></html>"""
    found = texts(html)
    assert [t.split(" Jane")[0].split(" Li Wei")[0] for t in found] == [
        "Counting sheep in the dark", "Rivers that run uphill", "Quiet mornings and loud afternoons"]


def test_a_list_of_papers_with_author_lists_stays_several_items() -> None:
    html = """<html><body><h2>Publications</h2><div>
<p>Jane Doe</p>
<p>Jane Doe and Li Wei. Counting sheep in the dark. Journal of Sleep Studies, 12(3):45-67, 2021.</p>
<p>Omar Haddad and Jane Doe. Rivers that run uphill. Water Letters, 3:1-9, 2019.</p>
</div></body></html>"""
    assert len([t for t in texts(html) if "20" in t]) == 2


def test_title_headings_with_short_venue_lines_and_dated_abstracts() -> None:
    html = """<html><body><h1>Publications</h1>
<h3>Counting sheep in the dark: a field study</h3>
<p>Jane Doe, John Roe and Li Wei</p>
<p><em>Journal of Sleep Studies</em>, 12:45-67, 2021</p>
<p>Abstract: We counted sheep on twelve farms in 2019 and 2020 and show that counting is hard.</p>
<h3>Rivers that run uphill, a report</h3>
<p>Jane Doe and Omar Haddad</p>
<p><em>Water Letters</em>, 3:1-9, 2019</p>
<p>Abstract: We observed rivers between 2015 and 2018; our data show they can run uphill.</p>
<h3>Quiet mornings and loud afternoons</h3>
<p>Li Wei, Jane Doe</p>
<p><em>Annals of Daily Life</em>, 7:100-120, 2017</p>
</body></html>"""
    found = texts(html)
    assert len(found) == 3
    assert [t.split(" Jane")[0].split(" Li Wei")[0] for t in found] == [
        "Counting sheep in the dark: a field study", "Rivers that run uphill, a report", "Quiet mornings and loud afternoons"]
    assert not any("Abstract" in t for t in found)


def test_titles_as_headings_under_a_section_heading() -> None:
    # one heading per paper (an Org or Markdown file's headlines) under a short section
    # heading that holds no paper of its own: each title heading is its paper's item
    page = """<html><body><h1>Papers</h1>
<h2>Tidal mixing in shallow estuaries</h2><p>N. Okafor and B. Lindqvist. <i>Coastal Dynamics</i>, 2019.</p>
<h2>A sparse solver for banded systems</h2><p>A. Ferreira and C. Moreau. <i>Numerical Methods</i>, 2020.</p>
<p>We present a solver that exploits band structure to save memory.</p>
<h2>Soil carbon under changing rainfall</h2><p>K. Halvorsen. <i>Earth Surface Letters</i>, 2021.</p>
</body></html>"""
    found = [lines(i)[:2] for i in pubs(page)]
    assert [f[0] for f in found] == ["Tidal mixing in shallow estuaries", "A sparse solver for banded systems",
                                     "Soil carbon under changing rainfall"]
    assert found[1][1].startswith("A. Ferreira and C. Moreau")


def test_bold_title_blocks_lead_papers_whose_venue_lines_are_short() -> None:
    rows = """<html><body><h2>Publications</h2><table>
<tr><td><b>Counting sheep in the dark: a field study</b></td></tr>
<tr><td>Jane Doe, John Roe and Li Wei</td></tr>
<tr><td><i>Journal of Sleep Studies</i>, 12(3):45-67, 2021</td></tr>
<tr><td><b>Rivers that run uphill</b></td></tr>
<tr><td>Jane Doe and Omar Haddad</td></tr>
<tr><td><i>Water Letters</i>, 3:1-9, 2019</td></tr>
<tr><td><b>Quiet mornings and loud afternoons</b></td></tr>
<tr><td>Li Wei and Jane Doe</td></tr>
<tr><td><i>Annals of Daily Life</i>, 7:100-120, 2017</td></tr>
</table></body></html>"""
    found = texts(rows)
    assert [t.split(" Jane")[0].split(" Li Wei")[0] for t in found] == [
        "Counting sheep in the dark: a field study", "Rivers that run uphill", "Quiet mornings and loud afternoons"]
    # every block bold: no title leads anything
    bold = "".join(f"<p><b>Jane Doe. Paper number {k}. Journal of Things, 20{k}0.</b></p>" for k in range(1, 4))
    assert len(texts(f"<html><body><h2>Publications</h2><div>{bold}</div></body></html>")) == 3


def test_cards_with_a_dated_note_block_are_one_item_each() -> None:
    card = """<div class="pub"><div class="title">{t}</div><div class="authors">{a}</div>
<div class="venue"><i>{v}</i></div>{n}</div>"""
    html = "<html><body><h2>Publications</h2>" + "".join([
        card.format(t="Counting sheep in the dark", a="Jane Doe, John Roe and Li Wei (2021)",
                    v="Journal of Sleep Studies, 12(3):45-67, 2021",
                    n='<div class="note">Also presented at the Sleep Conference, Oslo, 2020.</div>'),
        card.format(t="Rivers that run uphill", a="Jane Doe and Omar Haddad (2019)",
                    v="Journal of Odd Hydrology, 3:1-9, 2019",
                    n='<div class="note">Extended abstract in Hydrology Notes, 2018.</div>'),
        card.format(t="Quiet mornings and loud afternoons", a="Li Wei and Jane Doe (2017)",
                    v="Annals of Daily Life, 7:100-120, 2017", n=""),
    ]) + "</body></html>"
    found = texts(html)
    assert len(found) == 3 and all(t.split()[0] in ("Counting", "Rivers", "Quiet") for t in found)


def test_every_part_knows_the_child_it_starts_at() -> None:
    """Writing a part starts at its first child without ``parent[j]`` (lxml walks j
    siblings for it): a block of thousands of <br> lines, or a page of thousands of
    headings, walked to every part's place, quadratic (24,000 lines: minutes)."""
    from refkit.extraction.html_segments import _Page

    root = parse_html("<html><body><h2>Papers</h2><p>intro <b>x</b> y<br>A. Doe. One. 2020.<br><br>"
                      "B. Roe. <i>Two</i>. 2021.<br></p><div>C. Poe. Three. 2022.</div>tail text</body></html>")
    assert root is not None
    page = _Page(root)
    for el in (root.find("body"), root.find(".//p")):
        parts = page.parts(el)
        assert len(parts) >= 3
        for part in parts:
            expected = part.parent[(part.a - 1) // 2] if part.a >= 1 else None
            assert part.first is expected, (part.a, part.b)


def test_undated_paragraphs_with_a_status_word_are_papers() -> None:
    # papers as paragraphs: the dated ones count by their year, the others by their status
    # ("In review.", "(in revision)", "In progress"); a journal named "Progress in …" or
    # "Review of …" is no status
    page = """<html><body><h2>Articles</h2>
<p>R. Anand, T. Soler. Grazing pressure on alpine meadows. <i>Oikos</i>. In review.</p>
<p>T. Soler, R. Anand. Seed banks after fire (in revision).</p>
<p>R. Anand. Notes on pollinator decline in terraced farms. In progress</p>
<p>R. Anand, T. Soler. Soil crusts and runoff. <i>Catena</i> 88: 12-19, 2017.</p>
<p>I am also a member of a reading group on fieldwork methods in progress studies.</p>
</body></html>"""
    found = texts(page)
    assert len(found) == 4 and found[1].startswith("T. Soler, R. Anand. Seed banks")
    journal = """<html><body><h2>Articles</h2>
<p>R. Anand. Grazing pressure on alpine meadows, published in Progress in Botany.</p>
<p>T. Soler. Seed banks after fire, published in Review of Ecology.</p>
<p>R. Anand, T. Soler. Soil crusts and runoff. <i>Catena</i> 88: 12-19, 2017.</p>
</body></html>"""
    assert len(texts(journal)) == 1


def test_undated_paragraphs_shaped_like_the_dated_papers_beside_them() -> None:
    # papers in preparation carry no year and no status word; they open with their authors
    # and show an italic title, like the dated papers of the same list
    page = """<html><body><h2>Research</h2>
<p><b>Oyelaran, T.</b>, K. Bryn. 2021. <i>Rainfall shocks and school attendance.</i> Journal of Rural Studies, 4.</p>
<p>Bryn, K., <b>T. Oyelaran</b>. 2019. <i>Market access and crop choice in the Sahel.</i> Food Policy 7.</p>
<p><b>Oyelaran, T.</b>, M. Castel. <i>Insurance take-up after a drought year.</i></p>
<p>Castel, M., <b>T. Oyelaran</b>. <i>Migration networks and remittance timing.</i></p>
<p>I also teach <i>development economics for first-year students</i> every spring.</p>
</body></html>"""
    found = texts(page)
    assert len(found) == 4
    assert found[2].startswith("Oyelaran, T., M. Castel. Insurance take-up") and found[3].startswith("Castel, M.")


def test_a_nested_author_line_is_no_paper_of_its_own() -> None:
    # each paper's lines are nested items: its author line (a long one, all names) does not
    # count as a second citation beside the dated venue line
    paper = """<li><b>{title}</b><ul>
<li>C. Marchetti, L. Okonkwo, Y. Dubois, M. Lindqvist, K. Haddad, O. Petrov, P. Nakamura and R. Silva</li>
<li>Institute for Applied Computing, Technical Report, {year}</li>
<li><a href="https://example.org/{year}.pdf">Technical report</a></li></ul></li>"""
    page = f"""<html><body><h2>Reports</h2><ul>{paper.format(title="Activity report of the solver team", year=2023)}
{paper.format(title="Activity report of the compiler team", year=2022)}</ul></body></html>"""
    found = texts(page)
    assert len(found) == 2
    assert all(t.startswith("Activity report of the") and "C. Marchetti" in t and "Technical Report" in t for t in found)


def test_undated_cards_of_one_template_are_papers() -> None:
    card = """<div class="pub-card"><div class="pub-text"><b>{title}</b><br>
Mei Tanaka, Arjun Rao, Lucia Ferri<br><b>Optica Letters</b><br>Notes: {note}</div></div>"""
    page = f"""<html><body><h2>Submitted</h2>
{card.format(title="Wavefront shaping through thick tissue", note="a faster search")}
{card.format(title="Holograms from a scattering layer", note="three-dimensional display")}
<ul><li>M. Tanaka, A. Rao. Phase retrieval in fibres. Optica, 2021, 8(2): 1-9.</li>
<li>A. Rao, M. Tanaka. Speckle statistics of lasers. Optics Express, 2019, 27: 4-8.</li></ul>
<div class="footer-note"><span>Page kept by the lab</span></div><div class="footer-note"><span>Theme by someone</span></div>
</body></html>"""
    found = texts(page)
    assert len(found) == 4
    assert found[0].startswith("Wavefront shaping through thick tissue Mei Tanaka")
    assert found[1].startswith("Holograms from a scattering layer")


def test_title_headings_of_one_level_among_section_headings() -> None:
    """A heading per paper (``<h3>``) under a section heading of another level, with other
    sections after it: each title heading and its details are one item, the talks are talks."""
    page = """<html><body><h1>Marta Oyelaran</h1><p>I study lichens on city walls.</p>
<h2>Publications</h2>
<h3>Counting lichens on granite walls</h3>
<p>Marta Oyelaran, Tomas Brink<br><em>Journal of Urban Ecology, 2019</em></p>
<h3>A ledger of dry summers in the northern towns</h3>
<p>Tomas Brink, Ines Halvorsen, Marta Oyelaran<br><em>Climate Notes, 2021</em></p>
<h2>Talks</h2>
<ul><li>Invited talk: Walls that remember. City seminar, Bergen, March 2022.</li>
<li>Keynote: What lichens tell us. Annual Meeting of the Ecology Society, 2021.</li></ul>
</body></html>"""
    found = [i for i in pubs(page)]
    assert [lines(i)[0] for i in found if i.section == "pub"] == [
        "Counting lichens on granite walls", "A ledger of dry summers in the northern towns"]
    assert all("Journal of Urban Ecology" in i.segment.text or "Climate Notes" in i.segment.text
               for i in found if i.section == "pub")


def test_papers_under_year_lines_print_no_year() -> None:
    """Bold year paragraphs, each followed by its papers as paragraphs that print no year
    (a Markdown page: ``**2021**`` then the papers): every paper is an item, a year line is none."""
    page = """<html><body>
<p><strong>2021</strong></p>
<p><strong>A ledger of dry summers</strong>. Tomas Brink, Ines Halvorsen. Climate Notes.</p>
<p><strong>Salt marsh memory</strong>. Ines Halvorsen. Estuaries Quarterly, vol. 7.</p>
<p><strong>2019</strong></p>
<p><strong>Counting lichens on granite walls</strong>. Marta Oyelaran, Tomas Brink. Journal of Urban Ecology.</p>
</body></html>"""
    assert [lines(i)[0].split(".")[0] for i in pubs(page)] == [
        "A ledger of dry summers", "Salt marsh memory", "Counting lichens on granite walls"]


def test_undated_runs_between_blank_lines_of_dated_citations_are_papers() -> None:
    """One paragraph of papers separated by ``<br><br>``, some printing no year: an undated run
    that shows person names and a quoted title is a paper like its dated neighbours."""
    page = """<html><body><h2>Papers</h2><p>
M. Oyelaran, T. Brink, "Counting lichens on granite walls", Urban Ecology Notes, ISBN 978-1-00-000000-1
<br><br>
T. Brink, I. Halvorsen, "A ledger of dry summers", Proceedings of the Climate Meeting, Bergen, June 2019
<br><br>
I. Halvorsen, M. Oyelaran, "Salt marsh memory", Estuaries Quarterly 7, Oslo, 2018
<br><br>
Thanks to the city archive for the photographs of the walls, which we used with permission.
</p></body></html>"""
    assert [i.segment.text[:12] for i in pubs(page)] == ["M. Oyelaran,", "T. Brink, I.", "I. Halvorsen"]


def test_one_dated_paragraph_anchors_its_undated_citation_siblings() -> None:
    """Paragraphs of one section, one dated and the others chapters of the same book printed
    without a year ("«&nbsp;Title&nbsp;», ibid, p. 89"): each paragraph that reads as a
    citation is an item, not the whole section one."""
    page = """<html><body><section><h3>Concepts for the Study of Walls</h3>
<p>M. Oyelaran, T. Brink, «&nbsp;Lichens&nbsp;», in <em>Words for Walls</em>, Bergen: City Press, 2020, p.&nbsp;1 à 20.</p>
<p>T. Brink, I. Halvorsen, «&nbsp;Mortar and moss&nbsp;», <em>ibid</em>, p.&nbsp;21 à 40.</p>
<p>I. Halvorsen, M. Oyelaran, «&nbsp;Granite over time&nbsp;», <em>ibid</em>, p.&nbsp;41 à 60.</p>
</section></body></html>"""
    assert [i.segment.text[:12] for i in pubs(page)] == ["M. Oyelaran,", "T. Brink, I.", "I. Halvorsen"]


def test_a_card_led_by_its_title_heading_is_one_paper() -> None:
    """Cards each led by the paper's title as a heading, then a dated byline of two lines,
    a line of identifiers and an abstract: one item per card. A topic heading over papers
    that each name their authors stays a heading over several items."""
    card = """<div class="post {k}"><h3 class="title">{t}</h3>
<div class="byline"><time>{y}-03</time> <span>with Tomas Brink</span><br><span>Urban Ecology Notes 4 ({y}), 11-19.</span></div>
<div class="byline">DOI: <a href="https://doi.org/10.1000/x{y}">10.1000/x{y}</a></div>
<p>Zwischen den Mauern der Stadt wachsen Flechten seit {y} langsam, und niemand zählt sie.</p></div>"""
    page = "<html><body><h2>Papers</h2>" + "".join(card.format(k=k, t=t, y=y) for k, t, y in (
        ("walls", "Counting lichens on granite walls", 2019), ("climate", "A ledger of dry summers", 2021))) + "</body></html>"
    found = pubs(page)
    assert [i.segment.text[:20] for i in found] == ["Counting lichens on ", "A ledger of dry summ"]
    assert all("Urban Ecology Notes" in i.segment.text and "10.1000" in i.segment.text for i in found)
    topic = """<html><body><div class="topic"><h3>Lichens on city walls</h3>
<p>M. Oyelaran and T. Brink. Counting lichens on granite walls. Urban Ecology Notes, 2019.</p>
<p>I. Halvorsen and M. Oyelaran. Mortar and moss. Urban Ecology Notes, 2020.</p></div></body></html>"""
    assert [i.segment.text[:12] for i in pubs(topic)] == ["M. Oyelaran ", "I. Halvorsen"]


YEAR_PARAGRAPHS = """<html><body><p><b>Papers (by year):</b></p>
<p>2019</p>
<ol><li>Okafor, A., Brandt, L., Tidal mixing in shallow estuaries, Coastal Dynamics Letters, 4(2), 10-19.</li>
<li>Brandt, L., Okafor, A., Sediment plumes after storms, Journal of River Science, 7(1), 1-9.</li></ol>
<div class="list-year">2018</div>
<ol><li>Okafor, A., Grain sorting on gravel bars, Journal of River Science, 6(3), 20-29.</li>
<li>Brandt, L., Bank erosion in winter, Journal of River Science, 6(1), 1-9.</li></ol>
<ul class="archive"><li><a href="/2017/">2017</a></li></ul>
<ol><li>Okafor, A., Pebble counts in the lab, Journal of River Science, 5(3), 20-29.</li>
<li>Brandt, L., Flume runs revisited, Journal of River Science, 5(1), 1-9.</li></ol>
</body></html>"""


def test_a_block_showing_only_a_year_heads_the_items_below_it() -> None:
    # a Word export or a site template writes its year headings as plain paragraphs and divs;
    # a linked year (an archive menu) heads nothing
    found = pubs(YEAR_PARAGRAPHS)
    assert [(i.segment.headings, i.segment.text[:5]) for i in found] == [
        (("Papers (by year):", "2019"), "Okafo"),
        (("Papers (by year):", "2019"), "Brand"),
        (("Papers (by year):", "2018"), "Okafo"),
        (("Papers (by year):", "2018"), "Brand"),
        (("Papers (by year):", "2018"), "Okafo"),
        (("Papers (by year):", "2018"), "Brand"),
    ]


def test_each_paragraph_of_a_year_term_is_an_item_when_its_doi_is_a_shown_url() -> None:
    """A definition list keyed by year (reST's definition lists render so) whose bodies hold
    one paragraph per paper, the year only in the term and the DOI shown as its URL: every
    paragraph is an item, as a DOI link labelled "doi" would make it."""
    page = """<html><body><h2>Publications</h2><dl>
<dt>2014</dt><dd>
<p>A Okafor, L Brandt. <i>Sparse sketches of streaming graphs.</i> Graph Streams. 22(5), 685-696. DOI: <a href="https://doi.org/10.1000/gs.1">https://doi.org/10.1000/gs.1</a></p>
<p>K Ito, A Okafor. <i>Counting triangles with little memory.</i> Algorithmica. 54(1), 289-301. DOI: <a href="https://doi.org/10.1000/al.2">https://doi.org/10.1000/al.2</a></p>
</dd>
<dt>2013</dt><dd>
<p>L Brandt. <i>Reservoir sampling over sliding windows.</i> Information Processing. 34(2), 132-140. DOI: <a href="https://doi.org/10.1000/ip.3">https://doi.org/10.1000/ip.3</a></p>
</dd></dl></body></html>"""
    found = texts(page)
    assert len(found) == 3
    assert [t.split(".")[1].strip() for t in found] == [
        "Sparse sketches of streaming graphs", "Counting triangles with little memory", "Reservoir sampling over sliding windows"]


def test_a_column_of_doi_links_is_no_item_of_its_own() -> None:
    """A table whose last column shows each paper's DOI as its URL: the link cell is part of
    its row's item, not a citation (a DOI alone is no citation)."""
    page = """<html><body><h2>Publications</h2><table>
<tr><td>2022</td><td>Okafor, R., Brandt, L. (2022). Sparse sketches of streaming graphs. Journal of Graph Streams, 4(2), 10-30.</td><td><a href="https://doi.org/10.1000/gs.1">https://doi.org/10.1000/gs.1</a></td></tr>
<tr><td>2021</td><td>Ito, K. (2021). Counting triangles with little memory. Algorithmica Letters, 3(1), 1-9.</td><td><a href="https://doi.org/10.1000/al.2">https://doi.org/10.1000/al.2</a></td></tr>
</table></body></html>"""
    found = pubs(page)
    assert len(found) == 2
    assert all("doi.org" in " ".join(link.url for link in item.segment.links) for item in found)


def test_a_section_heading_block_is_no_part_of_the_lone_item_below_it() -> None:
    """A section that holds one paper, its heading a classed block or a banner holding the
    page's <h1>: the item is the paper alone, never its heading (a heading is never an item)."""
    page = """<html><body><div id="content">
<div class="page-hero"><h1>Publications</h1><p>Papers, chapters and theses</p></div>
<div class="outline"><h2>Book Chapters</h2><div class="pub-section"><div class="pub-entry">
<div class="pub-title">Sketching streaming graphs</div>
<div class="pub-authors">Rosa Okafor and Lena Brandt</div>
<div class="pub-venue">Handbook of Graph Streams, Volume 3, pp 1-15, 2013</div>
</div></div></div>
<div class="section-title"><p>Thesis</p></div>
<section class="card"><h3>Master's Thesis</h3>
<p><strong>Okafor, R.</strong> (2011). <em>Counting triangles with little memory</em>. University of Lagos.</p>
<p><a href="thesis.pdf">Download (PDF)</a></p>
</section>
</div></body></html>"""
    found = texts(page)
    assert len(found) == 2
    assert found[0].startswith("Sketching streaming graphs") and "Publications" not in found[0]
    assert found[1].startswith("Okafor, R. (2011). Counting triangles") and "Thesis" not in found[1].split("(2011)")[0]


def test_undated_title_first_cards_without_a_class_are_papers_inside_a_page() -> None:
    """Cards written as lines of one paragraph each (``**Title**`` / names / *venue*, a Markdown
    page's hard breaks), no year and no class name, among a page's talks and teaching: the
    paragraphs of one lines markup that read as citations are the papers; the bio is none."""
    card = "<p><strong>{}</strong><br>\n{}<br>\n<em>{}</em></p>"
    page = f"""<html><body><h1>Ines Halvorsen</h1>
<p>I study salt marshes and how they keep the memory of storms, with a small group in Tromso.</p>
<h2>Writing</h2>
{card.format("Salt marsh memory of winter storms", "Ines Halvorsen, Tomas Brink", "Estuaries Quarterly")}
{card.format("A ledger of dry summers in northern towns", "Tomas Brink, Marta Oyelaran, Ines Halvorsen", "Climate Notes")}
{card.format("Counting lichens on granite walls", "Marta Oyelaran, Ines Halvorsen", "Urban Ecology Letters")}
<h2>Speaking</h2>
<ul><li>Invited talk: Marshes that remember. City seminar, Bergen, March 2022.</li>
<li>Keynote: What salt tells us. Annual Meeting of the Coastal Society, 2021.</li></ul>
</body></html>"""
    found = [lines(i)[0] for i in items(page) if i.segment.text.startswith(("Salt", "A ledger", "Counting"))]
    assert found == ["Salt marsh memory of winter storms", "A ledger of dry summers in northern towns",
                     "Counting lichens on granite walls"]
    assert not any(i.segment.text.startswith("I study") for i in items(page))


def test_a_paragraph_of_running_text_has_no_lines_signature() -> None:
    """Two bio paragraphs (no line breaks) are never cards, however many names they mention."""
    page = """<html><body><h2>About</h2>
<p>Ines Halvorsen, Tomas Brink and Marta Oyelaran run the marsh survey, a project on salt and storms.</p>
<p>Tomas Brink, Ines Halvorsen and friends keep the field station open every summer, weather allowing.</p>
</body></html>"""
    assert items(page) == []


def test_one_card_whose_names_the_evidence_misses_does_not_unmake_its_template() -> None:
    """Undated cards of one class: two of three read as citations, the third names its authors
    in a way the evidence does not know; the template is a list, all three are papers."""
    card = '<div class="paper"><p class="t"><b>{}</b></p><p class="a">{}</p><p class="v"><em>{}</em></p></div>'
    page = f"""<html><body><h2>Papers</h2>
{card.format("Salt marsh memory of winter storms", "Ines Halvorsen, Tomas Brink", "Estuaries Quarterly")}
{card.format("A ledger of dry summers in northern towns", "Tomas Brink, Marta Oyelaran", "Climate Notes")}
{card.format("Counting lichens on granite walls with drones", "Oyelaran-Brink Marta-Ines", "Urban Ecology")}
<h2>Teaching</h2><ul><li>GEO 101 Introduction to Earth Systems (Fall 2021, Fall 2022)</li>
<li>GEO 340 Field Methods in Hydrology (Spring 2023)</li></ul>
</body></html>"""
    found = [lines(i)[0] for i in items(page) if i.section != "other"]
    assert found == ["Salt marsh memory of winter storms", "A ledger of dry summers in northern towns",
                     "Counting lichens on granite walls with drones"]


def test_a_flat_run_of_card_lines_is_read_by_its_period() -> None:
    """Papers written as a flat run of paragraphs, one per line of each paper (a bold title, the
    names, an italic venue too short to count alone, a bar of links), under a heading no
    classifier knows: each period of the repeated markup is one paper, no venue line is one."""
    card = ('<p><b>{}</b></p>\n<p>{}</p>\n<p><i>{}</i></p>\n'
            '<p><a href="https://example.org/{}.pdf">PDF</a> <a href="https://example.org/c">Code</a></p>\n')
    papers = [("Salt marsh memory of winter storms", "Ines Halvorsen, Tomas Brink", "Estuaries, 2019"),
              ("A ledger of dry summers in northern towns", "Tomas Brink, Marta Oyelaran", "Climate Notes, 2021"),
              ("Counting lichens on granite walls", "Marta Oyelaran, Ines Halvorsen", "Urban Ecology, 2022")]
    body = "".join(card.format(t, a, v, k) for k, (t, a, v) in enumerate(papers))
    page = f"""<html><body><h1>Ines Halvorsen</h1><p>I study salt marshes and the storms they remember.</p>
<h2>Things I wrote</h2>
{body}<h2>Places I spoke</h2>
<ul><li>Invited talk: Marshes that remember. City seminar, Bergen, March 2022.</li>
<li>Keynote: What salt tells us. Annual Meeting of the Coastal Society, 2021.</li></ul>
</body></html>"""
    found = [lines(i) for i in items(page) if i.segment.text.startswith(tuple(t for t, _, _ in papers))]
    assert [f[0] for f in found] == [t for t, _, _ in papers]
    assert all(len(f) >= 3 for f in found)  # title, names and venue lines in one item
    assert not any(i.segment.text.startswith(("Estuaries", "Climate Notes", "Urban Ecology")) for i in items(page))


def test_a_run_of_whole_citations_in_alternating_markup_is_no_period() -> None:
    """Whole dated citations whose paragraphs alternate in markup (a highlighted one every other
    line) stay one item each: a period is taken only over lines none of which counts alone
    as its first line."""
    cites = ["M. Oyelaran, T. Brink. Counting lichens on granite walls. Urban Ecology, 2019.",
             "T. Brink, I. Halvorsen. A ledger of dry summers in northern towns. Climate Notes, 2021.",
             "I. Halvorsen. Salt marsh memory of winter storms. Estuaries Quarterly, 2018.",
             "M. Oyelaran. Walls that remember the rain in old towns. Urban Ecology, 2020."]
    body = "".join(f"<p>{c}</p>\n" if k % 2 else f"<p><b>{c}</b></p>\n" for k, c in enumerate(cites))
    page = f"<html><body><h2>Publications</h2>\n{body}</body></html>"
    assert [i.segment.text for i in items(page)] == cites


def test_a_paragraph_of_br_separated_papers_under_a_year_heading() -> None:
    # the other years' paragraphs hold one paper each: this one still holds two
    page = """<html><body><h3>2021</h3>
<p>K. Osei and L. Brandt, \u201cTidal mixing in fjords,\u201d <i>Coastal Letters</i>, 2021.<br>
M. Ito, \u201cSalt wedges revisited in shallow estuaries,\u201d <i>Estuary Notes</i>, 2021.</p>
<h3>2019</h3><p>L. Brandt, \u201cMud and what it keeps,\u201d <i>Sediment Notes</i>, 2019.</p>
<h3>2018</h3><p>K. Osei, \u201cA survey of harbour tides,\u201d <i>Coastal Letters</i>, 2018.</p>
</body></html>"""
    assert [t.split(",")[0] for t in texts(page)] == ["K. Osei and L. Brandt", "M. Ito", "L. Brandt", "K. Osei"]


def test_a_paragraph_written_one_citation_per_source_line() -> None:
    # a converted Markdown/Org paragraph: its line breaks are spaces on screen; a venue
    # on its own line belongs to the citation above it
    page = """<html><body><h2>Publications</h2>
<p>Osei, K., &amp; Brandt, L. (2021). Tidal mixing in fjords. <i>Osei Press</i>.
Ito, M. (2021). Salt wedges revisited.
<i>Estuary Letters</i>.
Brandt, L. (2019). Mud and what it keeps. <i>Sediment Notes</i>.</p>
</body></html>"""
    assert [t.split(" (")[0] for t in texts(page)] == ["Osei, K., & Brandt, L.", "Ito, M.", "Brandt, L."]
    assert texts(page)[1].endswith("Estuary Letters.")


def test_a_one_author_paper_after_br_is_not_the_paper_above_it() -> None:
    # no name is recognised on the second line (one author, full name), but it opens the way
    # the first paper does, with its bold title: a paper of its own, not the first one's venue
    page = """<html><body><h3>2021</h3><p>
<b>Tidal mixing in narrow fjords and bays</b>. Kofi Osei, Lena Brandt. Coastal Letters, 2021.<br>
<b>Salt wedges revisited in shallow estuaries</b>. Mieko Itoyama. Estuary Notes, 2021.<br>
<b>Mud and what it keeps over long winters</b>. Lena Brandt, Kofi Osei. Sediment Notes, 2021.
</p><h3>2019</h3><p><b>A survey of harbour tides and their keepers</b>. Kofi Osei. Coastal Letters, 2019.</p>
<h3>2018</h3><p><b>Rivers that remember their floods</b>. Lena Brandt, Kofi Osei. River Notes, 2018.</p>
</body></html>"""
    assert [t.split(".")[0] for t in texts(page)] == [
        "Tidal mixing in narrow fjords and bays", "Salt wedges revisited in shallow estuaries",
        "Mud and what it keeps over long winters", "A survey of harbour tides and their keepers",
        "Rivers that remember their floods"]


def test_title_first_cards_whose_later_lines_vary_are_one_item_each() -> None:
    """Title-first cards written as flat paragraphs (a bold title, then a details line) whose
    details vary in markup from card to card (an italic venue on most, a bare year on one):
    every card is one item, its details line never an item of its own."""
    cards = [("Salt marsh memory of winter storms", "Ines Halvorsen, Tomas Brink. <i>Estuaries</i>, 2019."),
             ("A ledger of dry summers in northern towns", "Tomas Brink, Marta Oyelaran. 2021."),
             ("Counting lichens on granite walls", "Marta Oyelaran, Ines Halvorsen. <i>Urban Ecology</i>, 2022."),
             ("Walls that remember the rain in old towns", "Marta Oyelaran. <i>Urban Ecology</i>, 2020.")]
    body = "".join(f"<p><b>{t}</b></p>\n<p>{d}</p>\n" for t, d in cards)
    found = items(f"<html><body><h2>Publications</h2>\n{body}</body></html>")
    assert [lines(i)[0] for i in found] == [t for t, _ in cards]
    assert all(len(lines(i)) == 2 for i in found)


def test_table_rows_of_a_title_and_its_details_are_one_item() -> None:
    """A table with a row for each card's bold title and a row for its details: the rows differ
    only inside their cells, and each pair is one paper."""
    cards = [("Salt marsh memory of winter storms", "Ines Halvorsen, Tomas Brink. <i>Estuaries</i>, 2019."),
             ("A ledger of dry summers in northern towns", "Tomas Brink, Marta Oyelaran. <i>Climate Notes</i>, 2021."),
             ("Counting lichens on granite walls", "Marta Oyelaran, Ines Halvorsen. <i>Urban Ecology</i>, 2022.")]
    rows = "".join(f"<tr><td><b>{t}</b></td></tr>\n<tr><td>{d}</td></tr>\n" for t, d in cards)
    found = items(f"<html><body><h2>Publications</h2>\n<table>\n{rows}</table></body></html>")
    assert [lines(i)[0] for i in found] == [t for t, _ in cards]


PAPERS_P = ("<p>Ines Halvorsen and Tomas Brink. Salt marsh memory of winter storms. <i>Estuaries</i> 12: 3-9, 2019.</p>\n"
            "<p>Tomas Brink. A ledger of dry summers in northern towns. <i>Climate Notes</i> 4: 1-20, 2021.</p>\n"
            "<p>Marta Oyelaran. Counting lichens on granite walls. <i>Urban Ecology</i> 7: 11-19, 2022.</p>\n")
TALKS_P = ("<p>\u201cSalt marshes and their winters.\u201d Department seminar, Lakeside University, March 2022.</p>\n"
           "<p>\u201cA ledger of dry summers.\u201d Annual Meeting of the Coastal Society, Denver, 2021.</p>\n")


def test_a_plain_block_naming_a_section_heads_the_blocks_below_it() -> None:
    """A section label written as a plain short block, not a heading tag ("<p>Invited talks</p>",
    "<div class="cv-label">Prêmios</div>", a LaTeX margin note rendered as a paragraph): the talks
    below it are in a talks section, the papers above it stay papers."""
    for label in ("<p>Invited talks</p>", '<div class="cv-label">Conference presentations</div>',
                  "<p>selected <br>invited talks <br>since 2007</p>"):
        page = f"<html><body><p>Publications</p>\n{PAPERS_P}{label}\n{TALKS_P}</body></html>"
        found = items(page)
        assert [i.section for i in found] == ["pub", "pub", "pub", "other", "other"], label


def test_a_plain_line_about_the_person_heads_nothing() -> None:
    """ "See my profile on:" names the profile kind in words, but heads no section: the papers
    under it are papers."""
    page = f"<html><body><h2>Publications</h2>\n<p>See my profile on:</p>\n{PAPERS_P}</body></html>"
    assert [i.section for i in items(page)] == ["pub", "pub", "pub"]


def test_a_tab_pane_is_headed_by_the_label_of_the_link_to_it() -> None:
    """Tabs: the labels are links in a menu above (<a href="#t2">Talks</a>), each pane a <div>
    with that id and no heading inside. A pane's items are in the section its label names, and
    the pane's heading ends with it: a list after the panes is not under the last tab."""
    page = ('<html><body><ul class="nav"><li><a href="#t1">Papers</a></li><li><a href="#t2">Talks</a></li></ul>\n'
            f'<div class="tab-content"><div class="tab-pane" id="t1">{PAPERS_P}</div>\n'
            f'<div class="tab-pane" id="t2">{TALKS_P}</div></div>\n<div class="more">{PAPERS_P}</div></body></html>')
    assert [i.section for i in items(page)] == ["pub"] * 3 + ["other"] * 2 + [None] * 3
    named = f'<html><body><section id="invited-talks">{TALKS_P}</section><section id="main">{PAPERS_P}</section></body></html>'
    assert [i.section for i in items(named)] == ["other"] * 2 + [None] * 3


def test_a_frameworks_id_holding_a_section_word_names_no_section() -> None:
    """A CMS wraps its content in containers with generated ids ("dnn_ctr15965_ListDetail_
    UpdatePanel1" holds "update", a news word): such a handle is no section's name, and the
    papers inside are read as under no heading."""
    page = ('<html><body><h2>Publications</h2><div id="dnn_ctr15965_ListDetail_UpdatePanel1">'
            f'<div class="list">{PAPERS_P}</div></div></body></html>')
    assert [i.section for i in items(page)] == ["pub"] * 3


def test_title_first_cards_of_a_sole_author_show_no_names_and_stay_one_item_each() -> None:
    """Title-first cards in flat paragraphs whose details line shows only a venue and a year (the
    page owner's own papers show no names), with a list of talks under its own heading in the
    same container: every card is one item, its details never an item of its own, and a title
    with a section word in it ("Weakly supervised ...") is still a title."""
    cards = [("Salt marsh memory of winter storms", "<i>Estuaries and Coasts</i> 12(3): 45-60, 2019."),
             ("Weakly supervised counting of lichens on granite walls", "Marta Oyelaran. <i>Urban Ecology</i> 4: 1-9, 2022."),
             ("A ledger of dry summers in northern towns", "<i>Climate Notes of the North</i> 7: 101-119, 2021."),
             ("Walls that remember the rain in old towns", "<i>Urban Ecology</i> 3: 12-30, 2020.")]
    body = "".join(f"<p><strong>{t}</strong></p>\n<p>{d}</p>\n" for t, d in cards)
    talks = "<h2>Talks</h2>\n<ul><li>Seminar, Lakeside University, 2022.</li><li>Colloquium, Northfield College, 2021.</li></ul>"
    found = pubs(f"<html><body><h2>Publications</h2>\n{body}{talks}</body></html>")
    assert [lines(i)[0] for i in found] == [t for t, _ in cards]
    assert all(len(lines(i)) == 2 for i in found)


def test_a_definition_list_of_papers_grouped_in_divs_reads_each_term_as_a_title() -> None:
    """HTML5 groups each <dt>/<dd> pair of a definition list in a <div> (docutils writes reST
    definition lists so): the terms are the papers' titles, not section headings, even one whose
    words name a section ("Re-presentations of ...")."""
    pairs = [("Re-presentations of art collections in museums", "Ines Halvorsen. <i>Museum Notes</i>, 2014."),
             ("Salt marsh memory of winter storms", "Ines Halvorsen, Tomas Brink. <i>Estuaries</i>, 2019."),
             ("A ledger of dry summers in northern towns", "Tomas Brink. <i>Climate Notes</i>, 2021.")]
    dl = "<dl>" + "".join(f"<div><dt>{t}</dt><dd><p>{d}</p></dd></div>\n" for t, d in pairs) + "</dl>"
    found = items(f"<html><body><h2>Publications</h2>\n{dl}</body></html>")
    assert [i.section for i in found] == ["pub"] * 3
    assert [lines(i)[0] for i in found] == [t for t, _ in pairs]


TITLE_LINES_PAGE = """<html><body><ul><li>Home</li><li>Research</li></ul>
<p>I study glaciers and the rivers they feed, at a small lake-side institute since 2015.</p>
<h2>Papers</h2>
<p><b>Ice Shelves at the 2019 Winter Workshop</b><br>
A. Berg. Polar Workshop Notes, 2019<br>
<b>Meltwater pathways under a retreating margin</b><br>
C. Dahl, E. Falk. Glacier Letters, 2021<br>
<b>Sediment pulses after outburst floods</b><br>
G. Holm. Rivers, 2022<br>
<b>A census of proglacial lakes in the north</b><br>
I. Jung, K. Lund, M. Nord. Lake Science, 2020</p>
<h2>Talks</h2><ul><li>Invited talk: Why ice remembers. Lakeside Seminar, 2022.</li></ul>
</body></html>"""


def test_bold_title_lines_each_open_a_paper_even_when_a_title_shows_a_year() -> None:
    # the details lines are too short to count as citations and the first title holds a year:
    # the bold title lines the block repeats still cut it, so no paper reads the next as its venue
    found = [i for i in items(TITLE_LINES_PAGE) if i.section == "pub"]
    assert [lines(i)[0] for i in found] == [
        "Ice Shelves at the 2019 Winter Workshop", "Meltwater pathways under a retreating margin",
        "Sediment pulses after outburst floods", "A census of proglacial lakes in the north",
    ]
    assert all(len(lines(i)) == 2 for i in found)


def test_plain_title_paragraphs_over_details_are_cards_below_a_bio_paragraph() -> None:
    """Title-first cards as plain paragraphs (a title paragraph, then "Names. *Venue*, year."),
    under a heading below a bio paragraph of the same markup: the bio is in another section and
    no card's title; a title holding a section word ("weakly-supervised") is still a title."""
    cards = [("Counting lichens with weakly-supervised models", "Marta Oyelaran. <i>Urban Ecology</i> 4: 1-9, 2022."),
             ("Salt marsh memory of winter storms", "Ines Halvorsen, Tomas Brink. <i>Estuaries and Coasts</i> 12: 45-60, 2019."),
             ("A ledger of dry summers in northern towns", "Tomas Brink. <i>Climate Notes of the North</i> 7: 101-119, 2021."),
             ("Walls that remember the rain in old towns", "Marta Oyelaran, Ines Halvorsen. 2020.")]
    body = "".join(f"<p>{t}</p>\n<p>{d}</p>\n" for t, d in cards)
    page = ("<html><body><h1>Marta Oyelaran</h1>\n<p>I study lichens and walls in old northern towns with my students.</p>\n"
            f"<h2>Publications</h2>\n{body}</body></html>")
    found = pubs(page)
    assert [lines(i)[0] for i in found] == [t for t, _ in cards]


# ---- the section a heading names reaches every item it heads, whatever the heading ranks ------

_TALKS_2021 = "<ul><li>Learning sparse graphs. Invited talk, NeurIPS 2021, Vancouver, Canada.</li>" \
              "<li>Robust estimation at scale. Poster at ICML 2021.</li></ul>"
_TALKS_2020 = "<ul><li>Graph limits in practice. Keynote, KDD 2020, San Diego.</li></ul>"
_PAPERS_2021 = "<ul><li>A. Smith and B. Jones. Sparse graph learning. Journal of Graphs, 12(3), 2021.</li></ul>"
_PAPERS_2020 = "<ul><li>C. Wu. Estimating graph limits. Annals of Statistics, 48(1), 2020.</li></ul>"


def _sections(html: str) -> list[tuple[str | None, str]]:
    return [(i.section, i.segment.text.split(".")[0]) for i in items(html)]


def test_a_section_name_of_lower_rank_than_its_years_heads_all_of_them() -> None:
    # <h5>Talks</h5> right over <h4>2021</h4>: the years are nested in the talks, not beside them
    html = (f"<html><body><h1>Jane Doe</h1><h5>Invited Talks</h5><h4>2021</h4>{_TALKS_2021}<h4>2020</h4>{_TALKS_2020}"
            f"<h5>Publications</h5><h4>2021</h4>{_PAPERS_2021}<h4>2020</h4>{_PAPERS_2020}</body></html>")
    got = _sections(html)
    assert [s for s, _ in got] == ["other"] * 3 + ["pub"] * 2, got


def test_a_section_name_of_the_same_rank_as_its_years_heads_them() -> None:
    html = (f"<html><body><h4>Publications</h4><h4>2021</h4>{_PAPERS_2021}<h4>2020</h4>{_PAPERS_2020}"
            f"<h4>Talks</h4><h4>2021</h4>{_TALKS_2021}<h4>2020</h4>{_TALKS_2020}</body></html>")
    assert [s for s, _ in _sections(html)] == ["pub"] * 2 + ["other"] * 3


def test_a_bold_section_label_heads_heading_tag_years_below_it() -> None:
    html = (f"<html><body><p><strong>Teaching and talks</strong></p><h3>2021</h3>{_TALKS_2021}<h3>2020</h3>{_TALKS_2020}"
            f"<p><strong>Journal articles</strong></p><h3>2021</h3>{_PAPERS_2021}</body></html>")
    assert [s for s, _ in _sections(html)] == ["other"] * 3 + ["pub"]


def test_text_between_a_heading_and_a_higher_ranked_one_keeps_the_ranks() -> None:
    # "Talks" heads its own words; the <h2> year after them closes it as its rank says
    html = (f"<html><body><h3>Talks</h3><p>I enjoy speaking about my research at many places.</p>"
            f"<h2>2021</h2>{_PAPERS_2021}</body></html>")
    assert [s for s, _ in _sections(html)] == [None]


def test_a_summary_heads_its_details_and_a_toggle_its_panel_only() -> None:
    html = (f"<html><body><details open><summary>Invited talks</summary><h4>2021</h4>{_TALKS_2021}</details>"
            f'<button class="accordion">Presentations</button><div class="panel"><h4>2020</h4>{_TALKS_2020}</div>'
            f"<h4>2020</h4>{_PAPERS_2020}</body></html>")
    assert [s for s, _ in _sections(html)] == ["other"] * 3 + [None]


def test_a_named_pane_keeps_its_name_over_the_years_inside_it() -> None:
    html = ('<html><body><ul class="nav"><li><a href="#talks">Invited talks</a></li><li><a href="#pubs">Publications</a></li></ul>'
            f'<div class="tab-pane" id="talks"><h4>2021</h4>{_TALKS_2021}<h4>2020</h4>{_TALKS_2020}</div>'
            f'<div class="tab-pane" id="pubs"><h4>2021</h4>{_PAPERS_2021}</div></body></html>')
    assert [s for s, _ in _sections(html)] == ["other"] * 3 + ["pub"]


TOPIC_TABLES = """<html><body><h1>Reading on rivers</h1>
<h2>Sediment</h2>
<table><thead><tr><th>Year</th><th>Title</th><th>Journal</th><th>Code</th></tr></thead><tbody>
<tr><td>2021</td><td>Counting stones in mountain streams</td><td>Hydrology Letters</td><td><a href="https://git.example/x">Link</a></td></tr>
<tr><td>2019</td><td>How rivers remember their floods</td><td>Earth Surface</td><td>-</td></tr>
</tbody></table>
<h2>Deltas</h2>
<table><thead><tr><th>Year</th><th>Title</th><th>Journal</th><th>Code</th></tr></thead><tbody>
<tr><td>2020</td><td>Where the delta meets the sea</td><td>Coastal Review</td><td>-</td></tr>
</tbody></table>
<h2>Lab members</h2><ul><li>Ann Vale, postdoc</li><li>Ben Roe, student</li></ul>
</body></html>"""


def test_rows_of_a_table_whose_header_names_a_title_column_are_papers_under_any_heading() -> None:
    # an awesome list: "| Year | Title | Journal |" tables under topic headings, no authors
    # column; the header says which cell is the title, so each row is a paper (titled),
    # though the rows are short and the topic headings name no publications
    items = page_items(parse_html(TOPIC_TABLES))
    rows = [i for i in items if "Title:" in i.segment.text]
    assert len(rows) == 3 and all(i.titled for i in rows)
    assert all(not i.titled for i in items if "Title:" not in i.segment.text)


def test_rows_of_a_title_column_table_are_read_without_authors() -> None:
    from refkit.readers import html

    entries = html.read(TOPIC_TABLES).entries
    assert [(e.get("title"), e.get("year")) for e in entries] == [
        ("Counting stones in mountain streams", "2021"), ("How rivers remember their floods", "2019"),
        ("Where the delta meets the sea", "2020")]


WORKING_PAPERS = """
## Working Papers

[**Tidal mixing in shallow estuaries and the salt it leaves**](https://example.org/tidal.pdf)
with Nadia Okafor and Bo Lindqvist

[**A sparse solver for banded systems of the coast**](https://example.org/solver.pdf)
with Anna Ferreira, Claire Moreau, and Ines Halvorsen

## Publications

**[Soil carbon under changing rainfall](https://example.org/soil.pdf)**
*Earth Surface Letters (2023)*
with Tomas Brink and Nadia Okafor

**[Salt marsh memory of winter storms](https://example.org/marsh.pdf)**
*Estuaries Quarterly, 2021*
"""


def test_undated_papers_under_a_publications_heading_of_a_flat_page_are_items() -> None:
    """A flat page (headings and paragraphs, no lists): the papers under "Working Papers" show no
    year, but each shows a title and its coauthors, so each is an item beside the dated ones."""
    from refkit.io import read_string

    found = [e.get("title") for e in read_string(WORKING_PAPERS, path="research.md").entries]
    assert found == ["Tidal mixing in shallow estuaries and the salt it leaves", "A sparse solver for banded systems of the coast",
                     "Soil carbon under changing rainfall", "Salt marsh memory of winter storms"]
    # the same blocks under a heading naming another section are none, and a block of prose is no paper
    teaching = WORKING_PAPERS.replace("## Working Papers", "## Teaching")
    assert len(read_string(teaching, path="research.md").entries) == 2
    prose = WORKING_PAPERS.replace("with Nadia Okafor and Bo Lindqvist",
                                   "We show how the salt is left behind, with Nadia Okafor and Bo Lindqvist")
    assert "Tidal mixing in shallow estuaries and the salt it leaves" not in [
        e.get("title") for e in read_string(prose, path="research.md").entries]


# ---- same-rank year headings after a non-paper heading and its intro: the items decide --------

_INTRO = "<p>Below are some of my talks; slides are linked where available.</p>"


def test_same_rank_years_after_a_talks_intro_stay_in_the_talks() -> None:
    # <h3>Talks</h3><p>intro</p><h3>2021</h3>: the years are the talks', until a heading of another kind
    html = (f"<html><body><h3>Invited Talks</h3>{_INTRO}<h3>2021</h3>{_TALKS_2021}<h3>2019 - 2020</h3>{_TALKS_2020}"
            f"<h3>Publications</h3>{_INTRO}<h3>2021</h3>{_PAPERS_2021}<h3>Older</h3>{_PAPERS_2020}</body></html>")
    assert [s for s, _ in _sections(html)] == ["other"] * 3 + [None] * 2


def test_same_rank_years_of_papers_after_a_news_block_are_no_news() -> None:
    # a News block of dated one-liners, then the papers by year under no heading of their own
    html = ("<html><body><h3>News</h3><p>[2021/09] I joined Westbrook University as a postdoc.</p>"
            f"<p>May 2021: our paper was accepted at ICML!</p><h3>2021</h3>{_PAPERS_2021}<h3>2020</h3>{_PAPERS_2020}"
            f"<h3>Talks</h3>{_INTRO}<h3>2020</h3>{_TALKS_2020}</body></html>")
    got = _sections(html)
    assert [s for s, _ in got][-3:] == [None, None, "other"], got
    assert [i.segment.headings for i in items(html)][-3] == ("2021",)


def test_a_run_of_years_ends_at_a_heading_that_is_no_year() -> None:
    html = (f"<html><body><h3>Talks</h3>{_INTRO}<h3>2020</h3>{_TALKS_2020}"
            f"<h3>Graph learning</h3>{_PAPERS_2021}</body></html>")
    assert [s for s, _ in _sections(html)] == ["other", None]


def test_a_run_of_years_takes_months_seasons_and_upcoming_as_years() -> None:
    # teaching by semester, talks by month: "Fall 2021", "March 2020", "Upcoming" are years of the run
    html = (f"<html><body><h3>Teaching</h3>{_INTRO}<h3>Fall 2021</h3>{_TALKS_2021}<h3>Spring 2020</h3>{_TALKS_2020}"
            f"<h3>Talks</h3>{_INTRO}<h3>Upcoming</h3>{_TALKS_2021}<h3>March 2020</h3>{_TALKS_2020}"
            f"<h3>Publications</h3>{_INTRO}<h3>2021</h3>{_PAPERS_2021}</body></html>")
    assert [s for s, _ in _sections(html)] == ["other"] * 6 + [None]
    # a heading that names something besides the date is no year: it ends the run
    topic = html.replace("<h3>Spring 2020</h3>", "<h3>Robotics 2020</h3>")
    assert [s for s, _ in _sections(topic)][2] is None


def test_a_names_line_of_its_own_block_belongs_to_its_paper() -> None:
    # a paper per three blocks that no markup tells apart (a Markdown paragraph per line): the
    # names alone, the title, the venue and year; the lines' roles repeat in one order, so each
    # paper is its three blocks, whether the venue lines are long enough to count by themselves
    # (dated) or the whole page is one citation-sized block (short venue lines), names first or
    # title first
    long_venues = ("<html><body><h1>Publications</h1>"
                   "<p>Jane Doe, Li Wei and Omar Haddad</p><p>Learning to count sheep in the dark with sparse sensors</p>"
                   "<p>Journal of Sheep Studies and Related Animals, 12(3), 45-67, 2021.</p>"
                   "<p>Roe, A., &amp; Doe, J.</p><p>A second paper about the nature of fences and gates</p>"
                   "<p>Proceedings of the International Fence Conference, pp. 1-9, 2019.</p>"
                   "<p>J. Doe</p><p>On the third thing that happens in rural settings</p>"
                   "<p>Rural Review of the Northern Countries, 4(1), 1-20, 2018.</p></body></html>")
    short_venues = ("<html><body><h1>Publications</h1>"
                    "<p>Learning to count sheep in the dark with sparse sensors</p><p>with Li Wei and Omar Haddad</p>"
                    "<p>Sheep Studies, 2021.</p>"
                    "<p>A second paper about the nature of fences and gates</p><p>Ann Roe</p><p>Fences, 2019.</p>"
                    "<p>On the third thing that happens in rural settings</p><p>Jane Doe and Ann Roe</p>"
                    "<p>Rural Review, 2018.</p></body></html>")
    for page in (long_venues, short_venues):
        found = pubs(page)
        assert len(found) == 3 and all(len(lines(i)) == 3 for i in found), [lines(i) for i in found]
        assert any("second paper" in line for line in lines(found[1]))
    # a sole author's paper before the first whole one shows no names line: a paper still
    unnamed_first = long_venues.replace("<h1>Publications</h1>", "<h1>Publications</h1><p>An early note on the counting of goats</p>"
                                        "<p>Proceedings of the Goat Counting Society, vol. 3, 2015.</p>")
    found = pubs(unnamed_first)
    assert [len(lines(i)) for i in found] == [2, 3, 3, 3]


def test_names_lines_without_a_repeated_order_change_nothing() -> None:
    # whole citations, each dated in its own block, beside a names-only line (a list of students):
    # no period of line roles, every citation stays an item of its own
    page = ("<html><body><h1>Publications</h1>"
            "<p>Jane Doe and Li Wei. Learning to count sheep in the dark. Journal of Sheep Studies, 2021.</p>"
            "<p>Ann Roe and Omar Haddad</p>"
            "<p>Jane Doe. A second paper about the nature of fences. Proceedings of Fences, 2019.</p>"
            "<p>Jane Doe. On the third thing that happens in rural settings. Rural Review, 2018.</p>"
            "<p>Li Wei. A fourth paper on the weather over the hills. Weather Letters, 2017.</p></body></html>")
    found = pubs(page)
    assert [len(lines(i)) for i in found] == [1, 1, 1, 1]
    assert "Ann Roe" not in " ".join(i.segment.text for i in found)


def test_names_only() -> None:
    from refkit.extraction.html_segments import _names_only

    assert _names_only("Jane Doe, Li Wei and Omar Haddad")
    assert _names_only("Roe, A., & Doe, J.")
    assert _names_only("with Li Wei and Omar Haddad.")
    assert not _names_only("Learning to count sheep in the dark")
    assert not _names_only("Jane Doe, 2021")
    assert not _names_only("")
