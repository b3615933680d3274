"""Rendering helpers shared by pages and quizzes: the Jinja environment and Markdown snippets."""

from __future__ import annotations

import json
import re
from pathlib import Path

import markdown
from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    select_autoescape,
)
from markupsafe import Markup

_md = markdown.Markdown(extensions=["tables", "attr_list", "sane_lists", "smarty"],
                        extension_configs={"smarty": {"smart_quotes": False}})


# Text with none of Markdown's (or SmartyPants') special characters converts to itself in a paragraph; most
# option and feedback texts are like that, and skipping the converter for them halves the cost of a quiz.
_PLAIN = re.compile(r"[^*_`\[\]<>&\\#|~{}\n!]*")
_SPECIAL_START = re.compile(r"^(?:\d+[.)]|[-+>=])")


def _is_plain(text: str) -> bool:
    return (_PLAIN.fullmatch(text) is not None and "--" not in text and "..." not in text
            and not _SPECIAL_START.match(text) and text == text.strip() and "  " not in text)


def md_block(text: str) -> Markup:
    """Markdown to HTML (block level), for text we place inside generated HTML."""
    if not text:
        return Markup("")
    if _is_plain(text):
        return Markup(f"<p>{text}</p>")
    _md.reset()
    return Markup(_md.convert(text))


def md_inline(text: str) -> Markup:
    """Markdown to HTML without the surrounding paragraph, for a legend or a label."""
    html = str(md_block(text))
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


def is_single_paragraph(text: str) -> bool:
    """True when the Markdown text is one paragraph (it can then sit in a `legend`)."""
    html = str(md_block(text))
    return html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1


def to_json(value: object) -> str:
    """Compact, stable JSON for data attributes."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def make_environment(override_dir: Path | None = None) -> Environment:
    """The Jinja environment for generated pages and quiz HTML; a site may override any template.

    Arguments:
        override_dir: a folder whose templates take precedence over the package's own.

    Returns:
        The environment, with the filters `md`, `md_inline` and `json`.
    """
    loaders: list[BaseLoader] = [FileSystemLoader(str(override_dir))] if override_dir and override_dir.is_dir() else []
    loaders.append(PackageLoader("werkplaats", "templates"))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False, default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_block
    env.filters["md_inline"] = md_inline
    env.filters["json"] = to_json
    return env
