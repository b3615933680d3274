"""`mkdocs gh-deploy` of a copy of the test site to a local bare git repository (the staged build must hand the
published folder, not the renamed staging folder, to ghp-import)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

MINIMAL = Path(__file__).parent / "sites" / "minimal"
GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_NAME": "Test",
           "GIT_COMMITTER_EMAIL": "test@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
ENV = {**os.environ, **GIT_ENV, "NO_MKDOCS_2_WARNING": "1"}


def git(cwd: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, env=ENV, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
    return result.stdout


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path]:
    """A git repository with a copy of the test site and a bare repository as its `origin`."""
    if shutil.which("git") is None:
        pytest.fail("git is not installed")
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    root = tmp_path / "minimal"
    shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns("site", ".site-*", "__pycache__"))
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Test site")
    git(root, "remote", "add", "origin", remote.as_uri())
    return root, remote


def deploy(root: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs", "gh-deploy", "--strict", "--force", *extra], cwd=root,
                          env=ENV, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("history", [[], ["--no-history"]], ids=["history", "no-history"])
def test_gh_deploy_pushes_the_site_to_the_bare_repository(project: tuple[Path, Path], history: list[str]) -> None:
    root, remote = project
    result = deploy(root, *history)
    assert result.returncode == 0, result.stderr
    files = set(git(remote, "ls-tree", "-r", "--name-only", "gh-pages").split())
    for expected in ("index.html", ".nojekyll", "sitemap.xml", "search/search_index.json",
                     "methodieken/het-gesprek/index.html", "modules/mini/toets/index.html",
                     "assets/werkplaats/werkplaats.js"):
        assert expected in files, expected
    home = git(remote, "show", "gh-pages:index.html")
    assert "Meneer Bakker" in home
    # The build itself is published too, and no staging folder is left behind.
    assert (root / "site" / "index.html").is_file()
    assert not [p.name for p in root.iterdir() if p.name.startswith(".site-")]


def test_a_second_gh_deploy_updates_the_branch(project: tuple[Path, Path]) -> None:
    root, remote = project
    assert deploy(root).returncode == 0
    first = git(remote, "rev-parse", "gh-pages").strip()
    (root / "docs" / "index.md").write_text("# Start\n\nNieuwe tekst over {{ case('meneer-bakker') }}.\n",
                                            encoding="utf-8")
    git(root, "commit", "-q", "-am", "Change the home page")
    result = deploy(root)
    assert result.returncode == 0, result.stderr
    assert git(remote, "rev-parse", "gh-pages").strip() != first
    assert "Nieuwe tekst" in git(remote, "show", "gh-pages:index.html")
    assert git(remote, "rev-parse", "gh-pages^").strip() == first


def test_a_failed_gh_deploy_pushes_nothing(project: tuple[Path, Path]) -> None:
    root, remote = project
    (root / "cases" / "meneer-bakker.md").write_text("---\nid: meneer-bakker\n---\n", encoding="utf-8")
    result = deploy(root)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "meneer-bakker.md" in result.stderr
    assert git(remote, "branch", "--list").strip() == ""
