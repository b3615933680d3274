"""Load every content file into typed models, collecting every problem instead of stopping at the first."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from werkplaats.content.errors import Problem, did_you_mean
from werkplaats.content.models import TYPES, Item, Module, QuestionBank, Quiz, Unit
from werkplaats.content.yamlsrc import Located, SourceError, parse_yaml, split_front_matter

if TYPE_CHECKING:
    from werkplaats.incremental import ReadCache

#: Content types that live in a folder of their own as one file per item (modules are folders of files).
FLAT_TYPES = ("method", "competence", "knowledge_circle", "case", "instrument", "term", "dialogue")
SUFFIXES = (".md", ".yml", ".yaml")


@dataclass
class Source:
    """Where an item came from, for messages and for the line of each field."""

    path: Path
    rel: str
    located: Located
    text: str


@dataclass
class ModuleContent:
    """A module with its units (in the module's order) and its question bank."""

    module: Module
    units: list[Unit] = field(default_factory=list)
    questions: list[Any] = field(default_factory=list)
    folder: str = ""

    def quiz_questions(self) -> list[Any]:
        """The questions of the module's quiz, in the quiz's order (the whole bank for `questions: all`)."""
        if self.module.quiz.questions == "all":
            return list(self.questions)
        by_id = {q.id: q for q in self.questions}
        return [by_id[q] for q in self.module.quiz.questions if q in by_id]

    def question(self, question_id: str) -> Any | None:
        """The question of the bank with `question_id`, or None."""
        return next((q for q in self.questions if q.id == question_id), None)


@dataclass
class Project:
    """All content of a site, validated; `problems` is empty when it is usable."""

    root: Path
    items: dict[str, dict[str, Item]] = field(default_factory=lambda: {kind: {} for kind in TYPES})
    modules: dict[str, ModuleContent] = field(default_factory=dict)
    sources: dict[tuple[str, str], Source] = field(default_factory=dict)
    #: Ids of files that exist but did not validate: references to them are not reported as missing.
    broken: set[tuple[str, str]] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)
    #: Parsed files from an earlier load in the same process (`mkdocs serve`), reused while a file is unchanged;
    #: part of the cache of `werkplaats.incremental`.
    read_cache: ReadCache | None = None

    def counts(self) -> dict[str, int]:
        """Number of items per type, questions included."""
        counts = {kind: len(self.items[kind]) for kind in TYPES}
        counts["question"] = sum(len(content.questions) for content in self.modules.values())
        return counts

    def get(self, kind: str, item_id: str) -> Item | None:
        """The item of `kind` with `item_id`, or None."""
        return self.items.get(kind, {}).get(item_id)


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _field_path(loc: tuple[Any, ...], data: Any) -> tuple[tuple[Any, ...], str]:
    """Turn a pydantic error location into a path into `data` (dropping union tags) and a readable name."""
    path: list[Any] = []
    current = data
    for index, part in enumerate(loc):
        in_dict = isinstance(current, dict) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and part < len(current)
        if in_dict or in_list:
            path.append(part)
            current = current[part]
        elif index == len(loc) - 1 and not (isinstance(current, dict) and current.get("type") == part):
            # The last part names a missing field (unless it is the tag of a discriminated union).
            path.append(part)
        # Otherwise a union tag such as `single` in ("questions", 0, "single", "options"): not in the data.
    readable = ""
    for part in path:
        readable += f"[{part}]" if isinstance(part, int) else (f".{part}" if readable else str(part))
    return tuple(path), readable


def _describe(error: Mapping[str, Any], model: type[BaseModel], data: Any, path: tuple[Any, ...]) -> str:
    kind = error["type"]
    msg = error["msg"]
    if kind == "missing":
        info = _field_info(model, path, data)
        hint = f" ({info})" if info else ""
        return f"is missing; add it{hint}"
    if kind == "extra_forbidden" and path:
        if " " in str(path[-1]):
            return ("looks like text cut in two at a comma; inside `[...]` or `{...}` put text that contains "
                    "a comma between quotes")
        allowed = _allowed_fields(model, path[:-1], data)
        return f"is not a known field{did_you_mean(path[-1], allowed)}" + (
            "" if did_you_mean(path[-1], allowed) else f"; expected one of: {', '.join(sorted(allowed))}"
        )
    if kind == "string_pattern_mismatch":
        return (f"`{error.get('input')}` is not a valid id; use lowercase letters, digits and hyphens "
                "(e.g. `meneer-bakker`)")
    if kind == "union_tag_invalid":
        from werkplaats.content.models import QUESTION_TYPES

        tag = error.get("ctx", {}).get("tag", "")
        return (f"unknown question type `{tag}`{did_you_mean(tag, QUESTION_TYPES)}; "
                f"expected one of: {', '.join(QUESTION_TYPES)}")
    if kind == "union_tag_not_found":
        return "has no `type`; add one of: single, multiple, truefalse, fill, matching, ordering, open"
    if kind == "literal_error":
        return f"`{error.get('input')}` is not allowed; {msg[0].lower() + msg[1:]}"
    if kind in ("string_type", "list_type", "int_type", "int_parsing", "bool_type", "bool_parsing", "float_parsing",
                "float_type", "dict_type", "model_type"):
        expected = {
            "string_type": "text", "list_type": "a list (lines starting with `- `)", "int_type": "a whole number",
            "int_parsing": "a whole number", "bool_type": "`true` or `false`", "bool_parsing": "`true` or `false`",
            "float_parsing": "a number", "float_type": "a number", "dict_type": "a block of fields",
            "model_type": "a block of fields",
        }[kind]
        got = error.get("input")
        shown = "nothing" if got is None else f"`{got}`" if not isinstance(got, (dict, list)) else type(got).__name__
        return f"expected {expected}, got {shown}"
    if kind == "too_short":
        return f"is empty or too short; {msg[0].lower() + msg[1:]}"
    if msg.startswith("Value error, "):
        return msg[len("Value error, "):]
    return msg[0].lower() + msg[1:]


def _model_at(model: type[BaseModel], path: tuple[Any, ...], data: Any) -> Any:
    """The model class that validates the value at `path` (following nested models, lists and unions)."""
    annotation: Any = model
    value = data
    for part in path:
        if isinstance(part, int):
            value = value[part] if isinstance(value, list) and part < len(value) else None
            continue
        current = _inner_model(annotation, value)
        field_info = getattr(current, "model_fields", {}).get(part)
        if field_info is None:
            return None
        annotation = field_info.annotation
        value = value.get(part) if isinstance(value, dict) else None
    return _inner_model(annotation, value)


def _allowed_fields(model: type[BaseModel], path: tuple[Any, ...], data: Any) -> list[str]:
    """The field names valid at `path` inside `model`."""
    current = _model_at(model, path, data)
    return [name for name in getattr(current, "model_fields", {}) if name != "body"]


def _field_info(model: type[BaseModel], path: tuple[Any, ...], data: Any) -> str:
    """The Dutch title and description of the field at `path`, for a message about a missing field."""
    current = _model_at(model, path[:-1], data)
    info = getattr(current, "model_fields", {}).get(path[-1]) if path else None
    if info is None:
        return ""
    return ": ".join(part for part in (info.title, info.description) if part)


def _inner_model(annotation: Any, value: Any) -> Any:
    """The model class inside an annotation like `list[Option]`, `Levels`, or a discriminated union."""
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg, value)
        if found is not None:
            if isinstance(value, dict) and "type" in found.model_fields and value.get("type"):
                literal = typing.get_args(found.model_fields["type"].annotation)
                if value["type"] not in literal:
                    continue
            return found
    return None


def validate(model: type[BaseModel], data: Any, source: Source, problems: list[Problem]) -> Any:
    """Validate `data` against `model`, adding one problem per mistake; returns the instance or None."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            path, readable = _field_path(tuple(error["loc"]), data)
            line = source.located.line_of(path if error["type"] != "missing" else path[:-1])
            where = f"{readable}: " if readable else ""
            problems.append(Problem(source.rel, line, where + _describe(error, model, data, path)))
        return None


def _parse(path: Path, rel: str, problems: list[Problem],
           cache: ReadCache | None) -> tuple[str, Located, str | None] | None:
    """Read and parse one file (or take it from the cache); adds a problem and returns None when it is unusable."""
    stamp = (0, 0)
    if cache is not None:
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        hit = cache.get(path, stamp)
        if hit is not None:
            return hit
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        problems.append(Problem(rel, 1, "the file is not UTF-8 text; save it as UTF-8"))
        return None
    if not text.strip():
        problems.append(Problem(rel, 1, "the file is empty; expected at least `id:` and `title:`"))
        return None
    try:
        if path.suffix == ".md":
            md = split_front_matter(text)
            located, body = md.meta, md.body
        else:
            located, body = parse_yaml(text), None
    except SourceError as exc:
        problems.append(Problem(rel, exc.line, exc.message))
        return None
    if cache is not None:
        cache.put(path, stamp, text, located, body)
    return text, located, body


def _read(path: Path, project: Project) -> tuple[Source, dict[str, Any]] | None:
    """Read a YAML or front-matter Markdown file into data (the Markdown body as `body`)."""
    rel = _rel(path, project.root)
    problems = project.problems
    parsed = _parse(path, rel, problems, project.read_cache)
    if parsed is None:
        return None
    text, located, body = parsed
    source = Source(path=path, rel=rel, located=located, text=text)
    if not isinstance(located.data, dict):
        what = "nothing" if located.data is None else "a list" if isinstance(located.data, list) else "plain text"
        problems.append(Problem(rel, located.line_of(()), f"expected fields such as `id:` and `title:`, found {what}"))
        return None
    data = dict(located.data)
    if body is not None:
        if "body" in data:
            problems.append(Problem(rel, located.line_of(("body",)), "body: write the text below the front matter"))
        data["body"] = body.strip("\n")
    return source, data


def _check_stem(source: Source, data: dict[str, Any], expected: str, problems: list[Problem], what: str) -> None:
    item_id = data.get("id")
    if isinstance(item_id, str) and item_id != expected:
        problems.append(
            Problem(source.rel, source.located.line_of(("id",)),
                    f"id: `{item_id}` differs from the {what} `{expected}`; make them the same")
        )


def _load_flat(project: Project, kind: str, folder: Path) -> None:
    model = TYPES[kind][0]
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        if path.name.startswith((".", "_")) or path.is_dir():
            continue
        if path.suffix not in SUFFIXES:
            project.problems.append(Problem(_rel(path, project.root), 1,
                                            f"unexpected file; content files end in {', '.join(SUFFIXES)}"))
            continue
        _add_item(project, kind, model, path)


def _add_item(project: Project, kind: str, model: type[Item], path: Path,
              expected_id: str | None = None) -> Item | None:
    read = _read(path, project)
    if read is None:
        project.broken.add((kind, expected_id or path.stem))
        return None
    source, data = read
    _check_stem(source, data, expected_id or path.stem, project.problems,
                "folder name" if expected_id else "file name")
    item = validate(model, data, source, project.problems)
    if item is None:
        project.broken.add((kind, data["id"] if isinstance(data.get("id"), str) else path.stem))
        return None
    if item.id in project.items[kind]:
        first = project.sources[(kind, item.id)]
        project.problems.append(Problem(source.rel, source.located.line_of(("id",)),
                                        f"id: `{item.id}` is used twice; it is also the id in {first.rel}"))
        return None
    project.items[kind][item.id] = item
    project.sources[(kind, item.id)] = source
    return item


def _load_module(project: Project, folder: Path) -> None:
    index = folder / "index.md"
    rel = _rel(folder, project.root)
    if not index.is_file():
        project.problems.append(Problem(rel + "/index.md", 1,
                                        "module folder has no index.md; add one with the module's fields"))
        return
    module = _add_item(project, "module", Module, index, expected_id=folder.name)
    if not isinstance(module, Module):
        # Still check the units and the question bank, so that every mistake shows at once.
        stand_in: dict[str, Any] = {"id": folder.name, "units": [], "quiz": Quiz()}
        module = Module.model_construct(**stand_in)
        broken = True
    else:
        broken = False
    content = ModuleContent(module=module, folder=rel)
    if not broken:
        project.modules[module.id] = content
    units: dict[str, Unit] = {}
    for path in sorted(folder.iterdir()):
        if path.name in ("index.md", "questions.yml") or path.name.startswith((".", "_")) or path.is_dir():
            continue
        if path.suffix != ".md":
            project.problems.append(Problem(_rel(path, project.root), 1,
                                            "unexpected file in a module; expected units (.md) and questions.yml"))
            continue
        read = _read(path, project)
        if read is None:
            continue
        source, data = read
        _check_stem(source, data, path.stem, project.problems, "file name")
        unit = validate(Unit, data, source, project.problems)
        if unit is not None:
            units[unit.id] = unit
            project.sources[("unit", f"{module.id}/{unit.id}")] = source
    if broken:
        _load_questions(project, content, folder / "questions.yml")
        return
    module_source = project.sources[("module", module.id)]
    for position, unit_id in enumerate(module.units):
        if unit_id in units:
            content.units.append(units[unit_id])
        elif not (folder / f"{unit_id}.md").exists():
            project.problems.append(Problem(module_source.rel, module_source.located.line_of(("units", position)),
                                            f"units[{position}]: no file `{unit_id}.md` in {rel}"
                                            f"{did_you_mean(unit_id, units)}"))
    for unit_id in units:
        if unit_id not in module.units:
            source = project.sources[("unit", f"{module.id}/{unit_id}")]
            project.problems.append(Problem(source.rel, 1, f"unit `{unit_id}` is not listed in the module's `units`; "
                                                           f"add it to {module_source.rel} or remove the file"))
    _load_questions(project, content, folder / "questions.yml")


def _load_questions(project: Project, content: ModuleContent, path: Path) -> None:
    module_source = project.sources.get(("module", content.module.id))
    if module_source is None:
        if path.is_file():
            read = _read(path, project)
            if read is not None:
                validate(QuestionBank, read[1], read[0], project.problems)
        return
    if not path.is_file():
        project.problems.append(Problem(module_source.rel, module_source.located.line_of(("quiz",)),
                                        f"quiz: the module has no question bank; add {content.folder}/questions.yml"))
        return
    read = _read(path, project)
    if read is None:
        return
    source, data = read
    project.sources[("questions", content.module.id)] = source
    bank = validate(QuestionBank, data, source, project.problems)
    if bank is None:
        return
    seen: dict[str, int] = {}
    for position, question in enumerate(bank.questions):
        line = source.located.line_of(("questions", position, "id"))
        if question.id in seen:
            project.problems.append(Problem(source.rel, line, f"questions[{position}].id: `{question.id}` is used "
                                                              f"twice; the first is at line {seen[question.id]}"))
        seen[question.id] = line
    content.questions = list(bank.questions)
    quiz = content.module.quiz
    if quiz.questions != "all":
        for position, question_id in enumerate(quiz.questions):
            if question_id not in seen:
                project.problems.append(Problem(
                    module_source.rel, module_source.located.line_of(("quiz", "questions", position)),
                    f"quiz.questions[{position}]: no question `{question_id}` in {source.rel}"
                    f"{did_you_mean(question_id, seen)}"))
    _check_draw(project, content, module_source)


def _check_draw(project: Project, content: ModuleContent, module_source: Source) -> None:
    """A pool must be drawable: no more questions than the quiz has, enough per objective."""
    quiz = content.module.quiz
    if quiz.draw is None:
        return
    by_id = {q.id: q for q in content.questions}
    pool = list(content.questions) if quiz.questions == "all" else [by_id[i] for i in quiz.questions if i in by_id]
    if isinstance(quiz.draw, int):
        if quiz.draw > len(pool):
            project.problems.append(Problem(
                module_source.rel, module_source.located.line_of(("quiz", "draw")),
                f"quiz.draw: {quiz.draw} questions drawn from a quiz of {len(pool)}; use at most {len(pool)}, "
                f"or add questions to the bank"))
        return
    want = quiz.draw.per_objective
    for number in range(1, len(content.module.objectives) + 1):
        have = sum(number in getattr(q, "objectives", []) for q in pool)
        if have < want:
            project.problems.append(Problem(
                module_source.rel, module_source.located.line_of(("quiz", "draw", "per_objective")),
                f"quiz.draw.per_objective: objective {number} has {have} question{'s' if have != 1 else ''} in "
                f"the quiz, {want} needed; tag more questions with `objectives: [{number}]` or draw fewer"))


def load_project(root: Path, read_cache: ReadCache | None = None) -> Project:
    """Load and validate all content under `root` (the folder that holds mkdocs.yml).

    Arguments:
        root: the project folder.
        read_cache: files parsed by an earlier load in this process; unchanged files are taken from it, and it is
            updated with the files parsed now.

    Returns:
        The project; its `problems` lists every mistake found, in files and between them.
    """
    from werkplaats.content.dialogues import check_dialogues
    from werkplaats.content.references import check_references

    project = Project(root=root, read_cache=read_cache)
    for kind in FLAT_TYPES:
        _load_flat(project, kind, root / TYPES[kind][1])
    modules = root / TYPES["module"][1]
    for folder in sorted(modules.iterdir()) if modules.is_dir() else []:
        if folder.is_dir() and not folder.name.startswith((".", "_")):
            _load_module(project, folder)
        elif folder.is_file() and not folder.name.startswith("."):
            project.problems.append(Problem(_rel(folder, root), 1,
                                            "modules/ holds one folder per module; move this file into one"))
    check_dialogues(project)
    check_references(project)
    return project
