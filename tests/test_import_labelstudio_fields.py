"""An imported Label Studio annotation's ``updated_at`` is the record's; its ``reviews``,
``ground_truth`` and other fields, and a task's own, are each counted in one line.

A curator's trial: ``updated_at``, ``reviews`` (a reviewer had rejected both annotations of
Label Studio's converter test export) and ``ground_truth`` were dropped unsaid.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from annotator.core.formats.importing import import_documents
from tests.test_formats_support import FIXTURES

CSV_TEST = FIXTURES / "label_studio" / "converter_csv_test" / "csv_test.json"
TEXT = "Kestria freed 12 soldiers to Norvania."


def run(source: Path, out: Path) -> tuple[list[dict[str, Any]], dict[str, int], list[str]]:
    warnings: list[str] = []
    result = import_documents(source, "labelstudio", out / "c.jsonl", annotations=out / "a.jsonl",
                              annotator="cur", on_warning=warnings.append)  # fmt: skip
    rows = [orjson.loads(line) for line in (out / "a.jsonl").read_bytes().splitlines()]
    return rows, result.not_imported, warnings


def test_a_real_export_s_times_are_kept_and_its_reviews_said(tmp_path: Path) -> None:
    rows, not_imported, warnings = run(CSV_TEST, tmp_path / "out")
    assert [(r["doc_id"], r["updated_at"]) for r in rows] == [
        ("1", "2022-10-31T21:19:19.131302Z"),
        ("2", "2022-10-31T21:19:54.970729Z"),
    ]
    said = [line.removeprefix(f"{CSV_TEST}: ") for line in warnings]
    # The lines of its predictions and rectangles, on the file's one line:
    said = [line for line in said if not line.startswith(f"{CSV_TEST}:1: task ")]
    assert said == [
        "completed_by: 2 imported annotation(s) (first: task 1 (id 1), line 1); not carried: "
        "the records are the annotator's the import names",
        "reviews: 2 imported annotation(s) reviewed, 2 of them rejected (first: task 1 (id 1), "
        "line 1); not carried: a record has no review, and a rejected annotation is imported as "
        "any other",
        "7 other field(s) of the imported annotations not carried (Label Studio's own; a record "
        "has no place for them): created_at (2), id (2), last_action (2), last_created_by (2), "
        "parent_prediction (2), prediction (2), task (2)",
        "9 other field(s) of the tasks not carried (Label Studio's own; a record has no place "
        "for them): agreement (2), created_at (2), file_upload (2), inner_id (2), project (2), "
        "total_annotations (2), total_predictions (2), updated_at (2), updated_by (2)",
    ]
    assert not_imported["reviewed annotation(s)"] == 2
    assert not_imported["field(s) of the imported annotations"] == 14


def test_ground_truth_true_and_a_time_no_record_takes_are_said(tmp_path: Path) -> None:
    """``ground_truth: false`` is Label Studio's default on every annotation: it says nothing,
    and is not counted; ``true`` is. A time not in UTC is not made one: said."""
    value = {"start": 0, "end": 7, "labels": ["actor"]}
    span = {"from_name": "label", "to_name": "text", "type": "labels", "value": value}
    annotations = [
        {"result": [span], "ground_truth": True, "updated_at": "2024-05-01T10:00:00+02:00"},
        {"result": [span], "ground_truth": False, "updated_at": "2024-05-02T08:00:00Z"},
        {"result": [span], "reviews": [{"accepted": True}]},
    ]
    tasks = [
        {"id": n, "data": {"text": TEXT}, "annotations": [a]} for n, a in enumerate(annotations)
    ]
    source = tmp_path / "tasks.json"
    source.write_bytes(orjson.dumps(tasks))
    rows, _not_imported, warnings = run(source, tmp_path / "out")
    assert [r["updated_at"] for r in rows] == [None, "2024-05-02T08:00:00Z", None]
    assert [line.removeprefix(f"{source}: ") for line in warnings] == [
        "updated_at: 1 imported annotation(s) (first: task 1 (id 0), line 1); not carried: not "
        "a UTC time like 2025-08-24T10:00:00Z, which a record's updated_at takes",
        "ground_truth: 1 imported annotation(s) marked true (first: task 1 (id 0), line 1); "
        "not carried: marked ground truth in Label Studio; a record has no such mark",
        "reviews: 1 imported annotation(s) reviewed, 0 of them rejected (first: task 3 (id 2), "
        "line 1); not carried: a record has no review, and a rejected annotation is imported as "
        "any other",
    ]
