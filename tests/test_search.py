"""The article search: canonical caseless matches at character bounds, and where it goes."""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.search import find_match, fold, growing_ranges, matches
from annotator.core.tokens import character_pattern

ROOT = Path(__file__).resolve().parent.parent
# "Renée" with e + U+0301, as in the sample article.
DECOMPOSED = "Ambassador Rene\u0301e Castellan-Moor, 41, said so."


def all_matches(text: str, query: str) -> list[tuple[int, int]]:
    return list(matches(text, query))


def test_a_precomposed_query_finds_the_decomposed_sample_and_covers_its_marks() -> None:
    path = ROOT / "sample_docs" / "10-pravonia-vellmark-swap-combining-accent.txt"
    text = path.read_text(encoding="utf-8")
    query = "Ren\u00e9e Castellan-Moor"
    assert "Rene\u0301e Castellan-Moor" in text and query not in text
    found = all_matches(text, query)
    assert found
    for start, end in found:
        assert text[start:end] == "Rene\u0301e Castellan-Moor"


def test_either_way_of_writing_an_accent_finds_the_other() -> None:
    composed = unicodedata.normalize("NFC", DECOMPOSED)
    start = DECOMPOSED.index("Rene")
    assert all_matches(DECOMPOSED, "ren\u00e9e") == [(start, start + 6)]
    assert all_matches(composed, "RENE\u0301E") == [(start, start + 5)]
    # Marks in either order are one character: U+0323 and U+0301 are reordered by NFD.
    assert all_matches("x a\u0301\u0323 y", "a\u0323\u0301") == [(2, 5)]


def test_case_is_ignored_also_where_folding_changes_lengths() -> None:
    text = "Die Straße nach İzmir, STRASSE."
    assert all_matches(text, "strasse") == [(4, 10), (23, 30)]
    assert all_matches(text, "STRAßE") == [(4, 10), (23, 30)]
    # Offsets after a fold that grew stay offsets into the text.
    assert all_matches(text, "İzmir") == [(16, 21)]
    assert all_matches(text, "ss") == [(8, 9), (27, 29)]  # "ß" folds to "ss"
    assert [start for start, _ in all_matches(text, "s")] == [4, 23, 27, 28]  # never half of "ß"


@pytest.mark.parametrize(
    ("text", "query"),
    [
        (DECOMPOSED, "Rene"),  # would end between the e and its accent
        (DECOMPOSED, "\u0301e"),  # would start on the accent
        ("a family 👩\u200d👩\u200d👧 here", "👩"),
        ("thumbs 👍🏽 up", "👍"),
        ("flags 🇺🇦🇵🇱", "🇦🇵"),
        ("keycap #\ufe0f\u20e3", "#"),
    ],
)
def test_a_match_never_splits_a_character(text: str, query: str) -> None:
    assert all_matches(text, query) == []


def test_whole_emoji_sequences_are_found() -> None:
    text = "a 👩\u200d👩\u200d👧 b 👍🏽 c 🇺🇦🇵🇱"
    assert all_matches(text, "👩\u200d👩\u200d👧") == [(2, 7)]
    assert all_matches(text, "👍🏽") == [(10, 12)]
    assert all_matches(text, "🇵🇱") == [(17, 19)]


def test_scanning_below_u20000_finds_every_growing_fold() -> None:
    # The plain runs of the search rest on this: checked for the Python that runs the tests.
    assert growing_ranges(sys.maxunicode + 1) == growing_ranges()


def test_an_empty_query_finds_nothing() -> None:
    assert all_matches("text", "") == []
    assert find_match("text", "", 0) is None


# Texts of letters, accents written both ways, emoji with modifiers and joiners, CRLF.
PIECES = [
    "a", "e", "E", "R", "s", "S", "ß", " ", "-", "\r\n", "\n", "\u00e9", "\u00c9", "e\u0301",
    "\u0301", "\u0323", "a\u0323\u0301", "ﬁ", "İ", "i\u0307", "👩", "\u200d", "👍", "🏽",
    "👩\u200d👩\u200d👧", "🇺", "🇦", "\ufe0f", "क", "\u094d", "ि",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


def character_bounds(text: str) -> set[int]:
    return {0, *(match.end() for match in character_pattern().finditer(text))}


def variants(piece: str) -> Iterator[str]:
    for form in ("NFC", "NFD"):
        changed = unicodedata.normalize(form, piece)
        yield changed
        yield changed.upper()
        yield changed.lower()


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
def test_every_match_is_the_query_at_character_bounds(text: str, data: st.DataObject) -> None:
    bounds = sorted(character_bounds(text))
    start = data.draw(st.sampled_from(bounds))
    end = data.draw(st.sampled_from([b for b in bounds if b > start] or [start]))
    query = data.draw(st.sampled_from(list(variants(text[start:end]))))
    found = all_matches(text, query)
    for low, high in found:
        assert low in bounds and high in bounds  # never a letter without its marks
        assert fold(text[low:high]) == fold(query)
    if end > start and fold(query) == fold(text[start:end]):
        assert (start, end) in found


def test_find_match_goes_on_from_the_offset_and_wraps() -> None:
    text = "Rene\u0301e met Ren\u00e9e."
    assert find_match(text, "RENÉE", 0) == (0, 6)
    assert find_match(text, "RENÉE", 1) == (11, 16)
    assert find_match(text, "RENÉE", 12) == (0, 6)
