"""Print: the test numbered on its own, a separate answer key for the lecturer by default, no doubled full stops,
images in questions embedded."""

from __future__ import annotations

import importlib
import re
import shutil
from pathlib import Path

import pytest
from lxml import html as lxml_html
from markupsafe import Markup

from werkplaats.cli import main
from werkplaats.export.common import sentence

MINIMAL = Path(__file__).parent / "sites" / "minimal"


@pytest.fixture
def printed(tmp_path: Path) -> Path:
    importlib.import_module("weasyprint")
    root = tmp_path / "minimal"
    shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns("site", "dist", "__pycache__"))
    (root / "docs" / "img").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "img" / "ladder.png").write_bytes(b"\x89PNG\r\n\x1a\nfake")
    bank = root / "modules" / "mini" / "questions.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace(
        "text: Wat komt eerst op de ladder?", "text: \"Wat komt eerst op de ladder? ![De ladder](/img/ladder.png)\"")
        .replace("{text: De professional, feedback:", "{text: De professional., feedback:"), encoding="utf-8")
    assert main(["--root", str(root), "export", "print"]) == 0
    return root / "dist" / "print"


def test_separate_answer_key_by_default(printed: Path) -> None:
    assert sorted(p.name for p in printed.iterdir()) == [
        "mini-antwoorden.html", "mini-antwoorden.pdf", "mini-werkboek.html", "mini-werkboek.pdf"]
    workbook = lxml_html.fromstring((printed / "mini-werkboek.html").read_text(encoding="utf-8"))
    assert not workbook.find_class("wp-print-answers")
    assert "Modelantwoord" not in workbook.text_content()
    key = lxml_html.fromstring((printed / "mini-antwoorden.html").read_text(encoding="utf-8"))
    assert key.findtext(".//h1") == "Antwoorden bij Mini-module"
    assert [h.text_content() for h in key.iter("h3")] == ["Toets", "Oefenvragen in de lessen"]
    assert len(key.find_class("wp-print-answer")) == 9
    assert (printed / "mini-antwoorden.pdf").read_bytes().startswith(b"%PDF-")


def test_the_test_is_numbered_on_its_own_without_repeats(printed: Path) -> None:
    workbook = lxml_html.fromstring((printed / "mini-werkboek.html").read_text(encoding="utf-8"))
    quiz = [e.text_content() for e in workbook.get_element_by_id("quiz").find_class("wp-print-qnum")]
    assert quiz == [f"Vraag {n}" for n in range(1, 8)]
    checks = [e.text_content() for e in workbook.get_element_by_id("unit-verdieping").find_class("wp-print-qnum")]
    assert checks == ["Oefenvraag 1", "Oefenvraag 2"]
    numbers = [e.text_content() for e in workbook.find_class("wp-print-qnum")]
    assert len(numbers) == len(set(numbers))


def test_no_doubled_full_stops(printed: Path) -> None:
    key = (printed / "mini-antwoorden.html").read_text(encoding="utf-8")
    text = lxml_html.fromstring(key).text_content()
    assert "De professional." in text
    assert not re.search(r"\.\s*\.(?!\.)", text.replace("...", "…")), re.findall(r".{20}\.\s*\..{5}", text)


def test_images_in_questions_are_embedded(printed: Path) -> None:
    workbook = lxml_html.fromstring((printed / "mini-werkboek.html").read_text(encoding="utf-8"))
    images = [img.get("src") for img in workbook.get_element_by_id("quiz").iter("img")]
    assert images and all(src.startswith("data:image/png;base64,") for src in images)


def test_sentence_adds_a_full_stop_only_when_missing() -> None:
    assert sentence("Buren") == "Buren."
    assert sentence("Klaar.") == "Klaar."
    assert sentence(Markup("<em>Klaar?</em>")) == "<em>Klaar?</em>"
    assert sentence("a < b") == "a &lt; b."
