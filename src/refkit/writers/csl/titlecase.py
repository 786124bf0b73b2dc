"""CSL title case (``text-case="title"``), as the specification and citeproc-js
apply it: lower-case words are capitalized except stop words (unless first,
last, or after a colon); words with capitals and all-caps strings are kept;
parts after hyphens, dashes, slashes and opening brackets count as words."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["title_case"]

#: lower-case words title case leaves alone (CSL's list plus the one-word
#: prepositions and particles citeproc-js also keeps: "Journal de Physique")
_STOP_WORDS = frozenset(
    "a an and as at but by down for from in into nor of on onto or over so the till to up via with yet "
    "about across after against al along amid among amongst apud around atop before behind below beneath "
    "beside besides between beyond ca circa d' de despite during et except given "
    "inside lest like near next off out per plus pro qua sans since than through throughout toward towards "
    "under underneath until unto upon van versus via vis-à-vis von vs within without y".split()
)
_TOKEN = re.compile(r"(?<![\w'’\\])([^\W\d_]+(?:['’][^\W\d_]+)*)")


def title_case(text: Any, NoCase: Any, MixedString: Any) -> Any:
    segments = list(text) if isinstance(text, MixedString) else [text]
    plain = "".join(str(s) for s in segments if not isinstance(s, NoCase))
    if plain and plain.upper() == plain:
        return text  # an all-caps string is left as it is
    out = []
    state: dict[str, bool] = {"first": True, "last_segment": True}

    def one(segment: str) -> str:
        def repl(m: re.Match[str]) -> str:
            word = m.group(1)
            before = segment[: m.start()].rstrip()
            first = state["first"] and not before or (before[-1:] in (":", "?", "!", "—") if before else state["first"])
            state["first"] = False
            if word.lower() != word:
                return word
            last = not _TOKEN.search(segment, m.end()) and state["last_segment"]
            if not first:
                if len(word) == 1:
                    return word  # "Physica Status Solidi (b)", "Part i", "e-Dominance"
                if re.match(r"[dl]['’]", word):
                    return word  # elided French articles: "d’interprétation", "l’argent"
                if word in _STOP_WORDS and not last and segment[m.end() : m.end() + 1] != "-":
                    return word  # (before a hyphen a stop word is capitalized, as citeproc-js does: "Near-Surface")  # a stop word ending the title is capitalized ("Series On")
            return word[:1].upper() + word[1:]

        return _TOKEN.sub(repl, segment)

    plain_segments = [i for i, seg in enumerate(segments) if not isinstance(seg, NoCase)]
    for i, seg in enumerate(segments):
        state["last_segment"] = bool(plain_segments) and i == plain_segments[-1]
        if isinstance(seg, NoCase):
            out.append(seg)
            if str(seg).strip():
                state["first"] = False
            continue
        out.append(type(seg)(one(str(seg))) if isinstance(seg, str) else seg)
    return MixedString(out) if isinstance(text, MixedString) else out[0]
