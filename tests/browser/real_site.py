"""The real site of this repository (its content, its mkdocs.yml), built strictly into a temporary folder and served on
127.0.0.1, for the walkthrough tests (test_browser_walkthrough_*.py). `site_url` is set to the served address so
Material's instant navigation works as it does when published. Import the `real_site` fixture into a test module."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator

import pytest

from support import ENV, IGNORE, ROOT, build

#: What the repository's site is made of: mkdocs.yml and the content folders it reads.
SOURCES = ("docs", "methods", "cases", "circles", "competences", "instruments", "glossary", "dialogues", "modules",
           "macros")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL (ending in a slash) of a strict build of this repository's site."""
    source = tmp_path_factory.mktemp("real") / "project"
    source.mkdir()
    for name in SOURCES:
        shutil.copytree(ROOT / name, source / name, ignore=IGNORE)
    site = source / "site"
    site.mkdir()
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        # Only site_url changes (a text edit keeps the !ENV tag of the offline plugin).
        config = config.replace("site_url: https://werkplaats.example.org/", f"site_url: {url}")
        assert url in config
        (source / "mkdocs.yml").write_text(config, encoding="utf-8")
        build(source, env=ENV)
        yield url
    finally:
        server.shutdown()
        server.server_close()
