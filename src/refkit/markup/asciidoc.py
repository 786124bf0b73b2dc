"""AsciiDoc rendered to the HTML document the page item finder reads.

The subset a publication list or CV uses, read as Asciidoctor reads it: section
titles (``= Title`` … ``====== Level 5``, and the older two-line underlined form) ->
``<h1>``-``<h6>``; ``.Block titles`` -> a heading below the current section;
lists (``*``/``-`` bullets, ``.``/``1.``/``a.`` numbers, nesting by marker depth,
``term:: text`` descriptions) -> ``<ul>``/``<ol>``/``<dl>``; tables (``|===``) ->
rows; example, sidebar, quote and open blocks keep their text; listing and literal blocks and
indented literal paragraphs are ``<pre>`` as Asciidoctor writes them (BibTeX there is embedded
BibTeX; other preformatted text is read only from a page that gives nothing else); comment
blocks give none; ``++++`` passthrough
is raw HTML. Attribute entries (``:name: value``) define ``{name}`` references
(substituted once, values capped, growth capped per line and per document, so
references cannot expand without bound: past a cap a reference stays as written);
``include::``, ``image::`` and conditional directives are skipped (a document never
reads other files). Inline: ``*bold*``/``**bold**``, ``_italic_``/``__italic__``,
```mono```, ``#mark#``, ``^sup^``, ``~sub~``, ``link:url[label]``,
``https://url[label]``, bare URLs, ``<<ref,text>>``, smart quotes, ``--`` dashes,
backslash escapes and character references.

Time is linear in the input: closing delimiters come from precomputed position
lists or a monotone find cache (:mod:`refkit.markup.inline`), nesting is bounded,
and no regex has nested quantifiers over the same characters. Every block is
written at its source line so items report AsciiDoc lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .inline import InlineRenderer, LineWriter, attr, escape, first_after

__all__ = ["to_html"]

_MAX_DEPTH = 8  # blocks within blocks; deeper is read as paragraph text
_MAX_INLINE_DEPTH = 5
_MAX_VALUE = 4096  # characters of one attribute value
_MAX_LINE_GROWTH = 65536  # characters attribute references may add to one line
#: characters attribute references may add to the whole document (or twice its length,
#: if more), as LaTeX macros: capped values alone still let every line grow by
#: _MAX_LINE_GROWTH, so 10 KB of references to one doubled-up attribute made 100 MB
_MAX_DOCUMENT_GROWTH = 100_000

_SECTION = re.compile(r"(={1,6})[ \t]+(\S.*)")
_UNDERLINE = {"=": 1, "-": 2, "~": 3, "^": 4, "+": 5}
_ATTRIBUTE_ENTRY = re.compile(r":(!?[\w][\w-]{0,60}!?):(?:[ \t]+(.*))?$")
_BLOCK_ATTRIBUTES = re.compile(r"\[[^\[\]\n]{0,300}\][ \t]*$")
_ANCHOR_LINE = re.compile(r"\[\[[^\[\]\n]{0,200}\]\][ \t]*$")
_BLOCK_TITLE = re.compile(r"\.([^.\s].{0,300})$")
_DIRECTIVE = re.compile(r"(?:include|image|toc|video|audio|ifdef|ifndef|ifeval|endif|bibliography)::")
# an upper-case letter and a period ("J. Doe, A. Roe. Title.") starts a list in
# Asciidoctor; here it is a paragraph, so the initial of an author is never lost
_LIST = re.compile(r"[ \t]*(\*{1,5}|-|\.{1,5}|\d{1,9}\.|[a-z]\.|[ivxIVX]{1,6}\))[ \t]+(\S.*)")
_DESCRIPTION = re.compile(r"[ \t]*([^\s:;][^\n]{0,300}?)(:{2,4}|;;)(?:[ \t]+(.*))?$")
_DELIMITERS = {"----": "listing", "....": "literal", "////": "comment", "++++": "pass", "====": "example",
               "****": "sidebar", "____": "quote", "--": "open", "|===": "table", "```": "listing"}
_DELIMITER = re.compile(r"(-{4,}|\.{4,}|/{4,}|\+{4,}|={4,}|\*{4,}|_{4,}|--|\|={3,}|`{3})[ \t]*$")
_BREAK = re.compile(r"(?:'{3,}|<{3,}|\*\*\*|- - -)[ \t]*$")
_HARD_BREAK = re.compile(r"[ \t]\+$")

# inline
_SPECIAL = re.compile(r"\\|&|link:|mailto:|https?://|ftp://|<<|<https?:|\[\[|\[[#.][^\]\n]{0,100}\]#|"
                      r"footnote:\[|pass:\[|\(\(|\"`|'`|--|\.\.\.|[*_`#^~+]")
_URL = re.compile(r"(?:https?|ftp)://[^\s\[\]<>\"]{1,2000}|mailto:[^\s\[\]<>\"]{1,500}")
_TARGET = re.compile(r"[^\s\[\]]{1,2000}")
_CHARREF = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,30}|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});")
_ATTR_REF = re.compile(r"\{([\w][\w-]{0,60})\}")
_QUOTES = {'"`': ("\u201c", '`"'), "'`": ("\u2018", "`'")}
_CONSTRAINED = {"*": "b", "_": "i", "`": "code", "#": "mark", "+": "span"}
_BUILTIN = {"nbsp": "\u00a0", "sp": " ", "empty": "", "blank": "", "amp": "&", "lt": "<", "gt": ">",
            "startsb": "[", "endsb": "]", "vbar": "|", "plus": "+", "caret": "^", "tilde": "~", "apos": "'",
            "quot": '"', "backslash": "\\", "backtick": "`", "two-colons": "::", "two-semicolons": ";;",
            "cpp": "C++", "deg": "\u00b0", "ldquo": "\u201c", "rdquo": "\u201d", "lsquo": "\u2018",
            "rsquo": "\u2019", "zwsp": "\u200b", "wj": "\u2060", "brvbar": "\u00a6", "asterisk": "*"}


@dataclass
class _Line:
    number: int
    text: str


def to_html(text: str) -> str:
    """The AsciiDoc document as an HTML ``<body>``, each block on its source line."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    writer = _Writer(max(_MAX_DOCUMENT_GROWTH, 2 * len(text)))
    lines = [_Line(n, t.rstrip()) for n, t in enumerate(text.split("\n"))]
    writer.blocks(lines, 0)
    return "<html><body>" + "".join(writer.out) + "</body></html>"


class _Writer(LineWriter):
    def __init__(self, growth: int) -> None:
        super().__init__()
        self.attributes: dict[str, str] = {}
        self.growth = growth  # characters attribute references may still add to the document
        self.level = 1  # the heading level of the current section

    # attributes ---------------------------------------------------------------

    def substitute(self, text: str) -> str:
        """``{name}`` references replaced once (unknown ones kept, as Asciidoctor does)."""
        if "{" not in text:
            return text
        budget = [min(_MAX_LINE_GROWTH, self.growth)]

        def value(m: re.Match[str]) -> str:
            name = m.group(1).lower()
            found = self.attributes.get(name, _BUILTIN.get(name))
            if found is None or len(found) > budget[0]:
                return m.group(0)
            budget[0] -= len(found)
            return found

        before = budget[0]
        text = _ATTR_REF.sub(value, text)
        self.growth -= before - budget[0]
        return text

    # blocks -------------------------------------------------------------------

    def blocks(self, lines: list[_Line], depth: int) -> None:
        ends = _delimiter_positions(lines)
        i, n = 0, len(lines)
        while i < n:
            line = lines[i]
            text = line.text
            if not text.strip():
                i += 1
                continue
            if text.startswith("//") and not text.startswith("////"):
                i += 1  # a line comment
                continue
            m = _DELIMITER.match(text)
            if m:
                kind = _kind(m.group(1))
                if kind is not None:
                    close = first_after(ends.get(m.group(1), []), i + 1, n)
                    if close >= 0:
                        self.delimited(kind, lines[i + 1:close], line.number, depth)
                        i = close + 1
                        continue
            m = _ATTRIBUTE_ENTRY.match(text)
            if m:
                name = m.group(1).lower()
                if name.startswith("!") or name.endswith("!"):
                    self.attributes.pop(name.strip("!"), None)
                else:
                    self.attributes[name] = self.substitute(m.group(2) or "")[:_MAX_VALUE]
                i += 1
                continue
            m = _SECTION.match(text)
            if m:
                self.level = min(6, len(m.group(1)))
                self.emit(line.number, f"<h{self.level}>{self.inline(m.group(2).strip())}</h{self.level}>")
                i += 1
                continue
            if i + 1 < n and _underlined(text, lines[i + 1].text):
                self.level = _UNDERLINE[lines[i + 1].text[0]]
                self.emit(line.number, f"<h{self.level}>{self.inline(text.strip())}</h{self.level}>")
                i += 2
                continue
            if _BLOCK_ATTRIBUTES.match(text) or _ANCHOR_LINE.match(text) or _DIRECTIVE.match(text) \
                    or _BREAK.match(text) or text.strip() == "+":
                i += 1
                continue
            m = _BLOCK_TITLE.match(text)
            if m:
                level = min(6, self.level + 1)
                self.emit(line.number, f"<h{level}>{self.inline(m.group(1).strip())}</h{level}>")
                i += 1
                continue
            if text[0] in " \t" and not _LIST.match(text):
                start = i
                while i < n and lines[i].text.strip():  # an indented literal paragraph
                    i += 1
                self.preformatted(_dedent(lines[start:i]))
                continue
            if text.startswith("|") and depth < _MAX_DEPTH:
                i = self.table_rows(lines, i, n)
                continue
            if depth < _MAX_DEPTH and (_LIST.match(text) or _is_description(text)):
                i = max(i + 1, self.list_block(lines, i, depth, ends))
                continue
            i = self.paragraph(lines, i)

    def delimited(self, kind: str, inside: list[_Line], number: int, depth: int) -> None:
        if kind == "comment":
            return
        if kind in ("listing", "literal"):
            self.preformatted(inside)
            return
        if kind == "pass":
            for line in inside:
                self.emit(line.number, line.text + "\n")
            return
        if kind == "table":
            self.emit(number, "<table>")
            k = 0
            while k < len(inside):
                if inside[k].text.startswith("|"):
                    k = self.table_rows(inside, k, len(inside), wrap=False)
                else:
                    k += 1
            self.emit(self.line, "</table>")
            return
        tag = "blockquote" if kind == "quote" else "div"
        self.emit(number, f"<{tag}>")
        if depth < _MAX_DEPTH:
            self.blocks(inside, depth + 1)
        self.emit(self.line, f"</{tag}>")

    def preformatted(self, inside: list[_Line]) -> None:
        """Lines shown as they are written, in a ``<pre>`` as Asciidoctor writes listing and
        literal blocks: code to the item finder, but BibTeX there is the page's embedded BibTeX,
        and a list pasted there is read when the page gives nothing else."""
        if inside:
            self.emit(inside[0].number, "<pre>" + escape("\n".join(line.text for line in inside)) + "</pre>")

    def table_rows(self, lines: list[_Line], i: int, n: int, *, wrap: bool = True) -> int:
        if wrap:
            self.emit(lines[i].number, "<table>")
        first = i
        while i < n and lines[i].text.strip() and (i == first or not _DELIMITER.match(lines[i].text)):
            cells = [c.strip() for c in lines[i].text.split("|")[1:]] if lines[i].text.startswith("|") else [lines[i].text]
            self.emit(lines[i].number, "<tr>" + "".join(f"<td>{self.inline(c)}</td>" for c in cells) + "</tr>")
            i += 1
        if wrap:
            self.emit(self.line, "</table>")
        return i

    def paragraph(self, lines: list[_Line], i: int) -> int:
        start = i
        i += 1
        while i < len(lines) and lines[i].text.strip() and not _interrupts(lines[i].text):
            i += 1
        self.emit(lines[start].number, f"<p>{self.inline_lines([line.text for line in lines[start:i]])}</p>")
        return i

    def inline_lines(self, texts: list[str]) -> str:
        """Lines of one paragraph or item; a trailing `` +`` is a hard line break."""
        parts = []
        for k, t in enumerate(texts):
            t = t.strip()
            hard = bool(_HARD_BREAK.search(t)) and k + 1 < len(texts)
            if hard:
                t = t[:-1].rstrip()
            parts.append(t + ("\u2028" if hard else ""))
        html = self.inline("\n".join(parts))
        return html.replace("\u2028", "<br>")

    def list_block(self, lines: list[_Line], i: int, depth: int, ends: dict[str, list[int]]) -> int:
        """Consecutive list items (blank lines between them allowed), nested by marker."""
        stack: list[tuple[str, str]] = []  # (marker family + depth, closing tag)
        n = len(lines)
        while i < n:
            text = lines[i].text
            if not text.strip():
                j = i
                while j < n and not lines[j].text.strip():
                    j += 1
                if j < n and _list_key(lines[j].text) in [s[0] for s in stack]:
                    i = j  # the list goes on after blank lines; another kind of list starts anew
                    continue
                break
            m = _LIST.match(text)
            d = None if m else _DESCRIPTION.match(text)
            if m is None and (d is None or not _is_description(text)):
                break
            key = _list_key(text) or ""
            if m is not None:
                marker = m.group(1)
                tag = "ul" if marker[0] in "*-" else "ol"
                body = [m.group(2)]
            else:
                assert d is not None
                tag = "dl"
                body = [d.group(3) or ""]
            number = lines[i].number
            i += 1
            while i < n and lines[i].text.strip() and not _LIST.match(lines[i].text) \
                    and not _is_description(lines[i].text) and not _interrupts_item(lines[i].text):
                body.append(lines[i].text)
                i += 1
            attached: list[_Line] = []
            while i < n and lines[i].text.strip() == "+" and i + 1 < n:  # a block attached to the item
                k = i + 1
                m2 = _DELIMITER.match(lines[k].text)
                close = -1
                if m2:
                    close = first_after(ends.get(m2.group(1), []), k + 1, n)
                end = close + 1 if close >= 0 else k + 1
                while close < 0 and end < n and lines[end].text.strip() and lines[end].text.strip() != "+":
                    end += 1
                attached.extend(lines[k:end])
                i = end
            if key in [s[0] for s in stack]:
                while stack[-1][0] != key:
                    self.emit(number, f"</li></{stack.pop()[1]}>" if stack[-1][1] != "dl" else f"</dd></{stack.pop()[1]}>")
                self.emit(number, "</li>" if tag != "dl" else "</dd>")
            else:
                stack.append((key, tag))
                self.emit(number, f"<{tag}>")
            if tag == "dl":
                assert d is not None
                self.emit(number, f"<dt>{self.inline(d.group(1).strip())}</dt><dd>{self.inline_lines(body)}")
            else:
                self.emit(number, f"<li>{self.inline_lines(body)}")
            if attached and depth < _MAX_DEPTH:
                self.blocks(attached, depth + 1)
        while stack:
            key, tag = stack.pop()
            self.emit(self.line, f"</dd></{tag}>" if tag == "dl" else f"</li></{tag}>")
        return i

    # inline -------------------------------------------------------------------

    def inline(self, text: str) -> str:
        text = self.substitute(text)
        return _Inline(text).render(0, len(text), 0)


def _dedent(lines: list[_Line]) -> list[_Line]:
    """Lines without the indent they share."""
    widths = [len(line.text) - len(line.text.lstrip(" \t")) for line in lines if line.text.strip()]
    cut = min(widths) if widths else 0
    return [_Line(line.number, line.text[cut:]) for line in lines]


def _kind(delimiter: str) -> str | None:
    if delimiter.startswith("|"):
        return "table"
    if delimiter == "--" or delimiter == "```":
        return _DELIMITERS[delimiter]
    return _DELIMITERS.get(delimiter[:4])


def _delimiter_positions(lines: list[_Line]) -> dict[str, list[int]]:
    """Delimiter line text -> the indices of the lines that are exactly it."""
    found: dict[str, list[int]] = {}
    for k, line in enumerate(lines):
        if line.text and line.text[0] in "-./+=*_|`":
            m = _DELIMITER.match(line.text)
            if m:
                found.setdefault(m.group(1), []).append(k)
    return found


def _underlined(title: str, underline: str) -> bool:
    """A two-line section title: text over a line of one of ``= - ~ ^ +`` as long (±2)."""
    if not underline or underline[0] not in _UNDERLINE or len(underline) < 2 or underline.strip(underline[0]):
        return False
    if not title.strip() or title[0] in " \t.*-[/|:+=" or _LIST.match(title):
        return False
    return abs(len(title.rstrip()) - len(underline)) <= 2


def _list_key(text: str) -> str | None:
    """Which list a line's marker continues (``*``, ``**``, ``.``, ``1.``, ``dl::``), or None."""
    m = _LIST.match(text)
    if m is not None:
        marker = m.group(1)
        return marker if marker[0] in "*." else ("-" if marker == "-" else "1.")
    d = _DESCRIPTION.match(text)
    return "dl" + d.group(2) if d is not None and _is_description(text) else None


def _is_description(text: str) -> bool:
    m = _DESCRIPTION.match(text)
    return m is not None and "://" not in m.group(1) and len(m.group(1)) <= 200


def _interrupts(text: str) -> bool:
    return bool(_LIST.match(text) or _SECTION.match(text) or _DELIMITER.match(text) or _BLOCK_ATTRIBUTES.match(text)
                or (text.startswith("//") and not text.startswith("///")) or _ATTRIBUTE_ENTRY.match(text)
                or (text.startswith(".") and _BLOCK_TITLE.match(text)))


def _interrupts_item(text: str) -> bool:
    return text.strip() == "+" or bool(_SECTION.match(text) or _DELIMITER.match(text) or _BLOCK_ATTRIBUTES.match(text)
                                       or (text.startswith(".") and _BLOCK_TITLE.match(text)))


class _Inline(InlineRenderer):
    """One paragraph's inline markup."""

    special_pattern = _SPECIAL

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.closers: dict[str, list[int]] = {m: [] for m in _CONSTRAINED}
        n = len(text)
        for k, c in enumerate(text):
            if c in _CONSTRAINED and k > 0 and not text[k - 1].isspace() \
                    and (k + 1 == n or not (text[k + 1].isalnum() or text[k + 1] == c)):
                self.closers[c].append(k)

    def special(self, k: int, end: int, depth: int) -> tuple[str | None, int]:
        text = self.text
        c = text[k]
        if c == "\\":  # an escaped mark is literal
            if k + 1 < end and not text[k + 1].isspace() and not text[k + 1].isalnum():
                return escape(text[k + 1]), k + 2
            return None, k
        if c == "&":
            m = _CHARREF.match(text, k, end)
            return (m.group(0), m.end()) if m else (None, k)
        if text.startswith("link:", k) or c in "hfm" and text.startswith(("http://", "https://", "ftp://", "mailto:"), k):
            return self.link(k, end, depth)
        if text.startswith("<<", k):
            close = self.finder.find(">>", k + 2)
            if close < 0 or close + 2 > end or close - k > 300:
                return None, k
            target, _, label = text[k + 2:close].partition(",")
            return f"<span>{escape(label.strip() or target.strip())}</span>", close + 2
        if c == "<":
            close = self.finder.find(">", k)
            if close < 0 or close >= end or close - k > 2000:
                return None, k
            url = text[k + 1:close]
            return f'<a href="{attr(url)}">{escape(url)}</a>', close + 1
        if text.startswith("[[[", k):
            # a bibliography entry's anchor ("- [[[doe2020]]] citation"): its id, no text of the
            # citation (Asciidoctor shows it as a "[doe2020]" label)
            close = self.finder.find("]]]", k + 3)
            if close >= 0 and close + 3 <= end and close - k <= 200 and "[" not in text[k + 3:close]:
                return "", close + 3
        if text.startswith("[[", k):
            close = self.finder.find("]]", k + 2)
            if close < 0 or close + 2 > end or close - k > 200 or "[" in text[k + 2:close]:
                return None, k
            return "", close + 2  # an inline anchor
        if c == "[":  # [#id.role]#text#: the text
            close = self.finder.find("]", k)
            if close < 0 or close + 1 >= end or text[close + 1] != "#":
                return None, k
            return self.emphasis(close + 1, end, depth, after_role=True)
        if text.startswith(("footnote:[", "pass:["), k):
            open_at = self.finder.find("[", k)
            close = self.finder.find("]", open_at)
            if close < 0 or close >= end or close - k > 2000:
                return None, k
            return ("" if c == "f" else escape(text[open_at + 1:close])), close + 1
        if text.startswith("((", k):
            close = self.finder.find("))", k + 2)
            if close < 0 or close + 2 > end or close - k > 300:
                return None, k
            inner = text[k + 2:close]
            if inner.startswith("("):  # (((concealed, index, terms)))
                return "", close + 3 if text.startswith(")))", close) else close + 2
            return escape(inner), close + 2
        for opening, (mark, closing) in _QUOTES.items():
            if text.startswith(opening, k):
                close = self.finder.find(closing, k + 2)
                if close < 0 or close + 2 > end or close - k > 1000:
                    return None, k
                right = "\u201d" if mark == "\u201c" else "\u2019"
                return mark + self.render(k + 2, close, depth + 1) + right, close + 2
        if text.startswith("--", k):
            if k + 2 < end and text[k + 2] == "-":
                return None, k
            before = text[k - 1] if k > 0 else " "
            after = text[k + 2] if k + 2 < end else " "
            if before.isdigit() and after.isdigit():  # a page or year range written as in LaTeX
                return "\u2013", k + 2
            if before.isalnum() and after.isalnum() or before == " " and after == " ":
                return "\u2014", k + 2
            return None, k
        if text.startswith("...", k):
            return "\u2026", k + 3
        if c in "^~":
            close = text.find(c, k + 1, min(end, k + 100))
            if close < 0 or close == k + 1 or " " in text[k + 1:close]:
                return None, k
            tag = "sup" if c == "^" else "sub"
            return f"<{tag}>{escape(text[k + 1:close])}</{tag}>", close + 1
        return self.emphasis(k, end, depth)

    def link(self, k: int, end: int, depth: int) -> tuple[str | None, int]:
        text = self.text
        start = k + 5 if text.startswith("link:", k) else k
        m = _URL.match(text, start, end) if start == k else _TARGET.match(text, start, end)
        if m is None:
            return None, k
        url = m.group(0)
        after = m.end()
        if after < end and text[after] == "[":
            if text.startswith("[[", after):
                close = self.finder.find("]]", after)
                label_end = close + 1 if close >= 0 else -1
                close = close + 1 if close >= 0 else -1
            else:
                close = self.finder.find("]", after)
                label_end = close
            if close < 0 or close >= end or close - after > 2000:
                return None, k
            label = _label(text[after + 1:label_end])
            shown = escape(url) if not label else (self.render_label(label, depth))
            return f'<a href="{attr(url)}">{shown}</a>', close + 1
        if start != k:
            return None, k  # link: needs its [label]
        url = url.rstrip(".,;:!?)")
        return f'<a href="{attr(url)}">{escape(url)}</a>', k + len(url)

    def render_label(self, label: str, depth: int) -> str:
        if depth >= _MAX_INLINE_DEPTH:
            return escape(label)
        return _Inline(label).render(0, len(label), depth + 1)

    def emphasis(self, k: int, end: int, depth: int, *, after_role: bool = False) -> tuple[str | None, int]:
        text = self.text
        c = text[k]
        if c not in _CONSTRAINED or depth >= _MAX_INLINE_DEPTH or k + 1 >= end:
            return None, k
        if text.startswith(c * 2, k):  # unconstrained: **bold** anywhere
            close = self.finder.find(c * 2, k + 2)
            if close < 0 or close + 2 > end or close == k + 2:
                return None, k
            return self.wrap(c, k + 2, close, depth), close + 2
        if not after_role and k > 0 and (text[k - 1].isalnum() or text[k - 1] == c or text[k - 1] in ":;}"):
            return None, k
        if text[k + 1].isspace():
            return None, k
        close = first_after(self.closers[c], k + 1, end)
        if close < 0 or close - k > 3000:
            return None, k
        return self.wrap(c, k + 1, close, depth), close + 1

    def wrap(self, c: str, a: int, b: int, depth: int) -> str:
        if c == "+":  # passthrough: the text as written
            return escape(self.text[a:b])
        tag = _CONSTRAINED[c]
        inner = escape(self.text[a:b]) if c == "`" else self.render(a, b, depth + 1)
        return f"<{tag}>{inner}</{tag}>"


def _label(raw: str) -> str:
    """The text of a link's ``[label,window=_blank]`` (named attributes and ``^`` dropped)."""
    raw = raw.strip()
    if raw.startswith('"'):
        close = raw.find('"', 1)
        if close > 0:
            return raw[1:close]
    if "=" in raw and "," in raw:
        raw = raw.split(",", 1)[0] if "=" not in raw.split(",", 1)[0] else ""
    elif "=" in raw and re.match(r"[\w-]{1,30}=", raw):
        raw = ""
    return raw.rstrip("^").strip()
