"""The tokenizer and sentence splitter: exact token lists, sentence spans, and properties."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from annotator.core.sentences import sentence_index_at, sentences
from annotator.core.tokens import (
    Token,
    mark_ranges,
    token_at,
    token_index_at,
    tokenize,
    tokens_near,
    tokens_overlapping,
    word_left,
    word_right,
)


def words(text: str) -> list[str]:
    return [token.text for token in tokenize(text)]


def test_token_list_of_a_quoted_sentence() -> None:
    text = "“Mark Kaliush,” said Kaliush's lawyer."
    assert tokenize(text) == [
        Token(0, 1, "“"),
        Token(1, 5, "Mark"),
        Token(6, 13, "Kaliush"),
        Token(13, 14, ","),
        Token(14, 15, "”"),
        Token(16, 20, "said"),
        Token(21, 28, "Kaliush"),
        Token(28, 30, "'s"),
        Token(31, 37, "lawyer"),
        Token(37, 38, "."),
    ]


def test_apostrophes_and_hyphens_join_word_parts() -> None:
    text = "O'Connell, N’Diaye and forty-one others met Wiśniewski-Ó Briain's aide."
    assert words(text) == [
        "O'Connell",
        ",",
        "N’Diaye",
        "and",
        "forty-one",
        "others",
        "met",
        "Wiśniewski-Ó",
        "Briain",
        "'s",
        "aide",
        ".",
    ]


def test_possessive_split_with_curly_apostrophe_and_plural_possessive() -> None:
    assert words("Ukraine’s prisoners") == ["Ukraine", "’s", "prisoners"]
    assert words("the soldiers' families") == ["the", "soldiers", "'", "families"]
    assert words("O’Hara’s") == ["O’Hara", "’s"]
    assert words("don't") == ["don't"]
    assert words("'sup") == ["'", "sup"]


def test_numbers_dates_and_abbreviations() -> None:
    text = "On 2025-08-24 at 10:30 a.m. the U.S. freed 1,200 (3.5%) people."
    assert words(text) == [
        "On",
        "2025-08-24",
        "at",
        "10:30",
        "a.m.",
        "the",
        "U.S.",
        "freed",
        "1,200",
        "(",
        "3.5",
        "%",
        ")",
        "people",
        ".",
    ]


def test_separators_only_join_between_digits() -> None:
    assert words("146. Then 1,2 and 3,") == ["146", ".", "Then", "1,2", "and", "3", ","]
    assert words("J. Smith") == ["J", ".", "Smith"]
    assert words("U.S.-backed") == ["U.S.", "-", "backed"]
    assert words("well--known") == ["well", "-", "-", "known"]


def test_combining_marks_stay_in_their_word() -> None:
    decomposed = "Ruaire\u0301 O\u0301 Briain"
    assert words(decomposed) == ["Ruaire\u0301", "O\u0301", "Briain"]
    assert tokenize("नमस्ते दुनिया") == [Token(0, 6, "नमस्ते"), Token(7, 13, "दुनिया")]
    assert words("می\u200cخواهم") == ["می\u200cخواهم"]


def test_emoji_keep_their_modifiers() -> None:
    text = "home 🕊️🙏🏽 👩‍👩‍👧 🇺🇦🇺🇦🇺 #️⃣ ❤️!"
    assert words(text) == [
        "home",
        "🕊️",
        "🙏🏽",
        "👩\u200d👩\u200d👧",
        "🇺🇦",
        "🇺🇦",
        "🇺",
        "#️⃣",
        "❤️",
        "!",
    ]
    assert tokenize("🕊️x") == [Token(0, 2, "🕊️"), Token(2, 3, "x")]


def test_every_other_character_is_its_own_token() -> None:
    assert words("a_b ...!? “[x]”") == list("a_b...!?“[x]”")


def test_whitespace_is_never_in_a_token() -> None:
    text = "one\r\ntwo\tthree\u2028four\u00a0five\x0csix\u3000seven"
    assert words(text.replace("\r\n", "\n")) == [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
    ]
    assert tokenize(" \n\t ") == []
    assert tokenize("") == []


def test_mark_scan_of_three_planes_matches_a_full_scan() -> None:
    full = mark_ranges(((0, 0x110000),))
    assert mark_ranges() == full
    assert (0x0300, 0x036F) in full
    assert all(unicodedata.category(chr(low))[0] == "M" for low, _ in full)


def test_token_lookup() -> None:
    text = "Free 146 men."
    tokens = tokenize(text)
    assert [token_index_at(tokens, offset) for offset in range(len(text) + 1)] == [
        0, 0, 0, 0, None, 1, 1, 1, None, 2, 2, 2, 3, None,
    ]  # fmt: skip
    assert token_at(tokens, 6) == Token(5, 8, "146")
    assert token_at([], 0) is None
    assert list(tokens_overlapping(tokens, 3, 7)) == [Token(0, 4, "Free"), Token(5, 8, "146")]
    assert list(tokens_overlapping(tokens, 4, 5)) == []
    assert tokens_near(text, 6, 6) == [Token(5, 8, "146")]
    assert tokens_near(text, 10, 3) == [
        Token(0, 4, "Free"),
        Token(5, 8, "146"),
        Token(9, 12, "men"),
    ]


def test_sentences_split_on_terminal_punctuation() -> None:
    text = "They were freed. “We are home,” she said! Was it 146? 146 were.   "
    assert sentences(text) == [(0, 16), (17, 41), (42, 53), (54, 63)]


def test_sentences_keep_abbreviations_and_initials() -> None:
    text = "Mr. Kaliush met Gen. J. Smith at St. Paul’s. The U.S. State Department, etc. Agreed."
    spans = sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "Mr. Kaliush met Gen. J. Smith at St. Paul’s.",
        "The U.S. State Department, etc. Agreed.",
    ]


def test_sentences_need_a_capital_digit_or_quote_after_the_space() -> None:
    text = "at 11 p.m. on Saturday... and then? “Yes.” (Reporting) 3 died… Then"
    assert [text[a:b] for a, b in sentences(text)] == [
        "at 11 p.m. on Saturday... and then?",
        "“Yes.”",
        "(Reporting) 3 died…",
        "Then",
    ]


def test_every_line_break_ends_a_sentence() -> None:
    text = "date 2025-08-24 KYIV\n\n  Ukraine and Russia swapped\nprisoners\u2028on Sunday  \n"
    assert sentences(text) == [(0, 20), (24, 50), (51, 60), (61, 70)]
    assert sentences(" \n ") == []
    crlf = "One.\r\nTwo.".replace("\r\n", "\n")
    assert sentences(crlf) == [(0, 4), (5, 9)]


def test_sentence_lookup() -> None:
    spans = [(0, 4), (5, 9)]
    assert [sentence_index_at(spans, i) for i in (0, 3, 4, 5, 8, 9)] == [0, 0, None, 1, 1, None]


text_strategy = st.text(
    alphabet=st.sampled_from(
        [
            *"aZé09 .,'’-:/\n\t“”()s_",
            *["\u0301", "\u093e", "🕊", "\ufe0f", "👩", "\u200d", "🏽", "🇺", "🇦"],
            *["\u2028", "\u20e3"],
            *["中", "ｶ", "\uff9e", "ก", "\u0e31", "ำ", "เ", "๑", "ក", "\u17d2"],
        ]
    ),
    max_size=60,
)


@given(st.one_of(text_strategy, st.text(max_size=60)))
@example("Kaliush's 🕊️ e\u0301 U.S. 1,200")
@settings(max_examples=400)
def test_tokens_are_ordered_disjoint_and_exact(text: str) -> None:
    tokens = tokenize(text)
    previous_end = 0
    for token in tokens:
        assert previous_end <= token.start < token.end
        assert token.text == text[token.start : token.end]
        assert not any(char.isspace() for char in token.text)
        previous_end = token.end
    covered = {i for token in tokens for i in range(token.start, token.end)}
    # What no token covers parts them: whitespace, the zero-width space and U+FEFF.
    assert all(
        text[i].isspace() or text[i] in "\u200b\ufeff" for i in range(len(text)) if i not in covered
    )


@given(text_strategy, st.integers(0, 60), st.integers(0, 60))
@settings(max_examples=300)
def test_tokens_near_agrees_with_tokenize(text: str, a: int, b: int) -> None:
    a, b = min(a, len(text)), min(b, len(text))
    low, high = min(a, b), max(a, b)
    stop = max(high, low + 1)
    expected = [t for t in tokenize(text) if t.end > low and t.start < stop]
    assert tokens_near(text, a, b) == expected


@given(st.one_of(text_strategy, st.text(max_size=60)))
@settings(max_examples=300)
def test_sentences_are_ordered_trimmed_and_cover_the_tokens(text: str) -> None:
    spans = sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert not any(char in "\n\r\u2028\u2029" for char in text[start:end])
        previous_end = end
    for token in tokenize(text):
        index = sentence_index_at(spans, token.start)
        assert index is not None
        assert token.end <= spans[index][1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1️⃣ 2", ["1️⃣", "2"]),
        ("🏳️‍🌈", ["🏳️\u200d🌈"]),
        ("a.m.x", ["a", ".", "m", ".", "x"]),
        ("e.g., x", ["e.g.", ",", "x"]),
    ],
)
def test_edge_cases(text: str, expected: list[str]) -> None:
    assert words(text) == expected


# Word movement (ctrl+arrows in the article).
RENEE = "Ambassador Rene\u0301e Castellan-Moor, 👩🏽\u200d⚕️ said"


def stops(line: str, step: Callable[[str, int], int], column: int) -> list[int]:
    seen = []
    while True:
        following = step(line, column)
        if following == column:
            return seen
        seen.append(following)
        column = following


def test_word_moves_cross_a_letter_and_its_accent_at_once() -> None:
    # Before, the text area stopped on each side of U+0301: three presses to cross "Renée".
    assert stops(RENEE, word_right, 0) == [10, 17, 32, 34, 39, 44]
    assert RENEE[11:17] == "Rene\u0301e" and RENEE[18:32] == "Castellan-Moor"
    assert RENEE[34:39] == "👩🏽\u200d⚕️"  # the health worker emoji: one stop each side
    assert stops(RENEE, word_left, len(RENEE)) == [40, 34, 32, 18, 11, 0]
    # From between the e and its accent, the word still ends after the accent.
    assert word_right(RENEE, 15) == 17
    assert word_left(RENEE, 15) == 11


def test_word_moves_cross_the_words_snapping_takes_whole() -> None:
    # Before, ctrl+arrows stopped at every apostrophe, hyphen and comma: "O’Hara-Tesfaye" took
    # five presses to select, though snapping and the tokenizer take it as one word.
    line = "Vellmark’s envoy O’Hara-Tesfaye freed 1,200 U.S. nationals on 2025-08-24."
    ends = stops(line, word_right, 0)
    assert ends == [8, 11, 16, 31, 37, 43, 48, 58, 61, 72, 73]  # "’s " crossed: 8 to 11
    pieces = [line[start:end].strip() for start, end in zip([0, *ends], ends, strict=False)]
    assert pieces[:7] == ["Vellmark", "’s", "envoy", "O’Hara-Tesfaye", "freed", "1,200", "U.S."]
    assert pieces[-2:] == ["2025-08-24", "."]
    assert stops(line, word_left, len(line)) == [72, 62, 59, 49, 44, 38, 32, 17, 11, 8, 0]
    # Every stop is a token's start or end: a word move never cuts a token.
    edges = {edge for token in tokenize(line) for edge in (token.start, token.end)}
    assert set(ends) <= edges | {len(line)}


def test_word_moves_stop_at_each_emoji_and_flag_not_at_punctuation() -> None:
    # A trial: one ctrl+shift+right from "again" took "again 👨‍👩‍👧 ❤️", both emoji.
    line = "again 👨\u200d👩\u200d👧 ❤️ and 🇺🇦 flags, ok."
    ends = stops(line, word_right, 0)
    pieces = [line[start:end].strip() for start, end in zip([0, *ends], ends, strict=False)]
    assert pieces == ["again", "👨\u200d👩\u200d👧", "❤️", "and", "🇺🇦", "flags", ",", "ok", "."]


def test_word_moves_keep_indic_vowel_signs_and_joiners_in_their_word() -> None:
    line = "मुक्ति और कर\u200dमचारी"  # marks (Mn, Mc) and a zero-width joiner inside words
    assert stops(line, word_right, 0) == [6, 9, 18]


def textual_word_left(line: str, column: int) -> int:
    """TextArea 8's rule (``get_cursor_word_left_location`` within one line)."""
    matches = list(re.finditer(TEXTUAL_WORD, line[:column].rstrip()))
    return matches[-1].start() if matches else 0


def textual_word_right(line: str, column: int) -> int:
    search = line[column:]
    stripped = search.lstrip()
    matches = list(re.finditer(TEXTUAL_WORD, stripped))
    return column + matches[0].start() + len(search) - len(stripped) if matches else len(line)


TEXTUAL_WORD = re.compile(r"(?<=\W)(?=\w)|(?<=\w)(?=\W)")


@given(
    st.text(alphabet=st.sampled_from([*"aZé09 \t“”()!"]), max_size=30),
    st.integers(0, 30),
)
@settings(max_examples=300)
def test_word_moves_are_the_text_areas_where_nothing_joins_or_continues(line: str, at: int) -> None:
    # No mark, apostrophe, hyphen, dot, comma, underscore or emoji: words are TextArea's \w runs.
    column = min(at, len(line))
    assert word_right(line, column) == textual_word_right(line, column)
    assert word_left(line, column) == textual_word_left(line, column)


@given(
    st.text(
        alphabet=st.sampled_from([*"aU.S.,:/'’s-_\t“”()", "0", "\u0301", "🕊", *"中ก\u0e31ำเ"]),
        max_size=30,
    ),
    st.integers(0, 30),
)
@settings(max_examples=500)
@example("U.S.", 3)  # the cursor inside an abbreviation: ctrl+left goes to its start
@example("1,200", 1)  # inside a figure: ctrl+right goes to its end, not to "200"'s start
def test_word_moves_stop_only_at_token_edges(line: str, at: int) -> None:
    column = min(at, len(line))
    edges = {edge for token in tokenize(line) for edge in (token.start, token.end)}
    edges |= {0, len(line)}
    right, left = word_right(line, column), word_left(line, column)
    assert right in edges and right >= column
    assert left in edges and left <= column
