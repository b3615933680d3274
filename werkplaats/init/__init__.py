"""`werkplaats init DIR`: write a small working project into an empty or new folder.

The project is the folder `skeleton/` next to this file (package data): mkdocs.yml with the plugin, a home page,
`macros/`, a README, a `.gitignore` and one valid example of every content type, including a module with units and
a question bank. It builds with `mkdocs build --strict` and passes `werkplaats check` as it is.

Two names are stored differently in the package, because packaging tools skip dotfiles and would take a
`macros/__init__.py` for a subpackage: `dot-NAME` is written as `.NAME`, and a trailing `.in` is dropped.

Adding a content type: put one example of it into `skeleton/` (in the folder of its type, see
`werkplaats.content.models.TYPES`) and refer to it from the other examples where that is natural;
`tests/test_init.py` fails while a type has no example.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

SKELETON = "skeleton"


class InitError(Exception):
    """The project cannot be written (the folder is not empty, or it cannot be created)."""


def _target_name(name: str) -> str:
    if name.startswith("dot-"):
        name = "." + name[len("dot-"):]
    if name.endswith(".in"):
        name = name[: -len(".in")]
    return name


def _walk(folder: Traversable, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Traversable]]:
    found: list[tuple[tuple[str, ...], Traversable]] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name == "__pycache__":
            continue
        path = (*prefix, _target_name(entry.name))
        if entry.is_dir():
            found += _walk(entry, path)
        else:
            found.append((path, entry))
    return found


def skeleton_files() -> dict[str, bytes]:
    """The files of a new project: path in the project (POSIX) -> content."""
    root = resources.files(__name__).joinpath(SKELETON)
    return {"/".join(path): entry.read_bytes() for path, entry in _walk(root)}


def init_project(target: Path) -> list[Path]:
    """Write a new project into `target` (created if needed; it must be empty) and return the files written.

    Arguments:
        target: the folder of the new project.

    Returns:
        The paths written, sorted.

    Raises:
        InitError: `target` is a file or a folder that is not empty, or it cannot be written.
    """
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise InitError(f"{target} is a file; give the name of a new or empty folder")
    if target.is_dir() and any(target.iterdir()):
        raise InitError(f"{target} is not empty; give the name of a new or empty folder (nothing was written)")
    files = skeleton_files()
    written: list[Path] = []
    try:
        target.mkdir(parents=True, exist_ok=True)
        for name, data in sorted(files.items()):
            path = target / name
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("xb") as handle:  # never over an existing file
                handle.write(data)
            written.append(path)
    except OSError as exc:
        raise InitError(f"cannot write the project into {target}: {exc}") from exc
    return written
