"""The project's one sentence splitter, beside its one tokenizer (``tokens``): the token
formats' exports cut their sentences with it, diff shows a difference in its sentence, and a
triple click selects one (``word_selection.sentence_at``).

A sentence ends after a run of ``.`` ``!`` ``?`` ``…`` (and any closing quotes or brackets ``”``
``’`` ``"`` ``'`` ``)`` ``]`` right after it) when whitespace follows and then an uppercase or
caseless letter, a digit, or an opening quote or bracket (``“`` ``‘`` ``"`` ``'`` ``«`` ``„``
``(`` ``[``). A single ``.`` does not end a sentence after a known abbreviation
(``ABBREVIATIONS``: titles, ranks, ``No.``, ``vs.``, ``etc.``, month names) or after a single
capital letter (an initial, ``J.``, and dotted capitals such as ``U.S.``). Every line break
(``\\n``, ``\\r``, U+2028, U+2029) ends a sentence, since articles are one paragraph per line.
Sentence spans are trimmed of whitespace; a text with no visible characters has none.

A zero-width space and U+FEFF (a byte order mark left in a text; ``tokens.INVISIBLE_BREAKS``)
are taken for whitespace, as the tokenizer takes them: after a stop they end the sentence, and
sentences are trimmed of them.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator, Sequence

from annotator.core.tokens import INVISIBLE_BREAKS, parts_tokens

# Words after which a single "." does not end a sentence (compared case-sensitively).
_ABBREVIATION_WORDS = """
    Mr Mrs Ms Dr Prof Gen Lt Col Maj Sgt Capt Cpl Pvt Adm Brig Gov Sen Rep Rev Hon St Jr Sr
    No Nos vs etc Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
"""
ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())
# A line's text, between line breaks (each of which ends a sentence).
LINE = re.compile("[^\n\r\u2028\u2029]+")
CLOSERS = "\u201d\u2019\"')]"
# Searched within one line, so the whitespace in the lookahead never spans a line break. The
# danda (।) and the Arabic question mark and full stop (؟ ۔) end a sentence as "." does; the
# ideographic full stop and the full-width ! ? (。！？) end one with no space after them, as
# Chinese and Japanese are written (a trial's Chinese paragraph was one sentence).
_CJK_CLOSERS = "\u300d\u300f\uff09"  # 」』）
SENTENCE_END = re.compile(
    f"[.!?\u2026\u0964\u0965\u061f\u06d4]+[{re.escape(CLOSERS)}]*"
    f"(?=[\\s{INVISIBLE_BREAKS}]+([^\\s{INVISIBLE_BREAKS}]))"
    f"|[\u3002\uff01\uff1f]+[{re.escape(CLOSERS + _CJK_CLOSERS)}]*(?=\\s*(\\S))"
)
_OPENERS = frozenset("\u201c\u2018\"'\u00ab\u201e([\u300c\u300e\uff08")  # and 「『（
_LONGEST_ABBREVIATION = 24


def starts_sentence(char: str) -> bool:
    """Whether ``char``, the first visible one after a stop, may start a sentence."""
    if char in _OPENERS or char.isdigit():
        return True
    return char.isupper() or char.istitle() or (char.isalpha() and char.lower() == char.upper())


def no_break_after(text: str, line_start: int, dot: int) -> bool:
    """Whether the single "." at ``dot`` closes a known abbreviation or an initial."""
    start = dot
    while start > line_start and dot - start <= _LONGEST_ABBREVIATION:
        char = text[start - 1]
        if char != "." and unicodedata.category(char)[0] not in "LNM":
            break
        start -= 1
    else:
        if start > line_start:
            return False  # a run too long to be an abbreviation
    word = text[start:dot]
    last = "".join(c for c in word.rsplit(".", 1)[-1] if unicodedata.category(c)[0] != "M")
    if len(last) == 1 and last.isupper():
        return True  # an initial ("J."), or the last letter of "U.S."
    return word in ABBREVIATIONS


def _line_sentences(text: str, low: int, high: int) -> Iterator[tuple[int, int]]:
    cut = low
    for match in SENTENCE_END.finditer(text, low, high):
        if not starts_sentence(match.group(1) or match.group(2)):
            continue
        marks = match.group().rstrip(CLOSERS)
        if marks == "." and no_break_after(text, low, match.start()):
            continue
        yield cut, match.end()
        cut = match.end()
    yield cut, high


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` covering the visible text, in order, trimmed."""
    spans: list[tuple[int, int]] = []
    for line in LINE.finditer(text):
        for start, end in _line_sentences(text, line.start(), line.end()):
            while start < end and parts_tokens(text[start]):
                start += 1
            while end > start and parts_tokens(text[end - 1]):
                end -= 1
            if start < end:
                spans.append((start, end))
    return spans


def sentence_index_at(spans: Sequence[tuple[int, int]], offset: int) -> int | None:
    """The index of the sentence span covering ``offset``, or None."""
    index = bisect_right(spans, offset, key=lambda span: span[0]) - 1
    if index >= 0 and offset < spans[index][1]:
        return index
    return None
