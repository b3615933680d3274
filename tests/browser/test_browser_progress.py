"""'Mijn voortgang': quiz results, visited lessons, instruments; export, reset, import; the printable record."""

from __future__ import annotations

import json
import re
from pathlib import Path

PROGRESS = "voortgang/"


def pass_the_quiz(page: object, base_url: str) -> None:
    page.goto(base_url + "modules/mini/toets/")
    page.wait_for_selector("#wp-quiz-mini[data-wp-ready]", state="attached")
    page.check("input[name='wp-quiz-mini-m-01'][value='0']")
    page.check("input[name='wp-quiz-mini-m-03'][value='false']")
    page.fill("input[name='wp-quiz-mini-m-04']", "compensatieplicht")
    for left in range(3):
        page.select_option(f"select[name='wp-quiz-mini-m-05-{left}']", str(left))
    page.click("#wp-quiz-mini .wp-check")  # 4 of 6: 67 %, above the pass mark of 60


def open_progress(page: object, base_url: str) -> None:
    page.goto(base_url + PROGRESS)
    page.wait_for_selector(".wp-progress[data-wp-ready] .wp-report table", state="attached")


def module_row(page: object) -> list[str]:
    return page.eval_on_selector(".wp-report tbody tr", "r => Array.from(r.cells, c => c.innerText.trim())")


def test_progress_shows_results(page: object, base_url: str) -> None:
    open_progress(page, base_url)
    assert page.locator(".wp-progress-list").is_hidden()
    row = module_row(page)
    assert row[:3] == ["Mini-module", "1,5 uur", "0 van 2"] and row[3] == "Niet begonnen"
    # A lesson visited (by instant navigation, then a full load of another one).
    page.click(".md-tabs a[href$='modules/']")
    page.wait_for_url(re.compile(r"/modules/$"))
    page.click("article a[href$='mini/']")
    page.click("article a[href$='intro/']")
    page.wait_for_url(re.compile(r"/intro/$"))
    page.wait_for_function("() => Object.keys(localStorage).some(k => k.endsWith('wp:visits'))")
    pass_the_quiz(page, base_url)
    page.goto(base_url + "instrumenten/kwaliteit/")
    page.check("input[name='wp-instrument-kwaliteit-g1'][value='2']")
    page.click("#wp-instrument-kwaliteit button[type=submit]")
    open_progress(page, base_url)
    row = module_row(page)
    assert row[2] == "1 van 2"
    assert row[3].startswith("67% (4/6)")
    assert row[4] == "Geslaagd"
    assert page.locator(".wp-report .wp-state--passed .wp-icon").count() == 1
    assert re.search(r"Kwaliteit: ingevuld op \d+ \w+ \d{4}", page.locator(".wp-report ul").inner_text())
    # The quiz link goes to the quiz.
    assert page.get_attribute(".wp-report tbody tr td:nth-child(4) a", "href") == "../modules/mini/toets/"


def test_failed_quiz(page: object, base_url: str) -> None:
    page.goto(base_url + "modules/mini/toets/")
    page.wait_for_selector("#wp-quiz-mini[data-wp-ready]", state="attached")
    page.check("input[name='wp-quiz-mini-m-01'][value='0']")
    page.click("#wp-quiz-mini .wp-check")
    open_progress(page, base_url)
    row = module_row(page)
    assert row[3].startswith("17% (1/6)") and row[4] == "Nog niet geslaagd"


def test_export_reset_import(page: object, base_url: str, tmp_path: Path) -> None:
    pass_the_quiz(page, base_url)
    open_progress(page, base_url)
    page.get_by_label("Je naam op het overzicht").fill("Sam de Vries")
    assert "Naam: Sam de Vries" in page.locator(".wp-report-meta").inner_text()
    with page.expect_download() as info:
        page.get_by_role("button", name="Voortgang exporteren").click()
    exported = tmp_path / "voortgang.json"
    info.value.save_as(exported)
    assert re.fullmatch(r"werkplaats-voortgang-\d{4}-\d{2}-\d{2}\.json", info.value.suggested_filename)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "werkplaats-progress"
    assert data["version"] == 2 and "quiz:wp-quiz-mini" in data["items"]
    # Reset asks first; cancelled, nothing happens.
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Voortgang wissen").click()
    assert module_row(page)[4] == "Geslaagd"
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Voortgang wissen").click()
    assert module_row(page)[3] == "Niet begonnen"
    assert page.locator(".wp-progress [role=status]").filter(has_text="Je voortgang is gewist.").count() == 1 \
        or page.wait_for_selector(".wp-progress [role=status]:has-text('gewist')")
    assert page.input_value("#" + page.get_attribute(".wp-progress-actions input[type=text]", "id")) == ""
    page.reload()
    open_progress(page, base_url)
    assert module_row(page)[3] == "Niet begonnen"
    # A file that is not an export is refused.
    bad = tmp_path / "bad.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Voortgang importeren").click()
    chooser.value.set_files(bad)
    page.wait_for_selector(".wp-progress [role=status]:has-text('geen export')")
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Voortgang importeren").click()
    chooser.value.set_files(exported)
    page.wait_for_selector(".wp-progress [role=status]:has-text('geïmporteerd')")
    assert module_row(page)[4] == "Geslaagd"
    assert page.input_value(".wp-progress-actions input[type=text]") == "Sam de Vries"
    # And the quiz itself has its answers back.
    page.goto(base_url + "modules/mini/toets/")
    page.wait_for_selector("#wp-quiz-mini[data-wp-ready]", state="attached")
    assert page.input_value("input[name='wp-quiz-mini-m-04']") == "compensatieplicht"
    assert "4 van 6 punten" in page.locator("#wp-quiz-mini .wp-score").inner_text()


def test_printable_record(page: object, base_url: str) -> None:
    pass_the_quiz(page, base_url)
    open_progress(page, base_url)
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.get_by_role("button", name="Overzicht afdrukken").click()
    assert page.evaluate("() => window.__printed") == 1
    page.emulate_media(media="print")
    assert page.locator(".wp-report table").is_visible()
    assert re.search(r"Datum: \d+ \w+ \d{4}", page.locator(".wp-report-meta").inner_text())
    for hidden in (".wp-progress-actions", ".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer"):
        assert page.locator(hidden).first.is_hidden(), hidden


def test_print_css(page: object, base_url: str) -> None:
    page.goto(base_url + "methodieken/netwerkberaad/")
    external = page.locator("article a[href^='https://example.org']")
    assert external.count() == 1
    page.goto(base_url + "modules/mini/toets/")
    page.wait_for_selector("#wp-quiz-mini[data-wp-ready]", state="attached")
    page.emulate_media(media="print")
    assert page.locator("#wp-quiz-mini .wp-check").is_hidden()
    assert page.locator(".wp-sequence").is_hidden()
    assert page.locator(".md-header").is_hidden() and page.locator(".md-sidebar--primary").is_hidden()
    page.goto(base_url + "methodieken/netwerkberaad/")
    page.emulate_media(media="print")
    after = page.eval_on_selector("article a[href^='https://example.org']",
                                  "a => getComputedStyle(a, '::after').content")
    assert after == '" (" attr(href) ")"' or "https://example.org/netwerkberaad" in after
    # Permalinks (href="#...") are not printed.
    assert page.locator("article a.headerlink").first.is_hidden()
    page.goto(base_url + "methodieken/")
    page.wait_for_selector("form.wp-filter[data-wp-ready]", state="attached")
    page.emulate_media(media="print")
    assert page.locator("form.wp-filter").is_hidden()


def test_dark_scheme_prints_on_white(new_context: object, base_url: str) -> None:
    page = new_context(color_scheme="dark").new_page()
    page.goto(base_url + PROGRESS)
    page.wait_for_selector(".wp-report table")
    background = "() => getComputedStyle(document.body).backgroundColor"
    assert page.evaluate(background) != "rgb(255, 255, 255)"
    page.emulate_media(media="print")
    assert page.evaluate(background) == "rgb(255, 255, 255)"


def test_requests_to_other_hosts_are_caught(context: object, page: object, base_url: str) -> None:
    """The guard of conftest.py: a request to another host is blocked and recorded (and would fail the test)."""
    page.goto(base_url)
    page.evaluate("() => fetch('https://example.org/tracker.js').catch(() => null)")
    assert context.wp_guard.foreign == ["https://example.org/tracker.js"]
    context.wp_guard.foreign.clear()
