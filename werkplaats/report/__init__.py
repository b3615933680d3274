"""`werkplaats report`: item-quality figures and findings for the question banks of a project.

One module per concern: `bank` (a module's questions with their lines), `coverage` (objectives and competences
against the items that address them), `patterns` (answer-key cues), `duplicates` (near-duplicate questions),
`build` (the report) and `output` (text, JSON, HTML).
"""

from __future__ import annotations

from werkplaats.report.build import (
    Report,
    ReportCache,
    ReportError,
    build_report,
    quality_findings,
    summary_line,
)
from werkplaats.report.coverage import PRACTICE_KINDS, Address, items_for_competence, items_for_objective
from werkplaats.report.findings import DEFAULT_MIN_ITEMS, RULES, Finding

__all__ = [
    "DEFAULT_MIN_ITEMS", "PRACTICE_KINDS", "RULES", "Address", "Finding", "Report", "ReportCache", "ReportError",
    "build_report",
    "items_for_competence", "items_for_objective", "quality_findings", "summary_line",
]
