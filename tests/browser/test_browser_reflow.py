"""Reflow (WCAG 1.4.10) and zoom: every kind of page, in the state a learner leaves it in, fits the width of the
window at 320 CSS px (1280 px at 400 % zoom) and at 640 CSS px (1280 px at 200 % zoom): nothing makes the page
scroll sideways, and no button, field or link lies outside the window, so nothing is out of reach on a phone or
for someone who zooms in."""

from __future__ import annotations

import pytest

PAGES = ["", "modules/mini/", "modules/mini/intro/", "modules/mini/toets/", "gesprekken/kort-gesprek/",
         "competenties/gesprek-voeren/", "competenties/matrix/", "ontwikkeling/", "voortgang/", "herhalen/",
         "instrumenten/kwaliteit/", "casussen/meneer-bakker/", "methodieken/", "begrippen/"]

#: Controls and links of the page content (Material's own header and drawer have their own narrow layout).
OUTSIDE = """(width) => [...document.querySelectorAll(['button', 'input:not([type=hidden])', 'select', 'textarea', 'a']
    .map(s => '.md-content ' + s).join(', '))]
  .filter(e => {
    if (e.closest('.md-typeset__scrollwrap, .wp-table-wrap, .highlight, pre')) return false;  // scroll on purpose
    const r = e.getBoundingClientRect();
    if (!r.width || !r.height) return false;  // hidden
    return r.left < -1 || r.right > width + 1;
  })
  .map(e => e.outerHTML.slice(0, 120))"""


def leave_work(page: object, base_url: str) -> None:
    """What a learner does on the site: a graded exam (review shown), a dialogue to its end, a rated indicator with
    a goal, an instrument filled in; the pages then show their fullest state."""
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(base_url + "modules/mini/toets/")
    form = page.locator("form.wp-quiz").first
    form.locator("button.wp-check").click()
    submit_anyway = form.get_by_role("button", name="Toch inleveren")
    if submit_anyway.count():
        submit_anyway.click()
    assert form.locator(".wp-question[data-result]").count() > 0  # the review is shown
    page.goto(base_url + "gesprekken/kort-gesprek/")
    root = page.locator("[data-dialogue]")
    while root.get_attribute("data-state") != "end":
        root.locator(".wp-dlg-choose button").first.click()
    page.goto(base_url + "competenties/gesprek-voeren/")
    page.locator(".wp-pop-ind input[value='2']").first.check()
    page.fill(".wp-pop-goal [name=what]", "Ik oefen het doorvragen naar de vraag achter de vraag in drie huisbezoeken")
    page.fill(".wp-pop-goal [name=how]", "Na elk bezoek bespreek ik een opname met mijn werkbegeleider.")
    page.fill(".wp-pop-goal [name=when]", "2031-06-30")
    page.fill(".wp-pop-goal [name=who]", "mijn werkbegeleider")
    page.click(".wp-pop-goal button[type=submit]")
    page.locator(".wp-pop-goals li").first.wait_for()
    page.goto(base_url + "instrumenten/kwaliteit/")
    for group in page.locator("form.wp-instrument fieldset").all():
        group.locator("input[type=radio]").last.check()


@pytest.mark.parametrize(("width", "scale"), [(320, 1), (640, 2)], ids=["400-percent", "200-percent"])
def test_every_page_reflows(new_context: object, base_url: str, width: int, scale: int) -> None:
    context = new_context(viewport={"width": width, "height": 720}, device_scale_factor=scale)
    page = context.new_page()
    page.set_default_timeout(10_000)
    leave_work(page, base_url)
    problems = []
    for path in PAGES:
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        page.wait_for_timeout(100)  # the widgets draw themselves after load
        scroll = page.evaluate("() => document.documentElement.scrollWidth")
        if scroll > width:
            problems.append(f"{path or '/'}: the page scrolls sideways ({scroll} px wide)")
        problems += [f"{path or '/'}: outside the window: {html}" for html in page.evaluate(OUTSIDE, width)]
    assert not problems, "\n".join(problems)
