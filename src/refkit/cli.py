"""The command-line interface: thin. It parses arguments (the parser and the
command table are in :mod:`refkit.commands`), runs the command and returns its
exit code (decided in :mod:`refkit.commands.report`: 0 ok, 1 findings, 2 error).

No traceback reaches the user: a refkit error prints ``refkit: message``; an
unexpected exception (a bug) prints one short ``refkit: internal error …`` line
naming where it happened, and exits 2 (never 1, which means "findings"). The
traceback is shown with ``--traceback`` or ``REFKIT_DEBUG=1``.
"""

from __future__ import annotations

import os
import sys
from importlib import import_module

from .commands import COMMANDS, build_parser
from .commands.report import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK, internal_error

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run refkit with ``argv`` (default ``sys.argv[1:]``); returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    debug = "--traceback" in args_list or os.environ.get("REFKIT_DEBUG", "") not in ("", "0")
    try:
        return _main(args_list, debug)
    except KeyboardInterrupt:
        print("refkit: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug: one short line, no traceback, exit 2
        if debug:
            raise
        print(f"refkit: {internal_error(exc)}", file=sys.stderr)
        return EXIT_ERROR


def _main(args_list: list[str], debug: bool) -> int:
    from .errors import InternalError, RefkitError

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
    args.traceback = debug  # commands that catch per-file errors re-raise with it
    if not args.command:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return int(import_module(COMMANDS[args.command][0]).run(args))
    except RefkitError as exc:
        if debug and isinstance(exc, InternalError):
            raise  # --traceback: the bug's own traceback, chained
        print(f"refkit: {exc}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
