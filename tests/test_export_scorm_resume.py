"""SCORM 1.2 under scorm-again in Chromium: resume from the LMS data alone, one learner's work never seen by the next,
the best status stands, interactions per question, suspend_data within 4096 characters, links in a new tab.

The launch page plays the LMS: it creates scorm-again's Scorm12API, loads what the LMS stored of this learner
(`window.STORED`, set before the page's scripts run) and opens the SCO in an iframe. "Relaunch" is a new launch
with the cmi data the last session left, exactly what an LMS keeps.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from werkplaats.cli import main

from support import SCORM_AGAIN, serve_folder

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = Path(__file__).parent / "sites" / "minimal"
LAUNCH = """<!doctype html><html><head><meta charset="utf-8"><title>LMS</title>
<script src="/scorm12.js"></script>
<script>window.API = new Scorm12API({autocommit: false, logLevel: 5});
if (window.STORED) API.loadFromJSON(window.STORED);</script>
</head><body><iframe id="sco" src="sco/index.html" style="width:100%;height:90vh"></iframe></body></html>"""
#: What an LMS keeps between sessions (SCORM 1.2 RTE: these survive a suspended attempt).
KEPT = ("cmi.core.lesson_status", "cmi.core.lesson_location", "cmi.core.score.raw", "cmi.suspend_data")



def _export(root: Path, out: Path, *extra: str) -> Path:
    assert main(["--root", str(root), "export", "scorm", *extra, "--out", str(out)]) == 0
    return out


@pytest.fixture
def site_root(tmp_path: Path) -> Path:
    root = tmp_path / "minimal"
    shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns("site", "dist", ".site-*", "__pycache__"))
    return root


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A folder served on 127.0.0.1 with scorm-again in it; packages go to `<folder>/<name>/sco`."""
    assert SCORM_AGAIN.exists(), "scorm-again is not installed (make npm-deps)"
    folder = tmp_path / "lms"
    folder.mkdir()
    shutil.copy(SCORM_AGAIN, folder / "scorm12.js")
    with serve_folder(folder) as base:
        yield folder, base


def _install(served: tuple[Path, str], package: Path, name: str) -> str:
    folder, base = served
    with zipfile.ZipFile(package) as archive:
        archive.extractall(folder / name / "sco")
    (folder / name / "launch.html").write_text(LAUNCH, encoding="utf-8")
    return f"{base}/{name}/launch.html"




@pytest.fixture
def context(browser: object) -> Iterator[object]:
    """One browser profile: every launch in a test shares its localStorage, as on a shared computer."""
    ctx = browser.new_context()
    try:
        yield ctx
    finally:
        ctx.close()


class Session:
    """One launch of the SCO by one learner."""

    def __init__(self, context: object, url: str, student: str, stored: dict[str, str] | None = None) -> None:
        self.page = context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("request", lambda request: self.requests.append(request.url))
        data: dict[str, object] = {"core": {"student_id": student, "student_name": student}}
        for key, value in (stored or {}).items():
            if value:
                parts = key.split(".")[1:]
                target = data
                for part in parts[:-1]:
                    target = target.setdefault(part, {})  # type: ignore[assignment]
                target[parts[-1]] = value  # type: ignore[index]
        if stored and stored.get("cmi.suspend_data"):
            data["core"]["entry"] = "resume"  # type: ignore[index]
        self.page.add_init_script(f"if (window === window.top) window.STORED = {json.dumps(data)};")
        self.page.goto(url)
        self.page.frame_locator("#sco").locator("html[data-wp-scorm=connected]").wait_for(state="attached",
                                                                                         timeout=10_000)
        self.sco = next(f for f in self.page.frames if f.url.endswith("/sco/index.html"))
        self.sco.locator("form.wp-quiz .wp-quiz-actions:not([hidden])").first.wait_for(state="attached",
                                                                                        timeout=10_000)

    def cmi(self) -> dict[str, object]:
        return self.page.evaluate("() => JSON.parse(JSON.stringify(API.cmi))")

    def kept(self) -> dict[str, str]:
        """What the LMS keeps of this session for the next one."""
        return {key: self.page.evaluate(f"() => String(API.cmi.{key[4:]})") for key in KEPT}

    def close(self) -> dict[str, str]:
        self.page.evaluate("() => document.getElementById('sco').remove()")
        self.page.wait_for_function("() => API.isTerminated()", timeout=5_000)
        kept = self.kept()
        outside = [url for url in self.requests if not url.startswith("http://127.0.0.1:")]
        assert not outside, outside
        assert self.errors == []
        self.page.close()
        return kept


def _answer(sco: object, right: bool = True) -> None:
    quiz = sco.locator("#wp-quiz-mini")
    quiz.locator(f"input[name='wp-quiz-mini-m-01'][value='{0 if right else 1}']").check()
    quiz.locator("input[name='wp-quiz-mini-m-02'][value='0']").check()
    quiz.locator("input[name='wp-quiz-mini-m-02'][value='1']").check()
    quiz.locator(f"input[name='wp-quiz-mini-m-03'][value='{'false' if right else 'true'}']").check()
    quiz.locator("input[name='wp-quiz-mini-m-04']").fill("Compensatieplicht" if right else "Zorgplicht")
    for left in range(3):
        quiz.locator(f"select[name='wp-quiz-mini-m-05-{left}']").select_option(str(left if right else 2 - left))
    for item in range(4):
        quiz.locator(f"select[name='wp-quiz-mini-m-06-{item}']").select_option(str(item + 1))
    quiz.locator("textarea[name='wp-quiz-mini-m-07']").fill("Hoe vult u uw dag in?")
    quiz.locator("button.wp-check").click()


def _status(session: Session) -> tuple[str, str]:
    return tuple(session.page.evaluate("() => [API.cmi.core.lesson_status, String(API.cmi.core.score.raw)]"))


def test_answer_finish_relaunch_restores_everything(site_root: Path, tmp_path: Path, served: tuple[Path, str],
                                                    context: object) -> None:
    url = _install(served, _export(site_root, tmp_path / "dist") / "mini-scorm12.zip", "mini")
    first = Session(context, url, "anna")
    assert _status(first) == ("incomplete", "")
    _answer(first.sco)
    first.page.wait_for_function("() => API.cmi.core.lesson_status === 'passed'", timeout=10_000)
    first.sco.evaluate("() => document.getElementById('quiz').scrollIntoView()")
    first.page.wait_for_function("() => API.cmi.core.lesson_location === 'quiz'", timeout=5_000)
    # Nothing of the learner in the browser's own storage: the LMS is the only store.
    assert first.sco.evaluate("() => localStorage === window.__wpStorage && localStorage.length > 0")
    cmi = first.cmi()
    assert cmi["core"]["exit"] == ""  # passed: finished
    kept = first.close()
    assert kept["cmi.core.lesson_status"] == "passed" and float(kept["cmi.core.score.raw"]) == 100
    assert kept["cmi.suspend_data"].startswith("1:") and len(kept["cmi.suspend_data"]) <= 4096

    again = Session(context, url, "anna", kept)
    quiz = again.sco.locator("#wp-quiz-mini")
    assert quiz.locator("input[name='wp-quiz-mini-m-01'][value='0']").is_checked()
    assert quiz.locator("input[name='wp-quiz-mini-m-04']").input_value() == "Compensatieplicht"
    assert quiz.locator("select[name='wp-quiz-mini-m-06-2']").input_value() == "3"
    assert quiz.locator("textarea[name='wp-quiz-mini-m-07']").input_value() == "Hoe vult u uw dag in?"
    assert quiz.get_attribute("data-result") == "passed"
    assert again.sco.evaluate("() => scrollY") > 0  # back where the learner was
    assert _status(again) == ("passed", "100")
    again.close()


def test_a_second_learner_on_the_same_computer_sees_nothing(site_root: Path, tmp_path: Path,
                                                             served: tuple[Path, str], context: object) -> None:
    url = _install(served, _export(site_root, tmp_path / "dist") / "mini-scorm12.zip", "mini")
    anna = Session(context, url, "anna")
    anna.sco.locator("textarea[name='wp-quiz-mini-m-07']").fill("Anna's eigen antwoord")
    anna.sco.locator("input[name='wp-quiz-mini-m-01'][value='0']").check()
    assert anna.sco.evaluate("() => localStorage === window.__wpStorage")
    assert anna.sco.evaluate("() => sessionStorage.length") == 0
    anna.close()
    # The real localStorage of this origin (a page outside the SCO, no bridge there) holds nothing.
    probe = context.new_page()
    probe.goto(url.replace("launch.html", "sco/assets/werkplaats.css"))
    assert probe.evaluate("() => localStorage.length") == 0
    probe.close()
    bert = Session(context, url, "bert")
    quiz = bert.sco.locator("#wp-quiz-mini")
    assert quiz.locator("textarea[name='wp-quiz-mini-m-07']").input_value() == ""
    assert not quiz.locator("input[name='wp-quiz-mini-m-01'][value='0']").is_checked()
    # Bert's own store (the LMS's, for him) holds at most the storage-format marker, nothing of Anna.
    keys = bert.sco.evaluate("() => Array.from({length: localStorage.length}, (_, i) => localStorage.key(i))")
    assert [k for k in keys if not k.endswith("wp:schema")] == [], keys
    assert "Anna" not in bert.sco.evaluate("() => JSON.stringify(Object.assign({}, ...Array.from("
                                           "{length: localStorage.length}, (_, i) => ({[localStorage.key(i)]: "
                                           "localStorage.getItem(localStorage.key(i))}))))")
    bert.close()


def test_passed_then_failed_keeps_passed(site_root: Path, tmp_path: Path, served: tuple[Path, str],
                                         context: object) -> None:
    url = _install(served, _export(site_root, tmp_path / "dist") / "mini-scorm12.zip", "mini")
    session = Session(context, url, "anna")
    _answer(session.sco, right=True)
    session.page.wait_for_function("() => API.cmi.core.lesson_status === 'passed'", timeout=10_000)
    session.sco.locator("#wp-quiz-mini button.wp-retry").click()
    _answer(session.sco, right=False)
    session.sco.locator("#wp-quiz-mini[data-result=failed]").wait_for(state="attached", timeout=5_000)
    assert _status(session) == ("passed", "100")
    kept = session.close()
    # A relaunch does not make it worse either.
    again = Session(context, url, "anna", kept)
    assert _status(again) == ("passed", "100")
    again.close()
    # A failed attempt stays failed on relaunch (not "incomplete").
    failed = Session(context, url, "carla")
    _answer(failed.sco, right=False)
    failed.page.wait_for_function("() => API.cmi.core.lesson_status === 'failed'", timeout=10_000)
    assert failed.cmi()["core"]["exit"] == "suspend"
    kept = failed.close()
    again = Session(context, url, "carla", kept)
    assert _status(again)[0] == "failed"
    again.close()


def test_last_attempt_counts_when_chosen(site_root: Path, tmp_path: Path, served: tuple[Path, str],
                                         context: object) -> None:
    out = _export(site_root, tmp_path / "dist", "--attempts", "last")
    session = Session(context, _install(served, out / "mini-scorm12.zip", "last"), "anna")
    _answer(session.sco, right=True)
    session.page.wait_for_function("() => API.cmi.core.lesson_status === 'passed'", timeout=10_000)
    session.sco.locator("#wp-quiz-mini button.wp-retry").click()
    _answer(session.sco, right=False)
    session.page.wait_for_function("() => API.cmi.core.lesson_status === 'failed'", timeout=10_000)
    assert float(_status(session)[1]) < 60
    session.close()


def test_interactions_for_each_question(site_root: Path, tmp_path: Path, served: tuple[Path, str],
                                        context: object) -> None:
    url = _install(served, _export(site_root, tmp_path / "dist") / "mini-scorm12.zip", "mini")
    session = Session(context, url, "anna")
    _answer(session.sco, right=False)
    session.page.wait_for_function("() => API.cmi.core.lesson_status === 'failed'", timeout=10_000)
    rows = session.page.evaluate("""() => API.cmi.interactions.childArray.map(i => {
        const j = JSON.parse(JSON.stringify(i));
        return [j.id, j.type, j.student_response, j.result, String(j.weighting),
                (j.correct_responses.childArray || j.correct_responses || [])[0]?.pattern ?? null];
    })""")
    assert rows == [
        ["m-01", "choice", "b", "wrong", "1", "a"],
        ["m-02", "choice", "a,b", "correct", "1", "a,b"],
        ["m-03", "true-false", "t", "wrong", "1", "f"],
        ["m-04", "fill-in", "Zorgplicht", "wrong", "1", "compensatieplicht"],
        ["m-05", "matching", "1.c,2.b,3.a", "wrong", "1", "1.a,2.b,3.c"],
        ["m-06", "sequencing", "a,b,c,d", "correct", "1", "a,b,c,d"],
        ["m-07", "performance", "Hoe vult u uw dag in?", "neutral", "0", None],
    ], rows
    session.close()


def test_links_leave_in_a_new_tab(site_root: Path, tmp_path: Path, served: tuple[Path, str],
                                  context: object) -> None:
    url = _install(served, _export(site_root, tmp_path / "dist") / "mini-scorm12.zip", "mini")
    session = Session(context, url, "anna")
    targets = session.sco.evaluate("""() => {
        const q = document.querySelector('#wp-quiz-mini .wp-qtext');
        const out = [];
        for (const href of ['https://example.org/elders', 'other.html', '#quiz']) {
            const a = Object.assign(document.createElement('a'), {href, textContent: 'x'});
            q.append(a);
            a.addEventListener('click', e => e.preventDefault());
            a.click();
            out.push(a.target);
        }
        return out;
    }""")
    assert targets == ["_blank", "_blank", ""]
    session.close()


def test_suspend_data_fits_for_the_largest_module(tmp_path: Path, served: tuple[Path, str],
                                                  context: object) -> None:
    """Every question of every form of the largest real module answered, essays long: at most 4096 characters."""
    from werkplaats.content import load_project

    project = load_project(ROOT)
    largest = max(project.modules.values(), key=lambda c: (sum(
        len(getattr(q, "pairs", None) or getattr(q, "items", None) or [0]) for q in c.questions), c.module.id))
    out = tmp_path / "real"
    assert main(["--root", str(ROOT), "export", "scorm", largest.module.id, "--out", str(out)]) == 0
    url = _install(served, out / f"{largest.module.id}-scorm12.zip", "largest")
    session = Session(context, url, "anna")
    essay = "Een lang antwoord op een open vraag. " * 120
    session.sco.evaluate("""(essay) => {
        for (const form of document.querySelectorAll('form.wp-quiz')) {
            for (const el of form.querySelectorAll('input, select, textarea')) {
                if (el.type === 'radio' || el.type === 'checkbox') el.checked = true;
                else if (el.tagName === 'SELECT') el.value = el.options[el.options.length - 1].value;
                else el.value = el.tagName === 'TEXTAREA' ? essay : 'een antwoord';
            }
            form.dispatchEvent(new Event('change', {bubbles: true}));
            form.querySelector('button.wp-check').click();
        }
    }""", essay)
    session.page.wait_for_function("() => API.cmi.core.lesson_status !== 'incomplete'", timeout=10_000)
    kept = session.kept()
    assert 0 < len(kept["cmi.suspend_data"]) <= 4096
    if session.sco.locator("textarea").count():
        assert session.sco.locator(".wp-scorm-note").count() >= 1  # the learner is told
    session.close()
    again = Session(context, url, "anna", kept)
    quiz = again.sco.locator(f"#wp-quiz-{largest.module.id}")
    assert quiz.get_attribute("data-result") in ("passed", "failed")
    radios = quiz.locator("input[type=radio]")
    assert radios.count() == 0 or quiz.locator("input[type=radio]:checked").count() > 0
    again.close()
