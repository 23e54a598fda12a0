"""Token and character categories: what token kappa and character alpha compare.

A token's (or character's) category in one record is the labels of the spans covering it,
joined in sorted order (``actor+releasee``), or ``O`` when no span does. A span covers a token
when they share at least one character. Tokens are those of ``tokens.tokenize``.

Both figures run over every token and character of thousands of articles, so neither walks a
text token by token:

- Tokenization is local (see ``tokens``): the tokens of a text are those of its
  whitespace-free chunks, each tokenized alone. The number of tokens of a text is the sum over
  its chunks, and ``TokenCounts`` remembers each distinct chunk's count (words repeat across a
  corpus). Only the tokens of the stretches that spans cover are listed (``covered_tokens``,
  from each distinct chunk's tokens, ``ChunkTokens``); every other token is ``O`` for everyone.
- For characters, a text is cut at every span edge; within a piece every record's category is
  the same, so each piece is one unit of values weighted by its length (``add_char_units``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import partial
from typing import Any

from annotator.core.alpha import Coincidences
from annotator.core.annotation import SpanView
from annotator.core.tokens import chunk_start, tokenize

OUTSIDE = "O"
_CACHE_LIMIT = 200_000
_CHUNK = re.compile(r"\S+")
# The rest of a chunk from an offset: ``tokens.chunk_end`` (``\S`` is ``not str.isspace``).
_CHUNK_REST = re.compile(r"\S*")


def _join(category: str | None, label: str) -> str:
    """``category`` with ``label`` added (categories are sorted, ``+``-joined label sets)."""
    if category is None or category == label:
        return label
    labels = set(category.split("+"))
    labels.add(label)
    return "+".join(sorted(labels))


class TokenCounts(dict[str, int]):
    """How many tokens each whitespace-free chunk has, counted once per distinct chunk."""

    def __missing__(self, chunk: str) -> int:
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        count = len(tokenize(chunk))
        self[chunk] = count
        return count

    def of(self, text: str) -> int:
        """The number of tokens of ``text`` (``len(tokenize(text))``)."""
        # str.split() cuts at exactly the characters str.isspace accepts, as tokenize does.
        return sum(map(self.__getitem__, text.split()))


class ChunkTokens(dict[str, tuple[tuple[int, int], ...]]):
    """The tokens of each whitespace-free chunk (offsets within it), found once per chunk."""

    def __missing__(self, chunk: str) -> tuple[tuple[int, int], ...]:
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        found = tuple((token.start, token.end) for token in tokenize(chunk))
        self[chunk] = found
        return found


def covered_tokens(
    text: str, records: Sequence[Sequence[SpanView]], known: ChunkTokens | None = None
) -> tuple[list[int], list[int]]:
    """Starts and ends of the tokens in the stretches of ``text`` that any span touches.

    Each stretch is widened to whitespace on both sides; its chunks' tokens come from ``known``
    (each distinct chunk tokenized once).
    """
    known = ChunkTokens() if known is None else known
    size = len(text)
    # Each distinct range once (the records of a document mostly share their spans).
    ranges = {(span.start, span.end) for spans in records for span in spans}
    if any(end > size for _start, end in ranges):
        ranges = {(min(start, size), min(end, size)) for start, end in ranges if start < size}
    starts: list[int] = []
    ends: list[int] = []
    reached = 0
    chunk_end = _CHUNK_REST.match
    for start, end in sorted(ranges):
        if end <= reached:
            continue
        low = max(start, reached)
        if low and not text[low - 1].isspace():
            low = max(chunk_start(text, low), reached)
        high = chunk_end(text, end - 1).end()  # type: ignore[union-attr]
        for chunk in _CHUNK.finditer(text, low, high):
            offset = chunk.start()
            for start_in, end_in in known[chunk.group()]:
                starts.append(offset + start_in)
                ends.append(offset + end_in)
        reached = high
    return starts, ends


def token_categories(
    spans: Sequence[SpanView], starts: list[int], ends: list[int]
) -> dict[int, str]:
    """The category of every token a span touches (the rest are ``O``), by token index."""
    categories: dict[int, str] = {}
    for span in spans:
        first = bisect_right(ends, span.start)
        last = bisect_left(starts, span.end)
        for index in range(first, last):
            categories[index] = _join(categories.get(index), span.label)
    return categories


def add_confusion(
    confusion: Counter[tuple[str, str]], first: dict[int, str], second: dict[int, str], size: int
) -> None:
    """Add one document of a pair: ``size`` tokens, of which those in the maps are not ``O``."""
    touched = first.keys() | second.keys()
    for index in touched:
        confusion[(first.get(index, OUTSIDE), second.get(index, OUTSIDE))] += 1
    confusion[(OUTSIDE, OUTSIDE)] += size - len(touched)


def cohen_kappa(confusion: Counter[tuple[str, str]]) -> float | None:
    """Cohen's kappa of a confusion table; None when undefined (no items, or p_e = 1)."""
    total = confusion.total()
    if total == 0:
        return None
    rows: Counter[str] = Counter()
    columns: Counter[str] = Counter()
    agreed = 0
    for (first, second), count in confusion.items():
        rows[first] += count
        columns[second] += count
        if first == second:
            agreed += count
    observed = agreed / total
    expected = sum(rows[c] * columns[c] for c in rows) / (total * total)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def add_char_units(
    coincidences: Coincidences, records: Sequence[Sequence[SpanView]], size: int
) -> None:
    """Add each character of a text of ``size`` as a unit; ``records``: each record's spans."""
    Pieces(records, size).add_char_units(coincidences)


class Pieces:
    """A text of ``size`` cut at every span edge of some records, and each record's category
    of each piece (within a piece it is the same for every character).

    Characters: each piece is one unit of values weighted by its length. Tokens: a token
    within one piece has the records' categories of that piece; one across pieces has, in
    each record, the labels of all the pieces it touches (``token_tallies``).
    """

    __slots__ = ("covers", "edges", "size")

    def __init__(self, records: Sequence[Sequence[SpanView]], size: int) -> None:
        cuts = {0, size}
        for spans in records:
            for span in spans:
                cuts.add(span.start)
                cuts.add(span.end)
        marks: Sequence[Sequence[tuple[Any, ...]]] = records
        if max(cuts) > size:  # spans past the end of the text are cut at it
            marks = [
                [
                    (span.id, min(span.start, size), min(span.end, size), span.label)
                    for span in spans
                ]
                for spans in records
            ]
            cuts = {min(cut, size) for cut in cuts}
        edges = sorted(cuts)
        place = {edge: index for index, edge in enumerate(edges)}
        covers: list[dict[int, str]] = []
        for marked in marks:
            cover: dict[int, str] = {}
            for mark in marked:  # SpanView fields by place: id, start, end, label
                first, last, label = place[mark[1]], place[mark[2]], mark[3]
                if last == first + 1 and first not in cover:
                    cover[first] = label
                    continue
                for piece in range(first, last):
                    cover[piece] = _join(cover.get(piece), label)
            covers.append(cover)
        self.edges = edges
        self.covers = covers
        self.size = size

    def add_char_units(self, coincidences: Coincidences) -> None:
        edges, covers = self.edges, self.covers
        outside = self.size
        for piece in set().union(*covers):
            length = edges[piece + 1] - edges[piece]
            outside -= length
            values = sorted(cover.get(piece, OUTSIDE) for cover in covers)
            coincidences.add_sorted(tuple(values), length)
        if outside > 0:
            coincidences.add_sorted((OUTSIDE,) * len(covers), outside)

    def token_tallies(self, starts: list[int], ends: list[int]) -> Counter[tuple[str, ...]]:
        """How many of the tokens (``covered_tokens``) have each tuple of the records'
        categories (``token_categories`` of each record, ``O`` where it has none)."""
        edges = self.edges
        # The pieces each token shares a character with, first + 1 .. last + 1 (C calls only).
        firsts = map(partial(bisect_right, edges), starts)
        places = Counter(zip(firsts, map(partial(bisect_left, edges), ends), strict=True))
        covers = self.covers
        tallies: Counter[tuple[str, ...]] = Counter()
        for (after_first, after_last), count in places.items():
            if after_first == after_last:
                first = after_first - 1
                values = tuple([cover.get(first, OUTSIDE) for cover in covers])
            else:
                values = tuple([_union(cover, after_first - 1, after_last - 1) for cover in covers])
            tallies[values] = tallies.get(values, 0) + count
        return tallies


def _union(cover: dict[int, str], first: int, last: int) -> str:
    """The category of a token across pieces ``first`` .. ``last`` in one record."""
    labels: set[str] = set()
    for piece in range(first, last + 1):
        category = cover.get(piece)
        if category is not None:
            labels.update(category.split("+"))
    return "+".join(sorted(labels)) if labels else OUTSIDE


def add_tallies(
    confusion: Counter[tuple[str, str]],
    tallies: Counter[tuple[str, ...]],
    first: int,
    second: int,
    size: int,
) -> None:
    """``add_confusion`` of records ``first`` and ``second`` of ``Pieces.token_tallies``."""
    touched = 0
    for values, count in tallies.items():
        pair = (values[first], values[second])
        if pair != _BOTH_OUTSIDE:
            confusion[pair] += count
            touched += count
    confusion[_BOTH_OUTSIDE] += size - touched


_BOTH_OUTSIDE = (OUTSIDE, OUTSIDE)
