"""Which items address each module objective and each competence, and which have too few.

An item addresses an objective or a competence when it names it: a question by its `objectives` (numbers of its
module's objectives) and `competences`; a practice item (a case, and any later type listed in `PRACTICE_KINDS`, such
as dialogues) by its own `competences` and, if it has them, `objectives`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from werkplaats.report.findings import Finding, listing

if TYPE_CHECKING:
    from werkplaats.content import Project

#: Content types whose items let a learner practise, and so count towards coverage next to questions. A type that
#: is not in the project (yet) is skipped.
PRACTICE_KINDS = ("case", "dialogue")


@dataclass(frozen=True)
class Address:
    """An item that addresses an objective or competence, and where it is written."""

    kind: str
    id: str
    module: str
    file: str
    line: int

    @property
    def label(self) -> str:
        """How the report names the item: a question by its id, other items as `kind:id`."""
        return self.id if self.kind == "question" else f"{self.kind}:{self.id}"


class Coverage:
    """Which items address what, collected in one pass over the project.

    Arguments:
        project: the loaded project.
    """

    def __init__(self, project: Project) -> None:
        self.project = project
        self.questions: dict[str, list[tuple[Any, Address]]] = {}
        for module_id in sorted(project.modules):
            content = project.modules[module_id]
            source = project.sources.get(("questions", module_id))
            file = source.rel if source is not None else f"{content.folder}/questions.yml"
            self.questions[module_id] = [
                (q, Address("question", q.id, module_id, file,
                            source.located.line_of(("questions", position)) if source is not None else 1))
                for position, q in enumerate(content.questions)]
        self._listed: dict[tuple[str, str], list[str]] | None = None
        self.practice: list[tuple[Any, Address]] = []
        self.practice_of: dict[str, list[tuple[Any, Address]]] = {module_id: [] for module_id in project.modules}
        for kind in PRACTICE_KINDS:
            for item_id, item in sorted(project.items.get(kind, {}).items()):
                source = project.sources.get((kind, item_id))
                file, line = (source.rel, source.located.line_of(("id",))) if source is not None else ("", 1)
                self.practice.append((item, Address(kind, item_id, "", file, line)))
                for module_id in self._modules_of(item, kind):
                    self.practice_of[module_id].append((item, Address(kind, item_id, module_id, file, line)))

    def _modules_of(self, item: Any, kind: str) -> list[str]:
        """The modules a practice item belongs to: those that list it (`cases: [...]`), and those it names."""
        if self._listed is None:
            self._listed = {}
            for module_id, content in sorted(self.project.modules.items()):
                for name in (f"{k}s" for k in PRACTICE_KINDS):
                    for listed_id in _field(content.module, name):
                        self._listed.setdefault((name, listed_id), []).append(module_id)
        found = list(self._listed.get((f"{kind}s", item.id), []))
        named = ([item.module] if _field_value(item, "module") else []) + _field(item, "modules")
        return sorted(set(found + [m for m in named if m in self.project.modules]))

    def _pairs(self, module_id: str | None) -> list[tuple[Any, Address]]:
        if module_id is not None:
            return self.questions[module_id] + self.practice_of[module_id]
        return [pair for pairs in self.questions.values() for pair in pairs] + self.practice

    def objectives(self, module_id: str) -> dict[int, list[Address]]:
        """Every objective number of a module named by its questions or practice items, with those items."""
        index: dict[int, list[Address]] = {}
        for item, address in self._pairs(module_id):
            for number in dict.fromkeys(_field(item, "objectives")):
                index.setdefault(number, []).append(address)
        return index

    def competences(self, module_id: str | None = None) -> dict[str, list[Address]]:
        """Every competence named by a question or practice item (of one module, or anywhere), with those items."""
        index: dict[str, list[Address]] = {}
        for item, address in self._pairs(module_id):
            for competence in dict.fromkeys(_field(item, "competences")):
                index.setdefault(competence, []).append(address)
        return index


def _field_value(item: Any, name: str) -> Any:
    """A field of a content item, or None for a type without it."""
    return getattr(item, name, None)


def _field(item: Any, name: str) -> list[Any]:
    return list(_field_value(item, name) or ())


def items_for_objective(project: Project, module_id: str, number: int) -> list[Address]:
    """The items that address objective `number` (1-based) of a module: its questions and practice items."""
    return Coverage(project).objectives(module_id).get(number, [])


def items_for_competence(project: Project, competence_id: str, module_id: str | None = None) -> list[Address]:
    """The items that address a competence: questions and practice items, in one module or in the whole project."""
    return Coverage(project).competences(module_id).get(competence_id, [])


def module_coverage(coverage: Coverage, module_id: str, min_items: int) -> tuple[dict[str, Any], list[Finding]]:
    """Coverage of a module's objectives and competences, and the questions that name no objective."""
    project = coverage.project
    content = project.modules[module_id]
    module = content.module
    source = project.sources.get(("module", module_id))
    index = source.rel if source is not None else f"{content.folder}/index.md"

    def line(*path: Any) -> int:
        return source.located.line_of(path) if source is not None else 1

    findings = []
    objectives: list[dict[str, Any]] = []
    by_objective = coverage.objectives(module_id)
    for number, text in enumerate(module.objectives, start=1):
        items = [a.label for a in by_objective.get(number, [])]
        objectives.append({"number": number, "text": text, "items": items})
        if len(items) < min_items:
            findings.append(Finding(
                index, line("objectives", number - 1), "objective-coverage",
                f"objective {number} is addressed by {len(items)} item{'s' if len(items) != 1 else ''}"
                f"{' (' + listing(items) + ')' if items else ''}, fewer than {min_items}; the quiz cannot show "
                f"whether a learner reached it; add questions with `objectives: [{number}]`", module_id))
    named = list(module.competences)
    for question in content.questions:
        named += [c for c in question.competences if c not in named]
    by_competence = coverage.competences(module_id)
    competences = {c: [a.label for a in by_competence.get(c, [])] for c in named}
    uncovered_competences = []
    for position, competence in enumerate(module.competences):
        items = competences[competence]
        if len(items) < min_items:
            uncovered_competences.append(competence)
            findings.append(Finding(
                index, line("competences", position), "competence-coverage",
                f"competence `{competence}` is addressed by {len(items)} item{'s' if len(items) != 1 else ''} of "
                f"this module{' (' + listing(items) + ')' if items else ''}, fewer than {min_items}; the module "
                f"claims to train it but does not test it; add questions with `competences: [{competence}]`, or "
                f"remove it from the module's `competences`", module_id))
    untagged = [(position, q) for position, q in enumerate(content.questions) if not q.objectives]
    if untagged:
        bank_source = project.sources.get(("questions", module_id))
        file = bank_source.rel if bank_source is not None else f"{content.folder}/questions.yml"
        first = bank_source.located.line_of(("questions", untagged[0][0])) if bank_source is not None else 1
        findings.append(Finding(
            file, first, "untagged",
            f"{len(untagged)} of {len(content.questions)} questions name no objective "
            f"({listing([q.id for _, q in untagged])}); coverage counts only questions that do; add "
            f"`objectives: [n]` with the number of the objective each one tests", module_id))
    figures = {
        "objectives": objectives,
        "objectives_uncovered": [o["number"] for o in objectives if len(o["items"]) < min_items],
        "competences": competences,
        "competences_uncovered": uncovered_competences,
        "untagged": [q.id for _, q in untagged],
    }
    return figures, findings


def site_coverage(coverage: Coverage, min_items: int) -> tuple[dict[str, Any], list[Finding]]:
    """Every competence of the project against the items that address it, anywhere."""
    project = coverage.project
    index = coverage.competences()
    competences = {c: [f"{a.module}/{a.label}" if a.kind == "question" else a.label for a in index.get(c, [])]
                   for c in sorted(project.items["competence"])}
    findings = []
    for competence, items in competences.items():
        if len(items) < min_items:
            source = project.sources[("competence", competence)]
            findings.append(Finding(
                source.rel, source.located.line_of(("id",)), "competence-coverage",
                f"competence `{competence}` is addressed by {len(items)} item{'s' if len(items) != 1 else ''} on "
                f"the whole site{' (' + listing(items) + ')' if items else ''}, fewer than {min_items}; nothing "
                f"lets a learner practise it; tie questions or cases to it with `competences: [{competence}]`"))
    figures = {"competences": competences,
               "competences_uncovered": [c for c, items in competences.items() if len(items) < min_items]}
    return figures, findings
