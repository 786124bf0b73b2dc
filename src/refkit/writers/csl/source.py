"""The bibliography source citeproc-py reads: refkit's CSL-JSON items (from
:mod:`refkit.crosswalk`) as citeproc-py references. Every CSL variable is
passed through; values are prepared for the rules refkit implements (quotes
marked, numeric ranges with the locale's delimiter)."""

from __future__ import annotations

import re
from typing import Any

from citeproc.source import BibliographySource, CitationItem, Reference
from citeproc.source.json import CiteProcJSON

from .quotes import mark_data_quotes

__all__ = ["make_source", "Item"]

_NAME_VARIABLES = frozenset(
    "author editor translator container_author collection_editor composer interviewer original_author recipient "
    "illustrator editorial_director reviewed_author director chair compiler contributor curator executive_producer "
    "guest host narrator organizer performer producer script_writer series_creator".split()
)
_DATE_VARIABLES = frozenset("accessed container event_date issued original_date submitted available_date".split())
_NUM_RANGE = re.compile(r"^\s*(\d+)\s*[-‐‑]\s*(\d+)\s*$")
_TAGS = re.compile(r"</?(?:i|b|em|strong|sup|sub)>")
_SPAN = re.compile(r'<span (?:style|class)="[^"]*">(.*?)</span>')


def _strip_tags(text: str) -> str:
    if "<" not in text:
        return text
    return _SPAN.sub(r"\1", _TAGS.sub("", text))


class Item(CitationItem):
    """A citation item whose reference is looked up once (citeproc-py looks it
    up in the source for every variable)."""

    @property
    def reference(self) -> Any:
        ref = dict.get(self, "\0reference")
        if ref is None:
            ref = self.bibliography.source[self.key]
            dict.__setitem__(self, "\0reference", ref)
        return ref


def make_source(items: list[dict[str, Any]], range_delimiter: str = "–") -> BibliographySource:
    """A citeproc-py bibliography source for refkit-built CSL items."""
    source = BibliographySource()
    parser = CiteProcJSON([])
    for item in items:
        data: dict[str, Any] = {}
        for key, value in item.items():
            name = key.replace("-", "_")
            if name in ("id", "type", "custom"):
                continue
            if name in _NAME_VARIABLES:
                if isinstance(value, list):
                    data[name] = parser.parse_names(value)
            elif name in _DATE_VARIABLES:
                date = parser.parse_date(value) if isinstance(value, dict) else None
                if date is not None:
                    data[name] = date
            elif isinstance(value, (list, dict)):
                continue
            else:
                text = mark_data_quotes(_strip_tags(str(value)))
                if name in ("issue", "volume") and _NUM_RANGE.match(text):
                    # CSL 1.0.2 "Number": a numeric range is printed with the
                    # locale's range delimiter (an en dash; AMA's is a hyphen)
                    text = _NUM_RANGE.sub(lambda m: m.group(1) + range_delimiter + m.group(2), text)
                elif name == "page" and text.strip() and not text.strip(" -–—"):
                    text = ""  # a page of only dashes is no page (citeproc-js prints none)
                data[name] = parser.parse_string(text)
        source.add(_reference(item["id"], item["type"], data))
    return source


def _reference(key: str, type_: str, data: dict[str, Any]) -> Any:
    """A citeproc-py Reference without its warning about variables it does not
    know (every CSL variable is passed; a style may use any of them)."""
    ref = Reference.__new__(Reference)
    dict.update(ref, data)
    ref.key = key
    ref.type = type_
    return ref
