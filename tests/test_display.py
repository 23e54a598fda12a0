"""The display copy keeps offsets and lines in step; LineIndex converts offsets both ways."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text

from annotator.core.display import LineIndex, display_text, quoted, shortened

LINE_BREAKERS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
CONTROLS = "".join(chr(code) for code in [*range(0x20), 0x7F, *range(0x80, 0xA0)])
AWKWARD = [
    "\n",
    "\r\n",
    "\t",
    "🕊️",
    "👩‍👩‍👧",
    "e\u0301",
    "“303”",
    "[bold red]303[/]",
    "\ud800",
    "\u200d",
    "\ufe0f",
    "🇺🇦",
    "👍🏽",
    "1\ufe0f\u20e3",
    "\ufeff",
    "中文",
    *CONTROLS,
    *LINE_BREAKERS,
]

WIDTH_CHANGERS = {
    "\u200d": "\u200c",
    "\ufe0f": "\ufe0e",
    **{chr(code): "\u200c" for code in range(0x1F3FB, 0x1F400)},  # skin tones
}

texts = st.lists(
    st.one_of(st.sampled_from(AWKWARD), st.text(max_size=5)),
    max_size=30,
).map("".join)


def breaks_a_line(character: str) -> bool:
    return len(f"a{character}b".splitlines()) > 1


@given(texts)
def test_display_copy_keeps_length_and_newlines(text: str) -> None:
    shown = display_text(text)
    assert len(shown) == len(text)
    assert [i for i, c in enumerate(shown) if c == "\n"] == [
        i for i, c in enumerate(text) if c == "\n"
    ]
    lines = shown.split("\n")
    if lines[-1] == "":
        lines.pop()  # splitlines() has no empty last line
    assert shown.splitlines() == lines
    assert all(c == "\n" or not breaks_a_line(c) for c in shown)


@given(texts)
def test_display_copy_is_showable_and_changes_only_what_it_must(text: str) -> None:
    shown = display_text(text)
    shown.encode("utf-8")  # no lone surrogate left
    for original, symbol in zip(text, shown, strict=True):
        hidden = unicodedata.category(original) in {"Cc", "Cs"} or breaks_a_line(original)
        if original in WIDTH_CHANGERS:
            assert symbol == WIDTH_CHANGERS[original]
        elif original == "\n" or not hidden:
            assert symbol == original
        else:
            assert symbol != original
            assert cell_len(symbol) == 1
            assert unicodedata.east_asian_width(symbol) == "N"
    # Rich keeps every character of the copy (it drops BEL, VT, FF... from raw text).
    assert Text(shown).plain == shown


@given(texts)
def test_display_copy_is_as_wide_as_its_characters(text: str) -> None:
    # The text widget maps mouse columns one character at a time but draws whole grapheme
    # groups: the two counts must agree, on every line.
    for line in display_text(text).split("\n"):
        assert cell_len(line) == sum(cell_len(character) for character in line)


def test_display_symbols() -> None:
    assert display_text("a\tb\rc\x00d\x1be\x7ff\x85g\u2028h\u2029i\x9bj\ud800") == (
        "a⇥b␍c␀d␛e␡f␤g↲h⁋i⍰j⍰"
    )
    assert display_text("\x0b\x0c\x1c\x1d\x1e\x1f") == "␋␌␜␝␞␟"
    plain = "“Russia” [bold red]303[/] 🇺🇦 中文 e\u0301\n"
    assert display_text(plain) == plain
    assert display_text("🕊\ufe0f 👩\u200d👧") == "🕊\ufe0e 👩\u200c👧"
    # tmux 3.3 drew 👍🏽 four cells wide where rich counts two, shifting the row's spans.
    assert display_text("👍🏽 👍🏿") == "👍\u200c 👍\u200c"


@given(texts)
def test_line_index_round_trips_every_offset(text: str) -> None:
    shown = display_text(text)
    index = LineIndex(shown)
    assert index.line_count == shown.count("\n") + 1
    for offset in range(len(shown) + 1):
        row, column = index.location(offset)
        before = shown[:offset]
        assert row == before.count("\n")
        assert column == offset - (before.rfind("\n") + 1)
        assert index.offset(row, column) == offset
    for row, line in enumerate(shown.split("\n")):
        assert index.line_length(row) == len(line)
        assert shown[index.line_start(row) :].startswith(line)


def test_line_index_edges() -> None:
    index = LineIndex("ab\n\ncd\n")
    assert index.line_count == 4
    assert index.location(2) == (0, 2)  # the offset of a "\n" ends its line
    assert index.location(3) == (1, 0)
    assert index.location(7) == (3, 0)
    assert index.offset(2, 2) == 6
    for bad in (-1, 8):
        with pytest.raises(ValueError):
            index.location(bad)
    with pytest.raises(ValueError):
        index.offset(0, 3)
    with pytest.raises(ValueError):
        index.offset(4, 0)
    empty = LineIndex("")
    assert empty.line_count == 1
    assert empty.location(0) == (0, 0)


@given(st.text(alphabet="ab ’é\n", max_size=80), st.integers(min_value=0, max_value=60))
def test_shortened_keeps_both_ends_within_the_limit(text: str, limit: int) -> None:
    one = " ".join(text.split())
    cut = shortened(text, limit)
    if len(one) <= limit:
        assert cut == one
        return
    assert len(cut) <= max(limit, 1) and cut.count("…") == 1
    head, _, tail = cut.partition("…")
    assert one.startswith(head) and one.endswith(tail)
    if limit >= 9:
        assert tail  # the end is shown: a selection's last word is where a slip shows


def test_a_long_quote_shows_its_start_and_its_end() -> None:
    # A trial labelled "… last year's" without "provinces": the message cut the end off.
    words = "303 people detained during last year’s protests in the eastern provinces"
    assert quoted(words, 40) == "'303 people detained during … provinces'"
    assert quoted("delegation from the Essarian Bishops’ Conference at", 40) == (
        "'delegation from the Essari…Conference at'"
    )
    assert quoted("Norvanian defence ministry", 30) == "'Norvanian defence ministry'"
