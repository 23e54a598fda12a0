"""A group's conflict says where gold's items came from (``review_gold_items``): agreed, taken
from a version, or typed. A trial typed a new item in c14's ``e`` box, and c15 and c16 listed
it under "agreed, already gold: 1 item(s)": it was typed, not agreed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.review import ReviewSession
from annotator.core.review_gold_items import gold_items_head
from annotator.core.review_open import open_review
from tests.test_agreement_data import write_corpus, write_journal
from tests.test_merge_linked_by import TEXT, at, journal

# One release all three give alike (agreed); one only ann1 gives, one only ann2.
ARBELA = {"released_by": "Arbela", "received_by": None, "count": None}
WATCHED = {"released_by": None, "received_by": "Arbela", "count": 12}


def open_case(tmp_path: Path) -> ReviewSession:
    kestria = at("Kestria", "actor", "k1")
    cases = [
        journal("ann1", "Kestria", kestria, linked=True, items=[ARBELA]),
        journal("ann2", "Kestria", kestria, linked=True, items=[WATCHED]),
        journal("ann3", "Kestria", kestria, linked=True),
    ]
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    files = [write_journal(tmp_path / f"{one['annotator']}.jsonl", one) for one in cases]
    return open_review(files, corpus, tmp_path / "gold.jsonl", "rita")


def item_conflicts(session: ReviewSession) -> list[dict[str, Any]]:
    record = session.record
    assert record is not None
    return [one for one in record.conflicts if one.get("path") == "releases"]


def test_an_item_typed_in_one_conflict_is_said_typed_in_the_next(tmp_path: Path) -> None:
    session = open_case(tmp_path)
    try:
        first, second = (one["id"] for one in item_conflicts(session))
        view = session.view()
        assert view is not None and view.place.conflict_id == first
        assert view.gold_origins == ("agreed",)
        assert gold_items_head(1, view.gold_origins) == "agreed, already gold: 1 item(s)"
        session.settle_typed([{"released_by": "Norvania", "count": "3"}])  # a new item
        view = session.view()
        assert view is not None and view.place.conflict_id == second
        assert view.gold_origins == ("agreed", "typed")
        assert gold_items_head(2, view.gold_origins) == "gold holds: 2 item(s): 1 agreed, 1 typed"
    finally:
        assert session.close()


def test_an_item_taken_from_a_version_is_said_taken(tmp_path: Path) -> None:
    session = open_case(tmp_path)
    try:
        session.take(0)  # ann1's Arbela release
        view = session.view()
        assert view is not None
        assert view.gold_origins == ("agreed", "taken")
        assert gold_items_head(2, view.gold_origins) == "gold holds: 2 item(s): 1 agreed, 1 taken"
    finally:
        assert session.close()


def test_without_the_annotators_records_gold_holds_them_untold() -> None:
    assert gold_items_head(3, None) == "gold holds: 3 item(s)"
    assert gold_items_head(0, ()) == "agreed, already gold: 0 item(s)"
