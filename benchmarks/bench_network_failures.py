"""Network failures: how long refkit takes and how much memory it holds when the
network is absent or hostile. Every server is on 127.0.0.1.

    python benchmarks/bench_network_failures.py            # all scenarios
    python benchmarks/bench_network_failures.py --src DIR  # another checkout's src (before/after)

Each scenario runs ``python -m refkit …`` in a child process (address space
capped at 3 GB so a regression cannot take the machine down; a child that runs
longer than ``--limit`` seconds is killed and reported as such), and reports
wall time, exit code and the child's peak RSS (``wait4`` rusage):

* ``offline-enrich``: ``refkit enrich`` on 16 entries (arXiv ids and DOIs, so
  every source is asked) with every base URL on a port nothing listens on;
* ``trickle-enrich`` / ``trickle-convert``: a server that sends one byte per
  second (headers included), ``REFKIT_HTTP_TIMEOUT=3``;
* ``huge-convert``: ``refkit convert URL`` on a 1 GB body without Content-Length;
* ``gzip-bomb-convert`` / ``gzip-bomb-enrich``: a ~200 KB gzip answer that
  decodes to 200 MB (the issue's reproducer).

Targets: offline-enrich ≤ 5 s with a non-zero exit; trickle runs bounded by the
deadline; huge and bomb runs with peak RSS bounded by the caps (8 MB per
lookup answer, 32 MB per URL document), not by the body.
"""

from __future__ import annotations

import argparse
import os
import resource
import socket
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ADDRESS_SPACE = 3 * 1024**3


# ---- servers ----------------------------------------------------------------------------------------------
class Server:
    """A raw TCP server on 127.0.0.1; ``respond(conn)`` serves one connection."""

    def __init__(self, respond):
        self.respond = respond
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn: socket.socket) -> None:
        try:
            conn.recv(65536)
            self.respond(conn)
        except OSError:
            pass
        finally:
            conn.close()

    def close(self) -> None:
        self.sock.close()


def trickle(conn: socket.socket) -> None:
    """One byte per second, from the status line on."""
    answer = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n" + b"<p>x</p>" * 12500
    for i in range(len(answer)):
        conn.sendall(answer[i:i + 1])
        time.sleep(1.0)


def huge(conn: socket.socket) -> None:
    """1 GB of HTML, no Content-Length (ends when the connection closes)."""
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n")
    chunk = b"<li>Doe, J. A title. Journal, 2020.</li>\n" * 1600  # ~64 KB
    sent = 0
    while sent < 1024**3:
        conn.sendall(chunk)
        sent += len(chunk)


def _bomb_body() -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"\0" * (1024 * 1024)
    parts = [packer.compress(block) for _ in range(200)]
    return b"".join(parts) + packer.flush()


BOMB = b""


def bomb(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
                 + f"Content-Length: {len(BOMB)}\r\nConnection: close\r\n\r\n".encode() + BOMB)


def closed_port() -> int:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


# ---- running refkit -----------------------------------------------------------------------------------------
def bib16(folder: Path) -> Path:
    path = folder / "refs.bib"
    path.write_text("".join(
        f"@misc{{p{i},\n  title = {{Paper Number {i} About Things}},\n  author = {{Person, Author{i}}},\n"
        f"  eprint = {{2001.{10000 + i}}},\n  doi = {{10.1000/x{i}}}\n}}\n\n" for i in range(16)), encoding="utf-8")
    return path


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def run(args: list[str], env: dict[str, str], limit: float) -> tuple[float, str, float]:
    """(wall seconds, exit code or 'killed', peak RSS MB) of ``python -m refkit args``."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "refkit", *args], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, preexec_fn=_limit_memory)
    err_lines: list[bytes] = []
    reader = threading.Thread(target=lambda: err_lines.extend(proc.stderr or []), daemon=True)
    reader.start()
    killed = False
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - start > limit:
            proc.kill()
            killed = True
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.02)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    reader.join(1)
    code = "killed" if killed else str(proc.returncode)
    last = err_lines[-1].decode("utf-8", "replace").strip() if err_lines else ""
    if last:
        print(f"    last message: {last[:150]}")
    return wall, code, usage.ru_maxrss / 1024


def main() -> int:
    global BOMB
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--src", type=Path, default=HERE.parent / "src", help="the refkit source tree to measure")
    parser.add_argument("--limit", type=float, default=120.0, help="kill a run after this many seconds")
    parser.add_argument("--only", help="comma-separated scenario names")
    args = parser.parse_args()
    BOMB = _bomb_body()
    dead = f"http://127.0.0.1:{closed_port()}"
    servers = {"trickle": Server(trickle), "huge": Server(huge), "bomb": Server(bomb)}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "none.toml").write_text("")
        base = dict(os.environ, PYTHONPATH=str(args.src.resolve()), REFKIT_CONFIG=str(folder / "none.toml"),
                    REFKIT_ARXIV_DELAY="0", REFKIT_HOST_DELAY="0")

        def urls(root: str) -> dict[str, str]:
            return {"REFKIT_ARXIV_URL": root + "/api/query", "REFKIT_CROSSREF_URL": root, "REFKIT_DOI_URL": root}

        scenarios = {
            "offline-enrich": (["enrich", "{bib}"], urls(dead)),
            "trickle-enrich": (["enrich", "{bib}"], {**urls(servers["trickle"].url), "REFKIT_HTTP_TIMEOUT": "3"}),
            "trickle-convert": (["convert", servers["trickle"].url + "/page.html", "-o", "{out}"], {"REFKIT_HTTP_TIMEOUT": "3"}),
            "huge-convert": (["convert", servers["huge"].url + "/page.html", "-o", "{out}"], {}),
            "gzip-bomb-convert": (["convert", servers["bomb"].url + "/page.html", "-o", "{out}"], {}),
            "gzip-bomb-enrich": (["enrich", "{bib}"], urls(servers["bomb"].url)),
        }
        wanted = args.only.split(",") if args.only else list(scenarios)
        print(f"refkit from {args.src}; body sizes: huge 1 GB, gzip bomb {len(BOMB) // 1024} KB -> 200 MB")
        for i, name in enumerate(wanted):
            command, extra = scenarios[name]
            work = folder / f"run{i}"
            work.mkdir()
            bib = bib16(work)
            env = dict(base, REFKIT_CACHE_DIR=str(work / "cache"), **extra)
            argv = [a.format(bib=bib, out=work / "out.bib") for a in command]
            print(f"  {name}: refkit {' '.join(argv[:1])} …", flush=True)
            wall, code, rss = run(argv, env, args.limit)
            rows.append((name, wall, code, rss))
    for server in servers.values():
        server.close()
    print()
    print(f"{'scenario':<20} {'wall s':>8} {'exit':>7} {'peak RSS MB':>12}")
    for name, wall, code, rss in rows:
        print(f"{name:<20} {wall:>8.2f} {code:>7} {rss:>12.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
