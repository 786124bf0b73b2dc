"""``refkit format``'s engine: a pure core and a thin file layer (black's shape).

* :func:`format_source` (``str -> FormatResult``) parses, fills/renames keys,
  normalizes, optionally sorts and writes; it never raises for bad BibTeX but
  reports problems, and leaves text with parse *errors* untouched.
* :func:`format_text` (``str -> str``) is the same for library users: parse
  errors raise :class:`~refkit.errors.ParseError`.
* :func:`format_file` reads a file, formats it, and writes it back atomically
  when it changed (not with ``check``/``diff``); it returns a :class:`FileReport`
  the command turns into messages and an exit code.

Two layouts:

* **full** (the default): every block in the BibTeX writer's one layout
  (:mod:`refkit.writers.bibtex`); comments, ``@string`` and ``@preamble``
  blocks written back as they were.
* **minimal** (``minimal=True``, ``--minimal``): only entries whose content
  changes (normalization, keys; white space alone does not count) are rewritten; every other byte of the file,
  unchanged entries included, stays as it was. For adopting refkit on a large
  file without a diff on every line. Cannot be combined with ``sort``.

Both are idempotent: formatting the output again changes nothing. Line ends
follow the input (CRLF files stay CRLF); the encoding too (a UTF-16 file stays
UTF-16, a BOM stays; see :mod:`refkit.fileio`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from .errors import ConfigError, InputError, ParseError
from .model import Block, Comment, Entry, Library, Preamble, Problem, StringDef
from .options import checked

__all__ = ["FormatResult", "FileReport", "format_source", "format_text", "format_file", "sort_library", "MAX_BIB_BYTES"]

#: ``refkit format`` refuses larger files: no real bibliography comes close
MAX_BIB_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True)
class FormatResult:
    """The outcome of formatting one text."""

    text: str  # the formatted text (the input itself when it has parse errors)
    changed: bool
    renames: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def format_source(
    text: str,
    *,
    path: str | None = None,
    minimal: bool = False,
    sort: bool = False,
    keys: bool = False,
    key_pattern: str | None = None,
    field_order: Sequence[str] | None = None,
    normalize: bool = True,
) -> FormatResult:
    """Format BibTeX ``text``; see the module docstring for the options."""
    from .readers.bibtex import parse
    from .transforms.keys import DEFAULT_PATTERN, assign_keys
    from .transforms.normalize import normalize as normalize_library
    from .writers.bibtex import write, write_entry

    if minimal and sort:
        raise ConfigError("--minimal and --sort cannot be combined (sorting moves every entry)")
    crlf = "\r\n" in text and text.count("\r\n") * 2 >= text.count("\n")
    source = text.replace("\r\n", "\n") if crlf else text
    library, spans = parse(source, path=path)
    if any(p.severity == "error" for p in library.problems):
        return FormatResult(text, False, {}, list(library.problems))
    before = library.entries
    if normalize:
        library = normalize_library(library)
    library, renames = assign_keys(library, rekey=keys, pattern=key_pattern or DEFAULT_PATTERN)
    if minimal:
        order = None if field_order is None else {n.lower(): i for i, n in enumerate(field_order)}
        pieces: list[str] = []
        pos = 0
        entry_index = 0
        after = library.entries
        for block, (start, end) in zip(library.blocks, spans):
            if isinstance(block, Entry):
                old = before[entry_index]
                new = after[entry_index]
                entry_index += 1
                if _content_changed(old, new):
                    pieces.append(source[pos:start])
                    pieces.append(write_entry(new, order))
                    pos = end
        pieces.append(source[pos:])
        out = "".join(pieces)
    else:
        if sort:
            library = sort_library(library)
        out = write(library, field_order=field_order)
    if crlf:
        out = out.replace("\n", "\r\n")
    return FormatResult(out, out != text, renames, list(library.problems))


def _content_changed(old: Entry, new: Entry) -> bool:
    """The entry's content changes (see :func:`~refkit.transforms.normalize.content_changed`),
    or its month is written as text and becomes a macro."""
    from .transforms.normalize import content_changed
    from .writers.bibtex import month_macro_rewrite

    return content_changed(old, new) or month_macro_rewrite(new) is not None


@checked
def format_text(
    text: str,
    *,
    path: str | None = None,
    minimal: bool = False,
    sort: bool = False,
    keys: bool = False,
    key_pattern: str | None = None,
    field_order: Sequence[str] | None = None,
    normalize: bool = True,
) -> str:
    """Formatted BibTeX ``text``; the options are ``refkit format``'s (see
    `refkit.formatting.format_source`). Raises [ParseError][refkit.errors.ParseError]
    (path:line:col) for the first parse error."""
    result = format_source(text, path=path, minimal=minimal, sort=sort, keys=keys, key_pattern=key_pattern,
                           field_order=field_order, normalize=normalize)
    if result.errors:
        first = result.errors[0]
        loc = first.location
        more = f" (and {len(result.errors) - 1} more)" if len(result.errors) > 1 else ""
        raise ParseError(f"{first.code} {first.message}{more}", path=loc.path, line=loc.line, column=loc.column)
    return result.text


@dataclass(frozen=True)
class FileReport:
    """What happened to one file: ``status`` is ``unchanged``, ``reformatted``
    (or would be, with ``check``/``diff``) or ``error``."""

    path: str
    status: str
    renames: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    message: str = ""  # for errors that are not parse problems
    diff: str = ""
    output: str | None = None  # the formatted text (stdin input only)


def format_file(
    path: str,
    *,
    encoding: str | None = None,
    check: bool = False,
    diff: bool = False,
    follow_symlinks: bool = False,
    **options: Any,
) -> FileReport:
    """Format the file at ``path`` in place (``-``: read stdin, keep the result in
    ``FileReport.output``). A file with parse errors is never written. The file
    keeps its encoding and BOM, permissions, owner and links; a read-only file
    and a symlink out of the working tree are refused (see :mod:`refkit.fileio`)."""
    from .fileio import atomic_write, read_document
    from .textdiff import unified_diff

    try:
        if path != "-":
            p = Path(path)
            if p.is_file():
                size = p.stat().st_size
                if size > MAX_BIB_BYTES:
                    raise InputError(
                        f"file is too large for refkit format ({size:,} bytes; the limit is {MAX_BIB_BYTES:,})",
                        path=path,
                    )
        document = read_document(path, encoding=encoding, tidy=True)
        text = document.text
        if path != "-":
            _require_bibtex(path, text)
        result = format_source(text, path="<stdin>" if path == "-" else path, **options)
    except InputError as exc:
        return FileReport(path, "error", message=str(exc))
    except OSError as exc:
        return FileReport(path, "error", message=f"{path}: {exc.strerror or exc}")
    if result.errors:
        return FileReport(path, "error", result.renames, result.problems)
    patch = ""
    if diff and result.changed:
        name = path if path != "-" else "<stdin>"
        patch = unified_diff(text, result.text, f"{name}\t(original)", f"{name}\t(formatted)")
    status = "reformatted" if result.changed else "unchanged"
    if path == "-":
        return FileReport(path, status, result.renames, result.problems, diff=patch, output=result.text)
    if result.changed and not (check or diff):
        try:
            atomic_write(path, result.text, encoding=document.encoding, bom=document.bom, follow_symlinks=follow_symlinks)
        except InputError as exc:
            return FileReport(path, "error", message=str(exc))
        except OSError as exc:
            return FileReport(path, "error", message=f"{path}: cannot write: {exc.strerror or exc}")
    return FileReport(path, status, result.renames, result.problems, diff=patch)


def _require_bibtex(path: str, text: str) -> None:
    """Refuse to format what is not BibTeX: a file not named ``.bib`` must at
    least look like BibTeX (entries of known types at line starts); formatting a
    Markdown, JSON or HTML file would turn its text into ``@comment`` blocks."""
    if path.lower().endswith((".bib", ".bibtex")):
        return
    from .readers.bibtex import sniff

    if sniff(text) >= 0.9:
        return
    name = os.path.basename(path)
    stem = os.path.splitext(name)[0] or name
    raise InputError(f"not a .bib file (no BibTeX entries found); to extract entries from it, run "
                     f"`refkit convert {name} -o {stem}.bib`", path=path)


# ---- sorting ------------------------------------------------------------------------------
def sort_library(library: Library) -> Library:
    """Entries sorted by citation key (case-insensitive), safely for BibTeX:

    * ``@string`` and ``@preamble`` blocks move before the first entry (in their
      order), so every macro is still defined before it is used;
    * a comment travels with the entry that follows it (a comment opening the
      file stays first, comments after the last entry stay last);
    * entries that other entries ``crossref`` come after all others (BibTeX
      needs them last), sorted among themselves.
    """
    blocks = library.blocks
    first = next((i for i, b in enumerate(blocks) if isinstance(b, Entry)), None)
    if first is None:
        return library
    # a comment opening the file stays on top; other comments travel with the
    # entry they precede
    head: list[Block] = [blocks[0]] if isinstance(blocks[0], Comment) else []
    groups: list[tuple[Entry, list[Block]]] = []
    pending: list[Block] = []
    for block in blocks[len(head):]:
        if isinstance(block, (StringDef, Preamble)):
            head.append(block)
        elif isinstance(block, Comment):
            pending.append(block)
        elif isinstance(block, Entry):
            groups.append((block, pending + [block]))
            pending = []
    targets = {e.fields["crossref"].strip().lower() for e, _ in groups if "crossref" in e.fields}
    groups.sort(key=lambda g: (g[0].key.lower() in targets, g[0].key.lower(), g[0].key))
    out = head + [b for _, group in groups for b in group] + pending
    return Library(blocks=out, problems=list(library.problems), source=library.source)
