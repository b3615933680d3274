"""A module as one self-contained document: its units, cases, the terms they use and its questions.

SCORM and print both render this model. Outside the site there are no other pages to link to, so the link
macros (`{{ term('x') }}`, `{{ case('x') }}`, ...) become links within the document when their target is in it
and plain text otherwise; `{{ questions(...) }}` and `{{ quiz(...) }}` become whatever question HTML the exporter
asks for (a gradable form in SCORM, questions with room to write in print).
"""

from __future__ import annotations

import hashlib
import mimetypes
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

import markdown
from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree
from lxml import html as lxml_html
from markupsafe import Markup

from werkplaats.content.errors import did_you_mean
from werkplaats.content.macros import LINK_MACROS, MacroCall, replace_calls, uses_jinja
from werkplaats.content.models import Case, Ladder, Term
from werkplaats.export.common import ExportError
from werkplaats.export.media import site_url_of
from werkplaats.pages.links import page_of, unit_page

if TYPE_CHECKING:
    from collections.abc import Mapping

    from werkplaats.content import ModuleContent
    from werkplaats.content.models import Question
    from werkplaats.export.common import ExportContext

#: Fields of a question that are data, not Markdown text.
NOT_TEXT = {"id", "type", "answers", "points", "shuffle", "correct", "answer"}


class QuestionBlock(Protocol):
    """Renders questions placed in a text (`kind` is `check` for `questions()`, `quiz` for `quiz()`)."""

    def __call__(self, questions: list[Question], *, kind: str, key: str, module: str, title: str,
                 pass_mark: int | None) -> str:
        """HTML of `questions`; `key` is a page-unique id, `pass_mark` None for an unscored self-check."""


class Expander:
    """Expands the werkplaats macros for a document in which only some items have an anchor.

    Arguments:
        ctx: the export context.
        anchors: the href of each (kind, id) that is in the document; other items become plain text.
        dynamic: kinds of which every item gets the anchor `#<kind>-<id>` on first use (the glossary).
    """

    def __init__(self, ctx: ExportContext, anchors: Mapping[tuple[str, str], str] | None = None,
                 dynamic: tuple[str, ...] = ()) -> None:
        self.ctx = ctx
        self.anchors = dict(anchors or {})
        self.dynamic = dynamic
        self.used: list[tuple[str, str]] = []
        self.where = ""
        self.env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)

    def link(self, macro: str, item_id: str, text: str | None = None) -> str:
        """The Markdown of one link macro: a link within the document, or the plain title."""
        kind = LINK_MACROS[macro]
        item = self.ctx.project.get(kind, item_id)
        if item is None:
            known = self.ctx.project.items.get(kind, {})
            raise ExportError(f"{self.where}: {macro}('{item_id}'): no such {kind.replace('_', ' ')}"
                              f"{did_you_mean(item_id, known)}")
        if (kind, item_id) not in self.used:
            self.used.append((kind, item_id))
        label = text or item.title
        href = self.anchors.get((kind, item_id))
        if href is None and kind in self.dynamic:
            href = f"#{kind}-{item_id}"
        if href is None:
            return label
        return "[{}]({})".format(label.replace("[", "\\[").replace("]", "\\]"), href)

    def text(self, text: str) -> str:
        """Expand the link macros in text that the site does not run through mkdocs-macros (questions)."""
        def replace(call: MacroCall) -> str | None:
            label = call.arg("text")
            if call.ref is None or isinstance(label, list):
                return None
            return self.link(call.name, call.ref, label)

        return replace_calls(text, replace, "link")

    def question(self, question: Question) -> Question:
        """A copy of a question with the link macros in all its texts expanded."""

        def walk(value: Any, key: str | None) -> Any:
            if isinstance(value, str):
                return value if key in NOT_TEXT else self.text(value)
            if isinstance(value, list):
                return [walk(item, key) for item in value]
            if isinstance(value, dict):
                return {k: walk(v, k) for k, v in value.items()}
            return value

        return type(question).model_validate(walk(question.model_dump(), None))

    def body(self, text: str, where: str, functions: Mapping[str, Callable[..., str]] | None = None) -> str:
        """Render Markdown that the site runs through mkdocs-macros (unit, case and module bodies)."""
        self.where = where
        if not uses_jinja(text):
            return text
        names = {macro: (lambda m: lambda item_id, text=None: self.link(m, item_id, text))(macro)
                 for macro in LINK_MACROS}
        try:
            return self.env.from_string(text).render(**names, **(functions or {}))
        except ExportError:
            raise
        except (TemplateError, TypeError, ValueError) as exc:
            raise ExportError(f"{where}: cannot expand the macros: {exc}") from exc


@dataclass
class Section:
    """A unit, a case or a glossary entry, rendered."""

    id: str
    anchor: str
    title: str
    html: Markup
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class ModuleDocument:
    """A module ready to render: facts, units, cases, used terms, the quiz and the media files it needs."""

    module: Any
    audience: str
    study_load: str
    intro: Markup
    units: list[Section]
    cases: list[Section]
    terms: list[Section]
    quiz: Markup
    quiz_questions: list[Any]
    media: dict[str, bytes] = field(default_factory=dict)


class Builder:
    """Builds the `ModuleDocument` of one module.

    Arguments:
        ctx: the export context.
        content: the module.
        questions: renders questions (in a unit and as the quiz).
        media_dir: folder in the package for images the texts use.
        inline_media: put images into the HTML as `data:` URLs instead (for a single-file document).
    """

    def __init__(self, ctx: ExportContext, content: ModuleContent, questions: QuestionBlock,
                 media_dir: str = "media", inline_media: bool = False) -> None:
        self.ctx = ctx
        self.inline_media = inline_media
        self.content = content
        self.render_questions = questions
        self.media_dir = media_dir
        self.media: dict[str, bytes] = {}
        self.blocks: dict[str, str] = {}
        module = content.module
        anchors: dict[tuple[str, str], str] = {("module", module.id): "#top"}
        anchors.update({("case", case_id): f"#case-{case_id}" for case_id in module.cases})
        self.expander = Expander(ctx, anchors, dynamic=("term",))
        self.docs_dir = ctx.site.docs_dir or ctx.root / "docs"
        self.page = f"modules/{module.id}/index.md"

    # -- text --------------------------------------------------------------------------------------------------
    def _block(self, html: str) -> str:
        """Park finished HTML behind a comment, so Markdown and the clean-up below leave it as it is."""
        token = f"wp-block-{len(self.blocks)}"
        self.blocks[token] = html
        return f"\n\n<!--{token}-->\n\n"

    def _functions(self, where: str) -> dict[str, Callable[..., str]]:
        project = self.ctx.project

        def questions(module_id: str, ids: list[str] | None = None) -> str:
            content = project.modules.get(module_id)
            if content is None:
                raise ExportError(f"{where}: questions('{module_id}'): no such module"
                                  f"{did_you_mean(module_id, project.modules)}")
            by_id = {q.id: q for q in content.questions}
            missing = [q for q in ids or [] if q not in by_id]
            if missing:
                raise ExportError(f"{where}: questions('{module_id}'): no question {', '.join(missing)}")
            chosen = [self.expander.question(by_id[q]) for q in ids] if ids else \
                [self.expander.question(q) for q in content.questions]
            digest = hashlib.sha1(f"{where}|{module_id}|{','.join(q.id for q in chosen)}".encode()).hexdigest()[:8]
            return self._block(self._local(self.render_questions(chosen, kind="check", key=f"wp-check-{digest}",
                                                                 module=module_id,
                                                                 title=self.ctx.labels["self_check"],
                                                                 pass_mark=None), where, self.page))

        def quiz(module_id: str) -> str:
            content = project.modules.get(module_id)
            if content is None:
                raise ExportError(f"{where}: quiz('{module_id}'): no such module")
            chosen = [self.expander.question(q) for q in content.quiz_questions()]
            return self._block(self.render_questions(chosen, kind="check", key=f"wp-quiz-{module_id}-inline",
                                                     module=module_id, title=content.module.title,
                                                     pass_mark=None))

        return {"questions": questions, "quiz": quiz}

    def markdown(self, text: str, where: str, *, page: str, id_prefix: str = "", shift: int = 0,
                 inline: bool = False) -> Markup:
        """Macros, then Markdown with the site's extensions, then links and images made local.

        Arguments:
            text: the Markdown.
            where: the source file, for messages.
            page: the page's path in the site (`modules/mini/intro.md`): images are found relative to it in docs/.
            id_prefix: put before the ids of headings.
            shift: levels to add to each heading.
            inline: drop the paragraph around a single paragraph.
        """
        self.page = page
        expanded = self.expander.body(text or "", where, self._functions(where))
        site = self.ctx.site
        configs = {name: dict(options) for name, options in site.extension_configs.items()}
        toc_name = next((e for e in site.extensions if isinstance(e, str) and e.rsplit(".", 1)[-1] == "toc"), None)
        if toc_name is not None:
            toc = configs.setdefault(toc_name, {})
            toc["permalink"] = False  # no pilcrows: there is no site to link to
            if id_prefix:
                from markdown.extensions.toc import slugify_unicode

                # Units share one page: prefix their heading ids so that two "Samenvatting"s do not clash.
                toc["slugify"] = lambda value, separator: id_prefix + slugify_unicode(value, separator)
        try:
            md = markdown.Markdown(extensions=site.extensions, extension_configs=configs)
            html = md.convert(expanded)
        except Exception as exc:  # an extension that fails to load or to convert
            raise ExportError(f"{where}: cannot render the Markdown: {exc}") from exc
        html = self._localise(html, where, page, shift)
        if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]
        for token, block in self.blocks.items():
            html = html.replace(f"<!--{token}-->", block)
        return Markup(html)

    def _local(self, html: str, where: str, page: str) -> str:
        """Rendered questions with their images copied and their links made to work outside the site."""
        return self._localise(html, where, page, 0) if "<img" in html or "<a " in html else html

    def _localise(self, html: str, where: str, page: str, shift: int) -> str:
        """Shift headings; keep links within the document or to the web, unwrap links to site pages; copy images."""
        if not html.strip():
            return html
        root = lxml_html.fragment_fromstring(html, create_parent="div")
        for element in list(root.iter()):
            if not isinstance(element.tag, str):
                continue
            if shift and re.fullmatch(r"h[1-6]", element.tag):
                element.tag = f"h{min(int(element.tag[1]) + shift, 6)}"
            elif element.tag == "a" and element.get("href") is not None:
                href = element.get("href", "")
                if href.startswith(("http://", "https://", "mailto:")):
                    element.set("rel", "noopener")
                    element.set("target", "_blank")
                elif not href.startswith("#"):
                    url = site_url_of(self.ctx.site.site_url, page, href)
                    if url:  # a page of the published site
                        element.set("href", url)
                        element.set("rel", "noopener")
                        element.set("target", "_blank")
                    else:
                        element.drop_tag()  # a page of the site, and no site_url: plain text
            elif element.tag == "img":
                question = next((a.get("data-qid") for a in element.iterancestors() if a.get("data-qid")), None)
                element.set("src", self._media(element.get("src", ""), f"{where}: {question}" if question else where,
                                               page))
        parts = [root.text or ""] + [etree.tostring(child, encoding="unicode", method="html") for child in root]
        return "".join(parts).strip()

    def _media(self, src: str, where: str, page: str) -> str:
        if src.startswith("data:"):
            return src
        if "://" in src or src.startswith("//"):
            raise ExportError(f"{where}: the image {src} is on another host; an export may not ask another host "
                              f"for anything: put the image in docs/ and link to that file")
        # As on the site: relative to the page's place in docs/, or from the top of docs/ with a leading slash.
        relative = src.lstrip("/") if src.startswith("/") else posixpath.join(posixpath.dirname(page), src)
        path = self.docs_dir / posixpath.normpath(relative.split("#")[0].split("?")[0])
        if not path.is_file():
            raise ExportError(f"{where}: the image {src} does not exist (looked for {path})")
        data = path.read_bytes()
        if self.inline_media:
            import base64

            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
        suffix = path.suffix.lower()
        name = posixpath.join(self.media_dir, hashlib.sha256(data).hexdigest()[:16] + suffix)
        self.media[name] = data
        return name

    # -- sections ----------------------------------------------------------------------------------------------
    def build(self, quiz_key: str) -> ModuleDocument:
        """The whole document; `quiz_key` is the id of the quiz form."""
        ctx, content, module = self.ctx, self.content, self.content.module
        labels = ctx.labels
        index = f"{content.folder}/index.md"
        intro = self.markdown(module.body, index, page=f"modules/{module.id}/index.md", id_prefix="module-",
                              shift=1)
        units = []
        for number, unit in enumerate(content.units, start=1):
            where = f"{content.folder}/{unit.id}.md"
            page = unit_page(module.id, unit.id)
            units.append(Section(unit.id, f"unit-{unit.id}", unit.title,
                                 self.markdown(unit.body, where, page=page, id_prefix=f"{unit.id}-", shift=1),
                                 {"number": number, "summary": unit.summary,
                                  "objectives": [self.markdown(o, where, page=page, inline=True)
                                                 for o in unit.objectives]}))
        cases = [self._case(case_id) for case_id in module.cases]
        self.expander.where = f"{content.folder}/questions.yml"
        questions = [self.expander.question(q) for q in content.quiz_questions()]
        quiz = Markup(self._local(self.render_questions(questions, kind="quiz", key=quiz_key, module=module.id,
                                                        title=module.title, pass_mark=module.quiz.pass_mark),
                                  f"{content.folder}/questions.yml", f"modules/{module.id}/toets.md"))
        terms = self._terms()
        audience = ", ".join(labels[f"audience_{a}"] for a in module.audience)
        study_load = f"{module.study_load:g}".replace(".", "," if ctx.lang == "nl" else ".")
        return ModuleDocument(module=module, audience=audience, study_load=study_load, intro=intro, units=units,
                              cases=cases, terms=terms, quiz=quiz, quiz_questions=questions, media=self.media)

    def _case(self, case_id: str) -> Section:
        case = self.ctx.project.get("case", case_id)
        if not isinstance(case, Case):  # the loader reports this, so only a broken invariant gets here
            raise ExportError(f"{self.content.folder}/index.md: cases: no case `{case_id}`")
        source = self.ctx.project.sources.get(("case", case_id))
        where = source.rel if source else f"cases/{case_id}.md"

        def md(text: str, inline: bool = False) -> Markup:
            return self.markdown(text, where, page=page_of("case", case_id)[0], id_prefix=f"case-{case_id}-",
                                 shift=1, inline=inline)

        extra = {
            "summary": case.summary, "person": md(case.person, inline=True), "request": md(case.request),
            "ladder": [{"label": self.ctx.labels[step], "html": md(getattr(case.ladder, step))}
                       for step in Ladder.model_fields],  # the steps in the model's order
            "reflection": [md(question, inline=True) for question in case.reflection],
        }
        return Section(case.id, f"case-{case.id}", case.title, md(case.body), extra)

    def _terms(self) -> list[Section]:
        """The glossary: every term the document uses, and the terms their definitions use."""
        done: dict[str, Section] = {}
        while True:
            pending = [item_id for kind, item_id in self.expander.used if kind == "term" and item_id not in done]
            if not pending:
                break
            for term_id in pending:
                term = self.ctx.project.get("term", term_id)
                assert isinstance(term, Term)
                where = f"glossary/{term_id}"
                done[term_id] = Section(term.id, f"term-{term.id}", term.title,
                                        self.markdown(term.definition, where, page=page_of("term", term_id)[0],
                                                      inline=True),
                                        {"synonyms": term.synonyms})
        return sorted(done.values(), key=lambda section: (section.title.lower(), section.id))
