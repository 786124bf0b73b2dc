"""Writer registry: format name -> (module, file extensions, preset options).

Every writer module exposes ``write(library: Library, **options) -> str``.
Adding a format is its own module plus one line here.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Any, Callable, NamedTuple

from ..errors import FormatError
from ..model import Library


class WriterSpec(NamedTuple):
    module: str
    extensions: tuple[str, ...]
    options: dict[str, Any]


WRITERS: dict[str, WriterSpec] = {
    "bibtex": WriterSpec("refkit.writers.bibtex", (".bib",), {}),
    "csljson": WriterSpec("refkit.writers.csljson", (".json",), {}),
    "markdown": WriterSpec("refkit.writers.citations", (".md", ".markdown"), {"format": "markdown"}),
    "html": WriterSpec("refkit.writers.citations", (".html", ".htm"), {"format": "html"}),
    "text": WriterSpec("refkit.writers.citations", (".txt",), {"format": "text"}),
    "latex": WriterSpec("refkit.writers.citations", (".tex",), {"format": "latex"}),
}

ALIASES: dict[str, str] = {"bib": "bibtex", "csl-json": "csljson", "json": "csljson", "md": "markdown", "txt": "text", "tex": "latex"}


def resolve(name: str | None = None, path: str | None = None) -> str:
    """The writer name for an explicit ``name`` or, failing that, ``path``'s extension."""
    if name:
        key = ALIASES.get(name.lower(), name.lower())
        if key not in WRITERS:
            raise FormatError(f"unknown output format {name!r} (known: {', '.join(sorted(WRITERS))})")
        return key
    if path and path != "-":
        suffix = Path(path).suffix.lower()
        for key, spec in WRITERS.items():
            if suffix in spec.extensions:
                return key
        raise FormatError(f"{path}: cannot tell the output format from the extension {suffix or '(none)'!r}; use --to")
    return "bibtex"


def writer(name: str) -> Callable[..., str]:
    """A ``write(library, **options) -> str`` function with the format's presets applied."""
    spec = WRITERS[resolve(name)]
    func = import_module(spec.module).write

    def write(library: Library, **options: Any) -> str:
        return func(library, **{**spec.options, **options})

    return write
