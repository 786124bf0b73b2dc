"""Per-render state, in a :class:`contextvars.ContextVar` set by the render
call: two threads (or tasks) rendering at once each see their own. Nothing
here is a module global that one render could leave behind for another."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any


@dataclass
class StyleCache:
    """Answers about one parsed style's tree that never change while it is
    used (XPath results, roots, ``calls_variable``, types of ``cs:if``). It
    belongs to the style object and goes with it (the style cache is bounded).
    Holding the element proxies also keeps lxml from recreating them, so
    Python attributes citeproc-py sets on elements survive."""

    xpath: dict[tuple[Any, str], Any] = field(default_factory=dict)
    roots: dict[Any, Any] = field(default_factory=dict)
    calls_variable: dict[Any, bool] = field(default_factory=dict)
    types: dict[Any, list[str]] = field(default_factory=dict)
    has_label: dict[Any, bool] = field(default_factory=dict)
    #: whether the style prints ``year-suffix`` itself (else it follows the first year)
    explicit_suffix: bool | None = None
    piq: bool | None = None
    #: the locale's (open, close) quotes: outer and inner
    quotes: tuple[tuple[str, str], tuple[str, str]] | None = None


@dataclass
class RenderState:
    """What one bibliography render needs beside the style and the items."""

    cache: StyleCache
    #: the language being rendered ("en"): an item without a ``language`` is in it
    language: str = "en"
    #: the locale's page-range-delimiter (an en dash unless the style says otherwise)
    range_delimiter: str = "–"
    #: subsequent-author-substitute: armed for the first names of an entry
    sas_armed: bool = False
    #: the previous entry's first names: (text without role label, names) -- names None for substituted text
    sas_previous: tuple[str, list[tuple[Any, ...]] | None] | None = None
    #: > 0 while names render for a sort key (no "et al." term there)
    sorting_names: int = 0
    #: the names printed by each cs:names rendering while subsequent-author-substitute is armed (a stack)
    sas_names: list[list[str]] = field(default_factory=list)
    sas_substitute: str = ""
    #: the "et al." term of the names being rendered follows a space, not a delimiter
    et_al_joins: bool = False
    #: variables rendered while a substitute candidate renders (a stack: substitutes nest)
    recording: list[list[tuple[str, str]]] = field(default_factory=list)
    #: implicit year suffix: waiting for the year part / already printed in this entry
    pending_suffix: str | None = None
    suffix_used: bool = False
    #: keys of the items whose citations stay ambiguous (the ``disambiguate`` condition)
    ambiguous: frozenset[str] = frozenset()
    #: problems met while rendering: (item id, message)
    problems: list[tuple[str, str]] = field(default_factory=list)


CURRENT: ContextVar[RenderState | None] = ContextVar("refkit_csl_render", default=None)


def current() -> RenderState | None:
    """The state of the render running in this context, if any."""
    return CURRENT.get()
