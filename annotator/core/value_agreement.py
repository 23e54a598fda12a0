"""How often annotators who marked the same span gave it the same value: ``ValueTally``.

Exact and overlap F1 compare spans by (start, end, label) alone, as design.md defines them, so two
annotators marking "Tuesday night" as a date agree there even when one wrote 2024-01-09 and the
other 2024-01-16. ``agree`` therefore also reports *value agreement*: over the spans of a label
with a value type (``integer``, ``date``) that both records of a pair hold with the same start,
end and label, the share whose values are equal (no value on both sides is equal). Pooled over
a pair's documents, per label and over all such labels; over all annotators, the mean over
pairs; per document, the mean over its pairs that share such a span (as its exact F1 is the
mean over its pairs). None when a pair shares no such span. A span a record holds twice
counts once, per label too (where the span counts count it as often as both records hold it).

A span both hold agrees when a value of it is in both: a record holding a span twice with two
values (20 and 21) agrees with one giving it 20, whichever annotator comes first. Spans are
compared as sets of (start, end, label) and (start, end, label, value) tuples, in C; only the
few spans both hold with no value in common are counted one by one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import combinations, compress
from operator import attrgetter, itemgetter
from typing import Any, NamedTuple

_WHOLE = attrgetter("start", "end", "label", "value")
_KEY = itemgetter(0, 1, 2)
_LABEL = itemgetter(2)
Pair = tuple[str, str]


class ValuedSpans(NamedTuple):
    """A record's spans of the valued labels: their keys, and their keys with values; and,
    when it holds one of them twice, how often it holds each key."""

    keys: set[tuple[int, int, str]]
    whole: set[tuple[int, int, str, Any]]
    held: Counter[tuple[int, int, str]] | None = None


class ValueTally:
    """Per pair of annotators: valued spans both records hold, and those with other values."""

    def __init__(self, names: list[str], labels: list[str]) -> None:
        self.labels = labels
        self._valued = frozenset(labels)
        self.both: dict[Pair, int] = {pair: 0 for pair in combinations(names, 2)}
        self.differing: dict[Pair, Counter[str]] = {pair: Counter() for pair in self.both}
        # Per pair and label, how many more times the span counts count the spans both hold
        # than once each: the same span held twice by both is two of their equal spans.
        self.counted_again: dict[Pair, Counter[str]] = {pair: Counter() for pair in self.both}

    def spans_of(self, spans: Iterable[Any]) -> ValuedSpans:
        """``ValuedSpans`` of a record's spans (objects with start, end, label and value)."""
        whole = list(map(_WHOLE, spans))
        valued = list(compress(whole, map(self._valued.__contains__, map(_LABEL, whole))))
        keys = set(map(_KEY, valued))
        if len(keys) == len(valued):
            return ValuedSpans(keys, set(valued))
        return ValuedSpans(keys, set(valued), Counter(map(_KEY, valued)))

    def add(self, records: dict[str, ValuedSpans]) -> float | None:
        """Add one document (annotator -> ``spans_of`` their record, names sorted); return
        its value agreement: the mean over its pairs that share a valued span (None: none)."""
        shares: list[float] = []
        for a, b in combinations(records, 2):
            spans_a, spans_b = records[a], records[b]
            shared = spans_a.keys & spans_b.keys
            both = len(shared)
            if not both:
                continue
            self.both[(a, b)] += both
            if spans_a.held is not None and spans_b.held is not None:
                self._count_again((a, b), shared, spans_a.held, spans_b.held)
            if spans_a.whole == spans_b.whole:
                shares.append(1.0)
                continue  # nearly every pair: every value equal
            # A span both hold differs when no value of it is in both: one record holding a
            # span twice, with two values, agrees where the other gives one of them, whichever
            # of the two is A (a span of A's alone once decided it, so bob-carol got 0.0 where
            # alice-bob, carol's record alice's, got 1.0).
            equal = set(map(_KEY, spans_a.whole & spans_b.whole))
            differing = shared - equal
            for _start, _end, label in differing:
                self.differing[(a, b)][label] += 1
            shares.append((both - len(differing)) / both)
        return sum(shares) / len(shares) if shares else None

    def _count_again(
        self,
        pair: Pair,
        shared: set[tuple[int, int, str]],
        held_a: Counter[tuple[int, int, str]],
        held_b: Counter[tuple[int, int, str]],
    ) -> None:
        """Note the spans both records hold more than once (``counted_again``)."""
        for key in shared:
            again = min(held_a[key], held_b[key]) - 1
            if again:
                self.counted_again[pair][_LABEL(key)] += again

    def pair(self, a: str, b: str) -> float | None:
        """The pair's value agreement over every valued label."""
        both = self.both[(a, b)]
        return (both - self.differing[(a, b)].total()) / both if both else None

    def by_label(self, label: str, both_by_pair: dict[Pair, int]) -> float | None:
        """The label's value agreement: the mean over the pairs that share a span of it
        (``both_by_pair``: each pair's spans of the label equal in both records, which the
        span counts have; each counted once here, ``counted_again``)."""
        shares = []
        for pair, equal in both_by_pair.items():
            both = equal - self.counted_again[pair][label]
            if both:
                shares.append((both - self.differing[pair][label]) / both)
        return sum(shares) / len(shares) if shares else None
