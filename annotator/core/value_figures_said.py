"""Why agree's span value agreement, and a pair's figures, are n/a (None), said in notes.

Value agreement is over the spans of a valued label (count, date) that two annotators of a
document marked alike: the same start, end and label (``value_agreement``). With none such it
is None, and agree showed "n/a" with no word, as it did for a pair of annotators sharing no
document. One note per cause, told from the report's own figures: the scheme has no valued
label; no compared record holds a span of one; or some do, but no two annotators marked one
alike. Per label and per pair, a note only where the overall figure has a value (else the
overall note's cause is theirs too).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

FIGURE = "span value agreement"


def value_figure_notes(
    figures: dict[str, Any],
    pair_rows: list[dict[str, Any]],
    valued: list[str],
    spans_held: Mapping[str, int],
) -> list[str]:
    """Notes on the n/a value agreements of ``figures`` (the report's ``spans``) and of the
    pairs. ``valued``: the scheme's labels with a value; ``spans_held``: per label, how many
    spans the compared records hold, all annotators together."""
    if not valued:
        return [f"{FIGURE}: n/a: no label of the scheme has a value, so no values are compared"]
    names = _either(valued)
    if figures["value_agreement"] is None:
        if not any(spans_held.get(label, 0) for label in valued):
            cause = f"no compared record holds a {names} span"
        else:
            cause = (
                f"no {names} span is marked alike (same start, end and label) by two annotators "
                "of a document"
            )
        return [f"{FIGURE}: n/a: {cause}, so no values are compared"]
    notes = []
    labels = [label for label in valued if figures["by_label"][label]["value_agreement"] is None]
    if labels:
        notes.append(
            f"values of {_both(labels)}: n/a: no {_either(labels)} span is marked alike by two "
            "annotators of a document"
        )
    pairs = [
        f"{row['a']} and {row['b']}"
        for row in pair_rows
        if row["documents"] and row["value_agreement"] is None
    ]
    if pairs:
        notes.append(
            f"values of {'; '.join(pairs)}: n/a: no {names} span is marked alike by both in the "
            "documents they share; the mean is over the other pairs"
        )
    return notes


def unshared_pair_notes(pair_rows: list[dict[str, Any]]) -> list[str]:
    """The pairs of annotators who share no compared document: each of their figures is n/a."""
    pairs = [f"{row['a']} and {row['b']}" for row in pair_rows if not row["documents"]]
    if not pairs:
        return []
    return [f"pairs sharing no compared document, so without figures (n/a): {'; '.join(pairs)}"]


def _either(labels: list[str]) -> str:
    """``count``, ``count or date``, ``count, date or place``."""
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} or {labels[-1]}"


def _both(labels: list[str]) -> str:
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}"
