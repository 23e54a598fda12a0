"""One notion of a word for snapping and the word moves: a possessive ``’s`` / ``'s`` is never
a span's edge in token mode, and the moves (ctrl+arrows, ctrl+shift+arrows) cross it as they
cross punctuation, stopping only where a snapped span can begin or end.

A trial labelled "Vellmark’s" (sample_docs/01, 1041–1051), then ctrl+left from after it stopped
at its "’" (1049), inside what the span had taken as one word: a span of "Vellmark" alone took
28 keys. Now snapping leaves the "’s" out, and 1049 is the end of the word it keeps."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import example, given, settings
from hypothesis import strategies as st

from annotator.core.spans import is_left_out_at_edge, snap_selection
from annotator.core.tokens import is_possessive, tokenize, word_left, word_right
from annotator.core.word_selection import from_snapped_edge, select_word_left, select_word_right

# Curly and straight apostrophes, an accent written as a mark of its own (U+0301), an emoji
# zero-width joiner sequence, a flag, an uppercase "’S", a name with an apostrophe inside.
LINE = (
    "the last,” Vellmark’s deputy met Rene\u0301e's aide, 👩🏽\u200d⚕️’s kit, 🇺🇦’S envoy and "
    "O’Hara’s."
)


def where(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def test_offsets_of_the_line_are_code_points() -> None:
    assert where(LINE, "Vellmark") == (11, 19) and LINE[19:21] == "’s"
    assert where(LINE, "Rene\u0301e") == (33, 39) and LINE[39:41] == "'s"
    assert where(LINE, "👩🏽\u200d⚕️") == (48, 53) and LINE[53:55] == "’s"
    assert where(LINE, "🇺🇦") == (61, 63) and LINE[63:65] == "’S"


def test_snapping_leaves_a_possessive_out_at_either_edge_and_keeps_it_inside() -> None:
    for selected, snapped in [
        ("Vellmark’s", "Vellmark"),
        ("Vellmark’", "Vellmark"),  # an end just after the apostrophe took the "s" with it
        ("’s deputy", "deputy"),
        ("s deputy", "deputy"),  # a start inside the possessive
        ("last,” Vellmark’s ", "last,” Vellmark"),
        ("Vellmark’s deputy", "Vellmark’s deputy"),  # inside a span it stays
        ("Rene\u0301e's", "Rene\u0301e"),
        ("👩🏽\u200d⚕️’s", "👩🏽\u200d⚕️"),
        ("🇺🇦’S", "🇺🇦"),
        ("O’Hara’s.", "O’Hara"),  # the apostrophe inside a name is the name's
    ]:
        assert snap_selection(LINE, *where(LINE, selected)) == where(LINE, snapped), selected
    assert snap_selection(LINE, 11, 21) == (11, 19)
    assert snap_selection(LINE, 19, 21) is None  # "’s" alone: nothing to label
    # Character mode keeps what was selected: the way to a span that takes the "’s".
    assert snap_selection(LINE, 11, 21, "char") == (11, 21)
    assert is_possessive("’s") and is_possessive("'S") and not is_possessive("’t")
    assert is_left_out_at_edge("’s") and not is_left_out_at_edge("s")


def test_word_moves_stop_where_snapped_words_begin_and_end() -> None:
    ends = stops(LINE, word_right, LINE.index("Vellmark"))
    pieces = [LINE[start:end].strip() for start, end in zip([11, *ends], ends, strict=False)]
    # "Vellmark", then "deputy": the "’s " crossed as ", " is; "Rene\u0301e" whole.
    assert pieces == [
        *["Vellmark", "’s", "deputy", "met", "Rene\u0301e", "'s", "aide", ","],
        *["👩🏽\u200d⚕️", "’s", "kit", ",", "🇺🇦", "’S", "envoy", "and", "O’Hara", "’s."],
    ]
    assert ends[:3] == [19, 22, 28]
    assert stops(LINE, word_left, len(LINE))[-9:] == [39, 33, 29, 22, 19, 11, 8, 4, 0]
    # The trial: ctrl+left from after "Vellmark’s" stops at the end of "Vellmark", then its start.
    assert word_left(LINE, 21) == 19 and word_left(LINE, 22) == 19
    assert word_left(LINE, 19) == 11
    assert word_left(LINE, 55) == 53 and word_left(LINE, 53) == 48  # the emoji's edges
    assert word_left(LINE, 65) == 63 and word_left(LINE, 63) == 61  # the flag's


def test_selecting_by_words_takes_vellmark_without_its_possessive() -> None:
    # From the start of "Vellmark", one ctrl+shift+right: "Vellmark"; the next takes "deputy",
    # never "’s" alone (snapping drops it: the press would seem to do nothing).
    assert select_word_right(LINE, 11) == 19
    assert select_word_right(LINE, 19) == 28
    # From after "Vellmark’s " (the trial's cursor), one ctrl+shift+left selects "Vellmark".
    assert select_word_left(LINE, 22) == 11
    # A selection of "Vellmark’s" made with shift+arrows snaps to "Vellmark": the next
    # ctrl+shift+right goes on from its end, to the end of "deputy".
    snapped = snap_selection(LINE, 11, 21)
    assert from_snapped_edge(11, 21, snapped) == 19
    assert select_word_right(LINE, from_snapped_edge(11, 21, snapped)) == 28


def stops(line: str, step: Callable[[str, int], int], column: int) -> list[int]:
    seen: list[int] = []
    while (following := step(line, column)) != column:
        seen.append(following)
        column = following
    return seen


@given(
    st.text(alphabet=st.sampled_from([*"aS’'s ,“”.-", "0", "\u0301", "🕊", "🇺"]), max_size=30),
    st.integers(0, 30),
)
@settings(max_examples=400)
@example("Vellmark’s deputy", 19)  # the old stop: 21, after the "’s"
@example("a's's", 5)
def test_word_moves_stop_only_at_the_edges_of_words_snapping_keeps(line: str, at: int) -> None:
    column = min(at, len(line))
    kept = {
        edge
        for token in tokenize(line)
        if not is_left_out_at_edge(token.text)
        for edge in (token.start, token.end)
    }
    kept |= {0, len(line)}
    moves = (word_left, word_right, select_word_left, select_word_right)
    assert {move(line, column) for move in moves} <= kept
