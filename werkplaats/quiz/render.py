"""Render questions and instruments to accessible HTML (fieldsets, native inputs, answers behind `details`).

The HTML is the contract with `assets/werkplaats.js`: the script reads the answer key from each
`details.wp-answer[data-key]` and grades in the browser. The built HTML is deterministic: any shuffling is done by
the script, and the order in which matching answers and ordering items are shown comes from a hash, not from chance.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from jinja2 import Environment
from markupsafe import Markup

from werkplaats.content.macros import may_call
from werkplaats.content.models import QUESTION_TAGS, Instrument, Question
from werkplaats.render import is_single_paragraph, md_block, md_inline, to_json

_KEY = "\x00quiz-key\x00"
_NUMBER = "\x00question-number\x00"


def stable_order(values: Sequence[str], salt: str) -> list[int]:
    """Indexes of `values` in an order that looks shuffled but is the same on every build (and every export).

    The site shows matching answers and ordering items in this order; the exports use it too, so that a printed
    question and a package list them as the site does.
    """
    keyed = [(hashlib.sha1(f"{salt}\0{value}".encode()).hexdigest(), index) for index, value in enumerate(values)]
    order = [index for _, index in sorted(keyed)]
    if order == list(range(len(values))) and len(values) > 1:
        order = order[1:] + order[:1]  # never show the solution as the given order
    return order


_stable_order = stable_order  # the old private name, for code not yet moved to the public one


def version_of(questions: Sequence[Question]) -> str:
    """A short hash of the questions, so that stored answers of a changed quiz are not restored."""
    # What a question tests (`objectives`, `competences`) is metadata for the report: tagging a question must not
    # make the learner's stored answers look stale.
    payload = json.dumps([q.model_dump(mode="json", exclude=set(QUESTION_TAGS)) for q in questions], sort_keys=True,
                         ensure_ascii=False)
    return hashlib.sha1(payload.encode()).hexdigest()[:10]


class Links(Protocol):
    """What the renderer needs to turn link macros in question texts into links (`pages.links.Linker` is one).

    The quiz package does not import `pages`: the pages import the quiz renderer and hand it their linker.
    """

    @property
    def digest(self) -> int:
        """Changes whenever a link text could change (the titles of all items)."""

    def expand(self, text: str, from_src: str) -> str:
        """`text` with its link macros replaced by links from the page `from_src`."""


@dataclass
class QuizRenderer:
    """Renders quizzes and instruments for the pages of one site."""

    env: Environment
    labels: dict[str, str]
    linker: Links
    #: Rendered questions by content (and page, where the text links to pages). A question appears on the quiz page
    #: and in self-checks: it is rendered once, and the quiz key and number are filled in per use. `mkdocs serve`
    #: passes the same dict to every rebuild, so that only edited questions are rendered again.
    rendered: dict[tuple[Any, ...], str] = field(default_factory=dict)

    def _text(self, text: str, page: str) -> Any:
        return md_block(self.linker.expand(text, page))

    def _inline(self, text: str, page: str) -> Any:
        return md_inline(self.linker.expand(text, page))

    def question_view(self, question: Question, number: int, page: str) -> dict[str, Any]:
        """The template data of one question."""
        data = question.model_dump()
        view: dict[str, Any] = {
            "id": question.id, "type": question.type, "points": question.points if question.type != "open" else 0,
            "shuffle": bool(getattr(question, "shuffle", False)),
            "number_label": self.labels["question_n"].format(n=number),
            "inline": is_single_paragraph(question.text),
            "feedback_html": self._text(question.feedback, page) if question.feedback else "",
        }
        view["text_html"] = self._inline(question.text, page) if view["inline"] else self._text(question.text, page)
        key: dict[str, Any] = {}
        if question.type in ("single", "multiple"):
            view["options"] = [
                {"html": self._inline(o.text, page), "correct": o.correct,
                 "feedback_html": self._inline(o.feedback, page)}
                for o in question.options
            ]
            key["correct"] = [i for i, o in enumerate(question.options) if o.correct]
        elif question.type == "truefalse":
            view.update(answer=question.answer, feedback_true_html=self._inline(question.feedback_true, page),
                        feedback_false_html=self._inline(question.feedback_false, page))
            key["answer"] = question.answer
        elif question.type == "fill":
            view.update(answers=question.answers, feedback_correct_html=self._inline(question.feedback_correct, page),
                        feedback_incorrect_html=self._inline(question.feedback_incorrect, page))
            key["answers"] = question.answers
        elif question.type == "matching":
            view["pairs"] = [{"left_html": self._inline(p.left, page), "right_html": self._inline(p.right, page)}
                             for p in question.pairs]
            order = stable_order([p.right for p in question.pairs], question.id)
            view["rights"] = [{"index": i, "text": question.pairs[i].right} for i in order]
            key["pairs"] = list(range(len(question.pairs)))
        elif question.type == "ordering":
            order = stable_order(question.items, question.id)
            view["display_items"] = [{"index": i, "html": self._inline(question.items[i], page)} for i in order]
            view["items_html"] = [self._inline(item, page) for item in question.items]
            key["order"] = list(range(len(question.items)))
        elif question.type == "open":
            view["model_answer_html"] = self._text(question.model_answer, page)
        view["key_json"] = to_json(key)
        del data
        return view

    def quiz(self, questions: Sequence[Question], *, key: str, page: str, module: str = "", title: str = "",
             pass_mark: int | None = None, exam: dict[str, Any] | None = None, intro: str | None = None) -> str:
        """HTML of a form with the given questions.

        Arguments:
            questions: the questions, in order.
            key: a page-unique id for the form; also the localStorage key of its answers.
            page: the source URI of the page it sits on (for links inside question texts).
            module: the module id, for the progress page.
            title: a name for the progress page.
            pass_mark: the percentage needed to pass, or None for an unscored self-check.
            exam: the settings of exam mode and question pools (`data-wp-exam`, read by assets/exam.js), or None.
            intro: the text above the questions, instead of the one made from the pass mark.

        Returns:
            HTML without blank lines, safe to place in Markdown.
        """
        # Keyed by content, not identity: exports make short-lived copies whose id() may be reused.
        dumps = [q.model_dump_json() for q in questions]
        links = self.linker.digest if any(may_call(dumped) for dumped in dumps) else None
        exam_json = to_json(exam) if exam is not None else ""
        quiz_key = ("quiz", key, page, module, title, pass_mark, links, exam_json, intro, *dumps)
        if quiz_key in self.rendered:
            return self.rendered[quiz_key]
        numbered = enumerate(zip(questions, dumps, strict=True), 1)
        rendered = [Markup(self._question_html(q, dumped, page).replace(_KEY, key).replace(
            _NUMBER, self.labels["question_n"].format(n=n))) for n, (q, dumped) in numbered]
        if intro is None:
            intro = self.labels["quiz_intro"].format(mark=pass_mark) if pass_mark is not None else ""
        html = self.env.get_template("quiz/quiz.html").render(
            quiz={"key": key, "version": version_of(questions), "pass_mark": pass_mark, "module": module,
                  "title": title, "questions_html": rendered, "intro": intro, "exam_json": exam_json},
            labels=self.labels,
        )
        self.rendered[quiz_key] = _compact(html)
        return self.rendered[quiz_key]

    def _question_html(self, question: Question, dumped: str, page: str) -> str:
        # A text with link macros also depends on the page it is on and on the titles of what it links to.
        cache_key = (dumped, (page, self.linker.digest) if may_call(dumped) else None)
        if cache_key not in self.rendered:
            view = self.question_view(question, 0, page)
            view["number_label"] = _NUMBER
            self.rendered[cache_key] = self.env.get_template("quiz/question.html").render(
                quiz={"key": _KEY}, q=view, labels=self.labels)
        return self.rendered[cache_key]

    def instrument(self, instrument: Instrument, *, page: str) -> str:
        """HTML of an instrument's form: a fieldset per dimension, a radio group per item."""
        dimensions = [
            {"id": d.id, "title": d.title,
             "description_html": self._inline(d.description, page) if d.description else "",
             "items": [{"id": i.id, "text_html": self._inline(i.text, page), "reverse": i.reverse,
                        "reference": i.reference, "explanation_html": self._inline(i.explanation, page)
                        if i.explanation else ""} for i in d.items]}
            for d in instrument.dimensions
        ]
        scale = list(range(instrument.scale.min, instrument.scale.max + 1))
        spec = {
            "min": instrument.scale.min, "max": instrument.scale.max,
            "dimensions": [{"id": d.id, "title": d.title,
                            "items": [{"id": i.id, "reverse": i.reverse} for i in d.items]}
                           for d in instrument.dimensions],
            "reference": {i.id: i.reference for d in instrument.dimensions for i in d.items if i.reference is not None},
        }
        payload = json.dumps(spec, sort_keys=True)
        html = self.env.get_template("quiz/instrument.html").render(
            instrument={"key": f"wp-instrument-{instrument.id}", "id": instrument.id, "title": instrument.title,
                        "version": hashlib.sha1(payload.encode()).hexdigest()[:10], "spec_json": to_json(spec),
                        "dimensions": dimensions,
                        "scale": [{"value": v, "label": label}
                                  for v, label in zip(scale, instrument.scale.labels, strict=False)],
                        "has_reference": bool(spec["reference"])},
            labels=self.labels,
        )
        return _compact(html)


def _compact(html: str) -> str:
    """Drop blank lines and indentation, so that Markdown keeps the HTML as one raw block."""
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())
