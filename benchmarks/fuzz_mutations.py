#!/usr/bin/env python3
"""Mutation fuzzing of real documents through the CLI paths, in-process.

    python benchmarks/fuzz_mutations.py [--cases 4000] [--seed 1] [--max-len 12000] [--out DIR] [--only .bib,.md]

Where :mod:`fuzz_readers` glues markup fragments to random text, this campaign starts
from real documents (tests/cases, and ../extract-real/cases and ../extract-dev/cases
when they are there) and mutates a window of one: spans deleted, repeated or truncated,
fragments of every markup inserted, runs of 10 to 3,000 of one character, nestings
of 50 to 2,000 openers (braces, brackets, ``<div>``, ``\\begin{itemize}``, ``> ``,
indented bullets, ``\\emph{``), lines repeated and shuffled, pieces of another
document spliced in, random bytes. Each mutant goes through ``refkit convert`` (to
.bib; 30 % of the time also to csljson, text, markdown, html or latex) and, for .bib
files and some others, ``format --diff``, ``check`` and an in-place ``format``
(``--keys`` now and then), by :func:`refkit.cli.main` with ``--traceback``:

- bad: a traceback, an ``internal error`` line or an RK191 warning (an item whose
  reading raised); the input and the log are saved in ``--out``;
- slow: over 2 s of CPU per 10 KB (inputs under 10 KB get 2 s);
- hang: still running after 30 s of wall time (an alarm; on a loaded machine a slow
  input can reach it, so look at its CPU time in the log).

Exit status 1 when anything was found.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import os
import random
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))
from score_real import BESIDE  # noqa: E402  (where ../extract-real and ../extract-dev are restored)
spec = importlib.util.spec_from_file_location("fz", ROOT / "tests/readers/test_readers_fuzz.py")
fz = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fz)
FRAGMENTS = fz.FRAGMENTS

from refkit import cli  # noqa: E402


def sources():
    out = []
    import glob

    for pat in [str(BESIDE / "extract-real/cases/*/input.*"), str(BESIDE / "extract-dev/cases/*/input.*"),
                str(ROOT / "tests/cases/extract/*/input.*")]:
        out += glob.glob(pat)
    out += glob.glob(str(ROOT / "tests/cases/format/**/*.bib"), recursive=True)
    out += glob.glob(str(ROOT / "tests/**/*.json"), recursive=True)[:40]
    docs = []
    for p in sorted(set(out)):
        try:
            t = Path(p).read_text(encoding="utf-8", errors="replace")
        except Exception:
            continue
        if t.strip():
            docs.append((Path(p).suffix or ".txt", t))
    return docs


def window(rng, t, max_len):
    if len(t) <= max_len:
        return t
    s = rng.randrange(0, len(t) - max_len)
    return t[s:s + max_len]


def mutate(rng, t, docs):
    ops = rng.randint(1, 6)
    for _ in range(ops):
        if not t:
            t = rng.choice(FRAGMENTS)
        r = rng.random()
        i = rng.randrange(0, len(t) + 1)
        j = min(len(t), i + rng.randint(0, 400))
        if r < 0.15:
            t = t[:i] + t[j:]
        elif r < 0.3:
            t = t[:i] + t[i:j] * rng.randint(2, 50) + t[j:]
        elif r < 0.45:
            t = t[:i] + rng.choice(FRAGMENTS) * rng.randint(1, 3) + t[i:]
        elif r < 0.55:
            c = rng.choice(" \t\n-.,;:()[]{}<>\\\"'*_#@%&~=/|`+0aA\u00a0–")
            t = t[:i] + c * rng.choice([10, 100, 1000, 3000]) + t[i:]
        elif r < 0.62:
            op, cl = rng.choice([("{", "}"), ("[", "]"), ("(", ")"), ("<div>", "</div>"), ("<ul><li>", "</li></ul>"),
                                 ("\\begin{itemize}\\item ", "\\end{itemize}"), ("> ", ""), ("  - ", ""), ("**", "**"), ("\\emph{", "}")])
            k = rng.choice([50, 300, 2000])
            t = t[:i] + op * k + t[i:j] + (cl * k if rng.random() < 0.7 else "") + t[j:]
        elif r < 0.72:
            lines = t.split("\n")
            rng.shuffle(lines) if rng.random() < 0.3 else None
            if lines:
                k = rng.randrange(len(lines))
                lines[k:k] = [lines[k]] * rng.randint(2, 200)
            t = "\n".join(lines)
        elif r < 0.8:
            other = rng.choice(docs)[1]
            t = t[:i] + window(rng, other, 2000) + t[i:]
        elif r < 0.88:
            t = t[:i]  # truncation
        elif r < 0.94:
            b = bytearray(t.encode("utf-8", "surrogatepass"))
            for _ in range(rng.randint(1, 20)):
                if b:
                    b[rng.randrange(len(b))] = rng.randrange(256)
            t = b.decode("utf-8", "replace")
        else:
            t = "".join(chr(rng.randint(32, 0x2FFF)) for _ in range(rng.randint(1, 200))).join([t[:i], t[i:]])
    return t


class Hang(Exception):
    pass


def _alarm(*a):
    raise Hang()


def run_cli(argv):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc = cli.main(argv + ["--traceback"])
        except SystemExit as e:
            rc = e.code
    return rc, err.getvalue()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default="/tmp/refkit-fuzz-mutations")
    ap.add_argument("--max-len", type=int, default=12000)
    ap.add_argument("--only", default="")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    docs = sources()
    if args.only:
        docs = [d for d in docs if d[0] in args.only.split(",")]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="safety-fuzz-"))
    counts = {"ok": 0, "bad": 0, "slow": 0, "hang": 0}
    worst = 0.0
    signal.signal(signal.SIGALRM, _alarm)
    t0 = time.time()
    for n in range(args.cases):
        ext, text = rng.choice(docs)
        text = mutate(rng, window(rng, text, args.max_len), docs)
        if rng.random() < 0.1:
            ext = rng.choice([".txt", ".md", ".html", ".tex", ".rst", ".org", ".adoc", ".bib", ".json"])
        f = tmp / f"in{ext}"
        f.write_text(text, encoding="utf-8", errors="surrogatepass")
        cmds = [["convert", str(f), "-q", "-o", str(tmp / "o.bib")]]
        r = rng.random()
        if r < 0.3:
            cmds.append(["convert", str(f), "-q", "--to", rng.choice(["csljson", "text", "markdown", "html", "latex"]), "-o", str(tmp / "o.out")])
        if ext == ".bib" or r > 0.8:
            cmds.append(["format", str(f), "--diff"])
            cmds.append(["check", str(f)])
            if ext == ".bib":
                g = tmp / "w.bib"
                g.write_text(text, encoding="utf-8", errors="surrogatepass")
                cmds.append(["format", str(g), "--keys"] if rng.random() < 0.3 else ["format", str(g)])
        for argv in cmds:
            start = time.process_time()
            signal.alarm(30)
            kind = None
            try:
                rc, err = run_cli(argv)
                if "internal error" in err or "Traceback" in err or "RK191" in err:
                    kind = "bad"
            except Hang:
                kind = "hang"
            except BaseException:
                kind = "bad"
                err = traceback.format_exc()
            finally:
                signal.alarm(0)
            spent = time.process_time() - start
            per10 = spent * 10240 / max(len(text), 10240)
            worst = max(worst, per10)
            if kind is None and per10 > 2.0:
                kind = "slow"
            if kind:
                counts[kind] += 1
                name = out / f"{kind}-{args.seed}-{n}{ext}"
                name.write_text(text, encoding="utf-8", errors="surrogatepass")
                Path(str(name) + ".log").write_text(" ".join(argv) + f"\n{spent:.2f}s\n" + (err if kind == "bad" else ""))
                print(kind, n, argv[0], ext, f"{spent:.2f}s", (err.strip().splitlines() or [""])[-1][:200], flush=True)
            else:
                counts["ok"] += 1
        if n % 100 == 0:
            print(f"[{n}] {counts} worst {worst:.2f}s/10KB elapsed {time.time()-t0:.0f}s", flush=True)
    print(f"done {args.cases} docs: {counts} worst {worst:.2f}s/10KB elapsed {time.time()-t0:.0f}s")
    return 1 if counts["bad"] + counts["slow"] + counts["hang"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
