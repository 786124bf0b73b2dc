"""Markdown rendered to the HTML document the page item finder reads.

markdown-it-py parses CommonMark + tables + strikethrough with raw HTML allowed,
so a Markdown page's lists, headings and emphasis and its raw HTML (cards, ``<b>``
titles, ``<br>`` breaks, link buttons) become one HTML document; entities are
decoded by the HTML parser like on any page. Choices for publication pages:

* soft line breaks are ``<br>``: the lines of a CV item (title / authors / venue)
  are evidence the item finder and the citation parser use;
* indented code is off: an indented line is a hanging indent or the inside of a
  raw HTML card (kramdown, which Jekyll uses, reads it so), never code;
* a top-level one-line paragraph naming a section ("Awards", "Co-Authored
  Papers:" above a list) is rendered as a heading, as a reader sees it;
* an ordered-list marker that is a year ("2014. Authors. Title", also inside a bullet:
  "- 2014. …") is the item's date, not its number: it is kept as the item's first text
  (CommonMark would keep only the first marker, as the list's start);
* a Markdown link written inside a raw HTML block (``<h3>[Title](url)</h3>``) is a
  link, as Pandoc reads it (CommonMark would leave the brackets as text): the link
  text is the title a reader sees, not "[Title](url)";
* YAML/TOML front matter is page settings, and Liquid/Hugo template tags
  (``{% include … %}``, ``{{ site.x }}``, ``{{< shortcode >}}``) are template code,
  never visible text: both are skipped.

Every block is written at the line it came from (blank lines padded in), so items
report the Markdown source line.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from . import pandoc

__all__ = ["to_html", "FRONT_MATTER"]

#: YAML (``---``) or TOML (``+++``) front matter at the top of a page
FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\n(?:[^\n]*\n){0,400}?(?:---|\+\+\+|\.\.\.)[ \t]*(?:\n|\Z)")


#: Liquid (Jekyll) and Go-template (Hugo) tags, bounded so a stray "{%" costs little
_TEMPLATE_TAG = re.compile(r"\{%.{0,1000}?%\}|\{\{.{0,1000}?\}\}", re.S)
#: an ordered-list marker that is a year: "2014. Authors. Title" (CommonMark reads the number
#: as the list's numbering; on a publication page it is the item's date and is kept as text)
_YEAR_MARKER = re.compile(r"1[89]\d\d|20[0-4]\d")
#: a Markdown link in the text of a raw HTML block: its text may hold one level of
#: brackets ("[[CEUR]](url)"); each alternative starts with a different character, so linear
_HTML_BLOCK_LINK = re.compile(r"\[((?:[^\[\]\n]|\[[^\[\]\n]{0,200}\]){1,500})\]\(([^()\s<>\"]{1,2000})\)")
#: a tag, or the text between tags, of a raw HTML block
_TAG_OR_TEXT = re.compile(r"<[^<>]{0,2000}>|[^<]+|<")
#: the opening or closing tag of raw HTML whose text is code or data, never Markdown
_VERBATIM = re.compile(r"<(/?)(?:pre|code|script|style|textarea)\b", re.I)
#: a publication year in a one-line paragraph
_YEAR = re.compile(r"(?<!\d)(?:1[89]\d\d|20[0-4]\d)(?!\d)")
#: the "](target)" half of a link (its target may be broken over one line end)
_LINK_TARGET = re.compile(r"\]\([^()\s]{0,2000}(?:\n[^()\s]{1,2000})?\)")
#: where brackets are counted: an escaped character, a bracket, a paragraph break
_BRACKET_EVENT = re.compile(r"\\.|[\[\]]|\n[ \t]*\n", re.S)


def _parser(breaks: bool = True) -> Any:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True, "typographer": False, "breaks": breaks}).enable("table").enable("strikethrough")
    # an indented line in a publication page is a hanging indent or the inside of
    # a raw HTML card (kramdown, which Jekyll uses, reads it so), never code
    md.disable("code")
    if hasattr(md.inline, "terminator_re"):  # (markdown-it-py 4.x; older versions keep their own set)
        md.inline.terminator_re = _TERMINATORS
    return md


#: the characters at which one of the parser's inline rules can start (:data:`_INLINE_MARK`),
#: a line break, and ``]``, which ends a link's text. markdown-it's ``text`` rule stops at
#: every character any rule of any extension may start with (``-``, ``:``, ``+``, ``=``, ``#``,
#: ``@``, ``%``, ``$``, ``{``, ``}``, ``^``, ``>``), then tries all eleven rules there in
#: vain; stopping at these alone gives the same tokens (the text between stops is one
#: pending run either way) in fewer steps: dashes and colons are in most citations
_TERMINATORS = re.compile(r"[\n!&*<\[\\\]_`~]")


def to_html(text: str) -> str:
    """The Markdown document as an HTML ``<body>``, each block on its source line."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    m = FRONT_MATTER.match(text)
    if m:  # YAML/TOML front matter: page settings, kept as blank lines
        text = _front_matter(m.group(0)) + "\n" * m.group(0).count("\n") + text[m.end():]
    if "{%" in text or "{{" in text:
        text = _TEMPLATE_TAG.sub(lambda t: "\n" * t.group(0).count("\n"), text)
    text = pandoc.preprocess(text)  # Pandoc/knitr/kramdown extensions, removed line for line
    text = orphan_link_targets(text)
    md = _parser(breaks=not hard_wrapped(text))
    tokens, inline = _block_tokens(md, text)
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
        elif token.type == "paragraph_open" and not token.hidden and token.level == 0 and i + 1 < len(tokens):
            inline(tokens[i + 1])
            if _label_paragraph(tokens, i):
                promoted[i] = promoted[i + 2] = min(6, level + 1)
    year_marker = ""  # the year an ordered-list marker showed, still to be written into its item
    for i, token in enumerate(tokens):
        if token.type == "list_item_open" and _YEAR_MARKER.fullmatch(token.info or ""):
            year_marker = f"{token.info}{token.markup} "
        if token.map is not None and token.nesting >= 0 and token.map[0] > line:
            out.append("\n" * (token.map[0] - line))
            line = token.map[0]
        if i in promoted:
            chunk = f"<h{promoted[i]}>" if token.nesting == 1 else f"</h{promoted[i]}>\n"
        elif token.type == "inline":
            inline(token)
            chunk = renderer.renderInline(token.children or [], options, env)
            token.children = None  # rendered: its inline tokens are not needed again
            if year_marker:
                chunk, year_marker = year_marker + chunk, ""
        elif token.type == "html_block" and "](" in token.content:
            chunk = _html_block_links(token.content)
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


def orphan_link_targets(text: str) -> str:
    """The text without the "](target)" halves of links whose "[" was lost (a broken
    WordPress-to-Markdown export: "The Samnite area (Italy), 2013](wp-content/uploads/x.pdf)",
    "Atti convegno, 201](x.pdf)9"): the target is no text of the item, and left in, it runs
    the title into the year and a file path. Brackets are counted within a paragraph, so a
    link whose text is broken over lines keeps its target; line ends are kept."""
    if "](" not in text:
        return text
    out: list[str] = []
    depth = 0
    start = 0
    for m in _BRACKET_EVENT.finditer(text):
        token = m.group(0)
        if m.start() < start:  # inside a target already dropped
            continue
        if token == "[":
            depth += 1
        elif token == "]":
            if depth:
                depth -= 1
                continue
            target = _LINK_TARGET.match(text, m.start())
            if target is not None:
                out.append(text[start:m.start()] + "\n" * target.group(0).count("\n"))
                start = target.end()
        elif token[0] == "\n":
            depth = 0
    out.append(text[start:])
    return "".join(out)


def _front_matter(block: str) -> str:
    """A front matter that is a publication record (:mod:`refkit.markup.front_matter`) as one
    line of HTML for the page reader: a hidden BibTeX block, or its citation as a paragraph;
    nothing for page settings."""
    from html import escape

    from . import front_matter

    inner = block.split("\n", 1)[1].rsplit("\n", 2)[0] if "\n" in block else ""
    bib = front_matter.record(inner)
    if bib is not None:
        return f'<pre class="bibtex" hidden>{escape(bib)}</pre>'
    cited = front_matter.citation(inner)
    return f"<p>{escape(cited)}</p>" if cited is not None else ""


#: a line that is no running text (a heading, raw HTML, a table row, a fence) or, as the line
#: after a break, one that starts a block of its own (a list item, a quote, a link definition)
_NOT_RUNNING = re.compile(r"[ \t]*(?:#|<|\||```|~~~)")
_STARTS_BLOCK = re.compile(r"[ \t]*(?:#|<|\||\[[^\]\n]{0,200}\]:|```|~~~|[-*+][ \t]|\d{1,4}[.)][ \t]|>)")
#: a document is hard-wrapped when this share of its line breaks inside running text fall
#: where the next word would not have fitted on the line (measured on the dev documents:
#: wrapped ones 0.85-0.99, ones whose lines are fields 0.58 at most)
_FILLED_SHARE = 0.75


def hard_wrapped(text: str) -> bool:
    """Is the document's running text hard-wrapped at a fixed width (lines broken where
    the next word would pass the margin), so that a soft line break is a space, not the
    end of a line of its own (title / authors / venue)? The margin is the 90th percentile
    of the lengths of lines that a break inside a block ends, between 50 and 120
    characters; a line ending in a Markdown hard break (two spaces, a backslash) is not
    counted."""
    lines = text.split("\n")
    pairs: list[tuple[int, int]] = []
    for line, after in zip(lines, lines[1:]):
        stripped, nxt = line.rstrip(), after.split(None, 1)
        if not stripped.strip() or not nxt or line.endswith("  ") or stripped.endswith("\\"):
            continue
        if _NOT_RUNNING.match(line) or _STARTS_BLOCK.match(after):
            continue
        pairs.append((len(stripped), len(nxt[0])))
    if len(pairs) < 5:
        return False
    lengths = sorted(n for n, _ in pairs)
    margin = lengths[int(len(lengths) * 0.9) - 1] if len(lengths) >= 10 else lengths[-1]
    if not 50 <= margin <= 120:
        return False
    filled = sum(1 for n, word in pairs if n + 1 + word > margin)
    return filled >= _FILLED_SHARE * len(pairs)


def _html_block_links(html: str) -> str:
    """A raw HTML block with the Markdown links in its text (never inside a tag) written
    as ``<a>`` elements, as Pandoc renders Markdown inside HTML blocks."""
    from html import escape

    def link(m: re.Match[str]) -> str:
        return f'<a href="{escape(m.group(2))}">{m.group(1)}</a>'

    parts = []
    verbatim = 0  # how many <pre>/<code>/<script>… are open around the text
    for m in _TAG_OR_TEXT.finditer(html):
        piece = m.group(0)
        if piece.startswith("<"):
            tag = _VERBATIM.match(piece)
            if tag and not piece.endswith("/>"):
                verbatim = max(0, verbatim - 1) if tag.group(1) else verbatim + 1
        elif "](" in piece and not verbatim:
            piece = _HTML_BLOCK_LINK.sub(link, piece)
        parts.append(piece)
    return "".join(parts)


#: the core rules that work inside one inline token at a time (markdown-it's chain ends with them)
_PER_INLINE = ("inline", "text_join")


def _block_tokens(md: Any, text: str) -> tuple[list[Any], Callable[[Any], None]]:
    """The block tokens of ``text``, and a function that parses one ``inline`` token's
    children when they are needed. markdown-it parses every inline token of the
    document before anything is rendered: a token per word run, emphasis mark and
    link, about 30 bytes of memory per byte of Markdown. Parsed one at a time and
    dropped once rendered, they never all exist at once; the tokens are the same
    (the inline rules read the block tokens' shared ``env`` only, and the core rules
    after them work inside one inline token)."""
    from markdown_it.rules_core import StateCore

    core = md.core.ruler
    names = [r.name for r in core.__rules__ if r.enabled]
    tail = names[names.index("inline"):] if "inline" in names else []
    if not tail or any(n not in _PER_INLINE for n in tail):  # a chain this was not written for: parse all at once
        return md.parse(text), lambda token: None
    rules = [r.fn for r in core.__rules__ if r.enabled and r.name in tail]
    core.disable(tail)
    env: dict[str, Any] = {}
    tokens = md.parse(text, env)
    core.enable(tail)

    parsed: set[int] = set()

    def inline(token: Any) -> None:
        if token.type == "inline" and id(token) not in parsed:
            parsed.add(id(token))
            if _INLINE_MARK.search(token.content) is None:  # nothing for an inline rule but line breaks
                token.children = _plain_children(token.content)
                return
            state = StateCore(token.content, md, env, [token])
            for rule in rules:
                rule(state)

    return tokens, inline


#: the characters at which an inline rule of the parser (:func:`_parser`) other than plain text
#: and line breaks can start: a backslash escape, a code span, strikethrough, emphasis, a link,
#: an image, an autolink or raw HTML, an entity
_INLINE_MARK = re.compile(r"[\\`~*_\[!<&]")


def _plain_children(content: str) -> list[Any]:
    """The inline tokens markdown-it makes of ``content`` when it shows no inline markup
    (:data:`_INLINE_MARK`): its lines as text tokens, each line break a ``softbreak`` (a
    ``hardbreak`` after two spaces or more), the break's trailing spaces and the next
    line's indentation dropped. Most items of a plain list are such text; the parser's
    rule chain, tried at every punctuation mark, finds the same tokens at several times
    the cost (``tests/markup/test_markdown.py`` compares both on every kind of line)."""
    from markdown_it.token import Token

    tokens: list[Any] = []
    lines = content.split("\n")
    last = len(lines) - 1
    for k, line in enumerate(lines):
        if k:
            line = line.lstrip(" \t")  # (the newline rule skips the next line's spaces and tabs)
        if k == last:
            if line:
                tokens.append(_text_token(Token, line))
            break
        kind = "softbreak"
        if line.endswith("  "):
            line, kind = line.rstrip(" "), "hardbreak"
        elif line.endswith(" "):
            line = line[:-1]
        if line:
            tokens.append(_text_token(Token, line))
        tokens.append(Token(kind, "br", 0))
    return tokens


def _text_token(token: Any, content: str) -> Any:
    out = token("text", "", 0)
    out.content = content
    return out


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
    if not text or len(text) > 80 or "," in text and _YEAR.search(text):
        return False  # "*Water Letters*, 3:1–9, 2019": a venue line, not a section label
    if text[0] in "([" and text[-1] in ")]":
        return False  # "(Best Paper Award)": a note on the item above, not a section label
    before_list = i + 3 < len(tokens) and tokens[i + 3].type in ("bullet_list_open", "ordered_list_open")
    if text.endswith((":", "：")):
        return before_list or section_kind(text) is not None
    return section_kind(text) is not None and (before_list or len(text.split()) <= 4)


