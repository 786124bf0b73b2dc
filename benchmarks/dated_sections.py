#!/usr/bin/env python3
"""Dated sections: a CV page whose papers sit beside dated lines that are not papers, headed in
forms other than heading tags, and papers split into a title line over a details line.

    python benchmarks/dated_sections.py                  # tuning seed (1), tuned forms
    python benchmarks/dated_sections.py --seed 2 --forms check   # a check: other seed, other forms
    python benchmarks/dated_sections.py --markup html -v # one markup, misses and spurious listed
    python benchmarks/dated_sections.py --dump /tmp/ds   # also write every generated document

Why: the held-out set shows spurious entries with a year and no author names (HTML 58, reST 17,
Markdown 8) where the dev set shows almost none: dated lines that are not papers (invited talks
with a quoted title, conference presentations, awards, grants, news, teaching, service, media)
read as entries, because the heading that says what they are is not a heading tag (a bold
paragraph, a ``<div class="cv-label">``, a plain short line, a tab pane named by its id, a
table's header row, a LaTeX ``\\marginpar`` macro, a reST rubric), or is in another language; and
a paper written as a title line over a details line read as two entries. The shared dev corpus
cannot show it (its pages are laid out otherwise), so the pages are generated here from REAL
records (the gold entries of the development sets, as benchmarks/shape_matrix.py samples them):
each page a bio, a publications section (papers in a citation style, a fifth of them shown with
no names, as a page owner's sole-authored papers often are: their gold has no authors) and two to
four other sections of dated lines (talk titles are other real paper titles), in a random order,
each section headed in one heading form in one language.

Heading forms and languages are split in two fixed halves: ``--forms tuned`` (the default) and
``--forms check`` (never tuned on: report them). Seeds pick the papers, the sections and their
order; tune with --seed 1, check with --seed 2 and 3. Reported: papers matched / written,
entries predicted, unmatched predictions with a year and no names (the held-out kind), per
markup and per heading form.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import shape_matrix as sm  # noqa: E402
from score_real import BESIDE, load_scorer  # noqa: E402

# ------------------------------------------------------------------------------------------ words

#: section names per kind and language (en, de, fr, es, pt, it)
NAMES = {
    "pub": ("Publications", "Veröffentlichungen", "Publications", "Publicaciones", "Publicações", "Pubblicazioni"),
    "talks": ("Invited Talks", "Vorträge", "Conférences invitées", "Charlas invitadas", "Palestras", "Seminari"),
    "conf": ("Conference Presentations", "Tagungsbeiträge (Vorträge)", "Communications orales", "Ponencias en congresos",
             "Apresentações em congressos", "Presentazioni a convegni"),
    "awards": ("Honors and Awards", "Auszeichnungen", "Prix et distinctions", "Premios", "Prêmios", "Premi"),
    "grants": ("Grants", "Drittmittel", "Financements", "Financiación", "Financiamentos", "Finanziamenti"),
    "news": ("News", "Neuigkeiten", "Actualités", "Noticias", "Notícias", "Notizie"),
    "teaching": ("Teaching", "Lehre", "Enseignement", "Docencia", "Ensino", "Didattica"),
    "service": ("Professional Service", "Gutachtertätigkeit", "Service à la communauté", "Servicio profesional",
                "Atividades profissionais", "Servizio alla comunità"),
    "media": ("In the Media", "Presse", "Dans les médias", "En los medios", "Na mídia", "Nei media"),
}
LANGS = ("en", "de", "fr", "es", "pt", "it")
KINDS = [k for k in NAMES if k != "pub"]

PLACES = ("University of Westbrook", "Lakeside Institute of Technology", "Northfield College", "Max Planck Institute",
          "Universidad de Montalba", "Kestrel Research Centre", "Department of Economics, Hillcrest University",
          "Sciences Po, Paris", "Universität Rheinau", "Instituto Serrano", "Graduate School of Business, Eastport")
CITIES = ("Boston", "Denver", "Lisbon", "Madrid", "Berlin", "Kyoto", "Toronto", "Chicago", "Vienna", "Santiago")
MEETINGS = ("Annual Meeting of the American Sociological Association", "EGU General Assembly", "AGU Fall Meeting",
            "Annual Conference of the Society for Economic Dynamics", "European Meeting of Statisticians",
            "International Congress of Ecology", "Workshop on Graph Learning", "Joint Statistical Meetings")
MONTHS = ("January", "March", "April", "June", "August", "September", "October", "December")
PRIZES = ("Best Paper Award", "Outstanding Reviewer Award", "Early Career Award", "Teaching Excellence Award",
          "Dissertation Prize", "Fellowship for Young Researchers")
FUNDERS = ("National Science Foundation", "European Research Council", "Deutsche Forschungsgemeinschaft",
           "Agence Nationale de la Recherche", "Fundação para a Ciência e a Tecnologia")
COURSES = ("Introduction to Econometrics", "Field Methods in Hydrology", "Applied Regression", "Cell Biology Laboratory",
           "Social Theory", "Machine Learning for Scientists")
OUTLETS = ("The Daily Courier", "Science Weekly", "National Public Radio", "Le Monde", "El País", "The Conversation")
JOURNALS = ("Journal of Applied Ecology", "American Sociological Review", "Physical Review Letters", "Water Resources Research",
            "Journal of Political Economy")


def dated_line(kind: str, rng: random.Random, titles: list[str]) -> str:
    """One line of a non-paper section: what a CV writes for ``kind``, with a year."""
    y = rng.randint(2008, 2024)
    t = rng.choice(titles).rstrip(".")
    if kind == "talks":
        return rng.choice([
            f"\u201c{t}.\u201d {rng.choice(PLACES)}, {y}.",
            f"\u201c{t}.\u201d {rng.choice(PLACES)}, {rng.choice(CITIES)}, {rng.choice(MONTHS)} {y}.",
            f"{t}. Invited seminar, {rng.choice(PLACES)}, {y}.",
            f"Invited talk: \u201c{t}\u201d, {rng.choice(PLACES)}, {rng.choice(MONTHS)} {y}",
            f"{rng.choice(PLACES)}, {rng.choice(MONTHS)} {y}: \u201c{t}\u201d",
        ])
    if kind == "conf":
        return rng.choice([
            f"\u201c{t}.\u201d {rng.choice(MEETINGS)}, {rng.choice(CITIES)}, {rng.choice(MONTHS)} {y}.",
            f"{t}. {rng.choice(MEETINGS)}, {rng.choice(CITIES)}, {y} (poster).",
            f"Invited discussant, \u201c{t}.\u201d {rng.choice(MEETINGS)}, {rng.choice(CITIES)}, {y}.",
            f"{rng.choice(MEETINGS)} {y}, {rng.choice(CITIES)}: {t}",
        ])
    if kind == "awards":
        return rng.choice([f"{rng.choice(PRIZES)}, {rng.choice(MEETINGS)}, {y}.", f"{y} {rng.choice(PRIZES)}, {rng.choice(PLACES)}",
                           f"{rng.choice(PRIZES)} ({y})"])
    if kind == "grants":
        return rng.choice([f"{rng.choice(FUNDERS)}, \u201c{t}\u201d, {y}\u2013{y + 3}, ${rng.randint(50, 900)},000 (PI).",
                           f"{y}\u2013{y + 2}: {rng.choice(FUNDERS)} research grant, {rng.choice(PLACES)}"])
    if kind == "news":
        return rng.choice([f"{rng.choice(MONTHS)} {y}: our paper was accepted at {rng.choice(JOURNALS)}!",
                           f"[{y}/{rng.randint(1, 12):02d}] I joined {rng.choice(PLACES)} as a postdoc.",
                           f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {y} \u2014 new preprint: \u201c{t}\u201d"])
    if kind == "teaching":
        return rng.choice([f"{rng.choice(COURSES)}, {rng.choice(PLACES)}, Fall {y}", f"{y}\u2013{y + 1}: {rng.choice(COURSES)} (lecturer)",
                           f"Teaching assistant, {rng.choice(COURSES)}, Spring {y}."])
    if kind == "service":
        return rng.choice([f"Reviewer, {rng.choice(JOURNALS)}, {y}\u2013present.", f"Program committee, {rng.choice(MEETINGS)} {y}.",
                           f"Associate editor, {rng.choice(JOURNALS)} ({y}\u2013{y + 4})"])
    return rng.choice([f"Interview with {rng.choice(OUTLETS)} about \u201c{t}\u201d, {rng.choice(MONTHS)} {y}.",
                       f"{rng.choice(OUTLETS)}: \u201c{t}\u201d ({y})"])


# ------------------------------------------------------------------------------------------ papers


def paper_line(m: sm.Markup, p: sm.Paper, style: str, named: bool) -> str:
    """A paper as a page writes it; ``named`` False: the owner's sole-authored paper, no names shown."""
    if named:
        return m.inline(sm.STYLES[style](p))
    tail = ", ".join(x for x in (p.venue, str(p.year)) if x)
    return m.inline([(f"\u201c{p.title.rstrip('.')}.\u201d ", ""), (tail, "i" if p.venue else ""), (".", "")])


# ------------------------------------------------------------------------------------------ forms
# a form writes one section: (markup, heading text, slug, item lines) -> text. ``items`` already
# in the markup's inline syntax.


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


def h_tag(m: sm.Markup, head: str, items: list[str]) -> str:
    return m.heading(2, head) + m.bullets(items)


def html_bold_p(m: sm.Markup, head: str, items: list[str]) -> str:
    return f"<p><strong>{html.escape(head)}</strong></p>\n" + "".join(f"<p>{i}</p>\n" for i in items)


def html_label_div(m: sm.Markup, head: str, items: list[str]) -> str:
    return (f'<div class="cv-block"><div class="cv-label">{html.escape(head)}</div>\n'
            + "".join(f'<div class="cv-item">{i}</div>\n' for i in items) + "</div>\n")


def html_plain_p(m: sm.Markup, head: str, items: list[str]) -> str:
    return f"<p>{html.escape(head)}</p>\n" + "".join(f"<p>{i}</p>\n" for i in items)


def html_tabs(m: sm.Markup, head: str, items: list[str]) -> str:
    # the tab's label is in the navigation above (written once per page by the page), the pane
    # names its section by id only
    return f'<div class="tab-pane fade" id="{_slug(head)}" role="tabpanel">\n' + m.bullets(items) + "</div>\n"


def html_table_cv(m: sm.Markup, head: str, items: list[str]) -> str:
    rows = "".join(f"<tr><td>{i}</td></tr>\n" for i in items)
    return f'<table class="cv">\n<tr><th>{html.escape(head)}</th></tr>\n{rows}</table>\n'


def html_span_big(m: sm.Markup, head: str, items: list[str]) -> str:
    return (f'<p><span style="font-size: 1.4em; color: #336">{html.escape(head)}</span></p>\n'
            + "<ol>\n" + "".join(f"<li>{i}</li>\n" for i in items) + "</ol>\n")


def html_section_id(m: sm.Markup, head: str, items: list[str]) -> str:
    return f'<section id="{_slug(head)}" class="page-section">\n' + m.bullets(items) + "</section>\n"


def md_bold_line(m: sm.Markup, head: str, items: list[str]) -> str:
    return f"**{head}**\n\n" + m.bullets(items)


def md_plain_line(m: sm.Markup, head: str, items: list[str]) -> str:
    return f"{head}\n\n" + "".join(f"{i}\n\n" for i in items)


def md_html_div(m: sm.Markup, head: str, items: list[str]) -> str:
    return f'<div class="section-label">{html.escape(head)}</div>\n\n' + m.bullets(items)


def rst_rubric(m: sm.Markup, head: str, items: list[str]) -> str:
    return f".. rubric:: {head}\n\n" + m.bullets(items) + "\n"


def rst_bold_para(m: sm.Markup, head: str, items: list[str]) -> str:
    return f"**{head}**\n\n" + "".join(f"{i}\n\n" for i in items)


def rst_line_block(m: sm.Markup, head: str, items: list[str]) -> str:
    return f"**{head}**\n\n" + "".join(f"| {i}\n" for i in items) + "\n"


def tex_marginhead(m: sm.Markup, head: str, items: list[str]) -> str:
    return f"\\marginhead{{\\sffamily {m.esc(head.lower())}}}\n\\medskip\n\n" + "".join(f"\\ind {i}\n\n" for i in items)


def tex_bold_line(m: sm.Markup, head: str, items: list[str]) -> str:
    return f"\\noindent\\textbf{{{m.esc(head)}}}\\\\[2pt]\n\n" + "".join(f"\\noindent {i}\\\\\n" for i in items) + "\n"


def tex_large(m: sm.Markup, head: str, items: list[str]) -> str:
    return f"{{\\large\\scshape {m.esc(head)}}}\n\n" + m.bullets(items)


FORMS = {
    "html": {"h-tag": h_tag, "bold-p": html_bold_p, "label-div": html_label_div, "plain-p": html_plain_p, "tabs": html_tabs,
             "table-cv": html_table_cv, "span-big": html_span_big, "section-id": html_section_id},
    "md": {"h-tag": h_tag, "bold-line": md_bold_line, "plain-line": md_plain_line, "html-div": md_html_div},
    "rst": {"h-tag": h_tag, "rubric": rst_rubric, "bold-para": rst_bold_para, "line-block": rst_line_block},
    "tex": {"h-tag": h_tag, "marginhead": tex_marginhead, "bold-line": tex_bold_line, "large": tex_large},
}
#: forms and languages never tuned on (a fixed half, chosen before any run)
CHECK_FORMS = {"html": {"span-big", "section-id", "plain-p"}, "md": {"html-div"}, "rst": {"line-block"}, "tex": {"large"}}
CHECK_LANGS = {"pt", "it"}

TEX_PREAMBLE = ("\\documentclass{article}\n\\newcommand{\\marginhead}[1]{\\marginpar{\\textsf{{\\footnotesize #1}}}}\n"
                "\\def\\ind{\\hangindent=1 true cm\\hangafter=1 \\noindent}\n\\begin{document}\n")

BIO = ("I am an associate professor at Northfield University. My research studies how institutions and "
       "environments change, with field work on three continents.")


def page(markup: str, form: str, lang: str, ps: list[sm.Paper], pool: list[sm.Paper], rng: random.Random,
         split: bool = False) -> tuple[str, list[dict]]:
    """One page: a bio, the papers' section and 2-4 other sections, in ``form`` and ``lang``."""
    m = sm.MARKUPS[markup]
    li = LANGS.index(lang)
    style = rng.choice(("apa", "ieee", "bold"))
    gold = []
    lines = []
    for p in ps:
        named = rng.random() >= 0.2
        lines.append(paper_line(m, p, style, named))
        g = p.gold()
        gold.append(g if named else dict(g, authors=[]))
    titles = [q.title for q in pool if q not in ps]
    sections = [("pub", lines)]
    for kind in rng.sample(KINDS, rng.randint(2, 4)):
        sections.append((kind, [m.esc(dated_line(kind, rng, titles)) if markup != "html" else html.escape(dated_line(kind, rng, titles), quote=False)
                                for _ in range(rng.randint(3, 8))]))
    rng.shuffle(sections)
    write = FORMS[markup][form]
    body = []
    if form == "tabs":  # the tab labels: a navigation list of links to the panes
        body.append('<ul class="nav nav-tabs">' + "".join(
            f'<li><a data-toggle="tab" href="#{_slug(NAMES[k][li])}">{html.escape(NAMES[k][li])}</a></li>' for k, _ in sections)
            + "</ul>\n<div class=\"tab-content\">\n")
    for kind, items in sections:
        body.append(write(m, NAMES[kind][li], items))
    if form == "tabs":
        body.append("</div>\n")
    text = m.heading(1, "Jane Q. Doe") + "\n" + m.para(m.esc(BIO)) + "\n" + "\n".join(body)
    if markup == "tex":
        text = TEX_PREAMBLE + text + "\\end{document}\n"
    elif markup == "html":
        text = m.wrap(text)
    else:
        text = m.wrap(text)
    return text, [g if not g["doi"] or g["doi"] in text else dict(g, doi=None) for g in gold]


# ------------------------------------------------------------------------------------------ split
# a paper written as a title block over a details block (names shown or not, a venue, a year);
# read as two entries, the title alone and a "details" entry with a year and no names.


def _details(m: sm.Markup, p: sm.Paper, named: bool) -> str:
    venue = m.inline([(p.venue, "i"), (f", {p.year}.", "")]) if p.venue else f"Published in {p.year}."
    return (m.esc(sm.byline(p)) + ". " if named else "") + venue


SPLITS = {
    "html": {
        "h4-p": lambda m, t, d: f"<h4>{t}</h4>\n<p>{d}</p>\n",
        "dl": lambda m, t, d: f"<dt>{t}</dt><dd>{d}</dd>\n",
        "p-title-p": lambda m, t, d: f'<p class="paper-title">{t}</p>\n<p class="paper-meta">{d}</p>\n',
        "div-b-div": lambda m, t, d: f"<div><b>{t}</b></div>\n<div>{d}</div>\n",
        "li-b-br": lambda m, t, d: f"<li><b>{t}</b><br/>{d}</li>\n",
    },
    "md": {
        "h4-para": lambda m, t, d: f"#### {t}\n\n{d}\n\n",
        "bold-para": lambda m, t, d: f"**{t}**\n\n{d}\n\n",
        "bold-break": lambda m, t, d: f"**{t}**  \n{d}\n\n",
        "bullet-sub": lambda m, t, d: f"- {t}\n  - {d}\n",
    },
    "rst": {
        "section": lambda m, t, d: f"{t}\n{'~' * len(t)}\n\n{d}\n\n",
        "deflist": lambda m, t, d: f"{t}\n    {d}\n\n",
        "bold-indented": lambda m, t, d: f"**{t}**\n\n    {d}\n\n",
        "plain-paras": lambda m, t, d: f"{t}\n\n{d}\n\n",
        "line-block": lambda m, t, d: f"| **{t}**\n| {d}\n\n",
    },
    "tex": {
        "textbf-par": lambda m, t, d: f"\\textbf{{{t}}}\\\\\n{d}\n\n",
        "item-newline": lambda m, t, d: f"\\item \\textit{{{t}}}\\newline {d}\n",
    },
}
CHECK_SPLITS = {"html": {"div-b-div"}, "md": {"bold-break"}, "rst": {"bold-indented", "line-block"}, "tex": {"item-newline"}}


def split_page(markup: str, form: str, ps: list[sm.Paper], pool: list[sm.Paper], rng: random.Random) -> tuple[str, list[dict]]:
    m = sm.MARKUPS[markup]
    write = SPLITS[markup][form]
    gold, blocks = [], []
    for p in ps:
        named = rng.random() >= 0.4
        blocks.append(write(m, m.esc(p.title), _details(m, p, named)))
        g = p.gold()
        gold.append(g if named else dict(g, authors=[]))
    body = "".join(blocks)
    if markup == "html" and form == "dl":
        body = f"<dl>\n{body}</dl>\n"
    elif markup == "html" and form == "li-b-br":
        body = f"<ul>\n{body}</ul>\n"
    elif markup == "tex" and form == "item-newline":
        body = f"\\begin{{itemize}}\n{body}\\end{{itemize}}\n"
    titles = [q.title for q in pool if q not in ps]
    others = []
    for kind in rng.sample(KINDS, rng.randint(1, 2)):
        others.append(m.heading(2, NAMES[kind][0]) + "\n" + m.bullets([m.esc(dated_line(kind, rng, titles)) for _ in range(rng.randint(3, 6))]))
    text = m.heading(1, "Jane Q. Doe") + "\n" + m.para(m.esc(BIO)) + "\n" + m.heading(2, "Publications") + "\n" + body + "\n" + "\n".join(others)
    text = TEX_PREAMBLE + text + "\\end{document}\n" if markup == "tex" else m.wrap(text)
    return text, [g if not g["doi"] or g["doi"] in text else dict(g, doi=None) for g in gold]


def score_page(scorer: Any, text: str, gold: list[dict], name: str, row: dict[str, int], notes: list[str],
               dump: Path | None, verbose: bool) -> None:
    """Read one generated page, add its gold/predicted/matched and unmatched no-names (dated, nameless)
    predictions to ROW, and its failures (and with VERBOSE its misses) to NOTES; DUMP keeps page and gold."""
    if dump:
        (dump / name).write_text(text, encoding="utf-8")
        (dump / (name + ".gold.json")).write_text(json.dumps(gold, indent=1, ensure_ascii=False), encoding="utf-8")
    try:
        pred = sm.extract(text, name)
    except Exception as exc:  # a failure is a page that found nothing, and says why
        pred = []
        notes.append(f"    {name}: FAILED {type(exc).__name__}: {exc}")
    res = scorer.score_case(gold, pred)
    hit = {pi for _, pi in scorer.match(gold, pred)}
    row["nonames"] += sum(1 for pi, e in enumerate(pred) if pi not in hit and e["year"] and not e["families"])
    for key in ("gold", "pred", "matched"):
        row[key] += res[key]
    if verbose and (res["matched"] < res["gold"] or res["pred"] > res["matched"]):
        notes.append(f"    {name}: {res['matched']}/{res['gold']} matched, {res['pred']} predicted")
        notes.extend(f"      {p}" for p in res["problems"] if p.startswith(("missed", "spurious")))


def print_total(total: dict[str, int], started: float) -> None:
    """The closing line: item recall, precision and F1, and the unmatched dated predictions with no names."""
    r = total["matched"] / total["gold"] if total["gold"] else 1.0
    p = total["matched"] / total["pred"] if total["pred"] else 1.0
    print(f"\nitem recall {r:.3f} precision {p:.3f} F1 {2 * p * r / (p + r) if p + r else 0:.3f}  "
          f"({total['matched']}/{total['gold']} matched, {total['pred']} predicted); "
          f"unmatched with a year and no names: {total['nonames']}; {time.perf_counter() - started:.0f} s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--forms", choices=("tuned", "check", "all"), default="tuned")
    ap.add_argument("--markup", action="append", choices=tuple(FORMS))
    ap.add_argument("--pages", type=int, default=3, help="pages per (markup, form, language group)")
    ap.add_argument("--papers", type=Path, action="append")
    ap.add_argument("--scorer", type=Path, default=BESIDE / "shared" / "eval" / "score.py")
    ap.add_argument("--split", action="store_true", help="papers written as a title block over a details block")
    ap.add_argument("--dump", type=Path)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    sm.SCORER = load_scorer(args.scorer)
    scorer = sm.SCORER
    pool = sm.papers(args.papers or [BESIDE / "extract-real" / "cases"])
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    total = {"gold": 0, "pred": 0, "matched": 0, "nonames": 0}
    print(f"{len(pool)} papers; seed {args.seed}; {args.forms} forms")
    print(f"{'markup/form':22} {'matched/gold':>14} {'pred':>5} {'no-names':>9}")
    for markup in args.markup or FORMS:
        for form in (SPLITS if args.split else FORMS)[markup]:
            check = form in (CHECK_SPLITS if args.split else CHECK_FORMS)[markup]
            if args.forms != "all" and check != (args.forms == "check"):
                continue
            row = {"gold": 0, "pred": 0, "matched": 0, "nonames": 0}
            notes = []
            langs = [lang for lang in LANGS if (lang in CHECK_LANGS) == check or args.forms == "all"]
            for k in range(args.pages):
                rng = random.Random(f"{args.seed}-{markup}-{form}-{k}")
                lang = langs[k % len(langs)] if k else "en"
                ps = rng.sample(pool, rng.randint(4, 10))
                if args.split:
                    text, gold = split_page(markup, form, ps, pool, rng)
                else:
                    text, gold = page(markup, form, lang, ps, pool, rng)
                name = f"{markup}-{form}-{lang}-{k}{sm.MARKUPS[markup].ext}"
                score_page(scorer, text, gold, name, row, notes, args.dump, args.verbose)
            for key in row:
                total[key] += row[key]
            print(f"{markup + '/' + form:22} {row['matched']:6d}/{row['gold']:<7d} {row['pred']:5d} {row['nonames']:9d}", flush=True)
            for line in notes:
                print(line)
    print_total(total, started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
