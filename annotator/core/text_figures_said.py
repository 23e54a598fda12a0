"""Why agree's token kappa and character alpha are n/a (None), said in a note.

Both are undefined when agreement by chance is total: every token (character) has one and the
same category in every record, most often ``O`` because no compared document holds a span. A
trial's agree over documents nobody marked showed "n/a" for both with no word, which read as
a failure. Told from what the figures were computed from: each pair's token confusion table
and the characters' coincidence matrix (see ``categories``). Without a corpus both are None
for want of the texts, which ``agreement`` says itself.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from collections.abc import Set as AbstractSet
from typing import Any

from annotator.core.alpha import Coincidences
from annotator.core.categories import OUTSIDE

KAPPA = "token kappa"
ALPHA = "character alpha"


def text_figure_notes(
    figures: dict[str, Any],
    pair_rows: list[dict[str, Any]],
    confusion: dict[tuple[str, str], Counter[tuple[str, str]]],
    coincidences: Coincidences,
    spans_held: int,
) -> list[str]:
    """Notes on the n/a figures of ``figures`` (the report's ``spans``) and of the pairs.

    ``spans_held``: how many spans the compared records hold, all annotators together."""
    kappa_missing = figures["token_kappa"] is None
    alpha_missing = figures["char_alpha"] is None
    if spans_held == 0 and kappa_missing and alpha_missing:
        return [
            f"{KAPPA} and {ALPHA}: n/a: no compared document holds a span, so every token and "
            "character is O (outside any span): there is nothing for them to measure"
        ]
    tokens = {key for counts in confusion.values() for key in _cells(counts)}
    characters = {key for key, _ in coincidences.matrix()} if alpha_missing else set()
    notes: list[str] = []
    if kappa_missing and alpha_missing and tokens == characters and len(tokens) == 1:
        said = _one_category("token and character", tokens, "every record")
        notes.append(f"{KAPPA} and {ALPHA}: n/a: {said}: there is nothing for them to measure")
    else:
        if kappa_missing:
            # Categories differing between pairs: each pair's tokens are of one category.
            said = "within each pair's shared documents, every token has one category"
            if len(tokens) < 2:
                said = _one_category("token", tokens, "every record")
            notes.append(f"{KAPPA}: n/a: {said}: there is nothing for it to measure")
        if alpha_missing:
            said = _one_category("character", characters, "every record")
            notes.append(f"{ALPHA}: n/a: {said}: there is nothing for it to measure")
    if not kappa_missing:
        # A pair's kappa n/a beside others' figures: the mean is over the other pairs.
        for row in pair_rows:
            if row["token_kappa"] is None and row["documents"]:
                pair = set(_cells(confusion[(row["a"], row["b"])]))
                said = _one_category("token", pair, "both records")
                notes.append(
                    f"{KAPPA} of {row['a']} and {row['b']}: n/a: in the {row['documents']} "
                    f"document(s) they share, {said}: there is nothing for it to measure; the mean "
                    "is over the other pairs"
                )
    return notes


def _cells(counts: Counter[tuple[str, str]]) -> Iterable[str]:
    """The categories of a confusion table's cells that hold a token."""
    for (first, second), count in counts.items():
        if count:
            yield first
            yield second


def _one_category(unit: str, categories: AbstractSet[Hashable], where: str) -> str:
    """``every token is O (outside any span) in every record``; no category: no unit at all."""
    if not categories:
        return f"the compared documents hold no {unit} to compare"
    category = next(iter(categories))
    shown = "O (outside any span)" if category == OUTSIDE else f"labelled {category}"
    return f"every {unit} is {shown} in {where}"
