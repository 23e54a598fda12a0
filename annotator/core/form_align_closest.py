"""Step 3 of ``form_compare.align_items``: an item that joined nothing joins the item most
alike it, when that item's cluster lacks its annotator.

Step 2 joins two clusters only when every item of the one is alike every item of the other,
so X like Y and Y like Z never makes X and Z one item by a chain of pairs. With three
annotators each giving one item, that left the choice to the annotators' order: a trial's
release, given by ann1 and ann3 with "eight foreign hostages" and by ann2 with "Zoë
N'Diaye", was ann1's alike each of the others (3 of 4), ann2's and ann3's not alike (2 of 4);
ann1's joined ann2's, the first pair in order, and ann3's stayed alone. With ``--min-agree
2`` it was then left out, as two annotators "did not give it", with no word: the reviewer saw
ann1 against ann2 and never the two who agreed. Here every annotator's item of one transfer
is set against the others': ann3's joins its closest, ann1's, and each field is decided
among all three (the names ann1 and ann3 gave, two of three).

Only an item left alone joins so, through an item of a cluster of two or more; its annotator
must be missing from the cluster, so one annotator's two items are never one item. It joins
the cluster of the item most alike it, weighed as step 2 weighs pairs (the share of fields
agreeing, then more fields, then the annotators' and items' order). Three annotators' one
item each, alike in a chain (Monday's 50, Wednesday's 50, Wednesday's 70), are so one item in
any order, where step 2 joined whichever pair came first and left the third out: what they
disagree on is a field's conflict (or, with ``--min-agree``, decided by K of them), and a
reviewer who sees two releases there types the second.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

# One pair of alike items as ``_join_similar`` weighs them: (-share, -fields agreeing, party,
# place, party, place, the cluster of the first item, the cluster of the second).
Pair = tuple[float, int, int, int, int, int, int, int]


def join_closest(
    joined: list[list[int | None]],
    owner: list[int],
    root: Callable[[int], int],
    pairs: Sequence[Pair],
) -> None:
    """Join each cluster of one item (after step 2) to the cluster holding the item most alike
    it whose cluster lacks its annotator (``pairs``: sorted, most alike first; ``joined``,
    ``owner`` and ``root`` as ``_join_similar`` keeps them). Changes ``joined`` and ``owner``
    in place, the joined cluster keeping the place of the one made first."""
    alone = {
        number
        for number, cluster in enumerate(joined)
        if owner[number] == number and sum(1 for place in cluster if place is not None) == 1
    }
    if not alone:
        return
    for *_order, first, second in pairs:
        a, b = root(first), root(second)
        # The one alone, and the cluster holding the item alike it (two items alone alike
        # each other were joined by step 2).
        if a in alone and b not in alone:
            single, other = a, b
        elif b in alone and a not in alone:
            single, other = b, a
        else:
            continue
        party = next(at for at, place in enumerate(joined[single]) if place is not None)
        if joined[other][party] is not None:
            continue  # their annotator has an item there already: maybe a further pair
        low, high = min(single, other), max(single, other)
        joined[low] = [
            x if x is not None else y for x, y in zip(joined[low], joined[high], strict=True)
        ]
        owner[high] = low
        alone.discard(single)
