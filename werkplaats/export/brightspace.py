"""Brightspace (D2L) question library CSV: one UTF-8 file per module, all questions of its bank.

The format is D2L's question import CSV: per question a `NewQuestion,<type>` row, then `ID`, `Title`,
`QuestionText` (HTML), `Points`, the type's own rows, `Feedback`, and a blank separator row; five columns everywhere.

| site | D2L | rows | scoring |
|---|---|---|---|
| single | MC | `Option,<100 or 0>,<text>,,<feedback>` | the right option 100% |
| multiple | MS | `Scoring,AllOrNothing`, `Option,<1 or 0>,<text>,,<feedback>` | all or nothing |
| truefalse | TF | `TRUE,<100 or 0>,<feedback>`, `FALSE,...` | the right one 100% |
| fill | SA | `InputBox,1,<width>`, `Answer,100,<text>` per accepted answer and its variants | any accepted answer |
| matching | M | `Scoring,AllOrNothing`, `Choice,<n>,<left>`, `Match,<n>,<right>` | all or nothing |
| ordering | O | `Scoring,AllOrNothing`, `Item,<text>,NOT HTML,` in the right order | all or nothing |
| open | WR | `AnswerKey,<model answer>`, points 0 | not scored |

Images in questions go into `media/` next to the CSV (upload that folder to the course's files, at the top); links to
site pages become absolute links to the published site (`site_url`) or plain text.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from werkplaats.export.common import answer_variants, write_bytes
from werkplaats.export.document import Expander
from werkplaats.export.media import QuestionHtml
from werkplaats.export.xhtml import plain_text

if TYPE_CHECKING:
    from pathlib import Path

    from werkplaats.content import ModuleContent
    from werkplaats.content.models import Question
    from werkplaats.export.common import ExportContext

KINDS = {"single": "MC", "multiple": "MS", "truefalse": "TF", "fill": "SA", "matching": "M", "ordering": "O",
         "open": "WR"}
WIDTH = 5


def question_rows(q: Question, module_id: str, html: QuestionHtml) -> list[list[str]]:
    """The rows of one question (link macros already expanded), the blank separator row last."""
    def text(markdown: str) -> str:
        return plain_text(html(markdown, inline=True))

    title = plain_text(html(q.text, inline=True))
    rows = [["NewQuestion", KINDS[q.type]], ["ID", f"{module_id}-{q.id}"],
            ["Title", f"{q.id} {title[:100]}".strip()], ["QuestionText", html(q.text), "HTML"],
            ["Points", str(q.points if q.type != "open" else 0)]]
    if q.type == "single":
        rows += [["Option", "100" if o.correct else "0", text(o.text), "", text(o.feedback)] for o in q.options]
    elif q.type == "multiple":
        rows.append(["Scoring", "AllOrNothing"])
        rows += [["Option", "1" if o.correct else "0", text(o.text), "", text(o.feedback)] for o in q.options]
    elif q.type == "truefalse":
        rows += [["TRUE", "100" if q.answer else "0", text(q.feedback_true)],
                 ["FALSE", "0" if q.answer else "100", text(q.feedback_false)]]
    elif q.type == "fill":
        variants = answer_variants(q.answers)
        rows.append(["InputBox", "1", str(min(max(len(a) for a in variants) + 10, 60))])
        rows += [["Answer", "100", answer] for answer in variants]
    elif q.type == "matching":
        rows.append(["Scoring", "AllOrNothing"])
        rows += [["Choice", str(n), text(p.left)] for n, p in enumerate(q.pairs, start=1)]
        rows += [["Match", str(n), text(p.right)] for n, p in enumerate(q.pairs, start=1)]
    elif q.type == "ordering":
        rows.append(["Scoring", "AllOrNothing"])
        rows += [["Item", text(item), "NOT HTML", ""] for item in q.items]
    elif q.type == "open":
        rows.append(["AnswerKey", html(q.model_answer), "HTML"])
    feedback = [q.feedback] if q.feedback else []
    if q.type == "fill":
        feedback.insert(0, q.feedback_incorrect)
    if feedback:
        rows.append(["Feedback", "".join(html(f) for f in feedback), "HTML"])
    rows.append([])
    return [row + [""] * (WIDTH - len(row)) for row in rows]


def write_csv(ctx: ExportContext, content: ModuleContent) -> tuple[bytes, dict[str, bytes]]:
    """The CSV of a module's bank (UTF-8 with a byte order mark, as D2L's "CSV UTF-8"), and the media it uses."""
    expander = Expander(ctx)
    html = QuestionHtml(ctx, content.module.id)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for question in content.questions:
        expander.where = html.where = f"{content.folder}/questions.yml: {question.id}"
        writer.writerows(question_rows(expander.question(question), content.module.id, html))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8"), dict(html.files)


def export_module(ctx: ExportContext, content: ModuleContent, out: Path) -> list[Path]:
    """Write `<module-id>-brightspace.csv` (and `media/` when questions have images) into `out`.

    Arguments:
        ctx: the export context.
        content: the module.
        out: the output folder.

    Returns:
        The path of the CSV, then those of the images.
    """
    data, media = write_csv(ctx, content)
    written = [write_bytes(out / f"{content.module.id}-brightspace.csv", data)]
    return written + [write_bytes(out / name, media[name]) for name in sorted(media)]
