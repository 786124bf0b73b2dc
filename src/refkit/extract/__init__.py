"""Turning publication lists written for people into entries.

Readers of documents made for people (``readers/html.py``, ``readers/text.py``)
cut a document into :class:`~refkit.extract.segment.Segment` objects — one per
listed item, with the markup hints that matter (bold, italics, links, headings) —
and hand each to :func:`refkit.extract.citation.parse_segment`, which finds the
title, authors, year, venue, type and identifiers. The format-specific readers
know about tags and list syntax; this package knows about citations.
"""

import sys as _sys
import types as _types
from typing import Any as _Any


class _CallableModule(_types.ModuleType):
    """``refkit.extract`` names both this package and the function
    :func:`refkit.io.extract`. Importing the package makes it the attribute of
    ``refkit`` (the import system sets it), so the package must extract when called,
    as :mod:`refkit.enrichment` does."""

    def __call__(self, source: _Any, **options: _Any) -> _Any:
        from ..io import extract

        return extract(source, **options)


_sys.modules[__name__].__class__ = _CallableModule
