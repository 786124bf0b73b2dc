"""Configuration from ``[tool.refkit]`` in ``pyproject.toml`` or a ``refkit.toml``.

Keys are the command-line long options (``sort = true``, ``key-pattern = "…"``,
``select = ["RK101"]``); ``-`` and ``_`` are interchangeable. A table named after
a command (``[tool.refkit.check]``) applies to that command only. The nearest
``refkit.toml`` or ``pyproject.toml`` with a ``[tool.refkit]`` table, searching
from the current directory upwards to the repository root, is used;
``REFKIT_CONFIG`` names a file explicitly. An unknown key is an error, never silently ignored: a misspelled
option in a hook would otherwise turn a rule off without anyone noticing.
"""

from __future__ import annotations

import argparse
import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from .errors import ConfigError

__all__ = ["find_config", "load_config", "apply_config"]


def _toml_load(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None


def find_config(start: Path | None = None) -> tuple[Path, dict[str, Any]] | None:
    """The config file in effect and its refkit table, or None.

    ``REFKIT_CONFIG`` wins; otherwise, from ``start`` (the current directory)
    upwards, the first ``refkit.toml``, or ``pyproject.toml`` with a
    ``[tool.refkit]`` table (``refkit.toml`` first in the same folder). The
    search stops at the repository root (a folder holding ``.git``), so a
    file outside the repository never changes what a hook does.
    """
    explicit = os.environ.get("REFKIT_CONFIG")
    if explicit:
        path = Path(explicit)
        data = _toml_load(path)
        table = _refkit_table(data) or {} if path.name == "pyproject.toml" else data
        return path, _table(path, table, "tool.refkit")
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / "refkit.toml"
        if own.is_file():
            return own, _toml_load(own)
        project = folder / "pyproject.toml"
        if project.is_file():
            table = _refkit_table(_toml_load(project))
            if table is not None:
                return project, _table(project, table, "tool.refkit")
        if (folder / ".git").exists():
            break  # do not read configuration from outside the repository
    return None


def _refkit_table(pyproject: dict[str, Any]) -> Any:
    """``[tool.refkit]`` of a parsed pyproject.toml, or None (a malformed ``tool`` is another tool's problem)."""
    tool = pyproject.get("tool")
    return tool.get("refkit") if isinstance(tool, dict) else None


def _table(path: Path, value: Any, name: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: {name} must be a table, not {type(value).__name__}")
    return value


def load_config(command: str, start: Path | None = None) -> tuple[Path | None, dict[str, Any], dict[str, Any]]:
    """The settings for ``command``: the shared keys and the keys of its own
    ``[...<command>]`` table (which win), returned separately because an
    unknown key means something different in each (see :func:`apply_config`)."""
    found = find_config(start)
    if found is None:
        return None, {}, {}
    path, table = found
    from .commands import COMMANDS

    shared = {k: v for k, v in table.items() if not (k in COMMANDS and isinstance(v, dict))}
    own = table.get(command)
    # not a table: a shared key that happens to share a command's name (format's --check)
    return path, shared, dict(own) if isinstance(own, dict) else {}


def apply_config(parser: argparse.ArgumentParser, command: str, start: Path | None = None) -> None:
    """Use the configuration as ``parser``'s defaults (the command line still wins).

    A key in the command's own table must be one of its options. A shared key
    must be an option of some command (``sort`` is shared by ``format`` and
    ignored by ``check``). Anything else is an error naming the file and the key.
    """
    path, shared, own = load_config(command, start)
    if not shared and not own:
        return
    options = _long_options(parser)
    defaults: dict[str, Any] = {}
    for key, value in {**shared, **own}.items():
        name = key.replace("_", "-")
        if name in options:
            try:
                defaults[options[name].dest] = _coerce(path, key, value, options[name])
            except ConfigError as exc:
                if key in own:
                    raise
                # a shared key is every command's: `sort = true` (format) also reaches convert's --sort
                table = "[tool.refkit.<command>]" if path is not None and path.name == "pyproject.toml" else "[<command>]"
                raise ConfigError(f"{exc} for `refkit {command}`; to set it for one command only, "
                                  f"put it in its table ({table})") from None
        elif key in own:
            raise ConfigError(f"{path}: unknown configuration key {key!r} for `refkit {command}`"
                              f"{_suggest(name, options)}")
        elif name not in _all_long_options():
            from .commands import COMMANDS

            if isinstance(value, dict):  # a misspelled command table: [tool.refkit.chek]
                raise ConfigError(f"{path}: unknown command table {key!r}{_suggest(key, COMMANDS)}")
            raise ConfigError(f"{path}: unknown configuration key {key!r}"
                              f"{_suggest(name, _all_long_options())}")
    parser.set_defaults(**defaults)


def _suggest(name: str, candidates: Iterable[str]) -> str:
    from .commands import suggest

    return suggest(name, candidates)


def _long_options(parser: argparse.ArgumentParser) -> dict[str, argparse.Action]:
    from .commands import long_options

    return long_options(parser)


@lru_cache(maxsize=1)
def _all_long_options() -> tuple[str, ...]:
    """Every long option of every command (imports every command module; only
    needed when a shared key is not an option of the running command)."""
    from .commands import build_parser

    _, subparsers = build_parser(every=True)
    names: list[str] = []
    for sp in subparsers.values():
        names.extend(_long_options(sp))
    return tuple(names)


def _coerce(path: Path | None, key: str, value: Any, action: argparse.Action) -> Any:
    """Check a config value against what the option takes."""
    flag = isinstance(action, (argparse._StoreTrueAction, argparse._StoreFalseAction))
    if flag:
        if not isinstance(value, bool):
            raise ConfigError(f"{path}: {key} must be true or false, not {value!r}")
        # a store_false option ("--no-cache") set to true means its dest is False
        return (not value) if isinstance(action, argparse._StoreFalseAction) else value
    if isinstance(action, argparse._AppendAction) or action.nargs in ("*", "+") or getattr(action, "list_value", False):
        items = value if isinstance(value, list) else [value]
        return [_convert(path, key, v, action) for v in items]
    if isinstance(value, list) and action.type is not None and all(isinstance(v, str) for v in value):
        value = ",".join(value)  # a comma-separated option (--field-order a,b) written as a TOML array
    if isinstance(value, (list, dict)):
        raise ConfigError(f"{path}: {key} takes a single value, not a {_toml_type(value)}")
    return _convert(path, key, value, action)


def _toml_type(value: Any) -> str:
    names = {bool: "boolean", int: "integer", float: "float", str: "string", list: "array", dict: "table"}
    return names.get(type(value), type(value).__name__)


def _convert(path: Path | None, key: str, value: Any, action: argparse.Action) -> Any:
    if action.type is None and not isinstance(value, str) or isinstance(value, (bool, list, dict)):
        expected = "number" if action.type in (int, float) else "string"
        raise ConfigError(f"{path}: {key} must be a {expected}, not a {_toml_type(value)} ({value!r})")
    if action.type is not None:
        try:
            value = action.type(value if isinstance(value, str) else str(value))  # type: ignore[operator]
        except (TypeError, ValueError, argparse.ArgumentTypeError) as exc:
            raise ConfigError(f"{path}: invalid value for {key}: {exc}") from None
    if action.choices is not None and value not in action.choices:
        raise ConfigError(f"{path}: {key} must be one of {', '.join(map(str, action.choices))}, not {value!r}")
    return value
