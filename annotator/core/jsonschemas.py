"""JSON Schema files generated from the models, so other tools can check our files."""

from __future__ import annotations

from pathlib import Path

import orjson
from pydantic import BaseModel

from annotator.core.errors import AnnotatorError
from annotator.core.formats.jsonl import GoldRecordWithText, RecordWithText
from annotator.core.formats.safe_writes import write_atomic
from annotator.core.models import Document, GoldRecord, Record
from annotator.core.scheme import Scheme

# A journal line is a Record; a gold line (written by merge and review, and kept as is by
# ``export --format jsonl``) is a GoldRecord: a Record with ``sources`` and ``conflicts``, which
# record.schema.json, strict about unknown fields, rejects. ``export --format jsonl
# --with-text`` adds the document's ``text`` and ``meta`` to either, which both refuse: those
# lines have schemas of their own.
SCHEMA_FILES: dict[str, type[BaseModel]] = {
    "document.schema.json": Document,
    "gold_record.schema.json": GoldRecord,
    "gold_record_with_text.schema.json": GoldRecordWithText,
    "record.schema.json": Record,
    "record_with_text.schema.json": RecordWithText,
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


def write_schemas(folder: Path) -> tuple[list[Path], list[str]]:
    """Write the JSON Schema files into ``folder``, each crash-safely (the folder itself is
    made, but not missing folders above it: those are a typo more often than not); the paths
    written, and a line for each file replaced that had other names (hard links), which keep
    the old contents (``safe_writes.write_atomic``)."""
    if folder.exists() and not folder.is_dir():
        raise AnnotatorError(f"{folder}: is a file; schema --write takes a folder to write into")
    if not folder.parent.is_dir():
        missing = "is a file" if folder.parent.exists() else "does not exist"
        raise AnnotatorError(
            f"{folder}: the folder {folder.parent} {missing}; make it first or correct the "
            "path (nothing was written)"
        )
    written: list[Path] = []
    other_names_kept: list[str] = []
    for name, data in rendered_schemas().items():
        path = folder / name
        other_names_kept.extend(write_atomic(path, data))
        written.append(path)
    return written, other_names_kept


def stale_schemas(folder: Path) -> list[str]:
    """The files in ``folder`` that are missing or differ from the models (empty when current)."""
    if folder.exists() and not folder.is_dir():
        raise AnnotatorError(f"{folder}: is a file; schema --check takes a folder of JSON Schemas")
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
