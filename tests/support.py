"""Helpers shared by the tests (plain functions and constants; the fixtures are in tests/conftest.py).

Import them as `from support import build, tree_digest, MINIMAL` (pytest puts tests/ on the import path).
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import hashlib
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
SITES = TESTS / "sites"
MINIMAL = SITES / "minimal"
CHROMIUM = Path("/usr/bin/chromium")
#: scorm-again (npm, installed by `make test`): a real SCORM 1.2 runtime for the LMS side of the package tests.
SCORM_AGAIN = ROOT / "tests" / ".npm" / "node_modules" / "scorm-again" / "dist" / "scorm12.js"
#: An LMS launch page: scorm-again's API in the window, the SCO (sco/index.html) in an iframe.
SCORM_LAUNCH = """<!doctype html><html><head><meta charset="utf-8"><title>LMS</title>
<script src="scorm12.js"></script>
<script>window.API = new Scorm12API({autocommit: false, logLevel: 5});</script>
</head><body><iframe id="sco" src="sco/index.html" style="width:100%;height:90vh"></iframe></body></html>"""
SNAPSHOTS = TESTS / "snapshots"
#: The environment of every `mkdocs` run of the tests: a fixed build date, no MkDocs 2.0 banner.
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
#: What a copy of a test site leaves out: earlier output and caches.
IGNORE = shutil.ignore_patterns("site", "dist", ".site-*", "__pycache__")


def copy_site(dest: Path, name: str = "minimal") -> Path:
    """Copy tests/sites/<name> to `dest` (which must not exist) and return `dest`.

    A scenario folder with a `scenario.yml` that names a `base` site holds only what differs: the base is copied
    first and the scenario's files over it (without scenario.yml).
    """
    folder = SITES / name
    scenario = folder / "scenario.yml"
    if scenario.is_file():
        base = yaml.safe_load(scenario.read_text(encoding="utf-8"))["base"]
        copy_site(dest, base)
        shutil.copytree(folder, dest, ignore=shutil.ignore_patterns("scenario.yml", "site", "dist", ".site-*",
                                                                    "__pycache__"), dirs_exist_ok=True)
        return dest
    shutil.copytree(folder, dest, ignore=IGNORE)
    return dest


def build(root: Path, *extra: str, check: bool = True, env: dict[str, str] | None = None,
          strict: bool = True) -> subprocess.CompletedProcess[str]:
    """A real `mkdocs build [--strict]` of the project in `root`, in its own process."""
    command = [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), *extra]
    result = subprocess.run(command, cwd=root, env=env or ENV, capture_output=True, text=True, timeout=600,
                            check=False)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def tree_digest(folder: Path) -> dict[str, str]:
    """The SHA-256 of every file under `folder`, by relative path."""
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def sources_digest(root: Path) -> dict[str, str]:
    """`tree_digest` of a project without its built site and hidden files."""
    return {k: v for k, v in tree_digest(root).items() if not k.startswith(("site/", "."))}


class Snapshot:
    """Compares texts with the files in tests/snapshots/, or writes them when `update` is set."""

    def __init__(self, update: bool) -> None:
        self.update = update

    def __call__(self, name: str, text: str) -> None:
        """Assert that `text` equals tests/snapshots/<name> (or write it there when updating)."""
        if self.update:
            path = SNAPSHOTS / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        self.compare(name, text)

    def compare(self, name: str, text: str) -> None:
        """Assert that `text` equals the snapshot, also while updating."""
        path = SNAPSHOTS / name
        assert path.is_file(), f"no snapshot {path}; run pytest with --update-snapshots (or WP_UPDATE_SNAPSHOTS=1)"
        expected = path.read_text(encoding="utf-8")
        if text != expected:
            diff = "".join(difflib.unified_diff(expected.splitlines(keepends=True), text.splitlines(keepends=True),
                                                f"snapshots/{name}", "now", n=2))
            pytest.fail(f"the output differs from snapshot {name} (if that is intended, run pytest with "
                        f"--update-snapshots and commit the snapshot):\n{diff[:6000]}")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """`folder` served over HTTP on 127.0.0.1 (a free port) while the block runs; gives the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
