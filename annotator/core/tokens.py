"""The project's one tokenizer (its one sentence splitter is ``sentences``).

Everything that counts tokens uses it: selection snapping in the annotation screen, token
kappa, and the CoNLL, Prodigy, Hugging Face and spaCy exports. Offsets are Python ``str``
indices (code points), end exclusive, so ``token.text == text[token.start:token.end]``.

Tokens (``tokenize``), tried in this order at each position:

- Whitespace (anything ``str.isspace`` accepts: ``\\n``, ``\\t``, U+00A0, U+2028, ...) separates
  tokens and is never part of one; so do the zero-width space U+200B (a break between words)
  and U+FEFF, the zero-width no-break space, met in a text as a byte order mark left in it
  (two files joined): a token of its own, it was an invisible line of a CoNLL export that an
  import dropped. (A byte order mark opening a *file* is the file's, dropped by its reader; a
  document's text is kept exactly, its U+FEFF too.) Either, with marks after it, holds them.
- A dotted abbreviation of two or more single letters, each followed by a dot, is one token with
  its dots: ``U.S.``, ``a.m.``, ``e.g.``. A lone initial (``J.``) is two tokens, ``J`` and ``.``.
- A possessive ``'s`` or ``’s`` at the end of a word is its own token: ``Kaliush's`` gives
  ``Kaliush`` and ``'s``. (So does the contraction in ``it's``; ``don't`` stays one token.)
  Snapping leaves it out at a span's edges and word moves cross it, as they do punctuation.
- A word is a run of letters and digits (``str.isalnum``, so ``²`` and ``½`` count, ``_`` does
  not) together with the combining marks that follow them (categories Mn, Mc, Me: ``e`` + U+0301,
  Devanagari vowel signs) and the zero-width joiners U+200C/U+200D used inside words in Persian
  and Indic scripts. Word parts joined by an apostrophe (``'`` ``’``) or a hyphen (``-`` U+2010
  U+2011) are one word: ``O'Connell``, ``N’Diaye``, ``forty-one``, ``Wiśniewski-Ó``,
  ``2025-08-24``. Between two digits, ``.`` ``,`` ``:`` and ``/`` join too: ``1,200``, ``3.5``,
  ``10:30``, ``24/08/2025``.
- A pair of regional indicators is one token (a flag: ``🇺🇦``); a third one starts a new token.
- Scripts written without spaces between words are cut finer (``unspaced_scripts``): a Han,
  Hiragana, Katakana or Bopomofo character is a token of its own, and so is a Thai, Lao, Khmer
  or Myanmar letter with its marks (a vowel written before it, a consonant stacked under it):
  ``中国政府`` is four tokens, ``2024年`` two, ``เมื่อ`` is ``เมื่`` and ``อ``. Their digits stay
  words (``๑๒``). A word never holds such a letter.
- Any other character is a token of its own, together with what a terminal draws as part of it:
  combining marks (which include the variation selectors such as U+FE0F and the keycap U+20E3),
  emoji skin-tone modifiers U+1F3FB..U+1F3FF, tag characters (subdivision flags), the
  zero-width non-joiner, and zero-width joiner sequences with further pictographs (``👩‍👩‍👧`` is
  one token; so are ``🕊️`` and ``#️⃣``). Words and flags keep these too: a token's edges are
  always between two characters of ``character_pattern``.
  Punctuation is therefore one token per character: ``“``, ``,``, ``...`` is three ``.`` tokens.

Tokenization is local: the tokens after any whitespace character do not depend on the text
before it, and the tokens before it do not depend on the text after it. ``tokens_near`` relies on
this to tokenize only the stretch of a long text around a selection. A Han or kana letter is
such a place too: it begins a token wherever it stands (``unspaced_scripts.begins_a_token``).

Sentences are split in ``sentences``, which takes a zero-width space and U+FEFF for whitespace
as these rules do (``INVISIBLE_BREAKS``, ``parts_tokens``).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from functools import cache
from typing import NamedTuple

from annotator.core import unspaced_scripts
from annotator.core.code_ranges import class_body
from annotator.core.code_ranges import code_ranges as code_ranges  # search_fold imports it here


class Token(NamedTuple):
    """One token: code-point offsets into the text (end exclusive) and its text."""

    start: int
    end: int
    text: str


# Marks appear only in planes 0, 1 and 14 of Unicode; scanning just those costs about 25 ms
# instead of 150 ms for all of them (tests check the two scans agree for this Python).
_MARK_PLANES = ((0x0000, 0x20000), (0xE0000, 0xF0000))
_PICTOGRAPHS = (
    "\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u21aa\u231a-\u23ff\u24c2\u25aa-\u27bf"
    "\u2934\u2935\u2b05-\u2b55\u3030\u303d\u3297\u3299\U0001f000-\U0001faff"
)
_SKIN_TONES = "\U0001f3fb-\U0001f3ff"
_TAGS = "\U000e0020-\U000e007f"
_JOINERS = "\u200c\u200d"
_APOSTROPHES = "'\u2019"
_HYPHENS = "\\-\u2010\u2011"
_REGIONAL = "[\U0001f1e6-\U0001f1ff]"
ZERO_WIDTH_SPACE = "\u200b"
BYTE_ORDER_MARK = "\ufeff"  # ZERO WIDTH NO-BREAK SPACE, in a text a byte order mark left there
# What parts tokens as whitespace does, though not whitespace (and is kept in hf's gaps).
INVISIBLE_BREAKS = ZERO_WIDTH_SPACE + BYTE_ORDER_MARK


def parts_tokens(char: str) -> bool:
    """Whether ``char`` parts tokens and is never in one (alone, without marks after it):
    whitespace and ``INVISIBLE_BREAKS``."""
    return char.isspace() or char in INVISIBLE_BREAKS


def mark_ranges(planes: Sequence[tuple[int, int]] = _MARK_PLANES) -> list[tuple[int, int]]:
    """Inclusive code-point ranges of the combining marks (Mn, Mc, Me) in ``planes``."""
    category = unicodedata.category
    return code_ranges(
        code
        for low, high in planes
        for code, name in enumerate(map(category, map(chr, range(low, high))), low)
        if name[0] == "M"
    )


@cache
def _marks_body() -> str:
    return class_body(mark_ranges())


@cache
def _token_pattern() -> re.Pattern[str]:
    return re.compile("|".join(_token_kinds()))


@cache
def _token_kinds() -> tuple[str, ...]:
    """The patterns of the kinds of token, in the order they are tried: a dotted abbreviation,
    a possessive, a word, a flag, a letter of a script written without spaces, any other
    character (see the module docstring)."""
    marks = _marks_body()
    unspaced = unspaced_scripts.letters_body()  # never part of a word: tokens of their own
    alnum = f"[^\\W_{unspaced}]"
    letter = f"[^\\W\\d_{unspaced}]"
    # What continues the character before it, exactly as ``character_pattern`` has it, so that
    # no token edge falls inside a character: marks, skin tones, tags, the non-joiner, and the
    # joiner with a pictograph after it.
    word_mark = f"(?:[{marks}{_SKIN_TONES}{_TAGS}\u200c]|\u200d(?:[{_PICTOGRAPHS}])?)"
    word_char = f"(?:{alnum}|{word_mark})"
    digit_join = r"(?<=\d)[.,:/](?=\d)"
    part = f"{alnum}(?:{alnum}|{word_mark}|{digit_join})*"
    apostrophe_join = f"[{_APOSTROPHES}](?![sS](?!{word_char}))"
    word = f"{part}(?:(?:[{_HYPHENS}]|{apostrophe_join}){part})*"
    abbreviation = f"(?:{letter}{word_mark}*\\.){{2,}}(?!{word_char})"
    possessive = f"[{_APOSTROPHES}][sS](?!{word_char})"
    # A zero-width space parts words, as search reads it: a CoNLL export wrote it as a token
    # ("zero \u200b width" imported back). So does U+FEFF, a byte order mark left in a text:
    # a CoNLL line of it alone was read back as nothing. With marks after either, it holds
    # them (one character).
    breaks = INVISIBLE_BREAKS
    other = f"(?:[^\\s{breaks}]|[{breaks}](?={word_mark})){word_mark}*"
    flag = f"{_REGIONAL}{_REGIONAL}{word_mark}*"
    return (abbreviation, possessive, word, flag, unspaced_scripts.token_pattern(word_mark), other)


# What continues the character before it (UAX #29's Extend and ZWJ, as far as a terminal draws
# them as one): marks, variation selectors among them, skin tones, tags, and both joiners.
def continuing_class() -> str:
    """The body of a regex character class of what ``continuing_pattern`` matches."""
    return f"{_marks_body()}{_SKIN_TONES}{_TAGS}{_JOINERS}"


@cache
def character_pattern() -> re.Pattern[str]:
    """One character as a reader sees it (an extended grapheme cluster, near enough): any code
    point with the marks, modifiers and tags after it, a flag (two regional indicators), and a
    zero-width joiner sequence of pictographs. Its matches from 0 tile the text.

    Whitespace is a character of its own, never with a mark after it (which Unicode would join
    to it): the tokenizer never puts whitespace in a token, so a token may begin at such a mark,
    and a span's edges are token or character edges alike."""
    extend = f"[{_marks_body()}{_SKIN_TONES}{_TAGS}\u200c]"
    return re.compile(
        f"(?s:\\s|(?:{_REGIONAL}{_REGIONAL}|.)(?:{extend}|\u200d(?:[{_PICTOGRAPHS}])?)*)"
    )


@cache
def continuing_pattern() -> re.Pattern[str]:
    """A code point that belongs to the character before it (``character_pattern``)."""
    return re.compile(f"[{continuing_class()}]")


@cache
def word_run_pattern() -> re.Pattern[str]:
    """What a word move (ctrl+left, ctrl+right; ``word_selection``) crosses in one press, and
    the possessive after a word (group ``possessive``), which ``word_runs`` leaves out."""
    # The tokenizer's words, so that a word move crosses what snapping takes as one word:
    # "Rene\u0301e", "Lindqvist-Aro", "O’Hara", "1,200" and "U.S." in one press each. (TextArea's
    # ``\w`` runs stop at every accent, apostrophe, hyphen and comma.) Flags and emoji are stops
    # too, one press each ("again 👨‍👩‍👧 ❤️" took both emoji with the word); punctuation is not.
    # A letter of a script written without spaces is one press (a trial's took a clause).
    # The possessive is matched so that its "s" is never read as a word of its own.
    abbreviation, possessive, word, flag, unspaced, other = _token_kinds()
    emoji = f"(?=[{_PICTOGRAPHS}]){other}"
    kinds = [abbreviation, f"(?P<possessive>{possessive})", word, flag, unspaced, emoji]
    return re.compile("|".join(kinds))


def word_runs(line: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """The words of the word moves in ``line`` from ``start`` (0 or a stretch's start), as
    start and end. A possessive is not one: snapping leaves it out of a span's edges, so the
    moves stop where the word it keeps ends ("Vellmark" of "Vellmark’s") and cross the "’s" as
    they cross a comma, never stopping after it, where no span snapped to words ends. (A trial
    found ctrl+left stopping at the "’" of a span snapping had made "Vellmark’s".)"""
    for run in word_run_pattern().finditer(line, start):
        if run["possessive"] is None:
            yield run.span()


def is_possessive(token_text: str) -> bool:
    """Whether a token is a possessive ``'s`` or ``’s`` (or the contraction in ``it's``)."""
    return len(token_text) == 2 and token_text[0] in _APOSTROPHES and token_text[1] in "sS"


def word_left(line: str, column: int) -> int:
    """Where ctrl+left goes from ``column`` of ``line``: TextArea's rule (the last start or end
    of a word before the cursor, spaces before it skipped; else the line's start), with a word's
    marks, joiners and emoji modifiers part of it, never a stop inside it."""
    end = len(line[:column].rstrip())
    stop = 0
    # The whole line is read: a word cut at the cursor would have edges of its own.
    for run in word_runs(line):
        if run[0] >= end:
            break
        for edge in run:
            if 0 < edge < end:
                stop = edge
    return stop


def word_right(line: str, column: int) -> int:
    """Where ctrl+right goes from ``column`` of ``line``: TextArea's rule (spaces skipped, then
    the next start or end of a word; else the line's end), never stopping inside a character."""
    size = len(line)
    start = column
    while start < size and line[start].isspace():
        start += 1
    # Read the words from the start of the stretch without spaces holding the cursor (where
    # tokenizing may start): read from the cursor, "1,2|00" would seem to hold a word "00", and
    # "Rene|\u0301e" (between a letter and its accent) no word at all.
    for run in word_runs(line, chunk_start(line, start)):
        for edge in run:
            if start < edge < size:
                return edge
    return size


def character_around(text: str, offset: int) -> tuple[int, int] | None:
    """The character (``character_pattern``) that ``offset`` falls inside of, as its start and
    end; None when ``offset`` is between two characters (or at either end of ``text``).

    A span edge there would cut a character in two: a letter from its accent, an emoji from its
    skin tone or variation selector, a zero-width joiner sequence, a flag.
    """
    if offset <= 0 or offset >= len(text):
        return None
    # Below U+0300 nothing joins the character before it (marks, joiners, modifiers, regional
    # indicators all lie above): the common case needs no pattern.
    if text[offset] < "\u0300" and text[offset - 1] < "\u0300":
        return None
    # Characters are read from the start of the stretch without spaces (whitespace is a
    # character of its own: one ends where a stretch begins).
    start = chunk_start(text, offset)
    if start == offset:
        return None
    for match in character_pattern().finditer(text, start):
        if match.end() > offset:
            return (match.start(), match.end()) if match.start() < offset else None
    return None


def iter_tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``, lazily.

    ``start`` must be 0 or follow a whitespace character and ``end`` must be ``len(text)`` or a
    whitespace position for the result to equal the slice of ``tokenize(text)``.
    """
    stop = len(text) if end is None else end
    for match in _token_pattern().finditer(text, start, stop):
        yield Token(match.start(), match.end(), match.group())


def tokenize(text: str) -> list[Token]:
    """Every token of ``text``, in order (see the module docstring for the rules)."""
    return list(iter_tokens(text))


def chunk_start(text: str, offset: int) -> int:
    """The start of the whitespace-free stretch holding ``offset`` (0 or just after a space)."""
    position = min(max(offset, 0), len(text))
    while position > 0 and not text[position - 1].isspace():
        position -= 1
    return position


def chunk_end(text: str, offset: int) -> int:
    """The end of the whitespace-free stretch holding ``offset`` (a space or ``len(text)``)."""
    position = min(max(offset, 0), len(text))
    size = len(text)
    while position < size and not text[position].isspace():
        position += 1
    return position


def tokens_near(text: str, start: int, end: int) -> list[Token]:
    """The tokens overlapping ``[start, end)``; for an empty range, the token covering ``start``.

    Only the whitespace-delimited stretch around the range is tokenized, so this is cheap on a
    long text; the tokens are exactly those ``tokenize(text)`` has there.
    """
    start, end = min(start, end), max(start, end)
    stop = max(end, start + 1)
    low, high = chunk_start(text, start), chunk_end(text, stop - 1)
    return [
        token for token in iter_tokens(text, low, high) if token.end > start and token.start < stop
    ]


def token_index_at(tokens: Sequence[Token], offset: int) -> int | None:
    """The index of the token covering ``offset`` (start <= offset < end), or None."""
    index = bisect_right(tokens, offset, key=lambda token: token.start) - 1
    if index >= 0 and offset < tokens[index].end:
        return index
    return None


def token_at(tokens: Sequence[Token], offset: int) -> Token | None:
    """The token covering ``offset``, or None (whitespace, or past the end)."""
    index = token_index_at(tokens, offset)
    return None if index is None else tokens[index]


def tokens_overlapping(tokens: Sequence[Token], start: int, end: int) -> Sequence[Token]:
    """The tokens sharing at least one character with ``[start, end)``, in order."""
    first = bisect_right(tokens, start, key=lambda token: token.end)
    last = bisect_left(tokens, end, key=lambda token: token.start)
    return tokens[first:last]
