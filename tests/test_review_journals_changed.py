"""A review opened again after an annotator changed a record: a document not reviewed yet is
merged anew, one with review decisions stands and is named (a trial's new span went unseen:
"0 conflicts, all settled")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.annotation import Annotation
from annotator.core.models import Record, record_line
from annotator.core.record_lines import LineCheck
from tests.test_agreement_data import ALICE_SPANS, record, scheme
from tests.test_review_session_data import (
    RELEASE_RUSSIA,
    TEXT2,
    assert_valid,
    gold_lines,
    latest,
    merge,
    open_it,
    write_review_case,
)


@pytest.fixture
def setup(tmp_path: Path) -> dict[str, Path]:
    return write_review_case(tmp_path)


def append(journal: Path, line: dict[str, Any]) -> None:
    with journal.open("ab") as handle:
        handle.write(orjson.dumps(line) + b"\n")


def test_a_changed_record_of_a_document_not_reviewed_is_merged_anew(
    setup: dict[str, Path],
) -> None:
    merge(setup)
    assert latest(setup["gold"])["d2"]["status"] == "in_progress"  # number: 3 against 4
    # bob agrees with alice now.
    append(setup["bob"], record("bob", "d2", text=TEXT2, form={"code": "1", "number": 3}))
    session = open_it(setup)
    try:
        assert (
            f"{setup['gold']}: 1 document(s) not reviewed yet are merged anew: their "
            "annotators' records changed since the merge (first: d2, bob's record)"
        ) in session.messages
        assert session.conflicts_left() == 5  # d1's; d2 has none left
        assert session.documents_left() == 1
    finally:
        assert session.close()
    d2 = latest(setup["gold"])["d2"]
    assert (d2["status"], d2["conflicts"], d2["form"]) == (
        "done",
        [],
        {"code": "1", "number": 3},
    )
    assert_valid(setup)


def test_a_changed_record_of_a_reviewed_document_stands_and_is_named(
    setup: dict[str, Path],
) -> None:
    session = open_it(setup)
    try:
        session.take(0)  # d1 c1: a decision stands in d1
    finally:
        assert session.close()
    written = len(gold_lines(setup["gold"]))
    form = {"code": "2", "releases": [RELEASE_RUSSIA]}
    append(setup["alice"], record("alice", spans=[], form=form))
    again = open_it(setup)
    try:
        assert (
            f"{setup['gold']}: 1 document(s) have review decisions and their annotators' "
            "records changed since the merge (first: d1, alice's record): their gold lines "
            "stand; `annotator diff` shows what changed, and a review into a new gold file "
            "takes it"
        ) in again.messages
        assert again.conflicts_left() == 5  # as the review left it: 4 in d1, 1 in d2
    finally:
        assert again.close()
    assert len(gold_lines(setup["gold"])) == written  # nothing written: the decision stands


def test_an_undone_decision_leaves_the_document_not_reviewed(setup: dict[str, Path]) -> None:
    session = open_it(setup)
    try:
        session.take(0)
        session.undo()
    finally:
        assert session.close()
    append(setup["bob"], record("bob", "d2", text=TEXT2, form={"code": "1", "number": 3}))
    append(setup["alice"], record("alice", spans=[], form={"code": "2"}))
    again = open_it(setup)
    try:
        said = [message for message in again.messages if "merged anew" in message]
        assert said == [
            f"{setup['gold']}: 2 document(s) not reviewed yet are merged anew: their "
            "annotators' records changed since the merge (first: d1, alice's record)"
        ]
    finally:
        assert again.close()
    assert latest(setup["gold"])["d2"]["status"] == "done"


def test_saving_again_without_a_change_is_no_change(setup: dict[str, Path]) -> None:
    merge(setup)
    line = orjson.loads(setup["bob"].read_bytes().splitlines()[-1])
    line.update(updated_at="2025-09-01T10:00:00Z", seconds_spent=99.0)  # looked at it again
    append(setup["bob"], line)
    session = open_it(setup)
    try:
        assert not [message for message in session.messages if "changed" in message]
    finally:
        assert session.close()
    assert len(gold_lines(setup["gold"])) == 2


def test_the_version_is_what_the_record_says_however_it_was_read(tmp_path: Path) -> None:
    line = record("alice", spans=ALICE_SPANS, form={"code": "1"}, note="n")
    model = Record.model_validate(line)
    # Read as agree, diff and merge read lines, and through the model (a line the quick
    # check leaves to it): one digest.
    checked = LineCheck(scheme(tmp_path)).line(record_line(model))
    assert checked is not None
    assert Annotation.of_line(checked).version == Annotation(model).version
    for change in ({"note": "m"}, {"flagged": True}, {"form": {"code": "2"}}, {"spans": []}):
        assert Annotation(model.model_copy(update=change)).version != Annotation(model).version
