"""Author lists as people write them -> :class:`~refkit.model.Name` lists.

Publication lists show authors in many shapes: ``J. Smith, A. Doe and K. Lee``,
``Smith, J., Doe, A., & Lee, K.`` (APA), ``Smith JA, Doe B`` (Vancouver),
``Smith, John; Doe, Jane``, ``ZHONG Zhihang`` (family name in capitals first),
``张三、李四`` and ``A, B, C et al.``. :func:`scan_authors` reads the longest
prefix of a text that is such a list and says how sure it is, so the citation
parser can tell an author list from a title. Role markers glued to names
(``*`` equal contribution, ``#`` joint first, ``†``/``‡``/``✉`` corresponding)
are removed from the name and returned as roles; :func:`annotation` writes them
in biblatex's data-annotation syntax (``1=equal; 3=highlight``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from ..model import Entry, Name
from . import lexicon, venues

__all__ = ["AuthorList", "SAME_AS_ABOVE", "families_only", "marked_authors", "repeat_authors", "scan_authors", "parse_authors", "parse_display_name", "annotation", "forget", "MARKER_ROLES", "is_common_word", "is_venue_word"]

#: role marker -> role name written into ``author+an``
MARKER_ROLES = {
    "*": "equal",
    "#": "equal",
    "†": "corresponding",
    "‡": "corresponding",
    "✉": "corresponding",
    "§": "equal",
    "¶": "corresponding",
}
_MARKER_CHARS = "*#†‡✉§¶✝⁎∗"
_MARKER_RE = re.compile(rf"[{re.escape(_MARKER_CHARS)}]+|(?<=[^\W\d_])[¹²³⁴⁵⁶⁷⁸⁹⁰,]*\d{{1,2}}(?:,\d{{1,2}})*$")

# Footnote markers and affiliation digits stripped from a displayed name.
_MARKER_CHAR = re.compile(rf"[{re.escape(_MARKER_CHARS)}]")
_MARKER_RUN = re.compile(rf"[{re.escape(_MARKER_CHARS)}]+")
# Markers that carry no role a list can write ("^" mentee, "º"/"ª" student, superscript affiliation
# digits and letters): never part of a name, so dropped wherever they are glued to one
_PLAIN_MARKERS = re.compile(r"(?<=[^\s,;])[\^ºª¹²³⁴⁵⁶⁷⁸⁹⁰ᵃᵇᶜᵈᵉ]+")
_AFFILIATION_DIGITS = re.compile(r"(?<=[^\W\d_]{2})[\d¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2}(?:[,\s][\d¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})*(?=\s|$)")

_PARTICLES = frozenset(
    "van von vom der den de del della delle dei degli dal dalla di da du des dos das do la le les ter ten te het 't ’t "
    "zu zur zum af av bin ibn al el d' y e i".split()
)
_GLUED_PARTICLE = re.compile(r"[a-z]{1,5}(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ])")
_JOINERS = frozenset("y e i".split())  # "and" joining the two family names of Spanish, Portuguese, Catalan people
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "2nd", "3rd", "4th", "5th"})
# "and others" as languages write it: et al., u. a. (German), et coll. / et col. (French),
# e col. / y col(s). (Portuguese, Spanish), e outros, e altri, ym. (Finnish), m.fl. (Scandinavian),
# i in. (Polish), a kol. (Czech, Slovak), ve ark. (Turkish), és mtsai (Hungarian), и др. (Russian),
# idr. (Slovenian), i sur. (Croatian), dkk. (Indonesian), vd. (Turkish), e.a. (Dutch), u.c. (Latvian),
# 等/等人 (Chinese), 他/外 (Japanese, Korean)
_OTHERS = re.compile(
    r"^(?:et\.?\s*al\.?|and\s+others|others|u\.\s?a\.?|etc\.?|[\[(]?(?:\.{3}|…|\.\s\.\s\.)[\])]?|et\s+al\.\s*\.|等|等人|他|外"
    r"|et\s+coll?\.?|[ey]\s+cols?\.?|e\s+outros|e\s+altri|ym\.?|m\.\s?fl\.?|i\s+in\.?|a\s+kol\.?|ve\s+ark\.?|és\s+mtsai\.?|и\s+др\.?"
    # the "et-al" terms of the CSL locales in Latin and Cyrillic scripts not written above, and
    # "and coauthors" (the piece after "and")
    r"|idr\.?|i\s+sur\.?|dkk\.?|o\.\s?fl\.?|ir\s+kt\.?|u\.\s?c\.?|mfl\.?|e\.\s?a\.?|[ij]\s+ostali|и\s+остали|vd\.?|та\s+ін\.?"
    r"|и\s+съавт\.?|và\s+c\.\s?s\.?|co-?authors|colleagues)$",
    re.I,
)
# "…", "..." or ". . ." opening a piece: names left out ("Hawe, J., … Heinig, M."); the
# name shown after it still belongs to the list
_LEADING_ELLIPSIS = re.compile(r"(?:…|\.\.\.|\.\s\.\s\.)(?=\s)")
_ELLIPSIS = re.compile(r"[\[(]?(?:…|\.\.\.|\.\s\.\s\.)[\])]?")  # "[...]", "(…)": the same gap in brackets
_CJK_CHARS = "\u3005\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af"
# a name in CJK scripts: 2-6 characters, or a transliterated name's parts joined by a middle dot
_CJK = re.compile(rf"^(?:[{_CJK_CHARS}·・]{{2,6}}|[{_CJK_CHARS}]{{1,8}}(?:[·・][{_CJK_CHARS}]{{1,8}}){{1,3}})$")
_HAS_CJK = re.compile(rf"[{_CJK_CHARS}]")
_INI = r"(?:[A-ZÀ-ÖØ-ÞĀ-ŽА-Я]|Ch|Th|Ph|Sh|Zh|Kh|Wm|Yu|Ya|Ju|Yo)"  # initials, with the digraphs of transliterated names
# "N.P": the last dot left out; "-P." the hyphenated second initial of "J. -P." as a token of its own
_INITIALS = re.compile(rf"^(?:{_INI}\.(?:\s?-?\s?{_INI}\.)*(?:-[a-z]\.)?-?|[A-Z]\.?-[A-Z]\.?|(?:[A-Z]\.)+[A-Z]|-{_INI}\.)$")
_CAPS_INITIALS = re.compile(r"^[A-ZĐ]{1,3}$")  # (Vietnamese Đ: "Phạm MĐ")
#: English function words a title in title case writes in lower case (a capitalised one inside a
#: name is a name: "Văn An Nguyễn", "Thi To Nga", "Ha Do")
_FUNCTION_WORDS = frozenset("a an and as at but by do for from if in into nor of on or so the to up via with".split())
_DIGRAPH_LAST = re.compile(r"[A-Z][aeiouy]\.?")  # "Yu", "Li.": a two-letter name, no digraph of consonants
# combining accents stay inside a word ("Rodrı́guez": a dotless i and a combining acute)
# (hyphens of every kind join a double name: "Lemke-Rust", "Lemke‐Rust" (U+2010), "Lemke‑Rust" (U+2011),
# and the en dash typeset pages put there: "Garcia–Hernández")
_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_'’\-\u2010\u2011\u2013.]|[\u0300-\u036f])*(?:['’\-\u2010\u2011\u2013](?:[^\W\d_]|[\u0300-\u036f])+)*\.?$")
# Linear time: a match starts only where white space starts ((?<!\s)), and no
# alternative begins with white space of its own, so a long run of spaces is
# crossed once (it was cubic: 2 KB of spaces took a minute).
_SEPARATOR = re.compile(
    r"(?<!\s)\s*(?:,\s*(?:(?:and|&|(?-i:und|et|y|e|og|och|en|és|i|и|và|va\u0300|ve|ja|și|s\u0326i|şi|s\u0327i|dan))\s+(?!al\b|col|coll\b|outros\b|altri\b|in\.|др\b|sur\.|ostali\b|остали\b|съавт\.|ark\b|muut\b|cộng\b|alții\b|kawan))?|;|，|、|；|&|/"
    r"|(?<=\s)(?:and|und)\s+|(?<=\s)et\s+(?!al\b|coll?\b)|(?<=\s)(?=et\.?\s*al\b|u\.\s?a\.|et\s+coll?\b|и\s+др\.)"
    # "and" of other languages without a comma ("Li, Wei y Layla Haddad", "A. Kis és B. Nagy",
    # Vietnamese "và"; not Turkish "ve", Indonesian "dan", whose titles capitalise their words
    # around it: "Artan Önemi ve Ekonominin Büyümeye"; those, Finnish "ja" and Romanian "și"
    # only after a comma):
    # only before a name of two capitalised words ("Ortega y Gasset, José" keeps its family name)
    r"|(?<=\s)(?-i:(?:y|e|og|och|és|i|и|và|va\u0300)\s+(?=[A-ZÀ-ÖØ-ÞĀ-ŽА-Я](?:\.(?:-[A-Z]\.)?|[^\s,;.]*)\s+(?:(?!(?:and|und|et|y|e|i|og|och|en|és)\s)[a-z]{1,3}\s+){0,2}[A-ZÀ-ÖØ-ÞĀ-ŽА-Я]))"
    # "賀 云野・小井土 大": a middle dot between names in kanji (inside a katakana name it joins its parts)
    r"|(?<=[\u3400-\u4dbf\u4e00-\u9fff])・(?=[\u3400-\u4dbf\u4e00-\u9fff])"
    # "A. Smith · B. Jones · C. Doe" (Springer): a spaced middle dot between names
    r"|(?<=\s)·(?=\s))\s*",
    re.I,
)

# a remark after a name in brackets: a few words without digits or full stops ("(student)",
# "(学生一作)", "(corresponding author)"); "(ed.)", "(Hrsg.)" say the list is of editors and stay
_TRAILING_NOTE = re.compile(r"[(（]([^\W\d_][^()（）\d.]{0,24})[)）]")
_EDITOR_NOTE = re.compile(r"(?:eds?|hrsg|dir|coords?|orgs?|comps?|trad|trans|editors?|editor\(s\)|a cura di|ed by)", re.I)
# a one-word nickname in brackets or quotes between the parts of a name
_NICKNAME = re.compile(r"(?<=[^\W\d_])\s+[(\"“‘][^\W\d_][\w'’-]{0,24}[)\"”’](?=\s+[^\W\d_])")

# Tokens of a name: initials, full stops glued to the next name part, suffixes.
_TRAILING_INITIAL = re.compile(rf"(?:(?:^|[\s.\-]){_INI}|\.-[a-z])\.\s*$")  # ("S.-i.": Shin-ichi)
_CAPS_INITIALS_DOT = re.compile(r"[A-Z]{2,3}\.")
# "J.Smith", "M.Güneş", "İ.Karteri": an initial written onto the family name, in Latin letters beyond ASCII too
_DOT_BEFORE_WORD = re.compile(r"(?<=\.)(?=[A-ZÀ-ÖØ-ÞĀ-Ž](?:[a-zß-öø-ÿ]|['’][A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]))")  # ("A.D'Enza")
_DOT_BEFORE_CAPITAL = re.compile(r"(?<=\.)(?=[A-Z])")
_VOWEL = re.compile(r"[AEIOUY]")
_FULL_STOP_THEN_WORD = re.compile(r"\.\s+[^\W\d_][^\W\d_]{2,}(?![^\W\d_])")
_NAME_SUFFIX = re.compile(r"(?:Jr|Sr|II|III|IV)\.?(?!\w)")  # a word of its own: "Srinivas" is no "Sr"

# An organisation as author: "The ATLAS Collaboration", "Human Genome Working Group".
_ORGANISATION_NAME = re.compile(r"(?:The\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4}\s+(?:Collaboration|Collaborative|Consortium|Team|Group|Investigators)")
_ORGANISATION_SUFFIX = re.compile(r"(?:Collaboration|Collaborative|Consortium|Team|Group|Investigators)$")

# Where a Vancouver-style name ("Smith JA.") ends and the title begins: a full stop after the
# initials, then a word ("Smith J. Deep …"); a capital alone or with a full stop after it is
# one more initial of the same name ("Sikorski M. M.", "Okoniewski M. J.")
_TRAILING_CAPS_INITIALS = re.compile(r"\s[A-Z]{2,3}\.?$")
_VANCOUVER_INITIALS_DOT = re.compile(r"[A-Z]{1,3}\.")
_INITIALS_THEN_TITLE = re.compile(r"\b[A-Z]{1,3}(\.)\s+[A-Z](?![.\s]|$)")
_CAPS_INITIALS_THEN_TITLE = re.compile(r"^\S+\s+[A-Z]{2,3}(\.)\s+[A-Z](?![.\s]|$)")


#: a dash run in place of the names ("———. “Title.” …", as Chicago and MLA bibliographies
#: write a work by the same authors as the one above); :func:`repeat_authors` fills it in
SAME_AS_ABOVE = Name(literal="———")
_SAME_AS_ABOVE = re.compile(r"[—―]{2,}|-{3,}|_{3,}|[⸺⸻]+")


@dataclass(frozen=True)
class AuthorList:
    """Names read from a display string, their roles, and how sure the reading is.

    ``end`` is the offset in the scanned text just after the list; ``confidence``
    is 1.0 for lists that can hardly be anything else (several names, initials,
    inverted names), lower for a lone ``First Last`` that might be a short title.
    """

    names: tuple[Name, ...]
    roles: tuple[tuple[str, ...], ...]
    end: int
    confidence: float

    def __bool__(self) -> bool:
        return bool(self.names)


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "data" / "title_words.txt").read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.split() if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=65536)
def is_venue_word(word: str) -> bool:
    """A word of venue names ("Symposium", "Math.", "Proc") that is no known family or given
    name ("Bull", "Royal", "Ann" are both): a "name" made with one is a venue or a label."""
    low = word.lower().strip(".")
    if low in venues.acronyms() and not any(c.isupper() for c in word.strip(".")[1:]) and not is_common_word(low):
        return False  # "Jair", "Soda": a venue's acronym ("JAIR", "SODA") only in capitals
    return low in lexicon.words("venue_words") and low not in lexicon.words("family_names") and low not in lexicon.words("given_names")


@lru_cache(maxsize=65536)
def is_common_word(word: str) -> bool:
    """True for English words frequent in titles and section names ("Learning",
    "Video", "Papers"): a "name" made only of them is not a person."""
    return word.lower().strip(".") in _common_words()


@lru_cache(maxsize=65536)
def _strip_markers(piece: str) -> tuple[str, tuple[str, ...]]:
    roles: list[str] = []
    for m in _MARKER_CHAR.finditer(piece):
        role = MARKER_ROLES.get(m.group(0), "equal")
        if role not in roles:
            roles.append(role)
    cleaned = _MARKER_RUN.sub(" ", _PLAIN_MARKERS.sub("", piece))
    # affiliation digits glued to a name: "Smith1", "Smith1,2", "Smith¹"
    cleaned = _AFFILIATION_DIGITS.sub("", cleaned)
    cleaned = " ".join(cleaned.split()).strip(" ,")
    if cleaned.endswith(".") and not _ends_with_initial(cleaned) and not cleaned.lower().endswith(("jr.", "sr.", "al.")) and not _ELLIPSIS.fullmatch(cleaned):
        cleaned = cleaned.rstrip(".")
    return cleaned, tuple(roles)


def _ends_with_initial(text: str) -> bool:
    return bool(_TRAILING_INITIAL.search(text))


@lru_cache(maxsize=65536)
def _token_kind(tok: str) -> str:
    """Classify one token: initial, caps (JA), particle, suffix, word or bad."""
    low = tok.lower()
    if low in _SUFFIXES:
        return "suffix"
    if low.replace(".", "") == "phd":
        return "bad"  # "Ph.D.", "PhD": a degree, not the initials "P. H. D."
    if _INITIALS.match(tok):
        return "initial"
    if tok in _PARTICLES or (tok.startswith(("d'", "d’")) and len(tok) > 2):
        return "particle"  # only lower-case: "Van Vu", "Quoc V. Le" are given/family names
    if _CAPS_INITIALS.match(tok) or _CAPS_INITIALS_DOT.fullmatch(tok):
        return "caps"  # "JA", "JA." (Vancouver initials)
    if tok.endswith(".") and len(tok) > 3:
        return "bad"  # "Roe." ends a sentence; names carry no full stop
    if _WORD.match(tok) and not tok[0].islower():
        return "word"  # capitalised, or a script without case
    glued = _GLUED_PARTICLE.match(tok)
    if glued and glued.group(0) in _PARTICLES and _WORD.match(tok[glued.end():]):
        return "word"  # "deVilliers", "vanDam", "diMaio": a particle written onto the capitalised family name
    return "bad"


def _particles_before_family(kinds: Sequence[str]) -> bool:
    """Are the particles of a long name one run just before its last word, with at most five
    words ("Ana María López de la Fuente"), not spread over it as a title's ("Estudio de la
    Fauna del Río")?"""
    at = [k for k, kd in enumerate(kinds) if kd == "particle"]
    return bool(at) and at == list(range(at[0], len(kinds) - 1)) and sum(kd != "initial" for kd in kinds) - len(at) <= 5


def _demoted_particle(text: str) -> tuple[str, str] | None:
    """``Peet PG van``, ``Berg J. van den``, ``Horst Pieter ter`` -> (the name before them, the
    particles): a family name written first with its particles after the given name or the
    initials (CSL's demoted particles, "Peet PG van" of Dutch Vancouver lists). A name given
    first never ends with a particle, so a lower-case run at the end can only be this; "y",
    "e", "i" there are rather a conjunction, and are left alone."""
    toks = text.split()
    k = len(toks)
    while k > 0 and toks[k - 1] in _PARTICLES and toks[k - 1] not in _JOINERS:
        k -= 1
    if k == len(toks) or k < 2 or _token_kind(toks[0]) != "word" or _token_kind(toks[k - 1]) not in ("initial", "caps", "word"):
        return None
    return " ".join(toks[:k]), " ".join(toks[k:])


@lru_cache(maxsize=65536)
def parse_display_name(piece: str) -> tuple[Name, tuple[str, ...], float] | None:
    """One displayed name -> (Name, roles, confidence), or None when it is not a name.

    Handles ``First Last``, ``F. Last``, ``Last, First`` / ``Last, F.``,
    ``Last FM`` (Vancouver), ``LAST First``, particles and suffixes, and CJK names
    (kept whole as a literal: their family/given split needs knowledge of surnames)."""
    text, roles = _strip_markers(piece)
    if not text:
        return None
    text = _NICKNAME.sub("", text)  # "Xuaner (Cecilia) Zhang": the name a person goes by, shown beside the given name
    opening = max(text.rfind("("), text.rfind("（")) if text.endswith((")", "）")) else -1
    note = _TRAILING_NOTE.fullmatch(text, opening) if opening > 0 else None
    if note and not _EDITOR_NOTE.fullmatch(note.group(1).strip()):
        text = text[:opening].rstrip()  # "Li Wei (student)", "Li Wei (学生一作)": a remark on the person, no part of the name
    if _SAME_AS_ABOVE.fullmatch(text):
        return SAME_AS_ABOVE, roles, 1.0
    if _OTHERS.match(text):
        return Name.OTHERS, roles, 1.0  # type: ignore[attr-defined]
    if _CJK.match(text.replace(" ", "")):
        return Name(literal=" ".join(text.split())), roles, 0.9  # "賀 云野": family and given name as written
    if _HAS_CJK.search(text):
        return None  # CJK text that is no CJK name ("鎌谷洋一郎 全ゲノム…": a name, then the title)
    if _ORGANISATION_NAME.fullmatch(text):
        return Name(literal=text), roles, 1.0  # an organisation as author
    if "," in text:
        family_part, _, given_part = text.partition(",")
        return _inverted(family_part.strip(), given_part.strip(), roles)
    demoted = _demoted_particle(text)
    if demoted is not None:
        head = parse_display_name(demoted[0])
        words = demoted[0].split()
        if head is not None and not head[0].literal and not head[0].particle and demoted[0].startswith(head[0].family):
            return Name(family=head[0].family, given=head[0].given, particle=demoted[1], suffix=head[0].suffix), roles + head[1], head[2]
        if head is not None and 2 <= len(words) <= 3 and all(_token_kind(w) == "word" for w in words):
            # "Berg Jan van den": whole words before the particles, the family name the first
            return Name(family=words[0], given=" ".join(words[1:]), particle=demoted[1]), roles + head[1], head[2]
        return None
    tokens = _DOT_BEFORE_WORD.sub(" ", text).split()
    if not 1 <= len(tokens) <= 9:
        return None
    kinds = [_token_kind(t) for t in tokens]
    if len(tokens) >= 2 and all(k == "initial" for k in kinds) and _DIGRAPH_LAST.fullmatch(tokens[-1]) and all(len(t) <= 2 for t in tokens[:-1]):
        # "E. T. Yu.": initials of one letter, then a two-letter word that could be the
        # digraph initial of a transliterated name ("Yu.", "Zh."): after the initials it is
        # the family name, written before the full stop that ends the list
        tokens[-1], kinds[-1] = tokens[-1].rstrip("."), "word"
    if sum(k != "initial" for k in kinds) > 5 and not _particles_before_family(kinds):
        return None  # many initials are one name ("André C. P. L. F. de Carvalho"), many words are not
    if "bad" in kinds:
        return None
    if any(k == "word" and t.endswith(".") for t, k in zip(tokens[:-1], kinds[:-1])):
        return None  # "HE Xu. Title": a full stop after a word ends the name (no gold name of ours has one inside)
    words = [t for t, k in zip(tokens, kinds) if k == "word"]
    if not words and len(tokens) >= 2 and kinds[-1] == "caps" and len(tokens[-1]) >= 2 and "." not in tokens[-1] and all(
            k == "initial" and t.endswith(".") for t, k in zip(tokens[:-1], kinds[:-1])):
        # "J. LIU", "T.K. NG" (a list in capitals): a short capital word after initials with full
        # stops is the family name (initials of their own would be written as the others are)
        return Name(family=tokens[-1], given=" ".join(tokens[:-1])), roles, 1.0
    if not words:
        return None
    if all(is_common_word(w) for w in words) and not any(k in ("initial", "caps") for k in kinds):
        return None
    if any(w.lower() in lexicon.words("organisation_words") for w in words):
        return None  # "Institut Momentum", "Texas Advanced Computing Centre": an institution, no person
    if venues.abbreviation_stems(words) >= 2:
        return None  # "Nat Commun", "ACS Sustainable Chem Eng", "Environ Sci Technol": a journal, abbreviated

    if len(tokens) == 2 and kinds == ["word", "suffix"] and tokens[1].isupper():
        kinds = ["word", "caps"]  # "Szmuszkovicz JR" (Vancouver): initials J. R., not "Junior" of a given-less name
    suffix = ""
    if kinds[-1] == "suffix":
        suffix, tokens, kinds = tokens[-1], tokens[:-1], kinds[:-1]
    elif "suffix" in kinds[1:-1]:
        k = kinds.index("suffix")
        if kinds[k - 1] == "word" and all(kd in ("initial", "caps") for kd in kinds[k + 1:]):
            # "Jacisin III JJ", "King Jr ML" (Vancouver): the suffix between the family name and the initials
            suffix, tokens, kinds = tokens[k], tokens[:k] + tokens[k + 1:], kinds[:k] + kinds[k + 1:]
    if not tokens:
        return None
    # Vancouver / family-first with initials: "Smith JA", "Smith J.A.", "Zhang Y.", "Le Rhun A"
    n_words = 0
    while n_words < len(kinds) and kinds[n_words] in ("word", "particle"):
        n_words += 1
    if (
        1 <= n_words <= 3
        and n_words < len(tokens)
        and kinds[0] == "word"
        and all(k in ("initial", "caps") for k in kinds[n_words:])
        and (n_words == 1 or not any(is_common_word(t) for t in tokens[:n_words]))
        and not is_venue_word(tokens[n_words - 1])
    ):
        return Name(family=" ".join(tokens[:n_words]), given=" ".join(tokens[n_words:]), suffix=suffix), roles, 1.0
    if len(tokens) >= 2 and kinds[0] == "particle" and kinds[-1] in ("initial", "caps") and "word" in kinds:
        i = kinds.index("word")
        fam_end = i + 1
        initials = len(kinds)
        while kinds[initials - 1] in ("initial", "caps"):
            initials -= 1
        if kinds[initials - 1] == "word" and all(k in ("word", "particle") for k in kinds[i:initials]):
            fam_end = initials  # "de Barbosa de Camargo P": the family name runs to the initials
        return Name(family=" ".join(tokens[i:fam_end]), particle=" ".join(tokens[:i]), given=" ".join(tokens[fam_end:]), suffix=suffix), roles, 1.0
    if kinds[0] == "particle" and kinds[-1] == "word" and any(k in ("initial", "caps") for k in kinds[1:-1]):
        return None  # "de la Cruz Pérez M. Growth": a name written family name first ends at its initials
    # "ZHONG Zhihang": a family name in capitals written first
    if len(tokens) >= 2 and tokens[0].isupper() and tokens[0].isalpha() and len(tokens[0]) >= 3 and _VOWEL.search(tokens[0]) and all(k == "word" and not t.isupper() for t, k in zip(tokens[1:], kinds[1:])):
        return Name(family=tokens[0].capitalize(), given=" ".join(tokens[1:]), suffix=suffix), roles, 1.0
    if len(tokens) == 1:
        return None  # a lone word is not a person we can cite
    if kinds[-1] not in ("word",) or is_venue_word(tokens[-1]) or (kinds[0] == "word" and is_venue_word(tokens[0])):
        return None  # "Haskell Symposium", "Compositio Math", "Conference Jane Doe": a venue or a label, not a person
    # given-first: particles are the lower-case run just before the family name
    i = len(tokens) - 1
    j = i
    while j > 1 and kinds[j - 1] == "particle":
        j -= 1
    if 2 <= j < i and all(t in _JOINERS for t in tokens[j:i]) and kinds[j - 1] == "word":
        # "A. Fontcuberta i Morral", "José Ortega y Gasset": "and" inside a double family name
        return Name(family=" ".join(tokens[j - 1:i + 1]), given=" ".join(tokens[:j - 1]), suffix=suffix), roles, (
            1.0 if any(k in ("initial", "caps") for k in kinds) else 0.7)
    if j == i and i >= 2 and kinds[i - 1] == "word" and tokens[i].lower() in lexicon.words("family_suffixes"):
        j = i - 1  # "Pedro Costa Júnior", "J. Silva Filho": the generation mark and the family name before it
        return Name(family=" ".join(tokens[j:i + 1]), given=" ".join(tokens[:j]), suffix=suffix), roles, (
            1.0 if any(k in ("initial", "caps") for k in kinds) or suffix else 0.7)
    given_tokens = tokens[:j]
    if not given_tokens:
        return None
    confidence = 1.0 if any(k in ("initial", "caps") for k in kinds) or suffix else 0.7
    if sum(k not in ("initial", "particle") for k in kinds) > 4:
        confidence = min(confidence, 0.5)
    if any(is_common_word(w) and (k == 0 or w.lower() not in _FUNCTION_WORDS) for k, w in enumerate(tokens) if w in words):
        # a title word makes the "name" doubtful; "An", "Do", "To" inside a name ("Văn An Nguyễn",
        # "Thi To Nga") are no title's: title case writes its function words in lower case
        confidence = min(confidence, 0.5)
    return Name(family=tokens[i], given=" ".join(given_tokens), particle=" ".join(tokens[j:i]), suffix=suffix), roles, confidence


def _family_suffix(tok: str, given: str) -> bool:
    """Is ``tok``, last before the comma of "Family Suffix, Given", a suffix ("Lenzer Jr, J. H.",
    "Evans III, E.L.")? Not capitals that are Vancouver initials: "Lips SR, Molenaar JM", and
    "II", "IV" only before an initial with its full stop ("Petrov IV, Smith K" is Vancouver)."""
    return tok in ("Jr", "Jr.", "Sr", "Sr.", "III") or (tok in ("II", "IV") and re.match(r"\s*[A-Z]\.", given) is not None)


@lru_cache(maxsize=65536)  # a pure function of short strings: a scan pairs the same pieces from several starts, a CV repeats its co-authors
def _inverted(family: str, given: str, roles: tuple[str, ...]) -> tuple[Name, tuple[str, ...], float] | None:
    ftoks = family.split()
    suffix = ""
    if len(ftoks) >= 2 and _family_suffix(ftoks[-1], given):
        suffix, ftoks = ftoks[-1], ftoks[:-1]  # "Lenzer Jr, J. H.": the family name's suffix before the comma
    if not 1 <= len(ftoks) <= 4 or not given:
        return None
    fkinds = [_token_kind(t) for t in ftoks]
    if _caps_family(ftoks):
        fkinds = ["word"] * len(ftoks)  # "DE BRINDEIRO, R. M.": a family name of several words in capitals (ABNT)
    if fkinds[-1] == "caps" and len(ftoks[-1]) >= 2:
        fkinds[-1] = "word"  # "DOE, B."
    if fkinds[-1] != "word" or any(k not in ("word", "particle") for k in fkinds):
        return None
    gparts = [g.strip() for g in given.split(",")]
    if len(gparts) == 2 and gparts[0].lower() in _SUFFIXES and not suffix:
        suffix, given = gparts[0], gparts[1]
    elif len(gparts) > 1:
        return None
    gtoks = _DOT_BEFORE_CAPITAL.sub(" ", given).split()
    if len(gtoks) >= 2 and gtoks[-1] in ("Jr.", "Jr", "Sr.", "Sr") and _token_kind(gtoks[-2]) == "initial" and not suffix:
        suffix, gtoks = gtoks[-1], gtoks[:-1]  # "Silva, J. Jr."
    if not 1 <= len(gtoks) <= 6:
        return None
    gkinds = [_token_kind(t) for t in gtoks]
    if any(k not in ("word", "initial", "caps", "particle") for k in gkinds):
        return None
    lead = 0
    while fkinds[lead] == "particle":
        lead += 1  # "van der Berg": the particles before the family name ("Fávaro de Oliveira" is one name)
    particle = " ".join(ftoks[:lead])
    fam = " ".join(ftoks[lead:])
    trail = len(gtoks)
    while trail > 1 and gkinds[trail - 1] == "particle":
        trail -= 1
    if 0 < trail < len(gtoks) and gkinds[trail - 1] != "particle":
        # "Rocha, Roberta Zanini da", "Beethoven, Ludwig van", "Berg, Jan van den", "Vries, A. de":
        # the particles written after the given name
        particle = " ".join(p for p in (*gtoks[trail:], particle) if p)
        gtoks, gkinds = gtoks[:trail], gkinds[:trail]
    if len(gtoks) > 4:
        return None  # (four given tokens at most, with the particles after them: "Hurk, B. J. J. M. van den")
    if all(is_common_word(w) for w in ftoks + [t for t, k in zip(gtoks, gkinds) if k == "word"]):
        return None
    return Name(family=fam, given=" ".join(gtoks), particle=particle, suffix=suffix), roles, 1.0


#: a family name and its initials (a capitalised word, one to three capitals), two or more of them
#: in a row with only spaces between: Vancouver names whose list left out the commas
_VANCOUVER_PAIR = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž'’]+(?:-[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž'’]+)? [A-Z]{1,3}(?![^\s])")
_SPACED_VANCOUVER = re.compile(rf"(?:{_VANCOUVER_PAIR.pattern}\s+)+{_VANCOUVER_PAIR.pattern}")


def _pieces(text: str) -> list[tuple[int, int]]:
    """(start, end) of the pieces between separators, in order."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _SEPARATOR.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    split: list[tuple[int, int]] = []
    for s, e in out:
        if _SPACED_VANCOUVER.fullmatch(text, s, e):
            # "Satkauskas I Gaertner E Bortolotti P": Vancouver names with no commas between
            split.extend(m.span() for m in _VANCOUVER_PAIR.finditer(text, s, e))
            continue
        lead = _LEADING_ELLIPSIS.match(text, s, e)
        rest = lead.end() + len(text[lead.end():e]) - len(text[lead.end():e].lstrip()) if lead else e
        if lead and rest < e:
            split.extend([(s, lead.end()), (rest, e)])  # "… Heinig": the gap, then the name
        else:
            split.append((s, e))
    return split


def _between_initials(kinds: Sequence[str], k: int) -> bool:
    """Is token ``k`` inside a run of particles with an initial or a word on each side?"""
    a = k
    while a > 0 and kinds[a - 1] == "particle":
        a -= 1
    b = k
    while b + 1 < len(kinds) and kinds[b + 1] == "particle":
        b += 1
    return a > 0 and b + 1 < len(kinds) and kinds[a - 1] in ("initial", "word") and kinds[b + 1] in ("initial", "word")


@lru_cache(maxsize=65536)  # a pure function of short strings; a page repeats its names
def _is_given_piece(text: str) -> bool:
    """A piece that can be the given-name half of ``Last, First``."""
    text, _ = _strip_markers(text)
    stop = _FULL_STOP_THEN_WORD.search(text)
    if stop and stop.group(0).lstrip(". ") not in _PARTICLES:
        return False  # "K. Title": the given name ended at the full stop ("C. del": a particle after it)
    toks = _DOT_BEFORE_CAPITAL.sub(" ", text).split()
    if not 1 <= len(toks) <= 7:
        return False
    kinds = [_token_kind(t) for t in toks]
    if len(toks) >= 2 and toks[-1] in ("Jr.", "Jr", "Sr.", "Sr") and kinds[-2] == "initial":
        toks, kinds = toks[:-1], kinds[:-1]  # "Silva, J. Jr.": the suffix written after the initials
    trail = len(kinds)
    while trail > 1 and kinds[trail - 1] == "particle":
        trail -= 1
    if trail < len(kinds) and kinds[trail - 1] in ("word", "initial"):
        # "Roberta Zanini da", "Jan van den", "A. de": particles after the given name
        toks, kinds = toks[:trail], kinds[:trail]
    inner = [k for k in range(1, len(toks) - 1) if kinds[k] == "particle" and _between_initials(kinds, k)]
    if inner:
        # "R. dos S.", "J. de la C.": the initials of a family name with particles that the
        # list cuts to one family word (APA "Mello, R. dos S." of Ronaldo dos Santos Mello);
        # "Gabriel de Siqueira", "Thiago de Paula": the rest of the name written after the given name
        toks = [t for k, t in enumerate(toks) if k not in inner]
        kinds = [kd for k, kd in enumerate(kinds) if k not in inner]
    if len(toks) > 5:
        return False
    if len(toks) > 3 and not (len(toks) == 4 and all(k == "initial" for k in kinds[1:])):
        return False  # (four when the last three are initials: "J.R.B.F.", "João R. B. F.")
    return all(k in ("initial", "caps") for k in kinds) or (
        # "Felix JS": a given name and the initials of more
        all(k in ("word", "initial") for k in kinds[:1]) and all(k in ("word", "initial", "caps") for k in kinds)
        and not all(is_common_word(t) for t in toks)
    )


@lru_cache(maxsize=65536)  # a pure function of short strings; a page repeats its names
def _given_head(text: str) -> int:
    """The end of the given-name part at the start of ``text`` (0 if none)."""
    if _is_given_piece(text):
        return len(text)
    best = 0
    for m in _HEAD_BREAK.finditer(text[:80]):
        end = m.start() + (1 if text[m.start()] == "." else 0)
        if _is_given_piece(text[:end]):
            best = end
    return best


def _split_at_breaks(text: str, pieces: list[tuple[int, int]], breaks: Sequence[int]) -> tuple[list[tuple[int, int]], set[int]]:
    """``pieces`` cut where a piece's start is a name ending at a markup break between
    words ("<a>Zexiang Xu</a> <a>Xiuming Zhang</a>", "Stephanie Bauer <em>Title</em>"),
    and the indices of the pieces that begin at such a cut."""
    marks = sorted(set(breaks))
    out: list[tuple[int, int]] = []
    styled: set[int] = set()
    for s, e in pieces:
        start = s
        # pieces and marks are both in text order: only the marks inside this piece are looked at
        for b in marks[bisect.bisect_right(marks, s):bisect.bisect_left(marks, e)]:
            if b <= start:
                continue
            if not (text[b - 1].isspace() or text[b].isspace()):
                continue  # inside a word: "<b>Mc</b>Lean"
            head = text[start:b].rstrip()
            rest = b + len(text[b:e]) - len(text[b:e].lstrip())
            if rest >= e or parse_display_name(head) is None:
                continue
            out.append((start, start + len(head)))
            styled.add(len(out))
            start = rest
        out.append((start, e))
    return out, styled


def _caps_family(toks: list[str]) -> bool:
    """Several words all in capitals, one of three letters or more: a family name as ABNT
    (Brazilian) lists write it ("DE BRINDEIRO", "VAN DER BERG", "SANTOS SILVA")."""
    # (a one- or two-letter word last is initials: "WANG J", "LUO JA" in a Vancouver list)
    return len(toks) > 1 and all(t.isalpha() and t.isupper() and len(t) >= 2 for t in toks) and len(toks[-1]) >= 3


def _given_then_name(text: str) -> tuple[int, int] | None:
    """Where a given name at the start of ``text`` ends and a whole second name begins,
    when ``text`` is no given name by itself but initials followed by a short sure name
    ("N. J. Stewart" after "Rosen,": given "N.", then "J. Stewart"); None otherwise.
    Asked only of a piece more names follow (the last piece may run into the title:
    "Doe, C. R. A Study of Things")."""
    stripped = text.rstrip()
    if _is_given_piece(stripped):
        return None
    for m in _HEAD_BREAK.finditer(stripped[:80]):
        end = m.start() + (1 if stripped[m.start()] == "." else 0)
        rest = end + len(stripped[end:]) - len(stripped[end:].lstrip())
        if not _is_given_piece(stripped[:end]) or not all(_token_kind(t) == "initial" for t in _DOT_BEFORE_CAPITAL.sub(" ", stripped[:end]).split()):
            continue
        parsed = parse_display_name(stripped[rest:])
        if parsed is not None and parsed[2] >= 0.9 and not parsed[0].literal and "." in parsed[0].given and len(stripped[rest:].split()) <= 4:
            return end, rest
    return None


@lru_cache(maxsize=65536)  # a pure function of short strings; a page repeats its names
def _single_family(text: str, given: str = "", *, paired: bool = False) -> bool:
    """A piece that can be the family half of ``Last, First``: one word, or a word
    after particles ("van der Berg"; capitalised ones like "Da Costa" only before initials,
    or anywhere when ``paired``: "and" on both sides of ``Last, First`` leaves it no other reading)."""
    text, _ = _strip_markers(text)
    if _CJK.match(text.replace(" ", "")):
        return False
    toks = text.split()
    if len(toks) >= 2 and _family_suffix(toks[-1], given):
        toks = toks[:-1]  # "Lenzer Jr, J. H.", "Evans III, E.L.": the suffix written before the comma
    if not 1 <= len(toks) <= 4:
        return False
    kinds = [_token_kind(t) for t in toks]
    lead = 0
    while lead < len(kinds) - 1 and kinds[lead] == "particle":
        lead += 1
    if lead and len(toks) - lead == 2 and all(k == "word" for k in kinds[lead:]):
        # "dos Santos Mello, R.", "de la Cruz Pérez, M.": particles, then a family name of two
        # words, only before initials (or where "and" on both sides pairs it)
        given_toks = _DOT_BEFORE_CAPITAL.sub(" ", _strip_markers(given)[0]).split()
        return paired or (bool(given_toks) and _token_kind(given_toks[0]) in ("initial", "caps"))
    if len(toks) > 3:
        return False
    if _caps_family(toks):
        kinds = ["word"] * len(toks)  # "DE BRINDEIRO", "VAN DER BERG" before ", R. M." (ABNT)
    particles = all(t.lower() in _PARTICLES or k == "particle" for t, k in zip(toks[:-1], kinds))  # ("d'Albuquerque e Castro")
    if toks[0] == "The" or _ORGANISATION_SUFFIX.search(text):
        return False
    if len(toks) == 2 and kinds == ["word", "word"] and toks[1].lower() in lexicon.words("family_suffixes") and given:
        return True  # "Silva Filho, João", "Costa Neto, Pedro": a generation mark ends a family name
    if len(toks) > 1 and toks[0][0].isupper():
        # "Da Costa, M.", "Serrano Ramon, B.": a two-word family name, only before initials
        given_toks = _DOT_BEFORE_CAPITAL.sub(" ", _strip_markers(given)[0]).split()
        initials_next = bool(given_toks) and _token_kind(given_toks[0]) in ("initial", "caps")
        particles = (initials_next or paired) and all(k in ("word", "particle") for k in kinds)
    if kinds[-1] == "caps" and len(toks[-1]) >= 2:
        # "DOE, B.", "LI, X.": a short family name in capitals before initials
        given_toks = _strip_markers(given)[0].split()
        caps_family = bool(given_toks) and all(_token_kind(t) == "initial" for t in _DOT_BEFORE_CAPITAL.sub(" ", " ".join(given_toks[:3])).split()[:1])
        return caps_family and particles and all(k in ("word", "particle") for k in kinds[:-1])
    return kinds[-1] == "word" and all(k in ("word", "particle") for k in kinds[:-1]) and particles


def scan_authors(text: str, bold: Sequence[bool] | None = None, breaks: Sequence[int] = ()) -> AuthorList:
    """Read the longest prefix of ``text`` that is an author list.

    ``bold`` (one flag per character of ``text``) marks highlighted characters:
    a name shown in bold gets the role ``highlight``. ``breaks`` are the offsets where
    the markup changes (a link, italics or bold starts or ends): a name never runs across
    one, so two linked names with no comma between are two names, and a name written
    right before an italic title ends where the italics start. Returns an empty
    :class:`AuthorList` (``end == 0``) when ``text`` does not start with a name.

    The reading depends on the text, its bold flags and breaks only, and an item's text
    is scanned from several starts, a CV repeats its co-author lists and a page lists a
    paper twice: readings are memoised for the document being read (the result is
    frozen, so sharing it is safe; :func:`forget` drops them).

    A spaced bullet ends the list: cards write "Doe J, Roe K • Journal, 2024 • Article", the
    bullet between fields, never inside a name list."""
    bullet = _FIELD_BULLET.search(text)
    if bullet:
        text = text[:bullet.start()]
        bold = None if bold is None else bold[:bullet.start()]
        breaks = [b for b in breaks if b < bullet.start()]
    return _scan_authors(text, None if bold is None else bytes(bold), tuple(breaks))


_FIELD_BULLET = re.compile(r"\s•\s")


def forget() -> None:
    """Drop the memoised author lists (the HTML reader calls it before and after each
    document, as :func:`refkit.extraction.confidence.forget`: keys are whole item texts)."""
    _scan_authors.cache_clear()
    _SEEN.inverted = _SEEN.direct = 0


@lru_cache(maxsize=256)  # repeats come close together (one item scanned from several starts): 256 catch them all
def _scan_authors(text: str, bold: bytes | None, breaks: tuple[int, ...]) -> AuthorList:
    """The memoised reading of :func:`scan_authors`."""
    return _scan(text, bold, breaks, check=True)


def _scan(text: str, bold: Sequence[bool] | bytes | None, breaks: Sequence[int], *, check: bool) -> AuthorList:
    """:func:`scan_authors`; ``check``: also ask whether an inverted first name is rather the
    end of what precedes a list written given name first (asked once, not of the rest)."""
    lead = _LEADING_LABEL.match(text)
    if lead and is_venue_word(lead.group(1)) and not (lead.group(1).isupper() and _caps_first_list(text, _pieces(text))):
        # (a capital word opening a list written "FAMILY Given" is a family name: "RA Yong-Ho, LEE Cheul-Ro")
        # "Conference Jane Doe and John Roe": a label of the item's kind before the names
        listed = _scan_authors(text[lead.end():], bold[lead.end():] if bold is not None else None,
                               tuple(b - lead.end() for b in breaks if b > lead.end()))
        if listed:
            return AuthorList(listed.names, listed.roles, lead.end() + listed.end, listed.confidence)
    pieces = _pieces(text)
    styled: set[int] = set()  # pieces that start at a markup break inside a piece: names only, never cut
    if breaks:
        pieces, styled = _split_at_breaks(text, pieces, breaks)
    names: list[Name] = []
    roles: list[tuple[str, ...]] = []
    confidences: list[float] = []
    end = 0
    i = 0
    # decide once whether this list is written "Last, First" (APA/MLA style)
    inverted = False
    # "García Márquez, Ana; Zhang, Yi": a semicolon between people, a comma inside each, so the
    # words before the comma are one family name, as long as it may be
    by_semicolon = len(pieces) >= 3 and _COMMA.fullmatch(text, pieces[0][1], pieces[1][0]) is not None and _SEMICOLON.fullmatch(text, pieces[1][1], pieces[2][0]) is not None
    # the document's lists so far start "Family, Given" (Chicago, MLA, APA): so does this one
    # ("Rodríguez Pérez, María José, Pieter ter Horst, and …")
    # (only when the first piece opens with no word that is only a given name, "Mario Sainz", and the
    # second can be nothing but given names: "María José", not "Logan Ward")
    paired_first = by_semicolon or (len(pieces) >= 2 and _SEEN.prefers_inverted() and _no_given_first(text[pieces[0][0]:pieces[0][1]])
                                    and _only_given(text[pieces[1][0]:pieces[1][1]]))
    if len(pieces) >= 2 and _comma_between(text, pieces, 0) and _given_head(text[pieces[1][0]:pieces[1][1]]) and _single_family(
            text[pieces[0][0]:pieces[0][1]], text[pieces[1][0]:pieces[1][1]], paired=paired_first):
        inverted = True
    if ";" in text[: (pieces[1][0] if len(pieces) > 1 else len(text))] and "," in text[pieces[0][0]:pieces[0][1]] if pieces else False:
        inverted = False
    vancouver = False
    resplits = 0
    first_used = 0  # pieces the first name took: 2 when written "Family, Given"
    caps_first = False  # a name written "ZHONG Zhihang" (family name first, in capitals) was read
    caps_last = False  # a name written "Yu-Wen HUANG" (given name first, the family name in capitals)
    # a name written "WANG J" (Vancouver, the family name in capitals) was read, or the list
    # opens with two names so written ("HAN K; TAO M")
    caps_vancouver = len(pieces) >= 2 and all(_CAPS_PAIR.match(text, ps, pe) for ps, pe in pieces[:2])
    # "LAGOS Maureen J., TRÜGLER Andreas et BATSON Philip E.": the list writes each family name
    # first in capitals, so every piece so shaped is read that way, initials after it or not
    caps_list = _caps_first_list(text, pieces)
    inverted = inverted and not caps_list  # ("RA Yong-Ho, NAVAMATHAVAN R.": no "Family, Given" pair)
    gap: tuple[Name, tuple[str, ...], float, int] | None = None  # an ellipsis not yet followed by a name
    # a name after the first was written given name first ("Morgan, G, K Ogawa, Kenji Hiruma, H
    # Kakibayashi": only the first is inverted): a piece that is a whole name is one name, not the
    # family half of "Last, First"
    direct_after = False
    family_first = False  # a name written "Family Given particles" was read
    direct = 0  # names read so far that were written given name first
    # names read so far as "Family, Given" pairs: when every name was, a list of such pairs
    # ("Almeida, Caléo Panhoca, Carvalho Paulino, Jean Fausto, …") reads a piece of two
    # capitalised words before one of given names only as a family name of two words
    pairs = 0
    while i < len(pieces):
        s, e = pieces[i]
        piece = text[s:e]
        parsed = None
        used = 1
        pe = e
        if inverted and i + 1 < len(pieces) and _comma_between(text, pieces, i) and not (direct_after and parse_display_name(piece)) and _single_family(
                piece, text[pieces[i + 1][0]:pieces[i + 1][1]],
                paired=_and_paired(text, pieces, i) or (i == 0 and paired_first) or (by_semicolon and _semicolon_after(text, pieces, i + 1))
                or (names != [] and pairs == len(names) and _COMMA.fullmatch(text, e, pieces[i + 1][0]) is not None and _pair_rhythm(
                    piece, text[pieces[i + 1][0]:pieces[i + 1][1]], text[pieces[i + 2][0]:pieces[i + 2][1]] if i + 2 < len(pieces) else "", names))):
            gs, ge = pieces[i + 1]
            # (only when a name may follow: "Doe, J. A. Pulmonary receptors and the lung" is one
            # name and a title, its "and" no separator of names)
            more = i + 2 < len(pieces) and text[pieces[i + 2][0]:pieces[i + 2][1]].lstrip("&*†‡ ")[:1].isupper()
            split = None
            if i + 2 < len(pieces) and resplits < 64 and _only_initials(text[pieces[i + 2][0]:pieces[i + 2][1]]):
                # "Karakasheva, R. B. Topal, A.", "Jackson, A. Sheyko, A., Marti, P.": the piece after
                # is initials alone, so the word before it is their family name, the comma left out
                split = _initials_then_family(text[gs:ge], text[pieces[i + 2][0]:pieces[i + 2][1]])
            if split is None:
                split = _given_then_name(text[gs:ge]) if more and resplits < 64 else None
            if split is None and names and i + 2 < len(pieces) and resplits < 64:
                # "Holtzman, N. Steinschneider, S. Herman, J.", "Hum, RS Kaufman, DR": the comma
                # after the initials left out; the word after them is the next family name, whose
                # initials open the piece after it (once whole names before showed the list's style:
                # "Np, M. Ortiz, C. Brandt" may be a list written given name first)
                split = _initials_then_family(text[gs:ge], text[pieces[i + 2][0]:pieces[i + 2][1]])
            if split:
                # "Rosen, N. J. Stewart, & O. Sammons": the comma after the inverted first name
                # left out; the given name's initials end where a whole name begins
                pieces[i + 1:i + 2] = [(gs, gs + split[0]), (gs + split[1], ge)]
                ge = gs + split[0]
                resplits += 1  # (a list can be cut so only a bounded number of times: linear)
            given_end = _given_head(text[gs:ge])
            if not given_end and len(names) >= 2 and all(_initials_only(n) for n in names):
                # "Carlo, L., Bakken, S., Kanter, AS Towards a Tool …": the list gives initials
                # only, so the initials of its last name end before the title's first word
                lead = _CAPS_INITIALS_THEN_WORD.match(text, gs, ge)
                given_end = lead.end() - gs if lead else 0
            if given_end:
                g_text, g_roles = _strip_markers(text[gs:gs + given_end])
                parsed = _inverted(_strip_markers(piece)[0], g_text, tuple(dict.fromkeys(_strip_markers(piece)[1] + g_roles)))
                used, pe = 2, gs + given_end
        if parsed is None:
            suffix = _NAME_SUFFIX.match(piece)
            if names and suffix and not names[-1].suffix and not names[-1].literal and not names[-1].is_others:
                last = names[-1]
                names[-1] = Name(family=last.family, given=last.given, particle=last.particle, suffix=suffix.group(0))
                end = s + suffix.end()
                i += 1
                if end < e:
                    break
                continue
            pair = _CAPS_PAIR.match(piece) if caps_vancouver else None
            shaped = (_caps_first_name(piece, strict=False) if caps_list
                      else _vancouver_name(piece, inside=i + 1 < len(pieces)) if vancouver else None)
            if shaped is None and caps_list:
                # "… et BATSON Philip E. Mapping …": the last name ends at a full stop, the title after it
                for stop in _FULL_STOP_SPACE.finditer(piece, 0, 120):
                    before = _caps_first_name(piece[:stop.start() + 1], strict=False)
                    if before is None:
                        break
                    shaped, head_end = before, stop.start() + 1
                if shaped is not None:
                    e = s + head_end
            if shaped is not None:
                parsed, pe = shaped, e
            elif pair:
                # "WANG J; LUO J; LI X. Title": a list writing family names in capitals before the
                # initials makes a short capital word before an initial a family name, not initials
                parsed, pe = (Name(family=pair.group(1), given=pair.group(2)), (), 1.0), s + pair.end(2)
            else:
                parsed = parse_display_name(piece)
            used = 1
            title_after = (_INITIALS_THEN_TITLE if vancouver else _CAPS_INITIALS_THEN_TITLE).search(piece) if parsed is not None and not pair and shaped is None else None
            if title_after:
                # "Doe B. Deep Learning …": in a Vancouver list the name ends at the full stop
                # ("Doe A. B. Deep …": the one after the last initial)
                heads = _name_heads(piece)
                head = title_after.end(1) if title_after.end(1) in heads else heads[0] if heads else 0
                if head and _is_vancouver(piece[:head]):
                    parsed = parse_display_name(piece[:head])
                    pe = s + head
        if parsed is None and not names and i + 1 < len(pieces) and _ET_AL_START.match(text, pieces[i + 1][0]):
            # "Lillo-Box et al.", "Faria et al, 2022": a family name alone before "et al." is a
            # reference to a list by its first author
            parsed = _lone_family(piece)
        if parsed is None and not inverted and names and i + 1 < len(pieces) and _comma_between(text, pieces, i):
            # "Rice TW, Lu M, and Blackstone, E.H.": a family name alone, then its initials alone
            # (neither is a name by itself), in a list written otherwise
            gs, ge = pieces[i + 1]
            given_end = _given_head(text[gs:ge])
            given = _strip_markers(text[gs:gs + given_end])[0]
            if given and all(_token_kind(t) in ("initial", "caps") for t in _DOT_BEFORE_CAPITAL.sub(" ", given).split()) and _single_family(piece, given):
                parsed = _inverted(_strip_markers(piece)[0], given, _strip_markers(piece)[1])
                if parsed is not None:
                    used, pe = 2, gs + given_end
        if parsed is None and names and i + 1 < len(pieces) and _CONJUNCTION.fullmatch(text, e, pieces[i + 1][0]):
            # "Soda M, Fontcuberta i Morral A, Zweck J": a piece that is no name, then a bare "and"
            # of another language: the word is inside a family name ("Fontcuberta i Morral")
            joined = text[s:pieces[i + 1][1]]
            parsed = (_vancouver_name(joined, inside=True) if vancouver else None) or parse_display_name(joined)
            if parsed is not None:
                used, pe = 2, pieces[i + 1][1]
        if parsed is None and i in styled:
            break  # what follows a name at a markup break (an italic title) is no name
        if parsed is None:
            # the list ends inside this piece: "Lee K. Title …", "K. King (2020) …", "Doe: Title"
            heads = _name_heads(piece)
            # in a Vancouver list ("Hille F, Charpentier E. CRISPR-Cas: …") the name ends
            # at the first full stop; elsewhere ("Andrew Y. Ng: Title") at the last break
            head_end = (_vancouver_head(piece, heads) if vancouver else heads[-1]) if heads else 0
            if heads and not vancouver and _TRAILING_CAPS_INITIALS.search(piece[:heads[0]]) and _is_vancouver(piece[:heads[0]]):
                head_end = heads[0]  # "Smith JA. Graphene Transistors": two-letter initials end a Vancouver name
            if head_end:
                parsed = parse_display_name(piece[:head_end])
                pe = s + head_end
            lone = _YEAR_AFTER_NAME.match(piece) if parsed is None and inverted and names else None
            if lone:
                # "Guzmán, JA., Rodríguez-Corrales (2014) Title": in a list written "Family, Given",
                # a family name alone right before the year in brackets is the last author, who is
                # shown without initials (the year after the names is where the list ends)
                parsed, pe = _lone_family(lone.group(1)), s + lone.end(1)
        if parsed is not None and parsed[2] < 0.7 and confidences and min(confidences) >= 0.9 and not _sure_name_next(text, pieces, i + used, pe):
            # "M. A. Hines, Solid State Phenom. 195": after sure names, a "name" made with title
            # words is where the list ended and the venue began (real names are sure: 6,300 of
            # 6,322 names in the gold of our real sets read at 0.7 or more); one with sure names
            # on both sides is inside the list
            parsed = None
        if parsed is not None and gap is not None and parsed[2] < min([0.9, *confidences]):
            # after a gap only a sure name continues the list, or one as sure as the names
            # before it ("Ana Ortiz, Kai Brandt, …, Lena Voss": full names all through)
            parsed = None
        if parsed is None and len(names) >= 3 and min(confidences) >= 0.7 and _sure_names_follow(text, pieces, i + 1, min(0.9, *confidences)):
            # "…, B. Poulter, M.a Aurela, D. Baldocchi, …", "Ma. Carmelita R. Alberto": a piece no
            # name reads, with sure names on both sides, is a name written awry (a typo, an
            # abbreviated given name), not where the list ends
            parsed = _awry_name(piece)
        if parsed is None and len(names) >= 2 and min(confidences) >= 0.7 and _sure_names_follow(text, pieces, i + 1, min(0.9, *confidences), count=1):
            # "…, Andreas Rudolph, Marcello Soda, Anna …": a known given name, then a family name
            # that is also a venue word, between sure names, is a name, not where the list ended
            parsed = _given_known_name(piece)
        if parsed is None:
            break
        name, r, conf = parsed
        if name.is_others and names and i + used < len(pieces) and _ELLIPSIS.fullmatch(piece.strip()):
            gap = (name, r, conf, pe)  # kept only if no name follows: then it ends the list
            i += used
            continue
        gap = None
        if (used == 1 and names and direct == len(names) and not vancouver and not inverted and not name.literal
                and _DIGRAPH_LAST.fullmatch(name.given) and name.given.endswith(".") and not name.particle
                and text[s:pe].split() == [name.family, name.given] and len(name.family) >= 2):
            # "Wei Zhang, Jun Zhu, and Yang Yu. Title": in a list written given name first, a last
            # "Yang Yu." is one more such name before the full stop, not "Yang" with an initial "Yu."
            name = Name(family=name.given.rstrip("."), given=name.family)
        if used == 1 and not name.literal and not name.is_others and name.given and text[s:pe].lstrip().startswith(name.given.split()[0]) \
                and not text[s:pe].lstrip().startswith(name.family):
            direct += 1  # a name written given name first
        vancouver = vancouver or (used == 1 and _is_vancouver(text[s:pe]))
        caps_first = caps_first or (used == 1 and bool(_CAPS_FIRST.match(text, s, pe)))
        if used == 1 and not name.literal and name.family.isupper() and len(name.family) >= 3 and _VOWEL.search(name.family):
            # (not in a list of "Family INITIALS": "Bakkers EPAM" there is no "EPAM", given "Bakkers")
            caps_last = caps_last or (bool(name.given) and not vancouver and text[s:pe].lstrip().startswith(name.given.split()[0]))
            caps_vancouver = caps_vancouver or (vancouver and text[s:pe].lstrip().startswith(name.family))
        if used == 1 and name.particle and not family_first:
            demoted = _demoted_particle(_strip_markers(text[s:pe])[0])
            # "Berg Jan van den": particles after whole given names prove the list writes its
            # family names first ("Kovács Béla, Horst Pieter ter et D'Angelo Luca")
            family_first = demoted is not None and all(_token_kind(w) == "word" for w in demoted[0].split())
        if bold is not None and _mostly(bold, s, pe):
            r = tuple(dict.fromkeys(r + ("highlight",)))
        if inverted and names and used == 1 and pe == e and name.given and not name.literal and not vancouver:
            direct_after = direct_after or text[s:pe].lstrip().startswith(name.given.split()[0]) and not text[s:pe].rstrip().endswith(name.given)
        names.append(name)
        roles.append(r)
        confidences.append(conf)
        pairs += used == 2
        end = pe
        first = i
        if not names[:-1]:
            first_used = used
        i += used
        if name.is_others or pe < pieces[i - 1][1] or (used == 2 and pe < pieces[i - 1][1]):
            break
        if i < len(pieces) and first > 0 and _closes_list(text, pieces, first, i):
            break
    if gap is not None:
        names.append(gap[0])
        roles.append(gap[1])
        confidences.append(gap[2])
        end = gap[3]
    if not names or all(n.is_others for n in names):
        return AuthorList((), (), 0, 0.0)
    if caps_last:
        # "Chao-Hung WANG, Shang-En WU": the list writes family names last in capitals, so a
        # two-letter capital word after a given name is a family name too, not initials
        names = [Name(family=n.given, given=n.family, suffix=n.suffix)
                 if _CAPS_SHORT_FAMILY.fullmatch(n.given) and not n.particle and not n.literal and not n.family.isupper() else n for n in names]
    if caps_first:
        # "ZHANG San, LI Wei": the list writes family names first in capitals, so a two-letter
        # one ("LI", "WU", "HE") is a family name too, not initials
        names = [Name(family=n.given.capitalize(), given=n.family, suffix=n.suffix)
                 if _TWO_CAPS.fullmatch(n.given) and not n.particle and not n.literal and not n.family.isupper() else n for n in names]
    if family_first and not inverted and not vancouver:
        # the list writes family names first: a name of whole words read given name first is
        # the other way round ("Kovács Béla": family name Kovács)
        names = [Name(family=(n.given.split() + [n.family])[0], given=" ".join((n.given.split() + [n.family])[1:]), suffix=n.suffix)
                 if n.given and not n.particle and not n.literal and not n.is_others
                 and all(_token_kind(t) == "word" for t in n.given.split()) else n for n in names]
    if check and inverted and len(names) == 1 and len(pieces) >= 3 and end < pieces[1][1]:
        # "… for Ac = U, Np, M. Garcia–Hernández, C. Lauterbach, …": "Np, M." read as one
        # inverted name stops inside the next piece, where a sure list written given name
        # first begins: the word before the comma is no family name (the list starts later)
        rest = _scan(text[pieces[1][0]:], None, (), check=False)
        if len([n for n in rest.names if not n.is_others]) >= 2 and rest.confidence >= 0.9:
            return AuthorList((), (), 0, 0.0)
    if vancouver:
        # the full stop after the last "Doe B." ends the list, it is not part of the initials
        names = [Name(family=n.family, given=n.given[:-1], particle=n.particle, suffix=n.suffix)
                 if _VANCOUVER_INITIALS_DOT.fullmatch(n.given) and not n.literal else n for n in names]
    real = [c for n, c in zip(names, confidences) if not n.is_others]
    confidence = min(real) if real else 0.0
    if len(real) >= 2:
        confidence = min(1.0, sum(real) / len(real) + 0.3)
    if len(real) == 1 and names[-1].is_others:
        confidence = max(confidence, 0.9)
    if check and len(real) >= 2 and confidence >= 0.9:
        _SEEN.count(inverted and first_used == 2, not inverted and first_used == 1 and not vancouver and not caps_first)
    return AuthorList(tuple(names), tuple(roles), end, confidence)


@dataclass
class _Formats:
    """How the author lists of the document being read so far write their first name:
    "Family, Given" or "Given Family", counted over the sure lists of two names or more.
    A list whose first name is ambiguous ("Rodríguez Pérez, María José, …": one person or
    two?) is read the way the document writes the others. :func:`forget` starts anew."""

    inverted: int = 0
    direct: int = 0

    def count(self, inverted: bool, direct: bool) -> None:
        self.inverted += inverted
        self.direct += direct

    def prefers_inverted(self) -> bool:
        return self.inverted >= 3 and self.inverted >= 4 * self.direct


_SEEN = _Formats()
_SEMICOLON = re.compile(r"\s*;\s*")


def _no_given_first(piece: str) -> bool:
    """Does ``piece`` open with a word that can be a family name (not one known only as a given name)?"""
    words = _strip_markers(piece)[0].split()
    return bool(words) and not (words[0].lower() in lexicon.words("given_names") and words[0].lower() not in lexicon.words("family_names"))


def _only_given(piece: str) -> bool:
    """Is ``piece`` given names through to its end, its last word no known family name
    ("María José", "Ana"; not "Logan Ward", "Jonah Z. Vilseck")?"""
    text = _strip_markers(piece)[0]
    words = text.split()
    return bool(words) and _given_head(text) == len(text) and words[-1].lower() not in lexicon.words("family_names")


def _pair_rhythm(piece: str, following: str, after: str, names: list[Name]) -> bool:
    """In a list read so far as "Family, Given" pairs only, is ``piece`` a family name of words
    and ``following`` its given names ("…, Carvalho Paulino, Jean Fausto, Bonfante, …")? The
    words are no title's or venue's; the given names are one word alone (which no name is) or
    known given names only ("Jean Fausto", not "Pietro Bortolotti": "Feil, Roland, Nikhar Abbas,
    Pietro Bortolotti" writes the names after the first given name first); what comes after them
    is no name written given name first ("Nick Johnson"); and they are written as the names
    before wrote theirs: whole words after whole words, not "Nature" after "J." and "K."."""
    family = _strip_markers(piece)[0].split()
    given = _strip_markers(following)[0]
    head = _given_head(given)
    if head < len(given.rstrip()) and _ends_with_initial(given[:head]):
        return False  # "Bryan C. Carstens": initials, then a family name: a whole name
    given = given[:head].rstrip(". ")  # (the last name's given names run into the title: "Guilherme. VIEWpoly")
    words = given.split()
    if not family or not words or any(is_common_word(w) or is_venue_word(w) for w in family + words) or not _no_given_first(piece):
        return False
    known = lexicon.words("given_names")
    if not ((len(words) == 1 and _given_head(given) == len(given))
            or (_only_given(given) and all(w.lower() in known or _token_kind(w) in ("initial", "caps") for w in words))):
        return False
    if len(after.split()) > 1 and not _no_given_first(after):
        return False
    whole = _token_kind(words[0]) == "word"
    return all((_token_kind(n.given.split()[0]) == "word") == whole for n in names if n.given)


def _semicolon_after(text: str, pieces: list[tuple[int, int]], k: int) -> bool:
    """Does a semicolon, "et al." or the end of the list follow ``pieces[k]``?"""
    return k + 1 >= len(pieces) or ";" in text[pieces[k][1]:pieces[k + 1][0]] or _ET_AL_START.match(text, pieces[k + 1][0]) is not None


_ET_AL_START = re.compile(r"(?:et\.?\s*al|u\.\s?a|et\s+coll?|and\s+others|и\s+др)\b", re.I)
_CAPS_SHORT_FAMILY = re.compile(r"[A-Z][AEIOUY]|[AEIOUY][A-Z]|[A-Z]{2}(?<=WU|NG)|[A-Z]{3}(?<=[AEIOUY]..|.[AEIOUY].|..[AEIOUY])")
_CAPS_PAIR = re.compile(r"\s*([A-Z]{2,3})\s+([A-Z]{1,2})\.?(?=[\s,;.]|$)")
_CAPS_FIRST = re.compile(r"\s*[A-Z]{3,}\s+[A-Z][a-z]")
_TWO_CAPS = re.compile(r"[A-Z][AEIOUY]|[AEIOUY][A-Z]|[A-Z]{2}(?<=WU|NG)")
_LEADING_LABEL = re.compile(r"([A-Z][A-Za-z]+)\s+(?=[A-Z])")
_BARE_AND = re.compile(r"\s*(?:and|&)\s*")
_COMMA = re.compile(r"\s*,\s*")
_AND = re.compile(r"\b(?:and|und|et)\b|&", re.I)


_CAPS_WORD = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ŽА-Я]+(?:['’\-\u2010\u2011][A-ZÀ-ÖØ-ÞĀ-ŽА-Я]+)*")
_CAPS_JOINER = frozenset("I E Y DE DA DO DOS DAS DEL DELLA DI DU VAN VON DER DEN TER LA LE".split())


def _caps_case(word: str) -> str:
    """A family name written in capitals, in the case the person writes it: "SANCHEZ-SOARES" ->
    "Sanchez-Soares", "D'ALBUQUERQUE" -> "d'Albuquerque", "I" (Catalan "and") -> "i"."""
    if word in _CAPS_JOINER:
        return word.lower()
    out = re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), word)
    return "d" + out[1:] if out[:2] in ("D'", "D’") and len(out) > 3 else out


def _caps_first_name(piece: str, *, strict: bool) -> tuple[Name, tuple[str, ...], float] | None:
    """A name written family name first in capitals, the given name after it, as a whole piece:
    "LAGOS Maureen J.", "FONTCUBERTA I MORRAL Anna", "NAVAMATHAVAN R.", "EL-DESOUKI Munir M.".
    ``strict``: the given part must hold a word in lower case (the shape that tells a list
    written so; a list already known to be written so may give initials only)."""
    text, roles = _strip_markers(piece)
    toks = text.split()
    if not 2 <= len(toks) <= 8:
        return None
    k = 0
    while k < len(toks) and _CAPS_WORD.fullmatch(toks[k]) and (len(toks[k]) >= 2 or (0 < k and toks[k] in _CAPS_JOINER)):
        k += 1
    while k > 1 and toks[k - 1] in _CAPS_JOINER and len(toks[k - 1]) <= 2:
        k -= 1  # ("SODA I": a joiner ends no family name)
    given = toks[k:]
    if k == 0 or k > 4 or not 1 <= len(given) <= 4:
        return None
    if strict and not any(len(t) >= 3 and _CAPS_VOWEL.search(t) for t in toks[:k]) and not (
            _CAPS_VOWEL.search(toks[0]) and (len(given) >= 2 or "-" in given[0])):
        # (to tell a list, a capital word of three letters, or of two before a given name of two
        # parts: "RA Yong-Ho", "HO Jian-Wei"; "GE Hinton", "JO Zerbino" are initials, then the family name)
        return None
    kinds = [_token_kind(t) for t in _DOT_BEFORE_CAPITAL.sub(" ", " ".join(given)).split()]
    if any(kd not in ("word", "initial", "caps") for kd in kinds) or kinds[0] == "caps" and len(given[0]) > 1:
        return None
    words = [t for t in given if any(c.islower() for c in t)]
    if any(given[j - 1].endswith(".") and (any(c.islower() for c in given[j]) or _token_kind(given[j - 1]) == "word") for j in range(1, len(given))):
        return None  # "WANG Yi. Title", "BATSON Philip E. Mapping": the full stop ended the name
    if strict and not words or any(is_common_word(w) or is_venue_word(w) for w in words):
        return None
    family = " ".join(_caps_case(t) for t in toks[:k])
    return Name(family=family, given=" ".join(given)), roles, 1.0


_INITIALS_THEN_WORD = re.compile(r"\s*[B-DF-HJ-NP-TV-Z]{1,3}\s+[A-Z][a-z][^\s,;]*\s*")
_CAPS_VOWEL = re.compile(r"[AEIOUYÀ-ÆÈ-ÏÒ-ÖØ-ÜÝĀĂĄĒĔĖĘĚĪĮŌŐŒŪŮŰ]")
_FULL_STOP_SPACE = re.compile(r"\.\s")
_CONJUNCTION = re.compile(r"\s+(?:y|e|i|и|og|och|és)\s+")
_VANCOUVER_NAME = re.compile(r"\s*([^\W\d_][^\s,;.]*(?:\s+[^\W\d_][^\s,;.]*)?)\s+([A-Z]{1,4})\s*")


def _vancouver_name(piece: str, *, inside: bool) -> tuple[Name, tuple[str, ...], float] | None:
    """In a list whose names so far were written "Family INITIALS" (Vancouver), a piece so
    shaped is one more, its initials as many as four ("Bakkers EPAM": no given name "Bakkers"
    before a family name "EPAM"). ``inside``: more pieces follow, so a family name that is
    also a venue word ("Soda M") is a name too."""
    text, roles = _strip_markers(piece)
    demoted = _demoted_particle(text)
    m = _VANCOUVER_NAME.fullmatch(demoted[0] if demoted else text)
    if m is None:
        return None
    family = m.group(1).split()
    if any(_token_kind(t) not in ("word", "particle") for t in family) or family[-1].isupper() or (not inside and is_venue_word(family[-1])):
        return None
    return Name(family=m.group(1), given=m.group(2), particle=demoted[1] if demoted else ""), roles, 1.0


def _caps_first_list(text: str, pieces: list[tuple[int, int]]) -> bool:
    """Does the list write every name "FAMILY Given" ("SHEN Chao, LEE Changmin et OOI Boon S.")?
    The first piece is a whole name so written, a given name in lower case after the capitals,
    and so is another of the first three (initials may stand for its given name)."""
    if len(pieces) < 2 or _caps_first_name(text[pieces[0][0]:pieces[0][1]], strict=True) is None:
        return False
    if len(text[pieces[0][0]:pieces[0][1]].split()[0]) <= 2 and any(_INITIALS_THEN_WORD.fullmatch(text, s, e) for s, e in pieces[:3]):
        return False  # "JO Zerbino; LM Gassa": capitals before one word are initials in this list
    return any(_caps_first_name(text[s:e], strict=False) is not None for s, e in pieces[1:3])


def _only_initials(piece: str) -> bool:
    """Is ``piece`` initials and nothing else ("A.", "J. R.", "JA")?"""
    toks = _DOT_BEFORE_CAPITAL.sub(" ", _strip_markers(piece)[0]).split()
    return bool(toks) and len(toks) <= 4 and all(_token_kind(t) in ("initial", "caps") for t in toks)


def _initials_then_family(given: str, following: str) -> tuple[int, int] | None:
    """Where the initials at the start of ``given`` end and a family name begins, when ``given``
    is initials then one word and ``following`` opens with initials (that family name's)."""
    stripped = given.rstrip()
    cut = stripped.rfind(" ")
    if cut <= 0:
        return None
    head, word = stripped[:cut].rstrip(), stripped[cut + 1:]
    toks = _DOT_BEFORE_CAPITAL.sub(" ", head).split()
    if not toks or len(toks) > 4 or not all(_token_kind(t) in ("initial", "caps") for t in toks):
        return None
    if _token_kind(word) != "word" or is_common_word(word) or is_venue_word(word) or len(word) < 2:
        return None
    nxt = _DOT_BEFORE_CAPITAL.sub(" ", _strip_markers(following)[0]).split()
    if not nxt or _token_kind(nxt[0]) not in ("initial", "caps"):
        return None
    return len(head), cut + 1


# a piece that opens with a lone word or two and then the year in brackets: "Rodríguez-Corrales (2014)"
_YEAR_AFTER_NAME = re.compile(r"\s*([^\W\d_][^\s()\[\]]*(?:\s[^\W\d_][^\s()\[\]]*)?)\s*[(\[](?:1[89]|20)\d\d[a-z]?[)\]]")


def _lone_family(piece: str) -> tuple[Name, tuple[str, ...], float] | None:
    """A piece that is one family name alone ("Lillo-Box", "van Dyke"), no title or venue word."""
    text, roles = _strip_markers(piece)
    toks = text.split()
    if not 1 <= len(toks) <= 3:
        return None
    kinds = [_token_kind(t) for t in toks]
    if kinds[-1] != "word" or any(k != "particle" for k in kinds[:-1]) or is_common_word(toks[-1]) or is_venue_word(toks[-1]):
        return None
    return Name(family=toks[-1], particle=" ".join(toks[:-1])), roles, 0.9


_CAPS_INITIALS_THEN_WORD = re.compile(r"[A-Z]{1,3}(?=\s+[A-Z][a-z])")


def _initials_only(name: Name) -> bool:
    """Is the given part of ``name`` initials only ("L.", "A. B.", "JA")?"""
    toks = _DOT_BEFORE_CAPITAL.sub(" ", name.given).split()
    return bool(toks) and not name.literal and all(_token_kind(t) in ("initial", "caps") for t in toks)


def _sure_names_follow(text: str, pieces: list[tuple[int, int]], nxt: int, sure: float, count: int = 2) -> bool:
    """Are ``pieces[nxt:nxt + count]`` each a name, whole, read at least as ``sure``?"""
    if nxt + count > len(pieces):
        return False
    for s, e in pieces[nxt:nxt + count]:
        parsed = parse_display_name(text[s:e])
        if parsed is None or parsed[2] < sure or parsed[0].is_others or parsed[0].literal:
            return False
    return True


def _awry_name(piece: str) -> tuple[Name, tuple[str, ...], float] | None:
    """A piece read as a name whatever its given part looks like: a few capitalised tokens,
    one with a full stop before the last, no digit, the last a word that is neither a title
    nor a venue word (its family name)."""
    text, roles = _strip_markers(piece)
    toks = text.split()
    if not 2 <= len(toks) <= 5 or any(c.isdigit() for c in text):
        return None
    if not all(t[0].isupper() or t in _PARTICLES for t in toks) or not any("." in t for t in toks[:-1]):
        return None  # (an abbreviation or a stray full stop in the given part is what made it awry)
    family = toks[-1]
    if _token_kind(family) != "word" or is_common_word(family) or is_venue_word(family) or len(family) < 2:
        return None
    return Name(family=family, given=" ".join(toks[:-1])), roles, 0.9


def _given_known_name(piece: str) -> tuple[Name, tuple[str, ...], float] | None:
    """A piece of two or three capitalised words, the first a known given name or all but the
    last initials, the last no title word: a person whatever else the last word is ("Marcello
    Soda", "M. Soda"). Asked only between sure names."""
    text, roles = _strip_markers(piece)
    toks = _DOT_BEFORE_WORD.sub(" ", text).split()
    if not 2 <= len(toks) <= 3 or any(_token_kind(t) not in ("word", "initial") for t in toks) or toks[-1].endswith("."):
        return None
    if is_common_word(toks[-1]) or _token_kind(toks[-1]) != "word":
        return None
    if not (toks[0].lower() in lexicon.words("given_names") or all(_token_kind(t) == "initial" for t in toks[:-1])):
        return None
    return Name(family=toks[-1], given=" ".join(toks[:-1])), roles, 0.9


def _sure_name_next(text: str, pieces: list[tuple[int, int]], nxt: int, end: int) -> bool:
    """Does a sure name (a whole piece) follow the name ending at ``end``, the piece before
    ``pieces[nxt]`` read to its end?"""
    if nxt >= len(pieces) or end < pieces[nxt - 1][1]:
        return False
    parsed = parse_display_name(text[pieces[nxt][0]:pieces[nxt][1]])
    return parsed is not None and parsed[2] >= 0.9 and not parsed[0].is_others


def _comma_between(text: str, pieces: list[tuple[int, int]], i: int) -> bool:
    """Is ``pieces[i]`` joined to the next by a comma, as the halves of "Last, First" are
    ("Kyle Cranmer and R. Sean Bowman" holds no inverted name)?"""
    between = text[pieces[i][1]:pieces[i + 1][0]]
    return "," in between or "，" in between


def _and_paired(text: str, pieces: list[tuple[int, int]], i: int) -> bool:
    """Is ``pieces[i]``, ``pieces[i + 1]`` one "Last, First" of a list written the BibTeX way,
    "Doe, Jane and Fávaro de Oliveira, Felipe and …": a bare "and" before it, one comma inside,
    and every name before it written so too (the list's own style decides)?"""
    def bare_and(k: int) -> bool:  # the separator before pieces[k]
        return bool(_BARE_AND.fullmatch(text, pieces[k - 1][1], pieces[k][0]))

    if i < 2 or not _COMMA.fullmatch(text, pieces[i][1], pieces[i + 1][0]):
        return False  # (the first name alone tells no list style: "John Smith, Anna Doe and Kim Lee")
    k = i
    while k > 0:  # the names before: "Last, First and " each
        if not bare_and(k) or k < 2 or not _COMMA.fullmatch(text, pieces[k - 2][1], pieces[k - 1][0]):
            return False
        k -= 2
    return True


def _closes_list(text: str, pieces: list[tuple[int, int]], first: int, nxt: int) -> bool:
    """Did the name of ``pieces[first:nxt]`` end the list? It did when "and" led it in and a
    plain comma follows: "A, B and C, Haskell Symposium" (an English list puts "and" before
    its last name; BibTeX-style lists put it before every name, "A and B and C"). A suffix
    or "et al." after the comma still belongs to the list."""
    if not _AND.search(text, pieces[first - 1][1], pieces[first][0]):
        return False
    if _AND.search(text, pieces[nxt - 1][1], pieces[nxt][0]):
        return False
    if first == 1 and _sure_names_follow(text, pieces, nxt, 1.0):
        return False  # "J.-P. Delplanque and S. B. Johnson, Y. Lin, Y. Zhou, …": "and" written after the first name
    following = text[pieces[nxt][0]:pieces[nxt][1]].strip()
    return not (_NAME_SUFFIX.fullmatch(following) or _OTHERS.match(_strip_markers(following)[0]))


# where a name inside a piece may end: a full stop, a colon, a bracket, a number, an opening quote,
# the word "in" (a book or venue after the name: "M. A. Hines in Surface Chemistry, …"),
# a space between a name in kanji and the (Japanese or Chinese) title after it
_HEAD_BREAK = re.compile(r"\.\s|\.(?=[:(\[])|:\s|\s\(|\s\[|\.$|\s(?=\d)|\s(?=[\"“„«「『])|\s(?=[Ii]n:?\s)|：|(?<=[\u3400-\u4dbf\u4e00-\u9fff])\s(?=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff])")


def _name_heads(piece: str) -> list[int]:
    """The ends of every start of ``piece`` that is a name and stops at a break."""
    ends = []
    for m in _HEAD_BREAK.finditer(piece[:200]):
        end = m.start() + (1 if piece[m.start()] == "." else 0)
        if parse_display_name(piece[:end]) is not None:
            ends.append(end)
    return ends


_ONE_MORE_INITIAL = re.compile(r"\s*[A-ZА-ЯЁ]\.")  # (Cyrillic initials too: "Петров П. П.")


def _vancouver_head(piece: str, heads: list[int]) -> int:
    """Of the name ends ``heads`` (ascending) in ``piece``, the one a Vancouver name stops at:
    the first full stop, or the one after the last of its initials ("Doe A. B. Title")."""
    k = 0
    while k + 1 < len(heads):
        more = _ONE_MORE_INITIAL.match(piece, heads[k])
        if more is None or more.end() != heads[k + 1]:
            break
        k += 1
    return heads[k]


def _is_vancouver(piece: str) -> bool:
    """``Smith JA`` / ``Le Rhun A``: family name(s) then initials, no comma."""
    toks = _strip_markers(piece)[0].split()
    if len(toks) < 2 or "," in piece:
        return False
    kinds = [_token_kind(t) for t in toks]
    lead = 0
    while lead < len(kinds) - 2 and kinds[lead] == "particle":
        lead += 1  # "de la Cruz M", "van der Berg J": the particles before the family name
    return kinds[lead] == "word" and kinds[-1] in ("initial", "caps")


def _mostly(mask: Sequence[int], start: int, end: int) -> bool:
    """Are most characters of ``start:end`` (offsets of a piece, never negative) flagged?"""
    n = min(end, len(mask)) - start
    return n > 0 and sum(mask[start:start + n]) * 2 > n


def parse_authors(text: str) -> AuthorList:
    """The author list filling all of ``text`` (else an empty :class:`AuthorList`)."""
    result = scan_authors(text)
    rest = text[result.end:].strip(" .,;")
    return result if result and not rest else AuthorList((), (), 0, 0.0)


def annotation(roles: Sequence[Sequence[str]]) -> str:
    """biblatex data annotations for a name list: ``1=equal; 3=highlight,corresponding``."""
    parts = [f"{i}={','.join(r)}" for i, r in enumerate(roles, 1) if r]
    return "; ".join(parts)


def repeat_authors(entries: Sequence[Entry]) -> list[Entry]:
    """``entries`` (in document order) with each "same as above" dash (:data:`SAME_AS_ABOVE`)
    replaced by the names it stands for: alone, the whole list of the entry above; before
    other names ("———, and Jelte Wicherts"), that list's first name. With no names above,
    the dash is dropped."""
    out: list[Entry] = []
    above: tuple[Name, ...] = ()
    for entry in entries:
        names = entry.names("author")
        if names and names[0] == SAME_AS_ABOVE:
            filled = above if len(names) == 1 else above[:1] + names[1:]
            filled = tuple(n for n in filled if n != SAME_AS_ABOVE)
            entry = entry.with_names("author", filled, entry.provenance.get("author")).without("author+an")
            names = filled
        if names:
            above = names
        out.append(entry)
    return out


# ---- author lists an item marks as such -------------------------------------------------------
#: "with" before the co-authors of a CV's own paper (the owner implied), as the languages of our
#: documents write it: "(with A and B)", "[co-authored with A]", "(met A)", "mit A & B", "avec A",
#: "Co-autoria com A", "in collaboration with A"
_WITH = (r"(?:(?:co-?authored|co-?written|written|joint(?:ly)?|together|co-?autoria|co-?autoría|gemeinsam|zusammen"
         r"|(?:in|en)\s+(?:collaboration|colaboración|collaborazione|Zusammenarbeit))\s+)?(?:with|mit|avec|con|com|met|med)")
#: a bracketed "with" list anywhere in the item
_WITH_BRACKET = re.compile(rf"[(\[][ \t]*{_WITH}[ \t]+([^()\[\]\s][^()\[\]\n]{{1,299}})[)\]]", re.I)
#: a line of its own, a date before it at most: "2017-07 mit Doe, Jane & Roe, Ann"
# (linear: each run of blanks is crossed by one pattern part only)
_WITH_LINE = re.compile(rf"^[ \t]*(?:(?:[-*•–]|\d[\d\-–./() ]{{3,24}})[ \t]+)?{_WITH}[ \t]+(\S[^\n]{{1,299}})$", re.I | re.M)
#: a sentence opening a line that says who the co-authors are, the item's other fields after it
#: on that line: "With Jane Doe and Li Wei. In Proceedings of …", "Second author, with Jane Doe. …"
#: (the names are read from where it ends up to their full stop)
_WITH_SENTENCE = re.compile(rf"^[ \t]*(?:[^\W\d][^\n,.]{{0,40}},[ \t]+)?{_WITH}[ \t]+(?=[^\W\d_])", re.I | re.M)
#: a line labelled as the authors' ("Authors:", "Auteur(s) :", "Autoren:"); the names follow on
#: it or on the lines after it, one a line, up to a blank line or the next labelled line
_AUTHORS_LABEL = re.compile(
    r"^[ \t]*(?:co-?)?(?:authors?|author\(s\)|auteurs?|auteur\(s\)|autor(?:es|en|i)?|autor\((?:es|en)\)|contributors?)[ \t]*[:：][ \t]*",
    re.I | re.M)
_ANY_LABEL = re.compile(r"[ \t]*[^\W\d_][^\W\d_'’() \t-]{0,24}(?:[ \t-][^\W\d_'’()]{1,24}){0,3}(?:\([^\W\d_]{1,3}\))?[ \t]*[:：]")


_LIST_SEPARATOR = re.compile(r"\s*(?:[,;]\s*(?:(?:and|&)\s+)?|\s&\s|\sand\s)\s*")
_CAPITALISED_WORD = re.compile(r"[^\W\d_a-z][^\W\d_]*(?:['’-][^\W\d_]+)*")


def families_only(value: str) -> AuthorList | None:
    """An authors field of family names alone, one capitalised word each ("Valsecchi, Toscani,
    Gegenfurtner", "…, Honson, & Kim"), as cards write it: each word one person. Not when the
    words pair up as "Family, Given" (an even count, every second word a known given name)."""
    words = [w for w in _LIST_SEPARATOR.split(value.strip(" .")) if w]
    if len(words) < 2 or not all(_CAPITALISED_WORD.fullmatch(w) and not w.isupper() for w in words):
        return None
    if any(is_common_word(w) or is_venue_word(w) for w in words):
        return None
    given = lexicon.words("given_names")
    if len(words) % 2 == 0 and all(w.lower() in given for w in words[1::2]):
        return None
    names = tuple(Name(family=w) for w in words)
    return AuthorList(names, tuple(() for _ in names), len(value), 1.0)


def _whole_list(text: str) -> AuthorList | None:
    """``text`` read as an author list that fills all of it, with at least one sure name."""
    listed = scan_authors(text)
    if not listed or text[listed.end:].strip(" ,.;") or listed.confidence < 0.7:
        return None
    return listed if any(not n.is_others for n in listed.names) else None


def marked_authors(text: str) -> tuple[AuthorList, list[tuple[int, int]]] | None:
    """An author list the item marks as one, and where it and its mark are in ``text``
    (to be blanked): a line labelled "Authors:" (or so in French, German, Spanish,
    Portuguese, Italian) with the names after it, on its line or one a line below it; or
    the co-authors after "with" (in those languages), bracketed anywhere ("Title (with Jane
    Doe and Li Wei)", "[co-authored with Jane Doe]") or on a line of their own. The mark,
    not the names' place in the item, says whose they are; the list must fill its place."""
    if ":" in text or "：" in text:
        for m in _AUTHORS_LABEL.finditer(text):
            end = text.find("\n", m.end())
            end = len(text) if end < 0 else end
            bullet = _FIELD_BULLET.search(text, m.end(), end)
            if bullet:  # "Authors: A, B • Journal, 2024": the names end at the bullet, and so does the line's list
                end = bullet.start()
            lines = [text[m.end():end].strip()] if text[m.end():end].strip() else []
            while end < len(text) and not bullet:
                nxt = text.find("\n", end + 1)
                nxt = len(text) if nxt < 0 else nxt
                line = text[end + 1:nxt].strip()
                if not line or _ANY_LABEL.match(line) or len(lines) >= 200:
                    break
                lines.append(line)
                end = nxt
            if not lines:
                continue
            listed = families_only(lines[0]) if len(lines) == 1 else None  # "Authors: Valsecchi, Toscani, Gegenfurtner"
            listed = listed or _whole_list(lines[0] if len(lines) == 1 else "; ".join(lines))
            if listed is not None:
                return listed, [(m.start(), end)]
    low = text.lower()
    if "(" in text or "[" in text:
        for m in _WITH_BRACKET.finditer(text):
            listed = _whole_list(m.group(1))
            if listed is not None:
                return listed, [(m.start(), m.end())]
    if any(w in low for w in ("with", "mit", "avec", "con", "com", "met", "med")):
        for m in _WITH_LINE.finditer(text):
            listed = _whole_list(m.group(1))
            if listed is not None:
                return listed, [(m.start(), m.end())]
        for m in _WITH_SENTENCE.finditer(text):
            if not text[:m.start()].strip():
                continue  # the item's first line is its title ("With Great Power …"), not a mark
            end = text.find("\n", m.end())
            line = text[m.end():len(text) if end < 0 else end]
            listed = scan_authors(line)
            rest = line[listed.end:]
            if listed and listed.confidence >= 0.7 and line[:listed.end].rstrip().endswith(".") \
                    and (not rest.strip() or rest[:1].isspace()) \
                    and any(not n.is_others for n in listed.names):
                return listed, [(m.start(), m.end() + listed.end)]
    return None
