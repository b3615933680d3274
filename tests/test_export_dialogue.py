"""Dialogues in the exports: the SCORM package plays them offline inside an LMS frame (scorm-again's runtime), the
print workbook shows them as an annotated transcript with room to write."""

from __future__ import annotations

import importlib
import json
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import html as lxml_html

from werkplaats.cli import main
from werkplaats.export.validate import validate_scorm

from support import SCORM_AGAIN, SCORM_LAUNCH, serve_folder

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = Path(__file__).parent / "sites" / "minimal"
SCHEMAS = ROOT.parent / "shared" / "reference" / "xsd" / "scorm12"
# What the SCORM bridge will install: a Storage kept by the LMS. Here a plain in-memory one, in the SCO's frame only.
@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("export-dialogue") / "minimal"
    shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns("site", "dist", ".site-*", "__pycache__"))
    assert main(["--root", str(root), "export", "scorm"]) == 0
    return root


@pytest.fixture(scope="module")
def package(exported: Path) -> Path:
    return exported / "dist" / "scorm" / "mini-scorm12.zip"


def test_scorm_package_holds_the_dialogue_and_its_player(package: Path) -> None:
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
        page = archive.read("index.html").decode("utf-8")
        manifest = archive.read("imsmanifest.xml").decode("utf-8")
        script = archive.read("assets/werkplaats.js")
    assert {"assets/werkplaats.js", "assets/werkplaats.css"} <= names  # the player is part of the one script
    assert b"data-dlg-ready" in script
    assert '<file href="assets/werkplaats.js"/>' in manifest
    tree = lxml_html.fromstring(page)
    section = tree.get_element_by_id("dialogue-kort-gesprek")
    assert section.find_class("wp-dialogue")[0].get("data-dialogue") == "kort-gesprek"
    assert len(section.find_class("wp-dlg-node")) == 5
    assert tree.xpath("//nav//a[@href='#dialogue-kort-gesprek']")
    # term() in a node links into the document's glossary, which holds the term.
    assert section.xpath(".//a[@href='#term-eigen-kracht']") and tree.get_element_by_id("term-eigen-kracht") is not None
    # No link leaves the package.
    for ref in section.xpath(".//a/@href"):
        assert ref.startswith("#"), ref
    if SCHEMAS.is_dir():
        assert validate_scorm(package, SCHEMAS) == []


@pytest.fixture
def lms(package: Path, tmp_path: Path) -> Iterator[str]:
    assert SCORM_AGAIN.exists(), "scorm-again is not installed (make npm-deps)"
    served = tmp_path / "lms"
    with zipfile.ZipFile(package) as archive:
        archive.extractall(served / "sco")
    shutil.copy(SCORM_AGAIN, served / "scorm12.js")
    (served / "launch.html").write_text(SCORM_LAUNCH, encoding="utf-8")
    with serve_folder(served) as base:
        yield f"{base}/launch.html"




def test_dialogue_plays_inside_the_lms_frame(lms: str, browser: object) -> None:
    page = browser.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(lms)
    page.frame_locator("#sco").locator("html[data-wp-scorm=connected]").wait_for(state="attached", timeout=10_000)
    sco = next(f for f in page.frames if f.url.endswith("/sco/index.html"))
    root = sco.locator("[data-dialogue='kort-gesprek']")
    root.locator(".wp-dlg-play").wait_for(state="attached")
    assert root.locator(".wp-dlg-map").is_hidden()
    root.locator("button", has_text="Wat houdt u nu bezig").focus()
    sco.page.keyboard.press("Enter")
    sco.wait_for_function("() => document.querySelector('[data-dialogue] [aria-live]').textContent"
                          ".includes('Een open vraag opent')")
    root.locator("button", has_text="Wie van de club").click()
    assert root.get_attribute("data-state") == "end"
    assert "Einde: Plan op de ladder" in root.locator(".wp-dlg-turn").inner_text()
    key = "/wp:dialogue:kort-gesprek"
    # Under the LMS, scorm.js's __wpStorage is the store: the path is in it and in cmi.suspend_data ...
    state = json.loads(sco.evaluate("k => window.__wpStorage.getItem(k)", key))
    assert state["path"] == ["begin", "doorvragen", "einde-plan"] and state["ended"] == "einde-plan"
    sco.evaluate("() => window.__wpStorage.setItem('probe', '1')")  # any write is committed to the LMS
    assert "kort-gesprek" in page.evaluate("() => API.LMSGetValue('cmi.suspend_data')")
    # ... and nothing of it in the browser's own storage, which another learner on this computer could read.
    own = page.evaluate("() => Object.keys(window.localStorage)")
    assert not [k for k in own if "dialogue" in k], own
    # The LMS session is untouched by the dialogue, and nothing came from another host.
    assert page.evaluate("() => API.isInitialized()") is True
    assert errors == []
    assert all(url.startswith("http://127.0.0.1:") for url in requests), requests
    page.close()


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    import weasyprint  # noqa: F401 - the print extra, installed by `make test`
    root = tmp_path_factory.mktemp("print-dialogue") / "minimal"
    shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns("site", "dist", ".site-*", "__pycache__"))
    assert main(["--root", str(root), "export", "print"]) == 0
    folder = root / "dist" / "print"
    return folder / "mini-werkboek.html", folder / "mini-werkboek.pdf"


def test_workbook_has_the_annotated_transcript_with_room_to_write(workbook: tuple[Path, Path]) -> None:
    html, pdf = workbook
    tree = lxml_html.fromstring(html.read_text(encoding="utf-8"))
    section = tree.get_element_by_id("dialogue-kort-gesprek")
    text = " ".join(section.text_content().split())
    for expected in ("Gesprek Een kort gesprek", "Je zit bij meneer Bakker aan tafel.", "Stap 1",
                     "Wat houdt u nu bezig, als u aan thuis denkt?",
                     "Een open vraag opent het gesprek over wat hij zelf wil.", "Verder bij stap 2",
                     "Einde: Gesprek over de claim"):
        assert expected in text, expected
    # Room to write at each of the two nodes with choices, before their choices.
    assert len(section.find_class("wp-dlg-write")) == 2
    assert all(node.getnext().get("class") == "wp-print-lines" for node in section.find_class("wp-dlg-write"))
    assert tree.xpath("//nav//a[@href='#dialogue-kort-gesprek']")
    pypdf = importlib.import_module("pypdf")
    pages = "\n".join(page.extract_text() for page in pypdf.PdfReader(str(pdf)).pages)
    assert "Welke keuze maak jij hier, en waarom?" in pages
    assert "Wat houdt u nu bezig" in pages
