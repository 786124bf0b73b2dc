"""The command-line interface: thin. It parses arguments, calls the public API
and turns the outcome into an exit code (0 ok, 1 findings/changes, 2 error).

Each subcommand lives in ``refkit/commands/<name>.py`` with

    add_arguments(parser: argparse.ArgumentParser) -> None
    run(args: argparse.Namespace) -> int
    HELP: str   # one line for ``refkit --help``

Commands are imported only when they run, so ``refkit --version`` is fast.
"""

from __future__ import annotations

import argparse
import sys
from importlib import import_module

from . import __version__

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Sequence

#: command name -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "convert": ("refkit.commands.convert", "extract/convert publication lists between formats"),
    "format": ("refkit.commands.format", "normalize .bib files in place (a pre-commit hook)"),
    "check": ("refkit.commands.check", "lint .bib files (a pre-commit hook)"),
    "enrich": ("refkit.commands.enrich", "complete .bib entries from arXiv, doi.org and Crossref"),
    "styles": ("refkit.commands.styles", "list the citation styles available"),
}

EXIT_OK, EXIT_CHANGED, EXIT_ERROR = 0, 1, 2


def build_parser(command: str | None = None, every: bool = False) -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The argument parser and its subparsers; only ``command``'s module is
    imported (every command's with ``every``, e.g. for the docs)."""
    parser = argparse.ArgumentParser(prog="refkit", description="Clean, complete bibliographic data from publication lists.")
    parser.add_argument("--version", action="version", version=f"refkit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    subparsers: dict[str, argparse.ArgumentParser] = {}
    for name, (module, help_text) in COMMANDS.items():
        sp = sub.add_parser(name, help=help_text, description=help_text)
        subparsers[name] = sp
        if every or command == name:
            import_module(module).add_arguments(sp)
    return parser, subparsers


def main(argv: Sequence[str] | None = None) -> int:
    """Run refkit with ``argv`` (default ``sys.argv[1:]``); returns the exit code."""
    from .errors import RefkitError

    args_list = list(sys.argv[1:] if argv is None else argv)
    command = next((a for a in args_list if a in COMMANDS), None)
    parser, subparsers = build_parser(command)
    try:
        if command is not None:
            from .config import apply_config

            apply_config(subparsers[command], command)
        args = parser.parse_args(args_list)
    except RefkitError as exc:
        print(f"refkit: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if not args.command:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return int(import_module(COMMANDS[args.command][0]).run(args))
    except RefkitError as exc:
        print(f"refkit: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("refkit: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
