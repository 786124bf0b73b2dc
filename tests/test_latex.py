"""Value text <-> Unicode: readers escape with latex.escape, writers read back with to_unicode."""

import pytest

from refkit.latex import collapse_space, escape, to_unicode


@pytest.mark.parametrize("text", ["R&D at 50% for $5", r"C:\path\to", "x^2 ~ y", "a_b #1 {set}", "Schölkopf", "plain"])
def test_escape_and_to_unicode_are_an_exact_pair(text: str) -> None:
    assert to_unicode(escape(text)) == text


@pytest.mark.parametrize(
    "value, text",
    [(r"Sch\"olkopf", "Schölkopf"), (r"M{\"u}ller", "Müller"), (r"I{\~n}igo", "Iñigo"), ("{NeRF}: Neural", "NeRF: Neural"), (r"50\%", "50%")],
)
def test_latex_markup_becomes_unicode(value: str, text: str) -> None:
    assert to_unicode(value) == text


def test_escape_collapses_space_unless_asked() -> None:
    assert escape("a \n b") == "a b"
    assert escape("a \n b", keep_space=True) == "a \n b"


def test_no_break_spaces_are_kept_only_when_asked() -> None:
    # a tie (``~`` or U+00A0) is a character the author chose; layout white space is not
    assert to_unicode("Fig.~3 and\u00a0 more \n text", keep_ties=True) == "Fig.\u00a03 and\u00a0 more text"
    assert to_unicode("Fig.\u00a03  x") == "Fig. 3 x"
    assert collapse_space(" \u202fa \t b ", keep_ties=True) == "\u202fa b"


@pytest.mark.parametrize(
    "text, value",
    [
        (r"Search for $H \to \tau^+\tau^-$ decays", r"Search for $H \to \tau^+\tau^-$ decays"),
        (r"Sorting in \(O(n \log n)\) time", r"Sorting in $O(n \log n)$ time"),
        ("Raising $5 million and $10 more", r"Raising \$5 million and \$10 more"),
    ],
)
def test_escape_keeps_page_math_as_math_when_asked(text: str, value: str) -> None:
    assert escape(text, math=True) == value
    assert "textbackslash" in escape(text) or "\\$" in escape(text)  # the default stays character by character


def test_to_unicode_shows_math_as_unicode_or_as_written() -> None:
    assert to_unicode(r"{NeRF} for $\alpha$-blending and $x^{2}$") == "NeRF for α-blending and x²"
    # no Unicode form: the span stays TeX, braces and all, instead of a half-decoded mix
    assert to_unicode(r"Flows on $\mathbb{R}^{n}$ with {GPUs}") == r"Flows on $\mathbb{R}^{n}$ with GPUs"
    assert to_unicode(r"cost \$5, \$10") == "cost $5, $10"
