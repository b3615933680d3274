"""JSON Schemas of the content types, for an editor's YAML support (`werkplaats schema`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from werkplaats.content.models import TYPES, QuestionBank, Unit

SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"


def schemas() -> dict[str, dict[str, Any]]:
    """A JSON Schema per file kind, keyed by the file name it is written to."""
    result: dict[str, dict[str, Any]] = {}
    models: dict[str, type[BaseModel]] = {kind: model for kind, (model, *_rest) in TYPES.items()}
    models["unit"] = Unit
    models["questions"] = QuestionBank
    for kind, model in models.items():
        schema = model.model_json_schema()
        # `body` is the Markdown below the front matter, not a front matter field.
        schema.get("properties", {}).pop("body", None)
        schema["$schema"] = SCHEMA_URI
        schema["title"] = f"werkplaats {kind}"
        result[f"{kind}.schema.json"] = schema
    return result


def write_schemas(out: Path) -> list[Path]:
    """Write every schema into `out` (created if needed), plus a README on wiring them into an editor.

    Arguments:
        out: the folder to write to.

    Returns:
        The files written.
    """
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = out / name
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        written.append(path)
    return written


def vscode_settings(out: Path) -> dict[str, Any]:
    """`yaml.schemas` settings that map each content folder to its schema (for VS Code's YAML extension)."""
    folders = {kind: folder for kind, (_model, folder, *_rest) in TYPES.items()}
    mapping = {str(out / f"{kind}.schema.json"): [f"{folder}/*.yml", f"{folder}/*.md"]
               for kind, folder in folders.items() if kind != "module"}
    mapping[str(out / "module.schema.json")] = ["modules/*/index.md"]
    mapping[str(out / "questions.schema.json")] = ["modules/*/questions.yml"]
    return {"yaml.schemas": mapping}
