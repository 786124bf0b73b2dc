"""Pandoc Markdown (R Markdown, Quarto, Hakyll) and kramdown extensions, reduced to the
CommonMark the Markdown reader parses.

A publication page written for Pandoc or knitr carries constructs CommonMark does
not know, and read literally they become item text: ``{target="_blank"}`` after a
link, ``{.class}``/``{#id}`` attributes and kramdown's ``{: .class}``, ``:::``
fenced divs, executable chunks (```` ```{r} ````), inline R (`` `r nrow(x)` ``),
citations of a bibliography file (``[@key]``), LaTeX page commands on their own line (``\\newpage``)
and LaTeX symbol commands with empty braces (``\\textasteriskcentered{}``). :func:`preprocess`
removes them where they stand and keeps every line, so the Markdown reader still
reports source lines. What they stand for cannot be known without running R or
reading the bibliography, so nothing is invented in their place; a bracketed span
keeps its text, and its class names as an HTML ``<span class>`` around it
(``[Title]{.pub-title}``: the page's own word for what the text is, which the item
finder and the parser read as they read a web page's classes).

Footnotes (Pandoc, kramdown, MyST, GitHub): a reference list kept as footnote
definitions (``[^doe2020]: Doe, J. "Title." Journal …`` with indented continuation
lines) is a numbered list to a reader, so each definition becomes an item of one
ordered list (``1. Doe, J. …``, continuation lines kept); footnote marks in the text
(``…shown before[^doe2020].``) are dropped, and so is a MyST target line (``(about)=``).

Raw LaTeX (Pandoc's ``raw_tex``): an environment written into the Markdown on lines of its
own (``\\begin{cventries}`` … ``\\end{cventries}``, as R's vitae package and hand-made CVs
leave them) is LaTeX, not text: it is rendered by the LaTeX markup
(:func:`refkit.markup.latex.to_html`) into raw HTML in its place, as a page's raw HTML is
read, so its items reach the same machinery as those of a LaTeX CV.

Every pattern here is bounded and free of nested quantifiers over the same
characters; the text is processed once, line by line.
"""

from __future__ import annotations

import re

__all__ = ["preprocess", "evidence"]

_ATTR = r"(?:[#.][\w:-]{1,100}|[\w-]{1,50}=(?:\"[^\"\n]{0,500}\"|'[^'\n]{0,500}'|[^\s}\"']{0,500})|-)"
_ATTRS = rf"\{{:?[ \t]*{_ATTR}(?:[ \t]+{_ATTR}){{0,30}}[ \t]*\}}"
#: attributes right after a link, image, inline code or span: ``](url){target="_blank"}``
_INLINE_ATTRS = re.compile(rf"(?<=[)\]`]){_ATTRS}")
#: a bracketed span with attributes: ``[text]{.pub-title}`` -> text in a span of those classes
_SPAN = re.compile(rf"\[([^\[\]\n]{{0,500}})\]({_ATTRS})")
#: a quoted attribute value (no class names inside it)
_QUOTED_VALUE = re.compile(r"\"[^\"\n]{0,500}\"|'[^'\n]{0,500}'")
#: one class name among a span's attributes
_CLASS = re.compile(r"(?<![\w=\"'])\.([\w:-]{1,100})")
#: attributes closing a heading line: ``## Papers {#papers .unnumbered}``
_HEADING_ATTRS = re.compile(rf"[ \t]+{_ATTRS}[ \t]*$")
#: a line that is only attributes (kramdown's block IAL ``{: .class}``)
_ATTR_LINE = re.compile(rf"[ \t]*{_ATTRS}[ \t]*$")
_DIV_FENCE = re.compile(r"[ \t]{0,3}:{3,}(?:[ \t]*(?:\{[^}\n]{0,500}\}|[\w-]{1,60})?[ \t]*:*)?[ \t]*$")
_CHUNK_OPEN = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})[ \t]*\{[ \t]*([A-Za-z=][\w.=-]{0,40})")
_INLINE_R = re.compile(r"`(?:r|\{r\})[ \t][^`\n]{0,500}`")
_BRACKET = re.compile(r"\[([^\[\]\n]{1,500})\](?![(\[{:])")
_CITATION = re.compile(r"(?:^|[\s;(])-?@[\w{]")
#: a footnote definition opening a line: ``[^label]: text`` (up to three spaces before it)
_FOOTNOTE_DEF = re.compile(r"[ ]{0,3}\[\^[^\]\s]{1,100}\]:[ \t]?")
#: a footnote mark in running text: ``[^label]`` not followed by a colon
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]{1,100}\](?!:)")
#: a MyST target line: ``(label)=``
_MYST_TARGET = re.compile(r"[ \t]{0,3}\([\w.:-]{1,100}\)=[ \t]*$")
#: the line opening a raw LaTeX environment: ``\\begin{cventries}`` (up to three spaces before it)
_TEX_BEGIN = re.compile(r"[ \t]{0,3}\\begin\{([A-Za-z]{1,40}\*?)\}")
#: how many lines a raw LaTeX environment may span before it is left as text
_TEX_MAX_LINES = 5000
#: a LaTeX command with empty braces in running text, as Pandoc writes a symbol command when it
#: converts LaTeX to Markdown (``\\textasteriskcentered{}`` marking an item, ``\\ldots{}``):
#: raw TeX, which Pandoc's HTML writer leaves out
_TEX_SYMBOL = re.compile(r"\\[A-Za-z]{2,40}\{\}")
_LATEX_LINE = re.compile(r"[ \t]*\\(?:newpage|pagebreak|clearpage|vfill|hfill|noindent|bigskip|medskip|smallskip|"
                         r"vspace\*?\{[^}\n]{0,40}\}|hspace\*?\{[^}\n]{0,40}\})[ \t]*$")

#: Pandoc/knitr-only evidence for sniffing
_EVIDENCE = re.compile(r"^(?:```\{r\b|```\{python\b|:::[ \t]*\{)|\]\([^)\n]{1,2000}\)\{[^}\n]{1,200}\}|\[@[\w:-]{1,100}\]",
                       re.M)


def evidence(text: str) -> int:
    """How many Pandoc/knitr constructs (chunks, fenced divs, link attributes,
    citations) ``text`` shows, up to 3: a sniffer's hint that it is Markdown."""
    count = 0
    for _ in _EVIDENCE.finditer(text):
        count += 1
        if count >= 3:
            break
    return count


def preprocess(text: str) -> str:
    """``text`` with Pandoc/knitr/kramdown extensions removed, line for line."""
    out: list[str] = []
    lines = text.split("\n")
    skip_to = -1  # lines up to this index were consumed by a raw LaTeX environment
    drop: str | None = None  # the fence of an open executable chunk or other format's raw block: lines dropped
    raw: str | None = None  # the fence of an open ```{=html} block: its lines are raw HTML
    code: str | None = None  # the fence of an ordinary code block: left alone
    for index, line in enumerate(lines):
        if index <= skip_to:
            continue
        stripped = line.strip()
        if drop is not None or raw is not None or code is not None:
            fence = drop or raw or code or ""
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                out.append(line if code is not None else "")
                drop = raw = code = None
            else:
                out.append("" if drop is not None else line)
            continue
        m = _CHUNK_OPEN.match(line)
        if m:
            if m.group(2) == "=html":
                raw = m.group(1)
            else:
                drop = m.group(1)
            out.append("")
            continue
        if stripped.startswith(("```", "~~~")):
            code = stripped[:3]
            out.append(line)
            continue
        if "\\begin{" in line:
            m = _TEX_BEGIN.match(line)
            end = _tex_end(lines, index, m.group(1)) if m else None
            if end is not None:
                out.extend(_tex_html(lines[index:end + 1]))
                skip_to = end
                continue
        if ":::" in line and _DIV_FENCE.match(line):
            out.append("")
            continue
        if "\\" in line and _LATEX_LINE.match(line):
            out.append("")
            continue
        if "[^" in line:
            m = _FOOTNOTE_DEF.match(line)
            if m:  # a footnote definition: an item of a numbered list, its text kept
                line = "1. " + line[m.end():]
            line = _FOOTNOTE_REF.sub("", line)
        elif ")=" in line and _MYST_TARGET.match(line):
            out.append("")
            continue
        if "{}" in line and "`" not in line:  # (a command in inline code is code)
            line = _TEX_SYMBOL.sub("", line)
        if "{" in line:
            if _ATTR_LINE.match(line):
                out.append("")
                continue
            if stripped.startswith("#"):
                line = _HEADING_ATTRS.sub("", line)
            line = _SPAN.sub(_span, line)
            line = _INLINE_ATTRS.sub("", line)
        if "`" in line:
            line = _INLINE_R.sub("", line)
        if "@" in line and "[" in line:
            line = _BRACKET.sub(_drop_citation, line)
        out.append(line)
    return "\n".join(out)


def _tex_end(lines: list[str], start: int, name: str) -> int | None:
    """The index of the line closing the environment ``name`` opened on ``lines[start]``
    (environments of the same name nest), or None when it does not close within
    :data:`_TEX_MAX_LINES` lines."""
    begin, end = f"\\begin{{{name}}}", f"\\end{{{name}}}"
    depth = 0
    for index in range(start, min(len(lines), start + _TEX_MAX_LINES)):
        line = lines[index]
        depth += line.count(begin) - line.count(end)
        if depth <= 0:
            return index
    return None


def _tex_html(block: list[str]) -> list[str]:
    """A raw LaTeX environment as raw HTML lines, as many as the LaTeX had: one HTML block
    with no blank line inside (a blank line would end it), then blank lines."""
    from .latex import to_html

    rendered = to_html("\n".join(block)).html
    body = rendered.removeprefix("<html><body>").removesuffix("</body></html>")
    html = [line for line in body.split("\n") if line.strip()]
    html = [f"<div>{html[0]}" if html else "<div>", *html[1:]]
    html[-1] += "</div>"
    if len(html) > len(block):  # never more lines than the source: the rest joins the last
        html[len(block) - 1:] = [" ".join(html[len(block) - 1:])]
    return html + [""] * (len(block) - len(html))


def _span(m: re.Match[str]) -> str:
    """A bracketed span as its text, inside ``<span class="…">`` when its attributes name
    classes (raw inline HTML, which the Markdown reader renders as a page's own)."""
    names = _CLASS.findall(_QUOTED_VALUE.sub("", m.group(2)))
    if not names:
        return m.group(1)
    return f'<span class="{" ".join(names)}">{m.group(1)}</span>'


def _drop_citation(m: re.Match[str]) -> str:
    """A bracketed citation of bibliography keys (``[@doe2020; see @roe, p. 3]``) gives
    no text here; any other bracketed text stays as written."""
    return "" if _CITATION.search(m.group(1)) else m.group(0)
