"""The last step of carrying over (``carry_over_places``): a place found is kept only when a
place next to it confirms it, and not when it would cut a word it did not cut before.

Steps 1 and 2 find where a place's words stand at a shift that one edit, or the places around
it, allow. When that shift is the place's own (no other place moved by it), nothing but its
words says it is there, and words recur: a sentence rewritten may leave "said" at the very
offset it had, an edit may take a span's words and leave the same words further on (a fuzz of
realistic edits, tests/test_carry_over_fuzz.py, found such places to be most of the spans
carried onto other words than their own). So a place is kept only when a *witness* confirms it:
the nearest place carried before it, or the one after it (not overlapping it: a span on the
same words is no second witness), moved by the same shift at the edges they face, so that no
edit lies between them; before the first place carried, the text's start confirms a place kept
where it was. A place whose whitespace changed otherwise than tidied (its words stand with
their whitespace runs alike, not equal, and not each one space or one line break now) had an
edit inside it, which may have changed more than its whitespace ('in Norvania. Norvania' at
'in Norvania.  Norvania', a sentence added after it that starts with Norvania): it needs a
witness on both sides. So a span alone between two edits, or alone after the last one,
is left out, with where its words now stand.

A place whose edge would fall inside a character (a letter and its accent: 'Jose' before a
combining accent) is left out. One whose edge would fall between two letters or digits of a
word is left out too ('Kestria' of 'Kestria n navy' in 'Kestrian navy': its words now run into
a word, and what it marks changed) unless its witness on that side confirms that the letters
there were there before: a span drawn inside a word in character mode ('Kestri' of
'Kestrian'), with the place after it moved by the same shift.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol

from annotator.core.display import quoted
from annotator.core.formats.import_offsets import edge_cut


class _Place(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def words(self) -> str: ...


def unconfirmed(
    places: Sequence[_Place],
    starts: dict[int, int],
    new_end: Callable[[int, int], int],
    text: str,
    stands: Callable[[int, int], bool],
) -> dict[int, str]:
    """The places of ``starts`` (index -> new start) no witness confirms, or that would cut a
    word or a character, taken out of it: index -> why. ``new_end(k, at)``: where place ``k``
    ends when it starts at ``at``; ``stands(k, shift)``: whether place ``k``'s words stand at
    its old start moved by ``shift`` (so that a place whose neighbour stands so, not carried,
    is not said to have none)."""
    left: dict[int, str] = {}
    while True:  # a place left out is no witness: the places it confirmed are looked at again
        order = sorted(starts)
        ends = {k: new_end(k, starts[k]) for k in order}
        shifts = {k: (starts[k] - places[k].start, ends[k] - places[k].end) for k in order}
        doubtful: dict[int, str] = {}
        for k in order:
            before, after = _witnesses(places, order, k)
            start_shift, end_shift = shifts[k]
            seen = (
                (shifts[before][1] if before is not None else 0) == start_shift,
                after is not None and shifts[after][0] == end_shift,
            )
            cut = _cut(text, (starts[k], ends[k]), seen)
            changed = not _tidied(places[k].words, text[starts[k] : ends[k]])
            if cut is not None:
                doubtful[k] = f"its words now run into a word: at {starts[k]} it would cut {cut}"
            elif not (all(seen) if changed else any(seen)):
                near = _witnesses(places, range(len(places)), k)
                alike = [m for m in near if m is not None and m not in starts]
                alike = [m for m in alike if stands(m, start_shift)]
                doubtful[k] = _why(start_shift, changed, alike != [])
        if not doubtful:
            return left
        for k, why in doubtful.items():
            del starts[k]
            left[k] = why


def _tidied(old: str, new: str) -> bool:
    """Whether ``new``, a place's words in the text, are ``old`` or ``old`` with whitespace
    runs tidied: each now one space or one line break."""
    if old == new:
        return True
    old_runs, new_runs = _RUN.findall(old), _RUN.findall(new)
    return all(n == o or n in (" ", "\n") for o, n in zip(old_runs, new_runs, strict=True))


# A run of whitespace inside words.
_RUN = re.compile(r"(?<=\S)\s+(?=\S)")


def _cut(text: str, edges: tuple[int, int], seen: tuple[bool, bool]) -> str | None:
    """What a place at ``edges`` would cut, said (``the word 'Kestrian'``): a character, or a
    word at an edge its witness on that side (``seen``) does not confirm; None: nothing."""
    for offset, witnessed in zip(edges, seen, strict=True):
        cut = edge_cut(text, offset)
        if cut is not None and (cut[0] == "character" or not witnessed):
            return f"the {cut[0]} {quoted(cut[1])}"
    return None


def _witnesses(
    places: Sequence[_Place], order: Sequence[int], k: int
) -> tuple[int | None, int | None]:
    """The places carried nearest ``k`` that end before it starts and start after it ends."""
    place = places[k]
    before = [m for m in order if places[m].end <= place.start]
    after = [m for m in order if places[m].start >= place.end]
    return (
        max(before, key=lambda m: (places[m].end, m)) if before else None,
        min(after, key=lambda m: (places[m].start, m)) if after else None,
    )


def _why(shift: int, changed: bool, neighbour_left_out: bool = False) -> str:
    where = "where they were" if shift == 0 else f"moved by {shift}"
    if neighbour_left_out and not changed:
        return (
            f"its words stand {where}, and so do those of a span next to it, but that span is "
            "left out (see why), so nothing confirms it: an edit there may have taken them"
        )
    if changed:
        return (
            f"its words stand {where} with their whitespace changed, and the spans around it "
            "did not move with it: the edit there may have changed more than whitespace"
        )
    return (
        f"its words stand {where}, but no span next to it moved so: an edit there may have "
        "taken them"
    )
