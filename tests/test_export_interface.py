"""The exports' own interface (issue #11): no page generator, no private helpers of pages/, MkDocs' config loader."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from werkplaats.content import load_project
from werkplaats.export.common import ExportError, read_site_config
from werkplaats.quiz.render import stable_order

MINIMAL = Path(__file__).parent / "sites" / "minimal"
EXPORTERS = ("scorm", "cc", "qti12", "media", "qti", "moodle", "brightspace", "workbook")


def test_exporters_do_not_load_the_page_generator() -> None:
    code = ("import sys, importlib\n"
            f"for name in {EXPORTERS!r}: importlib.import_module('werkplaats.export.' + name)\n"
            "print(sorted(m for m in sys.modules if m == 'werkplaats.pages.generate'))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_quiz_questions_come_from_the_content_model() -> None:
    project = load_project(MINIMAL)
    content = project.modules["mini"]
    assert [q.id for q in content.quiz_questions()] == [q.id for q in content.questions]
    content.module.quiz.questions = ["m-03", "m-01", "nope"]
    assert [q.id for q in content.quiz_questions()] == ["m-03", "m-01"]
    assert content.question("m-02").id == "m-02" and content.question("nope") is None


def test_stable_order_is_public_and_never_the_given_order() -> None:
    order = stable_order(["a", "b"], "q")
    assert sorted(order) == [0, 1] and order != [0, 1]
    assert stable_order(["x", "y", "z"], "q1") == stable_order(["x", "y", "z"], "q1")


@pytest.fixture
def site_root(tmp_path: Path) -> Path:
    root = tmp_path / "minimal"
    shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns("site", "dist", "__pycache__"))
    return root


def test_config_is_read_by_mkdocs_own_loader(site_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = site_root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("language: nl", "language: !ENV [WP_TEST_LANG, nl]")
    config.write_text(text + "extra_css: [extra.css]\n", encoding="utf-8")
    (site_root / "docs" / "extra.css").write_text("p{}", encoding="utf-8")
    monkeypatch.setenv("WP_TEST_LANG", "en")
    site = read_site_config(site_root)
    assert site.language == "en"
    assert site.site_url == "https://test.example.org/"
    assert site.docs_dir == site_root / "docs"
    assert site.extra_css == [site_root / "docs" / "extra.css"]
    assert "toc" in site.extensions


def test_an_invalid_config_is_an_export_error(site_root: Path) -> None:
    config = site_root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "use_directory_urls: maybe\n", encoding="utf-8")
    with pytest.raises(ExportError, match=r"mkdocs\.yml: cannot read it"):
        read_site_config(site_root)
