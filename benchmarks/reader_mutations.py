#!/usr/bin/env python3
"""Does a document read the same when its form breaks but its content stays?

    python benchmarks/reader_mutations.py                     # tuned group, 10 documents
    python benchmarks/reader_mutations.py --group check       # start and end of a piece of work only
    python benchmarks/reader_mutations.py --case 220 -v       # one dev case, per mutation
    python benchmarks/reader_mutations.py --dev /work/dev1_226/cases   # a fixed set of cases

Real inputs (the dev set's HTML, Markdown and plain-text documents, read at run time from
``../extract-dev/cases`` or ``--dev DIR``; nothing third-party is kept) are read as they are and
after each mutation that keeps their text but breaks their form the way files in the wild are
broken: closing tags dropped (``</li>``, ``</p>``, ``</td>``), stray ``</p>``/``</div>``, unclosed
``<b>``/``<i>``, no ``<html>``/``<body>``, upper-case tags, ``<br>`` lines instead of list items;
NUL and other C0 control bytes; the text re-encoded as Windows-1252, Latin-1, Mac Roman or UTF-16
(with and without a byte order mark), a UTF-8 byte order mark; CRLF and CR line ends, tab
indentation, no-break spaces. Each reading goes through ``refkit.read`` on a file, as
``refkit convert`` reads it (bytes decoded, format sniffed).

Per mutation: the documents it applies to (a Japanese page has no Windows-1252 form; a
Markdown file has no ``</li>``), the share whose extracted entries stay identical to the
unmutated reading (the BibTeX written, byte for byte), the documents read as nothing, and the
micro-F1 against gold with the official scorer's rules (``../shared/eval/score.py``) beside the
unmutated F1 of the same documents.

The documents are split by crc32 of the case name into a ``tuned`` and a ``check`` group (report
the check group at the start and end of a piece of work only); of each, the ``--docs`` smallest
inputs up to ``--max-kb`` are read (the machine is shared).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

from score_real import BESIDE, case_dirs, load_scorer  # noqa: E402

_HTML = (".html", ".htm")
_MARKDOWN = (".md", ".markdown", ".qmd", ".rmd")
_TEXT = (".txt",)
SUFFIXES = _HTML + _MARKDOWN + _TEXT

#: a mutation: (text, suffix) -> the mutated bytes, or None when it does not apply
Mutation = Callable[[str, str], "bytes | None"]


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")


def _changed(before: str, after: str) -> bytes | None:
    return _utf8(after) if after != before else None


def _html_only(fn: Callable[[str], str]) -> Mutation:
    def mutate(text: str, suffix: str) -> bytes | None:
        return _changed(text, fn(text)) if suffix in _HTML else None
    return mutate


_CLOSE = {tag: re.compile(rf"</{tag}\s*>", re.I) for tag in ("li", "p", "td")}
_LI_OPEN = re.compile(r"<li\b[^>]*>", re.I)
_ITEM_OPEN = re.compile(r"<(?:li|p)\b[^>]*>", re.I)
_SHELL = re.compile(r"</?(?:html|body)\b[^>]*>|<head\b[^>]*>.*?</head\s*>|<!doctype[^>]*>", re.I | re.S)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
_LIST = re.compile(r"<(/?)(?:ul|ol)\b[^>]*>", re.I)
_META_CHARSET = re.compile(r"<meta[^>]*charset[^>]*>|<\?xml[^>]*\?>", re.I)


def _stray_close_p(text: str) -> str:
    # a paragraph closed that was never opened, after every list item's text (dev 220's idiom)
    return _CLOSE["li"].sub("</p></li>", text) if _CLOSE["li"].search(text) else _LI_OPEN.sub(lambda m: "</p>" + m.group(0), text)


def _stray_close_div(text: str) -> str:
    return _LI_OPEN.sub(lambda m: "</div>" + m.group(0), text, count=0) if _LI_OPEN.search(text) else \
        re.sub(r"<p\b", "</div><p", text, flags=re.I)


def _unclosed(tag: str) -> Callable[[str], str]:
    def mutate(text: str) -> str:
        count = 0

        def opened(m: re.Match[str]) -> str:
            nonlocal count
            count += 1
            return m.group(0) + f"<{tag}>" if count % 3 == 1 else m.group(0)
        return _ITEM_OPEN.sub(opened, text)
    return mutate


def _upper_tags(text: str) -> str:
    return _TAG.sub(lambda m: "<" + m.group(1) + m.group(2).upper(), text)


def _br_lists(text: str) -> str:
    text = _LI_OPEN.sub("", text)
    text = _CLOSE["li"].sub("<br>", text)
    return _LIST.sub(lambda m: "</p>" if m.group(1) else "<p>", text)


def _controls(chars: str) -> Mutation:
    """The characters put at the end of every seventh line (a stray byte of an old editor)."""
    def mutate(text: str, suffix: str) -> bytes | None:
        lines = text.split("\n")
        if len(lines) < 8:
            return None
        for i in range(3, len(lines), 7):
            lines[i] = lines[i] + chars[(i // 7) % len(chars)]
        return _utf8("\n".join(lines))
    return mutate


def _encoded(codec: str, bom: bytes = b"") -> Mutation:
    def mutate(text: str, suffix: str) -> bytes | None:
        if codec not in ("utf-16-le", "utf-16-be") and text.isascii():
            return None  # the same bytes: nothing to learn
        body = _META_CHARSET.sub("", text) if suffix in _HTML else text  # a page saved again, its declaration lost
        try:
            return bom + body.encode(codec)
        except UnicodeEncodeError:
            return None
    return mutate


def _line_ends(end: str) -> Mutation:
    def mutate(text: str, suffix: str) -> bytes | None:
        return _utf8(text.replace("\r\n", "\n").replace("\n", end))
    return mutate


def _tabs(text: str, suffix: str) -> bytes | None:
    # leading indentation in fours as tabs, and the space after a list marker or a number
    out = re.sub(r"(?m)^((?:    )+)", lambda m: "\t" * (len(m.group(1)) // 4), text)
    out = re.sub(r"(?m)^(\s*(?:[-*+]|\d{1,3}[.)]|\[\d{1,3}\]))[ ](?=\S)", lambda m: m.group(1) + "\t", out)
    return _changed(text, out)


def _nbsp(text: str, suffix: str) -> bytes | None:
    # every third space between two words a no-break space (text copied from a word processor)
    count = 0

    def space(m: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return "\u00a0" if count % 3 == 0 else " "
    if suffix in _HTML:  # only in the text between tags, never inside one
        out = re.sub(r">[^<]+<", lambda m: re.sub(r"(?<=\w) (?=\w)", space, m.group(0)), text)
    else:
        out = re.sub(r"(?<=\w) (?=\w)", space, text)
    return _changed(text, out)


MUTATIONS: dict[str, Mutation] = {
    "drop </li>": _html_only(lambda t: _CLOSE["li"].sub("", t)),
    "drop </p>": _html_only(lambda t: _CLOSE["p"].sub("", t)),
    "drop </td>": _html_only(lambda t: _CLOSE["td"].sub("", t)),
    "stray </p>": _html_only(_stray_close_p),
    "stray </div>": _html_only(_stray_close_div),
    "unclosed <b>": _html_only(_unclosed("b")),
    "unclosed <i>": _html_only(_unclosed("i")),
    "no html/body": _html_only(lambda t: _SHELL.sub("", t)),
    "upper-case tags": _html_only(_upper_tags),
    "<br> for <li>": _html_only(_br_lists),
    "NUL bytes": _controls("\x00"),
    "C0 controls": _controls("\x0b\x1b\x08\x01\x7f"),
    "cp1252": _encoded("cp1252"),
    "latin-1": _encoded("latin-1"),
    "mac_roman": _encoded("mac_roman"),
    "utf-16 BOM": _encoded("utf-16-le", b"\xff\xfe"),
    "utf-16-le": _encoded("utf-16-le"),
    "utf-16-be": _encoded("utf-16-be"),
    "utf-8 BOM": lambda t, s: b"\xef\xbb\xbf" + _utf8(t),
    "CRLF": _line_ends("\r\n"),
    "CR": _line_ends("\r"),
    "tabs": _tabs,
    "no-break spaces": _nbsp,
}


@dataclass
class Row:
    docs: int = 0
    same: int = 0
    empty: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    base: list[int] = field(default_factory=lambda: [0, 0, 0])
    changed: list[str] = field(default_factory=list)


def read_bytes(data: bytes, suffix: str) -> tuple[str, list[dict] | None]:
    """The BibTeX ``refkit.read`` writes for ``data`` saved as a ``suffix`` file (empty when it
    fails), and the entries as the scorer reads them."""
    from refkit.io import read, write_string

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ("input" + suffix)
        path.write_bytes(data)
        try:
            library = read(str(path))
        except Exception as exc:  # a broken document is still input: count it as nothing read
            return f"{type(exc).__name__}: {str(exc).replace(str(path), 'FILE')}", None
        if not library.entries:
            return "", None
        bib = write_string(library, "bibtex")
        out = Path(tmp) / "out.bib"
        out.write_text(bib, encoding="utf-8")
        return bib, _SC.read_bib(out) if _SC is not None else None


_SC: ModuleType | None = None


def pick(cases: list[Path], group: str, docs: int, max_kb: float, only: str | None) -> list[tuple[Path, Path]]:
    chosen = []
    for case in cases:
        if only is not None:
            if not case.name.startswith(only):
                continue
        elif group != "all" and ("tuned", "check")[zlib.crc32(case.name.encode()) % 2] != group:
            continue
        inputs = [p for p in case.glob("input.*") if p.suffix.lower() in SUFFIXES]
        if inputs and (only is not None or inputs[0].stat().st_size <= max_kb * 1024):
            chosen.append((case, inputs[0]))
    if only is None:
        chosen.sort(key=lambda pair: (pair[1].stat().st_size, pair[0].name))
        # every format present, then the smallest: the order of the cases is by size within format
        by_format: dict[str, list[tuple[Path, Path]]] = {}
        for pair in chosen:
            by_format.setdefault(_family(pair[1].suffix.lower()), []).append(pair)
        ordered: list[tuple[Path, Path]] = []
        while any(by_format.values()) and len(ordered) < docs:
            for pairs in by_format.values():
                if pairs and len(ordered) < docs:
                    ordered.append(pairs.pop(0))
        chosen = ordered
    return chosen


def _text_of(src: Path) -> str:
    """The input's text as refkit decodes it (a Mac Roman export is mutated as its text, not
    as replacement characters), without control characters: the unmutated reading is of clean text."""
    from refkit.fileio import decode_document

    data = src.read_bytes()
    try:
        text = decode_document(data, str(src), guess=True).text
    except Exception:  # an input refkit cannot decode: its bytes as UTF-8, as well as they go
        text = data.decode("utf-8", errors="replace")
    return re.sub(r"[\x00-\x08\x0b\x0e-\x1f\x7f]", "", text)


def _family(suffix: str) -> str:
    return "html" if suffix in _HTML else "markdown" if suffix in _MARKDOWN else "text"


def main() -> int:
    global _SC
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scorer", type=Path, default=BESIDE / "shared" / "eval" / "score.py")
    ap.add_argument("--dev", type=Path, default=BESIDE / "extract-dev" / "cases")
    ap.add_argument("--group", choices=["tuned", "check", "all"], default="tuned")
    ap.add_argument("--docs", type=int, default=10, help="documents per run (default 10)")
    ap.add_argument("--max-kb", type=float, default=30.0, help="largest input read (default 30 KB)")
    ap.add_argument("--case", help="only the dev cases whose name starts so (any size)")
    ap.add_argument("--mutation", action="append", help="only these mutations (repeatable)")
    ap.add_argument("--verbose", "-v", action="store_true", help="the documents each mutation changes")
    args = ap.parse_args()
    _SC = sc = load_scorer(args.scorer)
    chosen = pick(case_dirs(args.dev), args.group, args.docs, args.max_kb, args.case)
    names = [m for m in MUTATIONS if not args.mutation or m in args.mutation]
    rows = {name: Row() for name in names}
    formats: dict[str, int] = {}
    for case, src in chosen:
        suffix = src.suffix.lower()
        formats[_family(suffix)] = formats.get(_family(suffix), 0) + 1
        gold = json.loads((case / "gold.json").read_text(encoding="utf-8"))
        text = _text_of(src)
        base_bib, base_entries = read_bytes(_utf8(text), suffix)
        base = sc.score_case(gold, base_entries or [])
        base_counts = [sum(base[k].values()) for k in ("tp", "fp", "fn")]
        for name in names:
            data = MUTATIONS[name](text, suffix)
            if data is None:
                continue
            bib, entries = read_bytes(data, suffix)
            res = sc.score_case(gold, entries or [])
            row = rows[name]
            row.docs += 1
            row.same += bib == base_bib
            row.empty += entries is None and base_entries is not None
            row.tp, row.fp, row.fn = (row.tp + sum(res["tp"].values()), row.fp + sum(res["fp"].values()),
                                      row.fn + sum(res["fn"].values()))
            row.base = [a + b for a, b in zip(row.base, base_counts)]
            if bib != base_bib:
                f1 = sc.f1(*(sum(res[k].values()) for k in ("tp", "fp", "fn")))
                row.changed.append(f"{case.name[:40]} F1 {sc.f1(*base_counts):.3f} -> {f1:.3f}"
                                   + (f" ({bib[:80]})" if entries is None and bib else ""))
    group = f"case {args.case}" if args.case else f"group {args.group}"
    print(f"{group}: {len(chosen)} documents ({', '.join(f'{v} {k}' for k, v in sorted(formats.items()))})")
    print(f"{'mutation':18} {'docs':>4} {'same':>6} {'empty':>5} {'F1':>6} {'as is':>6}")
    all_docs = all_same = 0
    for name in names:
        row = rows[name]
        if not row.docs:
            print(f"{name:18} {0:4d}      -     -      -      -")
            continue
        all_docs += row.docs
        all_same += row.same
        print(f"{name:18} {row.docs:4d} {row.same / row.docs:6.2f} {row.empty:5d} {sc.f1(row.tp, row.fp, row.fn):6.3f} "
              f"{sc.f1(*row.base):6.3f}")
        if args.verbose:
            for line in row.changed:
                print(f"    {line}")
    print(f"{'all':18} {all_docs:4d} {all_same / max(all_docs, 1):6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
