"""Exam mode in the browser (issue #15): no feedback until "Inleveren", a warning about unanswered questions, the
review, a pool drawn once per attempt and kept across a reload, attempts counted and capped, the advisory timer,
axe on the review; and the SCORM package of an exam-mode test reporting once."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import shutil
import threading
import zipfile
from pathlib import Path

import pytest
from exam_site import TEST, Watch, answer_right, exam_site, stored

AXE = Path(__file__).resolve().parents[1] / ".npm" / "node_modules" / "axe-core" / "axe.min.js"
SCORM_AGAIN = Path(__file__).resolve().parents[1] / ".npm" / "node_modules" / "scorm-again" / "dist" / "scorm12.js"
START = dt.datetime(2026, 3, 2, 9, 0, 0)


# `page` is conftest's: a fresh, guarded context (no request to another host, no JavaScript error).


def drawn(page: object) -> list[str]:
    return page.eval_on_selector_all("#wp-quiz-mini .wp-question", "qs => qs.map(q => q.dataset.qid)")


def test_no_feedback_until_hand_in_then_warning_then_review(page: object, exam_url: str) -> None:
    page.goto(exam_url + TEST)
    form = page.locator("#wp-quiz-mini")
    check = form.locator("button.wp-check")
    assert check.inner_text() == "Inleveren"
    ids = drawn(page)
    assert len(ids) == 4 and len(set(ids)) == 4  # 4 of the 7 drawn
    answer_right(form, ids[0])
    answer_right(form, ids[1])
    # Nothing is graded while answering.
    assert form.locator(".wp-question[data-result]").count() == 0
    assert form.locator(".wp-feedback *").count() == 0
    check.click()
    # Unanswered questions are named first; still no feedback, nothing handed in.
    warn = form.locator(".wp-warn[role=alert]")
    assert "2 van de 4 vragen nog niet beantwoord" in warn.inner_text()
    assert warn.locator("li a").count() == 2
    assert form.locator(".wp-question[data-result]").count() == 0
    assert stored(page, "exam:wp-quiz-mini")["n"] == 0
    # "Verder met de toets" goes back to the first unanswered question.
    warn.get_by_role("button", name="Verder met de toets").click()
    assert form.locator(".wp-warn").count() == 0
    assert page.evaluate("() => document.activeElement.closest('.wp-question').dataset.qid") == ids[2]
    check.click()
    form.get_by_role("button", name="Toch inleveren").click()
    # The review: every question graded, locked, with the right answer and its feedback open, and a lesson link.
    scored = [qid for qid in ids if qid != "m-07"]  # the open question counts for nothing
    percent = round(100 * len([qid for qid in ids[:2] if qid in scored]) / len(scored))
    assert f"({percent}%)" in form.locator(".wp-score").inner_text()
    assert form.locator(".wp-question[data-result]").count() == 4
    for qid in ids:
        q = form.locator(f".wp-question[data-qid='{qid}']")
        assert q.locator("input, select, textarea").first.is_disabled()
        assert q.locator("details.wp-answer").evaluate("d => d.open && !d.hidden")
        link = q.locator(".wp-read a")
        assert link.inner_text().startswith("Lees terug: ")
        expected = "../verdieping/" if qid in ("m-02", "m-04") else "../"
        assert link.get_attribute("href") == expected
    record = stored(page, "exam:wp-quiz-mini")
    assert (record["n"], record["done"], round(record["last"])) == (1, True, percent)
    assert "Pogingen ingeleverd: 1" in form.locator(".wp-attempt").inner_text()
    # "Mijn voortgang" shows the attempts and the best score beside the last result.
    page.goto(exam_url + "voortgang/")
    row = page.locator(".wp-report tbody tr").first
    row.wait_for()
    assert f"pogingen: 1 · beste: {percent}%" in row.inner_text()


def test_pool_is_kept_across_reload_and_attempts_are_capped(page: object, exam_url: str) -> None:
    page.goto(exam_url + TEST)
    form = page.locator("#wp-quiz-mini")
    first = drawn(page)
    answer_right(form, first[0])
    assert "Poging 1 van 2" in form.locator(".wp-attempt").inner_text()
    page.reload()
    assert drawn(page) == first  # the same questions in the same order, the answer restored
    assert stored(page, "exam:wp-quiz-mini")["draw"] == first
    # The answer is restored, whatever type the first drawn question has (an open question answers in a textarea;
    # selects are always there, so their value is what counts).
    assert form.locator(".wp-question").first.evaluate(
        """q => [...q.querySelectorAll("input:checked")].length > 0
             || [...q.querySelectorAll("select, input[type=text], textarea")].some(e => e.value.trim())""")
    for qid in first:
        answer_right(form, qid)
    form.locator("button.wp-check").click()
    assert "100%" in form.locator(".wp-score").inner_text()
    # A new attempt: a new draw (kept in the store), "Poging 2 van 2".
    form.get_by_role("button", name="Nieuwe poging").click()
    page.wait_for_load_state()
    form = page.locator("#wp-quiz-mini")
    assert "Poging 2 van 2" in form.locator(".wp-attempt").inner_text()
    second = drawn(page)
    assert len(second) == 4 and stored(page, "exam:wp-quiz-mini")["draw"] == second
    assert form.locator(".wp-question[data-result]").count() == 0
    form.locator("button.wp-check").click()
    form.get_by_role("button", name="Toch inleveren").click()
    text = form.locator(".wp-attempt").inner_text()
    assert "alle 2 pogingen gebruikt" in text and "beste score was 100%" in text
    assert form.get_by_role("button", name="Nieuwe poging").count() == 0
    assert form.locator("button.wp-check").is_hidden()
    record = stored(page, "exam:wp-quiz-mini")
    assert (record["n"], round(record["best"]), round(record["last"])) == (2, 100, 0)
    page.reload()  # still capped after a reload
    assert page.locator("#wp-quiz-mini").get_by_role("button", name="Nieuwe poging").count() == 0


def test_timer_announces_and_hands_in_at_the_end(page: object, exam_url: str) -> None:
    # A paused clock: only run_for moves it, so a slow machine cannot take a second off the timer.
    page.clock.install(time=START)
    page.clock.pause_at(START)
    page.goto(exam_url + TEST)
    form = page.locator("#wp-quiz-mini")
    timer = form.locator(":scope > [role=timer]")
    assert timer.inner_text() == "Resterende tijd: 6:00"
    answer_right(form, drawn(page)[0])
    page.clock.run_for(61_000)
    assert timer.inner_text() == "Resterende tijd: 4:59"
    live = form.locator(".wp-exam [role=status]")
    live.filter(has_text="Nog 5 minuten.").wait_for()
    # Extra time adds 2 minutes.
    form.get_by_label("Ik heb recht op extra tijd (+2 minuten)").check()
    page.clock.run_for(1_000)
    assert timer.inner_text() == "Resterende tijd: 6:58"
    page.clock.run_for(5 * 60_000)
    assert timer.inner_text() == "Resterende tijd: 1:58"
    assert form.locator(".wp-question[data-result]").count() == 0
    page.clock.run_for(60_000)
    live.filter(has_text="Nog 1 minuut.").wait_for()
    page.clock.run_for(60_000)
    live.filter(has_text="De tijd is om").wait_for()
    assert form.locator(".wp-question[data-result]").count() == 4  # handed in, unanswered ones included
    assert form.locator("[role=timer]").count() == 0  # the clock is gone once the test is in
    assert stored(page, "exam:wp-quiz-mini")["n"] == 1


def test_review_has_no_serious_axe_violation(browser: object, exam_url: str) -> None:
    if not AXE.exists():
        pytest.fail("axe-core is not installed (make npm-deps)")
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport={"width": 360, "height": 800}, color_scheme=scheme)
        watch = Watch(context)
        page = context.new_page()
        page.goto(exam_url + TEST)
        page.locator("#wp-quiz-mini button.wp-check").click()  # the warning
        page.add_script_tag(path=str(AXE))
        found = page.evaluate("""async () => (await axe.run(document)).violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id)""")
        assert found == [], (scheme, "warning", found)
        page.get_by_role("button", name="Toch inleveren").click()
        found = page.evaluate("""async () => (await axe.run(document)).violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id)""")
        assert found == [], (scheme, "review", found)
        context.close()
        watch.check()


def test_pool_per_objective(browser: object, tmp_path: Path) -> None:
    tags = {"m-01": [1], "m-02": [1], "m-03": [1]}
    with exam_site(tmp_path, "quiz: {pass_mark: 60, draw: {per_objective: 2}}", tags) as url:
        context = browser.new_context()
        watch = Watch(context)
        page = context.new_page()
        page.goto(url + TEST)
        ids = drawn(page)
        assert len(ids) == 2 and set(ids) <= {"m-01", "m-02", "m-03"}
        page.reload()
        assert drawn(page) == ids
        context.close()
    watch.check()


# -- SCORM: an exam-mode test reports one score, at the end ---------------------------------------------------------
LAUNCH = """<!doctype html><html><head><meta charset="utf-8"><title>LMS</title>
<script src="scorm12.js"></script>
<script>window.API = new Scorm12API({autocommit: false, logLevel: 5}); window.sets = [];
const set = API.LMSSetValue.bind(API);
API.LMSSetValue = (k, v) => { window.sets.push([k, String(v)]); return set(k, v); };</script>
</head><body><iframe id="sco" src="sco/index.html" style="width:100%;height:90vh"></iframe></body></html>"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def test_scorm_package_of_an_exam_reports_once(tmp_path: Path, browser: object) -> None:
    if not SCORM_AGAIN.exists():
        pytest.fail("scorm-again is not installed (make npm-deps)")
    from exam_site import EXAM, MINIMAL

    from werkplaats.cli import main

    root = tmp_path / "minimal"
    shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns("site", "dist", ".site-*", "__pycache__"))
    index = root / "modules" / "mini" / "index.md"
    text = index.read_text(encoding="utf-8")
    index.write_text(text.replace(next(x for x in text.splitlines() if x.startswith("quiz:")), EXAM), encoding="utf-8")
    assert main(["--root", str(root), "export", "scorm"]) == 0
    served = tmp_path / "lms"
    with zipfile.ZipFile(root / "dist" / "scorm" / "mini-scorm12.zip") as archive:
        archive.extractall(served / "sco")
    shutil.copy(SCORM_AGAIN, served / "scorm12.js")
    (served / "launch.html").write_text(LAUNCH, encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(served)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context()
    watch = Watch(context)
    try:
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/launch.html")
        page.frame_locator("#sco").locator("html[data-wp-scorm=connected]").wait_for(state="attached")
        sco = next(f for f in page.frames if f.url.endswith("/sco/index.html"))
        form = sco.locator("#wp-quiz-mini")
        ids = sco.eval_on_selector_all("#wp-quiz-mini .wp-question", "qs => qs.map(q => q.dataset.qid)")
        assert len(ids) == 4
        scores = "() => window.sets.filter(([k]) => k === 'cmi.core.score.raw').map(([, v]) => v)"
        for qid in ids[:3]:
            answer_right(form, qid)
        form.locator("button.wp-check").click()  # the warning about the fourth: nothing reported
        assert form.locator(".wp-warn").is_visible()
        assert page.evaluate(scores) == []
        assert page.evaluate("() => API.cmi.core.lesson_status") == "incomplete"
        form.get_by_role("button", name="Toch inleveren").click()
        page.wait_for_function("() => API.cmi.core.lesson_status !== 'incomplete'")
        scored = [qid for qid in ids if qid != "m-07"]  # the open question counts for nothing
        percent = 100 * len([qid for qid in ids[:3] if qid in scored]) / len(scored)
        expected = str(round(percent, 2)).removesuffix(".0")
        assert page.evaluate(scores) == [expected]
        assert page.evaluate("() => API.cmi.core.lesson_status") == ("passed" if percent >= 60 else "failed")
        # Handed in: the test is locked, nothing more is reported.
        assert form.locator("button.wp-check").is_hidden()
        sco.evaluate("() => document.getElementById('wp-quiz-mini').requestSubmit()")
        assert page.evaluate(scores) == [expected]
        # No review queue in a package (there is no Herhalen): the LMS's small suspend_data stays for the results.
        assert sco.locator(".wp-doubt").count() == 0
        assert "review" not in page.evaluate("() => String(API.cmi.suspend_data)")
    finally:
        context.close()
        server.shutdown()
        server.server_close()
    watch.check()
