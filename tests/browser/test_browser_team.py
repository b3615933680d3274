"""Instruments and teams: the profile and the team profile print alone, download as Dutch CSV, the team profile
survives a reload, counts a pasted code once and refuses a code without valid answers."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from test_browser_instrument import FORM, code_for, fill_in, open_instrument, table_rows

STUB_PRINT = "() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }"


def make_team(page: object, lines: list[str]) -> str:
    page.locator("details.wp-team > summary").click()
    page.get_by_label("Deelcodes").fill("\n".join(lines))
    page.get_by_role("button", name="Maak teamprofiel").click()
    status = page.locator("details.wp-team [role=status]")
    page.wait_for_function("() => document.querySelector('details.wp-team [role=status]').textContent !== ''")
    return status.inner_text()


def test_team_profile_counts_codes_once_refuses_empty_ones_and_survives_a_reload(page: object,
                                                                                  base_url: str) -> None:
    open_instrument(page, base_url)
    version = page.get_attribute(FORM, "data-version")
    first, second = code_for(version, [3, 2, 1]), code_for(version, [1, 1, 3])
    message = make_team(page, [first, second, first, code_for(version, [0, 0, 0]), "abc"])
    assert message.startswith("Teamprofiel van 2 deelnemers.")
    assert "Regel 3 herhaalt een eerdere code" in message
    assert "Regel 4 bevat geen geldige antwoorden" in message and "Regel 5 is geen geldige deelcode" in message
    before = table_rows(page, ".wp-team-result table")
    assert before[1][0] == "Toegang" and before[1][-1] == "2"
    page.reload()
    page.wait_for_selector(".wp-team-result table", state="attached")
    assert page.locator("details.wp-team").get_attribute("open") is not None
    assert table_rows(page, ".wp-team-result table") == before
    assert page.input_value("details.wp-team textarea") == f"{first}\n{second}"
    # Printing the whole page keeps the team profile (the form to paste codes is left out).
    page.emulate_media(media="print")
    assert page.locator(".wp-team-result table").is_visible()
    assert page.locator("details.wp-team textarea").is_hidden()


def test_team_profile_prints_alone_and_downloads(page: object, base_url: str) -> None:
    open_instrument(page, base_url)
    version = page.get_attribute(FORM, "data-version")
    make_team(page, [code_for(version, [3, 2, 1]), code_for(version, [2, 2, 2])])
    page.evaluate(STUB_PRINT)
    page.locator(".wp-team-result").get_by_role("button", name="Afdrukken").click()
    assert page.evaluate("() => window.__printed") == 1
    page.emulate_media(media="print")
    assert page.locator(".wp-team-result table").is_visible()
    assert page.locator(".wp-team-result svg.wp-chart").is_visible()
    for hidden in (f"{FORM} fieldset.wp-dimension", ".md-header", "h1", "details.wp-team textarea"):
        assert page.locator(hidden).first.is_hidden(), hidden
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert page.locator(f"{FORM} fieldset.wp-dimension").first.is_visible()  # the page as it was
    page.emulate_media(media="screen")
    with page.expect_download() as info:
        page.locator(".wp-team-result").get_by_role("button", name="Download CSV").click()
    assert info.value.suggested_filename == "kwaliteit-teamprofiel.csv"
    rows = list(csv.reader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Onderdeel", "Gemiddelde", "Laagste", "Hoogste", "Aantal"]
    assert rows[1] == ["Toegang", "2,25", "2", "2,50", "2"]


def test_profile_prints_alone_and_the_share_code_says_what_it_holds(page: object, base_url: str) -> None:
    open_instrument(page, base_url)
    fill_in(page)
    assert "bevat elk antwoord" in page.locator(f"{FORM} .wp-share + .wp-help").inner_text()
    page.evaluate(STUB_PRINT)
    page.locator(f"{FORM} .wp-profile").get_by_role("button", name="Afdrukken").click()
    page.emulate_media(media="print")
    assert page.locator(f"{FORM} .wp-profile table").is_visible()
    assert page.locator(f"{FORM} fieldset.wp-dimension").first.is_hidden()
    assert page.locator(".md-content h1").is_hidden()
