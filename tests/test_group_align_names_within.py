"""``align_items``: a name of one list inside a name of the other as whole words ("Maël
Brossard" within "Théodore Maël Brossard", a boundary a word short) is the same name when
lists are weighed for pairing items.

A trial's doc 02: ann1 and ann2 gave the Front's release of 8, their releasees differing by
that name; ann3 gave the same release with "armed group" as the giver. ann2 and ann3 then
agreed on 2 of 4 fields only, so ann3's item stayed apart: two conflicts "each settled on its
own", and taking both wrote 8 freed twice.
"""

from __future__ import annotations

from typing import Any

import pytest

from annotator.core.form_compare import Item, align_items
from annotator.core.form_items_alike import name_within
from annotator.core.scheme import FormField, load_default_scheme
from tests.test_group_align_data import merged, record

RELEASES: FormField = next(f for f in load_default_scheme().fields if f.name == "releases")
FRONT = "Front de Libération du Sahel Central"
NAMES = ["Zoë N'Diaye", "Aïssatou Konaré-Diabaté"]


def tamore(giver: str, last: str) -> dict[str, Any]:
    return {
        "released_by": giver,
        "received_by": "",
        "count": 8,
        "date": "2023-11-11",
        "releasees": [*NAMES, last],
    }


def places(clusters: list[tuple[Item | None, ...]]) -> list[tuple[int | None, ...]]:
    return [tuple(None if held is None else held[0] for held in one) for one in clusters]


def test_the_trials_three_releases_of_eight_are_one_item() -> None:
    ann1 = [(0, tamore(FRONT, "Théodore Maël Brossard"))]
    ann2 = [(0, tamore(FRONT, "Maël Brossard"))]
    ann3 = [(0, tamore("armed group", "Théodore Maël Brossard"))]
    assert places(align_items([ann1, ann2, ann3], RELEASES)) == [(0, 0, 0)]


def names_only(*names: str) -> dict[str, Any]:
    return {"released_by": "X", "count": None, "releasees": list(names)}


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        # Giver agrees, the names alike through whole words: 2 of 2.
        (names_only("Maël Brossard"), names_only("Théodore Maël Brossard"), True),
        (names_only("A B", "Maël Brossard"), names_only("Théodore Maël Brossard", "A B"), True),
        # Not whole words: "Ivan" is not within "Ivanna Koval".
        (names_only("Ivan"), names_only("Ivanna Koval"), False),
        # One name within two of the other's counts once: 1 of 3 names.
        (names_only("Koval"), names_only("Ivan Koval", "Olena Koval"), True),
    ],
)
def test_a_name_within_another_as_whole_words_is_the_same_name(
    one: dict[str, Any], other: dict[str, Any], same: bool
) -> None:
    # A third field filled in one only, so the list decides: 2 of 3 fields, or 1 of 3.
    one = {**one, "count": 5}
    clusters = places(align_items([[(0, one)], [(0, other)]], RELEASES))
    assert clusters == ([(0, 0)] if same else [(0, None), (None, 0)])


def test_the_six_wounded_stay_apart_from_the_95_when_only_one_annotator_gave_them() -> None:
    # Kestria's two releases of a day: ann1 gave both, ann2 the 95 with a shorter boundary.
    def kestria(count: int, releasees: list[str]) -> dict[str, Any]:
        return {
            "released_by": "Kestria",
            "received_by": "Norvania",
            "count": count,
            "date": "2024-03-17",
            "releasees": releasees,
        }

    ann1 = [
        (0, kestria(95, ["95 Norvanian servicemen"])),
        (2, kestria(6, ["six wounded Norvanian soldiers"])),
    ]
    ann2 = [(0, kestria(95, ["Norvanian servicemen"]))]
    ann3 = [(0, kestria(95, ["95 Norvanian servicemen"]))]
    assert places(align_items([ann1, ann2, ann3], RELEASES)) == [(0, 0, 0), (2, None, None)]


def test_merge_makes_one_release_with_its_giver_and_releasees_in_dispute() -> None:
    made = {
        "ann1": tamore(FRONT, "Théodore Maël Brossard"),
        "ann2": tamore(FRONT, "Maël Brossard"),
        "ann3": tamore("armed group", "Théodore Maël Brossard"),
    }
    gold = merged({name: record(name, [item], None, {}) for name, item in made.items()}, None)
    assert len(gold.form["releases"]) == 1
    assert gold.form["releases"][0]["count"] == 8
    assert sorted(conflict["path"] for conflict in gold.conflicts) == [
        "releases[0].released_by",
        "releases[0].releasees",
    ]


def test_name_within_is_the_one_whole_word_test() -> None:
    # Pairing items (``align_items``) and review's "the same one twice?" after t
    # (``review_item_notices.names_within_notice``) both ask it.
    assert name_within("Maël Brossard", "Théodore Maël Brossard")
    assert name_within("Théodore", "Théodore Maël Brossard")
    assert name_within("Maël", "Maël")
    assert not name_within("Maël", "Maëlle Brossard")
    assert not name_within("Théodore Maël Brossard", "Maël Brossard")
    assert not name_within("Maël Bross", "Théodore Maël Brossard")
