"""Moodle XML: one file per module, its question bank in a category named after the module.

Types: single and multiple → `multichoice` (`single` true or false), truefalse → `truefalse`, fill →
`shortanswer` (every accepted answer and its variants without accents and spaces, and a `*` answer that carries the
feedback for a wrong answer), matching → `matching`, ordering → Moodle's own `ordering` (core since Moodle 4.4;
a plugin before), all or nothing, open → `essay` with the model answer as information for the grader. Every option
keeps its feedback.

Scoring as on the site by default: no penalty per retry; ordering all or nothing; multiple response: the right
options share 100% (fractions from Moodle's list that add up to 100% for any number of right options, see
`shares`), every wrong option -100%, so that any wrong tick gives 0. Moodle cannot grade a multiple-response or
matching question all-or-nothing with its core types: a learner who ticks only some of the right options, or matches
only some pairs, gets part of the points (the guide says so). `--partial` adds a penalty of 1/3 per retry, partial
credit per position for ordering and a share of -1/(wrong options) per wrong tick.

Re-import: the category has `idnumber` = the module id and every question `idnumber` = `<module>-<question>`, both
the same on every export (see the guide for updating a question bank without duplicates). Images in question texts
are inside the file (base64 `<file>` elements, `@@PLUGINFILE@@/media/...`).
"""

from __future__ import annotations

import base64
import posixpath
from itertools import combinations_with_replacement
from typing import TYPE_CHECKING, Any

from lxml import etree

from werkplaats.export.common import answer_variants, write_bytes
from werkplaats.export.document import Expander
from werkplaats.export.media import QuestionHtml
from werkplaats.export.xhtml import plain_text
from werkplaats.render import md_block, md_inline

if TYPE_CHECKING:
    from pathlib import Path

    from werkplaats.content import ModuleContent
    from werkplaats.content.models import (
        ChoiceQuestion,
        FillQuestion,
        MatchingQuestion,
        OpenQuestion,
        OrderingQuestion,
        Question,
        TrueFalseQuestion,
    )
    from werkplaats.export.common import ExportContext

#: The fractions Moodle accepts for an answer (question_bank::fraction_options_full); an import with any
#: other value fails, so partial credit is rounded to the nearest of these.
FRACTIONS = (1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2, 0.1666667,
             0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0)


def shares(count: int) -> list[float]:
    """Fractions from Moodle's list for `count` right options that add up to 1 (within 1e-6 of 1/n rounding).

    1/n when Moodle has it (n = 1..10), otherwise the most even mix of two fractions (11 → nine 0.1 and two 0.05).
    """
    if count < 1:
        return []
    exact = [f for f in FRACTIONS if f > 0 and abs(f * count - 1) < 1e-5]
    if exact:
        return [exact[0]] * count
    best: tuple[float, list[float]] | None = None
    positive = [f for f in FRACTIONS if f > 0]
    for high, low in combinations_with_replacement(positive, 2):
        for n_high in range(count + 1):
            total = high * n_high + low * (count - n_high)
            if abs(total - 1) < 1e-5:
                spread = high - low if 0 < n_high < count else 0.0
                if best is None or spread < best[0]:
                    best = (spread, sorted([high] * n_high + [low] * (count - n_high), reverse=True))
    if best is None:  # pragma: no cover - every count up to 20 has a mix
        raise ValueError(f"no mix of Moodle's fractions adds up to 1 for {count} options")
    return best[1]


def fraction(value: float) -> str:
    """A Moodle answer fraction (a percentage) for a share of the mark from -1 to 1."""
    nearest = min(FRACTIONS, key=lambda option: abs(abs(value) - option))
    percent = round(nearest * 100, 5) * (-1 if value < 0 else 1)
    return f"{percent:.5f}".rstrip("0").rstrip(".") if percent else "0"


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> Any:
    element = etree.SubElement(parent, tag)
    for key, value in attrs.items():
        element.set(key, value)
    if text is not None:
        element.text = text
    return element


def _text(parent: etree._Element, tag: str, html: str) -> Any:
    """`<tag format="html"><text>...</text></tag>`, HTML in CDATA as Moodle writes it."""
    element = _el(parent, tag, format="html")
    text = _el(element, "text")
    text.text = etree.CDATA(html) if html and "]]>" not in html else html
    return element


class MoodleWriter:
    """Writes the questions of one module as Moodle XML."""

    def __init__(self, ctx: ExportContext, content: ModuleContent) -> None:
        self.ctx = ctx
        self.content = content
        self.expander = Expander(ctx)  # no other pages in a question bank: links become titles
        self.html = QuestionHtml(ctx, content.module.id, prefix="@@PLUGINFILE@@/")
        self.partial = ctx.options.partial

    def _rich(self, parent: etree._Element, tag: str, markdown: str, inline: bool = False) -> Any:
        """`_text` of rendered Markdown, with the images it uses inside as base64 `<file>` elements."""
        element = _text(parent, tag, self.html(markdown, inline=inline) if markdown else "")
        for name, data in sorted(self.html.used.items()):
            folder, filename = posixpath.split(name)
            _el(element, "file", base64.b64encode(data).decode("ascii"), name=filename, path=f"/{folder}/",
                encoding="base64")
        return element

    def write(self) -> bytes:
        """The whole file, UTF-8 with an XML declaration."""
        module = self.content.module
        quiz = etree.Element("quiz")
        category = _el(quiz, "question", type="category")
        # A slash in a name would start a subcategory; Moodle reads a doubled slash as a slash.
        _el(_el(category, "category"), "text", f"$course$/top/{module.title.replace('/', '//')}")
        _text(category, "info", str(md_block(module.summary)) if module.summary else "")
        _el(category, "idnumber", module.id)
        for question in self.content.questions:
            self.expander.where = self.html.where = f"{self.content.folder}/questions.yml: {question.id}"
            quiz.append(etree.Comment(f" {module.id}/{question.id} "))
            self.question(quiz, self.expander.question(question))
        return etree.tostring(quiz.getroottree(), xml_declaration=True, encoding="UTF-8", pretty_print=True)

    def question(self, quiz: etree._Element, q: Question) -> None:
        """Append one question."""
        kinds = {"single": "multichoice", "multiple": "multichoice", "truefalse": "truefalse", "fill": "shortanswer",
                 "matching": "matching", "ordering": "ordering", "open": "essay"}
        element = _el(quiz, "question", type=kinds[q.type])
        text = plain_text(md_inline(q.text))
        _el(_el(element, "name"), "text", f"{q.id} {text[:60] + '...' if len(text) > 63 else text}")
        self._rich(element, "questiontext", q.text)
        self._rich(element, "generalfeedback", q.feedback)
        _el(element, "defaultgrade", f"{q.points if q.type != 'open' else 0:.7f}")
        _el(element, "penalty", "0.3333333" if self.partial and q.type != "open" else "0")
        _el(element, "hidden", "0")
        _el(element, "idnumber", f"{self.content.module.id}-{q.id}")
        getattr(self, f"_{q.type}")(element, q)

    # -- one method per type -----------------------------------------------------------------------------------
    def _combined_feedback(self, element: etree._Element, numbered: bool = True) -> None:
        labels = self.ctx.labels
        _text(element, "correctfeedback", f"<p>{labels['correct']}</p>")
        _text(element, "partiallycorrectfeedback", f"<p>{labels['partially_correct']}</p>")
        _text(element, "incorrectfeedback", f"<p>{labels['incorrect']}</p>")
        if numbered:
            _el(element, "shownumcorrect")

    def _answer(self, element: etree._Element, value: str, text: str, feedback: str, fmt: str = "html") -> Any:
        """An answer: `text` is Markdown when `fmt` is html (then rendered inline), plain text otherwise."""
        answer = _el(element, "answer", fraction=value, format=fmt)
        if fmt == "html":
            html = self.html(text, inline=True)
            used = dict(self.html.used)
            _el(answer, "text").text = etree.CDATA(html) if "]]>" not in html else html
            for name, data in sorted(used.items()):
                folder, filename = posixpath.split(name)
                _el(answer, "file", base64.b64encode(data).decode("ascii"), name=filename, path=f"/{folder}/",
                    encoding="base64")
        else:
            _el(answer, "text").text = text
        self._rich(answer, "feedback", feedback, inline=True)
        return answer

    def _choices(self, element: etree._Element, q: ChoiceQuestion) -> None:
        _el(element, "single", "true" if q.type == "single" else "false")
        _el(element, "shuffleanswers", "true" if q.shuffle else "false")
        _el(element, "answernumbering", "abc")
        _el(element, "showstandardinstruction", "0")
        self._combined_feedback(element)
        right = iter(shares(sum(option.correct for option in q.options)))
        wrong = len(q.options) - sum(option.correct for option in q.options)
        for option in q.options:
            if q.type == "single":
                value = "100" if option.correct else "0"
            elif option.correct:  # the right options share 100%
                value = fraction(next(right))
            else:  # a wrong tick: 0 in all (as on the site), or a share off with --partial
                value = fraction(-1 / wrong) if self.partial else "-100"
            self._answer(element, value, option.text, option.feedback)

    _single = _choices
    _multiple = _choices

    def _truefalse(self, element: etree._Element, q: TrueFalseQuestion) -> None:
        self._answer(element, "100" if q.answer else "0", "true", q.feedback_true, fmt="moodle_auto_format")
        self._answer(element, "0" if q.answer else "100", "false", q.feedback_false, fmt="moodle_auto_format")

    def _fill(self, element: etree._Element, q: FillQuestion) -> None:
        _el(element, "usecase", "0")
        for answer in answer_variants(q.answers):
            self._answer(element, "100", answer, q.feedback_correct, fmt="moodle_auto_format")
        # `*` matches any answer: it carries the feedback for a wrong one.
        self._answer(element, "0", "*", q.feedback_incorrect, fmt="moodle_auto_format")

    def _matching(self, element: etree._Element, q: MatchingQuestion) -> None:
        _el(element, "shuffleanswers", "true")
        self._combined_feedback(element)
        for pair in q.pairs:
            sub = self._rich(element, "subquestion", pair.left, inline=True)
            _el(_el(sub, "answer"), "text", plain_text(md_inline(pair.right)))

    def _ordering(self, element: etree._Element, q: OrderingQuestion) -> None:
        # qtype_ordering's own XML (question/type/ordering/tests/fixtures): the answers in the right order, each
        # answer's fraction its position; all or nothing unless --partial (then by absolute position).
        _el(element, "layouttype", "VERTICAL")
        _el(element, "selecttype", "ALL")
        _el(element, "selectcount", "0")
        _el(element, "gradingtype", "ABSOLUTE_POSITION" if self.partial else "ALL_OR_NOTHING")
        _el(element, "showgrading", "SHOW")
        _el(element, "numberingstyle", "none")
        self._combined_feedback(element)
        for position, item in enumerate(q.items, start=1):
            answer = _el(element, "answer", fraction=f"{position:.7f}", format="html")
            html = self.html(item, inline=True)
            _el(answer, "text").text = etree.CDATA(html) if "]]>" not in html else html
            _text(answer, "feedback", "")

    def _open(self, element: etree._Element, q: OpenQuestion) -> None:
        _el(element, "responseformat", "editor")
        _el(element, "responserequired", "1")
        _el(element, "responsefieldlines", "10")
        _el(element, "attachments", "0")
        _el(element, "attachmentsrequired", "0")
        self._rich(element, "graderinfo", q.model_answer)
        _text(element, "responsetemplate", "")


def export_module(ctx: ExportContext, content: ModuleContent, out: Path) -> list[Path]:
    """Write `<module-id>-moodle.xml` into `out`.

    Arguments:
        ctx: the export context.
        content: the module.
        out: the output folder.

    Returns:
        The path of the file.
    """
    return [write_bytes(out / f"{content.module.id}-moodle.xml", MoodleWriter(ctx, content).write())]
