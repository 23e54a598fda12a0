"""The arrows step over whole characters as the tokenizer and snapping count them
(word_selection.character_left / character_right / character_edge); offsets stay code points."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.tokens import character_pattern
from annotator.core.word_selection import character_edge, character_left, character_right

# Article 06's words: a dove with VS16, folded hands with a skin tone, a family joined by ZWJs,
# a heart with VS16; then a letter with a combining accent, a flag, and a keycap.
TEXT = "alive 🕊️🙏🏽 Now 👨\u200d👩\u200d👧 ❤️ Rene\u0301e 🇺🇦 #️⃣."


def steps(step: object, start: int, presses: int) -> list[str]:
    """The characters crossed by ``presses`` steps from ``start``."""
    assert callable(step)
    crossed, offset = [], start
    for _ in range(presses):
        moved = step(TEXT, offset)
        crossed.append(TEXT[min(offset, moved) : max(offset, moved)])
        offset = moved
    return crossed


def test_each_emoji_and_accented_letter_is_one_press() -> None:
    """In character mode, → from 'alive' took two presses per emoji; the panel said
    "(snapped from '︎' 969–970)", a lone U+FE0F."""
    start = TEXT.index(" 🕊")
    assert steps(character_right, start, 6) == [" ", "🕊️", "🙏🏽", " ", "N", "o"]
    family = TEXT.index("👨")
    assert steps(character_right, family, 3) == ["👨\u200d👩\u200d👧", " ", "❤️"]
    accent = TEXT.index("Rene") + 3
    assert steps(character_right, accent, 4) == ["e\u0301", "e", " ", "🇺🇦"]
    assert steps(character_left, len(TEXT), 4) == [".", "#️⃣", " ", "🇺🇦"]
    assert steps(character_left, TEXT.index(" Now"), 3) == ["🙏🏽", "🕊️", " "]


def test_the_ends_of_the_text_stop_the_steps() -> None:
    assert character_right(TEXT, len(TEXT)) == len(TEXT)
    assert character_left(TEXT, 0) == 0
    assert character_right("a\nb", 1) == 2  # a line break is one character


def test_a_cursor_inside_a_character_goes_to_its_edges() -> None:
    """A move up or down lands by screen cells: between the dove and its VS16 (no cell)."""
    dove = TEXT.index("🕊")
    assert character_edge(TEXT, dove + 1) == dove
    assert character_edge(TEXT, dove + 2) == dove + 2
    assert character_edge(TEXT, dove) == dove
    assert character_right(TEXT, dove + 1) == dove + 2
    assert character_left(TEXT, dove + 1) == dove


@given(st.text(alphabet=st.sampled_from([*"ab .\n", "\u0301", "\u200d", "\ufe0f", "🕊", "🏽", "🇺"])))
@settings(max_examples=300)
def test_steps_go_from_character_edge_to_character_edge(text: str) -> None:
    edges = {match.start() for match in character_pattern().finditer(text)} | {len(text)}
    offset, seen = 0, [0]
    while offset < len(text):
        offset = character_right(text, offset)
        seen.append(offset)
    assert seen == sorted(edges)
    for edge in edges - {0}:
        assert character_left(text, edge) == max(e for e in edges if e < edge)
