"""The search forms of the citation reader's hot patterns, written to open with the character
a match starts with (so ``re`` skips to candidates), find exactly what their plain forms find."""

import random
import re

from refkit.dates import PUBLICATION_YEAR
from refkit.extraction.citation.cleaning import _STATUS_STEM, _STATUS_STEMS, _prefix_tree
from refkit.extraction.citation.vocabulary import _YEAR, _YEAR_RE
from refkit.extraction.evidence import YEAR

_SAMPLES = [
    "Doe, J. (2019). Title. Journal, 12(3), 45-67.", "ICML'20", "2003.6)", "2019年3月", "发表于2019年",
    "pp. 1999-2004", "9:1991, 2007", "10.1000/x.2019", "v1.2019", "2021a", "2021ab", "1899 1800 2049 2050",
    "/2019/", "x2019", "2019x", "(2020)", "2019-05-22", "12/2019", "1:2019", "Submitted 2024.",
]


def _strings(alphabet: list[str], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return _SAMPLES + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(count)]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_year_search_pattern_finds_what_the_plain_year_pattern_finds():
    plain = re.compile(f"(?=[12])(?:{_YEAR})")
    alphabet = list("0123456789/.-:a bz年)）(\n") + ["19", "20", "2019", "1999", "中", ":19", "2003.6)"]
    for text in _strings(alphabet, 3000, 1):
        assert _spans(_YEAR_RE, text) == _spans(plain, text), text
        for k in range(len(text) + 1):
            assert bool(_YEAR_RE.match(text, k)) == bool(plain.match(text, k)), (text, k)
        assert bool(_YEAR_RE.fullmatch(text)) == bool(plain.fullmatch(text)), text


def test_evidence_year_finds_what_its_plain_form_finds():
    plain = re.compile(rf"(?=[12])(?<![\d.]){PUBLICATION_YEAR}(?!\d)")
    for text in _strings(list("0123456789.a -") + ["19", "20", "2019", "1899"], 3000, 2):
        assert YEAR.findall(text) == plain.findall(text), text


def test_status_stems_are_found_as_substrings_are():
    fragments = list(_STATUS_STEMS) + [s[:k] for s in _STATUS_STEMS for k in range(1, len(s))] + list("ab ñ")
    for text in _strings(fragments, 3000, 3):
        assert (_STATUS_STEM.search(text) is not None) == any(s in text for s in _STATUS_STEMS), text


def test_prefix_tree_matches_exactly_its_words():
    for words in (("a", "ab", "abc"), ("press", "pre", "preparation"), ("x",), ("with", "mit", "met", "med")):
        whole = re.compile(f"(?:{_prefix_tree(words)})$")
        for word in words:
            assert whole.match(word)
        for other in ("", "abd", "pr", "prep", "abcd", "wit", "me"):
            assert bool(whole.match(other)) == (other in words), (words, other)
