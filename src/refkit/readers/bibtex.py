"""BibTeX reader: ``.bib`` text -> :class:`~refkit.model.Library`, every block kept.

Blocks come out in document order: :class:`Entry`, :class:`StringDef`,
:class:`Preamble` and :class:`Comment` (``@comment{...}`` blocks *and* the free
text / ``%`` lines between entries, kept byte for byte, so a writer can put them
back). Blank lines around free text are not part of it; a comment directly
followed by the next block (no blank line) ends with ``"\n"``, which tells the
writer to keep the two together. ``@string`` macros are expanded as BibTeX does: ``#`` concatenation,
macros defined through macros, case-insensitive names and the standard month
macros ``jan`` .. ``dec`` (``January`` ..). Each entry's :class:`Origin` keeps
the exact source text, the value expressions as written (``raw_fields``) and the
parsed values, so writers can reproduce macros where nothing changed.

Why our own splitter rather than bibtexparser v2: on the 12,565-entry benchmark
file bibtexparser 2.1 takes 2.6 s to split (this module: well under 1 s, see
``benchmarks/bench_format.py``), it does not give column numbers, and its
default middleware leaves ``#`` concatenations and macros-through-macros
unexpanded. The grammar below follows BibTeX (and pybtex, used as the oracle in
the tests): a ``"..."`` value ends at a ``"`` at brace depth 0, ``\\"`` included.

Problems (``Library.problems``, codes stable; ``strict=True`` raises
:class:`~refkit.errors.ParseError` at the first *error*):

=======  ========  ==================================================================
code     severity  meaning
=======  ========  ==================================================================
RK101    error     unbalanced braces / an entry or value that is never closed
RK102    error     text between entries that looks like part of a broken entry (a
                   field assignment ``name = {`` outside any entry, or a line
                   starting with an ``@`` that starts no entry); a lone stray
                   ``}`` line or an ``@`` inside free text is only a *warning*
RK103    warning   an undefined ``@string`` macro (expanded to "" as BibTeX does;
                   it may be defined in another file)
RK104    error     the same field twice in one entry (the first is kept)
RK105    error     a field name was expected (``name = value``)
RK106    error     ``,`` or the closing delimiter was expected after a value
                   (usually a missing comma)
RK107    warning   an entry without a citation key
RK108    error     a value was expected after ``=`` (or after ``#``)
RK109    error     ``@string`` macros expand beyond the document's budget
                   (:data:`MACRO_BUDGET` characters, or four times the file):
                   macros defined through macros double at each step, so 40
                   lines would make terabytes; the entry is kept as text
=======  ========  ==================================================================

A text that failed to parse is kept as a :class:`Comment` holding the source
text, so nothing is dropped silently.

Two deliberate differences from BibTeX/pybtex, both following biber and
bibtexparser: ``@`` on a line that starts with ``%`` does not start an entry
(such lines are commented-out entries to every human reader), and
``@comment{...}`` is one brace-balanced block (JabRef stores its metadata so).
"""

from __future__ import annotations

import re
from typing import Any

from ..dates import MONTH_MACROS  # re-exported: the month macros every BibTeX style defines
from ..errors import ParseError
from ..model import Comment, Entry, Library, Location, Origin, Preamble, Problem, StringDef

__all__ = ["read", "parse", "sniff", "MONTH_MACROS", "MACRO_BUDGET", "is_literal"]

#: characters ``@string`` macros may add to a document (or four times its length,
#: if more): far above any real file, far below ``s1 = s0 # s0`` doubled 40 times
MACRO_BUDGET = 1_000_000


_START = re.compile(r"@[ \t]*([A-Za-z][\w:.+-]*)[ \t\r\n]*([{(])")
_WS = re.compile(r"\s*")
_BRACE = re.compile(r"[{}]")
_PAREN = re.compile(r"[()]")
_QUOTE_STOP = re.compile(r'["{}]')
_KEY_BRACE = re.compile(r"[^\s,{}]*")
_KEY_PAREN = re.compile(r"[^\s,{}()]*")
_FIELD = re.compile(r"([^\s=,{}()\"#%]+)\s*=\s*")
_NUMBER = re.compile(r"\d+")
_MACRO = re.compile(r"[^\s\"#%'(),={}\d][^\s\"#%'(),={}]*")
_NEXT_ENTRY_LINE = re.compile(r"\n[ \t]*@[ \t]*[A-Za-z][\w:.+-]*[ \t\r\n]*[{(]")
_ASSIGN = re.compile(r"(?:^|,)[ \t]*[A-Za-z][\w:.+-]*[ \t]*=[ \t]*[{\"]")
_STRAY = re.compile(r"[ \t]*\}[ \t]*,?[ \t]*$")

_CLOSE = {"{": "}", "(": ")"}
# the common case in one match: name = {text} | "text" (braces nested one level
# deep at most) | 123 | macro, then ',' or the end of the entry. The patterns are
# "unrolled loops": linear, no catastrophic backtracking.
_FAST = {
    c: re.compile(
        r'\s*([^\s=,{}()"#%]+)\s*=\s*(?:'
        r"\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}"
        r'|"([^"{}]*(?:\{[^{}]*\}[^"{}]*)*)"'
        r"|(\d+)"
        r"|([^\s\"#%'(),={}\d][^\s\"#%'(),={}]*)"
        r")\s*(,|" + re.escape(c) + ")"
    )
    for c in ("}", ")")
}


def _skip(text: str, pos: int) -> int:
    """Position of the first non-white-space character at or after ``pos``."""
    m = _WS.match(text, pos)
    return m.end() if m else pos


class _Fail(Exception):
    """A parse error inside one block: recorded as a problem, the block skipped."""

    def __init__(self, code: str, message: str, pos: int):
        super().__init__(message)
        self.code = code
        self.message = message
        self.pos = pos


def is_literal(raw: str, value: str) -> bool:
    """True when the value expression ``raw`` is one plain literal of ``value``
    (``{value}``, ``"value"`` or a number) rather than macros or a ``#`` concatenation."""
    if raw.isdigit():
        return raw == value
    return len(raw) >= 2 and raw[0] in "{\"" and raw[1:-1] == value


class _Parser:
    def __init__(self, text: str, path: str | None, strict: bool):
        self.text = text
        self.path = path
        self.strict = strict
        self.macros: dict[str, str] = dict(MONTH_MACROS)
        self.problems: list[Problem] = []
        self._at = (0, 1)  # (position, its line): lines are counted forward from here
        self._pairs: dict[str, dict[int, int]] = {}  # opener -> {open position: end after its close}
        self._expansion_left = max(MACRO_BUDGET, 4 * len(text))  # characters macros may still add

    # ---- locations ----------------------------------------------------------------
    def location(self, pos: int) -> Location:
        text = self.text
        last, line = self._at
        if pos >= last:
            line += text.count("\n", last, pos)
            self._at = (pos, line)
        else:
            line = text.count("\n", 0, pos) + 1
        return Location(self.path, line, pos - text.rfind("\n", 0, pos))

    def _expanded(self, value: str, pos: int) -> str:
        """``value``, a macro's expansion used at ``pos``, charged to the document's budget."""
        self._expansion_left -= len(value)
        if value and self._expansion_left < 0:
            limit = max(MACRO_BUDGET, 4 * len(self.text))
            raise _Fail("RK109", f"@string macros expand beyond {limit:,} characters (macros defined through "
                        "macros, doubling at each step?); kept as written", pos)
        return value

    def problem(self, code: str, message: str, pos: int, severity: str = "error", key: str | None = None) -> None:
        loc = self.location(pos)
        if self.strict and severity == "error":
            raise ParseError(f"{code} {message}", path=loc.path, line=loc.line, column=loc.column)
        self.problems.append(Problem(code, message, loc, severity=severity, key=key))

    # ---- the document -------------------------------------------------------------
    def run(self) -> tuple[Library, list[tuple[int, int]]]:
        text = self.text
        blocks: list[Any] = []
        spans: list[tuple[int, int]] = []
        pos = 0
        n = len(text)
        while pos < n:
            m = _START.search(text, pos)
            while m is not None and self._commented(m.start()):
                m = _START.search(text, m.end())
            start = m.start() if m else n
            if start > pos:
                self._gap(pos, start, blocks, spans)
            if m is None:
                break
            end = self._block(m, blocks, spans)
            pos = end
        return Library(blocks=blocks, problems=self.problems, source=self.path), spans

    def _commented(self, at: int) -> bool:
        line_start = self.text.rfind("\n", 0, at) + 1
        return self.text[line_start:at].lstrip().startswith("%")

    def _gap(self, start: int, end: int, blocks: list[Any], spans: list[tuple[int, int]]) -> None:
        """Free text between blocks: a Comment unless it is only white space."""
        chunk = self.text[start:end]
        if not chunk.strip():
            return
        # drop the blank lines around it, keep the text itself byte for byte
        lead = len(chunk) - len(chunk.lstrip())
        nl = chunk.rfind("\n", 0, lead)
        first = start + (nl + 1 if nl >= 0 else 0)
        last = start + len(chunk.rstrip())
        body = self.text[first:last]
        for line_start, line in _lines_of(body):
            if line.lstrip().startswith("%"):
                continue
            if _ASSIGN.search(line):
                self.problem("RK102", f"text outside any entry looks like part of an entry: {line.strip()[:40]!r}", first + line_start)
                break
            if _STRAY.match(line):
                self.problem("RK102", "a stray '}' outside any entry (BibTeX ignores it)", first + line_start, severity="warning")
            at = line.find("@")
            if at >= 0:
                if not line[:at].strip():
                    self.problem("RK102", f"an '@' that does not start an entry: {line.strip()[:40]!r}", first + line_start + at)
                    break
                self.problem(
                    "RK102", "an '@' outside any entry: BibTeX reads it as the start of an entry (start the line with '%')",
                    first + line_start + at, severity="warning",
                )
        if end < len(self.text) and chunk[len(chunk.rstrip()):].count("\n") == 1:
            body += "\n"  # no blank line before the next block: the comment belongs to it
        blocks.append(Comment(body, Origin(self.location(first), body)))
        spans.append((first, last))

    def _block(self, m: re.Match[str], blocks: list[Any], spans: list[tuple[int, int]]) -> int:
        text = self.text
        start = m.start()
        raw_type = m.group(1)
        kind = raw_type.lower()
        opener = m.group(2)
        close = _CLOSE[opener]
        body = m.end()
        try:
            if kind == "comment":
                end = self._comment_end(body, opener, close, start)
                src = text[start:end]
                blocks.append(Comment(src, Origin(self.location(start), src, raw_type=raw_type)))
            elif kind == "preamble":
                p = _skip(text, body)
                _, raw, p = self._value(p, close)
                p = _skip(text, p)
                self._expect_close(p, close, start)
                end = p + 1
                src = text[start:end]
                blocks.append(Preamble(raw, Origin(self.location(start), src, raw_type=raw_type)))
            elif kind == "string":
                p = _skip(text, body)
                f = _FIELD.match(text, p)
                if not f:
                    raise _Fail("RK105", "a macro name was expected (@string{name = value})", p)
                value, raw, p = self._value(f.end(), close)
                p = _skip(text, p)
                if p < len(text) and text[p] == ",":  # tolerated: @string{a = "x",}
                    p = _skip(text, p + 1)
                self._expect_close(p, close, start)
                end = p + 1
                name = f.group(1)
                self.macros[name.lower()] = value
                src = text[start:end]
                blocks.append(StringDef(name, value, raw, Origin(self.location(start), src, raw_type=raw_type)))
            else:
                end = self._entry(start, body, kind, raw_type, close, blocks)
        except _Fail as fail:
            self.problem(fail.code, fail.message, fail.pos)
            nxt = _NEXT_ENTRY_LINE.search(text, max(fail.pos, start + 1))
            end = nxt.start() + 1 if nxt else len(text)
            src = text[start:end].rstrip()
            end = start + len(src)
            blocks.append(Comment(src, Origin(self.location(start), src, raw_type=raw_type)))
        spans.append((start, end))
        return end

    def _comment_end(self, body: int, opener: str, close: str, start: int) -> int:
        """End of an ``@comment{...}`` block; unbalanced, it is the rest of the line."""
        end = self._balanced(body - 1, opener, close)
        if end is None:
            nl = self.text.find("\n", start)
            return len(self.text) if nl < 0 else nl
        return end

    def _balanced(self, open_pos: int, opener: str, close: str) -> int | None:
        """Position after the delimiter closing the one at ``open_pos`` (braces nest).

        All pairs of the document are matched once, with a stack, on first use:
        scanning forward from every unclosed opener instead made a file of many
        unclosed ``@comment{`` quadratic."""
        pairs = self._pairs.get(opener)
        if pairs is None:
            pairs = self._pairs[opener] = {}
            stack: list[int] = []
            pat = _BRACE if opener == "{" else _PAREN
            for m in pat.finditer(self.text):
                if m.group(0) == opener:
                    stack.append(m.start())
                elif stack:
                    pairs[stack.pop()] = m.end()
                # a close with nothing open: a forward scan from any later opener never sees it
        return pairs.get(open_pos)

    def _expect_close(self, p: int, close: str, start: int) -> None:
        text = self.text
        if p >= len(text):
            raise _Fail("RK101", f"unclosed block: the '@' at {self._where(start)} is never closed", start)
        if text[p] != close:
            raise _Fail("RK106", f"expected {close!r} here, found {text[p]!r}", p)

    def _where(self, pos: int) -> str:
        loc = self.location(pos)
        return f"line {loc.line}"

    # ---- entries --------------------------------------------------------------------
    def _entry(self, start: int, body: int, kind: str, raw_type: str, close: str, blocks: list[Any]) -> int:
        text = self.text
        n = len(text)
        p = _skip(text, body)
        km = (_KEY_BRACE if close == "}" else _KEY_PAREN).match(text, p)
        key = km.group(0) if km else ""
        p = _skip(text, p + len(key))
        if not key:
            self.problem("RK107", "entry without a citation key", start, severity="warning")
        fields: dict[str, str] = {}
        raw_fields: dict[str, str] = {}
        if p < n and text[p] == ",":
            p += 1
        elif p < n and text[p] == close:
            pass
        elif p >= n:
            raise _Fail("RK101", f"unclosed entry {key!r}: end of file inside it", start)
        else:
            raise _Fail("RK106", f"expected ',' after the citation key {key!r}, found {text[p]!r}", p)
        fast = _FAST[close]
        while True:
            fm = fast.match(text, p)
            if fm is not None:
                fname, braced, quoted, number, macro, sep = fm.groups()
                name = fname.lower()
                if braced is not None:
                    value, raw = braced, "{" + braced + "}"
                elif quoted is not None:
                    value, raw = quoted, '"' + quoted + '"'
                elif number is not None:
                    value = raw = number
                else:
                    raw = macro
                    found = self.macros.get(macro.lower())
                    if found is None:
                        fm = None  # the general path reports the undefined macro
                    else:
                        value = self._expanded(found, fm.start(5))
            if fm is not None:
                if "\n@" in raw:
                    self._runaway(fm.start(), fm.end())
                if name in fields:
                    self.problem("RK104", f"field {name!r} appears twice in entry {key!r} (the first is kept)", fm.start(1), key=key)
                else:
                    fields[name] = value
                    raw_fields[name] = raw
                p = fm.end()
                if sep == ",":
                    continue
                end = p
                break
            p = _skip(text, p)
            if p >= n:
                raise _Fail("RK101", f"unclosed entry {key!r}: end of file inside it", start)
            ch = text[p]
            if ch == close:
                end = p + 1
                break
            if ch == "@":
                raise _Fail("RK101", f"entry {key!r} is not closed before the next entry at {self._where(p)}", start)
            f = _FIELD.match(text, p)
            if not f:
                raise _Fail("RK105", f"a field name was expected in entry {key!r}, found {text[p:p + 20]!r}", p)
            name = f.group(1).lower()
            value, raw, p = self._value(f.end(), close)
            if name in fields:
                self.problem("RK104", f"field {name!r} appears twice in entry {key!r} (the first is kept)", f.start(), key=key)
            else:
                fields[name] = value
                raw_fields[name] = raw
            p = _skip(text, p)
            if p < n and text[p] == ",":
                p += 1
                continue
            if p < n and text[p] == close:
                end = p + 1
                break
            if p >= n:
                raise _Fail("RK101", f"unclosed entry {key!r}: end of file inside it", start)
            if text[p] == "@":
                raise _Fail("RK101", f"entry {key!r} is not closed before the next entry at {self._where(p)}", start)
            raise _Fail("RK106", f"expected ',' or {close!r} after field {name!r} in entry {key!r} (a missing comma?), found {text[p]!r}", p)
        src = text[start:end]
        origin = Origin(self.location(start), src, raw_fields, dict(fields), raw_type)
        blocks.append(Entry(kind, key, fields, {}, origin))
        return end

    def _value(self, p: int, close: str) -> tuple[str, str, int]:
        """Parse a value expression at ``p``: (expanded value, raw expression, end)."""
        text = self.text
        n = len(text)
        parts: list[str] = []
        start = p
        while True:
            p = _skip(text, p)
            if p >= n:
                raise _Fail("RK108", "a value was expected, found the end of the file", p)
            ch = text[p]
            if ch == "{":
                end = self._braced(p)
                parts.append(text[p + 1:end - 1])
            elif ch == '"':
                end = self._quoted(p)
                parts.append(text[p + 1:end - 1])
            else:
                m = _NUMBER.match(text, p)
                if m:
                    end = m.end()
                    parts.append(m.group(0))
                else:
                    m = _MACRO.match(text, p)
                    if not m:
                        raise _Fail("RK108", f"a value was expected, found {text[p:p + 20]!r}", p)
                    end = m.end()
                    name = m.group(0)
                    value = self.macros.get(name.lower())
                    if value is None:
                        self.problem("RK103", f"undefined macro {name!r} (expanded to an empty string)", p, severity="warning")
                        value = ""
                    parts.append(self._expanded(value, p))
            last = end
            p = _skip(text, end)
            if p < n and text[p] == "#":
                p += 1
                continue
            break
        return "".join(parts), text[start:last], last

    def _braced(self, p: int) -> int:
        """End (after ``}``) of the braced value opened at ``p``."""
        text = self.text
        depth = 0
        for m in _BRACE.finditer(text, p):
            if m.group(0) == "{":
                depth += 1
            else:
                depth -= 1
                if depth == 0:
                    end = m.end()
                    self._runaway(p, end)
                    return end
        raise _Fail("RK101", "unbalanced braces: this '{' is never closed", p)

    def _quoted(self, p: int) -> int:
        text = self.text
        depth = 0
        q = p + 1
        while True:
            m = _QUOTE_STOP.search(text, q)
            if m is None:
                raise _Fail("RK101", 'unclosed "..." value', p)
            c = m.group(0)
            if c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
                if depth < 0:
                    raise _Fail("RK101", 'unbalanced braces: a "}" closes nothing inside this "..." value', m.start())
            elif depth == 0:
                self._runaway(p, m.end())
                return m.end()
            q = m.end()

    def _runaway(self, start: int, end: int) -> None:
        """A value that swallowed the start of another entry lacks a closing brace."""
        if "\n" in self.text[start:end]:
            m = _NEXT_ENTRY_LINE.search(self.text, start, end)
            if m is not None and "=" in self.text[m.end(): m.end() + 400]:
                raise _Fail("RK101", f"unbalanced braces: this value runs into the entry at {self._where(m.start() + 1)}", start)


def _lines_of(body: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for line in body.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def parse(text: str, *, path: str | None = None, strict: bool = False) -> tuple[Library, list[tuple[int, int]]]:
    """The library and, for each block, its ``(start, end)`` offsets in ``text``
    (used by the minimal-diff formatter to splice changed entries only)."""
    return _Parser(text, path, strict).run()


def read(text: str, *, path: str | None = None, strict: bool = False, **options: Any) -> Library:
    """Parse BibTeX ``text``; problems are collected in ``Library.problems``
    (``strict=True``: the first error raises :class:`ParseError`)."""
    return parse(text, path=path, strict=strict)[0]


_SNIFF = re.compile(r"^[ \t]*@[ \t]*([A-Za-z]+)[ \t]*[{(]", re.M)
_KNOWN = {
    "article", "book", "booklet", "inbook", "incollection", "inproceedings", "conference", "manual",
    "mastersthesis", "misc", "phdthesis", "proceedings", "techreport", "unpublished", "online", "string",
    "preamble", "comment", "thesis", "report", "software", "dataset", "patent", "collection",
}


def sniff(text: str) -> float:
    """How sure we are that ``text`` is BibTeX: entries starting lines, known types."""
    head = text[:65536]
    stripped = head.lstrip()
    if stripped.startswith(("[", "<")) and not stripped.startswith("<!--"):
        return 0.05 if _SNIFF.search(head) else 0.0
    found = _SNIFF.findall(head)
    if not found:
        return 0.0
    known = sum(1 for t in found if t.lower() in _KNOWN)
    return 0.95 if known else 0.5
