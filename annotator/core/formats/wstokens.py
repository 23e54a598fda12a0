"""Tokens that rebuild their text exactly, as spaCy and Prodigy rebuild it: text + one space.

spaCy (and Prodigy, whose tokens are spaCy's) has no room for arbitrary whitespace between
tokens: a token has a ``ws`` flag (``whitespace_`` / ``spaces``) meaning "one plain space
follows", and the text is every token's text plus that space. So any other gap (``\\n\\n``,
``\\t``, U+2028, a second space, whitespace before the first token) becomes a token of its own,
as spaCy's tokenizer makes one. The project's tokens are kept as they are, in order.

A zero-width space (U+200B) or U+FEFF parts the project's tokens as whitespace does
(``tokens.INVISIBLE_BREAKS``), yet it is no whitespace to spaCy (``Token.is_space`` is
``str.isspace``) and has no place in a ``ws`` flag: written as a token of its own, as it was,
``zero\\u200bwidth`` gave the words ``zero``, ``\\u200b``, ``width``, and a model trained on them
read an invisible word inside the span. So it is kept in the token it touches, the one before it
(``zero\\u200b``, ``width``; ``people.\\u200b`` before a space), else the one after it (at the
start of a text, after whitespace): the words are the project's tokens, one for one, and the text
is still every character. Only where a span edge lies on both sides of it (``A\\u200bB``, two
spans), or whitespace does, is it a word of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from itertools import pairwise
from typing import NamedTuple

from annotator.core.formats.tokenlabels import Ranged, cut_at_edges
from annotator.core.tokens import INVISIBLE_BREAKS, Token, tokenize

# What lies between the project's tokens: whitespace, and the breaks that part them as it does.
_GAP_RUNS = re.compile(f"(?P<breaks>[{INVISIBLE_BREAKS}]+)|[^{INVISIBLE_BREAKS}]+")


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
        # A gap is runs of whitespace and of invisible breaks (``INVISIBLE_BREAKS``), each run a
        # piece: a break's piece joins a word later (``attach_invisible_breaks``).
        for run in _GAP_RUNS.finditer(text, cursor, token.start):
            gap_start = run.start()
            # One plain space right after a token (or a break) is its ws flag; the rest of the
            # run (or all of it at the start of the text) is a token of its own.
            if not run["breaks"] and out and not out[-1].ws and text[gap_start] == " ":
                out[-1] = out[-1]._replace(ws=True)
                gap_start += 1
            if run.end() > gap_start:
                out.append(WsToken(gap_start, run.end(), text[gap_start : run.end()], False))
        if token.text:
            where.append(len(out))
            out.append(WsToken(token.start, token.end, token.text, False))
        cursor = token.end
    return out, where


def _invisible(piece: WsToken) -> bool:
    """Whether ``piece`` is invisible breaks only (a zero-width space, U+FEFF)."""
    return piece.text.strip(INVISIBLE_BREAKS) == ""


def _word(piece: WsToken) -> bool:
    return not piece.text.isspace() and not _invisible(piece)


def attach_invisible_breaks(text: str, pieces: Sequence[WsToken], edges: Set[int]) -> list[WsToken]:
    """``pieces`` with each piece of invisible breaks joined to the word before it (none
    between: no ``ws`` flag), else to the word after it, where no span edge (``edges``) lies
    between the two; the pieces still give ``text`` exactly."""
    out: list[WsToken] = []
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        index += 1
        if not _invisible(piece):
            out.append(piece)
            continue
        before = out[-1] if out else None
        if before is not None and _word(before) and not before.ws and piece.start not in edges:
            out[-1] = WsToken(before.start, piece.end, text[before.start : piece.end], piece.ws)
            continue
        after = pieces[index] if index < len(pieces) else None
        if after is not None and _word(after) and not piece.ws and piece.end not in edges:
            out.append(WsToken(piece.start, after.end, text[piece.start : after.end], after.ws))
            index += 1
            continue
        out.append(piece)
    return out


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
    span beginning with a line break starts at a whitespace word), so no span is widened. An
    invisible break is in the word beside it (``attach_invisible_breaks``), a word of its own
    only where no word beside it may hold it."""
    pieces, _where = whitespace_tokens(text, cut_at_edges(tokenize(text), spans))
    starts = {span.start for span in spans}
    ends = {span.end for span in spans}
    cut = cut_at_whitespace_edges(text, pieces, starts, ends)
    return attach_invisible_breaks(text, cut, starts | ends)
