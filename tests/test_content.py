"""The loader and validation: one broken file per rule, each with the message a lecturer would read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from werkplaats.cli import main
from werkplaats.content import load_project


@pytest.fixture
def project(site_root: Path) -> Path:
    """A copy of the minimal, valid test site (the shared `site_root` fixture)."""
    return site_root


def problems(root: Path) -> list[str]:
    return [str(problem) for problem in load_project(root).problems]


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_minimal_site_is_valid(project: Path) -> None:
    loaded = load_project(project)
    assert loaded.problems == []
    assert loaded.counts() == {"method": 1, "competence": 1, "knowledge_circle": 1, "case": 1, "instrument": 1,
                               "module": 1, "term": 2, "dialogue": 1, "question": 7}


# Each case: (file, old text, new text, expected "file:line: message" fragment).
BROKEN = [
    pytest.param("cases/meneer-bakker.md", "title: Meneer Bakker", "title: Meneer Bakker: een casus",
                 "cases/meneer-bakker.md:3: YAML syntax error: text contains ': '; put such text between quotes",
                 id="yaml-syntax"),
    pytest.param("methods/het-gesprek.md", "goal: Samen zoeken naar wat iemand nodig heeft.\n", "",
                 "methods/het-gesprek.md:2: goal: is missing; add it (Doel: Wat de methodiek wil bereiken.)",
                 id="missing-field"),
    pytest.param("methods/het-gesprek.md", "goal:", "gaol:",
                 "methods/het-gesprek.md:6: gaol: is not a known field; did you mean `goal`?", id="unknown-field"),
    pytest.param("modules/mini/index.md", "study_load: 1.5", "study_load: anderhalf",
                 "modules/mini/index.md:5: study_load: ", id="wrong-type"),
    pytest.param("methods/het-gesprek.md", "active_elements: [Aandacht voor de hele situatie]",
                 "active_elements: Aandacht voor de hele situatie",
                 "methods/het-gesprek.md:11: active_elements: expected a list", id="text-instead-of-list"),
    pytest.param("methods/het-gesprek.md", "cases: [meneer-bakker]", "cases: [meneer-baker]",
                 "methods/het-gesprek.md:13: cases[0]: no case with id `meneer-baker`; did you mean `meneer-bakker`?",
                 id="unknown-reference"),
    pytest.param("glossary/eigen-kracht.md", "see_also: [zelfredzaamheid]", "see_also: [zelfredzaam]",
                 "glossary/eigen-kracht.md:5: see_also[0]: no term with id `zelfredzaam`; did you mean "
                 "`zelfredzaamheid`?", id="unknown-term-reference"),
    pytest.param("docs/index.md", "{{ case('meneer-bakker') }}", "{{ case('mr-bakker') }}",
                 "docs/index.md:3: case('mr-bakker'): no case with id `mr-bakker`", id="unknown-macro-reference"),
    pytest.param("modules/mini/index.md", "units: [intro, verdieping]", "units: [intro, verdiepen]",
                 "modules/mini/index.md:7: units[1]: no file `verdiepen.md` in modules/mini; did you mean "
                 "`verdieping`?", id="unknown-unit"),
    pytest.param("modules/mini/questions.yml",
                 "      - {text: De professional, feedback: \"Nee, die komt als laatste.\"}",
                 "      - {text: De professional, correct: true, feedback: \"Nee.\"}",
                 "modules/mini/questions.yml:2: questions[0]: a `single` question has 2 options with "
                 "`correct: true`; mark one, or use `type: multiple`", id="single-with-two-correct"),
    pytest.param("modules/mini/questions.yml", "      - {text: Buren, correct: true, feedback: Ja.}\n"
                 "      - {text: Familie, correct: true, feedback: Ja.}",
                 "      - {text: Buren, feedback: Ja.}\n      - {text: Familie, feedback: Ja.}",
                 "modules/mini/questions.yml:9: questions[1]: no option has `correct: true`; mark the right answer",
                 id="no-correct-option"),
    pytest.param("modules/mini/questions.yml", "type: truefalse", "type: waarnietwaar",
                 "modules/mini/questions.yml:16: questions[2]: unknown question type `waarnietwaar`",
                 id="unknown-question-type"),
    pytest.param("modules/mini/questions.yml", "  - id: m-02", "  - id: m-01",
                 "modules/mini/questions.yml:9: questions[1].id: `m-01` is used twice; the first is at line 2",
                 id="duplicate-question-id"),
    pytest.param("modules/mini/questions.yml", "answer: false", "answer: nee",
                 "modules/mini/questions.yml:19: questions[2].answer: expected `true` or `false`, got `nee`",
                 id="bool-as-word"),
    pytest.param("competences/gesprek-voeren.yml", "id: gesprek-voeren", "id: Gesprek Voeren",
                 "competences/gesprek-voeren.yml:1: id: `Gesprek Voeren` is not a valid id", id="bad-id"),
    pytest.param("cases/meneer-bakker.md", "id: meneer-bakker", "id: bakker",
                 "cases/meneer-bakker.md:2: id: `bakker` differs from the file name `meneer-bakker`",
                 id="id-differs-from-file-name"),
    pytest.param("instruments/kwaliteit.yml", "labels: [Oneens, Neutraal, Eens]", "labels: [Oneens, Eens]",
                 "instruments/kwaliteit.yml:4: scale: give one label per score", id="scale-labels"),
    pytest.param("modules/mini/index.md", "pass_mark: 60", "pass_mark: 60, questions: [m-01, m-99]",
                 "modules/mini/index.md:10: quiz.questions[1]: no question `m-99`", id="unknown-quiz-question"),
    pytest.param("modules/mini/intro.md", "---\nid: intro", "id: intro",
                 "modules/mini/intro.md:1: no front matter", id="no-front-matter"),
]


@pytest.mark.parametrize(("file", "old", "new", "expected"), BROKEN)
def test_each_mistake_has_a_clear_message(project: Path, file: str, old: str, new: str, expected: str) -> None:
    replace(project / file, old, new)
    found = problems(project)
    assert any(problem.startswith(expected) for problem in found), "\n".join(found)


def test_empty_file(project: Path) -> None:
    (project / "glossary" / "leeg.md").write_text("", encoding="utf-8")
    assert "glossary/leeg.md:1: the file is empty; expected at least `id:` and `title:`" in problems(project)


def test_duplicate_ids_across_files(project: Path) -> None:
    (project / "glossary" / "eigen-kracht.yml").write_text(
        "id: eigen-kracht\ntitle: Eigen kracht\ndefinition: Dubbel.\n", encoding="utf-8")
    assert "glossary/eigen-kracht.yml:1: id: `eigen-kracht` is used twice; it is also the id in " \
           "glossary/eigen-kracht.md" in problems(project)


def test_all_mistakes_are_reported_at_once(project: Path) -> None:
    replace(project / "methods/het-gesprek.md", "goal:", "gaol:")
    replace(project / "cases/meneer-bakker.md", "title: Meneer Bakker", "title: Meneer Bakker: x")
    replace(project / "modules/mini/questions.yml", "answer: false", "answer: nee")
    replace(project / "modules/mini/index.md", "audience: [student]", "audience: [docent]")
    found = problems(project)
    files = {p.split(":")[0] for p in found}
    assert {"methods/het-gesprek.md", "cases/meneer-bakker.md", "modules/mini/questions.yml",
            "modules/mini/index.md"} <= files
    # A case that does not parse is not reported a second time as missing where it is named.
    assert not any("no case with id `meneer-bakker`" in p for p in found)


def test_check_json_output(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(project), "check", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True and report["errors"] == []
    assert report["counts"]["question"] == 7
    replace(project / "methods/het-gesprek.md", "goal:", "gaol:")
    assert main(["--root", str(project), "check", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    assert {"file": "methods/het-gesprek.md", "line": 6,
            "message": "gaol: is not a known field; did you mean `goal`?"} in report["errors"]


def test_new_writes_valid_skeletons(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for kind in ("method", "competence", "knowledge_circle", "case", "instrument", "term", "module"):
        assert main(["--root", str(project), "new", kind, f"nieuw-{kind.replace('_', '-')}"]) == 0
    assert problems(project) == []
    assert main(["--root", str(project), "new", "case", "nieuw-case"]) == 2
    assert "exists already" in capsys.readouterr().err


def test_schema_command(tmp_path: Path) -> None:
    assert main(["schema", "--out", str(tmp_path / "schemas")]) == 0
    schema = json.loads((tmp_path / "schemas" / "questions.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"].startswith("https://json-schema.org/")
    method = json.loads((tmp_path / "schemas" / "method.schema.json").read_text(encoding="utf-8"))
    assert {"goal", "target_group", "approach"} <= set(method["required"])
    assert "body" not in method["properties"]
