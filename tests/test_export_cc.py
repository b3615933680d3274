"""IMS Common Cartridge 1.1: schema- and Schematron-valid, complete file lists, the same scores as the site."""

from __future__ import annotations

import importlib
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from werkplaats.cli import main
from werkplaats.content import load_project
from werkplaats.export.qti12 import letters_for
from werkplaats.export.validate import validate_cc

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = Path(__file__).parent / "sites" / "minimal"
SCHEMAS = ROOT.parent / "shared" / "reference" / "xsd" / "cc11"
Q = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}
CP = {"cp": "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1",
      "lom": "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest"}


@pytest.fixture
def site_root(tmp_path: Path) -> Path:
    root = tmp_path / "minimal"
    shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns("site", "dist", "__pycache__"))
    return root


@pytest.fixture
def cartridge(site_root: Path) -> Path:
    assert main(["--root", str(site_root), "export", "cc"]) == 0
    return site_root / "dist" / "cc" / "mini.imscc"


def _schemas() -> None:
    if not SCHEMAS.is_dir():
        pytest.fail(f"the reference schemas are not at {SCHEMAS}")


def test_cartridge_is_valid_with_complete_file_lists(cartridge: Path) -> None:
    _schemas()
    assert validate_cc(cartridge, SCHEMAS) == []


def test_every_real_module_gives_a_valid_cartridge(tmp_path: Path) -> None:
    _schemas()
    assert main(["--root", str(ROOT), "export", "cc", "--out", str(tmp_path)]) == 0
    cartridges = sorted(tmp_path.glob("*.imscc"))
    assert len(cartridges) == len(load_project(ROOT).modules)
    for cartridge in cartridges:
        assert validate_cc(cartridge, SCHEMAS) == [], cartridge.name


def test_validator_catches_schematron_and_file_problems(cartridge: Path, tmp_path: Path) -> None:
    _schemas()
    broken = tmp_path / "broken.imscc"
    with zipfile.ZipFile(cartridge) as source, zipfile.ZipFile(broken, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "assessment/assessment.xml":
                data = data.replace(b"cc.fib.v0p1", b"cc.matching.v0p1", 1)
            if name != "web/intro.html":
                target.writestr(name, data)
        target.writestr("web/stray.html", b"<p>stray</p>")
    problems = validate_cc(broken, SCHEMAS)
    assert any("RULE 2b" in p for p in problems), problems
    assert any("lists web/intro.html, which is not in the package" in p for p in problems), problems
    assert any("web/stray.html is in the package but not in the manifest" in p for p in problems), problems


def test_manifest_metadata_and_order(cartridge: Path) -> None:
    with zipfile.ZipFile(cartridge) as archive:
        manifest = etree.fromstring(archive.read("imsmanifest.xml"))
    assert manifest.findtext("cp:metadata/cp:schemaversion", namespaces=CP) == "1.1.0"
    title = manifest.find("cp:metadata/lom:lom/lom:general/lom:title/lom:string", CP)
    assert (title.text, title.get("language")) == ("Mini-module", "nl")
    assert manifest.findtext("cp:metadata/lom:lom/lom:general/lom:language", namespaces=CP) == "nl"
    module = manifest.find("cp:organizations/cp:organization/cp:item/cp:item", CP)
    titles = [item.findtext("cp:title", namespaces=CP) for item in module.iterfind("cp:item", CP)]
    assert titles == ["Start", "Les 1: Introductie", "Les 2: Verdieping", "Casus: Meneer Bakker",
                      "Toets: Mini-module"]
    types = [r.get("type") for r in manifest.iterfind(".//cp:resource", CP)]
    assert types.count("imsqti_xmlv1p2/imscc_xmlv1p1/assessment") == 1
    assert types.count("imsqti_xmlv1p2/imscc_xmlv1p1/question-bank") == 1


def test_pages_are_self_contained(cartridge: Path) -> None:
    with zipfile.ZipFile(cartridge) as archive:
        names = set(archive.namelist())
        pages = {n: archive.read(n).decode("utf-8") for n in names if n.endswith(".html")}
    assert "web/index.html" in pages and "web/verdieping.html" in pages
    for name, page in pages.items():
        tree = lxml_html.fromstring(page)
        ids = {el.get("id") for el in tree.iter() if el.get("id")}
        for el in tree.iter():
            for attr in ("href", "src"):
                ref = el.get(attr)
                if not ref:
                    continue
                if ref.startswith("#"):
                    assert ref[1:] in ids, (name, ref)
                elif ref.startswith(("http://", "https://")):
                    assert el.get("target") == "_blank", (name, ref)
                else:
                    path = ref.partition("#")[0]
                    assert f"web/{path}" in names, (name, ref)
    # The self-check in the unit is there, with its answers (werkplaats.js grades it as on the site).
    assert 'class="wp-quiz"' in pages["web/verdieping.html"]


def _answers(site_root: Path) -> dict[str, tuple[object, object]]:
    """Per question of the mini bank: a right and a wrong response, in the cartridge's terms."""
    content = load_project(site_root).modules["mini"]
    matching = "".join(letters_for(content.question("m-05"))[1])
    ordering = "".join(letters_for(content.question("m-06"))[1])
    return {"m-01": (["C1"], ["C2"]), "m-02": (["C1", "C2"], ["C1"]), "m-03": (["false"], ["true"]),
            "m-04": ("Compensatieplicht", "zorgplicht"), "m-05": (matching, matching[::-1]),
            "m-06": (", ".join(ordering), ordering[::-1])}


def _score(item: etree._Element, response: object) -> float:
    """A QTI 1.2 scorer for the conditions CC 1.1 allows (varequal, not, and, other)."""
    given = response if isinstance(response, list) else [response]

    def holds(condition: etree._Element) -> bool:
        tag = etree.QName(condition).localname
        if tag == "varequal":
            value = condition.text or ""
            if condition.get("case") == "No":
                return any(isinstance(g, str) and g.lower() == value.lower() for g in given)
            return value in given
        if tag == "not":
            return not holds(condition[0])
        if tag == "and":
            return all(holds(c) for c in condition)
        if tag == "other":
            return True
        raise AssertionError(tag)

    score = 0.0
    for condition in item.iterfind(".//q:respcondition", Q):
        var = condition.find("q:conditionvar", Q)
        if any(holds(c) for c in var):  # several conditions in one conditionvar: any of them
            setvar = condition.find("q:setvar", Q)
            if setvar is not None:
                score = float(setvar.text)
            if condition.get("continue") == "No":
                break
    return score


def test_scores_are_the_sites_all_or_nothing(cartridge: Path, site_root: Path) -> None:
    with zipfile.ZipFile(cartridge) as archive:
        test = etree.fromstring(archive.read("assessment/assessment.xml"))
        bank = etree.fromstring(archive.read("bank/objectbank.xml"))
    items = {item.get("title").split()[0]: item for item in test.iterfind(".//q:item", Q)}
    assert list(items) == ["m-01", "m-02", "m-03", "m-04", "m-05", "m-06", "m-07"]
    assert len(bank.findall(".//q:item", Q)) == 7
    profiles = {title: item.findtext(".//q:qtimetadatafield[q:fieldlabel='cc_profile']/q:fieldentry",
                                     namespaces=Q) for title, item in items.items()}
    assert profiles == {"m-01": "cc.multiple_response.v0p1", "m-02": "cc.multiple_response.v0p1",
                        "m-03": "cc.true_false.v0p1", "m-04": "cc.fib.v0p1", "m-05": "cc.fib.v0p1",
                        "m-06": "cc.fib.v0p1", "m-07": "cc.essay.v0p1"}
    for qid, (right, wrong) in _answers(site_root).items():
        assert _score(items[qid], right) == 100, qid
        assert _score(items[qid], wrong) == 0, qid
    # Multiple response: both right ones and a wrong one too is wrong; a partial answer is wrong.
    assert _score(items["m-02"], ["C1", "C2", "C3"]) == 0
    # What Moodle's importer (backup/cc/entity11.quiz.class.php) reads: the right options from the condition that
    # sets 100, general feedback from every `continue="Yes"` condition (so only the general feedback has one).
    right = items["m-02"].xpath(".//q:setvar[.='100']/../q:conditionvar//q:varequal[@case='Yes'][not(parent::q:not)]",
                                namespaces=Q)
    assert [v.text for v in right] == ["C1", "C2"]
    for item in items.values():
        general = item.xpath(".//q:respcondition[@continue='Yes']/q:displayfeedback/@linkrefid", namespaces=Q)
        assert general in ([], ["general_fb"]), general
    assert items["m-07"].findtext(".//q:qtimetadatafield[q:fieldlabel='qmd_computerscored']/q:fieldentry",
                                  namespaces=Q) == "No"


def test_two_exports_are_identical(site_root: Path, tmp_path: Path) -> None:
    assert main(["--root", str(site_root), "export", "cc", "--out", str(tmp_path / "a")]) == 0
    assert main(["--root", str(site_root), "export", "cc", "--out", str(tmp_path / "b")]) == 0
    assert (tmp_path / "a" / "mini.imscc").read_bytes() == (tmp_path / "b" / "mini.imscc").read_bytes()


def test_images_in_questions_are_packed(site_root: Path) -> None:
    (site_root / "docs" / "modules").mkdir(parents=True, exist_ok=True)
    (site_root / "docs" / "img").mkdir(exist_ok=True)
    (site_root / "docs" / "img" / "ladder.png").write_bytes(b"\x89PNG\r\n\x1a\nfake")
    bank = site_root / "modules" / "mini" / "questions.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace(
        "text: Wat komt eerst op de ladder?",
        "text: \"Wat komt eerst op de ladder? ![De ladder](/img/ladder.png) Zie [het gesprek](../../methodieken/"
        "het-gesprek.md).\""), encoding="utf-8")
    assert main(["--root", str(site_root), "export", "cc"]) == 0
    cartridge = site_root / "dist" / "cc" / "mini.imscc"
    with zipfile.ZipFile(cartridge) as archive:
        test = archive.read("assessment/assessment.xml").decode("utf-8")
        media = [n for n in archive.namelist() if n.startswith("media/")]
    assert len(media) == 1 and media[0].endswith(".png")
    assert f'src="$IMS-CC-FILEBASE$/{media[0]}"' in test
    # A link to a site page becomes an absolute link to the published site (site_url), in a new tab.
    assert re.search(r'href="https://test\.example\.org/methodieken/het-gesprek/" target="_blank"', test), test
    if SCHEMAS.is_dir():
        assert validate_cc(cartridge, SCHEMAS) == []


def test_pages_have_no_serious_accessibility_problems(cartridge: Path, tmp_path: Path) -> None:
    axe = ROOT / "tests" / ".npm" / "node_modules" / "axe-core" / "axe.min.js"
    if not axe.exists() or not Path("/usr/bin/chromium").exists():
        pytest.fail("axe-core or Chromium is not installed (make npm-deps chromium)")
    playwright = importlib.import_module("playwright.sync_api")
    with zipfile.ZipFile(cartridge) as archive:
        archive.extractall(tmp_path / "cc")
    pages = sorted((tmp_path / "cc" / "web").glob("*.html"))
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        try:
            for page_file in pages:
                page = browser.new_page()
                page.goto(page_file.as_uri())
                page.add_script_tag(path=str(axe))
                found = page.evaluate("""async () => (await axe.run()).violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id)""")
                assert found == [], (page_file.name, found)
                page.close()
        finally:
            browser.close()
