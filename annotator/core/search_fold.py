"""What the search compares: a text folded (``fold``), and where its folded form's offsets are
in the text (``folded``, ``start_in_text``, ``end_in_text``, ``key_at``).

Annotators type on plain keyboards, often over SSH, so a match ignores what such a keyboard
cannot type easily. Both the query and the text are folded the same way (``fold``), and a match
is where the folds are equal:

- case: Unicode's canonical caseless form (D145, ``NFD(casefold(NFD(x)))``), so "Renée" typed
  with a precomposed ``é`` finds "Rene\\u0301e" written with a combining accent, and back;
- accents: after NFD the marks placed above, below or through a letter (canonical combining
  class 200 or more: the accents of Latin, Greek, Cyrillic, Vietnamese) are dropped. "Jozef"
  finds "Józef"; as both sides fold alike, "Józef" also finds "Jozef". Marks that make another
  letter or sound (viramas, nuktas, kana voicing, vowel signs and points, overlays as in "≠")
  are kept;
- letters a plain keyboard lacks are read as it types them: ł ø đ ð ħ ŧ ŋ ı ĸ as l o d d h t n
  i k (Ð, eth, stands in for Đ: "Dordevic" finds "Ðorđević"), þ æ œ as th ae oe ("Thorsson"
  finds "Þórsson"), and ß as ss (casefold's), capitals alike;
- quotes and dashes: ' ‘ ’ ‚ ‛ ʼ ′ ‹ › are one, " “ ” „ ‟ ″ « » are one, - ‐ ‑ ‒ – — ― − are
  one. Guillemets are the quotes of many languages' articles (Ukrainian, Russian, French,
  Arabic): a trial's ``"Додому`` was "not in this article", the text quoting «Додому; the
  single ones ‹ › stand where ' ' do. Each folds to one code point, so offsets stay exact;
- invisible format characters (Unicode category Cf) are dropped: a zero-width space, soft
  hyphen, word joiner, zero-width non-joiner or joiner, byte order mark, and the marks and
  embeddings of bidirectional text. A trial's "zero\\u200bwidth" showed as one word, and
  ``zerowidth`` was "not in this article". Kept: a joiner that joins a pictograph to the
  character before it (👩\\u200d👩\\u200d👧 is one emoji, a family, not 👩👩👧), the tags that
  say which flag a black flag with them is (🏴 and tags: Scotland's), and the visible signs that
  span the digits after them (Arabic number signs: prepended concatenation marks);
- whitespace: a run of it, of any length, is one space: a tab, a line break, a blank line
  between paragraphs, a no-break, thin or other space (format characters among them aside).
  A trial's "freed on Sunday. Rescuer" was "not in this article": a blank line parted them.
  A zero-width space between two words parts them as a space does, for a query with a space
  (``folded_spaced``): "zero width" finds "zero\\u200bwidth" as "zerowidth" does; so does
  U+FEFF, a byte order mark left in a text, which the tokenizer takes for a break as it takes
  the zero-width space (``tokens.INVISIBLE_BREAKS``). No other format character does: "no
  thing" does not find "no\\u00adthing" (a soft hyphen), nor "zero width" "zerowidth". A query
  that spaces one such break of a phrase and not another finds nothing there (each folded form
  reads them all one way).

The folded text is built once per text (a few are kept), in segments: runs of code points that
fold one to one (most of any article, accented letters written precomposed too, and a single
space between words) are mapped by arithmetic, the other characters one by one, and a run of
whitespace as one: a 1 MB article is folded in about 70 ms (``bench.search_words``).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from functools import cache, lru_cache
from typing import NamedTuple

from annotator.core.tokens import (
    INVISIBLE_BREAKS,
    character_pattern,
    code_ranges,
    continuing_class,
    continuing_pattern,
    mark_ranges,
)

_JOINERS = "\u200c\u200d"  # they continue a character as marks do (tokens.continuing_class)
_JOINER = "\u200d"
_PLANE_1 = 0x10000  # the first code point above the Basic Multilingual Plane
_WHITESPACE = "".join(chr(code) for code in range(0x3001) if chr(code).isspace())

# What a plain keyboard types for each (after casefold: lower case).
_SAME_AS = {
    "'": "\u2018\u2019\u201a\u201b\u02bc\u2032\u2039\u203a",
    '"': "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb",
    "-": "\u2010\u2011\u2012\u2013\u2014\u2015\u2212",
    # A tab or line break pasted into an article, a no-break or thin space: a trial's
    # "11 civilian officials" was "not in this article", its words parted by a tab.
    " ": _WHITESPACE.replace(" ", ""),
    # Letters whose stroke or hook is part of them, not a mark NFD takes apart: ł ø đ ħ ŧ ŋ
    # read as the letter under it; a dotless ı; eth ð, also a stand-in for đ (a trial's
    # "Ðorđević", 189 times, was "not in this article" for /Dordevic); kra ĸ, a k to the eye.
    "l": "\u0142",
    "o": "\u00f8",
    "d": "\u0111\u00f0",
    "h": "\u0127",
    "t": "\u0167",
    "n": "\u014b",
    "i": "\u0131",
    "k": "\u0138",
    # A letter typed as two, as ß is ("ss", by casefold): thorn (Thorsson finds Þórsson) and
    # the ligatures æ œ. Such a character is a segment of its own in ``folded``, so a match
    # takes it whole or not at all ("t" never finds half of þ).
    "th": "\u00fe",
    "ae": "\u00e6",
    "oe": "\u0153",
}
# Accents (combining class 200 or more) and format characters but tags are all below U+20000;
# tests check it for this Python.
_CHECKED_BELOW = 0x20000
# Format characters a reader sees: they span the digits after them (PropList.txt's
# Prepended_Concatenation_Mark), as the Arabic number sign ؀ does.
_VISIBLE_FORMAT = "\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2"
_VISIBLE_FORMAT_ABOVE = "\U000110bd\U000110cd"


def _ignored(char: str) -> bool:
    """Whether the fold drops ``char``, a code point below ``_CHECKED_BELOW`` (the joiner is
    dropped or kept by where it is: ``_without_lone_joiners``)."""
    category = unicodedata.category(char)
    if category == "Cf":
        return char not in _VISIBLE_FORMAT + _VISIBLE_FORMAT_ABOVE + _JOINER
    return unicodedata.combining(char) >= 200


@cache
def _fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {
        ord(other): plain for plain, others in _SAME_AS.items() for other in others
    }
    table.update(dict.fromkeys(code for code in range(_CHECKED_BELOW) if _ignored(chr(code))))
    return table


_SPACES = re.compile(" {2,}")


def fold(text: str) -> str:
    """``text`` as the search compares it: equal for text a reader would call equal whatever
    its case and accents, its quotes and dashes straight or curly, its invisible format
    characters and how much whitespace parts its words (the module's docstring)."""
    if _JOINER in text:
        text = _without_lone_joiners(text)
    caseless = unicodedata.normalize("NFD", unicodedata.normalize("NFD", text).casefold())
    folded = caseless.translate(_fold_table())
    return _SPACES.sub(" ", folded) if "  " in folded else folded


def _without_lone_joiners(text: str) -> str:
    """``text`` without the zero-width joiners that join nothing, as one between letters or
    beside a space does. One that joins a pictograph to the one before it, in one character
    (``tokens.character_pattern``), is kept: 👩\\u200d👩\\u200d👧 is one emoji, not 👩👩👧.
    Each character is read on its own, so that a text folds as its characters do one by one
    (and a format character dropped later changes nothing here)."""
    return "".join(
        _lone_joiner().sub("", character) if _JOINER in character else character
        for character in character_pattern().findall(text)
    )


@cache
def _lone_joiner() -> re.Pattern[str]:
    """A joiner in a character that does not stand between a code point that is no format
    character and one that continues no character (a pictograph, in ``character_pattern``)."""
    formats = code_ranges(
        code for code in range(_CHECKED_BELOW) if unicodedata.category(chr(code)) == "Cf"
    )
    neither = f"{continuing_class()}{_ranges_body(formats)}"  # tags: continuing_class
    return re.compile(f"(?:^|(?<=[{neither}])){_JOINER}|{_JOINER}(?![^{neither}])")


class Folded(NamedTuple):
    """A text's folded form, in segments: each is a run of characters that fold one code point
    to one (``linear``), or a single character, or a run of whitespace, whose fold has any
    length (none, for a format character)."""

    key: str
    text_starts: list[int]  # each segment's start in the text, then len(text)
    key_starts: list[int]  # the same in ``key``, then len(key)
    linear: list[bool]
    # The segments that are neither (``linear`` false) nor a run of whitespace, in order: where
    # the folded text's letters and digits may not be the text's (search._word_edge_starts).
    others: list[int]


def _ranges_body(ranges: list[tuple[int, int]]) -> str:
    return "".join(
        re.escape(chr(low)) + ("" if low == high else "-" + re.escape(chr(high)))
        for low, high in ranges
    )


@cache
def _folding_to_nothing() -> str:
    """The body of a regex character class of the code points whose fold on their own is
    empty (format characters, an accent with no letter before it)."""
    nothing = code_ranges(code for code in range(_CHECKED_BELOW) if not fold(chr(code)))
    return _ranges_body(nothing)


@cache
def plain_run() -> re.Pattern[str]:
    """Code points that are characters on their own (no mark or joiner among them) and fold to
    one code point each ("ß", ligatures, Hangul syllables, lone accents, format characters do
    not), whitespace only where it is one between words; ``folded`` leaves the last one out
    when a mark follows it."""
    # The class takes every code point above U+FFFF out, not only the marks, tones, tags and
    # flag halves among them: the regex module tests a class's ranges there one by one for each
    # code point (150 ms a MB with the marks of plane 1), and those code points are rare in an
    # article (each is a character of its own in ``folded``).
    growing = code_ranges(code for code in range(_PLANE_1) if len(fold(chr(code))) != 1)
    marks = mark_ranges(((0, _PLANE_1),))
    other = f"[^{_ranges_body(marks + growing)}{_JOINERS}\\U00010000-\\U0010ffff\\s]+"
    return re.compile(f"(?:{other}|\\s(?![{_folding_to_nothing()}]*\\s))+")


@cache
def whitespace_run() -> re.Pattern[str]:
    """Whitespace, and more of it after what folds to nothing: it folds to one space."""
    return re.compile(f"\\s(?:[{_folding_to_nothing()}]*\\s)*")


@cache
def soft_break() -> re.Pattern[str]:
    """A run of what folds to nothing holding a zero-width space or U+FEFF
    (``tokens.INVISIBLE_BREAKS``), with no whitespace after it (``folded_spaced``: none before
    it either)."""
    nothing = _folding_to_nothing()
    return re.compile(f"[{nothing}]*?[{INVISIBLE_BREAKS}][{nothing}]*+(?!\\s)")


@lru_cache(maxsize=4)
def folded(text: str) -> Folded:
    """``text``'s folded form, kept for the few texts searched last."""
    return _folded(text, spaced=False)


@lru_cache(maxsize=2)
def folded_spaced(text: str) -> Folded | None:
    """``text``'s folded form with each zero-width space or U+FEFF between two words (no
    whitespace on either side) read as one space, as whitespace is; None when ``text`` has
    none. A query with a space is looked for in both (``search``): "zero width" finds
    "zero\\u200bwidth" and "zero\\ufeffwidth", and "zerowidth" still does. Only the characters
    the tokenizer parts words at (``tokens.INVISIBLE_BREAKS``): the zero-width space marks a
    break between words (where a line may break, in a script written without spaces), and
    U+FEFF in a text is a byte order mark left there (two files joined), where words met. A
    soft hyphen, a word joiner, a (non-)joiner or a bidirectional mark stands inside a word or
    marks no break, and "no thing" finding "no\\u00adthing" would be a false hit, as "zero
    width" finding "zerowidth"."""
    if not any(character in text for character in INVISIBLE_BREAKS):
        return None
    spaced = _folded(text, spaced=True)
    return None if spaced.key == folded(text).key else spaced


def _folded(text: str, spaced: bool) -> Folded:
    keys: list[str] = []
    text_starts: list[int] = []
    key_starts: list[int] = []
    linear: list[bool] = []
    others: list[int] = []
    length = 0
    last = ""  # the folded text's last code point

    def add(start: int, folded: str, one_to_one: bool) -> None:
        nonlocal length, last
        if not one_to_one and folded != " ":
            others.append(len(linear))
        text_starts.append(start)
        key_starts.append(length)
        linear.append(one_to_one)
        keys.append(folded)
        length += len(folded)
        last = folded[-1:] or last

    plain, continuing, character = plain_run(), continuing_pattern(), character_pattern()
    whitespace = whitespace_run()
    soft = soft_break() if spaced else None
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
        if soft is not None and last != " " and (run := soft.match(text, position)):
            add(position, " ", False)
            position = run.end()
            continue
        whole = whitespace.match(text, position) or character.match(text, position)
        assert whole is not None  # it matches any code point
        add(position, fold(whole.group()), False)
        position = whole.end()
    text_starts.append(size)
    key_starts.append(length)
    return Folded("".join(keys), text_starts, key_starts, linear, others)


def start_in_text(folded: Folded, key_offset: int) -> int | None:
    """Where a match starting at ``key_offset`` of the folded text starts in the text (after
    what folds to nothing there), or None inside a character."""
    index = bisect_right(folded.key_starts, key_offset) - 1
    if index == len(folded.linear):
        return folded.text_starts[index]
    start = folded.key_starts[index]
    if folded.linear[index]:
        return folded.text_starts[index] + key_offset - start
    return folded.text_starts[index] if key_offset == start else None


def end_in_text(folded: Folded, key_offset: int) -> int | None:
    """Where a match ending at ``key_offset`` of the folded text ends in the text (before what
    folds to nothing there), or None inside a character."""
    index = bisect_left(folded.key_starts, key_offset)
    if folded.key_starts[index] == key_offset:
        return folded.text_starts[index]
    index -= 1  # the segment it is inside
    if folded.linear[index]:
        return folded.text_starts[index] + key_offset - folded.key_starts[index]
    return None


def key_at(folded: Folded, text_offset: int) -> int:
    """The offset in the folded text of the character boundary at or before ``text_offset``."""
    index = bisect_right(folded.text_starts, text_offset) - 1
    if index == len(folded.linear):
        return folded.key_starts[index]
    start = folded.key_starts[index]
    if folded.linear[index]:
        return start + text_offset - folded.text_starts[index]
    return start
