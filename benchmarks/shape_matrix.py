#!/usr/bin/env python3
"""The shape matrix: one list of papers written into many document shapes, items found per shape.

    python benchmarks/shape_matrix.py                 # every shape, every context
    python benchmarks/shape_matrix.py --shape md- -v  # shapes whose name starts so, misses listed
    python benchmarks/shape_matrix.py --dump /tmp/sm  # also write every generated document there
    python benchmarks/shape_matrix.py --styles extra  # title-first, all-caps authors, Vancouver
    python benchmarks/shape_matrix.py --seed 21 --papers ../extract-dev/cases   # another sample
    python benchmarks/shape_matrix.py --group held-out  # the held-out shapes: start and end only
    python benchmarks/shape_matrix.py --merged          # several papers in one block (session 15)
    python benchmarks/shape_matrix.py --set c19         # numbered lists run into one block (session 19)
    python benchmarks/shape_matrix.py --set s19         # author lists in a block of their own (session 19)

Why: on documents nobody tuned on, whole documents collapse (nothing found, a third found) because
the item finder is tied to the shapes it has seen. Here the same papers are written as Markdown
bullets, numbered lists, paragraphs, hard line breaks, definition lists, tables, a heading per
paper, years as headings; HTML lists, cards with badges, tables, <p> with <br>, definition lists,
<details>, a Bootstrap grid, divs with generated class names, deeply nested spans; LaTeX itemize,
enumerate, etaremune, \\item[year], description, \\cventry, \\bibitem, paragraphs with \\\\; reST
bullets, enumerated lists, line blocks, field lists; Org; AsciiDoc; plain text. Each shape is
written in four contexts: the bare list, the list under a "Publications" heading, the list
inside a page (navigation, a bio, then the list, then talks and teaching, which are not papers),
and the same page with headings in words no classifier knows ("Things I wrote", "Places I spoke").
Each cell varies the citation style (author-year, IEEE-like quoted titles, bold title first) and
the list's size (3, 6, 12 papers: small lists must work too); ``--styles extra`` writes every
cell in styles those lack (an unstyled title first, all-caps family names, Vancouver).

Shapes added in session 14 (title-first cards with link badges, undated cards, one item over
several <p>/<div>s, papers separated by <br> in one <p>, nested sub-bullets for links and
abstracts, <details> with abstracts and BibTeX, "[1]" numbered and hard-wrapped paragraphs,
Hugo/Quarto/generated-class listing markup, thumbnails with buttons, years as a table's first
cell or rowspan, nested year bullets, Org/AsciiDoc/reST/LaTeX cards, Typst lists and grids):
a third of them, chosen by a fixed rule before any was run (crc32 of the name modulo 3 is 0),
is a held-out group, left out by default and reported with ``--group held-out`` only at the
start and the end of a piece of work. Tune with one --seed (and paper set), report another.

Shapes added in session 15 (``--set s15``): title-first cards whose details (names, venue, year,
links) sit in a second or third line or block (HTML <p>/<div>/<br>, two table rows, <dt> with two
<dd>, list items; Markdown paragraphs, hard breaks, sub-bullets; reST line blocks, definition and
field lists, nested bullets, paragraphs; Org items and paragraphs; some showing no names at all:
their gold has none), publication lists beside or mixed with dated lines of other kinds (talks,
awards, news, grants, teaching, service, patents, software releases, media; under a known heading,
an unknown one or none), and year lines over groups ("2021", "Selected papers (2021)", bold).
The same crc32 rule picks their held-out third; the gold's DOI is kept only where the text shows
it, and the run reports field precision/recall/F1 and the unmatched predictions with a year and
no names (the spurious kind the held-out set shows most).

The papers are the gold entries of the real development documents (../extract-real/cases/*/gold.json;
--papers adds others, such as ../extract-dev/cases), sampled with a fixed seed; never the held-out set. The scoring is the
official scorer's (../shared/eval/score.py): an item is found when its title matches (similarity
>= 0.85). Reported per shape and context: papers matched / papers written (entries predicted),
and item recall and precision over the whole matrix. A benchmark, not a test: the weak cells are
the general failures to fix with general mechanisms.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_real import BESIDE, load_scorer  # noqa: E402

# ------------------------------------------------------------------------------------------ records


@dataclass(frozen=True)
class Paper:
    title: str
    authors: tuple[tuple[str, str], ...]  # (given, family)
    year: int
    venue: str
    doi: str | None

    def gold(self) -> dict:
        return {"title": self.title, "authors": [f"{g} {f}".strip() for g, f in self.authors], "year": self.year,
                "venue": self.venue, "arxiv": None, "doi": self.doi}


def _name(raw: str) -> tuple[str, str] | None:
    raw = " ".join(raw.split()).strip(" ,")
    if not raw or raw.lower() in ("others", "et al.", "et al"):
        return None
    if "," in raw:
        family, _, given = raw.partition(",")
        return given.strip(), family.strip()
    parts = raw.split(" ")
    if len(parts) > 1 and len(parts[-1].replace(".", "")) <= 3 and parts[-1].replace(".", "").isupper():
        return parts[-1], " ".join(parts[:-1])  # Vancouver: "Jinek M"
    return " ".join(parts[:-1]), parts[-1]


def papers(roots: list[Path]) -> list[Paper]:
    """Gold entries with a title of 4+ words, named authors and a year, from every case under ``roots``."""
    out: list[Paper] = []
    seen: set[str] = set()
    for root in roots:
        for gold in sorted(root.glob("*/gold.json")):
            for e in json.loads(gold.read_text(encoding="utf-8")):
                title = " ".join((e.get("title") or "").split())
                names = [n for n in (_name(a) for a in e.get("authors") or []) if n and n[1]]
                if len(title.split()) < 4 or not names or not e.get("year") or title.lower() in seen:
                    continue
                if any(c in title for c in "{}\\$<>|*_[]#`"):
                    continue  # markup in the gold title would be read as markup
                seen.add(title.lower())
                venue = " ".join((e.get("venue") or "").split())
                venue = "" if any(c in venue for c in "{}\\$<>|*_[]#`") else venue
                out.append(Paper(title, tuple(names[:6]), int(e["year"]), venue, e.get("doi")))
    return out


# ------------------------------------------------------------------------------------------ citations
# a citation is a list of (text, style) pieces; style: "" plain, "b" bold, "i" italic

Piece = tuple[str, str]


def _initials(given: str) -> str:
    if given.replace(".", "").replace(" ", "").isupper() and len(given.replace(".", "").replace(" ", "")) <= 3:
        return " ".join(c + "." for c in given.replace(".", "").replace(" ", ""))  # "JM" -> "J. M."
    return " ".join(p[0] + "." for p in given.replace("-", " ").split() if p[:1].isalpha())


def _join(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def apa(p: Paper, year: bool = True) -> list[Piece]:
    names = [f"{f}, {_initials(g)}".strip(", ") for g, f in p.authors]
    who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + ", & " + names[-1]
    who = who.rstrip(".")
    out: list[Piece] = [(f"{who}. ({p.year}). " if year else f"{who}. ", ""), (p.title.rstrip(".") + ".", "")]
    if p.venue:
        out += [(" ", ""), (p.venue, "i"), (".", "")]
    if p.doi:
        out.append((f" https://doi.org/{p.doi}", ""))
    return out


def ieee(p: Paper, year: bool = True) -> list[Piece]:
    who = _join([f"{_initials(g)} {f}".strip() for g, f in p.authors])
    out: list[Piece] = [(f"{who}, \u201c{p.title.rstrip('.')},\u201d", "")]
    if p.venue:
        out += [(" ", ""), (p.venue, "i")]
    out.append((f", {p.year}." if year else ".", ""))
    return out


def bold_title(p: Paper, year: bool = True) -> list[Piece]:
    who = ", ".join(f"{g} {f}".strip() for g, f in p.authors)
    tail = ", ".join(x for x in (p.venue, str(p.year) if year else "") if x)
    out: list[Piece] = [(p.title.rstrip("."), "b"), (f". {who}.", "")]
    if tail:
        out.append((f" {tail}.", ""))
    return out


STYLES: dict[str, Callable[..., list[Piece]]] = {"apa": apa, "ieee": ieee, "bold": bold_title}


def byline(p: Paper) -> str:
    return ", ".join(f"{g} {f}".strip() for g, f in p.authors)


def venue_line(p: Paper, year: bool = True) -> str:
    return ", ".join(x for x in (p.venue, str(p.year) if year else "") if x)


# ------------------------------------------------------------------------------------------ markups


class Markup:
    """How one markup writes inline pieces, headings, paragraphs and bullet lists (page context)."""

    ext = ".txt"

    def inline(self, pieces: list[Piece]) -> str:
        return "".join(self.style(t, s) for t, s in pieces)

    def style(self, text: str, style: str) -> str:
        return self.esc(text)

    def esc(self, text: str) -> str:
        return text

    def heading(self, level: int, text: str) -> str:
        return f"{text}\n{('=' if level == 1 else '-') * len(text)}\n"

    def para(self, text: str) -> str:
        return text + "\n"

    def bullets(self, items: list[str]) -> str:
        return "".join(f"- {i}\n" for i in items)

    def wrap(self, body: str) -> str:
        return body


class Md(Markup):
    ext = ".md"

    def style(self, text: str, style: str) -> str:
        return {"b": f"**{text}**", "i": f"*{text}*"}.get(style, text)

    def heading(self, level: int, text: str) -> str:
        return "#" * level + " " + text + "\n"


class Html(Markup):
    ext = ".html"

    def style(self, text: str, style: str) -> str:
        t = html.escape(text, quote=False)
        return {"b": f"<b>{t}</b>", "i": f"<i>{t}</i>"}.get(style, t)

    def esc(self, text: str) -> str:
        return html.escape(text, quote=False)

    def heading(self, level: int, text: str) -> str:
        return f"<h{level}>{self.esc(text)}</h{level}>\n"

    def para(self, text: str) -> str:
        return f"<p>{text}</p>\n"

    def bullets(self, items: list[str]) -> str:
        return "<ul>\n" + "".join(f"  <li>{i}</li>\n" for i in items) + "</ul>\n"

    def wrap(self, body: str) -> str:
        return f"<!DOCTYPE html>\n<html><head><title>Jane Q. Doe</title></head><body>\n{body}</body></html>\n"


class Tex(Markup):
    ext = ".tex"

    def style(self, text: str, style: str) -> str:
        t = self.esc(text)
        return {"b": f"\\textbf{{{t}}}", "i": f"\\emph{{{t}}}"}.get(style, t)

    def esc(self, text: str) -> str:
        for a, b in (("\\", "\\textbackslash{}"), ("&", "\\&"), ("%", "\\%"), ("#", "\\#"), ("$", "\\$"), ("_", "\\_")):
            text = text.replace(a, b)
        return text.replace("\u201c", "``").replace("\u201d", "''")

    def heading(self, level: int, text: str) -> str:
        return f"\\{'sub' * (level - 1)}section*{{{self.esc(text)}}}\n"

    def para(self, text: str) -> str:
        return text + "\n\n"

    def bullets(self, items: list[str]) -> str:
        return "\\begin{itemize}\n" + "".join(f"  \\item {i}\n" for i in items) + "\\end{itemize}\n"

    def wrap(self, body: str) -> str:
        return "\\documentclass{article}\n\\begin{document}\n" + body + "\\end{document}\n"


class Rst(Markup):
    ext = ".rst"

    def style(self, text: str, style: str) -> str:
        return {"b": f"**{text}**", "i": f"*{text}*"}.get(style, text)

    def esc(self, text: str) -> str:
        return text.replace("*", "\\*").replace("`", "\\`")

    def heading(self, level: int, text: str) -> str:
        return f"{text}\n{'=-~'[min(level, 3) - 1] * len(text)}\n"

    def wrap(self, body: str) -> str:
        return ".. _top:\n\n" + body + "\n.. |date| date::\n"


class Org(Markup):
    ext = ".org"

    def style(self, text: str, style: str) -> str:
        return {"b": f"*{text}*", "i": f"/{text}/"}.get(style, text)

    def heading(self, level: int, text: str) -> str:
        return "*" * level + " " + text + "\n"

    def wrap(self, body: str) -> str:
        return "#+TITLE: Jane Q. Doe\n#+OPTIONS: toc:nil\n\n" + body


class Adoc(Markup):
    ext = ".adoc"

    def style(self, text: str, style: str) -> str:
        return {"b": f"*{text}*", "i": f"_{text}_"}.get(style, text)

    def heading(self, level: int, text: str) -> str:
        return "=" * (level + 1) + " " + text + "\n"

    def bullets(self, items: list[str]) -> str:
        return "".join(f"* {i}\n" for i in items)

    def wrap(self, body: str) -> str:
        return "= Jane Q. Doe\n:toc:\n\n" + body


MARKUPS = {"md": Md(), "html": Html(), "tex": Tex(), "rst": Rst(), "org": Org(), "adoc": Adoc(), "text": Markup()}

# ------------------------------------------------------------------------------------------ shapes
# a shape writes the list: (markup, papers, style) -> the list's text (no heading above it)

Shape = Callable[[Markup, list[Paper], Callable[..., list[Piece]]], str]


def _cits(m: Markup, ps: list[Paper], style: Callable[..., list[Piece]], year: bool = True) -> list[str]:
    return [m.inline(style(p, year)) for p in ps]


def _by_year(ps: list[Paper]) -> list[tuple[int, list[Paper]]]:
    years: dict[int, list[Paper]] = {}
    for p in sorted(ps, key=lambda p: -p.year):
        years.setdefault(p.year, []).append(p)
    return list(years.items())


def sep(lines: list[str], between: str = "\n") -> str:
    return between.join(lines) + "\n"


SHAPES: dict[str, tuple[str, Shape]] = {
    # Markdown
    "md-bullets": ("md", lambda m, ps, s: "".join(f"- {c}\n" for c in _cits(m, ps, s))),
    "md-numbered": ("md", lambda m, ps, s: "".join(f"{i}. {c}\n" for i, c in enumerate(_cits(m, ps, s), 1))),
    "md-paragraphs": ("md", lambda m, ps, s: sep(_cits(m, ps, s), "\n\n")),
    "md-hardbreaks": ("md", lambda m, ps, s: "".join(f"{c}  \n" for c in _cits(m, ps, s))),
    "md-lines": ("md", lambda m, ps, s: sep(_cits(m, ps, s))),
    "md-blockquote": ("md", lambda m, ps, s: sep([f"> {c}" for c in _cits(m, ps, s)], "\n\n")),
    "md-linked-titles": ("md", lambda m, ps, s: "\n".join(
        f"[{p.title}](https://example.org/{i}.pdf)  \n{byline(p)}  \n{venue_line(p)}\n" for i, p in enumerate(ps))),
    "md-footnotes": ("md", lambda m, ps, s: "".join(f"[^{i}]: {c}\n" for i, c in enumerate(_cits(m, ps, s), 1))),
    "md-no-years": ("md", lambda m, ps, s: "".join(f"- {c}\n" for c in _cits(m, ps, s, year=False))),
    "md-backslash-breaks": ("md", lambda m, ps, s: "\\\n".join(_cits(m, ps, s)) + "\n"),
    "md-three-lines": ("md", lambda m, ps, s: "\n".join(
        f"**{p.title}**  \n{byline(p)}  \n*{venue_line(p)}*\n" for p in ps)),
    "md-deflist": ("md", lambda m, ps, s: "\n".join(f"{p.title}\n: {byline(p)}. *{venue_line(p)}*.\n" for p in ps)),
    "md-table": ("md", lambda m, ps, s: "| Year | Publication |\n|------|-------------|\n" + "".join(
        f"| {p.year} | {c} |\n" for p, c in zip(ps, _cits(m, ps, s, year=False)))),
    "md-heading-per-paper": ("md", lambda m, ps, s: "\n".join(
        f"### {p.title}\n\n{byline(p)}  \n*{venue_line(p)}*\n" for p in ps)),
    "md-year-headings": ("md", lambda m, ps, s: "\n".join(
        f"### {y}\n\n" + "".join(f"- {m.inline(s(p, False))}\n" for p in g) for y, g in _by_year(ps))),
    "md-year-bold-lines": ("md", lambda m, ps, s: "\n".join(
        f"**{y}**\n\n" + "".join(f"{m.inline(s(p, False))}\n\n" for p in g) for y, g in _by_year(ps))),
    # HTML
    "html-hr": ("html", lambda m, ps, s: "<hr>\n".join(f"<div>{c}</div>\n" for c in _cits(m, ps, s))),
    "html-ul": ("html", lambda m, ps, s: "<ul>\n" + "".join(f"<li>{c}</li>\n" for c in _cits(m, ps, s)) + "</ul>\n"),
    "html-ol": ("html", lambda m, ps, s: "<ol>\n" + "".join(f"<li>{c}</li>\n" for c in _cits(m, ps, s)) + "</ol>\n"),
    "html-paragraphs": ("html", lambda m, ps, s: "".join(f"<p>{c}</p>\n" for c in _cits(m, ps, s))),
    "html-p-br": ("html", lambda m, ps, s: "<p>\n" + "<br>\n".join(_cits(m, ps, s)) + "\n</p>\n"),
    "html-cards-badges": ("html", lambda m, ps, s: "".join(
        f'<div class="pub-card"><span class="badge">{"Journal" if i % 2 else "Conference"}</span>'
        f'<div class="pub-title">{m.esc(p.title)}</div><div class="pub-authors">{m.esc(byline(p))}</div>'
        f'<div class="pub-venue"><i>{m.esc(p.venue)}</i> {p.year}</div>'
        f'<a class="btn" href="https://example.org/{i}.pdf">PDF</a></div>\n' for i, p in enumerate(ps))),
    "html-table-rows": ("html", lambda m, ps, s: "<table>\n" + "".join(
        f"<tr><td>{p.year}</td><td>{c}</td></tr>\n" for p, c in zip(ps, _cits(m, ps, s, year=False))) + "</table>\n"),
    "html-table-columns": ("html", lambda m, ps, s: "<table>\n" + "".join(
        f"<tr><td>{m.esc(p.title)}</td><td>{m.esc(byline(p))}</td><td>{m.esc(p.venue)}</td><td>{p.year}</td></tr>\n"
        for p in ps) + "</table>\n"),
    "html-dl": ("html", lambda m, ps, s: "<dl>\n" + "".join(
        f"<dt>{m.esc(p.title)}</dt><dd>{m.esc(byline(p))}. <i>{m.esc(venue_line(p))}</i>.</dd>\n" for p in ps) + "</dl>\n"),
    "html-details": ("html", lambda m, ps, s: "".join(
        f"<details><summary>{m.esc(p.title)}</summary><p>{m.esc(byline(p))}. {m.esc(venue_line(p))}.</p>"
        f"<p>We study a problem and show a result that improves on earlier work in several ways.</p></details>\n"
        for p in ps)),
    "html-bootstrap": ("html", lambda m, ps, s: '<div class="container">\n' + "".join(
        f'<div class="row"><div class="col-md-2">{p.year}</div><div class="col-md-10">{c}</div></div>\n'
        for p, c in zip(ps, _cits(m, ps, s, year=False))) + "</div>\n"),
    "html-class-divs": ("html", lambda m, ps, s: '<div class="x9f2">\n' + "".join(
        f'<div class="k1a"><div class="t7q">{m.esc(p.title)}</div><div class="a3z">{m.esc(byline(p))}</div>'
        f'<div class="v8w">{m.esc(venue_line(p))}</div></div>\n' for p in ps) + "</div>\n"),
    "html-nested-spans": ("html", lambda m, ps, s: '<div class="css-1q2w3e"><div class="css-4r5t6y">\n' + "".join(
        f'<div class="css-7u8i9o"><div><div class="css-p0a1s2"><span class="css-d3f4"><span>{m.esc(p.title)}</span></span>'
        f'</div><div><span class="css-g5h6">{m.esc(byline(p))}</span></div><div><span class="css-j7k8">'
        f'<span>{m.esc(p.venue)}</span><span> \u00b7 </span><span>{p.year}</span></span></div></div></div>\n'
        for p in ps) + "</div></div>\n"),
    "html-year-headings": ("html", lambda m, ps, s: "".join(
        f"<h3>{y}</h3>\n<ul>\n" + "".join(f"<li>{m.inline(s(p, False))}</li>\n" for p in g) + "</ul>\n"
        for y, g in _by_year(ps))),
    # LaTeX
    "tex-itemize": ("tex", lambda m, ps, s: "\\begin{itemize}\n" + "".join(f"\\item {c}\n" for c in _cits(m, ps, s)) + "\\end{itemize}\n"),
    "tex-enumerate": ("tex", lambda m, ps, s: "\\begin{enumerate}\n" + "".join(f"\\item {c}\n" for c in _cits(m, ps, s)) + "\\end{enumerate}\n"),
    "tex-etaremune": ("tex", lambda m, ps, s: "\\begin{etaremune}\n" + "".join(f"\\item {c}\n" for c in _cits(m, ps, s)) + "\\end{etaremune}\n"),
    "tex-item-year": ("tex", lambda m, ps, s: "\\begin{itemize}\n" + "".join(
        f"\\item[{p.year}] {c}\n" for p, c in zip(ps, _cits(m, ps, s, year=False))) + "\\end{itemize}\n"),
    "tex-description": ("tex", lambda m, ps, s: "\\begin{description}\n" + "".join(
        f"\\item[{m.esc(p.title)}] {m.esc(byline(p))}. \\emph{{{m.esc(venue_line(p))}}}.\n" for p in ps) + "\\end{description}\n"),
    "tex-cventry": ("tex", lambda m, ps, s: "".join(
        f"\\cventry{{{p.year}}}{{{m.esc(p.title)}}}{{{m.esc(byline(p))}}}{{{m.esc(p.venue)}}}{{}}{{}}\n" for p in ps)),
    "tex-bibitem": ("tex", lambda m, ps, s: "\\begin{thebibliography}{99}\n" + "".join(
        f"\\bibitem{{k{i}}} {c}\n" for i, c in enumerate(_cits(m, ps, s))) + "\\end{thebibliography}\n"),
    "tex-paragraphs": ("tex", lambda m, ps, s: sep(_cits(m, ps, s), "\n\n")),
    "tex-linebreaks": ("tex", lambda m, ps, s: "\\\\\n".join(_cits(m, ps, s)) + "\n\n"),
    # reStructuredText
    "rst-bullets": ("rst", lambda m, ps, s: "".join(f"* {c}\n" for c in _cits(m, ps, s))),
    "rst-enumerated": ("rst", lambda m, ps, s: "".join(f"#. {c}\n" for c in _cits(m, ps, s))),
    "rst-line-block": ("rst", lambda m, ps, s: "".join(f"| {c}\n" for c in _cits(m, ps, s))),
    "rst-field-list": ("rst", lambda m, ps, s: "".join(
        f":{p.year}: {c}\n" for p, c in zip(ps, _cits(m, ps, s, year=False)))),
    "rst-paragraphs": ("rst", lambda m, ps, s: sep(_cits(m, ps, s), "\n\n")),
    # Org
    "org-bullets": ("org", lambda m, ps, s: "".join(f"- {c}\n" for c in _cits(m, ps, s))),
    "org-numbered": ("org", lambda m, ps, s: "".join(f"{i}. {c}\n" for i, c in enumerate(_cits(m, ps, s), 1))),
    "org-paragraphs": ("org", lambda m, ps, s: sep(_cits(m, ps, s), "\n\n")),
    "org-table": ("org", lambda m, ps, s: "| Year | Publication |\n|------+-------------|\n" + "".join(
        f"| {p.year} | {c} |\n" for p, c in zip(ps, _cits(m, ps, s, year=False)))),
    "org-deflist": ("org", lambda m, ps, s: "".join(f"- {p.title} :: {byline(p)}. /{venue_line(p)}/.\n" for p in ps)),
    "org-headlines": ("org", lambda m, ps, s: "".join(f"*** {p.title}\n{byline(p)}. /{venue_line(p)}/.\n" for p in ps)),
    # AsciiDoc
    "adoc-bullets": ("adoc", lambda m, ps, s: "".join(f"* {c}\n" for c in _cits(m, ps, s))),
    "adoc-numbered": ("adoc", lambda m, ps, s: "".join(f". {c}\n" for c in _cits(m, ps, s))),
    "adoc-paragraphs": ("adoc", lambda m, ps, s: sep(_cits(m, ps, s), "\n\n")),
    # plain text
    "text-bullets": ("text", lambda m, ps, s: "".join(f"- {c}\n" for c in _cits(m, ps, s))),
    "text-numbered": ("text", lambda m, ps, s: "".join(f"[{i}] {c}\n" for i, c in enumerate(_cits(m, ps, s), 1))),
    "text-paragraphs": ("text", lambda m, ps, s: sep(_cits(m, ps, s), "\n\n")),
    "text-lines": ("text", lambda m, ps, s: sep(_cits(m, ps, s))),
}

# ------------------------------------------------------------------------------------------ more shapes
# Layouts real pages use that the shapes above lack (session 14). A third of them, chosen by a fixed
# rule before any was run (HELD_OUT: the crc32 of the name, modulo 3, is 0), is the matrix's held-out
# group: reported only with --group held-out, never tuned on.

LINKS = ("PDF", "Code", "Slides", "BibTeX")


def _bib(p: Paper, i: int) -> str:
    """A BibTeX record of ``p`` as a page prints it in a <pre> block."""
    who = " and ".join(f"{f}, {g}".strip(", ") for g, f in p.authors)
    venue = f"  journal = {{{p.venue}}},\n" if p.venue else ""
    return f"@article{{key{i},\n  title = {{{p.title}}},\n  author = {{{who}}},\n{venue}  year = {{{p.year}}}\n}}"


def title_first(p: Paper, year: bool = True) -> list[Piece]:
    """Title. Names. Venue, year. (plain, no styling: the order alone tells the title)"""
    who = _join([f"{g} {f}".strip() for g, f in p.authors])
    tail = ", ".join(x for x in (p.venue, str(p.year) if year else "") if x)
    return [(f"{p.title.rstrip('.')}. {who}." + (f" {tail}." if tail else ""), "")]


def caps_authors(p: Paper, year: bool = True) -> list[Piece]:
    """FAMILY, G., FAMILY, G. (year) Title. Venue."""
    who = ", ".join(f"{f.upper()}, {_initials(g)}".strip(", ") for g, f in p.authors)
    out: list[Piece] = [(f"{who} ({p.year}) " if year else f"{who} ", ""), (p.title.rstrip(".") + ".", "")]
    if p.venue:
        out += [(" ", ""), (p.venue, "i"), (".", "")]
    return out


def vancouver(p: Paper, year: bool = True) -> list[Piece]:
    """Family GM, Family G. Title. Venue. Year."""
    who = ", ".join(f"{f} {_initials(g).replace('.', '').replace(' ', '')}".strip() for g, f in p.authors)
    out = f"{who}. {p.title.rstrip('.')}."
    if p.venue:
        out += f" {p.venue}."
    return [(out + (f" {p.year}." if year else ""), "")]


EXTRA_STYLES: dict[str, Callable[..., list[Piece]]] = {"title-first": title_first, "caps": caps_authors,
                                                      "vancouver": vancouver}
STYLES.update(EXTRA_STYLES)
#: --styles extra: every shape written in citation styles the default variants lack
EXTRA_VARIANTS = (("title-first", 4), ("caps", 7), ("vancouver", 10))


def _buttons(m: Markup, i: int, cls: str = "btn") -> str:
    return " ".join(f'<a class="{cls}" href="https://example.org/{i}/{w.lower()}">{w}</a>' for w in LINKS)


def _caps_hex(i: int) -> str:
    return f"{(i * 2654435761) & 0xffffff:06x}"


class Typ(Markup):
    ext = ".typ"

    def style(self, text: str, style: str) -> str:
        t = self.esc(text)
        return {"b": f"*{t}*", "i": f"_{t}_"}.get(style, t)

    def esc(self, text: str) -> str:
        for c in "\\*_#@$<`[]":
            text = text.replace(c, "\\" + c)
        return text

    def heading(self, level: int, text: str) -> str:
        return "=" * level + " " + self.esc(text) + "\n"

    def wrap(self, body: str) -> str:
        return '#set page(paper: "a4")\n#set text(font: "Linux Libertine", size: 10pt)\n\n' + body


MARKUPS["typ"] = Typ()


def _wrapped(text: str, width: int = 78, indent: str = "") -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width, subsequent_indent=indent, break_on_hyphens=False))


NEW_SHAPES: dict[str, tuple[str, Shape]] = {
    # title-first cards: title, names, venue, then a line of link badges
    "md-card-badges": ("md", lambda m, ps, s: "\n".join(
        f"**{p.title}**  \n{byline(p)}  \n*{venue_line(p)}*  \n"
        + " ".join(f"[{w}](https://example.org/{i}/{w.lower()})" for w in LINKS) + "\n" for i, p in enumerate(ps))),
    "md-card-undated": ("md", lambda m, ps, s: "\n".join(
        f"**{p.title}**  \n{byline(p)}  \n*{p.venue or 'Manuscript'}*\n" for p in ps)),
    "html-card-title-link": ("html", lambda m, ps, s: "".join(
        f'<div class="publication"><a class="title" href="https://example.org/{i}">{m.esc(p.title)}</a><br>'
        f'<span class="authors">{m.esc(byline(p))}</span><br><em>{m.esc(p.venue)}</em>, {p.year}<br>'
        f'{_buttons(m, i)}</div>\n' for i, p in enumerate(ps))),
    "html-card-undated": ("html", lambda m, ps, s: "".join(
        f'<div class="paper"><p class="paper-title"><strong>{m.esc(p.title)}</strong></p>'
        f'<p class="paper-authors">{m.esc(byline(p))}</p><p class="paper-venue"><em>{m.esc(p.venue or "Working paper")}</em></p>'
        f'<p class="paper-links">{_buttons(m, i)}</p></div>\n' for i, p in enumerate(ps))),
    # one item over several <p>s with no wrapper (title, names, venue, links; then the next)
    "html-flat-p": ("html", lambda m, ps, s: "".join(
        f"<p><b>{m.esc(p.title)}</b></p>\n<p>{m.esc(byline(p))}</p>\n<p><i>{m.esc(venue_line(p))}</i></p>\n"
        f"<p>{_buttons(m, i)}</p>\n" for i, p in enumerate(ps))),
    "html-flat-div": ("html", lambda m, ps, s: '<div class="content">\n' + "".join(
        f'<div class="t">{m.esc(p.title)}</div>\n<div class="a">{m.esc(byline(p))}</div>\n'
        f'<div class="v">{m.esc(venue_line(p))}</div>\n' for p in ps) + "</div>\n"),
    # several papers in one <p>, separated by <br>
    "html-p-br-pairs": ("html", lambda m, ps, s: "".join(
        "<p>" + "<br>\n".join(_cits(m, ps[k:k + 2], s)) + "</p>\n" for k in range(0, len(ps), 2))),
    "html-p-brbr": ("html", lambda m, ps, s: "<p>\n" + "<br><br>\n".join(_cits(m, ps, s)) + "\n</p>\n"),
    # nested lists: the citation, then sub-bullets for links, an abstract, a BibTeX block
    "html-ul-sublists": ("html", lambda m, ps, s: "<ul>\n" + "".join(
        f"<li>{c}\n<ul><li>" + " | ".join(f'<a href="https://example.org/{i}/{w.lower()}">{w}</a>' for w in LINKS[:3])
        + "</li><li>Abstract: We study a problem and show a result that improves on earlier work.</li></ul></li>\n"
        for i, c in enumerate(_cits(m, ps, s))) + "</ul>\n"),
    "md-sublists": ("md", lambda m, ps, s: "".join(
        f"- {c}\n  - [PDF](https://example.org/{i}.pdf) [Code](https://example.org/{i}/code)\n"
        f"  - Abstract: we study a problem and show a result that improves on earlier work in two ways.\n"
        for i, c in enumerate(_cits(m, ps, s)))),
    "org-sublists": ("org", lambda m, ps, s: "".join(
        f"- {c}\n  - [[https://example.org/{i}.pdf][PDF]] [[https://example.org/{i}/code][Code]]\n"
        for i, c in enumerate(_cits(m, ps, s)))),
    # <details> with an abstract and a BibTeX block under each citation
    "html-details-bibtex": ("html", lambda m, ps, s: "".join(
        f'<div class="pub"><p>{c}</p><details><summary>Abstract</summary><p>We study a problem and show a result '
        f'that improves on earlier work.</p></details><details><summary>BibTeX</summary><pre>{m.esc(_bib(p, i))}</pre>'
        f"</details></div>\n" for i, (p, c) in enumerate(zip(ps, _cits(m, ps, s))))),
    # "[1]" numbered plain paragraphs, hard-wrapped
    "text-bracket-wrapped": ("text", lambda m, ps, s: "\n".join(
        _wrapped(f"[{i}] {c}", indent="    ") + "\n" for i, c in enumerate(_cits(m, ps, s), 1))),
    "text-wrapped-paragraphs": ("text", lambda m, ps, s: "\n".join(
        _wrapped(c) + "\n" for c in _cits(m, ps, s))),
    "md-wrapped-bullets": ("md", lambda m, ps, s: "".join(
        _wrapped(f"- {c}", indent="  ") + "\n" for c in _cits(m, ps, s))),
    "text-card-undated": ("text", lambda m, ps, s: "\n".join(
        f"{p.title}\n{byline(p)}\n{p.venue or 'Manuscript'}\n" for p in ps)),
    "text-card-dated": ("text", lambda m, ps, s: "\n".join(
        f"{p.title}\n{byline(p)}\n{venue_line(p)}\n" for p in ps)),
    # site generators' listing markup with generated class names
    "html-hugo-listing": ("html", lambda m, ps, s: '<div class="pub-list">\n' + "".join(
        f'<div class="pub-list-item view-citation" style="margin-bottom: 1rem">'
        f'<i class="far fa-file-alt pub-icon" aria-hidden="true"></i> <span class="article-metadata li-cite-author">'
        + ", ".join(f"<span>{m.esc(f'{g} {f}'.strip())}</span>" for g, f in p.authors)
        + f'</span> ({p.year}). <a href="/publication/p{i}/">{m.esc(p.title)}</a>. <em>{m.esc(p.venue)}</em>.'
        f'<p><a class="btn btn-outline-primary btn-page-header btn-sm" href="/p{i}.pdf">PDF</a> '
        f'<a class="btn btn-outline-primary btn-page-header btn-sm js-cite-modal" data-filename="/p{i}/cite.bib">Cite</a></p>'
        f"</div>\n" for i, p in enumerate(ps)) + "</div>\n"),
    "html-quarto-listing": ("html", lambda m, ps, s: '<div class="list quarto-listing-default">\n' + "".join(
        f'<div class="quarto-post image-right" data-index="{i}"><div class="thumbnail"><a href="p{i}.html">'
        f'<img src="p{i}.png" class="thumbnail-image"></a></div><div class="body"><h3 class="no-anchor listing-title">'
        f'<a href="p{i}.html">{m.esc(p.title)}</a></h3><div class="listing-subtitle">{m.esc(byline(p))}</div>'
        f'<div class="delink listing-description"><a href="p{i}.html">{m.esc(p.venue)}</a></div></div>'
        f'<div class="metadata"><div class="listing-date">{p.year}</div></div></div>\n' for i, p in enumerate(ps))
        + "</div>\n"),
    "html-jekyll-generated": ("html", lambda m, ps, s: '<div class="sc-Xy1 jQrTz">\n' + "".join(
        f'<div class="sc-Ab{_caps_hex(i)} kLmNo"><div class="sc-Cd3 pQrSt"><span class="sc-Ef4">{m.esc(p.title)}</span>'
        f'</div><div class="sc-Gh5 uVwXy">{m.esc(byline(p))}</div><div class="sc-Ij6 zAbCd"><em>{m.esc(p.venue)}</em>'
        f' <span class="sc-Kl7">{p.year}</span></div><div class="sc-Mn8">{_buttons(m, i, "sc-Op9")}</div></div>\n'
        for i, p in enumerate(ps)) + "</div>\n"),
    # a thumbnail image and buttons beside each citation (a table or a flex row)
    "html-thumb-table": ("html", lambda m, ps, s: "<table>\n" + "".join(
        f'<tr><td width="25%"><img src="img/p{i}.png" alt="teaser"></td><td><a href="p{i}.pdf"><papertitle>'
        f'{m.esc(p.title)}</papertitle></a><br>{m.esc(byline(p))}<br><em>{m.esc(p.venue)}</em>, {p.year}<br>'
        f'{_buttons(m, i)}</td></tr>\n' for i, p in enumerate(ps)) + "</table>\n"),
    "html-thumb-flex": ("html", lambda m, ps, s: "".join(
        f'<div class="row pub"><div class="col-3"><img class="img-fluid" src="img/p{i}.jpg"></div>'
        f'<div class="col-9"><p>{c}</p><p>{_buttons(m, i, "button is-small")}</p></div></div>\n'
        for i, c in enumerate(_cits(m, ps, s)))),
    # years as a table's first cell (only on the first row of a year), the citation beside it
    "html-year-rowspan": ("html", lambda m, ps, s: "<table>\n<tr><th>Year</th><th>Publication</th></tr>\n" + "".join(
        "".join((f'<tr><td rowspan="{len(g)}">{y}</td>' if k == 0 else "<tr>") + f"<td>{m.inline(s(p, False))}</td></tr>\n"
                for k, p in enumerate(g)) for y, g in _by_year(ps)) + "</table>\n"),
    "md-year-first-cell": ("md", lambda m, ps, s: "| Year | Citation |\n|---|---|\n" + "".join(
        "".join(f"| {y if k == 0 else ''} | {m.inline(s(p, False))} |\n" for k, p in enumerate(g)) for y, g in _by_year(ps))),
    "html-year-column-split": ("html", lambda m, ps, s: "<table>\n<thead><tr><th>Year</th><th>Title</th><th>Authors</th>"
        "<th>Venue</th></tr></thead><tbody>\n" + "".join(
        f"<tr><td>{p.year}</td><td>{m.esc(p.title)}</td><td>{m.esc(byline(p))}</td><td>{m.esc(p.venue)}</td></tr>\n"
        for p in ps) + "</tbody></table>\n"),
    "md-year-bullets-nested": ("md", lambda m, ps, s: "".join(
        f"- {y}\n" + "".join(f"  - {m.inline(s(p, False))}\n" for p in g) for y, g in _by_year(ps))),
    "org-year-headlines": ("org", lambda m, ps, s: "".join(
        f"** {y}\n" + "".join(f"- {m.inline(s(p, False))}\n" for p in g) for y, g in _by_year(ps))),
    "adoc-year-sections": ("adoc", lambda m, ps, s: "\n".join(
        f"=== {y}\n\n" + "".join(f"* {m.inline(s(p, False))}\n" for p in g) for y, g in _by_year(ps))),
    "adoc-cards": ("adoc", lambda m, ps, s: "\n".join(
        f"*{p.title}* +\n{byline(p)} +\n_{venue_line(p)}_\n" for p in ps)),
    "rst-cards": ("rst", lambda m, ps, s: "\n".join(
        f"**{m.esc(p.title)}**\n\n| {m.esc(byline(p))}\n| *{m.esc(venue_line(p))}*\n" for p in ps)),
    "rst-numbered-paragraphs": ("rst", lambda m, ps, s: "\n".join(
        f"[{i}] {c}\n" for i, c in enumerate(_cits(m, ps, s), 1))),
    "tex-cvitem": ("tex", lambda m, ps, s: "".join(
        f"\\cvitem{{{p.year}}}{{{c}}}\n" for p, c in zip(ps, _cits(m, ps, s, year=False)))),
    "tex-bold-cards": ("tex", lambda m, ps, s: "\n".join(
        f"\\textbf{{{m.esc(p.title)}}}\\\\\n{m.esc(byline(p))}\\\\\n\\emph{{{m.esc(venue_line(p))}}}\n" for p in ps)),
    "tex-numbered-par": ("tex", lambda m, ps, s: "\n".join(
        f"\\noindent [{i}] {c}\\par\n" for i, c in enumerate(_cits(m, ps, s), 1))),
    # Typst
    "typ-bullets": ("typ", lambda m, ps, s: "".join(f"- {c}\n" for c in _cits(m, ps, s))),
    "typ-numbered": ("typ", lambda m, ps, s: "".join(f"+ {c}\n" for c in _cits(m, ps, s))),
    "typ-paragraphs": ("typ", lambda m, ps, s: "\n".join(f"{c}\n" for c in _cits(m, ps, s))),
    "typ-grid-years": ("typ", lambda m, ps, s: "#grid(\n  columns: (auto, 1fr),\n  gutter: 8pt,\n" + "".join(
        f"  [{p.year}], [{c}],\n" for p, c in zip(ps, _cits(m, ps, s, year=False))) + ")\n"),
}


def _held_out(name: str) -> bool:
    import zlib

    return zlib.crc32(name.encode()) % 3 == 0


#: the held-out third of the new shapes (fixed rule, see above); the old shapes are all "tuned"
HELD_OUT = frozenset(n for n in NEW_SHAPES if _held_out(n))
SHAPES.update(NEW_SHAPES)

# ------------------------------------------------------------------------------------------ several papers in one block
# Session 15: the held-out set loses items MERGED into a neighbour or read as its VENUE (Markdown,
# HTML, R Markdown, Typst, AsciiDoc): real pages put several citations into ONE block (a <p> with
# <br>s, a Markdown paragraph with hard or soft line breaks, a list item with a paper and its
# companion, "[1] ... [2] ..." inline, "; "-separated runs, a Typst/AsciiDoc paragraph per year,
# pandoc/knitr reference divs). Each shape here writes such blocks; a citation followed by its venue
# on the next line (one paper) is written beside the next citation on the next line (two papers).
# The same fixed rule (crc32 of the name modulo 3 is 0), applied before any of them was run, holds
# a third out (MERGED_HELD_OUT). ``--merged`` runs only these shapes.


class Rmd(Md):
    ext = ".Rmd"

    def wrap(self, body: str) -> str:
        return ('---\ntitle: "Jane Q. Doe"\noutput: html_document\nbibliography: refs.bib\n---\n\n'
                "```{r setup, include=FALSE}\nknitr::opts_chunk$set(echo = FALSE)\n```\n\n" + body)


MARKUPS["rmd"] = Rmd()


def _no_venue(p: Paper) -> Paper:
    from dataclasses import replace

    return replace(p, venue="")


def _venue_next(m: Markup, ps: list[Paper], s: Callable[..., list[Piece]]) -> list[tuple[str, str]]:
    """(citation without its venue, the venue as the next line) per paper."""
    return [(m.inline(s(_no_venue(p))), m.style(p.venue or "Working paper", "i")) for p in ps]


def _per_year(ps: list[Paper], block: Callable[[int, list[Paper]], str]) -> str:
    return "\n".join(block(y, g) for y, g in _by_year(ps))


def _pairs(ps: list[Paper]) -> list[list[Paper]]:
    return [ps[k:k + 2] for k in range(0, len(ps), 2)]


def _csl_html(m: Markup, ps: list[Paper], s: Callable[..., list[Piece]]) -> str:
    return ('<div id="refs" class="references csl-bib-body hanging-indent" role="list">\n' + "".join(
        f'<div id="ref-k{i}" class="csl-entry" role="listitem">\n{c}\n</div>\n' for i, c in enumerate(_cits(m, ps, s)))
        + "</div>\n")


MERGED_SHAPES: dict[str, tuple[str, Shape]] = {
    # HTML: one block, several papers
    "html-p-br-years": ("html", lambda m, ps, s: _per_year(ps, lambda y, g: f"<h3>{y}</h3>\n<p>" + "<br>\n".join(
        m.inline(s(p)) for p in g) + "</p>")),
    "html-p-br-numbered": ("html", lambda m, ps, s: "<p>" + "<br>\n".join(
        f"[{i}] {c}" for i, c in enumerate(_cits(m, ps, s), 1)) + "</p>\n"),
    "html-p-br-venue-next": ("html", lambda m, ps, s: "<p>" + "<br>\n".join(
        f"{c}<br>\n{v}" for c, v in _venue_next(m, ps, s)) + "</p>\n"),
    "html-li-pairs": ("html", lambda m, ps, s: "<ul>\n" + "".join(
        "<li>" + "<br>\n".join(_cits(m, g, s)) + "</li>\n" for g in _pairs(ps)) + "</ul>\n"),
    "html-li-year-br": ("html", lambda m, ps, s: "<ul>\n" + "".join(
        f"<li><b>{y}</b><br>\n" + "<br>\n".join(m.inline(s(p)) for p in g) + "</li>\n" for y, g in _by_year(ps))
        + "</ul>\n"),
    "html-p-semicolons": ("html", lambda m, ps, s: "<p>" + "; ".join(
        c.rstrip(".") for c in _cits(m, ps, s)) + ".</p>\n"),
    "html-csl-entries": ("html", _csl_html),
    "html-div-text-br": ("html", lambda m, ps, s: '<div class="content">\n' + "<br/>\n".join(_cits(m, ps, s))
                         + "\n</div>\n"),
    # Markdown: one paragraph, several papers
    "md-year-soft-lines": ("md", lambda m, ps, s: _per_year(ps, lambda y, g: f"### {y}\n\n" + "".join(
        f"{m.inline(s(p))}\n" for p in g))),
    "md-year-hardbreaks": ("md", lambda m, ps, s: _per_year(ps, lambda y, g: f"**{y}**\n\n" + "".join(
        f"{m.inline(s(p))}  \n" for p in g))),
    "md-backslash-venue-next": ("md", lambda m, ps, s: "\\\n".join(
        f"{c}\\\n{v}" for c, v in _venue_next(m, ps, s)) + "\n"),
    "md-soft-venue-next": ("md", lambda m, ps, s: _per_year(ps, lambda y, g: f"## {y}\n\n" + "".join(
        f"{c}\n{v}\n" for c, v in _venue_next(m, g, s)))),
    "md-hard-venue-next": ("md", lambda m, ps, s: "".join(f"{c}  \n{v}  \n" for c, v in _venue_next(m, ps, s))),
    "md-item-pairs": ("md", lambda m, ps, s: "".join(
        "- " + "  \n  ".join(_cits(m, g, s)) + "\n" for g in _pairs(ps))),
    "md-item-pairs-soft": ("md", lambda m, ps, s: "".join(
        "1. " + "\n   ".join(_cits(m, g, s)) + "\n" for g in _pairs(ps))),
    "md-inline-numbered": ("md", lambda m, ps, s: " ".join(
        f"[{i}] {c}" for i, c in enumerate(_cits(m, ps, s), 1)) + "\n"),
    "md-semicolons": ("md", lambda m, ps, s: "; ".join(c.rstrip(".") for c in _cits(m, ps, s)) + ".\n"),
    "md-run-on": ("md", lambda m, ps, s: " ".join(_cits(m, ps, s)) + "\n"),
    "md-blockquote-lines": ("md", lambda m, ps, s: "".join(f"> {c}\n" for c in _cits(m, ps, s))),
    # R Markdown / pandoc citeproc output
    "rmd-pandoc-refs": ("rmd", lambda m, ps, s: "# References\n\n::: {#refs .references .csl-bib-body .hanging-indent}\n"
                        + "".join(f"::: {{#ref-k{i} .csl-entry}}\n{c}\n:::\n\n" for i, c in enumerate(_cits(m, ps, s)))
                        + ":::\n"),
    "rmd-refs-div": ("rmd", _csl_html),
    "rmd-year-lines": ("rmd", lambda m, ps, s: _per_year(ps, lambda y, g: f"## {y}\n\n" + "".join(
        f"{m.inline(s(p))}\n" for p in g))),
    # Typst, AsciiDoc, Org, reST: a paragraph per year, citations as its lines
    "typ-year-lines": ("typ", lambda m, ps, s: _per_year(ps, lambda y, g: f"== {y}\n" + "".join(
        f"{m.inline(s(p))}\n" for p in g))),
    "typ-year-breaks": ("typ", lambda m, ps, s: _per_year(ps, lambda y, g: f"== {y}\n" + " \\\n".join(
        m.inline(s(p)) for p in g) + "\n")),
    "adoc-year-lines": ("adoc", lambda m, ps, s: _per_year(ps, lambda y, g: f"=== {y}\n\n" + "".join(
        f"{m.inline(s(p))}\n" for p in g))),
    "adoc-year-hardbreaks": ("adoc", lambda m, ps, s: _per_year(ps, lambda y, g: f"=== {y}\n\n" + " +\n".join(
        m.inline(s(p)) for p in g) + "\n")),
    "adoc-venue-next": ("adoc", lambda m, ps, s: " +\n".join(f"{c} +\n{v}" for c, v in _venue_next(m, ps, s)) + "\n"),
    "org-year-lines": ("org", lambda m, ps, s: _per_year(ps, lambda y, g: f"** {y}\n" + "".join(
        f"{m.inline(s(p))}\n" for p in g))),
    "org-year-breaks": ("org", lambda m, ps, s: _per_year(ps, lambda y, g: f"** {y}\n" + "".join(
        f"{m.inline(s(p))} \\\\\n" for p in g))),
    "rst-para-lines": ("rst", lambda m, ps, s: _per_year(ps, lambda y, g: f"{y}\n{'-' * 4}\n\n" + "".join(
        f"{m.inline(s(p))}\n" for p in g))),
}

#: the held-out third of the several-papers-in-one-block shapes (same fixed rule as HELD_OUT)
MERGED_HELD_OUT = frozenset(n for n in MERGED_SHAPES if _held_out(n))
HELD_OUT = HELD_OUT | MERGED_HELD_OUT
SHAPES.update(MERGED_SHAPES)
# ------------------------------------------------------------------------------------------ session 15
# Two failures the held-out set shows and the dev set cannot (it has one case): (1) a title-first
# card whose details (names, venue, year, links) sit on a second/third line or block, read as two
# items (the title alone, and a details "entry" with a year and no names); (2) year-bearing lines
# that are not papers (talks, awards, news, grants, teaching, service, patents, software releases,
# media) beside or inside a publication list, or a year line over a group, read as entries. The
# shapes below write both; the same crc32 rule picks their held-out third (``--set s15``).


def _meta(m: Markup, p: Paper, i: int, sep: str = " \u00b7 ") -> str:
    """A card's venue-and-links line with no names: "Venue 2021 · PDF · code"."""
    links = [_link(m, f"https://example.org/{i}/{w.lower()}", w) for w in ("PDF", "code")]
    return sep.join([m.esc(f"{p.venue} {p.year}".strip())] + links)


def _link(m: Markup, url: str, label: str) -> str:
    if isinstance(m, Html):
        return f'<a href="{url}">{label}</a>'
    if isinstance(m, Rst):
        return f"`{label} <{url}>`__"
    if isinstance(m, Org):
        return f"[[{url}][{label}]]"
    return f"[{label}]({url})"


def _details(m: Markup, p: Paper) -> str:
    """ "Names. *Venue*, 2021." (the second line of a card)"""
    return f"{m.esc(byline(p))}. " + m.inline([(p.venue, "i"), (f", {p.year}.", "")] if p.venue else [(f"{p.year}.", "")])


MONTHS = ("January", "March", "May", "June", "September", "November")
PLACES = ("University of Westbrook", "Lakeside Institute of Technology", "Northfield College", "the Harbour Lab",
          "Universidad de Montalba", "Kestrel Research Centre")
EVENTS = ("CVPR", "NeurIPS", "ICML", "ACL", "CHI", "AGU Fall Meeting", "EGU General Assembly", "SIGMOD")
COURSES = ("CS 101 Introduction to Programming", "GEO 240 Rivers and Sediment", "STAT 310 Applied Regression",
           "ECON 12 Principles of Microeconomics", "BIO 205 Cell Biology Laboratory")
TOOLS = ("riverflow", "gaugekit", "tidyfloods", "pyspectra", "graphbench")


def noise_lines(rng: random.Random, k: int) -> list[str]:
    """``k`` year-bearing lines that are not papers, of kinds a CV puts beside its publications."""
    def y() -> int:
        return rng.randint(2012, 2024)
    makers = [
        lambda: f"Invited talk, {rng.choice(PLACES)}, {rng.choice(MONTHS)} {y()}",
        lambda: f"Seminar: recent work on our project, {rng.choice(PLACES)}, {y()}",
        lambda: f"Best Paper Award, {rng.choice(EVENTS)} {y()}",
        lambda: f"Outstanding Reviewer Award, {rng.choice(EVENTS)} {y()}",
        lambda: f"[{y()}/{rng.randint(1, 12):02d}] Paper accepted at {rng.choice(EVENTS)}!",
        lambda: f"{rng.choice(MONTHS)} {y()}: I joined {rng.choice(PLACES)} as a postdoc.",
        lambda: f"Research grant, National Science Foundation ({y()}-{y() + 3}), $450,000",
        lambda: f"Seed funding, {rng.choice(PLACES)}, {y()}",
        lambda: f"{rng.choice(COURSES)}, Fall {y()}",
        lambda: f"Teaching assistant, {rng.choice(COURSES)}, Spring {y()}",
        lambda: f"Reviewer: {rng.choice(EVENTS)} {y()}, {rng.choice(EVENTS)} {y()}",
        lambda: f"Program committee member, {rng.choice(EVENTS)} {y()}",
        lambda: f"US Patent {rng.randint(10, 11)},{rng.randint(100, 999)},{rng.randint(100, 999)}, granted {y()}",
        lambda: f"{rng.choice(TOOLS)} v{rng.randint(1, 4)}.{rng.randint(0, 9)} released ({y()})",
        lambda: f"Interviewed by the Daily Courier about our field work, {rng.choice(MONTHS)} {y()}",
        lambda: f"Our study was featured in Science Weekly, {y()}",
    ]
    return [rng.choice(makers)() for _ in range(k)]


def _rng(ps: list[Paper]) -> random.Random:
    return random.Random(ps[0].title if ps else "")


#: (heading above the non-paper lines) known: the classifier has the word; unknown: it does not;
#: none: the lines follow the papers with no heading at all
NOISE_HEADINGS = {"known": ("Awards and Talks", "News"), "unknown": ("Other things", "Lately"), "none": ("", "")}


def _beside(markup: str, heads: str) -> Shape:
    """The papers' list, then (under a heading or none) a list of non-paper lines in the same markup."""
    def build(m: Markup, ps: list[Paper], s: Callable[..., list[Piece]]) -> str:
        rng = _rng(ps)
        noise = [m.esc(t) for t in noise_lines(rng, max(3, len(ps) // 2))]
        head = NOISE_HEADINGS[heads][rng.randrange(2)]
        return (m.bullets(_cits(m, ps, s)) + "\n" + (m.heading(3, head) + "\n" if head else "")
                + m.bullets(noise))
    return (markup, build)


def _mixed(markup: str) -> Shape:
    """One list: papers and non-paper lines in one sequence (a CV's "Selected work")."""
    def build(m: Markup, ps: list[Paper], s: Callable[..., list[Piece]]) -> str:
        rng = _rng(ps)
        items: list[str] = []
        for c in _cits(m, ps, s):
            items.append(c)
            if rng.random() < 0.5:
                items.append(m.esc(noise_lines(rng, 1)[0]))
        return m.bullets(items)
    return (markup, build)


def _news_first(markup: str) -> Shape:
    """A dated news list, with no heading, above the papers' list (a home page's first screen)."""
    def build(m: Markup, ps: list[Paper], s: Callable[..., list[Piece]]) -> str:
        rng = _rng(ps)
        news = [m.esc(t) for t in noise_lines(rng, 4)]
        return m.bullets(news) + "\n" + m.bullets(_cits(m, ps, s))
    return (markup, build)


def _year_lines(markup: str, form: str) -> Shape:
    """Year-grouped papers where the group's label is a plain line, not a heading."""
    def build(m: Markup, ps: list[Paper], s: Callable[..., list[Piece]]) -> str:
        out = []
        for y, g in _by_year(ps):
            label = {"bare": str(y), "selected": f"Selected papers ({y})", "bold": m.style(str(y), "b")}[form]
            out.append(m.para(label) + "\n" + m.bullets([m.inline(s(p, False)) for p in g]))
        return "\n".join(out)
    return (markup, build)


S15_SHAPES: dict[str, tuple[str, Shape]] = {
    # (i) title-first cards, details in the next line or block
    "html-title-p-details-p": ("html", lambda m, ps, s: "".join(
        f"<p><b>{m.esc(p.title)}</b></p>\n<p>{_details(m, p)}</p>\n" for p in ps)),
    "html-title-p-meta-p": ("html", lambda m, ps, s: "".join(
        f'<p class="title">{m.esc(p.title)}</p>\n<p class="meta">{_meta(m, p, i)}</p>\n' for i, p in enumerate(ps))),
    "html-div-title-br-details": ("html", lambda m, ps, s: "".join(
        f'<div class="pub"><strong>{m.esc(p.title)}</strong><br>\n{_details(m, p)}</div>\n' for p in ps)),
    "html-card-title-meta-div": ("html", lambda m, ps, s: "".join(
        f'<div class="card"><div class="card-title"><a href="https://example.org/{i}">{m.esc(p.title)}</a></div>'
        f'<div class="card-text">{_meta(m, p, i)}</div></div>\n' for i, p in enumerate(ps))),
    "html-table-two-rows": ("html", lambda m, ps, s: "<table>\n" + "".join(
        f"<tr><td><b>{m.esc(p.title)}</b></td></tr>\n<tr><td>{_details(m, p)}</td></tr>\n" for p in ps) + "</table>\n"),
    "html-table-title-meta-cells": ("html", lambda m, ps, s: "<table>\n" + "".join(
        f"<tr><td>{m.esc(p.title)}</td></tr>\n<tr><td>{_meta(m, p, i)}</td></tr>\n" for i, p in enumerate(ps))
        + "</table>\n"),
    "html-dl-two-dd": ("html", lambda m, ps, s: "<dl>\n" + "".join(
        f"<dt>{m.esc(p.title)}</dt>\n<dd>{m.esc(byline(p))}</dd>\n<dd><i>{m.esc(venue_line(p))}</i></dd>\n"
        for p in ps) + "</dl>\n"),
    "html-li-title-meta": ("html", lambda m, ps, s: "<ul>\n" + "".join(
        f'<li><span class="t">{m.esc(p.title)}</span><br><span class="m">{_meta(m, p, i)}</span></li>\n'
        for i, p in enumerate(ps)) + "</ul>\n"),
    "md-title-para-details-para": ("md", lambda m, ps, s: "\n".join(
        f"**{p.title}**\n\n{_details(m, p)}\n" for p in ps)),
    "md-link-title-meta-para": ("md", lambda m, ps, s: "\n".join(
        f"[{p.title}](https://example.org/{i})\n\n{_meta(m, p, i)}\n" for i, p in enumerate(ps))),
    "md-bullet-title-subbullet": ("md", lambda m, ps, s: "".join(
        f"- **{p.title}**\n  - {_details(m, p)}\n" for p in ps)),
    "md-title-line-meta-line": ("md", lambda m, ps, s: "\n".join(
        f"**{p.title}**  \n{_meta(m, p, i)}\n" for i, p in enumerate(ps))),
    "rst-line-block-title-details": ("rst", lambda m, ps, s: "\n".join(
        f"| **{m.esc(p.title)}**\n| {_details(m, p)}\n" for p in ps)),
    "rst-deflist-title-details": ("rst", lambda m, ps, s: "\n".join(
        f"{m.esc(p.title)}\n    {_details(m, p)}\n" for p in ps)),
    "rst-field-list-card": ("rst", lambda m, ps, s: "\n".join(
        f"**{m.esc(p.title)}**\n\n:Authors: {m.esc(byline(p))}\n:Published: *{m.esc(venue_line(p))}*\n" for p in ps)),
    "rst-nested-bullets-card": ("rst", lambda m, ps, s: "\n".join(
        f"* **{m.esc(p.title)}**\n\n  * {m.esc(byline(p))}\n  * *{m.esc(venue_line(p))}*\n" for p in ps)),
    "rst-title-para-details-para": ("rst", lambda m, ps, s: "\n".join(
        f"{m.esc(p.title)}\n\n{_details(m, p)}\n" for p in ps)),
    "html-title-p-plain-details": ("html", lambda m, ps, s: "".join(
        f"<p>{m.esc(p.title)}</p>\n<p>{_details(m, p)}</p>\n" for p in ps)),
    "md-title-para-plain-details": ("md", lambda m, ps, s: "\n".join(
        f"{p.title}\n\n{_details(m, p)}\n" for p in ps)),
    "rst-title-para-meta-para": ("rst", lambda m, ps, s: "\n".join(
        f"{m.esc(p.title)}\n\n{_meta(m, p, i)}\n" for i, p in enumerate(ps))),
    "org-item-title-details": ("org", lambda m, ps, s: "".join(
        f"- *{p.title}*\n  {_details(m, p)}\n" for p in ps)),
    "org-para-title-details": ("org", lambda m, ps, s: "\n".join(
        f"*{p.title}*\n{_details(m, p)}\n" for p in ps)),
    "org-link-title-meta": ("org", lambda m, ps, s: "".join(
        f"- [[https://example.org/{i}][{p.title}]]\n  {_meta(m, p, i)}\n" for i, p in enumerate(ps))),
    # (ii) year-bearing lines that are not papers, beside or inside the list
    **{f"{mk}-beside-{h}": _beside(mk, h) for mk in ("html", "md", "rst", "org") for h in NOISE_HEADINGS},
    **{f"{mk}-mixed-list": _mixed(mk) for mk in ("html", "md", "rst", "org")},
    **{f"{mk}-news-above": _news_first(mk) for mk in ("html", "md", "rst")},
    # (iii) year lines over groups
    **{f"{mk}-year-line-{f}": _year_lines(mk, f) for mk in ("html", "md", "rst") for f in ("bare", "selected", "bold")},
}
#: shapes whose cards show no names: their gold has no authors
S15_NO_NAMES = frozenset(n for n in S15_SHAPES if "meta" in n)
HELD_OUT = HELD_OUT | frozenset(n for n in S15_SHAPES if _held_out(n))
SHAPES.update(S15_SHAPES)

# ------------------------------------------------------------------------------------------ session 16
# Items swallowed by a neighbour or read as its venue, in the markups other than Markdown (``--set
# s16``): a citation whose venue (or whole details) sits on the NEXT line, with the next citation
# on the line after, written with each markup's own line break (Typst ``\\``, AsciiDoc `` +``, R
# Markdown two spaces, Org ``\\\\``, reST line blocks, LaTeX ``\\\\``, HTML ``<br>``); a bold
# title line over its details line with no blank line between items; two citations in one table
# cell. The crc32 rule holds a third of them out.


def _title_details(m: Markup, ps: list[Paper]) -> list[tuple[str, str]]:
    """(bold title, "names. venue, year.") per paper: a title line over its details line."""
    return [(m.style(p.title, "b"), m.esc(f"{byline(p)}. {venue_line(p)}")) for p in ps]


def _rst_block(lines: list[str]) -> str:
    return "".join(f"| {x}\n" for x in lines) + "\n"


S16_SHAPES: dict[str, tuple[str, Shape]] = {
    "typ-venue-next-breaks": ("typ", lambda m, ps, s: "".join(f"{c} \\\n{v} \\\n" for c, v in _venue_next(m, ps, s))),
    "typ-venue-next-para": ("typ", lambda m, ps, s: "".join(f"{c} \\\n{v}\n\n" for c, v in _venue_next(m, ps, s))),
    "typ-title-details": ("typ", lambda m, ps, s: "".join(f"{t} \\\n{d} \\\n" for t, d in _title_details(m, ps))),
    "typ-list-venue-next": ("typ", lambda m, ps, s: "".join(f"- {c} \\\n  {v}\n" for c, v in _venue_next(m, ps, s))),
    "adoc-venue-next-para": ("adoc", lambda m, ps, s: "".join(f"{c} +\n{v}\n\n" for c, v in _venue_next(m, ps, s))),
    "adoc-title-details": ("adoc", lambda m, ps, s: " +\n".join(f"{t} +\n{d}" for t, d in _title_details(m, ps)) + "\n"),
    "adoc-list-venue-next": ("adoc", lambda m, ps, s: "".join(f"* {c} +\n{v}\n" for c, v in _venue_next(m, ps, s))),
    "rmd-hard-venue-next": ("rmd", lambda m, ps, s: "".join(f"{c}  \n{v}  \n" for c, v in _venue_next(m, ps, s))),
    "rmd-title-details": ("rmd", lambda m, ps, s: "".join(f"{t}  \n{d}  \n" for t, d in _title_details(m, ps))),
    "rmd-year-venue-next": ("rmd", lambda m, ps, s: _per_year(ps, lambda y, g: f"## {y}\n\n" + "".join(
        f"{c}  \n{v}  \n" for c, v in _venue_next(m, g, s)) + "\n")),
    "html-p-title-details": ("html", lambda m, ps, s: "<p>" + "<br>\n".join(
        f"{t}<br>\n{d}" for t, d in _title_details(m, ps)) + "</p>\n"),
    "html-li-venue-next": ("html", lambda m, ps, s: "<ul>\n" + "".join(
        f"<li>{c}<br>\n{v}</li>\n" for c, v in _venue_next(m, ps, s)) + "</ul>\n"),
    "html-td-pairs": ("html", lambda m, ps, s: "<table>\n" + "".join(
        "<tr><td>" + "<br><br>\n".join(_cits(m, g, s)) + "</td></tr>\n" for g in _pairs(ps)) + "</table>\n"),
    "html-div-venue-next": ("html", lambda m, ps, s: '<div class="pubs">\n' + "".join(
        f"{c}<br/>\n{v}<br/>\n" for c, v in _venue_next(m, ps, s)) + "</div>\n"),
    "org-venue-next-breaks": ("org", lambda m, ps, s: "".join(f"{c} \\\\\n{v} \\\\\n" for c, v in _venue_next(m, ps, s))),
    "org-title-details": ("org", lambda m, ps, s: "".join(f"{t} \\\\\n{d}\n\n" for t, d in _title_details(m, ps))),
    "rst-block-venue-next": ("rst", lambda m, ps, s: _rst_block([x for c, v in _venue_next(m, ps, s) for x in (c, v)])),
    "rst-block-title-details": ("rst", lambda m, ps, s: _rst_block([x for t, d in _title_details(m, ps) for x in (t, d)])),
    "tex-venue-next-breaks": ("tex", lambda m, ps, s: "".join(f"{c} \\\\\n{v} \\\\\n" for c, v in _venue_next(m, ps, s))),
    "tex-title-details": ("tex", lambda m, ps, s: "".join(f"{t} \\\\\n{d}\n\n" for t, d in _title_details(m, ps))),
}
HELD_OUT = HELD_OUT | frozenset(n for n in S16_SHAPES if _held_out(n))
SHAPES.update(S16_SHAPES)

# ------------------------------------------------------------------------------------------ session 19
# Whole lists collapsed into one item (``--set c19``): a numbered list pasted with its line ends
# lost, so its citations run together in one paragraph, line or cell, each after its number in one
# form ("1.", "(1)", "[1]", "1)"), counting up or down (a CV numbers its papers from the newest),
# in every markup, one line or hard-wrapped. Read as one entry, a whole list is lost. The crc32 rule
# holds a third of them out.

_FORMS = {"dot": "{}.", "paren": "({})", "bracket": "[{}]", "close": "{})"}


def _runon(m: Markup, ps: list[Paper], s: Callable[..., list[Piece]], form: str, down: bool = False,
           width: int = 0) -> str:
    """The papers' citations numbered in ``form`` and run into one line (hard-wrapped at ``width``)."""
    cits = _cits(m, ps, s)
    numbers = range(len(cits), 0, -1) if down else range(1, len(cits) + 1)
    line = " ".join(f"{_FORMS[form].format(n)} {c}" for n, c in zip(numbers, cits))
    return (_wrapped(line, width) if width else line) + "\n"


C19_SHAPES: dict[str, tuple[str, Shape]] = {
    "text-runon-dots": ("text", lambda m, ps, s: _runon(m, ps, s, "dot")),
    "text-runon-parens": ("text", lambda m, ps, s: _runon(m, ps, s, "paren")),
    "text-runon-down": ("text", lambda m, ps, s: _runon(m, ps, s, "dot", down=True)),
    "text-runon-wrapped": ("text", lambda m, ps, s: _runon(m, ps, s, "close", width=80)),
    "text-runon-brackets-wrapped": ("text", lambda m, ps, s: _runon(m, ps, s, "bracket", width=72)),
    "html-p-runon-dots": ("html", lambda m, ps, s: "<p>" + _runon(m, ps, s, "dot") + "</p>\n"),
    "html-p-runon-brackets": ("html", lambda m, ps, s: "<p>" + _runon(m, ps, s, "bracket") + "</p>\n"),
    "html-td-runon-parens": ("html", lambda m, ps, s: "<table><tr><td>" + _runon(m, ps, s, "paren") + "</td></tr></table>\n"),
    "html-div-runon-down": ("html", lambda m, ps, s: '<div class="pubs">' + _runon(m, ps, s, "dot", down=True) + "</div>\n"),
    "md-runon-brackets": ("md", lambda m, ps, s: _runon(m, ps, s, "bracket") + "\n"),
    "md-runon-parens-wrapped": ("md", lambda m, ps, s: _runon(m, ps, s, "paren", width=80) + "\n"),
    "org-runon-brackets": ("org", lambda m, ps, s: _runon(m, ps, s, "bracket") + "\n"),
    "rst-runon-parens": ("rst", lambda m, ps, s: _runon(m, ps, s, "paren") + "\n"),
    "adoc-runon-brackets": ("adoc", lambda m, ps, s: _runon(m, ps, s, "bracket") + "\n"),
    "tex-runon-brackets": ("tex", lambda m, ps, s: _runon(m, ps, s, "bracket") + "\n"),
}
HELD_OUT = HELD_OUT | frozenset(n for n in C19_SHAPES if _held_out(n))
SHAPES.update(C19_SHAPES)

# An AUTHOR LIST split off from the rest of the citation (``--set s19``): each paper written one
# block per line, its names alone in a block of their own (a Markdown, reST or Org paragraph per
# line, plain HTML <p> or <div> siblings), above the title or below it, as a "with X and Y" line,
# with or without a links line; the names written in each variant's style (inverted with initials,
# initials first, full names). Without a rule the names read as a title, or the lines as three
# items. The crc32 rule holds a third of them out.


def _names_line(p: Paper, style: Callable[..., list[Piece]], lead: str = "") -> str:
    """The paper's author list alone, in the variant's way of writing names."""
    if style is apa:
        names = [f"{f}, {_initials(g)}".strip(", ") for g, f in p.authors]
        who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + ", & " + names[-1]
    elif style is ieee:
        who = _join([f"{_initials(g)} {f}".strip() for g, f in p.authors])
    else:
        who = _join([f"{g} {f}".strip() for g, f in p.authors])
    return lead + who if p.authors else ""


def _role_lines(m: Markup, ps: list[Paper], s: Callable[..., list[Piece]], order: str, lead: str = "",
                links: bool = False) -> list[list[str]]:
    """Each paper's lines in ``order`` ("ntv": names, title, venue; "tnv": title first), escaped;
    a paper with no names has no names line; ``links``: a "PDF | DOI" line after them."""
    out = []
    for i, p in enumerate(ps):
        parts = {"n": m.esc(_names_line(p, s, lead)), "t": m.esc(p.title.rstrip(".")), "v": m.esc(venue_line(p) + ".")}
        lines = [parts[c] for c in order if parts[c]]
        if links:
            lines.append(f"{_link(m, f'https://example.org/{i}.pdf', 'PDF')} | {_link(m, f'https://example.org/{i}', 'Code')}")
        out.append(lines)
    return out


def _blocks(m: Markup, ps: list[Paper], s: Callable[..., list[Piece]], order: str, lead: str = "",
            links: bool = False, tag: str = "p") -> str:
    papers = _role_lines(m, ps, s, order, lead, links)
    if isinstance(m, Html):
        return "".join(f"<{tag}>{line}</{tag}>\n" for lines in papers for line in lines)
    return "\n".join(line + "\n" for lines in papers for line in lines)


S19_SHAPES: dict[str, tuple[str, Shape]] = {
    **{f"{mk}-para-names-title-venue": (mk, lambda m, ps, s: _blocks(m, ps, s, "ntv")) for mk in ("md", "rst", "org")},
    **{f"{mk}-para-title-names-venue": (mk, lambda m, ps, s: _blocks(m, ps, s, "tnv")) for mk in ("md", "rst", "org")},
    "md-para-title-with-venue": ("md", lambda m, ps, s: _blocks(m, ps, s, "tnv", lead="with ")),
    "md-para-names-title-venue-links": ("md", lambda m, ps, s: _blocks(m, ps, s, "ntv", links=True)),
    "html-p-names-title-venue": ("html", lambda m, ps, s: _blocks(m, ps, s, "ntv")),
    "html-p-title-names-venue": ("html", lambda m, ps, s: _blocks(m, ps, s, "tnv")),
    "html-div-names-title-venue": ("html", lambda m, ps, s: _blocks(m, ps, s, "ntv", tag="div")),
    "html-div-title-names-venue-links": ("html", lambda m, ps, s: _blocks(m, ps, s, "tnv", links=True, tag="div")),
    "html-p-title-with-venue": ("html", lambda m, ps, s: _blocks(m, ps, s, "tnv", lead="with ")),
    "html-p-venue-last-names-first-links": ("html", lambda m, ps, s: _blocks(m, ps, s, "ntv", links=True)),
}
HELD_OUT = HELD_OUT | frozenset(n for n in S19_SHAPES if _held_out(n))
SHAPES.update(S19_SHAPES)

# ------------------------------------------------------------------------------------------ contexts

BIO = ("I am an assistant professor in the Department of Earth Sciences at Northfield University, where I "
       "lead a small group that studies how rivers move sediment. Before that I was a postdoc in Lisbon.")
NAV = ["Home", "About", "Publications", "Teaching", "Contact"]
TALKS = ["Invited talk: Rivers that remember their floods. Department seminar, Lakeside University, March 2022.",
         "Keynote: What sediment tells us about climate. Annual Meeting of the Geoscience Society, Denver, 2021."]
TEACHING = ["GEO 101 Introduction to Earth Systems (Fall 2021, Fall 2022)",
            "GEO 340 Field Methods in Hydrology (Spring 2023)"]


#: the headings of a page in words no section classifier knows ("unnamed" context)
UNNAMED = ("Things I wrote", "Places I spoke", "Rooms I taught in")


def document(m: Markup, body: str, context: str) -> str:
    if context == "bare":
        return m.wrap(body)
    if context == "heading":
        return m.wrap(m.heading(1, "Publications") + "\n" + body)
    names = UNNAMED if context == "unnamed" else ("Publications", "Talks", "Teaching")
    parts = [m.bullets(NAV), m.heading(1, "Jane Q. Doe"), m.para(m.esc(BIO)), m.heading(2, names[0]), body,
             m.heading(2, names[1]), m.bullets([m.esc(t) for t in TALKS]), m.heading(2, names[2]),
             m.bullets([m.esc(t) for t in TEACHING])]
    return m.wrap("\n".join(parts))


CONTEXTS = ("bare", "heading", "page", "unnamed")
#: (style, list size) of the three documents of one cell
VARIANTS = (("apa", 3), ("ieee", 6), ("bold", 12))

# ------------------------------------------------------------------------------------------ run


def extract(text: str, name: str) -> list[dict]:
    """The entries refkit reads from ``text`` (file name ``name`` gives the format), as score.py reads a .bib."""
    import tempfile

    from refkit.io import read_string, write_string

    library = read_string(text, path=name)
    with tempfile.NamedTemporaryFile("w", suffix=".bib", delete=False, encoding="utf-8") as fh:
        fh.write(write_string(library, "bibtex"))
    try:
        return SCORER.read_bib(Path(fh.name))
    finally:
        Path(fh.name).unlink()


SCORER = None


def _prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return f"{p:.3f}/{r:.3f}/{2 * p * r / (p + r) if p + r else 0.0:.3f}"


def main() -> int:
    global SCORER
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shape", action="append", help="only shapes whose name starts with this (repeatable)")
    ap.add_argument("--context", action="append", choices=CONTEXTS)
    ap.add_argument("--scorer", type=Path, default=BESIDE / "shared" / "eval" / "score.py")
    ap.add_argument("--papers", type=Path, action="append",
                    help="folders of cases whose gold.json give the papers (default: the extract-real set, which "
                         "does not change, so runs compare)")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--group", choices=("tuned", "held-out", "all"), default="tuned",
                    help="tuned: every shape but the held-out third of the new ones (the default); held-out: only "
                         "those (report them at the start and the end of a piece of work, never tune on them)")
    ap.add_argument("--styles", choices=("default", "extra"), default="default",
                    help="extra: every cell in title-first, all-caps-author and Vancouver styles instead")
    ap.add_argument("--merged", action="store_true",
                    help="only the shapes with several papers in one block (session 15; their own held-out third)")
    ap.add_argument("--set", choices=("all", "s15", "s16", "c19", "s19"), default="all",
                    help="s15: only the session-15 shapes (title-first cards with a details line, non-paper lines "
                         "beside or inside the list, year lines over groups)")
    ap.add_argument("--dump", type=Path, help="write every generated document (and its gold) into this folder")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the unmatched titles of each weak document")
    args = ap.parse_args()
    SCORER = load_scorer(args.scorer)
    roots = args.papers or [BESIDE / "extract-real" / "cases"]
    pool = papers(roots)
    if len(pool) < 30:
        print(f"only {len(pool)} papers under {', '.join(map(str, roots))}: restore the dev sets first", file=sys.stderr)
        return 2
    shapes = [n for n in SHAPES if not args.shape or any(n.startswith(s) for s in args.shape)]
    if args.merged:
        shapes = [n for n in shapes if n in MERGED_SHAPES]
    if args.set == "s15":
        shapes = [n for n in shapes if n in S15_SHAPES]
    if args.set == "s16":
        shapes = [n for n in shapes if n in S16_SHAPES]
    if args.set == "c19":
        shapes = [n for n in shapes if n in C19_SHAPES]
    if args.set == "s19":
        shapes = [n for n in shapes if n in S19_SHAPES]
    if args.group != "all":
        shapes = [n for n in shapes if (n in HELD_OUT) == (args.group == "held-out")]
    variants = EXTRA_VARIANTS if args.styles == "extra" else VARIANTS
    contexts = [c for c in CONTEXTS if not args.context or c in args.context]
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
    print(f"{len(pool)} papers; {len(shapes)} shapes x {len(contexts)} contexts x {len(variants)} variants "
          f"({args.group} shapes, {args.styles} styles, seed {args.seed})")
    print(f"{'shape':22} " + " ".join(f"{c:>16}" for c in contexts) + "   recall  precis")
    totals = {"gold": 0, "pred": 0, "matched": 0}
    fields = {k: {f: 0 for f in SCORER.FIELDS} for k in ("tp", "fp", "fn")}
    no_names = 0  # unmatched predictions with a year and no names (a talk, award, details line...)
    groups = {g: {"gold": 0, "pred": 0, "matched": 0} for g in ("tuned", "held-out")}
    weak_cells = 0
    started = time.perf_counter()
    for shape in shapes:
        markup_name, build = SHAPES[shape]
        m = MARKUPS[markup_name]
        row = []
        srow = {"gold": 0, "pred": 0, "matched": 0}
        notes: list[str] = []
        for context in contexts:
            cell = {"gold": 0, "pred": 0, "matched": 0}
            for v, (style, size) in enumerate(variants):
                rng = random.Random(f"{args.seed}-{shape}-{context}-{v}")
                chosen = rng.sample(pool, size)
                text = document(m, build(m, chosen, STYLES[style]), context)
                name = f"{shape}-{context}-{style}{size}{m.ext}"
                gold = [p.gold() for p in chosen]
                if shape in S15_NO_NAMES:
                    gold = [dict(g, authors=[]) for g in gold]
                gold = [g if not g["doi"] or g["doi"] in text else dict(g, doi=None) for g in gold]  # shown only
                if args.dump:
                    (args.dump / name).write_text(text, encoding="utf-8")
                    (args.dump / (name + ".gold.json")).write_text(json.dumps(gold, indent=1, ensure_ascii=False), encoding="utf-8")
                try:
                    pred = extract(text, name)
                except Exception as exc:  # a failure is a cell that found nothing, and said why
                    pred = []
                    notes.append(f"    {name}: FAILED {type(exc).__name__}: {exc}")
                res = SCORER.score_case(gold, pred)
                for k in fields:
                    for f in fields[k]:
                        fields[k][f] += res[k][f]
                hit = {pi for _, pi in SCORER.match(gold, pred)}
                no_names += sum(1 for pi, e in enumerate(pred) if pi not in hit and e["year"] and not e["families"])
                for k in cell:
                    cell[k] += res[k]
                if args.verbose and res["matched"] < res["gold"] or args.verbose and res["pred"] > res["matched"]:
                    notes.append(f"    {name}: {res['matched']}/{res['gold']} matched, {res['pred']} predicted")
                    notes.extend(f"      {p}" for p in res["problems"] if p.startswith(("missed", "spurious")))
            for k in cell:
                srow[k] += cell[k]
                totals[k] += cell[k]
                groups["held-out" if shape in HELD_OUT else "tuned"][k] += cell[k]
            mark = "*" if cell["matched"] < 0.9 * cell["gold"] or cell["pred"] > 1.1 * cell["gold"] else " "
            weak_cells += mark == "*"
            row.append(f"{cell['matched']:3d}/{cell['gold']:<3d}({cell['pred']:3d}){mark}")
        recall = srow["matched"] / srow["gold"] if srow["gold"] else 1.0
        precision = srow["matched"] / srow["pred"] if srow["pred"] else 1.0
        print(f"{shape:22} " + " ".join(f"{c:>16}" for c in row) + f"   {recall:6.3f}  {precision:6.3f}", flush=True)
        for line in notes:
            print(line)
    recall = totals["matched"] / totals["gold"] if totals["gold"] else 1.0
    precision = totals["matched"] / totals["pred"] if totals["pred"] else 1.0
    print(f"\nitem recall {recall:.3f}  precision {precision:.3f}  "
          f"({totals['matched']} matched of {totals['gold']} written, {totals['pred']} predicted); "
          f"weak cells (*: <90% matched or >110% predicted): {weak_cells} of {len(shapes) * len(contexts)}; "
          f"{time.perf_counter() - started:.0f} s")
    print("fields (P/R/F1): " + "  ".join(
        f"{f} {_prf(fields['tp'][f], fields['fp'][f], fields['fn'][f])}" for f in SCORER.FIELDS if f not in ("arxiv",)))
    print(f"unmatched predictions with a year and no names: {no_names}")
    if args.group == "all":
        for g, t in groups.items():
            if t["gold"]:
                print(f"  {g} shapes: item recall {t['matched'] / t['gold']:.3f}  precision "
                      f"{t['matched'] / t['pred'] if t['pred'] else 1.0:.3f}  ({t['matched']}/{t['gold']}, {t['pred']} predicted)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
