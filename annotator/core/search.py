"""Finding what was typed in a document's text: the search of the annotation screen.

A match is a canonical caseless match (Unicode's D145: ``NFD(casefold(NFD(x)))`` of both
sides are equal), so "Renée" typed with a precomposed ``é`` finds "Rene\\u0301e" written with a
combining accent, and the other way round; case never matters. Offsets are code points into the
original text, end exclusive, and a match starts and ends only between two whole characters
(``tokens.character_pattern``): it never takes a letter without its accent ("Rene" does not
find the start of "Rene\\u0301e") nor part of an emoji sequence.

The folded text is built once per text (a few are kept): runs of code points that fold one to
one (most of any article) are mapped by arithmetic, the other characters one by one, so the
search costs a ``str.find`` and a few bisections.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import NamedTuple

from annotator.core.tokens import (
    character_pattern,
    code_ranges,
    continuing_class,
    continuing_pattern,
)

_SPECIAL_BODY = "\u200c\u200d\U0001f1e6-\U0001f1ff"  # joiners and regional indicators


def fold(text: str) -> str:
    """The canonical caseless form of ``text``: equal for text a reader would call equal."""
    return unicodedata.normalize("NFD", unicodedata.normalize("NFD", text).casefold())


class _Folded(NamedTuple):
    """A text's folded form, in segments: each is a run of characters that fold one code point
    to one (``linear``), or a single character whose fold has any length."""

    key: str
    text_starts: list[int]  # each segment's start in the text, then len(text)
    key_starts: list[int]  # the same in ``key``, then len(key)
    linear: list[bool]


# Folds that are not one code point (precomposed letters, "ß", ligatures, Hangul syllables)
# are all below U+20000; scanning only those costs about 35 ms instead of 190 ms for all of
# Unicode (tests check the two scans agree for this Python).
_GROWING_BELOW = 0x20000


def growing_ranges(limit: int = _GROWING_BELOW) -> list[tuple[int, int]]:
    """Inclusive ranges of the code points below ``limit`` whose fold is not one code point."""
    return code_ranges(code for code in range(limit) if len(fold(chr(code))) != 1)


@cache
def _plain_run() -> re.Pattern[str]:
    # Code points that are characters on their own (no mark, joiner or flag half among them) and
    # fold to one code point each; the last one is left out when a mark follows it.
    growing = "".join(
        re.escape(chr(low)) + ("" if low == high else "-" + re.escape(chr(high)))
        for low, high in growing_ranges()
    )
    return re.compile(f"[^{continuing_class()}{_SPECIAL_BODY}{growing}]+")


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
    first one in the text; None when there is none."""
    needle = fold(query)
    if not needle:
        return None
    folded = _folded(text)
    if after is not None:
        found = next(_matches(folded, needle, _key_offset(folded, after) + 1), None)
    else:
        # A match ending at or after the cursor starts at most len(needle) before it.
        from_key = max(0, _key_offset(folded, cursor) - len(needle))
        found = next((m for m in _matches(folded, needle, from_key) if m[1] >= cursor), None)
    return found if found is not None else next(_matches(folded, needle, 0), None)
