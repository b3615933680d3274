"""QTI 2.1 export: every item and the test valid against the QTI 2.1.2 schema, the manifest against IMS CP, and
each question type mapped to its interaction with its answers, scoring and feedback."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from werkplaats.cli import main
from werkplaats.export.validate import validate_qti

from support import copy_site

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT.parent / "shared" / "reference" / "xsd"
QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
NS = {"q": QTI, "cp": CP}


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp_path = tmp_path_factory.mktemp("qti")
    root = copy_site(tmp_path / "minimal")
    assert main(["--root", str(root), "export", "qti", "mini", "--out", str(tmp_path / "out")]) == 0
    path = tmp_path / "out" / "mini-qti21.zip"
    assert path.is_file()
    return path


def _items(package: Path) -> dict[str, etree._Element]:
    with zipfile.ZipFile(package) as archive:
        return {name.removeprefix("items/").removesuffix(".xml"): etree.fromstring(archive.read(name))
                for name in archive.namelist() if name.startswith("items/")}


def _schemas() -> Path:
    assert (REFERENCE / "qti21" / "imsqti_v2p1p2.xsd").is_file(), f"the reference schemas are not at {REFERENCE}"
    return REFERENCE


def test_every_file_is_valid(package: Path) -> None:
    schemas = _schemas()
    assert validate_qti(package, schemas / "qti21", schemas / "scorm12") == []


def test_validator_catches_a_broken_item(package: Path, tmp_path: Path) -> None:
    schemas = _schemas()
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(broken, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "items/m-01.xml":
                data = data.replace(b'maxChoices="1"', b'maxChoices="one"')
            target.writestr(name, data)
    problems = validate_qti(broken, schemas / "qti21", schemas / "scorm12")
    assert len(problems) == 1 and problems[0].startswith("items/m-01.xml:") and "maxChoices" in problems[0]


def test_manifest_lists_every_item_and_the_test(package: Path) -> None:
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
        manifest = etree.fromstring(archive.read("imsmanifest.xml"))
        test = etree.fromstring(archive.read("assessment.xml"))
    resources = manifest.findall(".//cp:resource", NS)
    items = [r for r in resources if r.get("type") == "imsqti_item_xmlv2p1"]
    assert sorted(r.get("href") for r in items) == sorted(n for n in names if n.startswith("items/"))
    assert len(items) == 7
    tests = [r for r in resources if r.get("type") == "imsqti_test_xmlv2p1"]
    assert len(tests) == 1 and tests[0].get("href") == "assessment.xml"
    assert len(tests[0].findall("cp:dependency", NS)) == 7
    refs = [ref.get("href") for ref in test.iter(f"{{{QTI}}}assessmentItemRef")]
    assert refs == [f"items/m-0{n}.xml" for n in range(1, 8)]
    # The pass mark of the module (60%) is in the test's outcome processing.
    assert test.xpath("//q:setOutcomeValue[@identifier='PASS']//q:baseValue/text()", namespaces=NS) == ["0.6"]


def test_each_type_has_its_interaction(package: Path) -> None:
    items = _items(package)

    def interaction(qid: str, tag: str) -> etree._Element:
        found = items[qid].find(f".//q:{tag}", NS)
        assert found is not None, f"{qid} has no {tag}"
        return found

    assert interaction("m-01", "choiceInteraction").get("maxChoices") == "1"
    assert interaction("m-02", "choiceInteraction").get("maxChoices") == "0"
    truefalse = interaction("m-03", "choiceInteraction")
    assert [c.get("identifier") for c in truefalse] == ["TRUE", "FALSE"]
    assert items["m-03"].findtext(".//q:correctResponse/q:value", namespaces=NS) == "FALSE"
    interaction("m-04", "textEntryInteraction")
    entries = items["m-04"].findall(".//q:mapping/q:mapEntry", NS)
    assert [(e.get("mapKey"), e.get("caseSensitive")) for e in entries] == [("compensatieplicht", "false")]
    assert len(interaction("m-05", "matchInteraction").findall("q:simpleMatchSet", NS)) == 2
    assert items["m-05"].xpath("//q:correctResponse/q:value/text()", namespaces=NS) == ["L1 R1", "L2 R2", "L3 R3"]
    interaction("m-06", "orderInteraction")
    assert items["m-06"].xpath("//q:correctResponse/q:value/text()", namespaces=NS) == ["O1", "O2", "O3", "O4"]
    interaction("m-07", "extendedTextInteraction")
    assert "hoe hij zijn dag invult" in "".join(interaction("m-07", "rubricBlock").itertext())


def test_feedback_per_option_is_kept(package: Path) -> None:
    items = _items(package)

    def feedback(qid: str) -> dict[str, str]:
        return {f.get("identifier"): " ".join("".join(f.itertext()).split())
                for f in items[qid].findall("q:modalFeedback", NS)}

    single = feedback("m-01")
    assert "Ja, eerst wat iemand zelf kan." in single["C1"] and "Nee, die komt als laatste." in single["C2"]
    assert single["GENERAL"] == "De ladder begint bij de burger zelf."
    assert {"C1", "C2", "C3"} <= set(feedback("m-02"))
    assert "populaire naam" in feedback("m-03")["TRUE"] and "spreekt van onderzoek" in feedback("m-03")["FALSE"]
    assert feedback("m-04")["CORRECT"] == "Goed." and "compensatieplicht" in feedback("m-04")["INCORRECT"]
    assert "Modelantwoord" in feedback("m-07")["MODEL"]
    # The chosen options reach the FEEDBACK outcome, so their modalFeedback shows.
    last = items["m-01"].findall("q:responseProcessing/q:setOutcomeValue", NS)[-1]
    assert last.get("identifier") == "FEEDBACK"
    assert [v.get("identifier") for v in last.iter(f"{{{QTI}}}variable")] == ["FEEDBACK", "RESPONSE"]


def test_points_are_the_score(package: Path) -> None:
    items = _items(package)
    for qid in ("m-01", "m-02", "m-03", "m-05", "m-06"):
        assert items[qid].xpath("//q:responseIf/q:setOutcomeValue[@identifier='SCORE']/q:baseValue/text()",
                                namespaces=NS) == ["1"], qid
    assert items["m-07"].xpath("//q:outcomeDeclaration[@identifier='MAXSCORE']//q:value/text()",
                               namespaces=NS) == ["0"]
