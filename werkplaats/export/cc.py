"""IMS Common Cartridge 1.1: one `.imscc` per module, for Canvas, Brightspace and Moodle.

Contents:
- `web/`: the module as web content, one self-contained page per part: `index.html` (start: facts, objectives,
  contents), `<unit-id>.html` per unit (self-checks work as on the site: werkplaats.js and .css are in
  `web/assets/`), `case-<id>.html` per case and `begrippen.html` (the terms the texts use); images in `web/media/`.
  Every page is a `webcontent` resource; the files they share are one more `webcontent` resource they depend on.
- `assessment/assessment.xml`: the module test (the quiz's questions in order) as a QTI 1.2 assessment
  (`cc.exam.v0p1`), and `bank/objectbank.xml`: the whole question bank as a question bank. The question profiles
  are in `qti12.py`; images in questions are in `media/`, referred to as `$IMS-CC-FILEBASE$/media/...`.
- `imsmanifest.xml`: CC 1.1 (CP 1.2 profile), LOM metadata in the site's language, one organization: the module
  with its pages and the test, in order.

CC 1.1 has no pass mark: the lecturer sets it in the LMS (the guide says how). Identifiers are stable across exports.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from lxml import etree

from werkplaats.export.common import stable_id, write_zip
from werkplaats.export.document import Builder, Expander
from werkplaats.export.media import QuestionHtml
from werkplaats.export.qti12 import QTI12, ItemWriter
from werkplaats.export.scorm import assets as page_assets

if TYPE_CHECKING:
    from pathlib import Path

    from werkplaats.content import ModuleContent
    from werkplaats.content.models import Question
    from werkplaats.export.common import ExportContext

CC = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
LOMM = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
CC_XSD = "http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd"
LOMM_XSD = "http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lommanifest_v1p0.xsd"
QTI12_XSD = "http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_qtiasiv1p2p1_v1p0.xsd"
ASSESSMENT = "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"
BANK = "imsqti_xmlv1p2/imscc_xmlv1p1/question-bank"


def _site_quiz(ctx: ExportContext) -> Any:
    def render(questions: list[Question], *, kind: str, key: str, module: str, title: str,
               pass_mark: int | None) -> str:
        return ctx.quiz.quiz(questions, key=key, page=f"modules/{module}/toets.md", module=module, title=title,
                             pass_mark=pass_mark)

    return render


def _relink(html: str, here: set[str], pages: dict[str, str]) -> str:
    """Links within the one-page document (`#top`, `#unit-x`, `#case-x`, `#glossary`, `#term-x`) made to work across
    the pages: `pages` is the page of each of those anchors that is one."""

    def fix(match: re.Match[str]) -> str:
        anchor = match.group(1)
        if anchor in here:
            return match.group(0)
        if anchor in pages:
            return f'href="{pages[anchor]}"'
        if anchor.startswith("term-"):
            return f'href="{pages["glossary"]}#{anchor}"'
        return match.group(0)

    return re.sub(r'href="#([^"]+)"', fix, html)


def web_pages(ctx: ExportContext, content: ModuleContent) -> tuple[dict[str, bytes], list[tuple[str, str]],
                                                                    list[str], Any]:
    """The web content: files by archive name, (href, title) of the pages in order, the shared files, the doc."""
    module = content.module
    assets, stylesheets, scripts = page_assets(ctx)
    assets.pop("assets/scorm.js", None)
    scripts = [src for src in scripts if not src.endswith("scorm.js")]
    doc = Builder(ctx, content, _site_quiz(ctx)).build(quiz_key=f"wp-quiz-{module.id}")
    labels = ctx.labels
    pages: list[tuple[str, str, str, dict[str, Any]]] = [("index.html", labels["start"], "index", {})]
    pages += [(f"{unit.id}.html", f"{labels['unit']} {unit.extra['number']}: {unit.title}", "unit", {"unit": unit})
              for unit in doc.units]
    pages += [(f"{case.anchor}.html", f"{labels['case']}: {case.title}", "case", {"case": case})
              for case in doc.cases]
    if doc.terms:
        pages.append(("begrippen.html", labels["glossary"], "glossary", {}))
    # The pages' templates link as in the one-page document; these anchors are pages of their own here.
    anchors = {"top": "index.html", "glossary": "begrippen.html"}
    anchors.update({unit.anchor: f"{unit.id}.html" for unit in doc.units})
    anchors.update({case.anchor: f"{case.anchor}.html" for case in doc.cases})
    files: dict[str, bytes] = {}
    for href, title, kind, extra in pages:
        html = ctx.render("cc/page.html", doc=doc, module=module, lang=ctx.lang, title=title, kind=kind,
                          stylesheets=stylesheets, scripts=scripts, **extra)
        ids = set(re.findall(r'\sid="([^"]+)"', html))
        files[f"web/{href}"] = _relink(html, ids, anchors).encode("utf-8")
    shared = {f"web/{name}": data for name, data in {**assets, **doc.media}.items()}
    files.update(shared)
    return files, [(f"web/{href}", title) for href, title, _, _ in pages], sorted(shared), doc


def _qti_document(root_tag: str, ident: str, title: str | None, lang: str) -> tuple[Any, Any]:
    root = etree.Element(f"{{{QTI12}}}questestinterop", nsmap={None: QTI12, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{QTI12} {QTI12_XSD}")
    body = etree.SubElement(root, f"{{{QTI12}}}{root_tag}", ident=ident)
    if title is not None:
        body.set("title", title)
        body.set("{http://www.w3.org/XML/1998/namespace}lang", lang)
    return root, body


def _exam_metadata(module: Any) -> list[tuple[str, str]]:
    """The test's attempts (CC takes 1 to 5 or unlimited) and advisory time limit, from exam mode (issue #15)."""
    quiz = module.quiz
    exam = quiz.mode == "exam"
    attempts = str(quiz.attempts) if exam and quiz.attempts and quiz.attempts <= 5 else "unlimited"
    time = [("qmd_timelimit", str(quiz.time_limit)), ("cc_allow_late_submission", "Yes")] \
        if exam and quiz.time_limit else []
    return [*time, ("cc_maxattempts", attempts)]


def qti_files(ctx: ExportContext, content: ModuleContent) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """`assessment/assessment.xml` and `bank/objectbank.xml`, and the media their questions use."""
    module = content.module
    expander = Expander(ctx)
    html = QuestionHtml(ctx, module.id, prefix="$IMS-CC-FILEBASE$/")
    writer = ItemWriter(ctx, html)

    def item(question: Question, scope: str) -> Any:
        expander.where = html.where = f"{content.folder}/questions.yml: {question.id}"
        return writer.item(expander.question(question), stable_id("ITEM", module.id, scope, question.id))

    test, assessment = _qti_document("assessment", stable_id("TEST", "cc", module.id), module.title, ctx.lang)
    writer.metadata(assessment, [("cc_profile", "cc.exam.v0p1"), ("qmd_assessmenttype", "Examination"),
                                 ("qmd_scoretype", "Percentage"), ("qmd_feedbackpermitted", "Yes"),
                                 ("qmd_solutionspermitted", "Yes"), *_exam_metadata(module)])
    section = writer.el(assessment, "section", ident=stable_id("SECTION", "cc", module.id))
    for question in content.quiz_questions():
        section.append(item(question, "test"))
    bank, objectbank = _qti_document("objectbank", stable_id("BANK", "cc", module.id), None, ctx.lang)
    for question in content.questions:
        objectbank.append(item(question, "bank"))
    files = {name: etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
             for name, root in (("assessment/assessment.xml", test), ("bank/objectbank.xml", bank))}
    return files, dict(html.files)


def manifest(ctx: ExportContext, content: ModuleContent, pages: list[tuple[str, str]], shared: list[str],
             media: list[str]) -> bytes:
    """`imsmanifest.xml` of the cartridge."""
    module = content.module
    root = etree.Element(f"{{{CC}}}manifest", nsmap={None: CC, "lomimscc": LOMM, "xsi": XSI})
    root.set("identifier", stable_id("MANIFEST", "cc11", module.id))
    root.set(f"{{{XSI}}}schemaLocation", f"{CC} {CC_XSD} {LOMM} {LOMM_XSD}")

    def sub(parent: Any, tag: str, text: str | None = None, ns: str = CC, **attrs: str) -> Any:
        element = etree.SubElement(parent, f"{{{ns}}}{tag}")
        for key, value in attrs.items():
            element.set(key, value)
        if text is not None:
            element.text = text
        return element

    metadata = sub(root, "metadata")
    sub(metadata, "schema", "IMS Common Cartridge")
    sub(metadata, "schemaversion", "1.1.0")
    general = sub(sub(metadata, "lom", ns=LOMM), "general", ns=LOMM)
    sub(sub(general, "title", ns=LOMM), "string", module.title, ns=LOMM, language=ctx.lang)
    sub(general, "language", ctx.lang, ns=LOMM)
    if module.summary:
        sub(sub(general, "description", ns=LOMM), "string", module.summary, ns=LOMM, language=ctx.lang)
    for theme in module.themes:
        sub(sub(general, "keyword", ns=LOMM), "string", theme, ns=LOMM, language=ctx.lang)

    organization = sub(sub(root, "organizations"), "organization", identifier=stable_id("ORG", "cc11", module.id),
                       structure="rooted-hierarchy")
    top = sub(sub(organization, "item", identifier=stable_id("ROOT", "cc11", module.id)), "item",
              identifier=stable_id("MODULE", "cc11", module.id))
    sub(top, "title", module.title)
    resources = sub(root, "resources")
    shared_id = stable_id("RES", "cc11", module.id, "shared")
    for href, title in pages:
        resource_id = stable_id("RES", "cc11", module.id, href)
        entry = sub(top, "item", identifier=stable_id("ITEM", "cc11", module.id, href), identifierref=resource_id)
        sub(entry, "title", title)
        resource = sub(resources, "resource", identifier=resource_id, type="webcontent", href=href)
        sub(resource, "file", href=href)
        sub(resource, "dependency", identifierref=shared_id)
    test_id = stable_id("RES", "cc11", module.id, "test")
    entry = sub(top, "item", identifier=stable_id("ITEM", "cc11", module.id, "test"), identifierref=test_id)
    sub(entry, "title", f"{ctx.labels['quiz']}: {module.title}")
    shared_resource = sub(resources, "resource", identifier=shared_id, type="webcontent")
    for name in shared:
        sub(shared_resource, "file", href=name)
    test = sub(resources, "resource", identifier=test_id, type=ASSESSMENT)
    sub(test, "file", href="assessment/assessment.xml")
    media_id = stable_id("RES", "cc11", module.id, "media")
    if media:
        sub(test, "dependency", identifierref=media_id)
    bank = sub(resources, "resource", identifier=stable_id("RES", "cc11", module.id, "bank"), type=BANK)
    sub(bank, "file", href="bank/objectbank.xml")
    if media:
        sub(bank, "dependency", identifierref=media_id)
        media_resource = sub(resources, "resource", identifier=media_id, type="webcontent")
        for name in media:
            sub(media_resource, "file", href=name)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def export_module(ctx: ExportContext, content: ModuleContent, out: Path) -> list[Path]:
    """Write `<module-id>.imscc` into `out`.

    Arguments:
        ctx: the export context.
        content: the module.
        out: the output folder.

    Returns:
        The path of the cartridge.
    """
    files, pages, shared, _ = web_pages(ctx, content)
    qti, media = qti_files(ctx, content)
    files.update(qti)
    files.update(media)
    files["imsmanifest.xml"] = manifest(ctx, content, pages, shared, sorted(media))
    return [write_zip(out / f"{content.module.id}.imscc", files)]
