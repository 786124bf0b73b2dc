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
    "OptionError": "refkit.errors",
    "Bibliography": "refkit.writers.citations",
}

__all__ = sorted(_EXPORTS) + ["__version__"]

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    # ``import x as x``: an explicit re-export, so `mypy --strict` user code may use refkit.read …
    from typing import Any

    from .checks import check as check
    from .enrichment import enrich as enrich
    from .errors import ConfigError as ConfigError
    from .errors import FormatError as FormatError
    from .errors import InputError as InputError
    from .errors import LookupFailed as LookupFailed
    from .errors import OptionError as OptionError
    from .errors import ParseError as ParseError
    from .errors import RefkitError as RefkitError
    from .formatting import format_text as format_text
    from .io import extract as extract
    from .io import read as read
    from .io import read_string as read_string
    from .io import write as write
    from .io import write_string as write_string
    from .model import Date as Date
    from .model import Entry as Entry
    from .model import Library as Library
    from .model import Problem as Problem
    from .model import Provenance as Provenance
    from .names import Name as Name
    from .transforms.normalize import normalize as normalize
    from .writers.citations import Bibliography as Bibliography
    from .writers.citations import render as render


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
