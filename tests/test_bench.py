"""The benchmark runs end to end and reports exactly the agreed keys (timings are reported, never asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

KEYS = {"pages", "build_s", "plain_s", "ratio_vs_plain", "per_page_growth", "peak_mb", "median_page_kb", "check_s",
        "assets_gz"}


def test_bench_json_report() -> None:
    werkplaats = Path(sys.executable).parent / "werkplaats"
    result = subprocess.run([str(werkplaats), "bench", "--pages", "60", "--format", "json"], capture_output=True,
                            text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report) == KEYS
    assert 50 <= report["pages"] <= 70
    assert report["build_s"] > 0 and report["plain_s"] > 0 and report["peak_mb"] > 0
    from werkplaats.minify import gzipped_size

    assert report["assets_gz"] == gzipped_size()["total"]  # what the built site ships, measured there
    assert "building the same pages with plain mkdocs-material" in result.stderr  # progress goes to stderr


def test_synthetic_curriculum_is_valid_content(tmp_path: Path) -> None:
    from werkplaats.bench import write_curriculum
    from werkplaats.content import load_project

    write_curriculum(tmp_path, 3)
    project = load_project(tmp_path)
    assert project.problems == []
    assert project.counts()["module"] == 3 and project.counts()["question"] == 60


def test_serve_bench_times_real_edits() -> None:
    # `mkdocs serve --dirty` for real: the server starts, a case is edited, and the page it serves changes.
    werkplaats = Path(sys.executable).parent / "werkplaats"
    result = subprocess.run([str(werkplaats), "bench", "--serve", "--pages", "60", "--edits", "2", "--format", "json"],
                            capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report) == {"pages", "first_build_s", "rebuild_s", "edit_to_page_s", "edit_to_page_max_s", "edits"}
    assert 0 < report["rebuild_s"] < report["first_build_s"]
    assert report["edits"] == 2 and 0 < report["edit_to_page_s"] <= report["edit_to_page_max_s"]
    assert "edit 2:" in result.stderr
