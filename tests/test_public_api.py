"""Pin the public API: ``refkit.__all__`` is what docs/api.md documents, and every name imports."""

from __future__ import annotations

import importlib
import subprocess
import types
import sys
from pathlib import Path

import pytest

import refkit

API_PAGE = Path(__file__).resolve().parents[1] / "docs" / "api.md"

PUBLIC = [
    "ConfigError", "Date", "Entry", "FormatError", "InputError", "Library", "LookupFailed", "Name",
    "ParseError", "Problem", "Provenance", "RefkitError", "check", "enrich", "extract", "format_text",
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
    # refkit.enrich and refkit.extract also name a module/package; once imported, the
    # package attribute is that module, which must then be callable in the function's place
    assert value is expected or (isinstance(value, types.ModuleType) and callable(value)), value
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


def test_extract_still_works_after_the_extract_package_was_imported(tmp_path: Path) -> None:
    import refkit.extract.segment  # noqa: F401  (what every document reader does)

    page = tmp_path / "pubs.md"
    page.write_text("# Publications\n\n- Jane Doe, John Roe. **A Study of Things.** Journal of Studies, 2020.\n",
                    encoding="utf-8")
    library = refkit.extract(page)
    assert len(library) == 1 and "2020" in library.entries[0].fields.get("year", "")
