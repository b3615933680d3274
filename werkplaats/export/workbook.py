"""Print: a workbook per module, as HTML with a print stylesheet and as PDF (through WeasyPrint).

The workbook has a cover (title, audience, study load, objectives), the units, the cases in full (vignette, ladder,
reflection with lines to write on), every question with room to write and no answer beside it, and the answer key
at the end. It is one file: the stylesheet and any images are inside the HTML, so nothing is fetched from anywhere.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from werkplaats.export.common import ExportError, static_file, write_bytes
from werkplaats.export.dialogues import dialogue_sections
from werkplaats.export.document import Builder
from werkplaats.export.media import QuestionHtml
from werkplaats.quiz.render import stable_order

if TYPE_CHECKING:
    from pathlib import Path

    from werkplaats.content import ModuleContent
    from werkplaats.content.models import Question
    from werkplaats.export.common import ExportContext

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _letter(index: int) -> str:
    return LETTERS[index] if index < len(LETTERS) else f"{LETTERS[index // 26 - 1]}{LETTERS[index % 26]}"


class PrintQuestions:
    """Renders questions for paper and keeps their answers for the key.

    The test is numbered on its own (Vraag 1..n); the practice questions in the units have their own numbers
    (Oefenvraag 1..k), so no number appears twice. The key has the test first, then the practice questions.
    Images in questions are embedded (`data:` URLs), so the workbook stays one file.
    """

    def __init__(self, ctx: ExportContext, module_id: str, folder: str = "") -> None:
        self.ctx = ctx
        self.folder = folder or f"modules/{module_id}"
        self.counts = {"quiz": 0, "check": 0}
        self.groups: dict[str, list[dict[str, Any]]] = {"quiz": [], "check": []}
        self.html = QuestionHtml(ctx, module_id, embed=True)

    @property
    def key(self) -> list[dict[str, Any]]:
        """The answer key: groups with a title and their questions' views."""
        labels = self.ctx.labels
        groups = [(labels["quiz"], self.groups["quiz"]), (labels["checks"], self.groups["check"])]
        return [{"title": title, "items": items} for title, items in groups if items]

    def __call__(self, questions: list[Question], *, kind: str, key: str, module: str, title: str,
                 pass_mark: int | None) -> str:
        """HTML of the questions for paper (see `QuestionBlock`)."""
        views = [self.view(question, "quiz" if kind == "quiz" else "check") for question in questions]
        return self.ctx.render("print/questions.html", questions=views, kind=kind, title=title, pass_mark=pass_mark)

    def view(self, q: Question, kind: str = "quiz") -> dict[str, Any]:
        """The template data of one question (the answer key uses the same data)."""
        self.counts[kind] += 1
        number = self.counts[kind]
        self.html.where = f"{self.folder}/questions.yml: {q.id}"
        labels = self.ctx.labels
        md_block = self.html  # Markdown with embedded images

        def md_inline(text: str) -> str:
            return self.html(text, inline=True)

        label = labels["question_n" if kind == "quiz" else "check_n"].format(n=number)
        view: dict[str, Any] = {"number": number, "label": label, "anchor": f"{kind}-{number}", "id": q.id,
                                "type": q.type, "text": Markup(md_block(q.text)),
                                "points": q.points if q.type != "open" else 0,
                                "feedback": Markup(md_block(q.feedback)) if q.feedback else ""}
        if q.type in ("single", "multiple"):
            order = stable_order([o.text for o in q.options], q.id) if q.shuffle else list(range(len(q.options)))
            view["options"] = [{"letter": _letter(n), "html": md_inline(q.options[i].text),
                                "correct": q.options[i].correct, "feedback": md_inline(q.options[i].feedback)}
                               for n, i in enumerate(order)]
            view["help"] = labels["tick_one"] if q.type == "single" else labels["tick_any"]
        elif q.type == "truefalse":
            view["options"] = [
                {"letter": "", "html": labels["true"], "correct": q.answer, "feedback": md_inline(q.feedback_true)},
                {"letter": "", "html": labels["false"], "correct": not q.answer,
                 "feedback": md_inline(q.feedback_false)}]
            view["help"] = labels["tick_one"]
        elif q.type == "fill":
            view.update(answers=q.answers, feedback_correct=md_inline(q.feedback_correct),
                        feedback_incorrect=md_inline(q.feedback_incorrect))
        elif q.type == "matching":
            order = stable_order([p.right for p in q.pairs], q.id)
            letter_of = {i: _letter(n) for n, i in enumerate(order)}
            view["rights"] = [{"letter": letter_of[i], "html": md_inline(q.pairs[i].right)} for i in order]
            view["lefts"] = [{"html": md_inline(p.left), "letter": letter_of[i], "right": md_inline(p.right)}
                             for i, p in enumerate(q.pairs)]
            view["help"] = labels["write_letter"]
        elif q.type == "ordering":
            view["shown"] = [md_inline(q.items[i]) for i in stable_order(q.items, q.id)]
            view["solution"] = [md_inline(item) for item in q.items]
            view["help"] = labels["write_position"]
        elif q.type == "open":
            view["model_answer"] = md_block(q.model_answer)
        for name in ("options", "lefts", "rights"):
            for entry in view.get(name, []):
                for field in ("html", "feedback", "right"):
                    if field in entry:
                        entry[field] = Markup(entry[field])
        for name in ("shown", "solution"):
            if name in view:
                view[name] = [Markup(item) for item in view[name]]
        for name in ("feedback_correct", "feedback_incorrect", "model_answer"):
            if name in view:
                view[name] = Markup(view[name])
        self.groups[kind].append(view)
        return view


def workbook_html(ctx: ExportContext, content: ModuleContent, part: str = "both") -> str:
    """The workbook of one module as one self-contained HTML document.

    Arguments:
        ctx: the export context.
        content: the module.
        part: `both` (the workbook with the key at the end), `workbook` (no key) or `answers` (the key alone).
    """
    questions = PrintQuestions(ctx, content.module.id, content.folder)
    builder = Builder(ctx, content, questions, inline_media=True)
    dialogues = dialogue_sections(ctx, builder, content, write=True)  # before build(): their terms in the glossary
    doc = builder.build(quiz_key=f"wp-quiz-{content.module.id}")
    css = static_file("print.css").decode("utf-8") + static_file("dialogue-print.css").decode("utf-8")
    return ctx.render("print/workbook.html", doc=doc, lang=ctx.lang, key=questions.key, part=part,
                      dialogues=dialogues, css=css)


def require_weasyprint() -> Any:
    """The `weasyprint` module, which PDF workbooks need and the site does not (the `print` extra).

    Raises:
        ExportError: WeasyPrint is not installed, or the system libraries it loads (Pango) are missing.
    """
    try:
        import weasyprint
    except ImportError as exc:
        raise ExportError("the PDF workbooks need WeasyPrint, which is not installed; install the `print` extra: "
                          "pip install 'werkplaats[print]' (in this repository: make export)") from exc
    except OSError as exc:  # WeasyPrint is there, but it cannot load Pango
        raise ExportError(f"WeasyPrint cannot load its system libraries ({exc}); on Debian/Ubuntu: "
                          "apt-get install libpango-1.0-0 libpangoft2-1.0-0 (in this repository: make export)") from exc
    return weasyprint


def _fetcher(refused: list[str]) -> Any:
    """A URL fetcher for WeasyPrint that fetches `file:` and `data:` URLs only and notes every other one."""
    import weasyprint

    allowed = ("file:", "data:")
    if hasattr(weasyprint, "URLFetcher"):  # WeasyPrint 66 and later

        class LocalFetcher(weasyprint.URLFetcher):
            def fetch(self, url: str, headers: Any = None) -> Any:
                if not url.startswith(allowed):
                    refused.append(url)
                    raise ValueError(f"the workbook may not fetch {url}")
                return super().fetch(url, headers)

        return LocalFetcher(allowed_protocols=("file", "data"))

    def fetch(url: str, *args: Any, **kwargs: Any) -> Any:  # older WeasyPrint: a function
        if not url.startswith(allowed):
            refused.append(url)
            raise ValueError(f"the workbook may not fetch {url}")
        return weasyprint.default_url_fetcher(url, *args, **kwargs)

    return fetch


def workbook_pdf(html: str, base: Path) -> bytes:
    """The PDF of a workbook's HTML.

    Arguments:
        html: the workbook.
        base: the folder relative links would be resolved against.

    Returns:
        The PDF; the same bytes for the same HTML.

    Raises:
        ExportError: WeasyPrint is not installed, or the HTML asks for something other than a local file.
    """
    weasyprint = require_weasyprint()
    refused: list[str] = []
    document = weasyprint.HTML(string=html, base_url=base.as_uri() + "/", url_fetcher=_fetcher(refused))
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    pdf = document.write_pdf(pdf_identifier=identifier)
    if refused:
        raise ExportError("the workbook refers to files on other hosts, which the PDF may not fetch: "
                          + ", ".join(sorted(set(refused))))
    return pdf


def export_module(ctx: ExportContext, content: ModuleContent, out: Path) -> list[Path]:
    """Write `<module-id>-werkboek.html` and `.pdf` into `out`, and (`--answers separate`, the default) the answer
    key for the lecturer as `<module-id>-antwoorden.html` and `.pdf`.

    Arguments:
        ctx: the export context.
        content: the module.
        out: the output folder.

    Returns:
        The paths of the HTML and the PDF of the workbook, then those of the answer key.
    """
    separate = ctx.options.answers != "appended"
    parts = [("werkboek", "workbook" if separate else "both")] + ([("antwoorden", "answers")] if separate else [])
    written: list[Path] = []
    for suffix, part in parts:
        html = workbook_html(ctx, content, part)
        stem = f"{content.module.id}-{suffix}"
        written.append(write_bytes(out / f"{stem}.html", html.encode("utf-8")))
        written.append(write_bytes(out / f"{stem}.pdf", workbook_pdf(html, out.resolve())))
    return written
