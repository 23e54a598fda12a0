"""Token tallies over pieces give the confusion tables of per-token categories."""

from __future__ import annotations

import random
from collections import Counter

from annotator.core.annotation import SpanView
from annotator.core.categories import (
    Pieces,
    add_confusion,
    add_tallies,
    covered_tokens,
    token_categories,
)

TEXT = "Mr. Kovalenko's O'Connell 1,200 prisoners -- U.S. forty-one 🇺🇦 x y zed."


def test_tallies_equal_per_token_confusion_on_random_spans() -> None:
    rng = random.Random(7)
    size = len(TEXT)
    for _ in range(300):
        records = []
        for _record in range(3):
            spans = []
            for number in range(rng.randint(0, 5)):
                start = rng.randrange(0, size + 3)
                end = start + rng.randint(1, 12)
                label = rng.choice(["actor", "count", "releasee"])
                spans.append(SpanView(f"s{number}", start, end, label, "", None))
            records.append(spans)
        starts, ends = covered_tokens(TEXT, records)
        categories = [token_categories(spans, starts, ends) for spans in records]
        tallies = Pieces(records, size).token_tallies(starts, ends)
        for a, b in [(0, 1), (0, 2), (1, 2)]:
            expected: Counter[tuple[str, str]] = Counter()
            add_confusion(expected, categories[a], categories[b], 40)
            found: Counter[tuple[str, str]] = Counter()
            add_tallies(found, tallies, a, b, 40)
            assert +found == +expected, records
