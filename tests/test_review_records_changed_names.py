"""The review's opening names the annotators whose records changed as one owner's list, "alice
and bob's records", as the rest of the review names versions ("took alice and bob's version"):
written "alice, bob's records", it read as bob's alone, alice a document named beside it."""

from __future__ import annotations

from pathlib import Path

from annotator.core.review_exit import records_changed_line
from tests.test_agreement_data import record
from tests.test_review_journals_changed import append
from tests.test_review_session_data import RELEASE_RUSSIA, open_it, write_review_case


def test_two_annotators_changed_records_are_named_with_and(tmp_path: Path) -> None:
    line = records_changed_line(tmp_path / "gold.jsonl", 1, "d1", ["alice", "bob"])
    assert "(first: d1, alice and bob's records)" in line
    one = records_changed_line(tmp_path / "gold.jsonl", 1, "d1", ["alice"])
    assert "(first: d1, alice's record)" in one


def test_a_document_merged_anew_names_both_changed_records(tmp_path: Path) -> None:
    case = write_review_case(tmp_path)
    opened = open_it(case)  # the gold file, merged; no decision made
    assert opened.close()
    form = {"code": "2", "releases": [RELEASE_RUSSIA]}
    append(case["alice"], record("alice", spans=[], form=form))
    append(case["bob"], record("bob", spans=[], form=form))
    again = open_it(case)
    try:
        said = [message for message in again.messages if "merged anew" in message]
        assert said == [
            f"{case['gold']}: 1 document(s) not reviewed yet are merged anew: their "
            "annotators' records changed since the merge (first: d1, alice and bob's records)"
        ]
    finally:
        assert again.close()
