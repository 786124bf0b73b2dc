"""Typst rendered to the HTML document the page item finder reads.

Typst (``.typ``) is markup with embedded code: a CV or a publication list is headings,
lists and paragraphs, but its entries are often calls of a template's functions
(``#cvEntry(title: [...], date: [...])``, ``#publication([authors], "title", "venue")``,
``#pub-item-list([...], [...])``). Evaluating Typst is out of scope (packages, files,
a whole language); what a reader needs is the text those calls show, and that is read
from their arguments in order. Rendered:

- markup: ``=`` … ``======`` headings -> ``<h1>``-``<h6>``; ``-`` and ``+`` lists (nested
  by indentation) and ``/ Term: description`` lists -> ``<ul>``/``<ol>``/``<dl>``;
  paragraphs split at blank lines; ``*strong*``, ``_emph_``, bare URLs, raw text
  (```code```; raw blocks give none), escapes (``\\#``, ``\\u{..}``, ``\\`` line breaks),
  ``~``, ``--``, ``---``, ``...``; ``//`` and ``/* */`` comments, labels (``<key>``) and
  math delimiters give no text;
- code: ``#strong``/``#emph``/``#underline`` (written bold, as elsewhere)/``#super``/
  ``#sub``/``#link(url)[label]``/``#raw`` and the layout functions (``text``, ``box``,
  ``block``, ``align``, ``pad`` …) show their content; ``#list``/``#enum``/``#terms`` are
  lists, ``#grid``/``#table`` rows of cells, ``#heading`` a heading; spacing, images,
  icons and ``lorem`` give none;
- ``#let`` bindings are remembered: ``#name`` and ``..name`` show what was bound, and a
  call of a function defined in the document shows its body with the arguments put in
  (bounded; conditions on arguments are decided); a ``for`` loop over an array the
  document binds shows its body once per element (``#p.title`` reads a field);
- ``#set``, ``#show``, ``#import``, ``#include``, ``while`` loops and loops over data read
  from files give no text;
- any other call (a template's entry function) is one block whose arguments, positional
  and named (style options such as ``fill:`` or ``width:`` aside), are its lines, in the
  order written; a call whose positional arguments are several whole content blocks
  (``#pub-item-list([...], [...])``) shows each as an item of a list;
- ``#bibliography("refs.bib")`` and other calls naming a ``.bib``/Hayagriva file are
  noted (:attr:`Rendered.notes`): the entries are in that file, not in the document.

Time is linear in the input: one left-to-right parse (each character is read once per
construct it belongs to, never rescanned), comment and raw closers found through a
monotone find cache (:mod:`refkit.markup.inline`), nesting bounded (deeper is skipped
with a note), and what bound names and function bodies may add is budgeted per
document. Every block is written at its source line so items report Typst lines.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .inline import Finder, LineWriter, attr, escape

__all__ = ["Rendered", "to_html"]

_MAX_DEPTH = 40  # nested content blocks, calls, brackets; deeper is skipped
_MAX_EXPANSIONS = 20_000  # variable and user-function expansions per document
_MAX_EXPANSION_DEPTH = 8  # a binding used inside a binding used inside …
_MAX_OUTPUT = 4_000_000  # characters of HTML per document (or twice the text, if more)

_IDENT = re.compile(r"[A-Za-z_\u00c0-\uffff][\w\-\u00c0-\uffff]{0,100}")
_NUMBER = re.compile(r"[0-9][0-9a-zA-Z.%_]{0,60}|\.[0-9][0-9a-zA-Z.%_]{0,60}")
_HEADING = re.compile(r"(={1,6})[ \t]+")
_BULLET = re.compile(r"([-+])(?:[ \t]+|(?=\n)|$)")
_NUMBERED = re.compile(r"\d{1,9}\.(?:[ \t]+|(?=\n)|$)")
_TERM = re.compile(r"/[ \t]+")
_URL = re.compile(r"https?://[^\s<>\[\]{}\"'`]{1,2000}")
_LABEL = re.compile(r"<[\w:.\-]{1,200}>")
_REF = re.compile(r"@[\w:.\-]{1,200}")
_UNICODE = re.compile(r"\\u\{([0-9a-fA-F]{1,6})\}")
_STR_ESCAPES = {"n": "\n", "t": "\t", "r": "", "\\": "\\", '"': '"'}
_PLAIN_NUMBER = re.compile(r"\d{1,12}(?:\.\d{1,12})?")
_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
_BIB_FILE = re.compile(r"\.(?:bib|ya?ml)$", re.I)

#: functions that show their body (their last positional argument): inline with a tag (or
#: none), or as a block of its own ("div")
_WRAPPERS: dict[str, str | None] = {
    "strong": "b", "emph": "i", "underline": "b", "super": "sup", "sub": "sub", "smallcaps": None,
    "text": None, "box": None, "highlight": None, "overline": None, "strike": None, "upper": None,
    "lower": None, "move": None, "scale": None, "rotate": None, "context": None, "underbrace": None,
    "block": "div", "align": "div", "pad": "div", "place": "div", "par": "div", "rect": "div", "quote": "div",
    "figure": "div", "container": "div", "cell": None, "header": None, "footer": None,
}
#: methods whose result is not text a reader wants (``.with`` makes a function, ``.len`` a number)
_METHODS = {"with", "map", "filter", "sorted", "at", "slice", "rev", "len", "split", "trim", "first", "last",
            "flatten", "dedup", "keys", "values", "pairs", "insert", "push", "pop", "update", "get", "final",
            "step", "display", "contains", "position", "find", "enumerate", "zip", "fold", "sum", "product",
            "any", "all", "starts-with", "ends-with", "replace", "matches", "remove", "clusters", "codepoints"}
#: functions that print a bibliography file Typst formats itself
_BIBLIOGRAPHY = {"bibliography", "cite", "print-bibliography", "add-bib-resource", "load-bibliography"}
_STYLE_SUFFIXES = ("-color", "-size", "-font", "-width", "-height", "-spacing", "-style", "-weight", "-args",
                   "-len", "-gap", "-margin", "Color", "Size", "Font", "Style")
#: functions that show nothing a reader wants (spacing, pictures, icons, placeholders)
_SILENT = {"hline", "vline", "h", "v", "image", "line", "circle", "ellipse", "polygon", "path", "square", "lorem", "footnote",
           "hide", "counter", "state", "metadata", "numbering", "measure", "layout", "locate", "query",
           "fa-icon", "icon", "rgb", "cmyk", "luma", "color", "read", "json", "toml", "yaml", "csv", "xml",
           "datetime", "calc", "range", "str", "int", "float", "type", "repr", "assert", "panic", "label",
           "cite", "ref", "outline", "pagebreak", "colbreak", "parbreak", "linebreak", "page", "document",
           "pdf", "version", "stroke", "gradient", "tiling", "pattern", "selector", "dictionary", "array",
           "symbol", "emoji", "sym", "plugin", "eval", "math", "lorem-ipsum", "today"}
#: named arguments that style rather than say something
_STYLE_ARGS = {"width", "height", "fill", "stroke", "inset", "outset", "radius", "clip", "spacing", "above",
               "below", "breakable", "size", "font", "weight", "style", "lang", "region", "dir", "tracking",
               "baseline", "alignment", "align", "columns", "rows", "gutter", "column-gutter", "row-gutter",
               "tight", "numbering", "start", "full", "marker", "indent", "body-indent", "hanging-indent",
               "number-align", "reversed", "separator", "leading", "justify", "first-line-indent", "dx", "dy",
               "float", "scope", "clearance", "kind", "supplement", "placement", "outlined", "color", "accent",
               "paper", "margin", "header", "footer", "key", "keys", "key-list", "keyList", "bib", "path",
               "ref-style", "refStyle", "style", "title-style", "hyphenate", "overhang", "top-edge",
               "bottom-edge", "fallback", "stretch", "stretchable", "format", "sorting", "filter", "show-all",
               "label-generator", "format-reference", "grid-style", "metadata", "highlighted", "lang-code",
               "padding", "icon", "image", "logo", "photo", "picture", "depth", "offset", "level", "inline",
               "block", "encoding", "slice", "position", "origin", "reflow", "auto", "evade"}


@dataclass
class Rendered:
    """The HTML of a Typst document and what the reader should tell the user."""

    html: str
    #: (1-based line, message): files that hold the entries, and what was skipped
    notes: list[tuple[int, str]] = field(default_factory=list)


# the document as a tree ------------------------------------------------------------------


@dataclass
class _Node:
    """One piece of rendered markup. ``kind``: text, br, par (a paragraph break), tag
    (an inline element: ``tag``, ``href``), heading (``level``), item (a list marker:
    ``marker`` is ``-``, ``+`` or ``/``, ``indent`` its column), div (a block of
    ``children``), list (``tag`` ul/ol/dl/table, ``items``; a table has ``level``
    columns), call (a template function's block: ``text`` its name, ``items`` its
    arguments' lines), value (an expression in markup, shown when written)."""

    kind: str
    pos: int
    text: str = ""
    tag: str = ""
    href: str = ""
    level: int = 0
    marker: str = ""
    indent: int = 0
    children: list[_Node] = field(default_factory=list)
    items: list[list[_Node]] = field(default_factory=list)
    value: _Value | None = None


@dataclass
class _Value:
    """An expression of Typst's code: ``kind`` str (``text``), content (``nodes``), array
    (``args``), call (``name``, ``args``), var (``name``), concat (``parts``), func
    (``params``, ``body``), if (``parts``: condition, then, else), none (no text)."""

    kind: str
    pos: int
    text: str = ""
    name: str = ""
    nodes: list[_Node] = field(default_factory=list)
    args: list[_Arg] = field(default_factory=list)
    parts: list[_Value] = field(default_factory=list)
    params: list[tuple[str, _Value | None]] = field(default_factory=list)
    body: _Value | None = None
    op: str = ""


@dataclass
class _Arg:
    name: str | None
    value: _Value
    spread: bool = False


_NONE = _Value("none", 0)


class _Budget(Exception):
    """Raised when nesting runs past :data:`_MAX_DEPTH`; the construct is skipped."""


def to_html(text: str) -> Rendered:
    """The Typst document as an HTML ``<body>``, each block on its source line, and notes
    for the reader (a bibliography file named, constructs skipped)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    parser = _Parser(text)
    nodes = parser.markup_until(None, 0)
    writer = _Writer(text, parser, max(_MAX_OUTPUT, 2 * len(text)))
    writer.document(nodes)
    notes = [(writer.line_of(pos), message) for pos, message in parser.notes]
    return Rendered("<html><body>" + "".join(writer.out) + "</body></html>", notes)


class _Parser:
    """A recursive-descent reader of Typst markup and code. Every method advances
    ``self.i``; nothing is read twice, so the parse is linear in the text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.n = len(text)
        self.i = 0
        self.finder = Finder(text)
        self.notes: list[tuple[int, str]] = []
        self.env: dict[str, _Value] = {}
        self.noted_depth = False
        self.closed = _closed_openers(text)

    # helpers ------------------------------------------------------------------------------

    def note(self, pos: int, message: str) -> None:
        if len(self.notes) < 50 and (pos, message) not in self.notes:
            self.notes.append((pos, message))

    def deeper(self, depth: int) -> int:
        if depth >= _MAX_DEPTH:
            if not self.noted_depth:
                self.noted_depth = True
                self.note(self.i, "Typst nested too deep to read; the innermost part is skipped")
            raise _Budget()
        return depth + 1

    def column(self, k: int) -> int:
        start = self.text.rfind("\n", 0, k) + 1
        return len(self.text[start:k].expandtabs(8))

    def in_word(self, k: int) -> bool:
        """Whether ``*`` or ``_`` at ``k`` stands between two letters (no delimiter then)."""
        text = self.text
        return 0 < k < self.n - 1 and text[k - 1].isalnum() and text[k + 1].isalnum()

    def skip_space(self, newlines: bool = True) -> None:
        """Past blanks and comments (and newlines, when ``newlines``)."""
        text, n = self.text, self.n
        while self.i < n:
            c = text[self.i]
            if c in " \t" or (newlines and c == "\n"):
                self.i += 1
            elif text.startswith("//", self.i):
                end = text.find("\n", self.i)
                self.i = n if end < 0 else end
            elif text.startswith("/*", self.i):
                self.skip_block_comment()
            else:
                return

    def skip_block_comment(self) -> None:
        """Past a ``/* … */`` comment (they nest, as in Typst); unclosed: to the end."""
        text, n = self.text, self.n
        depth = 0
        k = self.i
        while k < n:
            if text.startswith("/*", k):
                depth += 1
                k += 2
            elif text.startswith("*/", k):
                depth -= 1
                k += 2
                if depth == 0:
                    break
            else:
                k += 1
        self.i = k

    # markup -------------------------------------------------------------------------------

    def markup_until(self, closer: str | None, depth: int, stop_newline: bool = False) -> list[_Node]:
        """Markup from ``self.i`` up to ``closer`` (``]``, ``*``, ``_``; the closer is
        consumed) or the end. ``stop_newline``: a heading's line ends it."""
        text, n = self.text, self.n
        out: list[_Node] = []
        buf: list[str] = []
        buf_pos = self.i
        brackets = 0

        def flush() -> None:
            if buf:
                out.append(_Node("text", buf_pos, "".join(buf)))
                buf.clear()

        while self.i < n:
            k = self.i
            c = text[k]
            if closer == "]" and c == "]" and brackets == 0:
                self.i += 1
                flush()
                return out
            if closer is not None and closer in "*_" and c == closer and not self.in_word(k):
                self.i += 1
                flush()
                return out
            if c == "\n":
                if stop_newline:
                    flush()
                    return out
                flush()
                self.i += 1
                blank = False
                while self.i < n:
                    j = self.i
                    while j < n and text[j] in " \t":
                        j += 1
                    if j < n and text[j] == "\n":
                        blank = True
                        self.i = j + 1
                        continue
                    if text.startswith("//", j) and not blank:
                        # a comment line between lines of a paragraph keeps it one paragraph
                        end = text.find("\n", j)
                        self.i = n if end < 0 else end + 1
                        continue
                    break
                if closer is not None and closer in "*_" and blank:
                    return out  # strong/emph end at a paragraph break
                out.append(_Node("par" if blank else "text", self.i, "" if blank else "\n"))
                buf_pos = self.i
                self.line_start(out, depth)
                buf_pos = self.i
                continue
            if k == 0 and closer is None and not stop_newline:
                self.line_start(out, depth)
                buf_pos = self.i
                if self.i != k:
                    continue
            if c == "[":
                brackets += 1
                buf.append(c)
                self.i += 1
                continue
            if c == "]":
                brackets = max(0, brackets - 1)
                buf.append(c)
                self.i += 1
                continue
            special = self.markup_special(k, depth, closer)
            if special is None:
                buf.append(c)
                self.i += 1
                continue
            flush()
            out.extend(special)
            buf_pos = self.i
        flush()
        return out

    def line_start(self, out: list[_Node], depth: int) -> None:
        """At the start of a line: a heading or a list marker becomes a node."""
        text = self.text
        j = self.i
        while j < self.n and text[j] in " \t":
            j += 1
        m = _HEADING.match(text, j)
        if m:
            self.i = m.end()
            try:
                body = self.markup_until(None, self.deeper(depth), stop_newline=True)
            except _Budget:
                body = []
            out.append(_Node("heading", j, level=len(m.group(1)), children=body))
            return
        m = _BULLET.match(text, j) or _NUMBERED.match(text, j)
        if m:
            marker = m.group(0).strip()
            out.append(_Node("item", j, marker="+" if marker[0].isdigit() else marker, indent=self.column(j)))
            self.i = m.end()
            return
        m = _TERM.match(text, j)
        if m:
            colon = text.find(":", m.end(), min(self.n, m.end() + 300))
            line_end = text.find("\n", m.end())
            if colon > 0 and (line_end < 0 or colon < line_end):
                out.append(_Node("item", j, marker="/", indent=self.column(j)))
                self.i = m.end()
                try:
                    term = self.parse_term(colon, depth)
                except _Budget:
                    term = []
                out.append(_Node("tag", j, tag="dt", children=term))

    def parse_term(self, colon: int, depth: int) -> list[_Node]:
        """The term of ``/ Term: description`` (up to its colon)."""
        saved_n = self.n
        self.n = colon
        try:
            term = self.markup_until(None, self.deeper(depth), stop_newline=True)
        finally:
            self.n = saved_n
        self.i = colon + 1
        return term

    def markup_special(self, k: int, depth: int, closer: str | None) -> list[_Node] | None:
        """The nodes of the construct at ``k`` (advancing ``self.i``), or None for text."""
        text = self.text
        c = text[k]
        if c == "/" and text.startswith("//", k) and (k == 0 or text[k - 1] != ":"):
            end = text.find("\n", k)
            self.i = self.n if end < 0 else end
            return []
        if c == "/" and text.startswith("/*", k):
            self.i = k
            self.skip_block_comment()
            return []
        if c == "\\":
            return self.escape(k)
        if c == "#":
            return self.embedded(k, depth)
        if c in "*_" and not self.in_word(k) and c != closer:
            self.i = k + 1
            try:
                inner = self.markup_until(c, self.deeper(depth))
            except _Budget:
                inner = []
            return [_Node("tag", k, tag="b" if c == "*" else "i", children=inner)]
        if c == "`":
            return self.raw(k)
        if c == "$":
            close = self.finder.find("$", k + 1)
            while close > 0 and text[close - 1] == "\\":
                close = self.finder.find("$", close + 1)
            if close < 0 or close - k > 5000:
                return None
            self.i = close + 1
            return [_Node("text", k, text[k + 1:close].strip())]
        if c == "<":
            m = _LABEL.match(text, k)
            if m:
                self.i = m.end()
                return []
            return None
        if c == "@" and (k == 0 or not text[k - 1].isalnum()):
            m = _REF.match(text, k)
            if m:
                self.i = m.end()
                return [_Node("text", k, m.group(0)[1:].rstrip(".:"))]
            return None
        if c == "h" and text.startswith(("http://", "https://"), k) and (k == 0 or not text[k - 1].isalnum()):
            m = _URL.match(text, k)
            if not m:
                return None
            url = _trim_url(m.group(0))
            self.i = k + len(url)
            return [_Node("tag", k, tag="a", href=url, children=[_Node("text", k, url)])]
        if c == "~":
            self.i = k + 1
            return [_Node("text", k, "\u00a0")]
        if c == "-":
            if text.startswith("---", k):
                self.i = k + 3
                return [_Node("text", k, "\u2014")]
            if text.startswith("--", k):
                self.i = k + 2
                return [_Node("text", k, "\u2013")]
            if text.startswith("-?", k):
                self.i = k + 2
                return []
            return None
        if c == "." and text.startswith("...", k):
            self.i = k + 3
            return [_Node("text", k, "\u2026")]
        return None

    def escape(self, k: int) -> list[_Node]:
        text = self.text
        if k + 1 >= self.n or text[k + 1] in " \t\n":
            self.i = k + 1
            return [_Node("br", k)]
        m = _UNICODE.match(text, k)
        if m:
            self.i = m.end()
            code = int(m.group(1), 16)
            return [_Node("text", k, chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "")]
        self.i = k + 2
        return [_Node("text", k, text[k + 1])]

    def raw(self, k: int) -> list[_Node]:
        text = self.text
        j = k
        while j < self.n and text[j] == "`" and j - k < 100:
            j += 1
        ticks = j - k
        if ticks == 2:  # an empty raw
            self.i = j
            return []
        fence = "`" * ticks
        close = self.finder.find(fence, j)
        if close < 0:
            self.i = j
            return [_Node("text", k, fence)]
        self.i = close + ticks
        if ticks >= 3:
            return []  # a raw block: code shown as code, no text of an entry
        return [_Node("tag", k, tag="code", children=[_Node("text", k, text[j:close])])]

    # embedded code ----------------------------------------------------------------------

    def embedded(self, k: int, depth: int) -> list[_Node] | None:
        """``#…`` in markup: a keyword statement, or an expression whose value is shown."""
        text = self.text
        j = k + 1
        if j >= self.n:
            return None
        c = text[j]
        try:
            if c in "[{(" and j not in self.closed:
                return None  # an opener never closed: text, so the rest of the document is read
            depth = self.deeper(depth)
            if c == "[":
                self.i = j + 1
                return self.markup_until("]", depth)
            if c == "{":
                self.i = j
                return self.show(self.code_block(depth), depth)
            if c == "(":
                self.i = j
                return self.show(self.primary(depth, embedded=True), depth)
            if c == '"':
                self.i = j
                return self.show(self.string(), depth)
            m = _IDENT.match(text, j)
            if not m:
                return None
            word = m.group(0)
            if m.end() < self.n and text[m.end()] in "[(" and m.end() not in self.closed:
                return None
            if word in ("let", "set", "show", "import", "include", "if", "for", "while", "return", "break",
                        "continue", "context"):
                self.i = m.end()
                return self.statement(word, k, depth, embedded=True)
            self.i = j
            value = self.postfix(depth, embedded=True)
            return self.show(value, depth)
        except _Budget:
            self.skip_rest_of_statement()
            return []

    def statement(self, word: str, k: int, depth: int, embedded: bool) -> list[_Node]:
        """A keyword statement after its keyword: ``let`` binds, ``context`` shows its
        expression, ``include``/``import`` are noted or skipped, the rest is skipped."""
        if word == "let":
            self.let(depth)
            return []
        if word == "context":
            self.skip_space(newlines=False)
            return self.show(self.postfix(depth, embedded=embedded), depth)
        if word == "if":
            return self.show(self.conditional(k, depth, embedded), depth)
        if word == "for":
            return self.show(self.loop(k, depth, embedded), depth)
        if word == "include":
            self.skip_space(newlines=False)
            value = self.postfix(depth, embedded=True)
            if value.kind == "str":
                self.note(k, f"the text of {value.text} is not read (Typst #include); convert that file too")
            return []
        if word == "show" or word == "set":
            self.skip_rest_of_statement()
            return []
        self.skip_rest_of_statement()
        return []

    def skip_rest_of_statement(self) -> None:
        """Past the rest of a statement: to the end of its line outside brackets,
        strings and comments (a bracket left open ends it at its paragraph)."""
        text, n = self.text, self.n
        stack = 0
        while self.i < n:
            c = text[self.i]
            if c == "\n" and stack == 0:
                # a statement continues on the next line after an operator or before "else"
                rest = text[self.i + 1:self.i + 200].lstrip(" \t")
                if rest.startswith(("else", ".")):
                    self.i += 1
                    continue
                return
            if c == "\n" and text.startswith("\n", self.i + 1) and stack > 0:
                nxt = text[self.i + 2:self.i + 3]
                if nxt == "=":  # a heading: the statement was left open
                    return
            if c in "([{":
                stack += 1
            elif c in ")]}":
                stack -= 1
                if stack < 0:
                    return  # the enclosing block closes here
            elif c == '"':
                self.string()
                continue
            elif text.startswith("//", self.i) and (self.i == 0 or text[self.i - 1] != ":"):
                end = text.find("\n", self.i)
                self.i = n if end < 0 else end
                continue
            elif text.startswith("/*", self.i):
                self.skip_block_comment()
                continue
            self.i += 1

    def let(self, depth: int) -> None:
        """``let name = value`` / ``let name(params) = body`` / ``let (a, b) = …``."""
        text = self.text
        self.skip_space(newlines=False)
        m = _IDENT.match(text, self.i)
        if not m:
            self.skip_rest_of_statement()
            return
        name = m.group(0)
        self.i = m.end()
        params: list[tuple[str, _Value | None]] | None = None
        if self.i < self.n and text[self.i] == "(":
            params = self.parameters(depth)
        self.skip_space(newlines=False)
        if self.i < self.n and text[self.i] == "=" and not text.startswith("==", self.i):
            self.i += 1
            self.skip_space(newlines=False)
            value = self.expression(depth, embedded=True)
        else:
            value = _NONE
        if params is not None:
            value = _Value("func", value.pos, params=params, body=value)
        if len(self.env) < 10_000:
            self.env[name] = value

    def parameters(self, depth: int) -> list[tuple[str, _Value | None]]:
        """``(a, b, named: default, ..rest)`` after a function's name."""
        args = self.arguments(depth)
        params: list[tuple[str, _Value | None]] = []
        for arg in args:
            if arg.name is not None:
                params.append((arg.name, arg.value))
            elif arg.value.kind == "var":
                params.append(((".." if arg.spread else "") + arg.value.name, None))
        return params

    def conditional(self, k: int, depth: int, embedded: bool) -> _Value:
        """``if cond {…} else if … else […]``: kept with its condition, decided when shown."""
        cond = self.expression(depth, embedded=False, stop_at_block=True)
        self.skip_space(newlines=False)
        then = self.block_body(depth)
        other = _NONE
        save = self.i
        self.skip_space(newlines=True)
        if self.text.startswith("else", self.i) and not _word_char(self.text, self.i + 4):
            self.i += 4
            self.skip_space(newlines=True)
            if self.text.startswith("if", self.i) and not _word_char(self.text, self.i + 2):
                self.i += 2
                other = self.conditional(self.i, self.deeper(depth), embedded)
            else:
                other = self.block_body(depth)
        else:
            self.i = save
        return _Value("if", k, parts=[cond, then, other])

    def loop(self, k: int, depth: int, embedded: bool) -> _Value:
        """``for name in items {…}`` / ``[…]``: kept with its body, run when shown over an
        array the document binds (``#let pubs = ((title: …), …)``); anything else
        (``range``, data read from files) shows nothing."""
        text = self.text
        self.skip_space(newlines=False)
        m = _IDENT.match(text, self.i)
        if not m or m.group(0) == "in":
            self.skip_rest_of_statement()
            return _Value("none", k)
        name = m.group(0)
        self.i = m.end()
        self.skip_space(newlines=False)
        if not (text.startswith("in", self.i) and not _word_char(text, self.i + 2)):
            self.skip_rest_of_statement()
            return _Value("none", k)
        self.i += 2
        self.skip_space(newlines=False)
        items = self.expression(depth, embedded=False, stop_at_block=True)
        self.skip_space(newlines=False)
        body = self.block_body(depth)
        return _Value("for", k, name=name, parts=[items], body=body)

    def block_body(self, depth: int) -> _Value:
        if self.i < self.n and self.text[self.i] in "[{" and self.i not in self.closed:
            return _NONE
        if self.i < self.n and self.text[self.i] == "[":
            pos = self.i
            self.i += 1
            return _Value("content", pos, nodes=self.markup_until("]", self.deeper(depth)))
        if self.i < self.n and self.text[self.i] == "{":
            return self.code_block(depth)
        return _NONE

    # code expressions ---------------------------------------------------------------------

    def code_block(self, depth: int) -> _Value:
        """``{ statements }``: its values in order (a ``let`` binds, as in markup)."""
        pos = self.i
        self.i += 1
        parts: list[_Value] = []
        depth = self.deeper(depth)
        text, n = self.text, self.n
        while self.i < n:
            self.skip_space(newlines=True)
            if self.i >= n:
                break
            c = text[self.i]
            if c == "}":
                self.i += 1
                break
            if c == ";":
                self.i += 1
                continue
            start = self.i
            m = _IDENT.match(text, self.i)
            if m and m.group(0) in ("let", "set", "show", "import", "include", "for", "while", "return", "if",
                                    "context", "break", "continue"):
                word = m.group(0)
                self.i = m.end()
                if word == "let":
                    self.let(depth)
                elif word == "if":
                    parts.append(self.conditional(start, depth, embedded=False))
                elif word == "for":
                    parts.append(self.loop(start, depth, embedded=False))
                elif word == "return" or word == "context":
                    self.skip_space(newlines=False)
                    parts.append(self.expression(depth, embedded=True))
                else:
                    self.skip_rest_of_statement()
            else:
                parts.append(self.expression(depth, embedded=True))
            if self.i == start:
                self.i += 1  # a character no expression starts with
        return _Value("concat", pos, parts=parts, op="join")

    def expression(self, depth: int, embedded: bool, stop_at_block: bool = False) -> _Value:
        """A code expression: terms joined by operators; ``+`` joins text, the rest is
        kept only as a comparison (for ``if``). Ends at ``,`` ``)`` ``]`` ``}`` ``;``, a
        newline outside brackets, or (``stop_at_block``) a ``{``/``[`` body."""
        text, n = self.text, self.n
        pos = self.i
        terms: list[_Value] = []
        ops: list[str] = []
        while True:
            self.skip_space(newlines=not embedded)
            if self.i >= n:
                break
            c = text[self.i]
            if stop_at_block and c in "{[" and terms:
                break
            if c in ",)]};\n":
                break
            if terms:
                op = self.operator()
                if op is None:
                    break
                if op == "=>":  # a closure: its body is not shown
                    self.skip_space(newlines=False)
                    body = self.expression(depth, embedded=embedded, stop_at_block=False)
                    terms = [_Value("func", pos, body=body)]
                    ops = []
                    continue
                ops.append(op)
                self.skip_space(newlines=True)
                if self.i >= n:
                    break
            start = self.i
            term = self.unary(depth, embedded=embedded, stop_at_block=stop_at_block)
            if self.i == start:
                break
            terms.append(term)
        if not terms:
            return _Value("none", pos)
        if len(terms) == 1:
            return terms[0]
        if all(op == "+" for op in ops):
            return _Value("concat", pos, parts=terms, op="+")
        if len(terms) == 2 and ops[0] in ("==", "!=", "in", "not in"):
            return _Value("compare", pos, parts=terms, op=ops[0])
        return _Value("none", pos)

    def operator(self) -> str | None:
        text = self.text
        for op in ("=>", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "+", "-", "*", "/", "<", ">", "="):
            if text.startswith(op, self.i):
                if op == "=" and text.startswith("==", self.i):
                    continue
                self.i += len(op)
                return op
        for word in ("and", "or", "in", "not in"):
            if text.startswith(word, self.i) and not _word_char(text, self.i + len(word)):
                self.i += len(word)
                return word
        return None

    def unary(self, depth: int, embedded: bool, stop_at_block: bool) -> _Value:
        text = self.text
        if text.startswith(("-", "+"), self.i):
            self.i += 1
            return self.unary(self.deeper(depth), embedded, stop_at_block)
        if text.startswith("not", self.i) and not _word_char(text, self.i + 3):
            self.i += 3
            self.skip_space(newlines=False)
            return self.unary(self.deeper(depth), embedded, stop_at_block)
        return self.postfix(depth, embedded=embedded, stop_at_block=stop_at_block)

    def postfix(self, depth: int, embedded: bool, stop_at_block: bool = False) -> _Value:
        """A primary with its field accesses, calls and trailing content blocks."""
        text, n = self.text, self.n
        value = self.primary(depth, embedded=embedded)
        while self.i < n:
            c = text[self.i]
            if c == "." and value.kind in ("var", "call") and self.i + 1 < n and _IDENT.match(text, self.i + 1) \
                    and not text[self.i + 1].isdigit():
                m = _IDENT.match(text, self.i + 1)
                assert m is not None
                self.i = m.end()
                if value.kind == "var":
                    value = _Value("var", value.pos, name=value.name + "." + m.group(0))
                else:  # a method on a call's result (.with, .join, .map): the call's text stays
                    value = _Value("call", value.pos, name=value.name + "." + m.group(0), args=value.args)
                continue
            if c in "([" and self.i not in self.closed:
                break
            if c == "(" and value.kind in ("var", "call", "func"):
                args = self.arguments(depth)
                if value.kind == "var":
                    value = _Value("call", value.pos, name=value.name, args=args)
                else:
                    value = _Value("call", value.pos, name=value.name, args=value.args + args)
                continue
            if c == "[" and value.kind in ("var", "call") and not stop_at_block:
                pos = self.i
                self.i += 1
                body = _Value("content", pos, nodes=self.markup_until("]", self.deeper(depth)))
                args = value.args if value.kind == "call" else []
                value = _Value("call", value.pos, name=value.name, args=args + [_Arg(None, body)])
                continue
            break
        return value

    def primary(self, depth: int, embedded: bool) -> _Value:
        text = self.text
        depth = self.deeper(depth)
        pos = self.i
        if self.i >= self.n:
            return _Value("none", pos)
        c = text[self.i]
        if c == '"':
            return self.string()
        if c in "[{(" and self.i not in self.closed:
            self.i += 1
            return _Value("none", pos)
        if c == "[":
            self.i += 1
            return _Value("content", pos, nodes=self.markup_until("]", depth))
        if c == "{":
            return self.code_block(depth)
        if c == "(":
            args = self.arguments(depth)
            if len(args) == 1 and args[0].name is None and not args[0].spread and not self.trailing_comma:
                return args[0].value  # parenthesised
            return _Value("array", pos, args=args)
        if c == "$":
            close = self.finder.find("$", self.i + 1)
            if close < 0:
                self.i = self.n
                return _Value("none", pos)
            self.i = close + 1
            return _Value("str", pos, text=text[pos + 1:close].strip())
        if c == "<":
            m = _LABEL.match(text, self.i)
            if m:
                self.i = m.end()
                return _Value("none", pos)
        m = _NUMBER.match(text, self.i)
        if m:
            self.i = m.end()
            return _Value("none", pos, text=m.group(0))
        m = _IDENT.match(text, self.i)
        if m:
            word = m.group(0)
            self.i = m.end()
            if word in ("none", "auto", "true", "false"):
                return _Value("none", pos, text=word)
            if word == "if":
                return self.conditional(pos, depth, embedded)
            if word == "for":
                return self.loop(pos, depth, embedded)
            if word == "while":
                self.skip_rest_of_statement()
                return _Value("none", pos)
            if word == "context":
                self.skip_space(newlines=False)
                return self.postfix(depth, embedded=embedded)
            return _Value("var", pos, name=word)
        return _Value("none", pos)

    #: whether the argument list just read ended with a comma: ``(a,)`` is an array, ``(a)`` is ``a``
    trailing_comma = False

    def arguments(self, depth: int) -> list[_Arg]:
        """``( … )``: positional, named (``name: value``) and spread (``..value``) items."""
        text, n = self.text, self.n
        self.i += 1
        args: list[_Arg] = []
        depth = self.deeper(depth)
        self.trailing_comma = False
        while self.i < n:
            self.skip_space(newlines=True)
            if self.i >= n:
                break
            c = text[self.i]
            if c == ")":
                self.i += 1
                break
            if c == ",":
                self.i += 1
                self.trailing_comma = True
                continue
            if c in "]}":
                break  # an unclosed call: its enclosing block closes here
            start = self.i
            spread = False
            name = None
            if text.startswith("..", self.i):
                spread = True
                self.i += 2
            else:
                m = _IDENT.match(text, self.i)
                if m:
                    j = m.end()
                    while j < n and text[j] in " \t":
                        j += 1
                    if j < n and text[j] == ":":
                        name = m.group(0)
                        self.i = j + 1
                elif c == '"':
                    # a dictionary key written as a string: "key": value
                    save = self.i
                    key = self.string()
                    j = self.i
                    while j < n and text[j] in " \t":
                        j += 1
                    if j < n and text[j] == ":":
                        name = key.text
                        self.i = j + 1
                    else:
                        self.i = save
            value = self.expression(depth, embedded=False)
            args.append(_Arg(name, value, spread))
            self.trailing_comma = False
            if self.i == start:
                self.i += 1
        return args

    def string(self) -> _Value:
        """A string literal with its escapes; unclosed: to the end of the line."""
        text, n = self.text, self.n
        pos = self.i
        self.i += 1
        out: list[str] = []
        start = self.i
        while self.i < n:
            c = text[self.i]
            if c == '"':
                out.append(text[start:self.i])
                self.i += 1
                return _Value("str", pos, text="".join(out))
            if c == "\n":
                break
            if c == "\\" and self.i + 1 < n:
                out.append(text[start:self.i])
                m = _UNICODE.match(text, self.i)
                if m:
                    code = int(m.group(1), 16)
                    out.append(chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "")
                    self.i = m.end()
                else:
                    out.append(_STR_ESCAPES.get(text[self.i + 1], text[self.i + 1]))
                    self.i += 2
                start = self.i
                continue
            self.i += 1
        out.append(text[start:self.i])
        return _Value("str", pos, text="".join(out))

    # values shown -------------------------------------------------------------------------

    def show(self, value: _Value, depth: int) -> list[_Node]:
        """A value in markup, kept as it is until the document is written (a function's
        body shows its parameters only when it is called)."""
        return [_Node("value", value.pos, value=value)]


class _Shower:
    """What values show, as markup nodes without values left in them: bound names and
    the document's own functions expanded within the document's budget, known
    functions by their meaning, other calls by their arguments."""

    def __init__(self, parser: _Parser, budget: int) -> None:
        self.parser = parser
        self.expansions = 0
        self.chars = budget  # characters expansions may still add

    def resolve(self, nodes: list[_Node], depth: int, expanding: int, scope: dict[str, _Value] | None) -> list[_Node]:
        """``nodes`` with every value node replaced by what it shows."""
        out: list[_Node] = []
        for node in nodes:
            if node.kind == "value":
                if node.value is not None:
                    out.extend(self.nodes(node.value, depth, expanding, scope))
            elif node.children or node.items:
                if depth >= _MAX_DEPTH:
                    continue
                copy = _Node(node.kind, node.pos, node.text, node.tag, node.href, node.level, node.marker, node.indent,
                             self.resolve(node.children, depth + 1, expanding, scope),
                             [self.resolve(item, depth + 1, expanding, scope) for item in node.items])
                out.append(copy)
            else:
                if expanding:
                    if self.chars <= 0:
                        continue
                    self.chars -= len(node.text) + 1
                out.append(node)
        return out

    def nodes(self, value: _Value, depth: int, expanding: int, scope: dict[str, _Value] | None) -> list[_Node]:
        """What ``value`` shows (names looked up in ``scope``, then the document's)."""
        if depth >= _MAX_DEPTH:
            return []
        depth += 1
        kind = value.kind
        if kind == "str":
            if expanding:
                if self.chars <= 0:
                    return []
                self.chars -= len(value.text)
            return [_Node("text", value.pos, value.text)] if value.text else []
        if kind == "content":
            return self.resolve(value.nodes, depth, expanding, scope)
        if kind == "concat":
            out: list[_Node] = []
            for part in value.parts:
                out.extend(self.nodes(part, depth, expanding, scope))
            return out
        if kind == "array":
            out = []
            for arg in value.args:
                shown = self.nodes(arg.value, depth, expanding, scope)
                if shown and out:
                    out.append(_Node("text", arg.value.pos, ", "))
                out.extend(shown)
            return out
        if kind == "var":
            if scope is not None and value.name in scope:
                return self.nodes(scope[value.name], depth, expanding, None)
            bound = self.lookup(value.name, scope)
            if bound is None or bound.kind == "func" or not self.spend(expanding):
                return []
            return self.nodes(bound, depth, expanding + 1, None)
        if kind == "for":
            return self.loop(value, depth, expanding, scope)
        if kind == "none" and _PLAIN_NUMBER.fullmatch(value.text):  # #p.year, #2021: numbers show as written
            return [_Node("text", value.pos, value.text)]
        if kind == "if":
            cond, then, other = value.parts
            decided = self.decide(cond, scope)
            if decided is None:
                return []
            return self.nodes(then if decided else other, depth, expanding, scope)
        if kind == "call":
            return self.call(value, depth, expanding, scope)
        return []

    def spend(self, expanding: int) -> bool:
        """Whether one more expansion is within the document's budget."""
        if expanding >= _MAX_EXPANSION_DEPTH or self.expansions >= _MAX_EXPANSIONS or self.chars <= 0:
            return False
        self.expansions += 1
        return True

    def lookup(self, name: str, scope: dict[str, _Value] | None) -> _Value | None:
        """A name's value: the innermost binding, then the document's; ``a.b`` is field
        ``b`` of a dictionary bound to ``a``."""
        if scope is not None and name in scope:
            return scope[name]
        found = self.parser.env.get(name)
        if found is not None or "." not in name:
            return found
        head, *fields = name.split(".")
        value = self.lookup(head, scope)
        for key in fields:
            if value is None or value.kind != "array":
                return None
            value = next((a.value for a in value.args if a.name == key), None)
        return value

    def loop(self, value: _Value, depth: int, expanding: int, scope: dict[str, _Value] | None) -> list[_Node]:
        """A ``for`` loop over an array the document binds: its body once per element."""
        items = value.parts[0] if value.parts else _NONE
        if items.kind == "var":
            items = self.lookup(items.name, scope) or _NONE
        if items.kind != "array" or value.body is None:
            return []
        out: list[_Node] = []
        for arg in self.spread(items.args, scope):
            if arg.name is not None or not self.spend(expanding):
                continue
            inner = dict(scope) if scope else {}
            inner[value.name] = self.bound(arg.value, depth, expanding, scope) if arg.value.kind != "array" else arg.value
            out.extend(self.nodes(value.body, depth, expanding + 1, inner))
        return out

    def decide(self, cond: _Value, scope: dict[str, _Value] | None) -> bool | None:
        """``x != ""``, ``x == none``, a bare name: decided for names bound to text or
        nothing; anything else is undecided (None: neither branch is shown)."""
        if cond.kind == "compare" and len(cond.parts) == 2 and cond.op in ("==", "!="):
            left, right = (self.literal(part, scope) for part in cond.parts)
            if left is None or right is None:
                return None
            return (left == right) == (cond.op == "==")
        literal = self.literal(cond, scope)
        if literal is not None:
            return literal not in ("", "none", "false")
        return None

    def literal(self, value: _Value, scope: dict[str, _Value] | None, depth: int = 0) -> str | None:
        """A value's text when it is plain (a string, ``none``, text content, a ``+`` of those)."""
        if depth > 8:
            return None
        if value.kind == "var":
            bound = self.lookup(value.name, scope)
            if bound is None:
                return None
            return self.literal(bound, None if scope and value.name in scope else scope, depth + 1)
        if value.kind == "str":
            return value.text
        if value.kind == "none":
            return value.text or "none"
        if value.kind == "content":
            if all(n.kind == "text" for n in value.nodes):
                return "".join(n.text for n in value.nodes)
            return "[content]"
        if value.kind == "concat" and value.op == "+":
            parts = [self.literal(p, scope, depth + 1) for p in value.parts]
            return None if any(p is None for p in parts) else "".join(p for p in parts if p is not None)
        return None

    def call(self, value: _Value, depth: int, expanding: int, scope: dict[str, _Value] | None) -> list[_Node]:
        name = value.name
        base = name.rsplit(".", 1)[-1]
        args = self.spread(value.args, scope)
        positional = [a.value for a in args if a.name is None]
        self.note_files(value, args, scope)
        bound = self.lookup(name, scope)
        if bound is not None and bound.kind == "func" and bound.body is not None:
            if not self.spend(expanding):
                return []
            return self.apply(bound, args, value, depth, expanding, scope)
        if "." in name and base in _METHODS:
            return []
        if name.startswith(("sym.", "emoji.", "calc.")) or base in _SILENT or base.startswith("fa-"):
            if base in ("pagebreak", "colbreak", "parbreak"):
                return [_Node("par", value.pos)]
            if base in ("linebreak", "v"):
                return [_Node("br", value.pos)]
            if base == "h":
                return [_Node("text", value.pos, " ")]
            return []
        if base == "link":
            target = self.literal(positional[0], scope) if positional else None
            shown: list[_Node] = []
            for part in positional[1:] if len(positional) > 1 else positional[:1]:
                shown.extend(self.nodes(part, depth, expanding, scope))
            if target and target.startswith(("http://", "https://", "mailto:", "ftp://", "doi:")):
                href = "https://doi.org/" + target[4:] if target.startswith("doi:") else target
                return [_Node("tag", value.pos, tag="a", href=href, children=shown)]
            return shown
        if base in _WRAPPERS:
            tag = _WRAPPERS[base]
            if base == "text":  # #text(style: "italic")[…], #text(weight: "bold")[…]
                styles = {a.name: a.value.text for a in args if a.name in ("style", "weight") and a.value.kind == "str"}
                if styles.get("style") in ("italic", "oblique"):
                    tag = "i"
                elif styles.get("weight") in ("bold", "semibold", "extrabold", "black", "medium"):
                    tag = "b"
            shown = []
            for part in positional[-1:]:
                shown.extend(self.nodes(part, depth, expanding, scope))
            if tag == "div":
                return [_Node("div", value.pos, children=shown)] if shown else []
            return [_Node("tag", value.pos, tag=tag, children=shown)] if tag else shown
        if base == "raw":
            text = self.literal(positional[0], scope) if positional else None
            return [_Node("tag", value.pos, tag="code", children=[_Node("text", value.pos, text)])] if text else []
        if base == "heading":
            shown = []
            for part in positional[-1:]:
                shown.extend(self.nodes(part, depth, expanding, scope))
            level = next((int(a.value.text) for a in args if a.name == "level" and a.value.text.isdigit()), 1)
            return [_Node("heading", value.pos, level=max(1, min(6, level)), children=shown)]
        if base in ("list", "enum", "terms"):
            items = [self.nodes(p, depth, expanding, scope) for p in positional]
            tag = {"list": "ul", "enum": "ol", "terms": "dl"}[base]
            return [_Node("list", value.pos, tag=tag, items=[i for i in items if _has_text(i)])]
        if base in ("grid", "table", "stack", "columns"):
            cells = [self.nodes(p, depth, expanding, scope) for p in positional]
            return [_Node("list", value.pos, tag="table", level=self.columns(args), items=cells)]
        if base in _BIBLIOGRAPHY:
            return []
        return self.template_call(value, base, args, depth, expanding, scope)

    def template_call(self, value: _Value, base: str, args: list[_Arg], depth: int, expanding: int,
                      scope: dict[str, _Value] | None) -> list[_Node]:
        """A call of a function the document does not define (a template's entry, section
        or list function): its arguments' text, one line each, in the order written."""
        pieces: list[list[_Node]] = []
        for arg in args:
            if arg.name is not None and (arg.name in _STYLE_ARGS or arg.name.endswith(_STYLE_SUFFIXES)):
                continue
            value = arg.value
            if value.kind == "none" and _YEAR.fullmatch(value.text):  # year: 2024 (other numbers are counts, sizes)
                pieces.append([_Node("text", value.pos, value.text)])
                continue
            if value.kind not in ("str", "content", "call", "var", "array", "concat", "if"):
                continue
            if value.kind == "str" and _URL.fullmatch(value.text.strip()):  # url: "https://…"
                url = value.text.strip()
                pieces.append([_Node("tag", value.pos, tag="a", href=url, children=[_Node("text", value.pos, url)])])
                continue
            if value.kind == "array" and value.args and all(a.name is None for a in value.args):
                if all(a.value.kind == "str" and len(a.value.text) <= 80 for a in value.args):
                    # authors: ("A. Roe", "B. Doe"): names, one line
                    shown = [_Node("text", value.pos, ", ".join(a.value.text for a in value.args if a.value.text))]
                else:
                    items = [self.nodes(a.value, depth, expanding, scope) for a in value.args]
                    shown = [_Node("list", value.pos, tag="ul", items=[i for i in items if _has_text(i)])]
            else:
                shown = self.nodes(value, depth, expanding, scope)
            if _has_text(shown):
                pieces.append(shown)
        if not pieces:
            return []
        lowered = base.lower()
        if len(pieces) == 1 and ("section" in lowered or "heading" in lowered) and _text_length(pieces[0]) <= 80:
            # cvSection("Publications"), section_heading[…]: a template's section title
            return [_Node("heading", value.pos, level=2, children=pieces[0])]
        contents = [a for a in args if a.name is None]
        if contents and len(pieces) == len(contents) and all(a.value.kind == "content" for a in contents) \
                and all(_text_length(piece) >= 60 for piece in pieces):
            # pub-item-list([…], […]), pub-item[…]: whole paragraphs, each an item of its own
            return [_Node("list", value.pos, tag="ul", items=pieces)]
        return [_Node("call", value.pos, text=base, items=pieces)]

    def spread(self, args: list[_Arg], scope: dict[str, _Value] | None) -> list[_Arg]:
        """Arguments with ``..name`` spreads of arrays put in place."""
        out: list[_Arg] = []
        for arg in args:
            if arg.spread:
                value = arg.value
                if value.kind == "var":
                    value = self.lookup(value.name, scope) or value
                if value.kind == "array":
                    out.extend(value.args[:10_000])
                    continue
            out.append(arg)
        return out

    def columns(self, args: list[_Arg]) -> int:
        for arg in args:
            if arg.name == "columns":
                if arg.value.kind == "array":
                    return max(1, min(20, len(arg.value.args)))
                if arg.value.text.isdigit():
                    return max(1, min(20, int(arg.value.text)))
        return 1

    def apply(self, func: _Value, args: list[_Arg], call: _Value, depth: int, expanding: int,
              scope: dict[str, _Value] | None) -> list[_Node]:
        """A function the document defines, called: its body with the arguments bound
        (each argument shown in the caller's scope first)."""
        inner: dict[str, _Value] = {}
        positional = [a.value for a in args if a.name is None]
        named = {a.name: a.value for a in args if a.name is not None}
        k = 0
        for param, default in func.params:
            if param.startswith(".."):
                rest = [_Arg(None, self.bound(v, depth, expanding, scope)) for v in positional[k:]]
                inner[param[2:]] = _Value("array", call.pos, args=rest)
                k = len(positional)
            elif default is None:
                inner[param] = self.bound(positional[k], depth, expanding, scope) if k < len(positional) else _NONE
                k += 1
            else:
                inner[param] = self.bound(named[param], depth, expanding, scope) if param in named else default
        assert func.body is not None
        return _moved(self.nodes(func.body, depth, expanding + 1, inner), call.pos)

    def bound(self, value: _Value, depth: int, expanding: int, scope: dict[str, _Value] | None) -> _Value:
        """An argument as its parameter holds it: text and ``none`` as they are, anything
        else as the content it shows where the call is written."""
        if value.kind in ("str", "none"):
            return value
        if value.kind == "var" and (scope is None or value.name not in scope):
            plain = self.literal(value, scope)
            if plain is not None and plain != "[content]":
                return _Value("str", value.pos, text=plain)
        if value.kind == "concat" and value.op == "+":
            plain = self.literal(value, scope)
            if plain is not None and plain != "[content]":
                return _Value("str", value.pos, text=plain)
        return _Value("content", value.pos, nodes=self.nodes(value, depth, expanding, scope))

    def note_files(self, call: _Value, args: list[_Arg], scope: dict[str, _Value] | None, depth: int = 0) -> None:
        """A bibliography file named in a call: the entries are there, not in the document."""
        base = call.name.rsplit(".", 1)[-1].lower()
        if not any(word in base for word in ("bib", "publication", "pub", "read", "yaml", "cite")):
            return
        for arg in args:
            values = [a.value for a in arg.value.args] if arg.value.kind == "array" else [arg.value]
            for value in values:
                if value.kind == "call":  # add-bib-resource(read("refs.bib")), cvPublication(bib: bibliography(…))
                    if depth < 3:
                        self.note_files(value, value.args, scope, depth + 1)
                    continue
                name = self.literal(value, scope) if value.kind in ("str", "var") else None
                name = name.strip() if name else ""
                if not _BIB_FILE.search(name) or len(name) >= 300:
                    continue
                if name.lower().endswith(".bib"):
                    self.parser.note(call.pos, f"the entries of this list are in {name}, which Typst formats itself; "
                                               f"convert that file (refkit convert {name})")
                else:
                    self.parser.note(call.pos, f"the entries of this list are in {name}, a Hayagriva file Typst formats "
                                               "itself; export it to BibTeX and convert that")


class _Writer(LineWriter):
    """Writes the resolved node tree as HTML blocks, each at its source line."""

    def __init__(self, text: str, parser: _Parser, budget: int) -> None:
        super().__init__()
        self.text = text
        self.newlines = [k for k, c in enumerate(text) if c == "\n"]
        self.shower = _Shower(parser, budget)

    def line_of(self, pos: int) -> int:
        """The 1-based source line of position ``pos``."""
        return bisect_right(self.newlines, pos - 1) + 1

    def at(self, pos: int, chunk: str) -> None:
        self.emit(self.line_of(pos) - 1, chunk)

    def document(self, nodes: list[_Node]) -> None:
        self.flow(self.shower.resolve(nodes, 0, 0, None), 0)

    # blocks -------------------------------------------------------------------------------

    def flow(self, nodes: list[_Node], depth: int) -> None:
        """Block-level HTML for a run of resolved nodes: paragraphs split at blank lines
        and at blocks, list markers gathered into (nested) lists."""
        para: list[_Node] = []
        items: list[tuple[_Node, list[_Node]]] = []  # (marker, content) of the list being read
        current: list[_Node] | None = None  # the content of the item being read
        indent = 0

        def flush_para() -> None:
            if _has_text(para):
                self.at(para[0].pos, "<p>" + self.inline(para, depth) + "</p>")
            para.clear()

        def flush_items() -> None:
            nonlocal current
            if items:
                self.items(items, depth)
                items.clear()
            current = None

        for node in nodes:
            kind = node.kind
            if kind == "item":
                flush_para()
                current = []
                items.append((node, current))
                indent = node.indent
                continue
            if kind == "par":
                flush_para()
                current = None  # a blank line ends an item's text; the list goes on if a marker follows
                continue
            if kind == "heading":
                flush_para()
                flush_items()
                tag = f"h{min(6, node.level)}"
                self.at(node.pos, f"<{tag}>{self.inline(node.children, depth)}</{tag}>")
                continue
            if current is None and items:
                if kind == "text" and not node.text.strip():
                    continue
                flush_items()
            if current is not None:
                if kind == "text" and node.text == "\n" and self.column(node.pos) <= indent:
                    current = None  # a line no deeper than the marker: the item has ended
                    continue
                current.append(node)
                continue
            if kind in ("div", "list", "call"):
                flush_para()
                self.block(node, depth)
                continue
            para.append(node)
        flush_para()
        flush_items()

    def column(self, pos: int) -> int:
        """The column of the first non-blank character of the line starting at ``pos``."""
        text = self.text
        j = pos
        while j < len(text) and text[j] in " \t":
            j += 1
        if j < len(text) and text[j] == "\n":
            return 10_000  # a blank line: no end of anything
        return len(text[pos:j].expandtabs(8))

    def items(self, items: list[tuple[_Node, list[_Node]]], depth: int) -> None:
        """A run of list items, nested by the columns of their markers."""
        stack: list[tuple[int, str]] = []  # (indent, tag) of the open lists
        for marker, content in items:
            tag = {"-": "ul", "+": "ol", "/": "dl"}[marker.marker]
            while stack and stack[-1][0] > marker.indent:
                self.at(marker.pos, self.close_item(stack.pop()[1]))
            if stack and stack[-1][0] == marker.indent and stack[-1][1] != tag:
                self.at(marker.pos, self.close_item(stack.pop()[1]))
            if stack and stack[-1][0] == marker.indent:
                self.at(marker.pos, "</dd>" if tag == "dl" else "</li>")
            else:
                self.at(marker.pos, f"<{tag}>")
                stack.append((marker.indent, tag))
            if tag == "dl":
                term = content[0].children if content and content[0].tag == "dt" else []
                self.at(marker.pos, f"<dt>{self.inline(term, depth)}</dt><dd>")
                content = content[1:] if term or (content and content[0].tag == "dt") else content
            else:
                self.at(marker.pos, "<li>")
            self.item_body(content, depth)
        while stack:
            self.emit(self.line, self.close_item(stack.pop()[1]))

    @staticmethod
    def close_item(tag: str) -> str:
        return f"</dd></{tag}>" if tag == "dl" else f"</li></{tag}>"

    def item_body(self, content: list[_Node], depth: int) -> None:
        """An item's text inline, and the blocks in it as blocks."""
        run: list[_Node] = []
        for node in content:
            if node.kind in ("div", "list", "call"):
                if _has_text(run):
                    self.at(run[0].pos, self.inline(run, depth))
                run = []
                self.block(node, depth)
            else:
                run.append(node)
        if _has_text(run):
            self.at(run[0].pos, self.inline(run, depth))

    def block(self, node: _Node, depth: int) -> None:
        if depth >= _MAX_DEPTH:
            return
        depth += 1
        if node.kind == "div":
            self.at(node.pos, "<div>")
            self.flow(node.children, depth)
            self.emit(self.line, "</div>")
        elif node.kind == "call":
            # a template's entry: its arguments' lines, as a card of lines
            self.at(node.pos, f'<div class="{attr(_css(node.text))}">')
            for k, piece in enumerate(node.items):
                blocks = [n for n in piece if n.kind in ("div", "list", "call")]
                if blocks:
                    self.flow(piece, depth)
                else:
                    self.at(piece[0].pos, "<div>" + self.inline(piece, depth) + "</div>")
            self.emit(self.line, "</div>")
        elif node.kind == "list" and node.tag == "table":
            width = max(1, node.level)
            self.at(node.pos, "<table>")
            for start in range(0, len(node.items), width):
                row = node.items[start:start + width]
                for cells in _aligned_rows(row):
                    self.emit(self.line, "<tr>" + "".join(f"<td>{self.inline(cell, depth)}</td>" for cell in cells) + "</tr>")
            self.emit(self.line, "</table>")
        elif node.kind == "list":
            tag = node.tag if node.tag in ("ul", "ol") else "ul"
            self.at(node.pos, f"<{tag}>")
            for item in node.items:
                self.at(item[0].pos if item else node.pos, "<li>")
                self.item_body(item, depth)
                self.emit(self.line, "</li>")
            self.emit(self.line, f"</{tag}>")

    # inline -------------------------------------------------------------------------------

    def inline(self, nodes: list[_Node], depth: int) -> str:
        out: list[str] = []
        for node in nodes:
            kind = node.kind
            if kind == "text":
                out.append(escape(node.text))
            elif kind == "br":
                out.append("<br>")
            elif kind == "tag" and depth < _MAX_DEPTH:
                inner = self.inline(node.children, depth + 1)
                if node.tag == "a":
                    out.append(f'<a href="{attr(node.href)}">{inner or escape(node.href)}</a>')
                elif node.tag == "dt":
                    out.append(inner)
                else:
                    out.append(f"<{node.tag}>{inner}</{node.tag}>")
            elif kind in ("div", "heading") and depth < _MAX_DEPTH:
                out.append(self.inline(node.children, depth + 1))
            elif kind in ("list", "call") and depth < _MAX_DEPTH:
                out.append("<br>".join(self.inline(item, depth + 1) for item in node.items))
            elif kind == "par":
                out.append("<br>")
        return "".join(out)


def _aligned_rows(row: list[list[_Node]]) -> list[list[list[_Node]]]:
    """A grid row whose cells are columns of lines (years beside entries, each ended by
    ``\\``) as one row per line: when every cell has the same number (two or more) of
    non-empty lines, the k-th lines belong together, however many blank lines the
    author put between them to line them up on the page. Otherwise the row as it is."""
    if len(row) < 2:
        return [row]
    columns = [_lines(cell) for cell in row]
    count = len(columns[0])
    if count < 2 or any(len(column) != count for column in columns):
        return [row]
    return [[column[k] for column in columns] for k in range(count)]


def _lines(cell: list[_Node]) -> list[list[_Node]]:
    """A cell's non-empty lines (split at line breaks; a block wrapping the cell is opened)."""
    while len([n for n in cell if n.kind != "text" or n.text.strip()]) == 1 and cell and any(
            n.kind == "div" for n in cell):
        cell = next(n for n in cell if n.kind == "div").children
    lines: list[list[_Node]] = [[]]
    for node in cell:
        if node.kind in ("br", "par"):
            lines.append([])
        elif node.kind in ("div", "list", "call", "heading"):
            return []  # blocks in the cell: not a column of lines
        else:
            lines[-1].append(node)
    return [line for line in lines if _has_text(line)]


def _moved(nodes: list[_Node], pos: int) -> list[_Node]:
    """Copies of ``nodes`` placed at ``pos``: a function's body is shown where it is called."""
    return [_Node(n.kind, pos, n.text, n.tag, n.href, n.level, n.marker, n.indent, _moved(n.children, pos),
                  [_moved(item, pos) for item in n.items]) for n in nodes]


def _css(name: str) -> str:
    return "typst-" + re.sub(r"[^\w-]", "", name)[:60]


def _closed_openers(text: str) -> set[int]:
    """The positions of the ``[``, ``(`` and ``{`` that a matching bracket closes, found in
    one pass (comments, raw text and strings skipped). An opener not in the set is never
    closed and is read as text, so an unclosed call does not swallow the rest of the
    document. A ``)`` closes only the innermost opener (parentheses in prose are often
    unbalanced); ``]`` and ``}`` close theirs past unclosed parentheses."""
    closed: set[int] = set()
    stack: list[tuple[str, int]] = []
    pairs = {")": "(", "]": "[", "}": "{"}
    finder = Finder(text)  # unclosed raw fences: one search per fence length, not per fence
    n = len(text)
    k = 0
    while k < n:
        c = text[k]
        if c in "([{":
            stack.append((c, k))
        elif c in ")]}":
            want = pairs[c]
            if c == ")":
                if stack and stack[-1][0] == "(":
                    closed.add(stack.pop()[1])
            else:
                depth = len(stack) - 1
                while depth >= 0 and stack[depth][0] == "(":
                    depth -= 1
                if depth >= 0 and stack[depth][0] == want:
                    del stack[depth + 1:]
                    closed.add(stack.pop()[1])
        elif c == "/" and text.startswith("//", k) and (k == 0 or text[k - 1] != ":"):
            end = text.find("\n", k)
            k = n if end < 0 else end
            continue
        elif c == "/" and text.startswith("/*", k):
            end = text.find("*/", k + 2)
            k = n if end < 0 else end + 2
            continue
        elif c == "\\":
            k += 2
            continue
        elif c == "`":
            j = k
            while j < n and text[j] == "`" and j - k < 100:
                j += 1
            end = finder.find(text[k:j], j) if j - k != 2 else j
            k = j if end < 0 else end + (j - k if j - k != 2 else 0)
            continue
        elif c == '"' and stack and stack[-1][0] in "({":
            end = k + 1
            while end < n and text[end] not in '"\n':
                end += 2 if text[end] == "\\" else 1
            k = end + 1
            continue
        k += 1
    return closed


def _word_char(text: str, k: int) -> bool:
    return k < len(text) and (text[k].isalnum() or text[k] in "_-")


def _trim_url(url: str) -> str:
    """A bare URL without the sentence punctuation after it (and a closing bracket it
    does not open)."""
    while url and url[-1] in ".,;:!?'\"":
        url = url[:-1]
    while url.endswith(")") and url.count("(") < url.count(")"):
        url = url[:-1]
    return url


def _has_text(nodes: list[_Node]) -> bool:
    for node in nodes:
        if node.kind == "text" and node.text.strip():
            return True
        if node.children and _has_text(node.children):
            return True
        if node.items and any(_has_text(item) for item in node.items):
            return True
    return False


def _text_length(nodes: list[_Node]) -> int:
    total = 0
    for node in nodes:
        total += len(node.text) if node.kind == "text" else 0
        if node.children:
            total += _text_length(node.children)
        for item in node.items:
            total += _text_length(item)
    return total
