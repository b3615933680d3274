"""A learner's work in the browser is never lost or corrupted: stable keys (schema 2), migration of version 1,
checked imports that change nothing when refused, notices with a repair for broken stored data, and the
pluggable storage backend of the SCORM bridge."""

from __future__ import annotations

import json
from pathlib import Path

from test_browser_a11y import axe
from test_browser_progress import module_row, open_progress, pass_the_quiz
from wp_variant import variant

QUIZ = "modules/mini/toets/"
FORM = "#wp-quiz-mini"
SCOPE = "() => new URL(__md_scope).pathname + 'wp:'"
SNAPSHOT = "() => JSON.stringify(Object.entries(localStorage).sort())"


def stored(page: object) -> dict[str, object]:
    """Every werkplaats key of the site's scope, without the prefix."""
    return page.evaluate("""() => { const p = new URL(__md_scope).pathname + 'wp:', out = {};
        for (const k of Object.keys(localStorage))
            if (k.startsWith(p)) out[k.slice(p.length)] = JSON.parse(localStorage[k]);
        return out; }""")


def open_quiz(page: object, url: str) -> None:
    page.goto(url + QUIZ)
    page.wait_for_selector(f"{FORM}[data-wp-ready]", state="attached")


def import_file(page: object, path: Path) -> str:
    page.evaluate("() => { document.querySelector('.wp-progress [role=status]').textContent = ''; }")
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Voortgang importeren").click()
    chooser.value.set_files(path)
    status = page.locator(".wp-progress [role=status]")
    page.wait_for_function("() => document.querySelector('.wp-progress [role=status]').textContent !== ''")
    return status.inner_text()


def test_feedback_typo_fix_keeps_a_passed_test_and_a_changed_question_is_marked(
        browser: object, tmp_path: Path) -> None:
    with variant(tmp_path) as site:
        site.build()
        context = browser.new_context(locale="nl-NL")
        page = context.new_page()
        page.set_default_timeout(10_000)
        pass_the_quiz(page, site.url)
        assert stored(page)["quiz:wp-quiz-mini"]["result"]["passed"] is True
        # A typo fixed in one option's feedback: the test stays passed, the answers stay.
        bank = site.read("modules/mini/questions.yml")
        site.write("modules/mini/questions.yml", bank.replace("die komt als laatste.", "die komt pas als laatste."))
        site.build()
        open_quiz(page, site.url)
        assert page.is_checked("input[name='wp-quiz-mini-m-01'][value='0']")
        assert "4 van 6 punten" in page.locator(f"{FORM} .wp-score").inner_text()
        assert page.locator(".wp-changed").count() == 0
        open_progress(page, site.url)
        assert module_row(page)[4] == "Geslaagd" and module_row(page)[3].startswith("67% (4/6)")
        # An option really changed: the old result is kept, marked, and the question says so.
        site.write("modules/mini/questions.yml", bank.replace("{text: De professional,", "{text: De consulent,"))
        site.build()
        open_quiz(page, site.url)
        changed = page.locator(f"{FORM}-m-01 .wp-changed")
        assert "Gewijzigd sinds je het maakte" in changed.inner_text()
        assert not page.is_checked("input[name='wp-quiz-mini-m-01'][value='0']")
        assert page.input_value("input[name='wp-quiz-mini-m-04']") == "compensatieplicht"  # unchanged: kept
        assert "67%" in page.locator(f"{FORM} .wp-score").inner_text()
        open_progress(page, site.url)
        row = module_row(page)
        assert row[4] == "Geslaagd" and "gewijzigd sinds je het maakte" in row[3]
        context.close()


def test_version_1_keys_are_migrated_on_first_load(page: object, base_url: str) -> None:
    page.goto(base_url)
    page.evaluate("""() => { const p = new URL(__md_scope).pathname + 'wp:';
        localStorage.setItem(p + 'wp-quiz-mini@0123456789', JSON.stringify({graded: true,
            answers: {'wp-quiz-mini-m-01': ['0'], 'wp-quiz-mini-m-04': 'compensatieplicht',
                      'wp-quiz-mini-m-05-0': '0', 'wp-quiz-mini-m-05-2': '2'},
            result: {score: 4, max: 6, percent: 66.67, passed: true, mark: 60, date: '2026-01-05T10:00:00.000Z'}}));
        localStorage.setItem(p + 'wp-instrument-kwaliteit@abcdef0123', JSON.stringify({done: true,
            date: '2026-01-06T10:00:00.000Z', title: 'Kwaliteit',
            answers: {'wp-instrument-kwaliteit-t1': ['3'], 'wp-instrument-kwaliteit-g1': ['1']}}));
        localStorage.setItem(p + 'visits', JSON.stringify({'/modules/mini/intro/': '2026-01-04T10:00:00.000Z'}));
    }""")
    page.reload()
    page.wait_for_function(f"() => localStorage.getItem(({SCOPE})() + 'schema') === '2'")
    keys = stored(page)
    assert "wp-quiz-mini@0123456789" not in keys and "wp-instrument-kwaliteit@abcdef0123" not in keys
    assert keys["quiz:wp-quiz-mini"]["result"]["score"] == 4
    open_progress(page, base_url)
    row = module_row(page)
    assert row[2] == "1 van 2" and row[3].startswith("67% (4/6)") and row[4] == "Geslaagd"
    assert "Kwaliteit: ingevuld op 6 januari 2026" in page.locator(".wp-report ul").inner_text()
    open_quiz(page, base_url)
    assert page.is_checked("input[name='wp-quiz-mini-m-01'][value='0']")
    assert page.input_value("select[name='wp-quiz-mini-m-05-2']") == "2"
    assert page.input_value("select[name='wp-quiz-mini-m-05-1']") == ""
    assert stored(page)["quiz:wp-quiz-mini"]["answers"]["m-05"] == ["0", "", "2"]
    page.goto(base_url + "instrumenten/kwaliteit/")
    page.wait_for_selector("#wp-instrument-kwaliteit .wp-profile table", state="attached")
    assert page.is_checked("input[name='wp-instrument-kwaliteit-t1'][value='3']")
    assert stored(page)["instrument:kwaliteit"]["answers"] == {"t1": 3, "g1": 1}


HOSTILE = {
    "an object where the name belongs": {"name": {"toString": 1}},
    "a number where visits belong": {"visits": 5},
    "markup in a value": {"name": "<img src=x onerror=alert(1)>"},
    "an unknown key": {"quiz:wp-quiz-mini": {"result": None}, "password": "x"},
    "a wrong type inside a result": {"quiz:wp-quiz-mini": {"result": {"score": "10", "max": 6, "percent": 100,
                                                                      "passed": True, "mark": 60,
                                                                      "date": "2026-01-01T00:00:00.000Z"}}},
    "a huge string": {"dialogue:intro": {"text": "x" * 20_000}},
}


def test_hostile_imports_are_refused_and_change_nothing(page: object, base_url: str, tmp_path: Path) -> None:
    pass_the_quiz(page, base_url)
    open_progress(page, base_url)
    page.get_by_label("Je naam op het overzicht").fill("Sam")
    before = page.evaluate(SNAPSHOT)
    files = {name: {"format": "werkplaats-progress", "version": 2, "exported": "2026-01-01T00:00:00.000Z",
                    "items": items} for name, items in HOSTILE.items()}
    files["a future version"] = {"format": "werkplaats-progress", "version": 7, "items": {}}
    for index, (name, data) in enumerate(files.items()):
        path = tmp_path / f"bad-{index}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        message = import_file(page, path)
        assert "niets veranderd" in message, name
        assert page.evaluate(SNAPSHOT) == before, name
    big = tmp_path / "big.json"  # 5 MB
    big.write_text(json.dumps({"format": "werkplaats-progress", "version": 2,
                               "items": {"name": "x" * (5 * 1024 * 1024)}}), encoding="utf-8")
    assert "groter dan 1 MB" in import_file(page, big)
    assert page.evaluate(SNAPSHOT) == before
    # "Mijn voortgang" still works: the table, the name and every button.
    assert module_row(page)[4] == "Geslaagd"
    assert page.input_value(".wp-progress-actions input[type=text]") == "Sam"
    assert page.locator(".wp-progress-actions button").count() == 4
    assert page.locator(".wp-notice").count() == 0


def test_an_older_export_is_merged_not_replacing_newer_work(page: object, base_url: str, tmp_path: Path) -> None:
    pass_the_quiz(page, base_url)  # today, 4 of 6
    older = {"format": "werkplaats-progress", "version": 1, "exported": "2025-01-01T00:00:00.000Z", "items": {
        "wp-quiz-mini@0123456789": {"graded": True, "answers": {}, "result": {
            "score": 1, "max": 6, "percent": 16.7, "passed": False, "mark": 60, "date": "2025-01-01T00:00:00.000Z"}},
        "wp-check-0a1b2c3d@0123456789": {"graded": True, "answers": {}, "result": {
            "score": 2, "max": 2, "percent": 100, "passed": None, "mark": None, "date": "2025-01-02T00:00:00.000Z"}},
        "visits": {"/modules/mini/verdieping/": "2025-01-01T00:00:00.000Z"},
        "name": "Sam de Vries"}}
    path = tmp_path / "older.json"
    path.write_text(json.dumps(older), encoding="utf-8")
    open_progress(page, base_url)
    message = import_file(page, path)
    # Counts in a list ("lessen 1"), so that no number reads as wrong Dutch ("1 lessen").
    assert "Toegevoegd of bijgewerkt: toetsresultaten 1, instrumenten 0, lessen 1, andere onderdelen 0." in message, \
        message
    row = module_row(page)
    assert row[4] == "Geslaagd" and row[3].startswith("67% (4/6)")  # the newer result won
    assert row[2] == "1 van 2"  # the visited lesson came in
    assert page.input_value(".wp-progress-actions input[type=text]") == "Sam de Vries"
    keys = stored(page)
    assert "quiz:wp-check-0a1b2c3d" in keys and keys["schema"] == 2


def test_an_import_that_does_not_fit_in_storage_changes_nothing(page: object, base_url: str,
                                                                 tmp_path: Path) -> None:
    pass_the_quiz(page, base_url)
    open_progress(page, base_url)
    # Fill the storage until about 300 kB are left.
    page.evaluate("""() => { const chunk = 'f'.repeat(256 * 1024); let i = 0;
        try { for (;; i++) localStorage.setItem('filler-' + i, chunk); } catch (e) { }
        localStorage.removeItem('filler-' + (i - 1)); }""")
    before = page.evaluate(SNAPSHOT)
    items = {f"dialogue:d{n}": {"notes": ["y" * 9000] * 10} for n in range(10)}  # about 900 kB
    items["quiz:wp-quiz-mini"] = {"graded": True, "answers": {}, "result": {
        "score": 6, "max": 6, "percent": 100, "passed": True, "mark": 60, "date": "2099-01-01T00:00:00.000Z"}}
    path = tmp_path / "near-quota.json"
    path.write_text(json.dumps({"format": "werkplaats-progress", "version": 2, "items": items}), encoding="utf-8")
    assert path.stat().st_size < 1024 * 1024
    message = import_file(page, path)
    assert "te vol" in message and "niets veranderd" in message
    assert page.evaluate(SNAPSHOT) == before
    assert module_row(page)[3].startswith("67% (4/6)")
    page.evaluate("() => { for (const k of Object.keys(localStorage)) if (k.startsWith('filler-')) "
                  "localStorage.removeItem(k); }")


def test_broken_stored_data_gives_a_notice_with_a_repair(page: object, base_url: str, axe_path: Path) -> None:
    pass_the_quiz(page, base_url)
    page.evaluate(f"() => localStorage.setItem(({SCOPE})() + 'visits', '5')")
    open_progress(page, base_url)
    assert module_row(page)[4] == "Geslaagd"  # the rest still works
    notice = page.locator(".wp-notice")
    assert notice.count() == 1 and "beschadigd" in notice.inner_text()
    assert axe(page, axe_path) == []
    with page.expect_navigation():
        notice.get_by_role("button").click()
    open_progress(page, base_url)
    assert page.locator(".wp-notice").count() == 0
    keys = stored(page)
    assert "visits" not in keys and keys["quiz:wp-quiz-mini"]["result"]["passed"] is True  # only the broken part
    # A broken quiz record: the quiz still starts, with a notice that resets just that quiz.
    page.evaluate(f"() => localStorage.setItem(({SCOPE})() + 'quiz:wp-quiz-mini', '{{\"answers\": 3}}')")
    open_quiz(page, base_url)
    assert page.locator(".wp-notice").count() == 1
    assert page.locator(f"{FORM} .wp-check").is_visible()


def test_storage_backend_of_the_scorm_bridge(new_context: object, base_url: str) -> None:
    context = new_context()
    context.add_init_script("""window.__wpStorage = (() => { const m = new Map(); return {
        getItem: k => (m.has(k) ? m.get(k) : null), setItem: (k, v) => { m.set(k, String(v)); },
        removeItem: k => { m.delete(k); }, key: i => Array.from(m.keys())[i] ?? null, get length() { return m.size; },
        dump: () => Object.fromEntries(m) }; })();""")
    page = context.new_page()
    open_quiz(page, base_url)
    page.fill("input[name='wp-quiz-mini-m-04']", "compensatieplicht")
    own = page.evaluate("() => window.__wpStorage.dump()")
    assert any(k.endswith("wp:quiz:wp-quiz-mini") for k in own)
    assert not any("wp:" in k for k in page.evaluate("() => Object.keys(localStorage)"))
    api = page.evaluate("() => Object.keys(window.werkplaats).sort()")
    assert api == ["$$", "T", "answerOf", "button", "date", "day", "download", "fill", "h", "is", "isObj", "json",
                   "list", "map", "mix", "notice", "pathOf", "register", "say", "shape", "site", "store", "text"]


def test_a_full_storage_is_reported_not_silent(new_context: object, base_url: str) -> None:
    context = new_context()
    context.add_init_script("""window.__wpStorage = { getItem: () => null, key: () => null, length: 0,
        removeItem() { }, setItem() { throw new DOMException('full', 'QuotaExceededError'); } };""")
    page = context.new_page()
    open_quiz(page, base_url)
    assert page.evaluate("() => window.werkplaats.store.set('name', 'Sam')") is False
    page.fill("input[name='wp-quiz-mini-m-04']", "x")
    notice = page.locator(".wp-notice")
    assert notice.count() == 1 and "niet bewaren" in notice.inner_text()
    # register: a later feature's widgets are set up on this and every next page.
    page.evaluate("""() => window.werkplaats.register('.wp-question', el => el.setAttribute('data-seen', '1'))""")
    assert page.locator(".wp-question[data-seen]").count() == 7
