"""refkit.writers.csl.style: refkit's own class lookup (citeproc.model is never
changed), renders that do not share state, a bounded style cache."""

from __future__ import annotations

import io
import json
import threading

import refkit
from refkit.readers.csljson import read as read_csl
from refkit.writers.csl import style as csl_style

ITEMS = [
    {
        "id": f"k{i}",
        "type": "article-journal",
        "author": [{"family": family, "given": "Jane Ann"}, {"family": "Doe", "given": "John"}],
        "title": f"deep learning for cats, part {i}",
        "container-title": "Journal of Things",
        "volume": "12",
        "page": "1496-1504",
        "issued": {"date-parts": [[2000 + i % 3]]},
    }
    for i, family in enumerate(["Smith", "Ålund", "van der Berg", "O'Neil", "Zhu", "Smith"])
]
STYLES = ("apa", "ieee", "modern-language-association", "chicago-author-date", "nature")


def _model_state() -> dict[str, dict[str, object]]:
    from citeproc import model, source

    out = {}
    for module in (model, source):
        for name, value in vars(module).items():
            if isinstance(value, type):
                out[f"{module.__name__}.{name}"] = dict(vars(value))
    return out


def _plain_citeproc(style_name: str) -> list[str]:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    from refkit.styles import find_style

    path = find_style(style_name).path
    style = CitationStylesStyle(path, locale="en-US", validate=False)
    bib = CitationStylesBibliography(style, CiteProcJSON(json.loads(json.dumps(ITEMS))), formatter.plain)
    bib.register(Citation([CitationItem(i["id"]) for i in ITEMS]))
    bib.sort()
    return [str(e) for e in bib.bibliography()]


def test_rendering_leaves_citeproc_model_and_plain_citeproc_output_unchanged() -> None:
    before_state = _model_state()
    before = {s: _plain_citeproc(s) for s in ("apa", "ieee")}
    for s in STYLES:
        refkit.render(read_csl(json.dumps(ITEMS)), style=s)
    assert _model_state() == before_state  # no attribute of citeproc.model/source was assigned
    assert {s: _plain_citeproc(s) for s in ("apa", "ieee")} == before


def test_refkit_elements_come_from_its_own_lookup() -> None:
    from citeproc import model
    from lxml import etree

    from refkit.writers.csl.elements import ELEMENTS

    parser = etree.XMLParser()
    parser.set_element_class_lookup(csl_style.lookup())
    root = etree.parse(io.BytesIO(b'<style xmlns="http://purl.org/net/xbiblio/csl"><bibliography><layout><text variable="title"/></layout></bibliography></style>'), parser).getroot()
    text = root.find(".//{http://purl.org/net/xbiblio/csl}text")
    assert type(text) is ELEMENTS["text"] and isinstance(text, model.Text) and type(text) is not model.Text


def test_threads_rendering_different_styles_give_the_serial_output() -> None:
    library = read_csl(json.dumps(ITEMS))
    serial = {s: str(refkit.render(library, style=s, format="html")) for s in STYLES}
    results: dict[tuple[int, str], str] = {}
    errors: list[BaseException] = []

    def work(n: int, style: str) -> None:
        try:
            for _ in range(3):
                results[(n, style)] = str(refkit.render(library, style=style, format="html"))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n, s)) for n in range(2) for s in STYLES]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert all(results[(n, s)] == serial[s] for n in range(2) for s in STYLES)


def test_the_style_cache_is_bounded(tmp_path: object, monkeypatch: object) -> None:
    from pathlib import Path

    from refkit.styles import find_style

    text = Path(find_style("apa").path).read_text(encoding="utf-8")
    csl_style.clear()
    library = read_csl(json.dumps(ITEMS[:1]))
    for i in range(csl_style.MAX_STYLES + 5):
        path = Path(str(tmp_path)) / f"s{i}.csl"
        path.write_text(text, encoding="utf-8")
        refkit.render(library, style=str(path))
    assert len(csl_style._IDLE) == csl_style.MAX_STYLES
