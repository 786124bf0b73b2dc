"""The tagger-guided reading of step 4 (``citation.tagged``): where the tagger's title run
stops inside its phrase, the title is carried on to the phrase's end."""

from __future__ import annotations

from refkit.extraction.citation.tagged import _phrase_tail_end
from refkit.extraction.tagging import tokenize


def _last_of(text: str, words: str) -> int:
    """The index of the token that ends ``words`` (the tagger's title run) in ``text``."""
    toks = tokenize(text)
    end = text.index(words) + len(words)
    return next(k for k, t in enumerate(toks) if t.end == end)


def _carried(text: str, run: str, italic: list[bool] | None = None) -> str | None:
    toks = tokenize(text, italic=italic or ())
    stop = _phrase_tail_end(toks, text, _last_of(text, run))
    return None if stop is None else text[text.index(run):toks[stop].end]


def test_a_title_cut_before_its_lower_case_words_goes_on_to_the_full_stop() -> None:
    text = "Doe J, Roe K. Methane cycling dynamics in Amazonia. Environ. Int. 2020"
    assert _carried(text, "Methane cycling dynamics") == "Methane cycling dynamics in Amazonia"


def test_commas_inside_the_phrase_are_kept_when_no_piece_reads_as_a_venue() -> None:
    text = "Doe J. Dispersal of cowbirds in the eastern Sierra, California, estimated using models. The Auk 12"
    assert _carried(text, "Dispersal of cowbirds") == \
        "Dispersal of cowbirds in the eastern Sierra, California, estimated using models"


def test_a_container_named_after_in_is_not_carried() -> None:
    text = "Doe J. Seasonal drift of plankton in Journal of Marine Research, 12"
    assert _carried(text, "Seasonal drift of plankton") is None
    text = "Doe J. Seasonal drift of plankton in Proc. Natl. Acad. Sci. 12"
    assert _carried(text, "Seasonal drift of plankton") is None


def test_numbers_in_the_phrase_are_the_venues() -> None:
    text = "Doe J. Seasonal drift of plankton in vol 12 of the series. Press"
    assert _carried(text, "Seasonal drift of plankton") is None


def test_punctuation_or_a_capital_after_the_run_ends_the_title_where_it_is() -> None:
    assert _carried("Doe J. Seasonal drift. in press", "Seasonal drift") is None
    assert _carried("Doe J. Seasonal drift Nature 12", "Seasonal drift") is None


def test_the_edge_of_the_titles_markup_ends_the_phrase_and_a_last_in_stays_out() -> None:
    text = "Doe J. Personal data in diabetes in Handbook of Informatics, Springer"
    italic = [k >= text.index("Handbook") for k in range(len(text))]
    assert _carried(text, "Personal data", italic) == "Personal data in diabetes"
