"""Review decisions on a conflict over a field of an item (``releases[0].count``), and a group
conflict whose versions hold the same item two ways, on the curator's trial
(``tests/test_group_align_data.py``)."""

from __future__ import annotations

from typing import Any

import pytest

from annotator.core.annotation import Annotation
from annotator.core.models import Record
from annotator.core.review_conflict import can_reject, can_take_all
from annotator.core.review_decisions import reject, take
from annotator.core.review_item_field import items_in_dispute
from annotator.core.review_links import carried_links
from annotator.core.review_records import ReviewRecords
from annotator.core.review_typed import BadValue, settle_typed
from annotator.core.review_views import describe
from annotator.core.review_walk import ConflictOrder
from annotator.core.session_edits import Refused
from tests.test_group_align_data import (
    COUNT_187,
    COUNT_210,
    SCHEME,
    merged,
    record,
    release,
    trial,
)


def works(records: dict[str, dict[str, Any]]) -> dict[str, Annotation]:
    return {name: Annotation(Record.model_validate(made)) for name, made in records.items()}


def gold_id(record: Any, words: dict[str, Any]) -> str:
    return next(span.id for span in record.spans if span.start == words["start"])


@pytest.mark.parametrize("k", [None, 2])
def test_the_links_a_review_carries_are_the_merges_own(k: int | None) -> None:
    records = trial()
    made = merged(records, k)
    assert carried_links(made, works(records), SCHEME) == made.links


def test_taking_a_version_sets_the_items_field_and_its_link() -> None:
    records = trial()
    gold = merged(records, None)
    annotations = works(records)
    gold = take(gold, "c1", [0], SCHEME, annotations)  # the "187" span, alice's and carol's
    view = describe(gold, gold.conflicts[1], 2, 2, SCHEME)
    assert (view.path, view.item) == ("releases[0].count", release(None))
    assert (view.can_take_all, view.can_reject) == (False, True)
    with pytest.raises(Refused, match="releases #1 count holds one value: take one version"):
        take(gold, "c3", [0, 1], SCHEME, annotations)
    settled = take(gold, "c3", [0], SCHEME, annotations)
    assert settled.form["releases"] == [release(187)]
    assert settled.links["releases[0].count"] == [gold_id(settled, COUNT_187)]
    assert [c["id"] for c in settled.conflicts] == ["c2"]
    # Without the annotators' records, the version's own links give it.
    alone = take(gold, "c3", [0], SCHEME, None)
    assert alone.links["releases[0].count"] == [gold_id(alone, COUNT_187)]
    # Rejected: the count stays empty, the release one.
    rejected = reject(gold, "c3", SCHEME, annotations)
    assert rejected.form["releases"] == [release(None)]
    assert "releases[0].count" not in rejected.links


def test_a_typed_value_is_read_by_the_items_field_and_linked_as_a_version_gave_it() -> None:
    records = trial()
    gold = take(merged(records, None), "c1", [0], SCHEME, None)  # "187" is gold
    settled = settle_typed(gold, "c3", "187", SCHEME, None)  # alice's and carol's value
    assert settled.form["releases"] == [release(187)]
    assert settled.links["releases[0].count"] == [gold_id(settled, COUNT_187)]
    settled = settle_typed(gold, "c3", "1,200", SCHEME, None)  # nobody's: no link
    assert settled.form["releases"] == [release(1200)]
    assert "releases[0].count" not in settled.links
    with pytest.raises(BadValue, match="count: expected a whole number"):
        settle_typed(gold, "c3", "many", SCHEME, None)
    emptied = settle_typed(gold, "c3", "", SCHEME, None)
    assert emptied.form["releases"] == [release(None)]


def test_a_list_field_takes_every_version_as_their_union() -> None:
    records = trial()
    records["alice"]["form"]["releases"] = [release(187, releasees=["Ivan Petrenko"])]
    records["bob"]["form"]["releases"] = [release(187)]
    records["bob"]["spans"][1] = COUNT_187
    records["carol"]["form"]["releases"] = [release(187, releasees=["Olena Koval"])]
    gold = merged(records, None)
    (conflict,) = gold.conflicts
    assert conflict["path"] == "releases[0].releasees"
    assert can_take_all(conflict, SCHEME) and can_reject(gold, conflict, SCHEME)
    settled = take(gold, conflict["id"], [0, 1, 2], SCHEME, works(records))
    assert settled.form["releases"] == [release(187, releasees=["Ivan Petrenko", "Olena Koval"])]
    assert settled.status == "done"


def test_versions_holding_one_item_two_ways_are_not_taken_together() -> None:
    # Every annotator required, carol gave no release: the item's conflict, alice's 187 and
    # bob's 210 in versions of their own. t took both: one transfer twice in gold.
    records = trial()
    records["carol"] = record("carol", [], COUNT_187, {})
    gold = merged(records, None)
    (group,) = [c for c in gold.conflicts if c.get("path") == "releases"]
    assert [v["annotators"] for v in group["versions"]] == [["alice"], ["bob"]]
    assert not can_take_all(group, SCHEME)
    with pytest.raises(Refused) as refused:
        take(gold, group["id"], [0, 1], SCHEME, works(records))
    assert str(refused.value) == (
        "releases: alice's and bob's versions give one item two ways (count 187 / 210): "
        "take one, or edit it (e)"
    )
    # One of them is taken as before: the item appended, once.
    settled = take(gold, group["id"], [1], SCHEME, works(records))
    assert settled.form["releases"] == [release(210)]


def test_items_of_their_own_are_taken_each_on_its_own() -> None:
    monday, wednesday = release(50, "2024-06-03"), release(70, "2024-06-05")
    records = {
        "alice": record("alice", [monday], None, {}),
        "bob": record("bob", [wednesday], None, {}),
    }
    gold = merged(records, None)
    first, second = gold.conflicts
    # One version each: its number takes it (as t did), and t is not offered.
    assert not can_take_all(first, SCHEME) and not can_take_all(second, SCHEME)
    settled = take(gold, second["id"], [0], SCHEME, works(records))
    assert settled.form["releases"] == [wednesday]
    assert [c["id"] for c in settled.conflicts] == [first["id"]]
    settled = take(settled, first["id"], [0], SCHEME, works(records))
    assert settled.form["releases"] == [wednesday, monday]
    assert settled.status == "done"


def test_the_walk_takes_an_items_fields_with_their_group_before_its_conflict() -> None:
    records = trial()
    records["alice"]["form"]["releases"].append(release(50, "2024-06-03"))
    records["bob"]["form"]["event_type"] = "announcement"
    gold = merged(records, None)
    fields = [(c["id"], c["path"]) for c in gold.conflicts if c["kind"] == "field"]
    assert fields == [("c3", "event_type"), ("c4", "releases[0].count"), ("c5", "releases")]
    order = ConflictOrder(["d1"], ReviewRecords.holding({"d1": gold}), SCHEME)
    walked = [place.conflict_id for _key, place in order.in_document("d1")]
    assert walked == ["c1", "c2", "c3", "c4", "c5"]


def test_versions_holding_one_item_alike_are_taken_together_and_give_it_once() -> None:
    # Every annotator required: alice gave Monday's and Wednesday's releases, bob Monday's
    # alike, carol none. t was refused: "alice's and bob's versions give one item two ways ()".
    # Now Monday's is one version of alice and bob together, Wednesday's alice's alone.
    monday, wednesday = release(50, "2024-06-03"), release(70, "2024-06-05")
    records = {
        "alice": record("alice", [monday, wednesday], None, {}),
        "bob": record("bob", [monday], None, {}),
        "carol": record("carol", [], None, {}),
    }
    gold = merged(records, None)
    first, second = gold.conflicts
    assert [(v["value"], v["annotators"]) for v in first["versions"]] == [
        ([monday], ["alice", "bob"])
    ]
    assert [(v["value"], v["annotators"]) for v in second["versions"]] == [([wednesday], ["alice"])]
    assert not can_take_all(first, SCHEME)  # one version: 1 takes it, t is not offered
    settled = take(gold, first["id"], [0], SCHEME, works(records))
    settled = take(settled, second["id"], [0], SCHEME, works(records))
    assert settled.form["releases"] == [monday, wednesday]
    assert settled.status == "done"


def test_the_refusal_names_two_versions_whose_items_differ() -> None:
    # alice's and bob's 187 alike, carol's 210 the same release otherwise, dave none: alice's
    # and bob's version and carol's give it two ways; alice's Monday is a conflict of its own.
    records = trial()
    records["alice"]["form"]["releases"].append(release(50, "2024-06-03"))
    records["bob"] = record("bob", [release(187)], COUNT_187)
    records["carol"] = record("carol", [release(210)], COUNT_210)
    records["dave"] = record("dave", [], None, {})
    gold = merged(records, None)
    group, monday = [c for c in gold.conflicts if c.get("path") == "releases"]
    assert [v["annotators"] for v in group["versions"]] == [["alice", "bob"], ["carol"]]
    assert [v["annotators"] for v in monday["versions"]] == [["alice"]]
    assert not can_take_all(group, SCHEME)
    with pytest.raises(Refused) as refused:
        take(gold, group["id"], [0, 1], SCHEME, works(records))
    assert str(refused.value) == (
        "releases: alice, bob's and carol's versions give one item two ways "
        "(count 187 / 210): take one, or edit it (e)"
    )
    # alice's and bob's: the 187 once; then alice's Monday.
    settled = take(gold, group["id"], [0], SCHEME, works(records))
    settled = take(settled, monday["id"], [0], SCHEME, works(records))
    assert settled.form["releases"] == [release(187), release(50, "2024-06-03")]


def test_items_in_dispute_are_golds_items_with_a_field_conflict_open() -> None:
    records = trial()
    records["alice"]["form"]["releases"].append(release(50, "2024-06-03"))
    gold = merged(records, None)
    group = SCHEME.field("releases")
    assert group is not None
    disputed = items_in_dispute(gold, SCHEME, group)
    assert {index: [c["id"] for c in open_ones] for index, open_ones in disputed.items()} == {
        0: ["c3"]
    }
    settled = take(gold, "c3", [0], SCHEME, works(records))
    assert items_in_dispute(settled, SCHEME, group) == {}
