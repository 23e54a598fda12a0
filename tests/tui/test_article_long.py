"""ArticleView on long articles: the text area's per-line costs stay per line.

The text area reads ``text`` and ``wrapped_document.height`` for every line it renders; both
used to walk the whole article (a join of all lines, a sum over all lines). And it wrapped the
whole text again on every resize, also when only the height changed. The article keeps the
joined text, the wrapped height and the last wrapping until the text or the width changes:
these tests check the kept values always equal the honest ones.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.document._wrapped_document import WrappedDocument
from textual.pilot import Pilot

import annotator.tui.article_wrap as article_module
from annotator.core.display import display_text
from annotator.core.scheme import load_default_scheme
from annotator.tui.article import ArticleView

SCHEME = load_default_scheme()
PARAGRAPH = (
    "Russia and Ukraine each sent back 146 prisoners of war on Sunday, the latest in a series "
    "of exchanges that has seen hundreds released this year, the two sides said.\n\n"
)
LONG = PARAGRAPH * 200 + "End\x0cof the\u2028text."


class ArticleApp(App[None]):
    def compose(self) -> ComposeResult:
        yield ArticleView(SCHEME)


def honest_height(view: ArticleView) -> int:
    """The wrapped height as WrappedDocument itself computes it (a sum over every line)."""
    height = WrappedDocument.height.fget(view.wrapped_document)  # type: ignore[attr-defined]
    assert isinstance(height, int)
    return height


def run(check: Callable[[Pilot[None], ArticleView], Awaitable[None]]) -> None:
    async def main() -> None:
        app = ArticleApp()
        async with app.run_test(size=(100, 20)) as pilot:
            view = app.query_one(ArticleView)
            view.load_text(LONG)
            await pilot.pause()
            await check(pilot, view)

    asyncio.run(main())


def test_text_is_the_display_copy_joined_once_per_document() -> None:
    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        assert view.text == display_text(LONG) == view.document.text
        assert view.text is view.text  # kept, not joined again for every rendered line
        view.load_text("Another article.\nTwo lines.")
        assert view.text == "Another article.\nTwo lines."
        view.text = PARAGRAPH  # the text area's setter loads a new text, as before
        assert view.text_original == PARAGRAPH
        assert view.text == PARAGRAPH == view.document.text

    run(check)


def test_an_edit_or_undo_through_the_text_area_api_is_not_hidden_by_the_kept_text() -> None:
    # The annotation screen never edits the article; the text area's API still can.
    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        before = view.text
        view.insert("Breaking: ", (0, 0))
        assert view.document.text.startswith("Breaking: Russia")
        assert view.text == view.document.text != before
        assert view.wrapped_document.height == honest_height(view)
        view.undo()  # the text area's own undo changes the document without edit()
        assert view.text == view.document.text == before
        assert view.wrapped_document.height == honest_height(view)

    run(check)


def test_a_resize_of_the_height_alone_does_not_wrap_the_text_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        lines_wrapped: list[str] = []
        wrap_line = article_module.wrap_line

        def counting(line: str, *args: Any) -> tuple[list[int], list[int]]:
            lines_wrapped.append(line)
            return wrap_line(line, *args)

        monkeypatch.setattr(article_module, "wrap_line", counting)
        height = view.wrapped_document.height
        await pilot.resize_terminal(100, 12)  # shorter, as when the search line opens
        await pilot.pause()
        assert lines_wrapped == []
        assert view.wrapped_document.height == honest_height(view) == height
        await pilot.resize_terminal(70, 12)  # narrower: wrapped again, every line
        await pilot.pause()
        assert len(lines_wrapped) == view.document.line_count
        assert view.wrapped_document.height == honest_height(view) > height

    run(check)


def test_the_kept_height_follows_every_wrap() -> None:
    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        wrapped = view.wrapped_document
        height = wrapped.height
        assert height == honest_height(view) > 400  # every paragraph wraps onto two lines
        await pilot.resize_terminal(60, 20)  # narrower: more wrapped lines
        await pilot.pause()
        assert view.wrapped_document.height == honest_height(view) > height
        await pilot.resize_terminal(250, 20)  # wide enough for a paragraph on one line
        await pilot.pause()
        assert view.wrapped_document.height == honest_height(view) < height
        view.load_text("One line.")
        await pilot.pause()
        assert view.wrapped_document is not wrapped
        assert view.wrapped_document.height == honest_height(view) == 1

    run(check)


def test_the_end_of_a_long_article_renders_on_the_last_row() -> None:
    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        view.action_cursor_article_end()
        await pilot.pause()
        rows = view.scrollable_content_region.height
        rendered = [view.render_line(y).text.rstrip() for y in range(rows + 2)]
        assert rendered[rows - 1] == "End␌of the↲text."
        assert rendered[rows:] == ["", ""]  # past the wrapped height: blank lines

    run(check)
