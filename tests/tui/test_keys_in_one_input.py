"""Keys that reach an input in one read take effect in the order they were typed: an input's
own keys (backspace, arrows, home, end) and the characters typed between them."""

from __future__ import annotations

import asyncio

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Input

from annotator.tui.keys_in_order import KeysInOrderApp


class OneInput(App[None]):
    def compose(self) -> ComposeResult:
        yield Input(value="abc")


class OneInputInOrder(KeysInOrderApp, OneInput):
    pass


async def typed_at_once(app: OneInput, *keys: tuple[str, str | None]) -> str:
    """The input's value after ``keys`` arrive together, as a terminal delivers one read."""
    async with app.run_test() as pilot:
        field = app.query_one(Input)
        field.focus()
        await pilot.pause()
        field.cursor_position = len(field.value)
        for key, character in keys:
            app.post_message(events.Key(key, character))
        for _ in range(10):
            await pilot.pause(0.02)
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
    assert asyncio.run(typed_at_once(OneInputInOrder(), *keys)) == value


def test_textual_alone_mixes_them_up() -> None:
    """Why the apps take keys in order: should Textual keep the order one day, this fails."""
    assert asyncio.run(typed_at_once(OneInput(), *BACKSPACE_THEN_D)) == "abc"


def test_enter_still_submits() -> None:
    submitted: list[str] = []

    class Submitting(OneInputInOrder):
        def on_input_submitted(self, event: Input.Submitted) -> None:
            submitted.append(event.value)

    async def scenario() -> None:
        app = Submitting()
        async with app.run_test() as pilot:
            app.query_one(Input).focus()
            await pilot.press("end", "x", "enter")

    asyncio.run(scenario())
    assert submitted == ["abcx"]
