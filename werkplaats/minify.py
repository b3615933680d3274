"""The package's JavaScript and CSS as the browser gets them: minified (comments and white space out).

The sources in `werkplaats/assets/` stay readable; the site (and the SCORM package) ships them through
`shipped()`, which uses rjsmin and rcssmin. Both are deterministic, so two builds stay byte-for-byte the same.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

import rcssmin
import rjsmin

ASSETS = Path(__file__).parent / "assets"


def shipped(path: Path) -> bytes:
    """The bytes of an asset as shipped: minified `.js` and `.css`, anything else as it is."""
    stat = path.stat()
    return _shipped(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _shipped(path: str, mtime_ns: int, size: int) -> bytes:
    text = Path(path).read_bytes()
    if path.endswith(".js"):
        return rjsmin.jsmin(text.decode("utf-8")).encode("utf-8")
    if path.endswith(".css"):
        return rcssmin.cssmin(text.decode("utf-8")).encode("utf-8")
    return text


def site_assets() -> list[Path]:
    """The assets every page of a site loads, in a fixed order."""
    return sorted(p for p in ASSETS.iterdir() if p.is_file() and p.suffix in (".js", ".css"))


def gzipped_size(paths: list[Path] | None = None) -> dict[str, int]:
    """Gzipped bytes (level 9) of the shipped assets: each file and `total` (all of them as one stream)."""
    paths = site_assets() if paths is None else paths
    sizes = {p.name: len(gzip.compress(shipped(p), 9, mtime=0)) for p in paths}
    sizes["total"] = len(gzip.compress(b"".join(shipped(p) for p in paths), 9, mtime=0))
    return sizes
