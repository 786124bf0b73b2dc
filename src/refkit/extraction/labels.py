"""Category labels in front of the items of a list: a tag, not citation text.

Why: many pages put a small badge before each entry naming its kind
(``[Journal] Jane Doe and Li Wei. Title. …``, ``<span class="pub_label">Conference</span>``,
``**Preprint** A. Smith …``). The citation parser reads the item's text from its
start, so the badge is glued to the first author ("Conference Jane Doe") or, for
an editor list, taken for the title. A badge is recognised by the document's own
repeated structure, not by a word list: several items of the page open with a
short run in the same style (bold, italic or the same class), its few texts repeat
from item to item, it is no person name, and person names follow it. Such a run leaves the item's text and becomes its
innermost heading, where it still tells the entry type ("Journal" -> article).

The same holds for a kind label written *after* the title ("Title (articolo)", "Title
(essay)", "Title (extended abstract)"): lower-case words in parentheses that end many
titles of the page, from a few texts that repeat, are a label of the list, not title
words (:func:`strip_title_labels`); they move to the entry's note.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from ..model import Entry, Provenance
from .evidence import YEAR, has_names, is_name_line
from .segment import Segment, Span

__all__ = ["strip_labels", "strip_title_labels"]

#: a badge is a few words
_MAX_LABEL = 30
_INITIAL = re.compile(r"(?<![^\W\d_])[A-Z]\.")
#: what follows a name inside a name list: a separator, not the next name
_SENTENCE_END = re.compile(r"(?<=[a-z]{2})\.\s")
_LIST_GOES_ON = re.compile(r"\s*(?:[,;&]|and\s|et\s|und\s|y\s)")


def _style(span: Span) -> tuple[bool, bool, str | None, tuple[str, ...]]:
    return (span.bold, span.italic, span.link, span.css)


def _label(segment: Segment) -> tuple[str, tuple[bool, bool, str | None, tuple[str, ...]]] | None:
    """The item's opening run if it could be a badge: short, styled apart from
    what follows, no digits, no name, and followed by person names."""
    spans = segment.spans
    if len(spans) < 2:
        return None
    first, rest = spans[0], spans[1]
    text = first.text.strip().strip("[]():|").strip()
    if not text or len(text) > _MAX_LABEL or len(text.split()) > 3 or any(c.isdigit() for c in text):
        return None
    if not (first.bold or first.italic or first.css) or _style(first) == _style(rest) or first.link:
        return None
    if "," in text or _INITIAL.search(text) or has_names(text) or is_name_line(text) or YEAR.search(text):
        return None  # "Doe, J." or "Jane Doe": the owner's highlighted name, not a badge
    after = "".join(s.text for s in spans[1:4]).lstrip(" ]):|–-")
    if _LIST_GOES_ON.match(after) or not (has_names(after[:120]) or is_name_line(_SENTENCE_END.split(after[:200], 1)[0])):
        return None
    return text, (first.bold, first.italic, None, first.css)


def strip_labels(segments: Sequence[Segment]) -> list[Segment]:
    """``segments`` (the items of one page, in order) with the badges in front of
    them moved into their headings (see the module docstring). A badge style counts
    when at least three items open with it and its texts repeat (fewer kinds than
    items, and at most two or half as many); other items are returned as they are."""
    out = list(segments)
    found = {i: lab for i, lab in enumerate(_label(seg) for seg in out) if lab is not None}
    by_style: dict[tuple[bool, bool, str | None, tuple[str, ...]], list[int]] = {}
    for i, (_, style) in found.items():
        by_style.setdefault(style, []).append(i)
    for indices in by_style.values():
        kinds = {found[i][0].lower() for i in indices}
        if len(indices) < 3 or len(kinds) >= len(indices) or len(kinds) > max(2, len(indices) // 2):
            continue  # too few, or hardly any text shown twice: not a repeated tag
        for i in indices:
            seg = out[i]
            rest = seg.spans[1:]
            head = rest[0]
            rest = (Span(head.text.lstrip(" ]):|–-"), head.bold, head.italic, head.sup, head.link, head.css),) + rest[1:]
            out[i] = replace(seg, spans=tuple(s for s in rest if s.text), headings=seg.headings + (found[i][0],))
    return out


#: a kind label closing a title: lower-case words in parentheses, no digits ("(articolo)",
#: "(saggio + narrazioni)"); "(2009-2018)" or "(COVID-19)" are title words
_TITLE_TAIL = re.compile(r"\s\(([^\W\d_A-Z][^()\d\n]{0,118})\)\s*$")


def strip_title_labels(entries: Sequence[Entry]) -> list[Entry]:
    """``entries`` (one page's, in order) with the kind label after their titles moved
    to their note, when the page shows such labels as a repeated structure: at least
    three titles end with one, and their texts repeat (fewer kinds than labelled titles,
    and at most two or half as many, as for badges in front). A page where one title ends "(revisited)" keeps it."""
    out = list(entries)
    found: dict[int, re.Match[str]] = {}
    for i, entry in enumerate(out):
        m = _TITLE_TAIL.search(entry.get("title") or "")
        if m and m.start() > 0:
            found[i] = m
    kinds = {" ".join(m.group(1).lower().split()) for m in found.values()}
    if len(found) < 3 or len(kinds) >= len(found) or len(kinds) > max(2, len(found) // 2):
        return out
    for i, m in found.items():
        entry = out[i]
        title = (entry.get("title") or "")[:m.start()].rstrip(" ,;:")
        if not title:
            continue
        label = " ".join(m.group(1).split())
        note = entry.get("note")
        prov = entry.provenance.get("title") or Provenance("html")
        out[i] = entry.with_fields(prov, title=title, note=f"{note}; {label}" if note else label)
    return out
