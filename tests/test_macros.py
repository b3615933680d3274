"""One table of macros and one parser (werkplaats/content/macros.py), used by the check, the pages, the exports and
the mkdocs-macros functions."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from werkplaats.content import load_project
from werkplaats.content.macros import EMBED_MACROS, LINK_MACROS, MACROS, find_calls, replace_calls


def _problems(root: Path) -> list[str]:
    return [str(problem) for problem in load_project(root).problems]


def _write_home(root: Path, text: str) -> None:
    (root / "docs" / "index.md").write_text(text, encoding="utf-8")


def test_parser_reads_arguments_lines_and_incomplete_calls() -> None:
    text = ("Zie {{ term('eigen-kracht') }} en {{ case(\"meneer-bakker\", 'de casus') }}.\n"
            "{{- questions('mini', ['m-01', \"m-02\"]) -}}\n"
            "{{ term('x') | upper }} {{ term(naam) }} {{ method('het-gesprek', text='Gesprek') }}\n"
            "{{ questions('mini',\n   ['m-03',\n    'm-04']) }}")
    calls = list(find_calls(text))
    assert [(c.name, c.ref, c.line, c.complete) for c in calls] == [
        ("term", "eigen-kracht", 1, True), ("case", "meneer-bakker", 1, True), ("questions", "mini", 2, True),
        ("term", "x", 3, False), ("term", None, 3, False), ("method", "het-gesprek", 3, True),
        ("questions", "mini", 4, True)]
    assert calls[1].arg("text") == "de casus" and calls[0].arg("text") is None
    assert calls[2].arg("ids") == ["m-01", "m-02"] and calls[6].arg("ids") == ["m-03", "m-04"]
    assert calls[5].arg("text") == "Gesprek"
    assert [str(c) for c in find_calls(text, "embed")] == ["questions('mini')", "questions('mini')"]


def test_replace_leaves_what_it_cannot_read() -> None:
    text = "{{ term('a') }} {{ term('b') | upper }} {{ quiz('m') }} {{ term('c', 'C') }}"
    replaced = replace_calls(text, lambda call: f"<{call.ref}:{call.arg('text')}>", "link")
    assert replaced == "<a:None> {{ term('b') | upper }} {{ quiz('m') }} <c:C>"
    assert replace_calls(text, lambda call: None) == text


def test_every_macro_in_the_table_is_a_mkdocs_macro() -> None:
    from werkplaats.macros import define_env

    registered: dict[str, Any] = {}
    env = SimpleNamespace(macro=lambda function, name: registered.setdefault(name, function))
    define_env(env)
    # review_due() (the Herhalen count, issue #15) names no item, so it is no entry of the table.
    assert set(registered) - {"review_due"} == set(MACROS)
    assert set(LINK_MACROS) | set(EMBED_MACROS) == set(MACROS)
    # The first argument of every macro names an item of a content type the loader knows.
    from werkplaats.content.models import TYPES

    assert {macro.target for macro in MACROS.values()} <= set(TYPES)


@pytest.mark.parametrize(("call", "expected"), [
    ("{{ quiz('bestaat-niet') }}", "docs/index.md:3: quiz('bestaat-niet'): no module with id `bestaat-niet`"),
    ("{{ questions('mnii') }}", "docs/index.md:3: questions('mnii'): no module with id `mnii`; did you mean `mini`?"),
    ("{{ questions('mini', ['m-01', 'm-99']) }}", "docs/index.md:3: questions('mini'): no question `m-99` in its bank"),
    ("{{ quiz('mini', ['m-01']) }}", "docs/index.md:3: quiz('mini'): takes at most 1 argument (id), got 2"),
    ("{{ term('eigen-kracht', tekst='x') }}",
     "docs/index.md:3: term('eigen-kracht'): has no argument `tekst`; expected one of: id, text"),
    ("{{ term(id='eigen-kracht') }}",
     "docs/index.md:3: term('eigen-kracht'): give the id as the first argument, without `id=`"),
    ("{{ circle('zeggenschp') }}", "docs/index.md:3: circle('zeggenschp'): no knowledge circle with id `zeggenschp`"),
])
def test_a_bad_call_is_reported_as_written(site_root: Path, call: str, expected: str) -> None:
    _write_home(site_root, f"# Start\n\n{call}\n")
    problems = _problems(site_root)
    assert len(problems) == 1 and problems[0].startswith(expected), problems


def test_a_call_over_several_lines_is_checked_at_its_first_line(site_root: Path) -> None:
    _write_home(site_root, "# Start\n\nTekst.\n\n{{ questions('mini',\n  ['m-01',\n   'm-88']) }}\n")
    assert _problems(site_root) == ["docs/index.md:5: questions('mini'): no question `m-88` in its bank"]


def test_pages_and_exports_expand_calls_with_keywords(site_root: Path) -> None:
    # A keyword argument is read the same way by the generated pages and by the exports.
    from werkplaats.labels import NL
    from werkplaats.pages.generate import Generator
    from werkplaats.pages.links import expand_link_macros

    project = load_project(site_root)
    assert project.problems == []
    linker = Generator(project, NL).linker
    text = "{{ term('eigen-kracht', text='eigen kracht') }} en {{ case('meneer-bakker') }}"
    assert expand_link_macros(text, linker, "index.md", markdown_links=True) == (
        "[eigen kracht](begrippen/index.md#eigen-kracht) en [Meneer Bakker](casussen/meneer-bakker.md)")
