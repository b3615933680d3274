"""Search: the filter widgets stay out of the index, and a plural finds the pages of its singular (the Dutch
separator the plugin gives a site that sets none, typed into Material's real search box)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from mkdocs.config import load_config
from wp_variant import ROOT, variant

PAGES = {
    "zorg.md": "# Zorg thuis\n\nDe mantelzorg in de wijk groeit.\n",
    "helper.md": "# Een helper\n\nEen mantelzorger helpt een buurvrouw in een andere gemeente.\n",
    "helpers.md": "# Helpers\n\nVeel mantelzorgers zijn overbelast, zeggen de gemeenten.\n",
    "positie.md": "# Sterk staan\n\nEen sterke positie voor de thema's van de buurt.\n",
    "gesprek.md": "# Aan tafel\n\nHet eerste gesprek met een plan van de wijkcoach.\n",
    "gesprekken.md": "# Aan tafels\n\nDrie gesprekken en twee plannen in de wijk.\n",
}


def search(page: object, url: str, words: str) -> list[str]:
    page.goto(url)
    page.wait_for_function("() => document.querySelector('.md-search-result__meta')")
    page.keyboard.press("/")
    box = page.locator(".md-search__input")
    box.fill("")
    box.press_sequentially(words, delay=10)
    page.wait_for_function("() => !/Typ|Type|Initial|Zoek/.test(document.querySelector('.md-search-result__meta')"
                           ".textContent) || document.querySelectorAll('.md-search-result__item').length > 0")
    page.wait_for_timeout(300)
    return sorted(a.replace(url, "") for a in page.eval_on_selector_all(
        ".md-search-result__item > a", "as => as.map(a => a.href)"))


def test_filter_widgets_are_not_in_the_search_index(site_dir: Path) -> None:
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    overview = [doc for doc in index["docs"] if doc["location"].startswith("methodieken/")
                and "#" not in doc["location"] and doc["location"].count("/") == 1]
    assert overview, "the methods overview is indexed"
    text = " ".join(doc["text"] for doc in overview)
    assert "Netwerk" in (site_dir / "methodieken" / "index.html").read_text(encoding="utf-8")
    assert "Alle" not in text and "getoond" not in text and "Thema" not in text


def test_plural_and_singular_find_the_same_pages(browser: object, tmp_path: Path) -> None:
    real = load_config(str(ROOT / "mkdocs.yml"))["plugins"]["material/search"].config
    assert not real.separator, "the site leaves the separator to the plugin"
    with variant(tmp_path) as site:
        config = yaml.safe_load(site.read("mkdocs.yml"))
        config["plugins"][0] = {"search": {"lang": real.lang}}
        config["nav"] += [{name: f"{name}"} for name in PAGES]
        site.write("mkdocs.yml", yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
        for name, text in PAGES.items():
            site.write(f"docs/{name}", text)
        site.build()
        context = browser.new_context(locale="nl-NL")
        page = context.new_page()
        page.set_default_timeout(10_000)
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))  # e.g. the highlighter's own RegExp
        found = {word: search(page, site.url, word) for word in (
            "mantelzorgers", "mantelzorger", "gemeenten", "gemeente", "thema", "thema's", "posities", "positie",
            "gesprekken", "gesprek", "plannen", "plan", "mantelzorg")}
        marks = page.eval_on_selector_all(".md-search-result mark", "ms => ms.map(m => m.textContent)")
        context.close()
    assert not errors, errors
    assert "mantelzorg" in marks  # the last search's results are highlighted
    assert found["mantelzorgers"] == found["mantelzorger"] == ["helper/", "helpers/"]
    # "mantelzorg" (the care) is another word than "mantelzorger" (the carer): as a prefix it finds both.
    assert found["mantelzorg"] == ["helper/", "helpers/", "zorg/"]
    assert found["gemeenten"] == found["gemeente"] == ["helper/", "helpers/"]
    assert "positie/" in found["thema"] and found["thema"] == found["thema's"]
    assert found["posities"] == found["positie"] == ["positie/"]
    # A doubled consonant before -en: the plural finds the singular's pages.
    assert found["gesprekken"] == found["gesprek"] and {"gesprek/", "gesprekken/"} <= set(found["gesprek"])
    assert found["plannen"] == found["plan"] and {"gesprek/", "gesprekken/"} <= set(found["plan"])
