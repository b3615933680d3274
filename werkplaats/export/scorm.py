"""SCORM 1.2: one package per module, with one SCO that is the whole module on one page.

Files: `index.html` (the page), `assets/` (Material's compiled CSS, werkplaats.css/js, scorm.js), `media/` (images
the texts use), the SCORM 1.2 schemas at the root as the specification asks, and `imsmanifest.xml`, which lists
every one of them.

The bridge `assets/scorm.js` (loaded before werkplaats.js) finds the LMS's API (parent windows, then the opener);
without one the page is a plain page. With one, the LMS is the only store of the learner's work:

- `window.__wpStorage`: an in-memory Storage (getItem, setItem, removeItem, key, length, clear) that werkplaats.js
  uses instead of localStorage; `window.localStorage` points to it as well, so nothing of one learner stays in the
  browser for the next (a shared computer). Restored from `cmi.suspend_data` at LMSInitialize, written back on every
  change (LMSCommit shortly after, and at once when the quiz is graded or the page goes).
- `cmi.suspend_data` is `"1:" + JSON` of {storage key: JSON value}, in which an object whose keys share a prefix of
  4+ characters carries it once under `"^"`. At most 4096 characters: long texts (essays) are cut with " […]" and a
  notice under the answer; if that is not enough, whole entries go (self-checks and visits before the module quiz).
- `cmi.core.lesson_location`: the id of the `article section` the learner is reading; a relaunch scrolls back to it.
- `cmi.core.lesson_status`: "incomplete" on a first launch only (a stored "failed" stays failed);
  `cmi.core.exit` is "suspend" until the quiz is passed, then "".
- On `wp:graded` from the module quiz (the form with a pass mark): score.raw in percent (min 0, max 100) and
  passed/failed by the pass mark. By default the best result stands: a pass is never replaced by a fail, the score
  never goes down; `<html data-wp-attempts="last">` (`--attempts last`) makes the last attempt count.
- One `cmi.interactions.n` per question of the graded quiz (id = question id; choice, true-false, fill-in, matching,
  sequencing, performance for open questions; student_response, correct_responses.0.pattern, result, weighting,
  time), read from the form's inputs and the `data-result` werkplaats.js sets on each question.
- Links that leave the page open in a new tab, so the SCO is never navigated away.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from werkplaats.export.common import content_hash, material_stylesheets, stable_id, static_file, write_zip
from werkplaats.export.dialogues import dialogue_sections
from werkplaats.export.document import Builder
from werkplaats.minify import shipped
from werkplaats.quiz.exam import exam_args

if TYPE_CHECKING:
    from werkplaats.content import ModuleContent
    from werkplaats.content.models import Question
    from werkplaats.export.common import ExportContext

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMAS = Path(__file__).parent / "schemas" / "scorm12"
SCHEMA_FILES = ("imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "ims_xml.xsd")


def _site_quiz(ctx: ExportContext):
    """Question HTML as on the site (a form that werkplaats.js grades)."""

    def render(questions: list[Question], *, kind: str, key: str, module: str, title: str,
               pass_mark: int | None) -> str:
        exam, intro = (exam_args(ctx.project.modules[module].module, questions, ctx.labels) if kind == "quiz"
                       else (None, None))
        return ctx.quiz.quiz(questions, key=key, page=f"modules/{module}/toets.md", module=module,
                             title=title, pass_mark=pass_mark, exam=exam, intro=intro)

    return render


def assets(ctx: ExportContext) -> tuple[dict[str, bytes], list[str], list[str]]:
    """The asset files of the package, and the stylesheets and scripts the page loads, in order."""
    files: dict[str, bytes] = {}
    stylesheets: list[str] = []
    for name, data in material_stylesheets().items():
        files[f"assets/stylesheets/{name}"] = data
        stylesheets.append(f"assets/stylesheets/{name}")
    for css in ctx.site.extra_css:
        files[f"assets/extra/{css.name}"] = css.read_bytes()
        stylesheets.append(f"assets/extra/{css.name}")
    # The site's own script and stylesheet (werkplaats/assets/dist/): quizzes, dialogues, exam mode and the rest.
    files["assets/werkplaats.css"] = shipped("werkplaats.css")
    files["assets/export.css"] = static_file("export.css")
    stylesheets += ["assets/werkplaats.css", "assets/export.css"]
    files["assets/werkplaats.js"] = shipped("werkplaats.js")
    files["assets/scorm.js"] = static_file("scorm.js")
    # scorm.js first: it installs `window.__wpStorage` (the LMS as the only store) before werkplaats.js starts.
    return files, stylesheets, ["assets/scorm.js", "assets/werkplaats.js"]


def page(ctx: ExportContext, content: ModuleContent) -> dict[str, bytes]:
    """`index.html` and every file it needs, by archive name."""
    files, stylesheets, scripts = assets(ctx)
    builder = Builder(ctx, content, _site_quiz(ctx))
    dialogues = dialogue_sections(ctx, builder, content)  # before build(): their terms go into the glossary
    doc = builder.build(quiz_key=f"wp-quiz-{content.module.id}")
    html = ctx.render("scorm/index.html", doc=doc, lang=ctx.lang, stylesheets=stylesheets, scripts=scripts,
                      attempts=ctx.options.attempts, dialogues=dialogues)
    files["index.html"] = html.encode("utf-8")
    files.update(doc.media)
    return files


def manifest(ctx: ExportContext, content: ModuleContent, files: dict[str, bytes]) -> bytes:
    """`imsmanifest.xml`: one organization with one item, one SCO resource listing the files, one for the schemas.

    Arguments:
        ctx: the export context.
        content: the module.
        files: every other file of the package, by archive name.

    Returns:
        The manifest, UTF-8 with an XML declaration.
    """
    module = content.module
    nsmap = {None: IMSCP, "adlcp": ADLCP, "xsi": XSI}
    root = etree.Element(f"{{{IMSCP}}}manifest", nsmap=nsmap)
    root.set("identifier", stable_id("MANIFEST", "scorm12", module.id))
    root.set("version", content_hash(files))
    root.set(f"{{{XSI}}}schemaLocation", " ".join([
        IMSCP, "imscp_rootv1p1p2.xsd", ADLCP, "adlcp_rootv1p2.xsd"]))

    def sub(parent: etree._Element, tag: str, text: str | None = None, ns: str = IMSCP, **attrs: str) -> etree._Element:
        element = etree.SubElement(parent, f"{{{ns}}}{tag}")
        for key, value in attrs.items():
            element.set(key, value)
        if text is not None:
            element.text = text
        return element

    metadata = sub(root, "metadata")
    sub(metadata, "schema", "ADL SCORM")
    sub(metadata, "schemaversion", "1.2")
    organization_id = stable_id("ORG", "scorm12", module.id)
    organizations = sub(root, "organizations", default=organization_id)
    organization = sub(organizations, "organization", identifier=organization_id)
    sub(organization, "title", module.title)
    sco_id = stable_id("SCO", "scorm12", module.id)
    item = sub(organization, "item", identifier=stable_id("ITEM", "scorm12", module.id), identifierref=sco_id,
               isvisible="true")
    sub(item, "title", module.title)
    # The LMS may compare the score with this itself; scorm.js reports passed/failed by the same mark.
    sub(item, "masteryscore", str(module.quiz.pass_mark), ns=ADLCP)
    resources = sub(root, "resources")
    sco = sub(resources, "resource", identifier=sco_id, type="webcontent", href="index.html")
    sco.set(f"{{{ADLCP}}}scormtype", "sco")
    for name in sorted(name for name in files if name not in SCHEMA_FILES):
        sub(sco, "file", href=name)
    schemas = sub(resources, "resource", identifier=stable_id("SCHEMAS", "scorm12", module.id), type="webcontent")
    schemas.set(f"{{{ADLCP}}}scormtype", "asset")
    for name in SCHEMA_FILES:
        sub(schemas, "file", href=name)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def export_module(ctx: ExportContext, content: ModuleContent, out: Path) -> list[Path]:
    """Write `<module-id>-scorm12.zip` into `out`.

    Arguments:
        ctx: the export context.
        content: the module.
        out: the output folder.

    Returns:
        The path of the package.
    """
    files = page(ctx, content)
    for name in SCHEMA_FILES:
        files[name] = (SCHEMAS / name).read_bytes()
    files["imsmanifest.xml"] = manifest(ctx, content, files)
    return [write_zip(out / f"{content.module.id}-scorm12.zip", files)]
