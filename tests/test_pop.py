"""'Mijn ontwikkeling' at build time: the self-assessment on competence pages, the ontwikkeling/ page and its data,
the strings of pop.js in both languages, and `werkplaats export pop` (paper self-assessment, HTML + PDF)."""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from werkplaats.export.common import ExportError
from werkplaats.labels import EN, NL, POP_BROWSER
from werkplaats.pages.pop import CHART_CHARS, chart_lines, chart_rows, fingerprint

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = ROOT / "tests" / "sites" / "minimal"
POP_JS = ROOT / "werkplaats" / "assets" / "pop.js"
POP_CSS = ROOT / "werkplaats" / "assets" / "pop.css"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A strict build of a copy of the minimal site, with 'Mijn ontwikkeling' in its nav."""
    source = tmp_path_factory.mktemp("pop") / "site-src"
    shutil.copytree(MINIMAL, source, ignore=shutil.ignore_patterns("site", ".site-*"))
    config = source / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "  - Mijn ontwikkeling: ontwikkeling/index.md\n",
                      encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=source, env=env,
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    return source / "site"


def attribute(page: str, name: str) -> object:
    match = re.search(rf'{name}="([^"]*)"', page)
    assert match, name
    return json.loads(html.unescape(match.group(1)))


def test_competence_page_has_the_self_assessment(built: Path) -> None:
    page = (built / "competenties" / "gesprek-voeren" / "index.html").read_text(encoding="utf-8")
    indicators = re.findall(r'<fieldset class="wp-pop-ind" data-k="([^"]+)" data-fp="([0-9a-f]{8})">\s*<legend>'
                            r'([^<]+)</legend>', page)
    assert indicators == [
        ("startbekwaam.0", hashlib.sha1(b"Stelt open vragen.").hexdigest()[:8], "Stelt open vragen."),
        ("vakbekwaam.0", fingerprint("Vraagt door naar de vraag achter de vraag."),
         "Vraagt door naar de vraag achter de vraag."),
        ("vakvolwassen.0", fingerprint("Leert collega's het gesprek voeren."), "Leert collega's het gesprek voeren."),
    ]
    name = "wp-pop-gesprek-voeren-startbekwaam\\.0"
    radios = re.findall(rf'<input type="radio" name="{name}" value="(\d)"> ([^<]+)<', page)
    assert [(v, t.strip()) for v, t in radios] == [("0", "nog niet"), ("1", "soms"), ("2", "meestal"), ("3", "altijd")]
    data = attribute(page, "data-wp-data")
    assert data["id"] == "gesprek-voeren" and data["levels"]["startbekwaam"] == [indicators[0][1]]
    assert [m["id"] for m in data["modules"]] == ["mini"]
    assert data["modules"][0]["url"] == "../../modules/mini/"
    assert data["modules"][0]["units"] == ["../../modules/mini/intro/", "../../modules/mini/verdieping/"]
    strings = attribute(page, "data-wp-strings")
    assert strings["pL1"] == "Startbekwaam" and strings["pS2"] == "meestal"
    assert 'href="../../ontwikkeling/"' in page
    assert "assets/werkplaats/werkplaats.js" in page and "assets/werkplaats/werkplaats.css" in page
    # The script shows the block; without it only the note in <noscript> is there.
    assert re.search(r'<div class="wp-pop" data-wp-pop="gesprek-voeren"[^>]* hidden>', page)
    assert "<noscript><p>Voor de zelfbeoordeling is JavaScript nodig.</p></noscript>" in page
    from werkplaats.minify import shipped

    script = (built / "assets" / "werkplaats" / "werkplaats.js").read_bytes()
    assert script == shipped("werkplaats.js") and b"werkplaatsPop" in script


def test_ontwikkeling_page(built: Path) -> None:
    page = (built / "ontwikkeling" / "index.html").read_text(encoding="utf-8")
    assert "<h1" in page and "Mijn ontwikkeling</h1>" in page
    data = attribute(page, "data-wp-pop-all")
    assert [c["id"] for c in data["competences"]] == ["gesprek-voeren"]
    assert data["competences"][0]["url"] == "../competenties/gesprek-voeren/"
    assert '<tr data-c="gesprek-voeren"><th scope="row"><a href="../competenties/gesprek-voeren/">' in page
    assert '<svg class="wp-chart wp-pop-chart" role="img"' in page
    assert '<section class="wp-pop-item" data-c="gesprek-voeren">' in page
    # In the nav, and linked from Mijn voortgang.
    assert 'href="../ontwikkeling/"' in (built / "voortgang" / "index.html").read_text(encoding="utf-8")
    assert 'href="ontwikkeling/"' in (built / "index.html").read_text(encoding="utf-8")


def test_build_is_reproducible_and_leaves_sources_alone(built: Path, tmp_path: Path) -> None:
    source = built.parent
    before = {p: p.read_bytes() for p in source.rglob("*") if p.is_file() and "site" not in p.relative_to(source).parts}
    first = (built / "ontwikkeling" / "index.html").read_bytes()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "again")], cwd=source,
                   env=env, capture_output=True, text=True, timeout=300, check=True)
    assert (tmp_path / "again" / "ontwikkeling" / "index.html").read_bytes() == first
    assert (tmp_path / "again" / "competenties" / "gesprek-voeren" / "index.html").read_bytes() == \
        (built / "competenties" / "gesprek-voeren" / "index.html").read_bytes()
    after = {p: p.read_bytes() for p in before}
    assert after == before


def test_every_string_of_pop_js_exists_in_both_languages() -> None:
    script = POP_JS.read_text(encoding="utf-8")
    used = set(re.findall(r'\bT\("(p\w+)"\s*[,)]', script)) | set(re.findall(r'"(pNeed\w+)"', script))
    assert used, "no strings found in pop.js"
    for language, table in (("nl", NL), ("en", EN)):
        strings = json.loads(table["js_pop"])
        missing = sorted(k for k in used if k not in strings)
        assert not missing, f"{language}: {missing}"
        for dynamic in ("pL0", "pL1", "pL2", "pL3", "pS0", "pS3", "p_situation", "p_reflection"):
            assert dynamic in strings
    assert set(POP_BROWSER["nl"]) == set(POP_BROWSER["en"])
    assert EN["pop_title"] == "My development" and NL["pop_title"] == "Mijn ontwikkeling"
    differ = [k for k in POP_BROWSER["nl"] if POP_BROWSER["nl"][k] == POP_BROWSER["en"][k]]
    assert not differ, differ


def test_chart_labels_are_cut_into_lines() -> None:
    """SVG text does not wrap: a long competence title is cut into lines, and the level pop.js adds after the last
    line (room for the longest level name) never makes a line longer than CHART_CHARS."""
    assert chart_lines("Het gesprek voeren", 15) == ["Het gesprek voeren:"]
    long = chart_lines("Samenwerken met informele zorg en vrijwilligers", 15)
    assert long == ["Samenwerken met informele zorg en", "vrijwilligers:"]
    assert chart_lines("De regie bij de inwoner laten", 15) == ["De regie bij de inwoner laten:", ""]
    for title in ("Het sociale netwerk versterken", " ".join(["Een titel"] * 12), "Eén"):
        lines = chart_lines(title, 15)
        assert " ".join(lines).strip() == f"{title}:"
        assert all(len(line) <= CHART_CHARS for line in lines) and len(lines[-1]) + 1 + 15 <= CHART_CHARS
    rows = [{"title": "Het gesprek voeren"}, {"title": "Samenwerken met informele zorg en vrijwilligers"},
            {"title": "X"}]
    height = chart_rows(rows, 15)
    assert [r["ys"] for r in rows] == [[15], [43, 61], [89]] and [r["bar"] for r in rows] == [19, 65, 93]
    assert height == 109


def test_fingerprint_ignores_spacing_only() -> None:
    assert fingerprint("Stelt  open\nvragen.") == fingerprint("Stelt open vragen.")
    assert fingerprint("Stelt open vragen.") != fingerprint("Stelt open vragen!")


def test_export_pop(tmp_path: Path) -> None:
    from pypdf import PdfReader

    from werkplaats.export.pop import run_pop_export

    written = run_pop_export(MINIMAL, [], tmp_path)
    assert [p.name for p in written] == ["gesprek-voeren-zelfbeoordeling.html", "gesprek-voeren-zelfbeoordeling.pdf"]
    page = written[0].read_text(encoding="utf-8")
    for text in ("Stelt open vragen.", "Vraagt door naar de vraag achter de vraag.", "Opmerkingen van de coach",
                 "meestal", "Startbekwaam"):
        assert text in page
    assert page.count("<td class=\"wp-pop-box\">☐</td>") == 12
    assert not re.search(r'(src|href)="(https?:)?//', page)
    text = " ".join(p.extract_text() for p in PdfReader(written[1]).pages)
    assert "Het gesprek voeren" in text and "Stelt open vragen." in text
    again = run_pop_export(MINIMAL, ["gesprek-voeren"], tmp_path / "again")
    assert again[1].read_bytes() == written[1].read_bytes()
    with pytest.raises(ExportError, match=r"no competence `gesprek-voren`.*gesprek-voeren"):
        run_pop_export(MINIMAL, ["gesprek-voren"], tmp_path)


def test_export_pop_command(tmp_path: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cli = [sys.executable, "-m", "werkplaats.cli"] if (ROOT / "werkplaats" / "__main__.py").exists() else \
        [str(Path(sys.executable).parent / "werkplaats")]
    ok = subprocess.run([*cli, "export", "pop", "--out", str(tmp_path)], cwd=MINIMAL, env=env, capture_output=True,
                        text=True, timeout=300, check=False)
    assert ok.returncode == 0, ok.stderr
    assert (tmp_path / "gesprek-voeren-zelfbeoordeling.pdf").exists()
    bad = subprocess.run([*cli, "export", "pop", "nope", "--out", str(tmp_path)], cwd=MINIMAL, env=env,
                         capture_output=True, text=True, timeout=300, check=False)
    assert bad.returncode == 2 and "no competence `nope`" in bad.stderr and "Traceback" not in bad.stderr


def test_english_ui() -> None:
    """With theme.language: en the self-assessment, the overview and the strings of pop.js are English."""
    from werkplaats.content import load_project
    from werkplaats.labels import labels_for
    from werkplaats.pages.generate import Generator

    generator = Generator(load_project(MINIMAL), labels_for("en"))
    pages = generator.generate().pages
    def filled(markdown: str) -> str:
        return re.sub(r"WPSLOT([0-9a-f]{16})", lambda m: generator.slots[m.group(1)], markdown)

    competence = filled(pages["competenties/gesprek-voeren.md"])
    for text in ("## My development", "Self-assessment", "> mostly</label>", "not yet", "Development goal", "Save goal",
                 "Learning activities for this goal", "&#34;pLevel&#34;:&#34;Your level now: {l}&#34;"):
        assert text in competence, text
    overview = filled(pages["ontwikkeling/index.md"])
    for text in ("# My development", "Overview by cluster", "Print development plan", "Coach&#39;s remarks"):
        assert text in overview, text
    assert "Mijn ontwikkeling" not in overview and "Zelfbeoordeling" not in competence
