"""axe-core on every kind of page, in the light and the dark scheme: no serious or critical violations."""

from __future__ import annotations

from pathlib import Path

import pytest

PAGES = {
    "home": "", "method": "methodieken/het-gesprek/", "case": "casussen/meneer-bakker/", "module": "modules/mini/",
    "unit": "modules/mini/intro/", "quiz": "modules/mini/toets/", "instrument": "instrumenten/kwaliteit/",
    "glossary": "begrippen/", "progress": "voortgang/", "methods": "methodieken/", "matrix": "competenties/matrix/",
}


def axe(page: object, axe_path: Path) -> list[str]:
    """Serious and critical violations on the page, one line each."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(axe_path))
    violations = page.evaluate("""async () => {
        // Let transitions end first (Material's tabs fade when the page scrolls): axe reads the colours.
        await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
        const result = await axe.run(document, {resultTypes: ['violations']});
        return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => `${v.impact} ${v.id}: ${v.nodes.slice(0, 4).map(n => n.target.join(' ') + ' ' +
                (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 160)).join(' | ')}`);
    }""")
    return violations


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages(new_context: object, base_url: str, axe_path: Path, scheme: str) -> None:
    page = new_context(color_scheme=scheme).new_page()
    found = {}
    for name, path in PAGES.items():
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        page.wait_for_function("() => !document.querySelector('form.wp-quiz, form.wp-instrument, .wp-progress, "
                               "form.wp-filter') || document.querySelector('[data-wp-ready]')")
        expected = "slate" if scheme == "dark" else "default"
        assert page.get_attribute("body", "data-md-color-scheme") == expected
        problems = axe(page, axe_path)
        if problems:
            found[name] = problems
    assert not found, "\n".join(f"{name}: {line}" for name, lines in found.items() for line in lines)


@pytest.mark.parametrize(("scheme", "width"), [("light", 1280), ("dark", 1280), ("light", 360), ("dark", 360)])
def test_states_after_use(new_context: object, base_url: str, axe_path: Path, scheme: str, width: int) -> None:
    """Graded quiz, profile and team profile, filled-in progress page, filtered index; wide and at 360 px."""
    page = new_context(color_scheme=scheme, viewport={"width": width, "height": 800}).new_page()
    found = {}
    page.goto(base_url + "modules/mini/toets/")
    page.wait_for_selector("#wp-quiz-mini[data-wp-ready]", state="attached")
    page.check("input[name='wp-quiz-mini-m-01'][value='1']")
    page.check("input[name='wp-quiz-mini-m-02'][value='0']")
    page.fill("input[name='wp-quiz-mini-m-04']", "compensatieplicht")
    page.select_option("select[name='wp-quiz-mini-m-05-0']", "0")
    page.select_option("select[name='wp-quiz-mini-m-06-0']", "2")
    page.click("#wp-quiz-mini .wp-check")
    found["graded quiz"] = axe(page, axe_path)
    page.goto(base_url + "instrumenten/kwaliteit/")
    page.wait_for_selector("#wp-instrument-kwaliteit[data-wp-ready]", state="attached")
    page.check("input[name='wp-instrument-kwaliteit-t1'][value='2']")
    page.click("#wp-instrument-kwaliteit button[type=submit]")
    code = page.input_value(".wp-code")
    page.click("details.wp-team summary")
    page.fill("details.wp-team textarea", f"{code}\n{code}\nonzin")
    page.click("details.wp-team .md-button")
    page.wait_for_selector("details.wp-team table")
    found["profile"] = axe(page, axe_path)
    page.goto(base_url + "voortgang/")
    page.wait_for_selector(".wp-report table")
    found["progress"] = axe(page, axe_path)
    page.goto(base_url + "methodieken/")
    page.wait_for_selector("form.wp-filter:visible")
    page.locator("form.wp-filter select").first.select_option(index=1)
    found["filter"] = axe(page, axe_path)
    page.goto(base_url + "competenties/matrix/")
    found["matrix"] = axe(page, axe_path)
    problems = {name: lines for name, lines in found.items() if lines}
    assert not problems, "\n".join(f"{name}: {line}" for name, lines in problems.items() for line in lines)
