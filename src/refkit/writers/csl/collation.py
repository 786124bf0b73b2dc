"""Sort keys for CSL ``cs:sort``: collation instead of code points."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

__all__ = ["collate"]


def collate(value: Any) -> str:
    """A sort key close to the Unicode Collation Algorithm's primary level as
    citeproc-js applies it: accents and case ignored first (Bäck sorts with
    Back, before Butov), markup ignored."""
    text = " ".join(re.sub(r"<[^>]+>", "", str(value)).split())
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
