"""The HTML of a dialogue: the whole conversation as an annotated transcript, which dialogue.js turns into a player.

Without JavaScript (and in print) the transcript is the dialogue: every node, every choice with its feedback and
the step it leads to. dialogue.js reads the same elements (DOM contract below) and plays them one node at a time.

DOM contract (templates/dialogue/dialogue.html, assets/dialogue.js, tests):
- root `.wp-dialogue[data-dialogue=<id>]` with `data-start` (start node id), `data-me` (who says the choices),
  `data-competences` (JSON: competence id -> title) and `data-wp-strings` (the core strings and the "dialogue"
  group of `labels.BROWSER`, which dialogue.js reads through `werkplaats.T`);
- inside it `.wp-dlg-map` holds `li.wp-dlg-node[data-node=<node id>]`, each with `.wp-dlg-who`, `.wp-dlg-text`, and
  either `.wp-dlg-choices > li[data-to][data-scores]` (with `.wp-dlg-say` and `.wp-dlg-fb`) or
  `.wp-dlg-end[data-outcome]` (with `.wp-dlg-verdict` and `.wp-dlg-debrief`).
The player's choices are `<button>`s inside the root; the root gets `data-state="play"`, and `data-state="end"` at
an ending. The transcript is hidden while the player runs (and shown again in print). Feedback on a choice is
announced in an `aria-live` region; focus moves to the new turn. dialogue.js runs on every page of Material's instant
navigation (`document$`), elsewhere once on DOMContentLoaded.

State: key `<scope>wp:dialogue:<id>` (scope = the path of Material's `__md_scope`, or `/`) in `window.__wpStorage`
when it exists (SCORM), else localStorage, as JSON
`{"path": [node ids from the start], "choices": [choice index per step], "ended": node id | null, "date": ISO}`.
It is checked against the dialogue before use; anything that does not fit restarts the dialogue with a short notice.

"Mijn voortgang": `.wp-dialogue-progress[data-wp-dialogues]` holds JSON `[{"id", "title", "url", "endings":
{node id: verdict}}]` and `data-wp-strings` (the same strings); dialogue.js lists each dialogue's state in it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from werkplaats.content.models import NARRATOR, Dialogue

if TYPE_CHECKING:
    from jinja2 import Environment

    from werkplaats.content import Project

def _inline(html: Markup) -> Markup:
    text = str(html)
    if text.startswith("<p>") and text.endswith("</p>") and text.count("<p>") == 1:
        text = text[3:-4]
    return Markup(text)


def competence_titles(dialogue: Dialogue, project: Project) -> dict[str, str]:
    """The competences a dialogue trains or scores, id to title, in the order they first appear."""
    ids = list(dialogue.competences)
    for node in dialogue.nodes:
        for choice in node.choices:
            ids.extend(choice.scores)
    titles = {}
    for competence_id in dict.fromkeys(ids):
        item = project.get("competence", competence_id)
        titles[competence_id] = item.title if item is not None else competence_id
    return titles


def dialogue_view(dialogue: Dialogue, project: Project, labels: dict[str, str],
                  md: Callable[[str], Markup]) -> dict[str, Any]:
    """The template data of one dialogue; `md` turns Markdown (with link macros) into HTML for where it is shown."""
    numbers = {node.id: number for number, node in enumerate(dialogue.nodes, start=1)}
    names = {NARRATOR: labels["dlg_narrator"], **dialogue.roles}
    competences = competence_titles(dialogue, project)
    nodes = []
    for node in dialogue.nodes:
        view: dict[str, Any] = {"id": node.id, "number": numbers[node.id], "anchor": f"wp-dlg-{dialogue.id}-{node.id}",
                                "who": names.get(node.speaker, node.speaker), "text": md(node.text), "choices": []}
        for choice in node.choices:
            scores = ", ".join(f"{competences.get(c, c)} {'+' if s > 0 else '-' if s < 0 else '±'}{abs(s)}"
                               for c, s in choice.scores.items())
            view["choices"].append({
                "text": _inline(md(choice.text)), "to": choice.to, "number": numbers.get(choice.to, 0),
                "anchor": f"wp-dlg-{dialogue.id}-{choice.to}", "feedback": md(choice.feedback),
                "scores": dict(choice.scores), "score_text": scores})
        if node.ending is not None:
            view["ending"] = {"verdict": node.ending.verdict, "outcome": node.ending.outcome,
                              "outcome_label": labels[f"dlg_outcome_{node.ending.outcome}"],
                              "debrief": md(node.ending.debrief)}
        nodes.append(view)
    return {"id": dialogue.id, "start": dialogue.start_id, "me": next(iter(dialogue.roles.values())),
            "competences": competences, "nodes": nodes}


def dialogue_html(env: Environment, dialogue: Dialogue, project: Project, labels: dict[str, str],
                  md: Callable[[str], Markup], *, write: bool = False) -> str:
    """The dialogue's transcript and player data as HTML; `write` adds room to write at every choice (print)."""
    view = dialogue_view(dialogue, project, labels, md)
    return env.get_template("dialogue/dialogue.html").render(dialogue=view, labels=labels, write=write)


def progress_entries(project: Project, href: Callable[[str], str]) -> list[dict[str, Any]]:
    """What 'Mijn voortgang' shows of each dialogue: id, title, url and the verdict of each ending node."""
    entries = []
    dialogues = [d for d in project.items.get("dialogue", {}).values() if isinstance(d, Dialogue)]
    for dialogue in sorted(dialogues, key=lambda d: (d.title.lower(), d.id)):
        endings = {node.id: node.ending.verdict for node in dialogue.nodes if node.ending is not None}
        entries.append({"id": dialogue.id, "title": dialogue.title, "url": href(dialogue.id), "endings": endings})
    return entries
