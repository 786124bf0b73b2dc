"""A CSL bibliography through citeproc-py with refkit's element classes: CSL
items in, one marked text per entry out (formatting as private-use marks, see
:mod:`refkit.writers.csl.marks`), in the style's order, with the problems met."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from collections.abc import Iterable
from typing import Any

from citeproc import Citation, CitationStylesBibliography
from citeproc import model
from citeproc.source import Date, DateRange
from citeproc.string import String

from .marks import FORMATTER, unglue
from .quotes import finish_quotes
from .source import Item, make_source
from .state import CURRENT, RenderState
from .style import CSL_NS, ParsedStyle, checkout

__all__ = ["Rendered", "Result", "render_items"]

_WHITESPACE = re.compile(r"[ \t\n\r\f\v]+")  # a no-break space in the data stays


@dataclass(frozen=True)
class Rendered:
    """One entry: ``index`` into the items given, ``text`` marked text; with
    ``second-field-align`` the first field is ``label`` and ``text`` the rest."""

    index: int
    text: str
    label: str | None = None


@dataclass
class Result:
    entries: list[Rendered] = field(default_factory=list)
    #: (index into the items, message)
    problems: list[tuple[int, str]] = field(default_factory=list)


def render_items(items: list[dict[str, Any]], path: str, locale: str | None, drop_number: bool = False) -> Result:
    """Render CSL ``items`` (each with a unique ``id``) as the bibliography of
    the style at ``path`` in ``locale`` (None: the style's default-locale).
    ``drop_number`` leaves out a leading citation number (the caller numbers)."""
    with checkout(path, locale) as style:
        state = RenderState(style.cache, language=style.locale[:2].lower(), range_delimiter=_range_delimiter(style))
        token = CURRENT.set(state)
        try:
            return _render(items, style, state, drop_number)
        finally:
            CURRENT.reset(token)


def _render(items: list[dict[str, Any]], style: ParsedStyle, state: RenderState, drop_number: bool) -> Result:
    index = {str(item["id"]): i for i, item in enumerate(items)}
    bib = CitationStylesBibliography(style, make_source(items, state.range_delimiter), FORMATTER)
    bib.register(Citation([Item(str(item["id"])) for item in items]))
    bib.sort()
    citation = style.root.citation
    if citation is not None and citation.get("disambiguate-add-year-suffix", "false") == "true":
        add_year_suffixes(style, bib.items)
    if citation is not None and style.root.xpath("boolean(.//cs:*[@disambiguate])", namespaces={"cs": "http://purl.org/net/xbiblio/csl"}):
        state.ambiguous = mark_ambiguous(style, bib.items)
    layout = style.root.bibliography.layout
    result = Result()
    for item in bib.items:
        n = index[item.key]
        try:
            result.entries.append(_render_item(layout, item, n, state, drop_number))
        except Exception as exc:  # citeproc-py raises anything on odd data: report, keep the entry
            result.problems.append((n, f"the style could not render this entry ({type(exc).__name__}: {exc}); printed its title only"))
            title = dict.get(item.reference, "title")
            result.entries.append(Rendered(n, _WHITESPACE.sub(" ", str(title or "")).strip()))
    result.problems += [(index.get(k, -1), m) for k, m in state.problems]
    return result


def _render_item(layout: Any, item: Any, n: int, state: RenderState, drop_number: bool) -> Rendered:
    """One entry. CSL 1.0.2 ``second-field-align``: the first field is set apart."""
    layout.repressed = {}
    bibliography = layout.getparent()
    aligned = bibliography.get("second-field-align") in ("flush", "margin")
    substitute = bibliography.get("subsequent-author-substitute")
    state.sas_armed = substitute is not None
    state.sas_substitute = substitute or ""
    state.suffix_used = False
    parts: list[Any] = []
    children = list(layout.iterchildren())
    if aligned and children and children[0].get("display"):
        aligned = False  # the style sets its fields apart itself
    if drop_number and children and children[0].get("variable") == "citation-number":
        children = children[1:]  # the caller numbers (or reorders) the list itself
        aligned = False
    try:
        for child in children:
            try:
                text = child.render(item, delimiter="") if isinstance(child, model.Choose) else child.render(item)
            except model.VariableError:
                continue
            if text is not None:
                parts.append(text)
    finally:
        state.sas_armed = False
    if not parts:
        return Rendered(n, "")
    if aligned and len(parts) > 1:
        # the layout's affixes and formatting go around the whole entry
        first = _finish(layout, str(parts[0]), state)
        rest = _finish(layout, str(layout.format(layout.wrap(model.join(parts[1:], "")))), state)
        return Rendered(n, rest, first)
    return Rendered(n, _finish(layout, str(layout.format(layout.wrap(model.join(parts, "")))), state))


def _finish(layout: Any, text: str, state: RenderState) -> str:
    # white space runs become one space; a tab the style wrote (suffix=".&#9;"
    # after a citation number) stays a tab, as citeproc-js keeps it (values
    # reach the style with their white space already collapsed)
    text = unglue(_WHITESPACE.sub(lambda m: "\t" if "\t" in m.group(0) else " ", text))
    cache = state.cache
    if cache.piq is None:
        try:
            cache.piq = str(layout.get_locale_option("punctuation-in-quote")).lower() == "true"
        except Exception:
            cache.piq = False
    if cache.quotes is None:
        cache.quotes = (
            (_term(layout, "open-quote", "“"), _term(layout, "close-quote", "”")),
            (_term(layout, "open-inner-quote", "‘"), _term(layout, "close-inner-quote", "’")),
        )
    return finish_quotes(text, cache.piq, *cache.quotes)


def _term(layout: Any, name: str, default: str) -> str:
    try:
        return str(layout.get_single_term(name)) or default
    except Exception:
        return default


def _range_delimiter(style: ParsedStyle) -> str:
    """The locale term ``page-range-delimiter`` (in-style locales first), else an en dash."""
    for locale in style.root.locales:
        for term in locale.iter("{" + CSL_NS + "}term"):
            if term.get("name") == "page-range-delimiter" and term.text:
                return str(term.text)
    return "–"


def add_year_suffixes(style: ParsedStyle, items: list[Any]) -> None:
    """CSL 1.0.2 "Disambiguation" (``disambiguate-add-year-suffix``): works whose
    citations print the same (the same rendered names and year: "Doe and
    Jones 1999", whatever the given names stored) get "a", "b", … in
    bibliography order. citeproc-py never assigns year suffixes."""
    # only works that share a year and a first name (or title) can cite alike:
    # render the citations of those alone
    # (a labelled style cites "RoNo78": works with the same label, whatever their names)
    labelled = _prints(style, style.root.citation.layout, "citation-label")
    candidates: dict[Any, list[Any]] = {}
    for item in items:
        year = _year(item.reference.get("issued"))
        if labelled:
            candidates.setdefault(str(dict.get(item.reference, "citation_label", "")), []).append(item)
        elif year is not None:
            candidates.setdefault((year, _first_name(item.reference)), []).append(item)
    groups = _alike_citations(style, (it for members in candidates.values() if len(members) > 1 for it in members))
    for members in groups.values():
        if len(members) < 2:
            continue
        for i, item in enumerate(members):
            dict.__setitem__(item.reference, "year_suffix", String(_suffix(i)))


def _prints(style: ParsedStyle, element: Any, variable: str) -> bool:
    """Whether ``element`` or a macro it calls (at any depth) has a cs:text
    printing ``variable``."""
    ns = {"cs": "http://purl.org/net/xbiblio/csl"}
    macros = {m.get("name"): m for m in style.root.xpath("cs:macro", namespaces=ns)}
    seen: set[str] = set()
    todo = [element]
    while todo:
        node = todo.pop()
        if any(t.get("variable") == variable for t in node.iterfind(".//cs:text", ns)):
            return True
        for text in node.iterfind(".//cs:text[@macro]", ns):
            name = text.get("macro")
            if name not in seen and name in macros:
                seen.add(name)
                todo.append(macros[name])
    return False


def mark_ambiguous(style: ParsedStyle, items: list[Any]) -> frozenset[str]:
    """CSL 1.0.2 "Disambiguation", last step: the keys of the items whose
    citations (rendered after year suffixes, the ``disambiguate`` condition
    false) still print like another item's; for them the condition is true, in
    the citation and in the bibliography."""
    groups = _alike_citations(style, items)
    return frozenset(item.key for members in groups.values() if len(members) > 1 for item in members)


def _alike_citations(style: ParsedStyle, items: Iterable[Any]) -> dict[str, list[Any]]:
    """The items grouped by the text of their citation, each rendered as a first cite
    (items whose citation fails or prints nothing are left out); the citation's
    per-render state (cites, repressed variables) is reset after."""
    citation = style.root.citation
    layout = citation.layout
    groups: dict[str, list[Any]] = {}
    for item in items:
        citation.cites = []  # every cite is a first cite
        layout.repressed = {}
        try:
            text = layout.render_children(item)
        except model.VariableError:
            continue
        if text is not None and str(text).strip():
            groups.setdefault(str(text), []).append(item)
    layout.repressed = {}
    citation.cites = []
    return groups


def _year(issued: Any) -> Any:
    if isinstance(issued, DateRange):
        issued = dict.get(issued, "begin")
    return dict.get(issued, "year") if isinstance(issued, Date) else None


def _first_name(ref: Any) -> str:
    """The first author's (editor's, translator's) family or literal name, else the title, folded."""
    for role in ("author", "editor", "translator"):
        names = dict.get(ref, role)
        if names:
            first = names[0]
            return str(first.get("family") or first.get("literal") or "").casefold()
    return str(dict.get(ref, "title") or "").casefold()


def _suffix(i: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return letters[i] if i < 26 else letters[i // 26 - 1] + letters[i % 26]
