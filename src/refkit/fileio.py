"""Reading input bytes and writing files safely.

Every write goes through :func:`atomic_write`: a temporary file in the same
directory, flushed and fsynced, then renamed over the target with the original
permissions, so a kill mid-write leaves the old file whole.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path

from .errors import InputError

__all__ = ["atomic_write", "read_text", "decode", "is_url"]

#: refuse inputs larger than this (bytes); a publication list is never this big
MAX_INPUT_BYTES = 256 * 1024 * 1024


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def read_text(source: str, *, encoding: str | None = None) -> str:
    """The text of a file path, ``-`` (stdin) or an http(s) URL.

    Raises :class:`InputError` with the path for missing files, directories,
    binary content and undecodable bytes.
    """
    if source == "-":
        data = sys.stdin.buffer.read()
        return decode(data, "<stdin>", encoding)
    if is_url(source):
        from .http import fetch_text

        return fetch_text(source)
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
    return decode(data, source, encoding)


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Decode bytes as UTF-8 (a BOM is dropped); a NUL byte means binary input.

    An explicit ``encoding`` (e.g. ``latin-1``) is used as given. Undecodable UTF-8
    is an error naming the line and the byte, never a silent replacement.
    """
    if b"\x00" in data[:8192]:
        raise InputError("looks like a binary file (it contains NUL bytes), not text", path=path)
    if encoding:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot decode as {encoding}: {exc}", path=path) from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        declared = _declared_charset(data)
        if declared:
            try:
                return data.decode(declared)
            except (LookupError, UnicodeDecodeError):
                pass
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            f"invalid UTF-8 byte 0x{data[exc.start]:02x} (is the file Latin-1? convert it to UTF-8, "
            "or pass --encoding latin-1)",
            path=path,
            line=line,
            column=col,
        ) from None


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML document declares about itself (``<meta charset>``)."""
    m = _CHARSET.search(data[:8192])
    if not m:
        return None
    name = (m.group(1) or m.group(2)).decode("ascii").lower()
    return None if name.replace("-", "") == "utf8" else name


def atomic_write(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically, keeping the file's permissions.

    A symlink is followed: its target is replaced, the link stays a link."""
    import tempfile  # not at start-up: it imports random, which most runs never need

    target = Path(os.path.realpath(path))
    directory = target.parent if str(target.parent) else Path(".")
    try:
        mode: int | None = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = None
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".refkit-tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
