"""The search says where its match stands ("2 of 3") and when it went back to the top
(``search.find_counted``, ``session.find``): a trial's enter wrapped with nothing said."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.search import COUNTED_AT_MOST, Found, find_counted
from annotator.core.session import AnnotationSession
from tests.test_session_data import alice_on_a

# "Norvania" three times as a word, once inside "Norvanian".
TEXT = "Norvania freed 12 fishermen; Norvania and Norvanian boats. NORVANIA said so."
FIRST, SECOND, THIRD = 0, TEXT.index("Norvania and"), TEXT.index("NORVANIA")


def test_each_match_says_its_place_and_the_count() -> None:
    first = find_counted(TEXT, "norvania", 0)
    assert first == Found(FIRST, FIRST + 8, 1, 3, False)
    second = find_counted(TEXT, "norvania", first.end, after=first.start)
    assert second == Found(SECOND, SECOND + 8, 2, 3, False)
    # Whole words only: "Norvanian" is neither counted nor gone into.
    third = find_counted(TEXT, "norvania", second.end, after=second.start)
    assert third == Found(THIRD, THIRD + 8, 3, 3, False)


def test_enter_past_the_last_match_wraps_to_the_first_and_says_so() -> None:
    again = find_counted(TEXT, "Norvania", THIRD + 8, after=THIRD)
    assert again == Found(FIRST, FIRST + 8, 1, 3, True)


def test_a_first_search_past_the_last_match_wraps() -> None:
    assert find_counted(TEXT, "Norvania", THIRD + 9) == Found(FIRST, FIRST + 8, 1, 3, True)
    # The match the cursor is on (or just after) is not a wrap.
    assert find_counted(TEXT, "Norvania", THIRD + 8) == Found(THIRD, THIRD + 8, 3, 3, False)


def test_the_only_match_found_again_is_a_wrap() -> None:
    start = TEXT.index("fishermen")
    found = find_counted(TEXT, "fishermen", start + 9, after=start)
    assert found == Found(start, start + 9, 1, 1, True)


def test_a_query_found_inside_words_only_counts_those() -> None:
    # "orvan" is no word anywhere: every match counts, inside words too (four).
    inside = TEXT.index("Norvanian") + 1
    found = find_counted(TEXT, "orvan", SECOND + 7)  # past the second
    assert found is not None and (found.start, found.place, found.total) == (inside, 3, 4)


def test_nothing_found_is_none() -> None:
    assert find_counted(TEXT, "Kestria", 0) is None
    assert find_counted(TEXT, "", 0) is None


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    yield from alice_on_a(tmp_path)


def test_the_session_counts_and_wraps_as_enter_goes_on(session: AnnotationSession) -> None:
    # a: "date 2025-08-24 Russia and Ukraine swapped 146 prisoners on Sunday."
    first = session.find("an", 0)  # "an" is no word here: inside Ukraine and Russia's "and"
    assert first is not None and (first.place, first.wrapped) == (1, False)
    count = first.total
    found = first
    for place in range(2, count + 1):
        found = session.find("an", found.end)
        assert found is not None and (found.place, found.total, found.wrapped) == (
            place,
            count,
            False,
        )
    wrapped = session.find("an", found.end)
    assert wrapped is not None and (wrapped.start, wrapped.place, wrapped.wrapped) == (
        first.start,
        1,
        True,
    )


def test_what_enter_says() -> None:
    assert Found(0, 8, 2, 3, False).said("norvania") == "match 2 of 3 for 'norvania'"
    assert Found(0, 8, 1, 3, True).said("norvania") == (
        "search wrapped to the top: match 1 of 3 for 'norvania'"
    )


def test_matches_are_counted_up_to_a_thousand() -> None:
    """Counting every match of a letter in a long article blocked enter (60 ms in 1 MB): the
    first thousand are counted, and a match past them has no place."""
    text = "Norvania " * (COUNTED_AT_MOST + 5)
    first = find_counted(text, "Norvania", 0)
    assert first == Found(0, 8, 1, COUNTED_AT_MOST, False, True)
    assert first.said("Norvania") == "match 1 of over 1,000 for 'Norvania'"
    last_counted = 9 * (COUNTED_AT_MOST - 1)
    found = find_counted(text, "Norvania", last_counted)
    assert found is not None and (found.start, found.place) == (last_counted, COUNTED_AT_MOST)
    past = find_counted(text, "Norvania", last_counted + 9)
    assert past is not None and (past.start, past.place, past.more) == (
        last_counted + 9,
        None,
        True,
    )
    assert past.said("Norvania") == "a match past the first 1,000 for 'Norvania'"


def test_exactly_a_thousand_are_all_counted() -> None:
    text = "Norvania " * COUNTED_AT_MOST
    last = find_counted(text, "Norvania", len(text) - 9)
    assert last == Found(len(text) - 9, len(text) - 1, COUNTED_AT_MOST, COUNTED_AT_MOST, False)
    assert last.said("x") == "match 1,000 of 1,000 for 'x'"


def test_the_query_is_said_as_the_article_draws_it() -> None:
    """``flag 🏳️ over`` was said with its VS16, two cells in some terminals and one in others:
    the line's border moved. Said as the article draws the emoji (VS15), one width everywhere."""
    text = "a flag 🏳️ over the gate"
    found = find_counted(text, "flag 🏳️ over", 0)
    assert found is not None
    assert found.said("flag 🏳️ over") == "match 1 of 1 for 'flag 🏳\ufe0e over'"
