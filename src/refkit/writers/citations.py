"""Formatted citation lists: CSL styles through citeproc-py, BibTeX styles
through pybtex, as text, Markdown, HTML or LaTeX.

This is the only module that imports citeproc. citeproc-py is incomplete, so
refkit feeds it CSL data it built itself (:mod:`refkit.crosswalk`) and corrects
known gaps through a small adapter layer at the end of this module (each fix
names the CSL rule it implements; the installed package is never modified).

    bib = refkit.render(library, style="apa", format="markdown")
    for key, text in bib: ...      # bibliography order
    print(bib)                     # the whole list

Options for publication lists (all optional): ``sort`` (``style``, the style's
order, or ``year``: newest first, then title), ``group`` (``year`` or ``type``,
with headings), ``numbering`` (``asc`` / ``desc``), ``highlight`` (a person's
name, bold), ``markers`` (role markers from the ``author+an`` field: ``*``
equal contribution, ``†`` corresponding author), ``links`` (DOI, arXiv, PDF,
code links after each entry in Markdown and HTML).
"""

from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass, field
from typing import Any, Iterator, Sequence

from ..crosswalk import csl_type, entry_to_csl, unescape
from ..latex import escape as latex_escape
from ..errors import FormatError
from ..model import Entry, Library

__all__ = ["render", "write", "Bibliography", "FORMATS"]

FORMATS = ("text", "markdown", "html", "latex", "rtf")

#: the CSL locale used unless ``locale`` is given. refkit, like a Zotero user
#: with US-English settings, does not switch to a style's ``default-locale``
#: (Nature's en-GB) on its own; pass ``locale="en-GB"`` (``--locale``) for that.
DEFAULT_LOCALE = "en-US"


@dataclass(frozen=True)
class Bibliography:
    """A rendered bibliography: iterate ``(key, text)`` pairs in bibliography
    order; ``str()`` is the whole list in the output format."""

    items: tuple[tuple[str, str], ...]
    format: str = "text"
    text: str = ""
    style: str = ""
    headings: tuple[tuple[int, str], ...] = field(default=(), repr=False)

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: Any) -> Any:
        """``bib[0]`` is the first ``(key, text)`` pair; ``bib["key"]`` the text
        for that citation key (so ``dict(bib)`` maps keys to texts)."""
        if isinstance(index, str):
            for key, text in self.items:
                if key == index:
                    return text
            raise KeyError(index)
        return self.items[index]

    def keys(self) -> list[str]:
        """The citation keys in bibliography order."""
        return [k for k, _ in self.items]

    def __str__(self) -> str:
        return self.text


# ---------------------------------------------------------------------------------
# Output formats (citeproc-py "formatter" modules: preformat + wrapper classes)
# ---------------------------------------------------------------------------------


_TAGS = ("i", "b", "u", "sup", "sub", "sc")
_MARK_BASE = 0xE040
_MARKS = {chr(_MARK_BASE + 2 * i + side): (tag, side) for i, tag in enumerate(_TAGS) for side in (0, 1)}
_MARK_RE = re.compile("([" + "".join(_MARKS) + "])")
# punctuation doubled across a closing mark ("et al." in italics + ".")
_DOUBLED_ACROSS = re.compile("([.,;:!?])([" + "".join(m for m, (_, side) in _MARKS.items() if side) + "]+)\\1")


class _Fmt:
    """A citeproc-py formatter as an object. While citeproc-py works, data is
    left as it is (``preformat`` is the identity) and markup is private-use
    marks; :meth:`finish` then escapes the text for the output format and turns
    the marks into markup, so data can never inject markup ("R&D", "<T>")."""

    name = "text"

    def __init__(self) -> None:
        def wrapper(tag: str) -> type:
            i = _TAGS.index(tag)
            start, end = chr(_MARK_BASE + 2 * i), chr(_MARK_BASE + 2 * i + 1)
            return type("Wrap", (str,), {"__new__": lambda cls, text: str.__new__(cls, start + str(text) + end)})

        self.Italic = wrapper("i")
        self.Oblique = self.Italic
        self.Bold = wrapper("b")
        self.Light = type("Light", (str,), {})
        self.Underline = wrapper("u")
        self.Superscript = wrapper("sup")
        self.Subscript = wrapper("sub")
        self.SmallCaps = wrapper("sc")
        self._markup = self.markup()

    def markup(self) -> dict[str, tuple[str, str]]:
        return {}

    def preformat(self, text: Any) -> str:
        return str(text)

    def escape(self, text: str) -> str:
        return text

    def finish(self, text: str) -> str:
        """Escaped text with the markup of this format."""
        if not _MARK_RE.search(text):
            return self.escape(text)
        text = _DOUBLED_ACROSS.sub(r"\1\2", text)
        out = []
        for piece in _MARK_RE.split(text):
            if piece in _MARKS:
                tag, side = _MARKS[piece]
                out.append(self._markup.get(tag, ("", ""))[side])
            elif piece:
                out.append(self.escape(piece))
        return "".join(out)

    def bold(self, text: str) -> str:
        return text

    def link(self, label: str, url: str) -> str:
        return f"{label}: {url}"


class _Markdown(_Fmt):
    name = "markdown"
    # "[1]" stays as it is (no link without a definition); "](" could start one
    _SPECIAL = re.compile(r"([\\`*<>]|\](?=[(:\[])|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z]))")

    def markup(self) -> dict[str, tuple[str, str]]:
        return {"i": ("*", "*"), "b": ("**", "**"), "sup": ("<sup>", "</sup>"), "sub": ("<sub>", "</sub>"), "sc": ("", "")}

    def escape(self, text: str) -> str:
        return self._SPECIAL.sub(r"\\\1", str(text))

    def bold(self, text: str) -> str:
        return f"**{text}**"

    def link(self, label: str, url: str) -> str:
        return f"[{label}]({url.replace(')', '%29').replace(' ', '%20')})"


class _Html(_Fmt):
    name = "html"

    def markup(self) -> dict[str, tuple[str, str]]:
        return {
            "i": ("<i>", "</i>"),
            "b": ("<b>", "</b>"),
            "u": ("<u>", "</u>"),
            "sup": ("<sup>", "</sup>"),
            "sub": ("<sub>", "</sub>"),
            "sc": ('<span style="font-variant:small-caps;">', "</span>"),
        }

    def escape(self, text: str) -> str:
        return _html.escape(str(text), quote=False)

    def bold(self, text: str) -> str:
        return f"<b>{text}</b>"

    def link(self, label: str, url: str) -> str:
        return f'<a href="{_html.escape(url)}">{_html.escape(label)}</a>'


class _Latex(_Fmt):
    name = "latex"

    def markup(self) -> dict[str, tuple[str, str]]:
        return {
            "i": ("\\textit{", "}"),
            "b": ("\\textbf{", "}"),
            "u": ("\\underline{", "}"),
            "sup": ("\\textsuperscript{", "}"),
            "sub": ("\\textsubscript{", "}"),
            "sc": ("\\textsc{", "}"),
        }

    def escape(self, text: str) -> str:
        return latex_escape(str(text), keep_space=True)

    def bold(self, text: str) -> str:
        return f"\\textbf{{{text}}}"

    def link(self, label: str, url: str) -> str:
        return f"\\href{{{self.escape(url)}}}{{{label}}}"


class _Rtf(_Fmt):
    name = "rtf"

    def markup(self) -> dict[str, tuple[str, str]]:
        return {"i": ("{\\i ", "}"), "b": ("{\\b ", "}"), "u": ("{\\ul ", "}"), "sup": ("{\\super ", "}"), "sub": ("{\\sub ", "}"), "sc": ("{\\scaps ", "}")}

    def escape(self, text: str) -> str:
        out = []
        for ch in str(text):
            if ch in "\\{}":
                out.append("\\" + ch)
            elif ord(ch) > 127:
                code = ord(ch)
                if code > 0xFFFF:
                    out.append("?")
                else:
                    out.append(f"\\u{code if code < 32768 else code - 65536}?")
            else:
                out.append(ch)
        return "".join(out)

    def bold(self, text: str) -> str:
        return "{\\b " + text + "}"


_FORMATTERS: dict[str, type[_Fmt]] = {"text": _Fmt, "markdown": _Markdown, "html": _Html, "latex": _Latex, "rtf": _Rtf}


def _formatter(fmt: str) -> _Fmt:
    cls = _FORMATTERS.get(fmt)
    if cls is None:
        raise FormatError(f"unknown citation output format {fmt!r} (known: {', '.join(FORMATS)})")
    return cls()


# ---------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------


def render(
    library: Library | Sequence[Entry],
    style: str = "apa",
    format: str = "text",
    *,
    locale: str | None = None,
    sort: str = "style",
    group: str | None = None,
    numbering: str | None = None,
    highlight: str | Sequence[str] | None = None,
    markers: bool = True,
    links: bool = False,
    **options: Any,
) -> Bibliography:
    """Render ``library`` in ``style`` (a bundled name, an official CSL style
    name, a path to a .csl file, or ``bibtex:plain``/``unsrt``/``alpha``/``abbrv``)
    as ``format`` (``text``, ``markdown``, ``html``, ``latex``, ``rtf``).

    Entries the style cannot fully render (missing fields) still appear, with
    the style's fallbacks ("n.d."). Bad styles raise :class:`FormatError`.
    """
    from ..styles import find_style

    if options:
        unknown = ", ".join(sorted(options))
        raise FormatError(f"unknown render option(s): {unknown}")
    entries = list(library.entries if isinstance(library, Library) else library)
    fmt = _formatter(format)
    ref = find_style(style)
    if sort not in ("style", "year", "none"):
        raise FormatError(f"unknown sort {sort!r} (use style, year or none)")
    if group not in (None, "", "none", "year", "type"):
        raise FormatError(f"unknown grouping {group!r} (use year or type)")
    if numbering not in (None, "", "none", "asc", "desc"):
        raise FormatError(f"unknown numbering {numbering!r} (use asc or desc)")
    prepared = entries
    if ref.kind == "bibtex":
        pairs = _render_bibtex(prepared, ref.name, fmt)
    else:
        # a numeric style's own "[n]" only makes sense in the style's order
        relabel = bool(numbering in ("asc", "desc") or sort != "style" or group in ("year", "type"))
        pairs = _render_csl(prepared, ref.path, fmt, locale or DEFAULT_LOCALE, drop_number=relabel)
    by_key = {e.key: e for e in prepared}
    # refkit keys are the entries' keys; duplicates keep their order
    items = list(pairs)
    if highlight:
        items = [(k, _highlight(t, highlight, fmt, by_key.get(k))) for k, t in items]
    if markers:
        items = [(k, _add_markers(t, by_key.get(k), fmt)) for k, t in items]
    if links and fmt.name in ("markdown", "html", "latex"):
        items = [(k, _add_links(t, by_key.get(k), fmt)) for k, t in items]
    if sort == "year":
        items = _sort_by_year(items, by_key)
    sections = _group(items, by_key, group)
    text = _assemble(sections, fmt, numbering)
    return Bibliography(tuple(it for _, sect in sections for it in sect), fmt.name, text, style)


def write(library: Library, *, style: str = "apa", format: str = "text", **options: Any) -> str:
    """The writer-registry entry point: the whole list as text."""
    return str(render(library, style=style, format=format, **options))


# ---------------------------------------------------------------------------------
# Publication-list options
# ---------------------------------------------------------------------------------

_MARK_ROLES = {"equal": "*", "corresponding": "†", "co-first": "*", "cofirst": "*", "first": ""}


def _role_marks(entry: Entry | None) -> dict[int, str]:
    """Position (1-based) -> marker from the biblatex annotation ``author+an``
    (``1=equal; 3=corresponding``)."""
    if entry is None:
        return {}
    value = entry.fields.get("author+an", "")
    out: dict[int, str] = {}
    for part in re.split(r"[;,]", value):
        m = re.match(r"\s*(\d+)\s*(?::\w+)?\s*=\s*\"?([^\"]*)\"?\s*$", part)
        if not m:
            continue
        marks = ""
        for role in re.split(r"[\s+]+", m.group(2).strip().lower()):
            mark = _MARK_ROLES.get(role, "")
            if role in ("*", "†", "‡"):
                mark = role
            if mark and mark not in marks:
                marks += mark
        if marks:
            out[int(m.group(1))] = out.get(int(m.group(1)), "") + marks
    return out


def _name_variants(entry: Entry | None, index: int) -> list[str]:
    """Ways a style may print the ``index``-th (1-based) author."""
    if entry is None:
        return []
    names = entry.names("author")
    if index > len(names):
        return []
    n = names[index - 1]
    if n.literal:
        return [unescape(n.literal)]
    return _variants(unescape(n.given), unescape(n.family), unescape(n.particle), unescape(n.suffix))


def _variants(given: str, family: str, particle: str = "", suffix: str = "") -> list[str]:
    fam = " ".join(p for p in (particle, family) if p)
    words = [w for w in re.split(r"[\s]+", given) if w]
    initials_dot = " ".join(_initial(w) for w in words)
    initials_nodot = "".join(_initial(w).replace(".", "") for w in words)
    initials_dot_tight = "".join(_initial(w) for w in words)
    out = []
    for g in dict.fromkeys([given, initials_dot, initials_dot_tight, initials_nodot]):
        if not g:
            continue
        out += [f"{g} {fam}", f"{fam}, {g}", f"{fam} {g}", f"{family}, {g} {particle}".strip()]
    out.append(fam)
    return sorted(dict.fromkeys(o for o in out if o.strip()), key=len, reverse=True)


def _initial(word: str) -> str:
    return "-".join(p[:1] + "." for p in word.split("-") if p)


def _highlight(text: str, who: str | Sequence[str], fmt: _Fmt, entry: Entry | None) -> str:
    people = [who] if isinstance(who, str) else list(who)
    for person in people:
        from ..names import parse_name

        name = parse_name(person)
        variants = _variants(name.given, name.family, name.particle, name.suffix) if not name.literal else [name.literal]
        variants = [fmt.escape(v) for v in variants if " " in v or "," in v]
        for variant in variants:
            pattern = re.compile(r"(?<![\w*])" + re.escape(variant) + r"(?![\w])")
            if pattern.search(text):
                text = pattern.sub(lambda m: fmt.bold(m.group(0)), text)
                break
    return text


def _add_markers(text: str, entry: Entry | None, fmt: _Fmt) -> str:
    marks = _role_marks(entry)
    if not marks:
        return text
    pos = 0
    for index in sorted(marks):
        mark = marks[index]
        if fmt.name == "latex":
            mark = mark.replace("†", "\\textsuperscript{\\dag}").replace("*", "\\textsuperscript{*}")
        elif fmt.name == "markdown":
            mark = mark.replace("*", "\\*")
        for variant in [fmt.escape(v) for v in _name_variants(entry, index)]:
            m = re.compile(r"(?:\*\*|<b>|\\textbf\{)?" + re.escape(variant) + r"(?:\*\*|</b>|\})?(?!\w)").search(text, pos)
            if m:
                text = text[: m.end()] + mark + text[m.end():]
                pos = m.end() + len(mark)
                break
    return text


def _add_links(text: str, entry: Entry | None, fmt: _Fmt) -> str:
    if entry is None:
        return text
    links: list[tuple[str, str]] = []
    doi = entry.get("doi")
    if doi:
        links.append(("DOI", "https://doi.org/" + unescape(doi).strip()))
    if entry.arxiv:
        links.append(("arXiv", "https://arxiv.org/abs/" + entry.arxiv))
    for label, names in (("PDF", ("pdf", "file")), ("Code", ("code", "github", "repository")), ("Website", ("website", "project", "html")), ("Video", ("video",)), ("Slides", ("slides",)), ("Poster", ("poster",))):
        for name in names:
            value = entry.get(name)
            if value and re.match(r"https?://", unescape(value).strip()):
                links.append((label, unescape(value).strip()))
                break
    if not links:
        return text
    sep = " | " if fmt.name != "latex" else " \\textbar{} "
    return text + " " + sep.join(fmt.link(label, url) for label, url in links)


def _year_of(entry: Entry | None) -> int:
    return (entry.date.year or 0) if entry is not None else 0


def _sort_by_year(items: list[tuple[str, str]], by_key: dict[str, Entry]) -> list[tuple[str, str]]:
    def title(k: str) -> str:
        e = by_key.get(k)
        return unescape(e.get("title", "") or "").casefold() if e else ""

    return sorted(items, key=lambda kt: (-_year_of(by_key.get(kt[0])), title(kt[0])))


_TYPE_HEADINGS = (
    ("article-journal", "Journal Articles"),
    ("paper-conference", "Conference Papers"),
    ("article", "Preprints"),
    ("chapter", "Book Chapters"),
    ("book", "Books"),
    ("thesis", "Theses"),
    ("report", "Reports"),
    ("patent", "Patents"),
)


def _group(items: list[tuple[str, str]], by_key: dict[str, Entry], group: str | None) -> list[tuple[str, list[tuple[str, str]]]]:
    if group not in ("year", "type"):
        return [("", items)]
    buckets: dict[str, list[tuple[str, str]]] = {}
    for k, t in items:
        e = by_key.get(k)
        if group == "year":
            y = _year_of(e)
            head = str(y) if y else "Undated"
        else:
            ct = csl_type(e) if e else "document"
            head = dict(_TYPE_HEADINGS).get(ct, "Other")
        buckets.setdefault(head, []).append((k, t))
    if group == "year":
        order = sorted(buckets, key=lambda h: -int(h) if h.isdigit() else 1)
    else:
        names = [h for _, h in _TYPE_HEADINGS] + ["Other"]
        order = sorted(buckets, key=names.index)
    return [(h, buckets[h]) for h in order]


def _assemble(sections: list[tuple[str, list[tuple[str, str]]]], fmt: _Fmt, numbering: str | None) -> str:
    total = sum(len(s) for _, s in sections)
    n = 0
    out: list[str] = []
    grouped = len(sections) > 1 or bool(sections and sections[0][0])
    if fmt.name == "html":
        out.append('<div class="csl-bib-body">')
    elif fmt.name == "rtf":
        out.append("{\\rtf1\\ansi\\deff0")
    for heading, items in sections:
        if grouped and heading:
            if fmt.name == "markdown":
                out.append(f"## {heading}\n")
            elif fmt.name == "html":
                out.append(f"<h2>{_html.escape(heading)}</h2>")
            elif fmt.name == "latex":
                out.append(f"\\subsection*{{{heading}}}\n")
            elif fmt.name == "rtf":
                out.append("{\\b " + heading + "}\\par")
            else:
                out.append(f"{heading}\n")
        for key, text in items:
            n += 1
            number = (n if numbering == "asc" else total - n + 1) if numbering in ("asc", "desc") else None
            if fmt.name == "html":
                label = f'<span class="csl-left-margin">{number}.</span> ' if number is not None else ""
                out.append(f'  <div class="csl-entry" id="{_html.escape(key)}">{label}{text}</div>')
            elif fmt.name == "markdown":
                out.append((f"{number}. " if number is not None else "") + text + "\n")
            elif fmt.name == "latex":
                out.append((f"{number}. " if number is not None else "") + text + "\n")
            elif fmt.name == "rtf":
                out.append((f"{number}. " if number is not None else "") + text + "\\par")
            else:
                out.append((f"{number}. " if number is not None else "") + text)
        if fmt.name == "text" and grouped:
            out.append("")
    if fmt.name == "html":
        out.append("</div>")
    elif fmt.name == "rtf":
        out.append("}")
    text = "\n".join(out).rstrip("\n") + "\n"
    return text if total or grouped else ""


# ---------------------------------------------------------------------------------
# CSL through citeproc-py
# ---------------------------------------------------------------------------------

_CSL_NS = "{http://purl.org/net/xbiblio/csl}"
_LOCK = __import__("threading").RLock()
_STYLE_CACHE: dict[tuple[str, float, str], Any] = {}


def _load_style(path: str, locale: str | None) -> Any:
    """The parsed citeproc-py style for ``path`` (cached per file version and locale)."""
    import os

    try:
        mtime = os.stat(path).st_mtime
    except OSError as exc:
        raise FormatError(f"{path}: cannot read style: {exc.strerror}") from None
    key = (path, mtime, locale or "")
    style = _STYLE_CACHE.get(key)
    if style is not None:
        return style
    from lxml import etree

    _install_fixes()
    from citeproc import CitationStylesStyle

    try:
        head = etree.parse(path).getroot()
    except (etree.XMLSyntaxError, OSError) as exc:
        raise FormatError(f"{path}: not a valid CSL style (not well-formed XML: {exc})") from None
    if head.tag != _CSL_NS + "style":
        raise FormatError(f"{path}: not a valid CSL style (the root element is <{etree.QName(head).localname}>, not a CSL <style>)")
    if head.find(_CSL_NS + "bibliography") is None:
        parent = head.find(f"{_CSL_NS}info/{_CSL_NS}link[@rel='independent-parent']")
        if parent is not None:
            # a dependent style (a journal using a parent's format): render with the parent
            from ..styles import find_style

            name = parent.get("href", "").rstrip("/").rsplit("/", 1)[-1]
            try:
                parent_ref = find_style(name)
            except FormatError:
                raise FormatError(f"{path}: a dependent CSL style whose parent {name!r} is not available") from None
            if parent_ref.path == path:
                raise FormatError(f"{path}: a dependent CSL style that names itself as its parent")
            style = _load_style(parent_ref.path, locale)
            _STYLE_CACHE[key] = style
            return style
        raise FormatError(f"{path}: this CSL style defines no bibliography")
    if locale:
        from citeproc import LANGUAGE_NAMES, PRIMARY_DIALECTS

        if locale not in LANGUAGE_NAMES and locale.split("-")[0] not in PRIMARY_DIALECTS:
            import difflib

            close = difflib.get_close_matches(locale, list(LANGUAGE_NAMES), n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise FormatError(f"unknown CSL locale {locale!r}{hint}")
    try:
        style = CitationStylesStyle(path, locale=locale, validate=False)
    except (ValueError, KeyError, etree.LxmlError) as exc:
        raise FormatError(f"{path}: cannot use this CSL style: {exc}") from None
    _STYLE_CACHE[key] = style
    return style


def _render_csl(entries: list[Entry], path: str, fmt: _Fmt, locale: str | None, drop_number: bool = False) -> list[tuple[str, str]]:
    """(key, text) pairs in the style's bibliography order."""
    with _LOCK:  # cached styles and the fixes' state are shared: one render at a time
        return _render_csl_locked(entries, path, fmt, locale, drop_number)


def _render_csl_locked(entries: list[Entry], path: str, fmt: _Fmt, locale: str | None, drop_number: bool) -> list[tuple[str, str]]:
    from citeproc import Citation, CitationItem, CitationStylesBibliography

    style = _load_style(path, locale)
    _SAS["language"] = (locale or DEFAULT_LOCALE)[:2].lower()
    # citeproc-py lower-cases keys, so it sees synthetic ids that cannot collide
    ids = [f"r{i}" for i in range(len(entries))]
    delimiter = _SAS["range"] = _range_delimiter(style)
    source = _Source([entry_to_csl(e, key=i) for e, i in zip(entries, ids)], delimiter)
    bib = CitationStylesBibliography(style, source, fmt)
    for i in ids:
        bib.register(Citation([CitationItem(i)]))
    bib.sort()
    _SAS["previous"] = None
    citation = style.root.citation
    if citation is not None and citation.get("disambiguate-add-year-suffix", "false") == "true":
        _add_year_suffixes(bib.items)
    layout = style.root.bibliography.layout
    out = []
    for item in bib.items:
        text = _render_item(layout, item, drop_number)
        out.append((entries[int(item.key[1:])].key, text))
    return out


def _render_item(layout: Any, item: Any, drop_number: bool = False) -> str:
    """One bibliography entry as text (whitespace collapsed)."""
    from citeproc import model

    layout.repressed = {}
    bibliography = layout.getparent()
    flush = bibliography.get("second-field-align") in ("flush", "margin")
    substitute = bibliography.get("subsequent-author-substitute")
    _SAS["armed"] = substitute is not None
    _SAS["substitute"] = substitute or ""
    parts: list[Any] = []
    children = list(layout.iterchildren())
    if drop_number and children and children[0].get("variable") == "citation-number":
        children = children[1:]  # the caller numbers (or reorders) the list itself
        flush = False
    try:
        for child in children:
            try:
                text = child.render(item, delimiter="") if isinstance(child, model.Choose) else child.render(item)
            except model.VariableError:
                continue
            if text is not None:
                parts.append(text)
    except Exception as exc:  # a citeproc-py bug on odd data must never be a traceback
        _LAST_ERRORS.append(f"{item.key}: {type(exc).__name__}: {exc}")
        _SAS["armed"] = False
        title = dict.get(item.reference, "title")
        return layout.get_formatter().finish(" ".join(str(title or "").split()))
    _SAS["armed"] = False
    if not parts:
        return ""
    if flush and len(parts) > 1:
        # CSL 1.0.2 "second-field-align": the first field ("[1]") is set apart
        # from the rest; in plain output that is one space (as citeproc-js does)
        rest = model.join(parts[1:], "")
        body = model.join([parts[0], rest], "" if str(rest)[:1].isspace() else " ")
    else:
        body = model.join(parts, "")
    text = " ".join(str(layout.format(layout.wrap(body))).split())
    text = _finish_quotes(text, _punctuation_in_quote(layout), layout)
    return layout.get_formatter().finish(text)


# Quotes are marked while citeproc-py works and resolved at the end: data quotes
# (“ ” in a title) and style quotes (quotes="true") become nested quotes
# properly, and punctuation moves only at the seams the style created.
_DATA_OPEN, _DATA_CLOSE, _BLOCK = "\ue010", "\ue011", "\ue012"
_STYLE_OPEN, _STYLE_CLOSE = "\ue020", "\ue021"
_CLOSERS = re.compile("([.?!]?)([" + _DATA_CLOSE + _STYLE_CLOSE + "]+)([.,]?)")
_DOUBLED = re.compile(r"([?!])\.(?=\s|$)")


def _mark_data_quotes(text: str) -> str:
    if "“" not in text and "”" not in text:
        return text
    text = text.replace("“", _DATA_OPEN).replace("”", _DATA_CLOSE)
    # punctuation inside the data itself is not a seam: it never moves
    return re.sub("(" + _DATA_CLOSE + ")(?=[.,])", "\\1" + _BLOCK, text)


def _finish_quotes(text: str, piq: bool, layout: Any) -> str:
    """CSL 1.0.2 "Quotes" and the locale option ``punctuation-in-quote``: quotes
    inside quotes become inner quotes (“Erratum: ‘The Diffusion…’”); with the
    option, a period or comma after a closing quote moves inside it, and a
    quote ending in "?" or "!" absorbs a following period. Outside quotes a
    period after "?"/"!" is dropped ("optimal? Proceedings")."""
    if _DATA_CLOSE in text or _STYLE_CLOSE in text:
        if piq:
            def move(m: re.Match[str]) -> str:
                before, closers, punct = m.group(1), m.group(2), m.group(3)
                if not punct:
                    return m.group(0)
                if before:
                    # “Why?” absorbs a period; a comma still moves in: “Why?,”
                    return before + closers if punct == "." else before + punct + closers
                return punct + closers

            text = _CLOSERS.sub(move, text)
        else:
            text = re.sub("([?!])([" + _DATA_CLOSE + _STYLE_CLOSE + "]+)\\.", "\\1\\2", text)
        outer = (_term(layout, "open-quote", "“"), _term(layout, "close-quote", "”"))
        inner = (_term(layout, "open-inner-quote", "‘"), _term(layout, "close-inner-quote", "’"))
        out = []
        depth = 0
        for ch in text:
            if ch in (_DATA_OPEN, _STYLE_OPEN):
                out.append((outer if depth % 2 == 0 else inner)[0])
                depth += 1
            elif ch in (_DATA_CLOSE, _STYLE_CLOSE):
                depth = max(depth - 1, 0)
                out.append((outer if depth % 2 == 0 else inner)[1])
            elif ch != _BLOCK:
                out.append(ch)
        text = "".join(out)
    elif _BLOCK in text:
        text = text.replace(_BLOCK, "")
    return _DOUBLED.sub(r"\1", text)


def _term(layout: Any, name: str, default: str) -> str:
    try:
        return str(layout.get_single_term(name)) or default
    except Exception:
        return default


def _punctuation_in_quote(layout: Any) -> bool:
    cached = getattr(layout, "_refkit_piq", None)
    if cached is None:
        try:
            cached = str(layout.get_locale_option("punctuation-in-quote")).lower() == "true"
        except Exception:
            cached = False
        try:
            layout._refkit_piq = cached
        except AttributeError:
            pass
    return bool(cached)


_LAST_ERRORS: list[str] = []


def _range_delimiter(style: Any) -> str:
    """The locale term ``page-range-delimiter`` (in-style locales first), else an en dash."""
    for locale in style.root.locales:
        for term in locale.iter(_CSL_NS + "term"):
            if term.get("name") == "page-range-delimiter" and term.text:
                return str(term.text)
    return "–"


def _Source(items: list[dict[str, Any]], range_delimiter: str = "–") -> Any:
    """A citeproc-py bibliography source for refkit-built CSL items."""
    from citeproc.source import BibliographySource, Reference
    from citeproc.source.json import CiteProcJSON
    from citeproc import VARIABLES

    allowed = set(VARIABLES)
    source = BibliographySource()
    parser = CiteProcJSON([])
    for item in items:
        data: dict[str, Any] = {}
        for key, value in item.items():
            name = key.replace("-", "_")
            if name in ("id", "type") or name not in allowed:
                continue
            if name in ("author", "editor", "translator", "container_author", "collection_editor", "composer", "interviewer", "original_author", "recipient", "illustrator", "editorial_director"):
                data[name] = parser.parse_names(value)
            elif name in ("accessed", "container", "event_date", "issued", "original_date", "submitted"):
                date = parser.parse_date(value)
                if date is not None:
                    data[name] = date
            elif isinstance(value, (list, dict)):
                continue
            else:
                text = _mark_data_quotes(_strip_tags(str(value)))
                if name in ("issue", "volume") and _NUM_RANGE.match(text):
                    # CSL 1.0.2 "Number": a numeric range is printed with the
                    # locale's range delimiter (an en dash; AMA's is a hyphen)
                    text = _NUM_RANGE.sub(lambda m: m.group(1) + range_delimiter + m.group(2), text)
                elif name == "page" and text.strip() and not text.strip(" -–—"):
                    text = ""  # a page of only dashes is no page (citeproc-js prints none)
                data[name] = parser.parse_string(text)
        source.add(Reference(item["id"], item["type"], **data))
    return source


_NUM_RANGE = re.compile(r"^\s*(\d+)\s*[-‐‑]\s*(\d+)\s*$")


def _strip_tags(text: str) -> str:
    if "<" not in text:
        return text
    text = re.sub(r"</?(?:i|b|em|strong|sup|sub)>", "", text)
    text = re.sub(r'<span style="[^"]*">(.*?)</span>', r"\1", text)
    return text


# ---------------------------------------------------------------------------------
# BibTeX styles through pybtex
# ---------------------------------------------------------------------------------


_PYBTEX_BACKENDS = {"text": "text", "markdown": "markdown", "html": "html", "latex": "latex", "rtf": "text"}


def _pybtex_value(value: str) -> str:
    """A field value pybtex's LaTeX reader understands: accents decoded to
    Unicode, font commands reduced to their (protected) argument, braces kept."""
    import codecs

    import latexcodec  # noqa: F401  (registers the codec; a pybtex dependency)

    value = re.sub(r"\\(?:textit|emph|textbf|textsc|textrm|textsf|texttt|mathrm)\s*(?=\{)", "", value)
    if "\\" not in value and "~" not in value and "--" not in value:
        return value
    try:
        return str(codecs.decode(value, "ulatex"))  # type: ignore[call-overload]
    except Exception:
        return value


def _render_bibtex(entries: list[Entry], name: str, fmt: _Fmt) -> list[tuple[str, str]]:
    """(key, text) pairs formatted by pybtex's port of a classic .bst style."""
    import pybtex.errors
    from pybtex.database import BibliographyData
    from pybtex.database import Entry as PybtexEntry
    from pybtex.database import Person
    from pybtex.plugin import find_plugin

    pybtex.errors.set_strict_mode(False)  # process-global in pybtex: set it explicitly
    data = BibliographyData()
    # pybtex compares keys case-insensitively: keys that would collide get a
    # unique stand-in (alpha labels fall back to the key, so keep real ones)
    counts: dict[str, int] = {}
    for entry in entries:
        counts[entry.key.lower()] = counts.get(entry.key.lower(), 0) + 1
    ids = [e.key if counts[e.key.lower()] == 1 and e.key else f"r{i}\u2063" for i, e in enumerate(entries)]
    back = {pid: i for i, pid in enumerate(ids)}
    for i, entry in enumerate(entries):
        fields = {}
        persons: dict[str, list[Any]] = {}
        for field_name, value in entry.fields.items():
            if field_name in ("author", "editor"):
                persons[field_name] = [Person(_pybtex_value(n.bibtex())) if not n.is_others else Person("others") for n in entry.names(field_name)]
            elif "+" not in field_name:
                fields[field_name] = _pybtex_value(value)
        etype = entry.type if entry.type in _PYBTEX_TYPES else "misc"
        data.add_entry(ids[i], PybtexEntry(etype, fields=fields, persons=persons))
    options = {"abbreviate_names": True} if name == "abbrv" else {}
    style_name = "plain" if name == "abbrv" else name
    style = find_plugin("pybtex.style.formatting", style_name)(**options)
    backend = find_plugin("pybtex.backends", _PYBTEX_BACKENDS[fmt.name])()
    plain_entries = list(data.entries.values())
    try:
        ordered = style.sort(plain_entries)
        labels = list(style.format_labels(ordered))
    except Exception as exc:  # pybtex raises plain exceptions on odd data
        raise FormatError(f"bibtex:{name}: cannot sort this bibliography: {exc}") from None
    out = []
    for label_text, pentry in zip(labels, ordered):
        try:
            rich = style.format_entry(label_text, pentry).text
        except Exception:
            # a field the .bst template requires is missing (an @inproceedings
            # without booktitle …): format it as @misc, which requires nothing
            fallback = PybtexEntry("misc", fields=pentry.fields, persons=pentry.persons)
            fallback.key = pentry.key
            try:
                rich = style.format_entry(label_text, fallback).text
            except Exception:
                from pybtex.richtext import Text

                rich = Text(pentry.fields.get("title", pentry.key))
        text = " ".join(rich.render(backend).split())
        label = f"[{label_text}]"
        if fmt.name == "rtf":
            text = fmt.escape(text)
        elif fmt.name == "markdown":
            label = "\\[" + str(label_text) + "\\]"
        out.append((entries[back[pentry.key]].key, f"{label} {text}"))
    return out


_PYBTEX_TYPES = {
    "article", "book", "booklet", "inbook", "incollection", "inproceedings", "manual",
    "mastersthesis", "misc", "phdthesis", "proceedings", "techreport", "unpublished",
}


# ---------------------------------------------------------------------------------
# The adapter layer: fixes for citeproc-py gaps
# ---------------------------------------------------------------------------------

_FIXED = False


def _install_fixes() -> None:
    """Wrap citeproc-py's element classes once (idempotent). Each fix below
    names the CSL rule it implements and has a test in tests/writers/test_citations.py."""
    global _FIXED
    if _FIXED:
        return
    _FIXED = True
    from citeproc import model

    _speed_up(model)
    _fix_title_case_language(model)
    _fix_substitute_suppression(model)
    _fix_substitute_choose(model)
    _fix_initialize(model)
    _fix_sort(model)
    _fix_group_suppression(model)
    _fix_trailing_literal_name(model)
    _fix_page_ranges(model)
    _fix_quotes(model)
    _fix_is_numeric(model)
    _fix_subsequent_author_substitute(model)
    _fix_date_ranges(model)


def _fix_title_case_language(model: Any) -> None:
    """CSL 1.0.2 "Text-case": title case applies to English items, and an item
    with no ``language`` is taken to be in the style's language (English for
    every bundled style). citeproc-py skipped title case (``text-case="title"``
    on titles and on labels, "(Eds.)") whenever an item had no language.
    Title case itself follows the spec: lower-case words are capitalized
    except stop words (unless first or after a colon); words with capitals
    and all-caps strings are kept; parts after hyphens, dashes, slashes and
    opening brackets count as words ("Multi-Objective", "(Second Report)")."""
    original = model.TextCased.case
    NoCase = __import__("citeproc.string", fromlist=["NoCase"]).NoCase
    MixedString = __import__("citeproc.string", fromlist=["MixedString"]).MixedString

    def case(self: Any, text: Any, language: str | None = None) -> Any:
        if not language:
            language = _SAS.get("language", "en")  # the item's language is the render's
        text_case = self.get("text-case")
        if text_case == "title" and text is not None:
            if language != "en":
                return text
            return _title_case(text, NoCase, MixedString)
        return original(self, text, language)

    model.TextCased.case = case


#: lower-case words title case leaves alone (CSL's list plus the one-word
#: prepositions and particles citeproc-js also keeps: "Journal de Physique")
_STOP_WORDS = frozenset(
    "a an and as at but by down for from in into nor of on onto or over so the till to up via with yet "
    "about across after against al along amid among amongst apud around atop before behind below beneath "
    "beside besides between beyond ca circa d' de despite during et except given "
    "inside lest like near next off out per plus pro qua sans since than through throughout toward towards "
    "under underneath until unto upon van versus via vis-à-vis von vs within without y".split()
)
_TOKEN = re.compile(r"(?<![\w'’\\])([^\W\d_]+(?:['’][^\W\d_]+)*)")


def _title_case(text: Any, NoCase: Any, MixedString: Any) -> Any:
    segments = list(text) if isinstance(text, MixedString) else [text]
    plain = "".join(str(s) for s in segments if not isinstance(s, NoCase))
    if plain and plain.upper() == plain:
        return text  # an all-caps string is left as it is
    out = []
    state: dict[str, bool] = {"first": True, "last_segment": True}

    def one(segment: str) -> str:
        def repl(m: re.Match[str]) -> str:
            word = m.group(1)
            before = segment[: m.start()].rstrip()
            first = state["first"] and not before or (before[-1:] in (":", "?", "!", "—") if before else state["first"])
            state["first"] = False
            if word.lower() != word:
                return word
            last = not _TOKEN.search(segment, m.end()) and state["last_segment"]
            if not first:
                if len(word) == 1:
                    return word  # "Physica Status Solidi (b)", "Part i", "e-Dominance"
                if re.match(r"[dl]['’]", word):
                    return word  # elided French articles: "d’interprétation", "l’argent"
                if word in _STOP_WORDS and not last:
                    return word  # a stop word ending the title is capitalized ("Series On")
            return word[:1].upper() + word[1:]

        return _TOKEN.sub(repl, segment)

    plain_segments = [i for i, seg in enumerate(segments) if not isinstance(seg, NoCase)]
    for i, seg in enumerate(segments):
        state["last_segment"] = bool(plain_segments) and i == plain_segments[-1]
        if isinstance(seg, NoCase):
            out.append(seg)
            if str(seg).strip():
                state["first"] = False
            continue
        out.append(type(seg)(one(str(seg))) if isinstance(seg, str) else seg)
    return MixedString(out) if isinstance(text, MixedString) else out[0]


def _fix_substitute_suppression(model: Any) -> None:
    """CSL 1.0.2 "Substitute": a variable rendered through ``cs:substitute`` is
    suppressed in the rest of the output (APA's editors standing in for authors
    are not repeated after the title). citeproc-py suppressed ``cs:text``
    variables only, not ``cs:names``."""
    original = model.Names.process

    def process(self: Any, item: Any, names_context: Any = None, context: Any = None, **kwargs: Any) -> Any:
        layout = (context if context is not None else self).get_layout()
        repressed = {v for vs in getattr(layout, "repressed", {}).get(self.tag, ()) if vs for v in vs.split()}
        if repressed:
            roles = [r for r in self.get("variable", "").split() if r not in repressed]
            if not roles:
                raise model.VariableError
            if len(roles) != len(self.get("variable", "").split()):
                saved = self.get("variable")
                self.set("variable", " ".join(roles))
                try:
                    return original(self, item, names_context=names_context, context=context, **kwargs)
                finally:
                    self.set("variable", saved)
        return original(self, item, names_context=names_context, context=context, **kwargs)

    model.Names.process = process


def _condition(model: Any, branch: Any, item: Any, context: Any) -> bool:
    """Whether a ``cs:if``/``cs:else-if`` branch matches (as citeproc-py's If.render tests)."""
    if isinstance(branch, model.Else):
        return True
    results: list[bool] = []
    if "type" in branch.attrib:
        results += branch._type(item)
    if "variable" in branch.attrib:
        results += branch._variable(item)
    if "is-numeric" in branch.attrib:
        results += branch._is_numeric(item)
    if "is-uncertain-date" in branch.attrib:
        results += branch._is_uncertain_date(item)
    if "locator" in branch.attrib:
        results += branch._locator(item)
    if "position" in branch.attrib:
        results += branch._position(item, context)
    match = branch.get("match")
    if match == "any":
        return any(results)
    if match == "none":
        return not any(results)
    return all(results)


def _fix_substitute_choose(model: Any) -> None:
    """CSL 1.0.2 "Substitute": the first non-empty child of ``cs:substitute``
    replaces the names, and a shorthand ``cs:names`` there inherits the
    ``cs:name``, ``cs:et-al`` and ``cs:label`` of the original ``cs:names``.
    Styles wrap candidates in ``cs:choose`` (Chicago, MLA); citeproc-py rendered
    those with default name options and repeated the substituted editors."""

    def candidates(elem: Any, item: Any, context: Any) -> Iterator[Any]:
        for child in elem.iterchildren():
            if isinstance(child, model.Choose):
                for branch in child.iterchildren():
                    if _condition(model, branch, item, context):
                        yield from candidates(branch, item, context)
                        break
            else:
                yield child

    def render(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
        names = self.getparent()
        for child in candidates(self, item, context):
            _RECORDING.append([])
            try:
                if isinstance(child, model.Names) and child.name is None:
                    text = child.render(item, names_context=names, context=context, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except model.VariableError:
                continue
            finally:
                rendered = _RECORDING.pop()
            if text:
                self.add_to_repressed_list(child, context)
                # the variables a substituted macro rendered (the title standing
                # in for the author) are suppressed in the rest of the entry
                layout = context.get_layout()
                for tag, var in rendered:
                    layout.repressed.setdefault(tag, []).append(var)
                if _RECORDING:
                    _RECORDING[-1].extend(rendered)
                return text
        return None

    model.Substitute.render = render
    original_variable = model.Text._variable
    from citeproc.string import String

    def _variable(self: Any, item: Any, context: Any) -> Any:
        if self.get("variable") == "page-first" and "page_first" not in item.reference and "page" in item.reference:
            # CSL "page-first": the first page of "C7-281-C7-294" is "C7"
            repressed = context.get_layout().repressed if context is not None else {}
            if "page-first" in repressed.get(self.tag, ()):
                return None
            first = re.split(r"\s*[-–,&]\s*", str(item.reference.page).strip(), maxsplit=1)[0]
            value = String(first) if first else None
        else:
            value = original_variable(self, item, context)
            if (
                self.get("variable") in ("number", "collection-number")
                and self.get("text-case") is None
                and value is not None
                and _LEADING_RANGE.match(str(value))
                and not _has_label(self)
            ):
                # a numeric "number" keeps its range as a range ("No. 91–016 Revised",
                # as citeproc-js; with a cs:label ("Nos.") it is left as written)
                value = String(_LEADING_RANGE.sub(lambda m: m.group(1) + _SAS.get("range", "–") + m.group(2), str(value), count=1))
        if _RECORDING and value is not None and str(value) != "":
            _RECORDING[-1].append((self.tag, self.get("variable")))
        return value

    model.Text._variable = _variable


_LEADING_RANGE = re.compile(r"^(\d+)-(\d+)\b")
_HAS_LABEL: dict[Any, bool] = {}


def _has_label(text_elem: Any) -> bool:
    """Whether a cs:label for the same variable sits in the enclosing group."""
    hit = _HAS_LABEL.get(text_elem)
    if hit is None:
        var = text_elem.get("variable")
        group = text_elem.getparent()
        while group is not None and not group.tag.endswith("}group") and not group.tag.endswith("}macro"):
            group = group.getparent()
        hit = group is not None and any(n.tag.endswith("}label") and n.get("variable") == var for n in group.iter())
        _HAS_LABEL[text_elem] = hit
    return hit

#: variables rendered while a substitute candidate renders (a stack: substitutes nest)
_RECORDING: list[list[tuple[str, str]]] = []


_INITIAL_WORD = re.compile(r"[^\s.]+\.?")


def _fix_initialize(model: Any) -> None:
    """CSL 1.0.2 "Name-part Formatting" / ``initialize``: with
    ``initialize="false"`` given names are kept and only existing initials get
    ``initialize-with`` punctuation ("Joshua D."); a given name already
    abbreviated with a period ("Yu.", "Ch.") is kept as written, not cut to
    one letter (citeproc-js does the same)."""

    def initialize(self: Any, given: Any, mark: str, context: Any) -> str:
        flag = self.get("initialize")
        if flag is None:
            parent = (context if context is not None else self).xpath_search("./ancestor::*[self::cs:citation or self::cs:bibliography][1]")
            flag = parent[0].get("initialize", "true") if parent else "true"
        initialize_all = flag.lower() != "false"
        if self.get_option("initialize-with-hyphen", context):
            pieces = str(given).split("-")
        else:
            pieces = [str(given).replace("-", " ")]
        out = []
        for piece in pieces:
            words = _INITIAL_WORD.findall(piece)
            text = ""
            for word in words:
                core = word.rstrip(".")
                if not core:
                    continue
                if not core[0].isupper():
                    text = text.rstrip() + (" " if text else "") + word + " "
                elif word.endswith(".") or len(core) == 1:
                    text += core + mark
                elif initialize_all:
                    text += core[0] + mark
                else:
                    text = text.rstrip() + (" " if text else "") + word + " "
            out.append(" ".join(text.split()))
        if not initialize_all and re.fullmatch(r"[^\W\d_]\.(?:\s*-?\s*[^\W\d_]\.)*", str(given).strip()):
            return " ".join(out)  # initials only, not initialized further: "J.-A." -> "J. A." (citeproc-js)
        return "-".join(out)

    model.Name.initialize = initialize


def _collate(value: Any) -> str:
    """A sort key close to the Unicode Collation Algorithm's primary level as
    citeproc-js applies it: accents and case ignored first (Bäck sorts with
    Back, before Butov), markup ignored."""
    import unicodedata

    text = " ".join(re.sub(r"<[^>]+>", "", str(value)).split())
    decomposed = unicodedata.normalize("NFKD", text)
    out = []
    for c in decomposed:
        if unicodedata.combining(c):
            continue
        if c.isalnum():
            out.append(c.casefold())
        elif c.isspace():
            out.append("\x01")  # spaces first, then punctuation, then digits and letters
        else:
            continue  # punctuation is ignored (O’Keeffe sorts as OKeeffe)
    return "".join(out)


def _fix_sort(model: Any) -> None:
    """CSL 1.0.2 "Sorting": keys compare by locale collation (not code point);
    an empty key sorts last in both directions; name keys use the sort form,
    which demotes a non-dropping particle for ``sort-only`` styles ("den
    Besten" sorts under B) and carries no "and"/"&" term between names."""
    from functools import cmp_to_key

    def sort(self: Any, items: list[Any], context: Any) -> list[Any]:
        columns = []
        for key in self.findall("cs:key", self.nsmap):
            descending = key.get("sort", "ascending").lower() == "descending"
            values: list[Any] = []
            for v in key.sort_keys(items, context):
                if v is None or str(v).strip() == "":
                    values.append(None)
                    continue
                text = str(v)
                values.append((0, int(text), text) if text.isdigit() else (1, _collate(text), text))
            columns.append((values, descending))

        def cmp(i: int, j: int) -> int:
            for values, descending in columns:
                a, b = values[i], values[j]
                if a is None or b is None:
                    if a is None and b is None:
                        continue
                    return 1 if a is None else -1
                if a[0] != b[0]:
                    a, b = a[:1], b[:1]  # numbers before text
                result = (a > b) - (a < b)
                if result:
                    return -result if descending else result
            return i - j

        order = sorted(range(len(items)), key=cmp_to_key(cmp))
        return [items[i] for i in order]

    model.Sort.sort = sort
    original_process = model.Name.process

    def process(self: Any, item: Any, variable: Any, context: Any = None, sort_options: Any = None, **kwargs: Any) -> Any:
        if sort_options is not None:
            sort_options = dict(sort_options)
            sort_options.setdefault("and", None)
            root_demote = self.get_root().get("demote-non-dropping-particle", "display-and-sort")
            if root_demote == "sort-only":
                sort_options.setdefault("demote-non-dropping-particle", "display-and-sort")
        return original_process(self, item, variable, context=context, sort_options=sort_options, **kwargs)

    model.Name.process = process
    original_text_process = model.Text.process

    def text_process(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
        sort_options = kwargs.get("sort_options")
        if sort_options is None or "macro" not in self.attrib:
            text, language = original_text_process(self, item, context=context, **kwargs)
            if "language" not in item.reference:
                # CSL: an item without a language is in the language being rendered
                # (citeproc-py took the style's default-locale instead of the locale used)
                language = _SAS.get("language", language)
            return text, language
        # a macro called from a sort key's macro keeps the sort options
        # (names in sort order, no "and"), as CSL requires for sort keys
        try:
            language = item.reference.language[:2]
        except model.VariableError:
            language = self.get_root().get("default-locale", "en")[:2]
        return self.get_macro(self.get("macro")).render(item, context, sort_options=sort_options), language

    model.Text.process = text_process


def _fix_group_suppression(model: Any) -> None:
    """CSL 1.0.2 "Group": a group is suppressed when it calls variables and
    all of them are empty. For a ``cs:choose`` child only the branch taken
    counts; citeproc-py counted every branch, so APA printed a lone
    "(Publication)" for theses without a number."""

    def process(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
        output = []
        called = rendered = False
        delimiter = self.get("delimiter", "")
        for child in self.iterchildren():
            if isinstance(child, model.Choose):
                branch = next((b for b in child.iterchildren() if _condition(model, b, item, context)), None)
                calls = branch is not None and branch.calls_variable()
            else:
                calls = child.calls_variable()
            called = called or calls
            try:
                if isinstance(child, model.Choose):
                    # render the branch found above (not testing the conditions again)
                    text = model.Parent.render_children(branch, item, context=context, delimiter=delimiter, **kwargs) if branch is not None else None
                else:
                    text = child.render(item, context=context, **kwargs)
            except model.VariableError:
                continue
            if text is not None:
                output.append(text)
                rendered = rendered or calls
        if output and (not called or rendered):
            return self.join(output)
        raise model.VariableError

    model.Group.process = process


def _fix_trailing_literal_name(model: Any) -> None:
    """Personal names followed by a literal name (an institution, or BibTeX's
    "and others" as pandoc writes it) are two lists joined by the "and" term
    without the delimiter, as citeproc-js does: "Almeida, F. & others"."""
    original = model.Name.process

    def process(self: Any, item: Any, variable: Any, context: Any = None, sort_options: Any = None, **kwargs: Any) -> Any:
        names = item.reference.get(variable, [])
        if (
            sort_options is None
            and len(names) >= 2
            and "literal" in names[-1]
            and all("literal" not in n for n in names[:-1])
            and self.get_option("and", context, sort_options)
        ):
            et_al_min = self.get_option("et-al-min", context, sort_options)
            if not (et_al_min and len(names) >= et_al_min):
                ref = item.reference
                saved = ref[variable]
                try:
                    dict.__setitem__(ref, variable, saved[:-1])
                    head = original(self, item, variable, context=context, sort_options=sort_options, **kwargs)
                finally:
                    dict.__setitem__(ref, variable, saved)
                and_term = self.get_single_term(name="and") if self.get_option("and", context, sort_options) == "text" else self.preformat("&")
                return head + " " + and_term + " " + self.preformat(names[-1]["literal"])
        return original(self, item, variable, context=context, sort_options=sort_options, **kwargs)

    model.Name.process = process


_PREFIXED = re.compile(r"([^\W\d_]*)(\d+)")


def _fix_page_ranges(model: Any) -> None:
    """CSL 1.0.2 "Appendix V - Page Range Formats": ``chicago-16`` has no
    four-digit exception ("2582–607", "1299–302"); only ``chicago``/``chicago-15``
    print 1496–1504 in full. citeproc-py applied the exception to all three."""
    original = model.FormatNumber._format_last_page

    def _format_last_page(self: Any, first: str, last: str) -> str:
        pf, pl = _PREFIXED.fullmatch(first), _PREFIXED.fullmatch(last)
        if pf and pl and pf.group(1) == pl.group(1) and pf.group(1):
            # "A131-A133": the shared prefix goes when the range is shortened ("A131–33")
            short = _format_last_page(self, pf.group(2), pl.group(2))
            return last if short == pl.group(2) else short
        if len(first) != len(last) or not first.isdigit() or not last.isdigit():
            return last  # "1-35": citeproc-py cut this to "1–5"
        if self.get_root().get_option("page-range-format") != "chicago-16":
            return original(self, first, last)
        m = re.fullmatch(r"\d+", first)
        n = re.fullmatch(r"\d+", last)
        if not m or not n or len(first) != len(last):
            return last
        number = int(first)
        if number < 100 or number % 100 == 0:
            return last
        common = next((i for i, (a, b) in enumerate(zip(first, last)) if a != b), len(first))
        if number % 100 < 10:
            return last[common:]
        return last[min(common, len(first) - 2):]

    model.FormatNumber._format_last_page = _format_last_page


def _add_year_suffixes(items: list[Any]) -> None:
    """CSL 1.0.2 "Disambiguation" (``disambiguate-add-year-suffix``): works by the
    same names in the same year get "a", "b", … in bibliography order
    (Madelung 1998a, 1998b). citeproc-py never assigns year suffixes."""
    from citeproc.source import Date, DateRange
    from citeproc.string import String

    groups: dict[Any, list[Any]] = {}
    for item in items:
        ref = item.reference
        names: Any = None
        for role in ("author", "editor", "translator"):
            if role in ref:
                names = tuple((n.get("family"), n.get("given"), n.get("literal")) for n in ref[role])
                break
        if names is None:
            names = ("title", str(ref.get("title", "")))
        issued = ref.get("issued")
        year: Any = None
        if isinstance(issued, DateRange):
            begin, end = dict.get(issued, "begin"), dict.get(issued, "end")
            year = (dict.get(begin, "year") if isinstance(begin, Date) else None, dict.get(end, "year") if isinstance(end, Date) else None)
            year = year if year[0] is not None else None
        elif isinstance(issued, Date):
            year = dict.get(issued, "year")
        if year is None:
            continue
        groups.setdefault((names, year), []).append(item)
    for members in groups.values():
        if len(members) < 2:
            continue
        for i, item in enumerate(members):
            dict.__setitem__(item.reference, "year_suffix", String(_suffix(i)))


def _suffix(i: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return letters[i] if i < 26 else letters[i // 26 - 1] + letters[i % 26]


def _fix_quotes(model: Any) -> None:
    """``quotes="true"`` marks its text with private-use quote marks that
    :func:`_finish_quotes` resolves (nesting, punctuation-in-quote)."""

    def quote(self: Any, string: Any) -> Any:
        if self.get("quotes", "false").lower() == "true":
            return _STYLE_OPEN + string + _STYLE_CLOSE
        return string

    model.Quoted.quote = quote


_NUMERIC = re.compile(r"\s*[A-Za-z]*\d+[A-Za-z]*(?:\s*(?:[-–&,]|and)\s*[A-Za-z]*\d+[A-Za-z]*)*\s*")


def _fix_is_numeric(model: Any) -> None:
    """CSL 1.0.2 ``is-numeric``: numbers with affixes and ranges or lists of
    them ("251-254", "2 & 3", "12a") are numeric (so MLA prints "vols. 251–254").
    citeproc-py accepted a single number only."""

    def _is_numeric(self: Any, item: Any) -> list[bool]:
        out = []
        for var in self.get("is-numeric").split():
            name = var.replace("-", "_")
            out.append(name in item.reference and _numeric(str(item.reference[name])))
        return out

    model.If._is_numeric = _is_numeric

    def _is_plural(self: Any, item: Any) -> bool:
        variable = self.get("variable")
        if variable in (None, "locator") or variable.startswith("number-of"):
            return bool(original_plural(self, item))
        try:
            value = str(item.reference[variable.replace("-", "_")])
        except model.VariableError:
            return False
        return bool(_NUMERIC_LIST.search(value))

    original_plural = model.Label._is_plural
    model.Label._is_plural = _is_plural


_NUMERIC_LIST = re.compile(r"\d[A-Za-z]*\s*(?:[,&–-]|and)\s*\S")


def _numeric(value: str) -> bool:
    """citeproc-js's reading of ``is-numeric``: the value starts with a number or
    a range/list of numbers ("91-016 Revised", "18, Suppl. II" are numeric)."""
    if _NUMERIC.fullmatch(value):
        return True
    head = re.split(r"[\s,]+", value.strip(), maxsplit=1)[0]
    return bool(head) and bool(_NUMERIC.fullmatch(head))


# ---------------------------------------------------------------------------------
# Speed: citeproc-py re-evaluates XPath expressions and static properties of the
# style tree for every variable of every entry. The tree does not change while
# rendering, so the answers are cached per element (the cache holds the element
# proxies, which keeps lxml from recreating them, so identities are stable).
# ---------------------------------------------------------------------------------

_XPATH_CACHE: dict[tuple[Any, str], Any] = {}
_CALLS_VARIABLE: dict[Any, bool] = {}
_ROOTS: dict[Any, Any] = {}
_TYPES: dict[Any, list[str]] = {}


def _speed_up(model: Any) -> None:
    original_xpath = model.CitationStylesElement.xpath_search

    def xpath_search(self: Any, expression: str) -> Any:
        key = (self, expression)
        hit = _XPATH_CACHE.get(key)
        if hit is None:
            hit = original_xpath(self, expression)
            if "position" not in expression:
                _XPATH_CACHE[key] = hit
        return hit

    model.CitationStylesElement.xpath_search = xpath_search

    original_root = model.CitationStylesElement.get_root

    def get_root(self: Any) -> Any:
        root = _ROOTS.get(self)
        if root is None:
            root = _ROOTS[self] = original_root(self)
        return root

    model.CitationStylesElement.get_root = get_root

    def _type(self: Any, item: Any) -> list[bool]:
        types = _TYPES.get(self)
        if types is None:
            types = _TYPES[self] = [t.lower() for t in self.get("type").split()]
        ref_type = item.reference.type
        return [t == ref_type for t in types]

    model.If._type = _type

    for cls in (model.Parent, model.Text):
        original_calls = cls.calls_variable

        def calls_variable(self: Any, _original: Any = original_calls) -> bool:
            hit = _CALLS_VARIABLE.get(self)
            if hit is None:
                hit = _CALLS_VARIABLE[self] = bool(_original(self))
            return hit

        cls.calls_variable = calls_variable

    from citeproc.source import CitationItem

    def reference(self: Any) -> Any:
        ref = dict.get(self, "\0reference")
        if ref is None:
            ref = self.bibliography.source[self.key]
            dict.__setitem__(self, "\0reference", ref)
        return ref

    CitationItem.reference = property(reference)


#: state of subsequent-author-substitute while one bibliography is rendered
_SAS: dict[str, Any] = {"armed": False, "previous": None, "substitute": ""}


def _fix_subsequent_author_substitute(model: Any) -> None:
    """CSL 1.0.2 ``subsequent-author-substitute`` (rule ``complete-all``): when
    an entry's first rendered names equal the previous entry's, they are
    replaced by the substitute string (MLA's "———"). citeproc-py ignored it."""
    original = model.Names.process

    def process(self: Any, item: Any, names_context: Any = None, context: Any = None, **kwargs: Any) -> Any:
        text = original(self, item, names_context=names_context, context=context, **kwargs)
        if _SAS["armed"] and kwargs.get("sort_options") is None and text:
            _SAS["armed"] = False
            rule = self.get_root().bibliography.get("subsequent-author-substitute-rule", "complete-all")
            # the names compared are the names shown; an "et al." does not count
            # (citeproc-js: "———" after "Dubois-Lacoste, Jérémie" stands for
            # "Dubois-Lacoste, Jérémie, et al." too)
            et_al = str(self.get_single_term("et-al") or "et al.")
            shown = re.sub(r"[,\s]*" + re.escape(et_al) + r"\s*$", "", str(text))
            previous, _SAS["previous"] = _SAS["previous"], shown
            if rule == "complete-all" and previous == shown:
                from citeproc.string import String

                return String(_SAS["substitute"])
        return text

    model.Names.process = process


def _fix_date_ranges(model: Any) -> None:
    """CSL 1.0.2 "Date Ranges": parts the two ends share are printed once; a
    range whose shown parts are all the same (21–22 Nov 2019 shown as a year)
    is that one date. citeproc-py dropped such dates ("(Ed.). Title." with no
    year) and changed the caller's list of parts."""
    original = model.Date.render_date_range

    def render_date_range(self: Any, date_range: Any, show_parts: Any = None, context: Any = None) -> Any:
        rendered = {child.get("name") for child in self.iterchildren()}
        parts = [p for p in (show_parts or ["year", "month", "day"]) if p in rendered]
        begin, end = date_range.begin, date_range.get("end")
        if end is None or end.is_nil():
            return self.render_single_date(begin, parts, context)
        if all(dict.get(begin, p) == dict.get(end, p) for p in parts):
            return self.render_single_date(begin, parts, context)
        return original(self, date_range, parts, context)

    model.Date.render_date_range = render_date_range
