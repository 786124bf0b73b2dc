"""CSL-JSON writer and the CSL-JSON -> model -> CSL-JSON round trip."""

from __future__ import annotations

import json

from refkit.crosswalk import unescape
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


VARIED_BIB = r"""
@proceedings{proc2020, title = {Proceedings of {GECCO} 2020}, editor = {Coello, Carlos A. Coello and  Jane Roe }, year = 2020, publisher = {ACM}, address = {Cancún, Mexico}, organization = {SIGEVO}}
@inproceedings{paper2021, author = {van Hentenryck, Pascal and {den Besten}, Matthijs and Thatcher, Jr., W. and others}, title = {Tuning {NSGA-II} for the {$(1+(\lambda,\lambda))$} {GA}~{I}: Effectiveness}, booktitle = {Proc.\ of {GECCO}}, pages = {24:1--24:19}, year = {2021}, month = aug, location = {Lille, France}, eventtitle = {GECCO 2021}}
@article{art2019, author = {M{\"u}ller, J{\"o}rg}, title = {A study of \emph{Cu$_2$O}}, journal = {Physical Review~B}, volume = {99}, number = {3}, pages = {035301}, year = {2019}, month = {September}, doi = {10.1103/PhysRevB.99.035301}}
@misc{pre2023, author = {Doe, Jane}, title = {Preprint}, year = {2023}, eprint = {2301.00001}, archiveprefix = {arXiv}, primaryclass = {cs.LG}}
@misc{soft, author = {{Nevergrad team}}, title = {Nevergrad}, howpublished = {\url{https://github.com/facebookresearch/nevergrad}}, year = {2018}, note = {Version 0.4}}
@mastersthesis{ms, author = {Roe, Richard}, title = {Thesis}, school = {{\'E}cole Polytechnique}, year = {2010}, type = {MSc thesis}}
@manual{man, title = {R Manual}, organization = {R Core Team}, year = {2022}, edition = {4th}}
@inbook{ib, author = {Kim, Lee}, title = {Chapter One}, booktitle = {Big Book}, chapter = {3}, pages = {1--10}, publisher = {Springer}, year = {1999}, series = {LNCS}, volume = {1234}}
@techreport{tr, author = {Smith, A.}, title = {Report}, institution = {NASA}, number = {TR-7}, year = {1995}, keywords = {a, b}, abstract = {With <i>HTML</i> & 50\% text.}}
"""


def _fields_equal(a: Entry, b: Entry) -> bool:
    return a.type == b.type and a.fields.keys() == b.fields.keys() and all(
        a.fields[k] == b.fields[k] or " ".join(unescape(a.fields[k]).split()) == " ".join(unescape(b.fields[k]).split()) or a.names(k) and [n.bibtex() for n in a.names(k)] == [n.bibtex() for n in b.names(k)] or k == "month"
        for k in a.fields
    )


def test_bib_to_csljson_to_bib_keeps_every_field_and_type() -> None:
    from refkit.readers.bibtex import read as read_bib

    library = read_bib(VARIED_BIB)
    back = read(write(library))
    assert [e.key for e in back.entries] == [e.key for e in library.entries]
    for a, b in zip(library.entries, back.entries):
        assert _fields_equal(a, b), (a, b)
    months = {e.key: e.fields.get("month") for e in back.entries}
    assert months["paper2021"] in ("aug", "8") and months["art2019"] in ("September", "9")


def test_standard_csl_variables_carry_what_they_can() -> None:
    from refkit.readers.bibtex import read as read_bib

    items = {i["id"]: i for i in json.loads(write(read_bib(VARIED_BIB)))}
    assert items["pre2023"]["number"] == "arXiv:2301.00001" and items["pre2023"]["URL"] == "https://arxiv.org/abs/2301.00001"
    assert items["art2019"]["issue"] == "3" and "number" not in items["art2019"]["custom"]["bibtex"]["fields"]
    assert "custom" not in items["ms"]  # everything of this thesis is standard CSL
    assert items["proc2020"]["custom"]["bibtex"]["type"] == ["proceedings", "book"]
    # a plain CSL preprint (no custom object) gives BibTeX's eprint fields
    entry = read(json.dumps([{"id": "p", "type": "article", "title": "T", "number": "arXiv:2301.00001"}])).entries[0]
    assert (entry.fields.get("eprint"), entry.fields.get("archiveprefix"), "number" in entry.fields) == ("2301.00001", "arXiv", False)


def test_an_edited_csl_value_wins_over_the_kept_bibtex_value() -> None:
    from refkit.readers.bibtex import read as read_bib

    items = json.loads(write(read_bib(VARIED_BIB)))
    soft = next(i for i in items if i["id"] == "soft")
    assert "howpublished" in soft["custom"]["bibtex"]["fields"]
    ib = next(i for i in items if i["id"] == "ib")
    ib["type"] = "book"  # the user changed the type in the CSL-JSON: the kept @inbook no longer applies
    entry = read(json.dumps([ib])).entries[0]
    assert entry.type == "book"


def test_a_capitalised_dropping_particle_survives_csljson_to_bib_and_citations() -> None:
    import json

    import refkit
    from refkit.readers.csljson import read as read_csl
    from refkit.writers.bibtex import write as write_bib
    from refkit.readers.bibtex import read as read_bib

    items = [{"id": "t", "type": "thesis", "title": "On Things", "author": [{"family": "Ruiz", "dropping-particle": "Ámon"}], "issued": {"date-parts": [[2011]]}}]
    library = read_csl(json.dumps(items))
    (text,) = [t for _, t in refkit.render(library, style="american-medical-association")]
    assert text.startswith("1. Ruiz Ámon. On Things.")  # the particle is not initialized
    again = read_bib(write_bib(library))
    assert [t for _, t in refkit.render(again, style="apa")] == [t for _, t in refkit.render(library, style="apa")]
    assert "Ámon" in str(refkit.render(again, style="bibtex:plain"))


def test_math_in_a_title_reads_as_unicode_and_comes_back_as_math() -> None:
    from refkit.readers.bibtex import read as read_bib

    bib = "@article{m, title = {Gauge flows for $SU(N)$ and $\\alpha$-decay near $\\mathbb{Z}_2$}, year = 2020}\n"
    library = read_bib(bib)
    item = json.loads(write(library))[0]
    # Unicode where the math has one, the TeX as written where it has none
    assert item["title"] == "Gauge flows for SU(N) and α-decay near $\\mathbb{Z}_2$"
    assert read(write(library)).entries[0].fields["title"] == library.entries[0].fields["title"]
