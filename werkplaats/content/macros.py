"""The werkplaats macros (`{{ term('x') }}`, `{{ questions('mini', ['q-01']) }}`, ...): one table, one parser.

Every part of the package that reads macro calls in Markdown uses this module: the reference check
(`content/references.py`), the page generator and its links (`pages/`), the exports (`export/document.py`), the
mkdocs-macros functions (`werkplaats/macros.py`) and the dirty-build tracker (`incremental.py`).

Adding a macro is one entry in `MACROS`. A link macro (`role="link"`) takes an item id and an optional link text and
links to the item of its `target` type; an embed macro (`role="embed"`) puts questions of a module into the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Literal

Role = Literal["link", "embed"]


@dataclass(frozen=True)
class Macro:
    """One macro: its name in Markdown, the content type its first argument names, and its arguments."""

    name: str
    target: str
    role: Role = "link"
    #: Argument names, in order; the first is always the id of an item of `target`.
    args: tuple[str, ...] = ("id", "text")


#: Every werkplaats macro, by name.
MACROS: dict[str, Macro] = {macro.name: macro for macro in (
    Macro("term", "term"),
    Macro("method", "method"),
    Macro("case", "case"),
    Macro("competence", "competence"),
    Macro("circle", "knowledge_circle"),
    Macro("instrument", "instrument"),
    Macro("module", "module"),
    Macro("dialogue", "dialogue"),
    Macro("questions", "module", "embed", ("id", "ids")),
    Macro("quiz", "module", "embed", ("id",)),
)}

#: Link macros by name, with the content type each links to.
LINK_MACROS: dict[str, str] = {name: macro.target for name, macro in MACROS.items() if macro.role == "link"}
#: Macros that embed questions.
EMBED_MACROS: tuple[str, ...] = tuple(name for name, macro in MACROS.items() if macro.role == "embed")

_STRING = r"""'[^'\\\n]*'|"[^"\\\n]*\""""
_LIST = rf"\[\s*(?:(?:{_STRING})\s*(?:,\s*(?:{_STRING})\s*)*,?\s*)?\]"
_ARG = rf"(?:[A-Za-z_]\w*\s*=\s*)?(?:{_STRING}|{_LIST})"
_ONE_ARG = re.compile(rf"(?:(?P<key>[A-Za-z_]\w*)\s*=\s*)?(?P<value>{_STRING}|{_LIST})")
_ONE_STRING = re.compile(_STRING)


def _pattern(role: Role | None) -> re.Pattern[str]:
    names = [name for name, macro in MACROS.items() if role is None or macro.role == role]
    alternatives = "|".join(sorted(names, key=len, reverse=True))
    return re.compile(
        rf"\{{\{{-?\s*(?P<name>{alternatives})\s*\(\s*(?P<args>(?:{_ARG}\s*(?:,\s*{_ARG}\s*)*)?)"
        rf"(?P<close>,?\s*\)\s*-?\}}\}})?"
    )


_PATTERNS = {role: _pattern(role) for role in (None, "link", "embed")}


@dataclass
class MacroCall:
    """One macro call found in a text."""

    macro: Macro
    #: Positional arguments (a string, or a list of strings), in order.
    args: list[str | list[str]]
    #: Keyword arguments.
    kwargs: dict[str, str | list[str]] = field(default_factory=dict)
    #: Offsets of the call in the text (the whole `{{ ... }}` when `complete`).
    start: int = 0
    end: int = 0
    line: int = 1
    #: The call is a whole `{{ name('literal', ...) }}` expression, so it can be replaced in the text; otherwise only
    #: its start was understood (e.g. `{{ term('x') | upper }}`) and it is left to mkdocs-macros.
    complete: bool = True

    @property
    def name(self) -> str:
        return self.macro.name

    @property
    def ref(self) -> str | None:
        """The id the call names (its first argument), or None when that is not a literal string."""
        value = self.arg("id")
        return value if isinstance(value, str) else None

    def arg(self, name: str) -> str | list[str] | None:
        """An argument by its name in the table, given by position or keyword; None when it is not given."""
        if name in self.kwargs:
            return self.kwargs[name]
        position = self.macro.args.index(name) if name in self.macro.args else -1
        return self.args[position] if 0 <= position < len(self.args) else None

    def unknown_args(self) -> list[str]:
        """What is wrong with the arguments: too many of them, or a keyword the macro does not have."""
        wrong = []
        if len(self.args) > len(self.macro.args):
            wrong.append(f"takes at most {len(self.macro.args)} argument{'s' if len(self.macro.args) > 1 else ''} "
                         f"({', '.join(self.macro.args)}), got {len(self.args)}")
        for key in self.kwargs:
            if key == self.macro.args[0]:
                wrong.append(f"give the {key} as the first argument, without `{key}=`")
            elif key not in self.macro.args:
                wrong.append(f"has no argument `{key}`; expected one of: {', '.join(self.macro.args)}")
        return wrong

    def __str__(self) -> str:
        """The call as a lecturer wrote it, shortened to its name and id: `quiz('mini')`."""
        return f"{self.name}('{self.ref if self.ref is not None else '…'}')"


def _value(literal: str) -> str | list[str]:
    if literal.startswith("["):
        return [item[1:-1] for item in _ONE_STRING.findall(literal)]
    return literal[1:-1]


def may_call(text: str) -> bool:
    """Whether `text` can hold a macro call at all (a cheap test before the parser)."""
    return "{{" in text


def uses_jinja(text: str) -> bool:
    """Whether mkdocs-macros has anything to do in `text` (any expression or statement)."""
    return "{{" in text or "{%" in text


def find_calls(text: str, role: Role | None = None) -> Iterator[MacroCall]:
    """The calls of werkplaats macros in `text`, in order.

    Arguments:
        text: Markdown (or any text) that may hold `{{ name(...) }}` expressions.
        role: only the macros of this role (`link` or `embed`; default: all in `MACROS`).

    Yields:
        Each call, with its arguments where they are literals, its offsets and its line (1-based).
    """
    if not may_call(text):
        return
    line, counted = 1, 0
    for match in _PATTERNS[role].finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        args: list[str | list[str]] = []
        kwargs: dict[str, str | list[str]] = {}
        for arg in _ONE_ARG.finditer(match.group("args")):
            if arg.group("key"):
                kwargs[arg.group("key")] = _value(arg.group("value"))
            elif not kwargs:
                args.append(_value(arg.group("value")))
        yield MacroCall(MACROS[match.group("name")], args, kwargs, match.start(), match.end(), line,
                        complete=match.group("close") is not None)


def replace_calls(text: str, replace: Callable[[MacroCall], str | None], role: Role | None = None) -> str:
    """`text` with each complete call of the macros of `role` (default: all) replaced by what `replace` returns for it.

    A call for which `replace` returns None, and an incomplete call, stay as they are.
    """
    if not may_call(text):
        return text
    parts: list[str] = []
    position = 0
    for call in find_calls(text, role):
        if not call.complete:
            continue
        replacement = replace(call)
        if replacement is None:
            continue
        parts.append(text[position:call.start])
        parts.append(replacement)
        position = call.end
    if not parts:
        return text
    parts.append(text[position:])
    return "".join(parts)
