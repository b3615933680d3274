"""Brightspace question library CSV: parsed back and compared with the bank, scoring as on the site."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from werkplaats.cli import main
from werkplaats.content import load_project
from werkplaats.export.common import answer_variants
from werkplaats.export.xhtml import plain_text
from werkplaats.render import md_inline

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = Path(__file__).parent / "sites" / "minimal"


def parse(path: Path) -> list[dict[str, object]]:
    """The questions of a D2L question CSV: type, header fields and the type's rows, as D2L reads them."""
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "D2L wants CSV UTF-8 (with a byte order mark)"
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert all(len(row) == 5 for row in rows), "five columns in every row"
    questions: list[dict[str, object]] = []
    current: dict[str, object] | None = None
    for row in rows:
        if not any(row):
            assert current is not None, "a separator row before any question"
            current = None
            continue
        if row[0] == "NewQuestion":
            assert current is None, "no blank row between two questions"
            current = {"type": row[1], "rows": []}
            questions.append(current)
            continue
        assert current is not None, row
        if row[0] in ("ID", "Title", "QuestionText", "Points", "Scoring", "Feedback", "AnswerKey", "InputBox"):
            current[row[0]] = row[1]
        else:
            current["rows"].append(row)  # type: ignore[union-attr]
    assert current is None, "the last question ends with a blank row"
    return questions


@pytest.fixture
def site_root(tmp_path: Path) -> Path:
    root = tmp_path / "minimal"
    shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns("site", "dist", "__pycache__"))
    return root


def _text(markdown: str) -> str:
    return plain_text(str(md_inline(markdown)))


def _compare(root: Path, out: Path, module_id: str) -> None:
    content = load_project(root).modules[module_id]
    parsed = parse(out / f"{module_id}-brightspace.csv")
    assert [p["ID"] for p in parsed] == [f"{module_id}-{q.id}" for q in content.questions]
    for q, p in zip(content.questions, parsed, strict=True):
        rows = p["rows"]
        kind = {"single": "MC", "multiple": "MS", "truefalse": "TF", "fill": "SA", "matching": "M", "ordering": "O",
                "open": "WR"}[q.type]
        assert p["type"] == kind, q.id
        assert p["Points"] == str(q.points if q.type != "open" else 0)
        if q.type == "single":
            assert [(r[1], r[2]) for r in rows] == [("100" if o.correct else "0", _text(o.text)) for o in q.options]
        elif q.type == "multiple":
            assert p["Scoring"] == "AllOrNothing"
            assert [(r[1], r[2]) for r in rows] == [("1" if o.correct else "0", _text(o.text)) for o in q.options]
        elif q.type == "truefalse":
            assert [(r[0], r[1]) for r in rows] == [("TRUE", "100" if q.answer else "0"),
                                                   ("FALSE", "0" if q.answer else "100")]
        elif q.type == "fill":
            assert [r[2] for r in rows if r[0] == "Answer"] == answer_variants(q.answers)
            assert all(r[1] == "100" for r in rows)
        elif q.type == "matching":
            assert p["Scoring"] == "AllOrNothing"
            choices = {r[1]: r[2] for r in rows if r[0] == "Choice"}
            matches = {r[1]: r[2] for r in rows if r[0] == "Match"}
            assert {choices[n]: matches[n] for n in choices} == {_text(x.left): _text(x.right) for x in q.pairs}
        elif q.type == "ordering":
            assert p["Scoring"] == "AllOrNothing"
            assert [r[1] for r in rows] == [_text(item) for item in q.items]
        elif q.type == "open":
            assert p["AnswerKey"]


def test_csv_round_trips_the_bank(site_root: Path) -> None:
    assert main(["--root", str(site_root), "export", "brightspace"]) == 0
    out = site_root / "dist" / "brightspace"
    _compare(site_root, out, "mini")
    types = {p["type"] for p in parse(out / "mini-brightspace.csv")}
    assert types == {"MC", "MS", "TF", "SA", "M", "O", "WR"}  # all seven


def test_every_real_module(tmp_path: Path) -> None:
    assert main(["--root", str(ROOT), "export", "brightspace", "--out", str(tmp_path)]) == 0
    for module_id in load_project(ROOT).modules:
        _compare(ROOT, tmp_path, module_id)


def test_commas_quotes_and_newlines_survive(site_root: Path) -> None:
    bank = site_root / "modules" / "mini" / "questions.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace(
        "{text: Eigen kracht, correct: true,", "{text: 'Eigen kracht, \"zelf\" doen', correct: true,"),
        encoding="utf-8")
    assert main(["--root", str(site_root), "export", "brightspace"]) == 0
    parsed = parse(site_root / "dist" / "brightspace" / "mini-brightspace.csv")
    assert parsed[0]["rows"][0][2] == "Eigen kracht, “zelf” doen" or \
        parsed[0]["rows"][0][2] == 'Eigen kracht, "zelf" doen'
