"""``refkit format FILE...``: normalize ``.bib`` files in place, black-style.

Exit codes (as black and ruff): 0 success, whether files were rewritten or
not; 1 only with ``--check``/``--diff`` when a file would change; 2 an error
(a file with parse errors is never rewritten; each problem is printed as
``path:line:col: RKxxx message``; a file that is not BibTeX is refused).
Directories are searched for ``.bib`` files (:mod:`refkit.commands.files`).
``-`` reads stdin and writes the result to stdout. Messages go to stderr,
diffs to stdout; a closing line says what happened (``1 file reformatted,
2 files left unchanged.``).
"""

from __future__ import annotations

import argparse
import sys

HELP = "normalize .bib files in place (a pre-commit hook)"
EXAMPLES = """\
  refkit format refs.bib            rewrite refs.bib in place (exit 0)
  refkit format .                   every .bib file under here, respecting .gitignore
  refkit format --check .           exit 1 if a file would change; write nothing
  refkit format --diff refs.bib     show the changes as a unified diff
  refkit format --minimal refs.bib  rewrite only the entries whose content changes
  cat refs.bib | refkit format -    stdin -> stdout
"""


def _field_list(text: str) -> list[str]:
    names = [n.strip().lower() for n in text.split(",") if n.strip()]
    if not names:
        raise argparse.ArgumentTypeError("expected a comma-separated list of field names")
    return names


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from .files import add_file_arguments

    add_file_arguments(parser, "what to format ('-': stdin -> stdout)")
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if a file would be reformatted")
    parser.add_argument("--diff", action="store_true", help="do not write; print a unified diff of the changes")
    parser.add_argument(
        "--minimal", action="store_true",
        help="rewrite only entries whose content changes; leave every other byte as it is",
    )
    parser.add_argument("--sort", action="store_true", help="sort entries by citation key (crossref targets last)")
    parser.add_argument("--keys", action="store_true", help="regenerate every citation key from --key-pattern (empty keys are always filled)")
    parser.add_argument("--key-pattern", metavar="PATTERN", help="pattern for generated keys: empty keys, or every key with --keys (default '{auth}{year}{title}')")
    parser.add_argument(
        "--field-order", type=_field_list, action="append", metavar="F1,F2,...",
        help="fields written first, in this order (the others follow in their original order); "
        "in the configuration a list or a comma-separated string",
    )
    parser.add_argument("--no-normalize", dest="normalize", action="store_false", help="only re-layout; change no field values")
    parser.add_argument("--encoding", help="input encoding (default: from a BOM or the content, else UTF-8); UTF-8/16/32 files are written back as they were (BOM too), others as UTF-8")
    parser.add_argument("--follow-symlinks", action="store_true",
                        help="write through a symlink that leads outside the working tree (default: refuse)")
    parser.add_argument("-v", "--verbose", action="store_true", help="also print warnings (undefined macros, stray braces …)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print errors only")


def run(args: argparse.Namespace) -> int:
    from ..formatting import format_file
    from ..transforms.keys import check_pattern
    from .files import collect
    from .report import EXIT_OK, Report, internal_error

    if args.key_pattern:
        check_pattern(args.key_pattern)
    if args.minimal and args.sort:
        from ..errors import ConfigError

        raise ConfigError("--minimal and --sort cannot be combined (sorting moves every entry)")
    options = dict(
        minimal=args.minimal,
        sort=args.sort,
        keys=args.keys,
        key_pattern=args.key_pattern,
        field_order=[name for group in args.field_order for name in group] if args.field_order else None,
        normalize=args.normalize,
    )
    files = collect(args.files, args.exclude, args.extend_exclude)
    if not files:
        if not args.quiet:
            print("refkit: no .bib files found; nothing to do", file=sys.stderr)
        return EXIT_OK
    report = Report(report_only=args.check or args.diff)
    for path in files:
        try:
            result = format_file(path, encoding=args.encoding, check=args.check, diff=args.diff,
                                 follow_symlinks=args.follow_symlinks, **options)
        except Exception as exc:  # a bug: report it for this file, go on with the others
            if args.traceback:
                raise
            print(f"refkit: {internal_error(exc, path)}", file=sys.stderr)
            report.failure()
            continue
        if result.status == "error":
            report.failure()
        else:
            report.done(result.status == "reformatted")
        for problem in result.problems:
            if problem.severity == "error":
                print(f"refkit: {problem}", file=sys.stderr)
            elif args.verbose:
                print(f"refkit: warning: {problem}", file=sys.stderr)
        if result.message:
            print(f"refkit: {result.message}", file=sys.stderr)
        for old, new in result.renames.items():
            print(f"{path}: {old} -> {new}", file=sys.stderr)
        if result.diff:
            sys.stdout.write(result.diff)
        if result.output is not None and not (args.check or args.diff):
            sys.stdout.write(result.output)
        if result.status == "reformatted" and path != "-" and not args.quiet:
            verb = "would reformat" if report.report_only else "reformatted"
            print(f"{verb} {path}", file=sys.stderr)
    if not args.quiet and files != ["-"]:
        print(report.summary(), file=sys.stderr)
    return report.return_code
