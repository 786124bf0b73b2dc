"""``read`` and ``write``: any supported format in, any supported format out."""

from __future__ import annotations

import os
from typing import Any

from . import readers, writers
from .fileio import atomic_write, is_url, read_text
from .model import Library

__all__ = ["read", "read_string", "write", "write_string", "extract"]


def read(source: str | os.PathLike[str], *, format: str | None = None, encoding: str | None = None, **options: Any) -> Library:
    """Read a file path, ``-`` (stdin) or an http(s) URL into a :class:`Library`.

    The format is sniffed from the content (an HTML page saved as ``.txt`` is
    still HTML) unless ``format`` names it (``bibtex``, ``csljson``, ``html``, ``text``).
    """
    name = os.fspath(source)
    if is_url(name):
        from .http import fetch_text  # the network layer only when a URL is read

        text = fetch_text(name)
    else:
        text = read_text(name, encoding=encoding)
    return read_string(text, format=format, path=name, **options)


def read_string(text: str, *, format: str | None = None, path: str | None = None, **options: Any) -> Library:
    """Parse ``text`` (sniffing its format unless given) into a :class:`Library`."""
    fmt = format or readers.sniff(text, path)
    library = readers.reader(fmt).read(text, path=path, **options)
    if library.source is None:
        library.source = path
    if any(not entry.key for entry in library.entries):
        # extracted entries have no key yet: give them Google-Scholar-like ones
        from .transforms.keys import assign_keys

        library, _ = assign_keys(library)
    return library


def extract(source: str | os.PathLike[str], **options: Any) -> Library:
    """Extract publication entries from an HTML page or a text document (CV,
    Markdown, LaTeX, plain text). Same as :func:`read`; named for what it does."""
    return read(source, **options)


def write_string(library: Library, format: str = "bibtex", **options: Any) -> str:
    """Render ``library`` as text in ``format`` (``bibtex``, ``csljson``, ``markdown`` …)."""
    return writers.writer(format)(library, **options)


def write(library: Library, path: str | os.PathLike[str], *, format: str | None = None, **options: Any) -> str:
    """Write ``library`` to ``path`` (atomically), the format following the extension
    unless ``format`` is given. Returns the text written."""
    name = os.fspath(path)
    fmt = writers.resolve(format, name)
    text = write_string(library, fmt, **options)
    atomic_write(name, text)
    return text
