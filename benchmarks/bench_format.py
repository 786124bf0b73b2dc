"""Benchmark ``refkit format`` (and ``refkit check``) on the shared corpus.

    .venv/bin/python benchmarks/bench_format.py [--corpus DIR] [--repeat N]

(Sections are printed in the order 2, 3, 1: in-process parsing would raise the
peak RSS that child processes inherit on Linux.)

1. Survival: on big.bib and mid.bib, every entry, field, @string, @preamble and
   comment survives ``refkit format``. pybtex is the independent parser: the
   formatted file must parse in pybtex's *strict* mode; with ``--no-normalize``
   every expanded value is equal; with normalization every field survives and
   each changed value is explained (braces, white space, dashes, month names,
   DOI prefixes). A second ``refkit format`` must change nothing.
2. Speed and memory: wall time and peak RSS of the child process for
   ``refkit format`` (also ``--check`` and ``--diff``, whose ratio is printed:
   the diff is linear, entry by entry), ``refkit check``, bibtex-tidy 1.14
   (installed into /tmp/bt with npm if missing; skipped with a message if that
   fails) and a plain bibtexparser v2 parse+write, on copies of big.bib in the
   same run; ratios against bibtex-tidy.
3. Start-up: ``refkit --version`` against ``python -c pass``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PYTHON = sys.executable
REFKIT = [PYTHON, "-m", "refkit"]
TIDY_DIR = Path("/tmp/bt")
TIDY = TIDY_DIR / "node_modules" / ".bin" / "bibtex-tidy"


# ---- measuring a child process ------------------------------------------------------------
def run_child(cmd: list[str], cwd: str | None = None) -> tuple[float, int, int]:
    """(wall seconds, peak RSS in MiB, exit code) of one run of ``cmd``."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss // 1024, proc.returncode


def measure(tools: list[tuple[str, object]], source: Path, repeat: int) -> list[tuple[str, float, int, int]]:
    """Median wall time and max peak RSS per tool over ``repeat`` rounds, each on
    a fresh copy. Rounds interleave the tools, so a change in machine load hits
    them all alike (the ratios are what to compare)."""
    walls: dict[str, list[float]] = {name: [] for name, _ in tools}
    peaks: dict[str, int] = {name: 0 for name, _ in tools}
    codes: dict[str, int] = {}
    for _ in range(repeat):
        for name, make_cmd in tools:
            with tempfile.TemporaryDirectory() as tmp:
                copy = Path(tmp) / source.name
                shutil.copyfile(source, copy)
                os.chmod(copy, 0o644)
                wall, peak, codes[name] = run_child(make_cmd(copy), cwd=tmp)  # type: ignore[operator]
                walls[name].append(wall)
                peaks[name] = max(peaks[name], peak)
    return [(name, statistics.median(walls[name]), peaks[name], codes[name]) for name, _ in tools]


def ensure_tidy() -> bool:
    if TIDY.exists():
        return True
    npm = shutil.which("npm")
    if npm is None:
        print("bibtex-tidy: npm not found, row skipped")
        return False
    result = subprocess.run([npm, "install", "--prefix", str(TIDY_DIR), "bibtex-tidy@1.14"], capture_output=True, text=True)
    if result.returncode != 0 or not TIDY.exists():
        print(f"bibtex-tidy: npm install failed, row skipped ({result.stderr.strip()[:200]})")
        return False
    return True


BIBTEXPARSER_SCRIPT = """
import sys, bibtexparser
from bibtexparser.middlewares import default_unparse_stack
lib = bibtexparser.parse_file(sys.argv[1])
text = bibtexparser.write_string(lib, unparse_stack=default_unparse_stack(allow_inplace_modification=True))
open(sys.argv[1], "w", encoding="utf-8").write(text)
"""


# ---- survival ---------------------------------------------------------------------------------
def pybtex_parse(text: str, strict: bool) -> tuple[dict[str, Any], dict[str, str], list[str]]:
    import pybtex.errors
    from pybtex.database.input.bibtex import Parser

    pybtex.errors.set_strict_mode(strict)
    parser = Parser(person_fields=[])
    data = parser.parse_string(text)
    entries = {k: (e.type.lower(), {n.lower(): " ".join(v.split()) for n, v in e.fields.items()}) for k, e in data.entries.items()}
    macros = {k.lower(): " ".join(v.split()) for k, v in parser.macros.items()}
    return entries, macros, list(data.preamble_list if hasattr(data, "preamble_list") else data._preamble)


_MONTHS = {m[:3].lower(): m for m in ("January February March April May June July August September October November December".split())}


def canon(name: str, value: str) -> str:
    """What normalization may change, taken out: braces, white space, dashes, DOI prefixes, months."""
    v = value.replace("{", "").replace("}", "")
    v = re.sub(r"\s+", " ", v).strip()
    v = re.sub(r"\s*(?:-{1,3}|–|—)\s*", "-", v)
    if name == "doi":
        v = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", v, flags=re.I)
    if name == "month":
        key = v.rstrip(".").lower()
        if key.isdigit() and 1 <= int(key) <= 12:
            key = list(_MONTHS)[int(key) - 1]
        v = _MONTHS.get(key[:3], v) if key[:3] in _MONTHS and (len(key) == 3 or _MONTHS[key[:3]].lower() == key or key == "sept") else v
    return v


ARXIV_FIELDS = {"arxiv", "arxivid", "arxiv_id", "arxiv-id"}


def survival(source: Path) -> list[str]:
    from refkit.model import Comment
    from refkit.readers.bibtex import read

    rows = []
    original = source.read_text(encoding="utf-8")
    before, macros_before, pre_before = pybtex_parse(original, strict=False)
    comments = [b.text for b in read(original).blocks if isinstance(b, Comment)]
    for mode, extra in (("no-normalize", ["--no-normalize"]), ("default", [])):
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / source.name
            shutil.copyfile(source, copy)
            os.chmod(copy, 0o644)
            first = subprocess.run(REFKIT + ["format", *extra, str(copy)], capture_output=True, text=True)
            formatted = copy.read_text(encoding="utf-8")
            second = subprocess.run(REFKIT + ["format", *extra, str(copy)], capture_output=True, text=True)
            again = copy.read_text(encoding="utf-8")
        after, macros_after, pre_after = pybtex_parse(formatted, strict=True)
        lost_entries = set(before) - set(after)
        lost_fields = changed = unexplained = moved = 0
        for key, (etype, fields) in before.items():
            if key not in after:
                continue
            new_type, new_fields = after[key]
            gone = set(fields) - set(new_fields)
            for name in list(gone):
                ident = re.sub(r"^arxiv:\s*", "", fields[name], flags=re.I)
                if name in ARXIV_FIELDS and new_fields.get("eprint") and new_fields["eprint"] in ident:
                    gone.discard(name)
                    moved += 1
            lost_fields += len(gone) + (etype != new_type)
            for name, value in fields.items():
                if name in new_fields and new_fields[name] != value:
                    changed += 1
                    if canon(name, new_fields[name]) != canon(name, value):
                        unexplained += 1
                        if unexplained <= 3:
                            print(f"  unexplained change {key}.{name}: {value!r} -> {new_fields[name]!r}")
            if mode == "no-normalize" and set(new_fields) != set(fields):
                lost_fields += 1
        missing_comments = sum(1 for c in comments if c not in formatted)
        rows.append(
            f"| {source.name} | {mode} | {len(before)} | {len(lost_entries)} | {lost_fields} | {moved} | {changed} | {unexplained} "
            f"| {'yes' if macros_after == macros_before else 'NO'} | {'yes' if pre_after == pre_before else 'NO'} "
            f"| {len(comments) - missing_comments}/{len(comments)} | {first.returncode} -> {second.returncode}, "
            f"{'identical' if again == formatted else 'CHANGED'} |"
        )
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    corpus = Path(args.corpus)
    big, mid = corpus / "big.bib", corpus / "mid.bib"
    for path in (big, mid):
        if not path.exists():
            print(f"missing {path}")
            return 2

    print(f"## Speed and memory on {big.name} (median of {args.repeat} interleaved rounds; peak RSS of the child)\n")
    tools: list[tuple[str, object]] = []
    tidy_ok = ensure_tidy()
    if tidy_ok:
        tools.append(("bibtex-tidy 1.14 --modify", lambda p: [str(TIDY), str(p), "--modify"]))
    tools.append(("refkit format", lambda p: REFKIT + ["format", str(p)]))
    tools.append(("refkit format --minimal", lambda p: REFKIT + ["format", "--minimal", str(p)]))
    # --check and --diff write nothing; --diff should cost little more than --check (target <= 1.5x)
    tools.append(("refkit format --check", lambda p: REFKIT + ["format", "--check", str(p)]))
    tools.append(("refkit format --diff", lambda p: REFKIT + ["format", "--diff", str(p)]))
    if (ROOT / "src" / "refkit" / "commands" / "check.py").exists():
        tools.append(("refkit check", lambda p: REFKIT + ["check", str(p)]))
    else:
        print("refkit check: commands/check.py does not exist yet, row skipped")
    tools.append(("bibtexparser 2 parse+write", lambda p: [PYTHON, "-c", BIBTEXPARSER_SCRIPT, str(p)]))
    rows = measure(tools, big, args.repeat)
    base = rows[0] if tidy_ok else None
    print("| tool | wall s | peak RSS MiB | exit | time / tidy | memory / tidy |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, wall, rss, code in rows:
        ratio_t = f"{wall / base[1]:.2f}x" if base else "-"
        ratio_m = f"{rss / base[2]:.2f}x" if base else "-"
        print(f"| {name} | {wall:.2f} | {rss} | {code} | {ratio_t} | {ratio_m} |")
    walls = {name: wall for name, wall, _, _ in rows}
    if "refkit format --check" in walls:
        ratio = walls["refkit format --diff"] / walls["refkit format --check"]
        print(f"\nrefkit format --diff / --check: {ratio:.2f}x (target <= 1.5x)")

    print("\n## Start-up (median of 10)\n")
    version = statistics.median(run_child([str(Path(PYTHON).parent / "refkit"), "--version"])[0] for _ in range(10))
    bare = statistics.median(run_child([PYTHON, "-c", "pass"])[0] for _ in range(10))
    print(f"refkit --version {version * 1000:.0f} ms, python -c pass {bare * 1000:.0f} ms: {version / bare:.1f}x")

    # last: parsing in this process raises its peak RSS, which children would inherit
    print("\n## Survival (pybtex strict re-parse of the formatted file)\n")
    print("| file | mode | entries | entries lost | fields lost | arXiv fields moved to eprint | values changed | unexplained | @string same | @preamble same | comments kept | exit 1st -> 2nd, 2nd pass |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---|---|---|---|")
    for path in (big, mid):
        for row in survival(path):
            print(row)

    print("\n## Idempotence with other options (in process: format(format(x)) == format(x))\n")
    from refkit.formatting import format_text

    for path in (big, mid):
        text = path.read_text(encoding="utf-8")
        results = []
        for options in ({"minimal": True}, {"sort": True}, {"keys": True}, {"keys": True, "sort": True}):
            once = format_text(text, **options)
            results.append(f"{'+'.join(options)}: {'yes' if format_text(once, **options) == once else 'NO'}")
        print(f"{path.name}: " + ", ".join(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
