"""Where each item's page lives, and links between pages (as Markdown `.md` links or as built URLs)."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from werkplaats.content.macros import LINK_MACROS, MacroCall, replace_calls

#: Link macros by name and the type they link to (the table is `werkplaats.content.macros.MACROS`).
MACRO_KINDS = LINK_MACROS

if TYPE_CHECKING:
    from werkplaats.content import Project

#: The folder of each type's generated pages.
SECTIONS = {
    "method": "methodieken",
    "competence": "competenties",
    "knowledge_circle": "kenniskringen",
    "case": "casussen",
    "instrument": "instrumenten",
    "module": "modules",
    "term": "begrippen",
    "dialogue": "gesprekken",
}
PROGRESS_PAGE = "voortgang/index.md"
REVIEW_PAGE = "herhalen/index.md"
MATRIX_PAGE = "competenties/matrix.md"
GLOSSARY_PAGE = "begrippen/index.md"


def page_of(kind: str, item_id: str) -> tuple[str, str]:
    """The source URI of an item's page and the anchor on it (empty when the item has a page of its own)."""
    if kind == "term":
        return GLOSSARY_PAGE, item_id
    if kind == "module":
        return f"modules/{item_id}/index.md", ""
    return f"{SECTIONS[kind]}/{item_id}.md", ""


def unit_page(module_id: str, unit_id: str) -> str:
    """The source URI of a module's unit."""
    return f"modules/{module_id}/{unit_id}.md"


def quiz_page(module_id: str) -> str:
    """The source URI of a module's quiz."""
    return f"modules/{module_id}/toets.md"


@lru_cache(maxsize=65536)
def relpath(path: str, start: str) -> str:
    """`posixpath.relpath` for site-relative URIs (no `.` or `..` parts), without asking the file system.

    Generated pages link to each other thousands of times; the standard function calls `os.getcwd()` twice a link.
    """
    to = [part for part in path.split("/") if part and part != "."]
    base = [part for part in start.split("/") if part and part != "."]
    common = 0
    while common < min(len(to), len(base)) and to[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."


def md_href(from_src: str, to_src: str, anchor: str = "") -> str:
    """A relative Markdown link from one source file to another, which MkDocs checks and rewrites."""
    rel = relpath(to_src, posixpath.dirname(from_src) or ".")
    return rel + (f"#{anchor}" if anchor else "")


def url_of(src: str, use_directory_urls: bool = True) -> str:
    """The URL (relative to the site root) MkDocs gives a source file."""
    stem, _ = posixpath.splitext(src)
    if not use_directory_urls:
        return stem + ".html"
    if posixpath.basename(stem) == "index":
        folder = posixpath.dirname(stem)
        return folder + "/" if folder else ""
    return stem + "/"


def url_href(from_src: str, to_src: str, anchor: str = "", use_directory_urls: bool = True) -> str:
    """A relative URL from one built page to another, for HTML that MkDocs does not rewrite."""
    here = url_of(from_src, use_directory_urls)
    there = url_of(to_src, use_directory_urls)
    base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
    rel = relpath(there or ".", base or ".") if there != base else "."
    if there.endswith("/") and not rel.endswith("/"):
        rel += "/"
    if rel == "./":
        rel = "./"
    return rel + (f"#{anchor}" if anchor else "")


@dataclass
class Linker:
    """Makes links to items from a given page, in Markdown or as built URLs."""

    project: Project
    use_directory_urls: bool = True

    @cached_property
    def digest(self) -> int:
        """Changes when any item's title changes, or an item comes or goes: what link texts are made from."""
        return hash(tuple(sorted((kind, item_id, item.title) for kind, items in self.project.items.items()
                                 for item_id, item in items.items())))

    def title(self, kind: str, item_id: str) -> str:
        """The title of an item (its id if it does not exist)."""
        item = self.project.get(kind, item_id)
        return item.title if item is not None else item_id

    def md(self, from_src: str, kind: str, item_id: str, text: str | None = None) -> str:
        """A Markdown link to an item."""
        target, anchor = page_of(kind, item_id)
        label = (text or self.title(kind, item_id)).replace("[", "\\[").replace("]", "\\]")
        return f"[{label}]({md_href(from_src, target, anchor)})"

    def expand(self, text: str, from_src: str) -> str:
        """`text` with its link macros replaced by built-URL links (for HTML that we convert ourselves)."""
        return expand_link_macros(text, self, from_src)

    def href(self, from_src: str, kind: str, item_id: str) -> str:
        """A built-URL link to an item, for generated HTML."""
        target, anchor = page_of(kind, item_id)
        return url_href(from_src, target, anchor, self.use_directory_urls)


def expand_link_macros(text: str, linker: Linker, from_src: str, markdown_links: bool = False) -> str:
    """Replace link macros such as `{{ term('eigen-kracht') }}` by links.

    Arguments:
        text: Markdown that may contain link macros.
        linker: makes the links.
        from_src: the source URI of the page the text is on.
        markdown_links: link to `.md` files (for Markdown that MkDocs converts) instead of built URLs (for HTML
            that we convert ourselves).

    Returns:
        The text with every link macro replaced.
    """
    def replace(call: MacroCall) -> str | None:
        item_id, label = call.ref, call.arg("text")
        if item_id is None or isinstance(label, list):
            return None
        kind = call.macro.target
        if markdown_links:
            return linker.md(from_src, kind, item_id, label)
        shown = (label or linker.title(kind, item_id)).replace("[", "\\[").replace("]", "\\]")
        return f"[{shown}]({linker.href(from_src, kind, item_id)})"

    return replace_calls(text, replace, "link")
