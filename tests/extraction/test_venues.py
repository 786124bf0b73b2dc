"""Venue knowledge (refkit.extraction.venues)."""

from __future__ import annotations

import pytest

from refkit.extraction.venues import aas_macros, all_venues, is_publisher, lookup, venue_type


def test_lookup_by_abbreviation_name_and_inside_text() -> None:
    assert lookup("CVPR").name == "IEEE/CVF Conference on Computer Vision and Pattern Recognition"  # type: ignore[union-attr]
    assert lookup("International Journal of Computer Vision").abbr == "IJCV"  # type: ignore[union-attr]
    assert lookup("IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR) 2024").abbr == "CVPR"  # type: ignore[union-attr]
    assert lookup("Some Workshop Nobody Knows") is None
    assert lookup("") is None


def test_ambiguous_short_abbreviations_are_not_found_in_text() -> None:
    assert lookup("PR and marketing") is None


@pytest.mark.parametrize(
    "text, kind",
    [
        ("ECCV", "inproceedings"),
        ("ICCV Workshops", "inproceedings"),
        ("Proceedings of the 37th International Conference on Machine Learning", "inproceedings"),
        ("In: Advances in Cryptology", "inproceedings"),
        ("Proceedings of the IEEE", "article"),
        ("Proceedings of the National Academy of Sciences", "article"),
        ("Phys. Rev. Lett.", "article"),
        ("Journal of Machine Learning Research", "article"),
        ("IEEE Transactions on Image Processing", "article"),
        ("MNRAS", "article"),
        ("Unknown Place", None),
        # NLM/Vancouver abbreviations written without periods
        ("Phys Rev B", "article"),
        ("New J Phys", "article"),
        ("Proc Natl Acad Sci USA", "article"),
        ("Math Anxiety in Children", None),
        ("Jane Doe", None),
    ],
)
def test_venue_type(text: str, kind: str | None) -> None:
    assert venue_type(text) == kind


def test_aas_macros_print_what_aastex_prints() -> None:
    macros = aas_macros()
    assert macros["apj"] == "ApJ" and macros["mnras"] == "MNRAS" and macros["prl"] == "Phys. Rev. Lett."
    assert macros["aap"] == "A&A" and macros["nat"] == "Nature"


def test_publishers() -> None:
    for text in ("Springer", "Princeton: Princeton University Press", "Chapman & Hall/CRC", "MIT Press"):
        assert is_publisher(text), text
    for text in ("Nature", "Journal of Stuff", "CVPR"):
        assert not is_publisher(text), text


def test_data_is_well_formed() -> None:
    venues = all_venues()
    assert len(venues) > 100
    assert all(v.type in ("article", "inproceedings") and v.abbr and v.name for v in venues)


def test_acronyms_are_the_capital_abbreviations_no_full_name_spells() -> None:
    from refkit.extraction.venues import acronyms

    assert {"jair", "soda", "iclr"} <= acronyms()
    # written in mixed case, or a word of a full name ("ieee"), or two letters: no acronym of this set
    assert not {"neurips", "media", "ieee", "pr"} & acronyms()


@pytest.mark.parametrize(
    "words, count",
    [
        (["Nat", "Commun"], 2),
        (["ACS", "Sustainable", "Chem", "Eng"], 2),
        (["Environ", "Sci", "Technol"], 2),
        (["Nat", "Ann"], 0),  # names both: no journal
        (["J", "Phys"], 1),  # a letter is no stem of this count (an initial)
    ],
)
def test_abbreviation_stems_of_a_would_be_name(words: list[str], count: int) -> None:
    from refkit.extraction.venues import abbreviation_stems

    assert abbreviation_stems(words) == count
