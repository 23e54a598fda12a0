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
        session.settle_typed("12")
        assert session.take_notices() == ["settled c2: releases #2 count = 12 (typed)"]
        session.undo()
        assert session.take_notices() == [
            # A dash, not a bracket round the notice's own: it ended in "(typed))".
            "undid: d1 c2 is open again — releases #2 count = 12 (typed)"
        ]
        session.redo()
        assert session.take_notices() == [
            "redid: d1 c2 settled again — releases #2 count = 12 (typed)"
        ]
    finally:
        assert session.close()
