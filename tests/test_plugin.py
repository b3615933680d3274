"""The MkDocs plugin's own behaviour: which errors it turns into messages, the environment it leaves, placeholders
that cannot be filled, the search internals it relies on, and the one cache of `mkdocs serve`."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from werkplaats.incremental import ServeCache, Tracker
from werkplaats.pages.generate import Generator

from support import ENV, build, tree_digest

RAW_HTML = """# Start

<div class="kader" markdown="0">

{{ questions('mini', ['m-01']) }}

</div>
"""


def _config(root: Path, **options: object) -> object:
    return load_config(str(root / "mkdocs.yml"), **options)


def test_questions_inside_raw_html_is_an_error(site_root: Path) -> None:
    build(site_root)
    before = tree_digest(site_root / "site")
    (site_root / "docs" / "index.md").write_text(RAW_HTML, encoding="utf-8")
    result = build(site_root, check=False)
    assert result.returncode != 0
    assert "docs/index.md: a questions() or quiz() call could not be placed in the page" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(site_root / "site") == before  # the last good site stays


def test_questions_inside_raw_html_fails_a_build_that_is_not_strict(site_root: Path) -> None:
    (site_root / "docs" / "index.md").write_text(RAW_HTML, encoding="utf-8")
    result = build(site_root, check=False, strict=False)
    assert result.returncode != 0 and "docs/index.md: a questions() or quiz() call" in result.stderr
    assert not (site_root / "site").exists()  # nothing was published


@pytest.mark.parametrize("preset", [None, "1600000000"])
def test_source_date_epoch_is_restored_after_the_build(site_root: Path, monkeypatch: pytest.MonkeyPatch,
                                                       preset: str | None) -> None:
    monkeypatch.chdir(site_root)
    if preset is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", preset)
    seen: list[str | None] = []
    original = Generator.generate

    def generate(self: Generator) -> object:
        seen.append(os.environ.get("SOURCE_DATE_EPOCH"))
        return original(self)

    monkeypatch.setattr(Generator, "generate", generate)
    config = _config(site_root)
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build(config)
    assert seen and seen[0] is not None and seen[0].isdigit()  # the build itself had a date
    assert os.environ.get("SOURCE_DATE_EPOCH") == preset
    assert (site_root / "site" / "index.html").is_file()


def test_source_date_epoch_is_restored_after_a_failed_build(site_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(site_root)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    (site_root / "docs" / "index.md").write_text("# Start\n\n{{ quiz('bestaat-niet') }}\n", encoding="utf-8")
    config = _config(site_root)
    config.plugins.on_startup(command="build", dirty=False)
    with pytest.raises(Exception, match="Aborted"):
        mkdocs_build(config)
    assert "SOURCE_DATE_EPOCH" not in os.environ


def test_a_broken_override_template_is_named_with_its_line(copy_site: object) -> None:
    root = copy_site("overrides")
    template = root / "templates" / "pages" / "case.md"
    lines = template.read_text(encoding="utf-8").split("\n")
    lines.insert(4, "{% endfor %}")
    template.write_text("\n".join(lines), encoding="utf-8")
    result = build(root, check=False)
    assert result.returncode != 0
    assert "templates/pages/case.md:5: template error: Encountered unknown tag 'endfor'" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_undefined_name_in_an_override_template_is_named(copy_site: object) -> None:
    root = copy_site("overrides")
    template = root / "templates" / "pages" / "case.md"
    template.write_text(template.read_text(encoding="utf-8") + "\n{{ item.bestaat_niet }}\n", encoding="utf-8")
    result = build(root, check=False)
    assert result.returncode != 0
    line = len(template.read_text(encoding="utf-8").split("\n")) - 1
    assert f"templates/pages/case.md:{line}: template error: " in result.stderr and "bestaat_niet" in result.stderr
    assert "Traceback" not in result.stderr


def test_other_errors_are_not_disguised_as_template_errors(site_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A bug in the package must show itself, not read as a problem in the lecturer's templates.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", ENV["SOURCE_DATE_EPOCH"])

    def broken(self: Generator) -> object:
        raise RuntimeError("a bug in the generator")

    monkeypatch.setattr(Generator, "generate", broken)
    config = _config(site_root)
    plugin = config.plugins["werkplaats"]
    plugin.on_startup(command="build", dirty=False)
    with pytest.raises(RuntimeError, match="a bug in the generator"):
        plugin.on_config(config)


def test_missing_search_internals_are_reported_once(site_root: Path, tmp_path: Path,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    config = _config(site_root, site_dir=str(tmp_path / "site"))
    search = config.plugins["material/search"]
    search.on_config(config)
    tracker = Tracker()
    tracker.site = "a build before"
    with caplog.at_level(logging.WARNING):
        tracker.plan(config, Files([]), {}, None)
    assert tracker.full  # the first build is always whole
    assert not [r for r in caplog.records if "search" in r.getMessage()]
    tracker.site = None
    del search.search_index_prev  # as if Material renamed its internals
    with caplog.at_level(logging.WARNING):
        tracker.plan(config, Files([]), {}, None)
        tracker.commit()
        tracker.plan(config, Files([]), {}, None)
    warnings = [r.getMessage() for r in caplog.records if "search_index_prev" in r.getMessage()]
    assert len(warnings) == 1 and "redoes the whole site" in warnings[0]
    assert tracker.full  # with nothing to keep the index right, every rebuild is whole


def test_serve_keeps_one_cache_between_rebuilds(site_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", ENV["SOURCE_DATE_EPOCH"])
    config = _config(site_root)
    plugin = config.plugins["werkplaats"]
    plugin.on_startup(command="serve", dirty=True)
    assert isinstance(plugin.cache, ServeCache) and plugin.tracker is plugin.cache.tracker
    plugin.on_config(config)
    first = plugin.generator
    assert first.cache is not None and first.cache.rendered and first.cache.pages
    assert first.project.read_cache is plugin.cache.files
    plugin.on_config(_config(site_root))  # the next rebuild: the same cache, the same compiled templates
    assert plugin.generator is not first and plugin.generator.cache is first.cache
    assert plugin.generator.env is first.env
    english = _config(site_root)
    english.theme["language"] = "en"
    plugin.on_config(english)  # other labels: rendered questions cannot be reused
    assert plugin.generator.cache is not first.cache and plugin.generator.env is first.env
    # A plain build keeps nothing.
    other = _config(site_root)
    plain = other.plugins["werkplaats"]
    plain.on_startup(command="build", dirty=False)
    plain.on_config(other)
    assert plain.cache is None and plain.generator.cache is None
    plain.on_build_error(error=RuntimeError("stop"))  # throw the staging folder away
