"""Org mode rendered to the HTML document the page item finder reads.

Org is read the way Emacs's HTML export (ox-html) writes it, so a publication list
kept in Org reads like the page its author publishes: headlines -> ``<hN>`` (level
1 is ``<h2>``, ``#+TITLE`` is ``<h1>``); plain lists (``-``, ``+``, indented ``*``,
``1.``, ``1)``, ``a.``) -> ``<ul>``/``<ol>``, description lists (``term :: text``) ->
``<dl>``; tables -> ``<table>``; quote, verse, center and special blocks keep their
text; example blocks, fixed-width ``: `` lines and BibTeX source blocks are ``<pre>`` as
the export shows them (BibTeX there is embedded BibTeX; other preformatted text is read only
from a page that gives nothing else); other source blocks, comment and other exports' blocks,
drawers (``:PROPERTIES:`` … ``:END:``), planning lines, ``#`` comments and ``#+KEYWORD:``
lines give none;
headlines tagged ``:noexport:`` or starting with ``COMMENT`` are left out with their
subtree, as the export does. Headlines deeper than the export's ``H:`` option
(default 3) become list items, again as ox-html does, so a list of papers written as
level-5 headlines is a list. Inline: ``[[target][label]]``/``[[target]]`` links
(``doi:`` targets resolve), plain and ``<angle>`` URLs, ``*bold*`` ``/italic/``
``_underline_`` (written bold) ``=verbatim=`` ``~code~`` ``+strike+`` with Org's border rules,
entities (``\\nbsp``, ``\\alpha{}``), ``@@html:…@@`` snippets and ``#+BEGIN_EXPORT
html`` blocks as raw HTML; LaTeX fragments stay as written text. Macros
(``#+MACRO: br @@html:<br>@@`` used as ``{{{br}}}``, with ``$1``… arguments) are expanded
as the export expands them before anything else is read, so a line break or a label a
page writes through a macro is the break or label, never ``{{{br}}}`` text.

Time is linear in the input: closing delimiters are found through precomputed
position lists or a monotone find cache (:mod:`refkit.markup.inline`), nesting
(lists in lists, emphasis in emphasis) is bounded, and no regex has nested
quantifiers. Every block is written at its source line so items report Org lines.
"""

from __future__ import annotations

import html.entities
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .inline import InlineRenderer, LineWriter, attr, escape, first_after

__all__ = ["to_html"]

_MAX_DEPTH = 12  # lists within lists, blocks within blocks, deeper is read as paragraph text
_MAX_INLINE_DEPTH = 6  # emphasis within emphasis or link labels
#: line breaks one emphasized run may cross. Org's export allows one (its default
#: ``org-emphasis-regexp-components``), so a bold title hard-wrapped over three lines shows its
#: asterisks; its author marked the whole title, and a reader of what was meant reads it bold
_MAX_EMPHASIS_BREAKS = 3

_HEADLINE = re.compile(r"(\*+)[ \t]+(.*)")
_TAGS = re.compile(r"[ \t]+:[\w@#%:]{1,200}:[ \t]*$")
#: the TODO keywords of a file that names none of its own
_TODO_KEYWORDS = frozenset({"TODO", "DONE"})
#: the lines that name a file's own TODO keywords (``#+TODO: DRAFT SUBMITTED | PUBLISHED``)
_TODO_LINES = frozenset({"todo", "seq_todo", "typ_todo"})
#: a keyword as such a line writes it: a word, with its fast-access key ``(p)`` or ``(p@/!)``
_TODO_WORD = re.compile(r"([^\s(|]{1,60})(?:\([^)\s]{0,10}\))?")
_PRIORITY = re.compile(r"\[#[A-Za-z0-9]\][ \t]*")
_COOKIE = re.compile(r"[ \t]*\[\d{0,5}(?:%|/\d{0,5})\]")
#: a plain-list bullet: ``-``, ``+``, an indented ``*``, or a number and ``.``/``)``. Letters
#: ("a." "B)") are no bullet: Org reads them so only with ``org-list-allow-alphabetical``,
#: off by default, and a paragraph starting with an initial ("J. Smith and …") is a paragraph.
#: A no-break space after the bullet counts as a space ("27.\u00a0\u00a0Doe, J. …": a list pasted
#: from a web page or a word processor keeps its no-break spaces)
_BULLET = re.compile(r"([ \t]*)([-+*]|\d{1,9}[.)])(?:[ \t\u00a0]+|$)")
_COUNTER = re.compile(r"\[@\w{1,9}\][ \t]*")
_CHECKBOX = re.compile(r"\[[ xX-]\][ \t]*")
#: file names Org's export shows as inline images when linked without a description
_IMAGE = re.compile(r"\.(?:png|jpe?g|gif|svg|webp|bmp|tiff?)$", re.I)
_DESCRIPTION = re.compile(r"[ \t]::(?:[ \t]|$)")
_KEYWORD = re.compile(r"[ \t]*#\+(\w[\w-]{0,60}):[ \t]?(.*)")
_BEGIN = re.compile(r"[ \t]*#\+begin_(\w{1,60})\b[ \t]?(.*)", re.I)
_END = re.compile(r"[ \t]*#\+end_(\w{1,60})[ \t]*$", re.I)
_DRAWER = re.compile(r"[ \t]*:([\w-]{1,60}):[ \t]*$")
_DRAWER_END = re.compile(r"[ \t]*:END:[ \t]*$", re.I)
_PLANNING = re.compile(r"[ \t]*(?:SCHEDULED|DEADLINE|CLOSED):")
_RULE = re.compile(r"[ \t]*-{5,}[ \t]*$")
_TABLE = re.compile(r"[ \t]*\|")
_TABLE_RULE = re.compile(r"[ \t]*\|[-+]")
_FIXED = re.compile(r"[ \t]*:(?:[ \t]|$)")
#: a footnote definition: "[fn:1] text" at the start of a line (the export lists each one as a
#: paragraph of its own at the end of the page; a reference to it inside a line is no definition)
_FOOTDEF = re.compile(r"\[fn:[\w-]{1,60}\]")
_COMMENT = re.compile(r"[ \t]*#(?:[ \t]|$)")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_OPTION_H = re.compile(r"(?:^|[ \t])H:(\d{1,2})\b")
#: ``\n:t``: every line break of a paragraph is kept as a line break on export
_OPTION_BREAKS = re.compile(r"(?:^|[ \t])\\n:t\b")

#: a property line of a drawer: ``:NAME: value`` (``:NAME+: value`` adds to the property)
_PROPERTY = re.compile(r"[ \t]*:([\w-]{1,60}\+?):[ \t]+(.{0,2000})")
#: properties that make a drawer a bibliographic record (org-bibtex), and the fields it gives
_RECORD_KEYS = frozenset({"btype", "author", "editor", "journal", "booktitle", "publisher", "year", "doi", "volume",
                          "pages", "school", "institution"})
_RECORD_FIELDS = frozenset(_RECORD_KEYS | {"title", "number", "month", "url", "eprint", "archiveprefix", "address",
                                           "edition", "series", "note", "isbn", "howpublished", "organization"})
_KEY_CHARS = re.compile(r"[^\w:.-]")
_MARKUP_CHARS = re.compile(r"[*/=~]")


#: a front matter's title line: ``title: Text``, ``title: "Text"``, YAML's ``title: ! 'Text'``
_FRONT_TITLE = re.compile(r"title:[ \t]*(?:![ \t]*)?(.{1,500})", re.I)


def _front_matter_title(inside: list[_Line]) -> str | None:
    """The title of a block that is nothing but a YAML front matter (between ``---`` lines),
    else None."""
    body = [line.text.strip() for line in inside if line.text.strip()]
    if len(body) < 3 or body[0] != "---" or body[-1] != "---":
        return None
    for text in body[1:-1]:
        m = _FRONT_TITLE.match(text)
        if m:
            title = m.group(1).strip()
            if len(title) >= 2 and title[0] == title[-1] and title[0] in "'\"":
                title = title[1:-1].replace("''", "'")
            return title or None
    return None


def _headline_title(title: str, keywords: frozenset[str] = _TODO_KEYWORDS) -> str:
    """A headline's text without what Org adds around a title: tags, a TODO keyword (its first
    word, when it is one of the file's ``keywords``), a priority, a statistics cookie."""
    title = _TAGS.sub("", title)
    first, _, rest = title.partition(" ")
    if first in keywords:
        title = rest.lstrip(" \t")
    title = _PRIORITY.sub("", title, count=1)
    return _COOKIE.sub("", title).strip()


def _bib_value(value: str) -> str:
    """A property value as a braced BibTeX value: braces kept only when they pair."""
    depth = 0
    for c in value:
        depth += (c == "{") - (c == "}")
        if depth < 0:
            break
    return value if depth == 0 else value.replace("{", "").replace("}", "")


#: ox-hugo's properties that hold what its export writes into a page's front matter:
#: ``EXPORT_<KEYWORD>`` is the subtree's ``#+KEYWORD`` (``EXPORT_DATE``, ``EXPORT_AUTHOR``,
#: ``EXPORT_TITLE``), and the custom front matter is ``:key value`` pairs of the page's own keys
#: (``+`` continues them on a line more)
_EXPORT = "export_"
_CUSTOM_FRONT = re.compile(r"export_hugo_custom_front_matter\+?")
#: one ``:key value`` pair of such a list: a quoted string, a quoted list ``'("A" "B")``, or a word
_PLIST = re.compile(r":([A-Za-z_][\w-]{0,60})[ \t]+('?\([^()\n]{0,2000}\)|\"(?:[^\"\\\n]|\\.){0,2000}\"|[^\s:]\S{0,500})")
_QUOTED = re.compile(r'"((?:[^"\\\n]|\\.){0,500})"')


def _plist_value(value: str) -> str | list[str]:
    """A value of ox-hugo's custom front matter: a list's strings, or the string."""
    if value.startswith(("(", "'(")):
        inner = value[value.index("(") + 1:-1]
        quoted = _QUOTED.findall(inner)
        return [v.replace('\\"', '"') for v in quoted] if quoted else inner.split()
    if value.startswith('"'):
        return value[1:-1].replace('\\"', '"')
    return value


def _published_record(properties: list[tuple[str, str]], headline: str) -> str | None:
    """The BibTeX entry a headline's properties describe (``headline``: its title, without
    Org's additions) when they are a publication's page
    record rather than org-bibtex's fields: the writer's own names (``:AUTHORS:``, ``:VENUE:``,
    ``:DATE:``) or ox-hugo's front matter (``:EXPORT_DATE:``, ``:EXPORT_AUTHOR:`` and
    ``:EXPORT_HUGO_CUSTOM_FRONT_MATTER: :authors '("A" "B") :publication "Venue"``), read by
    the owner of front-matter records (:func:`refkit.markup.front_matter.record_of`); the
    headline is the title. A drawer that names no authors (a talk's venue and date, a job's) is
    none: the export shows only the headline, and a page's settings are no paper."""
    from . import front_matter

    keys: dict[str, str | list[str]] = {}
    for name, value in properties:
        if _CUSTOM_FRONT.fullmatch(name):
            for m in _PLIST.finditer(value):
                keys.setdefault(m.group(1).lower(), _plist_value(m.group(2)))
        else:
            keys.setdefault(name.removeprefix(_EXPORT), value)
    if not (keys.get("authors") or keys.get("author")):
        return None
    keys.setdefault("title", _MARKUP_CHARS.sub("", headline))
    return front_matter.record_of(keys)


#: source blocks whose language is text, not code (none named, Org, Markdown, plain text):
#: shown verbatim, as an example block is
_TEXT_SOURCES = frozenset({"", "text", "txt", "org", "markdown", "md", "fundamental", "plain"})

_SKIPPED_BLOCKS = {"src", "example", "comment", "latex", "ascii", "texinfo", "man", "odt", "md", "beamer"}

# inline
# a line break: "\\" at the end of a line; a longer even run ("\\\\", doubled by an export
# script) is one line break too, not backslashes shown (the lookbehind keeps the scan linear)
_SPECIAL = re.compile(r"@@|\[\[|\[fn:|<<|<(?:https?|ftp|mailto|doi|file):|(?:https?|ftp)://|(?<!\\)(?:\\\\)+[ \t]*$|\\\\[ \t]*$|"
                      r"\\[A-Za-z]|\\[(\[]|\$|[*/_=~+]|\n", re.M)
_URL = re.compile(r"(?:https?|ftp)://[^\s<>\[\]\"']{1,2000}")
_ENTITY = re.compile(r"\\([A-Za-z]{1,30})(\{\})?")
#: ``_underline_`` is emphasis set apart from italic, as ``\\underline`` in LaTeX: a reader sees a
#: marked span, and the item finder knows marked spans as bold and italic, so it is written bold
_MARKERS = {"*": "b", "/": "i", "_": "b", "=": "code", "~": "code", "+": "del"}
_PRE = set(" \t\n-('\"{")
_POST = set(" \t\n-.,;:!?')}\"[\\")
_INLINE_MATH = re.compile(r"\$[^\s$][^$\n]{0,500}\$|\$[^\s$]\$?")

#: Org's entity names beyond HTML's (the rest are HTML's named characters)
_ORG_ENTITIES = {"nbsp": "\u00a0", "ndash": "\u2013", "mdash": "\u2014", "space": " ", "under": "_", "slash": "/",
                 "backslash": "\\", "dollar": "$", "hellip": "\u2026", "dots": "\u2026", "textbackslash": "\\"}


@dataclass
class _Line:
    number: int  # 0-based source line
    text: str


def to_html(text: str) -> str:
    """The Org document as an HTML ``<body>``, each block on its source line."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    lines = [_Line(n, t) for n, t in enumerate(text.split("\n"))]
    if "{{{" in text:
        _expand_macros(lines)
    headline_max = 3
    breaks = False
    html_export = False  # the document writes HTML of its own for the HTML export
    keywords = set(_TODO_KEYWORDS)  # the headlines' TODO keywords: Org's, and the file's own
    for line in lines:
        if "#+" not in line.text:
            continue
        m = _KEYWORD.match(line.text)
        if m and m.group(1).lower() == "options":
            h = _OPTION_H.search(m.group(2))
            if h:
                headline_max = int(h.group(1))
            breaks = breaks or _OPTION_BREAKS.search(m.group(2)) is not None
        html_export = html_export or _exports_to(line.text, "html")
        if m and m.group(1).lower() in _TODO_LINES:
            keywords |= {w.group(1) for w in _TODO_WORD.finditer(m.group(2))}
    writer = _Writer(headline_max, breaks, latex=not html_export)
    writer.keywords = frozenset(keywords)
    writer.blocks(lines, 0)
    writer.close_deep()
    return "<html><body>" + "".join(writer.out) + "</body></html>"


def _exports_to(text: str, backend: str) -> bool:
    """Whether a line opens what Org's export writes for ``backend`` alone: a ``#+NAME:``
    line, a ``#+begin_export NAME`` block or (before Org 9) a ``#+begin_NAME`` block."""
    m = _KEYWORD.match(text)
    if m:
        return m.group(1).lower() == backend
    m = _BEGIN.match(text)
    if m is None:
        return False
    name = m.group(1).lower()
    return name == backend or name == "export" and m.group(2).strip().lower().split()[:1] == [backend]


#: a macro call: ``{{{name}}}`` or ``{{{name(arg1, arg2)}}}`` (arguments bounded, no nesting)
_MACRO_CALL = re.compile(r"\{\{\{([A-Za-z][\w-]{0,60})(?:\(([^\n]{0,2000}?)\))?\}\}\}")
_MACRO_ARG = re.compile(r"\$(\d)")
#: an argument separator: a comma not escaped by a backslash
_MACRO_SPLIT = re.compile(r"(?<!\\),")
#: passes over a line: a macro may call another (Org expands recursively), a cycle stops here
_MACRO_PASSES = 4
#: the longest line expansion may make: a macro that calls itself twice grows exponentially
_MACRO_MAX_LINE = 20_000
#: Org's built-in macros that name a document keyword
_KEYWORD_MACROS = ("title", "author", "email", "date", "subtitle")


def _expand_macros(lines: list[_Line]) -> None:
    """Replace macro calls in ``lines`` (in place) by their definitions, as Org's export
    does before it reads the document: ``#+MACRO: name text`` with ``$1``… for the
    call's comma-separated arguments, and the built-ins naming keywords (``{{{title}}}``).
    A call to a macro that is defined nowhere gives no text (the export refuses such a
    document; its author never sees the braces). Line count never changes."""
    macros: dict[str, str] = {}
    for line in lines:
        m = _KEYWORD.match(line.text)
        if not m:
            continue
        key, value = m.group(1).lower(), m.group(2).strip()
        if key == "macro":
            name, _, body = value.partition(" ")
            if name:
                macros[name.lower()] = body.strip()
        elif key in _KEYWORD_MACROS:
            macros.setdefault(key, value)

    def call(m: re.Match[str]) -> str:
        body = macros.get(m.group(1).lower())
        if body is None:
            return ""
        args = [a.replace("\\,", ",").strip() for a in _MACRO_SPLIT.split(m.group(2))] if m.group(2) is not None else []
        return _MACRO_ARG.sub(lambda a: args[int(a.group(1)) - 1] if 0 < int(a.group(1)) <= len(args) else "", body)

    for line in lines:
        if "{{{" not in line.text or _KEYWORD.match(line.text):
            continue
        text = line.text
        for _ in range(_MACRO_PASSES):
            expanded = _MACRO_CALL.sub(call, text)
            if expanded == text or len(expanded) > _MACRO_MAX_LINE:
                break
            text = expanded
        line.text = text.replace("\n", " ")


class _Writer(LineWriter):
    """Writes blocks to ``out``, padding newlines so each starts on its source line."""

    def __init__(self, headline_max: int, breaks: bool = False, latex: bool = False) -> None:
        super().__init__()
        self.headline_max = headline_max
        self.breaks = breaks  # ``#+OPTIONS: \n:t``: a paragraph's line breaks are kept
        # what only the LaTeX export writes is read: the document writes no HTML of its own, so
        # it is written for print, and its export blocks hold its content (a CV's lists)
        self.latex = latex
        self.keywords = _TODO_KEYWORDS  # a headline's first word that is its state, not its title
        self.headline_text: str | None = None  # the headline just written, until another element
        self.deep_open = False  # inside the <ul> that holds headlines deeper than H
        self.notes_open = False  # inside the notes box of a deep headline that is a whole citation

    def close_notes(self) -> None:
        if self.notes_open:
            self.emit(self.line, "</div>")
            self.notes_open = False

    def close_deep(self) -> None:
        self.close_notes()
        if self.deep_open:
            self.emit(self.line, "</li></ul>")
            self.deep_open = False

    # blocks -----------------------------------------------------------------

    def blocks(self, lines: list[_Line], depth: int) -> None:
        """Render a run of lines (a document, a list item's body, a block's inside)."""
        ends = _block_ends(lines)
        drawer_ends = [k for k, line in enumerate(lines) if _DRAWER_END.match(line.text)]
        skip_level = 0  # inside a noexport/COMMENT subtree of this level
        i, n = 0, len(lines)
        while i < n:
            line = lines[i]
            stripped = line.text.strip()
            if depth == 0:
                m = _HEADLINE.match(line.text)
                if m:
                    level = len(m.group(1))
                    if skip_level and level > skip_level:
                        i += 1
                        continue
                    skip_level = 0
                    title = m.group(2)
                    if title.startswith("COMMENT") or re.search(r":noexport:", title[-200:]):
                        skip_level = level
                    else:
                        self.headline(line.number, level, title)
                        self.headline_text = title
                    i += 1
                    continue
                if skip_level:
                    i += 1
                    continue
            if not stripped:
                i += 1
                continue
            if not _DRAWER.match(line.text):
                self.headline_text = None  # a drawer only belongs to the headline right above it
            m = _BEGIN.match(line.text)
            if m:
                name = m.group(1).lower()
                end = first_after(ends.get(name, []), i + 1, n)
                if end >= 0:
                    self.block(name, m.group(2), lines[i + 1:end], lines[i].number, depth)
                    i = end + 1
                    continue
            m = _DRAWER.match(line.text)
            if m:
                end = first_after(drawer_ends, i + 1, n)
                if end >= 0:
                    if m.group(1).upper() == "PROPERTIES" and self.headline_text is not None:
                        self.record(lines[i + 1:end], line.number)
                    i = end + 1
                    continue
            m = _KEYWORD.match(line.text)
            if m:
                key = m.group(1).lower()
                if key == "title" and m.group(2).strip():
                    self.emit(line.number, f"<h1>{self.inline(m.group(2).strip())}</h1>")
                elif key == "html":
                    self.emit(line.number, m.group(2))
                elif key == "latex" and self.latex:
                    end = i + 1
                    while end < n and _exports_to(lines[end].text, "latex"):
                        end += 1
                    self.latex_part([_Line(k.number, _KEYWORD.sub(r"\2", k.text, count=1)) for k in lines[i:end]])
                    i = end
                    continue
                i += 1
                continue
            if _FIXED.match(line.text):
                # fixed-width lines (": text"): shown verbatim, as an example block is
                end = i
                while end < n and _FIXED.match(lines[end].text):
                    end += 1
                self.preformatted(line.number, [_Line(k.number, _FIXED.sub("", k.text, count=1)) for k in lines[i:end]], "example")
                i = end
                continue
            if _COMMENT.match(line.text) or _PLANNING.match(line.text) or _END.match(line.text):
                i += 1
                continue
            if _RULE.match(line.text):
                self.emit(line.number, "<hr>")
                i += 1
                continue
            if _TABLE.match(line.text):
                i = self.table(lines, i)
                continue
            m = _BULLET.match(line.text)
            if m and depth < _MAX_DEPTH and (m.group(2) != "*" or m.group(1)):
                i = self.plain_list(lines, i, depth)
                continue
            i = self.paragraph(lines, i)

    def headline(self, number: int, level: int, title: str) -> None:
        title = _headline_title(title, self.keywords)
        if level > self.headline_max:
            self.close_notes()
            if self.deep_open:
                self.emit(number, "</li>")
            else:
                self.emit(number, "<ul>")
                self.deep_open = True
            self.emit(number, f"<li>{self.inline(title)}")
            if len(title) >= 40 and _YEAR.search(title):
                # the headline is a whole citation: its section is notes on the work
                # (an abstract, a summary), kept out of the citation like an abstract box
                self.emit(number, '<div class="abstract">')
                self.notes_open = True
            return
        self.close_deep()
        self.emit(number, f"<h{min(6, level + 1)}>{self.inline(title)}</h{min(6, level + 1)}>")

    def record(self, drawer: list[_Line], number: int) -> None:
        """A headline's properties drawer that holds a bibliographic record (org-bibtex's
        ``:BTYPE:``, ``:AUTHOR:``, ``:JOURNAL:``, ``:YEAR:`` …) written as the BibTeX entry it
        stands for, in a hidden block the page reader takes as embedded BibTeX: the export
        shows only the headline (the title), while the drawer says who, where and when."""
        properties = [(m.group(1).lower(), m.group(2).strip()) for line in drawer
                      for m in [_PROPERTY.match(line.text)] if m and m.group(2).strip()]
        fields: dict[str, str] = {}
        for name, value in properties:
            fields.setdefault(name, value)
        if sum(key in _RECORD_KEYS for key in fields) < 2 or not ("author" in fields or "year" in fields):
            published = _published_record(properties, _headline_title(self.headline_text or "", self.keywords))
            if published is not None:
                self.emit(number, f'<pre class="bibtex" hidden>{escape(published)}</pre>')
            return
        fields.setdefault("title", _MARKUP_CHARS.sub("", _headline_title(self.headline_text or "", self.keywords)))
        kind = fields.pop("btype", "") or ("article" if "journal" in fields else "inproceedings" if "booktitle" in fields else "misc")
        key = _KEY_CHARS.sub("", fields.pop("custom_id", "")) or f"org{number}"
        body = ",\n".join(f"  {name} = {{{_bib_value(value)}}}" for name, value in fields.items() if name in _RECORD_FIELDS)
        self.emit(number, f'<pre class="bibtex" hidden>@{_KEY_CHARS.sub("", kind) or "misc"}{{{key},\n{escape(body)}\n}}</pre>')

    def block(self, name: str, parameters: str, inside: list[_Line], number: int, depth: int) -> None:
        language = (parameters.lower().split() or [""])[0] if name == "src" else None
        if name == "example" or language in ("bibtex", "bib") or language in _TEXT_SOURCES:
            # shown verbatim as the export shows them (``<pre class="example">``, ``<pre
            # class="src src-bibtex">``): BibTeX there is the page's embedded BibTeX, and the
            # page reader reads other preformatted text (an example, a source block of text:
            # a list pasted as ``#+begin_src text``) only when it finds nothing else
            kind = "example" if name == "example" else "src src-bibtex" if language in ("bibtex", "bib") else f"src src-{language or 'text'}"
            self.preformatted(number, inside, kind)
            return
        if self.latex and (name == "latex" or name == "export" and parameters.strip().lower().split()[:1] == ["latex"]):
            self.latex_part(inside)
            return
        if name in _SKIPPED_BLOCKS:
            return
        if name == "export" or name == "html":  # #+BEGIN_HTML: the export block's name before Org 9
            if name == "html" or parameters.strip().lower().startswith("html"):
                title = _front_matter_title(inside)
                if title is not None:
                    # a site generator's front matter passed through the export ("---",
                    # "layout: page", "title: …", "---"): the page shows its title as a heading
                    self.emit(inside[0].number, f"<h2>{escape(title)}</h2>\n")
                    return
                for line in inside:
                    self.emit(line.number, line.text + "\n")
            return
        if name == "verse":
            body = [line for line in inside if line.text.strip()]
            if body:
                self.emit(body[0].number, "<div>")
                for k, line in enumerate(body):
                    self.emit(line.number, self.inline(line.text.strip()) + ("<br>" if k + 1 < len(body) else ""))
                self.emit(self.line, "</div>")
            return
        tag = "blockquote" if name == "quote" else "div"
        self.emit(number, f"<{tag}>")
        if depth < _MAX_DEPTH:
            self.blocks(inside, depth + 1)
        else:
            self.paragraph([line for line in inside if line.text.strip()] or [_Line(number, "")], 0)
        self.emit(self.line, f"</{tag}>")

    def latex_part(self, inside: list[_Line]) -> None:
        """LaTeX that only the LaTeX export writes (an export block, a run of ``#+LATEX:``
        lines), rendered as the LaTeX reader renders a document (:mod:`refkit.markup.latex`):
        a CV written for print keeps its lists there (``\\begin{enumerate} \\item …``)."""
        if not any(line.text.strip() for line in inside):
            return
        from .latex import to_html as latex_html

        rendered = latex_html("\n".join(line.text for line in inside)).html
        inner = rendered.removeprefix("<html><body>").removesuffix("</body></html>")
        self.emit(inside[0].number, f"<div>{inner}</div>")

    def preformatted(self, number: int, inside: list[_Line], kind: str) -> None:
        """Lines shown as they are written, in a ``<pre>`` of class ``kind``."""
        text = "\n".join(line.text for line in _dedent(inside))
        self.emit(number, f'<pre class="{kind}">{escape(text)}</pre>')

    def paragraph(self, lines: list[_Line], i: int) -> int:
        """A paragraph from line ``i`` to the next blank line or other element."""
        start = i
        i += 1
        while i < len(lines) and lines[i].text.strip() and not _interrupts(lines[i].text):
            i += 1
        text = "\n".join(line.text.strip() for line in lines[start:i])
        self.emit(lines[start].number, f"<p>{self.lines_inline(text)}</p>")
        return i

    def table(self, lines: list[_Line], i: int) -> int:
        self.emit(lines[i].number, "<table>")
        while i < len(lines) and _TABLE.match(lines[i].text):
            row = lines[i].text.strip()
            if not _TABLE_RULE.match(row):
                cells = row.strip("|").split("|")
                self.emit(lines[i].number, "<tr>" + "".join(f"<td>{self.inline(c.strip())}</td>" for c in cells) + "</tr>")
            i += 1
        self.emit(self.line, "</table>")
        return i

    def plain_list(self, lines: list[_Line], i: int, depth: int) -> int:
        """A list whose first bullet is line ``i``; items continue on lines indented
        deeper than their bullet; two blank lines or a shallower line end it."""
        first = _BULLET.match(lines[i].text)
        assert first is not None
        indent = len(first.group(1).expandtabs(8))
        ordered = first.group(2)[0].isalnum()
        first_rest = lines[i].text[first.end():]
        described = _DESCRIPTION.search(first_rest) is not None and not ordered
        tag = "dl" if described else "ol" if ordered else "ul"
        self.emit(lines[i].number, f"<{tag}>")
        n = len(lines)
        sibling = False  # the item before ended at a bullet written a little off its column
        while i < n:
            m = _BULLET.match(lines[i].text)
            if not m or (len(m.group(1).expandtabs(8)) != indent and not sibling) or (m.group(2) == "*" and not m.group(1)):
                break
            rest = _CHECKBOX.sub("", _COUNTER.sub("", lines[i].text[m.end():], count=1), count=1)
            body = [_Line(lines[i].number, rest)]
            # where the item's text starts: a bullet of the same kind indented less than that
            # (" 4." under "5. …") is the next item written a space off, not a list inside this one
            column = indent + len(m.group(0).expandtabs(8)) - len(m.group(1).expandtabs(8))
            i += 1
            blank = 0
            sibling = False
            while i < n:
                text = lines[i].text
                if not text.strip():
                    blank += 1
                    if blank >= 2:
                        break
                    body.append(_Line(lines[i].number, ""))
                    i += 1
                    continue
                off = _BULLET.match(text)
                if off and off.group(2)[0].isalnum() == ordered and len(off.group(1).expandtabs(8)) < column:
                    sibling = True
                    break
                if len(text) - len(text.lstrip(" \t")) <= indent or _HEADLINE.match(text):
                    break
                blank = 0
                body.append(_Line(lines[i].number, text))
                i += 1
            while len(body) > 1 and not body[-1].text.strip():
                body.pop()
            self.item(tag, body, depth)
            if blank >= 2:
                break
        self.emit(self.line, f"</{tag}>")
        return i

    def item(self, tag: str, body: list[_Line], depth: int) -> None:
        head = body[0]
        # the item's first paragraph is its text (no <p>), as in a tight list
        k = 1
        while k < len(body) and body[k].text.strip() and not _interrupts(body[k].text):
            k += 1
        text = "\n".join([head.text.strip()] + [line.text.strip() for line in body[1:k]])
        if tag == "dl":
            term, _, definition = text.partition(" ::")
            self.emit(head.number, f"<dt>{self.inline(term.strip())}</dt><dd>{self.lines_inline(definition.strip())}")
        else:
            self.emit(head.number, f"<li>{self.lines_inline(text)}")
        if k < len(body):
            self.blocks(_dedent(body[k:]), depth + 1)
        self.emit(self.line, "</dd>" if tag == "dl" else "</li>")

    # inline -----------------------------------------------------------------

    def inline(self, text: str) -> str:
        """Org inline markup of ``text`` as HTML."""
        return _Inline(text).render(0, len(text), 0)

    def lines_inline(self, text: str) -> str:
        """A paragraph's inline markup; under ``\\n:t`` each of its line breaks is a ``<br>``, as
        the export writes it (lines of a title, a venue and a link read as three lines, not one)."""
        rendered = self.inline(text)
        return rendered.replace("<br>\n", "\n").replace("\n", "<br>\n") if self.breaks else rendered


def _interrupts(text: str) -> bool:
    """Whether a line starts a new element instead of continuing a paragraph."""
    m = _BULLET.match(text)
    if m and (m.group(2) != "*" or m.group(1)):
        return True
    return bool(_HEADLINE.match(text) or _BEGIN.match(text) or _KEYWORD.match(text) or _TABLE.match(text)
                or _DRAWER.match(text) or _COMMENT.match(text) or _RULE.match(text) or _FOOTDEF.match(text))


def _dedent(lines: list[_Line]) -> list[_Line]:
    widths = [len(line.text) - len(line.text.lstrip(" \t")) for line in lines if line.text.strip()]
    cut = min(widths) if widths else 0
    return [_Line(line.number, line.text[cut:]) for line in lines]


def _block_ends(lines: list[_Line]) -> dict[str, list[int]]:
    """Block name -> the indices of its ``#+END_`` lines, in order."""
    ends: dict[str, list[int]] = {}
    for k, line in enumerate(lines):
        if "#+" in line.text:
            m = _END.match(line.text)
            if m:
                ends.setdefault(m.group(1).lower(), []).append(k)
    return ends


class _Inline(InlineRenderer):
    """One paragraph's inline markup; closers are found by bisecting precomputed positions."""

    special_pattern = _SPECIAL

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.newlines = [k for k, c in enumerate(text) if c == "\n"]
        self.closers: dict[str, list[int]] = {m: [] for m in _MARKERS}
        for k, c in enumerate(text):
            if c in _MARKERS and k > 0 and not text[k - 1].isspace() \
                    and (k + 1 == len(text) or text[k + 1] in _POST):
                self.closers[c].append(k)

    def special(self, k: int, end: int, depth: int) -> tuple[str | None, int]:
        """The HTML for the construct starting at ``k`` and where it ends, or (None, k)."""
        text = self.text
        c = text[k]
        if text.startswith("[[", k):
            return self.link(k, end, depth)
        if text.startswith("@@", k):
            close = self.finder.find("@@", k + 2)
            colon = text.find(":", k + 2, min(end, k + 40))
            if close < 0 or close + 2 > end or colon < 0 or colon > close:
                return None, k
            backend = text[k + 2:colon].lower()
            return (text[colon + 1:close] if backend == "html" else ""), close + 2
        if text.startswith("[fn:", k):
            close = self.finder.find("]", k)
            if close < 0 or close >= end or close - k > 300:
                return None, k
            return "", close + 1  # a footnote reference: its text is elsewhere
        if text.startswith("<<", k):
            close = self.finder.find(">>", k + 2)
            if close < 0 or close + 2 > end or close - k > 300:
                return None, k
            label = text[k + 2:close].strip("<>")
            return escape(label) if text.startswith("<<<", k) else "", close + 2 + (text.startswith(">>>", close))
        if c == "<":
            close = self.finder.find(">", k)
            if close < 0 or close >= end or "\n" in text[k:close] or close - k > 2000:
                return None, k
            target = text[k + 1:close]
            return _anchor(target, escape(target)), close + 1
        if c in "hf" and text.startswith(("http", "ftp"), k):
            if k > 0 and (text[k - 1].isalnum() or text[k - 1] in "=/"):
                return None, k
            m = _URL.match(text, k, end)
            if m is None:
                return None, k
            url = m.group(0).rstrip(".,;:!?)")
            return _anchor(url, escape(url)), k + len(url)
        if c == "\\":
            if text.startswith("\\\\", k):
                line_end = text.find("\n", k)
                return "<br>", (line_end if line_end >= 0 else end)
            if text.startswith(("\\(", "\\["), k):  # a LaTeX fragment: kept as written
                close = self.finder.find("\\)" if text[k + 1] == "(" else "\\]", k + 2)
                if close < 0 or close + 2 > end:
                    return None, k
                return escape(text[k:close + 2]), close + 2
            m = _ENTITY.match(text, k, end)
            if m is None:
                return None, k
            char = _ORG_ENTITIES.get(m.group(1)) or html.entities.html5.get(m.group(1) + ";")
            if char is None or (m.group(2) is None and m.end() < end and text[m.end()].isalpha()):
                return None, k
            return escape(char), m.end()
        if c == "$":
            m = _INLINE_MATH.match(text, k, end)
            if m is None:
                return None, k
            return escape(m.group(0)), m.end()
        if c == "\n":
            return None, k
        return self.emphasis(k, end, depth)

    def link(self, k: int, end: int, depth: int) -> tuple[str | None, int]:
        text = self.text
        close = self.finder.find("]", k + 2)
        if close < 0 or close >= end or close - k > 4000:
            return None, k
        target = text[k + 2:close]
        if "[" in target or not target.strip():
            return None, k
        if text.startswith("]", close + 1):
            if _IMAGE.search(target.strip()) and not target.strip().lower().startswith(("doi:", "arxiv:")):
                # a link to an image with no description is the image itself, as Org's export
                # inlines it (an icon before "Slides"): no text of the item
                return f'<img src="{attr(target.strip())}" alt="">', close + 2
            label = escape(target) if depth >= _MAX_INLINE_DEPTH else self.render(k + 2, close, _MAX_INLINE_DEPTH)
            return _anchor(target, label), close + 2
        if not text.startswith("[", close + 1):
            return None, k
        stop = self.finder.find("]]", close + 2)
        if stop < 0 or stop + 2 > end or stop - close > 4000:
            return None, k
        label = self.render(close + 2, stop, depth + 1) if depth < _MAX_INLINE_DEPTH else escape(text[close + 2:stop])
        return _anchor(target, label), stop + 2

    def emphasis(self, k: int, end: int, depth: int) -> tuple[str | None, int]:
        text = self.text
        c = text[k]
        if depth >= _MAX_INLINE_DEPTH or (k > 0 and text[k - 1] not in _PRE) or k + 1 >= end or text[k + 1].isspace():
            return None, k
        close = first_after(self.closers[c], k + 2, end)
        if close < 0:
            return None, k
        if bisect_right(self.newlines, close) - bisect_left(self.newlines, k) > _MAX_EMPHASIS_BREAKS:
            return None, k
        tag = _MARKERS[c]
        inner = escape(text[k + 1:close]) if c in "=~" else self.render(k + 1, close, depth + 1)
        return f"<{tag}>{inner}</{tag}>", close + 1


def _anchor(target: str, label: str) -> str:
    """A link to ``target`` (Org link types resolved to URLs), or the label alone."""
    target = target.strip()
    low = target.lower()
    if low.startswith("doi:"):
        href = "https://doi.org/" + target[4:].strip()
    elif low.startswith("arxiv:"):
        href = "https://arxiv.org/abs/" + target[6:].strip()
    elif low.startswith(("http://", "https://", "ftp://", "mailto:")):
        href = target
    elif low.startswith("file:"):
        href = target[5:]
    elif target.startswith(("./", "../", "/", "~/")):
        href = target  # a file link written as a path, as Org's export links it
    else:  # an internal link (#id, *heading, a target name) or an unknown type
        return f"<span>{label}</span>"
    return f'<a href="{attr(href)}">{label}</a>'
