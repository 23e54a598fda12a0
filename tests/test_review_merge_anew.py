"""Merging one document anew in a review, and the list of the review's documents: a trial's
reviewer had to undo 17 decisions, 12 of them in other documents, to take an annotator's change
into a document reviewed before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.review_documents import ReviewEntry
from annotator.core.review_open import open_review
from annotator.core.review_views import Place
from annotator.core.session_edits import Refused
from tests.test_agreement_data import record
from tests.test_review_session_data import (
    assert_valid,
    fixed_now,
    gold_lines,
    latest,
    open_it,
    write_review_case,
)


@pytest.fixture
def setup(tmp_path: Path) -> dict[str, Path]:
    return write_review_case(tmp_path)


def gold_now(session: Any, setup: dict[str, Path], doc_id: str) -> dict[str, Any]:
    """The document's latest gold line on disk, once the writes asked for are done."""
    assert session.flush(10)
    return latest(setup["gold"])[doc_id]


def content(line: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in line.items() if k not in ("annotator", "updated_at", "seconds_spent")}


def test_merge_anew_drops_the_document_s_decisions_and_ctrl_z_brings_them_back(
    setup: dict[str, Path],
) -> None:
    session = open_it(setup)
    try:
        merged = content(gold_now(session, setup, "d1"))
        opened = session.records.conflicts("d1")
        session.take(0)
        session.take(0)
        assert session.records.conflicts("d1") == opened - 2
        decided = content(gold_now(session, setup, "d1"))
        place = session.merge_anew("d1")
        assert place == Place("d1", merged["conflicts"][0]["id"])  # its first conflict
        assert session.records.conflicts("d1") == opened
        # As merge made it: its s1 is gold's s1 (``review_span_ids.with_gold_ids``).
        now = content(gold_now(session, setup, "d1"))
        # Numbered, so that a later session does not read its line as an undo.
        assert now["sources"].pop("merged_anew") == 1
        assert merged == now
        assert session.take_notices()[-1] == (
            f"merged d1 anew from its annotators' records, its review decisions dropped: {opened} "
            f"conflict(s) open (before: "
            f"{opened - 2} conflict(s) open); ctrl+z puts the record before back"
        )
        session.undo()
        assert content(gold_now(session, setup, "d1")) == decided
        assert session.records.conflicts("d1") == opened - 2
        assert session.take_notices() == [
            f"undid: merging d1 anew; its record before is back ({opened - 2} conflict(s) open)"
        ]
        session.undo()  # then the decision before it
        assert session.records.conflicts("d1") == opened - 1
    finally:
        assert session.close()
    assert_valid(setup)


def test_a_document_as_merged_is_not_merged_anew(setup: dict[str, Path]) -> None:
    session = open_it(setup)
    try:
        lines = len(gold_lines(setup["gold"]))
        with pytest.raises(Refused, match="d2 is as a merge makes it: nothing to merge anew"):
            session.merge_anew("d2")
        assert len(gold_lines(setup["gold"])) == lines
        assert not session.can_undo
    finally:
        assert session.close()


def test_merge_anew_takes_an_annotator_s_change_into_a_reviewed_document(
    setup: dict[str, Path],
) -> None:
    session = open_it(setup)
    try:
        session.take(0)  # a decision in d1: its gold line stands when alice changes d1
    finally:
        assert session.close()
    form = {"code": "1"}
    with setup["alice"].open("ab") as handle:
        handle.write(orjson.dumps(record("alice", spans=[], form=form)) + b"\n")
    again = open_it(setup)
    try:
        assert any("their gold lines stand" in message for message in again.messages)
        marked = {entry.doc_id for entry in again.document_entries() if entry.records_changed}
        assert marked == {"d1"}  # the list says which, once the message has gone
        stood = gold_now(again, setup, "d1")["sources"]["versions"]["alice"]
        again.merge_anew("d1")
        assert not any(entry.records_changed for entry in again.document_entries())
        again.undo()  # the record before, merged from alice's old record: marked again
        assert [e.doc_id for e in again.document_entries() if e.records_changed] == ["d1"]
        again.redo()
        now = gold_now(again, setup, "d1")
        assert now["sources"]["versions"]["alice"] != stood  # alice's record as it is now
        assert not any("alice" in who for who in now["sources"]["spans"].values())
    finally:
        assert again.close()
    assert_valid(setup)


def test_merge_anew_when_every_conflict_was_settled_opens_them_again(
    setup: dict[str, Path],
) -> None:
    session = open_it(setup)
    try:
        while not session.finished:
            session.take(0)
        assert session.current is None
        session.merge_anew("d2")
        assert session.current is not None and session.current.doc_id == "d2"
        assert not session.finished
        session.undo()
        assert session.finished and session.current is None
    finally:
        assert session.close()


def test_the_review_lists_its_documents_and_goes_to_one(setup: dict[str, Path]) -> None:
    session = open_it(setup)
    try:
        d1, d2 = session.records.conflicts("d1"), session.records.conflicts("d2")
        assert session.document_entries() == [
            ReviewEntry("d1", 0, d1, False),
            ReviewEntry("d2", 1, d2, False),
        ]
        place = session.go_to_document("d2")
        assert place is not None and place.doc_id == "d2" and session.current == place
        while session.records.conflicts("d2"):
            session.go_to_document("d2")
            session.take(0)
        # A document without open conflicts is looked at: no conflict current, nothing saved.
        lines = len(session.store.journal.read_bytes().splitlines()) if session.flush(10) else -1
        assert session.go_to_document("d2") is None
        assert (session.current, session.looking, session.doc_id) == (None, "d2", "d2")
        assert session.flush(10)
        assert len(session.store.journal.read_bytes().splitlines()) == lines
        with pytest.raises(Refused, match="not under review"):
            session.go_to_document("d9")
    finally:
        assert session.close()


def test_a_document_reviewed_from_other_annotators_is_merged_anew_from_those_compared_now(
    setup: dict[str, Path],
) -> None:
    first = open_it(setup)  # gold from alice and bob
    try:
        first.take(0)  # a decision in d1; d2 is not reviewed
    finally:
        assert first.close()
    carol = setup["bob"].with_name("carol.jsonl")
    lines = [orjson.loads(line) for line in setup["bob"].read_bytes().splitlines()]
    carol.write_bytes(
        b"".join(orjson.dumps({**line, "annotator": "carol"}) + b"\n" for line in lines)
    )
    session = open_review(
        [setup["alice"], carol],
        setup["corpus"],
        setup["gold"],
        "rita",
        scheme_path=setup["scheme"],
        now=fixed_now,
    )
    try:
        assert session.messages[1:] == [
            f"{setup['gold']}: 1 document(s) not reviewed yet are merged anew from the "
            "annotators compared now: they were merged from others (first: d2, from alice, bob)",
            f"{setup['gold']}: 1 document(s) were reviewed from other annotators than are "
            "compared now (first: d1, from alice, bob); their gold lines stand: to start one "
            "over from the annotators compared now, merge it anew (l, then ctrl+r twice on it)",
        ]
        assert gold_now(session, setup, "d2")["sources"]["annotators"] == ["alice", "carol"]
        assert gold_now(session, setup, "d1")["sources"]["annotators"] == ["alice", "bob"]
        session.merge_anew("d1")
        assert gold_now(session, setup, "d1")["sources"]["annotators"] == ["alice", "carol"]
    finally:
        assert session.close()
    assert_valid(setup)
