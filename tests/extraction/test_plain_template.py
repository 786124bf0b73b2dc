"""A plain list's own layout: titles misread alone are re-read where the siblings put theirs."""

from __future__ import annotations

import pytest

from refkit.extraction import hybrid, plain_template
from refkit.extraction.plain_template import Edges, edges, infer, locate, suspect
from refkit.model import Entry
from refkit.readers import markdown

#: author-year items; the first title is wrapped after its first word, and alone it is
#: read as that one word (the rest taken for the venue)
WRAPPED = """# References

- Halvorsen, T.K., Mbeki, A.N., 2019. Upscaling
Point-Scale Recharge Estimates to Large-Domain Models: A Test in the Limpopo Basin. Water
Resources Research 55, 1-20.
- Okonjo, P., Lindgren, S., 2020. Soil moisture memory and the onset of agricultural drought in the Sahel. Journal of Hydrology 580, 1-18.
- Varga, E., Halvorsen, T.K., 2018. A field guide to measuring infiltration on steep slopes. Hydrological Processes 32, 401-415.
- Mbeki, A.N., Okonjo, P., Varga, E., 2021. Snowmelt timing and streamflow peaks in mountain basins. Advances in Water Resources 149, 77-90.
"""

#: names, year, title, venue; in the first item a name written "Ma. Luisa" ends the
#: name list early, and alone its last names are read as the title
NAMES = """# Publications

1. Adeyemi Kola, Brigitte Sauer, Chen Wei, Dmitri Orlov, Elena Ruiz, Gustav Berg Hana R.K. Novak, Olga Smirnova, Ma. Luisa Reyes, Pablo Moreno. 2022. Methane fluxes from flooded rice fields across tropical Asia. Global Change Biology, 28, 1201-1215.
2. Brigitte Sauer, Chen Wei. 2021. Nitrous oxide pulses after rewetting of dry soils. Soil Biology and Biochemistry, 160, 108-120.
3. Chen Wei, Adeyemi Kola, Gustav Berg. 2020. Eddy covariance gap filling with machine learning. Agricultural and Forest Meteorology, 291, 80-95.
4. Dmitri Orlov, Elena Ruiz. 2019. Carbon balance of a boreal peatland over ten years. Biogeosciences, 16, 400-418.
5. Elena Ruiz, Brigitte Sauer. 2018. Wetland restoration and greenhouse gas budgets. Ecological Engineering, 120, 55-67.
"""


def _alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read every item on its own (no plain layout pass, nor the hybrid's list pass, which
    asks the tagger about titles off the list's length), to show what the pass changes."""
    monkeypatch.setattr(plain_template, "refine", lambda segments, entries, reread: list(entries))
    monkeypatch.setattr(hybrid, "revisit", lambda segments, entries, reread: list(entries))


def _titles(text: str) -> list[str]:
    return [e.get("title") or "" for e in markdown.read(text).entries]


def _first(text: str) -> Entry:
    return markdown.read(text).entries[0]


def test_a_title_cut_at_a_line_break_runs_to_where_the_siblings_end_theirs(monkeypatch: pytest.MonkeyPatch) -> None:
    first = _first(WRAPPED)
    assert first.get("title") == "Upscaling Point-Scale Recharge Estimates to Large-Domain Models: A Test in the Limpopo Basin"
    assert "Limpopo" not in (first.get("journal") or "")
    assert first.get("year") == "2019" and first.get("volume") == "55"
    assert _titles(WRAPPED)[1:] == ["Soil moisture memory and the onset of agricultural drought in the Sahel",
                                    "A field guide to measuring infiltration on steep slopes",
                                    "Snowmelt timing and streamflow peaks in mountain basins"]
    _alone(monkeypatch)
    assert _first(WRAPPED).get("title") == "Upscaling"  # what the pass is for


def test_a_name_list_read_as_the_title_gives_way_to_the_title_where_the_siblings_put_it(monkeypatch: pytest.MonkeyPatch) -> None:
    first = _first(NAMES)
    assert first.get("title") == "Methane fluxes from flooded rice fields across tropical Asia"
    assert first.get("year") == "2022"
    assert first.names("author")[0].family == "Kola"
    _alone(monkeypatch)
    assert _first(NAMES).get("title") == "Ma. Luisa Reyes, Pablo Moreno"


def test_items_that_fit_their_own_way_are_left_alone() -> None:
    # a title-first item without authors and a question in an author-year list: both are
    # read right alone, and the layout of their siblings must not move them
    text = WRAPPED.replace(
        "- Varga, E., Halvorsen, T.K., 2018. A field guide to measuring infiltration on steep slopes. Hydrological Processes 32, 401-415.",
        "- \u201cField Notes on Infiltration (FNI).\u201d Hydrology Blog. 2018. Accessed March 3, 2019.\n"
        "- Varga, E., 2017. Do steep slopes drain faster? Hydrological Processes 31, 40-45.")
    titles = _titles(text)
    assert "Field Notes on Infiltration (FNI)" in titles
    assert "Do steep slopes drain faster?" in titles
    assert "Hydrology Blog" not in titles


def test_no_layout_without_a_majority() -> None:
    apa = Edges(".", "Y", ".", "W", True, "w")
    quoted = Edges("Q", "I", ",", "W", False, "w")
    first = Edges("^", "^", ",", "W", False, "W")
    assert infer([apa, quoted, first]) == {"after": "W"}  # only what all three share
    assert infer([apa, apa, quoted, first]) == {"after": "W", "last": "w"}  # two of four is no layout
    assert infer([apa, apa, apa, first]) == {"left": ".", "before": "Y", "right": ".", "after": "W", "dated": True, "last": "w"}
    assert infer([apa, apa]) == {}  # too few items to tell


def test_edges_describe_the_delimiters_and_words_around_a_title() -> None:
    text = "[3] Okafor, A., 2020. Tidal flats (TF) in winter. Estuaries 12, 4."
    where = locate(text, "Tidal flats (TF) in winter")
    assert where is not None and text[where[0]:where[1]] == "Tidal flats (TF) in winter"
    e = edges(text, *where)
    assert (e.left, e.before, e.right, e.after, e.dated, e.last) == (".", "Y", ".", "W", True, "w")
    quoted = "\u201cTidal flats in winter?\u201d Estuaries, 2020."
    q = edges(quoted, *locate(quoted, "Tidal flats in winter"))  # type: ignore[misc]
    assert (q.left, q.right, q.dated) == ("^", ".", False)  # a question ends as a full stop does
    assert locate(text, "Not in the item") is None


@pytest.mark.parametrize("title, shaped", [
    ("Ma. Luisa Reyes, Pablo Moreno", True),
    ("Geomorphology Letters, 12, 401\u2013415", True),
    ("Rice, wheat and maize yields under drought", False),
    ("Tracking COVID-19", False),
    ("Salt wedges in a warming climate", False),
])
def test_a_name_list_or_a_venue_is_no_title_shape(title: str, shaped: bool) -> None:
    assert suspect(title) is shaped



def test_a_plain_text_document_follows_its_layout_too() -> None:
    from refkit.readers import text

    body = WRAPPED.replace("# References", "References\n==========").replace("\n- ", "\n\n")
    titles = [e.get("title") for e in text.read_plain(body).entries]
    assert titles[0] == "Upscaling Point-Scale Recharge Estimates to Large-Domain Models: A Test in the Limpopo Basin"
    assert len(titles) == 4


def test_a_plain_title_between_styled_names_and_venue_follows_the_layout() -> None:
    # the owner's name in bold and the journals in italics, the titles plain: the titles
    # are still this pass's to place, and a styled stretch is never taken for one
    styled = (WRAPPED.replace("Halvorsen, T.K.", "**Halvorsen, T.K.**")
              .replace("Journal of Hydrology", "*Journal of Hydrology*")
              .replace("Hydrological Processes", "*Hydrological Processes*"))
    titles = _titles(styled)
    assert titles[0] == "Upscaling Point-Scale Recharge Estimates to Large-Domain Models: A Test in the Limpopo Basin"
    assert titles[2] == "A field guide to measuring infiltration on steep slopes"


#: names, a colon, the title, ", in:" and the journal; the third item ends its names with
#: "[u. a.]" (German "and others", bracketed), read alone as the start of its title
SLASHED = """# Publikationen

- Okafor, A./Brandt, L.: Tidal mixing in shallow estuaries, in: Ocean Dynamics 12 (2020), S. 1–9.
- Brandt, L./Visser, P.: Sediment plumes after spring floods, in: Journal of Coastal Research 40 (2019), S. 33–41.
- Visser, P./Okafor, A./Ruiz, M. [u. a.]: A field guide to turbidity sensors, in: Limnology and Oceanography 8 (2018), S. 100–112.
- Ruiz, M./Okafor, A.: Salt wedges in a warming climate, in: Estuaries and Coasts 5 (2017), S. 7–19.
"""


def test_a_title_gives_up_a_few_words_before_the_layouts_delimiter(monkeypatch: pytest.MonkeyPatch) -> None:
    third = markdown.read(SLASHED).entries[2]
    assert third.get("title") == "A field guide to turbidity sensors"
    assert [n.family for n in third.names("author")][:3] == ["Visser", "Okafor", "Ruiz"]
    _alone(monkeypatch)
    assert markdown.read(SLASHED).entries[2].get("title") == "[u. a.]: A field guide to turbidity sensors"


def test_a_subtitle_is_never_cut_off_to_fit_the_layout() -> None:
    # the siblings' titles end at ", in:"; this one holds a colon and a comma of its own
    text = SLASHED.replace("Salt wedges in a warming climate", "Salt wedges: tidal rivers, their estuaries and a warming climate")
    assert _titles(text)[3] == "Salt wedges: tidal rivers, their estuaries and a warming climate"
