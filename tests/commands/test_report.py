"""Exit codes decided in one place, black's closing line, plurals."""

from __future__ import annotations

import pytest

from refkit.commands.report import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, Report, internal_error, plural


@pytest.mark.parametrize("report_only, changed, unchanged, failed, findings, code", [
    (False, 0, 0, 0, 0, EXIT_OK),
    (False, 3, 1, 0, 0, EXIT_OK),          # `refkit format FILE` rewrote files: success
    (True, 1, 1, 0, 0, EXIT_FINDINGS),     # --check/--diff: a file would change
    (True, 0, 2, 0, 0, EXIT_OK),
    (False, 0, 1, 0, 4, EXIT_FINDINGS),    # check found problems
    (False, 2, 0, 1, 3, EXIT_ERROR),       # an error wins over everything
    (True, 1, 0, 1, 0, EXIT_ERROR),
])
def test_return_code(report_only: bool, changed: int, unchanged: int, failed: int, findings: int, code: int) -> None:
    report = Report(report_only=report_only, findings=findings)
    for _ in range(changed):
        report.done(True)
    for _ in range(unchanged):
        report.done(False)
    for _ in range(failed):
        report.failure()
    assert report.return_code == code


def test_summary_lines_as_black_writes_them() -> None:
    report = Report()
    report.done(True)
    report.done(False)
    report.done(False)
    assert report.summary() == "1 file reformatted, 2 files left unchanged."
    single = Report()
    single.done(False)
    assert single.summary() == "1 file left unchanged."
    checking = Report(report_only=True)
    checking.done(True)
    checking.failure()
    assert checking.summary() == "1 file would be reformatted, 1 file would fail to reformat."


def test_plural() -> None:
    assert [plural(1, "entry"), plural(2, "entry"), plural(0, "file"), plural(1, "file")] == [
        "1 entry", "2 entries", "0 files", "1 file"]
    assert [plural(3, "duplicate entry"), plural(2, "request"), plural(2, "key"), plural(2, "match")] == [
        "3 duplicate entries", "2 requests", "2 keys", "2 matches"]


def test_internal_error_is_short_and_names_the_place() -> None:
    try:
        {"a": 1}["x" * 5000]
    except KeyError as exc:
        message = internal_error(exc, "refs.bib")
    assert message.startswith("refs.bib: internal error: KeyError: ")
    assert len(message) < 300 and "x" * 100 not in message  # never the whole value
    assert "test_report.py:" in message and "--traceback" in message
