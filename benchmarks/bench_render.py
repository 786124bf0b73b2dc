#!/usr/bin/env python3
"""Benchmark formatted bibliographies: correctness against the CSL reference
implementation and speed against citeproc-js, in one run.

    .venv/bin/python benchmarks/bench_render.py [--shared ../shared] [--citeproc-js /tmp/cjs] [--n 1000]

1. Agreement: for each style in <shared>/csl-reference, the share of entries
   identical to citeproc-js's output, for plain citeproc-py (fed the same
   CSL-JSON, in a subprocess so refkit's fixes are not installed) and for
   refkit.render; and whether the bibliography order is the same.
2. Speed: an evenly spread N-entry subset of <shared>/corpus/mid.bib, read by
   refkit, rendered in APA and IEEE by refkit.render, by plain citeproc-py
   (subprocess) and by citeproc-js (node; install once with
   ``npm install --prefix /tmp/cjs citeproc``). Each time covers parsing the
   style and building the whole bibliography; ratios are against citeproc-js.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

NODE_SCRIPT = r"""
const CSL = require(process.argv[2]);
const fs = require('fs');
const [items, style, locale] = process.argv.slice(3).map(p => fs.readFileSync(p, 'utf8'));
const data = JSON.parse(items);
const byId = {}; for (const it of data) byId[it.id] = it;
const sys = { retrieveLocale: () => locale, retrieveItem: id => byId[id] };
const t0 = process.hrtime.bigint();
const engine = new CSL.Engine(sys, style);
engine.setOutputFormat('text');
engine.updateItems(data.map(i => i.id));
const bib = engine.makeBibliography();
const t1 = process.hrtime.bigint();
process.stdout.write(JSON.stringify({seconds: Number(t1 - t0) / 1e9, n: bib[1].length}));
"""

PLAIN_CITEPROC = r"""
import json, sys, time
from citeproc import CitationStylesStyle, CitationStylesBibliography, Citation, CitationItem, formatter
from citeproc.source.json import CiteProcJSON
items_path, style_path, mode = sys.argv[1:4]
items = json.load(open(items_path, encoding="utf-8"))
t0 = time.perf_counter()
style = CitationStylesStyle(style_path, locale="en-US", validate=False)
source = CiteProcJSON(items)
bib = CitationStylesBibliography(style, source, formatter.plain)
for item in items:
    bib.register(Citation([CitationItem(str(item["id"]))]))
bib.sort()
texts = bib.bibliography()
seconds = time.perf_counter() - t0
if mode == "time":
    print(json.dumps({"seconds": seconds, "n": len(texts)}))
else:
    print(json.dumps([[k, " ".join(str(t).split())] for k, t in zip(bib.keys, texts)]))
"""


def norm(text: str) -> str:
    return " ".join(text.split())


def load_expected(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            key, text = line.split("\t", 1)
            out[key] = norm(text)
    return out


def plain_citeproc(items: Path, style: Path, mode: str) -> object:
    result = subprocess.run([sys.executable, "-c", PLAIN_CITEPROC, str(items), str(style), mode], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def agreement(ref_dir: Path) -> None:
    import refkit

    print("== agreement with citeproc-js (identical entries / same order) ==")
    print(f"{'style':30} {'citeproc-py':>12} {'refkit':>8} {'order':>6}")
    library = refkit.read(str(ref_dir / "items.json"), format="csljson")
    worst = 1.0
    for exp_path in sorted((ref_dir / "expected").glob("*.tsv")):
        style = exp_path.stem
        expected = load_expected(exp_path)
        style_path = ref_dir / "styles" / f"{style}.csl"
        try:
            plain = dict((k.lower(), t) for k, t in plain_citeproc(ref_dir / "items.json", style_path, "text"))  # type: ignore[misc]
            base = sum(1 for k, t in expected.items() if plain.get(k.lower()) == t) / len(expected)
            base_text = f"{base:12.1%}"
        except subprocess.CalledProcessError:
            base_text = f"{'crashed':>12}"
        pairs = [(k, norm(t)) for k, t in refkit.render(library, style=str(style_path), format="text")]
        got = dict(pairs)
        rate = sum(1 for k, t in expected.items() if got.get(k) == t) / len(expected)
        worst = min(worst, rate)
        order = "same" if [k for k, _ in pairs] == list(expected) else "differs"
        print(f"{style:30} {base_text} {rate:8.1%} {order:>6}")
    print(f"lowest refkit agreement: {worst:.3f}")


def speed(shared: Path, cjs: Path | None, n: int) -> None:
    import refkit
    from refkit.crosswalk import entry_to_csl
    from refkit.styles import find_style

    library = refkit.read(str(shared / "corpus" / "mid.bib"))
    entries = library.entries
    step = len(entries) / n
    subset = refkit.Library.from_entries([entries[int(i * step)] for i in range(min(n, len(entries)))])
    tmp = Path(tempfile.mkdtemp(prefix="refkit-bench-"))
    items_path = tmp / "items.json"
    items_path.write_text(json.dumps([entry_to_csl(e) for e in subset.entries], ensure_ascii=False), encoding="utf-8")
    locale = shared / "csl-reference" / "locales-en-US.xml"
    node = shutil.which("node")
    module = cjs / "node_modules" / "citeproc" if cjs else None
    print(f"\n== speed: {len(subset)} entries of mid.bib (seconds; ratio to citeproc-js) ==")
    print(f"{'style':8} {'citeproc-js':>12} {'citeproc-py':>12} {'refkit':>8} {'py/js':>7} {'refkit/js':>10}")
    for style in ("apa", "ieee"):
        path = find_style(style).path
        from refkit.writers.csl import style as csl_style

        csl_style.clear()  # include parsing the style, as the others do
        t0 = time.perf_counter()
        bib = refkit.render(subset, style=style, format="text")
        ours = time.perf_counter() - t0
        assert len(bib) == len(subset)
        plain = plain_citeproc(items_path, Path(path), "time")["seconds"]  # type: ignore[index]
        js = None
        if node and module and module.exists():
            script = tmp / "render.js"
            script.write_text(NODE_SCRIPT, encoding="utf-8")
            out = subprocess.run([node, str(script), str(module), str(items_path), path, str(locale)], capture_output=True, text=True, check=True)
            js = json.loads(out.stdout)["seconds"]
        js_text = f"{js:12.2f}" if js else f"{'n/a':>12}"
        ratio_py = f"{plain / js:7.2f}" if js else f"{'n/a':>7}"
        ratio = f"{ours / js:10.2f}" if js else f"{'n/a':>10}"
        print(f"{style:8} {js_text} {plain:12.2f} {ours:8.2f} {ratio_py} {ratio}")
    if not (node and module and module.exists()):
        print("citeproc-js not found: npm install --prefix /tmp/cjs citeproc  (and pass --citeproc-js /tmp/cjs)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--citeproc-js", type=Path, default=Path(os.environ.get("CITEPROC_JS", "/tmp/cjs")))
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--skip-speed", action="store_true")
    args = ap.parse_args()
    agreement(args.shared / "csl-reference")
    if not args.skip_speed:
        speed(args.shared, args.citeproc_js, args.n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
