"""Markdown reader (CommonMark + tables, raw HTML allowed): a README, a Jekyll/Hugo
page source, an R Markdown/Quarto document.

Why render to HTML instead of segmenting Markdown lines: a Markdown publication
page mixes Markdown lists, headings and emphasis with raw HTML (cards, ``<b>``
titles, ``<br>`` breaks, link buttons). markdown-it-py turns both into one HTML
document, so the page is read by exactly the machinery that reads web pages
(:mod:`refkit.readers.html`: item finding from the tree's repeated structure,
section headings, spans with bold/italic/link/sup, embedded BibTeX), the way
pandoc reads every markup into one document model. Entities (``&infin;``) are
decoded by the HTML parser like on any page.

Line numbers survive the rendering: every block is written at the line it came
from (blank lines are padded in), so items report the Markdown source line.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Library

__all__ = ["read", "sniff", "to_html"]

# Markdown-only evidence, line-anchored: ATX headings, setext underlines, list
# items, links/images, emphasis, fenced code, tables.
_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.M)
_LINK = re.compile(r"!?\[[^\]\n]{1,500}\]\([^)\s]{1,2000}\)")
_EMPHASIS = re.compile(r"(?:\*\*|__)[^*_\n]{1,300}(?:\*\*|__)")
_FENCE = re.compile(r"^(?:```|~~~)", re.M)
_TABLE_SEPARATOR = re.compile(r"^\|?[ \t]*:?-{3,}:?[ \t]*\|", re.M)
_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\n(?:[^\n]*\n){0,400}?(?:---|\+\+\+|\.\.\.)[ \t]*(?:\n|\Z)")


def sniff(text: str) -> float:
    """Above the plain-text fallback when the text has Markdown-only structure: ``#``
    headings, links, strong emphasis, fenced code, a table or front matter (list
    markers and underlined headings are also plain text's)."""
    head = text[:65536]
    if not head.strip() or "\x00" in head:
        return 0.0
    score = 0.0
    if _HEADING.search(head):
        score += 0.1
    if _LINK.search(head):
        score += 0.1
    if _EMPHASIS.search(head):
        score += 0.05
    if _FENCE.search(head) or _TABLE_SEPARATOR.search(head):
        score += 0.05
    if _FRONT_MATTER.match(head):
        score += 0.1
    return min(score, 0.3) if score >= 0.1 else 0.0


def _parser() -> Any:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True, "typographer": False, "breaks": True}).enable("table").enable("strikethrough")
    # an indented line in a publication page is a hanging indent or the inside of
    # a raw HTML card (kramdown, which Jekyll uses, reads it so), never code
    md.disable("code")
    return md


def to_html(text: str) -> str:
    """The Markdown document as an HTML ``<body>``, each block on its source line."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    m = _FRONT_MATTER.match(text)
    if m:  # YAML/TOML front matter: page settings, kept as blank lines
        text = "\n" * m.group(0).count("\n") + text[m.end():]
    md = _parser()
    tokens = md.parse(text)
    renderer = md.renderer
    options = md.options
    env: dict[str, Any] = {}
    out: list[str] = ["<html><body>"]
    line = 0  # the output line the next chunk starts on (0-based)
    level = 1  # the level of the last heading
    promoted: dict[int, int] = {}  # index of a paragraph's open/close token -> heading level
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            level = int(token.tag[1:])
        elif token.type == "paragraph_open" and not token.hidden and _label_paragraph(tokens, i):
            promoted[i] = promoted[i + 2] = min(6, level + 1)
    for i, token in enumerate(tokens):
        if token.map is not None and token.nesting >= 0 and token.map[0] > line:
            out.append("\n" * (token.map[0] - line))
            line = token.map[0]
        if i in promoted:
            chunk = f"<h{promoted[i]}>" if token.nesting == 1 else f"</h{promoted[i]}>\n"
        elif token.type == "inline":
            chunk = renderer.renderInline(token.children or [], options, env)
        elif token.type in renderer.rules:
            chunk = renderer.rules[token.type](tokens, i, options, env)
        else:
            chunk = renderer.renderToken(tokens, i, options, env)
        if token.nesting == 1:
            chunk = chunk.rstrip("\n")  # "<ol>\n" would put the first item a line below its source
        out.append(chunk)
        line += chunk.count("\n")
    out.append("</body></html>")
    return "".join(out)


def _label_paragraph(tokens: list[Any], i: int) -> bool:
    """A top-level paragraph that is a section label written as text ("Co-Authored
    Papers:", "Awards" above a list): one short line naming a section, or ending
    with a colon right before a list. It is rendered as a heading, as a reader sees it."""
    from ..extraction.sections import section_kind

    if tokens[i].level != 0 or i + 3 >= len(tokens) + 1 or i + 2 >= len(tokens):
        return False
    inline = tokens[i + 1]
    children = inline.children or []
    if any(c.type in ("softbreak", "hardbreak", "link_open", "image") for c in children):
        return False
    text = inline.content.strip().strip("*_").strip()
    if not text or len(text) > 80:
        return False
    before_list = i + 3 < len(tokens) and tokens[i + 3].type in ("bullet_list_open", "ordered_list_open")
    if text.endswith((":", "：")):
        return before_list or section_kind(text) is not None
    return section_kind(text) is not None and (before_list or len(text.split()) <= 4)


def read(text: str, *, path: str | None = None, **options: Any) -> Library:
    """Extract the publication entries of a Markdown document."""
    from . import html

    if not text or not text.strip():
        return Library(source=path)
    return html.read_document(to_html(text), path=path, source="markdown")
