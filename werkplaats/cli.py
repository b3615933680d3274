"""The `werkplaats` command: check, new, schema, export and bench."""

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
    """Validate all content without building; exit 1 when there are problems."""
    project = load_project(_root(args))
    problems = sorted(set(project.problems))
    if args.format == "json":
        print(json.dumps({
            "ok": not problems,
            "errors": [{"file": p.file, "line": p.line, "message": p.message} for p in problems],
            "counts": project.counts(),
        }, ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            print(problem)
        counts = ", ".join(f"{n} {kind}" for kind, n in project.counts().items())
        sys.stdout.flush()
        if problems:
            print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found ({counts})", file=sys.stderr)
        else:
            print(f"content OK: {counts}", file=sys.stderr)
    return 1 if problems else 0


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


def cmd_schema(args: argparse.Namespace) -> int:
    """Write JSON Schemas for all content types."""
    from werkplaats.content.schema import write_schemas

    from werkplaats.content.schema import vscode_settings

    out = Path(args.out)
    for path in write_schemas(out):
        print(path)
    print("VS Code (YAML extension) settings.json:", file=sys.stderr)
    print(json.dumps(vscode_settings(out), indent=2), file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Export modules for an LMS or for print."""
    from werkplaats.export import ExportError, run_export

    try:
        if args.format == "pop":  # MODULE_ID arguments are competence ids here
            from werkplaats.export.pop import run_pop_export

            paths = run_pop_export(_root(args), args.modules, Path(args.out) if args.out else None)
        else:
            paths = run_export(_root(args), args.format, args.modules, Path(args.out) if args.out else None)
        for path in paths:
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


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the `werkplaats` command."""
    from werkplaats.content.models import TYPES

    parser = argparse.ArgumentParser(prog="werkplaats", description="Content tools for a werkplaats site.")
    parser.add_argument("--root", help="project folder (default: the nearest folder with mkdocs.yml)")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="validate all content without building")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.set_defaults(func=cmd_check)

    new = sub.add_parser("new", help="write a valid skeleton for a new item")
    new.add_argument("type", choices=[*TYPES, "unit"], help="content type")
    new.add_argument("id", help="the new id (for a unit: MODULE/ID)")
    new.set_defaults(func=cmd_new)

    schema = sub.add_parser("schema", help="write JSON Schemas for editors")
    schema.add_argument("--out", default="schemas", help="folder to write to (default: schemas)")
    schema.set_defaults(func=cmd_schema)

    export = sub.add_parser("export", help="export modules: scorm, qti, moodle or print; pop: paper self-assessment "
                                           "per competence (the ids are competence ids)")
    export.add_argument("format", choices=("scorm", "qti", "moodle", "print", "pop"))
    export.add_argument("modules", nargs="*", metavar="MODULE_ID")
    export.add_argument("--out", help="output folder (default: dist/FORMAT)")
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
