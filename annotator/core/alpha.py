"""Krippendorff's alpha: from a coincidence matrix we aggregate, and through the package.

Alpha (Krippendorff, "Computing Krippendorff's Alpha-Reliability") compares the disagreement
observed within units with the disagreement expected by chance::

    alpha = 1 - (n - 1) * sum_{c,k} o_ck * d(c,k) / sum_{c,k} n_c * n_k * d(c,k)

where ``o_ck`` is the coincidence matrix (each unit with ``m >= 2`` values adds, for every
ordered pair of its values from different coders, ``1 / (m - 1)``), ``n_c`` its row sums, ``n``
the number of pairable values, and ``d`` the squared distance of the level of measurement
(nominal: 0 for equal values, else 1; interval: ``(c - k) ** 2``). Units with fewer than two
values (missing data) add nothing.

Character-level alpha over a large corpus has tens of millions of units; a dense array of them
(what the ``krippendorff`` package takes) does not fit. ``Coincidences`` instead counts how
often each multiset of values occurs (a run of characters on which every annotator's category
is the same is one multiset, weighted by its length) and expands that into ``o_ck`` at the end,
so its size is the number of distinct multisets, not of characters. Tests check it against the
package on small inputs.

Alpha is undefined (None) when there are fewer than two pairable values, or when every pairable
value is the same (no expected disagreement); the package raises in that case, and NaN never
leaves this module.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from typing import Literal

Level = Literal["nominal", "interval"]

# Above this many cells (units x distinct values) the package's dense arrays would take too much
# memory; the same figure is then computed from our coincidence matrix.
_PACKAGE_CELL_LIMIT = 2_000_000


class Coincidences:
    """A coincidence matrix built from weighted units (multisets of values)."""

    def __init__(self) -> None:
        self._units: defaultdict[tuple[Hashable, ...], float] = defaultdict(float)

    def add(self, values: Sequence[Hashable], weight: float = 1.0) -> None:
        """One unit's values (one per coder that gave one), counted ``weight`` times."""
        if len(values) >= 2:
            self._units[tuple(sorted(values, key=repr))] += weight

    def add_sorted(self, values: tuple[Hashable, ...], weight: float = 1.0) -> None:
        """Like ``add`` for values already in ``add``'s order (the hot path of char alpha)."""
        self._units[values] += weight

    def matrix(self) -> dict[tuple[Hashable, Hashable], float]:
        """``o_ck`` as a sparse mapping (only cells that are not zero)."""
        cells: defaultdict[tuple[Hashable, Hashable], float] = defaultdict(float)
        for values, weight in self._units.items():
            pairable = len(values)
            if pairable < 2:
                continue
            counts = Counter(values)
            for c, n_c in counts.items():
                for k, n_k in counts.items():
                    pairs = n_c * (n_c - 1) if c == k else n_c * n_k
                    if pairs:
                        cells[(c, k)] += weight * pairs / (pairable - 1)
        return dict(cells)

    def alpha(self, level: Level = "nominal") -> float | None:
        return alpha_from_matrix(self.matrix(), level)


def _distance(level: Level, c: Hashable, k: Hashable) -> float:
    if level == "nominal":
        return 0.0 if c == k else 1.0
    assert isinstance(c, int | float) and isinstance(k, int | float)
    return float(c - k) ** 2


def alpha_from_matrix(
    cells: dict[tuple[Hashable, Hashable], float], level: Level = "nominal"
) -> float | None:
    """Alpha from a coincidence matrix; None when undefined."""
    totals: defaultdict[Hashable, float] = defaultdict(float)
    for (c, _k), count in cells.items():
        totals[c] += count
    n = sum(totals.values())
    if n < 2 or len(totals) < 2:
        return None
    observed = sum(count * _distance(level, c, k) for (c, k), count in cells.items())
    if level == "nominal":
        # sum over c != k of n_c n_k, without the V x V loop
        expected = n * n - sum(n_c * n_c for n_c in totals.values())
    else:
        items = list(totals.items())
        expected = sum(n_c * n_k * _distance(level, c, k) for c, n_c in items for k, n_k in items)
    if expected <= 0:
        return None
    value = 1.0 - (n - 1) * observed / expected
    return value if math.isfinite(value) else None


def alpha_of_units(
    units: Sequence[Sequence[Hashable | None]], level: Level = "nominal"
) -> float | None:
    """Alpha through the ``krippendorff`` package; ``units[u][coder]`` is None when missing.

    Nominal values may be any hashable (they are coded as integers); interval values are
    numbers. Very large inputs go through ``Coincidences`` instead (same figure, less memory).
    """
    present = [[value for value in unit if value is not None] for unit in units]
    pairable = [values for values in present if len(values) >= 2]
    if not pairable:
        return None
    domain = {value for values in pairable for value in values}
    if len(domain) < 2:
        return None  # every value the same: the package raises, the figure is undefined
    if len(pairable) * len(domain) > _PACKAGE_CELL_LIMIT:
        coincidences = Coincidences()
        for values in pairable:
            coincidences.add(values)
        return coincidences.alpha(level)
    return _package_alpha(pairable, level)


def _package_alpha(pairable: list[list[Hashable]], level: Level) -> float | None:
    import krippendorff
    import numpy as np

    coders = max(len(values) for values in pairable)
    data = np.full((coders, len(pairable)), np.nan)
    codes: dict[Hashable, int] = {}
    for column, values in enumerate(pairable):
        for row, value in enumerate(values):
            if level == "nominal":
                data[row, column] = codes.setdefault(value, len(codes))
            else:
                assert isinstance(value, int | float)
                data[row, column] = float(value)
    try:
        with np.errstate(all="ignore"):
            value = float(krippendorff.alpha(reliability_data=data, level_of_measurement=level))
    except (ValueError, ZeroDivisionError, FloatingPointError):
        return None
    return value if math.isfinite(value) else None
