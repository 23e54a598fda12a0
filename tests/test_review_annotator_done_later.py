"""A review opened again after an annotator finished a document merged without them (or left
one unfinished): a change of its records, not "reviewed from other annotators". A trial's ann3
finished document 12 after the merge; the review said 12 had been reviewed from other
annotators (it had no decision), did not merge it anew nor mark it, and its gold stood without
ann3's work."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.review import ReviewSession
from annotator.core.review_exit import REGROUPED, start_up_lines_at_exit
from annotator.core.review_open import open_review
from tests.test_agreement_data import BOB_SPANS, record
from tests.test_review_session_data import (
    RELEASE_RUSSIA,
    RELEASE_UKRAINE,
    assert_valid,
    fixed_now,
    latest,
    write_review_case,
)

CAROL_FORM = {"code": "2", "releases": [RELEASE_RUSSIA, RELEASE_UKRAINE]}


@pytest.fixture
def setup(tmp_path: Path) -> dict[str, Path]:
    """The review case with carol's journal beside alice's and bob's: d1 in progress, noted."""
    case = write_review_case(tmp_path)
    case["carol"] = tmp_path / "carol.jsonl"
    append(case["carol"], record("carol", status="in_progress", note="unsure"))
    return case


def append(journal: Path, line: dict[str, Any]) -> None:
    with journal.open("ab") as handle:
        handle.write(orjson.dumps(line) + b"\n")


def open_three(setup: dict[str, Path], *names: str) -> ReviewSession:
    return open_review(
        [setup[name] for name in names or ("alice", "bob", "carol")],
        setup["corpus"],
        setup["gold"],
        "rita",
        scheme_path=setup["scheme"],
        now=fixed_now,
    )


def carol_finishes_d1(setup: dict[str, Path]) -> None:
    append(setup["carol"], record("carol", spans=BOB_SPANS, form=CAROL_FORM, note="sure now"))


def merged_without_carol(setup: dict[str, Path], decide: bool) -> None:
    """Gold merged while carol's d1 is in progress; ``decide``: a decision made in d1."""
    session = open_three(setup)
    try:
        if decide:
            session.take(0)
    finally:
        assert session.close()
    d1 = latest(setup["gold"])["d1"]
    assert d1["sources"]["annotators"] == ["alice", "bob"]
    assert "carol (in progress): unsure" in d1["note"]


def test_a_document_not_reviewed_is_merged_anew_with_the_annotator_who_finished_it(
    setup: dict[str, Path],
) -> None:
    merged_without_carol(setup, decide=False)
    carol_finishes_d1(setup)
    session = open_three(setup)
    try:
        assert session.messages[1:] == [
            f"{setup['gold']}: 1 document(s) not reviewed yet are merged anew: their "
            "annotators' records changed since the merge (first: d1, carol's record)"
        ]
        assert session.records_changed == set()
        d1 = session.records["d1"]
        assert d1.sources.annotators == ["alice", "bob", "carol"]
        assert "in progress" not in d1.note and "sure now" in d1.note
    finally:
        assert session.close()
    assert latest(setup["gold"])["d1"]["sources"]["annotators"] == ["alice", "bob", "carol"]
    assert_valid(setup)


def test_a_reviewed_document_stands_marked_as_changed_records_until_merged_anew(
    setup: dict[str, Path],
) -> None:
    merged_without_carol(setup, decide=True)
    carol_finishes_d1(setup)
    session = open_three(setup)
    try:
        assert session.messages[1:] == [
            f"{setup['gold']}: 1 document(s) have review decisions and their annotators' "
            "records changed since the merge (first: d1, carol's record): their gold lines "
            "stand; to take the changes, merge such a document anew (l, then ctrl+r twice on "
            "it: decisions on conflicts the change touched are dropped)"
        ]
        assert [entry.records_changed for entry in session.document_entries()] == [True, False]
        assert session.records["d1"].sources.annotators == ["alice", "bob"]
        assert start_up_lines_at_exit(session) == session.messages[1:]
        session.merge_anew("d1")
        assert session.records["d1"].sources.annotators == ["alice", "bob", "carol"]
        assert [entry.records_changed for entry in session.document_entries()] == [False, False]
        assert start_up_lines_at_exit(session) == []
        session.undo()  # the record merged without carol is back, and marked again
        assert session.records_changed == {"d1"}
        assert start_up_lines_at_exit(session) == session.messages[1:]
    finally:
        assert session.close()


def test_an_annotator_who_left_a_document_unfinished_changed_its_records(
    setup: dict[str, Path],
) -> None:
    carol_finishes_d1(setup)
    session = open_three(setup)  # d1 merged from alice, bob and carol
    assert session.close()
    append(setup["carol"], record("carol", spans=BOB_SPANS, form=CAROL_FORM, status="in_progress"))
    session = open_three(setup)
    try:
        assert session.messages[1] == (
            f"{setup['gold']}: 1 document(s) not reviewed yet are merged anew: their "
            "annotators' records changed since the merge (first: d1, carol's record)"
        )
        assert session.records["d1"].sources.annotators == ["alice", "bob"]
    finally:
        assert session.close()


def test_a_document_reviewed_from_another_annotator_is_named_on_exit_till_merged_anew(
    setup: dict[str, Path],
) -> None:
    """Merged from bob, whose journal is not given now: reviewed from other annotators."""
    carol_finishes_d1(setup)
    session = open_three(setup, "alice", "bob")
    try:
        session.take(0)  # a decision in d1
    finally:
        assert session.close()
    session = open_three(setup, "alice", "carol")
    try:
        named = [message for message in session.messages if REGROUPED in message]
        assert named == [
            f"{setup['gold']}: 1 {REGROUPED} (first: d1, from alice, bob); their gold lines "
            "stand: to start one over from the annotators compared now, merge it anew (l, then "
            "ctrl+r twice on it)"
        ]
        assert start_up_lines_at_exit(session) == session.messages[1:]
        session.merge_anew("d1")
        assert not [line for line in start_up_lines_at_exit(session) if REGROUPED in line]
        session.undo()  # merged from bob again: ctrl+z marks it as changed records
        assert session.records_changed == {"d1"}
        assert ": 1 document(s) have review decisions" in start_up_lines_at_exit(session)[-1]
    finally:
        assert session.close()
