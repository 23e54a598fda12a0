"""``annotator agree``: how far annotators agree, by the definitions of design.md.

Spans, per pair of annotators, pooled over the documents both finished:

- exact F1 = 2·TP / (|A| + |B|), TP = spans equal in (start, end, label); 1.0 when both marked
  nothing. Per label likewise.
- overlap F1: recall = share of A's spans overlapped by a same-label span of B, precision =
  share of B's spans overlapped by a same-label span of A, F1 their harmonic mean (1.0 when both
  marked nothing, 0.0 when only one did).
- token Cohen's kappa: each token of ``tokens.tokenize`` gets a category, the labels of the
  spans sharing a character with it joined in sorted order (``actor+releasee``), or ``O``
  (see ``categories``). Pooled over the pair's documents; None when chance agreement is total.

Over all annotators: the mean over pairs of each pair figure (pairs with no shared document
have None figures and are left out of the mean), and character-level Krippendorff's alpha
(nominal; a character's category as for tokens). Kappa and alpha need the texts (a corpus);
without one they are None with a note. Per document: the mean over its pairs of exact and
overlap F1. Form fields: see ``form_compare``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from annotator.core.alpha import Coincidences
from annotator.core.categories import (
    ChunkTokens,
    Pieces,
    TokenCounts,
    add_tallies,
    cohen_kappa,
    covered_tokens,
)
from annotator.core.compare import Comparison, collector_paused, load_comparison
from annotator.core.corpus import Corpus
from annotator.core.form_compare import field_agreement
from annotator.core.scheme import Scheme

SpanKey = tuple[int, int, str]


# Counts of one pair (or of one label of one pair), from which its F1 figures follow: spans
# equal in both, A's spans, B's spans, A's spans overlapped by a same-label span of B, and B's
# by A's. Plain lists of ints: they are added up once per label, pair and document.
Counts = list[int]
_TP, _SIZE_A, _SIZE_B, _OVER_A, _OVER_B = range(5)


def _zero() -> Counts:
    return [0, 0, 0, 0, 0]


def exact_f1(counts: Counts) -> float:
    total = counts[_SIZE_A] + counts[_SIZE_B]
    return 2 * counts[_TP] / total if total else 1.0


def overlap_f1(counts: Counts) -> float:
    size_a, size_b = counts[_SIZE_A], counts[_SIZE_B]
    if size_a == 0 and size_b == 0:
        return 1.0
    if size_a == 0 or size_b == 0:
        return 0.0
    recall = counts[_OVER_A] / size_a
    precision = counts[_OVER_B] / size_b
    both = recall + precision
    return 2 * recall * precision / both if both else 0.0


@dataclass
class _Pair:
    documents: int = 0
    counts: Counts = field(default_factory=_zero)
    by_label: defaultdict[str, Counts] = field(default_factory=lambda: defaultdict(_zero))
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)


class _Marks:
    """One record's spans arranged for counting: their keys, and how many of each label."""

    __slots__ = ("counted", "keys", "labels")

    def __init__(self, keys: list[SpanKey]) -> None:
        self.keys: set[SpanKey] = set(keys)
        # The same span twice in one record is rare; only then are keys counted.
        self.counted: Counter[SpanKey] | None = (
            None if len(self.keys) == len(keys) else Counter(keys)
        )
        labels: dict[str, int] = {}
        for _start, _end, label in keys:
            labels[label] = labels.get(label, 0) + 1
        self.labels = labels

    def by_label(self) -> defaultdict[str, list[tuple[int, int]]]:
        """Each label's (start, end) offsets, in the record's order (duplicates kept)."""
        out: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
        for start, end, label in self.counted.elements() if self.counted else self.keys:
            out[label].append((start, end))
        return out


def _overlapped(spans: list[tuple[int, int]], others: list[tuple[int, int]]) -> int:
    """How many of ``spans`` share a character with one of ``others``."""
    count = 0
    for start, end in spans:
        for other_start, other_end in others:
            if other_start < end and other_end > start:
                count += 1
                break
    return count


def _add_pair(marks_a: _Marks, marks_b: _Marks, pair: _Pair) -> Counts:
    """Add one document's counts of a pair to ``pair``, per label; return the document's."""
    if marks_a.counted is not None or marks_b.counted is not None:
        return _add_pair_counted(marks_a, marks_b, pair)
    by_label = pair.by_label
    keys_a, keys_b = marks_a.keys, marks_b.keys
    # Every span is first counted as found in the other record (and so overlapped by its
    # twin); the few that are not are then taken back one by one, in C set differences.
    for label, count in marks_a.labels.items():
        counts = by_label[label]
        counts[_TP] += count
        counts[_SIZE_A] += count
        counts[_OVER_A] += count
    for label, count in marks_b.labels.items():
        counts = by_label[label]
        counts[_SIZE_B] += count
        counts[_OVER_B] += count
    only_a = keys_a - keys_b
    only_b = keys_b - keys_a
    missed_a = _take_back(only_a, keys_b, by_label, _OVER_A, _TP) if only_a else 0
    missed_b = _take_back(only_b, keys_a, by_label, _OVER_B, None) if only_b else 0
    size_a, size_b = len(keys_a), len(keys_b)
    doc = [size_a - len(only_a), size_a, size_b, size_a - missed_a, size_b - missed_b]
    total = pair.counts
    for index in range(5):
        total[index] += doc[index]
    return doc


def _take_back(
    keys: set[SpanKey],
    others: set[SpanKey],
    by_label: defaultdict[str, Counts],
    over: int,
    found: int | None,
) -> int:
    """Uncount ``keys`` (spans the other record lacks) as found (``found``, when given), and
    as overlapped (``over``) unless they share a character with a same-label span of
    ``others``; return how many are not overlapped."""
    missed = 0
    for start, end, label in keys:
        counts = by_label[label]
        if found is not None:
            counts[found] -= 1
        for other_start, other_end, other_label in others:
            if other_label == label and other_start < end and other_end > start:
                break
        else:
            counts[over] -= 1
            missed += 1
    return missed


def _add_pair_counted(marks_a: _Marks, marks_b: _Marks, pair: _Pair) -> Counts:
    """``_add_pair`` when a record holds the same span twice: every span counted by label."""
    doc = _zero()
    by_label = pair.by_label
    counted_a = marks_a.counted or Counter(marks_a.keys)
    counted_b = marks_b.counted or Counter(marks_b.keys)
    for (_start, _end, label), count in (counted_a & counted_b).items():
        by_label[label][_TP] += count
        doc[_TP] += count
    empty: list[tuple[int, int]] = []
    size_a = size_b = doc_over_a = doc_over_b = 0
    labels_a, labels_b = marks_a.by_label(), marks_b.by_label()
    for label in labels_a.keys() | labels_b.keys():
        spans_a = labels_a.get(label, empty)
        spans_b = labels_b.get(label, empty)
        over_a = _overlapped(spans_a, spans_b)
        over_b = _overlapped(spans_b, spans_a)
        counts = by_label[label]
        counts[_SIZE_A] += len(spans_a)
        counts[_SIZE_B] += len(spans_b)
        counts[_OVER_A] += over_a
        counts[_OVER_B] += over_b
        size_a += len(spans_a)
        size_b += len(spans_b)
        doc_over_a += over_a
        doc_over_b += over_b
    doc[_SIZE_A] = size_a
    doc[_SIZE_B] = size_b
    doc[_OVER_A] = doc_over_a
    doc[_OVER_B] = doc_over_b
    total = pair.counts
    for index in range(5):
        total[index] += doc[index]
    return doc


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
    token_counts = TokenCounts()
    chunk_tokens = ChunkTokens()
    label_counts: Counter[str] = Counter()
    for unit in comparison.units:
        marks = {name: _Marks(record.span_keys()) for name, record in unit.records.items()}
        for mark in marks.values():
            label_counts.update(mark.labels)
        text = comparison.text(unit) if with_text else None
        tallies: Counter[tuple[str, ...]] = Counter()
        token_count = 0
        if text is not None:
            token_count = token_counts.of(text)
            records = [record.spans for record in unit.records.values()]
            starts, ends = covered_tokens(text, records, chunk_tokens)
            pieces = Pieces(records, len(text))
            tallies = pieces.token_tallies(starts, ends)
            pieces.add_char_units(coincidences)
            place = {name: index for index, name in enumerate(unit.records)}
        doc_exact: list[float] = []
        doc_overlap: list[float] = []
        for a, b in combinations(list(unit.records), 2):
            pair = pairs[(a, b)]
            pair.documents += 1
            doc = _add_pair(marks[a], marks[b], pair)
            doc_exact.append(exact_f1(doc))
            doc_overlap.append(overlap_f1(doc))
            if text is not None:
                add_tallies(pair.confusion, tallies, place[a], place[b], token_count)
        per_document.append(
            {
                "doc_id": unit.doc_id,
                "annotators": list(unit.records),
                "exact_f1": _round(_mean(doc_exact)),
                "overlap_f1": _round(_mean(doc_overlap)),
            }
        )
    return _report(comparison, scheme, pairs, per_document, coincidences, label_counts)


def _report(
    comparison: Comparison,
    scheme: Scheme,
    pairs: dict[tuple[str, str], _Pair],
    per_document: list[dict[str, Any]],
    coincidences: Coincidences,
    label_counts: Counter[str],
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
                "exact_f1": _round(exact_f1(pair.counts)) if shared else None,
                "overlap_f1": _round(overlap_f1(pair.counts)) if shared else None,
                "token_kappa": _round(cohen_kappa(pair.confusion)) if with_text else None,
            }
        )
    shared_pairs = [pair for pair in pairs.values() if pair.documents]
    by_label: dict[str, Any] = {}
    for label in scheme.labels:
        tallies = [pair.by_label.get(label.name, _zero()) for pair in shared_pairs]
        by_label[label.name] = {
            "exact_f1": _round(_mean(exact_f1(counts) for counts in tallies)),
            "overlap_f1": _round(_mean(overlap_f1(counts) for counts in tallies)),
            "spans": label_counts[label.name],
        }
    # Each document's share of equal form answers, beside its span figures.
    per_unit: list[float | None] = []
    form = field_agreement(comparison.units, comparison.annotators, scheme, per_unit)
    for row, share in zip(per_document, per_unit, strict=True):
        row["form_agreement"] = _round(share)
    notes = list(comparison.notes)
    notes.extend(_skewed_field_notes(form))
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
        "form": form,
        "pairs": pair_rows,
        "per_document": per_document,
        "excluded": [item.as_json() for item in comparison.excluded],
        "notes": notes,
    }


def _skewed_field_notes(form: dict[str, Any]) -> list[str]:
    """Fields whose alpha is low although annotators mostly agree: nearly every answer is one
    value, so agreement by chance is high and alpha says little about the annotators."""
    notes = []
    for name, figures in form.items():
        alpha, share = figures.get("alpha"), figures.get("agreement")
        if alpha is not None and share is not None and alpha < 0.4 and share >= 0.8:
            notes.append(
                f"{name}: alpha {alpha:.3f} beside {share:.1%} agreement: nearly every answer "
                "is the same value, so chance agreement is high and alpha says little here"
            )
    return notes


def agreement_of_files(
    files: list[Path], scheme: Scheme, corpus: Corpus | None = None
) -> dict[str, Any]:
    """Read journals and compute every figure of ``agree`` (the core of the command)."""
    with collector_paused():
        return agreement(load_comparison(files, scheme, corpus), scheme)


def document_score(row: dict[str, Any]) -> float:
    """A document's agreement for ranking: the mean of its exact F1 and its share of equal
    form answers (when any), so that a document whose spans agree but whose form does not is
    found too."""
    figures: list[float | None] = [row["exact_f1"], row.get("form_agreement")]
    present = [figure for figure in figures if figure is not None]
    return sum(present) / len(present)


def lowest_documents(report: dict[str, Any], count: int = 10) -> list[dict[str, Any]]:
    """The documents with the lowest ``document_score`` (ties: lower exact F1, lower overlap
    F1, then doc id)."""

    def key(row: dict[str, Any]) -> tuple[float, float, float, str]:
        return (document_score(row), row["exact_f1"], row["overlap_f1"], row["doc_id"])

    rows: list[dict[str, Any]] = report["per_document"]
    return sorted(rows, key=key)[:count]
