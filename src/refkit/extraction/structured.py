"""Machine-readable publication data embedded in HTML pages.

Why first: when a page carries structured data, it is exact where visible text
has to be guessed. Four kinds are common on academic pages:

* **BibTeX blocks** — ``<pre>``/``<code>``/``<textarea>`` and hidden ``<div>``s
  (al-folio's ``bibtex_show`` box), also BibTeX escaped inside JavaScript strings;
  parsed with refkit's own BibTeX reader through the registry.
* **Highwire/Google Scholar ``citation_*`` meta tags** — a single-article page.
* **COinS** — ``<span class="Z3988" title="ctx_ver=…">`` OpenURL context objects.
* **schema.org JSON-LD** — ``ScholarlyArticle``/``CreativeWork``/``Book``…,
  also inside ``@graph`` and nested lists.

Every function takes a parsed lxml tree and returns model objects; nothing here
guesses from visible text.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterable, Iterator
from urllib.parse import parse_qsl

import lxml.html

from .. import ids
from ..errors import RefkitError
from ..latex import escape
from ..model import Entry, Location, Name, Origin, Provenance

__all__ = [
    "bibtex_elements",
    "bibtex_entries",
    "parse_bibtex",
    "meta_entry",
    "coins_entries",
    "coins_entry",
    "jsonld_entries",
]

from lxml.html import HtmlElement  # noqa: E402  (Any without stubs)

_BIB_START = re.compile(r"@\s*[A-Za-z]+\s*[{(]\s*[^\s,{}()]*\s*,", re.S)
_PROV = Provenance("html", note="embedded structured data")


# --------------------------------------------------------------------------- BibTeX


def _looks_bibtex(text: str) -> bool:
    return bool(text) and "@" in text and bool(_BIB_START.search(text))


def bibtex_elements(root: HtmlElement) -> list[tuple[HtmlElement, str]]:
    """Elements holding BibTeX source, with that source (innermost element only)."""
    out: list[tuple[HtmlElement, str]] = []
    claimed: set[HtmlElement] = set()
    for el in root.iter("pre", "code", "textarea", "div", "span", "p", "script"):
        if el in claimed:
            continue
        if el.tag == "script":
            typ = (el.get("type") or "").lower()
            if "json" in typ:
                continue
            text = el.text or ""
            if "@" in text:
                for chunk in _js_bibtex(text):
                    out.append((el, chunk))
            continue
        if el.tag in ("div", "span", "p"):
            classes = (el.get("class") or "").lower()
            # a hidden container whose own text is the BibTeX (no <pre> inside)
            if not any(k in classes for k in ("bib", "cite", "citation", "hidden")) or el.find(".//pre") is not None or el.find(".//code") is not None or el.find(".//textarea") is not None:
                continue
        text = el.text_content() if el.tag != "textarea" else (el.text or "")
        if not _looks_bibtex(text):
            continue
        out.append((el, text.strip()))
        for d in el.iter():
            claimed.add(d)
        for anc in el.iterancestors():
            claimed.add(anc)
    return out


_QUOTE_OR_ESCAPE = re.compile(r"""\\.|["'`]""", re.S)
_ENTRY_OPENER = re.compile(r"@\s*[A-Za-z]+\s*[{(]")
_JS_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", re.S)
_JS_SIMPLE = {"n": "\n", "t": "\t", "r": "", "b": "", "f": "", "v": "", "0": ""}


def _js_unescape(text: str) -> str:
    def sub(m: re.Match[str]) -> str:
        e = m.group(1)
        if e[0] in "ux" and len(e) > 1:
            return chr(int(e[1:], 16))
        return _JS_SIMPLE.get(e, e)

    return _JS_ESCAPE.sub(sub, text)


def _js_bibtex(script: str) -> Iterator[str]:
    """BibTeX held in JavaScript string literals (``var bib = "@article{…}\\n"``)."""
    if len(script) > 5_000_000 or not _BIB_START.search(script.replace("\\n", "\n")):
        return  # no entry start anywhere: skip the string scan
    for body in _js_string_literals(script):
        if _ENTRY_OPENER.search(body):
            text = _js_unescape(body)
            if _looks_bibtex(text):
                yield text


def _js_string_literals(script: str) -> Iterator[str]:
    """The bodies of the quoted literals of ``script`` ('…', "…", `…`), escapes kept.

    One pass over the quotes and escapes: a quote opens a literal that the next
    unescaped quote of its kind closes. A quote with no closer anywhere after it
    is skipped, and so is every later quote of its kind (none of them can close
    either), so unterminated strings cost nothing: the backtracking pattern this
    replaces rescanned to the end of the script from every quote."""
    unclosable: set[str] = set()
    pos = 0
    while pos < len(script):
        tokens = _QUOTE_OR_ESCAPE.finditer(script, pos)
        pos = len(script)
        for m in tokens:
            quote = m.group(0)
            if len(quote) != 1 or quote in unclosable:
                continue  # an escape outside a literal, or a quote that cannot close
            closer = next((t for t in tokens if t.group(0) == quote), None)
            if closer is None:
                unclosable.add(quote)  # at most three rescans: one per kind of quote
                pos = m.end()
                break
            yield script[m.end():closer.start()]


def parse_bibtex(text: str, path: str | None = None, line: int | None = None) -> list[Entry]:
    """Entries of a BibTeX snippet (broken snippets give what parses, never an error)."""
    from ..io import read_string

    try:
        library = read_string(text, format="bibtex", path=path)
    except RefkitError:
        return []
    except Exception:  # a reader bug must not take the whole page down
        return []
    out = []
    for entry in library.entries:
        if line is not None:
            loc = entry.location
            origin = entry.origin or Origin()
            new_line = line + (loc.line - 1 if loc.line else 0)
            entry = Entry(entry.type, entry.key, entry.fields, entry.provenance,
                          Origin(Location(path, new_line), origin.text, origin.raw_fields, origin.values, origin.raw_type))
        out.append(entry)
    return out


def bibtex_entries(root: HtmlElement, path: str | None = None) -> list[tuple[HtmlElement, Entry]]:
    """Every BibTeX entry embedded in the page, with the element holding it."""
    out = []
    for el, text in bibtex_elements(root):
        for entry in parse_bibtex(text, path, el.sourceline):
            out.append((el, entry))
    return out


# --------------------------------------------------------------------------- helpers


def _names(values: Iterable[str]) -> str:
    """A BibTeX name list from display names (``Given Family`` or ``Family, Given``)."""
    parts = []
    for v in values:
        v = " ".join(v.split())
        if not v:
            continue
        if "," in v:
            family, _, given = v.partition(",")
            parts.append(Name(family=escape(family.strip()), given=escape(given.strip())).bibtex())
        else:
            words = v.split()
            parts.append(Name(family=escape(words[-1]), given=escape(" ".join(words[:-1]))).bibtex())
    return " and ".join(parts)


def _date(text: str) -> tuple[str | None, str | None]:
    m = re.search(r"(1[89]\d\d|20\d\d)(?:[-/](\d{1,2}))?", text or "")
    if not m:
        return None, None
    return m.group(1), (str(int(m.group(2))) if m.group(2) and 1 <= int(m.group(2)) <= 12 else None)


def _entry(typ: str, fields: dict[str, str | None], location: Location) -> Entry:
    clean = {k: v for k, v in fields.items() if v}
    # no key yet: the reader assigns keys to the whole page (transforms.keys)
    return Entry(typ, "", clean, {k: _PROV for k in clean}, Origin(location))


def _ids_from_urls(fields: dict[str, str | None], urls: Iterable[str]) -> None:
    for url in urls:
        if not url:
            continue
        if not fields.get("doi"):
            doi = ids.doi_from_url(url)
            if doi:
                fields["doi"] = doi
        if not fields.get("eprint"):
            ax = ids.parse_arxiv(url) if "arxiv" in url.lower() else None
            if ax:
                fields["eprint"] = ax.id
                fields["archiveprefix"] = "arXiv"


# --------------------------------------------------------------------------- meta tags


def meta_entry(root: HtmlElement, path: str | None = None) -> Entry | None:
    """The article a page describes with Highwire ``citation_*`` meta tags, if any."""
    meta: dict[str, list[str]] = {}
    first_line = None
    for el in root.iter("meta"):
        name = (el.get("name") or el.get("property") or "").strip().lower()
        if name.startswith("citation_"):
            content = " ".join((el.get("content") or "").split())
            if content:
                meta.setdefault(name, []).append(content)
                first_line = first_line or el.sourceline
    def one(key: str) -> str | None:
        values = meta.get(key)
        return values[0] if values else None

    title = one("citation_title")
    if not title:
        return None
    authors: list[str] = []
    for a in meta.get("citation_author", []) + meta.get("citation_authors", []):
        authors.extend(x for x in re.split(r"\s*;\s*", a) if x)
    year, month = _date(one("citation_publication_date") or one("citation_date") or one("citation_online_date") or one("citation_year") or "")
    fields: dict[str, str | None] = {
        "title": escape(title, math=True),
        "author": _names(authors),
        "year": year,
        "month": month,
        "volume": one("citation_volume"),
        "number": one("citation_issue"),
        "publisher": escape(one("citation_publisher") or "") or None,
        "doi": ids.normalize_doi(one("citation_doi") or ""),
        "isbn": one("citation_isbn"),
        "issn": one("citation_issn"),
        "pdf": one("citation_pdf_url"),
        "url": one("citation_abstract_html_url") or one("citation_fulltext_html_url"),
    }
    first, last = one("citation_firstpage"), one("citation_lastpage")
    if first:
        fields["pages"] = f"{first}--{last}" if last and last != first else first
    journal = one("citation_journal_title")
    conference = one("citation_conference_title") or one("citation_inbook_title")
    thesis = one("citation_dissertation_institution")
    report = one("citation_technical_report_institution")
    arxiv = one("citation_arxiv_id")
    if arxiv:
        ax = ids.parse_arxiv(arxiv)
        if ax:
            fields["eprint"], fields["archiveprefix"] = ax.id, "arXiv"
    _ids_from_urls(fields, [fields.get("pdf") or "", fields.get("url") or ""])
    if journal and "arxiv" not in journal.lower():
        typ = "article"
        fields["journal"] = escape(journal)
    elif conference:
        typ = "inproceedings" if not one("citation_inbook_title") else "incollection"
        fields["booktitle"] = escape(conference)
    elif thesis:
        typ = "phdthesis"
        fields["school"] = escape(thesis)
    elif report:
        typ = "techreport"
        fields["institution"] = escape(report)
        fields["number"] = one("citation_technical_report_number") or fields.get("number")
    else:
        typ = "misc"
    return _entry(typ, fields, Location(path, first_line))


# --------------------------------------------------------------------------- COinS


def coins_entry(title_attr: str, path: str | None = None, line: int | None = None) -> Entry | None:
    """One entry from a COinS ``title`` attribute (an OpenURL KEV context object)."""
    kv: dict[str, list[str]] = {}
    for k, v in parse_qsl(title_attr.replace("&amp;", "&"), keep_blank_values=False):
        kv.setdefault(k, []).append(" ".join(v.split()))
    def one(key: str) -> str | None:
        values = kv.get(key)
        return values[0] if values else None

    title = one("rft.atitle") or one("rft.title") or one("rft.btitle")
    if not title:
        return None
    authors = list(kv.get("rft.au", []))
    if not authors and one("rft.aulast"):
        first = one("rft.aufirst") or one("rft.auinit") or ""
        authors = [f"{one('rft.aulast')}, {first}" if first else str(one("rft.aulast"))]
    year, month = _date(one("rft.date") or "")
    genre = (one("rft.genre") or "").lower()
    fmt = (one("rft_val_fmt") or "").lower()
    fields: dict[str, str | None] = {
        "title": escape(title, math=True),
        "author": _names(authors),
        "year": year,
        "month": month,
        "volume": one("rft.volume"),
        "number": one("rft.issue"),
        "publisher": escape(one("rft.pub") or "") or None,
        "isbn": one("rft.isbn"),
        "issn": one("rft.issn"),
    }
    spage, epage = one("rft.spage"), one("rft.epage")
    if one("rft.pages"):
        fields["pages"] = str(one("rft.pages")).replace("-", "--").replace("----", "--")
    elif spage:
        fields["pages"] = f"{spage}--{epage}" if epage else spage
    _ids_from_urls(fields, [v.replace("info:doi/", "https://doi.org/").replace("info:arxiv/", "arxiv.org/abs/") for v in kv.get("rft_id", [])])
    container = one("rft.jtitle") or one("rft.title") if (one("rft.atitle") and title != one("rft.title")) else one("rft.jtitle")
    if genre in ("proceeding", "conference") or (one("rft.btitle") and one("rft.atitle")):
        typ = "inproceedings" if genre in ("proceeding", "conference") else "incollection"
        fields["booktitle"] = escape(one("rft.btitle") or container or "") or None
    elif genre == "book" or ("book" in fmt and not one("rft.atitle")):
        typ = "book"
    elif genre == "bookitem":
        typ = "incollection"
        fields["booktitle"] = escape(one("rft.btitle") or "") or None
    elif genre in ("dissertation", "thesis") or "dissertation" in fmt:
        typ = "phdthesis"
        fields["school"] = escape(one("rft.inst") or "") or None
    elif genre == "report":
        typ = "techreport"
        fields["institution"] = escape(one("rft.inst") or one("rft.pub") or "") or None
    elif container or genre == "article" or "journal" in fmt:
        typ = "article"
        fields["journal"] = escape(container or "") or None
    else:
        typ = "misc"
    return _entry(typ, fields, Location(path, line))


def coins_entries(root: HtmlElement, path: str | None = None) -> list[tuple[HtmlElement, Entry]]:
    """Every COinS span on the page, with the span."""
    out = []
    for el in root.iter("span"):
        classes = (el.get("class") or "").split()
        title = el.get("title") or ""
        if "Z3988" in classes and "ctx_ver" in title:
            entry = coins_entry(title, path, el.sourceline)
            if entry is not None:
                out.append((el, entry))
    return out


# --------------------------------------------------------------------------- JSON-LD

_JSONLD_TYPES = {
    "scholarlyarticle": "article",
    "creativework": "misc",
    "book": "book",
    "chapter": "incollection",
    "thesis": "phdthesis",
    "report": "techreport",
    "publicationissue": "article",
    "medicalscholarlyarticle": "article",
}


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text(value: Any) -> str:
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("@value") or value.get("headline") or "")
    if isinstance(value, list) and value:
        return _text(value[0])
    if isinstance(value, (int, float)):
        return str(value)
    return ""


def _person(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        family, given = _text(value.get("familyName")), _text(value.get("givenName"))
        if family:
            return f"{family}, {given}" if given else family
        return _text(value.get("name"))
    return ""


def _container(value: Any) -> tuple[str, str | None, str | None]:
    """(name, volume, issue) of an ``isPartOf`` chain (issue -> volume -> periodical)."""
    name, volume, issue = "", None, None
    node = value
    for _ in range(5):
        if isinstance(node, list):
            node = node[0] if node else None
        if not isinstance(node, dict):
            if isinstance(node, str) and not name:
                name = node
            break
        types = {str(t).lower() for t in _as_list(node.get("@type"))}
        if "publicationissue" in types:
            issue = _text(node.get("issueNumber")) or issue
        elif "publicationvolume" in types:
            volume = _text(node.get("volumeNumber")) or volume
        elif node.get("name"):
            name = _text(node.get("name"))
        node = node.get("isPartOf")
    return name, volume, issue


def _jsonld_objects(data: Any) -> Iterator[dict[str, Any]]:
    stack = [data]
    seen = 0
    while stack and seen < 100_000:
        seen += 1
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(reversed(node))
        elif isinstance(node, dict):
            yield node
            for key in ("@graph", "hasPart", "itemListElement", "item", "mainEntity", "workExample"):
                if key in node:
                    stack.append(node[key])


def jsonld_entries(root: HtmlElement, path: str | None = None) -> list[Entry]:
    """Scholarly works described in ``<script type="application/ld+json">``."""
    out = []
    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        for obj in _jsonld_objects(data):
            types = [str(t).lower() for t in _as_list(obj.get("@type"))]
            typ = next((_JSONLD_TYPES[t] for t in types if t in _JSONLD_TYPES), None)
            if typ is None:
                continue
            title = _text(obj.get("headline") or obj.get("name"))
            authors = [_person(a) for a in _as_list(obj.get("author") or obj.get("creator"))]
            authors = [a for a in authors if a]
            if not title or not authors:
                continue
            year, month = _date(_text(obj.get("datePublished") or obj.get("dateCreated") or obj.get("copyrightYear")))
            container, volume, issue = _container(obj.get("isPartOf"))
            fields: dict[str, str | None] = {
                "title": escape(title, math=True),
                "author": _names(authors),
                "year": year,
                "month": month,
                "volume": _text(obj.get("volumeNumber")) or volume,
                "number": _text(obj.get("issueNumber")) or issue,
                "publisher": escape(_text(obj.get("publisher"))) or None,
                "isbn": _text(obj.get("isbn")) or None,
            }
            start, end = _text(obj.get("pageStart")), _text(obj.get("pageEnd"))
            if obj.get("pagination"):
                fields["pages"] = _text(obj.get("pagination")).replace("-", "--").replace("----", "--")
            elif start:
                fields["pages"] = f"{start}--{end}" if end else start
            urls = [_text(v) if not isinstance(v, dict) else _text(v.get("value") or v.get("@id") or v.get("url")) for v in _as_list(obj.get("identifier")) + _as_list(obj.get("sameAs")) + _as_list(obj.get("url")) + _as_list(obj.get("@id"))]
            for u in urls:
                if u and not fields.get("doi"):
                    doi = ids.doi_from_url(u)
                    if doi:
                        fields["doi"] = doi
            _ids_from_urls(fields, urls)
            if typ in ("article", "misc") and container:
                if "arxiv" in container.lower():
                    typ = "misc"
                elif typ == "article" or "journal" in container.lower():
                    typ = "article"
                    fields["journal"] = escape(container)
                else:
                    fields["howpublished"] = escape(container)
            elif typ == "incollection" and container:
                fields["booktitle"] = escape(container)
            out.append(_entry(typ, fields, Location(path, script.sourceline)))
    return out
