"""refkit.enrich against the fake services on 127.0.0.1: batching, matching without
false matches, preprint upgrades, merge policy, provenance, faults, cache."""

from __future__ import annotations

import pytest
from enrich_server import FakeScholar, Paper, install, test_config
from werkzeug import Response

from refkit.enrichment import enrich, enrich_report, is_preprint
from refkit.model import Entry, Library

BIT = Paper("Blur Interpolation Transformer for Real-World Motion from Blur",
            ("Zhihang Zhong", "Mingdeng Cao", "Xiang Ji", "Yinqiang Zheng", "Imari Sato"), 2023,
            arxiv="2211.11423", arxiv_year=2022, doi="10.1109/CVPR52729.2023.00553",
            venue="2023 IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)",
            type="proceedings-article", pages="5713-5723")
AFB = Paper("Animation from Blur: Multi-modal Blur Decomposition with Motion Guidance",
            ("Zhihang Zhong", "Xiao Sun", "Zhirong Wu", "Yinqiang Zheng", "Stephen Lin", "Imari Sato"), 2022,
            doi="10.1007/978-3-031-19800-7_35", venue="Lecture Notes in Computer Science", type="book-chapter", pages="599-615")
# decoys: the same title by other authors, and a near-miss title by the same authors
SAME_TITLE = Paper(AFB.title, ("Alice Smith", "Bob Jones"), 2022, doi="10.9999/decoy.same", venue="Journal of Decoys")
NEAR_MISS = Paper("Animation from Blur: Multi-modal Blur Decomposition", ("Zhihang Zhong", "Xiao Sun"), 2022,
                  doi="10.9999/decoy.near", venue="Decoy Workshop")
ONLY_ARXIV = Paper("Clearer Frames, Anytime: Resolving Velocity Ambiguity in Video Frame Interpolation",
                   ("Zhihang Zhong", "Gurunandan Krishnan", "Xiao Sun", "Yu Qiao", "Sizhuo Ma", "Jian Wang"), 2023,
                   arxiv="2311.08007")
OLD_STYLE = Paper("Gauge Fields on a Lattice", ("Jan de Vries",), 1999, arxiv="hep-th/9901001", category="hep-th")
JOURNAL_REF_ONLY = Paper("Efficient Spatio-Temporal Recurrent Neural Network for Video Deblurring",
                         ("Zhihang Zhong", "Ye Gao", "Yinqiang Zheng", "Bo Zheng"), 2020, arxiv="2003.04567", arxiv_year=2020,
                         doi="10.1007/978-3-030-58539-6_12", venue="Computer Vision – ECCV 2020", type="book-chapter",
                         arxiv_lists_doi=False, journal_ref="ECCV 2020")
PAPERS = [BIT, AFB, SAME_TITLE, NEAR_MISS, ONLY_ARXIV, OLD_STYLE, JOURNAL_REF_ONLY]


@pytest.fixture
def scholar():
    return FakeScholar(PAPERS)


@pytest.fixture
def config(httpserver, scholar, tmp_path):
    return test_config(tmp_path / "cache", install(httpserver, scholar))


def lib(*entries: Entry) -> Library:
    return Library.from_entries(entries, source="refs.bib")


def test_arxiv_ids_are_batched_many_per_request(config, scholar):
    entries = [Entry("misc", f"e{i}", {"eprint": ident}) for i, ident in
               enumerate(["2211.11423v1", "2311.08007", "hep-th/9901001v2", "2401.00001"])]
    result, report = enrich_report(lib(*entries), http=config, search=False, sources=["arxiv"])
    arxiv_calls = [line for line in scholar.log if line.startswith("/arxiv")]
    assert len(arxiv_calls) == 1 and "max_results=4" in arxiv_calls[0]
    assert result.get("e2").get("author") == "de Vries, Jan"
    assert result.get("e1").get("year") == "2023" and result.get("e1").get("primaryclass") == "cs.CV"
    statuses = {o.key: o.status for o in report.outcomes}
    assert statuses == {"e0": "enriched", "e1": "enriched", "e2": "enriched", "e3": "not-found"}


def test_truncated_author_list_completed_with_provenance(config):
    entry = Entry("misc", "cf", {"title": "Clearer Frames, Anytime: Resolving Velocity Ambiguity in Video Frame Interpolation",
                                 "author": "Zhong, Zhihang and Krishnan, Gurunandan and others", "eprint": "2311.08007"})
    result, report = enrich_report(lib(entry), http=config)
    new = result.get("cf")
    assert new.get("author").count(" and ") == 5 and new.get("author").startswith("Zhong, Zhihang and Krishnan")
    prov = new.provenance["author"]
    assert prov.source == "arxiv" and prov.identifier == "2311.08007" and prov.time and "truncated" in prov.note
    assert new.get("title") == entry.get("title")  # not touched


def test_preprint_upgraded_to_published_version_keeping_eprint(config):
    entry = Entry("article", "bit", {"title": "Blur Interpolation Transformer for Real-World Motion from Blur",
                                     "author": "Zhong, Zhihang and others", "journal": "arXiv preprint arXiv:2211.11423",
                                     "year": "2022", "month": "November", "eprint": "2211.11423", "archiveprefix": "arXiv"})
    result, report = enrich_report(lib(entry), http=config)
    new = result.get("bit")
    assert new.type == "inproceedings" and "journal" not in new
    assert new.get("booktitle") == BIT.venue and new.get("year") == "2023" and new.get("pages") == "5713--5723"
    assert new.get("month") == "June"  # the publication's month, not the preprint's
    assert new.get("doi").lower() == BIT.doi.lower()
    assert (new.get("eprint"), new.get("archiveprefix"), new.get("primaryclass")) == ("2211.11423", "arXiv", "cs.CV")
    assert "upgraded preprint" in new.provenance["booktitle"].note
    assert any(c.field == "ENTRYTYPE" and c.old == "article" for c in report.outcomes[0].changes)


def test_keep_policy_reports_the_published_version(config):
    entry = Entry("misc", "bit", {"title": BIT.title, "author": "Zhong, Zhihang", "year": "2022", "eprint": "2211.11423"})
    result, report = enrich_report(lib(entry), http=config, preprint_policy="keep")
    new = result.get("bit")
    assert new.type == "misc" and "doi" not in new and new.get("year") == "2022"
    assert any(p.code == "EN106" and "10.1109" in p.message for p in result.problems)


def test_search_finds_the_paper_and_rejects_both_decoys(config):
    entry = Entry("inproceedings", "afb", {"title": "Animation from Blur: Multi-Modal Blur Decomposition with Motion Guidance",
                                           "author": "Zhihang Zhong and Xiao Sun and others", "year": "2022", "booktitle": "ECCV"})
    result, report = enrich_report(lib(entry), http=config)
    new = result.get("afb")
    assert new.get("doi") == AFB.doi and new.get("booktitle") == "ECCV"  # the user's venue stays
    assert new.get("pages") == "599--615" and new.get("author").count(" and ") == 5
    suggestions = [p.message for p in result.problems if p.code == "EN103"]
    assert any("decoy.same" in s and "authors differ" in s for s in suggestions)
    assert any("decoy.near" in s and "title differs" in s for s in suggestions)


def test_same_title_other_authors_is_never_applied(config):
    entry = Entry("article", "x", {"title": AFB.title, "author": "Doe, Jane and Roe, Richard", "year": "2022"})
    result, report = enrich_report(lib(entry), http=config)
    assert result.get("x") == entry
    assert report.outcomes[0].status == "not-found"
    assert any(p.code == "EN103" for p in result.problems)


def test_near_miss_title_is_never_applied(config):
    entry = Entry("article", "x", {"title": "Animation from Blur: Multi-modal Blur Decomposition for Video Synthesis",
                                   "author": "Zhong, Zhihang and Sun, Xiao", "year": "2022"})
    result, _ = enrich_report(lib(entry), http=config)
    assert "doi" not in result.get("x")


def test_journal_ref_without_doi_leads_to_a_crossref_search(config, scholar):
    entry = Entry("misc", "estrnn", {"title": JOURNAL_REF_ONLY.title, "author": "Zhong, Zhihang and others", "eprint": "2003.04567"})
    result, _ = enrich_report(lib(entry), http=config)
    new = result.get("estrnn")
    assert new.get("doi") == JOURNAL_REF_ONLY.doi and new.type == "incollection"
    assert new.get("booktitle") == JOURNAL_REF_ONLY.venue


def test_wrong_arxiv_id_is_reported_not_applied(config):
    entry = Entry("inproceedings", "w", {"title": "A Completely Different Paper About Graphs", "author": "Doe, Jane", "eprint": "2211.11423"})
    result, report = enrich_report(lib(entry), http=config)
    assert result.get("w") == entry
    assert any(p.code == "EN105" for p in result.problems)


def test_user_values_kept_unless_overwrite(config):
    entry = Entry("inproceedings", "afb", {"title": AFB.title, "author": "Zhong, Zhihang and Sun, Xiao and others", "year": "2022",
                                           "pages": "1--10", "booktitle": "ECCV"})
    kept = enrich(lib(entry), http=config).get("afb")
    assert kept.get("pages") == "1--10"
    assert any(p.code == "EN107" for p in enrich(lib(entry), http=config).problems)
    replaced = enrich(lib(entry), http=config, overwrite=True).get("afb")
    assert replaced.get("pages") == "599--615"


def test_user_doi_completed_through_the_agency_hop(config, scholar):
    entry = Entry("article", "d", {"title": AFB.title, "doi": "10.1007/978-3-031-19800-7_35", "author": "Zhong, Zhihang and others"})
    result, _ = enrich_report(lib(entry), http=config, sources=["doi"])
    new = result.get("d")
    assert new.get("pages") == "599--615" and new.get("year") == "2022"
    assert scholar.counts["doi"] == 1 and scholar.counts["crossref"] == 1  # 302 then the agency


def test_arxiv_datacite_doi_is_treated_as_the_arxiv_id(config, scholar):
    entry = Entry("misc", "a", {"doi": "10.48550/arXiv.2311.08007", "title": ONLY_ARXIV.title})
    result, _ = enrich_report(lib(entry), http=config)
    assert result.get("a").get("eprint") == "2311.08007"
    assert scholar.counts["arxiv"] == 1


def test_failures_keep_the_entry_and_are_reported(config, scholar):
    scholar.fail("/arxiv", *[Response("<html><body>503 Service Unavailable</body></html>", status=503, content_type="text/html")] * 5)
    entry = Entry("misc", "cf", {"title": ONLY_ARXIV.title, "author": "Zhong, Zhihang and others", "eprint": "2311.08007"})
    result, report = enrich_report(lib(entry), http=config, sources=["arxiv"])
    assert result.get("cf") == entry
    assert report.outcomes[0].status == "failed"
    assert any(p.code == "EN102" and "503" in p.message for p in result.problems)
    assert "1 failed" in report.summary()


def test_warm_cache_makes_zero_requests_and_offline_reports_misses(config, scholar, tmp_path, httpserver):
    entries = [Entry("misc", "bit", {"title": BIT.title, "author": "Zhong, Zhihang and others", "eprint": "2211.11423"}),
               Entry("inproceedings", "afb", {"title": AFB.title, "author": "Zhong, Zhihang and others", "year": "2022"})]
    first, r1 = enrich_report(lib(*entries), http=config)
    before = sum(scholar.counts.values())
    second, r2 = enrich_report(lib(*entries), http=config)
    assert sum(scholar.counts.values()) == before and sum(r2.requests.values()) == 0
    assert [e.fields for e in first.entries] == [e.fields for e in second.entries]
    from dataclasses import replace

    offline = replace(config, offline=True)
    new = Entry("article", "new", {"title": "Never Looked Up Before", "author": "Doe, Jane"})
    result, report = enrich_report(lib(*entries, new), http=offline)
    assert sum(scholar.counts.values()) == before
    assert {o.key: o.status for o in report.outcomes}["new"] == "offline"
    assert any(p.code == "EN104" and p.key == "new" for p in result.problems)


def test_is_preprint():
    assert is_preprint(Entry("misc", "a", {"eprint": "1"}))
    assert is_preprint(Entry("article", "a", {"journal": "CoRR"}))
    assert is_preprint(Entry("article", "a", {"journal": "arXiv preprint arXiv:2101.00001"}))
    assert not is_preprint(Entry("article", "a", {"journal": "Nature"}))
    assert not is_preprint(Entry("inproceedings", "a", {}))


def test_published_search_from_an_arxiv_record_uses_search_thresholds(httpserver, tmp_path):
    # arXiv knows the paper but lists no DOI; Crossref only has a near-miss title by the same authors
    preprint = Paper(AFB.title, AFB.authors, 2022, arxiv="2207.10123")
    scholar = FakeScholar([preprint, NEAR_MISS])
    config = test_config(tmp_path / "cache", install(httpserver, scholar))
    entry = Entry("misc", "p", {"title": AFB.title, "author": "Zhong, Zhihang and others", "eprint": "2207.10123"})
    result, _ = enrich_report(lib(entry), http=config)
    new = result.get("p")
    assert "doi" not in new and new.type == "misc" and new.get("author").count(" and ") == 5
    assert any(p.code == "EN103" and "decoy.near" in p.message for p in result.problems)
    assert scholar.counts["crossref"] == 1


def test_unknown_arxiv_id_falls_back_to_a_search(config, scholar):
    entry = Entry("inproceedings", "afb", {"title": AFB.title, "author": "Zhong, Zhihang and Sun, Xiao", "year": "2022",
                                           "booktitle": "ECCV", "eprint": "2401.99999"})
    result, _ = enrich_report(lib(entry), http=config)
    assert result.get("afb").get("doi") == AFB.doi


# ---- matching thresholds (refkit.match) ---------------------------------------------------------------
def test_title_similarity_folds_case_accents_ligatures_and_punctuation():
    from refkit.match import title_similarity

    assert title_similarity("Eﬃcient Schr\\\"{o}dinger {NeRF}s", "efficient schrödinger nerfs") == 1.0
    assert title_similarity("Real-World Video Deblurring", "Real World Video Deblurring.") == 1.0
    assert title_similarity("Efficient Modelling of Colour", "Efficient modeling of color") > 0.93


def test_one_substituted_content_word_never_passes_a_search():
    from refkit import match
    from refkit.names import parse_names

    names = parse_names("Zhong, Zhihang and Sun, Xiao")
    a = "Efficient Video Deblurring with Recurrent Networks for Real Scenes"
    b = "Efficient Image Deblurring with Recurrent Networks for Real Scenes"
    verdict = match.compare(a, names, 2022, b, names, 2022, match.SEARCH)
    assert not verdict.accepted and "title differs" in verdict.reasons[0]
    assert match.compare(a, names, 2022, a, names, 2022, match.SEARCH).accepted


def test_author_overlap_handles_truncation_and_name_order():
    from refkit.match import author_overlap
    from refkit.names import parse_names

    mine = parse_names("Zhao Rui and Xiong, Ruiqin and others")
    theirs = parse_names("Rui Zhao and Ruiqin Xiong and Tiejun Huang")
    assert author_overlap(mine, theirs) == (1.0, True)
    assert author_overlap(parse_names("Doe, Jane"), theirs) == (0.0, False)
    assert author_overlap((), theirs) == (None, True)


def test_year_window_and_missing_sides():
    from refkit import match
    from refkit.names import parse_names

    names = parse_names("Doe, Jane")
    title = "A Study of Things"
    assert not match.compare(title, names, 2018, title, names, 2021, match.SEARCH).accepted
    assert match.compare(title, names, None, title, names, 2021, match.SEARCH).accepted
    # no authors to compare: a title-only match needs the stricter threshold
    assert not match.compare("A Study of Things", (), 2020, "A Study of Thing", names, 2020, match.SEARCH).accepted


def test_refkit_enrich_is_the_function_even_after_the_module_was_imported(config):
    import refkit
    import refkit.enrichment  # noqa: F401  (must not shadow the public function)

    entry = Entry("misc", "e", {"eprint": "2311.08007"})
    result = refkit.enrich(lib(entry), http=config, search=False)
    assert result.get("e").get("title") == ONLY_ARXIV.title


def test_an_id_arxiv_rejects_does_not_sink_its_batch(config, scholar):
    from enrich_server import _arxiv_error

    scholar.fail("/arxiv", Response(_arxiv_error("2311.08007"), status=400, content_type="application/atom+xml"))
    entries = [Entry("misc", "a", {"eprint": "2311.08007"}), Entry("misc", "b", {"eprint": "2211.11423"})]
    result, report = enrich_report(lib(*entries), http=config, search=False, sources=["arxiv"])
    assert result.get("b").get("title") == BIT.title
    assert {o.key: o.status for o in report.outcomes} == {"a": "failed", "b": "enriched"}
    assert any(p.code == "EN102" and "incorrect id format for 2311.08007" in p.message for p in result.problems)
    assert scholar.counts["arxiv"] == 2


def test_title_searches_are_batched_on_arxiv(config, scholar):
    entries = [Entry("misc", "cf", {"title": ONLY_ARXIV.title, "author": "Zhong, Zhihang and others"}),
               Entry("misc", "g", {"title": OLD_STYLE.title, "author": "de Vries, Jan"}),
               Entry("misc", "n", {"title": "Nothing Like Any Paper Here", "author": "Doe, Jane"})]
    result, _ = enrich_report(lib(*entries), http=config, sources=["arxiv"])
    from urllib.parse import unquote_plus

    assert scholar.counts["arxiv"] == 1 and ") OR (" in unquote_plus(scholar.log[0])
    assert result.get("cf").get("eprint") == "2311.08007" and result.get("g").get("eprint") == "hep-th/9901001"
    assert "eprint" not in result.get("n")


def test_an_unexpected_answer_is_a_failure_of_that_lookup_not_a_crash(config, scholar):
    # well-formed JSON of an unexpected shape ("issued" is a number): the parser raises
    body = '{"status":"ok","message":{"items":[{"DOI":"10.1/x","title":["T"],"issued":5}]}}'
    scholar.fail("/crossref/works", Response(body, content_type="application/json"))
    entry = Entry("article", "x", {"title": AFB.title, "author": "Zhong, Zhihang", "year": "2022"})
    result, report = enrich_report(lib(entry), http=config, sources=["crossref"])
    assert result.get("x") == entry and report.outcomes[0].status == "failed"
    assert any(p.code == "EN102" and "unexpected answer (AttributeError" in p.message for p in result.problems)


def test_dblp_is_opt_in_and_finds_venues_without_a_doi(httpserver, tmp_path):
    neurips = Paper("Learning Optical Flow from Continuous Spike Streams", ("Rui Zhao", "Ruiqin Xiong", "Tiejun Huang"), 2022,
                 arxiv="2206.01234", arxiv_year=2022, venue="NeurIPS", type="proceedings-article")
    scholar = FakeScholar([neurips, SAME_TITLE])
    config = test_config(tmp_path / "cache", install(httpserver, scholar))
    entry = Entry("misc", "f", {"title": neurips.title, "author": "Zhao, Rui and others", "eprint": "2206.01234"})
    default = enrich_report(lib(entry), http=config)[0].get("f")
    assert default.type == "misc" and scholar.counts["dblp"] == 0
    upgraded = enrich_report(lib(entry), http=config, sources=["arxiv", "doi", "crossref", "dblp"])[0].get("f")
    assert upgraded.type == "inproceedings" and upgraded.get("booktitle") == "NeurIPS" and upgraded.get("year") == "2022"
    assert upgraded.provenance["booktitle"].source == "dblp" and scholar.counts["dblp"] == 1
