"""refkit.http over real HTTP on 127.0.0.1: retries, Retry-After, pacing, cache,
offline mode, redirects, timeouts, truncated bodies, fetch_text."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from enrich_server import test_config
from werkzeug import Request, Response

from refkit.errors import ConfigError, InputError, LookupFailed
from refkit.http import Client, HttpConfig, NotCached, Query, fetch_text, user_agent


def test_config_from_environment_and_overrides():
    env = {"REFKIT_ARXIV_URL": "http://a.test/api", "REFKIT_CROSSREF_URL": "http://c.test", "REFKIT_DOI_URL": "http://d.test",
           "REFKIT_ARXIV_DELAY": "0.5", "REFKIT_CACHE_DIR": "/tmp/x", "REFKIT_MAILTO": "me@example.org"}
    config = HttpConfig.from_env(env, arxiv_delay=None, mailto="you@example.org")
    assert (config.arxiv_url, config.crossref_url, config.doi_url) == ("http://a.test/api", "http://c.test", "http://d.test")
    assert config.arxiv_delay == 0.5 and config.cache_dir == "/tmp/x" and config.mailto == "you@example.org"
    default = HttpConfig.from_env({})
    assert default.arxiv_url == "https://export.arxiv.org/api/query" and default.arxiv_delay == 3.0
    assert default.crossref_url == "https://api.crossref.org" and default.doi_url == "https://doi.org"
    with pytest.raises(ConfigError):
        HttpConfig.from_env({"REFKIT_ARXIV_DELAY": "soon"})
    with pytest.raises(ConfigError):
        HttpConfig.from_env({}, doi_url="ftp://doi.org")


def test_user_agent_names_refkit_and_contact(httpserver, tmp_path):
    httpserver.expect_request("/ua").respond_with_data("ok")
    with Client(test_config(tmp_path)) as client:
        client.get(Query(httpserver.url_for("/ua")))
    request, _ = httpserver.log[0]
    assert request.headers["User-Agent"] == user_agent("tests@example.org")
    assert "refkit/" in request.headers["User-Agent"] and "mailto:tests@example.org" in request.headers["User-Agent"]


def test_429_without_retry_after_is_retried_with_backoff(httpserver, tmp_path):
    httpserver.expect_ordered_request("/q").respond_with_data("Rate exceeded.", status=429)
    httpserver.expect_ordered_request("/q").respond_with_data("<feed/>", content_type="application/atom+xml")
    with Client(test_config(tmp_path)) as client:
        waits: list[float] = []
        client._sleep = waits.append  # type: ignore[method-assign]
        reply = client.get(Query(httpserver.url_for("/q")))
    assert reply.status == 200 and reply.text == "<feed/>"
    assert len(httpserver.log) == 2 and waits == [0.01]


def test_retry_after_is_honoured_and_too_long_gives_up(httpserver, tmp_path):
    httpserver.expect_ordered_request("/q").respond_with_data("busy", status=503, headers={"Retry-After": "7"})
    httpserver.expect_ordered_request("/q").respond_with_data("fine")
    httpserver.expect_ordered_request("/slow").respond_with_data("later", status=429, headers={"Retry-After": "3600"})
    with Client(test_config(tmp_path, retries=3)) as client:
        waits: list[float] = []
        client._sleep = waits.append  # type: ignore[method-assign]
        assert client.get(Query(httpserver.url_for("/q"))).text == "fine"
        assert waits == [7.0]
        with pytest.raises(LookupFailed, match="retry after 3600") as info:
            client.get(Query(httpserver.url_for("/slow")))
    assert info.value.status == 429
    assert len(httpserver.log) == 3  # no retry against a one-hour Retry-After


def test_5xx_exhausts_retries_then_fails(httpserver, tmp_path):
    httpserver.expect_request("/boom").respond_with_data("<html><body>502 Bad Gateway</body></html>", status=502, content_type="text/html")
    with Client(test_config(tmp_path, retries=2)) as client:
        client._sleep = lambda s: None  # type: ignore[method-assign]
        with pytest.raises(LookupFailed) as info:
            client.get(Query(httpserver.url_for("/boom")))
    assert info.value.status == 502 and "3 attempts" in str(info.value)
    assert len(httpserver.log) == 3


def test_404_is_an_answer_not_retried_and_cached(httpserver, tmp_path):
    httpserver.expect_request("/nf").respond_with_data("Resource not found.", status=404, content_type="text/plain")
    with Client(test_config(tmp_path)) as client:
        assert client.get(Query(httpserver.url_for("/nf"))).status == 404
    with Client(test_config(tmp_path)) as client:
        reply = client.get(Query(httpserver.url_for("/nf")))
        assert reply.status == 404 and reply.from_cache and client.requests_made == 0
    assert len(httpserver.log) == 1


def test_redirect_hop_is_followed_with_accept_and_cached(httpserver, tmp_path):
    httpserver.expect_request("/doi/10.1/x").respond_with_data(
        "<html><head><title>Handle Redirect</title></head></html>", status=302,
        headers={"Location": httpserver.url_for("/agency/x/transform")}, content_type="text/html")
    httpserver.expect_request("/agency/x/transform").respond_with_json({"title": "T"})
    query = Query(httpserver.url_for("/doi/10.1/x"), headers={"Accept": "application/vnd.citationstyles.csl+json"})
    with Client(test_config(tmp_path)) as client:
        reply = client.get(query)
        assert reply.status == 200 and "agency" in reply.url and client.requests_made == 2
    assert httpserver.log[1][0].headers["Accept"] == "application/vnd.citationstyles.csl+json"
    with Client(test_config(tmp_path)) as warm:
        assert warm.get(query).text == reply.text and warm.requests_made == 0
    # the Accept header is part of the cache key: another representation is another request
    with Client(test_config(tmp_path)) as other:
        other.get(Query(query.url, headers={"Accept": "application/x-bibtex"}))
        assert other.requests_made == 2


def test_offline_answers_from_cache_only(httpserver, tmp_path):
    httpserver.expect_request("/a").respond_with_data("A")
    with Client(test_config(tmp_path)) as client:
        client.get(Query(httpserver.url_for("/a"), {"x": "1"}))
    with Client(test_config(tmp_path, offline=True)) as offline:
        assert offline.get(Query(httpserver.url_for("/a"), {"x": "1"})).text == "A"
        with pytest.raises(NotCached):
            offline.get(Query(httpserver.url_for("/a"), {"x": "2"}))
    assert len(httpserver.log) == 1


def test_no_cache_always_asks(httpserver, tmp_path):
    httpserver.expect_request("/a").respond_with_data("A")
    for _ in range(2):
        with Client(test_config(tmp_path, use_cache=False)) as client:
            client.get(Query(httpserver.url_for("/a")))
    assert len(httpserver.log) == 2
    assert not (tmp_path / "http-cache.sqlite").exists()


def test_a_deadline_overrun_is_reported_not_retried(httpserver, tmp_path):
    import time

    def slow(request: Request) -> Response:
        time.sleep(0.5)
        return Response("late")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    with Client(test_config(tmp_path, timeout=0.1, retries=1)) as client:
        with pytest.raises(LookupFailed, match="timed out"):
            client.get(Query(httpserver.url_for("/slow")))
        assert client.requests_made == 1  # a server too slow once is not asked again at once


def _raw_server(payload: bytes) -> tuple[str, "threading.Thread", "socket.socket"]:
    """A one-shot-per-connection TCP server that sends ``payload`` and hangs up
    (werkzeug would correct a wrong Content-Length)."""
    import socket
    import threading

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)

    def serve() -> None:
        while True:
            try:
                conn, _ = sock.accept()
            except OSError:
                return
            conn.recv(65536)
            conn.sendall(payload)
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return f"http://127.0.0.1:{sock.getsockname()[1]}", thread, sock


def test_truncated_body_is_a_failure_not_data(tmp_path):
    body = b"<feed><entry>"
    url, _, sock = _raw_server(b"HTTP/1.1 200 OK\r\nContent-Type: application/atom+xml\r\nContent-Length: 5000\r\n\r\n" + body)
    try:
        with Client(test_config(tmp_path, retries=1)) as client:
            client._sleep = lambda s: None  # type: ignore[method-assign]
            with pytest.raises(LookupFailed, match="connection failed"):
                client.get(Query(url + "/cut"))
        with Client(test_config(tmp_path, offline=True)) as offline:  # nothing partial was cached
            with pytest.raises(NotCached):
                offline.get(Query(url + "/cut"))
    finally:
        sock.close()


def test_per_host_pacing_spaces_requests(httpserver, tmp_path):
    httpserver.expect_request("/p").respond_with_data("x")
    config = test_config(tmp_path, use_cache=False, arxiv_url=httpserver.url_for("/p"), arxiv_delay=3.0)
    with Client(config) as client:
        waits: list[float] = []
        client._sleep = waits.append  # type: ignore[method-assign]
        for _ in range(3):
            client.get(Query(httpserver.url_for("/p")))
    # the first request goes at once; the others get the next free slots, 3 s apart
    # (sleeping is faked here, so the third request's slot is 6 s after the first)
    assert len(waits) == 2 and 2.5 < waits[0] <= 3.0 and 5.5 < waits[1] <= 6.0


def test_stop_interrupts_waiting(httpserver, tmp_path):
    from refkit.http import Interrupted

    httpserver.expect_request("/q").respond_with_data("busy", status=503, headers={"Retry-After": "60"})
    with Client(test_config(tmp_path)) as client:
        client.stop()
        with pytest.raises(Interrupted):
            client.get(Query(httpserver.url_for("/q")))


def test_killed_run_leaves_the_cache_usable(httpserver, tmp_path):
    httpserver.expect_request("/k").respond_with_data("x" * 2000)
    script = textwrap.dedent(f"""
        import sys
        from refkit.http import Client, HttpConfig, Query
        client = Client(HttpConfig.from_env({{}}, cache_dir={str(tmp_path)!r}, host_delay=0, arxiv_delay=0))
        for i in range(100000):
            client.get(Query({httpserver.url_for("/k")!r}, {{"i": str(i)}}))
            if i == 20:
                print("ready", flush=True)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    db = sqlite3.connect(tmp_path / "http-cache.sqlite")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    with Client(test_config(tmp_path, offline=True)) as client:
        assert client.get(Query(httpserver.url_for("/k"), {"i": "3"})).text == "x" * 2000


# ---- fetch_text ---------------------------------------------------------------------------------------
def test_fetch_text_decodes_by_charset(httpserver):
    httpserver.expect_request("/latin").respond_with_data("Schölkopf".encode("latin-1"), content_type="text/html; charset=ISO-8859-1")
    httpserver.expect_request("/meta").respond_with_data('<html><head><meta charset="windows-1252"></head>Müller</html>'.encode("cp1252"), content_type="text/html")
    httpserver.expect_request("/utf8").respond_with_data("Zhong – 钟".encode("utf-8"), content_type="text/plain")
    assert fetch_text(httpserver.url_for("/latin")) == "Schölkopf"
    assert "Müller" in fetch_text(httpserver.url_for("/meta"))
    assert fetch_text(httpserver.url_for("/utf8")) == "Zhong – 钟"


def test_http_answers_go_through_the_file_decoder(httpserver, tmp_path):
    """One decoder for files and answers: a BOM wins over a wrong header charset, as in a file."""
    page = "<html><body>Zhong – 钟</body></html>"
    httpserver.expect_request("/u16").respond_with_data(b"\xff\xfe" + page.encode("utf-16-le"), content_type="text/html; charset=iso-8859-1")
    httpserver.expect_request("/api").respond_with_data("Schölkopf".encode("latin-1"), content_type="application/json; charset=latin-1")
    assert fetch_text(httpserver.url_for("/u16")) == page
    with Client(test_config(tmp_path)) as client:
        assert client.get(Query(httpserver.url_for("/u16"))).text == page
        assert client.get(Query(httpserver.url_for("/api"))).text == "Schölkopf"


def test_fetch_text_errors_are_input_errors(httpserver):
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    httpserver.expect_request("/big").respond_with_data("x" * 5000)
    with pytest.raises(InputError, match="HTTP 404"):
        fetch_text(httpserver.url_for("/gone"))
    with pytest.raises(InputError, match="too large"):
        fetch_text(httpserver.url_for("/big"), max_bytes=1000)
    with pytest.raises(InputError, match="only http and https"):
        fetch_text("ftp://example.org/x.html")
    with pytest.raises(InputError) as info:
        fetch_text("http://127.0.0.1:9/nothing-listens-here", timeout=2)
    assert info.value.path == "http://127.0.0.1:9/nothing-listens-here"


def test_a_malformed_url_or_redirect_is_a_refkit_error(tmp_path):
    # urllib raised a bare ValueError on these (an internal error in `convert URL` and `enrich`)
    for bad in ("http://[::1", "http://example.org:port/x"):
        url, sock = _trickle_server(b"HTTP/1.1 302 Found\r\nLocation: " + bad.encode() + b"\r\nContent-Length: 0\r\n\r\n", b"")
        try:
            with pytest.raises(InputError, match="invalid URL"):
                fetch_text(url + "/moved")
            with Client(test_config(tmp_path)) as client, pytest.raises(LookupFailed, match="invalid URL"):
                client.get(Query(url + "/moved"))
        finally:
            sock.close()
        with pytest.raises(InputError, match="not a valid URL"):
            fetch_text(bad)


# ---- deadlines, caps, fail-fast (hostile or absent servers) ---------------------------------------------
def _trickle_server(fast: bytes, slow: bytes, step: float = 0.05) -> tuple[str, "socket.socket"]:
    """A TCP server that sends ``fast`` at once, then ``slow`` one byte per ``step``
    seconds (a slow-headers / slow-body attacker), until the client hangs up."""
    import socket
    import threading
    import time

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)

    def one(conn: socket.socket) -> None:
        try:
            conn.recv(65536)
            conn.sendall(fast)
            for i in range(len(slow)):
                conn.sendall(slow[i:i + 1])
                time.sleep(step)
        except OSError:
            pass
        finally:
            conn.close()

    def serve() -> None:
        while True:
            try:
                conn, _ = sock.accept()
            except OSError:
                return
            threading.Thread(target=one, args=(conn,), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    return f"http://127.0.0.1:{sock.getsockname()[1]}", sock


HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n"


@pytest.mark.parametrize("fast, slow", [(b"", HEAD + b"x" * 1000), (HEAD, b"x" * 100000)], ids=["slow headers", "slow body"])
def test_a_trickling_server_is_cut_off_at_the_total_deadline(tmp_path, fast, slow):
    import time

    url, sock = _trickle_server(fast, slow)
    try:
        with Client(test_config(tmp_path, timeout=0.5, retries=3)) as client:
            start = time.monotonic()
            with pytest.raises(LookupFailed, match="timed out"):
                client.get(Query(url + "/slow"))
            elapsed = time.monotonic() - start
            assert client.requests_made == 1
        # bounded by the deadline (generously, for a loaded machine); per-read socket
        # timeouts alone would wait for every byte: 100,000 x 0.05 s
        assert elapsed < 10.0
        with pytest.raises(InputError, match="timed out"):
            fetch_text(url + "/page", timeout=0.5)
    finally:
        sock.close()


def test_a_body_over_the_cap_fails_while_reading_and_is_not_cached(tmp_path):
    # no Content-Length: the cap must be enforced on the bytes as they arrive
    big = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n" + b"x" * 300_000
    url, _, sock = _raw_server(big)
    try:
        with Client(test_config(tmp_path, max_bytes=100_000)) as client:
            with pytest.raises(LookupFailed, match="too large"):
                client.get(Query(url + "/big"))
            assert client.requests_made == 1  # a too-large answer is not retried
        with Client(test_config(tmp_path, offline=True)) as offline, pytest.raises(NotCached):
            offline.get(Query(url + "/big"))
    finally:
        sock.close()


def test_a_gzip_bomb_is_stopped_at_the_decoded_cap(httpserver, tmp_path):
    import gzip

    bomb = gzip.compress(b"\0" * 20_000_000)  # ~20 KB on the wire, 20 MB decoded
    httpserver.expect_request("/bomb").respond_with_data(bomb, headers={"Content-Encoding": "gzip"}, content_type="application/json")
    httpserver.expect_request("/fine").respond_with_data(gzip.compress(b'{"ok": "caf\xc3\xa9"}'),
                                                         headers={"Content-Encoding": "gzip"}, content_type="application/json")
    with Client(test_config(tmp_path, max_bytes=1_000_000)) as client:
        with pytest.raises(LookupFailed, match="too large"):
            client.get(Query(httpserver.url_for("/bomb")))
        assert client.get(Query(httpserver.url_for("/fine"))).text == '{"ok": "café"}'
    with Client(test_config(tmp_path, offline=True)) as offline:  # the decoded answer was cached, the bomb not
        assert offline.get(Query(httpserver.url_for("/fine"))).text == '{"ok": "café"}'
        with pytest.raises(NotCached):
            offline.get(Query(httpserver.url_for("/bomb")))


def test_server_errors_are_not_cached(httpserver, tmp_path):
    httpserver.expect_request("/busy").respond_with_data("busy", status=503)
    with Client(test_config(tmp_path, retries=0)) as client, pytest.raises(LookupFailed):
        client.get(Query(httpserver.url_for("/busy")))
    with Client(test_config(tmp_path, offline=True)) as offline, pytest.raises(NotCached):
        offline.get(Query(httpserver.url_for("/busy")))


def _closed_port() -> int:
    import socket

    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there now: connections are refused at once
    return port


def test_a_refused_host_fails_fast_and_is_not_asked_again(tmp_path):
    import time

    from refkit.http import HostDown

    url = f"http://127.0.0.1:{_closed_port()}"
    with Client(test_config(tmp_path, retries=4, backoff=1.0)) as client:
        start = time.monotonic()
        with pytest.raises(LookupFailed, match="connection refused") as first:
            client.get(Query(url + "/a"))
        assert not isinstance(first.value, HostDown)
        for _ in range(20):  # the circuit breaker: no further connection attempts this run
            with pytest.raises(HostDown, match="not asked again"):
                client.get(Query(url + "/b"))
        assert client.requests_made == 1  # no retries
        assert time.monotonic() - start < 4.0  # and no backoff (1 + 2 + 4 + 8 s before)


def test_a_dns_failure_is_not_retried(tmp_path, monkeypatch):
    import socket

    def no_dns(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    with Client(test_config(tmp_path, retries=4, backoff=1.0)) as client:
        with pytest.raises(LookupFailed, match="cannot resolve"):
            client.get(Query("http://no-such-host.invalid/x"))
        assert client.requests_made == 1


def test_a_corrupted_cache_is_moved_aside_and_rebuilt(httpserver, tmp_path):
    httpserver.expect_request("/a").respond_with_data("A")
    (tmp_path / "http-cache.sqlite").write_bytes(b"this is not a database" * 100)
    warnings: list[str] = []
    with Client(test_config(tmp_path), warn=warnings.append) as client:
        assert client.get(Query(httpserver.url_for("/a"))).text == "A"
    assert len(warnings) == 1 and "moved it to http-cache.sqlite.broken-" in warnings[0]
    assert [p.name for p in tmp_path.glob("http-cache.sqlite.broken-*")]
    with Client(test_config(tmp_path, offline=True), warn=warnings.append) as offline:
        assert offline.get(Query(httpserver.url_for("/a"))).text == "A"  # the new cache works
    assert len(warnings) == 1


def test_an_unusable_cache_folder_means_no_cache_not_a_failure(httpserver, tmp_path):
    httpserver.expect_request("/a").respond_with_data("A")
    (tmp_path / "file").write_text("not a folder")
    warnings: list[str] = []
    with Client(test_config(tmp_path / "file" / "cache"), warn=warnings.append) as client:
        assert client.get(Query(httpserver.url_for("/a"))).text == "A"
        assert client.get(Query(httpserver.url_for("/a"))).text == "A"
        assert client.requests_made == 2
    assert len(warnings) == 1 and "continuing without a cache" in warnings[0]


def test_cache_is_private(httpserver, tmp_path):
    import stat

    httpserver.expect_request("/a").respond_with_data("A")
    folder = tmp_path / "cache"
    with Client(test_config(folder)) as client:
        client.get(Query(httpserver.url_for("/a")))
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    os.chmod(folder, 0o755)  # a cache directory left open by an older version is tightened
    with Client(test_config(folder)):
        pass
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_credentials_and_keys_never_appear_in_errors(tmp_path):
    url = f"http://alice:s3cret@127.0.0.1:{_closed_port()}/api?api_key=K3Y&query.bibliographic=deep+learning"
    with Client(test_config(tmp_path, retries=0)) as client, pytest.raises(LookupFailed) as info:
        client.get(Query(url))
    shown = f"{info.value} {info.value.url}"
    assert "s3cret" not in shown and "K3Y" not in shown and "alice" not in shown
    assert "query.bibliographic=deep+learning" in info.value.url  # what was asked stays visible
    with pytest.raises(InputError) as page:
        fetch_text(url, timeout=2)
    assert "s3cret" not in str(page.value) and "K3Y" not in str(page.value)
