#!/usr/bin/env python3
"""Org and Markdown publication lists written the ways people write them: items found per idiom and context.

    python benchmarks/markup_idioms.py                       # tuning idioms, tuning papers, --seed 1
    python benchmarks/markup_idioms.py --idiom org- -v       # idioms whose name starts so, misses listed
    python benchmarks/markup_idioms.py --group held-out --papers check --seed 7   # the check (start/end only)
    python benchmarks/markup_idioms.py --keep /tmp/mi        # also write every generated document there
    python benchmarks/markup_idioms.py --json A.json ; ... --compare A.json   # before/after columns

Why: whole Org and Markdown documents nobody tuned on give nothing ("no publication entries
found": two Org documents of 16-18 KB and a 711-byte Markdown document of the held-out set), and
Markdown loses most items of others. benchmarks/shape_matrix.py writes one list in many markups;
this writes the idioms of the two markups it lacks, in the contexts they come in:

- Org: one headline per paper (TODO keywords, priority cookies, tags, timestamps, a :PROPERTIES:
  drawer; the citation in the headline, or the title there and the rest below), description lists
  ``- Title :: authors, venue``, numbered lists with ``[@5]`` counters, tables ``| year | title |``,
  ``#+begin_quote``/``verse``/``center`` blocks, footnotes, ``[[url][title]]`` and bare links, an
  ``#+INCLUDE`` whose part is missing, ``#+TITLE``/``#+AUTHOR`` headers and nothing else but the
  list, ``#+begin_export html`` lists, years as headlines three or four levels deep, paragraphs
  without any headline, hard-wrapped paragraphs;
- Markdown: a tiny README with a "Citation" section of one to five citations (a paragraph, a
  blockquote, a bullet, a code block that is not BibTeX, a badge line before it), reference-style
  links, HTML <details> blocks, a bold title line over its details, tables, footnotes ``[^1]``,
  setext headings, admonitions ``!!! note``, a page that is only front matter (a Hugo publication),
  numbered lists with lazy continuation lines, items separated by ``<br>``, lists inside blockquotes;
- added after the first run, with the mechanisms they exercise (so their numbers are no unseen
  evidence): Org headlines per paper at the level of a CV's section headlines, ``#+begin_example``
  blocks and fixed-width ``: `` lines, a Jekyll academicpages page whose front matter spells out
  its citation; session 17: an awesome list's topic headings over ``| Year | Title | Journal |``
  tables without an authors column, and Pandoc-converted items led by a raw TeX symbol
  (``\\textasteriskcentered{}``); session 18: a research page of headings and paragraphs whose
  working papers print no year (a bold linked title over "with" and the coauthors), and a list
  split by the papers' state ("In press", "Under preparation" without a year, "Published").

Contexts: the bare list; under a "Publications" heading; under a heading no classifier knows or in
another language ("Veröffentlichungen", "Things I wrote"); inside a whole CV (education, talks and
teaching around the papers: a talk read as an entry is a spurious item). Citations are real records
(../shared/corpus/mid.bib, as benchmarks/style_titles.py picks them) rendered with official CSL styles
(citeproc's HTML, its italics and bold written in the markup's own emphasis), or written from the
record's fields where the idiom splits a citation (a headline title over its details, a table row).

Held out, by fixed rules chosen before any run: the idioms whose crc32 of the name modulo 3 is 0
(``--group held-out``), and the papers whose crc32 of the title modulo 3 is 0 (``--papers check``);
report those, and check seeds (--seed 7, 11), only at the start and the end of a piece of work.
Scored with the official scorer's rules (../shared/eval/score.py): an item is found when its title
matches (similarity >= 0.85). A benchmark, not a test: the weak cells are general failures to fix
with general mechanisms.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

import score_real  # noqa: E402
import style_titles  # noqa: E402

FIELDS = ("title", "authors", "year", "venue")
CONTEXTS = ("bare", "heading", "other", "cv")


@dataclass
class Paper:
    """One record: its citation rendered by a CSL style (in the markup's inline syntax) and its fields."""

    cite: str  # the rendered citation, markup inline syntax
    title: str
    authors: list[str]
    venue: str
    year: str
    doi: str
    record: dict[str, Any]


# ---------------------------------------------------------------------------------------- inline


_TAG = re.compile(r"<(/?)(i|em|b|strong|span|a|sup|sub)\b([^>]*)>", re.I)
_HREF = re.compile(r'href="([^"]*)"')


def _inline(line: str, markup: str) -> str:
    """citeproc's HTML line in Markdown or Org inline syntax (emphasis, links)."""
    out: list[str] = []
    stack: list[tuple[str, str]] = []
    pos = 0
    for m in _TAG.finditer(line):
        piece = html.unescape(line[pos:m.start()])
        out.append(_tex_text(piece) if markup == "tex" else piece)
        pos = m.end()
        closing, tag, attrs = m.group(1), m.group(2).lower(), m.group(3)
        if not closing:
            href = _HREF.search(attrs)
            stack.append((tag, href.group(1) if href else ""))
            out.append(_open(tag, markup))
            continue
        if not stack:
            continue
        tag, href = stack.pop()
        if tag == "a":
            # the link text was the URL itself: a bare URL in either markup
            continue
        out.append(_close(tag, markup))
    piece = html.unescape(line[pos:])
    out.append(_tex_text(piece) if markup == "tex" else piece)
    text = "".join(out)
    # emphasis markers with spaces inside them are not emphasis: tidy "* x*" forms
    return " ".join(text.split())


def _open(tag: str, markup: str) -> str:
    if markup == "tex":
        return {"i": "\\emph{", "em": "\\emph{", "b": "\\textbf{", "strong": "\\textbf{"}.get(tag, "{")
    if tag in ("i", "em"):
        return "*" if markup == "md" else "/"
    if tag in ("b", "strong"):
        return "**" if markup == "md" else "*"
    return ""


def _close(tag: str, markup: str) -> str:
    return "}" if markup == "tex" else _open(tag, markup)


_TEX_SPECIAL = re.compile(r"([&%#_$])")


def _tex_text(text: str) -> str:
    """Plain text as LaTeX source: its special characters escaped."""
    return _TEX_SPECIAL.sub(r"\\\1", text)


def _authors_text(p: Paper, rng: random.Random) -> str:
    names = p.authors
    if len(names) == 1:
        return names[0]
    if rng.random() < 0.5:
        return ", ".join(names[:-1]) + " and " + names[-1]
    return ", ".join(names)


def _details(p: Paper, rng: random.Random) -> str:
    """Authors, venue and year as a line under a title."""
    return f"{_authors_text(p, rng)}. {p.venue}, {p.year}."


def _fielded(p: Paper, rng: random.Random, markup: str) -> str:
    """A citation written from the fields: "Authors (year). Title. *Venue*." or "Authors. Title. Venue, year." """
    em = "*" if markup == "md" else "/"
    if rng.random() < 0.5:
        return f"{_authors_text(p, rng)} ({p.year}). {p.title}. {em}{p.venue}{em}."
    return f"{_authors_text(p, rng)}. {p.title}. {em}{p.venue}{em}, {p.year}."


# ---------------------------------------------------------------------------------------- idioms

Idiom = Callable[[list[Paper], random.Random], list[str]]


def _org_headline_cite(papers: list[Paper], rng: random.Random) -> list[str]:
    out = []
    for p in papers:
        out += [f"** {p.cite}", ""]
    return out


def _org_headline_todo(papers: list[Paper], rng: random.Random) -> list[str]:
    out = []
    for k, p in enumerate(papers):
        kw = rng.choice(("DONE ", "TODO ", "DONE [#A] ", ""))
        tags = rng.choice(("", "   :journal:", "   :paper:published:", "  :conf:"))
        out += [f"** {kw}{p.title}{tags}",
                f"   CLOSED: [{p.year}-0{1 + k % 9}-1{k % 10} Sun]" if kw.startswith("DONE") else f"   <{p.year}-03-01 Sun>",
                f"   {_details(p, rng)}", ""]
    return out


def _org_headline_drawer(papers: list[Paper], rng: random.Random) -> list[str]:
    out = []
    for p in papers:
        out += [f"*** {p.title}", "    :PROPERTIES:", f"    :CUSTOM_ID: p{abs(hash(p.title)) % 10000}",
                f"    :EXPORT_DATE: {p.year}", "    :END:", f"    {_details(p, rng)}", ""]
    return out


def _org_desc(papers: list[Paper], rng: random.Random) -> list[str]:
    return [f"- {p.title} :: {_authors_text(p, rng)}, /{p.venue}/, {p.year}." for p in papers]


def _org_counter(papers: list[Paper], rng: random.Random) -> list[str]:
    start = len(papers) + rng.randint(0, 20)
    out = [f"1. [@{start}] {papers[0].cite}"]
    out += [f"{k}. {p.cite}" for k, p in enumerate(papers[1:], 2)]
    return out


def _org_table(papers: list[Paper], rng: random.Random) -> list[str]:
    out = ["| Year | Title | Authors | Venue |", "|------+-------+---------+-------|"]
    out += [f"| {p.year} | {p.title} | {', '.join(p.authors)} | {p.venue} |" for p in papers]
    return out


def _org_quote(papers: list[Paper], rng: random.Random) -> list[str]:
    out = []
    for p in papers:
        out += ["#+begin_quote", p.cite, "#+end_quote", ""]
    return out


def _org_verse(papers: list[Paper], rng: random.Random) -> list[str]:
    return ["#+BEGIN_VERSE", *[p.cite for p in papers], "#+END_VERSE"]


def _org_center(papers: list[Paper], rng: random.Random) -> list[str]:
    out = ["#+begin_center"]
    for p in papers:
        out += [p.cite, ""]
    return out[:-1] + ["#+end_center"]


def _org_footnotes(papers: list[Paper], rng: random.Random) -> list[str]:
    out = ["My work on these questions is published" + "".join(f"[fn:{k}]" for k in range(1, len(papers) + 1)) + ".", ""]
    out += [f"[fn:{k}] {p.cite}" for k, p in enumerate(papers, 1)]
    return out


def _org_links(papers: list[Paper], rng: random.Random) -> list[str]:
    out = []
    for p in papers:
        url = f"https://doi.org/{p.doi}" if p.doi else f"https://example.org/papers/{abs(hash(p.title)) % 9999}.pdf"
        out.append(f"- {_authors_text(p, rng)}. [[{url}][{p.title}]]. /{p.venue}/, {p.year}.")
    return out


def _org_bare_links(papers: list[Paper], rng: random.Random) -> list[str]:
    out = []
    for p in papers:
        url = f"https://doi.org/{p.doi}" if p.doi else f"https://example.org/p/{abs(hash(p.title)) % 9999}"
        out += [f"{_fielded(p, rng, 'org')} {url}", ""]
    return out


def _org_include(papers: list[Paper], rng: random.Random) -> list[str]:
    return ['#+INCLUDE: "./bib/journals.org" :minlevel 2', "", *[f"+ {p.cite}" for p in papers], "",
            '#+INCLUDE: "./bib/talks.org"']


def _org_export_html(papers: list[Paper], rng: random.Random) -> list[str]:
    return ["#+begin_export html", "<ol>", *[f"<li>{html.escape(p.cite)}</li>" for p in papers], "</ol>", "#+end_export"]


def _org_years_deep(papers: list[Paper], rng: random.Random) -> list[str]:
    out: list[str] = []
    by_year: dict[str, list[Paper]] = {}
    for p in papers:
        by_year.setdefault(p.year, []).append(p)
    for year in sorted(by_year, reverse=True):
        out += [f"*** {year}", "**** Journal articles"]
        out += [f"- {p.cite}" for p in by_year[year]]
        out.append("")
    return out


def _org_paragraphs(papers: list[Paper], rng: random.Random) -> list[str]:
    out = []
    for p in papers:
        out += [p.cite, ""]
    return out


def _org_wrapped(papers: list[Paper], rng: random.Random) -> list[str]:
    import textwrap

    out = []
    for p in papers:
        # a citation the style numbers ("1. Doe J ...") is an Org list item: Emacs fills its
        # lines under the item's text, as a list item's lines must be
        marker = re.match(r"(?:\d{1,3}[.)]|[-+])\s", p.cite)
        indent = " " * (marker.end() if marker else 0)
        out += textwrap.wrap(p.cite, 72, subsequent_indent=indent, break_on_hyphens=False) + [""]
    return out


def _org_headline_title_link(papers: list[Paper], rng: random.Random) -> list[str]:
    out = []
    for p in papers:
        url = f"https://doi.org/{p.doi}" if p.doi else "https://example.org/paper.pdf"
        out += [f"*** [[{url}][{p.title}]]", f"{_authors_text(p, rng)}", f"/{p.venue}/ ({p.year})", ""]
    return out


def _md_readme_para(papers: list[Paper], rng: random.Random) -> list[str]:
    out = ["If you use this software, please cite:", ""]
    for p in papers:
        out += [p.cite, ""]
    return out


def _md_blockquote(papers: list[Paper], rng: random.Random) -> list[str]:
    out = []
    for p in papers:
        out += [f"> {p.cite}", ""]
    return out


def _md_bullet(papers: list[Paper], rng: random.Random) -> list[str]:
    return [f"- {p.cite}" for p in papers]


def _md_code_text(papers: list[Paper], rng: random.Random) -> list[str]:
    out = ["Please cite:", ""]
    for p in papers:
        plain = p.cite.replace("*", "")
        out += ["```", plain, "```", ""]
    return out


def _md_badge(papers: list[Paper], rng: random.Random) -> list[str]:
    out = []
    for p in papers:
        doi = p.doi or "10.5281/zenodo.1234567"
        out += [f"[![DOI](https://zenodo.org/badge/DOI/{doi}.svg)](https://doi.org/{doi}) "
                f"[![arXiv](https://img.shields.io/badge/arXiv-2101.00001-b31b1b.svg)](https://arxiv.org/abs/2101.00001)", "",
                p.cite, ""]
    return out


def _md_reflinks(papers: list[Paper], rng: random.Random) -> list[str]:
    out = [f"{k}. {_authors_text(p, rng)}. [{p.title}][p{k}]. *{p.venue}*, {p.year}." for k, p in enumerate(papers, 1)]
    out.append("")
    out += [f"[p{k}]: https://doi.org/{p.doi or '10.1000/x' + str(k)}" for k, p in enumerate(papers, 1)]
    return out


def _md_details(papers: list[Paper], rng: random.Random) -> list[str]:
    out = []
    for p in papers:
        out += ["<details>", f"<summary>{html.escape(p.title)}</summary>", "", p.cite, "", "</details>", ""]
    return out


def _md_bold_title(papers: list[Paper], rng: random.Random) -> list[str]:
    out = []
    for p in papers:
        out += [f"**{p.title}**  ", f"{_authors_text(p, rng)}  ", f"*{p.venue}*, {p.year}", ""]
    return out


def _md_table(papers: list[Paper], rng: random.Random) -> list[str]:
    out = ["| Year | Title | Authors | Venue |", "|---|---|---|---|"]
    out += [f"| {p.year} | {p.title} | {', '.join(p.authors)} | {p.venue} |" for p in papers]
    return out


def _md_footnotes(papers: list[Paper], rng: random.Random) -> list[str]:
    out = ["The method is described in our papers" + "".join(f"[^{k}]" for k in range(1, len(papers) + 1)) + ".", ""]
    out += [f"[^{k}]: {p.cite}" for k, p in enumerate(papers, 1)]
    return out


def _md_admonition(papers: list[Paper], rng: random.Random) -> list[str]:
    out = ['!!! note "How to cite"', ""]
    for p in papers:
        out += [f"    {p.cite}", ""]
    return out


def _md_lazy(papers: list[Paper], rng: random.Random) -> list[str]:
    out = []
    for k, p in enumerate(papers, 1):
        out += [f"{k}. {_authors_text(p, rng)}. {p.title}.", f"*{p.venue}*, {p.year}."]
    return out


def _md_br(papers: list[Paper], rng: random.Random) -> list[str]:
    return ["<br>\n".join(p.cite for p in papers)]


def _md_quote_list(papers: list[Paper], rng: random.Random) -> list[str]:
    return [f"> - {p.cite}" for p in papers]


def _md_hugo_front(papers: list[Paper], rng: random.Random) -> list[str]:
    # a Hugo publication page: the record is the front matter (the context adds nothing)
    p = papers[0]
    return ["---", f'title: "{p.title}"', "authors:", *[f"- {a}" for a in p.authors],
            f'date: "{p.year}-01-01T00:00:00Z"', 'publication_types: ["2"]', f'publication: "*{p.venue}*"',
            f'doi: "{p.doi}"' if p.doi else 'doi: ""', "featured: false", "---", ""]


def _md_numbered_bold_authors(papers: list[Paper], rng: random.Random) -> list[str]:
    return [f"{k}. **{_authors_text(p, rng)}** ({p.year}). {p.title}. *{p.venue}*." for k, p in enumerate(papers, 1)]


def _md_heading_title(papers: list[Paper], rng: random.Random) -> list[str]:
    # a README or page with one heading per paper (its title), its details in the paragraph below
    out = []
    for p in papers:
        out += [f"#### {p.title}", f"{'; '.join(p.authors)} ({p.year})", f"In: {p.venue}",
                f"DOI: {p.doi}" if p.doi else "", ""]
    return out


#: lead-in sentences that end in a colon, in the languages READMEs are written in
_LEAD_INS = (
    "If you use this package in your work, please cite the following paper:",
    "The method is described in:",
    "For the theory behind the solver, see:",
    "Wenn Sie dieses Programm verwenden, zitieren Sie bitte:",
    "Si vous utilisez ce logiciel, merci de citer l'article suivant :",
    "Si utiliza este código, por favor cite:",
    "Se usar este pacote, cite por favor o artigo:",
    "Work that builds on it (please tell us about yours):",
)
_AFTER_NOTES = (
    "A longer paper describing the newer features is in preparation.",
    "BibTeX entries are in the CITATION file.",
    "Thank you for citing our work.",
)


def _md_lead_in_list(papers: list[Paper], rng: random.Random) -> list[str]:
    # a README's citation section: a sentence ending in a colon over a short bullet (or numbered)
    # list of one or two citations, sometimes a note paragraph after it; several such groups
    out: list[str] = []
    k = 0
    while k < len(papers):
        size = rng.choice((1, 1, 2))
        group = papers[k:k + size]
        k += size
        out += [rng.choice(_LEAD_INS), ""]
        numbered = rng.random() < 0.3
        out += [f"{n}. {p.cite}" if numbered else f"- {p.cite}" for n, p in enumerate(group, 1)]
        out.append("")
        if rng.random() < 0.5:
            out += [rng.choice(_AFTER_NOTES), ""]
    return out


def _md_reading_list(papers: list[Paper], rng: random.Random) -> list[str]:
    # a reading list or a README's resources: "Title by Names (year)", the title linked, in
    # italics or plain, the venue sometimes after the names
    out = []
    for p in papers:
        url = f"https://doi.org/{p.doi}" if p.doi else "https://example.org/read.pdf"
        title = rng.choice((f"[{p.title}]({url})", f"*{p.title}*", p.title))
        venue = f", {p.venue}" if rng.random() < 0.4 else ""
        out.append(f"- {title} by {_authors_text(p, rng)}{venue} ({p.year})")
    return out


_TOPICS = ("Surveys", "Representations", "Structure Prediction", "Generative Models", "Benchmarks", "Uncertainty")


def _md_topic_tables(papers: list[Paper], rng: random.Random) -> list[str]:
    # an awesome list: papers grouped under topic headings, each group a table whose header
    # names the columns ("| Year | Title | Journal | Paper | Code |"), no authors column
    out: list[str] = []
    topics = list(_TOPICS)
    rng.shuffle(topics)
    for k in range(0, len(papers), 3):
        out += [f"### {topics[(k // 3) % len(topics)]}", "", "| Year | Title | Journal | Paper | Code |", "| --- | --- | --- | --- | --- |"]
        for p in papers[k:k + 3]:
            url = f"https://doi.org/{p.doi}" if p.doi else "https://example.org/paper.pdf"
            code = rng.choice(("-", "[Link](https://github.com/example/code)"))
            out.append(f"| {p.year} | {p.title} | {p.venue} | [Link]({url}) | {code} |")
        out.append("")
    return out


def _md_tex_symbols(papers: list[Paper], rng: random.Random) -> list[str]:
    # Markdown converted from LaTeX by Pandoc: a symbol command it could not map is left as raw
    # TeX in front of some items ("\\textasteriskcentered{}" marking the peer-reviewed ones)
    out: list[str] = []
    for p in papers:
        mark = rng.choice(("\\textasteriskcentered{}", "\\textdagger{}", ""))
        out += [mark + p.cite, ""]
    return out


def _org_example(papers: list[Paper], rng: random.Random) -> list[str]:
    return ["#+begin_example", *[p.cite.replace("*", "").replace("/", "") for p in papers], "#+end_example"]


def _org_fixed_width(papers: list[Paper], rng: random.Random) -> list[str]:
    out = []
    for p in papers:
        out += [": " + p.cite.replace("*", "").replace("/", ""), ""]
    return out


def _md_academicpages(papers: list[Paper], rng: random.Random) -> list[str]:
    # a Jekyll academicpages _publications file: the citation spelled out in the front matter
    p = papers[0]
    cite = p.cite.replace("'", "&#39;")
    return ["---", f"title: '{p.title}'", "collection: publications", f"date: {p.year}-01-01",
            f"venue: '{p.venue}'", f"citation: '{cite}'", "---", "", "The abstract of the paper."]


def _md_working_papers(papers: list[Paper], rng: random.Random) -> list[str]:
    # an economist's research page: headings and paragraphs, no lists; the working papers print
    # no year and no venue (a bold linked title over "with" and the coauthors), the published
    # papers under the next heading their venue and year
    half = max(1, len(papers) // 2)
    out = [rng.choice(("### Working Papers", "### Work in Progress")), ""]
    for n, p in enumerate(papers[:half], 1):
        url = f"https://example.org/files/wp{n}.pdf"  # a working paper has no DOI yet
        title = rng.choice((f"[**{p.title}**]({url})", f"**[{p.title}]({url})**"))
        out += [title, f"with {_authors_text(p, rng)}", ""]
    out += [rng.choice(("### Journal Articles", "### Published Papers")), ""]
    for p in papers[half:]:
        url = f"https://doi.org/{p.doi}" if p.doi else "https://example.org/paper.pdf"
        out += [f"**[{p.title}]({url})**", f"*{p.venue} ({p.year})*", f"with {_authors_text(p, rng)}", ""]
    return out


def _md_status_headings(papers: list[Paper], rng: random.Random) -> list[str]:
    # a list split by the papers' state: "In press", "Under preparation" (no year), "Published"
    third = max(1, len(papers) // 3)
    groups = (("In press", papers[:third], True), ("Under preparation", papers[third:2 * third], False),
              ("Published", papers[2 * third:], True))
    out: list[str] = []
    for head, group, dated in groups:
        if not group:
            continue
        out += [f"### {head}", ""]
        for p in group:
            out.append(f"- {p.cite}" if dated else f"- {_authors_text(p, rng)}: {p.title}")
        out.append("")
    return out


_LABELS = ("PDF", "Slides", "Code", "Preprint", "Video")


def _org_label_link_first(papers: list[Paper], rng: random.Random) -> list[str]:
    # a link labelled "PDF" or "Slides" written before the citation it belongs to
    out = []
    for k, p in enumerate(papers):
        url = f"https://doi.org/{p.doi}" if p.doi else f"https://example.org/papers/{k}.pdf"
        out.append(f"- [[{url}][{rng.choice(_LABELS)}]] {p.cite}")
    return out


def _review(p: Paper, k: int, markup: str) -> str:
    """Item ``k`` as the owner's review of the paper, linked as "A review" before the paper's whole
    citation; the entry is the review: the whole text is its title, it shows no field of its own."""
    plain = f"{', '.join(p.authors)} ({p.year}). {p.title}. {p.venue}."
    link = f"[[file:reviews/r{k}.org][A review]]" if markup == "org" else f"[A review](reviews/r{k}.md)"
    p.record.update({"title": f"A review of {plain}".rstrip("."), "authors": [], "year": None, "venue": ""})
    return f"{link} of {plain}"


def _org_review_of(papers: list[Paper], rng: random.Random) -> list[str]:
    # reviews of other people's papers among the owner's own, under one heading
    return [f"- {_review(p, k, 'org') if k % 2 else p.cite}" for k, p in enumerate(papers)]


def _md_review_of(papers: list[Paper], rng: random.Random) -> list[str]:
    return [f"* {_review(p, k, 'md') if k % 2 == 0 else p.cite}" for k, p in enumerate(papers)]


#: what a table cell writes to repeat the year of the row above
_DITTOS = ("", "〃", "″", "\"", "ditto", "~")


def _shared_years(papers: list[Paper], rng: random.Random) -> list[bool]:
    """The papers' years set so that rows share them (two or three a year, newest first); whether
    each row repeats the year of the row above. The citations written beside show no year."""
    year = rng.randint(2012, 2023)
    repeats, left = [], 0
    for p in papers:
        if left == 0:
            year -= rng.randint(1, 2)
            left = rng.randint(2, 3)
            repeats.append(False)
        else:
            repeats.append(True)
        left -= 1
        p.year = str(year)
        p.record["year"] = year
    return repeats


def _yearless(p: Paper, rng: random.Random, markup: str) -> str:
    em = {"md": "*", "org": "/"}.get(markup, "")
    venue = f"\\emph{{{_tex_text(p.venue)}}}" if markup == "tex" else f"{em}{p.venue}{em}"
    names, title = (_tex_text(_authors_text(p, rng)), _tex_text(p.title)) if markup == "tex" else (_authors_text(p, rng), p.title)
    return f"{names}. {title}. {venue}."


def _table_ditto(papers: list[Paper], rng: random.Random, markup: str) -> list[str]:
    # a CV table whose year column prints each year once: the rows below that share it leave the
    # cell blank or write a ditto mark ("〃", "″", '"', "ditto", "~")
    mark = rng.choice(_DITTOS[:-1] if markup != "md" else _DITTOS)
    repeats = _shared_years(papers, rng)
    out = ["| Year | Publication |", "|------+-------------|" if markup == "org" else "|---|---|"]
    for p, again in zip(papers, repeats):
        out.append(f"| {mark if again else p.year} | {_yearless(p, rng, markup)} |")
    return out


def _org_table_ditto(papers: list[Paper], rng: random.Random) -> list[str]:
    return _table_ditto(papers, rng, "org")


def _md_table_ditto(papers: list[Paper], rng: random.Random) -> list[str]:
    return _table_ditto(papers, rng, "md")


def _tex_table_ditto(papers: list[Paper], rng: random.Random) -> list[str]:
    # a LaTeX CV's table environment from its class (not defined in this file), "~" for a year
    # that repeats, identifiers and code links as commands of the class: "\DOI{…}", "\GitHub{…}"
    repeats = _shared_years(papers, rng)
    env = rng.choice(("EntriesTable", "pubtable", "cvtable"))
    out = [f"\\begin{{{env}}}"]
    for k, (p, again) in enumerate(zip(papers, repeats)):
        year = "~" if again else rng.choice((p.year, f"\\Year{{{p.year}}}"))
        ident = f" \\DOI{{{_tex_text(p.doi)}}}" if p.doi else ""
        code = f" & \\GitHub{{example/tool{k}}}" if rng.random() < 0.4 else ""
        out += [f"  {year} & {_yearless(p, rng, 'tex')}{ident}{code}", "  \\\\"]
    return out + [f"\\end{{{env}}}"]


def _tex_identifier_macros(papers: list[Paper], rng: random.Random) -> list[str]:
    # items whose identifiers are commands of the CV's class or of another file, each on a line
    # (and a paragraph) of its own: "\DOI{10.…}", "\ArXiv{…}", "\PDF{https://…}"
    out = ["\\begin{itemize}"]
    for k, p in enumerate(papers):
        out.append(f"\\item {p.cite}")
        if p.doi:
            out.append(f"  \\{rng.choice(('DOI', 'Doi', 'doilink'))}{{{_tex_text(p.doi)}}}")
        out += ["", f"  \\{rng.choice(('PDF', 'pdflink', 'URL'))}{{https://example.org/papers/{k}.pdf}}", ""]
    return out + ["\\end{itemize}"]


def _url_lines(papers: list[Paper], rng: random.Random, markup: str) -> list[str]:
    # paragraphs of a citation each, the paper's address on a line of its own below it (some
    # without one)
    out = []
    for k, p in enumerate(papers):
        url = f"https://doi.org/{p.doi}" if p.doi else f"https://example.org/{k}/paper.html"
        out += [p.cite] + ([url] if rng.random() < 0.7 else []) + [""]
    return out


def _org_url_lines(papers: list[Paper], rng: random.Random) -> list[str]:
    return _url_lines(papers, rng, "org")


def _md_url_lines(papers: list[Paper], rng: random.Random) -> list[str]:
    return _url_lines(papers, rng, "md")


IDIOMS: dict[str, tuple[str, Idiom]] = {
    "org-headline-cite": ("org", _org_headline_cite),
    "org-headline-todo": ("org", _org_headline_todo),
    "org-headline-drawer": ("org", _org_headline_drawer),
    "org-headline-title-link": ("org", _org_headline_title_link),
    "org-desc": ("org", _org_desc),
    "org-counter": ("org", _org_counter),
    "org-table": ("org", _org_table),
    "org-quote": ("org", _org_quote),
    "org-verse": ("org", _org_verse),
    "org-center": ("org", _org_center),
    "org-footnotes": ("org", _org_footnotes),
    "org-links": ("org", _org_links),
    "org-bare-links": ("org", _org_bare_links),
    "org-include": ("org", _org_include),
    "org-export-html": ("org", _org_export_html),
    "org-years-deep": ("org", _org_years_deep),
    "org-paragraphs": ("org", _org_paragraphs),
    "org-wrapped": ("org", _org_wrapped),
    "md-readme-para": ("md", _md_readme_para),
    "md-blockquote": ("md", _md_blockquote),
    "md-bullet": ("md", _md_bullet),
    "md-code-text": ("md", _md_code_text),
    "md-badge": ("md", _md_badge),
    "md-reflinks": ("md", _md_reflinks),
    "md-details": ("md", _md_details),
    "md-bold-title": ("md", _md_bold_title),
    "md-table": ("md", _md_table),
    "md-footnotes": ("md", _md_footnotes),
    "md-admonition": ("md", _md_admonition),
    "md-lazy": ("md", _md_lazy),
    "md-br": ("md", _md_br),
    "md-quote-list": ("md", _md_quote_list),
    "md-hugo-front": ("md", _md_hugo_front),
    "md-bold-authors": ("md", _md_numbered_bold_authors),
    "md-heading-title": ("md", _md_heading_title),
    # added after the mechanisms they exercise were written (not unseen evidence)
    "org-headline-flat": ("org", _org_headline_cite),
    "org-example": ("org", _org_example),
    "org-fixed-width": ("org", _org_fixed_width),
    "md-academicpages": ("md", _md_academicpages),
    # session 16: written with the mechanism it exercises (a lead-in is no part of the item)
    "md-lead-in-list": ("md", _md_lead_in_list),
    "md-reading-list": ("md", _md_reading_list),
    # session 17: written with the mechanisms they exercise (column-labelled tables under topic
    # headings, raw TeX symbol commands), shapes of real development documents
    "md-topic-tables": ("md", _md_topic_tables),
    "md-tex-symbols": ("md", _md_tex_symbols),
    # session 18: written with the mechanisms they exercise (undated papers under a publications
    # heading of a flat page; status headings "In press", "Under preparation"), shapes of real
    # development documents
    "md-working-papers": ("md", _md_working_papers),
    "md-status-headings": ("md", _md_status_headings),
    # session 19: written with the mechanisms they exercise (a label link before the citation, a
    # review of another work given by its whole citation, a table's year column printing each year
    # once, LaTeX table environments and identifier commands of a class, address lines under
    # paragraph items), shapes of real development documents; LaTeX written as these CVs write it
    "org-label-link-first": ("org", _org_label_link_first),
    "org-review-of": ("org", _org_review_of),
    "md-review-of": ("md", _md_review_of),
    "org-table-ditto": ("org", _org_table_ditto),
    "md-table-ditto": ("md", _md_table_ditto),
    "tex-table-ditto": ("tex", _tex_table_ditto),
    "tex-identifier-macros": ("tex", _tex_identifier_macros),
    "org-url-lines": ("org", _org_url_lines),
    "md-url-lines": ("md", _md_url_lines),
}
#: idioms whose paper headlines stay at the level of the CV's section headlines
_FLAT = frozenset({"org-headline-flat"})
#: idioms that are one publication's page: the context adds nothing
_PAGES = frozenset({"md-hugo-front", "md-academicpages"})


def held_out(name: str) -> bool:
    """The fixed rule that set the held-out idioms apart before any was run."""
    return zlib.crc32(name.encode()) % 3 == 0


def check_paper(title: str) -> bool:
    """The fixed rule that sets the check papers apart."""
    return zlib.crc32(title.encode()) % 3 == 0


# ---------------------------------------------------------------------------------------- contexts

_OTHER_HEADINGS = ("Veröffentlichungen", "Publicaciones", "Things I wrote", "Julkaisut", "Output", "Writing")
_PUB_HEADINGS = ("Publications", "Selected Publications", "Papers", "References", "Citation", "Journal Articles")
_PLACES = ("University of Leeds", "Universidad de Chile", "ETH Zurich", "Kyoto University", "McGill University")
_EVENTS = ("Annual Meeting of the Society", "Departmental Colloquium", "Workshop on Open Problems", "Research Seminar")


def _head(markup: str, level: int, text: str, rng: random.Random, setext: bool = False) -> list[str]:
    if markup == "tex":
        return ["\\" + ("section" if level == 1 else "subsection") + "{" + text + "}", ""]
    if markup == "org":
        return ["*" * level + " " + text, ""]
    if setext and level <= 2:
        return [text, ("=" if level == 1 else "-") * len(text), ""]
    return ["#" * level + " " + text, ""]


def _talks(markup: str, papers: list[Paper], rng: random.Random) -> list[str]:
    out = []
    for p in papers[:3]:
        words = p.title.split()
        title = " ".join(words[: max(3, len(words) // 2)]).rstrip(",.:;")
        out.append(f"{title}. {rng.choice(_EVENTS)}, {rng.choice(_PLACES)}, {rng.randint(2010, 2023)}.")
    return _list(markup, out)


def _list(markup: str, items: list[str]) -> list[str]:
    """A bullet list in the markup."""
    if markup == "tex":
        return ["\\begin{itemize}", *[f"\\item {_tex_text(x)}" for x in items], "\\end{itemize}"]
    return [f"- {x}" for x in items]


def document(name: str, context: str, papers: list[Paper], rng: random.Random) -> tuple[str, list[Paper]]:
    """One document: the idiom's lines in a context. Returns the text and the papers it lists."""
    markup, idiom = IDIOMS[name]
    if name in _PAGES:
        papers = papers[:1]
    body = idiom(papers, rng)
    setext = name.startswith("md-") and zlib.crc32(name.encode()) % 2 == 0
    lines: list[str] = []
    if markup == "org":
        lines += ["#+TITLE: " + rng.choice(("Publications", "Maria Example", "Research")),
                  "#+AUTHOR: Maria Example", "#+OPTIONS: toc:nil num:nil", ""]
    if name in _PAGES:
        return "\n".join(body) + "\n", papers
    if context == "bare":
        lines += body
    elif context == "heading":
        lines += _head(markup, 1, rng.choice(_PUB_HEADINGS), rng, setext) + body
    elif context == "other":
        lines += _head(markup, 1, rng.choice(_OTHER_HEADINGS), rng, setext) + body
    else:
        lines += _head(markup, 1, "Maria Example", rng, setext)
        lines += ["Associate Professor, Department of Examples, " + rng.choice(_PLACES) + ".", "",
                  "I work at the boundary of several fields and teach the methods they share.", ""]
        lines += _head(markup, 2, "Education", rng, setext)
        degrees = [f"PhD, {rng.choice(_PLACES)}, {rng.randint(2000, 2012)}"]
        degrees.append(f"MSc, {rng.choice(_PLACES)}, {rng.randint(1994, 1999)}")
        lines += _list(markup, degrees) + [""]
        lines += _head(markup, 2, rng.choice(("Publications", "Research Output", "Veröffentlichungen")), rng, setext)
        # a headline per paper sits under the section's headline, one level deeper
        lines += [("*" + ln if markup == "org" and name not in _FLAT and re.match(r"\*+ ", ln) else ln) for ln in body] + [""]
        lines += _head(markup, 2, rng.choice(("Talks", "Invited Talks", "Vorträge")), rng, setext)
        lines += _talks(markup, papers, rng) + [""]
        lines += _head(markup, 2, "Teaching", rng, setext)
        lines += _list(markup, ["Introduction to Statistics (undergraduate), 2015-2019", "Research Methods (graduate), 2018"]) + [""]
    return "\n".join(lines) + "\n", papers


# ---------------------------------------------------------------------------------------- records


def _papers(sc: Any, rng: random.Random, pool: list[dict[str, Any]], count: int) -> list[tuple[str, list[dict[str, Any]], list[str]]]:
    """``count`` styles that render every record and print the titles, each with (records, HTML lines)."""
    out = []
    for style in style_titles._styles(rng, count * 4):
        if len(out) >= count:
            break
        items = rng.sample(pool, min(len(pool), rng.randint(3, 7)))
        try:
            lines = style_titles._render(style, items, "html")
        except Exception:
            continue
        if len(lines) != len(items) or not all(lines):
            continue
        shown = sum(1 for it, line in zip(items, lines) if sc.fold(it["title"]) in sc.fold(style_titles._text(line, "html")))
        if shown < len(items):
            continue
        out.append((style.stem, items, lines))
    return out


def _paper(item: dict[str, Any], line: str, markup: str) -> Paper:
    gold = style_titles._gold(item)
    return Paper(_inline(line, markup), gold["title"], gold["authors"], gold["venue"], str(gold["year"]),
                 item.get("DOI", "") or "", gold)


def _score(sc: Any, text: str, papers: list[Paper], src: Path) -> dict[str, Any]:
    import refkit

    src.write_text(text, encoding="utf-8")
    try:
        lib = refkit.read(str(src))
        out = refkit.write_string(lib, "bibtex") if lib.entries else ""
    except Exception as exc:  # a traceback is a finding too: nothing read
        print(f"    {src.name}: {type(exc).__name__}: {exc}")
        out = ""
    bib = src.with_suffix(".bib")
    bib.write_text(out, encoding="utf-8")
    gold = [{k: v for k, v in p.record.items() if not k.startswith("_")} for p in papers]  # "_line": a writer's note
    return sc.score_case(gold, sc.read_bib(bib) if out else [])


def main() -> int:
    return run(__doc__, IDIOMS, held_out, document, _paper, _score)


def run(doc: str | None, idioms_table: dict[str, Any], is_held_out: Callable[[str], bool],
        make_document: Callable[..., tuple[str, list[Paper]]], make_paper: Callable[[dict[str, Any], str, str], Paper],
        score: Callable[..., dict[str, Any]]) -> int:
    """The command line of an idiom benchmark: every idiom of IDIOMS_TABLE (name -> (markup, writer)) in every
    context, each cell scored with SCORE; markup_idioms.py and whole_docs.py share it."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1, help="1 tunes; 7 and 11 check (start and end only)")
    ap.add_argument("--group", choices=("tune", "held-out", "all"), default="tune")
    ap.add_argument("--papers", choices=("tune", "check"), default="tune")
    ap.add_argument("--styles", type=int, default=3, help="CSL styles per seed (each cell writes each)")
    ap.add_argument("--idiom", default="", help="only idioms whose name starts with this")
    ap.add_argument("--context", default="", help="only this context (bare, heading, other, cv)")
    ap.add_argument("--bib", type=Path, default=score_real.beside_checkout() / "shared" / "corpus" / "mid.bib")
    ap.add_argument("--scorer", type=Path)
    ap.add_argument("--json", type=Path, help="write the per-cell counts here")
    ap.add_argument("--compare", type=Path, help="a --json file of an earlier run: print its counts beside")
    ap.add_argument("--keep", type=Path, help="keep each document and its output in this folder")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the problems per document")
    args = ap.parse_args()
    sc = style_titles._scorer(args.scorer)
    rng = random.Random(args.seed)
    pool = [it for it in style_titles._records(args.bib, rng, 400) if check_paper(it["title"]) == (args.papers == "check")]
    for k, it in enumerate(pool):
        it["id"] = f"r{k}"
    styles = _papers(sc, rng, pool, args.styles)
    idioms = [n for n in idioms_table if n.startswith(args.idiom)
              and (args.group == "all" or is_held_out(n) == (args.group == "held-out"))]
    contexts = [c for c in CONTEXTS if not args.context or c == args.context]
    before = json.loads(args.compare.read_text()) if args.compare else {}
    counts: dict[str, Any] = {}
    print(f"styles: {', '.join(s for s, _, _ in styles)}; papers: {args.papers}; idioms: {args.group}")
    print(f"{'idiom':24} " + " ".join(f"{c:>13}" for c in contexts) + "   recall precis  title authors")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            folder = args.keep
        for name in idioms:
            markup = idioms_table[name][0]
            cells = []
            for context in contexts:
                agg: dict[str, Any] = {"gold": 0, "pred": 0, "matched": 0,
                                       **{k: {f: 0 for f in FIELDS} for k in ("tp", "fp", "fn")}}
                for stem, items, lines in styles:
                    doc_rng = random.Random(f"{args.seed}/{name}/{context}/{stem}")
                    papers = [make_paper(it, line, markup) for it, line in zip(items, lines)]
                    text, listed = make_document(name, context, papers, doc_rng)
                    res = score(sc, text, listed, folder / f"{name}--{context}--{stem}.{markup}")
                    for k in ("gold", "pred", "matched"):
                        agg[k] += res[k]
                    for k in ("tp", "fp", "fn"):
                        for f in FIELDS:
                            agg[k][f] += res[k][f]
                    if args.verbose and (res["matched"] < res["gold"] or res["pred"] > res["matched"]):
                        print(f"    {name}--{context}--{stem}: {res['gold']} gold, {res['pred']} predicted, {res['matched']} matched")
                        for problem in [p for p in res["problems"] if not p.startswith(("doi", "arxiv"))][:6]:
                            print(f"      {problem[:160]}")
                counts[f"{name}/{context}"] = agg
                cells.append(agg)
            gold = sum(c["gold"] for c in cells)
            pred = sum(c["pred"] for c in cells)
            matched = sum(c["matched"] for c in cells)
            f1 = [sc.f1(*(sum(c[k][f] for c in cells) for k in ("tp", "fp", "fn"))) for f in ("title", "authors")]
            shown = []
            for context, c in zip(contexts, cells):
                b = before.get(f"{name}/{context}")
                prior = f"{b['matched']:>2}/" if b else ""
                shown.append(f"{prior}{c['matched']:>2}/{c['gold']:<2}({c['pred']:>2})".rjust(13))
            print(f"{name:24} " + " ".join(shown) + f"   {matched / max(1, gold):6.3f} {matched / max(1, pred):6.3f}"
                  f"  {f1[0]:5.3f} {f1[1]:5.3f}")
    _total(sc, "total", counts)
    if before:
        _total(sc, "before", {n: before[n] for n in counts if n in before})
    if args.json:
        args.json.write_text(json.dumps(counts, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


def _total(sc: Any, label: str, counts: dict[str, Any]) -> None:
    gold = sum(c["gold"] for c in counts.values())
    pred = sum(c["pred"] for c in counts.values())
    matched = sum(c["matched"] for c in counts.values())
    zero = sum(1 for c in counts.values() if c["gold"] and not c["matched"])
    low = sum(1 for c in counts.values() if c["gold"] and 0 < c["matched"] < 0.5 * c["gold"])
    f1s = [sc.f1(*(sum(c[k][f] for c in counts.values()) for k in ("tp", "fp", "fn"))) for f in FIELDS]
    print(f"{label} ({len(counts)} cells): gold {gold} predicted {pred} matched {matched}  recall {matched / max(1, gold):.3f}"
          f"  precision {matched / max(1, pred):.3f}  zero cells {zero}  low cells {low}  "
          + " ".join(f"{f} {x:.3f}" for f, x in zip(FIELDS, f1s)))


if __name__ == "__main__":
    sys.exit(main())
