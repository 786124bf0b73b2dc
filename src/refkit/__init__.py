"""refkit: publication lists from HTML pages, CVs and messy .bib files into clean,
complete bibliographic data.

    import refkit
    library = refkit.read("publications.html")      # or .bib, .json, .md, .tex, a URL
    library = refkit.enrich(library)                 # arXiv, doi.org, Crossref (network)
    refkit.write(library, "publications.bib")
    print(refkit.render(library, style="apa", format="markdown"))

Names are imported lazily so that ``import refkit`` (and the CLI's start-up,
run by pre-commit on every commit) stays fast.
"""

from __future__ import annotations

# ``typing`` costs more to import than the rest of start-up; type checkers treat
# any constant named TYPE_CHECKING as typing.TYPE_CHECKING.
TYPE_CHECKING = False

__version__ = "0.1.0"

#: public name -> module that defines it
_EXPORTS = {
    "read": "refkit.io",
    "read_string": "refkit.io",
    "write": "refkit.io",
    "write_string": "refkit.io",
    "extract": "refkit.io",
    "enrich": "refkit.enrichment",
    "normalize": "refkit.transforms.normalize",
    "format_text": "refkit.formatting",
    "check": "refkit.checks",
    "render": "refkit.writers.citations",
    "Entry": "refkit.model",
    "Library": "refkit.model",
    "Name": "refkit.names",
    "Date": "refkit.model",
    "Problem": "refkit.model",
    "Provenance": "refkit.model",
    "RefkitError": "refkit.errors",
    "InputError": "refkit.errors",
    "ParseError": "refkit.errors",
    "ConfigError": "refkit.errors",
    "FormatError": "refkit.errors",
    "LookupFailed": "refkit.errors",
}

__all__ = sorted(_EXPORTS) + ["__version__"]

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from typing import Any

    from .checks import check
    from .enrichment import enrich
    from .errors import ConfigError, FormatError, InputError, LookupFailed, ParseError, RefkitError
    from .formatting import format_text
    from .io import extract, read, read_string, write, write_string
    from .model import Date, Entry, Library, Problem, Provenance
    from .names import Name
    from .transforms.normalize import normalize
    from .writers.citations import render


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'refkit' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
