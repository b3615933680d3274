"""Images and links in questions, in every export: packed, made local, and `werkplaats check` warns about images no
export can pack."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import html as lxml_html

from werkplaats.cli import main
from werkplaats.export.media import site_url_of

MINIMAL = Path(__file__).parent / "sites" / "minimal"
TEXT = "text: Wat komt eerst op de ladder?"


@pytest.fixture
def site_root(tmp_path: Path) -> Path:
    root = tmp_path / "minimal"
    shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns("site", "dist", "__pycache__"))
    (root / "docs" / "img").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "img" / "ladder.png").write_bytes(b"\x89PNG\r\n\x1a\nfake")
    return root


def _question_text(root: Path, text: str) -> None:
    bank = root / "modules" / "mini" / "questions.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace(TEXT, f"text: {text!r}".replace("'", '"')),
                    encoding="utf-8")


def test_scorm_packs_question_images_and_makes_site_links_absolute(site_root: Path) -> None:
    _question_text(site_root, "Wat eerst? ![De ladder](/img/ladder.png) Zie [het gesprek](../../methodieken/"
                              "het-gesprek.md).")
    assert main(["--root", str(site_root), "export", "scorm"]) == 0
    with zipfile.ZipFile(site_root / "dist" / "scorm" / "mini-scorm12.zip") as archive:
        names = set(archive.namelist())
        page = lxml_html.fromstring(archive.read("index.html"))
    question = page.get_element_by_id("wp-quiz-mini-m-01")
    src = question.find(".//img").get("src")
    assert src in names and src.startswith("media/")
    link = next(a for a in question.iter("a") if "gesprek" in a.text_content())
    assert link.get("href") == "https://test.example.org/methodieken/het-gesprek/"
    assert link.get("target") == "_blank"


def test_without_site_url_site_links_become_text(site_root: Path) -> None:
    config = site_root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_url: https://test.example.org/\n", ""),
                      encoding="utf-8")
    _question_text(site_root, "Zie [het gesprek](../../methodieken/het-gesprek.md).")
    assert main(["--root", str(site_root), "export", "moodle"]) == 0
    xml = (site_root / "dist" / "moodle" / "mini-moodle.xml").read_text(encoding="utf-8")
    assert "Zie het gesprek." in xml and "het-gesprek.md" not in xml


def test_check_warns_about_images_no_export_can_pack(site_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _question_text(site_root, "Wat eerst? ![a](https://example.org/a.png) ![b](/img/weg.png) ![c](/img/ladder.png)")
    main(["--root", str(site_root), "check"])
    err = capsys.readouterr().err
    assert "m-01: the image https://example.org/a.png is on another host" in err
    assert "m-01: the image /img/weg.png does not exist" in err
    assert "ladder.png" not in err


def test_site_url_of() -> None:
    page = "modules/mini/toets.md"
    assert site_url_of("https://x.org/", page, "../../casussen/a.md#b") == "https://x.org/casussen/a/#b"
    assert site_url_of("https://x.org", page, "index.md") == "https://x.org/modules/mini/"
    assert site_url_of("", page, "../../casussen/a.md") is None
    assert site_url_of("https://x.org/", page, "../../../../buiten.md") is None


@pytest.mark.parametrize("fmt", ["scorm", "cc", "qti", "moodle", "brightspace", "print"])
def test_a_missing_question_image_is_an_error_naming_the_question(site_root: Path, fmt: str,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    _question_text(site_root, "Wat eerst? ![weg](/img/weg.png)")
    assert main(["--root", str(site_root), "export", fmt]) == 2
    err = capsys.readouterr().err
    assert "questions.yml: m-01: the image /img/weg.png does not exist" in err, err
    assert "Traceback" not in err
    assert not (site_root / "dist" / fmt).exists() or not any((site_root / "dist" / fmt).iterdir())
