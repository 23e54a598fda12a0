"""A number inside markup copied with an article's text is a word of its own: in
sample_docs/08's "[bold red]303[/]" the brackets are word edges (``tokens``), so the search's
whole-word test, ctrl+shift+arrows and a count's value all see "303" (the guidelines' example 11:
the count span is "303"). A newcomer read "/303 never lands on it" after labelling the whole
markup (a count with no value); these pin what each part does on that article's text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.normalise import parse_count
from annotator.core.search import _whole_word, find_match
from annotator.core.session import AnnotationSession
from annotator.core.spans import snap_selection
from annotator.core.tokens import tokenize, word_runs
from annotator.core.word_selection import select_word_left, select_word_right
from tests.test_session_data import open_on

ARTICLE = (
    Path(__file__).parent.parent / "sample_docs" / "08-kaldera-amnesty-markup.txt"
).read_text(encoding="utf-8")
MARKUP = "[bold red]303[/]"
TAG_START = ARTICLE.index(MARKUP)  # 871
NUMBER = (TAG_START + len("[bold red]"), TAG_START + len("[bold red]303"))  # 881–884
TAG_END = TAG_START + len(MARKUP)  # 887
FIGURE = ARTICLE.index("figure of 303") + len("figure of ")  # 1283
FIRST = ARTICLE.index("released 303") + len("released ")  # 78


def words(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The words of the word moves between ``start`` and ``end``."""
    stop = len(text) if end is None else end
    return [text[low:high] for low, high in word_runs(text) if start <= low and high <= stop]


def test_the_article_is_the_one_the_offsets_were_read_from() -> None:
    assert (TAG_START, NUMBER, TAG_END, FIGURE, FIRST) == (871, (881, 884), 887, 1283, 78)
    assert ARTICLE[slice(*NUMBER)] == "303"


def test_brackets_of_every_kind_are_word_edges() -> None:
    assert words(ARTICLE, TAG_START, TAG_END) == ["bold", "red", "303"]
    assert [token.text for token in tokenize(MARKUP)] == [*"[", "bold", "red", *"]", "303", *"[/]"]
    line = "<b>Next: the 41 still in Oru</b> [/] #FreeThemAll"
    assert words(ARTICLE, ARTICLE.index(line), ARTICLE.index(line) + len(line)) == [
        "b", "Next", "the", "41", "still", "in", "Oru", "b", "FreeThemAll",
    ]  # fmt: skip
    for opening, closing in ("()", "[]", "{}", "<>"):
        text = f"a{opening}303{closing}b {closing}303{opening}"
        assert words(text) == ["a", "303", "b", "303"], text
        assert [token.text for token in tokenize(f"{opening}1,200{closing}")] == [
            opening, "1,200", closing,
        ]  # fmt: skip


def test_a_search_for_303_finds_the_one_in_markup_as_a_whole_word() -> None:
    assert _whole_word(ARTICLE, *NUMBER)
    # From the start of the markup, or from the end of a span snapped to "[bold red]303".
    assert find_match(ARTICLE, "303", TAG_START) == NUMBER
    assert find_match(ARTICLE, "303", NUMBER[1]) == NUMBER
    # From past it ("/303" typed with the cursor after the markup) the search goes on to "figure
    # of 303", then wraps: enter again reaches every whole-word 303 in turn, this one too.
    found = find_match(ARTICLE, "303", TAG_END)
    visited = []
    for _ in range(3):
        assert found is not None
        visited.append(found[0])
        found = find_match(ARTICLE, "303", found[1], after=found[0])
    assert visited == [FIGURE, FIRST, NUMBER[0]]
    # A query in markup is no word of its own: it is found inside the tag all the same.
    assert find_match(ARTICLE, "red]303", 0) == (TAG_START + len("[bold "), NUMBER[1])


def test_selecting_word_by_word_stops_at_the_brackets_around_303() -> None:
    line_start = ARTICLE.rindex("\n", 0, TAG_START) + 1
    line = ARTICLE[line_start : ARTICLE.index("\n", TAG_START)]
    after_tag, after_red = TAG_END - line_start, NUMBER[0] - 1 - line_start
    start, end = NUMBER[0] - line_start, NUMBER[1] - line_start
    # From after "[/]" leftwards: "303[/]" in one press (never "[/]" alone), snapped to "303".
    assert select_word_left(line, after_tag) == start
    assert select_word_left(line, end) == start
    assert snap_selection(line, start, after_tag) == (start, end)
    # From after "red" rightwards: "]303", snapped to "303"; from its start, its end.
    assert select_word_right(line, after_red) == end
    assert select_word_right(line, start) == end
    assert snap_selection(line, after_red, end) == (start, end)
    # On from "303", the next press crosses "[/]" to "of".
    assert line[end : select_word_right(line, end)] == "[/] of"


def test_a_count_on_303_reads_303_and_one_holding_the_tag_words_none() -> None:
    assert parse_count(ARTICLE[slice(*NUMBER)]) == 303
    # "bold" and "red" are words that are no number: a count holding them has no exact value.
    assert parse_count("[bold red]303") is None
    assert parse_count("bold red]303") is None


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    yield from open_on(tmp_path, ARTICLE)


def test_303_searched_and_labelled_count_is_303(session: AnnotationSession) -> None:
    first = session.find("303", 0)
    assert first is not None and first[:2] == (FIRST, FIRST + 3)
    again = session.find("303", first.end)  # enter again: the one in the markup
    assert again is not None and again[:2] == NUMBER
    span = session.label_selection(*NUMBER, "count")
    assert (span.start, span.end, span.text, span.value) == (*NUMBER, "303", 303)


def test_labelling_the_whole_markup_labels_303(
    session: AnnotationSession,
) -> None:
    """The newcomer's way: "/[bold red]303[/]", 2, then "/303". The markup is left out of the
    span (it snapped to "[bold red]303", a count with no value): the count is "303", 303."""
    found = session.find(MARKUP, 0)
    assert found is not None and found[:2] == (TAG_START, TAG_END)
    span = session.label_selection(TAG_START, TAG_END, "count")
    assert (span.start, span.end, span.text, span.value) == (*NUMBER, "303", 303)
    found = session.find("303", span.end)
    assert found is not None and found[:2] == NUMBER


def test_the_whole_markup_snaps_to_303_in_the_article() -> None:
    assert snap_selection(ARTICLE, TAG_START, TAG_END) == NUMBER
    assert snap_selection(ARTICLE, TAG_END, TAG_START) == NUMBER
    assert snap_selection(ARTICLE, TAG_START, NUMBER[1]) == NUMBER


def test_words_elsewhere_in_the_article_snap_as_before() -> None:
    for name in ("Melnyk-Abara", "Kowalczyk-Ru", "Abara-Lindholm"):
        start = ARTICLE.index(name)
        assert words(ARTICLE, start, start + len(name)) == [name]
        assert snap_selection(ARTICLE, start + 2, start + 3) == (start, start + len(name))
    possessive = ARTICLE.index("Kaldera’s transitional")
    assert snap_selection(ARTICLE, possessive, possessive + len("Kaldera’s")) == (
        possessive,
        possessive + len("Kaldera"),
    )
    ringo = ARTICLE.index("[Ringo]")
    assert snap_selection(ARTICLE, ringo, ringo + len("[Ringo]")) == (ringo + 1, ringo + 6)
    text = "freed 1,200 detainees"
    assert words(text) == ["freed", "1,200", "detainees"]
    assert snap_selection(text, 7, 8) == (6, 11)
