"""Builders shared by the agreement, diff and merge tests: a test scheme, records, journals."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson

from annotator.core.models import sha256_text
from annotator.core.scheme import Scheme, load_scheme

TEXT = "Russia freed 146 prisoners and Ukraine freed 12 soldiers on Sunday."

# A scheme for tests: the default scheme's labels, a choice field whose choices are the digits
# of the worked example, an integer field, and a repeatable group.
SCHEME_TOML = """
name = "test_scheme"

[[labels]]
name = "actor"
key = "1"
color = "#4e79a7"

[[labels]]
name = "count"
key = "2"
color = "#f28e2b"
value_type = "integer"

[[labels]]
name = "date"
key = "3"
color = "#59a14f"
value_type = "date"

[[labels]]
name = "releasee"
key = "4"
color = "#e15759"

[[fields]]
name = "code"
type = "choice"
choices = ["1", "2", "3", "4", "5"]

[[fields]]
name = "number"
type = "integer"

[[fields]]
name = "releases"
type = "group"

  [[fields.fields]]
  name = "released_by"
  type = "text"
  from_label = "actor"

  [[fields.fields]]
  name = "count"
  type = "integer"
  from_label = "count"
"""


def write_scheme(folder: Path) -> Path:
    path = folder / "test_scheme.toml"
    path.write_text(SCHEME_TOML, encoding="utf-8")
    return path


def scheme(folder: Path) -> Scheme:
    return load_scheme(write_scheme(folder))


def span(
    span_id: str, start: int, end: int, label: str, value: Any = None, text: str = TEXT
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": span_id,
        "start": start,
        "end": end,
        "label": label,
        "text": text[start:end],
    }
    if value is not None:
        out["value"] = value
    return out


def record(
    annotator: str,
    doc_id: str = "d1",
    spans: list[dict[str, Any]] | None = None,
    form: dict[str, Any] | None = None,
    status: str = "done",
    text: str = TEXT,
    **changes: Any,
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "schema_version": 1,
        "doc_id": doc_id,
        "doc_sha256": sha256_text(text),
        "annotator": annotator,
        "status": status,
        "spans": spans or [],
        "form": form or {},
    }
    out.update(changes)
    return out


def write_journal(path: Path, *records: dict[str, Any]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(item) + b"\n" for item in records))
    return path


def write_corpus(folder: Path, texts: dict[str, str]) -> Path:
    """A .jsonl corpus of ``texts`` (doc id -> text)."""
    path = folder / "corpus.jsonl"
    lines = [
        orjson.dumps({"id": doc_id, "text": text, "meta": {}}) for doc_id, text in texts.items()
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "annotator", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
    )


# The two annotators of the hand-worked examples, on TEXT:
#   alice: actor "Russia" 0-6, count "146" 13-16 (146), actor "Ukraine" 31-38,
#          releasee "prisoners" 17-26
#   bob:   actor "Russia" 0-6, count "146 prisoners" 13-26 (146), releasee "Ukraine" 31-38,
#          count "12" 45-47 (12)
ALICE_SPANS = [
    span("s1", 0, 6, "actor"),
    span("s2", 13, 16, "count", 146),
    span("s3", 31, 38, "actor"),
    span("s4", 17, 26, "releasee"),
]
BOB_SPANS = [
    span("s1", 0, 6, "actor"),
    span("s2", 13, 26, "count", 146),
    span("s3", 31, 38, "releasee"),
    span("s4", 45, 47, "count", 12),
]
