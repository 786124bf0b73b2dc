"""What an HTML item's text looks like to the parser (refkit.extraction.html_spans)."""

from __future__ import annotations

import pytest

from refkit.readers import html

CARD = """<html><body><h2>Publications</h2>
<div class="post"><{tag}>Cooperative cataloguing in two cities.<br>Two libraries share one code base.</{close}>
<div class="byline"><time>2015-11</time> <span>with Okafor, Ana</span><br>
<span>Library Magazine 8 (2015), 148-151.</span></div></div>
<div class="post"><{tag}>Open stacks for everyone.<br>A report from a summer school.</{close}>
<div class="byline"><time>2014-07</time> <span>with Brandt, Lena</span><br>
<span>Library Magazine 7 (2014), 12-15.</span></div></div>
</body></html>
"""


@pytest.mark.parametrize("tag,close", [("h3", "h3"), ("h5 class=\"entry\"", "h5")])
def test_a_line_break_inside_a_heading_or_a_title_element_wraps_one_title(tag: str, close: str) -> None:
    titles = [e.get("title") for e in html.read(CARD.format(tag=tag, close=close)).entries]
    assert titles == ["Cooperative cataloguing in two cities. Two libraries share one code base",
                      "Open stacks for everyone. A report from a summer school"]


def test_a_line_break_between_plain_lines_still_ends_a_line() -> None:
    text = """<html><body><h2>Publications</h2><ul>
<li>Okafor, A. Tidal mixing in shallow estuaries.<br>Ocean Dynamics 12 (2022) 1-9.</li>
<li>Brandt, L. Sediment plumes after spring floods.<br>Coastal Research 4 (2021) 5-8.</li>
</ul></body></html>"""
    entries = html.read(text).entries
    assert [e.get("title") for e in entries] == ["Tidal mixing in shallow estuaries", "Sediment plumes after spring floods"]
    assert [e.get("journal") for e in entries] == ["Ocean Dynamics", "Coastal Research"]


def test_a_mass_number_before_its_element_stays_in_the_title() -> None:
    """``<sup>14</sup>N`` is notation inside a title (an isotope), not a footnote marker after a
    name: a marker follows the name it marks, a mass number opens the word it belongs to."""
    page = """<html><body><h2>Papers</h2><ul>
<li>Lena Brandt<sup>1</sup>, Ana Okafor<sup>2</sup>, "Neutron capture on <sup>14</sup>N in cold gas", <em>Nuclear Notes</em>, 2019.</li>
<li>Ana Okafor<sup>2</sup>, "Decay widths of <sup>4</sup>He clusters", <em>Nuclear Notes</em>, 2021.</li>
</ul></body></html>"""
    lib = html.read(page)
    assert [e.get("title") for e in lib] == ["Neutron capture on 14N in cold gas", "Decay widths of 4He clusters"]
    assert lib.entries[0].get("author") == "Brandt, Lena and Okafor, Ana"
