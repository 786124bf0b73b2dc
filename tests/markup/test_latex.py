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


def text_of(source: str) -> str:
    return " ".join(tree(source).text_content().split())


def test_register_assignments_draw_nothing() -> None:
    # TeX shows no part of an assignment to a dimension, glue or count register
    source = ("\\hangindent=0.5in \\parindent0pt Doe, J. (2020). A first title. \\par\n"
              "\\leftskip=1em plus 2fil \\vskip 3pt \\penalty-100 \\hangafter=1 Roe, K. (2019). A second title.\n"
              "\\newlength{\\gap}\\gap=4pt \\parskip=\\medskipamount \\advance\\leftskip by -1.5em End.")
    assert text_of(source) == "Doe, J. (2020). A first title. Roe, K. (2019). A second title. End."


def test_text_after_a_register_that_is_no_assignment_stays() -> None:
    assert text_of("\\vskip\\baselineskip 2019 in Nature, \\textwidth of a page") == "2019 in Nature, of a page"


def test_blank_line_in_a_list_item_breaks_where_it_stands() -> None:
    html = to_html("\\begin{enumerate}\n\\item Doe et al, A title. {\\it Journal}.\n\n"
                   "\\item Roe et al, Another. {\\it Venue}. 2021.\n\\end{enumerate}").html
    assert "<i>Journal</i>.<br><br>" in html
    assert "<i>Venue</i>. 2021." in html


def test_a_number_badge_opening_a_line_is_a_label() -> None:
    # \numbadge{2} draws the item's counter, as an enumerate number would: not the entry's text
    source = "\\numbadge{2}  Doe et al, 2022 - 'A title', A Journal\n\n\\numbadge{1}  Roe et al, 2020 - 'Another', A Journal\n"
    assert text_of(source) == "Doe et al, 2022 - 'A title', A Journal Roe et al, 2020 - 'Another', A Journal"
    # a command with a number inside the running text is text
    assert text_of("Doe et al, \\volnum{12} of a series") == "Doe et al, 12 of a series"


def test_xparse_document_commands_expand_with_their_arguments() -> None:
    source = ("\\NewDocumentCommand{\\paper}{O{in press} m m}{\\item #2 (#1). \\emph{#3}.}\n"
              "\\NewDocumentCommand\\odd{s m}{never #2}\n"
              "\\begin{enumerate}\n\\paper{Doe, J. Reading tide gauges}{Coastal Letters}\n"
              "\\paper[2019]{Roe, K. Salt and silt}{Estuary Notes}\n\\end{enumerate}\n\\odd*{kept}")
    root = tree(source)
    assert [li.text_content().strip() for li in root.iter("li")] == ["Doe, J. Reading tide gauges (in press). Coastal Letters.",
                                                             "Roe, K. Salt and silt (2019). Estuary Notes."]
    assert "never" not in root.text_content() and "kept" in root.text_content()


def test_an_unknown_command_alone_in_its_paragraph_is_a_heading() -> None:
    # a CV class's own section command: its short argument, a paragraph of its own, is drawn as a title
    root = tree("\\cvpart{Journal articles}{\\someicon}\n\nDoe, J. (2020). A title. \\textit{Journal}.\n\n"
                "\\cvpart{Talks}\n\nDoe, J. (2019). A talk. Somewhere.\n")
    assert [h.text_content() for h in root.iter("h3")] == ["Journal articles", "Talks"]
    # with more text in its paragraph, or inside a list, it stays text
    root = tree("\\cvpart{Talks} given at workshops\n\n\\begin{itemize}\n\\item \\cvpart{Talks}\n\n\\end{itemize}")
    assert not list(root.iter("h3")) and "Talks given at workshops" in root.text_content()


def test_an_environment_of_rows_and_cells_is_a_table() -> None:
    # a table environment the document's class or preamble defines (\begin{EntriesTable}):
    # its rows of & cells ended by \\ are a table, a column specification no cell's text
    root = tree("\\section{Papers}\n\\begin{pubrows}{ll}\n2021 & Roe A. Tides. \\emph{Journal}. \\\\\n"
                "~ & Poe B. Lakes. \\emph{Letters}. \\\\\n\\end{pubrows}\n")
    rows = [[" ".join(td.text_content().split()) for td in tr.iter("td")] for tr in root.iter("tr")]
    assert rows[:2] == [["2021", "Roe A. Tides. Journal."], ["", "Poe B. Lakes. Letters."]]
    # an environment of paragraphs stays text
    assert not list(tree("\\begin{center}\nA & B\n\\end{center}").iter("table"))


def test_identifier_commands_are_links_and_never_headings() -> None:
    root = tree("Roe A. Tides. \\emph{Journal}.\n\\DOI{10.1234/j.x\\_1}\n\n\\GitHub{roe/tides}\n\n"
                "\\pdflink{https://example.org/a.pdf} \\ArXiv{2101.01234}\n")
    assert not list(root.iter("h3"))
    assert [(a.get("href"), a.text_content()) for a in root.iter("a")] == [
        ("https://doi.org/10.1234/j.x_1", "doi:10.1234/j.x_1"), ("https://github.com/roe/tides", "GitHub"),
        ("https://example.org/a.pdf", "https://example.org/a.pdf")]
    assert "arXiv:2101.01234" in root.text_content()
    # a command whose argument is words is no identifier
    assert "A heading" in [h.text_content() for h in tree("\\mytitle{A heading}\n\nText.\n").iter("h3")]
