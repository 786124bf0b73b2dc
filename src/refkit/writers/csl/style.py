"""Loading CSL styles and locales with refkit's element classes.

citeproc-py builds a style's element objects through an lxml class lookup made
per parser (``citeproc.frontend.CitationStylesXML``). refkit makes its own
lookup from :data:`refkit.writers.csl.elements.ELEMENTS` and parses styles and
locale files with it, so refkit's rules live in subclasses and
``citeproc.model`` is never changed.

Parsed styles are kept in a bounded cache. A parsed style carries state while a
bibliography renders (citeproc-py stores the formatter and suppressed variables
on its elements), so each render checks a style out and returns it: renders
of the same style at the same time get separate copies, renders of different
styles never wait for each other.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterator
from contextlib import contextmanager

from lxml import etree

from ...errors import FormatError
from .elements import DEFAULT, ELEMENTS
from .state import StyleCache

__all__ = ["checkout", "load_locale", "lookup", "parse", "check"]

CSL_NS = "http://purl.org/net/xbiblio/csl"
_NS = "{" + CSL_NS + "}"

#: parsed styles kept (distinct style files and locales)
MAX_STYLES = 16
#: idle copies kept per style (more exist only while renders overlap)
MAX_IDLE = 2


def lookup() -> etree.ElementNamespaceClassLookup:
    """An lxml class lookup mapping CSL elements to refkit's classes."""
    found = etree.ElementNamespaceClassLookup()
    namespace = found.get_namespace(CSL_NS)
    namespace[None] = DEFAULT
    namespace.update(ELEMENTS)
    return found


def _parser() -> etree.XMLParser:
    parser = etree.XMLParser(remove_comments=True, encoding="UTF-8", no_network=True)
    parser.set_element_class_lookup(lookup())
    return parser


@dataclass
class ParsedStyle:
    """A CSL style parsed with refkit's classes (the object citeproc-py's
    ``CitationStylesBibliography`` expects as ``style``)."""

    root: Any
    #: the locale rendered ("en-US"): the one asked for, else the style's default-locale
    locale: str = "en-US"
    cache: StyleCache = field(default_factory=StyleCache)

    def has_bibliography(self) -> bool:
        return self.root.bibliography is not None

    def sort_bibliography(self, citation_items: list[Any]) -> list[Any]:
        return list(self.root.bibliography.sort(citation_items))


def load_locale(name: str) -> Any:
    """The root of citeproc-py's locale file ``name`` ("en-US"), parsed with
    refkit's classes (a fresh tree: a locale root belongs to one style)."""
    from citeproc import LOCALES_PATH

    path = os.path.join(LOCALES_PATH, f"locales-{name}.xml")
    try:
        return etree.parse(path, _parser()).getroot()
    except OSError:
        raise FormatError(f"unknown CSL locale {name!r}") from None


def _check_locale(locale: str) -> None:
    from citeproc import LANGUAGE_NAMES, PRIMARY_DIALECTS

    if locale not in LANGUAGE_NAMES and locale.split("-")[0] not in PRIMARY_DIALECTS:
        import difflib

        close = difflib.get_close_matches(locale, list(LANGUAGE_NAMES), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise FormatError(f"unknown CSL locale {locale!r}{hint}")


def _independent(path: str, seen: tuple[str, ...] = ()) -> tuple[str, Any]:
    """The path and parsed root of the style that formats ``path``'s
    bibliography: the style itself, or the parent of a dependent style."""
    try:
        root = etree.parse(path, _parser()).getroot()
    except (etree.XMLSyntaxError, OSError) as exc:
        raise FormatError(f"{path}: not a valid CSL style (not well-formed XML: {exc})") from None
    if root.tag != _NS + "style":
        raise FormatError(f"{path}: not a valid CSL style (the root element is <{etree.QName(root).localname}>, not a CSL <style>)")
    if root.find(_NS + "bibliography") is not None:
        return path, root
    parent = root.find(f"{_NS}info/{_NS}link[@rel='independent-parent']")
    if parent is None:
        raise FormatError(f"{path}: this CSL style defines no bibliography")
    from ...styles import find_style

    name = parent.get("href", "").rstrip("/").rsplit("/", 1)[-1]
    try:
        parent_ref = find_style(name)
    except FormatError:
        raise FormatError(f"{path}: a dependent CSL style whose parent {name!r} is not available") from None
    if parent_ref.path == path or parent_ref.path in seen:
        raise FormatError(f"{path}: a dependent CSL style that names itself as its parent")
    return _independent(parent_ref.path, seen + (path,))


def _default_names(root: Any) -> None:
    """CSL 1.0.2 "Names": a ``cs:names`` without ``cs:name`` prints its names
    as a default ``cs:name`` would; that element is added here, of refkit's
    class (citeproc-py adds one of its own class while rendering, which skips
    refkit's name rules, e.g. "Yu. A." kept as "YuA" under ``initialize-with=""``).
    A shorthand ``cs:names`` inside ``cs:substitute`` gets none: it inherits the
    original's ``cs:name`` (see ``Substitute.render``)."""
    for names in root.iter(_NS + "names"):
        if names.find(_NS + "name") is None and next(names.iterancestors(_NS + "substitute"), None) is None:
            names.insert(0, names.makeelement(_NS + "name"))


def parse(path: str, locale: str | None) -> ParsedStyle:
    """Parse the style at ``path`` for ``locale`` (the style's
    ``default-locale`` when None, else en-US). Bad styles raise FormatError."""
    _, root = _independent(path)
    chosen = locale or root.get("default-locale") or "en-US"
    if locale:
        _check_locale(locale)
    elif chosen not in _known_locales():
        chosen = "en-US" if chosen.split("-")[0] not in _primary() else chosen
    _default_names(root)
    style = ParsedStyle(root, chosen)
    try:
        root.set_locale_list(chosen, validate=False)
    except (ValueError, KeyError, etree.LxmlError) as exc:
        raise FormatError(f"{path}: cannot use this CSL style: {exc}") from None
    return style


@lru_cache(maxsize=1)
def _known_locales() -> frozenset[str]:
    from citeproc import LANGUAGE_NAMES

    return frozenset(LANGUAGE_NAMES)


@lru_cache(maxsize=1)
def _primary() -> frozenset[str]:
    from citeproc import PRIMARY_DIALECTS

    return frozenset(PRIMARY_DIALECTS)


def check(path: str, locale: str | None = None) -> None:
    """Raise :class:`FormatError` unless the style at ``path`` can be used."""
    with checkout(path, locale):
        pass


_Key = tuple[str, float, str]
_IDLE: "OrderedDict[_Key, list[ParsedStyle]]" = OrderedDict()
_IDLE_LOCK = threading.Lock()  # guards the cache's dict only, never a render


@contextmanager
def checkout(path: str, locale: str | None) -> Iterator[ParsedStyle]:
    """A parsed style for ``path`` and ``locale`` for the caller's use alone,
    returned to the bounded cache afterwards."""
    try:
        mtime = os.stat(path).st_mtime
    except OSError as exc:
        raise FormatError(f"{path}: cannot read style: {exc.strerror}") from None
    key = (path, mtime, locale or "")
    with _IDLE_LOCK:
        idle = _IDLE.get(key)
        style = idle.pop() if idle else None
    if style is None:
        style = parse(path, locale)
    try:
        yield style
    finally:
        with _IDLE_LOCK:
            copies = _IDLE.setdefault(key, [])
            _IDLE.move_to_end(key)
            if len(copies) < MAX_IDLE:
                copies.append(style)
            while len(_IDLE) > MAX_STYLES:
                _IDLE.popitem(last=False)


def clear() -> None:
    """Forget every parsed style (benchmarks time parsing too)."""
    with _IDLE_LOCK:
        _IDLE.clear()
