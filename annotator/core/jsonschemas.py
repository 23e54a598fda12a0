"""JSON Schema files generated from the models, so other tools can check our files."""

from __future__ import annotations

from pathlib import Path

import orjson
from pydantic import BaseModel

from annotator.core.models import Document, Record
from annotator.core.scheme import Scheme

SCHEMA_FILES: dict[str, type[BaseModel]] = {
    "document.schema.json": Document,
    "record.schema.json": Record,
    "scheme.schema.json": Scheme,
}


def rendered_schemas() -> dict[str, bytes]:
    """File name → the JSON Schema bytes that should be on disk."""
    out = {}
    for name, model in SCHEMA_FILES.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        out[name] = orjson.dumps(schema, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"
    return out


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in rendered_schemas().items():
        path = folder / name
        temp = path.with_name(path.name + ".tmp")
        temp.write_bytes(data)
        temp.replace(path)
        written.append(path)
    return written


def stale_schemas(folder: Path) -> list[str]:
    """The files in ``folder`` that are missing or differ from the models (empty when current)."""
    stale = []
    for name, data in rendered_schemas().items():
        path = folder / name
        try:
            current = path.read_bytes()
        except OSError:
            stale.append(f"{path}: missing")
            continue
        if current != data:
            stale.append(f"{path}: out of date")
    return stale
