"""Check that every id a content item names exists: in fields, and in macro calls inside the Markdown."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from werkplaats.content.errors import Problem, did_you_mean
from werkplaats.content.macros import find_calls

if TYPE_CHECKING:
    from werkplaats.content.loader import Project

#: Fields that hold ids, and the type those ids belong to.
REFERENCE_FIELDS = {
    "methods": "method",
    "cases": "case",
    "case": "case",
    "competences": "competence",
    "instruments": "instrument",
    "circle": "knowledge_circle",
    "see_also": "term",
    "dialogues": "dialogue",
}

LABELS = {
    "method": "method", "case": "case", "competence": "competence", "instrument": "instrument",
    "knowledge_circle": "knowledge circle", "term": "term", "module": "module",
    "dialogue": "dialogue",
}


def check_references(project: Project) -> None:
    """Add a problem for every reference to an id that does not exist.

    Arguments:
        project: the loaded project; its `problems` grow.
    """
    for (kind, item_id), source in list(project.sources.items()):
        item = project.get(kind, item_id)
        if item is not None:
            for name, target in REFERENCE_FIELDS.items():
                value = getattr(item, name, None)
                if value is None:
                    continue
                ids = [value] if isinstance(value, str) else value
                for position, ref in enumerate(ids):
                    if ref not in project.items[target] and (target, ref) not in project.broken:
                        path = (name,) if isinstance(value, str) else (name, position)
                        where = name if isinstance(value, str) else f"{name}[{position}]"
                        project.problems.append(Problem(
                            source.rel, source.located.line_of(path),
                            f"{where}: no {LABELS[target]} with id `{ref}`"
                            f"{did_you_mean(ref, project.items[target])}"))
        check_macros(project, source.rel, source.text)
    check_question_links(project)
    docs = project.root / "docs"
    for page in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        rel = page.relative_to(project.root).as_posix()
        try:
            text = page.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            project.problems.append(Problem(rel, 1, "not UTF-8 text"))
            continue
        check_macros(project, rel, text)


def check_question_links(project: Project) -> None:
    """Check that each question's `objectives` are numbers of its module's objectives and its `competences` exist.

    Arguments:
        project: the loaded project; its `problems` grow.
    """
    for module_id, content in project.modules.items():
        source = project.sources.get(("questions", module_id))
        if source is None:
            continue
        count = len(content.module.objectives)
        for position, question in enumerate(content.questions):
            for index, number in enumerate(question.objectives):
                if not 1 <= number <= count:
                    project.problems.append(Problem(
                        source.rel, source.located.line_of(("questions", position, "objectives", index)),
                        f"questions[{position}].objectives[{index}]: there is no objective {number}; the module has "
                        f"{count} objective{'s' if count != 1 else ''}; use "
                        f"{'1' if count == 1 else f'1 to {count}'} (the numbers the site shows as 'Leerdoel 1' ...)"))
            for index, ref in enumerate(question.competences):
                if ref not in project.items["competence"] and ("competence", ref) not in project.broken:
                    project.problems.append(Problem(
                        source.rel, source.located.line_of(("questions", position, "competences", index)),
                        f"questions[{position}].competences[{index}]: no competence with id `{ref}`"
                        f"{did_you_mean(ref, project.items['competence'])}"))


def check_macros(project: Project, rel: str, text: str) -> None:
    """Check the macro calls such as `{{ term('eigen-kracht') }}` in one file's text: the ids they name, and their
    arguments."""
    for call in find_calls(text):
        ref, target = call.ref, call.macro.target
        for wrong in call.unknown_args():
            project.problems.append(Problem(rel, call.line, f"{call}: {wrong}"))
        if ref is None:
            continue
        if ref not in project.items.get(target, {}):
            if (target, ref) not in project.broken:
                known = project.items.get(target, {})
                label = LABELS.get(target, target.replace("_", " "))
                project.problems.append(Problem(rel, call.line, f"{call}: no {label} with id `{ref}`"
                                                                f"{did_you_mean(ref, known)}"))
            continue
        listed = call.arg("ids") if "ids" in call.macro.args else None
        content = project.modules.get(ref) if call.macro.role == "embed" else None
        if content is None or not isinstance(listed, list):
            continue
        known_ids = {question.id for question in content.questions}
        for question_id in listed:
            if known_ids and question_id not in known_ids:
                project.problems.append(Problem(rel, call.line, f"{call}: no question `{question_id}` in its bank"
                                                                f"{did_you_mean(question_id, known_ids)}"))


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` that holds mkdocs.yml (or `start` itself)."""
    for folder in [start, *start.parents]:
        if (folder / "mkdocs.yml").is_file():
            return folder
    return start
