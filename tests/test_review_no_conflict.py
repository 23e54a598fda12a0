"""The words a settling key says where no conflict is current (``review_no_conflict``); the
review screen's keys saying them are tests/tui/test_review_idle_keys_said.py's."""

from __future__ import annotations

from annotator.core.review_no_conflict import no_conflict_here


def test_every_conflict_settled_comes_before_the_document_looked_at() -> None:
    assert no_conflict_here("t", finished=True, looking="d2") == (
        "t takes every version of an open conflict: every conflict is settled "
        "(q to quit, l to look at a document)"
    )


def test_a_document_looked_at_is_named_and_n_offered() -> None:
    assert no_conflict_here("7", finished=False, looking="d2") == (
        "7 takes a version of an open conflict: d2 has none "
        "(n goes on to the next, l lists the documents)"
    )


def test_with_neither_n_is_offered() -> None:
    assert no_conflict_here("e", finished=False, looking=None) == (
        "e settles an open conflict by hand: none is current (n goes on to the next)"
    )
