"""Exam mode, question pools, attempts and time limits in the quiz model; the Herhalen page (issue #15).

Validation through the real loader (every mistake as file:line), the JSON Schema from the model, and real strict
builds of a copy of tests/sites/minimal for the HTML the browser script reads.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from werkplaats.content import load_project
from werkplaats.content.schema import schemas

MINIMAL = Path(__file__).parent / "sites" / "minimal"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
PRACTICE = "quiz: {pass_mark: 60, mode: practice}"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of the minimal site."""
    target = tmp_path / "site"
    shutil.copytree(MINIMAL, target, ignore=shutil.ignore_patterns("site", ".site-*", "__pycache__"))
    return target


def set_quiz(root: Path, quiz: str) -> None:
    path = root / "modules" / "mini" / "index.md"
    text = path.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("quiz:"))
    path.write_text(text.replace(line, quiz), encoding="utf-8")


def problems(root: Path) -> list[str]:
    return [str(problem) for problem in load_project(root).problems]


def quiz_line(root: Path) -> int:
    lines = (root / "modules" / "mini" / "index.md").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith("quiz:"))


def build(root: Path) -> Path:
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root, env=ENV,
                            capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr
    return root / "site"


def exam_settings(page: str) -> dict | None:
    match = re.search(r"data-wp-exam='([^']*)'", page)
    return json.loads(html.unescape(match.group(1))) if match else None


def test_module_test_is_exam_mode_by_default(root: Path) -> None:
    set_quiz(root, "quiz: {pass_mark: 60}")
    project = load_project(root)
    assert project.problems == []
    assert project.modules["mini"].module.quiz.mode == "exam"


@pytest.mark.parametrize(("quiz", "expected"), [
    pytest.param("quiz: {pass_mark: 60, draw: 9}", "quiz.draw: 9 questions drawn from a quiz of 7; use at most 7",
                 id="draw-larger-than-bank"),
    pytest.param("quiz: {pass_mark: 60, questions: [m-01, m-02], draw: 3}",
                 "quiz.draw: 3 questions drawn from a quiz of 2", id="draw-larger-than-listed"),
    pytest.param("quiz: {pass_mark: 60, draw: 0}", "draw: give a number of questions from 1", id="draw-zero"),
    pytest.param("quiz: {pass_mark: 60, draw: {per_objective: 1}}",
                 "quiz.draw.per_objective: objective 1 has 0 questions in the quiz, 1 needed", id="no-tags"),
    pytest.param("quiz: {pass_mark: 60, draw: {per_goal: 1}}", "per_goal: is not a known field",
                 id="draw-unknown-key"),
    pytest.param("quiz: {pass_mark: 60, mode: practice, attempts: 2}",
                 "`attempts` only work with `mode: exam`", id="attempts-in-practice"),
    pytest.param("quiz: {pass_mark: 60, mode: toets}", "mode: `toets` is not allowed", id="unknown-mode"),
    pytest.param("quiz: {pass_mark: 60, extra_time: 10}", "`extra_time` adds to `time_limit`",
                 id="extra-time-without-limit"),
    pytest.param("quiz: {pass_mark: 60, time_limit: 0}", "time_limit:", id="time-limit-zero"),
    pytest.param("quiz: {pass_mark: 60, attempts: -1}", "attempts:", id="attempts-negative"),
])
def test_bad_quiz_settings_are_reported_with_file_and_line(root: Path, quiz: str, expected: str) -> None:
    set_quiz(root, quiz)
    found = problems(root)
    where = f"modules/mini/index.md:{quiz_line(root)}: "
    assert any(p.startswith(where) and expected in p for p in found), found


def test_draw_per_objective_counts_tagged_questions(root: Path) -> None:
    set_quiz(root, "quiz: {pass_mark: 60, draw: {per_objective: 2}}")
    bank = root / "modules" / "mini" / "questions.yml"
    text = bank.read_text(encoding="utf-8")
    bank.write_text(text.replace("  - id: m-01\n", "  - id: m-01\n    objectives: [1]\n"), encoding="utf-8")
    assert any("objective 1 has 1 question in the quiz, 2 needed" in p for p in problems(root))
    bank.write_text(text.replace("  - id: m-01\n", "  - id: m-01\n    objectives: [1]\n")
                    .replace("  - id: m-03\n", "  - id: m-03\n    objectives: [1]\n"), encoding="utf-8")
    assert problems(root) == []


def test_schema_describes_the_exam_settings() -> None:
    module = schemas()["module.schema.json"]
    text = json.dumps(module)
    for field in ("mode", "draw", "attempts", "time_limit", "extra_time", "per_objective"):
        assert f'"{field}"' in text
    assert '"exam"' in text and '"practice"' in text


def test_exam_settings_in_the_built_test_and_herhalen_page(root: Path) -> None:
    set_quiz(root, "quiz: {pass_mark: 60, draw: 4, attempts: 3, time_limit: 20, extra_time: 10}")
    site = build(root)
    test = (site / "modules" / "mini" / "toets" / "index.html").read_text(encoding="utf-8")
    settings = exam_settings(test)
    assert settings is not None
    assert {k: settings[k] for k in ("mode", "draw", "attempts", "time", "extra")} == \
        {"mode": "exam", "draw": 4, "attempts": 3, "time": 20, "extra": 10}
    # The whole bank is in the page (the browser draws); m-02 is taught where it is a self-check.
    assert test.count('class="wp-question"') == 7
    assert settings["units"]["m-02"] == ["../verdieping/", "Verdieping"] or \
        settings["units"]["m-02"][0] == "../verdieping/"
    assert settings["units"]["m-01"][0] == "../"  # no unit uses it: the module page
    assert "Inleveren" in test and "Richttijd: 20 minuten" in test
    # A unit's self-check stays practice: no exam settings there.
    unit = (site / "modules" / "mini" / "verdieping" / "index.html").read_text(encoding="utf-8")
    assert exam_settings(unit) is None and 'class="wp-quiz"' in unit
    # Herhalen: every scored question of every bank, keyed by module and question id; in the navigation.
    review = (site / "herhalen" / "index.html").read_text(encoding="utf-8")
    keys = json.loads(html.unescape(re.search(r"data-wp-review='([^']*)'", review).group(1)))
    assert sorted(keys.values()) == [f"mini/m-0{n}" for n in range(1, 7)]  # m-07 is open: never reviewed
    assert review.count('class="wp-question"') == 6
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="herhalen/"' in home
    progress = (site / "voortgang" / "index.html").read_text(encoding="utf-8")
    assert 'data-wp-due="../herhalen/"' in progress


def test_practice_module_test_has_no_exam_settings(root: Path) -> None:
    set_quiz(root, PRACTICE)
    site = build(root)
    test = (site / "modules" / "mini" / "toets" / "index.html").read_text(encoding="utf-8")
    assert exam_settings(test) is None


def test_english_strings(root: Path) -> None:
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "language: nl" in text
    config.write_text(text.replace("language: nl", "language: en"), encoding="utf-8")
    set_quiz(root, "quiz: {pass_mark: 60, attempts: 2}")
    site = build(root)
    test = (site / "modules" / "mini" / "toets" / "index.html").read_text(encoding="utf-8")
    assert "You get feedback only when you hand in the test." in test and '"submit":"Hand in"' in test
    review = (site / "herhalen" / "index.html").read_text(encoding="utf-8")
    assert "<h1" in review and ">Review</h1>" in review and '"due_1":"To review today: 1 question."' in review
