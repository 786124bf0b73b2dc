"""All of refkit's network I/O: one configured transport, used by every resolver.

What this module owns, so that no other module has to think about it:

* **configuration** (:class:`HttpConfig`): base URLs of the services, pacing,
  timeouts, retries, the cache, the contact address; from environment variables
  (``REFKIT_ARXIV_URL``, ``REFKIT_CROSSREF_URL``, ``REFKIT_DOI_URL``,
  ``REFKIT_ARXIV_DELAY``, ``REFKIT_CACHE_DIR``, ``REFKIT_MAILTO``) overlaid by
  explicit options (command line / config file).
* **one session** (:class:`Client`): an SQLite answer cache in the user cache
  directory (:mod:`refkit.httpcache`: private, whole after a kill, moved aside
  and rebuilt when damaged), a User-Agent naming refkit and the contact
  address, per-host pacing (arXiv asks for one request every 3 s) and a small
  per-host concurrency bound, so different hosts proceed in parallel.
* **a total deadline per request** (``timeout``, ``REFKIT_HTTP_TIMEOUT``,
  ``--timeout``): connecting, the headers and the whole body must arrive within
  it; a server trickling one byte a second is cut off at the deadline (a
  watchdog shuts the socket down; per-read socket timeouts alone never fire).
* **bounded bodies**: bodies are streamed and the *decoded* size (after gzip or
  deflate, which refkit decompresses itself in bounded steps) is capped while
  reading (``max_bytes``), so neither a 1 GB answer nor a gzip bomb is ever
  held in memory. Only complete answers under the cap with a cacheable status
  (:data:`CACHE_STATUS`) are cached.
* **retries**: 429, 5xx and broken connections are retried with exponential
  backoff, honouring ``Retry-After`` (arXiv's 429 carries none); other 4xx
  answers are returned to the resolver, which knows what they mean. A host
  that cannot be reached (DNS failure, connection refused, connect timeout) is
  not retried and is marked down for the rest of the run (a circuit breaker):
  later requests to it fail at once. A request that overran its deadline is
  not retried; two in a row mark the host down too.
* **redaction**: every URL in an error goes through :func:`refkit.redact.redact`.
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
import socket
import threading
import time
import zlib
from collections import Counter
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Callable, Mapping
from urllib.parse import urljoin, urlsplit

import requests
import requests.adapters
import urllib3

from . import __version__
from .errors import InputError, LookupFailed
from .fileio import Decoded, charset_of, decode_document
from .httpcache import HttpCache, Stored, cache_key
from .redact import redact

__all__ = [
    "HttpConfig",
    "Query",
    "Reply",
    "Client",
    "NotCached",
    "Interrupted",
    "HostDown",
    "fetch_text",
    "fetch_document",
    "default_cache_dir",
    "user_agent",
]

#: status codes worth retrying: rate limits and server-side trouble
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
#: answers that are facts about the request and may be cached: successes and
#: definite "no" answers (a 404 "not found" is as stable as a 200; 429 and 5xx are not)
CACHE_STATUS = (200, 301, 302, 303, 307, 308, 400, 404, 410)
MAX_REDIRECTS = 5
#: ``refkit convert URL`` refuses larger (decoded) documents: a publication page is
#: never this big, and the HTML reader needs many bytes of memory per input byte
MAX_DOCUMENT_BYTES = 32 * 1024 * 1024


class NotCached(LookupFailed):
    """Raised in offline mode for a request the cache cannot answer."""


class Interrupted(LookupFailed):
    """Raised when the client was stopped (Ctrl-C) while waiting."""


class HostDown(LookupFailed):
    """Raised at once for a host that could not be reached earlier in this run."""


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
    timeout: float = 30.0  # seconds: total deadline per request (connect + headers + body)
    retries: int = 4  # further attempts after the first
    backoff: float = 2.0  # first retry delay; doubles each time
    max_wait: float = 120.0  # longest Retry-After honoured; longer gives up
    max_bytes: int = 8 * 1024 * 1024  # refuse larger (decoded) answers, checked while reading (an API answer is < 1 MB)
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
        if not config.timeout > 0:
            from .errors import ConfigError

            raise ConfigError(f"the HTTP timeout must be more than 0 seconds, not {config.timeout!r} (REFKIT_HTTP_TIMEOUT, --timeout)")
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
        return self.arxiv_delay if host == host_of(self.arxiv_url) else self.host_delay

    def concurrency_for(self, host: str) -> int:
        return 1 if host == host_of(self.arxiv_url) else max(1, self.host_concurrency)


def host_of(url: str) -> str:
    """``host:port`` of ``url``: the unit of pacing and of the circuit breaker (never the credentials)."""
    return urlsplit(url).netloc.rpartition("@")[2].lower()


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

    def full_url(self) -> str:
        """The URL with the parameters encoded (what is sent; the cache key)."""
        if not self.params:
            return self.url
        return requests.Request("GET", self.url, params=dict(self.params)).prepare().url or self.url

    def describe(self) -> str:
        """The URL for messages: credentials and API keys redacted."""
        return redact(self.full_url())


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


# ---- transport: a total deadline and a capped, streamed body ---------------------------------------
class _Deadline:
    """The end of one request's time. A watchdog timer shuts down the sockets the
    request uses when it passes, so a blocking read (headers or body trickling in)
    returns at once; per-operation socket timeouts restart with every byte."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.fired = False
        self.done = False
        self._conns: list[Any] = []
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None

    def remaining(self) -> float:
        return max(0.0, self.end - time.monotonic())

    def __enter__(self) -> "_Deadline":
        _active.deadline = self
        self._arm(self.seconds)
        return self

    def __exit__(self, *exc: object) -> None:
        _active.deadline = None
        with self._lock:
            self.done = True
            if self._timer is not None:
                self._timer.cancel()

    def _arm(self, seconds: float) -> None:
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def attach(self, conn: Any) -> None:
        """Called by the connection pool for every connection the request uses."""
        with self._lock:
            self._conns.append(conn)
        if self.fired:
            _shutdown(conn)

    def _fire(self) -> None:
        with self._lock:
            if self.done:
                return
            self.fired = True
            conns = list(self._conns)
            pending = not conns or any(getattr(c, "sock", None) is None for c in conns)
            if pending:  # still connecting (bounded by the connect timeout) or resolving: look again soon
                self._arm(0.05)
        for conn in conns:
            _shutdown(conn)


_active = threading.local()


def _shutdown(conn: Any) -> None:
    sock = getattr(conn, "sock", None)
    if sock is None:
        return
    try:
        socket.socket.shutdown(sock, socket.SHUT_RDWR)  # the plain socket's method: also under TLS
    except OSError:
        pass


class _WatchedHTTPPool(urllib3.HTTPConnectionPool):
    def _make_request(self, conn: Any, *args: Any, **kwargs: Any) -> Any:
        deadline = getattr(_active, "deadline", None)
        if deadline is not None:
            deadline.attach(conn)
        return super()._make_request(conn, *args, **kwargs)


class _WatchedHTTPSPool(urllib3.HTTPSConnectionPool):
    def _make_request(self, conn: Any, *args: Any, **kwargs: Any) -> Any:
        deadline = getattr(_active, "deadline", None)
        if deadline is not None:
            deadline.attach(conn)
        return super()._make_request(conn, *args, **kwargs)


_POOLS = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


class _Adapter(requests.adapters.HTTPAdapter):
    """requests' adapter with connection pools that report their connections to the deadline."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(_POOLS)

    def proxy_manager_for(self, proxy: str, **kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **kwargs)
        if hasattr(manager, "pool_classes_by_scheme"):
            manager.pool_classes_by_scheme = dict(_POOLS)
        return manager


def _new_session(mailto: str | None) -> requests.Session:
    session = requests.Session()
    adapter = _Adapter()
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = user_agent(mailto)
    session.headers["Accept-Encoding"] = "gzip, deflate"  # what _read_body decodes (in bounded steps)
    return session


class _Failure(Exception):
    """One failed transfer; ``kind`` decides what the caller does:

    ``unreachable`` (DNS, refused, connect timeout, TLS): no retry, host marked down;
    ``deadline``: the request overran its total deadline; ``broken``: the
    connection broke mid-answer (retried); ``too-large``: the body passed the cap;
    ``invalid``: the URL, or the one a redirect names, is malformed (no retry)."""

    def __init__(self, kind: str, message: str):
        self.kind = kind
        super().__init__(message)


@dataclass(frozen=True)
class _Answer:
    url: str
    status: int
    headers: dict[str, str]
    body: bytes


def _chain(exc: BaseException) -> list[BaseException]:
    """``exc`` and what caused it (requests wraps urllib3 wraps socket errors)."""
    seen: list[BaseException] = []
    todo: list[Any] = [exc]
    while todo and len(seen) < 12:
        item = todo.pop()
        if not isinstance(item, BaseException) or any(item is s for s in seen):
            continue
        seen.append(item)
        todo.extend([item.__cause__, item.__context__, getattr(item, "reason", None), *item.args[:1]])
    return seen


def _classify(exc: requests.RequestException) -> _Failure:
    chain = _chain(exc)
    names = {type(e).__name__ for e in chain}
    if "NameResolutionError" in names or any(isinstance(e, socket.gaierror) for e in chain):
        return _Failure("unreachable", "cannot resolve the host name (offline?)")
    if any(isinstance(e, ConnectionRefusedError) for e in chain):
        return _Failure("unreachable", "connection refused")
    if isinstance(exc, requests.exceptions.SSLError):
        return _Failure("unreachable", "TLS handshake failed")
    if isinstance(exc, requests.ConnectTimeout):
        return _Failure("unreachable", "could not connect (timed out)")
    if "NewConnectionError" in names:
        reason = next((e for e in chain if isinstance(e, OSError) and e.strerror), None)
        return _Failure("unreachable", f"could not connect ({reason.strerror.lower() if reason and reason.strerror else 'no route'})")
    if isinstance(exc, requests.Timeout):
        return _Failure("deadline", "timed out")
    return _Failure("broken", f"connection failed: {_short(exc)}")


def _decompressor(coding: str) -> Any:
    if coding in ("", "identity"):
        return None
    if coding in ("gzip", "x-gzip", "deflate"):
        return zlib.decompressobj(32 + zlib.MAX_WBITS)  # gzip or zlib header, detected
    raise _Failure("broken", f"unsupported Content-Encoding {coding!r}")


_STEP = 256 * 1024  # bytes read, and bytes decompressed, per step


def _read_body(response: requests.Response, limit: int, deadline: _Deadline) -> bytes:
    """The decoded body, read and decompressed in 256 KB steps; fails as soon as it passes ``limit``
    bytes (decoded: a gzip bomb is stopped after ``limit`` bytes of output)."""
    coding = response.headers.get("content-encoding", "").strip().lower()
    decoder = _decompressor(coding)
    length = response.headers.get("content-length", "")
    if decoder is None and length.isdigit() and int(length) > limit:
        raise _Failure("too-large", f"answer too large ({int(length):,} bytes; the limit is {limit:,})")
    out = bytearray()
    try:
        raw = response.raw
        while True:
            chunk = raw.read(_STEP, decode_content=False)
            if deadline.fired:
                raise _Failure("deadline", "timed out")
            if not chunk:
                break
            if decoder is None:
                out += chunk
            else:
                while chunk:
                    try:
                        out += decoder.decompress(chunk, min(_STEP, limit + 1 - len(out)))  # bounded output per step
                    except zlib.error:
                        raise _Failure("broken", "corrupt compressed answer") from None
                    if len(out) > limit:
                        break
                    chunk = decoder.unconsumed_tail
                    if decoder.eof and decoder.unused_data:  # another gzip member follows
                        chunk, decoder = decoder.unused_data, _decompressor(coding)
            if len(out) > limit:
                raise _Failure("too-large", f"answer too large (over {limit:,} bytes{' decoded' if decoder else ''}; the limit is {limit:,})")
        if decoder is not None:
            out += decoder.flush()
            if len(out) > limit:
                raise _Failure("too-large", f"answer too large (over {limit:,} bytes decoded; the limit is {limit:,})")
    except BaseException:
        out.clear()  # a traceback keeps this frame alive (in the caller's error): not the data
        raise
    data = bytes(out)
    del out
    return data


def _transfer(session: requests.Session, url: str, params: Mapping[str, str] | None,
              headers: Mapping[str, str], timeout: float, limit: int) -> _Answer:
    """One GET (no redirects followed) within a total deadline of ``timeout`` seconds,
    the body capped at ``limit`` decoded bytes. Raises :class:`_Failure`."""
    with _Deadline(timeout) as deadline:
        try:
            response = session.get(url, params=params, headers=dict(headers), allow_redirects=False, stream=True,
                                   timeout=(min(timeout, 10.0), max(0.01, deadline.remaining())))
        except requests.RequestException as exc:
            if deadline.fired:
                raise _Failure("deadline", "timed out") from None
            raise _classify(exc) from None
        except ValueError:  # urllib on a malformed URL, or on the Location requests reads even unfollowed
            raise _Failure("invalid", "not a valid URL" if _redirect_target(url, url) is None
                           else "redirected to an invalid URL") from None
        try:
            body = _read_body(response, limit, deadline)
        except requests.RequestException as exc:
            raise (_Failure("deadline", "timed out") if deadline.fired else _classify(exc)) from None
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            raise _Failure("deadline", "timed out") if deadline.fired else _Failure("broken", f"connection failed: {_short(exc)}") from None
        finally:
            response.close()
        if deadline.fired:
            raise _Failure("deadline", "timed out")
    answer_headers = {k.lower(): v for k, v in response.headers.items()}
    if "content-encoding" in answer_headers:  # the body is decoded now
        del answer_headers["content-encoding"]
        answer_headers["content-length"] = str(len(body))
    return _Answer(response.url or url, response.status_code, answer_headers, body)


# ---- the client ------------------------------------------------------------------------------------
class _Host:
    """Pacing, concurrency and health of one host."""

    def __init__(self, delay: float, concurrency: int):
        self.delay = delay
        self.slots = threading.BoundedSemaphore(concurrency)
        self.lock = threading.Lock()
        self.next_time = 0.0
        self.down: str | None = None  # why the host is considered unreachable for this run
        self.overruns = 0  # deadline overruns in a row


def _stderr_warning(message: str) -> None:
    import sys

    print(f"refkit: warning: {redact(message)}", file=sys.stderr)


class Client:
    """The one HTTP client: cached, paced, retrying; safe to share between threads.

    ``stats`` counts requests that went to the network, per host;
    ``cache_hits`` those answered from the cache. ``warn`` receives messages
    about the cache (default: printed to stderr).
    """

    def __init__(self, config: HttpConfig | None = None, *, warn: Callable[[str], None] | None = None):
        self.config = config or HttpConfig.from_env()
        self.warn = warn or _stderr_warning
        self.session = _new_session(self.config.mailto)
        self.cache = HttpCache(self.config.cache_path, expire_days=self.config.expire_days, warn=self.warn) if self.config.use_cache else None
        self.stats: Counter[str] = Counter()
        self.cache_hits: Counter[str] = Counter()
        self._hosts: dict[str, _Host] = {}
        self._hosts_lock = threading.Lock()
        self._stop = threading.Event()
        self._stats_lock = threading.Lock()

    def _count(self, counter: "Counter[str]", host: str) -> None:
        with self._stats_lock:
            counter[host] += 1

    def close(self) -> None:
        self.session.close()
        if self.cache is not None:
            self.cache.close()

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
        (4xx included). Raises :class:`LookupFailed` when retries are exhausted or
        the host is down, :class:`NotCached` offline, :class:`Interrupted` after :meth:`stop`."""
        url = query.full_url()
        for _ in range(MAX_REDIRECTS + 1):
            answer = self._send(url, query.headers)
            if answer.status in (301, 302, 303, 307, 308) and answer.headers.get("location"):
                target = _redirect_target(answer.url or url, answer.headers["location"])
                if target is None:
                    raise LookupFailed("redirected to an invalid URL", url=query.describe())
                url = target
                continue
            return self._reply(answer, query)
        raise LookupFailed("too many redirects", url=query.describe())

    def _reply(self, answer: Stored | _Answer, query: Query) -> Reply:
        decoded = decode_document(answer.body, redact(answer.url), declared=charset_of(answer.headers.get("content-type")), strict=False)
        return Reply(answer.url or query.url, answer.status, dict(answer.headers), decoded.text, isinstance(answer, Stored))

    def _send(self, url: str, headers: Mapping[str, str]) -> Stored | _Answer:
        """One hop: from the cache if it can, else the network with pacing and retries."""
        host = host_of(url)
        key = cache_key(url, {k.lower(): v for k, v in headers.items()}.get("accept"))
        if self.cache is not None:
            stored = self.cache.get(key)
            if stored is not None:
                self._count(self.cache_hits, host)
                return stored
        if self.config.offline:
            raise NotCached("not in the cache (offline)", url=url)
        state = self._host(host)
        wait = 0.0
        last_error = ""
        status: int | None = None
        for attempt in range(self.config.retries + 1):
            if wait:
                self._sleep(wait)
            with state.slots:
                if state.down:
                    raise HostDown(f"{state.down}; {host} is not asked again in this run", url=url)
                self._pace(state)
                if self._stop.is_set():
                    raise Interrupted("interrupted")
                self._count(self.stats, host)
                try:
                    answer = _transfer(self.session, url, None, headers, self.config.timeout, self.config.max_bytes)
                except _Failure as failure:
                    if failure.kind == "unreachable":
                        state.down = failure.args[0]
                        raise LookupFailed(str(failure), url=url) from None
                    if failure.kind in ("too-large", "invalid"):
                        raise LookupFailed(str(failure), url=url) from None
                    if failure.kind == "deadline":
                        state.overruns += 1
                        message = f"timed out (no complete answer within {self.config.timeout:g} s)"
                        if state.overruns >= 2:
                            state.down = f"{host} overran the {self.config.timeout:g} s deadline twice"
                        raise LookupFailed(message, url=url) from None
                    last_error = str(failure)
                else:
                    state.overruns = 0
                    if answer.status not in RETRY_STATUS:
                        if self.cache is not None and answer.status in CACHE_STATUS:
                            self.cache.put(key, Stored(answer.url, answer.status, answer.headers, answer.body))
                        return answer
                    status = answer.status
                    last_error = f"HTTP {answer.status}"
                    after = _retry_after(answer.headers.get("retry-after"))
                    if after is not None:
                        if after > self.config.max_wait:
                            raise LookupFailed(f"HTTP {answer.status}; the server asks to retry after {after:.0f} s",
                                               url=url, status=answer.status)
                        wait = max(after, self.config.backoff * 2**attempt)
                        continue
            wait = self.config.backoff * 2**attempt
        raise LookupFailed(f"{last_error} ({self.config.retries + 1} attempts)", url=url,
                           status=status if last_error.startswith("HTTP ") else None)

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


def _redirect_target(base: str, location: str) -> str | None:
    """The URL a redirect's ``Location`` leads to from ``base``, or ``None`` when it is
    no URL (``http://[::1``, ``http://host:port``: urllib raises ValueError on them)."""
    try:
        target = urljoin(base, location.strip())
        urlsplit(target).port  # noqa: B018  (a port that is no number raises here, not later)
    except ValueError:
        return None
    return target


def _short(exc: BaseException) -> str:
    text = str(exc)
    m = re.search(r"\(Caused by (\w+)", text)
    if m:
        return m.group(1)
    return redact(text[:120])


# ---- fetching input documents -------------------------------------------------------
def fetch_document(url: str, *, timeout: float | None = None, max_bytes: int | None = None) -> Decoded:
    """The decoded content of an http(s) document, for ``refkit convert https://…``.

    Only http and https; redirects followed (at most :data:`MAX_REDIRECTS`); a
    total deadline per request (default: ``REFKIT_HTTP_TIMEOUT``, else 30 s); at
    most ``max_bytes`` decoded bytes (default :data:`MAX_DOCUMENT_BYTES`), checked
    while reading. Decoded by :func:`refkit.fileio.decode_document` with
    the ``Content-Type`` charset. Every failure is an :class:`InputError` naming
    the URL (redacted).
    """
    limit = MAX_DOCUMENT_BYTES if max_bytes is None else max_bytes
    seconds = HttpConfig.from_env().timeout if timeout is None else timeout
    if _redirect_target(url, url) is None:
        raise InputError("not a valid URL", path=url)
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise InputError("only http and https URLs can be read", path=url)
    session = _new_session(os.environ.get("REFKIT_MAILTO"))
    try:
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            try:
                answer = _transfer(session, current, None, {}, seconds, limit)
            except _Failure as failure:
                message = f"timed out (no complete answer within {seconds:g} s)" if failure.kind == "deadline" else str(failure)
                raise InputError(message, path=url) from None
            if answer.status in (301, 302, 303, 307, 308) and answer.headers.get("location"):
                target = _redirect_target(answer.url or current, answer.headers["location"])
                if target is None:
                    raise InputError("redirected to an invalid URL", path=url)
                current = target
                continue
            if answer.status >= 400:
                raise InputError(f"HTTP {answer.status}", path=url)
            return decode_document(answer.body, redact(url), declared=charset_of(answer.headers.get("content-type")))
        raise InputError("too many redirects", path=url)
    finally:
        session.close()


def fetch_text(url: str, *, timeout: float | None = None, max_bytes: int | None = None) -> str:
    """The text of an http(s) document (see :func:`fetch_document`)."""
    return fetch_document(url, timeout=timeout, max_bytes=max_bytes).text


def with_overrides(config: HttpConfig, **changes: Any) -> HttpConfig:
    """``config`` with some fields replaced (``None`` values are ignored)."""
    return replace(config, **{k: v for k, v in changes.items() if v is not None})
