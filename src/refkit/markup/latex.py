"""LaTeX (a CV, a ``thebibliography``, a moderncv/Awesome-CV document) rendered to
the HTML document the page item finder reads.

pylatexenc parses the source into nodes (macros with their arguments,
environments, groups, math, comments); a command -> handler table turns the
structure into HTML: sections into ``<hN>``, ``itemize``/``enumerate``/
``description``/``thebibliography`` into lists, moderncv/Awesome-CV entries into
list items, ``tabular`` into a table, ``\\\\`` into ``<br>``, blank lines into
paragraphs; inline ``\\textbf``/``\\emph``/``\\href``/``\\url``/``\\textsuperscript``
into ``<b>``/``<i>``/``<a>``/``<sup>``. Accents, symbols and TeX ligatures
(``~``, ``--``, ``\\ldots``) are pylatexenc's latex2text.

User macros (``\\newcommand``, ``\\renewcommand``, ``\\providecommand``,
``\\def``) are expanded with their arguments under a budget: the expanded text
may not exceed :data:`EXPANSION_BUDGET` characters (or twice the input),
nor nest deeper than :data:`MAX_DEPTH`, so a 600-byte ``\\def`` bomb costs
nothing. Blocks are written at their source line (padded with newlines) so items
report LaTeX line numbers.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable

__all__ = ["to_html", "Rendered", "EXPANSION_BUDGET", "EXPANSION_COST", "MAX_DEPTH"]

#: characters user macros may expand to in one document (at least; twice the input if larger),
#: each expansion counting :data:`EXPANSION_COST` characters more than its text
EXPANSION_BUDGET = 100_000
EXPANSION_COST = 64
#: user macros inside user macros at most
MAX_DEPTH = 16

#: sectioning commands -> heading level
_SECTIONS = {"part": 1, "chapter": 1, "section": 2, "cvsection": 2, "subsection": 3, "cvsubsection": 3,
             "subsubsection": 4, "paragraph": 5, "subparagraph": 6}
_BOLD = {"textbf", "underline", "uline", "hl", "textsb", "mathbf", "bm", "boldsymbol", "textbf*"}
_ITALIC = {"emph", "textit", "textsl", "mathit"}
#: declarations: the rest of the group is bold/italic
_BOLD_DECL = {"bf", "bfseries"}
_ITALIC_DECL = {"em", "it", "itshape", "sl", "slshape"}
_LISTS = {"itemize": "ul", "enumerate": "ol", "description": "ul", "etaremune": "ol", "thebibliography": "ol",
          "cvitems": "ul", "cventries": "ul", "cvhonors": "ul", "inparaenum": "ol", "compactitem": "ul",
          "compactenum": "ol", "asparaenum": "ol", "asparaitem": "ul", "rSection": "ul", "rSubsection": "ul"}
_TABLES = {"tabular", "tabularx", "tabular*", "longtable", "tabu", "supertabular", "xtabular"}
#: environments whose content is never read
_SKIP_ENVS = {"comment", "figure", "figure*", "tikzpicture", "verbatim", "lstlisting", "minted", "abstract*"}
#: moderncv/Awesome-CV entry commands -> argument spec
_CV_ENTRIES = {"cvitem": "[{{", "cventry": "[{{{{{{", "cvlistitem": "[{", "cvlistdoubleitem": "[{{",
               "cvitemwithcomment": "[{{{", "cvdoubleitem": "[{{{{", "cvhonor": "{{{{", "cvcolumn": "[{{"}
#: commands whose arguments are never text
_DROP = {"label", "vspace", "hspace", "cite", "citep", "citet", "nocite", "ref", "pageref", "eqref", "includegraphics",
         "bibliographystyle", "bibliography", "addbibresource", "setlength", "addtolength", "pagestyle", "thispagestyle",
         "usepackage", "RequirePackage", "documentclass", "geometry", "setcounter", "addtocounter", "hypersetup",
         "definecolor", "colorlet", "input", "include", "phantom", "hphantom", "vphantom", "fancyhead", "fancyfoot",
         "lhead", "chead", "rhead", "lfoot", "cfoot", "rfoot", "titlespacing", "titleformat", "sectionfont",
         "subsectionfont", "subsubsectionfont", "pagenumbering", "newcounter", "newlength", "newenvironment",
         "renewenvironment", "newcommand", "renewcommand", "providecommand", "DeclareRobustCommand", "newif",
         "NewDocumentCommand", "RenewDocumentCommand", "ProvideDocumentCommand", "DeclareDocumentCommand",
         "color", "PassOptionsToPackage", "setmainfont", "setsansfont", "photo", "address", "phone", "email",
         "homepage", "social", "extrainfo", "moderncvstyle", "moderncvcolor", "setlist", "vskip", "hskip",
         "marginpar", "marginnote", "today", "maketitle", "tableofcontents", "bibitem_key", "raisebox", "settowidth",
         "settoheight", "settodepth", "enlargethispage", "addvspace", "linespread", "setstretch", "needspace",
         "Needspace"}
#: argument specs pylatexenc's defaults lack
_SPECS = {"href": "{{", "url": "{", "nolinkurl": "{", "doi": "{", "arxiv": "{", "arXiv": "{", "eprint": "{",
          "textsuperscript": "{", "textsubscript": "{", "bibitem": "[{", "underline": "{", "uline": "{", "hl": "{",
          "textsb": "{", "cvsection": "*[{", "cvsubsection": "*[{", "fancyhead": "[{", "fancyfoot": "[{",
          "lhead": "{", "chead": "{", "rhead": "{", "lfoot": "{", "cfoot": "{", "rfoot": "{", "titlespacing": "*{{{{",
          "titleformat": "*{[{{{{[", "sectionfont": "{", "subsectionfont": "{", "subsubsectionfont": "{",
          "DeclareRobustCommand": "*{[[{", "NewDocumentCommand": "{{{", "RenewDocumentCommand": "{{{",
          "ProvideDocumentCommand": "{{{", "DeclareDocumentCommand": "{{{", "newenvironment": "*{[[{{", "renewenvironment": "*{[[{{",
          "setlist": "[{", "setmainfont": "[{", "setsansfont": "[{", "photo": "[[{", "address": "{{{", "phone": "[{",
          "email": "{", "homepage": "{", "social": "[{", "extrainfo": "{", "moderncvstyle": "{", "moderncvcolor": "{",
          "marginnote": "{", "colorlet": "{{", "definecolor": "{{{", "newcounter": "{", "newlength": "{",
          "raisebox": "{[[{", "mbox": "{", "makebox": "[[{", "fbox": "{", "parbox": "[[[{{", "resizebox": "{{{",
          "scalebox": "{{", "textcolor": "[{{", "cvitem": "[{{", "ifthenelse": "{{{", "settowidth": "{{",
          "settoheight": "{{", "settodepth": "{{", "enlargethispage": "*{", "addvspace": "{", "linespread": "{",
          "setstretch": "{", "needspace": "{", "Needspace": "*{"}
_ENV_SPECS = {"thebibliography": "{", "minipage": "[[[{", "tabularx": "{[{", "tabular*": "{[{", "longtable": "[{",
              "multicols": "{", "adjustwidth": "{{", "rSection": "{", "rSubsection": "{{{{", "cvletter": "", "tabu": "{"}

#: sites a command named for them links a path on (``\\GitHub{owner/repo}``): its address and the
#: link's label (a label :mod:`refkit.extraction.link_labels` knows, no part of the citation)
_SITES = {"github": ("https://github.com/", "GitHub"), "gitlab": ("https://gitlab.com/", "GitLab"),
          "orcid": ("https://orcid.org/", "ORCID"), "bitbucket": ("https://bitbucket.org/", "Bitbucket"),
          "codeberg": ("https://codeberg.org/", "Codeberg"), "huggingface": ("https://huggingface.co/", "huggingface")}
_URL_VALUE = re.compile(r"(?:https?|ftp)://\S+$", re.I)
_DOI_VALUE = re.compile(r"(?:(?:https?://(?:dx\.)?doi\.org/)|doi:\s?)?(10\.\d{4,9}/\S+)$", re.I)
_ARXIV_VALUE = re.compile(r"(?:arxiv:)?(\d{4}\.\d{4,5}(?:v\d{1,3})?|[a-z-]+(?:\.[A-Z]{2})?/\d{7}(?:v\d{1,3})?)$", re.I)
_LATEX_ESCAPE = re.compile(r"\\([_#%&$~])")
#: a tabular column specification (``{ll}``, ``{p{3cm}X}``, ``{|l|r|}``)
_COLUMN_SPEC = re.compile(r"[lcrpmbXSL|@!<>{}\d.\s*]+(?:cm|mm|pt|em|in)?[lcrpmbXSL|@!<>{}\d.\s*]*")

#: symbols CVs use that latex2text does not know (AAS journal macros come from venues data)
_SYMBOLS = {"etal": "et al.", "LaTeX": "LaTeX", "TeX": "TeX", "BibTeX": "BibTeX", "textasteriskcentered": "*",
            "Letter": "✉", "envelope": "✉", "checkmark": "✓", "textbar": "|", "textbullet": "•", "bullet": "•",
            "cdot": "·", "textdagger": "†", "textdaggerdbl": "‡", "dagger": "†", "ddagger": "‡", "ast": "*",
            "star": "*", "sharp": "#", "textendash": "–", "textemdash": "—", "textquoteright": "’",
            "textquoteleft": "‘", "hfill": " ", "quad": " ", "qquad": " ", "enspace": " ", "thinspace": " "}

#: TeX and LaTeX registers (dimensions, glue, counts) and the commands that take such a value
#: with no ``=`` and no braces (``\\vskip 3pt``, ``\\penalty-100``, ``\\parindent0pt``); the
#: document's own ``\\newlength``/``\\newdimen``/``\\newskip``/``\\newcount`` names join them
_REGISTERS = frozenset("""
    hangindent hangafter parindent parskip leftskip rightskip baselineskip lineskip lineskiplimit hsize vsize
    hoffset voffset topskip parfillskip emergencystretch tolerance pretolerance looseness hfuzz vfuzz hbadness
    vbadness clubpenalty widowpenalty brokenpenalty interlinepenalty hyphenpenalty exhyphenpenalty linepenalty
    mathsurround tabskip spaceskip xspaceskip textwidth textheight linewidth columnwidth columnsep columnseprule
    oddsidemargin evensidemargin topmargin headheight headsep footskip marginparwidth marginparsep itemsep parsep
    topsep partopsep itemindent labelwidth labelsep leftmargin rightmargin listparindent tabcolsep arraycolsep
    arrayrulewidth doublerulesep fboxsep fboxrule unitlength abovedisplayskip belowdisplayskip floatsep
    textfloatsep intextsep vskip hskip kern mkern mskip moveleft moveright penalty
""".split())
_NEW_REGISTER = re.compile(r"\\new(?:length|dimen|skip|count|muskip)[ \t]*\{?[ \t]*\\([A-Za-z@]+)")
#: the value of a register assignment at the start of the text after the register: an optional
#: ``=`` (or ``by``), then a number with a unit or followed by a command (``0.5\\textwidth``),
#: then glue's ``plus``/``minus`` parts; no two runs of blanks meet, so a failed part gives back
#: one run at most (linear)
_VALUE = r"(?:[-+][ \t]*)?(?:\d{1,12}(?:[.,]\d{0,12})?|[.,]\d{1,12})[ \t]*(?:(?:true)?(?:pt|pc|in|bp|cm|mm|dd|cc|sp|em|ex|mu|px|fil{1,3})(?![A-Za-z])|(?=\\)|$)"
_GLUE = rf"(?:[ \t\n]*plus[ \t]*{_VALUE})?(?:[ \t\n]*minus[ \t]*{_VALUE})?[ \t]*"
_ASSIGNMENT = re.compile(rf"[ \t]*(?:(?:=|by\b)[ \t]*)?(?:{_VALUE})?{_GLUE}")
#: a count (``\\hangafter=1``, ``\\penalty-100``) takes a number with no unit
_COUNT_ASSIGNMENT = re.compile(r"[ \t]*(?:(?:=|by\b)[ \t]*)?(?:[-+][ \t]*)?\d{1,12}(?![\d.,])[ \t]*")
_COUNTS = frozenset("hangafter tolerance pretolerance looseness penalty".split())
_EXPLICIT = re.compile(r"[ \t]*=")
_MARKERS = re.compile(r"[*†‡#§¶✉\s,]+")
_PARAM = re.compile(r"#([1-9])")
_MATH_STRIP = re.compile(r"[_^{}]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
#: a two-group record is a label (a year, "In prog.") of at most this many characters and an
#: entry of at least that many
_RECORD_LABEL, _RECORD_BODY = 24, 40
_NEWCOMMAND_HEAD = re.compile(
    r"\\(newcommand|renewcommand|providecommand|DeclareRobustCommand)\*?[ \t]*(?:\{[ \t]*\\([A-Za-z]+)[ \t]*\}|\\([A-Za-z]+))"
    r"[ \t]*(?:\[[ \t]*(\d)[ \t]*\])?[ \t]*(?:\[([^\]\n]{0,200})\])?[ \t\n]*\{"
)
#: xparse's ``\\NewDocumentCommand{\\name}{O{default} m m}{body}``: the name and the argument spec
#: (tokens and ``{default}`` groups one level deep, bounded)
_DOCUMENT_COMMAND_HEAD = re.compile(
    r"\\(?:New|Renew|Provide|Declare)DocumentCommand[ \t]*(?:\{[ \t]*\\([A-Za-z]+)[ \t]*\}|\\([A-Za-z]+))[ \t\n]*"
    r"\{([^{}\n]{0,100}(?:\{[^{}\n]{0,100}\}[^{}\n]{0,100}){0,9})\}[ \t\n]*\{"
)
_ARG_SPEC = re.compile(r"O\{([^{}]*)\}|([A-Za-z+!>=])|\S")
_DEF_HEAD = re.compile(r"\\(?:def|gdef|edef|xdef)\s*\\([A-Za-z]+|.)((?:#[1-9]){0,9})\s*\{")
_GROUPING = re.compile(r"[{}\[\]]")
_GROUP_TOKEN = re.compile(r"%[^\n]*|\\(begin|end)\s*\{([^{}\n]{1,64})\}|\\[A-Za-z]+\s*\[|\\.|[{}\[\]]", re.S)
#: a paragraph ends: blanks, then a blank line
_PARAGRAPH_END = re.compile(r"[ \t]*\n[ \t]*\n")
#: an unknown command's arguments alone in a paragraph are a heading up to this many characters
_HEADING_CHARS = 80
_COUNTER = re.compile(r"\s*\d{1,3}[.)]?\s*")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_YEAR_LABEL = re.compile(r"\s*\(?(?:19|20)\d\d[a-z]?\)?\s*")
#: a list item label holding words (three letters in a row), not a marker ("•", "--", "[J1]", "a)")
_WORDY_LABEL = re.compile(r"[^\W\d_]{3}")


@dataclass
class Macro:
    """A user macro: its number of arguments, the default of an optional first one, its body."""

    nargs: int
    default: str | None
    body: str


@dataclass
class Rendered:
    """The HTML document and what went wrong on the way (each a ``(line, message)``)."""

    html: str
    problems: list[tuple[int, str]] = field(default_factory=list)


def _brace_end(text: str, start: int) -> int:
    """The index after the ``}`` closing the ``{`` at ``text[start]`` (escapes skipped), or -1."""
    depth = 0
    i, n = start, len(text)
    while i < n:
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


def _plain_defs(text: str) -> tuple[str, dict[str, Macro]]:
    """``\\def`` definitions (which pylatexenc cannot parse): collected, and blanked
    out of the text with spaces so every other offset stays where it was."""
    macros: dict[str, Macro] = {}
    if "def" not in text:
        return text, macros
    out: list[str] = []
    pos = 0
    for m in _DEF_HEAD.finditer(text):
        if m.start() < pos:
            continue
        end = _brace_end(text, m.end() - 1)
        if end == -1:
            continue
        macros[m.group(1)] = Macro(len(m.group(2)) // 2, None, text[m.end():end - 1])
        out.append(text[pos:m.start()])
        out.append(re.sub(r"[^\n]", " ", text[m.start():end]))
        pos = end
    out.append(text[pos:])
    return "".join(out), macros


class _Renderer:
    def __init__(self, source: str, macros: dict[str, Macro], context: Any, budget: int) -> None:
        from pylatexenc.latex2text import LatexNodes2Text

        self.context = context
        self.parsed: dict[str, Any] = {}  # macro body -> its nodes

        self.source = source
        self.newlines = [i for i, ch in enumerate(source) if ch == "\n"]
        self.macros = macros
        self.registers = _REGISTERS | frozenset(_NEW_REGISTER.findall(source))
        self.budget = budget
        self.l2t = LatexNodes2Text(math_mode="text", strict_latex_spaces=False)
        self.out: list[str] = []
        self.line = 0
        self.problems: list[tuple[int, str]] = []
        self.exhausted = False
        self.in_cv_list = False
        self.list_depth = 0
        self.list_names: list[str] = []  # the list environments open, innermost last
        self.table_depth = 0
        self.open_item = False

    # ---- output
    def line_of(self, pos: int) -> int:
        return bisect_right(self.newlines, pos - 1)

    def block(self, tag: str, pos: int | None) -> None:
        """Open (or write) a block element at the line of source offset ``pos``."""
        if pos is not None:
            target = self.line_of(pos)
            if target > self.line:
                self.out.append("\n" * (target - self.line))
                self.line = target
        self.out.append(tag)

    def text(self, value: str) -> None:
        if value:
            self.out.append(html.escape(value.replace("\n", " "), quote=False))

    def close_cv_list(self) -> None:
        if self.in_cv_list:
            self.out.append("</ul>")
            self.in_cv_list = False

    # ---- nodes
    def nodes(self, nodelist: Any, pos: int | None = None, depth: int = 0, block: bool = True) -> None:
        from pylatexenc import latexwalker as lw

        items = list(nodelist or ())
        k = -1
        while k + 1 < len(items):
            k += 1
            node = items[k]
            if node is None:
                continue
            at = node.pos if pos is None else pos
            if isinstance(node, lw.LatexMacroNode):
                name = node.macroname
                if name in _BOLD_DECL or name in _ITALIC_DECL:
                    tag = "b" if name in _BOLD_DECL else "i"
                    self.out.append(f"<{tag}>")
                    self.nodes(items[k + 1:], pos, depth, block)
                    self.out.append(f"</{tag}>")
                    return
                rest = self.assigned(node, items, k)
                if rest is not None:  # \hangindent=0.5in, \vskip 3pt plus 1fil: TeX shows nothing
                    self.chars(rest, at, block)
                    k += 1
                    continue
                ident = self.identifier(node, items, k)
                if ident is not None:  # \DOI{10.…}, \GitHub{owner/repo}, \pdflink{https://…}: a link
                    self.out.append(ident[1])
                    k = ident[0]
                    continue
                heading = self.heading_groups(node, items, k) if block and not self.list_depth and not self.table_depth else []
                if heading:
                    self.close_cv_list()
                    self.block("<h3>", at)
                    for _, group in heading:
                        self.nodes(group.nodelist, at, depth, block=False)
                    self.out.append("</h3><p>")
                    k = heading[-1][0]
                    continue
                if self.counter(node, items, k):
                    k += 1
                    continue
                groups = self.record_groups(node, items, k)
                if groups:
                    self.record(groups, at, depth)
                    k = groups[-1][0]
                    continue
                label = self.link_label(node, items, k)
                if label is not None:  # \doi{10.…}{Title}: a CV's two-argument \doi links its title
                    doi = self.arg_raw(node, 0).replace("\\_", "_")
                    self.out.append(f'<a href="https://doi.org/{html.escape(doi)}">')
                    self.nodes(items[label].nodelist, at, depth, block=False)
                    self.out.append("</a>")
                    k = label
                    continue
                self.macro(node, at, depth, block)
            elif isinstance(node, lw.LatexCharsNode):
                self.chars(node.chars, at, block)
            elif isinstance(node, lw.LatexGroupNode):
                self.nodes(node.nodelist, pos, depth, block)
            elif isinstance(node, lw.LatexEnvironmentNode):
                self.environment(node, at, depth)
            elif isinstance(node, lw.LatexMathNode):
                self.math(node)
            elif isinstance(node, lw.LatexSpecialsNode):
                if node.specials_chars == "&":
                    self.out.append("</td><td>" if self.table_depth else " ")
                else:
                    self.text(self.node_text(node))
            elif isinstance(node, lw.LatexCommentNode):
                # a comment's text is nothing, but pylatexenc hands it the blank line after it
                # ("{…} % Citation" then an empty line): that line still ends a paragraph
                space = getattr(node, "comment_post_space", "") or ""
                if _BLANK_LINE.search(space):
                    self.chars(space, at, block)

    def assigned(self, node: Any, items: list[Any], k: int) -> str | None:
        """When ``items[k]`` is a register assignment whose value starts the text after it
        (``\\parindent=0pt``, ``\\hangindent 0.5in``, ``\\vskip 2pt plus 1fil``, any unknown
        command followed by ``=``): that text without the value; else None. A register is
        TeX's or LaTeX's (:data:`_REGISTERS`) or one the document declares."""
        from pylatexenc import latexwalker as lw

        if k + 1 >= len(items) or not isinstance(items[k + 1], lw.LatexCharsNode):
            return None
        name = node.macroname
        if node.nodeargd is not None and any(a is not None for a in node.nodeargd.argnlist or ()):
            return None
        chars = items[k + 1].chars
        before = items[k - 1] if k else None
        if (isinstance(before, lw.LatexMacroNode) and before.macroname in self.registers
                and not (before.nodeargd is not None and before.nodeargd.argnlist)):
            return None  # ``\\vskip\\baselineskip``: the register is the value, and what follows is text
        if name not in self.registers and (name in _HANDLERS or name in self.macros or name in _SYMBOLS
                                           or not name.isalpha() or not _EXPLICIT.match(chars)):
            return None
        end = _ASSIGNMENT.match(chars)
        stop = end.end() if end is not None else 0
        if _EXPLICIT.match(chars) or name in _COUNTS or name.endswith(("penalty", "badness")):
            count = _COUNT_ASSIGNMENT.match(chars)
            stop = max(stop, count.end() if count is not None else 0)
        if not chars[:stop].strip():
            return None
        return chars[stop:]

    def heading_groups(self, node: Any, items: list[Any], k: int) -> list[tuple[int, Any]]:
        """An unknown command whose one or two brace arguments are a paragraph of their own,
        short, outside lists (a CV class's ``\\subrubric{Talks}``, ``\\sectionTitle{Papers}{icon}``):
        its groups, drawn as a heading is (a reader sees a section title set apart); else empty."""
        from pylatexenc import latexwalker as lw

        if self.unknown(node) is False or not self.starts_line(items, k):
            return []
        groups: list[tuple[int, Any]] = []
        j = k + 1
        while j < len(items) and len(groups) < 3:
            nxt = items[j]
            if isinstance(nxt, lw.LatexGroupNode) and nxt.delimiters == ("{", "}"):
                groups.append((j, nxt))
            elif not (isinstance(nxt, lw.LatexCharsNode) and not nxt.chars.strip() and "\n" not in nxt.chars):
                break
            j += 1
        if not groups or len(groups) > 2:
            return []
        if j < len(items):  # the paragraph ends here: a blank line follows (or the document ends)
            nxt = items[j]
            gap = nxt.chars if isinstance(nxt, lw.LatexCharsNode) else getattr(nxt, "comment_post_space", None) if isinstance(nxt, lw.LatexCommentNode) else None
            if gap is None or not _PARAGRAPH_END.match(gap):
                return []
        text = " ".join("".join(self.node_text(n) for n in g.nodelist) for _, g in groups).strip()
        if not text or len(text) > _HEADING_CHARS or not any(ch.isalpha() for ch in text) or text.endswith("."):
            return []
        return groups

    def identifier(self, node: Any, items: list[Any], k: int) -> tuple[int, str] | None:
        """An unknown command whose one brace argument is an identifier: a command named for
        one (``\\DOI{…}``, ``\\ArXiv{…}``, ``\\URL{…}``, a site's ``\\GitHub{owner/repo}``) or
        any whose argument is a DOI or a URL (``\\pdflink{https://…}``): the index of that
        argument and its HTML, a link; else None. Such an argument is never a heading, nor
        words of the citation (a repository path read into its venue)."""
        from pylatexenc import latexwalker as lw

        if not self.unknown(node) or k + 1 >= len(items):
            return None
        group = items[k + 1]
        if not isinstance(group, lw.LatexGroupNode) or group.delimiters != ("{", "}"):
            return None
        after = items[k + 2] if k + 2 < len(items) else None
        if isinstance(after, lw.LatexGroupNode) and after.delimiters == ("{", "}"):
            return None  # a second argument: a record or a labelled link, read as such
        raw = "".join(n.latex_verbatim() for n in group.nodelist).strip()
        value = _LATEX_ESCAPE.sub(r"\1", raw)
        if not value or len(value) > 500 or any(c.isspace() for c in value) or "\\" in value or "{" in value:
            return None
        kind = node.macroname.lower()
        site = _SITES.get(kind)
        if _URL_VALUE.match(value):
            url, label = value, value if site is None else site[1]
        elif kind == "doi" or _DOI_VALUE.match(value):
            doi = _DOI_VALUE.match(value)
            if doi is None:
                return None
            url, label = f"https://doi.org/{doi.group(1)}", f"doi:{doi.group(1)}"
        elif kind in ("arxiv", "eprint") and _ARXIV_VALUE.match(value):
            return k + 1, html.escape(f" arXiv:{_ARXIV_VALUE.match(value).group(1)} ", quote=False)  # type: ignore[union-attr]
        elif site is not None:
            url, label = site[0] + value.lstrip("/"), site[1]
        else:
            return None
        return k + 1, f' <a href="{html.escape(url)}">{html.escape(label, quote=False)}</a> '

    def unknown(self, node: Any) -> bool:
        """Is ``node`` a command this renderer gives no meaning to (no handler, not the
        document's own macro, no arguments of its own)?"""
        name = node.macroname
        return not (name in _HANDLERS or name in self.macros or name in _SECTIONS or name in _DROP or name in _CV_ENTRIES
                    or name in _BOLD or name in _ITALIC or name in _SYMBOLS or name in self.registers or not name.isalpha()
                    or (node.nodeargd is not None and node.nodeargd.argnlist))

    def counter(self, node: Any, items: list[Any], k: int) -> bool:
        """Is ``items[k]`` an unknown command opening a line with a number as its one brace
        argument (``\\circled{3}``, ``\\pubnum{12}``)? A counter drawn as the entry's label,
        like an ``enumerate`` number, which is no part of the entry's text either."""
        from pylatexenc import latexwalker as lw

        name = node.macroname
        if (k + 1 >= len(items) or not isinstance(items[k + 1], lw.LatexGroupNode) or items[k + 1].delimiters != ("{", "}")
                or name in _HANDLERS or name in self.macros or name in _SECTIONS or name in _DROP or name in _CV_ENTRIES
                or name in _BOLD or name in _ITALIC or not name.isalpha()
                or (node.nodeargd is not None and node.nodeargd.argnlist) or node.macro_post_space):
            return False
        after = items[k + 2] if k + 2 < len(items) else None
        if isinstance(after, lw.LatexGroupNode):
            return False  # a second argument: a record, not a label
        return (self.starts_line(items, k)
                and _COUNTER.fullmatch("".join(self.node_text(n) for n in items[k + 1].nodelist)) is not None)

    def record_groups(self, node: Any, items: list[Any], k: int) -> list[tuple[int, Any]]:
        """An unknown command followed by three or more brace groups (a CV class's
        ``\\pubentry{title}{authors}{journal}{issue}{year}``), or by two at the start of a
        line, a short label and a long entry (``\\cvskill{2019}{…}``): its groups with their
        indices in ``items``; empty when the command is not such a record."""
        from pylatexenc import latexwalker as lw

        name = node.macroname
        if (name in _HANDLERS or name in self.macros or name in _SECTIONS or name in _DROP or name in _CV_ENTRIES
                or name in _BOLD or name in _ITALIC or not name.isalpha()
                or (node.nodeargd is not None and node.nodeargd.argnlist)):
            return []
        groups: list[tuple[int, Any]] = []
        j = k + 1
        while j < len(items):
            nxt = items[j]
            if isinstance(nxt, lw.LatexGroupNode) and nxt.delimiters == ("{", "}"):
                groups.append((j, nxt))
            elif (isinstance(nxt, lw.LatexCommentNode) and not _BLANK_LINE.search(getattr(nxt, "comment_post_space", "") or "")
                  or isinstance(nxt, lw.LatexCharsNode) and not nxt.chars.strip() and "\n\n" not in nxt.chars):
                pass
            else:
                break
            j += 1
        if len(groups) >= 3:
            return groups
        if len(groups) == 2 and self.starts_line(items, k):
            # a CV's two-field row at the start of a line (``\cvskill{2019}{Authors. Title. Journal.}``):
            # a short label, then the entry; run together, the label reads as the entry's first word
            label, body = ("".join(self.node_text(n) for n in g.nodelist).strip() for _, g in groups)
            if len(label) <= _RECORD_LABEL and len(body) >= _RECORD_BODY:
                # a year heads the entry (and those after it with an empty label); a tag of a word
                # or two (an index name, "In prog.") sits in the margin: no part of the entry
                tag = label and not _YEAR.search(label) and len(label.split()) <= 2
                return groups[1:] if tag else groups
        return []

    @staticmethod
    def starts_line(items: list[Any], k: int) -> bool:
        """Is ``items[k]`` the first thing on its line (after blanks or a comment)?"""
        from pylatexenc import latexwalker as lw

        if k == 0:
            return True
        prev = items[k - 1]
        if isinstance(prev, lw.LatexCommentNode):
            return True
        return isinstance(prev, lw.LatexCharsNode) and "\n" in prev.chars and not prev.chars.rsplit("\n", 1)[1].strip()

    def link_label(self, node: Any, items: list[Any], k: int) -> int | None:
        """The index of the brace group right after ``\\doi{…}`` (spaces and comments
        between), when the document did not define ``\\doi`` itself; else None."""
        from pylatexenc import latexwalker as lw

        if node.macroname != "doi" or "doi" in self.macros:
            return None
        j = k + 1
        while j < len(items):
            nxt = items[j]
            if isinstance(nxt, lw.LatexGroupNode) and nxt.delimiters == ("{", "}"):
                return j
            if not (isinstance(nxt, lw.LatexCommentNode) or isinstance(nxt, lw.LatexCharsNode) and not nxt.chars.strip()
                    and "\n\n" not in nxt.chars):
                return None
            j += 1
        return None

    def record(self, groups: list[tuple[int, Any]], pos: int, depth: int) -> None:
        """One record command as a list item, its non-empty fields on lines of their own."""
        if self.list_depth == 0 and not self.in_cv_list:
            self.block("<ul>", pos)
            self.in_cv_list = True
        self.block("<li>", pos)
        first = True
        for _, group in groups:
            if not "".join(self.node_text(n) for n in group.nodelist).strip():
                continue
            if not first:
                self.out.append("<br>")
            first = False
            self.nodes(group.nodelist, pos, depth, block=False)
        self.out.append("</li>")

    def chars(self, chars: str, pos: int, block: bool) -> None:
        if block and self.list_depth == 0 and _BLANK_LINE.search(chars):
            parts = _BLANK_LINE.split(chars)
            offset = 0
            for i, part in enumerate(parts):
                if i:
                    offset = chars.find(part, offset) if part else offset
                    self.close_cv_list()
                    self.block("<p>", pos + offset)
                self.text(part)
            return
        if block and _BLANK_LINE.search(chars):
            # a paragraph break inside a list item, written where the blank line is (``{\it
            # Nature}.`` and a blank line: the full stop stays with the text before the break)
            parts = _BLANK_LINE.split(chars)
            self.text(parts[0])
            for part in parts[1:]:
                self.out.append("<br><br>")
                self.text(part)
            return
        self.text(chars)

    def node_text(self, node: Any) -> str:
        """latex2text's text for ``node``. Its handlers assume well-formed
        arguments (``\\href`` nested in a broken argument has none and raises);
        then the node's own source text stands in for it, so one odd command
        never costs the document."""
        try:
            return str(self.l2t.node_to_text(node))
        except (AttributeError, IndexError, TypeError, ValueError, KeyError):
            return str(node.latex_verbatim())

    def arg(self, node: Any, i: int) -> Any:
        args = node.nodeargd.argnlist if node.nodeargd is not None else []
        return args[i] if i < len(args) else None

    def arg_text(self, node: Any, i: int) -> str:
        a = self.arg(node, i)
        if a is None:
            return ""
        return "".join(self.node_text(n) for n in (a.nodelist if hasattr(a, "nodelist") else [a])).strip()

    def arg_raw(self, node: Any, i: int) -> str:
        a = self.arg(node, i)
        if a is None:
            return ""
        if hasattr(a, "nodelist"):
            return "".join(n.latex_verbatim() for n in a.nodelist).strip()
        return str(a.latex_verbatim()).strip()

    def inline_arg(self, node: Any, i: int, pos: int, depth: int) -> None:
        a = self.arg(node, i)
        if a is not None:
            self.nodes([a], pos, depth, block=False)

    def macro(self, node: Any, pos: int, depth: int, block: bool) -> None:
        name = node.macroname
        handler = _HANDLERS.get(name)
        if handler is not None:
            handler(self, node, pos, depth)
            return
        if name in self.macros:
            self.expand(node, pos, depth, block)
            return
        if name in _SECTIONS:
            self.close_cv_list()
            level = _SECTIONS[name]
            self.block(f"<h{level}>", pos)
            self.inline_arg(node, len(node.nodeargd.argnlist) - 1 if node.nodeargd and node.nodeargd.argnlist else 0, pos, depth)
            self.out.append(f"</h{level}>")
            if self.list_depth == 0:
                self.out.append("<p>")  # the text after a heading is a paragraph, as LaTeX sets it
            return
        if name in _BOLD or name in _ITALIC:
            tag = "b" if name in _BOLD else "i"
            self.out.append(f"<{tag}>")
            self.inline_arg(node, 0, pos, depth)
            self.out.append(f"</{tag}>")
            return
        if name in _CV_ENTRIES:
            self.cv_entry(node, pos, depth)
            return
        if name in _DROP:
            return
        if node.nodeargd is not None and node.nodeargd.argnlist and any(a is not None for a in node.nodeargd.argnlist):
            # an unknown command with parsed arguments: accents and symbols are
            # latex2text's; otherwise keep the text of its last argument
            text = self.node_text(node)
            if len(node.macroname) == 1 or not node.macroname.isalpha():
                self.text(text)
            else:
                last = max(i for i, a in enumerate(node.nodeargd.argnlist) if a is not None)
                self.inline_arg(node, last, pos, depth)
            return
        if name in _SYMBOLS:
            self.text(_SYMBOLS[name])
            return
        journal = _aas_macros().get(name)
        self.text(journal if journal is not None else self.node_text(node))

    def expand(self, node: Any, pos: int, depth: int, block: bool) -> None:
        macro = self.macros[node.macroname]
        if depth >= MAX_DEPTH or self.exhausted:
            self.note(pos, f"\\{node.macroname}: macro expansion stopped (nested {depth} deep or over budget)")
            return
        args = [self.arg_raw(node, i) for i in range(macro.nargs)]
        if macro.default is not None and args and not args[0] and self.arg(node, 0) is None:
            args[0] = macro.default
        body = _PARAM.sub(lambda m: args[int(m.group(1)) - 1] if int(m.group(1)) <= len(args) else "", macro.body) if macro.nargs else macro.body
        self.budget -= len(body) + EXPANSION_COST
        if self.budget < 0:
            self.exhausted = True
            self.note(pos, f"\\{node.macroname}: macro expansion stopped (the document expands beyond its budget)")
            return
        nodes = self.parsed.get(body)
        if nodes is None:
            nodes = _walk(body, self.context)
            if len(self.parsed) < 256:
                self.parsed[body] = nodes
        self.nodes(nodes, pos, depth + 1, block)

    def note(self, pos: int, message: str) -> None:
        if len(self.problems) < 20 and not any(m == message for _, m in self.problems):
            self.problems.append((self.line_of(pos) + 1, message))

    def environment(self, node: Any, pos: int, depth: int) -> None:
        name = node.environmentname
        if name in _SKIP_ENVS:
            return
        if name in _LISTS:
            tag = _LISTS[name]
            self.close_cv_list()
            self.block(f"<{tag}>", pos)
            self.list_depth += 1
            self.list_names.append(name)
            outer, self.open_item = self.open_item, False
            self.nodes(node.nodelist, None, depth)
            if self.open_item:
                self.out.append("</li>")
            self.open_item = outer
            self.list_names.pop()
            self.list_depth -= 1
            self.out.append(f"</{tag}>")
            return
        if name in _TABLES or _laid_out_as_table(node.nodelist):
            # (an environment of the document's class or preamble, ``EntriesTable``, whose
            # body is rows of ``&`` cells ended by ``\\``: a table the preamble defined)
            self.close_cv_list()
            self.block("<table><tr><td>", pos)
            self.table_depth += 1
            self.nodes(node.nodelist if name in _TABLES else _without_column_spec(node.nodelist), None, depth)
            self.table_depth -= 1
            self.out.append("</td></tr></table>")
            return
        self.nodes(node.nodelist, None, depth)

    def math(self, node: Any) -> None:
        text = "".join(self.node_text(n) for n in node.nodelist)
        if "^" in text and _MARKERS.fullmatch(_MATH_STRIP.sub("", text)):
            self.out.append(f"<sup>{html.escape(_MATH_STRIP.sub('', text).strip())}</sup>")
            return
        text = unicodedata.normalize("NFKC", _MATH_STRIP.sub("", text))
        self.text(text)

    def cv_entry(self, node: Any, pos: int, depth: int) -> None:
        name = node.macroname
        args = node.nodeargd.argnlist if node.nodeargd is not None else []
        spec = _CV_ENTRIES[name]
        mandatory = [i for i, c in enumerate(spec) if c == "{" and i < len(args) and args[i] is not None]
        if not mandatory:
            return
        if self.list_depth == 0 and not self.in_cv_list:
            self.block("<ul>", pos)
            self.in_cv_list = True
        self.block("<li>", pos)
        order = mandatory
        if name == "cvitem" and len(mandatory) >= 2:  # \cvitem{2014}{text}: the text, then the year
            order = mandatory[1:] + mandatory[:1]
        first = True
        for i in order:
            if not self.arg_text(node, i):
                continue
            if not first:
                self.out.append(", " if name != "cvitem" else " ")
            first = False
            self.inline_arg(node, i, pos, depth)
        self.out.append("</li>")


def _laid_out_as_table(nodelist: Any) -> bool:
    """Is an environment's body rows of cells: ``&`` between cells and ``\\\\`` ending rows,
    outside any group (a table environment the document's preamble or class defines)?"""
    from pylatexenc import latexwalker as lw

    cells = rows = False
    for node in nodelist or ():
        if isinstance(node, lw.LatexSpecialsNode) and node.specials_chars == "&":
            cells = True
        elif isinstance(node, lw.LatexMacroNode) and node.macroname == "\\":
            rows = True
        if cells and rows:
            return True
    return False


def _without_column_spec(nodelist: Any) -> list[Any]:
    """An environment's body without a column specification group at its very start
    (``\\begin{pubtable}{ll}``): the letters of a layout, no text of a cell."""
    from pylatexenc import latexwalker as lw

    nodes = list(nodelist or ())
    first = next((i for i, n in enumerate(nodes) if not (isinstance(n, lw.LatexCharsNode) and not n.chars.strip())), None)
    if first is not None and isinstance(nodes[first], lw.LatexGroupNode) and nodes[first].delimiters == ("{", "}"):
        spec = "".join(n.latex_verbatim() for n in nodes[first].nodelist)
        if spec.strip() and _COLUMN_SPEC.fullmatch(spec):
            return nodes[:first] + nodes[first + 1:]
    return nodes


def _start_item(r: _Renderer, pos: int) -> bool:
    """Close the open list item and open the next one at ``pos``; outside a list
    an item is a paragraph. False when it was not a list item."""
    if r.list_depth == 0:
        r.block("<p>", pos)
        return False
    if r.open_item:
        r.out.append("</li>")
    r.block("<li>", pos)
    r.open_item = True
    return True


def _h_item(r: _Renderer, node: Any, pos: int, depth: int) -> None:
    if not _start_item(r, pos):
        return
    label = r.arg_text(node, 0)
    if label and _YEAR_LABEL.fullmatch(label):  # "\item[2020]": the year stays with the item
        r.text(f"({label.strip('() ')}) ")
    elif label and _WORDY_LABEL.search(label):
        # "\item[A paper's title] its authors and venue": words the user wrote (a marker such as
        # "$\bullet$", "--" or "[J1]" is no text); a description list sets them bold, as LaTeX does
        bold = bool(r.list_names) and r.list_names[-1] == "description"
        r.out.append("<b>" if bold else "")
        r.inline_arg(node, 0, pos, depth)
        r.out.append("</b> " if bold else " ")


def _h_bibitem(r: _Renderer, node: Any, pos: int, depth: int) -> None:
    _start_item(r, pos)


def _h_href(r: _Renderer, node: Any, pos: int, depth: int) -> None:
    url = r.arg_raw(node, 0).replace("\\#", "#").replace("\\%", "%").replace("\\_", "_").replace("\\&", "&")
    r.out.append(f'<a href="{html.escape(url)}">')
    r.inline_arg(node, 1, pos, depth)
    r.out.append("</a>")


def _h_url(r: _Renderer, node: Any, pos: int, depth: int) -> None:
    url = r.arg_raw(node, 0).replace("\\#", "#").replace("\\%", "%").replace("\\_", "_").replace("\\&", "&")
    r.out.append(f'<a href="{html.escape(url)}">{html.escape(url, quote=False)}</a>')


def _h_doi(r: _Renderer, node: Any, pos: int, depth: int) -> None:
    doi = r.arg_raw(node, 0).replace("\\_", "_")
    r.out.append(f' <a href="https://doi.org/{html.escape(doi)}">doi:{html.escape(doi, quote=False)}</a> ')


def _h_arxiv(r: _Renderer, node: Any, pos: int, depth: int) -> None:
    r.text(f" arXiv:{r.arg_raw(node, 0)} ")


def _h_sup(r: _Renderer, node: Any, pos: int, depth: int) -> None:
    r.out.append("<sup>")
    r.inline_arg(node, 0, pos, depth)
    r.out.append("</sup>")


def _h_break(r: _Renderer, node: Any, pos: int, depth: int) -> None:
    if r.table_depth and node.macroname == "\\":
        r.block("</td></tr><tr><td>", pos)  # a table row ends
    else:
        r.out.append("<br>")


def _h_par(r: _Renderer, node: Any, pos: int, depth: int) -> None:
    if r.list_depth == 0:
        r.close_cv_list()
        r.block("<p>", pos)
    else:
        r.out.append("<br><br>")


def _h_drop(r: _Renderer, node: Any, pos: int, depth: int) -> None:
    return


def _h_keep_last(r: _Renderer, node: Any, pos: int, depth: int) -> None:
    args = node.nodeargd.argnlist if node.nodeargd is not None else []
    present = [i for i, a in enumerate(args) if a is not None]
    if present:
        r.inline_arg(node, present[-1], pos, depth)


_HANDLERS: dict[str, Callable[[_Renderer, Any, int, int], None]] = {
    "item": _h_item,
    "bibitem": _h_bibitem,
    "href": _h_href,
    "url": _h_url,
    "nolinkurl": _h_url,
    "doi": _h_doi,
    "arxiv": _h_arxiv,
    "arXiv": _h_arxiv,
    "eprint": _h_arxiv,
    "textsuperscript": _h_sup,
    "\\": _h_break,
    "newline": _h_break,
    "linebreak": _h_break,
    "par": _h_par,
    "textsubscript": _h_drop,
    "textcolor": _h_keep_last,
    "mbox": _h_keep_last,
    "makebox": _h_keep_last,
    "fbox": _h_keep_last,
    "parbox": _h_keep_last,
    "resizebox": _h_keep_last,
    "scalebox": _h_keep_last,
    "footnote": _h_keep_last,
}


@lru_cache(maxsize=1)
def _aas_macros() -> dict[str, str]:
    from ..extraction.venues import aas_macros

    return aas_macros()


def _context(macros: dict[str, Macro]) -> Any:
    from pylatexenc.macrospec import EnvironmentSpec, MacroSpec
    from pylatexenc.latexwalker import get_default_latex_context_db

    db = get_default_latex_context_db()
    specs = dict(_SPECS)
    specs.update(_CV_ENTRIES)
    for name, macro in macros.items():
        specs[name] = ("[" + "{" * (macro.nargs - 1)) if macro.default is not None and macro.nargs else "{" * macro.nargs
    db.add_context_category("refkit", macros=[MacroSpec(n, s) for n, s in specs.items()],
                            environments=[EnvironmentSpec(n, s) for n, s in _ENV_SPECS.items()], prepend=True)
    # pylatexenc tries every specials sequence at every token (most of its parse
    # time); indexed by first character, a position is tested against few or none
    by_first: dict[str, list[tuple[str, Any]]] = {}
    for cat in db.category_list:
        for chars, spec in db.d[cat]["specials"].items():
            by_first.setdefault(chars[0], []).append((chars, spec))
    for candidates in by_first.values():
        candidates.sort(key=lambda pair: -len(pair[0]))  # the longest match wins

    def test_for_specials(s: str, pos: int, parsing_state: Any = None) -> Any:
        for chars, spec in by_first.get(s[pos:pos + 1], ()):
            if s.startswith(chars, pos):
                return spec
        return None

    db.test_for_specials = test_for_specials
    return db


def _balance_groups(text: str) -> tuple[str, int]:
    """``text`` with every group that does not close where LaTeX would close it
    blanked (same length, same lines), and how many: braces and environments with
    no partner, an ``\\end`` inside a brace group whose ``\\begin`` is outside it
    (groups must nest), and a ``[`` opening a macro's optional argument that
    nothing closes.

    pylatexenc's tolerant parser retries a macro's arguments on every such error,
    exponential in the nesting (``\\cvitem{`` 16 times: 6 s; an open
    ``\\begin{x}`` inside arguments, 15 deep: 8 s); a balanced text parses in
    linear time. One stack pass for braces and environments together (they nest in
    one another), escapes and comments skipped. A ``[`` in running text is no
    argument and is left alone."""
    blank: list[tuple[int, int]] = []
    stack: list[tuple[str, int, int]] = []  # ("{", pos, pos + 1) or (environment name, start, end)
    brackets: list[int] = []  # "[" opening optional arguments; -1 for other "["
    for m in _GROUP_TOKEN.finditer(text):
        token, kind, name = m.group(0), m.group(1), m.group(2)
        if token == "{":
            stack.append(("{", m.start(), m.end()))
        elif token == "}":
            brace = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == "{"), None)
            if brace is None:
                blank.append((m.start(), m.end()))
            else:
                blank.extend((start, end) for _, start, end in stack[brace + 1:])  # environments left open inside
                del stack[brace:]
        elif kind == "begin":
            stack.append((name, m.start(), m.end()))
        elif kind == "end":
            match = None
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == "{":
                    break  # an \end cannot close what was begun outside this brace group
                if stack[i][0] == name:
                    match = i
                    break
            if match is None:
                blank.append((m.start(), m.end()))
            else:
                blank.extend((start, end) for _, start, end in stack[match + 1:])
                del stack[match:]
        elif token.endswith("[") and token.startswith("\\") and len(token) > 2:
            brackets.append(m.end() - 1)
        elif token == "[":
            brackets.append(-1)
        elif token == "]" and brackets:
            brackets.pop()
    blank.extend((start, end) for _, start, end in stack)
    blank.extend((pos, pos + 1) for pos in brackets if pos >= 0)
    if not blank:
        return text, 0
    chars = list(text)
    for start, end in blank:
        chars[start:end] = " " * (end - start)
    return "".join(chars), len(blank)


def _walk(text: str, context: Any) -> Any:
    from pylatexenc.latexwalker import LatexWalker

    walker = LatexWalker(text, latex_context=context, tolerant_parsing=True)
    nodes, _, _ = walker.get_latex_nodes()
    return nodes


def _command_defs(text: str, macros: dict[str, Macro]) -> None:
    """``\\newcommand``-style definitions, found by one linear scan before parsing so
    the parser knows how many arguments each user macro takes."""
    if "ommand" not in text:
        return
    for m in _NEWCOMMAND_HEAD.finditer(text):
        name = m.group(2) or m.group(3)
        end = _brace_end(text, m.end() - 1)
        if end == -1:
            continue
        if m.group(1) == "providecommand" and name in macros:
            continue
        macros[name] = Macro(int(m.group(4) or 0), m.group(5), text[m.end():end - 1])
    for m in _DOCUMENT_COMMAND_HEAD.finditer(text):
        macro = _document_command(m.group(3), text, m.end() - 1)
        if macro is not None:
            macros[m.group(1) or m.group(2)] = macro


def _document_command(spec: str, text: str, brace: int) -> Macro | None:
    """A ``\\NewDocumentCommand`` as a :class:`Macro` when its arguments are mandatory ones
    (``m``), with at most one optional first (``o``, ``O{default}``); another spec (a star, a
    delimited or verbatim argument) is left unexpanded: its arguments' text is still read."""
    end = _brace_end(text, brace)
    if end == -1:
        return None
    default: str | None = None
    nargs = 0
    for i, token in enumerate(_ARG_SPEC.finditer(spec)):
        given, letter = token.group(1), token.group(2)
        if given is not None or letter == "o":
            if i:
                return None
            default = given or ""
        elif letter != "m":
            return None
        nargs += 1
    return Macro(nargs, default, text[brace + 1:end - 1])


def to_html(text: str) -> Rendered:
    """The LaTeX document as an HTML ``<body>``, each block on its source line."""
    from pylatexenc import latexwalker as lw

    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text, macros = _plain_defs(text)
    problems: list[tuple[int, str]] = []
    _command_defs(text, macros)
    context = _context(macros)
    text, dropped = _balance_groups(text)
    if dropped:
        problems.append((1, f"{dropped} unbalanced brace{'s' if dropped != 1 else ''}, bracket{'s' if dropped != 1 else ''} "
                            "or \\begin/\\end ignored"))
    try:
        nodes = _walk(text, context)
    except RecursionError:
        # braces or brackets nested hundreds deep: keep the words, lose the grouping
        problems.append((1, "groups nested too deep to parse; read as plain text"))
        text = _GROUPING.sub(" ", text)
        macros = {}
        context = _context({})
        nodes = _walk(text, context)
    body = nodes
    for node in nodes:
        if isinstance(node, lw.LatexEnvironmentNode) and node.environmentname == "document":
            body = node.nodelist
            break
    renderer = _Renderer(text, macros, context, max(EXPANSION_BUDGET, 2 * len(text)))
    renderer.out.append("<html><body><p>")
    try:
        renderer.nodes(body)
    except RecursionError:
        problems.append((1, "markup nested too deep; the rest of the document was not read"))
    renderer.close_cv_list()
    renderer.out.append("</body></html>")
    return Rendered("".join(renderer.out), problems + renderer.problems)
