"""Reading and running the CSL processor test suite's bibliography fixtures.

A fixture (``fixtures/<name>.txt``, from citation-style-language/test-suite)
holds sections ``>>===== NAME =====>>`` … ``<<===== NAME =====<<``: MODE, CSL
(the style), INPUT (CSL-JSON items), RESULT (the expected HTML bibliography),
and optionally CITATION-ITEMS / CITATIONS (which items are cited, in order).

Both runners produce the suite's HTML lines (``<div class="csl-bib-body">``,
one ``  <div class="csl-entry">…</div>`` per entry, ``</div>``) and compare
them line by line as citeproc-py's own harness (tests/citeproc-test.py) does,
``&amp;`` written ``&#38;`` as citeproc-js writes it.

Used by tests/writers/test_csl_suite.py and benchmarks/bench_csl_suite.py.
"""

from __future__ import annotations

import io
import json
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
KNOWN_FAILURES = HERE / "known_failures.txt"

_SECTION = re.compile(r">>=+ ?([A-Z-]+) ?=+>>\n(.*?)\n<<=+ ?\1 ?=+<<", re.DOTALL)


@dataclass(frozen=True)
class Fixture:
    """One bibliography-mode fixture."""

    name: str
    csl: str
    items: list[dict[str, Any]]
    cited: list[str]
    expected: list[str]


def load(path: Path) -> Fixture:
    """Parse the fixture at ``path``."""
    sections = {m.group(1): m.group(2) for m in _SECTION.finditer(path.read_text(encoding="utf-8"))}
    items = json.loads(sections["INPUT"])
    for n, item in enumerate(items):
        item.setdefault("id", n)
        item["id"] = str(item["id"])
    cited: list[str] = []
    if sections.get("CITATION-ITEMS"):
        for citation in json.loads(sections["CITATION-ITEMS"]):
            cited += [str(c["id"]) for c in citation]
    elif sections.get("CITATIONS"):
        cited = _cited_after_updates(json.loads(sections["CITATIONS"]))
    else:
        cited = [item["id"] for item in items]
    known = {item["id"] for item in items}
    cited = [c for c in dict.fromkeys(cited) if c in known]
    return Fixture(path.stem, sections["CSL"], items, cited, sections["RESULT"].splitlines())


def _cited_after_updates(calls: list[Any]) -> list[str]:
    """The items the document cites after the fixture's citation calls, in
    order. Each call is ``[citation, citationsPre, citationsPost]`` as
    citeproc-js's ``processCitationCluster`` takes it: the document becomes the
    citations named in ``citationsPre`` (``[citationID, noteIndex]`` pairs),
    this citation, then those in ``citationsPost``; a citation named in no
    list is deleted, and a citationID given again replaces that citation."""
    by_id: dict[str, list[str]] = {}
    document: list[str] = []
    for n, (citation, pre, post) in enumerate(calls):
        cid = str(citation.get("citationID", f"CITATION-{n}"))
        by_id[cid] = [str(c["id"]) for c in citation["citationItems"]]
        document = [str(p[0]) for p in pre] + [cid] + [str(p[0]) for p in post]
    return [item for cid in document for item in by_id.get(cid, [])]


def fixtures() -> list[Fixture]:
    """Every vendored fixture, by name."""
    return [load(p) for p in sorted(FIXTURES.glob("*.txt"))]


def known_failures() -> dict[str, str]:
    """Fixture name -> the reason (its family) from known_failures.txt."""
    out: dict[str, str] = {}
    for line in KNOWN_FAILURES.read_text(encoding="utf-8").splitlines():
        name, _, reason = line.partition("#")
        if name.strip():
            out[name.strip()] = reason.strip()
    return out


def _lines(entries: list[str]) -> list[str]:
    text = "\n".join(['<div class="csl-bib-body">', *('  <div class="csl-entry">' + e + "</div>" for e in entries), "</div>"])
    return text.replace("&amp;", "&#38;").split("\n")


def run_refkit(fixture: Fixture) -> list[str]:
    """The bibliography refkit renders: CSL-JSON read by refkit's reader, the
    cited entries in citation order, ``refkit.render(..., format="html")``."""
    import refkit
    from refkit.readers.csljson import read

    library = read(json.dumps(fixture.items))
    by_key = {e.key: e for e in library.entries}
    entries = [by_key[c] for c in fixture.cited if c in by_key]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "style.csl"
        path.write_text(fixture.csl, encoding="utf-8")
        bib = refkit.render(entries, style=str(path), format="html", markers=False)
    return _lines([text for _, text in bib])


def run_citeproc(fixture: Fixture) -> list[str]:
    """The bibliography plain citeproc-py renders, as its harness runs it."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
    from citeproc.source.json import CiteProcJSON

    style = CitationStylesStyle(io.BytesIO(fixture.csl.encode("utf-8")), validate=False)
    items = json.loads(json.dumps(fixture.items))
    for item in items:  # citeproc-py needs a type; its harness makes a missing one 'book'
        item.setdefault("type", "book")
    bib = CitationStylesBibliography(style, CiteProcJSON(items))
    bib.register(Citation([CitationItem(c) for c in fixture.cited]))
    if style.has_bibliography():
        bib.sort()
    return _lines([str(entry) for entry in bib.bibliography()])


def passes(run: Any, fixture: Fixture) -> bool:
    """Whether ``run(fixture)`` gives the expected lines (an exception fails)."""
    try:
        return bool(run(fixture) == fixture.expected)
    except Exception:
        return False
