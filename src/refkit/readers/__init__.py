"""Reader registry: format name -> module. Every reader module exposes

    read(text: str, *, path: str | None = None, **options) -> Library
    sniff(text: str) -> float        # 0.0 (surely not this format) .. 1.0 (surely)

Adding a format is its own module plus one line here.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

from ..errors import FormatError

#: format name -> module path, in sniffing priority order (ties go to the earlier one)
READERS: dict[str, str] = {
    "bibtex": "refkit.readers.bibtex",
    "csljson": "refkit.readers.csljson",
    "html": "refkit.readers.html",
    "text": "refkit.readers.text",
}

#: other names users type for a format
ALIASES: dict[str, str] = {
    "bib": "bibtex",
    "csl-json": "csljson",
    "json": "csljson",
    "htm": "html",
    "markdown": "text",
    "md": "text",
    "latex": "text",
    "tex": "text",
    "txt": "text",
    "plain": "text",
}


def reader(name: str) -> ModuleType:
    """The reader module for format ``name`` (or an alias)."""
    key = ALIASES.get(name.lower(), name.lower())
    if key not in READERS:
        known = ", ".join(sorted(READERS))
        raise FormatError(f"unknown input format {name!r} (known: {known})")
    return import_module(READERS[key])


def sniff(text: str) -> str:
    """The format name whose reader is most confident about ``text``; ``text`` as a fallback."""
    best, best_score = "text", 0.0
    for name in READERS:
        score = reader(name).sniff(text)
        if score > best_score:
            best, best_score = name, score
    return best
