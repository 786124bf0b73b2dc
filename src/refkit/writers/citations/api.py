"""``refkit.render``: a library as a formatted citation list, and the
:class:`Bibliography` it returns.

Options for publication lists (all optional): ``sort`` (``style``, the style's
order, ``year``: newest first, then title, or ``none``), ``group`` (``year`` or
``type``, with headings), ``numbering`` (``asc`` / ``desc``), ``highlight`` (a
person's name, bold), ``markers`` (role markers from the ``author+an`` field:
``*`` equal contribution, ``†`` corresponding author), ``links`` (DOI, arXiv,
PDF, code links after each entry in Markdown, HTML and LaTeX).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator, Sequence

from ...errors import FormatError
from ...model import Entry, Library, Location, Problem
from ...options import checked
from . import options as opts
from .formats import Format, get_format

__all__ = ["render", "write", "Bibliography", "DEFAULT_LOCALE"]

#: the CSL locale of a style that names no ``default-locale``
DEFAULT_LOCALE = "en-US"


@dataclass(frozen=True)
class Bibliography:
    """A rendered bibliography: iterate ``(key, text)`` pairs in bibliography
    order; ``str()`` is the whole list in the output format; ``problems`` are
    what could not be rendered as asked (each names its entry's key)."""

    items: tuple[tuple[str, str], ...]
    format: str = "text"
    text: str = ""
    style: str = ""
    headings: tuple[tuple[int, str], ...] = field(default=(), repr=False)
    problems: tuple[Problem, ...] = ()

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: Any) -> Any:
        """``bib[0]`` is the first ``(key, text)`` pair; ``bib["key"]`` the text
        for that citation key (so ``dict(bib)`` maps keys to texts)."""
        if isinstance(index, str):
            for key, text in self.items:
                if key == index:
                    return text
            raise KeyError(index)
        return self.items[index]

    def keys(self) -> list[str]:
        """The citation keys in bibliography order."""
        return [k for k, _ in self.items]

    def __str__(self) -> str:
        return self.text


@checked
def render(
    library: Library | Sequence[Entry],
    style: str = "apa",
    format: str = "text",
    *,
    locale: str | None = None,
    sort: str = "style",
    group: str | None = None,
    numbering: str | None = None,
    highlight: str | Sequence[str] | None = None,
    markers: bool = True,
    links: bool = False,
) -> Bibliography:
    """Render ``library`` in ``style`` (a bundled name, an official CSL style
    name, a path to a .csl file, or ``bibtex:plain``/``unsrt``/``alpha``/``abbrv``)
    as ``format`` (``text``, ``markdown``, ``html``, ``latex``, ``rtf``), in
    ``locale`` (default: the style's ``default-locale``, else en-US).

    Entries the style cannot fully render (missing fields) still appear, with
    the style's fallbacks ("n.d."); an entry the style prints as nothing is
    left out and reported in ``problems``. Bad styles raise [FormatError][refkit.errors.FormatError];
    an unknown option raises [OptionError][refkit.errors.OptionError] naming the valid ones.
    """
    from ...styles import find_style

    entries = list(library.entries if isinstance(library, Library) else library)
    fmt = get_format(format)
    ref = find_style(style)
    if sort not in ("style", "year", "none"):
        raise FormatError(f"unknown sort {sort!r} (use style, year or none)")
    if group not in (None, "", "none", "year", "type"):
        raise FormatError(f"unknown grouping {group!r} (use year or type)")
    if numbering not in (None, "", "none", "asc", "desc"):
        raise FormatError(f"unknown numbering {numbering!r} (use asc or desc)")
    problems: list[Problem] = []
    if ref.kind == "bibtex":
        from .bibtex_styles import render_bibtex

        items = render_bibtex(entries, ref.name, fmt)
    else:
        # a numeric style's own "[n]" only makes sense in the style's order
        relabel = bool(numbering in ("asc", "desc") or sort != "style" or group in ("year", "type"))
        items = _render_csl(entries, ref.path, fmt, locale, relabel, problems)
    by_key = {e.key: e for e in entries}
    if highlight:
        items = [(k, opts.highlight(t, highlight, fmt, by_key.get(k))) for k, t in items]
    if markers:
        items = [(k, opts.add_markers(t, by_key.get(k), fmt)) for k, t in items]
    if links and fmt.has_links:
        items = [(k, opts.add_links(t, by_key.get(k), fmt)) for k, t in items]
    if sort == "year":
        items = opts.sort_by_year(items, by_key)
    sections = opts.group(items, by_key, group)
    text = opts.assemble(sections, fmt, numbering)
    return Bibliography(tuple(it for _, sect in sections for it in sect), fmt.name, text, style, problems=tuple(problems))


def _render_csl(entries: list[Entry], path: str, fmt: Format, locale: str | None, relabel: bool, problems: list[Problem]) -> list[tuple[str, str]]:
    """(key, text) pairs in the style's bibliography order; entries that
    render as nothing are left out (reported)."""
    from ...crosswalk import entry_to_csl
    from ..csl.engine import render_items
    from ..csl.marks import strip

    # citeproc-py lower-cases keys, so it sees synthetic ids that cannot collide
    result = render_items([entry_to_csl(e, key=f"r{i}") for i, e in enumerate(entries)], path, locale, relabel)

    def problem(index: int, message: str, severity: str = "warning") -> None:
        entry = entries[index] if 0 <= index < len(entries) else None
        location = entry.location if entry is not None else Location()
        problems.append(Problem("render", message, location, severity, key=entry.key if entry else None))

    for index, message in result.problems:
        problem(index, message)
    out = []
    for rendered in result.entries:
        if not strip(rendered.text).strip() and rendered.label is None:
            problem(rendered.index, "the style prints nothing for this entry; left out")
            continue
        body = fmt.finish(rendered.text)
        text = fmt.aligned(fmt.finish(rendered.label), body) if rendered.label is not None else body
        out.append((entries[rendered.index].key, fmt.entry_text(text)))
    return out


def write(library: Library, *, style: str = "apa", format: str = "text", **options: Any) -> str:
    """The writer-registry entry point: the whole list as text."""
    return str(render(library, style=style, format=format, **options))
