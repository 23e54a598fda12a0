"""Taking every version of a label conflict says that the same words now carry two labels.

A reviewer's trial: ``t`` on alice's actor "Ukraine" against bob's releasee "Ukraine" said only
"settled c2: took every version", and gold held the span as both; an export to conll or hf
then keeps one of them, as it keeps one of two overlapping spans of a label, which ``t`` on a
boundary conflict does say. The review case (tests/test_review_session_data.py): in d1, c1
is alice's count "146" and releasee "prisoners" against bob's count "146 prisoners", c2
"Ukraine" 31–38 (alice actor, bob releasee), c3 bob's count "12".
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.review_notices import overlap_notice
from annotator.core.review_open import open_review
from annotator.core.review_views import Place
from tests.test_agreement_data import record, span, write_journal
from tests.test_review_session_data import fixed_now, open_it, write_review_case

TWO_LABELS = (
    "gold now holds “Ukraine” as actor and releasee: the same words carry two labels "
    "(an export to conll or hf keeps one) · ctrl+z undoes"
)


def test_taking_every_label_of_the_same_words_says_they_carry_two(tmp_path: Path) -> None:
    session = open_it(write_review_case(tmp_path))
    try:
        session.take_letter("b")  # c1: bob's count "146 prisoners"
        assert session.current == Place("d1", "c2")
        session.take_notices()
        session.take_all()
        assert session.take_notices() == ["settled c2: took every version", TWO_LABELS]
        gold = session.records["d1"]
        assert sorted(s.label for s in gold.spans if (s.start, s.end) == (31, 38)) == [
            "actor",
            "releasee",
        ]  # both written: said, not refused
    finally:
        assert session.close()


def test_taking_one_label_says_nothing_of_labels(tmp_path: Path) -> None:
    session = open_it(write_review_case(tmp_path))
    try:
        session.take_letter("b")
        session.take_notices()
        session.take_letter("a")  # c2: alice's actor alone
        assert session.take_notices() == ["settled c2: took alice's version"]
    finally:
        assert session.close()


def test_undone_and_taken_again_it_is_said_again(tmp_path: Path) -> None:
    session = open_it(write_review_case(tmp_path))
    try:
        session.take_letter("b")
        session.take_all()
        session.undo()
        session.take_notices()
        assert session.current == Place("d1", "c2")
        session.take_all()
        assert session.take_notices() == ["settled c2: took every version", TWO_LABELS]
    finally:
        assert session.close()


def test_three_labels_on_the_same_words_are_named_in_order(tmp_path: Path) -> None:
    setup = write_review_case(tmp_path)
    code = {"code": "1"}  # required by the case's scheme
    journals = [
        write_journal(tmp_path / f"{name}3.jsonl", record(name, spans=[body], form=code))
        for name, body in (
            ("alice", span("s1", 45, 47, "count", 12)),
            ("bob", span("s1", 45, 47, "releasee")),
            ("carol", span("s1", 45, 47, "actor")),
        )
    ]
    session = open_review(
        journals, setup["corpus"], setup["gold"], "rita", scheme_path=setup["scheme"], now=fixed_now
    )
    try:
        session.take_notices()
        session.take_all()
        assert session.take_notices()[:2] == [
            "settled c1: took every version",
            "gold now holds “12” as actor, count and releasee: the same words carry 3 labels "
            "(an export to conll or hf keeps one) · ctrl+z undoes",
        ]
    finally:
        assert session.close()


def test_both_kinds_in_one_decision_are_said_in_one_notice(tmp_path: Path) -> None:
    # No one conflict of two annotators holds both; the notice is made of the records before
    # and after, so gold after both of c1's and c2's versions were taken stands for one.
    session = open_it(write_review_case(tmp_path))
    try:
        before = session.records["d1"]
        session.take_all()
        session.take_all()
        after = session.records["d1"]
        assert overlap_notice(before, after) == (
            "gold now holds overlapping count spans “146” and “146 prisoners” (an export to "
            "conll or hf keeps one); gold now holds “Ukraine” as actor and releasee: the same "
            "words carry two labels (an export to conll or hf keeps one) · ctrl+z undoes"
        )
    finally:
        assert session.close()
