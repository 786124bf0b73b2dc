"""One unreadable item never loses the document: the shared per-item guard.

Readers that cut a document into items (HTML, Markdown, LaTeX, plain text) parse
each item on its own. :func:`read_item` runs the parser on one item and turns any
unexpected exception into an ``RK191`` warning located at the item (the message
names the exception and a short, truncated reason, never the whole item), so the
reader goes on with the next item.
"""

from __future__ import annotations

from typing import Any, Callable

from ..model import Entry, Problem
from .segment import Segment

__all__ = ["read_item", "item_problem"]

#: the longest exception text quoted in a warning
_MAX_REASON = 120


def item_problem(segment: Segment, exc: BaseException) -> Problem:
    """The RK191 warning for an item whose reading raised ``exc``."""
    reason = " ".join(str(exc).split())
    if len(reason) > _MAX_REASON:
        reason = reason[: _MAX_REASON - 1] + "…"
    detail = f"{type(exc).__name__}: {reason}" if reason else type(exc).__name__
    return Problem("RK191", f"could not read this item ({detail})", segment.location, severity="warning")


def read_item(
    parse: Callable[..., Entry | None], segment: Segment, problems: list[Problem], **options: Any
) -> Entry | None:
    """``parse(segment, **options)``, or None with a warning appended to
    ``problems`` when it fails (including a RecursionError on a pathological item)."""
    try:
        return parse(segment, **options)
    except Exception as exc:  # one unreadable item must not lose the document
        problems.append(item_problem(segment, exc))
        return None
