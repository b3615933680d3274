"""Index filters: hidden without JavaScript, with it they filter the list and count what is shown."""

from __future__ import annotations


def test_filter_methods(page: object, base_url: str) -> None:
    page.goto(base_url + "methodieken/")
    form = page.locator("form.wp-filter")
    form.wait_for(state="visible")
    items = page.locator("#wp-list-methodieken > li")
    count = form.locator("output")
    assert items.count() == 2 and count.inner_text() == "2 van 2 getoond"
    assert count.get_attribute("aria-live") == "polite"
    theme = form.get_by_label("Thema")
    theme.select_option("Netwerk")
    assert count.inner_text() == "1 van 2 getoond"
    assert items.nth(0).is_hidden() is (items.nth(0).inner_text().startswith("Het gesprek"))
    assert page.locator("#wp-list-methodieken > li:visible a").inner_text() == "Netwerkberaad"
    theme.select_option("Toegang en gesprek")  # both methods have this theme (values split on |)
    assert count.inner_text() == "2 van 2 getoond"
    form.get_by_label("Competentie").select_option("gesprek-voeren")
    assert count.inner_text() == "1 van 2 getoond"
    assert page.locator("#wp-list-methodieken > li:visible a").inner_text() == "Het gesprek"
    theme.select_option("Netwerk")
    assert count.inner_text() == "0 van 2 getoond"
    theme.select_option("")
    form.get_by_label("Competentie").select_option("")
    assert count.inner_text() == "2 van 2 getoond" and items.nth(1).is_visible()


def test_filter_after_instant_navigation(page: object, base_url: str) -> None:
    page.goto(base_url)
    page.evaluate("() => { window.__same_document = true; }")
    page.click(".md-tabs a[href$='methodieken/']")
    page.wait_for_selector("form.wp-filter[data-wp-ready]:visible")
    assert page.evaluate("() => window.__same_document") is True
    page.locator("form.wp-filter").get_by_label("Thema").select_option("Netwerk")
    assert page.locator("form.wp-filter output").inner_text() == "1 van 2 getoond"
