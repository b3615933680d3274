"""Near-duplicate questions: the same question asked twice, in one module or across modules.

Texts are normalised (case, accents, punctuation, a leading "Stelling:") and compared as sets of three-word
shingles, confirmed by difflib's ratio over the words. To stay linear on large sites, only questions that share one
of their smallest shingle hashes (a bottom-k sketch, a form of MinHash) are compared, each with a few earlier ones.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
import zlib
from dataclasses import dataclass
from typing import Any

from werkplaats.report.bank import Bank
from werkplaats.report.findings import Finding

#: Texts this similar (difflib ratio over their words) are near-duplicates.
RATIO = 0.85
#: Shingle sets this similar (Jaccard) are near-duplicates even when words moved.
JACCARD = 0.7
#: Pairs below this Jaccard are not worth difflib's time.
JACCARD_FLOOR = 0.4
SKETCH = 4
HEADS = 8
_WORD = re.compile(r"[^\W_]+")


def normalise(text: str) -> str:
    """Lowercase words without accents or punctuation, without a leading "Stelling:"."""
    plain = text.lower()
    if not plain.isascii():
        plain = "".join(ch for ch in unicodedata.normalize("NFKD", plain) if not unicodedata.combining(ch))
    words = _WORD.findall(plain)
    if words[:1] == ["stelling"]:
        words = words[1:]
    return " ".join(words)


def question_text(question: Any) -> str:
    """What makes a question the same question: its text and its options, pairs or items."""
    parts = [question.text]
    if question.type in ("single", "multiple"):
        parts += sorted(option.text for option in question.options)
    elif question.type == "matching":
        parts += sorted(f"{pair.left} {pair.right}" for pair in question.pairs)
    elif question.type == "ordering":
        parts += list(question.items)
    return normalise(" ".join(parts))


def shingles(text: str) -> frozenset[int]:
    """Hashes of the three-word shingles of a normalised text (the words themselves for very short texts)."""
    words = text.split()
    grams = [" ".join(words[i:i + 3]) for i in range(len(words) - 2)] or words
    return frozenset(zlib.crc32(gram.encode()) for gram in grams)


@dataclass
class _Entry:
    bank: Bank
    position: int
    text: str
    shingles: frozenset[int]

    @property
    def question(self) -> Any:
        return self.bank.questions[self.position]

    def where(self) -> str:
        return f"{self.bank.file}:{self.bank.line(self.position)}"


def similar(a: _Entry, b: _Entry) -> float:
    """How alike two questions are (0 to 1), or 0 when they are clearly different."""
    union = len(a.shingles | b.shingles)
    jaccard = len(a.shingles & b.shingles) / union if union else 0.0
    if jaccard >= JACCARD:
        return jaccard
    if jaccard < JACCARD_FLOOR:
        return 0.0
    words_a, words_b = a.text.split(), b.text.split()
    if 2 * min(len(words_a), len(words_b)) / (len(words_a) + len(words_b)) <= RATIO:
        return 0.0  # the lengths alone rule it out (difflib's real_quick_ratio, without building a matcher)
    matcher = difflib.SequenceMatcher(None, words_a, words_b, autojunk=False)
    if matcher.quick_ratio() <= RATIO:
        return 0.0  # upper bounds of the ratio, much cheaper than the ratio itself
    ratio = matcher.ratio()
    return ratio if ratio > RATIO else 0.0


def near_duplicates(banks: list[Bank], selected: set[str] | None = None) -> list[Finding]:
    """A finding per question that nearly repeats an earlier one (in bank order, then question order).

    Arguments:
        banks: all banks of the project, so that a selected module is compared with every other.
        selected: module ids to report on (None: all); a pair is reported in the selected module.

    Returns:
        The findings, each at the later question of a pair (or the earlier, when only that one is selected).
    """
    entries = [_Entry(bank, position, text, shingles(text))
               for bank in banks for position, question in enumerate(bank.questions)
               if (text := question_text(question))]
    buckets: dict[int, list[int]] = {}
    findings: list[Finding] = []
    for index, entry in enumerate(entries):
        compared: set[int] = set()
        match: tuple[int, float] | None = None
        for key in sorted(entry.shingles)[:SKETCH]:
            heads = buckets.setdefault(key, [])
            for other in heads:
                if other in compared:
                    continue
                compared.add(other)
                score = similar(entries[other], entry)
                if score and (match is None or score > match[1]):
                    match = (other, score)
            if match is None and len(heads) < HEADS:
                heads.append(index)
        if match is not None:
            findings += _report(entries[match[0]], entry, match[1], selected)
    return findings


def _report(first: _Entry, later: _Entry, score: float, selected: set[str] | None) -> list[Finding]:
    for here, there in ((later, first), (first, later)):
        if selected is None or here.bank.module in selected:
            where = "in the same module" if here.bank.module == there.bank.module else f"in `{there.bank.module}`"
            return [Finding(
                here.bank.file, here.bank.line(here.position), "near-duplicate",
                f"`{here.question.id}` is nearly the same as `{there.question.id}` {where} ({there.where()}, "
                f"{round(100 * score)} % alike); a learner meets the same question twice and the quiz scores one "
                f"piece of knowledge double; rewrite one of them to test something else, or remove it",
                here.bank.module)]
    return []
