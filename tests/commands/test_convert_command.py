"""``refkit convert``: formats sniffed from content, output chosen by extension,
several inputs merged into one library, clear exits."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from pybtex.database import parse_string

from refkit.cli import main

PAGE = """<!DOCTYPE html><html><body><nav><a href="/">Home</a> <a href="/cv">CV</a></nav>
<h2>Publications</h2>
<ul>
<li>Jane Doe, John Roe. <b>Learning to Count Sheep.</b> <i>Journal of Ovine Studies</i>, 12(3):45-67, 2021.
 <a href="https://doi.org/10.1234/jos.2021.045">DOI</a></li>
<li>Ada Lovelace, Jane Doe. <b>Notes on the Analytical Engine.</b> In <i>Proceedings of the Babbage Workshop</i>, 2019.
 <a href="https://arxiv.org/abs/1901.00001v2">arXiv</a></li>
</ul>
<footer>Last updated 2024</footer></body></html>
"""

CV = """# Curriculum Vitae

## Publications

1. Jane Doe, John Roe. **Learning to Count Sheep.** Journal of Ovine Studies, 12(3):45-67, 2021. doi:10.1234/jos.2021.045
2. Jane Doe. **A Third Paper on Wool.** Textile Letters, 2022.
"""


def run(*args: str) -> int:
    return main(["convert", *args])


def bib_entries(path: Path) -> dict:
    return dict(parse_string(path.read_text(encoding="utf-8"), "bibtex").entries)


def test_html_saved_as_txt_is_read_as_html(tmp_path: Path) -> None:
    src = tmp_path / "page.txt"
    src.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out.bib"
    assert run(str(src), "-o", str(out)) == 0
    entries = bib_entries(out)
    titles = sorted(str(e.fields["title"]) for e in entries.values())
    assert [t.replace("{", "").replace("}", "") for t in titles] == ["Learning to Count Sheep", "Notes on the Analytical Engine"]
    dois = [e.fields.get("doi") for e in entries.values() if e.fields.get("doi")]
    assert dois == ["10.1234/jos.2021.045"]
    eprints = [e.fields.get("eprint") for e in entries.values() if e.fields.get("eprint")]
    assert eprints == ["1901.00001"]


def test_output_format_follows_the_extension_and_to(tmp_path: Path) -> None:
    src = tmp_path / "page.html"
    src.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out.json"
    assert run(str(src), "-o", str(out)) == 0
    items = json.loads(out.read_text(encoding="utf-8"))
    assert {item["title"] for item in items} == {"Learning to Count Sheep", "Notes on the Analytical Engine"}
    listing = tmp_path / "list.txt"
    assert run(str(src), "-o", str(listing), "--to", "markdown", "--style", "apa") == 0
    assert "Learning to Count Sheep" in listing.read_text(encoding="utf-8")


def test_several_inputs_merge_and_a_paper_listed_twice_becomes_one_entry(tmp_path: Path) -> None:
    page, cv = tmp_path / "page.html", tmp_path / "cv.md"
    page.write_text(PAGE, encoding="utf-8")
    cv.write_text(CV, encoding="utf-8")
    out = tmp_path / "all.bib"
    assert run(str(page), str(cv), "-o", str(out)) == 0
    entries = bib_entries(out)
    titles = sorted(str(e.fields["title"]).replace("{", "").replace("}", "") for e in entries.values())
    assert titles == ["A Third Paper on Wool", "Learning to Count Sheep", "Notes on the Analytical Engine"]
    assert len({key.lower() for key in entries}) == 3


def test_same_key_for_two_different_papers_gets_a_new_key(tmp_path: Path) -> None:
    a, b = tmp_path / "a.bib", tmp_path / "b.bib"
    a.write_text("@article{doe2021,\n  title = {Learning to Count Sheep},\n  author = {Doe, Jane},\n  year = {2021}\n}\n")
    b.write_text("@article{doe2021,\n  title = {A Completely Different Paper},\n  author = {Doe, Jane},\n  year = {2021}\n}\n")
    out = tmp_path / "out.bib"
    assert run(str(a), str(b), "-o", str(out)) == 0
    entries = bib_entries(out)
    assert len(entries) == 2 and "doe2021" in entries


def test_a_document_without_publications_exits_1_with_a_message(tmp_path: Path, capsys) -> None:
    src = tmp_path / "notes.md"
    src.write_text("# Shopping list\n\n- milk\n- bread\n", encoding="utf-8")
    out = tmp_path / "out.bib"
    assert run(str(src), "-o", str(out)) == 1
    err = capsys.readouterr().err
    assert "no publication entries found in the input" in err and "out.bib was not written" in err
    assert not out.exists()  # no 0-byte file left behind


def test_highlight_matching_nobody_warns(tmp_path: Path, capsys) -> None:
    src = tmp_path / "page.html"
    src.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out.md"
    assert run(str(src), "-o", str(out), "--highlight", "Jane Doe", "--highlight", "Jon Smith") == 0
    err = capsys.readouterr().err
    assert "--highlight 'Jon Smith' matches no author or editor" in err
    assert "Jane Doe" not in err
    assert "**" in out.read_text(encoding="utf-8")


def test_unknown_output_extension_is_a_clear_error(tmp_path: Path) -> None:
    src = tmp_path / "page.html"
    src.write_text(PAGE, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "refkit", "convert", str(src), "-o", str(tmp_path / "out.xyz")],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "cannot tell the output format" in proc.stderr and "Traceback" not in proc.stderr


def test_stdin_to_stdout(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "refkit", "convert", "-", "--to", "bibtex"], input=CV,
                          capture_output=True, text=True)
    assert proc.returncode == 0
    assert len(parse_string(proc.stdout, "bibtex").entries) == 2


def test_an_http_url_is_fetched_and_sniffed(tmp_path: Path, httpserver) -> None:
    httpserver.expect_request("/~doe/pubs").respond_with_data(PAGE, content_type="text/html; charset=utf-8")
    out = tmp_path / "out.bib"
    assert run(httpserver.url_for("/~doe/pubs"), "-o", str(out)) == 0
    assert len(bib_entries(out)) == 2


def test_an_unreachable_url_is_a_clear_error(tmp_path: Path, httpserver, capsys) -> None:
    httpserver.expect_request("/gone").respond_with_data("not here", status=404)
    assert run(httpserver.url_for("/gone"), "-o", str(tmp_path / "out.bib")) == 2
    err = capsys.readouterr().err
    assert "HTTP 404" in err and "/gone" in err
    assert not (tmp_path / "out.bib").exists()


UNCERTAIN = """<!DOCTYPE html><html><body><h2>Publications</h2><ul>
<li>Jane Doe, John Roe. <b>Learning to Count Sheep.</b> <i>Journal of Ovine Studies</i>, 12(3):45-67, 2021.</li>
""" + "".join(
    f"<li><i>Notes on Wool and Sheep, Part {n}</i>. Textile Letters, vol. {n}, pp. 1-9.</li>\n" for n in range(12)
) + "</ul></body></html>\n"


def test_convert_ends_with_a_capped_review_list_of_uncertain_entries(tmp_path: Path, capsys) -> None:
    src = tmp_path / "page.html"
    src.write_text(UNCERTAIN, encoding="utf-8")
    out = tmp_path / "out.bib"
    assert run(str(src), "-o", str(out)) == 0
    err = capsys.readouterr().err
    lines = err.splitlines()
    head = next(i for i, line in enumerate(lines) if "entries to review" in line)
    listed = lines[head + 1:]
    assert len(listed) == 11 and listed[-1].strip() == "…and 2 more"
    assert all(line.strip().startswith(f"{src}:") for line in listed[:10])
    assert "no authors" in listed[0] and "no year" in listed[0]
    assert "Learning to Count Sheep" not in err and "doe2021learning" not in err  # the certain one is not listed
    assert len(bib_entries(out)) == 13  # the list only informs: every entry is written

    assert run(str(src), "-o", str(out), "--quiet") == 0
    assert "review" not in capsys.readouterr().err


def test_a_cv_saved_in_windows_1252_is_read_with_a_warning_naming_the_guess(tmp_path: Path, capsys) -> None:
    src = tmp_path / "cv.md"
    src.write_bytes(CV.replace("Jane Doe. **A Third", "Jürgen Müller. **A Third").encode("cp1252"))
    out = tmp_path / "out.bib"
    assert run(str(src), "-o", str(out)) == 0
    authors = [str(p) for e in bib_entries(out).values() for p in e.persons["author"]]
    assert "Müller, Jürgen" in authors
    err = capsys.readouterr().err
    assert f"{src}:6:" in err and "RK194" in err and "cp1252" in err and "--encoding" in err


def test_a_bib_file_in_a_legacy_encoding_is_still_refused_by_format(tmp_path: Path, capsys) -> None:
    path = tmp_path / "refs.bib"
    data = "@misc{a, title = {Müller}}\n".encode("cp1252")
    path.write_bytes(data)
    assert main(["format", str(path)]) == 2
    assert path.read_bytes() == data  # never rewritten on a guess
    assert "invalid UTF-8" in capsys.readouterr().err


MATH_PAGE = """<html><body><h2>Publications</h2><ul>
<li>Jane Doe, John Roe. <b>Bounds on $Z\\to \\mu^+\\mu^-$ decays with $ p_T > 20\\,\\mathrm{GeV} $.</b> <i>Physics Letters</i>, 2020.</li>
<li>Ada Lovelace, Jane Doe. <b>Counting $q$-colorings in \\(O(n \\log n)\\) time.</b> <i>Journal of Graphs</i>, 2019.</li>
<li>Jane Doe. <b>What $5 million and $10 buy in a laboratory.</b> <i>Science Policy Letters</i>, 2018.</li>
</ul></body></html>
"""


def test_math_in_titles_reaches_bibtex_as_math_and_csl_as_text(tmp_path: Path) -> None:
    # a MathJax page keeps inline TeX in its text; the .bib gets it as math, a strict
    # parser reads it, and CSL-JSON shows it readably; dollar amounts stay text
    import pybtex.errors

    src = tmp_path / "page.html"
    src.write_text(MATH_PAGE, encoding="utf-8")
    out = tmp_path / "out.bib"
    assert run(str(src), "-o", str(out)) == 0
    pybtex.errors.set_strict_mode(True)
    titles = sorted(str(e.fields["title"]) for e in bib_entries(out).values())
    assert titles == [
        r"Bounds on $Z\to \mu^+\mu^-$ decays with $ p_T > 20\,\mathrm{GeV} $",
        r"Counting $q$-colorings in $O(n \log n)$ time",
        r"What \$5 million and \$10 buy in a laboratory",
    ]
    csl = tmp_path / "out.json"
    assert run(str(src), "-o", str(csl)) == 0
    shown = sorted(item["title"] for item in json.loads(csl.read_text(encoding="utf-8")))
    assert shown == [
        r"Bounds on Z→μ⁺μ⁻ decays with $ p_T > 20\,\mathrm{GeV} $",
        "Counting q-colorings in O(n log n) time",
        "What $5 million and $10 buy in a laboratory",
    ]
