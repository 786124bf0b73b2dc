"""LaTeX documents (refkit.readers.latex): rendered by refkit.markup.latex and read
by the same item finder as HTML pages."""

from __future__ import annotations

from refkit import readers
from refkit.readers import latex as reader

LATEX_CV = r"""\documentclass{article}
\newcommand{\me}{\textbf{Hogg,~D.~W.}}
\newcommand{\aoas}{Annals of Applied Statistics}
\begin{document}
\section*{Education}
\begin{itemize}
\item PhD, Physics, California Institute of Technology, 1998
\end{itemize}
\section*{Refereed publications}
\begin{enumerate}
\item Sch\"olkopf,~B., \me, Wang,~D., \etal\ 2016, ``Modeling confounding by half-sibling regression'', \apj, 113, 7391, \doi{10.1073/pnas.1511656113}
\item \me\ \& Foreman-Mackey,~D.\ 2018, ``Data Analysis Recipes: Using {M}arkov Chain Monte Carlo'', \aoas, 236, 11, \href{https://arxiv.org/abs/1710.06068}{arXiv:1710.06068}
\item G.~Ca{\~n}as and J.~M\"{u}ller. \emph{A catalogue of galaxies} in Proc.~SPIE, 2010 % a comment
\end{enumerate}
\end{document}
"""


def test_latex_cv_sections_macros_accents() -> None:
    entries = reader.read(LATEX_CV)
    assert [e.get("title") for e in entries] == [
        "Modeling confounding by half-sibling regression",
        "Data Analysis Recipes: Using Markov Chain Monte Carlo",
        "A catalogue of galaxies",
    ]
    first, second, third = entries.entries
    assert [n.literal or n.family for n in first.names()] == ["Schölkopf", "Hogg", "Wang", "others"]
    assert first.get("author+an") == "2=highlight"
    assert first.get("journal") == "ApJ" and first.get("doi") == "10.1073/pnas.1511656113"
    assert second.get("journal") == "Annals of Applied Statistics" and second.get("eprint") == "1710.06068"
    assert [n.family for n in third.names()] == ["Cañas", "Müller"]


def test_bibitem_lists() -> None:
    source = r"""\begin{thebibliography}{9}
\bibitem{a} A.~Author and B.~Writer, {\em Journal of Things} \textbf{12}, 34 (2001).
\bibitem[B]{b} C.~Author, ``A quoted title here'', Phys.~Rev.~Lett. \textbf{99}, 1 (2007).
\end{thebibliography}"""
    entries = reader.read(source)
    assert len(entries) == 2
    assert entries.entries[1].get("title") == "A quoted title here"
    assert entries.entries[1].get("year") == "2007"



def test_latex_item_year_labels() -> None:
    entries = reader.read("\\begin{itemize}\n\\item[2019] J.~Smith and A.~Doe. Ranking things. \\emph{Journal of Ranking}, 12:1--9.\n\\end{itemize}")
    assert [(e.get("title"), e.get("year"), e.get("journal")) for e in entries] == [("Ranking things", "2019", "Journal of Ranking")]



def test_moderncv_entries_and_user_macros_with_arguments() -> None:
    source = r"""\documentclass{moderncv}
\newcommand{\paper}[3][Journal of Ranking]{#2. #3. \emph{#1}}
\def\me{\textbf{J.~Roe}}
\begin{document}
\section{Education}
\cventry{2010--2014}{PhD}{Example University}{City}{}{}
\section{Publications}
\cvitem{2021}{\paper{\me{} and A.~Smith}{Learning to rank things}, 12.}
\cvitem{2019}{\paper[Ranking Letters]{A.~Smith and \me}{Ranking more things}, 3.}
\end{document}"""
    entries = reader.read(source).entries
    assert [(e.get("title"), e.get("journal"), e.get("year")) for e in entries] == [
        ("Learning to rank things", "Journal of Ranking", "2021"),
        ("Ranking more things", "Ranking Letters", "2019"),
    ]
    assert entries[0].get("author+an") == "1=highlight"


def test_record_commands_of_unknown_cv_classes_are_items() -> None:
    source = r"""\cvsection{Publications}
\begin{pubentries}
\pubentry
    {Asynchrony among local communities stabilizes ecosystem function} % Title
    {Wilcox, K.R., A.T. Tredennick, \& S.E. Koerner} % Authors
    {Ecology Letters} % Journal
    {20(8):958-968} % Issue
    {2017} % Year
\pubentry
    {Do we need demographic data to forecast plant population dynamics?}
    {Tredennick, A.T., M.B. Hooten, \& P.B. Adler}
    {Methods in Ecology \& Evolution}
    {8(5):541-551}
    {2016}
\end{pubentries}"""
    entries = reader.read(source, path="cv.tex").entries
    assert [(e.get("title"), e.get("year")) for e in entries] == [
        ("Asynchrony among local communities stabilizes ecosystem function", "2017"),
        ("Do we need demographic data to forecast plant population dynamics?", "2016"),
    ]
    assert (entries[1].get("journal") or "").startswith("Methods in Ecology")
    assert [n.family for n in entries[1].names()] == ["Tredennick", "Hooten", "Adler"]
    assert entries[1].location.line == 9  # the LaTeX source line of the item


def test_sniff_by_commands_and_extension() -> None:
    assert reader.sniff("\\documentclass{article}\n") > 0.5
    assert reader.sniff("\\item A. Smith. A title. Journal, 2020.\n") > readers.reader("markdown").sniff("x")
    assert reader.sniff("plain words, no commands") == 0.0
    assert readers.sniff("A. Smith. A title. 2020.", "cv.tex") == "latex"
    assert readers.reader("tex").__name__ == "refkit.readers.latex"


def test_a_few_inline_commands_in_a_long_plain_text_do_not_make_it_latex() -> None:
    # a scraped profile listing whose abstracts quote \textit{…} is plain text, not a LaTeX document
    listing = "\n\n".join(
        f"Paper {i}\n\nA. Author, B. Author et al.\n\nAn abstract with words and words and words.\n" for i in range(40)
    )
    text = listing + "We study \\textit{frame} interpolation and \\textit{video} coding.\n"
    assert reader.sniff(text) == 0.0
    assert readers.sniff(text, "profile.txt") == "text"
    assert reader.sniff("\\textbf{Doe, J.} and \\emph{A title}.\n") > 0  # dense inline markup is still LaTeX


def test_expansion_bombs_are_bounded_and_reported() -> None:
    # each macro expands to ten of the previous one: 10^9 characters if expanded in full
    bomb = r"\def\a{xxxxxxxxxx}" + "".join(rf"\def\{c}{{\{p}\{p}\{p}\{p}\{p}\{p}\{p}\{p}\{p}\{p}}}" for p, c in zip("abcdefgh", "bcdefghi"))
    for source in (bomb + r"\begin{document}\i\end{document}", r"\newcommand{\a}{\a\a} \item \a", r"\def\a{\a} \item \a"):
        library = reader.read(source)
        assert library.entries == []
        assert library.problems and all(p.code == "RK192" and p.severity == "warning" for p in library.problems)


def test_pathological_inputs_read_without_traceback() -> None:
    item = " Doe, J. A title. Journal, 2020.\n"
    for source in ("\\begin{itemize}\\item " + "~" * 2048 + item + "\\end{itemize}", "{" * 3000 + "}" * 3000,
                   "\\item " + "[" * 3000 + "]" * 3000, "\\item " + "\\textbf{a " * 400 + "}" * 400,
                   "\\begin{itemize}\\item", "\\end{itemize}", "\\href{", "\\newcommand{\\x}[9]{#9} \\x", "$^{", "\\\\\\\\", "%"):
        reader.read(source)


def test_bold_entry_head_with_an_italic_title_and_count_lines() -> None:
    # a CV part whose entries open with one bold head "Authors: \textit{Title}",
    # then lines broken with \\: venue, identifiers, a citation count
    source = r"""\begin{document}
\textbf{P. Quill, R. Stone and T. Vale: \textit{Flat bands in twisted layers of graphite}}\\
Phys. Lett. Q, 12 (2020) 301\\
doi:10.5555/plq.2020.301\\
arXiv:2001.01234 [cond-mat]\\
7 citations.

~

\textbf{R. Stone and P. Quill: \textit{Edge states of a kagome ribbon}}\\
J. Solid Things 44 (2021) 17\\
arXiv:2102.04321 [cond-mat]\\
1 citation
\end{document}"""
    entries = reader.read(source).entries
    assert [e.get("title") for e in entries] == ["Flat bands in twisted layers of graphite", "Edge states of a kagome ribbon"]
    assert [[n.family for n in e.names()] for e in entries] == [["Quill", "Stone", "Vale"], ["Stone", "Quill"]]
    assert [e.get("year") for e in entries] == ["2020", "2021"]
    assert all("itation" not in (e.get("journal") or "") for e in entries)


def test_an_italic_word_inside_a_bold_title_keeps_the_title_bold() -> None:
    # the italic run ending the bold is part of the title (a species name), not a
    # title inside an authors-and-title head
    entries = reader.read(r"""\section*{Publications}
\begin{itemize}
\item \textbf{Cold tolerance of \textit{Bacillus subtilis}}, A. Berg and C. Dunn, J. Microbes 3 (2019) 1--9.
\item \textbf{Spores of the soil bacterium \textit{Bacillus cereus}}, C. Dunn, J. Microbes 5 (2021) 10--19.
\end{itemize}""").entries
    assert [e.get("title") for e in entries] == ["Cold tolerance of Bacillus subtilis", "Spores of the soil bacterium Bacillus cereus"]
    assert [e.get("year") for e in entries] == ["2019", "2021"]


HUMANITIES_CV = r"""\documentclass{article}
\begin{document}
\subsection{Articles}

A. Coder, ``Ledgers and Parishes in a River Town,'' \emph{Journal of Example History} 12, no. 3 (2020): 1--20.

\subsection{Software}

A. Coder and B. Maker, ``tidyexample: Tidy Example Data for Historians,'' \emph{Journal of Open Example Software} 4,
no. 2 (2019): 77, \url{https://doi.org/10.1234/joes.00077}. (peer reviewed)

\noindent\llap{``}exampletools: Tools for Examples,'' R package (2018): \url{https://github.com/example/exampletools}.

\subsection{Conference papers, posters, and workshops}

A. Coder and B. Maker, ``Counting Parishes in Old Maps,'' poster for the annual meeting of the Society of
Examples, Springfield, March 3--5, 2021.

\noindent\llap{``}Why Ledgers Matter,'' paper presented at the annual meeting of the Regional History Forum,
Oakton, May 2, 2019.

Panelist for ``The State of Example History,'' Society of Examples, January 6, 2018.
\end{document}
"""


def test_humanities_cv_talks_in_a_mixed_section_and_a_paper_in_the_software_section() -> None:
    """"Conference papers, posters, and workshops" holds talks here (presented, not
    printed); the software section's journal article with a DOI is a publication."""
    entries = reader.read(HUMANITIES_CV)
    assert [e.get("title") for e in entries] == [
        "Ledgers and Parishes in a River Town",
        "tidyexample: Tidy Example Data for Historians",
    ]
    assert entries.entries[1].get("doi") == "10.1234/joes.00077"


def _write(folder, name: str, text: str):  # type: ignore[no-untyped-def]
    target = folder / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def test_included_files_are_read_beside_the_input_with_their_own_lines(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # a CV whose publications live in \input'ed and \subfile'd files of its folder
    main = _write(tmp_path / "cv", "cv.tex", "\\documentclass{article}\n\\begin{document}\n"
                  "% \\input{old}\n\\input{parts/pubs}\n\\input{missing}\n\\end{document}\n")
    _write(tmp_path / "cv", "old.tex", "\\section*{Publications}\\item A. Old. Never read. J. Old, 1:1, 2001.\n")
    _write(tmp_path / "cv", "parts/pubs.tex", "\\section*{Publications}\n\\begin{enumerate}\n"
           "\\item N.~Okafor and L.~Ibarra. Tidal channels as sediment traps. \\emph{Coastal Dynamics}, 7:1--9, 2019.\n"
           "\\subfile{more}\n\\end{enumerate}\n")
    _write(tmp_path / "cv", "parts/more.tex", "\\documentclass[../cv.tex]{subfiles}\n\\begin{document}\n\n"
           "\\item N.~Okafor. Sand bars at river mouths. \\emph{Coastal Dynamics}, 4:9--12, 2016.\n\\end{document}\n")
    library = reader.read(main.read_text(), path=str(main))
    assert [(e.get("title"), e.origin.location.path, e.origin.location.line) for e in library.entries] == [
        ("Tidal channels as sediment traps", str(tmp_path / "cv" / "parts" / "pubs.tex"), 3),
        ("Sand bars at river mouths", str(tmp_path / "cv" / "parts" / "more.tex"), 4),
    ]
    assert [(p.code, p.location.path, p.location.line) for p in library.problems] == [("RK193", str(main), 5)]
    assert "missing" in library.problems[0].message
    # the text alone when asked, or when there is no file to read beside
    assert len(reader.read(main.read_text(), path=str(main), includes=False)) == 0
    assert len(reader.read(main.read_text(), path=None)) == 0


def test_includes_never_leave_the_input_folder_and_are_bounded(tmp_path) -> None:  # type: ignore[no-untyped-def]
    paper = "\\item N.~Okafor. A title of a paper. \\emph{Coastal Dynamics}, 4:9--12, 2016.\n"
    _write(tmp_path, "secret.tex", paper)
    folder = tmp_path / "cv"
    _write(folder, "loop.tex", "\\input{loop}\n")
    for depth in range(8):  # a chain deeper than the bound
        _write(folder, f"d{depth}.tex", f"\\input{{d{depth + 1}}}\n")
    _write(folder, "d8.tex", paper)
    main = _write(folder, "cv.tex", f"\\begin{{enumerate}}\n\\input{{../secret}}\n\\input{{{tmp_path / 'secret.tex'}}}\n\\input{{loop}}\n"
                  "\\input{d0}\n\\input{link}\n\\end{enumerate}\n")
    (folder / "link.tex").symlink_to(tmp_path / "secret.tex")
    library = reader.read(main.read_text(), path=str(main))
    assert len(library) == 0
    messages = [(p.location.path.rsplit("/", 1)[-1], p.location.line, p.message) for p in library.problems if p.code == "RK193"]
    assert [(name, line) for name, line, _ in messages if "outside" in _] == [("cv.tex", 2), ("cv.tex", 3), ("cv.tex", 6)]
    assert any(name == "loop.tex" and "itself" in m for name, _, m in messages)
    assert any("deeper" in m for _, _, m in messages)


def test_coauthor_groups_and_note_lines_in_a_math_cv() -> None:
    doc = r"""\documentclass{article}
\begin{document}
\section*{Publications}
\begin{enumerate}
\item (with Ana Costa and Piotr Nowak) \emph{Tame curves on wild surfaces}. J. Odd Geom. 14 (2020), 1--30.\\
A revised version of this paper was published in \emph{Odd Letters}, 2022.
\item (with Piotr Nowak) \emph{Higher sheaves and lower stacks}. Ann. Fake Math. 3 (2018), 77--99.
\item \emph{Gentle flows on rough manifolds}. Preprint, 2022.
\end{enumerate}
\end{document}
"""
    entries = reader.read(doc).entries
    assert [e.get("title") for e in entries] == [
        "Tame curves on wild surfaces", "Higher sheaves and lower stacks", "Gentle flows on rough manifolds"]
    assert [[n.family for n in e.names("author")] for e in entries] == [["Costa", "Nowak"], ["Nowak"], []]
    assert entries[0].get("year") == "2020" and "revised version" in (entries[0].get("note") or "")


def test_entries_right_after_a_section_heading_are_a_paragraph() -> None:
    doc = r"""\documentclass{article}
\begin{document}
\section*{Publications}
\textbf{Counting sheep in the dark: a field study}\\
Jane Doe, John Roe and Li Wei\\
\emph{Journal of Sleep Studies}, 12(3):45--67, 2021

\textbf{Rivers that run uphill}\\
Jane Doe and Omar Haddad\\
\emph{Water Letters}, 3:1--9, 2019
\end{document}
"""
    entries = reader.read(doc).entries
    assert [e.get("title") for e in entries] == ["Counting sheep in the dark: a field study", "Rivers that run uphill"]
    assert [e.get("journal") for e in entries] == ["Journal of Sleep Studies", "Water Letters"]


def test_two_field_cv_rows_with_a_year_label_and_status_words() -> None:
    # a CV class row: a label (year, "Draft" or nothing) then the citation, rows parted by lines
    # that hold only blanks after a comment; entries in review/in progress carry no year
    source = r"""\cvsection{Papers}
\begin{cvrows}
  \cvrow
    {Draft} % Category
    {\textbf{M. Halvorsen}, T. Okri. Seasonal drift of plankton blooms in fjords. \textit{In progress}.} % Citation
  
  \cvrow
    {} % Category
    {T. Okri, \textbf{M. Halvorsen}. Nutrient pulses after glacial melt. \textit{Polar Biology}. In review.} % Citation

  \cvrow
    {2016} % Year
    {A. Pirrone, \textbf{M. Halvorsen}. 2016. Ice cover and light in coastal basins. \textit{Estuaries} 12: 40-51.}
\end{cvrows}"""
    entries = reader.read(source, path="cv.tex").entries
    titles = [e.get("title") for e in entries]
    assert len(entries) == 3
    assert titles[1:] == ["Nutrient pulses after glacial melt", "Ice cover and light in coastal basins"]
    assert [n.family for n in entries[2].names()] == ["Pirrone", "Halvorsen"]
    assert entries[2].get("year") == "2016"


def test_undated_papers_in_preparation_beside_dated_ones() -> None:
    source = r"""\cvsection{Research}
\begin{cvpubs}
  \cvpub{\textbf{Oyelaran, T.}, K. Bryn. 2021. \textit{Rainfall shocks and school attendance.} Journal of Rural Studies, 4.}

  \cvpub{Bryn, K., \textbf{T. Oyelaran}. 2019. \textit{Market access and crop choice in the Sahel.} Food Policy 7.}
\end{cvpubs}
\cvsubsection{Ongoing}
\begin{cvpubs}
  \cvpub{\textbf{Oyelaran, T.}, M. Castel. \textit{Insurance take-up after a drought year.}}

  \cvpub{Castel, M., \textbf{T. Oyelaran}. \textit{Migration networks and remittance timing.}}
\end{cvpubs}"""
    entries = reader.read(source, path="cv.tex").entries
    assert [e.get("title") for e in entries][2:] == ["Insurance take-up after a drought year", "Migration networks and remittance timing"]
    assert [n.family for n in entries[3].names()] == ["Castel", "Oyelaran"]


def test_description_labels_are_kept_and_markers_are_not() -> None:
    """``\\item[A title] authors, venue``: the label is text the user wrote (a paper's title
    in a description list), read with its item; a marker label ("$\\bullet$", "--", "[J2]") is no text."""
    source = r"""\documentclass{article}
\begin{document}
\section*{Publications}
\begin{description}
\item[Counting lichens on granite walls] Marta Oyelaran and Tomas Brink. \emph{Journal of Urban Ecology}, 2019.
\item[A ledger of dry summers] Tomas Brink, Ines Halvorsen and Marta Oyelaran. \emph{Climate Notes}, 2021.
\end{description}
\begin{itemize}
\item[--] Ines Halvorsen. Salt marsh memory. \emph{Estuaries Quarterly}, 2018.
\item[{[J2]}] Ines Halvorsen. Tidal records of the north coast. \emph{Estuaries Quarterly}, 2020.
\end{itemize}
\end{document}
"""
    entries = {e.get("title"): e for e in reader.read(source)}
    assert set(entries) == {"Counting lichens on granite walls", "A ledger of dry summers",
                            "Salt marsh memory", "Tidal records of the north coast"}
    assert entries["A ledger of dry summers"].get("year") == "2021"
    assert "Brink" in (entries["Counting lichens on granite walls"].get("author") or "")


def test_two_field_rows_with_a_margin_label_that_is_not_a_year() -> None:
    # \pubrow{INDEX}{citation}: the label is drawn in the margin; it is no entry and no title
    source = ("\\pubrow{Index A}{Doe, J., \\& Roe, K. (2021). Sediment transport in braided rivers. "
              "{\\itshape Journal of River Studies}, 3(2), 1-10.}\\\\\n\n"
              "\\pubrow{Index B}{Roe, K. (2019). Flood pulses and channel change in lowland streams. "
              "{\\itshape Earth Surface Letters}, 7, 22-30.}\\\\\n")
    entries = reader.read(source)
    assert [e.get("title") for e in entries] == ["Sediment transport in braided rivers",
                                                 "Flood pulses and channel change in lowland streams"]


def test_entries_under_a_cv_class_heading_for_talks_are_not_papers() -> None:
    source = ("\\cvpart{Journal Articles}\n\n"
              "\\text{\\hangindent=0.5in Doe, J., \\& Roe, K. (2018). Sediment transport in braided rivers. "
              "\\textit{Journal of River Studies}, \\textit{3}(2), 1-10. \\par }\n\n"
              "\\cvpart{Talks}\n\n"
              "\\text{\\hangindent=0.5in Doe, J. (2019, May). Rivers that braid and rivers that meander. "
              "Presentation at the Annual River Meeting, Lyon, France. \\par }\n")
    entries = list(reader.read(source))
    assert [e.get("title") for e in entries] == ["Sediment transport in braided rivers"]
    assert "Doe" in (entries[0].get("author") or "")


def test_a_cv_table_environment_with_repeated_years_identifiers_and_macros_of_the_main_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # the main file defines the owner's name and the table environment, the included part uses
    # them: rows "\Year{2022} & names \ title. \emph{journal}. \DOI{…} & \GitHub{…} \\", "~" for
    # the year of the row above
    pubs = ("\\section{Peer-reviewed Publications}\n\\begin{PubTable}\n"
            "\\Year{2022} & \\Me, Okafor N., \\& Ibarra L. \\\n Tidal channels as sediment traps.\n"
            "\\emph{Coastal Dynamics}.\n\\DOI{10.1234/cd.2022.7}\n\n\\\\\n"
            "~ & Ibarra L., \\& \\Me \\\n Sand bars at river mouths.\n\\emph{Estuaries}.\n\\DOI{10.1234/es.9}.\n& \\GitHub{ibarra/sandbars}\n\\\\\n"
            "\\Year{2019} & \\Me \\\n Salt wedges in small rivers. \\emph{Coastal Dynamics}. \\\\\n\\end{PubTable}\n")
    main = _write(tmp_path, "cv.tex", "\\documentclass{article}\n\\newcommand{\\Me}{\\textbf{Roe A.}}\n"
                  "\\newenvironment{PubTable}{\\begin{tabular}{ll}}{\\end{tabular}}\n\\newcommand{\\Year}[1]{\\textbf{#1}}\n"
                  "\\begin{document}\n\\input{publications}\n\\end{document}\n")
    _write(tmp_path, "publications.tex", pubs)
    want = [("Tidal channels as sediment traps", ["Roe", "Okafor", "Ibarra"], "2022", "Coastal Dynamics", "10.1234/cd.2022.7"),
            ("Sand bars at river mouths", ["Ibarra", "Roe"], "2022", "Estuaries", "10.1234/es.9"),
            ("Salt wedges in small rivers", ["Roe"], "2019", "Coastal Dynamics", None)]

    def got(library):  # type: ignore[no-untyped-def]
        return [(e.get("title"), [n.family for n in e.names("author")], e.get("year"), e.get("journal"), e.get("doi"))
                for e in library.entries]

    assert got(reader.read(main.read_text(), path=str(main))) == want
    # the part alone: the owner's name is not there to read (and is not guessed), the rest is
    part = got(reader.read(pubs, path=None))
    assert [(y, j, d) for _, _, y, j, d in part] == [(y, j, d) for _, _, y, j, d in want]
    assert [part[0][:2], part[2][:2]] == [("Tidal channels as sediment traps", ["Okafor", "Ibarra"]), ("Salt wedges in small rivers", [])]
