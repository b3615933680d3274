"""Walkthrough: a learner plays a dialogue to an ending, opens "Mijn voortgang", exports, wipes and imports, and a
second learner then uses the same browser. The dialogues' list on "Mijn voortgang" (dialogue.js) must follow what
werkplaats.js does to the stored progress: after "Voortgang wissen" it said "afgerond" until the page was reloaded,
and after an import it kept saying "nog niet begonnen"."""

from __future__ import annotations

import json
from pathlib import Path

PAGE = "gesprekken/kort-gesprek/"
ROOT = "[data-dialogue='kort-gesprek']"
LIST = ".wp-dialogue-progress"


def play_to_an_ending(page: object, base_url: str) -> None:
    page.goto(base_url + PAGE)
    page.wait_for_selector(f"{ROOT}[data-dlg-ready] .wp-dlg-play", state="attached")
    for _ in range(20):
        if page.get_attribute(ROOT, "data-state") == "end":
            return
        page.locator(f"{ROOT} .wp-dlg-turn button").first.click()
    raise AssertionError("no ending within 20 choices")


def entry(page: object) -> str:
    return page.locator(LIST).locator("li", has_text="Een kort gesprek").inner_text()


def test_dialogue_list_follows_wipe_and_import(new_context: object, base_url: str, tmp_path: Path) -> None:
    page = new_context(accept_downloads=True).new_page()
    page.set_default_timeout(10_000)
    play_to_an_ending(page, base_url)
    # Instant navigation to "Mijn voortgang", as a learner clicks it in the tabs.
    page.click("a[href$='voortgang/']")
    page.wait_for_url("**/voortgang/")
    page.wait_for_selector(".wp-progress[data-wp-ready]", state="attached")
    assert "afgerond" in entry(page), entry(page)
    finished = entry(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="Voortgang exporteren").click()
    saved = tmp_path / "voortgang.json"
    info.value.save_as(saved)
    assert "dialogue:kort-gesprek" in json.loads(saved.read_text(encoding="utf-8"))["items"]

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Voortgang wissen").click()
    page.wait_for_function("() => !Object.keys(localStorage).some(k => k.includes('wp:dialogue:'))")
    # What the page shows is what is stored: nothing of the dialogue, without a reload.
    page.wait_for_function(f"() => document.querySelector('{LIST}').textContent.includes('nog niet begonnen')",
                           timeout=3000)
    assert "afgerond" not in page.locator(LIST).inner_text()

    page.set_input_files(".wp-progress input[type=file]", str(saved))
    page.wait_for_function("() => /geïmporteerd/.test(document.querySelector('.wp-status').textContent)")
    page.wait_for_function(f"() => document.querySelector('{LIST}').textContent.includes('afgerond')",
                           timeout=3000)
    assert entry(page) == finished

    # A second learner on the same computer, after the first one wiped: a fresh start everywhere.
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Voortgang wissen").click()
    page.goto(base_url + PAGE)
    page.wait_for_selector(f"{ROOT}[data-dlg-ready] .wp-dlg-play", state="attached")
    assert page.get_attribute(ROOT, "data-state") == "play"
    assert page.locator(f"{ROOT} .wp-dlg-log > li").count() == 0


def test_a_dialogue_step_that_cannot_be_stored_says_so(new_context: object, base_url: str) -> None:
    """Issue #10: failures are never silent. A full storage lost the dialogue's path without a word, while a quiz
    on the same site shows the notice that the browser could not keep the learner's work."""
    page = new_context().new_page()
    page.set_default_timeout(10_000)
    page.goto(base_url + PAGE)
    page.wait_for_selector(f"{ROOT}[data-dlg-ready] .wp-dlg-play", state="attached")
    # Fill the storage to the brim (chunks down to one character), as a browser whose quota is used up.
    page.evaluate("""() => { let size = 1 << 20;
        for (let i = 0; size >= 1; i++) { try { localStorage.setItem('filler-' + i, 'f'.repeat(size)); }
            catch (e) { size = Math.floor(size / 2); } } }""")
    try:
        page.locator(f"{ROOT} .wp-dlg-turn button").first.click()
        notice = page.locator(".wp-notice")
        notice.wait_for(timeout=3000)
        assert "niet bewaren" in notice.inner_text(), notice.inner_text()
        # The conversation itself goes on: the step was taken on the page.
        assert page.locator(f"{ROOT} .wp-dlg-log > li").count() == 2
    finally:
        page.evaluate("() => { for (const k of Object.keys(localStorage)) if (k.startsWith('filler-')) "
                      "localStorage.removeItem(k); }")
