"""``review_conflict.can_take_all``: whether ``t`` is offered. Where one version alone holds
anything (the others marked nothing there, or left the field empty) it is not: that version's
number takes it, and "t take every version" under one version sent a reviewer looking for
others. The panel's view reads it as it is (``review_views.describe``). Pressed there all the
same, ``t`` is refused naming the number that takes it (``take_every_version``): it took the
version as ``1`` unsaid."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from annotator.core.review_conflict import can_take_all, versions_holding
from annotator.core.review_views import Place
from annotator.core.session_edits import Refused
from tests.test_group_align_data import SCHEME
from tests.test_review_lists_text_order import AISSATOU, PATH, ZOE, conflict_at, opened


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


def test_t_where_one_version_alone_gives_anything_is_refused_naming_its_number(
    tmp_path: Path,
) -> None:
    # Only ann1 gave the release (a conflict of its own, one version): t took it as 1 would,
    # unsaid, where the panel does not list t.
    session = opened(tmp_path, [ZOE], None, linked=True)
    try:
        cid = conflict_at(session, "releases")
        before = session.records["d1"]
        with pytest.raises(Refused) as refused:
            session.take_all()
        assert str(refused.value) == (
            "t takes every version, and only version 1 (ann1) gives anything here: press 1 to "
            "take it"
        )
        assert session.records["d1"] == before and session.current == Place("d1", cid)
        session.take(0)  # its number takes it
        assert session.records["d1"].form["releases"][0]["releasees"] == [ZOE]
    finally:
        assert session.close()


def test_t_where_two_versions_give_something_takes_them(tmp_path: Path) -> None:
    session = opened(tmp_path, [ZOE], [AISSATOU], linked=True)
    try:
        conflict_at(session, PATH)
        session.take_all()
        assert session.records["d1"].form["releases"][0]["releasees"] == [AISSATOU, ZOE]
    finally:
        assert session.close()
