"""Compare two builds of a site file by file: `python -m werkplaats.sitediff SITE OTHER`.

Used by `make properdocs` to show that ProperDocs (the maintained MkDocs 1.x fork) builds the same pages as MkDocs.
The only thing allowed to differ is the generator named in each page's `<meta name="generator">`; gzip files are
compared by their content.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import gzip
import re
import sys
from pathlib import Path

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _content(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".gz":
        with contextlib.suppress(OSError, EOFError):
            data = gzip.decompress(data)
    if path.suffix in (".html", ".htm"):
        data = GENERATOR.sub(b'<meta name="generator" content="">', data)
    return data


def _files(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def compare_sites(site: Path, other: Path, *, context: int = 2, limit: int = 20) -> list[str]:
    """The differences between two built sites, one message per file (empty when they are the same).

    Arguments:
        site: one build.
        other: the other build.
        context: lines of context in the diff shown for a text file that differs.
        limit: at most this many diff lines per file.
    """
    problems: list[str] = []
    for folder in (site, other):
        if not folder.is_dir():
            return [f"{folder}: not a folder (build the site first)"]
    ours, theirs = _files(site), _files(other)
    problems += [f"{name}: only in {site}" for name in sorted(ours - theirs)]
    problems += [f"{name}: only in {other}" for name in sorted(theirs - ours)]
    for name in sorted(ours & theirs):
        a, b = _content(site / name), _content(other / name)
        if a == b:
            continue
        try:
            lines = difflib.unified_diff(a.decode().splitlines(), b.decode().splitlines(), str(site / name),
                                         str(other / name), n=context, lineterm="")
            shown = list(lines)[:limit]
            problems.append(f"{name}: differs\n" + "\n".join(shown))
        except UnicodeDecodeError:
            problems.append(f"{name}: differs ({len(a)} against {len(b)} bytes)")
    return problems


def main(argv: list[str] | None = None) -> int:
    """Print the differences; exit 1 when the sites differ."""
    parser = argparse.ArgumentParser(prog="python -m werkplaats.sitediff", description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("other", type=Path)
    args = parser.parse_args(argv)
    problems = compare_sites(args.site, args.other)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} file{'s' if len(problems) != 1 else ''} differ", file=sys.stderr)
        return 1
    print(f"{args.site} and {args.other}: the same {len(_files(args.site))} files", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
