"""The project's five question banks: facts checked against the seeds, one ladder, no repeats, balanced keys.

These read the YAML of the real banks directly (not through the content model), so they guard the content itself:
each test names a mistake that was once in a bank (issue #12) and fails if it comes back.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BANKS = sorted(ROOT.glob("modules/*/questions.yml"))
LADDER = {"1 Eigen kracht", "2 Netwerk", "3 Vrijwilligers en algemene voorzieningen", "4 Professional",
          "4 Professional of maatwerkvoorziening", "Eigen kracht", "Netwerk", "Vrijwilligers en algemene voorzieningen",
          "Professional"}
RUNG_WORDS = re.compile(r"eigen kracht|netwerk|vrijwillig|algemene voorziening|maatwerk|professional", re.I)
ABSOLUTE = ("altijd", "nooit", "alleen", "enige", "enkel", "uitsluitend", "zodra", "geen enkele", "geen enkel",
            "iedereen", "niemand", "moet", "moeten", "precies", "meteen", "volledig", "helemaal", "nergens",
            "overal", "allemaal",
            "onmogelijk", "zonder uitzondering", "in alle gevallen", "per definitie", "sluiten elkaar uit")


def module_meta(bank: Path) -> dict[str, Any]:
    front = (bank.parent / "index.md").read_text(encoding="utf-8").split("---")[1]
    return yaml.safe_load(front)


def questions(bank: Path) -> list[dict[str, Any]]:
    return yaml.safe_load(bank.read_text(encoding="utf-8"))["questions"]


def all_questions() -> list[tuple[str, dict[str, Any]]]:
    return [(bank.parent.name, q) for bank in BANKS for q in questions(bank)]


def asserted_text(q: dict[str, Any]) -> str:
    """What a question states as right: its stem when keyed true, correct options, pairs, items, feedback."""
    parts = [q.get("feedback", "")]
    if q["type"] == "truefalse":
        parts += [q["feedback_true" if not q["answer"] else "feedback_false"]]
        parts += [q["text"]] if q["answer"] else []
    parts += [o["text"] + " " + o["feedback"] for o in q.get("options", []) if o.get("correct")]
    parts += [p["left"] + " " + p["right"] for p in q.get("pairs", [])] + q.get("items", [])
    parts += [q.get("model_answer", ""), q.get("feedback_correct", "")]
    return " ".join(parts)


def test_there_are_five_banks() -> None:
    assert len(BANKS) == 5


def test_every_ladder_matching_uses_the_four_rungs_of_the_site() -> None:
    """The buurtbus and the volunteer sit on one rung (3); no bank tests them as separate rungs."""
    wrong = []
    for module, q in all_questions():
        rights = [p["right"] for p in q.get("pairs", [])] + [p["left"] for p in q.get("pairs", [])]
        rungs = [r for r in rights if len(r) < 45 and RUNG_WORDS.search(r)]
        if len(rungs) >= 3 and not set(rungs) <= LADDER:
            wrong.append((module, q["id"], sorted(set(rungs) - LADDER)))
    assert wrong == []


def test_the_zrm_is_not_taught_as_what_someone_manages_alone() -> None:
    """ZRM zelfredzaamheid includes organising the right help; help from others counts (seeds S27, S29)."""
    bad = re.compile(r"persoon alleen|wat iemand zelf redt|telt niet mee|alleen kan\b|zonder hulp van", re.I)
    wrong = [(m, q["id"]) for m, q in all_questions()
             if re.search(r"ZRM|zelfredzaam|samenredzaam", asserted_text(q)) and bad.search(asserted_text(q))]
    assert wrong == []


def test_plans_in_the_seeds_stay_plans() -> None:
    """The case-study link, the Menterwolde network tools and the Flevoland meter were intentions, not results."""
    claims = re.compile(r"werden (de )?(ontwikkel)?werkplaatsen (daarom )?gekoppeld|werken stelselmatig met "
                        r"netwerkkaarten|gingen samenredzaamheid meten|die al klaarlag", re.I)
    wrong = [(m, q["id"]) for m, q in all_questions() if claims.search(" ".join(asserted_text(q).split()))]
    assert wrong == []


@pytest.mark.parametrize("pattern", [r"Groningen Drenthe", r"(?i)\been vrijwillige gezinsmaatje", r"nagedachte",
                                     r"(?<!De )\b[Kk]anteling\b", r"\(verzonnen\)", r"\bburgers?\b"])
def test_one_spelling_and_one_word_for_the_person(pattern: str) -> None:
    hits = [(bank.parent.name, line) for bank in BANKS
            for line in bank.read_text(encoding="utf-8").splitlines()
            if re.search(pattern, line) and "regie-bij-burger" not in line]
    assert hits == []


def test_no_question_is_repeated_in_another_module() -> None:
    def stem(q: dict[str, Any]) -> str:
        return re.sub(r"\s+", " ", q["text"].lower()).strip()

    def body(q: dict[str, Any]) -> str:
        rest = [o["text"] for o in q.get("options", [])] + q.get("items", [])
        rest += [p["left"] + " " + p["right"] for p in q.get("pairs", [])] + q.get("answers", [])
        return re.sub(r"\s+", " ", " ".join(rest).lower())

    def similar(a: str, b: str, limit: float) -> bool:
        words_a, words_b = set(a.split()), set(b.split())
        if not words_a or not words_b or len(words_a & words_b) / len(words_a | words_b) < limit / 3:
            return False  # far apart in vocabulary; spare the slower character comparison
        return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() > limit

    close = []
    for (m1, q1), (m2, q2) in combinations(all_questions(), 2):
        if m1 == m2:
            continue
        if similar(stem(q1), stem(q2), 0.85):
            close.append((q1["id"], q2["id"], "stem"))
        if similar(body(q1), body(q2), 0.6):
            close.append((q1["id"], q2["id"], "answers"))
        if q1["type"] == q2["type"] == "fill" and set(q1["answers"]) & set(q2["answers"]):
            close.append((q1["id"], q2["id"], "fill answer"))
    assert close == []


@pytest.mark.parametrize("bank", BANKS, ids=lambda bank: bank.parent.name)
def test_objectives_and_competences_of_the_module_are_each_tested_twice(bank: Path) -> None:
    meta = module_meta(bank)
    qs = questions(bank)
    objectives = Counter(n for q in qs for n in q.get("objectives", []))
    competences = Counter(c for q in qs for c in q.get("competences", []))
    assert all(q.get("objectives") and q.get("competences") for q in qs)
    assert set(objectives) <= set(range(1, len(meta["objectives"]) + 1))
    assert set(competences) <= set(meta["competences"])
    assert [n for n in range(1, len(meta["objectives"]) + 1) if objectives[n] < 2] == []
    assert [c for c in meta["competences"] if competences[c] < 2] == []


@pytest.mark.parametrize("bank", BANKS, ids=lambda bank: bank.parent.name)
def test_answer_keys_give_nothing_away(bank: Path) -> None:
    qs = questions(bank)
    tf = [q for q in qs if q["type"] == "truefalse"]
    assert 0.4 <= sum(q["answer"] for q in tf) / len(tf) <= 0.6
    absolute = [q["answer"] for q in tf
                if any(re.search(rf"\b{word}\b", q["text"], re.I) for word in ABSOLUTE)]
    assert len(absolute) <= len(tf) / 4 and (not absolute or (True in absolute and False in absolute))

    single = [q for q in qs if q["type"] == "single"]
    longest = 0
    positions = Counter()
    for q in single:
        lengths = [len(o["text"]) for o in q["options"]]
        key = next(i for i, o in enumerate(q["options"]) if o.get("correct"))
        positions[key] += 1
        longest += lengths[key] == max(lengths) and lengths.count(max(lengths)) == 1
    assert longest <= len(single) / 3
    assert len(positions) >= 3 and max(positions.values()) <= len(single) / 2

    multiple = [q for q in qs if q["type"] == "multiple"]
    counts = {sum(bool(o.get("correct")) for o in q["options"]) for q in multiple}
    assert len(counts) >= 2
    assert all(0 < sum(bool(o.get("correct")) for o in q["options"]) < len(q["options"]) for q in multiple)
    assert all(o.get("feedback") for q in single + multiple for o in q["options"])


@pytest.mark.parametrize("dialogue_module", ["kanteling-en-het-gesprek", "schulden-signaleren-interventie",
                                             "supportgericht-werken-netwerk"])
def test_banks_with_a_conversation_practice_ask_about_it(dialogue_module: str) -> None:
    qs = questions(ROOT / "modules" / dialogue_module / "questions.yml")
    assert len([q for q in qs if "gespreksoefening" in q["text"] or "geoefende huisbezoek" in q["text"]]) >= 2
