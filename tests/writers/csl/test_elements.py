"""refkit.writers.csl.elements: CSL rules citeproc-py misses, each through a
small style rendered by refkit.render."""

from __future__ import annotations

import json
from pathlib import Path

import refkit
from refkit.readers.csljson import read as read_csl


def _render(tmp_path: Path, body: str, items: list[dict], head: str = "") -> list[str]:
    style = tmp_path / "s.csl"
    style.write_text(
        f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>{head}
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout>{body}</layout></bibliography>
</style>""",
        encoding="utf-8",
    )
    return [text for _, text in refkit.render(read_csl(json.dumps(items)), style=str(style))]


def test_a_term_form_the_locale_lacks_falls_back_to_the_next_form(tmp_path: Path) -> None:
    # en-US has reviewed-author only as a verb ("by"): verb-short falls back to it
    body = '<names variable="reviewed-author"><label form="verb-short" suffix=" "/><name/></names>'
    assert _render(tmp_path, body, [{"id": "r", "type": "review", "reviewed-author": [{"family": "Hall", "given": "Will"}]}]) == ["by Will Hall"]


def test_names_a_substituted_macro_printed_are_not_printed_again(tmp_path: Path) -> None:
    head = """
  <macro name="review"><group delimiter=", "><text variable="title" prefix="Review of "/><names variable="reviewed-author"><name/></names></group></macro>
  <macro name="editor"><names variable="editor"><name/><label prefix=" " form="short"/></names><names variable="editor"><name/></names></macro>"""
    body = """<group delimiter=". "><names variable="author"><name/><substitute><text macro="review"/></substitute></names>
      <names variable="reviewed-author"><name/></names><names variable="translator"><name/><substitute><text macro="editor"/></substitute></names></group>"""
    items = [
        {"id": "a", "type": "review", "title": "T", "reviewed-author": [{"family": "Burtle", "given": "B"}]},
        {"id": "b", "type": "book", "title": "", "editor": [{"family": "Doe", "given": "Jo"}]},
    ]
    assert _render(tmp_path, body, items, head) == ["Review of T, B Burtle", "Jo Doe ed."]


def test_et_al_needs_et_al_use_first_and_zero_first_prints_no_names(tmp_path: Path) -> None:
    three = [{"id": "a", "type": "book", "author": [{"family": f, "given": "A"} for f in ("Doe", "Roe", "Snoakes")]}]
    assert _render(tmp_path, '<names variable="author"><name et-al-min="3" delimiter=", "/></names>', three) == ["A Doe, A Roe, A Snoakes"]
    assert _render(tmp_path, '<names variable="author"><name et-al-min="3" et-al-use-first="1"/></names>', three) == ["A Doe et al."]
    body = '<group delimiter=" // "><names variable="author"><name et-al-min="2" et-al-use-first="0"/></names><names variable="author"><name et-al-min="2" et-al-use-first="2" delimiter=", "/></names></group>'
    assert _render(tmp_path, body, three) == ["A Doe, A Roe, et al."]


def _sas(tmp_path: Path, rule: str, body: str, items: list[dict], sort: str = "", macros: str = "") -> list[str]:
    style = tmp_path / "sas.csl"
    style.write_text(
        f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>{macros}
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography subsequent-author-substitute="---" subsequent-author-substitute-rule="{rule}">{sort}<layout>{body}</layout></bibliography>
</style>""",
        encoding="utf-8",
    )
    return [text for _, text in refkit.render(read_csl(json.dumps(items)), style=str(style))]


def _book(key: str, title: str, *people: str, role: str = "author") -> dict:
    return {"id": key, "type": "book", "title": title, role: [{"family": p, "given": "A"} for p in people]}


def test_subsequent_author_substitute_rules(tmp_path: Path) -> None:
    body = '<group delimiter=". "><names variable="author"><name name-as-sort-order="all" delimiter="; " and="text"/></names><text variable="title"/></group>'
    items = [_book("a", "One", "Doe", "Roe"), _book("b", "Two", "Doe", "Roe"), _book("c", "Three", "Doe", "Poe")]
    assert _sas(tmp_path, "complete-all", body, items) == ["Doe, A and Roe, A. One", "---. Two", "Doe, A and Poe, A. Three"]
    assert _sas(tmp_path, "complete-each", body, items) == ["Doe, A and Roe, A. One", "--- and ---. Two", "Doe, A and Poe, A. Three"]
    assert _sas(tmp_path, "partial-each", body, items) == ["Doe, A and Roe, A. One", "--- and ---. Two", "--- and Poe, A. Three"]
    assert _sas(tmp_path, "partial-first", body, items) == ["Doe, A and Roe, A. One", "--- and Roe, A. Two", "--- and Poe, A. Three"]
    substituted = '<names variable="author"><name/><substitute><text variable="title"/></substitute></names>'
    assert _sas(tmp_path, "partial-each", substituted, [{"id": "x", "type": "book", "title": "T"}, {"id": "y", "type": "book", "title": "T"}]) == ["T", "---"]


def test_role_labels_are_no_part_of_name_sort_keys_or_the_substitute_comparison(tmp_path: Path) -> None:
    macros = '<macro name="who"><names variable="author"><name name-as-sort-order="all"/><label form="short" prefix=" "/><substitute><names variable="editor"/></substitute></names></macro>'
    body = '<group delimiter=". "><text macro="who"/><text variable="title"/></group>'
    sort = '<sort><key macro="who"/><key variable="title"/></sort>'
    items = [_book("e", "A", "Doe", role="editor"), _book("a", "B", "Doe"), _book("z", "C", "Doe Zed")]
    # the editor's key is "Doe, A" (not "Doe, A ed."), so the titles decide; the label stays after the substitute
    assert _sas(tmp_path, "complete-all", body, items, sort, macros) == ["Doe, A ed. A", "---. B", "Doe Zed, A. C"]
    items[0]["title"] = "D"
    assert _sas(tmp_path, "complete-all", body, items, sort, macros) == ["Doe, A. B", "--- ed. D", "Doe Zed, A. C"]


def test_a_name_sort_key_cut_by_names_use_first_has_no_et_al(tmp_path: Path) -> None:
    macros = '<macro name="who"><names variable="author"><name name-as-sort-order="all"/></names></macro><macro name="year"><date variable="issued"><date-part name="year"/></date></macro>'
    sort = '<sort><key macro="who" names-min="1" names-use-first="1"/><key macro="year"/></sort>'
    body = '<group delimiter=" "><names variable="author"><name/></names><text macro="year"/></group>'
    items = [
        {"id": "a", "type": "book", "author": [{"family": "Smith", "given": "A"}], "issued": {"date-parts": [[1999]]}},
        {"id": "b", "type": "book", "author": [{"family": "Smith", "given": "A"}, {"family": "Jones", "given": "B"}], "issued": {"date-parts": [[1990]]}},
    ]
    # both keys are "Smith, A" (not "Smith, A et al."), so the year decides
    assert _sas(tmp_path, "complete-all", body, items, sort, macros) == ["A Smith, B Jones 1990", "A Smith 1999"]


def test_date_ranges_print_shared_parts_once_with_the_differing_parts_delimiter(tmp_path: Path) -> None:
    def item(key: str, start: list[int], end: list[int]) -> dict:
        return {"id": key, "type": "book", "title": key, "issued": {"date-parts": [start, end]}}

    items = [item("a", [1999, 1, 2], [1999, 1, 4]), item("b", [1999, 1, 2], [1999, 3, 4]), item("c", [1999, 1, 2], [2000, 1, 4])]
    # en-US "text": month day, year -- the shared parts stay where the format puts them
    body = '<date variable="issued" form="text"/>'
    assert _render(tmp_path, body, items) == ["January 2–4, 1999", "January 2–March 4, 1999", "January 2, 1999–January 4, 2000"]
    head = '<locale><date form="text" delimiter=" "><date-part name="day" range-delimiter="/"/><date-part name="month" range-delimiter=" to "/><date-part name="year"/></date></locale>'
    assert _render(tmp_path, body, items, head) == ["2/4 January 1999", "2 January to 4 March 1999", "2 January 1999–4 January 2000"]


def test_vertical_align_baseline_inside_a_superscript_returns_to_the_baseline(tmp_path: Path) -> None:
    body = '<group delimiter=" " vertical-align="sup"><text variable="title" vertical-align="baseline"/><text variable="publisher"/></group>'
    items = [{"id": "a", "type": "book", "title": "Down", "publisher": "Up"}]
    style = tmp_path / "s.csl"
    _render(tmp_path, body, items)  # writes s.csl
    out = refkit.render(read_csl(json.dumps(items)), style=str(style), format="html")[0][1]
    assert out == '<sup><span style="baseline">Down</span> Up</sup>'
    assert refkit.render(read_csl(json.dumps(items)), style=str(style), format="text")[0][1] == "Down Up"


def test_the_disambiguate_condition_is_true_only_for_items_cited_alike(tmp_path: Path) -> None:
    style = tmp_path / "d.csl"
    style.write_text(
        """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>
  <macro name="who"><names variable="author"><name form="short"/></names></macro>
  <citation><layout><group delimiter=", "><text macro="who"/><choose><if disambiguate="true"><text variable="title"/></if></choose></group></layout></citation>
  <bibliography><layout><group delimiter=", "><text macro="who"/><choose><if disambiguate="true"><text variable="title"/></if></choose></group></layout></bibliography>
</style>""",
        encoding="utf-8",
    )
    items = [{"id": k, "type": "book", "title": t, "author": [{"family": f, "given": g}]} for k, t, f, g in (("a", "One", "Smith", "A"), ("b", "Two", "Smith", "B"), ("c", "X", "Brown", "C"))]
    assert [t for _, t in refkit.render(read_csl(json.dumps(items)), style=str(style))] == ["Smith, One", "Smith, Two", "Brown"]


def test_an_item_without_a_type_matches_no_type_condition(tmp_path: Path) -> None:
    # as citeproc-js: a CSL-JSON item with no "type" is no book (nor anything else)
    body = '<choose><if type="book document" match="any"><text value="typed"/></if><else><text variable="title"/></else></choose>'
    assert _render(tmp_path, body, [{"id": "a", "title": "Untyped"}, {"id": "b", "type": "book", "title": "B"}]) == ["Untyped", "typed"]


def test_a_date_a_substitute_printed_is_not_printed_again(tmp_path: Path) -> None:
    head = '<macro name="title"><text variable="title" suffix=", "/><date variable="issued" date-parts="year" form="text"/></macro>'
    body = '<names variable="author"><name/><substitute><text macro="title"/></substitute></names><date variable="issued" form="text" prefix=" "/>'
    items = [{"id": "a", "type": "legislation", "title": "Act", "issued": {"date-parts": [[1992, 3, 23]]}},
             {"id": "b", "type": "book", "title": "Book", "author": [{"family": "Doe", "given": "Jo"}], "issued": {"date-parts": [[1990, 1, 2]]}}]
    assert _render(tmp_path, body, items, head) == ["Act, 1992", "Jo Doe January 2, 1990"]


def test_names_in_a_non_latin_script_print_family_first_without_a_space(tmp_path: Path) -> None:
    people = [{"family": "山田", "given": "花子"}, {"family": "Doe", "given": "Jane"}, {"family": "王", "given": "Wei"}]
    body = '<names variable="author"><name delimiter=", " initialize-with=". "/></names>'
    assert _render(tmp_path, body, [{"id": "a", "type": "book", "author": people}]) == ["山田花子, J. Doe, 王 Wei"]
    # romanized names in an item in Japanese go family first too; the short form is the family alone
    body = '<group delimiter=" / "><names variable="author"><name/></names><names variable="author"><name form="short"/></names></group>'
    item = {"id": "b", "type": "book", "language": "ja", "author": [{"family": "Tanaka", "given": "Taro"}]}
    assert _render(tmp_path, body, [item]) == ["Tanaka Taro / Tanaka"]


def test_a_non_latin_et_al_term_follows_the_name_without_a_space(tmp_path: Path) -> None:
    head = '<locale><terms><term name="et-al">等</term></terms></locale>'
    three = [{"id": "a", "type": "book", "author": [{"family": f, "given": "A"} for f in ("Doe", "Roe", "Snoakes")]}]
    one = '<names variable="author"><name et-al-min="3" et-al-use-first="1"/></names>'
    two = '<names variable="author"><name et-al-min="3" et-al-use-first="2" delimiter=", "/></names>'
    assert _render(tmp_path, one, three, head) == ["A Doe等"]
    assert _render(tmp_path, two, three, head) == ["A Doe, A Roe, 等"]  # a delimiter before it stays
    assert _render(tmp_path, one, three) == ["A Doe et al."]


def test_a_lower_case_part_after_a_hyphen_gets_no_initial_of_its_own(tmp_path: Path) -> None:
    body = '<names variable="author"><name initialize-with=". " delimiter="; "/></names>'
    items = [{"id": "a", "type": "book", "author": [{"family": "Min", "given": "Jung-wook"}, {"family": "Lee", "given": "Dong-Seon"}]}]
    assert _render(tmp_path, body, items) == ["J. Min; D.-S. Lee"]


def test_a_literal_name_after_two_personal_names_closes_one_list() -> None:
    # citeproc-js joins a trailing literal (institution, "others") after two or
    # more persons with the delimiter and "and", even where the style never puts
    # the delimiter before "and" (Nature); after one person, "and" alone
    people = [{"family": "Eao", "given": "Lin"}, {"family": "Fu", "given": "Kai"}, {"literal": "ACME Lab"}]
    items = [{"id": "a", "type": "book", "title": "T", "author": people, "issued": {"date-parts": [[2002]]}}]
    assert refkit.render(read_csl(json.dumps(items)), style="nature")[0][1].startswith("1. Eao, L., Fu, K., & ACME Lab.")
    assert refkit.render(read_csl(json.dumps(items)), style="ieee")[0][1].startswith("[1] L. Eao, K. Fu, and ACME Lab,")
    items[0]["author"] = people[1:]
    assert refkit.render(read_csl(json.dumps(items)), style="apa")[0][1].startswith("Fu, K. & ACME Lab.")


def test_ordinals_match_digits_and_the_gender_of_their_term(tmp_path: Path) -> None:
    body = '<group delimiter=" "><number variable="edition" form="ordinal"/><date variable="issued"><date-part name="day" form="ordinal" suffix=" "/><date-part name="month"/></date></group>'
    items = [{"id": str(n), "type": "book", "edition": str(n), "issued": {"date-parts": [[2000, 10, n]]}} for n in (1, 2, 11, 21)]
    items.append({"id": "112", "type": "book", "edition": "112"})
    assert _render(tmp_path, body, items) == ["1st 1st October", "2nd 2nd October", "11th 11th October", "21st 21st October", "112th"]
    # French: "édition" is feminine, the months masculine (the style's default-locale)
    style_fr = tmp_path / "fr.csl"
    items = [{"id": "a", "type": "book", "edition": "1", "issued": {"date-parts": [[2000, 10, 1]]}}]
    style_fr.write_text(
        f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="fr-FR">
  <info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout>{body}</layout></bibliography>
</style>""",
        encoding="utf-8",
    )
    assert [t for _, t in refkit.render(read_csl(json.dumps(items)), style=str(style_fr))] == ["1ʳᵉ 1ᵉʳ octobre"]
    assert [t for _, t in refkit.render(read_csl(json.dumps(items)), style=str(style_fr), format="html")] == ["1<sup>r</sup><sup>e</sup> 1<sup>e</sup><sup>r</sup> octobre"]


def test_number_of_pages_and_volumes_labels_are_plural_above_one(tmp_path: Path) -> None:
    body = '<group delimiter=", "><group><text variable="number-of-volumes"/><label variable="number-of-volumes" form="short" prefix=" "/></group><group><text variable="number-of-pages"/><label variable="number-of-pages" prefix=" "/></group></group>'
    items = [{"id": "a", "type": "book", "number-of-volumes": "5", "number-of-pages": "1"}, {"id": "b", "type": "book", "number-of-volumes": "1", "number-of-pages": "100"}]
    assert _render(tmp_path, body, items) == ["5 vols., 1 page", "1 vol., 100 pages"]


def test_a_blank_et_al_term_prints_nothing_and_a_tab_in_an_affix_stays(tmp_path: Path) -> None:
    head = '<locale><terms><term name="and others">\n   </term></terms></locale>'
    body = '<text value="1" suffix=".&#9;"/><names variable="author" suffix=". "><name et-al-min="2" et-al-use-first="1" initialize-with="."/><et-al term="and others"/></names><text variable="title"/>'
    items = [{"id": "a", "type": "book", "title": "Title", "author": [{"family": "Doe", "given": "Jo"}, {"family": "Roe", "given": "Al"}]}]
    assert _render(tmp_path, body, items, head) == ["1.\tJ. Doe. Title"]


def test_initials_joined_by_a_hyphen_stay_initials_when_not_initializing(tmp_path: Path) -> None:
    body = '<names variable="author"><name initialize="false" initialize-with=". "/></names>'
    items = [{"id": "a", "type": "book", "author": [{"family": "Tsai", "given": "M.-H"}]}]
    assert _render(tmp_path, body, items) == ["M. H. Tsai"]


def test_names_without_a_name_element_follow_refkit_name_rules(tmp_path: Path) -> None:
    # a cs:names with no cs:name (AMA's author macro) prints names by the
    # options inherited from the style; an abbreviated given name stays as
    # written ("Ch.", "Yu.") exactly as when the cs:name is spelled out
    items = [{"id": "a", "type": "book", "author": [{"family": "Roe", "given": "Yu. B."}, {"family": "Loy", "given": "Ch."}, {"family": "Fox", "given": "Ann Lee"}]}]
    without = '<names variable="author"/>'
    with_name = '<names variable="author"><name/></names>'
    head = ""
    for body in (without, with_name):
        style = tmp_path / "s.csl"
        style.write_text(
            f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" initialize-with="" name-as-sort-order="all" sort-separator=" " name-delimiter=", ">
  <info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>{head}
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout>{body}</layout></bibliography>
</style>""",
            encoding="utf-8",
        )
        got = [text for _, text in refkit.render(read_csl(json.dumps(items)), style=str(style))]
        assert got == ["Roe YuB, Loy Ch, Fox AL"], body


def test_a_shorthand_names_in_a_substitute_still_inherits_the_original_name(tmp_path: Path) -> None:
    body = (
        '<names variable="author"><name initialize-with="." form="long" and="text"/>'
        '<substitute><names variable="editor"/></substitute></names>'
    )
    items = [{"id": "a", "type": "book", "editor": [{"family": "Roe", "given": "Ann"}, {"family": "Loy", "given": "Bo"}]}]
    assert _render(tmp_path, body, items) == ["A. Roe and B. Loy"]


def test_hostile_names_and_pages_render_in_linear_time(tmp_path: Path) -> None:
    # each of these shapes was exponential, cubic or quadratic in one of the patterns
    # that read names, pages and notes while rendering
    initials = "A." + " A." * 40 + " 1"  # the initials-only test: exponential (22 initials took 1.4 s)
    blanks = " " * 100_000
    items = [
        {"id": "a", "type": "book", "title": "T", "author": [{"family": "Doe", "given": initials}], "page": f"12{blanks}x"},
        {"id": "b", "type": "book", "title": "U", "author": [{"family": "Roe", "given": "\ue040" * 50_000 + "Jo"}],
         "note": f"container-title: Journal{blanks}of Tests"},
    ]
    body = ('<group delimiter="|"><names variable="author"><name initialize="false" initialize-with=". "/></names>'
            '<text variable="title"/><text variable="page-first"/><text variable="container-title"/></group>')
    first, second = _render(tmp_path, body, items)
    assert first.startswith(f"{initials} Doe|T|12") and second.endswith("|U|Journal of Tests")
    commas = [{"id": k, "type": "book", "title": k, "author": [{"literal": "X" + ", " * 100_000}]} for k in "cd"]
    assert _sas(tmp_path, "complete-all", '<group delimiter=". "><names variable="author"><name/></names><text variable="title"/></group>',
                commas)[1] == "---. d"
