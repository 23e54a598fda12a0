"""A group conflict's versions carry their items' links, so taking them keeps the links: a
trial's `t` left out a count linked to "hundreds" (no value), and taking it kept no link. Gold
never links a span that is not gold, nor a span of another label than its field is filled
from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from annotator.core import review_decisions as decide
from annotator.core.annotation import Annotation
from annotator.core.compare import Unit
from annotator.core.merge import merge_units
from annotator.core.models import GoldRecord, Record, sha256_text
from annotator.core.review_links import carried_links
from annotator.core.scheme import Scheme
from tests.test_agreement_data import record, scheme, span

TEXT = "Russia freed hundreds of prisoners on Sunday."
EMPTY = {"released_by": None, "count": None}
HUNDREDS = {"start": 13, "end": 21, "label": "count", "text": "hundreds", "value": None}


def russia(span_id: str) -> dict[str, Any]:
    return span(span_id, 0, 6, "actor", text=TEXT)


def hundreds(span_id: str) -> dict[str, Any]:
    return {**HUNDREDS, "id": span_id}


def annotator(name: str, **fields: Any) -> Record:
    return Record.model_validate(record(name, text=TEXT, **fields))


def merged(test_scheme: Scheme, records: dict[str, Record]) -> GoldRecord:
    works = {name: Annotation(records[name]) for name in sorted(records)}
    (made,) = merge_units([Unit("d1", sha256_text(TEXT), works)], test_scheme, "rita")
    return made


# alice: a release whose count is linked to her "hundreds" (no value), which bob did not mark;
# bob: no release. Merged: Russia agreed (s1); c1 alice's "hundreds"; c2 alice's release (its
# one version hers: bob, who gave none, is in no version).
HUNDREDS_RECORDS = {
    "alice": annotator(
        "alice",
        spans=[russia("a1"), hundreds("a2")],
        form={"releases": [EMPTY]},
        links={"releases[0].count": ["a2"]},
    ),
    "bob": annotator("bob", spans=[russia("b1")], form={"releases": []}),
}


def test_the_version_carries_its_items_links_as_spans(tmp_path: Path) -> None:
    made = merged(scheme(tmp_path), HUNDREDS_RECORDS)
    assert made.conflicts[1] == {
        "id": "c2",
        "kind": "field",
        "path": "releases",
        "versions": [
            {
                "value": [EMPTY],
                "annotators": ["alice"],
                "links": {"releases[0].count": [HUNDREDS]},
            },
        ],
    }


@pytest.mark.parametrize("with_records", [True, False], ids=["records", "version-alone"])
@pytest.mark.parametrize("versions", [[0]], ids=["alices"])
def test_taking_the_version_keeps_the_linked_item_and_its_link(
    tmp_path: Path, with_records: bool, versions: list[int]
) -> None:
    test_scheme = scheme(tmp_path)
    records = HUNDREDS_RECORDS if with_records else None
    made = merged(test_scheme, HUNDREDS_RECORDS)
    spans_taken = decide.take(made, "c1", [0], test_scheme, records)  # alice's "hundreds": s2
    settled = decide.take(spans_taken, "c2", versions, test_scheme, records)
    assert (settled.status, settled.form, settled.links) == (
        "done",
        {"releases": [EMPTY]},
        {"releases[0].count": ["s2"]},
    )
    assert settled.spans[1].model_dump() == hundreds("s2")


def test_a_linked_item_whose_span_is_rejected_is_left_out_of_done_gold(tmp_path: Path) -> None:
    test_scheme = scheme(tmp_path)
    made = merged(test_scheme, HUNDREDS_RECORDS)
    taken = decide.take(made, "c2", [0], test_scheme, HUNDREDS_RECORDS)
    # Kept while the span may still be taken ...
    assert (taken.status, taken.form, taken.links) == ("in_progress", {"releases": [EMPTY]}, {})
    # ... and left out once it cannot: it would be an empty item in done gold.
    rejected = decide.reject(taken, "c1", test_scheme, HUNDREDS_RECORDS)
    assert (rejected.status, rejected.form, rejected.links) == ("done", {"releases": []}, {})


# alice's journal (older than ctrl+l's check) links her count to "Russia", an actor.
WRONG_LABEL = {
    "alice": annotator(
        "alice",
        spans=[russia("a1")],
        form={"releases": [{"released_by": "Russia", "count": None}]},
        links={"releases[0].released_by": ["a1"], "releases[0].count": ["a1"]},
    ),
    "bob": annotator(
        "bob", spans=[russia("b1")], form={"releases": [{"released_by": "Russia", "count": None}]}
    ),
}


def test_a_link_to_a_span_of_another_label_is_not_carried(tmp_path: Path) -> None:
    test_scheme = scheme(tmp_path)
    made = merged(test_scheme, WRONG_LABEL)
    assert (made.status, made.links) == ("done", {"releases[0].released_by": ["s1"]})
    assert carried_links(made, WRONG_LABEL, test_scheme) == made.links
    # Nor into a version: alice's item alone.
    alone = merged(test_scheme, {**WRONG_LABEL, "bob": annotator("bob", spans=[russia("b1")])})
    assert alone.conflicts[0]["versions"][0]["links"] == {
        "releases[0].released_by": [
            {"start": 0, "end": 6, "label": "actor", "text": "Russia", "value": None}
        ]
    }
