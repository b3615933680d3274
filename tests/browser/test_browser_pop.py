"""'Mijn ontwikkeling' (pop.js): self-assessment, snapshots, STARR notes, goals, the overview with its chart,
export, reset, import (and refusal of bad files), the printed POP as PDF, the level rule, axe on both pages."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from real_site import real_site  # noqa: F401 (a fixture)
from test_browser_progress import pass_the_quiz

ROOT = Path(__file__).resolve().parents[2]
COMPETENCE = "competenties/gesprek-voeren/"
POP = "ontwikkeling/"
GOAL = "Ik oefen het doorvragen naar de vraag achter de vraag in drie huisbezoeken"



@pytest.fixture
def pop_page(page: object) -> object:
    page.on("dialog", lambda dialog: dialog.accept())
    return page


def axe(page: object, axe_path: Path) -> list[str]:
    """Serious and critical axe-core violations on the page."""
    page.add_script_tag(path=str(axe_path))
    return page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']})).violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))""")


def open_competence(page: object, base_url: str) -> None:
    page.goto(base_url + COMPETENCE)
    page.wait_for_selector(".wp-pop[data-wp-ready]:not([hidden])")


def open_pop(page: object, base_url: str) -> None:
    page.goto(base_url + POP)
    page.wait_for_selector(".wp-pop-all[data-wp-ready] .wp-pop-on:not([hidden])")


def row(page: object) -> list[str]:
    return page.eval_on_selector("tr[data-c='gesprek-voeren']", "r => Array.from(r.cells, c => c.innerText.trim())")


def stored_pop(page: object) -> object:
    return page.evaluate("() => { const k = Object.keys(localStorage).find(k => k.endsWith('wp:pop'));"
                         " return k ? JSON.parse(localStorage.getItem(k)) : null; }")


def rate(page: object, key: str, value: int) -> None:
    page.check(f".wp-pop-ind[data-k='{key}'] input[value='{value}']")


def test_level_rule(pop_page: object, base_url: str) -> None:
    open_competence(pop_page, base_url)
    cases = pop_page.evaluate("""() => {
        const L = {startbekwaam: ["aaaaaaaa", "bbbbbbbb"], vakbekwaam: ["cccccccc"], vakvolwassen: ["dddddddd"]};
        const r = (v, fp) => ({v, fp});
        const level = window.werkplaatsPop.level;
        return [
          level(L, {}),
          level(L, {"startbekwaam.0": r(2, "aaaaaaaa"), "startbekwaam.1": r(3, "bbbbbbbb")}),
          level(L, {"startbekwaam.0": r(2, "aaaaaaaa"), "startbekwaam.1": r(1, "bbbbbbbb")}),
          level(L, {"startbekwaam.0": r(2, "aaaaaaaa"), "startbekwaam.1": r(2, "bbbbbbbb"),
                    "vakbekwaam.0": r(3, "cccccccc")}),
          level(L, {"startbekwaam.0": r(2, "aaaaaaaa"), "startbekwaam.1": r(2, "bbbbbbbb"),
                    "vakbekwaam.0": r(3, "cccccccc"), "vakvolwassen.0": r(2, "dddddddd")}),
          level(L, {"vakbekwaam.0": r(3, "cccccccc"), "vakvolwassen.0": r(3, "dddddddd")}),
          level(L, {"startbekwaam.0": r(3, "aaaaaaaa"), "startbekwaam.1": r(3, "changed0")}),
          level({startbekwaam: [], vakbekwaam: ["cccccccc"], vakvolwassen: []}, {"vakbekwaam.0": r(3, "cccccccc")}),
        ];
    }""")
    # none; start; one 'soms' blocks; start+vak; all three; higher levels without the lower one count for nothing;
    # a rating of an indicator whose text changed does not count; a level without indicators is never reached
    assert cases == [0, 1, 0, 2, 3, 0, 0, 0]


def test_rate_note_goal_overview_export_import_print(pop_page: object, base_url: str, tmp_path: Path) -> None:
    page = pop_page
    open_competence(page, base_url)
    level = page.locator(".wp-pop-level")
    assert "nog geen niveau" in level.inner_text() and "0 van 3" in level.inner_text()
    # The radios are native inputs in a fieldset with the indicator as legend.
    assert page.locator(".wp-pop-ind[data-k='startbekwaam.0'] legend").inner_text() == "Stelt open vragen."
    rate(page, "startbekwaam.0", 2)
    page.wait_for_function("() => /Startbekwaam/.test(document.querySelector('.wp-pop-level').textContent)")
    rate(page, "vakbekwaam.0", 1)
    page.click(".wp-pop-snap")
    page.wait_for_selector(".wp-pop-snaps li")
    assert re.search(r"\d+ \w+ \d{4}: Startbekwaam", page.locator(".wp-pop-snaps li").inner_text())
    # A STARR note.
    page.click(".wp-pop-add summary")
    page.fill(".wp-pop-note [name=date]", "2026-11-20")
    page.fill(".wp-pop-note [name=situation]", "Huisbezoek bij een oudere dame met een vraag om huishoudelijke hulp.")
    page.fill(".wp-pop-note [name=action]", "Ik vroeg door naar wat ze zelf nog kon en wie er in de buurt woonde.")
    page.fill(".wp-pop-note [name=reflection]", "Volgende keer laat ik meer stiltes vallen.")
    page.click(".wp-pop-note button[type=submit]")
    page.wait_for_selector(".wp-pop-notes li")
    assert "wie er in de buurt woonde" in page.locator(".wp-pop-notes").inner_text()
    # A goal that is not concrete is refused with the reasons, and nothing is stored.
    page.fill(".wp-pop-goal [name=what]", "beter luisteren")
    page.click(".wp-pop-goal button[type=submit]")
    status = page.locator(".wp-pop-goal .wp-status")
    page.wait_for_function("() => /niet concreet/.test(document.querySelector('.wp-pop-goal .wp-status').textContent)")
    assert "drie woorden" in status.inner_text() and "datum" in status.inner_text()
    assert stored_pop(page)["competences"]["gesprek-voeren"]["goals"] == []
    page.fill(".wp-pop-goal [name=what]", GOAL)
    page.fill(".wp-pop-goal [name=how]", "Na elk bezoek bespreek ik een opname met mijn werkbegeleider.")
    page.fill(".wp-pop-goal [name=when]", "2031-06-30")
    page.fill(".wp-pop-goal [name=who]", "mijn werkbegeleider")
    page.click(".wp-pop-goal button[type=submit]")
    page.wait_for_selector(".wp-pop-goals li")
    assert GOAL in page.locator(".wp-pop-goals").inner_text()
    assert page.input_value(".wp-pop-goal [name=what]") == ""
    # The stored shape.
    record = stored_pop(page)["competences"]["gesprek-voeren"]
    fp = page.get_attribute(".wp-pop-ind[data-k='startbekwaam.0']", "data-fp")
    assert record["ratings"]["startbekwaam.0"]["v"] == 2 and record["ratings"]["startbekwaam.0"]["fp"] == fp
    assert record["snapshots"][0]["level"] == 1 and record["notes"][0]["date"] == "2026-11-20"
    assert record["goals"][0]["when"] == "2031-06-30"

    # Reload: everything is back.
    page.reload()
    page.wait_for_selector(".wp-pop[data-wp-ready]:not([hidden])")
    assert page.is_checked(".wp-pop-ind[data-k='startbekwaam.0'] input[value='2']")
    assert page.is_checked(".wp-pop-ind[data-k='vakbekwaam.0'] input[value='1']")
    assert "Startbekwaam" in page.locator(".wp-pop-level").inner_text()
    assert GOAL in page.locator(".wp-pop-goals").inner_text()

    # Mijn ontwikkeling, reached from the competence page's link (instant navigation).
    page.click(".wp-pop .wp-help a")
    page.wait_for_url(re.compile(r"/ontwikkeling/$"))
    page.wait_for_selector(".wp-pop-all[data-wp-ready] .wp-pop-on:not([hidden])")
    assert row(page) == ["Het gesprek voeren", "Startbekwaam", "1", "1"]
    chart = page.locator("svg.wp-pop-chart")
    assert chart.get_attribute("role") == "img" and chart.locator("title").text_content()
    assert "Het gesprek voeren: Startbekwaam" in chart.locator("g[data-c='gesprek-voeren'] text").text_content()
    assert chart.locator("g[data-c='gesprek-voeren'] .wp-bar").get_attribute("width") == "33.3%"
    plan = page.locator("section.wp-pop-item[data-c='gesprek-voeren']").inner_text()
    assert GOAL in plan and "wie er in de buurt woonde" in plan and "uiterlijk 30 juni 2031" in plan
    page.fill("#wp-pop-name", "Sanne de Vries")
    assert page.locator(".wp-pop-who").inner_text() == "Sanne de Vries"

    # Print to PDF: the competence, its level and the goal are in it, and so is room for the coach.
    page.emulate_media(media="print")
    assert page.locator(".wp-pop-coach").first.is_visible()
    assert page.locator(".wp-pop-actions").first.is_hidden()
    pdf = page.pdf(format="A4", print_background=False)
    page.emulate_media(media="screen")
    from pypdf import PdfReader

    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    flat = re.sub(r"\s+", " ", text)
    for expected in ("Het gesprek voeren", "Startbekwaam", GOAL, "Opmerkingen van de coach", "Sanne de Vries"):
        assert expected in flat, expected

    # Export.
    with page.expect_download() as info:
        page.click("[data-act=export]")
    exported = tmp_path / "pop.json"
    info.value.save_as(exported)
    dump = json.loads(exported.read_text(encoding="utf-8"))
    assert dump["format"] == "werkplaats-pop" and dump["version"] == 1 and dump["name"] == "Sanne de Vries"
    assert dump["pop"]["competences"]["gesprek-voeren"]["goals"][0]["what"] == GOAL

    # Reset (confirmed), then import brings it all back.
    page.click("[data-act=reset]")
    page.wait_for_function("() => document.querySelector(\"tr[data-c='gesprek-voeren']\").cells[3].textContent === '0'")
    assert row(page)[1] == "nog geen niveau" and stored_pop(page) is None
    page.set_input_files(".wp-pop-all input[type=file]", str(exported))
    page.wait_for_function("() => /geïmporteerd/.test(document.querySelector('.wp-pop-on > .wp-status').textContent)")
    assert row(page) == ["Het gesprek voeren", "Startbekwaam", "1", "1"]
    assert stored_pop(page) == dump["pop"]

    # Bad and hostile files are refused with a reason, and the plan stays as it was.
    good = dump["pop"]
    record = good["competences"]["gesprek-voeren"]
    bad_files = {
        "not-json.json": ("{format: werkplaats", "geen export van Mijn ontwikkeling"),
        "other.json": (json.dumps({"format": "werkplaats-progress", "version": 2, "items": {}}), "geen export"),
        "future.json": (json.dumps({**dump, "version": 9}), "onbekende versie (9)"),
        "level.json": (json.dumps({**dump, "pop": {"competences": {"gesprek-voeren": {
            **record, "ratings": {"startbekwaam.0": {"v": 7, "fp": "00000000"}}}}}}), "‘gesprek-voeren’"),
        "proto.json": ('{"format": "werkplaats-pop", "version": 1, "pop": {"competences": {"__proto__": '
                       '{"ratings": {}, "snapshots": [], "notes": [], "goals": []}}}}', "‘__proto__’"),
        "markup.json": (json.dumps({**dump, "pop": {"competences": {"gesprek-voeren": {
            **record, "goals": [{**record["goals"][0], "what": "<img src=x onerror=alert(1)>"}]}}}}),
            "‘gesprek-voeren’"),
        "extra.json": (json.dumps({**dump, "pop": {**good, "admin": True}}), "‘pop’"),
        "missing.json": (json.dumps({**dump, "pop": {"competences": {"x": {"ratings": {}}}}}), "‘x’"),
    }
    status = page.locator(".wp-pop-on > .wp-status")
    for name, (content, reason) in bad_files.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        page.evaluate("() => { document.querySelector('.wp-pop-on > .wp-status').textContent = ''; }")
        page.set_input_files(".wp-pop-all input[type=file]", str(path))
        page.wait_for_function("() => /geweigerd/.test(document.querySelector('.wp-pop-on > .wp-status').textContent)")
        assert reason in status.inner_text() and "Er is niets veranderd" in status.inner_text(), name
        assert stored_pop(page) == good, name
        assert row(page) == ["Het gesprek voeren", "Startbekwaam", "1", "1"], name


def test_changed_indicator_is_asked_again(pop_page: object, base_url: str) -> None:
    """A rating stored for an indicator whose text has since changed is shown as such and does not count."""
    page = pop_page
    open_competence(page, base_url)
    rate(page, "startbekwaam.0", 3)
    page.wait_for_function("() => /Startbekwaam/.test(document.querySelector('.wp-pop-level').textContent)")
    page.evaluate("""() => {
        const k = Object.keys(localStorage).find(k => k.endsWith('wp:pop')), v = JSON.parse(localStorage.getItem(k));
        v.competences['gesprek-voeren'].ratings['startbekwaam.0'].fp = '0badf00d';
        localStorage.setItem(k, JSON.stringify(v));
    }""")
    page.reload()
    page.wait_for_selector(".wp-pop[data-wp-ready]:not([hidden])")
    changed = page.locator(".wp-pop-ind[data-k='startbekwaam.0'] .wp-pop-changed")
    assert "aangepast" in changed.inner_text() and "altijd" in changed.inner_text()
    assert not page.is_checked(".wp-pop-ind[data-k='startbekwaam.0'] input[value='3']")
    assert "nog geen niveau" in page.locator(".wp-pop-level").inner_text()
    rate(page, "startbekwaam.0", 2)
    page.wait_for_function("() => /Startbekwaam/.test(document.querySelector('.wp-pop-level').textContent)")
    assert changed.is_hidden()


def test_broken_stored_plan_is_not_used(pop_page: object, base_url: str) -> None:
    page = pop_page
    open_competence(page, base_url)
    page.evaluate("""() => {
        const k = new URL(window.__md_scope).pathname + 'wp:pop';
        localStorage.setItem(k, JSON.stringify({competences: {'gesprek-voeren': 5}}));
    }""")
    page.reload()
    page.wait_for_selector(".wp-notice")
    assert page.locator(".wp-pop").is_hidden()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_on_both_pages(new_context: object, base_url: str, axe_path: Path, scheme: str) -> None:
    context = new_context(color_scheme=scheme)
    page = context.new_page()
    open_competence(page, base_url)
    rate(page, "startbekwaam.0", 2)
    page.click(".wp-pop-snap")
    page.click(".wp-pop-goal button[type=submit]")  # a refused goal shows its message
    page.wait_for_selector(".wp-pop-snaps li")
    assert axe(page, axe_path) == []
    open_pop(page, base_url)
    assert axe(page, axe_path) == []


def test_keyboard_and_narrow_screen(new_context: object, base_url: str) -> None:
    """At 360 px the scale wraps inside the page, and the radios are reached and set with the keyboard."""
    context = new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    open_competence(page, base_url)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
    page.focus(".wp-pop-ind[data-k='startbekwaam.0'] input[value='0']")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.is_checked(".wp-pop-ind[data-k='startbekwaam.0'] input[value='2']")
    page.wait_for_function("() => /Startbekwaam/.test(document.querySelector('.wp-pop-level').textContent)")
    open_pop(page, base_url)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360


def test_chart_labels_fit_a_phone(new_context: object, real_site: str) -> None:  # noqa: F811
    """At 390 px every label of the overview chart lies inside the chart's box. SVG text does not wrap, so pop.py cuts
    long labels into lines; the real site's longest title (47 characters, plus "nog geen niveau") ran 100 px past it."""
    page = new_context(viewport={"width": 390, "height": 844}).new_page()
    page.goto(real_site + POP)
    page.wait_for_selector(".wp-pop-all[data-wp-ready] .wp-pop-on:not([hidden])")
    chart = page.locator("svg.wp-pop-chart").bounding_box()
    labels = page.eval_on_selector_all("svg.wp-pop-chart text", """ts => ts.map(t => {
        const b = t.getBoundingClientRect(); return [t.textContent, b.left, b.top, b.right, b.bottom]; })""")
    assert len(labels) >= 14 and any("vrijwilligers" in t for t, *_ in labels), labels
    outside = [t for t, left, top, right, bottom in labels if left < chart["x"] - 0.5 or top < chart["y"] - 0.5
               or right > chart["x"] + chart["width"] + 0.5 or bottom > chart["y"] + chart["height"] + 0.5]
    assert not outside, (chart, outside)


def test_evidence_from_the_site(pop_page: object, base_url: str) -> None:
    """A passed module quiz and read lessons show as linked evidence; what is not done yet is a learning activity."""
    page = pop_page
    open_competence(page, base_url)
    assert "Nog geen bewijs" in page.locator(".wp-pop-ev").inner_text()
    assert page.locator(".wp-pop-todo li:not([hidden]) a[href$='modules/mini/']").count() == 1
    pass_the_quiz(page, base_url)
    page.wait_for_function("() => Object.keys(localStorage).some(k => k.endsWith('wp:quiz:wp-quiz-mini'))")
    for unit in ("intro", "verdieping"):
        page.goto(base_url + f"modules/mini/{unit}/")
    open_competence(page, base_url)
    evidence = page.locator(".wp-pop-ev").inner_text()
    assert "Toets gehaald: Mini-module" in evidence and "Alle lessen gelezen: Mini-module" in evidence
    assert page.locator(".wp-pop-ev a[href$='modules/mini/']").count() == 2
    assert page.locator(".wp-pop-todo li:not([hidden]) a[href$='modules/mini/']").count() == 0
    open_pop(page, base_url)
    assert row(page)[2] == "2"


def test_evidence_rules(pop_page: object, base_url: str) -> None:
    """Evidence from stored records: a case page visited, an instrument done, a dialogue ended (with the tally of
    this competence's scores along the path); records that do not fit give no evidence."""
    page = pop_page
    page.goto(base_url + "casussen/meneer-bakker/")
    page.wait_for_selector("[data-wp-visit][data-wp-ready]", state="attached")
    open_competence(page, base_url)
    found = page.evaluate("""() => {
        const {store} = window.werkplaats, date = '2026-11-02T10:00:00.000Z';
        store.set('instrument:kwaliteit', {done: true, date});
        store.set('instrument:other', {done: false, date});
        store.set('dialogue:bakker', {path: ['n1', 'n2', 'end'], choices: [0, 1], ended: 'end', date});
        store.set('dialogue:proto', {path: ['n1'], choices: [0], ended: 'constructor', date});
        store.set('quiz:wp-check-0a1b2c3d', {kind: 'check', module: 'mini', title: 'Test jezelf',
            path: '/modules/mini/intro/', graded: true,
            result: {score: 2, max: 3, percent: 66.67, passed: null, mark: null, date}});
        store.set('quiz:wp-check-99999999', {kind: 'check', module: 'other', title: 'Test jezelf', path: '/x/',
            graded: true, result: {score: 1, max: 1, percent: 100, passed: null, mark: null, date}});
        const c = {modules: [{id: 'mini', title: 'Mini-module', url: 'm/', units: ['../../modules/mini/nooit/']}],
                   cases: [{id: 'meneer-bakker', title: 'Meneer Bakker', url: '../../casussen/meneer-bakker/'},
                                        {id: 'x', title: 'Niet gelezen', url: '../../casussen/x/'}],
                   instruments: [{id: 'kwaliteit', title: 'Kwaliteit', url: 'k/'},
                                 {id: 'other', title: 'Ander', url: 'o/'}],
                   dialogues: [{id: 'bakker', title: 'Gesprek met Bakker', url: 'd/', endings: {end: 'Breed gesprek'},
                                scores: {n1: [2, -1], n2: [0, 1]}},
                               {id: 'proto', title: 'Proto', url: 'p/', endings: {end: 'x'}, scores: {}}]};
        return window.werkplaatsPop.evidence(c).map(e => e[0] + ' | ' + e[1]);
    }""")
    assert found == ["Test jezelf in Mini-module: 2 van 3 goed | /modules/mini/intro/",
                     "Casus gelezen: Meneer Bakker | ../../casussen/meneer-bakker/",
                     "Instrument ingevuld: Kwaliteit | k/",
                     "Gesprek geoefend: Gesprek met Bakker (Breed gesprek; score +3) | d/"]


def test_evidence_from_a_played_dialogue(pop_page: object, base_url: str) -> None:
    """Playing the minimal site's dialogue to an ending gives evidence with the verdict and this competence's tally
    (+2 for the open question, +1 for asking about the club)."""
    page = pop_page
    page.goto(base_url + "gesprekken/kort-gesprek/")
    page.wait_for_selector("[data-dialogue='kort-gesprek'][data-dlg-ready] .wp-dlg-play", state="attached")
    page.click("[data-dialogue='kort-gesprek'] button:has-text('Wat houdt u nu bezig')")
    page.click("[data-dialogue='kort-gesprek'] button:has-text('Wie van de club')")
    open_competence(page, base_url)
    evidence = page.locator(".wp-pop-ev").inner_text()
    assert "Gesprek geoefend: Een kort gesprek (Plan op de ladder; score +3)" in evidence
    assert page.locator(".wp-pop-todo li:not([hidden]) a[href$='gesprekken/kort-gesprek/']").count() == 0
