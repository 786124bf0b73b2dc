"""The HTML reader end to end: sniffing, entries from pages, structured data merged, bad input."""

from __future__ import annotations

from refkit import readers
from refkit.io import read_string
from refkit.readers import html
from refkit.model import Library

PAGE = """---
permalink: /
---
Hi! I am a researcher.<br>
In 2020, he received his M.E. degree in Precision Engineering from the University of Tokyo.<br>

## News
<details><summary>[2024.07] Three papers are accepted by ECCV 2024.<br>
[2023.07] Two papers are accepted by ICCV 2023.<br></summary></details>

## Publications
<table><tbody>
<tr><td>
  <b>Seeing Through Fog: Restoration of<br>Hazy Video</b><br>
  Ann Lee<sup>*</sup>, <strong>Bo Chen<sup>&dagger;</sup></strong>,<br>Carl Diaz
  <br><em>CVPR</em>, 2023<br>
  <a href="https://proj.example.org/fog">project page</a> / <a href="https://arxiv.org/abs/2301.01234">arXiv</a> /
  <a href="https://github.com/x/fog">code</a>
</td></tr>
<tr><td>
  <b>Deblurring with Transformers</b><br>
  <strong>Bo Chen</strong>, Ann Lee<br><em>International Journal of Vision (IJV)</em>, 2022<br>
  <a href="https://link.springer.com/article/10.1007/s11263-022-01705-6">paper</a>
</td></tr>
<tr><td>
  <b>Sensor Networks for Action Detection</b><br>
  <strong>Bo Chen</strong>, Dan Evans<br><em>IEEE Internet of Things Journal (IoTJ)</em>, 2021<br>
  <a href="https://ieeexplore.ieee.org/document/9415629">paper</a>
</td></tr>
</tbody></table>
<script>var years = "2021, 2022, 2023";</script>
"""


def test_sniff_by_content() -> None:
    assert html.sniff("<!DOCTYPE html><html><body><p>x</p></body></html>") >= 0.9
    assert html.sniff(PAGE) > 0.5  # Markdown front matter around raw HTML
    assert html.sniff("Plain text CV\n\n- A. Smith. A paper. 2020.\n") == 0.0
    assert html.sniff("@article{a, title={T}}\n") == 0.0
    assert readers.sniff(PAGE) == "html"


def test_page_entries_fields_and_order() -> None:
    lib = read_string(PAGE, path="home.txt")
    assert lib.source == "home.txt"
    titles = [e.get("title") for e in lib]
    assert titles == ["Seeing Through Fog: Restoration of Hazy Video", "Deblurring with Transformers", "Sensor Networks for Action Detection"]
    first, second, third = lib.entries
    assert [n.family for n in first.names()] == ["Lee", "Chen", "Diaz"]
    assert first.get("year") == "2023" and first.get("booktitle") == "CVPR"
    assert first.arxiv == "2301.01234"
    assert first.get("code") == "https://github.com/x/fog"
    assert first.get("website") == "https://proj.example.org/fog"
    assert first.location.line == 13
    assert second.get("doi") == "10.1007/s11263-022-01705-6" and second.type == "article"
    assert third.get("doi") is None  # an ieeexplore document number is not a DOI
    assert len({e.key for e in lib}) == 3 and all(e.key for e in lib)


ALFOLIO = """<!DOCTYPE html><html><body><article><h1>publications</h1>
<div class="publications"><h2 class="bibliography">2018</h2><ol class="bibliography">
<li><div class="row"><div class="col-sm-2 abbr"><abbr class="badge">MNRAS</abbr></div>
  <div id="pillepich2018" class="col-sm-8">
    <div class="title">Simulating galaxy formation with the IllustrisTNG model</div>
    <div class="author">Annalisa Pillepich, <em>Volker Springel</em>, and <span class="more-authors">2 more authors</span></div>
    <div class="periodical"><em>Monthly Notices of the Royal Astronomical Society</em>, Jan 2018</div>
    <div class="links"><a href="http://arxiv.org/abs/1703.02970" class="btn btn-sm">arXiv</a>
      <a href="https://github.com/x/tng" class="btn btn-sm">Code</a></div>
    <div class="bibtex hidden"><figure class="highlight"><pre><code class="language-bibtex">@article{pillepich2018,
  title = {Simulating galaxy formation with the IllustrisTNG model},
  author = {Pillepich, Annalisa and Springel, Volker and Nelson, Dylan and Hernquist, Lars},
  journal = {Monthly Notices of the Royal Astronomical Society},
  volume = {473},
  pages = {4077--4106},
  year = {2018},
  doi = {10.1093/mnras/stx2656},
  selected = {true}
}</code></pre></figure></div>
  </div></div></li>
<li><div class="row"><div class="col-sm-8">
    <div class="title">Properties of galaxies reproduced by a hydrodynamic simulation</div>
    <div class="author">Mark Vogelsberger, Shy Genel</div>
    <div class="periodical"><em>Nature</em>, May 2014</div></div></div></li>
</ol></div>
<h2>BibTeX of everything</h2>
<pre>@article{pillepich2018again,
  title = {Simulating galaxy formation with the {IllustrisTNG} model},
  author = {Pillepich, Annalisa},
  year = {2018}
}
@misc{extra2020, title = {A Page-Level Extra Note}, author = {Gray, Hal}, year = {2020}}</pre>
</article></body></html>"""


def test_embedded_bibtex_is_merged_with_visible_links_without_duplicates() -> None:
    lib = html.read(ALFOLIO, path="pubs.html")
    assert [e.get("title") for e in lib] == [
        "Simulating galaxy formation with the IllustrisTNG model",
        "Properties of galaxies reproduced by a hydrodynamic simulation",
        "A Page-Level Extra Note",
    ]
    first = lib.entries[0]
    assert first.key == "pillepich2018"
    assert first.get("volume") == "473" and first.get("selected") == "true"  # BibTeX fields, unknown ones kept
    assert first.get("eprint") == "1703.02970"  # the visible arXiv badge adds the identifier
    assert first.get("code") == "https://github.com/x/tng"
    second = lib.entries[1]
    assert second.get("journal") == "Nature" and second.get("year") == "2014"


FEATURED_TWICE = """<html><body>
<h1>Featured Publications</h1>
<div class="card"><div class="article-title"><a href="/p/enet/">Regularization and Variable Selection via the Elastic Net</a></div>
<div class="meta"><span>Hui Zou</span>, <span>Trevor Hastie</span>, Journal of the Royal Statistical Society: Series B, 2005</div></div>
<div class="card"><div class="article-title"><a href="/p/lars/">Least Angle Regression</a></div>
<div class="meta"><span>Bradley Efron</span>, <span>Trevor Hastie</span>, The Annals of Statistics, 2004</div></div>
<h1>Recent Publications</h1>
<ul>
<li>Hui Zou, Trevor Hastie (2005). <a href="/p/enet/">Regularization and Variable Selection via the Elastic Net</a>. <em>Journal of the Royal Statistical Society: Series B</em>. <a href="https://doi.org/10.1111/j.1467-9868.2005.00503.x">DOI</a></li>
<li>Bradley Efron, Trevor Hastie (2004). <a href="/p/lars/">Least Angle Regression</a>. <em>The Annals of Statistics</em>.</li>
<li>Trevor Hastie, Werner Stuetzle (1989). <a href="/p/pc/">Principal Curves</a>. <em>Journal of the American Statistical Association</em>.</li>
</ul>
<h1>Recent Talks</h1>
<ul><li>Principal Curves revisited, a talk at the Joint Statistical Meetings, Denver, 2019.</li>
<li>Least Angle Regression at twenty, seminar at the Statistics Department, Berkeley, 2024.</li></ul>
</body></html>"""


def test_a_paper_listed_twice_is_two_entries_and_talks_are_not_entries() -> None:
    # the gold conventions: "a paper listed twice gives two entries" (a reader sees it twice)
    lib = html.read(FEATURED_TWICE)
    titles = [e.get("title") for e in lib]
    assert titles == [
        "Regularization and Variable Selection via the Elastic Net",
        "Least Angle Regression",
        "Regularization and Variable Selection via the Elastic Net",
        "Least Angle Regression",
        "Principal Curves",
    ]
    assert lib.entries[2].get("doi") == "10.1111/j.1467-9868.2005.00503.x"


TEMPLATE_COPY = """<html><body><h1>Publications</h1>
<div class="desktop"><ul>{items}</ul></div>
<div class="mobile"><ul>{items}</ul></div>
<h1>Awards</h1><ul><li>Best paper award: <em>Least Angle Regression</em>, The Annals of Statistics, 2004.</li></ul>
</body></html>"""


def test_a_list_rendered_twice_by_the_template_and_mentions_without_authors_are_one_entry_each() -> None:
    items = "".join(line for line in FEATURED_TWICE.splitlines() if line.startswith(("<li>Hui", "<li>Bradley", "<li>Trevor")))
    lib = html.read(TEMPLATE_COPY.format(items=items))
    assert [e.get("title") for e in lib] == [
        "Regularization and Variable Selection via the Elastic Net",
        "Least Angle Regression",
        "Principal Curves",
    ]


def test_meta_tag_page_is_one_article() -> None:
    page = """<html><head><meta name="citation_title" content="One Article">
<meta name="citation_author" content="Ann Lee"><meta name="citation_date" content="2020">
<meta name="citation_journal_title" content="Journal of Tests"></head>
<body><h2>References</h2><ol><li>B. Chen. Cited paper. Journal of Other Tests, 1:2-3, 2001.</li>
<li>C. Diaz. Another cited paper. Journal of Other Tests, 2:4-5, 2002.</li></ol></body></html>"""
    lib = html.read(page)
    assert [(e.type, e.get("title"), e.get("journal")) for e in lib] == [("article", "One Article", "Journal of Tests")]


def test_meta_tags_of_a_site_template_do_not_hide_the_owners_list() -> None:
    # a site template puts citation_* tags on every page; on the owner's list page they
    # describe the page itself, and the papers listed there are the entries
    items = "".join(
        f"<li>{coauthor} and Ann Lee. Paper number {n} on tidal flats. <i>Coastal Letters</i>, {n}:1-9, 201{n}.</li>"
        for n, coauthor in enumerate(["B. Chen", "C. Diaz", "D. Evans", "E. Fox"])
    )
    page = f"""<html><head><meta name="citation_title" content="Curriculum vitae">
<meta name="citation_author" content="Ann Lee"><meta name="citation_date" content="2014-01-30T11:25:18-08:00">
<meta name="citation_journal_title" content="Lab Notebook"></head>
<body><h1>Curriculum vitae</h1><h2>Publications</h2><ol>{items}</ol></body></html>"""
    lib = html.read(page)
    assert [e.get("title") for e in lib] == [f"Paper number {n} on tidal flats" for n in range(4)]


def test_an_article_page_citing_its_author_once_stays_one_article() -> None:
    cited = "".join(
        f"<li>{name}. Cited paper {n}. Journal of Other Tests, {n}:2-3, 200{n}.</li>"
        for n, name in enumerate(["B. Chen", "Ann Lee", "C. Diaz", "D. Evans"])
    )
    page = f"""<html><head><meta name="citation_title" content="One Article">
<meta name="citation_author" content="Ann Lee"><meta name="citation_date" content="2020">
<meta name="citation_journal_title" content="Journal of Tests"></head>
<body><h2>References</h2><ol>{cited}</ol></body></html>"""
    assert [e.get("title") for e in html.read(page)] == ["One Article"]


def test_bad_input_gives_an_empty_library() -> None:
    for text in ("", "   \n", "\x00\x01\x02binary", "<html><body><p>Welcome to my homepage.</p></body></html>",
                 "<html><body><nav><a href='/'>Home</a></nav><footer>Copyright 2024, all rights reserved. Last updated 2024.</footer></body></html>"):
        lib = html.read(text)
        assert isinstance(lib, Library) and lib.entries == []


def test_deeply_nested_page_does_not_recurse() -> None:
    item = "<li>A. Smith, B. Jones. A deep title about depth {}. <i>Journal of Depth</i>, 1:2-3, 2020.</li>"
    items = item.format("one") + item.format("two")
    page = "<html><body><h2>Publications</h2>" + "<div>" * 10000 + "<ul>" + items + "</ul>" + "</div>" * 10000 + "</body></html>"
    lib = html.read(page)
    assert [e.get("title") for e in lib] == ["A deep title about depth one", "A deep title about depth two"]


def test_xhtml_with_xml_declaration() -> None:
    page = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><body><h2>Papers</h2><ul>
<li>A. Smith and B. Jones. A study of things. <i>Journal of Studies</i>, 3:1-4, 2011.</li>
<li>C. Brown. Another study of things. <i>Journal of Studies</i>, 4:5-9, 2012.</li>
</ul></body></html>"""
    assert html.sniff(page) >= 0.9
    lib = html.read(page)
    assert [e.get("title") for e in lib] == ["A study of things", "Another study of things"]
    assert lib.entries[0].location.line == 4


def test_coins_in_items_and_jsonld_elsewhere_merge_without_duplicates() -> None:
    coins = (
        "ctx_ver=Z39.88-2004&amp;rft.genre=article&amp;rft.atitle=Democracy+Does+Cause+Growth"
        "&amp;rft.jtitle=Journal+of+Political+Economy&amp;rft.date=2019&amp;rft.au=Acemoglu%2C+Daron"
        "&amp;rft.au=Naidu%2C+Suresh&amp;rft_id=info%3Adoi%2F10.1086%2F700936"
    )
    page = f"""<html><head><script type="application/ld+json">
{{"@context": "https://schema.org", "@type": "ScholarlyArticle", "name": "Why Nations Fail Revisited",
  "author": [{{"@type": "Person", "name": "Daron Acemoglu"}}], "datePublished": "2012",
  "isPartOf": {{"@type": "Periodical", "name": "Journal of Institutions"}}, "sameAs": "https://doi.org/10.1000/wnf.2012"}}
</script></head><body><h2>Publications</h2><ul>
<li>Acemoglu, D., Naidu, S. (2019). Democracy Does Cause Growth. <i>Journal of Political Economy</i>, 127(1), 47-100.
  <span class="Z3988" title="{coins}"></span> <a href="https://github.com/x/dem">code</a></li>
<li>Acemoglu, D. (2012). Why Nations Fail Revisited. <i>Journal of Institutions</i>, 1(1), 1-10.</li>
</ul></body></html>"""
    lib = html.read(page)
    assert [e.get("title") for e in lib] == ["Democracy Does Cause Growth", "Why Nations Fail Revisited"]
    first, second = lib.entries
    assert first.get("doi") == "10.1086/700936" and first.get("code") == "https://github.com/x/dem"
    assert first.get("author") == "Acemoglu, Daron and Naidu, Suresh"  # the COinS names, exact
    assert second.get("doi") == "10.1000/wnf.2012"  # JSON-LD completed the visible item


def test_markdown_page_with_bibtex_blocks_is_html() -> None:
    items = "".join(
        f"<li><b>Paper number {n}</b><br>A. Smith, B. Jones<br><i>Journal of Tests</i>, 20{10 + n}</li>\n" for n in range(6)
    )
    page = f"""---
title: Publications
---
<h2>Publications</h2>
<ul>
{items}</ul>
<pre>
@article{{smith2010,
  title = {{Paper number 0}},
  author = {{Smith, A. and Jones, B.}},
  journal = {{Journal of Tests}},
  year = {{2010}}
}}
</pre>
"""
    assert readers.sniff(page) == "html"
    lib = read_string(page)
    assert [e.get("title") for e in lib] == [f"Paper number {n}" for n in range(6)]
    assert lib.entries[0].key == "smith2010"  # the page's BibTeX completed the visible item


def test_paired_definition_lists_and_an_intro_paragraph() -> None:
    pairs = "".join(
        f"""<h3>{2020 - n}</h3><dl class="pubs"><dt>Friston, K.J. &amp; Penny, W. ({2020 - n})</dt>
<dd><span class="ttl">Dynamic models number {n}.</span> <i>NeuroImage</i> {n + 1}(1):1-20. <a href="https://doi.org/10.1016/x.{n}">[DOI]</a></dd></dl>"""
        for n in range(3)
    )
    page = f"""<html><body><h2>Publications (selected)</h2>
<p>Key papers on statistical parametric mapping and dynamic causal modelling. For software see SPM12 (released 2014).</p>
{pairs}</body></html>"""
    lib = html.read(page)
    assert [e.get("title") for e in lib] == [f"Dynamic models number {n}" for n in range(3)]
    assert [e.get("doi") for e in lib] == [f"10.1016/x.{n}" for n in range(3)]


def test_a_single_article_page_gets_a_scholar_like_key() -> None:
    page = """<html><head>
<meta name="citation_title" content="A Single Article Page">
<meta name="citation_author" content="Lee, Ann"><meta name="citation_author" content="Bo Chen">
<meta name="citation_publication_date" content="2021/03/15">
<meta name="citation_journal_title" content="Journal of Tests">
</head><body><p>Text</p></body></html>"""
    assert [e.key for e in html.read(page, path="a.html")] == ["lee2021single"]


def test_keys_are_unique_on_a_page() -> None:
    page = """<html><body><h2>Publications</h2><ul>
<li>Zhihang Zhong, Ann Lee. <b>The Real-world Video Deblurring.</b> <i>Journal of Video</i>, 2022.</li>
<li>Zhihang Zhong, Bo Chen. <b>The Real-world Rolling Shutter.</b> <i>Journal of Imaging</i>, 2022.</li>
</ul>
<pre>@article{dup2020, title = {First Embedded Paper}, author = {Gray, Hal}, year = {2020}}
@article{dup2020, title = {Second Embedded Paper}, author = {Gray, Hal}, year = {2020}}</pre>
</body></html>"""
    keys = [e.key for e in html.read(page, path="p.html")]
    assert len(keys) == 4 and len({k.lower() for k in keys}) == 4
    assert "dup2020" in keys


# ---- items by structure and citation evidence --------------------------------------------

HUGO_CARDS = "".join(
    f"""<div class="card-simple">
<div class="article-metadata"><div><span><a>A Gabrio</a></span>, <span><a>R Hunter</a></span></div>
<span class="article-date"><time>May {2020 - i}</time></span> <span class="pub-publication">{venue}</span></div>
<h3 class="article-title"><a href="/publication/p{i}/">{title}</a></h3>
<div class="btn-links"><a class="btn btn-sm" href="https://arxiv.org/pdf/1805.0714{i}.pdf">PDF</a></div>
</div>
"""
    for i, (title, venue) in enumerate([
        ("Joint longitudinal models for missing data in economic evaluations", "Statistics in Medicine, 38"),
        ("Bayesian hierarchical models for the prediction of volleyball results", "Journal of Applied Statistics"),
    ])
)


def test_a_card_with_its_title_as_a_heading_is_one_item_not_its_venue_line() -> None:
    page = f"<html><body><h1>Publications</h1><div class='wrapper'>{HUGO_CARDS}</div></body></html>"
    lib = html.read(page)
    titles = [e.get("title") for e in lib.entries]
    assert titles == [
        "Joint longitudinal models for missing data in economic evaluations",
        "Bayesian hierarchical models for the prediction of volleyball results",
    ]


TABLE_WITH_NOTES = """<html><body><table>
<tr><td><video autoplay><source src="a.mp4">Your browser does not support the video tag.</video></td>
<td><a href="https://arxiv.org/abs/2004.12260"><span class="papertitle">Learning to Autofocus</span></a><br>
Charles Herrmann, Richard Strong Bowen, Neal Wadhwa<br><em>CVPR</em>, 2020<br>
<a href="https://example.org/af">project page</a>
<p>Machine learning can be used to train cameras to autofocus, which is not the same problem as depth from defocus.</p>
</td></tr>
<tr><td><img src="b.png"></td>
<td><p><a href="https://arxiv.org/abs/2010.03592"><span class="papertitle">Shape, Illumination, and Reflectance from Shading</span></a><br>
Jonathan T. Barron, Jitendra Malik<br><em>TPAMI</em>, 2015</p>
<p>We present SIRFS, which can estimate shape, illumination, reflectance, and shading from a single image.</p>
<p>This paper subsumes our CVPR 2011, CVPR 2012, and ECCV 2012 papers.</p></td></tr>
</table></body></html>"""


def test_abstracts_notes_and_video_fallbacks_are_not_items_or_citation_text() -> None:
    lib = html.read(TABLE_WITH_NOTES)
    assert [e.get("title") for e in lib.entries] == ["Learning to Autofocus", "Shape, Illumination, and Reflectance from Shading"]
    for e in lib.entries:
        text = " ".join(e.fields.values())
        assert "browser" not in text and "Machine learning" not in text and "We present" not in text


def test_every_extracted_entry_carries_a_confidence() -> None:
    lib = html.read(PAGE)
    assert lib.entries
    for e in lib.entries:
        assert e.origin is not None and e.origin.confidence is not None
        assert 0.0 <= e.origin.confidence <= 1.0
    assert max(e.origin.confidence for e in lib.entries if e.origin and e.origin.confidence is not None) >= 0.9


def test_one_failing_item_is_a_warning_and_the_rest_of_the_page_is_read(monkeypatch) -> None:
    from refkit.extraction import citation

    real = citation.parse_segment

    def flaky(segment, **options):  # type: ignore[no-untyped-def]
        if "Deblurring" in segment.text:
            raise IndexError("list index out of range " + "x" * 500)
        return real(segment, **options)

    monkeypatch.setattr(citation, "parse_segment", flaky)
    lib = html.read(PAGE, path="page.html")
    titles = [e.get("title") for e in lib.entries]
    assert "Sensor Networks for Action Detection" in titles and not any("Deblurring" in (t or "") for t in titles)
    [problem] = [p for p in lib.problems if p.code == "RK191"]
    assert problem.severity == "warning" and problem.location.path == "page.html" and problem.location.line
    assert "IndexError" in problem.message and len(problem.message) < 200  # never the whole value


# ---- bounded reading ------------------------------------------------------------------------


def test_a_page_over_the_size_limit_is_refused_with_a_clear_error(monkeypatch) -> None:
    import pytest

    from refkit.errors import ConfigError, InputError

    monkeypatch.setenv("REFKIT_MAX_HTML_MB", "0.01")
    with pytest.raises(InputError, match=r"page\.html: page too large to read as HTML \(0\.0\d+ MB; the limit is 0\.01 MB"):
        html.read("<p>" + "x" * 20_000 + "</p>", path="page.html")
    assert len(html.read("<html><body>" + PAGE[:5000])) >= 0  # under the limit: read as usual
    monkeypatch.setenv("REFKIT_MAX_HTML_MB", "lots")
    with pytest.raises(ConfigError, match="REFKIT_MAX_HTML_MB"):
        html.read(PAGE)


def test_unclosed_nested_definition_lists_are_read_in_bounded_work() -> None:
    # 128 KB of unclosed <dl><dd>: once quadratic; now the tree is flattened or
    # walked once, and the items inside a shallower nest are still found
    assert len(html.read("<dl><dd>" * 16_384)) == 0
    item = "<dl><dt>A Study of Nested Lists in Depth<dd>J. Doe, R. Roe. Journal of Lists, 2020."
    lib = html.read("<html><body><h2>Publications</h2>" + item * 300 + "</body></html>")
    assert lib.entries and all(e.get("title") for e in lib.entries)


def test_a_card_with_an_abstract_box_is_one_item() -> None:
    cards = "".join(
        f"""<div class="card-simple"><div class="article-metadata"><div><span>J.F. Gogarten</span>, <span>A. Mielke</span></div>
<span class="article-date">January {2019 - i}</span> <span class="pub-publication">Molecular Ecology, ({28 - i}), pp. 4242-4258,
<a href="https://doi.org/10.1111/mec.1514{i}">https://doi.org/10.1111/mec.1514{i}</a></span></div>
<h3 class="article-title"><a href="/publication/p{i}/">{title}</a></h3>
<div class="article-style"><p>Living in groups provides benefits but also incurs costs, as shown in 2015 and 2017
by studies of flies (doi 10.1000/xyz{i}). We show that flies follow primate groups.</p></div></div>
"""
        for i, title in enumerate(["Tropical rainforest flies carrying pathogens follow primates", "Snake alarm calls as a public good in mangabeys"])
    )
    lib = html.read(f"<html><body><h1>Publications</h1><div>{cards}</div></body></html>")
    assert [e.get("title") for e in lib.entries] == [
        "Tropical rainforest flies carrying pathogens follow primates", "Snake alarm calls as a public good in mangabeys",
    ]
    assert all("Living in groups" not in " ".join(e.fields.values()) for e in lib.entries)


def test_papers_cited_in_headings_keep_their_dated_notes() -> None:
    papers = [
        ("Custom Proxy Voting Advice, with Jonathon Zytnick and Nadya Malenko", ["Revise and Resubmit, J. Fin.",
         "Presented at American Law and Economics Association (2023), NYU Law Roundtable (2023).", "Covered in Harvard Law Forum (2024)."]),
        ("Mirror Voting, with Robert E. Bishop and Frank Partnoy", ["Presented at Columbia Milstein Center Conference (2026)."]),
        ("Competition for Retail Order Flow and Market Quality, with Dermot Murphy", ["Presented at Microstructure Exchange (2022), UBC Summer Finance Conference (2023)."]),
    ]
    body = "".join(f"<h5>{head}</h5><ul>{''.join(f'<li>{n}</li>' for n in notes)}</ul>" for head, notes in papers)
    page = f"<html><body><h2>Biography</h2><p>She studies markets.</p><h2>Research</h2><h3>Working Papers</h3>{body}</body></html>"
    from refkit.extraction import html_segments as hs

    items = hs.page_items(hs.parse_html(page))
    texts = [i.segment.text for i in items]
    assert len(texts) == 3
    assert all(t.startswith(head) for t, (head, _) in zip(texts, papers))
    assert "Covered in Harvard Law Forum" in texts[0]  # the notes stay with their paper


def test_topic_headings_over_lists_of_papers_are_not_cited_headings() -> None:
    from refkit.extraction import html_segments as hs

    lists = "".join(
        f"<h4>{topic}</h4><ul><li>J. Doe, R. Roe. A study of {topic.lower()} one. Journal of Things, 2020.</li>"
        f"<li>J. Doe. A study of {topic.lower()} two. Journal of Things, 2021.</li></ul>"
        for topic in ("Machine learning for robots", "Statistics of small samples")
    )
    items = hs.page_items(hs.parse_html(f"<html><body><h2>Publications</h2>{lists}</body></html>"))
    assert len(items) == 4


def test_title_headings_with_paper_links_are_items_without_their_abstracts() -> None:
    from refkit.extraction import html_segments as hs

    papers = [("Compiling Generalized Histograms for GPU", "SC '20", "sc20"), ("Bounds Checking on GPU", "HLPP '20", "hlpp20"),
              ("Data-Parallel Flattening by Expansion", "ARRAY '19", "array19")]
    body = "".join(
        f"<h2>{title}</h2><p>Presented at <a href='https://example.org/{key}'>{venue}</a> "
        f"(<a href='publications/{key}.pdf'>pdf</a>, <a href='publications/{key}.bib'>bib</a>)</p>"
        f"<p>This paper describes how we implement the construct, which is what makes it fast in 2019 and after.</p>"
        for title, venue, key in papers
    )
    page = f"<html><body><p>We have published a number of papers.</p><h1>Papers on language design</h1>{body}</body></html>"
    items = hs.page_items(hs.parse_html(page))
    assert [i.segment.text for i in items] == [f"{t} Presented at {v}" for t, v, _ in papers]
    assert all(any(link.url.endswith(".bib") for link in i.segment.links) for i in items)


def test_a_table_row_with_a_link_cell_is_one_item() -> None:
    from refkit.extraction import html_segments as hs

    rows = "".join(
        f"<tr><td>{year}</td><td>Doe, J., Roe, R. ({year}). A study number {n} of tables. Journal of Rows, 3(1), 1-9.</td>"
        f"<td><a href='https://doi.org/10.1038/s43587-025-0100{n}-w'>https://doi.org/10.1038/s43587-025-0100{n}-w</a></td></tr>"
        for n, year in enumerate((2025, 2024, 2023))
    )
    items = hs.page_items(hs.parse_html(f"<html><body><h1>Papers</h1><table>{rows}</table></body></html>"))
    assert len(items) == 3
    assert all("A study number" in i.segment.text and any("doi.org" in l.url for l in i.segment.links) for i in items)


def test_a_paragraph_of_line_broken_papers_keeps_each_paper_whole() -> None:
    from refkit.extraction import html_segments as hs

    paper = (
        "<p><strong>A Metaheuristic Optimizer for Heat Exchangers</strong><br>\n"
        "<strong>Lara, O.D.</strong>, Gomez, F.I., Dragoi, E.N.<br>\n"
        "<em>Computers &amp; Chemical Engineering</em>, Vol. 194, 108987, 2025<br>\n"
        "DOI: <a href='https://doi.org/10.1016/j.compchemeng.2024.108987'>10.1016/j.compchemeng.2024.108987</a><br>\n"
        "<strong>Destacado:</strong> Desarrollo del algoritmo, evaluado en funciones CEC 2017 y aplicado al diseño de equipos.</p>\n"
    )
    other = "<p><strong>A Review of Bioethanol Purification</strong><br>\nGomez, F.I., <strong>Lara, O.D.</strong><br>\n<em>Engineering Reports</em>, Vol. 7, 2025</p>\n"
    items = hs.page_items(hs.parse_html(f"<html><body><h2>Artículos</h2><h3>2025</h3>{paper}{other}</body></html>"))
    assert len(items) == 2
    assert items[0].segment.text.startswith("A Metaheuristic Optimizer") and "Computers & Chemical Engineering" in items[0].segment.text
    assert items[1].segment.text.startswith("A Review of Bioethanol")


def test_yearless_items_with_identifier_links_and_leading_badges() -> None:
    """Items that show no year but link a DOI are items; a leading ``[DOI]`` badge is
    not part of the title (its link is still the entry's DOI)."""
    page = """<html><body><h2>Papers</h2><ul>
<li>[<a href="https://doi.org/10.1000/one">DOI</a>] <a href="https://hal.example.org/1">Fast simulation of parallel programs at scale</a>, with Ann Smith</li>
<li>[<a href="https://doi.org/10.1000/two">DOI</a>] Isolating jobs on shared high-performance fabrics, with Bob Doe</li>
</ul></body></html>"""
    from refkit.readers import html as html_reader

    entries = html_reader.read(page).entries
    assert [e.get("doi") for e in entries] == ["10.1000/one", "10.1000/two"]
    for entry in entries:
        assert not (entry.get("title") or "").startswith(("[", "]"))


DATA_DOIS = """<h2>Publications</h2>
<ul>
<li>Jan Novak. 2014. <a href="https://example.org/thesis.pdf">Receptive multilingualism across the lifespan</a>. Ph.D. thesis.
University of Fribourg. Data and R code available from <a href="http://dx.doi.org/10.6084/m9.figshare.795286">figshare</a>.</li>
<li>Jan Novak and Eva Berg. 2019. <a href="https://www.medrxiv.org/content/10.1101/2020.08.24.20181107v1.abstract">A behavioral multispread epidemic model</a>.
<em>Journal of Epidemics</em> 12(3). Data and code: <a href="https://doi.org/10.5281/zenodo.1234567">zenodo</a>.</li>
<li>E. Riehl and D. Verity. 2017. Kan extensions and the calculus of modules for infinity-categories.
<em>Algebraic and Geometric Topology</em> 17, 189-271. <a href="http://arxiv.org/abs/1507.0146">arXiv:1507.01460</a></li>
</ul>"""


def test_html_doi_links_give_the_publication_doi_not_its_data_doi_and_arxiv_text_beats_a_truncated_url() -> None:
    thesis, paper, kan = html.read(DATA_DOIS).entries
    assert thesis.get("doi") is None  # "Data and R code available from <figshare DOI>"
    assert (paper.get("doi") or "").lower() == "10.1101/2020.08.24.20181107"  # medRxiv path, version and view removed
    assert kan.get("eprint") == "1507.01460"  # link text is the longer valid id


def test_html_the_first_doi_an_item_links_is_its_doi() -> None:
    page = """<h2>Publications</h2><ul>
<li>A. Lee and B. Chen. A theory of automated market makers. <a href="https://link.springer.com/chapter/10.1007/978-3-030-78142-2_11">Coordination 2021</a>,
extended in <a href="https://doi.org/10.46298/lmcs-18(4:12)2022">Logical Methods in Computer Science 18(4), 2022</a>.</li>
</ul>"""
    (entry,) = html.read(page).entries
    assert entry.get("doi") == "10.1007/978-3-030-78142-2_11"


def test_a_bold_head_around_an_italic_title_is_read_as_authors_then_title() -> None:
    page = """<html><body><h2>Publications</h2>
<p><strong>A. Moss and B. Reed: <em>Counting lichens on granite walls</em></strong><br>
Journal of Small Things 4 (2018) 55<br>Cited by 12</p>
<p><strong>B. Reed, A. Moss, and C. Fern. <em>Moss cover after a dry summer</em></strong><br>
Field Notes 9 (2020) 3<br>Cited by 1</p>
</body></html>"""
    entries = html.read(page).entries
    assert [e.get("title") for e in entries] == ["Counting lichens on granite walls", "Moss cover after a dry summer"]
    assert [[n.family for n in e.names()] for e in entries] == [["Moss", "Reed"], ["Reed", "Moss", "Fern"]]
    assert all("Cited" not in (e.get("journal") or "") for e in entries)


def test_items_under_no_telling_heading_are_weighed_by_the_shared_evidence() -> None:
    # Vancouver names ("Okafor MA") and a DOI in the text count, as evidence.py reads them
    # for every reader; a bio line with a year and commas does not make a citation
    from refkit.extraction.segment import Segment, Span

    cited = Segment((Span("Okafor MA, Brandt L. Soil carbon under grazing. Rangel Ecol 2019;4:1-9. doi:10.1234/re.2019.7"),))
    assert html.looks_like_citation(cited)
    bio = Segment((Span("Born in Lagos, raised in Leeds, moved to Lyon in 2019 with two cats."),))
    assert not html.looks_like_citation(bio)


def test_a_bracketed_link_group_with_a_short_label_leaves_the_citation() -> None:
    page = """<html><body><h2>Publications</h2><ul>
<li>N. Okafor and L. Ibarra, <i>Tidal channels as sediment traps</i>, Coastal Dynamics <b>7</b> (2019) 1-9 [Code at <a href="https://github.com/okafor/tidal">github</a>]</li>
<li>P. Vance, <i>Sand bars at river mouths</i>, Estuarine Letters <b>4</b> (2016) 9-12 (Slides: <a href="https://example.org/sandbars.pdf">pdf</a>)</li>
</ul></body></html>"""
    entries = html.read(page).entries
    assert [(e.get("title"), e.get("journal")) for e in entries] == [
        ("Tidal channels as sediment traps", "Coastal Dynamics"), ("Sand bars at river mouths", "Estuarine Letters")]


def test_a_citation_with_a_news_word_in_its_title_is_still_a_citation() -> None:
    page = """<html><body><ol>
<li><a href="https://doi.org/10.1000/ex.1">Coupled cluster theory for excited states of small dots</a><br>
<i>Ana Ortiz and Kai Brandt</i><br><b>2022</b>, Journal of Physical Examples</li>
<li><a href="https://doi.org/10.1000/ex.2">Ground states of large dots, revisited</a><br>
<i>Kai Brandt and Ana Ortiz</i><br><b>2021</b>, Journal of Physical Examples</li>
</ol>
<p>[2024.05] I am excited to join the Example Institute in 2024 with Ana Ortiz.</p>
</body></html>"""
    titles = [e.get("title") for e in html.read(page).entries]
    assert titles == ["Coupled cluster theory for excited states of small dots", "Ground states of large dots, revisited"]


def test_software_with_a_running_date_is_no_publication() -> None:
    page = """<html><body><h2>Other publications</h2><ul>
<li>Ana Ortiz and Kai Brandt. <i>Fast sheep counting on small farms</i>. Technical report, 2013.</li>
<li>Ana Ortiz, Kai Brandt et al. <a href="https://example.org/flock">Flock library</a>. 2007ff.</li>
<li>Kai Brandt et al. Pasture mapping software. 2015–present.</li>
<li>Ana Ortiz. <i>Counting since 1990: a history</i>. Journal of Farm History, 2020.</li>
</ul></body></html>"""
    titles = [e.get("title") for e in html.read(page).entries]
    assert titles == ["Fast sheep counting on small farms", "Counting since 1990: a history"]


def test_papers_in_a_tab_widget_listed_by_linked_titles_only() -> None:
    """A template's tab strip (a ``<nav>`` around its panels) holding the list of papers, each a
    heading linked to its PDF and the author's name, no year and no venue: the ``<nav>`` is
    content (its headings say so), and each item is a paper by its structure (a linked title)."""
    items = "".join(
        f'<li><h4><a href="/pdfs/{k}.pdf">{title}</a></h4><p><a href="/pdfs/{k}.pdf">Marta Oyelaran</a></p></li>'
        for k, title in enumerate(["Counting lichens on granite walls", "A ledger of dry summers",
                                   "Salt marsh memory and storms"]))
    page = (f'<html><body><nav class="menu"><a href="/">Home</a> <a href="/cv">CV</a></nav>'
            f'<h2>Writings</h2><nav class="c-tabs"><div class="c-tabs__item"><label>All of them</label>'
            f'<ul class="c-tabs__list">{items}</ul></div></nav></body></html>')
    library = html.read(page, path="page.html")
    assert [e.get("title") for e in library.entries] == [
        "Counting lichens on granite walls", "A ledger of dry summers", "Salt marsh memory and storms"]
    assert all(e.get("pdf", "").endswith(".pdf") for e in library.entries)
    # a navigation bar of links stays navigation
    assert html.read('<html><body><nav><ul><li><a href="/a">About me and my work</a></li>'
                     '<li><a href="/p">Papers I have written so far</a></li></ul></nav></body></html>').entries == []


SHOWN_VS_RECORD = """<html><body><h2>Papers</h2>
<div class="paper">L. Moreau, K. Tanaka<br><a href="https://arxiv.org/pdf/1811.04321.pdf">Sparse Codes for Sound Retrieval</a><br>
arXiv, 2018<br>
<pre>@article{moreau18,
  author = {Moreau, L. and Tanaka, K.},
  title = {Sparse Codes for Sound Retrieval},
  journal = {CoRR},
  volume = {abs/1811.04321},
  year = {2018}
}</pre></div>
<div class="paper">K. Tanaka, L. Moreau<br><a href="https://example.org/tide.pdf">Tidal Models on Graphs</a><br>
Symposium on Coastal Computing, 2017<br>
<pre>@inproceedings{tanaka17,
  author = {Tanaka, K. and Moreau, L.},
  title = {Tidal Models on Graphs},
  booktitle = {Symposium on Coastal Computing},
  pages = {1--9},
  year = {2017}
}</pre></div>
</body></html>"""


def test_the_container_the_page_shows_wins_over_a_record_it_does_not_show() -> None:
    # the hidden BibTeX says "CoRR", the page shows "arXiv": the entry is what a reader of
    # the page sees, with the record's identifiers and fields the page does not show
    first, second = html.read(SHOWN_VS_RECORD, path="papers.html").entries
    assert first.get("journal") is None and first.get("howpublished") == "arXiv" and first.type == "misc"
    assert (first.key, first.get("volume"), first.get("eprint")) == ("moreau18", "abs/1811.04321", "1811.04321")
    # where the page shows the record's own venue, the record is kept as it is
    assert second.type == "inproceedings" and second.get("booktitle") == "Symposium on Coastal Computing"
    assert second.get("pages") == "1--9" and second.get("howpublished") is None


def test_an_undated_paper_in_a_publication_list_is_read_by_the_list() -> None:
    """A paper in preparation or a chapter listed without a year and without a venue the parser
    knows is still one of the list's papers when the list (under a heading naming publications)
    is read as papers otherwise."""
    page = """<html><body><h2>Publications</h2>
<h3>Articles</h3><ul>
<li>Ana Ortiz and Kai Brandt. Sheep counting at dusk. Journal of Pastoral Studies, 12 (2021), 1-9.</li>
<li>Kai Brandt. Fences and their shadows. Rural Geography Letters, 3 (2019), 44-50.</li>
</ul>
<h3>Preprints</h3><ul>
<li><a href="https://example.org/wool.pdf">Wool prices and the weather on upland farms</a>, with Ana Ortiz</li>
</ul></body></html>"""
    titles = [e.get("title") for e in html.read(page).entries]
    assert titles == ["Sheep counting at dusk", "Fences and their shadows", "Wool prices and the weather on upland farms"]
    # the same item alone, under no list of papers, shows too little to be one
    alone = """<html><body><h2>Publications</h2><ul>
<li><a href="https://example.org/wool.pdf">Wool prices and the weather on upland farms</a>, with Ana Ortiz</li>
</ul></body></html>"""
    assert [e.get("title") for e in html.read(alone).entries] == []


def _card(heading: str, caption: str, byline: str, title: str, venue: str) -> str:
    return (f'<div class="paper"><h4>{heading}</h4><figure><img src="f.png"><figcaption>{caption}</figcaption></figure>'
            f'<p>{byline}<br>{title}<br><i>{venue}</i> 12, 100–110 (2021).<br>'
            f'<a href="https://doi.org/10.1234/ex.{len(title)}">10.1234/ex.{len(title)}</a></p></div><hr>')


def test_a_translated_heading_over_the_citation_is_a_caption() -> None:
    """A page in one language heading each card with a translation of the paper's title, the
    citation below in the language of its names and venue: the title is the citation's."""
    page = "<html><body><h2>Публикации</h2>" + "".join(_card(*c) for c in [
        ("Как реки запоминают наводнения", "На обложке журнала", "A.B. Roe, C.D. Poe.",
         "How rivers remember floods.", "Example Hydrology Letters"),
        ("Тихие болота и их соль", "Обзор для широкой публики", "C.D. Poe, A.B. Roe.",
         "Quiet marshes and their salt.", "Journal of Example Wetlands"),
    ]) + "</body></html>"
    entries = html.read(page, path="p.html").entries
    assert [e.get("title") for e in entries] == ["How rivers remember floods", "Quiet marshes and their salt"]
    assert [e.get("journal") for e in entries] == ["Example Hydrology Letters", "Journal of Example Wetlands"]
    # a heading in the citation's own script stays the title, as it was
    same = "<html><body><h2>Papers</h2>" + _card("Rivers and their floods", "Cover of the issue", "A.B. Roe, C.D. Poe.",
                                                 "How rivers remember floods.", "Example Hydrology Letters") + "</body></html>"
    assert html.read(same, path="p.html").entries[0].get("title") != "How rivers remember floods"


def test_a_section_heading_swept_into_its_only_card_is_not_its_title() -> None:
    """A section name on a line of its own in an item ("Thesis" above the one card under it)
    is never the title of the work: the citation is in the item's other lines."""
    page = """<html><body><main><div class="section-title"><p>Selected Publications</p></div>
<div id="refs" class="references csl-bib-body" role="list">
<div class="csl-entry" role="listitem">Roe, A. (2023). Rivers of data. <i>Example Review</i>, <i>4</i>(2), 1–9.</div>
<div class="csl-entry" role="listitem">Poe, B. (2022). Marshes at dusk. <i>Example Letters</i>, <i>7</i>, 10–19.</div></div>
<div class="section-title"><p>Thesis</p></div>
<section id="thesis" class="level3 card"><h3>Master’s Thesis</h3>
<p><strong>Roe, A.</strong> (2021). <em>Counting tides in small harbours</em>. Example University.</p>
<p><a href="thesis.pdf">Download the full text (PDF)</a></p></section>
<p><a href="#top" class="back-to-top">Back to top</a></p></main></body></html>"""
    titles = [e.get("title") for e in html.read(page, path="p.html").entries]
    assert "Thesis" not in titles and "Master’s Thesis" not in titles
    assert "Counting tides in small harbours" in titles


def test_columns_under_a_heading_naming_their_periodical_take_it_as_venue() -> None:
    """Columns listed as «title», issue, date under the name of the magazine they appeared in:
    the heading is their venue, never the date ("juin-juillet")."""
    page = """<html><body><h2>Chroniques</h2><h3>Magazine Exemple Demain (2016-2019)</h3><ul>
<li>« Les rivières se souviennent », n°31, juin-juillet 2019.</li>
<li>« Le sel des marais », n°30, avril-mai 2019.</li>
<li>« Compter les marées », n°29, Printemps 2018.</li></ul></body></html>"""
    entries = html.read(page, path="p.html").entries
    assert len(entries) == 3
    assert {e.get("journal") for e in entries} == {"Magazine Exemple Demain"}

TWO_CONTAINERS = """<html><body><h2>Publications</h2><ul>
<li>R. Okafor and L. Brandt. <b>Sparse sketches of streaming graphs</b>. <i>Journal of Graph Streams</i>, 4(2):10-30, 2022.</li>
<li>R. Okafor and L. Brandt. <b>Sparse sketches of streaming graphs</b>. In <i>Proceedings of the Workshop on Streams</i>, pages 1-8, 2022.</li>
<li>M. Ito. <b>Counting triangles with little memory</b>. <i>Journal of Graph Streams</i>, 3(1):1-9, 2021.</li>
</ul></body></html>"""


def test_one_title_in_two_containers_is_two_entries() -> None:
    """A paper printed twice (its workshop version and its journal version, same year) is
    listed twice and gives two entries; the same listing shown twice gives one
    (test_a_paper_listed_twice_is_one_entry_and_talks_are_not_entries)."""
    lib = html.read(TWO_CONTAINERS)
    assert [(e.get("title"), e.get("journal") or e.get("booktitle")) for e in lib] == [
        ("Sparse sketches of streaming graphs", "Journal of Graph Streams"),
        ("Sparse sketches of streaming graphs", "Proceedings of the Workshop on Streams"),
        ("Counting triangles with little memory", "Journal of Graph Streams"),
    ]


UNDATED_PARAGRAPHS = """<html><body><h1>Publications</h1>
<p>Okafor, R., Brandt, L. Sparse sketches of streaming graphs. Journal of Graph Streams.</p>
<p>Villanueva-Ruiz, M., Ito, K. Counting triangles with little memory. Algorithmica Letters.</p>
<p>Brandt, L. A note on reservoir sampling over sliding windows. Information Processing Notes.</p>
</body></html>"""


def test_undated_plain_citations_as_paragraphs_are_found() -> None:
    """Paragraphs that print no year, no markup and no venue word, each opening with
    person names and going on in a title and a venue sentence, are a publication list:
    a page that gives nothing otherwise is read so (relaxed item finding)."""
    lib = html.read(UNDATED_PARAGRAPHS)
    assert [e.get("title") for e in lib] == [
        "Sparse sketches of streaming graphs",
        "Counting triangles with little memory",
        "A note on reservoir sampling over sliding windows",
    ]


def test_prose_paragraphs_opening_with_a_name_are_not_citations() -> None:
    page = """<html><body><h1>About</h1>
<p>Brandt, L. is a lecturer in computing. She works on streaming algorithms. Her students are in the lab.</p>
<p>Okafor, R. is a doctoral student. He works on sketches. He was a visitor in Kyoto.</p>
<p>Ito, K. is a postdoc. She works on graphs. She was an intern at a lab.</p>
</body></html>"""
    assert html.read(page).entries == []


def test_dated_award_and_service_lines_beside_the_papers_are_not_entries() -> None:
    """Under a publications heading, a list of papers with their authors and, under a heading in
    words no classifier knows, a list of dated lines of another kind (an award at a venue, a
    committee, a release): those lines show no names and no title-like run, and are no entries."""
    page = """<html><body><h2>Publications</h2>
<ul>
<li>I. Halvorsen, T. Brink. Salt marsh memory of winter storms. <i>Estuaries</i>, 2019.</li>
<li>T. Brink, M. Oyelaran. A ledger of dry summers in northern towns. <i>Climate Notes</i>, 2021.</li>
<li>M. Oyelaran, I. Halvorsen. Counting lichens on granite walls. <i>Urban Ecology</i>, 2022.</li>
</ul>
<h3>Odds and ends</h3>
<ul>
<li>Outstanding Reviewer Award, Annual Meeting of the ACL, 2013</li>
<li>Program committee member, CHI Conference on Human Factors, 2016</li>
<li>Best Paper Award, SIGMOD Conference, 2020</li>
</ul></body></html>"""
    titles = [e.get("title") for e in read_string(page, path="page.html").entries]
    assert titles == ["Salt marsh memory of winter storms", "A ledger of dry summers in northern towns",
                      "Counting lichens on granite walls"]


def test_an_undated_sole_authored_paper_among_named_papers_stays() -> None:
    """A list of papers with their authors keeps a member that shows no names (the page owner's
    sole-authored paper): the list is mostly papers, its odd member too."""
    page = """<html><body><h2>Publications</h2>
<ul>
<li>I. Halvorsen, T. Brink. Salt marsh memory of winter storms. <i>Estuaries</i>, 2019.</li>
<li>T. Brink, M. Oyelaran. A ledger of dry summers in northern towns. <i>Climate Notes</i>, 2021.</li>
<li>M. Oyelaran, I. Halvorsen. Counting lichens on granite walls. <i>Urban Ecology</i>, 2022.</li>
<li>I. Halvorsen, M. Oyelaran. Walls that remember the rain. <i>Urban Ecology</i>, 2020.</li>
<li>Tides and the long memory of coastal marshes. Estuaries, 2017.</li>
</ul></body></html>"""
    titles = [e.get("title") for e in read_string(page, path="page.html").entries]
    assert "Tides and the long memory of coastal marshes" in titles and len(titles) == 5


def test_a_footer_marked_by_its_class_is_no_entry() -> None:
    # templates older than HTML5's <footer> (Sphinx and others) write the page footer as a div
    page = ("<html><body><h1>Publications</h1><ul>"
            "<li>Doe, J., Roe, K. A study of rivers. Journal of Water, v.3, 2011.</li>"
            "<li>Roe, K. Floods in small towns. Journal of Water, v.5, 2013.</li></ul>"
            "<div class='footer'><a href='prev.html'>previous</a> | <a href='next.html'>next</a><br>"
            "&copy; Copyright 2014, Jane Doe. Created with a site generator 1.2.</div></body></html>")
    assert [e.get("title") for e in read_string(page, path="pubs.html")] == ["A study of rivers", "Floods in small towns"]


def test_a_page_written_after_an_early_body_close_is_read() -> None:
    """Hand-written pages of the 1990s close their ``<BODY …>`` tag at once and write the whole
    page after it; the parser keeps that content outside the body, and it is still the page."""
    page = ("<HTML><TITLE>Papers</TITLE>\r\n<BODY BGCOLOR=\"#FFFFFF\">\r\n</BODY>\r\n<H2>Articles:</H2>\r\n"
            "<P><FONT FACE=\"Times\">1. Moreau, A., &quot;Rents at the edge of the city,&quot; <I>Journal of "
            "Towns</I> 3, 11-20, (1979).</FONT>\r\n"
            "<P><FONT FACE=\"Times\">2. Moreau, A. and Lind, B., &quot;Commuting and the price of land,&quot; "
            "<I>Regional Notes</I> 7, 101-120, (1983).</FONT>\r\n</HTML>\r\n")
    lib = read_string(page, path="papers.html")
    assert [e.get("title") for e in lib] == ["Rents at the edge of the city", "Commuting and the price of land"]
    assert [e.get("year") for e in lib] == ["1979", "1983"]


def test_powered_by_in_a_title_is_no_footer() -> None:
    """"Powered by" notes a site's engine in a footer; inside a citation's title ("… powered by
    Xarray and Dask") it is the paper's words, and the citation is kept."""
    from refkit.extraction.segment import Segment, Span

    cited = Segment((Span("Okafor, N., Lindqvist, B., & Brink, T. (2024). Echo state networks powered by Xarray and Dask. "
                          "Journal of Open Source Software, 9(4), 1234."),))
    assert not html.is_boilerplate(cited)
    for note in ("Powered by Jekyll & Minimal Mistakes.", "© 2024 Nadia Okafor. Powered by Hugo.",
                 "Powered by Pure, Scopus & Elsevier Fingerprint Engine™ © 2024 Elsevier B.V."):
        assert html.is_boilerplate(Segment((Span(note),)))
    page = """<h2>Publications</h2><ul>
<li>Okafor, N., &amp; Brink, T. (2024). Echo state networks powered by Xarray and Dask. <i>Journal of Open Source Software</i>, 9, 12.</li>
<li>Okafor, N. (2023). Tidal mixing in shallow estuaries. <i>Coastal Dynamics</i>, 4, 1-9.</li>
</ul><footer><p>Powered by Jekyll</p></footer>"""
    assert [e.get("title") for e in read_string(page, path="p.html").entries] == [
        "Echo state networks powered by Xarray and Dask", "Tidal mixing in shallow estuaries"]
