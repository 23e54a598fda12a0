"""What the review says after a decision: a confirmation, and what it did beyond the panel.

The review case (tests/test_review_session_data.py): in d1, c1 is alice's count "146" and
releasee "prisoners" against bob's count "146 prisoners", c2 "Ukraine" (alice actor, bob
releasee), c3 bob's count "12".
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.review_views import Place
from tests.test_review_left_out import COUNT_145, three_way
from tests.test_review_session_data import open_it, write_review_case


def test_taking_both_bounds_of_a_count_says_gold_now_overlaps(tmp_path: Path) -> None:
    # A user trial: t on alice's count "295" and bob's "295 prisoners" wrote both without a
    # word, and an export to conll then left one out.
    session = open_it(write_review_case(tmp_path))
    try:
        session.take_all()
        assert session.take_notices() == [
            "settled c1: took every version",
            "gold now holds overlapping count spans “146” and “146 prisoners” (an export to "
            "conll or hf keeps one) · ctrl+z undoes",
        ]
        counts = [(s.start, s.end) for s in session.records["d1"].spans if s.label == "count"]
        assert counts == [(13, 16), (13, 26)]  # both written: said, not refused
        # Spans of other labels on the same words overlap without a word.
        session.take_all()
        assert session.take_notices() == ["settled c2: took every version"]
    finally:
        assert session.close()


def test_each_decision_is_confirmed(tmp_path: Path) -> None:
    session = open_it(write_review_case(tmp_path))
    try:
        session.take_letter("b")
        session.take(0)
        session.reject_all()
        assert session.take_notices() == [
            "settled c1: took bob's version",
            "settled c2: took alice's version",
            "settled c3: rejected every version",
        ]
    finally:
        assert session.close()


def test_a_version_taken_beside_gold_s_span_says_it_stays(tmp_path: Path) -> None:
    # K = 2: the count "146" is gold (alice, bob); c1 is alice's releasee "146 prisoners" (and
    # carol's 145 for the count).
    session = three_way(tmp_path, min_agree=2, carol=(COUNT_145,))
    try:
        assert session.current == Place("d1", "c1")
        session.take(0)
        assert session.take_notices()[0] == (
            "settled c1: took alice's version; gold's count “146” stays beside it"
        )
    finally:
        assert session.close()


def test_a_version_giving_gold_s_span_another_value_says_the_value_changed(
    tmp_path: Path,
) -> None:
    # A user trial: K = 2 made the count "146" = 146 gold; carol's 145 was in the conflict.
    # Taking carol's sets that span's value (one span per place), while the notice said the
    # majority's span stayed beside it.
    session = three_way(tmp_path, min_agree=2, carol=(COUNT_145,))
    try:
        view = session.view()
        assert view is not None
        assert [v.annotators for v in view.versions] == [("alice",), ("bob",), ("carol",)]
        session.take(2)
        assert session.take_notices()[0] == (
            "settled c1: took carol's version; gold's count “146” now = 145 (was 146)"
        )
        assert [(s.start, s.end, s.value) for s in session.records["d1"].spans] == [(13, 16, 145)]
    finally:
        assert session.close()
