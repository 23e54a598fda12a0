"""Settling a repeatable group's conflict with items edited by hand (``e`` on ``releases``).

Merge matches items across annotators as the same item (``form_compare.align_items``: equal,
or agreeing on more than half of the fields either filled); an item fewer than K annotators
hold is left over, its holders' items the versions of a group conflict. alice's and bob's
Russia transfers, agreeing on one field of two, are not the same item: here they are versions
of one such conflict, built by hand as an older merge wrote it. The reviewer starts from one
version's items, fixes one, and takes them all.
The hand-built gold records are test_review_links_data's ("Russia" 0-6, "146" 13-16,
"Ukraine" 31-38, "12" 45-47).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.review_typed import BadValue, settle_typed
from annotator.core.review_typed_start import starting_items, version_items
from annotator.core.scheme import Scheme
from annotator.core.session_edits import Refused
from annotator.core.timer import ActiveTimer
from tests.test_review_links_data import (
    COUNT_12,
    COUNT_146,
    OLD_GOLD_RELEASES,
    RUSSIA,
    UKRAINE,
    gold,
    spans,
    write_link_scheme,
)
from tests.test_review_session_data import open_it, write_review_case

# alice: Russia 146 and Ukraine 12; bob: Russia 140 (the count alone differs) and Ukraine 12.
# Only "Ukraine 12" is agreed; the Russia transfers are the versions.
NEARLY = gold(
    spans(("s1", RUSSIA), ("s2", COUNT_146), ("s3", UKRAINE), ("s4", COUNT_12)),
    {"releases": [{"released_by": "Ukraine", "count": 12}]},
    {"releases[0].released_by": ["s3"], "releases[0].count": ["s4"]},
    [
        {
            "id": "c1",
            "kind": "field",
            "path": "releases",
            "versions": [
                {
                    "value": [{"released_by": "Russia", "count": 146}, {"released_by": "Kyiv"}],
                    "annotators": ["alice"],
                },
                {"value": [{"released_by": "Russia", "count": 140}], "annotators": ["bob"]},
            ],
        }
    ],
)


@pytest.fixture
def scheme(tmp_path: Path) -> Scheme:
    return write_link_scheme(tmp_path)


def test_the_editing_starts_from_the_first_version_holding_items(scheme: Scheme) -> None:
    conflict = NEARLY.conflicts[0]
    assert starting_items(conflict, scheme) == (
        0,
        [{"released_by": "Russia", "count": "146"}, {"released_by": "Kyiv", "count": ""}],
    )
    assert version_items(conflict, scheme, 1) == [{"released_by": "Russia", "count": "140"}]
    # alice holds no left-over item in a gold file the older merge wrote: bob's are the start.
    assert starting_items(OLD_GOLD_RELEASES.conflicts[1], scheme) == (
        1,
        [{"released_by": "Ukraine", "count": "12"}],
    )
    with pytest.raises(Refused, match="no version 3"):
        version_items(conflict, scheme, 2)


def test_one_version_taken_with_one_item_fixed(scheme: Scheme) -> None:
    # alice's items, her Russia transfer with bob's count.
    typed = [{"released_by": "Russia", "count": "140"}, {"released_by": "Kyiv", "count": ""}]
    settled = settle_typed(NEARLY, "c1", typed, scheme)
    assert settled.form["releases"] == [
        {"released_by": "Ukraine", "count": 12},  # agreed, first
        {"released_by": "Russia", "count": 140},
        {"released_by": "Kyiv", "count": None},
    ]
    assert settled.conflicts == [] and settled.status == "done"
    # Never both counts of the one transfer, as taking every version gave.
    counts = [item["count"] for item in settled.form["releases"]]
    assert 146 not in counts


def test_an_item_left_empty_is_dropped_and_none_at_all_refused(scheme: Scheme) -> None:
    typed = [{"released_by": "Russia", "count": "146"}, {"released_by": " ", "count": ""}]
    settled = settle_typed(NEARLY, "c1", typed, scheme)
    assert settled.form["releases"][1:] == [{"released_by": "Russia", "count": 146}]
    with pytest.raises(BadValue, match="no item is typed") as refused:
        settle_typed(NEARLY, "c1", [{"released_by": "", "count": ""}], scheme)
    assert (refused.value.field, refused.value.item) == ("released_by", 0)


def test_a_bad_value_names_its_item_and_field(scheme: Scheme) -> None:
    typed = [{"released_by": "Russia", "count": "146"}, {"released_by": "Kyiv", "count": "x"}]
    with pytest.raises(BadValue) as refused:
        settle_typed(NEARLY, "c1", typed, scheme)
    assert (refused.value.field, refused.value.item) == ("count", 1)
    assert str(refused.value) == "item 2: count: expected a whole number like 146 or seven, got 'x'"


def test_the_session_settles_items_saves_and_undoes(tmp_path: Path) -> None:
    setup = write_review_case(tmp_path)
    session = open_it(setup)
    try:
        session.go_to("d1", "c5")  # releases: alice none left over, bob's Ukraine 12
        before = session.record
        session.settle_typed([{"released_by": "Ukraine", "count": "13"}])
        record = session.records["d1"]
        assert record.form["releases"][1] == {"released_by": "Ukraine", "count": 13}
        assert "c5" not in [c["id"] for c in record.conflicts]
        session.undo()
        # As it was, but for its time: the reviewer's active time spent on it stays counted.
        undone = session.records["d1"]
        assert undone == before.model_copy(
            update={"updated_at": undone.updated_at, "seconds_spent": undone.seconds_spent}
        )
        assert undone.seconds_spent >= record.seconds_spent
    finally:
        assert session.close()


def test_undo_and_redo_keep_the_time_spent(tmp_path: Path) -> None:
    # A trial's document went 12.8, 14.0, 15.0 s as it was decided, then back to 0.99 when
    # ctrl+z put its first record back: the time spent on it since was lost.
    setup = write_review_case(tmp_path)
    session = open_it(setup)
    now = [100.0]
    session.timer = ActiveTimer(lambda: now[0])
    try:
        session.go_to("d1", "c5")
        session.activity()
        start = session.records["d1"].seconds_spent
        now[0] += 10
        session.settle_typed([{"released_by": "Ukraine", "count": "13"}])
        assert session.records["d1"].seconds_spent == pytest.approx(start + 10)
        now[0] += 5
        session.undo()
        assert session.records["d1"].seconds_spent == pytest.approx(start + 15)
        now[0] += 2
        session.redo()
        assert session.records["d1"].seconds_spent == pytest.approx(start + 17)
    finally:
        assert session.close()


def test_the_session_says_an_empty_item_typed_is_left_out(tmp_path: Path) -> None:
    # A trial's reviewer added an item with ctrl+n, left it blank, pressed enter: it was left
    # out (gold holds no empty item) without a word.
    setup = write_review_case(tmp_path)
    session = open_it(setup)
    try:
        session.go_to("d1", "c5")
        session.take_notices()
        typed = [{"released_by": "Ukraine", "count": "13"}, {"released_by": "", "count": ""}]
        session.settle_typed(typed)
        assert session.records["d1"].form["releases"][1:] == [
            {"released_by": "Ukraine", "count": 13}
        ]
        assert session.take_notices()[0] == "settled c5 with 1 item typed; empty item 2 left out"
        session.undo()
        session.take_notices()
        session.settle_typed(typed[:1])
        assert session.take_notices()[0] == "settled c5 with 1 item typed"
    finally:
        assert session.close()
