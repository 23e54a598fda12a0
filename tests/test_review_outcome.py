"""``review_outcome.decision_outcome``: what a decision put in gold, read from the records
before and after it (an earlier session's decision has no notice of its own; its undo and the
redo of that undo said "c5 is open again" / "c5 settled again" without what it was)."""

from __future__ import annotations

from typing import Any

from annotator.core.review_decisions import reject, take
from annotator.core.review_outcome import decision_outcome
from annotator.core.review_span_value import settled_as_typed
from annotator.core.review_typed import settle_typed
from annotator.core.review_typed_start import version_items
from tests.test_group_align_data import SCHEME, merged, record, release, span, trial


def test_a_field_taken_names_the_field_its_value_and_whose_it_is() -> None:
    gold = merged(trial(), None)
    (conflict,) = [c for c in gold.conflicts if c.get("path") == "releases[0].count"]
    bobs = next(i for i, v in enumerate(conflict["versions"]) if v["annotators"] == ["bob"])
    after = take(gold, conflict["id"], [bobs], SCHEME)
    assert decision_outcome(gold, after, conflict["id"]) == (
        "releases #1 count = 210 (bob's value)"
    )


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


def test_an_item_gold_holds_already_left_out_is_said_left_out() -> None:
    # alice gave the release twice, bob once: her second copy is a conflict of its own, and
    # gold holds the same item already. Rejecting it left gold with one copy; said "added".
    records: dict[str, dict[str, Any]] = {
        "alice": record("alice", [release(187), release(187)], None, {}),
        "bob": record("bob", [release(187)], None, {}),
    }
    gold = merged(records, None)
    (conflict,) = gold.conflicts
    left = reject(gold, conflict["id"], SCHEME)
    assert decision_outcome(gold, left, conflict["id"]) == "left out the item alice gave"
    added = take(gold, conflict["id"], [0], SCHEME)
    assert decision_outcome(gold, added, conflict["id"]) == (
        "added the item alice gave to gold's releases"
    )


def test_an_item_of_two_versions_names_whose_version_was_added() -> None:
    records: dict[str, dict[str, Any]] = {
        "alice": record("alice", [release(187)], None, {}),
        "bob": record("bob", [release(190)], None, {}),
        "carol": record("carol", [], None, {}),
    }
    gold = merged(records, 3)
    (conflict,) = [c for c in gold.conflicts if c.get("path") == "releases"]
    bobs = next(i for i, v in enumerate(conflict["versions"]) if v["annotators"] == ["bob"])
    after = take(gold, conflict["id"], [bobs], SCHEME)
    assert decision_outcome(gold, after, conflict["id"]) == (
        "added the item bob gave to gold's releases"
    )


def test_an_item_typed_in_place_of_the_version_is_not_said_left_out() -> None:
    records: dict[str, dict[str, Any]] = {
        "alice": record("alice", [release(187), release(6, "2024-06-09")], None, {}),
        "bob": record("bob", [release(187)], None, {}),
    }
    gold = merged(records, None)
    (conflict,) = gold.conflicts
    items = version_items(conflict, SCHEME, 0)
    items[0]["count"] = "7"
    typed = settle_typed(gold, conflict["id"], items, SCHEME)
    # Its links named, as a typed value's are (an earlier session's undo named none).
    assert decision_outcome(gold, typed, conflict["id"]) == (
        "typed 1 item into gold's releases; linked: released_by s1, received_by s2"
    )


def test_a_span_value_typed_is_said_with_the_value() -> None:
    # alice and bob marked the same "187", valued 187 and 190; the reviewer typed 200 (v).
    # Said "drew count “187” 32–35", gold's 200 unsaid: read as 187 taken.
    records = {
        "alice": record("alice", [release(187)], span("s2", "187", "count", 187)),
        "bob": record("bob", [release(187)], span("s2", "187", "count", 190)),
    }
    gold = merged(records, None)
    (conflict,) = [c for c in gold.conflicts if c["kind"] == "span"]
    typed, _value = settled_as_typed(gold, conflict["id"], "200", SCHEME)
    assert decision_outcome(gold, typed, conflict["id"]) == "count “187” = 200 (typed)"
    taken, _value = settled_as_typed(gold, conflict["id"], "190", SCHEME)
    assert decision_outcome(gold, taken, conflict["id"]) == "took bob's version"


def test_a_value_typed_as_no_version_gave_it_is_said_typed() -> None:
    # An earlier session's undo said "gold: 200" where this session's said "(typed)".
    gold = merged(trial(), None)
    (conflict,) = [c for c in gold.conflicts if c.get("path") == "releases[0].count"]
    typed = settle_typed(gold, conflict["id"], "200", SCHEME)
    assert decision_outcome(gold, typed, conflict["id"]) == "releases #1 count = 200 (typed)"


def test_a_value_typed_as_a_version_gave_it_is_not_said_taken() -> None:
    # A trial typed bob's 210; the earlier session's undo said "took bob's version (210)".
    # Gold keeps no word of how a value came: typed as bob gave it, the record is the one
    # taking bob's version makes, so either is said as what is true of both.
    gold = merged(trial(), None)
    (conflict,) = [c for c in gold.conflicts if c.get("path") == "releases[0].count"]
    typed = settle_typed(gold, conflict["id"], "210", SCHEME)
    bobs = next(i for i, v in enumerate(conflict["versions"]) if v["annotators"] == ["bob"])
    taken = take(gold, conflict["id"], [bobs], SCHEME)
    assert typed == taken
    said = "releases #1 count = 210 (bob's value)"
    assert decision_outcome(gold, typed, conflict["id"]) == said
    assert decision_outcome(gold, taken, conflict["id"]) == said


def test_a_list_of_every_version_s_items_is_not_said_typed() -> None:
    records: dict[str, dict[str, Any]] = {
        "alice": record("alice", [release(187, releasees=["Ana"])], None, {}),
        "bob": record("bob", [release(187, releasees=["Ben"])], None, {}),
    }
    gold = merged(records, None)
    (conflict,) = [c for c in gold.conflicts if c.get("path") == "releases[0].releasees"]
    every = take(gold, conflict["id"], [0, 1], SCHEME)
    assert decision_outcome(gold, every, conflict["id"]) == (
        "releases #1 releasees = “Ana, Ben” (every version's items)"
    )
    typed = settle_typed(gold, conflict["id"], "Ana, Cy", SCHEME)
    assert decision_outcome(gold, typed, conflict["id"]) == (
        "releases #1 releasees = “Ana, Cy” (typed)"
    )


def test_a_typed_value_linked_by_its_words_says_the_link() -> None:
    # As the typed value's own notice says it ("…= 187 (typed), linked to s2").
    records: dict[str, dict[str, Any]] = {
        "alice": record("alice", [release(186)], span("s2", "187", "count", 187), {}),
        "bob": record("bob", [release(190)], span("s2", "187", "count", 187), {}),
    }
    gold = merged(records, None)
    (conflict,) = [c for c in gold.conflicts if c.get("path") == "releases[0].count"]
    typed = settle_typed(gold, conflict["id"], "187", SCHEME)
    (linked,) = typed.links["releases[0].count"]
    assert decision_outcome(gold, typed, conflict["id"]) == (
        f"releases #1 count = 187 (typed), linked to {linked}"
    )


def test_a_value_typed_as_an_unlinked_version_gave_it_is_said_as_taking_it() -> None:
    # 187 by alice, 190 by bob, neither linked: typed, 187 is linked to gold's "187" by its
    # words, and taken with alice's number it is linked alike (``value_links``: one rule), so
    # the two make one record, said as what is true of both.
    records: dict[str, dict[str, Any]] = {
        "alice": record("alice", [release(187)], span("s2", "187", "count", 187), {}),
        "bob": record("bob", [release(190)], span("s2", "187", "count", 187), {}),
    }
    gold = merged(records, None)
    (conflict,) = [c for c in gold.conflicts if c.get("path") == "releases[0].count"]
    typed = settle_typed(gold, conflict["id"], "187", SCHEME)
    alices = next(i for i, v in enumerate(conflict["versions"]) if v["annotators"] == ["alice"])
    taken = take(gold, conflict["id"], [alices], SCHEME)
    (linked,) = taken.links["releases[0].count"]
    count_span = gold.span_by_id(linked)
    assert count_span is not None and count_span.text == "187"
    assert typed.form == taken.form and typed.links == taken.links
    for record_after in (typed, taken):
        assert decision_outcome(gold, record_after, conflict["id"]) == (
            "releases #1 count = 187 (alice's value)"
        )
