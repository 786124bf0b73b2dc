"""TeX math inside titles: finding it in page text and showing it as Unicode.

Pages rendered with MathJax or KaTeX, bibtex2html output and Markdown keep inline
math as TeX source in their text: "Search for $H\\rightarrow W^+W^-$ decays",
"\\(O(n \\log n)\\) sorting". A reader that escaped that text character by
character would write ``\\$H \\textbackslash{}rightarrow …`` to a ``.bib`` file,
which nobody can read and LaTeX typesets as gibberish. Two jobs live here:

* :func:`spans` finds the spans of plain text that are clearly math, so
  :func:`refkit.latex.escape` (``math=True``) writes them as ``$…$`` math. A
  dollar amount ("$5 million and $10") is never one: a ``$`` span must either
  hold TeX (a command, ``^``, ``_`` or a brace group) or be tight like
  ``$k$``/``$SU(N)$`` (no blank inside its ends, not followed by a digit).
* :func:`to_unicode` shows the TeX of one math span as Unicode text when every
  part of it has a Unicode form (``H\\rightarrow W^+W^-`` -> ``H→W⁺W⁻``,
  ``\\alpha`` -> ``α``); otherwise it returns None and the caller keeps the TeX as
  written (``$\\sla p_T$``), which is what a reader of the page's source sees and
  loses nothing.

Every scan is linear: each candidate delimiter looks ahead at most
:data:`MAX_SPAN` characters.
"""

from __future__ import annotations

import re

__all__ = ["MAX_SPAN", "spans", "to_unicode", "value_spans"]

#: the longest inline math span looked for (characters between the delimiters)
MAX_SPAN = 300

_DELIMITER = re.compile(r"\$|\\\(")
#: TeX in a span: a control word, a super- or subscript, a brace group
_TEX = re.compile(r"\\[A-Za-z]|[\^_{]")
_LETTER = re.compile(r"[^\W\d_]")


def spans(text: str) -> list[tuple[int, int, str]]:
    """The inline math spans of plain ``text``: ``(start, end, tex)`` with ``text[start:end]``
    the span with its delimiters (``$…$`` or ``\\(…\\)``) and ``tex`` what is between them.

    A ``$`` pair is math when what it holds is TeX (``$H\\rightarrow W^+W^-$``, even
    with blanks inside its ends as bibtex2html writes it) or is tight: no blank
    after the opening or before the closing ``$``, a letter inside, no digit first
    and none right after (``$k$-colorings``, ``$SU(N)$``). ``\\(…\\)`` is always math.
    Either must sit on one line, have balanced braces and no ``%``, ``#`` or bare
    ``&`` (they would end or break the math in LaTeX)."""
    if "$" not in text and "\\(" not in text:
        return []
    out: list[tuple[int, int, str]] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = _DELIMITER.search(text, pos)
        if m is None:
            break
        start = m.start()
        if start and text[start - 1] == "\\":
            pos = start + 1  # an escaped "\$" (or "\\(") is no delimiter
            continue
        if m.group(0) == "$":
            close = text.find("$", start + 1, start + 2 + MAX_SPAN)
            tex = text[start + 1:close] if close > 0 else ""
            end = close + 1
            ok = close > 0 and text[close - 1] != "\\" and _dollar_math(tex, text[end:end + 1])
        else:
            close = text.find("\\)", start + 2, start + 4 + MAX_SPAN)
            tex = text[start + 2:close] if close > 0 else ""
            end = close + 2
            ok = close > 0 and "$" not in tex and bool(tex.strip())
        if ok and _well_formed(tex):
            out.append((start, end, tex))
            pos = end
        else:
            pos = start + 1
    return out


def _dollar_math(tex: str, after: str) -> bool:
    if not tex.strip() or "\n" in tex:
        return False
    if _TEX.search(tex):
        return True
    return (not tex[0].isspace() and not tex[-1].isspace() and not tex[0].isdigit()
            and not after.isdigit() and len(tex) <= 40 and _LETTER.search(tex) is not None)


def _well_formed(tex: str) -> bool:
    if "\n" in tex:
        return False
    depth = 0
    prev = ""
    for ch in tex:
        if prev != "\\":
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
                if depth < 0:
                    return False
            elif ch in "%#&":
                return False
        prev = ch if prev != "\\" else ""
    return depth == 0


def value_spans(value: str) -> list[tuple[int, int, str]]:
    """The ``$…$`` math spans of a BibTeX value: every unescaped pair of ``$`` on
    one line (in a ``.bib`` value that is what math is; no judging needed)."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    while True:
        start = value.find("$", pos)
        if start < 0:
            break
        if start and value[start - 1] == "\\":
            pos = start + 1
            continue
        close = start + 1
        while True:
            close = value.find("$", close)
            if close < 0 or value[close - 1] != "\\":
                break
            close += 1
        if close < 0:
            break
        tex = value[start + 1:close]
        if tex and "\n" not in tex:
            out.append((start, close + 1, tex))
            pos = close + 1
        else:
            pos = start + 1
    return out


# ---- TeX math -> Unicode -------------------------------------------------------------

_GREEK = (
    "alpha α beta β gamma γ delta δ epsilon ϵ varepsilon ε zeta ζ eta η theta θ vartheta ϑ iota ι kappa κ "
    "lambda λ mu μ nu ν xi ξ pi π varpi ϖ rho ρ varrho ϱ sigma σ varsigma ς tau τ upsilon υ phi ϕ varphi φ "
    "chi χ psi ψ omega ω Gamma Γ Delta Δ Theta Θ Lambda Λ Xi Ξ Pi Π Sigma Σ Upsilon Υ Phi Φ Psi Ψ Omega Ω"
)
_SYMBOLS = (
    "to → rightarrow → leftarrow ← gets ← Rightarrow ⇒ Leftarrow ⇐ leftrightarrow ↔ Leftrightarrow ⇔ "
    "longrightarrow ⟶ mapsto ↦ uparrow ↑ downarrow ↓ infty ∞ pm ± mp ∓ times × cdot · div ÷ leq ≤ le ≤ geq ≥ "
    "ge ≥ neq ≠ ne ≠ approx ≈ sim ∼ simeq ≃ cong ≅ equiv ≡ propto ∝ ll ≪ gg ≫ partial ∂ nabla ∇ in ∈ notin ∉ "
    "ni ∋ subset ⊂ subseteq ⊆ supset ⊃ supseteq ⊇ cup ∪ cap ∩ setminus ∖ emptyset ∅ varnothing ∅ forall ∀ "
    "exists ∃ neg ¬ wedge ∧ land ∧ vee ∨ lor ∨ oplus ⊕ otimes ⊗ ell ℓ hbar ℏ star ⋆ ast ∗ circ ∘ bullet • "
    "prime ′ ldots … dots … cdots ⋯ sum ∑ prod ∏ int ∫ oint ∮ langle ⟨ rangle ⟩ dagger † perp ⊥ parallel ∥ "
    "mid ∣ aleph ℵ Re ℜ Im ℑ wp ℘ top ⊤ bot ⊥ vdash ⊢ models ⊨ triangle △ angle ∠ degree °"
)
_TABLE: dict[str, str] = {}
for _words in (_GREEK, _SYMBOLS):
    _parts = _words.split()
    _TABLE.update(zip(_parts[::2], _parts[1::2]))
#: operator names written upright, kept as words ("O(n \log n)" -> "O(n log n)")
_OPERATORS = frozenset(
    "log ln lg exp sin cos tan cot sec csc sinh cosh tanh arcsin arccos arctan min max sup inf lim liminf "
    "limsup det dim ker deg gcd lcm arg hom Pr mod bmod".split()
)
#: commands whose one argument is shown as it is written (fonts that keep the letters)
_TEXT_ARGUMENT = frozenset("mathrm text textrm textit textbf mathit mathbf mathsf mathtt operatorname boldsymbol bm".split())
_SPACES = {",": " ", ";": " ", ":": " ", "!": "", " ": " ", "quad": " ", "qquad": " "}
_ESCAPED = {"{": "{", "}": "}", "%": "%", "&": "&", "#": "#", "$": "$", "_": "_"}
_SUPER = dict(zip("0123456789+-=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ"))
_SUPER.update({"′": "′", "*": "*", "\u2032": "\u2032"})
_SUB = dict(zip("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ"))
_PLAIN = frozenset("+-=()[]<>/|,.;:!'*?")
_WORD = re.compile(r"[A-Za-z]+")


class _NoUnicode(Exception):
    """A part of the math has no Unicode form: the TeX is kept as written."""


def to_unicode(tex: str) -> str | None:
    """The Unicode text for the TeX of one inline math span, or None when some part of
    it (an unknown command, a subscript letter Unicode lacks) has no Unicode form."""
    if len(tex) > MAX_SPAN:
        return None
    try:
        text = _render(tex)
    except _NoUnicode:
        return None
    return " ".join(text.split())


def _render(tex: str) -> str:
    out: list[str] = []
    i, n = 0, len(tex)
    while i < n:
        ch = tex[i]
        if ch == "\\":
            name, i = _command(tex, i)
            if name in _TEXT_ARGUMENT:
                arg, i = _argument(tex, i)
                out.append(_render(arg))
            elif name in _OPERATORS:
                out.append(name)
            else:
                out.append(_symbol(name))
                if name.isalpha():
                    while i < n and tex[i] == " ":
                        i += 1  # the blank after a control word only ends its name
        elif ch in "^_":
            arg, i = _argument(tex, i + 1)
            table = _SUPER if ch == "^" else _SUB
            shown = _render(arg)
            if not shown or any(c not in table for c in shown):
                raise _NoUnicode
            out.append("".join(table[c] for c in shown))
        elif ch == "{":
            arg, i = _argument(tex, i)
            out.append(_render(arg))
        elif ch.isalnum() or ch.isspace() or ch in _PLAIN or (ord(ch) > 127 and ch.isprintable()):
            out.append(ch)
            i += 1
        else:
            raise _NoUnicode
    return "".join(out)


def _command(tex: str, i: int) -> tuple[str, int]:
    m = _WORD.match(tex, i + 1)
    if m:
        return m.group(0), m.end()
    if i + 1 < len(tex):
        return tex[i + 1], i + 2
    raise _NoUnicode


def _symbol(name: str) -> str:
    if name in _TABLE:
        return _TABLE[name]
    if name in _SPACES:
        return _SPACES[name]
    if name in _ESCAPED:
        return _ESCAPED[name]
    raise _NoUnicode


def _argument(tex: str, i: int) -> tuple[str, int]:
    """One argument from ``i``: a brace group (its inside), a command or one character."""
    n = len(tex)
    while i < n and tex[i] == " ":
        i += 1
    if i >= n:
        raise _NoUnicode
    if tex[i] == "{":
        depth = 0
        for j in range(i, n):
            if tex[j] == "{" and (j == 0 or tex[j - 1] != "\\"):
                depth += 1
            elif tex[j] == "}" and tex[j - 1] != "\\":
                depth -= 1
                if depth == 0:
                    return tex[i + 1:j], j + 1
        raise _NoUnicode
    if tex[i] == "\\":
        _, end = _command(tex, i)
        return tex[i:end], end
    return tex[i], i + 1
