"""Keys that reach an input in one read take effect in the order they were typed."""

from __future__ import annotations

import asyncio

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Input

from annotator.tui.inputs import InOrderInput


class OneInput(App[None]):
    def __init__(self, kind: type[Input]) -> None:
        super().__init__()
        self.kind = kind

    def compose(self) -> ComposeResult:
        yield self.kind(value="abc")


async def typed_at_once(kind: type[Input], *keys: tuple[str, str | None]) -> str:
    """The input's value after ``keys`` arrive together, as a terminal delivers one read."""
    app = OneInput(kind)
    async with app.run_test() as pilot:
        field = app.query_one(Input)
        field.focus()
        await pilot.pause()
        field.cursor_position = len(field.value)
        for key, character in keys:
            app.post_message(events.Key(key, character))
        await pilot.pause()
        await pilot.pause()
        return field.value


BACKSPACE_THEN_D = (("backspace", "\x7f"), ("d", "d"))
LEFT_THEN_X = (("left", None), ("x", "x"))


@pytest.mark.parametrize(
    ("keys", "value"),
    [
        (BACKSPACE_THEN_D, "abd"),
        (LEFT_THEN_X, "abxc"),
        ((("home", None), ("x", "x"), ("end", None), ("y", "y")), "xabcy"),
        ((("d", "d"), ("backspace", "\x7f"), ("e", "e")), "abce"),
    ],
)
def test_bound_keys_and_characters_in_one_read_keep_their_order(
    keys: tuple[tuple[str, str | None], ...], value: str
) -> None:
    assert asyncio.run(typed_at_once(InOrderInput, *keys)) == value


def test_textuals_own_input_mixes_them_up() -> None:
    """Why InOrderInput exists: should Textual's input keep the order one day, this fails
    and the subclass can go."""
    assert asyncio.run(typed_at_once(Input, *BACKSPACE_THEN_D)) == "abc"


def test_enter_still_submits() -> None:
    submitted: list[str] = []

    class Submitting(OneInput):
        def on_input_submitted(self, event: Input.Submitted) -> None:
            submitted.append(event.value)

    async def scenario() -> None:
        app = Submitting(InOrderInput)
        async with app.run_test() as pilot:
            app.query_one(Input).focus()
            await pilot.press("end", "x", "enter")

    asyncio.run(scenario())
    assert submitted == ["abcx"]
