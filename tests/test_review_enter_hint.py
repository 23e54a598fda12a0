"""The line under the review's value input says what enter does with what it holds
(``review_enter_hint``). A trial: ``v`` opened holding alice's 95, selected, under it "empty: a
vague count, no value", and it was unclear that enter takes the value shown."""

from __future__ import annotations

from annotator.core.models import Span
from annotator.core.review import ReviewSession
from annotator.core.review_enter_hint import (
    Given,
    enter_hint,
    field_reading,
    field_values,
    span_reading,
    span_values,
)
from annotator.core.scheme import FormField
from tests.test_review_span_value import review as review

COUNT = ("a whole number (1,200 or twelve hundred)", "a vague count, no value")
RECEIVED_BY = {
    "id": "c5",
    "kind": "field",
    "path": "releases[0].received_by",
    "versions": [
        {"value": None, "annotators": ["alice"]},
        {"value": "Essarian Bishops’ Conference", "annotators": ["bob", "carol"]},
    ],
}
VALUE_CONFLICT = {
    "id": "c1",
    "kind": "span",
    "region": [66, 68],
    "versions": [
        {
            "spans": [{"start": 66, "end": 68, "label": "count", "value": 95}],
            "annotators": ["alice"],
        },
        {"spans": [{"start": 66, "end": 68, "label": "count", "value": 96}], "annotators": ["bob"]},
    ],
}


def test_the_values_given_and_who_gave_them() -> None:
    assert field_values(RECEIVED_BY) == [
        Given("", ("alice",)),
        Given("Essarian Bishops’ Conference", ("bob", "carol")),
    ]
    assert span_values(VALUE_CONFLICT) == [Given("95", ("alice",)), Given("96", ("bob",))]


def test_enter_takes_the_version_value_shown() -> None:
    given = span_values(VALUE_CONFLICT)
    assert enter_hint("95", given, *COUNT, quoted=False) == (
        "enter takes alice's 95; type to replace: a whole number (1,200 or twelve hundred); "
        "empty: a vague count, no value"
    )
    assert enter_hint(" 96 ", given, *COUNT, quoted=False).startswith("enter takes bob's 96;")


def test_something_else_typed_and_nothing() -> None:
    given = span_values(VALUE_CONFLICT)
    assert enter_hint("97", given, *COUNT, quoted=False) == (
        "enter settles with what is typed; a whole number (1,200 or twelve hundred); "
        "empty: a vague count, no value"
    )
    assert enter_hint("", given, *COUNT, quoted=False) == (
        "enter: a vague count, no value; or type a whole number (1,200 or twelve hundred)"
    )


def test_a_text_value_is_quoted_and_an_empty_version_is_named() -> None:
    given = field_values(RECEIVED_BY)
    assert enter_hint("Essarian Bishops’ Conference", given, "any text", "no value", True) == (
        "enter takes bob and carol's “Essarian Bishops’ Conference”; type to replace: any text; "
        "empty: no value"
    )
    # alice gave nothing: the input opens empty, and enter leaves it so, as hers.
    assert enter_hint("", given, "any text", "no value", True) == (
        "enter: no value (alice's); or type any text"
    )


KIND = FormField(
    name="kind", type="choice", required=True, choices=["unilateral", "exchange", "exit"]
)
KIND_CONFLICT = {
    "id": "c3",
    "kind": "field",
    "path": "kind",
    "versions": [
        {"value": "unilateral", "annotators": ["alice"]},
        {"value": "exchange", "annotators": ["bob"]},
    ],
}
CHOICES = "one of: unilateral, exchange, exit"


def kind_hint(typed: str) -> str:
    read = field_reading(KIND, KIND_CONFLICT)
    given = field_values(KIND_CONFLICT)
    return enter_hint(typed, given, CHOICES, "no value", False, read, required=True)


def test_a_required_field_offers_no_empty() -> None:
    """A trial: 'enter: no value; or type one of: …' under a required event type, and enter
    then refused it ("event_type is required")."""
    assert kind_hint("") == "required: type one of: unilateral, exchange, exit"
    assert kind_hint("  ") == "required: type one of: unilateral, exchange, exit"
    assert kind_hint("exchange") == (
        "enter takes bob's exchange; type to replace: one of: unilateral, exchange, exit; required"
    )


def test_what_is_typed_is_read_as_enter_reads_it() -> None:
    """A trial: 'uni' said "enter settles with what is typed" while enter took alice's."""
    assert kind_hint("uni").startswith("enter takes alice's unilateral; type to replace: ")
    assert kind_hint("EXCHANGE").startswith("enter takes bob's exchange; ")
    assert (
        kind_hint("exi") == "enter settles with exit; one of: unilateral, exchange, exit; required"
    )
    assert (
        kind_hint("ex") == "enter refuses it: 'ex' could be exchange, exit (kind): type more of it"
    )


def test_a_count_is_read_as_a_number_and_as_gold_spans_words() -> None:
    count = FormField(name="count", type="integer", from_label="count")
    conflict = {
        "id": "c2",
        "kind": "field",
        "path": "count",
        "versions": [
            {"value": 1200, "annotators": ["alice"]},
            {"value": 5, "annotators": ["bob"]},
        ],
    }
    # "a handful" spells no number: gold's span of those words gives it its value.
    handful = Span(id="s3", start=0, end=9, label="count", text="a handful", value=5)
    read = field_reading(count, conflict, [handful])
    given = field_values(conflict)
    takes = "a whole number, like 146"
    assert enter_hint("twelve hundred", given, takes, "no value", False, read).startswith(
        "enter takes alice's 1200; "
    )
    assert enter_hint("a handful", given, takes, "no value", False, read).startswith(
        "enter takes bob's 5; "
    )
    unread = field_reading(count, conflict)
    assert enter_hint("a handful", given, takes, "no value", False, unread) == (
        "enter refuses it: count: expected a whole number like 146 or seven, got 'a handful'"
    )
    assert enter_hint("7", given, takes, "no value", False, read) == (
        "enter settles with what is typed; a whole number, like 146; empty: no value"
    )


def test_a_span_value_is_read_as_v_reads_it(review: ReviewSession) -> None:
    """Alice's 2025-08-24 and bob's 2025-08-17 for "Sunday" (tests/test_review_span_value)."""
    record, conflict = review.record, review.conflict
    assert record is not None and conflict is not None
    read = span_reading(record, conflict["id"], review.scheme, review.document().text)
    given = span_values(conflict)
    takes = ("YYYY-MM-DD or words", "no value")
    assert enter_hint("17 August 2025", given, *takes, False, read).startswith(
        "enter takes bob's 2025-08-17; "
    )
    assert enter_hint("2025-08-23", given, *takes, False, read) == (
        "enter settles with what is typed; YYYY-MM-DD or words; empty: no value"
    )
    assert enter_hint("someday", given, *takes, False, read).startswith(
        "enter refuses it: date: 'someday' is not a date "
    )
    assert len(record.conflicts) == 1 and review.record is record  # nothing settled
