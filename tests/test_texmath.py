"""Inline TeX math in titles (refkit.texmath): found in page text without taking dollar
amounts for math, and shown as Unicode only where all of it has a Unicode form."""

from __future__ import annotations

import pytest

from refkit import texmath


def shown(text: str) -> list[str]:
    return [text[start:end] for start, end, _ in texmath.spans(text)]


@pytest.mark.parametrize(
    "text, math",
    [
        (r"Decays $Z\to \mu^+\mu^-$ at high mass", [r"$Z\to \mu^+\mu^-$"]),
        (r"with blanks as bibtex2html writes them: $ m_t \approx 173 \,\mathrm{GeV} $", [r"$ m_t \approx 173 \,\mathrm{GeV} $"]),
        ("Counting $q$-colorings of $SO(3)$ bundles", ["$q$", "$SO(3)$"]),
        (r"MathJax delimiters: \(\lambda x. x\) and \(f(x)\)", [r"\(\lambda x. x\)", r"\(f(x)\)"]),
        ("A grant of $5 million and $10 more", []),
        ("tickets at $3-$4 each", []),
        ("prices US$20 and CA$25", []),
        ("an unclosed $x^2 and nothing else", []),
        (r"escaped \$a\$ stays text", []),
        ("$x$ then 50% off $", ["$x$"]),
        ("comment inside $a % b^2$ is not math", []),
        ("unbalanced $a^{b$ is not math", []),
    ],
)
def test_spans_are_math_and_never_money(text: str, math: list[str]) -> None:
    assert shown(text) == math


def test_a_long_run_of_dollars_is_read_in_linear_time() -> None:
    text = "$ 1 " * 20000 + "$x^2$"
    assert shown(text)[-1] == "$x^2$"


@pytest.mark.parametrize(
    "tex, text",
    [
        (r"H\rightarrow W^+W^-", "H→W⁺W⁻"),
        (r"\alpha", "α"),
        (r"O(n \log n)", "O(n log n)"),
        (r"x^{10} + y_{i}", "x¹⁰ + yᵢ"),
        (r"\mathrm{TeV}^{-1}", "TeV⁻¹"),
        (r"\Lambda\mathrm{CDM}", "ΛCDM"),
    ],
)
def test_math_with_a_unicode_form_reads_as_text(tex: str, text: str) -> None:
    assert texmath.to_unicode(tex) == text


@pytest.mark.parametrize("tex", [r"\sla p_T", "M_H", r"\mathbb{R}^n", r"\frac{a}{b}", r"ZZ^\star", "x^{"])
def test_math_without_a_unicode_form_is_none(tex: str) -> None:
    # the caller keeps the TeX as written instead of a half-converted mix
    assert texmath.to_unicode(tex) is None


def test_value_spans_pair_unescaped_dollars() -> None:
    assert [t for _, _, t in texmath.value_spans(r"cost \$5 for $a_1$ and $\beta$")] == ["a_1", r"\beta"]
