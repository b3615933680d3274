"""QTI 1.2 items in the IMS Common Cartridge 1.1 question profiles (for `cc.py`).

Profiles: single → `cc.multiple_choice.v0p1` (three or more options; with two options `cc.multiple_response.v0p1`,
which is scored the same way: right only when exactly the right option is ticked), multiple →
`cc.multiple_response.v0p1`, truefalse → `cc.true_false.v0p1` (labels `true` and `false`, as Moodle's importer
wants), fill → `cc.fib.v0p1` (every accepted answer and its variants without accents and spaces), open →
`cc.essay.v0p1` (not computer-scored; the model answer as the solution).

CC 1.1 has no matching or ordering profile, and Moodle's importer skips every item outside the five profiles. So
matching and ordering become `cc.fib.v0p1` items that every importer reads and scores all-or-nothing, as the site
does: the parts are shown with letters (in the site's fixed mixed order) and the learner types the letters in order
(`CAB`); spaces, commas and dashes between the letters are accepted too.

Scoring: SCORE 0..100 per item, 100 only when wholly right; the item's weight (`cc_weighting`, 1..99) is its points.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lxml import etree

from werkplaats.export.common import answer_variants
from werkplaats.export.xhtml import plain_text
from werkplaats.quiz.render import stable_order
from werkplaats.render import md_block, md_inline

if TYPE_CHECKING:
    from werkplaats.content.models import Question
    from werkplaats.export.common import ExportContext

QTI12 = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def profile(q: Question) -> str:
    """The CC 1.1 question profile of a question."""
    if q.type == "single":
        return "cc.multiple_choice.v0p1" if len(q.options) >= 3 else "cc.multiple_response.v0p1"
    return {"multiple": "cc.multiple_response.v0p1", "truefalse": "cc.true_false.v0p1", "fill": "cc.fib.v0p1",
            "matching": "cc.fib.v0p1", "ordering": "cc.fib.v0p1", "open": "cc.essay.v0p1"}[q.type]


def letter_answers(letters: list[str]) -> list[str]:
    """The accepted ways to type a row of letters: `CAB`, `C A B`, `C,A,B`, `C, A, B`, `C-A-B`."""
    return ["".join(letters), " ".join(letters), ",".join(letters), ", ".join(letters), "-".join(letters)]


def letters_for(q: Question) -> tuple[list[tuple[str, str]], list[str]]:
    """For matching and ordering: (letter, Markdown) of the parts as shown, and the letters of the right answer."""
    if q.type == "matching":
        order = stable_order([p.right for p in q.pairs], q.id)
        letter_of = {i: LETTERS[n] for n, i in enumerate(order)}
        return [(letter_of[i], q.pairs[i].right) for i in order], [letter_of[i] for i in range(len(q.pairs))]
    assert q.type == "ordering"
    order = stable_order(q.items, q.id)
    letter_of = {i: LETTERS[n] for n, i in enumerate(order)}
    return [(letter_of[i], q.items[i]) for i in order], [letter_of[i] for i in range(len(q.items))]


class ItemWriter:
    """Writes `<item>` elements; `html` turns Markdown into the HTML of a `mattext` (media made local)."""

    def __init__(self, ctx: ExportContext, html: Any = None) -> None:
        self.ctx = ctx
        self.html = html or (lambda markdown, inline=False: str(md_inline(markdown) if inline else md_block(markdown)))

    # -- small builders ------------------------------------------------------------------------------------------
    @staticmethod
    def el(parent: Any, tag: str, text: str | None = None, **attrs: str) -> Any:
        element = etree.SubElement(parent, f"{{{QTI12}}}{tag}") if parent is not None else \
            etree.Element(f"{{{QTI12}}}{tag}")
        for key, value in attrs.items():
            element.set(key, str(value))
        if text is not None:
            element.text = text
        return element

    def mattext(self, parent: Any, html: str) -> Any:
        text = self.el(self.el(parent, "material"), "mattext", texttype="text/html")
        text.text = etree.CDATA(html) if "]]>" not in html else html
        return text

    def metadata(self, parent: Any, fields: list[tuple[str, str]]) -> None:
        meta = self.el(parent, "qtimetadata")
        for label, entry in fields:
            field = self.el(meta, "qtimetadatafield")
            self.el(field, "fieldlabel", label)
            self.el(field, "fieldentry", entry)

    def feedback(self, item: Any, ident: str, html: str) -> None:
        fb = self.el(item, "itemfeedback", ident=ident)
        self.mattext(self.el(fb, "flow_mat"), html)

    def condition(self, parent: Any, title: str, score: str | None, feedback: str | None,
                  cont: str = "No") -> Any:
        cond = self.el(parent, "respcondition", title=title, **{"continue": cont})
        var = self.el(cond, "conditionvar")
        if score is not None:
            self.el(cond, "setvar", score, varname="SCORE", action="Set")
        if feedback is not None:
            self.el(cond, "displayfeedback", feedbacktype="Response", linkrefid=feedback)
        return var

    # -- the item ----------------------------------------------------------------------------------------------
    def item(self, q: Question, ident: str) -> Any:
        """The `<item>` of one question (link macros already expanded)."""
        labels = self.ctx.labels
        kind = profile(q)
        title = plain_text(str(md_inline(q.text)))
        item = self.el(None, "item", ident=ident, title=f"{q.id} {title[:60] + '...' if len(title) > 63 else title}")
        fields = [("cc_profile", kind)]
        if q.type != "open" and q.points > 0:
            fields.append(("cc_weighting", str(min(q.points, 99))))
        fields.append(("qmd_computerscored", "No" if q.type == "open" else "Yes"))
        self.metadata(self.el(item, "itemmetadata"), fields)
        presentation = self.el(item, "presentation")
        stem = self.html(q.text)
        feedbacks: list[tuple[str, str]] = []
        if q.type in ("matching", "ordering"):
            shown, _ = letters_for(q)
            help_text = labels["cc_match_help"] if q.type == "matching" else labels["cc_order_help"]
            if q.type == "matching":
                lefts = "".join(f"<li>{self.html(p.left, inline=True)}</li>" for p in q.pairs)
                stem += f"<ol>{lefts}</ol>"
            rows = "".join(f"<li><strong>{letter}</strong>: {self.html(text, inline=True)}</li>"
                           for letter, text in shown)
            stem += f"<ul>{rows}</ul><p>{help_text}</p>"
        self.mattext(presentation, stem)
        processing = self.el(item, "resprocessing")
        outcomes = self.el(processing, "outcomes")
        self.el(outcomes, "decvar", varname="SCORE", vartype="Decimal", minvalue="0", maxvalue="100")
        if q.feedback:
            self.el(self.condition(processing, "general", None, "general_fb", cont="Yes"), "other")
            feedbacks.append(("general_fb", self.html(q.feedback)))
        if q.type in ("single", "multiple"):
            lid = self.el(presentation, "response_lid", ident="response1",
                          rcardinality="Single" if kind == "cc.multiple_choice.v0p1" else "Multiple")
            choice = self.el(lid, "render_choice", shuffle="Yes" if q.shuffle else "No")
            for n, option in enumerate(q.options):
                label = self.el(choice, "response_label", ident=f"C{n + 1}")
                self.mattext(label, self.html(option.text, inline=True))
            if kind == "cc.multiple_choice.v0p1":
                for n in range(len(q.options)):
                    var = self.condition(processing, "correct" if option.correct else "wrong",
                                         "100" if option.correct else "0", f"C{n + 1}_fb")
                    self.el(var, "varequal", f"C{n + 1}", respident="response1", case="Yes")
            else:
                # The score first (and go on), then the feedback of a ticked option. Moodle's importer reads every
                # `continue="Yes"` feedback as general feedback and the right options from the condition that sets
                # 100, so the option conditions stop (`continue="No"`) and carry no score.
                both = self.el(self.condition(processing, "correct", "100", None, cont="Yes"), "and")
                for n, option in enumerate(q.options):
                    parent = both if option.correct else self.el(both, "not")
                    self.el(parent, "varequal", f"C{n + 1}", respident="response1", case="Yes")
                for n in range(len(q.options)):
                    var = self.condition(processing, f"option {n + 1}", None, f"C{n + 1}_fb")
                    self.el(var, "varequal", f"C{n + 1}", respident="response1", case="Yes")
            feedbacks += [(f"C{n + 1}_fb", self.html(o.feedback, inline=True)) for n, o in enumerate(q.options)]
        elif q.type == "truefalse":
            lid = self.el(presentation, "response_lid", ident="response1", rcardinality="Single")
            choice = self.el(lid, "render_choice", shuffle="No")
            for value, text in (("true", labels["true"]), ("false", labels["false"])):
                self.mattext(self.el(choice, "response_label", ident=value), text)
            for value in ("true", "false"):
                right = (value == "true") == q.answer
                var = self.condition(processing, "correct" if right else "wrong", "100" if right else "0",
                                     f"{value}_fb")
                self.el(var, "varequal", value, respident="response1", case="Yes")
            feedbacks += [("true_fb", self.html(q.feedback_true, inline=True)),
                          ("false_fb", self.html(q.feedback_false, inline=True))]
        elif q.type in ("fill", "matching", "ordering"):
            longest = 10
            if q.type == "fill":
                answers = answer_variants(q.answers)
                right_fb, wrong_fb = self.html(q.feedback_correct, inline=True), \
                    self.html(q.feedback_incorrect, inline=True)
            else:
                _, key = letters_for(q)
                answers = letter_answers(key)
                solution = ("".join(key))
                right_fb = labels["correct"]
                wrong_fb = f"{labels['accepted_answers']}: {solution}"
            longest = max(longest, *(len(a) for a in answers))
            response = self.el(presentation, "response_str", ident="response1", rcardinality="Single")
            self.el(response, "render_fib", columns=str(min(longest + 5, 60)), prompt="Box", fibtype="String")
            var = self.condition(processing, "correct", "100", "correct_fb")
            for answer in answers:
                self.el(var, "varequal", answer, respident="response1", case="No")
            self.el(self.condition(processing, "wrong", "0", "incorrect_fb"), "other")
            feedbacks += [("correct_fb", right_fb), ("incorrect_fb", wrong_fb)]
        else:  # open
            response = self.el(presentation, "response_str", ident="response1", rcardinality="Single")
            self.el(response, "render_fib", rows="10", columns="60", prompt="Box", fibtype="String")
            cond = self.el(processing, "respcondition", title="model answer", **{"continue": "No"})
            self.el(self.el(cond, "conditionvar"), "other")
            self.el(cond, "displayfeedback", feedbacktype="Solution", linkrefid="solution")
        for feedback_id, html in feedbacks:
            self.feedback(item, feedback_id, html)
        if q.type == "open":
            fb = self.el(item, "itemfeedback", ident="solution")
            solution = self.el(fb, "solution")
            self.mattext(self.el(self.el(solution, "solutionmaterial"), "flow_mat"),
                         f"<p><strong>{labels['model_answer']}:</strong></p>{self.html(q.model_answer)}")
        return item

