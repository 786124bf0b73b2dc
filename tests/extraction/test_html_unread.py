"""Papers where the item finder does not look (refkit.extraction.html_unread): headlines at the
level of a document's sections and citations in code blocks, read when a document gave nothing;
papers cited in headlines one level below the sections (refkit.extraction.html_segments)."""

from __future__ import annotations

from refkit.extraction.html_dom import parse_html
from refkit.extraction.html_unread import unread_items
from refkit.readers import markdown, org

CV_HEAD = """#+TITLE: Curriculum vitae
#+AUTHOR: Noor Haddad

* Noor Haddad
Lecturer in hydrology, somewhere on a river.

** Education
- PhD in Hydrology, Example University, 2011
- BSc, Other University, 2006

"""

CV_TAIL = """
** Invited talks
- Rivers that forget. Hydrology Seminar, Example University, 2019.
- Floods in small basins. Annual Water Meeting, 2018.

** Teaching
- Catchment Hydrology (graduate), 2015-2020
"""

PAPERS = [
    ("Haddad, N. and Okoro, T. 2019. *Sediment pulses in braided rivers of the dry tropics*, "
     "/Journal of Example Hydrology/, 12 (3), 45-67."),
    ("Okoro, T., Haddad, N. and Lind, P. 2016. *Groundwater recharge under shifting monsoon rain*, "
     "/Water Resources Letters/, 8, 101-119."),
    ("Haddad, N. 2014. *A field guide to measuring bank erosion with drones*, "
     "/Geomorphology Notes/, 3 (1), 1-20."),
]
TITLES = ["Sediment pulses in braided rivers of the dry tropics", "Groundwater recharge under shifting monsoon rain",
          "A field guide to measuring bank erosion with drones"]


def _titles(entries: list) -> list[str]:
    return [e.get("title") for e in entries]


def test_org_cv_with_a_headline_per_paper_under_its_section() -> None:
    # the papers are headlines one level below "Publications", beside sections of other levels
    doc = CV_HEAD + "** Publications\n\n" + "".join(f"*** {p}\n\n" for p in PAPERS) + CV_TAIL
    entries = org.read(doc).entries
    assert _titles(entries) == TITLES
    assert entries[0].get("year") == "2019"
    assert "Haddad" in (entries[0].get("author") or "")


def test_org_cv_with_papers_as_headlines_of_the_sections_level() -> None:
    # the papers are headlines at the level of the sections: no item anywhere, read as the
    # document's last resort, the talks still not
    doc = CV_HEAD + "** Publications\n\n" + "".join(f"** {p}\n\n" for p in PAPERS) + CV_TAIL
    entries = org.read(doc).entries
    assert _titles(entries) == TITLES


README = """# tidewater

[![build](https://img.shields.io/badge/build-passing-green.svg)](https://example.org/ci)

A small library for tide tables.

## Citation

If you use tidewater, please cite:

```
Lind, P., Haddad, N. (2021). Tidewater: fast harmonic tide prediction. Journal of Open Tools, 6(58), 3012.
```
"""


def test_readme_citation_in_a_code_block_that_is_not_bibtex() -> None:
    entries = markdown.read(README).entries
    assert len(entries) == 1
    assert entries[0].get("title") == "Tidewater: fast harmonic tide prediction"
    assert entries[0].get("year") == "2021"


def test_code_blocks_are_not_read_when_the_document_gave_entries() -> None:
    doc = README + "\n## Publications\n\n- " + PAPERS[0].replace("/", "*") + "\n"
    titles = _titles(markdown.read(doc).entries)
    assert titles == [TITLES[0]]


def test_code_and_bibtex_paragraphs_are_no_items() -> None:
    page = ("<html><body><h2>Install</h2><pre>import tidewater\ntidewater.predict(2021, 'Bergen')</pre>"
            "<pre>@article{lind2021,\n  title = {Tidewater},\n  year = {2021}\n}</pre></body></html>")
    assert unread_items(parse_html(page)) == []


def test_lines_each_a_dated_citation_are_one_item_each() -> None:
    page = "<html><body><h2>Papers</h2><pre>" + "\n".join(p.replace("*", "").replace("/", "") for p in PAPERS) + "</pre></body></html>"
    items = unread_items(parse_html(page))
    assert len(items) == 3
    assert items[0].segment.headings == ("Papers",)
    assert items[1].segment.text.startswith("Okoro, T.")


def test_a_citation_box_of_a_readme_is_read_when_nothing_else_is() -> None:
    doc = ("# tidewater\n\nTide tables, fast.\n\n<details>\n<summary>Citation</summary>\n\n"
           "Lind, P., Haddad, N. (2021). Tidewater: fast harmonic tide prediction. Journal of Open Tools, 6(58), 3012.\n\n"
           "</details>\n")
    entries = markdown.read(doc).entries
    assert [e.get("title") for e in entries] == ["Tidewater: fast harmonic tide prediction"]


READING = """#+TITLE: Reading group

* What we read

Noor Haddad
    - [[https://doi.org/10.1000/ejh.2019.12][Sediment pulses in braided rivers of the dry tropics]]
    - [[https://example.org/articles/wrl-8-101][Groundwater recharge under shifting monsoon rain]]

Tunde Okoro
    - [[https://arxiv.org/abs/2101.00001][A field guide to measuring bank erosion with drones]]

* Links
- [[https://example.org/wiki][Our wiki]]
"""


def test_a_reading_list_of_linked_titles_gives_its_works() -> None:
    entries = org.read(READING).entries
    assert [e.get("title") for e in entries] == TITLES
    assert entries[0].get("doi") == "10.1000/ejh.2019.12"
    assert entries[2].get("eprint") == "2101.00001"


def test_linked_titles_are_no_works_where_the_page_gave_entries() -> None:
    doc = READING + "\n* Publications\n- " + PAPERS[0] + "\n"
    assert [e.get("title") for e in org.read(doc).entries] == [TITLES[0]]


def test_a_list_of_links_to_other_pages_is_no_reading_list() -> None:
    doc = ("* Elsewhere\n- [[https://example.org/blog][The blog I keep]]\n- [[https://example.org/photos][Photos from the field]]\n"
           "- [[https://example.org/code][Code on a forge]]\n")
    assert org.read(doc).entries == []
