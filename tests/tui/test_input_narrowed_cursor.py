"""Pilot: an input of the form or of the review's editors that narrows while it has the focus
(the links beside it grow as one types: ``⛓ s3`` to ``⛓ s3 s10``) keeps its cursor in sight.
Textual's Input scrolls to the cursor when the cursor moves, not when the input narrows: in a
trial the last letters typed in the review's item editor, and the cursor, went behind the
links, and end did not bring them back."""

from __future__ import annotations

import asyncio

import pytest
from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from annotator.tui.form_hints import HintedInput

TYPED = "187 Ostrevan soldiers and civilians, Colonel Bohdan Yarets"


class Beside(App[None]):
    CSS = """
    Horizontal { height: 3; }
    HintedInput { width: 1fr; }
    #links { width: auto; }
    """

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield HintedInput(["name them"], id="field")
            yield Static("⛓ s3", id="links")


def cursor_in_sight(field: HintedInput) -> bool:
    """The cell the cursor is drawn in (at the end, the one after the last letter) is shown."""
    cells = cell_len(field.value[: field.cursor_position])
    left = round(field.scroll_offset.x)
    return left <= cells < left + field.content_size.width


@pytest.mark.parametrize("cursor_back", [0, 7])
def test_the_cursor_stays_in_sight_when_the_links_beside_grow(cursor_back: int) -> None:
    asyncio.run(narrowed(cursor_back))


async def narrowed(cursor_back: int) -> None:
    app = Beside()
    async with app.run_test(size=(50, 6)) as pilot:
        field = app.query_one("#field", HintedInput)
        field.focus()
        await pilot.press(*TYPED, *["left"] * cursor_back)
        await pilot.pause()
        assert cursor_in_sight(field)
        before = field.content_size.width
        app.query_one("#links", Static).update("⛓ s3 s10 s11 s12")
        await pilot.pause()
        await pilot.pause()
        assert field.content_size.width < before  # narrowed
        assert cursor_in_sight(field)
