"""The article search: matches whatever the case, accents, quotes and dashes, at character
bounds, and where it goes."""

from __future__ import annotations

import itertools
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.search import find_match, fold, matches
from annotator.core.search_fold import folded_spaced
from annotator.core.search_fold import plain_run as _plain_run
from annotator.core.session import AnnotationSession, open_session
from annotator.core.tokens import character_pattern, continuing_pattern
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
        ("a family 👩\u200d👩\u200d👧 here", "👩"),
        ("thumbs 👍🏽 up", "👍"),
        ("flags 🇺🇦🇵🇱", "🇦🇵"),
        ("keycap #\ufe0f\u20e3", "#"),
        ("\u0915\u094d\u0937", "\u0915"),  # क्ष: a virama is kept, so क would be half of क्
        ("a \u2260 b", "="),  # ≠ is = with an overlay (NFD), which is kept
    ],
)
def test_a_match_never_splits_a_character(text: str, query: str) -> None:
    assert all_matches(text, query) == []


def test_a_query_without_accents_finds_a_letter_with_its_marks_whole() -> None:
    start = DECOMPOSED.index("Rene")
    # The e of "Rene\u0301e" is e + U+0301: the match ends after the accent, never before it.
    assert all_matches(DECOMPOSED, "Rene") == [(start, start + 5)]
    assert all_matches(DECOMPOSED, "rene e") == []
    assert all_matches(DECOMPOSED, "renee") == [(start, start + 6)]
    # A query of an accent alone folds to nothing; one starting with it finds the e.
    assert all_matches(DECOMPOSED, "\u0301") == []
    assert (start + 3, start + 5) in all_matches(DECOMPOSED, "\u0301e")
    # Marks in both orders, on both sides.
    assert all_matches("x a\u0301\u0323 y", "A") == [(2, 5)]


def test_jozef_and_jozef_with_its_accent_find_each_other_written_either_way() -> None:
    precomposed = "Minister J\u00f3zef Wi\u015bniewski spoke."
    decomposed = unicodedata.normalize("NFD", precomposed)  # o + U+0301, s + U+0301
    plain = "Minister Jozef Wisniewski spoke."
    queries = ["Jozef Wisniewski", "J\u00f3zef Wi\u015bniewski", "JO\u0301ZEF WIS\u0301NIEWSKI"]
    for query in queries:
        assert all_matches(precomposed, query) == [(9, 25)]
        assert all_matches(decomposed, query) == [(9, 27)]  # both accents taken whole
        # Both sides fold alike: a query with the accents finds the name written without them.
        assert all_matches(plain, query) == [(9, 25)]
    assert all_matches("Renee", "Ren\u00e9e") == [(0, 5)]


def test_the_samples_names_are_found_typed_on_a_plain_keyboard() -> None:
    samples = ROOT / "sample_docs"
    swap = (samples / "10-pravonia-vellmark-swap-combining-accent.txt").read_text(encoding="utf-8")
    found = [swap[a:b] for a, b in all_matches(swap, "Jozef Wisniewski-O")]
    assert found == ["J\u00f3zef Wi\u015bniewski-\u00d3"]
    found = [swap[a:b] for a, b in all_matches(swap, "renee castellan-moor")]
    assert found and set(found) == {"Rene\u0301e Castellan-Moor"}
    emoji = (samples / "06-essaria-journalists-emoji.txt").read_text(encoding="utf-8")
    found = [emoji[a:b] for a, b in all_matches(emoji, "Essarian Bishops' Conference")]
    assert found == ["Essarian Bishops\u2019 Conference"]


@pytest.mark.parametrize(
    "same",
    [
        "'\u2018\u2019\u201a\u201b\u02bc\u2032",
        '"\u201c\u201d\u201e\u201f\u2033',
        "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212",
        "lL\u0142\u0141",
        "oO\u00f8\u00d8\u00f3",
        "dD\u0111\u0110",
        "hH\u0127\u0126",
        "iI\u0131\u0130",
    ],
)
def test_quotes_dashes_and_letters_with_strokes_find_each_other(same: str) -> None:
    for written in same:
        line = f"a{written}b"
        for typed in same:
            assert all_matches(line, f"a{typed}b") == [(0, 3)], (written, typed)


def test_the_marks_that_make_another_letter_are_kept() -> None:
    # A nukta (ज़ is ज + U+093C), kana voicing (が is か + U+3099) and an overlay (≠) are kept.
    assert all_matches("\u091c\u093c", "\u091c") == []
    assert all_matches("\u304c", "\u304b") == []
    assert all_matches("a = b", "\u2260") == []
    assert all_matches("\u091c\u093c \u304c", "\u095b \u304b\u3099") == [(0, 4)]


def test_whole_emoji_sequences_are_found() -> None:
    text = "a 👩\u200d👩\u200d👧 b 👍🏽 c 🇺🇦🇵🇱"
    assert all_matches(text, "👩\u200d👩\u200d👧") == [(2, 7)]
    assert all_matches(text, "👍🏽") == [(10, 12)]
    assert all_matches(text, "🇵🇱") == [(17, 19)]


def test_the_plain_runs_take_what_folds_one_to_one_and_continues_no_character() -> None:
    # ``_plain_run`` names the marks and joiners of plane 0 itself; above it, it takes nothing.
    plain, continuing = _plain_run(), continuing_pattern()
    for code in range(0x10000):
        char = chr(code)
        expected = len(fold(char)) == 1 and not continuing.match(char)
        assert bool(plain.fullmatch(char)) == expected, hex(code)
    assert not plain.match("\U0001f44d") and not plain.match("\U0001d400")


def test_every_accent_is_below_u20000() -> None:
    # The fold's table of accents scans only up to U+20000; checked for this Python.
    assert fold("Vi\u1ec7t Nam \u0150 \u01fe") == "viet nam o o"  # two marks, ő, ǿ (ø + ´)
    above = range(0x20000, sys.maxunicode + 1)
    assert not [code for code in above if unicodedata.combining(chr(code)) >= 200]


def test_an_empty_query_finds_nothing() -> None:
    assert all_matches("text", "") == []
    assert find_match("text", "", 0) is None


# Texts of letters, accents written both ways, quotes and dashes, emoji with modifiers and
# joiners, CRLF, whitespace and format characters.
PIECES = [
    "a", "e", "E", "R", "s", "S", "ß", " ", "-", "\r\n", "\n", "\u00e9", "\u00c9", "e\u0301",
    "\u0301", "\u0323", "a\u0323\u0301", "ﬁ", "İ", "i\u0307", "ı", "👩", "\u200d", "👍", "🏽",
    "👩\u200d👩\u200d👧", "🇺", "🇦", "\ufe0f", "क", "\u094d", "ि", "\u093c", "o", "\u00f3",
    "\u0142", "\u0141", "l", "'", "\u2019", '"', "\u201e", "\u2013", "\u2014", "=", "\u2260",
    "\t", "\u00a0", "\u2029", "\u200b", "\u00ad", "\u2060", "\ufeff", "\u200e", "\u200c",
    "\u00f0", "\u00d0", "\u0111", "\u00fe", "\u00de", "\u00e6", "\u00c6", "\u0153", "\u0152",
    "\u01fd", "\u014b", "\u0167", "\u0138", "\u00f8", "t", "h", "n",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


def character_bounds(text: str) -> set[int]:
    return {0, *(match.end() for match in character_pattern().finditer(text))}


# What a plain keyboard types instead, written here apart from the search's own table.
TYPED_FOR = {
    "'": "\u2018\u2019", '"': "\u201c\u201e", "-": "\u2013\u2014", "l": "\u0142", "L": "\u0141",
    "i": "\u0131", "d": "\u00f0\u0111", "D": "\u00d0", "n": "\u014b", "t": "\u0167", "k": "\u0138",
    "o": "\u00f8", "th": "\u00fe", "Th": "\u00de", "ae": "\u00e6", "Ae": "\u00c6", "oe": "\u0153",
    "Oe": "\u0152",
}  # fmt: skip
TYPED = str.maketrans(
    {written: plain for plain, written_as in TYPED_FOR.items() for written in written_as}
)


def typed(piece: str) -> str:
    """``piece`` without its accents (above or below a letter), quotes and dashes straight."""
    decomposed = unicodedata.normalize("NFD", piece)
    return "".join(c for c in decomposed if unicodedata.combining(c) < 200).translate(TYPED)


def variants(piece: str) -> Iterator[str]:
    for changed in (*(unicodedata.normalize(form, piece) for form in ("NFC", "NFD")), typed(piece)):
        yield changed
        yield changed.upper()
        yield changed.lower()


def folds_to(piece: str) -> set[str]:
    """What ``piece`` folds to: as written, and, for a query with a space, with a zero-width
    space between words read as a space (``search_fold.folded_spaced``)."""
    spaced = folded_spaced(piece)
    return {fold(piece), *([spaced.key] if spaced is not None else [])}


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
        assert fold(query) in folds_to(text[low:high])
    start, end = matched_edges(text, bounds, start, end)
    if end > start and fold(query) == fold(text[start:end]):
        assert (start, end) in found
    # What a plain keyboard types for the slice folds as the slice does, so it finds it too.
    assert fold(typed(text[start:end])) == fold(text[start:end])


def whitespace_runs(text: str, characters: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Each run of whitespace, what folds to nothing inside it taken in: from its first
    whitespace to the end of its last."""
    run: tuple[int, int] | None = None
    for low, high in characters:
        if text[low:high].isspace():
            run = (run[0] if run else low, high)
        elif fold(text[low:high]) and run:
            yield run
            run = None
    if run:
        yield run


def matched_edges(text: str, bounds: list[int], start: int, end: int) -> tuple[int, int]:
    """Where a match of ``text[start:end]`` is: without the characters at either end that fold
    to nothing (a lone accent after a line break, a lone joiner), and with the whole run of
    whitespace (and what folds to nothing inside it) where it starts or ends in one."""
    characters = list(itertools.pairwise(bounds))
    while start < end and not fold(text[start : next(b for a, b in characters if a == start)]):
        start = next(b for a, b in characters if a == start)
    while end > start and not fold(text[next(a for a, b in characters if b == end) : end]):
        end = next(a for a, b in characters if b == end)
    for low, run_end in whitespace_runs(text, characters):
        if low < start < run_end:
            start = low
        if low < end < run_end:
            end = run_end
    return start, end


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


def found_at(session: AnnotationSession, query: str, offset: int) -> tuple[int, int] | None:
    """Where ``session.find`` goes (its place among the matches: test_search_counted)."""
    found = session.find(query, offset)
    return None if found is None else (found.start, found.end)


def test_session_search_finds_the_span_just_labelled_then_the_next(
    session: AnnotationSession,
) -> None:
    span = session.label_selection(16, 19, "count")
    # Labelling leaves the cursor at the span's end: the search finds the span itself first.
    assert found_at(session, "Two", span.end) == (16, 19)
    assert found_at(session, "Two", 19) == (48, 51)  # enter again: the next
    assert found_at(session, "Two", 51) == (16, 19)
    assert found_at(session, "TWO", 19) == (48, 51)  # the same query, in capitals: still the next
    assert found_at(session, "two", 18) == (16, 19)  # the cursor moved: from the cursor again


def test_session_search_forgets_the_last_match_in_another_document(
    session: AnnotationSession,
) -> None:
    assert found_at(session, "two", 16) == (16, 19)
    session.open("b")
    # The cursor at 19 in this document is not after the match found in the other one.
    assert found_at(session, "two", 19) == (16, 19)
    assert found_at(session, "ren\u00e9e", 0) == (28, 34)


WORDS = "Norvanian troops left Norvania; the Norvanian side and Norvania agreed."


def test_whole_words_first() -> None:
    """A trial's /Norvania went into "Norvanian", and the label snapped to that word."""
    first, second = WORDS.index("Norvania;"), WORDS.index("Norvania agreed")
    assert find_match(WORDS, "Norvania", 0) == (first, first + 8)
    assert find_match(WORDS, "norvania", 0, after=first) == (second, second + 8)
    assert find_match(WORDS, "Norvania", second + 8, after=second) == (first, first + 8)
    assert find_match(WORDS, "Norvania", 50) == (second, second + 8)


def test_a_query_found_only_inside_words_finds_them() -> None:
    assert find_match(WORDS, "Norvan", 0) == (0, 6)
    assert find_match(WORDS, "anian", 0) == (4, 9)
    side = WORDS.index("Norvanian side")
    assert find_match(WORDS, "Norvanian", 10) == (side, side + 9)


@pytest.mark.parametrize(
    ("text", "query", "expected"),
    [
        ("Zoe N'Diaye and Zoe N'Diayes", "N'Diaye", (4, 11)),
        ("Rene\u0301e and Rene", "Rene", (11, 15)),  # not the start of "Renée"
        ("1,200 and 200 people", "200", (10, 13)),  # 1,200 is one word, as labelling has it
        ("it cost 3.5 and 5 more", "5", (16, 17)),
        ("the Norvania-based group", "Norvania", (4, 12)),  # found only inside a word
        ("Kestria-backed units left. Kestria said so.", "Kestria", (27, 34)),
        ("at 10:30 and at 30 past", "30", (16, 18)),
        ("on 24/08/2025, in 2025", "2025", (18, 22)),
        ("O'Connell met Connell", "Connell", (14, 21)),
        ("forty-one and one", "one", (14, 17)),
        ("Zoe\u200dy and Zoe", "Zoe", (10, 13)),
    ],
)
def test_what_counts_as_a_whole_word(text: str, query: str, expected: tuple[int, int]) -> None:
    assert find_match(text, query, 0) == expected
