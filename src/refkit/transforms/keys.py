"""Citation keys: Google-Scholar-like ``zhong2024clearer`` by default.

A pattern is text with placeholders (:data:`PLACEHOLDERS`)::

    {auth}{year}{title}        zhong2024clearer        (the default)
    {Auth}{year}{Title}        Zhong2024Clearer
    {auth}_{authors2}{yy}      ...

``{auth}`` is the first author's family name (editor's when there is no author,
``anon`` when neither), ASCII-folded (``Schölkopf``/``Sch\\"olkopf`` ->
``scholkopf``) and lower-cased; ``{title}`` the first title word that is not a
stop word. Collisions get suffixes ``a``, ``b``, … ``z``, ``aa`` …, given in an
order that depends on the entries' content, not their position (so sorting never
swaps keys); keys compare case-insensitively (BibTeX and citeproc-py fold case).

:func:`assign_keys` fills every empty key and, with ``rekey=True``, replaces the
existing ones too; it returns the rename map ``{old: new}`` (renamed keys only)
and updates ``crossref``/``xref`` fields that pointed at a renamed key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import islice
from string import Formatter
from typing import Callable, Iterator

from ..errors import ConfigError
from ..latex import to_unicode
from ..model import Entry, Library

__all__ = ["DEFAULT_PATTERN", "PLACEHOLDERS", "make_key", "assign_keys", "ascii_fold", "check_pattern"]

DEFAULT_PATTERN = "{auth}{year}{title}"

STOP_WORDS = frozenset(
    """a an the and or but nor for of on in at to from by with without into onto upon over under via
    as is are be was were its it this that these those towards toward about against among between
    do does how what when where which who why can should would will not no yet some any all
    le la les un une des de du el los las der die das ein eine""".split()
)

_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
                       "đ": "d", "Đ": "D", "þ": "th", "Þ": "Th", "œ": "oe", "Œ": "OE", "ı": "i"})


def ascii_fold(text: str) -> str:
    """Letters and digits of ``text`` (BibTeX value text) in ASCII, accents dropped."""
    plain = to_unicode(text)
    if plain.isascii():  # nothing to fold or decompose: the letters and digits, by one C-level scan
        return _NOT_ASCII_ALNUM.sub("", plain)
    decomposed = unicodedata.normalize("NFKD", plain.translate(_FOLD))
    return "".join(c for c in decomposed if c.isascii() and c.isalnum())


_NOT_ASCII_ALNUM = re.compile(r"[^A-Za-z0-9]+")


def _family(entry: Entry) -> str:
    for role in ("author", "editor"):
        names = entry.names(role)
        if names:
            first = names[0]
            return ascii_fold(first.family or first.literal) or "anon"
    return "anon"


def _all_families(entry: Entry, limit: int) -> str:
    for role in ("author", "editor"):
        names = [n for n in entry.names(role) if not n.is_others]
        if names:
            folded = [ascii_fold(n.family or n.literal).lower() for n in names]
            if len(folded) > limit:
                return folded[0] + "etal"
            return "".join(folded)
    return "anon"


_WORD_BREAK = re.compile(r"[\s\-–—/:]+")


def _title_words(entry: Entry) -> Iterator[str]:
    """The title's words that are not stop words, ASCII-folded, one at a time: a key
    takes the first one to three, and folding every word of every title cost more
    than the rest of key making."""
    title = to_unicode(entry.fields.get("title", ""))
    for word in _WORD_BREAK.split(title):
        folded = ascii_fold(word)
        if folded and folded.lower() not in STOP_WORDS:
            yield folded


def _year(entry: Entry) -> str:
    year = entry.date.year
    return str(year) if year is not None else ""


PLACEHOLDERS: dict[str, Callable[[Entry], str]] = {
    "auth": lambda e: _family(e).lower(),
    "Auth": lambda e: _family(e).capitalize(),
    "authors": lambda e: _all_families(e, 3),
    "authors2": lambda e: _all_families(e, 2),
    "year": _year,
    "yy": lambda e: _year(e)[-2:],
    "title": lambda e: next(_title_words(e), "").lower(),
    "Title": lambda e: next(_title_words(e), "").capitalize(),
    "shorttitle": lambda e: "".join(w.lower() for w in islice(_title_words(e), 3)),
    "type": lambda e: e.type.lower(),
}


def check_pattern(pattern: str) -> None:
    """Raise :class:`ConfigError` for an unknown placeholder or a bad pattern."""
    try:
        parsed = list(Formatter().parse(pattern))
    except ValueError as exc:
        raise ConfigError(f"invalid key pattern {pattern!r}: {exc}") from None
    for _, name, spec, conv in parsed:
        if name is None:
            continue
        if name not in PLACEHOLDERS or spec or conv:
            raise ConfigError(
                f"unknown placeholder {{{name}}} in key pattern {pattern!r} (known: {', '.join('{' + p + '}' for p in PLACEHOLDERS)})"
            )


@lru_cache(maxsize=32)
def _parts(pattern: str) -> tuple[tuple[str, str | None], ...]:
    """``pattern`` checked and cut into (literal, placeholder) pairs, once per pattern
    rather than once per entry."""
    check_pattern(pattern)
    return tuple((literal, name) for literal, name, _, _ in Formatter().parse(pattern))


_KEY_BAD = re.compile(r"[\s,{}()#%\"'=\\]")


def make_key(entry: Entry, pattern: str = DEFAULT_PATTERN) -> str:
    """The key ``pattern`` gives for ``entry`` (no collision suffix)."""
    out = []
    for literal, name in _parts(pattern):
        out.append(literal)
        if name is not None:
            out.append(PLACEHOLDERS[name](entry))
    key = "".join(out)
    return _KEY_BAD.sub("", key) or "anon"


def _suffixes() -> Iterator[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    for a in letters:
        yield a
    for a in letters:
        for b in letters:
            yield a + b
    n = 1
    while True:  # pragma: no cover - 700 entries with one key
        yield f"z{n}"
        n += 1


def assign_keys(library: Library, *, rekey: bool = False, pattern: str = DEFAULT_PATTERN) -> tuple[Library, dict[str, str]]:
    """Fill empty citation keys (and all keys with ``rekey``) from ``pattern``.

    Returns the new library and ``{old key: new key}`` for renamed (non-empty) keys."""
    check_pattern(pattern)
    entries = library.entries
    todo = [i for i, e in enumerate(entries) if rekey or not e.key]
    taken: set[str] = set() if rekey else {e.key.lower() for e in entries if e.key}
    groups: dict[str, list[int]] = {}
    bases: dict[int, str] = {}
    for i in todo:
        bases[i] = make_key(entries[i], pattern)
        groups.setdefault(bases[i].lower(), []).append(i)
    # suffixes go by content, not position, so that sorting the entries (or any
    # reordering) never swaps two keys on the next run
    new_keys: dict[int, str] = {}
    # suffix searches resume where the last one for the same base stopped: ``taken``
    # only grows, so every suffix tried before is still taken (linear, not quadratic)
    resume: dict[str, Iterator[str]] = {}
    for group_base in sorted(groups):
        members = groups[group_base]
        # (a base key of one entry needs no ordering: most of a page's keys are so)
        for i in sorted(members, key=lambda i: (_content(entries[i]), i)) if len(members) > 1 else members:
            base = bases[i]
            key = base
            if key.lower() in taken:
                for suffix in resume.setdefault(base.lower(), _suffixes()):
                    key = base + suffix
                    if key.lower() not in taken:
                        break
            taken.add(key.lower())
            new_keys[i] = key
    renames: dict[str, str] = {}
    out: list[Entry] = []
    for i, entry in enumerate(entries):
        key = new_keys.get(i, entry.key)
        if key != entry.key:
            if entry.key and entry.key not in renames:
                renames[entry.key] = key
            entry = Entry(entry.type, key, entry.fields, entry.provenance, entry.origin)
        out.append(entry)
    if renames:
        out = [_repoint(e, renames) for e in out]
    return library.replace_entries(out), renames


def _content(entry: Entry) -> tuple[str, tuple[tuple[str, str], ...]]:
    """What orders entries with the same base key: type and fields, without the
    links to other keys (those change when keys change)."""
    return entry.type, tuple(sorted((k, v) for k, v in entry.fields.items() if k not in ("crossref", "xref")))


def _repoint(entry: Entry, renames: dict[str, str]) -> Entry:
    changes: dict[str, str | None] = {}
    for name in ("crossref", "xref"):
        target = entry.fields.get(name)
        if target is not None and target.strip() in renames:
            changes[name] = renames[target.strip()]
    return entry.with_fields(None, **changes) if changes else entry
