"""Undo after a resume: the decisions of earlier sessions, read back from the gold file, are
undone last first, an earlier undo staying undone, whoever reviews."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.review_views import Place
from tests.test_review_session_data import assert_valid, gold_lines, open_it, write_review_case


@pytest.fixture
def setup(tmp_path: Path) -> dict[str, Path]:
    return write_review_case(tmp_path)


def test_a_resumed_review_undoes_the_last_session_s_decisions(setup: dict[str, Path]) -> None:
    first = open_it(setup)
    try:
        first.take(0)  # c1 of d1
        first.take(1)  # c2
        first.take(0)  # c3
        assert first.undo() == Place("d1", "c3")  # undone in that session
    finally:
        assert first.close()
    # Before, the second session said "nothing to undo in this session".
    again = open_it(setup)
    try:
        assert again.conflicts_left() == 4
        assert again.can_undo
        # c3's undo stays: the last decision in force is c2's.
        assert again.undo() == Place("d1", "c2")
        assert again.take_notices() == [
            # What it was, as this session's undo says it (a trial's said nothing of it).
            "undid a decision of an earlier session: d1 c2 is open again (took bob's version)"
        ]
        assert again.conflicts_left() == 5
        assert again.undo() == Place("d1", "c1")
        assert again.conflicts_left() == 6
        assert again.undo() is None  # merge's record: nothing before it
        assert not again.can_undo
        record = again.record
        assert record is not None and [c["id"] for c in record.conflicts][:3] == [
            "c1",
            "c2",
            "c3",
        ]
    finally:
        assert again.close()
    # The file says so: every line valid, the last one of d1 the merge's record again (its
    # conflicts, its spans), the time spent kept.
    lines = gold_lines(setup["gold"])
    d1 = [line for line in lines if line["doc_id"] == "d1"]
    assert d1[-1]["conflicts"] == d1[0]["conflicts"] and d1[-1]["spans"] == d1[0]["spans"]
    assert d1[-1]["seconds_spent"] >= d1[-3]["seconds_spent"]
    assert_valid(setup)
    # A third session finds nothing left to undo: the second one's undos count.
    third = open_it(setup)
    try:
        assert not third.can_undo and third.undo() is None
    finally:
        assert third.close()


def test_another_reviewer_can_undo_the_first_one_s_decisions(setup: dict[str, Path]) -> None:
    first = open_it(setup)
    try:
        first.take(0)
    finally:
        assert first.close()
    # sam's opening writes every line again under his name: no decision, nothing undone.
    sam = open_it(setup, reviewer="sam")
    try:
        assert sam.undo() == Place("d1", "c1")
        assert sam.undo() is None
    finally:
        assert sam.close()
    assert gold_lines(setup["gold"])[-1]["annotator"] == "sam"


def test_an_earlier_session_s_typed_value_is_not_said_taken(setup: dict[str, Path]) -> None:
    # A trial typed 210, the value one annotator gave; after a resume ctrl+z and ctrl+y
    # said "took ann2's version (210)", a version the reviewer never took.
    first = open_it(setup)
    try:
        first.go_to("d2", "c1")  # number: alice 3, bob 4
        first.settle_typed("4")
        first.go_to("d1", "c4")  # code: alice 1, bob 2; 5 is neither
        first.settle_typed("5")
    finally:
        assert first.close()
    again = open_it(setup)
    try:
        again.take_notices()
        assert again.undo() == Place("d1", "c4")
        assert again.take_notices() == [
            "undid a decision of an earlier session: d1 c4 is open again — code = “5” (typed)"
        ]
        assert again.undo() == Place("d2", "c1")
        assert again.take_notices() == [
            "undid a decision of an earlier session: d2 c1 is open again — number = 4 (bob's value)"
        ]
        again.redo()
        assert again.take_notices() == ["redid: d2 c1 settled again — number = 4 (bob's value)"]
    finally:
        assert again.close()
