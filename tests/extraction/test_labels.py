"""Badges in front of list items ("Journal", "Conference") leave the citation text."""

from __future__ import annotations

from refkit.extraction.labels import strip_labels
from refkit.extraction.segment import Segment, Span
from refkit.readers import html as html_reader
from refkit.readers import markdown as md_reader


def seg(*spans: Span) -> Segment:
    return Segment(spans=spans, headings=("Publications",))


def test_a_repeated_badge_becomes_a_heading() -> None:
    items = [
        seg(Span("Journal", css=("tag",)), Span(" Jane Doe and Li Wei. Counting sheep. Sleep Letters, 2021.")),
        seg(Span("Conference", css=("tag",)), Span(" Omar Haddad and Jane Doe. Rivers uphill. Proc. Odd Hydrology, 2019.")),
        seg(Span("Journal", css=("tag",)), Span(" Li Wei. Quiet mornings. Annals of Daily Life, 2017.")),
        seg(Span("Jane Doe. Tall tales. Review of Tall Stories, 2016.")),
    ]
    out = strip_labels(items)
    assert [s.text for s in out] == [
        "Jane Doe and Li Wei. Counting sheep. Sleep Letters, 2021.",
        "Omar Haddad and Jane Doe. Rivers uphill. Proc. Odd Hydrology, 2019.",
        "Li Wei. Quiet mornings. Annals of Daily Life, 2017.",
        "Jane Doe. Tall tales. Review of Tall Stories, 2016.",
    ]
    assert [s.headings[-1] for s in out[:3]] == ["Journal", "Conference", "Journal"]


def test_a_highlighted_own_name_or_a_title_is_no_badge() -> None:
    names = [seg(Span("Doe, J.", bold=True), Span(", Roe, K. (2021). Counting sheep. Sleep Letters."))] * 3
    assert strip_labels(names) == names
    owner = [seg(Span("Manière", bold=True), Span(" and Jane Doe. Counting sheep. Sleep Letters, 2021."))] * 3
    assert strip_labels(owner) == owner
    titles = [seg(Span(f"Sheep count {k}", bold=True), Span(". Jane Doe. Sleep Letters, 2021.")) for k in "abc"]
    assert strip_labels(titles) == titles


def test_badges_in_html_and_markdown_pages() -> None:
    page = """<html><body><h2>Publications</h2>
<div><span class="tag">Journal</span> Jane Doe and Li Wei. <a href="a.pdf">Counting sheep in the dark</a>. <em>Journal of Sleep Studies</em>. 2021.</div>
<div><span class="tag">Proceedings</span> Li Wei and Jane Doe, editors. <a href="c.pdf">Proceedings of the Workshop on Quiet Mornings</a>. Lecture Notes in Daily Life 12, 2018.</div>
<div><span class="tag">Journal</span> Omar Haddad. <a href="d.pdf">Tall tales of short people</a>. <em>Review of Tall Stories</em>. 2016.</div>
</body></html>"""
    entries = html_reader.read(page).entries
    assert [e.get("title") for e in entries] == [
        "Counting sheep in the dark", "Proceedings of the Workshop on Quiet Mornings", "Tall tales of short people"]
    assert [n.family for n in entries[0].names("author")] == ["Doe", "Wei"]
    assert [n.family for n in entries[1].names("editor")] == ["Wei", "Doe"] and not entries[1].get("author")
    doc = """## Papers

- **Journal** Jane Doe and Li Wei. Counting sheep in the dark. *Journal of Sleep Studies*, 2021.
- **Preprint** Omar Haddad and Jane Doe. Rivers that run uphill. arXiv:1901.01234, 2019.
- **Journal** Li Wei. Quiet mornings and loud afternoons. *Annals of Daily Life*, 2017.
"""
    entries = md_reader.read(doc).entries
    assert [n.family for n in entries[0].names("author")] == ["Doe", "Wei"]
    assert [e.get("title") for e in entries] == [
        "Counting sheep in the dark", "Rivers that run uphill", "Quiet mornings and loud afternoons"]


def test_kind_labels_after_titles_leave_the_titles_of_a_list_that_repeats_them() -> None:
    from refkit.extraction.labels import strip_title_labels
    from refkit.model import Entry

    titles = ["Notes on harbour songs (essay)", "The salt road (article)", "Winter letters (essay)",
              "A short history of the quay (article)", "Measuring tides (1900-1950)"]
    entries = [Entry("article", f"k{i}", {"title": t}) for i, t in enumerate(titles)]
    out = strip_title_labels(entries)
    assert [e.get("title") for e in out] == ["Notes on harbour songs", "The salt road", "Winter letters",
                                             "A short history of the quay", "Measuring tides (1900-1950)"]
    assert out[0].get("note") == "essay"
    # one title ending in a lower-case parenthesis is a title as written
    alone = [Entry("article", "a", {"title": "Sorting networks (revisited)"}), Entry("article", "b", {"title": "Heaps"})]
    assert [e.get("title") for e in strip_title_labels(alone)] == ["Sorting networks (revisited)", "Heaps"]
    # every title a different parenthesis: words of the titles, not a label the list repeats
    varied = [Entry("article", f"v{i}", {"title": t}) for i, t in enumerate(
        ["Rivers (a survey)", "Lakes (the north)", "Seas (old maps)", "Bays (small ones)"])]
    assert [e.get("title") for e in strip_title_labels(varied)] == [e.get("title") for e in varied]


def test_an_italian_list_with_quoted_journals_and_kind_labels() -> None:
    # title line, then the journal in guillemets with its issue, then an italic blurb
    doc = """## Pubblicazioni

Il porto e la città (articolo)<br>
&laquo;Rivista del Mare&raquo; a. 3 n. 2 marzo 1999<br>
_Una storia del porto vecchio._

Le voci della riva: canti di pescatori (saggio)<br>
&laquo;Quaderni di Storia Locale&raquo; a. XII n. 4 giugno 2003<br>
_Canti raccolti lungo la costa._

Sale e memoria (articolo)<br>
&laquo;Giornale della Costa&raquo; 12 aprile 2005<br>
_Le saline e chi ci lavorava._
"""
    entries = md_reader.read(doc).entries
    assert [e.get("title") for e in entries] == ["Il porto e la città", "Le voci della riva: canti di pescatori", "Sale e memoria"]
    assert [e.get("year") for e in entries] == ["1999", "2003", "2005"]
