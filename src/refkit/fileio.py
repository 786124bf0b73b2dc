"""Bytes in, text out, and text back to the same bytes: refkit's one decoder and
its one safe writer. Everything below the network layer (:mod:`refkit.http`
imports this module, never the other way round).

**Decoding** (:func:`decode_document`; :func:`decode` and :func:`read_text` return
only the text). The charset rules, in the order they apply:

1. a byte order mark names the encoding (UTF-32 LE/BE, UTF-16 LE/BE, UTF-8) and
   is remembered, so the file is written back with it;
2. an explicit ``encoding`` (``--encoding``) is used as given (``utf-16`` and
   ``utf-32`` without BOM take their byte order from the content); a legacy
   8-bit one (``latin-1``) converts the file: it is written back as UTF-8;
3. UTF-16/UTF-32 without a BOM are recognised by where their zero bytes fall
   (``a\\0b\\0`` is UTF-16-LE); a binary format's signature (PDF, images, archives)
   or control bytes making up more than 1% of the start mean a binary file in a document
   that is only read (``guess=True``), refused; a few stray NULs it keeps for
   :func:`refkit.io.read_string` to drop (RK196); a file refkit writes back (``.bib``)
   is refused for any NUL byte;
4. a charset declared by the transport (HTTP ``Content-Type``);
5. UTF-8; when that fails, the charset an HTML/XML document declares about
   itself (``<meta charset>``, ``<?xml encoding>``); else an error naming the
   line and the byte (never a silent replacement, except for network answers
   decoded with ``strict=False``);
6. only for documents refkit reads and never writes back (``guess=True``: the pages
   and CVs ``refkit convert`` extracts from), a legacy 8-bit encoding guessed from
   the bytes: Windows-1252 or Mac Roman, whichever puts fewer characters out of place,
   when the text it gives is Latin words with accents (a CV saved by an old editor, a
   table exported on a Mac), else what ``charset_normalizer`` finds (Cyrillic,
   Central European, Japanese). The guess is recorded in :attr:`Decoded.guessed`
   so the caller warns; a ``.bib`` file that ``format`` rewrites is never guessed.

**Writing** (:func:`atomic_write`): the text is encoded back into the file's
encoding (and BOM), written to a temporary file ``.NAME.XXXXXXXX.refkit-tmp``
beside the target, fsynced and renamed over it with the original permissions and
owner, so a kill mid-write leaves the old file whole. Exceptions, chosen to
respect what the user set up:

* a **read-only** file (no write bit) is refused with a clear message, never rewritten;
* a **hard-linked** file (or one whose owner refkit cannot give the new file)
  is rewritten in place, so every link and the owner stay as they were; this
  write is not atomic;
* a **symlink** is written through (its target is replaced, the link stays)
  only when the target lies inside the same working tree as the link (the git
  repository holding the link, or the link's own directory outside any
  repository); otherwise it is refused unless ``follow_symlinks=True``
  (``--follow-symlinks``).

Temporary files of a killed run (the exact pattern above, owned by the user, not
locked by a running refkit: a writer holds an exclusive ``flock`` on its
temporary file until the rename) are removed by the next write of the same file
or a read with ``tidy=True`` (``refkit format``, ``refkit enrich``).
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

__all__ = [
    "Decoded",
    "atomic_write",
    "read_text",
    "read_document",
    "decode",
    "decode_document",
    "sniff_encoding",
    "remove_stale_temp_files",
    "is_url",
    "MAX_INPUT_BYTES",
    "STALE_TEMP_AGE",
    "MIN_TEMP_AGE",
]

#: refuse inputs larger than this (bytes); a publication list is never this big
MAX_INPUT_BYTES = 256 * 1024 * 1024
#: temporary files of a killed run that no running refkit holds are removed once
#: they are this old (seconds: the instant between creating and locking one) ...
MIN_TEMP_AGE = 5.0
#: ... or this old where file locks cannot be checked (no ``flock``)
STALE_TEMP_AGE = 15 * 60
_TEMP_SUFFIX = ".refkit-tmp"
_SAMPLE = 8192


@dataclass(frozen=True)
class Decoded:
    """Text and how to store it again: ``encoding`` is the Unicode encoding the
    input was in, as a codec name with its byte order (``utf-16-le``, not
    ``utf-16``), and ``bom`` whether a byte order mark preceded the text;
    :func:`atomic_write` turns both back into the same bytes. Input in a legacy
    8-bit encoding (``--encoding latin-1``, a page's ``<meta charset>``) is
    converted: its ``encoding`` is ``utf-8``, since what refkit writes (enriched
    names, dashes) may not fit the old one."""

    text: str
    encoding: str = "utf-8"
    bom: bool = False
    #: the legacy encoding the text was read in by a guess (rule 6), with where the first
    #: byte that is not UTF-8 is (line, column); None when nothing was guessed
    guessed: tuple[str, int, int] | None = None

    def encode(self, text: str | None = None) -> bytes:
        """``text`` (default: this text) in this encoding, with the BOM if there was one."""
        body = self.text if text is None else text
        return (("\ufeff" + body) if self.bom else body).encode(self.encoding)


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


# ---- charset rules ------------------------------------------------------------------------------
# longest first: the UTF-32-LE mark begins with the UTF-16-LE one
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _zero_pattern(sample: bytes) -> str | None:
    """The UTF-16/32 byte order that explains where ``sample``'s zero bytes are, if one does.

    Text in these encodings is mostly ASCII-range code points, so its zero bytes
    sit at fixed positions (``a\\0\\0\\0`` UTF-32-LE, ``a\\0`` UTF-16-LE, …);
    binary data has them anywhere."""
    n = len(sample)
    if n < 2:
        return None
    quads = n - n % 4
    if quads >= 4:
        lanes = [sample[i:quads:4] for i in range(4)]
        if lanes[3].count(0) == len(lanes[3]) and max(lanes[2]) <= 0x10 and lanes[0].count(0) < len(lanes[0]):
            return "utf-32-le"
        if lanes[0].count(0) == len(lanes[0]) and max(lanes[1]) <= 0x10 and lanes[3].count(0) < len(lanes[3]):
            return "utf-32-be"
    pairs = n - n % 2
    even, odd = sample[0:pairs:2], sample[1:pairs:2]
    zero_even, zero_odd = even.count(0), odd.count(0)
    if zero_odd * 3 >= len(odd) and zero_even * 10 <= zero_odd:
        return "utf-16-le"
    if zero_even * 3 >= len(even) and zero_odd * 10 <= zero_even:
        return "utf-16-be"
    return None


def sniff_encoding(data: bytes) -> tuple[str, bool] | None:
    """``(encoding, has_bom)`` from a byte order mark or a UTF-16/32 zero-byte
    pattern; None when the bytes say nothing (then UTF-8 is assumed)."""
    for mark, name in _BOMS:
        if data.startswith(mark):
            return name, True
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        pattern = _zero_pattern(sample)
        if pattern is not None:
            return pattern, False
    return None


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def charset_of(content_type: str | None) -> str | None:
    """The usable ``charset`` parameter of a ``Content-Type`` value, if any."""
    if not content_type:
        return None
    m = _HEADER_CHARSET.search(content_type)
    return _codec(m.group(1)) if m else None


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML document declares about itself (``<meta charset>``)."""
    m = _CHARSET.search(data[:_SAMPLE])
    if not m:
        return None
    name = _codec((m.group(1) or m.group(2)).decode("ascii"))
    return None if name in (None, "utf-8") else name


def decode_document(data: bytes, path: str, encoding: str | None = None, *,
                    declared: str | None = None, strict: bool = True, guess: bool = False) -> Decoded:
    """Decode ``data`` by the rules in the module docstring; ``path`` names it in errors.

    ``declared`` is a charset from the transport (HTTP); ``strict=False`` replaces
    undecodable bytes instead of failing (network answers, not user files); ``guess``
    allows rule 6 (a document that is read, never written back)."""
    errors = "strict" if strict else "replace"
    sniffed = sniff_encoding(data)
    if encoding:
        name = _codec(encoding)
        if name is None:
            raise InputError(f"unknown encoding {encoding!r}", path=path)
        if name == "utf-8-sig":
            name = "utf-8"
        if name in ("utf-16", "utf-32"):  # byte order from the BOM or the content
            fitting = sniffed if sniffed and sniffed[0].startswith(name) else None
            name, bom = fitting if fitting else (name + "-le", False)
        else:
            bom = bool(sniffed and sniffed[1] and sniffed[0] == name)
        text = _decode_as(data, path, name, bom, errors)
        return Decoded(text, name, bom) if name.startswith("utf") else Decoded(text)
    if sniffed is not None:
        name, bom = sniffed
        return Decoded(_decode_as(data, path, name, bom, errors), name, bom)
    if strict and guess:
        kind = _binary_kind(data)
        if kind is not None:
            raise InputError(f"looks like a binary file ({kind}), not text", path=path)
    elif strict and b"\x00" in data[:_SAMPLE]:  # a file written back keeps every byte or is refused
        raise InputError("looks like a binary file (it contains NUL bytes), not text", path=path)
    if declared:
        name = _codec(declared)
        if name and name != "utf-8":
            if not strict:
                return Decoded(data.decode(name, errors="replace"))
            if _decodes(data, name):
                return Decoded(data.decode(name))
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        charset = _declared_charset(data)
        if charset and _decodes(data, charset):
            return Decoded(data.decode(charset))
        if not strict:
            return Decoded(data.decode("utf-8", errors="replace"))
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        guessed = _guess_legacy(data) if guess else None
        if guessed is not None:
            return Decoded(data.decode(guessed), guessed=(guessed, line, col))
        raise InputError(
            f"invalid UTF-8 byte 0x{data[exc.start]:02x} (is the file Latin-1? convert it to UTF-8, "
            "or pass --encoding latin-1)",
            path=path,
            line=line,
            column=col,
        ) from None


#: the first bytes of binary formats someone may hand to ``convert``: never text, whatever follows
_MAGIC = (
    (b"%PDF-", "a PDF document: convert it to text first"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"PK\x03\x04", "a zip archive or an office document: save it as text first"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old office document: save it as text first"),
    (b"\x1f\x8b", "gzip-compressed"),
    (b"BZh", "bzip2-compressed"),
    (b"\xfd7zXZ\x00", "xz-compressed"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-zip archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
#: control bytes text never holds (NUL and the C0 controls but tab, line feed, vertical tab,
#: form feed, carriage return and escape)
_CONTROL_BYTES = bytes(c for c in range(32) if c not in (9, 10, 11, 12, 13, 27))


def _binary_kind(data: bytes) -> str | None:
    """What makes ``data`` binary, or None when it may be text.

    Decided by evidence, not by one byte: a binary format's signature, or control bytes
    making up more than one in a hundred of the first 8 KB (compressed or encoded data
    has about one in ten; a text file with a stray NUL an editor left has a handful)."""
    for magic, kind in _MAGIC:
        # ("BZh" is also a word's start: bzip2 follows it with a block size digit)
        if data.startswith(magic) and (magic != b"BZh" or data[3:4].isdigit()):
            return kind
    sample = data[:_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls and controls * 100 > len(sample):
        return "it contains NUL bytes" if b"\x00" in sample else "it contains control bytes"
    return None


def _decodes(data: bytes, name: str) -> bool:
    try:
        data.decode(name)
    except (LookupError, UnicodeDecodeError):
        return False
    return True


#: a word of letters (no digits or underscore), for judging a Windows-1252 reading
_WORD = re.compile(r"[^\W\d_]+")


def _guess_legacy(data: bytes) -> str | None:
    """The legacy 8-bit (or CJK) encoding ``data`` is most likely in, or None.

    A Western encoding first: of Windows-1252 and Mac Roman, the reading with the fewest
    characters out of place (:func:`_implausible`; Windows-1252 on a tie), when it reads as
    Latin-script words with accents: at least four in five words that hold a non-ASCII
    letter also hold ASCII ones and are at most half accents ("Müller", "théorie"; Cyrillic
    read as 1252 gives words of accents only, "Èâàíîâ"), or when its only non-ASCII
    characters are punctuation, none out of place (dashes, quotes). Otherwise ``charset_normalizer`` (a requests dependency
    that guesses from byte statistics: Cyrillic, Greek, Central European, Shift-JIS)."""
    readings = [(_implausible(data.decode(name)), rank, name)
                for rank, name in enumerate(_WESTERN) if _decodes(data, name)]
    if readings:
        fault, _, western = min(readings)
        text = data.decode(western)
        # Latin words with accents, or no letter beyond ASCII at all and nothing out of place
        # (an English list whose only other characters are dashes and quotes)
        if _reads_as_latin(text) or not fault and not any(c.isalpha() for c in text if not c.isascii()):
            return western
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    name = _codec(best.encoding) if best is not None else None
    return name if name and name != "utf-8" and _decodes(data, name) else None


#: the Western 8-bit encodings weighed against each other, the more common first (it wins ties):
#: Windows-1252 (Windows, and Latin-1's superset) and Mac Roman (files of a classic Mac OS or
#: macOS editor, Excel for Mac's "Text" export). Their accented letters sit at different bytes,
#: so reading one as the other shows in the text (:func:`_implausible`)
_WESTERN = ("cp1252", "mac_roman")
#: punctuation that may stand between two letters: apostrophes, hyphens and dashes, a middle dot
_INNER_PUNCTUATION = frozenset("’‘'‐‑–—·")


def _implausible(text: str) -> int:
    """How many non-ASCII characters of ``text`` no writer puts where they stand: a control
    or private-use character; a capital letter inside a word or beside a digit (Mac Roman's
    "Jäger" read as Windows-1252 is "JŠger", its "2020–2021" is "2020Ð2021", "Children’s" is
    "ChildrenÕs"); a symbol or a mark between two letters (Windows-1252's "Müller" read as Mac
    Roman is "M¸ller", "Universität" is "Universit‰t")."""
    count = 0
    last = len(text) - 1
    for i, c in enumerate(text):
        if c.isascii():
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i < last else " "
        category = unicodedata.category(c)
        if category in ("Cc", "Co", "Cn"):
            count += 1
        elif category == "Lu":
            count += before.islower() or before.isdigit() or after.isdigit() or before.isalpha() and after.islower()
        elif not c.isalpha() and c not in _INNER_PUNCTUATION:
            count += before.isalpha() and after.isalpha()
    return count


def _reads_as_latin(text: str) -> bool:
    accented = plain = 0
    for m in _WORD.finditer(text):
        word = m.group()
        if word.isascii():
            continue
        other = sum(1 for c in word if not c.isascii())
        if other * 2 <= len(word):
            plain += 1
        else:
            accented += 1
    return plain > 0 and accented * 4 <= plain


def _decode_as(data: bytes, path: str, name: str, bom: bool, errors: str) -> str:
    try:
        text = data.decode(name, errors=errors)
    except UnicodeDecodeError as exc:
        raise InputError(f"cannot decode as {name}: {exc.reason} at byte {exc.start}", path=path) from None
    if text.startswith("\ufeff") and (bom or name.startswith("utf")):
        text = text[1:]
    return text


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """The text of ``data`` (see :func:`decode_document`)."""
    return decode_document(data, path, encoding).text


# ---- reading -------------------------------------------------------------------------------------
def read_document(source: str, *, encoding: str | None = None, tidy: bool = False, guess: bool = False) -> Decoded:
    """The decoded content of a file path or ``-`` (stdin), with its encoding.

    Raises :class:`InputError` with the path for missing files, directories,
    URLs (read those with :func:`refkit.read`), binary content and undecodable
    bytes. ``tidy=True`` also removes stale temporary files of a killed run
    beside the file (see the module docstring); ``guess=True`` allows a guessed
    legacy encoding (rule 6: a document read, never written back)."""
    if source == "-":
        return decode_document(sys.stdin.buffer.read(), "<stdin>", encoding, guess=guess)
    if is_url(source):
        raise InputError("a URL cannot be used here (refkit convert reads URLs)", path=source)
    path = Path(source)
    if path.is_dir():
        raise InputError("is a directory, not a file", path=source)
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(f"file is too large ({size} bytes; the limit is {MAX_INPUT_BYTES})", path=source)
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=source) from None
    except PermissionError:
        raise InputError("permission denied", path=source) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", path=source) from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=source) from None
    if tidy:
        remove_stale_temp_files(source)
    return decode_document(data, source, encoding, guess=guess)


def read_text(source: str, *, encoding: str | None = None) -> str:
    """The text of a file path or ``-`` (stdin); see :func:`read_document`."""
    return read_document(source, encoding=encoding).text


# ---- writing -------------------------------------------------------------------------------------
def _temp_pattern(name: str) -> re.Pattern[str]:
    # tempfile.mkstemp's random part: 8 of [a-z0-9_]
    return re.compile(r"\." + re.escape(name) + r"\.[a-z0-9_]{8}" + re.escape(_TEMP_SUFFIX) + r"\Z")


def _writer_alive(path: str) -> bool | None:
    """Whether a running refkit holds the temporary file (it keeps an exclusive
    ``flock`` on it until the rename); None where ``flock`` does not exist."""
    try:
        import fcntl
    except ImportError:  # Windows
        return None
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return None
    finally:
        os.close(fd)  # also drops the lock just taken
    return False


def _hold(fd: int) -> None:
    """Mark a temporary file as in use (see :func:`_writer_alive`); the lock goes with the process."""
    try:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except (ImportError, OSError):
        pass


def remove_stale_temp_files(path: str | os.PathLike[str]) -> list[str]:
    """Remove ``.NAME.XXXXXXXX.refkit-tmp`` files beside ``path`` that a killed run
    left: only regular files with exactly that name, owned by this user, that no
    running refkit holds (a writer keeps an exclusive ``flock`` on its temporary
    file until it is renamed) and older than :data:`MIN_TEMP_AGE` seconds (the
    instant between creating the file and locking it); where locks cannot be
    checked, older than :data:`STALE_TEMP_AGE`. Returns the names removed;
    errors are ignored (it is only tidying)."""
    target = Path(os.path.realpath(path))
    pattern = _temp_pattern(target.name)
    now = time.time()
    removed: list[str] = []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed
    for item in entries:
        if not item.name.endswith(_TEMP_SUFFIX) or not pattern.match(item.name):
            continue
        try:
            info = item.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid():
                continue
            age = now - info.st_mtime
            alive = _writer_alive(item.path) if age >= MIN_TEMP_AGE else True
            if alive or (alive is None and age < STALE_TEMP_AGE):
                continue
            os.unlink(item.path)
            removed.append(item.name)
        except OSError:
            continue
    return removed
    for item in entries:
        if not item.name.endswith(_TEMP_SUFFIX) or not pattern.match(item.name):
            continue
        try:
            info = item.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid() or now - info.st_mtime < age:
                continue
            os.unlink(item.path)
            removed.append(item.name)
        except OSError:
            continue
    return removed


def _tree_root(path: Path) -> Path:
    """The working tree ``path`` belongs to: the nearest directory above it with a
    ``.git``, else its own directory. (Lexical: no symlink resolved.)"""
    start = path.parent
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


def _refuse(path: str, message: str) -> PermissionError:
    return PermissionError(errno.EACCES, message, path)


def _write_target(path: str | os.PathLike[str], follow_symlinks: bool) -> Path:
    """The real file to write: symlinks resolved, refused when they lead out of the tree."""
    lexical = Path(os.path.abspath(path))
    real = Path(os.path.realpath(lexical))
    if real == lexical or follow_symlinks:
        return real
    root = Path(os.path.realpath(_tree_root(lexical)))
    if real != root and root not in real.parents:
        raise _refuse(str(path), f"is a symlink to {real}, outside the working tree {root}; not written "
                                 "(pass --follow-symlinks to write through it)")
    return real


def atomic_write(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8", bom: bool = False,
                 follow_symlinks: bool = False) -> None:
    """Write ``text`` to ``path`` in ``encoding`` (with a BOM if ``bom``), keeping the
    file's permissions, owner and links; see the module docstring for the rules.

    Raises :class:`PermissionError` (with a message saying why) for a read-only
    file or a symlink out of the working tree, :class:`InputError` when the text
    cannot be encoded, other :class:`OSError` as the system reports them."""
    import tempfile  # not at start-up: it imports random, which most runs never need

    try:
        data = Decoded(text, encoding, bom).encode()
    except UnicodeEncodeError as exc:
        line = text.count("\n", 0, exc.start) + 1
        raise InputError(f"cannot write U+{ord(text[exc.start]):04X} in {encoding} (the file's encoding); "
                         "nothing was written", path=os.fspath(path), line=line) from None
    target = _write_target(path, follow_symlinks)
    directory = target.parent
    remove_stale_temp_files(target)
    try:
        info: os.stat_result | None = target.stat()
    except FileNotFoundError:
        info = None
    if info is not None:
        if not stat.S_ISREG(info.st_mode):
            raise _refuse(os.fspath(path), "not a regular file; not written")
        if not info.st_mode & 0o222:
            raise _refuse(os.fspath(path), f"read-only file (mode {stat.S_IMODE(info.st_mode):04o}); not rewritten "
                                           "(make it writable, e.g. chmod u+w, to let refkit change it)")
        if info.st_nlink > 1:
            _write_in_place(target, data)
            return
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=_TEMP_SUFFIX, dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:  # open (and locked) until after the rename
            _hold(handle.fileno())
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            mine = os.fstat(handle.fileno())
            if info is None:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp, 0o666 & ~umask)
            else:
                if (mine.st_uid, mine.st_gid) != (info.st_uid, info.st_gid):
                    try:
                        os.chown(tmp, info.st_uid, info.st_gid)
                    except PermissionError:  # cannot give the file its owner back: keep the inode instead
                        os.unlink(tmp)
                        _write_in_place(target, data)
                        return
                os.chmod(tmp, stat.S_IMODE(info.st_mode))
            os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _write_in_place(target: Path, data: bytes) -> None:
    """Overwrite ``target``'s content in its own inode (links, owner and mode stay)."""
    fd = os.open(target, os.O_WRONLY)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())
