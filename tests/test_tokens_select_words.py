"""ctrl+shift+arrows select word by word: a press never adds only the punctuation between two
words (word_selection.select_word_right / select_word_left)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.display import LineIndex
from annotator.core.spans import snap_selection
from annotator.core.tokens import tokenize, word_left, word_right
from annotator.core.word_selection import (
    from_snapped_edge,
    select_word_left,
    select_word_left_across,
    select_word_right,
    select_word_right_across,
    word_end_left_across,
    word_step,
)

ARTICLE_06 = (
    Path(__file__).resolve().parent.parent / "sample_docs" / "06-essaria-journalists-emoji.txt"
)

LINE = "Officials in Kestria, Norvania and (Vellmark) said so; “Arbela” too."


def test_from_a_word_before_a_comma_the_selection_takes_the_next_word() -> None:
    """A trial searched "Kestria" (selected, the cursor at its end) and pressed ctrl+shift+right:
    the selection took ", " alone, which snapping drops: the press seemed to do nothing."""
    end = LINE.index(",")
    assert word_right(LINE, end) == end + 2  # the text area's rule: the next word's start
    assert select_word_right(LINE, end) == LINE.index(" and")
    # Leftwards from the start of "Norvania": to the start of "Kestria", not its end.
    norvania = LINE.index("Norvania")
    assert word_left(LINE, norvania) == end
    assert select_word_left(LINE, norvania) == LINE.index("Kestria")


def test_brackets_and_quotes_are_crossed_as_the_comma() -> None:
    bracket = LINE.index("(")
    assert select_word_right(LINE, bracket - 1) == LINE.index(")")  # "(Vellmark" at once
    assert select_word_right(LINE, LINE.index(")")) == LINE.index(" so")
    semicolon = LINE.index(";")
    assert select_word_right(LINE, semicolon) == LINE.index("”")
    assert select_word_left(LINE, LINE.index("Arbela")) == LINE.index("so;")


def test_the_moves_are_unchanged_where_a_word_or_a_space_comes_first() -> None:
    kestria = LINE.index("Kestria")
    assert select_word_right(LINE, kestria) == kestria + 7  # within a word: its end
    assert select_word_right(LINE, kestria - 1) == kestria + 7  # a space: the next word's end
    assert select_word_left(LINE, kestria + 7) == kestria
    # The last word's punctuation: to the line's end, as before.
    assert select_word_right(LINE, len(LINE) - 1) == len(LINE)
    emoji = "again 👨\u200d👩\u200d👧, ok"
    assert select_word_right(emoji, 5) == 11  # an emoji is a stop of its own
    assert select_word_right(emoji, 11) == len(emoji)  # ", " then "ok"


@given(
    st.text(
        alphabet=st.sampled_from([*"aU.S.,:;'’s- ()[]{}<>“”", "0", "\u0301", "🕊"]), max_size=30
    ),
    st.integers(0, 30),
)
@settings(max_examples=300)
def test_selecting_stops_at_token_edges_and_never_short_of_the_move(line: str, at: int) -> None:
    column = min(at, len(line))
    edges = {edge for token in tokenize(line) for edge in (token.start, token.end)}
    edges |= {0, len(line)}
    right, left = select_word_right(line, column), select_word_left(line, column)
    assert right in edges and right >= word_right(line, column)
    assert left in edges and left <= word_left(line, column)


def test_each_press_takes_a_word_in_or_out_whichever_way_the_selection_goes() -> None:
    line = "in Kestria, Norvania and"
    k, n, a = line.index("Kestria"), line.index("Norvania"), line.index("and")
    # Leftwards from the end (shrinking a selection anchored at "Kestria"'s start, or growing
    # one anchored at the end): "and", "Norvania", then "Kestria", never ", " alone.
    assert [select_word_left(line, c) for c in (len(line), a, n)] == [a, n, k]
    # Rightwards from the start of "Kestria": its end, then "Norvania"'s, past the comma.
    assert [select_word_right(line, c) for c in (k, k + 7)] == [k + 7, n + 8]


def test_a_word_move_starts_from_the_edge_of_the_words_snapping_selects() -> None:
    """A search for "64 ulm" selected 48–54, snapped to "64 Ulmarian": the first
    ctrl+shift+right took the selection to the end of "Ulmarian" and seemed to do nothing."""
    text = "date 2024-06-02 Kestria said it had handed over 64 Ulmarian soldiers."
    start = text.index("64")
    end = start + len("64 Ulm")
    snapped = snap_selection(text, start, end)
    assert snapped == (start, text.index(" soldiers"))
    line_end = from_snapped_edge(start, end, snapped)
    assert select_word_right(text, line_end) == text.index(".")  # "64 Ulmarian soldiers"
    assert from_snapped_edge(end, start, snapped) == start  # the cursor at the start
    assert from_snapped_edge(start, start, None) == start  # no selection: where it is


# Paragraphs as the article has them: one a line, an empty line between, a line break last.
PARAGRAPHS = ["Kestria said so.", "", "— * —", "It ended there.", ""]


def test_a_word_step_over_line_breaks_takes_the_next_word_in() -> None:
    """From an article's end, the trial's first ctrl+shift+left selected only the last line
    break ("no words to label in it"): line breaks, empty lines and lines of punctuation only
    are crossed on to the next word, which is taken in."""
    line_at = PARAGRAPHS.__getitem__
    count = len(PARAGRAPHS)
    assert select_word_left_across(line_at, 4, 0) == (3, PARAGRAPHS[3].index("there"))
    assert select_word_left_across(line_at, 3, 0) == (0, PARAGRAPHS[0].index("so"))
    assert select_word_left_across(line_at, 0, 0) == (0, 0)  # the very start: nowhere to go
    assert select_word_right_across(line_at, count, 0, 16) == (3, 2)  # past "— * —" to "It"
    assert select_word_right_across(line_at, count, 3, 15) == (4, 0)  # the very end
    # Within a line, as before.
    assert select_word_left_across(line_at, 3, 8) == (3, 3)
    assert select_word_right_across(line_at, count, 0, 0) == (0, 7)


@given(st.lists(st.sampled_from(["", "a b.", "“x”", ", ", "in Kestria"]), min_size=1, max_size=5))
@settings(max_examples=200)
def test_a_word_step_takes_a_word_in_unless_none_is_left(lines: list[str]) -> None:
    text = "\n".join(lines)
    words = [token for token in tokenize(text) if token.text[0].isalnum()]
    for row, line in enumerate(lines):
        for column in range(len(line) + 1):
            here = sum(len(earlier) + 1 for earlier in lines[:row]) + column
            to_row, to_column = select_word_right_across(lines.__getitem__, len(lines), row, column)
            there = sum(len(earlier) + 1 for earlier in lines[:to_row]) + to_column
            assert there >= here
            taken = [w for w in words if w.end > here and w.start < there]
            assert taken or not [w for w in words if w.end > here]
            to_row, to_column = select_word_left_across(lines.__getitem__, row, column)
            there = sum(len(earlier) + 1 for earlier in lines[:to_row]) + to_column
            taken = [w for w in words if w.end > there and w.start < here]
            assert taken or not [w for w in words if w.start < here]


def step(text: str, anchor: int, cursor: int, rightwards: bool) -> int:
    """``word_step`` as the article calls it, the selection drawn snapped to words."""
    low, high = min(anchor, cursor), max(anchor, cursor)
    snapped = snap_selection(text, low, high) if low < high else None
    return word_step(text, LineIndex(text), anchor, cursor, rightwards, snapped)


def test_a_step_back_takes_the_word_out_and_leaves_no_space_selected() -> None:
    """A trial's ctrl+shift+right then ctrl+shift+left from the end of "exchanged" left
    "Kestria exchanged[ ]95" selected: '1' said the selection held no word to label."""
    text = "Norvania and\nKestria exchanged 95 prisoners of war.\n"
    anchor = text.index(" 95")
    cursor = step(text, anchor, anchor, rightwards=True)
    assert text[anchor:cursor] == " 95"
    assert step(text, anchor, cursor, rightwards=False) == anchor  # nothing selected
    # Nothing selected, the next press left takes "exchanged" in, as from a cursor.
    assert step(text, anchor, anchor, rightwards=False) == text.index("exchanged")


def test_a_step_back_over_a_line_break_leaves_no_full_stop_selected() -> None:
    """From the start of a paragraph, ctrl+shift+left took "said" in (the selection "said.⏎⏎",
    drawn "said"); ctrl+shift+right then left ".⏎⏎" selected: no words to label."""
    text = "the company said.\n\nThe Kessar Coast Brotherhood said so.\n"
    anchor = text.index("The")
    cursor = step(text, anchor, anchor, rightwards=False)
    assert (cursor, anchor) == (text.index("said"), text.index("The"))
    assert step(text, anchor, cursor, rightwards=True) == anchor
    # With two words taken in, a step back takes one out and keeps the other.
    cursor = step(text, anchor, cursor, rightwards=False)
    assert cursor == text.index("company")
    assert step(text, anchor, cursor, rightwards=True) == text.index(" said")  # drawn "said"


def test_a_step_back_never_passes_the_anchor() -> None:
    """An anchor inside a word (a drag, shift+arrows): the step back stops at it."""
    text = "Kestria exchanged 95 prisoners"
    anchor = text.index("anged")
    cursor = text.index("exchanged")  # "exch" selected leftwards, drawn "exchanged"
    assert step(text, anchor, cursor, rightwards=True) == anchor
    cursor = text.index(" prisoners")  # "anged 95": a step back keeps "anged", drawn whole
    assert step(text, anchor, cursor, rightwards=False) == text.index(" 95")


def test_a_step_back_ends_where_the_word_before_ends_as_a_step_onwards_does() -> None:
    """Article 06's trial: `/Itziar` enter, right, three ctrl+shift+right ended at 1027, 1029
    and 1040, word ends; the two ctrl+shift+left after them at 1030 and 1028, after the space,
    "shared a " selected and the panel saying "snapped from"."""
    text = ARTICLE_06.read_text(encoding="utf-8")
    anchor = text.index("Itziar") + len("Itziar")  # the search's match, then right
    assert (anchor, text[anchor:1040]) == (1019, ", shared a photograph")
    cursor = anchor
    for expected in (1027, 1029, 1040):
        cursor = step(text, anchor, cursor, rightwards=True)
        assert cursor == expected
    cursor = step(text, anchor, cursor, rightwards=False)
    assert (cursor, text[anchor:cursor]) == (1029, ", shared a")
    assert snap_selection(text, anchor, cursor) == (1021, 1029)  # the same end
    cursor = step(text, anchor, cursor, rightwards=False)
    assert (cursor, text[anchor:cursor]) == (1027, ", shared")
    assert step(text, anchor, cursor, rightwards=False) == anchor  # "shared" out: nothing left


def test_a_step_back_ends_at_the_word_before_over_line_breaks() -> None:
    """Over a paragraph break, a full stop and a possessive: where snapping ends the selection."""
    text = "Kestria said so.\n\nVellmark’s envoys, and they\n"
    anchor = 0
    cursor = len(text) - 1  # after "they"
    ends = []
    while cursor != anchor:
        cursor = step(text, anchor, cursor, rightwards=False)
        ends.append(text[:cursor])
    assert ends == [
        "Kestria said so.\n\nVellmark’s envoys, and",
        "Kestria said so.\n\nVellmark’s envoys",
        "Kestria said so.\n\nVellmark",
        "Kestria said so",
        "Kestria said",
        "Kestria",
        "",
    ]
    assert word_end_left_across(["a b", "", "c"].__getitem__, 2, 0) == (0, 3)
    assert word_end_left_across(["  a"].__getitem__, 0, 3) == (0, 0)  # no word before


def test_a_step_with_no_word_left_to_take_in_leaves_the_selection() -> None:
    text = "It ended there.\n"
    there = text.index("there")
    assert step(text, there, there + 5, rightwards=True) == there + 5  # not ".⏎" added
    assert step(text, there + 5, there + 5, rightwards=True) == there + 5  # nor from a cursor
    assert step(text, 0, 0, rightwards=False) == 0


@given(
    st.lists(st.sampled_from(["", "a b.", "“x”", ", ", "in Kestria", "said."]), max_size=5),
    st.data(),
)
@settings(max_examples=200)
def test_every_step_leaves_words_to_label_or_nothing_selected(
    lines: list[str], data: st.DataObject
) -> None:
    """Press after press, either way from any cursor: the selection is empty or holds a word
    to label, and each press changes what is labelled unless no word is left that way."""
    text = "\n".join(lines)
    anchor = cursor = data.draw(st.integers(0, len(text)))
    for rightwards in data.draw(st.lists(st.booleans(), max_size=8)):
        before = snap_selection(text, anchor, cursor) if anchor != cursor else None
        moved = step(text, anchor, cursor, rightwards)
        after = snap_selection(text, anchor, moved) if anchor != moved else None
        assert moved == anchor or after is not None
        if after == before and moved != cursor:  # only a step onto a drawn edge draws alike
            assert before is not None and moved in before
        cursor = moved
