"""Lint rules for bibliographies, with stable codes: ``refkit check`` and :func:`check`.

Every rule is one row of :data:`RULES` (code, name, what it finds, why it
matters); the code families are

======  =====================================================================
RK1xx   parse and syntax problems (unbalanced braces, undefined ``@string``
        macros …), found by the BibTeX reader and passed on from ``Library.problems``
RK2xx   citation keys
RK3xx   duplicate entries
RK4xx   required fields and entry types
RK5xx   malformed values
RK6xx   things ``refkit format`` fixes
======  =====================================================================

:func:`check` makes one pass over the entries (dictionaries for keys and
duplicates, no pairwise comparisons), so it stays fast on large files.
Problems are data (:class:`~refkit.model.Problem`), sorted by location.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping, Sequence

from .delimited import replace_delimited
from .ids import is_isbn, parse_arxiv
from .model import Entry, Library, Location, Problem
from .dates import MONTH_NAMES
from .transforms import normalize as fix  # the RK6xx rules are exactly what `refkit format` fixes
from .transforms.normalize import content_changed
from .transforms.dedupe import bare_doi, find_duplicates

__all__ = ["Rule", "RULES", "check", "select_rules", "REQUIRED_FIELDS"]


@dataclass(frozen=True)
class Rule:
    """One check: a stable ``code``, a short kebab-case ``name``, a one-line
    ``summary`` and ``why`` it matters. ``fixable`` rules are the ones
    ``refkit format`` fixes."""

    code: str
    name: str
    summary: str
    why: str
    severity: str = "error"
    fixable: bool = False


#: Every rule refkit checks, by code (docs/check.md lists them all).
RULES: dict[str, Rule] = {r.code: r for r in (
    # RK1xx: found by the BibTeX reader (refkit.readers.bibtex), listed here so that
    # one table documents every code and --select/--ignore know them
    Rule("RK101", "unbalanced-braces", "unbalanced braces, or an entry or value that is never closed",
         "BibTeX reads past the end of the value and swallows the entries that follow."),
    Rule("RK102", "stray-text", "text between entries that looks like part of a broken entry",
         "BibTeX ignores it: the fields in it are lost. (A lone stray '}' line is a warning.)"),
    Rule("RK103", "undefined-string", "a value uses an @string macro that is not defined in the file",
         "BibTeX warns and uses an empty value (the macro may be defined in another file).", severity="warning"),
    Rule("RK104", "duplicate-field", "the same field twice in one entry (the first is kept)",
         "BibTeX keeps the first, biber the last: the output depends on the tool."),
    Rule("RK105", "field-name-expected", "a field name was expected (name = value)",
         "The entry is malformed from this point; BibTeX skips the rest of it."),
    Rule("RK106", "comma-expected", "',' or the closing delimiter was expected after a value",
         "Usually a missing comma; BibTeX skips the rest of the entry."),
    Rule("RK107", "key-missing", "an entry has no citation key",
         "An entry without a key cannot be cited, and BibTeX reads the first field as the key.",
         severity="warning"),
    Rule("RK108", "value-expected", "a value was expected after '=' or '#'",
         "BibTeX skips the rest of the entry."),
    Rule("RK109", "macro-expansion-too-large", "@string macros expand beyond the file's budget (1,000,000 "
         "characters, or four times the file)",
         "Macros defined through macros double at each step: a few lines would expand to gigabytes. "
         "The block is kept as written."),
    # RK19x: found by the document readers (HTML, Markdown, LaTeX, reST)
    Rule("RK190", "too-many-items", "a page lists more items than the HTML reader reads",
         "The items after the limit are not extracted.", severity="warning"),
    Rule("RK191", "unreadable-item", "a listed item could not be read",
         "The item is missing from the output; the message says why.", severity="warning"),
    Rule("RK192", "markup-not-rendered", "part of a document's markup could not be rendered",
         "A macro expansion over its budget or nesting too deep: the text it would give is missing.",
         severity="warning"),
    Rule("RK193", "include-not-read", "a file a document includes or takes its entries from is not read",
         "A LaTeX include missing, outside the input's folder, including itself or over a bound (depth, count, "
         "size); a Typst #include or a list Typst formats from a .bib file (#bibliography): its content is "
         "missing; convert that file.", severity="warning"),
    Rule("RK194", "encoding-guessed", "a document is not UTF-8 and was read in a guessed legacy encoding",
         "Accented letters may be wrong if the guess is; pass --encoding to choose. Only documents that are "
         "read and never rewritten are guessed: format and check refuse a .bib that is not UTF-8.",
         severity="warning"),
    Rule("RK195", "mojibake-repaired", "a document shows UTF-8 text once read as Windows-1252 ('Ã©' for 'é')",
         "The damage is undone before extraction (ftfy), so names and titles read right; the file itself is "
         "not changed. A .bib file is never repaired.", severity="warning"),
    Rule("RK196", "control-characters-dropped", "a document holds control characters (NUL, escape codes) in its text",
         "A stray byte an editor or a copy left: the characters are dropped and the document read; a file with "
         "many (an image, a PDF, an archive) is refused as binary. A .bib file is never changed: format and "
         "check refuse it.", severity="warning"),
    Rule("RK201", "duplicate-key", "two entries have the same citation key",
         "BibTeX uses the first and warns; biber and pandoc may use either; citations point at the wrong work."),
    Rule("RK202", "key-case-clash", "two citation keys differ only by case",
         "BibTeX compares keys case-insensitively ('Case mismatch error'), and citeproc-py lower-cases them, "
         "so the two entries collide."),
    Rule("RK203", "key-apostrophe", "a citation key contains an apostrophe (')",
         "biber stops with a syntax error on such a key."),
    Rule("RK204", "key-non-ascii", "a citation key contains non-ASCII characters",
         "BibTeX 8-bit handling varies and jekyll-scholar (al-folio sites) breaks on non-ASCII keys."),
    Rule("RK205", "key-bad-character", "a citation key contains a character LaTeX or BibTeX reads specially",
         "Whitespace, commas, braces, quotes, '#', '%', '~' and '\\\\' in a key break \\cite or the .bib parser."),
    Rule("RK301", "duplicate-doi", "two entries have the same DOI",
         "The same work listed twice is cited inconsistently and counted twice."),
    Rule("RK302", "duplicate-arxiv", "two entries have the same arXiv id and title",
         "The same preprint listed twice. (A journal version with another title that links the preprint is "
         "not reported.)"),
    Rule("RK303", "duplicate-title", "two entries have the same title and year",
         "Probably the same work entered twice; entries with different DOIs, arXiv ids or first authors "
         "are not reported."),
    Rule("RK401", "missing-field", "an entry lacks a field its type requires",
         "BibTeX styles print 'empty journal in …' warnings and incomplete references. Required fields are "
         "those of BibTeX's standard styles and biblatex (see REQUIRED_FIELDS); fields inherited through "
         "crossref count."),
    Rule("RK402", "unknown-type", "the entry type is not a BibTeX or biblatex type",
         "Styles fall back to @misc or drop the entry.", severity="warning"),
    Rule("RK403", "crossref-missing", "crossref names a key that is not in the file",
         "BibTeX warns and the entry loses every inherited field."),
    Rule("RK404", "empty-field", "a field is present but empty",
         "An empty field hides a missing value from required-field checks and prints as nothing.",
         severity="warning"),
    Rule("RK405", "crossref-order", "an entry's crossref target comes before it in the file",
         "BibTeX only resolves cross-references to entries defined later, so nothing is inherited.",
         severity="warning"),
    Rule("RK501", "bad-doi", "the doi field does not hold a DOI",
         "Links built from it are broken and lookups by DOI fail."),
    Rule("RK502", "bad-arxiv", "the arXiv eprint is not an arXiv identifier",
         "Links to arxiv.org and lookups fail."),
    Rule("RK503", "bad-isbn", "an ISBN has the wrong length or checksum",
         "Usually a typo; catalogue links and lookups fail."),
    Rule("RK504", "bad-issn", "an ISSN has the wrong form or checksum",
         "Usually a typo; catalogue links and lookups fail."),
    Rule("RK505", "bad-year", "year is not a four-digit year",
         "biber rejects it, sorting by year breaks, and CSL output shows no date."),
    Rule("RK506", "bad-month", "month is not a month (jan…dec, a name or 1-12)",
         "biber rejects it and styles print it verbatim."),
    Rule("RK507", "bad-date", "date is not an ISO 8601 date or range (biblatex)",
         "biber rejects the date and the entry has no year."),
    Rule("RK508", "bad-pages", "pages is not a page, page range or list of them",
         "Styles print it verbatim and cannot abbreviate or dash ranges."),
    Rule("RK601", "page-range-dash", "a page range uses '-' or a Unicode dash instead of '--'",
         "BibTeX styles print what is written; LaTeX wants an en-dash ('--') in ranges.",
         severity="warning", fixable=True),
    Rule("RK602", "doi-prefix", "the doi field holds a resolver URL or 'doi:' prefix, or the DOI is only in a doi.org url",
         "Styles add https://doi.org/ themselves, producing doubled links.", severity="warning", fixable=True),
    Rule("RK603", "arxiv-not-in-eprint", "an arXiv id appears only in url, journal, note, howpublished or an arXiv DOI, not in eprint",
         "biblatex and CSL styles link preprints from eprint/archiveprefix; elsewhere the id is just text.",
         severity="warning", fixable=True),
    Rule("RK604", "arxiv-prefix", "eprint holds 'arXiv:' or an arxiv.org URL instead of the bare id",
         "Styles prepend 'arXiv:' themselves, producing 'arXiv:arXiv:…' and broken links.",
         severity="warning", fixable=True),
    Rule("RK605", "month-form", "month is written as a number, an abbreviation or text, not as the month's macro (jan … dec)",
         "Styles print numbers and abbreviations as written; the macros let each style spell the month its way.",
         severity="warning", fixable=True),
    Rule("RK606", "title-capitals", "acronyms, words with inner capitals or proper nouns in title are not protected with braces",
         "BibTeX styles lower-case titles: NeRF becomes 'nerf', Bayesian 'bayesian'.",
         severity="warning", fixable=True),
)}

# --------------------------------------------------------------------------- data
#: Required fields per entry type. Each requirement is a tuple of alternatives
#: (any one satisfies it). BibTeX's standard styles (btxdoc) for the classic types,
#: the biblatex manual (§2.1) for the rest; ``date`` always stands in for ``year``
#: and ``journaltitle`` for ``journal`` (biblatex's names).
_Y = ("year", "date")
_AE = ("author", "editor")
REQUIRED_FIELDS: Mapping[str, tuple[tuple[str, ...], ...]] = {
    "article": (("author",), ("title",), ("journal", "journaltitle"), _Y),
    "book": (_AE, ("title",), ("publisher",), _Y),
    "booklet": (("title",),),
    "conference": (("author",), ("title",), ("booktitle",), _Y),
    "inbook": (_AE, ("title",), ("chapter", "pages"), ("publisher",), _Y),
    "incollection": (("author",), ("title",), ("booktitle",), ("publisher",), _Y),
    "inproceedings": (("author",), ("title",), ("booktitle",), _Y),
    "manual": (("title",),),
    "mastersthesis": (("author",), ("title",), ("school", "institution"), _Y),
    "misc": (),
    "phdthesis": (("author",), ("title",), ("school", "institution"), _Y),
    "proceedings": (("title",), _Y),
    "techreport": (("author",), ("title",), ("institution", "school"), _Y),
    "unpublished": (("author",), ("title",), ("note",)),
    # biblatex
    "bookinbook": (("author",), ("title",), _Y),
    "collection": (("editor",), ("title",), _Y),
    "dataset": (_AE, ("title",), _Y),
    "inreference": (("author",), ("title",), ("booktitle",), _Y),
    "mvbook": (("author",), ("title",), _Y),
    "mvcollection": (("editor",), ("title",), _Y),
    "mvproceedings": (("title",), _Y),
    "mvreference": (("editor",), ("title",), _Y),
    "online": (_AE, ("title",), _Y, ("doi", "eprint", "url")),
    "patent": (("author",), ("title",), ("number",), _Y),
    "periodical": (("editor",), ("title",), _Y),
    "reference": (("editor",), ("title",), _Y),
    "report": (("author",), ("title",), ("institution", "school"), _Y),
    "suppbook": (("author",), ("title",), ("booktitle",), _Y),
    "suppcollection": (("author",), ("title",), ("booktitle",), _Y),
    "suppperiodical": (("author",), ("title",), ("journal", "journaltitle"), _Y),
    "thesis": (("author",), ("title",), ("institution", "school"), _Y),
}
#: Types that are known (biblatex aliases, biblatex-software, IEEEtran, JabRef) but require nothing.
_OTHER_TYPES = frozenset({
    "artwork", "audio", "bibnote", "commentary", "electronic", "image", "jurisdiction", "legal", "legislation",
    "letter", "movie", "music", "performance", "review", "set", "software", "softwareversion", "softwaremodule",
    "codefragment", "standard", "video", "www", "webpage", "xdata", "ieeetranbstctl", "preprint",
})
#: Fields a crossref parent passes to its child under another name (biblatex's defaults).
_INHERITED_AS = {"title": "booktitle", "booktitle": "booktitle"}

_MONTH_NAMES = tuple(name.lower() for name in MONTH_NAMES)
_MONTH_RE = re.compile(r"(?:([a-z]{3,})\.?|0?[1-9]|1[0-2])(?:(?:\s*~\s*|\s+)\d{1,2}(?:st|nd|rd|th)?)?", re.I)
_YEAR_RE = re.compile(r"\d{4}")
_DATE_PART = r"(?:-?\d{4}(?:-(?:0[1-9]|1[0-2]|2[1-4])(?:-(?:0[1-9]|[12]\d|3[01]))?)?[~?%]?)"
_DATE_RE = re.compile(rf"{_DATE_PART}(?:/(?:{_DATE_PART}|\.\.)?)?|\.\./{_DATE_PART}")
# a page: 12, e1002345, 041302(R), 08JE11, S12, C3-32, M-1, Cover 3, c\,3, xiv, 12+, 123:4 (article:page)
# (every token is unambiguous: a digit run is never split two ways, so no backtracking blow-up)
_PAGE = (r"(?:[A-Za-z]+(?:[ ~-]|\\,)?\d[A-Za-z\d]*(?:-\d+)?|\d[A-Za-z\d]*(?:\([A-Za-z]{1,3}\)|\+)?(?::\d+)?"
         r"|[ivxlcdmIVXLCDM]+)")
_PAGES_OK = re.compile(rf"{_PAGE}(?:--{_PAGE})?(?:\s*,\s*{_PAGE}(?:--{_PAGE})?)*")
_KEY_BAD = re.compile(r"[\s,{}\"#%~\\()=]")
_ISSN_RE = re.compile(r"\d{4}-?\d{3}[\dXx]")
#: " and " only from a blank run's first character: a run is scanned once (linear)
_LIST = re.compile(r"[;,]|(?<!\s)\s+and\s+")
_LABEL = re.compile(r"^\s*(?:isbn|issn)(?:-1[03])?:?\s*", re.I)
#: where the normalize arxiv step looks for an id (a cheap pre-test before calling it)
_ARXIV_FIELDS = ("arxiv", "arxivid", "arxiv_id", "arxiv-id")
_ARXIV_TEXT = ("journal", "url", "doi", "note", "howpublished")


# --------------------------------------------------------------------------- helpers
#: the longest value a finding quotes whole; a longer one is cut (one finding stays one line)
_QUOTE_LIMIT = 60


def _quoted(value: str) -> str:
    """``value`` quoted for a finding, on one line, cut after :data:`_QUOTE_LIMIT` characters
    with "…": a 3,000-word abstract in a doi field is named, not printed."""
    text = " ".join(value.split())
    if len(text) > _QUOTE_LIMIT:
        text = text[: _QUOTE_LIMIT - 1] + "…"
    return repr(text)


def _plain(value: str) -> str:
    """A value without braces and surrounding space (for format checks)."""
    return value.replace("{", "").replace("}", "").strip()


def _location(entry: Entry, field: str | None = None) -> Location:
    """Where ``field`` of ``entry`` is written (its line and column), else where the entry starts."""
    loc = entry.location
    if field is None or entry.origin is None or not entry.origin.text or loc.line is None:
        return loc
    text = entry.origin.text
    m = re.search(rf"(?:^|[\s,{{(]){re.escape(field)}\s*=", text, re.I)
    if not m:
        return loc
    start = m.start() if text[m.start()].lower() == field[0].lower() else m.start() + 1
    line_start = text.rfind("\n", 0, start)
    line = loc.line + text.count("\n", 0, start)
    column = start - line_start if line_start >= 0 else (loc.column or 1) + start
    return Location(loc.path, line, column)


class _Report:
    """Collects problems for one library, applying the rule selection."""

    def __init__(self, enabled: Callable[[str], bool]):
        self.enabled = enabled
        self.problems: list[Problem] = []

    def __call__(self, code: str, message: str, entry: Entry, field: str | None = None) -> None:
        if not self.enabled(code):
            return
        rule = RULES[code]
        self.problems.append(Problem(code, message, _location(entry, field), rule.severity, entry.key, rule.fixable))


def select_rules(select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> Callable[[str], bool]:
    """A predicate on codes: selected (by code or prefix, ``RK5``; all when ``select``
    is empty) and not ignored. ``ALL`` selects everything. Unknown codes are an error."""
    from .errors import ConfigError

    def clean(items: Iterable[str] | None) -> tuple[str, ...]:
        out = []
        for item in items or ():
            for part in str(item).split(","):
                part = part.strip().upper()
                if not part:
                    continue
                if part != "ALL" and not (re.fullmatch(r"RK\d{0,3}", part) and any(c.startswith(part) for c in RULES)):
                    raise ConfigError(f"unknown rule code {part!r} (codes look like RK201, prefixes like RK2)")
                out.append("" if part == "ALL" else part)
        return tuple(out)

    chosen, dropped = clean(select), clean(ignore)

    def enabled(code: str) -> bool:
        if chosen and not code.startswith(chosen):
            return False
        return not (dropped and code.startswith(dropped))

    return enabled


# --------------------------------------------------------------------------- the rules
def check(library: Library, *, select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> list[Problem]:
    """Every problem in ``library``: the reader's parse problems (RK1xx) and the
    findings of the rules in `RULES`, restricted by ``select``/``ignore``
    (codes or prefixes such as ``RK5``), sorted by location."""
    enabled = select_rules(select, ignore)
    report = _Report(enabled)
    report.problems.extend(p for p in library.problems if enabled(p.code))
    entries = library.entries
    _check_keys(entries, report)
    _check_duplicates(entries, report)
    by_key = {e.key.lower(): (i, e) for i, e in enumerate(entries)}
    for index, entry in enumerate(entries):
        _check_required(index, entry, by_key, report)
        _check_values(entry, report)
    return sorted(report.problems, key=_order)


def _order(problem: Problem) -> tuple[str, int, int, str]:
    loc = problem.location
    return (loc.path or "", loc.line or 0, loc.column or 0, problem.code)


def _check_keys(entries: Sequence[Entry], report: _Report) -> None:
    seen: dict[str, Entry] = {}
    folded: dict[str, Entry] = {}
    for entry in entries:
        key = entry.key
        if not key:
            continue  # the reader reports RK107
        first = seen.get(key)
        if first is not None:
            report("RK201", f"duplicate key {key!r} (first at {_line(first)})", entry)
        else:
            seen[key] = entry
            other = folded.get(key.lower())
            if other is not None:
                report("RK202", f"key {key!r} differs from {other.key!r} (at {_line(other)}) only by case; "
                       "BibTeX and citeproc-py treat them as the same key", entry)
            else:
                folded[key.lower()] = entry
        if "'" in key:
            report("RK203", f"key {key!r} contains an apostrophe: biber stops with a syntax error on it", entry)
        if not key.isascii():
            chars = "".join(sorted({c for c in key if not c.isascii()}))
            report("RK204", f"key {key!r} contains non-ASCII characters ({chars}): jekyll-scholar breaks on "
                   "non-ASCII keys and BibTeX's handling of them varies", entry)
        bad = sorted(set(_KEY_BAD.findall(key)))
        if bad:
            shown = " ".join(repr(c) for c in bad)
            report("RK205", f"key {key!r} contains {shown}, which LaTeX's \\cite or BibTeX reads specially", entry)


def _line(entry: Entry) -> str:
    loc = entry.location
    return f"line {loc.line}" if loc.line is not None else repr(entry.key)


def _check_duplicates(entries: Sequence[Entry], report: _Report) -> None:
    if not any(report.enabled(c) for c in ("RK301", "RK302", "RK303")):
        return
    what = {"doi": ("RK301", "the same DOI as"), "arxiv": ("RK302", "the same arXiv id and title as"),
            "title": ("RK303", "the same title and year as")}
    for dup in find_duplicates(entries):
        code, text = what[dup.reason]
        first = entries[dup.first]
        message = f"{entries[dup.index].key!r} has {text} {first.key!r} ({_line(first)})"
        if dup.conflict:
            message += " but another title: one DOI is wrong (a chapter with its book's DOI?)"
        report(code, message, entries[dup.index])


def _check_required(index: int, entry: Entry, by_key: Mapping[str, tuple[int, Entry]], report: _Report) -> None:
    fields = entry.fields
    available = {name for name, value in fields.items() if value and not value.isspace()}
    if len(available) != len(fields):
        for name, value in fields.items():
            if name not in available and name != "crossref":
                report("RK404", f"field {name!r} is empty", entry, name)
    etype = entry.type.lower()
    required = REQUIRED_FIELDS.get(etype)
    if required is None:
        if etype not in _OTHER_TYPES:
            report("RK402", f"unknown entry type @{entry.type}", entry)
        required = ()
    parent_key = fields.get("crossref", "").strip()
    if parent_key:
        found = by_key.get(_plain(parent_key).lower())
        if found is None:
            report("RK403", f"crossref {parent_key!r} is not a key in this file", entry, "crossref")
            return  # the inherited fields are unknown: do not guess which are missing
        position, parent = found
        if position < index:
            report("RK405", f"crossref {parent_key!r} is defined before this entry (at {_line(parent)}); "
                   "BibTeX only inherits from entries that come later (`refkit format --sort` moves them last)",
                   entry, "crossref")
        available.update(n for n, v in parent.fields.items() if v.strip())
        available.update(_INHERITED_AS[n] for n in parent.fields if n in _INHERITED_AS)
    for alternatives in required:
        if available.isdisjoint(alternatives):
            wanted = " or ".join(alternatives)
            report("RK401", f"@{entry.type} {entry.key!r} has no {wanted}", entry)


def _check_format(entry: Entry, report: _Report) -> Entry:
    """RK6xx: exactly what ``refkit format`` changes in this entry's content, found
    by running the formatter's own normalization steps (one source of truth) and
    asking the BibTeX writer how it will write ``month``. Returns the normalized
    entry, which the value rules (RK5xx) check: they report what is still wrong
    after formatting, so the two families never report one mistake twice.

    White space alone is layout, not content (BibTeX reads a line break in a
    value as a space): ``refkit format --check`` reports layout changes."""
    current = entry
    for name, step in fix.STEPS.items():
        new = step(current)
        if new is not current:
            if name in _STEP_RULES and content_changed(current, new):
                _STEP_RULES[name](current, new, report, entry)
            current = new
    if "month" not in current.fields:  # the writer is asked (and imported) only about a month
        return current
    from .writers.bibtex import month_macro_rewrite

    macro = month_macro_rewrite(current)  # only when no step changed the month value
    if macro is not None:
        report("RK605", f"month {_quoted(_plain(current.fields['month']))} is written as text; use the macro {macro}",
               entry, "month")
    return current


def _report_months(old: Entry, new: Entry, report: _Report, entry: Entry) -> None:
    from .dates import MACRO_OF

    value = new.fields["month"]
    form = f"the macro {MACRO_OF[value]}" if value in MACRO_OF else repr(value)
    report("RK605", f"month {_quoted(_plain(old.fields['month']))} should be {form}", entry, "month")


def _report_pages(old: Entry, new: Entry, report: _Report, entry: Entry) -> None:
    before, after = " ".join(old.fields["pages"].split()), new.fields["pages"]
    report("RK601", f"page range {_quoted(before)} should be {_quoted(after)} ('--' is an en-dash in LaTeX)", entry, "pages")


def _report_doi(old: Entry, new: Entry, report: _Report, entry: Entry) -> None:
    value, fixed = old.fields.get("doi"), new.fields["doi"]
    if value is None:
        report("RK602", f"the DOI {fixed!r} is only in url; put it in doi", entry, "url")
    else:
        report("RK602", f"doi {_quoted(value)} should be the bare DOI {fixed!r}", entry, "doi")


def _report_arxiv(old: Entry, new: Entry, report: _Report, entry: Entry) -> None:
    eprint, ident = old.fields.get("eprint"), new.fields["eprint"]
    if eprint is not None:
        report("RK604", f"eprint {_quoted(eprint)} should be the bare arXiv id {ident!r}", entry, "eprint")
        return
    fields = old.fields
    where = next((n for n, v in fields.items() if n != "eprint" and ident in v), None)
    where = where or next((n for n in _ARXIV_FIELDS if n in fields), None)
    report("RK603", f"arXiv id {ident} is written {f'in {where}' if where else 'outside eprint'}; "
           "put it in eprint (with archiveprefix = {arXiv})", entry, where)


def _report_titles(old: Entry, new: Entry, report: _Report, entry: Entry) -> None:
    before = set(_BRACED.findall(old.fields["title"]))
    added = [w for w in dict.fromkeys(_BRACED.findall(new.fields["title"])) if w not in before]
    shown = ", ".join(added[:5]) + (" …" if len(added) > 5 else "")
    report("RK606", f"title: protect {shown} from lower-casing with braces", entry, "title")


_BRACED = re.compile(r"\{[^{}]*\}")

#: normalize step -> the RK6xx rule that reports its changes (``whitespace`` is layout)
_STEP_RULES: dict[str, Callable[[Entry, Entry, _Report, Entry], None]] = {
    "months": _report_months, "pages": _report_pages, "doi": _report_doi, "arxiv": _report_arxiv,
    "titles": _report_titles,
}


def _check_values(entry: Entry, report: _Report) -> None:
    original = entry
    entry = _check_format(original, report)  # the value rules look at what format leaves
    fields = entry.fields
    _check_doi(entry, original, report)
    _check_arxiv(entry, original, report)
    for name in ("isbn", "issn"):
        value = fields.get(name)
        if value and value.strip():
            _check_numbers(original, name, value, report)
    year = fields.get("year")
    if year is not None and year.strip():
        plain = _plain(year)
        if not _YEAR_RE.fullmatch(plain):
            report("RK505", f"year {_quoted(plain)} is not a four-digit year", original, "year")
    month = fields.get("month")
    if month is not None and month.strip():
        plain = _plain(month)
        if not _is_month(plain):
            report("RK506", f"month {_quoted(plain)} is not a month (jan … dec, a month name or 1-12)", original, "month")
    for name in ("date", "urldate", "eventdate", "origdate"):
        value = fields.get(name)
        if value and value.strip() and not _DATE_RE.fullmatch(_plain(value)):
            report("RK507", f"{name} {_quoted(_plain(value))} is not an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD "
                   "or a range with '/')", original, name)
    pages = fields.get("pages")
    if pages and pages.strip():
        plain = " ".join(_plain(pages).split())
        if not _PAGES_OK.fullmatch(plain):
            report("RK508", f"pages {_quoted(plain)} is not a page, a range (12--34) or a list of them", original, "pages")


def _is_month(text: str) -> bool:
    """A month number, a month name or its abbreviation (``sept.``), optionally with a day."""
    m = _MONTH_RE.fullmatch(text)
    if m is None:
        return False
    word = (m.group(1) or "").lower()
    return not word or any(name.startswith(word) for name in _MONTH_NAMES)


def _check_doi(entry: Entry, original: Entry, report: _Report) -> None:
    """RK501 on the DOI format leaves (a resolver prefix is RK602, fixed by format)."""
    value = entry.fields.get("doi")
    if value is None or not value.strip():
        return
    if bare_doi(value) is None or len(_plain(value).split()) > 1:  # "10.1/x (print)"
        report("RK501", f"doi {_quoted(value.strip())} is not a DOI (10.<prefix>/<suffix>)", original, "doi")


def _check_arxiv(entry: Entry, original: Entry, report: _Report) -> None:
    fields = entry.fields
    eprint = fields.get("eprint")
    prefix = _plain(fields.get("archiveprefix", fields.get("eprinttype", ""))).lower()
    if eprint and prefix == "arxiv" and parse_arxiv(_plain(eprint)) is None:
        report("RK502", f"eprint {_quoted(_plain(eprint))} is not an arXiv identifier", original, "eprint")


def _check_numbers(entry: Entry, name: str, value: str, report: _Report) -> None:
    """ISBNs or ISSNs, several allowed (``;``/``,``/space separated, ``(pbk.)`` notes ignored)."""
    text = replace_delimited(_plain(value), "(", ")")  # re.sub(r"\([^)]*\)", " ", …) in one pass
    valid = is_isbn if name == "isbn" else _is_issn
    for part in _LIST.split(text):
        part = _LABEL.sub("", part.strip())
        if not part or valid(part) or all(valid(t) for t in part.split()):
            continue
        if name == "isbn":
            hint = ": it looks like an ISSN (move it to issn)" if _is_issn(part) else " (length or checksum)"
            report("RK503", f"isbn {_quoted(part)} is not a valid ISBN-10 or ISBN-13{hint}", entry, name)
        else:
            report("RK504", f"issn {_quoted(part)} is not a valid ISSN (NNNN-NNNC, checksum)", entry, name)


def _is_issn(text: str) -> bool:
    text = _LABEL.sub("", text.strip())
    if not _ISSN_RE.fullmatch(text):
        return False
    digits = text.replace("-", "").upper()
    total = sum((8 - i) * int(c) for i, c in enumerate(digits[:7]))
    check = (11 - total % 11) % 11
    return digits[7] == ("X" if check == 10 else str(check))


def _check_pages(entry: Entry, pages: str, report: _Report) -> None:
    plain = " ".join(_plain(pages).split())
    if _PAGES_OK.fullmatch(plain):
        return
    fixed = fix.pages(entry).fields.get("pages", pages)
    if fixed != pages and _PAGES_OK.fullmatch(" ".join(_plain(fixed).split())):
        report("RK601", f"page range {_quoted(plain)} should be {_quoted(fixed)} ('--' is an en-dash in LaTeX)", entry, "pages")
    else:
        report("RK508", f"pages {_quoted(plain)} is not a page, a range (12--34) or a list of them", entry, "pages")
