"""refkit.writers.csl.labels: the citation-label trigraph, and labelled
styles printing it with the year suffix that tells equal labels apart."""

from __future__ import annotations

import json
from pathlib import Path

import refkit
from refkit.readers.csljson import read as read_csl
from refkit.writers.csl.labels import citation_label


def _people(*families: str) -> list[dict[str, str]]:
    return [{"family": f, "given": "A"} for f in families]


def test_letters_per_name_follow_the_number_of_names() -> None:
    year = {"date-parts": [[1978]]}
    assert citation_label({"author": _people("Doe"), "issued": year}) == "Doe78"
    assert citation_label({"author": _people("Roe", "Noakes"), "issued": year}) == "RoNo78"
    assert citation_label({"author": _people("Roe", "Noakes", "Snoakes"), "issued": year}) == "RoNS78"
    assert citation_label({"author": _people("Roe", "Noakes", "Snoakes", "Doe", "Poe"), "issued": year}) == "RNSD78"


def test_particles_articles_and_missing_parts() -> None:
    assert citation_label({"editor": [{"family": "van der Berg", "given": "J"}], "issued": {"date-parts": [["2001"]]}}) == "Berg01"
    assert citation_label({"author": [{"literal": "The O'Neill Institute"}]}) == "Onei00"
    # no names: the title without its (lower-case) skip words, as citeproc-js
    assert citation_label({"title": "On the Origin of Species", "issued": {"date-parts": [[1859]]}}) == "Onor59"


def test_equal_labels_get_year_suffixes_where_the_label_prints(tmp_path: Path) -> None:
    style = tmp_path / "alpha.csl"
    style.write_text(
        """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation disambiguate-add-year-suffix="true"><layout><text variable="citation-label"/></layout></citation>
  <bibliography><sort><key variable="citation-label"/></sort><layout><text variable="citation-label" prefix="[" suffix="] "/>
    <text variable="title"/><date variable="issued" prefix=", "><date-part name="year"/></date></layout></bibliography>
</style>""",
        encoding="utf-8",
    )
    items = [
        {"id": "a", "type": "book", "title": "A", "author": _people("Roe", "Noakes"), "issued": {"date-parts": [[1978]]}},
        {"id": "b", "type": "book", "title": "B", "author": _people("Doe"), "issued": {"date-parts": [[1965]]}},
        {"id": "c", "type": "book", "title": "C", "author": _people("Roper", "Nolan"), "issued": {"date-parts": [[1978]]}},
    ]
    assert [t for _, t in refkit.render(read_csl(json.dumps(items)), style=str(style))] == ["[Doe65] B, 1965", "[RoNo78a] A, 1978", "[RoNo78b] C, 1978"]
