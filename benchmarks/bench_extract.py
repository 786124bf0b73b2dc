"""Extraction speed and memory: ``python benchmarks/bench_extract.py [--mb 5]``.

HTML part: a ~5 MB publication page built by repeating realistic items in two
real template shapes (an al-folio ``<ol class="bibliography">`` with hidden
abstract/BibTeX boxes and badges, and a hand-written ``<table>`` with one cell
per paper), read by refkit's HTML reader. Baselines measured in the same run on
the same bytes: lxml's HTML parser alone (the floor refkit builds on) and the
standard library's ``html.parser`` doing nothing but tokenizing. Reported as
seconds, MB/s, ratios to the baselines, and peak traced memory.

Text part (``--text-mb``, default 1): a ~1 MB text CV (Markdown headings and
numbered items in four citation styles — APA, IEEE-quoted, title-first lines,
Vancouver — plus non-publication sections), read by refkit's text reader.
Baselines in the same run: pybtex parsing the same entries written as BibTeX
(the cost of reading the data when it is already structured) and a regex floor
(splitting the document into items and finding years, nothing else).

Real part (``--real N``, default 3): the N largest input documents of each real
set found beside the checkout (``../extract-real/cases``, ``../extract-dev/cases``;
never the held-out set), read as ``refkit convert`` reads them: entries/s and MB/s.

Model part: loading the CRF field tagger (``refkit/data/tagger.crfsuite``) in a
fresh interpreter, and tagging one item with it.

Start-up part: ``refkit --version`` and ``refkit check small.bib`` in fresh
interpreters (bytecode cached), wall and CPU time, and ``-X importtime``'s list of
what they import: the CRF tagger, markdown-it and lxml must never be among them.

Against other checkouts (``--against DIR …``, with ``--part text`` or ``html``): the
same document read by this checkout and by each given one (a worktree of the baseline
commit, ``git worktree add --detach ../base 4374c09``) in fresh interpreters, rounds
interleaved; the median CPU time of a second read, its ratio to this checkout, and
peak traced memory. This is how "no slower than the baseline" is measured.

Times are CPU seconds (``time.process_time``, best of ``--repeat``): steadier than
wall time on a shared machine; start-up also shows wall time.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent

ALFOLIO_ITEM = """<li><div class="row">
  <div class="col-sm-2 abbr"><abbr class="badge">MNRAS</abbr></div>
  <div id="key{n}" class="col-sm-8">
    <div class="title">Simulating galaxy formation number {n} with the IllustrisTNG model</div>
    <div class="author">Annalisa Pillepich, <em>Volker Springel</em>, Dylan Nelson, and
      <span class="more-authors" title="click to view 8 more authors" onclick="var e = $(this); e.text('x');">8 more authors</span></div>
    <div class="periodical"><em>Monthly Notices of the Royal Astronomical Society</em>, Jan {year}</div>
    <div class="links">
      <a class="abstract btn btn-sm z-depth-0" role="button">Abs</a>
      <a href="http://arxiv.org/abs/1703.0{n4}" class="btn btn-sm z-depth-0" role="button">arXiv</a>
      <a class="bibtex btn btn-sm z-depth-0" role="button">Bib</a>
      <a href="https://doi.org/10.1093/mnras/stx{n4}" class="btn btn-sm z-depth-0" role="button">HTML</a>
    </div>
    <div class="abstract hidden"><p>We introduce the IllustrisTNG model, a suite of simulations; we describe the
      galaxy formation physics, its calibration and the resulting stellar mass functions at z = 0 to 4.</p></div>
    <div class="bibtex hidden"><figure class="highlight"><pre><code class="language-bibtex">@article{{key{n},
  title = {{Simulating galaxy formation number {n} with the IllustrisTNG model}},
  author = {{Pillepich, Annalisa and Springel, Volker and Nelson, Dylan}},
  journal = {{Monthly Notices of the Royal Astronomical Society}},
  year = {{{year}}},
  doi = {{10.1093/mnras/stx{n4}}}
}}</code></pre></figure></div>
  </div></div></li>
"""

TABLE_ITEM = """<tr onmouseout="sfp_stop()" onmouseover="sfp_start()"><td style="padding:10px;width:25%"><img src="t{n}.png"></td>
  <td style="padding:10px;width:70%;vertical-align:middle">
    <b>Blur Interpolation Transformer number {n} for Real-World<br>Motion from Blur</b><br>
    <strong>Zhihang Zhong<sup>*</sup></strong>, Mingdeng Cao, Xiang Ji,<br>Yinqiang Zheng, Imari Sato<br>
    <em>CVPR</em>, {year}<br>
    <a href="https://example.org/bit{n}/">project page</a> /
    <a href="https://arxiv.org/abs/2211.{n5}">arXiv</a> /
    <a href="https://github.com/x/bit{n}">code</a>
  </td></tr>
"""


def build_page(megabytes: float) -> str:
    """A publication page of about ``megabytes`` MB in two template shapes."""
    head = """<!DOCTYPE html><html><head><title>Publications</title><script>var x = 1;</script></head><body>
<nav><a href="/">Home</a> <a href="/publications/">Publications</a></nav>
<h2>News</h2><ul><li>[2024.07] Three papers are accepted by ECCV 2024.</li></ul>
<h1>Publications</h1><div class="publications"><h2 class="bibliography">Journal articles</h2><ol class="bibliography">
"""
    middle = "</ol></div><h2>Conference papers</h2><table><tbody>\n"
    tail = "</tbody></table><footer>Last updated 2024.</footer></body></html>\n"
    target = int(megabytes * 1_000_000)
    half = target // 2
    parts = [head]
    size, n = len(head), 0
    while size < half:
        item = ALFOLIO_ITEM.format(n=n, n4=f"{n % 10000:04d}", year=1990 + n % 35)
        parts.append(item)
        size += len(item)
        n += 1
    parts.append(middle)
    while size < target:
        item = TABLE_ITEM.format(n=n, n5=f"{n % 100000:05d}", year=1990 + n % 35)
        parts.append(item)
        size += len(item)
        n += 1
    parts.append(tail)
    return "".join(parts)


def _best_of(func: Callable[[], object], repeat: int) -> tuple[float, object]:
    """The least CPU time (process_time) of ``repeat`` runs, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        result = func()
        best = min(best, time.process_time() - start)
    return best, result


def _peak_mb(func: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    func()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def bench_html(megabytes: float = 5.0, repeat: int = 3) -> dict[str, float]:
    """Time refkit's HTML reader against lxml parsing and stdlib tokenizing."""
    import lxml.html

    from refkit.readers import html

    page = build_page(megabytes)
    size_mb = len(page.encode("utf-8")) / 1e6

    def stdlib() -> object:
        parser = HTMLParser()
        parser.feed(page)
        parser.close()
        return None

    from refkit.extraction.html_segments import page_items, parse_html

    t_refkit, lib = _best_of(lambda: html.read(page, path="bench.html"), repeat)
    t_segments, items = _best_of(lambda: page_items(parse_html(page)), repeat)  # type: ignore[arg-type]
    t_lxml, _ = _best_of(lambda: lxml.html.document_fromstring(page), repeat)
    t_stdlib, _ = _best_of(stdlib, repeat)
    peak = _peak_mb(lambda: html.read(page, path="bench.html"))
    entries = len(lib.entries) if lib is not None else 0  # type: ignore[attr-defined]
    print(f"HTML page: {size_mb:.2f} MB, {entries} entries extracted")
    print(f"  refkit html.read       {t_refkit:8.3f} s  {size_mb / t_refkit:7.2f} MB/s  {1000 * t_refkit / max(1, entries):.3f} ms/entry")
    print(f"  of which segmentation  {t_segments:8.3f} s  ({len(items)} items; the rest is citation parsing and merging)")  # type: ignore[arg-type]
    print(f"  lxml parse only        {t_lxml:8.3f} s  ratio refkit/lxml   {t_refkit / t_lxml:6.1f}x")
    print(f"  stdlib html.parser     {t_stdlib:8.3f} s  ratio refkit/stdlib {t_refkit / t_stdlib:6.1f}x")
    print(f"  peak traced memory     {peak:8.1f} MB ({peak / size_mb:.1f}x the page)")
    return {"mb": size_mb, "entries": entries, "refkit_s": t_refkit, "segments_s": t_segments, "lxml_s": t_lxml, "stdlib_s": t_stdlib, "peak_mb": peak}


# ---- text part ------------------------------------------------------------------------------
_FIRST = ["Anna", "Boris", "Chen", "Dana", "Emil", "Fatima", "Goran", "Hiro", "Ines", "Jonas", "Kai", "Lena", "Mateo", "Nadia"]
_LAST = ["Smith", "Müller", "Zhang", "Okafor", "van der Berg", "García", "Kowalski", "Tanaka", "Rossi", "Nguyen", "Dubois", "Larsen"]
_VENUES = [
    ("Physical Review Letters", "article"),
    ("The Astrophysical Journal", "article"),
    ("Proceedings of the National Academy of Sciences", "article"),
    ("IEEE Transactions on Information Theory", "article"),
    ("Advances in Neural Information Processing Systems", "inproceedings"),
    ("International Conference on Machine Learning (ICML)", "inproceedings"),
]
_WORDS = "dynamics of stellar streams in a cold dark matter halo with quantum error correction for sparse regression under noisy labels".split()


def _text_item(n: int) -> tuple[str, dict[str, str]]:
    """One list item in one of four styles and the same data as BibTeX fields
    (items are numbered within their year section, as CVs do)."""
    number = n % 250 + 1
    k = 2 + n % 4
    people = [(_FIRST[(n + i) % len(_FIRST)], _LAST[(n * 3 + i) % len(_LAST)]) for i in range(k)]
    title = " ".join(_WORDS[(n + i) % len(_WORDS)] for i in range(6 + n % 5)).capitalize() + f" {n}"
    venue, _ = _VENUES[n % len(_VENUES)]
    year = 1990 + n % 35
    vol, p1 = 10 + n % 90, 100 + n % 900
    style = n % 4
    if style == 0:  # APA
        names = ", ".join(f"{last}, {first[0]}." for first, last in people[:-1]) + f", & {people[-1][1]}, {people[-1][0][0]}."
        line = f"{number}. {names} ({year}). {title}. *{venue}*, {vol}({n % 12 + 1}), {p1}–{p1 + 12}. https://doi.org/10.1000/bench.{n}"
    elif style == 1:  # IEEE with quoted title
        names = ", ".join(f"{first[0]}. {last}" for first, last in people[:-1]) + f", and {people[-1][0][0]}. {people[-1][1]}"
        line = f'{number}. {names}, "{title}," {venue}, vol. {vol}, pp. {p1}-{p1 + 9}, {year}. arXiv:{year % 100 + 7:02d}{n % 12 + 1:02d}.{n % 100000:05d}'
    elif style == 2:  # title first, one field per line, tags
        names = ", ".join(f"{first} {last}" for first, last in people)
        line = f"- **{title}**\n  {names}*\n  {venue} ({year}) (Oral, CCF-A)\n  [PDF](https://example.org/p{n}.pdf) [Code](https://github.com/x/p{n})"
    else:  # Vancouver
        names = ", ".join(f"{last.split()[-1]} {first[0]}" for first, last in people)
        line = f"{number}. {names}. {title}. {venue}. {year};{vol}({n % 12 + 1}):{p1}-{p1 + 7}. PMID: {20000000 + n}"
    author = " and ".join(f"{last}, {first}" for first, last in people)
    return line, {"author": author, "title": title, "journal": venue, "year": str(year), "volume": str(vol)}


def build_text_cv(megabytes: float) -> tuple[str, str]:
    """A Markdown CV of about ``megabytes`` MB and the same publications as BibTeX."""
    head = "# Dr. Example Person\n\n## Education\n\n- PhD in Physics, Example University, 2010\n\n## Publications\n\n"
    target = int(megabytes * 1_000_000)
    parts, bib = [head], []
    size, n = len(head), 0
    while size < target:
        if n % 250 == 0:
            section = f"\n### {2024 - n // 250}\n\n"
            parts.append(section)
            size += len(section)
        line, fields = _text_item(n)
        parts.append(line + "\n")
        size += len(line) + 1
        body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items())
        bib.append(f"@article{{key{n},\n{body}\n}}\n")
        n += 1
    parts.append("\n## Awards\n\n- Best Paper Award, 2019\n\n## Teaching\n\n- Physics 101, 2015-2020\n")
    return "".join(parts), "".join(bib)


def bench_text(megabytes: float = 1.0, repeat: int = 3) -> dict[str, float]:
    """Time refkit's text reader against pybtex on the same data and a regex floor."""
    import re

    from pybtex.database import parse_string

    from refkit.readers import text

    doc, bib = build_text_cv(megabytes)
    size_mb = len(doc.encode("utf-8")) / 1e6

    def floor() -> object:
        items = re.split(r"\n(?=\d+\. |- )", doc)
        return [re.findall(r"(?:19|20)\d\d", item) for item in items]

    t_refkit, lib = _best_of(lambda: text.read(doc, path="bench.md"), repeat)
    t_pybtex, _ = _best_of(lambda: parse_string(bib, "bibtex"), repeat)
    t_floor, _ = _best_of(floor, repeat)
    peak = _peak_mb(lambda: text.read(doc, path="bench.md"))
    entries = len(lib.entries) if lib is not None else 0  # type: ignore[attr-defined]
    print(f"Text CV: {size_mb:.2f} MB, {entries} entries extracted")
    print(f"  refkit text.read       {t_refkit:8.3f} s  {size_mb / t_refkit:7.2f} MB/s  {1000 * t_refkit / max(1, entries):.3f} ms/entry")
    print(f"  pybtex, same as .bib   {t_pybtex:8.3f} s  ratio refkit/pybtex {t_refkit / t_pybtex:6.1f}x")
    print(f"  regex split floor      {t_floor:8.3f} s  ratio refkit/floor  {t_refkit / t_floor:6.1f}x")
    print(f"  peak traced memory     {peak:8.1f} MB ({peak / size_mb:.1f}x the document)")
    return {"mb": size_mb, "entries": entries, "refkit_s": t_refkit, "pybtex_s": t_pybtex, "floor_s": t_floor, "peak_mb": peak}


# ---- real documents -------------------------------------------------------------------------
def _sets_beside() -> list[Path]:
    """The real development sets beside the checkout (or beside the main checkout of a worktree)."""
    found = []
    for name in ("extract-real", "extract-dev"):  # never extract-heldout
        for base in (ROOT.parent, ROOT.parent.parent, Path("/work")):
            cases = base / name / "cases"
            if cases.is_dir():
                found.append(cases)
                break
    return found


def bench_real(per_set: int = 3, repeat: int = 3) -> list[dict[str, object]]:
    """Entries/s and MB/s of refkit reading the largest real documents of each set."""
    from refkit.io import read_string
    from refkit.fileio import read_text

    rows: list[dict[str, object]] = []
    sets = _sets_beside()
    if not sets:
        print("Real documents: no ../extract-real or ../extract-dev beside the checkout (skipped)")
        return rows
    print(f"Real documents: the {per_set} largest inputs of each set, read as refkit convert reads them")
    for cases in sets:
        inputs = [p for p in cases.glob("*/input.*") if p.is_file()]
        for path in sorted(inputs, key=lambda p: -p.stat().st_size)[:per_set]:
            text = read_text(str(path))
            size_mb = len(text.encode("utf-8")) / 1e6
            seconds, lib = _best_of(lambda: read_string(text, path=str(path)), repeat)
            entries = len(lib.entries)  # type: ignore[attr-defined]
            name = f"{cases.parent.name}/{path.parent.name}/{path.name}"
            print(f"  {name:58s} {size_mb * 1000:7.0f} kB {entries:5d} entries {seconds:7.3f} s "
                  f"{entries / seconds:8.0f} entries/s {size_mb / seconds:6.2f} MB/s")
            rows.append({"document": name, "mb": size_mb, "entries": entries, "seconds": seconds})
    return rows


# ---- the CRF model ---------------------------------------------------------------------------
_MODEL_SCRIPT = """
import time
t0 = time.perf_counter(); c0 = time.process_time()
from refkit.extraction import tagging
t1 = time.perf_counter(); c1 = time.process_time()
model = tagging.load_model()
t2 = time.perf_counter(); c2 = time.process_time()
text = "A. Smith and B. Jones. A study of things. Journal of Examples, 12(3):45-67, 2020."
tokens = tagging.tokenize(text)
labels = tagging.tag(tokens, text)
t3 = time.perf_counter(); c3 = time.process_time()
print(tagging.model_path(), t1 - t0, c1 - c0, t2 - t1, c2 - c1, t3 - t2, c3 - c2, len(labels))
"""


def bench_model(repeat: int = 3) -> dict[str, float]:
    """Load time of the CRF field tagger in a fresh interpreter (best of ``repeat``)."""
    best: list[float] | None = None
    path = ""
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", _MODEL_SCRIPT], capture_output=True, text=True, env=_ENV)
        if out.returncode != 0:
            print(f"CRF model: could not load ({out.stderr.strip().splitlines()[-1:]})")
            return {}
        fields = out.stdout.split()
        path, numbers = fields[0], [float(x) for x in fields[1:7]]
        best = numbers if best is None else [min(a, b) for a, b in zip(best, numbers)]
    assert best is not None
    size = os.path.getsize(path) / 1e6
    print(f"CRF model: {Path(path).name} ({size:.2f} MB), fresh interpreter, best of {repeat}")
    print(f"  import tagging module  {best[0] * 1000:7.1f} ms wall {best[1] * 1000:7.1f} ms CPU")
    print(f"  load the model         {best[2] * 1000:7.1f} ms wall {best[3] * 1000:7.1f} ms CPU")
    print(f"  tag the first item     {best[4] * 1000:7.1f} ms wall {best[5] * 1000:7.1f} ms CPU")
    return {"model_mb": size, "import_s": best[1], "load_s": best[3], "first_tag_s": best[5]}


# ---- CLI start-up ---------------------------------------------------------------------------
#: bytecode cached as in an installed package (a temporary cache warmed by the first run)
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
_ENV["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="refkit-bench-pycache-")
#: modules the fast commands must never import (the tagger, Markdown, HTML parsing)
HEAVY = ("pycrfsuite", "refkit.extraction.tagging", "markdown_it", "lxml")
SMALL_BIB = "@article{a,\n  author = {Doe, Jane},\n  title = {T},\n  journal = {J},\n  year = 2020,\n}\n"


def _run(cmd: list[str]) -> tuple[float, float, str]:
    """Wall and CPU seconds of one child process, and its stderr."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=_ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {out.returncode}: {out.stderr[-500:]}")
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, out.stderr


def _imports(stderr: str) -> dict[str, int]:
    """Module -> cumulative import microseconds, from ``-X importtime`` output."""
    found: dict[str, int] = {}
    for line in stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = line[len("import time:"):].split("|", 2)
            if cumulative.strip().isdigit():
                found[name.strip()] = int(cumulative)
    return found


def bench_startup(repeat: int = 10) -> dict[str, float]:
    """``refkit --version`` and ``refkit check small.bib`` start-up, and what they import."""
    refkit = [sys.executable, "-m", "refkit"]
    result: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "small.bib"
        small.write_text(SMALL_BIB, encoding="utf-8")
        commands = [("python -c pass", [sys.executable, "-c", "pass"]), ("refkit --version", refkit + ["--version"]),
                    ("refkit check small.bib", refkit + ["check", str(small)])]
        for _, cmd in commands:
            _run(cmd)  # warm the bytecode cache
        print(f"CLI start-up: fresh interpreters, bytecode cached, best of {repeat}")
        base = None
        for label, cmd in commands:
            runs = [_run(cmd) for _ in range(repeat)]
            wall, cpu = min(r[0] for r in runs), min(r[1] for r in runs)
            base = base or (wall, cpu)
            line = f"  {label:24s} {wall * 1000:6.0f} ms wall {cpu * 1000:6.0f} ms CPU ({cpu / max(base[1], 1e-3):4.1f}x python -c pass)"
            if cmd[1:3] == ["-m", "refkit"]:
                imports = _imports(_run([sys.executable, "-X", "importtime", *cmd[1:]])[2])
                heavy = sorted(m for m in imports if m.split(".")[0] in HEAVY or m in HEAVY)
                ours = sum(1 for m in imports if m.startswith("refkit"))
                line += f"  {len(imports)} modules ({ours} refkit), heavy: {', '.join(heavy) or 'none'}"
                result[f"{label} heavy"] = float(len(heavy))
            print(line)
            result[label] = cpu
    return result


# ---- against other checkouts, in the same run ---------------------------------------------
_READ_ONCE = """
import gc, sys, time, tracemalloc
sys.path.insert(0, {bench!r})
import bench_extract as b
if {part!r} == "text":
    from refkit.readers import text as reader
    doc, path = b.build_text_cv({mb})[0], "bench.md"
else:
    from refkit.readers import html as reader
    doc, path = b.build_page({mb}), "bench.html"
reader.read(doc, path=path)  # imports, compiled patterns, lexicons
gc.collect()
start = time.process_time()
lib = reader.read(doc, path=path)
seconds = time.process_time() - start
peak = 0
if {traced}:  # traced reading is slow: the first round only
    gc.collect()
    tracemalloc.start()
    reader.read(doc, path=path)
    peak = tracemalloc.get_traced_memory()[1]
print(seconds, len(lib.entries), peak / 1e6)
"""


def bench_against(part: str, trees: list[str], rounds: int, megabytes: float) -> None:
    """``part`` (text or html) read by this checkout and by each of ``trees`` (other
    checkouts: a worktree of the baseline commit), each in a fresh interpreter, rounds
    interleaved so the machine's load falls on all alike; median CPU seconds of the
    second read, the ratio to this checkout, and peak traced memory."""
    checkouts = [str(ROOT)] + [str(Path(t).resolve()) for t in trees]
    times: dict[str, list[float]] = {c: [] for c in checkouts}
    peaks: dict[str, float] = {}
    entries: dict[str, int] = {}
    for round_ in range(rounds):
        script = _READ_ONCE.format(bench=str(ROOT / "benchmarks"), part=part, mb=megabytes, traced=round_ == 0)
        for checkout in checkouts:
            env = {**_ENV, "PYTHONPATH": str(Path(checkout) / "src")}
            out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
            if out.returncode != 0:
                raise SystemExit(f"{checkout}: {out.stderr.strip()[-500:]}")
            seconds, count, peak = out.stdout.split()
            times[checkout].append(float(seconds))
            entries[checkout] = int(count)
            if round_ == 0:
                peaks[checkout] = float(peak)
    label = "text CV" if part == "text" else "HTML page"
    print(f"{label} ({megabytes:g} MB) against other checkouts: median of {rounds} interleaved runs, CPU time of a second read")
    mine = statistics.median(times[checkouts[0]])
    for checkout in checkouts:
        median = statistics.median(times[checkout])
        print(f"  {checkout:40s} {median:7.3f} s  {median / mine:5.2f}x this checkout  "
              f"{entries[checkout]:5d} entries  peak {peaks[checkout]:6.1f} MB")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--mb", type=float, default=5.0, help="size of the generated HTML page (default 5)")
    ap.add_argument("--text-mb", type=float, default=1.0, help="size of the generated text CV (default 1)")
    ap.add_argument("--part", choices=("all", "html", "text", "real", "model", "startup"), default="all",
                    help="which part to run (default all)")
    ap.add_argument("--real", type=int, default=3, help="largest documents per real set (default 3)")
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    ap.add_argument("--against", nargs="+", metavar="CHECKOUT", default=[],
                    help="also read the text CV and HTML page (or --part text|html) with these other checkouts "
                         "(e.g. a worktree of the baseline commit), interleaved in fresh interpreters")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds for --against (default 3)")
    args = ap.parse_args()
    if args.against:
        for part in ("text", "html"):
            if args.part in ("all", part):
                bench_against(part, args.against, args.rounds, args.text_mb if part == "text" else args.mb)
        return 0
    if args.part in ("all", "html"):
        bench_html(args.mb, args.repeat)
    if args.part in ("all", "text"):
        bench_text(args.text_mb, args.repeat)
    if args.part in ("all", "real"):
        bench_real(args.real, args.repeat)
    if args.part in ("all", "model"):
        bench_model(args.repeat)
    if args.part in ("all", "startup"):
        result = bench_startup(max(args.repeat, 10))
        if any(v for k, v in result.items() if k.endswith(" heavy")):
            print("a fast command imported a heavy module")
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
