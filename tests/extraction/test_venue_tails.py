"""A venue read into the end of the title, cut off by what the list's other items show."""

from __future__ import annotations

import pytest

from refkit.extraction import venue_tails
from refkit.extraction.venue_tails import cut
from refkit.readers import markdown

#: bold titles, the venue plain after them; in the second item the bold run closes after
#: the venue, which the first item shows as its venue
GLUED = """# Publications

Okafor, A. and Brandt, L.: **Tidal mixing in shallow estuaries**, Ocean Dynamics, 12(3), 101-117, 2021.

Brandt, L.: **Sediment plumes after spring floods, Ocean Dynamics**, 13(1), 5-19, 2022.

Visser, P. and Okafor, A.: **Turbidity sensors for river monitoring**, Hydrology Letters, 4(2), 33-41, 2020.

Ruiz, M. and Okafor, A.: **Wind, waves and mud, a field study of resuspension**, Hydrology Letters, 5(1), 1-9, 2018.
"""


def _fields(text: str) -> list[tuple[str, str]]:
    return [(e.get("title") or "", e.get("journal") or "") for e in markdown.read(text).entries]


def test_a_venue_another_item_shows_is_cut_off_the_title(monkeypatch: pytest.MonkeyPatch) -> None:
    read = _fields(GLUED)
    assert read[1] == ("Sediment plumes after spring floods", "Ocean Dynamics")
    assert read[3] == ("Wind, waves and mud, a field study of resuspension", "Hydrology Letters")
    monkeypatch.setattr(venue_tails, "refine", lambda segments, entries, reread: list(entries))
    assert _fields(GLUED)[1] == ("Sediment plumes after spring floods, Ocean Dynamics", "")  # what the pass is for


def test_the_cut_is_at_a_venues_name_followed_by_numbers_only() -> None:
    assert cut("Sediment plumes after spring floods, Ocean Dynamics", {"ocean dynamics"}) == 35
    assert cut("Sediment plumes after spring floods. Ocean Dynamics 12", {"ocean dynamics"}) == 35
    # a name worded as a venue needs no sibling; a lower-case clause is none
    assert cut("Salt wedges in a warming climate, Journal of Coastal Studies", set()) == 32
    assert cut("Wind, waves and mud, a field study of resuspension", {"hydrology letters"}) is None
    # an unknown capitalised name only when a volume and pages follow the title
    assert cut("Inter-annual variability in the tropics, Climate of the Past", set()) is None
    assert cut("Inter-annual variability in the tropics, Climate of the Past", set(), numbered=True) == 39
    # at least three words stay the title's; a one-word name must be a sibling's venue
    assert cut("Tidal mixing, Ocean Dynamics", {"ocean dynamics"}) is None
    assert cut("Tidal mixing in estuaries, Nature", set(), numbered=True) is None
    assert cut("Tidal mixing in estuaries, Nature", {"nature"}) == 25


#: a template that writes each item's year into its title's line, after a comma
DATED = """# Publications

- Tidal mixing in shallow estuaries, 2001\\
A. Okafor.\\
Ocean Notes, CNR, Roma, 2001.

- Sediment plumes after spring floods, 2003\\
A. Okafor, L. Brandt.\\
Ocean Notes, CNR, Roma, 2003.

- Turbidity sensors for river monitoring, 2005\\
P. Visser, A. Okafor.\\
Lake Letters, Roma, 2005.

- Census of the lagoon fishermen, 1850\\
A. Okafor.\\
Lake Letters, Roma, 2007.
"""


def test_a_year_the_list_writes_after_each_title_is_cut_off(monkeypatch: pytest.MonkeyPatch) -> None:
    titles = [t for t, _ in _fields(DATED)]
    assert titles == ["Tidal mixing in shallow estuaries", "Sediment plumes after spring floods",
                      "Turbidity sensors for river monitoring", "Census of the lagoon fishermen, 1850"]
    monkeypatch.setattr(venue_tails, "refine", lambda segments, entries, reread: list(entries))
    assert _fields(DATED)[0][0] == "Tidal mixing in shallow estuaries, 2001"  # what the pass is for
