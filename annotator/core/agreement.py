"""``annotator agree``: how far annotators agree, by the definitions of design.md.

Spans, per pair of annotators, pooled over the documents both finished:

- exact F1 = 2·TP / (|A| + |B|), TP = spans equal in (start, end, label); 1.0 when both marked
  nothing. Per label likewise.
- overlap F1: recall = share of A's spans overlapped by a same-label span of B, precision =
  share of B's spans overlapped by a same-label span of A, F1 their harmonic mean (1.0 when both
  marked nothing, 0.0 when only one did).
- token Cohen's kappa: each token of ``tokens.tokenize`` gets a category, the labels of the
  spans sharing a character with it joined in sorted order (``actor+releasee``), or ``O``.
  Pooled over the pair's documents; None when chance agreement is total.

Over all annotators: the mean over pairs of each pair figure (pairs with no shared document
have None figures and are left out of the mean), and character-level Krippendorff's alpha
(nominal; a character's category as for tokens). Kappa and alpha need the texts (a corpus);
without one they are None with a note. Per document: the mean over its pairs of exact and
overlap F1. Form fields: see ``form_compare``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from annotator.core.alpha import Coincidences
from annotator.core.compare import Comparison, load_comparison
from annotator.core.corpus import Corpus
from annotator.core.form_compare import field_agreement
from annotator.core.models import Record
from annotator.core.scheme import Scheme
from annotator.core.tokens import tokenize

OUTSIDE = "O"
SpanKey = tuple[int, int, str]


@dataclass
class _Tally:
    """Counts of one pair (or one label of one pair) from which the F1 figures follow."""

    true_positive: int = 0
    size_a: int = 0
    size_b: int = 0
    overlapped_a: int = 0  # A's spans overlapped by a same-label span of B
    overlapped_b: int = 0

    def add(self, other: _Tally) -> None:
        self.true_positive += other.true_positive
        self.size_a += other.size_a
        self.size_b += other.size_b
        self.overlapped_a += other.overlapped_a
        self.overlapped_b += other.overlapped_b

    @property
    def exact_f1(self) -> float:
        total = self.size_a + self.size_b
        return 2 * self.true_positive / total if total else 1.0

    @property
    def overlap_f1(self) -> float:
        if self.size_a == 0 and self.size_b == 0:
            return 1.0
        if self.size_a == 0 or self.size_b == 0:
            return 0.0
        recall = self.overlapped_a / self.size_a
        precision = self.overlapped_b / self.size_b
        both = recall + precision
        return 2 * recall * precision / both if both else 0.0


@dataclass
class _Pair:
    documents: int = 0
    tally: _Tally = field(default_factory=_Tally)
    by_label: defaultdict[str, _Tally] = field(default_factory=lambda: defaultdict(_Tally))
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)


class _Marks:
    """One record's spans arranged for counting: by key, and offsets by label."""

    __slots__ = ("by_label", "keys")

    def __init__(self, record: Record) -> None:
        self.keys: Counter[SpanKey] = Counter(
            (span.start, span.end, span.label) for span in record.spans
        )
        self.by_label: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
        for span in record.spans:
            self.by_label[span.label].append((span.start, span.end))


def _overlapped(spans: list[tuple[int, int]], others: list[tuple[int, int]]) -> int:
    """How many of ``spans`` share a character with one of ``others``."""
    return sum(
        1
        for start, end in spans
        if any(o_start < end and o_end > start for o_start, o_end in others)
    )


def _pair_tally(marks_a: _Marks, marks_b: _Marks) -> dict[str, _Tally]:
    """Per label, the counts of one pair on one document."""
    out: dict[str, _Tally] = {}
    common = marks_a.keys & marks_b.keys
    for label in marks_a.by_label.keys() | marks_b.by_label.keys():
        spans_a, spans_b = marks_a.by_label.get(label, []), marks_b.by_label.get(label, [])
        out[label] = _Tally(
            size_a=len(spans_a),
            size_b=len(spans_b),
            overlapped_a=_overlapped(spans_a, spans_b),
            overlapped_b=_overlapped(spans_b, spans_a),
        )
    for (_start, _end, label), count in common.items():
        out[label].true_positive += count
    return out


def token_categories(record: Record, starts: list[int], ends: list[int]) -> dict[int, str]:
    """The category of every token a span touches (the rest are ``O``), by token index."""
    labels: defaultdict[int, set[str]] = defaultdict(set)
    for span in record.spans:
        first = bisect_right(ends, span.start)
        last = bisect_left(starts, span.end)
        for index in range(first, last):
            labels[index].add(span.label)
    return {index: "+".join(sorted(names)) for index, names in labels.items()}


def cohen_kappa(confusion: Counter[tuple[str, str]]) -> float | None:
    """Cohen's kappa of a confusion table; None when undefined (no items, or p_e = 1)."""
    total = confusion.total()
    if total == 0:
        return None
    rows: Counter[str] = Counter()
    columns: Counter[str] = Counter()
    agreed = 0
    for (first, second), count in confusion.items():
        rows[first] += count
        columns[second] += count
        if first == second:
            agreed += count
    observed = agreed / total
    expected = sum(rows[c] * columns[c] for c in rows) / (total * total)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def add_char_units(coincidences: Coincidences, records: Iterable[Record], size: int) -> None:
    """Add each character of a text of ``size`` as a unit, one category per record.

    The text is cut at every span edge; within a piece every record's category is constant, so
    a piece is one multiset of categories weighted by its length.
    """
    records = list(records)
    cuts = {0, size}
    for record in records:
        for span in record.spans:
            cuts.add(min(span.start, size))
            cuts.add(min(span.end, size))
    edges = sorted(cuts)
    touched: defaultdict[int, list[set[str]]] = defaultdict(lambda: [set() for _ in records])
    for position, record in enumerate(records):
        for span in record.spans:
            first = bisect_left(edges, min(span.start, size))
            last = bisect_left(edges, min(span.end, size))
            for piece in range(first, last):
                touched[piece][position].add(span.label)
    outside = size
    for piece, label_sets in touched.items():
        length = edges[piece + 1] - edges[piece]
        outside -= length
        categories = sorted(
            "+".join(sorted(labels)) if labels else OUTSIDE for labels in label_sets
        )
        coincidences.add_sorted(tuple(categories), length)
    if outside > 0:
        coincidences.add_sorted((OUTSIDE,) * len(records), outside)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def _mean(values: Iterable[float | None]) -> float | None:
    present = [value for value in values if value is not None]
    return sum(present) / len(present) if present else None


def agreement(comparison: Comparison, scheme: Scheme) -> dict[str, Any]:
    """Every figure of ``agree`` as one JSON-ready object (see the module docstring)."""
    names = comparison.annotators
    pairs = {pair: _Pair() for pair in combinations(names, 2)}
    per_document: list[dict[str, Any]] = []
    coincidences = Coincidences()
    with_text = comparison.corpus is not None
    for unit in comparison.units:
        marks = {name: _Marks(record) for name, record in unit.records.items()}
        text = comparison.text(unit) if with_text else None
        categories: dict[str, dict[int, str]] = {}
        token_count = 0
        if text is not None:
            tokens = tokenize(text)
            token_count = len(tokens)
            starts = [token.start for token in tokens]
            ends = [token.end for token in tokens]
            categories = {
                name: token_categories(record, starts, ends)
                for name, record in unit.records.items()
            }
            add_char_units(coincidences, unit.records.values(), len(text))
        doc_exact: list[float] = []
        doc_overlap: list[float] = []
        for a, b in combinations(list(unit.records), 2):
            pair = pairs[(a, b)]
            pair.documents += 1
            doc_tally = _Tally()
            for label, tally in _pair_tally(marks[a], marks[b]).items():
                pair.by_label[label].add(tally)
                doc_tally.add(tally)
            pair.tally.add(doc_tally)
            doc_exact.append(doc_tally.exact_f1)
            doc_overlap.append(doc_tally.overlap_f1)
            if text is not None:
                _add_confusion(pair.confusion, categories[a], categories[b], token_count)
        per_document.append(
            {
                "doc_id": unit.doc_id,
                "annotators": list(unit.records),
                "exact_f1": _round(_mean(doc_exact)),
                "overlap_f1": _round(_mean(doc_overlap)),
            }
        )
    return _report(comparison, scheme, pairs, per_document, coincidences)


def _add_confusion(
    confusion: Counter[tuple[str, str]], first: dict[int, str], second: dict[int, str], size: int
) -> None:
    touched = first.keys() | second.keys()
    for index in touched:
        confusion[(first.get(index, OUTSIDE), second.get(index, OUTSIDE))] += 1
    confusion[(OUTSIDE, OUTSIDE)] += size - len(touched)


def _report(
    comparison: Comparison,
    scheme: Scheme,
    pairs: dict[tuple[str, str], _Pair],
    per_document: list[dict[str, Any]],
    coincidences: Coincidences,
) -> dict[str, Any]:
    with_text = comparison.corpus is not None
    pair_rows: list[dict[str, Any]] = []
    for (a, b), pair in pairs.items():
        shared = pair.documents > 0
        pair_rows.append(
            {
                "a": a,
                "b": b,
                "documents": pair.documents,
                "exact_f1": _round(pair.tally.exact_f1) if shared else None,
                "overlap_f1": _round(pair.tally.overlap_f1) if shared else None,
                "token_kappa": _round(cohen_kappa(pair.confusion)) if with_text else None,
            }
        )
    shared_pairs = [pair for pair in pairs.values() if pair.documents]
    label_counts = Counter(
        span.label
        for unit in comparison.units
        for record in unit.records.values()
        for span in record.spans
    )
    by_label: dict[str, Any] = {}
    for label in scheme.labels:
        tallies = [pair.by_label.get(label.name, _Tally()) for pair in shared_pairs]
        by_label[label.name] = {
            "exact_f1": _round(_mean(tally.exact_f1 for tally in tallies)),
            "overlap_f1": _round(_mean(tally.overlap_f1 for tally in tallies)),
            "spans": label_counts[label.name],
        }
    notes = list(comparison.notes)
    if not with_text:
        notes.append("token_kappa and char_alpha need the article texts: pass --corpus PATH")
    return {
        "annotators": comparison.annotators,
        "documents": len(comparison.units),
        "files": {name: str(comparison.files[name]) for name in comparison.annotators},
        "spans": {
            "exact_f1": _round(_mean(row["exact_f1"] for row in pair_rows)),
            "overlap_f1": _round(_mean(row["overlap_f1"] for row in pair_rows)),
            "token_kappa": _round(_mean(row["token_kappa"] for row in pair_rows)),
            "char_alpha": _round(coincidences.alpha("nominal")) if with_text else None,
            "by_label": by_label,
        },
        "form": field_agreement(comparison.units, comparison.annotators, scheme),
        "pairs": pair_rows,
        "per_document": per_document,
        "excluded": [item.as_json() for item in comparison.excluded],
        "notes": notes,
    }


def agreement_of_files(
    files: list[Path], scheme: Scheme, corpus: Corpus | None = None
) -> dict[str, Any]:
    """Read journals and compute every figure of ``agree`` (the core of the command)."""
    return agreement(load_comparison(files, scheme, corpus), scheme)


def lowest_documents(report: dict[str, Any], count: int = 10) -> list[dict[str, Any]]:
    """The documents with the lowest exact F1 (ties: lower overlap F1, then doc id)."""
    rows: list[dict[str, Any]] = report["per_document"]
    return sorted(rows, key=lambda row: (row["exact_f1"], row["overlap_f1"], row["doc_id"]))[:count]
