"""SCORM 1.2: one package per module, with one SCO that is the whole module on one page.

Files: `index.html` (the page), `assets/` (Material's compiled CSS, werkplaats.css/js, scorm.js), `media/` (images
the texts use), the SCORM 1.2 schemas at the root as the specification asks, and `imsmanifest.xml`, which lists
every one of them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from werkplaats.export.common import content_hash, material_stylesheets, stable_id, static_file, write_zip
from werkplaats.export.document import Builder

if TYPE_CHECKING:
    from werkplaats.content import ModuleContent
    from werkplaats.content.models import Question
    from werkplaats.export.common import ExportContext

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMAS = Path(__file__).parent / "schemas" / "scorm12"
SCHEMA_FILES = ("imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "ims_xml.xsd")
WERKPLAATS_ASSETS = Path(__file__).resolve().parent.parent / "assets"


def _site_quiz(ctx: ExportContext):
    """Question HTML as on the site (a form that werkplaats.js grades)."""

    def render(questions: list[Question], *, kind: str, key: str, module: str, title: str,
               pass_mark: int | None) -> str:
        page = f"modules/{module}/toets.md"
        exam, intro = (ctx.generator.exam_args(ctx.generator.project.modules[module], questions, page, units=False)
                       if kind == "quiz" else (None, None))
        return ctx.generator.quiz.quiz(questions, key=key, page=page, module=module, title=title,
                                       pass_mark=pass_mark, exam=exam, intro=intro)

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
    # werkplaats.css and .js are copied as they are at export time: the site and the package share them.
    files["assets/werkplaats.css"] = (WERKPLAATS_ASSETS / "werkplaats.css").read_bytes()
    files["assets/export.css"] = static_file("export.css")
    files["assets/exam.css"] = (WERKPLAATS_ASSETS / "exam.css").read_bytes()
    stylesheets += ["assets/werkplaats.css", "assets/exam.css", "assets/export.css"]
    files["assets/werkplaats.js"] = (WERKPLAATS_ASSETS / "werkplaats.js").read_bytes()
    files["assets/exam.js"] = (WERKPLAATS_ASSETS / "exam.js").read_bytes()
    files["assets/scorm.js"] = static_file("scorm.js")
    return files, stylesheets, ["assets/werkplaats.js", "assets/exam.js", "assets/scorm.js"]


def page(ctx: ExportContext, content: ModuleContent) -> dict[str, bytes]:
    """`index.html` and every file it needs, by archive name."""
    files, stylesheets, scripts = assets(ctx)
    doc = Builder(ctx, content, _site_quiz(ctx)).build(quiz_key=f"wp-quiz-{content.module.id}")
    html = ctx.render("scorm/index.html", doc=doc, lang=ctx.lang, stylesheets=stylesheets, scripts=scripts)
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
