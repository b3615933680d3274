"""Macros for Markdown pages (through mkdocs-macros): links to items and questions inside any page.

`macros/__init__.py` at the top of the project calls `define_env`; the macros find the loaded content on the
`werkplaats` plugin, so they work on hand-written pages and generated pages alike.
"""

from __future__ import annotations

from typing import Any

from mkdocs.exceptions import PluginError

from werkplaats.content.macros import LINK_MACROS


def _plugin(env: Any) -> Any:
    plugin = env.conf["plugins"].get("werkplaats")
    if plugin is None or plugin.generator is None:
        raise PluginError("the macros need the `werkplaats` plugin in mkdocs.yml, listed before `macros`")
    return plugin


def _page(env: Any) -> str:
    return env.page.file.src_uri if env.page is not None else "index.md"


def define_env(env: Any) -> None:
    """Register the werkplaats macros on a mkdocs-macros environment."""

    def make_link(macro: str):
        kind = LINK_MACROS[macro]

        def link(item_id: str, text: str | None = None) -> str:
            plugin = _plugin(env)
            if plugin.project.get(kind, item_id) is None:
                raise PluginError(f"{_page(env)}: {macro}('{item_id}'): no such {kind.replace('_', ' ')}")
            return plugin.generator.linker.md(_page(env), kind, item_id, text)

        link.__name__ = macro
        link.__doc__ = f"A link to the {kind.replace('_', ' ')} with this id; optional link text."
        return link

    for macro in LINK_MACROS:
        env.macro(make_link(macro), macro)

    def questions(module_id: str, ids: list[str] | None = None) -> str:
        """Questions from a module's bank, as an unscored self-check inside any page."""
        plugin = _plugin(env)
        try:
            html = plugin.generator.questions_html(module_id, list(ids or []), _page(env))
        except KeyError as exc:
            raise PluginError(f"{_page(env)}: questions('{module_id}'): {exc.args[0]}") from None
        return f"\n\n{plugin.generator.slot(html)}\n\n"

    def quiz(module_id: str) -> str:
        """A module's whole quiz, with its pass mark, inside any page."""
        plugin = _plugin(env)
        try:
            html = plugin.generator.quiz_html(module_id, _page(env))
        except KeyError:
            raise PluginError(f"{_page(env)}: quiz('{module_id}'): no module `{module_id}`") from None
        return f"\n\n{plugin.generator.slot(html)}\n\n"

    def review_due() -> str:
        """The number of questions due on Herhalen today (filled in by the script), e.g. on the home page."""
        return _plugin(env).generator.due_html(_page(env))

    env.macro(questions, "questions")
    env.macro(review_due, "review_due")
    env.macro(quiz, "quiz")
