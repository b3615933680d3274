"""A module's question bank as the rules see it: the questions with the file and line of each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from werkplaats.content import ModuleContent, Project
    from werkplaats.content.yamlsrc import Located


@dataclass
class Bank:
    """The questions of one module, and where each one is written."""

    module: str
    file: str
    questions: list[Any]
    located: Located | None = None
    #: The source text of the bank: unchanged text means unchanged questions and lines (a key for memos).
    text: str = ""

    def line(self, position: int, *path: Any) -> int:
        """The line of question `position` (or of a field inside it, such as `"options", 2`)."""
        if self.located is None:
            return 1
        return self.located.line_of(("questions", position, *path))

    def of_type(self, *types: str) -> list[tuple[int, Any]]:
        """The questions of the given types, with their position in the bank."""
        return [(position, q) for position, q in enumerate(self.questions) if q.type in types]


def bank_of(project: Project, content: ModuleContent) -> Bank:
    """The bank of a loaded module."""
    module_id = content.module.id
    source = project.sources.get(("questions", module_id))
    file = source.rel if source is not None else f"{content.folder}/questions.yml"
    return Bank(module=module_id, file=file, questions=list(content.questions),
                located=source.located if source is not None else None,
                text=source.text if source is not None else "")
