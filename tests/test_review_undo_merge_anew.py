"""Undo after a resume, past a merge anew from the annotators' changed records (ctrl+r): the
merge anew is undone in turn, then the decisions before it, as the session that made it undoes
them. A later session could undo neither: the merge anew's line started the document's history
again (``review_history``). Resuming's own merge anew (records changed, nothing decided) is
still no step: a session's first ctrl+z does not take back what its opening did."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.review_views import Place
from tests.test_agreement_data import BOB_SPANS, record
from tests.test_review_merge_kept import BOB_FORM, append, bob_marks_ukraine_an_actor, decide_three
from tests.test_review_session_data import assert_valid, latest, open_it, write_review_case

UNSAVED = ("annotator", "updated_at", "seconds_spent")


@pytest.fixture
def setup(tmp_path: Path) -> dict[str, Path]:
    return write_review_case(tmp_path)


def content(line: dict[str, object]) -> dict[str, object]:
    return {key: value for key, value in line.items() if key not in UNSAVED}


def changed(session: object) -> list[str]:
    entries = session.document_entries()  # type: ignore[attr-defined]
    return [entry.doc_id for entry in entries if entry.records_changed]


def test_a_later_session_undoes_a_merge_anew_then_the_decisions_before_it(
    setup: dict[str, Path],
) -> None:
    decided = decide_three(setup)  # c1, c2 ("Ukraine"), c4 (code) settled
    bob_marks_ukraine_an_actor(setup)
    merging = open_it(setup)
    try:
        merging.merge_anew("d1")  # c1's and c4's decisions kept, c2's dropped
        assert merging.flush(10)
    finally:
        assert merging.close()
    merged_anew = content(latest(setup["gold"])["d1"])
    again = open_it(setup)
    try:
        assert changed(again) == []
        assert again.can_undo
        again.undo()
        assert again.take_notices() == [
            "undid a merge anew of an earlier session: d1 is back as merged from its "
            "annotators' earlier records, with its decisions (2 open conflict(s), was 2)"
        ]
        assert again.flush(10)
        assert content(latest(setup["gold"])["d1"]) == content(decided)
        assert changed(again) == ["d1"]  # merge it anew to take bob's change, the list says
        again.redo()
        assert again.take_notices() == ["redid: merging d1 anew (2 conflict(s) open)"]
        assert again.flush(10)
        assert content(latest(setup["gold"])["d1"]) == merged_anew
        assert changed(again) == []
        again.undo()  # the merge anew again, then the three decisions, last first
        assert changed(again) == ["d1"]
        assert again.undo() == Place("d1", "c4")
        assert again.undo() == Place("d1", "c2")
        assert again.undo() == Place("d1", "c1")
        assert again.undo() is None
        assert again.conflicts_left() == 6
    finally:
        assert again.close()
    assert_valid(setup)
    # Undone so far, the document is a merge of bob's earlier record with nothing decided: the
    # next opening merges it anew, and that is no step to undo.
    last = open_it(setup)
    try:
        assert any("not reviewed yet are merged anew" in m for m in last.messages)
        assert not last.can_undo and last.undo() is None
    finally:
        assert last.close()


def test_resuming_s_own_merge_anew_is_not_undone(setup: dict[str, Path]) -> None:
    first = open_it(setup)
    try:
        first.take(0)
        first.undo()  # nothing decided in force
    finally:
        assert first.close()
    bob_marks_ukraine_an_actor(setup)
    again = open_it(setup)
    try:
        assert any("not reviewed yet are merged anew" in m for m in again.messages)
        assert not again.can_undo and again.undo() is None
    finally:
        assert again.close()


def test_a_merge_anew_that_kept_no_decision_leaves_none_in_force(
    setup: dict[str, Path],
) -> None:
    """Its document has no decision standing: when the annotators change their records again,
    resuming merges it anew (it stood, decisions and all, while the merge anew counted as one)."""
    session = open_it(setup)
    try:
        session.take(1)  # c1, bob's "146 prisoners"
        assert session.flush(10)
    finally:
        assert session.close()
    spans = [dict(one) for one in BOB_SPANS]
    spans[1] = {**spans[1], "end": 16, "text": "146"}  # c1 changed: its decision dropped
    append(setup["bob"], record("bob", spans=spans, form=BOB_FORM))
    merging = open_it(setup)
    try:
        merging.take_notices()
        merging.merge_anew("d1")
        assert "0 decision(s) kept, 1 dropped" in merging.take_notices()[0]
    finally:
        assert merging.close()
    bob_marks_ukraine_an_actor(setup)
    again = open_it(setup)
    try:
        assert any("not reviewed yet are merged anew" in m for m in again.messages)
        assert changed(again) == []
        # Behind resuming's merge anew, the reviewer's is not undone (nor what came before).
        assert not again.can_undo
    finally:
        assert again.close()
    assert_valid(setup)
