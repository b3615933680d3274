"""Answer-key patterns in one question bank: cues a test-wise student uses to score without knowing the subject.

Each rule takes a `Bank` and returns its figures (for the JSON) and its findings.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from werkplaats.report.bank import Bank
from werkplaats.report.findings import (
    ABSOLUTE_MAX_FALSE,
    ABSOLUTE_MAX_SHARE,
    LONGEST_MAX_SHARE,
    MIN_FEEDBACK_WORDS,
    POSITION_MAX_SHARE,
    TRUE_SHARE,
    Finding,
    listing,
    percent,
    share,
)

#: Words and phrases that make a statement absolute. Test-wise students reject such statements on sight, so they
#: only test knowledge when they are as often true as false.
ABSOLUTE_WORDS = (
    "altijd", "nooit", "alleen", "enige", "enkel", "uitsluitend", "zodra", "geen enkele", "geen enkel", "iedereen",
    "niemand", "moet", "moeten", "precies", "meteen", "volledig", "helemaal", "nergens", "overal", "allemaal",
    "onmogelijk", "zonder uitzondering", "in alle gevallen", "per definitie", "sluiten elkaar uit",
)
_ABSOLUTE = re.compile(r"\b(" + "|".join(sorted((re.escape(w) for w in ABSOLUTE_WORDS), key=len, reverse=True))
                       + r")\b", re.IGNORECASE)

Result = tuple[dict[str, Any], list[Finding]]


def absolute_words_in(text: str) -> list[str]:
    """The absolute words in a text, lowercased, each once, in order of appearance."""
    found: list[str] = []
    for match in _ABSOLUTE.finditer(" ".join(text.split())):
        word = match.group(1).lower()
        if word not in found:
            found.append(word)
    return found


def truefalse_balance(bank: Bank) -> Result:
    """Share of true/false statements keyed "juist"; a bank far from half-half rewards always giving one answer."""
    items = bank.of_type("truefalse")
    keyed_true = sum(1 for _, q in items if q.answer)
    total = len(items)
    figures = {"truefalse": total, "truefalse_true": keyed_true, "truefalse_true_share": share(keyed_true, total)}
    findings = []
    low, high = TRUE_SHARE
    # A small bank cannot always hit 40-60 % (3 statements give 33 % or 67 %): one apart from half is balanced too.
    if total >= 2 and not low <= keyed_true / total <= high and abs(2 * keyed_true - total) > 1:
        majority, count = ("juist", keyed_true) if keyed_true * 2 > total else ("onjuist", total - keyed_true)
        first = next(position for position, q in items if q.answer == (majority == "juist"))
        findings.append(Finding(
            bank.file, bank.line(first), "truefalse-balance",
            f"{keyed_true} of {total} true/false statements are keyed 'juist' ({percent(keyed_true, total)}); a "
            f"student who always answers '{majority}' scores {percent(count, total)} without knowing the subject; "
            f"rewrite statements until 40-60 % are true (turn a false claim into a true one, or the other way round)",
            bank.module))
    return figures, findings


def absolute_words(bank: Bank) -> Result:
    """Absolute words in true/false statements, and which way those statements are keyed."""
    items = bank.of_type("truefalse")
    hits = [(position, q, absolute_words_in(q.text)) for position, q in items]
    hits = [hit for hit in hits if hit[2]]
    keyed_true = sum(1 for _, q, _ in hits if q.answer)
    keyed_false = len(hits) - keyed_true
    words = Counter(word for _, _, found in hits for word in found)
    figures = {"absolute_words": {
        "items": len(hits), "share": share(len(hits), len(items)), "keyed_true": keyed_true,
        "keyed_false": keyed_false, "words": dict(sorted(words.items())), "questions": [q.id for _, q, _ in hits],
    }}
    findings = []
    if len(hits) >= 2 and len(hits) / len(items) > ABSOLUTE_MAX_SHARE:
        findings.append(Finding(
            bank.file, bank.line(hits[0][0]), "absolute-words",
            f"{len(hits)} of {len(items)} true/false statements contain an absolute word "
            f"({', '.join(sorted(words))}) in {listing([q.id for _, q, _ in hits])}; such words are cues rather than "
            f"content; keep them to at most a quarter of the statements", bank.module))
    if len(hits) >= 2 and (keyed_true == 0 or keyed_false == 0 or keyed_false / len(hits) > ABSOLUTE_MAX_FALSE):
        side = "onjuist" if keyed_false >= keyed_true else "juist"
        first = next(position for position, q, _ in hits if q.answer == (side == "juist"))
        findings.append(Finding(
            bank.file, bank.line(first), "absolute-words",
            f"{max(keyed_true, keyed_false)} of the {len(hits)} statements with an absolute word are keyed "
            f"'{side}'; students learn that a word like 'altijd' or 'alleen' gives the answer away; write such "
            f"statements on both sides (also true ones), or leave the word out", bank.module))
    return figures, findings


def longest_correct(bank: Bank) -> Result:
    """Single-choice questions whose correct option is the unique longest, a cue test-wise students follow."""
    items = bank.of_type("single")
    longest = []
    for position, q in items:
        lengths = [len(option.text) for option in q.options]
        right = next(i for i, option in enumerate(q.options) if option.correct)
        if lengths[right] > max(length for i, length in enumerate(lengths) if i != right):
            longest.append((position, q))
    figures = {"single": len(items), "longest_correct": [q.id for _, q in longest],
               "longest_correct_share": share(len(longest), len(items))}
    findings = []
    if len(longest) >= 2 and len(longest) / len(items) > LONGEST_MAX_SHARE:
        findings.append(Finding(
            bank.file, bank.line(longest[0][0]), "longest-correct",
            f"in {len(longest)} of {len(items)} single-choice questions the correct option is the unique longest "
            f"({listing([q.id for _, q in longest])}); students who pick the longest option score without knowing "
            f"the subject; make distractors as precise as the answer, or shorten the answer (at most a third)",
            bank.module))
    return figures, findings


def correct_position(bank: Bank) -> Result:
    """Where the correct option stands in single-choice questions, before any shuffling."""
    items = bank.of_type("single")
    places = Counter(next(i for i, o in enumerate(q.options) if o.correct) + 1 for _, q in items)
    figures = {"correct_positions": {str(place): count for place, count in sorted(places.items())}}
    findings = []
    if len(items) >= 4:
        place, count = max(sorted(places.items()), key=lambda entry: entry[1])
        if count / len(items) > POSITION_MAX_SHARE:
            first = next(position for position, q in items if q.options[place - 1].correct)
            findings.append(Finding(
                bank.file, bank.line(first), "correct-position",
                f"the correct option is option {place} in {count} of {len(items)} single-choice questions; on paper, "
                f"in LMS exports and with `shuffle: false` the order is kept, so the place gives the answer away; "
                f"vary where the correct option stands", bank.module))
    return figures, findings


def multiple_correct_counts(bank: Bank) -> Result:
    """How many options are correct in multiple-response questions; a fixed number is a pattern to exploit."""
    items = bank.of_type("multiple")
    counts = [(position, q, sum(o.correct for o in q.options)) for position, q in items]
    figures = {"multiple": len(items), "multiple_correct_counts": {
        str(n): k for n, k in sorted(Counter(n for _, _, n in counts).items())}}
    findings = []
    if len(counts) >= 2 and len({n for _, _, n in counts}) == 1:
        n = counts[0][2]
        findings.append(Finding(
            bank.file, bank.line(counts[0][0]), "multiple-correct-counts",
            f"all {len(counts)} multiple-response questions have {n} correct option{'s' if n != 1 else ''}; a "
            f"student who learns the pattern picks {n} and guesses well; vary the number of correct options "
            f"from 1 to one less than the number of options", bank.module))
    for position, q, n in counts:
        if n == len(q.options):
            findings.append(Finding(
                bank.file, bank.line(position), "multiple-correct-counts",
                f"`{q.id}`: all {n} options are correct; ticking everything scores without thinking; add an option "
                f"that is plausible but wrong", bank.module))
    return figures, findings


def _short(text: str) -> bool:
    return len(text.split()) < MIN_FEEDBACK_WORDS


def feedback(bank: Bank) -> Result:
    """Options and questions without feedback that explains: the explanation is where a learner learns."""
    findings = []
    missing = 0
    for position, q in enumerate(bank.questions):
        what = ""
        line = bank.line(position)
        if q.type in ("single", "multiple"):
            short = [i for i, o in enumerate(q.options) if _short(o.feedback)]
            if short:
                line = bank.line(position, "options", short[0])
                numbers = ", ".join(str(i + 1) for i in short)
                what = f"the feedback of option{'s' if len(short) > 1 else ''} {numbers} does not explain"
        elif q.type == "truefalse":
            names = [f"`{name}`" for name in ("feedback_true", "feedback_false") if _short(getattr(q, name))]
            if names:
                what = f"{' and '.join(names)} {'does' if len(names) == 1 else 'do'} not explain"
        elif q.type == "fill" and _short(q.feedback_incorrect):
            what = "`feedback_incorrect` does not explain"
        elif q.type in ("matching", "ordering") and _short(q.feedback):
            what = "the question has no `feedback` that explains the key"
        if what:
            missing += 1
            findings.append(Finding(
                bank.file, line, "feedback",
                f"`{q.id}`: {what} (fewer than {MIN_FEEDBACK_WORDS} words); a learner sees right or wrong but not "
                f"why, and the why is where the learning is; write a sentence on why", bank.module))
    return {"without_feedback": missing}, findings


RULES = (truefalse_balance, absolute_words, longest_correct, correct_position, multiple_correct_counts, feedback)


def bank_patterns(bank: Bank) -> Result:
    """All answer-key rules on one bank: merged figures and findings."""
    figures: dict[str, Any] = {}
    findings: list[Finding] = []
    for rule in RULES:
        part, found = rule(bank)
        figures.update(part)
        findings.extend(found)
    return figures, findings
