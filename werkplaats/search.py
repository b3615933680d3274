"""Dutch search: plural and singular find the same pages.

Material for MkDocs sends every query word to lunr as a prefix query ("word*"), which lunr never stems, and its
Dutch pipeline has no stemmer; Material 9 also has no hook to transform a query (custom search transforms were
removed in 9.0). What it does honour is the tokenizer's `separator`, applied to the index and to every query word
alike. So the separator below also cuts the common Dutch plural and inflection endings off the end of a word:

- a doubled consonant and -en (gesprekken -> gesprek, plannen -> plan, lessen -> les), stem of 3+ letters;
- -en, -s and -'s (gemeenten -> gemeente, mantelzorgers -> mantelzorger, thema's -> thema), stem of 4+ letters;
- a final -e after a consonant (gemeente -> gemeent, so it meets gemeenten), stem of 4+ letters.

The plugin sets it for a Dutch site whose search plugin has no separator of its own. The regular expression has no
capturing group and no `|` inside a group: Material's result highlighter splits the separator on `|`, drops its
lookarounds and nests the whole expression inside a group of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

_CHAR = r"[^\s\-]"
_END = r"(?![^\s\-])"  # followed by a separator or the end of the text
DOUBLED = "bdfgklmnprst"

DUTCH_SEPARATOR = "|".join([
    r"[\s\-]+",
    *(rf"(?<={_CHAR}{{2}}{c}){c}en{_END}" for c in DOUBLED),
    rf"(?<={_CHAR}{{4}})en{_END}",
    rf"(?<={_CHAR}{{4}})'?s{_END}",
    rf"(?<={_CHAR}{{3}}[^\s\-aeiouy])e{_END}",
])
#: What Material's search plugin uses when mkdocs.yml sets no separator (its English default, also for Dutch).
MATERIAL_DEFAULT = r"[\s\-]+"


def use_dutch_search(config: MkDocsConfig) -> bool:
    """Give the search plugin the Dutch separator when the site is Dutch and sets no separator of its own."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    options = getattr(search, "config", None)
    if options is None or not hasattr(options, "separator"):
        return False
    language = str(config.theme.get("language") or "")
    langs = options.get("lang") or [language]
    langs = [langs] if isinstance(langs, str) else langs
    if not any(str(lang).lower().startswith("nl") for lang in langs):
        return False
    if options.get("separator") not in (None, "", MATERIAL_DEFAULT):
        return False
    options["separator"] = DUTCH_SEPARATOR  # an item: Material reads self.config["separator"]
    # When the search plugin's on_config ran first (it comes first in mkdocs.yml), it has already copied its
    # options into the index it writes.
    index = getattr(getattr(search, "search_index", None), "config", None)
    if isinstance(index, dict) and "separator" in index:
        index["separator"] = DUTCH_SEPARATOR
    return True
