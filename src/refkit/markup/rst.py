"""reStructuredText rendered to the HTML document the page item finder reads.

docutils parses the document (sections, bullet/enumerated/definition lists, line
blocks, tables, footnotes/citations, named and anonymous links, roles); this
module writes its node tree as plain HTML: sections -> ``<hN>`` by depth, lists ->
``<ul>``/``<ol>``/``<dl>``, a line block -> lines split by ``<br>``, a citation or
footnote -> a list item, ``strong``/``emphasis``/``reference``/``superscript`` ->
``<b>``/``<i>``/``<a href>``/``<sup>``. Directives that only configure the page
(``contents``, ``note``, ``image`` …), comments, targets and a field list before
the page's body (its metadata: ``:date:``, ``:tags:``) give no text; a later field
list, and fields named by a year (``:2021: A. Smith. A title …``), are content (a
``<dl>``). Markup docutils cannot resolve (a link to a target or a substitution
defined in another file, a Sphinx role) keeps its text, and directives of Sphinx
and its extensions that docutils does not know (``only``, tabs, dropdowns, cards)
keep their content, their title argument as a heading. File inclusion and raw passthrough are off: a document never
reads other files. Substitutions (``|name|``) are expanded by our own transform,
not docutils': in one pass per paragraph (docutils' looks each reference up in its
paragraph's child list: quadratic, 16,000 ``|a|`` took minutes) and under a budget
(definitions through definitions double at each step: 14 lines gave 147,000
characters per use); past it, nested too deep or circular, a reference keeps its text.
Bare URIs and e-mail addresses are looked for word by word (docutils' pattern, tried
from every punctuation mark of a long run such as ``-----``, was quadratic: 32 KB
took 21 s); a word longer than :data:`_MAX_URI` characters is not made a link.
Likewise a run of words joined by ``-._+:`` longer than :data:`_MAX_NAME`
characters (``a-a-a-…``) is text, never a reference name: docutils' inline pattern
tries a name from every joiner of the run (quadratic: 32 KB took 11.5 s), so its
joiners are handed to docutils as private-use characters and restored in the HTML.

Blocks are written at their source line, so items report reST line numbers.
"""

from __future__ import annotations

import html
import itertools
import re
from typing import Any

__all__ = ["to_html"]

_SETTINGS = {
    "report_level": 5,  # silent: a malformed construct is read as text, never reported on stderr
    "halt_level": 5,
    "warning_stream": False,
    "file_insertion_enabled": False,
    "raw_enabled": False,
    "doctitle_xform": False,  # the first heading stays a section heading
    "sectsubtitle_xform": False,
    "docinfo_xform": False,
    "input_encoding": "unicode",
    "_disable_config": True,
    "line_length_limit": 100_000,
}

#: characters substitutions may add to a document (or twice its length, if more)
SUBSTITUTION_BUDGET = 100_000
_MAX_SUBSTITUTION_DEPTH = 20  # definitions through definitions; deeper keeps the reference's text
_MAX_URI = 2048  # characters of a word that may be a bare URI or e-mail address
_WORD = re.compile(r"\S+")
_MAX_NAME = 2048  # characters of a run of joined words (``a-b.c``) docutils may read as a reference name
_NAME_RUN = re.compile(r"[\w.+:-]+")  # a reference name's characters (docutils' ``simplename``)
_JOINER = re.compile(r"(?<=[^\W_])[-._+:](?=[^\W_])")  # a joiner between two of a name's words
_JOINERS = "-._+:"

_SKIP = {"comment", "target", "substitution_definition", "system_message", "docinfo", "topic",
         "sidebar", "admonition", "note", "tip", "warning", "attention", "caution", "danger", "error", "hint",
         "important", "image", "figure", "raw", "pending", "doctest_block", "math_block",
         "header", "footer", "meta", "decoration", "transition"}
_INLINE = {"strong": "b", "emphasis": "i", "superscript": "sup", "subscript": "sub", "literal": "code",
           "title_reference": "i"}
_BLOCK = {"paragraph": "p", "block_quote": "blockquote", "bullet_list": "ul", "enumerated_list": "ol",
          "list_item": "li", "definition_list": "dl", "term": "dt", "definition": "dd", "table": "table",
          "row": "tr", "entry": "td", "line_block": "div", "citation": "li", "footnote": "li", "compound": "div",
          "container": "div", "definition_list_item": "div", "option_list": "ul", "option_list_item": "li",
          "field_list": "dl", "field": "div", "field_name": "dt", "field_body": "dd"}

#: nodes that are not the page's body: a field list before any body block is the
#: page's metadata (Pelican's ``:date:``, ``:tags:``); a later one is content
#: (``:2021: A. Smith. A title …``)
_NOT_BODY = {"document", "section", "title", "comment", "target", "substitution_definition", "system_message",
             "pending", "decoration", "meta", "docinfo"}
_REFERENCE_SUFFIX = re.compile(r"`?__?$")


_LETTER_ENUMS = ("upperalpha", "loweralpha", "upperroman", "lowerroman")
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _enumerator(node: Any) -> str:
    """The enumerator a one-item list was written with ("A", "iv")."""
    start = int(node.get("start", 1))
    kind = node.get("enumtype")
    if kind in ("upperalpha", "loweralpha"):
        letter = chr(ord("A") + (start - 1) % 26)
        return letter if kind == "upperalpha" else letter.lower()
    roman = ""
    for value, numeral in _ROMAN:
        while start >= value:
            roman += numeral
            start -= value
    return roman if kind == "upperroman" else roman.lower()


class _Writer:
    def __init__(self, opened: dict[str, tuple[str, str]] | None = None) -> None:
        self.opened = opened or {}  # container class -> (directive name, argument)
        self.titles: list[str] = []  # the titles of the sections being written
        self.headings = 0  # headings written for opened directives
        self.out: list[str] = ["<html><body>"]
        self.line = 0
        self.depth = 1
        self.body = False  # a body block was seen (a field list after one is content, not metadata)

    def pad(self, node: Any, shift: int = 0) -> None:
        line = getattr(node, "line", None)
        if line is not None:
            line -= shift
        if line is None:
            for child in node.findall(include_self=False) if hasattr(node, "findall") else ():
                line = getattr(child, "line", None)
                if line is not None:
                    break
        if line is not None and line - 1 > self.line:
            self.out.append("\n" * (line - 1 - self.line))
            self.line = line - 1

    def text(self, value: str) -> None:
        self.out.append(html.escape(value.replace("\n", " "), quote=False))

    def children(self, node: Any) -> None:
        in_notes = False  # a run of citations/footnotes is one numbered list
        for child in node.children:
            note = getattr(child, "tagname", "") in ("citation", "footnote")
            if note and not in_notes:
                self.pad(child)
                self.out.append("<ol>")
            elif in_notes and not note:
                self.out.append("</ol>")
            in_notes = note
            self.visit(child)
        if in_notes:
            self.out.append("</ol>")

    def visit(self, node: Any) -> None:
        from docutils import nodes

        if isinstance(node, nodes.Text):
            self.text(node.astext())
            return
        name = node.tagname
        if name == "field_list" and not self.body:
            self.body = True
            # the page's metadata, except fields named by a year or number (``:2021:``)
            fields = [f for f in node.children if any(c.isdigit() for c in f.children[0].astext()[:40])] if all(
                getattr(f, "tagname", "") == "field" and f.children for f in node.children) else []
            if fields:
                self.children_block(node, "dl", fields)
            return
        if name not in _NOT_BODY:
            self.body = True
        if name in _SKIP:
            return
        if name == "problematic":
            # markup docutils could not resolve (a link to a target defined in another
            # file, a substitution from the site's configuration, a lone ``*``): its
            # text is still the author's, without the reST syntax around it
            self.text(_unmarked(node.astext()))
            return
        if name == "section":
            first = node.children[0] if node.children else None
            self.titles.append(first.astext() if first is not None and first.tagname == "title" else "")
            self.depth += 1
            self.children(node)
            self.depth -= 1
            self.titles.pop()
            return
        if name in ("title", "rubric"):
            level = min(6, self.depth if name == "title" else self.depth + 1)
            self.pad(node, shift=1 if name == "title" else 0)  # docutils gives a title its underline's line
            self.out.append(f"<h{level}>")
            self.children(node)
            self.out.append(f"</h{level}>")
            return
        if name == "container" and self.opened:
            key = next((c for c in node.get("classes", ()) if c in self.opened), None)
            if key is not None:
                self.opened_directive(node, *self.opened[key])
                return
        if name == "literal_block":
            # code is never citation text (the item finder drops <pre>), but a BibTeX
            # record shown in one (``::`` or ``.. code-block:: bibtex``) is the entry's data
            self.pad(node)
            self.out.append("<pre>" + html.escape(node.astext(), quote=False) + "</pre>")
            return
        if name == "reference":
            url = node.get("refuri") or ""
            self.out.append(f'<a href="{html.escape(url)}">' if url else "<span>")
            self.children(node)
            self.out.append("</a>" if url else "</span>")
            return
        if name == "line":
            self.pad(node)
            self.children(node)
            self.out.append("<br>")
            return
        if name == "label":  # [1] of a citation or footnote
            return
        if name == "enumerated_list" and len(node.children) == 1 and node.get("enumtype") in _LETTER_ENUMS:
            # "A. Smith. A title …" parses as a one-item list enumerated "A.": in a
            # publication list that letter is an initial, so it goes back in the text
            self.pad(node)
            self.out.append("<p>")
            self.text(node.get("prefix", "") + _enumerator(node) + node.get("suffix", "") + " ")
            for child in node.children[0].children:
                if getattr(child, "tagname", "") == "paragraph":
                    self.children(child)
                else:
                    self.visit(child)
            self.out.append("</p>")
            return
        tag = _INLINE.get(name)
        if tag is not None:
            self.out.append(f"<{tag}>")
            self.children(node)
            self.out.append(f"</{tag}>")
            return
        tag = _BLOCK.get(name)
        if tag is not None:
            self.children_block(node, tag)
            return
        self.children(node)  # document, inline containers, unknown nodes: their content

    def opened_directive(self, node: Any, directive: str, argument: str) -> None:
        """An unknown directive's content; its argument, when it is a title (a tab,
        a dropdown, a card), is a heading one level below the section's."""
        titled = directive not in _UNTITLED and any(c.isalpha() for c in argument)
        before = self.headings
        level = min(6, self.depth + 1)
        if titled:
            self.pad(node)
            self.heading(level, argument)
            self.headings += 1
            self.depth += 1
        self.children_block(node, "div")
        if titled:
            self.depth -= 1
        parent = node.parent
        if self.headings > before and self.titles and self.titles[-1] and parent is not None and parent.index(node) < len(parent) - 1:
            # headings do not end in HTML: what follows the tabs is under the section again
            self.heading(level, self.titles[-1])

    def heading(self, level: int, text: str) -> None:
        self.out.append(f"<h{level}>")
        self.text(text)
        self.out.append(f"</h{level}>")

    def children_block(self, node: Any, tag: str, only: list[Any] | None = None) -> None:
        self.pad(node)
        self.out.append(f"<{tag}>")
        if only is None:
            self.children(node)
        else:
            for child in only:
                self.visit(child)
        self.out.append(f"</{tag}>")


_ROLE = re.compile(r"^:[\w.+:-]{1,40}:`([^`]*)`$")
_ROLE_TARGET = re.compile(r"<[^<>]*>$")


def _unmarked(source: str) -> str:
    """The text of an unresolved reference, substitution or role as written, without
    its reST syntax: ``Roe_`` / ```A. Roe`_`` -> ``Roe`` / ``A. Roe``, ``|me|`` ->
    ``me``, ``[Roe19]_`` -> ``[Roe19]``, a Sphinx role ``:doi:`10.1/x``` -> ``10.1/x``,
    ``:ref:`Papers <pubs>``` -> ``Papers``."""
    if len(source) > 2 and source[0] == source[-1] == "|":
        return source[1:-1]
    role = _ROLE.match(source)
    if role is not None:
        return _ROLE_TARGET.sub("", role.group(1)).rstrip() or role.group(1)
    if source.endswith("_") and len(source) > 1:
        return _REFERENCE_SUFFIX.sub("", source).lstrip("`")
    return source


_DIRECTIVE_LINE = re.compile(r"^([ \t]*)\.\.[ \t]+([A-Za-z][\w+.-]{0,40}(?::[\w+.-]{1,40}){0,2})[ \t]*::(.*)$")
_OPTION_LINE = re.compile(r"^([ \t]+):[^:\n]{1,60}:")
_CLASS_PREFIX = "refkit-directive-"

#: directives of Sphinx and its extensions whose content is code, file names or
#: configuration, never the page's prose: left to docutils, which drops them
_NOT_PROSE = frozenset("""toctree literalinclude highlight index bibliography math plot ipython jupyter-execute
jupyter-input jupyter-output jupyter-kernel code-cell mermaid graphviz graph digraph inheritance-diagram youtube
video vimeo iframe tabularcolumns productionlist doctest testcode testoutput testsetup testcleanup jinja exec
program-output command-output glue glue:figure glue:math post postlist tags needs needtable needflow
uml kroki drawio-image thumbnail-parent currentmodule module function class method attribute data exception
envvar option describe object program cmdoption confval default-domain py:function py:class py:module
c:function cpp:function js:function seealso versionadded versionchanged versionremoved deprecated todo todolist
margin""".split())

#: unknown directives whose argument is an expression or a layout, not a title
_UNTITLED = frozenset("only ifconfig grid tab-set tabs hlist centered card-carousel".split())


def _is_known(name: str, cache: dict[str, bool]) -> bool:
    if name not in cache:
        from docutils.parsers.rst import directives, languages
        from docutils.utils import new_document

        try:
            found = directives.directive(name, languages.get_language("en"), new_document("<rst>"))[0]
        except Exception:  # a broken directive module: docutils reports it as unknown too
            found = None
        cache[name] = found is not None
    return cache[name]


def _open_unknown_directives(text: str) -> tuple[str, dict[str, tuple[str, str]]]:
    """Directives plain docutils does not know (Sphinx's ``only``, sphinx-design's
    ``tab-set``/``tab-item``/``dropdown``/``card``, ``sphinx-tabs``…) would drop
    their whole content, often the page's publication lists. Each becomes a
    ``container`` (its content parsed as reST) marked with a class that maps back to
    its name and argument (a tab's title); its option lines become blank lines, so
    every line keeps its number. Directives whose content is code or configuration
    (:data:`_NOT_PROSE`) are left alone."""
    if ".. " not in text:
        return text, {}
    lines = text.split("\n")
    known: dict[str, bool] = {}
    found: dict[str, tuple[str, str]] = {}
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if "::" not in line:
            continue
        m = _DIRECTIVE_LINE.match(line)
        if m is None:
            continue
        indent, name, argument = m.group(1), m.group(2), m.group(3).strip()
        lowered = name.lower()
        if lowered in _NOT_PROSE or lowered.startswith("auto") or _is_known(lowered, known):
            continue
        key = f"{_CLASS_PREFIX}{len(found)}"
        found[key] = (lowered, argument)
        lines[i - 1] = f"{indent}.. container:: {key}"
        while i < len(lines):  # its options (":sync: key", ":open:") would make the container an error
            option = _OPTION_LINE.match(lines[i])
            if option is None or len(option.group(1).expandtabs()) <= len(indent.expandtabs()):
                break
            lines[i] = ""
            i += 1
    return "\n".join(lines), found


#: an include of one of docutils' standard substitution sets (``.. include:: <isolat1.txt>``): the
#: files are not read (no file is), their definitions are the HTML entities of the same names
_STANDARD_INCLUDE = re.compile(r"^[ \t]*\.\.[ \t]+include::[ \t]*<(?:iso|xhtml1|mml)[\w.-]*\.txt>[ \t]*$", re.M)


def to_html(text: str) -> str:
    """The reST document as an HTML ``<body>``, each block on its source line.
    Raises RecursionError on nesting deeper than the parser can follow."""
    from docutils.core import publish_doctree

    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text, opened = _open_unknown_directives(text)
    text, restore = _mask_long_names(text)
    settings = dict(_SETTINGS, refkit_substitution_budget=max(SUBSTITUTION_BUDGET, 2 * len(text)),
                    refkit_entities=_STANDARD_INCLUDE.search(text) is not None)
    doctree = publish_doctree(text, reader=_reader(), parser=_parser(), settings_overrides=settings)
    writer = _Writer(opened)
    writer.visit(doctree)
    writer.out.append("</body></html>")
    return "".join(writer.out).translate(restore) if restore else "".join(writer.out)


def _mask_long_names(text: str) -> tuple[str, dict[int, str]]:
    """``text`` with the joiners of every run of joined words longer than
    :data:`_MAX_NAME` characters replaced by private-use characters absent from
    ``text``, and the table (for ``str.translate``) that restores them.

    docutils' inline pattern tries a reference name (``word_``) from every joiner of
    such a run, each try to the run's end: quadratic (``a-a-a-…``: 16 KB took 2.8 s,
    32 KB 11.5 s). A private-use character is neither a word character nor
    punctuation to docutils, so the run is read as plain text in one pass; it has the
    joiner's width and leaves every line's length and number as it was. Runs of
    normal length, and every joiner next to anything but a letter or digit (``--``,
    ``a-*b*``, a section's underline), are left as they are."""
    if len(text) <= _MAX_NAME or max(map(len, text.split()), default=0) <= _MAX_NAME:
        return text, {}
    present = set(text)
    private_use = itertools.chain(range(0xE000, 0xF900), range(0xF0000, 0xFFFFE))
    markers = list(itertools.islice((c for c in map(chr, private_use) if c not in present), len(_JOINERS)))
    if len(markers) < len(_JOINERS):  # every private-use character is the author's: read as docutils does
        return text, {}
    mask = dict(zip(_JOINERS, markers))

    def masked(run: re.Match[str]) -> str:
        name = run.group()
        return _JOINER.sub(lambda m: mask[m.group()], name) if len(name) > _MAX_NAME else name

    return _NAME_RUN.sub(masked, text), {ord(marker): joiner for joiner, marker in mask.items()}


def _reader() -> Any:
    """docutils' standalone reader with :class:`_Substitutions` in place of docutils' own."""
    from docutils import nodes
    from docutils.readers.standalone import Reader
    from docutils.transforms import Transform
    from docutils.transforms.references import Substitutions

    class _Substitutions(Transform):
        """``|name|`` references replaced by copies of their definitions, linear in
        the references and bounded: each paragraph's children are rebuilt once, and
        every copy is charged its definition's length against the document's budget."""

        default_priority = Substitutions.default_priority

        def apply(self) -> None:
            document = self.document
            self.left = int(getattr(document.settings, "refkit_substitution_budget", SUBSTITUTION_BUDGET))
            self.limit = int(getattr(document.settings, "line_length_limit", 10_000))
            self.substitute_within(document, ())

        def substitute_within(self, root: Any, chain: tuple[str, ...]) -> None:
            """Every reference under ``root`` (definitions excepted) replaced, each
            parent's child list rebuilt once."""
            parents: dict[int, Any] = {}
            stack = [root]
            while stack:
                node = stack.pop()  # in document order: the budget goes to the first references
                for child in reversed(node.children):
                    if isinstance(child, nodes.substitution_reference):
                        parents[id(node)] = node
                    elif isinstance(child, nodes.Element) and not isinstance(child, nodes.substitution_definition):
                        stack.append(child)
            for parent in parents.values():
                rebuilt: list[Any] = []
                strip_next = False
                for child in parent.children:
                    if isinstance(child, nodes.substitution_reference):
                        key, replacement = self.expand(child, chain)
                        trims = self.document.substitution_defs[key].attributes if key else {}
                        if ("ltrim" in trims or "trim" in trims) and rebuilt and isinstance(rebuilt[-1], nodes.Text):
                            rebuilt[-1] = rebuilt[-1].rstrip()
                        strip_next = "rtrim" in trims or "trim" in trims
                        rebuilt.extend(replacement)
                        continue
                    if strip_next and isinstance(child, nodes.Text):
                        child = child.lstrip()
                    strip_next = False
                    rebuilt.append(child)
                parent[:] = rebuilt

        def expand(self, ref: Any, chain: tuple[str, ...]) -> tuple[str | None, list[Any]]:
            """(the definition's name, the nodes replacing ``ref``); (None, its text as
            written) when it is undefined, circular, nested too deep or over the budget."""
            document = self.document
            refname = ref["refname"]
            key = refname if refname in document.substitution_defs else document.substitution_names.get(refname.lower())
            definition = document.substitution_defs.get(key) if key else None
            if definition is None and getattr(document.settings, "refkit_entities", False):
                # |ouml|, |eacute|, |copy| from docutils' standard sets (``.. include:: <isolat1.txt>``),
                # which are named as the HTML entities of their characters
                from html.entities import html5

                char = html5.get(f"{refname};")
                if char:
                    return None, [nodes.Text(char)]
            cost = len(definition.astext()) + 1 if definition is not None else 0
            if definition is None or key in chain or len(chain) >= _MAX_SUBSTITUTION_DEPTH \
                    or cost > self.limit or cost > self.left:
                return None, [nodes.problematic(ref.rawsource, ref.rawsource)]
            self.left -= cost
            copy = definition.deepcopy()
            self.substitute_within(copy, chain + (key,))
            children = list(copy.children)
            for node in children:
                if isinstance(node, nodes.Referential) and "refname" in node:
                    document.note_refname(node)
            return key, children

    class _Reader(Reader):
        def get_transforms(self) -> list[Any]:
            return [_Substitutions if t is Substitutions else t for t in super().get_transforms()]

    return _Reader()


def _parser() -> Any:
    """docutils' reST parser whose inline pass finds bare URIs word by word."""
    from docutils import nodes
    from docutils.parsers.rst import Parser
    from docutils.parsers.rst.states import Inliner, MarkupMismatch

    # an instance attribute, not a subclass: Inliner builds its patterns from the
    # attributes of its exact class (vars(self.__class__))
    inliner = Inliner()

    def implicit_inline(text: str, lineno: int) -> list[Any]:
        """docutils' method, with the URI pattern tried on each word that could hold
        one (a ``:`` or ``@``, at most :data:`_MAX_URI` characters) instead of on the
        whole text from every position: a URI never spans white space, and the
        pattern's look-behind still sees the character before the word."""
        if not text:
            return []
        for pattern, method in inliner.implicit_dispatch:
            match = first_uri(text) if pattern is inliner.patterns.uri else pattern.search(text)
            if match:
                try:
                    return implicit_inline(text[:match.start()], lineno) + method(match, lineno) \
                        + implicit_inline(text[match.end():], lineno)
                except MarkupMismatch:
                    pass
        return [nodes.Text(text)]

    def first_uri(text: str) -> Any:
        if ":" not in text and "@" not in text:
            return None
        for word in _WORD.finditer(text):
            start, end = word.span()
            if end - start > _MAX_URI or (text.find(":", start, end) < 0 and text.find("@", start, end) < 0):
                continue
            match = inliner.patterns.uri.search(text, start, end)
            if match:
                return match
        return None

    setattr(inliner, "implicit_inline", implicit_inline)
    return Parser(inliner=inliner)
