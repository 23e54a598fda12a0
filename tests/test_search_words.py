"""Whole words first, found without asking the tokenizer of every match: the same matches as
asking it of each (the way the search did, kept here as the reference), and few questions."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core import search
from annotator.core.search import find_match, fold, matches
from annotator.core.search_fold import plain_run as _plain_run


def reference_find_match(
    text: str, query: str, cursor: int, after: int | None = None
) -> tuple[int, int] | None:
    """``find_match`` as it was: every match asked whether it is a whole word."""
    everything = list(matches(text, query))
    if not everything:
        return None
    words = [match for match in everything if search._whole_word(text, *match)]
    chosen = words or everything
    if after is not None:
        later = [match for match in chosen if match[0] > after]
    else:
        later = [match for match in chosen if match[1] >= cursor]
    return later[0] if later else chosen[0]


# Letters, digits and what joins or parts words, and characters that do not fold one to one:
# accents written apart, "ß", a Hangul syllable, emoji with modifiers and joiners, U+0345 (an
# accent folding to a letter), ❶ (a digit a joiner may take into an emoji sequence), ʼ (a letter
# folding to an apostrophe), brackets (markup copied with an article: "[bold red]303[/]"), runs of
# whitespace and format characters (each folds to one space, or to nothing).
PIECES = [
    "e", "E", "a", "s", "1", "2", " ", "\n", ",", ".", "-", "'", "\u2019", "'s", "\u2019s",
    "\u00e9", "e\u0301", "\u0301", "\u00df", "ss", "\ud55c", "\U0001f44d", "\U0001f3fd",
    "\u200d", "\u200c", "\u2776", "\u0345", "\u02bc", "U.S.", ":", "/", "\u0130", "i",
    "-\u0345", "\u2014\u0345", "-\u200d\u2776", "[", "]", "<", "}",
    "\n\n", "\t", "  ", "\u200b", "\u00ad", "\u2060", "\u200e",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=16).map("".join)


@settings(max_examples=1000, deadline=None)
@given(texts, st.data())
def test_the_search_goes_where_asking_every_match_went(text: str, data: st.DataObject) -> None:
    if data.draw(st.booleans()) and text:
        low = data.draw(st.integers(0, len(text) - 1))
        high = data.draw(st.integers(low + 1, min(len(text), low + 4)))
        query = text[low:high]
    else:
        query = "".join(data.draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=3)))
    cursor = data.draw(st.integers(0, len(text)))
    assert find_match(text, query, cursor) == reference_find_match(text, query, cursor)
    found = reference_find_match(text, query, cursor)
    if found is not None:
        again = find_match(text, query, found[1], after=found[0])
        assert again == reference_find_match(text, query, found[1], after=found[0])


def test_a_letter_or_digit_in_the_folded_plain_runs_is_one_in_the_text() -> None:
    # The whole-word scan leaves out a match glued to a letter or digit of the folded text
    # inside a plain run: that must be a letter or digit of the text, which the tokenizer never
    # parts from the next one (U+02BC ʼ is a letter folding to an apostrophe: the other way,
    # which leaves nothing out). Checked for this Python's Unicode.
    plain = _plain_run()
    wrong = [
        hex(code)
        for code in range(0x10000)
        if plain.fullmatch(chr(code)) and fold(chr(code)).isalnum() and not chr(code).isalnum()
    ]
    assert wrong == []


@pytest.fixture
def tokenizer_questions(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """The matches the search asks the tokenizer about, as it asks."""
    asked: list[tuple[int, int]] = []
    whole_word = search._whole_word

    def counted(text: str, start: int, end: int) -> bool:
        asked.append((start, end))
        return whole_word(text, start, end)

    monkeypatch.setattr(search, "_whole_word", counted)
    search._has_whole_word.cache_clear()
    return asked


LONG = "Seventeen delegates met here; the e-mail of Mr. Eze came.\n" * 2000


def test_a_letter_only_inside_words_asks_the_tokenizer_little(
    tokenizer_questions: list[tuple[int, int]],
) -> None:
    """A trial's /e in a 0.9 MB article took 0.4 s: each enter asked the tokenizer about every
    one of its matches (here 26,000) whether it stands as a word."""
    middle = LONG.index("Seventeen", len(LONG) // 2)
    assert find_match(LONG, "e", middle) == (middle + 1, middle + 2)
    # Only the "e" of "e-mail" (a word of its own to the regex module, not to the tokenizer)
    # is asked about, once per line, and once per text and query.
    assert len(tokenizer_questions) == 2000
    assert find_match(LONG, "e", middle + 3) == (middle + 3, middle + 4)
    assert find_match(LONG, "E", middle + 4, after=middle + 3) == (middle + 6, middle + 7)
    assert len(tokenizer_questions) == 2000


def test_a_word_is_found_from_the_cursor_asking_about_few_matches(
    tokenizer_questions: list[tuple[int, int]],
) -> None:
    first, middle = LONG.index("Eze"), LONG.index("Eze", len(LONG) // 2)
    assert find_match(LONG, "eze", middle) == (middle, middle + 3)
    assert find_match(LONG, "Eze", middle + 3, after=middle) == (middle + 58, middle + 61)
    # The first whole word in the text, once, then the one at the cursor, then the next.
    assert tokenizer_questions == [
        (first, first + 3),
        (middle, middle + 3),
        (middle + 58, middle + 61),
    ]


def test_the_answer_kept_is_the_texts_own() -> None:
    inside = "a Kestrian side"
    alone = "Kestria's side"
    assert find_match(inside, "kestria", 0) == (2, 9)
    assert find_match(alone, "kestria", 0) == (0, 7)
    assert find_match(inside + ", Kestria", "kestria", 0) == (17, 24)


@pytest.mark.parametrize(
    ("text", "query", "expected"),
    [
        ("Rene\u0301e and Ren\u00e9e", "renee", (0, 6)),  # an accent apart: a plain run's edge
        ("Stra\u00dfe and strasse", "STRASSE", (0, 6)),  # ß folds to two code points
        ("e\u0345 and e", "e\u03b9", (0, 2)),  # U+0345 folds to a letter: still one word
        ("\u2014\u0345e and e", "e", (2, 3)),  # "—" with U+0345 folds to "-ι": "e" is a word
        ("-\u200d\u27762 and 2", "2", (3, 4)),  # ❶ joined to "-" (an emoji sequence): "2" too
        ("\U0001f44d\U0001f3fd ok and took", "ok", (3, 5)),
    ],
)
def test_words_beside_characters_that_do_not_fold_one_to_one(
    text: str, query: str, expected: tuple[int, int]
) -> None:
    assert unicodedata.is_normalized("NFC", query) or query
    assert find_match(text, query, 0) == expected == reference_find_match(text, query, 0)
