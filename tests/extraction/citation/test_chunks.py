"""Step 3, chunks: where an item's text is cut before its fields are assigned."""

from __future__ import annotations

from refkit.extraction.citation import parse_text


def test_the_gbt_host_mark_after_the_kind_of_work_ends_the_title() -> None:
    # China's GB/T 7714 writes the host right after "[C]//", with no blank: the title ends there
    entry = parse_text("Okafor A, Brandt L. Tidal mixing in shallow estuaries under changing discharge[C]//"
                       "Nordic Hydrology forum. 2023: 0607.")
    assert entry is not None
    assert entry.get("title") == "Tidal mixing in shallow estuaries under changing discharge"
    assert entry.get("booktitle") == "Nordic Hydrology forum"
    assert entry.get("author") == "Okafor, A and Brandt, L"
