"""A user's script, written as the docs show refkit's API; `mypy --strict` must
accept it (tests/typing/test_sample_usage.py). Never run, only type-checked."""

from __future__ import annotations

import refkit
from refkit import Entry, Library, RefkitError


def build(path: str, out: str) -> str:
    library: Library = refkit.read(path)
    library = refkit.read_string("@misc{a, title = {T}}", format="bibtex", path="inline.bib", strict=True)
    pages: Library = refkit.extract("publications.html")
    library = library.merged(pages)
    library = refkit.enrich(library, offline=True, sources=["arxiv", "doi"])
    library = refkit.normalize(library, titles=False)
    for problem in refkit.check(library, select=["RK5"], ignore=["RK505"]):
        print(problem.location.line, problem.code, problem.message)
    first: Entry = library.entries[0]
    print(first.key, [name.family for name in first.names("author")], first.date.year)
    refkit.write(library, out, field_order=["title", "author"])
    text: str = refkit.write_string(library, "csljson", indent=0)
    bibliography = refkit.render(library, style="apa", format="markdown", highlight="Jane Doe")
    for key, item in bibliography:
        print(key, item)
    try:
        return refkit.format_text(text, sort=True) + str(bibliography)
    except RefkitError as exc:
        return str(exc)
