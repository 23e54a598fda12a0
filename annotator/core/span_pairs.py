"""Span counts of ``agree`` for each pair of annotators, pooled over documents: ``SpanTally``.

The figures follow from five counts per pair (and per label of a pair), by design.md: spans
equal in both records (start, end, label; as multisets), A's spans, B's spans, A's spans
overlapped by a same-label span of B, and B's overlapped by A's.

A corpus of 10,000 documents by three annotators has 440,000 spans. Nearly all of them are
found in the other record of each pair, so they are not counted one by one per pair: the labels
of each record's spans are kept (with those of the same annotator among the same annotators)
and counted once, in C, when the figures are asked for. For each pair of records only the spans
one record has and the other lacks (C set differences) are looked at in Python: each is a span
*short* of being equal in both, and of being overlapped unless a same-label span of the other
record shares a character with it. A pair's per-label figures are its sizes less shortfalls.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import combinations
from operator import itemgetter

SpanKey = tuple[int, int, str]
# Counts of one pair (or one label of a pair; see the docstring), in this order.
Counts = list[int]
TP, SIZE_A, SIZE_B, OVER_A, OVER_B = range(5)
# Shortfalls of one label of a pair: A's spans not in B, A's not overlapped, B's not overlapped.
_NOT_EQUAL, _NOT_OVER_A, _NOT_OVER_B = range(3)
_LABEL = itemgetter(2)


def zero() -> Counts:
    return [0, 0, 0, 0, 0]


def exact_f1(counts: Counts) -> float:
    total = counts[SIZE_A] + counts[SIZE_B]
    return 2 * counts[TP] / total if total else 1.0


def overlap_f1(counts: Counts) -> float:
    size_a, size_b = counts[SIZE_A], counts[SIZE_B]
    if size_a == 0 and size_b == 0:
        return 1.0
    if size_a == 0 or size_b == 0:
        return 0.0
    recall = counts[OVER_A] / size_a
    precision = counts[OVER_B] / size_b
    both = recall + precision
    return 2 * recall * precision / both if both else 0.0


class Marks:
    """One record's span keys, as a list (in order, duplicates kept) and as a set."""

    __slots__ = ("keys", "listed", "twice")

    def __init__(self, keys: list[SpanKey]) -> None:
        self.listed = keys
        self.keys: set[SpanKey] = set(keys)
        # The same span twice in one record is rare; only then are spans counted one by one.
        self.twice = len(self.keys) != len(keys)


class PairCounts:
    """One pair's documents, its counts over them, and its shortfalls per label."""

    __slots__ = ("counts", "documents", "short")

    def __init__(self) -> None:
        self.documents = 0
        self.counts = zero()
        self.short: defaultdict[str, list[int]] = defaultdict(lambda: [0, 0, 0])


class SpanTally:
    """The span counts of every pair of ``names`` (sorted), added one document at a time."""

    def __init__(self, names: list[str]) -> None:
        self.pairs = {pair: PairCounts() for pair in combinations(names, 2)}
        # annotators of a document -> annotator -> the labels of their records' spans
        self._labels: dict[tuple[str, ...], dict[str, list[str]]] = {}
        self._sizes: dict[tuple[str, ...], dict[str, Counter[str]]] | None = None

    def add(self, marks: dict[str, Marks]) -> list[Counts]:
        """Add one document (annotator -> their record's marks, names in sorted order);
        return its counts for each pair of its annotators, in ``combinations`` order."""
        self._sizes = None
        names = tuple(marks)
        labels = self._labels.get(names)
        if labels is None:
            labels = self._labels[names] = {name: [] for name in names}
        for name, mark in marks.items():
            labels[name].extend(map(_LABEL, mark.listed))
        out: list[Counts] = []
        for a, b in combinations(names, 2):
            pair = self.pairs[(a, b)]
            pair.documents += 1
            mark_a, mark_b = marks[a], marks[b]
            if mark_a.twice or mark_b.twice:
                doc = _counted(mark_a.listed, mark_b.listed, pair.short)
            else:
                doc = _compared(mark_a.keys, mark_b.keys, pair.short)
            total = pair.counts
            for index in range(5):
                total[index] += doc[index]
            out.append(doc)
        return out

    def _label_sizes(self) -> dict[tuple[str, ...], dict[str, Counter[str]]]:
        if self._sizes is None:
            self._sizes = {
                names: {name: Counter(labels) for name, labels in by_name.items()}
                for names, by_name in self._labels.items()
            }
        return self._sizes

    def by_label(self, a: str, b: str) -> dict[str, Counts]:
        """The pair's counts per label (labels of no span left out)."""
        size_a: Counter[str] = Counter()
        size_b: Counter[str] = Counter()
        for names, sizes in self._label_sizes().items():
            if a in names and b in names:
                size_a.update(sizes[a])
                size_b.update(sizes[b])
        short = self.pairs[(a, b)].short
        out: dict[str, Counts] = {}
        for label in size_a.keys() | size_b.keys():
            spans_a, spans_b = size_a[label], size_b[label]
            missing = short.get(label, (0, 0, 0))
            out[label] = [
                spans_a - missing[_NOT_EQUAL],
                spans_a,
                spans_b,
                spans_a - missing[_NOT_OVER_A],
                spans_b - missing[_NOT_OVER_B],
            ]
        return out

    def label_counts(self) -> Counter[str]:
        """Spans per label over every record added."""
        out: Counter[str] = Counter()
        for sizes in self._label_sizes().values():
            for counts in sizes.values():
                out.update(counts)
        return out


def _compared(
    keys_a: set[SpanKey], keys_b: set[SpanKey], short: defaultdict[str, list[int]]
) -> Counts:
    """A pair's counts for one document when neither record holds a span twice."""
    only_a = keys_a - keys_b
    only_b = keys_b - keys_a
    missed_a = _short_of(only_a, keys_b, short, _NOT_OVER_A, True) if only_a else 0
    missed_b = _short_of(only_b, keys_a, short, _NOT_OVER_B, False) if only_b else 0
    size_a, size_b = len(keys_a), len(keys_b)
    return [size_a - len(only_a), size_a, size_b, size_a - missed_a, size_b - missed_b]


def _short_of(
    keys: Iterable[SpanKey],
    others: set[SpanKey],
    short: defaultdict[str, list[int]],
    not_over: int,
    count_unequal: bool,
) -> int:
    """Count ``keys`` (spans the other record lacks) as short of equal (``count_unequal``),
    and of overlapped (``not_over``) unless a same-label span of ``others`` shares a character
    with them; return how many are not overlapped."""
    missed = 0
    for start, end, label in keys:
        counts = short[label]
        if count_unequal:
            counts[_NOT_EQUAL] += 1
        for other_start, other_end, other_label in others:
            if other_label == label and other_start < end and other_end > start:
                break
        else:
            counts[not_over] += 1
            missed += 1
    return missed


def _overlapped(spans: list[tuple[int, int]], others: list[tuple[int, int]]) -> int:
    """How many of ``spans`` share a character with one of ``others``."""
    count = 0
    for start, end in spans:
        for other_start, other_end in others:
            if other_start < end and other_end > start:
                count += 1
                break
    return count


def _by_label(keys: list[SpanKey]) -> defaultdict[str, list[tuple[int, int]]]:
    out: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
    for start, end, label in keys:
        out[label].append((start, end))
    return out


def _counted(
    keys_a: list[SpanKey], keys_b: list[SpanKey], short: defaultdict[str, list[int]]
) -> Counts:
    """A pair's counts for one document when a record holds the same span twice: every span
    counted, by label."""
    equal = Counter(map(_LABEL, (Counter(keys_a) & Counter(keys_b)).elements()))
    labels_a, labels_b = _by_label(keys_a), _by_label(keys_b)
    empty: list[tuple[int, int]] = []
    doc = zero()
    for label in labels_a.keys() | labels_b.keys():
        spans_a = labels_a.get(label, empty)
        spans_b = labels_b.get(label, empty)
        over_a = _overlapped(spans_a, spans_b)
        over_b = _overlapped(spans_b, spans_a)
        missing = short[label]
        missing[_NOT_EQUAL] += len(spans_a) - equal[label]
        missing[_NOT_OVER_A] += len(spans_a) - over_a
        missing[_NOT_OVER_B] += len(spans_b) - over_b
        doc[TP] += equal[label]
        doc[SIZE_A] += len(spans_a)
        doc[SIZE_B] += len(spans_b)
        doc[OVER_A] += over_a
        doc[OVER_B] += over_b
    return doc
