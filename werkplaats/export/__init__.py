"""Exports of modules: SCORM 1.2, IMS Common Cartridge 1.1 and QTI 2.1 packages, Moodle XML, a Brightspace
question library CSV and a printable workbook.

Each format is one module with a function `export_module(ctx, content, out) -> list[Path]`; this module chooses
the modules, refuses content with problems, shows progress and turns every failure into an `ExportError`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING

from werkplaats.content import load_project
from werkplaats.content.errors import ContentError, did_you_mean
from werkplaats.export.common import ExportContext, ExportError, ExportOptions, Progress

if TYPE_CHECKING:
    from werkplaats.content import ModuleContent

__all__ = ["FORMATS", "ExportError", "ExportOptions", "run_export"]

#: Format name to the module that writes it.
FORMATS = {"scorm": "werkplaats.export.scorm", "cc": "werkplaats.export.cc", "qti": "werkplaats.export.qti",
           "moodle": "werkplaats.export.moodle", "brightspace": "werkplaats.export.brightspace",
           "print": "werkplaats.export.workbook"}


def _exporter(fmt: str) -> Callable[[ExportContext, ModuleContent, Path], list[Path]]:
    import importlib

    return importlib.import_module(FORMATS[fmt]).export_module


def run_export(root: Path, fmt: str, module_ids: list[str], out: Path | None = None, *,
               progress: IO[str] | None = None, options: ExportOptions | None = None) -> list[Path]:
    """Export modules of the project at `root` in one format.

    Arguments:
        root: the project folder (the one with mkdocs.yml).
        fmt: one of `FORMATS`.
        module_ids: the modules to export, in this order; all modules (by id) when empty.
        out: the output folder; `root/dist/<fmt>` when None.
        progress: where the progress bar goes; stderr when None.
        options: what the lecturer chose (attempt policy, answer key, partial credit); the defaults when None.

    Returns:
        The files written, in the order of the modules.

    Raises:
        ExportError: an unknown format or module, content with problems, or a module that cannot be exported.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format `{fmt}`{did_you_mean(fmt, FORMATS)}; choose one of: {', '.join(FORMATS)}")
    root = Path(root)
    project = load_project(root)
    if project.problems:
        raise ExportError(f"nothing exported: {ContentError(project.problems)}\n"
                          "fix these first (`werkplaats check` lists them too)")
    if not project.modules:
        raise ExportError(f"no modules to export: {root / 'modules'} holds no module folder")
    chosen: list[str] = []
    for module_id in module_ids or sorted(project.modules):
        if module_id not in project.modules:
            raise ExportError(f"no module `{module_id}`{did_you_mean(module_id, project.modules)}; "
                              f"the modules are: {', '.join(sorted(project.modules))}")
        if module_id not in chosen:
            chosen.append(module_id)
    if fmt == "print":  # before anything is written: without WeasyPrint there would be HTML but no PDF
        from werkplaats.export.workbook import require_weasyprint

        require_weasyprint()
    out = Path(out) if out is not None else root / "dist" / fmt
    exporter = _exporter(fmt)
    ctx = ExportContext.create(root, project, options)
    bar = Progress(f"export {fmt}", len(chosen), progress)
    written: list[Path] = []
    try:
        for module_id in chosen:
            bar.step(module_id)
            try:
                written += exporter(ctx, project.modules[module_id], out)
            except ExportError as exc:
                raise ExportError(f"module `{module_id}`: {exc}") from exc
            except OSError as exc:
                raise ExportError(f"module `{module_id}`: cannot write to {out}: {exc}") from exc
    finally:
        bar.close()
    return written
