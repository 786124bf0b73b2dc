"""The hooks in .pre-commit-hooks.yaml, run by the real pre-commit framework.

pre-commit clones this repository at its committed HEAD and installs refkit
into an environment of its own (from PyPI for the dependencies), so these tests
are slow: they share one PRE_COMMIT_HOME per session to install as few
environments as possible.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

MESSY = """@article{doe2020,
  author={Doe, Jane},   title = {A Study of Things},
  journal = {Journal of Studies}, year = 2020,
  pages = {1-10},
}
"""


@pytest.fixture(scope="session")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("pre-commit-home")
    environ = dict(os.environ, PRE_COMMIT_HOME=str(home), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
                   GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org", PRE_COMMIT_COLOR="never")
    environ.pop("REFKIT_CONFIG", None)
    return environ


def run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


def git_repo(path: Path, env: dict[str, str]) -> Path:
    path.mkdir()
    run(["git", "init", "-q"], path, env)
    (path / "refs.bib").write_text(MESSY, encoding="utf-8")
    run(["git", "add", "refs.bib"], path, env)
    return path


def head() -> str:
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()


def test_manifest_is_valid() -> None:
    result = subprocess.run([sys.executable, "-m", "pre_commit", "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_try_repo_format_rewrites_then_passes(tmp_path: Path, env: dict[str, str]) -> None:
    repo = git_repo(tmp_path / "work", env)
    first = run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "refkit-format", "--all-files"], repo, env)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    text = (repo / "refs.bib").read_text(encoding="utf-8")
    assert "1--10" in text and text != MESSY
    second = run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "refkit-format", "--all-files"], repo, env)
    assert second.returncode == 0, second.stdout + second.stderr
    assert (repo / "refs.bib").read_text(encoding="utf-8") == text


def test_commit_fails_with_the_file_rewritten_then_passes(tmp_path: Path, env: dict[str, str]) -> None:
    repo = git_repo(tmp_path / "work", env)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {ROOT}\n  rev: {head()}\n  hooks:\n  - id: refkit-format\n  - id: refkit-check\n",
        encoding="utf-8")
    run(["git", "add", ".pre-commit-config.yaml"], repo, env)
    installed = run([sys.executable, "-m", "pre_commit", "install"], repo, env)
    assert installed.returncode == 0, installed.stdout + installed.stderr

    first = run(["git", "commit", "-q", "-m", "add refs"], repo, env)
    output = first.stdout + first.stderr  # git shows the hooks' output on stderr
    assert first.returncode != 0, output
    assert "refkit format" in output and "Failed" in output and "reformatted refs.bib" in output
    assert "refkit check" in output
    assert run(["git", "log"], repo, env).returncode != 0  # nothing was committed
    fixed = (repo / "refs.bib").read_text(encoding="utf-8")
    assert "1--10" in fixed

    run(["git", "add", "refs.bib"], repo, env)
    second = run(["git", "commit", "-q", "-m", "add refs"], repo, env)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "refkit check" in second.stderr and "Failed" not in second.stderr
    log = run(["git", "log", "--oneline"], repo, env)
    assert "add refs" in log.stdout


def readme_snippet() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"```yaml\n# \.pre-commit-config\.yaml\n(.*?)```", text, re.S)
    assert match, "README.md has no pre-commit snippet"
    return match.group(1)


def test_the_readme_snippet_pins_a_commit_with_autoupdate_and_runs(tmp_path: Path, env: dict[str, str]) -> None:
    """The documented way to pin refkit (no release is tagged): `pre-commit autoupdate`
    turns the README's `rev:` into the full SHA of refkit's newest commit, and the hooks run."""
    repo = git_repo(tmp_path / "work", env)
    snippet = readme_snippet()
    assert "https://github.com/refkit/refkit" in snippet
    (repo / ".pre-commit-config.yaml").write_text(snippet.replace("https://github.com/refkit/refkit", str(ROOT)),
                                                 encoding="utf-8")
    updated = run([sys.executable, "-m", "pre_commit", "autoupdate"], repo, env)
    assert updated.returncode == 0, updated.stdout + updated.stderr
    config = (repo / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert re.search(rf"rev: {head()}\b", config), config
    first = run([sys.executable, "-m", "pre_commit", "run", "refkit-format", "--all-files"], repo, env)
    assert first.returncode == 1 and "files were modified by this hook" in first.stdout, first.stdout + first.stderr
    second = run([sys.executable, "-m", "pre_commit", "run", "refkit-format", "--all-files"], repo, env)
    assert second.returncode == 0, second.stdout + second.stderr
