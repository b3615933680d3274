"""`werkplaats init DIR`: a small working project that passes `werkplaats check` and builds strict, written only
into a new or empty folder, with example content of its own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from werkplaats.cli import main
from werkplaats.content import load_project
from werkplaats.content.models import QUESTION_TYPES, TYPES
from werkplaats.init import skeleton_files

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
CONTENT_FOLDERS = ["docs", *sorted({folder for _, folder, *_ in TYPES.values()})]


@pytest.fixture
def project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    target = tmp_path / "mijn-opleiding"
    assert main(["init", str(target)]) == 0
    capsys.readouterr()
    return target


def test_init_writes_a_project_that_checks_and_builds_strict(project: Path) -> None:
    for name in ("mkdocs.yml", "README.md", ".gitignore", "macros/__init__.py", "docs/index.md"):
        assert (project / name).is_file(), name
    readme = (project / "README.md").read_text(encoding="utf-8")
    assert "werkplaats check" in readme and "mkdocs build --strict" in readme
    assert "/site/" in (project / ".gitignore").read_text(encoding="utf-8").splitlines()
    check = subprocess.run([sys.executable, "-m", "werkplaats.cli", "check"], cwd=project, env=ENV,
                           capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stdout + check.stderr
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, env=ENV,
                           capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr
    site = project / "site"
    for page in ("index.html", "methodieken/eigen-kracht-conferentie/index.html", "casussen/mevrouw-yilmaz/index.html",
                 "competenties/netwerk-versterken/index.html", "kenniskringen/samen-met-het-netwerk/index.html",
                 "instrumenten/netwerkscan/index.html", "begrippen/index.html", "modules/netwerk-in-beeld/index.html",
                 "modules/netwerk-in-beeld/toets/index.html", "voortgang/index.html"):
        assert (site / page).is_file(), page
    assert 'class="wp-quiz' in (site / "index.html").read_text(encoding="utf-8")


def test_every_content_type_and_question_type_has_an_example(project: Path) -> None:
    """A new content type (e.g. `dialogue`) fails here until the skeleton has an example of it."""
    loaded = load_project(project)
    assert not loaded.problems
    counts = loaded.counts()
    missing = [kind for kind in TYPES if not counts.get(kind)]
    assert not missing, f"werkplaats/init/skeleton has no example of: {missing}"
    module = next(iter(loaded.modules.values()))
    used = {question.type for question in module.questions}
    assert used <= set(QUESTION_TYPES) and len(used) >= 5, used


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "bestaand"
    target.mkdir()
    (target / "notities.md").write_text("van mij\n", encoding="utf-8")
    assert main(["init", str(target)]) == 2
    err = capsys.readouterr().err
    assert "is not empty" in err and "Traceback" not in err
    assert [p.name for p in target.iterdir()] == ["notities.md"]
    assert (target / "notities.md").read_text(encoding="utf-8") == "van mij\n"


def test_init_refuses_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "bestand"
    target.write_text("x", encoding="utf-8")
    assert main(["init", str(target)]) == 2
    assert "is a file" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "x"


def test_init_into_an_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path)]) == 0
    assert (tmp_path / "mkdocs.yml").is_file()
    assert str(tmp_path / "mkdocs.yml") in capsys.readouterr().out


def test_the_examples_are_not_copied_from_this_repository() -> None:
    """No example file, and no line of more than 40 characters, is taken from the site's own content."""
    ours: set[str] = set()
    for folder in CONTENT_FOLDERS:
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and path.suffix in (".md", ".yml", ".yaml"):
                ours |= {line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                         if len(line.strip()) > 40}
    assert ours, "the repository's content was not found"
    copied = []
    for name, data in skeleton_files().items():
        if name.split("/")[0] not in CONTENT_FOLDERS:
            continue
        copied += [f"{name}: {line.strip()}" for line in data.decode("utf-8").splitlines() if line.strip() in ours]
    assert not copied, "\n".join(copied)
