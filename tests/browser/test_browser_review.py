"""Herhalen, the spaced review (issue #15): a wrong answer (or a right one with doubt) on a unit page enters box 1,
is due the next day on "Herhalen" and in the counts on the home page and "Mijn voortgang"; a right answer there
moves it up a box, a wrong one back to box 1; questions that left the content drop out quietly. Dates are set
with Playwright's clock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from exam_site import Watch, answer_right, stored

DAY1 = dt.datetime(2026, 3, 2, 9, 0, 0)
DAY2 = DAY1 + dt.timedelta(days=1)
UNIT = "modules/mini/verdieping/"


@pytest.fixture
def page(page: object) -> object:
    """conftest's page (a fresh, guarded context) on the clock of DAY1."""
    page.clock.install(time=DAY1)
    return page


def test_wrong_answer_comes_back_on_herhalen_and_moves_on(page: object, exam_url: str) -> None:
    page.goto(exam_url + UNIT)
    form = page.locator("form.wp-quiz")
    # m-02 wrong; m-04 right, but the learner was unsure.
    form.locator(".wp-question[data-qid='m-02'] input[value='2']").check()
    answer_right(form, "m-04")
    form.get_by_role("checkbox", name="Ik twijfelde").nth(1).check()
    form.locator("button.wp-check").click()
    queue = stored(page, "review")
    assert form.get_by_role("checkbox", name="Ik twijfelde").nth(1).is_checked()
    form.locator(".wp-retry").click()  # Opnieuw: the doubts go with the answers
    assert form.locator("[data-wp-doubt]:checked").count() == 0
    assert queue == {"mini/m-02": {"box": 1, "due": "2026-03-03", "quiz": queue["mini/m-02"]["quiz"]},
                     "mini/m-04": {"box": 1, "due": "2026-03-03", "quiz": queue["mini/m-04"]["quiz"]}}
    assert queue["mini/m-02"]["quiz"].startswith("wp-check-")
    # Today nothing is due yet.
    page.goto(exam_url + "herhalen/")
    assert "niets te herhalen" in page.locator(".wp-review-status").inner_text()
    assert page.locator("#wp-herhalen").is_hidden()
    page.goto(exam_url)
    assert page.locator("[data-wp-due]").inner_text() == "Vandaag niets te herhalen."
    # The next day: both are due, counted on the home page and on Mijn voortgang, with a link to Herhalen.
    page.clock.set_system_time(DAY2)
    page.reload()
    due = page.locator("[data-wp-due]")
    assert due.inner_text().startswith("Vandaag te herhalen: 2 vragen.")
    page.goto(exam_url + "voortgang/")
    assert page.locator("[data-wp-due]").inner_text().startswith("Vandaag te herhalen: 2 vragen.")
    page.locator("[data-wp-due] a").click()  # instant navigation to Herhalen
    page.wait_for_url("**/herhalen/")
    review = page.locator("#wp-herhalen")
    review.wait_for()
    shown = page.eval_on_selector_all("#wp-herhalen .wp-question", "qs => qs.map(q => q.dataset.qid)")
    assert sorted(shown) == ["mini--m-02", "mini--m-04"]
    assert review.locator(".wp-question[data-result]").count() == 0
    # Right now on m-02, wrong on m-04: up a box (due after 3 days), back to box 1 (due tomorrow).
    review.locator(".wp-question[data-qid='mini--m-02'] input[value='0']").check()
    review.locator(".wp-question[data-qid='mini--m-02'] input[value='1']").check()
    review.locator(".wp-question[data-qid='mini--m-04'] input[type=text]").fill("zorgplicht")
    review.locator("button.wp-check").click()
    # Feedback as in any practice quiz.
    assert review.locator(".wp-question[data-qid='mini--m-02']").get_attribute("data-result") == "correct"
    page.locator(".wp-review-status").filter(has_text="Een bak verder: 1. Terug naar bak 1: 1.").wait_for()
    queue = stored(page, "review")
    assert {k: (v["box"], v["due"]) for k, v in queue.items()} == \
        {"mini/m-02": (2, "2026-03-06"), "mini/m-04": (1, "2026-03-04")}
    page.reload()
    assert page.eval_on_selector_all("#wp-herhalen .wp-question", "qs => qs.length") == 0


def test_exam_wrong_answers_enter_the_queue_and_removed_questions_drop_out(page: object, exam_url: str) -> None:
    page.goto(exam_url + "modules/mini/toets/")
    form = page.locator("#wp-quiz-mini")
    ids = page.eval_on_selector_all("#wp-quiz-mini .wp-question", "qs => qs.map(q => q.dataset.qid)")
    answer_right(form, ids[0])
    form.locator("button.wp-check").click()
    form.get_by_role("button", name="Toch inleveren").click()
    queue = stored(page, "review")
    scored = [q for q in ids[1:] if q != "m-07"]  # an open question is never reviewed
    assert sorted(queue) == sorted(f"mini/{q}" for q in scored)
    assert all(v["box"] == 1 and v["quiz"] == "wp-quiz-mini" for v in queue.values())
    # A question that was removed from the content, and one of a module that is gone.
    page.evaluate("""() => {
        const k = Object.keys(localStorage).find(k => k.endsWith('wp:review'));
        const r = JSON.parse(localStorage.getItem(k));
        r['mini/m-99'] = {box: 2, due: '2026-03-01', quiz: 'wp-quiz-mini'};
        r['weg/q-1'] = {box: 1, due: '2026-03-01', quiz: 'wp-quiz-weg'};
        localStorage.setItem(k, JSON.stringify(r));
    }""")
    page.clock.set_system_time(DAY2)
    page.goto(exam_url + "herhalen/")
    shown = page.eval_on_selector_all("#wp-herhalen .wp-question", "qs => qs.map(q => q.dataset.qid)")
    assert sorted(shown) == sorted(f"mini--{q}" for q in scored)
    assert sorted(stored(page, "review")) == sorted(f"mini/{q}" for q in scored)


def test_herhalen_with_due_questions_has_no_serious_axe_violation(browser: object, exam_url: str) -> None:
    axe = Path(__file__).resolve().parents[1] / ".npm" / "node_modules" / "axe-core" / "axe.min.js"
    if not axe.exists():
        pytest.fail("axe-core is not installed (make npm-deps)")
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport={"width": 360, "height": 800}, color_scheme=scheme)
        watch = Watch(context)
        page = context.new_page()
        page.goto(exam_url + "herhalen/")
        page.evaluate("""() => {
            const k = Object.keys(localStorage).find(k => k.endsWith('wp:schema')).replace(/schema$/, 'review');
            localStorage.setItem(k, JSON.stringify({'mini/m-01': {box: 1, due: '2000-01-01', quiz: 'wp-quiz-mini'},
                'mini/m-05': {box: 3, due: '2000-01-01', quiz: 'wp-quiz-mini'}}));
        }""")
        page.reload()
        assert page.locator("#wp-herhalen .wp-question").count() == 2
        page.locator("#wp-herhalen button.wp-check").click()
        page.add_script_tag(path=str(axe))
        found = page.evaluate("""async () => (await axe.run(document)).violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id)""")
        assert found == [], (scheme, found)
        context.close()
        watch.check()
