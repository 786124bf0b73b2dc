"""CSL-JSON reader: a JSON array of CSL items (or one item, or ``{"items": [...]}``)
into a :class:`~refkit.model.Library`, through :mod:`refkit.crosswalk`.

Values become BibTeX value text (LaTeX-escaped); CSL variables refkit has no
BibTeX field for are kept under their CSL name. Syntax errors name the line
and column.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..crosswalk import csl_to_entry
from ..errors import ParseError
from ..model import Entry, Library, Location, Origin, Problem

__all__ = ["read", "sniff"]

_START = re.compile(r'\A\s*(\[\s*(\{\s*"|\])|\{\s*"(id|type|items|title|author)"\s*:)')
_JSON_OBJECT = re.compile(r'\A\s*\{\s*"')

#: variables of which a CSL item has at least one (the schema requires ``type``)
_CSL_MARKS = ("type", "title", "author", "editor", "issued", "container-title", "DOI", "URL")


def sniff(text: str) -> float:
    """0.95 for a JSON array of objects that look like CSL items, 0.0 otherwise."""
    head = text[:4096]
    if not _START.match(head):
        # another JSON object: still ours to read, so that the user hears it is not CSL-JSON
        return 0.5 if _JSON_OBJECT.match(head) else 0.0
    if re.search(r'"(id|type|issued|container-title|title|author)"\s*:', head) or re.match(r"\A\s*\[\s*\]", head):
        return 0.95
    return 0.3


class _LineFinder:
    """Line numbers of item ids, found in one forward pass over the text.

    Items come in document order, so each search resumes where the last one
    ended and newlines are counted once: linear in the text, not quadratic."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1

    def line_of(self, needle: str) -> int | None:
        idx = self.text.find(needle, self.pos)
        if idx < 0:
            return None  # out of order or absent (an id written with escapes): no line
        self.line += self.text.count("\n", self.pos, idx)
        self.pos = idx
        return self.line


def read(text: str, *, path: str | None = None, **options: Any) -> Library:
    """Parse CSL-JSON ``text``. Items without an ``id`` get ``item<n>``;
    items that are not objects are reported as problems and skipped."""
    try:
        data = json.loads(text) if text.strip() else []
    except json.JSONDecodeError as exc:
        raise ParseError(f"invalid CSL-JSON: {exc.msg}", path=path, line=exc.lineno, column=exc.colno) from None
    except RecursionError:
        raise ParseError("invalid CSL-JSON: arrays or objects nested too deeply", path=path, line=1) from None
    if isinstance(data, dict):
        data = data.get("items", [data]) if "items" in data else [data]
    if not isinstance(data, list):
        raise ParseError("CSL-JSON must be an array of items", path=path, line=1)
    objects = [item for item in data if isinstance(item, dict)]
    if objects and not any(mark in item for item in objects for mark in _CSL_MARKS):
        raise ParseError(
            'JSON, but not CSL-JSON: no item has a "type" or "title"; refkit reads an array of CSL items'
            ' (as Zotero, pandoc and citeproc write them) or {"items": [...]}',
            path=path,
            line=1,
        )
    entries: list[Entry] = []
    problems: list[Problem] = []
    lines = _LineFinder(text)
    for n, item in enumerate(data, 1):
        if not isinstance(item, dict):
            problems.append(Problem("csljson-item", f"item {n} is not an object; skipped", Location(path), "warning"))
            continue
        key = str(item.get("id", "") or f"item{n}")
        line = lines.line_of(f'"{key}"') if path else None
        entry = csl_to_entry(item, key=key)
        entries.append(Entry(entry.type, entry.key, entry.fields, origin=Origin(location=Location(path, line))))
    return Library(blocks=list(entries), problems=problems, source=path)
