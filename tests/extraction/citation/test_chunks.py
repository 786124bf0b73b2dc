"""Step 3, chunks: where an item's text is cut before its fields are assigned."""

from __future__ import annotations

import pytest

from refkit.extraction.citation import parse_text
from refkit.extraction.citation.chunks import _chunks


def test_the_gbt_host_mark_after_the_kind_of_work_ends_the_title() -> None:
    # China's GB/T 7714 writes the host right after "[C]//", with no blank: the title ends there
    entry = parse_text("Okafor A, Brandt L. Tidal mixing in shallow estuaries under changing discharge[C]//"
                       "Nordic Hydrology forum. 2023: 0607.")
    assert entry is not None
    assert entry.get("title") == "Tidal mixing in shallow estuaries under changing discharge"
    assert entry.get("booktitle") == "Nordic Hydrology forum"
    assert entry.get("author") == "Okafor, A and Brandt, L"


@pytest.mark.parametrize(
    "text",
    [
        "Thornton A., Szabelska A., Zyprych J. et. al., (2010). Modelling of Algae Growth. Proc. of the Study Group, 54-85.",
        "A. Thornton, A. Szabelska, et. al. Modelling of Algae Growth. Proc. of the Study Group, 54-85, 2010.",
    ],
)
def test_et_al_with_a_stray_full_stop_ends_no_sentence(text: str) -> None:
    assert not any(text[s:e].startswith("al") for s, e in _chunks(text, 0, len(text)))
    entry = parse_text(text)
    assert entry is not None and entry.get("title") == "Modelling of Algae Growth"
    assert entry.get("author", "").endswith("and others")


def test_et_ending_a_sentence_before_other_words_still_ends_it() -> None:
    text = "Doe, J. Pain et. Alors. Journal, 2020."
    assert len(_chunks(text, 0, len(text))) >= 2
