"""Public functions take typed keyword options; an unknown one is a refkit error
naming the valid ones (as unknown configuration keys are), never ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

import refkit
from refkit.errors import ConfigError, OptionError

BIB = "@article{doe2020, author = {Doe, Jane}, title = {A Study}, journal = {J}, year = 2020, doi = {10.1000/x}}\n"


@pytest.fixture()
def bib(tmp_path: Path) -> Path:
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    return path


@pytest.mark.parametrize("call, unknown, suggestion", [
    (lambda p: refkit.read(p, encodng="utf-8"), "encodng", "encoding"),
    (lambda p: refkit.read_string(BIB, fromat="bibtex"), "fromat", "format"),
    (lambda p: refkit.extract(p, strict=True), "strict", None),
    (lambda p: refkit.write(refkit.read(p), p.with_suffix(".md"), stlye="apa"), "stlye", "style"),
    (lambda p: refkit.normalize(refkit.read(p), title=False), "title", "titles"),
    (lambda p: refkit.format_text(BIB, sorted=True), "sorted", "sort"),
    (lambda p: refkit.enrich(refkit.read(p), ofline=True), "ofline", "offline"),
])
def test_an_unknown_option_names_the_valid_ones(bib: Path, call: object, unknown: str, suggestion: str | None) -> None:
    with pytest.raises(OptionError) as info:
        call(bib)  # type: ignore[operator]
    message = str(info.value)
    assert f"unknown option {unknown!r}" in message and "valid options: " in message
    if suggestion:
        assert f"did you mean {suggestion!r}?" in message
    assert isinstance(info.value, ConfigError) and isinstance(info.value, TypeError)


def test_an_option_of_another_output_format_is_an_error(bib: Path) -> None:
    library = refkit.read(bib)
    with pytest.raises(OptionError, match="option 'indent' does not apply to bibtex output; valid options for "
                                          "bibtex: field_order"):
        refkit.write_string(library, "bibtex", indent=2)
    assert refkit.write_string(library, "csljson", indent=0).startswith("[\n{")
    assert "Doe, J. (2020). A Study" in refkit.write_string(library, "markdown", style="apa", links=False)
    ordered = refkit.write_string(library, "bibtex", field_order=["year"])
    assert ordered.index("year") < ordered.index("author")


def test_strict_reading_raises_on_the_first_syntax_error() -> None:
    text = "@article{a, title = {x\n"
    assert refkit.read_string(text, format="bibtex").problems
    with pytest.raises(refkit.ParseError):
        refkit.read_string(text, format="bibtex", strict=True)


def test_enrich_offline_needs_no_http_config(bib: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Offline: answers from the cache only; with an empty cache nothing changes
    and no request is made (the servers are unreachable on purpose)."""
    monkeypatch.setenv("REFKIT_CACHE_DIR", str(tmp_path / "cache"))
    for var in ("REFKIT_DOI_URL", "REFKIT_CROSSREF_URL", "REFKIT_ARXIV_URL"):
        monkeypatch.setenv(var, "http://127.0.0.1:9")  # the discard port: nothing answers
    library = refkit.read(bib)
    result = refkit.enrich(library, offline=True)
    assert result.entries[0].fields == library.entries[0].fields
