"""The package as a lecturer installs it: `python -m build` (sdist, and the wheel built from it) of a copy of the
package, the wheel installed into a fresh virtual environment (pip may fetch the dependencies from the registry),
then `werkplaats init` in an empty folder, `werkplaats check` and `mkdocs build --strict` there."""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "werkplaats"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000",
       "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
ENV.pop("VIRTUAL_ENV", None)
ENV.pop("PYTHONPATH", None)


def run(command: list[str], cwd: Path, timeout: int = 900) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{' '.join(command)}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from a copy of the sources (so the build leaves nothing in the repository)."""
    importlib.import_module("build")
    source = tmp_path_factory.mktemp("source")
    shutil.copy2(ROOT / "pyproject.toml", source)
    shutil.copy2(ROOT / "README.md", source)
    shutil.copytree(PACKAGE, source / "werkplaats", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    out = source / "dist"
    run([sys.executable, "-m", "build", "--outdir", str(out), str(source)], source)
    wheels = list(out.glob("werkplaats-*-py3-none-any.whl"))
    assert len(wheels) == 1, list(out.iterdir())
    return wheels[0]


def test_the_wheel_holds_every_file_of_the_package(wheel: Path) -> None:
    """Templates, assets, theme partials, export schemas and the init skeleton: every file under werkplaats/."""
    with zipfile.ZipFile(wheel) as archive:
        packed = {name for name in archive.namelist() if name.startswith("werkplaats/")}
    expected = {path.relative_to(ROOT).as_posix() for path in PACKAGE.rglob("*")
                if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"}
    assert expected - packed == set(), f"missing from the wheel: {sorted(expected - packed)}"
    for name in ("werkplaats/assets/werkplaats.js", "werkplaats/theme/partials/progress.html",
                 "werkplaats/templates/quiz/quiz.html", "werkplaats/init/skeleton/dot-gitignore",
                 "werkplaats/init/skeleton/macros/__init__.py.in", "werkplaats/export/schemas/scorm12/ims_xml.xsd"):
        assert name in packed, name


def test_a_new_project_from_the_installed_wheel_builds_strict(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)], tmp_path)
    bin_dir = venv / "bin"
    run([str(bin_dir / "pip"), "install", "-q", str(wheel)], tmp_path)
    # The plain install has neither the print extra nor the test tools.
    listed = run([str(bin_dir / "pip"), "list", "--format", "freeze"], tmp_path).stdout.lower()
    assert "weasyprint" not in listed and "linkchecker" not in listed
    # The werkplaats that runs is the installed one, not this repository's.
    where = run([str(bin_dir / "python"), "-c", "import werkplaats; print(werkplaats.__file__)"], tmp_path).stdout
    assert str(venv) in where and str(ROOT) not in where

    project = tmp_path / "opleiding"
    run([str(bin_dir / "werkplaats"), "init", str(project)], tmp_path)
    run([str(bin_dir / "werkplaats"), "check"], project)
    run([str(bin_dir / "mkdocs"), "build", "--strict"], project)
    site = project / "site"
    assert (site / "modules" / "netwerk-in-beeld" / "toets" / "index.html").is_file()
    assert (site / "assets" / "werkplaats" / "werkplaats.js").is_file()
    assert 'aria-label="Pagina laden"' in (site / "index.html").read_text(encoding="utf-8")
    # A second init into the same folder is refused and changes nothing.
    again = subprocess.run([str(bin_dir / "werkplaats"), "init", str(project)], cwd=tmp_path, env=ENV,
                           capture_output=True, text=True, timeout=120)
    assert again.returncode == 2 and "not empty" in again.stderr
