"""Link labels: one table decides which entry field a labelled link fills."""

from __future__ import annotations

import pytest

from refkit.extraction.link_labels import BADGE_LABEL, link_field


@pytest.mark.parametrize(
    ("label", "url", "field"),
    [
        ("PDF", "https://example.org/files/paper.pdf", "pdf"),
        ("[pdf]", "https://example.org/download?id=7", "pdf"),
        ("Paper", "https://example.org/papers/smith21.pdf?dl=1", "pdf"),
        ("Paper", "https://publisher.example.org/article/123", "html"),
        ("Published version", "https://journal.example.org/abs/9", "html"),
        ("Paper", "http://dx.doi.org/10.1000/xyz123", "html"),
        ("Code", "https://example.org/src.tar.gz", "code"),
        ("Implementation", "https://example.org/impl", "code"),
        ("anything", "https://github.com/someone/tool", "code"),
        ("Preprint", "https://github.com/someone/tool/raw/main/preprint.pdf", "pdf"),
        ("Talk", "https://example.org/talk.mp4", "video"),
        ("recording", "https://youtu.be/abc", "video"),
        ("Slides", "https://example.org/slides.key", "slides"),
        ("Poster", "https://example.org/poster.png", "poster"),
        ("Supplementary material", "https://example.org/si", "supp"),
        ("Project page", "https://example.org/project", "website"),
        ("page", "https://example.org/p", "website"),
        ("Blog post", "https://example.org/blog/1", "blog"),
        ("Smith and Lee", "https://example.org/people", None),
        ("A linked title of a paper", "https://example.org/x", None),
    ],
)
def test_link_field(label: str, url: str, field: str | None) -> None:
    assert link_field(label, url) == field


@pytest.mark.parametrize("text", ["PDF", "bibtex", ".ps.gz", "MR123", "Full text", "project page"])
def test_badges(text: str) -> None:
    assert BADGE_LABEL.match(text)


@pytest.mark.parametrize("text", ["Deep learning", "Smith", "PDF of the talk"])
def test_not_badges(text: str) -> None:
    assert not BADGE_LABEL.match(text)
