"""The documentation keeps up with the code: every command, option and rule is documented,
generated pages are current, the nav points at real pages, and README and CI agree."""

from __future__ import annotations

import argparse
import re
import runpy
from pathlib import Path

import pytest

from refkit.checks import RULES
from refkit.commands import COMMANDS, build_parser

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_generated_pages_are_current() -> None:
    generated = runpy.run_path(str(DOCS / "gen.py"))["generated"]()
    check = DOCS / "check.md"
    assert read(check) == generated[check], "docs/check.md is out of date: run `python docs/gen.py`"


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_and_option_is_documented_with_help(command: str) -> None:
    """docs/cli.md holds every option with its current help text (compared without white
    space: argparse wraps lines differently across Python versions)."""
    _, subparsers = build_parser(command)
    parser = subparsers[command]
    cli = read(DOCS / "cli.md")
    flat = "".join(cli.split())
    assert f"\n## refkit {command}\n" in cli
    formatter = parser._get_formatter()
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        assert action.help and action.help != argparse.SUPPRESS, f"refkit {command} {action.option_strings}: no help"
        stale = "is out of date: run `python docs/gen.py`"
        assert "".join(formatter._expand_help(action).split()) in flat, f"docs/cli.md {stale} ({action.dest})"
        for option in action.option_strings:
            if option.startswith("--"):
                assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", cli), f"{option}: docs/cli.md {stale}"


def test_every_rule_is_documented() -> None:
    page = read(DOCS / "check.md")
    for code, rule in RULES.items():
        assert f"| `{code}` | `{rule.name}` |" in page


def test_nav_points_at_pages_that_exist() -> None:
    config = read(ROOT / "mkdocs.yml")
    pages = re.findall(r":\s*([\w./-]+\.md)\s*$", config, re.M)
    assert "check.md" in pages and "api.md" in pages
    missing = [p for p in pages if not (DOCS / p).is_file()]
    assert not missing, f"mkdocs.yml nav names missing pages: {missing}"


def test_pages_link_only_to_pages_that_exist() -> None:
    for page in DOCS.glob("*.md"):
        for target in re.findall(r"\]\(([\w./-]+\.md)(?:#[\w-]+)?\)", read(page)):
            assert (DOCS / target).is_file(), f"{page.name} links to missing {target}"


def test_ci_installs_and_tests_exactly_as_the_readme_says() -> None:
    readme, ci = read(ROOT / "README.md"), read(ROOT / ".ci" / "run")
    install = re.search(r"## Install\s+(?:```\w*\n)?\s*(.+)", readme)
    test = re.search(r"## Test\s+(?:```\w*\n)?\s*(.+)", readme)
    assert install and test
    assert install.group(1).strip() in ci.splitlines()
    assert test.group(1).strip() in ci.splitlines()
    assert "mkdocs build --strict" in ci


def test_readme_shows_the_pre_commit_hooks_that_exist() -> None:
    hooks = re.findall(r"^- id: (\S+)", read(ROOT / ".pre-commit-hooks.yaml"), re.M)
    readme = read(ROOT / "README.md")
    assert hooks == ["refkit-format", "refkit-check"]
    assert all(f"id: {hook}" in readme for hook in hooks)


def test_the_readme_example_works(tmp_path: Path) -> None:
    import subprocess
    import sys

    assert "refkit convert examples/publications.html -o pubs.bib" in read(ROOT / "README.md")
    out = tmp_path / "pubs.bib"
    convert = subprocess.run([sys.executable, "-m", "refkit", "convert", str(ROOT / "examples" / "publications.html"),
                              "-o", str(out)], capture_output=True, text=True)
    assert convert.returncode == 0, convert.stderr
    text = read(out)
    assert text.count("\n@") + text.startswith("@") == 3
    for expected in ("Attention Is All You Need", "10.1109/CVPR.2016.90", "1412.6980", "Kaiser, Łukasz"):
        assert expected in text
    check = subprocess.run([sys.executable, "-m", "refkit", "check", str(out)], capture_output=True, text=True)
    assert (check.returncode, check.stdout) == (0, ""), check.stdout + check.stderr


_SPHINX_ROLE = re.compile(r":(?:class|func|meth|mod|data|attr|exc|obj):`")


def _api_docstrings() -> list[tuple[str, str]]:
    """(object, docstring) for everything docs/api.md renders: the `::: x` objects,
    and the public functions and classes of the classes and modules among them."""
    import importlib
    import inspect

    out: list[tuple[str, str]] = []
    seen: set[int] = set()

    def walk(obj: object, name: str) -> None:
        if id(obj) in seen:
            return
        seen.add(id(obj))
        doc = inspect.getdoc(obj) if not inspect.ismodule(obj) else obj.__doc__
        if doc:
            out.append((name, doc))
        if inspect.ismodule(obj) or inspect.isclass(obj):
            home = obj.__name__ if inspect.ismodule(obj) else obj.__module__
            for member_name, member in vars(obj).items():
                member = member.fget if isinstance(member, property) else getattr(member, "__func__", member)
                if not member_name.startswith("_") and getattr(member, "__module__", None) == home and (
                        inspect.isfunction(member) or inspect.isclass(member)):
                    walk(member, f"{name}.{member_name}")

    for target in re.findall(r"^::: (\S+)", read(DOCS / "api.md"), re.M):
        module, _, attr = target.rpartition(".")
        try:
            obj: object = importlib.import_module(target)
        except ImportError:
            obj = getattr(importlib.import_module(module), attr)
        walk(obj, target)
    return out


def test_the_api_page_shows_no_raw_sphinx_roles() -> None:
    """mkdocstrings prints Sphinx roles (:class:`X`) verbatim: the docstrings the API
    page renders use cross-references ([X][refkit.x.X]) or backticks instead."""
    docstrings = _api_docstrings()
    assert len(docstrings) > 20
    raw = [(name, m.group(0)) for name, doc in docstrings for m in _SPHINX_ROLE.finditer(doc)]
    assert raw == []


def test_the_api_page_shows_signatures_with_types() -> None:
    config = read(ROOT / "mkdocs.yml")
    assert "show_signature_annotations: true" in config


def test_the_cli_reference_has_examples_for_every_command() -> None:
    sections = read(DOCS / "cli.md").split("\n## refkit ")[1:]
    assert [s.split("\n", 1)[0] for s in sections] == list(COMMANDS)
    for section in sections:
        assert "\nexamples:\n  refkit " in section, section.split("\n", 1)[0]
