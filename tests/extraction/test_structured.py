"""Embedded structured data: BibTeX blocks, citation_* meta tags, COinS, JSON-LD."""

from __future__ import annotations

from refkit.extraction.html_segments import parse_html
from refkit.extraction.structured import (
    bibtex_entries,
    coins_entries,
    jsonld_entries,
    meta_entry,
)
from refkit.model import Entry


def root(html: str):  # type: ignore[no-untyped-def]
    tree = parse_html(html)
    assert tree is not None
    return tree


def test_bibtex_in_pre_hidden_div_and_textarea() -> None:
    page = root("""<html><body>
<pre>@article{a2020,
  title = {First Paper},
  author = {Lee, Ann and Chen, Bo},
  journal = {Journal of Tests},
  year = {2020}
}
@inproceedings{b2021, title={Second Paper}, author={Diaz, Carl}, booktitle={Proc. Tests}, year=2021}</pre>
<div class="bibtex hidden"><figure class="highlight"><pre><code class="language-bibtex"><span class="nc">@misc</span>{c2022,
  title = {Third Paper},
  author = {Evans, Dan},
  year = {2022}
}</code></pre></figure></div>
<textarea>@book{d2019, title = {Fourth Book}, author = {Fox, Eve}, publisher = {Press}, year = {2019}}</textarea>
<pre>just some code, no bibtex @ here</pre>
</body></html>""")
    found = bibtex_entries(root=page, path="p.html")
    assert [(el.tag, e.key, e.type) for el, e in found] == [
        ("pre", "a2020", "article"),
        ("pre", "b2021", "inproceedings"),
        ("pre", "c2022", "misc"),  # the innermost element holding the source
        ("textarea", "d2019", "book"),
    ]
    assert found[0][1].get("author") == "Lee, Ann and Chen, Bo"
    assert found[0][1].location.path == "p.html" and found[0][1].location.line == 2


def test_bibtex_escaped_in_javascript_strings() -> None:
    page = root("""<html><body><script>
var bib = {"x1": "@article{x1,\\n  title = {Escaped \\"Quotes\\" Paper},\\n  author = {Gray, Hal},\\n  year = {2018}\\n}\\n"};
function show(k) { alert(bib[k]); }
</script></body></html>""")
    found = bibtex_entries(page)
    assert len(found) == 1
    entry = found[0][1]
    assert entry.key == "x1" and entry.get("title") == 'Escaped "Quotes" Paper'


def test_citation_meta_tags() -> None:
    page = root("""<html><head>
<meta name="citation_title" content="A Single Article Page">
<meta name="citation_author" content="Lee, Ann">
<meta name="citation_author" content="Bo Chen">
<meta name="citation_publication_date" content="2021/03/15">
<meta name="citation_journal_title" content="Journal of Tests &amp; Checks">
<meta name="citation_volume" content="12"><meta name="citation_issue" content="3">
<meta name="citation_firstpage" content="101"><meta name="citation_lastpage" content="120">
<meta name="citation_doi" content="10.1000/jtc.2021.7">
<meta name="citation_pdf_url" content="https://example.org/a.pdf">
</head><body><p>Text</p></body></html>""")
    entry = meta_entry(page, "a.html")
    assert entry is not None
    assert entry.type == "article"
    assert dict(entry.fields) == {
        "title": "A Single Article Page",
        "author": "Lee, Ann and Chen, Bo",
        "year": "2021",
        "month": "3",
        "volume": "12",
        "number": "3",
        "doi": "10.1000/jtc.2021.7",
        "pdf": "https://example.org/a.pdf",
        "pages": "101--120",
        "journal": r"Journal of Tests \& Checks",
    }
    assert meta_entry(root("<html><body><p>no meta</p></body></html>")) is None


def test_coins_spans() -> None:
    title = (
        "ctx_ver=Z39.88-2004&amp;rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Ajournal&amp;rft.genre=article"
        "&amp;rft.atitle=Counting+Things+Carefully&amp;rft.jtitle=Journal+of+Counts&amp;rft.date=2017"
        "&amp;rft.volume=4&amp;rft.spage=10&amp;rft.epage=20&amp;rft.au=Lee%2C+Ann&amp;rft.au=Bo+Chen"
        "&amp;rft_id=info%3Adoi%2F10.1000%2Fcounts.4"
    )
    page = root(f'<html><body><p>x <span class="Z3988" title="{title}"></span></p></body></html>')
    found = coins_entries(page)
    assert len(found) == 1
    entry = found[0][1]
    assert entry.type == "article"
    assert entry.get("title") == "Counting Things Carefully"
    assert entry.get("journal") == "Journal of Counts"
    assert entry.get("author") == "Lee, Ann and Chen, Bo"
    assert entry.get("pages") == "10--20" and entry.get("doi") == "10.1000/counts.4"


def test_jsonld_graph() -> None:
    page = root("""<html><head><script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "My site"},
  {"@type": "Person", "name": "Ann Lee"},
  {"@type": "ScholarlyArticle", "headline": "Sparse Things",
   "author": [{"@type": "Person", "givenName": "Ann", "familyName": "Lee"}, {"@type": "Person", "name": "Bo Chen"}],
   "datePublished": "2019-06-01",
   "isPartOf": {"@type": "PublicationIssue", "issueNumber": "2",
                "isPartOf": {"@type": "PublicationVolume", "volumeNumber": "7",
                             "isPartOf": {"@type": "Periodical", "name": "Journal of Sparsity"}}},
   "sameAs": ["https://doi.org/10.1000/sparse.7.2", "https://arxiv.org/abs/1901.00001"]},
  {"@type": "BlogPosting", "headline": "Not a paper", "author": "Ann Lee"}
]}
</script><script type="application/ld+json">{ broken json</script></head><body></body></html>""")
    found = jsonld_entries(page)
    assert len(found) == 1
    e = found[0]
    assert (e.type, e.get("title"), e.get("author"), e.get("year")) == ("article", "Sparse Things", "Lee, Ann and Chen, Bo", "2019")
    assert (e.get("journal"), e.get("volume"), e.get("number")) == ("Journal of Sparsity", "7", "2")
    assert e.get("doi") == "10.1000/sparse.7.2" and e.get("eprint") == "1901.00001"
