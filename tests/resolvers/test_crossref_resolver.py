"""Crossref search: request building and parsing of hits, no hits and errors."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from enrich_server import fixture, test_config

from refkit.errors import LookupFailed
from refkit.http import Client, HttpConfig, Reply
from refkit.resolvers import crossref


def test_search_query_has_bibliographic_author_and_year():
    query = crossref.search_query("Attention is All you Need", ["vaswani", "shazeer"], 2017, HttpConfig())
    params = parse_qs(urlsplit(query.describe()).query)
    assert params["query.bibliographic"] == ["Attention is All you Need 2017"]
    assert params["query.author"] == ["vaswani shazeer"]
    assert params["rows"] == [str(crossref.ROWS)]
    assert query.url == "https://api.crossref.org/works"


def test_parse_hits_lists_titles_and_messy_container_titles():
    records = crossref.parse_works(Reply("u", 200, {}, fixture("crossref/works_search.json")))
    first, second = records
    assert first.title == "Self-Attention with Relative Position Representations"
    assert first.type == "inproceedings" and first.doi == "10.18653/v1/n18-2074" and first.year == 2018
    assert "\n" not in first.venue and "  " not in first.venue
    assert second.preprint and second.year == 2024  # issued is [[null]]: the posted date counts
    assert second.authors[0].literal == "The Consortium"


def test_no_results_and_plain_text_404():
    assert crossref.parse_works(Reply("u", 200, {}, fixture("crossref/works_no_results.json"))) == []
    assert crossref.parse_works(Reply("u", 404, {"content-type": "text/plain"}, fixture("crossref/not_found_404.txt"))) == []


@pytest.mark.parametrize("status, name", [(500, "crossref/error_500.json"), (504, "crossref/error_504.html"), (200, "crossref/error_504.html")])
def test_errors_raise(status, name):
    with pytest.raises(LookupFailed):
        crossref.parse_works(Reply("u", status, {}, fixture(name)))


def test_over_http_429_html_then_hits(httpserver, tmp_path):
    httpserver.expect_ordered_request("/works").respond_with_data(fixture("crossref/error_429.html"), status=429, content_type="text/html", headers={"Retry-After": "0"})
    httpserver.expect_ordered_request("/works").respond_with_data(fixture("crossref/works_search.json"), content_type="application/json")
    config = test_config(tmp_path, crossref_url=httpserver.url_for("/"))
    with Client(config) as client:
        records = crossref.parse_works(client.get(crossref.search_query("Self-Attention", ["shaw"], 2018, config)))
    assert [r.doi for r in records][0] == "10.18653/v1/n18-2074"
    assert httpserver.log[1][0].args["query.author"] == "shaw"
