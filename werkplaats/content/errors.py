"""Problems found in content, and the error that carries them all at once."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake a lecturer can fix: where it is and what is expected instead."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class ContentError(Exception):
    """The content has problems; `problems` lists every one of them, sorted by file and line."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        count = len(self.problems)
        lines = "\n".join(str(problem) for problem in self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the content:\n{lines}")


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A suggestion like `; did you mean `goal`?`, or an empty string when nothing is close.

    Arguments:
        word: what was written.
        candidates: what would have been valid.

    Returns:
        The suggestion, ready to append to a message.
    """
    close = difflib.get_close_matches(str(word), [str(c) for c in candidates], n=1, cutoff=0.6)
    return f"; did you mean `{close[0]}`?" if close else ""
