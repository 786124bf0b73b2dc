"""Author lists as displayed -> Name lists (refkit.extraction.authors)."""

from __future__ import annotations

import pytest

from refkit.extraction.authors import annotation, parse_authors, parse_display_name, scan_authors
from refkit.model import Name


def families(text: str) -> list[str]:
    return [n.literal if n.literal else n.family for n in scan_authors(text).names]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("J. Smith, A. Doe and K. Lee", ["Smith", "Doe", "Lee"]),
        ("John Smith, Anna Doe, and Kim Lee", ["Smith", "Doe", "Lee"]),
        ("John Smith & Anna Doe", ["Smith", "Doe"]),
        ("Smith, J., Doe, A. B., & Lee, K.", ["Smith", "Doe", "Lee"]),
        ("Smith, John; Doe, Jane; Roe, Richard", ["Smith", "Doe", "Roe"]),
        ("Smith JA, Doe B, Le Rhun A", ["Smith", "Doe", "Le Rhun"]),
        ("Ludwig van Beethoven and Johann S. Bach", ["Beethoven", "Bach"]),
        ("Van Vu and Quoc V. Le", ["Vu", "Le"]),
        ("Da Costa, M., Tian, X.", ["Da Costa", "Tian"]),
        ("ZHONG Zhihang, SUN Xiao", ["Zhong", "Sun"]),
        ("张三、李四", ["张三", "李四"]),
        ("E.-J. Goh, J.-P. Serre", ["Goh", "Serre"]),
        ("GE Hinton, RR Salakhutdinov", ["Hinton", "Salakhutdinov"]),
        # German humanities lists: names joined by "/", "u.a." for et al.
        ("Brandt, Jutta/Okafor, Nnamdi/Lind, Per", ["Brandt", "Okafor", "Lind"]),
        ("Brandt, Jutta u.a.", ["Brandt", "others"]),
        ("J. Brandt / N. Okafor", ["Brandt", "Okafor"]),
        # combining accents (here a dotless i with a combining acute) stay inside the name
        ("Luc\u0131\u0301a Ortiz and Diego Rodr\u0131\u0301guez", ["Ortiz", "Rodr\u0131\u0301guez"]),
        # many initials are one name; the last initial's dot left out
        ("Ana Ortiz and Paulo A. C. P. L. F. de Sousa", ["Ortiz", "Sousa"]),
        ("Ortiz, A.B., K. Brandt, & N.P Okafor", ["Ortiz", "Brandt", "Okafor"]),
        # an initial written onto the family name, in Latin letters beyond ASCII too
        ("E.Ortiz, M.Şahinoğlu, İ.Özkan and K.Brandt", ["Ortiz", "Şahinoğlu", "Özkan", "Brandt"]),
        # a spaced middle dot between names (Springer)
        ("E. Ortiz · K. Brandt · N. Okafor", ["Ortiz", "Brandt", "Okafor"]),
        # a spaced bullet separates fields: the list ends there, whatever follows
        ("Ortiz E, Brandt K • Revista de Geografía, 2021", ["Ortiz", "Brandt"]),
        ("Ortiz E, Brandt K • Journal of Rivers • Article", ["Ortiz", "Brandt"]),
    ],
)
def test_name_list_shapes(text: str, expected: list[str]) -> None:
    assert families(text) == expected


def test_given_names_and_particles_are_kept() -> None:
    names = scan_authors("Ludwig van Beethoven, Martin Luther King, Jr.").names
    assert names[0] == Name(family="Beethoven", given="Ludwig", particle="van")
    assert names[1].family == "King" and names[1].suffix == "Jr." and names[1].given == "Martin Luther"


def test_et_al_and_ellipsis_are_the_others_marker() -> None:
    for text in ("Wang Shen, Cheng Ming, Wenbo Bao et al.", "Rui Zhao, et al.", "A. Smith, B. Doe, …"):
        names = scan_authors(text).names
        assert names[-1].is_others
        assert all(not n.is_others for n in names[:-1])


@pytest.mark.parametrize(
    "text, expected, rest",
    [
        # an ellipsis inside the list leaves names out; the names after it are still authors
        ("Ortiz, L., Brandt, K., … Okafor, N. (2021). A title", ["Ortiz", "Brandt", "Okafor"], " (2021). A title"),
        ("Ortiz, L., Brandt, K., ... Okafor, N. (2021). A title", ["Ortiz", "Brandt", "Okafor"], " (2021). A title"),
        ("Ortiz, L., Brandt, K., . . . Okafor, N. (2021). A title", ["Ortiz", "Brandt", "Okafor"], " (2021). A title"),
        ("L. Ortiz, K. Brandt, … N. Okafor, P. Lind. A title", ["Ortiz", "Brandt", "Okafor", "Lind"], " A title"),
        # nothing name-like after it: the ellipsis ends the list as "others"
        ("L. Ortiz, K. Brandt, … Sound of rivers. Water 3", ["Ortiz", "Brandt", "others"], " Sound of rivers. Water 3"),
        ("Ortiz, L., Brandt, K., . . .", ["Ortiz", "Brandt", "others"], ""),
    ],
)
def test_ellipsis_inside_a_list_is_a_gap(text: str, expected: list[str], rest: str) -> None:
    found = scan_authors(text)
    assert [n.literal or n.family for n in found.names] == expected
    assert text[found.end:] == rest


def test_role_markers_are_removed_and_returned() -> None:
    found = scan_authors("Liwen Hu#, Rui Zhao#, Ziluo Ding*, Lei Ma†, Boxin Shi‡")
    assert [n.family for n in found.names] == ["Hu", "Zhao", "Ding", "Ma", "Shi"]
    assert found.roles == (("equal",), ("equal",), ("equal",), ("corresponding",), ("corresponding",))
    assert annotation(found.roles) == "1=equal; 2=equal; 3=equal; 4=corresponding; 5=corresponding"


def test_bold_name_is_highlighted() -> None:
    text = "A. Smith, B. Doe"
    bold = [False] * len(text)
    for k in range(text.index("B. Doe"), len(text)):
        bold[k] = True
    found = scan_authors(text, bold)
    assert found.roles == ((), ("highlight",))
    assert annotation(found.roles) == "2=highlight"


def test_list_ends_where_the_title_starts() -> None:
    text = "Smith, J., Doe, A., & Lee, K. (2020). A study of things. Journal, 1, 2."
    found = scan_authors(text)
    assert [n.family for n in found.names] == ["Smith", "Doe", "Lee"]
    assert text[found.end:].lstrip().startswith("(2020)")
    text = "Hille F, Charpentier E. CRISPR-Cas: biology, mechanisms and relevance."
    found = scan_authors(text)
    assert [n.family for n in found.names] == ["Hille", "Charpentier"]
    text = "Quoc V. Le, Andrew Y. Ng: Building high-level features."
    assert families(text) == ["Le", "Ng"]


@pytest.mark.parametrize(
    "title",
    [
        "Blurry Video Frame Interpolation",
        "Optical Flow Estimation for Spiking Camera",
        "Deep Residual Learning",
        "18 Papers",
        "Main Members: Yajing Zheng(Postdoc)",
        "Swin Transformer V2: Scaling Up Capacity",
    ],
)
def test_titles_are_not_author_lists(title: str) -> None:
    assert not parse_authors(title)


def test_parse_display_name_rejects_sentences() -> None:
    assert parse_display_name("the results of this") is None
    assert parse_display_name("Smith") is None  # a lone word is not a citable person
    name, roles, _ = parse_display_name("Zhihang Zhong*")  # type: ignore[misc]
    assert name.family == "Zhong" and roles == ("equal",)


@pytest.mark.parametrize(
    "text, expected, rest",
    [
        ("Smith A, Doe B. Title", ["Smith", "Doe"], "Title"),
        ("Smith A, Doe B. Graphene Transistors Rule. Nature", ["Smith", "Doe"], "Graphene"),
        ("Smith JA. Graphene Transistors. Nature", ["Smith"], "Graphene"),
    ],
)
def test_vancouver_list_ends_at_the_full_stop(text: str, expected: list[str], rest: str) -> None:
    found = scan_authors(text)
    assert [n.family for n in found.names] == expected
    assert text[found.end:].strip().startswith(rest)
    assert not found.names[-1].given.endswith(".")


@pytest.mark.parametrize(
    "text, expected, rest",
    [
        # "and" before the last name ends an English list: what follows a comma is no name
        ("Ana Ortiz and Kai Brandt, Haskell Symposium 2024.", ["Ortiz", "Brandt"], ", Haskell Symposium 2024."),
        ("A. Ortiz, K. Brandt, and L. Voss, Title of the paper", ["Ortiz", "Brandt", "Voss"], ", Title of the paper"),
        ("Ana Ortiz and Kai Brandt, Jr., Title", ["Ortiz", "Brandt"], ", Title"),  # a suffix still belongs
        ("A. Ortiz and K. Brandt, et al., Title", ["Ortiz", "Brandt", "others"], ", Title"),
        # BibTeX-style lists put "and" before every name; "Last, First" pairs may then hold
        # a family name of several capitalised words
        ("Ortiz, Ana and Brandt, Kai and Fávaro de Sousa, Lia and Voss, Lena", ["Ortiz", "Brandt", "Fávaro de Sousa", "Voss"], ""),
        ("John Smith, Anna Doe and Kim Lee", ["Smith", "Doe", "Lee"], ""),
        # a particle written after the given name ("Beethoven, Ludwig van")
        ("Rocha, Lia Zanini da, and Voss, Lena Maria \"A quoted title\". Journal", ["Rocha", "Voss"], ' "A quoted title". Journal'),
        # Vancouver initials that look like a suffix: "JR" is J. R. when no given name is left
        ("Ortiz AB, Szymanowski JR, Voss L. Heat flow.", ["Ortiz", "Szymanowski", "Voss"], " Heat flow."),
        # a label of the item's kind before the names
        ("Conference Ana Ortiz and Kai Brandt. Heat flow.", ["Ortiz", "Brandt"], " Heat flow."),
        ("ArXiv Kai Brandt. Heat flow.", ["Brandt"], " Heat flow."),
    ],
)
def test_list_level_reading(text: str, expected: list[str], rest: str) -> None:
    found = scan_authors(text)
    assert [n.literal if n.literal else n.family for n in found.names] == expected
    assert text[found.end:] == rest


def test_particles_after_the_given_name_become_the_particle() -> None:
    ana, lena = scan_authors("Rocha, Lia Zanini da and Beethoven, Ludwig van").names
    assert (ana.family, ana.given, ana.particle) == ("Rocha", "Lia Zanini", "da")
    assert (lena.family, lena.given, lena.particle) == ("Beethoven", "Ludwig", "van")


@pytest.mark.parametrize("text", ["Haskell Symposium", "Compositio Math", "Journal Letters", "Conference Proceedings"])
def test_venue_words_make_no_person(text: str) -> None:
    assert parse_display_name(text) is None


@pytest.mark.parametrize("text", ["Ann Royal", "Chi Bull", "Lena Winter", "John Key"])
def test_names_that_are_also_venue_words_stay_names(text: str) -> None:
    assert parse_display_name(text) is not None


@pytest.mark.parametrize(
    "text, expected, rest",
    [
        # "Last, First" halves are joined by a comma, never by "and"
        ("Kai Brandt and R. Lena Voss. Heat flow in films", ["Brandt", "Voss"], " Heat flow in films"),
        # a given name and the initials of more
        ("Brandt, Kai JS, et al. Heat flow in films", ["Brandt", "others"], " Heat flow in films"),
        # Japanese: a middle dot between names in kanji, a space before the title
        ("賀 云野・小井土 大・鎌谷洋一郎 全ゲノム関連解析の方法", ["賀 云野", "小井土 大", "鎌谷洋一郎"], " 全ゲノム関連解析の方法"),
        # inside a katakana name the middle dot joins its parts
        ("ジョン・スミス、山田太郎", ["ジョン・スミス", "山田太郎"], ""),
        ("张三, 李四, 王五：一种新的方法", ["张三", "李四", "王五"], "：一种新的方法"),
    ],
)
def test_separators_and_scripts(text: str, expected: list[str], rest: str) -> None:
    found = scan_authors(text)
    assert [n.literal if n.literal else n.family for n in found.names] == expected
    assert text[found.end:] == rest


@pytest.mark.parametrize("hyphen", ["-", "\u2010", "\u2011"])
def test_every_hyphen_joins_a_double_name(hyphen: str) -> None:
    assert families(f"Kerstin Lemke{hyphen}Rust and Ana Ortiz") == [f"Lemke{hyphen}Rust", "Ortiz"]


@pytest.mark.parametrize(
    "text, expected, rest",
    [
        # a suffix is a word of its own: a given name starting "Sr"/"Jr" is no suffix
        ("Ana Ortiz, Srikanth Rao, Jrgen Lind", ["Ortiz", "Rao", "Lind"], ""),
        # the name a person goes by, in brackets or quotes, between given and family name
        ("Kai Brandt, Mei (Molly) Tanaka, Lena Voss", ["Brandt", "Tanaka", "Voss"], ""),
        ('Kai Brandt and Robert "Bob" Okafor', ["Brandt", "Okafor"], ""),
        # Dutch and Italian particles
        ("Ana Ortiz, Kai van ’t Hoff, Lia dalla Costa", ["Ortiz", "Hoff", "Costa"], ""),
        # after an ellipsis, a name as sure as the ones before it still belongs to the list
        ("Ana Ortiz, Kai Brandt, …, Lena Voss", ["Ortiz", "Brandt", "Voss"], ""),
        # an inverted first name whose comma was left out before the next (MLA-style) name
        ("Ortiz, A. K. Brandt, & L. Voss. (2020). Heat flow", ["Ortiz", "Brandt", "Voss"], " (2020). Heat flow"),
        ("Ortiz, A. B. Heat flow in films", ["Ortiz"], " Heat flow in films"),
    ],
)
def test_name_shapes_across_a_list(text: str, expected: list[str], rest: str) -> None:
    found = scan_authors(text)
    assert [n.literal or n.family for n in found.names] == expected
    assert text[found.end:] == rest


def test_inverted_then_direct_names_keep_their_given_names() -> None:
    first, second, _ = scan_authors("Ortiz, A. K. Brandt, L. Voss").names
    assert (first.family, first.given) == ("Ortiz", "A.")
    assert (second.family, second.given) == ("Brandt", "K.")


@pytest.mark.parametrize(
    "text, cut, expected, rest",
    [
        # two linked names with no comma between: the link boundary separates them
        ("Ana Ortiz, Kai Brandt Lena Voss, Mei Tanaka", 22, ["Ortiz", "Brandt", "Voss", "Tanaka"], ""),
        # a name right before an italic title ends where the italics start
        ("Ana Ortiz, Kai Brandt Heat Flow in Thin Films", 22, ["Ortiz", "Brandt"], " Heat Flow in Thin Films"),
        ("Ana Ortiz, …, Kai Brandt Heat Flow in Thin Films", 25, ["Ortiz", "Brandt"], " Heat Flow in Thin Films"),
    ],
)
def test_a_name_ends_at_a_markup_break(text: str, cut: int, expected: list[str], rest: str) -> None:
    assert text[cut - 1] == " "
    found = scan_authors(text, breaks=(cut,))
    assert [n.literal or n.family for n in found.names] == expected
    assert text[found.end:] == rest
    # without the break the names run together
    assert [n.literal or n.family for n in scan_authors(text).names] != expected


def test_a_last_inverted_name_is_not_split_into_the_title() -> None:
    # ACS style: "Last, F. M.;" names, the title right after the last one's initials
    found = scan_authors("Ortiz, A. B.; Brandt, K. L. A Quadric Ligation Study")
    assert [n.family for n in found.names] == ["Ortiz", "Brandt"]


@pytest.mark.parametrize(
    "text, expected, rest",
    [
        # a hyphenated second initial written apart ("J. -P.")
        ("A. Ortiz, J. -P. Brandt and L. Voss, Heat flow", ["Ortiz", "Brandt", "Voss"], ", Heat flow"),
        # an ellipsis in brackets is the same gap
        ("Ortiz AB, Brandt KL, [...], Voss L, Tanaka M (2021) Heat flow", ["Ortiz", "Brandt", "Voss", "Tanaka"], " (2021) Heat flow"),
        # "in" and the book after the name
        ("M. A. Ortiz in Heat Flow in Films, edited by K. Lee", ["Ortiz"], " in Heat Flow in Films, edited by K. Lee"),
        # after sure names, a "name" made of title words is the venue
        ("M. A. Ortiz, K. Brandt, Solid State Phenom. 195, 65 (2013).", ["Ortiz", "Brandt"], ", Solid State Phenom. 195, 65 (2013)."),
        # a group as the last author
        ("Ortiz AB, Brandt KL, Lakeside Children's Health Collaborative", ["Ortiz", "Brandt", "Lakeside Children's Health Collaborative"], ""),
        # an en dash joins a double name on typeset pages
        ("M. Ortiz–Brandt, C. Voss, and N. Lee, J. Chem.", ["Ortiz–Brandt", "Voss", "Lee"], ", J. Chem."),
    ],
)
def test_more_list_shapes(text: str, expected: list[str], rest: str) -> None:
    found = scan_authors(text)
    assert [n.literal or n.family for n in found.names] == expected
    assert text[found.end:] == rest


def test_a_word_before_a_given_name_first_list_is_no_inverted_name() -> None:
    # "… for U, Np, M. Ortiz, C. Brandt, and N. Lee": "Np, M." is no "Last, First" when a
    # sure list written given name first starts at "M."
    assert not scan_authors("Np, M. Ortiz, C. Brandt, and N. Lee, J. Chem. 23").names
    # a real inverted first name still reads
    assert families("Ortiz, M., C. Brandt, and N. Lee") == ["Ortiz", "Brandt", "Lee"]


@pytest.mark.parametrize("dash", ["———", "——", "---", "___", "⸻"])
def test_a_dash_run_stands_for_the_names_above(dash: str) -> None:
    from refkit.extraction.authors import SAME_AS_ABOVE

    found = scan_authors(f"{dash}. “Heat flow in thin films.” Ice 4 (2019).")
    assert found.names == (SAME_AS_ABOVE,)


def test_repeat_authors_fills_the_dash_from_the_entry_above() -> None:
    from refkit.extraction.authors import SAME_AS_ABOVE, repeat_authors
    from refkit.model import Entry

    ortiz, lee, voss = Name(family="Ortiz", given="Ana"), Name(family="Lee", given="Kim"), Name(family="Voss", given="Lena")
    entries = [
        Entry("article", "").with_names("author", [SAME_AS_ABOVE]),  # nothing above: dropped
        Entry("article", "").with_names("author", [ortiz, lee]),
        Entry("article", "").with_names("author", [SAME_AS_ABOVE]),  # alone: the whole list above
        Entry("article", ""),  # no names: the list above carries on
        Entry("article", "").with_names("author", [SAME_AS_ABOVE, voss]),  # before names: the first above
    ]
    assert [e.names() for e in repeat_authors(entries)] == [(), (ortiz, lee), (ortiz, lee), (), (ortiz, voss)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # ABNT: family names of several words in capitals, then initials
        ("DE BRINDEIRO, R. M.; SILVA, J. A.; SOUZA, M. B. Título do artigo.", ["DE BRINDEIRO", "SILVA", "SOUZA"]),
        ("DA SILVA, J. A.; VAN DER BERG, K. Title here.", ["DA SILVA", "VAN DER BERG"]),
        # family names first in capitals: a two-letter one is a family name too, not initials
        ("LI Wei, ZHANG San, WANG Wu. Title of paper [J]. Journal, 2020.", ["Li", "Zhang", "Wang"]),
        # ... but initials stay initials in a list that does not write names so
        ("GE Hinton, RR Salakhutdinov", ["Hinton", "Salakhutdinov"]),
    ],
)
def test_capitals_mark_the_family_name(text: str, expected: list[str]) -> None:
    assert families(text) == expected


def test_a_full_stop_after_a_word_ends_the_name() -> None:
    found = scan_authors("ZHANG San, LI Wei, HE Xu. Heat flow in films")
    assert [(n.family, n.given) for n in found.names] == [("Zhang", "San"), ("Li", "Wei"), ("He", "Xu")]
    assert found.names[-1].family != "Heat"


def test_a_long_list_with_markup_changes_everywhere_is_read_whole() -> None:
    """Each piece looks only at the markup breaks inside it: a crafted list of 20,000 names
    with a break every few characters is read in one pass (it was quadratic)."""
    text = ", ".join(["Ann Lee"] * 20_000)
    found = scan_authors(text, None, tuple(range(1, len(text), 3)))
    assert found.end == len(text)
    assert len(found.names) == 20_000


@pytest.mark.parametrize(
    "text, expected, rest",
    [
        # "and" of other languages, after a comma or (before a name of two words) without one
        ("Ilse Brandt, Karl Roth, und Jana Vogel. Ein Titel", ["Brandt", "Roth", "Vogel"], " Ein Titel"),
        ("A. Ortiz, B. Lemaire, et C. Dubois, «Un titre»", ["Ortiz", "Lemaire", "Dubois"], ", «Un titre»"),
        ("Ortiz, Lucía y Pablo Serrano 2015 Un título", ["Ortiz", "Serrano"], " 2015 Un título"),
        ("Berg, Sofie, Nils Dahl, og Eva Lund. Tittel", ["Berg", "Dahl", "Lund"], " Tittel"),
        ("Kis B. és Nagy I. Egy cím", ["Kis", "Nagy"], " Egy cím"),
        ("J. Nowicki i A. Wrona. Tytuł pracy", ["Nowicki", "Wrona"], " Tytuł pracy"),
        # ... but a particle "y" inside a family name stays in it
        ("José Ortega y Gasset. La obra", ["Ortega y Gasset"], " La obra"),
    ],
)
def test_and_in_other_languages_separates_names(text: str, expected: list[str], rest: str) -> None:
    found = scan_authors(text)
    assert [n.family for n in found.names] == expected
    assert text[found.end:] == rest


@pytest.mark.parametrize(
    "text",
    ["Ortiz, A., e col.", "Ortiz, A., y cols.", "Ortiz, A. et coll.", "Ortiz, A., Lind, P., ym.", "Ortiz, A., Lind, P., m.fl.",
     "Ortiz, A., Lind, P., i in.", "Ortiz, A., a kol.", "Ortiz, A., ve ark.", "Ortiz, A., e outros", "Ortiz, A., e altri"],
)
def test_and_others_in_other_languages(text: str) -> None:
    names = scan_authors(text).names
    assert names[0].family == "Ortiz" and names[-1].is_others


@pytest.mark.parametrize(
    "text, expected",
    [
        # particles written after the given name, one or several, after initials too
        ("Berg, Jan van den; Lund, Eva; Dahl, Nils", [("Berg", "Jan", "van den"), ("Lund", "Eva", ""), ("Dahl", "Nils", "")]),
        ("Vries, A. de, and J. Nowicki (2017)", [("Vries", "A.", "de"), ("Nowicki", "J.", "")]),
        ("Rio, C. del, K. Lind, and P. Dahl", [("Rio", "C.", "del"), ("Lind", "K.", ""), ("Dahl", "P.", "")]),
    ],
)
def test_particles_after_given_names(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(n.family, n.given, n.particle) for n in scan_authors(text).names] == expected


def test_a_two_letter_family_name_after_initials_is_no_initial() -> None:
    # "Yu", "Li": two letters that could be a digraph initial; after initials they are the family name
    found = scan_authors("Ortiz, S., and E. T. Yu. “A Title of Things”")
    assert [(n.family, n.given) for n in found.names] == [("Ortiz", "S."), ("Yu", "E. T.")]


def test_a_capitalised_function_word_inside_a_name_is_no_title_word() -> None:
    # title case writes "an", "to", "do" in lower case: capitalised inside a name they are names
    found = scan_authors("Berg, Sofie, Văn An Nguyễn, and Eva Lund. Title")
    assert [n.family for n in found.names] == ["Berg", "Nguyễn", "Lund"]
    assert parse_display_name("Văn An Nguyễn")[2] >= 0.7


@pytest.mark.parametrize(
    "text, expected",
    [
        # family names last in capitals: a short one ("WU", "LIU") is a family name too, not initials
        ("ORTIZ, Lucía, Mei-Ling CHEN, Shang-En WU and Chuan-Pu LIU, 2013. A title",
         [("ORTIZ", "Lucía"), ("CHEN", "Mei-Ling"), ("WU", "Shang-En"), ("LIU", "Chuan-Pu")]),
        # Vancouver with family names in capitals: a short capital word before an initial is a family name
        ("WANG J; LUO J; HE L; ZUNGER A. 2015. A title", [("WANG", "J"), ("LUO", "J"), ("HE", "L"), ("ZUNGER", "A")]),
        ("WANG J, LUO J, HE L. A title", [("WANG", "J"), ("LUO", "J"), ("HE", "L")]),
        ("HAN K; TAO M; LI X. 2009. A title", [("HAN", "K"), ("TAO", "M"), ("LI", "X")]),
        # ... while a list without capital family names keeps two capitals as initials
        ("Ana Ortiz, JR Lind and Kim Dahl", [("Ortiz", "Ana"), ("Lind", "JR"), ("Dahl", "Kim")]),
    ],
)
def test_capital_family_names_decided_per_list(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(n.family, n.given) for n in scan_authors(text).names] == expected


def test_a_family_name_alone_before_et_al() -> None:
    assert [n.family for n in scan_authors("Lind-Ortiz et al, 2022 - 'A title'").names][:1] == ["Lind-Ortiz"]
    assert scan_authors("Lind-Ortiz et al, 2022").names[-1].is_others
    assert not scan_authors("Learning et al. A title")  # a title word is no family name


def test_semicolons_between_inverted_names_keep_long_family_names() -> None:
    found = scan_authors("Lara Montaño, Ana; Dahl, Kai; Ortiz Ruiz, María José et al., A title")
    assert [(n.family, n.given) for n in found.names if not n.is_others] == [
        ("Lara Montaño", "Ana"), ("Dahl", "Kai"), ("Ortiz Ruiz", "María José")]


def test_the_document_decides_an_ambiguous_first_name() -> None:
    from refkit.extraction.authors import forget

    ambiguous = "Lara Montaño, Ana Sofía, Kai Dahl, and Eva Lind. A title"
    forget()
    # nothing seen yet: four people written given name first is a reading as good as another
    alone = [n.family for n in scan_authors(ambiguous).names]
    forget()
    for text in ("Ortiz, Ana, Kim Lee, and Bo Dahl. T1", "Lind, Per, and Eva Berg. T2", "Dahl, Nils, Jan Lee, and Kai Roth. T3"):
        scan_authors(text)  # a document whose lists all start "Family, Given"
    assert [n.family for n in scan_authors(ambiguous).names] == ["Lara Montaño", "Dahl", "Lind"]
    forget()
    assert [n.family for n in scan_authors(ambiguous).names] == alone


def test_a_document_of_inverted_lists_keeps_whole_names_whole() -> None:
    from refkit.extraction.authors import forget

    forget()
    for text in ("Ortiz, Ana, Kim Lee, and Bo Dahl. T1", "Lind, Per, and Eva Berg. T2", "Dahl, Nils, Jan Lee, and Kai Roth. T3"):
        scan_authors(text)
    # a list written given name first in the same document: a given name opens it, or the
    # second piece ends with a family name, so its pieces are whole names
    assert [n.family for n in scan_authors("Mario Sainz, Gloria Ortiz-Moya, and Kai Dahl. T4").names] == ["Sainz", "Ortiz-Moya", "Dahl"]
    assert [n.family for n in scan_authors("Fang Ren, Logan Ward, and Kai Dahl. T5").names] == ["Ren", "Ward", "Dahl"]
    forget()


@pytest.mark.parametrize(
    "text, expected",
    [
        # the comma after the initials left out, in an inverted list: the word after them is the next family name
        ("Ortiz, K., Lind, P., Dahl, N. Brandt, S. Voss, J., & Berg, T. (2022). A title",
         [("Ortiz", "K."), ("Lind", "P."), ("Dahl", "N."), ("Brandt", "S."), ("Voss", "J."), ("Berg", "T.")]),
        ("Ortiz, L., Lind, RS Dahl, DR, A title", [("Ortiz", "L."), ("Lind", "RS"), ("Dahl", "DR")]),
        # a family name alone and its initials alone, in a list written otherwise
        ("Ortiz T.W., Lind M, Dahl H., and Brandt, E.H. (2019). A title",
         [("Ortiz", "T.W."), ("Lind", "M"), ("Dahl", "H"), ("Brandt", "E. H.")]),
    ],
)
def test_names_whose_commas_do_not_follow_the_list_style(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(n.family, n.given) for n in scan_authors(text).names] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # every name "FAMILY Given" (French styles): initials after the given name, hyphens, joiners
        ("OKAFOR Nnamdi C., BRANDT Jutta, EL-AMIN Sara et VOSS Lena K., 2019. « A title »",
         [("Okafor", "Nnamdi C."), ("Brandt", "Jutta"), ("El-Amin", "Sara"), ("Voss", "Lena K.")]),
        ("ORTIZ Rosa, NG Wei Lin, DAHL K. et LI Mei, 2020. « A title »", [("Ortiz", "Rosa"), ("Ng", "Wei Lin"), ("Dahl", "K"), ("Li", "Mei")]),
        ("PUIG I SOLER Marta, DAHL Kim et OKAFOR Nnamdi, 2021. « A title »",
         [("Puig i Soler", "Marta"), ("Dahl", "Kim"), ("Okafor", "Nnamdi")]),
        ("RA Min-Ho, DAHL K. et LEE Su-Jin, 2021. « A title »", [("Ra", "Min-Ho"), ("Dahl", "K"), ("Lee", "Su-Jin")]),
        # ... but two capitals before one word, beside initials so written, are initials
        ("JO Ortiz; LM Dahl. A title", [("Ortiz", "JO"), ("Dahl", "LM")]),
        # a Vancouver list: four initials are initials, a family name that is a venue word is a name
        ("Okafor N, Brandt J, Lind EPAM, Dahl K. A title", [("Okafor", "N"), ("Brandt", "J"), ("Lind", "EPAM"), ("Dahl", "K")]),
        ("Ortiz A, Soda M, Dahl K. A title", [("Ortiz", "A"), ("Soda", "M"), ("Dahl", "K")]),
        # "and" of another language inside a family name ("Puig i Soler", "da Silva e Souza")
        ("Ortiz A, Puig i Soler M, Dahl K. A title", [("Ortiz", "A"), ("Puig i Soler", "M"), ("Dahl", "K")]),
        # a list in capitals: a short capital word after initials with full stops is a family name
        ("ORTIZ, A., J. LIU, T.K. NG & B. DAHL 2014. A title", [("ORTIZ", "A."), ("LIU", "J."), ("NG", "T.K."), ("DAHL", "B.")]),
        # only the first name inverted: a whole name after it is one name, not "Family, Given"
        ("Ortiz, A, K Brandt, Nnamdi Okafor, L Voss and T Dahl. 1991. A title",
         [("Ortiz", "A"), ("Brandt", "K"), ("Okafor", "Nnamdi"), ("Voss", "L"), ("Dahl", "T")]),
    ],
)
def test_name_style_decided_per_list(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(n.family, n.given) for n in scan_authors(text).names] == expected


def test_and_of_another_language_inside_a_family_name_does_not_cut_the_list() -> None:
    names = scan_authors("Ortiz, A., J. da Silva e Souza and K. Dahl (2005), A title").names
    assert [n.family.split()[-1] for n in names] == ["Ortiz", "Souza", "Dahl"]


@pytest.mark.parametrize("text", [
    "Horvat, A., Novak, B., i sur. (2012): A title",  # Croatian
    "Horvat, A., Novak, B., idr. (2012): A title",  # Slovenian
    "Dewi, A., Putra, B., dkk. 2019. A title",  # Indonesian
    "Horvat, A., Novak, B., and Coauthors, 2017: A title",  # "and coauthors" (AMS)
])
def test_et_al_as_the_locales_write_it(text: str) -> None:
    names = scan_authors(text).names
    assert [n.family for n in names[:-1]] == ["Horvat" if "Horvat" in text else "Dewi", "Novak" if "Novak" in text else "Putra"]
    assert names[-1].is_others


def test_a_known_given_name_before_a_venue_word_between_names_is_a_person() -> None:
    names = scan_authors("Ortiz, Ana, Kim Dahl, Marco Soda, Lena Voss, et al. (2010), A title").names
    assert [n.family for n in names if not n.is_others] == ["Ortiz", "Dahl", "Soda", "Voss"]


def test_a_double_family_name_joined_by_and_is_one_family_name() -> None:
    # "i" (Catalan), "e" (Portuguese), "y" (Spanish) between two family names, in a list either way
    names = scan_authors("Ortiz, B., A. Puig i Soler, J. Dahl, and E. Voss. 2010. A title").names
    assert [(n.family, n.given) for n in names] == [("Ortiz", "B."), ("Puig i Soler", "A."), ("Dahl", "J."), ("Voss", "E.")]
    names = scan_authors("Ortiz, B., Dahl, J., d'Almeida e Souza, J., Voss, P. (2005). A title").names
    assert [n.family for n in names] == ["Ortiz", "Dahl", "Souza", "Voss"] and names[2].particle == "d'Almeida e"


def test_a_with_sentence_on_a_line_of_other_fields_names_the_coauthors() -> None:
    from refkit.extraction.authors import marked_authors

    text = "Tides and the shape of small bays \\\nWith Ana Ortiz and Kai Brandt. In the proceedings of the Coast Meeting 4."
    found = marked_authors(text)
    assert found is not None
    names, spans = found
    assert [n.family for n in names.names] == ["Ortiz", "Brandt"]
    assert text[spans[0][0]:spans[0][1]].strip() == "With Ana Ortiz and Kai Brandt."
    # a role before it ("Second author, with …"), names with initials
    found = marked_authors("A title of a paper\nSecond author, with J. Doe. Journal of Bays 3.")
    assert found is not None and [n.family for n in found[0].names] == ["Doe"]
    # the item's first line is its title, even when it starts with "With"
    assert marked_authors("With Great Power Comes Great Responsibility. Journal of Comics 2.") is None


@pytest.mark.parametrize("text, expected, rest", [
    # Vancouver with the particle after the initials (Dutch lists, CSL's demoted particles)
    ("Maas JM, Dorp PG van, Hoek-Smit L van der, et al. Care paths in towns. Fam Pract. 2021",
     [("Maas", "JM", ""), ("Dorp", "PG", "van"), ("Hoek-Smit", "L", "van der")], " Care paths"),
    # "Family, I." with the particle after four initials
    ("Ortiz, A., Berg, B. J. J. M. van den, Voss, P. I., and Dahl, K.: Tides in bays, Ocean Sci., 2019",
     [("Ortiz", "A.", ""), ("Berg", "B. J. J. M.", "van den"), ("Voss", "P. I.", ""), ("Dahl", "K.", "")], ": Tides"),
])
def test_a_particle_after_the_initials_belongs_to_the_name_before(text: str, expected: list[tuple[str, str, str]], rest: str) -> None:
    found = scan_authors(text)
    assert [(n.family, n.given, n.particle) for n in found.names if not n.is_others] == expected
    assert text[found.end:].startswith(rest)


def test_particles_after_whole_given_names_show_the_list_writes_family_names_first() -> None:
    from refkit.extraction.authors import forget

    forget()  # (a new document: no lists read before this one)
    found = scan_authors("Kovács Béla, Berg Anna van den et Ortiz Marta, « Tides in small bays », Ocean Sci., 2019")
    assert [(n.family, n.given, n.particle) for n in found.names] == [
        ("Kovács", "Béla", ""), ("Berg", "Anna", "van den"), ("Ortiz", "Marta", "")]
    # a list written given name first keeps its reading, its particles before the family name
    found = scan_authors("Anna van den Berg, Marta Ortiz and Kai Dahl. Tides in small bays. 2019")
    assert [(n.family, n.given, n.particle) for n in found.names] == [("Berg", "Anna", "van den"), ("Ortiz", "Marta", ""), ("Dahl", "Kai", "")]


@pytest.mark.parametrize("text, expected", [
    ("Wei Zhang, Jun Zhu, and Yang Yu. Deep tides in small bays. Coast Meeting 2020.", [("Zhang", "Wei"), ("Zhu", "Jun"), ("Yu", "Yang")]),
    ("Ana Ortiz and Min Ju. Deep tides in small bays. Coast Meeting 2020.", [("Ortiz", "Ana"), ("Ju", "Min")]),
    # a list written "Family I" keeps reading a last "Yu Y" that way
    ("Zhang W, Zhu J, Yu Y. Deep tides in small bays. Coast Meet. 2020", [("Zhang", "W"), ("Zhu", "J"), ("Yu", "Y")]),
])
def test_a_two_letter_family_name_before_the_full_stop_ends_a_given_first_list(text: str, expected: list[tuple[str, str]]) -> None:
    from refkit.extraction.authors import forget

    forget()
    found = scan_authors(text)
    assert [(n.family, n.given) for n in found.names] == expected
    assert text[found.end:].lstrip(". ").startswith("Deep tides")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Doe, J., Roe, K.^, and Poe, E. (2020). A study of ravens.", ["Doe", "Roe", "Poe"]),
        ("Law CJ, Venkatram V^, Mehta RS. 2019. Sea otter skulls.", ["Law", "Venkatram", "Mehta"]),
        ("Law CJ, Duran Eº, Hung Nª, Mehta RS. 2018. Diet and skulls.", ["Law", "Duran", "Hung", "Mehta"]),
        ("Doe J¹, Roe K², Smith A³. 2017. Superscript affiliations.", ["Doe", "Roe", "Smith"]),
    ],
)
def test_markers_without_a_role_glued_to_names_are_dropped(text: str, expected: list[str]) -> None:
    listed = scan_authors(text)
    assert [n.family for n in listed.names] == expected
    assert [n.given for n in listed.names][-1] in ("E.", "RS", "A")
    assert text[listed.end:].lstrip(" .").startswith(("(", "20"))


def test_a_suffix_between_the_family_name_and_the_initials_is_the_suffix() -> None:
    names = scan_authors("Kemp ME, Jacisin III JJ, King Jr ML, Law CJ. 2023. Looking back.").names
    assert [(n.family, n.given, n.suffix) for n in names] == [
        ("Kemp", "ME", ""), ("Jacisin", "JJ", "III"), ("King", "ML", "Jr"), ("Law", "CJ", "")]


def test_a_last_family_name_alone_before_the_year_ends_an_inverted_list() -> None:
    text = "Guzmán, JA., Rodríguez-Corrales (2014) Efecto de la regeneración. Revista 3: 1-2."
    listed = scan_authors(text)
    assert [n.family for n in listed.names] == ["Guzmán", "Rodríguez-Corrales"]
    assert text[listed.end:].startswith(" (2014)")
    # a venue word before the year is no family name
    assert [n.family for n in scan_authors("Doe, J., Roe, K., Nature (2020) 5: 3.").names] == ["Doe", "Roe"]


def test_a_particle_written_onto_a_capitalised_family_name_is_part_of_it() -> None:
    names = scan_authors("A. Nermoen, S. D. deVilliers, P. vanDam, Phys. Rev. E 81 (2010)").names
    assert [n.family for n in names] == ["Nermoen", "deVilliers", "vanDam"]
    assert not scan_authors("iPhone apps, eBay. A title").names


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bùi Phương Thảo, Lê Lan Phương và Trịnh Hồng Thái. Phân tích protein", ["Thảo", "Phương", "Thái"]),
        ("Ahmet Yılmaz, Can Demir, ve Mehmet Kaya, Bir çalışma", ["Yılmaz", "Demir", "Kaya"]),
        ("Matti Virtanen, Aino Laine, ja Liisa Korhonen. Tutkimus", ["Virtanen", "Laine", "Korhonen"]),
        ("Ion Popescu, Ana Radu, și Maria Ionescu. Studiu", ["Popescu", "Radu", "Ionescu"]),
        ("Budi Santoso, Dewi Lestari, dan Siti Aminah. Analisis data", ["Santoso", "Lestari", "Aminah"]),
    ],
)
def test_and_in_more_languages(text: str, expected: list[str]) -> None:
    # Vietnamese "và" (with or without a comma), Turkish "ve", Finnish "ja", Romanian "și",
    # Indonesian "dan" (after a comma) join the last name
    assert families(text) == expected


def test_a_title_case_title_with_and_of_its_language_is_no_name_list() -> None:
    assert not scan_authors("Salgınla Mücadelede Piyasanın Artan Önemi ve Ekonominin Büyümeye Olan Bağımlılığı")


def test_and_others_after_a_comma_in_more_languages_stays_others() -> None:
    names = scan_authors("Ortiz, A., Lind, P., ve ark. Title").names  # Turkish "ve" is "and", "ve ark." "et al."
    assert [n.family for n in names[:2]] == ["Ortiz", "Lind"] and names[-1].is_others


def test_a_suffix_written_before_the_comma_of_an_inverted_name() -> None:
    names = scan_authors("Zhang, M. & Lenzer Jr, J. H. (2020). Mismatched canal conservation").names
    assert [(n.family, n.given, n.suffix) for n in names] == [("Zhang", "M.", ""), ("Lenzer", "J. H.", "Jr")]
    names = scan_authors("Hiner, M.C., Evans III, E.L., Harrington, K.I. (2023) Napari plugins").names
    assert [(n.family, n.suffix) for n in names] == [("Hiner", ""), ("Evans", "III"), ("Harrington", "")]


def test_a_list_of_inverted_pairs_reads_a_family_name_of_two_words() -> None:
    # every name so far "Family, Given": two capitalised words before given names only are a family name
    text = "Taniguti, Cristiane Hayumi, Siqueira Gesteira, Gabriel, Lau, Jeekin, Silva Pereira, Guilherme. VIEWpoly"
    assert families(text) == ["Taniguti", "Siqueira Gesteira", "Lau", "Silva Pereira"]
    text = "Almeida, Caléo Panhoca, Carvalho Paulino, Jean Fausto, Bonfante, Gabriel. Angular leaf spot"
    assert families(text) == ["Almeida", "Carvalho Paulino", "Bonfante"]
    # not title words, nor whole words after initials, nor a whole name after the first
    assert families("Doe, J., Smith, K., Machine Learning, Nature, 2020") == ["Doe", "Smith"]
    assert families("Doe, Jane, Smith, Kim, Machine Learning, Nature, 2020") == ["Doe", "Smith"]
    assert families("Doe, John, Jane Smith, Bob Lee. A title of things") == ["Doe", "Smith", "Lee"]


def test_the_pair_rhythm_leaves_a_list_whose_later_names_are_written_given_name_first() -> None:
    # Chicago: only the first name inverted ("Pietro Bortolotti" is a whole name, not given names)
    text = "Feil, Roland, Nikhar Abbas, Pietro Bortolotti, Nick Johnson, and Ben Mertz. Distributed control"
    assert families(text) == ["Feil", "Abbas", "Bortolotti", "Johnson", "Mertz"]
    assert families("Feil, Roland, Nikhar Abbas, Pietro Bortolotti. Distributed control") == ["Feil", "Abbas", "Bortolotti"]
    assert families("Provost, Kaiya L., Jiaying Yang, and Bryan C. Carstens. Title") == ["Provost", "Yang", "Carstens"]


def test_and_of_other_languages_in_decomposed_text() -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", "Bùi Phương Thảo, Lê Lan Phương và Trịnh Hồng Thái. Phân tích protein")
    assert len(scan_authors(text).names) == 3


def test_vancouver_names_with_no_commas_between() -> None:
    text = "Satkauskas I Gaertner E Bortolotti P Barter G and Graf PA. Wind Turbine Rotor Design Optimization"
    assert families(text) == ["Satkauskas", "Gaertner", "Bortolotti", "Barter", "Graf"]
    assert families("Stanley AP Thomas J Ning SA and Fleming PA. Gradient-Based Optimization") == ["Stanley", "Thomas", "Ning", "Fleming"]


def test_capitals_before_a_comma_are_vancouver_initials_not_a_suffix() -> None:
    assert families("Lips SR, Molenaar JM, Schuitmaker-Warnaar TJ. Transforming maternity care") == \
        ["Lips", "Molenaar", "Schuitmaker-Warnaar"]
    assert families("Petrov IV, Smith K, Lee J. Title") == ["Petrov", "Smith", "Lee"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # APA cuts a family name with particles to its initials after the given name
        ("Salvadori, I., Huf, A., Mello, R. dos S., & Siqueira, F. (2016). Publishing linked data",
         [("Salvadori", "I.", ""), ("Huf", "A.", ""), ("Mello", "R. dos S.", ""), ("Siqueira", "F.", "")]),
        ("Doe, J., Cruz, M. de la P., Roe, K. Title", [("Doe", "J.", ""), ("Cruz", "M. de la P.", ""), ("Roe", "K.", "")]),
        # particles, then a family name of two words, before the initials
        ("Oliveira, B. C. N., dos Santos Mello, R., & Siqueira, F. (2017). Improving entity linking",
         [("Oliveira", "B. C. N.", ""), ("Santos Mello", "R.", "dos"), ("Siqueira", "F.", "")]),
        ("Doe, J., de la Cruz Pérez, M. A. Title", [("Doe", "J.", ""), ("Cruz Pérez", "M. A.", "de la")]),
        # a Vancouver name with particles last, before the title
        ("da Silva JA, van der Berg J, de la Cruz M. Title", [("Silva", "JA", "da"), ("Berg", "J", "van der"), ("Cruz", "M", "de la")]),
    ],
)
def test_particles_inside_initials_and_before_two_word_family_names(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(n.family, n.given, n.particle) for n in scan_authors(text).names] == expected


def test_particles_between_words_are_no_given_name() -> None:
    # a full stop then a title word after a particle still ends the given name
    assert families("Mello, R. dos Santos Title of a paper, 2020") == ["Mello"]



@pytest.mark.parametrize(
    "text, expected",
    [
        # a generation mark (data/lexicon/family_suffixes.txt) ends a family name of two words
        ("Silva Filho, João, Costa, Ana and Lima Neto, Pedro. Title of things", ["Silva Filho", "Costa", "Lima Neto"]),
        ("Pedro Costa Júnior, Ana Souza. Title", ["Costa Júnior", "Souza"]),
        ("J. Silva Filho and A. Souza. Title", ["Silva Filho", "Souza"]),
        ("Silva Filho JA, Souza A. Title", ["Silva Filho", "Souza"]),
        # alone after a given name it is a family name of its own
        ("Pedro Neto and Ana Souza. Title", ["Neto", "Souza"]),
    ],
)
def test_generation_marks_end_a_family_name(text: str, expected: list[str]) -> None:
    assert families(text) == expected


def test_a_suffix_after_the_initials_of_an_inverted_name() -> None:
    names = scan_authors("Silva, J. Jr., Souza, A. Title").names
    assert [(n.family, n.given, n.suffix) for n in names] == [("Silva", "J.", "Jr."), ("Souza", "A.", "")]


@pytest.mark.parametrize("text", ["Jair Koiller and Richard Montgomery. A title", "Koiller J, Soda M, Doe J. Title"])
def test_a_venue_acronym_written_as_a_name_is_a_name(text: str) -> None:
    # "JAIR", "SODA" are venues in capitals only: "Jair", "Soda" are a given and a family name
    assert [n.family for n in scan_authors(text).names] in (["Koiller", "Montgomery"], ["Koiller", "Soda", "Doe"])


def test_a_venue_acronym_in_capitals_stays_a_venue_word() -> None:
    from refkit.extraction.authors import is_venue_word

    assert is_venue_word("JAIR") and not is_venue_word("Jair") and is_venue_word("Symposium")


def test_kanji_iteration_mark_is_part_of_a_name() -> None:
    # 々 repeats the kanji before it ("佐々木"): a name of kanji still
    assert families("竹広真一, 佐々木洋平, 石岡圭一, 2014: 木星型惑星大気の縞状構造の成因の研究.") == ["竹広真一", "佐々木洋平", "石岡圭一"]


@pytest.mark.parametrize("text", ["Nat Commun 2023", "ACS Sustainable Chem Eng 2021", "Environ Sci Technol 2020"])
def test_an_abbreviated_journal_is_no_name(text: str) -> None:
    assert not scan_authors(text)


def test_a_title_then_an_abbreviated_journal_has_no_authors() -> None:
    from refkit.extraction.citation import parse_text

    entry = parse_text("An End-to-End Pipeline for Succinic Acid Production at Scale. Nat Commun 2023")
    assert entry is not None and entry.get("author") is None and entry.get("journal") == "Nat Commun"


@pytest.mark.parametrize("text", ["Institut Momentum, 2013", "Texas Advanced Computing Centre, Agave", "Universidad Nacional, 2020"])
def test_an_institution_is_no_person(text: str) -> None:
    # a word of data/lexicon/organisation_words.txt makes no person
    assert not scan_authors(text)


def test_a_degree_is_no_initials() -> None:
    assert not scan_authors("My Ph.D. thesis on rivers")


@pytest.mark.parametrize(
    "text, expected",
    [
        # the piece after is initials alone: the word before it is their family name, the comma left out
        ("Köseoğlu, A., Karakasheva, R. B. Topal, A., Lemoine, J. E. Title", ["Köseoğlu", "Karakasheva", "Topal", "Lemoine"]),
        ("Jackson, A. Sheyko, A., Marti, P., Tilgner, A., 2013: A spherical", ["Jackson", "Sheyko", "Marti", "Tilgner"]),
        # a full stop glued to a colon or a bracket ends the initials
        ("Hinrichs, C., Sidorenko, D., & Jung, T.:. Atmospheric wind biases", ["Hinrichs", "Sidorenko", "Jung"]),
        ("Topal, A., Lemoine, J.E.(2018). The Power of Choice", ["Topal", "Lemoine"]),
        # a lower-case initial after a hyphen (Shin-ichi)
        ("Jones, S. D., Nakaoka, S.-i., Nojiri, Y. Title", ["Jones", "Nakaoka", "Nojiri"]),
    ],
)
def test_initials_written_awry(text: str, expected: list[str]) -> None:
    assert families(text) == expected


def test_an_initial_glued_to_a_family_name_with_an_apostrophe() -> None:
    text = "M.Greenacre, P.Groenen, T.Hastie, A.D'Enza, A.Markos. Principal Component Analysis"
    assert families(text) == ["Greenacre", "Groenen", "Hastie", "D'Enza", "Markos"]


def test_an_ordinal_suffix_in_a_vancouver_list() -> None:
    text = "Castro A, Mogbo A, Drummer C 4th, Martinez D, Powell DJ Jr, Thomas-Tikhonenko A"
    names = scan_authors(text).names
    assert [(n.family, n.suffix) for n in names] == [("Castro", ""), ("Mogbo", ""), ("Drummer", "4th"), ("Martinez", ""),
                                                     ("Powell", "Jr"), ("Thomas-Tikhonenko", "")]


def test_a_name_written_family_first_with_particles_ends_at_its_initials() -> None:
    names = scan_authors("de la Cruz Pérez M. Growth, Defect Formation, and Morphology Control").names
    assert [(n.family, n.given, n.particle) for n in names] == [("Cruz Pérez", "M", "de la")]


def test_vietnamese_d_with_stroke_is_an_initial() -> None:
    assert families("Wang X, Phạm MĐ, Dupont J-P. Mapping Vibrational Modes") == ["Wang", "Phạm", "Dupont"]


def test_and_after_the_first_name_of_a_longer_list() -> None:
    text = "J.-P. Delplanque and S. B. Johnson, Y. Lin, Y. Zhou, K. M. McHugh and E. J. Lavernia, Using CFD, 2002"
    assert families(text) == ["Delplanque", "Johnson", "Lin", "Zhou", "McHugh", "Lavernia"]
    # what follows the comma after two names is no list of sure names: the list ended
    assert families("J. Doe and K. Roe, Haskell Symposium, 2002") == ["Doe", "Roe"]


def test_particles_inside_the_given_half_of_a_pair() -> None:
    # "Gesteira, Gabriel de Siqueira": the rest of the name written after the given name
    text = "Lau, Jeekin, Gesteira, Gabriel de Siqueira, Oliveira, Thiago de Paula, Byrne, David. Developing best practices"
    names = scan_authors(text).names
    assert [(n.family, n.given) for n in names] == [("Lau", "Jeekin"), ("Gesteira", "Gabriel de Siqueira"),
                                                   ("Oliveira", "Thiago de Paula"), ("Byrne", "David")]
    # a whole name with particles after a pair stays a whole name
    assert families("Doe, John, Jan van Dam, and Kim Roe. Title") == ["Doe", "Dam", "Roe"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ana María López de la Fuente and José Luis Rodríguez Zapatero. Título del artículo", ["Fuente", "Zapatero"]),
        ("Estudio de la Fauna del Río, 2020", []),  # particles spread over a title
    ],
)
def test_a_long_name_with_particles_before_its_family_name(text: str, expected: list[str]) -> None:
    assert families(text) == expected
