"""What every export shares: the export context, stable identifiers, deterministic files and zips, and progress.

Re-exports must be byte-identical, so nothing here depends on the clock, the file system's order or chance:
identifiers come from hashes, zip entries are sorted and carry a fixed timestamp.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined, select_autoescape

from werkplaats.labels import labels_for
from werkplaats.pages.links import Linker
from werkplaats.quiz.render import QuizRenderer
from werkplaats.render import make_environment, md_block, md_inline, to_json

if TYPE_CHECKING:
    from collections.abc import Mapping

    from werkplaats.content import Project

#: The timestamp of every zip entry (the earliest a zip can hold), so that zips do not change with the clock.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
STATIC = Path(__file__).parent / "static"

#: UI strings of the exports that the site does not have, on top of `werkplaats.labels`.
EXPORT_LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "contents": "Inhoud", "workbook": "Werkboek", "answer_key": "Antwoorden", "name": "Naam",
        "date": "Datum", "glossary": "Begrippen", "write_here": "Schrijf je antwoord hier",
        "tick_one": "Kruis één antwoord aan.", "tick_any": "Kruis alle goede antwoorden aan.",
        "write_letter": "Schrijf bij elk onderdeel de letter van het passende antwoord.",
        "write_position": "Zet in elk vakje het nummer van de plaats in de volgorde.",
        "partially_correct": "Gedeeltelijk goed", "general_feedback": "Uitleg", "page": "pagina",
        "intro": "Inleiding", "not_scored": "Telt niet mee voor de score.",
        "pass_needed": "Je hebt {mark}% van de punten nodig om te slagen.",
        "cc_match_help": "Schrijf de letters van de passende antwoorden in de volgorde van de genummerde onderdelen, "
                         "bijvoorbeeld CAB.",
        "cc_order_help": "Schrijf de letters in de goede volgorde, bijvoorbeeld CAB.",
        "start": "Start", "answer_key_of": "Antwoorden bij", "check_n": "Oefenvraag {n}",
        "checks": "Oefenvragen in de lessen",
    },
    "en": {
        "contents": "Contents", "workbook": "Workbook", "answer_key": "Answer key", "name": "Name",
        "date": "Date", "glossary": "Glossary", "write_here": "Write your answer here",
        "tick_one": "Tick one answer.", "tick_any": "Tick every right answer.",
        "write_letter": "Write the letter of the matching answer next to each item.",
        "write_position": "Write the position of each item in its box.",
        "partially_correct": "Partially correct", "general_feedback": "Explanation", "page": "page",
        "intro": "Introduction", "not_scored": "Does not count towards the score.",
        "pass_needed": "You need {mark}% of the points to pass.",
        "cc_match_help": "Write the letters of the matching answers in the order of the numbered parts, for example "
                         "CAB.",
        "cc_order_help": "Write the letters in the right order, for example CAB.",
        "start": "Start", "answer_key_of": "Answer key of", "check_n": "Practice question {n}",
        "checks": "Practice questions in the units",
    },
}


class ExportError(Exception):
    """An export cannot be made; the message says why and what to do."""


def stable_id(prefix: str, *parts: str, length: int = 16) -> str:
    """An identifier that is the same on every export of the same thing.

    Arguments:
        prefix: letters that say what it identifies; also makes the id a valid XML name.
        parts: what identifies the thing, e.g. the module id and the question id.
        length: number of hex digits of the hash.

    Returns:
        For example `ITEM-3f2a9c0d1b7e4a56`.
    """
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:length]}"


def content_hash(files: Mapping[str, bytes], length: int = 12) -> str:
    """A short hash of a set of files (names and contents), for version attributes."""
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode("utf-8") + b"\0" + hashlib.sha256(files[name]).digest())
    return digest.hexdigest()[:length]


def write_bytes(path: Path, data: bytes) -> Path:
    """Write a file atomically, so that an interrupted export never leaves half a file behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path


def zip_bytes(files: Mapping[str, bytes]) -> bytes:
    """A zip of `files` (archive name to content) that depends on nothing but the names and contents."""
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so the permissions below mean the same everywhere
            info.external_attr = 0o100644 << 16
            archive.writestr(info, files[name], compresslevel=9)
    return buffer.getvalue()


def write_zip(path: Path, files: Mapping[str, bytes]) -> Path:
    """Write a deterministic zip of `files` (see `zip_bytes`) to `path`."""
    return write_bytes(path, zip_bytes(files))


@dataclass
class SiteConfig:
    """What the exports take from mkdocs.yml: names, language, colours, Markdown extensions, overrides."""

    site_name: str = "werkplaats"
    language: str = "nl"
    palette: dict[str, str] = field(default_factory=lambda: {"scheme": "default", "primary": "indigo",
                                                             "accent": "indigo"})
    extensions: list[Any] = field(default_factory=lambda: ["admonition", "attr_list", "def_list", "md_in_html",
                                                           "tables", "toc"])
    extension_configs: dict[str, dict[str, Any]] = field(default_factory=dict)
    templates: Path | None = None
    extra_css: list[Path] = field(default_factory=list)
    docs_dir: Path | None = None
    #: Where the site is published (`site_url`): links to site pages become absolute links there; none: plain text.
    site_url: str = ""


def _palette(theme: Any) -> dict[str, str]:
    palette = theme.get("palette") or {}
    if isinstance(palette, list):
        palette = palette[0] if palette else {}
    # Material writes colour names with a dash in the attribute ("deep purple" becomes "deep-purple").
    pick = {key: str(palette.get(key, default)).lower().replace(" ", "-")
            for key, default in (("scheme", "default"), ("primary", "indigo"), ("accent", "indigo"))}
    return pick


def read_site_config(root: Path) -> SiteConfig:
    """Read the parts of `root/mkdocs.yml` the exports need, with MkDocs' own loader; defaults without mkdocs.yml.

    MkDocs' loader (`mkdocs.config.load_config`) reads the file as a build does (`!ENV`, `INHERIT`, plugin options,
    paths made absolute), validates it, and changes nothing on disk.

    Arguments:
        root: the project folder.

    Returns:
        The site configuration.

    Raises:
        ExportError: mkdocs.yml cannot be read or is not valid.
    """
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        return SiteConfig(docs_dir=root / "docs")
    import logging

    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    mkdocs_log = logging.getLogger("mkdocs")
    level, mkdocs_log.level = mkdocs_log.level, logging.ERROR  # its warnings are the build's business
    try:
        config = load_config(config_file=str(config_file))
    except (ConfigurationError, Abort, OSError) as exc:
        raise ExportError(f"{config_file}: cannot read it: {exc}") from exc
    except Exception as exc:  # a YAML error or a `!!python/name` that does not import
        raise ExportError(f"{config_file}: cannot read it: {exc}") from exc
    finally:
        mkdocs_log.level = level
    theme = config.theme
    docs_dir = Path(config.docs_dir)
    extensions = [name for name in config.markdown_extensions if isinstance(name, str)]
    configs = {name: dict(options or {}) for name, options in (config.mdx_configs or {}).items()}
    templates = None
    plugin = config.plugins.get("werkplaats") if config.plugins else None
    if plugin is not None and getattr(plugin.config, "templates", None):
        templates = root / plugin.config.templates
    extra_css = [docs_dir / str(css) for css in config.extra_css or []
                 if "://" not in str(css) and (docs_dir / str(css)).is_file()]
    return SiteConfig(site_name=str(config.site_name or "werkplaats"),
                      language=str(theme.get("language") or theme.locale or "nl"), palette=_palette(theme),
                      extensions=extensions or SiteConfig().extensions, extension_configs=configs,
                      templates=templates, extra_css=extra_css, docs_dir=docs_dir,
                      site_url=str(config.site_url or ""))


@dataclass(frozen=True)
class ExportOptions:
    """What the lecturer chooses at export time.

    Attributes:
        attempts: `best` (a later failed attempt never overwrites a pass, the best score stands) or `last` (the last
            attempt counts), for the packages that report to the LMS (SCORM).
        answers: print: `separate` (the answer key in its own file) or `appended` (at the end of the workbook).
        partial: see below.
    """

    attempts: str = "best"
    answers: str = "separate"
    #: Moodle: partial credit for matching, ordering and multiple response, and a penalty per retry (off: the site's
    #: all-or-nothing scoring).
    partial: bool = False


@dataclass
class ExportContext:
    """Everything an exporter needs: the validated project, the site's settings, labels and renderers."""

    root: Path
    project: Project
    site: SiteConfig
    labels: dict[str, str]
    quiz: QuizRenderer
    env: Environment
    options: ExportOptions = field(default_factory=lambda: ExportOptions())

    @classmethod
    def create(cls, root: Path, project: Project, options: ExportOptions | None = None) -> ExportContext:
        """The context for a project that has no problems."""
        site = read_site_config(root)
        labels = dict(labels_for(site.language))
        labels.update(EXPORT_LABELS["en" if site.language.lower().startswith("en") else "nl"])
        # Questions rendered outside the site: no page generator, no shared cache, links to the item pages.
        quiz = QuizRenderer(make_environment(site.templates), dict(labels_for(site.language)),
                            Linker(project, use_directory_urls=False))
        return cls(root=root, project=project, site=site, labels=labels, quiz=quiz,
                   env=export_environment(site.templates), options=options or ExportOptions())

    def render(self, template: str, **context: Any) -> str:
        """Render one of the export templates with the labels and site settings."""
        return self.env.get_template(template).render(labels=self.labels, site=self.site, **context)

    @property
    def lang(self) -> str:
        """The two-letter language code of the content."""
        return "en" if self.site.language.lower().startswith("en") else "nl"


def export_environment(override_dir: Path | None = None) -> Environment:
    """The Jinja environment of the export templates; `override_dir/export/` may override any of them."""
    loaders: list[Any] = []
    if override_dir is not None and (override_dir / "export").is_dir():
        loaders.append(FileSystemLoader(str(override_dir / "export")))
    loaders.append(PackageLoader("werkplaats.export", "templates"))
    env = Environment(loader=ChoiceLoader(loaders), undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      autoescape=select_autoescape(enabled_extensions=("html", "xml"), default_for_string=False),
                      keep_trailing_newline=True)
    env.filters["md"] = md_block
    env.filters["md_inline"] = md_inline
    env.filters["json"] = to_json
    env.filters["sentence"] = sentence
    return env


def sentence(html: Any) -> Any:
    """HTML that ends a sentence: a full stop added unless it already ends with one (or with ? ! : …)."""
    from markupsafe import Markup, escape

    text = html if isinstance(html, Markup) else escape(html)
    stripped = str(text).rstrip()
    bare = stripped
    while bare.endswith(">") and "<" in bare:  # look past closing tags: `<em>klaar.</em>`
        bare = bare[: bare.rindex("<")].rstrip()
    return Markup(stripped if bare.endswith((".", "?", "!", ":", "…")) else stripped + ".")


def static_file(name: str) -> bytes:
    """A file shipped in `werkplaats/export/static/`."""
    return (STATIC / name).read_bytes()


def material_stylesheets() -> dict[str, bytes]:
    """Material's compiled main and palette stylesheets, by file name.

    Raises:
        ExportError: the installed mkdocs-material has no compiled stylesheets.
    """
    folder = resources.files("material") / "templates" / "assets" / "stylesheets"
    found: dict[str, bytes] = {}
    for kind in ("main", "palette"):
        names = sorted(entry.name for entry in folder.iterdir()
                       if entry.name.startswith(f"{kind}.") and entry.name.endswith(".min.css"))
        if not names:
            raise ExportError(f"mkdocs-material has no {kind}.*.min.css in {folder}; reinstall mkdocs-material")
        found[names[-1]] = (folder / names[-1]).read_bytes()
    return found


class Progress:
    """A progress bar on stderr: redrawn in place on a terminal, one line per module otherwise.

    Arguments:
        label: what is being done, e.g. `export scorm`.
        total: how many steps there are.
        stream: where to write; stderr by default.
    """

    def __init__(self, label: str, total: int, stream: IO[str] | None = None) -> None:
        self.label = label
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.done = 0
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())

    def step(self, name: str) -> None:
        """Report that the work on `name` starts."""
        self.done += 1
        if self.tty:
            width = 24
            filled = width * (self.done - 1) // max(self.total, 1)
            bar = "#" * filled + "-" * (width - filled)
            self.stream.write(f"\r\x1b[Kwerkplaats {self.label} [{bar}] {self.done}/{self.total} {name}")
        else:
            self.stream.write(f"werkplaats {self.label}: {self.done}/{self.total} {name}\n")
        self.stream.flush()

    def close(self) -> None:
        """Finish the bar (on a terminal: draw it full and end the line)."""
        if self.tty and self.total:
            self.stream.write(f"\r\x1b[Kwerkplaats {self.label} [{'#' * 24}] {self.total}/{self.total} done\n")
            self.stream.flush()


def answer_variants(answers: list[str]) -> list[str]:
    """Accepted answers as an LMS that only ignores case must list them to ignore accents and spaces too.

    The site compares a fill-in answer ignoring case, accents and spaces; QTI and Moodle ignore case at most. So
    each answer is also given without accents and without spaces.

    Arguments:
        answers: the accepted answers of a `fill` question.

    Returns:
        The answers and their variants, in order, without two that differ only in case.
    """
    import unicodedata

    def plain(text: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))

    seen: set[str] = set()
    variants: list[str] = []
    for answer in answers:
        collapsed = " ".join(answer.split())
        for variant in (collapsed, plain(collapsed), collapsed.replace(" ", ""), plain(collapsed).replace(" ", "")):
            if variant and variant.casefold() not in seen:
                seen.add(variant.casefold())
                variants.append(variant)
    return variants
