"""The command table and the argument parser, shared by :mod:`refkit.cli`,
:mod:`refkit.config` (which checks configuration keys against the options)
and ``docs/gen.py`` (which documents them). Nothing here imports ``cli``.

Each subcommand lives in ``refkit/commands/<name>.py`` with

    add_arguments(parser: argparse.ArgumentParser) -> None
    run(args: argparse.Namespace) -> int      # an exit code from refkit.commands.report
    HELP: str                                 # one line for ``refkit --help``
    EXAMPLES: str                             # optional: shown after the options

Command modules are imported only when they run, so ``refkit --version`` is fast.
"""

from __future__ import annotations

import argparse
from importlib import import_module

TYPE_CHECKING = False  # typing costs start-up time; the annotations are strings
if TYPE_CHECKING:
    from typing import NoReturn

__all__ = ["COMMANDS", "build_parser", "Parser", "long_options", "suggest"]

#: command name -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "convert": ("refkit.commands.convert", "extract/convert publication lists between formats"),
    "format": ("refkit.commands.format", "normalize .bib files in place (a pre-commit hook)"),
    "check": ("refkit.commands.check", "lint .bib files (a pre-commit hook)"),
    "enrich": ("refkit.commands.enrich", "complete .bib entries from arXiv, doi.org and Crossref"),
    "styles": ("refkit.commands.styles", "list the citation styles available"),
}


def suggest(name: str, candidates: object) -> str:
    """`` (did you mean 'x'?)`` for the closest of ``candidates``, or ``""``."""
    import difflib

    close = difflib.get_close_matches(name, sorted(set(candidates)), n=1)  # type: ignore[call-overload]
    return f" (did you mean {close[0]!r}?)" if close else ""


def long_options(parser: argparse.ArgumentParser) -> dict[str, argparse.Action]:
    """``--name`` (without the dashes) -> its action, for every long option of ``parser``."""
    out: dict[str, argparse.Action] = {}
    for action in parser._actions:
        if isinstance(action, (argparse._HelpAction, argparse._VersionAction)):
            continue
        for opt in action.option_strings:
            if opt.startswith("--"):
                out[opt[2:]] = action
    return out


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose "unrecognized arguments" error names the
    closest option (``--stlye`` -> did you mean ``--style``?)."""

    def parse_args(self, args=None, namespace=None):  # type: ignore[no-untyped-def]
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            target = self._subparser_for(parsed) or self
            hints = []
            options = [o for a in target._actions for o in a.option_strings if o.startswith("--")]
            for extra in extras:
                if extra.startswith("--"):
                    hint = suggest(extra.split("=", 1)[0], options)
                    hints.append(f"{extra}{hint}")
                else:
                    hints.append(extra)
            target.error("unrecognized arguments: " + " ".join(hints))
        return parsed

    def error(self, message: str) -> NoReturn:
        """argparse's usage error, with the closest command for a mistyped one."""
        import re

        m = re.match(r"argument COMMAND: invalid choice: '([^']*)'", message)
        if m:
            message += suggest(m.group(1), COMMANDS)
        super().error(message)

    def _subparser_for(self, parsed: argparse.Namespace) -> argparse.ArgumentParser | None:
        name = getattr(parsed, "command", None)
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction) and name in action.choices:
                return action.choices[name]
        return None


def build_parser(command: str | None = None, every: bool = False) -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The argument parser and its subparsers; only ``command``'s module is
    imported (every command's with ``every``, e.g. for the docs)."""
    from .. import __version__

    parser = Parser(prog="refkit", description="Clean, complete bibliographic data from publication lists.")
    parser.add_argument("--version", action="version", version=f"refkit {__version__}")
    parser.add_argument("--traceback", action="store_true",
                        help="on an internal error, print the Python traceback (also: REFKIT_DEBUG=1)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=argparse.ArgumentParser)
    subparsers: dict[str, argparse.ArgumentParser] = {}
    for name, (module, help_text) in COMMANDS.items():
        if every or command == name:
            mod = import_module(module)
            examples = getattr(mod, "EXAMPLES", "")
            sp = sub.add_parser(name, help=help_text, description=help_text,
                                epilog=f"examples:\n{examples}" if examples else None,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
            mod.add_arguments(sp)
        else:
            sp = sub.add_parser(name, help=help_text, description=help_text)
        # also accepted after the command name (`refkit format --traceback x.bib`)
        sp.add_argument("--traceback", action="store_true",
                        help="on an internal error, print the Python traceback (also: REFKIT_DEBUG=1)")
        subparsers[name] = sp
    return parser, subparsers
