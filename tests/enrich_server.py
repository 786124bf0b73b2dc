"""A fake arXiv + doi.org + Crossref for tests and benchmarks, on 127.0.0.1.

It answers in the recorded formats of the real services (Atom feeds in the
2025+ layout, Crossref's JSON envelope and work objects, doi.org's 302 to the
agency and CSL-JSON, DataCite CSL for 10.48550/10.5281 DOIs, Crossref's
plain-text 404, arXiv's HTTP 400 error feed) from a small in-memory database of
:class:`Paper` objects. Searches rank leniently, like the real ones, so decoys
(near-miss titles, same titles by other authors) come back as candidates.

Use :func:`install` with a pytest-httpserver ``HTTPServer``; :class:`FakeScholar`
counts requests per service and can inject faults (``fail(prefix, *responses)``).
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Any, Iterable
from urllib.parse import quote, unquote
from xml.sax.saxutils import escape

from werkzeug import Request, Response

ARXIV_PATH = "/arxiv/api/query"


@dataclass(frozen=True)
class Paper:
    title: str
    authors: tuple[str, ...]  # display names, "Given Family"
    year: int
    arxiv: str | None = None  # arXiv id without version
    arxiv_year: int | None = None  # v1 year (default: year)
    doi: str | None = None  # the published version's DOI (Crossref)
    venue: str = ""
    type: str = "journal-article"  # Crossref type
    volume: str = ""
    issue: str = ""
    pages: str = ""
    publisher: str = "Example Publisher"
    category: str = "cs.CV"
    arxiv_lists_doi: bool = True  # arXiv metadata carries <arxiv:doi>
    journal_ref: str = ""
    version: int = 2

    @property
    def v1_year(self) -> int:
        return self.arxiv_year or self.year


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2}


def _family(display: str) -> str:
    return display.split()[-1] if display.split() else display


class FakeScholar:
    """The fake services over a list of papers; ``counts`` per service."""

    def __init__(self, papers: Iterable[Paper], latency: float = 0.0):
        self.papers = list(papers)
        self.latency = latency
        self.counts: Counter[str] = Counter()
        self.log: list[str] = []
        self._faults: dict[str, deque[Response | float]] = {}
        self._lock = threading.Lock()

    # ---- faults -----------------------------------------------------------------------
    def fail(self, prefix: str, *responses: Response | float) -> None:
        """Serve ``responses`` (in order) to the next requests whose path starts with
        ``prefix``; a float instead of a response sleeps that long (a timeout)."""
        self._faults.setdefault(prefix, deque()).extend(responses)

    def _fault(self, path: str) -> Response | float | None:
        with self._lock:
            for prefix, queue in self._faults.items():
                if path.startswith(prefix) and queue:
                    return queue.popleft()
        return None

    # ---- dispatch -----------------------------------------------------------------------
    def __call__(self, request: Request) -> Response:
        path = request.path
        service = path.split("/")[1] if "/" in path else path
        with self._lock:
            self.counts[service] += 1
            self.log.append(request.full_path)
        if self.latency:
            time.sleep(self.latency)
        fault = self._fault(path)
        if isinstance(fault, (int, float)):
            time.sleep(fault)
            return Response("late", status=200)
        if fault is not None:
            return fault
        if path == ARXIV_PATH:
            return self.arxiv(request)
        if path.startswith("/doi/"):
            return self.doi(request, unquote(path[len("/doi/"):]))
        m = re.match(r"^/crossref/v1/works/(.+)/transform$", path)
        if m:
            return self.crossref_transform(unquote(m.group(1)))
        if path == "/crossref/works":
            return self.crossref_search(request)
        if path == "/dblp/search/publ/api":
            return self.dblp_search(request)
        if path.startswith("/datacite/"):
            return self.datacite(unquote(path[len("/datacite/"):]))
        return Response("Resource not found.", status=404, content_type="text/plain")

    # ---- arXiv -----------------------------------------------------------------------------
    def arxiv(self, request: Request) -> Response:
        ids = [i for i in request.args.get("id_list", "").split(",") if i]
        query = request.args.get("search_query", "")
        rows = int(request.args.get("max_results", "10"))
        found: list[tuple[Paper, str]] = []
        for ident in ids:
            m = re.fullmatch(r"((?:\d{4}\.\d{4,5})|(?:[a-z\-]+(?:\.[A-Z]{2})?/\d{7}))(v\d+)?", ident)
            if not m:
                return Response(_arxiv_error(ident), status=400, content_type="application/atom+xml")
            paper = next((p for p in self.papers if p.arxiv == m.group(1)), None)
            if paper is not None:
                found.append((paper, m.group(2) or f"v{paper.version}"))
        if query:
            # one or more "(ti:"…" AND au:x) OR (…)" groups, each ranked on its own
            seen: set[str] = set()
            for group in query.split(" OR "):
                title = " ".join(re.findall(r'ti:"([^"]*)"', group))
                authors = [a.replace("_", " ").strip("()") for a in re.findall(r"au:(\S+)", group)]
                want = _words(title)
                scored = []
                for paper in self.papers:
                    if not paper.arxiv or paper.arxiv in seen:
                        continue
                    have = _words(paper.title)
                    overlap = len(want & have) / max(1, len(want))
                    families = [f.lower() for f in map(_family, paper.authors)]
                    if overlap >= 0.6 and (not authors or any(a.lower() in families for a in authors)):
                        scored.append((overlap, paper))
                scored.sort(key=lambda s: -s[0])
                for _, paper in scored[:5]:
                    seen.add(paper.arxiv or "")
                    found.append((paper, f"v{paper.version}"))
            found = found[:rows]
        return Response(_feed(found, request.query_string.decode()), content_type="application/atom+xml; charset=utf-8")

    # ---- doi.org ----------------------------------------------------------------------------
    def doi(self, request: Request, doi: str) -> Response:
        if not doi.startswith("10."):
            return Response("<html><head><title>Error: Not a DOI</title></head><body><h3>Not a DOI</h3></body></html>",
                            status=400, content_type="text/html;charset=utf-8")
        datacite = doi.lower().startswith(("10.48550/", "10.5281/"))
        known = self._datacite(doi) if datacite else self._by_doi(doi)
        if known is None:
            return Response(f"<html><head><title>Error: DOI Not Found</title></head><body><h3>{escape(doi)}</h3></body></html>",
                            status=404, content_type="text/html;charset=utf-8")
        base = request.host_url.rstrip("/")
        target = f"/datacite/{doi}" if datacite else f"/crossref/v1/works/{quote(doi, safe='')}/transform"
        location = getattr(self, "agency_url", None) or base
        return Response("<html><head><title>Handle Redirect</title></head><body><a href=\"x\">x</a></body></html>",
                        status=302, headers={"Location": location.rstrip("/") + target, "Vary": "Origin, Accept"},
                        content_type="text/html;charset=utf-8")

    def _by_doi(self, doi: str) -> Paper | None:
        return next((p for p in self.papers if p.doi and p.doi.lower() == doi.lower()), None)

    def _datacite(self, doi: str) -> Paper | None:
        m = re.match(r"10\.48550/arxiv\.(.+)$", doi, re.I)
        return next((p for p in self.papers if m and p.arxiv == m.group(1)), None)

    def crossref_transform(self, doi: str) -> Response:
        paper = self._by_doi(doi)
        if paper is None:
            return Response("Resource not found.", status=404, content_type="text/plain")
        work = _work(paper)
        work["title"] = paper.title
        work["container-title"] = paper.venue
        work["URL"] = f"http://dx.doi.org/{paper.doi}"
        return Response(json.dumps(work), content_type="application/vnd.citationstyles.csl+json")

    def datacite(self, doi: str) -> Response:
        paper = self._datacite(doi)
        if paper is None:
            return Response("Not found", status=404, content_type="text/plain")
        item = {
            "type": "article", "id": f"https://doi.org/{doi}", "categories": [], "language": "en",
            "author": [{"family": _family(a), "given": " ".join(a.split()[:-1])} for a in paper.authors],
            "issued": {"date-parts": [[paper.v1_year]]}, "abstract": f"Abstract of {paper.title}.",
            "DOI": doi.upper(), "publisher": "arXiv", "title": paper.title,
            "URL": f"https://arxiv.org/abs/{paper.arxiv}", "copyright": "arXiv.org perpetual, non-exclusive license",
        }
        return Response(json.dumps(item, indent=2), content_type="application/vnd.citationstyles.csl+json")

    # ---- Crossref ---------------------------------------------------------------------------
    def crossref_search(self, request: Request) -> Response:
        text = request.args.get("query.bibliographic", "")
        authors = request.args.get("query.author", "").lower().split()
        rows = int(request.args.get("rows", "20"))
        want = _words(text)
        scored = []
        for paper in self.papers:
            if not paper.doi:
                continue
            have = _words(paper.title) | {str(paper.year)}
            score = 10 * len(want & have) / max(1, len(want))
            score += sum(1 for a in map(_family, paper.authors) if a.lower() in authors)
            if want & have:
                scored.append((score, paper))
        scored.sort(key=lambda s: -s[0])
        items = []
        for score, paper in scored[:rows]:
            work = _work(paper)
            work["score"] = round(score * 7.3, 3)
            items.append(work)
        body = {"status": "ok", "message-type": "work-list", "message-version": "1.0.0",
                "message": {"facets": {}, "total-results": len(scored), "items": items, "items-per-page": rows,
                            "query": {"start-index": 0, "search-terms": None}}}
        return Response(json.dumps(body, separators=(",", ":")).replace("/", "\\/"), content_type="application/json")


    # ---- DBLP --------------------------------------------------------------------------------
    def dblp_search(self, request: Request) -> Response:
        want = _words(request.args.get("q", ""))
        hits = int(request.args.get("h", "30"))
        scored = []
        for paper in self.papers:
            have = _words(paper.title) | {w.lower() for a in paper.authors for w in a.split()}
            score = len(want & have) / max(1, len(want))
            if score >= 0.5:
                if paper.venue:
                    scored.append((score, _dblp_info(paper, corr=False)))
                if paper.arxiv:
                    scored.append((score - 0.01, _dblp_info(paper, corr=True)))
        scored.sort(key=lambda s: -s[0])
        found = [{"@score": str(int(10 * sc)), "@id": str(3086138 + i), "info": info, "url": f"URL#{3086138 + i}"}
                 for i, (sc, info) in enumerate(scored[:hits])]
        result: dict[str, Any] = {
            "query": " ".join(f"{w}*" for w in sorted(want)), "status": {"@code": "200", "text": "OK"},
            "time": {"@unit": "msecs", "text": "29.52"},
            "hits": {"@total": str(len(scored)), "@computed": str(len(scored)), "@sent": str(len(found)), "@first": "0"},
        }
        if found:
            result["hits"]["hit"] = found
        return Response(json.dumps({"result": result}), content_type="application/json")


def _dblp_info(p: Paper, corr: bool) -> dict[str, Any]:
    people = [{"@pid": f"{100 + i}/{2000 + i}", "text": a} for i, a in enumerate(p.authors)]
    info: dict[str, Any] = {
        "authors": {"author": people[0] if len(people) == 1 else people},
        "title": escape(p.title, {"'": "&apos;"}) + ".",
        "venue": "CoRR" if corr else p.venue,
        "year": str(p.v1_year if corr else p.year),
        "type": "Informal and Other Publications" if corr else
                ("Journal Articles" if p.type == "journal-article" else "Conference and Workshop Papers"),
        "access": "open", "key": f"{'journals/corr/abs-' + (p.arxiv or '') if corr else 'conf/x/' + str(abs(hash(p.title)) % 10**6)}",
    }
    if corr:
        info["volume"] = f"abs/{p.arxiv}"
        info["ee"] = f"https://arxiv.org/abs/{p.arxiv}"
        info["doi"] = f"10.48550/ARXIV.{p.arxiv}"
    else:
        if p.pages:
            info["pages"] = p.pages
        if p.volume:
            info["volume"] = p.volume
        if p.doi:
            info["doi"] = p.doi
            info["ee"] = [f"https://doi.org/{p.doi}", "https://example.org/paper"]
    return info


# ---- renderers in the recorded formats -----------------------------------------------------------
def _feed(found: list[tuple[Paper, str]], query: str) -> str:
    entries = "".join(_entry(p, v) for p, v in found)
    return (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        '<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">\n'
        "  <id>https://arxiv.org/api/zVBoTnqcVpmAn7IBomvZOr/vqEw</id>\n"
        f"  <title>arXiv Query: {escape(unquote(query))}</title>\n"
        "  <updated>2026-04-12T22:09:25Z</updated>\n"
        f'  <link href="https://arxiv.org/api/query?{escape(query)}" type="application/atom+xml"/>\n'
        f"  <opensearch:itemsPerPage>{max(1, len(found))}</opensearch:itemsPerPage>\n"
        f"  <opensearch:totalResults>{len(found)}</opensearch:totalResults>\n"
        "  <opensearch:startIndex>0</opensearch:startIndex>\n"
        f"{entries}</feed>\n"
    )


def _entry(p: Paper, version: str) -> str:
    ident = f"{p.arxiv}{version}"
    authors = "".join(f"    <author>\n      <name>{escape(a)}</name>\n    </author>\n" for a in p.authors)
    extra = ""
    if p.doi and p.arxiv_lists_doi:
        extra += f'    <arxiv:doi>{escape(p.doi)}</arxiv:doi>\n    <link href="https://doi.org/{escape(p.doi)}" rel="related" title="doi"/>\n'
    if p.journal_ref:
        extra += f"    <arxiv:journal_ref>{escape(p.journal_ref)}</arxiv:journal_ref>\n"
    # titles keep the submitter's line breaks, as arXiv serves them
    title = escape(p.title)
    if len(title) > 50:
        cut = title.rfind(" ", 0, 50)
        title = title[:cut] + "\n  " + title[cut + 1:]
    return (
        "  <entry>\n"
        f"    <id>http://arxiv.org/abs/{ident}</id>\n"
        f"    <title>{title}</title>\n"
        f"    <updated>{p.v1_year}-06-02T10:00:00Z</updated>\n"
        f'    <link href="https://arxiv.org/abs/{ident}" rel="alternate" type="text/html"/>\n'
        f'    <link href="https://arxiv.org/pdf/{ident}" rel="related" type="application/pdf" title="pdf"/>\n'
        f"    <summary>Abstract of {escape(p.title)}.\n  Second line.</summary>\n"
        f'    <category term="{p.category}" scheme="http://arxiv.org/schemas/atom"/>\n'
        f"    <published>{p.v1_year}-03-01T17:59:59Z</published>\n"
        f"{extra}"
        f'    <arxiv:primary_category term="{p.category}"/>\n'
        f"{authors}"
        "  </entry>\n"
    )


def _arxiv_error(ident: str) -> str:
    return (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        '<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">\n'
        "  <id>https://arxiv.org/</id>\n  <title>arXiv Search Results</title>\n  <updated>2026-04-12T22:59:06Z</updated>\n"
        "  <opensearch:itemsPerPage>1</opensearch:itemsPerPage>\n  <opensearch:totalResults>1</opensearch:totalResults>\n"
        "  <opensearch:startIndex>0</opensearch:startIndex>\n  <entry>\n"
        f"    <id>https://arxiv.org/api/errors#incorrect_id_format_for_{escape(ident)}</id>\n    <title>Error</title>\n"
        "    <updated>2026-04-12T22:59:06Z</updated>\n"
        f'    <link href="https://arxiv.org/api/errors#incorrect_id_format_for_{escape(ident)}" rel="alternate" type="text/html"/>\n'
        f"    <summary>incorrect id format for {escape(ident)}</summary>\n"
        "    <author>\n      <name>arXiv api core</name>\n    </author>\n  </entry>\n</feed>\n"
    )


def _work(p: Paper) -> dict[str, Any]:
    """A Crossref work object (REST layout: titles are lists)."""
    work: dict[str, Any] = {
        "indexed": {"date-parts": [[2026, 6, 3]], "date-time": "2026-06-03T07:20:50Z", "timestamp": 1780471250579},
        "reference-count": 12, "publisher": p.publisher,
        "content-domain": {"domain": [], "crossmark-restriction": False},
        "DOI": (p.doi or "").lower(), "type": p.type,
        "created": {"date-parts": [[p.year, 5, 30]], "date-time": f"{p.year}-05-30T00:40:41Z", "timestamp": 0},
        "source": "Crossref", "is-referenced-by-count": 7, "title": [p.title], "prefix": (p.doi or "").split("/")[0],
        "author": [{"given": " ".join(a.split()[:-1]), "family": _family(a),
                    "sequence": "first" if i == 0 else "additional", "affiliation": []} for i, a in enumerate(p.authors)],
        "member": "297", "container-title": [p.venue] if p.venue else [], "original-title": [],
        "deposited": {"date-parts": [[2024, 2, 6]], "date-time": "2024-02-06T23:56:00Z", "timestamp": 1707263760000},
        "score": 1, "resource": {"primary": {"URL": f"https://example.org/{p.doi}"}},
        "issued": {"date-parts": [[p.year, 6]]}, "references-count": 12, "URL": f"https://doi.org/{p.doi}",
    }
    for key, value in (("volume", p.volume), ("issue", p.issue), ("page", p.pages)):
        if value:
            work[key] = value
    if p.type == "proceedings-article":
        work["event"] = {"name": p.venue, "location": "Somewhere"}
    return work


def install(httpserver: Any, scholar: FakeScholar) -> dict[str, str]:
    """Route every request of ``httpserver`` to ``scholar``; returns the
    ``HttpConfig`` URL overrides pointing at it."""
    httpserver.expect_request(re.compile(".*")).respond_with_handler(scholar)
    base = httpserver.url_for("").rstrip("/")
    return {"arxiv_url": base + ARXIV_PATH, "crossref_url": base + "/crossref", "doi_url": base + "/doi", "dblp_url": base + "/dblp"}


# ---- helpers shared by the enrichment tests ---------------------------------------------------------
FIXTURES = __import__("pathlib").Path(__file__).parent / "fixtures" / "api"


def fixture(name: str) -> str:
    """The text of ``tests/fixtures/api/<name>`` (recorded-format responses)."""
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_config(cache_dir: Any, urls: dict[str, str] | None = None, **overrides: Any) -> Any:
    """An HttpConfig for tests: no pacing, tiny backoff, short timeout, a private cache."""
    from refkit.http import HttpConfig

    values: dict[str, Any] = dict(cache_dir=str(cache_dir), arxiv_delay=0.0, host_delay=0.0, backoff=0.01,
                                  timeout=5.0, retries=2, mailto="tests@example.org")
    values.update(urls or {})
    values.update(overrides)
    return HttpConfig.from_env({}, **values)


test_config.__test__ = False  # type: ignore[attr-defined]  # not a test for pytest
