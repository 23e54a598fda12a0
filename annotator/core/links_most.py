"""Which gold spans an agreed answer is linked to when its annotators linked other ones.

Merge carries an accepted answer's links from the annotators who gave it (``merge_form_links``),
and a review re-derives the same links (``review_links.carried_links``): both choose by this
one rule. The spans the most of them linked, as a set; on a tie, those first in the text; in
text order, whoever linked them. It was the first annotator's by name: a trial's agreed
releasees took alice's link to the first "Ivan Petrov", and with alice renamed zoe bob's to
the second, which also turned the list's order.
"""

from __future__ import annotations

from collections.abc import Mapping


def most_linked(found: list[list[str]], place: Mapping[str, tuple[int, int]]) -> list[str]:
    """Of the gold ids each holder linked (``found``: not empty, each not empty), the chosen
    ones (see the module docstring); ``place``: each gold id's (start, end)."""
    first = found[0]
    if all(ids == first for ids in found):
        return first  # nearly always: every holder linked the same spans
    votes: dict[frozenset[str], int] = {}
    for ids in found:
        key = frozenset(ids)
        votes[key] = votes.get(key, 0) + 1

    def rank(key: frozenset[str]) -> tuple[int, list[tuple[int, int]]]:
        return (-votes[key], sorted(place[gold_id] for gold_id in key))

    sets: list[frozenset[str]] = list(votes)
    chosen: frozenset[str] = min(sets, key=rank)
    return sorted(chosen, key=place.__getitem__)
