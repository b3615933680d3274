"""Question text as HTML for an LMS: images packed into the package, links made to work outside the site.

Every question export (CC, QTI, Moodle, Brightspace) renders Markdown through `QuestionHtml`:

- an image is found as on the site (relative to the module's quiz page in docs/, or from the top of docs/ with a
  leading slash), packed as `media/<sha256[:16]><ext>` and referred to as `prefix + that name` (the exporter chooses
  the prefix: `$IMS-CC-FILEBASE$/` for a cartridge, `@@PLUGINFILE@@/` for Moodle, a relative path for QTI);
- a link to the web opens in a new tab; a link to a page of the site becomes an absolute link to the published site
  when mkdocs.yml has a `site_url`, and plain text otherwise; an image on another host is an error.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree
from lxml import html as lxml_html

from werkplaats.export.common import ExportError
from werkplaats.render import md_block, md_inline

if TYPE_CHECKING:
    from werkplaats.export.common import ExportContext


def site_url_of(site_url: str, page: str, href: str) -> str | None:
    """The published URL of a relative link `href` on the page `page` (a path in docs/), or None.

    Arguments:
        site_url: where the site is published (ends with a slash or not); empty: there is no published site.
        page: the source path of the page the link is on, e.g. `modules/mini/toets.md`.
        href: the link as written, e.g. `../../methodieken/het-gesprek.md#doel`.
    """
    if not site_url or href.startswith(("#", "/", "mailto:")) or "://" in href:
        return None
    path, _, anchor = href.partition("#")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if target.startswith(".."):
        return None
    if target.endswith(".md"):
        stem = target[:-3]
        target = stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"
    return site_url.rstrip("/") + "/" + target.lstrip("./") + (f"#{anchor}" if anchor else "")


class QuestionHtml:
    """Renders question Markdown of one module to HTML with local media.

    Arguments:
        ctx: the export context.
        module_id: the module, for where images are looked up (its quiz page).
        prefix: what goes before `media/...` in an image's src.
        embed: put images into the HTML as `data:` URLs instead (one self-contained document).
    """

    def __init__(self, ctx: ExportContext, module_id: str, prefix: str = "", embed: bool = False) -> None:
        self.ctx = ctx
        self.embed = embed
        self.page = f"modules/{module_id}/toets.md"
        self.prefix = prefix
        self.docs_dir: Path = ctx.site.docs_dir or ctx.root / "docs"
        self.files: dict[str, bytes] = {}
        #: The files the last call used, by archive name (Moodle writes them per text).
        self.used: dict[str, bytes] = {}
        self.where = ""

    def __call__(self, markdown: str, inline: bool = False) -> str:
        html = str(md_inline(markdown) if inline else md_block(markdown))
        self.used = {}
        if "<img" not in html and "<a" not in html:
            return html
        root = lxml_html.fragment_fromstring(html, create_parent="div")
        for element in list(root.iter("a", "img")):
            if element.tag == "img":
                element.set("src", self.image(element.get("src", "")))
                continue
            href = element.get("href", "")
            if href.startswith(("http://", "https://", "mailto:")):
                element.set("target", "_blank")
                element.set("rel", "noopener")
            elif not href.startswith("#"):
                url = site_url_of(self.ctx.site.site_url, self.page, href)
                if url:
                    element.set("href", url)
                    element.set("target", "_blank")
                    element.set("rel", "noopener")
                else:
                    element.drop_tag()
        parts = [root.text or ""] + [etree.tostring(child, encoding="unicode", method="html") for child in root]
        return "".join(parts).strip()

    def image(self, src: str) -> str:
        """Pack the image `src` and return its new src."""
        if src.startswith("data:"):
            return src
        if "://" in src or src.startswith("//"):
            raise ExportError(f"{self.where}: the image {src} is on another host; an export may not ask another "
                              "host for anything: put the image in docs/ and link to that file")
        relative = src.lstrip("/") if src.startswith("/") else posixpath.join(posixpath.dirname(self.page), src)
        path = self.docs_dir / posixpath.normpath(re.split(r"[#?]", relative)[0])
        if not path.is_file():
            raise ExportError(f"{self.where}: the image {src} does not exist (looked for {path})")
        data = path.read_bytes()
        if self.embed:  # one self-contained document (print)
            import base64
            import mimetypes

            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
        name = f"media/{hashlib.sha256(data).hexdigest()[:16]}{path.suffix.lower()}"
        self.files[name] = data
        self.used[name] = data
        return self.prefix + name


_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)"
                    r"|<img\b[^>]*\bsrc=[\"']([^\"']+)[\"']")


def _strings(value: object) -> list[str]:
    """Every string in a dumped model, depth first."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


def media_warnings(root: Path, project: object) -> list[str]:
    """For `werkplaats check`: every image in a question that no export can pack (on another host, or missing).

    Arguments:
        root: the project folder.
        project: the loaded project.

    Returns:
        One `file: question id: what is wrong` line per image, in the order of modules and questions.
    """
    from werkplaats.export.common import read_site_config

    try:
        docs_dir = read_site_config(root).docs_dir or root / "docs"
    except ExportError:
        docs_dir = root / "docs"
    warnings: list[str] = []
    for module_id, content in sorted(getattr(project, "modules", {}).items()):
        page = f"modules/{module_id}/toets.md"
        for question in content.questions:
            for text in _strings(question.model_dump()):
                for match in _IMAGE.finditer(text):
                    src = match.group(1) or match.group(2)
                    where = f"{content.folder}/questions.yml: {question.id}"
                    if src.startswith("data:"):
                        continue
                    if "://" in src or src.startswith("//"):
                        warnings.append(f"{where}: the image {src} is on another host; exports cannot pack it "
                                        "(put it in docs/ and link to that file)")
                        continue
                    relative = src.lstrip("/") if src.startswith("/") else posixpath.join(posixpath.dirname(page), src)
                    if not (docs_dir / posixpath.normpath(re.split(r"[#?]", relative)[0])).is_file():
                        warnings.append(f"{where}: the image {src} does not exist in {docs_dir.name}/; exports "
                                        "cannot pack it")
    return warnings
