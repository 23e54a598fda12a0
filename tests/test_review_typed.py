"""Settling a form-field conflict with a typed value or a group item written by hand.

The pure functions on hand-built gold records (test_review_links_data: "Russia" 0-6, "146"
13-16, "Ukraine" 31-38, "12" 45-47), then the review session on the review case
(test_review_session_data: d1 c4 the required choice ``code``, c5 the group ``releases``; d2 c1
the integer ``number``), the gold file on disk, undo and resume.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from annotator.core.forms import typed_text
from annotator.core.review_typed import BadValue, settle_typed, typed_value
from annotator.core.review_typed_start import prefill, starting_items
from annotator.core.review_views import Place
from annotator.core.scheme import FormField, Scheme
from annotator.core.session_edits import Refused
from tests.test_review_links_data import (
    GOLD_RELEASES,
    GOLD_TOTAL,
    OLD_GOLD_RELEASES,
    RELEASES,
    RUSSIA,
    TOTALS,
    gold,
    spans,
    write_link_scheme,
)
from tests.test_review_session_data import (
    RELEASE_RUSSIA,
    assert_valid,
    gold_lines,
    latest,
    open_it,
    write_review_case,
)

CHOICE = FormField(name="kind", type="choice", choices=["exchange", "announcement"])


@pytest.fixture
def scheme(tmp_path: Path) -> Scheme:
    return write_link_scheme(tmp_path)


@pytest.mark.parametrize(
    ("field", "typed", "stored"),
    [
        (CHOICE, " exchange ", "exchange"),
        (FormField(name="note", type="text"), "  freed at dawn ", "freed at dawn"),
        (FormField(name="count", type="integer"), "1,200", 1200),
        (FormField(name="date", type="date"), "2025-08", "2025-08"),
        (FormField(name="names", type="list"), "Ann Lee, , Bo Park ", ["Ann Lee", "Bo Park"]),
        (FormField(name="count", type="integer"), "", None),
        (FormField(name="names", type="list"), " ", []),
    ],
)
def test_a_typed_value_is_read_as_the_annotation_screen_reads_it(
    field: FormField, typed: str, stored: Any
) -> None:
    assert typed_value(field, typed) == stored
    # What an input shows of it gives it back.
    assert typed_value(field, typed_text(stored)) == stored


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        (CHOICE, "swap", "'swap' is not a choice of kind (one of exchange, announcement)"),
        (FormField(name="count", type="integer"), "about 40", "count: expected a whole number"),
        (FormField(name="date", type="date"), "2025-02-30", "date: "),
    ],
)
def test_a_bad_value_is_refused_naming_the_field(
    field: FormField, typed: str, message: str
) -> None:
    with pytest.raises(BadValue) as refused:
        typed_value(field, typed)
    assert str(refused.value).startswith(message)
    assert refused.value.field == field.name
    assert "\n" not in str(refused.value)


EVENT = FormField(
    name="event_type",
    type="choice",
    choices=["exchange", "unilateral_release", "repatriation_of_remains", "announcement"],
)
OVERLAPPING = FormField(name="kind", type="choice", choices=["release", "repatriation", "Swap"])


@pytest.mark.parametrize(
    ("field", "typed", "stored"),
    [
        (EVENT, "uni", "unilateral_release"),  # what the input suggests, enter takes
        (EVENT, " UNI ", "unilateral_release"),
        (EVENT, "Exchange", "exchange"),
        (EVENT, "r", "repatriation_of_remains"),
        (EVENT, "announcement", "announcement"),
        (OVERLAPPING, "swap", "Swap"),  # the same, case aside
        (OVERLAPPING, "rel", "release"),
        (OVERLAPPING, "", None),
    ],
)
def test_a_choice_is_typed_in_any_case_or_by_its_beginning(
    field: FormField, typed: str, stored: str | None
) -> None:
    assert typed_value(field, typed) == stored


def test_a_beginning_of_several_choices_is_refused_naming_them() -> None:
    with pytest.raises(BadValue) as refused:
        typed_value(OVERLAPPING, "re")
    assert str(refused.value) == "'re' could be release, repatriation (kind): type more of it"
    assert refused.value.field == "kind"
    # A beginning of no choice is refused as before, naming them all.
    with pytest.raises(BadValue, match=r"^'unit' is not a choice of event_type \(one of"):
        typed_value(EVENT, "unit")


def test_a_typed_value_settles_a_field_conflict(scheme: Scheme) -> None:
    assert prefill(GOLD_TOTAL.conflicts[1], scheme) == "146"  # the first version's
    settled = settle_typed(GOLD_TOTAL, "c2", "150", scheme, TOTALS)
    assert settled.form == {"total": 150}
    assert [c["id"] for c in settled.conflicts] == ["c1"]  # c2 settled, c1 still open
    assert settled.links == {}  # nobody gave 150: no link
    assert settled.spans == GOLD_TOTAL.spans
    assert settled.status == "in_progress"
    # A value an annotator gave brings their link, as taking their version does.
    assert settle_typed(GOLD_TOTAL, "c2", "146", scheme, TOTALS).links == {"total": ["s2"]}
    # A bad value changes nothing and says why.
    with pytest.raises(BadValue, match="total: expected a whole number"):
        settle_typed(GOLD_TOTAL, "c2", "many", scheme, TOTALS)
    # Empty clears a field that is not required.
    assert "total" not in settle_typed(GOLD_TOTAL, "c2", " ", scheme, TOTALS).form


def test_a_typed_list(scheme: Scheme) -> None:
    record = gold(
        spans(("s1", RUSSIA)),
        {},
        {},
        [
            {
                "id": "c1",
                "kind": "field",
                "path": "freed_by",
                "versions": [
                    {"value": ["Russia"], "annotators": ["alice"]},
                    {"value": ["Ukraine"], "annotators": ["bob"]},
                ],
            }
        ],
    )
    assert prefill(record.conflicts[0], scheme) == "Russia"
    settled = settle_typed(record, "c1", "Russia, Vellmark", scheme)
    assert settled.form == {"freed_by": ["Russia", "Vellmark"]}
    assert settled.conflicts == [] and settled.status == "done"


def test_a_group_item_written_by_hand(scheme: Scheme) -> None:
    # A gold file the older merge wrote: alice has no left-over item, so the first version
    # holding one (bob's) fills the inputs; merged now, bob's is the one version.
    old = OLD_GOLD_RELEASES.conflicts[1]
    assert starting_items(old, scheme) == (1, [{"released_by": "Ukraine", "count": "12"}])
    conflict = GOLD_RELEASES.conflicts[1]
    assert starting_items(conflict, scheme) == (0, [{"released_by": "Ukraine", "count": "12"}])
    # bob's released_by with alice's count.
    settled = settle_typed(
        GOLD_RELEASES, "c2", {"released_by": "Ukraine", "count": "146"}, scheme, RELEASES
    )
    assert settled.form["releases"] == [
        {"released_by": "Russia", "count": 146},
        {"released_by": "Ukraine", "count": 146},  # appended; bob's Ukraine 12 is not taken
    ]
    assert [c["id"] for c in settled.conflicts] == ["c1"]
    # The agreed item's links are untouched; the new item, nobody's frame, is linked by its
    # words only (review_typed_words): "Ukraine" is s3's, 146 s2's value.
    assert settled.links == {
        "releases[0].released_by": ["s1"],
        "releases[0].count": ["s2"],
        "releases[1].released_by": ["s3"],
        "releases[1].count": ["s2"],
    }
    assert settled.spans == GOLD_RELEASES.spans
    # Without the annotators' records the links that still hold are kept too.
    alone = settle_typed(GOLD_RELEASES, "c2", {"released_by": "Ukraine"}, scheme)
    assert alone.links == {**GOLD_RELEASES.links, "releases[1].released_by": ["s3"]}
    assert alone.form["releases"][1] == {"released_by": "Ukraine", "count": None}


def test_a_bad_or_empty_group_item_is_refused(scheme: Scheme) -> None:
    with pytest.raises(BadValue) as refused:
        settle_typed(GOLD_RELEASES, "c2", {"released_by": "Ukraine", "count": "x"}, scheme)
    assert refused.value.field == "count"
    assert str(refused.value) == "count: expected a whole number like 146 or seven, got 'x'"
    with pytest.raises(BadValue, match="the item is empty"):
        settle_typed(GOLD_RELEASES, "c2", {"released_by": " ", "count": ""}, scheme)
    with pytest.raises(Refused, match="no field colour"):
        settle_typed(GOLD_RELEASES, "c2", {"colour": "red"}, scheme)
    with pytest.raises(Refused, match="write its items"):
        settle_typed(GOLD_RELEASES, "c2", "Ukraine", scheme)
    with pytest.raises(Refused, match="drawing the span"):
        settle_typed(GOLD_RELEASES, "c1", "12", scheme)


def test_the_session_saves_typed_decisions_undoes_and_resumes(tmp_path: Path) -> None:
    setup = write_review_case(tmp_path)
    session = open_it(setup)
    try:
        session.go_to("d1", "c4")
        # code is a required choice: empty and a wrong choice are refused, nothing saved.
        with pytest.raises(BadValue, match="code is required: type one of 1, 2, 3, 4, 5"):
            session.settle_typed("")
        with pytest.raises(BadValue, match="not a choice of code"):
            session.settle_typed("7")
        assert session.settle_typed("3") == Place("d1", "c5")
        # The group: an item of its own (Ukraine, 146), bob's left-over Ukraine 12 not taken.
        session.settle_typed({"released_by": "Ukraine", "count": "146"})
        session.store.flush()
        line = latest(setup["gold"])["d1"]
        assert line["form"]["code"] == "3"
        assert line["form"]["releases"] == [
            RELEASE_RUSSIA,
            {"released_by": "Ukraine", "count": 146},
        ]
        assert [c["id"] for c in line["conflicts"]] == ["c1", "c2", "c3"]
        assert line["annotator"] == "rita"
        # ctrl+z's undo puts the group conflict back, in the file too.
        assert session.undo() == Place("d1", "c5")
        session.store.flush()
        line = latest(setup["gold"])["d1"]
        assert line["form"]["releases"] == [RELEASE_RUSSIA]
        assert "c5" in [c["id"] for c in line["conflicts"]]
        # d2's integer: a typed 5 that neither annotator gave.
        session.go_to("d2", "c1")
        session.settle_typed("5")
    finally:
        assert session.close()
    assert latest(setup["gold"])["d2"]["form"]["number"] == 5
    assert_valid(setup)
    count = len(gold_lines(setup["gold"]))
    # Resumed: the typed decisions hold, the undone one is open again.
    again = open_it(setup)
    try:
        assert again.conflicts_left() == 4  # d1: c1, c2, c3 and c5
        record = again.records["d1"]
        assert record.form["code"] == "3"
        assert [c["id"] for c in record.conflicts] == ["c1", "c2", "c3", "c5"]
    finally:
        assert again.close()
    assert len(gold_lines(setup["gold"])) == count
