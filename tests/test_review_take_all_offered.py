"""``review_decisions.can_take_all``: whether ``t`` is offered. Where one version alone holds
anything (the others marked nothing there, or left the field empty) it is not: that version's
number takes it, and "t take every version" under one version sent a reviewer looking for
others. The panel's view reads it as it is (``review_views.describe``)."""

from __future__ import annotations

from typing import Any

from annotator.core.review_decisions import can_take_all, versions_holding
from tests.test_group_align_data import SCHEME


def field(*values: Any) -> dict[str, Any]:
    versions = [{"value": value, "annotators": [f"ann{n}"]} for n, value in enumerate(values)]
    return {"id": "c1", "kind": "field", "path": "releases[0].releasees", "versions": versions}


def spans(*marked: list[dict[str, Any]]) -> dict[str, Any]:
    versions = [{"spans": one, "annotators": [f"ann{n}"]} for n, one in enumerate(marked)]
    return {"id": "c2", "kind": "span", "region": [0, 9], "versions": versions}


def body(start: int, end: int) -> dict[str, Any]:
    return {"start": start, "end": end, "label": "releasee", "text": "x", "value": None}


def test_a_list_field_s_versions_are_taken_together_when_two_hold_names() -> None:
    assert can_take_all(field(["Ivan Petrenko"], ["Olena Koval"]), SCHEME)
    one = field(["Ivan Petrenko"], [])
    assert len(versions_holding(one)) == 1 and not can_take_all(one, SCHEME)
    assert not can_take_all(field(["Ivan Petrenko"], None), SCHEME)


def test_span_versions_are_taken_together_when_two_mark_something() -> None:
    assert can_take_all(spans([body(0, 4)], [body(5, 9)]), SCHEME)
    assert not can_take_all(spans([body(0, 4)], []), SCHEME)
    assert not can_take_all(spans([body(0, 4)]), SCHEME)
