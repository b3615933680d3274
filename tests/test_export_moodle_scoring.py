"""Moodle XML: the site's scoring (no retry penalty, ordering all or nothing), qtype_ordering's own XML shape,
fractions from Moodle's list that add up to 100% for 1 to 12 right options, images inside the file."""

from __future__ import annotations

import base64
import shutil
from pathlib import Path

import pytest
from lxml import etree

from werkplaats.cli import main
from werkplaats.export.moodle import FRACTIONS, fraction, shares

MINIMAL = Path(__file__).parent / "sites" / "minimal"
#: The elements of an ordering question in Moodle's own fixture (question/type/ordering/tests/fixtures/
#: testexport.moodle.xml), in its order.
ORDERING_SHAPE = ["name", "questiontext", "generalfeedback", "defaultgrade", "penalty", "hidden", "idnumber",
                  "layouttype", "selecttype", "selectcount", "gradingtype", "showgrading", "numberingstyle",
                  "correctfeedback", "partiallycorrectfeedback", "incorrectfeedback", "shownumcorrect", "answer"]


@pytest.fixture
def site_root(tmp_path: Path) -> Path:
    root = tmp_path / "minimal"
    shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns("site", "dist", "__pycache__"))
    return root


def _export(root: Path, *extra: str) -> dict[str, etree._Element]:
    assert main(["--root", str(root), "export", "moodle", *extra]) == 0
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
    quiz = etree.parse(str(root / "dist" / "moodle" / "mini-moodle.xml"), parser).getroot()
    return {q.findtext("idnumber"): q for q in quiz.findall("question")}


@pytest.mark.parametrize("count", range(1, 13))
def test_shares_add_up_to_100_with_moodles_fractions(count: int) -> None:
    allowed = {f"{round(f * 100, 5):.5f}".rstrip("0").rstrip(".") for f in FRACTIONS}
    values = [fraction(share) for share in shares(count)]
    assert len(values) == count
    assert all(value in allowed for value in values), values
    assert abs(sum(float(value) for value in values) - 100) < 0.001, values


def test_ordering_is_moodles_own_type_all_or_nothing(site_root: Path) -> None:
    ordering = _export(site_root)["mini-m-06"]
    assert ordering.get("type") == "ordering"
    tags = [child.tag for child in ordering]
    assert [tag for i, tag in enumerate(tags) if tag != "answer" or tags[i - 1] != "answer"] == ORDERING_SHAPE
    assert ordering.findtext("gradingtype") == "ALL_OR_NOTHING"
    answers = ordering.findall("answer")
    assert [(a.get("fraction"), a.findtext("text")) for a in answers] == [
        ("1.0000000", "Melding"), ("2.0000000", "Onderzoek"), ("3.0000000", "Aanvraag"), ("4.0000000", "Beschikking")]


def test_no_retry_penalty_and_wrong_ticks_give_zero(site_root: Path) -> None:
    questions = _export(site_root)
    assert {q.findtext("penalty") for q in questions.values() if q.get("type") != "category"} == {"0"}
    assert [a.get("fraction") for a in questions["mini-m-02"].findall("answer")] == ["50", "50", "-100"]


def test_partial_credit_only_when_chosen(site_root: Path) -> None:
    questions = _export(site_root, "--partial")
    assert questions["mini-m-01"].findtext("penalty") == "0.3333333"
    assert questions["mini-m-06"].findtext("gradingtype") == "ABSOLUTE_POSITION"


def test_images_in_questions_are_inside_the_file(site_root: Path) -> None:
    (site_root / "docs" / "img").mkdir(parents=True, exist_ok=True)
    png = b"\x89PNG\r\n\x1a\nfake"
    (site_root / "docs" / "img" / "ladder.png").write_bytes(png)
    bank = site_root / "modules" / "mini" / "questions.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace(
        "text: Wat komt eerst op de ladder?", "text: \"Wat komt eerst op de ladder? ![De ladder](/img/ladder.png)\""),
        encoding="utf-8")
    question = _export(site_root)["mini-m-01"]
    text = question.find("questiontext")
    file = text.find("file")
    assert file is not None and base64.b64decode(file.text) == png
    assert f'src="@@PLUGINFILE@@{file.get("path")}{file.get("name")}"' in text.findtext("text")


def test_category_and_questions_have_stable_idnumbers(site_root: Path) -> None:
    first = _export(site_root)
    second = _export(site_root)
    assert list(first) == list(second)
    assert "mini" in first and "mini-m-01" in first
