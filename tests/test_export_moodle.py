"""Moodle XML export: a round trip through a parser, each question with its answers and feedback."""

from __future__ import annotations

import pytest
from lxml import etree

from werkplaats.cli import main
from werkplaats.export.moodle import FRACTIONS, fraction

from support import copy_site


@pytest.fixture(scope="module")
def quiz(tmp_path_factory: pytest.TempPathFactory) -> etree._Element:
    root = copy_site(tmp_path_factory.mktemp("moodle") / "minimal")
    assert main(["--root", str(root), "export", "moodle"]) == 0
    path = root / "dist" / "moodle" / "mini-moodle.xml"
    # Strict parsing, no entities, no network: what a careful importer does.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
    return etree.parse(str(path), parser).getroot()


def _questions(quiz: etree._Element) -> dict[str, etree._Element]:
    return {q.findtext("idnumber").removeprefix("mini-"): q for q in quiz.findall("question")
            if q.get("type") != "category"}


def _html(element: etree._Element | None) -> str:
    assert element is not None
    return element.findtext("text") or ""


def test_category_named_after_the_module(quiz: etree._Element) -> None:
    first = quiz.find("question")
    assert first.get("type") == "category"
    assert first.findtext("category/text") == "$course$/top/Mini-module"


def test_every_question_has_a_name_text_and_type(quiz: etree._Element) -> None:
    questions = _questions(quiz)
    assert {qid: q.get("type") for qid, q in questions.items()} == {
        "m-01": "multichoice", "m-02": "multichoice", "m-03": "truefalse", "m-04": "shortanswer",
        "m-05": "matching", "m-06": "ordering", "m-07": "essay"}
    for qid, question in questions.items():
        assert question.findtext("name/text", "").startswith(qid)
        assert question.find("questiontext").get("format") == "html"
        assert _html(question.find("questiontext")).startswith("<p>")


def test_choices_carry_fractions_and_feedback(quiz: etree._Element) -> None:
    questions = _questions(quiz)
    single = questions["m-01"]
    assert single.findtext("single") == "true"
    answers = [(a.get("fraction"), _html(a), _html(a.find("feedback"))) for a in single.findall("answer")]
    assert answers == [("100", "Eigen kracht", "Ja, eerst wat iemand zelf kan."),
                       ("0", "De professional", "Nee, die komt als laatste.")]
    assert _html(single.find("generalfeedback")) == "<p>De ladder begint bij de burger zelf.</p>"
    multiple = questions["m-02"]
    assert multiple.findtext("single") == "false"
    assert [a.get("fraction") for a in multiple.findall("answer")] == ["50", "50", "-100"]
    assert all(_html(a.find("feedback")) for a in multiple.findall("answer"))
    truefalse = questions["m-03"]
    assert [(a.findtext("text"), a.get("fraction")) for a in truefalse.findall("answer")] == [
        ("true", "0"), ("false", "100")]
    assert "populaire naam" in _html(truefalse.find("answer/feedback"))


def test_other_types_carry_answers_and_feedback(quiz: etree._Element) -> None:
    questions = _questions(quiz)
    short = questions["m-04"]
    assert [(a.findtext("text"), a.get("fraction")) for a in short.findall("answer")] == [
        ("compensatieplicht", "100"), ("*", "0")]
    assert _html(short.findall("answer")[-1].find("feedback")) == "Het is de compensatieplicht."
    matching = questions["m-05"]
    assert [(_html(s), s.findtext("answer/text")) for s in matching.findall("subquestion")] == [
        ("Melding", "Eerste stap"), ("Beschikking", "Besluit"), ("Onderzoek", "Gesprek")]
    assert _html(matching.find("correctfeedback")) and _html(matching.find("incorrectfeedback"))
    ordering = questions["m-06"]  # Moodle's own ordering type (see test_export_moodle_scoring.py)
    assert [o.findtext("text") for o in ordering.findall("answer")] == [
        "Melding", "Onderzoek", "Aanvraag", "Beschikking"]
    essay = questions["m-07"]
    assert "hoe hij zijn dag invult" in _html(essay.find("graderinfo"))
    assert essay.findtext("defaultgrade") == "0.0000000"


def test_fractions_are_ones_moodle_accepts() -> None:
    allowed = {round(f * 100, 5) for f in FRACTIONS}
    for share in (1, 1 / 2, 1 / 3, 1 / 4, 1 / 6, 1 / 7, 1 / 11, -1, -1 / 3, 0):
        assert abs(float(fraction(share))) in allowed, share
    assert fraction(1 / 3) == "33.33333" and fraction(-1 / 2) == "-50"
