#!/usr/bin/env python3
"""How much extraction depends on the words of a document's section headings.

    python benchmarks/mangle_headings.py                 # extract-real and dev
    python benchmarks/mangle_headings.py --only dev -v   # one set, per document

Every input is read three times in-process: as it is, with the text of every short heading
(at most six words: section names, not paper titles written as headings) replaced by a
made-up word ("renamed": a heading in a language or wording we have no words for), and with
those headings removed ("stripped": a page without headings). Each reading is scored with the
official scorer's matching (../shared/eval/score.py): predicted entries, entries matching a
gold title, and micro-F1. A reader that only finds items under headings it recognises falls
apart in the last two columns; that is the shape of failure unseen documents show.

Headings are found per markup by their syntax (Markdown ``#`` and underlines, Org ``*``
headlines, reST underlines, LaTeX ``\\section``-like commands, AsciiDoc ``=``, HTML ``<hN>``);
the mangling is generic, never per document.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent))

from score_real import BESIDE, case_dirs, load_scorer  # noqa: E402

_SYLLABLES = ("ka", "lo", "mir", "ven", "to", "sa", "dru", "pel", "qua", "ni", "zor", "bel", "ta", "ru")
_MAX_WORDS = 6


def made_up(rng: random.Random) -> str:
    """A capitalized word of no language (a heading we have no words for)."""
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def _short(text: str) -> bool:
    words = re.sub(r"<[^>]{0,300}>|\([^()]{0,200}\)|[{}\\*=#]", " ", text).split()
    return 0 < len(words) <= _MAX_WORDS


_ATX = re.compile(r"^(#{1,6}[ \t]+)(.+?)([ \t]+#*)?[ \t]*$")
_ORG = re.compile(r"^(\*{1,8}[ \t]+)(.+)$")
_ADOC = re.compile(r"^(={1,6}[ \t]+)(.+)$")
_UNDERLINE = re.compile(r"^([=\-~^\"'`#*+:.])\1{2,}[ \t]*$")
_MD_UNDERLINE = re.compile(r"^[ \t]{0,3}(?:=+|-+)[ \t]*$")
_FENCE = re.compile(r"^[ \t]{0,3}(?:```|~~~)")
_LATEX = re.compile(r"(\\(?:chapter|section|subsection|subsubsection|paragraph|cvsection|cvsubsection|part)\*?(?:\[[^\]\n]{0,200}\])?\{)([^{}\n]{1,200})(\})")
_HTML = re.compile(r"(<h[1-6][^>]{0,300}>)(.{1,300}?)(</h[1-6]>)", re.I | re.S)


def mangle(text: str, suffix: str, mode: str, rng: random.Random) -> str:
    """``text`` with its short headings renamed to made-up words (``mode="rename"``) or
    removed (``mode="strip"``)."""
    def replace(prefix: str, body: str, end: str = "") -> str:
        if not _short(body):
            return prefix + body + end
        return "" if mode == "strip" else prefix + made_up(rng) + end

    text = _HTML.sub(lambda m: replace(m.group(1), m.group(2), m.group(3)), text)
    if suffix in (".tex", ".ltx"):
        return _LATEX.sub(lambda m: replace(m.group(1), m.group(2), m.group(3)), text)
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    if lines and lines[0].strip() in ("---", "+++"):  # front matter stays as it is
        end = next((k for k in range(1, len(lines)) if lines[k].strip() == lines[0].strip()), 0)
        out, i = lines[: end + 1], end + 1
    fenced = False
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if suffix not in (".rst", ".org") and _FENCE.match(line):
            fenced = not fenced
        if fenced or _FENCE.match(line):
            out.append(line)
            i += 1
            continue
        pattern = {".org": _ORG, ".adoc": _ADOC, ".asciidoc": _ADOC, ".rst": None, ".txt": None}.get(suffix, _ATX)
        m = pattern.match(line) if pattern is not None else None
        if m:
            closing = m.group(3) if pattern is _ATX and m.group(3) else ""
            out.append(replace(m.group(1), m.group(2), closing))
            i += 1
            continue
        underline = _UNDERLINE if suffix == ".rst" else _MD_UNDERLINE
        if suffix in (".md", ".rmd", ".qmd", ".markdown", ".rst") and line.strip() and underline.match(nxt) \
                and not underline.match(line) and (suffix != ".rst" or len(nxt.strip()) >= len(line.strip())) and _short(line):
            if out and _UNDERLINE.match(out[-1]) and out[-1].strip()[0] == nxt.strip()[0]:
                out.pop()  # reST overline
            if mode == "rename":
                word = made_up(rng)
                out.extend([word, nxt.strip()[0] * max(3, len(word))])
            i += 2
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


def score_text(sc: ModuleType, gold: list[dict], text: str, suffix: str) -> dict:
    """Extract ``text`` (read as a file with ``suffix``) and score it against ``gold``."""
    from refkit.io import read_string, write_string

    try:
        library = read_string(text, path="input" + suffix)
    except Exception as exc:  # a mangled document is still input: count it as nothing found
        print(f"    {type(exc).__name__}: {exc}", file=sys.stderr)
        return sc.score_case(gold, [])
    if not library.entries:
        return sc.score_case(gold, [])
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.bib"
        out.write_text(write_string(library, "bibtex"), encoding="utf-8")
        return sc.score_case(gold, sc.read_bib(out))


def main() -> int:
    import json

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scorer", type=Path, default=BESIDE / "shared" / "eval" / "score.py")
    ap.add_argument("--extract-real", type=Path, default=BESIDE / "extract-real" / "cases")
    ap.add_argument("--dev", type=Path, default=BESIDE / "extract-dev" / "cases")
    ap.add_argument("--only", action="append", choices=["extract-real", "dev"])
    ap.add_argument("--verbose", "-v", action="store_true", help="one line per document")
    args = ap.parse_args()
    sc = load_scorer(args.scorer)
    sets = [("extract-real", args.extract_real), ("dev", args.dev)]
    if args.only:
        sets = [s for s in sets if s[0] in args.only]
    modes = ("as is", "rename", "strip")
    print(f"{'set':14} {'docs':>4} {'gold':>5}  " + "  ".join(f"{m + ' pred/match/F1':>24}" for m in modes) + "  empty(as is/rename/strip)")
    for name, root in sets:
        cases = case_dirs(root)
        totals = {m: {"tp": 0, "fp": 0, "fn": 0, "pred": 0, "matched": 0, "empty": 0} for m in modes}
        gold_n = 0
        for case in cases:
            gold = json.loads((case / "gold.json").read_text(encoding="utf-8"))
            src = sc.find_input(case)
            text = src.read_text(encoding="utf-8", errors="replace")
            gold_n += len(gold)
            row = []
            for mode in modes:
                rng = random.Random(case.name)
                mangled = text if mode == "as is" else mangle(text, src.suffix.lower(), mode, rng)
                res = score_text(sc, gold, mangled, src.suffix.lower())
                t = totals[mode]
                for k in ("tp", "fp", "fn"):
                    t[k] += sum(res[k].values())
                t["pred"] += res["pred"]
                t["matched"] += res["matched"]
                t["empty"] += res["pred"] == 0 and res["gold"] > 0
                row.append(f"{res['pred']:4d}/{res['matched']:4d}/{sc.f1(*(sum(res[k].values()) for k in ('tp', 'fp', 'fn'))):.2f}")
            if args.verbose:
                print(f"  {case.name[:40]:40} {len(gold):4d}  " + "  ".join(f"{r:>16}" for r in row))
        cells = "  ".join(f"{t['pred']:8d}/{t['matched']:5d}/{sc.f1(t['tp'], t['fp'], t['fn']):.3f}" for t in totals.values())
        empties = "/".join(str(t["empty"]) for t in totals.values())
        print(f"{name:14} {len(cases):4d} {gold_n:5d}  {cells}  {empties}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
