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

Value agreement (``value_agreement``): of the spans of a valued label (count, date) both records
of a pair hold, the share with equal values; exact and overlap F1 leave values out.

Over all annotators: the mean over pairs of each pair figure (pairs with no shared document
have None figures and are left out of the mean), and character-level Krippendorff's alpha
(nominal; a character's category as for tokens). Kappa and alpha need the texts (a corpus);
without one they are None with a note. Per document: the mean over its pairs of exact and
overlap F1, its value agreement, its share of equal form answers, and its ``score`` for the
ranking (``document_score``); ``lowest`` names the ten documents with the lowest score, the
lowest first, as the human report's table lists them. Form fields: see ``form_agreement``; a
field whose alpha is None gets one note saying why (``form_alpha_notes``), the figure itself
staying None, and an integer field with empty answers one saying how they count
(``empty_answer_notes``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from contextlib import nullcontext
from itertools import combinations
from pathlib import Path
from typing import Any

from annotator.core.alpha import Coincidences
from annotator.core.categories import (
    Pieces,
    StretchTokens,
    TokenCounts,
    add_tallies,
    cohen_kappa,
    tokens_of_spans,
)
from annotator.core.compare import Comparison, collector_paused, load_comparison
from annotator.core.corpus import Corpus
from annotator.core.form_agreement import empty_answer_notes, field_agreement
from annotator.core.scheme import Scheme
from annotator.core.span_pairs import TP, Marks, SpanTally, exact_f1, overlap_f1, zero
from annotator.core.text_figures_said import text_figure_notes
from annotator.core.value_agreement import ValueTally
from annotator.core.value_figures_said import unshared_pair_notes, value_figure_notes


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def _mean(values: Iterable[float | None]) -> float | None:
    present = [value for value in values if value is not None]
    return sum(present) / len(present) if present else None


def agreement(comparison: Comparison, scheme: Scheme) -> dict[str, Any]:
    """Every figure of ``agree`` as one JSON-ready object (see the module docstring)."""
    names = comparison.annotators
    spans = SpanTally(names)
    valued = [label.name for label in scheme.labels if label.value_type != "none"]
    values = ValueTally(names, valued)
    confusion: dict[tuple[str, str], Counter[tuple[str, str]]] = {
        pair: Counter() for pair in combinations(names, 2)
    }
    per_document: list[dict[str, Any]] = []
    coincidences = Coincidences()
    corpus = comparison.corpus
    # Per set of annotators of a document: its documents' token tallies and token counts,
    # pooled (a pair's confusion table is the sum of its documents' tables; made at the end).
    tallies: dict[tuple[str, ...], Counter[tuple[str, ...]]] = {}
    token_totals: Counter[tuple[str, ...]] = Counter()
    token_counts = TokenCounts()
    stretch_tokens = StretchTokens()
    # The corpus file opened once for all the texts, not once per text.
    with corpus.kept_open() if corpus is not None else nullcontext():
        for unit in comparison.units:
            marks = {name: Marks(record.span_keys()) for name, record in unit.records.items()}
            docs = spans.add(marks)
            same_values = values.add(
                {name: values.spans_of(record.span_lines) for name, record in unit.records.items()}
            )
            text = comparison.text(unit) if corpus is not None else None
            if text is not None:
                names_here = tuple(unit.records)
                token_totals[names_here] += token_counts.of(text)
                keys = [mark.listed for mark in marks.values()]
                pieces = Pieces(keys, len(text))
                every = set().union(*[mark.keys for mark in marks.values()])
                starts, ends = tokens_of_spans(text, every, stretch_tokens)
                found = tallies.get(names_here)
                if found is None:
                    found = tallies[names_here] = Counter()
                pieces.token_tallies(starts, ends, found)
                pieces.add_char_units(coincidences)
            per_document.append(
                {
                    "doc_id": unit.doc_id,
                    "annotators": list(unit.records),
                    "exact_f1": _round(_mean(map(exact_f1, docs))),
                    "overlap_f1": _round(_mean(map(overlap_f1, docs))),
                    "value_agreement": _round(same_values),
                }
            )
    for names_here, pooled in tallies.items():
        for first, second in combinations(range(len(names_here)), 2):
            pair = (names_here[first], names_here[second])
            add_tallies(confusion[pair], pooled, first, second, token_totals[names_here])
    return _report(comparison, scheme, spans, values, confusion, per_document, coincidences)


def _report(
    comparison: Comparison,
    scheme: Scheme,
    spans: SpanTally,
    values: ValueTally,
    confusion: dict[tuple[str, str], Counter[tuple[str, str]]],
    per_document: list[dict[str, Any]],
    coincidences: Coincidences,
) -> dict[str, Any]:
    with_text = comparison.corpus is not None
    pair_rows: list[dict[str, Any]] = []
    for (a, b), pair in spans.pairs.items():
        shared = pair.documents > 0
        pair_rows.append(
            {
                "a": a,
                "b": b,
                "documents": pair.documents,
                "exact_f1": _round(exact_f1(pair.counts)) if shared else None,
                "overlap_f1": _round(overlap_f1(pair.counts)) if shared else None,
                "token_kappa": _round(cohen_kappa(confusion[(a, b)])) if with_text else None,
                "value_agreement": _round(values.pair(a, b)),
            }
        )
    pair_labels = {
        (a, b): spans.by_label(a, b) for (a, b), pair in spans.pairs.items() if pair.documents
    }
    label_counts = spans.label_counts()
    by_label: dict[str, Any] = {}
    for label in scheme.labels:
        tallies = {pair: counts.get(label.name, zero()) for pair, counts in pair_labels.items()}
        equal = {pair: counts[TP] for pair, counts in tallies.items()}
        by_label[label.name] = {
            "exact_f1": _round(_mean(exact_f1(counts) for counts in tallies.values())),
            "overlap_f1": _round(_mean(overlap_f1(counts) for counts in tallies.values())),
            "spans": label_counts[label.name],
            "value_agreement": (
                _round(values.by_label(label.name, equal)) if label.name in values.labels else None
            ),
            "has_values": label.name in values.labels,  # else its value agreement is n/a
        }
    # Each document's share of equal form answers, beside its span figures.
    per_unit: list[float | None] = []
    form = field_agreement(comparison.units, comparison.annotators, scheme, per_unit)
    for row, share in zip(per_document, per_unit, strict=True):
        row["form_agreement"] = _round(share)
        row["score"] = _round(document_score(row))
    notes = list(comparison.notes)
    notes.extend(_skewed_field_notes(form))
    notes.extend(form_alpha_notes(form))
    notes.extend(empty_answer_notes(form))
    span_figures = {
        "exact_f1": _round(_mean(row["exact_f1"] for row in pair_rows)),
        "overlap_f1": _round(_mean(row["overlap_f1"] for row in pair_rows)),
        "token_kappa": _round(_mean(row["token_kappa"] for row in pair_rows)),
        "char_alpha": _round(coincidences.alpha("nominal")) if with_text else None,
        "value_agreement": _round(_mean(row["value_agreement"] for row in pair_rows)),
        "by_label": by_label,
    }
    # Why a figure is n/a: a bare n/a read as a failure.
    notes.extend(unshared_pair_notes(pair_rows))
    notes.extend(value_figure_notes(span_figures, pair_rows, values.labels, label_counts))
    if not with_text:
        notes.append("token_kappa and char_alpha need the article texts: pass --corpus PATH")
    else:  # why either is n/a with the texts (no span at all, say)
        held = sum(label_counts.values())
        notes.extend(text_figure_notes(span_figures, pair_rows, confusion, coincidences, held))
    return {
        "annotators": comparison.annotators,
        "documents": len(comparison.units),
        "files": {name: str(comparison.files[name]) for name in comparison.annotators},
        "spans": span_figures,
        "form": form,
        "pairs": pair_rows,
        "per_document": per_document,
        "lowest": [row["doc_id"] for row in lowest_documents({"per_document": per_document})],
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


def form_alpha_notes(form: dict[str, Any]) -> list[str]:
    """Why a field's alpha is n/a (None), one note per such field: a bare "n/a" reads like a
    failure. Told from the field's own figures: a group has no alpha by design; no document
    with two answers leaves nothing to compare; answers all equal (agreement 1.0) leave alpha
    undefined (no disagreement is expected by chance)."""
    notes = []
    for name, figures in form.items():
        if figures.get("alpha") is not None:
            continue
        if figures.get("level") == "frames":
            notes.append(f"{name}: a repeatable group has no alpha; its figure is frame F1")
        elif not figures.get("alpha_units", figures.get("units")):
            # An integer's empty answers are missing data for alpha: its units hold numbers.
            answers = "numbers" if figures.get("level") == "interval" else "answers"
            notes.append(
                f"{name}: alpha n/a: no document has {answers} of two annotators to compare"
            )
        elif figures.get("agreement") == 1.0:
            notes.append(
                f"{name}: alpha n/a: every answer is the same value, so there is nothing for "
                "alpha to measure"
            )
        elif figures.get("empty_answers"):
            # Alpha leaves an integer's empty answers out as missing data; agreement counts
            # them, so it is under 1.0 while every number alpha sees is one value.
            notes.append(
                f"{name}: alpha n/a: every number given is the same value (its empty answers "
                "are missing data for alpha), so there is nothing for alpha to measure"
            )
        else:
            notes.append(f"{name}: alpha n/a: it is undefined for these answers")
    return notes


def agreement_of_files(
    files: list[Path],
    scheme: Scheme,
    corpus: Corpus | None = None,
    leave_out_unknown: bool = False,
) -> dict[str, Any]:
    """Read journals and compute every figure of ``agree`` (the core of the command);
    ``leave_out_unknown`` as ``load_comparison`` takes it."""
    with collector_paused():
        comparison = load_comparison(files, scheme, corpus, leave_out_unknown=leave_out_unknown)
        return agreement(comparison, scheme)


# The ranking names at most this many documents (``lowest``; the human report's table).
LOWEST_SHOWN = 10


def document_score(row: dict[str, Any]) -> float | None:
    """A document's agreement for ranking: the mean of its exact F1, its value agreement and its
    share of equal form answers (those of the three it has), so that a document whose spans
    agree but whose values or form do not is found too. None when it has none of them."""
    return _mean([row["exact_f1"], row.get("value_agreement"), row.get("form_agreement")])


def lowest_documents(report: dict[str, Any], count: int = LOWEST_SHOWN) -> list[dict[str, Any]]:
    """The ``count`` documents of ``per_document`` with the lowest ``score``, the lowest first
    (ties: lower exact F1, lower overlap F1, then doc id; documents without a score last). The
    published (rounded) score is what ranks, so that a script sorting ``per_document`` by it
    finds ``lowest``'s order."""

    def key(row: dict[str, Any]) -> tuple[bool, float, bool, float, bool, float, str]:
        figures = (row["score"], row["exact_f1"], row["overlap_f1"])
        none_last = [(figure is None, figure or 0.0) for figure in figures]
        (no_score, score), (no_exact, exact), (no_overlap, overlap) = none_last
        return (no_score, score, no_exact, exact, no_overlap, overlap, row["doc_id"])

    rows: list[dict[str, Any]] = report["per_document"]
    return sorted(rows, key=key)[:count]
