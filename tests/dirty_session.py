"""One `mkdocs serve --dirty` session without the server: the same builds, in one process, as edits come in.

Usage: python dirty_session.py ROOT STEPS.json OUT

STEPS.json is a list of edits, each `{"write": {path: text}, "delete": [path]}` relative to ROOT. The script builds
once, then applies each edit and rebuilds, exactly as `mkdocs serve --dirty` does (a fresh configuration per build,
the same plugin objects, `dirty=True`). After each build it copies the site to OUT/step-N and writes OUT/steps.json
with, per build, whether it succeeded, whether the tracker redid the whole site, and which pages it redid.
"""

from __future__ import annotations

import json
import logging
import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config


def main() -> None:
    root, steps_file, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    steps = [{}, *json.loads(steps_file.read_text(encoding="utf-8"))]
    site = Path(tempfile.mkdtemp(prefix="dirty-site-"))
    logging.basicConfig(level=logging.WARNING)
    report = []
    for number, step in enumerate(steps):
        for path, text in step.get("write", {}).items():
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text(text, encoding="utf-8")
        for path in step.get("delete", []):
            (root / path).unlink()
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
        if number == 0:
            config.plugins.on_startup(command="serve", dirty=True)
        plugin = config.plugins["werkplaats"]
        try:
            build(config, serve_url="http://127.0.0.1:8000/", dirty=True)
            ok = True
        except Exception as exc:
            ok = False
            print(f"step {number}: build failed: {exc}", file=sys.stderr)
        tracker = plugin.tracker
        report.append({"ok": ok, "full": tracker.full, "rebuilt": sorted(tracker.rebuilt)})
        shutil.copytree(site, out / f"step-{number}")
    (out / "steps.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    shutil.rmtree(site)


if __name__ == "__main__":
    main()
