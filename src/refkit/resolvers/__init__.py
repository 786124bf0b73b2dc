"""Resolvers: one module per bibliographic source (arXiv, doi.org, Crossref).

A resolver only *builds requests* (:class:`refkit.http.Query`, plain data) and
*parses responses* (:class:`refkit.http.Reply`) into :class:`Record` objects. It
never sends anything itself: :class:`refkit.http.Client` owns pacing, retries
and the cache, and :mod:`refkit.enrichment` decides what to ask and what to accept.

Adding a source is its own module plus one line in :data:`SOURCES`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from types import ModuleType
from typing import Mapping

from ..model import Name

__all__ = ["Record", "SOURCES", "DEFAULT_SOURCES", "resolver"]

#: source name -> module; the order is the default order of ``--sources``
SOURCES: dict[str, str] = {
    "arxiv": "refkit.resolvers.arxiv",
    "doi": "refkit.resolvers.doi",
    "crossref": "refkit.resolvers.crossref",
    "dblp": "refkit.resolvers.dblp",  # opt-in: --sources arxiv,doi,crossref,dblp
}

#: the sources asked when none are named
DEFAULT_SOURCES = ("arxiv", "doi", "crossref")


@dataclass(frozen=True)
class Record:
    """One work as a source describes it. Text is *plain Unicode* (not BibTeX
    markup); :mod:`refkit.enrichment` escapes it when it becomes a field value.

    ``type`` is a BibTeX entry type; ``venue`` the journal or proceedings title;
    ``fields`` holds further plain-text BibTeX fields (``volume``, ``number``,
    ``pages``, ``publisher``, ``abstract``, ``eprint``, ``primaryclass`` …).
    ``preprint`` is True for arXiv records and DataCite arXiv DOIs: a lead to a
    published version, not a published version itself.
    """

    source: str
    identifier: str
    title: str = ""
    authors: tuple[Name, ...] = ()
    year: int | None = None
    month: int | None = None
    type: str = "misc"
    venue: str = ""
    doi: str = ""
    arxiv: str = ""
    journal_ref: str = ""
    preprint: bool = False
    fields: Mapping[str, str] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """``arxiv:2106.16028`` / ``doi:10.1007/…`` — for messages and provenance."""
        return f"{self.source}:{self.identifier}"


def resolver(name: str) -> ModuleType:
    """The resolver module for source ``name``."""
    from ..errors import ConfigError

    if name not in SOURCES:
        raise ConfigError(f"unknown source {name!r} (known: {', '.join(SOURCES)})")
    return import_module(SOURCES[name])
