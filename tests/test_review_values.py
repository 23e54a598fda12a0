"""Versions that differ only in a span's value: never settled by dropping one value unsaid.

A user trial: alice marked the count "85 prisoners" = 86, bob the same span = 85 (the text
says 85). ``t`` wrote 86 and said nothing; drawing the span wrote 86 too (the first version's
value). Here on TEXT: alice the count "146 prisoners" = 147, bob the same span = 146.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.review_views import Place
from annotator.core.session_edits import Refused
from tests.test_agreement_data import record, span, write_journal
from tests.test_review_session_data import fixed_now, write_review_case

CODE = {"code": "1"}  # required by the case's scheme


def two_values(tmp_path: Path) -> ReviewSession:
    setup = write_review_case(tmp_path)
    alice = write_journal(
        tmp_path / "a2.jsonl", record("alice", spans=[span("s1", 13, 26, "count", 147)], form=CODE)
    )
    bob = write_journal(
        tmp_path / "b2.jsonl", record("bob", spans=[span("s1", 13, 26, "count", 146)], form=CODE)
    )
    return open_review(
        [alice, bob],
        setup["corpus"],
        setup["gold"],
        "rita",
        scheme_path=setup["scheme"],
        now=fixed_now,
    )


def test_taking_every_version_of_two_values_is_refused_naming_them(tmp_path: Path) -> None:
    session = two_values(tmp_path)
    try:
        assert session.current == Place("d1", "c1")
        before = session.record
        # Not offered (a trial pressed the t the keys listed, to be refused), and refused
        # naming v, which types the value the versions differ in.
        view = session.view()
        assert view is not None and not view.can_take_all
        with pytest.raises(Refused) as refused:
            session.take_all()
        assert str(refused.value) == (
            "the versions give count “146 prisoners” different values (147: alice; 146: bob): "
            "take one version (1–2 or a/b), type its value (v) or draw it (e)"
        )
        assert session.record == before and session.current == Place("d1", "c1")
        # One version is taken with its own value.
        session.take_letter("b")
        assert [(s.text, s.value) for s in session.records["d1"].spans] == [("146 prisoners", 146)]
    finally:
        assert session.close()


def test_a_drawn_span_gets_the_value_of_its_words_and_says_it(tmp_path: Path) -> None:
    session = two_values(tmp_path)
    try:
        session.begin_edit()
        drawn = session.edit(13, 26, "count")
        # The value its words give, as the annotation screen gives it, not alice's 147.
        assert drawn.value == 146
        assert session.records["d1"].spans[0].value == 146
        assert session.take_notices()[0] == (
            "settled c1 with count “146 prisoners” = 146 (read from its words; "
            "version 1 (alice) gave 147) · ctrl+z undoes"
        )
        # Credited to bob alone, who gave 146: not to alice, who gave 147 (a trial).
        gold = session.records["d1"]
        assert gold.sources.spans[gold.spans[0].id] == ["bob"]
    finally:
        assert session.close()
