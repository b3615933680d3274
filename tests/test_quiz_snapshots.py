"""Snapshots of the quiz and instrument HTML: the contract between the Python side and assets/werkplaats.js.

A change to this HTML is a change to what the script reads (answer keys in `details.wp-answer[data-key]`, input
names, data attributes). When a change is intended, write the snapshots anew and commit them with the change:

    .venv/bin/pytest tests/test_quiz_snapshots.py --update-snapshots     # or WP_UPDATE_SNAPSHOTS=1
"""

from __future__ import annotations

import pytest

from werkplaats.content import Project, load_project
from werkplaats.labels import labels_for
from werkplaats.pages.generate import Generator

from support import Snapshot, copy_site


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    loaded = load_project(copy_site(tmp_path_factory.mktemp("snapshots") / "minimal"))
    assert loaded.problems == []
    return loaded


def _pretty(html: str) -> str:
    """One tag or text per line, so that a snapshot's diff shows what changed."""
    return html.replace("><", ">\n<").rstrip("\n") + "\n"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_module_quiz(project: Project, snapshot: Snapshot, language: str) -> None:
    generator = Generator(project, labels_for(language))
    html = generator.quiz_html("mini", "modules/mini/toets.md")
    assert html.count('class="wp-question"') == 7
    snapshot(f"quiz-mini-{language}.html", _pretty(html))


def test_self_check_on_a_page(project: Project, snapshot: Snapshot) -> None:
    generator = Generator(project, labels_for("nl"))
    html = generator.questions_html("mini", ["m-01", "m-05"], "index.md")
    assert 'data-pass-mark=""' in html
    snapshot("self-check-mini.html", _pretty(html))


def test_instrument(project: Project, snapshot: Snapshot) -> None:
    generator = Generator(project, labels_for("nl"))
    instrument = project.get("instrument", "kwaliteit")
    html = generator.quiz.instrument(instrument, page="instrumenten/kwaliteit.md")
    snapshot("instrument-kwaliteit.html", _pretty(html))


def test_a_changed_question_fails_its_snapshot(project: Project, snapshot: Snapshot) -> None:
    # The comparison itself: a question with other feedback no longer matches its snapshot.
    generator = Generator(project, labels_for("nl"))
    html = generator.quiz_html("mini", "modules/mini/toets.md")
    assert "De ladder begint" in html
    with pytest.raises(pytest.fail.Exception, match=r"differs from snapshot quiz-mini-nl\.html"):
        snapshot.compare("quiz-mini-nl.html", _pretty(html.replace("De ladder begint", "De trap begint")))
