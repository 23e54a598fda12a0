"""Carrying a stale record over to the document's new text, span by span, never blindly.

A record is stale when the text it was made for changed (``doc_sha256`` differs): a typo fixed
in the corpus shifts every offset after it. The old text is not kept anywhere, so each span is
placed anew from what the record holds: its words (``text``) and its old offsets. The rule, in
order (offsets are code points, end exclusive):

1. **Kept.** A span whose words still stand at its old offsets keeps them, when its words
   are once in the new text, or the span before or after it (in old order; spans on the same
   offsets count as one) stands at its old offsets too, or it is the only one. Else (a short
   word that a shift brought to the same offsets, its neighbours moved) it is placed as the
   others are, its old offsets being one candidate among its words' places.
2. **Found.** Every other span is looked for by its words. Edits never reorder a text, so a
   span can only be where its order with the spans already placed (the *anchors*) is kept:
   for each boundary of the span and each boundary of an anchor, old ``p < q`` requires new
   ``p <= q`` (and ``p > q`` requires ``p >= q``). The places where its words occur in that
   window are its candidates (a place where its words would run into a word, 'is' in 'This',
   only when all are). A span with exactly one candidate is placed there and becomes an
   anchor itself. Spans on the same words (two marked ``Kestria``) are placed together when
   as many places fit them as they have old starts: edits keep their order, so the first old
   start takes the first place, and so on. This is repeated until no span is placed.
3. **By the shift.** For a span with several candidates, the shifts of its nearest anchors
   before and after (by old start: ``new start - old start``; with no anchor before it, the
   text's start, shift 0) say where it would be had the edit been on one side of it or the
   other: a candidate at exactly one such place is taken (and step 2 is tried again with
   the new anchor). When that places none either, the shift that the most unplaced spans
   (two at least, on two places of words) have a candidate at, more than any other shift,
   is taken for each of them: a line added near the top moves every span after it by one
   shift, though each span's words ("95", "Kestria") recur. Otherwise two candidates that
   fit, or none at an expected place, is ambiguous.
4. **Left out.** A span still not placed is left out and named with its words, its old offsets
   and why: its words are not in the text, they are only out of order with the spans around
   it, or several places fit. A guess is never made.

The result (``CarriedOver``) is a new Record for the new text with the same span ids, values,
form, note and flag; links to spans left out are dropped and named (the form keeps their value
as if typed). Its status is ``in_progress`` (the annotator should look again) unless every span
kept its offsets. Carried spans whose edge falls inside a word (``Norvania`` in a text that
now says ``Norvanian``) are named too: their words still stand there, but the text around them
changed. Every carried span's words are checked against the new text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.core.display import quoted
from annotator.core.errors import AnnotatorError
from annotator.core.forms import path_words
from annotator.core.models import Record, Span, sha256_text
from annotator.core.spans import sort_key

# How many places an ambiguous span's reason lists (the rest are counted).
_PLACES_NAMED = 3


@dataclass(frozen=True)
class Moved:
    """A span found at new offsets: ``span`` as carried, and where it was."""

    span: Span
    old_start: int
    old_end: int


@dataclass(frozen=True)
class LeftOut:
    """A span not carried: ``span`` as the stale record holds it (old offsets), and why."""

    span: Span
    reason: str


@dataclass(frozen=True)
class DroppedLink:
    """A form field's link to a span left out: the field keeps its value, typed."""

    path: str
    span_id: str


@dataclass(frozen=True)
class CarriedOver:
    """A stale record carried over to a new text, and what became of each span."""

    record: Record
    kept: tuple[Span, ...]  # at their old offsets
    moved: tuple[Moved, ...]
    left_out: tuple[LeftOut, ...]
    dropped_links: tuple[DroppedLink, ...]
    in_words: tuple[Span, ...]  # carried, an edge now inside a word or a character

    @property
    def carried(self) -> int:
        return len(self.kept) + len(self.moved)

    @property
    def unchanged(self) -> bool:
        """Every span kept its offsets (the record keeps its status)."""
        return not self.moved and not self.left_out

    def summary(self) -> str:
        """One line: ``5 of 7 spans carried (2 moved), 2 left out``."""
        total = self.carried + len(self.left_out)
        moved = f" ({len(self.moved)} moved)" if self.moved else ""
        left = f", {len(self.left_out)} left out" if self.left_out else ""
        return f"{self.carried} of {total} span{'' if total == 1 else 's'} carried{moved}{left}"

    def lines(self) -> list[str]:
        """The report: the summary, then each span moved or left out, each link dropped, and
        each carried span whose edge is now inside a word."""
        said = [self.summary()]
        said += [
            f"moved {m.span.id} {quoted(m.span.text)} from {m.old_start} to {m.span.start}"
            for m in self.moved
        ]
        said += [
            f"left out {out.span.id} {out.span.label} {quoted(out.span.text)} "
            f"(was at {out.span.start}–{out.span.end}): {out.reason}"
            for out in self.left_out
        ]
        said += [
            f"link dropped: {path_words(link.path)} from {link.span_id} (left out); "
            "its value stays, as typed"
            for link in self.dropped_links
        ]
        said += [
            f"{span.id} {quoted(span.text)} at {span.start} cuts into a word here: look at it"
            for span in self.in_words
        ]
        return said


def carry_over(stale: Record, text: str) -> CarriedOver:
    """``stale`` placed on ``text`` by the module's rule (see its docstring)."""
    spans = sorted(stale.spans, key=sort_key)
    placed = _standing(spans, text)  # span id -> new start
    _place_all(spans, text, placed)
    kept, moved, left_out, carried = [], [], [], []
    for span in stale.spans:
        start = placed.get(span.id)
        if start is None:
            left_out.append(LeftOut(span, _why_not(span, spans, text, placed)))
            continue
        new = span.model_copy(update={"start": start, "end": start + len(span.text)})
        carried.append(new)
        if start == span.start:
            kept.append(new)
        else:
            moved.append(Moved(new, span.start, span.end))
    gone = {out.span.id for out in left_out}
    links, dropped = _links_without(stale.links, gone)
    status = stale.status if not moved and not left_out else "in_progress"
    fields: dict[str, Any] = dict(stale)
    fields.update(
        doc_sha256=sha256_text(text),
        status=status,
        spans=sorted(carried, key=sort_key),
        links=links,
    )
    record = type(stale).model_validate(fields)
    _check_words(record, text)
    in_words = tuple(span for span in record.spans if _in_word(text, span.start, span.end))
    return CarriedOver(record, tuple(kept), tuple(moved), tuple(left_out), dropped, in_words)


def _standing(spans: Sequence[Span], text: str) -> dict[str, int]:
    """Step 1: the spans kept at their old offsets, by places (spans on the same offsets
    together) in old order. A place whose words stand at its offsets is kept when its words
    are once in the text, or the place before or after it stands too, or it is the only one:
    a short word ('s', 'of') standing where it was while the places around it all moved is
    most often another one that the shift brought there."""
    words = {(span.start, span.end): span.text for span in spans}
    places = sorted(words)
    stands = [
        text[start : start + len(words[start, end])] == words[start, end] for start, end in places
    ]
    kept = set()
    for index, place in enumerate(places):
        beside = (index > 0 and stands[index - 1]) or (
            index + 1 < len(places) and stands[index + 1]
        )
        once = stands[index] and len(_occurrences(text, words[place])) == 1
        if stands[index] and (beside or once or len(places) == 1):
            kept.add(place)
    return {span.id: span.start for span in spans if (span.start, span.end) in kept}


def _place_all(spans: Sequence[Span], text: str, placed: dict[str, int]) -> None:
    """Steps 2 and 3: place what can be placed without a guess, in ``placed``."""
    while (
        _place_in_order(spans, text, placed)
        or _place_by_shift(spans, text, placed)
        or _place_by_common_shift(spans, text, placed)
    ):
        pass


def _place_in_order(spans: Sequence[Span], text: str, placed: dict[str, int]) -> bool:
    """Step 2, for each set of unplaced spans on the same words (one span, most often): as
    many places fit them as they have old starts, so each start takes its place in order.
    Whether any span was placed."""
    progress = False
    for words in dict.fromkeys(span.text for span in spans if span.id not in placed):
        group = [span for span in spans if span.text == words and span.id not in placed]
        fits = {span.id: _candidates(span, spans, text, placed) for span in group}
        old_starts = sorted({span.start for span in group})
        new_starts = sorted({start for found in fits.values() for start in found})
        if len(new_starts) != len(old_starts):
            continue
        taken = dict(zip(old_starts, new_starts, strict=True))
        if all(taken[span.start] in fits[span.id] for span in group):
            placed.update((span.id, taken[span.start]) for span in group)
            progress = True
    return progress


def _place_by_shift(spans: Sequence[Span], text: str, placed: dict[str, int]) -> bool:
    """Step 3: the first span with one candidate at a place a neighbour's shift gives is
    placed there (step 2 is then tried again with it). Whether one was."""
    for span in spans:
        if span.id in placed:
            continue
        expected = _expected(span, spans, placed)
        fitting = [c for c in _candidates(span, spans, text, placed) if c in expected]
        if len(fitting) == 1:
            placed[span.id] = fitting[0]
            return True
    return False


def _place_by_common_shift(spans: Sequence[Span], text: str, placed: dict[str, int]) -> bool:
    """Step 3, when nothing else places a span: the shift that the most unplaced spans have a
    candidate at (at least two places of words, more than any other shift has) is taken for
    each of them. Whether any span was placed."""
    unplaced = [span for span in spans if span.id not in placed]
    votes: dict[int, set[tuple[int, int]]] = {}
    for span in unplaced:
        for start in _candidates(span, spans, text, placed):
            votes.setdefault(start - span.start, set()).add((span.start, span.end))
    ranked = sorted(((len(voters), shift) for shift, voters in votes.items()), reverse=True)
    if not ranked or ranked[0][0] < 2 or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return False
    shift = ranked[0][1]
    progress = False
    for span in unplaced:  # one by one: each keeps its order with those placed before it
        if span.start + shift in _candidates(span, spans, text, placed):
            placed[span.id] = span.start + shift
            progress = True
    return progress


def _window(span: Span, spans: Iterable[Span], placed: dict[str, int]) -> tuple[int, int]:
    """The new starts ``span`` may take, keeping its order with every placed span."""
    length = len(span.text)
    low, high = 0, 1 << 62
    for anchor in spans:
        new_start = placed.get(anchor.id)
        if new_start is None or anchor.id == span.id:
            continue
        new_end = new_start + len(anchor.text)
        for old_point, offset in ((span.start, 0), (span.end, length)):
            for old_edge, new_edge in ((anchor.start, new_start), (anchor.end, new_end)):
                # old_point < old_edge: new point <= new_edge; > : >=; equal: either way (an
                # insertion at a shared edge may have gone before or after it).
                if old_point < old_edge:
                    high = min(high, new_edge - offset)
                elif old_point > old_edge:
                    low = max(low, new_edge - offset)
    return low, high


def _candidates(span: Span, spans: Iterable[Span], text: str, placed: dict[str, int]) -> list[int]:
    """The starts in the window where ``span``'s words stand; those where they would run
    into a word ('is' in 'This') only when every one would."""
    low, high = _window(span, spans, placed)
    found = [start for start in _occurrences(text, span.text) if low <= start <= high]
    whole = [start for start in found if not _in_word(text, start, start + len(span.text))]
    return whole or found


def _occurrences(text: str, words: str) -> list[int]:
    """Every start of ``words`` in ``text`` (overlapping ones too)."""
    found = []
    start = text.find(words)
    while start != -1:
        found.append(start)
        start = text.find(words, start + 1)
    return found


def _expected(span: Span, spans: Sequence[Span], placed: dict[str, int]) -> set[int]:
    """Where ``span`` starts if it moved as its nearest placed span before or after it did
    (with none before it, as the text's start: not at all)."""
    before = [s for s in spans if s.id in placed and s.id != span.id and s.start <= span.start]
    after = [s for s in spans if s.id in placed and s.id != span.id and s.start >= span.start]
    expected = {span.start}
    if before:
        nearest = max(before, key=lambda s: s.start)
        expected = {span.start + placed[nearest.id] - nearest.start}
    if after:
        nearest = min(after, key=lambda s: s.start)
        expected.add(span.start + placed[nearest.id] - nearest.start)
    return expected


def _why_not(span: Span, spans: Sequence[Span], text: str, placed: dict[str, int]) -> str:
    everywhere = _occurrences(text, span.text)
    if not everywhere:
        return "its words are no longer in the text"
    fitting = _candidates(span, spans, text, placed)
    if not fitting:
        return f"its words are only at {_places(everywhere)}, out of order with the spans around it"
    return f"{len(fitting)} places fit ({_places(fitting)}): which one is not sure"


def _places(starts: list[int]) -> str:
    named = ", ".join(str(start) for start in starts[:_PLACES_NAMED])
    more = len(starts) - _PLACES_NAMED
    return f"{named} and {more} more" if more > 0 else named


def _links_without(
    links: dict[str, list[str]], gone: set[str]
) -> tuple[dict[str, list[str]], tuple[DroppedLink, ...]]:
    """``links`` without the spans ``gone``, a field left with none losing its entry."""
    kept: dict[str, list[str]] = {}
    dropped: list[DroppedLink] = []
    for path, span_ids in links.items():
        dropped += [DroppedLink(path, span_id) for span_id in span_ids if span_id in gone]
        remaining = [span_id for span_id in span_ids if span_id not in gone]
        if remaining:
            kept[path] = remaining
    return kept, tuple(dropped)


def _check_words(record: Record, text: str) -> None:
    """Every carried span's words are the text's at its offsets (a wrong place is a bug)."""
    for span in record.spans:
        if text[span.start : span.end] != span.text:
            raise AnnotatorError(
                f"{record.doc_id}: carrying {span.id} over put it at {span.start}–{span.end}, "
                f"where the text is {text[span.start : span.end]!r}, not {span.text!r}"
            )


def _in_word(text: str, start: int, end: int) -> bool:
    """Whether an edge of ``text[start:end]`` falls between two letters or digits, or before
    a mark that belongs to the character before it (a combining accent)."""

    def joined(left: str, right: str) -> bool:
        if unicodedata.category(right) in ("Mn", "Mc", "Me"):
            return True
        return left.isalnum() and right.isalnum()

    at_start = start > 0 and joined(text[start - 1], text[start])
    at_end = end < len(text) and joined(text[end - 1], text[end])
    return at_start or at_end
