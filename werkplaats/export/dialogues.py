"""The dialogues a module lists, as sections of an exported document (SCORM page, print workbook).

Each is the site's transcript (templates/dialogue/dialogue.html): in the SCORM package dialogue.js plays it as on the
site; on paper it stays an annotated transcript with room to write at every choice. Render these before
`Builder.build`, so that the terms the dialogues use are in the document's glossary.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup

from werkplaats.content.models import Dialogue
from werkplaats.export.common import ExportError
from werkplaats.export.document import Section
from werkplaats.pages.dialogue import dialogue_html
from werkplaats.pages.links import page_of

if TYPE_CHECKING:
    from werkplaats.content import ModuleContent
    from werkplaats.export.common import ExportContext
    from werkplaats.export.document import Builder


def dialogue_sections(ctx: ExportContext, builder: Builder, content: ModuleContent, *,
                      write: bool = False) -> list[Section]:
    """A section per dialogue of the module, in the module's order; `write` adds room to write (print)."""
    sections = []
    for dialogue_id in getattr(content.module, "dialogues", []):
        dialogue = ctx.project.get("dialogue", dialogue_id)
        if not isinstance(dialogue, Dialogue):  # the loader reports this, so only a broken invariant gets here
            raise ExportError(f"{content.folder}/index.md: dialogues: no dialogue `{dialogue_id}`")
        source = ctx.project.sources.get(("dialogue", dialogue_id))
        where = source.rel if source else f"dialogues/{dialogue_id}.yml"
        page = page_of("dialogue", dialogue_id)[0]

        def md(text: str, where: str = where, page: str = page) -> Markup:
            return builder.markdown(text, where, page=page)

        html = dialogue_html(ctx.quiz.env, dialogue, ctx.project, ctx.labels, md, write=write)
        extra = {"summary": dialogue.summary, "roles": ", ".join(dialogue.roles.values()),
                 "intro": md(dialogue.intro)}
        sections.append(Section(dialogue.id, f"dialogue-{dialogue.id}", dialogue.title, Markup(html), extra))
    return sections
