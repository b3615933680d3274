"""`werkplaats bench --serve`: how long an edit to one case takes to reach the browser under `make serve`.

It writes the same synthetic curriculum as the build benchmark, starts the live-reload server exactly as
`make serve` does (`mkdocs serve --dirty`, with the werkplaats plugin), waits for the first build, and then edits one
case several times. Each edit is timed from the moment the file is written until the server's live-reload channel
(the long poll the browser's reload script waits on) answers and the case page it then serves contains the new text:
what a lecturer sees, minus the browser's own paint.
"""

from __future__ import annotations

import os
import re
import socket
import statistics
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from pathlib import Path

from werkplaats.bench import BLOCK_PAGES, FIXED_PAGES, log, report, write_curriculum

SERVE_COMMAND = ["-m", "mkdocs", "serve", "--dirty"]
_EPOCH = re.compile(r"livereload\((\d+),\s*(\d+)\)")
_BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, timeout: float = 90) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


def _wait_for(url: str, server: subprocess.Popen, log_file: Path, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped:\n{log_file.read_text(encoding='utf-8')[-3000:]}")
        try:
            return _get(url, timeout=5)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise RuntimeError(f"mkdocs serve did not answer {url} within {timeout:.0f} s")


def measure_serve(pages: int, workdir: Path, edits: int = 5) -> dict:
    """Start the server on a curriculum of about `pages` pages and time `edits` edits of one case."""
    blocks = max(1, round((pages - FIXED_PAGES) / BLOCK_PAGES))
    root = workdir / "serve"
    log(f"writing a curriculum of {blocks} modules (~{blocks * BLOCK_PAGES + FIXED_PAGES} pages) ...")
    write_curriculum(root, blocks)
    case_id = f"casus-{blocks // 2}-0"
    case_file = root / "cases" / f"{case_id}.md"
    original = case_file.read_text(encoding="utf-8")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    log(f"starting mkdocs serve --dirty on port {port} ...")
    start = time.monotonic()
    log_file = workdir / "serve.log"
    with log_file.open("w", encoding="utf-8") as output:
        server = subprocess.Popen([sys.executable, *SERVE_COMMAND, "-a", f"127.0.0.1:{port}"], cwd=root, env=env,
                                  stdout=output, stderr=subprocess.STDOUT)
    try:
        page_url = f"{base}casussen/{case_id}/"
        html = _wait_for(page_url, server, log_file, timeout=600)
        first_build_s = time.monotonic() - start
        times = []
        for n in range(edits):
            found = _EPOCH.search(html)
            if not found:
                raise RuntimeError("the served page has no live-reload script")
            epoch, request = found.groups()
            marker = f"Bewerking-{n}-{time.time_ns()}"
            time.sleep(1.0)  # let the watcher settle, as between two edits by a person
            began = time.monotonic()
            case_file.write_text(original + f"\n{marker}\n", encoding="utf-8")
            while True:
                epoch = _get(f"{base}livereload/{epoch}/{request}").strip()
                html = _get(page_url)
                if marker in html:
                    break
                if time.monotonic() - began > 120:
                    raise RuntimeError(f"edit {n} did not show within 120 s")
            times.append(time.monotonic() - began)
            log(f"edit {n + 1}: {times[-1]:.2f} s")
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    # MkDocs logs the time of each build; the rest of an edit's time is the watcher noticing it (it polls every
    # 0.5 s and waits 0.1 s for more changes) and the page being fetched.
    builds = [float(seconds) for seconds in _BUILT.findall(log_file.read_text(encoding="utf-8"))][1:]
    return {
        "pages": blocks * BLOCK_PAGES + FIXED_PAGES,
        "first_build_s": round(first_build_s, 2),
        "rebuild_s": round(statistics.median(builds), 2) if builds else None,
        "edit_to_page_s": round(statistics.median(times), 2),
        "edit_to_page_max_s": round(max(times), 2),
        "edits": edits,
    }


def run_serve_bench(pages: int, output_format: str = "text", edits: int = 5) -> int:
    """Run the serve benchmark and print its result; returns the exit code."""
    return report("werkplaats bench --serve", lambda tmp: measure_serve(pages, tmp, edits=edits), output_format,
                  lambda result: textwrap.dedent(f"""\
                      pages              {result['pages']}
                      first build        {result['first_build_s']} s
                      rebuild            {result['rebuild_s']} s (median, as MkDocs logs it)
                      edit to page       {result['edit_to_page_s']} s (median of {result['edits']} edits of one case)
                      slowest edit       {result['edit_to_page_max_s']} s"""))
