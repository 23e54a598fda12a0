"""Token and character categories: what token kappa and character alpha compare.

A token's (or character's) category in one record is the labels of the spans covering it,
joined in sorted order (``actor+releasee``), or ``O`` when no span does. A span covers a token
when they share at least one character. Tokens are those of ``tokens.tokenize``.

Both figures run over every token and character of thousands of articles, so neither walks a
text token by token:

- Tokenization is local (see ``tokens``): the tokens of a text are those of its
  whitespace-free chunks, each tokenized alone. The number of tokens of a text is the sum over
  its chunks, and ``TokenCounts`` remembers each distinct chunk's count (words repeat across a
  corpus). Only the tokens of the stretches that spans cover are listed (``tokens_of_spans``,
  from each distinct chunk's tokens, ``ChunkTokens``); every other token is ``O`` for everyone.
- For characters, a text is cut at every span edge; within a piece every record's category is
  the same, so each piece is one unit of values weighted by its length (``add_char_units``).
- ``Pieces`` finds each piece's categories once, for both; spans are taken as their keys
  (start, end, label), which ``agree`` has already, not as ``SpanView``s made anew (a tenth of
  a second on 10,000 documents). A document's token tallies are added to those of the other
  documents of the same annotators, and each pair's confusion table made from them once.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Collection, Sequence
from functools import partial
from operator import attrgetter

from annotator.core.alpha import Coincidences
from annotator.core.annotation import SpanView
from annotator.core.tokens import chunk_start, tokenize

OUTSIDE = "O"
SpanKey = tuple[int, int, str]  # a span's start, end and label
_SPAN_KEY = attrgetter("start", "end", "label")
_CACHE_LIMIT = 200_000
# Fewer stretches than chunks are kept: a stretch is longer, and its tokens two tuples.
_STRETCH_LIMIT = 20_000
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


class StretchTokens(dict[str, tuple[tuple[int, ...], tuple[int, ...]]]):
    """The tokens of each distinct stretch of whole chunks (``tokens_of_spans``), as starts
    and ends within it, found once per stretch from each chunk's (``chunks``). A span's
    stretch is mostly its own text, and names, dates and counts recur across a corpus: a
    stretch's tokens are then one lookup, not a walk over its chunks and tokens (a fifth of
    ``agree --corpus``'s time on 10,000 documents)."""

    def __init__(self, chunks: ChunkTokens | None = None) -> None:
        super().__init__()
        self.chunks = ChunkTokens() if chunks is None else chunks

    def __missing__(self, stretch: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
        if len(self) >= _STRETCH_LIMIT:
            self.clear()
        starts: list[int] = []
        ends: list[int] = []
        for chunk in _CHUNK.finditer(stretch):
            offset = chunk.start()
            for start_in, end_in in self.chunks[chunk.group()]:
                starts.append(offset + start_in)
                ends.append(offset + end_in)
        found = self[stretch] = (tuple(starts), tuple(ends))
        return found


def covered_tokens(
    text: str, records: Sequence[Sequence[SpanView]], known: ChunkTokens | None = None
) -> tuple[list[int], list[int]]:
    """Starts and ends of the tokens in the stretches of ``text`` that any span touches
    (``records``: each record's spans; see ``tokens_of_spans``)."""
    keys = {_SPAN_KEY(span) for spans in records for span in spans}
    return tokens_of_spans(text, keys, StretchTokens(known))


def tokens_of_spans(
    text: str, spans: Collection[SpanKey], known: StretchTokens | None = None
) -> tuple[list[int], list[int]]:
    """Starts and ends of the tokens in the stretches of ``text`` that ``spans`` (span keys,
    each distinct one once: the records of a document mostly share their spans) touch.

    Each stretch is widened to whitespace on both sides (so it is whole chunks); its tokens
    come from ``known`` (each distinct stretch, and chunk, tokenized once).
    """
    known = StretchTokens() if known is None else known
    size = len(text)
    if any(end > size for _start, end, _label in spans):
        spans = {
            (min(start, size), min(end, size), label) for start, end, label in spans if start < size
        }
    starts: list[int] = []
    ends: list[int] = []
    reached = 0
    chunk_end = _CHUNK_REST.match
    for start, end, _label in sorted(spans):
        if end <= reached:
            continue
        low = max(start, reached)
        if low and not text[low - 1].isspace():
            low = max(chunk_start(text, low), reached)
        high = chunk_end(text, end - 1).end()  # type: ignore[union-attr]
        starts_in, ends_in = known[text[low:high]]
        starts.extend(map(low.__add__, starts_in))
        ends.extend(map(low.__add__, ends_in))
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
    Pieces([list(map(_SPAN_KEY, spans)) for spans in records], size).add_char_units(coincidences)


class _SortedValues(dict[tuple[str, ...], tuple[str, ...]]):
    """Categories -> the same sorted (a unit of ``Coincidences.add_sorted``), sorted once each."""

    def __missing__(self, values: tuple[str, ...]) -> tuple[str, ...]:
        found = self[values] = tuple(sorted(values))
        return found


_SORTED = _SortedValues()


class Pieces:
    """A text of ``size`` cut at every span edge of some records (``records``: each one's
    span keys, start, end and label), and the records' categories of each piece a span
    covers (within a piece they are the same for every character): ``values``, piece index ->
    one category per record (``O`` where it has none).

    Characters: each piece is one unit of values weighted by its length. Tokens: a token
    within one piece has the records' categories of that piece; one across pieces has, in
    each record, the labels of all the pieces it touches (``token_tallies``). Both read
    ``values``, made once.
    """

    __slots__ = ("covers", "edges", "size", "values", "width")

    def __init__(self, records: Sequence[Sequence[SpanKey]], size: int) -> None:
        cuts = {0, size}
        for keys in records:
            for start, end, _label in keys:
                cuts.add(start)
                cuts.add(end)
        if max(cuts) > size:  # spans past the end of the text are cut at it
            records = [
                [(min(start, size), min(end, size), label) for start, end, label in keys]
                for keys in records
            ]
            cuts = {min(cut, size) for cut in cuts}
        self.edges = edges = sorted(cuts)
        place = dict(zip(edges, range(len(edges)), strict=True))
        covers: list[dict[int, str]] = []
        for keys in records:
            cover: dict[int, str] = {}
            for start, end, label in keys:
                first, last = place[start], place[end]
                if last == first + 1 and first not in cover:
                    cover[first] = label
                    continue
                for piece in range(first, last):
                    cover[piece] = _join(cover.get(piece), label)
            covers.append(cover)
        pieces = set().union(*covers)
        outside = [OUTSIDE] * len(pieces)
        # Each piece's categories, one per record (C calls only).
        found = [map(cover.get, pieces, outside) for cover in covers]
        self.values: dict[int, tuple[str, ...]] = dict(
            zip(pieces, zip(*found, strict=True), strict=True)
        )
        self.covers = covers  # each record's category of each piece it covers
        self.size = size
        self.width = len(records)

    def add_char_units(self, coincidences: Coincidences) -> None:
        edges = self.edges
        outside = self.size
        add, sorted_of = coincidences.add_sorted, _SORTED
        for piece, values in self.values.items():
            length = edges[piece + 1] - edges[piece]
            outside -= length
            add(sorted_of[values], length)
        if outside > 0:
            add((OUTSIDE,) * self.width, outside)

    def token_tallies(
        self,
        starts: list[int],
        ends: list[int],
        tallies: Counter[tuple[str, ...]] | None = None,
    ) -> Counter[tuple[str, ...]]:
        """How many of the tokens (``tokens_of_spans``) have each tuple of the records'
        categories (``token_categories`` of each record, ``O`` where it has none), added to
        ``tallies`` (a new Counter when None) and returned."""
        tallies = Counter() if tallies is None else tallies
        edges = self.edges
        # The pieces each token shares a character with, first + 1 .. last + 1 (C calls only).
        firsts = map(partial(bisect_right, edges), starts)
        places = Counter(zip(firsts, map(partial(bisect_left, edges), ends), strict=True))
        values = self.values
        outside = (OUTSIDE,) * self.width
        for (after_first, after_last), count in places.items():
            if after_first == after_last:
                found = values.get(after_first - 1, outside)
            else:
                found = self._across(after_first - 1, after_last - 1)
            tallies[found] = tallies.get(found, 0) + count
        return tallies

    def _across(self, first: int, last: int) -> tuple[str, ...]:
        """The records' categories of a token across pieces ``first`` .. ``last``."""
        return tuple([_union(cover, first, last) for cover in self.covers])


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
