"""Undo/redo over one record: exact earlier states, bounded memory, redo cleared by a change."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.history import History, describe_step
from annotator.core.models import Record, sha256_text

TEXT = "Ukraine and Russia swapped 146 prisoners."


def record(note: str) -> Record:
    return Record(
        schema_version=1,
        doc_id="d1",
        doc_sha256=sha256_text(TEXT),
        annotator="alice",
        status="in_progress",
        spans=[],
        note=note,
    )


def test_undo_and_redo_walk_the_states() -> None:
    first, second, third = record("a"), record("b"), record("c")
    history = History(first)
    assert history.record is first
    assert not history.can_undo and not history.can_redo
    assert history.undo() is None and history.redo() is None

    history.apply(second)
    history.apply(third)
    assert history.record is third
    assert history.undo() is second
    assert history.undo() is first
    assert history.undo() is None
    assert history.record is first
    assert history.can_redo and not history.can_undo
    assert history.redo() is second
    assert history.redo() is third
    assert history.redo() is None
    assert history.record is third


def test_a_new_change_forgets_redo() -> None:
    history = History(record("a"))
    history.apply(record("b"))
    history.undo()
    history.apply(record("c"))
    assert not history.can_redo
    assert history.redo() is None
    assert history.record.note == "c"
    assert history.undo() is not None
    assert history.record.note == "a"


def test_an_equal_record_is_not_an_undo_step() -> None:
    history = History(record("a"))
    history.apply(record("a"))
    assert not history.can_undo
    assert history.record.note == "a"


def test_bounded_history_keeps_the_current_state() -> None:
    history = History(record("0"), limit=3)
    for number in range(1, 8):
        history.apply(record(str(number)))
    assert history.record.note == "7"
    notes = []
    while (earlier := history.undo()) is not None:
        notes.append(earlier.note)
    assert notes == ["6", "5", "4"]
    assert history.record.note == "4"
    redone = []
    while (later := history.redo()) is not None:
        redone.append(later.note)
    assert redone == ["5", "6", "7"]


def test_limit_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        History(record("a"), limit=0)


operation = st.one_of(
    st.tuples(st.just("apply"), st.sampled_from("abcdef")),
    st.tuples(st.just("undo"), st.none()),
    st.tuples(st.just("redo"), st.none()),
)


@given(st.lists(operation, max_size=40), st.integers(1, 6))
@settings(max_examples=300)
def test_history_matches_a_list_model(operations: list[tuple[str, str | None]], limit: int) -> None:
    history = History(record("start"), limit=limit)
    past: list[Record] = []
    current = history.record
    future: list[Record] = []
    for kind, note in operations:
        if kind == "apply":
            assert note is not None
            new = record(note)
            history.apply(new)
            if new != current:
                past = [*past, current][-limit:]
                future = []
                current = new
        elif kind == "undo":
            result = history.undo()
            if past:
                future.append(current)
                current = past.pop()
                assert result is current
            else:
                assert result is None
        else:
            result = history.redo()
            if future:
                past.append(current)
                current = future.pop()
                assert result is current
            else:
                assert result is None
        assert history.record is current
        assert history.can_undo == bool(past)
        assert history.can_redo == bool(future)
    # Undoing all the way gives back every remembered state, newest first.
    while past:
        assert history.undo() is past.pop()
    assert history.undo() is None


def test_forget_redo_keeps_the_current_state_and_the_undo() -> None:
    first, second = record("a"), record("b")
    history = History(first)
    history.apply(second)
    history.undo()
    assert history.can_redo
    history.forget_redo()
    assert not history.can_redo and history.redo() is None
    assert history.record is first
    assert not history.can_undo  # nothing was done to undo
    history.apply(second)
    history.forget_redo()
    assert history.undo() is first


def test_a_note_step_is_named_with_its_words_and_where_it_is() -> None:
    """A trial read "undid: note", the note out of sight at 80x24."""
    step = describe_step(record("figures disputed"), record("figures disputed, see p. 3"))
    assert step.text == "note 'figures disputed' → 'figures disputed, see p. 3'"
    assert step.path == "note"
    assert describe_step(record(""), record("x")).text == "note (empty) → 'x'"
