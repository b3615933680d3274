"""ProperDocs (the maintained MkDocs 1.x fork) builds the same pages as MkDocs, and the comparison that says so
(`werkplaats.sitediff`, used by `make properdocs`) finds real differences.

ProperDocs lives in its own virtual environment, .venv-properdocs, which `make test` installs (`make
.venv-properdocs/.installed`); without it the ProperDocs tests fail and say how to install it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from werkplaats.sitediff import compare_sites, main

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "sites" / "minimal"
PROPERDOCS = ROOT / ".venv-properdocs" / "bin" / "properdocs"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}


def run(command: list[str], cwd: Path) -> None:
    result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr


def build_both(root: Path, out: Path) -> tuple[Path, Path]:
    if not PROPERDOCS.exists():
        pytest.fail(f"{PROPERDOCS} is missing: run `make .venv-properdocs/.installed` (make test does)")
    mkdocs_site, properdocs_site = out / "mkdocs", out / "properdocs"
    run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(mkdocs_site)], root)
    run([str(PROPERDOCS), "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(properdocs_site)], root)
    return mkdocs_site, properdocs_site


def assert_same(mkdocs_site: Path, properdocs_site: Path) -> None:
    # Really two generators: the pages name theirs.
    assert "ProperDocs" in (properdocs_site / "index.html").read_text(encoding="utf-8")
    assert "ProperDocs" not in (mkdocs_site / "index.html").read_text(encoding="utf-8")
    problems = compare_sites(mkdocs_site, properdocs_site)
    assert not problems, "\n".join(problems)


def test_properdocs_builds_the_test_site_like_mkdocs(tmp_path: Path) -> None:
    root = tmp_path / "minimal"
    shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns("site", ".site-*", "__pycache__"))
    mkdocs_site, properdocs_site = build_both(root, tmp_path)
    assert (properdocs_site / "modules" / "mini" / "toets" / "index.html").is_file()
    assert_same(mkdocs_site, properdocs_site)


def test_properdocs_builds_the_real_site_like_mkdocs(tmp_path: Path) -> None:
    mkdocs_site, properdocs_site = build_both(ROOT, tmp_path)
    assert len(list(properdocs_site.rglob("*.html"))) > 50
    assert_same(mkdocs_site, properdocs_site)
    assert not list(ROOT.glob(".site-staging-*"))


def _site(folder: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def test_sitediff_ignores_only_the_generator(tmp_path: Path) -> None:
    import gzip

    page = '<html><head><meta name="generator" content="{}"></head><body>Hallo</body></html>'
    a = _site(tmp_path / "a", {"index.html": page.format("mkdocs-1.6.1").encode(),
                               "sitemap.xml.gz": gzip.compress(b"<urlset/>", mtime=1)})
    b = _site(tmp_path / "b", {"index.html": page.format("mkdocs-ProperDocs 1.6.7").encode(),
                               "sitemap.xml.gz": gzip.compress(b"<urlset/>", mtime=2)})
    assert compare_sites(a, b) == []
    assert main([str(a), str(b)]) == 0


def test_sitediff_reports_every_difference(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = _site(tmp_path / "a", {"index.html": b"<p>Hallo</p>\n", "only-a.html": b"", "x/logo.png": b"\x89PNG\x00\xff"})
    b = _site(tmp_path / "b", {"index.html": b"<p>Dag</p>\n", "only-b.css": b"", "x/logo.png": b"\x89PNG\x00\xfe"})
    problems = compare_sites(a, b)
    assert [p.split(":")[0] for p in problems] == ["only-a.html", "only-b.css", "index.html", "x/logo.png"]
    assert "-<p>Hallo</p>" in problems[2] and "+<p>Dag</p>" in problems[2]
    assert main([str(a), str(b)]) == 1
    assert "4 files differ" in capsys.readouterr().err
    assert compare_sites(a, tmp_path / "missing")[0].endswith("not a folder (build the site first)")
