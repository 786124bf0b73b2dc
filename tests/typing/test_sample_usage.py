"""User code written as the docs show the API type-checks under `mypy --strict`:
public names are explicitly re-exported and every option is a typed keyword."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mypy-cache")  # shared: the second run reuses refkit's analysis


def run_mypy(path: Path, cache: Path) -> tuple[str, int]:
    api = pytest.importorskip("mypy.api")
    # refkit's own modules are checked by `mypy` in CI; here only the user's script counts
    out, err, status = api.run(["--strict", "--follow-imports=silent", "--no-error-summary",
                                "--cache-dir", str(cache), str(path)])
    return out + err, status


def test_the_documented_usage_passes_mypy_strict(cache: Path) -> None:
    output, status = run_mypy(HERE / "sample_usage.py", cache)
    assert status == 0, output


def test_a_misspelled_option_is_a_type_error(tmp_path: Path, cache: Path) -> None:
    script = tmp_path / "typo.py"
    script.write_text("import refkit\nrefkit.write(refkit.read('a.bib'), 'b.md', stlye='apa')\n", encoding="utf-8")
    output, status = run_mypy(script, cache)
    assert status == 1 and 'Unexpected keyword argument "stlye"' in output, output
