"""The line under the review's value input says what enter does with what it holds
(``review_enter_hint``). A trial: ``v`` opened holding alice's 95, selected, under it "empty: a
vague count, no value", and it was unclear that enter takes the value shown."""

from __future__ import annotations

from annotator.core.review_enter_hint import Given, enter_hint, field_values, span_values

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
