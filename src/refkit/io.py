"""``read`` and ``write``: any supported format in, any supported format out.

Options are typed keyword arguments; an unknown one raises
:class:`~refkit.errors.OptionError` naming the valid ones, and so does an
option that does not apply to the output format (``indent`` for BibTeX).
"""

from __future__ import annotations

import os
import re
from typing import Any, Sequence

from . import readers, writers
from .errors import InternalError, OptionError, RefkitError
from .fileio import atomic_write, is_url, read_document
from .model import Library, Location, Problem
from .options import checked

__all__ = ["read", "read_string", "write", "write_string", "extract"]


@checked
def read(source: str | os.PathLike[str], *, format: str | None = None, encoding: str | None = None,
         strict: bool = False) -> Library:
    """Read a file path, ``-`` (stdin) or an http(s) URL into a [Library][refkit.model.Library].

    The format is sniffed from the content (an HTML page saved as ``.txt`` is
    still HTML) unless ``format`` names it (``bibtex``, ``csljson``, ``html``, ``text``).
    ``encoding`` overrides UTF-8 detection (a document that is not UTF-8 and declares no
    charset is read in a guessed legacy one, with an RK194 warning); ``strict`` makes the first BibTeX
    syntax error raise [ParseError][refkit.errors.ParseError] instead of being
    collected in ``Library.problems``.
    """
    name = os.fspath(source)
    if is_url(name):
        from .http import fetch_text  # the network layer only when a URL is read

        text = fetch_text(name)
    else:
        document = read_document(name, encoding=encoding, guess=True)
        library = read_string(document.text, format=format, path=name, strict=strict)
        if document.guessed is not None:
            library.problems.insert(0, _guessed_encoding(name, *document.guessed))
        return library
    return read_string(text, format=format, path=name, strict=strict)


def _guessed_encoding(path: str, codec: str, line: int, column: int) -> Problem:
    """RK194: the document was read in a guessed legacy encoding (see :mod:`refkit.fileio`)."""
    return Problem("RK194", f"not UTF-8 (the first such byte is here); read as {codec}, a guess from the bytes: "
                   "pass --encoding to choose", Location(path, line, column), severity="warning")


#: control characters no document means: NUL and the C0 controls but tab, line feed, form feed
#: and carriage return (a vertical tab is a word processor's line break; a terminal's colour
#: codes go whole), and DEL
_CONTROLS = re.compile(r"\x1b\[[0-9;]{0,20}[A-Za-z]|[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _drop_controls(text: str, path: str | None) -> tuple[str, Problem | None]:
    """``text`` without the control characters a stray byte of an editor or a bad copy left
    (a document read whole is worth more than its one NUL; :func:`refkit.fileio.decode_document`
    refuses binary files before), and the RK196 warning saying how many went and where the
    first was; ``(text, None)`` when there were none. A vertical tab between two words becomes
    a space (a word processor's line break), elsewhere nothing (a blank would make a line of
    its own after a carriage return)."""
    first = _CONTROLS.search(text)
    if first is None:
        return text, None
    cleaned, count = _CONTROLS.subn(lambda m: " " if m.group() == "\x0b" and _between_words(text, m.start()) else "", text)
    line = text.count("\n", 0, first.start()) + 1
    column = first.start() - (text.rfind("\n", 0, first.start()) + 1) + 1
    problem = Problem("RK196", f"{count} control character(s) dropped (the first, 0x{ord(first.group()[0]):02x}, is "
                      "here): a stray byte, not text", Location(path, line, column), severity="warning")
    return cleaned, problem


def _between_words(text: str, at: int) -> bool:
    """Is ``text[at]`` between two characters that are not blanks (a vertical tab that is a
    line break inside a paragraph: a space; at a line's end it is nothing)?"""
    return 0 < at < len(text) - 1 and not text[at - 1].isspace() and not text[at + 1].isspace()


#: formats read and written back losslessly: their text is never repaired
_LOSSLESS = frozenset({"bibtex", "csljson"})


@checked
def read_string(text: str, *, format: str | None = None, path: str | None = None, strict: bool = False) -> Library:
    """Parse ``text`` (sniffing its format unless given) into a [Library][refkit.model.Library];
    ``path`` is used in problem locations. Only refkit errors escape: a bug in a
    reader is an [InternalError][refkit.errors.InternalError] naming ``path``."""
    fmt = format or readers.sniff(text, path)
    # strict is the BibTeX reader's: the readers of extracted formats collect every problem
    options: dict[str, Any] = {"strict": True} if strict and readers.ALIASES.get(fmt.lower(), fmt.lower()) == "bibtex" else {}
    module = readers.reader(fmt)
    repaired = 0
    dropped: Problem | None = None
    if readers.ALIASES.get(fmt.lower(), fmt.lower()) not in _LOSSLESS:
        from .mojibake import repair

        text, dropped = _drop_controls(text, path)
        if dropped is not None and format is None:
            fmt = readers.sniff(text, path)  # a NUL at the start hid the markup
            module = readers.reader(fmt)
        text, repaired = repair(text)
    try:
        library: Library = module.read(text, path=path, **options)
    except RefkitError:
        raise
    except Exception as exc:  # a reader bug: one exception family for callers, the cause chained
        raise InternalError(exc, path) from exc
    if library.source is None:
        library.source = path
    if dropped is not None:
        library.problems.insert(0, dropped)
    if repaired:
        library.problems.insert(0, Problem("RK195", f"{repaired} line(s) show UTF-8 read as Windows-1252 "
                                           "('Ã©' for 'é'), repaired before extraction", Location(path, 1),
                                           severity="warning"))
    if any(not entry.key for entry in library.entries):
        # extracted entries have no key yet: give them Google-Scholar-like ones
        from .transforms.keys import assign_keys

        library, _ = assign_keys(library)
    return library


@checked
def extract(source: str | os.PathLike[str], *, format: str | None = None, encoding: str | None = None,
            tagger: str | None = None) -> Library:
    """Extract publication entries from an HTML page or a text document (CV,
    Markdown, LaTeX, plain text). Same as [read][refkit.io.read]; named for what it does.

    ``tagger`` chooses how an item's fields are assigned: ``"rules"`` (the patterns of
    ``refkit.extraction.citation``), ``"crf"`` (the learned field tagger in
    ``refkit.extraction.tagging``) or ``"hybrid"`` (the default: the rules, and where their
    reading is in doubt the tagger too, the less doubtful reading kept)."""
    if tagger is None:
        return read(source, format=format, encoding=encoding)
    from .errors import ConfigError
    from .extraction.citation import TAGGER, TAGGERS

    if tagger not in TAGGERS:
        raise ConfigError(f"unknown tagger {tagger!r} (use {' or '.join(TAGGERS)})")
    token = TAGGER.set(tagger)
    try:
        return read(source, format=format, encoding=encoding)
    finally:
        TAGGER.reset(token)


#: output format -> the write options that apply to it
_WRITE_OPTIONS: dict[str, frozenset[str]] = {
    "bibtex": frozenset({"field_order"}),
    "csljson": frozenset({"markup", "indent"}),
}
_RENDER_OPTIONS = frozenset({"style", "locale", "sort", "group", "numbering", "highlight", "markers", "links"})


@checked
def write_string(
    library: Library,
    format: str = "bibtex",
    *,
    field_order: Sequence[str] | None = None,
    markup: bool | None = None,
    indent: int | None = None,
    style: str | None = None,
    locale: str | None = None,
    sort: str | None = None,
    group: str | None = None,
    numbering: str | None = None,
    highlight: str | Sequence[str] | None = None,
    markers: bool | None = None,
    links: bool | None = None,
) -> str:
    """Render ``library`` as text in ``format``.

    * ``bibtex``: ``field_order`` (fields written first, in this order);
    * ``csljson``: ``markup`` (``False`` flattens rich text), ``indent``;
    * ``markdown``, ``html``, ``text``, ``latex`` (a formatted citation list):
      ``style``, ``locale``, ``sort``, ``group``, ``numbering``, ``highlight``,
      ``markers``, ``links``, as [render][refkit.writers.citations.render] takes them.

    An option that does not apply to ``format`` raises [OptionError][refkit.errors.OptionError].
    """
    fmt = writers.resolve(format)
    given = {name: value for name, value in (
        ("field_order", field_order), ("markup", markup), ("indent", indent), ("style", style),
        ("locale", locale), ("sort", sort), ("group", group), ("numbering", numbering),
        ("highlight", highlight), ("markers", markers), ("links", links)) if value is not None}
    valid = _WRITE_OPTIONS.get(fmt, _RENDER_OPTIONS)
    wrong = sorted(given.keys() - valid)
    if wrong:
        raise OptionError(f"option {wrong[0]!r} does not apply to {fmt} output; "
                          f"valid options for {fmt}: {', '.join(sorted(valid))}")
    return writers.writer(fmt)(library, **given)


@checked
def write(
    library: Library,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    field_order: Sequence[str] | None = None,
    markup: bool | None = None,
    indent: int | None = None,
    style: str | None = None,
    locale: str | None = None,
    sort: str | None = None,
    group: str | None = None,
    numbering: str | None = None,
    highlight: str | Sequence[str] | None = None,
    markers: bool | None = None,
    links: bool | None = None,
) -> str:
    """Write ``library`` to ``path`` (atomically), the format following the extension
    unless ``format`` is given; the options are [write_string][refkit.io.write_string]'s. Returns the text written."""
    name = os.fspath(path)
    fmt = writers.resolve(format, name)
    text = write_string(library, fmt, field_order=field_order, markup=markup, indent=indent, style=style,
                        locale=locale, sort=sort, group=group, numbering=numbering, highlight=highlight,
                        markers=markers, links=links)
    atomic_write(name, text)
    return text
