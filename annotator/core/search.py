"""Finding what was typed in a document's text: the search of the annotation screen.

Annotators type on plain keyboards, often over SSH, so a match ignores what such a keyboard
cannot type easily. Both the query and the text are folded the same way (``fold``), and a match
is where the folds are equal:

- case: Unicode's canonical caseless form (D145, ``NFD(casefold(NFD(x)))``), so "Renée" typed
  with a precomposed ``é`` finds "Rene\\u0301e" written with a combining accent, and back;
- accents: after NFD the marks placed above, below or through a letter (canonical combining
  class 200 or more: the accents of Latin, Greek, Cyrillic, Vietnamese) are dropped, and the
  letters with a stroke ł ø đ ħ and a dotless ı are read as l o d h i. "Jozef" finds "Józef";
  as both sides fold alike, "Józef" also finds "Jozef". Marks that make another letter or
  sound (viramas, nuktas, kana voicing, vowel signs and points, overlays as in "≠") are kept;
- quotes and dashes: ' ‘ ’ ‚ ‛ ʼ ′ are one, " “ ” „ ‟ ″ are one, - ‐ ‑ ‒ – — ― − are one;
- whitespace: a tab, a line break, a no-break, thin or other space is a space (one for one:
  two spaces are still two).

Offsets are code points into the original text, end exclusive, and a match starts and ends
only between two whole characters (``tokens.character_pattern``): "Rene" finds "Rene\\u0301e"'s
"Rene\\u0301" with its accent, never the e without it, nor part of an emoji sequence.

The folded text is built once per text (a few are kept): runs of code points that fold one to
one (most of any article, accented letters written precomposed too) are mapped by arithmetic,
the other characters one by one: a 1 MB article's first search takes about 0.15 s, and then
each one a ``str.find`` and a few bisections.

Whole words first (``find_match``) asks whether the query stands as a word anywhere in the text.
Asking the tokenizer of every match took 0.4 s for ``e`` in 1 MB (100,000 matches, none a
word): the regex module instead finds the matches not glued to a letter or digit on either side
in the folded text, and only those (and the few beside a character that does not fold one to
one) go to the tokenizer; the answer is kept per text and query (``bench.search_words``).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import cache, lru_cache
from itertools import islice
from typing import NamedTuple

from annotator.core.tokens import (
    character_pattern,
    code_ranges,
    continuing_pattern,
    mark_ranges,
    tokens_near,
)

_JOINERS = "\u200c\u200d"  # they continue a character as marks do (tokens.continuing_class)
_PLANE_1 = 0x10000  # the first code point above the Basic Multilingual Plane


# What a plain keyboard types for each: one code point for one, so the fold keeps lengths.
_SAME_AS = {
    "'": "\u2018\u2019\u201a\u201b\u02bc\u2032",
    '"': "\u201c\u201d\u201e\u201f\u2033",
    "-": "\u2010\u2011\u2012\u2013\u2014\u2015\u2212",
    # A tab or line break pasted into an article, a no-break or thin space (NFD makes the
    # quads en and em spaces): a trial's "11 civilian officials" was "not in this article",
    # its words parted by a tab.
    " ": "\t\n\x0b\x0c\r\x85\u00a0\u1680\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000",
    "l": "\u0142",  # these letters' strokes are part of them, not a mark NFD takes apart
    "o": "\u00f8",
    "d": "\u0111",
    "h": "\u0127",
    "i": "\u0131",
}
# Accents (combining class 200 or more) are all below U+20000; tests check it for this Python.
_ACCENTS_BELOW = 0x20000


@cache
def _fold_table() -> dict[int, int | None]:
    table: dict[int, int | None] = {
        ord(other): ord(plain) for plain, others in _SAME_AS.items() for other in others
    }
    combining = unicodedata.combining
    table.update(
        dict.fromkeys(code for code in range(_ACCENTS_BELOW) if combining(chr(code)) >= 200)
    )
    return table


def fold(text: str) -> str:
    """``text`` as the search compares it: equal for text a reader would call equal whatever
    its case and accents, and its quotes and dashes straight or curly (the module's docstring)."""
    caseless = unicodedata.normalize("NFD", unicodedata.normalize("NFD", text).casefold())
    return caseless.translate(_fold_table())


class _Folded(NamedTuple):
    """A text's folded form, in segments: each is a run of characters that fold one code point
    to one (``linear``), or a single character whose fold has any length."""

    key: str
    text_starts: list[int]  # each segment's start in the text, then len(text)
    key_starts: list[int]  # the same in ``key``, then len(key)
    linear: list[bool]


def _ranges_body(ranges: list[tuple[int, int]]) -> str:
    return "".join(
        re.escape(chr(low)) + ("" if low == high else "-" + re.escape(chr(high)))
        for low, high in ranges
    )


@cache
def _plain_run() -> re.Pattern[str]:
    # Code points that are characters on their own (no mark or joiner among them) and fold to one
    # code point each ("ß", ligatures, Hangul syllables, lone accents do not); the last one is
    # left out when a mark follows it. The class takes every code point above U+FFFF out, not
    # only the marks, tones, tags and flag halves among them: the regex module tests a class's
    # ranges there one by one for each code point (150 ms a MB with the marks of plane 1), and
    # those code points are rare in an article (each is a character of its own in ``_folded``).
    growing = code_ranges(code for code in range(_PLANE_1) if len(fold(chr(code))) != 1)
    marks = mark_ranges(((0, _PLANE_1),))
    return re.compile(f"[^{_ranges_body(marks + growing)}{_JOINERS}\\U00010000-\\U0010ffff]+")


@lru_cache(maxsize=4)
def _folded(text: str) -> _Folded:
    keys: list[str] = []
    text_starts: list[int] = []
    key_starts: list[int] = []
    linear: list[bool] = []
    length = 0

    def add(start: int, folded: str, one_to_one: bool) -> None:
        nonlocal length
        text_starts.append(start)
        key_starts.append(length)
        linear.append(one_to_one)
        keys.append(folded)
        length += len(folded)

    plain, continuing, character = _plain_run(), continuing_pattern(), character_pattern()
    size = len(text)
    position = 0
    while position < size:
        run = plain.match(text, position)
        if run:
            end = run.end()
            if end < size and continuing.match(text, end):
                end -= 1  # the last code point takes the marks after it: a character below
            if end > position:
                add(position, fold(text[position:end]), True)
                position = end
                continue
        whole = character.match(text, position)
        assert whole is not None  # it matches any code point
        add(position, fold(whole.group()), False)
        position = whole.end()
    text_starts.append(size)
    key_starts.append(length)
    return _Folded("".join(keys), text_starts, key_starts, linear)


def _text_offset(folded: _Folded, key_offset: int) -> int | None:
    """The text offset at ``key_offset`` of the folded text, or None inside a character."""
    index = bisect_right(folded.key_starts, key_offset) - 1
    if index == len(folded.linear):
        return folded.text_starts[index]
    start = folded.key_starts[index]
    if folded.linear[index]:
        return folded.text_starts[index] + key_offset - start
    return folded.text_starts[index] if key_offset == start else None


def _key_offset(folded: _Folded, text_offset: int) -> int:
    """The offset in the folded text of the character boundary at or before ``text_offset``."""
    index = bisect_right(folded.text_starts, text_offset) - 1
    if index == len(folded.linear):
        return folded.key_starts[index]
    start = folded.key_starts[index]
    if folded.linear[index]:
        return start + text_offset - folded.text_starts[index]
    return start


def _matches(folded: _Folded, needle: str, key_offset: int) -> Iterator[tuple[int, int]]:
    key = folded.key
    found = key.find(needle, key_offset)
    while found != -1:
        start = _text_offset(folded, found)
        end = _text_offset(folded, found + len(needle))
        if start is not None and end is not None:
            yield start, end
        found = key.find(needle, found + 1)


def matches(text: str, query: str) -> Iterator[tuple[int, int]]:
    """Every match of ``query`` in ``text`` as (start, end) offsets, in order (overlaps too)."""
    needle = fold(query)
    if not needle:
        return iter(())
    return _matches(_folded(text), needle, 0)


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
    folded = _folded(text)
    if _has_whole_word(text, needle):

        def found_from(key_offset: int) -> Iterator[tuple[int, int]]:
            return _whole_words(text, folded, needle, key_offset)
    else:

        def found_from(key_offset: int) -> Iterator[tuple[int, int]]:
            return _matches(folded, needle, key_offset)

    if after is not None:
        found = next(found_from(_key_offset(folded, after) + 1), None)
    else:
        # A match ending at or after the cursor starts at most len(needle) before it.
        from_key = max(0, _key_offset(folded, cursor) - len(needle))
        found = next((m for m in found_from(from_key) if m[1] >= cursor), None)
    return found if found is not None else next(found_from(0), None)


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
        if self.place is None:
            place = f"a match past the first {self.total:,} for {query!r}"
        else:
            place = f"match {self.place:,} of {total} for {query!r}"
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
    folded = _folded(text)
    if _has_whole_word(text, needle):
        matches = _whole_words(text, folded, needle, 0)
    else:
        matches = _matches(folded, needle, 0)
    starts = [start for start, _end in islice(matches, COUNTED_AT_MOST + 1)]
    more = len(starts) > COUNTED_AT_MOST
    return starts[:COUNTED_AT_MOST], more


@lru_cache(maxsize=16)
def _has_whole_word(text: str, needle: str) -> bool:
    """Whether ``needle`` (folded) stands as a whole word anywhere in ``text``; kept, as enter
    is pressed again and again with one query."""
    return next(_whole_words(text, _folded(text), needle, 0), None) is not None


def _whole_words(
    text: str, folded: _Folded, needle: str, key_offset: int
) -> Iterator[tuple[int, int]]:
    """The matches of ``needle`` from ``key_offset`` of the folded text on that are whole words
    (``_whole_word``), in order: those of ``_matches`` that are."""
    for start_key in _word_edge_starts(folded, needle, key_offset):
        start = _text_offset(folded, start_key)
        end = _text_offset(folded, start_key + len(needle))
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
    end inside or at either edge of a character that does not fold one to one."""
    key, size, key_starts = folded.key, len(needle), folded.key_starts
    first = max(0, bisect_left(key_starts, low) - 1)
    for index in range(first, len(folded.linear)):
        segment_start = key_starts[index]
        if segment_start > high + size:
            break
        if folded.linear[index]:
            continue
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
    cut_after = near[-1].end > end and _in_a_word(text[end - 1])
    return not (cut_before or cut_after)
