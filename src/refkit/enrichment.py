"""Enrichment: complete entries from arXiv, doi.org and Crossref — never guessing.

``enrich(library, **options) -> Library`` is the public entry point;
:func:`enrich_report` also returns the :class:`EnrichReport`.

How a run goes (requests batched and paced by :class:`refkit.http.Client`;
different hosts are asked in parallel, each through its own small thread pool):

1. **Identifiers first.** Entries with an arXiv id (``eprint``, an arxiv.org URL,
   an arXiv DOI, "arXiv:…" in a field) are looked up in batched ``id_list``
   queries — many ids per request. Entries with a DOI are looked up at doi.org
   (CSL-JSON). Entries with neither are searched: Crossref ``query.bibliographic``
   with authors and year, and an arXiv title search.
2. **Leads.** A matched arXiv record's own ``doi`` leads to the published version
   (doi.org); a ``journal_ref`` without DOI leads to a Crossref search.
3. **Matching** (:mod:`refkit.match`): identifier lookups are checked for sanity
   (a wrong id is reported, not applied); search hits are accepted only when title,
   authors and year all agree. Rejected candidates close to the entry are reported
   as suggestions.
4. **Merging** with provenance: a field the user wrote is kept unless
   ``overwrite``; a truncated author list (``and others``) is completed; every
   field set records ``Provenance(source, identifier, time)``. With
   ``preprint_policy="upgrade"`` (the default) an arXiv-only entry whose published
   version is found becomes that version (type, venue, volume, pages, DOI, year),
   keeping ``eprint``/``archiveprefix``/``primaryclass``; with ``"keep"`` it stays
   a preprint and the published version is reported.

A failed lookup never loses data: the entry keeps what it had and the failure is
reported. Outcomes are collected in the report and as :class:`~refkit.model.Problem`
objects on the returned library (codes ``EN1xx``).
"""

from __future__ import annotations

import re
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Any, Callable, Iterable

from . import match
from .dates import MONTH_NAMES
from .errors import ConfigError, LookupFailed
from .http import Client, HttpConfig, NotCached
from .options import checked
from .ids import find_arxiv, normalize_doi, parse_arxiv
from .model import Entry, Library, Name, Problem, Provenance
from .resolvers import DEFAULT_SOURCES, SOURCES, Record

__all__ = ["enrich", "enrich_report", "EnrichOptions", "EnrichReport", "Outcome", "Change", "PROBLEM_CODES"]

#: problem code -> meaning (stable; documented in docs/enrich.md)
PROBLEM_CODES = {
    "EN101": "not found in any source",
    "EN102": "a lookup failed (network, rate limit, server error); the entry was kept as it was",
    "EN103": "a candidate was close but not accepted (suggestion, not applied)",
    "EN104": "offline: the cache holds no answer for this entry",
    "EN105": "the entry's identifier names a different work; nothing applied",
    "EN106": "a published version was found but the preprint was kept (--preprint-policy keep)",
    "EN107": "a field differs from the source and was kept as written (use --overwrite to replace)",
}

#: fields whose values are identifiers or codes, not text: never LaTeX-escaped
_VERBATIM = {"doi", "eprint", "archiveprefix", "primaryclass", "url", "issn", "isbn"}
_PREPRINT_VENUE = re.compile(r"arxiv|\bcorr\b|preprint|biorxiv|medrxiv|ssrn|submitted|under review|in review|to appear", re.I)
_PREPRINT_TYPES = {"misc", "unpublished", "article", "online", "preprint", "techreport", "report"}
_VENUE_FIELDS = ("journal", "booktitle", "journaltitle")
_POOL_SIZES = {"arxiv": 1, "doi": 2, "crossref": 2, "dblp": 1}


@dataclass(frozen=True)
class EnrichOptions:
    """What enrichment may do. ``sources`` is a subset of arxiv, doi, crossref."""

    sources: tuple[str, ...] = DEFAULT_SOURCES
    overwrite: bool = False
    preprint_policy: str = "upgrade"  # "upgrade" | "keep"
    search: bool = True  # title searches for entries without identifiers

    def __post_init__(self) -> None:
        unknown = [s for s in self.sources if s not in SOURCES]
        if unknown:
            raise ConfigError(f"unknown source {unknown[0]!r} (known: {', '.join(SOURCES)})")
        if self.preprint_policy not in ("upgrade", "keep"):
            raise ConfigError(f"preprint policy must be 'upgrade' or 'keep', not {self.preprint_policy!r}")


@dataclass(frozen=True)
class Change:
    """One field set (or removed, ``new`` None) on an entry, and why."""

    field: str
    old: str | None
    new: str | None
    provenance: Provenance


@dataclass
class Outcome:
    """What happened to one entry."""

    key: str
    status: str = "unchanged"  # enriched | unchanged | not-found | failed | offline | skipped
    changes: list[Change] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    found: list[str] = field(default_factory=list)  # labels of accepted records


@dataclass
class EnrichReport:
    """Per-entry outcomes plus request counts; turns into a one-line summary."""

    outcomes: list[Outcome] = field(default_factory=list)
    requests: Counter[str] = field(default_factory=Counter)  # per host, from the network
    cache_hits: Counter[str] = field(default_factory=Counter)

    def counts(self) -> Counter[str]:
        return Counter(o.status for o in self.outcomes)

    @property
    def changed(self) -> bool:
        return any(o.changes for o in self.outcomes)

    @property
    def problems(self) -> list[Problem]:
        return [p for o in self.outcomes for p in o.problems]

    def summary(self) -> str:
        c = self.counts()
        parts = [f"{c.get(s, 0)} {s}" for s in ("enriched", "unchanged", "not-found", "failed", "offline", "skipped") if c.get(s) or s in ("enriched", "unchanged")]
        net = sum(self.requests.values())
        cached = sum(self.cache_hits.values())
        from .commands.report import plural

        return f"{plural(len(self.outcomes), 'entry')}: " + ", ".join(parts) + f" ({plural(net, 'request')}, {cached} from cache)"


# ---- per-entry working state -------------------------------------------------------------
@dataclass
class _Work:
    index: int
    entry: Entry
    arxiv: str | None = None
    doi: str | None = None
    arxiv_record: Record | None = None
    published: Record | None = None
    published_via: str = ""  # how the published version was found
    tried: set[str] = field(default_factory=set)
    failures: list[str] = field(default_factory=list)
    offline_misses: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.entry.key

    def text(self, name: str) -> str:
        from .latex import to_unicode

        value = self.entry.get(name)
        return to_unicode(value) if value else ""

    @property
    def title(self) -> str:
        return self.text("title")

    @property
    def names(self) -> tuple[Name, ...]:
        try:
            return self.entry.names("author")
        except Exception:  # an unparsable name list is treated as no names
            return ()

    @property
    def year(self) -> int | None:
        return self.entry.date.year

    def problem(self, code: str, message: str, severity: str = "warning") -> None:
        self.problems.append(Problem(code, message, self.entry.location, severity, self.entry.key))


def _entry_arxiv(entry: Entry) -> str | None:
    if entry.arxiv:
        parsed = parse_arxiv(entry.arxiv)
        if parsed:
            return parsed.id
    for name in ("eprint", "url", "doi", "journal", "note", "howpublished", "arxiv", "pdf"):
        value = entry.get(name)
        if value:
            found = find_arxiv(value, bare=name == "eprint")
            if found:
                return found.id
    return None


def _entry_doi(entry: Entry) -> str | None:
    doi = normalize_doi(entry.get("doi"))
    if doi and not doi.lower().startswith("10.48550/"):
        return doi
    return None


def is_preprint(entry: Entry) -> bool:
    """An arXiv-only entry: no venue, or only an arXiv/CoRR/"submitted" one."""
    if entry.type.lower() not in _PREPRINT_TYPES:
        return False
    venues = [entry.get(f) for f in _VENUE_FIELDS if entry.get(f)]
    return all(_PREPRINT_VENUE.search(v or "") for v in venues)


# ---- the run ---------------------------------------------------------------------------------
class _Runner:
    """Runs lookups in one small thread pool per source (hosts in parallel, each
    paced by the client) and hands results to callbacks on the calling thread."""

    def __init__(self, client: Client, progress: Callable[[int, int], None] | None):
        self.client = client
        self.config = client.config
        self.progress = progress
        self.pools = {name: ThreadPoolExecutor(_POOL_SIZES.get(name, 2), thread_name_prefix=f"refkit-{name}") for name in SOURCES}
        self.done = 0
        self.total = 0

    def close(self, cancel: bool = False) -> None:
        """Stop the worker threads. On cancel (Ctrl-C) queued lookups are dropped and
        waiting ones give up, but requests in flight are waited for (each is bounded
        by its timeout): closing the client under a running request would free the
        SQLite cache connection it is using, which crashes the interpreter."""
        if cancel:
            self.client.stop()
        for pool in self.pools.values():
            pool.shutdown(wait=True, cancel_futures=cancel)

    # each task: (source, function) -> result handled on the main thread
    def run_tasks(self, tasks: list[tuple[str, Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None]]]) -> None:
        futures: dict[Future[Any], tuple[Callable[[Any], None], Callable[[BaseException], None]]] = {}
        self.total += len(tasks)
        for source, func, on_ok, on_error in tasks:
            futures[self.pools[source].submit(func)] = (on_ok, on_error)
        if self.progress and tasks:  # show the bar from the first request, not the first answer
            self.progress(self.done, self.total)
        pending = set(futures)
        while pending:
            finished, pending = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
            for fut in finished:
                on_ok, on_error = futures[fut]
                exc = fut.exception()
                if exc is None:
                    on_ok(fut.result())
                elif isinstance(exc, LookupFailed):
                    on_error(exc)
                elif isinstance(exc, Exception):  # an answer no parser expected: that lookup failed
                    on_error(LookupFailed(f"unexpected answer ({type(exc).__name__}: {exc})"))
                else:
                    raise exc
                self.done += 1
                if self.progress:
                    self.progress(self.done, self.total)

    # ---- lookups (run in pool threads; pure apart from the client) ----------------------
    def arxiv_batch(self, ids: list[str]) -> tuple[list[Record], dict[str, str]]:
        """The records of a batch, and the ids arXiv rejected (HTTP 400 "incorrect
        id format for X" rejects the whole batch: X is dropped and the rest asked again)."""
        from .resolvers import arxiv

        rejected: dict[str, str] = {}
        remaining = list(ids)
        while remaining:
            try:
                return arxiv.parse_feed(self.client.get(arxiv.id_query(remaining, self.config))), rejected
            except LookupFailed as exc:
                m = re.search(r"incorrect id format for (\S+)", str(exc))
                bad = m.group(1) if m else None
                if exc.status != 400 or bad not in remaining or len(remaining) == 1:
                    raise
                rejected[bad] = str(exc)
                remaining.remove(bad)
        return [], rejected

    def arxiv_search(self, works: list[_Work]) -> list[Record]:
        from .resolvers import arxiv

        items = [(w.title, [match.fold(n.family) for n in w.names if n.family]) for w in works]
        return arxiv.parse_feed(self.client.get(arxiv.batch_search_query(items, self.config)))

    def doi_lookup(self, doi: str) -> Record | None:
        from .resolvers import doi as doi_resolver

        return doi_resolver.parse(self.client.get(doi_resolver.query(doi, self.config)), doi)

    def dblp_search(self, title: str, names: tuple[Name, ...]) -> list[Record]:
        from .resolvers import dblp

        families = [match.fold(n.family) for n in names if n.family]
        return dblp.parse_hits(self.client.get(dblp.search_query(title, families, self.config)))

    def crossref_search(self, title: str, names: tuple[Name, ...], year: int | None) -> list[Record]:
        from .resolvers import crossref

        families = [match.fold(n.family) for n in names if n.family]
        return crossref.parse_works(self.client.get(crossref.search_query(title, families, year, self.config)))


def _failure(work: _Work, what: str) -> Callable[[BaseException], None]:
    def handle(exc: BaseException) -> None:
        if isinstance(exc, NotCached):
            work.offline_misses += 1
            return
        url = getattr(exc, "url", "")
        work.failures.append(f"{what}: {exc}" + (f" <{url}>" if url else ""))

    return handle


@checked
def enrich_report(
    library: Library,
    *,
    sources: Iterable[str] = DEFAULT_SOURCES,
    overwrite: bool = False,
    preprint_policy: str = "upgrade",
    search: bool = True,
    offline: bool = False,
    use_cache: bool = True,
    cache_dir: str | None = None,
    mailto: str | None = None,
    http: HttpConfig | None = None,
    client: Client | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Library, EnrichReport]:
    """Enrich ``library``; returns the new library and the :class:`EnrichReport`.

    What may change: ``sources`` (a subset of arxiv, doi, crossref, dblp),
    ``overwrite`` (replace values the entry has), ``preprint_policy``
    (``upgrade`` a preprint to its published version, or ``keep`` it),
    ``search`` (title searches for entries without identifiers).
    How to reach the network: ``offline`` (answer from the cache only, no
    request), ``use_cache``, ``cache_dir``, ``mailto`` (for Crossref's polite
    pool); or a whole :class:`~refkit.http.HttpConfig` as ``http`` (default:
    from the environment), or an existing ``client`` to share.
    """
    opts = EnrichOptions(sources=tuple(sources), overwrite=overwrite, preprint_policy=preprint_policy, search=search)
    if http is None:
        http = HttpConfig.from_env(offline=offline or None, use_cache=None if use_cache else False,
                                   cache_dir=cache_dir, mailto=mailto)
    elif offline or not use_cache or cache_dir or mailto:
        from dataclasses import replace as _replace

        http = _replace(http, offline=http.offline or offline, use_cache=http.use_cache and use_cache,
                        cache_dir=cache_dir or http.cache_dir, mailto=mailto or http.mailto)
    own_client = client is None
    client = client or Client(http or HttpConfig.from_env())
    stats_before, hits_before = Counter(client.stats), Counter(client.cache_hits)
    now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    works = [_Work(i, e, _entry_arxiv(e), _entry_doi(e)) for i, e in enumerate(library.entries)]
    runner = _Runner(client, progress)
    try:
        _lookups(runner, works, opts)
    except BaseException:
        runner.close(cancel=True)
        if own_client:
            client.close()
        raise
    runner.close()
    if own_client:
        client.close()

    report = EnrichReport(requests=client.stats - stats_before, cache_hits=client.cache_hits - hits_before)
    new_entries: list[Entry] = []
    for work in works:
        entry, outcome = _merge(work, opts, now)
        new_entries.append(entry)
        report.outcomes.append(outcome)
    result = library.replace_entries(new_entries)
    result.problems.extend(report.problems)
    return result, report


@checked
def enrich(
    library: Library,
    *,
    sources: Iterable[str] = DEFAULT_SOURCES,
    overwrite: bool = False,
    preprint_policy: str = "upgrade",
    search: bool = True,
    offline: bool = False,
    use_cache: bool = True,
    cache_dir: str | None = None,
    mailto: str | None = None,
    http: HttpConfig | None = None,
    client: Client | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Library:
    """Complete ``library``'s entries over the network (see the module docstring);
    the options are `refkit.enrichment.enrich_report`'s (``enrich(library, offline=True)``
    answers from the cache only).

    Problems (not found, failures, suggestions) are appended to
    ``library.problems``; use `refkit.enrichment.enrich_report` for the full report."""
    return enrich_report(library, sources=sources, overwrite=overwrite, preprint_policy=preprint_policy,
                         search=search, offline=offline, use_cache=use_cache, cache_dir=cache_dir, mailto=mailto,
                         http=http, client=client, progress=progress)[0]


# ---- stage logic ---------------------------------------------------------------------------------
def _lookups(runner: _Runner, works: list[_Work], opts: EnrichOptions) -> None:
    use = set(opts.sources)
    # stage 1: identifiers and searches
    tasks: list[Any] = []
    if "arxiv" in use:
        tasks += _arxiv_id_tasks(runner, [w for w in works if w.arxiv])
    if "doi" in use:
        for w in works:
            if w.doi:
                tasks.append(_doi_task(runner, w, w.doi, "identifier"))
    if opts.search:
        for w in works:
            if w.arxiv or w.doi or not w.title:
                continue
            if "crossref" in use:
                tasks.append(_crossref_task(runner, w, w.title, w.names, w.year, "search"))
        if "arxiv" in use:
            tasks += _arxiv_search_tasks(runner, [w for w in works if not (w.arxiv or w.doi or not w.title)])
    runner.run_tasks(tasks)

    # stage 2: leads from arXiv records to the published version; entries whose own
    # arXiv id was unknown or named another work fall back to a search
    runner.run_tasks(_lead_tasks(runner, works, opts, use, doi_leads=True))
    # stage 3: a DOI lead that did not fit is followed by a Crossref search
    runner.run_tasks(_lead_tasks(runner, works, opts, use, doi_leads=False))
    # stage 4 (opt-in): DBLP for what is still without a published version
    if "dblp" in use and opts.search:
        runner.run_tasks([_dblp_task(runner, w) for w in works
                          if w.published is None and not w.doi and (w.arxiv_record or w.title)])


def _lead_tasks(runner: _Runner, works: list[_Work], opts: EnrichOptions, use: set[str], doi_leads: bool) -> list[Any]:
    tasks: list[Any] = []
    for w in works:
        if w.published is not None or w.doi:
            continue
        rec = w.arxiv_record
        searchable = "crossref" in use and opts.search and f"crossref:{w.key}" not in w.tried
        if rec is None:
            if w.arxiv and searchable and w.title:
                tasks.append(_crossref_task(runner, w, w.title, w.names, w.year, "search"))
        elif doi_leads and rec.doi and "doi" in use and f"doi:{rec.doi.lower()}" not in w.tried:
            tasks.append(_doi_task(runner, w, rec.doi, "lead"))
        elif searchable and not (doi_leads and rec.doi and "doi" in use):
            # no DOI from arXiv (or it did not fit): search for the published version
            tasks.append(_crossref_task(runner, w, rec.title, rec.authors, rec.year, "lead"))
    return tasks


def _arxiv_id_tasks(runner: _Runner, works: list[_Work]) -> list[Any]:
    from .resolvers.arxiv import BATCH_SIZE

    by_id: dict[str, list[_Work]] = {}
    for w in works:
        assert w.arxiv
        by_id.setdefault(w.arxiv, []).append(w)
    ids = list(by_id)
    tasks = []
    for start in range(0, len(ids), BATCH_SIZE):
        batch = ids[start:start + BATCH_SIZE]

        def ok(result: tuple[list[Record], dict[str, str]], batch: list[str] = batch) -> None:
            records, rejected = result
            found = {r.identifier: r for r in records}
            for ident in batch:
                for w in by_id[ident]:
                    w.tried.add(f"arxiv:{ident}")
                    rec = found.get(ident)
                    if rec is not None:
                        _accept_identified(w, rec)
                    elif ident in rejected:
                        w.failures.append(f"arXiv {ident}: {rejected[ident]}")

        def failed(exc: BaseException, batch: list[str] = batch) -> None:
            for ident in batch:
                for w in by_id[ident]:
                    _failure(w, f"arXiv {ident}")(exc)

        tasks.append(("arxiv", lambda batch=batch: runner.arxiv_batch(batch), ok, failed))
    return tasks


def _accept_identified(work: _Work, rec: Record) -> None:
    """An arXiv record fetched by the entry's own id: accept unless it is clearly another work."""
    verdict = match.compare(work.title, work.names, work.year, rec.title, rec.authors, rec.year, match.IDENTIFIER)
    if verdict.accepted:
        work.arxiv_record = rec
    else:
        work.problem("EN105", f"arXiv {rec.identifier} is {rec.title!r}, not this entry ({'; '.join(verdict.reasons)})")


def _doi_task(runner: _Runner, work: _Work, doi: str, role: str) -> Any:
    work.tried.add(f"doi:{doi.lower()}")

    def ok(rec: Record | None) -> None:
        if rec is None:
            if role == "identifier":
                work.problem("EN101", f"doi.org does not know DOI {doi}")
            return
        if role == "identifier":
            verdict = match.compare(work.title, work.names, work.year, rec.title, rec.authors, rec.year, match.IDENTIFIER)
            if not verdict.accepted:
                work.problem("EN105", f"DOI {doi} is {rec.title!r}, not this entry ({'; '.join(verdict.reasons)})")
                return
            if rec.preprint:
                work.arxiv = work.arxiv or rec.arxiv or None
                return
            work.published, work.published_via = rec, f"the entry's DOI {doi}"
            return
        _consider_published(work, [rec], via=f"arXiv's DOI for {work.arxiv_record.identifier if work.arxiv_record else '?'}", limits=match.LEAD)

    return ("doi", lambda: runner.doi_lookup(doi), ok, _failure(work, f"doi.org {doi}"))


def _crossref_task(runner: _Runner, work: _Work, title: str, names: tuple[Name, ...], year: int | None, role: str) -> Any:
    work.tried.add(f"crossref:{work.key}")

    def ok(records: list[Record]) -> None:
        if role == "lead":
            # a search, so search thresholds, against the arXiv record's full title and authors
            _consider_published(work, records, via="a Crossref search for the arXiv version's title", limits=match.SEARCH_PUBLISHED)
        else:
            limits = match.SEARCH_PUBLISHED if is_preprint(work.entry) else match.SEARCH
            _consider_published(work, records, via="a Crossref search", limits=limits, base=(work.title, work.names, work.year))

    return ("crossref", lambda: runner.crossref_search(title, names, year), ok, _failure(work, "Crossref search"))


def _dblp_task(runner: _Runner, work: _Work) -> Any:
    rec = work.arxiv_record
    title, names, year = (rec.title, rec.authors, rec.year) if rec else (work.title, work.names, work.year)

    def ok(records: list[Record]) -> None:
        if rec is not None:
            _consider_published(work, records, via="a DBLP search for the arXiv version's title", limits=match.SEARCH_PUBLISHED)
        else:
            limits = match.SEARCH_PUBLISHED if is_preprint(work.entry) else match.SEARCH
            _consider_published(work, records, via="a DBLP search", limits=limits, base=(title, names, year))

    work.tried.add("dblp")
    return ("dblp", lambda: runner.dblp_search(title, names), ok, _failure(work, "DBLP search"))


def _arxiv_search_tasks(runner: _Runner, works: list[_Work]) -> list[Any]:
    """Title searches, several titles per request (arXiv is slow to ask: 3 s apart)."""
    from .resolvers.arxiv import SEARCH_BATCH

    tasks = []
    for start in range(0, len(works), SEARCH_BATCH):
        batch = works[start:start + SEARCH_BATCH]
        for w in batch:
            w.tried.add("arxiv-search")

        def ok(records: list[Record], batch: list[_Work] = batch) -> None:
            for w in batch:
                best = _best(w, records, match.SEARCH, (w.title, w.names, w.year))
                if best is not None:
                    w.arxiv_record = best
                    w.arxiv = best.identifier

        def failed(exc: BaseException, batch: list[_Work] = batch) -> None:
            for w in batch:
                _failure(w, "arXiv search")(exc)

        tasks.append(("arxiv", lambda batch=batch: runner.arxiv_search(batch), ok, failed))
    return tasks


def _best(work: _Work, records: Iterable[Record], limits: match.Thresholds,
          base: tuple[str, tuple[Name, ...], int | None]) -> Record | None:
    """The best accepted candidate; close rejected ones become suggestions."""
    title, names, year = base
    scored = []
    for rec in records:
        verdict = match.compare(title, names, year, rec.title, rec.authors, rec.year, limits)
        if verdict.accepted:
            scored.append((verdict.confidence, not rec.preprint, rec))
        elif verdict.title is not None and verdict.title >= 0.75:
            work.problem("EN103", f"{rec.label} {rec.title!r} ({rec.year}) not applied: {'; '.join(verdict.reasons)} [{verdict.describe()}]", "info")
    if not scored:
        return None
    scored.sort(key=lambda s: (s[1], s[0]), reverse=True)
    return scored[0][2]


def _consider_published(work: _Work, records: list[Record], via: str, limits: match.Thresholds,
                        base: tuple[str, tuple[Name, ...], int | None] | None = None) -> None:
    if work.published is not None:
        return
    candidates = [r for r in records if not r.preprint]
    if base is None:  # a lead: compare with the arXiv record (full title and authors), years from v1
        rec = work.arxiv_record
        base = (rec.title, rec.authors, rec.year) if rec else (work.title, work.names, work.year)
    best = _best(work, candidates, limits, base)
    if best is None:
        return
    # the published version must also fit what the user wrote (not only the arXiv record)
    if base[0] != work.title and work.title:
        verdict = match.compare(work.title, work.names, None, best.title, best.authors, None, match.LEAD)
        if not verdict.accepted:
            work.problem("EN103", f"{best.label} {best.title!r} not applied: {'; '.join(verdict.reasons)}", "info")
            return
    work.published, work.published_via = best, via


# ---- merging ---------------------------------------------------------------------------------------
class _Merger:
    def __init__(self, work: _Work, opts: EnrichOptions, now: str):
        self.entry = work.entry
        self.work = work
        self.opts = opts
        self.now = now
        self.changes: list[Change] = []
        self.kept: list[str] = []

    def prov(self, rec: Record, note: str) -> Provenance:
        return Provenance(rec.source, rec.identifier, self.now, note)

    def set(self, name: str, plain: str | None, rec: Record, note: str, force: bool = False) -> None:
        if not plain:
            return
        from .latex import escape, to_unicode

        value = plain if name in _VERBATIM else escape(plain)
        old = self.entry.get(name)
        if old is not None and old.strip():
            if name in _VERBATIM:
                same = old.strip().lower() == plain.lower()
                if name == "eprint":
                    same = same or re.sub(r"v\d+$", "", old.strip()).lower() == plain.lower()
            else:
                same = match.fold(to_unicode(old)) == match.fold(plain)
            if same:
                return
            if not (force or self.opts.overwrite):
                self.kept.append(f"{name} (yours: {to_unicode(old)!r}; {rec.label}: {plain!r})")
                return
        self.apply(name, value, self.prov(rec, note), old)

    def apply(self, name: str, value: str | None, prov: Provenance, old: str | None) -> None:
        self.entry = self.entry.with_fields(prov, **{name: value})
        self.changes.append(Change(name, old, value, prov))

    def authors(self, rec: Record, note: str) -> None:
        if not rec.authors:
            return
        from .names import format_names

        try:
            mine = self.entry.names("author")
        except Exception:
            mine = ()
        new = format_names(list(rec.authors))
        old = self.entry.get("author")
        if not mine:
            self.apply("author", new, self.prov(rec, note), old)
            return
        truncated = any(n.is_others for n in mine)
        longer = len([n for n in mine if not n.is_others]) < len(rec.authors)
        if truncated and longer:
            self.apply("author", new, self.prov(rec, f"{note}; completed a truncated author list"), old)
        elif self.opts.overwrite and old != new:
            self.apply("author", new, self.prov(rec, f"{note}; replaced (--overwrite)"), old)

    def common(self, rec: Record, note: str) -> None:
        self.authors(rec, note)
        self.set("title", rec.title, rec, note)
        if rec.year and not self.entry.get("year") and not self.entry.get("date"):
            self.set("year", str(rec.year), rec, note)

    def arxiv(self, rec: Record) -> None:
        note = f"arXiv {rec.identifier}"
        self.common(rec, note)
        for name in ("eprint", "archiveprefix", "primaryclass", "abstract"):
            if name in ("archiveprefix",) and (self.entry.get("eprinttype") or "").lower() == "arxiv":
                continue
            self.set(name, rec.fields.get(name), rec, note)

    def published(self, rec: Record, upgrade: bool) -> None:
        note = f"published version, found via {self.work.published_via}"
        if upgrade:
            note = f"upgraded preprint to its published version (found via {self.work.published_via})"
            if self.entry.type != rec.type:
                old_type = self.entry.type
                self.entry = replace(self.entry, type=rec.type)
                self.changes.append(Change("ENTRYTYPE", old_type, rec.type, self.prov(rec, note)))
            venue_field = {"article": "journal", "inproceedings": "booktitle", "incollection": "booktitle"}.get(rec.type)
            for name in _VENUE_FIELDS:
                value = self.entry.get(name)
                if value and name != venue_field and _PREPRINT_VENUE.search(value):
                    self.apply(name, None, self.prov(rec, note + "; removed the preprint venue"), value)
            if venue_field:
                self.set(venue_field, rec.venue, rec, note, force=True)
            if rec.year:
                before = self.entry.get("year")
                self.set("year", str(rec.year), rec, note, force=True)
                month = self.entry.get("month")
                if rec.month:
                    self.set("month", MONTH_NAMES[rec.month - 1], rec, note, force=True)
                elif month and before != self.entry.get("year"):  # the preprint's month is not the publication's
                    self.apply("month", None, self.prov(rec, note), month)
            if self.entry.get("howpublished") and _PREPRINT_VENUE.search(self.entry.get("howpublished") or ""):
                self.apply("howpublished", None, self.prov(rec, note), self.entry.get("howpublished"))
        else:
            venue_field = {"article": "journal", "inproceedings": "booktitle", "incollection": "booktitle"}.get(self.entry.type)
            if venue_field and not any(self.entry.get(f) for f in _VENUE_FIELDS):
                self.set(venue_field, rec.venue, rec, note)
        self.authors(rec, note)
        self.set("title", rec.title, rec, note)
        if rec.year and not self.entry.get("year") and not self.entry.get("date"):
            self.set("year", str(rec.year), rec, note)
        self.set("doi", rec.doi, rec, note)
        for name in ("volume", "number", "pages", "publisher"):
            if name == "publisher" and self.entry.type not in ("book", "incollection", "inproceedings", "techreport"):
                continue
            self.set(name, rec.fields.get(name), rec, note)


def _merge(work: _Work, opts: EnrichOptions, now: str) -> tuple[Entry, Outcome]:
    outcome = Outcome(work.key)
    m = _Merger(work, opts, now)
    if work.arxiv_record is not None:
        m.arxiv(work.arxiv_record)
        outcome.found.append(work.arxiv_record.label)
    pub = work.published
    if pub is not None:
        outcome.found.append(pub.label)
        preprint = is_preprint(work.entry)
        if preprint and opts.preprint_policy == "keep":
            work.problem("EN106", f"published version {pub.label} ({pub.venue or pub.type}, {pub.year}) found; kept the preprint", "info")
        else:
            m.published(pub, upgrade=preprint)
    if m.kept:
        work.problem("EN107", "kept as written: " + "; ".join(m.kept), "info")
    if work.failures:
        for failure in work.failures:
            work.problem("EN102", failure)
    if work.offline_misses and not outcome.found:
        work.problem("EN104", "not enriched: offline and not in the cache")
    if m.changes:
        outcome.status = "enriched"
    elif outcome.found:
        outcome.status = "unchanged"
    elif work.failures:
        outcome.status = "failed"
    elif work.offline_misses:
        outcome.status = "offline"
    elif any(p.code == "EN105" for p in work.problems):
        outcome.status = "unchanged"
    elif not work.tried:
        outcome.status = "skipped"  # nothing to look up (no identifier; searches off or no title)
    else:
        outcome.status = "not-found"
        if not any(p.code in ("EN101",) for p in work.problems):
            work.problem("EN101", "not found" + (" (suggestions above)" if any(p.code == "EN103" for p in work.problems) else ""), "info")
    outcome.changes = m.changes
    outcome.problems = work.problems
    return m.entry, outcome
