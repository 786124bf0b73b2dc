"""``refkit check FILE...``: lint bibliographies; a pre-commit hook.

Prints one line per problem (``path:line:col: CODE message``, or JSON, or
GitHub Actions annotations) and a summary on stderr naming what
``refkit format`` would fix. Directories are searched for ``.bib`` files.
Exit codes (:mod:`refkit.commands.report`): 0 clean, 1 problems found,
2 error (an unreadable file, an unknown rule code, an internal error).
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections import Counter
from typing import Any, Sequence

from ..model import Problem

HELP = "lint .bib files (a pre-commit hook)"
EXAMPLES = """\
  refkit check refs.bib                      one line per problem; exit 1 if any
  refkit check .                             every .bib file under here, respecting .gitignore
  refkit check --select RK2,RK3 refs.bib     only key and duplicate rules
  refkit check --ignore RK6 refs.bib         skip what `refkit format` would fix
  refkit check --output-format github .      annotations for GitHub Actions
"""
OUTPUT_FORMATS = ("text", "json", "github")


class CodeList(argparse.Action):
    """``--select RK2,RK501`` (repeatable): a command-line list replaces the
    configured one instead of extending it."""

    list_value = True  # refkit.config: the configuration gives a list of codes

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        seen = f"_{self.dest}_from_command_line"
        items = list(getattr(namespace, self.dest) or []) if getattr(namespace, seen, False) else []
        items.extend(v.strip() for v in str(values).split(",") if v.strip())
        setattr(namespace, self.dest, items)
        setattr(namespace, seen, True)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from .files import add_file_arguments

    add_file_arguments(parser, "what to check")
    parser.add_argument("--select", action=CodeList, default=[], metavar="CODES",
                        help="check only these rules: codes or prefixes, comma-separated (RK2,RK501)")
    parser.add_argument("--ignore", action=CodeList, default=[], metavar="CODES",
                        help="skip these rules: codes or prefixes, comma-separated")
    parser.add_argument("--output-format", choices=OUTPUT_FORMATS, default="text",
                        help="text (path:line:col: CODE message), json, or github (Actions annotations)")
    parser.add_argument("--from", dest="from_format", metavar="FORMAT",
                        help="input format (default: bibtex for .bib files, else sniffed)")
    parser.add_argument("--encoding", help="input encoding (default UTF-8)")
    parser.add_argument("--statistics", action="store_true",
                        help="print how often each rule was broken instead of every problem")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems are found")
    parser.add_argument("-q", "--quiet", action="store_true", help="print no summary")


def run(args: argparse.Namespace) -> int:
    from ..checks import check, select_rules
    from ..errors import RefkitError
    from ..fileio import read_text
    from ..io import read_string

    from .files import collect
    from .report import EXIT_OK, Report, internal_error

    select_rules(args.select, args.ignore)  # unknown codes are an error before any file is read
    files = collect(args.files, args.exclude, args.extend_exclude)
    if not files:
        if not args.quiet:
            print("refkit: no .bib files found; nothing to do", file=sys.stderr)
        return EXIT_OK
    # a short-lived process that builds many small objects and no cycles worth
    # collecting: the cyclic GC would take about 40% of the run time on large files
    gc.disable()
    problems: list[Problem] = []
    report = Report()
    for path in files:
        fmt = args.from_format or ("bibtex" if path.lower().endswith(".bib") else None)
        try:
            text = read_text(path, encoding=args.encoding)
            library = read_string(text, format=fmt, path="<stdin>" if path == "-" else path)
            found = check(library, select=args.select, ignore=args.ignore)
        except RefkitError as exc:  # report it, check the other files, exit 2
            print(f"refkit: {exc}", file=sys.stderr)
            report.failure()
            continue
        except Exception as exc:  # a bug: one line for this file, go on with the others
            if args.traceback:
                raise
            print(f"refkit: {internal_error(exc, path)}", file=sys.stderr)
            report.failure()
            continue
        report.done(bool(found))
        problems.extend(found)
    out = sys.stdout
    if args.statistics:
        _statistics(problems, args.output_format)
    elif args.output_format == "json":
        import json

        json.dump([_as_json(p) for p in problems], out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        for problem in problems:
            out.write((_as_github(problem) if args.output_format == "github" else _as_text(problem)) + "\n")
    if not args.quiet:
        print(_summary(problems, len(files)), file=sys.stderr)
    if not args.exit_zero:
        report.findings = len(problems)
    return report.return_code


def _statistics(problems: Sequence[Problem], output_format: str) -> None:
    from ..checks import RULES

    counts = Counter(p.code for p in problems)
    rows = [(counts[code], code, RULES[code].name if code in RULES else "", any(p.fixable for p in problems if p.code == code))
            for code in sorted(counts, key=lambda c: (-counts[c], c))]
    if output_format == "json":
        import json

        json.dump([{"code": c, "name": n, "count": k, "fixable": f} for k, c, n, f in rows], sys.stdout, indent=2)
        sys.stdout.write("\n")
        return
    for count, code, name, fixable in rows:
        sys.stdout.write(f"{count:6d}  {code}  {name}{'  [fixable]' if fixable else ''}\n")


def _as_text(problem: Problem) -> str:
    return f"{problem.location}: {problem.code} {problem.message}"


def _as_json(problem: Problem) -> dict[str, Any]:
    from ..checks import RULES

    loc = problem.location
    rule = RULES.get(problem.code)
    return {
        "path": loc.path, "line": loc.line, "column": loc.column, "code": problem.code,
        "name": rule.name if rule else None, "message": problem.message, "severity": problem.severity,
        "key": problem.key, "fixable": problem.fixable,
    }


def _as_github(problem: Problem) -> str:
    """A GitHub Actions workflow command; values escaped as the runner expects."""
    loc = problem.location
    level = {"error": "error", "warning": "warning"}.get(problem.severity, "notice")
    props = [f"file={_escape(loc.path or '', True)}"]
    if loc.line is not None:
        props.append(f"line={loc.line}")
        if loc.column is not None:
            props.append(f"col={loc.column}")
    props.append(f"title={_escape('refkit ' + problem.code, True)}")
    return f"::{level} {','.join(props)}::{_escape(problem.code + ' ' + problem.message, False)}"


def _escape(text: str, prop: bool) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def _summary(problems: Sequence[Problem], files: int) -> str:
    from .report import plural

    where = f" in {plural(files, 'file')}" if files > 1 else ""
    if not problems:
        return f"refkit check: no problems{where}." if files > 1 else "refkit check: no problems."
    text = f"refkit check: {plural(len(problems), 'problem')}{where}"
    fixable = Counter(p.code for p in problems if p.fixable)
    if fixable:
        codes = ", ".join(f"{code} x{count}" for code, count in sorted(fixable.items()))
        text += f"; `refkit format` would fix {sum(fixable.values())} of them ({codes})"
    return text + "."
