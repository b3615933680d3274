"""SCORM 1.2 export: a valid manifest that lists every file, a self-contained page, and a real SCORM runtime.

The runtime is scorm-again's Scorm12API (npm, installed into tests/.npm by `make npm-deps`), hosted the way an
LMS hosts a SCO: a launch page on 127.0.0.1 sets `window.API` and opens the SCO in an iframe.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from werkplaats.cli import main
from werkplaats.export.validate import validate_scorm

from support import SCORM_AGAIN, SCORM_LAUNCH, copy_site, serve_folder

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT.parent / "shared" / "reference" / "xsd" / "scorm12"
NS = {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"}


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The SCORM package of the minimal site, exported once per module (read only)."""
    site_root = copy_site(tmp_path_factory.mktemp("scorm") / "minimal")
    assert main(["--root", str(site_root), "export", "scorm"]) == 0
    path = site_root / "dist" / "scorm" / "mini-scorm12.zip"
    assert path.is_file()
    return path


def test_manifest_is_valid_and_lists_every_file(package: Path) -> None:
    assert SCHEMAS.is_dir(), f"the reference schemas are not at {SCHEMAS}"
    assert validate_scorm(package, SCHEMAS) == []


def test_validator_catches_a_broken_manifest(package: Path, tmp_path: Path) -> None:
    assert SCHEMAS.is_dir(), f"the reference schemas are not at {SCHEMAS}"
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(broken, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "imsmanifest.xml":
                data = data.replace(b"<schemaversion>1.2</schemaversion>", b"<version>1.2</version>")
            if name != "assets/scorm.js":
                target.writestr(name, data)
    problems = validate_scorm(broken, SCHEMAS)
    assert any("version" in problem for problem in problems), problems
    assert any("assets/scorm.js, which is not in the package" in problem for problem in problems), problems


def test_one_sco_with_the_pass_mark(package: Path) -> None:
    with zipfile.ZipFile(package) as archive:
        manifest = etree.fromstring(archive.read("imsmanifest.xml"))
    items = manifest.findall(".//cp:item", NS)
    scos = manifest.xpath("//cp:resource[@adlcp:scormtype='sco']", namespaces=NS)
    assert len(items) == 1 and len(scos) == 1
    assert items[0].get("identifierref") == scos[0].get("identifier")
    assert scos[0].get("href") == "index.html"
    assert items[0].findtext("adlcp:masteryscore", namespaces=NS) == "60"
    assert manifest.findtext("cp:metadata/cp:schemaversion", namespaces=NS) == "1.2"


def test_page_is_the_whole_module_and_self_contained(package: Path) -> None:
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
        page = archive.read("index.html").decode("utf-8")
        css = b"".join(archive.read(n) for n in names if n.endswith(".css")).decode("utf-8")
    tree = lxml_html.fromstring(page)
    # Units in order, the case, the quiz with its pass mark.
    headings = [" ".join(h.text_content().split()) for h in tree.iter("h2")]
    assert headings.index("Les 1 Introductie") < headings.index("Les 2 Verdieping") < headings.index(
        "Casus Meneer Bakker") < headings.index("Toets: Mini-module")
    quiz = tree.get_element_by_id("wp-quiz-mini")
    assert quiz.get("data-pass-mark") == "60"
    assert len(quiz.find_class("wp-question")) == 7
    # `questions('mini', [...])` in a unit became a self-check; `method(...)` became plain text.
    assert tree.get_element_by_id("unit-verdieping").find_class("wp-quiz")[0].get("data-pass-mark") == ""
    assert "Lees Het gesprek." in tree.get_element_by_id("unit-intro").text_content()
    # Every reference points into the package, nothing into another host or the site.
    refs = [el.get(attr) for el in tree.iter() for attr in ("href", "src") if el.get(attr)]
    for ref in refs:
        assert ref.startswith("#") or ref in names, ref
    assert "//" not in "".join(ref for ref in refs if not ref.startswith("#"))
    assert not re.search(r"url\((?!['\"]?data:)", css), "a stylesheet loads something"
    assert {"assets/werkplaats.js", "assets/werkplaats.css", "assets/scorm.js"} <= names
    assert any(re.fullmatch(r"assets/stylesheets/main\.\w+\.min\.css", n) for n in names)


# -- the runtime ---------------------------------------------------------------------------------------------------


@pytest.fixture
def lms(package: Path, tmp_path: Path) -> Iterator[str]:
    """A launch page on 127.0.0.1 with scorm-again's API and the SCO in an iframe; yields its URL."""
    assert SCORM_AGAIN.exists(), "scorm-again is not installed (make npm-deps)"
    served = tmp_path / "lms"
    with zipfile.ZipFile(package) as archive:
        archive.extractall(served / "sco")
    shutil.copy(SCORM_AGAIN, served / "scorm12.js")
    (served / "launch.html").write_text(SCORM_LAUNCH, encoding="utf-8")
    with serve_folder(served) as base:
        yield f"{base}/launch.html"




def _open(browser: object, url: str) -> tuple[object, object, list[str], list[str]]:
    page = browser.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    frame = page.frame_locator("#sco")
    frame.locator("html[data-wp-scorm=connected]").wait_for(state="attached", timeout=10_000)
    sco = next(f for f in page.frames if f.url.endswith("/sco/index.html"))
    return page, sco, requests, errors


def _cmi(page: object) -> dict[str, str]:
    return page.evaluate("""() => ({status: API.cmi.core.lesson_status, raw: String(API.cmi.core.score.raw),
        min: String(API.cmi.core.score.min), max: String(API.cmi.core.score.max),
        initialized: API.isInitialized(), terminated: API.isTerminated()})""")


def _only_local(requests: list[str]) -> None:
    outside = [url for url in requests if not url.startswith("http://127.0.0.1:")]
    assert not outside, f"requests to other hosts: {outside}"


def _grade(sco: object, form: str, detail: dict[str, object]) -> None:
    sco.evaluate("""([form, detail]) => document.getElementById(form).dispatchEvent(
        new CustomEvent("wp:graded", {bubbles: true, detail}))""", [form, detail])


def test_scorm_api_reports_the_graded_event(lms: str, browser: object) -> None:
    """The contract with werkplaats.js, checked by dispatching `wp:graded` as werkplaats.js will."""
    page, sco, requests, errors = _open(browser, lms)
    assert _cmi(page)["status"] == "incomplete"
    assert _cmi(page)["initialized"] is True
    # A self-check inside a unit (no pass mark) does not count.
    check = sco.evaluate("() => document.querySelector('#unit-verdieping form.wp-quiz').id")
    _grade(sco, check, {"score": 2, "max": 2, "percent": 100, "passed": None})
    assert _cmi(page)["status"] == "incomplete"
    # The quiz: 50% is below the pass mark of 60.
    _grade(sco, "wp-quiz-mini", {"score": 3, "max": 6, "percent": 50, "passed": False})
    result = _cmi(page)
    assert (result["status"], result["raw"], result["min"], result["max"]) == ("failed", "50", "0", "100")
    # A second try that passes.
    _grade(sco, "wp-quiz-mini", {"score": 5, "max": 6, "percent": 250 / 3, "passed": True})
    result = _cmi(page)
    assert result["status"] == "passed" and result["raw"] == "83.33"
    # Leaving the page finishes the session.
    page.evaluate("() => document.getElementById('sco').remove()")
    page.wait_for_function("() => API.isTerminated()", timeout=5_000)
    assert _cmi(page)["status"] == "passed"
    assert errors == []
    _only_local(requests)
    page.close()


def _answer_everything_right(sco: object) -> None:
    quiz = sco.locator("#wp-quiz-mini")
    quiz.locator("input[name='wp-quiz-mini-m-01'][value='0']").check()
    quiz.locator("input[name='wp-quiz-mini-m-02'][value='0']").check()
    quiz.locator("input[name='wp-quiz-mini-m-02'][value='1']").check()
    quiz.locator("input[name='wp-quiz-mini-m-03'][value='false']").check()
    quiz.locator("input[name='wp-quiz-mini-m-04']").fill("Compensatieplicht")
    for left in range(3):
        quiz.locator(f"select[name='wp-quiz-mini-m-05-{left}']").select_option(str(left))
    for item in range(4):
        quiz.locator(f"select[name='wp-quiz-mini-m-06-{item}']").select_option(str(item + 1))
    quiz.locator("textarea[name='wp-quiz-mini-m-07']").fill("Hoe vult u uw dag in?")
    quiz.locator("button.wp-check").click()


def test_quiz_in_the_lms_end_to_end(lms: str, browser: object, package: Path) -> None:
    """Answer the quiz as a learner; werkplaats.js grades it and scorm.js reports to the LMS."""
    with zipfile.ZipFile(package) as archive:
        script = archive.read("assets/werkplaats.js").decode("utf-8")
    assert "wp:graded" in script, "werkplaats.js must dispatch `wp:graded`: scorm.js reports it to the LMS"
    page, sco, requests, errors = _open(browser, lms)
    _answer_everything_right(sco)
    page.wait_for_function("() => API.cmi.core.lesson_status !== 'incomplete'", timeout=10_000)
    result = _cmi(page)
    assert result["status"] == "passed", result
    assert float(result["raw"]) == 100
    assert errors == []
    _only_local(requests)
    page.close()


def test_page_works_without_an_lms(package: Path, tmp_path: Path, browser: object) -> None:
    """Opened from disk, with no API anywhere: a plain page, no errors, no requests but its own files."""
    with zipfile.ZipFile(package) as archive:
        archive.extractall(tmp_path / "plain")
    page = browser.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((tmp_path / "plain" / "index.html").as_uri())
    page.wait_for_load_state("load")
    assert page.evaluate("() => document.documentElement.getAttribute('data-wp-scorm')") is None
    assert page.locator("h1").inner_text() == "Mini-module"
    assert errors == []
    assert all(url.startswith("file://") for url in requests), requests
    page.close()
