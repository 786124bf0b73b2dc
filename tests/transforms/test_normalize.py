"""Normalization steps: each fix, idempotence, and what must never change."""

from __future__ import annotations

import pytest

from refkit.model import Entry, Library
from refkit.readers.bibtex import read
from refkit.transforms.normalize import normalize, protect_title


def norm(**fields: str) -> dict[str, str]:
    return dict(normalize(Entry("article", "k", fields)).fields)


@pytest.mark.parametrize("value", ["3", "03", "mar", "Mar.", "march", "{March}", "MAR"])
def test_months_become_the_full_name(value: str) -> None:
    assert norm(month=value)["month"] == "March"


@pytest.mark.parametrize("value", ["13", "Spring", "mar 15", "März"])
def test_unclear_months_are_left_alone(value: str) -> None:
    assert norm(month=value)["month"] == value


@pytest.mark.parametrize(
    "value, expected",
    [
        ("12-34", "12--34"),
        ("12 - 34", "12--34"),
        ("12–34", "12--34"),
        ("12---34", "12--34"),
        ("S12-S34", "S12--S34"),
        ("xi-xx", "xi--xx"),
        ("1-5, 7-9", "1--5, 7--9"),
        ("e1234", "e1234"),
        ("12--34", "12--34"),
    ],
)
def test_page_ranges(value: str, expected: str) -> None:
    assert norm(pages=value)["pages"] == expected


@pytest.mark.parametrize(
    "value",
    ["https://doi.org/10.1145/3528223.3530127", "http://dx.doi.org/10.1145/3528223.3530127", "doi:10.1145/3528223.3530127",
     "http://doi.acm.org/10.1145/3528223.3530127"],
)
def test_doi_prefixes_removed(value: str) -> None:
    assert norm(doi=value)["doi"] == "10.1145/3528223.3530127"


def test_doi_from_a_doi_url() -> None:
    fields = norm(url="https://doi.org/10.1000/xyz123")
    assert fields["doi"] == "10.1000/xyz123" and fields["url"] == "https://doi.org/10.1000/xyz123"


@pytest.mark.parametrize(
    "fields, eprint",
    [
        ({"journal": "arXiv preprint arXiv:2106.16028"}, "2106.16028"),
        ({"journal": "CoRR", "volume": "abs/2106.16028"}, "2106.16028"),
        ({"url": "https://arxiv.org/abs/2106.16028v2"}, "2106.16028v2"),
        ({"note": "arXiv:hep-th/9901001"}, "hep-th/9901001"),
        ({"doi": "10.48550/arXiv.2106.16028"}, "2106.16028"),
    ],
)
def test_arxiv_ids_fill_eprint(fields: dict[str, str], eprint: str) -> None:
    out = norm(**fields)
    assert out["eprint"] == eprint and out["archiveprefix"] == "arXiv"
    for name, value in fields.items():
        assert name in out  # the source field stays


def test_arxiv_field_is_moved_with_primary_class() -> None:
    out = norm(arxiv="arXiv:2106.16028 [cs.CV]")
    assert "arxiv" not in out
    assert (out["eprint"], out["archiveprefix"], out["primaryclass"]) == ("2106.16028", "arXiv", "cs.CV")


def test_not_arxiv_is_left_alone() -> None:
    fields = {"journal": "Nature", "note": "See 2106.16028 items", "eprint": "hal-0123", "archiveprefix": "HAL"}
    assert norm(**fields) == fields


@pytest.mark.parametrize(
    "title, expected",
    [
        ("NeRF: Representing Scenes", "{NeRF}: Representing Scenes"),
        ("A 3D RGB-D Dataset for CVPR", "A {3D} {RGB-D} Dataset for {CVPR}"),
        ("Bayesian Inference for iPhone Apps", "{Bayesian} Inference for {iPhone} Apps"),
        ("{NeRF} in the Wild", "{NeRF} in the Wild"),
        ("{{NeRF}} in the Wild", "{{NeRF}} in the Wild"),
        ("{A Fully Protected TITLE}", "{A Fully Protected TITLE}"),
        ("Math $O(N)$ and \\emph{NeRF} and \\LaTeX", "Math $O(N)$ and \\emph{NeRF} and \\LaTeX"),
        ("DEEP LEARNING IN CAPITALS", "DEEP LEARNING IN CAPITALS"),
        ("Self-Supervised Learning", "Self-Supervised Learning"),
    ],
)
def test_title_protection(title: str, expected: str) -> None:
    assert protect_title(title) == expected
    assert protect_title(expected) == expected  # no brace inflation


def test_whitespace_collapsed_in_known_fields_only() -> None:
    out = norm(title="A\n    long  title ", abstract="Para one.\n\nPara two.", selected="keep  me ")
    assert out["title"] == "A long title"
    assert out["abstract"] == "Para one.\n\nPara two."
    assert out["selected"] == "keep  me "


def test_macro_fields_are_not_touched() -> None:
    lib = read('@string{j = "Journal of  Things"}\n@article{a, journal = j, pages = "1" # "-" # "2", month = mar}')
    entry = normalize(lib).entries[0]
    assert entry.fields == lib.entries[0].fields


def test_idempotent_on_a_library() -> None:
    lib = Library.from_entries(
        [Entry("article", "a", {"title": "NeRF and 3D", "pages": "1-2", "month": "4", "doi": "https://doi.org/10.1/x"})]
    )
    once = normalize(lib)
    assert normalize(once).entries == once.entries


def test_steps_can_be_switched_off_and_unknown_options_fail() -> None:
    assert norm(pages="1-2")["pages"] == "1--2"
    assert normalize(Entry("article", "k", {"pages": "1-2"}), pages=False).fields["pages"] == "1-2"
    with pytest.raises(TypeError):
        normalize(Entry("article", "k", {}), page=False)
