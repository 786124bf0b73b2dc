"""Configuration from ``[tool.refkit]`` in ``pyproject.toml`` or a ``refkit.toml``.

Keys are the command-line long options (``sort = true``, ``key-pattern = "…"``,
``select = ["RK101"]``); ``-`` and ``_`` are interchangeable. A table named after
a command (``[tool.refkit.check]``) applies to that command only. The nearest
``refkit.toml`` or ``pyproject.toml`` with a ``[tool.refkit]`` table, searching
from the current directory upwards, is used; ``REFKIT_CONFIG`` names a file
explicitly. An unknown key is an error, never silently ignored: a misspelled
option in a hook would otherwise turn a rule off without anyone noticing.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from pathlib import Path
from typing import Any

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
    """The config file in effect and its refkit table, or None."""
    explicit = os.environ.get("REFKIT_CONFIG")
    if explicit:
        path = Path(explicit)
        data = _toml_load(path)
        table = data.get("tool", {}).get("refkit", data) if path.name == "pyproject.toml" else data
        return path, table
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / "refkit.toml"
        if own.is_file():
            return own, _toml_load(own)
        project = folder / "pyproject.toml"
        if project.is_file():
            table = _toml_load(project).get("tool", {}).get("refkit")
            if table is not None:
                return project, table
            if (folder / ".git").exists():
                break  # do not read configuration from outside the repository
    return None


def load_config(command: str, start: Path | None = None) -> tuple[Path | None, dict[str, Any]]:
    """The settings for ``command``: shared keys overlaid by ``[...<command>]``."""
    found = find_config(start)
    if found is None:
        return None, {}
    path, table = found
    from .cli import COMMANDS

    settings = {k: v for k, v in table.items() if not (k in COMMANDS and isinstance(v, dict))}
    own = table.get(command, {})
    if isinstance(own, dict):
        settings.update(own)
    return path, settings


def apply_config(parser: argparse.ArgumentParser, command: str, start: Path | None = None) -> None:
    """Use the configuration as ``parser``'s defaults (the command line still wins)."""
    path, settings = load_config(command, start)
    if not settings:
        return
    options = _long_options(parser)
    defaults: dict[str, Any] = {}
    unknown: list[str] = []
    for key, value in settings.items():
        name = key.replace("_", "-")
        if name in options:
            defaults[options[name].dest] = _coerce(path, key, value, options[name])
        else:
            unknown.append(key)
    for key in unknown:
        if not _known_elsewhere(key.replace("_", "-"), command):
            everything = sorted(set(_all_long_options()))
            close = difflib.get_close_matches(key.replace("_", "-"), everything, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ConfigError(f"{path}: unknown configuration key {key!r}{hint}")
    parser.set_defaults(**defaults)


def _long_options(parser: argparse.ArgumentParser) -> dict[str, argparse.Action]:
    out: dict[str, argparse.Action] = {}
    for action in parser._actions:
        for opt in action.option_strings:
            if opt.startswith("--"):
                out[opt[2:]] = action
    return out


def _all_long_options() -> list[str]:
    from .cli import build_parser

    _, subparsers = build_parser(every=True)
    names: list[str] = []
    for sp in subparsers.values():
        names.extend(_long_options(sp))
    return names


def _known_elsewhere(name: str, command: str) -> bool:
    return name in _all_long_options()


def _coerce(path: Path | None, key: str, value: Any, action: argparse.Action) -> Any:
    """Check a config value against what the option takes."""
    flag = isinstance(action, (argparse._StoreTrueAction, argparse._StoreFalseAction))
    if flag:
        if not isinstance(value, bool):
            raise ConfigError(f"{path}: {key} must be true or false, not {value!r}")
        # a store_false option ("--no-cache") set to true means its dest is False
        return (not value) if isinstance(action, argparse._StoreFalseAction) else value
    if isinstance(action, argparse._AppendAction) or action.nargs in ("*", "+"):
        items = value if isinstance(value, list) else [value]
        return [_convert(path, key, v, action) for v in items]
    if isinstance(value, (list, dict)):
        raise ConfigError(f"{path}: {key} takes a single value, not {type(value).__name__}")
    return _convert(path, key, value, action)


def _convert(path: Path | None, key: str, value: Any, action: argparse.Action) -> Any:
    if action.type is not None and isinstance(value, str):
        try:
            value = action.type(value)  # type: ignore[misc,operator]
        except (TypeError, ValueError, argparse.ArgumentTypeError) as exc:
            raise ConfigError(f"{path}: invalid value for {key}: {exc}") from None
    if action.choices is not None and value not in action.choices:
        raise ConfigError(f"{path}: {key} must be one of {', '.join(map(str, action.choices))}, not {value!r}")
    return value
