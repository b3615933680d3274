"""`werkplaats new TYPE ID`: write a valid skeleton in the right place (never over an existing file)."""

from __future__ import annotations

import re
from pathlib import Path

from werkplaats.content.models import TYPES

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")

SKELETONS: dict[str, str] = {
    "method": """---
id: {id}
title: {title}
summary: Eén of twee zinnen over deze methodiek.
themes: []
goal: Wat wil de methodiek bereiken?
target_group: Voor wie is de methodiek bedoeld?
approach: |
  1. Eerste stap.
  2. Tweede stap.
active_elements:
  - Wat maakt dat de methodiek werkt?
professional_role: Wat doet de professional, en wat juist niet?
preconditions: []
practice: Waar en met wie is de methodiek ontwikkeld?
sources: []
cases: []
competences: []
---
## Toelichting

Schrijf hier een uitleg met een concreet voorbeeld.
""",
    "competence": """id: {id}
title: {title}
summary: Eén zin over deze competentie.
cluster: Vraag en gesprek
description: Wat houdt de competentie in, en waarom vraagt De Kanteling erom?
levels:
  startbekwaam:
    - Gedrag dat je ziet bij een startende professional.
  vakbekwaam:
    - Gedrag dat je ziet bij een ervaren professional.
  vakvolwassen:
    - Gedrag dat je ziet bij een professional die anderen meeneemt.
methods: []
""",
    "knowledge_circle": """---
id: {id}
title: {title}
summary: Eén of twee zinnen over deze kenniskring.
number: 1
theme: Het thema
question: Aan welke vraag werkte de kenniskring?
activities:
  - where: Plaats
    partners: []
    what: Wat er daar gebeurde.
products:
  - Wat de kenniskring opleverde.
takeaways:
  - Wat een professional eraan heeft.
methods: []
instruments: []
cases: []
---
""",
    "case": """---
id: {id}
title: {title}
summary: Eén zin over deze casus.
themes: []
person: Wie het is, in een regel (verzonnen).
request: Met welke vraag meldt de persoon zich?
ladder:
  own_strength: Wat kan de persoon zelf?
  network: Wat kan het netwerk?
  volunteer: Wat kunnen vrijwilligers en algemene voorzieningen?
  professional: Wat blijft er voor de professional?
reflection:
  - Een vraag om over na te denken.
methods: []
competences: []
---
## De situatie

Vertel hier het verhaal.
""",
    "instrument": """id: {id}
title: {title}
summary: Eén zin over dit instrument.
purpose: Waarvoor en door wie wordt het instrument gebruikt?
scale:
  min: 1
  max: 5
  labels: [Helemaal oneens, Oneens, Neutraal, Eens, Helemaal eens]
dimensions:
  - id: eerste-dimensie
    title: Eerste dimensie
    items:
      - id: item-1
        text: Een uitspraak om op te scoren.
""",
    "term": """---
id: {id}
title: {title}
definition: Een of twee zinnen die het begrip uitleggen.
synonyms: []
see_also: []
---
""",
    "module": """---
id: {id}
title: {title}
summary: Eén of twee zinnen over deze module.
themes: []
audience: [student, professional]
study_load: 4
objectives:
  - Na deze module kun je ...
prerequisites: []
units: [eerste-les]
cases: []
methods: []
competences: []
quiz:
  pass_mark: 70
  questions: all
---
Een korte inleiding op de module.
""",
    "unit": """---
id: {id}
title: {title}
summary: Eén zin over deze les.
objectives:
  - Na deze les kun je ...
sources: []
---
## Inleiding

Schrijf hier de les.
""",
    "dialogue": """id: {id}
title: {title}
summary: Eén zin over dit gesprek.
themes: []
methods: []
competences: []
roles:
  consulent: Jij (Wmo-consulent)
  inwoner: Een inwoner (fictief)
intro: |
  Waar vindt het gesprek plaats, en met welke vraag begint het?
nodes:
  - id: begin
    speaker: inwoner
    text: |
      Wat de inwoner als eerste zegt.
    choices:
      - text: Wat jij zegt als je doorvraagt.
        to: einde-breed
        feedback: Waarom deze keuze werkt.
      - text: Wat jij zegt als je bij de vraag blijft.
        to: einde-claim
        feedback: Waarom deze keuze minder goed werkt.
  - id: einde-breed
    speaker: verteller
    text: Wat er daarna gebeurt.
    ending:
      verdict: Breed gesprek
      outcome: breed
      debrief: |
        Wat er gebeurde en waarom, en wat een andere route had gegeven.
  - id: einde-claim
    speaker: verteller
    text: Wat er daarna gebeurt.
    ending:
      verdict: Gesprek over de claim
      outcome: claim
      debrief: |
        Wat er gebeurde en waarom, en wat een andere route had gegeven.
""",
}

QUESTIONS = """questions:
  - id: {prefix}-01
    type: single
    objectives: [1]
    competences: []
    text: Een vraag die begrip toetst.
    options:
      - text: Het goede antwoord
        correct: true
        feedback: Waarom dit klopt.
      - text: Een fout antwoord
        feedback: Waarom dit niet klopt, en wat wel.
"""


class SkeletonError(Exception):
    """The skeleton cannot be written (bad id, unknown module, or the file exists)."""


def _title(item_id: str) -> str:
    return item_id.replace("-", " ").capitalize()


def write_skeleton(root: Path, kind: str, item_id: str) -> list[Path]:
    """Write a skeleton for a new item and return the files written.

    Arguments:
        root: the project folder.
        kind: a content type, or `unit` (with `item_id` as MODULE/UNIT).
        item_id: the new id.

    Returns:
        The paths written.

    Raises:
        SkeletonError: the id is not valid, the module does not exist, or a file would be overwritten.
    """
    parent = None
    if kind == "unit":
        if "/" not in item_id:
            raise SkeletonError("give a unit as MODULE/UNIT, e.g. `kanteling-en-het-gesprek/nieuwe-les`")
        parent, item_id = item_id.split("/", 1)
    if not ID_PATTERN.match(item_id):
        raise SkeletonError(f"`{item_id}` is not a valid id; use lowercase letters, digits and hyphens")
    if kind == "unit":
        folder = root / "modules" / str(parent)
        if not (folder / "index.md").is_file():
            raise SkeletonError(f"no module `{parent}` (expected {folder / 'index.md'})")
        targets = {folder / f"{item_id}.md": SKELETONS["unit"]}
    elif kind == "module":
        folder = root / "modules" / item_id
        prefix = "".join(part[0] for part in item_id.split("-"))[:6] or "q"
        targets = {folder / "index.md": SKELETONS["module"], folder / "eerste-les.md": SKELETONS["unit"].replace(
            "{id}", "eerste-les").replace("{title}", "Eerste les"), folder / "questions.yml": QUESTIONS.replace(
            "{prefix}", prefix)}
    else:
        suffix = ".yml" if kind in ("competence", "instrument", "dialogue") else ".md"
        targets = {root / TYPES[kind][1] / f"{item_id}{suffix}": SKELETONS[kind]}
    existing = [path for path in targets if path.exists()]
    if existing:
        raise SkeletonError(f"{existing[0]} exists already; choose another id")
    written = []
    for path, text in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.replace("{id}", item_id).replace("{title}", _title(item_id)), encoding="utf-8")
        written.append(path)
    return written
