"""The lexicon word lists: one reader, lower-cased, comments left out."""

from __future__ import annotations

from refkit.extraction import lexicon


def test_words_are_lower_cased_and_comments_are_no_words() -> None:
    months = lexicon.words("months")
    assert {"january", "märz", "janvier", "enero", "março"} <= months
    assert not any(w.startswith("#") or w != w.lower() for w in months)
    assert "names" not in months  # a word of the file's comment line


def test_an_access_date_with_a_month_of_another_language_is_no_publication_year() -> None:
    from refkit.extraction.citation import parse_text

    for note in ("Zugriff am 3. März 2021.", "Consulté le 3 avril 2021."):
        entry = parse_text(f"Okafor, A. Tidal mixing in estuaries. Coastal Notes. {note}")
        assert entry is not None and entry.fields.get("year") is None
    dated = parse_text("Okafor, A. Tidal mixing in estuaries. Coastal Notes. 2021.")
    assert dated is not None and dated.fields.get("year") == "2021"
