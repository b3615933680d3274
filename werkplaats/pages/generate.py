"""Generate the Markdown of every content page, in memory (nothing is written into `docs/`).

Plain functions with no knowledge of MkDocs, so the plugin, the exports and the tests share them.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from werkplaats.content.macros import MacroCall, find_calls, replace_calls, uses_jinja
from werkplaats.content.models import LEVELS
from werkplaats.pages import pop
from werkplaats.pages.dialogue import dialogue_html, progress_entries
from werkplaats.pages.links import (
    GLOSSARY_PAGE,
    MATRIX_PAGE,
    PROGRESS_PAGE,
    REVIEW_PAGE,
    SECTIONS,
    Linker,
    expand_link_macros,
    md_href,
    page_of,
    quiz_page,
    unit_page,
    url_href,
)
from werkplaats.pages.relations import build_relations
from werkplaats.quiz.exam import exam_args
from werkplaats.quiz.render import QuizRenderer
from werkplaats.render import make_environment, md_block, to_json

if TYPE_CHECKING:
    from pathlib import Path

    from jinja2 import Environment

    from werkplaats.content import ModuleContent, Project
    from werkplaats.incremental import PageCache

PLURAL = {"method": "methods", "competence": "competences", "knowledge_circle": "knowledge_circles",
          "case": "cases", "instrument": "instruments", "module": "modules", "term": "terms",
          "dialogue": "dialogues"}
LADDER = ("own_strength", "network", "volunteer", "professional")
#: At most this many entries in one level of a section's navigation; larger sections are split into groups, so that
#: with `navigation.prune` every page carries a navigation of about the same size however much content there is.
NAV_GROUP = 24
_SLOT = re.compile(r"<p>WPSLOT([0-9a-f]{16})</p>")
_FILLED = re.compile(r'<div data-wp-slot="([0-9a-f]{16})"></div>')


def front_matter(title: str, description: str = "", **extra: Any) -> str:
    """YAML front matter for a generated page (JSON strings are valid YAML)."""
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}"]
    if description:
        lines.append(f"description: {json.dumps(description, ensure_ascii=False)}")
    for key, value in extra.items():
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines)


def chunk_nav(entries: list[dict[str, Any]], size: int = NAV_GROUP) -> list[dict[str, Any]]:
    """Split a long list of `{title: page}` nav entries into groups named after their first and last titles."""
    if len(entries) <= size:
        return entries
    count = -(-len(entries) // size)
    per_group = -(-len(entries) // count)
    groups = []
    for start in range(0, len(entries), per_group):
        part = entries[start:start + per_group]
        first, last = next(iter(part[0])), next(iter(part[-1]))
        groups.append({f"{first[:20]} – {last[:20]}": part})
    return chunk_nav(groups, size)


@dataclass
class PageSet:
    """Generated pages (`src_uri` to Markdown) and the navigation of each section."""

    pages: dict[str, str] = field(default_factory=dict)
    nav: dict[str, list[Any]] = field(default_factory=dict)


@dataclass
class Generator:
    """Renders the pages of one project with one set of labels."""

    project: Project
    labels: dict[str, str]
    use_directory_urls: bool = True
    templates: Path | None = None
    #: What an earlier build of the same `mkdocs serve` made and this one may reuse (compiled templates, rendered
    #: questions, item and module pages); owned by `werkplaats.incremental.ServeCache`.
    cache: PageCache | None = None
    env: Environment = field(init=False)

    def __post_init__(self) -> None:
        self.env = self.cache.env if self.cache is not None else make_environment(self.templates)
        self.linker = Linker(self.project, self.use_directory_urls)
        self.quiz = QuizRenderer(self.env, self.labels, self.linker,
                                 rendered=self.cache.rendered if self.cache is not None else {})
        self.relations = build_relations(self.project)
        #: Rendered quiz and instrument HTML by slot key; pages carry a small placeholder that the plugin
        #: replaces after Markdown, so Markdown's HTML parser never has to read these large blocks.
        self.slots: dict[str, str] = {}

    def slot(self, html: str) -> str:
        """A placeholder for `html`, to be filled in by `fill_slots` after the page is converted."""
        key = hashlib.sha1(html.encode()).hexdigest()[:16]
        self.slots[key] = html
        return f"WPSLOT{key}"

    def _embed(self, call: MacroCall, page: str) -> str | None:
        module_id, listed = call.ref, call.arg("ids")
        if module_id is None or isinstance(listed, str) or call.unknown_args():
            return None  # left to mkdocs-macros, which reports it
        if call.name == "questions":
            html = self.questions_html(module_id, list(listed or []), page)
        else:
            html = self.quiz_html(module_id, page)
        return f"\n\n{self.slot(html)}\n\n"

    def questions_html(self, module_id: str, ids: list[str], page: str) -> str:
        """Questions from a module's bank as an unscored self-check on any page (the `questions` macro).

        Raises:
            KeyError: the module or a question does not exist.
        """
        content = self.project.modules[module_id]
        by_id = {q.id: q for q in content.questions}
        missing = [q for q in ids if q not in by_id]
        if missing:
            raise KeyError(f"no question {', '.join(missing)} in module {module_id}")
        chosen = [by_id[q] for q in ids] if ids else list(content.questions)
        digest = hashlib.sha1(f"{page}|{module_id}|{','.join(q.id for q in chosen)}".encode()).hexdigest()[:8]
        return self.quiz.quiz(chosen, key=f"wp-check-{digest}", page=page, module=module_id,
                              title=self.labels["self_check"])

    def quiz_html(self, module_id: str, page: str) -> str:
        """A module's whole quiz, with its pass mark, on any page (the `quiz` macro).

        Raises:
            KeyError: the module does not exist.
        """
        content = self.project.modules[module_id]
        questions = content.quiz_questions()
        exam, intro = self.exam_args(content, questions, page)
        return self.quiz.quiz(questions, key=f"wp-quiz-{module_id}", page=page, module=module_id,
                              title=content.module.title, pass_mark=content.module.quiz.pass_mark, exam=exam,
                              intro=intro)

    def exam_args(self, content: ModuleContent, questions: list[Any], page: str) -> tuple[Any, Any]:
        """`exam_args` of a module test on `page`, with a link per question to the lesson that teaches it: the unit
        that uses it as a self-check, else the module page."""
        module_id = content.module.id
        taught: dict[str, tuple[str, str]] = {}
        for unit in content.units:
            for call in find_calls(unit.body, "embed"):
                if call.name != "questions" or call.ref != module_id:
                    continue
                listed = call.arg("ids")
                ids = listed if isinstance(listed, list) and listed else [q.id for q in content.questions]
                for question_id in ids:
                    taught.setdefault(question_id, (unit_page(module_id, unit.id), unit.title))
        home = (page_of("module", module_id)[0], content.module.title)
        units = {q.id: [self._href(page, target), title]
                 for q in questions for target, title in [taught.get(q.id, home)]}
        return exam_args(content.module, questions, self.labels, units)

    def mark_slots(self, html: str) -> str:
        """Turn the placeholders' paragraphs into empty elements (so the search index sees no text there)."""
        if "WPSLOT" not in html:
            return html
        return _SLOT.sub(lambda match: f'<div data-wp-slot="{match.group(1)}"></div>', html)

    def fill_slots(self, html: str) -> str:
        """Put the rendered HTML where `mark_slots` left its elements."""
        if "data-wp-slot" not in html:
            return html
        return _FILLED.sub(lambda match: self.slots.get(match.group(1), match.group(0)), html)

    # -- helpers -------------------------------------------------------------------------------------------------
    def _render(self, template: str, page: str, **context: Any) -> str:
        def link(kind: str, item_id: str, text: str | None = None) -> str:
            return self.linker.md(page, kind, item_id, text)

        markdown = self.env.get_template(f"pages/{template}").render(
            labels=self.labels, plural=PLURAL, link=link, levels=LEVELS, ladder_steps=LADDER, **context
        )
        # Expand our own macros here (a regex is far cheaper than a Jinja pass of mkdocs-macros per page).
        markdown = expand_link_macros(markdown, self.linker, page, markdown_links=True)
        markdown = replace_calls(markdown, lambda call: self._embed(call, page), "embed")
        if not uses_jinja(markdown) and markdown.startswith("---\n"):
            # Nothing for mkdocs-macros to do on this page: spare it a Jinja pass.
            markdown = "---\nrender_macros: false\n" + markdown[4:]
        return markdown

    def _href(self, page: str, target: str, anchor: str = "") -> str:
        return url_href(page, target, anchor, self.use_directory_urls)

    def _sorted(self, kind: str) -> list[Any]:
        items = self.project.items[kind].values()
        if kind == "knowledge_circle":
            return sorted(items, key=lambda item: (item.number, item.id))
        return sorted(items, key=lambda item: (item.title.lower(), item.id))

    # -- item pages ----------------------------------------------------------------------------------------------
    def item_page(self, kind: str, item: Any) -> tuple[str, str]:
        """The source URI and Markdown of one item's page."""
        page, _ = page_of(kind, item.id)
        context: dict[str, Any] = {
            "item": item, "rel": self.relations.get((kind, item.id), {}),
            "front_matter": front_matter(item.title, item.summary),
        }
        if kind == "instrument":
            context["form"] = self.slot(self.quiz.instrument(item, page=page))
        if kind == "competence":
            context["pop"] = self.slot(pop.competence_block(self, item, page))
        if kind == "dialogue":
            context["roles"] = ", ".join(item.roles.values())
            context["player"] = self.slot(dialogue_html(
                self.env, item, self.project, self.labels,
                lambda text: md_block(expand_link_macros(text, self.linker, page))))
        return page, self._render(f"{kind}.md", page, **context)

    def module_pages(self, content: ModuleContent) -> dict[str, str]:
        """The module page, its units and its quiz."""
        module = content.module
        index = page_of("module", module.id)[0]
        quiz = quiz_page(module.id)
        sequence = [(index, module.title)] + [(unit_page(module.id, u.id), u.title) for u in content.units]
        sequence.append((quiz, f"{self.labels['quiz']}: {module.title}"))
        pages: dict[str, str] = {}
        units = [{"title": u.title, "summary": u.summary, "href": md_href(index, unit_page(module.id, u.id))}
                 for u in content.units]
        audience = ", ".join(self.labels[f"audience_{a}"] for a in module.audience)
        study_load = f"{module.study_load:g}".replace(".", ",") if self.labels is not None else module.study_load
        pages[index] = self._render(
            "module.md", index, item=module, rel=self.relations.get(("module", module.id), {}),
            front_matter=front_matter(module.title, module.summary), units=units, audience=audience,
            study_load=study_load, question_count=len(content.quiz_questions()),
            quiz_href=md_href(index, quiz),
        )
        for position, unit in enumerate(content.units, start=1):
            page = unit_page(module.id, unit.id)
            pages[page] = self._render(
                "unit.md", page, unit=unit, module=module, position=position, total=len(content.units),
                module_url=md_href(page, index), front_matter=front_matter(unit.title, unit.summary),
                sequence=self._sequence(page, sequence),
            )
        pages[quiz] = self._render(
            "quiz.md", quiz, module=module, module_url=md_href(quiz, index),
            front_matter=front_matter(f"{self.labels['quiz']}: {module.title}", module.summary),
            form=self.slot(self.quiz_html(module.id, quiz)),
            sequence=self._sequence(quiz, sequence),
        )
        return pages

    def _sequence(self, page: str, sequence: list[tuple[str, str]]) -> str:
        position = [src for src, _ in sequence].index(page)
        previous = sequence[position - 1] if position > 0 else None
        following = sequence[position + 1] if position + 1 < len(sequence) else None

        def entry(pair: tuple[str, str] | None) -> dict[str, str] | None:
            return {"href": md_href(page, pair[0]), "title": pair[1]} if pair else None

        markdown = self.env.get_template("pages/sequence.md").render(
            labels=self.labels, previous=entry(previous), next=entry(following))
        return markdown.strip()

    # -- overview pages ------------------------------------------------------------------------------------------
    def index_page(self, kind: str) -> tuple[str, str]:
        """The overview of one type, with filters on theme (and audience and competence where they apply)."""
        page = f"{SECTIONS[kind]}/index.md"
        entries = []
        themes: set[str] = set()
        audiences: set[str] = set()
        competences: set[str] = set()
        for item in self._sorted(kind):
            rel = self.relations.get((kind, item.id), {})
            data = {"themes": "|".join(item.themes)}
            themes.update(item.themes)
            meta = ""
            if kind == "module":
                data["audience"] = "|".join(item.audience)
                audiences.update(item.audience)
                meta = f"{', '.join(self.labels[f'audience_{a}'] for a in item.audience)} · " \
                       f"{item.study_load:g} {self.labels['hours']}"
            if kind == "competence":
                meta = item.cluster
            if kind == "knowledge_circle":
                meta = item.theme
            if "competence" in rel and kind != "competence":
                data["competences"] = "|".join(rel["competence"])
                competences.update(rel["competence"])
            entries.append({"title": item.title, "summary": item.summary, "meta": meta, "data": data,
                            "href": self._href(page, page_of(kind, item.id)[0])})
        filters = []
        if len(themes) > 1:
            filters.append({"key": "themes", "label": self.labels["filter_theme"],
                            "values": [{"value": t, "label": t} for t in sorted(themes)]})
        if len(audiences) > 1:
            filters.append({"key": "audience", "label": self.labels["filter_audience"],
                            "values": [{"value": a, "label": self.labels[f"audience_{a}"]} for a in sorted(audiences)]})
        if competences:
            filters.append({"key": "competences", "label": self.labels["filter_competence"],
                            "values": [{"value": c, "label": self.linker.title("competence", c)}
                                       for c in sorted(competences, key=lambda c: self.linker.title("competence", c))]})
        extra = ""
        if kind == "competence" and self.project.items["module"]:
            extra = f"[{self.labels['matrix']}]({md_href(page, MATRIX_PAGE)})"
        title = self.labels[PLURAL[kind]]
        return page, self._render("index.md", page, title=title, intro="", entries=entries, filters=filters,
                                  list_id=f"wp-list-{SECTIONS[kind]}", extra=extra,
                                  front_matter=front_matter(title))

    def glossary_page(self) -> str:
        """All terms on one page, grouped by first letter, each with an anchor."""
        groups: dict[str, list[Any]] = {}
        for term in self._sorted("term"):
            letter = term.title[:1].upper()
            groups.setdefault(letter if letter.isalpha() else "#", []).append(term)
        see_also = {term.id: self.relations.get(("term", term.id), {}).get("term", [])
                    for term in self.project.items["term"].values()}
        return self._render("glossary.md", GLOSSARY_PAGE, groups=sorted(groups.items()), see_also=see_also,
                            front_matter=front_matter(self.labels["terms"]))

    def matrix_page(self) -> str:
        """The competence-by-module matrix for lecturers."""
        modules = self._sorted("module")
        rows = []
        for competence in self._sorted("competence"):
            trained = set(self.relations.get(("competence", competence.id), {}).get("module", []))
            rows.append({"title": competence.title,
                         "href": self._href(MATRIX_PAGE, page_of("competence", competence.id)[0]),
                         "cells": [module.id in trained for module in modules]})
        columns = [{"title": m.title, "href": self._href(MATRIX_PAGE, page_of("module", m.id)[0])} for m in modules]
        table = self.env.get_template("pages/matrix-table.html").render(labels=self.labels, rows=rows,
                                                                        modules=columns)
        return self._render("matrix.md", MATRIX_PAGE, table=self.slot(table),
                            front_matter=front_matter(self.labels["matrix"]))

    def progress_page(self) -> str:
        """'Mijn voortgang': every module and quiz; the script fills in the state kept in the browser."""
        modules = []
        for module in self._sorted("module"):
            content = self.project.modules[module.id]
            questions = content.quiz_questions()
            from werkplaats.quiz.render import version_of

            modules.append({
                "id": module.id, "title": module.title,
                "url": self._href(PROGRESS_PAGE, page_of("module", module.id)[0]),
                "quiz": f"wp-quiz-{module.id}", "quizUrl": self._href(PROGRESS_PAGE, quiz_page(module.id)),
                "version": version_of(questions), "passMark": module.quiz.pass_mark,
                "questions": len(questions), "studyLoad": module.study_load,
                "units": [{"id": u.id, "title": u.title, "url": self._href(PROGRESS_PAGE, unit_page(module.id, u.id))}
                          for u in content.units],
            })
        instruments = [{"id": i.id, "title": i.title, "key": f"wp-instrument-{i.id}",
                        "url": self._href(PROGRESS_PAGE, page_of("instrument", i.id)[0])}
                       for i in self._sorted("instrument")]
        pop_href = md_href(PROGRESS_PAGE, pop.POP_PAGE) if self.project.items["competence"] else ""
        return self._render("progress.md", PROGRESS_PAGE, modules=modules, pop_href=pop_href,
                            due=self.due_html(PROGRESS_PAGE),
                            data_json=to_json({"modules": modules, "instruments": instruments}),
                            dialogues_json=to_json(progress_entries(
                                self.project, lambda d: self._href(PROGRESS_PAGE, page_of("dialogue", d)[0]))),
                            front_matter=front_matter(self.labels["progress"]))

    def due_html(self, page: str) -> str:
        """The element the script fills with the number of questions due on Herhalen (progress and home page)."""
        return (f'<p class="wp-due" data-wp-due="{self._href(page, REVIEW_PAGE)}" '
                f"data-wp-strings='{self.labels['js_exam']}' hidden></p>")

    def review_page(self) -> str:
        """'Herhalen': every question of every module (practice mode); the script shows those due today."""
        questions, keys = [], {}
        for module in self._sorted("module"):
            for question in self.project.modules[module.id].questions:
                if question.type == "open":
                    continue  # not scored, so never in the review queue
                dom_id = f"{module.id}--{question.id}"
                questions.append(question.model_copy(update={"id": dom_id}))
                keys[dom_id] = f"{module.id}/{question.id}"
        form = self.quiz.quiz(questions, key="wp-herhalen", page=REVIEW_PAGE, title=self.labels["review"]) \
            if questions else ""
        html = (f"<div class=\"wp-herhalen\" data-wp-review='{to_json(keys)}' "
                f"data-wp-strings='{self.labels['js_exam']}'>\n<p class=\"wp-review-status\" role=\"status\"></p>\n"
                f"<noscript><p>{self.labels['review_noscript']}</p></noscript>\n{form}\n</div>")
        return self._render("review.md", REVIEW_PAGE, form=self.slot(html),
                            front_matter=front_matter(self.labels["review"]))

    # -- reuse between builds ------------------------------------------------------------------------------------
    def _inputs(self, kind: str, item_id: str, *keys: tuple[str, str]) -> tuple[Any, ...]:
        """Everything the pages of one item are made from: its source files, the question banks its texts embed,
        its related items and (for the link texts) the titles of all items."""
        texts = tuple(self.project.sources[key].text for key in keys if key in self.project.sources)
        embedded = []
        for text in texts:
            for call in find_calls(text, "embed"):
                for key in (("module", call.ref or ""), ("questions", call.ref or "")):
                    source = self.project.sources.get(key)
                    embedded.append(source.text if source is not None else "")
        related = json.dumps(self.relations.get((kind, item_id), {}), sort_keys=True)
        return texts, tuple(embedded), related, self.linker.digest

    def _cached(self, name: tuple[str, ...], inputs: tuple[Any, ...], make: Any) -> Any:
        """`make()`, or what it gave in an earlier build from the same inputs (with the slots it filled)."""
        if self.cache is None:
            return make()
        hit = self.cache.pages.get(name)
        if hit is not None and hit[0] == inputs:
            self.slots.update(hit[2])
            return hit[1]
        outer, self.slots = self.slots, {}
        try:
            result = make()
        finally:
            made, self.slots = self.slots, outer
            outer.update(made)
        self.cache.pages[name] = (inputs, result, made)
        return result

    # -- everything ----------------------------------------------------------------------------------------------
    def generate(self) -> PageSet:
        """Every generated page and the navigation of each section."""
        result = PageSet()
        for kind in ("knowledge_circle", "method", "case", "dialogue", "competence", "instrument"):
            index, markdown = self.index_page(kind)
            result.pages[index] = markdown
            children: list[Any] = [index]
            for item in self._sorted(kind):
                inputs = self._inputs(kind, item.id, (kind, item.id))
                if kind == "competence":  # the self-assessment block also shows the related items' lessons
                    inputs += (to_json(pop.competence_data(self, item, page_of(kind, item.id)[0])),)
                page, markdown = self._cached(("item", kind, item.id), inputs,
                                              lambda kind=kind, item=item: self.item_page(kind, item))
                result.pages[page] = markdown
                children.append(page)
            titled = [{item.title: page_of(kind, item.id)[0]} for item in self._sorted(kind)]
            children = [index, *chunk_nav(titled)]
            if kind == "competence" and self.project.items["module"]:
                result.pages[MATRIX_PAGE] = self.matrix_page()
                children.append(MATRIX_PAGE)
            result.nav[index] = children
        index, markdown = self.index_page("module")
        result.pages[index] = markdown
        module_nav: list[Any] = [index]
        for module in self._sorted("module"):
            content = self.project.modules[module.id]
            sources = [("module", module.id), *(("unit", f"{module.id}/{u.id}") for u in content.units),
                       ("questions", module.id)]
            pages = self._cached(("module", module.id), self._inputs("module", module.id, *sources),
                                 lambda content=content: self.module_pages(content))
            result.pages.update(pages)
            module_nav.append({module.title: list(pages)})
        result.nav[index] = [module_nav[0], *chunk_nav(module_nav[1:])]
        result.pages[GLOSSARY_PAGE] = self.glossary_page()
        result.nav[GLOSSARY_PAGE] = [GLOSSARY_PAGE]
        result.pages[PROGRESS_PAGE] = self.progress_page()
        result.nav[PROGRESS_PAGE] = [PROGRESS_PAGE]
        if self.project.items["competence"]:
            result.pages[pop.POP_PAGE] = pop.pop_page(self)
            result.nav[pop.POP_PAGE] = [pop.POP_PAGE]
        result.pages[REVIEW_PAGE] = self.review_page()
        result.nav[REVIEW_PAGE] = [REVIEW_PAGE]
        return result
