"""The bulk readers' fast check is never more lenient than the Record model and the scheme."""

from __future__ import annotations

import copy
from typing import Any

import msgspec
import orjson
import pytest
from pydantic import TypeAdapter

from annotator.core.annotation import Annotation
from annotator.core.journal import parse_record_line
from annotator.core.models import Record, Span, sha256_text
from annotator.core.record_check import RecordShape, SpanShape
from annotator.core.record_lines import LineCheck, RecordLine, SpanLine
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


def test_the_line_structs_have_the_models_fields_and_defaults() -> None:
    for struct, model in ((RecordLine, Record), (SpanLine, Span)):
        fields = msgspec.structs.fields(struct)
        assert [field.name for field in fields] == list(model.model_fields)
        for field in fields:
            info = model.model_fields[field.name]
            if info.is_required():
                assert field.required, field.name
            else:
                made = field.default_factory() if field.default is msgspec.NODEFAULT else None
                default = field.default if made is None else made
                if isinstance(default, msgspec.Raw):  # the form, read by orjson
                    default = orjson.loads(memoryview(default))
                assert info.get_default(call_default_factory=True) == default, field.name


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
    "2022-99-99T99:99:99Z",  # the shape of a time, but no such time
    "2023-02-29T10:00:00Z",
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
    held_to_the_model(raw)


def held_to_the_model(raw: bytes) -> bool:
    """Whether the fast check accepts ``raw``; when it does, the model and the scheme must
    accept it too, with the same values."""
    fast = LineCheck(SCHEME).line(raw)
    slow = parse_record_line(raw, 1)
    if fast is None:
        return False
    assert isinstance(slow, Record), slow
    assert list(scheme_problems(slow, SCHEME)) == []
    a, b = Annotation.of_line(fast), Annotation(slow)
    assert a.spans == b.spans
    assert a.form == b.form  # kept as JSON text: as the line has it, or as the model's dict
    assert a.links == b.links
    for name in Annotation.__slots__:
        if name not in ("_spans", "_form", "_links"):
            assert getattr(a, name) == getattr(b, name), name
    return True


def test_a_good_line_takes_the_fast_path() -> None:
    assert LineCheck(SCHEME).line(orjson.dumps(good())) is not None


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
        # A Latin-1 byte inside a string: msgspec raises UnicodeDecodeError (agree, diff,
        # merge and review ended in a traceback); the model says the byte.
        orjson.dumps({**good(), "note": "caf\u00e9"}).replace("\u00e9".encode(), b"\xe9"),
    ],
)
def test_lines_that_are_not_json_objects_take_the_slow_path(raw: bytes) -> None:
    assert LineCheck(SCHEME).line(raw) is None


def _raw_variants() -> list[bytes]:
    """Lines whose JSON text, not only their values, is odd: the decoder meets them first."""
    line = orjson.dumps(good())
    spans = line.index(b'"spans":[') + len(b'"spans":[')
    return [
        line + b"\n",
        b"  " + line + b" \r\n",
        line.replace(b'"doc_id":"d1"', b'"doc_id":"d1","doc_id":"d2"'),
        line.replace(b'"doc_id":"d1"', b'"doc_id":"\\ud800"'),
        line.replace(b'"doc_id":"d1"', b'"doc_id":"d\\u00e9"'),
        line.replace(b'"seconds_spent":12.5', b'"seconds_spent":1e400'),
        line.replace(b'"seconds_spent":12.5', b'"seconds_spent":-0.0'),
        line.replace(b'"seconds_spent":12.5', b'"seconds_spent":12'),
        line.replace(b'"start":0', b'"start":0.0'),
        line.replace(b'"start":0', b'"start":-0'),
        line.replace(b'"start":0', b'"start":1e0'),
        line.replace(b'"value":146', b'"value":146.0'),
        line.replace(b'"value":146', b'"value":' + str(2**64).encode()),
        line.replace(b'"schema_version":1', b'"schema_version":true'),
        line.replace(b'"flagged":false', b'"flagged":0'),
        line[:spans] + b'{"id":"s0","start":1,"end":2,"label":"actor","text":"u"},' + line[spans:],
        line.replace(b'"label":"actor"', b'"label":"actor","label":"nope"'),
        line.replace(b'"label":"actor"', b'"label":"Actor"'),
        line + b"x",
        line[:-1],
    ]


@pytest.mark.parametrize("raw", _raw_variants())
def test_odd_json_text_is_held_to_the_model(raw: bytes) -> None:
    held_to_the_model(raw)


def test_the_fast_check_accepts_what_it_should() -> None:
    """Not only refusals: the odd texts the model accepts mostly take the fast path."""
    accepted = [held_to_the_model(raw) for raw in _raw_variants()]
    assert accepted[:3] == [True, True, True]  # line ends, spaces, a repeated key (last wins)
    assert accepted[3:10] == [False, True, False, True, True, False, True]  # -0 is an int
    assert not any(accepted[10:15])
