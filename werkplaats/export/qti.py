"""QTI 2.1: one IMS content package per module's question bank.

Files: `items/<question-id>.xml` (one assessmentItem per question of the bank), `assessment.xml` (an
assessmentTest with the module's quiz and its pass mark) and `imsmanifest.xml` (IMS CP 1.1, every file a resource).

Scoring follows the site: all or nothing per question (`points`), fill-in answers ignoring case (and listed
without accents and spaces as well), open questions unscored with the model answer for the scorer and as feedback.
Each item has its own response rules (they carry the feedback); where a standard template gives the same score it is
named as well (`map_response` for fill-in, `match_correct` for one-point items), for engines that know only those.
The manifest gives each item's interactionType in its QTI metadata.
Every option keeps its feedback: the outcome FEEDBACK collects the chosen options' identifiers (plus CORRECT or
INCORRECT and GENERAL), and a modalFeedback per identifier shows its text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lxml import etree

import werkplaats
from werkplaats.export.common import answer_variants, content_hash, stable_id, write_zip
from werkplaats.export.document import Expander
from werkplaats.export.media import QuestionHtml
from werkplaats.export.xhtml import append_html, plain_text
from werkplaats.quiz.render import stable_order
from werkplaats.render import md_inline

if TYPE_CHECKING:
    from pathlib import Path

    from werkplaats.content import ModuleContent
    from werkplaats.content.models import Question
    from werkplaats.export.common import ExportContext

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1p2.xsd"
IMSCP = "http://www.imsglobal.org/xsd/imscp_v1p1"
IMSCP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
IMSMD_QTI = "http://www.imsglobal.org/xsd/imsqti_metadata_v2p1"
RP_TEMPLATES = "http://www.imsglobal.org/question/qti_v2p1/rptemplates"
#: The interaction of each question type, for the manifest's QTI metadata (importers choose the type by it).
INTERACTIONS = {"single": "choiceInteraction", "multiple": "choiceInteraction", "truefalse": "choiceInteraction",
                "fill": "textEntryInteraction", "matching": "matchInteraction", "ordering": "orderInteraction",
                "open": "extendedTextInteraction"}
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _el(parent: etree._Element | None, tag: str, text: str | None = None, ns: str = QTI, **attrs: Any) -> Any:
    """A new element (attribute names with a trailing `_` lose it: `class_`)."""
    name = f"{{{ns}}}{tag}"
    element = etree.Element(name) if parent is None else etree.SubElement(parent, name)
    for key, value in attrs.items():
        element.set(key.rstrip("_"), str(value))
    if text is not None:
        element.text = text
    return element


def _root(tag: str, ns: str = QTI, **attrs: Any) -> Any:
    """A document element, with `ns` as the default namespace."""
    root = etree.Element(f"{{{ns}}}{tag}", nsmap={None: ns, "xsi": XSI})
    for key, value in attrs.items():
        root.set(key, str(value))
    return root


def _value(parent: etree._Element, tag: str, values: list[str]) -> None:
    container = _el(parent, tag)
    for value in values:
        _el(container, "value", value)


def _set(parent: etree._Element, outcome: str, expression: etree._Element) -> None:
    _el(parent, "setOutcomeValue", identifier=outcome).append(expression)


def _base(value: str, base_type: str = "identifier") -> etree._Element:
    return _el(None, "baseValue", value, baseType=base_type)


def _points(value: float) -> str:
    return f"{value:g}"


class ItemWriter:
    """Writes the assessmentItem of one question."""

    def __init__(self, ctx: ExportContext, module_id: str) -> None:
        self.ctx = ctx
        self.module_id = module_id
        #: Renders question Markdown; images go to `media/` at the package's root (items are in `items/`).
        self.html = QuestionHtml(ctx, module_id, prefix="../")
        #: The media files of the last item written.
        self.media: set[str] = set()

    def identifier(self, question: Question) -> str:
        """The item's identifier: the same on every export of this question."""
        return stable_id("ITEM", self.module_id, question.id)

    def write(self, question: Question) -> bytes:
        """The item document, UTF-8 with an XML declaration."""
        q = question
        self.media = set()
        scored = q.type != "open"
        root = _root("assessmentItem", identifier=self.identifier(q), title=self.title(q), adaptive="false",
                   timeDependent="false", toolName="werkplaats", toolVersion=werkplaats.__version__)
        root.set(XML_LANG, self.ctx.lang)
        root.set(f"{{{XSI}}}schemaLocation", f"{QTI} {QTI_XSD}")
        self._response_declaration(root, q)
        score = _el(root, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float")
        if scored and q.points > 0:
            score.set("normalMaximum", _points(q.points))
        _value(score, "defaultValue", ["0"])
        maximum = _el(root, "outcomeDeclaration", identifier="MAXSCORE", cardinality="single", baseType="float")
        _value(maximum, "defaultValue", [_points(q.points if scored else 0)])
        _el(root, "outcomeDeclaration", identifier="FEEDBACK", cardinality="multiple", baseType="identifier")
        body = _el(root, "itemBody")
        append_html(_el(body, "div", class_="question"), self._block(q.text), QTI)
        self._interaction(body, q)
        if q.type == "open":
            append_html(_el(body, "rubricBlock", view="scorer tutor"), self._block(q.model_answer), QTI)
        self._processing(root, q)
        for identifier, markdown in self._feedback(q):
            feedback = _el(root, "modalFeedback", outcomeIdentifier="FEEDBACK", identifier=identifier,
                           showHide="show")
            append_html(feedback, self._block(markdown), QTI)
        return etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8", pretty_print=True)

    def _block(self, markdown: str) -> str:
        html = self.html(markdown)
        self.media |= set(self.html.used)
        return html

    def _inline(self, markdown: str) -> str:
        html = self.html(markdown, inline=True)
        self.media |= set(self.html.used)
        return html

    def title(self, question: Question) -> str:
        """A short title: the question id and the start of its text."""
        text = plain_text(str(md_inline(question.text)))
        return f"{question.id}: {text[:77] + '...' if len(text) > 80 else text}"

    # -- parts -------------------------------------------------------------------------------------------------
    def _response_declaration(self, root: etree._Element, q: Question) -> None:
        kinds = {"single": ("single", "identifier"), "multiple": ("multiple", "identifier"),
                 "truefalse": ("single", "identifier"), "fill": ("single", "string"),
                 "matching": ("multiple", "directedPair"), "ordering": ("ordered", "identifier"),
                 "open": ("single", "string")}
        cardinality, base_type = kinds[q.type]
        declaration = _el(root, "responseDeclaration", identifier="RESPONSE", cardinality=cardinality,
                          baseType=base_type)
        if q.type in ("single", "multiple"):
            _value(declaration, "correctResponse", [f"C{i + 1}" for i, o in enumerate(q.options) if o.correct])
        elif q.type == "truefalse":
            _value(declaration, "correctResponse", ["TRUE" if q.answer else "FALSE"])
        elif q.type == "fill":
            _value(declaration, "correctResponse", [q.answers[0]])
            mapping = _el(declaration, "mapping", defaultValue="0", lowerBound="0", upperBound=_points(q.points))
            for answer in answer_variants(q.answers):
                _el(mapping, "mapEntry", mapKey=answer, mappedValue=_points(q.points), caseSensitive="false")
        elif q.type == "matching":
            _value(declaration, "correctResponse", [f"L{i + 1} R{i + 1}" for i in range(len(q.pairs))])
        elif q.type == "ordering":
            _value(declaration, "correctResponse", [f"O{i + 1}" for i in range(len(q.items))])

    def _interaction(self, body: etree._Element, q: Question) -> None:
        if q.type in ("single", "multiple"):
            interaction = _el(body, "choiceInteraction", responseIdentifier="RESPONSE",
                              shuffle="true" if q.shuffle else "false", maxChoices="1" if q.type == "single" else "0")
            for i, option in enumerate(q.options):
                append_html(_el(interaction, "simpleChoice", identifier=f"C{i + 1}"), self._inline(option.text), QTI)
        elif q.type == "truefalse":
            interaction = _el(body, "choiceInteraction", responseIdentifier="RESPONSE", shuffle="false",
                              maxChoices="1")
            _el(interaction, "simpleChoice", self.ctx.labels["true"], identifier="TRUE")
            _el(interaction, "simpleChoice", self.ctx.labels["false"], identifier="FALSE")
        elif q.type == "fill":
            longest = max(len(answer) for answer in q.answers)
            _el(_el(body, "p"), "textEntryInteraction", responseIdentifier="RESPONSE", expectedLength=max(longest, 10))
        elif q.type == "matching":
            interaction = _el(body, "matchInteraction", responseIdentifier="RESPONSE", shuffle="true",
                              maxAssociations=len(q.pairs))
            lefts = _el(interaction, "simpleMatchSet")
            for i, pair in enumerate(q.pairs):
                append_html(_el(lefts, "simpleAssociableChoice", identifier=f"L{i + 1}", matchMax="1"),
                            self._inline(pair.left), QTI)
            rights = _el(interaction, "simpleMatchSet")
            for i in stable_order([p.right for p in q.pairs], q.id):
                append_html(_el(rights, "simpleAssociableChoice", identifier=f"R{i + 1}", matchMax="1"),
                            self._inline(q.pairs[i].right), QTI)
        elif q.type == "ordering":
            interaction = _el(body, "orderInteraction", responseIdentifier="RESPONSE", shuffle="true")
            # Listed in a fixed mixed order too, for a delivery system that does not shuffle.
            for i in stable_order(q.items, q.id):
                append_html(_el(interaction, "simpleChoice", identifier=f"O{i + 1}"), self._inline(q.items[i]), QTI)
        elif q.type == "open":
            _el(body, "extendedTextInteraction", responseIdentifier="RESPONSE", expectedLines="8")

    def _processing(self, root: etree._Element, q: Question) -> None:
        processing = _el(root, "responseProcessing")
        # The standard template where it gives the same SCORE as the rules below (QTI 2.1: a delivery engine that
        # supports rules prefers them, one that knows only templates uses the template): map_response for fill-in
        # (the mapping is all or nothing), match_correct for a one-point item with a correct response.
        if q.type == "fill":
            processing.set("template", f"{RP_TEMPLATES}/map_response")
        elif q.type != "open" and q.points == 1:
            processing.set("template", f"{RP_TEMPLATES}/match_correct")
        collected: list[etree._Element] = [_el(None, "variable", identifier="FEEDBACK")]
        if q.type == "open":
            collected.append(_base("MODEL"))
        else:
            if q.type == "fill":
                _set(processing, "SCORE", _el(None, "mapResponse", identifier="RESPONSE"))
            condition = _el(processing, "responseCondition")
            when = _el(condition, "responseIf")
            otherwise = _el(condition, "responseElse")
            if q.type == "fill":
                test = _el(when, "gt")
                _el(test, "variable", identifier="SCORE")
                test.append(_base("0", "float"))
            else:
                test = _el(when, "match")
                _el(test, "variable", identifier="RESPONSE")
                _el(test, "correct", identifier="RESPONSE")
                _set(when, "SCORE", _base(_points(q.points), "float"))
                _set(otherwise, "SCORE", _base("0", "float"))
            for branch, outcome in ((when, "CORRECT"), (otherwise, "INCORRECT")):
                _set(branch, "FEEDBACK", _el(None, "multiple"))
                branch[-1][0].append(_base(outcome))
            if q.type in ("single", "multiple", "truefalse"):
                collected.append(_el(None, "variable", identifier="RESPONSE"))
        if q.feedback:
            collected.append(_base("GENERAL"))
        together = _el(None, "multiple")
        together.extend(collected)
        _set(processing, "FEEDBACK", together)

    def _feedback(self, q: Question) -> list[tuple[str, str]]:
        """(identifier, Markdown) of every modalFeedback, in a fixed order."""
        labels = self.ctx.labels
        shown: list[tuple[str, str]] = []
        if q.type in ("single", "multiple"):
            shown += [(f"C{i + 1}", f"**{o.text}**: {o.feedback}") for i, o in enumerate(q.options)]
        elif q.type == "truefalse":
            shown += [("TRUE", f"**{labels['true']}**: {q.feedback_true}"),
                      ("FALSE", f"**{labels['false']}**: {q.feedback_false}")]
        elif q.type == "fill":
            shown += [("CORRECT", q.feedback_correct),
                      ("INCORRECT", f"{q.feedback_incorrect}\n\n**{labels['accepted_answers']}:** "
                                    f"{' / '.join(q.answers)}")]
        elif q.type == "matching":
            pairs = "\n".join(f"- {p.left} → {p.right}" for p in q.pairs)
            shown.append(("INCORRECT", f"**{labels['correct_pairs']}:**\n\n{pairs}"))
        elif q.type == "ordering":
            order = "\n".join(f"{n}. {item}" for n, item in enumerate(q.items, start=1))
            shown.append(("INCORRECT", f"**{labels['correct_order']}:**\n\n{order}"))
        elif q.type == "open":
            shown.append(("MODEL", f"**{labels['model_answer']}:**\n\n{q.model_answer}"))
        if q.feedback:
            shown.append(("GENERAL", q.feedback))
        return shown


def assessment_test(ctx: ExportContext, content: ModuleContent, refs: list[tuple[str, str]]) -> bytes:
    """The assessmentTest of the module's quiz: its items in order, the total score and PASS by the pass mark."""
    module = content.module
    root = _root("assessmentTest", identifier=stable_id("TEST", module.id), title=module.title,
               toolName="werkplaats", toolVersion=werkplaats.__version__)
    root.set(f"{{{XSI}}}schemaLocation", f"{QTI} {QTI_XSD}")
    for name, base_type in (("SCORE", "float"), ("MAXSCORE", "float"), ("PASS", "boolean")):
        _el(root, "outcomeDeclaration", identifier=name, cardinality="single", baseType=base_type)
    if module.quiz.mode == "exam" and module.quiz.time_limit:  # in seconds; advisory, as on the site
        _el(root, "timeLimits", maxTime=str(60 * module.quiz.time_limit), allowLateSubmission="true")
    part = _el(root, "testPart", identifier="PART-1", navigationMode="nonlinear", submissionMode="simultaneous")
    section = _el(part, "assessmentSection", identifier="SECTION-1", title=module.title, visible="true")
    if isinstance(module.quiz.draw, int):  # a pool: N items drawn and shuffled per attempt
        _el(section, "selection", select=str(module.quiz.draw))
        _el(section, "ordering", shuffle="true")
    for identifier, href in refs:
        _el(section, "assessmentItemRef", identifier=identifier, href=href)
    processing = _el(root, "outcomeProcessing")
    for name in ("SCORE", "MAXSCORE"):
        total = _el(None, "sum")
        _el(total, "testVariables", variableIdentifier=name)
        _set(processing, name, total)
    passed = _el(None, "gte")
    _el(passed, "variable", identifier="SCORE")
    needed = _el(passed, "product")
    _el(needed, "variable", identifier="MAXSCORE")
    needed.append(_base(_points(module.quiz.pass_mark / 100), "float"))
    _set(processing, "PASS", passed)
    return etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8", pretty_print=True)


def manifest(module_id: str, items: list[tuple[str, str, str, list[str]]], test: str, quiz: list[str],
             files: dict[str, bytes]) -> bytes:
    """`imsmanifest.xml` (IMS CP 1.1): the test and every item as a resource, the test depending on its items.

    Arguments:
        module_id: the module.
        items: (resource identifier, file name, interaction type, media files) of every item.
        test: the file name of the assessmentTest.
        quiz: the file names of the items in the test.
        files: every file of the package, for the version hash.

    Returns:
        The manifest, UTF-8 with an XML declaration.
    """
    root = _root("manifest", ns=IMSCP, identifier=stable_id("MANIFEST", "qti21", module_id),
               version=content_hash(files))
    root.set(f"{{{XSI}}}schemaLocation", f"{IMSCP} {IMSCP_XSD}")
    metadata = _el(root, "metadata", ns=IMSCP)
    _el(metadata, "schema", "QTIv2.1 Package", ns=IMSCP)
    _el(metadata, "schemaversion", "1.0.0", ns=IMSCP)
    _el(root, "organizations", ns=IMSCP)
    resources = _el(root, "resources", ns=IMSCP)
    test_resource = _el(resources, "resource", ns=IMSCP, identifier=stable_id("RES", module_id, "test"),
                        type="imsqti_test_xmlv2p1", href=test)
    _el(test_resource, "file", ns=IMSCP, href=test)
    for identifier, href, _, _ in items:
        if href in quiz:
            _el(test_resource, "dependency", ns=IMSCP, identifierref=identifier)
    media = sorted({name for *_, used in items for name in used})
    media_id = stable_id("RES", module_id, "media")
    for identifier, href, interaction, used in items:
        resource = _el(resources, "resource", ns=IMSCP, identifier=identifier, type="imsqti_item_xmlv2p1", href=href)
        qti = _el(_el(resource, "metadata", ns=IMSCP), "qtiMetadata", ns=IMSMD_QTI)
        _el(qti, "timeDependent", "false", ns=IMSMD_QTI)
        _el(qti, "interactionType", interaction, ns=IMSMD_QTI)
        _el(qti, "feedbackType", "nonadaptive", ns=IMSMD_QTI)
        _el(qti, "solutionAvailable", "true", ns=IMSMD_QTI)
        _el(resource, "file", ns=IMSCP, href=href)
        if used:
            _el(resource, "dependency", ns=IMSCP, identifierref=media_id)
    if media:
        shared = _el(resources, "resource", ns=IMSCP, identifier=media_id, type="webcontent")
        for name in media:
            _el(shared, "file", ns=IMSCP, href=name)
    return etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8", pretty_print=True)


def export_module(ctx: ExportContext, content: ModuleContent, out: Path) -> list[Path]:
    """Write `<module-id>-qti21.zip` into `out`.

    Arguments:
        ctx: the export context.
        content: the module.
        out: the output folder.

    Returns:
        The path of the package.
    """
    module = content.module
    expander = Expander(ctx)  # no other pages in a question bank: links to items become their titles
    writer = ItemWriter(ctx, module.id)
    files: dict[str, bytes] = {}
    resources: list[tuple[str, str, str, list[str]]] = []
    refs: dict[str, tuple[str, str]] = {}
    for question in content.questions:
        expander.where = writer.html.where = f"{content.folder}/questions.yml: {question.id}"
        href = f"items/{question.id}.xml"
        files[href] = writer.write(expander.question(question))
        resources.append((stable_id("RES", module.id, question.id), href, INTERACTIONS[question.type],
                          sorted(writer.media)))
        refs[question.id] = (writer.identifier(question), href)
    quiz = [refs[q.id] for q in content.quiz_questions()]
    files.update(writer.html.files)
    files["assessment.xml"] = assessment_test(ctx, content, quiz)
    files["imsmanifest.xml"] = manifest(module.id, resources, "assessment.xml", [href for _, href in quiz], files)
    return [write_zip(out / f"{module.id}-qti21.zip", files)]
