"""refkit.writers.csl.collation and cs:sort: the order citeproc-js gives."""

from __future__ import annotations

import json
from pathlib import Path

import refkit
from refkit.readers.csljson import read as read_csl
from refkit.writers.csl.collation import collate


def test_numbers_inside_sort_keys_compare_as_numbers() -> None:
    keys = ["Journal, vol. 13", "Journal, vol. 6", "Journal, vol. 22", "Journal, vol. 9"]
    assert sorted(keys, key=collate) == ["Journal, vol. 6", "Journal, vol. 9", "Journal, vol. 13", "Journal, vol. 22"]
    assert collate("x05") == collate("x5")
    assert collate("Bäck") < collate("Butov")


def test_keys_equal_but_for_case_keep_the_citation_order(tmp_path: Path) -> None:
    style = tmp_path / "s.csl"
    style.write_text(
        """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><sort><key variable="title"/></sort><layout><text variable="title"/><text variable="volume" prefix=" "/></layout></bibliography>
</style>""",
        encoding="utf-8",
    )
    items = [{"id": f"i{v}", "type": "book", "title": t, "volume": v} for t, v in (("Editorial comments", "1"), ("Editorial Comments", "2"), ("editorial comments", "3"))]
    assert [t for _, t in refkit.render(read_csl(json.dumps(items)), style=str(style))] == ["Editorial comments 1", "Editorial Comments 2", "editorial comments 3"]


def test_letters_without_decomposition_sort_with_their_base_letter() -> None:
    names = ["Lyons", "Løfstedt", "Lohani", "Łukasz", "Lukas"]
    assert sorted(names, key=collate) == ["Løfstedt", "Lohani", "Lukas", "Łukasz", "Lyons"]


def test_spaces_sort_first_but_no_break_spaces_are_ignored() -> None:
    # as citeproc-js orders titles: "TUG 2002" < "TUG membership" < "TUG2000" < "TUG\u00a02001"
    titles = ["TUG\u00a02001 c", "TUG2000The", "TUG membership", "TUG 2002 b", "\u00a0macro index", "Abstracts", "zebra"]
    assert sorted(titles, key=collate) == ["Abstracts", "\u00a0macro index", "TUG 2002 b", "TUG membership", "TUG2000The", "TUG\u00a02001 c", "zebra"]


def test_markup_is_ignored_and_stray_angle_brackets_kept_in_one_pass() -> None:
    assert collate("<i>Zeta</i> functions") == collate("Zeta functions")
    # a title of many '<' (no tag closes): the tag pattern was retried from each of them
    assert collate("<i>a</i> " + "<" * 300_000) < collate("b")
