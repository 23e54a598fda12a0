"""A field's value typed in review (``e``, enter) is confirmed as every other decision is, and
its undo names it: a trial typed a count, saw only "… is settled: done", and ctrl+z then said
"c2 is open again" without what it took back.

The journals are tests/test_group_items_own.py's: c2 is the count of the release alice gives
as 12 and bob as 13.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.review_open import open_review
from tests.test_group_align_data import write_case
from tests.test_group_items_own import records


def test_a_typed_value_is_said_and_its_undo_names_it(tmp_path: Path) -> None:
    corpus, journals = write_case(tmp_path, records())
    session = open_review(journals, corpus, tmp_path / "gold.jsonl", "rita")
    try:
        session.go_to("d1", "c2")
        session.settle_typed("14")  # neither gave it (alice 12, bob 13)
        assert session.take_notices() == ["settled c2: releases #2 count = 14 (typed)"]
        session.undo()
        assert session.take_notices() == [
            # A dash, not a bracket round the notice's own: it ended in "(typed))".
            "undid: d1 c2 is open again — releases #2 count = 14 (typed)"
        ]
        session.redo()
        assert session.take_notices() == [
            "redid: d1 c2 settled again — releases #2 count = 14 (typed)"
        ]
    finally:
        assert session.close()


def test_a_value_entered_as_a_version_gives_it_is_said_as_theirs(tmp_path: Path) -> None:
    """The editor shows the first version's value filled in: enter on it is alice's value, as
    its undo says it, not "(typed)" (a trial's count 95 and event type "ann")."""
    corpus, journals = write_case(tmp_path, records())
    session = open_review(journals, corpus, tmp_path / "gold.jsonl", "rita")
    try:
        session.go_to("d1", "c2")
        session.settle_typed("12")
        said = "releases #2 count = 12 (alice's value)"
        assert session.take_notices() == [f"settled c2: {said}"]
        session.undo()
        assert session.take_notices() == [f"undid: d1 c2 is open again — {said}"]
    finally:
        assert session.close()
