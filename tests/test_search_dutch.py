"""The Dutch search separator (werkplaats/search.py): set by the plugin for a Dutch site without a separator of its
own, written into the search index's config, and never over a site's own choice or on an English site. The browser
side (plural and singular typed into the real search box) is in tests/browser/test_browser_search.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from werkplaats.search import DUTCH_SEPARATOR

from support import build


def _index_separator(root: Path, search: dict, language: str = "nl") -> str:
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["language"] = language
    config["plugins"] = [{"search": search} if p == "search" or (isinstance(p, dict) and "search" in p) else p
                         for p in config["plugins"]]
    assert any(isinstance(p, dict) and "search" in p for p in config["plugins"]), config["plugins"]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    build(root)
    return json.loads((root / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))["config"][
        "separator"]


@pytest.mark.parametrize(("search", "language", "expected"), [
    ({"lang": "nl"}, "nl", DUTCH_SEPARATOR),
    ({}, "nl", DUTCH_SEPARATOR),
    ({"lang": "nl", "separator": "[\\s]+"}, "nl", "[\\s]+"),
    ({"lang": "en"}, "en", "[\\s\\-]+"),
])
def test_separator_in_the_index(site_root: Path, search: dict, language: str, expected: str) -> None:
    assert _index_separator(site_root, search, language) == expected


def words(text: str) -> list[str]:
    """What the separator leaves of a text, as Material's tokenizer splits it (Python's re agrees here)."""
    return [w for w in re.split(DUTCH_SEPARATOR, text) if w]


def test_what_the_separator_leaves() -> None:
    assert words("gesprekken plannen lessen wetten") == ["gesprek", "plan", "les", "wet"]
    assert words("mantelzorgers mantelzorger gemeenten gemeente thema's") == [
        "mantelzorger", "mantelzorger", "gemeent", "gemeent", "thema"]
    # Short words and a stem that would be too short keep their ending.
    assert words("wijken en zorgen bos") == ["wijk", "en", "zorg", "bos"]
    # No capturing group: Material's highlighter nests the separator inside a group of its own.
    assert re.compile(DUTCH_SEPARATOR).groups == 0
