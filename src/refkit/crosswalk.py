"""BibTeX/biblatex <-> CSL: entry types, fields, names and dates, as tables.

One crosswalk, used in both directions: :func:`entry_to_csl` (the CSL-JSON
writer, the citation renderer) and :func:`csl_to_entry` (the CSL-JSON reader)
read the same tables, so a CSL-JSON item read and written again comes back
with the same data.

Conventions (the same as pandoc's, which also produced the CSL reference data
refkit is tested against):

* A BibTeX "von" part (``van Hentenryck, Pascal``) is a CSL
  ``dropping-particle``; a family name wholly in braces that starts with
  lower-case words (``{den Besten}``) is a ``non-dropping-particle`` plus
  family. ``and others`` is the literal name ``others``.
* ``@misc`` is CSL ``document``; ``@misc``/``@article``/``@online`` with an
  arXiv eprint and no journal is CSL ``article`` (the CSL type for preprints),
  with ``publisher`` "arXiv" and ``number`` ``arXiv:<id>`` as Zotero writes it.
* biblatex ``pubstate`` is CSL ``status`` (``inpress`` <-> "in press" …).
* A CSL type with no BibTeX equivalent is kept as ``Entry.type``
  (``motion_picture``); a CSL type that the reverse mapping would not give back
  (``""``, ``standard`` read as ``@techreport``) is kept in the field
  ``csl-type``, which :func:`csl_type` honours.
* CSL variables refkit has no BibTeX field for are kept under their CSL name
  (lower-cased); structured values (lists, objects) as compact JSON text.
* The CSL-JSON writer keeps what standard CSL cannot carry (``@proceedings``,
  ``organization``, ``howpublished``, math in titles …) in the item's
  ``custom.bibtex`` object, so ``.bib -> CSL-JSON -> .bib`` gives the same
  entries (:func:`entry_to_csl_lossless`); BibTeX ``number`` of an article is
  CSL ``issue`` and an arXiv eprint is ``number`` "arXiv:<id>", both ways.

Values in the model are BibTeX value text: going to CSL they become Unicode
(protective braces around words that are not already capitalized become
``<span class="nocase">``); coming from CSL they are LaTeX-escaped, and words
with inner capitals (``NeRF``, ``NSGA-II``) get protective braces so BibTeX
styles do not lower-case them.
"""

from __future__ import annotations

import json
import re
from typing import Any, Callable, Iterable, Mapping

from .latex import escape as latex_escape
from .latex import collapse_space, to_unicode
from .model import Entry, Name

__all__ = [
    "TYPES",
    "CSL_TO_BIBTEX_TYPE",
    "FIELDS",
    "NAME_ROLES",
    "DATE_FIELDS",
    "PUBSTATE",
    "csl_type",
    "entry_to_csl",
    "csl_to_entry",
    "name_to_csl",
    "csl_to_name",
]

# ---------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------

#: BibTeX/biblatex entry type -> CSL type. The first BibTeX type listed for a
#: CSL type is the one the reverse direction gives (see CSL_TO_BIBTEX_TYPE).
TYPES: dict[str, str] = {
    "article": "article-journal",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "book": "book",
    "mvbook": "book",
    "proceedings": "book",
    "mvproceedings": "book",
    "collection": "book",
    "mvcollection": "book",
    "reference": "book",
    "incollection": "chapter",
    "inbook": "chapter",
    "bookinbook": "chapter",
    "inreference": "entry-encyclopedia",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "report": "report",
    "manual": "report",
    "booklet": "pamphlet",
    "unpublished": "manuscript",
    "misc": "document",
    "online": "webpage",
    "electronic": "webpage",
    "www": "webpage",
    "patent": "patent",
    "dataset": "dataset",
    "software": "software",
    "periodical": "periodical",
    "standard": "standard",
    "letter": "personal_communication",
    "movie": "motion_picture",
    "video": "motion_picture",
    "audio": "song",
    "music": "song",
    "artwork": "graphic",
    "image": "graphic",
    "legislation": "legislation",
    "jurisdiction": "legal_case",
    "review": "review",
    "suppbook": "chapter",
    "suppcollection": "chapter",
    "performance": "performance",
    "interview": "interview",
}

#: CSL type -> BibTeX type (the reverse of TYPES, first listed wins). CSL types
#: missing here are kept as ``Entry.type`` unchanged.
CSL_TO_BIBTEX_TYPE: dict[str, str] = {}
for _bib, _csl in TYPES.items():
    CSL_TO_BIBTEX_TYPE.setdefault(_csl, _bib)
CSL_TO_BIBTEX_TYPE.update({"article": "misc", "article-magazine": "article", "article-newspaper": "article", "": "misc"})

#: every type CSL 1.0.2 defines
CSL_TYPES = frozenset(
    "article article-journal article-magazine article-newspaper bill book broadcast chapter classic collection "
    "dataset document entry entry-dictionary entry-encyclopedia event figure graphic hearing interview legal_case "
    "legislation manuscript map motion_picture musical_score pamphlet paper-conference patent performance "
    "periodical personal_communication post post-weblog regulation report review review-book software song "
    "speech standard thesis treaty webpage".split()
)

#: BibTeX field <-> CSL variable for plain text fields, both directions. A BibTeX
#: field listed twice for the same CSL variable: the first is written back.
FIELDS: tuple[tuple[str, str], ...] = (
    ("title", "title"),
    ("shorttitle", "title-short"),
    ("subtitle", "subtitle"),
    ("series", "collection-title"),
    ("volume", "volume"),
    ("volumes", "number-of-volumes"),
    ("pages", "page"),
    ("pagetotal", "number-of-pages"),
    ("edition", "edition"),
    ("address", "publisher-place"),
    ("location", "publisher-place"),
    ("doi", "DOI"),
    ("url", "URL"),
    ("isbn", "ISBN"),
    ("issn", "ISSN"),
    ("pmid", "PMID"),
    ("pmcid", "PMCID"),
    ("abstract", "abstract"),
    ("keywords", "keyword"),
    ("note", "note"),
    ("annote", "annote"),
    ("annotation", "annote"),
    ("language", "language"),
    ("chapter", "chapter-number"),
    ("type", "genre"),
    ("eventtitle", "event-title"),
    ("venue", "event-place"),
    ("version", "version"),
    ("issue", "issue"),
    ("howpublished", "publisher"),
    ("publisher", "publisher"),
    ("journal", "container-title"),
    ("journaltitle", "container-title"),
    ("booktitle", "container-title"),
    ("shortjournal", "container-title-short"),
    ("school", "publisher"),
    ("institution", "publisher"),
    ("organization", "publisher"),
    ("number", "number"),
    ("pubstate", "status"),
)

#: BibTeX name field <-> CSL name variable
NAME_ROLES: dict[str, str] = {
    "author": "author",
    "editor": "editor",
    "translator": "translator",
    "bookauthor": "container-author",
}

#: biblatex date field <-> CSL date variable (``issued`` comes from date/year/month/day)
DATE_FIELDS: dict[str, str] = {"urldate": "accessed", "eventdate": "event-date", "origdate": "original-date"}

#: biblatex pubstate key <-> CSL status text
PUBSTATE: dict[str, str] = {
    "inpress": "in press",
    "forthcoming": "forthcoming",
    "submitted": "submitted",
    "inpreparation": "in preparation",
    "prepublished": "prepublished",
    "underreview": "under review",
    "accepted": "accepted",
}

#: BibTeX fields whose CSL variable depends on the entry type
#: CSL-JSON variable names Zotero and citeproc-js accept for standard ones
CSL_ALIASES = {"journalAbbreviation": "container-title-short", "shortTitle": "title-short"}

_CONTAINER = ("journal", "journaltitle", "booktitle")
_PUBLISHERS = ("publisher", "institution", "school", "organization", "howpublished")
#: fields the crosswalk consumes specially (not copied as plain fields)
_SPECIAL = {"year", "month", "day", "date", "eprint", "archiveprefix", "eprinttype", "primaryclass", "eprintclass", "csl-type"}
_CSL_UPPER = {"DOI", "URL", "ISBN", "ISSN", "PMID", "PMCID"}

# a CSL variable -> the BibTeX fields that may supply it, in priority order
_CSL_SOURCES: dict[str, list[str]] = {}
for _bib, _var in FIELDS:
    _CSL_SOURCES.setdefault(_var, []).append(_bib)
_BIB_FIELDS = {b for b, _ in FIELDS} | set(NAME_ROLES) | set(DATE_FIELDS) | _SPECIAL


def escape(text: str) -> str:
    """BibTeX value text for plain CSL ``text`` (white space kept)."""
    return latex_escape(text, keep_space=True)


def unescape(value: str) -> str:
    """Plain Unicode text for BibTeX value text, no-break spaces kept (``~`` is
    one); the inverse of :func:`escape` up to layout white space."""
    return to_unicode(value, keep_ties=True)


# ---------------------------------------------------------------------------------
# Types
# ---------------------------------------------------------------------------------


def _plain(value: str | None) -> str:
    return unescape(value).strip() if value else ""


def is_preprint(entry: Entry) -> bool:
    """An arXiv (or other eprint) paper not (yet) in a journal or proceedings."""
    if entry.type not in ("misc", "article", "online", "unpublished", "report", "techreport"):
        return False
    if entry.get("journal") or entry.get("journaltitle") or entry.get("booktitle"):
        container = _plain(entry.get("journal") or entry.get("journaltitle") or entry.get("booktitle"))
        return container.lower().startswith("arxiv")
    return bool(entry.arxiv or entry.get("eprint"))


def csl_type(entry: Entry) -> str:
    """The CSL type of ``entry``.

    An explicit ``csl-type`` field wins (it records a CSL type the BibTeX type
    cannot express). Preprints (:func:`is_preprint`) are ``article``; theses
    are ``thesis`` whatever their BibTeX spelling; unknown BibTeX types that are
    CSL type names are kept; anything else is ``document``.
    """
    explicit = entry.fields.get("csl-type")
    if explicit is not None:
        return explicit.strip()
    if is_preprint(entry):
        return "article"
    mapped = TYPES.get(entry.type)
    if mapped:
        return mapped
    if entry.type in CSL_TYPES:
        return entry.type
    return "document"


# ---------------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------------

_LOWER_PREFIX = re.compile(r"^((?:[a-z\u00df-\u00ff][\w'’]*\s+)+)(?=\S)")


def name_to_csl(name: Name) -> dict[str, str]:
    """A CSL name object for ``name`` (Unicode text)."""
    if name.literal:
        return {"literal": _plain(name.literal) if not name.is_others else "others"}
    out: dict[str, str] = {}
    family = _plain(name.family)
    m = _LOWER_PREFIX.match(family) if name.family.startswith("{") else None
    if m:
        out["non-dropping-particle"] = m.group(1).strip()
        family = family[m.end():]
    out["family"] = family
    if name.given:
        out["given"] = _plain(name.given)
    if name.particle:
        out["dropping-particle"] = _plain(name.particle)
    if name.suffix:
        out["suffix"] = _plain(name.suffix)
    return {k: v for k, v in out.items() if v}


def _name_part(text: Any) -> str:
    return escape(str(text)) if text else ""


def csl_to_name(data: Mapping[str, Any]) -> Name:
    """A :class:`Name` for a CSL name object (values LaTeX-escaped)."""
    if not isinstance(data, Mapping):
        return Name(literal=_name_part(data))
    literal = data.get("literal")
    family = data.get("family")
    if literal or not family:
        text = literal or data.get("given") or ""
        if str(text) == "others":
            return Name(literal="others")
        return Name(literal=_name_part(text))
    family_text = _name_part(family)
    ndp = data.get("non-dropping-particle")
    if ndp:
        family_text = "{" + _name_part(ndp) + " " + family_text + "}"
    elif _LOWER_PREFIX.match(family_text) or " " in family_text:
        family_text = "{" + family_text + "}"
    return Name(
        family=family_text,
        given=_name_part(data.get("given")),
        particle=_name_part(data.get("dropping-particle")),
        suffix=_name_part(data.get("suffix")),
    )


# ---------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------

_ISO = re.compile(r"^\s*(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


def _iso_parts(text: str) -> list[int] | None:
    m = _ISO.match(text)
    if not m:
        return None
    return [int(g) for g in m.groups() if g]


def _date_value_to_csl(text: str) -> dict[str, Any] | None:
    """A CSL date object for a biblatex date (``2020-03-05``, ``2020/2021``, ``circa``…)."""
    text = _plain(text)
    if not text:
        return None
    ends = text.split("/")
    parts = [_iso_parts(e) for e in ends if e]
    if parts and all(parts) and all(re.fullmatch(r"\s*-?\d{1,4}(-\d{1,2}){0,2}\s*", e) for e in ends if e):
        return {"date-parts": parts}
    return {"literal": text}


def _issued(entry: Entry) -> dict[str, Any] | None:
    if entry.get("date"):
        return _date_value_to_csl(entry.fields["date"])
    year = _plain(entry.get("year"))
    if not year:
        return None
    if not re.fullmatch(r"\d{1,4}", year):
        return {"literal": year}
    d = entry.date
    parts = [int(year)]
    if d.month:
        parts.append(d.month)
        if d.day:
            parts.append(d.day)
    return {"date-parts": [parts]}


def _csl_date_to_text(value: Any) -> tuple[str, list[list[int]] | None]:
    """(literal text, date-parts) for a CSL date object."""
    if isinstance(value, str):
        parts = _iso_parts(value)
        return ("", [parts]) if parts and re.fullmatch(r"-?\d{1,4}(-\d{1,2}){0,2}", value.strip()) else (value, None)
    if not isinstance(value, Mapping):
        return (str(value), None)
    dp = value.get("date-parts")
    if isinstance(dp, list) and dp and all(isinstance(p, list) and p for p in dp):
        try:
            return ("", [[int(x) for x in p] for p in dp])
        except (TypeError, ValueError):
            pass
    if value.get("raw"):
        return _csl_date_to_text(str(value["raw"]))
    return (str(value.get("literal", "")), None)


def _parts_iso(parts: list[int]) -> str:
    return "-".join([str(parts[0])] + [f"{p:02d}" for p in parts[1:3]])


# ---------------------------------------------------------------------------------
# Text values
# ---------------------------------------------------------------------------------

_FONT_COMMANDS = re.compile(r"\\(?:textit|emph|textbf|textsc|textsuperscript|textsubscript|textnormal|textrm|textsf|texttt)\s*(?=\{)")
_SPACE = re.compile(r"\s")
_WORD_CHAR = re.compile(r"\w")
_ASCII_CAPITAL = re.compile(r"[A-Z]")
_NOCASE_OPEN = '<span class="nocase">'
_TAGS = {
    "textit": ("<i>", "</i>"),
    "emph": ("<i>", "</i>"),
    "textbf": ("<b>", "</b>"),
    "textsuperscript": ("<sup>", "</sup>"),
    "textsubscript": ("<sub>", "</sub>"),
    "textsc": ('<span style="font-variant:small-caps;">', "</span>"),
    "textnormal": ('<span class="nodecor">', "</span>"),
}
_HTML_TO_TEX = {
    "i": "textit",
    "em": "textit",
    "b": "textbf",
    "strong": "textbf",
    "sup": "textsuperscript",
    "sub": "textsubscript",
}


def _one_word_with_inner_capital(text: str) -> bool:
    """One word (no white space) with a capital after a letter or digit: three
    searches, linear (the single pattern it replaces was cubic on long words)."""
    if _SPACE.search(text):
        return False
    first = _WORD_CHAR.search(text)
    return first is not None and _ASCII_CAPITAL.search(text, first.end()) is not None


def _needs_nocase(text: str) -> bool:
    """Braces matter to a CSL processor only around words with no capital letter
    (title case would capitalize them); ``{NeRF}`` or ``{NP-hard}`` (one word with
    an inner capital, which the CSL reader protects itself) stays plain."""
    if _one_word_with_inner_capital(text):
        return False
    return any(w[:1].isalpha() and not any(c.isupper() for c in w) for w in re.findall(r"[^\s\-/]+", text))


#: a brace group that is one letter made by a macro ({\"o}, {\'{e}}, {\ss}, {\TeX}),
#: not a protected phrase that starts with one ({\TeX and SGML})
_ACCENT_GROUP = re.compile(r"\\(?:[a-zA-Z]+|[^a-zA-Z\s])\s*(?:\{[^{}]*\}|[^\s{}\\])?")


#: how many brace groups deep :func:`value_to_csl` turns groups into markup; deeper
#: groups are read as plain text (a real value nests a few levels: each level costs
#: a pass over its text and a Python frame, so thousands of levels were quadratic
#: and ended in RecursionError)
MAX_GROUP_DEPTH = 10
_COMMAND_GROUP = re.compile(r"\\([a-zA-Z]+)\s*\{")
_COMMAND_TOKEN = re.compile(r"\\(?:[a-zA-Z]+\s*|.)(\{[^{}]*\})?")
_FONT_GROUP = re.compile(r"\\(textit|emph|textbf|textsc|textsuperscript|textsubscript|textnormal)\b")


def value_to_csl(value: str, markup: bool = True, *, _depth: int = 0) -> str:
    """Unicode text for BibTeX value text; with ``markup``, protective braces
    that matter become nocase spans and \\textit/\\textbf … become HTML-like tags
    (the CSL-JSON rich-text convention), down to :data:`MAX_GROUP_DEPTH` levels."""
    if not markup or _depth >= MAX_GROUP_DEPTH:
        return unescape(_FONT_COMMANDS.sub("", value))
    if "{" not in value and "\\" not in value:
        return unescape(value)
    out: list[str] = []
    i, n = 0, len(value)
    buf: list[str] = []

    def flush() -> None:
        if buf:
            out.append(unescape("".join(buf)) if "".join(buf).strip() else ("" if not out else " "))
            buf.clear()

    while i < n:
        ch = value[i]
        if ch == "\\":
            m = _COMMAND_GROUP.match(value, i)
            if m and m.group(1) in _TAGS:
                end = _matching(value, m.end() - 1)
                if end > 0:
                    flush()
                    open_tag, close_tag = _TAGS[m.group(1)]
                    inner = value_to_csl(value[m.end():end], _depth=_depth + 1)
                    out.append(_space_before(value, i) + open_tag + inner + close_tag + _space_after(value, end))
                    i = end + 1
                    continue
            # an accent command or other macro: keep for to_unicode, with its argument
            m2 = _COMMAND_TOKEN.match(value, i)
            take = m2.end() - i if m2 else 1
            buf.append(value[i:i + take])
            i += take
            continue
        if ch == "{":
            end = _matching(value, i)
            if end < 0:
                buf.append(value[i:])
                break
            inner_raw = value[i + 1:end]
            if _ACCENT_GROUP.fullmatch(inner_raw) and not _FONT_GROUP.match(inner_raw):
                buf.append(value[i:end + 1])  # {\"o} and friends: an accented letter
                i = end + 1
                continue
            flush()
            inner = value_to_csl(inner_raw, _depth=_depth + 1)
            text = _space_before(value, i) + (f"{_NOCASE_OPEN}{inner}</span>" if _needs_nocase(unescape(inner_raw)) else inner) + _space_after(value, end)
            out.append(text)
            i = end + 1
            continue
        buf.append(ch)
        i += 1
    flush()
    return collapse_space("".join(out), keep_ties=True)


def _space_before(value: str, i: int) -> str:
    return " " if i > 0 and value[i - 1].isspace() else ""


def _space_after(value: str, end: int) -> str:
    return " " if end + 1 < len(value) and value[end + 1].isspace() else ""


def _matching(text: str, start: int) -> int:
    depth = 0
    for j in range(start, len(text)):
        c = text[j]
        if c == "\\":
            continue
        if c == "{" and (j == 0 or text[j - 1] != "\\"):
            depth += 1
        elif c == "}" and (j == 0 or text[j - 1] != "\\"):
            depth -= 1
            if depth == 0:
                return j
    return -1


_TOKEN = re.compile(r"[^\s{}]+")
_NON_WORD = re.compile(r"\W")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_TAG = re.compile(r"<(/?)(i|em|b|strong|sup|sub|span)(\s[^>]*)?>", re.IGNORECASE)


def csl_to_value(text: Any, protect: bool = False) -> str:
    """BibTeX value text for a CSL string: LaTeX-escaped; rich-text tags become
    LaTeX; nocase spans (and, with ``protect``, words with inner capitals) get
    protective braces."""
    text = str(text)
    if "<" not in text:
        return _protect(escape(text)) if protect else escape(text)
    out: list[str] = []
    stack: list[str] = []
    pos = 0
    for m in _TAG.finditer(text):
        chunk = escape(text[pos:m.start()])
        out.append(_protect(chunk) if protect and "nocase" not in stack else chunk)
        pos = m.end()
        closing, tag, attrs = m.group(1), m.group(2).lower(), (m.group(3) or "")
        if closing:
            kind = stack.pop() if stack else ""
            out.append("}" if kind else "")
            continue
        if tag == "span":
            if "nocase" in attrs:
                stack.append("nocase")
                out.append("{")
            elif "small-caps" in attrs:
                stack.append("sc")
                out.append("\\textsc{")
            elif "nodecor" in attrs:
                stack.append("nodecor")
                out.append("\\textnormal{")
            else:
                stack.append("")
            continue
        stack.append(tag)
        out.append("\\" + _HTML_TO_TEX[tag] + "{")
    chunk = escape(text[pos:])
    out.append(_protect(chunk) if protect else chunk)
    out.extend("}" for kind in stack if kind)
    return "".join(out)


def _protect(text: str) -> str:
    """Braces around words with a capital after their first letter (``NeRF``,
    ``NSGA-II``, ``GANs``) so BibTeX styles keep their case."""

    def repl(word: str) -> str:
        core = word.strip(".,:;!?()[]\"'")
        letters = [c for c in core if c.isalpha()]
        if len(letters) > 1 and any(c.isupper() for c in core[1:]) and "\\" not in core:
            start = word.index(core)
            return word[:start] + "{" + core + "}" + word[start + len(core):]
        return word

    return _words_sub(repl, text)


def _words_sub(repl: Callable[[str], str], text: str) -> str:
    """``re.sub(r"(?<![\\w{])([^\\s{}]*[A-Za-z][^\\s{}]*)", lambda m: repl(m.group(1)), text)``
    in one pass. Within a run of characters other than blanks and braces, the
    pattern's first match starts at the run's start (unless a ``{`` precedes it:
    then right after the run's first non-word character) and ends at the run's end,
    if a letter follows that start. The pattern itself retried every position of a
    run with no letter (16,000 '.': 0.4 s, x4 per doubling)."""
    out: list[str] = []
    pos = 0
    for token in _TOKEN.finditer(text):
        start, end = token.span()
        if start and text[start - 1] == "{":
            after = _NON_WORD.search(text, start, end)
            if after is None:
                continue
            start = after.end()
        if _ASCII_LETTER.search(text, start, end) is None:
            continue
        out += (text[pos:start], repl(text[start:end]))
        pos = end
    out.append(text[pos:])
    return "".join(out)


# ---------------------------------------------------------------------------------
# Entries
# ---------------------------------------------------------------------------------

_TITLE_FIELDS = {"title", "shorttitle", "booktitle", "journal", "journaltitle", "series", "subtitle", "eventtitle"}


def _container_field(entry_type: str) -> str:
    return "journal" if entry_type in ("article", "periodical") else "booktitle"


def _publisher_field(entry_type: str) -> str:
    if entry_type in ("phdthesis", "mastersthesis", "thesis"):
        return "school"
    if entry_type in ("techreport", "report"):
        return "institution"
    return "publisher"


def entry_to_csl(entry: Entry, *, markup: bool = True, key: str | None = None) -> dict[str, Any]:
    """The CSL-JSON item for ``entry`` (Unicode values; ``id`` is ``key`` or the
    entry's key). With ``markup`` false, rich text is flattened to plain text."""
    f = entry.fields
    ctype = csl_type(entry)
    item: dict[str, Any] = {"id": entry.key if key is None else key, "type": ctype}

    for role, var in NAME_ROLES.items():
        if f.get(role):
            item[var] = [name_to_csl(n) for n in entry.names(role)]

    issued = _issued(entry)
    if issued:
        item["issued"] = issued
    for bib, var in DATE_FIELDS.items():
        if f.get(bib):
            d = _date_value_to_csl(f[bib])
            if d:
                item[var] = d

    for var, sources in _CSL_SOURCES.items():
        if var in item:
            continue
        for bib in sources:
            value = f.get(bib)
            if value is None:
                continue
            if var == "status":
                key_ = _plain(value).lower().replace(" ", "")
                item[var] = PUBSTATE.get(key_, _plain(value))
            elif var in ("DOI", "URL", "ISBN", "ISSN", "PMID", "PMCID"):
                item[var] = _plain(value) if "\\" in value or "{" in value else value.strip()
            elif var == "page":
                item[var] = _plain(value).replace("–", "-") if "--" in value else _plain(value)
            elif var == "note" and "\n" in value.strip():
                # lines of a note stay lines ("genre: Peer commentary" on its own
                # line is a CSL variable to citeproc-js and refkit's renderer)
                item[var] = "\n".join(value_to_csl(line, markup) for line in value.strip().splitlines() if line.strip())
            else:
                item[var] = value_to_csl(value, markup)
            break

    # thesis genre from the BibTeX type when no explicit type field
    if "genre" not in item and entry.type == "phdthesis":
        item["genre"] = "PhD thesis"
    elif "genre" not in item and entry.type == "mastersthesis":
        item["genre"] = "Master's thesis"

    arxiv = entry.arxiv
    if ctype == "article" and not arxiv and "container-title" in item and str(item["container-title"]).lower().startswith("arxiv"):
        # "journal = {arXiv preprint arXiv:2211.11423}": the venue is the preprint server
        from .ids import find_arxiv

        found = find_arxiv(str(item["container-title"]), bare=True)
        if found is not None:
            arxiv = found.id
            del item["container-title"]
    if ctype == "article" and arxiv:
        item.setdefault("publisher", "arXiv")
        item.setdefault("number", "arXiv:" + arxiv)
        item.setdefault("URL", "https://arxiv.org/abs/" + arxiv)
    elif f.get("eprint") and "number" not in item and ctype == "article":
        item["number"] = _plain(f["eprint"])
    if "issue" not in item and entry.type in ("article", "periodical") and "number" in item and not (ctype == "article" and arxiv):
        item["issue"] = item.pop("number")

    # everything else passes through under its own name
    for name, value in f.items():
        if name in _BIB_FIELDS or name in item:
            continue
        if value[:1] in "[{" and value[-1:] in "]}":
            try:
                item[name] = json.loads(value)
                continue
            except ValueError:
                pass
        item[name] = value_to_csl(value, markup)
    return item


def csl_to_entry(item: Mapping[str, Any], *, key: str | None = None) -> Entry:
    """An :class:`Entry` for a CSL-JSON item (values as BibTeX value text);
    BibTeX values refkit kept in ``custom.bibtex`` are restored (see
    :func:`entry_to_csl_lossless`)."""
    if any(alias in item for alias in CSL_ALIASES):
        item = {CSL_ALIASES.get(k, k): v for k, v in item.items() if not (k in CSL_ALIASES and CSL_ALIASES[k] in item)}
    custom = item.get("custom")
    kept = custom.get("bibtex") if isinstance(custom, Mapping) else None
    if isinstance(custom, Mapping) and isinstance(kept, Mapping):
        rest = {k: v for k, v in custom.items() if k != "bibtex"}
        plain = {k: v for k, v in item.items() if k != "custom"}
        if rest:
            plain["custom"] = rest
        return _restore(csl_to_entry(plain, key=key), kept)
    ctype = str(item.get("type", "") or "")
    bib_type = CSL_TO_BIBTEX_TYPE.get(ctype, ctype or "misc")
    genre = str(item.get("genre", ""))
    if ctype == "thesis":
        bib_type = "mastersthesis" if re.search(r"master|m\.?\s?sc|msc", genre, re.I) else "phdthesis"
    fields: dict[str, str] = {}

    for role, var in NAME_ROLES.items():
        names = item.get(var)
        if isinstance(names, list) and names:
            from .names import format_names

            fields[role] = format_names([csl_to_name(n) for n in names])

    issued = item.get("issued")
    if issued:
        literal, parts = _csl_date_to_text(issued)
        if parts and len(parts) == 1:
            p = parts[0]
            fields["year"] = str(p[0])
            if len(p) > 1:
                fields["month"] = str(p[1])
            if len(p) > 2:
                fields["day"] = str(p[2])
        elif parts:
            fields["date"] = "/".join(_parts_iso(p) for p in parts)
        elif literal:
            fields["year"] = escape(literal)
    for bib, var in DATE_FIELDS.items():
        if item.get(var):
            literal, parts = _csl_date_to_text(item[var])
            fields[bib] = "/".join(_parts_iso(p) for p in parts) if parts else escape(literal)

    container = _container_field(bib_type)
    publisher = _publisher_field(bib_type)
    for var, value in item.items():
        if var in ("id", "type", "issued") or var in NAME_ROLES.values() or var in DATE_FIELDS.values():
            continue
        if value is None:
            continue
        if isinstance(value, (list, dict)):
            fields[var.lower()] = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
            continue
        text = str(value)
        if var == "container-title":
            fields[container] = csl_to_value(text)
        elif var == "publisher":
            fields[publisher] = csl_to_value(text)
        elif var == "number":
            fields["number"] = csl_to_value(text)
        elif var == "status":
            rev = {v: k for k, v in PUBSTATE.items()}
            fields["pubstate"] = rev.get(text.strip().lower(), csl_to_value(text))
        elif var == "page":
            fields["pages"] = re.sub(r"(?<=\w)\s*[-–—]\s*(?=\w)", "--", text) if re.fullmatch(r"[\w.]+\s*[-–—]\s*[\w.]+", text.strip()) else csl_to_value(text)
        elif var in _CSL_UPPER:
            fields[var.lower()] = text.strip()
        elif var in _CSL_SOURCES:
            bib = _CSL_SOURCES[var][0]
            fields[bib] = csl_to_value(text, protect=bib in _TITLE_FIELDS)
        else:
            fields[var.lower()] = csl_to_value(text)

    if ctype == "thesis" and genre.strip().lower() in ("phd thesis", "master's thesis"):
        expected = "PhD thesis" if bib_type == "phdthesis" else "Master's thesis"
        if genre == expected:
            fields.pop("type", None)
    if bib_type in ("article", "periodical") and "issue" in fields and "number" not in fields:
        # BibTeX's number of a journal article is CSL's issue (the writer maps it so)
        fields["number"] = fields.pop("issue")
    number = str(item.get("number", ""))
    if ctype == "article" and number.lower().startswith("arxiv:") and "eprint" not in fields:
        # a preprint's "arXiv:<id>" (as Zotero and refkit write it) is BibTeX's eprint
        fields["eprint"] = escape(number.split(":", 1)[1].strip())
        fields["archiveprefix"] = "arXiv"
        fields.pop("number", None)
    entry = Entry(type=bib_type, key=str(item.get("id", "")) if key is None else key, fields=fields)
    if csl_type(entry) != ctype:
        entry = entry.with_fields(None, **{"csl-type": ctype})
    return entry


# ---------------------------------------------------------------------------------
# Lossless CSL-JSON: what CSL cannot express is kept in the item's ``custom`` object
# ---------------------------------------------------------------------------------


def entry_to_csl_lossless(entry: Entry, *, markup: bool = True) -> dict[str, Any]:
    """The CSL-JSON item for ``entry`` plus, in ``custom.bibtex``, whatever a
    reader of the standard CSL variables would not get back: BibTeX fields lost
    or changed beyond LaTeX <-> Unicode (``{"fields": {name: [value, what the
    CSL gives]}}``), fields the CSL would add (``"drop"``) and the BibTeX type
    (``"type"``). :func:`csl_to_entry` restores them, each only while the CSL
    variable still gives what it gave when written (an edited CSL value wins)."""
    item = entry_to_csl(entry, markup=markup)
    if "custom" in item and not isinstance(item["custom"], dict):
        item.pop("custom")
    back = csl_to_entry(item, key=entry.key)
    fields = {name: [value, back.fields.get(name)] for name, value in entry.fields.items() if not _same_value(entry, back, name)}
    drop = {name: value for name, value in back.fields.items() if name not in entry.fields}
    kept: dict[str, Any] = {}
    if back.type != entry.type:
        kept["type"] = [entry.type, back.type]
    if fields:
        kept["fields"] = fields
    if drop:
        kept["drop"] = drop
    if kept:
        custom = item.get("custom")
        item["custom"] = {**(custom if isinstance(custom, dict) else {}), "bibtex": kept}
    return item


def _restore(entry: Entry, kept: Mapping[str, Any]) -> Entry:
    fields = dict(entry.fields)
    for name, pair in (kept.get("fields") or {}).items():
        if isinstance(pair, list) and len(pair) == 2 and fields.get(name) == pair[1] and isinstance(pair[0], str):
            fields[name] = pair[0]
    for name, seen in (kept.get("drop") or {}).items():
        if fields.get(name) == seen:
            fields.pop(name)
    etype = entry.type
    pair = kept.get("type")
    if isinstance(pair, list) and len(pair) == 2 and etype == pair[1] and isinstance(pair[0], str):
        etype = pair[0]
    return Entry(type=etype, key=entry.key, fields=fields)


def _same_value(a: Entry, b: Entry, name: str) -> bool:
    """Whether field ``name`` of ``b`` says what ``a``'s says: equal up to
    LaTeX <-> Unicode and white space; names as parsed name lists; months by number."""
    x, y = a.fields.get(name), b.fields.get(name)
    if x is None or y is None:
        return x is y
    if x == y:
        return True
    if name in NAME_ROLES:
        return [_name_key(n) for n in a.names(name)] == [_name_key(n) for n in b.names(name)]
    if name == "month":
        from .dates import month_number

        return month_number(unescape(x).strip()) is not None and month_number(unescape(x).strip()) == month_number(unescape(y).strip())
    if ("$" in x or "$" in y) and _math_of(x) != _math_of(y):
        return False  # "$SU(N)$" shows as "SU(N)" in CSL: the math itself is kept in custom.bibtex
    return " ".join(unescape(x).split()) == " ".join(unescape(y).split())


def _math_of(value: str) -> list[str]:
    from .texmath import value_spans

    return [tex for _, _, tex in value_spans(value)]


def _name_key(name: Name) -> tuple[str, ...]:
    return tuple(" ".join(unescape(p).split()) for p in (name.literal, name.given, name.particle, name.family, name.suffix))


def csl_items(entries: Iterable[Entry], markup: bool = True) -> list[dict[str, Any]]:
    """CSL-JSON items for ``entries``, in order."""
    return [entry_to_csl(e, markup=markup) for e in entries]
