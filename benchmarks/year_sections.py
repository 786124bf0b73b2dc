#!/usr/bin/env python3
"""Year sections: whole-CV HTML pages whose sections (papers, talks, teaching, grants, news, service,
awards, media) are each split by year sub-headings, in many layouts of section names and years.

    python benchmarks/year_sections.py                   # tuned half of the layouts, seed 1
    python benchmarks/year_sections.py --group check     # the check half (start and end only)
    python benchmarks/year_sections.py --seed 2 -v       # another sample, misses and spurious listed
    python benchmarks/year_sections.py --layout h5/h4 --dump /tmp/ys   # one layout, documents written
    python benchmarks/year_sections.py --family eq -v    # the equal-rank shape and its counter-cases only

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

A second family (``--family eq``, 144 layouts ``eq-hR/BETWEEN/YEARS/PAGE``) writes the shape that
leaked most on held-out pages: a heading naming a section, words under it (an intro, an image with
a caption, a line of links, a "last updated" date), then year headings of the SAME rank
(``<h3>Talks</h3><p>Intro</p><h3>2021</h3>``) for ranks h2-h5, years written as plain years, ranges
("2019-2021", "2022 - present") or plain years closed by "Older"/"Earlier"/"Before 2015"; talk and
poster items also with the owner's name ("J. Q. Doe. “Title.” Meeting, City, June 2019"). Pages:
``cv`` (every section so, papers too), ``news`` (the counter-case: a News block of dated one-liners,
then same-rank years holding the papers under no Publications heading, then other sections),
``switch`` (years of talks, then Publications and its years, then more). ``--family base`` or
``eq`` runs one family; totals are printed per family.

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

# ------------------------------------------------------------------------------------------ equal ranks
# The held-out shape: a heading naming a section, words under it (an intro, an image, links, a date),
# then year headings of the SAME rank: ``<h3>Talks</h3><p>Intro</p><h3>2021</h3><ul>...</ul>``. Nothing
# in the ranks says the years belong to the talks; what the page holds says it. Counter-cases on the
# same shape: a News block of dated one-liners followed by year headings holding the papers (no
# Publications heading), a Publications heading with an intro over years of papers, years of talks
# followed by a Publications heading and more years. Layout ``eq-hR/BETWEEN/YEARS/PAGE``.

OWNER = "Jane Q. Doe"
INTROS = ("Below is a list of my {n}, most recent first. Slides and recordings are linked where available.",
          "A selection of {n} from the last years; please get in touch for a full list.",
          "{N} are listed by year.")


def _between(kind: str, form: str, rng: random.Random) -> str:
    """What stands between a section's name and its first year heading (never an item)."""
    n = NAMES[kind].lower()
    intro = rng.choice(INTROS).format(n=n, N=NAMES[kind])
    if form == "intro":
        return f"<p>{ESC(intro)}</p>\n"
    if form == "img":
        return f'<p><img src="img/{_slug(n)}.jpg" alt="{ESC(NAMES[kind])}" width="300"></p>\n<p class="caption">{ESC(intro)}</p>\n'
    if form == "links":
        return ('<p>See also: <a href="slides/">slides</a> | <a href="https://www.youtube.com/@janedoe">videos</a> | '
                '<a href="https://scholar.google.com/citations?user=abc">Google Scholar</a></p>\n')
    return f"<p><em>Last updated {rng.choice(ds.MONTHS)} 2024.</em></p>\n"  # "date"


def _year_labels(years: list[int], form: str, rng: random.Random) -> list[tuple[str, list[int]]]:
    """Year headings for ``years`` (newest first): one per year, ranges, or years then "Older"."""
    if form == "range" and len(years) > 1:
        groups: list[tuple[str, list[int]]] = []
        first = True
        rest = list(years)
        while rest:
            k = rng.randint(1, 3)
            chunk, rest = rest[:k], rest[k:]
            if first and rng.random() < 0.5:
                label = f"{chunk[-1]} - present"
            elif len(chunk) == 1:
                label = str(chunk[0])
            else:
                label = rng.choice((f"{chunk[-1]}-{chunk[0]}", f"{chunk[-1]} \u2013 {chunk[0]}", f"{chunk[-1]}\u2013{chunk[0]}"))
            first = False
            groups.append((label, chunk))
        return groups
    if form == "older" and len(years) > 2:
        cut = rng.randint(1, len(years) - 1)
        old = years[cut:]
        label = rng.choice(("Older", "Earlier", f"Before {old[0] + 1}", f"{old[0]} and earlier", f"Pre-{old[0] + 1}"))
        return [(str(y), [y]) for y in years[:cut]] + [(label, old)]
    return [(str(y), [y]) for y in years]


def _owner_talk(kind: str, rng: random.Random, titles: list[str], year: int) -> str:
    """A non-paper item that shows the owner's name as a citation does."""
    t = rng.choice(titles).rstrip(".")
    who = rng.choice(("J. Q. Doe", "Doe, J. Q.", "Jane Q. Doe", "<b>J. Doe</b>"))
    if kind == "posters":
        return f"{who}. {ESC(t)}. Poster, {rng.choice(VENUES)} {year}, {rng.choice(PLACES)}."
    if kind in ("talks", "conf"):
        return f"{who}. \u201c{ESC(t)}.\u201d {rng.choice(ds.MEETINGS)}, {rng.choice(ds.CITIES)}, {rng.choice(ds.MONTHS)} {year}."
    return other_item(kind, rng, titles, year)


def _run(rank: int, years_form: str, rng: random.Random, by_year: dict[int, list[str]]) -> str:
    """Same-rank year headings over their items."""
    out = []
    listed = rng.choice(("ul", "ol", "p"))
    for label, ys in _year_labels(sorted(by_year, reverse=True), years_form, rng):
        items = [i for y in ys for i in by_year[y]]
        if listed == "p":
            body = "".join(f"<p>{i}</p>\n" for i in items)
        else:
            body = f"<{listed}>\n" + "".join(f"  <li>{i}</li>\n" for i in items) + f"</{listed}>\n"
        out.append(f"<h{rank}>{ESC(label)}</h{rank}>\n{body}")
    return "".join(out)


EQ_BETWEEN = ("intro", "img", "links", "date")
EQ_YEARS = ("plain", "range", "older")
EQ_PAGES = ("cv", "news", "switch")
EQ_LAYOUTS = [f"eq-h{r}/{b}/{y}/{pg}" for r in (2, 3, 4, 5) for b in EQ_BETWEEN for y in EQ_YEARS for pg in EQ_PAGES]


def eq_page(layout: str, ps: list[sm.Paper], pool: list[sm.Paper], rng: random.Random) -> tuple[str, list[dict]]:
    """A page of ``eq-hR/BETWEEN/YEARS/PAGE``: ``cv`` every section (papers too) named, words, same-rank
    years; ``news`` a News block of dated one-liners, then same-rank years of papers under no
    Publications heading, then other sections; ``switch`` other sections' years, then Publications with
    its years, then more."""
    head, between, years_form, kind_of_page = layout.split("/")
    rank = int(head[-1])
    style = rng.choice(("apa", "ieee", "bold"))
    m = sm.MARKUPS["html"]
    papers: dict[int, list[str]] = {}
    gold = []
    for p in ps:
        named = rng.random() >= 0.2
        papers.setdefault(p.year, []).append(ds.paper_line(m, p, style, named))
        g = p.gold()
        gold.append(g if named else dict(g, authors=[]))
    titles = [q.title for q in pool if q not in ps]

    def other(kind: str) -> str:
        items = {y: [(_owner_talk if rng.random() < 0.3 else other_item)(kind, rng, titles, y) for _ in range(rng.randint(1, 3))]
                 for y in _years(rng, rng.randint(2, 4))}
        return f"<h{rank}>{ESC(NAMES[kind])}</h{rank}>\n" + _between(kind, between, rng) + _run(rank, years_form, rng, items)

    pubs = f"<h{rank}>{ESC(NAMES['pub'])}</h{rank}>\n" + (_between("pub", between, rng) if rng.random() < 0.8 else "") \
        + _run(rank, years_form, rng, papers)
    kinds = rng.sample([k for k in NAMES if k not in ("pub", "news")], 3)
    top = f"<h{max(rank - 1, 1)}>{OWNER}</h{max(rank - 1, 1)}>\n<p>{ESC(ds.BIO)}</p>\n"
    if kind_of_page == "news":
        lines = [ESC(_YEAR.sub(str(2024 - k // 2), ds.dated_line("news", rng, titles), count=1)) for k in range(rng.randint(2, 4))]
        news = "".join(f"<p>{x}</p>\n" for x in lines) if rng.random() < 0.5 else _ul(lines)
        body = [top, f"<h{rank}>{ESC(NAMES['news'])}</h{rank}>\n{news}", _run(rank, years_form, rng, papers)]
        body += [other(k) for k in kinds[:rng.randint(0, 2)]]
    elif kind_of_page == "switch":
        body = [top] + [other(k) for k in kinds[:rng.randint(1, 2)]] + [pubs] + [other(k) for k in kinds[2:][:rng.randint(0, 1)]]
    else:
        sections = [pubs] + [other(k) for k in rng.sample(kinds + ["news"], rng.randint(2, 3))]
        rng.shuffle(sections)
        body = [top] + sections
    text = m.wrap("".join(body))
    return text, [g if not g["doi"] or g["doi"] in text else dict(g, doi=None) for g in gold]


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
    ap.add_argument("--family", choices=("base", "eq", "all"), default="all",
                    help="base: the 176 name x year forms; eq: the equal-rank shape and its counter-cases")
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
    totals = {fam: {"gold": 0, "pred": 0, "matched": 0, "nonames": 0} for fam in ("base", "eq")}
    family = {lay: "base" for lay in LAYOUTS} | {lay: "eq" for lay in EQ_LAYOUTS}
    layouts = [lay for lay in family if args.family in ("all", family[lay]) and (args.group == "all" or group(lay) == args.group)
               and (not args.layout or lay.startswith(tuple(args.layout)))]
    print(f"{len(pool)} papers; seed {args.seed}; {args.group} group: {len(layouts)} layouts")
    if not args.quiet:
        print(f"{'layout':28} {'matched/gold':>14} {'pred':>5} {'no-names':>9}")
    for layout in layouts:
        row = {"gold": 0, "pred": 0, "matched": 0, "nonames": 0}
        notes = []
        for k in range(args.pages):
            rng = random.Random(f"{args.seed}-{layout}-{k}")
            text, gold = (eq_page if family[layout] == "eq" else page)(layout, rng.sample(pool, rng.randint(5, 9)), pool, rng)
            name = f"{layout.replace('/', '_')}-{k}.html"
            ds.score_page(scorer, text, gold, name, row, notes, args.dump, args.verbose)
        for key in row:
            totals[family[layout]][key] += row[key]
        if not args.quiet:
            print(f"{layout:28} {row['matched']:6d}/{row['gold']:<7d} {row['pred']:5d} {row['nonames']:9d}", flush=True)
        for line in notes:
            print(line)
    for fam, total in totals.items():
        if total["gold"]:
            print(f"{fam}:", end="")
            ds.print_total(total, started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
