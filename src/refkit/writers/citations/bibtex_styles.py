"""Citation lists in BibTeX styles (``bibtex:plain``, ``unsrt``, ``alpha``,
``abbrv``) through pybtex's ports of the classic .bst files."""

from __future__ import annotations

import re
from typing import Any

from ...errors import FormatError
from ...model import Entry
from .formats import Format

__all__ = ["render_bibtex"]


def _person(name: Any) -> Any:
    """A pybtex Person with ``name``'s parts (pybtex cannot read biblatex's
    extended name format, which ``Name.bibtex`` writes for some particles)."""
    from pybtex.database import Person

    text = name.bibtex()
    if name.literal or not name.particle or text != name.extended():
        return Person(_pybtex_value(text))
    return Person(
        first=_pybtex_value(name.given),
        prelast=_pybtex_value(name.particle),
        last=_pybtex_value(name.family),
        lineage=_pybtex_value(name.suffix),
    )


def _pybtex_value(value: str) -> str:
    """A field value pybtex's LaTeX reader understands: accents decoded to
    Unicode, font commands reduced to their (protected) argument, braces kept."""
    import codecs

    import latexcodec  # noqa: F401  (registers the codec; a pybtex dependency)

    value = re.sub(r"\\(?:textit|emph|textbf|textsc|textrm|textsf|texttt|mathrm)\s*(?=\{)", "", value)
    if "\\" not in value and "~" not in value and "--" not in value:
        return value
    try:
        return str(codecs.decode(value, "ulatex"))  # type: ignore[call-overload]
    except Exception:
        return value


def render_bibtex(entries: list[Entry], name: str, fmt: Format) -> list[tuple[str, str]]:
    """(key, text) pairs formatted by pybtex's port of a classic .bst style."""
    import pybtex.errors
    from pybtex.database import BibliographyData
    from pybtex.database import Entry as PybtexEntry
    from pybtex.database import Person
    from pybtex.plugin import find_plugin

    pybtex.errors.set_strict_mode(False)  # process-global in pybtex: set it explicitly
    data = BibliographyData()
    # pybtex compares keys case-insensitively: keys that would collide get a
    # unique stand-in (alpha labels fall back to the key, so keep real ones)
    counts: dict[str, int] = {}
    for entry in entries:
        counts[entry.key.lower()] = counts.get(entry.key.lower(), 0) + 1
    ids = [e.key if counts[e.key.lower()] == 1 and e.key else f"r{i}\u2063" for i, e in enumerate(entries)]
    back = {pid: i for i, pid in enumerate(ids)}
    for i, entry in enumerate(entries):
        fields = {}
        persons: dict[str, list[Any]] = {}
        for field_name, value in entry.fields.items():
            if field_name in ("author", "editor"):
                persons[field_name] = [_person(n) if not n.is_others else Person("others") for n in entry.names(field_name)]
            elif "+" not in field_name:
                fields[field_name] = _pybtex_value(value)
        etype = entry.type if entry.type in _PYBTEX_TYPES else "misc"
        data.add_entry(ids[i], PybtexEntry(etype, fields=fields, persons=persons))
    options = {"abbreviate_names": True} if name == "abbrv" else {}
    style_name = "plain" if name == "abbrv" else name
    style = find_plugin("pybtex.style.formatting", style_name)(**options)
    backend = find_plugin("pybtex.backends", fmt.pybtex_backend)()
    plain_entries = list(data.entries.values())
    try:
        ordered = style.sort(plain_entries)
        labels = list(style.format_labels(ordered))
    except Exception as exc:  # pybtex raises plain exceptions on odd data
        raise FormatError(f"bibtex:{name}: cannot sort this bibliography: {exc}") from None
    out = []
    for label_text, pentry in zip(labels, ordered):
        try:
            rich = style.format_entry(label_text, pentry).text
        except Exception:
            # a field the .bst template requires is missing (an @inproceedings
            # without booktitle …): format it as @misc, which requires nothing
            fallback = PybtexEntry("misc", fields=pentry.fields, persons=pentry.persons)
            fallback.key = pentry.key
            try:
                rich = style.format_entry(label_text, fallback).text
            except Exception:
                from pybtex.richtext import Text

                rich = Text(pentry.fields.get("title", pentry.key))
        text = " ".join(rich.render(backend).split())
        out.append((entries[back[pentry.key]].key, f"{fmt.pybtex_label(str(label_text))} {fmt.pybtex_text(text)}"))
    return out


_PYBTEX_TYPES = {
    "article", "book", "booklet", "inbook", "incollection", "inproceedings", "manual",
    "mastersthesis", "misc", "phdthesis", "proceedings", "techreport", "unpublished",
}
