"""Gold's form as the review's ``g`` lists it (``review_gold_form.gold_form``): a row per field
of the scheme, a group's items with theirs, links, and the open conflicts at their paths.

A reviewer's trial found no way to see gold's form (event type, releases) before finishing.
The rows come from the scheme: a scheme of other fields is laid out by its own names.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.models import GoldRecord
from annotator.core.review_gold_form import (
    EMPTY,
    NO_ITEM,
    FormRow,
    gold_form,
    span_conflict_said,
)
from annotator.core.review_open import open_review
from annotator.core.scheme import Scheme
from tests.test_review_data import CORPUS, FIRST, two_journals

NOW = "2025-08-24T10:00:00Z"

# Not the default scheme: nothing about prisoner exchanges is looked for.
MEETINGS = Scheme.model_validate(
    {
        "name": "meetings",
        "labels": [
            {"name": "party", "key": "1", "color": "#112233"},
            {"name": "size", "key": "2", "color": "#445566", "value_type": "integer"},
        ],
        "fields": [
            {"name": "topic", "type": "choice", "choices": ["trade", "peace"]},
            {"name": "places", "type": "list"},
            {
                "name": "delegations",
                "type": "group",
                "fields": [
                    {"name": "side", "type": "text", "from_label": "party"},
                    {"name": "people", "type": "integer", "from_label": "size"},
                ],
            },
        ],
    }
)


def meeting(conflicts: list[dict[str, object]]) -> GoldRecord:
    return GoldRecord.model_validate(
        {
            "schema_version": 1,
            "doc_id": "m1",
            "doc_sha256": "0" * 64,
            "annotator": "rita",
            "status": "in_progress",
            "spans": [
                {"id": "s1", "start": 0, "end": 5, "label": "party", "text": "Arvia"},
                {
                    "id": "s2",
                    "start": 11,
                    "end": 17,
                    "label": "size",
                    "text": "twelve",
                    "value": 12,
                },
            ],
            "form": {
                "topic": None,
                "places": ["Bel"],
                "delegations": [{"side": "Arvia", "people": 12}],
            },
            "links": {"delegations[0].side": ["s1"], "delegations[0].people": ["s2"]},
            "sources": {"annotators": ["ann1", "ann2"]},
            "conflicts": conflicts,
        }
    )


TOPIC = {
    "id": "c2",
    "kind": "field",
    "path": "topic",
    "versions": [
        {"value": "trade", "annotators": ["ann1"]},
        {"value": "peace", "annotators": ["ann2"]},
    ],
}
SPAN = {
    "id": "c1",
    "kind": "span",
    "region": [25, 31],
    "versions": [
        {"spans": [], "annotators": ["ann1"]},
        {
            "spans": [{"start": 25, "end": 31, "label": "party", "text": "to Bel", "value": None}],
            "annotators": ["ann2"],
        },
    ],
}


def test_the_rows_are_the_schemes_fields_with_values_links_and_open_conflicts() -> None:
    form = gold_form(meeting([SPAN, TOPIC]), MEETINGS, current="c2")
    assert form.rows == (
        FormRow(0, "topic", EMPTY, "", ("c2 open: trade (ann1) · peace (ann2) ← in the panel",)),
        FormRow(0, "places", "Bel"),
        FormRow(0, "delegations", "1 item"),
        FormRow(0, "delegations #1", "", item=0),
        # A link whose words are the value is named by its id; a count's words are quoted.
        FormRow(1, "side", "Arvia", "⛓ s1"),
        FormRow(1, "people", "12", "⛓ s2 “twelve” 11–17"),
    )
    assert form.spans_open == ("c1 “to Bel” 25–31",)
    assert form.elsewhere == ()
    assert form.open_count == 2
    assert (form.doc_id, form.status) == ("m1", "in_progress")


def test_a_group_without_items_and_a_conflict_over_its_items() -> None:
    record = meeting([]).model_copy(update={"form": {"topic": "peace", "delegations": []}})
    items = {
        "id": "c3",
        "kind": "field",
        "path": "delegations",
        "versions": [
            {"value": [{"side": "Bel", "people": 3}], "annotators": ["ann2"]},
        ],
    }
    record = record.model_copy(update={"conflicts": [items], "links": {}})
    form = gold_form(record, MEETINGS)
    assert form.rows == (
        FormRow(0, "topic", "peace"),
        FormRow(0, "places", EMPTY),
        FormRow(0, "delegations", NO_ITEM, "", ("c3 open: the item ann2 gave (Bel, 3)",)),
    )
    assert form.spans_open == ()


def test_a_conflict_at_an_item_gold_does_not_hold_is_still_listed() -> None:
    stray = {**TOPIC, "id": "c4", "path": "delegations[3].people"}
    form = gold_form(meeting([stray]), MEETINGS)
    assert form.elsewhere == ("delegations #4 people: c4 open: trade (ann1) · peace (ann2)",)
    assert all(not row.open for row in form.rows)


# A trial's doc 04: alice's and bob's "500 prisoners" (557–570) and carol's "as many as 500"
# (546–560); the conflict's region, as the panel says it, is 546–570.
TALKS = "Officials said that as many as 500 prisoners could be freed."
PRISONERS = {
    "id": "c3",
    "kind": "span",
    "region": [20, 44],
    "versions": [
        {
            "spans": [{"start": 31, "end": 44, "label": "party", "text": "500 prisoners"}],
            "annotators": ["ann1"],
        },
        {
            "spans": [{"start": 20, "end": 34, "label": "party", "text": "as many as 500"}],
            "annotators": ["ann2"],
        },
    ],
}


def test_a_span_conflict_is_said_by_its_regions_words_with_its_offsets() -> None:
    assert TALKS[20:44] == "as many as 500 prisoners"
    # Not the first version's words with the region's offsets ("500 prisoners" 20–44).
    assert span_conflict_said(PRISONERS, TALKS) == "c3 “as many as 500 prisoners” 20–44"
    record = meeting([PRISONERS])
    said = gold_form(record, MEETINGS, current="c3", text=TALKS).spans_open
    assert said == ("c3 “as many as 500 prisoners” 20–44 ← in the panel",)
    # Without the text, no version's words stand for the region no version covers.
    assert span_conflict_said(PRISONERS) == "c3 20–44"
    # As the panel quotes: spaces made one, a long region cut in the middle.
    held = "the prisoners  held at the camp\nnear the northern border since the spring, said"
    long = {**PRISONERS, "region": [0, len(held)]}
    assert span_conflict_said(long, held) == (
        "c3 “the prisoners held at the camp near the … the spring, said” 0–79"
    )


def test_the_review_data_first_article(tmp_path: Path) -> None:
    alice, bob = two_journals(tmp_path)
    session = open_review([alice, bob], CORPUS, tmp_path / "gold.jsonl", "rita", now=lambda: NOW)
    try:
        record = session.records[FIRST]
        text = session.read(FIRST).text
        form = gold_form(record, session.scheme, current="c1", text=text)
        by_name = {row.name: row for row in form.rows}
        assert by_name["event_type"] == FormRow(0, "event_type", "exchange")
        assert by_name["releases"].open == ("c4 open: the item bob gave (Russia → Ukraine, 146)",)
        assert form.spans_open == (
            "c1 “Kyiv” 780–784 ← in the panel",
            "c2 “146 prisoners of war of the Ukrainian armed forces” 818–868",
            "c3 “eight citizens of the Russian Federation” 978–1018",
        )
        session.take(0)  # c1: alice's "Kyiv"
        after = gold_form(session.records[FIRST], session.scheme)
        assert [said.split(" ")[0] for said in after.spans_open] == ["c2", "c3"]
    finally:
        assert session.close()
