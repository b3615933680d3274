"""axe-core on every kind of page of the test site, with Material's instant navigation and its progress bar
(`navigation.instant.progress`): no serious or critical violation, neither on a page loaded directly nor on a page
reached by instant navigation."""

from __future__ import annotations

from pathlib import Path

import pytest

#: One page of each kind: home, every generated item type, the module pages, the quiz, progress, glossary, the
#: index pages, the matrix and the 404 page.
PAGES = {
    "home": "",
    "method": "methodieken/het-gesprek/",
    "case": "casussen/meneer-bakker/",
    "competence": "competenties/gesprek-voeren/",
    "knowledge circle": "kenniskringen/zeggenschap/",
    "instrument": "instrumenten/kwaliteit/",
    "module": "modules/mini/",
    "unit": "modules/mini/intro/",
    "unit with questions": "modules/mini/verdieping/",
    "quiz": "modules/mini/toets/",
    "progress": "voortgang/",
    "development plan": "ontwikkeling/",
    "dialogue": "gesprekken/kort-gesprek/",
    "review": "herhalen/",
    "glossary": "begrippen/",
    "methods index": "methodieken/",
    "cases index": "casussen/",
    "competences index": "competenties/",
    "circles index": "kenniskringen/",
    "instruments index": "instrumenten/",
    "modules index": "modules/",
    "dialogues index": "gesprekken/",
    "matrix": "competenties/matrix/",
    "404": "404.html",
}

READY = ("() => !document.querySelector('form.wp-quiz, form.wp-instrument, .wp-progress, form.wp-filter') "
         "|| document.querySelector('[data-wp-ready]')")


def serious_violations(page: object, axe_path: Path) -> list[str]:
    """Serious and critical axe violations on the page, one line each."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(axe_path))
    return page.evaluate("""async () => {
        // Let transitions end first (Material's tabs fade when the page scrolls): axe reads the colours.
        await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
        const result = await axe.run(document, {resultTypes: ['violations']});
        return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => `${v.impact} ${v.id}: ${v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(' | ')}`);
    }""")


def test_every_kind_of_page_is_covered(site_dir: Path) -> None:
    """Each section of the built site has a page in PAGES, so a new kind of page cannot slip past this test."""
    sections = {path.relative_to(site_dir).parts[0] for path in site_dir.glob("*/**/index.html")}
    sections.discard("search")
    covered = {path.split("/")[0] for path in PAGES.values() if "/" in path}
    assert sections <= covered, f"sections without a page in PAGES: {sorted(sections - covered)}"
    for path in PAGES.values():
        target = site_dir / path if path.endswith(".html") else site_dir / path / "index.html"
        assert target.is_file(), path


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_kind_of_page_has_no_serious_violation(new_context: object, base_url: str, axe_path: Path,
                                                    scheme: str) -> None:
    page = new_context(color_scheme=scheme).new_page()
    page.set_default_timeout(10_000)
    found: dict[str, list[str]] = {}
    for name, path in PAGES.items():
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        page.wait_for_function(READY)
        # The progress bar of instant navigation is on every page, with a name.
        bar = page.locator(".md-progress[role=progressbar]")
        assert bar.count() == 1, f"{name}: no progress bar (is navigation.instant.progress on?)"
        assert (bar.get_attribute("aria-label") or "").strip(), f"{name}: the progress bar has no name"
        problems = serious_violations(page, axe_path)
        if problems:
            found[name] = problems
    assert not found, "\n".join(f"{name}: {line}" for name, lines in found.items() for line in lines)


def test_pages_reached_by_instant_navigation(new_context: object, base_url: str, axe_path: Path) -> None:
    """After Material swaps in a page without a reload, the page (progress bar included) still passes axe."""
    page = new_context(color_scheme="light").new_page()
    page.set_default_timeout(10_000)
    page.goto(base_url)
    page.wait_for_load_state("load")
    page.evaluate("() => { window.wpNoReload = true; }")
    found: dict[str, list[str]] = {}
    for link, expected in [("methodieken/", "methodieken/"), ("modules/", "modules/")]:
        page.locator(f".md-tabs a[href$='{link}']").first.click()
        page.wait_for_url(base_url + expected)
        page.wait_for_function(READY)
        # Instant navigation keeps the window: a full reload would have dropped this flag.
        assert page.evaluate("() => window.wpNoReload === true"), "the link was followed by a full page load"
        problems = serious_violations(page, axe_path)
        if problems:
            found[expected] = problems
    assert not found, "\n".join(f"{name}: {line}" for name, lines in found.items() for line in lines)
