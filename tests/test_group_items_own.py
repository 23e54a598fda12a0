"""An item of a group only some annotators gave (fewer than K) is a conflict of its own: merge
opens one per item, saying who gave it, and review takes or rejects each on its own, its links
following it (``merge_form``, ``review_views.LoneItem``). A gold file the older merge wrote
(each annotator's left-over items in one conflict) is still settled.

alice gives A, B and C; bob A, C' (C with another count) and D: A is gold, C/C' one item whose
count is in dispute, B and D each a conflict of its own. bob's D has its count linked to his
"210", a span alice did not mark.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core import review_decisions as decide
from annotator.core.annotation import Annotation
from annotator.core.models import GoldRecord, Record, record_line
from annotator.core.record_check import gold_data_fine
from annotator.core.review_links import carried_links, item_holders
from annotator.core.review_views import describe
from annotator.core.value_links import words_linked
from tests.old_gold import old_conflicts
from tests.test_agreement_data import run_cli
from tests.test_group_align_data import (
    COUNT_187,
    COUNT_210,
    DRAVA,
    SCHEME,
    body,
    merged,
    record,
    release,
    write_case,
)

A = release(187)
B = {**release(50, "2024-06-03"), "released_by": "Ostreva", "received_by": DRAVA}
C = release(12, "2024-06-10")
C_BOB = release(13, "2024-06-10")
D = {**release(210, "2024-06-20"), "released_by": "Ostreva", "received_by": DRAVA}
SPAN_210 = {**COUNT_210, "id": "s5"}


def records() -> dict[str, dict[str, Any]]:
    alice = record("alice", [A, B, C], COUNT_187)
    bob = record("bob", [A, C_BOB, D], COUNT_187)
    bob["spans"].append(SPAN_210)
    bob["links"] = {**bob["links"], "releases[2].count": ["s5"]}
    return {"alice": alice, "bob": bob}


def works(made: dict[str, dict[str, Any]]) -> dict[str, Annotation]:
    return {name: Annotation(Record.model_validate(one)) for name, one in made.items()}


def sound(gold: GoldRecord) -> GoldRecord:
    """``gold``, checked as a gold line is: its bytes the model's, valid as they stand."""
    data = gold.model_dump()
    assert gold_data_fine(data)
    assert GoldRecord.model_validate(data) == gold
    assert record_line(gold)
    return gold


def test_each_item_only_some_gave_is_a_conflict_of_its_own() -> None:
    gold = sound(merged(records(), None))
    assert gold.form["releases"] == [A, {**C, "count": None}]
    assert [(c["id"], c["kind"], c.get("path")) for c in gold.conflicts] == [
        ("c1", "span", None),  # bob's "210"
        ("c2", "field", "releases[1].count"),
        ("c3", "field", "releases"),
        ("c4", "field", "releases"),
    ]
    # Who gave each: its one version, the item as they gave it (bob, who did not give B, in
    # none), with its links.
    assert gold.conflicts[2]["versions"] == [{"value": [B], "annotators": ["alice"]}]
    assert gold.conflicts[3]["versions"] == [
        {
            "value": [D],
            "annotators": ["bob"],
            "links": {"releases[0].count": [body(COUNT_210)]},
        }
    ]
    view = describe(gold, gold.conflicts[2], 3, 4, SCHEME)
    assert view.lone_item is not None
    assert (view.lone_item.given_by, view.lone_item.not_given_by) == (("alice",), ("bob",))
    assert view.lone_item.others == ("c4",)
    assert describe(gold, gold.conflicts[1], 2, 4, SCHEME).lone_item is None
    # Merge's links: those carried, then the words' where none is (``value_links``).
    carried = carried_links(gold, works(records()), SCHEME)
    assert words_linked(gold, gold.form, carried, SCHEME)[1] == gold.links


def test_taking_or_rejecting_one_leaves_the_others_open() -> None:
    gold = merged(records(), None)
    annotations = works(records())
    taken = sound(decide.take(gold, "c3", [0], SCHEME, annotations))  # B: alice's alone
    assert taken.form["releases"] == [A, {**C, "count": None}, B]
    assert [c["id"] for c in taken.conflicts] == ["c1", "c2", "c4"]
    rejected = sound(decide.reject(taken, "c4", SCHEME, annotations))  # D left out
    assert rejected.form["releases"] == [A, {**C, "count": None}, B]
    assert [c["id"] for c in rejected.conflicts] == ["c1", "c2"]
    # The other way round: B rejected, D taken; each as if the other were not there.
    other = decide.reject(gold, "c3", SCHEME, annotations)
    assert [c["id"] for c in other.conflicts] == ["c1", "c2", "c4"]
    other = sound(decide.take(other, "c4", [0], SCHEME, annotations))
    assert other.form["releases"] == [A, {**C, "count": None}, D]
    done = decide.take(decide.take(other, "c1", [1], SCHEME, annotations), "c2", [1], SCHEME)
    assert (sound(done).status, done.form["releases"][1]["count"]) == ("done", 13)


def test_the_item_taken_keeps_its_links() -> None:
    gold = merged(records(), None)
    annotations = works(records())
    with_span = decide.take(gold, "c1", [1], SCHEME, annotations)  # bob's "210": gold
    gold_210 = next(s.id for s in with_span.spans if s.value == 210)
    for given in (annotations, None):  # merge's rule, or the version's own links
        taken = sound(decide.take(with_span, "c4", [0], SCHEME, given))
        assert taken.form["releases"][2] == D
        assert taken.links["releases[2].count"] == [gold_210]
    # Gold's item 2 is bob's item 2: later decisions carry its links by merge's rule.
    taken = decide.take(with_span, "c4", [0], SCHEME, annotations)
    holders = dict(item_holders(taken, SCHEME.fields[1], annotations))
    assert {name: index for name, (index, _item) in holders[2].items()} == {"bob": 2}
    later = decide.reject(taken, "c3", SCHEME, annotations)
    assert later.links["releases[2].count"] == [gold_210]


def test_an_item_k_annotators_did_not_give_is_left_out_and_an_empty_one_is_none() -> None:
    three = records()
    three["carol"] = record("carol", [A, C], COUNT_187)
    gold = merged(three, 2)  # B and D: two of three did not give them
    assert [c.get("path") for c in gold.conflicts if c["kind"] == "field"] == []
    assert gold.form["releases"] == [A, C]
    # Every annotator required: B is alice's, D bob's, carol in neither.
    strict = merged(three, None)
    lone = [c for c in strict.conflicts if c.get("path") == "releases"]
    assert [[v["annotators"] for v in c["versions"]] for c in lone] == [[["alice"]], [["bob"]]]
    # An empty item (no value, no link) says nothing: no conflict of its own.
    empty = {key: None for key in A} | {"releasees": []}
    made = records()
    made["alice"]["form"]["releases"] = [A, empty]
    made["bob"]["form"]["releases"] = [A]
    made["bob"]["links"] = {"releases[0].count": ["s2"]}
    assert [c for c in merged(made, None).conflicts if c["kind"] == "field"] == []


def test_a_gold_file_of_the_older_left_over_list_is_still_settled(tmp_path: Path) -> None:
    gold = merged(records(), None)
    data = gold.model_dump()
    old = GoldRecord.model_validate({**data, "conflicts": old_conflicts(data, SCHEME)})
    (group,) = [c for c in old.conflicts if c.get("path") == "releases"]
    assert [(v["value"], v["annotators"]) for v in group["versions"]] == [
        ([B], ["alice"]),
        ([D], ["bob"]),
    ]
    assert describe(old, group, 3, 3, SCHEME).lone_item is None  # the older conflict's words
    annotations = works(records())
    both = sound(decide.take(old, group["id"], [0, 1], SCHEME, annotations))
    assert both.form["releases"][2:] == [B, D]
    only_d = sound(decide.take(old, group["id"], [1], SCHEME, annotations))
    assert only_d.form["releases"][2:] == [D]
    # validate reads the gold file (older conflicts and all) as valid.
    corpus, _journals = write_case(tmp_path, records())
    file = tmp_path / "gold.jsonl"
    file.write_bytes(record_line(old) + record_line(only_d))
    result = run_cli("validate", file, "--corpus", corpus)
    assert result.returncode == 0, result.stdout + result.stderr
