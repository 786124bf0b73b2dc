"""``refkit enrich FILE.bib...``: complete entries in place from arXiv, doi.org and
Crossref (see :mod:`refkit.enrichment`).

Only the entries that change are rewritten; every other byte of the file stays
as it was (and its encoding, BOM, permissions and links). A file with syntax
errors is reported and left alone (exit 2). The file is written atomically after
all lookups are done, so an interrupted run (Ctrl-C) leaves it untouched.

Exit codes (:mod:`refkit.commands.report`; ``refkit enrich --help`` and
docs/enrich.md say the same):
0 nothing changed, 1 a file was changed, 2 error (bad input, a file that cannot
be written), 3 some lookups failed (network, server): whatever could be found
was still applied, but the result is incomplete, so a CI job does not pass
silently. 2 wins over 3, 3 over 1.

This module also provides the enrichment options and the progress/summary
output that ``refkit convert --enrich`` reuses: :func:`add_enrich_arguments`
and :func:`enrich_library`.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Callable, TextIO

if TYPE_CHECKING:
    from ..enrichment import EnrichReport
    from ..http import HttpConfig
    from ..model import Library

HELP = "complete .bib entries from arXiv, doi.org and Crossref"
EPILOG = """\
exit codes:
  0  nothing changed
  1  a file was changed
  2  error (a file that cannot be read or written, bad options)
  3  some lookups failed (network or server; what was found is still applied)
"""
EXAMPLES = """\
  refkit enrich refs.bib                        look up every entry; rewrite refs.bib once at the end
  refkit enrich --sources arxiv,doi refs.bib    no Crossref title searches
  refkit enrich --offline refs.bib              answer from the cache only (no network)
  refkit enrich --explain refs.bib              say which source supplied each field
"""


def _sources(text: str) -> list[str]:
    from ..resolvers import SOURCES

    names = [s.strip().lower() for s in text.split(",") if s.strip()]
    for name in names:
        if name not in SOURCES:
            raise argparse.ArgumentTypeError(f"unknown source {name!r} (known: {', '.join(SOURCES)})")
    return names


def _flat(groups: list[list[str]] | list[str] | None) -> tuple[str, ...]:
    """``--sources`` given once, repeated, or as a config list -> one tuple, in order."""
    out: list[str] = []
    for group in groups or []:
        for name in [group] if isinstance(group, str) else group:
            if name not in out:
                out.append(name)
    return tuple(out)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return value


def add_enrich_arguments(parser: argparse.ArgumentParser) -> None:
    """The enrichment options (shared by ``enrich`` and ``convert --enrich``)."""
    group = parser.add_argument_group("enrichment (network)")
    group.add_argument("--sources", type=_sources, action="append", metavar="LIST",
                       help="comma-separated sources to ask: arxiv,doi,crossref (the default), dblp (opt-in); "
                            "may be repeated; in a config file a list or a string")
    group.add_argument("--overwrite", action="store_true", help="replace values you wrote when a source differs (default: keep yours)")
    group.add_argument("--preprint-policy", choices=("upgrade", "keep"), default="upgrade",
                       help="an arXiv-only entry whose published version is found: become it (upgrade, default) or stay a preprint (keep)")
    group.add_argument("--no-search", dest="search", action="store_false",
                       help="look up identifiers only; no title searches")
    group.add_argument("--explain", action="store_true", help="show every field set, with its source, and every suggestion")
    group.add_argument("--cache-dir", metavar="DIR", help="HTTP cache directory (default: the user cache directory; env REFKIT_CACHE_DIR)")
    group.add_argument("--no-cache", dest="use_cache", action="store_false", help="neither read nor write the HTTP cache")
    group.add_argument("--offline", action="store_true", help="answer from the cache only; report entries it cannot enrich")
    group.add_argument("--mailto", metavar="EMAIL", help="contact address sent in the User-Agent (env REFKIT_MAILTO)")
    group.add_argument("--arxiv-url", metavar="URL", help="arXiv API endpoint (env REFKIT_ARXIV_URL)")
    group.add_argument("--crossref-url", metavar="URL", help="Crossref REST API base URL (env REFKIT_CROSSREF_URL)")
    group.add_argument("--doi-url", metavar="URL", help="DOI resolver base URL (env REFKIT_DOI_URL)")
    group.add_argument("--dblp-url", metavar="URL", help="DBLP base URL, for --sources …,dblp (env REFKIT_DBLP_URL)")
    group.add_argument("--arxiv-delay", type=_seconds, metavar="SECONDS", help="seconds between arXiv requests (default 3; env REFKIT_ARXIV_DELAY)")
    group.add_argument("--timeout", type=_seconds, metavar="SECONDS",
                       help="total deadline per request: connecting, headers and body (default 30; env REFKIT_HTTP_TIMEOUT)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help=".bib files to complete in place")
    parser.add_argument("--follow-symlinks", action="store_true",
                        help="write through a symlink that leads outside the working tree (default: refuse)")
    parser.epilog = f"{parser.epilog}\n{EPILOG}" if parser.epilog else EPILOG
    add_enrich_arguments(parser)


def http_config(args: argparse.Namespace) -> "HttpConfig":
    """The HTTP configuration: environment variables overlaid by the options given."""
    from ..http import HttpConfig

    return HttpConfig.from_env(
        cache_dir=getattr(args, "cache_dir", None),
        use_cache=getattr(args, "use_cache", True),
        offline=getattr(args, "offline", False),
        mailto=getattr(args, "mailto", None),
        arxiv_url=getattr(args, "arxiv_url", None),
        crossref_url=getattr(args, "crossref_url", None),
        doi_url=getattr(args, "doi_url", None),
        dblp_url=getattr(args, "dblp_url", None),
        arxiv_delay=getattr(args, "arxiv_delay", None),
        timeout=getattr(args, "timeout", None),
    )


class _Progress:
    """A one-line progress bar on stderr, only when stderr is a terminal."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.active = stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        """Called with ``done == 0`` as soon as lookups are queued, then after each one."""
        if not self.active or total <= 0:
            return
        width = 30
        filled = int(width * done / total)
        self.stream.write(f"\rrefkit: enriching [{'#' * filled}{'.' * (width - filled)}] {done}/{total} lookups")
        self.stream.flush()

    def finish(self) -> None:
        if self.active:
            self.stream.write("\r\033[K")
            self.stream.flush()


def enrich_library(library: "Library", args: argparse.Namespace, *, report_to: Callable[["EnrichReport"], None] | None = None) -> "Library":
    """Run enrichment with the options in ``args``; progress, findings and a
    summary go to stderr. Returns the enriched library."""
    from ..enrichment import enrich_report
    from ..resolvers import DEFAULT_SOURCES

    progress = _Progress(sys.stderr)
    try:
        result, report = enrich_report(
            library,
            http=http_config(args),
            sources=_flat(getattr(args, "sources", None)) or DEFAULT_SOURCES,
            overwrite=getattr(args, "overwrite", False),
            preprint_policy=getattr(args, "preprint_policy", "upgrade"),
            search=getattr(args, "search", True),
            progress=progress,
        )
    finally:
        progress.finish()
    print_report(report, explain=getattr(args, "explain", False), source=library.source)
    if report_to is not None:
        report_to(report)
    return result


def print_report(report: "EnrichReport", *, explain: bool = False, source: str | None = None, stream: TextIO | None = None) -> None:
    """Findings (warnings always; suggestions and every change with ``explain``) and the summary."""
    out = stream or sys.stderr
    where = f"{source}: " if source else ""
    for outcome in report.outcomes:
        if explain:
            for change in outcome.changes:
                p = change.provenance
                value = "(removed)" if change.new is None else _clip(change.new)
                out.write(f"refkit: {where}{outcome.key}: {change.field} = {value}  [{p.source}:{p.identifier}; {p.note}]\n")
        for problem in outcome.problems:
            if explain or problem.severity != "info":
                out.write(f"refkit: {where}{outcome.key}: {problem.code} {problem.message}\n")
    out.write(f"refkit: {where}{report.summary()}\n")


def _clip(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def splice(text: str, before: "Library", after: "Library") -> str | None:
    """``text`` with only the changed entries rewritten (refkit's layout for those),
    every other byte kept; None when the entries cannot be located in ``text``."""
    from ..writers.bibtex import write_entry

    old_entries, new_entries = before.entries, after.entries
    if len(old_entries) != len(new_entries):
        return None
    starts = _line_starts(text)
    pieces: list[str] = []
    pos = 0
    for old, new in zip(old_entries, new_entries):
        if old == new:
            continue
        origin = old.origin
        if origin is None or not origin.text:
            return None
        at = _offset(starts, origin.location.line, origin.location.column)
        if at is None or text[at:at + len(origin.text)] != origin.text:
            at = text.find(origin.text, pos)
        if at < pos:
            return None
        pieces.append(text[pos:at])
        pieces.append(write_entry(new))
        pos = at + len(origin.text)
    pieces.append(text[pos:])
    return "".join(pieces)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def _offset(starts: list[int], line: int | None, column: int | None) -> int | None:
    if line is None or not 1 <= line <= len(starts):
        return None
    return starts[line - 1] + max(0, (column or 1) - 1)


def run(args: argparse.Namespace) -> int:
    from ..errors import RefkitError
    from ..fileio import atomic_write, read_document
    from ..readers import reader
    from ..writers.bibtex import write
    from .report import EXIT_CHANGED, EXIT_ERROR, EXIT_LOOKUPS_FAILED, EXIT_OK

    changed = errors = failed = 0
    for path in args.files:
        try:
            document = read_document(path, tidy=True)
            text = document.text
            library = reader("bibtex").read(text, path=path)
        except RefkitError as exc:
            print(f"refkit: {exc}", file=sys.stderr)
            errors += 1
            continue
        broken = [p for p in library.problems if p.severity == "error"]
        if broken:  # never rewrite (or look up) a file refkit cannot read completely
            for problem in broken:
                print(f"refkit: {problem}", file=sys.stderr)
            print(f"refkit: {path}: not enriched: fix the errors above first", file=sys.stderr)
            errors += 1
            continue
        if not library.source:
            library.source = path
        reports: list["EnrichReport"] = []
        result = enrich_library(library, args, report_to=reports.append)
        if any(p.code == "EN102" for report in reports for p in report.problems):
            failed += 1
        new_text = splice(text, library, result)
        if new_text is None:
            new_text = write(result)
        if new_text != text:
            try:
                atomic_write(path, new_text, encoding=document.encoding, bom=document.bom,
                             follow_symlinks=getattr(args, "follow_symlinks", False))
            except RefkitError as exc:
                print(f"refkit: {exc}", file=sys.stderr)
                errors += 1
                continue
            except OSError as exc:
                print(f"refkit: {path}: cannot write: {exc.strerror or exc}", file=sys.stderr)
                errors += 1
                continue
            changed += 1
    if errors:
        return EXIT_ERROR
    if failed:
        print(f"refkit: some lookups failed (see EN102 above); exit code {EXIT_LOOKUPS_FAILED}", file=sys.stderr)
        return EXIT_LOOKUPS_FAILED
    return EXIT_CHANGED if changed else EXIT_OK
