"""Token tallies over pieces give the confusion tables of per-token categories."""

from __future__ import annotations

import random
from bisect import bisect_right
from collections import Counter

import pytest

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
                label = rng.choice(["actor", "count", "releasee", "O"])  # "O" too: a name
                spans.append(SpanView(f"s{number}", start, end, label, "", None))
            records.append(spans)
        starts, ends = covered_tokens(TEXT, records)
        categories = [token_categories(spans, starts, ends) for spans in records]
        keys = [[(span.start, span.end, span.label) for span in spans] for spans in records]
        tallies = Pieces(keys, size).token_tallies(starts, ends)
        for a, b in [(0, 1), (0, 2), (1, 2)]:
            expected: Counter[tuple[str, str]] = Counter()
            add_confusion(expected, categories[a], categories[b], 40)
            found: Counter[tuple[str, str]] = Counter()
            add_tallies(found, tallies, a, b, 40)
            assert +found == +expected, records


def test_piece_values_are_each_characters_categories() -> None:
    # Nested, crossing, twice-held and same-range spans of other labels, and spans past the
    # text's end (cut at it): every character of a piece has the piece's categories.
    rng = random.Random(11)
    size = 30
    for _ in range(300):
        records = []
        for _record in range(rng.randint(1, 4)):
            keys = []
            for _span in range(rng.randint(0, 6)):
                start = rng.randrange(0, size + 2)
                keys.append((start, start + rng.randint(1, 9), rng.choice(["a", "b", "O"])))
            keys += keys[: rng.randint(0, 1)]  # the same span twice, now and then
            records.append(keys)
        pieces = Pieces(records, size)
        for position in range(size):
            expected = tuple(
                "+".join(sorted({label for start, end, label in keys if start <= position < end}))
                or "O"
                for keys in records
            )
            piece = bisect_right(pieces.edges, position) - 1
            found = pieces.values.get(piece, ("O",) * len(records))
            assert found == expected, (records, position)


def test_stretch_tokens_are_those_of_their_chunks_and_kept_within_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from annotator.core import categories
    from annotator.core.tokens import tokenize

    monkeypatch.setattr(categories, "_STRETCH_LIMIT", 3)
    stretches = categories.StretchTokens()
    for stretch in ["U.S. officials,", "Kovalenko's", "12 prisoners.", "“Yes.”", "U.S. officials,"]:
        tokens = tokenize(stretch)
        assert stretches[stretch] == (
            tuple(token.start for token in tokens),
            tuple(token.end for token in tokens),
        )
        assert len(stretches) <= 3
