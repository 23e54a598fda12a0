"""Prodigy's ``_timestamp`` (when the answer was saved, Unix seconds) is the record's
``updated_at``, a UTC time as Label Studio's ``updated_at`` comes in; a document of several
tasks takes the latest; one that is no such time is said and counted, the record left without."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from annotator.core.formats.importing import import_documents

TEXT = "Kyiv freed 146 men."


def _task(doc_id: str, stamp: Any, **extra: Any) -> dict[str, Any]:
    return {"text": TEXT, "meta": {"doc_id": doc_id}, "spans": [], "answer": "accept",
            "_timestamp": stamp, **extra}  # fmt: skip


def _imported(folder: Path, *tasks: dict[str, Any]) -> tuple[dict[str, Any], list[str], str]:
    source = folder / "db.jsonl"
    source.write_bytes(b"".join(orjson.dumps(task) + b"\n" for task in tasks))
    warnings: list[str] = []
    records = folder / "a.jsonl"
    result = import_documents(source, "prodigy", folder / "c.jsonl", annotations=records,
                              annotator="al", on_warning=warnings.append)  # fmt: skip
    found = [orjson.loads(line) for line in records.read_bytes().splitlines()]
    return {r["doc_id"]: r.get("updated_at") for r in found}, warnings, result.summary()


def test_the_timestamp_is_the_records_updated_at_in_utc(tmp_path: Path) -> None:
    times, warnings, _summary = _imported(
        tmp_path, _task("a", 1633999979), _task("b", 1633999979.25), _task("c", 0)
    )
    assert times == {
        "a": "2021-10-12T00:52:59Z",
        "b": "2021-10-12T00:52:59.250000Z",
        "c": "1970-01-01T00:00:00Z",
    }
    assert warnings == []


def test_a_document_of_several_tasks_is_as_new_as_its_latest_answer(tmp_path: Path) -> None:
    later = _task("a", 1634000100, spans=[{"start": 0, "end": 4, "label": "actor"}])
    rejected = _task("a", 1634999999, answer="reject")  # its spans are not the record's
    times, _warnings, _summary = _imported(tmp_path, later, _task("a", 1633999979), rejected)
    assert times == {"a": "2021-10-12T00:55:00Z"}


def test_a_timestamp_that_is_no_time_is_said_and_left_out(tmp_path: Path) -> None:
    tasks = [_task("a", "yesterday"), _task("b", -1), _task("c", True), _task("d", 1e20)]
    times, warnings, summary = _imported(tmp_path, *tasks)
    assert times == {"a": None, "b": None, "c": None, "d": None}
    assert warnings == [
        f"{tmp_path / 'db.jsonl'}: _timestamp: 4 task(s) (first: line 1); not carried: not a "
        "time in seconds since 1970 (Unix time, as Prodigy writes it), which a record's "
        "updated_at takes"
    ]
    assert "; not carried, the rest imported: _timestamp of 4 task(s) (listed above)" in summary
