"""BibTeX name lists: the splitting rules every reader and writer relies on."""

from refkit.model import Name
from refkit.names import format_names, parse_names


def test_and_followed_by_a_line_break_separates_names() -> None:
    names = parse_names("William Fitzgibbon and\n  Yuri A. Kuznetsov")
    assert [n.family for n in names] == ["Fitzgibbon", "Kuznetsov"]


def test_von_last_first_jr_and_others() -> None:
    names = parse_names("van der Berg, Jan and Smith, Jr., John and {IEEE Standards Association} and others")
    assert names[0] == Name(family="Berg", given="Jan", particle="van der")
    assert names[1] == Name(family="Smith", given="John", suffix="Jr.")
    assert names[2].literal == "IEEE Standards Association"
    assert names[3].is_others


def test_round_trip_through_format_names() -> None:
    text = "van der Berg, Jan and Smith, Jr., John and {IEEE Standards Association} and others"
    assert parse_names(format_names(list(parse_names(text)))) == parse_names(text)
