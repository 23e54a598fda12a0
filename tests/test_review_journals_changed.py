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
    merged_from = latest(setup["gold"])["d1"]["sources"]["versions"]
    form = {"code": "2", "releases": [RELEASE_RUSSIA]}
    append(setup["alice"], record("alice", spans=[], form=form))
    again = open_it(setup)
    try:
        assert (
            f"{setup['gold']}: 1 document(s) have review decisions and their annotators' "
            "records changed since the merge (first: d1, alice's record): their gold lines "
            "stand; to take the changes, merge such a document anew (l, then ctrl+r twice on it: "
            "decisions on conflicts the change touched are dropped)"
        ) in again.messages
        assert again.conflicts_left() == 5  # as the review left it: 4 in d1, 1 in d2
    finally:
        assert again.close()
    assert len(gold_lines(setup["gold"])) == written  # nothing written: the decision stands
    # As the message says: the decision undone, the review opened again merges d1 anew.
    undoing = open_it(setup)
    try:
        assert undoing.undo() is not None
    finally:
        assert undoing.close()
    last = open_it(setup)
    try:
        assert (
            f"{setup['gold']}: 1 document(s) not reviewed yet are merged anew: their "
            "annotators' records changed since the merge (first: d1, alice's record)"
        ) in last.messages
    finally:
        assert last.close()
    now = latest(setup["gold"])["d1"]["sources"]["versions"]
    assert now["alice"] != merged_from["alice"] and now["bob"] == merged_from["bob"]


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


def test_undo_after_a_resume_does_not_undo_a_merge_anew(setup: dict[str, Path]) -> None:
    """A trial: after d2 was merged anew (bob changed it), the first ctrl+z said it undid a
    decision on d2 and put its old merge back, with a conflict over a span bob had deleted."""
    session = open_it(setup)
    try:
        session.take(0)  # d1 c1
    finally:
        assert session.close()
    append(setup["bob"], record("bob", "d2", text=TEXT2, form={"code": "1", "number": 3}))
    again = open_it(setup)
    try:
        assert any("merged anew" in message for message in again.messages)
        assert again.can_undo
        place = again.undo()
        assert place is not None and place.doc_id == "d1"
        assert again.take_notices()[-1] == (
            "undid a decision of an earlier session: d1 c1 is open again (took alice's version)"
        )
        assert not again.can_undo  # d2's merge anew is no decision
    finally:
        assert again.close()
    assert latest(setup["gold"])["d2"]["status"] == "done"


def test_a_decision_on_a_document_merged_anew_stands_when_it_changes_again(
    setup: dict[str, Path],
) -> None:
    """The code review's case: d2 merged anew with 2 conflicts, one settled (1 left, as many as
    its first merge had), then bob changes a note: the decision stood, by the history."""
    merge(setup)
    append(setup["bob"], record("bob", "d2", text=TEXT2, form={"code": "2", "number": 4}))
    session = open_it(setup)
    try:
        assert any("merged anew" in message for message in session.messages)
        while session.current is not None and session.current.doc_id != "d2":
            session.next_conflict()
        assert session.current is not None
        session.take(0)
    finally:
        assert session.close()
    decided = latest(setup["gold"])["d2"]
    append(
        setup["bob"],
        record("bob", "d2", text=TEXT2, form={"code": "2", "number": 4}, note="checked"),
    )
    again = open_it(setup)
    try:
        assert not any("merged anew" in message for message in again.messages)
        assert any("have review decisions" in message for message in again.messages)
    finally:
        assert again.close()
    assert latest(setup["gold"])["d2"]["conflicts"] == decided["conflicts"]
