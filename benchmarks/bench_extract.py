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
"""

from __future__ import annotations

import argparse
import gc
import time
import tracemalloc
from html.parser import HTMLParser
from typing import Callable

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
    best, result = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--mb", type=float, default=5.0, help="size of the generated HTML page (default 5)")
    ap.add_argument("--text-mb", type=float, default=1.0, help="size of the generated text CV (default 1)")
    ap.add_argument("--part", choices=("all", "html", "text"), default="all", help="which part to run (default all)")
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    args = ap.parse_args()
    if args.part in ("all", "html"):
        bench_html(args.mb, args.repeat)
    if args.part in ("all", "text"):
        bench_text(args.text_mb, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
