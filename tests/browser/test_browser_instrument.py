"""Instruments in the browser: profile (chart and table), downloads, share code and team profile."""

from __future__ import annotations

import base64
import csv
import io
import json
from pathlib import Path

PAGE = "instrumenten/kwaliteit/"
FORM = "#wp-instrument-kwaliteit"


def open_instrument(page: object, base_url: str) -> None:
    page.goto(base_url + PAGE)
    page.wait_for_selector(f"{FORM}[data-wp-ready]", state="attached")


def fill_in(page: object, t1: int = 3, t2: int = 2, g1: int = 1) -> None:
    for item, value in (("t1", t1), ("t2", t2), ("g1", g1)):
        page.check(f"input[name='wp-instrument-kwaliteit-{item}'][value='{value}']")
    page.click(f"{FORM} button[type=submit]")


def table_rows(page: object, selector: str) -> list[list[str]]:
    return page.eval_on_selector_all(f"{selector} tr",
                                     "rows => rows.map(r => Array.from(r.cells, c => c.innerText.trim()))")


def code_for(version: str, answers: list[int], instrument: str = "kwaliteit") -> str:
    raw = json.dumps({"i": instrument, "v": version, "a": answers}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def test_profile_table_and_chart(page: object, base_url: str) -> None:
    open_instrument(page, base_url)
    assert page.locator(f"{FORM} details.wp-reference").is_hidden()  # shown with the profile, to compare
    fill_in(page)  # t2 is reversed: 2 stays 2 on a 1-3 scale; Toegang (3 + 2) / 2
    profile = page.locator(f"{FORM} .wp-profile")
    assert page.evaluate("() => document.activeElement.classList.contains('wp-profile-title')")
    assert table_rows(page, f"{FORM} .wp-profile table") == [
        ["Onderdeel", "Gemiddelde", "Referentie", "Verschil", "Beantwoord"],
        ["Toegang", "2,5", "3,0", "-0,5", "2 van 2"],
        ["Gesprek", "1,0", "–", "–", "1 van 1"],
    ]
    chart = profile.locator("svg.wp-chart")
    assert chart.get_attribute("role") == "img"
    assert chart.get_attribute("aria-label") == "Je profiel: Toegang 2,5; Gesprek 1,0"
    assert chart.locator("title").text_content() == chart.get_attribute("aria-label")
    assert chart.locator("rect.wp-bar").count() == 2 and chart.locator("rect.wp-ref").count() == 1
    assert page.locator(f"{FORM} details.wp-reference").is_visible()
    # A reversed item counts the other way round.
    fill_in(page, t1=3, t2=1, g1=3)
    assert table_rows(page, f"{FORM} .wp-profile table")[1][:2] == ["Toegang", "3,0"]
    # Kept across a reload.
    page.reload()
    page.wait_for_selector(f"{FORM}[data-wp-ready]", state="attached")
    assert page.is_checked("input[name='wp-instrument-kwaliteit-t2'][value='1']")
    assert table_rows(page, f"{FORM} .wp-profile table")[2][:2] == ["Gesprek", "3,0"]


def test_partly_filled_in(page: object, base_url: str) -> None:
    open_instrument(page, base_url)
    page.click(f"{FORM} button[type=submit]")
    assert "Beantwoord eerst" in page.locator(f"{FORM} .wp-profile").inner_text()
    page.check("input[name='wp-instrument-kwaliteit-g1'][value='2']")
    page.click(f"{FORM} button[type=submit]")
    assert "Nog niet beantwoord: 2 van 3 uitspraken" in page.locator(f"{FORM} .wp-profile").inner_text()
    assert table_rows(page, f"{FORM} .wp-profile table")[1][:2] == ["Toegang", "–"]


def test_print_csv_and_json(page: object, base_url: str, tmp_path: Path) -> None:
    open_instrument(page, base_url)
    fill_in(page)
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.get_by_role("button", name="Afdrukken").click()
    assert page.evaluate("() => window.__printed") == 1
    with page.expect_download() as info:
        page.get_by_role("button", name="Download CSV").click()
    download = info.value
    assert download.suggested_filename == "kwaliteit-profiel.csv"
    rows = list(csv.reader(io.StringIO(Path(download.path()).read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows == [["onderdeel", "titel", "gemiddelde", "referentie", "beantwoord", "uitspraken"],
                    ["toegang", "Toegang", "2,50", "3", "2", "2"], ["gesprek", "Gesprek", "1", "", "1", "1"]]
    with page.expect_download() as info:
        page.get_by_role("button", name="Download JSON").click()
    data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert info.value.suggested_filename == "kwaliteit-profiel.json"
    assert data["instrument"] == "kwaliteit" and data["answers"] == {"t1": 3, "t2": 2, "g1": 1}
    assert [(d["id"], d["mean"], d["reference"]) for d in data["dimensions"]] == [
        ("toegang", 2.5, 3), ("gesprek", 1, None)]
    assert data["version"] == page.get_attribute(FORM, "data-version")


def test_share_code_and_team_profile(page: object, base_url: str) -> None:
    open_instrument(page, base_url)
    fill_in(page)
    version = page.get_attribute(FORM, "data-version")
    mine = page.input_value(f"{FORM} .wp-code")
    assert mine == code_for(version, [3, 2, 1])
    assert len(mine) < 80
    other = code_for(version, [1, 2, 3])  # Toegang (1 + 2) / 2 = 1.5, Gesprek 3
    team = page.locator("details.wp-team")
    team.locator("summary").click()
    team.get_by_label("Deelcodes").fill(f"{mine}\n\n{other}\nonzin\n{code_for('0000000000', [1, 1, 1])}\n")
    team.get_by_role("button", name="Maak teamprofiel").click()
    status = team.locator("[role=status]")
    status.filter(has_text="Teamprofiel van 2 deelnemers.").wait_for()
    assert "Regel 4 is geen geldige deelcode." in status.inner_text()
    assert "Regel 5 hoort bij een ander instrument of een andere versie." in status.inner_text()
    assert table_rows(page, "details.wp-team table") == [
        ["Onderdeel", "Gemiddelde", "Laagste", "Hoogste", "Aantal"],
        ["Toegang", "2,0", "1,5", "2,5", "2"],
        ["Gesprek", "2,0", "1,0", "3,0", "2"],
    ]
    chart = team.locator("svg.wp-chart[role=img]")
    assert chart.get_attribute("aria-label") == "Teamprofiel: Toegang 2,0; Gesprek 2,0"
    assert chart.locator("rect.wp-range").count() == 2


def test_team_profile_without_own_answers(page: object, base_url: str) -> None:
    open_instrument(page, base_url)
    version = page.get_attribute(FORM, "data-version")
    team = page.locator("details.wp-team")
    team.locator("summary").click()
    team.get_by_label("Deelcodes").fill(code_for(version, [2, 2, 2]))
    team.get_by_role("button", name="Maak teamprofiel").click()
    team.locator("[role=status]").filter(has_text="Teamprofiel van 1 deelnemer.").wait_for()
    assert table_rows(page, "details.wp-team table")[1] == ["Toegang", "2,0", "2,0", "2,0", "1"]
