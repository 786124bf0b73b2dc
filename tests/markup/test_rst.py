"""reStructuredText -> HTML rendering (refkit.markup.rst)."""

from __future__ import annotations

from lxml import html as lxml_html

from refkit.markup.rst import to_html


def tree(source: str) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(to_html(source))


def test_sections_line_blocks_and_links() -> None:
    root = tree("Papers\n======\n\nJournal\n-------\n\n| A. Smith.\n| `A title <https://example.org/a>`__.\n| *Journal*, 2020.\n")
    assert [(h.tag, h.text_content(), h.sourceline) for h in root.iter("h2", "h3")] == [("h2", "Papers", 1), ("h3", "Journal", 4)]
    assert [(a.get("href"), a.text_content()) for a in root.iter("a")] == [("https://example.org/a", "A title")]
    assert len(list(root.iter("br"))) == 3 and [i.text_content() for i in root.iter("i")] == ["Journal"]


def test_a_letter_enumerator_is_an_initial_and_citations_are_a_list() -> None:
    root = tree("A. Smith. A title here. Journal, 2020.\n\n.. [S20] B. Doe. Another title. Venue, 2019.\n.. [D19] C. Roe. Third title. Venue, 2018.\n")
    assert root.find(".//p").text_content().startswith("A. Smith. A title here.")
    assert [li.text_content().strip()[:6] for li in root.iter("li")] == ["B. Doe", "C. Roe"]


def test_directives_comments_and_docinfo_give_no_text() -> None:
    root = tree(":Author: x\n\n.. note:: a note\n\n.. a comment\n\n.. contents::\n\nBody.\n")
    assert " ".join(root.text_content().split()) == "Body."
