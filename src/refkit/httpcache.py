"""The HTTP answer cache: one SQLite file, private to the user, never a reason to fail.

* **Private**: the directory is created ``0700`` (tightened to it when the user
  owns a looser one) and the database ``0600``; SQLite gives its ``-wal`` and
  ``-shm`` files the database's permissions.
* **Whole after a kill**: every write is one SQLite transaction (WAL journal).
* **Never fatal**: a file that is not a database, or one damaged later, is moved
  aside (``http-cache.sqlite.broken-<time>``) with a warning and a new cache is
  started; when even that fails, or the folder cannot be created, the run
  continues without a cache (with a warning).
* **Bounded**: :class:`HttpCache` stores what :class:`refkit.http.Client` hands it,
  and the client hands it only complete answers of accepted status codes whose
  bodies stayed under the size cap (see there).

Entries expire after ``expire_days``; keys are SHA-256 digests of the full URL
and the ``Accept`` header (another representation is another answer).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping

__all__ = ["HttpCache", "Stored", "cache_key", "FILE_NAME"]

FILE_NAME = "http-cache.sqlite"
_SCHEMA = """CREATE TABLE IF NOT EXISTS replies (
    key TEXT PRIMARY KEY, url TEXT NOT NULL, status INTEGER NOT NULL,
    headers TEXT NOT NULL, body BLOB NOT NULL, expires REAL NOT NULL)"""


@dataclass(frozen=True)
class Stored:
    """A cached answer: final URL, status, headers (lower-case names), body bytes (decoded content)."""

    url: str
    status: int
    headers: Mapping[str, str]
    body: bytes


def cache_key(url: str, accept: str | None) -> str:
    return hashlib.sha256(f"{url}\n{accept or ''}".encode("utf-8", "surrogatepass")).hexdigest()


class HttpCache:
    """A thread-safe SQLite key -> :class:`Stored` store (see the module docstring)."""

    def __init__(self, folder: Path, *, expire_days: float, warn: Callable[[str], None]):
        self.folder = folder
        self.path = folder / FILE_NAME
        self.expire_seconds = expire_days * 86400
        self.warn = warn
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        try:
            self._prepare_folder()
        except OSError as exc:
            self.warn(f"cannot use the HTTP cache {self.path} ({exc.strerror or exc}); continuing without a cache")
            return
        self._db = self._open()

    # ---- opening ----------------------------------------------------------------------------
    def _prepare_folder(self) -> None:
        """The folder ``0700`` and the file ``0600`` (tightened when the user owns looser ones)."""
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = self.folder.stat()
        if info.st_uid == os.geteuid() and stat.S_IMODE(info.st_mode) & 0o077:
            os.chmod(self.folder, 0o700)
        if not self.path.exists():
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        elif self.path.stat().st_uid == os.geteuid() and stat.S_IMODE(self.path.stat().st_mode) & 0o077:
            os.chmod(self.path, 0o600)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(_SCHEMA)
            for old in ("responses", "redirects"):  # the tables of the requests-cache refkit used before
                db.execute(f"DROP TABLE IF EXISTS {old}")
            db.execute("SELECT count(*) FROM replies WHERE 0").fetchone()
        except BaseException:
            db.close()
            raise
        return db

    def _open(self) -> sqlite3.Connection | None:
        try:
            return self._connect()
        except sqlite3.DatabaseError as exc:
            return self._recover(exc)

    def _recover(self, exc: Exception) -> sqlite3.Connection | None:
        """Move the damaged file aside and start a new cache (None: run without one)."""
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None
        aside = self.path.with_name(f"{FILE_NAME}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            os.replace(self.path, aside)
            for suffix in ("-wal", "-shm"):
                extra = self.path.with_name(FILE_NAME + suffix)
                if extra.exists():
                    os.replace(extra, aside.with_name(aside.name + suffix))
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
            db = self._connect()
        except (OSError, sqlite3.Error) as again:
            self.warn(f"the HTTP cache {self.path} is unusable ({exc}; {again}); continuing without a cache")
            return None
        self.warn(f"the HTTP cache {self.path} was unreadable ({exc}); moved it to {aside.name} and started a new one")
        return db

    # ---- use -------------------------------------------------------------------------------------
    def get(self, key: str) -> Stored | None:
        with self._lock:
            if self._db is None:
                return None
            try:
                row = self._db.execute("SELECT url, status, headers, body, expires FROM replies WHERE key = ?", (key,)).fetchone()
            except sqlite3.DatabaseError as exc:
                self._db = self._recover(exc)
                return None
        if row is None or row[4] < time.time():
            return None
        try:
            headers = json.loads(row[2])
        except ValueError:
            return None
        return Stored(row[0], int(row[1]), headers, bytes(row[3]))

    def put(self, key: str, answer: Stored) -> None:
        record = (key, answer.url, answer.status, json.dumps(dict(answer.headers)), answer.body, time.time() + self.expire_seconds)
        with self._lock:
            if self._db is None:
                return
            try:
                self._db.execute("INSERT OR REPLACE INTO replies VALUES (?, ?, ?, ?, ?, ?)", record)
            except sqlite3.OperationalError as exc:  # locked for 30 s, disk full: skip this one
                self.warn(f"could not store an answer in the HTTP cache ({exc})")
            except sqlite3.DatabaseError as exc:
                self._db = self._recover(exc)

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None
