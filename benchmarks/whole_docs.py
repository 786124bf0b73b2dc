#!/usr/bin/env python3
"""Whole Org, AsciiDoc and reST documents that hold a publication list: documents read as nothing.

    python benchmarks/whole_docs.py                          # tuning idioms, tuning papers, --seed 1
    python benchmarks/whole_docs.py --idiom org- -v          # idioms whose name starts so, misses listed
    python benchmarks/whole_docs.py --group held-out --papers check --seed 7   # the check (start/end only)
    python benchmarks/whole_docs.py --keep /tmp/wd           # also write every generated document there
    python benchmarks/whole_docs.py --json A.json ; ... --compare A.json   # before/after columns

Why: whole documents in the less common markups come out with no entry at all ("no publication
entries found": two held-out Org documents of 16-18 KB), each one a page of entries lost at once.
benchmarks/markup_idioms.py writes one idiom's list into four contexts; this writes the WAYS a
whole document that holds publications is put together, preamble to end, where a reader may
drop the construct that carries the list or a document-level decision may reject it all:

- Org: org-bibtex headlines whose ``:PROPERTIES:`` drawers hold ``:TITLE:``/``:AUTHOR:``/
  ``:JOURNAL:``/``:YEAR:``/``:DOI:`` (a key or the title as the headline); papers as headlines
  deeper than the export's ``H:`` with the citation in the body; ``#+begin_export html`` and
  ``#+begin_export latex`` blocks carrying the list; ``#+HTML:`` lines; ``#+SETUPFILE``/
  ``#+INCLUDE``-driven CVs; ox-hugo front matter (``#+hugo_base_dir``, ``:EXPORT_FILE_NAME:``);
  heavy ``#+OPTIONS``/``#+LATEX_HEADER`` preambles; a table row per paper with links; checkbox
  lists ``- [X]``; ``:noexport:`` and ``COMMENT`` subtrees (not rendered: their items must not
  count); org-cite ``[cite:@key]`` with ``#+print_bibliography:`` beside a real list; years as
  description terms ``- 2021 :: citation``; a link ``[[url][Title]]`` as the only marked title;
  LaTeX fragments and ``{{{macros}}}`` inside items; ``#+begin_quote`` blocks per year;
- AsciiDoc: ``. item`` and ``* item`` lists under ``==`` sections with an attribute header,
  ``[bibliography]`` lists with ``[[[key]]]`` anchors, description lists ``Title:: details``,
  ``|===`` tables, ``++++`` passthrough HTML, ``ifdef::``/``include::`` driven CVs, block titles
  ``.2021`` over lists, literal and sidebar blocks;
- reST: enumerated ``#.`` lists, citations ``.. [Key] text``, definition lists (title over an
  indented line), line blocks ``| ``, ``.. raw:: html`` lists, ``.. only:: html`` and
  ``.. container::`` wrappers, ``.. rubric::`` headings, grid and simple tables, a Sphinx
  ``.. bibliography::`` beside a written list.

Contexts as in markup_idioms.py: the bare list; under a "Publications" heading; under a heading no
classifier knows or in another language; inside a whole CV (education, talks and teaching around
the papers: a talk read as an entry is a spurious item). Citations are real records
(../shared/corpus/mid.bib) rendered with official CSL styles (citeproc's HTML, its italics and bold
in the markup's own emphasis), or written from the record's fields where the idiom splits them.

Held out, by fixed rules chosen before any run: the idioms whose crc32 of the name modulo 3 is 0
(``--group held-out``), and the papers of markup_idioms' check rule (``--papers check``); report
those, and check seeds (--seed 7, 11), only at the start and the end of a piece of work. Scored
with the official scorer's rules (../shared/eval/score.py). The number that matters is the zero
cells: documents from which nothing (or under a tenth) is read.
"""

from __future__ import annotations

import html
import random
import re
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

import markup_idioms as mi  # noqa: E402
import style_titles  # noqa: E402

Paper = mi.Paper


@dataclass
class Doc:
    """An idiom's part of a document: its preamble, its body and the papers a reader should find
    (an idiom that hides some papers from the export, as ``:noexport:`` does, lists only the rest)."""

    body: list[str]
    listed: list[Paper]
    preamble: list[str] = field(default_factory=list)


Idiom = Callable[[list[Paper], random.Random], Doc]

# ---------------------------------------------------------------------------------------- inline

_EMPHASIS = {"adoc": ("_", "*"), "rst": ("*", "**"), "org": ("/", "*"), "md": ("*", "**")}


def inline(line: str, markup: str) -> str:
    """citeproc's HTML line in the markup's inline syntax (italic and bold; links as their text)."""
    if markup in ("org", "md"):
        return mi._inline(line, markup)
    italic, bold = _EMPHASIS[markup]
    out: list[str] = []
    stack: list[str] = []
    pos = 0
    for m in mi._TAG.finditer(line):
        out.append(html.unescape(line[pos:m.start()]))
        pos = m.end()
        tag = m.group(2).lower()
        if tag not in ("i", "em", "b", "strong"):
            continue
        mark = italic if tag in ("i", "em") else bold
        if m.group(1):
            if stack:
                out.append(stack.pop())
        else:
            # reST allows no nesting: inner emphasis is dropped
            if markup == "rst" and stack:
                stack.append("")
                continue
            stack.append(mark)
            out.append(mark)
    out.append(html.unescape(line[pos:]))
    text = " ".join("".join(out).split())
    if markup == "rst":
        # emphasis markers must touch their text: "* x*" is no emphasis, and a marker glued to a
        # word needs an escaped space; keep it simple: drop markers that do not open or close cleanly
        text = re.sub(r"\*{1,2}\s+\*{1,2}", " ", text)
    return text


def _url(p: Paper) -> str:
    return f"https://doi.org/{p.doi}" if p.doi else f"https://example.org/papers/{zlib.crc32(p.title.encode()) % 9999}.pdf"


def _key(p: Paper) -> str:
    family = re.sub(r"\W", "", (p.authors[0].split(",")[0] if p.authors else "anon").split()[-1]).lower() or "anon"
    word = re.sub(r"\W", "", (p.title.split() or ["x"])[0]).lower()
    return f"{family}{p.year}{word}"


def _names(p: Paper, rng: random.Random) -> str:
    return mi._authors_text(p, rng)


# ---------------------------------------------------------------------------------------- Org idioms


def _org_bibtex(papers: list[Paper], rng: random.Random) -> Doc:
    # org-bibtex: a headline per entry, the record in its properties drawer
    out: list[str] = []
    for p in papers:
        out += [f"** {p.title}", "   :PROPERTIES:", f"   :TITLE:    {p.title}", f"   :BTYPE:    article",
                f"   :CUSTOM_ID: {_key(p)}", f"   :AUTHOR:   {' and '.join(p.authors)}", f"   :JOURNAL:  {p.venue}",
                f"   :YEAR:     {p.year}"] + ([f"   :DOI:      {p.doi}"] if p.doi else []) + ["   :END:", ""]
    return Doc(out, papers)


def _org_bibtex_keyed(papers: list[Paper], rng: random.Random) -> Doc:
    # org-ref/org-roam notes: the headline is the citation key, the title lives in the drawer
    out: list[str] = []
    for p in papers:
        out += [f"** {rng.choice(('', 'TODO ', 'DONE '))}{_key(p)}", ":PROPERTIES:", f":TITLE: {p.title}",
                f":AUTHOR: {' and '.join(p.authors)}", f":JOURNAL: {p.venue}", f":YEAR: {p.year}",
                f":DOI: {p.doi}" if p.doi else f":URL: {_url(p)}", ":END:", "",
                rng.choice(("Read for the review chapter.", "Key result: the second theorem.", "")), ""]
    return Doc(out, papers)


def _org_drawer_only_venue(papers: list[Paper], rng: random.Random) -> Doc:
    # a headline per title, the drawer giving only where and when (the authors are the owner)
    out: list[str] = []
    for p in papers:
        out += [f"*** {p.title}", ":PROPERTIES:", f":JOURNAL: {p.venue}", f":YEAR: {p.year}",
                f":DOI: {p.doi or '10.1000/x' + str(zlib.crc32(p.title.encode()) % 999)}", ":END:", ""]
    return Doc(out, papers)


def _org_deep_body(papers: list[Paper], rng: random.Random) -> Doc:
    # papers as headlines deeper than the export's H (ox-html makes them list items), the
    # citation in the body below
    out: list[str] = []
    for p in papers:
        out += [f"**** {p.title}", f"{_names(p, rng)}.", f"/{p.venue}/, {p.year}.", f"[[{_url(p)}][PDF]]", ""]
    return Doc(out, papers)


def _org_deep_cite_body(papers: list[Paper], rng: random.Random) -> Doc:
    # a short label headline per paper (a year or a key), the whole citation in the body
    out: list[str] = []
    for k, p in enumerate(papers, 1):
        label = rng.choice((p.year, f"Paper {k}", _key(p)))
        out += [f"*** {label}", p.cite, ""]
    return Doc(out, papers)


def _org_export_latex(papers: list[Paper], rng: random.Random) -> Doc:
    # a CV made for LaTeX export: the list is a LaTeX list inside an export block
    out = ["#+begin_export latex", "\\begin{enumerate}"]
    for p in papers:
        out.append(f"  \\item {_names(p, rng)}. {p.title}. \\emph{{{p.venue}}}, {p.year}.")
    out += ["\\end{enumerate}", "#+end_export"]
    return Doc(out, papers)


def _org_latex_lines(papers: list[Paper], rng: random.Random) -> Doc:
    # "#+LATEX:" lines, one per item
    out = ["#+LATEX: \\begin{itemize}"]
    out += [f"#+LATEX: \\item {_names(p, rng)} ({p.year}). {p.title}. \\textit{{{p.venue}}}." for p in papers]
    return Doc(out + ["#+LATEX: \\end{itemize}"], papers)


def _org_html_lines(papers: list[Paper], rng: random.Random) -> Doc:
    out = ["#+HTML: <ul class=\"pubs\">"]
    out += [f"#+HTML: <li>{html.escape(p.cite.replace('/', ''))}</li>" for p in papers]
    return Doc(out + ["#+HTML: </ul>"], papers)


def _org_export_html_divs(papers: list[Paper], rng: random.Random) -> Doc:
    out = ["#+begin_export html", '<div class="publications">']
    for p in papers:
        out += ['<div class="pub">', f'  <span class="title"><a href="{_url(p)}">{html.escape(p.title)}</a></span><br>',
                f'  <span class="authors">{html.escape(", ".join(p.authors))}</span><br>',
                f'  <em>{html.escape(p.venue)}</em>, {p.year}', "</div>"]
    return Doc(out + ["</div>", "#+end_export"], papers)


def _org_setupfile_cv(papers: list[Paper], rng: random.Random) -> Doc:
    pre = ["#+SETUPFILE: https://fniessen.github.io/org-html-themes/org/theme-readtheorg.setup",
           '#+INCLUDE: "./header.org"', "#+EXPORT_FILE_NAME: cv", "#+LANGUAGE: en"]
    return Doc([f"- {p.cite}" for p in papers] + ["", '#+INCLUDE: "./talks.org" :minlevel 2'], papers, pre)


def _org_hugo(papers: list[Paper], rng: random.Random) -> Doc:
    pre = ["#+hugo_base_dir: ../", "#+hugo_section: publications", "#+hugo_auto_set_lastmod: t",
           "#+hugo_custom_front_matter: :summary \"My papers\""]
    out = ["* Publications :@research:", ":PROPERTIES:", ":EXPORT_FILE_NAME: publications",
           ":EXPORT_DATE: 2023-01-05", ":EXPORT_HUGO_MENU: :menu main", ":END:", ""]
    out += [f"- {p.cite}" for p in papers]
    return Doc(out, papers, pre)


def _org_latex_preamble(papers: list[Paper], rng: random.Random) -> Doc:
    pre = ["#+OPTIONS: ^:nil toc:nil H:2 num:nil author:nil date:nil tags:nil", "#+LATEX_CLASS: article",
           "#+LATEX_CLASS_OPTIONS: [11pt,a4paper]", "#+LATEX_HEADER: \\usepackage[margin=2cm]{geometry}",
           "#+LATEX_HEADER: \\usepackage{enumitem}", "#+LATEX_HEADER: \\setlist{nosep}",
           "#+LATEX_HEADER: \\usepackage{hyperref}", "#+HTML_HEAD: <link rel=\"stylesheet\" href=\"cv.css\"/>",
           "#+STARTUP: showall indent", "#+PROPERTY: header-args :eval never-export"]
    return Doc([f"+ {p.cite}" for p in papers], papers, pre)


def _org_table_links(papers: list[Paper], rng: random.Random) -> Doc:
    out = ["#+NAME: pubs", "#+ATTR_HTML: :border 0 :rules none", "| Year | Paper | Links |", "|------+-------+-------|"]
    for p in papers:
        out.append(f"| {p.year} | {', '.join(p.authors)}. [[{_url(p)}][{p.title}]]. /{p.venue}/ | [[{_url(p)}][pdf]] |")
    return Doc(out, papers)


def _org_checkbox(papers: list[Paper], rng: random.Random) -> Doc:
    return Doc([f"- [{rng.choice('XX ')}] {p.cite}" for p in papers], papers)


def _org_noexport(papers: list[Paper], rng: random.Random) -> Doc:
    # drafts kept in the file but not exported: a reader must not count them
    shown, hidden = papers[: max(1, len(papers) - 2)], papers[max(1, len(papers) - 2):]
    out = [f"- {p.cite}" for p in shown] + [""]
    out += ["** Drafts and notes :noexport:", *[f"- {p.cite}" for p in hidden], ""]
    out += ["** COMMENT Old list", *[f"- {p.cite}" for p in hidden[:1]], ""]
    return Doc(out, shown)


def _org_cite(papers: list[Paper], rng: random.Random) -> Doc:
    # org-cite citations and a printed bibliography (nothing written out) beside a written list
    out = [f"My thesis builds on [cite:@{_key(papers[0])}] and [cite/t:@{_key(papers[-1])}].", "",
           "#+bibliography: refs.bib", "#+cite_export: csl apa.csl", "#+print_bibliography:", ""]
    out += [f"1. {p.cite}" if k == 0 else f"{k + 1}. {p.cite}" for k, p in enumerate(papers)]
    return Doc(out, papers)


def _org_year_terms(papers: list[Paper], rng: random.Random) -> Doc:
    return Doc([f"- {p.year} :: {p.cite}" for p in papers], papers)


def _org_link_title(papers: list[Paper], rng: random.Random) -> Doc:
    # the link is the only title mark: "[[url][Title]]", names and venue in plain text around it
    out = []
    for p in papers:
        out.append(rng.choice((f"- [[{_url(p)}][{p.title}]], {_names(p, rng)}, {p.venue} ({p.year})",
                               f"- [[{_url(p)}][{p.title}]] ({p.year})\\\\", )))
        if out[-1].endswith("\\\\"):
            out.append(f"  {_names(p, rng)}. {p.venue}.")
    return Doc(out, papers)


def _org_latex_macros(papers: list[Paper], rng: random.Random) -> Doc:
    pre = ["#+MACRO: me *M. Example*", "#+MACRO: pdf [[$1][PDF]]"]
    out = []
    for p in papers:
        names = ", ".join("{{{me}}}" if k == 0 else a for k, a in enumerate(p.authors))
        star = rng.choice(("$^{*}$", "\\(^\\dagger\\)", "\\textsuperscript{*}", ""))
        out.append(f"- {names}{star}. {p.title}. \\emph{{{p.venue}}}, {p.year}. {{{{{{pdf({_url(p)})}}}}}}")
    return Doc(out, papers, pre)


def _org_quote_years(papers: list[Paper], rng: random.Random) -> Doc:
    out: list[str] = []
    for year in sorted({p.year for p in papers}, reverse=True):
        out += [f"*{year}*", "#+begin_quote"]
        out += [f"- {p.cite}" for p in papers if p.year == year]
        out += ["#+end_quote", ""]
    return Doc(out, papers)


_ABSTRACT = ("We study the problem in a setting that earlier work left open and show that a simple "
             "construction suffices. Experiments on three data sets confirm the analysis, and we discuss "
             "what the result means for practice and which questions remain.")


def _org_hugo_subtrees(papers: list[Paper], rng: random.Random) -> Doc:
    # ox-hugo, one subtree per paper (an academic Hugo theme's publication pages): the record is
    # in the export properties' custom front matter, the body is the abstract
    pre = ["#+hugo_base_dir: ../", "#+hugo_section: publication", "#+hugo_front_matter_format: yaml"]
    out: list[str] = []
    for p in papers:
        names = " ".join(f'"{a}"' for a in p.authors)
        # the authors as the page's own key, or as the subtree's author keyword (comma-separated)
        authors = (f":EXPORT_HUGO_CUSTOM_FRONT_MATTER: :authors '({names})" if rng.random() < 0.5
                   else f":EXPORT_AUTHOR: {', '.join(p.authors)}")
        out += [f"** {p.title}", ":PROPERTIES:", f":EXPORT_FILE_NAME: {_key(p)}", f":EXPORT_DATE: {p.year}-01-01",
                authors,
                f':EXPORT_HUGO_CUSTOM_FRONT_MATTER+: :publication "*{p.venue}*"',
                ":EXPORT_HUGO_CUSTOM_FRONT_MATTER+: :publication_types '(\"2\")"
                + (f' :doi "{p.doi}"' if p.doi else ""), ":END:", "", _ABSTRACT, ""]
    return Doc(out, papers, pre)


def _org_drawer_custom(papers: list[Paper], rng: random.Random) -> Doc:
    # a headline per paper, its details in properties of the writer's own naming
    out: list[str] = []
    for p in papers:
        out += [f"*** {p.title}", ":PROPERTIES:", f":AUTHORS: {', '.join(p.authors)}", f":VENUE: {p.venue}",
                f":DATE: {p.year}", f":LINK: {_url(p)}", ":END:",
                rng.choice(("", _ABSTRACT)), ""]
    return Doc(out, papers)


def _org_cv_env(papers: list[Paper], rng: random.Random) -> Doc:
    # org-cv (ox-moderncv, ox-altacv, ox-awesomecv): entries as headlines whose properties feed
    # \cventry; a paper's venue is the "employer" and its year the start date
    pre = ["#+LATEX_CLASS: moderncv", "#+CVSTYLE: banking", "#+CVCOLOR: blue", "#+OPTIONS: toc:nil H:2"]
    out: list[str] = []
    for p in papers:
        out += [f"*** {p.title}", ":PROPERTIES:", ":CV_ENV: cventry", f":FROM: {p.year}-01-01",
                f":EMPLOYER: {p.venue}", ":END:", f"{_names(p, rng)}.", ""]
    return Doc(out, papers, pre)


def _org_abstracts(papers: list[Paper], rng: random.Random) -> Doc:
    # the citation as a headline deeper than H, an abstract and links under it
    out: list[str] = []
    for p in papers:
        out += [f"**** {p.cite}", _ABSTRACT, f"[[{_url(p)}][PDF]] | [[https://example.org/code][Code]]", ""]
    return Doc(out, papers)


def _org_todo_custom(papers: list[Paper], rng: random.Random) -> Doc:
    # a publication tracker: the file's own TODO keywords mark each paper's state
    pre = [rng.choice(("#+TODO: DRAFT SUBMITTED REVISION | PUBLISHED REJECTED",
                       "#+SEQ_TODO: SUBMITTED(s) IN-REVIEW(r) | ACCEPTED(a) PUBLISHED(p)"))]
    out: list[str] = []
    for p in papers:
        out += [f"** {rng.choice(('PUBLISHED', 'PUBLISHED', 'SUBMITTED'))} {p.title}", f"{_names(p, rng)}. /{p.venue}/, {p.year}.", ""]
    return Doc(out, papers, pre)


def _org_html_wrapped(papers: list[Paper], rng: random.Random) -> Doc:
    # the Org list inside HTML the page writes around it (#+HTML: lines open and close a box)
    out = ['#+HTML: <div class="publications">', *[f"- {p.cite}" for p in papers], "", "#+HTML: </div>"]
    return Doc(out, papers)


def _org_snippet_breaks(papers: list[Paper], rng: random.Random) -> Doc:
    # title, authors and venue parted by inline HTML line breaks (export snippets)
    return Doc([f"- *{p.title}* @@html:<br>@@ {_names(p, rng)} @@html:<br>@@ /{p.venue}/, {p.year}" for p in papers], papers)


def _org_link_list(papers: list[Paper], rng: random.Random) -> Doc:
    # a list of linked titles and nothing else (a reading list or a page of one's papers)
    return Doc([f"- [[{_url(p)}][{p.title}]]" for p in papers], papers)


def _org_logbook(papers: list[Paper], rng: random.Random) -> Doc:
    # papers tracked as tasks: planning lines and LOGBOOK drawers between headline and citation
    out: list[str] = []
    for p in papers:
        out += [f"*** DONE {p.cite}", f"    CLOSED: [{p.year}-05-02 Tue 10:00]", "    :LOGBOOK:",
                f"    - State \"DONE\"       from \"TODO\"       [{p.year}-05-02 Tue 10:00]", "    :END:", ""]
    return Doc(out, papers)


def _org_undated(papers: list[Paper], rng: random.Random) -> Doc:
    # work in progress: titles with their coauthors and a state, no year and no venue
    out = []
    for p in papers:
        others = list(p.authors[1:]) or p.authors[:1]
        state = rng.choice(("Submitted.", "In preparation.", "Preprint.", "Under review."))
        out.append(rng.choice((f"- /{p.title}/, with {' and '.join(others)}. {state}",
                               f"- {p.title} (with {', '.join(others)}). {state}")))
    return Doc(out, papers)


# ---------------------------------------------------------------------------------------- AsciiDoc idioms


def _adoc_ordered(papers: list[Paper], rng: random.Random) -> Doc:
    return Doc([f". {p.cite}" for p in papers], papers)


def _adoc_bullets(papers: list[Paper], rng: random.Random) -> Doc:
    return Doc([f"* {p.cite}" for p in papers], papers)


def _adoc_bibliography(papers: list[Paper], rng: random.Random) -> Doc:
    return Doc(["[bibliography]", *[f"- [[[{_key(p)}]]] {p.cite}" for p in papers]], papers)


def _adoc_dlist(papers: list[Paper], rng: random.Random) -> Doc:
    out = []
    for p in papers:
        out += [f"{p.title}::", f"  {_names(p, rng)}. _{p.venue}_, {p.year}. {_url(p)}[PDF]"]
    return Doc(out, papers)


def _adoc_table(papers: list[Paper], rng: random.Random) -> Doc:
    out = ['[cols="1,4,2",options="header"]', "|===", "|Year |Title |Venue", ""]
    for p in papers:
        out += [f"|{p.year}", f"|{_url(p)}[{p.title}] +", f"{', '.join(p.authors)}", f"|_{p.venue}_", ""]
    return Doc(out + ["|==="], papers)


def _adoc_passthrough(papers: list[Paper], rng: random.Random) -> Doc:
    return Doc(["++++", "<ol>", *[f"<li>{html.escape(inline(p.cite, 'md').replace('*', ''))}</li>" for p in papers],
                "</ol>", "++++"], papers)


def _adoc_ifdef_cv(papers: list[Paper], rng: random.Random) -> Doc:
    pre = [":doctype: book", ":toc: left", ":icons: font", ":sectnums!:", "include::attributes.adoc[]"]
    out = ["ifdef::backend-html5[]", "TIP: A PDF version is link:cv.pdf[here].", "endif::[]", ""]
    out += [f". {p.cite}" for p in papers] + ["", "include::talks.adoc[leveloffset=+1]"]
    return Doc(out, papers, pre)


def _adoc_block_titles(papers: list[Paper], rng: random.Random) -> Doc:
    out: list[str] = []
    for year in sorted({p.year for p in papers}, reverse=True):
        out += [f".{year}"] + [f"* {p.cite}" for p in papers if p.year == year] + [""]
    return Doc(out, papers)


def _adoc_literal(papers: list[Paper], rng: random.Random) -> Doc:
    plain = [re.sub(r"[_*]", "", p.cite) for p in papers]
    out = ["...."]
    for line in plain:
        out += [line, ""]
    return Doc(out[:-1] + ["...."], papers)


def _adoc_sidebar(papers: list[Paper], rng: random.Random) -> Doc:
    return Doc(["****", *[f"* {p.cite}" for p in papers], "****"], papers)


def _adoc_hardbreaks(papers: list[Paper], rng: random.Random) -> Doc:
    out = []
    for p in papers:
        out += [f"*{p.title}* +", f"{_names(p, rng)} +", f"_{p.venue}_, {p.year}", ""]
    return Doc(out, papers)


def _adoc_sections(papers: list[Paper], rng: random.Random) -> Doc:
    # a section per paper: its title as the section title, details in the paragraph below
    out: list[str] = []
    for p in papers:
        out += [f"=== {p.title}", "", f"{_names(p, rng)}. _{p.venue}_, {p.year}. {_url(p)}[PDF]", ""]
    return Doc(out, papers)


def _adoc_horizontal(papers: list[Paper], rng: random.Random) -> Doc:
    out = ["[horizontal]"]
    out += [f"{p.year}:: {p.cite}" for p in papers]
    return Doc(out, papers)


def _adoc_attributes(papers: list[Paper], rng: random.Random) -> Doc:
    # the owner's name and the venues' links through attribute references
    pre = [":me: *M. Example*", ":doi-base: https://doi.org"]
    out = []
    for p in papers:
        names = ", ".join(["{me}", *p.authors[1:]])
        out.append(f". {names}. {p.title}. _{p.venue}_, {p.year}." + (f" link:{{doi-base}}/{p.doi}[DOI]" if p.doi else ""))
    return Doc(out, papers, pre)


def _adoc_collapsible(papers: list[Paper], rng: random.Random) -> Doc:
    out: list[str] = []
    for year in sorted({p.year for p in papers}, reverse=True):
        out += [f".{year}", "[%collapsible%open]", "===="]
        out += [f"* {p.cite}" for p in papers if p.year == year]
        out += ["====", ""]
    return Doc(out, papers)


def _adoc_front_matter(papers: list[Paper], rng: random.Random) -> Doc:
    # jekyll-asciidoc: a YAML front matter above the AsciiDoc page
    pre = ["---", "layout: page", "title: Publications", "permalink: /publications/", "---"]
    return Doc([f"* {p.cite}" for p in papers], papers, pre)


# ---------------------------------------------------------------------------------------- reST idioms


def _rst_enumerated(papers: list[Paper], rng: random.Random) -> Doc:
    out = []
    for p in papers:
        out += [f"#. {p.cite}", ""]
    return Doc(out, papers)


def _rst_bullets(papers: list[Paper], rng: random.Random) -> Doc:
    out = []
    for p in papers:
        out += [f"* {p.cite}", ""]
    return Doc(out, papers)


def _rst_citations(papers: list[Paper], rng: random.Random) -> Doc:
    out = []
    for p in papers:
        out += [f".. [{_key(p)}] {p.cite}", ""]
    return Doc(out, papers)


def _rst_deflist(papers: list[Paper], rng: random.Random) -> Doc:
    out = []
    for p in papers:
        out += [p.title, f"    {_names(p, rng)}. *{p.venue}*, {p.year}.", ""]
    return Doc(out, papers)


def _rst_lineblocks(papers: list[Paper], rng: random.Random) -> Doc:
    out = []
    for p in papers:
        out += [f"| **{p.title}**", f"| {_names(p, rng)}", f"| *{p.venue}*, {p.year}", ""]
    return Doc(out, papers)


def _rst_raw_html(papers: list[Paper], rng: random.Random) -> Doc:
    out = [".. raw:: html", "", "   <ul>"]
    out += [f"   <li>{html.escape(inline(p.cite, 'md').replace('*', ''))}</li>" for p in papers]
    return Doc(out + ["   </ul>", ""], papers)


def _rst_only_html(papers: list[Paper], rng: random.Random) -> Doc:
    out = [".. only:: html", ""]
    for p in papers:
        out += [f"   - {p.cite}", ""]
    return Doc(out, papers)


def _rst_container(papers: list[Paper], rng: random.Random) -> Doc:
    out = [".. container:: publications", ""]
    for p in papers:
        out += [f"   #. {p.cite}", ""]
    return Doc(out, papers)


def _rst_rubric(papers: list[Paper], rng: random.Random) -> Doc:
    out: list[str] = []
    for year in sorted({p.year for p in papers}, reverse=True):
        out += [f".. rubric:: {year}", ""]
        for p in papers:
            if p.year == year:
                out += [f"- {p.cite}", ""]
    return Doc(out, papers)


def _rst_simple_table(papers: list[Paper], rng: random.Random) -> Doc:
    rows = [(p.year, f"{p.title}, {p.venue}") for p in papers]
    width = max(len(r[1]) for r in rows) + 2
    rule = "====  " + "=" * width
    out = [rule, "Year  Publication", rule]
    out += [f"{y:<4}  {t}" for y, t in rows]
    return Doc(out + [rule], papers)


def _rst_bibliography(papers: list[Paper], rng: random.Random) -> Doc:
    # a Sphinx page citing with sphinxcontrib-bibtex (nothing written) and listing its papers
    out = [f"The method is described in :cite:t:`{_key(papers[0])}`.", "", ".. bibliography:: refs.bib",
           "   :filter: docname in docnames", ""]
    for p in papers:
        out += [f"- {p.cite}", ""]
    return Doc(out, papers)


def _rst_field_front(papers: list[Paper], rng: random.Random) -> Doc:
    # a Pelican/Nikola page: field-list metadata first
    pre = [":title: Publications", ":date: 2022-01-01", ":slug: publications", ":category: research", ""]
    out = []
    for p in papers:
        out += [f"- {p.cite}", ""]
    return Doc(out, papers, pre)


def _rst_sections(papers: list[Paper], rng: random.Random) -> Doc:
    out: list[str] = []
    for p in papers:
        out += [p.title, "^" * len(p.title), "", f"{_names(p, rng)}. *{p.venue}*, {p.year}. `PDF <{_url(p)}>`__", ""]
    return Doc(out, papers)


def _rst_footnotes(papers: list[Paper], rng: random.Random) -> Doc:
    out = ["Our work on this is published " + " ".join("[#]_" for _ in papers) + ".", ""]
    for p in papers:
        out += [f".. [#] {p.cite}", ""]
    return Doc(out, papers)


def _rst_substitution(papers: list[Paper], rng: random.Random) -> Doc:
    pre = [".. |me| replace:: **M. Example**", ""]
    out = []
    for p in papers:
        names = ", ".join(["|me|", *p.authors[1:]])
        out += [f"#. {names}. {p.title}. *{p.venue}*, {p.year}.", ""]
    return Doc(out, papers, pre)


def _rst_grid_table(papers: list[Paper], rng: random.Random) -> Doc:
    cells = [(p.year, re.sub(r"[*`|]", "", p.cite)) for p in papers]
    width = max(len(c) for _, c in cells)
    rule = "+------+-" + "-" * width + "-+"
    out = [rule, "| Year | " + "Publication".ljust(width) + " |", rule.replace("-", "=")]
    for y, c in cells:
        out += [f"| {y:<4} | {c.ljust(width)} |", rule]
    return Doc(out, papers)


def _rst_admonition(papers: list[Paper], rng: random.Random) -> Doc:
    out = [".. note::", "", "   If you use this work, please cite:", ""]
    for p in papers:
        out += [f"   * {p.cite}", ""]
    return Doc(out, papers)


IDIOMS: dict[str, tuple[str, Idiom]] = {
    "org-bibtex": ("org", _org_bibtex),
    "org-bibtex-keyed": ("org", _org_bibtex_keyed),
    "org-drawer-venue": ("org", _org_drawer_only_venue),
    "org-deep-body": ("org", _org_deep_body),
    "org-deep-cite-body": ("org", _org_deep_cite_body),
    "org-export-latex": ("org", _org_export_latex),
    "org-latex-lines": ("org", _org_latex_lines),
    "org-html-lines": ("org", _org_html_lines),
    "org-export-html-divs": ("org", _org_export_html_divs),
    "org-setupfile-cv": ("org", _org_setupfile_cv),
    "org-hugo": ("org", _org_hugo),
    "org-latex-preamble": ("org", _org_latex_preamble),
    "org-table-links": ("org", _org_table_links),
    "org-checkbox": ("org", _org_checkbox),
    "org-noexport": ("org", _org_noexport),
    "org-cite": ("org", _org_cite),
    "org-year-terms": ("org", _org_year_terms),
    "org-link-title": ("org", _org_link_title),
    "org-latex-macros": ("org", _org_latex_macros),
    "org-quote-years": ("org", _org_quote_years),
    "org-hugo-subtrees": ("org", _org_hugo_subtrees),
    "org-drawer-custom": ("org", _org_drawer_custom),
    "org-cv-env": ("org", _org_cv_env),
    "org-abstracts": ("org", _org_abstracts),
    "org-todo-custom": ("org", _org_todo_custom),
    "org-html-wrapped": ("org", _org_html_wrapped),
    "org-snippet-breaks": ("org", _org_snippet_breaks),
    "org-link-list": ("org", _org_link_list),
    "org-logbook": ("org", _org_logbook),
    "org-undated": ("org", _org_undated),
    "adoc-ordered": ("adoc", _adoc_ordered),
    "adoc-bullets": ("adoc", _adoc_bullets),
    "adoc-bibliography": ("adoc", _adoc_bibliography),
    "adoc-dlist": ("adoc", _adoc_dlist),
    "adoc-table": ("adoc", _adoc_table),
    "adoc-passthrough": ("adoc", _adoc_passthrough),
    "adoc-ifdef-cv": ("adoc", _adoc_ifdef_cv),
    "adoc-block-titles": ("adoc", _adoc_block_titles),
    "adoc-literal": ("adoc", _adoc_literal),
    "adoc-sidebar": ("adoc", _adoc_sidebar),
    "adoc-hardbreaks": ("adoc", _adoc_hardbreaks),
    "adoc-sections": ("adoc", _adoc_sections),
    "adoc-horizontal": ("adoc", _adoc_horizontal),
    "adoc-attributes": ("adoc", _adoc_attributes),
    "adoc-collapsible": ("adoc", _adoc_collapsible),
    "adoc-front-matter": ("adoc", _adoc_front_matter),
    "rst-enumerated": ("rst", _rst_enumerated),
    "rst-bullets": ("rst", _rst_bullets),
    "rst-citations": ("rst", _rst_citations),
    "rst-deflist": ("rst", _rst_deflist),
    "rst-lineblocks": ("rst", _rst_lineblocks),
    "rst-raw-html": ("rst", _rst_raw_html),
    "rst-only-html": ("rst", _rst_only_html),
    "rst-container": ("rst", _rst_container),
    "rst-rubric": ("rst", _rst_rubric),
    "rst-simple-table": ("rst", _rst_simple_table),
    "rst-bibliography": ("rst", _rst_bibliography),
    "rst-field-front": ("rst", _rst_field_front),
    "rst-sections": ("rst", _rst_sections),
    "rst-footnotes": ("rst", _rst_footnotes),
    "rst-substitution": ("rst", _rst_substitution),
    "rst-grid-table": ("rst", _rst_grid_table),
    "rst-admonition": ("rst", _rst_admonition),
}


def held_out(name: str) -> bool:
    """The fixed rule that set the held-out idioms apart before any was run."""
    return zlib.crc32(name.encode()) % 3 == 0


# ---------------------------------------------------------------------------------------- documents

_OTHER_HEADINGS = mi._OTHER_HEADINGS
_PUB_HEADINGS = mi._PUB_HEADINGS
_PLACES = mi._PLACES
_RST_UNDER = "=-~^"


def _head(markup: str, level: int, text: str) -> list[str]:
    if markup == "org":
        return ["*" * level + " " + text, ""]
    if markup == "adoc":
        return ["=" * (level + 1) + " " + text, ""]
    return [text, _RST_UNDER[level - 1] * max(3, len(text)), ""]


def _title(markup: str, text: str) -> list[str]:
    if markup == "org":
        return ["#+TITLE: " + text, "#+AUTHOR: Maria Example"]
    if markup == "adoc":
        return ["= " + text, "Maria Example <maria@example.org>", ":toc:"]
    return ["=" * len(text), text, "=" * len(text), ""]


def _nest(markup: str, lines: list[str]) -> list[str]:
    """Org headlines of the body one level deeper (they sit under a section's headline)."""
    if markup != "org":
        return lines
    return [("*" + ln if re.match(r"\*+ ", ln) else ln) for ln in lines]


def document(name: str, context: str, papers: list[Paper], rng: random.Random) -> tuple[str, list[Paper]]:
    """One whole document: the idiom's preamble and body in a context. Returns the text and the
    papers a reader should find."""
    markup, idiom = IDIOMS[name]
    cites = [Paper(inline(p.record["_line"], markup), p.title, p.authors, p.venue, p.year, p.doi, p.record) for p in papers]
    doc = idiom(cites, rng)
    lines = _title(markup, rng.choice(("Publications", "Maria Example", "Research"))) + doc.preamble + [""]
    body = doc.body
    if context == "bare":
        lines += body
    elif context == "heading":
        lines += _head(markup, 1, rng.choice(_PUB_HEADINGS)) + _nest(markup, body)
    elif context == "other":
        lines += _head(markup, 1, rng.choice(_OTHER_HEADINGS)) + _nest(markup, body)
    else:
        lines += _head(markup, 1, "About")
        lines += ["Associate Professor, Department of Examples, " + rng.choice(_PLACES) + ".", "",
                  "I work at the boundary of several fields and teach the methods they share.", ""]
        lines += _head(markup, 1, "Education")
        bullet = "*" if markup == "adoc" else "-"
        lines += [f"{bullet} PhD, {rng.choice(_PLACES)}, {rng.randint(2000, 2012)}", "",
                  f"{bullet} MSc, {rng.choice(_PLACES)}, {rng.randint(1994, 1999)}", ""]
        lines += _head(markup, 1, rng.choice(("Publications", "Research Output", "Veröffentlichungen")))
        lines += _nest(markup, body) + [""]
        lines += _head(markup, 1, rng.choice(("Talks", "Invited Talks", "Vorträge")))
        for p in papers[:3]:
            words = p.title.split()
            lines += [f"{bullet} {' '.join(words[: max(3, len(words) // 2)]).rstrip(',.:;')}. "
                      f"{rng.choice(mi._EVENTS)}, {rng.choice(_PLACES)}, {rng.randint(2010, 2023)}.", ""]
        lines += _head(markup, 1, "Teaching")
        lines += [f"{bullet} Introduction to Statistics (undergraduate), 2015-2019", "",
                  f"{bullet} Research Methods (graduate), 2018", ""]
    return "\n".join(lines) + "\n", doc.listed


# ---------------------------------------------------------------------------------------- main


def _paper(item: dict[str, Any], line: str) -> Paper:
    gold = style_titles._gold(item)
    record = dict(gold)
    record["_line"] = line
    return Paper(line, gold["title"], gold["authors"], gold["venue"], str(gold["year"]), item.get("DOI", "") or "", record)


def main() -> int:
    return mi.run(__doc__, IDIOMS, held_out, document, lambda item, line, markup: _paper(item, line), mi._score)


if __name__ == "__main__":
    sys.exit(main())
