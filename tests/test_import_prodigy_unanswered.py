"""A Prodigy task without ``answer``: what the import says of it is what it did.

A review's trial: the line "their spans are imported in_progress, not done" and the summary's
"1 unanswered task(s) imported in progress" were said with ``--status done`` (the record was
written done) and without ``--annotations`` (no record written at all). The reader said it
before the options were known; now it is said once they are.
"""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.core.formats.importing import import_documents

TASK = {"text": "Kestria freed 12 soldiers.", "spans": [{"start": 0, "end": 7, "label": "actor"}]}


def run(tmp_path: Path, records: bool, status: str | None) -> tuple[str, list[str], list[str]]:
    """The summary, the warnings and the records' statuses of importing one unanswered task."""
    source = tmp_path / "p.jsonl"
    source.write_bytes(orjson.dumps(TASK) + b"\n")
    warnings: list[str] = []
    annotations = tmp_path / "a.jsonl"
    result = import_documents(
        source, "prodigy", tmp_path / "c.jsonl", annotations=annotations if records else None,
        annotator="al" if records else None, status=status, on_warning=warnings.append,
    )  # fmt: skip
    written = annotations.read_bytes().splitlines() if records else []
    return result.summary(), warnings, [orjson.loads(line)["status"] for line in written]


def unanswered(tmp_path: Path) -> str:
    return (
        f"{tmp_path / 'p.jsonl'}: 1 task(s) without an answer (first: line 1): never answered "
        "in Prodigy (suggestions to review?)"
    )


@pytest.mark.parametrize("status", [None, "in_progress"])
def test_without_status_its_record_is_in_progress_and_said_so(
    tmp_path: Path, status: str | None
) -> None:
    summary, warnings, statuses = run(tmp_path, True, status)
    assert statuses == ["in_progress"]
    assert warnings == [f"{unanswered(tmp_path)}; their spans are imported in_progress, not done"]
    assert summary.endswith("; 1 unanswered task(s) imported in progress (listed above)")


@pytest.mark.parametrize("status", ["done", "skipped"])
def test_with_status_its_record_is_of_that_status_and_said_so(tmp_path: Path, status: str) -> None:
    summary, warnings, statuses = run(tmp_path, True, status)
    assert statuses == [status]
    assert warnings == [f"{unanswered(tmp_path)}; imported {status}, as --status {status} asks"]
    assert summary == "imported 1 document(s), 1 record(s) with 1 span(s)"


def test_without_annotations_no_record_is_said_to_be_in_progress(tmp_path: Path) -> None:
    summary, warnings, _statuses = run(tmp_path, False, None)
    assert unanswered(tmp_path) in warnings
    assert not [w for w in warnings if "in_progress" in w]
    assert "in progress" not in summary
