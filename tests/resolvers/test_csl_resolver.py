"""refkit.resolvers.csl: a CSL-JSON item or Crossref work read into a Record, on hostile answers."""

from __future__ import annotations

from refkit.resolvers.csl import to_record

#: how much of a hostile answer the tests feed (an answer may hold up to 8 MB); the old
#: patterns took minutes on these, the linear ones a few milliseconds
RUN = 300_000


def test_abstract_markup_is_stripped_in_one_pass() -> None:
    item = {"type": "article-journal", "title": ["T"], "DOI": "10.1000/x",
            "abstract": "<jats:title>Abstract</jats:title><jats:p>Real <i>text</i> & more.</jats:p>"}
    assert to_record(item, "crossref").fields["abstract"] == "Real text & more."
    # unclosed tags: each '<' was the start of a scan to the end of the answer
    for hostile in ("<" * RUN + "Real text", "<jats:title>" * (RUN // 12) + "Real text", "<>" * RUN + "Real text"):
        abstract = to_record(dict(item, abstract=hostile), "crossref").fields["abstract"]
        assert abstract.endswith("Real text")


def test_page_range_dash_between_long_blank_runs() -> None:
    item = {"type": "article-journal", "title": ["T"], "page": "100 \u2013 112"}
    assert to_record(item, "crossref").fields["pages"] == "100--112"
    blanks = " " * RUN
    assert to_record(dict(item, page=f"100{blanks}x{blanks}\u2013{blanks}112"), "crossref").fields["pages"] == "100 x--112"  # blanks collapsed later
