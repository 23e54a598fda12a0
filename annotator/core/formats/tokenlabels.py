"""Spans on tokens: placing spans on the project's tokens, IOB tags both ways, text from tokens.

Token formats (CoNLL, Hugging Face, spaCy) and Prodigy's token indices use the project's one
tokenizer, ``annotator.core.tokens``. They first cut a token where a span starts or ends inside
it (``cut_at_edges``: ``Ex-Yahoo`` with the span ``Yahoo`` is written ``Ex-`` and
``Yahoo``), so a span is exactly its tokens, as another tool's finer tokens had it. CoNLL and
hf tokens hold no whitespace (spaCy's words and Prodigy's tokens do, cut there too:
``wstokens.exact_pieces``), so a span beginning or ending with whitespace is written as the
tokens inside it
(on tokens not cut so, a span not on token edges would be widened to the tokens it touches, and
said); one tag per token cannot hold overlapping spans, so the later or shorter of two
overlapping spans is left out (``place_spans``, or ``apart`` of spans placed with their
overlaps). Each is reported, never done silently.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Protocol

from annotator.core.errors import AnnotatorError
from annotator.core.formats.common import Reporter
from annotator.core.models import Span
from annotator.core.sentences import sentences
from annotator.core.tokens import Token, iter_tokens
from annotator.core.unspaced_scripts import begins_a_token, written_unspaced


@dataclass(frozen=True)
class TokenSpan:
    """A span over tokens ``first``..``last`` (inclusive), with the span it came from."""

    first: int
    last: int
    label: str
    span: Span | None = None


def _short(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def describe(span: Span) -> str:
    return f"{span.id} {span.label} {span.start}..{span.end} {_short(span.text)}"


def token_range(tokens: Sequence[Token], start: int, end: int) -> tuple[int, int] | None:
    """The first and last (inclusive) of the tokens sharing a character with [start, end)."""
    first = bisect_right(tokens, start, key=lambda token: token.end)
    last = bisect_left(tokens, end, key=lambda token: token.start) - 1
    return (first, last) if first <= last else None


class Ranged(Protocol):
    """What cutting at a span's edges reads of it (a record's span, a Prodigy task's)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def cut_at_edges(tokens: Sequence[Token], spans: Sequence[Ranged]) -> list[Token]:
    """``tokens`` with each one cut where a span starts or ends inside it, so that every span
    edge that is not in whitespace is a token edge (span edges never cut a character: import
    and validate refuse such spans)."""
    edges = sorted({offset for span in spans for offset in (span.start, span.end)})
    out: list[Token] = []
    for token in tokens:
        low = bisect_right(edges, token.start)
        high = bisect_left(edges, token.end)
        cuts = [token.start, *edges[low:high], token.end]
        for start, end in pairwise(cuts):
            out.append(Token(start, end, token.text[start - token.start : end - token.start]))
    return out


def _placing_order(span: Span) -> tuple[int, int, str, str]:
    """Text order, the longer first of two at one start: of two overlapping spans, the later or
    shorter is the one left out."""
    return (span.start, -span.end, span.label, span.id)


def _overlapped(kept: Sequence[TokenSpan], first: int, last: int) -> TokenSpan | None:
    """The first of ``kept`` that shares a token with tokens ``first``..``last``, if any."""
    return next((p for p in kept if p.first <= last and first <= p.last), None)


def _token_order(placed: TokenSpan) -> tuple[int, int]:
    return (placed.first, placed.last)


def place_spans(
    doc_id: str,
    text: str,
    tokens: Sequence[Token],
    spans: Sequence[Span],
    fmt: str,
    report: Reporter,
    overlap: bool = False,
) -> list[TokenSpan]:
    """The spans on ``tokens`` (cut at their edges first: ``cut_at_edges``): a span whose edges
    are not token edges is written as the tokens it touches and said, overlaps left out unless
    ``overlap``."""
    placed: list[TokenSpan] = []
    for span in sorted(spans, key=_placing_order):
        found = token_range(tokens, span.start, span.end)
        if found is None:
            report.warn(f"{doc_id}: {fmt}: span {describe(span)} covers no token; left out")
            continue
        first, last = found
        low, high = tokens[first].start, tokens[last].end
        moved = None  # the tokens written, when they are not exactly the span
        if (low, high) != (span.start, span.end):
            how = "widened" if low < span.start or high > span.end else "narrowed"
            moved = (how, f"tokens {first}..{last} {_short(text[low:high])}")
        # A span left out is said to be left out only: saying first that it was written widened
        # would contradict it. The overlap is of the tokens written, so the line names them.
        if not overlap:
            clash = _overlapped(placed, first, last)
            if clash is not None:
                other = clash.span.id if clash.span is not None else "another span"
                on = f" ({moved[0]} to {moved[1]})" if moved else ""
                report.warn(
                    f"{doc_id}: {fmt}: cannot hold overlapping spans: {describe(span)}{on} "
                    f"overlaps {other}; left out"
                )
                continue
        if moved and moved[0] == "narrowed":
            report.warn(
                f"{doc_id}: {fmt}: span {describe(span)} begins or ends with whitespace, which "
                f"no token holds; written as {moved[1]}"
            )
        elif moved:
            report.warn(
                f"{doc_id}: {fmt}: span {describe(span)} does not start and end on token edges; "
                f"written as {moved[1]}"
            )
        placed.append(TokenSpan(first, last, span.label, span))
    placed.sort(key=_token_order)
    return placed


def apart(placed: Sequence[TokenSpan]) -> list[TokenSpan]:
    """The spans of ``placed`` (placed with their overlaps) that ``place_spans`` keeps without
    them: taken in the order it places spans, each left out that shares a token with one
    already taken."""
    kept: list[TokenSpan] = []
    for span in sorted(placed, key=_placed_order):
        if _overlapped(kept, span.first, span.last) is None:
            kept.append(span)
    return sorted(kept, key=_token_order)


def _placed_order(placed: TokenSpan) -> tuple[int, int, str, str]:
    if placed.span is None:  # not from a record: its tokens are all there is
        return (placed.first, -placed.last, placed.label, "")
    return _placing_order(placed.span)


def iob2_tags(size: int, placed: Sequence[TokenSpan]) -> list[str]:
    """IOB2 tags for ``size`` tokens (spans must not overlap)."""
    tags = ["O"] * size
    for span in placed:
        tags[span.first] = f"B-{span.label}"
        for index in range(span.first + 1, span.last + 1):
            tags[index] = f"I-{span.label}"
    return tags


TAG_SCHEMES = ("iob1", "iob2", "bioes")


def decode_tags(
    tags: Sequence[str],
    scheme: str,
    where: Callable[[int], str],
    report: Reporter,
) -> list[TokenSpan]:
    """Spans from one sequence of tags (a sentence or a document), read leniently.

    A tag the scheme does not expect there (``I-X`` after ``O`` in IOB2, ``E-X`` without its
    ``B-X``) starts or ends a span as the nearest valid reading would, and is reported.
    """
    prefixes = {"iob1": "BIO", "iob2": "BIO", "bioes": "BIOES"}[scheme]
    spans: list[TokenSpan] = []
    current: tuple[int, str] | None = None  # (first token, label)

    def close(last: int) -> None:
        nonlocal current
        if current is not None:
            spans.append(TokenSpan(current[0], last, current[1]))
            current = None

    for index, tag in enumerate(tags):
        if tag == "O":
            close(index - 1)
            continue
        prefix, dash, label = tag.partition("-")
        if not dash or not label or len(prefix) != 1 or prefix not in prefixes:
            allowed = ", ".join(f"{p}-X" for p in prefixes if p != "O")
            # A BIOES file read with the default IOB2 stopped at its first S- tag, not saying
            # which option reads it.
            bioes = bool(dash and label) and prefix in ("E", "S") and scheme != "bioes"
            hint = f" ({prefix}-X is a BIOES tag: import with --tags bioes)" if bioes else ""
            raise AnnotatorError(
                f"{where(index)}: tag: {tag!r} is not a tag of {scheme.upper()} ({allowed} or O)"
                f"{hint}"
            )
        continuing = current is not None and current[1] == label
        if prefix == "B":
            close(index - 1)
            current = (index, label)
        elif prefix == "I":
            if not continuing:
                if scheme != "iob1":
                    report.warn(
                        f"{where(index)}: {tag} does not continue a {label} span; "
                        "read as the start of one"
                    )
                close(index - 1)
                current = (index, label)
        elif prefix == "E":
            if not continuing:
                report.warn(f"{where(index)}: {tag} ends no {label} span; read as a one-token span")
                close(index - 1)
                current = (index, label)
            close(index)
        elif prefix == "S":
            close(index - 1)
            current = (index, label)
            close(index)
    close(len(tags) - 1)
    if scheme == "bioes":
        for span in spans:
            last_tag = tags[span.last]
            if span.first != span.last and not last_tag.startswith("E-"):
                report.warn(
                    f"{where(span.last)}: {span.label} span not closed by E-{span.label}; "
                    "read as ending here"
                )
    return spans


# ---------------------------------------------------------------------------------------------
# Text from tokens: token formats carry no text, so importing one builds it.

_ATTACH_LEFT = frozenset(".,;:!?)]}%”’»…") | {"'s", "’s", "'S", "’S"}
_ATTACH_RIGHT = frozenset("([{“‘«")


def _chunk_ok(text: str, chunk_start: int, expected: Sequence[str]) -> bool:
    return [token.text for token in iter_tokens(text, chunk_start)] == list(expected)


def _build(tokens: Sequence[str], tight: Sequence[bool]) -> tuple[str, list[int]]:
    parts: list[str] = []
    starts: list[int] = []
    size = 0
    for index, token in enumerate(tokens):
        if index and not tight[index]:
            parts.append(" ")
            size += 1
        starts.append(size)
        parts.append(token)
        size += len(token)
    return "".join(parts), starts


def _chunk_fits(tokens: Sequence[str], tight: Sequence[bool], index: int) -> bool:
    """Whether the space-free stretch holding token ``index`` tokenizes to its tokens."""
    low = index
    while low > 0 and tight[low]:
        low -= 1
    high = index + 1
    while high < len(tokens) and tight[high]:
        high += 1
    expected = tokens[low:high]
    return _chunk_ok("".join(expected), 0, expected)


def _glue(tokens: Sequence[str], tight: list[bool], index: int) -> bool:
    """Take out the space before token ``index``, with as few more as the tokenizer needs."""
    for reach in range(index, len(tokens)):
        trial = list(tight)
        for position in range(index, reach + 1):
            trial[position] = True
        if _chunk_fits(tokens, trial, index):
            tight[:] = trial
            return True
    return False


def join_tokens(tokens: Sequence[str], one_sentence: bool = True) -> tuple[str, list[int]]:
    """A line of text holding ``tokens`` and where each starts.

    Tokens are separated by one space, except that closing punctuation sticks to the token before
    it and opening punctuation to the token after it, as written text has them, and no space
    comes before or after a token of a script written without spaces (``2024年3月17日``,
    ``กรุงเทพฯ``) — but only where the project's tokenizer still finds exactly these tokens.
    With ``one_sentence``, a space that would make the sentence splitter cut the line is taken
    out where that keeps the tokens, so a sentence written out by the CoNLL export reads back as
    one sentence.
    """
    if not tokens:
        return "", []
    tight = [False] * len(tokens)
    chunk_tokens: list[str] = [tokens[0]]
    for index in range(1, len(tokens)):
        token = tokens[index]
        prefer = (
            token in _ATTACH_LEFT
            or tokens[index - 1] in _ATTACH_RIGHT
            or written_unspaced(tokens[index - 1][-1])
            or written_unspaced(token[0])
        )
        if prefer and _chunk_ok("".join(chunk_tokens) + token, 0, [*chunk_tokens, token]):
            tight[index] = True
            # The tokens before a Han or kana letter stay as they are whatever is glued after
            # it: only what follows it is checked again (a Chinese paragraph is one chunk).
            chunk_tokens = [token] if begins_a_token(token[0]) else [*chunk_tokens, token]
        else:
            chunk_tokens = [token]
    text, starts = _build(tokens, tight)
    if one_sentence:
        for _ in range(len(tokens)):
            cuts = sentences(text)
            if len(cuts) <= 1:
                break
            cut = next((starts.index(c) for c, _e in cuts[1:] if c in starts), None)
            if cut is None or not (_glue(tokens, tight, cut) or _lean_right(tokens, tight, cut)):
                break
            text, starts = _build(tokens, tight)
    return text, starts


def _lean_right(tokens: Sequence[str], tight: list[bool], index: int) -> bool:
    """Move the space before token ``index`` to before the punctuation that ends the token
    before it, when the tokenizer still finds the tokens: "1. 1" is two sentences, "1 .1" one
    (the tokens 1, ., 1; gluing gave "1.1", one token)."""
    if index < 2 or not tight[index - 1] or tight[index]:
        return False
    trial = list(tight)
    trial[index - 1], trial[index] = False, True
    if not _chunk_fits(tokens, trial, index) or not _chunk_fits(tokens, trial, index - 2):
        return False
    tight[:] = trial
    return True
