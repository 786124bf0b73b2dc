"""One redaction for every message: credentials and secret query values never shown."""

from refkit.errors import InputError, LookupFailed
from refkit.redact import redact


def test_credentials_and_unknown_query_values_are_hidden():
    text = "failed <https://alice:pa55@api.example.org/v1/works?api_key=SECRET&rows=5&token=T0K#frag> after 3 attempts"
    out = redact(text)
    assert "alice" not in out and "pa55" not in out and "SECRET" not in out and "T0K" not in out
    assert out == "failed <https://***@api.example.org/v1/works?api_key=***&rows=5&token=***#frag> after 3 attempts"


def test_what_refkit_asked_stays_readable():
    url = "http://export.arxiv.org/api/query?search_query=ti%3Adeblurring&max_results=10"
    assert redact(url) == url
    assert redact("no url here: a:b@c") == "no url here: a:b@c"


def test_errors_redact_themselves():
    lookup = LookupFailed("timed out <http://u:p@h/x?key=K>", url="http://u:p@h/x?key=K")
    assert "u:p@" not in str(lookup) and "K>" not in str(lookup) and lookup.url == "http://***@h/x?key=***"
    page = InputError("HTTP 404", path="https://u:p@h/page?session=S")
    assert str(page) == "https://***@h/page?session=***: HTTP 404"
