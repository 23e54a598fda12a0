"""Everything a Label Studio task holds beside its first annotation is read or said: the
``completions`` of a task that also has ``annotations``, its ``drafts``, and the imported
annotation's ``completed_by`` (a curator's trial found each dropped unsaid). The imported
annotation's ``lead_time`` (seconds spent on it) is the record's ``seconds_spent``: it was
reported as not carried, though a record holds exactly that."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from annotator.core.formats.import_result import ImportResult
from annotator.core.formats.importing import import_documents
from tests.test_formats_support import FIXTURES, spans_of

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
        f"{source}:1: task 1 (id 1): 1 more annotation(s) after annotation 1 not imported: "
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
    assert warnings == [f"{source}:1: task 1 (id 1): annotation 1 was cancelled; not imported"]


def test_drafts_and_completed_by_are_said_and_lead_time_is_time_spent(tmp_path: Path) -> None:
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
        f"{source}:1: task 1 (id 1): 1 draft(s) with 1 result(s) not imported (saved in Label "
        "Studio, never submitted: not labels)",
        f"{source}: completed_by: 1 imported annotation(s) (first: task 2 (id 2), line 1); not "
        "carried: the records are the annotator's the import names",
    ]
    assert imported.not_imported == {"draft(s)": 1, "annotation(s) with completed_by": 1}
    assert times_of(tmp_path / "drafts" / "out" / "a.jsonl") == {"2": 12.5}


def times_of(records: Path) -> dict[str, float]:
    lines = map(orjson.loads, records.read_bytes().splitlines())
    return {row["doc_id"]: row["seconds_spent"] for row in lines}


def test_a_real_export_s_lead_time_is_each_record_s_time_spent(tmp_path: Path) -> None:
    # Label Studio's converter tests: two tasks, each annotation with its lead_time.
    source = FIXTURES / "label_studio" / "converter_csv_test" / "csv_test.json"
    warnings: list[str] = []
    out = tmp_path / "out"
    import_documents(source, "labelstudio", out / "c.jsonl", annotations=out / "a.jsonl",
                     annotator="cur", on_warning=warnings.append)  # fmt: skip
    assert times_of(out / "a.jsonl") == {"1": 7.662, "2": 35.267}
    assert not [line for line in warnings if "lead_time" in line]


def test_only_the_imported_annotation_s_lead_time_counts(tmp_path: Path) -> None:
    task = {
        "id": 1,
        "data": {"text": TEXT},
        "annotations": [
            {"was_cancelled": True, "result": [], "lead_time": 100},
            {"result": [result(0, 7, "actor")], "lead_time": 30},
            {"result": [result(29, 37, "actor")], "lead_time": 45.5},
        ],
    }
    _source, _imported, _warnings = run([task], tmp_path / "three")
    assert times_of(tmp_path / "three" / "out" / "a.jsonl") == {"1": 30.0}


def test_a_lead_time_that_is_no_number_of_seconds_is_said(tmp_path: Path) -> None:
    tasks = [
        {
            "id": n,
            "data": {"text": f"{TEXT} {n}"},
            "annotations": [{"result": [], "lead_time": lead}],
        }
        for n, lead in enumerate(["12", -3, True, None, 0], start=1)
    ]
    source, imported, warnings = run(tasks, tmp_path / "bad")
    assert warnings == [
        f"{source}: lead_time: 3 imported annotation(s) (first: task 1 (id 1), line 1); not "
        "carried: not a number of seconds, which a record's seconds_spent takes"
    ]
    assert imported.not_imported == {"annotation(s) with lead_time": 3}
    assert set(times_of(tmp_path / "bad" / "out" / "a.jsonl").values()) == {0.0}
