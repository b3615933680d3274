"""`make serve` in a real browser: an edit to a case reloads the open page with the new text and a whole navigation."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from werkplaats.bench_serve import free_port

from support import copy_site

CASE = "cases/meneer-bakker.md"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`mkdocs serve --dirty` (what `make serve` runs) on a copy of the minimal site; yields its URL and folder."""
    root = copy_site(tmp_path / "minimal")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    log = (tmp_path / "serve.log").open("w", encoding="utf-8")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
                              cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=log,
                              stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(url + "casussen/meneer-bakker/", timeout=5).read()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, (tmp_path / "serve.log").read_text()
                time.sleep(0.2)
        yield url, root
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def test_an_edit_reloads_the_open_page(context: object, served: tuple[str, Path]) -> None:
    url, root = served
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(url + "casussen/meneer-bakker/")
    assert page.locator("h1").inner_text() == "Meneer Bakker"
    # Let Material's search worker finish loading lunr (its status line leaves "initialising") before the edit
    # starts a rebuild that rewrites the site's files: a fetch in the middle of that may find a file not yet written.
    page.wait_for_function("() => { const m = document.querySelector('.md-search-result__meta');"
                           " return m && m.textContent.trim() && !/initiali/i.test(m.textContent); }")
    case = root / CASE
    case.write_text(case.read_text(encoding="utf-8") + "\nHij kookt elke zondag voor zijn buurman.\n",
                    encoding="utf-8")
    # No reload by the test: the live-reload script reloads the page once the rebuild is done.
    page.get_by_text("Hij kookt elke zondag voor zijn buurman.").wait_for()
    # The page was rebuilt alone, and still shows every other page's title in its navigation.
    navigation = page.locator("nav.md-nav--primary").inner_text()
    for title in ("Methodieken", "Casussen", "Competenties", "Begrippen", "Leermodules"):
        assert title in navigation
    assert not re.search(r"\bNone\b", navigation)
    index = urllib.request.urlopen(url + "search/search_index.json", timeout=10).read().decode()
    assert "buurman" in index and "Het gesprek" in index  # the edit is found, and other pages still are
