"""The one section classifier (refkit.extraction.sections) every reader uses."""

from __future__ import annotations

import pytest

from refkit.extraction.sections import KINDS, classify_heading, section_kind


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Selected Publications", "publications"),
        ("Preprints & Working Papers", "publications"),
        ("Talks and papers", "publications"),  # a publication word wins
        ("Conference talks", "talks"),  # a weak publication word does not
        ("Conference Papers", "publications"),
        ("Journal Articles", "publications"),
        ("Review articles", "publications"),
        ("References", "publications"),
        ("References available upon request", "profile"),
        ("Paper reviewing", "service"),
        ("Theses supervised", "supervision"),
        ("Recent News", "news"),
        ("Teaching", "teaching"),
        ("Grants and funding", "grants"),
        ("Software & datasets", "software"),
        ("Veröffentlichungen", "publications"),
        ("Vorträge", "talks"),
        ("Brevets", "patents"),
        ("Congrès internationaux (10)", "talks"),
        ("Publications scientifiques (avec comité de lecture) (12)", "publications"),
        ("Selected media publications and interviews", "media"),
        ("Reviews", "publications"),
        ("Publicaciones", "publications"),
        ("Prêmios", "awards"),
        ("📝 论文专利", "publications"),
        ("发表论文 (†表示共同一作)", "publications"),
        ("发明专利", "patents"),
        ("🏛️ 科研项目", "projects"),
        ("受賞", "awards"),
        ("2023", None),
        ("Deep residual learning for image recognition in the wild with many words", None),
    ],
)
def test_section_kind(heading: str, kind: str | None) -> None:
    assert section_kind(heading) == kind


def test_classify_heading_is_pub_other_or_none() -> None:
    assert classify_heading("Publications") == "pub"
    assert {classify_heading(k) for k in ("Talks", "Teaching", "Patents", "Awards")} == {"other"}
    assert classify_heading("Machine learning") is None
    assert "publications" not in KINDS


def test_long_or_pathological_headings_are_fast() -> None:
    assert section_kind("a " * 50_000) is None
    assert section_kind("talk" * 10_000, max_words=10) is None  # one 40 KB word: no section name
