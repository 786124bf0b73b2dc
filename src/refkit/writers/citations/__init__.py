"""Formatted citation lists: CSL styles through :mod:`refkit.writers.csl`, BibTeX
styles through pybtex, as text, Markdown, HTML, LaTeX or RTF.

    bib = refkit.render(library, style="apa", format="markdown")
    for key, text in bib: ...      # bibliography order
    print(bib)                     # the whole list
    bib.problems                   # what could not be rendered as asked

- :mod:`.api`: :func:`render`, :class:`Bibliography`, the writer entry point;
- :mod:`.options`: publication-list options (sort, group, numbering, highlight,
  role markers, links) and the list's assembly;
- :mod:`.formats`: the output formats, one protocol;
- :mod:`.bibtex_styles`: pybtex's BibTeX styles.
"""

from __future__ import annotations

from .api import DEFAULT_LOCALE, Bibliography, render, write
from .formats import FORMATS

__all__ = ["render", "write", "Bibliography", "FORMATS", "DEFAULT_LOCALE"]
