"""Step 2, *clean*: what is shown beside a citation but is none of its fields is
taken out of the working text before the fields are read: status words ("Submitted to", "To
appear in" -> ``pubstate``), ranking and presentation tags (CCF-A, IF=8.4, Oral), awards (kept
in ``note``), blurbs, abstracts, access dates and the date lines of scraped listings.
"""

from __future__ import annotations

import re

from ..authors import marked_authors, scan_authors
from .. import lexicon
from ..evidence import _WORD_BYTES, has_names, is_prose

from .vocabulary import _INITIAL, _LABEL_ONLY, _leading, _MONTH, _MONTHS, _YEAR, _year_only, _YEAR_RE
from .work import _Work


_STATUS = [
    (_leading("s", r"\b(?:submitted|submission)\s+(?:to|at|for\s+publication\s+(?:in|to))\b:?", re.I), "submitted"),
    (_leading("ui", r"\b(?:under\s+(?:review|submission)|in\s+(?:submission|review))\b(?:\s+(?:at|in|for|by|with|to)\b)?:?", re.I), "submitted"),
    (_leading("s", r"\bsubmitted\b", re.I), "submitted"),
    (_leading("t", r"\bto\s+appear\b(?:\s+(?:in|at)\b)?:?", re.I), "forthcoming"),
    (_leading("f", r"\bforthcoming\b(?:\s+(?:in|at)\b)?:?", re.I), "forthcoming"),
    (_leading("a", r"\baccepted\b(?:\s+for\s+publication\b)?(?:\s+(?:to|at|in|by|for)\b)?:?", re.I), "forthcoming"),
    (_leading("i", r"\bin\s+press\b", re.I), "inpress"),
    (_leading("i", r"\bin\s+preparation\b", re.I), "inpreparation"),
    # the same states in German, French, Spanish, Portuguese and Italian lists
    (_leading("eàai", r"\berscheint\b(?:\s+(?:voraussichtlich|demnächst))?(?:\s+(?:in|bei)\b)?:?|\bà\s+para[iî]tre\b(?:\s+(?:dans|chez)\b)?:?|"
                r"\b(?:aceptado|aceito|accettato)\b(?:\s+(?:en|em|para|per|in)\b)?:?|\bin\s+corso\s+di\s+pubblicazione\b", re.I), "forthcoming"),
    (_leading("isen", r"\bim\s+druck\b|\bsous\s+presse\b|\ben\s+prensa\b|\bno\s+prelo\b|\bin\s+stampa\b", re.I), "inpress"),
    (_leading("ie", r"\bin\s+vorbereitung\b|\ben\s+pr[ée]paration\b|\ben\s+preparaci[óo]n\b|\bem\s+prepara[çc][ãa]o\b|\bin\s+preparazione\b", re.I), "inpreparation"),
    (_leading("es", r"\b(?:eingereicht|soumis|enviado|submetido|sottoposto)\b(?:\s+(?:bei|in|à|a|dans|para|em|per)\b)?:?", re.I), "submitted"),
]
#: per pattern of _STATUS, the lower-cased words one of which each of its matches holds
#: (a pattern not listed is always tried)
_STATUS_WORDS: dict[str, tuple[str, ...]] = {
    pattern.pattern: words for (pattern, _), words in zip(_STATUS, (
        ("submi",), ("review", "submi"), ("submi",), ("appear",), ("forthcoming",), ("accept",), ("press",),
        ("preparation",), ("erscheint", "para", "acept", "aceit", "accett", "pubblicazione"),
        ("druck", "presse", "prensa", "prelo", "stampa"), ("vorbereitung", "paration", "prepara"),
        ("eingereicht", "soumis", "enviado", "submetido", "sottoposto"),
    ))
}
#: status words of other languages that are also ordinary words of a title ("Les peuples soumis")
_TITLE_WORD_STATES = re.compile(r"soumis|enviado|submetido|sottoposto|aceptado|aceito|accettato|erscheint", re.I)
_REVISION = _leading("amrcu", r"\b(?:accept(?:ed)?\s+with\s+(?:minor|major)\s+revisions?|(?:minor|major)\s+revisions?|revise\s+and\s+resubmit|conditionally\s+accepted|under\s+revision)\b", re.I)

_TAG = (
    r"(?:CCF[\s-]?(?:[ABC]|None)|CORE[\s-]?(?:A\*|[ABC])|SCIE?(?:[\s:：-]*Q[1-4])?|SSCI|EI|JCR[\s:：-]*Q[1-4]|Q[1-4]|"
    r"(?:CAS|中科院)[\s-]*(?:Q|zone|区)?\s*[1-4]\s*区?|IF\s*[=:：]?\s*\d+(?:\.\d+)?|impact\s+factor\s*[=:：]?\s*\d+(?:\.\d+)?|"
    r"h5-index\s*[=:：]?\s*\d+|top(?:\s+conference|\s+journal|\s+\d+%?)?|oral(?:\s+presentation)?|spotlight(?:\s+presentation)?|"
    r"poster(?:\s+presentation)?|highlights?|contributed\s+talk|invited(?:\s+talk|\s+paper)?|long(?:\s+paper)?|short(?:\s+paper)?|"
    r"full\s+paper|regular\s+paper|acceptance\s+rate\s*[=:：]?\s*[\d.]+\s*%|[\d.]+\s*%\s*acceptance(?:\s+rate)?|cited\s+by\s+\d+|"
    r"\d+\s+citations?|citations?\s*[:：]?\s*\d+|selected|featured|cover\s+(?:paper|article|story)|"
    r"(?:[\w-]+\s+){0,4}(?:award|prize|honou?rable\s+mention|runner[\s-]up)(?:\s+[\w-]+){0,3}|"
    r"(?:best|outstanding|distinguished)\s+(?:[\w-]+\s+){0,3}(?:paper|poster|demo|student\s+paper)(?:\s+(?:award|prize|nomination|finalist|candidate))?)"
)
_TAG_RE = re.compile(rf"^\s*{_TAG}\s*$", re.I)
_AWARD_RE = re.compile(r"award|prize|honou?rable\s+mention|runner[\s-]up|best\s|outstanding|distinguished", re.I)
_BARE_TAG = re.compile(
    r"(?<![\w-])(?=[cijs\d])(?:CCF[\s-][ABC]|IF\s*[=:：]\s*\d+(?:\.\d+)?|JCR[\s:：-]*Q[1-4]|SCIE?[\s:：-]*Q[1-4]|CORE[\s-]A\*?|"
    r"impact\s+factor\s*[=:：]?\s*\d+(?:\.\d+)?|cited\s+by\s+\d+|\d+\s+citations)(?![\w-])",
    re.I,
)
#: a word every _LEGEND match holds (lower-cased)
_LEGEND_WORDS = ("equal", "contribut", "joint", "first", "corresponding", "student", "supervised")
#: the letters an IGNORECASE pattern takes for ASCII "i" and "s" that ``str.lower`` does not lower to them
_ODD_CASE = ("\u0130", "\u0131", "\u017f")
_LEGEND = re.compile(
    r"[(\[][^()\[\]]{0,40}?\b(?:equal(?:ly)?\s+contribut\w*|contributed\s+equally|joint(?:ly)?\s+first|co-?first|"
    r"first\s+authors?|corresponding\s+authors?|student\s+authors?|(?:my\s+)?students?|supervised)\b[^()\[\]]{0,40}[)\]]",
    re.I,
)
_BLURB = re.compile(
    r"^\s*(?:intro(?:duction)?|abstract|summary|tl;?\s*dr|description|keywords?|highlights?|note|media(?:\s+coverage)?|"
    r"press(?:\s+coverage)?|contribution|my\s+(?:role|contribution|responsibility)|main\s+idea|in\s+short|teaser|source|"
    r"part\s+of\s+ISSN|ISSN|URL|external\s+ids?)\s*[:：]|^\s*(?:show\s+(?:more|less)(?:\s+detail)?|view\s+(?:more|details?|record)|"
    r"cite|share|export|more\s+info)\s*$",
    re.I,
)
_TYPED_DATE = re.compile(
    r"^\s*(?P<year>\d{4})(?:-(?P<month>\d{2}))?(?:-\d{2})?\s*\|\s*(?:journal article|conference (?:paper|abstract|poster)|"
    r"book chapter|book|preprint|report|dissertation(?:/thesis)?|other|data ?set|review|editorial|lecture|patent|software|"
    r"working paper|chapter|article)\s*$",
    re.I,
)  # ORCID / Pure: "2017-03 | Journal article"
#: every month name of the lexicon (German, French, Spanish, Portuguese ones for access dates)
_ANY_MONTH = "(?:" + "|".join(re.escape(w) for w in sorted(lexicon.words("months"), key=lambda w: (-len(w), w))) + r")\.?"
#: the day a web page was read (Chicago "Accessed May 22, 2019.", APA "Retrieved March 3, 2020,
#: from", "(last accessed on 2019-05-22)", German "Zugriff am 12.03.2020", French "consulté le
#: 3 mai 2020"): no publication date, so it is taken out before any year is read
_ACCESS_DATE = _leading(
    "larvzc",
    r"\b(?:(?:last\s+)?(?:accessed|retrieved|visited|viewed)(?:\s+(?:on|at))?|zugriff(?:\s+am)?|abgerufen(?:\s+am)?|"
    r"zuletzt\s+(?:abgerufen|aufgerufen)(?:\s+am)?|consult[ée]\s+le|consultado\s+(?:el|em))\s*:?\s*"
    rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[./]\s?\d{{1,2}}[./]\s?\d{{4}}|"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\.?\s+)?(?:{_MONTH}|{_ANY_MONTH})\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?\d{{4}})"
    r"(?:,?\s+from\b)?",
    re.I,
)
_NAME_LABEL = re.compile(r"^\s*(?:contributors?|authors?|by|co-?authors?)\s*[:：]\s*", re.I | re.M)
_STOP = frozenset("the of and to a in we is that for this with on are by our be as which from it an can these show propose results method".split())

_LIST_MARKER = re.compile(
    r"^\s*(?:[-–•*·▪►◦+‣]\s+)?(?:\[\s*[A-Za-z]{0,4}[-\s.]?\d{1,4}\s*\]\.?|\(\s*[A-Za-z]{0,2}\d{1,3}\s*\)|[A-Za-z]?\d{1,3}[.)](?=\s)"
    # a number glued to the first name, as word processors export a numbered list: "1.Okafor A"
    r"|\d{1,3}\.(?=[A-ZÀ-Þ][a-zß-ÿ]))\s*"
    r"|^\s*(?:[-–•*·▪►◦+‣]|#\.)\s+"  # "#." a reST auto-numbered item the markup left as text
)
_LEADING_VENUE_TAG = re.compile(
    r"\s*[\[【]\s*[A-Z][A-Za-z&+./-]{1,15}(?:[\s'’-]{0,2}(?:(\d{4})|\d{2}))?\s*[\]】][.:]?(?=\s)"
)
_DATE_LINE = re.compile(
    rf"^\s*(?P<pre>[A-Za-z][A-Za-z.\-]{{0,10}}?)?\s*(?:(?P<mon>{_MONTH}),?\s+(?:(?P<day>\d{{1,2}})(?:,\s*(?P<year>\d{{4}}))?|(?P<year2>\d{{4}}))"
    rf"|(?P<iso>\d{{4}})-(?P<isomon>\d{{2}})(?:-\d{{2}})?)\s*(?P<post>(?:code|pdf|paper|video|slides|project|data(?:set)?|demo|website|cite|bib)*)\s*$",
    re.I,
)


def _blank_emptied_brackets(work: _Work, start: int, end: int) -> None:
    """Blank the brackets around ``text[start:end]`` when blanking it left them empty and
    they close the item: "Title. (submitted)." keeps no "( )" in its title (a status in
    the middle, "Doe, J. (forthcoming). Title", is where a year is: left as it is)."""
    text = work.text
    before, after = start, end
    while before > 0 and text[before - 1] == " ":
        before -= 1
    while after < len(text) and text[after] == " ":
        after += 1
    if before > 0 and after < len(text) and text[before - 1] + text[after] in ("()", "[]") \
            and not text[after + 1:].strip(" \n.,;"):
        work.blank(before - 1, before)
        work.blank(after, len(text))  # the bracket and the item's closing punctuation


def _clean(work: _Work) -> None:
    text = work.text
    # list marker at the very start
    m = _LIST_MARKER.match(text)
    if m and m.end() > 0:
        # ("[ICSE-2019]" reads as a label "[C-12]" does; its year is the item's when it shows no other)
        tag = _LEADING_VENUE_TAG.match(text, 0, m.end())
        work.tag_year = (tag.group(1) or "") if tag else ""
        work.blank(0, m.end())
    # an empty first name slot: ", J. Doe, K. Roe. Title" or "#, J. Doe" (a role mark left
    # alone): the page's template left out a name (the owner's, as a macro or a script fills in)
    m = _EMPTY_NAME_SLOT.match(work.text)
    if m:
        work.blank(0, m.end())
    for m in _EMPTY_NAME_SLOTS.finditer(work.text, 0, 600):
        work.blank(m.start() + 1, m.end())
    # a venue tag before the names: "[KDD'21] A. Smith, …", "[ICML 2020] …", "【TKDE'20】 …": a
    # label of the item, read as part of the first name it ends no list of names; taken out
    # only when a sure list of names follows it
    m = _LEADING_VENUE_TAG.match(work.text)
    if m:
        work.tag_year = m.group(1) or ""  # (before a title too: "[ICSE-2019] Title …")
        listed = scan_authors(work.text[m.end():m.end() + 400])
        if len([n for n in listed.names if not n.is_others]) >= 2 and listed.confidence >= 0.9:
            if m.group(1) and not work.year:
                work.year = m.group(1)
            work.blank(m.start(), m.end())
    # a year leading the item: "2021. A. Smith …", "(2019) Smith, J. …", "2018 | Title | …"
    ym = _LEADING_YEAR.match(text)
    if not ym and not work.year:
        # "<span>2016</span> <span>Title …</span>": a year set apart by the markup alone (an
        # element of its own before the title's) leads the item as if a separator followed it
        bare = _BARE_LEADING_YEAR.match(text)
        if bare and any(bare.end(1) <= k <= bare.end() for k in work.starts[1:]):
            ym = bare
    if ym and not work.year:
        work.year = ym.group(1)[:4]
        work.blank(ym.start(1) - (1 if text[ym.start(1) - 1:ym.start(1)] in "([" else 0), ym.end())
    elif not work.year:
        # the year slot holding a placeholder: "TBA. Title …", "(n.d.). Title …": no year, and
        # no title word either
        nm = _LEADING_NO_DATE.match(text)
        if nm:
            work.blank(nm.start(), nm.end())
            work.undated = True
    text = work.text
    marked = marked_authors(text)
    if marked:  # "Title (with A and B)", "Authors: A, B": the item says which names are its authors
        work.coauthors = marked[0]
        for start, end in marked[1]:
            work.blank(start, end)
        text = work.text
    law = _LAW_CITATION.search(text) if "(" in text else None
    if law:  # volume, abbreviated journal, page, (year): the venue, whatever the title's periods
        work.law = {"journal": law.group("journal").strip(), "volume": law.group("volume")}
        if law.group("page")[0].isdigit():
            work.law["pages"] = law.group("page")
        work.year = law.group("year")
        word = law.group("state")
        state = next((st for pattern, st in _STATUS if pattern.fullmatch(word)), "") if word else ""
        work.pubstate = work.pubstate or state  # "(forthcoming 2026)"
        work.blank(law.start(), law.end())
        text = work.text
    for m in _ACCESS_DATE.finditer(text):
        work.blank(m.start(), m.end())  # "Accessed May 22, 2019": when it was read, not published
        work.accessed = True
    text = work.text
    for m in _NAME_LABEL.finditer(text):
        work.blank(m.start(), m.end())  # "Contributors: A; B", "Authors: …"
    text = work.text
    # blurbs and abstracts: whole lines
    dated = False  # has a line before this one shown a year beside other text?
    first = True
    for start, end in work.lines():
        line = text[start:end]
        # (the item's first line, dated, not as long as an abstract and with a styled run or a
        # page range, is its citation:
        # "**Long title with many words of a sentence** (2024). Ann Lee, Bo Park. *Venue*." reads
        # like prose)
        styled = first and len(line) <= 600 and _YEAR_RE.search(line) is not None and (
            any(work.bold[start:end]) or any(work.italic[start:end]) or _PAGE_RANGE.search(line) is not None)
        first = first and not line.strip()
        if _BLURB.match(line) or not styled and _is_prose(line):
            work.blank(start, end)
            continue
        if dated and _is_note_line(line):
            if len(line) <= 300:  # a longer one is an abstract, left out as _is_prose ones are
                work.notes.append(" ".join(line.split()))
            work.blank(start, end)
            continue
        dated = dated or (_YEAR_RE.search(line) is not None and not _year_only(line))
        td = _TYPED_DATE.match(line)
        if td:
            work.year = work.year or td.group("year")
            if td.group("month") and work.month is None:
                work.month = int(td.group("month")) if 1 <= int(td.group("month")) <= 12 else None
            work.blank(start, end)
            continue
        dm = _DATE_LINE.match(line)
        if dm and line.strip():
            year = dm.group("year") or dm.group("year2") or dm.group("iso")
            mon = dm.group("mon")
            if year and not work.year:
                work.year = year
            if mon and work.month is None:
                work.month = _MONTHS.get(mon[:3].lower())
            elif dm.group("isomon") and work.month is None:
                work.month = int(dm.group("isomon"))
            if year or mon:
                work.blank(start, end)
                continue
        if line.strip() and _LABEL_ONLY.match(line):
            work.blank(start, end)
    text = work.text
    low = text.lower()
    tag_hint = _has_tag_word(low)
    has_status = _STATUS_STEM.search(low) is not None
    if not tag_hint and not has_status and "(" not in text and "[" not in text:
        return
    # (the case-insensitive patterns below are tried only where the lower-cased text shows a
    # word each of their matches holds, unless it has a letter they match that lowers to another)
    odd = any(c in text for c in _ODD_CASE)
    for m in _LEGEND.finditer(text) if odd or any(w in low for w in _LEGEND_WORDS) else ():
        work.blank(m.start(), m.end())
    # parenthesised tag groups: "(CCF-A)", "(CCF-B, SCI Q1, IF=8.4)", "[Oral]", "(Best Paper Award)"
    text = work.text
    for m in _BRACKETED_TAGS.finditer(text):
        tags = [t for t in _TAG_SEPARATOR.split(m.group(1)) if t.strip()]
        if tags and all(_is_tag(t) for t in tags):
            for t in tags:
                if _AWARD_RE.search(t):
                    work.notes.append(" ".join(t.split()))
            work.blank(m.start(), m.end())
    text = work.text
    # every bare tag is a whole word of _TAG_WORDS ("CCF", "IF", "CORE", "impact", "cited",
    # "citations") or shows "jcr" or "sci"; blanking bracketed groups made no new word
    for m in _BARE_TAG.finditer(text) if tag_hint or odd or "jcr" in low or "sci" in low else ():
        work.blank(m.start(), m.end())
    # status words
    text = work.text
    for m in _REVISION.finditer(text) if has_status and (odd or "revis" in low or "accept" in low) else ():
        work.notes.append(m.group(0)[0].upper() + m.group(0)[1:])
        work.blank(m.start(), m.end())
        _blank_emptied_brackets(work, m.start(), m.end())
    for pattern, state in _STATUS if has_status else ():
        words = _STATUS_WORDS.get(pattern.pattern)
        if words is not None and not odd and not any(w in low for w in words):
            continue  # none of the words each of its matches holds (blanking only takes words out)
        text = work.text
        for m in pattern.finditer(text):
            if (m.group(0).lower().startswith("accepted") or _TITLE_WORD_STATES.match(m.group(0))) and _inside_title_words(text, m.start()):
                continue
            work.pubstate = work.pubstate or state
            work.blank(m.start(), m.end())
            _blank_emptied_brackets(work, m.start(), m.end())
    # a sentence that is only an award or presentation tag: "**Best paper award.**", "Oral."
    text = work.text
    if not tag_hint:
        return
    for m in _SHORT_SENTENCE.finditer(text):
        piece = m.group(0)
        if _AWARD_OR_TALK.search(piece) and _is_tag(piece):
            if _AWARD_RE.search(piece):
                work.notes.append(" ".join(piece.split()))
            work.blank(m.start(), m.end() + (1 if text[m.end():m.end() + 1] == "." else 0))
    # trailing award / presentation tags after a comma: "CVPR 2020, Oral"
    text = work.text
    for start, end in work.lines():
        line = text[start:end]
        parts = list(_COMMA_PART.finditer(line))
        for part in reversed(parts[1:]):
            if _is_tag(part.group(0)):
                if _AWARD_RE.search(part.group(0)):
                    work.notes.append(" ".join(part.group(0).split()))
                work.blank(start + part.start() - 1, start + part.end())
            else:
                break


# cheap pre-tests on lower-cased text (case-insensitive alternations are slow in ``re``)
_TAG_HINT = re.compile(
    r"\b(?:ccf|core|scie?|ssci|ei|jcr|q[1-4]|if|impact|h5-index|top|oral|spotlight|poster|highlights?|talk|invited|long|"
    r"short|full|regular|acceptance|cited|citations?|selected|featured|cover|awards?|prize|honou?rable|runner|best|"
    r"outstanding|distinguished|cas)\b|中科院"
)
#: the whole words of _TAG_HINT but h5-index (runs of \w: a \bword\b match is such a run)
_TAG_WORDS = frozenset(
    "ccf core sci scie ssci ei jcr q1 q2 q3 q4 if impact top oral spotlight poster highlight highlights talk invited "
    "long short full regular acceptance cited citation citations selected featured cover award awards prize "
    "honorable honourable runner best outstanding distinguished cas".split()
)
_WORD_RUN = re.compile(r"\w+")
_TAG_WORD_BYTES = frozenset(w.encode("ascii") for w in _TAG_WORDS)


def _has_tag_word(low: str) -> bool:
    """``_TAG_HINT.search(low) is not None``, by a set lookup of the text's words (the
    alternation of 37 words tried at every position cost 2% of reading a CV)."""
    if "中科院" in low or ("h5-index" in low and _TAG_HINT.search(low) is not None):
        return True
    # the text's \w runs written in ASCII ("?" for the rest, which only splits runs that hold
    # no tag word): no tag word among them, none among the true runs; in ASCII text they are the runs
    if _TAG_WORD_BYTES.isdisjoint(low.encode("ascii", "replace").translate(_WORD_BYTES).split()):
        return False
    return low.isascii() or not _TAG_WORDS.isdisjoint(_WORD_RUN.findall(low))


#: the stems of status words ("submitted", "under review", "to appear", "in press" …, in the
#: languages of _STATUS) as plain substrings of the lower-cased text: a cheap test before the
#: patterns (``in`` tests, in C: an alternation of 27 stems tried at every position was 4% of
#: reading an item)
_STATUS_STEMS = (
    "submi", "review", "appear", "forthcoming", "accept", "press", "preparation", "revis", "resubmit", "erschein", "druck",
    "vorbereitung", "eingereicht", "paraitre", "paraître", "soumis", "préparation", "prensa", "preparaci", "enviado",
    "prelo", "preparaç", "preparac", "acept", "aceit", "accett", "pubblicazione", "stampa", "sottoposto",
)


def _prefix_tree(words: tuple[str, ...]) -> str:
    """A pattern matching exactly ``words`` with the alternatives sharing their prefixes
    ("pre(?:lo|nsa|para…)"): at each position ``re`` follows one branch per letter, where
    a flat alternation tries every word. Searched, it finds a place where one of the words
    stands, as ``any(w in text for w in words)`` says whether there is one."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word ends here and longer ones go on
            return body + "?" if len(branches) == 1 and len(body) == 1 else ("(?:" + body + ")?" if len(branches) == 1 else body + "?")
        return body

    return emit(tree)


#: any of _STATUS_STEMS (the test is the same; one search over a prefix tree of the stems
#: takes half the time of 29 substring tests, each a scan of the whole text)
_STATUS_STEM = re.compile(_prefix_tree(_STATUS_STEMS))
_AWARD_OR_TALK = _leading("aphrbosd", r"award|prize|honou?rable|runner|best|oral|spotlight|outstanding|distinguished", re.I)

# Step 2, cleaning: a leading year, tag groups in brackets ("(CCF-A, Oral)"),
# short sentences and comma parts that may be tags, and the tests for prose.
#: a placeholder where a year-first item has its year: to be announced or determined, no date
#: (English "n.d.", French and Spanish "s.d.", German "o.J.")
_LEADING_NO_DATE = re.compile(r"\s*[(\[]?(?:TBA|TBD|[ns]\.\s?d\.|o\.\s?J\.)[)\]]?\s*(?:[.:|–—-]\s*|(?<=[)\]])\s*)(?=\S)")
_LEADING_YEAR = re.compile(rf"\s*[(\[]?({_YEAR})[)\]]?\s*(?:[.:|–—-]\s*|(?<=[)\]])\s*)(?=\S)")
#: a year and blanks leading the item, a word after them (a span break must show the year is apart)
_BARE_LEADING_YEAR = re.compile(rf"\s*({_YEAR})[ \t]+(?=[^\W\d_])")
_BRACKETED_TAGS = re.compile(r"[(\[（【]([^()\[\]（）【】\n]{1,120})[)\]）】]")
_TAG_SEPARATOR = re.compile(r"[,;/|，；]")
_SHORT_SENTENCE = re.compile(r"(?:(?<=[.;\n])|^)[^.;\n\[\]()]{3,80}(?=[.;\n]|$)")
_COMMA_PART = re.compile(r"[^,;|]+")
_AFTER_LOWERCASE_WORD = re.compile(r"[a-z]\s$")
_SENTENCE_BOUNDARY = re.compile(r"[a-z)][.!?]\s+[A-Z]")

_LEADING_LIST_NUMBER = re.compile(r"^\W*(?:\d{1,3}[.)]|\[\d{1,3}\])?\s*")

#: a separator (after a lone role mark) where an item's first name should be
_EMPTY_NAME_SLOT = re.compile(r"\s*[*#†‡§¶]{0,3}\s*(?:,\s*[*#†‡§¶]{0,3}\s*)*,\s+(?:(?:&|and)\s+)?(?=[^\W\d_])")
#: empty places inside a name list ("Xu M.,, Chen J.", "Doe J., , *, Roe K."): the names a
#: macro or markup wrote are lost; the separators left for them are no part of any name
_EMPTY_NAME_SLOTS = re.compile(r",(?:\s*[*#†‡§¶]{0,3}\s*,)+(?=\s*[^\W\d_])")


def _is_tag(text: str) -> bool:
    """True when ``text`` is only a ranking, presentation or award tag (cheap test first)."""
    return len(text) <= 120 and _has_tag_word(text.lower()) and _TAG_RE.match(text) is not None


def _inside_title_words(text: str, pos: int) -> bool:
    """True when "accepted" is a word of a sentence (a title) rather than a status."""
    before = text[max(0, pos - 3):pos]
    return bool(_AFTER_LOWERCASE_WORD.search(before))


def _is_prose(line: str) -> bool:
    """An abstract or blurb: long, several sentences, many function words."""
    words = line.split()
    if len(line) < 220 or len(words) < 30:
        return False
    stop = sum(1 for w in words if w.lower().strip(".,;:()") in _STOP)
    sentences = len(_SENTENCE_BOUNDARY.findall(line))
    names = len(_INITIAL.findall(line))
    if stop / len(words) < 0.18 or sentences < 1 or names >= 3:
        return False
    found = scan_authors(_LEADING_LIST_NUMBER.sub("", line)[:400])
    return len(found.names) < 2


def _is_note_line(line: str) -> bool:
    """A line after the citation that is a sentence about it, naming nobody ("A revised
    version of this paper was published in X, 2014.", "See also the extended abstract
    in Y."): a note, not more venue. A note's opening phrase, or running text
    (:func:`~.evidence.is_prose`)."""
    line = line.strip()
    if len(line) < 15 or has_names(line):
        return False
    return _NOTE_OPENING.match(line) is not None or is_prose(line)


#: how notes after a citation open: "A revised version …", "See also …", "An earlier/extended version …"
_NOTE_OPENING = re.compile(
    r"(?:see\s+also|an?\s+(?:revised|extended|earlier|shorter|longer|preliminary|updated|journal|conference)\s+version|"
    r"(?:this|the)\s+(?:paper|article|work)\s+(?:was|is|has|appeared|supersedes|subsumes)|also\s+(?:appeared|published|presented)\s+(?:in|at))\b",
    re.I,
)

#: a page range: "7–23", "pp. 171-181"
_PAGE_RANGE = re.compile(r"(?<![\d.])\d{1,5}\s?[–-]{1,2}\s?\d{1,5}(?!\d|\.\d)")

#: a law (Bluebook) citation after a title: ", 74 Stan. L. Rev. 737 (2022)", ", 115 Geo. L.J. __ (forthcoming 2026)";
#: the journal has an abbreviation (a period) and the page and year close it
_LAW_CITATION = re.compile(
    r",\s(?P<volume>\d{1,4})\s(?P<journal>[A-Z][A-Za-z&’' ]{0,30}\.[A-Za-z.&’' ]{0,40}?)\s(?P<page>\d{1,6}|_{1,6})"
    r"(?:,\s\d{1,6})?\s\(\s{0,20}(?:(?P<state>[A-Za-z.]{1,20})\s)?(?P<year>1[89]\d\d|20[0-4]\d)\)"
)
