"""'Mijn voortgang' on a 390 px phone: the table fits the screen, result column included (a phone shows no
scroll bar, so a table that only scrolls hides its last column)."""

from __future__ import annotations

from test_browser_progress import PROGRESS, pass_the_quiz


def test_progress_table_at_390_px(new_context: object, base_url: str) -> None:
    page = new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True).new_page()
    pass_the_quiz(page, base_url)
    page.goto(base_url + PROGRESS)
    page.wait_for_selector(".wp-report table", state="attached")
    # Nothing sticks out of the page: the page itself never scrolls sideways.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    wrap = page.locator(".wp-report .wp-table-wrap").first
    box = wrap.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert wrap.evaluate("w => w.scrollWidth <= w.clientWidth")
    cell = page.locator(".wp-report tbody tr td").last
    cell_box, wrap_box = cell.bounding_box(), wrap.bounding_box()
    assert cell.inner_text().strip() == "Geslaagd"
    assert cell_box["x"] + cell_box["width"] <= wrap_box["x"] + wrap_box["width"] + 1
    page.screenshot(path="/tmp/wp-phone.png")
