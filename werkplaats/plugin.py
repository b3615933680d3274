"""The MkDocs plugin: thin glue between MkDocs events and the plain functions of this package."""

from __future__ import annotations

import logging
import os
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import TemplateError, TemplateSyntaxError
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from werkplaats.content import ContentError, load_project
from werkplaats.content.models import TYPES
from werkplaats.incremental import GeneratedPage, ServeCache, Tracker
from werkplaats.labels import labels_for
from werkplaats.minify import shipped_files
from werkplaats.pages.generate import Generator, PageSet
from werkplaats.report import ReportCache, quality_findings, summary_line
from werkplaats.search import use_dutch_search
from werkplaats.site import StagedSite

if TYPE_CHECKING:
    from types import TracebackType

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer

    from werkplaats.content import Project

log = get_plugin_logger(__name__)
ASSET_DIR = "assets/werkplaats"


class WerkplaatsConfig(Config):
    """Options of the `werkplaats` plugin in mkdocs.yml."""

    content_dir = c.Type(str, default=".")
    """Folder (relative to mkdocs.yml) that holds methods/, cases/, modules/ and the other content folders."""
    templates = c.Optional(c.Type(str))
    """Folder (relative to mkdocs.yml) with templates that override the package's own."""
    staged_build = c.Type(bool, default=True)
    """Build into a staging folder and replace `site_dir` only when the build succeeded."""
    strict_quality = c.Type(bool, default=False)
    """Fail the build on the findings of `werkplaats report` (otherwise the build prints a one-line summary)."""
    quality_min_items = c.Type(int, default=2)
    """Items each module objective and competence needs before the report stops flagging it."""


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
        #: Kept across the rebuilds of one `mkdocs serve` (MkDocs keeps a plugin that has `on_startup`): parsed
        #: files, compiled templates, rendered questions and item pages, and with `--dirty` the tracker that redoes
        #: only the pages an edit changed. None outside `mkdocs serve`.
        self.cache: ServeCache | None = None
        #: `SOURCE_DATE_EPOCH` as it was before this build set it (None: absent), restored after the build; None
        #: when the build did not set it.
        self._saved_epoch: tuple[str | None] | None = None
        #: Near-duplicate findings of the quality report, reused between rebuilds while no question bank changed.
        self.report_cache = ReportCache()

    @property
    def tracker(self) -> Tracker | None:
        """The dirty-build tracker of this `mkdocs serve --dirty` session, if any."""
        return self.cache.tracker if self.cache is not None else None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.dirty = dirty
        self.cache = ServeCache(dirty=dirty) if command == "serve" else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        content_root = (root / self.config.content_dir).resolve()
        self._saved_epoch = _set_build_date(root)
        project = load_project(content_root, read_cache=self.cache.files if self.cache is not None else None)
        if project.problems:
            self._restore_environment()
            # Raised before MkDocs cleans site_dir, so the last good site stays as it was.
            raise PluginError(str(ContentError(project.problems)))
        self.project = project
        _report_quality(project, self.config.strict_quality, self.config.quality_min_items, self.report_cache)
        templates = root / self.config.templates if self.config.templates else None
        language = config.theme.get("language")
        cache = self.cache.pages(templates, language, config.use_directory_urls) if self.cache is not None else None
        try:
            self.generator = Generator(project, labels_for(language), use_directory_urls=config.use_directory_urls,
                                       templates=templates, cache=cache)
            self.pageset = self.generator.generate()
        except TemplateError as exc:  # a broken override template must not print a traceback
            self._restore_environment()
            raise PluginError(_template_error(exc, root)) from None
        if config.nav is not None:
            config.nav = _add_review_nav(_expand_nav(config.nav, self.pageset.nav), self.generator.labels["review"])
        _add_theme_dir(config)
        use_dutch_search(config)
        # One stylesheet and one script (werkplaats/assets/dist/, see minify.py): quizzes, instruments, progress,
        # dialogues, exam mode and Herhalen, and "Mijn ontwikkeling".
        config.extra_css.insert(0, f"{ASSET_DIR}/werkplaats.css")
        config.extra_javascript.append(f"{ASSET_DIR}/werkplaats.js")
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
        for name, asset in shipped_files().items():
            files.append(File.generated(config, f"{ASSET_DIR}/{name}", content=asset.read_bytes()))
        if self.tracker is not None:
            self.tracker.plan(config, files, self.pageset.pages, self.generator.templates)
        return files

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        # The theme partials (werkplaats/theme/) take their strings from labels.py too.
        env.globals["werkplaats_labels"] = labels_for(config.theme.get("language"))
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
        output = self.generator.fill_slots(output)
        if "WPSLOT" in output or "data-wp-slot=" in output:
            raise PluginError(
                f"{_source_of(page, config)}: a questions() or quiz() call could not be placed in the page; it is "
                "probably inside raw HTML (such as a <div> or a table): put the call on a line of its own, with an "
                "empty line before and after it and outside any HTML block")
        return output

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
        self._restore_environment()
        if self.tracker is not None:
            self.tracker.commit()
        if self.staged is None:
            return
        if config.strict and self.counter is not None and self.counter.count:
            # MkDocs is about to abort the strict build: keep the last good site.
            self.staged.discard()
        else:
            self.staged.publish()
        # `mkdocs gh-deploy` (and any plugin after this one) reads site_dir after the build: point it back from the
        # staging folder, which is gone now, to the published site.
        config.site_dir = str(self.staged.site_dir)
        self.staged = None

    on_post_build = CombinedEvent(_keep_search_index, _publish)

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_counting()
        self._restore_environment()
        if self.tracker is not None:
            self.tracker.forget()
        if self.staged is not None:
            self.staged.discard()
            self.staged = None

    def _stop_counting(self) -> None:
        if self.counter is not None:
            logging.getLogger("mkdocs").removeHandler(self.counter)

    def _restore_environment(self) -> None:
        """Give `SOURCE_DATE_EPOCH` back the value it had before the build (or remove it)."""
        if self._saved_epoch is None:
            return
        (value,) = self._saved_epoch
        if value is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = value
        self._saved_epoch = None


def _source_of(page: Any, config: MkDocsConfig) -> str:
    """The file a page comes from, as a lecturer knows it: `docs/index.md`, or the URI of a generated page."""
    file = page.file
    if file.abs_src_path and not file.generated_by:
        try:
            root = Path(config.config_file_path).parent
            return Path(file.abs_src_path).resolve().relative_to(root.resolve()).as_posix()
        except (ValueError, TypeError):
            return file.abs_src_path
    return file.src_uri


def _template_error(exc: TemplateError, root: Path) -> str:
    """`file:line: template error: message` for an error in a template (the line from the error itself or from the
    template's frame in the traceback), with the file relative to the project where it is in it."""

    def shown(name: str) -> str:
        try:
            return Path(name).resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            return name

    where = ""
    if isinstance(exc, TemplateSyntaxError) and exc.lineno:
        where = f"{shown(exc.filename or exc.name or '?')}:{exc.lineno}: "
    else:
        tb: TracebackType | None = exc.__traceback__
        while tb is not None:
            name = tb.tb_frame.f_code.co_filename
            if name.endswith((".html", ".md")):
                where = f"{shown(name)}:{tb.tb_lineno}: "
            tb = tb.tb_next
    return f"{where}template error: {exc.message or type(exc).__name__} (the content pages could not be generated)"


def _report_quality(project: Project, strict: bool, min_items: int, cache: ReportCache) -> None:
    """Print the one-line summary of `werkplaats report`, or with `strict_quality` fail on its findings."""
    findings = quality_findings(project, min_items=min_items, cache=cache)
    if strict and findings:
        # Raised in on_config, like a content error: the last good site stays as it was.
        raise PluginError(f"werkplaats: strict_quality is on and the report has {len(findings)} finding"
                          f"{'s' if len(findings) != 1 else ''}:\n" + "\n".join(map(str, findings)))
    # MkDocs' own logger, so the line reads as the report's and not as "werkplaats: werkplaats report: ...".
    logging.getLogger("mkdocs").info(summary_line(findings))


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


def _set_build_date(root: Path) -> tuple[str | None] | None:
    """Make dates in the site (sitemap, gzip headers) come from the last commit, so builds repeat exactly.

    Returns:
        None when `SOURCE_DATE_EPOCH` was set already; otherwise what to restore after the build.
    """
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return None
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    try:
        stamp = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True,
                               timeout=10, check=False).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        stamp = ""
    os.environ["SOURCE_DATE_EPOCH"] = stamp if stamp.isdigit() else "0"
    return (previous,)
