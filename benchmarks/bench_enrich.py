"""Enrichment benchmark: the seed documents against fake arXiv / doi.org / Crossref
servers on 127.0.0.1 with 200 ms latency per request.

    .venv/bin/python benchmarks/bench_enrich.py            # delay 0 and the default 3 s
    .venv/bin/python benchmarks/bench_enrich.py --fast     # skip the 3 s run

Entries are extracted from ``../shared/seeds`` with refkit (falling back to
entries built from ``gold.json`` when extraction fails). The fake services hold
every seed paper — with complete author lists, arXiv records, published versions
(DOIs) for published work and for some preprints — plus decoys for every paper:
the same title by other authors, a one-word substitution by the same authors
in the same year, and a longer "extended" title. Reported: requests per service,
wall time, the share of entries enriched, findable facts found (arXiv id, DOI,
complete author list), false matches (any identifier or author list that is not
the entry's own paper's), requests on a warm cache, and a baseline: a naive client
that sends one unbatched request per entry, sequentially, to the same servers.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(HERE.parent / "src"))

from enrich_server import FakeScholar, Paper  # noqa: E402
from pytest_httpserver import HTTPServer  # noqa: E402

from refkit.enrichment import enrich_report  # noqa: E402
from refkit.http import HttpConfig  # noqa: E402
from refkit.match import title_similarity  # noqa: E402
from refkit.model import Entry, Library  # noqa: E402

SEEDS = Path(os.environ.get("REFKIT_SEEDS", HERE.parent.parent / "shared" / "seeds"))
EXTRA_NAMES = ["Wei Zhang", "Li Wang", "Jun Liu", "Yang Li", "Hao Chen", "Min Xu", "Tao Huang", "Lei Zhou"]
SWAPS = {"video": "image", "image": "video", "optical": "scene", "camera": "sensor", "learning": "mining",
         "network": "model", "dynamic": "static", "spike": "event", "human": "hand", "motion": "depth"}


@dataclass
class Truth:
    paper: Paper
    truncated: bool


def gold_papers() -> list[dict]:
    items = []
    for folder in sorted(p for p in SEEDS.iterdir() if p.is_dir()):
        case = json.loads((folder / "case.json").read_text())
        for g in json.loads((folder / "gold.json").read_text()):
            items.append({**g, "seed": folder.name, "input": str(folder / case["input"])})
    return items


def build_world(gold: list[dict]) -> tuple[list[Paper], list[Paper], dict[int, Truth]]:
    """Seed papers (findable), decoys, and the truth for each gold item."""
    papers: list[Paper] = []
    decoys: list[Paper] = []
    truth: dict[int, Truth] = {}
    arxiv_owner: dict[str, int] = {}
    for i, g in enumerate(gold):
        if g["arxiv"] and (g["arxiv"] not in arxiv_owner or g["type"] == "article-journal"):
            arxiv_owner[g["arxiv"]] = i
    for i, g in enumerate(gold):
        listed = [a for a in g["authors"] if a != "et al."]
        truncated = "et al." in g["authors"]
        authors = tuple(listed + ([EXTRA_NAMES[(i + k) % len(EXTRA_NAMES)] for k in range(3)] if truncated else []))
        year = g["year"] or 2023
        preprint = g["type"] == "preprint"
        arxiv = g["arxiv"] if g["arxiv"] and arxiv_owner.get(g["arxiv"]) == i else None
        if arxiv is None and not g["arxiv"] and (preprint or i % 3 != 0):
            arxiv = f"{year % 100:02d}{(i % 12) + 1:02d}.{10000 + i:05d}"
        published = not preprint or i % 2 == 0  # half of the preprints have been published since
        if preprint:
            venue = ("IEEE Transactions on Image Processing" if i % 4 == 2 else "NeurIPS") if published else ""
        else:
            venue = g["venue"] or ""
        # NeurIPS and ICLR register no DOIs: such papers are in DBLP only
        no_doi = bool(re.search(r"NeurIPS|Neural Information Processing|ICLR", venue)) and not g["doi"]
        doi = (g["doi"] or f"10.1109/SEED.{year}.{i:05d}") if published and not no_doi else None
        kind = "proceedings-article" if g["type"] == "paper-conference" else "journal-article"
        pub_year = year + 1 if preprint else year
        paper = Paper(g["title"], authors, pub_year if published else year, arxiv=arxiv,
                      arxiv_year=year if arxiv else None, doi=doi, venue=venue, type=kind,
                      pages=f"{100 + i}-{110 + i}" if published else "", volume=str(30 + i % 5) if kind == "journal-article" else "",
                      arxiv_lists_doi=i % 2 == 0, journal_ref=(f"{venue} {pub_year}" if published and i % 2 else ""))
        papers.append(paper)
        truth[i] = Truth(paper, truncated)
        words = g["title"].split()
        swapped = next((k for k, w in enumerate(words) if w.lower().strip(":,") in SWAPS), None)
        if swapped is not None:
            w = words[swapped].strip(":,")
            repl = SWAPS[w.lower()]
            words = words[:swapped] + [words[swapped].replace(w, repl.capitalize() if w[0].isupper() else repl)] + words[swapped + 1:]
        else:
            words = words + ["Revisited"]
        decoys += [
            Paper(g["title"], ("Alice Decoy", "Bob Decoy"), year, doi=f"10.9999/decoy.same.{i}", venue="Journal of Decoys",
                  arxiv=f"{year % 100:02d}{(i % 12) + 1:02d}.{20000 + i:05d}"),
            Paper(" ".join(words), authors, year, doi=f"10.9999/decoy.word.{i}", venue=venue or "Decoy Conference",
                  arxiv=f"{year % 100:02d}{(i % 12) + 1:02d}.{30000 + i:05d}"),
            Paper(g["title"] + ": Extended Version with New Experiments", authors, year + 1, doi=f"10.9999/decoy.ext.{i}",
                  venue="Decoy Transactions"),
        ]
    return papers, decoys, truth


def entries_from_gold(gold: list[dict]) -> list[Entry]:
    out = []
    types = {"paper-conference": "inproceedings", "article-journal": "article", "preprint": "misc", "chapter": "incollection"}
    for i, g in enumerate(gold):
        fields = {"title": g["title"], "author": " and ".join("others" if a == "et al." else a for a in g["authors"])}
        if g["year"]:
            fields["year"] = str(g["year"])
        kind = types.get(g["type"], "misc")
        if g["venue"]:
            fields["journal" if kind == "article" else "booktitle"] = g["venue"]
        if g["arxiv"]:
            fields.update(eprint=g["arxiv"], archiveprefix="arXiv")
        if g["doi"]:
            fields["doi"] = g["doi"]
        out.append(Entry(kind, f"g{i}", fields))
    return out


def extracted_entries(gold: list[dict]) -> tuple[list[Entry], str]:
    import refkit

    entries: list[Entry] = []
    try:
        for path in sorted({g["input"] for g in gold}):
            entries += refkit.read(path).entries
    except Exception as exc:  # the extractors are someone else's work in progress
        return entries_from_gold(gold), f"gold.json (extraction failed: {exc})"
    if not entries:
        return entries_from_gold(gold), "gold.json (extraction found nothing)"
    return entries, "extracted with refkit"


def assign_truth(entries: list[Entry], gold: list[dict], truth: dict[int, Truth]) -> dict[str, Truth | None]:
    from refkit.latex import to_unicode

    out: dict[str, Truth | None] = {}
    for e in entries:
        title = to_unicode(e.get("title") or "")
        best = max(range(len(gold)), key=lambda i: title_similarity(title, gold[i]["title"]), default=None)
        ok = best is not None and title_similarity(title, gold[best]["title"]) >= 0.9
        out[e.key] = truth[best] if ok and best is not None else None
    return out


def score(before: Library, after: Library, truths: dict[str, Truth | None]) -> dict[str, int]:
    from refkit.ids import normalize_doi, parse_arxiv

    s = dict(facts=0, found=0, false=0, unverifiable=0, not_sought=0)
    for old, new in zip(before.entries, after.entries):
        t = truths.get(old.key)
        new_doi = (normalize_doi(new.get("doi")) or "").lower()
        new_arxiv = parse_arxiv(new.get("eprint") or "")
        if t is None:
            if new != old:
                s["unverifiable"] += 1
            continue
        p = t.paper
        if p.doi and not old.get("doi"):
            s["facts"] += 1
            s["found"] += new_doi == p.doi.lower()
        if p.arxiv and not old.get("eprint") and not old.get("doi"):
            s["facts"] += 1
            s["found"] += bool(new_arxiv and new_arxiv.id == p.arxiv)
        elif p.arxiv and not old.get("eprint"):
            # refkit searches arXiv only for entries without any identifier
            s["not_sought"] += 1
        if p.venue and not any(old.get(f) for f in ("journal", "booktitle")):
            s["facts"] += 1
            s["found"] += p.venue in (new.get("journal"), new.get("booktitle"))
        if t.truncated:
            s["facts"] += 1
            s["found"] += len(new.names()) == len(p.authors) and not any(n.is_others for n in new.names())
        if new_doi and new_doi != (normalize_doi(old.get("doi")) or "").lower() and new_doi != (p.doi or "").lower():
            s["false"] += 1
        if new_arxiv and new.get("eprint") != old.get("eprint") and new_arxiv.id != p.arxiv:
            s["false"] += 1
        if new.get("author") != old.get("author") and len(new.names()) != len(p.authors):
            s["false"] += 1
    return s


def naive_baseline(entries: list[Entry], config: HttpConfig) -> tuple[int, float]:
    """One request per entry, sequentially: arXiv id_list with a single id, else a Crossref search."""
    import requests

    from refkit.ids import parse_arxiv

    t0 = time.perf_counter()
    count = 0
    with requests.Session() as session:
        for e in entries:
            arxiv = parse_arxiv(e.get("eprint") or "")
            if arxiv:
                session.get(config.arxiv_url, params={"id_list": arxiv.id}, timeout=10)
            else:
                session.get(config.crossref_url + "/works", params={"query.bibliographic": e.get("title") or "", "rows": "5"}, timeout=10)
            count += 1
            time.sleep(config.arxiv_delay if arxiv else 0)
    return count, time.perf_counter() - t0


def run(entries: list[Entry], config: HttpConfig, scholar: FakeScholar, sources: tuple[str, ...] = ("arxiv", "doi", "crossref")) -> tuple[Library, object, float, dict[str, int]]:
    before = {"_log": len(scholar.log)}
    t0 = time.perf_counter()
    result, report = enrich_report(Library.from_entries(entries), http=config, sources=sources)
    wall = time.perf_counter() - t0
    log_start = before.get("_log", 0)
    lines = scholar.log[log_start:]
    counts = {
        "arxiv id_list": sum(1 for line in lines if line.startswith("/arxiv") and "id_list=" in line),
        "arxiv search": sum(1 for line in lines if line.startswith("/arxiv") and "search_query=" in line),
        "crossref-search": sum(1 for line in lines if line.startswith("/crossref/works")),
        "doi.org": sum(1 for line in lines if line.startswith("/doi/")),
        "agency (crossref/datacite)": sum(1 for line in lines if line.startswith(("/crossref/v1/", "/datacite/"))),
        "dblp": sum(1 for line in lines if line.startswith("/dblp/")),
    }
    return result, report, wall, counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fast", action="store_true", help="skip the run with the default 3 s arXiv delay")
    parser.add_argument("--latency", type=float, default=0.2)
    opts = parser.parse_args()

    gold = gold_papers()
    papers, decoys, truth = build_world(gold)
    scholar = FakeScholar(papers + decoys, latency=opts.latency)
    servers = {name: HTTPServer(host="127.0.0.1", threaded=True) for name in ("arxiv", "doi", "crossref", "dblp")}
    for name, server in servers.items():
        server.expect_request(__import__("re").compile(".*")).respond_with_handler(scholar)
        server.start()
    scholar.agency_url = servers["crossref"].url_for("").rstrip("/")  # doi.org 302s to another host
    urls = dict(arxiv_url=servers["arxiv"].url_for("/arxiv/api/query"), crossref_url=servers["crossref"].url_for("/crossref"),
                doi_url=servers["doi"].url_for("/doi"), dblp_url=servers["dblp"].url_for("/dblp"))
    try:
        entries, origin = extracted_entries(gold)
        truths = assign_truth(entries, gold, truth)
        library = Library.from_entries(entries)
        print(f"entries: {len(entries)} ({origin}); {sum(t is not None for t in truths.values())} matched to a seed paper; "
              f"fake services hold {len(papers)} papers + {len(decoys)} decoys; latency {opts.latency * 1000:.0f} ms/request")
        with tempfile.TemporaryDirectory() as cache:
            config = HttpConfig.from_env({}, cache_dir=cache, arxiv_delay=0.0, **urls)
            result, report, wall, counts = run(entries, config, scholar)
            s = score(library, result, truths)
            print(f"\n[delay 0, cold cache] wall {wall:.1f} s; requests {counts} (total {sum(counts.values())})")
            print(f"  {report.summary()}")  # type: ignore[attr-defined]
            enriched = report.counts().get("enriched", 0)  # type: ignore[attr-defined]
            print(f"  enriched {enriched}/{len(entries)} = {enriched / max(1, len(entries)):.0%}; "
                  f"findable facts found {s['found']}/{s['facts']}; false matches {s['false']}; "
                  f"changed entries without a seed paper {s['unverifiable']}; "
                  f"not sought: {s['not_sought']} arXiv id(s) of entries that already have a DOI")
            n_base, t_base = naive_baseline(entries, replace(config, arxiv_delay=0.0))
            print(f"  baseline (one unbatched request per entry, sequential): {n_base} requests, {t_base:.1f} s "
                  f"-> refkit wall time {wall / t_base:.2f}x the baseline's, while also following leads and searching")
            warm_result, warm_report, warm_wall, warm_counts = run(entries, config, scholar)
            same = [e.fields for e in warm_result.entries] == [e.fields for e in result.entries]
            print(f"\n[delay 0, warm cache] wall {warm_wall:.2f} s; requests {sum(warm_counts.values())}; same result: {same}")
        with tempfile.TemporaryDirectory() as cache:
            config = HttpConfig.from_env({}, cache_dir=cache, arxiv_delay=0.0, **urls)
            result, report, wall, counts = run(entries, config, scholar, sources=("arxiv", "doi", "crossref", "dblp"))
            s = score(library, result, truths)
            print(f"\n[delay 0, cold cache, --sources arxiv,doi,crossref,dblp] wall {wall:.1f} s; requests {counts}")
            print(f"  findable facts found {s['found']}/{s['facts']}; false matches {s['false']}")
        if not opts.fast:
            with tempfile.TemporaryDirectory() as cache:
                config = HttpConfig.from_env({}, cache_dir=cache, **urls)  # the default arXiv delay (3 s)
                result, report, wall, counts = run(entries, config, scholar)
                s = score(library, result, truths)
                print(f"\n[delay {config.arxiv_delay:g} s, cold cache] wall {wall:.1f} s; requests {counts}; "
                      f"facts {s['found']}/{s['facts']}; false matches {s['false']}")
                per_entry = sum(1 for e in entries if e.get("eprint") or not e.get("doi"))
                made = counts["arxiv id_list"] + counts["arxiv search"]
                print(f"  one arXiv request per entry (id lookup or title search) would be {per_entry} requests, "
                      f">= {per_entry * config.arxiv_delay:.0f} s at this delay; refkit made {made}")
    finally:
        for server in servers.values():
            server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
