"""A gold span id is never given again within a document in review: s2 drawn, undone and drawn
over other words was s2 again, while the decision's notice, the undo's and the gold file's
earlier line named the first span s2. Undo gives spans back their own ids; redo gives a decision
the ids it was first given; after a resume, ids go on above every line of the gold file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.models import Span
from annotator.core.review import ReviewSession
from annotator.core.review_decisions import new_span_id
from annotator.core.review_open import open_review
from tests.test_agreement_data import SCHEME_TOML, TEXT, record, write_corpus, write_journal
from tests.test_review_session_data import fixed_now, gold_lines, latest, open_it, spans_of
from tests.test_review_session_data import write_review_case as write_case
from tests.test_review_span_value import RUSSIA, sunday

# The case's d1: merge makes "Russia" s1 gold; c1 is alice's "146" count and "prisoners"
# releasee against bob's "146 prisoners" count; c2 "Ukraine", alice's actor, bob's releasee.
PRISONERS = (13, 26)


@pytest.fixture
def setup(tmp_path: Path) -> dict[str, Path]:
    return write_case(tmp_path)


@pytest.fixture
def session(setup: dict[str, Path]) -> Iterator[ReviewSession]:
    opened = open_it(setup)
    yield opened
    assert opened.close()


def gold_ids(session: ReviewSession, doc_id: str = "d1") -> list[tuple[str, str]]:
    """(id, text) of the document's gold spans, as the session holds them."""
    return [(span.id, span.text) for span in session.records[doc_id].spans]


def saved_ids(setup: dict[str, Path], doc_id: str = "d1") -> list[tuple[str, int, int]]:
    """(id, start, end) of the document's spans in its latest gold line."""
    return [(one[0], one[1], one[2]) for one in spans_of(latest(setup["gold"])[doc_id])]


def draw(session: ReviewSession, start: int, end: int, label: str) -> Span:
    session.begin_edit()
    return session.edit(start, end, label)


def test_a_span_drawn_undone_and_drawn_again_gets_a_new_id(
    session: ReviewSession, setup: dict[str, Path]
) -> None:
    assert gold_ids(session) == [("s1", "Russia")]
    assert draw(session, *PRISONERS, "count").id == "s2"
    session.undo()
    assert gold_ids(session) == [("s1", "Russia")]
    again = draw(session, 13, 16, "count")
    assert (again.id, again.text) == ("s3", "146")
    assert session.flush(10)
    line = latest(setup["gold"])["d1"]
    assert saved_ids(setup) == [("s1", 0, 6), ("s3", 13, 16)]
    assert set(line["sources"]["spans"]) == {"s1", "s3"}


def test_versions_taken_after_an_undo_get_new_ids(session: ReviewSession) -> None:
    session.take_letter("b")
    assert gold_ids(session) == [("s1", "Russia"), ("s2", "146 prisoners")]
    session.undo()
    session.take_letter("a")
    assert gold_ids(session) == [("s1", "Russia"), ("s3", "146"), ("s4", "prisoners")]


def test_undo_gives_spans_back_their_own_ids_and_the_next_decision_goes_on_above(
    session: ReviewSession,
) -> None:
    session.take_letter("b")  # c1: s2
    session.take_all()  # c2: s3 actor and s4 releasee "Ukraine"
    assert gold_ids(session)[2:] == [("s3", "Ukraine"), ("s4", "Ukraine")]
    session.undo()
    assert gold_ids(session) == [("s1", "Russia"), ("s2", "146 prisoners")]
    session.take_letter("a")  # c2 again: alice's actor
    assert gold_ids(session) == [("s1", "Russia"), ("s2", "146 prisoners"), ("s5", "Ukraine")]


def test_redo_gives_a_decision_the_ids_it_was_first_given(
    session: ReviewSession, setup: dict[str, Path]
) -> None:
    session.take_letter("a")  # c1: s2 "146", s3 "prisoners"
    first = gold_ids(session)
    assert first == [("s1", "Russia"), ("s2", "146"), ("s3", "prisoners")]
    session.undo()
    session.redo()
    assert gold_ids(session) == first
    assert session.flush(10)
    assert saved_ids(setup) == [("s1", 0, 6), ("s2", 13, 16), ("s3", 17, 26)]
    session.undo()
    assert draw(session, *PRISONERS, "count").id == "s4"


def test_after_a_resume_ids_go_on_above_every_line_of_the_gold_file(
    setup: dict[str, Path],
) -> None:
    first = open_it(setup)
    try:
        assert draw(first, *PRISONERS, "count").id == "s2"
        first.undo()  # the latest line has s1 alone; the line before it, s2
    finally:
        assert first.close()
    assert [[span["id"] for span in line["spans"]] for line in gold_lines(setup["gold"])] == [
        ["s1"],
        [],  # d2
        ["s1", "s2"],
        ["s1"],
    ]
    again = open_it(setup)
    try:
        assert gold_ids(again) == [("s1", "Russia")]
        assert draw(again, 13, 16, "count").id == "s3"
    finally:
        assert again.close()


def test_a_decision_after_a_merge_anew_goes_on_above_the_ids_it_dropped(
    session: ReviewSession,
) -> None:
    assert draw(session, *PRISONERS, "count").id == "s2"
    session.merge_anew("d1")  # merge's record again: s1 as gold had it, s2 dropped
    assert gold_ids(session) == [("s1", "Russia")]
    assert draw(session, 13, 16, "count").id == "s3"


def test_an_earlier_session_s_decision_undone_leaves_its_ids_unused(
    setup: dict[str, Path],
) -> None:
    first = open_it(setup)
    try:
        first.take_letter("b")  # s2 "146 prisoners"
    finally:
        assert first.close()
    again = open_it(setup)
    try:
        again.undo()  # read back from the gold file
        assert gold_ids(again) == [("s1", "Russia")]
        again.take_letter("a")
        assert gold_ids(again) == [("s1", "Russia"), ("s3", "146"), ("s4", "prisoners")]
    finally:
        assert again.close()


def test_a_span_value_typed_after_an_undo_gets_a_new_id(tmp_path: Path) -> None:
    scheme = tmp_path / "scheme.toml"
    scheme.write_text(SCHEME_TOML, encoding="utf-8")
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    alice = write_journal(
        tmp_path / "alice.jsonl", record("alice", spans=[RUSSIA, sunday("2025-08-24")])
    )
    bob = write_journal(tmp_path / "bob.jsonl", record("bob", spans=[RUSSIA, sunday("2025-08-17")]))
    review = open_review(
        [alice, bob], corpus, tmp_path / "gold.jsonl", "rita", scheme_path=scheme, now=fixed_now
    )
    try:
        review.settle_span_value("2025-08-23")
        assert gold_ids(review) == [("s1", "Russia"), ("s2", "Sunday")]
        review.undo()
        review.settle_span_value("2025-08-22")
        assert gold_ids(review) == [("s1", "Russia"), ("s3", "Sunday")]
        said = [notice for notice in review.take_notices() if notice.startswith("settled c1")]
        assert said[-1] == "settled c1: s3 date “Sunday” = 2025-08-22 (typed)"
    finally:
        assert review.close()


def test_new_span_id_is_above_the_spans_and_the_highest_known() -> None:
    spans = [Span(id=f"s{n}", start=n, end=n + 1, label="actor", text="x") for n in (1, 4)]
    assert new_span_id([], 0) == "s1"
    assert new_span_id(spans) == "s5"
    assert new_span_id(spans, 7) == "s8"
    assert new_span_id([Span(id="x9", start=0, end=1, label="actor", text="x")], 2) == "s3"
