"""What the message after enter in the item editor (``e`` on ``releases``) says: the items as
they were settled (a version's item unchanged or edited, or typed from scratch) and how each
link was found (a count or date by its span's value, other fields by their words). A
reviewer's trial pressed enter on the item only ann1 gave, untouched, and read "settled c8
with 1 item(s) typed; … count linked to s6 (its words); date linked to s2 (its words)": nothing
was typed, and 6 was linked to "six" and 2024-03-17 to "Sunday" by their values."""

from __future__ import annotations

from pathlib import Path

from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.review_typed_links import items_said
from annotator.core.review_typed_start import ItemTexts, blank_item, version_items
from tests.test_group_align_data import write_case
from tests.test_group_items_own import records

# c4: bob's release Ostreva -> Drava People's Authority, 210, 2024-06-20 (his "210" is not
# gold); gold's spans: s1 Drava People's Authority, s2 "187" (187), s3 Ostreva.


def opened(tmp_path: Path) -> ReviewSession:
    corpus, journals = write_case(tmp_path, records())
    session = open_review(journals, corpus, tmp_path / "gold.jsonl", "rita")
    session.go_to("d1", "c4")
    return session


def bobs_item(session: ReviewSession, **changes: str) -> list[ItemTexts]:
    conflict = session.conflict
    assert conflict is not None
    items = version_items(conflict, session.scheme, 0)
    items[0].update(changes)
    return items


def test_a_version_item_settled_untouched_is_said_unchanged(tmp_path: Path) -> None:
    session = opened(tmp_path)
    try:
        session.settle_typed(bobs_item(session))
        assert session.take_notices()[0] == (
            "settled c4 with bob's item unchanged; released_by linked to s3 (its words); "
            "received_by linked to s1 (its words)"
        )
    finally:
        assert session.close()


def test_a_count_linked_by_its_value_is_said_so(tmp_path: Path) -> None:
    session = opened(tmp_path)
    try:
        session.settle_typed(bobs_item(session, count="187"))
        assert session.take_notices()[0] == (
            "settled c4 with bob's item edited; released_by linked to s3 (its words); "
            "received_by linked to s1 (its words); count linked to s2 (its value)"
        )
        assert session.records["d1"].links["releases[2].count"] == ["s2"]
    finally:
        assert session.close()


def test_items_of_each_kind_are_counted_apart(tmp_path: Path) -> None:
    session = opened(tmp_path)
    try:
        record = session.record
        assert record is not None
        group = session.scheme.fields[1]
        assert group.name == "releases"
        scratch = blank_item(group)
        scratch.update(released_by="Ostreva", count="12")
        empty = blank_item(group)  # left out: not said among the items
        unchanged = bobs_item(session)
        typed = [*unchanged, scratch, empty]
        assert items_said(record, "c4", typed, session.scheme) == (
            "bob's item unchanged, 1 item typed"
        )
        twice = [*unchanged, *bobs_item(session), *bobs_item(session, count="9")]
        assert items_said(record, "c4", twice, session.scheme) == (
            "bob's 2 items unchanged, bob's item edited"
        )
        assert items_said(record, "c4", [scratch, scratch], session.scheme) == "2 items typed"
    finally:
        assert session.close()
