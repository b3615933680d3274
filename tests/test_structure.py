"""How the package's parts depend on each other: the rules that keep the core easy to change."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "werkplaats"


def _imports(folder: Path) -> dict[str, set[str]]:
    """Every `werkplaats.*` module each file of `folder` imports (at the top, inside functions, for type checks)."""
    found: dict[str, set[str]] = {}
    for path in sorted(folder.rglob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
            elif isinstance(node, ast.ImportFrom) and node.level:
                names.add("." * node.level + (node.module or ""))
            elif isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
        found[path.relative_to(PACKAGE).as_posix()] = {n for n in names if n.startswith(("werkplaats", "."))}
    return found


def test_quiz_does_not_import_pages() -> None:
    # pages/ imports the quiz renderer and hands it its linker; the other way round would be a cycle.
    offending = {path: sorted(n for n in names if n.startswith(("werkplaats.pages", "..pages")))
                 for path, names in _imports(PACKAGE / "quiz").items()}
    assert {path: names for path, names in offending.items() if names} == {}


def test_content_does_not_import_what_builds_on_it() -> None:
    # The content model and its checks know nothing of pages, quizzes, exports or MkDocs.
    offending = {path: sorted(n for n in names if n.startswith(("werkplaats.pages", "werkplaats.quiz",
                                                                 "werkplaats.export", "werkplaats.plugin")))
                 for path, names in _imports(PACKAGE / "content").items()}
    assert {path: names for path, names in offending.items() if names} == {}


def test_macro_calls_are_parsed_in_one_place() -> None:
    # Only content/macros.py holds a pattern for a call `{{ name(...) }}`; everything else uses its parser.
    spread = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if path.relative_to(PACKAGE).as_posix() != "content/macros.py" and r"\{\{-?\s*(" in text:
            spread.append(path.relative_to(PACKAGE).as_posix())
    assert spread == []
