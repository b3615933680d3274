"""Exam mode of a module test: the settings `assets/exam.js` reads (`data-wp-exam`) and the text above the test.

Shared by the site's pages and the SCORM package; the links to the lessons are made by the caller (a package has no
lesson pages).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

    from werkplaats.content.models import Module, Question


def exam_args(module: Module, questions: Sequence[Question], labels: dict[str, str],
              units: dict[str, list[str]] | None = None) -> tuple[dict[str, Any] | None, str | None]:
    """The `exam` and `intro` arguments of `QuizRenderer.quiz` for a module's test.

    Arguments:
        module: the module.
        questions: the questions of its test, in order.
        labels: the UI strings of the site.
        units: per question id, `[href, title]` of the lesson that teaches it (exam mode only), or None.

    Returns:
        (None, None) for a plain practice test; else the settings, and the intro text in exam mode (None in practice
        mode, which keeps the usual text).
    """
    settings = module.quiz
    if settings.mode != "exam" and settings.draw is None:
        return None, None
    exam: dict[str, Any] = {"mode": settings.mode}
    if isinstance(settings.draw, int):
        exam["draw"] = settings.draw
    elif settings.draw is not None:
        exam["per"] = settings.draw.per_objective
        exam["groups"] = {str(n): [q.id for q in questions if n in getattr(q, "objectives", [])]
                          for n in range(1, len(module.objectives) + 1)}
    if settings.attempts:
        exam["attempts"] = settings.attempts
    if settings.time_limit:
        exam["time"] = settings.time_limit
        exam["extra"] = settings.extra_time
    if settings.mode != "exam":
        return exam, None
    if units:
        exam["units"] = units
    parts = [labels["exam_intro"].format(mark=settings.pass_mark)]
    if isinstance(settings.draw, int):
        parts.append(labels["exam_draw"].format(n=settings.draw))
    if settings.attempts:
        parts.append(labels["exam_attempts"].format(n=settings.attempts))
    if settings.time_limit:
        parts.append(labels["exam_time"].format(n=settings.time_limit))
    return exam, " ".join(parts)
