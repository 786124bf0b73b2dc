"""Extraction speed and memory: ``python benchmarks/bench_extract.py [--mb 5]``.

HTML part: a ~5 MB publication page built by repeating realistic items in two
real template shapes (an al-folio ``<ol class="bibliography">`` with hidden
abstract/BibTeX boxes and badges, and a hand-written ``<table>`` with one cell
per paper), read by refkit's HTML reader. Baselines measured in the same run on
the same bytes: lxml's HTML parser alone (the floor refkit builds on) and the
standard library's ``html.parser`` doing nothing but tokenizing. Reported as
seconds, MB/s, ratios to the baselines, and peak traced memory.
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

    t_refkit, lib = _best_of(lambda: html.read(page, path="bench.html"), repeat)
    t_lxml, _ = _best_of(lambda: lxml.html.document_fromstring(page), repeat)
    t_stdlib, _ = _best_of(stdlib, repeat)
    peak = _peak_mb(lambda: html.read(page, path="bench.html"))
    entries = len(lib.entries) if lib is not None else 0  # type: ignore[attr-defined]
    print(f"HTML page: {size_mb:.2f} MB, {entries} entries extracted")
    print(f"  refkit html.read       {t_refkit:8.3f} s  {size_mb / t_refkit:7.2f} MB/s  {1000 * t_refkit / max(1, entries):.3f} ms/entry")
    print(f"  lxml parse only        {t_lxml:8.3f} s  ratio refkit/lxml   {t_refkit / t_lxml:6.1f}x")
    print(f"  stdlib html.parser     {t_stdlib:8.3f} s  ratio refkit/stdlib {t_refkit / t_stdlib:6.1f}x")
    print(f"  peak traced memory     {peak:8.1f} MB ({peak / size_mb:.1f}x the page)")
    return {"mb": size_mb, "entries": entries, "refkit_s": t_refkit, "lxml_s": t_lxml, "stdlib_s": t_stdlib, "peak_mb": peak}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--mb", type=float, default=5.0, help="size of the generated HTML page (default 5)")
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    args = ap.parse_args()
    bench_html(args.mb, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
