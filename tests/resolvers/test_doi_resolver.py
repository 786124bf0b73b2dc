"""doi.org content negotiation: Crossref and DataCite CSL-JSON, the 302 agency hop, errors."""

from __future__ import annotations

import pytest
from enrich_server import fixture, test_config

from refkit.errors import LookupFailed
from refkit.http import Client, Reply
from refkit.resolvers import doi


def csl(name: str) -> Reply:
    return Reply("https://api.crossref.org/v1/works/x/transform", 200, {"content-type": "application/vnd.citationstyles.csl+json"}, fixture(name))


def test_crossref_csl_uses_crossref_types_and_plain_titles():
    rec = doi.parse(csl("doi/crossref_csl.json"), "10.1007/s11263-022-01705-6")
    assert rec is not None and not rec.preprint
    assert rec.type == "article" and rec.venue == "International Journal of Computer Vision"
    assert rec.title == "Real-World Video Deblurring: A Benchmark Dataset and an Efficient Recurrent Neural Network"
    assert rec.year == 2022 and rec.doi == "10.1007/s11263-022-01705-6"
    assert rec.fields["volume"] == "131" and rec.fields["number"] == "3" and rec.fields["pages"] == "750--765"
    assert rec.fields["abstract"] == "Real-world video deblurring in real time still remains a challenging task & more."
    assert [n.family for n in rec.authors] == ["Zhong", "Gao", "Zheng", "Zheng", "Sato"]


def test_datacite_arxiv_doi_is_a_preprint_with_its_arxiv_id():
    rec = doi.parse(csl("doi/datacite_arxiv_csl.json"), "10.48550/arXiv.2106.16028")
    assert rec is not None and rec.preprint and rec.arxiv == "2106.16028"
    assert rec.type == "misc" and rec.venue == "" and "publisher" not in rec.fields
    assert rec.doi.lower() == "10.48550/arxiv.2106.16028"


def test_datacite_zenodo_doi():
    rec = doi.parse(csl("doi/datacite_zenodo_csl.json"), "10.5281/zenodo.8242099")
    assert rec is not None and rec.title == "Shield bugs (nymphs)" and (rec.year, rec.month) == (2023, 8)
    assert rec.doi.lower() == "10.5281/zenodo.8242099"


def test_not_found_and_not_a_doi():
    assert doi.parse(Reply("u", 404, {"content-type": "text/html"}, fixture("doi/not_found_404.html")), "10.1126/foo") is None
    with pytest.raises(LookupFailed, match="not a DOI"):
        doi.parse(Reply("u", 400, {"content-type": "text/html"}, fixture("doi/not_a_doi_400.html")), "foo")


def test_html_instead_of_csl_is_an_error():
    with pytest.raises(LookupFailed, match="text/html"):
        doi.parse(Reply("u", 200, {"content-type": "text/html"}, "<html><body>Cookie wall</body></html>"), "10.1/x")


def test_302_agency_hop_over_http(httpserver, tmp_path):
    httpserver.expect_request("/10.1007/s11263-022-01705-6").respond_with_data(
        fixture("doi/hop1_302.html"), status=302, content_type="text/html;charset=utf-8",
        headers={"Location": httpserver.url_for("/v1/works/agency/transform"), "Vary": "Origin, Accept"})
    httpserver.expect_request("/v1/works/agency/transform", headers={"Accept": doi.ACCEPT}).respond_with_data(
        fixture("doi/crossref_csl.json"), content_type="application/vnd.citationstyles.csl+json")
    config = test_config(tmp_path, doi_url=httpserver.url_for("/"))
    with Client(config) as client:
        rec = doi.parse(client.get(doi.query("10.1007/S11263-022-01705-6", config)), "10.1007/s11263-022-01705-6")
        assert client.requests_made == 2
    assert rec is not None and rec.venue == "International Journal of Computer Vision"
    assert httpserver.log[0][0].headers["Accept"] == doi.ACCEPT
