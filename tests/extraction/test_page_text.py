"""Page layout undone in text copied out of a PDF (refkit.extraction.page_text)."""

from __future__ import annotations

from refkit.extraction.page_text import prepare


def _page(lines: list[str], number: int) -> list[str]:
    return [*lines, "", f"        {number}", "\f", "Curriculum Vitae of Ana Example", ""]


def test_page_numbers_and_running_headers_go_with_their_blank_lines() -> None:
    first = [f"first page, {word} line of a wrapped reference list, long enough" for word in "abcdefghijklmn"]
    second = [f"second page, {word} line of the same reference list" for word in "abcdefghijklmn"]
    source = _page(first, 1) + _page(second, 2) + ["last line"]
    prepared = prepare(source)
    assert "Curriculum Vitae of Ana Example" not in prepared.lines
    assert not any(line.strip() in ("1", "2") for line in prepared.lines)
    # the item broken by the page is whole again: no blank line between the pages' lines
    at = prepared.lines.index(first[-1])
    assert prepared.lines[at + 1] == second[0]
    # every kept line names the line it came from
    assert [source[n - 1] for line, n in zip(prepared.lines, prepared.numbers) if line] == \
        [line for line in prepared.lines if line]


def test_numbers_a_few_lines_apart_are_a_list_not_page_numbers() -> None:
    source = ["1", "", "A. Author. A first title. Journal, 2001.", "", "2", "",
              "B. Author. A second title. Journal, 2002.", ""]
    assert prepare(source).lines == source


def test_references_run_together_are_cut_at_their_numbers() -> None:
    source = ["[1] A. Roe, A first title, J. Examples 3 (2001) 1-9.[2] B. Poe, A second title, 2003. "
              "URL: https://example.org/x.pdf.[3] C. Doe, A third title, Press, 2005.",
              "[4] D. Moe, A fourth title on [7] things, 2007."]
    prepared = prepare(source)
    assert [line[:3] for line in prepared.lines] == ["[1]", "[2]", "[3]", "[4]"]
    assert prepared.numbers == [1, 1, 1, 2]


def test_a_word_broken_inside_a_line_is_joined_only_where_the_document_writes_it_whole() -> None:
    source = ["[1] A. Roe, Virtual re- search platforms, 2001.", "[2] B. Poe, Research software, 2003.",
              "[3] C. Doe, Pre- and post-processing of data, 2005.", "[4] D. Moe, Infra- red maps, 2007."]
    lines = prepare(source).lines
    assert "Virtual research platforms" in lines[0]
    assert "Pre- and post-processing" in lines[2]
    assert "Infra- red maps" in lines[3]  # no evidence: kept as written


def test_ligatures_are_spelled_out() -> None:
    assert prepare(["A. Roe. E\ufb03cient \ufb01ltering. 2001."]).lines == ["A. Roe. Efficient filtering. 2001."]


def test_line_end_hyphens_follow_the_evidence() -> None:
    hyphens = prepare(["A. Roe. Spatio-temporal regularization of", "large models. 2001.", "x-", "y"]).hyphens
    assert hyphens.join("regu", "larization") is True  # written whole elsewhere
    assert hyphens.join("spatio", "temporal") is False  # written with its hyphen elsewhere
    assert hyphens.join("Bose", "Einstein") is False  # a capital after the hyphen: a compound
    assert hyphens.join("alg", "orithm") is None
