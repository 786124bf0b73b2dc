"""CSL-JSON writer: a :class:`~refkit.model.Library` as a JSON array of CSL
items (Unicode text, two-space indentation, trailing newline), through
:mod:`refkit.crosswalk`."""

from __future__ import annotations

import json
from typing import Any

from ..crosswalk import entry_to_csl_lossless
from ..model import Library

__all__ = ["write"]


def write(library: Library, *, markup: bool = True, indent: int | None = 2, **options: Any) -> str:
    """The CSL-JSON text for ``library``. ``markup=False`` flattens rich text
    (italics, nocase spans) to plain text. BibTeX fields CSL has no
    variable for, or would change, are kept in each item's ``custom.bibtex``
    so that reading the file back gives the same library."""
    items = [entry_to_csl_lossless(e, markup=markup) for e in library.entries]
    return json.dumps(items, ensure_ascii=False, indent=indent) + "\n"
