"""The report on the project's own content shows the target figures of issue #12 for every module's bank.

Written before the rebalanced banks landed, and never marked xfail: it guards the target figures of issue #12.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from werkplaats.cli import main
from werkplaats.content import load_project

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--root", str(ROOT), "report", "--format", "json"]) == 0
    return json.loads(out.getvalue())


def modules(report: dict[str, Any]) -> list[str]:
    return sorted(report["modules"])


def test_every_module_is_reported(report: dict[str, Any]) -> None:
    assert modules(report) == sorted(load_project(ROOT).modules)


def test_truefalse_keyed_true_between_40_and_60_percent(report: dict[str, Any]) -> None:
    shares = {m: report["modules"][m]["truefalse_true_share"] for m in modules(report)}
    assert all(share is not None and 0.4 <= share <= 0.6 for share in shares.values()), shares


def test_absolute_words_in_at_most_a_quarter_and_on_both_sides(report: dict[str, Any]) -> None:
    for module_id in modules(report):
        words = report["modules"][module_id]["absolute_words"]
        assert (words["share"] or 0) <= 0.25, (module_id, words)
        if words["items"] >= 2:
            assert words["keyed_true"] and words["keyed_false"], (module_id, words)


def test_correct_option_the_unique_longest_in_at_most_a_third(report: dict[str, Any]) -> None:
    shares = {m: report["modules"][m]["longest_correct_share"] for m in modules(report)}
    assert all(share is not None and share <= 1 / 3 for share in shares.values()), shares


def test_multiple_response_correct_counts_vary(report: dict[str, Any]) -> None:
    counts = {m: report["modules"][m]["multiple_correct_counts"] for m in modules(report)}
    assert all(len(c) > 1 for c in counts.values()), counts


def test_every_objective_covered_by_two_items_and_every_question_tagged(report: dict[str, Any]) -> None:
    for module_id in modules(report):
        module = report["modules"][module_id]
        assert module["untagged"] == [], (module_id, module["untagged"])
        assert module["objectives_uncovered"] == [], (module_id, module["objectives"])
    project = load_project(ROOT)
    without = [f"{m}/{q.id}" for m, c in sorted(project.modules.items()) for q in c.questions if not q.competences]
    assert without == []


def test_no_pattern_finding_in_the_banks(report: dict[str, Any]) -> None:
    rules = ("truefalse-balance", "absolute-words", "longest-correct", "multiple-correct-counts", "feedback",
             "near-duplicate", "objective-coverage", "untagged")
    left = [f"{f['file']}:{f['line']}: {f['rule']}: {f['message']}" for f in report["findings"] if f["rule"] in rules]
    assert left == []
