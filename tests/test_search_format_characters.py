"""The search ignores the invisible format characters (Unicode category Cf) of the text and of
the query: a trial's "zero\\u200bwidth" showed as one word, and ``zerowidth`` was "not in this
article". A joiner inside an emoji sequence, flag tags and the visible number signs stay."""

from __future__ import annotations

import itertools
import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.search import find_match, fold, matches
from annotator.core.tokens import character_pattern

TRIAL = "A zero\u200bwidth space sits here"
# Written here apart from the search's own table: what is dropped wherever it stands.
IGNORED = [
    "\u200b",  # zero-width space
    "\u00ad",  # soft hyphen
    "\u2060",  # word joiner
    "\ufeff",  # byte order mark, mid-text
    "\u200e", "\u200f",  # left-to-right and right-to-left marks
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",  # embeddings, overrides, their end
    "\u2066", "\u2067", "\u2068", "\u2069",  # isolates
]  # fmt: skip


def test_the_trials_word_is_found_without_its_zero_width_space() -> None:
    assert find_match(TRIAL, "zerowidth", 0) == (2, 12)
    assert TRIAL[2:12] == "zero\u200bwidth"
    # Its halves are found too, never with the zero-width space at either end.
    assert list(matches(TRIAL, "zero")) == [(2, 6)]
    assert list(matches(TRIAL, "width")) == [(7, 12)]
    # A query holding it (pasted) ignores it, as a query of it alone finds nothing.
    assert find_match(TRIAL, "zero\u200bwidth", 0) == (2, 12)
    assert find_match(TRIAL, "zero\u2060wid\u00adth", 0) == (2, 12)
    assert find_match(TRIAL, "\u200b", 0) is None


@pytest.mark.parametrize("ignored", IGNORED)
def test_each_format_character_is_ignored_between_letters(ignored: str) -> None:
    text = f"met zero{ignored}width here"
    assert list(matches(text, "zerowidth")) == [(4, 14)]
    assert list(matches(text, "zero")) == [(4, 8)]
    assert list(matches(text, "width")) == [(9, 14)]
    assert list(matches("met zerowidth here", f"zero{ignored}width")) == [(4, 13)]


def test_a_joiner_between_letters_is_ignored_and_stays_with_the_letter_before_it() -> None:
    # A (non-)joiner after a letter is part of its character (as an accent is): a match ending
    # with the letter takes it, one starting after it never starts on it.
    for joiner in ("\u200c", "\u200d"):
        text = f"met zero{joiner}width here"
        assert list(matches(text, "zerowidth")) == [(4, 14)]
        assert list(matches(text, "zero")) == [(4, 9)]
        assert list(matches(text, "width")) == [(9, 14)]
        # Whole words first: "zero" is not a word there, "zerowidth" is.
        assert find_match(f"{text} and zero", "zero", 0) == (len(text) + 5, len(text) + 9)


def test_format_characters_around_a_word_are_left_out_of_its_match() -> None:
    text = "the \u2068Kestria\u2069 envoy, \u200fRenée\u200e and \ufeffDunmore\u00ad."
    for name in ("Kestria", "Renée", "Dunmore"):
        start = text.index(name)
        assert list(matches(text, name)) == [(start, start + len(name))]
    assert list(matches(text, "kestria envoy")) == [(5, 19)]


def test_offsets_are_code_points_over_emoji_combining_marks_and_crlf_text() -> None:
    text = "👩\u200d👩\u200d👧 Rene\u0301e\u200b Castellan\r\nsaid 👍🏽 no\u00adthing".replace(
        "\r\n", "\n"
    )
    # 👩‍👩‍👧 is 5 code points; Rene\u0301e 6; the line break one.
    assert list(matches(text, "renee castellan")) == [(6, 23)]
    assert text[6:23] == "Rene\u0301e\u200b Castellan"
    assert list(matches(text, "Castellan said 👍🏽 nothing")) == [(14, 40)]
    assert text[14:40] == "Castellan\nsaid 👍🏽 no\u00adthing"


def test_a_joiner_inside_an_emoji_sequence_stays() -> None:
    text = "a 👩\u200d👩\u200d👧 b 👩👩👧 c"
    assert list(matches(text, "👩\u200d👩\u200d👧")) == [(2, 7)]  # the family, not the three
    assert list(matches(text, "👩👩👧")) == [(10, 13)]  # the three, not the family
    assert list(matches(text, "👧")) == [(12, 13)]  # never the end of the family
    # Flags that are tag sequences are not the black flag they begin with.
    scotland = "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
    assert list(matches(f"x {scotland} y \U0001f3f4", "\U0001f3f4")) == [(12, 13)]
    assert list(matches(f"x {scotland} y", scotland)) == [(2, 9)]


def test_the_visible_arabic_number_sign_is_kept() -> None:
    # U+0600 is drawn under the digits after it: "؀١٢" is not "١٢".
    assert fold("\u0600\u0661\u0662") == "\u0600\u0661\u0662"
    assert list(matches("x \u0600\u0661\u0662 y \u0661\u0662", "\u0600\u0661\u0662")) == [(2, 5)]


def test_every_format_character_but_tags_is_below_u20000() -> None:
    # The fold's table of format characters scans only up to U+20000; checked for this Python.
    above = range(0x20000, sys.maxunicode + 1)
    tags = [code for code in above if unicodedata.category(chr(code)) == "Cf"]
    assert tags == [0xE0001, *range(0xE0020, 0xE0080)]
    assert fold("".join(map(chr, tags))) == "".join(map(chr, tags))


# A property: inserting format characters into a text and changing its runs of whitespace never
# stops a search for a phrase of it from finding that phrase at the right offsets.
LETTERS = [
    "a", "Z", "ß", "\u00e9", "e\u0301", "a\u0323\u0301", "İ", "1", "'", "\u2019", "-", "\u2013",
    "👩\u200d👩\u200d👧", "👍🏽", "🇺🇦", "\u0915\u094d", "\u0937", ".",
]  # fmt: skip
WHITESPACE = [" ", "\t", "\n", "\n\n", "\u00a0", "\u2028", "\u2029", "\u3000", "\u2009"]
words = st.lists(st.sampled_from(LETTERS), min_size=1, max_size=4)
runs = st.lists(st.sampled_from(WHITESPACE), min_size=1, max_size=3).map("".join)


def character_bounds(word: str) -> list[int]:
    return [0, *(match.end() for match in character_pattern().finditer(word))]


def with_format_characters(word: str, draw: st.DrawFn) -> tuple[str, int, int]:
    """``word`` with format characters put between its characters and around it: the new word,
    where its first character starts and its last ends."""
    bounds = character_bounds(word)
    characters = [word[start:end] for start, end in itertools.pairwise(bounds)]

    def some() -> str:
        return draw(st.lists(st.sampled_from(IGNORED), max_size=2).map("".join))

    before = some()
    inside = characters[0] + "".join(some() + character for character in characters[1:])
    return before + inside + some(), len(before), len(before) + len(inside)


def with_format_characters_in_a_run(run: str, draw: st.DrawFn) -> str:
    return "".join(
        char + draw(st.lists(st.sampled_from(IGNORED), max_size=1).map("".join)) for char in run
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(words, runs), min_size=1, max_size=6), st.data())
def test_format_characters_and_whitespace_never_hide_a_phrase(
    parts: list[tuple[list[str], str]], data: st.DataObject
) -> None:
    first = data.draw(st.integers(0, len(parts) - 1))
    last = data.draw(st.integers(first, len(parts) - 1))
    text_parts: list[str] = []
    query_parts: list[str] = []
    start = end = 0
    for index, (letters, run) in enumerate(parts):
        word, word_first, word_last = with_format_characters("".join(letters), data.draw)
        offset = sum(map(len, text_parts))
        if index == first:
            start = offset + word_first
        if index == last:
            end = offset + word_last
        if first <= index <= last:
            query_parts.append("".join(letters))
            if index < last:
                query_parts.append(run)  # the phrase as the text was
        new_run = with_format_characters_in_a_run(data.draw(runs), data.draw)
        text_parts += [word, new_run]
    text = "".join(text_parts)
    query = "".join(query_parts)
    if data.draw(st.booleans()):  # a query holding format characters, pasted
        query = with_format_characters(query, data.draw)[0]
    assert (start, end) in list(matches(text, query)), (text, query)
