"""Exam settings in the LMS exports (issue #15): the QTI assessmentTest draws the pool and carries the advisory time
limit, valid against the QTI 2.1 schema; practice mode leaves the test as it was."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from werkplaats.cli import main
from werkplaats.export.validate import validate_qti

MINIMAL = Path(__file__).parent / "sites" / "minimal"
REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "xsd"
QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"


def export(tmp_path: Path, quiz: str) -> Path:
    root = tmp_path / "minimal"
    shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns("site", "dist", ".site-*", "__pycache__"))
    index = root / "modules" / "mini" / "index.md"
    text = index.read_text(encoding="utf-8")
    index.write_text(text.replace(next(x for x in text.splitlines() if x.startswith("quiz:")), quiz), "utf-8")
    assert main(["--root", str(root), "export", "qti", "mini", "--out", str(tmp_path / "out")]) == 0
    return tmp_path / "out" / "mini-qti21.zip"


def test_qti_test_draws_the_pool_and_has_the_time_limit(tmp_path: Path) -> None:
    package = export(tmp_path, "quiz: {pass_mark: 60, draw: 4, time_limit: 20, extra_time: 10}")
    with zipfile.ZipFile(package) as archive:
        test = etree.fromstring(archive.read("assessment.xml"))
    limits = test.find(f"{QTI}timeLimits")
    assert (limits.get("maxTime"), limits.get("allowLateSubmission")) == ("1200", "true")
    section = test.find(f"{QTI}testPart/{QTI}assessmentSection")
    assert section.find(f"{QTI}selection").get("select") == "4"
    assert section.find(f"{QTI}ordering").get("shuffle") == "true"
    assert len(section.findall(f"{QTI}assessmentItemRef")) == 7  # the whole bank; the LMS draws
    if not (REFERENCE / "qti21" / "imsqti_v2p1p2.xsd").is_file():
        pytest.fail(f"the reference schemas are not at {REFERENCE}")
    assert validate_qti(package, REFERENCE / "qti21", REFERENCE / "scorm12") == []


def test_practice_test_has_no_exam_settings(tmp_path: Path) -> None:
    package = export(tmp_path, "quiz: {pass_mark: 60, mode: practice}")
    with zipfile.ZipFile(package) as archive:
        test = etree.fromstring(archive.read("assessment.xml"))
    assert test.find(f"{QTI}timeLimits") is None
    assert test.find(f".//{QTI}selection") is None


CC = REFERENCE / "cc11"
ASI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"


def cc_metadata(tmp_path: Path, quiz: str) -> tuple[Path, dict[str, str]]:
    from werkplaats.export.validate import validate_cc

    root = tmp_path / "minimal"
    shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns("site", "dist", ".site-*", "__pycache__"))
    index = root / "modules" / "mini" / "index.md"
    text = index.read_text(encoding="utf-8")
    index.write_text(text.replace(next(x for x in text.splitlines() if x.startswith("quiz:")), quiz), "utf-8")
    assert main(["--root", str(root), "export", "cc"]) == 0
    cartridge = root / "dist" / "cc" / "mini.imscc"
    assert validate_cc(cartridge, CC) == []  # the CC 1.1 schemas and schematron
    with zipfile.ZipFile(cartridge) as archive:
        name = next(n for n in archive.namelist() if n.endswith("assessment.xml"))
        test = etree.fromstring(archive.read(name))
    fields = test.find(f"{ASI}assessment/{ASI}qtimetadata")
    return cartridge, {f.findtext(f"{ASI}fieldlabel"): f.findtext(f"{ASI}fieldentry") for f in fields}


def test_common_cartridge_carries_attempts_and_time(tmp_path: Path) -> None:
    _, meta = cc_metadata(tmp_path / "a", "quiz: {pass_mark: 60, attempts: 3, time_limit: 25}")
    assert (meta["cc_maxattempts"], meta["qmd_timelimit"], meta["cc_allow_late_submission"]) == ("3", "25", "Yes")
    _, meta = cc_metadata(tmp_path / "b", "quiz: {pass_mark: 60, attempts: 8}")  # CC knows 1 to 5 only
    assert meta["cc_maxattempts"] == "unlimited" and "qmd_timelimit" not in meta
    _, meta = cc_metadata(tmp_path / "c", "quiz: {pass_mark: 60, mode: practice}")
    assert meta["cc_maxattempts"] == "unlimited"
