"""The package's JavaScript and CSS as the browser gets them: one script and one stylesheet, minified.

The readable sources are the files in `werkplaats/assets/`. `make assets` concatenates them in the order of `BUNDLES`
and minifies them with terser (JavaScript: compress and mangle local names) and lightningcss (CSS), both pinned in
`tests/package.json`, into `werkplaats/assets/dist/`. Those two files are committed and are what the site, the SCORM
package and the Common Cartridge ship, so building a site never needs Node; `tests/test_assets.py` fails when they
no longer match their sources. One script and one stylesheet also mean two requests for a page, and one download
for a whole visit (Material's instant navigation keeps them).

    python -m werkplaats.minify --tools tests/.npm/node_modules/.bin            # rewrite assets/dist/
    python -m werkplaats.minify --tools tests/.npm/node_modules/.bin --check    # exit 1 when dist/ is stale
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
from pathlib import Path

ASSETS = Path(__file__).parent / "assets"
DIST = ASSETS / "dist"

#: What goes into each shipped file, in order. werkplaats.js comes first: the other scripts use its API
#: (`window.werkplaats`); each source is an IIFE of its own, so concatenating them changes no scope.
BUNDLES: dict[str, tuple[str, ...]] = {
    "werkplaats.js": ("werkplaats.js", "dialogue.js", "exam.js", "pop.js"),
    "werkplaats.css": ("werkplaats.css", "pop.css", "exam.css", "dialogue.css"),
}

#: terser: compress and mangle (no property mangling: the HTML contract and the store use the names as written),
#: no comments kept. lightningcss: minify only, no browser targets, so no syntax is lowered or prefixed.
TERSER_ARGS = ("--compress", "--mangle", "--comments", "false")
LIGHTNINGCSS_ARGS = ("--minify",)


def shipped_files() -> dict[str, Path]:
    """The files a page loads, by their name in the site's `assets/werkplaats/`, in the order of `BUNDLES`."""
    return {name: DIST / name for name in BUNDLES}


def shipped(name: str) -> bytes:
    """The bytes of one shipped file (`werkplaats.js` or `werkplaats.css`)."""
    return (DIST / name).read_bytes()


def source(name: str) -> bytes:
    """The concatenated, unminified sources of one shipped file."""
    return b"\n".join((ASSETS / part).read_bytes() for part in BUNDLES[name])


def build(tools: Path) -> dict[str, bytes]:
    """Minify each bundle with the Node tools in `tools` (a `node_modules/.bin`); raises RuntimeError on failure."""
    commands = {
        "werkplaats.js": [str(tools / "terser"), *TERSER_ARGS],
        "werkplaats.css": [str(tools / "lightningcss"), *LIGHTNINGCSS_ARGS],
    }
    result: dict[str, bytes] = {}
    for name, command in commands.items():
        try:
            done = subprocess.run(command, input=source(name), capture_output=True, check=False)
        except OSError as exc:
            raise RuntimeError(f"{command[0]}: {exc.strerror}; run `make npm-deps` first") from None
        if done.returncode != 0:
            raise RuntimeError(f"{command[0]} failed on {name}: {done.stderr.decode(errors='replace').strip()}")
        result[name] = done.stdout.rstrip(b"\n") + b"\n"
    return result


def gzipped_size(files: dict[str, Path] | None = None) -> dict[str, int]:
    """Gzipped bytes (level 9) of each shipped file (or of `files`, by name) and their `total`: what a first visit
    downloads."""
    files = shipped_files() if files is None else files
    sizes = {name: len(gzip.compress(path.read_bytes(), 9, mtime=0)) for name, path in files.items()}
    sizes["total"] = sum(sizes.values())
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m werkplaats.minify", description=__doc__.split("\n\n")[0])
    parser.add_argument("--tools", type=Path, required=True, help="node_modules/.bin with terser and lightningcss")
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 when assets/dist/ is stale")
    args = parser.parse_args(argv)
    try:
        built = build(args.tools)
    except RuntimeError as exc:
        print(f"werkplaats.minify: {exc}", file=sys.stderr)
        return 2
    stale = [name for name, data in built.items() if not (DIST / name).is_file() or shipped(name) != data]
    if args.check:
        for name in stale:
            print(f"werkplaats/assets/dist/{name} is older than its sources: run `make assets`", file=sys.stderr)
        return 1 if stale else 0
    DIST.mkdir(exist_ok=True)
    for name in stale:
        (DIST / name).write_bytes(built[name])
    sizes = gzipped_size()
    print(", ".join(f"{name} {size:,} B" for name, size in sizes.items()) + " (gzip -9)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
