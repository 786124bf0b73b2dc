"""Sort keys for CSL ``cs:sort``: collation instead of code points."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

__all__ = ["collate"]


_DIGITS = re.compile(r"[0-9]+")


def _padded(m: re.Match[str]) -> str:
    """A run of digits as a fixed-width number, so that text order is numeric order."""
    digits = m.group().lstrip("0") or "0"
    return digits.rjust(20, "0") if len(digits) <= 20 else digits


def collate(value: Any) -> str:
    """A sort key close to the Unicode Collation Algorithm's primary level as
    citeproc-js applies it (``localeCompare`` with base sensitivity, numeric):
    accents and case ignored (Bäck sorts with Back, before Butov), markup
    ignored, numbers inside compared as numbers ("vol. 6" before "vol. 13")."""
    text = " ".join(re.sub(r"<[^>]+>", "", str(value)).split())
    if any(c.isdigit() for c in text):
        text = _DIGITS.sub(_padded, text)
    decomposed = unicodedata.normalize("NFKD", text)
    out = []
    for c in decomposed:
        if unicodedata.combining(c):
            continue
        if c.isalnum():
            out.append(c.casefold())
        elif c.isspace():
            out.append("\x01")  # spaces first, then punctuation, then digits and letters
        else:
            continue  # punctuation is ignored (O’Keeffe sorts as OKeeffe)
    return "".join(out)
