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


def test_substitutions_nest_trim_and_link() -> None:
    source = ("* |me| wrote |paper|_, |a| |dash| done.\n\n"
              ".. |me| replace:: **J. Doe** |and| K. Roe\n.. |and| replace:: and\n"
              ".. |paper| replace:: a paper\n.. _paper: https://example.org/p\n"
              ".. |a| replace:: |b|\n.. |b| replace:: |a|\n.. |dash| unicode:: U+2014\n   :trim:\n")
    root = tree(source)
    item = root.find(".//li")
    assert item.text_content() == "J. Doe and K. Roe wrote a paper, a\u2014done."  # |a| -> |b| -> |a|: the name stays
    assert [(a.get("href"), a.text_content()) for a in item.iter("a")] == [("https://example.org/p", "a paper")]


def test_substitutions_through_substitutions_expand_within_a_budget() -> None:
    """Each definition doubles the one before: 14 lines once gave 131,072 characters per
    use. Expansion is charged against the document's budget (100,000 characters, or twice
    its length); past it a reference keeps its name."""
    doubling = "".join(f".. |a{k + 1}| replace:: |a{k}| |a{k}|\n" for k in range(14))
    source = "".join(f"* Item {k}: |a14|.\n" for k in range(8)) + "\n.. |a0| replace:: xxxxxxxx\n" + doubling
    html = to_html(source)
    assert html.count("x") <= 100_000
    assert "Item 7: a14." in html


def test_bare_uris_are_found_word_by_word() -> None:
    """docutils' URI pattern, tried from every punctuation mark of a long run ('-----',
    '{{{{'), was quadratic (32 KB: 21 s); it is now tried on each word that holds a
    ':' or '@', at most 2,048 characters long (a longer word is not a link)."""
    rule = "-" * 5000
    root = tree(f"* {rule} see https://example.org/a, mail jane@example.org (or <https://example.org/b>).\n"
                f"* https://example.org/{'x' * 3000}\n")
    assert [a.get("href") for a in root.iter("a")] == ["https://example.org/a", "mailto:jane@example.org", "https://example.org/b"]
    assert rule in root.text_content()


def test_a_long_run_of_joined_words_is_text_and_normal_names_still_link() -> None:
    """docutils tried a reference name (``word_``) from every joiner of a run such as
    ``a-a-a-…`` (quadratic: 32 KB took 11.5 s); a run longer than 2,048 characters is
    now read as plain text, every character kept, while names of normal length, the
    author's own private-use characters and the run's line numbers are as before."""
    runs = ["-".join(["ab"] * 3000), "x.y+z:w_v" * 800]
    root = tree(f"Title {runs[0]}\n=====\n\n* Doe, J. {runs[0]} in ``{runs[1]}`` \ue000 see Doe-2020_ and `Roe <r_>`_.\n\n"
                f".. _Doe-2020: https://example.org/doe\n.. _r: https://example.org/roe\n\n{runs[1]}_\n")
    text = root.text_content()
    assert runs[0] in root.findtext(".//h2") and runs[0] in root.find(".//li").text_content()
    assert runs[1] in root.findtext(".//code") and runs[1] + "_" in text and "\ue000" in text
    assert [a.get("href") for a in root.iter("a")] == ["https://example.org/doe", "https://example.org/roe"]
    assert to_html(f"a\n\n{runs[0]}\n").count("\n") == to_html("a\n\nb\n").count("\n")


def test_substitutions_of_the_standard_entity_sets_are_their_characters() -> None:
    # ".. include:: <xhtml1-lat1.txt>" defines |ouml| and the rest; no file is read, the names are
    # the HTML entities'; without such an include an undefined name stays as written
    source = "- P. Bayer, D.H\\ |ouml|\\ yng, and G. Mari\\ |eacute|\\ thoz (2015) |copy|\n\n.. include:: <xhtml1-lat1.txt>\n"
    assert "D.Höyng, and G. Mariéthoz (2015) ©" in to_html(source)
    assert "ouml" in to_html(source.replace(".. include:: <xhtml1-lat1.txt>", ""))
