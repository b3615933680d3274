"""The corrections of issue 12 in the project's own content stay corrected.

These read the content files as text and front matter (not through the model), so they also guard fields the model
may not know yet, such as `sources` on units. Question banks and the lecturers' guide are out of scope here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ("glossary", "modules", "cases", "methods", "circles", "competences", "instruments", "docs")


def content_files() -> list[Path]:
    files = []
    for folder in CONTENT:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix not in (".md", ".yml") or path.name == "questions.yml":
                continue
            if "voor-docenten" in path.parts:
                continue
            files.append(path)
    return files


def flat(path: Path) -> str:
    """The file's text with all runs of whitespace as one space, so a phrase broken over lines still matches."""
    return " ".join(path.read_text(encoding="utf-8").split())


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".yml":
        return yaml.safe_load(text)
    _, head, _ = text.split("---\n", 2)
    return yaml.safe_load(head)


def name(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_there_is_content_to_check():
    assert len(content_files()) > 100


@pytest.mark.parametrize("phrase", [
    r"wat iemand alleen kan",
    r"hoe zelfredzaam iemand alleen is",
    r"hulp die familie nu geeft hier niet meetelt",
    r"Hier tel je de steun van anderen wel mee",
    r"gingen daarom samenredzaamheid meten",
    # plans in the seeds presented as done
    r"werden de ontwikkelwerkplaatsen gekoppeld aan casestudies",
    r"werkplaatsen gekoppeld aan casestudies: (burgers|inwoners)",
    r"uit casestudies werden ondersteund door de partijen",
    r"beschreven het gevoel als tweeslachtig",
    r"Daarom werden ze getoetst bij",
    r"beschreven, volgden en evalueerden de praktijken",
    # naoberschap is no aim of the Wmo, nor volunteering in an organisation
    r"naoberschap[^.]{0,40} doelen van de Wmo",
    r"Zo krijgt \{\{ term\('naoberschap'\) \}\} een nieuwe",
    # calques
    r"in termen van",
    r"nagedachte",
])
def test_corrected_phrases_do_not_come_back(phrase):
    found = [name(path) for path in content_files() if re.search(phrase, flat(path))]
    assert found == [], f"{phrase!r} is back in {found}"


def test_zelfredzaamheid_includes_organising_help():
    for path in ("glossary/zelfredzaamheid.md", "glossary/zrm.md"):
        assert re.search(r"zelf de juiste hulp regel", flat(ROOT / path)), path


def test_zrm_has_no_domain_huishouden():
    text = flat(ROOT / "glossary/zrm.md")
    assert "instrumentele ADL" in text
    items = [item["text"] for dim in front_matter(ROOT / "instruments/casusoefening-zelfredzaamheid.yml")["dimensions"]
             for item in dim["items"]]
    assert not any(re.match(r'"?Huishouden\b', text) for text in items)


def test_de_kanteling_is_spelled_one_way():
    wrong = [name(path) for path in content_files()
             if re.search(r"(?<![.!?:*'\"]) de Kanteling\b", flat(path)) or "'de Kanteling'" in flat(path)]
    assert wrong == []
    assert front_matter(ROOT / "glossary/kanteling.md")["title"] == "De Kanteling"


def test_groningen_drenthe_has_a_hyphen():
    assert [name(path) for path in content_files() if "Groningen Drenthe" in flat(path)] == []


ALLOWED_BURGER = (
    "regie-bij-burger", "organisaties-burgers", "burgerparticipatie", "medeburgers", "cliënten en burgers",
)


def test_the_person_is_an_inwoner():
    wrong = []
    for path in content_files():
        text = flat(path)
        for allowed in ALLOWED_BURGER:
            text = text.replace(allowed, "")
        if re.search(r"\b[Bb](urger|ewoner)s?\b", text):
            wrong.append(name(path))
    assert wrong == []


def test_the_two_ladders_stand_side_by_side_once():
    header = "| Trede | Ladder van het wijkteam (deze site) | Ladder van de VNG |"
    where = [name(path) for path in content_files() if header in path.read_text(encoding="utf-8")]
    assert where == ["docs/achtergrond/de-kanteling.md"]
    assert "### Twee ladders naast elkaar" in (ROOT / where[0]).read_text(encoding="utf-8")
    assert "de-kanteling.md#twee-ladders-naast-elkaar" in (ROOT / "glossary/oplossingsladder.md").read_text()


def test_buurtbus_and_algemene_voorzieningen_are_rung_three_in_every_case():
    for path in sorted((ROOT / "cases").glob("*.md")):
        ladder = front_matter(path)["ladder"]
        for rung in ("own_strength", "network", "professional"):
            assert "buurtbus" not in ladder[rung].lower(), f"{name(path)}: the buurtbus belongs on rung 3"
        assert "naoberschap" not in ladder["volunteer"], f"{name(path)}: naoberschap is help between neighbours"
    assert "buurtbus" in front_matter(ROOT / "cases/meneer-bakker.md")["ladder"]["volunteer"]


def test_the_daughter_gets_no_new_task_when_the_text_says_she_need_do_no_more():
    text = (ROOT / "modules/supportgericht-werken-netwerk/het-netwerk-methodisch-benutten.md").read_text()
    assert "zonder dat de dochter meer hoeft" in text
    row = next(line for line in text.splitlines() if line.startswith("| Dochter"))
    now, possible = (cell.strip() for cell in row.strip("|").split("|")[1:3])
    assert possible.startswith("blijft"), f"the daughter's 'Mogelijk' cell adds a task: {possible!r} (now: {now!r})"


def test_legal_facts():
    beschikking = flat(ROOT / "glossary/beschikking.md")
    assert "binnen 6 weken bezwaar" in beschikking and "college" in beschikking and "rechtbank" in beschikking
    wlz = flat(ROOT / "glossary/wlz.md")
    assert "permanent toezicht" in wlz and "24 uur" in wlz and "thuis" in wlz
    assert "AWBZ" in flat(ROOT / "glossary/jeugdwet.md")
    route = flat(ROOT / "modules/kanteling-en-het-gesprek/van-melding-tot-beschikking.md")
    assert "recht op een schriftelijke weergave" in route and "2.3.2" in route
    panel = flat(ROOT / "cases/zeggenschap-gebruikerspanel.md")
    assert "recht op heeft" in panel, "the written report is a right, not the panel's proposal"


def bronnen_keys() -> set[str]:
    return set(re.findall(r"^- \*\*(.+?)\*\*:", (ROOT / "docs/bronnen.md").read_text(encoding="utf-8"), re.M))


def test_bronnen_page_gives_full_references():
    keys = bronnen_keys()
    assert len(keys) >= 40
    for entry in re.findall(r"^- \*\*.+?\*\*: (.+)$", (ROOT / "docs/bronnen.md").read_text(), re.M):
        assert entry.strip(), "every short key is followed by its full reference"


@pytest.mark.parametrize("folder", ["modules", "methods"])
def test_every_unit_and_method_names_its_sources_from_the_bronnen_page(folder):
    keys = bronnen_keys()
    paths = [p for p in sorted((ROOT / folder).rglob("*.md")) if p.name != "index.md"]
    assert paths
    for path in paths:
        sources = front_matter(path).get("sources") or []
        assert sources, f"{name(path)} has no sources"
        unknown = [source for source in sources if source not in keys]
        assert unknown == [], f"{name(path)}: {unknown} is not a short reference on docs/bronnen.md"
