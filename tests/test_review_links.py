"""Links (form path -> span ids) through review decisions: merge's rule after every decision.

Hand-built records on TEXT (test_review_links_data): "Russia" 0-6, "146" 13-16, "Ukraine" 31-38,
"12" 45-47. There each gold record is written out as it stands before the decision; each test
states the links expected after it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core import review_decisions as decide
from annotator.core.models import GoldRecord
from annotator.core.review_drawn_span import settle_with_span
from annotator.core.scheme import Scheme
from annotator.core.validate import links_problems
from tests.test_agreement_data import TEXT
from tests.test_review_links_data import (
    ALICE_TOTAL,
    COUNT_146,
    GOLD_RELEASES,
    GOLD_TOTAL,
    GOLD_VALUES,
    RELEASES,
    RUSSIA,
    THREE,
    TOTALS,
    annotator,
    body,
    gold,
    spans,
    write_link_scheme,
)


@pytest.fixture
def scheme(tmp_path: Path) -> Scheme:
    return write_link_scheme(tmp_path)


def assert_sound(settled: GoldRecord, scheme: Scheme) -> None:
    """Every link names a gold span (the model checks) and a field the form has."""
    assert list(links_problems(settled.links, settled.form, scheme)) == []


def test_a_field_version_brings_its_annotators_link(scheme: Scheme) -> None:
    settled = decide.take(GOLD_TOTAL, "c2", [0], scheme, TOTALS)
    assert settled.form == {"total": 146}
    assert settled.links == {"total": ["s2"]}  # alice's a2 is gold s2
    assert_sound(settled, scheme)


def test_taking_the_linked_span_later_makes_the_link_hold(scheme: Scheme) -> None:
    # bob's total first: his "12" is not gold yet, so no link.
    settled = decide.take(GOLD_TOTAL, "c2", [1], scheme, TOTALS)
    assert settled.form == {"total": 12}
    assert settled.links == {}
    # Then bob's "12": it becomes s3, and his link from total points at it.
    settled = decide.take(settled, "c1", [1], scheme, TOTALS)
    assert [(s.id, s.start, s.end) for s in settled.spans][-1] == ("s3", 45, 47)
    assert settled.links == {"total": ["s3"]}
    assert_sound(settled, scheme)


def test_the_same_when_the_span_comes_first_and_when_it_is_drawn(scheme: Scheme) -> None:
    by_taking = decide.take(GOLD_TOTAL, "c1", [1], scheme, TOTALS)
    assert by_taking.links == {}  # total is still open
    by_taking = decide.take(by_taking, "c2", [1], scheme, TOTALS)
    assert by_taking.links == {"total": ["s3"]}
    # Drawn by hand over exactly bob's "12": the same span, the same link.
    drawn, made = settle_with_span(GOLD_TOTAL, "c1", TEXT, 45, 47, "count", scheme)
    assert made.id == "s3" and made.value == 12
    with_total = decide.take(drawn, "c2", [1], scheme, TOTALS)
    assert with_total.links == {"total": ["s3"]}
    # A span drawn over only "1" (character mode) is not bob's: no link to it.
    one, made = settle_with_span(
        GOLD_TOTAL, "c1", TEXT, 45, 46, "count", scheme, mode="char", annotations=TOTALS
    )
    assert (made.start, made.end, made.value) == (45, 46, 1)
    assert decide.take(one, "c2", [1], scheme, TOTALS).links == {}


def test_rejecting_the_span_leaves_the_field_unlinked(scheme: Scheme) -> None:
    settled = decide.take(GOLD_TOTAL, "c2", [1], scheme, TOTALS)
    settled = decide.reject(settled, "c1", scheme, TOTALS)
    assert settled.form == {"total": 12} and settled.links == {}
    assert settled.status == "done"


def test_without_the_annotators_records_links_are_kept_and_words_link(scheme: Scheme) -> None:
    linked = gold(
        spans(("s1", RUSSIA), ("s2", COUNT_146)),
        {"freed_by": ["Russia"]},
        {"freed_by": ["s1"]},
        GOLD_TOTAL.conflicts,
    )
    settled = decide.take(linked, "c2", [0], scheme)
    assert settled.form == {"freed_by": ["Russia"], "total": 146}
    # freed_by's kept; total's annotator's link is not known here, so the one gold count
    # span of its value links it, as a value typed is linked (``value_links``).
    assert settled.links == {"freed_by": ["s1"], "total": ["s2"]}
    # The same when one of the document's annotators has no record at hand.
    partly = decide.take(linked, "c2", [0], scheme, {"alice": ALICE_TOTAL})
    assert partly.links == {"freed_by": ["s1"], "total": ["s2"]}


def test_replacing_a_linked_spans_value_removes_the_link(scheme: Scheme) -> None:
    for records in (THREE, None):
        settled = decide.take(GOLD_VALUES, "c1", [2], scheme, records)  # carol's
        assert [(s.id, s.value) for s in settled.spans] == [("s1", 140)]
        # total is still alice's and bob's 146; their "146" was 146, not 140.
        assert settled.form == {"total": 146} and settled.links == {}
    # Rejecting carol's value leaves the link as it was.
    assert decide.reject(GOLD_VALUES, "c1", scheme, THREE).links == {"total": ["s1"]}
    assert decide.reject(GOLD_VALUES, "c1", scheme).links == {"total": ["s1"]}


def test_the_first_annotator_by_name_with_the_answer_and_a_gold_span_gives_the_links(
    scheme: Scheme,
) -> None:
    # bob and carol both answer 12, bob from "12", carol from "freed 12". merge takes links
    # from the first annotator by name who gave the answer and linked a span that is gold:
    # bob's when his span is taken, carol's when hers is (a trial lost a receiver's link to
    # the span gold took because the first annotator had linked another).
    bob = annotator("bob", spans(("b9", (45, 47, "count", 12))), {"total": 12}, {"total": ["b9"]})
    carol = annotator(
        "carol", spans(("c9", (39, 47, "count", 12))), {"total": 12}, {"total": ["c9"]}
    )
    alice = annotator("alice", [], {"total": 146}, {})
    open_gold = gold(
        [],
        {},
        {},
        [
            {
                "id": "c1",
                "kind": "span",
                "region": [39, 47],
                "versions": [
                    {"spans": [], "annotators": ["alice"]},
                    {"spans": [body((45, 47, "count", 12))], "annotators": ["bob"]},
                    {"spans": [body((39, 47, "count", 12))], "annotators": ["carol"]},
                ],
            },
            {
                "id": "c2",
                "kind": "field",
                "path": "total",
                "versions": [
                    {"value": 12, "annotators": ["bob", "carol"]},
                    {"value": 146, "annotators": ["alice"]},
                ],
            },
        ],
        annotators=("alice", "bob", "carol"),
    )
    records = {"alice": alice, "bob": bob, "carol": carol}
    settled = decide.take(open_gold, "c2", [0], scheme, records)
    assert decide.take(settled, "c1", [2], scheme, records).links == {"total": ["s1"]}
    assert decide.take(settled, "c1", [1], scheme, records).links == {"total": ["s1"]}
    assert decide.take(settled, "c1", [2], scheme, records).spans[0].start == 39
    assert decide.take(settled, "c1", [0], scheme, records).links == {}


def test_a_frame_taken_brings_its_links_to_its_place_in_gold(scheme: Scheme) -> None:
    settled = decide.take(GOLD_RELEASES, "c2", [0], scheme, RELEASES)
    assert settled.form["releases"][1] == {"released_by": "Ukraine", "count": 12}
    # bob's frame 0 is gold's frame 1; his "12" is not gold yet.
    assert settled.links == {
        "releases[0].released_by": ["s1"],
        "releases[0].count": ["s2"],
        "releases[1].released_by": ["s3"],
    }
    settled = decide.take(settled, "c1", [1], scheme, RELEASES)
    assert settled.links["releases[1].count"] == ["s4"]
    assert_sound(settled, scheme)
    # Taking every version (t: its one) appends the same frame once: the same links.
    every = decide.take(GOLD_RELEASES, "c2", [0], scheme, RELEASES)
    assert every.form == settled.form and every.links == {
        "releases[0].released_by": ["s1"],
        "releases[0].count": ["s2"],
        "releases[1].released_by": ["s3"],
    }
    # Rejecting bob's frame keeps the agreed frame's links only.
    rejected = decide.reject(GOLD_RELEASES, "c2", scheme, RELEASES)
    assert rejected.links == GOLD_RELEASES.links
