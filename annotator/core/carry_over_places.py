"""Where the spans of a stale record stand in the changed text: ``carry_over``'s rule, step by
step (its docstring says the rule in words).

A *place* is the old offsets and words of one span or more (spans on the same offsets move
together); a place *stands* at a shift when its words are the new text's at its old offsets
moved by that shift, their whitespace runs alike (``carry_over_text``). Steps 1 and 2 find
where each place may be; the last step (``carry_over_confirmed``) keeps a place only where a
place next to it confirms it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from annotator.core.carry_over_confirmed import unconfirmed
from annotator.core.carry_over_text import NewText, Place, Window

# How many starts a reason lists (the rest are counted).
_STARTS_NAMED = 3
# More than any offset: a window without an end.
_UNBOUNDED = 1 << 62


@dataclass(frozen=True)
class Placed:
    """The new start and end of each place carried, and why each other place is not."""

    starts: dict[Place, int]
    ends: dict[Place, int]
    reasons: dict[Place, str]


def place_all(places: Sequence[Place], text: str) -> Placed:
    """Each place of ``places`` (sorted) carried to ``text``, or left out with its reason."""
    new = NewText(text)
    fits = one_edit_shifts(places, new)
    starts = {k: places[k].start + next(iter(fit)) for k, fit in enumerate(fits) if len(fit) == 1}
    _place_in_order(places, new, starts, fits)
    loose = {k for k, fit in enumerate(fits) if not fit}
    # Runs of two or more are looked for first with nothing carried around them: one edit may
    # leave a last span sure (the three before it taken away, it moved back onto its words
    # at the top), where a line added at the top and the last sentence cut moved the three
    # together. Of places out of order, those at the shift fewer moved by go.
    alone: dict[int, int] = {}
    _place_runs(places, new, alone, set(loose), singles=False)
    starts.update(alone)
    crossing = _out_of_order(places, new, starts)
    loose -= set(alone) | set(crossing)
    _place_runs(places, new, starts, loose, singles=True)
    either = _either_side(places, new, starts)
    crossing |= _out_of_order(places, new, starts)
    doubtful = unconfirmed(
        places,
        starts,
        lambda k, at: new.new_end(places[k], at),
        text,
        lambda k, shift: new.stands(places[k], shift),
    )
    reasons: dict[Place, str] = {}
    for k, place in enumerate(places):
        if k in starts:
            continue
        if not new.starts(place.words):
            reasons[place] = "its words are no longer in the text"
        elif k in doubtful:
            reasons[place] = doubtful[k]
        elif k in crossing:
            reasons[place] = (
                f"its words are at {crossing[k]}, out of order with the spans around it"
            )
        elif k in either or fits[k]:
            fit = either.get(k) or {place.start + shift for shift in fits[k]}
            where = _named(sorted(fit))
            reasons[place] = f"its words recur and nothing around it tells which: {where} fit"
        else:
            reasons[place] = _not_found(places, new, starts, k)
    return Placed(
        {places[k]: at for k, at in starts.items()},
        {places[k]: new.new_end(places[k], at) for k, at in starts.items()},
        reasons,
    )


def one_edit_shifts(places: Sequence[Place], new: NewText) -> list[set[int]]:
    """Step 1: for each place, the shifts at which one edit may have left it whole.

    Whatever the old text was around the spans, one edit (of any size) leaves the text before
    it at its offsets and moves the text after it by one shift; the places it touches lose
    their words. So a place may be whole at its old offsets when it and every place ending
    before it stand there, and at a shift when it and every place starting after it stand at
    that shift; nowhere else. (In a text changed at several places, the places between the
    first change and the last get neither.)"""
    count = len(places)
    before = [False] * count  # it and every place ending before it stand at shift 0
    standing = True
    by_end = sorted(range(count), key=lambda k: places[k].end)
    low = 0
    while low < count:  # in groups of places ending at one offset
        high = low
        while high < count and places[by_end[high]].end == places[by_end[low]].end:
            standing = standing and new.stands(places[by_end[high]], 0)
            high += 1
        for k in by_end[low:high]:
            before[k] = standing
        low = high
    after: list[set[int]] = [set() for _ in range(count)]
    shifts: set[int] | None = None  # at which every place from here on stands
    high = count - 1
    while high >= 0:  # backwards, in groups of places starting at one offset
        low = high
        while low >= 0 and places[low].start == places[high].start:
            place = places[low]
            if shifts is None:
                shifts = {at - place.start for at in new.starts(place.words)}
            else:
                shifts = {shift for shift in shifts if new.stands(place, shift)}
            low -= 1
        for k in range(low + 1, high + 1):
            after[k] = shifts or set()
        high = low
    return [after[k] | {0} if before[k] else after[k] for k in range(count)]


def _out_of_order(places: Sequence[Place], new: NewText, starts: dict[int, int]) -> dict[int, int]:
    """The places out of order (``_crossing``) taken out of ``starts`` until none is: index ->
    where its words were (a place between two that cross hides the crossing of its neighbours
    from it)."""
    taken: dict[int, int] = {}
    while crossing := _crossing(places, new, starts):
        taken |= {k: starts.pop(k) for k in crossing}
    return taken


def _crossing(places: Sequence[Place], new: NewText, starts: dict[int, int]) -> set[int]:
    """The places out of order with the next one placed, to be left out: of such a pair, the
    one at the shift fewer places moved by (one edit leaves two places so only when it took
    the words of one of them away, and they recur); both, when as many did."""
    placed = sorted(starts)
    shifts = [starts[k] - places[k].start for k in placed]
    sharing = {shift: shifts.count(shift) for shift in set(shifts)}
    crossing: set[int] = set()
    for a, b in pairwise(placed):
        if not _in_order(places[a], starts[a], places[b], starts[b], new):
            many = {k: sharing[starts[k] - places[k].start] for k in (a, b)}
            crossing |= {k for k in (a, b) if many[k] == min(many.values())}
    return crossing


def _in_order(a: Place, a_at: int, b: Place, b_at: int, new: NewText) -> bool:
    """Whether new starts ``a_at`` and ``b_at`` keep the order of the two places' edges (an
    edge shared before may go either way: an insertion there went before or after it)."""
    for old_a, new_a in ((a.start, a_at), (a.end, new.new_end(a, a_at))):
        for old_b, new_b in ((b.start, b_at), (b.end, new.new_end(b, b_at))):
            if (old_a < old_b and new_a > new_b) or (old_a > old_b and new_a < new_b):
                return False
    return True


def _place_in_order(
    places: Sequence[Place], new: NewText, starts: dict[int, int], fits: list[set[int]]
) -> None:
    """Step 1 again, for a place its one edit left at several shifts (its words recur): at the
    shift of the places carried before it, when that is the only one of its shifts in order
    with them, and the edit could not have been just before it: those places were kept where
    they were, or two of them moved together without it (the one edit moved them by their
    shift and this place with them, or took its words). Most often the last span on
    recurring words. Into ``starts``, in order."""
    for k, fit in enumerate(fits):
        if len(fit) < 2 or k in starts:
            continue
        before = sorted(n for n in starts if n < k)
        if not before:
            continue
        shift = starts[before[-1]] - places[before[-1]].start
        moved_so = [n for n in before if starts[n] - places[n].start == shift]
        if shift != 0 and (len(before) < 2 or moved_so[-2:] != before[-2:]):
            continue
        if shift == 0 and len(moved_so) != len(before):
            continue
        window = _window(places[k], [(places[before[-1]], starts[before[-1]])], new)
        inside = [s for s in fit if new.fits(places[k].words, places[k].start + s, window)]
        if inside == [shift]:
            starts[k] = places[k].start + shift


def _either_side(
    places: Sequence[Place], new: NewText, starts: dict[int, int]
) -> dict[int, set[int]]:
    """End of step 2: the places carried next to a change of shift that the change could have
    left on its other side, taken out of ``starts`` (index -> the two starts that fit). Two places
    carried one after the other at two shifts have a change between them; when one of them,
    and every place between them, also stands at the other one's shift, the change may as well
    lie beyond it. (After one edit, step 1 has most often left such places out already; after
    several, the places step 2 carried between two changes make new ones.)"""
    either: dict[int, set[int]] = {}
    found = True
    while found:
        found = False
        for a, b in pairwise(sorted(starts)):
            a_shift, b_shift = (starts[k] - places[k].start for k in (a, b))
            if a_shift == b_shift:
                continue
            for k, other, side in ((b, a_shift, range(a + 1, b + 1)), (a, b_shift, range(a, b))):
                if all(new.stands(places[m], other) for m in side):
                    either[k] = {starts.pop(k), places[k].start + other}
                    found = True
                    break
            if found:
                break
    return either


def _place_runs(
    places: Sequence[Place], new: NewText, starts: dict[int, int], loose: set[int], singles: bool
) -> None:
    """Step 2: the places no one edit leaves whole (``loose``) placed by runs, into ``starts``:
    one or more of them in a row, between the same two places carried, standing together at
    one shift there and at no other. The longest run of a stretch goes first (one place alone,
    with ``singles``, when its words are there once); the stretches on either side of it are
    looked at again with it placed."""
    placed = sorted(starts)
    todo = list(zip([-1, *placed], [*placed, len(places)], strict=True))
    while todo:
        before, after = todo.pop()
        run = _best_run(places, new, starts, loose, before, after, singles)
        if run is None:
            continue
        first, last, shift = run
        for k in range(first, last + 1):
            starts[k] = places[k].start + shift
            loose.discard(k)
        todo += [(before, first), (last, after)]


def _best_run(
    places: Sequence[Place],
    new: NewText,
    starts: dict[int, int],
    loose: set[int],
    before: int,
    after: int,
    singles: bool,
) -> tuple[int, int, int] | None:
    """The longest run of loose places between the placed places ``before`` and ``after``
    (indices; -1 and ``len(places)``: the text's ends) whose places stand together at one shift
    only, there: its first and last index and its shift. None when there is none."""
    anchors = [(places[k], starts[k]) for k in (before, after) if 0 <= k < len(places)]
    windows = {k: _window(places[k], anchors, new) for k in range(before + 1, after)}
    runs: list[tuple[int, int, int]] = []  # (first, last, shift)
    open_runs: dict[int, int] = {}  # shift -> first index of the run reaching the last place
    for k in range(before + 1, after + 1):
        shifts: set[int] = set()
        if k < after and k in loose:
            shifts = {at - places[k].start for at in new.starts_within(places[k].words, windows[k])}
        runs += [(first, k - 1, shift) for shift, first in open_runs.items() if shift not in shifts]
        open_runs = {shift: open_runs.get(shift, k) for shift in shifts}
    runs = [run for run in runs if singles or run[1] > run[0]]
    runs.sort(key=lambda run: (run[0] - run[1], run[0]))  # the longest first, then in order
    for first, last, shift in runs:
        if _only_shift(places, new, windows, first, last, shift):
            return first, last, shift
    return None


def _only_shift(
    places: Sequence[Place],
    new: NewText,
    windows: dict[int, Window],
    first: int,
    last: int,
    shift: int,
) -> bool:
    """Whether the places ``first`` to ``last`` stand together in their windows at ``shift``
    only (tried at the starts of the one with the fewest)."""
    members = range(first, last + 1)
    rarest = min(members, key=lambda k: len(new.starts_within(places[k].words, windows[k])))
    for at in new.starts_within(places[rarest].words, windows[rarest]):
        other = at - places[rarest].start
        if other != shift and all(
            new.fits(places[k].words, places[k].start + other, windows[k]) for k in members
        ):
            return False
    return True


def _window(place: Place, anchors: Iterable[tuple[Place, int]], new: NewText) -> Window:
    """The new starts and ends ``place`` may take, keeping its order with each placed
    anchor."""
    bounds = [0, _UNBOUNDED, 0, _UNBOUNDED]  # start low, start high, end low, end high
    for anchor, at in anchors:
        edges = ((anchor.start, at), (anchor.end, new.new_end(anchor, at)))
        for old_point, low in ((place.start, 0), (place.end, 2)):
            for old_edge, new_edge in edges:
                # Before it, at or before it; after it, at or after; on it, either way (an
                # insertion at a shared edge may have gone before or after it).
                if old_point < old_edge:
                    bounds[low + 1] = min(bounds[low + 1], new_edge)
                elif old_point > old_edge:
                    bounds[low] = max(bounds[low], new_edge)
    return Window(*bounds)


def _not_found(places: Sequence[Place], new: NewText, starts: dict[int, int], k: int) -> str:
    """Why a place that no one edit leaves whole, and no run placed, is left out."""
    place = places[k]
    placed = sorted(starts)
    index = bisect_left(placed, k)
    neighbours = placed[max(index - 1, 0) : index + 1]
    window = _window(place, [(places[n], starts[n]) for n in neighbours], new)
    inside = new.starts_within(place.words, window)
    if not inside:
        everywhere = _named(new.starts(place.words))
        return f"its words are only at {everywhere}, out of order with the spans around it"
    return f"its words are not where the spans around it put it (they are at {_named(inside)})"


def _named(starts: Sequence[int]) -> str:
    named = ", ".join(str(start) for start in starts[:_STARTS_NAMED])
    more = len(starts) - _STARTS_NAMED
    return f"{named} and {more} more" if more > 0 else named
