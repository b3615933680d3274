"""Rebuild only what an edit changed under `mkdocs serve --dirty`, and keep the rest of the site right.

MkDocs' own dirty build redoes a page when its source file is newer than its output. For this site that is wrong in
three ways: generated pages have no source file (MkDocs would redo every one of them on every edit), a page shows the
titles of all pages in its navigation (an edited title makes every page stale), and Material's search index, merged
after a dirty build, assumes that a single page changed. The tracker decides per page from what goes into it:

- a generated page is redone when its Markdown differs from the last good build; that Markdown holds the titles of
  the items it links to and a hash of its quiz HTML, so whatever it shows is in it (a page whose text calls a
  site's own macros is redone always, like the pages below);
- a page in `docs/` is redone when MkDocs sees its file changed, or always when it calls macros (their output
  depends on the content);
- the whole site is redone, into an emptied folder, when mkdocs.yml, the navigation, a page title, the set of files
  or an override template changed; that is an ordinary full build.

Pages that are not redone are not read either; the navigation of the pages that are redone shows their titles (and
Material reads their metadata), so these are carried over from the last build. The search index is kept whole:
entries of pages that were not redone are carried over too.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.structure.files import File, Files
from mkdocs.utils import clean_directory

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

_TITLE_LINE = re.compile(r"^title:.*$", re.MULTILINE)
_H1 = re.compile(r"^#[ \t].*$", re.MULTILINE)
_MACRO = ("{{", "{%")


class GeneratedPage(File):
    """A page generated in memory whose `is_modified` comes from the tracker rather than from file dates."""

    changed: bool = True

    def is_modified(self) -> bool:
        return self.changed


def _digest(*parts: Any) -> str:
    return hashlib.sha1(json.dumps(parts, ensure_ascii=False, default=str).encode()).hexdigest()


def _title_source(markdown: str) -> tuple[str, ...]:
    """What a page's title is made of when the navigation gives none: `title:` in front matter, or the first H1."""
    head = markdown[:4096]
    front = ""
    if head.startswith("---"):
        end = head.find("\n---", 3)
        front = head[:end] if end > 0 else head
    titles = _TITLE_LINE.findall(front)
    h1 = _H1.search(markdown)
    return (*titles, h1.group(0) if h1 else "")


def folder_stamp(folder: str | Path | None) -> list[tuple[str, int]]:
    """The files of a folder with their modification times (empty when there is no such folder)."""
    if not folder or not os.path.isdir(folder):
        return []
    stamp = []
    for base, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(base, name)
            stamp.append((os.path.relpath(path, folder), os.stat(path).st_mtime_ns))
    return sorted(stamp)


def _uses_macros(markdown: str) -> bool:
    if not any(mark in markdown for mark in _MACRO):
        return False
    return "render_macros: false" not in markdown[:4096]


class _DirtyWarning(logging.Filter):
    """Drops MkDocs' warning that a dirty build gives inaccurate navigation: the tracker makes it accurate."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


class Tracker:
    """What the last good build of one `mkdocs serve --dirty` session contained, to decide what the next redoes."""

    def __init__(self) -> None:
        self.site: str | None = None
        self.pages: dict[str, str] = {}
        self.full = True
        self.rebuilt: set[str] = set()
        #: Title and metadata of every page at the last good build, by source URI.
        self.shown: dict[str, tuple[str | None, dict[str, Any]]] = {}
        self._pending: tuple[str, dict[str, str]] | None = None
        self._pending_shown: dict[str, tuple[str | None, dict[str, Any]]] = {}
        self._filter = _DirtyWarning()
        logging.getLogger("mkdocs.commands.build").addFilter(self._filter)

    def plan(self, config: MkDocsConfig, files: Files, generated: dict[str, str], templates: Path | None) -> None:
        """Decide, before any page is read, which pages this build redoes; empty the site folder for a full build.

        Arguments:
            config: the configuration of this build.
            files: all files of this build, the generated pages among them as `GeneratedPage`.
            generated: the Markdown of each generated page by source URI.
            templates: the folder of the site's override templates, if any.
        """
        docs: dict[str, str] = {}
        for file in files.documentation_pages():
            if file.src_uri not in generated and file.abs_src_path:
                with open(file.abs_src_path, encoding="utf-8", errors="replace") as handle:
                    docs[file.src_uri] = handle.read()
        config_text = Path(config.config_file_path).read_text(encoding="utf-8") if config.config_file_path else ""
        site = _digest(
            config_text, config.nav, sorted(file.src_uri for file in files),
            {uri: _title_source(markdown) for uri, markdown in (*generated.items(), *docs.items())},
            folder_stamp(config.theme.custom_dir), folder_stamp(templates),
        )
        pages = {uri: _digest(markdown) for uri, markdown in generated.items()}
        self.full = self.site is None or site != self.site
        if self.full:
            clean_directory(config.site_dir)
        for file in files:
            if isinstance(file, GeneratedPage):
                edited = self.pages.get(file.src_uri) != pages[file.src_uri]
                file.changed = self.full or edited or _uses_macros(generated[file.src_uri])
            elif (not self.full and file.src_uri in docs and _uses_macros(docs[file.src_uri])
                  and os.path.isfile(file.abs_dest_path)):
                # Its macros may show content that changed: remove the output, so MkDocs redoes the page.
                os.remove(file.abs_dest_path)
        self._pending = (site, pages)
        self.rebuilt = set()

    def carry_over(self, files: Files) -> None:
        """After the pages are read: give each page that was not read its title and metadata of the last build."""
        shown = {}
        for file in files.documentation_pages():
            page = file.page
            if page is None:
                continue
            if page.markdown is None and file.src_uri in self.shown:
                title, meta = self.shown[file.src_uri]
                page.title, page.meta = title, dict(meta)
            shown[file.src_uri] = (page.title, dict(page.meta))
        self._pending_shown = shown

    def built(self, url: str) -> None:
        """Note that the page at `url` was redone in this build."""
        self.rebuilt.add(url)

    def keep_search_index(self, config: MkDocsConfig) -> None:
        """Give Material's search index the entries of every page, before it writes the index.

        Its own merge after a dirty build keeps the old entries of all pages but the first one rebuilt; here the old
        entries of exactly the rebuilt pages are dropped, and the index is written from the whole list.
        """
        search = config.plugins.get("material/search") or config.plugins.get("search")
        index = getattr(search, "search_index", None)
        if index is None or not hasattr(search, "search_index_prev"):
            return
        previous = search.search_index_prev
        if previous is not None and not self.full:
            kept = [entry for entry in previous.entries if entry["location"].split("#")[0] not in self.rebuilt]
            index.entries = kept + index.entries
        search.search_index_prev = None

    def commit(self) -> None:
        """The build succeeded: it is the base of the next one."""
        if self._pending is not None:
            self.site, self.pages = self._pending
            self.shown = self._pending_shown
        self._pending = None

    def forget(self) -> None:
        """The build failed: the next one redoes everything."""
        self.site, self.pages, self.shown, self._pending = None, {}, {}, None
