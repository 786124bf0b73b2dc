"""Pin the public API: ``refkit.__all__`` is what docs/api.md documents, and every name imports."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import refkit

API_PAGE = Path(__file__).resolve().parents[1] / "docs" / "api.md"

PUBLIC = [
    "Bibliography", "ConfigError", "Date", "Entry", "FormatError", "InputError", "Library", "LookupFailed", "Name",
    "OptionError", "ParseError", "Problem", "Provenance", "RefkitError", "check", "enrich", "extract", "format_text",
    "normalize", "read", "read_string", "render", "write", "write_string", "__version__",
]


def test_all_is_pinned() -> None:
    assert refkit.__all__ == PUBLIC
    assert sorted(dir(refkit)) == sorted(PUBLIC)


@pytest.mark.parametrize("name", [n for n in PUBLIC if n != "__version__"])
def test_every_public_name_imports_and_is_documented(name: str) -> None:
    module = refkit._EXPORTS[name]
    expected = getattr(importlib.import_module(module), name)
    value = getattr(refkit, name)
    assert value is expected, value
    page = API_PAGE.read_text(encoding="utf-8")
    documented = f"::: {module}.{name}\n" in page or (module == "refkit.errors" and f"        - {name}\n" in page)
    assert documented, f"docs/api.md does not document refkit.{name} ({module})"


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        refkit.nope  # noqa: B018


def test_import_refkit_is_lazy() -> None:
    code = "import sys, refkit; print(sorted(m for m in sys.modules if m.startswith(('refkit.', 'requests', 'lxml', 'citeproc', 'pybtex'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_no_submodule_shadows_a_public_name() -> None:
    # importing a submodule binds it on the package: one named like a public
    # function would replace that function once the CLI had imported it
    import pkgutil

    submodules = {m.name for m in pkgutil.iter_modules(refkit.__path__)}
    assert not submodules & set(PUBLIC)


def test_extract_still_works_after_every_reader_was_imported(tmp_path: Path) -> None:
    import refkit.extraction.segment  # noqa: F401  (what every document reader does)
    import refkit.enrichment  # noqa: F401

    page = tmp_path / "pubs.md"
    page.write_text("# Publications\n\n- Jane Doe, John Roe. **A Study of Things.** Journal of Studies, 2020.\n",
                    encoding="utf-8")
    library = refkit.extract(page)
    assert len(library) == 1 and "2020" in library.entries[0].fields.get("year", "")


def test_a_reader_bug_reaches_api_callers_as_a_refkit_error(monkeypatch) -> None:
    """Callers catch one family: a bug inside a reader is an InternalError naming the input, the cause chained."""
    import refkit.readers.csljson as csljson
    from refkit.errors import InternalError, RefkitError

    def broken(text: str, **options: object) -> None:
        raise IndexError("list index out of range")

    monkeypatch.setattr(csljson, "read", broken)
    with pytest.raises(InternalError) as caught:
        refkit.read_string("[]", format="csljson", path="refs.json")
    assert isinstance(caught.value, RefkitError)
    assert isinstance(caught.value.__cause__, IndexError)
    message = str(caught.value)
    assert message.startswith("refs.json: internal error: IndexError: list index out of range")
    assert "refkit bug" in message
