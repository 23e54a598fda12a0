"""Undoing a decision that made gold hold an item twice does not say it is now twice: a trial's
ctrl+z after an item typed with ``e`` identical to gold's said "undid: … c2 is open again — …
is so alike it may be the same one, now twice" when the undo had just taken the copy away.
Redone, it is twice again, and said so (``review_item_notices.without_alike_said``).

The case is tests/test_review_alike_as_taken.py's: bob's item is taken first, then carol's,
alike, is taken or typed again."""

from __future__ import annotations

from pathlib import Path

from annotator.core.review_item_notices import without_alike_said
from tests.test_review_alike_as_taken import ALIKE, conflict_of, opened, take
from tests.test_review_typed_twice import typed_at

TWICE = f"{ALIKE} is so alike it may be the same one, now twice"


def test_undoing_an_item_taken_twice_does_not_say_twice_and_redoing_does(
    tmp_path: Path,
) -> None:
    session = opened(tmp_path)
    try:
        take(session, "bob")
        carol = conflict_of(session, "carol")
        assert TWICE in take(session, "carol")
        session.undo()
        assert session.take_notices() == [
            f"undid: d1 {carol} is open again (releases: added the item carol gave (drava "
            "people's authority, 12) to gold)"
        ]
        assert len(session.records["d1"].form["releases"]) == 1
        session.redo()
        (redone,) = session.take_notices()
        assert redone.startswith(f"redid: d1 {carol} settled again")
        assert TWICE in redone
        assert len(session.records["d1"].form["releases"]) == 2
    finally:
        assert session.close()


def test_undoing_an_item_typed_as_gold_holds_it_does_not_say_twice(tmp_path: Path) -> None:
    session = opened(tmp_path)
    try:
        take(session, "bob")
        carol = conflict_of(session, "carol")
        session.settle_typed(typed_at(session, "carol"))
        assert TWICE in session.take_notices()[0]
        session.undo()
        (undone,) = session.take_notices()
        assert undone.startswith(f"undid: d1 {carol} is open again — carol's item unchanged; ")
        assert "alike" not in undone and "twice" not in undone
    finally:
        assert session.close()


def test_only_the_alike_clause_is_left_out() -> None:
    said = f"undid: d1 c2 is open again — a; item 2: {ALIKE} is so alike it may be the same "
    said += "one, now 3 times; released_by linked to s1"
    assert without_alike_said(said) == "undid: d1 c2 is open again — a; released_by linked to s1"
    assert without_alike_said("undid: d1 c2 is open again (took bob's version)") == (
        "undid: d1 c2 is open again (took bob's version)"
    )
