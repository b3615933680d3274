"""The report of a project: figures per module and for the whole site, and every finding."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from werkplaats.content.errors import did_you_mean
from werkplaats.report.bank import Bank, bank_of
from werkplaats.report.coverage import Coverage, module_coverage, site_coverage
from werkplaats.report.duplicates import near_duplicates
from werkplaats.report.findings import DEFAULT_MIN_ITEMS, Finding, share
from werkplaats.report.patterns import bank_patterns

if TYPE_CHECKING:
    from werkplaats.content import Project


class ReportCache:
    """Results kept between the builds of one `mkdocs serve`: the near-duplicates, the costly part on a large site,
    are reused while no question bank changed (an edited case or unit changes only the coverage).
    """

    def __init__(self) -> None:
        self._duplicates: tuple[Any, list[Finding]] | None = None

    def duplicates(self, banks: list[Bank], selected: set[str] | None) -> list[Finding]:
        """The near-duplicate findings of these banks, computed again only when a bank's text changed."""
        key = (tuple((bank.module, bank.file, bank.text) for bank in banks),
               None if selected is None else frozenset(selected))
        if self._duplicates is None or self._duplicates[0] != key:
            self._duplicates = (key, near_duplicates(banks, selected))
        return list(self._duplicates[1])


class ReportError(ValueError):
    """The report was asked for something the project does not have (an unknown module id)."""


@dataclass
class Report:
    """Figures per module and for the site, and the findings sorted by file and line."""

    modules: dict[str, dict[str, Any]] = field(default_factory=dict)
    site: dict[str, Any] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    min_items: int = DEFAULT_MIN_ITEMS

    @property
    def ok(self) -> bool:
        """True when nothing was found."""
        return not self.findings

    def as_json(self) -> dict[str, Any]:
        """The report as JSON data (the shape of `werkplaats report --format json`)."""
        return {"ok": self.ok, "min_items": self.min_items, "modules": self.modules, "site": self.site,
                "findings": [finding.as_dict() for finding in self.findings]}


def build_report(project: Project, modules: list[str] | None = None, min_items: int = DEFAULT_MIN_ITEMS,
                 cache: ReportCache | None = None) -> Report:
    """Apply every rule to a loaded project without problems.

    Arguments:
        project: the project, as `load_project` gives it (with no problems).
        modules: ids of the modules to report on; None or empty for all (and the site-wide rules).
        min_items: objectives and competences need at least this many items addressing them.
        cache: results of an earlier report in this process (`mkdocs serve`), reused where nothing changed.

    Returns:
        The report.

    Raises:
        ReportError: a module id is not in the project.
    """
    for module_id in modules or ():
        if module_id not in project.modules:
            raise ReportError(f"no module with id `{module_id}`{did_you_mean(module_id, project.modules)}")
    selected = list(dict.fromkeys(modules)) if modules else sorted(project.modules)
    report = Report(min_items=min_items)
    index = Coverage(project)
    banks = {module_id: bank_of(project, project.modules[module_id]) for module_id in sorted(project.modules)}
    for module_id in selected:
        bank = banks[module_id]
        patterns, pattern_findings = bank_patterns(bank)
        coverage, coverage_findings = module_coverage(index, module_id, min_items)
        types: dict[str, int] = {}
        for question in bank.questions:
            types[question.type] = types.get(question.type, 0) + 1
        report.modules[module_id] = {"file": bank.file, "questions": len(bank.questions),
                                     "question_types": dict(sorted(types.items())), **coverage, **patterns}
        report.findings += pattern_findings + coverage_findings
    report.findings += (cache or ReportCache()).duplicates(list(banks.values()), set(modules) if modules else None)
    site, site_findings = site_coverage(index, min_items)
    if not modules:
        report.findings += site_findings
    report.site = _site_figures(report, site)
    report.findings.sort()
    counts = {module_id: 0 for module_id in report.modules}
    for finding in report.findings:
        if finding.module in counts:
            counts[finding.module] += 1
    for module_id, count in counts.items():
        report.modules[module_id]["findings"] = count
    return report


def _site_figures(report: Report, coverage: dict[str, Any]) -> dict[str, Any]:
    """Totals over the reported modules, and the site's competence coverage."""
    def total(key: str) -> int:
        return sum(module.get(key) or 0 for module in report.modules.values())

    keyed_true = total("truefalse_true")
    longest = sum(len(module["longest_correct"]) for module in report.modules.values())
    rules: dict[str, int] = {}
    for finding in report.findings:
        rules[finding.rule] = rules.get(finding.rule, 0) + 1
    return {
        "modules": len(report.modules), "questions": total("questions"),
        "truefalse": total("truefalse"), "truefalse_true_share": share(keyed_true, total("truefalse")),
        "single": total("single"), "longest_correct_share": share(longest, total("single")),
        "multiple": total("multiple"), "findings_by_rule": dict(sorted(rules.items())), **coverage,
    }


def quality_findings(project: Project, min_items: int = DEFAULT_MIN_ITEMS,
                     cache: ReportCache | None = None) -> list[Finding]:
    """Every finding of the whole project (what `check --strict-quality` and `strict_quality: true` fail on)."""
    return build_report(project, min_items=min_items, cache=cache).findings


def summary_line(findings: list[Finding]) -> str:
    """The one line a default build prints."""
    if not findings:
        return "werkplaats report: no findings in the question banks"
    count = len(findings)
    return f"werkplaats report: {count} finding{'s' if count != 1 else ''}, run `werkplaats report`"
