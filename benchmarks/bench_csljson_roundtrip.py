#!/usr/bin/env python3
"""How much of a .bib file survives ``.bib -> CSL-JSON -> .bib`` through
refkit's CSL-JSON writer and reader.

    python benchmarks/bench_csljson_roundtrip.py [files.bib ...]   (default: ../shared/corpus/*.bib)

Per file: entries, entries whose type and every field come back the same,
fields lost, fields added, values changed beyond LaTeX <-> Unicode and white
space (names compared as parsed name lists, months by number), values whose
text changed only in LaTeX/Unicode spelling, and the share of items that needed
``custom.bibtex`` (what standard CSL variables cannot carry).
"""

from __future__ import annotations

import sys
import time
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import refkit  # noqa: E402
from refkit.crosswalk import unescape  # noqa: E402
from refkit.dates import month_number  # noqa: E402
from refkit.readers.csljson import read as read_csl  # noqa: E402
from refkit.writers.csljson import write as write_csl  # noqa: E402


def _same_value(a: object, b: object, name: str) -> bool:
    """Equal up to LaTeX <-> Unicode and white space; names as parsed name
    lists; months by number (defined here, apart from the code measured)."""
    x, y = a.fields.get(name), b.fields.get(name)  # type: ignore[attr-defined]
    if x is None or y is None:
        return x is y
    if x == y:
        return True
    if name in ("author", "editor", "translator"):
        def key(entry: object) -> list[tuple[str, ...]]:
            return [tuple(" ".join(unescape(p).split()) for p in (n.literal, n.given, n.particle, n.family, n.suffix)) for n in entry.names(name)]  # type: ignore[attr-defined]

        return key(a) == key(b)
    if name == "month":
        return month_number(unescape(x).strip()) is not None and month_number(unescape(x).strip()) == month_number(unescape(y).strip())
    return " ".join(unescape(x).split()) == " ".join(unescape(y).split())


def measure(path: Path) -> None:
    library = refkit.read(str(path))
    start = time.perf_counter()
    text = write_csl(library)
    back = read_csl(text)
    seconds = time.perf_counter() - start
    lost: Counter[str] = Counter()
    added: Counter[str] = Counter()
    changed: Counter[str] = Counter()
    spelling = 0
    same_entries = 0
    types = 0
    for a, b in zip(library.entries, back.entries):
        ok = a.type == b.type
        types += a.type != b.type
        for name, value in a.fields.items():
            if name not in b.fields:
                lost[name] += 1
                ok = False
            elif not _same_value(a, b, name):
                changed[name] += 1
                ok = False
            elif b.fields[name] != value:
                spelling += 1
        for name in b.fields:
            if name not in a.fields:
                added[name] += 1
                ok = False
        same_entries += ok
    custom = text.count('"bibtex": {')
    n = len(library.entries)
    print(f"{path.name}: {n} entries ({len(back.entries)} read back), {seconds:.1f} s")
    print(f"  same type and fields:     {same_entries} ({same_entries / max(n, 1):.1%})")
    print(f"  types changed:            {types}")
    print(f"  fields lost:              {sum(lost.values())} {dict(lost.most_common(8))}")
    print(f"  fields added:             {sum(added.values())} {dict(added.most_common(8))}")
    print(f"  values changed:           {sum(changed.values())} {dict(changed.most_common(8))}")
    print(f"  LaTeX/Unicode spelling:   {spelling} values (same text)")
    print(f"  items with custom.bibtex: {custom} ({custom / max(n, 1):.1%})")


def main() -> int:
    warnings.simplefilter("ignore")
    paths = [Path(p) for p in sys.argv[1:]] or sorted((ROOT.parent / "shared" / "corpus").glob("*.bib"))
    if not paths:
        paths = sorted(Path("/work/shared/corpus").glob("*.bib"))
    for path in paths:
        measure(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
