"""Taking an item only some annotators gave names it, and says when gold already holds an item
so alike (merge's rule) it may be the same transfer, now twice (``review_item_notices``).

A trial: ann1 and ann2 gave the Front's release of eight (their releasees lists differing by
a name), ann3 the same release by "armed group"; merge made two conflicts, "each settled on
its own", and taking both put eight freed into gold twice without a word.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.review_open import open_review
from tests.test_group_align_data import TEXT, write_case
from tests.test_group_items_own import records


def release(by: str, names: list[str]) -> dict[str, object]:
    return {
        "released_by": by,
        "received_by": "",
        "count": 8,
        "date": "2024-06-07",
        "releasees": names,
    }


def test_taking_a_lone_item_names_it(tmp_path: Path) -> None:
    corpus, journals = write_case(tmp_path, records())
    session = open_review(journals, corpus, tmp_path / "gold.jsonl", "rita")
    try:
        session.go_to("d1", "c3")  # alice's B
        session.take(0)
        assert session.take_notices() == [
            "settled c3: releases: added the item alice gave (Ostreva → Drava People's "
            "Authority, 50, 2024-06-03) to gold; linked: released_by s3, received_by s1"
        ]
    finally:
        assert session.close()


def test_taking_an_item_alike_one_gold_holds_says_it_may_be_twice(tmp_path: Path) -> None:
    assert "Drava" in TEXT
    front = "Drava People's Authority"
    made = records()
    for name in made:
        made[name]["form"]["releases"] = []
        made[name]["links"] = {}
    made["ann1"] = {**made.pop("alice"), "annotator": "ann1"}
    made["ann2"] = {**made.pop("bob"), "annotator": "ann2"}
    made["ann3"] = {**made["ann1"], "annotator": "ann3"}
    made["ann4"] = {**made["ann1"], "annotator": "ann4"}
    made["ann1"]["form"] = {"event_type": "exchange", "releases": [release(front, ["A", "B", "C"])]}
    made["ann2"]["form"] = {"event_type": "exchange", "releases": [release(front, ["A", "B", "D"])]}
    made["ann3"]["form"] = {
        "event_type": "exchange",
        "releases": [release("armed group", ["A", "B", "C"])],
    }
    # ann4 as ann3: their item is not one alone, which would join ann1's, its closest
    # (``align_items``, step 3), and be one release with the Front's.
    made["ann4"]["form"] = made["ann3"]["form"]
    corpus, journals = write_case(tmp_path, made)
    session = open_review(journals, corpus, tmp_path / "gold.jsonl", "rita")
    try:
        ids = [c["id"] for c in session.records["d1"].conflicts if c.get("path") == "releases"]
        assert len(ids) == 2  # the Front's (ann1, ann2) and ann3's (ann4's): each on its own
        session.go_to("d1", ids[0])
        session.take(0)
        session.take_notices()
        session.go_to("d1", ids[1])
        session.take(0)
        (said, *_rest) = session.take_notices()
        assert said == (
            f"settled {ids[1]}: releases: added the item ann3 and ann4 gave (armed group, 8, "
            "2024-06-07) "
            f"to gold; gold's releases #1 ({front}, 8, 2024-06-07) is so alike it may be the "
            "same one, now twice; linked: date s4 · ctrl+z undoes"
        )
    finally:
        assert session.close()


def test_an_item_of_another_count_between_the_same_sides_names_the_count(
    tmp_path: Path,
) -> None:
    # The trial's Arbela: 95 each way agreed, and Kestria's six wounded the same day, which
    # only ann1 gave: a release of its own, or the 95 with a disputed count (a later trial's
    # Drava: 187 and 210, one handover, in gold twice with no word). "May be", the count
    # named, lets the reviewer tell.
    made = records()
    ninety_five = release("Kestria", ["A"]) | {"count": 95, "received_by": "Norvania"}
    six = release("Kestria", ["six wounded"]) | {"count": 6, "received_by": "Norvania"}
    made["alice"]["form"] = {"event_type": "exchange", "releases": [ninety_five, six]}
    made["bob"]["form"] = {"event_type": "exchange", "releases": [ninety_five]}
    for name in made:
        made[name]["links"] = {}
    corpus, journals = write_case(tmp_path, made)
    session = open_review(journals, corpus, tmp_path / "gold.jsonl", "rita")
    try:
        (lone,) = [c["id"] for c in session.records["d1"].conflicts if c.get("path") == "releases"]
        session.go_to("d1", lone)
        session.take(0)
        assert session.take_notices()[0] == (
            f"settled {lone}: releases: added the item alice gave (Kestria → Norvania, 6, "
            "2024-06-07) to gold; gold's releases #1 (Kestria → Norvania, 95, 2024-06-07) is so "
            "alike it may be the same one, differing in count (6 against 95), now twice; linked: "
            "date s4 · ctrl+z undoes"
        )
    finally:
        assert session.close()


def test_t_on_releasees_a_word_apart_says_the_same_one_may_be_twice(tmp_path: Path) -> None:
    # The trial's Tamoré: ann1's "Théodore Maël Brossard", ann2's "Maël Brossard"; t took
    # both names into the list without a word.
    made = records()
    made["alice"]["form"] = {
        "event_type": "exchange",
        "releases": [release("Ostreva", ["Ana", "Théodore Maël Brossard"])],
    }
    made["bob"]["form"] = {
        "event_type": "exchange",
        "releases": [release("Ostreva", ["Ana", "Maël Brossard"])],
    }
    for name in made:
        made[name]["links"] = {}
    corpus, journals = write_case(tmp_path, made)
    session = open_review(journals, corpus, tmp_path / "gold.jsonl", "rita")
    try:
        (field,) = [
            c["id"] for c in session.records["d1"].conflicts if c.get("path", "").endswith("s")
        ]
        session.go_to("d1", field)
        session.take_all()
        assert session.take_notices()[0] == (
            f"settled {field}: took every version; releases #1 releasees now holds "
            "'Maël Brossard' and 'Théodore Maël Brossard': the same one twice? · ctrl+z undoes"
        )
        releasees = session.records["d1"].form["releases"][0]["releasees"]
        assert releasees == ["Ana", "Théodore Maël Brossard", "Maël Brossard"]  # said, not refused
    finally:
        assert session.close()
