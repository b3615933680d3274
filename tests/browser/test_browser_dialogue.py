"""dialogue.js in Chromium: play the dialogue of tests/sites/minimal (kort-gesprek) by keyboard to two endings,
feedback announced, state kept across a reload and instant navigation, a bad stored state, the transcript without
JavaScript, "Mijn voortgang", and axe on the dialogue page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

PAGE = "gesprekken/kort-gesprek/"
ROOT = "[data-dialogue='kort-gesprek']"
KEY = "/wp:dialogue:kort-gesprek"


def axe(page: object, axe_path: Path) -> list[str]:
    """Serious and critical axe-core violations on the page, one line each."""
    page.add_script_tag(path=str(axe_path))
    return page.evaluate("""async () => {
        // Let transitions end first (Material's tabs fade when the page scrolls): axe reads the colours.
        await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
        const result = await axe.run(document, {resultTypes: ['violations']});
        return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => `${v.impact} ${v.id}: ${v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(' | ')}`);
    }""")


def open_dialogue(page: object, base_url: str) -> None:
    page.goto(base_url + PAGE)
    page.wait_for_selector(f"{ROOT}[data-dlg-ready] .wp-dlg-play", state="attached")


def active_text(page: object) -> str:
    return page.evaluate("() => document.activeElement.textContent.trim()")


def tab_to(page: object, text: str, limit: int = 12) -> None:
    """Press Tab until the focused element has this text (keyboard only)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if active_text(page) == text:
            return
    raise AssertionError(f"no focusable element with text {text!r} within {limit} tabs")


def stored(page: object) -> dict:
    return json.loads(page.evaluate(f"() => localStorage.getItem('{KEY}')") or "null")


def test_keyboard_to_two_endings(page: object, base_url: str) -> None:
    open_dialogue(page, base_url)
    root = page.locator(ROOT)
    assert root.locator(".wp-dlg-map").is_hidden()
    assert root.get_attribute("data-state") == "play"
    buttons = root.locator(".wp-dlg-turn button")
    assert buttons.all_inner_texts() == ["Wat houdt u nu bezig, als u aan thuis denkt?",
                                         "Dan vullen we meteen het formulier in."]
    # Route 1: the open question, then the network: the plan ending.
    page.focus(f"{ROOT} .wp-dlg-turn")
    tab_to(page, "Wat houdt u nu bezig, als u aan thuis denkt?")
    page.keyboard.press("Enter")
    live = root.locator("[aria-live=polite]")
    page.wait_for_function(f"() => document.querySelector(\"{ROOT} [aria-live=polite]\").textContent.includes("
                           "'Een open vraag opent het gesprek')")
    # Focus moved to the new turn, which shows what meneer Bakker says next.
    assert page.evaluate("() => document.activeElement.classList.contains('wp-dlg-turn')")
    assert "voetbalclub" in root.locator(".wp-dlg-turn").inner_text()
    # The transcript so far sits above, with the choice and its feedback; the tally counts.
    log = root.locator(".wp-dlg-log").inner_text()
    assert "Ik wil gewoon iemand die mijn huis schoonmaakt." in log and "Een open vraag opent" in log
    assert root.locator(".wp-dlg-tally").inner_text() == "Je score per competentie: Het gesprek voeren +2"
    tab_to(page, "Wie van de club zou u kunnen ophalen?")
    page.keyboard.press("Enter")
    assert root.get_attribute("data-state") == "end"
    turn = root.locator(".wp-dlg-turn").inner_text()
    assert "Einde: Plan op de ladder" in turn and "Het netwerk doet wat het kan" in turn
    assert "Jouw route" in turn
    # What the other choices would have done, with their feedback.
    assert "Had je gezegd: Dan vullen we meteen het formulier in." in turn
    assert "Je luistert breed, maar er komt nog geen plan." in turn
    assert root.locator(".wp-dlg-tally").inner_text() == "Je score per competentie: Het gesprek voeren +3"
    page.wait_for_function(f"() => document.querySelector(\"{ROOT} [aria-live=polite]\").textContent.includes("
                           "'Einde: Plan op de ladder')")
    state = stored(page)
    assert state["path"] == ["begin", "doorvragen", "einde-plan"] and state["choices"] == [0, 0]
    assert state["ended"] == "einde-plan" and re.match(r"\d{4}-\d\d-\d\dT", state["date"])
    # Opnieuw, then route 2: straight to the claim.
    tab_to(page, "Opnieuw", limit=30)
    page.keyboard.press("Enter")
    assert root.get_attribute("data-state") == "play"
    assert root.locator(".wp-dlg-log li").count() == 0
    assert stored(page)["path"] == ["begin"]
    tab_to(page, "Dan vullen we meteen het formulier in.")
    page.keyboard.press("Enter")
    assert root.get_attribute("data-state") == "end"
    assert "Einde: Gesprek over de claim" in root.locator(".wp-dlg-turn").inner_text()
    assert live.count() == 1
    assert stored(page)["ended"] == "einde-claim"


def test_state_kept_across_reload_and_instant_navigation(page: object, base_url: str) -> None:
    open_dialogue(page, base_url)
    page.click(f"{ROOT} button:has-text('Wat houdt u nu bezig')")
    page.reload()
    page.wait_for_selector(f"{ROOT}[data-dlg-ready] .wp-dlg-play", state="attached")
    root = page.locator(ROOT)
    assert "voetbalclub" in root.locator(".wp-dlg-turn").inner_text()
    assert "Een open vraag opent" in root.locator(".wp-dlg-log").inner_text()
    # Instant navigation (no full load: the marker survives) to "Mijn voortgang" and back.
    page.evaluate("() => { window.__marker = 1; }")
    page.click(".md-tabs a[href$='voortgang/']")
    page.wait_for_url(re.compile(r"/voortgang/$"))
    page.wait_for_selector(".wp-dialogue-progress[data-dlg-ready] li")
    assert page.evaluate("() => window.__marker") == 1
    assert page.locator(".wp-dialogue-progress li").inner_text() == \
        "Een kort gesprek: bezig (keuzes gemaakt: 1)"  # never "1 keuzes"
    # The list is part of the record: after the overview, before the buttons (print, export, import, wipe).
    assert page.evaluate("""() => !!(document.querySelector('.wp-report').compareDocumentPosition(
        document.querySelector('.wp-dialogue-progress')) & Node.DOCUMENT_POSITION_FOLLOWING)
        && !!(document.querySelector('.wp-dialogue-progress').compareDocumentPosition(
        document.querySelector('.wp-progress-actions')) & Node.DOCUMENT_POSITION_FOLLOWING)""")
    page.click(".wp-dialogue-progress a")
    page.wait_for_url(re.compile(r"/gesprekken/kort-gesprek/$"))
    page.wait_for_selector(f"{ROOT}[data-dlg-ready] .wp-dlg-play", state="attached")
    assert page.evaluate("() => window.__marker") == 1
    assert "voetbalclub" in root.locator(".wp-dlg-turn").inner_text()
    page.click(f"{ROOT} button:has-text('Vertelt u eens meer over de club.')")
    assert root.get_attribute("data-state") == "end"
    page.click(".md-tabs a[href$='voortgang/']")
    page.wait_for_selector(".wp-dialogue-progress[data-dlg-ready] li")
    assert re.fullmatch(r"Een kort gesprek: afgerond op \d{1,2} [a-z]+ \d{4}: Breed gesprek",
                        page.locator(".wp-dialogue-progress li").inner_text())


def test_progress_with_a_foreign_ending(page: object, base_url: str) -> None:
    page.goto(base_url)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)",
                  [KEY, json.dumps({"path": ["begin"], "choices": [], "ended": "constructor", "date": "x"})])
    page.goto(base_url + "voortgang/")
    page.wait_for_selector(".wp-dialogue-progress[data-dlg-ready] li")
    assert page.locator(".wp-dialogue-progress li").inner_text() == "Een kort gesprek: bezig (keuzes gemaakt: 0)"


def test_progress_before_any_dialogue(page: object, base_url: str) -> None:
    page.goto(base_url + "voortgang/")
    page.wait_for_selector(".wp-dialogue-progress[data-dlg-ready] li")
    assert page.locator(".wp-dialogue-progress h3").inner_text() == "Gesprekken"
    assert page.locator(".wp-dialogue-progress li").inner_text() == "Een kort gesprek: nog niet begonnen"


@pytest.mark.parametrize("bad", [
    {"path": ["begin", "bestaat-niet"], "choices": [0], "ended": None, "date": "2025-01-01T00:00:00Z"},
    {"path": ["begin", "doorvragen"], "choices": [1], "ended": None, "date": "x"},
    {"path": ["begin"], "choices": [], "ended": "begin", "date": "x"},
    {"path": "begin", "choices": 3},
    {"path": ["begin", "__proto__"], "choices": [0], "ended": None, "date": "x"},
    {"path": ["begin", "einde-claim"], "choices": [1], "ended": "constructor", "date": "x"},
    "geen object",
])
def test_bad_stored_state_restarts_with_a_notice(page: object, base_url: str, bad: object) -> None:
    page.goto(base_url)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, json.dumps(bad)])
    open_dialogue(page, base_url)
    root = page.locator(ROOT)
    assert "past niet bij deze versie" in root.locator(".wp-dlg-note").inner_text()
    assert root.get_attribute("data-state") == "play"
    assert root.locator(".wp-dlg-turn button").count() == 2
    assert stored(page)["path"] == ["begin"]


def test_not_json_state_restarts(page: object, base_url: str) -> None:
    page.goto(base_url)
    page.evaluate("k => localStorage.setItem(k, '{kapot')", KEY)
    open_dialogue(page, base_url)
    assert page.locator(f"{ROOT} .wp-dlg-turn button").count() == 2
    assert "past niet bij deze versie" in page.locator(f"{ROOT} .wp-dlg-note").inner_text()


def test_transcript_without_javascript(new_context: object, base_url: str) -> None:
    page = new_context(java_script_enabled=False).new_page()
    page.goto(base_url + PAGE)
    transcript = page.locator(f"{ROOT} .wp-dlg-map")
    assert transcript.is_visible()
    assert transcript.locator(".wp-dlg-node").count() == 5
    text = transcript.inner_text()
    for expected in ("Stap 1", "Wat houdt u nu bezig, als u aan thuis denkt?",
                     "Een open vraag opent het gesprek over wat hij zelf wil.", "Verder bij stap 2",
                     "Einde: Gesprek over de claim", "Het netwerk doet wat het kan"):
        assert expected in text
    assert page.locator(f"{ROOT} button").count() == 0
    # The step links work as anchors.
    page.click(f"{ROOT} a[href='#wp-dlg-kort-gesprek-einde-claim']")
    assert page.url.endswith("#wp-dlg-kort-gesprek-einde-claim")


@pytest.mark.parametrize(("scheme", "width"), [("light", 1280), ("dark", 360)])
def test_axe_on_the_dialogue_page(new_context: object, base_url: str, axe_path: Path, scheme: str,
                                  width: int) -> None:
    page = new_context(color_scheme=scheme, viewport={"width": width, "height": 800}).new_page()
    open_dialogue(page, base_url)
    found = {"start": axe(page, axe_path)}
    page.click(f"{ROOT} button:has-text('Wat houdt u nu bezig')")
    found["turn"] = axe(page, axe_path)
    page.click(f"{ROOT} button:has-text('Wie van de club')")
    found["end"] = axe(page, axe_path)
    # Nothing sticks out of the page at 360 px.
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    page.goto(base_url + "voortgang/")
    page.wait_for_selector(".wp-dialogue-progress[data-dlg-ready] li")
    found["progress"] = axe(page, axe_path)
    problems = {name: lines for name, lines in found.items() if lines}
    assert not problems, "\n".join(f"{name}: {line}" for name, lines in problems.items() for line in lines)


def _luminance(rgb: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_focused_choice_is_readable(new_context: object, base_url: str, scheme: str) -> None:
    """Keyboard focus gives a choice Material's accent background; its text must stay readable (AA, 4.5:1)."""
    page = new_context(color_scheme=scheme).new_page()
    open_dialogue(page, base_url)
    button = page.locator(f"{ROOT} .wp-dlg-turn button").first
    button.focus()
    page.wait_for_timeout(500)  # Material animates the colours
    fg, bg = button.evaluate("b => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor]")
    light, dark = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    assert (light + 0.05) / (dark + 0.05) >= 4.5, (fg, bg)
