"""Whose notes a gold record's note holds (the review's notes line names them first)."""

from __future__ import annotations

from annotator.core.review_views import notes_authors, notes_summary


def test_the_authors_are_the_annotators_starting_a_line_in_their_order() -> None:
    note = "alice: Unsure whether: who released them\nsee the last paragraph\nbob: date unclear"
    assert notes_authors(note, ["alice", "bob", "carol"]) == ["alice", "bob"]
    assert notes_authors(note, ["bob", "alice"]) == ["bob", "alice"]
    # A later line of alice's note naming someone else is not that one's note.
    assert notes_authors("alice: ask carol\ncarol said: no", ["alice", "carol"]) == ["alice"]
    assert notes_authors("", ["alice"]) == []


def test_annotators_whose_record_was_not_done_come_after_with_their_status() -> None:
    note = "bob: ok\ncarol (skipped): no release (see 3): skipped\n  dave (x): not a name"
    assert notes_authors(note, ["alice", "bob"]) == ["bob", "carol (skipped)"]


def test_the_summary_joins_the_lines() -> None:
    assert notes_summary("alice: a  b\n\nbob:\tc") == "alice: a b · bob: c"
    # A note of two lines (the second indented by merge) stays one note.
    note = "alice: Disputed figures.\n  Drava's 210 linked too.\nbob: ok"
    assert notes_summary(note) == "alice: Disputed figures. ⏎ Drava's 210 linked too. · bob: ok"
