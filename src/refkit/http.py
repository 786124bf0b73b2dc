"""All of refkit's network I/O: one configured session, used by every resolver.

What this module owns, so that no other module has to think about it:

* **configuration** (:class:`HttpConfig`): base URLs of the services, pacing,
  timeouts, retries, the cache, the contact address; from environment variables
  (``REFKIT_ARXIV_URL``, ``REFKIT_CROSSREF_URL``, ``REFKIT_DOI_URL``,
  ``REFKIT_ARXIV_DELAY``, ``REFKIT_CACHE_DIR``, ``REFKIT_MAILTO``) overlaid by
  explicit options (command line / config file).
* **one session** (:class:`Client`): a ``requests-cache`` SQLite cache in the
  user cache directory (SQLite transactions keep it whole when a run is
  killed), a User-Agent naming refkit and the contact address, a timeout on
  every request, per-host pacing (arXiv asks for one request every 3 s) and a
  small per-host concurrency bound, so different hosts proceed in parallel.
* **retries**: connection errors, timeouts, 429 and 5xx are retried with
  exponential backoff, honouring ``Retry-After`` (arXiv's 429 carries none);
  other 4xx answers are returned to the resolver, which knows what they mean.
* **redirects** are followed here, hop by hop, so the doi.org -> agency hop is
  paced, counted and cached per host like any other request.
* :func:`fetch_text` for ``refkit convert https://…`` inputs.

Resolvers never import ``requests``; they hand a :class:`Query` to
:meth:`Client.get` and parse the :class:`Reply`.
"""

from __future__ import annotations

import email.utils
import os
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import urljoin, urlsplit

import requests

from . import __version__
from .errors import InputError, LookupFailed

__all__ = [
    "HttpConfig",
    "Query",
    "Reply",
    "Client",
    "NotCached",
    "Interrupted",
    "fetch_text",
    "default_cache_dir",
    "user_agent",
]

#: status codes worth retrying: rate limits and server-side trouble
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
#: answers that are facts about the request and may be cached (a 404 "not found"
#: is as stable as a 200; 429 and 5xx are not)
CACHE_STATUS = (200, 301, 302, 303, 307, 308, 400, 404, 410)
MAX_REDIRECTS = 5


class NotCached(LookupFailed):
    """Raised in offline mode for a request the cache cannot answer."""


class Interrupted(LookupFailed):
    """Raised when the client was stopped (Ctrl-C) while waiting."""


def default_cache_dir() -> Path:
    """The per-user cache directory (``~/.cache/refkit`` on Linux)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("refkit", appauthor=False))


def _env_float(env: Mapping[str, str], name: str) -> float | None:
    value = env.get(name)
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except ValueError:
        from .errors import ConfigError

        raise ConfigError(f"{name} must be a number of seconds, not {value!r}") from None
    if number < 0:
        from .errors import ConfigError

        raise ConfigError(f"{name} must not be negative")
    return number


@dataclass(frozen=True)
class HttpConfig:
    """Everything that decides how refkit talks to the network."""

    arxiv_url: str = "https://export.arxiv.org/api/query"
    crossref_url: str = "https://api.crossref.org"
    doi_url: str = "https://doi.org"
    dblp_url: str = "https://dblp.org"  # only with ``--sources …,dblp``
    arxiv_delay: float = 3.0  # seconds between arXiv requests (arXiv's terms)
    host_delay: float = 0.1  # seconds between requests to any other host
    host_concurrency: int = 2  # requests in flight per host (arXiv: always 1)
    timeout: float = 30.0  # seconds, connect and read
    retries: int = 4  # further attempts after the first
    backoff: float = 2.0  # first retry delay; doubles each time
    max_wait: float = 120.0  # longest Retry-After honoured; longer gives up
    max_bytes: int = 32 * 1024 * 1024  # refuse larger bodies
    cache_dir: str | None = None  # None: default_cache_dir()
    use_cache: bool = True
    offline: bool = False  # answer from the cache only
    expire_days: float = 30.0
    mailto: str | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> "HttpConfig":
        """Defaults, overlaid by ``REFKIT_*`` variables, overlaid by ``overrides``
        (``None`` values in ``overrides`` are ignored)."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for key, var in (("arxiv_url", "REFKIT_ARXIV_URL"), ("crossref_url", "REFKIT_CROSSREF_URL"),
                         ("doi_url", "REFKIT_DOI_URL"), ("dblp_url", "REFKIT_DBLP_URL"), ("cache_dir", "REFKIT_CACHE_DIR"),
                         ("mailto", "REFKIT_MAILTO")):
            if env.get(var):
                values[key] = env[var]
        for key, var in (("arxiv_delay", "REFKIT_ARXIV_DELAY"), ("host_delay", "REFKIT_HOST_DELAY"),
                         ("timeout", "REFKIT_HTTP_TIMEOUT"), ("backoff", "REFKIT_HTTP_BACKOFF")):
            number = _env_float(env, var)
            if number is not None:
                values[key] = number
        retries = _env_float(env, "REFKIT_HTTP_RETRIES")
        if retries is not None:
            values["retries"] = int(retries)
        known = {f.name for f in fields(cls)}
        for key, value in overrides.items():
            if key not in known:
                raise TypeError(f"unknown HTTP option {key!r}")
            if value is not None:
                values[key] = value
        config = cls(**values)
        for name in ("arxiv_url", "crossref_url", "doi_url", "dblp_url"):
            url = getattr(config, name)
            if urlsplit(url).scheme not in ("http", "https"):
                from .errors import ConfigError

                raise ConfigError(f"{name.replace('_', '-')} must be an http(s) URL, not {url!r}")
        return config

    @property
    def cache_path(self) -> Path:
        return Path(self.cache_dir) if self.cache_dir else default_cache_dir()

    def delay_for(self, host: str) -> float:
        return self.arxiv_delay if host == urlsplit(self.arxiv_url).netloc else self.host_delay

    def concurrency_for(self, host: str) -> int:
        return 1 if host == urlsplit(self.arxiv_url).netloc else max(1, self.host_concurrency)


def user_agent(mailto: str | None) -> str:
    """``refkit/0.1.0 (+https://github.com/refkit/refkit; mailto:you@example.org)``.

    Crossref puts clients that name a contact address into its "polite" pool."""
    contact = f"; mailto:{mailto}" if mailto else ""
    return f"refkit/{__version__} (+https://github.com/refkit/refkit{contact})"


@dataclass(frozen=True)
class Query:
    """One GET request, as plain data: what to fetch, not how."""

    url: str
    params: Mapping[str, str] = field(default_factory=dict)
    headers: Mapping[str, str] = field(default_factory=dict)

    def describe(self) -> str:
        if not self.params:
            return self.url
        return requests.Request("GET", self.url, params=dict(self.params)).prepare().url or self.url


@dataclass(frozen=True)
class Reply:
    """A final (non-redirect) answer: status, headers, decoded text."""

    url: str
    status: int
    headers: Mapping[str, str]
    text: str
    from_cache: bool = False

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


def _retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class _Host:
    """Pacing and concurrency state of one host."""

    def __init__(self, delay: float, concurrency: int):
        self.delay = delay
        self.slots = threading.BoundedSemaphore(concurrency)
        self.lock = threading.Lock()
        self.next_time = 0.0


class Client:
    """The one HTTP client: cached, paced, retrying; safe to share between threads.

    ``stats`` counts requests that went to the network, per host;
    ``cache_hits`` those answered from the cache.
    """

    def __init__(self, config: HttpConfig | None = None):
        self.config = config or HttpConfig.from_env()
        self.session = self._make_session()
        self.session.headers["User-Agent"] = user_agent(self.config.mailto)
        self.stats: Counter[str] = Counter()
        self.cache_hits: Counter[str] = Counter()
        self._hosts: dict[str, _Host] = {}
        self._hosts_lock = threading.Lock()
        self._stop = threading.Event()
        self._stats_lock = threading.Lock()

    def _count(self, counter: "Counter[str]", host: str) -> None:
        with self._stats_lock:
            counter[host] += 1

    # ---- set-up ------------------------------------------------------------------
    def _make_session(self) -> requests.Session:
        if not self.config.use_cache:
            return requests.Session()
        from datetime import timedelta

        import requests_cache
        from requests_cache.backends.sqlite import SQLiteCache

        folder = self.config.cache_path
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            from .errors import ConfigError

            raise ConfigError(f"cannot create the cache directory {folder}: {exc.strerror}") from None
        backend = SQLiteCache(folder / "http-cache.sqlite", wal=True, busy_timeout=30000)
        return requests_cache.CachedSession(
            backend=backend,
            expire_after=timedelta(days=self.config.expire_days),
            allowable_codes=CACHE_STATUS,
            allowable_methods=("GET",),
            match_headers=["Accept"],
            stale_if_error=False,
        )

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def stop(self) -> None:
        """Make waiting requests give up (Ctrl-C): they raise :class:`Interrupted`."""
        self._stop.set()

    @property
    def requests_made(self) -> int:
        return sum(self.stats.values())

    def _host(self, host: str) -> _Host:
        with self._hosts_lock:
            state = self._hosts.get(host)
            if state is None:
                state = self._hosts[host] = _Host(self.config.delay_for(host), self.config.concurrency_for(host))
            return state

    # ---- requests -------------------------------------------------------------------
    def get(self, query: Query) -> Reply:
        """GET ``query``, following redirects; the final answer whatever its status
        (4xx included). Raises :class:`LookupFailed` when retries are exhausted,
        :class:`NotCached` offline, :class:`Interrupted` after :meth:`stop`."""
        url: str = query.url
        params: Mapping[str, str] | None = query.params or None
        for _ in range(MAX_REDIRECTS + 1):
            response = self._send(url, params, query.headers)
            if response.status_code in (301, 302, 303, 307, 308) and response.headers.get("location"):
                url = urljoin(response.url or url, response.headers["location"])
                params = None
                continue
            return self._reply(response, query)
        raise LookupFailed("too many redirects", url=query.describe())

    def _reply(self, response: requests.Response, query: Query) -> Reply:
        data = response.content or b""
        if len(data) > self.config.max_bytes:
            raise LookupFailed(f"response too large ({len(data)} bytes)", url=response.url, status=response.status_code)
        encoding = response.encoding if "charset" in response.headers.get("content-type", "").lower() else "utf-8"
        try:
            text = data.decode(encoding or "utf-8", errors="replace")
        except LookupError:
            text = data.decode("utf-8", errors="replace")
        headers = {k.lower(): v for k, v in response.headers.items()}
        return Reply(response.url or query.url, response.status_code, headers, text, bool(getattr(response, "from_cache", False)))

    def _send(self, url: str, params: Mapping[str, str] | None, headers: Mapping[str, str]) -> requests.Response:
        """One hop: from the cache if it can, else the network with pacing and retries."""
        host = urlsplit(url).netloc
        cached = self._from_cache(url, params, headers)
        if cached is not None:
            self._count(self.cache_hits, host)
            return cached
        if self.config.offline:
            raise NotCached("not in the cache (offline)", url=url)
        state = self._host(host)
        wait = 0.0
        last_error = ""
        for attempt in range(self.config.retries + 1):
            if wait:
                self._sleep(wait)
            with state.slots:
                self._pace(state)
                try:
                    self._count(self.stats, host)
                    response = self.session.get(url, params=params, headers=dict(headers), timeout=self.config.timeout, allow_redirects=False)
                    response.content  # read the body now: a truncated body raises here
                except requests.Timeout:
                    last_error = f"timed out after {self.config.timeout:g} s"
                except requests.RequestException as exc:
                    last_error = f"connection failed: {_short(exc)}"
                else:
                    if response.status_code not in RETRY_STATUS:
                        return response
                    last_error = f"HTTP {response.status_code}"
                    after = _retry_after(response.headers.get("retry-after"))
                    if after is not None:
                        if after > self.config.max_wait:
                            raise LookupFailed(f"HTTP {response.status_code}; the server asks to retry after {after:.0f} s",
                                               url=url, status=response.status_code)
                        wait = max(after, self.config.backoff * 2**attempt)
                        continue
            wait = self.config.backoff * 2**attempt
        status = int(last_error[5:]) if last_error.startswith("HTTP ") else None
        raise LookupFailed(f"{last_error} ({self.config.retries + 1} attempts)", url=url, status=status)

    def _from_cache(self, url: str, params: Mapping[str, str] | None, headers: Mapping[str, str]) -> requests.Response | None:
        if not self.config.use_cache:
            return None
        try:
            response = self.session.get(url, params=params, headers=dict(headers), only_if_cached=True,  # type: ignore[call-arg]
                                        allow_redirects=False, timeout=self.config.timeout)
        except Exception:  # a damaged cache entry is a miss, not a failure
            return None
        if response.status_code == 504:  # requests-cache's "not cached" answer (504 is never stored)
            return None
        return response

    def _pace(self, state: _Host) -> None:
        with state.lock:
            now = time.monotonic()
            start = max(now, state.next_time)
            state.next_time = start + state.delay
        if start > now:
            self._sleep(start - now)

    def _sleep(self, seconds: float) -> None:
        if self._stop.wait(seconds):
            raise Interrupted("interrupted")
        if self._stop.is_set():
            raise Interrupted("interrupted")


def _short(exc: BaseException) -> str:
    text = str(exc)
    m = re.search(r"\(Caused by (\w+)", text)
    if m:
        return m.group(1)
    return text[:120]


# ---- fetching input documents -------------------------------------------------------
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.I)


def fetch_text(url: str, *, timeout: float = 30.0, max_bytes: int | None = None) -> str:
    """The text of an http(s) document, for ``refkit convert https://…``.

    Only http and https; a timeout on the connection and each read; at most
    ``max_bytes`` (default :data:`refkit.fileio.MAX_INPUT_BYTES`); decoded by the
    ``charset`` of the Content-Type header, else an HTML ``<meta charset>``, else
    UTF-8. Every failure is an :class:`InputError` naming the URL.
    """
    from .fileio import MAX_INPUT_BYTES, decode

    limit = MAX_INPUT_BYTES if max_bytes is None else max_bytes
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise InputError("only http and https URLs can be read", path=url)
    session = requests.Session()
    session.headers["User-Agent"] = user_agent(os.environ.get("REFKIT_MAILTO"))
    try:
        with session.get(url, timeout=timeout, stream=True) as response:
            if response.status_code >= 400:
                raise InputError(f"HTTP {response.status_code} {response.reason or ''}".rstrip(), path=url)
            length = response.headers.get("content-length", "")
            if length.isdigit() and int(length) > limit:
                raise InputError(f"document is too large ({length} bytes; the limit is {limit})", path=url)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_content(64 * 1024):
                size += len(chunk)
                if size > limit:
                    raise InputError(f"document is too large (over {limit} bytes)", path=url)
                chunks.append(chunk)
            data = b"".join(chunks)
            content_type = response.headers.get("content-type", "")
    except requests.Timeout:
        raise InputError(f"timed out after {timeout:g} s", path=url) from None
    except requests.RequestException as exc:
        raise InputError(f"cannot fetch: {_short(exc)}", path=url) from None
    finally:
        session.close()
    m = re.search(r"charset\s*=\s*[\"']?([\w\-:.]+)", content_type, re.I)
    charset = m.group(1) if m else None
    if charset is None:
        meta = _META_CHARSET.search(data[:4096])
        charset = meta.group(1).decode("ascii") if meta else None
    if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            import codecs

            codecs.lookup(charset)
        except LookupError:
            charset = None
    if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
        return decode(data, url, charset)
    return decode(data, url)


def with_overrides(config: HttpConfig, **changes: Any) -> HttpConfig:
    """``config`` with some fields replaced (``None`` values are ignored)."""
    return replace(config, **{k: v for k, v in changes.items() if v is not None})
