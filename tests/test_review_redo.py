"""ctrl+y in review puts back what ctrl+z undid (a trial missed it: an undo too many could only
be made good by deciding again)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from annotator.core.review import ReviewSession
from tests.test_review_session_data import latest, open_it, write_review_case


@pytest.fixture
def setup(tmp_path: Path) -> dict[str, Path]:
    return write_review_case(tmp_path)


def content(session: ReviewSession, setup: dict[str, Path], doc_id: str) -> dict[str, Any]:
    assert session.flush(10)
    line = latest(setup["gold"])[doc_id]
    return {k: v for k, v in line.items() if k not in ("updated_at", "seconds_spent")}


def test_redo_puts_back_the_decisions_undone_in_turn(setup: dict[str, Path]) -> None:
    session = open_it(setup)
    try:
        first = session.current
        session.take(0)
        one = content(session, setup, "d1")
        second = session.current
        session.take(1)
        two = content(session, setup, "d1")
        session.undo()
        session.undo()
        assert session.current == first
        assert session.can_redo
        session.take_notices()
        assert session.redo() == second  # on to the next open conflict, as the decision did
        assert content(session, setup, "d1") == one
        # What was redone, as ctrl+z said it (a trial's said "c1 settled again" only).
        assert session.take_notices() == [
            f"redid: d1 {first.conflict_id} settled again (took alice's version)"  # type: ignore[union-attr]
        ]
        session.redo()
        assert content(session, setup, "d1") == two
        assert not session.can_redo and session.redo() is None
        session.undo()  # and undone again
        assert content(session, setup, "d1") == one
    finally:
        assert session.close()


def test_a_decision_after_an_undo_leaves_nothing_to_redo(setup: dict[str, Path]) -> None:
    session = open_it(setup)
    try:
        session.take(0)
        session.undo()
        session.take(1)
        assert not session.can_redo
    finally:
        assert session.close()


def test_an_earlier_session_s_decision_undone_is_redone(setup: dict[str, Path]) -> None:
    session = open_it(setup)
    try:
        session.take(0)
    finally:
        assert session.close()
    again = open_it(setup)
    try:
        decided = content(again, setup, "d1")
        again.undo()
        assert again.take_notices() == [
            "undid a decision of an earlier session: d1 c1 is open again (took alice's version)"
        ]
        assert content(again, setup, "d1") != decided
        again.redo()
        assert content(again, setup, "d1") == decided
        # Read from the records: an earlier session's decision has no notice of its own.
        assert again.take_notices() == ["redid: d1 c1 settled again (took alice's version)"]
    finally:
        assert again.close()


def test_redo_of_a_merge_anew(setup: dict[str, Path]) -> None:
    session = open_it(setup)
    try:
        session.take(0)
        session.merge_anew("d1")
        merged = content(session, setup, "d1")
        session.undo()
        session.take_notices()
        session.redo()
        assert content(session, setup, "d1") == merged
        session.undo()
        assert session.take_notices()[-1].startswith("undid: merging d1 anew")
    finally:
        assert session.close()


def test_an_earlier_session_s_merge_anew_undone_and_redone_is_said(
    setup: dict[str, Path],
) -> None:
    """The code review's case: decide twice, quit; merge anew, quit; resume and ctrl+z."""
    session = open_it(setup)
    try:
        opened = session.records.conflicts("d1")
        session.take(0)
        session.take(0)
    finally:
        assert session.close()
    merging = open_it(setup)
    try:
        merging.merge_anew("d1")
    finally:
        assert merging.close()
    again = open_it(setup)
    try:
        again.undo()
        assert again.take_notices() == [
            f"undid a merge anew of an earlier session: d1 has {opened - 2} open conflict(s) "
            f"again (was {opened})"
        ]
        place = again.redo()
        assert again.take_notices() == [f"redid: merging d1 anew ({opened} conflict(s) open)"]
        assert place is not None and place.doc_id == "d1"
        assert place == again.order.in_document("d1")[0][1]  # its first conflict
        again.undo()
        assert again.take_notices() == [f"undid: d1 has {opened - 2} open conflict(s)"]
    finally:
        assert again.close()


def test_an_undo_names_the_decision_it_takes_back(setup: dict[str, Path]) -> None:
    session = open_it(setup)
    try:
        first = session.current
        assert first is not None
        session.take(0)
        session.take_notices()
        session.undo()
        (said,) = session.take_notices()
        assert said.startswith(f"undid: d1 {first.conflict_id} is open again (took ")
        assert "settled" not in said
    finally:
        assert session.close()


def test_undone_words_drop_the_head_and_the_key_hint() -> None:
    from annotator.core.review_deciding import undone_words
    from annotator.core.review_views import Place

    place = Place("d1", "c3")
    drawn = "settled c3 with count “146” = 146 (read from its words) · ctrl+z undoes"
    assert undone_words(place, drawn) == (
        "undid: d1 c3 is open again — count “146” = 146 (read from its words)"
    )
    assert undone_words(place, "settled c3: took alice's version") == (
        "undid: d1 c3 is open again (took alice's version)"
    )
    assert undone_words(place, "") == "undid: d1 c3 is open again"
