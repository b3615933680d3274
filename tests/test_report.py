"""`werkplaats report`: one test per rule on small banks (a biased bank is flagged, a balanced one is not), the
validation of the new question fields, the CLI's output and the plugin's strict_quality option."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

import pytest
import yaml

from werkplaats.cli import main
from werkplaats.content import load_project
from werkplaats.report import Finding, build_report, items_for_competence, items_for_objective
from werkplaats.report.patterns import absolute_words_in

MINIMAL = Path(__file__).parent / "sites" / "minimal"
FIXTURES = Path(__file__).parent / "fixtures" / "report"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
OBJECTIVES = "objectives: [Je kunt het gesprek uitleggen.]"
TWO_OBJECTIVES = "objectives: [Je kunt het gesprek uitleggen., Je past de ladder toe.]"


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def make_site(tmp_path: Path, bank: str | list[dict[str, Any]], module: str = "mini") -> Path:
    """A copy of the minimal site whose module `mini` has two objectives and the given bank."""
    root = tmp_path / "site"
    if not root.exists():
        shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns("site", ".site-*", "__pycache__"))
        replace(root / "modules/mini/index.md", OBJECTIVES, TWO_OBJECTIVES)
        # The site's dialogue practises a competence too; these tests count questions and cases only.
        replace(root / "dialogues/kort-gesprek.yml", "competences: [gesprek-voeren]", "competences: []")
    write_bank(root, bank, module)
    return root


def write_bank(root: Path, bank: str | list[dict[str, Any]], module: str = "mini") -> None:
    text = (FIXTURES / bank).read_text(encoding="utf-8") if isinstance(bank, str) else yaml.safe_dump(
        {"questions": bank}, allow_unicode=True, sort_keys=False, width=200)
    (root / "modules" / module / "questions.yml").write_text(text, encoding="utf-8")
    if module == "mini":
        first = yaml.safe_load(text)["questions"][0]["id"]
        # The minimal site embeds questions of the old bank; point those embeds at the new one.
        for page in (root / "modules/mini/verdieping.md", root / "docs/index.md"):
            page.write_text(re.sub(r"questions\('mini', \[[^\]]*\]\)", f"questions('mini', ['{first}'])",
                                   page.read_text(encoding="utf-8")), encoding="utf-8")


def report_of(root: Path, **kwargs: Any) -> Any:
    project = load_project(root)
    assert [str(p) for p in project.problems] == []
    return build_report(project, **kwargs)


def of_rule(report: Any, rule: str) -> list[Finding]:
    return [finding for finding in report.findings if finding.rule == rule]


def tf(qid: str, answer: bool, text: str | None = None, **extra: Any) -> dict[str, Any]:
    return {"id": qid, "type": "truefalse", "objectives": [1], "text": text or f"Stelling over onderwerp {qid}.",
            "answer": answer, "feedback_true": "Uitleg bij het antwoord juist.",
            "feedback_false": "Uitleg bij het antwoord onjuist.", **extra}


def single(qid: str, lengths: list[int], right: int, **extra: Any) -> dict[str, Any]:
    words = ["ladder", "netwerk", "melding", "gesprek", "inwoner"]
    options = [{"text": (f"{words[i]} {qid} " * 20)[:length], "correct": i == right,
                "feedback": f"Uitleg waarom optie {i + 1} zo is."} for i, length in enumerate(lengths)]
    return {"id": qid, "type": "single", "objectives": [1], "text": f"Welke optie past bij situatie {qid}?",
            "options": options, **extra}


def multiple(qid: str, total: int, right: int) -> dict[str, Any]:
    options = [{"text": f"Optie {i + 1} van {qid}", "correct": i < right, "feedback": f"Uitleg bij optie {i + 1}."}
               for i in range(total)]
    return {"id": qid, "type": "multiple", "objectives": [1], "text": f"Welke opties passen bij {qid}?",
            "options": options}


# --- the fixture banks ------------------------------------------------------------------------------------------

def test_balanced_bank_has_no_findings(tmp_path: Path) -> None:
    report = report_of(make_site(tmp_path, "balanced.yml"))
    assert [str(f) for f in report.findings] == []
    assert report.ok
    mini = report.modules["mini"]
    assert mini["truefalse_true_share"] == 0.5
    assert mini["longest_correct_share"] == 0.25
    assert mini["multiple_correct_counts"] == {"1": 1, "2": 1, "3": 1}
    assert mini["absolute_words"]["items"] == 1
    assert mini["objectives_uncovered"] == [] and mini["competences_uncovered"] == []


def test_biased_bank_is_flagged_by_every_pattern_rule(tmp_path: Path) -> None:
    report = report_of(make_site(tmp_path, "biased.yml"))
    rules = {f.rule for f in report.findings}
    assert rules >= {"truefalse-balance", "absolute-words", "longest-correct", "correct-position",
                     "multiple-correct-counts", "feedback", "untagged", "objective-coverage", "competence-coverage"}
    mini = report.modules["mini"]
    assert mini["truefalse_true_share"] == round(1 / 6, 3)
    assert mini["longest_correct_share"] == 1.0
    assert mini["correct_positions"] == {"1": 4}
    assert mini["multiple_correct_counts"] == {"3": 3}
    assert mini["absolute_words"]["keyed_false"] == 4 and mini["absolute_words"]["keyed_true"] == 0
    assert not report.ok


# --- one rule at a time -----------------------------------------------------------------------------------------

def test_truefalse_balance(tmp_path: Path) -> None:
    root = make_site(tmp_path, [tf("t1", True), *(tf(f"f{i}", False) for i in range(5))])
    [finding] = of_rule(report_of(root), "truefalse-balance")
    assert finding.file == "modules/mini/questions.yml"
    assert finding.line == 10  # the first statement keyed "onjuist", the side the bank leans to
    assert "1 of 6" in finding.message and "'onjuist' scores 83 %" in finding.message
    write_bank(root, [tf("t1", True), tf("t2", True), tf("t3", True), *(tf(f"f{i}", False) for i in range(3))])
    assert of_rule(report_of(root), "truefalse-balance") == []
    write_bank(root, [tf("t1", True), tf("f1", False), tf("f2", False)])  # 33 %, but one apart from half
    assert of_rule(report_of(root), "truefalse-balance") == []


def test_absolute_words_mostly_false(tmp_path: Path) -> None:
    biased = [tf("a1", False, "De gemeente moet altijd betalen."), tf("a2", False, "Alleen de consulent beslist."),
              tf("a3", False, "Het netwerk telt nooit mee."), tf("n1", True), tf("n2", True), tf("n3", True),
              tf("n4", True), tf("n5", False)]
    root = make_site(tmp_path, biased)
    messages = [f.message for f in of_rule(report_of(root), "absolute-words")]
    assert len(messages) == 2
    assert messages[0].startswith("3 of 8 true/false statements contain an absolute word (alleen, altijd, moet, nooit)")
    assert messages[1].startswith("3 of the 3 statements with an absolute word are keyed 'onjuist'")
    balanced = [tf("a1", False, "De gemeente moet altijd betalen."), tf("a2", True, "Alleen de inwoner kiest."),
                *(tf(f"n{i}", i % 2 == 0) for i in range(6))]
    write_bank(root, balanced)
    report = report_of(root)
    assert of_rule(report, "absolute-words") == []
    assert report.modules["mini"]["absolute_words"]["share"] == 0.25


def test_absolute_words_are_whole_words() -> None:
    assert absolute_words_in("Enkele buren helpen; de enigszins drukke straat.") == []
    assert absolute_words_in("Geen enkele buurman helpt, en dat is het ENIGE probleem.") == ["geen enkele", "enige"]
    assert absolute_words_in("Zij sluiten\nelkaar uit.") == ["sluiten elkaar uit"]


def test_longest_correct_option(tmp_path: Path) -> None:
    root = make_site(tmp_path, [single("s1", [60, 20, 20], 0), single("s2", [20, 70, 30], 1),
                                single("s3", [20, 20, 50], 2), single("s4", [30, 40, 20], 0)])
    [finding] = of_rule(report_of(root), "longest-correct")
    assert "in 3 of 4 single-choice questions" in finding.message and "(s1, s2, s3)" in finding.message
    assert finding.line == 2
    # Equal length is not "the unique longest".
    write_bank(root, [single("s1", [60, 60, 20], 0), single("s2", [20, 70, 30], 1),
                      single("s3", [50, 20, 20], 1), single("s4", [30, 40, 20], 0)])
    report = report_of(root)
    assert of_rule(report, "longest-correct") == []
    assert report.modules["mini"]["longest_correct"] == ["s2"]


def test_correct_position(tmp_path: Path) -> None:
    root = make_site(tmp_path, [single(f"s{i}", [20, 20, 20], 0) for i in range(3)] + [single("s9", [20, 20], 1)])
    [finding] = of_rule(report_of(root), "correct-position")
    assert "option 1 in 3 of 4 single-choice questions" in finding.message
    write_bank(root, [single(f"s{i}", [20, 20, 20, 20], i) for i in range(4)])
    report = report_of(root)
    assert of_rule(report, "correct-position") == []
    assert report.modules["mini"]["correct_positions"] == {"1": 1, "2": 1, "3": 1, "4": 1}


def test_multiple_response_correct_counts(tmp_path: Path) -> None:
    root = make_site(tmp_path, [multiple("m1", 5, 3), multiple("m2", 5, 3), multiple("m3", 5, 3)])
    [finding] = of_rule(report_of(root), "multiple-correct-counts")
    assert finding.message.startswith("all 3 multiple-response questions have 3 correct options")
    write_bank(root, [multiple("m1", 5, 1), multiple("m2", 5, 3), multiple("m3", 4, 4)])
    [finding] = of_rule(report_of(root), "multiple-correct-counts")
    assert finding.message.startswith("`m3`: all 4 options are correct")
    assert finding.line == 44


def test_feedback_that_does_not_explain(tmp_path: Path) -> None:
    question = single("s1", [20, 20, 20], 1)
    question["options"][2]["feedback"] = "Nee."
    ordering = {"id": "o1", "type": "ordering", "objectives": [1], "text": "Zet in volgorde.",
                "items": ["Melding", "Onderzoek", "Beschikking"]}
    short_tf = tf("t1", True, feedback_false="Fout.")
    root = make_site(tmp_path, [question, ordering, short_tf])
    findings = of_rule(report_of(root), "feedback")
    assert [(f.line, f.message.split(" (")[0]) for f in findings] == [
        (14, "`s1`: the feedback of option 3 does not explain"),
        (17, "`o1`: the question has no `feedback` that explains the key"),
        (26, "`t1`: `feedback_false` does not explain"),
    ]
    ordering["feedback"] = "Eerst de melding, dan het onderzoek en tot slot het besluit."
    question["options"][2]["feedback"] = "Nee, dat is niet de goede trede."
    short_tf["feedback_false"] = "Toch is het juist, lees de les nog eens."
    write_bank(root, [question, ordering, short_tf])
    assert of_rule(report_of(root), "feedback") == []


def add_second_module(root: Path, bank: list[dict[str, Any]]) -> None:
    shutil.copytree(root / "modules/mini", root / "modules/mini2")
    replace(root / "modules/mini2/index.md", "id: mini", "id: mini2")
    (root / "modules/mini2/verdieping.md").write_text("---\nid: verdieping\ntitle: Verdieping\n---\nMeer.\n",
                                                       encoding="utf-8")
    write_bank(root, bank, "mini2")


def test_near_duplicates_across_modules(tmp_path: Path) -> None:
    statement = "De ladder begint bij wat de inwoner zelf kan en pas daarna kijk je naar het netwerk om hem heen."
    other = "Een melding is hetzelfde als een aanvraag."
    root = make_site(tmp_path, [tf("t1", True, statement), tf("t2", False, other)])
    add_second_module(root, [tf("u1", True, "Stelling: de ladder begint bij wat de inwoner zelf kan, en pas daarna "
                                            "kijk je naar het netwerk rond hem."),
                             tf("u2", False, "Vrijwilligers komen op de ladder na de professional.")])
    [finding] = of_rule(report_of(root), "near-duplicate")
    assert (finding.file, finding.line, finding.module) == ("modules/mini2/questions.yml", 2, "mini2")
    assert finding.message.startswith("`u1` is nearly the same as `t1` in `mini` (modules/mini/questions.yml:2,")
    # Reported in the selected module when only the other one is asked for.
    [finding] = of_rule(report_of(root, modules=["mini"]), "near-duplicate")
    assert (finding.file, finding.module) == ("modules/mini/questions.yml", "mini")
    assert "`t1` is nearly the same as `u1` in `mini2`" in finding.message


def test_near_duplicates_ignore_different_questions_with_the_same_stem(tmp_path: Path) -> None:
    root = make_site(tmp_path, [single("s1", [20, 30, 40], 0), single("s2", [20, 30, 40], 0)])
    assert of_rule(report_of(root), "near-duplicate") == []


def test_objective_and_competence_coverage(tmp_path: Path) -> None:
    bank = [tf("t1", True, competences=["gesprek-voeren"]), tf("t2", False), tf("t3", True, objectives=[1, 2])]
    root = make_site(tmp_path, bank)
    report = report_of(root)
    [objective] = of_rule(report, "objective-coverage")
    assert (objective.file, objective.line) == ("modules/mini/index.md", 6)
    assert objective.message.startswith("objective 2 is addressed by 1 item (t3), fewer than 2")
    module_level, site_level = sorted(of_rule(report, "competence-coverage"),
                                      key=lambda f: f.file != "modules/mini/index.md")
    assert module_level.file == "modules/mini/index.md"
    assert "`gesprek-voeren` is addressed by 1 item" in module_level.message
    assert site_level.file == "competences/gesprek-voeren.yml"
    assert report.modules["mini"]["objectives_uncovered"] == [2]
    assert report.modules["mini"]["competences_uncovered"] == ["gesprek-voeren"]
    assert report.site["competences_uncovered"] == ["gesprek-voeren"]
    assert of_rule(report_of(root, min_items=1), "objective-coverage") == []
    # A case of the module that names the competence counts as a second item.
    replace(root / "cases/meneer-bakker.md", "reflection:", "competences: [gesprek-voeren]\nreflection:")
    report = report_of(root)
    assert of_rule(report, "competence-coverage") == []
    assert report.modules["mini"]["competences"] == {"gesprek-voeren": ["t1", "case:meneer-bakker"]}
    project = load_project(root)
    assert [a.label for a in items_for_competence(project, "gesprek-voeren")] == ["t1", "case:meneer-bakker"]
    assert [a.label for a in items_for_objective(project, "mini", 1)] == ["t1", "t2", "t3"]


def test_untagged_questions(tmp_path: Path) -> None:
    bank = [tf("t1", True), {**tf("t2", False), "objectives": []}, {**tf("t3", True), "objectives": []}]
    [finding] = of_rule(report_of(make_site(tmp_path, bank)), "untagged")
    assert finding.line == 10
    assert finding.message.startswith("2 of 3 questions name no objective (t2, t3)")


# --- validation of the new fields -------------------------------------------------------------------------------

@pytest.mark.parametrize(("field", "value", "expected"), [
    ("objectives", [1, 3], "modules/mini/questions.yml:7: questions[0].objectives[1]: there is no objective 3; "
                           "the module has 2 objectives; use 1 to 2"),
    ("objectives", [0], "modules/mini/questions.yml:6: questions[0].objectives[0]: there is no objective 0"),
    ("objectives", ["Leerdoel 1"], "modules/mini/questions.yml:6: questions[0].objectives[0]: expected a whole number"),
    ("competences", ["gesprek-voeren", "gesprek-voren"],
     "modules/mini/questions.yml:7: questions[0].competences[1]: no competence with id `gesprek-voren`; did you "
     "mean `gesprek-voeren`?"),
])
def test_check_rejects_unknown_objectives_and_competences(tmp_path: Path, field: str, value: list[Any],
                                                          expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    question = {"id": "t1", "type": "truefalse", "text": "Stelling.", field: value, "answer": True,
                "feedback_true": "Uitleg bij juist.", "feedback_false": "Uitleg bij onjuist."}
    text = yaml.safe_dump({"questions": [question]}, allow_unicode=True, sort_keys=False, default_flow_style=False)
    root = make_site(tmp_path, [question])
    (root / "modules/mini/questions.yml").write_text(text, encoding="utf-8")
    assert main(["--root", str(root), "check"]) == 1
    out = capsys.readouterr().out
    assert expected in out, out


def test_one_objective_message(tmp_path: Path) -> None:
    root = make_site(tmp_path, [tf("t1", True, objectives=[2])])
    replace(root / "modules/mini/index.md", TWO_OBJECTIVES, OBJECTIVES)
    assert [str(p) for p in load_project(root).problems] == [
        "modules/mini/questions.yml:5: questions[0].objectives[0]: there is no objective 2; the module has "
        "1 objective; use 1 (the numbers the site shows as 'Leerdoel 1' ...)"]


def test_schema_has_the_new_fields(tmp_path: Path) -> None:
    assert main(["schema", "--out", str(tmp_path)]) == 0
    questions = json.loads((tmp_path / "questions.schema.json").read_text(encoding="utf-8"))
    base = questions["$defs"]["TrueFalseQuestion"]["properties"]
    assert base["objectives"]["items"] == {"type": "integer", "minimum": 1}
    assert base["competences"]["items"]["pattern"] == "^[a-z0-9][a-z0-9-]*$"
    unit = json.loads((tmp_path / "unit.schema.json").read_text(encoding="utf-8"))
    assert unit["properties"]["sources"]["type"] == "array"


def test_tagging_a_question_keeps_the_learners_stored_answers(tmp_path: Path) -> None:
    from werkplaats.quiz.render import version_of

    root = make_site(tmp_path, [{**tf("t1", True), "objectives": []}])
    before = version_of(load_project(root).modules["mini"].questions)
    write_bank(root, [tf("t1", True, objectives=[1, 2], competences=["gesprek-voeren"])])
    assert version_of(load_project(root).modules["mini"].questions) == before


# --- the command line -------------------------------------------------------------------------------------------

def test_cli_json_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site(tmp_path, "biased.yml")
    assert main(["--root", str(root), "report", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False
    mini = data["modules"]["mini"]
    for key in ("questions", "objectives_uncovered", "competences_uncovered", "truefalse_true_share",
                "longest_correct_share", "multiple_correct_counts", "absolute_words"):
        assert key in mini, key
    assert mini["questions"] == 14
    assert all(set(f) >= {"file", "line", "rule", "message"} for f in data["findings"])
    assert {"file": "modules/mini/questions.yml", "line": 3, "rule": "untagged", "module": "mini"}.items() <= \
        next(f for f in data["findings"] if f["rule"] == "untagged").items()


def test_cli_text_html_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site(tmp_path, "biased.yml")
    assert main(["--root", str(root), "report", "mini", "--min-items", "1"]) == 0
    out = capsys.readouterr().out
    assert "modules/mini/questions.yml:39: correct-position: the correct option is option 1 in 4 of 4" in out
    assert "mini (modules/mini/questions.yml): 14 questions" in out
    assert main(["--root", str(root), "report", "--format", "html"]) == 0
    html = capsys.readouterr().out

    class Links(HTMLParser):
        urls: ClassVar[list[str]] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.urls += [value or "" for name, value in attrs if name in ("href", "src")]

    parser = Links()
    parser.feed(html)
    assert parser.urls == [] and "<script" not in html
    assert "truefalse-balance</strong>" in html
    assert main(["--root", str(root), "report", "mnii"]) == 2
    assert "no module with id `mnii`; did you mean `mini`?" in capsys.readouterr().err


def test_check_strict_quality(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site(tmp_path, "biased.yml")
    assert main(["--root", str(root), "check"]) == 0
    assert main(["--root", str(root), "check", "--strict-quality"]) == 1
    out = capsys.readouterr().out
    assert "modules/mini/questions.yml:39: correct-position:" in out
    assert main(["--root", str(root), "check", "--strict-quality", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False and data["errors"] == [] and data["findings"]
    write_bank(root, "balanced.yml")
    assert main(["--root", str(root), "check", "--strict-quality"]) == 0


# --- the build --------------------------------------------------------------------------------------------------

def build(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root, env=ENV,
                          capture_output=True, text=True, timeout=600)


def test_build_prints_a_summary_and_strict_quality_fails_it(tmp_path: Path) -> None:
    root = make_site(tmp_path, "biased.yml")
    replace(root / "modules/mini/intro.md", "objectives:",
            "sources:\n  - 'Movisie (2012). *Het gesprek*.'\nobjectives:")
    result = build(root)
    assert result.returncode == 0, result.stderr
    findings = len(report_of(root).findings)
    assert f"werkplaats report: {findings} findings, run `werkplaats report`" in result.stderr
    # Units and methods list their sources under "Bronnen".
    unit = (root / "site/modules/mini/intro/index.html").read_text(encoding="utf-8")
    assert re.search(r'<h2 id="bronnen">Bronnen.*?</h2>\s*<ul>\s*<li>Movisie \(2012\). <em>Het gesprek</em>.</li>',
                     unit, re.S), unit
    replace(root / "methods/het-gesprek.md", "circle:", "sources: ['Movisie (2010). Methodiekbeschrijving.']\ncircle:")
    replace(root / "mkdocs.yml", "  - werkplaats\n", "  - werkplaats:\n      strict_quality: true\n")
    before = sorted(p.relative_to(root).as_posix() for p in (root / "site").rglob("*"))
    result = build(root)
    assert result.returncode == 1
    assert f"strict_quality is on and the report has {findings} findings" in result.stderr
    assert "modules/mini/questions.yml:39: correct-position:" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.relative_to(root).as_posix() for p in (root / "site").rglob("*")) == before
    write_bank(root, "balanced.yml")
    result = build(root)
    assert result.returncode == 0, result.stderr
    assert "werkplaats report: no findings" in result.stderr
    method = (root / "site/methodieken/het-gesprek/index.html").read_text(encoding="utf-8")
    assert re.search(r'<h2 id="bronnen">Bronnen.*?</h2>\s*<ul>\s*<li>Movisie \(2010\). Methodiekbeschrijving.</li>',
                     method, re.S)


def test_report_cache_reuses_near_duplicates_until_a_bank_changes(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import werkplaats.report.build as build_module
    from werkplaats.report import ReportCache

    calls = []
    real = build_module.near_duplicates

    def counted(*args: Any) -> list[Finding]:
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(build_module, "near_duplicates", counted)
    statement = "De ladder begint bij wat de inwoner zelf kan en pas daarna kijk je naar het netwerk om hem heen."
    root = make_site(tmp_path, [tf("t1", True, statement), tf("t2", False)])
    cache = ReportCache()
    assert of_rule(build_report(load_project(root), cache=cache), "near-duplicate") == []
    # An edited case changes the coverage, not the banks: the near-duplicates are reused.
    replace(root / "cases/meneer-bakker.md", "reflection:", "competences: [gesprek-voeren]\nreflection:")
    report = build_report(load_project(root), cache=cache)
    assert report.modules["mini"]["competences"]["gesprek-voeren"] == ["case:meneer-bakker"]
    assert len(calls) == 1
    # An edited bank is compared again, and the new duplicate is found.
    write_bank(root, [tf("t1", True, statement), tf("t2", False), tf("t3", True, statement + " Echt.")])
    [finding] = of_rule(build_report(load_project(root), cache=cache), "near-duplicate")
    assert finding.message.startswith("`t3` is nearly the same as `t1` in the same module")
    assert len(calls) == 2


def test_report_refuses_invalid_content_and_bad_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site(tmp_path, [tf("t1", True, objectives=[9])])
    assert main(["--root", str(root), "report"]) == 1
    captured = capsys.readouterr()
    assert "modules/mini/questions.yml:5: questions[0].objectives[0]: there is no objective 9" in captured.out
    assert "fix them first" in captured.err
    with pytest.raises(SystemExit) as exit_info:
        main(["--root", str(root), "report", "--min-items", "-1"])
    assert exit_info.value.code == 2
    assert "expected a whole number of 0 or more, got `-1`" in capsys.readouterr().err


def test_a_dialogue_counts_for_the_competences_it_practises(tmp_path: Path) -> None:
    root = make_site(tmp_path, [tf("t1", True, competences=["gesprek-voeren"]), tf("t2", False)])
    report = report_of(root)
    assert [f for f in of_rule(report, "competence-coverage") if f.file == "modules/mini/index.md"]
    replace(root / "dialogues/kort-gesprek.yml", "competences: []", "competences: [gesprek-voeren]")
    report = report_of(root)
    assert report.modules["mini"]["competences"]["gesprek-voeren"] == ["t1", "dialogue:kort-gesprek"]
    assert [f for f in of_rule(report, "competence-coverage") if f.file == "modules/mini/index.md"] == []
