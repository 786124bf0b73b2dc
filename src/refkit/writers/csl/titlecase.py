"""CSL ``text-case="title"`` and ``"capitalize-first"``/``"capitalize-all"``
as citeproc-js (the reference implementation) applies them.

The text is cut at "tags" -- quotes, apostrophes, hyphens and dashes, ``/``,
``.``, ``,``, ``;``, ``?``, ``!``, ``:``, brackets and parentheses, and
formatting marks -- into strings, and each string into space-separated words:

- a word with any capital is kept as it is ("arXiv", "SiN", "GaAs");
- a lower-case word of two or more letters is capitalized unless it is a stop
  word; a one-letter word ("p" of "p-n", "x" of "x-ray") only when it is the
  first word, follows ``?``/``!``/``:``, or -- citeproc-js's rule, which looks
  only at the text before the first tag -- is the last word before a first
  tag that is a hyphen ("Imaging the P-n Junction", but "the p-n Junction"
  later in a title);
- stop words stay lower case ("State-of-the-Art", "near-Infrared") unless
  first or after ``?``/``!``/``:``; a stop word of two or more letters that
  ends the title is capitalized ("Series On");
- nothing inside ``nocase``, small caps, superscript or subscript changes.

Changes are one character each (a first letter), so the segments of rich
text keep their lengths and types.
"""

from __future__ import annotations

import re
from typing import Any

from .marks import APOSTROPHE, BLOCK, CLOSE, DATA_CLOSE, DATA_OPEN, MARKS, OPEN, STYLE_CLOSE, STYLE_OPEN

__all__ = ["title_case", "capitalize_first", "capitalize_all"]

#: citeproc-js's skip words (CSL.SKIP_WORDS), joined into a regular expression
#: as citeproc-js joins them: "v." and "vs." are patterns there, so every
#: two-letter word starting with "v" ("v0", "va") counts as a stop word
_STOP_WORD = re.compile(
    "|".join(
        "about above across afore after against al along alongside amid amidst among amongst anenst apropos apud "
        "around as aside astride at athwart atop barring before behind below beneath beside besides between beyond "
        "but by circa despite down during et except for forenenst from given in inside into lest like modulo near "
        "next notwithstanding of off on onto out over per plus pro qua sans since than through throughout thruout "
        "till to toward towards under underneath until unto up upon versus vs. v. vs v via vis-à-vis with within "
        "without or yet so and nor a an the de d' von van c ca".split()
    )
)


def is_stop_word(word: str) -> bool:
    """Whether title case leaves the lower-case ``word`` alone (unless first)."""
    return _STOP_WORD.fullmatch(word) is not None


#: characters that cut the text into strings (citeproc-js's title-case tags)
_TAG_CHARS = "‘’“”\"'-–—/.,;?!:[]()" + "".join(MARKS) + DATA_OPEN + DATA_CLOSE + STYLE_OPEN + STYLE_CLOSE + APOSTROPHE + BLOCK
#: marks whose content is never re-cased
_PROTECT_OPEN = {OPEN[t]: CLOSE[t] for t in ("nocase", "sc", "sup", "sub")}
_WORD = re.compile(r"[^\u00a0 \u2000-\u200b\u205f\u3000]+")
_GREEK = re.compile(r"[\u0370-\u03ff]")


def _pieces(text: str, protected: list[bool]) -> list[tuple[int, int, bool, str]]:
    """(start, end, in_protected_scope, following_tag) for each string between tags."""
    out: list[tuple[int, int, bool, str]] = []
    stack: list[str] = []
    start = 0
    for i, ch in enumerate(text):
        if ch in _TAG_CHARS:
            out.append((start, i, bool(stack) or (start < i and protected[start]), ch))
            if ch in _PROTECT_OPEN:
                stack.append(_PROTECT_OPEN[ch])
            elif stack and ch == stack[-1]:
                stack.pop()
            start = i + 1
        elif i > start and protected[i] != protected[i - 1]:
            # a NoCase segment starts or ends: a tag of its own (citeproc-js's <span class="nocase">)
            out.append((start, i, bool(stack) or protected[start], ""))
            start = i
    out.append((start, len(text), bool(stack) or (start < len(text) and protected[start]), ""))
    return out


#: opening quote -> (the opener that may nest in it, its closer): citeproc-js's quoteParams
_QUOTE_PAIRS = {"“": ("“", "”"), "‘": ("‘", "’"), DATA_OPEN: (DATA_OPEN, DATA_CLOSE), ' "': (" '", '"'), " '": (' "', "'")}
_CLOSING_QUOTES = frozenset(("”", "’", DATA_CLOSE, '"', "'"))


def _stray_quotes(full: str, pieces: list[tuple[int, int, bool, str]]) -> tuple[set[int], int]:
    """citeproc-js's quote fix-up in title case: the string after a closing
    quote that closes nothing ("l’argent", "the ’world champion’") or after an
    opening quote never closed keeps its first letter as written. Returns those
    strings' start positions and the position before which the last word is
    forgotten (citeproc-js then stops capitalizing a final stop word)."""
    restore: set[int] = set()
    cleared_at = -1
    stack: list[tuple[str, str, int | None]] = []  # (opener that nests, closer, index of the opening tag's piece)
    for n, (_, end, _, tag) in enumerate(pieces[:-1]):
        if tag in ('"', "'") and end > 0 and full[end - 1] == " ":
            tag = " " + tag
        if tag in _QUOTE_PAIRS:
            if not stack or tag == stack[-1][0]:
                stack.append((*_QUOTE_PAIRS[tag], n))
            else:
                *_, prev = stack.pop()
                stack.append((*_QUOTE_PAIRS[tag], None))
                if prev is not None:
                    restore.add(pieces[prev + 1][0])
                    cleared_at = pieces[n + 1][1]
        elif tag in _CLOSING_QUOTES:
            if stack and stack[-1][1] == tag:
                stack.pop()
            else:
                restore.add(pieces[n + 1][0])
                cleared_at = pieces[n + 1][1]
    for *_, prev in stack:
        if prev is not None:
            restore.add(pieces[prev + 1][0])
    return restore, cleared_at


def _recase(text: Any, NoCase: Any, MixedString: Any, mode: str) -> Any:
    segments = list(text) if isinstance(text, MixedString) else [text]
    full = "".join(str(s) for s in segments)
    protected = [isinstance(s, NoCase) for s in segments for _ in str(s)]
    up: list[int] = []  # positions to capitalize
    first, after_punct = True, False
    last_word: tuple[int, str] | None = None
    pieces = _pieces(full, protected)
    for n, (start, end, prot, tag) in enumerate(pieces):
        string = full[start:end]
        if n > 0 and pieces[n - 1][3] in ("?", "!", ":"):
            after_punct = True
        if not string.strip():
            continue
        if prot:
            last_word = None
            first = after_punct = False
            continue
        words = list(_WORD.finditer(string))
        for j, m in enumerate(words):
            word = m.group()
            lower = word.lower()
            if mode == "title":
                capitalize = (
                    (len(word) > 1 and not is_stop_word(lower))
                    or (n == 0 and j == len(words) - 1 and tag == "-")
                    or first
                    or after_punct
                )
            elif mode == "first":
                capitalize = first
            else:
                capitalize = True
            if capitalize and word == lower and not (len(word) == 1 and _GREEK.match(word)):
                up.append(start + m.start())
            if mode == "first" and first:
                first = False
                break
            first = after_punct = False
            last_word = (start + m.start(), word)
        first = after_punct = False
    restore, cleared_at = _stray_quotes(full, pieces)
    up = [pos for pos in up if pos not in restore]
    if last_word is not None and last_word[0] < cleared_at:
        last_word = None
    if mode == "title" and last_word is not None:
        pos, word = last_word
        if len(word) > 1 and is_stop_word(word.lower()):
            up.append(pos)
    if not up:
        return text
    chars = list(full)
    for pos in up:
        upper = chars[pos].upper()
        if len(upper) == 1:
            chars[pos] = upper
    new = "".join(chars)
    if not isinstance(text, MixedString):
        return type(text)(new) if isinstance(text, str) else new
    out, at = [], 0
    for seg in segments:
        size = len(str(seg))
        out.append(type(seg)(new[at : at + size]))
        at += size
    return MixedString(out)


def title_case(text: Any, NoCase: Any, MixedString: Any) -> Any:
    """``text`` (a str, citeproc String or MixedString) in title case."""
    return _recase(text, NoCase, MixedString, "title")


def capitalize_first(text: Any, NoCase: Any, MixedString: Any) -> Any:
    """CSL ``capitalize-first``: the first word, if it is all lower case
    ("https://…" is "Https://…"; "arXiv:…" stays)."""
    return _recase(text, NoCase, MixedString, "first")


def capitalize_all(text: Any, NoCase: Any, MixedString: Any) -> Any:
    """CSL ``capitalize-all``: every all-lower-case word."""
    return _recase(text, NoCase, MixedString, "all")
