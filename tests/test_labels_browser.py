"""The browser's UI strings have one source, werkplaats/labels.py: every T("key") of werkplaats.js exists in Dutch
and English for the widget that uses it, and the JSON each template embeds is safe in a single-quoted attribute."""

from __future__ import annotations

import json
import re
from pathlib import Path

from werkplaats.labels import BROWSER, EN, NL, browser_json

JS = (Path(__file__).resolve().parents[1] / "werkplaats" / "assets" / "werkplaats.js").read_text(encoding="utf-8")


def test_every_key_the_script_uses_is_in_both_languages() -> None:
    used = set(re.findall(r'\bT\("(\w+)"', JS))
    used |= {f"{state}short" for state in ("passed", "failed")}  # T(state + "short")
    used |= {"correct", "incorrect", "unanswered", "open", "passed", "failed", "point", "rowok", "rowbad"}
    assert used, "the script takes its strings from T()"
    for language in ("nl", "en"):
        known = set().union(*BROWSER[language].values())
        assert not used - known, (language, sorted(used - known))
    assert {group: set(table) for group, table in BROWSER["nl"].items()} == \
        {group: set(table) for group, table in BROWSER["en"].items()}


def test_no_string_tables_left_in_the_script() -> None:
    assert "Nakijken" not in JS and "Je score" not in JS and "Your score" not in JS


def test_embedded_json_is_safe_in_an_attribute() -> None:
    for labels, language in ((NL, "nl"), (EN, "en")):
        for group in ("quiz", "instrument", "progress", "filter", "dialogue"):
            text = labels[f"js_{group}"]
            assert text == browser_json(language, group)
            assert not set("<>&'") & set(text)
            data = json.loads(text)
            assert data["repair"] and data["broken"]  # the core strings go with every group
