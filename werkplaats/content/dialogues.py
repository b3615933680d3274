"""Checks of a dialogue's graph that its model cannot make: where choices lead, what can be reached, how it ends.

Every mistake is reported at once, each at the line to fix: a choice to a node that does not exist, a node no path
reaches, a node with neither choices nor an ending (or both), nodes that lead only to each other and never to an
ending, an unknown speaker or competence, and a dialogue without any ending.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from werkplaats.content.errors import Problem, did_you_mean
from werkplaats.content.models import NARRATOR, Dialogue

if TYPE_CHECKING:
    from werkplaats.content.loader import Project, Source


def check_dialogues(project: Project) -> None:
    """Add a problem for every mistake in the graph of every dialogue that passed its model.

    Arguments:
        project: the loaded project (competences loaded); its `problems` grow.
    """
    for dialogue_id, dialogue in project.items.get("dialogue", {}).items():
        source = project.sources[("dialogue", dialogue_id)]
        assert isinstance(dialogue, Dialogue)
        project.problems.extend(dialogue_problems(dialogue, source, project))


def dialogue_problems(dialogue: Dialogue, source: Source, project: Project) -> list[Problem]:
    """The mistakes in one dialogue's graph, each with its file and line."""
    problems: list[Problem] = []

    def add(path: tuple[object, ...], message: str) -> None:
        problems.append(Problem(source.rel, source.located.line_of(path), message))

    index: dict[str, int] = {}
    for position, node in enumerate(dialogue.nodes):
        if node.id in index:
            first = source.located.line_of(("nodes", index[node.id], "id"))
            add(("nodes", position, "id"), f"nodes[{position}].id: `{node.id}` is used twice; the first is at "
                                           f"line {first}; give every node its own id")
        else:
            index[node.id] = position
    if dialogue.start is not None and dialogue.start not in index:
        add(("start",), f"start: no node `{dialogue.start}` in this dialogue{did_you_mean(dialogue.start, index)}")
    speakers = set(dialogue.roles) | {NARRATOR}
    competences = project.items.get("competence", {})
    edges: dict[str, list[str]] = {node_id: [] for node_id in index}
    endings = set()
    for position, node in enumerate(dialogue.nodes):
        where = f"nodes[{position}]"
        if node.speaker not in speakers:
            add(("nodes", position, "speaker"),
                f"{where}.speaker: `{node.speaker}` is not a role of this dialogue"
                f"{did_you_mean(node.speaker, speakers)}; "
                f"expected one of: {', '.join(sorted(speakers))} (or add it under `roles:`)")
        if node.choices and node.ending is not None:
            add(("nodes", position, "ending"), f"{where}: node `{node.id}` has both choices and an ending; keep one "
                                               "(a node either goes on or ends the conversation)")
        elif not node.choices and node.ending is None:
            add(("nodes", position), f"{where}: node `{node.id}` has neither choices nor an ending; add `choices:` "
                                     "(what the student can say) or `ending:` (verdict, outcome, debrief)")
        if node.ending is not None and not node.choices:
            endings.add(node.id)
        for number, choice in enumerate(node.choices):
            if choice.to in index:
                edges.setdefault(node.id, []).append(choice.to)
            else:
                add(("nodes", position, "choices", number, "to"),
                    f"{where}.choices[{number}].to: no node `{choice.to}` in this dialogue"
                    f"{did_you_mean(choice.to, index)}")
            for competence in choice.scores:
                if competence not in competences and ("competence", competence) not in project.broken:
                    add(("nodes", position, "choices", number, "scores", competence),
                        f"{where}.choices[{number}].scores: no competence with id `{competence}`"
                        f"{did_you_mean(competence, competences)}")
    if not endings and not any(node.ending is not None for node in dialogue.nodes):
        add(("nodes",), "nodes: the dialogue has no ending; give at least one node an `ending:` with `verdict`, "
                        "`outcome` and `debrief`")
    start = dialogue.start if dialogue.start in index else dialogue.nodes[0].id
    reached = _reach(start, edges)
    for position, node in enumerate(dialogue.nodes):
        if node.id not in reached and index.get(node.id) == position:
            add(("nodes", position, "id"), f"nodes[{position}]: no path from the start (`{start}`) reaches node "
                                           f"`{node.id}`; let a choice lead to it, or remove it")
    if endings:
        problems.extend(_traps(dialogue, source, index, edges, endings, reached))
    return problems


def _reach(start: str, edges: dict[str, list[str]]) -> set[str]:
    """The nodes reachable from `start` (itself included)."""
    seen = {start}
    todo = [start]
    while todo:
        for target in edges.get(todo.pop(), []):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def _traps(dialogue: Dialogue, source: Source, index: dict[str, int], edges: dict[str, list[str]],
           endings: set[str], reached: set[str]) -> list[Problem]:
    """One problem per loop of reachable nodes from which no ending can be reached."""
    backwards: dict[str, list[str]] = {node_id: [] for node_id in index}
    for node_id, targets in edges.items():
        for target in targets:
            backwards[target].append(node_id)
    can_end: set[str] = set()
    for ending in endings:
        can_end |= _reach(ending, backwards)
    stuck = {node_id for node_id in reached if node_id not in can_end and edges.get(node_id)}
    problems = []
    done: set[str] = set()
    for node in dialogue.nodes:
        if node.id not in stuck or node.id in done:
            continue
        if not any(node.id in _reach(target, edges) for target in edges[node.id]):
            continue  # not on a loop: it leads into one (reported on its own) or to a node reported already
        loop = sorted((n for n in _reach(node.id, edges) if n in stuck and node.id in _reach(n, edges)),
                      key=lambda n: index[n])
        done.update(loop)
        position = index[loop[0]]
        names = ", ".join(f"`{n}`" for n in loop)
        problems.append(Problem(
            source.rel, source.located.line_of(("nodes", position, "id")),
            f"nodes[{position}]: the nodes {names} lead only to each other and never to an ending: the "
            "conversation could go round forever; give one of them a choice that leads towards an ending"))
    return problems
