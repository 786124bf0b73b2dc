"""Step 3, *split*: line breaks inside one logical line become spaces (after a comma or
"and", before a lower-case word, inside one bold or italic run), then the text is cut into
chunks at line breaks and sentence ends (not after initials or abbreviations). The chunks are
what step 4 assigns to title, authors and venue.
"""

from __future__ import annotations

import re

from ..authors import scan_authors

from .vocabulary import _leading, _NEWLINE
from .work import _Work


_ABBREV = frozenset(
    "al proc vol no nos pp ed eds edn conf int intl natl trans j jr sr dr prof st univ dept inst acad sci math ann appl "
    "comput soc am chem biol med res eng mech stat theor nucl astron astrophys mon not roy phys rev lett adv syst "
    "inform inf technol tech rep symp assoc amer acm ieee proc. fig vs cf ca approx est vol. ser mem suppl"
    " e.g i.e etc publ lect notes geom anal topol invent algebra funct combin probab optim numer sympos ges akad wiss"
    " zh izv dokl mat fiz ber bull lond edinb camb philos mag quart"
    " subsp ssp var".split()  # a taxon's rank: "Ludwigia grandiflora subsp. hexapetala"
)
# "\s+[|│]" starts only where white space starts: tried at every space of a long
# run it made _chunks quadratic (64 KB of spaces: 20 s). " // " is the separator of the
# GOST / ISBD styles of Russian, Ukrainian, Polish … lists ("Title // Journal. 2010. Т. 64"):
# the part before it ends there, its host starts after it; so does China's GB/T 7714 host
# mark after the kind of work, unspaced ("Title[C]//Proceedings of …")
_BREAK = _leading("\\s,\"”’'/", r"(?<=\[[A-Z]\])//\s*|(?<=[.])[\"”’']?\s+(?=[\"“‘'(\[]?[^\W\d_]|\d)|\n|(?<!\s)\s+(?:[|│]|//)\s+|,\s+(?=[Ii]n:?\s+(?:Proc|[A-Z]))|(?<=[.?!])\s+(?=[Ii]n:?\s+(?:Proc|[A-Z]))")

# Step 3, chunks: a line break is joined after a function word or before a
# lower-case word; a full stop after an initial or abbreviation is no sentence end.
_TRAILING_FUNCTION_WORD = re.compile(r"\b(?:and|of|the|for|in|on|with|to|a|an)$")
_LOWERCASE_WORD = re.compile(r"[a-z]+\b")
_IN_OR_PAGES = re.compile(r"(?:in|pp?\.)\b")
_SENTENCE_END_MARK = re.compile(r"[.?!:]$")
_LAST_WORD = re.compile(r"([\w&]+)[.\"”’']*$")

_LIST_GAP = re.compile(r",\s*(?:\.\.\.|\.\s\.\s\.)$")  # an ellipsis in a name list
#: the last name of a list, cut by a line break: initials after a separator, or one family name
_UNFINISHED_TAIL = re.compile(r"\s*(?:,\s*)?(?:(?:and|&)\s+)?(?:(?P<initials>(?:[A-Z]\.\s?-?){1,3})|[A-Z][^\W\d_]+(?:[-'’][A-Z][^\W\d_]+)?)\s*")
_LINE_END_INITIAL = re.compile(r"(?:^|[\s,&])[A-Z]\.$")
_LINE_END_FAMILY = re.compile(r"(?:,|\band|&)\s+[A-Z][^\W\d_]+(?:[-'’][A-Z][^\W\d_]+)?$")
_CAPITAL_WORD = re.compile(r"(?:[a-z]{1,3}\s+)?[A-Z][^\W\d_]{1,}")
_TRAILING_INITIALS_ONLY = re.compile(r"[A-Z]{1,3}\.?")
_INITIALS_START = re.compile(r"[A-Z]{1,3}\.?(?=[\s,;(]|$)")
_OTHERS_SECOND_HALF = re.compile(r"(?:a|fl)\.")  # the "a." of "u. a." (German), the "fl." of "m. fl." (Swedish)
_AL_AFTER_ET = re.compile(r"al\b")  # the "al." of "et. al." (a stray full stop after "et")
_SHORT_INITIAL = re.compile(r"(?:^|[\s,])[A-Z][a-z]?\.$")

#: glued initials that open a name in a list ("SD. Zuo, XD. Song": Chinese given names written as
#: two capitals and one full stop): at the item's start or after a list separator, and followed
#: by a family name that a separator closes
_GLUED_INITIALS_BEFORE = re.compile(r"(?:^|,\s|[&\s]\s|\band\s)[A-Z]{2,3}\.$")
_FAMILY_THEN_SEPARATOR = re.compile(r"\s[A-Z][a-z]{1,15}(?:[-'’][A-Z][a-z]{1,15})?(?:,|\.\s|\s(?:and|&)\s)")


def _join_continuations(work: _Work) -> None:
    """Turn line breaks inside one logical line into spaces: after a comma or "and",
    before a lower-case word, and inside one bold or italic run."""
    text = work.text
    for m in _NEWLINE.finditer(text):
        k = m.start()
        window = max(0, k - 400)
        before = text[window:k].rstrip()
        tail = text[k + 1:k + 401]
        after = tail.lstrip()
        if not before or not after:
            continue
        prev_char = before[-1]
        b_idx = window + len(before) - 1
        a_idx = k + 1 + len(tail) - len(after)
        joined = (
            prev_char in ",&-–(/"
            or (_TRAILING_FUNCTION_WORD.search(before) is not None and not _unfinished_name(before, after))
            or _unfinished_name(before, after)
            or (
                _LOWERCASE_WORD.match(after) is not None
                and not _IN_OR_PAGES.match(after)
                and not _whole_author_line(before)
            )
            # a break *inside* one bold/italic run (the break itself is marked); HTML
            # gives separate elements (<b>title</b><br><strong>own name</strong>) an
            # unmarked break, which ends the run  [html reader, minimal edit]
            or (work.bold[b_idx] and work.bold[k] and work.bold[a_idx] and not _ends_sentence(before))
            or (work.italic[b_idx] and work.italic[k] and work.italic[a_idx] and not _ends_sentence(before))
        )
        if joined:
            work.set_char(k, " ")


def _unfinished_name(before: str, after: str) -> bool:
    """Does a line break cut the last name of an author list in two? The line is a sure list of
    two names or more up to its last name, which is only initials ("Caballero, M. D., & H. J." /
    "Lewandowski. (2022)") or only a family name in a list writing initials after it
    ("Paukett M, and Leskanic" / "C. (2016)"), and the next line starts with the missing half."""
    line = before[before.rfind("\n") + 1:].strip()
    if len(line) > 2000 or not (_LINE_END_INITIAL.search(line[-4:]) or _LINE_END_FAMILY.search(line[-60:])):
        return False
    found = scan_authors(line)
    people = [n for n in found.names if not n.is_others]
    if len(people) < 2 or found.confidence < 0.9:
        return False
    tail = _UNFINISHED_TAIL.fullmatch(line, found.end)
    if not tail:
        return False
    if tail.group("initials"):
        return _CAPITAL_WORD.match(after) is not None
    # "Seyfferth AL, Morris AH": every name a family name, then its initials
    vancouver = all(_TRAILING_INITIALS_ONLY.fullmatch(n.given) for n in people) and f"{people[0].family} {people[0].given}" in line
    return vancouver and _INITIALS_START.match(after) is not None


def _whole_author_line(before: str) -> bool:
    """True when the last line of ``before`` is an author list from start to end:
    a lower-case line after it is the venue (Google Scholar writes "nature 521")."""
    line = before[before.rfind("\n") + 1:].strip()
    found = scan_authors(line)
    return bool(found) and not line[found.end:].strip(" .,;")


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END_MARK.search(text))


def _chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the non-empty chunks of ``text[start:end]``, split at line
    breaks and sentence ends (not after initials or abbreviations)."""
    out: list[tuple[int, int]] = []
    pos = start
    # a run of spaces closing the range (links and identifiers blanked) starts no break, and the
    # only break running into it ("… | ") would end a chunk of blanks: searched one space into it
    stop = min(end, start + len(text[start:end].rstrip(" ")) + 1)
    for m in _BREAK.finditer(text, start, stop):
        k = m.start()
        if m.group(0) != "\n" and not m.group(0).startswith(","):
            if _LIST_GAP.search(text, max(pos, k - 8), k):
                continue  # "Saha, A., . . . Heinig, M.": names left out, the list goes on
            w = _last_word(text[max(pos, k - 40):k])
            if w in ("u", "m") and _OTHERS_SECOND_HALF.match(text, m.end(), m.end() + 4):
                continue  # "Doe, J. u. a.:", "Berg, K. m. fl.": "and others" in two abbreviations
            if w == "et" and _AL_AFTER_ET.match(text, m.end(), m.end() + 3):
                continue  # "Zyprych J. et. al., (2010)": "et al." written with a stray full stop
            if w and text[k - 1] in ".\"”’'" and "." in text[max(pos, k - 3):k]:
                if (len(w) == 1 and w.isupper()) or w.lower() in _ABBREV or (len(w) <= 2 and w[:1].isupper() and w[1:].islower() and text[k + 1:k + 2].isupper() and _initial_context(text, k)):
                    continue
                if _abbreviation_after_comma(text, k, m.end(), w):
                    continue
                comma = _abbreviated_venue_after_comma(text, pos, k, m.end())
                if comma is not None:
                    # "…, J. Geophys. Res. 128": the venue starts at the comma, not after "Geophys."
                    if text[pos:comma].strip(" .,;:"):
                        out.append(_strip_range(text, pos, comma))
                    pos = comma + 1
                    continue
                if 2 <= len(w) <= 3 and w.isupper() and _GLUED_INITIALS_BEFORE.search(text, max(pos, k - 9), k) \
                        and _FAMILY_THEN_SEPARATOR.match(text, k):
                    continue  # "SD. Zuo, XD. Song": glued initials, not a sentence's end
        piece = (pos, k)
        if text[pos:k].strip(" .,;:"):
            out.append(_strip_range(text, *piece))
        pos = m.end()
    if text[pos:end].strip(" .,;:"):
        out.append(_strip_range(text, pos, end))
    return out


#: a capitalised word after a comma, then the full stop this word ends with
_COMMA_WORD = re.compile(r",\s+[A-Z][A-Za-z]{1,8}\.$")
#: the same after up to three capitalised words or initials ("…, J. Geophys.", "…, Earth Planet.")
#: (the word is an abbreviation, written with lower-case letters: "CTXT." after "Quian, A." is no journal's word)
_COMMA_WORDS = re.compile(r",\s+(?:[A-Z][a-z]{0,10}\.?\s+){1,3}[A-Z][a-z]{2,8}\.$")
#: the rest of a journal name, then a number (its volume): "Res. 128", "Res., 123", "Plasma Res. 12"
_ABBREVIATION_THEN_NUMBER = re.compile(r"(?:[A-Z][a-z]{0,12}\.?,?\s+){1,3}\d")
#: another abbreviated word soon after ("Earth Syst.", "Sci.", "Thesis")
_ANOTHER_ABBREVIATION = re.compile(r"(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]{1,6}\.(?=[\s,;:])")


def _abbreviation_after_comma(text: str, k: int, after: int, w: str) -> bool:
    """Is the full stop at ``k`` an abbreviation's, one that starts the venue after a
    title's comma: "…, Hydrol. Earth Syst. Sci., 23", "…, MSc. Thesis"? A sentence seldom
    ends in one capitalised word after a comma; the word is an abbreviation when it is
    written in mixed capitals ("MSc", "PhD") or another abbreviated word follows at once."""
    if not _COMMA_WORD.search(text, max(0, k - 14), k):
        return False
    return any(c.isupper() for c in w[1:]) or _ANOTHER_ABBREVIATION.match(text, after, after + 40) is not None


def _abbreviated_venue_after_comma(text: str, pos: int, k: int, after: int) -> int | None:
    """Where the venue starts when the full stop at ``k`` ends an abbreviated word of a
    journal's name that opens after a comma with other words or initials ("…, J. Geophys.
    Res. 128, 2", "…, Earth Planet. Phys. 8, 1"): the comma's offset, or None. The name goes
    on with an abbreviated word and a number, its volume; so the chunk is cut at the comma
    and the name is not cut at its own full stops."""
    m = _COMMA_WORDS.search(text, max(pos, k - 60), k)
    if m is None or not _ABBREVIATION_THEN_NUMBER.match(text, after, after + 40):
        return None
    return m.start()


def _last_word(s: str) -> str | None:
    """``_LAST_WORD.search(s).group(1)``: the run of word characters or ``&`` before the
    dots and quotes that end ``s``. A loop from the end: the regex search tried every
    start position (ten times slower, once per sentence end of every item)."""
    if s.endswith("\n"):  # "$" also matches before a final line break
        m = _LAST_WORD.search(s)
        return m.group(1) if m else None
    end = len(s.rstrip(".\"”’'"))
    start = end
    while start > 0 and (s[start - 1].isalnum() or s[start - 1] in "_&"):
        start -= 1
    return s[start:end] if start < end else None


def _initial_context(text: str, k: int) -> bool:
    """True when the token before ``k`` looks like an initial in a name ("Ch. Li")."""
    return bool(_SHORT_INITIAL.search(text[max(0, k - 6):k]))


def _strip_range(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``..``end`` without the blanks, quotes and punctuation at either edge (a full
    stop only at the start). ``str.lstrip``/``rstrip`` of the range, not a test per character:
    a chunk often ends in a long run of blanks where links and identifiers were taken out."""
    if start >= end:
        return start, end  # (an empty or inverted range is given back as it is)
    piece = text[start:end]
    start += len(piece) - len(piece.lstrip(_LEADING_DEBRIS))
    end = start + len(text[start:end].rstrip(_TRAILING_DEBRIS))
    return start, end


_LEADING_DEBRIS = " \n\t.,;:\"“”‘’«»："
_TRAILING_DEBRIS = " \n\t,;:\"“”‘’«»"
