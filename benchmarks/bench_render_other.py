#!/usr/bin/env python3
"""Agreement with citeproc-js on real items the adapter was NOT tuned on.

    python benchmarks/bench_render_other.py [--half dev|heldout|both] [--n 400] [--style apa ...] [-v]

``../shared/csl-reference`` holds 200 items of mid.bib with citeproc-js's output;
refkit's CSL code was tuned on them. This script is a second yardstick:

1. Items: ``../shared/corpus/big.bib`` and ``mid.bib`` converted to CSL-JSON the
   way the reference items were (``pandoc -f bibtex -t csljson``; pandoc from
   PATH, ``--pandoc``, or the ``pypandoc_binary`` wheel). Without pandoc the
   conversion falls back to refkit's own reader + crosswalk (printed in the
   header, since then refkit converts its own input). Items whose id is in the
   reference items.json are dropped; ``--n`` evenly spread items of the rest
   (big.bib then mid.bib) are taken and split by position: even positions are
   the development half (look at them, ``-v``), odd positions the held-out half
   (score only: ``-v`` is refused for it). Each half is its own bibliography.
   ``--half extra`` renders ``--n`` further development items, taken halfway
   between the chosen ones (never in either half).
   The items are regenerated into ``--cache`` (default: a folder under the
   system temp dir), never committed (part of the corpus has no licence).
2. citeproc-js (npm ``citeproc``, ``npm install --prefix /tmp/cjs citeproc``)
   renders each half in the nine reference styles with the reference en-US
   locale as a plain-text bibliography, whitespace collapsed.
3. Plain citeproc-py (subprocess, as bench_render.py runs it) and
   ``refkit.render(..., locale="en-US", format="text")`` render the same items.
   Printed per style and half: identical entries for both, and whether the
   bibliography order equals citeproc-js's (with the count of entries whose
   position differs).
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_render import load_expected, norm, plain_citeproc  # noqa: E402

NODE_SCRIPT = r"""
const CSL = require(process.argv[2]);
const fs = require('fs');
const data = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const locale = fs.readFileSync(process.argv[4], 'utf8');
const styles = process.argv.slice(5);
const byId = {}; for (const it of data) byId[it.id] = it;
const sys = { retrieveLocale: () => locale, retrieveItem: id => byId[id] };
const out = {};
for (const path of styles) {
  const engine = new CSL.Engine(sys, fs.readFileSync(path, 'utf8'));
  engine.setOutputFormat('text');
  engine.updateItems(data.map(i => i.id));
  const bib = engine.makeBibliography();
  out[path] = bib[0].entry_ids.map((ids, i) => [String(ids[0]), bib[1][i]]);
}
process.stdout.write(JSON.stringify(out));
"""


def find_pandoc(explicit: str | None) -> str | None:
    """A pandoc binary: the given path, one on PATH, or the pypandoc_binary wheel's."""
    if explicit:
        return explicit
    found = shutil.which("pandoc")
    if found:
        return found
    try:
        import pypandoc  # type: ignore[import-not-found]

        return str(pypandoc.get_pandoc_path())
    except Exception:
        return None


def convert(bib: Path, pandoc: str | None, cache: Path) -> list[dict]:
    """CSL-JSON items of ``bib`` (cached by file digest and converter)."""
    digest = hashlib.sha256(bib.read_bytes()).hexdigest()[:16]
    tag = "pandoc" if pandoc else "refkit"
    out = cache / f"{bib.stem}-{digest}-{tag}.json"
    if not out.exists():
        if pandoc:
            subprocess.run([pandoc, "-f", "bibtex", "-t", "csljson", str(bib), "-o", str(out)], check=True)
        else:
            import refkit
            from refkit.crosswalk import entry_to_csl

            items = [entry_to_csl(e) for e in refkit.read(str(bib)).entries]
            out.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return json.loads(out.read_text(encoding="utf-8"))


def select(shared: Path, pandoc: str | None, cache: Path, n: int) -> tuple[list[dict], list[dict], list[dict]]:
    """(development, held-out, extra development) items not in the reference set:
    ``n`` evenly spread items split by position, and ``n`` more halfway between them."""
    reference = {str(i["id"]).lower() for i in json.loads((shared / "csl-reference" / "items.json").read_text(encoding="utf-8"))}
    pool: list[dict] = []
    seen = set(reference)
    for name in ("big.bib", "mid.bib"):
        for item in convert(shared / "corpus" / name, pandoc, cache):
            key = str(item.get("id", "")).lower()
            if key and key not in seen:
                seen.add(key)
                pool.append(item)
    step = len(pool) / n
    picked = [int(i * step) for i in range(min(n, len(pool)))]
    chosen = [pool[i] for i in picked]
    taken = set(picked)
    extra = [pool[j] for j in dict.fromkeys(int((i + 0.5) * step) for i in range(min(n, len(pool)))) if j not in taken]
    return chosen[0::2], chosen[1::2], extra


def citeproc_js(items_path: Path, styles: list[Path], locale: Path, module: Path, cache: Path) -> dict[str, list[tuple[str, str]]]:
    """citeproc-js's (id, text) pairs per style path, cached by the inputs' digest."""
    h = hashlib.sha256()
    for p in [items_path, locale, *styles]:
        h.update(p.read_bytes())
    out = cache / f"cjs-{h.hexdigest()[:16]}.json"
    if not out.exists():
        script = cache / "render_other.js"
        script.write_text(NODE_SCRIPT, encoding="utf-8")
        node = shutil.which("node") or "node"
        res = subprocess.run([node, str(script), str(module), str(items_path), str(locale), *map(str, styles)], capture_output=True, text=True, check=True)
        out.write_text(res.stdout, encoding="utf-8")
    data = json.loads(out.read_text(encoding="utf-8"))
    return {path: [(k, norm(t)) for k, t in pairs] for path, pairs in data.items()}


def score_half(name: str, items: list[dict], styles: list[Path], args: argparse.Namespace, module: Path) -> float:
    import refkit

    items_path = args.cache / f"items-{name}-{args.n}-{'pandoc' if args.pandoc_path else 'refkit'}.json"
    items_path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    locale = args.shared / "csl-reference" / "locales-en-US.xml"
    reference = citeproc_js(items_path, styles, locale, module, args.cache)
    library = refkit.read(str(items_path), format="csljson")
    print(f"\n== {name} half: {len(items)} items ==")
    print(f"{'style':30} {'citeproc-py':>12} {'refkit':>8} {'order':>8} {'moved':>6}")
    worst = 1.0
    for style_path in styles:
        expected = dict(reference[str(style_path)])
        exp_order = [k for k, _ in reference[str(style_path)]]
        try:
            plain = {str(k).lower(): t for k, t in plain_citeproc(items_path, style_path, "text")}  # type: ignore[union-attr]
            base = f"{sum(1 for k, t in expected.items() if plain.get(k.lower()) == t) / len(expected):12.1%}"
        except subprocess.CalledProcessError:
            base = f"{'crashed':>12}"
        pairs = [(str(k), norm(t)) for k, t in refkit.render(library, style=str(style_path), format="text", locale="en-US")]
        got = dict(pairs)
        rate = sum(1 for k, t in expected.items() if got.get(k) == t) / len(expected)
        worst = min(worst, rate)
        order = [k for k, _ in pairs]
        moved = sum(1 for a, b in zip(order, exp_order) if a != b) + abs(len(order) - len(exp_order))
        print(f"{style_path.stem:30} {base} {rate:8.1%} {'same' if moved == 0 else 'differs':>8} {moved:6d}")
        if args.verbose:
            for k, t in expected.items():
                if got.get(k) != t:
                    print(f"  [{style_path.stem}] {k}")
                    for line in difflib.ndiff([t], [got.get(k, "<missing>")]):
                        if line[:1] in "-+?":
                            print("    " + line)
            if moved:
                print(f"  [{style_path.stem}] order citeproc-js: {exp_order}")
                print(f"  [{style_path.stem}] order refkit:      {order}")
    print(f"lowest refkit agreement ({name}): {worst:.3f}")
    return worst


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=next((p / "shared" for p in ROOT.parents if (p / "shared").is_dir()), ROOT.parent / "shared"))
    ap.add_argument("--citeproc-js", type=Path, default=Path(os.environ.get("CITEPROC_JS", "/tmp/cjs")))
    ap.add_argument("--pandoc", help="pandoc binary (default: PATH, then the pypandoc_binary wheel)")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "refkit-render-other")
    ap.add_argument("--n", type=int, default=400, help="items in both halves together")
    ap.add_argument("--half", choices=("dev", "heldout", "both", "extra"), default="dev", help="extra: N more development items, halfway between the others")
    ap.add_argument("--style", action="append", help="style name (file stem in csl-reference/styles); default: all nine")
    ap.add_argument("-v", "--verbose", action="store_true", help="show differing entries (development half only)")
    args = ap.parse_args()
    if args.verbose and args.half not in ("dev", "extra"):
        ap.error("-v shows entries: only for development items (--half dev or extra)")
    module = args.citeproc_js / "node_modules" / "citeproc"
    if not module.exists():
        print(f"citeproc-js not found at {module}: npm install --prefix /tmp/cjs citeproc  (and pass --citeproc-js /tmp/cjs)")
        return 0
    args.cache.mkdir(parents=True, exist_ok=True)
    args.pandoc_path = find_pandoc(args.pandoc)
    converter = f"pandoc ({args.pandoc_path})" if args.pandoc_path else "refkit's own reader + crosswalk (no pandoc found)"
    print(f"items: big.bib + mid.bib minus the reference items, converted by {converter}")
    dev, heldout, extra = select(args.shared, args.pandoc_path, args.cache, args.n)
    style_dir = args.shared / "csl-reference" / "styles"
    styles = [style_dir / f"{s}.csl" for s in args.style] if args.style else sorted(style_dir.glob("*.csl"))
    halves = {"dev": [("dev", dev)], "heldout": [("heldout", heldout)], "both": [("dev", dev), ("heldout", heldout)], "extra": [("extra", extra)]}[args.half]
    for name, items in halves:
        score_half(name, items, styles, args, module)
    return 0


if __name__ == "__main__":
    sys.exit(main())
