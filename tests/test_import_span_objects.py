"""doccano's entities and Prodigy's spans are span objects read by one rule (``span_fields``).

Both readers checked the object, its two offsets (doccano's ``start_offset``/``end_offset``,
Prodigy's ``start``/``end``) and its label the same way, each in its own copy; a bad one is one
line naming file, line and field, the same line in both formats.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.formats.importing import import_documents

TEXT = "Kestria freed 12 soldiers."


def refusal(tmp_path: Path, fmt: str, span: Any) -> str:
    if fmt == "doccano":
        row: dict[str, Any] = {"id": "d1", "text": TEXT, "entities": [span], "relations": []}
    else:
        row = {"text": TEXT, "spans": [span], "answer": "accept"}
    source = tmp_path / f"{fmt}.jsonl"
    source.write_bytes(orjson.dumps(row) + b"\n")
    with pytest.raises(AnnotatorError) as caught:
        import_documents(source, fmt, tmp_path / "c.jsonl")
    return str(caught.value).removeprefix(f"{source}:1: ")


@pytest.mark.parametrize(
    ("fmt", "start", "end", "field"),
    [
        ("doccano", "start_offset", "end_offset", "entities.0"),
        ("prodigy", "start", "end", "spans.0"),
    ],
)
def test_a_bad_span_object_is_one_line_naming_its_field_in_both_formats(
    tmp_path: Path, fmt: str, start: str, end: str, field: str
) -> None:
    good = {start: 0, end: 7, "label": "actor"}
    assert refusal(tmp_path, fmt, ["0", 7, "actor"]) == f"{field}: expected an object"
    assert refusal(tmp_path, fmt, {**good, start: 0.0}) == (
        f"{field}.{start}: expected an integer offset, got 0.0"
    )
    assert refusal(tmp_path, fmt, {start: 0, "label": "actor"}) == (
        f"{field}.{end}: required field is missing"
    )
    assert refusal(tmp_path, fmt, {**good, end: None}) == (
        f"{field}.{end}: expected an integer offset, got None"
    )
    assert refusal(tmp_path, fmt, {start: 0, end: 7}) == f"{field}.label: required field is missing"
    assert (
        refusal(tmp_path, fmt, {**good, "label": 3}) == f"{field}.label: expected a string, got int"
    )


def test_a_prodigy_span_with_token_indices_but_no_start_says_start_is_missing(
    tmp_path: Path,
) -> None:
    """It said 'expected an integer offset, got None' of a span with token_start, token_end."""
    span = {"token_start": 0, "token_end": 0, "label": "actor"}
    assert refusal(tmp_path, "prodigy", span) == (
        "spans.0.start: required field is missing (token_start and token_end are here: a span "
        "needs its characters, start and end, which Prodigy writes beside them)"
    )
