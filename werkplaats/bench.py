"""`werkplaats bench`: build a synthetic curriculum with the plugin and the same pages with plain mkdocs-material.

Every build runs in a fresh Python process (as a lecturer runs it), timed from the outside; peak memory is the
child's own `ru_maxrss`. Progress goes to stderr, the result to stdout.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# One block of content gives about BLOCK_PAGES pages: a module (index, 4 units, quiz), 3 cases, 2 methods and a
# competence; 4 glossary terms share the glossary page. The same mix as the real content, in proportion.
UNITS = 4
CASES = 3
METHODS = 2
TERMS = 4
QUESTIONS = 20
BLOCK_PAGES = 1 + UNITS + 1 + CASES + METHODS + 1
FIXED_PAGES = 10  # home, section indexes, glossary, matrix, progress

PARAGRAPH = ("De consulent bespreekt met de inwoner wat hij zelf kan, wie er in zijn netwerk meedoen en welke "
             "vrijwilligers of algemene voorzieningen er zijn, voordat een professional in beeld komt. ")

_SLOT_MARK = re.compile(r"WPSLOT([0-9a-f]{16})")

BUILD_SCRIPT = """
import resource, sys, logging
from mkdocs.commands.build import build
from mkdocs.config import load_config
logging.disable(logging.WARNING)
build(load_config(sys.argv[1]))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def log(message: str) -> None:
    """Progress, to stderr (stdout carries the result)."""
    print(message, file=sys.stderr, flush=True)


def _question(prefix: str, n: int) -> dict:
    kind = ("single", "multiple", "truefalse", "fill", "matching", "ordering", "open")[n % 7]
    q: dict = {"id": f"{prefix}-{n:02d}", "type": kind, "text": f"Vraag {n} over de ladder van {prefix}: {PARAGRAPH}"}
    if kind in ("single", "multiple"):
        q["options"] = [{"text": f"Antwoord {i}", "correct": i == 0 or (kind == "multiple" and i == 1),
                         "feedback": f"Uitleg bij antwoord {i}: {PARAGRAPH}"} for i in range(4)]
    elif kind == "truefalse":
        q.update(answer=True, feedback_true="Klopt. " + PARAGRAPH, feedback_false="Niet juist. " + PARAGRAPH)
    elif kind == "fill":
        q.update(answers=["compensatieplicht"], feedback_correct="Goed.",
                 feedback_incorrect="Het is de compensatieplicht.")
    elif kind == "matching":
        q["pairs"] = [{"left": f"Links {i}", "right": f"Rechts {i}"} for i in range(4)]
    elif kind == "ordering":
        q["items"] = ["Melding", "Onderzoek", "Aanvraag", "Beschikking"]
    else:
        q["model_answer"] = PARAGRAPH
    return q


def _front(data: dict) -> str:
    return "---\n" + json.dumps(data, ensure_ascii=False, indent=1) + "\n---\n"


def write_curriculum(root: Path, blocks: int) -> None:
    """Write a synthetic project of `blocks` blocks (YAML front matter as JSON, which YAML reads)."""
    for folder in ("docs", "methods", "cases", "competences", "glossary", "modules", "macros"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "macros" / "__init__.py").write_text(
        "from werkplaats.macros import define_env as _d\n\n\ndef define_env(env):\n    _d(env)\n", encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Start\n\n" + PARAGRAPH * 3 + "\n", encoding="utf-8")
    body = "\n\n".join([PARAGRAPH * 3] * 4)
    for b in range(blocks):
        cases = [f"casus-{b}-{i}" for i in range(CASES)]
        methods = [f"methode-{b}-{i}" for i in range(METHODS)]
        competence = f"competentie-{b}"
        terms = [f"begrip-{b}-{i}" for i in range(TERMS)]
        for t in terms:
            (root / "glossary" / f"{t}.md").write_text(_front({"id": t, "title": f"Begrip {t}",
                                                              "definition": PARAGRAPH}), encoding="utf-8")
        for c in cases:
            (root / "cases" / f"{c}.md").write_text(_front({
                "id": c, "title": f"Casus {c}", "summary": "Een casus.", "themes": [f"Thema {b % 7}"],
                "person": "Een verzonnen inwoner.", "request": "Hulp in het huishouden.",
                "ladder": {"own_strength": PARAGRAPH, "network": PARAGRAPH, "volunteer": PARAGRAPH,
                           "professional": PARAGRAPH},
                "reflection": ["Wat valt je op?", "Wat zou jij doen?"], "methods": methods,
                "competences": [competence]}) + f"\n## De situatie\n\nZie {{{{ term('{terms[0]}') }}}}.\n\n{body}\n",
                encoding="utf-8")
        for m in methods:
            (root / "methods" / f"{m}.md").write_text(_front({
                "id": m, "title": f"Methodiek {m}", "summary": "Een methodiek.", "themes": [f"Thema {b % 7}"],
                "goal": PARAGRAPH, "target_group": PARAGRAPH, "approach": PARAGRAPH, "active_elements": ["Een", "Twee"],
                "professional_role": PARAGRAPH, "competences": [competence]}) + f"\n{body}\n", encoding="utf-8")
        (root / "competences" / f"{competence}.yml").write_text(json.dumps({
            "id": competence, "title": f"Competentie {b}", "cluster": f"Cluster {b % 4}", "description": PARAGRAPH,
            "levels": {"startbekwaam": ["Een"], "vakbekwaam": ["Twee"], "vakvolwassen": ["Drie"]}}), encoding="utf-8")
        module = root / "modules" / f"module-{b}"
        module.mkdir(exist_ok=True)
        units = [f"les-{i}" for i in range(UNITS)]
        prefix = f"m{b}"
        (module / "index.md").write_text(_front({
            "id": f"module-{b}", "title": f"Module {b}", "summary": "Een module.", "audience": ["student"],
            "study_load": 4, "objectives": ["Een doel"], "units": units, "cases": cases, "methods": methods,
            "competences": [competence]}) + f"\n{PARAGRAPH}\n", encoding="utf-8")
        for i, u in enumerate(units):
            (module / f"{u}.md").write_text(_front({"id": u, "title": f"Les {i + 1}", "objectives": ["Een doel"]}) +
                                            f"\n{body}\n\n{{{{ questions('module-{b}', ['{prefix}-{2 * i:02d}', "
                                            f"'{prefix}-{2 * i + 1:02d}']) }}}}\n", encoding="utf-8")
        bank = {"questions": [_question(prefix, n) for n in range(QUESTIONS)]}
        (module / "questions.yml").write_text(json.dumps(bank, ensure_ascii=False), encoding="utf-8")
    nav = ["index.md", {"Methodieken": "methodieken/index.md"}, {"Casussen": "casussen/index.md"},
           {"Competenties": "competenties/index.md"}, {"Begrippen": "begrippen/index.md"},
           {"Leermodules": "modules/index.md"}, {"Voortgang": "voortgang/index.md"}]
    (root / "mkdocs.yml").write_text(_mkdocs_yml(["werkplaats", {"macros": {"module_name": "macros"}}], nav),
                                     encoding="utf-8")


def write_plain(source: Path, target: Path) -> None:
    """The same pages as plain Markdown (quizzes as ordinary lists), for plain mkdocs-material."""
    from werkplaats.content import load_project
    from werkplaats.labels import NL
    from werkplaats.pages.generate import Generator

    generator = Generator(load_project(source), NL)
    pages = generator.generate()
    docs = target / "docs"
    for uri, markdown in pages.pages.items():
        # The quizzes and instruments as the plugin shows them, then turned into ordinary lists.
        markdown = _SLOT_MARK.sub(lambda match: "\n" + generator.slots[match.group(1)] + "\n", markdown)
        path = docs / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_plain(markdown), encoding="utf-8")
    (docs / "index.md").write_text((source / "docs" / "index.md").read_text(encoding="utf-8"), encoding="utf-8")
    nav: list[Any] = ["index.md"]
    for section, children in pages.nav.items():
        nav.append({section.split("/")[0].capitalize(): children})
    (target / "mkdocs.yml").write_text(_mkdocs_yml([], nav), encoding="utf-8")


def _plain(markdown: str) -> str:
    """Replace macro calls and quiz HTML by plain Markdown of the same weight."""
    markdown = re.sub(r"\{\{[^}]*\}\}", "begrip", markdown)
    out = []
    for line in markdown.splitlines():
        if line.startswith(("<form", "<div", "</", "<fieldset", "<legend", "<label", "<select", "<option",
                            "<details", "<summary", "<ul", "<li", "<ol", "<p class", "<button", "<textarea",
                            "<input", "<nav", "<a ", "<dl", "<dt", "<span", "<br", "<table", "<thead", "<tbody",
                            "<tr", "<output", "<noscript")):
            text = re.sub(r"<[^>]+>", " ", line).strip()
            if text:
                out.append(f"- {text}")
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def _mkdocs_yml(plugins: list, nav: list) -> str:
    config = {
        "site_name": "Bench", "site_url": "https://bench.example.org/",
        "theme": {"name": "material", "language": "nl", "font": False,
                  "features": ["navigation.instant", "navigation.tabs", "navigation.indexes",
                               "navigation.prune"]},
        "plugins": [{"search": {"lang": "nl"}}, *plugins],
        "markdown_extensions": ["admonition", "attr_list", "md_in_html", "tables", "toc"],
        "nav": nav,
    }
    return json.dumps(config, ensure_ascii=False, indent=1)


def _build(root: Path) -> tuple[float, float]:
    """Build in a fresh process into an empty site/ (as the first build); returns (seconds, peak MB)."""
    shutil.rmtree(root / "site", ignore_errors=True)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", BUILD_SCRIPT, str(root / "mkdocs.yml")], cwd=root,
                            capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1",
                                                                 "SOURCE_DATE_EPOCH": "1700000000"}, check=False)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"build of {root} failed:\n{result.stderr[-3000:]}")
    return seconds, int(result.stdout.strip().splitlines()[-1]) / 1024


def _pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if p.name != "404.html"]


def measure(pages: int, workdir: Path, repeat: int = 1) -> dict:
    """Run the whole benchmark for about `pages` pages; with `repeat` > 1 each build counts its fastest run."""
    from werkplaats.content import load_project

    blocks = max(1, round((pages - FIXED_PAGES) / BLOCK_PAGES))
    small_blocks = max(1, round(blocks / 8))
    full, small, plain = workdir / "full", workdir / "small", workdir / "plain"
    log(f"writing a curriculum of {blocks} modules (~{blocks * BLOCK_PAGES + FIXED_PAGES} pages) ...")
    write_curriculum(full, blocks)
    write_curriculum(small, small_blocks)
    write_plain(full, plain)
    log("timing werkplaats check ...")
    start = time.perf_counter()
    project = load_project(full)
    check_s = time.perf_counter() - start
    assert not project.problems, project.problems[:5]
    small_s = build_s = plain_s = float("inf")
    peak_mb = 0.0
    for run in range(1, repeat + 1):
        # Alternating the three builds spreads the machine's ups and downs over all of them alike.
        suffix = f" (run {run} of {repeat})" if repeat > 1 else ""
        log(f"building {small_blocks} modules with the plugin{suffix} ...")
        small_s = min(small_s, _build(small)[0])
        log(f"building {blocks} modules with the plugin{suffix} ...")
        seconds, peak = _build(full)
        build_s, peak_mb = min(build_s, seconds), max(peak_mb, peak)
        log(f"building the same pages with plain mkdocs-material{suffix} ...")
        plain_s = min(plain_s, _build(plain)[0])
    built = _pages(full / "site")
    small_pages = _pages(small / "site")
    sizes = sorted(p.stat().st_size for p in built)
    per_page_small = small_s / len(small_pages)
    per_page_full = build_s / len(built)
    return {
        "pages": len(built),
        "build_s": round(build_s, 2),
        "plain_s": round(plain_s, 2),
        "ratio_vs_plain": round(build_s / plain_s, 3),
        "per_page_growth": round(per_page_full / per_page_small, 3),
        "peak_mb": round(peak_mb, 1),
        "median_page_kb": round(statistics.median(sizes) / 1024, 1),
        "check_s": round(check_s, 3),
        "assets_gz": _assets_gz(full / "site"),
    }


def _assets_gz(site: Path) -> int:
    """Gzipped bytes of the package's own script and stylesheet as the built site ships them."""
    from werkplaats.minify import gzipped_size

    return gzipped_size({p.name: p for p in sorted((site / "assets" / "werkplaats").iterdir())})["total"]


def report(name: str, measure: Callable[[Path], dict], output_format: str, text: Callable[[dict], str]) -> int:
    """Run `measure` in a temporary folder and print its result as JSON or as text; returns the exit code."""
    with tempfile.TemporaryDirectory(prefix="werkplaats-bench-") as tmp:
        try:
            result = measure(Path(tmp))
        except RuntimeError as exc:
            log(f"{name}: {exc}")
            return 1
    print(json.dumps(result) if output_format == "json" else text(result))
    return 0


def run_bench(pages: int, output_format: str = "text", repeat: int = 1) -> int:
    """Run the benchmark and print its result; returns the exit code."""
    return report("werkplaats bench", lambda tmp: measure(pages, tmp, repeat=max(1, repeat)), output_format,
                  lambda result: textwrap.dedent(f"""\
                      pages            {result['pages']}
                      build (plugin)   {result['build_s']} s
                      build (plain)    {result['plain_s']} s
                      ratio vs plain   {result['ratio_vs_plain']}
                      per-page growth  {result['per_page_growth']} (cost per page at N / at N/8)
                      peak memory      {result['peak_mb']} MB
                      median page      {result['median_page_kb']} kB
                      werkplaats check {result['check_s']} s
                      own JS + CSS     {result['assets_gz']:,} B gzipped (budget 20,000 B)"""))
