"""Browser tests of werkplaats.js and werkplaats.css.

Once per session: a real `mkdocs build --strict` of a copy of tests/sites/minimal (with instant navigation, the
light/dark palette of the real site and one more method, so the filters have something to filter), served by a
threaded http.server on 127.0.0.1. Chromium is Debian's (/usr/bin/chromium); nothing is downloaded. Every page
fails its test if it requests anything from another host or throws a JavaScript error.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "sites" / "minimal"
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "tests" / ".npm" / "node_modules" / "axe-core" / "axe.min.js"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

PALETTE = [
    {"media": "(prefers-color-scheme: light)", "scheme": "default", "primary": "custom", "accent": "custom",
     "toggle": {"icon": "material/weather-night", "name": "Donkere modus"}},
    {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "primary": "custom", "accent": "custom",
     "toggle": {"icon": "material/weather-sunny", "name": "Lichte modus"}},
]
SECOND_METHOD = """---
id: netwerkberaad
title: Netwerkberaad
summary: Het netwerk van iemand samen aan tafel.
themes: [Netwerk, Toegang en gesprek]
goal: Het netwerk laten meedenken. Zie [de bron](https://example.org/netwerkberaad).
target_group: Inwoners met een klein netwerk.
approach: Een beraad met familie en buren.
active_elements: [Samen plannen]
professional_role: Gespreksleider op de achtergrond.
---
Meer over het {{ term('eigen-kracht') }}.
"""

# Playwright and Chromium are installed by `make test`: when they are missing the tests fail, they never skip.
from playwright import sync_api as playwright_api  # noqa: E402


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def _server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[http.server.ThreadingHTTPServer, Path]]:
    """A threaded http.server on 127.0.0.1 (a free port), serving the folder the site will be built into."""
    site = tmp_path_factory.mktemp("browser") / "minimal" / "site"
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server, site
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def base_url(_server: tuple[http.server.ThreadingHTTPServer, Path]) -> str:
    """Where the site is served, e.g. http://127.0.0.1:41234/ (ends with a slash)."""
    return f"http://127.0.0.1:{_server[0].server_address[1]}/"


@pytest.fixture(scope="session")
def site_dir(_server: tuple[http.server.ThreadingHTTPServer, Path], base_url: str) -> Path:
    """The built test site: a strict build of a copy of tests/sites/minimal.

    site_url is the served address: Material's instant navigation only follows links that are in the sitemap,
    and it matches them on protocol, host *and port*.
    """
    site = _server[1]
    source = site.parent
    shutil.copytree(MINIMAL, source, ignore=shutil.ignore_patterns("site", ".site-*"), dirs_exist_ok=True)
    config = yaml.safe_load((source / "mkdocs.yml").read_text(encoding="utf-8"))
    config["site_url"] = base_url
    config["theme"]["palette"] = PALETTE
    config["theme"]["features"] = ["navigation.instant", "navigation.instant.progress", "navigation.tabs",
                                   "navigation.footer", "navigation.top"]
    (source / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (source / "methods" / "netwerkberaad.md").write_text(SECOND_METHOD, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=source, env=env,
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's Chromium (module scope: other test files start Playwright's sync API themselves)."""
    assert CHROMIUM.exists(), "Chromium is not installed (make chromium)"
    with playwright_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield instance
        finally:
            instance.close()


class Guard:
    """Records requests to other hosts and JavaScript errors; both fail the test."""

    def __init__(self) -> None:
        self.foreign: list[str] = []
        self.errors: list[str] = []

    def route(self, route: object) -> None:
        url = route.request.url
        parsed = urlparse(url)
        if parsed.scheme in ("data", "blob", "file") or parsed.hostname == "127.0.0.1":
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def check(self) -> None:
        assert not self.foreign, f"requests to other hosts: {self.foreign}"
        assert not self.errors, f"JavaScript errors: {self.errors}"


@pytest.fixture
def new_context(browser: object, site_dir: Path) -> Iterator[object]:
    """Makes guarded browser contexts: new_context(**options); each is closed and checked after the test."""
    made: list[tuple[object, Guard]] = []

    def make(**options: object) -> object:
        options.setdefault("viewport", {"width": 1280, "height": 900})
        options.setdefault("locale", "nl-NL")
        context = browser.new_context(**options)
        guard = Guard()
        context.route("**/*", guard.route)
        context.wp_guard = guard  # for tests of the guard itself
        context.on("page", lambda page: page.on("pageerror", lambda error: guard.errors.append(str(error))))
        made.append((context, guard))
        return context

    yield make
    for context, _ in made:
        context.close()
    for _, guard in made:
        guard.check()


@pytest.fixture
def context(new_context: object) -> object:
    """A fresh context (empty localStorage), light scheme."""
    return new_context(color_scheme="light")


@pytest.fixture
def page(context: object, site_dir: Path) -> object:
    """A page in a fresh context; open site pages with `page.goto(base_url + path)`."""
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


@pytest.fixture(scope="module")
def exam_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of a copy of the minimal site whose module test runs in exam mode (exam_site.py), built once per
    test module that uses it."""
    from exam_site import exam_site

    with exam_site(tmp_path_factory.mktemp("exam")) as url:
        yield url


@pytest.fixture
def axe_path() -> Path:
    assert AXE.exists(), "axe-core is not installed (make npm-deps)"
    return AXE
