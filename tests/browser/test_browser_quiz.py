"""Quizzes in the browser: grading and feedback of every question type, score, retry, keeping answers."""

from __future__ import annotations

import re
from pathlib import Path

QUIZ = "modules/mini/toets/"
FORM = "#wp-quiz-mini"
FEEDBACK = {
    "m-01": "Ja, eerst wat iemand zelf kan.", "m-02": "Ja.", "m-03": "Klopt, de wet spreekt van onderzoek.",
    "m-04": "Goed.",
}


def q(page: object, qid: str) -> object:
    return page.locator(f"{FORM}-{qid}")


def answer_right(page: object, fill: str = "Compensatieplicht") -> None:
    page.check("input[name='wp-quiz-mini-m-01'][value='0']")
    page.check("input[name='wp-quiz-mini-m-02'][value='0']")
    page.check("input[name='wp-quiz-mini-m-02'][value='1']")
    page.check("input[name='wp-quiz-mini-m-03'][value='false']")
    page.fill("input[name='wp-quiz-mini-m-04']", fill)
    for left in range(3):
        page.select_option(f"select[name='wp-quiz-mini-m-05-{left}']", str(left))
    for item in range(4):
        page.select_option(f"select[name='wp-quiz-mini-m-06-{item}']", str(item + 1))
    page.fill("textarea[name='wp-quiz-mini-m-07']", "Hoe vult u uw dag in?")


def listen_graded(page: object) -> None:
    page.evaluate("""() => { window.__graded = [];
        document.addEventListener('wp:graded', e => window.__graded.push({id: e.target.id, ...e.detail})); }""")


def open_quiz(page: object, base_url: str) -> None:
    page.goto(base_url + QUIZ)
    page.wait_for_selector(f"{FORM}[data-wp-ready]", state="attached")


def test_every_type_answered_right(page: object, base_url: str) -> None:
    open_quiz(page, base_url)
    # With JavaScript the answers are hidden and the buttons shown.
    assert page.locator(f"{FORM} details.wp-answer").first.is_hidden()
    assert page.locator(f"{FORM} .wp-check").is_visible()
    assert page.locator(f"{FORM} .wp-retry").is_hidden()
    listen_graded(page)
    # Accents, case and spaces or punctuation at the ends do not matter.
    answer_right(page, fill="  Compensatieplícht. ")
    page.click(f"{FORM} .wp-check")
    for qid, text in FEEDBACK.items():
        box = q(page, qid).locator(".wp-feedback")
        assert box.get_attribute("aria-live") is None  # one announcement: the summary in .wp-score
        assert "Goed" in box.inner_text() and text in box.inner_text(), (qid, box.inner_text())
        assert box.locator(".wp-icon--correct").count() == 1
        assert q(page, qid).get_attribute("data-result") == "correct"
    assert "Ja, eerst wat iemand zelf kan." in q(page, "m-01").locator(".wp-feedback").inner_text()
    assert "De ladder begint bij de burger zelf." in q(page, "m-01").locator(".wp-feedback").inner_text()
    for qid, parts in (("m-05", 3), ("m-06", 4)):
        assert f"{parts} van {parts} goed" in q(page, qid).locator(".wp-feedback").inner_text()
    open_box = q(page, "m-07").locator(".wp-feedback").inner_text()
    assert "Vergelijk je antwoord met het modelantwoord" in open_box
    assert "Bijvoorbeeld hoe hij zijn dag invult." in open_box
    score = page.locator(f"{FORM} .wp-score")
    assert score.get_attribute("role") == "status"
    assert "Je score: 6 van 6 punten (100%)." in score.inner_text()
    assert "Geslaagd" in score.inner_text()
    assert page.evaluate("() => document.activeElement.classList.contains('wp-score')")
    assert page.locator(f"{FORM} .wp-retry").is_visible()
    assert page.evaluate("() => window.__graded") == [
        {"id": "wp-quiz-mini", "score": 6, "max": 6, "percent": 100, "passed": True}]


def test_every_type_answered_wrong(page: object, base_url: str) -> None:
    open_quiz(page, base_url)
    listen_graded(page)
    page.check("input[name='wp-quiz-mini-m-01'][value='1']")
    page.check("input[name='wp-quiz-mini-m-02'][value='0']")  # right, but not all of them
    page.check("input[name='wp-quiz-mini-m-03'][value='true']")
    page.fill("input[name='wp-quiz-mini-m-04']", "zorgplicht")
    page.select_option("select[name='wp-quiz-mini-m-05-0']", "0")
    page.select_option("select[name='wp-quiz-mini-m-05-1']", "2")
    page.select_option("select[name='wp-quiz-mini-m-05-2']", "1")
    for item, position in enumerate((2, 1, 3, 4)):
        page.select_option(f"select[name='wp-quiz-mini-m-06-{item}']", str(position))
    page.click(f"{FORM} .wp-check")
    expected = {"m-01": "Nee, die komt als laatste.", "m-02": "Je hebt niet alle goede antwoorden gekozen.",
                "m-03": "Nee, het is een populaire naam.", "m-04": "Het is de compensatieplicht.",
                "m-05": "1 van 3 goed", "m-06": "2 van 4 goed"}
    for qid, text in expected.items():
        box = q(page, qid).locator(".wp-feedback")
        assert "Niet goed" in box.inner_text() and text in box.inner_text(), (qid, box.inner_text())
        assert box.locator(".wp-icon--incorrect").count() == 1
        assert q(page, qid).get_attribute("data-result") == "incorrect"
    # Matching and ordering mark every row, in text as well as with an icon.
    rows = q(page, "m-05").locator(".wp-match")
    assert [rows.nth(i).get_attribute("data-result") for i in range(3)] == ["correct", "incorrect", "incorrect"]
    assert "niet goed" in rows.nth(1).locator(".wp-row-mark").inner_text()
    # The open question is not scored; unanswered, it still shows the model answer.
    assert "Bijvoorbeeld hoe hij zijn dag invult." in q(page, "m-07").locator(".wp-feedback").inner_text()
    score = page.locator(f"{FORM} .wp-score").inner_text()
    assert "Je score: 0 van 6 punten (0%)." in score and "Nog niet geslaagd" in score and "60%" in score
    assert page.locator(FORM).get_attribute("data-result") == "failed"
    assert page.evaluate("() => window.__graded")[0]["passed"] is False


def test_unanswered_and_pass_mark_boundary(page: object, base_url: str) -> None:
    open_quiz(page, base_url)
    page.check("input[name='wp-quiz-mini-m-01'][value='0']")
    page.check("input[name='wp-quiz-mini-m-02'][value='0']")
    page.check("input[name='wp-quiz-mini-m-02'][value='1']")
    page.check("input[name='wp-quiz-mini-m-03'][value='false']")
    page.fill("input[name='wp-quiz-mini-m-04']", "compensatie-plicht")  # inner punctuation counts
    page.click(f"{FORM} .wp-check")
    assert "Niet beantwoord" in q(page, "m-05").locator(".wp-feedback").inner_text()
    assert q(page, "m-05").get_attribute("data-result") == "unanswered"
    score = page.locator(f"{FORM} .wp-score").inner_text()
    assert "3 van 6 punten (50%)" in score and "Nog niet geslaagd" in score
    page.select_option("select[name='wp-quiz-mini-m-05-0']", "0")
    page.select_option("select[name='wp-quiz-mini-m-05-1']", "1")
    page.select_option("select[name='wp-quiz-mini-m-05-2']", "2")
    page.click(f"{FORM} .wp-check")
    score = page.locator(f"{FORM} .wp-score").inner_text()
    assert "4 van 6 punten (67%)" in score and "Geslaagd" in score


def test_retry_clears_the_answers(page: object, base_url: str) -> None:
    open_quiz(page, base_url)
    answer_right(page)
    page.click(f"{FORM} .wp-check")
    page.click(f"{FORM} .wp-retry")
    assert page.locator(f"{FORM} input:checked").count() == 0
    assert page.input_value("input[name='wp-quiz-mini-m-04']") == ""
    assert page.input_value("textarea[name='wp-quiz-mini-m-07']") == ""
    assert all(page.input_value(f"select[name='wp-quiz-mini-m-06-{i}']") == "" for i in range(4))
    assert page.locator(f"{FORM} .wp-feedback:not(:empty), {FORM} .wp-score:not(:empty)").count() == 0
    assert page.locator(f"{FORM} [data-result], {FORM} .wp-row-mark").count() == 0
    assert page.locator(f"{FORM} .wp-retry").is_hidden()
    # Focus goes to the first question.
    assert page.evaluate("() => document.activeElement.closest('.wp-question').id") == "wp-quiz-mini-m-01"
    page.reload()
    page.wait_for_selector(f"{FORM}[data-wp-ready]", state="attached")
    assert page.locator(f"{FORM} input:checked").count() == 0


def test_answers_and_result_survive_a_reload(page: object, base_url: str) -> None:
    open_quiz(page, base_url)
    page.check("input[name='wp-quiz-mini-m-01'][value='1']")
    page.fill("input[name='wp-quiz-mini-m-04']", "iets")
    page.select_option("select[name='wp-quiz-mini-m-06-2']", "3")
    page.reload()
    page.wait_for_selector(f"{FORM}[data-wp-ready]", state="attached")
    assert page.is_checked("input[name='wp-quiz-mini-m-01'][value='1']")
    assert page.input_value("input[name='wp-quiz-mini-m-04']") == "iets"
    assert page.input_value("select[name='wp-quiz-mini-m-06-2']") == "3"
    assert page.locator(f"{FORM} .wp-score").inner_text() == ""  # not graded yet
    answer_right(page)
    page.click(f"{FORM} .wp-check")
    page.reload()
    page.wait_for_selector(f"{FORM}[data-wp-ready]", state="attached")
    assert "6 van 6 punten" in page.locator(f"{FORM} .wp-score").inner_text()
    assert "Goed" in q(page, "m-01").locator(".wp-feedback").inner_text()
    assert page.locator(f"{FORM} .wp-retry").is_visible()


def test_state_survives_instant_navigation(page: object, base_url: str) -> None:
    open_quiz(page, base_url)
    page.evaluate("() => { window.__same_document = true; }")
    page.check("input[name='wp-quiz-mini-m-03'][value='true']")
    page.click(".wp-breadcrumb a")  # to the module page, by instant navigation
    page.wait_for_url(re.compile(r"/modules/mini/$"))
    page.click("article a[href$='toets/']")
    page.wait_for_url(re.compile(r"/modules/mini/toets/$"))
    page.wait_for_selector(f"{FORM}[data-wp-ready]", state="attached")
    assert page.evaluate("() => window.__same_document") is True, "no instant navigation"
    assert page.is_checked("input[name='wp-quiz-mini-m-03'][value='true']")
    assert page.locator(f"{FORM} details.wp-answer").first.is_hidden()
    # The new page's form works (one handler: one graded event).
    listen_graded(page)
    page.click(f"{FORM} .wp-check")
    assert len(page.evaluate("() => window.__graded")) == 1
    assert "Niet goed" in q(page, "m-03").locator(".wp-feedback").inner_text()


def test_self_check_without_pass_mark(page: object, base_url: str) -> None:
    page.goto(base_url)
    form = page.locator("form.wp-quiz")
    form.wait_for(state="attached")
    assert form.get_attribute("data-pass-mark") == ""
    listen_graded(page)
    form.locator("input[value='0']").check()
    form.locator(".wp-check").click()
    text = form.locator(".wp-score").inner_text()
    assert "1 van 1 punt (100%)" in text and "zonder cesuur" in text and "Geslaagd" not in text
    assert page.evaluate("() => window.__graded")[0]["passed"] is None
    assert "De ladder begint bij de burger zelf." in form.locator(".wp-feedback").inner_text()


def test_shuffle_only_in_the_browser(page: object, base_url: str, site_dir: Path) -> None:
    html = (site_dir / QUIZ / "index.html").read_text(encoding="utf-8")
    assert re.search(r'name="wp-quiz-mini-m-02" value="0">.*\n.*value="1">.*\n.*value="2">', html)
    orders = set()
    for _ in range(8):
        open_quiz(page, base_url)
        values = page.eval_on_selector_all(f"{FORM}-m-02 .wp-options input", "els => els.map(e => e.value)")
        assert sorted(values) == ["0", "1", "2"]
        orders.add(tuple(values))
        # Questions without data-shuffle keep their order.
        assert page.eval_on_selector_all(f"{FORM}-m-03 .wp-options input", "els => els.map(e => e.value)") == [
            "true", "false"]
    assert len(orders) > 1


def test_english_strings(page: object, base_url: str) -> None:
    # The strings come from the page (labels.py); a site with `theme.language: en` gets the English ones.
    from werkplaats.labels import EN, NL

    def english(route: object) -> None:
        html = route.fetch().text().replace(NL["js_quiz"], EN["js_quiz"]).replace('lang="nl"', 'lang="en"')
        route.fulfill(body=html, content_type="text/html")

    page.route(base_url + QUIZ, english)
    open_quiz(page, base_url)
    answer_right(page)
    page.click(f"{FORM} .wp-check")
    assert "Your score: 6 of 6 points (100%)." in page.locator(f"{FORM} .wp-score").inner_text()
    assert "Correct" in q(page, "m-01").locator(".wp-feedback").inner_text()


def test_keyboard_only(page: object, base_url: str) -> None:
    open_quiz(page, base_url)
    focused = "() => { const e = document.activeElement; return [e.name || '', e.value || '', e.type || '', " \
              "e.className || '']; }"

    def tab_to(name: str, limit: int = 80) -> list[str]:
        for _ in range(limit):
            page.keyboard.press("Tab")
            state = page.evaluate(focused)
            if state[0] == name:
                return state
        raise AssertionError(f"Tab never reached {name}")

    def choose_radio(name: str, value: str) -> None:
        state = tab_to(name)
        for _ in range(6):
            if state[1] == value:
                break
            page.keyboard.press("ArrowDown")
            state = page.evaluate(focused)
        page.keyboard.press("Space")
        assert page.is_checked(f"input[name='{name}'][value='{value}']")

    choose_radio("wp-quiz-mini-m-01", "0")
    # Checkboxes: Tab from box to box, Space on the right ones.
    state = tab_to("wp-quiz-mini-m-02")
    for _ in range(3):
        if state[1] in ("0", "1"):
            page.keyboard.press("Space")
        page.keyboard.press("Tab")
        state = page.evaluate(focused)
    assert page.eval_on_selector_all("input[name='wp-quiz-mini-m-02']:checked", "els => els.map(e => e.value).sort()") \
        == ["0", "1"]
    choose_radio("wp-quiz-mini-m-03", "false")
    tab_to("wp-quiz-mini-m-04")
    page.keyboard.type("compensatieplicht")
    for left in range(3):
        tab_to(f"wp-quiz-mini-m-05-{left}")
        for _ in range(left + 1):  # options in the built order: 0, 2, 1
            page.keyboard.press("ArrowDown")
    # Ordering: type the position's digit in each select, in the order they are shown.
    names = page.eval_on_selector_all(f"{FORM}-m-06 select", "els => els.map(e => e.name)")
    for name in names:
        tab_to(name)
        page.keyboard.type(str(int(name.rsplit("-", 1)[1]) + 1))
    tab_to("wp-quiz-mini-m-07")
    page.keyboard.type("Wat lukt u zelf?")
    page.keyboard.press("Tab")
    assert "wp-check" in page.evaluate(focused)[3]
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.classList.contains('wp-score')")
    score = page.locator(f"{FORM} .wp-score").inner_text()
    # The matching selects were moved by arrow keys in the built order (0, 2, 1): only the first pair is right.
    assert "5 van 6 punten" in score, score
    assert "Geslaagd" in score
    # Back to the retry button and start again, by keyboard.
    page.keyboard.press("Shift+Tab")
    assert "wp-retry" in page.evaluate(focused)[3]
    page.keyboard.press("Enter")
    assert page.evaluate(focused)[0] == "wp-quiz-mini-m-01"
    assert page.locator(f"{FORM} input:checked").count() == 0


def test_no_horizontal_overflow_at_360px(new_context: object, base_url: str) -> None:
    for width, scale in ((360, 1), (640, 2)):  # a phone, and 1280 px at 200 % zoom
        page = new_context(viewport={"width": width, "height": 740}, device_scale_factor=scale).new_page()
        for path in (QUIZ, "instrumenten/kwaliteit/", "voortgang/", "competenties/matrix/"):
            page.goto(base_url + path)
            page.wait_for_load_state("load")
            if path == QUIZ:
                answer_right(page)
                page.click(f"{FORM} .wp-check")
            if path.startswith("instrumenten"):
                page.check("input[name='wp-instrument-kwaliteit-t1'][value='3']")
                page.click("form.wp-instrument button[type=submit]")
            overflow = page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, (width, path, overflow)
            wide = page.evaluate("""() => Array.from(document.querySelectorAll('.md-content *')).filter(e =>
                e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                && !e.closest('.wp-matrix-wrap, .wp-table-wrap, .md-typeset__table'))
                .map(e => e.tagName + '.' + e.className)""")
            assert wide == [], (width, path, wide)


def test_works_from_file_urls(new_context: object, site_dir: Path) -> None:
    page = new_context().new_page()
    page.goto((site_dir / QUIZ / "index.html").as_uri())
    page.wait_for_selector(f"{FORM}[data-wp-ready]", state="attached")
    answer_right(page)
    page.click(f"{FORM} .wp-check")
    assert "6 van 6 punten" in page.locator(f"{FORM} .wp-score").inner_text()
    page.reload()
    page.wait_for_selector(f"{FORM}[data-wp-ready]", state="attached")
    assert "6 van 6 punten" in page.locator(f"{FORM} .wp-score").inner_text()


def test_without_javascript_the_answers_are_readable(new_context: object, base_url: str) -> None:
    page = new_context(java_script_enabled=False).new_page()
    page.goto(base_url + QUIZ)
    answers = page.locator(f"{FORM} details.wp-answer")
    assert answers.count() == 7
    assert all(answers.nth(i).locator("summary").is_visible() for i in range(7))
    assert page.locator(f"{FORM} .wp-quiz-actions").is_hidden()  # no button that does nothing
    answers.first.locator("summary").click()
    assert answers.first.locator("li[data-correct='true']").is_visible()
    assert "Ja, eerst wat iemand zelf kan." in answers.first.inner_text()
    answers.nth(6).locator("summary").click()
    assert page.get_by_text("Bijvoorbeeld hoe hij zijn dag invult.").is_visible()
    page.goto(base_url + "methodieken/")
    assert page.locator("form.wp-filter").is_hidden()
    assert page.locator("#wp-list-methodieken > li").count() == 2
    page.goto(base_url + "instrumenten/kwaliteit/")
    assert page.locator("details.wp-reference summary").is_visible()
