#!/usr/bin/env python3
"""Year sections: whole-CV HTML pages whose sections (papers, talks, teaching, grants, news, service,
awards, media) are each split by year sub-headings, in many layouts of section names and years.

    python benchmarks/year_sections.py                   # tuned half of the layouts, seed 1
    python benchmarks/year_sections.py --group check     # the check half (start and end only)
    python benchmarks/year_sections.py --seed 2 -v       # another sample, misses and spurious listed
    python benchmarks/year_sections.py --layout h5/h4 --dump /tmp/ys   # one layout, documents written

Why: on held-out HTML pages, non-paper items (talks, posters, news, teaching ...) came out as
entries with a venue and no author names; nearly all of them sat under a year heading that sat
under a heading refkit's own section classifier names as a non-paper kind. The section was known
but its items leaked through the year level. Pages write that structure in many ways the heading
ranks do not show: a section name of LOWER rank than its years (``<h5>Talks</h5>`` over
``<h4>2021</h4>``), of equal rank, a bold paragraph or a ``<div class="section-title">`` over
``<h3>`` years, a name in a card header, a ``<summary>``, a tab label, an icon or an anchor inside
the heading; years as headings, bold lines, ``<span class="year">``, ``<dt>``, table rows or
timeline blocks. A layout here is one way to name sections crossed with one way to write years;
every page holds a publications section between two to four other sections, all split by years,
and some talk, poster and teaching items written to look like papers ("Title. Invited talk,
NeurIPS 2021, Vancouver, Canada"). Papers are real records (the gold entries of ../extract-real,
as benchmarks/shape_matrix.py samples them); a fifth are shown with no names (the owner's own).

Layouts are split in two fixed halves by crc32 of their name: ``--group tuned`` (the default) and
``--group check`` (never tuned on: report it at the start and end of a piece of work only).
Reported per layout and in total: papers matched / written, entries predicted, and unmatched
predictions with a year and no names (the held-out kind).
"""

from __future__ import annotations

import argparse
import html
import re
import random
import sys
import time
import zlib
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
import dated_sections as ds  # noqa: E402
import shape_matrix as sm  # noqa: E402
from score_real import BESIDE, load_scorer  # noqa: E402

#: section names of the kinds written here (English: the languages are dated_sections' concern)
NAMES = {"pub": "Publications", "talks": "Invited Talks", "conf": "Conference Presentations", "posters": "Posters",
         "awards": "Honors and Awards", "grants": "Grants", "news": "News", "teaching": "Teaching",
         "service": "Professional Service", "media": "In the Media"}
VENUES = ("NeurIPS", "ICML", "ICLR", "CVPR", "ACL", "EMNLP", "KDD", "AAAI", "SIGGRAPH", "CHI")
PLACES = ("Vancouver, Canada", "Vienna, Austria", "New Orleans, LA", "Seoul, Korea", "Honolulu, HI", "Paris, France")
ESC = html.escape
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def paperlike_line(kind: str, rng: random.Random, title: str, year: int) -> str | None:
    """A non-paper item written the way a paper is (a title, a venue acronym with its year), or None."""
    t = title.rstrip(".")
    v, place = rng.choice(VENUES), rng.choice(PLACES)
    if kind in ("talks", "conf"):
        return rng.choice([f"{t}. Invited talk, {v} {year}, {place}.", f"{t}. Keynote, {v} Workshop on Robust Learning, {year}.",
                           f"{t}. Oral presentation at {v} {year}, {place}.", f"\u201c{t}\u201d, {v} {year} tutorial."])
    if kind == "posters":
        return rng.choice([f"{t}. Poster at {v} {year}.", f"{t}. Poster presented at {v} {year}, {place}.",
                           f"Poster: {t}. {v} {year}."])
    if kind == "teaching":
        return rng.choice([f"Guest lecture: {t}. Summer School on Machine Learning, {place}, {year}.",
                           f"CS 229: Machine Learning. Stanford University, Fall {year}.",
                           f"Tutorial on {t}, {v} {year}."])
    if kind == "news":
        return rng.choice([f"{ds.MONTHS[year % len(ds.MONTHS)]} {year}: \u201c{t}\u201d accepted at {v} {year}!",
                           f"{year}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}: our paper {t} was accepted to {v}."])
    return None


def other_item(kind: str, rng: random.Random, titles: list[str], year: int) -> str:
    line = paperlike_line(kind, rng, rng.choice(titles), year) if rng.random() < 0.5 else None
    if line is None:  # dated_sections' lines, with this year
        line = _YEAR.sub(str(year), ds.dated_line("talks" if kind == "posters" else kind, rng, titles), count=1)
    return ESC(line, quote=False)


# ------------------------------------------------------------------------------------------ layouts
# a section is (kind, name, [(year, [item html])]); a year form writes one section's years and
# items; a name form writes the section around that body. A layout is a (name form, year form).

Years = list[tuple[int, list[str]]]


def _ul(items: list[str]) -> str:
    return "<ul>\n" + "".join(f"  <li>{i}</li>\n" for i in items) + "</ul>\n"


def _h(rank: int) -> Callable[[Years], str]:
    return lambda ys: "".join(f"<h{rank}>{y}</h{rank}>\n" + _ul(items) for y, items in ys)


def _strong_p(ys: Years) -> str:
    return "".join(f"<p><strong>{y}</strong></p>\n" + _ul(items) for y, items in ys)


def _span_year(ys: Years) -> str:
    return "".join(f'<div class="year-group"><span class="year">{y}</span>\n' + _ul(items) + "</div>\n" for y, items in ys)


def _div_year(ys: Years) -> str:
    return "".join(f'<div class="year">{y}</div>\n' + "".join(f"<p>{i}</p>\n" for i in items) for y, items in ys)


def _dt(ys: Years) -> str:
    return "<dl>\n" + "".join(f"<dt>{y}</dt>\n<dd>{_ul(items)}</dd>\n" for y, items in ys) + "</dl>\n"


def _table_rows(ys: Years) -> str:
    rows = "".join(f"<tr><td>{y}</td><td>{i}</td></tr>\n" for y, items in ys for i in items)
    return f'<table class="cv-table">\n{rows}</table>\n'


def _timeline(ys: Years) -> str:
    return "".join(f'<div class="timeline-item"><div class="timeline-date">{y}</div><div class="timeline-content">{i}</div></div>\n'
                   for y, items in ys for i in items)


def _year_in_li(ys: Years) -> str:
    return _ul([f'<span class="year">{y}</span> {i}' for y, items in ys for i in items])


def _bold_br(ys: Years) -> str:
    return "".join(f"<p><b>{y}</b><br>\n" + "<br>\n".join(items) + "</p>\n" for y, items in ys)


YEAR_FORMS: dict[str, Callable[[Years], str]] = {
    "h2": _h(2), "h3": _h(3), "h4": _h(4), "strong-p": _strong_p, "span-year": _span_year, "div-year": _div_year,
    "dt": _dt, "table-rows": _table_rows, "timeline": _timeline, "year-in-li": _year_in_li, "bold-br": _bold_br,
}


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


def _named(rank: int) -> Callable[[str, str], str]:
    return lambda name, body: f"<h{rank}>{ESC(name)}</h{rank}>\n{body}"


NAME_FORMS: dict[str, Callable[[str, str], str]] = {
    "h2": _named(2), "h3": _named(3), "h4": _named(4), "h5": _named(5), "h6": _named(6),
    "bold-p": lambda n, b: f"<p><strong>{ESC(n)}</strong></p>\n{b}",
    "section-title": lambda n, b: f'<div class="section-title">{ESC(n)}</div>\n{b}',
    "icon-h5": lambda n, b: f'<h5 class="title"><i class="fa fa-bookmark"></i> <span>{ESC(n)}</span></h5>\n{b}',
    "anchor-h6": lambda n, b: f'<h6 id="{_slug(n)}"><a class="anchor" href="#{_slug(n)}">#</a> {ESC(n)}</h6>\n{b}',
    "section-h5": lambda n, b: f'<section class="cv-section" id="s-{_slug(n)[:3]}"><h5>{ESC(n)}</h5>\n{b}</section>\n',
    "article-header": lambda n, b: f'<article><header><span class="kicker">{ESC(n)}</span></header>\n{b}</article>\n',
    "card": lambda n, b: f'<div class="card"><div class="card-header">{ESC(n)}</div><div class="card-body">\n{b}</div></div>\n',
    "details": lambda n, b: f"<details open><summary>{ESC(n)}</summary>\n{b}</details>\n",
    "accordion": lambda n, b: f'<button class="accordion">{ESC(n)}</button>\n<div class="panel">\n{b}</div>\n',
    "tab-pane": lambda n, b: f'<div class="tab-pane" id="{_slug(n)}">\n{b}</div>\n',
    "nav-section": lambda n, b: f'<section id="{_slug(n)}">\n{b}</section>\n',
}
#: name forms whose names are written once in a navigation list above the sections
NAV_FORMS = {"tab-pane", "nav-section"}

LAYOUTS = [f"{n}/{y}" for n in NAME_FORMS for y in YEAR_FORMS]


def group(layout: str) -> str:
    """A layout's fixed half: ``check`` for about half the layouts by crc32 of the name."""
    return "check" if zlib.crc32(layout.encode()) % 2 else "tuned"


# ------------------------------------------------------------------------------------------ pages


def _years(rng: random.Random, k: int) -> list[int]:
    return sorted(rng.sample(range(2012, 2025), k), reverse=True)


def page(layout: str, ps: list[sm.Paper], pool: list[sm.Paper], rng: random.Random) -> tuple[str, list[dict]]:
    """A whole CV: a bio, publications and 2-4 other sections, each split by years, in ``layout``."""
    name_form, year_form = layout.split("/")
    style = rng.choice(("apa", "ieee", "bold"))
    m = sm.MARKUPS["html"]
    by_year: dict[int, list[str]] = {}
    gold = []
    for p in ps:
        named = rng.random() >= 0.2
        by_year.setdefault(p.year, []).append(ds.paper_line(m, p, style, named))
        g = p.gold()
        gold.append(g if named else dict(g, authors=[]))
    titles = [q.title for q in pool if q not in ps]
    sections: list[tuple[str, Years]] = [("pub", sorted(by_year.items(), reverse=True))]
    for kind in rng.sample([k for k in NAMES if k != "pub"], rng.randint(2, 4)):
        sections.append((kind, [(y, [other_item(kind, rng, titles, y) for _ in range(rng.randint(1, 3))])
                                for y in _years(rng, rng.randint(2, 3))]))
    rng.shuffle(sections)
    body = [f"<h1>Jane Q. Doe</h1>\n<p>{ESC(ds.BIO)}</p>\n"]
    if name_form in NAV_FORMS:
        body.append('<nav><ul class="nav">' + "".join(f'<li><a href="#{_slug(NAMES[k])}">{ESC(NAMES[k])}</a></li>' for k, _ in sections)
                    + "</ul></nav>\n")
    for kind, ys in sections:
        body.append(NAME_FORMS[name_form](NAMES[kind], YEAR_FORMS[year_form](ys)))
    text = m.wrap("".join(body))
    return text, [g if not g["doi"] or g["doi"] in text else dict(g, doi=None) for g in gold]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--group", choices=("tuned", "check", "all"), default="tuned")
    ap.add_argument("--layout", action="append", help="only layouts whose name starts with this (repeatable)")
    ap.add_argument("--pages", type=int, default=1, help="pages per layout")
    ap.add_argument("--papers", type=Path, action="append")
    ap.add_argument("--scorer", type=Path, default=BESIDE / "shared" / "eval" / "score.py")
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--quiet", action="store_true", help="totals only, no row per layout")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    sm.SCORER = load_scorer(args.scorer)
    scorer = sm.SCORER
    pool = [p for p in sm.papers(args.papers or [BESIDE / "extract-real" / "cases"]) if 2012 <= p.year <= 2024]
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    total = {"gold": 0, "pred": 0, "matched": 0, "nonames": 0}
    layouts = [lay for lay in LAYOUTS if (args.group == "all" or group(lay) == args.group)
               and (not args.layout or lay.startswith(tuple(args.layout)))]
    print(f"{len(pool)} papers; seed {args.seed}; {args.group} group: {len(layouts)} layouts")
    if not args.quiet:
        print(f"{'layout':28} {'matched/gold':>14} {'pred':>5} {'no-names':>9}")
    for layout in layouts:
        row = {"gold": 0, "pred": 0, "matched": 0, "nonames": 0}
        notes = []
        for k in range(args.pages):
            rng = random.Random(f"{args.seed}-{layout}-{k}")
            text, gold = page(layout, rng.sample(pool, rng.randint(5, 9)), pool, rng)
            name = f"{layout.replace('/', '_')}-{k}.html"
            ds.score_page(scorer, text, gold, name, row, notes, args.dump, args.verbose)
        for key in row:
            total[key] += row[key]
        if not args.quiet:
            print(f"{layout:28} {row['matched']:6d}/{row['gold']:<7d} {row['pred']:5d} {row['nonames']:9d}", flush=True)
        for line in notes:
            print(line)
    ds.print_total(total, started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
