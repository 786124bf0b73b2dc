"""``refkit format FILE...``: normalize ``.bib`` files in place, black-style.

Exit codes: 0 nothing changed, 1 a file was rewritten (or would be, with
``--check``/``--diff``), 2 an error (a file with parse errors is never
rewritten; each problem is printed as ``path:line:col: RKxxx message``).
``-`` reads stdin and writes the result to stdout (exit 0, unless ``--check``
or ``--diff`` finds a change). Messages go to stderr, diffs to stdout.
"""

from __future__ import annotations

import argparse
import sys

HELP = "normalize .bib files in place (a pre-commit hook)"


def _field_list(text: str) -> list[str]:
    names = [n.strip().lower() for n in text.split(",") if n.strip()]
    if not names:
        raise argparse.ArgumentTypeError("expected a comma-separated list of field names")
    return names


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="a .bib file, or '-' for stdin -> stdout")
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
    parser.add_argument("--encoding", help="input encoding (default UTF-8; the output is always UTF-8)")
    parser.add_argument("-v", "--verbose", action="store_true", help="also print warnings (undefined macros, stray braces …)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print errors only")


def run(args: argparse.Namespace) -> int:
    from ..formatting import format_file
    from ..transforms.keys import check_pattern

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
    counts = {"unchanged": 0, "reformatted": 0, "error": 0}
    for path in args.files:
        report = format_file(path, encoding=args.encoding, check=args.check, diff=args.diff, **options)
        counts[report.status] += 1
        for problem in report.problems:
            if problem.severity == "error":
                print(f"refkit: {problem}", file=sys.stderr)
            elif args.verbose:
                print(f"refkit: warning: {problem}", file=sys.stderr)
        if report.message:
            print(f"refkit: {report.message}", file=sys.stderr)
        for old, new in report.renames.items():
            print(f"{path}: {old} -> {new}", file=sys.stderr)
        if report.diff:
            sys.stdout.write(report.diff)
        if report.output is not None and not (args.check or args.diff):
            sys.stdout.write(report.output)
        if report.status == "reformatted" and path != "-" and not args.quiet:
            verb = "would reformat" if (args.check or args.diff) else "reformatted"
            print(f"{verb} {path}", file=sys.stderr)
    if not args.quiet and len(args.files) > 1:
        done = "would be reformatted" if (args.check or args.diff) else "reformatted"
        parts = [f"{counts['reformatted']} file(s) {done}", f"{counts['unchanged']} left unchanged"]
        if counts["error"]:
            parts.append(f"{counts['error']} failed")
        print(", ".join(parts) + ".", file=sys.stderr)
    if counts["error"]:
        return 2
    if counts["reformatted"] and not (args.files == ["-"] and not (args.check or args.diff)):
        return 1
    return 0
