"""Dependencies: the site needs neither WeasyPrint nor LinkChecker; WeasyPrint is the `print` extra, LinkChecker
belongs to the `test` extra; `werkplaats export print` without WeasyPrint says what to install, without a
traceback and without writing anything."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "sites" / "minimal"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
#: Runs a command as if WeasyPrint and LinkChecker were not installed (an import of either raises ImportError).
WITHOUT = ("import sys, runpy; sys.modules.update(weasyprint=None, linkcheck=None); "
           "sys.argv = sys.argv[1:]; runpy.run_module(sys.argv[0], run_name='__main__', alter_sys=True)")


def without_extras(cwd: Path, module: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", WITHOUT, module, *args], cwd=cwd, env=ENV, capture_output=True,
                          text=True, timeout=300)


def _name(requirement: str) -> str:
    return requirement.split(";")[0].split("[")[0].split("<")[0].split(">")[0].split("=")[0].strip().lower()


def test_extras_in_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    required = {_name(r) for r in project["dependencies"]}
    extras = {extra: {_name(r) for r in reqs} for extra, reqs in project["optional-dependencies"].items()}
    assert "weasyprint" not in required and "linkchecker" not in required
    assert "weasyprint" in extras["print"]
    assert {"linkchecker", "build"} <= extras["test"]


@pytest.fixture
def site_root(tmp_path: Path) -> Path:
    root = tmp_path / "minimal"
    shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns("site", ".site-*", "__pycache__"))
    return root


def test_the_site_builds_and_checks_without_weasyprint_and_linkchecker(site_root: Path) -> None:
    result = without_extras(site_root, "mkdocs", "build", "--strict")
    assert result.returncode == 0, result.stderr
    assert (site_root / "site" / "modules" / "mini" / "toets" / "index.html").is_file()
    result = without_extras(site_root, "werkplaats.cli", "check")
    assert result.returncode == 0, result.stderr
    result = without_extras(site_root, "werkplaats.cli", "export", "scorm", "--out", "scorm")
    assert result.returncode == 0, result.stderr
    assert (site_root / "scorm").is_dir()


def test_export_print_without_weasyprint_says_what_to_install(site_root: Path) -> None:
    result = without_extras(site_root, "werkplaats.cli", "export", "print")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "werkplaats export: " in result.stderr
    assert "pip install 'werkplaats[print]'" in result.stderr
    assert not (site_root / "dist").exists()


def test_export_print_without_pango_says_what_to_install(site_root: Path, tmp_path: Path) -> None:
    """WeasyPrint is installed but cannot load its system libraries (it raises OSError on import)."""
    fake = tmp_path / "fake" / "weasyprint"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise OSError(\"cannot load library 'libpango-1.0-0'\")\n", encoding="utf-8")
    env = {**ENV, "PYTHONPATH": str(fake.parent)}
    result = subprocess.run([sys.executable, "-m", "werkplaats.cli", "export", "print"], cwd=site_root, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "libpango-1.0-0" in result.stderr and "apt-get install" in result.stderr
    assert not (site_root / "dist").exists()
