"""Fixtures shared by all tests (helpers and constants are in tests/support.py).

- `site_root`: a fresh copy of tests/sites/minimal (function scope; change it as you like).
- `copy_site`: makes more copies: `copy_site("minimal")` or `copy_site("overrides", dest)`.
- `minimal_site`: the built site (`site/`) of one strict build of a copy of tests/sites/minimal, made once per test
  module; only read it.
- `snapshot`: compares a text with tests/snapshots/<name>; `pytest --update-snapshots` (or `WP_UPDATE_SNAPSHOTS=1`)
  writes the snapshots instead.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from support import CHROMIUM, Snapshot, build
from support import copy_site as _copy_site


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-snapshots", action="store_true", default=False,
                     help="write tests/snapshots/ from the current output instead of comparing with it")


@pytest.fixture
def site_root(tmp_path: Path) -> Path:
    """A fresh copy of tests/sites/minimal at tmp_path/minimal."""
    return _copy_site(tmp_path / "minimal")


@pytest.fixture
def copy_site(tmp_path: Path) -> Callable[..., Path]:
    """`copy_site(name="minimal", dest=None)`: a copy of tests/sites/<name> (by default at tmp_path/<name>)."""

    def make(name: str = "minimal", dest: Path | None = None) -> Path:
        return _copy_site(dest or tmp_path / name, name)

    return make


@pytest.fixture(scope="module")
def minimal_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The `site/` folder of a strict build of tests/sites/minimal, built once per test module (read only)."""
    root = _copy_site(tmp_path_factory.mktemp("minimal-build") / "minimal")
    build(root)
    return root / "site"


@pytest.fixture
def snapshot(request: pytest.FixtureRequest) -> Snapshot:
    """`snapshot(name, text)`: assert that `text` equals tests/snapshots/<name>, or write it when updating."""
    return Snapshot(bool(request.config.getoption("--update-snapshots"))
                    or os.environ.get("WP_UPDATE_SNAPSHOTS") == "1")


@pytest.fixture
def browser() -> Iterator[object]:
    """Debian's Chromium under Playwright, for the package tests that run an LMS page (the browser tests in
    tests/browser/ have their own, shared per session)."""
    from playwright import sync_api  # installed by `make test`, like Chromium: their absence is a failure

    assert CHROMIUM.exists(), "Chromium is not installed (make chromium)"
    with sync_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM),
                                     args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        try:
            yield instance
        finally:
            instance.close()
