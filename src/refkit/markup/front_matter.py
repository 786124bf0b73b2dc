"""A page's front matter that is a publication record (a Hugo/Wowchemy publication page, a
Jekyll academicpages ``_publications`` file): the record as BibTeX.

Such a page shows nothing of its paper in its body (an abstract at most): who wrote it, where
and when it appeared are front-matter keys (``title``, ``authors``, ``date``,
``publication``/``venue``, ``doi``, academicpages' ``citation``). Read as page settings, the page
gives nothing. :func:`record` reads the YAML (``---``) or TOML (``+++``) keys it needs, a
line-based subset (scalars, quoted or not, inline ``[a, b]`` lists and ``- item`` lists), and
returns the record as a BibTeX entry when the keys say the page is one publication: a title,
a venue or a citation or an identifier, and authors or a date. A blog post (title, author,
date, tags) is not one. A record that names no authors but spells out its citation
(academicpages) is shown as that citation instead (:func:`citation`), for the item reader.
"""

from __future__ import annotations

import html
import re

__all__ = ["record", "record_of", "citation", "keys"]

_YAML_KEY = re.compile(r"([A-Za-z_][\w-]{0,60})[ \t]*:(?:[ \t]+(.*)|[ \t]*)$")
_TOML_KEY = re.compile(r"([A-Za-z_][\w-]{0,60})[ \t]*=[ \t]*(.*)$")
_ITEM = re.compile(r"[ \t]*-[ \t]+(.*)$")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_EMPHASIS = re.compile(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)")
_TAG = re.compile(r"<[^<>\n]{0,300}>")
_BIB_UNSAFE = re.compile(r"[{}\\]")

#: keys naming where the work appeared
_VENUE_KEYS = ("publication", "venue", "journal", "booktitle", "conference", "publication_short")
#: author names that are site accounts, not people (Wowchemy's "admin", "me")
_ACCOUNTS = frozenset({"admin", "me", "author", "myself"})


def _scalar(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    elif " #" in value:  # a YAML comment after an unquoted value
        value = value[: value.index(" #")].rstrip()
    return value.strip()


def _inline_list(value: str) -> list[str]:
    inner = value.strip()[1:-1]
    return [_scalar(v) for v in re.findall(r'"[^"]*"|\'[^\']*\'|[^,]+', inner) if _scalar(v)]


def keys(block: str) -> dict[str, str | list[str]]:
    """The top-level keys of a front matter block (without its ``---``/``+++`` lines):
    strings, or lists of strings. Nested mappings and multi-line strings are left out."""
    out: dict[str, str | list[str]] = {}
    lines = block.split("\n")
    toml = not any(_YAML_KEY.match(line) for line in lines[:40]) and any(_TOML_KEY.match(line) for line in lines[:40])
    current: str | None = None
    for line in lines[:400]:
        if toml:
            m = _TOML_KEY.match(line)
            if m:
                key, value = m.group(1).lower(), m.group(2).strip()
                out.setdefault(key, _inline_list(value) if value.startswith("[") and value.endswith("]") else _scalar(value))
            continue
        item = _ITEM.match(line)
        if item and current is not None:
            listed = out.get(current)
            if isinstance(listed, list):
                listed.append(_scalar(item.group(1)))
            continue
        m = _YAML_KEY.match(line)
        if not m:
            if line and not line[0].isspace():
                current = None
            continue
        key, value = m.group(1).lower(), (m.group(2) or "").strip()
        current = None
        if key in out:
            continue
        if not value:
            out[key] = []
            current = key
        elif value.startswith("[") and value.endswith("]"):
            out[key] = _inline_list(value)
        elif value[0] not in "|>{":
            out[key] = _scalar(value)
    return out


def _text(value: str | list[str] | None) -> str:
    if isinstance(value, list):
        value = ", ".join(value)
    text = html.unescape(_TAG.sub("", value or ""))
    return " ".join(_EMPHASIS.sub("", text).split())


def _authors(value: str | list[str] | None) -> list[str]:
    """The author names of a front matter value: a list's items; a string's names split at
    " and " or ";"; or a display list ("L. Doe, Ann Roe, B. Poe") read by the name-list reader,
    since a comma alone may also part a family name from its given names ("Doe, Jane" is one)."""
    from ..extraction.authors import parse_authors

    if isinstance(value, list):
        names = value
    else:
        names = [a for a in re.split(r"\s+and\s+|;", value or "") if a.strip()]
        if len(names) == 1 and "," in names[0]:
            listed = parse_authors(_text(names[0]))
            if len(listed.names) > 1:
                names = [name.bibtex() for name in listed.names]
    return [_text(a) for a in names if _text(a) and _text(a).lower() not in _ACCOUNTS]


def record(block: str) -> str | None:
    """The BibTeX entry a front matter block describes, or None when it describes no publication."""
    return record_of(keys(block))


def record_of(fm: dict[str, str | list[str]]) -> str | None:
    """The BibTeX entry that front matter keys (lower-case names, as :func:`keys` gives them)
    describe, or None when they describe no publication. Other markups' metadata with the same
    names (an Org headline's properties, ox-hugo's custom front matter) is read here too."""
    title = _text(fm.get("title"))
    venue = next((_text(fm.get(k)) for k in _VENUE_KEYS if _text(fm.get(k))), "")
    citation = _text(fm.get("citation"))
    doi = _text(fm.get("doi"))
    authors = _authors(fm.get("authors", fm.get("author")))
    year = next((m.group(1) for k in ("year", "date", "pub_date", "publishdate")
                 for m in [_YEAR.search(_text(fm.get(k)))] if m), "")
    if len(title.split()) < 2 or not (venue or citation or doi) or not (authors or year):
        return None
    if citation and not authors:
        return None  # the citation says who: :func:`citation` shows it
    fields = [("title", title), ("author", " and ".join(authors)), ("year", year), ("journal", venue), ("doi", doi)]
    body = ", ".join(f"{name} = {{{_BIB_UNSAFE.sub('', value)}}}" for name, value in fields if value)
    return f"@article{{frontmatter, {body}}}"


def citation(block: str) -> str | None:
    """The whole citation a publication's front matter spells out (academicpages' ``citation``
    key), as plain text, when it names no authors of its own; else None."""
    fm = keys(block)
    if fm.get("authors") or fm.get("author"):
        return None
    text = _text(fm.get("citation"))
    return text if len(text) >= 25 and len(_text(fm.get("title")).split()) >= 2 else None
