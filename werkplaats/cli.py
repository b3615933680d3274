"""The `werkplaats` command: check, report, new, init, schema, export and bench."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from werkplaats.content import load_project
from werkplaats.content.references import find_root


def _root(args: argparse.Namespace) -> Path:
    return Path(args.root).resolve() if args.root else find_root(Path.cwd())


def cmd_check(args: argparse.Namespace) -> int:
    """Validate all content without building; exit 1 when there are problems (or, with --strict-quality, findings)."""
    project = load_project(_root(args))
    problems = sorted(set(project.problems))
    findings = []
    if args.strict_quality and not problems:
        from werkplaats.report import quality_findings

        findings = quality_findings(project, min_items=args.min_items)
    if args.format == "json":
        data = {
            "ok": not problems and not findings,
            "errors": [{"file": p.file, "line": p.line, "message": p.message} for p in problems],
            "counts": project.counts(),
        }
        if args.strict_quality:
            data["findings"] = [finding.as_dict() for finding in findings]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            print(problem)
        for finding in findings:
            print(finding)
        counts = ", ".join(f"{n} {kind}" for kind, n in project.counts().items())
        from werkplaats.export.media import media_warnings  # exports: question images they cannot pack

        for warning in media_warnings(_root(args), project):
            print(f"warning: {warning}", file=sys.stderr)
        sys.stdout.flush()
        if problems:
            print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found ({counts})", file=sys.stderr)
        elif findings:
            print(f"content valid, but {len(findings)} quality finding{'s' if len(findings) != 1 else ''} "
                  f"(--strict-quality); see `werkplaats report`", file=sys.stderr)
        else:
            print(f"content OK: {counts}", file=sys.stderr)
    return 1 if problems or findings else 0


def cmd_report(args: argparse.Namespace) -> int:
    """Item-quality figures and findings of the question banks; exit 0 (it informs), 1 when the content is invalid."""
    from werkplaats.report import ReportError, build_report
    from werkplaats.report.output import render_html, render_json, render_text

    project = load_project(_root(args))
    if project.problems:
        for problem in sorted(set(project.problems)):
            print(problem)
        print("werkplaats report: the content has problems; fix them first (see `werkplaats check`)", file=sys.stderr)
        return 1
    try:
        report = build_report(project, args.modules, min_items=args.min_items)
    except ReportError as exc:
        print(f"werkplaats report: {exc}", file=sys.stderr)
        return 2
    render = {"json": render_json, "text": render_text, "html": render_html}[args.format]
    print(render(report))
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    """Write a valid skeleton for a new item."""
    from werkplaats.content.skeleton import SkeletonError, write_skeleton

    try:
        written = write_skeleton(_root(args), args.type, args.id)
    except SkeletonError as exc:
        print(f"werkplaats new: {exc}", file=sys.stderr)
        return 2
    for path in written:
        print(path)
    if args.type == "unit":
        module, unit = args.id.split("/", 1)
        print(f"now add `{unit}` to `units:` in modules/{module}/index.md", file=sys.stderr)
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    """Write a small working project into a new or empty folder."""
    from werkplaats.init import InitError, init_project

    try:
        written = init_project(Path(args.dir))
    except InitError as exc:
        print(f"werkplaats init: {exc}", file=sys.stderr)
        return 2
    for path in written:
        print(path)
    print(f"a new project in {args.dir}: cd there, then `werkplaats check` and `mkdocs build --strict` "
          "(see its README.md)", file=sys.stderr)
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    """Write JSON Schemas for all content types."""
    from werkplaats.content.schema import vscode_settings, write_schemas

    out = Path(args.out)
    for path in write_schemas(out):
        print(path)
    print("VS Code (YAML extension) settings.json:", file=sys.stderr)
    print(json.dumps(vscode_settings(out), indent=2), file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Export modules for an LMS or for print."""
    from werkplaats.export import ExportError, ExportOptions, run_export

    options = ExportOptions(attempts=args.attempts, answers=args.answers, partial=args.partial)
    try:
        for path in run_export(_root(args), args.format, args.modules, Path(args.out) if args.out else None,
                               options=options):
            print(path)
    except ExportError as exc:
        print(f"werkplaats export: {exc}", file=sys.stderr)
        return 2
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    """Measure the build against plain mkdocs-material, or (`--serve`) the live-reload time of one edit."""
    if args.serve:
        from werkplaats.bench_serve import run_serve_bench

        return run_serve_bench(pages=args.pages, output_format=args.format, edits=args.edits)
    from werkplaats.bench import run_bench

    return run_bench(pages=args.pages, output_format=args.format, repeat=args.repeat)


def _min_items(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number of 0 or more, got `{value}`")
    return number


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the `werkplaats` command."""
    from werkplaats.content.models import TYPES

    parser = argparse.ArgumentParser(prog="werkplaats", description="Content tools for a werkplaats site.")
    parser.add_argument("--root", help="project folder (default: the nearest folder with mkdocs.yml)")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="validate all content without building")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--strict-quality", action="store_true",
                       help="also fail (exit 1) on the findings of `werkplaats report`")
    check.add_argument("--min-items", type=_min_items, default=2, metavar="N",
                       help="with --strict-quality: items each objective and competence needs (default 2)")
    check.set_defaults(func=cmd_check)

    report = sub.add_parser("report", help="item quality of the question banks: coverage and answer-key patterns")
    report.add_argument("modules", nargs="*", metavar="MODULE_ID", help="modules to report on (default: all)")
    report.add_argument("--format", choices=("text", "json", "html"), default="text")
    report.add_argument("--min-items", type=_min_items, default=2, metavar="N",
                        help="objectives and competences with fewer items are findings (default 2)")
    report.set_defaults(func=cmd_report)

    new = sub.add_parser("new", help="write a valid skeleton for a new item")
    new.add_argument("type", choices=[*TYPES, "unit"], help="content type")
    new.add_argument("id", help="the new id (for a unit: MODULE/ID)")
    new.set_defaults(func=cmd_new)

    init = sub.add_parser("init", help="start a new project: a small working site in a new or empty folder")
    init.add_argument("dir", help="the folder to create (it must not exist, or be empty)")
    init.set_defaults(func=cmd_init)

    schema = sub.add_parser("schema", help="write JSON Schemas for editors")
    schema.add_argument("--out", default="schemas", help="folder to write to (default: schemas)")
    schema.set_defaults(func=cmd_schema)

    export = sub.add_parser("export", help="export modules: scorm, cc, qti, moodle, brightspace or print")
    export.add_argument("format", choices=("scorm", "cc", "qti", "moodle", "brightspace", "print"))
    export.add_argument("modules", nargs="*", metavar="MODULE_ID")
    export.add_argument("--out", help="output folder (default: dist/FORMAT)")
    export.add_argument("--attempts", choices=("best", "last"), default="best",
                        help="scorm: the best attempt stands (default) or the last attempt counts")
    export.add_argument("--answers", choices=("separate", "appended"), default="separate",
                        help="print: the answer key as a separate file for the lecturer (default) or at the end")
    export.add_argument("--partial", action="store_true",
                        help="moodle: partial credit and a retry penalty instead of all-or-nothing per question")
    export.set_defaults(func=cmd_export)

    bench = sub.add_parser("bench", help="benchmark the build against plain mkdocs-material")
    bench.add_argument("--pages", type=int, default=1000)
    bench.add_argument("--format", choices=("text", "json"), default="text")
    bench.add_argument("--repeat", type=int, default=1,
                       help="build each site this many times, alternating, and keep the fastest (default 1)")
    bench.add_argument("--serve", action="store_true",
                       help="measure `make serve` instead: seconds from an edit of one case to the page served anew")
    bench.add_argument("--edits", type=int, default=5, help="with --serve: how many edits to time (default 5)")
    bench.set_defaults(func=cmd_bench)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
