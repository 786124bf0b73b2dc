"""DBLP resolver (opt-in source): search requests and the quirks of its JSON."""

from __future__ import annotations

import json

import pytest
from enrich_server import fixture

from refkit.errors import LookupFailed
from refkit.http import HttpConfig, Reply
from refkit.resolvers import dblp


def test_search_query():
    query = dblp.search_query("Learning Optical Flow: from Spikes", ["zhao"], HttpConfig(dblp_url="https://dblp.example"))
    assert query.url == "https://dblp.example/search/publ/api"
    assert query.params == {"q": "Learning Optical Flow from Spikes zhao", "format": "json", "h": str(dblp.HITS)}


def test_parse_hits_quirks():
    nips, tip, corr = dblp.parse_hits(Reply("u", 200, {}, fixture("dblp/search_publ.json")))
    assert nips.title == "Learning Optical Flow from Continuous Spike Streams"  # trailing "." dropped
    assert nips.type == "inproceedings" and nips.venue == "NeurIPS" and nips.year == 2022 and nips.doi == ""
    assert [n.family for n in nips.authors] == ["Zhao", "Xiong", "Huang"]  # homonym number "0007" dropped
    assert tip.title == "Spike Camera Reconstruction: A Survey of Operators' Choices"  # &apos; decoded
    assert len(tip.authors) == 1 and tip.venue == "IEEE Trans. Image Process."  # a single author object; venue list
    assert tip.type == "article" and tip.doi == "10.1109/TIP.2024.0001" and tip.fields["pages"] == "100--112"
    assert corr.preprint and corr.venue == "" and corr.arxiv == "2206.01234" and corr.doi == ""


def test_no_hits_and_errors():
    assert dblp.parse_hits(Reply("u", 200, {}, fixture("dblp/search_publ_no_hits.json"))) == []
    with pytest.raises(LookupFailed):
        dblp.parse_hits(Reply("u", 200, {"content-type": "text/html"}, "<html>Maintenance</html>"))
    with pytest.raises(LookupFailed):
        dblp.parse_hits(Reply("u", 429, {}, "Too Many Requests"))


def test_homonym_numbers_and_page_dashes_after_long_blank_runs():
    # the homonym and dash patterns retried their blank run from every blank (quadratic)
    blanks = " " * 300_000
    hit = {"info": {"authors": {"author": [{"text": f"Rui{blanks}Zhao 0007"}, {"text": f"Tiejun{blanks}Huang"}]},
                    "title": "A title.", "venue": "TIP", "year": "2024", "type": "Journal Articles",
                    "pages": f"100{blanks}x{blanks}-{blanks}112"}}
    text = json.dumps({"result": {"hits": {"@total": "1", "hit": [hit]}}})
    (record,) = dblp.parse_hits(Reply("u", 200, {}, text))
    assert [n.family for n in record.authors] == ["Zhao", "Huang"]
    assert record.fields["pages"] == "100 x--112"  # blanks collapsed later
