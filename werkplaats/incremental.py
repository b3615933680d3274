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

Everything one `mkdocs serve` keeps between its rebuilds is in one `ServeCache`, made here and passed in: the parsed
files (`ReadCache`, given to the loader), the compiled templates, rendered questions and item pages (`PageCache`,
given to the page generator and through it to the quiz renderer) and, with `--dirty`, the `Tracker`.

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
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.utils import clean_directory

from werkplaats.content.macros import uses_jinja
from werkplaats.render import make_environment

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig

    from werkplaats.content.yamlsrc import Located

_TITLE_LINE = re.compile(r"^title:.*$", re.MULTILINE)
_H1 = re.compile(r"^#[ \t].*$", re.MULTILINE)


log = get_plugin_logger(__name__)


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
    if not uses_jinja(markdown):
        return False
    return "render_macros: false" not in markdown[:4096]


class _DirtyWarning(logging.Filter):
    """Drops MkDocs' warning that a dirty build gives inaccurate navigation: the tracker makes it accurate."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def _search_plugin(config: MkDocsConfig) -> Any:
    return config.plugins.get("material/search") or config.plugins.get("search")


def _has_search_internals(search: Any) -> bool:
    """Material's search plugin keeps `search_index` (a `SearchIndex` with `entries`) and `search_index_prev`."""
    index = getattr(search, "search_index", None)
    return hasattr(index, "entries") and hasattr(search, "search_index_prev")


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
        self._warned = False
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
        self.full = self.site is None or site != self.site or not self._search_ok(config)
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

    def _search_ok(self, config: MkDocsConfig) -> bool:
        """Whether the search plugin, if any, has the internals `keep_search_index` relies on; says so once if not
        (then every rebuild is a full one, which keeps the index right)."""
        search = _search_plugin(config)
        if search is None or _has_search_internals(search):
            return True
        if not self._warned:
            log.warning("the search plugin has no `search_index` (with `entries`) or `search_index_prev`, which "
                        "the dirty rebuilds rely on (has mkdocs-material changed?); every rebuild now redoes the "
                        "whole site")
            self._warned = True
        return False

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
        search = _search_plugin(config)
        if search is None or not _has_search_internals(search):
            return
        index = search.search_index
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


class ReadCache:
    """Files parsed by an earlier load, kept by `mkdocs serve` so that a rebuild parses only what was edited.

    An entry is used while the file's size and modification time (in nanoseconds) are what they were.
    """

    def __init__(self) -> None:
        self._entries: dict[Path, tuple[tuple[int, int], str, Located, str | None]] = {}

    def get(self, path: Path, stamp: tuple[int, int]) -> tuple[str, Located, str | None] | None:
        """The text, parsed data and body of `path` if it is unchanged since it was stored."""
        entry = self._entries.get(path)
        return entry[1:] if entry is not None and entry[0] == stamp else None

    def put(self, path: Path, stamp: tuple[int, int], text: str, located: Located, body: str | None) -> None:
        """Keep a parsed file."""
        self._entries[path] = (stamp, text, located, body)


@dataclass
class PageCache:
    """What page generation may take from the last build: valid for one templates folder, one language and one URL
    style (titles, which link texts show, are part of each entry's key)."""

    #: The Jinja environment, with its compiled templates.
    env: Environment
    #: Rendered questions (see `QuizRenderer.rendered`).
    rendered: dict[tuple[Any, ...], str] = field(default_factory=dict)
    #: Pages of items and modules, with the inputs they were made from (see `Generator._cached`).
    pages: dict[tuple[str, ...], tuple[Any, Any, dict[str, str]]] = field(default_factory=dict)


class ServeCache:
    """Everything one `mkdocs serve` keeps between rebuilds (MkDocs keeps a plugin that has `on_startup`).

    Arguments:
        dirty: the server runs with `--dirty`, so a rebuild redoes only the pages an edit changed (`tracker`).
    """

    def __init__(self, dirty: bool = False) -> None:
        #: Parsed content files, reused while a file is unchanged.
        self.files = ReadCache()
        #: What the last good build contained (only under `--dirty`).
        self.tracker: Tracker | None = Tracker() if dirty else None
        self._env: tuple[Path | None, Environment] | None = None
        self._pages: tuple[Any, PageCache] | None = None

    def pages(self, templates: Path | None, language: Any, use_directory_urls: bool) -> PageCache:
        """The page cache for a build with these settings: the last one, or an empty one when a setting or an
        override template changed (the environment is kept while the templates folder is the same)."""
        if self._env is None or self._env[0] != templates:
            self._env = (templates, make_environment(templates))
        stamp = (templates, language, use_directory_urls, folder_stamp(templates))
        if self._pages is None or self._pages[0] != stamp:
            self._pages = (stamp, PageCache(self._env[1]))
        return self._pages[1]
