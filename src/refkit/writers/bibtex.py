"""BibTeX writer: :class:`~refkit.model.Library` -> ``.bib`` text in one layout.

    @article{zhong2024clearer,
      author = {Zhong, Zhihang and others},
      title = {Clearer Frames, Anytime},
      year = {2024},
      month = mar
    }

* Lower-case entry types and field names, two-space indent, ``name = {value}``,
  no alignment, no trailing comma, one blank line between blocks (none after
  a comment that was written directly above the next block).
* Field order: :data:`DEFAULT_FIELD_ORDER` first (in that order), every other
  field after them in its original order (``field_order`` replaces the list).
* What the user wrote is kept where the value did not change: a field whose
  value equals the parsed value in ``Entry.origin`` is written with its
  original expression when that used ``@string`` macros or ``#`` concatenation
  (``journal = ieeetc``, ``month = jan # "~15"``). ``@string``, ``@preamble``
  and comments are written back exactly as read.
* A ``month`` whose value is an English month name is written as the standard
  macro (``mar``), which every BibTeX style expands to that name.

The output parses back (pybtex, strict mode) to the same content; the tests
check that. pybtex's own writer is not used: it corrupts LaTeX.
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from ..dates import MACRO_OF
from ..model import Block, Comment, Entry, Library, Preamble, StringDef

__all__ = ["write", "write_entry", "write_block", "DEFAULT_FIELD_ORDER", "balance", "month_macro_rewrite"]

#: the fields a reader looks for first, in the order they are written
DEFAULT_FIELD_ORDER: tuple[str, ...] = (
    "author", "editor", "title", "subtitle", "booktitle", "journal", "journaltitle",
    "year", "month", "day", "date", "volume", "number", "issue", "pages", "chapter", "edition",
    "series", "publisher", "organization", "institution", "school", "address", "location",
    "howpublished", "type", "note", "doi", "eprint", "archiveprefix", "primaryclass",
    "eprinttype", "eprintclass", "isbn", "issn", "url", "urldate", "crossref",
)

_MONTH_NAMES = MACRO_OF


def write(library: Library, *, field_order: Sequence[str] | None = None, **options: Any) -> str:
    """The whole library as ``.bib`` text (empty for an empty library)."""
    order = _order_index(field_order)
    out: list[str] = []
    attached = False
    for block in library.blocks:
        text = write_block(block, order)
        if not text:
            continue
        if out and not attached:
            out.append("\n\n")
        out.append(text)
        # a comment ending in a newline was written right above the next block
        attached = isinstance(block, Comment) and text.endswith("\n")
    result = "".join(out)
    return result if not result or result.endswith("\n") else result + "\n"


def write_block(block: Block, order: dict[str, int] | None = None) -> str:
    """One block's text (no trailing newline)."""
    if isinstance(block, Entry):
        return write_entry(block, order)
    if isinstance(block, Comment):
        return block.text
    if isinstance(block, StringDef):
        if block.origin is not None and block.origin.text:
            return block.origin.text
        return f"@string{{{block.name} = {block.raw or '{' + balance(block.value) + '}'}}}"
    if isinstance(block, Preamble):
        if block.origin is not None and block.origin.text:
            return block.origin.text
        return f"@preamble{{{block.raw}}}"
    raise TypeError(f"not a library block: {block!r}")


def write_entry(entry: Entry, order: dict[str, int] | None = None) -> str:
    """One entry in refkit's layout."""
    if order is None:
        order = _DEFAULT_INDEX
    origin = entry.origin
    raw_fields = origin.raw_fields if origin is not None else {}
    old_values = origin.values if origin is not None else {}
    lines = [f"@{entry.type.lower()}{{{entry.key},"]
    names = _ordered(entry.fields, order)
    last = len(names) - 1
    for i, name in enumerate(names):
        value = entry.fields[name]
        raw = raw_fields.get(name)
        if raw is not None and old_values.get(name) == value and _keeps_raw(raw, value):
            text = raw
        elif name == "month" and value in _MONTH_NAMES:
            text = _MONTH_NAMES[value]
        elif old_values.get(name) == value:
            text = "{" + value + "}"  # as parsed: balanced by construction
        else:
            text = "{" + balance(value) + "}"
        lines.append(f"  {name.lower()} = {text}{',' if i < last else ''}")
    lines.append("}")
    return "\n".join(lines)


def month_macro_rewrite(entry: Entry) -> str | None:
    """The macro (``jun``) :func:`write_entry` writes for a ``month`` that was
    written as text (``{June}``, ``"June"``), or None when the writer keeps the
    month as it was. ``refkit check`` (RK605) and ``format --minimal`` ask this,
    so they agree with the writer."""
    value = entry.fields.get("month")
    origin = entry.origin
    if value not in _MONTH_NAMES or origin is None:
        return None
    raw = origin.raw_fields.get("month")
    if raw is None or origin.values.get("month") != value or _keeps_raw(raw, value):
        return None
    return _MONTH_NAMES[value]


def _keeps_raw(raw: str, value: str) -> bool:
    """Keep the expression as written when it is more than one literal
    (macros, ``#``); a lone literal is rewritten as ``{value}``."""
    if raw.isdigit():
        return False
    if len(raw) >= 2 and raw[0] in "{\"" and raw[1:-1] == value:
        return False
    return True


def _order_index(field_order: Sequence[str] | None) -> dict[str, int]:
    if field_order is None:
        return _DEFAULT_INDEX
    return {name.lower(): i for i, name in enumerate(field_order)}


_DEFAULT_INDEX = {name: i for i, name in enumerate(DEFAULT_FIELD_ORDER)}


def _ordered(fields: Iterable[str], order: dict[str, int]) -> list[str]:
    names = list(fields)
    known = sorted((n for n in names if n.lower() in order), key=lambda n: order[n.lower()])
    return known + [n for n in names if n.lower() not in order]


def balance(value: str) -> str:
    """``value`` with unmatched braces made harmless, so ``{value}`` is a valid field.

    Values read from a ``.bib`` file are always balanced; this guards values built
    elsewhere. BibTeX counts ``\\{`` as a brace too, so an unmatched escaped brace
    becomes ``\\textbraceleft{}`` / ``\\textbraceright{}`` (same output in LaTeX);
    an unmatched bare brace is dropped."""
    if "{" not in value and "}" not in value:
        return value
    opened: list[int] = []
    unmatched: set[int] = set()
    for i, ch in enumerate(value):
        if ch == "{":
            opened.append(i)
        elif ch == "}":
            if opened:
                opened.pop()
            else:
                unmatched.add(i)
    unmatched.update(opened)
    if not unmatched:
        return value
    out: list[str] = []
    for i, ch in enumerate(value):
        if i not in unmatched:
            out.append(ch)
        elif out and out[-1] == "\\":
            out[-1] = "\\textbraceleft{}" if ch == "{" else "\\textbraceright{}"
    return "".join(out)
