"""Undo after a resume, past a merge anew of the same records (ctrl+r on a document whose
annotators changed nothing: the way to decide it again). Such a merge gives back the record merge
wrote, so its gold line read as the undo of the decision before it: a later session's ctrl+z said
"nothing to undo" with that decision in the file, or undid another document's older step. And an
earlier session's merge anew undone left the cursor on a conflict the record put back lacks (a
traceback on the next redraw)."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.review_views import Place
from tests.test_review_session_data import assert_valid, gold_lines, open_it, write_review_case

UNSAVED = ("annotator", "updated_at", "seconds_spent")


@pytest.fixture
def setup(tmp_path: Path) -> dict[str, Path]:
    return write_review_case(tmp_path)


def content(line: dict[str, object]) -> dict[str, object]:
    return {key: value for key, value in line.items() if key not in UNSAVED}


def d2_lines(setup: dict[str, Path]) -> list[dict[str, object]]:
    return [content(line) for line in gold_lines(setup["gold"]) if line["doc_id"] == "d2"]


def test_a_merge_anew_of_the_same_records_is_undone_after_a_resume_then_what_came_before(
    setup: dict[str, Path],
) -> None:
    first = open_it(setup)
    try:
        first.go_to_document("d2")
        first.take(0)  # d2's one conflict (number): alice's 3
        first.merge_anew("d2")  # decided again: its conflict open
        first.take(1)  # bob's 4
    finally:
        assert first.close()
    merged, took_alice, anew, _took_bob = d2_lines(setup)[-4:]
    # The merge anew gives the record merge wrote, but its line says it is no undo.
    assert {**anew, "sources": None} == {**merged, "sources": None}
    again = open_it(setup)
    try:
        assert again.undo() == Place("d2", "c1")
        assert again.take_notices() == [
            "undid a decision of an earlier session: d2 c1 is open again — number = 4 (bob's value)"
        ]
        # Before, "nothing to undo": the merge anew was taken for the first decision's undo.
        assert again.can_undo
        again.undo()
        assert again.take_notices() == [
            "undid a merge anew of an earlier session: d2 has 0 open conflict(s) again (was 1)"
        ]
        assert again.undo() == Place("d2", "c1")
        assert again.take_notices() == [
            "undid a decision of an earlier session: d2 c1 is open again — number = 3 "
            "(alice's value)"
        ]
        assert again.undo() is None
        assert not again.can_undo
    finally:
        assert again.close()
    assert d2_lines(setup)[-3:] == [anew, took_alice, merged]
    assert_valid(setup)


def test_a_resumed_undo_takes_back_the_last_merge_anew_not_an_older_document_s_step(
    setup: dict[str, Path],
) -> None:
    first = open_it(setup)
    try:
        first.take(0)  # d1 c1, the session before
    finally:
        assert first.close()
    second = open_it(setup)
    try:
        second.go_to_document("d2")
        second.take(0)
        second.merge_anew("d2")  # then quit
    finally:
        assert second.close()
    third = open_it(setup)
    try:
        again = third.undo()
        # The merge anew of d2 undone (d2 settled again), not d1's decision: before, d2's merge
        # anew read as an undo left d1's c1 the last step, and it was put back silently.
        assert third.take_notices() == [
            "undid a merge anew of an earlier session: d2 has 0 open conflict(s) again (was 1)"
        ]
        assert third.records["d2"].conflicts == []
        assert third.records["d1"].conflicts[0]["id"] == "c2"
        # None of d2's is open: d2 is looked at, as a merge anew leaving none open leaves it.
        assert again is None and third.looking == "d2"
        assert third.undo() == Place("d2", "c1")
        assert third.undo() == Place("d1", "c1")
        assert third.undo() is None
    finally:
        assert third.close()
    assert_valid(setup)


def test_undoing_an_earlier_merge_anew_never_leaves_the_cursor_on_a_conflict_gone(
    setup: dict[str, Path],
) -> None:
    first = open_it(setup)
    try:
        first.take(0)  # d1 c1
        first.take(0)  # d1 c2
        first.merge_anew("d1")  # c1 and c2 open again
        first.take(0)  # c1
    finally:
        assert first.close()
    again = open_it(setup)
    try:
        assert again.undo() == Place("d1", "c1")
        again.take_notices()
        # The record before the merge anew has c1 and c2 settled: the cursor moves on to its
        # first open conflict (it stayed on c1: a traceback on the next redraw).
        place = again.undo()
        assert again.take_notices() == [
            "undid a merge anew of an earlier session: d1 has 3 open conflict(s) again (was 5)"
        ]
        assert place is not None and place == again.current
        record = again.records["d1"]
        assert record.conflicts[0]["id"] == place.conflict_id == "c3"
        assert again.conflict is not None and again.conflict["id"] == "c3"
        assert again.undo() == Place("d1", "c2")
        assert again.undo() == Place("d1", "c1")
        assert again.undo() is None
    finally:
        assert again.close()
    assert_valid(setup)
