"""Taking a group's item names the links it gave the item's fields (``review_item_links``):
"added the item bob gave (…) to gold" said none while its fields were linked to gold spans, as
a field take names its own ("took carol's version; linked to s8").

The case (``test_group_items_own``): alice's item B and bob's D, each only one gave; bob's D
has its count linked to his "210" (c1, a span only bob marked); both items' actors are linked
by their words to gold's s1 and s3.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.review_item_links import added_item_links, item_links_said
from annotator.core.review_open import open_review
from tests.test_group_align_data import write_case
from tests.test_group_items_own import records

ITEM_D = "releases: added the item bob gave (Ostreva → Drava People's Authority, 210, 2024-06-20)"


def test_an_item_taken_names_its_links_by_words(tmp_path: Path) -> None:
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


def test_an_item_taken_names_its_own_link_carried(tmp_path: Path) -> None:
    corpus, journals = write_case(tmp_path, records())
    session = open_review(journals, corpus, tmp_path / "gold.jsonl", "rita")
    try:
        session.go_to("d1", "c1")
        session.take(1)  # bob's "210" into gold, as s5
        session.take_notices()
        session.go_to("d1", "c4")
        session.take(0)
        assert session.take_notices() == [
            f"settled c4: {ITEM_D} to gold; linked: released_by s3, received_by s1, count s5"
        ]
        assert session.records["d1"].links["releases[2].count"] == ["s5"]
        # The undo and the redo say the decision, not its links again (as a field take's).
        session.undo()
        assert session.take_notices() == [f"undid: d1 c4 is open again ({ITEM_D} to gold)"]
        session.redo()
        assert session.take_notices() == [f"redid: d1 c4 settled again ({ITEM_D} to gold)"]
    finally:
        assert session.close()


def test_a_link_not_kept_is_said_once_beside_the_others(tmp_path: Path) -> None:
    corpus, journals = write_case(tmp_path, records())
    session = open_review(journals, corpus, tmp_path / "gold.jsonl", "rita")
    try:
        session.go_to("d1", "c1")
        session.take(0)  # alice's nothing: bob's "210" stays out of gold
        session.take_notices()
        session.go_to("d1", "c4")
        session.take(0)
        assert session.take_notices() == [
            f"settled c4: {ITEM_D} to gold; its link to “210” 116–119 not kept: that span is "
            "not in gold; linked: released_by s3, received_by s1"
        ]
    finally:
        assert session.close()


def test_many_links_are_counted_and_several_items_placed(tmp_path: Path) -> None:
    corpus, journals = write_case(tmp_path, records())
    session = open_review(journals, corpus, tmp_path / "gold.jsonl", "rita")
    try:
        before = session.records["d1"]
        held = len(before.form["releases"])
        assert held == 2
        items = [*before.form["releases"], {"count": 1, "date": None}, {"date": None, "count": 2}]
        links = {
            **before.links,
            f"releases[{held}].count": ["s2"],
            f"releases[{held + 1}].count": ["s2"],
            f"releases[{held + 1}].date": ["s4"],
        }
        after = before.model_copy(update={"form": {**before.form, "releases": items}})
        after = after.model_copy(update={"links": links})
        # Gold's own items' links are not the take's; each item's fields in its order.
        assert added_item_links(before, after, "releases") == [
            (2, "count", ["s2"]),
            (3, "date", ["s4"]),
            (3, "count", ["s2"]),
        ]
        assert item_links_said(before, after, "releases") == (
            "linked: releases #3 count s2, releases #4 date s4, releases #4 count s2"
        )
        assert item_links_said(before, after, "releases", {"count"}) == "linked: date s4"
        more = {**links, **{f"releases[{held}].{name}": ["s1"] for name in "abc"}}
        assert item_links_said(before, after.model_copy(update={"links": more}), "releases") == (
            "linked: 6 fields"
        )
        assert item_links_said(before, before, "releases") is None
    finally:
        assert session.close()
