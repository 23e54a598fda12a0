"""Before a key, the review panel says when an item only some gave may be the same one as an
item gold holds or another such conflict gives (``LoneItem.alike``,
``review_item_notices.alike_item_said``). A trial's reviewer read "each settled on its own",
took both of two such conflicts, and gold held one release of eight twice; the notice came
after the key only."""

from __future__ import annotations

from typing import Any

from annotator.core.annotation import Annotation
from annotator.core.models import GoldRecord, Record
from annotator.core.review_decisions import take
from annotator.core.review_views import describe
from tests.test_group_align_data import SCHEME, merged, record


def lone(giver: str, date: str) -> dict[str, Any]:
    return {"released_by": giver, "received_by": None, "count": 8, "date": date, "releasees": []}


# alice's and carol's agree on the giver and count (2 of 3), bob's and carol's on count and
# date (2 of 3), alice's and bob's on the count only: carol's joins alice's (the first pair),
# bob's and dave's (equal) stay an item of their own, alike carol's but not alice's. (Without
# dave, bob's item alone would join carol's, its closest: ``align_items``, step 3.)
RECORDS = {
    "alice": record("alice", [lone("Front", "2023-11-11")], None, {}),
    "bob": record("bob", [lone("armed group", "2023-11-12")], None, {}),
    "carol": record("carol", [lone("Front", "2023-11-12")], None, {}),
    "dave": record("dave", [lone("armed group", "2023-11-12")], None, {}),
}


def conflict_of(gold: GoldRecord, who: str) -> dict[str, Any]:
    return next(
        conflict
        for conflict in gold.conflicts
        if conflict.get("path") == "releases"
        and any(who in version["annotators"] for version in conflict["versions"])
    )


def test_the_panel_names_another_open_conflict_holding_an_item_alike() -> None:
    gold = merged(RECORDS, None)
    bobs, theirs = conflict_of(gold, "bob"), conflict_of(gold, "alice")
    assert bobs["id"] != theirs["id"]
    view = describe(gold, bobs, 1, len(gold.conflicts), SCHEME)
    assert view.lone_item is not None
    assert view.lone_item.alike == (
        f"{theirs['id']}: the item alice and carol gave "
        "(Front, 8, 2023-11-11 / Front, 8, 2023-11-12)"
    )
    # And from the other side: bob's is alike carol's version.
    other = describe(gold, theirs, 1, len(gold.conflicts), SCHEME).lone_item
    assert other is not None and other.alike == (
        f"{bobs['id']}: the item bob and dave gave (armed group, 8, 2023-11-12)"
    )


def test_the_panel_names_golds_item_alike_once_one_is_taken() -> None:
    gold = merged(RECORDS, None)
    annotations = {name: Annotation(Record.model_validate(made)) for name, made in RECORDS.items()}
    theirs = conflict_of(gold, "carol")
    carols = next(i for i, v in enumerate(theirs["versions"]) if "carol" in v["annotators"])
    gold = take(gold, theirs["id"], [carols], SCHEME, annotations)
    view = describe(gold, conflict_of(gold, "bob"), 1, len(gold.conflicts), SCHEME)
    assert view.lone_item is not None
    assert view.lone_item.alike == "gold's releases #1 (Front, 8, 2023-11-12)"


def test_items_differing_in_a_figure_are_said_alike_with_the_figure() -> None:
    # Kestria's 95 and its six wounded, same side and day: two releases, or one with a
    # disputed count (a trial's Drava, 187 and 210, went into gold twice with no word).
    ninety_five = {**lone("Kestria", "2024-03-17"), "count": 95}
    six = {**lone("Kestria", "2024-03-17"), "count": 6}
    records = {
        "alice": record("alice", [ninety_five, six], None, {}),
        "bob": record("bob", [ninety_five], None, {}),
    }
    gold = merged(records, None)
    assert gold.form["releases"] == [ninety_five]
    (conflict,) = gold.conflicts
    view = describe(gold, conflict, 1, 1, SCHEME)
    assert view.lone_item is not None
    assert view.lone_item.alike == (
        "gold's releases #1 (Kestria, 95, 2024-03-17), differing in count (6 against 95)"
    )
