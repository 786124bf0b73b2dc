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


def test_timeout_is_retried_then_reported(httpserver, tmp_path):
    import time

    def slow(request: Request) -> Response:
        time.sleep(0.5)
        return Response("late")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    with Client(test_config(tmp_path, timeout=0.1, retries=1)) as client:
        with pytest.raises(LookupFailed, match="timed out"):
            client.get(Query(httpserver.url_for("/slow")))


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
