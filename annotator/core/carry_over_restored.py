"""Carrying over exactly, when the old text can be had back: text added in one place.

The rules of ``carry_over_places`` place spans without the old text, so where words recur
some are left out that one edit moved for sure ("Kestria" and the "95" after it moved by 10,
a source added before them: the 95 recurs, and an edit taking "Kestria" that put both 225
characters on would read alike). The record keeps the old text's sha256 (``doc_sha256``),
though, and a text changed by text *added* in one place is the new one with those characters
taken out again. So for the first span whose words are no longer at its old offsets, and each
shift on at which it and every span after it stand (a few at most), the texts it could have
come from are tried: that many characters taken out at each offset between the spans before
it still at theirs and it. One whose sha256 is the old text's *is* the old text (a sha256 is
taken not to collide), and every span is carried by it exactly: kept before the text added,
moved by its length after it; left out when the text went inside it, and when its edge now
cuts a word it did not cut ('Norvania' when an 'n' was added after it: the word it marks
changed). Text cut or replaced cannot be had back so (what was there is gone), nor text added
inside the first span that moved: the rules decide then.

Several offsets give the old text when the text added is alike the text next to it ('95 '
added to '95 95': taken out at 0, 3 or 6, or '5 9' at 1); they are found from the one that
matched. A span is carried only where all of them put it, else left out, with why.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from annotator.core.carry_over_places import Placed
from annotator.core.carry_over_text import NewText, Place
from annotator.core.display import quoted
from annotator.core.formats.import_offsets import edge_cut

# How many bytes of text may be hashed in all (each offset tried costs a sha256 of the whole
# text): about a tenth of a second, so that a long gap between spans in a long text is not
# tried through. And the most lengths tried (the first span that moved recurs often).
_BYTES_HASHED = 64_000_000
_LENGTHS_TRIED = 8


def place_restored(places: Sequence[Place], text: str, old_sha256: str) -> Placed | None:
    """Each place of ``places`` (sorted) carried by the old text had back, or left out with
    why; None when it cannot be had back (the rules are left to decide)."""
    added = added_at(places, text, old_sha256)
    if added is None:
        return None
    offsets, length = added
    old = text[: offsets[0]] + text[offsets[0] + length :]
    starts: dict[Place, int] = {}
    ends: dict[Place, int] = {}
    reasons: dict[Place, str] = {}
    for place in places:
        moved = {_moved(place, at, length) for at in offsets}
        fit = sorted(at for at in moved if at is not None)
        if not fit:
            reasons[place] = (
                f"text was added inside it ({length} characters at {offsets[0]}): its words changed"
            )
        elif len(moved) > 1:
            inside = ", or inside it" if None in moved else ""
            reasons[place] = (
                f"the text added ({length} characters) may have gone before or after it{inside}, "
                f"the text there being alike: {', '.join(map(str, fit))} fit"
            )
        elif (cut := _cut_now(old, text, place, fit[0])) is not None:
            reasons[place] = f"its words now run into a word: at {fit[0]} it would cut {cut}"
        else:
            starts[place] = fit[0]
            ends[place] = fit[0] + place.end - place.start
    return Placed(starts, ends, reasons)


def added_at(places: Sequence[Place], text: str, old_sha256: str) -> tuple[list[int], int] | None:
    """Where text was added to the old text to make ``text`` (the offsets, in the old text,
    whose taking out gives it back) and how long it is; None when no text added in one place
    before the first place that moved gives the old text back."""
    new = NewText(text)
    first = next((k for k, place in enumerate(places) if not new.stands(place, 0)), None)
    if first is None:
        return None
    # Added after the places before it that stand where they were, and at or before it.
    low = max((p.end for p in places[:first] if p.end <= places[first].start), default=0)
    high = places[first].start
    lengths = _lengths(places[first:], new)
    if not lengths or len(lengths) > _LENGTHS_TRIED:
        return None
    data = text.encode("utf-8", "surrogatepass")
    top = min(high, low + max(_BYTES_HASHED // (max(len(data), 1) * len(lengths)), 1))
    # Byte offsets of the code points from ``low`` on, as far as an offset tried reaches.
    reach = min(len(text), top + max(lengths))
    before = len(text[:low].encode("utf-8", "surrogatepass"))
    offsets = [before]
    for char in text[low:reach]:
        offsets.append(offsets[-1] + len(char.encode("utf-8", "surrogatepass")))
    view = memoryview(data)
    for length in lengths:
        for at in range(low, top + 1):
            if at + length > reach:
                break
            digest = hashlib.sha256(view[: offsets[at - low]])
            digest.update(view[offsets[at + length - low] :])
            if digest.hexdigest() == old_sha256:
                return _alike(text, at, length), length
    return None


def _alike(text: str, at: int, length: int) -> list[int]:
    """Every offset whose ``length`` characters taken out of ``text`` leave what those at
    ``at`` do: the text added slid over alike text on either side (' 95' after '95' is '95 '
    before it), outside the range of offsets tried too."""
    low = at
    while low > 0 and text[low - 1] == text[low - 1 + length]:
        low -= 1
    high = at
    while high + length < len(text) and text[high] == text[high + length]:
        high += 1
    return list(range(low, high + 1))


def _lengths(places: Sequence[Place], new: NewText) -> list[int]:
    """The shifts on (text added) at which the first of ``places`` and every one after it
    stand."""
    first = places[0]
    shifts = {at - first.start for at in new.starts(first.words) if at > first.start}
    for place in places[1:]:
        if not shifts:
            break
        shifts = {shift for shift in shifts if new.stands(place, shift)}
    return sorted(shifts)


def _cut_now(old: str, text: str, place: Place, start: int) -> str | None:
    """What ``place`` carried to ``start`` would cut that it did not cut in the old text, said
    (``the word 'Norvanian'``: a letter added after 'Norvania', the word it marks changed);
    None: nothing."""
    end = start + place.end - place.start
    for old_edge, new_edge in ((place.start, start), (place.end, end)):
        cut = edge_cut(text, new_edge)
        if cut is not None and edge_cut(old, old_edge) is None:
            return f"the {cut[0]} {quoted(cut[1])}"
    return None


def _moved(place: Place, at: int, length: int) -> int | None:
    """Where ``place`` starts once ``length`` characters are added at ``at`` of the old text;
    None: they went inside it."""
    if place.end <= at:
        return place.start
    if place.start >= at:
        return place.start + length
    return None
