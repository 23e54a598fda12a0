"""ArticleView's own wrapping gives exactly Textual's wrapping.

The article's wrapped document builds the tables of ``WrappedDocument.wrap`` itself, and wraps
lines of one-cell characters without Textual's word-by-word loop (``_single_cell_wrap_offsets``).
These tests compare both with Textual's own results: line by line on generated lines, table by
table on varied texts (emoji, CJK, combining marks, tabs, the display copy of control characters,
long words, runs of spaces), and in the widget after resizes and edits.
"""

from __future__ import annotations

import asyncio
import random

import pytest
from textual._wrap import compute_wrap_offsets
from textual.app import App, ComposeResult
from textual.document._document import Document
from textual.document._wrapped_document import WrappedDocument

from annotator.core.display import display_text
from annotator.core.scheme import load_default_scheme
from annotator.tui.article import ArticleView
from annotator.tui.article_wrap import (
    WrappedArticle,
    _is_one_cell_per_character,
    _single_cell_wrap_offsets,
)

# Pieces of text to build lines from: one-cell characters (Latin, Cyrillic, quotes and dashes,
# the display copy's symbols, spaces of several kinds, long words), then characters that are
# not one cell (emoji, CJK, combining marks, zero-width characters, tab, control characters).
ONE_CELL_PIECES = [
    "a", "b", "Z", "7", ".", ",", "-", "é", "ж", "—", "“", "”", "’", "€",
    " ", " ", " ", "  ", "   ", "\u00a0", "\u2009", "\u202f",
    "⇥", "␌", "↲", "⁋", "␤", "⍰",
    "🕊",  # no VS16: a one-cell text dove for rich
    "Kyiv", "prisoners", "x" * 17, "y" * 45, "[bold red]303[/]",
]  # fmt: skip
OTHER_PIECES = [
    "🕊\ufe0e", "👩\u200c👩", "👩\u200d👧", "中文", "한국어", "e\u0301", "\u200b", "\t",
    "\x00", "\x1b", "\u3000", "\x85", "\u2028", "\x1c", "\ufe0f",
]  # fmt: skip
WIDTHS = [1, 2, 3, 4, 5, 7, 10, 16, 17, 18, 30, 44, 45, 46, 61, 91, 120]


def random_line(chooser: random.Random, pieces: list[str], most: int = 60) -> str:
    return "".join(chooser.choice(pieces) for _ in range(chooser.randint(0, most)))


def test_one_cell_lines_wrap_as_textual_wraps_them() -> None:
    chooser = random.Random(3)
    for _ in range(4000):
        line = random_line(chooser, ONE_CELL_PIECES)
        assert _is_one_cell_per_character(line)
        for width in chooser.sample(WIDTHS, 4):
            expected = compute_wrap_offsets(line, width, tab_size=4)
            assert _single_cell_wrap_offsets(line, width) == expected, (line, width)


@pytest.mark.parametrize(
    "line",
    [
        "",
        " ",
        "     ",
        "word",
        "  leading spaces then words that go on",
        "trailing spaces      ",
        "a" * 100,
        "ab " + "c" * 50 + " de",
        "exactly ten",  # 11 characters
        "one two three four five six seven eight nine ten eleven twelve",
        "x " * 40,
        "  " + "y" * 30 + "   " + "z" * 9,
        "\u00a0non-breaking\u00a0spaces\u00a0are\u00a0spaces\u00a0to Python's regex",
    ],
)
def test_edge_lines_wrap_as_textual_wraps_them(line: str) -> None:
    assert _is_one_cell_per_character(line)
    for width in range(1, 25):
        assert _single_cell_wrap_offsets(line, width) == compute_wrap_offsets(line, width, 4)


def test_lines_with_other_characters_are_left_to_textual() -> None:
    for piece in OTHER_PIECES:
        assert not _is_one_cell_per_character(f"Before {piece} after")
    assert _is_one_cell_per_character("Plain ASCII, and “quotes” — é ж ⇥ ␌")
    assert not _is_one_cell_per_character("tab\there")


def tables(wrapped: WrappedDocument) -> tuple[object, ...]:
    """Everything ``WrappedDocument.wrap`` sets, and what the text area reads from it."""
    return (
        wrapped._width,
        wrapped._tab_width,
        wrapped._wrap_offsets,
        wrapped._tab_width_cache,
        wrapped._offset_to_line_info,
        wrapped._line_index_to_offsets,
        wrapped.height,
        wrapped.wrapped,
        wrapped.lines,
    )


def article_wrapping(document: Document) -> WrappedDocument:
    wrapped = WrappedDocument(document)
    wrapped.__class__ = WrappedArticle
    return wrapped


def test_the_wrapped_tables_are_textuals_on_varied_texts() -> None:
    chooser = random.Random(5)
    texts = [
        "",
        "\n",
        "\n\n\n",
        display_text(
            "A 🕊️ e\u0301 “Kyiv” [bold red]303[/]\tx\u2028y\x0cz\nFamilies 👩‍👩‍👧 wept.\nEnd"
        ),
        "Raw\ttabs\tstay\tin\tthis one\t\n\tand lead\tthe next",
        "中文新闻报道，双方交换了战俘。" * 8 + "\n" + "한국어 기사 " * 12,
        "emoji 🇺🇦🇷🇺 flags and 👍🏽 tones " * 6,
        "z" * 300 + "\n" + " " * 200 + "\n" + "word " * 80,
    ]
    for _ in range(150):
        pieces = ONE_CELL_PIECES + (OTHER_PIECES if chooser.random() < 0.5 else [])
        lines = [random_line(chooser, pieces, 90) for _ in range(chooser.randint(1, 9))]
        texts.append("\n".join(lines))
    for text in texts:
        document = Document(text)
        textual, article = WrappedDocument(document), article_wrapping(document)
        for width in [0, 1, 2, 3, 8, 13, 40, 61, 91]:
            tab_width = chooser.choice([None, 1, 2, 4, 8])
            textual.wrap(width, tab_width)
            article.wrap(width, tab_width)
            assert tables(article) == tables(textual), (text, width, tab_width)


def test_a_changed_document_is_measured_again_before_wrapping() -> None:
    # Which lines are one cell per character is kept between wraps: for the lines seen then.
    document = Document("plain words on a line\nmore plain words")
    textual, article = WrappedDocument(document), article_wrapping(document)
    article.wrap(8)
    document.replace_range((0, 0), (0, 5), "中文🕊\t")  # no wrap_range: the cache must notice
    textual.wrap(9)
    article.wrap(9)
    assert tables(article) == tables(textual)
    assert article.height == textual.height


SCHEME = load_default_scheme()
ARTICLE = display_text(
    "Kyiv, 24 Aug — Russia and Ukraine each sent back 146 prisoners of war on Sunday.\n\n"
    "Families 👩‍👩‍👧 wept; 中文 readers too.\tTabs\x0cand\u2028breaks stay one-for-one.\n"
    + "A long paragraph of plain words that will need several screen rows. " * 30
    + "\n"
    + "Unbreakable" * 20
)


class ArticleApp(App[None]):
    def compose(self) -> ComposeResult:
        yield ArticleView(SCHEME)


def test_the_article_wraps_as_textual_after_resizes_and_edits() -> None:
    async def main() -> None:
        app = ArticleApp()
        async with app.run_test(size=(100, 20)) as pilot:
            view = app.query_one(ArticleView)
            view.load_text(ARTICLE)
            await pilot.pause()

            def textuals() -> WrappedDocument:
                return WrappedDocument(view.document, view.wrap_width, view.indent_width)

            assert isinstance(view.wrapped_document, WrappedArticle)
            assert tables(view.wrapped_document) == tables(textuals())
            for width in (61, 23, 130, 100):
                await pilot.resize_terminal(width, 20)
                await pilot.pause()
                assert tables(view.wrapped_document) == tables(textuals())
            view.insert("Breaking: 🕊 ", (2, 3))  # an edit through the text area's API
            assert tables(view.wrapped_document) == tables(textuals())
            await pilot.resize_terminal(77, 20)
            await pilot.pause()
            assert tables(view.wrapped_document) == tables(textuals())
            # Moving by screen rows and mapping the screen to locations follow the tables.
            view.move_cursor((3, 0))
            await pilot.press("down", "down", "end")
            assert view.cursor_location[0] == 3
            assert view.wrapped_document.location_to_offset(view.cursor_location).y == (
                view.wrapped_document.location_to_offset((3, 0)).y + 2
            )

    asyncio.run(main())


def test_another_textual_gets_its_own_wrap(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a Textual other than the tested minor version, the article wraps with Textual's own
    method (and keeps its memory of the height and the last wrap)."""
    monkeypatch.setattr("annotator.tui.article_wrap.FAST_WRAP", False)
    text = display_text("Families 👩‍👩‍👧 wept.\n" + "word " * 80 + "\n中文新闻报道" * 5)
    document = Document(text)
    textual, article = WrappedDocument(document), article_wrapping(document)
    for width in [5, 40, 91]:
        textual.wrap(width, 4)
        article.wrap(width, 4)
        assert tables(article) == tables(textual), width
