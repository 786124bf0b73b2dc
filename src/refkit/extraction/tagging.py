"""A learned field tagger for one citation: tokens, their features, the CRF model.

A listed item's text (after identifiers, tags and status words were harvested by
the rules of :mod:`refkit.extraction.citation`) is cut into tokens — runs of
letters/digits and single punctuation marks — and every token gets a label:

``author`` ``editor`` ``title`` ``container`` ``date`` ``volume`` ``issue``
``pages`` ``publisher`` ``ident`` ``note``

by a linear-chain CRF (python-crfsuite), the way GROBID, AnyStyle, CERMINE and
ParsCit tag reference fields. Features are the token's shape and punctuation,
its relative position in the item, its markup (bold, italic, link, superscript,
inside quotes, first on a line), lexicons kept as data in ``refkit/data/lexicon``
(given and family names, venue words, months, status words, publisher words) and the same
for its neighbours. The model file ships in ``refkit/data/tagger.crfsuite``; it is
loaded on first use only (``refkit format``/``check`` never import this module).

Training data and the training command live in ``benchmarks/train_tagger.py``.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

from . import lexicon

__all__ = ["LABELS", "Token", "tokenize", "features", "tag", "tag_with_confidence", "model_path", "load_model"]

_DATA = Path(__file__).resolve().parent.parent / "data"

LABELS = ("author", "editor", "title", "container", "date", "volume", "issue", "pages", "publisher", "ident", "note")

#: a token: a run of letters and digits, or one other visible character
_TOKEN = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+|[^\s]")  # combining accents stay inside words
_LETTERS = re.compile(r"[^\W\d_]+")
_SHAPE_RUNS = re.compile(r"(.)\1+")
_YEARISH = re.compile(r"(?:1[5-9]\d\d|20[0-4]\d)")
_ROMAN = re.compile(r"[ivxlcdm]+|[IVXLCDM]+")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.I)


@dataclass(frozen=True)
class Token:
    """One token of an item: its text, where it is, and the markup it had."""

    text: str
    start: int
    end: int
    bold: bool = False
    italic: bool = False
    link: bool = False
    sup: bool = False
    quoted: bool = False
    line_start: bool = False


#: (lexicon, the token feature it sets when the lower-cased word is in it)
_LEXICON_FEATURES = (("given_names", "given"), ("family_names", "family"), ("venue_words", "venue"),
                     ("months", "month"), ("status", "status"), ("publisher", "publisher"), ("function", "func"))


def _quoted_mask(text: str) -> list[bool]:
    """True for characters inside a pair of quotes (“…”, "…", ‘…’, «…»); one pass."""
    mask = [False] * len(text)
    pairs = {"“": "”", "«": "»", "‘": "’", '"': '"', "„": "“"}
    k = 0
    n = len(text)
    while k < n:
        ch = text[k]
        close = pairs.get(ch)
        if close is not None and (ch != "‘" or k == 0 or not text[k - 1].isalnum()):
            end = text.find(close, k + 1, min(n, k + 600))
            if end > k + 1:
                for j in range(k, end + 1):
                    mask[j] = True
                k = end + 1
                continue
        k += 1
    return mask


_NON_BLANK = re.compile(r"\S")


def tokenize(text: str, bold: Sequence[bool] = (), italic: Sequence[bool] = (),
             link: Sequence[bool] = (), sup: Sequence[bool] = ()) -> list[Token]:
    """The tokens of ``text`` with their markup (one flag per character in each sequence)."""
    quoted = _quoted_mask(text)
    out: list[Token] = []
    # the last newline before a token, and the first non-blank after that newline, kept
    # as the tokens move on: looking back from each token scanned its line again for
    # every token on it (quadratic in a long line)
    back = -1
    look = 0
    first = -1
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        while (nl := text.find("\n", look, s)) >= 0:
            back, look, first = nl, nl + 1, -1
        look = max(look, s)
        if first < 0:
            blank = _NON_BLANK.search(text, back + 1)
            first = blank.start() if blank else len(text)
        line_start = first >= s  # nothing but blanks between the line's start and the token
        out.append(Token(
            m.group(0), s, e,
            bold=bool(bold) and bold[s], italic=bool(italic) and italic[s],
            link=bool(link) and link[s], sup=bool(sup) and sup[s],
            quoted=quoted[s], line_start=line_start and back >= 0,
        ))
    return out


# ---- lexicons -------------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def _title_words() -> frozenset[str]:
    """Words frequent in titles and venue names that are no person's name (``data/title_words.txt``)."""
    text = (_DATA / "title_words.txt").read_text(encoding="utf-8")
    return frozenset(w.lower() for line in text.splitlines() if not line.startswith("#") for w in line.split())


_MARKERS = frozenset("*†‡#§¶✉∗⋆✝")


def _shape(word: str) -> str:
    out = []
    for ch in word:
        if ch.isupper():
            out.append("X")
        elif ch.isalpha():
            out.append("x")
        elif ch.isdigit():
            out.append("d")
        else:
            out.append(ch)
    return _SHAPE_RUNS.sub(r"\1\1", "".join(out))[:8]


def _token_features(tok: Token, lex: dict[str, frozenset[str]]) -> dict[str, Any]:
    w = tok.text
    low = w.lower()
    f: dict[str, Any] = {"shape": _shape(w)}
    if w.isalpha() or w.isdigit():
        f["w"] = low if len(low) <= 20 else low[:20]
    else:
        f["p"] = w
    if w.isalpha():
        f["suf3"] = low[-3:]
        if len(w) == 1 and w.isupper():
            f["initial"] = True
        if w.isupper() and len(w) > 1:
            f["caps"] = True
        elif w[0].isupper():
            f["cap"] = True
        else:
            f["lower"] = True
        for lexicon, feature in _LEXICON_FEATURES:
            if low in lex[lexicon]:
                f[feature] = True
        if low in _title_words():
            f["tw"] = True
        if _ROMAN.fullmatch(w) and len(w) <= 4 and w not in ("I", "a"):
            f["roman"] = True
    elif w.isdigit():
        f["digits"] = str(min(len(w), 5))
        if len(w) == 4 and _YEARISH.fullmatch(w):
            f["year"] = True
    elif _ORDINAL.fullmatch(w):
        f["ordinal"] = True
    elif w in _MARKERS:
        f["marker"] = True
    if tok.bold:
        f["bold"] = True
    if tok.italic:
        f["italic"] = True
    if tok.link:
        f["link"] = True
    if tok.sup:
        f["sup"] = True
    if tok.quoted:
        f["quoted"] = True
    if tok.line_start:
        f["nl"] = True
    return f


_NEIGHBOUR_KEYS = ("w", "p", "shape", "initial", "cap", "given", "family", "venue", "year", "month", "bold", "italic", "quoted", "nl", "digits", "lower", "func", "caps", "tw")
#: per neighbour offset: the feature names its features take ("-1:cap"), and its edge feature,
#: made once (formatting them for every token and neighbour was a tenth of the tagging time)
_NEIGHBOURS = tuple((off, {k: f"{off}:{k}" for k in _NEIGHBOUR_KEYS}, f"{off}:edge") for off in (-2, -1, 1, 2))
#: markup whose runs open and close: a title often is exactly one italic, bold, quoted or linked run
_RUN_FLAGS = ("bold", "italic", "quoted", "link")


def features(tokens: Sequence[Token], text: str = "") -> list[dict[str, Any]]:
    """One feature dict per token: its own features, position, and its neighbours'."""
    lex = {name: lexicon.words(name) for name in ("given_names", "family_names", "venue_words", "months", "status", "publisher", "function")}
    own = [_token_features(t, lex) for t in tokens]
    n = len(tokens)
    # which line of the item a token is on, of how many: CVs often put title, authors and
    # venue on lines of their own, so "line 2 of 3" is strong evidence
    line_of: list[int] = []
    line = 0
    prev_end = 0
    for t in tokens:
        if text:
            line += text.count("\n", prev_end, t.start)
        line_of.append(line)
        prev_end = t.end
    lines = line_of[-1] + 1 if line_of else 1
    # where the first year is: styles put it after the names (APA), at the end, or first
    first_year = next((i for i, f in enumerate(own) if "year" in f), -1)
    # each token's features its neighbours take, picked once (not once per neighbour)
    shown = [[(k, f[k]) for k in _NEIGHBOUR_KEYS if k in f] for f in own]
    stops = 0
    out: list[dict[str, Any]] = []
    for i, f in enumerate(own):
        g: dict[str, Any] = {"bias": True, "pos": str(int(10 * i / max(1, n))), "stops": str(min(stops, 6))}
        if lines > 1:
            g["line"] = f"{min(line_of[i], 4)}/{min(lines, 5)}"
            if "nl" in f:
                g["nl:shape"] = f["shape"]
        if i == 0:
            g["first"] = True
        if i == n - 1:
            g["last"] = True
        g.update(f)
        if first_year >= 0:
            g["yr"] = "y" if i == first_year else "b" if i < first_year else "a"
        for flag in _RUN_FLAGS:
            if flag in f:
                if i == 0 or flag not in own[i - 1]:
                    g[flag + "<"] = True
                if i == n - 1 or flag not in own[i + 1]:
                    g[flag + ">"] = True
        for off, named, edge in _NEIGHBOURS:
            j = i + off
            if 0 <= j < n:
                for k, v in shown[j]:
                    g[named[k]] = v
            else:
                g[edge] = True
        if i > 0:
            gap = text[tokens[i - 1].end:tokens[i].start] if text else " "
            if not gap:
                g["glued"] = True
            if "\n" in gap:
                g["break"] = True
        if tokens[i].text in ".:;" or (tokens[i].text in "”\"" and i > 0 and tokens[i - 1].text in "."):
            stops += 1
        out.append(g)
    return out


# ---- the model ------------------------------------------------------------------------------------
_LOCK = threading.Lock()
_TAGGER: Any = None


def model_path() -> str:
    """Where the model file is: ``$REFKIT_TAGGER_MODEL`` when set (to compare a
    freshly trained model on documents), else the one shipped in the package."""
    return os.environ.get("REFKIT_TAGGER_MODEL") or str(_DATA / "tagger.crfsuite")


def load_model(path: str | None = None) -> Any:
    """The CRF tagger (``pycrfsuite.Tagger``) for ``path`` or the shipped model, opened once."""
    global _TAGGER
    if path is None and _TAGGER is not None:
        return _TAGGER
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(path or model_path())
    if path is None:
        with _LOCK:
            if _TAGGER is None:
                _TAGGER = tagger
            return _TAGGER
    return tagger


def tag(tokens: Sequence[Token], text: str = "", model: Any = None) -> list[str]:
    """The label of every token (empty list for no tokens)."""
    return tag_with_confidence(tokens, text, model)[0]


def tag_with_confidence(tokens: Sequence[Token], text: str = "", model: Any = None) -> tuple[list[str], list[float]]:
    """The label of every token and the model's marginal probability of that label
    (how sure it is of each token, 0..1)."""
    if not tokens:
        return [], []
    tagger = model or load_model()
    feats = features(tokens, text)
    with _LOCK:  # a pycrfsuite Tagger is not thread-safe
        tagger.set(feats)
        labels = list(tagger.tag())
        sure = [tagger.marginal(label, i) for i, label in enumerate(labels)]
    return labels, sure
