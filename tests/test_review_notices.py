"""What the review says after a decision: what it did beyond what the panel showed.

The review case (tests/test_review_session_data.py): in d1, c1 is alice's count "146" and
releasee "prisoners" against bob's count "146 prisoners", c2 "Ukraine" (alice actor, bob
releasee), c3 bob's count "12".
"""

from __future__ import annotations

from pathlib import Path

from tests.test_review_session_data import open_it, write_review_case


def test_taking_both_bounds_of_a_count_says_gold_now_overlaps(tmp_path: Path) -> None:
    # A user trial: t on alice's count "295" and bob's "295 prisoners" wrote both without a
    # word, and an export to conll then left one out.
    session = open_it(write_review_case(tmp_path))
    try:
        session.take_all()
        assert session.take_notices() == [
            "gold now holds overlapping count spans “146” and “146 prisoners” (an export to "
            "conll or hf keeps one) · ctrl+z undoes",
        ]
        counts = [(s.start, s.end) for s in session.records["d1"].spans if s.label == "count"]
        assert counts == [(13, 16), (13, 26)]  # both written: said, not refused
        # Spans of other labels on the same words overlap without a word.
        session.take_all()
        assert session.take_notices() == []
    finally:
        assert session.close()
