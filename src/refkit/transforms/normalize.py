"""Normalization: the fixes ``refkit format`` applies to every entry.

``normalize(entry_or_library, **options)`` returns a new object; each step is an
``Entry -> Entry`` function listed once in :data:`STEPS` and can be switched off
by name (``normalize(lib, titles=False)``):

``whitespace``  runs of white space (line breaks, tabs) in known fields become
                one space; long-text fields (``abstract``, ``annote``, ``file`` …)
                keep theirs, paragraph breaks carry meaning there.
``months``      ``3``, ``03``, ``Mar``, ``mar.``, ``march`` -> ``March``, which the
                BibTeX writer writes as the macro ``mar``.
``pages``       ``12-34``, ``12 - 34``, ``12–34`` (en dash), ``12---34`` -> ``12--34``.
``doi``         resolver prefixes dropped (``https://doi.org/10.1/x`` -> ``10.1/x``);
                a ``url`` that is a resolver link (doi.org, doi.acm.org) also fills a missing ``doi``.
``arxiv``       an arXiv id in ``arxiv``/``arxivid`` fields, an arXiv ``journal``
                (``arXiv preprint arXiv:2106.16028``, DBLP's ``CoRR`` +
                ``abs/…`` volume), ``note``, ``howpublished``, an arxiv.org ``url``
                or an arXiv DOI fills ``eprint`` + ``archiveprefix`` (+
                ``primaryclass`` when written). Only the dedicated ``arxiv``-type
                fields are removed; ``url``/``journal``/``note`` stay.
``titles``      acronyms and words with inner capitals in ``title`` are protected
                with braces (``NeRF`` -> ``{NeRF}``, ``3D`` -> ``{3D}``), plus a
                short list of proper nouns (Bayesian, Gaussian, Markov …). Only
                text at brace depth 0 is touched, so ``{NeRF}`` and
                ``{{NeRF}}`` never grow; an all-capitals title is left alone.

Never lost: unknown fields are untouched, and a field written with ``@string``
macros or ``#`` concatenation is left as it is (changing its expanded value
would force the writer to inline the macro).
"""

from __future__ import annotations

import re
from typing import Callable, Mapping, overload

from ..dates import month_name
from ..ids import doi_from_url, find_arxiv, is_resolver_url, normalize_doi, parse_arxiv
from ..model import Entry, Library
from ..options import checked

__all__ = ["normalize", "normalize_entry", "STEPS", "KNOWN_FIELDS", "protect_title", "content_changed"]

#: standard BibTeX and biblatex fields; only these are normalized
KNOWN_FIELDS = frozenset(
    """address author booktitle chapter crossref edition editor howpublished institution journal
    key month note number organization pages publisher school series title type volume year
    doi eprint archiveprefix primaryclass eprinttype eprintclass url urldate isbn issn isrn
    journaltitle booksubtitle subtitle titleaddon date day issue location language langid
    maintitle translator bookauthor venue eventtitle eventdate pubstate version""".split()
)
#: known fields whose line breaks may be meaningful
_LONG_TEXT = frozenset({"abstract", "annote", "annotation", "comment", "file", "review", "keywords"})


def _editable(entry: Entry, name: str) -> bool:
    """A field we may rewrite: known, and written as one literal (not macros)."""
    if name not in KNOWN_FIELDS or name not in entry.fields:
        return False
    origin = entry.origin
    if origin is None:
        return True
    raw = origin.raw_fields.get(name)
    if raw is None:
        return True
    old = origin.values.get(name)
    if old is None or old != entry.fields[name]:
        return True
    if raw.isdigit():
        return True
    return len(raw) >= 2 and raw[0] in "{\"" and raw[1:-1] == old


# ---- white space ------------------------------------------------------------------------
def _loose_space(value: str) -> bool:
    """Quick test: could collapsing white space change ``value``?"""
    return "  " in value or "\n" in value or "\t" in value or "\r" in value or value != value.strip()


def whitespace(entry: Entry) -> Entry:
    changes: dict[str, str | None] = {}
    for name, value in entry.fields.items():
        if not _loose_space(value) or name in _LONG_TEXT or not _editable(entry, name):
            continue
        new = " ".join(value.split())
        if new != value:
            changes[name] = new
    return entry.with_fields(None, **changes) if changes else entry


# ---- months -----------------------------------------------------------------------------
def months(entry: Entry) -> Entry:
    value = entry.fields.get("month")
    if value is None or not _editable(entry, "month"):
        return entry
    text = value.strip()
    while text.startswith("{") and text.endswith("}"):
        text = text[1:-1].strip()
    new = month_name(text)
    return entry.with_fields(month=new) if new and new != value else entry


# ---- pages ------------------------------------------------------------------------------
_RANGE = re.compile(
    r"^\s*([A-Za-z]{0,3}\d+[A-Za-z]?|[ivxlcdm]+)\s*(?:-{1,3}|–|—|\\textendash(?:\{\})?\s*|\\textemdash(?:\{\})?\s*)\s*"
    r"([A-Za-z]{0,3}\d+[A-Za-z]?|[ivxlcdm]+)\s*$"
)


def pages(entry: Entry) -> Entry:
    value = entry.fields.get("pages")
    if value is None or not _editable(entry, "pages"):
        return entry
    parts = value.split(",")
    out: list[str] = []
    for part in parts:
        m = _RANGE.match(part)
        if m:
            lead = " " if out else ""
            out.append(f"{lead}{m.group(1)}--{m.group(2)}")
        else:
            out.append(part)
    new = ",".join(out)
    return entry.with_fields(pages=new) if new != value else entry


# ---- DOI --------------------------------------------------------------------------------


def doi(entry: Entry) -> Entry:
    value = entry.fields.get("doi")
    if value is not None:
        if not _editable(entry, "doi"):
            return entry
        bare = normalize_doi(value)
        if bare and bare != value and is_resolver_url(value):
            return entry.with_fields(doi=bare)
        if bare and bare != value and re.match(r"^\s*(?:doi\s*:|info:doi/|urn:doi:)", value, re.I):
            return entry.with_fields(doi=bare)
        return entry
    url = entry.fields.get("url", "")
    if url and is_resolver_url(url) and _editable(entry, "url"):
        bare = doi_from_url(url)
        if bare and not bare.lower().startswith("10.48550/arxiv."):
            return entry.with_fields(doi=bare)
    return entry


# ---- arXiv ------------------------------------------------------------------------------
_ARXIV_FIELDS = ("arxiv", "arxivid", "arxiv_id", "arxiv-id")
_CLASS = re.compile(r"\[\s*([a-z-]+(?:\.[A-Za-z-]+)?)\s*\]")


_CORR_JOURNAL = re.compile(r"^\s*\{?\s*corr\b", re.I)
_ARXIV_JOURNAL = re.compile(r"^\s*\{?\s*arxiv\b", re.I)
_ABS_VOLUME = re.compile(r"^\s*abs/(\S+)\s*$")
#: the fields the arxiv step searches for an id in running text
_ARXIV_TEXT = ("journal", "url", "doi", "note", "howpublished")


def _mentions_arxiv(fields: Mapping[str, str]) -> bool:
    """Whether a field the arxiv step reads mentions arXiv: an arxiv.org URL, an
    arXiv DOI, ``arXiv:id`` and a CoRR journal all contain these words, so
    without them the step cannot find an id (a cheap test before the regexes)."""
    for name in _ARXIV_TEXT:
        value = fields.get(name)
        if value:
            low = value.lower()
            if "arxiv" in low or (name == "journal" and "corr" in low):
                return True
    return False


def arxiv(entry: Entry) -> Entry:
    fields = entry.fields
    eprint = fields.get("eprint")
    prefix = fields.get("archiveprefix") or fields.get("eprinttype")
    if eprint is not None:
        if prefix is None or prefix.strip("{} ").lower() != "arxiv" or not _editable(entry, "eprint"):
            return entry
        ident = parse_arxiv(eprint.strip())
        if ident and str(ident) != eprint:
            return entry.with_fields(eprint=str(ident))
        return entry
    if prefix is not None and prefix.strip("{} ").lower() != "arxiv":
        return entry  # another archive's eprint machinery: not ours to touch
    if not any(name in fields for name in _ARXIV_FIELDS) and not _mentions_arxiv(fields):
        return entry  # every search below needs "arxiv" (or CoRR) in these fields: skip them
    found = None
    source_text = ""
    remove: list[str] = []
    for name in _ARXIV_FIELDS:
        if name in fields:
            found = parse_arxiv(fields[name]) or find_arxiv(fields[name], bare=True)
            if found:
                source_text = fields[name]
                remove.append(name)
                break
    if found is None:
        journal = fields.get("journal", "")
        if _CORR_JOURNAL.match(journal):
            m = _ABS_VOLUME.match(fields.get("volume", ""))
            if m:
                found = parse_arxiv(m.group(1))
                source_text = journal
        elif _ARXIV_JOURNAL.match(journal):
            found = find_arxiv(journal, bare=True)
            source_text = journal
    if found is None:
        for name in ("url", "doi", "note", "howpublished", "eprint"):
            value = fields.get(name)
            if value and name in fields:
                found = find_arxiv(value)
                if found:
                    source_text = value
                    break
    if found is None:
        return entry
    changes: dict[str, str | None] = {"eprint": str(found), "archiveprefix": "arXiv"}
    cls = _CLASS.search(source_text)
    if cls and "primaryclass" not in fields and not found.old_style:
        changes["primaryclass"] = cls.group(1)
    for name in remove:
        changes[name] = None
    return entry.with_fields(None, **changes)


# ---- titles -----------------------------------------------------------------------------
_PROPER = frozenset(
    """Bayes Bayesian Gaussian Markov Markovian Monte Carlo Euclidean Riemannian Hamiltonian Lagrangian
    Fourier Newton Newtonian Bernoulli Poisson Dirichlet Laplace Laplacian Wasserstein Boltzmann Hilbert
    Banach Lipschitz Hessian Jacobian Kalman Langevin Schrödinger Turing Boolean Cauchy Gauss Nash Pareto
    Wiener Voronoi Delaunay Kolmogorov Shannon Bellman Hebbian Ising Stokes Navier Lyapunov Gibbs
    Metropolis Hastings Kullback Leibler Riemann Euler Eulerian Weibull Zipf Chebyshev Legendre Hermite
    Jordan Krylov Newton-Raphson English French German Chinese Japanese Spanish Arabic Hindi Korean
    Russian Italian Portuguese Dutch African American Asian European Internet Wikipedia Twitter
    Android Linux Windows Python Java""".split()
)


#: a necessary condition for :func:`_has_proper` (a proper noun is a substring), searched in C
_PROPER_ANYWHERE = re.compile("|".join(sorted(map(re.escape, _PROPER), key=len, reverse=True)))


def _has_proper(text: str) -> bool:
    return any(w.strip(".,:;()?!'\"") in _PROPER for w in text.replace("-", " ").split())


_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# a capital after the first character of a word part (NeRF, 3D, iPhone), or a
# one-letter capital part after a hyphen (RGB-D)
_INNER_CAP = re.compile(r"[^\W_][A-ZÀ-ÖØ-ÞΑ-Ω]|[-'’][A-Z](?![^\W_])")
_TOKENS = re.compile(r"\\(?:[A-Za-z]+|.)|[{}$]|[^\\{}$]+", re.S)
_LOWER = re.compile(r"[^\W\d_A-ZÀ-ÖØ-Þ]")
_WORD_PARTS = re.compile(r"[-'’]")


def _needs_braces(word: str) -> bool:
    if _INNER_CAP.search(word):
        return True
    if (word[:1].isupper() or "-" in word) and _PROPER_ANYWHERE.search(word):
        return any(part in _PROPER for part in _WORD_PARTS.split(word))
    return False


def _protect(match: re.Match[str]) -> str:
    word = match.group(0)
    return "{" + word + "}" if _needs_braces(word) else word


def protect_title(title: str) -> str:
    """``title`` with acronyms and proper nouns at brace depth 0 wrapped in braces.

    Text inside braces, math (``$...$``) and command names are never touched, so
    running this again changes nothing."""
    if _INNER_CAP.search(title) is None and _PROPER_ANYWHERE.search(title) is None:
        return title  # nothing any token could need (a token's match is also the title's)
    tokens = _TOKENS.findall(title)
    plain: list[tuple[int, int]] = []  # (index, characters to skip) of depth-0 text tokens
    depth = 0
    math = False
    after_command = False
    for i, token in enumerate(tokens):
        if token == "{":
            depth += 1
        elif token == "}":
            depth = max(0, depth - 1)
        elif token == "$":
            if depth == 0:
                math = not math
        elif token[0] == "\\":
            after_command = True
            continue
        elif depth == 0 and not math:
            skip = 0
            if after_command:
                # the letters right after a command belong to it (\"Uber, \ss x)
                m = _WORD.match(token)
                skip = m.end() if m else 0
            plain.append((i, skip))
        after_command = False
    if not plain:
        return title
    text = "".join(tokens[i] for i, _ in plain)
    if not _LOWER.search(text) and sum(1 for c in text if c.isalpha()) > 3:
        return title  # an all-capitals title: protecting every word helps nobody
    changed = False
    for i, skip in plain:
        token = tokens[i][skip:]
        if _INNER_CAP.search(token) or (_PROPER_ANYWHERE.search(token) and _has_proper(token)):
            tokens[i] = tokens[i][:skip] + _WORD.sub(_protect, token)
            changed = True
    if not changed:
        return title
    return "".join(tokens)


def titles(entry: Entry) -> Entry:
    value = entry.fields.get("title")
    if value is None or not _editable(entry, "title"):
        return entry
    new = protect_title(value)
    return entry.with_fields(title=new) if new != value else entry


def content_changed(old: Entry, new: Entry) -> bool:
    """More than white space changed between two versions of an entry (BibTeX
    reads a line break in a value as a space, so re-wrapping alone is layout).
    ``format --minimal`` rewrites exactly these entries; ``check`` reports them (RK6xx)."""
    if new.key != old.key or new.type != old.type or new.fields.keys() != old.fields.keys():
        return True
    return any(v != old.fields[k] and v.split() != old.fields[k].split() for k, v in new.fields.items())


#: step name -> function, in the order they run
STEPS: dict[str, Callable[[Entry], Entry]] = {
    "whitespace": whitespace,
    "months": months,
    "pages": pages,
    "doi": doi,
    "arxiv": arxiv,
    "titles": titles,
}


def normalize_entry(entry: Entry, *, whitespace: bool = True, months: bool = True, pages: bool = True,
                    doi: bool = True, arxiv: bool = True, titles: bool = True) -> Entry:
    """One entry through every step not switched off (``titles=False`` …)."""
    enabled = {"whitespace": whitespace, "months": months, "pages": pages, "doi": doi, "arxiv": arxiv,
               "titles": titles}
    for name, step in STEPS.items():
        if enabled[name]:
            entry = step(entry)
    return entry


@overload
def normalize(obj: Entry, *, whitespace: bool = ..., months: bool = ..., pages: bool = ..., doi: bool = ...,
              arxiv: bool = ..., titles: bool = ...) -> Entry: ...
@overload
def normalize(obj: Library, *, whitespace: bool = ..., months: bool = ..., pages: bool = ..., doi: bool = ...,
              arxiv: bool = ..., titles: bool = ...) -> Library: ...


@checked
def normalize(obj: Entry | Library, *, whitespace: bool = True, months: bool = True, pages: bool = True,
              doi: bool = True, arxiv: bool = True, titles: bool = True) -> Entry | Library:
    """A normalized copy of an [Entry][refkit.model.Entry] or of every entry of a
    [Library][refkit.model.Library]. Each keyword switches one step (see the module
    docstring) on or off; an unknown one raises [OptionError][refkit.errors.OptionError]."""
    steps = {"whitespace": whitespace, "months": months, "pages": pages, "doi": doi, "arxiv": arxiv,
             "titles": titles}
    if isinstance(obj, Entry):
        return normalize_entry(obj, **steps)
    return obj.replace_entries(normalize_entry(e, **steps) for e in obj.entries)
