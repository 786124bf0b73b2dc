"""Link labels: what the short text of a link next to a citation says it points at.

Why one module: pages put links after each item labelled ``PDF``, ``code``,
``slides``, ``[bib]``. Three readers need the same knowledge — the citation parser
(keep the link in the entry, drop its label from the text), the HTML reader (the
fields a list item's links give) and the HTML span writer (a line of such links is
not citation text). Each used to keep its own table, and they disagreed about what
``paper`` or ``page`` meant; this is now the only place link labels are named.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["LABEL_WORDS", "BADGE_LABEL", "link_field"]

#: words a link label is made of ("pdf", "code", "project page", "Read article" …), as alternatives of
#: one regular expression: the citation parser blanks a linked run made of these only
LABEL_WORDS = (
    "pdf|paper|code|github|gitlab|project(?: page| website| site)?|page|website|homepage|web|arxiv|video|talk|slides?|poster|"
    "bib(?:tex)?|cite|citation|demo|supp(?:lementary)?(?: material)?|supplement|doi|html|abstract|dataset|data|blog|"
    "media|press|openreview|models?|link|preprint|published version|journal version|full text|pubmed|pmc|researchgate|scholar|url|"
    "proceedings|publisher|acm dl|ieee xplore|springer|tweet|twitter|youtube|bilibili|zhihu|huggingface|colab|weights|"
    "read(?: the)?(?: full)? (?:article|paper|online|more|post)"
)

#: a whole link text that is a badge, not a linked title (``PDF``, ``[code]``, ``.ps.gz``,
#: ``MR123``): a line of these is a link line of the item, not its citation text
BADGE_LABEL = re.compile(
    r"^(?:pdf|bib(?:tex)?|doi|code|https?|html|arxiv|slides?|video|project(?: page)?|website|abs(?:tract)?|"
    r"paper|link|poster|supp(?:lementary)?|data(?:set)?|github|demo|blog|talk|preprint|publisher|journal|"
    r"ssrn|pubmed|pmc|openreview|url|web|full ?text|download|cite|citation|ris|endnote|\.?pdf|\.?ps(?:\.gz)?|"
    r"dvi|mathscinet|mr\d*|zbl(?:math)?|errata|erratum|details|ieee|acm|springer|online|view|dl|preview|"
    r"read(?: the)?(?: full)? (?:article|paper|online|more|post))$",
    re.I,
)

#: the start of a label -> the entry field its link belongs in (al-folio's names);
#: "paper" is the work itself: ``pdf`` for a PDF, ``html`` for a page
_FIELDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(?:code|github|gitlab|source(?: code)?|software|implementation|repo(?:sitory)?)\b", re.I), "code"),
    (re.compile(r"^(?:video|talk|youtube|bilibili|recording|presentation video)\b", re.I), "video"),
    (re.compile(r"^(?:slides?|ppt|pptx|keynote)\b", re.I), "slides"),
    (re.compile(r"^(?:poster)\b", re.I), "poster"),
    (re.compile(r"^(?:supp(?:lementary|lement)?(?: material)?|appendix|si)\b", re.I), "supp"),
    (re.compile(r"^(?:project(?: page| website| site)?|website|homepage|web ?page|page|web|demo)\b", re.I), "website"),
    (re.compile(r"^(?:blog|blog post)\b", re.I), "blog"),
    (
        re.compile(
            r"^(?:pdf|paper|full ?text|preprint|manuscript|article|publisher|journal|html|link|doi|proceedings|"
            r"published version|journal version|acm dl|ieee|springer|read(?: the)?(?: full)? (?:article|paper|online|post))\b",
            re.I,
        ),
        "paper",
    ),
]


@lru_cache(maxsize=1024)  # a link is asked about by several passes over its item (harvest, the link table)
def link_field(label: str, url: str) -> str | None:
    """The entry field a link belongs in (``code``, ``pdf``, ``slides``, ``website`` …),
    from its label and its target; ``None`` when neither says. A DOI resolver link
    labelled as the paper comes back as ``html``: the caller drops it when it kept
    the DOI itself."""
    low = url.lower()
    label = label.strip(" []()|/.:").lower()
    if "github.com" in low or "gitlab.com" in low or "bitbucket.org" in low:
        if not low.endswith(".pdf"):
            return "code"
    if "youtube.com" in low or "youtu.be" in low or "vimeo.com" in low or "bilibili.com" in low:
        return "video"
    for pattern, name in _FIELDS:
        if pattern.match(label):
            if name == "paper":
                return "pdf" if low.split("?")[0].endswith(".pdf") or label == "pdf" else "html"
            return name
    if low.split("?")[0].endswith(".pdf"):
        return "pdf"
    return None
