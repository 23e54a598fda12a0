"""Form field agreement on hand-worked examples: alpha through the worked example, constant
fields, a group's frames, and the note on a low alpha beside high agreement."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_agreement import figures
from tests.test_agreement_data import record
from tests.test_alpha import WORKED


def test_worked_example_through_form_fields(tmp_path: Path) -> None:
    # Coders A..D are annotators, units 1..12 are documents; a "." is no record at all.
    journals = []
    for coder, line in WORKED.items():
        records = [
            record(coder, f"u{unit:02d}", form={"code": value, "number": int(value)})
            for unit, value in enumerate(line.split(), start=1)
            if value != "."
        ]
        journals.append(records)
    report = figures(tmp_path, *journals)
    assert report["form"]["code"]["level"] == "nominal"
    assert report["form"]["code"]["alpha"] == pytest.approx(0.743, abs=5e-4)
    assert report["form"]["number"]["level"] == "interval"
    assert report["form"]["number"]["alpha"] == pytest.approx(0.849, abs=5e-4)
    # Unit 12 has one value only: it is not compared at all.
    assert report["documents"] == 11
    # Percent agreement, over pairs of values within units: units 1 (three 1s) and 10 (three
    # 5s) give 3 agreeing pairs each, unit 11 (two 1s) 1; units 3, 4, 5, 7, 9 (four equal) 6
    # each; unit 2 (2 2 3 2) 3 of 6; unit 6 (1 2 3 4) 0 of 6; unit 8 (1 1 2 1) 3 of 6.
    # Pairs: 3 + 3 + 1 + 8*6 = 55; agreeing: 3 + 3 + 1 + 5*6 + 3 + 0 + 3 = 43.
    assert report["form"]["code"]["agreement"] == pytest.approx(43 / 55, abs=1e-6)


def test_constant_field_has_null_alpha(tmp_path: Path) -> None:
    report = figures(
        tmp_path,
        [record("alice", form={"code": "1"})],
        [record("bob", form={"code": "1"})],
    )
    assert report["form"]["code"]["alpha"] is None
    assert report["form"]["code"]["agreement"] == 1.0
    # An integer field nobody filled: no number for alpha, two empty answers, alike, for
    # agreement (as a text field both left empty), and no note on empties beside alpha's.
    number = report["form"]["number"]
    assert (number["alpha"], number["alpha_units"]) == (None, 0)
    assert (number["agreement"], number["units"], number["empty_answers"]) == (1.0, 1, 2)
    assert not any("empty answer" in note for note in report["notes"])


def test_group_frames(tmp_path: Path) -> None:
    # d1: alice {Russia 146, Ukraine 12}, bob {Ukraine 12, Russia 145} (other order):
    # one frame in common: F1 = 2*1/4 = 0.5. Whitespace in text does not matter.
    frames_a = [{"released_by": "Russia", "count": 146}, {"released_by": "Ukraine", "count": 12}]
    frames_b = [{"released_by": " Ukraine ", "count": 12}, {"released_by": "Russia", "count": 145}]
    report = figures(
        tmp_path,
        [record("alice", form={"releases": frames_a})],
        [record("bob", form={"releases": frames_b})],
    )
    releases = report["form"]["releases"]
    assert releases["frame_f1"] == pytest.approx(0.5)
    assert releases["alpha"] is None
    assert releases["agreement"] == 0.0


def test_group_frames_equal_in_another_order_and_spacing(tmp_path: Path) -> None:
    # The same two frames, in another order, one text spaced otherwise and one count left
    # out where the other wrote null: equal frames, so full agreement.
    frames_a = [{"released_by": "Russia", "count": 146}, {"released_by": "the  UAE", "count": None}]
    frames_b = [{"released_by": "the UAE "}, {"released_by": "Russia", "count": 146}]
    report = figures(
        tmp_path,
        [record("alice", form={"releases": frames_a})],
        [record("bob", form={"releases": frames_b})],
    )
    releases = report["form"]["releases"]
    assert releases["frame_f1"] == 1.0
    assert releases["agreement"] == 1.0


def test_a_low_alpha_beside_high_agreement_is_explained(tmp_path: Path) -> None:
    # code "1" from both on ten documents but one, where bob says "2": 9 of 10 pairs agree.
    # Alpha: 20 values, 19 of them "1"; observed 2 ordered disagreeing pairs, expected
    # 2*19*1 = 38 over n - 1 = 19: alpha = 1 - 19*2/38 = 0.
    ids = [f"d{number}" for number in range(10)]
    report = figures(
        tmp_path,
        [record("alice", doc_id, form={"code": "1"}) for doc_id in ids],
        [record("bob", doc_id, form={"code": "2" if doc_id == "d9" else "1"}) for doc_id in ids],
    )
    assert report["form"]["code"]["alpha"] == 0.0
    assert report["form"]["code"]["agreement"] == 0.9
    assert (
        "code: alpha 0.000 beside 90.0% agreement: nearly every answer is the same value, so "
        "chance agreement is high and alpha says little here"
    ) in report["notes"]
    assert not any(note.startswith("releases: alpha") for note in report["notes"])


def test_frames_in_both_is_the_multiset_intersection_of_frames() -> None:
    # Equal items are paired before any frame is made: the count must still be that of the
    # frames as multisets, whether the items are equal as written, equal only once normalised,
    # repeated, or missing on one side.
    from collections import Counter
    from itertools import product

    from annotator.core.form_agreement import _frames_in_both
    from annotator.core.form_compare import frame_key
    from annotator.core.scheme import load_default_scheme

    group = next(field for field in load_default_scheme().fields if field.type == "group")
    choices = [
        {"released_by": "Russia", "count": 146},
        {"released_by": " Russia", "count": 146},  # the first, once normalised
        {"count": 146, "released_by": "Russia", "releasees": []},  # the first too
        {"released_by": "Ukraine", "count": 12},
    ]
    lists = [[], *([item] for item in choices), *map(list, product(choices, repeat=2))]
    lists += [[choices[0], choices[1], choices[3]], [choices[3], choices[3], choices[0]]]
    for items_a, items_b in product(lists, repeat=2):
        frames_a = Counter(frame_key(item, group) for item in items_a)
        frames_b = Counter(frame_key(item, group) for item in items_b)
        held_a, held_b = list(enumerate(items_a)), list(enumerate(items_b))
        assert _frames_in_both(held_a, held_b, group) == (frames_a & frames_b).total()
