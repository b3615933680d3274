"""Build into a staging folder and swap it in only when the build succeeded, so a failed build leaves the last
good site exactly as it was."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


class StagedSite:
    """A staging folder beside the real `site_dir`."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir.resolve()
        self.staging = self.site_dir.parent / f".site-staging-{os.getpid()}-{self.site_dir.name}"
        self.previous = self.site_dir.parent / f".site-previous-{os.getpid()}-{self.site_dir.name}"
        shutil.rmtree(self.staging, ignore_errors=True)

    def publish(self) -> None:
        """Replace the site with the staged build (two renames; the old site is removed afterwards)."""
        shutil.rmtree(self.previous, ignore_errors=True)
        if self.site_dir.exists():
            self.site_dir.rename(self.previous)
        self.staging.rename(self.site_dir)
        shutil.rmtree(self.previous, ignore_errors=True)

    def discard(self) -> None:
        """Throw the staged build away; the site stays as it was."""
        shutil.rmtree(self.staging, ignore_errors=True)
