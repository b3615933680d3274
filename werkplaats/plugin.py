"""The MkDocs plugin: thin glue between MkDocs events and the plain functions of this package."""

from __future__ import annotations

import logging
import os
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from werkplaats.content import ContentError, load_project
from werkplaats.content.loader import ReadCache
from werkplaats.content.models import TYPES
from werkplaats.incremental import GeneratedPage, Tracker, folder_stamp
from werkplaats.labels import labels_for
from werkplaats.pages.generate import Generator, PageSet
from werkplaats.render import make_environment
from werkplaats.site import StagedSite

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer

    from werkplaats.content import Project

log = get_plugin_logger(__name__)
ASSETS = Path(__file__).parent / "assets"
ASSET_DIR = "assets/werkplaats"


class WerkplaatsConfig(Config):
    """Options of the `werkplaats` plugin in mkdocs.yml."""

    content_dir = c.Type(str, default=".")
    """Folder (relative to mkdocs.yml) that holds methods/, cases/, modules/ and the other content folders."""
    templates = c.Optional(c.Type(str))
    """Folder (relative to mkdocs.yml) with templates that override the package's own."""
    staged_build = c.Type(bool, default=True)
    """Build into a staging folder and replace `site_dir` only when the build succeeded."""


class _Counter(logging.Handler):
    """Counts warnings, so a strict build that is about to fail does not replace the last good site."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class WerkplaatsPlugin(BasePlugin[WerkplaatsConfig]):
    """Loads and validates the content, generates its pages and navigation, and ships the quiz assets."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.dirty = False
        self.project: Project | None = None
        self.generator: Generator | None = None
        self.pageset: PageSet | None = None
        self.staged: StagedSite | None = None
        self.counter: _Counter | None = None
        # Kept across the rebuilds of one `mkdocs serve` (MkDocs keeps a plugin that has `on_startup`): parsed files,
        # rendered questions and compiled templates are reused while their sources are unchanged, and with
        # `--dirty` the tracker redoes only the pages an edit changed.
        self.read_cache: ReadCache | None = None
        self.tracker: Tracker | None = None
        self._env: tuple[Any, Environment] | None = None
        self._reuse: tuple[Any, dict[Any, str], dict[Any, Any]] | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.dirty = dirty
        if command == "serve":
            self.read_cache = ReadCache()
            if dirty:
                self.tracker = Tracker()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        content_root = (root / self.config.content_dir).resolve()
        _set_build_date(root)
        project = load_project(content_root, read_cache=self.read_cache)
        if project.problems:
            # Raised before MkDocs cleans site_dir, so the last good site stays as it was.
            raise PluginError(str(ContentError(project.problems)))
        self.project = project
        templates = root / self.config.templates if self.config.templates else None
        language = config.theme.get("language")
        self.generator = Generator(project, labels_for(language), use_directory_urls=config.use_directory_urls,
                                   templates=templates, **self._reused(templates, language, config))
        try:
            self.pageset = self.generator.generate()
        except Exception as exc:  # a broken override template must not print a traceback
            raise PluginError(f"werkplaats: could not generate the content pages: {exc}") from exc
        if config.nav is not None:
            config.nav = _add_review_nav(_expand_nav(config.nav, self.pageset.nav), self.generator.labels["review"])
        _add_theme_dir(config)
        config.extra_css.insert(0, f"{ASSET_DIR}/werkplaats.css")
        config.extra_css.insert(1, f"{ASSET_DIR}/exam.css")
        config.extra_javascript.append(f"{ASSET_DIR}/werkplaats.js")
        config.extra_javascript.append(f"{ASSET_DIR}/exam.js")  # after werkplaats.js: it uses window.werkplaats
        if config.strict:
            self.counter = _Counter()
            logging.getLogger("mkdocs").addHandler(self.counter)
        if self.command in ("build", "gh-deploy") and not self.dirty and self.config.staged_build:
            self.staged = StagedSite(Path(config.site_dir))
            config.site_dir = str(self.staged.staging)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.pageset is not None and self.generator is not None
        clashes = [uri for uri in self.pageset.pages if files.get_file_from_path(uri) is not None]
        if clashes:
            raise PluginError("werkplaats: these files in docs/ have the path of a generated page; rename or "
                              "remove them: " + ", ".join(f"docs/{uri}" for uri in sorted(clashes)))
        page_class = GeneratedPage if self.tracker is not None else File
        for uri, markdown in self.pageset.pages.items():
            files.append(page_class.generated(config, uri, content=markdown))
        for asset in sorted(ASSETS.iterdir()):
            if asset.is_file():
                files.append(File.generated(config, f"{ASSET_DIR}/{asset.name}", abs_src_path=str(asset)))
        if self.tracker is not None:
            self.tracker.plan(config, files, self.pageset.pages, self.generator.templates)
        return files

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        if self.tracker is not None:
            self.tracker.carry_over(files)
        return env

    def on_page_content(self, html: str, *, page: Any, config: MkDocsConfig, files: Files) -> str:
        assert self.generator is not None
        return self.generator.mark_slots(html)

    def on_post_page(self, output: str, *, page: Any, config: MkDocsConfig) -> str:
        # Quiz and instrument HTML goes in last: Markdown, the table of contents and the search index never parse
        # it, which keeps answer keys out of the index and the build fast.
        assert self.generator is not None
        if self.tracker is not None:
            self.tracker.built(page.url)
        return self.generator.fill_slots(output)

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        root = Path(config.config_file_path).parent / self.config.content_dir
        for folder in sorted({folder for _, folder, *_ in TYPES.values()}):
            if (root / folder).is_dir():
                server.watch(str((root / folder).resolve()))
        if self.config.templates:
            server.watch(str(Path(config.config_file_path).parent / self.config.templates))
        return server

    @event_priority(50)
    def _keep_search_index(self, *, config: MkDocsConfig) -> None:
        # Before the search plugin writes its index (priority 0).
        if self.tracker is not None:
            self.tracker.keep_search_index(config)

    @event_priority(-100)
    def _publish(self, *, config: MkDocsConfig) -> None:
        # After every other plugin has written into the site.
        self._stop_counting()
        if self.tracker is not None:
            self.tracker.commit()
        if self.staged is None:
            return
        if config.strict and self.counter is not None and self.counter.count:
            # MkDocs is about to abort the strict build: keep the last good site.
            self.staged.discard()
        else:
            self.staged.publish()
        self.staged = None

    on_post_build = CombinedEvent(_keep_search_index, _publish)

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_counting()
        if self.tracker is not None:
            self.tracker.forget()
        if self.staged is not None:
            self.staged.discard()
            self.staged = None

    def _stop_counting(self) -> None:
        if self.counter is not None:
            logging.getLogger("mkdocs").removeHandler(self.counter)

    def _reused(self, templates: Path | None, language: Any, config: MkDocsConfig) -> dict[str, Any]:
        """Under `mkdocs serve`, what the last build made and this one may reuse: the Jinja environment, rendered
        questions and item pages. These depend on the templates, the labels and the URL style; a change there
        starts empty caches. (Titles, which link texts show, are part of each entry's key.)
        """
        if self.command != "serve":
            return {}
        if self._env is None or self._env[0] != templates:
            self._env = (templates, make_environment(templates))
        stamp = (templates, language, config.use_directory_urls, folder_stamp(templates))
        if self._reuse is None or self._reuse[0] != stamp:
            self._reuse = (stamp, {}, {})
        return {"env": self._env[1], "rendered": self._reuse[1], "memo": self._reuse[2]}


def _add_theme_dir(config: MkDocsConfig) -> None:
    """Put our partial overrides after the site's own `custom_dir` but before Material's templates."""
    ours = str(Path(__file__).parent / "theme")
    dirs = config.theme.dirs
    if ours in dirs:
        return
    position = 1 if config.theme.custom_dir else 0
    dirs.insert(position, ours)


def _expand_nav(nav: list[Any], sections: dict[str, list[Any]]) -> list[Any]:
    """Replace each nav entry that names a generated index page with that section's pages."""
    result: list[Any] = []
    for entry in nav:
        if isinstance(entry, str) and entry in sections:
            result.extend(sections[entry])
        elif isinstance(entry, dict):
            expanded = {}
            for title, value in entry.items():
                if isinstance(value, str) and value in sections:
                    children = sections[value]
                    expanded[title] = children if len(children) > 1 else children[0]
                elif isinstance(value, list):
                    expanded[title] = _expand_nav(value, sections)
                else:
                    expanded[title] = value
            result.append(expanded)
        else:
            result.append(entry)
    return result


def _add_review_nav(nav: list[Any], title: str) -> list[Any]:
    """Put 'Herhalen' right after 'Mijn voortgang' when mkdocs.yml does not name it itself."""
    from werkplaats.pages.links import PROGRESS_PAGE, REVIEW_PAGE

    if REVIEW_PAGE in repr(nav):
        return nav
    for position, entry in enumerate(nav):
        if entry == PROGRESS_PAGE or (isinstance(entry, dict) and PROGRESS_PAGE in entry.values()):
            return [*nav[:position + 1], {title: REVIEW_PAGE}, *nav[position + 1:]]
    return [*nav, {title: REVIEW_PAGE}]


def _set_build_date(root: Path) -> None:
    """Make dates in the site (sitemap, gzip headers) come from the last commit, so builds repeat exactly."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return
    try:
        stamp = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True,
                               timeout=10, check=False).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        stamp = ""
    os.environ["SOURCE_DATE_EPOCH"] = stamp if stamp.isdigit() else "0"
