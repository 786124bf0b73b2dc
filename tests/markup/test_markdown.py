"""Markdown -> HTML rendering (refkit.markup.markdown): choices for publication pages."""

from __future__ import annotations

import re
import textwrap

from lxml import html as lxml_html

from refkit.markup.markdown import orphan_link_targets, to_html


def tree(source: str) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(to_html(source))


def test_blocks_keep_their_source_lines_and_front_matter_is_skipped() -> None:
    root = tree("---\ntitle: x\n---\n\n# Papers\n\n1. First item\n   continued\n2. Second item\n")
    assert [(h.text_content(), h.sourceline) for h in root.iter("h1")] == [("Papers", 5)]
    assert [li.sourceline for li in root.iter("li")] == [7, 9]
    assert "title: x" not in root.text_content()


def test_soft_breaks_are_line_breaks_and_indented_lines_are_not_code() -> None:
    root = tree("- Title line\n  Authors line\n\n<div>\n\n    <b>Indented</b> card text\n\n</div>\n")
    assert len(list(next(root.iter("li")).iter("br"))) == 1
    assert list(root.iter("pre")) == [] and [b.text_content() for b in root.iter("b")] == ["Indented"]


def test_section_label_paragraphs_become_headings() -> None:
    root = tree("## Publications\n\nCo-Authored Papers:\n\n- A. Smith. A title. 2020.\n\nAwards\n\n- Best paper, 2019\n\nA sentence of text, not a label.\n")
    assert [(h.tag, h.text_content()) for h in root.iter("h2", "h3")] == [("h2", "Publications"), ("h3", "Co-Authored Papers:"), ("h3", "Awards")]


def test_template_tags_and_entities() -> None:
    root = tree("{% include base_path %}\n{{ site.title }}\n\n- On &infin;-categories &amp; more {{< ref x >}}\n")
    assert " ".join(root.text_content().split()) == "On ∞-categories & more"


def test_a_one_line_venue_paragraph_with_a_year_is_not_a_section_label() -> None:
    html = to_html("### Rivers that run uphill\nJane Doe\n\n*Water Letters*, 3:1-9, 2019\n\nAbstract: a note.\n")
    assert "<h4>" not in html and "<em>Water Letters</em>, 3:1-9, 2019" in html
    assert "<h3>Awards</h3>" in to_html("## Me\n\nAwards\n\n- Prize, 2019\n")


def test_inline_markup_read_block_by_block_renders_as_the_whole_document_would(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # inline tokens are parsed per block as they are rendered (memory); a reference link
    # defined after its use, emphasis, escapes, entities, raw HTML, tables and a section
    # label must come out exactly as markdown-it's whole-document parse gives them
    from refkit.markup import markdown

    source = (
        "# Papers\n\nJournal articles:\n\n1. **A. Smith**, [A *linked* title][t]. \\*Journal\\* &amp; Co, 2020.\n"
        "2. B. Doe. `code` and <b>raw</b> ~~gone~~ <https://example.org/x>.\n   Continued line.\n\n"
        "| Year | Title |\n|---|---|\n| 2019 | *Table* title |\n\n[t]: https://example.org/paper \"T\"\n"
    )
    by_block = markdown.to_html(source)
    monkeypatch.setattr(markdown, "_PER_INLINE", ())  # no rule may wait: markdown-it parses all at once
    assert markdown.to_html(source) == by_block
    assert '<a href="https://example.org/paper" title="T">A <em>linked</em> title</a>' in by_block


def test_plain_lines_read_without_the_inline_rules_give_markdown_its_tokens(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # a block with no inline markup is cut into text and line breaks directly: the same
    # tokens (hard breaks after two spaces, a single trailing space and the next line's
    # indentation dropped, quotes and other punctuation as text) as markdown-it's own rules
    from refkit.markup import markdown

    source = (
        "## Talks, 2021\n\n1. C. Roe, \"A plain title,\" Journal: 12-14 (3) #5 $4 @home, 2021.  \n"
        "   Next line after a hard break \n\tA tabbed line\t\n   Last > line = {x}\n"
        "2. D. Poe. Another plain item; vol. 3, pp. 1-9, 2020\n\nEnding paragraph with ] and ^ and %.\n"
    )
    direct = markdown.to_html(source)
    monkeypatch.setattr(markdown, "_INLINE_MARK", re.compile(""))  # every block through markdown-it's rules
    assert markdown.to_html(source) == direct
    assert "2021.<br />\nNext line after a hard break<br />\nA tabbed line\t<br />\nLast &gt; line" in direct


def test_text_stops_only_where_an_inline_rule_can_start(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # the text rule runs past dashes, colons, '#', '+', '=' … (no rule of the parser starts
    # there) but still stops at ']' (a link's text ends there) and at every rule's mark:
    # the same tokens as markdown-it's default stops
    from markdown_it import MarkdownIt

    from refkit.markup import markdown

    source = (
        "1. A. Roe-Poe: *Title: a [sub-title](http://x.org/a-b) #1*, J. 3(2):1-9 {x} = $5 + 10% @me ^ > **bold**_x_\n"
        "2. [Nested [label] - here](u:v) & ![img: a-b](p.png) ~~del-ed~~ `co-de` <b>b-1</b> \\- &amp;-&#35;\n"
        "3. [unclosed - [label: x] ] -- *a*-*b* __c__:_d_ [x]: y\n\n[x]: http://ref-link.org\n"
    )
    default = MarkdownIt().inline.terminator_re if hasattr(MarkdownIt().inline, "terminator_re") else None
    direct = markdown.to_html(source)
    monkeypatch.setattr(markdown, "_TERMINATORS", default)
    if default is not None:
        assert markdown.to_html(source) == direct
    assert '<a href="http://x.org/a-b">sub-title</a>' in direct and "<em>a</em>-<em>b</em>" in direct


def test_a_year_written_as_a_list_marker_is_kept_as_the_items_date() -> None:
    # "2014. Authors. Title": CommonMark reads the year as an ordered list's number (and keeps
    # only the first); on a publication page it is each item's date
    root = tree("- 2014. A. Smith. A title.\n\n- 2013. B. Doe. Another title.\n\n2012. C. Lee. Third.\n2011. D. Roe. Fourth.\n")
    assert [li.text_content().strip() for li in root.iter("li") if not list(li.iter("ol"))] == [
        "2014. A. Smith. A title.", "2013. B. Doe. Another title.", "2012. C. Lee. Third.", "2011. D. Roe. Fourth."]
    numbered = tree("1. First item\n2. Second item\n")
    assert [li.text_content().strip() for li in numbered.iter("li")] == ["First item", "Second item"]


def test_markdown_links_inside_raw_html_blocks_are_links() -> None:
    source = (
        '<ul>\n<li class="paper">\n<h4 class="name">[Sorting &alpha;-Trees Lazily](/papers/trees.pdf)</h4>\n'
        '<p class="where">Journal of Tree Studies, 2021 <a href="/x">[kept](as text)</a></p>\n'
        "<pre>[not a link](/code)</pre>\n[[Slides]](/slides.pdf)\n</li>\n</ul>\n"
    )
    root = tree(source)
    links = [(a.text_content(), a.get("href")) for a in root.iter("a")]
    assert ("Sorting α-Trees Lazily", "/papers/trees.pdf") in links
    assert ("[Slides]", "/slides.pdf") in links
    assert "[not a link](/code)" in root.text_content()  # preformatted text is never Markdown
    assert "](" not in next(root.iter("h4")).text_content()


def test_a_parenthesised_note_between_html_lines_is_not_a_section_label() -> None:
    root = tree('<div class="status">\nIn Proc. of a Workshop, 2019\n\n(Best Paper Award)\n</div>\n\n## Talks\n')
    assert [h.text_content() for h in root.iter("h1", "h2", "h3", "h4")] == ["Talks"]
    assert "(Best Paper Award)" in root.text_content()


_ITEMS = [
    "Okafor, N. and Brandt, K., _2019_, Drainage Patterns of Young Volcanic Islands: Constraints From River "
    "Profiles and Cosmogenic Nuclides in the Western Pacific, *Journal of Island Geomorphology*, vol. 12, p. 100-121.",
    "Brandt, K., Lindqvist, P., Moreau, C., and Okafor, N., _2017_, Terraces of the Northern Coast: What They "
    "Tell About Uplift Rates Along the Plate Margin, *Coastal Tectonics*, vol. 4, no. 2, p. 33-51.",
    "Okafor, N., _2015_, A field guide to the faults of a small mountain range in the dry interior, with maps "
    "drawn from new aerial photographs, *Field Notes in Geology*, vol. 9.",
]
#: a list written in an editor that fills paragraphs at 72 columns
WRAPPED = "## Papers\n\n" + "\n\n".join(textwrap.fill(item, 72, initial_indent="1. ", subsequent_indent="   ") for item in _ITEMS) + "\n"


def test_a_hard_wrapped_document_reads_its_soft_breaks_as_spaces() -> None:
    from refkit.markup.markdown import hard_wrapped

    # lines broken where the next word would pass the margin: wraps, not lines of their own
    assert hard_wrapped(WRAPPED)
    assert [len(list(li.iter("br"))) for li in tree(WRAPPED).iter("li")] == [0, 0, 0]
    # a card written one field per line keeps its lines (title / authors / venue)
    fields = "".join(f"- A title of some paper number {k}\n  Doe, J. and Roe, K.\n  Journal of Things, 20{k:02d}\n\n" for k in range(6))
    assert not hard_wrapped(fields)
    assert all(len(list(li.iter("br"))) == 2 for li in tree(fields).iter("li"))
    # a line that ends in a Markdown hard break is no wrap
    assert not hard_wrapped(WRAPPED.replace("\n   ", "  \n   "))


def test_link_targets_whose_opening_bracket_was_lost_are_dropped() -> None:
    text = (
        "- Rivers of data, 2013](wp-content/uploads/rivers.pdf)\\\n"
        "  Atti convegno, 201](x.pdf)9 and 2015](wp-content/\nuploads/y.pdf)\n"
        "- [A whole link](https://example.org/a) and [one broken\nover lines](https://example.org/b)\n"
    )
    out = orphan_link_targets(text)
    assert out == (
        "- Rivers of data, 2013\\\n"
        "  Atti convegno, 2019 and 2015\n\n"
        "- [A whole link](https://example.org/a) and [one broken\nover lines](https://example.org/b)\n"
    )
    assert orphan_link_targets("no links here") == "no links here"
    html = to_html(text)
    assert "wp-content" not in html and "x.pdf" not in html
    assert '<a href="https://example.org/b">one broken' in html
