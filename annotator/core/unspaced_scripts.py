"""The scripts written without spaces between words, which the tokenizer cuts finer.

Chinese and Japanese (Han, Hiragana, Katakana, Bopomofo) and Thai, Lao, Khmer and Myanmar
put no space between words, so a run of letters there is a clause, not a word: a trial's
search for 九十五名囚犯 selected the whole clause 中国政府周日释放了九十五名囚犯,
ctrl+shift+→ took a clause at a time, and a span on part of one was a word cut in the CoNLL
export. Telling their words apart takes a dictionary; the tokenizer (``annotator.core.tokens``)
does as common tokenizers do without one (BERT's for Chinese, spaCy's Chinese by default): a
Han or kana character is a token of its own, and a Thai, Lao, Khmer or Myanmar letter is one
with what is written on, over or under it (its marks, Thai ำ, a Khmer or Myanmar consonant
stacked below it), a vowel written before its consonant (เ แ โ ใ ไ) with that consonant. So
any stretch of these scripts is whole tokens, and a search selects exactly what was searched.
Digits are not cut: ๑๒, 2024 and ５ stay whole.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from annotator.core.code_ranges import class_body, code_ranges

# Blocks every letter of which is cut alone (digits, marks and punctuation aside). The large
# Han blocks are taken whole (their letters are all Lo), the others are read letter by letter.
_WHOLE_BLOCKS = (
    (0x3400, 0x4DBF),  # CJK Unified Ideographs Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0x20000, 0x3FFFF),  # the Supplementary and Tertiary Ideographic Planes
)
_SOUTHEAST_ASIAN_BLOCKS = (
    (0x0E00, 0x0E7F),  # Thai
    (0x0E80, 0x0EFF),  # Lao
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0xA9E0, 0xA9FF),  # Myanmar Extended-B
    (0xAA60, 0xAA7F),  # Myanmar Extended-A
)
_EAST_ASIAN_BLOCKS = (
    (0x3005, 0x303C),  # 々 〆 〇, Hangzhou numerals, kana repeat marks
    (0x3040, 0x30FF),  # Hiragana, Katakana (ー included)
    (0x3100, 0x312F),  # Bopomofo
    (0x31A0, 0x31BF),  # Bopomofo Extended
    (0x31F0, 0x31FF),  # Katakana Phonetic Extensions
    (0xFF66, 0xFF9D),  # halfwidth Katakana (its sound marks ﾞ ﾟ go with the letter)
    (0x1AFF0, 0x1AFFF),  # Kana Extended-B
    (0x1B000, 0x1B16F),  # Kana Supplement, Kana Extended-A, Small Kana Extension
)
# Written before the consonant they are read after (Logical_Order_Exception), with it.
_PREPOSED = "[\u0e40-\u0e44](?=[\u0e01-\u0e2e])|[\u0ec0-\u0ec4](?=[\u0e81-\u0eae\u0edc-\u0edf])"
# What joins the letter before it, marks aside: Thai ำ and Lao ຳ, the halfwidth sound marks,
# and a consonant stacked under it by the Khmer COENG or the Myanmar virama.
_JOINING = "[\u0e33\u0eb3\uff9e\uff9f]|\u17d2[\u1780-\u17b3]|\u1039[\u1000-\u102a]"


def _is_cut_letter(code: int) -> bool:
    category = unicodedata.category(chr(code))
    return category[0] in "LN" and category != "Nd"


def _letter_ranges(blocks: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    return code_ranges(
        code for low, high in blocks for code in range(low, high + 1) if _is_cut_letter(code)
    )


@cache
def letters_body() -> str:
    """The body of a regex character class of the letters cut alone (never a digit)."""
    read = _letter_ranges(_SOUTHEAST_ASIAN_BLOCKS + _EAST_ASIAN_BLOCKS)
    return class_body(sorted([*read, *_WHOLE_BLOCKS]))


@cache
def _beginning() -> re.Pattern[str]:
    return re.compile(
        f"[{class_body(sorted([*_letter_ranges(_EAST_ASIAN_BLOCKS), *_WHOLE_BLOCKS]))}]"
    )


def begins_a_token(character: str) -> bool:
    """Whether ``character`` begins a token wherever it stands, the tokens before it the same
    whatever follows it: a Han, kana or Bopomofo letter (nothing joins it to the letter before,
    nor anything after it to that one). A Thai letter may follow its vowel in one token."""
    return _beginning().match(character) is not None


def token_pattern(continuing: str) -> str:
    """A token of these scripts: a letter (with a preposed vowel before it) and what continues
    it: ``continuing`` (the tokenizer's marks, joiners and modifiers) or ``_JOINING``."""
    return f"(?:{_PREPOSED})?[{letters_body()}](?:{_JOINING}|{continuing})*"


@cache
def _written_unspaced() -> re.Pattern[str]:
    blocks = class_body(
        [
            *_WHOLE_BLOCKS,
            *_SOUTHEAST_ASIAN_BLOCKS,
            *_EAST_ASIAN_BLOCKS,
            (0x3001, 0x303F),
            (0xFF01, 0xFF9F),
        ]
    )
    return re.compile(f"[{blocks}]")


def written_unspaced(character: str) -> bool:
    """Whether ``character`` belongs to a script written without spaces (a letter, a mark or a
    sign of its punctuation: 中, ก, 。, ，), where a text rebuilt from tokens puts none."""
    return _written_unspaced().match(character) is not None
