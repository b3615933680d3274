"""Walkthrough of the English UI (`theme.language: en`): a learner finishes a dialogue and opens "My progress". The
dialogue's date was written the American way ("12/3/2026", from `lang="en"`), which a European reader takes for
12 March, while every other date on the page reads "3 December 2026". Dutch stays Dutch ("3 december 2026")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from wp_variant import variant

PAGE = "gesprekken/kort-gesprek/"
ROOT = "[data-dialogue='kort-gesprek']"
LONG = r"\b\d{1,2} [A-Za-z]+ \d{4}\b"  # 3 December 2026 / 3 december 2026


@pytest.mark.parametrize(("language", "finished"), [("en", "finished on"), ("nl", "afgerond op")])
def test_dialogue_date_reads_like_the_others(browser: object, tmp_path: Path, language: str, finished: str) -> None:
    with variant(tmp_path) as site:
        config = yaml.safe_load(site.read("mkdocs.yml"))
        config["theme"]["language"] = language
        site.write("mkdocs.yml", yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
        site.build()
        context = browser.new_context(locale="en-US" if language == "en" else "nl-NL")
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto(site.url + PAGE)
        page.wait_for_selector(f"{ROOT}[data-dlg-ready] .wp-dlg-play", state="attached")
        for _ in range(20):
            if page.get_attribute(ROOT, "data-state") == "end":
                break
            page.locator(f"{ROOT} .wp-dlg-turn button").first.click()
        page.goto(site.url + "voortgang/")
        page.wait_for_selector(".wp-dialogue-progress li")
        entry = page.locator(".wp-dialogue-progress li").first.inner_text()
        record = page.locator(".wp-report-meta").inner_text()
        context.close()
    assert finished in entry, entry
    assert not re.search(r"\d+/\d+/\d{4}", entry), entry
    shown = re.search(LONG, entry)
    assert shown, entry
    assert shown.group(0) in record, (entry, record)  # today's date, written as the record writes it
