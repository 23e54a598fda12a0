"""A record's ``updated_at`` is a UTC time that exists: one of its shape that is no such time
(month 99, 29 February 2023) is refused by the model, so validate says it in one line, and an
import does not carry it.

A review found Label Studio's ``updated_at`` checked against the pattern only:
``2022-99-99T99:99:99Z`` came into the record, and validate accepted it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest
from pydantic import ValidationError

from annotator.cli import main
from annotator.core.errors import AnnotatorError
from annotator.core.formats.importing import import_documents
from annotator.core.models import Record, sha256_text

TEXT = "Paris is big"
SPAN = {"from_name": "label", "to_name": "text", "type": "labels",
        "value": {"start": 0, "end": 5, "text": "Paris", "labels": ["LOC"]}}  # fmt: skip
NO_SUCH_TIMES = [
    ("2022-99-99T99:99:99Z", "month must be in 1..12"),
    ("2023-02-29T10:00:00Z", "day is out of range for month"),
    ("2022-10-31T24:00:00Z", "hour must be in 0..23"),
]


def _record(updated_at: str) -> dict[str, Any]:
    return {"schema_version": 1, "doc_id": "d1", "doc_sha256": sha256_text(TEXT),
            "annotator": "al", "status": "in_progress", "spans": [],
            "updated_at": updated_at}  # fmt: skip


@pytest.mark.parametrize(("time", "why"), NO_SUCH_TIMES)
def test_the_model_refuses_a_time_that_does_not_exist(time: str, why: str) -> None:
    with pytest.raises(ValidationError) as raised:
        Record.model_validate(_record(time))
    assert raised.value.errors()[0]["msg"] == (
        f"Value error, must be a UTC time like 2025-08-24T10:00:00Z: {time!r} is no such "
        f"time ({why})"
    )


@pytest.mark.parametrize(
    "time", ["2024-02-29T23:59:59Z", "2022-10-31T21:19:19.131302Z", "2022-10-31T21:19:19.1Z"]
)
def test_the_model_takes_a_time_that_exists(time: str) -> None:
    assert Record.model_validate(_record(time)).updated_at == time


def test_validate_says_it_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(orjson.dumps({"id": "d1", "text": TEXT}) + b"\n")
    journal = tmp_path / "al.jsonl"
    journal.write_bytes(orjson.dumps(_record("2022-99-99T99:99:99Z")) + b"\n")
    code = main(["validate", str(journal), "--corpus", str(corpus)])
    said = capsys.readouterr()
    assert code == 1
    assert said.out.splitlines() == [
        f"{journal}:1: updated_at: must be a UTC time like 2025-08-24T10:00:00Z: "
        "'2022-99-99T99:99:99Z' is no such time (month must be in 1..12)"
    ]


@pytest.mark.parametrize(("time", "_why"), NO_SUCH_TIMES)
def test_label_studio_s_time_that_does_not_exist_is_not_carried(
    tmp_path: Path, time: str, _why: str
) -> None:
    source = tmp_path / "ls.json"
    annotation = {"result": [SPAN], "updated_at": time}
    source.write_bytes(
        orjson.dumps([{"id": 1, "data": {"text": TEXT}, "annotations": [annotation]}])
    )
    out = tmp_path / "out"
    warnings: list[str] = []
    result = import_documents(source, "labelstudio", out / "c.jsonl", annotations=out / "a.jsonl",
                              annotator="al", on_warning=warnings.append)  # fmt: skip
    records = [orjson.loads(line) for line in (out / "a.jsonl").read_bytes().splitlines()]
    assert [r["updated_at"] for r in records] == [None]
    assert result.not_imported["annotation(s) with updated_at"] == 1
    assert (
        f"{source}: updated_at: 1 imported annotation(s) (first: task 1 (id 1), line 1); not "
        "carried: not a UTC time like 2025-08-24T10:00:00Z, which a record's updated_at takes"
    ) in warnings


@pytest.mark.parametrize(
    ("time", "why"),
    [
        *NO_SUCH_TIMES,
        ("2025-08-24T10:00:00Z\n", None),  # nothing after the Z
        ("٢٠٢٥-08-24T10:00:00Z", None),  # ASCII digits
    ],
)
def test_a_jsonl_record_line_with_no_such_time_is_refused(
    tmp_path: Path, time: str, why: str | None
) -> None:
    source = tmp_path / "lines.jsonl"
    source.write_bytes(orjson.dumps({**_record(time), "text": TEXT}) + b"\n")
    with pytest.raises(AnnotatorError) as raised:
        import_documents(source, "jsonl", tmp_path / "out" / "c.jsonl")
    told = f": {time!r} is no such time ({why})" if why else ""
    assert str(raised.value) == (
        f"{source}:1: updated_at: must be a UTC time like 2025-08-24T10:00:00Z{told}"
    )
