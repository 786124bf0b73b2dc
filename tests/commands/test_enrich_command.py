"""``refkit enrich`` and ``refkit convert --enrich`` end to end, against the fake
services: in-place minimal rewrites, exit codes, offline, Ctrl-C, configuration."""

from __future__ import annotations

import pytest
from enrich_server import FakeScholar, Paper, install

from refkit.cli import main

BIT = Paper("Blur Interpolation Transformer for Real-World Motion from Blur",
            ("Zhihang Zhong", "Mingdeng Cao", "Xiang Ji", "Yinqiang Zheng", "Imari Sato"), 2023,
            arxiv="2211.11423", arxiv_year=2022, doi="10.1109/CVPR52729.2023.00553",
            venue="2023 IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)",
            type="proceedings-article", pages="5713-5723")

UNTOUCHED = """@Book{knuth,
    author = "Knuth, Donald E.",
    title = {The {\\TeX}book},
    publisher = aw, year = 1984 }"""

SOURCE = f"""% my bibliography
@string{{aw = {{Addison-Wesley}}}}

{UNTOUCHED}

@misc{{bit,
  title = {{Blur Interpolation Transformer for Real-World Motion from Blur}},
  author = {{Zhong, Zhihang and others}},
  year = {{2022}},
  eprint = {{2211.11423}},
  archiveprefix = {{arXiv}}
}}
"""


@pytest.fixture
def scholar(httpserver, monkeypatch, tmp_path):
    fake = FakeScholar([BIT])
    urls = install(httpserver, fake)
    monkeypatch.setenv("REFKIT_ARXIV_URL", urls["arxiv_url"])
    monkeypatch.setenv("REFKIT_CROSSREF_URL", urls["crossref_url"])
    monkeypatch.setenv("REFKIT_DOI_URL", urls["doi_url"])
    monkeypatch.setenv("REFKIT_ARXIV_DELAY", "0")
    monkeypatch.setenv("REFKIT_HOST_DELAY", "0")
    monkeypatch.setenv("REFKIT_HTTP_BACKOFF", "0.01")
    monkeypatch.setenv("REFKIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("REFKIT_CONFIG", str(tmp_path / "none.toml"))
    (tmp_path / "none.toml").write_text("")
    return fake


def test_enrich_in_place_touches_only_the_changed_entry(scholar, tmp_path, capsys):
    path = tmp_path / "refs.bib"
    path.write_text(SOURCE)
    assert main(["enrich", str(path)]) == 1
    text = path.read_text()
    assert text.startswith("% my bibliography\n@string{aw = {Addison-Wesley}}\n\n" + UNTOUCHED + "\n\n@inproceedings{bit,")
    assert "booktitle = {2023 IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)}" in text
    assert "Ji, Xiang" in text and "pages = {5713--5723}" in text and "eprint = {2211.11423}" in text
    err = capsys.readouterr().err
    assert "1 enriched" in err and "requests" in err
    # a second run finds nothing more to change
    assert main(["enrich", str(path)]) == 0
    assert path.read_text() == text


def test_enrich_writes_a_utf16_file_back_in_utf16(scholar, tmp_path):
    path = tmp_path / "refs.bib"
    path.write_bytes(SOURCE.encode("utf-16"))  # with a BOM
    assert main(["enrich", str(path)]) == 1
    data = path.read_bytes()
    assert data.startswith(b"\xff\xfe") and "Ji, Xiang" in data.decode("utf-16")


def test_explain_shows_sources_of_every_field(scholar, tmp_path, capsys):
    path = tmp_path / "refs.bib"
    path.write_text(SOURCE)
    main(["enrich", "--explain", str(path)])
    err = capsys.readouterr().err
    assert "bit: author = Zhong, Zhihang and Cao, Mingdeng" in err and "[arxiv:2211.11423;" in err
    assert "bit: doi = " in err and "upgraded preprint" in err


def test_keep_policy_from_the_config_file(scholar, tmp_path, monkeypatch):
    config = tmp_path / "refkit.toml"
    config.write_text('preprint-policy = "keep"\nmailto = "me@example.org"\nsources = ["arxiv", "doi"]\narxiv-delay = 0\n')
    monkeypatch.setenv("REFKIT_CONFIG", str(config))
    path = tmp_path / "refs.bib"
    path.write_text(SOURCE)
    assert main(["enrich", str(path)]) == 1
    text = path.read_text()
    assert "@misc{bit," in text and "doi" not in text and "Ji, Xiang" in text
    assert not any(line.startswith("/crossref/works") for line in scholar.log)  # no Crossref search: not configured


def test_offline_names_entries_it_could_not_enrich(scholar, tmp_path, capsys):
    path = tmp_path / "refs.bib"
    path.write_text(SOURCE)
    assert main(["enrich", "--offline", str(path)]) == 0
    assert path.read_text() == SOURCE
    err = capsys.readouterr().err
    assert "bit: EN104" in err and "knuth: EN104" in err and "2 offline" in err
    assert sum(scholar.counts.values()) == 0


def test_interrupted_run_leaves_the_file_untouched(scholar, tmp_path, monkeypatch, capsys):
    import refkit.enrichment

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(refkit.enrichment, "enrich_report", interrupted)
    path = tmp_path / "refs.bib"
    path.write_text(SOURCE)
    assert main(["enrich", str(path)]) == 130
    assert path.read_text() == SOURCE
    assert "interrupted" in capsys.readouterr().err


def test_missing_file_is_an_error(scholar, tmp_path):
    assert main(["enrich", str(tmp_path / "nope.bib")]) == 2


def test_convert_hooks_add_options_and_enrich_library(scholar, tmp_path, capsys):
    """What ``refkit convert --enrich`` calls: the shared options and enrich_library."""
    import argparse

    from refkit.commands.enrich import add_enrich_arguments, enrich_library
    from refkit.io import read_string

    parser = argparse.ArgumentParser()
    add_enrich_arguments(parser)
    assert "--enrich" not in parser.format_help().replace("--enrich ", "")  # convert adds --enrich itself
    library = read_string(SOURCE, format="bibtex", path="in.bib")
    assert sum(scholar.counts.values()) == 0  # reading never uses the network
    args = parser.parse_args(["--sources", "arxiv", "--no-search", "--mailto", "me@example.org"])
    result = enrich_library(library, args)
    assert scholar.counts["arxiv"] == 1 and scholar.counts["doi"] == 0
    assert "Ji, Xiang" in result.get("bit").get("author")
    assert "2 entries: 1 enriched" in capsys.readouterr().err


def test_unknown_source_is_a_usage_error(scholar, tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(SOURCE)
    assert main(["enrich", "--sources", "arxiv,scholar", str(path)]) == 2
    assert path.read_text() == SOURCE


def test_ctrl_c_in_a_real_process_leaves_file_and_cache_intact(httpserver, tmp_path):
    import os
    import signal
    import sqlite3
    import subprocess
    import sys
    import time as _time

    papers = [Paper(f"Paper Number {i} About Things", (f"Author{i} Person",), 2020, arxiv=f"2001.{10000 + i}") for i in range(30)]
    fake = FakeScholar(papers, latency=0.3)
    urls = install(httpserver, fake)
    path = tmp_path / "refs.bib"
    text = "".join(f"@misc{{p{i},\n  title = {{Paper Number {i} About Things}},\n  author = {{Person, Author{i} and others}}\n}}\n\n" for i in range(30))
    path.write_text(text)
    env = dict(os.environ, REFKIT_ARXIV_URL=urls["arxiv_url"], REFKIT_CROSSREF_URL=urls["crossref_url"],
               REFKIT_DOI_URL=urls["doi_url"], REFKIT_ARXIV_DELAY="0", REFKIT_CACHE_DIR=str(tmp_path / "cache"),
               REFKIT_CONFIG=str(tmp_path / "none.toml"))
    (tmp_path / "none.toml").write_text("")
    # Ctrl-C as in a terminal: the child starts with SIGINT at its default disposition. A
    # test run launched in the background ('cmd &' without job control) has SIGINT ignored,
    # which children inherit, and Python then (rightly) installs no KeyboardInterrupt handler.
    proc = subprocess.Popen([sys.executable, "-m", "refkit", "enrich", str(path)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    while len(fake.log) < 3 and proc.poll() is None:  # wait until lookups are under way
        _time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "interrupted" in err
    assert path.read_text() == text
    db = sqlite3.connect(tmp_path / "cache" / "http-cache.sqlite")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()


def test_a_file_with_syntax_errors_is_left_alone(scholar, tmp_path, capsys):
    broken = tmp_path / "broken.bib"
    broken.write_text("@article{a, title={x}\n" + SOURCE)
    good = tmp_path / "good.bib"
    good.write_text(SOURCE)
    assert main(["enrich", str(broken), str(good)]) == 2
    assert broken.read_text() == "@article{a, title={x}\n" + SOURCE
    assert "Ji, Xiang" in good.read_text()  # the other file was still enriched
    assert "broken.bib:2:1: RK1" in capsys.readouterr().err  # the reader's syntax error, with its location


def test_progress_starts_before_the_first_answer(scholar, tmp_path):
    from refkit.enrichment import enrich_report
    from refkit.io import read_string

    calls: list[tuple[int, int]] = []
    enrich_report(read_string(SOURCE, format="bibtex"), progress=lambda done, total: calls.append((done, total)))
    assert calls[0][0] == 0 and calls[0][1] > 0  # shown as soon as lookups are queued
    assert calls[-1][0] == calls[-1][1]


def test_progress_bar_only_on_a_terminal():
    import io

    from refkit.commands.enrich import _Progress

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    pipe, tty = io.StringIO(), Tty()
    for stream in (pipe, tty):
        bar = _Progress(stream)
        bar(3, 12)
        bar.finish()
    assert pipe.getvalue() == ""
    assert "3/12 lookups" in tty.getvalue() and tty.getvalue().endswith("\r\033[K")


def test_no_network_fails_fast_with_exit_code_3(tmp_path, monkeypatch, capsys):
    """Every service unreachable (a port nothing listens on): each host is tried
    once, the file is left as it was, and the exit code says lookups failed."""
    import socket
    import time

    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    dead = f"http://user:pw@127.0.0.1:{port}"
    for var, value in (("REFKIT_ARXIV_URL", dead + "/api/query"), ("REFKIT_CROSSREF_URL", dead),
                       ("REFKIT_DOI_URL", dead), ("REFKIT_CACHE_DIR", str(tmp_path / "cache")),
                       ("REFKIT_CONFIG", str(tmp_path / "none.toml"))):
        monkeypatch.setenv(var, value)
    (tmp_path / "none.toml").write_text("")
    text = "".join(f"@misc{{p{i},\n  title = {{Paper Number {i} About Things}},\n  author = {{Person, Author{i}}},\n"
                   f"  eprint = {{2001.{10000 + i}}}, doi = {{10.1000/x{i}}}\n}}\n\n" for i in range(16))
    path = tmp_path / "refs.bib"
    path.write_text(text)
    start = time.monotonic()
    assert main(["enrich", str(path)]) == 3
    assert time.monotonic() - start < 20  # generous for a loaded machine; it was minutes (retries with backoff)
    assert path.read_text() == text
    err = capsys.readouterr().err
    assert "16 failed" in err and "connection refused" in err and "not asked again" in err
    assert ":pw@" not in err and "exit code 3" in err


def test_help_documents_the_exit_codes(capsys):
    assert main(["enrich", "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert "3 some lookups failed" in help_text and "1 a file was changed" in help_text and "--timeout" in help_text


def test_timeout_from_the_config_file_and_the_command_line(tmp_path, monkeypatch):
    import argparse

    from refkit.commands.enrich import add_enrich_arguments, http_config
    from refkit.config import apply_config
    from refkit.errors import ConfigError

    config = tmp_path / "refkit.toml"
    config.write_text("timeout = 4.5\n")
    monkeypatch.setenv("REFKIT_CONFIG", str(config))
    monkeypatch.setenv("REFKIT_HTTP_TIMEOUT", "9")
    parser = argparse.ArgumentParser()
    add_enrich_arguments(parser)
    apply_config(parser, "enrich")
    assert http_config(parser.parse_args([])).timeout == 4.5  # the config file wins over the environment
    assert http_config(parser.parse_args(["--timeout", "2"])).timeout == 2.0
    with pytest.raises(ConfigError, match="more than 0 seconds"):
        http_config(parser.parse_args(["--timeout", "0"]))
