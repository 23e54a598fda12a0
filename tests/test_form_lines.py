"""The bulk readers' form check (``form_lines.FormCheck``) is never more lenient than the
scheme's pydantic form model, and takes the forms the model takes; in a done record, it holds
the required fields to the one rule ``d`` and ``validate`` do (``form_complete.empty_required``,
in group items too)."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ConfigDict, ValidationError, create_model

from annotator.core.form_complete import empty_required
from annotator.core.form_lines import FormCheck
from annotator.core.models import Record
from annotator.core.scheme import Scheme, load_default_scheme
from tests.conftest import make_record

# Every field type, at the top level and in a group.
SCHEME = Scheme.model_validate(
    {
        "name": "forms",
        "labels": [{"name": "actor", "key": "1", "color": "#4e79a7"}],
        "fields": [
            {"name": "kind", "type": "choice", "choices": ["a", "b c", "é"], "required": True},
            {"name": "title", "type": "text", "required": True},
            {"name": "number", "type": "integer"},
            {"name": "day", "type": "date"},
            {"name": "tags", "type": "list"},
            {
                "name": "items",
                "type": "group",
                "fields": [
                    {"name": "who", "type": "text", "required": True},
                    {"name": "count", "type": "integer"},
                    {"name": "when", "type": "date"},
                    {"name": "names", "type": "list"},
                    {"name": "mode", "type": "choice", "choices": ["x", "y"]},
                ],
            },
        ],
    }
)

ODD: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    146,
    2**63 - 1,
    1.0,
    1.5,
    "",
    " ",
    "a",
    "b c",
    "é",
    "146",
    "2025",
    "2025-02",
    "2025-02-28",
    "2025-02-30",
    "2025-13",
    "2025-2-3",
    "٢٠٢٥",
    "2025-02-28\n",
    [],
    ["x"],
    [1],
    [None],
    {},
    {"who": "Kyiv"},
]


def model_takes(form: Any) -> bool:
    try:
        SCHEME.form_model.model_validate(form)
    except ValidationError:
        return False
    return True


def complete(form: dict[str, Any]) -> bool:
    """No required field empty in a done record of ``form``, by the rule of ``d``."""
    record = Record.model_validate(make_record(status="done", form=form))
    return not empty_required(record, SCHEME)


def fast_takes(raw: bytes, done: bool = False) -> bool:
    """Whether the fast check takes ``raw``; when it does, the model must too (and when
    ``done``, no required field may be empty, in an item neither)."""
    taken = FormCheck(SCHEME).fine(raw, done)
    if taken:
        form = orjson.loads(raw)
        assert model_takes(form), raw
        assert not done or complete(form), raw
    return taken


def forms() -> list[dict[str, Any]]:
    """Each top-level field and each item field set to each odd value, and left out."""
    out: list[dict[str, Any]] = [{}, {"kind": "a"}]
    for field in SCHEME.fields:
        for value in ODD:
            out.append({"kind": "a", field.name: value})
    group = SCHEME.fields[-1]
    for sub in group.fields:
        for value in ODD:
            out.append({"kind": "a", "items": [{"who": "Kyiv"}, {sub.name: value}]})
    out.append({"kind": "a", "extra": 1})
    out.append({"kind": "a", "items": [{"extra": 1}]})
    out.append({"kind": "a", "items": [None]})
    out.append({"kind": "a", "items": ["x"]})
    return out


@pytest.mark.parametrize("form", forms())
def test_a_form_the_fast_check_takes_the_model_takes(form: dict[str, Any]) -> None:
    fast_takes(orjson.dumps(form))
    fast_takes(orjson.dumps(form), done=True)


def test_the_fast_check_takes_the_forms_the_model_takes() -> None:
    """Not only refusals: it decides as the model does, the dates of other digits ("٢٠٢٥")
    and with a final newline refused by both (the model's ``\\d`` and ``$`` took them once)."""
    taken = 0
    for form in forms():
        assert fast_takes(orjson.dumps(form)) == model_takes(form), form
        taken += model_takes(form)
    assert taken > 20  # not a check that refuses everything


def test_in_a_done_record_the_fast_check_takes_the_complete_forms() -> None:
    """Done, it decides as the model and ``empty_required`` together."""
    taken = 0
    for form in forms():
        form = {**form, "title": "t"} if "title" not in form else form
        slow = model_takes(form) and complete(form)
        taken += slow
        assert fast_takes(orjson.dumps(form), done=True) == slow, form
    assert taken > 20  # not a check that refuses everything


@pytest.mark.parametrize(
    ("raw", "taken"),
    [
        (b"{}", True),
        (b" { } ", True),
        (b'{"kind": "a", "kind": "z"}', False),  # the last of a repeated key counts
        (b'{"kind": "a", "kind": "b c"}', True),
        (b'{"kind": "z", "kind": "a"}', False),  # every one is checked: stricter
        (b'{"title": "\\ud800"}', False),  # a lone surrogate: orjson refuses it
        (b'{"title": "caf\\u00e9"}', True),
        (b'{"number": 1e400}', False),
        (b'{"number": -0}', True),
        (b'{"number": 1e0}', False),
        (b'{"number": ' + str(2**64).encode() + b"}", False),
        (b"[]", False),
        (b"null", False),
        (b'{"kind": "a"', False),
    ],
)
def test_odd_json_texts(raw: bytes, taken: bool) -> None:
    assert fast_takes(raw) is taken


@pytest.mark.parametrize(
    ("form", "taken"),
    [
        ({"kind": "a", "title": "t"}, True),
        ({"kind": "é", "title": "t"}, True),
        ({}, False),
        ({"title": "t"}, False),
        ({"kind": None, "title": "t"}, False),
        ({"kind": "", "title": "t"}, False),
        ({"kind": "a", "title": " \t"}, False),  # spaces are no answer, as for d
        ({"kind": "a", "title": "t", "tags": []}, True),
        ({"kind": "a", "title": "t", "items": []}, True),  # the group is not required
        ({"kind": "a", "title": "t", "items": [{"who": "Kyiv"}, {"who": "Russia"}]}, True),
        ({"kind": "a", "title": "t", "items": [{"who": "Kyiv"}, {"count": 146}]}, False),
        ({"kind": "a", "title": "t", "items": [{"who": "Kyiv"}, {"who": None}]}, False),
        ({"kind": "a", "title": "t", "items": [{"who": "  "}]}, False),
        ({"kind": "a", "title": "t", "items": [{"who": ""}]}, False),
    ],
)
def test_required_fields_of_a_done_record(form: dict[str, Any], taken: bool) -> None:
    assert fast_takes(orjson.dumps(form), done=True) is taken
    assert complete(form) is taken  # the rule d and validate hold a done record to
    # Not done, none is required yet ("" is no choice of kind either way).
    assert fast_takes(orjson.dumps(form)) is model_takes(form) is (form.get("kind") != "")


def test_a_date_is_checked_on_the_calendar_every_time() -> None:
    check = FormCheck(SCHEME)
    assert check.fine(b'{"items": [{"when": "2024-02-29"}]}', False)
    assert not check.fine(b'{"items": [{"when": "2025-02-29"}]}', False)
    assert not check.fine(b'{"day": "2025-02-29"}', False)  # not remembered as fine
    assert check.fine(b'{"day": "2024-02-29"}', False)  # remembered: still fine


values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["a", "x", "é", "", "2024-02-29", "2025-02-29", "2025-12", "0000"]),
    st.text(max_size=4),
    st.lists(st.sampled_from(["a", "2025", ""]), max_size=2),
)
names = st.sampled_from(["kind", "title", "number", "day", "tags", "items", "nope"])
item_names = st.sampled_from(["who", "count", "when", "names", "mode", "nope"])
items = st.lists(st.dictionaries(item_names, values, max_size=3), max_size=2)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(names, values, max_size=4), st.none() | items)
def test_any_form_the_fast_check_takes_the_model_takes(form: dict[str, Any], group: Any) -> None:
    if group is not None:
        form["items"] = group
    try:
        raw = orjson.dumps(form)
    except orjson.JSONEncodeError:  # integers past 64 bits: not JSON orjson writes
        return
    fast_takes(raw)
    fast_takes(raw, done=True)


def test_the_check_stands_for_the_model_of_these_schemes() -> None:
    assert FormCheck(SCHEME).usable
    assert FormCheck(load_default_scheme()).usable


def test_a_form_model_without_the_schemes_fields_is_not_stood_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Should pydantic ever take a field for its own, every form goes to the model."""
    scheme = load_default_scheme()
    smaller = create_model("smaller", __config__=ConfigDict(extra="forbid"))
    monkeypatch.setattr(type(scheme), "form_model", property(lambda _self: smaller))
    check = FormCheck(scheme)
    assert not check.usable
    assert not check.fine(b"{}", False)


def test_a_field_name_beginning_with_an_underscore_is_refused() -> None:
    with pytest.raises(ValidationError, match="cannot begin with _"):
        Scheme.model_validate(
            {
                "name": "s",
                "labels": [{"name": "actor", "key": "1", "color": "#4e79a7"}],
                "fields": [{"name": "_x", "type": "text"}],
            }
        )
