"""The quiz behaves: Enter never grades, Back restores the learner's own answers, one short announcement after
grading with links to what to look at again, the right pairs, order and answers shown, one position per item,
no plain form submission without the script, self-checks on "Mijn voortgang"."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from test_browser_progress import module_row, open_progress
from test_browser_quiz import FORM, QUIZ, answer_right, open_quiz, q

from conftest import ARGS, CHROMIUM, Guard


def result_of(page: object) -> object:
    return page.evaluate("""() => {
        const v = localStorage.getItem(new URL(__md_scope).pathname + 'wp:quiz:wp-quiz-mini');
        return v && JSON.parse(v).result; }""")


def test_enter_in_a_fill_in_field_does_not_grade(page: object, base_url: str) -> None:
    open_quiz(page, base_url)
    page.check("input[name='wp-quiz-mini-m-01'][value='0']")
    page.fill("input[name='wp-quiz-mini-m-04']", "compensatieplicht")
    page.press("input[name='wp-quiz-mini-m-04']", "Enter")
    page.wait_for_timeout(300)
    assert page.inner_text(f"{FORM} .wp-score") == ""
    assert result_of(page) is None
    assert page.url.endswith(QUIZ)


def test_without_the_script_the_quiz_never_submits_as_a_form(new_context: object, base_url: str) -> None:
    page = new_context().new_page()
    page.route("**/werkplaats.js", lambda route: route.abort())
    page.goto(base_url + QUIZ)
    page.fill("input[name='wp-quiz-mini-m-04']", "geheim")
    page.press("input[name='wp-quiz-mini-m-04']", "Enter")
    page.wait_for_timeout(500)
    assert "?" not in page.url and "geheim" not in page.url
    assert page.get_attribute(FORM, "autocomplete") == "off"


@pytest.fixture(scope="module")
def no_bfcache(browser: object) -> Iterator[object]:
    """Chromium without the back/forward cache: Back loads the page anew, as a browser often does."""
    instance = browser.browser_type.launch(executable_path=str(CHROMIUM),
                                           args=[*ARGS, "--disable-features=BackForwardCache"])
    try:
        yield instance
    finally:
        instance.close()


def test_back_to_a_shuffled_test_restores_the_learners_own_answers(no_bfcache: object, base_url: str,
                                                                   site_dir: object) -> None:
    context = no_bfcache.new_context(locale="nl-NL")
    guard = Guard()
    context.route("**/*", guard.route)
    page = context.new_page()
    page.set_default_timeout(10_000)
    for attempt in range(4):  # the options are shuffled anew on every load
        open_quiz(page, base_url)
        shown = page.eval_on_selector_all(f"{FORM}-m-02 .wp-options input", "els => els.map(e => e.value)")
        page.check(f"input[name='wp-quiz-mini-m-02'][value='{shown[0]}']")
        page.check("input[name='wp-quiz-mini-m-01'][value='1']")
        page.goto(base_url)  # a whole page load, no instant navigation
        page.go_back()
        page.wait_for_selector(f"{FORM}[data-wp-ready]", state="attached")
        checked = page.eval_on_selector_all(f"{FORM}-m-02 input:checked", "els => els.map(e => e.value)")
        assert checked == [shown[0]], attempt
        assert page.eval_on_selector_all(f"{FORM}-m-01 input:checked", "els => els.map(e => e.value)") == ["1"]
        page.evaluate("() => localStorage.clear()")
    context.close()
    guard.check()


def test_one_short_announcement_with_links_to_what_went_wrong(page: object, base_url: str) -> None:
    open_quiz(page, base_url)
    page.check("input[name='wp-quiz-mini-m-01'][value='1']")  # wrong
    page.check("input[name='wp-quiz-mini-m-03'][value='false']")  # right
    page.click(f"{FORM} .wp-check")
    live = page.eval_on_selector_all(f"{FORM} [aria-live], {FORM} [role=status], {FORM} [role=alert]",
                                     "els => els.map(e => e.innerText)")
    assert len(live) == 1 and len(live[0]) < 300
    assert "Je score: 1 van 6 punten" in live[0] and "Nog niet geslaagd" in live[0]
    assert "Fout: 1. Niet beantwoord: 4." in live[0]
    assert page.evaluate("() => document.activeElement.classList.contains('wp-score')")
    links = page.locator(f"{FORM} .wp-review a[href^='#']")
    assert links.count() == 5
    assert links.first.inner_text() == "Vraag 1: Niet goed"
    for href in links.evaluate_all("els => els.map(a => a.getAttribute('href'))"):
        assert page.locator(href).count() == 1
    # The module's score box links to "Mijn voortgang".
    assert page.get_attribute(f"{FORM} .wp-review a:text('Naar Mijn voortgang')", "href").endswith("/voortgang/")


def test_wrong_answers_show_the_right_pairs_order_and_answers(page: object, base_url: str) -> None:
    open_quiz(page, base_url)
    page.fill("input[name='wp-quiz-mini-m-04']", "keukentafel")
    page.select_option("select[name='wp-quiz-mini-m-05-0']", "1")
    page.select_option("select[name='wp-quiz-mini-m-06-0']", "2")
    page.click(f"{FORM} .wp-check")
    fill = q(page, "m-04").locator(".wp-feedback").inner_text()
    assert "Goede antwoorden: compensatieplicht" in fill
    matching = q(page, "m-05").locator(".wp-feedback").inner_text()
    assert "Goede koppelingen" in matching and "Melding → Eerste stap" in matching
    ordering = q(page, "m-06").locator(".wp-feedback").inner_text()
    assert "Goede volgorde" in ordering and "Melding\nOnderzoek\nAanvraag\nBeschikking" in ordering


def test_ordering_gives_each_position_once_and_multiple_response_says_so(page: object, base_url: str) -> None:
    open_quiz(page, base_url)
    page.select_option("select[name='wp-quiz-mini-m-06-0']", "1")
    page.select_option("select[name='wp-quiz-mini-m-06-1']", "2")
    page.select_option("select[name='wp-quiz-mini-m-06-2']", "1")  # item 0 had 1: it gets item 2's old value
    values = [page.input_value(f"select[name='wp-quiz-mini-m-06-{i}']") for i in range(4)]
    assert values == ["", "2", "1", ""]
    page.select_option("select[name='wp-quiz-mini-m-06-3']", "2")  # swap: item 1 takes position 3's old ""
    values = [page.input_value(f"select[name='wp-quiz-mini-m-06-{i}']") for i in range(4)]
    assert sorted(v for v in values if v) == ["1", "2"]
    assert "Meer antwoorden mogelijk" in q(page, "m-02").inner_text()
    assert "Meer antwoorden mogelijk" not in q(page, "m-01").inner_text()
    # Unanswered: only that it is unanswered.
    page.click(f"{FORM} .wp-check")
    assert q(page, "m-02").locator(".wp-feedback").inner_text().strip() == "Niet beantwoord"


def test_self_check_results_appear_on_my_progress(page: object, base_url: str) -> None:
    page.goto(base_url + "modules/mini/verdieping/")
    form = page.locator("form.wp-quiz")
    page.wait_for_selector("form.wp-quiz[data-wp-ready]", state="attached")
    page.locator("form.wp-quiz input[type=text]").fill("compensatieplicht")
    form.locator(".wp-check").click()
    open_progress(page, base_url)
    assert module_row(page)[3] == "Niet begonnen"
    rows = page.eval_on_selector_all(".wp-report table >> nth=1 >> tbody tr",
                                     "rows => rows.map(r => Array.from(r.cells, c => c.innerText.trim()))")
    assert rows[0][:3] == ["Verdieping", "Mini-module", "1 van 2 (50%)"]
    assert page.get_attribute(".wp-report table >> nth=1 >> tbody a", "href") == "/modules/mini/verdieping/"


def test_everything_right_is_said_once(page: object, base_url: str) -> None:
    open_quiz(page, base_url)
    answer_right(page)
    page.click(f"{FORM} .wp-check")
    text = page.inner_text(f"{FORM} .wp-score")
    assert "Alle vragen goed." in text and page.locator(f"{FORM} .wp-review li").count() == 0
