"""What taking an item only some gave does, said before the key and after it, counts the
items gold already holds so alike (``review_item_notices.alike_taking_words``,
``item_taken_notice``). A trial's panel said "taking both puts it in gold twice" of a release
gold held twice already: taking it made three."""

from __future__ import annotations

from annotator.core.annotation import Annotation
from annotator.core.models import GoldRecord, Record
from annotator.core.review_decisions import take
from annotator.core.review_item_notices import item_taken_notice
from annotator.core.review_views import describe
from tests.test_group_align_data import SCHEME, merged
from tests.test_review_alike_items import RECORDS, conflict_of

ANNOTATIONS = {name: Annotation(Record.model_validate(made)) for name, made in RECORDS.items()}


def carols_taken() -> GoldRecord:
    """Gold once carol's item (Front, 8, 2023-11-12) is taken: bob's open item is alike."""
    gold = merged(RECORDS, None)
    theirs = conflict_of(gold, "carol")
    carols = next(i for i, v in enumerate(theirs["versions"]) if "carol" in v["annotators"])
    return take(gold, theirs["id"], [carols], SCHEME, ANNOTATIONS)


def held_twice(gold: GoldRecord) -> GoldRecord:
    """``gold`` holding its release twice, as two such conflicts taken one by one leave it."""
    (item,) = gold.form["releases"]
    return gold.model_copy(update={"form": {**gold.form, "releases": [item, dict(item)]}})


def bobs_taking(gold: GoldRecord) -> str:
    view = describe(gold, conflict_of(gold, "bob"), 1, len(gold.conflicts), SCHEME)
    assert view.lone_item is not None and view.lone_item.alike is not None
    return view.lone_item.alike_taking


def test_another_open_conflicts_item_both_taken_make_two() -> None:
    assert bobs_taking(merged(RECORDS, None)) == "taking both puts it in gold twice"


def test_golds_item_held_once_taking_makes_two() -> None:
    assert bobs_taking(carols_taken()) == "taking it puts it in gold twice"


def test_golds_item_held_twice_taking_makes_three() -> None:
    gold = held_twice(carols_taken())
    assert bobs_taking(gold) == "gold holds it twice already: taking it puts it there 3 times"
    bobs = conflict_of(gold, "bob")
    said = item_taken_notice(gold, bobs["id"], [0], SCHEME)
    assert said is not None
    assert "is so alike it may be the same one, now 3 times · ctrl+z undoes" in said
