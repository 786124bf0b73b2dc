"""LaTeX -> HTML rendering (refkit.markup.latex): structure, inline markup, lines."""

from __future__ import annotations

from lxml import html as lxml_html

from refkit.markup.latex import to_html


def tree(source: str) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(to_html(source).html)


def test_structure_becomes_html_blocks_on_their_source_lines() -> None:
    root = tree("\\documentclass{article}\n\\begin{document}\n\\section{Publications}\n\\begin{enumerate}\n"
                "\\item First item\n\\item Second item\n\\end{enumerate}\n\\end{document}\n")
    assert [h.text_content() for h in root.iter("h2")] == ["Publications"]
    items = list(root.iter("li"))
    assert [li.text_content().strip() for li in items] == ["First item", "Second item"]
    assert [li.sourceline for li in items] == [5, 6]


def test_inline_markup_accents_and_ligatures() -> None:
    root = tree(r"\item \textbf{Sch\"olkopf,~B.} and {\em M\'{e}ndez} --- \href{https://example.org/p?a=1\&b}{paper} \url{https://x.org/a\_b}, 1--2 \ldots$^{*}$")
    li = root.body  # an \\item outside a list is a paragraph
    assert [b.text_content() for b in li.iter("b")] == ["Schölkopf,\xa0B."]
    assert [i.text_content() for i in li.iter("i")] == ["Méndez"]
    assert [(a.get("href"), a.text_content()) for a in li.iter("a")] == [("https://example.org/p?a=1&b", "paper"), ("https://x.org/a_b", "https://x.org/a_b")]
    assert [s.text_content() for s in li.iter("sup")] == ["*"]
    assert "— " in li.text_content() and "1–2 …" in li.text_content()


def test_comments_and_preamble_are_not_text() -> None:
    root = tree("\\documentclass{article}\n\\usepackage{hyperref}\n% a comment with \\item\n\\begin{document}\nBody text % trailing\n\\end{document}")
    assert " ".join(root.text_content().split()) == "Body text"


def test_tables_rows_and_cells() -> None:
    root = tree("\\begin{tabular}{ll}\n2020 & A. Smith. A title. Journal. \\\\\n2019 & B. Doe. Another. Venue. \\\\\n\\end{tabular}")
    rows = [[td.text_content().strip() for td in tr.iter("td")] for tr in root.iter("tr")]
    assert rows[:2] == [["2020", "A. Smith. A title. Journal."], ["2019", "B. Doe. Another. Venue."]]


def test_unmatched_groups_are_blanked_in_place() -> None:
    """What LaTeX would not close is blanked (same length, same lines); what pairs up is kept."""
    from refkit.markup.latex import _balance_groups

    cases = [
        (r"\begin{itemize}\item a\end{itemize}", r"\begin{itemize}\item a\end{itemize}", 0),
        (r"\begin{itemize} a", " " * 15 + " a", 1),
        (r"a \end{x} b", "a " + " " * 7 + " b", 1),
        (r"\begin{a}\begin{b}x\end{a}", r"\begin{a}" + " " * 9 + r"x\end{a}", 1),
        ("% \\begin{x}\n", "% \\begin{x}\n", 0),
        ("a } b {c", "a   b  c", 2),
        (r"\{ {x} \item[a b", r"\{ {x} \item a b", 1),
        # groups must nest: an \end inside braces cannot close a \begin outside them
        (r"\begin{x}{a\end{x}}", " " * 9 + "{a" + " " * 7 + "}", 2),
        (r"{\begin{x}a}\end{x}", "{" + " " * 9 + "a}" + " " * 7, 2),
    ]
    for source, expected, count in cases:
        assert _balance_groups(source) == (expected, count), source


def test_a_blank_line_after_a_comment_still_ends_the_paragraph() -> None:
    # pylatexenc gives the blank line after "% note" to the comment; LaTeX still starts a new paragraph
    root = tree("First entry text. % note\n   \nSecond entry text. % other\nsame paragraph.\n")
    paragraphs = [p.text_content().strip() for p in root.iter("p") if p.text_content().strip()]
    assert paragraphs == ["First entry text.", "Second entry text. same paragraph."]


def test_two_field_rows_keep_their_label_on_a_line_of_its_own() -> None:
    root = tree("\\pubrow\n  {2011} % when\n  {Q. Ostrander and L. Vey. Tidal mixing in shallow estuaries. Coastal Letters.}\n\n"
                "Inline \\mymark{x}{a short mark} stays text.\n")
    rows = list(root.iter("li"))
    assert len(rows) == 1 and [br.tail.strip() for br in rows[0].iter("br")][0].startswith("Q. Ostrander")
    # inside running text a two-group command is no row: its text stays in the paragraph
    assert "short mark stays text" not in rows[0].text_content()
