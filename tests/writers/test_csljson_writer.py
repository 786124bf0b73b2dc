"""CSL-JSON writer and the CSL-JSON -> model -> CSL-JSON round trip."""

from __future__ import annotations

import json

from refkit.model import Entry, Library
from refkit.readers.csljson import read
from refkit.writers.csljson import write

ITEMS = [
    {
        "id": "A1",
        "type": "article-journal",
        "author": [
            {"family": "Besten", "given": "Matthijs L.", "non-dropping-particle": "den"},
            {"family": "Hentenryck", "given": "Pascal", "dropping-particle": "van"},
            {"family": "Thatcher", "given": "W.", "suffix": "James"},
            {"literal": "AAAI"},
            {"literal": "others"},
        ],
        "title": "Hyper-parameter tuning for the (1 + (\\lambda, \\lambda)) GA: R&D of {}^{111}Cd at 50% NP-hard",
        "container-title": "Applied Physics A: Materials Science & Processing",
        "volume": "12",
        "issue": "3",
        "page": "441-452",
        "issued": {"date-parts": [[2021, 6]]},
        "DOI": "10.1000/xyz_1",
        "URL": "https://example.org/a_b?c=1&d=2",
        "abstract": "An <i>abstract</i> with <span class=\"nocase\">van der Waals</span>.",
        "keyword": "a, b",
        "note": "Note ~ tilde",
        "custom-field": "kept as is",
        "other-ids": ["x", {"y": 1}],
        "title-short": "",
    },
    {"id": "B", "type": "chapter", "editor": [{"family": "Doe", "given": "J."}], "title": "Chapter", "container-title": "Book", "publisher": "Pub", "publisher-place": "City", "issued": {"date-parts": [[1999]]}, "collection-title": "Series", "edition": "2"},
    {"id": "C", "type": "thesis", "genre": "PhD thesis", "title": "Thesis", "publisher": "Uni", "issued": {"date-parts": [[2010]]}},
    {"id": "D", "type": "", "title": "Untyped", "issued": {"date-parts": [[2021]]}},
    {"id": "E", "type": "motion_picture", "title": "Film", "issued": {"date-parts": [[2019, 11, 21], [2019, 11, 22]]}},
    {"id": "F", "type": "report", "title": "Rep", "publisher": "Lab", "number": "TR-7", "issued": {"literal": "forthcoming"}},
]


def test_round_trip_preserves_the_data() -> None:
    again = json.loads(write(read(json.dumps(ITEMS))))
    assert again == ITEMS


def test_round_trip_is_stable() -> None:
    once = write(read(json.dumps(ITEMS)))
    assert write(read(once)) == once
    assert once.endswith("\n") and "Materials Science & Processing" in once  # Unicode, not escaped


def test_bibtex_entries_become_csl() -> None:
    entries = [
        Entry("article", "k1", {"author": "Sch{\\\"o}lkopf, Bernhard and {den Besten}, M.", "title": "{NeRF}: {van der Waals} \\textit{in vivo}", "journal": "J", "number": "4", "pages": "1--9", "year": "2020", "month": "mar"}),
        Entry("misc", "k2", {"author": "Zhong, Zhihang", "title": "Preprint", "eprint": "2401.00002v2", "archiveprefix": "arXiv", "year": "2024", "pubstate": "submitted"}),
        Entry("phdthesis", "k3", {"title": "T", "school": "Uni", "year": "2010"}),
        Entry("misc", "k4", {"title": "Thing", "howpublished": "Online"}),
    ]
    k1, k2, k3, k4 = json.loads(write(Library.from_entries(entries)))
    assert k1["type"] == "article-journal" and k1["issue"] == "4" and k1["page"] == "1-9"
    assert k1["author"] == [{"family": "Schölkopf", "given": "Bernhard"}, {"non-dropping-particle": "den", "family": "Besten", "given": "M."}]
    assert k1["title"] == 'NeRF: <span class="nocase">van der Waals</span> <i>in vivo</i>'
    assert k1["issued"] == {"date-parts": [[2020, 3]]}
    assert k2["type"] == "article" and k2["number"] == "arXiv:2401.00002" and k2["publisher"] == "arXiv" and k2["status"] == "submitted"
    assert k3["type"] == "thesis" and k3["genre"] == "PhD thesis" and k3["publisher"] == "Uni"
    assert k4["type"] == "document" and k4["publisher"] == "Online"


def test_plain_text_option() -> None:
    entries = [Entry("article", "k", {"title": "\\textit{E. coli} {van der Waals}"})]
    (item,) = json.loads(write(Library.from_entries(entries), markup=False))
    assert item["title"] == "E. coli van der Waals"
