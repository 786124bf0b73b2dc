"""Duplicate detection and merging (refkit.transforms.dedupe)."""

from __future__ import annotations

from refkit.model import Comment, Entry, Library, Provenance
from refkit.transforms.dedupe import Duplicate, find_duplicates, merge_duplicates, normalize_title


def e(key: str, **fields: str) -> Entry:
    return Entry("article", key, fields)


def test_normalize_title_drops_latex_case_accents_and_punctuation() -> None:
    assert normalize_title("{NeRF}: Representing Scenes as {N}eural Fields.") == "nerf representing scenes as neural fields"
    assert normalize_title(r"Sch\"{o}lkopf's   Kernels") == normalize_title("Schölkopf’s kernels")


def test_same_doi_in_any_spelling() -> None:
    entries = [e("a", doi="10.1145/ABC.1"), e("b", doi="https://doi.org/10.1145/abc.1")]
    assert find_duplicates(entries) == [Duplicate(1, 0, "doi")]


def test_same_arxiv_id_needs_the_same_title() -> None:
    same = [e("a", eprint="2106.16028v1", title="Deblurring"), e("b", eprint="2106.16028", title="{D}eblurring")]
    assert find_duplicates(same) == [Duplicate(1, 0, "arxiv")]
    # the journal version with a new title that links its preprint is another entry
    renamed = [e("pre", eprint="2106.16028", title="Efficient Recurrent Networks", year="2021"),
               e("ijcv", eprint="2106.16028", title="Real-World Video Deblurring", year="2022")]
    assert find_duplicates(renamed) == []


def test_same_title_and_year_unless_something_tells_them_apart() -> None:
    assert find_duplicates([e("a", title="X Y", year="2020"), e("b", title="x, y", year="2020")]) == [
        Duplicate(1, 0, "title")]
    assert find_duplicates([e("a", title="X Y", year="2020"), e("b", title="X Y", year="2021")]) == []
    conference_and_journal = [e("c", title="X Y", year="2020", doi="10.1000/c"), e("j", title="X Y", year="2020", doi="10.1000/j")]
    assert find_duplicates(conference_and_journal) == []
    two_prefaces = [e("p1", title="Preface", year="2020", author="Smith, A."),
                    e("p2", title="Preface", year="2020", author="Jones, B.")]
    assert find_duplicates(two_prefaces) == []
    # a long blank run in the name list (the 'and' pattern was retried from every blank of it)
    blank = " " * 200_000
    assert find_duplicates([e("p1", title="Preface", year="2020", author=f"Smith,{blank}A. and Jones, B."),
                            e("p2", title="Preface", year="2020", author=f"Jones,{blank}B. and Smith, A.")]) == []
    preprint_and_paper = [e("pre", title="X Y", year="2020", journal="arXiv preprint"),
                          e("pub", title="X Y", year="2020", journal="Nature", doi="10.1000/n")]
    assert find_duplicates(preprint_and_paper) == [Duplicate(1, 0, "title")]


def test_entries_without_title_or_ids_never_match() -> None:
    assert find_duplicates([e("a"), e("b"), e("c", year="2020"), e("d", year="2020")]) == []


def test_merge_keeps_the_first_and_adds_missing_fields_with_provenance() -> None:
    arxiv = Provenance("arxiv", "2106.16028")
    first = e("a", title="X", year="2020")
    second = Entry("article", "b", {"title": "x", "year": "2020", "eprint": "2106.16028"}, {"eprint": arxiv})
    library = Library(blocks=[Comment("% top\n"), first, Comment("% mid\n"), second, e("c", title="Other")])
    merged = merge_duplicates(library)
    assert [getattr(b, "key", None) for b in merged.blocks] == [None, "a", None, "c"]
    kept = merged.get("a")
    assert kept is not None and kept.fields == {"title": "X", "year": "2020", "eprint": "2106.16028"}
    assert kept.provenance == {"eprint": arxiv}


def test_merge_follows_chains_to_the_first_entry() -> None:
    chain = [e("a", title="T", year="2020"), e("b", title="T", year="2020", doi="10.1000/x"), e("c", doi="10.1000/X", pages="1--2")]
    merged = merge_duplicates(Library.from_entries(chain))
    assert [x.key for x in merged.entries] == ["a"]
    assert merged.entries[0].fields["pages"] == "1--2"


def test_detection_is_linear_not_pairwise() -> None:
    # 20,000 distinct entries with a shared year: a pairwise comparison would take minutes
    entries = [e(f"k{i}", title=f"Title number {i}", year="2020", doi=f"10.1000/{i}") for i in range(20000)]
    entries.append(e("dup", title="Title number 7", year="2020"))
    assert find_duplicates(entries) == [Duplicate(20000, 7, "title")]


def test_same_titled_columns_in_different_issues_are_different_works() -> None:
    a = e("a", title="{TUG}'2001 Announcement", year="2000", author="Anonymous", number="3", pages="154--154")
    b = e("b", title="{TUG}\\,'2001 Announcement", year="2000", author="Anonymous", number="4", pages="435")
    assert find_duplicates([a, b]) == []


def test_a_shared_doi_on_different_titles_is_a_conflict_and_never_merged() -> None:
    chapters = [e("c1", title="Phonon Confinement", doi="10.5772/3457"), e("c2", title="Raman Spectroscopy", doi="10.5772/3457")]
    assert find_duplicates(chapters) == [Duplicate(1, 0, "doi", conflict=True)]
    assert [x.key for x in merge_duplicates(Library.from_entries(chapters)).entries] == ["c1", "c2"]


def test_first_authors_compare_in_either_name_order() -> None:
    a = e("a", title="T", year="2020", author="van der Berg, Anna and Smith, B.")
    b = e("b", title="T", year="2020", author="Anna van der Berg and Bob Smith")
    c = e("c", title="T", year="2020", author="Jones, C.")
    assert find_duplicates([a, b, c]) == [Duplicate(1, 0, "title")]


def test_many_entries_with_one_title_stay_linear() -> None:
    entries = [e(f"p{i}", title="Preface", year="2020", author=f"Editor{i}, A.") for i in range(2000)]
    entries.append(e("again", title="Preface", year="2020", author="Editor3, A."))
    assert find_duplicates(entries) == [Duplicate(2000, 3, "title")]
