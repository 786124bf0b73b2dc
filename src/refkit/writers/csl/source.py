"""The bibliography source citeproc-py reads: refkit's CSL-JSON items (from
:mod:`refkit.crosswalk`) as citeproc-py references. Every CSL variable is
passed through; values are prepared for the rules refkit implements (quotes
marked, numeric ranges with the locale's delimiter)."""

from __future__ import annotations

import re
from typing import Any

from citeproc.source import BibliographySource, CitationItem, Reference
from citeproc.source.json import CiteProcJSON
from citeproc.string import MixedString, NoCase, String

from .labels import citation_label
from .marks import CLOSE, GLUE, OPEN
from .quotes import mark_data_quotes

__all__ = ["make_source", "Item"]

_NAME_VARIABLES = frozenset(
    "author editor translator container_author collection_editor composer interviewer original_author recipient "
    "illustrator editorial_director reviewed_author director chair compiler contributor curator executive_producer "
    "guest host narrator organizer performer producer script_writer series_creator".split()
)
_DATE_VARIABLES = frozenset("accessed container event_date issued original_date submitted available_date".split())

def _known() -> frozenset[str]:
    from citeproc import VARIABLES

    # CSL 1.0.2 variables citeproc-py 0.11 does not list
    newer = "reviewed_title event_title volume_title part_title archive_collection archive_place authority division jurisdiction medium part_number printing_number supplement_number volume_title_short".split()
    return frozenset(VARIABLES) | frozenset(newer) | _NAME_VARIABLES | _DATE_VARIABLES


#: every CSL variable name (underscored) a note line may set
_KNOWN = _known()
_NUM_RANGE = re.compile(r"^\s*(\d+)\s*[-‐‑]\s*(\d+)\s*$")
#: variables that are identifiers, not text: never made typographic
_VERBATIM = frozenset("URL DOI ISBN ISSN PMID PMCID url doi isbn issn pmid pmcid".split())

_RICH_TAG = re.compile(r"<(/?)(i|em|b|strong|sup|sub|sc|span)(\s[^>]*)?>", re.IGNORECASE)
_RICH_KIND = {"i": "i", "em": "i", "b": "b", "strong": "b", "sup": "sup", "sub": "sub", "sc": "sc"}
# nocase spans are placeholders while quotes are made typographic, then the
# tags citeproc-py's parse_string reads
_NOCASE, _NOCASE_END = "\ue014", "\ue015"
_NOCASE_TAGS = str.maketrans({_NOCASE: '<span class="nocase">', _NOCASE_END: "</span>"})


def rich_text(text: str) -> str:
    """CSL-JSON rich text (``<i>``, ``<b>``, ``<sup>``, ``<sub>``, ``<sc>``,
    ``<span style="font-variant:small-caps;">``, ``<span style="font-style:normal;">``,
    ``<span class="nodecor">``)
    as refkit's marks, so it reaches the output format; ``<span class="nocase">``
    is kept for citeproc-py (title case leaves it alone). Unknown tags stay text."""
    if "<" not in text:
        return text
    out: list[str] = []
    stack: list[str] = []
    pos = 0
    for m in _RICH_TAG.finditer(text):
        out.append(text[pos:m.start()])
        pos = m.end()
        closing, tag, attrs = m.group(1), m.group(2).lower(), (m.group(3) or "").lower().replace(" ", "")
        if closing:
            if not stack:
                out.append(m.group(0))
                continue
            kind = stack.pop()
            out.append(_NOCASE_END if kind == "nocase" else CLOSE["nodecor"] + _NOCASE_END if kind == "nodecor" else CLOSE.get(kind, ""))
            continue
        if tag == "span":
            kind = "nocase" if "nocase" in attrs else "nodecor" if "nodecor" in attrs else "sc" if "small-caps" in attrs else "roman" if "font-style:normal" in attrs else "upright" if "font-variant:normal" in attrs else ""
        else:
            kind = _RICH_KIND[tag]
        # nodecor: no formatting and no case change inside (CSL rich text)
        out.append(_NOCASE if kind == "nocase" else _NOCASE + OPEN["nodecor"] if kind == "nodecor" else OPEN.get(kind, ""))
        stack.append(kind)
    out.append(text[pos:])
    out.extend(_NOCASE_END if kind == "nocase" else CLOSE["nodecor"] + _NOCASE_END if kind == "nodecor" else CLOSE.get(kind, "") for kind in reversed(stack))
    return "".join(out)


_OPENING_CONTEXT = frozenset(" \t\n([{“‘\"")


def typographic(text: str) -> str:
    """Straight quotes in data made typographic, as citeproc-js does: an
    apostrophe inside or at the edge of a word is ’ ("D’Arcus", "’t Horvath",
    "de’"); a pair of ``'…'`` or ``"…"`` around words is a pair of quotes,
    which :func:`refkit.writers.csl.quotes.finish_quotes` prints as outer or
    inner quotes by their depth (flip-flop); a double quote that opens or
    closes nothing stays straight (``display="inline"``)."""
    if "'" not in text and '"' not in text:
        return text
    chars = list(text)
    n = len(chars)
    singles: list[int] = []
    doubles: list[int] = []
    for i, c in enumerate(chars):
        if c not in "'\"":
            continue
        prev = chars[i - 1] if i else " "
        nxt = chars[i + 1] if i + 1 < n else " "
        # after a quote that opened (the ' of '"…"') a quote opens too
        opening = (prev in _OPENING_CONTEXT or (prev == "'" and bool(singles) and singles[-1] == i - 1)) and not nxt.isspace()
        if c == '"':
            if opening:
                chars[i] = "“"
                doubles.append(i)
            elif doubles:
                doubles.pop()
                chars[i] = "”"
            # else: a closing quote that closes nothing stays straight (display="inline")
        elif prev.isalnum() and nxt.isalnum():
            chars[i] = "’"
        elif opening:
            singles.append(i)
        elif singles and not prev.isspace():
            chars[singles.pop()] = "“"
            chars[i] = "”"
        else:
            chars[i] = "’"
    for i in singles:
        chars[i] = "’"
    for i in doubles:
        chars[i] = '"'  # an opening quote never closed stays straight
    return "".join(chars)


def prepare_text(value: str) -> str:
    """A text value as citeproc-py gets it: rich text as marks, quotes typographic
    and marked, nocase spans as tags."""
    return mark_data_quotes(typographic(rich_text(value))).translate(_NOCASE_TAGS)


def _lowercase(word: str) -> bool:
    """A word written in lower case ("van", "'t", "de'"), not one without case."""
    return word == word.lower() and word != word.upper()


def _attached(word: str) -> int:
    """The length of a lower-case particle joined to the name by an apostrophe
    or hyphen ("d'" of "d'Wander", "al-" of "al-One"), else 0."""
    for i, c in enumerate(word):
        if c in "-'’":
            rest = word[i + 1 : i + 2]
            return i + 1 if i and _lowercase(word[:i]) and rest.isupper() else 0
        if not c.isalpha():
            return 0
    return 0


def split_particles(name: dict[str, Any]) -> dict[str, Any]:
    """CSL "Name-part Order" / name particles in CSL-JSON, as citeproc-js parses
    them: when an item gives no particle fields (and no ``parse-names: false``),
    the lower-case words that begin the family name are its non-dropping
    particle ("van der Berg", "in 't Horvath"), and so is a lower-case prefix
    joined by an apostrophe or hyphen ("d'Wander", "al-One"); the lower-case
    words that end the given name are its dropping particle ("Ludwig van").
    A joined particle ends with :data:`GLUE`, so no space follows it."""
    if "non-dropping-particle" in name or "dropping-particle" in name or str(name.get("parse-names", "")).lower() == "false":
        return name
    out = dict(name)
    family = name.get("family")
    if isinstance(family, str):
        words = family.split(" ")
        n = 0
        while n < len(words) - 1 and _lowercase(words[n]):
            n += 1
        particle, rest = " ".join(words[:n]), " ".join(words[n:])
        joined = _attached(rest)
        if joined:
            particle = (particle + " " if particle else "") + rest[:joined] + GLUE
            rest = rest[joined:]
        if particle:
            out["non-dropping-particle"], out["family"] = particle, rest
    given = name.get("given")
    if isinstance(given, str):
        words = given.split(" ")
        n = len(words)
        while n > 1 and _lowercase(words[n - 1]) and any(c.isalpha() for c in words[n - 1]):
            n -= 1
        if n < len(words):
            out["given"], out["dropping-particle"] = " ".join(words[:n]), " ".join(words[n:])
    return out


def _names(parser: CiteProcJSON, value: list[Any]) -> Any:
    names = []
    for name in value:
        if isinstance(name, dict):
            family = name.get("family")
            if isinstance(family, str) and len(family) > 2 and family[0] == family[-1] == '"':
                # a family name in double quotes is taken as written (citeproc-js)
                name = {**name, "family": family[1:-1]}
            elif "literal" not in name:
                name = split_particles(name)
            name = {k: prepare_text(v) if isinstance(v, str) and k != "parse-names" else v for k, v in name.items()}
        names.append(name)
    return parser.parse_names(names)


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


_NOTE_NAME = re.compile(r"\s*\{?:?([a-z][a-z-]*[a-z]):")


def _note_variable(line: str) -> tuple[str, str] | None:
    r"""``name: value`` of one note line (the value without the blanks and the one
    ``}`` around it), or None: what ``^\s*\{?:?([a-z][a-z-]*[a-z]):\s*(.+?)\s*\}?\s*$``
    matched, read with str methods. The pattern tried its two trailing blank runs
    after every character of the lazy value: cubic on a blank run inside the value
    (2,000 blanks: over 5 s)."""
    m = _NOTE_NAME.match(line)
    if m is None:
        return None
    rest = line[m.end():]
    value = rest.lstrip()
    if not value:  # only blanks: the lazy value is the last of them
        return (m.group(1), rest[-1]) if rest else None
    end = value.rstrip()
    if end.endswith("}"):
        end = end[:-1].rstrip()
    return m.group(1), value[:max(len(end), 1)]
_ISO_DATE = re.compile(r"^(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


def note_variables(item: dict[str, Any]) -> dict[str, Any]:
    """CSL variables written into ``note`` as ``name: value`` lines (the
    convention of Zotero's Extra field that citeproc-js reads): dates in ISO
    form (a range with "/"), names as ``family || given``; the item's own
    values win, and the lines read leave the note."""
    note = item.get("note")
    if not isinstance(note, str) or ":" not in note:
        return item
    extra: dict[str, Any] = {}
    rest = []
    for line in note.splitlines():
        found = _note_variable(line)
        name = found[0] if found else ""
        if found is None or name.replace("-", "_") not in _KNOWN or name in item:
            rest.append(line)
            continue
        value = found[1]
        key = name.replace("-", "_")
        if key in _NAME_VARIABLES:
            family, _, given = value.partition("||")
            extra.setdefault(name, []).append({"family": family.strip(), "given": given.strip()} if given else {"literal": family.strip()})
        elif key in _DATE_VARIABLES:
            parts = [_ISO_DATE.match(p.strip()) for p in value.split("/")]
            if all(parts):
                extra[name] = {"date-parts": [[int(g) for g in p.groups() if g] for p in parts if p]}
            else:
                extra[name] = {"literal": value}
        else:
            extra[name] = value
    if not extra:
        return item
    out = {**item, **extra}
    if rest and "\n".join(rest).strip():
        out["note"] = "\n".join(rest)
    else:
        out.pop("note", None)
    return out


def parse_string(parser: CiteProcJSON, text: str) -> Any:
    """What ``parser.parse_string(text)`` returns (text and ``<span class="nocase">``
    spans as a MixedString), built in linear time. citeproc-py adds each piece to
    the whole string so far (a new list, and a join to look at the seam), quadratic
    in the number of spans: a value of 4,000 protected words (``{a}{a}…``) took
    0.6 s, x3.7 per doubling. Each piece is added here to the last piece alone,
    with citeproc-py's own ``+``: its seam rule looks at one character only."""
    lower = text.lower()
    pieces: list[Any] = []
    end = 0
    try:
        while True:  # citeproc-py's loop, an unclosed span included
            start = lower.index(parser.start_tag, end)
            if text[end:start]:
                pieces.append(String(text[end:start]))
            end = lower.index(parser.end_tag, start + 1)
            pieces.append(NoCase(text[start + len(parser.start_tag):end]))
            end += len(parser.end_tag)
    except ValueError:
        if text[end:]:
            pieces.append(String(text[end:]))
    out: list[Any] = []
    for piece in pieces:
        left = MixedString(out[-1:])
        out.extend(list(left + piece)[len(left):])  # list(): a MixedString indexes its text, not its pieces
    return MixedString(out)


def make_source(items: list[dict[str, Any]], range_delimiter: str = "–") -> BibliographySource:
    """A citeproc-py bibliography source for refkit-built CSL items."""
    source = BibliographySource()
    parser = CiteProcJSON([])
    for item in items:
        item = note_variables(item)
        data: dict[str, Any] = {}
        for key, value in item.items():
            name = key.replace("-", "_")
            if name in ("id", "type", "custom"):
                continue
            if name in _NAME_VARIABLES:
                if isinstance(value, list):
                    data[name] = _names(parser, value)
                    if "_" in name:
                        # citeproc-py looks names up by the style's spelling
                        # ("reviewed-author"), other variables by "reviewed_author"
                        data[key] = data[name]
            elif name in _DATE_VARIABLES:
                date = parser.parse_date(value) if isinstance(value, dict) else None
                if date is not None:
                    data[name] = date
            elif isinstance(value, (list, dict)) or value is None or str(value).strip() == "":
                continue  # an empty variable is no variable: no label, no group for it
            else:
                text = str(value) if key in _VERBATIM else prepare_text(str(value))
                if name in ("issue", "volume") and _NUM_RANGE.match(text):
                    # CSL 1.0.2 "Number": a numeric range is printed with the
                    # locale's range delimiter (an en dash; AMA's is a hyphen)
                    text = _NUM_RANGE.sub(lambda m: m.group(1) + range_delimiter + m.group(2), text)
                elif name == "page" and not text.strip(" -–—"):
                    text = ""  # a page of only dashes prints as nothing, its label stays (citeproc-js)
                data[name] = parse_string(parser, text)
        if "citation_label" not in data:
            # CSL "citation-label": a trigraph ("RoNo78") when the item gives none
            data["citation_label"] = parse_string(parser, citation_label(item))
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
