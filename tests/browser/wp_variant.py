"""A variant of tests/sites/minimal, built for real and served on 127.0.0.1, for browser tests that change content
between builds (a corrected question) or need pages of their own (search). Used by test_browser_*.py of the quiz."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "sites" / "minimal"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class Variant:
    """A copy of the minimal site in `source`; `build()` writes it (strictly) to `source/site`, served at `url`."""

    def __init__(self, source: Path, url: str) -> None:
        self.source = source
        self.url = url

    def write(self, relative: str, text: str) -> None:
        path = self.source / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def read(self, relative: str) -> str:
        return (self.source / relative).read_text(encoding="utf-8")

    def build(self) -> None:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=self.source, env=env,
                                capture_output=True, text=True, timeout=300, check=False)
        assert result.returncode == 0, result.stderr


@contextmanager
def variant(folder: Path, features: list[str] | None = None) -> Iterator[Variant]:
    """Serves `folder/site` on a free port while the block runs; the caller writes and builds."""
    source = folder / "site-source"
    shutil.copytree(MINIMAL, source, ignore=shutil.ignore_patterns("site", ".site-*"))
    (source / "site").mkdir()
    handler = functools.partial(_Quiet, directory=str(source / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    config = yaml.safe_load((source / "mkdocs.yml").read_text(encoding="utf-8"))
    config["site_url"] = url
    config["theme"]["features"] = features if features is not None else ["navigation.instant"]
    (source / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        yield Variant(source, url)
    finally:
        server.shutdown()
        server.server_close()
