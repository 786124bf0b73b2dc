"""``\\input``, ``\\include``, ``\\subfile`` and ``\\import`` of a LaTeX document read from
disk, expanded in place before it is rendered.

A CV is often a main file that pulls its publication list in from another file
(``\\input{pubs}``, ``\\subfile{publications}``, ``\\import{sections/}{papers}``). The
included file is looked up beside the file that includes it, then beside the main
file, with ``.tex`` added when the name has no extension; a subfile's own preamble is
left out (only its ``document`` body counts, as the subfiles package does).

Bounded: at most :data:`MAX_DEPTH` levels, :data:`MAX_FILES` files and
:data:`MAX_BYTES` bytes in all, and never a file outside the main file's folder tree
(after resolving symlinks). A file that is missing, outside that tree, over a bound or
including itself is a problem at the command's ``file:line`` and the command is left
out; the rest of the document is still read. Commented-out commands are not followed.

The expanded text comes with a line map: output line ``n`` (1-based) came from
``lines[n - 1]`` = (file, line), so an entry read from an included file reports that
file and its line.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Expanded", "expand", "MAX_DEPTH", "MAX_FILES", "MAX_BYTES"]

MAX_DEPTH = 4
MAX_FILES = 64
MAX_BYTES = 16 * 1024 * 1024

# \input{f} \include{f} \subfile{f} \import{dir}{f} \subimport{dir}{f} \inputfrom{dir}{f}, or TeX's \input f
_COMMAND = re.compile(
    r"\\(import|subimport|inputfrom|subinputfrom)[ \t]*\{([^{}\n]{0,300})\}[ \t]*\{([^{}\n]{1,300})\}"
    r"|\\(input|include|subfile)(?![A-Za-z@])[ \t]*(?:\{([^{}\n]{1,300})\}|([^\s{}\\%]{1,300}))"
)
_COMMENT = re.compile(r"(?<!\\)%")
_BODY = re.compile(r"\\begin\{document\}(.*?)(?:\\end\{document\}|\Z)", re.S)


@dataclass
class Expanded:
    """The document with its includes in place, where each of its lines came from,
    and the problems met (file, line, message)."""

    text: str
    lines: list[tuple[str, int]] = field(default_factory=list)
    problems: list[tuple[str, int, str]] = field(default_factory=list)

    def origin(self, line: int | None) -> tuple[str, int] | None:
        """The (file, line) that output line ``line`` came from."""
        if line is None or not 1 <= line <= len(self.lines):
            return None
        return self.lines[line - 1]


class _Expander:
    def __init__(self, main: Path, shown: str) -> None:
        self.root = main.resolve().parent
        self.main_dir = main.parent
        self.shown = {main.resolve(): shown}  # resolved path -> the path as messages show it
        self.files = 0
        self.bytes = 0
        self.out: list[str] = []
        self.lines: list[tuple[str, int]] = []
        self.problems: list[tuple[str, int, str]] = []

    def emit(self, text: str, where: tuple[str, int]) -> None:
        self.out.append(text)
        self.lines.append(where)

    def walk(self, text: str, path: Path, stack: tuple[Path, ...]) -> None:
        name = self.shown[path]
        for number, line in enumerate(text.split("\n"), 1):
            comment = _COMMENT.search(line)
            code_end = comment.start() if comment else len(line)
            if "\\" not in line[:code_end]:
                self.emit(line, (name, number))
                continue
            rest = 0
            pending = ""
            for m in _COMMAND.finditer(line, 0, code_end):
                pending += line[rest:m.start()]
                rest = m.end()
                target = self.resolve(m, path, stack, (name, number))
                if target is None:
                    continue
                included, content = target
                if pending.strip():
                    self.emit(pending, (name, number))
                pending = ""
                self.walk(content, included, stack + (included,))
            pending += line[rest:]
            if rest == 0 or pending.strip():
                self.emit(pending, (name, number))

    def resolve(self, m: re.Match[str], path: Path, stack: tuple[Path, ...], where: tuple[str, int]) -> tuple[Path, str] | None:
        command = m.group(1) or m.group(4)
        written = (m.group(3) or m.group(5) or m.group(6) or "").strip()
        folder = (m.group(2) or "").strip()
        shown = f"\\{command}{{{folder + '}{' if folder else ''}{written}}}"
        if not written:
            return None
        if len(stack) > MAX_DEPTH:
            self.problem(where, f"{shown}: includes nested deeper than {MAX_DEPTH} levels are not followed")
            return None
        if self.files >= MAX_FILES:
            self.problem(where, f"{shown}: more than {MAX_FILES} included files; the rest are not read")
            return None
        bases = [path.parent / folder, self.main_dir / folder] if not command.startswith("sub") else [path.parent / folder]
        candidates = []
        for base in dict.fromkeys(bases):
            candidates.append(base / written)
            if not os.path.splitext(written)[1]:
                candidates.append(base / (written + ".tex"))
        found = next((c for c in candidates if c.is_file()), None)
        if found is None:
            self.problem(where, f"{shown}: no such file beside {where[0]}; its content is missing")
            return None
        resolved = found.resolve()
        if not resolved.is_relative_to(self.root):
            self.problem(where, f"{shown}: outside the folder of the input; not read")
            return None
        if resolved in stack:
            self.problem(where, f"{shown}: includes itself; not read again")
            return None
        try:
            size = resolved.stat().st_size
            if self.bytes + size > MAX_BYTES:
                self.problem(where, f"{shown}: the included files pass {MAX_BYTES // (1024 * 1024)} MB; not read")
                return None
            data = resolved.read_bytes()
        except OSError as exc:
            self.problem(where, f"{shown}: {exc.strerror or exc}; not read")
            return None
        self.files += 1
        self.bytes += len(data)
        from ..fileio import decode
        from ..errors import InputError

        try:
            content = decode(data, str(found))
        except InputError as exc:
            self.problem(where, f"{shown}: {exc}; not read")
            return None
        if "\\begin{document}" in content:  # a subfile (or a whole document): its body only
            body = _BODY.search(content)
            if body is not None:
                before = content[:body.start(1)].count("\n")
                content = "\n" * before + body.group(1)
        main_shown = next(iter(self.shown.values()))
        self.shown.setdefault(resolved, os.path.normpath(os.path.join(os.path.dirname(main_shown), resolved.relative_to(self.root))))
        return resolved, content

    def problem(self, where: tuple[str, int], message: str) -> None:
        self.problems.append((where[0], where[1], message))


def expand(text: str, path: str) -> Expanded:
    """``text`` (the content of the file at ``path``) with its includes expanded; see
    the module docstring for the bounds."""
    main = Path(path)
    expander = _Expander(main, path)
    expander.walk(text, main.resolve(), (main.resolve(),))
    return Expanded("\n".join(expander.out), expander.lines, expander.problems)
