"""Options for publication lists, applied to rendered entries: ``highlight``
(a person's name in bold), role ``markers`` from biblatex's ``author+an``,
``links`` (DOI, arXiv, PDF, code …), ``sort="year"``, ``group`` (year or type,
with headings), ``numbering``; and the list assembled in the output format."""

from __future__ import annotations

import re
from typing import Sequence

from ...crosswalk import csl_type, unescape
from ...model import Entry
from .formats import Format

__all__ = ["highlight", "add_markers", "add_links", "sort_by_year", "group", "assemble"]

_MARK_ROLES = {"equal": "*", "corresponding": "†", "co-first": "*", "cofirst": "*", "first": ""}


def _role_marks(entry: Entry | None) -> dict[int, str]:
    """Position (1-based) -> marker from the biblatex annotation ``author+an``
    (``1=equal; 3=corresponding``)."""
    if entry is None:
        return {}
    value = entry.fields.get("author+an", "")
    out: dict[int, str] = {}
    for part in re.split(r"[;,]", value):
        m = re.match(r"\s*(\d+)\s*(?::\w+)?\s*=\s*\"?([^\"]*)\"?\s*$", part)
        if not m:
            continue
        marks = ""
        for role in re.split(r"[\s+]+", m.group(2).strip().lower()):
            mark = _MARK_ROLES.get(role, "")
            if role in ("*", "†", "‡"):
                mark = role
            if mark and mark not in marks:
                marks += mark
        if marks:
            out[int(m.group(1))] = out.get(int(m.group(1)), "") + marks
    return out


def _name_variants(entry: Entry | None, index: int) -> list[str]:
    """Ways a style may print the ``index``-th (1-based) author."""
    if entry is None:
        return []
    names = entry.names("author")
    if index > len(names):
        return []
    n = names[index - 1]
    if n.literal:
        return [unescape(n.literal)]
    return _variants(unescape(n.given), unescape(n.family), unescape(n.particle), unescape(n.suffix))


def _variants(given: str, family: str, particle: str = "", suffix: str = "") -> list[str]:
    fam = " ".join(p for p in (particle, family) if p)
    words = [w for w in re.split(r"[\s]+", given) if w]
    initials_dot = " ".join(_initial(w) for w in words)
    initials_nodot = "".join(_initial(w).replace(".", "") for w in words)
    initials_dot_tight = "".join(_initial(w) for w in words)
    out = []
    for g in dict.fromkeys([given, initials_dot, initials_dot_tight, initials_nodot]):
        if not g:
            continue
        out += [f"{g} {fam}", f"{fam}, {g}", f"{fam} {g}", f"{family}, {g} {particle}".strip()]
    out.append(fam)
    return sorted(dict.fromkeys(o for o in out if o.strip()), key=len, reverse=True)


def _initial(word: str) -> str:
    return "-".join(p[:1] + "." for p in word.split("-") if p)


def highlight(text: str, who: str | Sequence[str], fmt: Format, entry: Entry | None) -> str:
    people = [who] if isinstance(who, str) else list(who)
    for person in people:
        from ...names import parse_name

        name = parse_name(person)
        variants = _variants(name.given, name.family, name.particle, name.suffix) if not name.literal else [name.literal]
        variants = [fmt.escape(v) for v in variants if " " in v or "," in v]
        for variant in variants:
            pattern = re.compile(r"(?<![\w*])" + re.escape(variant) + r"(?![\w])")
            if pattern.search(text):
                text = pattern.sub(lambda m: fmt.bold(m.group(0)), text)
                break
    return text


def add_markers(text: str, entry: Entry | None, fmt: Format) -> str:
    marks = _role_marks(entry)
    if not marks:
        return text
    pos = 0
    bold_open, bold_close = (re.escape(part) for part in fmt.bold("\0").split("\0"))
    for index in sorted(marks):
        mark = fmt.marker(marks[index])
        for variant in [fmt.escape(v) for v in _name_variants(entry, index)]:
            m = re.compile(f"(?:{bold_open})?" + re.escape(variant) + f"(?:{bold_close})?(?!\\w)").search(text, pos)
            if m:
                text = text[: m.end()] + mark + text[m.end():]
                pos = m.end() + len(mark)
                break
    return text


def add_links(text: str, entry: Entry | None, fmt: Format) -> str:
    if entry is None:
        return text
    links: list[tuple[str, str]] = []
    doi = entry.get("doi")
    if doi:
        links.append(("DOI", "https://doi.org/" + unescape(doi).strip()))
    if entry.arxiv:
        links.append(("arXiv", "https://arxiv.org/abs/" + entry.arxiv))
    for label, names in (("PDF", ("pdf", "file")), ("Code", ("code", "github", "repository")), ("Website", ("website", "project", "html")), ("Video", ("video",)), ("Slides", ("slides",)), ("Poster", ("poster",))):
        for name in names:
            value = entry.get(name)
            if value and re.match(r"https?://", unescape(value).strip()):
                links.append((label, unescape(value).strip()))
                break
    if not links:
        return text
    return text + " " + fmt.link_separator.join(fmt.link(label, url) for label, url in links)


def _year_of(entry: Entry | None) -> int:
    return (entry.date.year or 0) if entry is not None else 0


def sort_by_year(items: list[tuple[str, str]], by_key: dict[str, Entry]) -> list[tuple[str, str]]:
    def title(k: str) -> str:
        e = by_key.get(k)
        return unescape(e.get("title", "") or "").casefold() if e else ""

    return sorted(items, key=lambda kt: (-_year_of(by_key.get(kt[0])), title(kt[0])))


_TYPE_HEADINGS = (
    ("article-journal", "Journal Articles"),
    ("paper-conference", "Conference Papers"),
    ("article", "Preprints"),
    ("chapter", "Book Chapters"),
    ("book", "Books"),
    ("thesis", "Theses"),
    ("report", "Reports"),
    ("patent", "Patents"),
)


def group(items: list[tuple[str, str]], by_key: dict[str, Entry], group: str | None) -> list[tuple[str, list[tuple[str, str]]]]:
    if group not in ("year", "type"):
        return [("", items)]
    buckets: dict[str, list[tuple[str, str]]] = {}
    for k, t in items:
        e = by_key.get(k)
        if group == "year":
            y = _year_of(e)
            head = str(y) if y else "Undated"
        else:
            ct = csl_type(e) if e else "document"
            head = dict(_TYPE_HEADINGS).get(ct, "Other")
        buckets.setdefault(head, []).append((k, t))
    if group == "year":
        order = sorted(buckets, key=lambda h: -int(h) if h.isdigit() else 1)
    else:
        names = [h for _, h in _TYPE_HEADINGS] + ["Other"]
        order = sorted(buckets, key=names.index)
    return [(h, buckets[h]) for h in order]


def assemble(sections: list[tuple[str, list[tuple[str, str]]]], fmt: Format, numbering: str | None) -> str:
    total = sum(len(s) for _, s in sections)
    n = 0
    grouped = len(sections) > 1 or bool(sections and sections[0][0])
    out: list[str] = fmt.begin()
    for heading, items in sections:
        if grouped and heading:
            out.append(fmt.heading(heading))
        for key, text in items:
            n += 1
            number = (n if numbering == "asc" else total - n + 1) if numbering in ("asc", "desc") else None
            out.append(fmt.item(key, text, number))
        if grouped:
            out += fmt.section_end()
    out += fmt.end()
    text = "\n".join(out).rstrip("\n") + "\n"
    return text if total or grouped else ""
