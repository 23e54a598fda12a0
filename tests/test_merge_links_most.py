"""An agreed answer whose annotators linked other gold spans: gold links those the most of
them linked, on a tie those first in the text, whatever the annotators' names. It took the
first annotator's by name: a trial's agreed releasees took alice's link to the first "Ivan
Petrov", and with alice renamed zoe bob's to the second, which turned the list's order too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.models import GoldRecord, Record
from tests.test_agreement_data import record, scheme
from tests.test_merge_links_holders import FIRST, SECOND, TEXT, gold_span, merged, russia, twelve


def both_marked(name: str, linked: tuple[int, int]) -> Record:
    """``name`` marks both "Russia" and links the release's receiver to ``linked``."""
    initial = name[0]
    spans: list[dict[str, Any]] = [
        russia(f"{initial}1", FIRST),
        russia(f"{initial}3", SECOND),
        twelve(f"{initial}2"),
    ]
    which = f"{initial}1" if linked == FIRST else f"{initial}3"
    return Record.model_validate(
        record(
            name,
            text=TEXT,
            spans=spans,
            form={"releases": [{"released_by": "Russia", "count": 12}]},
            links={"releases[0].released_by": [which], "releases[0].count": [f"{initial}2"]},
        )
    )


def receiver(made: GoldRecord) -> tuple[int, int]:
    (linked,) = made.links["releases[0].released_by"]
    return gold_span(made, linked)


def test_the_spans_most_annotators_linked(tmp_path: Path) -> None:
    # alice (first by name) links the second "Russia", bob and carol the first.
    records = [both_marked("alice", SECOND), both_marked("bob", FIRST), both_marked("carol", FIRST)]
    made = merged(scheme(tmp_path), records, min_agree=None)
    assert made.form["releases"] == [{"released_by": "Russia", "count": 12}]
    assert receiver(made) == FIRST


def test_a_tie_takes_the_spans_first_in_the_text_whatever_the_names(tmp_path: Path) -> None:
    test_scheme = scheme(tmp_path)
    for first_name, second_name in (("alice", "bob"), ("zoe", "bob")):
        records = [both_marked(first_name, SECOND), both_marked(second_name, FIRST)]
        assert receiver(merged(test_scheme, records, min_agree=None)) == FIRST, first_name
        records = [both_marked(first_name, FIRST), both_marked(second_name, SECOND)]
        assert receiver(merged(test_scheme, records, min_agree=None)) == FIRST, first_name


def test_a_field_of_an_item_merged_field_by_field_too(tmp_path: Path) -> None:
    # carol's count (13) loses 2 to 1, so the item is merged field by field: its receiver's
    # link is carried by the field's rule, the same one.
    carol = both_marked("carol", FIRST).model_copy(
        update={"form": {"releases": [{"released_by": "Russia", "count": 13}]}}
    )
    records = [both_marked("alice", SECOND), both_marked("bob", FIRST), carol]
    made = merged(scheme(tmp_path), records, min_agree=2)
    assert made.form["releases"] == [{"released_by": "Russia", "count": 12}]
    assert receiver(made) == FIRST
