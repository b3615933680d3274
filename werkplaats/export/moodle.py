"""Moodle XML: one file per module, its question bank in a category named after the module.

Types: single and multiple → `multichoice` (`single` true or false), truefalse → `truefalse`, fill →
`shortanswer` (every accepted answer and its variants without accents and spaces, and a `*` answer that carries the
feedback for a wrong answer), matching → `matching`, ordering → `gapselect` (a list of numbered gaps that each
take one item; it is in every Moodle since 2.1, unlike the `ordering` type), open → `essay` with the model answer
as information for the grader. Every option keeps its feedback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lxml import etree

from werkplaats.export.common import answer_variants, write_bytes
from werkplaats.export.document import Expander
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
            self.expander.where = f"{self.content.folder}/questions.yml: {question.id}"
            quiz.append(etree.Comment(f" {module.id}/{question.id} "))
            self.question(quiz, self.expander.question(question))
        return etree.tostring(quiz.getroottree(), xml_declaration=True, encoding="UTF-8", pretty_print=True)

    def question(self, quiz: etree._Element, q: Question) -> None:
        """Append one question."""
        kinds = {"single": "multichoice", "multiple": "multichoice", "truefalse": "truefalse", "fill": "shortanswer",
                 "matching": "matching", "ordering": "gapselect", "open": "essay"}
        element = _el(quiz, "question", type=kinds[q.type])
        text = plain_text(md_inline(q.text))
        _el(_el(element, "name"), "text", f"{q.id} {text[:60] + '...' if len(text) > 63 else text}")
        question_html = str(md_block(q.text))
        if q.type == "ordering":
            gaps = "".join(f"<li>[[{n}]]</li>" for n in range(1, len(q.items) + 1))
            question_html += f'<p>{self.ctx.labels["order_help"]}</p><ol class="wp-ordering">{gaps}</ol>'
        _text(element, "questiontext", question_html)
        _text(element, "generalfeedback", str(md_block(q.feedback)) if q.feedback else "")
        _el(element, "defaultgrade", f"{q.points if q.type != 'open' else 0:.7f}")
        _el(element, "penalty", "0.3333333" if q.type != "open" else "0")
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

    def _answer(self, element: etree._Element, value: str, text: str, feedback: str, fmt: str = "html") -> None:
        answer = _el(element, "answer", fraction=value, format=fmt)
        _el(answer, "text").text = etree.CDATA(text) if fmt == "html" and "]]>" not in text else text
        _text(answer, "feedback", feedback)

    def _choices(self, element: etree._Element, q: ChoiceQuestion) -> None:
        _el(element, "single", "true" if q.type == "single" else "false")
        _el(element, "shuffleanswers", "true" if q.shuffle else "false")
        _el(element, "answernumbering", "abc")
        _el(element, "showstandardinstruction", "0")
        self._combined_feedback(element)
        right = sum(option.correct for option in q.options)
        wrong = len(q.options) - right
        for option in q.options:
            if q.type == "single":
                value = "100" if option.correct else "0"
            else:  # every right option a share; every wrong one takes a share away, so ticking all gives 0
                value = fraction(1 / right) if option.correct else fraction(-1 / wrong)
            self._answer(element, value, str(md_inline(option.text)), str(md_inline(option.feedback)))

    _single = _choices
    _multiple = _choices

    def _truefalse(self, element: etree._Element, q: TrueFalseQuestion) -> None:
        self._answer(element, "100" if q.answer else "0", "true", str(md_inline(q.feedback_true)),
                     fmt="moodle_auto_format")
        self._answer(element, "0" if q.answer else "100", "false", str(md_inline(q.feedback_false)),
                     fmt="moodle_auto_format")

    def _fill(self, element: etree._Element, q: FillQuestion) -> None:
        _el(element, "usecase", "0")
        for answer in answer_variants(q.answers):
            self._answer(element, "100", answer, str(md_inline(q.feedback_correct)), fmt="moodle_auto_format")
        # `*` matches any answer: it carries the feedback for a wrong one.
        self._answer(element, "0", "*", str(md_inline(q.feedback_incorrect)), fmt="moodle_auto_format")

    def _matching(self, element: etree._Element, q: MatchingQuestion) -> None:
        _el(element, "shuffleanswers", "true")
        self._combined_feedback(element)
        for pair in q.pairs:
            sub = _text(element, "subquestion", str(md_inline(pair.left)))
            _el(_el(sub, "answer"), "text", plain_text(md_inline(pair.right)))

    def _ordering(self, element: etree._Element, q: OrderingQuestion) -> None:
        _el(element, "shuffleanswers", "1")
        self._combined_feedback(element)
        for item in q.items:  # choice n is the right answer of gap [[n]]
            option = _el(element, "selectoption")
            _el(option, "text", plain_text(md_inline(item)))
            _el(option, "group", "1")

    def _open(self, element: etree._Element, q: OpenQuestion) -> None:
        _el(element, "responseformat", "editor")
        _el(element, "responserequired", "1")
        _el(element, "responsefieldlines", "10")
        _el(element, "attachments", "0")
        _el(element, "attachmentsrequired", "0")
        _text(element, "graderinfo", str(md_block(q.model_answer)))
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
