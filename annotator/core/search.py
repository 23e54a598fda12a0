"""Finding what was typed in a document's text: the search of the annotation screen.

A match is where the query and the text fold alike (``search_fold``: case, accents, quotes and
dashes, invisible format characters and how much whitespace parts words do not matter). A query
with a space is looked for in a second folded form too, where a zero-width space or U+FEFF
between words is a space (``search_fold.folded_spaced``); the matches of both come merged, each
once.

Offsets are code points into the original text, end exclusive, and a match starts and ends
only between two whole characters (``tokens.character_pattern``): "Rene" finds "Rene\\u0301e"'s
"Rene\\u0301" with its accent, never the e without it, nor part of an emoji sequence. It never
starts or ends with what folds to nothing (a zero-width space), unless that belongs to the
character before it (a joiner after a letter, as an accent does); a space typed at either end
takes the whole run of whitespace there. The folded text is built once per text; then each
search is a ``str.find`` and a few bisections.

Whole words first (``find_match``) asks whether the query stands as a word anywhere in the text.
Asking the tokenizer of every match took 0.4 s for ``e`` in 1 MB (100,000 matches, none a
word): the regex module instead finds the matches not glued to a letter or digit on either side
in the folded text, and only those (and the few beside a character that does not fold one to
one) go to the tokenizer; the answer is kept per text and query (``bench.search_words``).
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterator
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

from annotator.core.display import display_text
from annotator.core.search_fold import Folded as _Folded
from annotator.core.search_fold import end_in_text, fold, folded_spaced, key_at, start_in_text
from annotator.core.search_fold import folded as _folded
from annotator.core.tokens import tokens_near

_JOINERS = "\u200c\u200d"  # they end a character as a mark does (tokens.continuing_class)

__all__ = ["COUNTED_AT_MOST", "Found", "find_counted", "find_match", "fold", "matches"]


def _matches(folded: _Folded, needle: str, key_offset: int) -> Iterator[tuple[int, int]]:
    key = folded.key
    found = key.find(needle, key_offset)
    while found != -1:
        start = start_in_text(folded, found)
        end = end_in_text(folded, found + len(needle))
        if start is not None and end is not None:
            yield start, end
        found = key.find(needle, found + 1)


def _keys(text: str, needle: str) -> list[_Folded]:
    """The folded forms of ``text`` to look for ``needle`` in: with a space in it, the one
    where a zero-width space or U+FEFF between words is a space too
    (``search_fold.folded_spaced``)."""
    spaced = folded_spaced(text) if " " in needle else None
    return [_folded(text)] if spaced is None else [_folded(text), spaced]


def _found(
    text: str, needle: str, whole: bool, from_key: Callable[[_Folded], int]
) -> Iterator[tuple[int, int]]:
    """The matches of ``needle`` (whole words only, with ``whole``) in each folded form of
    ``text``, from ``from_key`` of each on, merged in order, each once."""
    streams = [
        _whole_words(text, key, needle, from_key(key))
        if whole
        else _matches(key, needle, from_key(key))
        for key in _keys(text, needle)
    ]
    if len(streams) == 1:
        return streams[0]
    return _each_once(heapq.merge(*streams))


def _each_once(found: Iterator[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    last = None
    for match in found:
        if match != last:
            yield match
        last = match


def matches(text: str, query: str) -> Iterator[tuple[int, int]]:
    """Every match of ``query`` in ``text`` as (start, end) offsets, in order (overlaps too)."""
    needle = fold(query)
    if not needle:
        return iter(())
    return _found(text, needle, False, lambda key: 0)


def find_match(
    text: str, query: str, cursor: int, after: int | None = None
) -> tuple[int, int] | None:
    """The match the search goes to: the first one that ends at or after ``cursor`` (so the
    match the cursor is in, or just after, as it is once a span is labelled); with ``after``
    (the start of the match the same search found last, the cursor still at its end), the
    first that starts after it, so enter again goes to the next one. Past the last match, the
    first one in the text; None when there is none.

    Whole words first: while the text holds the query as a word somewhere, only such matches
    count ("Norvania" goes to the country, never into "Norvanian": a trial labelled the longer
    word, the selection snapping to it); a query found only inside words finds those."""
    needle = fold(query)
    if not needle:
        return None
    whole = _has_whole_word(text, needle)
    if after is not None:
        found = next(_found(text, needle, whole, lambda key: key_at(key, after) + 1), None)
    else:
        # A match ending at or after the cursor starts at most len(needle) before it.
        from_cursor = _found(
            text, needle, whole, lambda key: max(0, key_at(key, cursor) - len(needle))
        )
        found = next((m for m in from_cursor if m[1] >= cursor), None)
    return found if found is not None else next(_found(text, needle, whole, lambda key: 0), None)


class Found(NamedTuple):
    """A match the search went to, and where it stands among the matches it goes through (whole
    words only, while the text holds the query as one): ``place`` of ``total``, 1 the first in
    the text. ``wrapped``: there was none after the cursor, or after the match found last, and
    the search went back to the top (a trial's enter went there with nothing said).

    Matches are counted up to ``COUNTED_AT_MOST``: ``more`` says there are more, and ``place``
    is None for a match past those counted."""

    start: int
    end: int
    place: int | None
    total: int
    wrapped: bool
    more: bool = False

    def said(self, query: str) -> str:
        """What enter says of it: ``match 2 of 7 for 'kestria'``."""
        total = f"over {self.total:,}" if self.more else f"{self.total:,}"
        # As the article draws it: an emoji's VS16 (🏳️) is two cells in some terminals and
        # one in others, and pushed the line's border out by one in the former.
        shown = display_text(query)
        if self.place is None:
            place = f"a match past the first {self.total:,} for {shown!r}"
        else:
            place = f"match {self.place:,} of {total} for {shown!r}"
        return f"search wrapped to the top: {place}" if self.wrapped else place


# Counting every match of ``e`` in a 1 MB article took 60 ms on enter, in the event loop; the
# first thousand are counted in well under a millisecond, and more than that is a number no
# one steps through.
COUNTED_AT_MOST = 1000


def find_counted(text: str, query: str, cursor: int, after: int | None = None) -> Found | None:
    """``find_match``, with the match's place among them (up to ``COUNTED_AT_MOST``) and whether
    it wrapped: what the search line says ("2 of 7"). The matches are found once per text and
    query (kept: enter again costs a bisection)."""
    found = find_match(text, query, cursor, after)
    if found is None:
        return None
    start, end = found
    starts, more = _match_starts(text, fold(query))
    # find_match goes back to the first match only when none starts after ``after``, or, with
    # no ``after``, none ends at or after the cursor: the first then does not either.
    wrapped = start <= after if after is not None else end < cursor
    counted = not more or start <= starts[-1]
    place = bisect_left(starts, start) + 1 if counted else None
    return Found(start, end, place, len(starts), wrapped, more)


@lru_cache(maxsize=8)
def _match_starts(text: str, needle: str) -> tuple[list[int], bool]:
    """Where each match the search goes through starts, in order (see ``find_match``), the
    first ``COUNTED_AT_MOST``, and whether there are more."""
    matches = _found(text, needle, _has_whole_word(text, needle), lambda key: 0)
    starts = [start for start, _end in islice(matches, COUNTED_AT_MOST + 1)]
    more = len(starts) > COUNTED_AT_MOST
    return starts[:COUNTED_AT_MOST], more


@lru_cache(maxsize=16)
def _has_whole_word(text: str, needle: str) -> bool:
    """Whether ``needle`` (folded) stands as a whole word anywhere in ``text``; kept, as enter
    is pressed again and again with one query."""
    return next(_found(text, needle, True, lambda key: 0), None) is not None


def _whole_words(
    text: str, folded: _Folded, needle: str, key_offset: int
) -> Iterator[tuple[int, int]]:
    """The matches of ``needle`` from ``key_offset`` of the folded text on that are whole words
    (``_whole_word``), in order: those of ``_matches`` that are."""
    for start_key in _word_edge_starts(folded, needle, key_offset):
        start = start_in_text(folded, start_key)
        end = end_in_text(folded, start_key + len(needle))
        if start is not None and end is not None and _whole_word(text, start, end):
            yield start, end


# How much of the folded text is looked at in one go for whole words: the first match from the
# cursor is usually near it.
_WINDOW = 8192


def _word_edge_starts(folded: _Folded, needle: str, key_offset: int) -> Iterator[int]:
    """Where ``needle`` starts in the folded text, from ``key_offset`` on, in order, wherever the
    match may be a whole word: every such match, and a few more for ``_whole_word`` to refuse.

    Inside a run that folds one code point to one, a letter or digit of the folded text is one
    of the text (tests check it) and no joiner or mark is there: a match beginning with a letter
    or digit right after one, or ending with one right before one, cuts a word (the tokenizer
    never parts two such code points), and ``_edge_pattern`` leaves it out. Next to or inside
    another character (an accent written apart, an emoji, a "ß") nothing is left out."""
    key, size = folded.key, len(needle)
    pattern = _edge_pattern(needle)
    pending = pattern.search(key, key_offset)
    window = key_offset
    while window <= len(key) - size:
        stop = window + _WINDOW
        starts = set(_starts_beside_other_characters(folded, needle, window, stop))
        while pending is not None and pending.start() < stop:
            starts.add(pending.start())
            pending = pattern.search(key, pending.start() + 1)
        yield from sorted(starts)
        window = stop


@lru_cache(maxsize=16)
def _edge_pattern(needle: str) -> re.Pattern[str]:
    # The needle comes first, so the regex module looks for it as a literal (a look-behind
    # first made the scan eight times slower); the look-behind then reads the code point before.
    pattern = re.escape(needle)
    if needle[0].isalnum():
        pattern += f"(?<![^\\W_](?s:.){{{len(needle)}}})"
    if needle[-1].isalnum():
        pattern += r"(?![^\W_])"
    return re.compile(pattern)


def _starts_beside_other_characters(
    folded: _Folded, needle: str, low: int, high: int
) -> Iterator[int]:
    """The starts in [low, high) of the folded text of the matches of ``needle`` that begin or
    end inside or at either edge of a character that does not fold one to one (a run of
    whitespace aside: its one space is what ``_edge_pattern`` reads there)."""
    key, size, key_starts, others = folded.key, len(needle), folded.key_starts, folded.others
    first = bisect_left(others, bisect_left(key_starts, low) - 1)
    for index in islice(others, first, None):
        segment_start = key_starts[index]
        if segment_start > high + size:
            break
        for edge in range(segment_start, key_starts[index + 1] + 1):
            for start in (edge, edge - size):
                if low <= start < high and key.startswith(needle, start):
                    yield start


def _in_a_word(character: str) -> bool:
    return character.isalnum() or unicodedata.category(character).startswith("M")


def _whole_word(text: str, start: int, end: int) -> bool:
    """Whether the match cuts no word, words as labelling snaps to them (``tokens``: "1,200",
    "Kestria-backed", "O'Connell" and "10:30" are each one): where it begins or ends with a
    letter or digit, a word begins or ends there too."""
    near = tokens_near(text, start, end)
    if not near:
        return True
    cut_before = near[0].start < start and _in_a_word(text[start])
    # A joiner after the last letter is part of that letter's character, and of its word.
    last = end - 1
    while last > start and text[last] in _JOINERS:
        last -= 1
    cut_after = near[-1].end > end and _in_a_word(text[last])
    return not (cut_before or cut_after)
