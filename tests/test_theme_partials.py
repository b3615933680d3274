"""The package's overrides of Material's partials (werkplaats/theme/partials), rendered with Jinja."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest

from werkplaats.plugin import WerkplaatsPlugin

THEME = Path(__file__).resolve().parent.parent / "werkplaats" / "theme"


@pytest.mark.parametrize(("language", "name"), [("nl", "Pagina laden"), ("en", "Loading page"),
                                                ("en-GB", "Loading page"), (None, "Pagina laden")])
def test_progress_bar_has_a_name_in_the_site_language(language: str | None, name: str) -> None:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(THEME)), autoescape=True)
    config = SimpleNamespace(theme={"language": language})
    WerkplaatsPlugin().on_env(env, config=config, files=None)  # as in a build: the labels of the site's language
    html = env.get_template("partials/progress.html").render(config=config)
    assert 'role="progressbar"' in html
    assert f'aria-label="{name}"' in html
