"""`werkplaats export pop`: a blank self-assessment per competence for classes that work on paper (HTML + PDF).

Each competence gets `<id>-zelfbeoordeling.html` and `.pdf`: every indicator of every level with the boxes nog niet /
soms / meestal / altijd, the level rule, and room for evidence, a development goal and the coach's remarks. The
online version is on each competence page and on `ontwikkeling/` (werkplaats/pages/pop.py).
"""

from __future__ import annotations

from pathlib import Path

from werkplaats.content import load_project
from werkplaats.content.errors import ContentError, did_you_mean
from werkplaats.content.models import LEVELS
from werkplaats.export.common import ExportContext, ExportError, static_file, write_bytes
from werkplaats.export.workbook import workbook_pdf
from werkplaats.pages.pop import SCALE


def pop_html(ctx: ExportContext, competence_id: str) -> str:
    """The blank self-assessment of one competence as one self-contained HTML document."""
    item = ctx.project.items["competence"][competence_id]
    return ctx.render("print/pop.html", item=item, levels=LEVELS, scale=SCALE, lang=ctx.lang,
                      css=static_file("pop-print.css").decode("utf-8"))


def run_pop_export(root: Path, competence_ids: list[str], out: Path | None = None) -> list[Path]:
    """Write the paper self-assessment of the chosen competences (all when none are given) into `out`.

    Raises:
        ExportError: content with problems, no competences, an unknown competence, or a file that cannot be written.
    """
    root = Path(root)
    project = load_project(root)
    if project.problems:
        raise ExportError(f"nothing exported: {ContentError(project.problems)}\n"
                          "fix these first (`werkplaats check` lists them too)")
    known = project.items["competence"]
    if not known:
        raise ExportError(f"no competences to export: {root / 'competences'} holds none")
    for competence_id in competence_ids:
        if competence_id not in known:
            raise ExportError(f"no competence `{competence_id}`{did_you_mean(competence_id, known)}; "
                              f"the competences are: {', '.join(sorted(known))}")
    out = Path(out) if out is not None else root / "dist" / "pop"
    ctx = ExportContext.create(root, project)
    written: list[Path] = []
    try:
        for competence_id in dict.fromkeys(competence_ids or sorted(known)):
            html = pop_html(ctx, competence_id)
            stem = f"{competence_id}-zelfbeoordeling"
            written.append(write_bytes(out / f"{stem}.html", html.encode("utf-8")))
            written.append(write_bytes(out / f"{stem}.pdf", workbook_pdf(html, out.resolve())))
    except OSError as exc:
        raise ExportError(f"cannot write to {out}: {exc}") from exc
    return written
