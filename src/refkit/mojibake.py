"""Mojibake: UTF-8 text that was once decoded as Latin-1/Windows-1252 and saved again.

A CV exported by an old tool, or a page edited on a machine with another code page, shows
"GonzÃ¡lez" for "González" and "â€“" for "–". Read as it is, the damage is not only
cosmetic: "¡" and "€" are punctuation to the item parser, so a name breaks in two and the
title starts inside it. ``ftfy`` (a well-kept library that has studied this damage across
encodings, including the bytes Windows-1252 cannot encode) undoes it; we do not write that
by hand.

Only documents refkit extracts from are repaired (:func:`refkit.io.read_string`): a document
read, never written back. A ``.bib`` file is never touched: ``format`` and ``check`` are
lossless. Only lines that show the damage's signature are passed to ``ftfy``, so a clean
document costs one linear scan and ``ftfy`` is imported only when needed.
"""

from __future__ import annotations

import re

__all__ = ["repair"]

#: the signature of UTF-8 read as Windows-1252: a lead byte (Â-ô as a Latin-1 letter) followed
#: by a character that was a continuation byte (0x80-0xBF, shown as Latin-1 or Windows-1252)
_SIGNATURE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                        "\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
                        "\u20ac\u2122]")


def repair(text: str) -> tuple[str, int]:
    """``text`` with its mojibake undone, and the number of lines repaired (0: unchanged)."""
    if not _SIGNATURE.search(text):
        return text, 0
    from ftfy import fix_encoding

    lines = text.split("\n")
    repaired = 0
    for index, line in enumerate(lines):
        if _SIGNATURE.search(line):
            fixed = fix_encoding(line)
            if fixed != line and "\n" not in fixed:
                lines[index] = fixed
                repaired += 1
    return ("\n".join(lines), repaired) if repaired else (text, 0)
