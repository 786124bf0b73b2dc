"""The output formats of citation lists: one protocol (:class:`Format`) that
text, Markdown, HTML, LaTeX and RTF implement. Everything format-specific —
escaping, markup, the list's frame, headings, numbers, the second-field-align
layout, links, role markers, the pybtex backend — is a method here, so the code
that builds lists never asks which format it has."""

from __future__ import annotations

import html as _html
import re
import unicodedata
from functools import lru_cache
from typing import ClassVar

from ...errors import FormatError
from ...latex import escape as latex_escape
from ..csl.marks import CLOSERS, MARK_RE, MARKS

__all__ = ["Format", "FORMATS", "get_format"]

_FLIP = {"i": "roman", "sc": "upright"}
_SPACES = re.compile(" {2,}")
_TRAILING_PUNCT = re.compile(r"</div>([.,;:!?]+)$")
_BLOCK_THEN_DIV = re.compile(r'(<div class="csl-block">[^<]*(?:<(?!/div>)[^<]*)*</div>)\n    (?=<div)')
_LEADING_SPACE_IN_DIV = re.compile(r'^(<div class="csl-(?:block|left-margin|indent)">)( +)')
_DISPLAY_DIV = re.compile(r'(^ *|</div>)(?=<div class="csl-(?:block|left-margin)">)')
# punctuation doubled across a closing mark ("et al." in italics + ".")
_DOUBLED_ACROSS = re.compile("([.,;:!?])([" + CLOSERS + "]+)\\1")


@lru_cache(maxsize=1)
def _superscripts() -> tuple[dict[str, str], re.Pattern[str]]:
    """Superscript character -> the character(s) it is a superscript of
    (Unicode's ``<super>`` compatibility decompositions: "ᵉ" -> "e", "²" ->
    "2", "™" -> "TM"), and a pattern finding them; built on first use."""
    table = {
        chr(c): "".join(chr(int(h, 16)) for h in unicodedata.decomposition(chr(c)).split()[1:])
        for c in range(0x80, 0x10000)
        if unicodedata.decomposition(chr(c)).startswith("<super>")
    }
    return table, re.compile("[" + "".join(table) + "]")


class Format:
    """Plain text: no markup, entries one per line."""

    name: ClassVar[str] = "text"
    #: the pybtex backend that writes this format
    pybtex_backend: ClassVar[str] = "text"
    #: whether DOI/arXiv/PDF links are added after entries (``links=True``)
    has_links: ClassVar[bool] = False
    #: markup per formatting: tag -> (open, close); CSL ``display`` parts are
    #: separated by a space in formats without blocks
    markup: ClassVar[dict[str, tuple[str, str]]] = {"block": ("", " "), "left-margin": ("", " "), "indent": (" ", "")}

    def escape(self, text: str) -> str:
        """``text`` as literal text of this format."""
        return text

    def finish(self, marked: str) -> str:
        """Escaped text with the markup of this format in place of the marks."""
        if not MARK_RE.search(marked):
            return self.escape(marked)
        marked = _DOUBLED_ACROSS.sub(r"\1\2", marked)
        out = []
        # CSL "flip-flop": italics inside italics are upright, small caps inside
        # small caps normal; ``stack`` holds the tag each open mark printed
        stack: list[str] = []
        for piece in MARK_RE.split(marked):
            if piece in MARKS:
                tag, side = MARKS[piece]
                if side == 0:
                    if tag == "nodecor":  # undo the formatting around it
                        tag = next((_FLIP[t] for t in reversed(stack) if t in _FLIP), "nodecor")
                    elif tag in _FLIP and tag in stack:
                        tag = _FLIP[tag]
                    stack.append(tag)
                else:
                    tag = stack.pop() if stack else tag
                out.append(self.markup.get(tag, ("", ""))[side])
            elif piece:
                out.append(self.escape(piece))
        return "".join(out)

    def bold(self, text: str) -> str:
        return text

    def link(self, label: str, url: str) -> str:
        return f"{label}: {url}"

    link_separator: ClassVar[str] = " | "

    def marker(self, mark: str) -> str:
        """A role marker (``*`` equal contribution, ``†`` corresponding) after a name."""
        return mark

    def aligned(self, label: str, body: str) -> str:
        """An entry whose first field is set apart (CSL ``second-field-align``):
        the label, then the entry."""
        return label + (body if body[:1].isspace() else " " + body)

    def entry_text(self, text: str) -> str:
        """The finished text of one entry (outer spaces dropped)."""
        return _SPACES.sub(" ", text).strip() if "  " in text else text.strip()

    def begin(self) -> list[str]:
        return []

    def end(self) -> list[str]:
        return []

    def heading(self, text: str) -> str:
        return f"{text}\n"

    def item(self, key: str, text: str, number: int | None) -> str:
        return (f"{number}. " if number is not None else "") + text

    def section_end(self) -> list[str]:
        """Lines after a group of entries under a heading."""
        return [""]

    def pybtex_label(self, label: str) -> str:
        return f"[{label}]"

    def pybtex_text(self, text: str) -> str:
        return text


class Markdown(Format):
    name = "markdown"
    pybtex_backend = "markdown"
    has_links = True
    markup = {**Format.markup, "i": ("*", "*"), "b": ("**", "**"), "sup": ("<sup>", "</sup>"), "sub": ("<sub>", "</sub>")}
    # "[1]" stays as it is (no link without a definition); "](" could start one
    _SPECIAL = re.compile(r"([\\`*<>]|\](?=[(:\[])|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z]))")

    def escape(self, text: str) -> str:
        return self._SPECIAL.sub(r"\\\1", str(text))

    def bold(self, text: str) -> str:
        return f"**{text}**"

    def link(self, label: str, url: str) -> str:
        return f"[{label}]({url.replace(')', '%29').replace(' ', '%20')})"

    def marker(self, mark: str) -> str:
        return mark.replace("*", "\\*")

    def heading(self, text: str) -> str:
        return f"## {text}\n"

    def item(self, key: str, text: str, number: int | None) -> str:
        return super().item(key, text, number) + "\n"

    def section_end(self) -> list[str]:
        return []

    def pybtex_label(self, label: str) -> str:
        return f"\\[{label}\\]"


class Html(Format):
    name = "html"
    pybtex_backend = "html"
    has_links = True
    markup = {
        "i": ("<i>", "</i>"),
        "b": ("<b>", "</b>"),
        "u": ("<u>", "</u>"),
        "sup": ("<sup>", "</sup>"),
        "sub": ("<sub>", "</sub>"),
        "sc": ('<span style="font-variant:small-caps;">', "</span>"),
        "roman": ('<span style="font-style:normal;">', "</span>"),
        "upright": ('<span style="font-variant:normal;">', "</span>"),
        "baseline": ('<span style="baseline">', "</span>"),
        "block": ('<div class="csl-block">', "</div>"),
        "left-margin": ('<div class="csl-left-margin">', "</div>"),
        "right-inline": ('<div class="csl-right-inline">', "</div>"),
        "indent": ('<div class="csl-indent">', "</div>"),
    }

    def escape(self, text: str) -> str:
        """HTML text; a superscript character (the French ordinal "ᵉʳ", "²")
        becomes its letter in ``<sup>``, as citeproc-js writes HTML."""
        text = _html.escape(str(text), quote=False)
        if text.isascii():
            return text
        table, pattern = _superscripts()
        return pattern.sub(lambda m: f"<sup>{table[m.group(0)]}</sup>", text)

    def bold(self, text: str) -> str:
        return f"<b>{text}</b>"

    def link(self, label: str, url: str) -> str:
        return f'<a href="{_html.escape(url)}">{_html.escape(label)}</a>'

    def aligned(self, label: str, body: str) -> str:
        # the CSL test suite's (and citeproc-js's) markup for second-field-align
        inline = body.rstrip(" ")
        return f'\n    <div class="csl-left-margin">{label}</div><div class="csl-right-inline">{inline}</div>\n  {body[len(inline):]}'

    def entry_text(self, text: str) -> str:
        """Spaces at the edges are kept, as citeproc-js keeps them; display
        divs are laid out on lines of their own as citeproc-js writes them."""
        if '<div class="csl-' in text and not text.startswith("\n"):
            text = _TRAILING_PUNCT.sub(r"\1</div>", text)  # the layout's suffix goes into the last div
            # spaces opening the entry's first display div stand before it (citeproc-js)
            text = _LEADING_SPACE_IN_DIV.sub(r"\2\1", text)
            text = _DISPLAY_DIV.sub(lambda m: m.group(1) + "\n    ", text) + "\n  "
            if text.startswith('\n    <div class="csl-block">'):
                # citeproc-js sets a heading block between empty lines
                text = _BLOCK_THEN_DIV.sub("\\1\n\n    ", "\n" + text, count=1)
        return text

    def begin(self) -> list[str]:
        return ['<div class="csl-bib-body">']

    def end(self) -> list[str]:
        return ["</div>"]

    def heading(self, text: str) -> str:
        return f"<h2>{_html.escape(text)}</h2>"

    def item(self, key: str, text: str, number: int | None) -> str:
        label = f'<span class="csl-left-margin">{number}.</span> ' if number is not None else ""
        return f'  <div class="csl-entry" id="{_html.escape(key)}">{label}{text}</div>'

    def section_end(self) -> list[str]:
        return []


class Latex(Format):
    name = "latex"
    pybtex_backend = "latex"
    has_links = True
    markup = {
        **Format.markup,
        "i": ("\\textit{", "}"),
        "b": ("\\textbf{", "}"),
        "u": ("\\underline{", "}"),
        "sup": ("\\textsuperscript{", "}"),
        "sub": ("\\textsubscript{", "}"),
        "sc": ("\\textsc{", "}"),
        "roman": ("\\textup{", "}"),
        "upright": ("\\textup{", "}"),
    }
    link_separator = " \\textbar{} "

    def escape(self, text: str) -> str:
        return latex_escape(str(text), keep_space=True)

    def bold(self, text: str) -> str:
        return f"\\textbf{{{text}}}"

    def link(self, label: str, url: str) -> str:
        return f"\\href{{{self.escape(url)}}}{{{label}}}"

    def marker(self, mark: str) -> str:
        return mark.replace("†", "\\textsuperscript{\\dag}").replace("*", "\\textsuperscript{*}")

    def heading(self, text: str) -> str:
        return f"\\subsection*{{{text}}}\n"

    def item(self, key: str, text: str, number: int | None) -> str:
        return super().item(key, text, number) + "\n"

    def section_end(self) -> list[str]:
        return []


class Rtf(Format):
    name = "rtf"
    markup = {**Format.markup, "i": ("{\\i ", "}"), "b": ("{\\b ", "}"), "u": ("{\\ul ", "}"), "sup": ("{\\super ", "}"), "sub": ("{\\sub ", "}"), "sc": ("{\\scaps ", "}"), "baseline": ("{\\nosupersub ", "}")}

    def escape(self, text: str) -> str:
        out = []
        for ch in str(text):
            if ch in "\\{}":
                out.append("\\" + ch)
            elif ord(ch) > 127:
                code = ord(ch)
                out.append("?" if code > 0xFFFF else f"\\u{code if code < 32768 else code - 65536}?")
            else:
                out.append(ch)
        return "".join(out)

    def bold(self, text: str) -> str:
        return "{\\b " + text + "}"

    def begin(self) -> list[str]:
        return ["{\\rtf1\\ansi\\deff0"]

    def end(self) -> list[str]:
        return ["}"]

    def heading(self, text: str) -> str:
        return "{\\b " + text + "}\\par"

    def item(self, key: str, text: str, number: int | None) -> str:
        return super().item(key, text, number) + "\\par"

    def section_end(self) -> list[str]:
        return []

    def pybtex_text(self, text: str) -> str:
        return self.escape(text)


_FORMATS: dict[str, type[Format]] = {f.name: f for f in (Format, Markdown, Html, Latex, Rtf)}
FORMATS = tuple(_FORMATS)


def get_format(name: str) -> Format:
    """The output format called ``name``; unknown names raise :class:`FormatError`."""
    cls = _FORMATS.get(name)
    if cls is None:
        raise FormatError(f"unknown citation output format {name!r} (known: {', '.join(FORMATS)})")
    return cls()
