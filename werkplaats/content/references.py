"""Check that every id a content item names exists: in fields, and in macro calls inside the Markdown."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from werkplaats.content.errors import Problem, did_you_mean

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

#: Macros that link to one item, by the type they link to.
LINK_MACROS = {
    "term": "term",
    "method": "method",
    "case": "case",
    "competence": "competence",
    "circle": "knowledge_circle",
    "instrument": "instrument",
    "module": "module",
    "dialogue": "dialogue",
}

_LINK_CALL = re.compile(r"\{\{-?\s*(" + "|".join(LINK_MACROS) + r")\(\s*['\"]([^'\"]*)['\"]")
_QUESTIONS_CALL = re.compile(r"\{\{-?\s*(questions|quiz)\(\s*['\"]([^'\"]*)['\"](?:\s*,\s*\[([^\]]*)\])?")

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
    docs = project.root / "docs"
    for path in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            project.problems.append(Problem(path.relative_to(project.root).as_posix(), 1, "not UTF-8 text"))
            continue
        check_macros(project, path.relative_to(project.root).as_posix(), text)


def check_macros(project: Project, rel: str, text: str) -> None:
    """Check the ids named in macro calls such as `{{ term('eigen-kracht') }}` in one file's text."""
    for number, line in enumerate(text.split("\n"), start=1):
        if "{{" not in line:
            continue
        for match in _LINK_CALL.finditer(line):
            macro, ref = match.groups()
            target = LINK_MACROS[macro]
            if ref not in project.items[target] and (target, ref) not in project.broken:
                project.problems.append(Problem(rel, number, f"{macro}('{ref}'): no {LABELS[target]} with id "
                                                             f"`{ref}`{did_you_mean(ref, project.items[target])}"))
        for match in _QUESTIONS_CALL.finditer(line):
            _macro, module_id, listed = match.groups()
            content = project.modules.get(module_id)
            if content is None:
                if ("module", module_id) in project.broken:
                    continue
                project.problems.append(Problem(rel, number, f"questions('{module_id}'): no module with id "
                                                             f"`{module_id}`{did_you_mean(module_id, project.modules)}"))
                continue
            known = {question.id for question in content.questions}
            for question_id in re.findall(r"['\"]([^'\"]*)['\"]", listed or ""):
                if known and question_id not in known:
                    project.problems.append(Problem(rel, number, f"questions('{module_id}'): no question "
                                                                 f"`{question_id}` in its bank{did_you_mean(question_id, known)}"))


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` that holds mkdocs.yml (or `start` itself)."""
    for folder in [start, *start.parents]:
        if (folder / "mkdocs.yml").is_file():
            return folder
    return start
