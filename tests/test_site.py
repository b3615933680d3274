"""Real `mkdocs build` runs: generated pages, backlinks, failed builds, repeatable output, and linkchecker."""

from __future__ import annotations

import http.server
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from support import ENV, MINIMAL, ROOT, build, sources_digest, tree_digest  # noqa: F401 - also used by older tests


@pytest.fixture(scope="module")
def built(minimal_site: Path) -> Path:
    """The minimal site, built once for the tests of this module that only read it."""
    return minimal_site


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def test_every_item_gets_a_page(built: Path) -> None:
    for page in ["methodieken/het-gesprek/index.html", "casussen/meneer-bakker/index.html",
                 "competenties/gesprek-voeren/index.html", "competenties/matrix/index.html",
                 "kenniskringen/zeggenschap/index.html", "instrumenten/kwaliteit/index.html",
                 "begrippen/index.html", "modules/mini/index.html", "modules/mini/intro/index.html",
                 "modules/mini/verdieping/index.html", "modules/mini/toets/index.html", "voortgang/index.html"]:
        assert (built / page).is_file(), page


def test_backlinks_both_ways(built: Path) -> None:
    # The method names the case; the case page links back to the method.
    assert 'href="../../methodieken/het-gesprek/"' in read(built, "casussen/meneer-bakker/index.html")
    # The module names the competence; the competence page lists the module that trains it.
    competence = read(built, "competenties/gesprek-voeren/index.html")
    assert "Modules die deze competentie trainen" in competence
    assert 'href="../../modules/mini/"' in competence
    # The circle names the instrument; the instrument links back to the circle.
    assert 'href="../../kenniskringen/zeggenschap/"' in read(built, "instrumenten/kwaliteit/index.html")


def test_module_sequence_and_quiz(built: Path) -> None:
    unit = read(built, "modules/mini/intro/index.html")
    assert "Les 1 van 2" in unit
    assert ('<p class="wp-sequence"><a class="md-button wp-prev" href="../" rel="prev">Vorige: Mini-module</a> '
            '<a class="md-button md-button--primary wp-next" href="../verdieping/" rel="next">Volgende: Verdieping</a>'
            '</p>') in unit
    assert '<p class="wp-breadcrumb"><a href="../">Mini-module</a> · Les 1 van 2</p>' in unit
    quiz = read(built, "modules/mini/toets/index.html")
    assert quiz.count('class="wp-question"') == 7
    assert 'data-pass-mark="60"' in quiz
    for kind in ("single", "multiple", "truefalse", "fill", "matching", "ordering", "open"):
        assert f'data-type="{kind}"' in quiz


def test_glossary_links_and_macros(built: Path) -> None:
    home = read(built, "index.html")
    assert 'href="begrippen/#eigen-kracht"' in home
    assert 'href="casussen/meneer-bakker/"' in home
    assert 'data-type="single"' in home  # the questions() macro embeds a self-check
    glossary = read(built, "begrippen/index.html")
    assert 'id="eigen-kracht"' in glossary and 'href="#zelfredzaamheid"' in glossary


def test_matrix(built: Path) -> None:
    matrix = read(built, "competenties/matrix/index.html")
    assert '<th scope="row"><a href="../gesprek-voeren/">Het gesprek voeren</a></th>' in matrix
    assert '<span class="wp-visually-hidden">ja</span>' in matrix


def test_answer_keys_stay_out_of_the_search_index(built: Path) -> None:
    index = json.loads(read(built, "search/search_index.json"))
    text = json.dumps(index, ensure_ascii=False)
    # Quizzes are put in after the search plugin has read the page, so no answer key can leak into the index.
    assert "Ja, eerst wat iemand zelf kan." not in text  # per-option feedback may not
    assert "Bijvoorbeeld hoe hij zijn dag invult." not in text  # nor model answers
    assert "Modelantwoord" not in text
    assert any(doc["location"].startswith("modules/mini/toets/") for doc in index["docs"])
    assert index["config"]["lang"] == ["nl"]


def test_no_request_to_another_host(built: Path) -> None:
    for page in built.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for marker in ("fonts.googleapis", "fonts.gstatic", "cdn.jsdelivr", "unpkg.com", "cdnjs"):
            assert marker not in html, f"{page}: {marker}"
    assert (built / "assets/werkplaats/werkplaats.js").is_file()


def test_build_is_byte_for_byte_repeatable(site_root: Path, tmp_path: Path) -> None:
    build(site_root, "--site-dir", str(tmp_path / "one"))
    build(site_root, "--site-dir", str(tmp_path / "two"))
    assert tree_digest(tmp_path / "one") == tree_digest(tmp_path / "two")


def test_failed_build_keeps_the_last_good_site_and_the_sources(site_root: Path) -> None:
    build(site_root)
    site_before = tree_digest(site_root / "site")
    methods = site_root / "methods" / "het-gesprek.md"
    methods.write_text(methods.read_text(encoding="utf-8").replace("goal:", "gaol:"), encoding="utf-8")
    case = site_root / "cases" / "meneer-bakker.md"
    case.write_text(case.read_text(encoding="utf-8").replace("title: Meneer Bakker", "title: Meneer Bakker: x"),
                    encoding="utf-8")
    sources_before = sources_digest(site_root)
    result = build(site_root, check=False)
    assert result.returncode != 0
    assert "methods/het-gesprek.md:6: gaol: is not a known field; did you mean `goal`?" in result.stderr
    assert "cases/meneer-bakker.md:3: YAML syntax error" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(site_root / "site") == site_before
    assert sources_digest(site_root) == sources_before
    assert not list(site_root.glob(".site-*"))


def test_strict_warning_keeps_the_last_good_site(site_root: Path) -> None:
    build(site_root)
    site_before = tree_digest(site_root / "site")
    index = site_root / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n[kapot](bestaat-niet.md)\n", encoding="utf-8")
    result = build(site_root, check=False)
    assert result.returncode != 0 and "bestaat-niet.md" in result.stderr
    assert tree_digest(site_root / "site") == site_before


def test_generated_path_clash_is_an_error(site_root: Path) -> None:
    (site_root / "docs" / "casussen").mkdir()
    (site_root / "docs" / "casussen" / "index.md").write_text("# Eigen pagina\n", encoding="utf-8")
    result = build(site_root, check=False)
    assert result.returncode != 0
    assert "docs/casussen/index.md" in result.stderr and "Traceback" not in result.stderr


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[callable]:
    servers = []

    def start(folder: Path) -> str:
        handler = lambda *a, **k: _Quiet(*a, directory=str(folder), **k)  # noqa: E731
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()


def linkcheck(url: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    linkchecker = Path(sys.executable).parent / "linkchecker"
    return subprocess.run([str(linkchecker), "--no-status", "--no-warnings", "--threads", "4",
                           "--ignore-url", r"^https?://(?!127\.0\.0\.1)", url],
                          capture_output=True, text=True, timeout=900, env={**ENV, "HOME": str(tmp_path)})


def test_linkchecker_finds_no_broken_link_in_the_test_site(built: Path, serve, tmp_path: Path) -> None:
    result = linkcheck(serve(built), tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors found" in result.stdout


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("real") / "site"
    build(ROOT, "--site-dir", str(out))
    return out


def test_real_site_builds_and_has_no_broken_link(real_site: Path, serve, tmp_path: Path) -> None:
    result = linkcheck(serve(real_site), tmp_path)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]
    assert "0 errors found" in result.stdout


def test_real_site_content_counts() -> None:
    from werkplaats.content import load_project

    project = load_project(ROOT)
    assert project.problems == []
    counts = project.counts()
    assert counts["knowledge_circle"] >= 5 and counts["method"] >= 10 and counts["competence"] >= 12
    assert counts["case"] >= 12 and counts["instrument"] >= 3 and counts["module"] >= 5
    assert counts["question"] >= 100 and counts["term"] >= 50
    for content in project.modules.values():
        assert len(content.questions) >= 20, content.module.id


def test_english_ui_strings(site_root: Path) -> None:
    config = site_root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: nl", "language: en"), encoding="utf-8")
    build(site_root)
    quiz = read(site_root / "site", "modules/mini/toets/index.html")
    assert "Answer and explanation" in quiz and ">Check<" in quiz
    assert "Antwoord en uitleg" not in quiz


def test_serve_watches_the_content_folders(site_root: Path) -> None:
    from mkdocs.config import load_config

    config = load_config(str(site_root / "mkdocs.yml"))
    plugin = config.plugins["werkplaats"]
    plugin.on_startup(command="serve", dirty=False)
    config = plugin.on_config(config)
    watched: list[str] = []

    class Server:
        def watch(self, path: str) -> None:
            watched.append(path)

    plugin.on_serve(Server(), config=config, builder=None)
    for folder in ("cases", "modules", "methods", "glossary"):
        assert str((site_root / folder).resolve()) in watched
    assert plugin.staged is None  # serve builds into its own temporary folder
