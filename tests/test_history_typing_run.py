"""A run of typing in one field, saved at each pause, is one undo step (History.apply's run),
until it ends (enter, leaving the field), another change comes, or an undo or redo."""

from __future__ import annotations

from annotator.core.history import History
from tests.test_history import record


def test_the_states_of_one_run_are_one_step() -> None:
    history = History(record("31"))
    history.apply(record("3"), run="count")
    history.apply(record("30"), run="count")
    assert history.run == "count"
    assert history.undo() == record("31")
    assert not history.can_undo and history.run is None
    assert history.redo() == record("30") and not history.can_redo


def test_a_run_ends_at_end_run_another_run_or_another_change() -> None:
    history = History(record("a"))
    history.apply(record("b"), run="count")
    history.end_run()
    history.apply(record("c"), run="count")  # typing again after leaving: a step of its own
    history.apply(record("d"), run="date")
    history.apply(record("e"))
    history.apply(record("f"), run="date")
    assert [history.undo() for _ in range(5)] == [record(n) for n in "edcba"]


def test_an_undo_ends_the_run() -> None:
    history = History(record("a"))
    history.apply(record("b"), run="count")
    history.undo()
    history.apply(record("c"), run="count")
    assert history.undo() == record("a") and history.redo() == record("c")


def test_typed_back_to_before_the_run_leaves_no_step() -> None:
    history = History(record("a"))
    history.apply(record("x"))
    history.apply(record("b"), run="count")
    history.apply(record("x"), run="count")
    assert history.record == record("x") and history.run is None
    assert history.undo() == record("a")
