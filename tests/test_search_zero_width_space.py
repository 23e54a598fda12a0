"""A space typed in a query finds a zero-width space between two words: ``/zero width`` did not
find "zero\\u200bwidth" (the search dropped the zero-width space, so the space typed stood
against nothing). Only the zero-width space, which marks a break between words, and U+FEFF, a
byte order mark left in a text, which the tokenizer parts words at as it does at the zero-width
space (``tokens.INVISIBLE_BREAKS``), are read so: "zero width" never finds "zerowidth", nor a
word a soft hyphen or a joiner is inside."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.search import find_counted, find_match, fold, matches
from annotator.core.tokens import tokenize

TRIAL = "A zero\u200bwidth space sits here"


def test_a_space_typed_finds_the_zero_width_space_and_no_space_still_does() -> None:
    assert list(matches(TRIAL, "zero width")) == [(2, 12)]
    assert list(matches(TRIAL, "zerowidth")) == [(2, 12)]
    assert find_match(TRIAL, "zero width", 0) == (2, 12)
    assert list(matches(TRIAL, "zero width space")) == [(2, 18)]
    assert list(matches(TRIAL, "zerowidth space")) == [(2, 18)]


def test_a_space_typed_finds_a_byte_order_mark_between_words_as_the_tokenizer_parts_them() -> None:
    # Two files joined: "zero\ufeffwidth" is two tokens, and was found only by "zerowidth".
    text = "A zero\ufeffwidth space sits here"
    assert [token.text for token in tokenize(text)][1:3] == ["zero", "width"]
    assert list(matches(text, "zero width")) == [(2, 12)]
    assert list(matches(text, "zerowidth")) == [(2, 12)]
    assert find_match(text, "zero width", 0) == (2, 12)  # whole words: two tokens, as typed
    assert list(matches(text, "zero width space")) == [(2, 18)]
    # Either break, and both in one run, beside other format characters.
    text = "Rene\u0301e\ufeff\u2060Castellan and zero\u200b\ufeffwidth"
    assert list(matches(text, "renée castellan")) == [(0, 17)]
    assert list(matches(text, "zero width")) == [(22, len(text))]
    assert list(matches("zero\ufeff width", "zero width")) == [(0, 11)]  # one break, whitespace


@pytest.mark.parametrize(
    "text",
    [
        "met zerowidth here",
        "met zero\u00adwidth here",  # soft hyphen: a place to hyphenate a word
        "met zero\u2060width here",  # word joiner: no break here
        "met zero\u200cwidth here",  # zero-width non-joiner
        "met zero\u200dwidth here",  # zero-width joiner
        "met zero\u200ewidth here",  # left-to-right mark
        "met zero\u2066width\u2069 here",  # an isolate
    ],
)
def test_a_space_typed_never_finds_a_word_with_no_break_in_it(text: str) -> None:
    assert list(matches(text, "zero width")) == []
    assert find_match(text, "zero width", 0) is None
    assert list(matches(text, "zerowidth")) != []  # the word as one is found


def test_offsets_over_accents_written_apart_emoji_and_other_scripts() -> None:
    # Пе\u0301тр: an accent written apart; 👍🏽 two code points; Rene\u0301e six.
    text = "Пе\u0301тр\u200bИванов 👍🏽 Rene\u0301e\u200b\u2060Castellan said"
    assert list(matches(text, "петр иванов")) == [(0, 12)]
    assert text[0:12] == "Пе\u0301тр\u200bИванов"
    start = text.index("Rene")
    # A run of format characters holding a zero-width space is one break, taken whole.
    assert list(matches(text, "renée castellan")) == [(start, start + 17)]
    assert text[start : start + 17] == "Rene\u0301e\u200b\u2060Castellan"
    # "Rene" ends with the accent of its e, part of that character.
    assert list(matches(text, "иванов 👍🏽 rene")) == [(6, 21)]
    assert text[6:21] == "Иванов 👍🏽 Rene\u0301"


def test_a_zero_width_space_beside_whitespace_adds_no_second_break() -> None:
    # Beside whitespace it is part of that run, as before: one space finds the run, and a
    # space at the end of the query takes the whitespace, not the zero-width space after it.
    text = "freed on Sunday.\n\n\u200bRescuer"
    assert list(matches(text, "Sunday. ")) == [(9, 18)]
    assert list(matches(text, "Sunday. Rescuer")) == [(9, len(text))]
    assert list(matches(text, "Sunday.  Rescuer")) == [(9, len(text))]  # spaces fold to one
    text = "an \u200b envoy"
    assert list(matches(text, "an envoy")) == [(0, len(text))]


def test_a_space_at_either_end_of_the_query_takes_the_zero_width_space() -> None:
    assert list(matches(TRIAL, "zero ")) == [(2, 7)]
    assert list(matches(TRIAL, " width")) == [(6, 12)]
    # A space typed alone finds each break once: the spaces and the zero-width space.
    assert list(matches("a\u200bb c", " ")) == [(1, 2), (3, 4)]


def test_whole_words_and_counts_go_through_both_kinds_of_break() -> None:
    text = "zero\u200bwidths and zero\u200bwidth, then zero width"
    # Whole words first: "zero\u200bwidths" holds the query inside a word.
    assert find_match(text, "zero width", 0) == (16, 26)
    found = find_counted(text, "zero width", 0)
    assert found is not None and (found.start, found.place, found.total) == (16, 1, 2)
    found = find_counted(text, "zero width", 26, after=16)
    assert found is not None and (found.start, found.end, found.place) == (33, 43, 2)


def test_a_query_spacing_one_zero_width_space_of_two_finds_nothing_there() -> None:
    # Each folded form reads every zero-width space one way (the module's docstring).
    text = "a\u200bb c\u200bd"
    assert list(matches(text, "a b c d")) == [(0, 7)]
    assert list(matches(text, "ab cd")) == [(0, 7)]
    assert list(matches(text, "a b cd")) == []


WORDS = ["zero", "Width", "Ренée", "re\u0301sume\u0301", "👩\u200d👩\u200d👧", "12", "Kestria's"]
BREAKS = [
    " ", "\n\n", "\t", "\u200b", "\u200b\u2060", "\u00ad\u200b", " \u200b", "\u200b\n",
    "\ufeff", "\u2060\ufeff", "\ufeff\u200b", "\ufeff\n",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(BREAKS)), min_size=2, max_size=6),
    st.data(),
)
def test_a_phrase_is_found_whatever_breaks_its_words(
    parts: list[tuple[str, str]], data: st.DataObject
) -> None:
    """Words parted by whitespace, a zero-width space or both: the phrase typed with one space
    between its words is found at the offsets of its first and last word."""
    first = data.draw(st.integers(0, len(parts) - 2))
    last = data.draw(st.integers(first + 1, len(parts) - 1))
    text = "".join(word + run for word, run in parts)
    start = sum(len(word + run) for word, run in parts[:first])
    end = sum(len(word + run) for word, run in parts[:last]) + len(parts[last][0])
    query = " ".join(word for word, _run in parts[first : last + 1])
    assert (start, end) in list(matches(text, query)), (text, query)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=2, max_size=4), st.data())
def test_a_space_typed_never_finds_words_run_together(
    words: list[str], data: st.DataObject
) -> None:
    """Words with nothing between them, or only what marks no break, are never found by the
    query with a space between them."""
    joiners = st.sampled_from(["", "\u00ad", "\u2060", "\u200e"])
    text = words[0] + "".join(data.draw(joiners) + word for word in words[1:])
    query = " ".join(words)
    if " " in fold(text):
        return  # a word of its own holds a space (none of WORDS does)
    assert list(matches(text, query)) == [], (text, query)
