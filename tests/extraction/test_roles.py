"""Which markup holds the title and which the venue, decided once per list by its items."""

from __future__ import annotations

import pytest

from refkit.extraction import roles, template
from refkit.extraction.segment import Segment, Span
from refkit.model import Entry
from refkit.readers import markdown

#: italic titles, bold venues; the last venue shows no venue word and no numbers, and alone
#: its bold run reads as the title (a bold title is the commoner habit)
ITALIC_TITLES = """# Publications

- Okafor, Ana (2024).  
  *Tidal mixing in shallow estuaries under changing river discharge*.  
  **Kystlinjer**, vol. 14, no. 2, pp. 12–30.
- Brandt, Lena; Okafor, Ana (2023).  
  *Sediment plumes after spring floods in alpine lakes*.  
  **Limnologia Nordica**, vol. 8, pp. 1–19.
- Visser, Piet; Okafor, Ana (2022).  
  *A field guide to turbidity sensors for river monitoring*.  
  **Proceedings of the Nordic Hydrology Conference**, Oslo.
- Okafor, Ana (2021).  
  *Salt wedges in a warming climate and their ecology*.  
  **Vann og Samfunn**, Bergen.
"""

#: bold titles, italic venues (the commoner habit): one title holds a venue word
BOLD_TITLES = """# Publications

- Okafor, A. (2024). **Tidal mixing in shallow estuaries**. *Estuarine Letters*, 14(2), 12–30.
- Brandt, L. and Okafor, A. (2023). **A review of sediment plumes after spring floods**. *Limnology Journal*, 8, 1–19.
- Visser, P. and Okafor, A. (2022). **Turbidity sensors for river monitoring**. *Hydrology Reports*, 3, 5–9.
- Okafor, A. (2021). **Salt wedges in a warming climate**. *Vann og Samfunn*, 2, 44–50.
"""


def _fields(text: str) -> list[tuple[str, str]]:
    return [(e.get("title") or "", e.get("journal") or e.get("booktitle") or "") for e in markdown.read(text).entries]


def _alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read every item on its own (no roles pass), to show what the pass changes."""
    monkeypatch.setattr(roles, "refine", lambda segments, entries, reread: list(entries))


def test_the_lists_roles_put_a_bare_bold_venue_back_in_its_place(monkeypatch: pytest.MonkeyPatch) -> None:
    read = _fields(ITALIC_TITLES)
    assert read[3] == ("Salt wedges in a warming climate and their ecology", "Vann og Samfunn. Bergen")
    assert read[0] == ("Tidal mixing in shallow estuaries under changing river discharge", "Kystlinjer")
    _alone(monkeypatch)
    assert _fields(ITALIC_TITLES)[3][0] == "Vann og Samfunn"  # what the pass is for


def test_an_item_without_the_title_markup_keeps_its_bold_venue_out_of_the_title(monkeypatch: pytest.MonkeyPatch) -> None:
    # the last item's title is left plain: its bold run is still the list's venue
    plain = ITALIC_TITLES.replace("*Salt wedges in a warming climate and their ecology*", "Salt wedges in a warming climate and their ecology")
    assert _fields(plain)[3] == ("Salt wedges in a warming climate and their ecology", "Vann og Samfunn. Bergen")
    _alone(monkeypatch)
    assert _fields(plain)[3][0] == "Vann og Samfunn"


def test_bold_titles_with_italic_venues_are_left_as_read(monkeypatch: pytest.MonkeyPatch) -> None:
    read = _fields(BOLD_TITLES)
    assert [t for t, _ in read] == ["Tidal mixing in shallow estuaries", "A review of sediment plumes after spring floods",
                                    "Turbidity sensors for river monitoring", "Salt wedges in a warming climate"]
    assert read[3][1] == "Vann og Samfunn"
    _alone(monkeypatch)
    assert _fields(BOLD_TITLES) == read


def _item(title: str, venue: str, after: str, read: str = "") -> roles._Item:
    """An item with an italic title and a bold venue; ``read``: the title its first reading took."""
    return roles._Item(Segment(spans=(Span("Doe, J. (2020). "), Span(title, italic=True), Span(". "),
                                      Span(venue, bold=True), Span(after))), template._alnum(read or title))


def test_roles_need_the_venues_evidence_in_several_items() -> None:
    items = [_item("A study of tides in estuaries", "Kystlinjer", ", vol. 3, pp. 1–9."),
             _item("Sediment plumes after floods", "Journal of Lakes", "."),
             _item("Turbidity sensors for rivers", "Vann og Samfunn", ".")]
    italic, bold = ((True, False, False, ()), 0), ((False, True, False, ()), 0)
    assert roles.decide(items) == (italic, bold)
    # one venue's evidence is not enough: a bold title may hold a venue word
    assert roles.decide(items[1:] + [_item("Salt wedges in a warming climate", "Vann og Samfunn", ".")]) is None


def test_no_roles_where_the_first_readings_took_neither_run_as_the_title() -> None:
    # (a translated title in a heading over each card, the citation's own title plain below)
    items = [_item("A study of tides in estuaries", "Kystlinjer", ", vol. 3, pp. 1–9.", read="Tides, a study"),
             _item("Sediment plumes after floods", "Journal of Lakes", ".", read="Plumes after floods"),
             _item("Turbidity sensors for rivers", "Vann og Samfunn", ", 3, 1–9.", read="Sensors for rivers")]
    assert roles.decide(items) is None


def test_a_run_of_names_is_never_the_lists_title() -> None:
    def named(names: str, venue: str) -> roles._Item:
        return roles._Item(Segment(spans=(Span("Tides in estuaries. "), Span(names, italic=True), Span(". "),
                                          Span(venue, bold=True), Span(", 3, 1–9."))))

    items = [named("Ana Okafor and Lena Brandt", "Kystlinjer"), named("Piet Visser and Ana Okafor", "Hydrologia"),
             named("Ana Okafor", "Vann og Samfunn")]
    assert roles.decide(items) is None


def test_nothing_is_reread_in_a_list_of_fewer_than_three() -> None:
    calls: list[int] = []

    def reread(k: int, hints: dict[str, tuple[int, int]]) -> Entry | None:
        calls.append(k)
        return None

    seg = Segment(spans=(Span("Doe, J. (2020). "), Span("Tides in estuaries", italic=True), Span(". "),
                         Span("Kystlinjer", bold=True), Span(", vol. 3.")))
    entry = Entry(type="article", key="doe2020", fields={"title": "Kystlinjer"})
    assert roles.refine([seg, seg], [entry, entry], reread) == [entry, entry]
    assert not calls
