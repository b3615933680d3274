"""What the report finds, and the target figures a question bank is held to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: Share of true/false statements keyed "juist" that a bank should stay within.
TRUE_SHARE = (0.4, 0.6)
#: At most this share of true/false statements may contain an absolute word such as "altijd".
ABSOLUTE_MAX_SHARE = 0.25
#: Statements with an absolute word should not go mostly one way: at most this share keyed "onjuist".
ABSOLUTE_MAX_FALSE = 2 / 3
#: At most this share of single-choice questions may have the correct option as the unique longest.
LONGEST_MAX_SHARE = 1 / 3
#: At most this share of single-choice questions may have the correct option in the same place.
POSITION_MAX_SHARE = 0.5
#: Feedback with fewer words than this says right or wrong but not why.
MIN_FEEDBACK_WORDS = 3
#: Objectives and competences need at least this many items addressing them (`--min-items`).
DEFAULT_MIN_ITEMS = 2

#: Every rule the report applies, in the order the guide explains them.
RULES = (
    "objective-coverage", "competence-coverage", "untagged", "truefalse-balance", "absolute-words",
    "longest-correct", "correct-position", "multiple-correct-counts", "feedback", "near-duplicate",
)


@dataclass(frozen=True, order=True)
class Finding:
    """One pattern a lecturer should look at: where, which rule, and what, why it matters and what to do."""

    file: str
    line: int
    rule: str
    message: str
    module: str = ""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.rule}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        """The finding as JSON data."""
        return {"file": self.file, "line": self.line, "rule": self.rule, "message": self.message,
                "module": self.module}


def share(part: int, whole: int) -> float | None:
    """`part / whole` rounded to three decimals, or None when there is nothing to divide."""
    return round(part / whole, 3) if whole else None


def percent(part: int, whole: int) -> str:
    """`part / whole` as a whole percentage, for messages."""
    return f"{round(100 * part / whole)} %" if whole else "-"


def listing(ids: list[str], limit: int = 6) -> str:
    """A short list of question ids for a message."""
    shown = ", ".join(ids[:limit])
    return shown + (f" and {len(ids) - limit} more" if len(ids) > limit else "")
