"""QTI 2.1: the manifest tells importers each item's interaction type; images in questions are packed."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from werkplaats.cli import main
from werkplaats.export.common import answer_variants
from werkplaats.export.validate import validate_qti

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = Path(__file__).parent / "sites" / "minimal"
SCHEMAS = ROOT.parent / "shared" / "reference" / "xsd"
NS = {"cp": "http://www.imsglobal.org/xsd/imscp_v1p1", "md": "http://www.imsglobal.org/xsd/imsqti_metadata_v2p1",
      "qti": "http://www.imsglobal.org/xsd/imsqti_v2p1"}


@pytest.fixture
def site_root(tmp_path: Path) -> Path:
    root = tmp_path / "minimal"
    shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns("site", "dist", "__pycache__"))
    return root


def test_interaction_type_per_item(site_root: Path) -> None:
    assert main(["--root", str(site_root), "export", "qti"]) == 0
    with zipfile.ZipFile(site_root / "dist" / "qti" / "mini-qti21.zip") as archive:
        manifest = etree.fromstring(archive.read("imsmanifest.xml"))
        fill = etree.fromstring(archive.read("items/m-04.xml"))
    types = {r.get("href"): r.findtext("cp:metadata/md:qtiMetadata/md:interactionType", namespaces=NS)
             for r in manifest.iterfind(".//cp:resource[@type='imsqti_item_xmlv2p1']", NS)}
    assert types == {"items/m-01.xml": "choiceInteraction", "items/m-02.xml": "choiceInteraction",
                     "items/m-03.xml": "choiceInteraction", "items/m-04.xml": "textEntryInteraction",
                     "items/m-05.xml": "matchInteraction", "items/m-06.xml": "orderInteraction",
                     "items/m-07.xml": "extendedTextInteraction"}
    keys = [e.get("mapKey") for e in fill.iterfind(".//qti:mapEntry", NS)]
    assert keys == answer_variants(["compensatieplicht"])


def test_images_in_questions_are_packed(site_root: Path) -> None:
    (site_root / "docs" / "img").mkdir(parents=True, exist_ok=True)
    (site_root / "docs" / "img" / "ladder.png").write_bytes(b"\x89PNG\r\n\x1a\nfake")
    bank = site_root / "modules" / "mini" / "questions.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace(
        "text: Wat komt eerst op de ladder?", "text: \"Wat komt eerst op de ladder? ![De ladder](/img/ladder.png)\""),
        encoding="utf-8")
    assert main(["--root", str(site_root), "export", "qti"]) == 0
    package = site_root / "dist" / "qti" / "mini-qti21.zip"
    with zipfile.ZipFile(package) as archive:
        names = archive.namelist()
        item = archive.read("items/m-01.xml").decode("utf-8")
    media = [n for n in names if n.startswith("media/")]
    assert len(media) == 1 and f'src="../{media[0]}"' in item
    if (SCHEMAS / "qti21").is_dir():
        assert validate_qti(package, SCHEMAS / "qti21", SCHEMAS / "scorm12") == []


def test_standard_templates_where_they_give_the_same_score(site_root: Path) -> None:
    bank = site_root / "modules" / "mini" / "questions.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("  - id: m-05\n", "  - id: m-05\n    points: 2\n"),
                    encoding="utf-8")
    assert main(["--root", str(site_root), "export", "qti"]) == 0
    package = site_root / "dist" / "qti" / "mini-qti21.zip"
    base = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/"
    with zipfile.ZipFile(package) as archive:
        templates = {name: etree.fromstring(archive.read(name)).find("qti:responseProcessing", NS).get("template")
                     for name in archive.namelist() if name.startswith("items/")}
        rules = {name: len(etree.fromstring(archive.read(name)).find("qti:responseProcessing", NS))
                 for name in archive.namelist() if name.startswith("items/")}
    assert templates == {"items/m-01.xml": base + "match_correct", "items/m-02.xml": base + "match_correct",
                         "items/m-03.xml": base + "match_correct", "items/m-04.xml": base + "map_response",
                         "items/m-05.xml": None, "items/m-06.xml": base + "match_correct", "items/m-07.xml": None}
    assert all(count > 0 for count in rules.values())  # the rules (with the feedback) are still there
    if (SCHEMAS / "qti21").is_dir():
        assert validate_qti(package, SCHEMAS / "qti21", SCHEMAS / "scorm12") == []
