"""arXiv resolver: request building and Atom parsing (both layouts), over real HTTP."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from enrich_server import fixture, test_config

from refkit.errors import LookupFailed
from refkit.http import Client, HttpConfig, Reply
from refkit.resolvers import arxiv


def reply(name: str, status: int = 200) -> Reply:
    return Reply("https://export.arxiv.org/api/query", status, {"content-type": "application/atom+xml"}, fixture(name))


def test_batch_query_puts_many_ids_in_one_request():
    config = HttpConfig()
    query = arxiv.id_query(["2106.16028", "hep-th/9901001v2", "0808.05394"], config)
    params = parse_qs(urlsplit(query.describe()).query)
    assert params["id_list"] == ["2106.16028,hep-th/9901001v2,0808.05394"]
    assert params["max_results"] == ["3"]
    with pytest.raises(ValueError):
        arxiv.id_query([str(i) for i in range(arxiv.BATCH_SIZE + 1)], config)


def test_batch_answer_matched_by_id_not_position_unknown_dropped():
    records = arxiv.parse_feed(reply("arxiv/batch_three_ids_one_unknown.xml"))
    by_id = {r.identifier: r for r in records}
    assert set(by_id) == {"hep-th/9901001", "2106.16028"}  # 0808.05394 silently dropped by arXiv
    new = by_id["2106.16028"]
    assert new.title == "Real-world Video Deblurring: A Benchmark Dataset and An Efficient Recurrent Neural Network"
    assert [n.family for n in new.authors] == ["Zhong", "Gao", "Zheng", "Zheng", "Sato"]
    assert (new.year, new.month) == (2021, 6)  # v1 date, not the version served
    assert new.doi == "10.1007/s11263-022-01705-6"
    assert new.journal_ref == "International Journal of Computer Vision, 2022"
    assert new.fields["primaryclass"] == "cs.CV" and new.fields["eprint"] == "2106.16028"
    assert new.fields["version"] == "3" and new.preprint


def test_old_style_versioned_id_and_escapes():
    old = {r.identifier: r for r in arxiv.parse_feed(reply("arxiv/batch_three_ids_one_unknown.xml"))}["hep-th/9901001"]
    assert old.arxiv == "hep-th/9901001" and old.fields["version"] == "2"
    assert old.title == "Gauge Fields on a Lattice: Old Questions, New Answers"  # line break collapsed
    assert old.fields["abstract"].startswith('We revisit "old" questions & give <new> answers. Second line')
    assert old.authors[0].particle == "de" and old.authors[0].family == "Vries"
    assert old.journal_ref == "Phys.Lett. B450 (1999) 12-20" and old.doi == ""


def test_legacy_layout_with_per_element_namespaces():
    (rec,) = arxiv.parse_feed(reply("arxiv/legacy_single_doi_journalref.xml"))
    assert rec.identifier == "1710.08557" and rec.year == 2017
    assert rec.title == "On Neuromechanical Approaches for the Study of Biological Grasp and Manipulation"
    assert rec.doi == "10.1186/s12984-017-0305-3" and rec.fields["primaryclass"] == "cs.RO"
    assert [str(n) for n in rec.authors] == ["Francisco J Valero-Cuevas", "Marco Santello"]


def test_empty_feed_is_no_records():
    assert arxiv.parse_feed(reply("arxiv/empty_feed.xml")) == []


def test_malformed_id_error_feed_is_an_error_not_a_paper():
    with pytest.raises(LookupFailed, match="incorrect id format for abc") as info:
        arxiv.parse_feed(reply("arxiv/error_400_malformed_id.xml", 400))
    assert info.value.status == 400


@pytest.mark.parametrize("body", ["<html><body><h1>Service Unavailable</h1>", "<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>http://arxiv.org/abs/2106.16028v1</id><tit"])
def test_html_and_truncated_bodies_are_errors(body):
    with pytest.raises(LookupFailed, match="malformed|not an Atom"):
        arxiv.parse_feed(Reply("u", 200, {}, body))


def test_search_query_uses_title_and_author_fields():
    query = arxiv.search_query("Real-world Video Deblurring: A Benchmark!", ["zhong", "gao"], HttpConfig())
    assert query.params["search_query"] == 'ti:"Real world Video Deblurring A Benchmark" AND au:zhong AND au:gao'


def test_over_http_with_429_then_success(httpserver, tmp_path):
    httpserver.expect_ordered_request("/api/query").respond_with_data(fixture("arxiv/error_429.txt"), status=429)
    httpserver.expect_ordered_request("/api/query", query_string={"id_list": "2106.16028,hep-th/9901001v2,0808.05394", "start": "0", "max_results": "3"}).respond_with_data(
        fixture("arxiv/batch_three_ids_one_unknown.xml"), content_type="application/atom+xml; charset=utf-8")
    config = test_config(tmp_path, arxiv_url=httpserver.url_for("/api/query"))
    with Client(config) as client:
        records = arxiv.parse_feed(client.get(arxiv.id_query(["2106.16028", "hep-th/9901001v2", "0808.05394"], config)))
    assert len(records) == 2 and len(httpserver.log) == 2


def test_batch_search_query_ors_several_titles():
    query = arxiv.batch_search_query([("A Study: of Things", ["doe"]), ("Other Work", [])], HttpConfig())
    assert query.params["search_query"] == '(ti:"A Study of Things" AND au:doe) OR (ti:"Other Work")'
    assert query.params["max_results"] == "10"
    with pytest.raises(ValueError):
        arxiv.batch_search_query([("t", [])] * (arxiv.SEARCH_BATCH + 1), HttpConfig())
