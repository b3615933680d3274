"""The report as text (findings first, then a table per module) or as a standalone HTML page."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from werkplaats.report.build import Report


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{round(100 * value)} %"


def render_json(report: Report) -> str:
    """Stable JSON (sorted keys, two-space indent)."""
    return json.dumps(report.as_json(), ensure_ascii=False, indent=2, sort_keys=True)


def render_text(report: Report) -> str:
    """Findings as `file:line: rule: message`, then the figures of each module and the site."""
    lines = [str(finding) for finding in report.findings]
    if lines:
        lines.append("")
    for module_id, m in report.modules.items():
        absolute = m["absolute_words"]
        counts = ", ".join(f"{n} correct: {k}" for n, k in m["multiple_correct_counts"].items()) or "-"
        lines += [
            f"{module_id} ({m['file']}): {m['questions']} questions, {m['findings']} findings",
            f"  true/false keyed true      {_pct(m['truefalse_true_share'])} of {m['truefalse']}",
            f"  absolute words (true/false) {absolute['items']} of {m['truefalse']} "
            f"(keyed true {absolute['keyed_true']}, false {absolute['keyed_false']})",
            f"  correct option longest     {_pct(m['longest_correct_share'])} of {m['single']}",
            "  correct option position    "
            + (", ".join(f"{p}: {k}" for p, k in m["correct_positions"].items()) or "-"),
            f"  multiple response          {counts}",
            "  objectives                 " + ", ".join(f"{o['number']}: {len(o['items'])}" for o in m["objectives"]),
            "  competences                " + (", ".join(f"{c}: {len(i)}" for c, i in m["competences"].items()) or "-"),
        ]
    site = report.site
    lines.append(f"site: {site['questions']} questions in {site['modules']} modules; true/false keyed true "
                 f"{_pct(site['truefalse_true_share'])}; correct option longest {_pct(site['longest_correct_share'])}; "
                 f"{len(report.findings)} findings")
    return "\n".join(lines)


def render_html(report: Report, templates: Path | None = None) -> str:
    """A standalone HTML page (no scripts, nothing from other hosts) with the same content as the text."""
    from werkplaats.render import make_environment

    env = make_environment(templates)
    return env.get_template("report/report.html").render(report=report, pct=_pct)
