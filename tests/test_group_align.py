"""``form_compare.align_items``: the items of several annotators grouped into "the same item".

Each case is worked by hand: the fields where either item has a value, how many agree, and
whether that is more than half.
"""

from __future__ import annotations

from typing import Any

import pytest

from annotator.core.form_compare import Item, align_items
from annotator.core.scheme import FormField, load_default_scheme

RELEASES: FormField = next(f for f in load_default_scheme().fields if f.name == "releases")

DRAVA = "Drava People's Authority"


def release(count: int | None, date: str | None = "2024-06-07", **more: Any) -> dict[str, Any]:
    return {
        "released_by": DRAVA,
        "received_by": "Ostreva",
        "count": count,
        "date": date,
        "releasees": [],
        **more,
    }


def numbered(*items: dict[str, Any]) -> list[Item]:
    return list(enumerate(items))


def places(clusters: list[tuple[Item | None, ...]]) -> list[tuple[int | None, ...]]:
    """Each cluster as each annotator's item index (None: not theirs)."""
    return [tuple(None if held is None else held[0] for held in one) for one in clusters]


def test_one_field_differing_is_the_same_item() -> None:
    # 187 against 210: released_by, received_by and date agree, 3 of 4 fields (> 2).
    alice, bob, carol = numbered(release(187)), numbered(release(210)), numbered(release(187))
    clusters = align_items([alice, bob, carol], RELEASES)
    assert places(clusters) == [(0, 0, 0)]
    assert clusters[0][1] == bob[0]  # bob's own item, with its index, as given


def test_two_releases_of_a_week_stay_apart() -> None:
    # Same sides, other date and count: 2 of 4 fields agree, not more than half.
    monday = release(50, "2024-06-03")
    wednesday = release(70, "2024-06-05")
    clusters = align_items([numbered(monday), numbered(wednesday)], RELEASES)
    assert places(clusters) == [(0, None), (None, 0)]


def test_reordered_items_pair_by_what_they_hold() -> None:
    monday, wednesday = release(50, "2024-06-03"), release(70, "2024-06-05")
    # Bob's second is alice's first with another count (3 of 4); his first is alice's second.
    alice = numbered(monday, wednesday)
    bob = numbered(wednesday, release(51, "2024-06-03"))
    assert places(align_items([alice, bob], RELEASES)) == [(0, 1), (1, 0)]
    # In bob's order first, the clusters follow him.
    assert places(align_items([bob, alice], RELEASES)) == [(0, 1), (1, 0)]


def test_three_annotators_one_missing_an_item() -> None:
    monday, wednesday = release(50, "2024-06-03"), release(70, "2024-06-05")
    alice = numbered(monday, wednesday)
    bob = numbered(release(70, "2024-06-05"))  # no monday
    carol = numbered(release(52, "2024-06-03"), wednesday)  # monday with another count
    assert places(align_items([alice, bob, carol], RELEASES)) == [(0, None, 0), (1, 0, 1)]


def test_items_differing_in_their_releasees_only() -> None:
    # released_by, received_by, count, date agree; releasees differ: 4 of 5.
    named = release(187, releasees=["Ivan Petrenko"])
    more = release(187, releasees=["Ivan Petrenko", "Olena Koval"])
    unnamed = release(187)
    clusters = align_items([numbered(named), numbered(more), numbered(unnamed)], RELEASES)
    assert places(clusters) == [(0, 0, 0)]


def test_the_most_similar_pair_first() -> None:
    # Alice's item is "the same" as both of bob's; the closer one takes it.
    alice = numbered(release(187, releasees=["Ivan Petrenko"]))
    bob = numbered(release(210, releasees=["Ivan Petrenko"]), release(187, "2024-06-08"))
    # Alice-bob[0]: 4 of 5 (count differs); alice-bob[1]: 3 of 5 (date, releasees differ).
    assert places(align_items([alice, bob], RELEASES)) == [(0, 0), (None, 1)]


def test_ties_go_by_the_items_order() -> None:
    # Alice's item agrees with both of bob's on 3 of 4: his first item takes it.
    alice = numbered(release(187))
    bob = numbered(release(210), release(211))
    assert places(align_items([alice, bob], RELEASES)) == [(0, 0), (None, 1)]


def test_equal_frames_first_and_one_item_per_annotator() -> None:
    # Bob's two equal items: one joins alice's equal item, the other her near one.
    alice = numbered(release(187), release(187, "2024-06-08"))
    bob = numbered(release(187), release(187))
    assert places(align_items([alice, bob], RELEASES)) == [(0, 0), (1, 1)]
    # Nothing of one annotator ever pairs with their own.
    assert places(align_items([numbered(release(187), release(188))], RELEASES)) == [
        (0,),
        (1,),
    ]


def test_the_nth_copy_of_a_frame_joins_the_others_nth_copies() -> None:
    # (A party without two equal frames is known by its frames alone: ``align_items``.)
    a, b = release(187), release(12, "2024-05-01", received_by="Kestria")
    alice, bob, carol = numbered(a, b, a), numbered(a, a, b), numbered(b, a)
    assert places(align_items([alice, bob, carol], RELEASES)) == [
        (0, 0, 1),
        (1, 2, 0),
        (2, 1, None),
    ]
    assert places(align_items([numbered(a, b), numbered(a, a, b)], RELEASES)) == [
        (0, 0),
        (1, 2),
        (None, 1),
    ]


def test_an_annotator_who_gave_none() -> None:
    assert places(align_items([numbered(release(1)), []], RELEASES)) == [(0, None)]
    assert align_items([[], []], RELEASES) == []


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        # One field each, other values: 0 of 1.
        ({"count": 5}, {"count": 6}, False),
        # A field only one filled counts: released_by agrees, count is bob's only: 1 of 2.
        ({"released_by": "Ostreva"}, {"released_by": "Ostreva", "count": 5}, False),
        # Normalised as frames are: spaces and case of composition aside, list order aside.
        ({"released_by": " Ostreva  ", "count": 5}, {"released_by": "Ostreva", "count": 5}, True),
        (
            {"releasees": ["b", "a"], "count": 1, "date": "2024"},
            {"releasees": ["a", "b"], "count": 2, "date": "2024"},
            True,  # 2 of 3
        ),
    ],
)
def test_more_than_half_of_the_fields_where_either_has_a_value(
    one: dict[str, Any], other: dict[str, Any], same: bool
) -> None:
    clusters = places(align_items([numbered(one), numbered(other)], RELEASES))
    assert clusters == ([(0, 0)] if same else [(0, None), (None, 0)])


def test_the_same_items_give_the_same_clusters_every_time() -> None:
    parties = [
        numbered(release(1), release(2, "2024-01-01"), release(3, "2024-01-02")),
        numbered(release(3, "2024-01-02"), release(9), release(2, "2024-01-03")),
        numbered(release(2, "2024-01-01"), release(4)),
    ]
    first = align_items(parties, RELEASES)
    assert all(align_items(parties, RELEASES) == first for _ in range(5))
    # Worked by hand: release(1)/release(9)/release(4) agree on 3 of 4 (the count differs);
    # the 2024-01-01 release: alice's and carol's are equal, bob's 2024-01-03 agrees with
    # them on 3 of 4; the 2024-01-02 release: alice's and bob's equal.
    assert places(first) == [(0, 1, 1), (1, 2, 0), (2, 0, None)]


def test_an_item_alike_one_of_a_pair_joins_it_whatever_the_order() -> None:
    # Monday's 50 and Wednesday's 70 agree on 2 of 4; bob's Wednesday 50 agrees with each on
    # 3 of 4. Step 2 joins the first annotators' pair (a tie broken by order) and never
    # carol's to alice's; step 3 sets carol's, left alone, beside bob's, its closest: one
    # release of three annotators in any order (it was alice's and bob's with alice first,
    # bob's and carol's with carol first, the third annotator's item left out either way).
    monday, wednesday = release(50, "2024-06-03"), release(70, "2024-06-05")
    alice, bob, carol = numbered(monday), numbered(release(50, "2024-06-05")), numbered(wednesday)
    assert places(align_items([alice, bob, carol], RELEASES)) == [(0, 0, 0)]
    assert places(align_items([carol, bob, alice], RELEASES)) == [(0, 0, 0)]


def test_of_two_items_left_alone_of_one_annotator_only_the_closer_joins() -> None:
    # Alice's and bob's releases agree on 3 of 4 (bob's receiver differs): one item. Carol
    # gave two, neither alike bob's (2 of 4, 2 of 5): step 2 joins neither. Her 210 agrees
    # with alice's on 3 of 4, her 8 June one with releasees on 3 of 5: the 210 joins, though
    # listed second, and the other stays alone (one annotator's two items are never one).
    alice, bob = release(187), release(187, received_by="Tenvar")
    closer, further = release(210), release(187, "2024-06-08", releasees=["Ivan"])
    parties = [numbered(alice), numbered(bob), numbered(further, closer)]
    assert places(align_items(parties, RELEASES)) == [(0, 0, 1), (None, None, 0)]


def test_a_cluster_of_equal_frames_joins_an_item_alike_every_one_of_them() -> None:
    # Alice's and bob's equal releases are one item; carol's 210 is alike both (3 of 4).
    parties = [numbered(release(187)), numbered(release(187)), numbered(release(210))]
    assert places(align_items(parties, RELEASES)) == [(0, 0, 0)]


def names_only(*names: str) -> dict[str, Any]:
    return {"released_by": None, "count": None, "releasees": list(names)}


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        # One list holds the other: alike (items holding only the names never paired).
        (names_only("Ivan", "Olena"), names_only("Olena", "Ivan", "Petro"), True),
        # 3 of the 5 names either holds are in both: more than half.
        (names_only("A", "B", "C", "D"), names_only("A", "B", "C", "E"), True),
        # 1 of 3, 2 of 4: not more than half.
        (names_only("Ivan", "Olena"), names_only("Ivan", "Petro"), False),
        (names_only("A", "B", "C"), names_only("A", "B", "D"), False),
        # Names against none: one filled, the other not, as for any field.
        (names_only("Ivan"), names_only(), False),
        # A list alike counts as one field of those either filled: count differs, 1 of 2.
        (
            {"count": 5, "releasees": ["Ivan", "Olena"]},
            {"count": 6, "releasees": ["Ivan", "Olena", "Petro"]},
            False,
        ),
    ],
)
def test_a_list_field_is_alike_when_its_lists_mostly_share_their_names(
    one: dict[str, Any], other: dict[str, Any], same: bool
) -> None:
    clusters = places(align_items([numbered(one), numbered(other)], RELEASES))
    assert clusters == ([(0, 0)] if same else [(0, None), (None, 0)])
