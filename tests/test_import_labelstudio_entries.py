"""Everything a Label Studio task holds beside its first annotation is read or said: the
``completions`` of a task that also has ``annotations``, its ``drafts``, and the imported
annotation's ``lead_time`` and ``completed_by`` (a curator's trial found each dropped unsaid)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from annotator.core.formats.import_result import ImportResult
from annotator.core.formats.importing import import_documents
from tests.test_formats_support import spans_of

TEXT = "Kestria freed 12 soldiers to Norvania."


def result(start: int, end: int, label: str) -> dict[str, Any]:
    value = {"start": start, "end": end, "labels": [label]}
    return {"from_name": "label", "to_name": "text", "type": "labels", "value": value}


def run(tasks: list[dict[str, Any]], folder: Path) -> tuple[Path, ImportResult, list[str]]:
    folder.mkdir()
    source = folder / "tasks.json"
    source.write_bytes(orjson.dumps(tasks))
    warnings: list[str] = []
    imported = import_documents(
        source,
        "labelstudio",
        folder / "out" / "c.jsonl",
        annotations=folder / "out" / "a.jsonl",
        annotator="cur",
        on_warning=warnings.append,
    )
    return source, imported, warnings


def test_completions_beside_annotations_are_read_and_said_when_not_imported(
    tmp_path: Path,
) -> None:
    task = {
        "id": 1,
        "data": {"text": TEXT},
        "annotations": [{"result": [result(0, 7, "actor")]}],
        "completions": [{"result": [result(29, 37, "actor")]}],
    }
    source, imported, warnings = run([task], tmp_path / "both")
    assert spans_of(tmp_path / "both" / "out" / "a.jsonl") == {"1": {(0, 7, "actor")}}
    assert warnings == [
        f"{source}: task 1 (id 1): 1 more annotation(s) after annotation 1 not imported: "
        "completion 1 (one import holds one annotator's work)"
    ]
    assert imported.not_imported == {"further annotation(s)": 1}


def test_completions_are_imported_when_every_annotation_was_cancelled(tmp_path: Path) -> None:
    task = {
        "id": 1,
        "data": {"text": TEXT},
        "annotations": [{"was_cancelled": True, "result": []}],
        "completions": [{"result": [result(29, 37, "actor")]}],
    }
    source, _imported, warnings = run([task], tmp_path / "cancelled")
    assert spans_of(tmp_path / "cancelled" / "out" / "a.jsonl") == {"1": {(29, 37, "actor")}}
    assert warnings == [f"{source}: task 1 (id 1): annotation 1 was cancelled; not imported"]


def test_drafts_lead_time_and_completed_by_are_said(tmp_path: Path) -> None:
    drafted = {
        "id": 1,
        "data": {"text": TEXT},
        "annotations": [],
        "drafts": [{"result": [result(0, 7, "actor")]}],
    }
    timed = {
        "id": 2,
        "data": {"text": TEXT + " "},
        "annotations": [{"result": [result(0, 7, "actor")], "lead_time": 12.5, "completed_by": 3}],
    }
    source, imported, warnings = run([drafted, timed], tmp_path / "drafts")
    assert spans_of(tmp_path / "drafts" / "out" / "a.jsonl") == {"2": {(0, 7, "actor")}}
    assert warnings == [
        f"{source}: task 1 (id 1): 1 draft(s) with 1 result(s) not imported (saved in Label "
        "Studio, never submitted: not labels)",
        f"{source}: lead_time: 1 imported annotation(s) (first: task 2 (id 2)); not carried: "
        "a record's seconds_spent counts time spent in annotate",
        f"{source}: completed_by: 1 imported annotation(s) (first: task 2 (id 2)); not "
        "carried: the records are the annotator's the import names",
    ]
    assert imported.not_imported == {
        "draft(s)": 1,
        "annotation(s) with lead_time": 1,
        "annotation(s) with completed_by": 1,
    }
