"""Links between items in both directions: a method lists its cases, and each case lists that method."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from werkplaats.content.references import REFERENCE_FIELDS

if TYPE_CHECKING:
    from werkplaats.content import Project

Key = tuple[str, str]


def build_relations(project: Project) -> dict[Key, dict[str, list[str]]]:
    """For every item, the ids of related items per type: what it names and what names it.

    The items an item names itself come first, in the author's order; items that name it follow, by title.

    Arguments:
        project: a loaded project.

    Returns:
        `{(kind, id): {other_kind: [ids]}}`.
    """
    outgoing: dict[Key, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    incoming: dict[Key, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for kind, items in project.items.items():
        for item_id, item in items.items():
            for name, target in REFERENCE_FIELDS.items():
                value = getattr(item, name, None)
                refs = [value] if isinstance(value, str) else value or []
                for ref in refs:
                    if ref in project.items[target]:
                        outgoing[(kind, item_id)][target].append(ref)
                        incoming[(target, ref)][kind].add(item_id)
    result: dict[Key, dict[str, list[str]]] = {}
    for kind, items in project.items.items():
        for item_id in items:
            key = (kind, item_id)
            merged: dict[str, list[str]] = {}
            for other in set(outgoing[key]) | set(incoming[key]):
                first = list(dict.fromkeys(outgoing[key].get(other, [])))
                titles = project.items[other]
                rest = sorted((i for i in incoming[key].get(other, set()) if i not in first),
                              key=lambda i: (titles[i].title.lower(), i))
                merged[other] = first + rest
            result[key] = merged
    return result
