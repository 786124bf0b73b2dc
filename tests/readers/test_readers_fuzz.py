"""Every reader, fed hostile text, either returns a Library or raises a refkit error.

Property tests (hypothesis) over every format in the reader registry, so a reader
added later is fuzzed without touching this file, plus the inputs that once hung or
crashed a reader, at sizes where the linear code takes well under a second and the
old quadratic or worse code took minutes. A hang is caught by an alarm (a bound
an order of magnitude above the linear time, never a speed assertion). The longer
campaign is ``python benchmarks/fuzz_readers.py``.
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import refkit
from refkit.errors import InternalError, RefkitError
from refkit.readers import READERS

FORMATS = sorted(READERS)

#: pieces of every markup refkit reads: fuzzing glues them to random text
FRAGMENTS = [
    # BibTeX
    "@article{", "@comment{", "@string{a = ", "@preamble{", "key,", "title = {", "author = ", '"', "}", "{", "#", "%",
    "\\'e", "{\\\"o}", "month = jan,", "@", "(", ")", "=", ",\n",
    # CSL-JSON
    '[{"id": "a", "type": "article-journal", "title": ', '"author": [{"family": "Doe", "given": "J"}]', "[", "]",
    '{"date-parts": [[2020, 1]]}', "null", "1e999", '"\\u0000"',
    # HTML
    "<html><body>", "<ul>", "<li>", "</li>", "<ol>", "<dl><dd>", "<table><tr><td>", "<br>", "<p>", "<div class=\"title\">",
    "<a href=\"https://doi.org/10.1000/x\">", "</a>", "<b>", "<em>", "<script>", "<!--", "-->", "&amp;", "&infin;", "&#x0;",
    "<h2>Publications</h2>", "<pre>@article{x,", "<meta name=\"citation_title\" content=\"",
    # Markdown / reST / text
    "# Publications\n", "## 2020\n", "- ", "* ", "1. ", "[1] ", "**", "*", "_", "`", "[", "](https://arxiv.org/abs/2101.00001)",
    "<https://x.org>", "| a | b |\n", "|---|---|\n", "> ", "    ", "\n\n", "\n", "...", "…", "et al.", "et al", " and ",
    "Publications\n============\n", ".. _a: http://x\n", "`a <http://x>`__", "| line block\n", ":Authors: ",
    # LaTeX
    "\\begin{itemize}", "\\item ", "\\end{itemize}", "\\bibitem{a}", "\\begin{thebibliography}{9}", "\\textbf{", "\\emph{",
    "\\href{http://x}{", "\\url{", "\\newcommand{\\a}{", "\\def\\a{\\a\\a}", "\\cvitem{", "~", "--", "\\ldots", "$x^2$", "\\\\",
    # Org / AsciiDoc
    "#+TITLE: ", "#+begin_quote\n", "#+end_quote\n", ":PROPERTIES:\n", ":END:\n", "[[https://doi.org/10.1000/x][", "]]",
    "** ", "/", "=", "~", "+", "@@html:", "@@", "\\nbsp", "= Title\n", "== Section\n", "link:https://x.org[", "////\n",
    ":attr: value\n", "{attr}", ". ", "+\n", "----\n", "ifdef::x[]\n", "include::a.adoc[]\n",
    # Typst
    "#let a = ", "#let f(x) = [*#x*]", "#f(", "#strong[", "#link(\"https://x.org\")[", "#set text(", "#show: ",
    "#cvEntry(title: [", "..a", "#enum(", "/ Term: ", "#bibliography(\"refs.bib\")", "/*", "*/", "```", "#{", "\\u{",
    # citation text
    "Doe, J.", "J. Doe", "Smith, A. B., & Lee, K.", "(2020)", "2019.", "A study of things.", "Journal of Tests", "vol. 3",
    "pp. 1-10", "doi:10.1000/xyz", "arXiv:2101.00001", "hep-th/9901001", "In Proc. CVPR", "*", "†", "#", "CCF-A", "IF: 3.9",
    "Submitted to", "(in press)", "Jr.", "van der", "张三、李四", "ÅÉÎ", "\u200b", "\ufeff", "\x00", "\r\n", "\t",
]

_ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cs",))
_PIECES = st.one_of(st.sampled_from(FRAGMENTS), st.text(_ALPHABET, max_size=12))
DOCUMENTS = st.lists(_PIECES, max_size=60).map("".join)


class Hang(Exception):
    """A reader ran past the bound given to it."""


@contextmanager
def bounded(seconds: int) -> Iterator[None]:
    """Raise :class:`Hang` if the block runs longer than ``seconds`` (CPU-bound code included)."""

    def _alarm(signum: int, frame: object) -> None:
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def read_or_refuse(text: str, fmt: str | None) -> refkit.Library | None:
    """The reader's result, or None when it refused the input with a refkit error."""
    try:
        return refkit.read_string(text, format=fmt, path="fuzz.txt")
    except InternalError:
        raise  # a reader bug, wrapped: still a failure here
    except RefkitError:
        return None


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(text=DOCUMENTS)
def test_reader_returns_a_library_or_a_refkit_error(fmt: str, text: str) -> None:
    with bounded(20):
        read_or_refuse(text, fmt)


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(text=DOCUMENTS)
def test_sniffed_reading_returns_a_library_or_a_refkit_error(text: str) -> None:
    with bounded(20):
        read_or_refuse(text, None)


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(text=DOCUMENTS)
def test_extracted_entries_write_back_as_valid_bibtex(text: str) -> None:
    """Whatever a reader extracts, the BibTeX writer turns into a file the BibTeX reader reads without errors."""
    with bounded(20):
        library = read_or_refuse(text, None)
        if library is None or not library.entries:
            return
        written = refkit.write_string(library, "bibtex")
        again = refkit.read_string(written, format="bibtex")
    assert [p for p in again.problems if p.severity == "error"] == []
    assert len(again.entries) == len(library.entries)


#: (format, make(size)): inputs that once took minutes or crashed, built at about ``size`` characters
PATHOLOGICAL: list[tuple[str, Callable[[int], str]]] = [
    ("text", lambda n: "- 2020" + " " * n + "Doe, J. A title. Journal.\n"),  # author separators: cubic
    ("text", lambda n: "- Doe, J. A title" + " " * n + "x. Journal. 2020\n"),  # item breaks: quadratic
    ("text", lambda n: "\\begin{itemize}\n\\item " + "~" * n + "Doe, J. A title. Journal, 2020.\n\\end{itemize}\n"),
    ("text", lambda n: "[" * (n // 2) + "]" * (n // 2)),
    ("bibtex", lambda n: "\n@comment{" * (n // 10)),  # unclosed comments: quadratic
    ("csljson", lambda n: "[" * (n // 2) + "]" * (n // 2)),  # nesting: RecursionError
    ("csljson", lambda n: "[" + ",\n".join('{"id": "a%d", "type": "book", "title": "t"}' % i for i in range(n // 44)) + "]"),
    ("html", lambda n: "<html><body>" + "<dl><dd>Doe, J. A title. 2020. " * (n // 32)),
    ("latex", lambda n: "\\cvitem{" * (n // 8) + "a"),  # unclosed macro arguments: exponential in pylatexenc
    ("latex", lambda n: "\\cvitem[" * (n // 8) + "a"),
    ("latex", lambda n: "\\cvitem{\\begin{x}" * (n // 24) + "a" + "}" * (n // 24)),  # open environments in arguments
    ("html", lambda n: "<script>var b = " + "'\"`x" * (n // 4) + " '@article{a, title={T}}'</script>"),  # JS strings
    ("markdown", lambda n: ("](x){a=\"" + "[@" + "[x]{.a " + ":::\n") * (n // 20)),  # Pandoc attributes, citations
    ("org", lambda n: ("[[" + "*a " + "@@html:" + "\\(" + "/a/ ") * (n // 17)),  # unclosed delimiters
    ("org", lambda n: ("#+begin_quote\n" + ":DRAWER:\n") * (n // 23)),  # unclosed blocks and drawers
    ("org", lambda n: "".join("  " * (i % 100) + "- x\n" for i in range(n // 100))),  # lists nested deep
    ("markdown", lambda n: "# a" + " " * n + "b\n"),  # the old Markdown heading pattern: quadratic
    ("markdown", lambda n: "- " * (n // 2) + "x\n"),  # nested lists
    ("latex", lambda n: "\\newcommand{\\a}{\\a\\a}\n" + "\\item \\a\n" * (n // 8)),  # unbounded recursion, many calls
    ("latex", lambda n: "\\def\\a{xxxxxxxxxx}\\def\\b{" + "\\a" * 10 + "}\\def\\c{" + "\\b" * 10 + "}" + "\\item \\c\n" * (n // 8)),
    ("latex", lambda n: "{" * (n // 2) + "}" * (n // 2)),  # nesting past the parser's recursion
    ("rst", lambda n: "* " * (n // 2) + "x\n"),  # nested bullets
    ("asciidoc", lambda n: ("link:x[" + "*a " + "__" + "<<" + "[[" + "\"`" + "footnote:[" + "_a_ ") * (n // 30)),
    ("asciidoc", lambda n: ("----\n" + "|===\n" + "* a\n+\n" + "term:: x\n" + ":a: {a}{a}\n") * (n // 40)),
    ("typst", lambda n: ("#f(" + "[" + "*a " + "_b " + "/*" + '"' + "#{" + "$" + "`") * (n // 17)),  # unclosed openers
    ("typst", lambda n: "#box[" * (n // 10) + "x" + "]" * (n // 10)),  # nesting past the bound
    ("typst", lambda n: "#let a0 = [xxxxxxxx]\n" + "".join(f"#let a{k + 1} = [#a{k} #a{k}]\n" for k in range(30))
     + "#a30\n" * (n // 6)),  # bindings that double: the expansion budget
]
#: the size the suite reads them at: instant for linear code, minutes for the old code
SUITE_SIZE = 65_536

#: tiny inputs that once crashed a reader with a traceback
CRASHERS = [("text", '"'), ("text", "<div>\na"), ("text", "[1]\n-"), ("latex", "\\cvitem\\href{p")]


@pytest.mark.parametrize("fmt, make", PATHOLOGICAL, ids=[f"{fmt}-{i}" for i, (fmt, _) in enumerate(PATHOLOGICAL)])
def test_pathological_input_is_read_in_bounded_time(fmt: str, make: Callable[[int], str]) -> None:
    with bounded(30):
        read_or_refuse(make(SUITE_SIZE), fmt)


@pytest.mark.parametrize("fmt, text", CRASHERS)
def test_input_that_once_crashed_is_read(fmt: str, text: str) -> None:
    assert read_or_refuse(text, fmt) is not None


def test_too_deep_csl_json_is_a_parse_error_with_a_location() -> None:
    with pytest.raises(RefkitError, match=r"refs\.json:1: .*nested too deeply"):
        refkit.read_string("[" * 100_000 + "]" * 100_000, format="csljson", path="refs.json")
