"""Krippendorff's alpha: our coincidence matrix against the ``krippendorff`` package."""

from __future__ import annotations

import math
import random

import krippendorff
import numpy as np
import pytest

from annotator.core.alpha import Coincidences, alpha_from_matrix, alpha_of_units
from annotator.core.annotation import Annotation
from annotator.core.categories import OUTSIDE, add_char_units
from annotator.core.models import Record
from tests.test_agreement_data import record, span

# Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), the example with missing
# values: 4 coders, 12 units ("." missing). The paper gives nominal 0.743, interval 0.849; the
# package gives 0.7434210526 and 0.8491071429 (checked when these tests were written).
WORKED = {
    "A": "1 2 3 3 2 1 4 1 2 . . .",
    "B": "1 2 3 3 2 2 4 1 2 5 . 3",
    "C": ". 3 3 3 2 3 4 2 2 5 1 .",
    "D": "1 2 3 3 2 4 4 1 2 5 1 .",
}


def worked_units() -> list[list[int | None]]:
    rows = [[None if v == "." else int(v) for v in line.split()] for line in WORKED.values()]
    return [list(column) for column in zip(*rows, strict=True)]


def test_worked_example_through_the_package() -> None:
    units = worked_units()
    assert alpha_of_units(units, "nominal") == pytest.approx(0.743, abs=5e-4)
    assert alpha_of_units(units, "interval") == pytest.approx(0.849, abs=5e-4)


def test_worked_example_through_our_coincidences() -> None:
    for level, expected in (("nominal", 0.7434210526), ("interval", 0.8491071429)):
        coincidences = Coincidences()
        for unit in worked_units():
            coincidences.add([value for value in unit if value is not None])
        assert coincidences.alpha(level) == pytest.approx(expected, abs=1e-9)  # type: ignore[arg-type]


def test_the_papers_coincidence_matrix() -> None:
    # The paper's coincidence matrix of this example: n = 40 pairable values, row totals
    # 9 13 10 5 3 (value 4: one in unit 6, four in unit 7; value 5: three in unit 10).
    # o_11 = 3 (unit 1) + 2 (unit 8: three 1s of four values, 3*2/3) + 2 (unit 11) = 7;
    # o_23 = 3*1/3 (unit 2) + 1*1/3 (unit 6) = 4/3.
    coincidences = Coincidences()
    for unit in worked_units():
        coincidences.add([value for value in unit if value is not None])
    cells = coincidences.matrix()
    totals = {c: sum(count for (row, _k), count in cells.items() if row == c) for c in range(1, 6)}
    assert totals == pytest.approx({1: 9, 2: 13, 3: 10, 4: 5, 5: 3})
    assert cells[(1, 1)] == pytest.approx(7)
    assert cells[(2, 3)] == pytest.approx(4 / 3)


@pytest.mark.parametrize("level", ["nominal", "interval"])
@pytest.mark.parametrize("seed", range(8))
def test_coincidences_equal_the_package_on_random_data(level: str, seed: int) -> None:
    rng = random.Random(seed)
    coders, units = rng.randint(2, 5), rng.randint(3, 30)
    data = [
        [rng.choice([None, 1, 2, 3, 4, 7]) if rng.random() < 0.9 else None for _ in range(units)]
        for _ in range(coders)
    ]
    dense = np.array([[np.nan if v is None else v for v in row] for row in data], dtype=float)
    try:
        expected: float | None = krippendorff.alpha(
            reliability_data=dense, level_of_measurement=level
        )
    except ValueError:
        expected = None
    coincidences = Coincidences()
    for column in zip(*data, strict=True):
        coincidences.add([value for value in column if value is not None])
    ours = coincidences.alpha(level)  # type: ignore[arg-type]
    if expected is None or math.isnan(expected):
        assert ours is None
    else:
        assert ours == pytest.approx(expected, abs=1e-9)
        assert alpha_of_units([list(c) for c in zip(*data, strict=True)], level) == (  # type: ignore[arg-type]
            pytest.approx(expected, abs=1e-9)
        )


def test_undefined_alpha_is_none_never_nan() -> None:
    assert alpha_of_units([[1, 1], [1, 1, None]], "nominal") is None  # every value the same
    assert alpha_of_units([[1, None], [None, 2]], "nominal") is None  # nothing pairable
    assert alpha_of_units([], "interval") is None
    assert alpha_from_matrix({}, "nominal") is None
    assert Coincidences().alpha() is None


def test_large_inputs_fall_back_to_the_coincidence_matrix() -> None:
    # 3,000 units with 1,000 distinct values: the package's dense arrays would be too big.
    rng = random.Random(1)
    units: list[list[int | None]] = []
    for _ in range(3000):
        value = rng.randrange(1000)
        units.append([value, value if rng.random() < 0.8 else rng.randrange(1000)])
    coincidences = Coincidences()
    for unit in units:
        coincidences.add(unit)  # type: ignore[arg-type]
    assert alpha_of_units(units, "nominal") == pytest.approx(coincidences.alpha("nominal"))


def _dense_char_alpha(records: list[Annotation], size: int) -> float | None:
    """Character alpha the slow way: one unit per character, through the package."""
    codes: dict[str, int] = {}
    rows = []
    for item in records:
        labels: list[set[str]] = [set() for _ in range(size)]
        for one in item.spans:
            for position in range(one.start, one.end):
                labels[position].add(one.label)
        categories = ["+".join(sorted(s)) if s else OUTSIDE for s in labels]
        rows.append([codes.setdefault(c, len(codes)) for c in categories])
    try:
        return float(krippendorff.alpha(reliability_data=rows, level_of_measurement="nominal"))
    except ValueError:
        return None


@pytest.mark.parametrize("seed", range(10))
def test_char_alpha_equals_the_dense_computation(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice("ab ") for _ in range(rng.randint(5, 40)))
    records = []
    for name in ("alice", "bob", "carol")[: rng.randint(2, 3)]:
        spans = []
        for number in range(rng.randint(0, 4)):
            start = rng.randrange(len(text))
            end = rng.randint(start + 1, len(text))
            label = rng.choice(["actor", "count", "releasee"])
            spans.append(span(f"s{number}", start, end, label, text=text))
        records.append(Annotation(Record.model_validate(record(name, spans=spans, text=text))))
    coincidences = Coincidences()
    add_char_units(coincidences, [one.spans for one in records], len(text))
    expected = _dense_char_alpha(records, len(text))
    if expected is None:
        assert coincidences.alpha() is None
    else:
        assert coincidences.alpha() == pytest.approx(expected, abs=1e-9)
