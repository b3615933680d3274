"""'Mijn ontwikkeling' (POP): the self-assessment block of each competence page and the `ontwikkeling/` page.

Both carry JSON that `assets/pop.js` reads; the learner's state lives in the browser only (store key `pop`).

DOM contract (templates/pages/pop-competence.html, pop.md, assets/pop.js, tests):
- `.wp-pop[data-wp-pop=<competence id>]` on a competence page, with `data-wp-data` (JSON, see `competence_data`) and
  `data-wp-strings` (the strings of pop.js). Inside: `form.wp-pop-rate` with one `fieldset.wp-pop-ind[data-k][data-fp]`
  per indicator holding four radios (values 0-3), `form.wp-pop-note` (fields date, situation, task, action, result,
  reflection), `form.wp-pop-goal` (fields what, how, when, who) and empty `.wp-pop-level`, `.wp-pop-snaps`,
  `.wp-pop-ev`, `.wp-pop-notes`, `.wp-pop-goals` that pop.js fills; `.wp-pop-todo` lists the related learning
  activities as links (pop.js hides those the learner has done).
- `.wp-pop-all[data-wp-pop-all]` on `ontwikkeling/`: JSON `{"competences": [competence_data, ...]}` in cluster order,
  and (templates/pages/pop-all.html) `.wp-pop-on` (hidden until the script runs) with `#wp-pop-name`, `.wp-pop-who`,
  `.wp-pop-date`, an SVG chart with `g[data-c=<id>]` (a `tspan` for the level, `rect.wp-bar` whose width pop.js sets),
  a table per cluster with `tr[data-c=<id>]` (cells level, evidence count, goal count), `section.wp-pop-item[data-c]`
  (`.wp-pop-lv`, `.wp-pop-e`, `.wp-pop-g`, `.wp-pop-coach` shown in print only), buttons `[data-act=print|export|
  import|reset]`, a hidden file input and a `.wp-status` live region.

`competence_data` is `{"id", "title", "cluster", "url", "levels": {level: [fingerprint per indicator]},
"modules": [{"id", "title", "url", "units": [url]}], "cases" / "instruments" / "methods": [{"id", "title", "url"}],
"dialogues": [{"id", "title", "url", "endings": {node: verdict}, "scores": {node: [score for this competence per
choice]}}]}`; urls are relative to the page the JSON is on.

Browser state, store key `pop` (checked by pop.js `valid` before every use and on import):
`{"competences": {"<competence id>": {"ratings": {"<level>.<index>": {"v": 0-3, "fp": fingerprint, "date": ISO}},
"snapshots": [{"date": ISO, "level": 0-3, "ratings": {"<level>.<index>": 0-3}}], "notes": [{"id", "date":
"YYYY-MM-DD", "situation", "task", "action", "result", "reflection"}], "goals": [{"id", "what", "how", "when":
"YYYY-MM-DD", "who", "date": ISO}]}}}` (v: 0 nog niet, 1 soms, 2 meestal, 3 altijd; texts up to 2000 characters, a
`<` before a letter gets a space after it, as the store refuses markup). The exported file is
`{"format": "werkplaats-pop", "version": 1, "exported": ISO, "name": text, "pop": <that value>}`; an import is
refused as a whole (with the reason) unless every part fits, and then replaces the plan. Evidence is read from the
other keys of werkplaats.js (`quiz:wp-quiz-<module>` passed, `visits` of all lessons of a module and of case pages,
which carry `[data-wp-visit]`, `instrument:<id>` done, `dialogue:<id>` ended, with the tally of the competence's
scores along the path taken).

A rating is stored under the key `<level>.<index>` (index of the indicator in that level, from 0) with the
indicator's fingerprint (first 8 hex digits of the SHA-1 of its text). When a lecturer edits, inserts or reorders
indicators, ratings whose fingerprint no longer matches are kept but not counted: the page shows the old choice and
asks for a new rating. Ratings of indicators that were removed are kept and ignored. The level rule (a level is
reached when all its indicators are rated 'meestal' or 'altijd' and the level below is reached) is `level()` in
pop.js.
"""

from __future__ import annotations

import hashlib
import json
import textwrap
from typing import TYPE_CHECKING, Any, cast

from werkplaats.content.models import LEVELS
from werkplaats.pages.links import page_of, unit_page, url_href
from werkplaats.render import to_json

if TYPE_CHECKING:
    from werkplaats.content.models import Competence
    from werkplaats.pages.generate import Generator

POP_PAGE = "ontwikkeling/index.md"
SCALE = (0, 1, 2, 3)
#: The overview chart (templates/pages/pop-all.html): a label is "<title>: <level>" above its bar. SVG text does not
#: wrap, so a long label is cut into lines of at most CHART_CHARS characters (about 310 px of type at 0.75rem: it
#: fits a 360 px phone); the level (filled in by pop.js) gets room for the longest level name. Rows are CHART_ROW
#: high plus CHART_LINE for each extra line; CHART_TOP leaves room for the ascenders of the first line.
CHART_CHARS = 42
CHART_ROW = 28
CHART_LINE = 18
CHART_TOP = 3


def fingerprint(text: str) -> str:
    """What identifies an indicator's wording: 8 hex digits of the SHA-1 of its text (spaces normalised)."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:8]


def _href(gen: Generator, page: str, kind: str, item_id: str) -> str:
    return url_href(page, page_of(kind, item_id)[0], "", gen.use_directory_urls)


def competence_data(gen: Generator, competence: Any, page: str) -> dict[str, Any]:
    """What pop.js needs about one competence, with links relative to `page`."""
    project = gen.project
    rel = gen.relations.get(("competence", competence.id), {})

    def entry(kind: str, item_id: str) -> dict[str, Any]:
        return {"id": item_id, "title": gen.linker.title(kind, item_id), "url": _href(gen, page, kind, item_id)}

    modules = []
    instruments: list[str] = []
    for module_id in rel.get("module", []):
        content = project.modules.get(module_id)
        data = entry("module", module_id)
        data["units"] = [url_href(page, unit_page(module_id, u.id), "", gen.use_directory_urls)
                         for u in (content.units if content else [])]
        modules.append(data)
        instruments += [i for i in getattr(project.items["module"][module_id], "instruments", [])
                        if i in project.items["instrument"]]
    cases = rel.get("case", [])
    for instrument in sorted(project.items["instrument"].values(), key=lambda i: i.id):
        if getattr(instrument, "case", None) in cases:
            instruments.append(instrument.id)
    dialogues = []
    for dialogue in sorted(project.items.get("dialogue", {}).values(), key=lambda d: (d.title.lower(), d.id)):
        nodes = getattr(dialogue, "nodes", [])
        scores = {n.id: [c.scores.get(competence.id, 0) for c in n.choices] for n in nodes if n.choices}
        if competence.id not in getattr(dialogue, "competences", []) and not any(any(s) for s in scores.values()):
            continue
        try:
            data = entry("dialogue", dialogue.id)
        except KeyError:  # a project without dialogue pages
            continue
        data["endings"] = {n.id: n.ending.verdict for n in nodes if n.ending is not None}
        data["scores"] = {k: v for k, v in scores.items() if any(v)}
        dialogues.append(data)
    return {
        "id": competence.id, "title": competence.title, "cluster": competence.cluster,
        "url": _href(gen, page, "competence", competence.id),
        "levels": {level: [fingerprint(text) for text in getattr(competence.levels, level)] for level in LEVELS},
        "modules": modules, "cases": [entry("case", c) for c in cases],
        "instruments": [entry("instrument", i) for i in dict.fromkeys(instruments)],
        "methods": [entry("method", m) for m in rel.get("method", [])], "dialogues": dialogues,
    }


def competence_block(gen: Generator, competence: Any, page: str) -> str:
    """The HTML of the self-assessment, evidence and goal of one competence page."""
    indicators = {level: [{"key": f"{level}.{i}", "fp": fingerprint(text), "text": text}
                          for i, text in enumerate(getattr(competence.levels, level))] for level in LEVELS}
    data = competence_data(gen, competence, page)
    activities = [*data["modules"], *data["dialogues"], *data["cases"], *data["instruments"], *data["methods"]]
    return gen.env.get_template("pages/pop-competence.html").render(
        labels=gen.labels, item=competence, levels=LEVELS, indicators=indicators, scale=SCALE,
        data_json=to_json(data), activities=activities,
        pop_url=url_href(page, POP_PAGE, "", gen.use_directory_urls),
    )


def sorted_competences(gen: Generator) -> list[Competence]:
    """Competences by cluster (clusters in alphabetical order), then by title."""
    items = sorted(cast("list[Competence]", list(gen.project.items["competence"].values())),
                   key=lambda c: (c.title.lower(), c.id))
    clusters = sorted({c.cluster for c in items}, key=str.lower)
    return sorted(items, key=lambda c: (clusters.index(c.cluster), c.title.lower(), c.id))


def chart_lines(title: str, level_chars: int) -> list[str]:
    """The lines of a chart label: `title:` wrapped, and an empty last line when the level does not fit after it."""
    lines = textwrap.wrap(f"{title}:", CHART_CHARS, break_long_words=False, break_on_hyphens=False) or [":"]
    if len(lines[-1]) + 1 + level_chars > CHART_CHARS:
        lines.append("")
    return lines


def chart_rows(rows: list[dict[str, Any]], level_chars: int) -> int:
    """Adds `lines`, `ys` (their baselines) and `bar` (the top of the bar) to each row of the chart; returns the
    chart's height."""
    top = CHART_TOP
    for row in rows:
        row["lines"] = chart_lines(row["title"], level_chars)
        row["ys"] = [top + 12 + CHART_LINE * i for i in range(len(row["lines"]))]
        row["bar"] = row["ys"][-1] + 4
        top += CHART_ROW + CHART_LINE * (len(row["lines"]) - 1)
    return top + 4


def pop_page(gen: Generator) -> str:
    """The Markdown of `ontwikkeling/`: the overview, chart and printable plan that pop.js builds."""
    from werkplaats.pages.generate import front_matter

    chosen = sorted_competences(gen)
    data = {"competences": [competence_data(gen, c, POP_PAGE) for c in chosen]}
    rows = [{"id": c.id, "title": c.title, "href": _href(gen, POP_PAGE, "competence", c.id)} for c in chosen]
    clusters = [(cluster, [row for row, c in zip(rows, chosen, strict=True) if c.cluster == cluster])
                for cluster in dict.fromkeys(c.cluster for c in chosen)]
    strings = json.loads(gen.labels["js_pop"])
    height = chart_rows(rows, max(len(strings[f"pL{lv}"]) for lv in range(4)))
    block = gen.env.get_template("pages/pop-all.html").render(
        labels=gen.labels, data_json=to_json(data), competences=rows, clusters=clusters, chart_height=height)
    return gen._render("pop.md", POP_PAGE, block=gen.slot(block),
                       front_matter=front_matter(gen.labels["pop_title"], gen.labels["pop_intro"]))
