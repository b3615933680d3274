"""Read YAML and Markdown front matter while remembering the line of every value.

Validation messages must name the line a lecturer has to fix, so the loader keeps, for every path into the data
(`("questions", 3, "options", 0, "text")`), the line where that value starts in the source file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

Path_ = tuple[Any, ...]


class SourceError(Exception):
    """A file cannot be read as YAML or front matter; carries the 1-based line of the problem."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class Located:
    """Parsed data with the line of every value, counted in the whole file (1-based)."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    key_lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_, default: int = 1) -> int:
        """The line of `path`, or of its nearest ancestor that has one.

        Arguments:
            path: keys and indexes into the data.
            default: the line to give when nothing matches.

        Returns:
            A 1-based line number.
        """
        path = tuple(path)
        while path:
            if path in self.key_lines:
                return self.key_lines[path]
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), default)


# libyaml composes about ten times faster than the pure-Python parser; its nodes carry the same marks.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """SafeLoader that keeps YAML 1.1 booleans out of plain words such as `on`/`off` and `yes`/`no`."""


# YAML 1.1 turns `no`, `on`, `off`, `yes` into booleans; Dutch text ("no" is rare, but `on`/`off` in lists of
# words happen) must stay text. Only `true` and `false` are booleans here.
_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    __import__("re").compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def _walk(node: yaml.Node, path: Path_, out: Located, offset: int, loader: _Loader) -> Any:
    out.lines[path] = node.start_mark.line + 1 + offset
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if isinstance(key, (list, dict)):
                raise SourceError(key_node.start_mark.line + 1 + offset, "a key must be a plain word")
            if key in result:
                raise SourceError(
                    key_node.start_mark.line + 1 + offset,
                    f"`{key}` appears twice in the same block; keep one",
                )
            out.key_lines[(*path, key)] = key_node.start_mark.line + 1 + offset
            result[key] = _walk(value_node, (*path, key), out, offset, loader)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_walk(child, (*path, i), out, offset, loader) for i, child in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def parse_yaml(text: str, offset: int = 0) -> Located:
    """Parse one YAML document and record the line of every value.

    Arguments:
        text: the YAML source.
        offset: lines that precede `text` in its file (for front matter, the opening `---`).

    Returns:
        The data with its lines.

    Raises:
        SourceError: the text is not valid YAML.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + offset
        problem = exc.problem or "invalid YAML"
        hint = ""
        if "mapping values are not allowed" in problem:
            problem, hint = "text contains ': '", "; put such text between quotes"
        elif "expected ',' or ']'" in problem or "expected ',' or '}'" in problem:
            hint = "; inside `[...]` or `{...}` put text that contains `,`, `:`, `?` or `#` between quotes"
        elif "found character '\\t'" in problem:
            hint = "; indent with spaces, not tabs"
        raise SourceError(line, f"YAML syntax error: {problem}{hint}") from None
    except yaml.YAMLError as exc:  # pragma: no cover - the marked variant covers the parser's errors
        raise SourceError(1 + offset, f"YAML syntax error: {exc}") from None
    finally:
        loader.dispose()
    out = Located(data=None)
    if node is None:
        out.lines[()] = 1 + offset
        return out
    try:
        out.data = _walk(node, (), out, offset, loader)
    except yaml.constructor.ConstructorError as exc:
        line = (exc.problem_mark.line + 1 if exc.problem_mark else 1) + offset
        raise SourceError(line, f"YAML error: {exc.problem}") from None
    return out


@dataclass
class MarkdownSource:
    """A Markdown file split into front matter and body."""

    meta: Located
    body: str
    body_line: int


def split_front_matter(text: str) -> MarkdownSource:
    """Split a Markdown file into its YAML front matter and its body.

    Arguments:
        text: the whole file.

    Returns:
        The parsed front matter (with file line numbers) and the body.

    Raises:
        SourceError: there is no front matter, it is not closed, or it is not valid YAML.
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise SourceError(1, "no front matter: start the file with a line `---`, the YAML fields, and `---`")
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        raise SourceError(1, "front matter is not closed: add a line `---` after the YAML fields")
    meta = parse_yaml("\n".join(lines[1:end]), offset=1)
    body = "\n".join(lines[end + 1 :])
    return MarkdownSource(meta=meta, body=body, body_line=end + 2)
