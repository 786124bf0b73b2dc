"""Text copied out of laid-out pages (a PDF's reference list, a printed CV saved as text):
the page layout undone before the lines are cut into items.

A copy from a PDF brings the page with it: running headers and footers with page
numbers between the lines of the list, form feeds, ligatures ("ﬁ"), words hyphenated
at line ends, and sometimes the line ends themselves lost, the numbered references
run together ("… 2015.[2] A. Name, …"). Each is undone here only on the document's
own evidence: a page number counts when the numbers run in order down the document,
a header or footer when it repeats at page breaks, a hyphen goes when the joined word
is written elsewhere in the document (or the document's other breaks say its hyphens
are a typesetter's), a run-on item starts where its number follows the one before.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

__all__ = ["Prepared", "prepare", "Hyphens"]

#: ligature code points a PDF copy leaves in words ("ﬁ", "ﬂ", "ﬀ", "ﬃ", "ﬄ", "ﬅ", "ﬆ")
_LIGATURES = {0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "st", 0xFB06: "st"}
#: a line that is only a page number: "12", "- 12 -", "Page 12", "Page 12 of 30", "12/30"
_PAGE_NUMBER = re.compile(r"[ \t]*(?:(?:page|p\.|seite|página|pagina)[ \t]*)?[-–—(]?[ \t]*(\d{1,3})[ \t]*[-–—)]?"
                          r"(?:[ \t]*(?:of|/|von|de|sur)[ \t]*\d{1,3})?[ \t]*", re.I)
#: a reference number in brackets, where a run-on list starts its next item
_RUNON_NUMBER = re.compile(r"\[(\d{1,3})\][ \t]")
#: what ends a citation right before a run-on item's number
_ENDS_ITEM = re.compile(r"[.)\]\d/]\s*$")
_NUMBERED = re.compile(r"(?:\[#\]|\(#\)|#[.)])\s")
_STARTS_ITEM = re.compile(r"[A-Z\u00c0-\u024f\d\[(\"“•*-]")
_LIGATURE = re.compile("[\ufb00-\ufb06]")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
#: a word broken inside a line as a copy leaves it: "re- search" (not "pre- and post-")
_INLINE_BREAK = re.compile(r"(?<![\w-])([^\W\d_]{2,})- ([^\W\d_]{2,})\b")
#: the fewest lines a page holds (page numbers closer than this are a list's own numbers)
_PAGE_LINES = 10
_CONJUNCTIONS = frozenset("and or to und oder et ou y e o i".split())


@dataclass
class Prepared:
    """The lines to cut into items and, for each, the number of the source line it came from."""

    lines: list[str]
    numbers: list[int]
    hyphens: "Hyphens"

    @property
    def moved(self) -> bool:
        return self.numbers != list(range(1, len(self.numbers) + 1))


@dataclass
class Hyphens:
    """Decides whether a hyphen at a broken word ("regu-" + "larization") is the
    typesetter's (dropped: the word is joined) or the word's own ("spatio-" + "temporal"),
    from the words the document writes elsewhere."""

    words: Counter[str] = field(default_factory=Counter)
    compounds: set[str] = field(default_factory=set)
    join_by_default: bool = False

    def written(self, head: str, tail: str) -> bool | None:
        """What the document writes elsewhere: the word joined (True), hyphenated (False), neither (None)."""
        h, t = head.lower(), tail.lower()
        if f"{h}-{t}" in self.compounds:
            return False
        if self.words[h + t] > 0:
            return True
        return None

    def join(self, head: str, tail: str) -> bool | None:
        """True: drop the hyphen; False: keep it; None: no evidence either way. A capital
        after the hyphen ("Bose-Einstein") and two words the document writes on their own
        ("single-" + "carrier") make a compound."""
        if not head or not tail:
            return None
        verdict = self.written(head, tail)
        if verdict is not None:
            return verdict
        if tail[:1].isupper() or (self.words[head.lower()] > 1 and self.words[tail.lower()] > 1):
            return False
        return None

    def decide(self, head: str, tail: str) -> bool:
        verdict = self.join(head, tail)
        return self.join_by_default if verdict is None else verdict


def _vocabulary(lines: list[str]) -> Hyphens:
    words: Counter[str] = Counter()
    compounds: set[str] = set()
    for line in lines:
        for m in _WORD.finditer(line):
            token = m.group(0).lower()
            for part in token.split("-"):
                words[part] += 1
            if "-" in token:
                compounds.add(token)
    return Hyphens(words, compounds)


def _line_end_breaks(lines: list[str]) -> list[tuple[str, str]]:
    """(head, tail) of each word broken at a line end: "regu-" then "larization"."""
    out = []
    for k in range(len(lines) - 1):
        body = lines[k].rstrip()
        if len(body) < 2 or not body.endswith("-") or not body[-2].isalpha():
            continue
        head = re.search(r"([^\W\d_]+)-$", body)
        tail = re.match(r"\s*([^\W\d_]+)", lines[k + 1])
        if head and tail:
            out.append((head.group(1), tail.group(1)))
    return out


def _page_furniture(lines: list[str]) -> set[int]:
    """Indices of page numbers (when they run in order down the document) and of the
    header or footer lines repeated beside them."""
    candidates: list[tuple[int, int]] = []
    for k, line in enumerate(lines):
        m = _PAGE_NUMBER.fullmatch(line) if line.strip() else None
        if m is None:
            continue
        alone_above = k == 0 or not lines[k - 1].strip() or "\f" in lines[k - 1]
        alone_below = k + 1 == len(lines) or not lines[k + 1].strip() or "\f" in lines[k + 1]
        if alone_above or alone_below:
            candidates.append((k, int(m.group(1))))
    # the longest run of numbers going up by one down the document, a page apart (a list
    # numbered on lines of their own has its numbers a few lines apart)
    runs: dict[int, list[int]] = {}  # page number -> the longest run ending at a line with it
    best: list[int] = []
    for k, number in candidates:
        previous = runs.get(number - 1)
        run = previous + [k] if previous and k - previous[-1] >= _PAGE_LINES else [k]
        if len(run) >= len(runs.get(number, [])):
            runs[number] = run
        if len(run) > len(best):
            best = run
    drop = set(best) if len(best) >= 2 else set()
    # a line repeated beside two or more page breaks (a running header or footer)
    near: Counter[str] = Counter()
    places: dict[str, list[int]] = {}
    marks = sorted(drop | {k for k, line in enumerate(lines) if "\f" in line})
    if not marks:
        return drop
    pages: list[list[int]] = []  # a page number and a form feed a line apart are one page break
    for b in marks:
        if pages and b - pages[-1][-1] <= 3:
            pages[-1].append(b)
        else:
            pages.append([b])
    for group in pages:
        # the nearest line with text above the break and below it: a footer, a header
        above = next((k for k in range(group[0] - 1, max(-1, group[0] - 4), -1) if lines[k].strip()), None)
        below = next((k for k in range(group[-1] + 1, min(len(lines), group[-1] + 4)) if lines[k].strip()), None)
        for at in (above, below):
            if at is None:
                continue
            key = re.sub(r"\d+", "#", " ".join(lines[at].replace("\f", "").split()))
            if key and at not in drop and not _NUMBERED.match(key):  # "[#] …": items of a numbered list
                near[key] += 1
                places.setdefault(key, []).append(at)
    for key, count in near.items():
        if count >= 2 and len(key) <= 120:
            drop.update(places[key])
    return drop


def _split_runon(lines: list[str], numbers: list[int]) -> tuple[list[str], list[int]]:
    found = [(k, m.start(), int(m.group(1))) for k, line in enumerate(lines) for m in _RUNON_NUMBER.finditer(line)]
    if len(found) < 3:
        return lines, numbers
    chain: list[tuple[int, int, int]] = []
    for hit in found:  # the numbers in order, each one more than the last taken
        if not chain or hit[2] == chain[-1][2] + 1:
            chain.append(hit)
        elif hit[2] == 1 and len(chain) < 3:
            chain = [hit]
    inline = [(k, at) for k, at, _ in chain if lines[k][:at].strip() and _ENDS_ITEM.search(lines[k][:at])]
    if len(chain) < 3 or not inline:
        return lines, numbers
    cuts: dict[int, list[int]] = {}
    for k, at in inline:
        cuts.setdefault(k, []).append(at)
    out_lines: list[str] = []
    out_numbers: list[int] = []
    for k, line in enumerate(lines):
        bounds = [0, *cuts.get(k, []), len(line)]
        for a, b in zip(bounds, bounds[1:]):
            out_lines.append(line[a:b].rstrip())
            out_numbers.append(numbers[k])
    return out_lines, out_numbers


def prepare(lines: list[str]) -> Prepared:
    """``lines`` of a plain-text document with its page layout undone: ligatures spelled
    out, form feeds blank, page numbers and running headers/footers gone (their blank
    lines with them, so an item broken by a page is whole again), run-on numbered
    references on lines of their own, words broken inside a line ("re- search") joined
    where the document writes them joined."""
    text = "\n".join(lines)
    typeset = bool(_LIGATURE.search(text)) or "\f" in text  # copied out of a typeset page
    if _LIGATURE.search(text):
        lines = [line.translate(_LIGATURES) for line in lines]
    numbers = list(range(1, len(lines) + 1))
    furniture = _page_furniture(lines)
    if furniture or "\f" in text:
        kept_lines: list[str] = []
        kept_numbers: list[int] = []
        k = 0
        while k < len(lines):
            if k in furniture or "\f" in lines[k] and not lines[k].replace("\f", "").strip():
                # drop the furniture and the blank lines around it: the page break is no item break
                j = k
                while j < len(lines) and (j in furniture or not lines[j].replace("\f", "").strip()):
                    j += 1
                while kept_lines and not kept_lines[-1].strip():
                    kept_lines.pop()
                    kept_numbers.pop()
                if not kept_lines or j == len(lines) or _item_break(kept_lines[-1], lines[j]):
                    kept_lines.append("")
                    kept_numbers.append(k + 1)
                k = j
                continue
            kept_lines.append(lines[k].replace("\f", ""))
            kept_numbers.append(k + 1)
            k += 1
        lines, numbers = kept_lines, kept_numbers
    split_lines, numbers = _split_runon(lines, numbers)
    typeset = typeset or len(split_lines) > len(lines)  # references run together: a page's line ends lost
    lines = split_lines
    if "-\n" not in text and "- " not in text:
        return Prepared(lines, numbers, Hyphens())
    hyphens = _vocabulary(lines)
    votes = [hyphens.written(h, t) for h, t in _line_end_breaks(lines)]
    votes += [hyphens.written(m.group(1), m.group(2)) for line in lines for m in _INLINE_BREAK.finditer(line)]
    joins, keeps = votes.count(True), votes.count(False)
    # a typesetter hyphenates words at line ends, a writer wrapping text breaks lines at the
    # hyphens words have: the document's evidenced breaks, or its page layout, say which it is
    typeset = typeset or bool(furniture)
    hyphens.join_by_default = joins >= 2 and joins > 2 * keeps or typeset and joins >= keeps
    if "- " in "".join(lines):
        lines = [_join_inline(line, hyphens) for line in lines]
    return Prepared(lines, numbers, hyphens)


def _item_break(before: str, after: str) -> bool:
    """Does an item end at a page break between these lines: the line before ends as a
    citation ends, the one after starts as one does, no deeper indented than the one before?"""
    indent = len(after.expandtabs(8)) - len(after.expandtabs(8).lstrip())
    return bool(_ENDS_ITEM.search(before)) and _STARTS_ITEM.match(after.strip()) is not None \
        and indent <= len(before.expandtabs(8)) - len(before.expandtabs(8).lstrip())


def _join_inline(line: str, hyphens: Hyphens) -> str:
    if "- " not in line:
        return line

    def fix(m: re.Match[str]) -> str:
        head, tail = m.group(1), m.group(2)
        if tail.lower() in _CONJUNCTIONS:
            return m.group(0)  # "pre- and post-processing"
        # joined only where the document writes the word joined: a break inside a line is
        # kept as displayed otherwise (the typesetter's line end is no longer there to tell)
        return head + tail if hyphens.written(head, tail) else m.group(0)

    return _INLINE_BREAK.sub(fix, line)
