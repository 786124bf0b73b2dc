"""Step 4, where the title, the author list and the venue begin and end, read from the
item's own evidence: a quoted, bold, italic or linked title, the names written before or after
it, a subtitle that shows nothing of a venue, a question mark or a venue's first words that end
it, a journal's name glued to the title. Both readings of step 4 use it (the rules of
:mod:`.assign` and the tagger-guided :mod:`.tagged`).
"""

from __future__ import annotations

import re

from ...model import Name
from ..authors import AuthorList, is_venue_word, scan_authors
from ..link_labels import LABEL_WORDS
from ..venues import is_publisher, lookup, venue_type

from .vocabulary import (
    _CJK_TEXT, _COMMA_SPACE, _INITIAL, _leading, _LEADING_IN, _LEADING_PLACEMENT, _REPORT, _THESIS, _URL,
    _YEAR, _year_only, _YEAR_RE,
)
from .work import _first_shown, _Work
from .cleaning import _has_tag_word
from .chunks import _strip_range


_LIST_SEPARATOR = re.compile(r",\s+|(?<!\s)\s+and\s+")
# "J. Phys. Chem." / "Z. Phys. B": an initial, an abbreviated word, then another abbreviation or a letter
_JOURNAL_HEAD = re.compile(r"[A-Z]\.\s?([A-Z][a-z]{1,8})\.\s+(?:[A-Z][a-z]{0,8}\.|[A-Z]\b)")
_JOURNAL_WORDS = frozenset(
    "phys chem rev lett appl comput math sci acad biol med eng mech stat theor nucl astron astrophys technol syst am "
    "soc commun proc trans natl intl anal topol geom algebra funct combin probab optim numer bull philos mag quart "
    "res inform mater catal mol struct electrochem environ geophys biochem pharm neurosci psychol econ".split()
)


# No \s* around the lazy group (white space is stripped in _quoted_title): beside a
# group that may itself hold spaces it made every opening quote cost 400^2 steps
# Each opening quote closes with its own kind: “…” (or a straight one), «…», ‘…’ not inside a
# word ("Dragon’s Dogma" ends no quote) and '…'.
_QUOTED = _leading("“\"«‘'「『", r"[“\"]([^“”\"«»\n]{6,400}?)[”\"]|«([^“”\"«»\n]{6,400}?)»|‘([^“”\"«»‘\n]{6,400}?)’(?!\w)|(?<![\w])'([^'\n]{6,400}?)'(?![\w])"
                   # the corner brackets Japanese writes an article's or a book's title in: 「…」, 『…』
                   # (not German „…“: German and Polish titles quote a name inside them, „Park X“, and a
                   # capitalised noun before the quote hides that it is inside; tried, dev 21/68/79 lost it)
                   r"|「([^「」\n]{2,400}?)」|『([^『』\n]{2,400}?)』")
_IN_COLON = re.compile(r"(?<!\w)[Ii]n:\s")
#: what follows a quoted *journal* (Italian, Polish, Russian citations quote the container, not
#: the title): an issue or volume mark with its number ("a. XIII", "n. 2", "nr 3", "vol. 4",
#: "№ 5", "34(1)"), a year and such a mark ("2019, nr 3"), or the issue's date ("22 marzo
#: 2008", "aprile 1992": a lower-case month word, as Romance languages write months)
_ISSUE_AFTER_QUOTE = re.compile(
    r"[ \t]{0,3}(?:supplemento,?\s)?(?:"
    r"(?:a|an|anno|vol|v|t|tom|nr|n|no|num|núm|№|jg|h)\.?[ \t]?(?:\d{1,4}|[IVXLC]{1,7})\b"
    r"|(?:1[89]|20)\d\d,?[ \t]{1,3}(?:nr|n|no|№|vol|t|z)\.?[ \t]?\d"
    r"|\d{1,4}[ \t]?\(\d{1,4}\)"
    r"|(?:\d{1,2}\.?[ \t])?[a-zà-ÿ]{3,10}[ \t](?:1[89]|20)\d\d\b)"
)

_CJK_RUN = re.compile(f"[{_CJK_TEXT}]{{4}}")
#: a colon and a subtitle's words after a quote
_SUBTITLE_AFTER_QUOTE = re.compile(r"[ \t]?:[ \t]{1,3}[^\W\d_]{2,}[ \t][^\W\d_]")
#: a capitalized word right before a one-word quote and one right after it: a byname inside a person's name
_NAME_BEFORE_QUOTE = re.compile(r"(?<![^\s,(])[A-Z][^\W\d_]{1,20}\s$")
_NAME_AFTER_QUOTE = re.compile(r"\s[A-Z][^\W\d_]{1,20}(?=[\s,.;])")
#: a lower-case word right before a quote: the quote is part of a phrase ("Comment on “…”",
#: "the “X” Paper"); a name before it ("… and Daniela Rocha "Title"") is no such word
_WORD_BEFORE_QUOTE = re.compile(r"(?<![^\s(])[a-z][a-z'’-]*\s$")

# What may follow an author list (a year, an editor mark), and where a title ends
# and a venue glued to it starts.
#: (the second run of punctuation only after a year: two runs of the same characters side by
#: side shared every long run between them, quadratic)
_BY_BEFORE_NAMES = re.compile(r"\s*(?:by|von|par|por)\s+(?=[^\W\d_])", re.I)
_NUMBER_BEFORE_NAMES = re.compile(r"[1-9]\d{0,2}\s+(?=[^\W\d_])")
_DATE_BEFORE_NAMES = re.compile(rf"\s*[(\[]?{_YEAR}[)\]]?[.:,]?\s+")
_YEAR_OR_PUNCTUATION_ONLY = re.compile(rf"^[\s.,;:]*(?:(?:\(\s*{_YEAR}\s*\)|{_YEAR})[\s.,;:]*)?$")
# what may follow an author list: punctuation, a year, CJK text, or "in" and the book or venue
# ("“Title,” M. A. Hines in Surface Chemistry, edited by …")
_AFTER_AUTHOR_LIST = re.compile(r"[.:(：「『]|,\s*(?:\(|\d{4})|(?=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff])|in:?\s", re.I)

_PUNCT_BEFORE_VENUE = re.compile(r"[,.:?!]\s*(?:in:?\s*)?$", re.I)
#: "Title in *Venue*" / "Title In: *Venue*" with no punctuation before: the container's mark,
#: unless a term follows (:func:`_term_run`: "Wing shape in *Drosophila melanogaster*")
_TRAILING_IN = re.compile(r"\bin:?\s*$", re.I)
_LAST_IN = re.compile(r"(?<=\S)\s+in:?\s*$", re.I)
_ONE_LETTER_WORD_STOP = re.compile(r"(?<=[^,\s]\s[A-Z])\.\s+(?=[A-Z])")
_COMMA_OR_DASH = re.compile(r",\s+|\s+[-–—]\s+")
#: the words that put editors' names after a title ("a cura di", "edited by", "hrsg. von")
_EDITED_BY = re.compile(r"(?:a cura di|edited by|ed\. by|eds?\.|hrsg\.\s*v(?:on|\.)|hg\.\s*v(?:on|\.)|herausgegeben von|"
                        r"sous la direction de|dir\.|coord\.)\s+", re.I)
#: a word that may mark editors: without one in a chunk, no names are read for them
_EDITOR_HINT = re.compile(r"\b(?:eds?|hrsg|hgg?|editors?|dirs?|coords?|a cura di|edited by|herausgegeben von|sous la direction de)\b", re.I)
#: the mark after editors' names ("(eds)", "(Hrsg.)", ", eds.")
_EDITOR_AFTER_NAMES = re.compile(r"[\s,]*(?:\((?:eds?|hrsg|hgg?|dirs?|coords?|editors?)\.?\)|eds?\.(?=[\s,:])|editors?\b)[\s.,:]*", re.I)

#: a container's mark inside a title's chunk: "Title In: Journal" (a colon after "In" names
#: no title's word) or "Title, in «Journal»" (the container quoted after ", in")
_CONTAINER_INSIDE = re.compile(r"(?:,\s*|(?<![\s,])\s+)[Ii]n:\s+(?=\S)|,\s+[Ii]n\s+(?=[«„“\"‘‹])")
#: what names no venue in the chunks after a title: numbers, dates, punctuation, addresses
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.|doi:\s*|doi\.org/)\S*|\b10\.\d{4,9}/\S+", re.I)
_VENUE_START = re.compile(rf"(?:[Ii]n:?\s+|{_YEAR}\b|vol\.|pp\.|arxiv\b)", re.I)
_VOLUME_ISSUE_SHAPE = re.compile(r"\d+\s*\(\d+\)\s*[:,]|\bvol\.|\bpp\.|;\s*\d+\s*\(|\d+\s*\((?:19|20)\d\d\)", re.I)
_COMMA_OR_SPACED_DIGIT = re.compile(r",|\s\d")
#: what closes an item as "Journal Name, 24, 1-10." or "Journal Name, 24(3), 1-10": a name with no
#: comma, a volume (and issue), a page or page range, nothing after
_NAME_VOLUME_PAGES = re.compile(r"[^,\d][^,]{1,80},\s*\d{1,4}(?:\s*\(\d{1,4}\))?,\s*[A-Za-z]?\d{1,6}(?:\s*[-–—]+\s*[A-Za-z]?\d{1,6})?[\s.]*$")


def _author_chunk(work: _Work, text: str, rng: tuple[int, int], *, whole: bool, min_conf: float) -> tuple[AuthorList, int] | None:
    """The author list starting chunk ``rng`` and where it ends, if it is one."""
    s, e = rng
    by = _BY_BEFORE_NAMES.match(text, s, e)
    # (or the item's number: "26 Ivanova O. Title", a numbered style's label without its full stop)
    dated = _DATE_BEFORE_NAMES.match(text, s, e) or by or (_NUMBER_BEFORE_NAMES.match(text, s, e) if s == 0 else None)
    marked = False  # the names are introduced by "by": even one full name is then the list
    if dated and not scan_authors(text[s:e]) and dated.end() < e:
        # "2013 Jackson, C.R., …": the date column of a CV before the names;
        # "“Title,” by Roger Wolcott, Journal …": the word that introduces them
        s, marked = dated.end(), dated is by
    sub = text[s:e]
    breaks = _markup_breaks(work, s, e)
    # "Jane Doe, *Hydrogen Transport in Tokamaks*": an italic run of title length after a comma
    # is where the names end (a name in italics, a highlighted own name, is a few words at most)
    cut = _italic_title_after_comma(work, sub, s, breaks)
    result = scan_authors(sub[:cut], work.bold[s:s + cut], tuple(b for b in breaks if b < cut))
    if not result:
        return None
    # "Jane Doe, *Title*": a comma, then italics or bold right after the names end them; even one
    # full name (no initials) before such a comma is the list, in a one-chunk item as anywhere
    styled_next = _comma_then_styled(work, sub, s, result.end, e)
    if result.confidence < (min(min_conf, 0.7) if styled_next else min_conf):
        return None
    result = _without_journal_tail(sub, result)
    rest = sub[result.end:].strip()
    if sub[:result.end].rstrip().endswith(".") and rest and not rest.startswith((",", ";")):
        rest = ". " + rest
    rest_clean = _YEAR_OR_PUNCTUATION_ONLY.sub("", rest)
    if rest_clean:
        if whole:
            return None
        if (not _AFTER_AUTHOR_LIST.match(rest) and not rest.startswith(("“", '"', "‘")) and not result.names[-1].is_others
                and not _styled_after(work, s + result.end, e)):
            people = [n for n in result.names if not n.is_others]
            initials = any(_INITIAL.search(n.given) for n in people)
            # (a list that puts semicolons between its names ends at one too: "Kremer, Martin; Müller,
            # Dirk; Clima 2019")
            closed = rest.startswith(",") or (rest.startswith(";") and ";" in sub[:result.end])
            if not (closed and (marked or styled_next or result.confidence >= 0.9 and (len(result.names) >= 2 or initials))):
                return None
    return result, s + result.end


def _italic_title_after_comma(work: _Work, sub: str, start: int, breaks: tuple[int, ...]) -> int:
    """Where in ``sub`` (at ``start`` of the item's text) the first italic run of four words or
    more that names do not fill begins right after a comma (``len(sub)`` when none does)."""
    for b in breaks:
        if not work.italic[start + b] or (b and work.italic[start + b - 1]) or sub[:b].rstrip()[-1:] != ",":
            continue
        k = b
        while start + k < len(work.italic) and k < len(sub) and work.italic[start + k]:
            k += 1
        run = sub[b:k].rstrip(" ,.;")
        if len(run.split()) >= 4 and scan_authors(run).end < len(run) // 2:
            return b  # (not a run of names in italics: "Ruiz, P., *Okafor, N. A., Brandt, K.*, Lind, K.")
    return len(sub)


def _comma_then_styled(work: _Work, sub: str, start: int, listed_end: int, end: int) -> bool:
    """Does a comma follow the names (``sub[:listed_end]``, ``sub`` starting at ``start``) and a
    bold or italic run start right after it?"""
    comma = listed_end + len(sub[listed_end:]) - len(sub[listed_end:].lstrip())
    return sub[comma:comma + 1] == "," and _styled_after(work, start + comma + 1, end)


def _styled_after(work: _Work, start: int, end: int) -> bool:
    """Does a bold or italic run start at the first visible character of ``start:end``,
    after plain text? Markup then ends what came before ("A. Doe, K. Roe *Title*": the
    names end where the italic title starts, with no punctuation between them)."""
    k = start
    while k < end and work.chars[k].isspace():
        k += 1
    if k >= end or start == 0:
        return False
    before = start - 1
    while before > 0 and work.chars[before].isspace():
        before -= 1
    return any(styled[k] and not styled[before] for styled in (work.italic, work.bold))


def _markup_breaks(work: _Work, start: int, end: int) -> tuple[int, ...]:
    """The offsets (from ``start``) inside ``start``..``end`` where a link, italics or bold
    begins or ends: a name never runs across one (:func:`scan_authors`)."""
    if not work.link:
        return ()
    # every character of a span carries its span's flags (set once, never changed), so the
    # markup can change only where a span starts: those offsets are tested, not every character
    stop = min(end, len(work.italic), len(work.bold), len(work.link))
    italic, bold, link = work.italic, work.bold, work.link
    return tuple(dict.fromkeys(p - start for p in work.starts if start < p < stop and (
        italic[p] != italic[p - 1] or bold[p] != bold[p - 1] or link[p] != link[p - 1])))


def _without_journal_tail(text: str, found: AuthorList) -> AuthorList:
    """``found`` without a last "name" that is the start of an abbreviated journal
    ("…, V.A. Nasluzov, J. Phys. Chem. A 106": "J. Phys." is no person)."""
    people = [n for n in found.names if not n.is_others]
    if len(people) < 2 or found.names[-1].is_others:
        return found
    cut = None
    for m in _LIST_SEPARATOR.finditer(text, 0, found.end):
        cut = m
    if cut is None:
        return found
    head = _JOURNAL_HEAD.match(text, cut.end())
    if not head or head.group(1).lower() not in _JOURNAL_WORDS:
        return found
    return AuthorList(found.names[:-1], found.roles[:-1], cut.start(), found.confidence)


_LABEL_WORD = re.compile(rf"\b(?:{LABEL_WORDS})\b", re.I)


def _wordless(piece: str) -> bool:
    """Is ``piece`` only numbers, punctuation, web addresses, DOIs and link labels?"""
    piece = _LABEL_WORD.sub(" ", _WEB_ADDRESS.sub(" ", piece))
    return not any(c.isalpha() for c in piece)


_NAME_GAP = re.compile(r"[ ,;]*(?:…|\.\.\.)[ ,;.]*(?:(?:and|und|et|&)\s+)?")


def _names_in(text: str, bold: list[bool], start: int, end: int) -> AuthorList:
    """All names in a span the tagger marked as a name list. :func:`scan_authors`
    reads the longest list from the start; where it stops at an ellipsis
    ("Hawe, J. S., … Schunkert, H.") reading resumes after it, so the names shown
    after it are kept."""
    names: list[Name] = []
    roles: list[tuple[str, ...]] = []
    confidence = 1.0
    pos = start
    last_end = start
    for _ in range(50):
        if pos > start:
            gap = _NAME_GAP.match(text, pos, end)
            if not gap:
                break  # only an ellipsis continues a list; a line break or a word ends it
            pos = gap.end()
        if pos >= end:
            break
        found = scan_authors(text[pos:end], bold[pos:end])
        if not found or found.end == 0:
            break
        names.extend(found.names)
        roles.extend(found.roles)
        confidence = min(confidence, found.confidence)
        pos += found.end
        last_end = pos
    return AuthorList(tuple(names), tuple(roles), last_end - start, confidence if names else 0.0)


def _title_like_instead(work: _Work, text: str, chunks: list[tuple[int, int]], found: AuthorList) -> bool:
    """A lone weak "name" at the start while a later chunk is a clear author list:
    the first chunk is a short title ("Deep Gaussian Processes" / "A. Smith, B. Jones")."""
    if len(found.names) > 1 or found.confidence >= 0.9 or len(chunks) < 2:
        return False
    nxt = _author_chunk(work, text, chunks[1], whole=False, min_conf=0.9)
    return nxt is not None


def _through_styled_title(work: _Work, text: str, remaining: list[tuple[int, int]], ts: int,
                          te: int) -> tuple[int, int, list[tuple[int, int]]]:
    """The title chunk ``ts:te`` (``remaining[0]``) widened to the end of the italic or bold
    run it starts with, when that run goes on past the chunk's full stop and ends before the
    item does: "*Protest and rights. A review of the standards*. Buenos Aires: Press" — a
    page sets a whole title in one style, its subtitle after a full stop included. The run
    is followed strictly (no plain space, so "*Title.* *Journal*" are two runs). Returns the
    title range and ``remaining`` with the chunks it took merged into the first."""
    for styled in (work.italic, work.bold):
        if not styled[ts]:
            continue
        j = ts
        while j < len(text) and styled[j]:
            j += 1
        # a chunk inside the run may end in plain punctuation ("*… standards*.")
        inside = [r for r in remaining[1:] if r[0] < j and not text[j:r[1]].strip(" .,;:")]
        if j <= te or not inside or not any(r[0] >= j for r in remaining[1:]):
            return ts, te, remaining
        te = inside[-1][1]
        return ts, te, [(ts, te)] + [r for r in remaining[1:] if r[0] >= j]
    return ts, te, remaining


def _names_before_styled_title(work: _Work, text: str, start: int, end: int) -> tuple[AuthorList, int] | None:
    """The names that open chunk ``start:end`` in plain type right before a bold or italic
    run that runs to the chunk's end, and where that run starts: "Karl Lindqvist *Seasonal
    drift …*", the last name of a list the scan stopped short of ("A, B, …, Karl Lindqvist")
    glued to the title with no punctuation between. None unless the plain part is one to
    three names and nothing else (a title word or a sentence before the run is no name)."""
    for styled in (work.italic, work.bold):
        k = _first_shown(styled, text, start, end)
        if k is None or k == start or not all(styled[j] or not text[j].strip() for j in range(k, end)):
            continue
        head = text[start:k]
        if any(styled[j] for j in range(start, k)) or len(text[k:end].split()) < 3 or head.rstrip()[-1:] in ".,;:":
            continue
        found = scan_authors(head.strip())
        people = [n for n in found.names if not n.is_others]
        if people and len(people) <= 3 and found.confidence >= 0.7 and not head.strip()[found.end:].strip(" ,;"):
            return found, k
    return None


def _title_in(work: _Work, text: str, start: int, end: int, *, last: bool, named_after: bool = False,
              hosted: bool = True) -> tuple[tuple[int, int], int | None]:
    """The title inside chunk ``start:end`` and where a venue glued to it starts.

    An italic run that starts the chunk is the title when more follows; otherwise a
    comma-separated part that reads as a venue (a known venue, a year, a venue word)
    ends the title — only when nothing else after this chunk can be the venue. When the
    chunks after it show only a publisher, a place and numbers (``hosted`` False: none
    opens with a venue's name), a comma-separated part whose name is worded as a
    meeting's ("…, Proceedings of the 6th Congress on …. Verlag Mainz, Aachen, 1998") is
    the venue too."""
    k = start
    if start < end and work.italic[k] and not all(work.italic[start:end]):
        j = k
        while j < end and (work.italic[j] or text[j] in " "):
            j += 1
        run = _strip_range(text, start, j)
        if len(text[run[0]:run[1]].split()) >= 2 and text[j:end].strip(" .,;:"):
            return run, j
    # the first italic or bold run after "Title, ": the venue ("…, **Optics Express**, 2023")
    shown = [k for k in (_first_shown(work.italic, text, start, end), _first_shown(work.bold, text, start, end)) if k is not None]
    first_italic = min(shown) if shown else None
    if first_italic is not None and first_italic > start and text[start:first_italic].strip(" ,.;:") and len(text[start:first_italic].split()) >= 2:
        if _PUNCT_BEFORE_VENUE.search(text[start:first_italic]):
            return _strip_range(text, start, first_italic), first_italic
        if _TRAILING_IN.search(text[start:first_italic]) and not _term_run(work, text, first_italic, end):
            # "Title In *Venue*" (no punctuation between): the "In" is the container's mark
            word_in = _LAST_IN.search(text, start, first_italic)
            return _strip_range(text, start, word_in.start() if word_in else first_italic), first_italic
        if last and _venue_run_at_end(work, text, first_italic, end):
            # "Title *Applied Physics Letters* 2007.": a styled run glued to a plain title with only
            # numbers after it, in the item's last named chunk, is its venue ("… in *Venue*": its "in" too)
            word_in = _LAST_IN.search(text, start, first_italic)
            return _strip_range(text, start, word_in.start() if word_in else first_italic), first_italic
    edited = _editors_after(text, start, end)
    if edited is not None:
        return _strip_range(text, start, edited[0]), edited[1]
    inside = _CONTAINER_INSIDE.search(text, start, end)
    if inside is not None and len(text[start:inside.start()].split()) >= 2 and text[inside.end():end].strip(" .,;:"):
        # "Surface Mobility of Ions In: Physical Review, 121": the container's mark ends the title
        return _strip_range(text, start, inside.start()), inside.start() + (text[inside.start()] == ",")
    for count, m in enumerate(_ONE_LETTER_WORD_STOP.finditer(text[start:end])):
        # "The effect of X on Y. PLoS ONE 13(4): e0195000": a one-letter word ends the title
        if count > 10:
            break  # bounded work on junk input
        tail = text[start + m.end():end]
        if scan_authors(text[start + m.start() - 1:min(end, start + m.end() + 60)]).names:
            continue  # "with A. Smith": an initial, not a one-letter word
        if len(text[start:start + m.start()].split()) >= 3 and _venue_like(tail):
            return _strip_range(text, start, start + m.start() + 1), start + m.end()
    for count, m in enumerate(_QUESTION_STOP.finditer(text, start, end) if not named_after else ()):
        # "How do we teach it? The Physics Teacher 58(2), 10-13": a question ends the title
        # as a full stop does, when what follows reads as a venue (and no later chunk names one:
        # "Is it safe? A review of twelve studies. Journal of Tides": a subtitle)
        if count > 5:
            break
        if len(text[start:m.start()].split()) >= 3 and _venue_like(text[m.end():end]) and _venue_name(text[m.end():end]):
            return (start, m.start() + 1), m.end()
    if last:
        for count, m in enumerate(_COMMA_OR_DASH.finditer(text[start:end])):
            if count > 40:
                break  # a title has few commas; bound the work on junk input
            cut = start + m.start()
            tail = text[start + m.end():end]
            head_words = len(text[start:cut].split())
            if head_words >= 2 and (_venue_like(tail) or _name_then_numbers(tail)):
                return _strip_range(text, start, cut), start + m.end()
    elif not hosted and "//" not in text[start:end]:  # ("Title[C]//Proceedings, …": GB/T's host mark ends the title)
        for count, m in enumerate(_COMMA_SPACE.finditer(text, start, end)):
            if count > 40:
                break
            tail = text[m.end():end]
            name = _COMMA_OR_SPACED_DIGIT.split(tail, 1)[0].strip(" .;:")
            if len(text[start:m.start()].split()) >= 3 and (name[:1].isupper() or _ORDINAL.match(name)) and len(name.split()) >= 3 \
                    and venue_type(name) == "inproceedings":
                return _strip_range(text, start, m.start()), m.end()
    return (start, end), None


def _term_run(work: _Work, text: str, at: int, end: int) -> bool:
    """Is the italic or bold run starting at ``at`` a term, not a venue's name: a word after
    its first in lower case that no venue's name holds ("*Xenopus laevis*", "*E. coli*": a
    species named in a title), where a venue writes capitalised words and connectors
    ("*Telecoupling: Exploring Land-Use Change in a Globalised World*")?"""
    styled = work.italic if work.italic[at] else work.bold
    j = at
    while j < end and (styled[j] or not text[j].strip()):
        j += 1
    words = text[at:j].split()
    return any(w[:1].islower() and w.lower().strip(",.;:") not in _TITLE_CONNECTORS for w in words[1:])


def _venue_run_at_end(work: _Work, text: str, at: int, end: int) -> bool:
    """Is the italic or bold run starting at ``at`` a venue's name closing chunk ``..end``:
    capitalised words (a venue's connectors between), two or more, one style, followed by
    nothing but numbers, dates and punctuation to the end of the item's line? (A species or a
    term set in italics inside a title has title words after it, or is followed by the venue's
    own sentence or line.)"""
    styled = work.italic if work.italic[at] else work.bold
    j = at
    while j < end and (styled[j] or not text[j].strip()):
        j += 1
    run = text[at:j].strip()
    words = run.split()
    if len(words) < 2 or any(not w[:1].isupper() and w.lower() not in _NAME_CONNECTORS for w in words):
        return False
    if "\n" in text[j:] and not _wordless(text[j:]):
        # the item goes on on another line (a species ending the title, the venue below); a
        # line of numbers alone (a table's year column, put last) goes on with no field of words
        return False
    return not text[j:end].strip() or _wordless(text[j:end])


def _editors_after(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a title ends and its container starts when the container's editors stand between
    them in one chunk: "Title, G. F. Cooper & S. Moral (eds), Proceedings …" or "Title, a cura
    di G. F. Cooper, S. Moral, Proceedings …" — a comma, then names marked as editors (a word
    before them or a mark after them). (title end, container start) or None."""
    if not _EDITOR_HINT.search(text, start, end):
        return None  # no editor's word in the chunk: no names read
    for count, m in enumerate(_COMMA_SPACE.finditer(text, start, end)):
        if count > 20:
            break  # a title has few commas; bound the work on junk input
        if len(text[start:m.start()].split()) < 2:
            continue
        head = _EDITED_BY.match(text, m.end(), end)
        at = head.end() if head else m.end()
        found = scan_authors(text[at:end])
        if not found.names or found.confidence < 0.7:
            continue
        tail = _EDITOR_AFTER_NAMES.match(text, at + found.end, end)
        if head or tail:
            after = tail.end() if tail else at + found.end
            if text[after:end].strip(" .,;:"):
                return m.start(), after
    return None


def _name_then_numbers(tail: str) -> bool:
    """Is ``tail`` (what follows a comma in an item's last named chunk) a name in capitalised
    words and connectors, then only numbers, dates and addresses: "Thin Solid Films, 164,
    289–293, https://doi.org/…, 1988"? Nothing after it can be the venue: this name is."""
    name, comma, rest = tail.partition(",")
    words = name.split()
    if not comma or not 1 <= len(words) <= 8 or not _DIGIT.search(rest):
        return False
    if any(not w[:1].isupper() and w.lower() not in _NAME_CONNECTORS for w in words):
        return False
    return _wordless(rest)


#: the lower-case words a venue's name may hold ("Annals of Surgery", "Revue de la …")
_NAME_CONNECTORS = frozenset("of the and for in on & de des du la le et der die und für di del y e da do dos das".split())
#: the lower-case words of a book's or venue's name
_TITLE_CONNECTORS = _NAME_CONNECTORS | frozenset("a an to at with from by into upon over under between".split())
_NAME_END = re.compile(r"[,.;:(\[\d]")


def _venue_name(tail: str) -> bool:
    """Does ``tail`` open with a venue's name: capitalised words (and connectors) up to its
    first punctuation or number, known as a venue, holding a venue word or an abbreviation, or
    followed by its numbers?
    "Annals of Surgery. 2019;…" does; "Evidence from two journals[J]. …" (a subtitle) does not."""
    name = _NAME_END.split(tail.strip(), 1)[0].strip()
    words = name.split()
    if not words or any(not w[:1].isupper() and w.lower() not in _NAME_CONNECTORS for w in words):
        return False
    rest = tail.strip()[len(name):]
    return bool(lookup(name) or venue_type(name) or _ABBREVIATED_WORD.match(tail.strip()) or _NUMBERS_NEXT.match(rest))


_NUMBERS_NEXT = re.compile(r"[\s,.;:]*\d")
#: a meeting's number opening its name ("7th International Conference on …")
_ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)\s")


def _asks(text: str, start: int, end: int) -> bool:
    return "?" in text[start:end] or "!" in text[start:end]


def _named_venue(text: str, chunks: list[tuple[int, int]]) -> bool:
    """Does one of ``chunks`` (what follows a title's chunk) start with a venue's name, a
    known venue or one with a venue word, not only numbers?"""
    for s, e in chunks[:3]:
        name = _COMMA_OR_SPACED_DIGIT.split(text[s:e].strip(" .,;:"))[0].strip(" .,;:")
        if any(c.isalpha() for c in name) and (venue_type(name) or lookup(name)):
            return True
    return False


#: (not before "A"/"An": "…? A Systematic Review": a subtitle, whatever its venue word)
_QUESTION_STOP = re.compile(r"[?!]\s+(?=[^\W\d_])(?!An?\s)")
#: an abbreviated word of a venue's name ("Comp.", "Phys.", "J.")
_ABBREVIATED_WORD = re.compile(r"(?<![\w.])[A-Z][a-z]{0,5}\.(?=[\s,;:])")
_DIGIT = re.compile(r"\d")
_NUMBERS_AND_BRACKETS = re.compile(r"[\d()\[\]]+")
_NUMBERING = re.compile(r"(?:vol(?:ume)?|nos?|nr|issue|iss|pp?|pages?|tomo?|t|bd|band|jg|heft|h|n[úu]m|number|art)\.?\s*\d", re.I)
_DOTTED_WORD = re.compile(r"\w\.\w")  # a web address, "U.S.": no sentence of a title
#: the abbreviated words that number a container's parts ("p.", "pp.", "vol.", "Bd.", "núm.", "eds.")
_CONTAINER_ABBREVIATION = re.compile(r"(?<![\w.])(?:pp?|vols?|nos?|nr|n[úu]m|bd|hft|jg|eds?|hrsg|t|n|s|v|h|cap|ch)\.(?!\w)", re.I)


def _subtitle_between(work: _Work, text: str, title: tuple[int, int], middle: tuple[int, int], after: tuple[int, int]) -> bool:
    """Is ``middle``, the sentence between a title and what follows it (a venue, or the
    names of a title-first item), the title's second sentence? It is on the title's
    line, right after its full stop, in the title's markup, and shows nothing a venue
    shows — no number, no venue or publisher word, no abbreviated word, no names — while
    ``after`` is the next part's start: names or a venue's evidence."""
    gap = text[title[1]:middle[0]]
    ended = (text[title[0]:title[1]] + gap).rstrip().rstrip("\"”’'")[-1:]
    if "\n" in gap or gap.strip(" .?!\"”’'") or ended not in (".", "?", "!") or "\n" in text[middle[1]:after[0]]:
        return False
    piece = text[middle[0]:middle[1]].strip()
    if len(piece.split()) < 3 or not piece[:1].isupper() or _DIGIT.search(piece) or _ABBREVIATED_WORD.search(piece) \
            or _DOTTED_WORD.search(piece):
        return False
    if any(work.italic[middle[0]:middle[1]]) != any(work.italic[title[0]:title[1]]) \
            or any(work.bold[middle[0]:middle[1]]) != any(work.bold[title[0]:title[1]]):
        return False
    if _LEADING_IN.match(piece) or _LEADING_PLACEMENT.match(piece) or _CONTAINER_ABBREVIATION.search(piece) or ":" in piece[:12]:
        return False  # "Dans : Actes …", "Published in …", "…, p.", "Band: …": a container's words
    if _venue_like(piece) or venue_type(piece) or lookup(piece) or is_publisher(piece) or _THESIS.search(piece) or _REPORT.search(piece):
        return False
    if _has_tag_word(piece.lower()) or scan_authors(piece).confidence >= 0.5:
        return False
    if _ORGANIZATION.search(piece) and all(w[:1].isupper() or w.lower() in _NAME_CONNECTORS for w in piece.rstrip(".").split()):
        return False  # "Society for Industrial and Applied Mathematics": a publisher's or host's name, not a sentence
    return True


#: the words that name an organization (a publisher, a host institution)
_ORGANIZATION = re.compile(r"\b(?:Society|Association|Institute|Institution|University|Academy|Council|Foundation|Agency|"
                           r"Ministry|Department|Laboratory|Centre|Center|Company|Corporation|Inc|Ltd|GmbH)\b")


def _opening(text: str, chunk: tuple[int, int]) -> str:
    """A chunk's text, or its first 20 characters when it is shorter: an abbreviated name cut
    into chunks at its full stops ("Geomorph." "Lett. 12") is seen whole enough."""
    return text[chunk[0]:max(chunk[1], chunk[0] + 20)]


def _venue_evidence(text: str) -> bool:
    """Does ``text`` start with what only a venue's name shows: an abbreviated word, a venue
    or publisher word, a known venue, "In"?"""
    head = text.strip(" .,;:([")[:160]
    if not head[:1].isalpha() or _NUMBERING.match(head):
        return False  # numbers alone ("17, 49-63", "Vol. 1, Issue 2") follow a venue's name: the sentence before may be it
    return bool(_ABBREVIATED_WORD.search(head) or _venue_like(head) or venue_type(head)
                or is_publisher(_NUMBERS_AND_BRACKETS.sub(" ", head)) or lookup(head.strip(" .,;:")))


def _venue_like(text: str) -> bool:
    head = text.strip()[:120]
    if not head:
        return False
    if _VENUE_START.match(head):
        return True
    if _VOLUME_ISSUE_SHAPE.search(head[:80]) or _NAME_VOLUME_PAGES.match(head):
        return True
    if _THESIS.match(head) or _REPORT.match(head):
        return True
    first = _COMMA_OR_SPACED_DIGIT.split(head)[0]
    return bool(venue_type(first)) or lookup(first.strip()) is not None and len(first.split()) <= 6


def _quoted_title(text: str) -> tuple[int, int] | None:
    for m in _QUOTED.finditer(text):
        group = next(g for g in range(1, 7) if m.group(g) is not None)
        if _WORD_BEFORE_QUOTE.search(text, max(0, m.start() - 30), m.start()):
            continue  # a quoted phrase inside a title or venue, not the title
        if _IN_COLON.search(text, 0, m.start()):
            continue  # "Title, in: Editors (Hrsg.): „Book“": the quote names the container
        if _ISSUE_AFTER_QUOTE.match(text, m.end()):
            continue  # «Rivista» a. 3 n. 2, „Przegląd” 2019, nr 3: a quoted journal with its issue
        if not text[:m.start()].strip() and _SUBTITLE_AFTER_QUOTE.match(text, m.end()):
            continue  # "“Dark matter”: a history of …" opening the item: the quote starts the title
        raw = m.group(group)
        inner = raw.strip()
        if len(inner.split()) == 1 and _NAME_BEFORE_QUOTE.search(text, max(0, m.start() - 30), m.start()) \
                and _NAME_AFTER_QUOTE.match(text, m.end()):
            continue  # Stafford "Sky" Maracle: a person's quoted byname, between given and family name
        # (Chinese and Japanese titles have no spaces: four of their characters make a title)
        if len(inner) >= 6 and (len(inner.split()) >= 2 or len(inner) >= 12) or _CJK_RUN.search(inner):
            start = m.start(group) + len(raw) - len(raw.lstrip())
            return start, start + len(inner)
    return None


def _title_place(work: _Work, text: str, start: int) -> bool:
    """A title can start at ``start``: only names, a year and punctuation come before it."""
    before = text[:start].strip()
    if not before or _year_only(before):
        return True
    found = scan_authors(before, work.bold[:len(before)])
    return bool(found) and not _YEAR_OR_PUNCTUATION_ONLY.sub("", before[found.end:]).strip(" .,;:()*#†‡")


def _css_title(work: _Work, text: str) -> tuple[int, int] | None:
    """The text of the element whose CSS class names it the title (``<span class="pub-title">``,
    ``<div class="title">``), whole: a template that writes the title into its own element
    says where it begins and ends, whatever it holds ("Title. Subtitle", "Title (*Genus
    species* L.)"). None when no such element shows two words or more or when it holds only
    names (a class over the whole item is no title's: :func:`~.work._work_from_segment`)."""
    titled = work.titled
    k = _first_shown(titled, text, 0, len(text)) if titled else None
    if k is None:
        return None
    try:
        j = titled.index(False, k)
    except ValueError:
        j = len(text)
    s, e = _strip_range(text, k, j)
    run = text[s:e].strip(" .,;:")
    if len(run.split()) < 2:
        return None
    found = scan_authors(run)
    if found and not run[found.end:].strip(" .,;*#†‡"):
        return None
    return s, e


def _link_title(work: _Work, text: str) -> tuple[int, int] | None:
    """The text of the first link that reads as a title: several words, not names,
    not a venue, not a link label, and set off from what follows by punctuation or
    the item's end ("E. Riehl, [On the structure of …](…), Math. Proc. …"). A link
    marks where the title ends even when a venue abbreviation follows its comma."""
    n = len(text)
    start = 0
    while (k := _first_shown(work.link, text, start, n)) is not None:  # on to the next linked character
        if work.labels[k]:
            start = k + 1
            continue
        j = k
        while j < n and work.link[j] and not work.labels[j] and text[j] != "\n":
            j += 1
        s, e = _strip_range(text, k, j)
        start = j
        run = text[s:e].rstrip(" .")
        if len(run.split()) < 3 or _URL.search(run) or _YEAR_RE.search(run[-6:]):
            continue
        found = scan_authors(run, work.bold[s:e])
        if found and not run[found.end:].strip(" .,;*#†‡"):
            continue  # a linked name or name list
        if found and found.end < len(run) and _YEAR_RE.search(run[found.end:found.end + 12]):
            continue  # names, then their year: the link holds the whole citation, not its title
        if venue_type(run) or lookup(run):
            continue  # a linked venue
        after = text[j:j + 2].lstrip(" ")
        next_link = j + 1 < n and text[j] == " " and work.link[j + 1]
        if after and after[0] not in ",.;:(\n[" and not next_link and not _names_follow(text, j):
            continue  # the link runs into more text: only part of the title
        if not _title_place(work, text, s):
            continue  # a linked book or venue later in the item ("In A (eds.), [Book]")
        return s, s + len(run)
    return None


def _names_follow(text: str, at: int) -> bool:
    """Does a sure author list start at ``at`` and end at punctuation or the line's end:
    "[Title](…) A. Okafor and K. Lindqvist. *Venue*", a linked title glued to its names?"""
    start = at + len(text[at:at + 3]) - len(text[at:at + 3].lstrip(" "))
    piece = text[start:start + 600]
    listed = scan_authors(piece)
    people = [n for n in listed.names if not n.is_others]
    if not people or listed.confidence < 0.9 or not (len(people) >= 2 or any(_INITIAL.search(n.given) for n in people)):
        return False
    rest = piece[listed.end:].lstrip(" ")
    return not rest or rest[0] in ".,;:(\n" or piece[:listed.end].rstrip()[-1:] in ".,;:"


#: the year that ends an author-date byline: "(2021)", "2021", "(2021a)", "(in press)" is none
_BYLINE_YEAR = re.compile(r"\(?(?:1[89]|20)\d\d[a-z]?\)?")


def _bold_title(work: _Work, text: str) -> tuple[int, int] | None:
    start = 0
    n = len(text)
    bold = work.bold
    while (k := _first_shown(bold, text, start, n)) is not None:  # on to the next bold character
        j = k
        # a bold run stops at a line break: a bold title line and a bold own name on
        # the next line (HTML pages) are two runs  [html reader, minimal edit]; the
        # bold stretches are skipped by a list search, the blanks between them one by one
        while j < n:
            if bold[j]:
                try:
                    j = bold.index(False, j, n)
                except ValueError:
                    j = n
            elif text[j] != "\n" and not text[j].strip():
                j += 1
            else:
                break
        s, e = _strip_range(text, k, j)
        run = text[s:e].strip(" .,")
        if len(run.split()) >= 2 and not _YEAR_RE.fullmatch(run.strip()):
            named = text[s:e].strip(" ,;")
            found = scan_authors(named)
            # names alone, or with their year ("**Doe, J. (2021)**." in author-date lists that
            # set the byline in bold): a highlighted byline, never the title
            rest = named[found.end:].strip(" .,;*#†‡") if found else named
            is_names = bool(found) and (not rest or _BYLINE_YEAR.fullmatch(rest) is not None)
            venue_words = bool(venue_type(run)) or is_venue_word(run.split()[-1])
            venue = venue_words and (len(run.split()) <= 6 and bool(lookup(run)) or not _title_place(work, text, s))
            if not is_names and not venue:
                return s, e  # (a bold venue after the title, "…, **Thermal Letters**, 2023", is none)
        start = j
    return None
