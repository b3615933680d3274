"""Walkthrough of the real site (this repository's content): axe-core finds no serious or critical violation on any
kind of page, in the light and the dark scheme, on a 390 px phone and at 1280 px. The test site has no code blocks;
the lecturers' guide does, and Material's grey code tokens (comments, 4.47:1) and two dark-scheme token colours
(4.45:1 and 4.48:1) were just under AA."""

from __future__ import annotations

from pathlib import Path

import pytest
from real_site import real_site  # noqa: F401 (a fixture)
from test_browser_a11y_pages import READY, serious_violations

PAGES = {
    "home": "",
    "background": "achtergrond/wmo-2015/",
    "method": "methodieken/het-gesprek/",
    "case": "casussen/meneer-bakker/",
    "dialogue": "gesprekken/keukentafelgesprek-bakker/",
    "instrument": "instrumenten/teamscan-presentie-kwartiermaken-support/",
    "unit": "modules/kanteling-en-het-gesprek/het-brede-gesprek/",
    "quiz": "modules/kanteling-en-het-gesprek/toets/",
    "progress": "voortgang/",
    "matrix": "competenties/matrix/",
    "glossary": "begrippen/",
    "lecturers' guide with code": "voor-docenten/",
    "publishing, with code": "voor-docenten/controleren-en-publiceren/",
    "writing dialogues, with code": "voor-docenten/gesprekken-schrijven/",
}


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_real_pages_have_no_serious_violation(new_context: object, real_site: str,  # noqa: F811
                                              axe_path: Path, scheme: str, width: int) -> None:
    page = new_context(color_scheme=scheme, viewport={"width": width, "height": 844}).new_page()
    page.set_default_timeout(15_000)
    found = {}
    for name, path in PAGES.items():
        page.goto(real_site + path)
        page.wait_for_function(READY)
        assert page.get_attribute("body", "data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
        problems = serious_violations(page, axe_path)
        if problems:
            found[name] = problems
    assert not found, "\n".join(f"{name}: {line}" for name, lines in found.items() for line in lines)
