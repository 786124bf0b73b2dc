"""``refkit convert INPUT... -o OUT``: read (extract) any inputs, optionally enrich,
write one library in the format of OUT's extension (or ``--to``).

Exit codes (:mod:`refkit.commands.report`): 0 when entries were written; 1 when
the inputs held no publication entries: nothing is written (no empty file), and
a message says so (1, like ``grep`` finding nothing: not an error in the input,
but nothing to show); 2 on error.
"""

from __future__ import annotations

import argparse
import sys

from ..readers import READERS  # the registry: --help names every format a reader is registered for

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..model import Library

HELP = "extract/convert publication lists between formats"
EXAMPLES = """\
  refkit convert publications.html -o pubs.bib         extract entries from a web page
  refkit convert cv.md -o pubs.bib --enrich            ... and complete them over the network
  refkit convert refs.bib -o refs.json                 BibTeX -> CSL-JSON
  refkit convert refs.bib -o pubs.md --style apa --highlight 'Jane Doe'
  refkit convert https://example.org/pubs -o pubs.bib  read a URL
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from .enrich import add_enrich_arguments
    from .styles import add_render_arguments

    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="file, '-' for stdin, or an http(s) URL")
    parser.add_argument("-o", "--output", default="-", help="output file ('-' for stdout, the default)")
    parser.add_argument("--from", dest="from_format", metavar="FORMAT", help="input format: " + ", ".join(READERS) + " (default: sniffed)")
    parser.add_argument("--to", metavar="FORMAT", help="output format: bibtex, csljson, markdown, html, text, latex (default: from OUT's extension)")
    parser.add_argument("--encoding", help="input encoding (default: from a BOM or the content, else UTF-8)")
    parser.add_argument("--follow-symlinks", action="store_true",
                        help="write OUT through a symlink that leads outside the working tree (default: refuse)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no review list of uncertain entries at the end")
    parser.add_argument("--enrich", action="store_true", help="complete entries over the network (arXiv, doi.org, Crossref)")
    parser.add_argument("--tagger", choices=("rules", "crf", "hybrid"), help="how fields of extracted items are assigned: rules, the learned CRF tagger, or hybrid (the rules, and the tagger where their reading is in doubt, keeping the less doubtful one) (default: hybrid)")
    add_enrich_arguments(parser)
    add_render_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from .. import writers
    from ..fileio import atomic_write, is_url
    from ..io import read, read_string, write_string
    from ..errors import RefkitError
    from ..model import Library
    from ..redact import redact
    from .report import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK

    if getattr(args, "tagger", None):
        from ..extraction.citation import TAGGER

        TAGGER.set(args.tagger)
    library = Library()
    for source in args.inputs:
        try:
            if is_url(source):
                from ..http import fetch_text

                part = read_string(fetch_text(source, timeout=args.timeout), format=args.from_format, path=source)
            else:
                part = read(source, format=args.from_format, encoding=args.encoding)
        except RefkitError:
            raise
        except Exception as exc:  # a bug in a reader: name the input, write nothing, exit 2
            if args.traceback:
                raise
            from .report import internal_error

            print(f"refkit: {internal_error(exc, redact(source))}", file=sys.stderr)
            return EXIT_ERROR
        if not part.entries and len(args.inputs) > 1:  # one input: the closing message says it
            print(f"refkit: {redact(source)}: no publication entries found", file=sys.stderr)
        library = part if not library.blocks and not library.problems else library.merged(part)
    for problem in library.problems:
        print(f"refkit: warning: {problem}", file=sys.stderr)
    if len(args.inputs) > 1:
        library = _merge_inputs(library)

    if args.enrich:
        from .enrich import enrich_library

        library = enrich_library(library, args)

    if not library.entries:
        where = "the input" if len(args.inputs) == 1 else "the inputs"
        target = "" if args.output == "-" else f"; {args.output} was not written"
        print(f"refkit: no publication entries found in {where}{target}", file=sys.stderr)
        return EXIT_FINDINGS
    if getattr(args, "highlight", None):
        from .styles import unmatched_highlights

        for person in unmatched_highlights(library, list(args.highlight)):
            print(f"refkit: warning: --highlight {person!r} matches no author or editor", file=sys.stderr)

    fmt = writers.resolve(args.to, args.output)
    if fmt in ("bibtex", "csljson"):
        text = write_string(library, fmt)
    else:
        from ..writers.citations import render
        from .styles import render_options

        bib = render(library, **{**writers.WRITERS[fmt].options, **render_options(args)})
        for problem in bib.problems:
            print(f"refkit: {problem.key}: {problem.message}", file=sys.stderr)
        text = str(bib)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        try:
            atomic_write(args.output, text, follow_symlinks=args.follow_symlinks)
        except OSError as exc:
            print(f"refkit: {args.output}: cannot write: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_ERROR
        if not args.quiet:
            from .report import plural

            print(f"refkit: wrote {plural(len(library.entries), 'entry')} to {args.output}", file=sys.stderr)
    if not args.quiet:
        _print_review(library)
    return EXIT_OK


#: entries listed for review at most; the rest are counted
REVIEW_LIMIT = 10


def _print_review(library: "Library") -> None:
    """The least certain extracted entries on stderr, ``file:line: key: why``, so
    a user knows which ones to check against the source."""
    from ..extraction.confidence import reasons, review

    doubtful = [e for e in review(library) if e.origin is not None and e.origin.doubts]
    if not doubtful:
        return
    print(f"refkit: {len(doubtful)} of {len(library)} entries to review (least certain first):", file=sys.stderr)
    for entry in doubtful[:REVIEW_LIMIT]:
        assert entry.origin is not None
        print(f"  {entry.location}: {entry.key}: {'; '.join(reasons(entry))}", file=sys.stderr)
    if len(doubtful) > REVIEW_LIMIT:
        print(f"  …and {len(doubtful) - REVIEW_LIMIT} more", file=sys.stderr)


def _merge_inputs(library: "Library") -> "Library":
    """One library from several inputs: a paper listed in two of them becomes one
    entry (fields completed from the other, nothing overwritten), and a citation
    key used by two different papers is made unique for the later one."""
    from dataclasses import replace

    from ..transforms.dedupe import merge_duplicates
    from ..transforms.keys import assign_keys

    before = len(library)
    library = merge_duplicates(library)
    if len(library) < before:
        from .report import plural

        print(f"refkit: merged {plural(before - len(library), 'duplicate entry')} across the inputs", file=sys.stderr)
    seen: set[str] = set()
    entries = []
    for entry in library.entries:
        if entry.key.lower() in seen:
            print(f"refkit: key {entry.key} is used by another input's entry: given a new key", file=sys.stderr)
            entry = replace(entry, key="")
        seen.add(entry.key.lower())
        entries.append(entry)
    library, _ = assign_keys(library.replace_entries(entries))
    return library
