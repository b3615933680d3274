"""The `dialogue` content type: graph validation (each mistake, its message and line), CLI, and a real build."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from werkplaats.cli import main
from werkplaats.content import load_project

MINIMAL = Path(__file__).parent / "sites" / "minimal"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}

# A valid dialogue; line numbers below refer to this text (line 1 is `id:`).
VALID = """\
id: proef
title: Proefgesprek
competences: [gesprek-voeren]
roles:
  consulent: Jij
  inwoner: Mevrouw Jansen (fictief)
intro: Een gesprek om te proberen.
nodes:
  - id: begin
    speaker: inwoner
    text: Ik wil hulp.
    choices:
      - text: Vertel eens.
        to: midden
        feedback: Goed.
        scores: {gesprek-voeren: 1}
      - text: Formulier erbij.
        to: einde
        feedback: Te snel.
  - id: midden
    speaker: verteller
    text: Ze vertelt.
    choices:
      - text: Terug naar het begin.
        to: begin
        feedback: Kan.
      - text: Afronden.
        to: einde
        feedback: Goed.
  - id: einde
    speaker: verteller
    text: Klaar.
    ending:
      verdict: Breed gesprek
      outcome: breed
      debrief: Zo ging het.
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns("site", ".site-*", "__pycache__"))
    return root


def dialogue_problems(root: Path, text: str) -> list[str]:
    (root / "dialogues" / "proef.yml").write_text(text, encoding="utf-8")
    return [str(p) for p in load_project(root).problems]


def test_valid_dialogue_loads(project: Path) -> None:
    assert dialogue_problems(project, VALID) == []
    loaded = load_project(project)
    dialogue = loaded.items["dialogue"]["proef"]
    assert dialogue.start_id == "begin"
    assert [node.id for node in dialogue.nodes] == ["begin", "midden", "einde"]
    assert loaded.counts()["dialogue"] == 2


BROKEN = [
    pytest.param("        to: midden\n", "        to: miden\n",
                 ["dialogues/proef.yml:14: nodes[0].choices[0].to: no node `miden` in this dialogue; did you mean "
                  "`midden`?",
                  # midden is now reached by nothing
                  "dialogues/proef.yml:20: nodes[1]: no path from the start (`begin`) reaches node `midden`; "
                  "let a choice lead to it, or remove it"], id="choice-to-missing-node"),
    pytest.param("      - text: Vertel eens.\n        to: midden\n", "      - text: Vertel eens.\n        to: einde\n",
                 ["dialogues/proef.yml:20: nodes[1]: no path from the start (`begin`) reaches node `midden`; "
                  "let a choice lead to it, or remove it"], id="unreachable-node"),
    pytest.param("    text: Ze vertelt.\n    choices:\n      - text: Terug naar het begin.\n        to: begin\n"
                 "        feedback: Kan.\n      - text: Afronden.\n        to: einde\n        feedback: Goed.\n",
                 "    text: Ze vertelt.\n",
                 ["dialogues/proef.yml:20: nodes[1]: node `midden` has neither choices nor an ending; add "
                  "`choices:` (what the student can say) or `ending:` (verdict, outcome, debrief)"],
                 id="neither-choices-nor-ending"),
    pytest.param("    text: Ze vertelt.\n", "    text: Ze vertelt.\n    ending: {verdict: Kort, outcome: claim, "
                 "debrief: Zo.}\n",
                 ["dialogues/proef.yml:23: nodes[1]: node `midden` has both choices and an ending; keep one (a node "
                  "either goes on or ends the conversation)"], id="both-choices-and-ending"),
    pytest.param("      - text: Afronden.\n        to: einde\n", "      - text: Afronden.\n        to: midden\n",
                 [], id="loop-with-a-way-out-is-fine"),
    pytest.param("        to: einde\n        feedback: Te snel.\n", "        to: midden\n        feedback: Te snel.\n",
                 [],
                 id="loop-through-start-with-exit-is-fine"),
    pytest.param("        scores: {gesprek-voeren: 1}\n", "        scores: {gesprek-voeren: 1, gesprek-vooren: 2}\n",
                 ["dialogues/proef.yml:16: nodes[0].choices[0].scores: no competence with id `gesprek-vooren`; did "
                  "you mean `gesprek-voeren`?"], id="unknown-competence-in-scores"),
    pytest.param("competences: [gesprek-voeren]", "competences: [gesprek-voeren, luisteren]",
                 ["dialogues/proef.yml:3: competences[1]: no competence with id `luisteren`"],
                 id="unknown-competence"),
    pytest.param("        scores: {gesprek-voeren: 1}\n", "        scores: {gesprek-voeren: 5}\n",
                 ["dialogues/proef.yml:16: nodes[0].choices[0].scores.gesprek-voeren: input should be less than or "
                  "equal to 3"], id="score-out-of-range"),
    pytest.param("    speaker: inwoner\n", "    speaker: inwonner\n",
                 ["dialogues/proef.yml:10: nodes[0].speaker: `inwonner` is not a role of this dialogue; did you mean "
                  "`inwoner`?; expected one of: consulent, inwoner, verteller (or add it under `roles:`)"],
                 id="unknown-speaker"),
    pytest.param("intro: Een gesprek om te proberen.\n", "intro: Een gesprek om te proberen.\ncase: meneer-baker\n"
                 "methods: [het-gesprekk]\n",
                 ["dialogues/proef.yml:8: case: no case with id `meneer-baker`; did you mean `meneer-bakker`?",
                  "dialogues/proef.yml:9: methods[0]: no method with id `het-gesprekk`; did you mean `het-gesprek`?"],
                 id="unknown-case-and-method"),
    pytest.param("intro: Een gesprek om te proberen.\n", "intro: Een gesprek om te proberen.\nstart: begn\n",
                 ["dialogues/proef.yml:8: start: no node `begn` in this dialogue; did you mean `begin`?"],
                 id="unknown-start"),
    pytest.param("  - id: midden\n", "  - id: begin\n",
                 ["dialogues/proef.yml:20: nodes[1].id: `begin` is used twice; the first is at line 9; give every "
                  "node its own id",
                  "dialogues/proef.yml:14: nodes[0].choices[0].to: no node `midden` in this dialogue"],
                 id="duplicate-node-id"),
    pytest.param("    ending:\n      verdict: Breed gesprek\n      outcome: breed\n      debrief: Zo ging het.\n",
                 "    choices:\n      - text: Nog eens.\n        to: begin\n        feedback: Rond.\n",
                 ["dialogues/proef.yml:8: nodes: the dialogue has no ending; give at least one node an `ending:` "
                  "with `verdict`, `outcome` and `debrief`"], id="no-ending"),
    pytest.param("      outcome: breed\n", "      outcome: breedd\n",
                 ["dialogues/proef.yml:35: nodes[2].ending.outcome: `breedd` is not allowed; input should be "
                  "'claim', 'breed' or 'plan'"], id="unknown-outcome"),
]


@pytest.mark.parametrize(("old", "new", "expected"), BROKEN)
def test_graph_mistakes(project: Path, old: str, new: str, expected: list[str]) -> None:
    assert old in VALID
    assert sorted(dialogue_problems(project, VALID.replace(old, new, 1))) == sorted(expected)


def test_a_loop_with_no_way_out_is_reported_once_at_its_first_node(project: Path) -> None:
    # midden leads to begin and to a new node `rond`, which only leads back to midden: begin still reaches `einde`,
    # but midden -> rond -> midden ... has a way out too. Make a real trap: rond <-> kring, reachable from midden.
    text = VALID.replace("      - text: Afronden.\n        to: einde\n", "      - text: Afronden.\n        to: rond\n")
    text += """\
  - id: rond
    speaker: verteller
    text: Rond.
    choices:
      - text: Verder.
        to: kring
        feedback: Hm.
  - id: kring
    speaker: verteller
    text: Kring.
    choices:
      - text: Terug.
        to: rond
        feedback: Hm.
"""
    assert dialogue_problems(project, text) == [
        "dialogues/proef.yml:37: nodes[3]: the nodes `rond`, `kring` lead only to each other and never to an "
        "ending: the conversation could go round forever; give one of them a choice that leads towards an ending"]


def test_every_mistake_at_once_and_no_build(project: Path) -> None:
    text = (VALID.replace("        to: midden\n", "        to: miden\n", 1)
            .replace("    speaker: inwoner\n", "    speaker: buurman\n", 1)
            .replace("gesprek-voeren: 1}", "luisteren: 1}", 1))
    found = dialogue_problems(project, text)
    assert [p.split(": ", 1)[0] for p in found] == ["dialogues/proef.yml:10", "dialogues/proef.yml:14",
                                                     "dialogues/proef.yml:16", "dialogues/proef.yml:20"]
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, env=ENV,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    for problem in found:
        assert problem in result.stderr
    assert not (project / "site").exists()


def test_module_lists_unknown_dialogue(project: Path) -> None:
    index = project / "modules" / "mini" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("dialogues: [kort-gesprek]", "dialogues: [kort-gesprk]"),
                     encoding="utf-8")
    assert [str(p) for p in load_project(project).problems] == [
        "modules/mini/index.md:11: dialogues[0]: no dialogue with id `kort-gesprk`; did you mean `kort-gesprek`?"]


def test_dialogue_macro_checked(project: Path) -> None:
    case = project / "cases" / "meneer-bakker.md"
    case.write_text(case.read_text(encoding="utf-8") + "\nOefen: {{ dialogue('kort-gesprk') }}\n", encoding="utf-8")
    assert [str(p) for p in load_project(project).problems] == [
        "cases/meneer-bakker.md:15: dialogue('kort-gesprk'): no dialogue with id `kort-gesprk`; did you mean "
        "`kort-gesprek`?"]


def test_new_dialogue_skeleton_is_valid_and_counted(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(project), "new", "dialogue", "nieuw-gesprek"]) == 0
    written = project / "dialogues" / "nieuw-gesprek.yml"
    assert written.is_file()
    assert main(["--root", str(project), "new", "dialogue", "nieuw-gesprek"]) == 2  # never over an existing file
    capsys.readouterr()
    assert main(["--root", str(project), "check", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True
    assert report["counts"]["dialogue"] == 2


def test_schema_has_dialogue(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--out", str(tmp_path / "schemas")]) == 0
    schema = json.loads((tmp_path / "schemas" / "dialogue.schema.json").read_text(encoding="utf-8"))
    assert {"roles", "intro", "nodes"} <= set(schema["required"])
    node = schema["$defs"]["Node"]
    assert set(node["properties"]) == {"id", "speaker", "text", "choices", "ending"}
    assert node["oneOf"] == [{"required": ["choices"]}, {"required": ["ending"]}]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dialogue") / "minimal"
    shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns("site", ".site-*", "__pycache__"))
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root, env=ENV,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_build_renders_the_dialogue_page(built: Path) -> None:
    html = (built / "gesprekken" / "kort-gesprek" / "index.html").read_text(encoding="utf-8")
    assert 'data-dialogue="kort-gesprek"' in html
    assert 'data-start="begin"' in html
    # The transcript without JavaScript: every node, every choice with its feedback and where it leads.
    for node in ("begin", "doorvragen", "einde-claim", "einde-breed", "einde-plan"):
        assert f'data-node="{node}"' in html
    assert "Een open vraag opent het gesprek over wat hij zelf wil." in html
    assert '<a href="#wp-dlg-kort-gesprek-doorvragen">Verder bij stap 2</a> · Het gesprek voeren +2' in html
    assert "<strong>Einde: Plan op de ladder</strong> (gesprek met een plan op de ladder)" in html
    # term() inside a node's text became a link.
    assert '<a href="../../begrippen/#eigen-kracht">Eigen kracht</a>' in html
    assert 'src="../../assets/werkplaats/werkplaats.js"' in html  # the one script, the player included
    assert b"data-dlg-ready" in (built / "assets" / "werkplaats" / "werkplaats.js").read_bytes()
    assert b".wp-dlg-" in (built / "assets" / "werkplaats" / "werkplaats.css").read_bytes()


def test_build_links_both_ways_and_lists_dialogues(built: Path) -> None:
    page = (built / "gesprekken" / "kort-gesprek" / "index.html").read_text(encoding="utf-8")
    for href in ("../../casussen/meneer-bakker/", "../../methodieken/het-gesprek/",
                 "../../competenties/gesprek-voeren/", "../../modules/mini/"):
        assert f'href="{href}"' in page
    for other in ("casussen/meneer-bakker", "methodieken/het-gesprek", "competenties/gesprek-voeren", "modules/mini"):
        html = (built / other / "index.html").read_text(encoding="utf-8")
        related = html[html.index('id="zie-ook"'):]
        assert '<strong>Gesprekken:</strong> <a href="../../gesprekken/kort-gesprek/">Een kort gesprek</a>' in related
    overview = (built / "gesprekken" / "index.html").read_text(encoding="utf-8")
    assert 'href="kort-gesprek/"' in overview
    progress = (built / "voortgang" / "index.html").read_text(encoding="utf-8")
    assert 'class="wp-dialogue-progress" data-wp-dialogues=' in progress
    assert "../gesprekken/kort-gesprek/" in progress


def test_english_ui_strings(project: Path) -> None:
    from werkplaats.labels import labels_for
    from werkplaats.pages.dialogue import dialogue_html
    from werkplaats.render import make_environment, md_block

    loaded = load_project(project)
    html = dialogue_html(make_environment(), loaded.items["dialogue"]["kort-gesprek"], loaded, labels_for("en"),
                         md_block)
    assert "Step 1" in html and "Continues at step 2" in html and "Narrator" in html
    assert "<strong>End: Gesprek over de claim</strong> (a conversation about the claim)" in html
    ui = json.loads(lxml_attr(html, "data-wp-strings"))
    assert ui["dlg_again"] == "Start again" and ui["dlg_say"] == "What do you say?" and ui["repair"]
    assert lxml_attr(html, "data-t") is None  # one way for strings: data-wp-strings, read by werkplaats.T
    # Every string dialogue.js uses is there, in both languages.
    assets = Path(__file__).resolve().parent.parent / "werkplaats" / "assets"
    script = (assets / "dialogue.js").read_text(encoding="utf-8")
    used = set(re.findall(r'\bT\("(\w+)"', script))
    assert used and used <= set(ui)
    assert used <= set(json.loads(lxml_attr(dialogue_html(make_environment(), loaded.items["dialogue"]["kort-gesprek"],
                                                          loaded, labels_for("nl"), md_block), "data-wp-strings")))


def lxml_attr(html: str, name: str) -> str:
    from lxml import html as lxml_html

    return lxml_html.fromstring(html).get(name)
