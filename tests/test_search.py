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
from annotator.core.session import AnnotationSession, open_session
from annotator.core.tokens import character_pattern
from tests.test_session_data import FakeClock, fixed_now

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


# Where the search goes from the cursor.
TWO = "date 2024-09-29 Two journalists were freed; the two had been held."


def test_the_match_at_or_just_before_the_cursor_is_found_first() -> None:
    first, second = (16, 19), (48, 51)
    assert find_match(TWO, "Two", 16) == first  # the match starts at the cursor
    assert find_match(TWO, "Two", 19) == first  # the cursor right after it (a span just made)
    assert find_match(TWO, "Two", 20) == second
    assert find_match(TWO, "Two", 60) == first  # past the last one: the first in the text


def test_after_a_match_the_next_one_follows_then_wraps() -> None:
    assert find_match(TWO, "two", 19, after=16) == (48, 51)
    assert find_match(TWO, "two", 50, after=48) == (16, 19)
    assert find_match(TWO, "journalists were", 0, after=20) == (20, 36)  # the only one


OTHER = "date 2024-09-29 two envoys, Rene\u0301e and two more."


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TWO + "\n", encoding="utf-8")
    (corpus / "b.txt").write_text(OTHER + "\n", encoding="utf-8")
    opened = open_session(corpus, "alice", None, tmp_path / "out", clock=FakeClock(), now=fixed_now)
    opened.open(opened.first_unfinished_id())
    yield opened
    opened.close()


def test_session_search_finds_the_span_just_labelled_then_the_next(
    session: AnnotationSession,
) -> None:
    span = session.label_selection(16, 19, "count")
    # Labelling leaves the cursor at the span's end: the search finds the span itself first.
    assert session.find("Two", span.end) == (16, 19)
    assert session.find("Two", 19) == (48, 51)  # enter again: the next
    assert session.find("Two", 51) == (16, 19)
    assert session.find("TWO", 19) == (48, 51)  # the same query, in capitals: still the next
    assert session.find("two", 18) == (16, 19)  # the cursor moved: from the cursor again


def test_session_search_forgets_the_last_match_in_another_document(
    session: AnnotationSession,
) -> None:
    assert session.find("two", 16) == (16, 19)
    session.open("b")
    # The cursor at 19 in this document is not after the match found in the other one.
    assert session.find("two", 19) == (16, 19)
    assert session.find("ren\u00e9e", 0) == (28, 34)
