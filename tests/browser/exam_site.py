"""A copy of tests/sites/minimal whose module test runs in exam mode, built strictly and served on 127.0.0.1, for
test_browser_exam.py and test_browser_review.py (issue #15). Also helpers those tests share."""

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
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
#: The module test of the copy: 4 of the 7 questions drawn per attempt, 2 attempts, 6 minutes (+2 extra).
EXAM = "quiz: {pass_mark: 60, mode: exam, draw: 4, attempts: 2, time_limit: 6, extra_time: 2}"
TEST = "modules/mini/toets/"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def exam_site(folder: Path, quiz: str = EXAM, tags: dict[str, list[int]] | None = None) -> Iterator[str]:
    """Builds the copy with `quiz` as the module's quiz settings (and `objectives` per question id, from `tags`) and
    serves it; yields its URL."""
    source = folder / "exam-site"
    shutil.copytree(MINIMAL, source, ignore=shutil.ignore_patterns("site", ".site-*", "__pycache__"))
    bank = source / "modules" / "mini" / "questions.yml"
    for qid, numbers in (tags or {}).items():
        bank.write_text(bank.read_text(encoding="utf-8").replace(
            f"  - id: {qid}\n", f"  - id: {qid}\n    objectives: {numbers}\n"), encoding="utf-8")
    index = source / "modules" / "mini" / "index.md"
    text = index.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("quiz:"))
    index.write_text(text.replace(line, quiz), encoding="utf-8")
    handler = functools.partial(_Quiet, directory=str(source / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    config = yaml.safe_load((source / "mkdocs.yml").read_text(encoding="utf-8"))
    config["site_url"] = url
    config["theme"]["features"] = ["navigation.instant"]
    (source / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=source, env=env,
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


class Watch:
    """Fails a test on a JavaScript error or a request to another host."""

    def __init__(self, context: object) -> None:
        self.errors: list[str] = []
        self.foreign: list[str] = []
        context.route("**/*", self._route)
        context.on("page", lambda page: page.on("pageerror", lambda error: self.errors.append(str(error))))

    def _route(self, route: object) -> None:
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def check(self) -> None:
        assert not self.errors, self.errors
        assert not self.foreign, self.foreign


def stored(page: object, key: str) -> object:
    """A value in the site's storage (keys are the scope path + "wp:" + key)."""
    return page.evaluate("""key => {
        for (let i = 0; i < localStorage.length; i++) {
            const k = localStorage.key(i);
            if (k.endsWith('wp:' + key)) return JSON.parse(localStorage.getItem(k));
        }
        return null;
    }""", key)


def answer_right(form: object, qid: str) -> None:
    """Answer one question of the minimal bank correctly, inside `form` (a locator)."""
    q = form.locator(f".wp-question[data-qid='{qid}']")
    if qid == "m-01":
        q.locator("input[value='0']").check()
    elif qid == "m-02":
        q.locator("input[value='0']").check()
        q.locator("input[value='1']").check()
    elif qid == "m-03":
        q.locator("input[value='false']").check()
    elif qid == "m-04":
        q.locator("input[type=text]").fill("compensatieplicht")
    elif qid == "m-05":
        for left in range(3):
            q.locator(f"select[data-left='{left}']").select_option(str(left))
    elif qid == "m-06":
        for item in range(4):
            q.locator(f"select[data-item='{item}']").select_option(str(item + 1))
    elif qid == "m-07":
        q.locator("textarea").fill("Een antwoord.")
