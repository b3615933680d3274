"""Test sites for settings the minimal site does not use (tests/sites/<scenario>/, each a real strict build).

- `overrides`: the site's own templates (`templates:` in the plugin's options) and `use_directory_urls: false`.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from support import build, copy_site

_LINK = re.compile(r"""\s(?:href|src)="([^"]*)\"""")
_PROGRESS = re.compile(r"data-wp-progress='([^']*)'")


@pytest.fixture(scope="module")
def overrides(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site of tests/sites/overrides (built once; only read it)."""
    root = copy_site(tmp_path_factory.mktemp("overrides") / "overrides", "overrides")
    build(root)
    return root / "site"


def _targets(page: Path, site: Path) -> list[tuple[str, Path]]:
    """Every link of a built page to a file of the site, with the file it names."""
    text = page.read_text(encoding="utf-8")
    urls = [html.unescape(url) for url in _LINK.findall(text)]
    for blob in _PROGRESS.findall(text):
        data = json.loads(html.unescape(blob))
        for module in data["modules"]:
            urls += [module["url"], module["quizUrl"], *(unit["url"] for unit in module["units"])]
        urls += [instrument["url"] for instrument in data["instruments"]]
    found = []
    for url in urls:
        parsed = urlparse(url)
        if parsed.scheme or parsed.netloc or not parsed.path:
            continue
        folder = "" if parsed.path.startswith("/") else posixpath.dirname(page.relative_to(site).as_posix())
        target = posixpath.normpath(posixpath.join(folder, unquote(parsed.path).lstrip("/")))
        found.append((url, site / target))
    return found


def test_override_template_is_used(overrides: Path) -> None:
    case = (overrides / "casussen" / "meneer-bakker.html").read_text(encoding="utf-8")
    assert '<p class="wp-eigen-sjabloon">Een casus uit de eigen sjablonen van deze site.</p>' in case
    # Only that template is the site's own: another item page is the package's.
    method = (overrides / "methodieken" / "het-gesprek.html").read_text(encoding="utf-8")
    assert "wp-eigen-sjabloon" not in method and "<h1" in method


def test_pages_have_html_urls(overrides: Path) -> None:
    for page in ("index.html", "casussen/index.html", "casussen/meneer-bakker.html", "begrippen/index.html",
                 "modules/mini/index.html", "modules/mini/intro.html", "modules/mini/toets.html",
                 "voortgang/index.html", "competenties/matrix.html", "instrumenten/kwaliteit.html"):
        assert (overrides / page).is_file(), page
    assert not (overrides / "modules" / "mini" / "toets").exists()
    home = (overrides / "index.html").read_text(encoding="utf-8")
    assert 'href="begrippen/index.html#eigen-kracht"' in home
    assert 'href="casussen/meneer-bakker.html"' in home
    assert 'href="modules/mini/index.html"' in home


def test_every_link_between_pages_resolves(overrides: Path) -> None:
    broken = []
    checked = 0
    for page in sorted(overrides.rglob("*.html")):
        for url, target in _targets(page, overrides):
            checked += 1
            if not target.is_file():
                broken.append(f"{page.relative_to(overrides)}: {url}")
    assert checked > 200
    assert broken == []


def test_quiz_links_in_generated_html_use_html_urls(overrides: Path) -> None:
    # Link macros inside question texts become links in HTML the package renders itself (not rewritten by MkDocs).
    progress = (overrides / "voortgang" / "index.html").read_text(encoding="utf-8")
    data = json.loads(html.unescape(_PROGRESS.search(progress).group(1)))
    assert data["modules"][0]["quizUrl"] == "../modules/mini/toets.html"
    home = (overrides / "index.html").read_text(encoding="utf-8")
    assert home.count('class="wp-quiz"') == 2 and 'id="wp-quiz-mini"' in home
