"""A list's own template: items misread alone are read again the way their siblings are written."""

from __future__ import annotations

import pytest

from refkit.extraction import template
from refkit.extraction.segment import Segment, Span
from refkit.extraction.template import infer, runs_of
from refkit.model import Entry
from refkit.readers import html, markdown

#: cards (title, names, an italic venue and a date on a line each); the last venue, an
#: acronym before a month, is lost when the item is read alone
CARDS = """<html><body><h2>Publications</h2><ol>
<li><div class="title">Tidal mixing in shallow estuaries</div><div class="author">Ana Okafor and Lena Brandt</div>
<div class="periodical"><em>Ocean Dynamics</em> 2022</div></li>
<li><div class="title">Sediment plumes after spring floods</div><div class="author">Lena Brandt, Ana Okafor and Piet Visser</div>
<div class="periodical"><em>Journal of Coastal Research</em> 2021</div></li>
<li><div class="title">A field guide to turbidity sensors</div><div class="author">Piet Visser and Ana Okafor</div>
<div class="periodical"><em>Limnology and Oceanography: Methods</em> 2020</div></li>
<li><div class="title">Salt wedges in a warming climate</div><div class="author">Ana Okafor</div>
<div class="periodical"><em>Estuaries and Coasts</em> Sep 2019</div></li>
<li><div class="title">Wind-driven resuspension revisited</div><div class="author">Marta Ruiz and Ana Okafor</div>
<div class="periodical"><em>JGR</em> Aug 2018</div></li>
</ol></body></html>
"""

#: linked titles, the venue after a comma; the last item has no comma after its link,
#: and alone its title (which holds commas) runs on into the venue
LINKED = """# Publications

- Okafor, A., Brandt, L., 2021, [Sediment budgets of tidal flats](https://example.org/a), Estuaries, **71**, 12
- Brandt, L., Okafor, A., & Visser, P., 2020, [Mud and shells as a layered record](https://example.org/b), Sedimentology, **43**, 88
- Visser, P., Okafor, A., 2019, [Turbidity maxima in narrow channels](https://example.org/c), Coastal Engineering, **77**, 5
- Okafor, A., Ruiz, M., 2018, [Large floods, small deltas: the sediment fate of a mountain river](https://example.org/d) Geomorphology, **791**, 89
"""


def _alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read every item on its own (no list-level pass), to show what the pass changes."""
    monkeypatch.setattr(template, "refine", lambda segments, entries, reread: list(entries))


def _by_title(library) -> dict[str, Entry]:  # type: ignore[no-untyped-def]
    return {e.get("title"): e for e in library.entries}


def test_a_venue_lost_alone_is_read_where_the_siblings_show_theirs(monkeypatch: pytest.MonkeyPatch) -> None:
    entries = _by_title(html.read(CARDS))
    last = entries["Wind-driven resuspension revisited"]
    assert (last.get("journal") or last.get("booktitle")) == "JGR"
    assert last.get("year") == "2018"
    assert last.get("author") == "Ruiz, Marta and Okafor, Ana"
    assert entries["Tidal mixing in shallow estuaries"].get("journal") == "Ocean Dynamics"
    _alone(monkeypatch)
    alone = _by_title(html.read(CARDS))["Wind-driven resuspension revisited"]
    assert not (alone.get("journal") or alone.get("booktitle"))  # what the pass is for


def test_a_title_running_into_the_venue_ends_where_the_template_says(monkeypatch: pytest.MonkeyPatch) -> None:
    entries = _by_title(markdown.read(LINKED))
    last = entries["Large floods, small deltas: the sediment fate of a mountain river"]
    assert last.get("journal") == "Geomorphology"
    assert last.get("volume") == "791"
    assert last.get("author") == "Okafor, A. and Ruiz, M."
    _alone(monkeypatch)
    titles = set(_by_title(markdown.read(LINKED)))
    assert "Large floods, small deltas: the sediment fate of a mountain river" not in titles


def test_a_template_never_moves_a_title_to_another_run() -> None:
    # most items link their title; these two link only a preprint label or the venue
    items = [f"- A. Okafor, [Paper number {w} on estuaries](https://example.org/{w}), Estuaries 12 (2020)"
             for w in ("one", "two", "three", "four")]
    items += ["- A. Okafor, Salt wedges in a warming climate, [arXiv:2101.00001](https://arxiv.org/abs/2101.00001), Estuaries 12 (2021)",
              "- A. Okafor and L. Brandt, Sediment plumes after floods, [Journal of Coastal Research](https://example.org/j) 12 (2019)"]
    text = "# Publications\n\n" + "\n".join(items) + "\n"
    titles = set(_by_title(markdown.read(text)))
    assert "Salt wedges in a warming climate" in titles
    assert "Sediment plumes after floods" in titles
    assert "arXiv:2101.00001" not in titles and "Journal of Coastal Research" not in titles


def test_runs_follow_lines_and_markup() -> None:
    seg = Segment((Span("Title here", css=("title",)), Span("\n"), Span("A. Okafor, "), Span("B. Roe", bold=True),
                   Span("\n"), Span("Venue", italic=True), Span(" "), Span("Name", italic=True), Span(" 2020")))
    runs = runs_of(seg)
    assert [(r.line, r.text) for r in runs] == [(0, "Title here"), (1, "A. Okafor, "), (1, "B. Roe"),
                                                 (2, "Venue Name"), (2, " 2020")]
    assert (runs[3].first, runs[3].last) == (5, 8)  # the space between two italic spans stays in their run


def test_no_template_without_a_majority() -> None:
    def item(bold: str, plain: str, title: str) -> tuple[list[template.Run], dict[str, int]]:
        seg = Segment((Span(bold, bold=True), Span(". "), Span(plain), Span(". "), Span("Venue", italic=True)))
        runs = runs_of(seg)
        return runs, template._placed(Entry("article", "k", {"title": title, "journal": "Venue"}), runs)

    bold_slot = ("at", 0, (False, True, False, ()), 0)
    # three items with a bold title, four where the bold run is the owner's name: no majority
    bold_titles = [item(f"Title number {k}", "A. Okafor", f"Title number {k}") for k in range(3)]
    bold_names = [item("A. Okafor", f"Another title {k}", f"Another title {k}") for k in range(4)]
    assert infer(bold_titles + bold_names, 7).get("title") != bold_slot
    assert infer(bold_titles, 3)["title"] == bold_slot
    assert "title" not in infer(bold_titles[:2], 2)  # two items are too few to make a template



def test_equally_supported_slots_are_decided_by_the_items_order_not_by_hashing() -> None:
    """A title in a run with CSS classes is found by its whole markup and by its classes
    alone, in every item: a tie, decided by the order the items show (the whole markup
    first), so the same document gives the same template in every run."""
    def item(title: str) -> tuple[list[template.Run], dict[str, int]]:
        seg = Segment((Span(title, css=("title",)), Span(". A. Okafor. "), Span("Venue", italic=True)))
        runs = runs_of(seg)
        return runs, template._placed(Entry("article", "k", {"title": title, "journal": "Venue"}), runs)

    items = [item(f"Title number {k}") for k in range(4)]
    assert infer(items, 4)["title"] == ("at", 0, (False, False, False, ("title",)), 0)

#: Vancouver style with the owner in bold: where the owner is named last, the plain run
#: before the italic journal is the title alone; where first, it also holds the co-authors
VANCOUVER = """# Publications

1. Okafor A, Brandt L, **Visser P**. Turbidity maxima in narrow tidal channels. *Estuaries*. 2021;44(2):100-112.
2. Ruiz M, Okafor A, **Visser P**. Salt wedges in a warming climate. *Mar Geol*. 2020;12(1):5-19.
3. Brandt L, **Visser P**. Sediment plumes after spring floods. *Coast Eng*. 2019;7(3):33-41.
4. Okafor A, Ruiz M, **Visser P**. A field guide to turbidity sensors. *Limnol Oceanogr*. 2018;9(2):1-9.
5. **Visser P**, Okafor A, Brandt L. Wind-driven resuspension in shallow bays. *Mar Geol*. 2017;3(1):2-8.
"""


def test_a_template_title_never_takes_in_names_the_item_shows() -> None:
    entries = _by_title(markdown.read(VANCOUVER))
    first = entries["Wind-driven resuspension in shallow bays"]
    assert first.get("author") == "Visser, P and Okafor, A and Brandt, L"


#: the card shape of CARDS written in LaTeX and in Org (bold title, names, italic venue and date)
CARD_LINES = [("Tidal mixing in shallow estuaries", "Ana Okafor and Lena Brandt", "Ocean Dynamics", "2022"),
              ("Sediment plumes after spring floods", "Lena Brandt, Ana Okafor and Piet Visser", "Journal of Coastal Research", "2021"),
              ("A field guide to turbidity sensors", "Piet Visser and Ana Okafor", "Limnology and Oceanography: Methods", "2020"),
              ("Wind-driven resuspension revisited", "Marta Ruiz and Ana Okafor", "JGR", "Aug 2018")]
LATEX_CARDS = ("\\documentclass{article}\n\\begin{document}\n\\section*{Publications}\n\\begin{itemize}\n"
               + "".join(f"\\item \\textbf{{{t}}}\\\\ {a}\\\\ \\emph{{{v}}} {d}\n" for t, a, v, d in CARD_LINES)
               + "\\end{itemize}\n\\end{document}\n")
ORG_CARDS = "* Publications\n" + "".join(f"- *{t}* \\\\\n  {a} \\\\\n  /{v}/ {d}\n" for t, a, v, d in CARD_LINES)


@pytest.mark.parametrize("name,text", [("latex", LATEX_CARDS), ("org", ORG_CARDS)])
def test_the_same_template_in_other_markups(name: str, text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from refkit.readers import reader

    def venue(entry: Entry) -> str | None:
        return entry.get("journal") or entry.get("booktitle")

    last = _by_title(reader(name).read(text))["Wind-driven resuspension revisited"]
    assert venue(last) == "JGR" and last.get("year") == "2018"
    _alone(monkeypatch)
    assert venue(_by_title(reader(name).read(text))["Wind-driven resuspension revisited"]) is None


#: cards whose title element is named by its class; two titles open with two capitalised
#: words and a full stop ("Harbour Cranes. On …"), which alone read as a name
TITLED_CARDS = """<html><body><h2>Publications</h2><ol>
<li><div class="title">Tidal mixing in shallow estuaries</div><div class="author"><em>Okafor, Ana</em></div>
<div class="periodical">In: <em>Coastal Essays</em>, 2022</div></li>
<li><div class="title">Harbour Cranes. On the logistics of the tide</div><div class="author"><em>Okafor, Ana</em></div>
<div class="periodical">In: <em>Ports and their People</em>, 2021</div></li>
<li><div class="title">A field guide to turbidity sensors</div><div class="author"><em>Okafor, Ana</em></div>
<div class="periodical">In: <em>Methods of the Shore</em>, 2020</div></li>
<li><div class="title">Salt Marshes. A history of their drainage</div><div class="author"><em>Okafor, Ana</em></div>
<div class="periodical">In: <em>Wetland Histories</em>, 2019</div></li>
<li><div class="title">Wind-driven resuspension revisited</div><div class="author"><em>Okafor, Ana</em></div>
<div class="periodical">In: <em>Sea and Sediment</em>, 2018</div></li>
</ol></body></html>
"""


def test_a_title_the_page_names_by_class_keeps_capitalised_words_before_a_full_stop() -> None:
    entries = _by_title(html.read(TITLED_CARDS))
    for title in ("Harbour Cranes. On the logistics of the tide", "Salt Marshes. A history of their drainage"):
        assert title in entries
        assert entries[title].get("author") == "Okafor, Ana"
