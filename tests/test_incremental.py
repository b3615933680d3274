"""`mkdocs serve --dirty`: each rebuild redoes only what an edit changed, and gives the site a full build gives.

A session of builds runs in its own process (tests/dirty_session.py), as `mkdocs serve --dirty` runs them; after every
edit its site is compared, file by file, with a fresh `mkdocs build` of the same sources.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from support import ENV, MINIMAL, copy_site, tree_digest

CASE = "cases/meneer-bakker.md"
QUESTIONS = "modules/mini/questions.yml"
TERM = "glossary/zelfredzaamheid.md"


def _steps() -> list[dict]:
    case = (MINIMAL / CASE).read_text(encoding="utf-8")
    questions = (MINIMAL / QUESTIONS).read_text(encoding="utf-8")
    home = (MINIMAL / "docs" / "index.md").read_text(encoding="utf-8")
    term = (MINIMAL / TERM).read_text(encoding="utf-8")
    assert "De ladder begint bij de burger zelf." in questions and "title: Meneer Bakker" in case
    edited_case = case + "\nHij kookt elke zondag voor zijn buurman.\n"
    return [
        {"write": {CASE: edited_case}},  # 1: the body of one case
        {"write": {QUESTIONS: questions.replace("De ladder begint bij de burger zelf.",
                                                "De ladder begint bij wat iemand zelf kan.")}},  # 2: one feedback
        {"write": {CASE: edited_case.replace("title: Meneer Bakker", "title: Meneer J. Bakker")}},  # 3: a title
        {"write": {"docs/index.md": home + "\nWelkom bij de werkplaats.\n"}},  # 4: a page in docs/ with macros
        {"write": {"cases/mevrouw-de-wit.md": case.replace("meneer-bakker", "mevrouw-de-wit")
                   .replace("Meneer Bakker", "Mevrouw De Wit")}},  # 5: a new case
        {"write": {CASE: "---\nid: meneer-bakker\ntitle: [kapot\n---\n"}},  # 6: broken YAML
        {"write": {CASE: edited_case + "\nEn hij fietst.\n"}},  # 7: mended
        {"write": {QUESTIONS: questions.replace("text: Wat komt eerst op de ladder?",
                                                "text: \"Wat komt eerst, gezien {{ term('zelfredzaamheid') }}?\"")}},
        {"write": {TERM: term.replace("title: Zelfredzaamheid", "title: Zelfredzaamheid (Wmo)")}},  # 9: its title
        {"write": {CASE: edited_case + "\n{{ questions('mini', ['m-02']) }}\n"}},  # 10: the case shows a question
        {"write": {QUESTIONS: questions.replace("text: Welke horen bij het netwerk?",
                                                "text: Wie horen bij het sociale netwerk?")}},  # 11: which changes
        {"write": {CASE: edited_case.replace("reflection:", "competences: [gesprek-voeren]\nreflection:")}},  # 12
    ]


def _search_entries(site: Path) -> list[str]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return sorted(json.dumps(entry, sort_keys=True) for entry in index["docs"])


def _assert_same_site(incremental: Path, full: Path) -> None:
    ours, theirs = tree_digest(incremental), tree_digest(full)
    search = "search/search_index.json"
    assert sorted(ours) == sorted(theirs), set(ours) ^ set(theirs)
    differing = [path for path in ours if ours[path] != theirs[path] and path != search]
    assert differing == []
    # Entries carried over from earlier builds come first: the same entries, in another order.
    assert _search_entries(incremental) == _search_entries(full)


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict], list[dict], Path]:
    work = tmp_path_factory.mktemp("dirty")
    root = copy_site(work / "served")
    steps = _steps()
    (work / "steps.json").write_text(json.dumps(steps), encoding="utf-8")
    out = work / "out"
    result = subprocess.run([sys.executable, str(Path(__file__).parent / "dirty_session.py"), str(root),
                             str(work / "steps.json"), str(out)], cwd=root, env=ENV, capture_output=True, text=True,
                            timeout=600, check=False)
    assert result.returncode == 0, result.stderr
    return steps, json.loads((out / "steps.json").read_text(encoding="utf-8")), out


def test_each_rebuild_redoes_only_what_changed(session: tuple[list[dict], list[dict], Path]) -> None:
    _, report, _ = session
    assert report[0]["full"] and report[0]["ok"]
    # The home page calls macros, so it is redone on every build; the rest only when its Markdown changed.
    assert report[1] == {"ok": True, "full": False, "rebuilt": ["", "casussen/meneer-bakker/"]}
    assert report[2]["ok"] and not report[2]["full"]
    assert "modules/mini/toets/" in report[2]["rebuilt"] and "casussen/meneer-bakker/" not in report[2]["rebuilt"]
    assert len(report[2]["rebuilt"]) < len(report[0]["rebuilt"]) / 2
    assert report[3]["ok"] and report[3]["full"]  # a title is in every page's navigation
    assert report[4]["ok"] and not report[4]["full"] and "" in report[4]["rebuilt"]
    assert report[5]["ok"] and report[5]["full"]  # a new page
    assert not report[6]["ok"]
    assert report[7]["ok"] and report[7]["full"]  # after a failed build, everything is redone
    # 8: a question links to a term; 9: the term's title changes, and the quiz that shows the link is redone.
    assert report[9]["ok"] and "modules/mini/toets/" in report[9]["rebuilt"]
    # 10: a case embeds a question; 11: the question changes, and so does the case page.
    assert report[11]["ok"] and not report[11]["full"] and "casussen/meneer-bakker/" in report[11]["rebuilt"]
    # 12: the case names a competence; the competence's page, which lists its cases, is redone too.
    assert report[12]["ok"] and not report[12]["full"] and "competenties/gesprek-voeren/" in report[12]["rebuilt"]


def test_each_rebuild_equals_a_full_build(session: tuple[list[dict], list[dict], Path], tmp_path: Path) -> None:
    steps, report, out = session
    root = copy_site(tmp_path / "fresh")
    for number, step in enumerate([{}, *steps]):
        for path, text in step.get("write", {}).items():
            (root / path).write_text(text, encoding="utf-8")
        if not report[number]["ok"]:
            continue
        site = tmp_path / f"full-{number}"
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)], cwd=root,
                                env=ENV, capture_output=True, text=True, timeout=600, check=False)
        assert result.returncode == 0, result.stderr
        _assert_same_site(out / f"step-{number}", site)


def test_a_failed_rebuild_leaves_the_served_site(session: tuple[list[dict], list[dict], Path]) -> None:
    _, _, out = session
    assert tree_digest(out / "step-6") == tree_digest(out / "step-5")
