"""The bulk readers' fast check is never more lenient than the Record model and the scheme."""

from __future__ import annotations

import copy
from typing import Any

import orjson
import pytest
from pydantic import TypeAdapter

from annotator.core.compare import Annotation
from annotator.core.journal import parse_record_line
from annotator.core.models import Record, Span, sha256_text
from annotator.core.record_check import LineCheck, RecordShape, SpanShape
from annotator.core.scheme import load_default_scheme
from annotator.core.validate import scheme_problems

SCHEME = load_default_scheme()
TEXT = "Russia released 146 prisoners to Ukraine on 24 August 2025."


def good() -> dict[str, Any]:
    return {
        "schema_version": 1,
        "doc_id": "d1",
        "doc_sha256": sha256_text(TEXT),
        "annotator": "alice",
        "status": "done",
        "spans": [
            {"id": "s1", "start": 0, "end": 6, "label": "actor", "text": "Russia", "value": None},
            {
                "id": "s2",
                "start": 16,
                "end": 29,
                "label": "count",
                "text": "146 prisoners",
                "value": 146,
            },
            {
                "id": "s3",
                "start": 44,
                "end": 58,
                "label": "date",
                "text": "24 August 2025",
                "value": "2025-08-24",
            },
        ],
        "flagged": False,
        "form": {
            "event_type": "exchange",
            "releases": [{"released_by": "Russia", "received_by": "Ukraine", "count": 146}],
        },
        "links": {"releases[0].count": ["s2"], "event_type": ["s1"]},
        "note": "",
        "updated_at": "2025-08-24T10:00:00Z",
        "seconds_spent": 12.5,
    }


def test_the_shapes_have_the_models_fields() -> None:
    for shape, model in ((RecordShape, Record), (SpanShape, Span)):
        assert list(shape.__annotations__) == list(model.model_fields)
        required = {name for name, info in model.model_fields.items() if info.is_required()}
        assert set(TypeAdapter(shape).json_schema()["required"]) == required


ODD_VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    1,
    2,
    -1,
    1.5,
    1e308,
    "",
    "x",
    "done",
    [],
    {},
    ["s1"],
    {"a": 1},
    "2025-08-24T10:00:00Z\n",
    "2025-08-24T10:00:00.1234567Z",
    "2025-08-24 10:00:00Z",
    "٢٠٢٥-08-24T10:00:00Z",
    sha256_text(TEXT) + "\n",
    sha256_text(TEXT).upper(),
]


def variants() -> list[dict[str, Any]]:
    """The good record with each field (and each span field, form and links) set oddly."""
    out = [good()]
    for key in [*good(), "sources", "extra"]:
        for value in ODD_VALUES:
            data = good()
            data[key] = value
            out.append(data)
        data = good()
        data.pop(key, None)
        out.append(data)
    for key in [*good()["spans"][1], "extra"]:
        for value in [*ODD_VALUES, 16, 29, "s1", "releasee", "nope", "2025-13-01"]:
            data = good()
            data["spans"][1][key] = value
            out.append(data)
        data = good()
        data["spans"][1].pop(key, None)
        out.append(data)
    for form in [
        {},
        {"event_type": "nope"},
        {"event_type": ""},
        {"releases": [{"count": "1"}]},
        {"event_type": "exchange", "extra": 1},
        {"event_type": "exchange", "releases": []},
    ]:
        data = good()
        data["form"] = form
        out.append(data)
        skipped = copy.deepcopy(data)
        skipped["status"] = "skipped"
        out.append(skipped)
    for links in [
        {"releases[1].count": ["s2"]},
        {"nope": ["s1"]},
        {"releases[0].nope": ["s1"]},
        {"event_type": ["s9"]},
        {"releases": ["s1"]},
        {},
    ]:
        data = good()
        data["links"] = links
        out.append(data)
    return out


@pytest.mark.parametrize("data", variants())
def test_what_the_fast_check_accepts_the_model_and_scheme_accept(data: dict[str, Any]) -> None:
    raw = orjson.dumps(data)
    fast = LineCheck(SCHEME).data(raw)
    slow = parse_record_line(raw, 1)
    if fast is None:
        return
    assert isinstance(slow, Record), slow
    assert list(scheme_problems(slow, SCHEME)) == []
    a, b = Annotation.of_data(fast), Annotation(slow)
    for name in Annotation.__slots__:
        assert getattr(a, name) == getattr(b, name), name


def test_a_good_line_takes_the_fast_path() -> None:
    assert LineCheck(SCHEME).data(orjson.dumps(good())) is not None


@pytest.mark.parametrize(
    "raw",
    [
        b'{"schema_version": NaN}',
        b"[1]",
        b'"x"',
        b"\xff",
        b'{"a": 1',
        b"null",
        b"12",
        orjson.dumps(good())[:-1] + b', "x": ' + str(2**70).encode() + b"}",
    ],
)
def test_lines_that_are_not_json_objects_take_the_slow_path(raw: bytes) -> None:
    assert LineCheck(SCHEME).data(raw) is None
