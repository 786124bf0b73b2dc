"""The official CSL processor test suite's bibliography fixtures (vendored in
tests/writers/csl_suite/, see its README) as one test per fixture.

Fixtures in csl_suite/known_failures.txt are expected failures with the reason
of their family; ``strict`` makes a listed fixture that passes fail the run,
so the list stays true (remove its line then)."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "csl_suite"))
import harness  # noqa: E402

FIXTURES = harness.fixtures()
KNOWN = harness.known_failures()


def _param(fixture: harness.Fixture) -> object:
    reason = KNOWN.get(fixture.name)
    marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
    return pytest.param(fixture, id=fixture.name, marks=marks)


@pytest.mark.parametrize("fixture", [_param(f) for f in FIXTURES])
def test_fixture(fixture: harness.Fixture) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = harness.run_refkit(fixture)
    assert got == fixture.expected


def test_every_known_failure_names_a_vendored_fixture_and_a_family() -> None:
    names = {f.name for f in FIXTURES}
    assert len(names) == 199
    for name, reason in KNOWN.items():
        assert name in names, f"known_failures.txt lists {name}, which is no fixture"
        assert ":" in reason, f"{name}: give the family and what is wrong"
