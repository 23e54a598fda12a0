"""How often annotators who marked the same span gave it the same value: ``ValueTally``.

Exact and overlap F1 compare spans by (start, end, label) alone, as design.md defines them, so two
annotators marking "Tuesday night" as a date agree there even when one wrote 2024-01-09 and the
other 2024-01-16. ``agree`` therefore also reports *value agreement*: over the spans of a label
with a value type (``integer``, ``date``) that both records of a pair hold with the same start,
end and label, the share whose values are equal (no value on both sides is equal). Pooled over
a pair's documents, per label and over all such labels; over all annotators, the mean over
pairs. None when a pair shares no such span. A record holding one span twice with two values
counts that span once, with its last value.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations
from typing import Any

# A record's spans of one valued label: (start, end) -> value.
Valued = dict[tuple[int, int], Any]


def valued_spans(spans: Iterable[Any], labels: frozenset[str]) -> dict[str, Valued]:
    """The spans of ``labels`` by label, each (start, end) -> value (``spans``: objects with
    start, end, label and value attributes)."""
    out: dict[str, Valued] = {}
    for span in spans:
        if span.label in labels:
            out.setdefault(span.label, {})[(span.start, span.end)] = span.value
    return out


class ValueTally:
    """Per pair of annotators and per valued label: [spans both marked, with equal values]."""

    def __init__(self, names: list[str], labels: list[str]) -> None:
        self.labels = labels
        self.counts: dict[tuple[str, str], dict[str, list[int]]] = {
            pair: {label: [0, 0] for label in labels} for pair in combinations(names, 2)
        }

    def add(self, records: dict[str, dict[str, Valued]]) -> float | None:
        """Add one document (annotator -> ``valued_spans`` of their record, names sorted);
        return its value agreement over its pairs (None: no span both marked)."""
        both_here = same_here = 0
        for a, b in combinations(records, 2):
            counts = self.counts[(a, b)]
            spans_a, spans_b = records[a], records[b]
            for label in spans_a.keys() & spans_b.keys():
                values_a, values_b = spans_a[label], spans_b[label]
                both = len(values_a.keys() & values_b.keys())
                if not both:
                    continue
                # Equal (start, end) and equal value: the items both hold, a C set operation.
                same = len(values_a.items() & values_b.items())
                counts[label][0] += both
                counts[label][1] += same
                both_here += both
                same_here += same
        return same_here / both_here if both_here else None

    def pair(self, a: str, b: str) -> float | None:
        """The pair's value agreement over every valued label."""
        counts = self.counts[(a, b)].values()
        both = sum(count[0] for count in counts)
        return sum(count[1] for count in counts) / both if both else None

    def by_label(self, label: str) -> float | None:
        """The label's value agreement: the mean over the pairs that share a span of it."""
        shares = [
            counts[label][1] / counts[label][0]
            for counts in self.counts.values()
            if counts[label][0]
        ]
        return sum(shares) / len(shares) if shares else None
