"""``review_outcome.decision_outcome``: what a decision put in gold, read from the records
before and after it (an earlier session's decision has no notice of its own; its undo and the
redo of that undo said "c5 is open again" / "c5 settled again" without what it was)."""

from __future__ import annotations

from typing import Any

from annotator.core.review_decisions import reject, take
from annotator.core.review_outcome import decision_outcome
from tests.test_group_align_data import SCHEME, merged, record, release, trial


def test_a_field_taken_names_whose_version_and_its_value() -> None:
    gold = merged(trial(), None)
    (conflict,) = [c for c in gold.conflicts if c.get("path") == "releases[0].count"]
    bobs = next(i for i, v in enumerate(conflict["versions"]) if v["annotators"] == ["bob"])
    after = take(gold, conflict["id"], [bobs], SCHEME)
    assert decision_outcome(gold, after, conflict["id"]) == "took bob's version (210)"


def test_an_item_only_some_gave_added_or_left_out() -> None:
    records: dict[str, dict[str, Any]] = {
        "alice": record("alice", [release(187), release(6, "2024-06-09")], None, {}),
        "bob": record("bob", [release(187)], None, {}),
    }
    gold = merged(records, None)
    (conflict,) = gold.conflicts
    added = take(gold, conflict["id"], [0], SCHEME)
    assert decision_outcome(gold, added, conflict["id"]) == (
        "added the item alice gave to gold's releases"
    )
    left = reject(gold, conflict["id"], SCHEME)
    assert decision_outcome(gold, left, conflict["id"]) == "left out the item alice gave"


def test_a_conflict_not_open_before_says_nothing() -> None:
    gold = merged(trial(), None)
    assert decision_outcome(gold, gold, "c99") is None
