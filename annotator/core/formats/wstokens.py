"""Tokens that rebuild their text exactly, as spaCy and Prodigy rebuild it: text + one space.

spaCy (and Prodigy, whose tokens are spaCy's) has no room for arbitrary whitespace between
tokens: a token has a ``ws`` flag (``whitespace_`` / ``spaces``) meaning "one plain space
follows", and the text is every token's text plus that space. So any other gap (``\\n\\n``,
``\\t``, U+2028, a second space, whitespace before the first token) becomes a token of its own,
as spaCy's tokenizer makes one. The project's tokens are kept as they are, in order.
"""

from __future__ import annotations

from collections.abc import Sequence, Set
from itertools import pairwise
from typing import NamedTuple

from annotator.core.formats.tokenlabels import Ranged, cut_at_edges
from annotator.core.tokens import Token, tokenize


class WsToken(NamedTuple):
    """A token of the rebuilt sequence: its offsets, text, and whether one space follows."""

    start: int
    end: int
    text: str
    ws: bool


def whitespace_tokens(text: str, tokens: Sequence[Token]) -> tuple[list[WsToken], list[int]]:
    """Tokens whose texts and spaces give ``text`` exactly, and where each of ``tokens`` went.

    ``"".join(t.text + (" " if t.ws else "") for t in out) == text``; ``out[where[i]]`` is
    ``tokens[i]``.
    """
    out: list[WsToken] = []
    where: list[int] = []
    cursor = 0
    for token in [*tokens, Token(len(text), len(text), "")]:
        gap_start = cursor
        if token.start > gap_start:
            # One plain space right after a token is its ws flag; the rest of the gap (or all
            # of it at the start of the text, or after a gap token) is a token of its own.
            if out and not out[-1].ws and text[gap_start] == " ":
                out[-1] = out[-1]._replace(ws=True)
                gap_start += 1
            if token.start > gap_start:
                out.append(WsToken(gap_start, token.start, text[gap_start : token.start], False))
        if token.text:
            where.append(len(out))
            out.append(WsToken(token.start, token.end, token.text, False))
        cursor = token.end
    return out, where


def cut_at_whitespace_edges(
    text: str, pieces: Sequence[WsToken], starts: Set[int], ends: Set[int]
) -> list[WsToken]:
    """``pieces`` cut so that each of ``starts`` is where a piece starts and each of ``ends``
    where one ends, when those fall in whitespace (the tokens themselves already cut there: a
    spaCy export keeps every span exact). A whitespace piece is cut at them; the one space a
    piece's ``ws`` flag stands for becomes a piece of its own when a span starts at it or ends
    after it. The pieces still give ``text`` exactly."""
    out: list[WsToken] = []
    for piece in pieces:
        cuts = [piece.start]
        cuts += [c for c in range(piece.start + 1, piece.end) if c in starts or c in ends]
        cuts.append(piece.end)
        parts = [WsToken(a, b, text[a:b], False) for a, b in pairwise(cuts)]
        if piece.ws and (piece.end in starts or piece.end + 1 in ends):
            parts.append(WsToken(piece.end, piece.end + 1, " ", False))
        elif piece.ws:
            parts[-1] = parts[-1]._replace(ws=True)
        out.extend(parts)
    return out


def exact_pieces(text: str, spans: Sequence[Ranged]) -> list[WsToken]:
    """spaCy words, and Prodigy tokens, (with their ``ws`` flags) whose text is ``text`` and on
    whose edges every span starts and ends: the project's tokens, cut where a span edge falls
    inside one (``Ex-Yahoo`` with the span ``Yahoo``: ``Ex-``, ``Yahoo``), in whitespace too (a
    span beginning with a line break starts at a whitespace word), so no span is widened."""
    pieces, _where = whitespace_tokens(text, cut_at_edges(tokenize(text), spans))
    starts = {span.start for span in spans}
    ends = {span.end for span in spans}
    return cut_at_whitespace_edges(text, pieces, starts, ends)
