"""Driving the annotation app in Pilot tests: run a scenario, press keys, read the journal."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

import orjson
import pytest
from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen

from annotator.core.session import AnnotationSession
from annotator.tui.annotate_screen import AnnotateScreen
from annotator.tui.app import AnnotatorApp
from annotator.tui.screens import MessagesSaid

SIZE = (160, 45)

Scenario = Callable[[Pilot[None], AnnotatorApp], Awaitable[None]]


def drive(
    session: AnnotationSession,
    scenario: Scenario,
    wait: bool = True,
    size: tuple[int, int] = SIZE,
    notifications: bool = False,
) -> None:
    """Run the app on ``session`` and play ``scenario`` once the first document is shown
    (toasts are not shown unless ``notifications``)."""

    async def main() -> None:
        app = AnnotatorApp(session)
        async with app.run_test(size=size, notifications=notifications) as pilot:
            if wait:
                await wait_for(pilot, lambda: session.loaded)
            await scenario(pilot, app)

    asyncio.run(main())


async def wait_for(pilot: Pilot[Any], condition: Callable[[], bool], tries: int = 150) -> None:
    """Pause until ``condition`` holds. ``tries`` pauses of 0.02 s, but never less than 20 s of
    wall clock: under a loaded CI a pause takes far longer than asked, and 150 tries (3 s
    unloaded) ran out in a full run while the app was on its way (a test asserts where the
    app gets, not how fast)."""
    deadline = time.monotonic() + max(20.0, tries * 0.02)
    while True:
        if condition():
            await pilot.pause()
            return
        if time.monotonic() > deadline:
            raise AssertionError("the app never got there")
        await pilot.pause(0.02)


async def press(pilot: Pilot[Any], *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
    await pilot.pause()


def journal(session: AnnotationSession) -> list[dict[str, Any]]:
    """Every line of the journal on disk, parsed (after the writer has caught up)."""
    assert session.flush(5)
    if not session.journal.exists():
        return []
    return [orjson.loads(line) for line in session.journal.read_bytes().splitlines()]


def screen_of(app: AnnotatorApp) -> AnnotateScreen:
    """The annotation screen the app shows."""
    screen = app.screen
    assert isinstance(screen, AnnotateScreen)
    return screen


def toasts(app: App[Any]) -> list[str]:
    """The messages on screen. (Toasts are looked up by their CSS type name: their class is
    not public.)"""
    return [str(toast.render()) for toast in app.screen.query("Toast")]


def said_in_box(screen: Screen[Any]) -> str:
    """What a box's messages (``screens.MessagesSaid``) say; "" while they say none (hidden)."""
    said = screen.query_one(MessagesSaid)
    return str(said.render()) if said.display else ""


def notices_heard(app: App[Any], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every message the app is asked to show from now on (it still shows them), but the
    "Still opening …" of an article read for over two seconds: only a loaded machine's first
    article takes that long, and a CI run's list of messages then held it among those a test
    was about (test_annotate_slow_or_gone_reads tests it, by the toasts shown)."""
    told: list[str] = []
    notify = app.notify

    def heard(message: str, **options: Any) -> None:
        if not message.startswith("Still opening "):
            told.append(message)
        notify(message, **options)

    monkeypatch.setattr(app, "notify", heard)
    return told


# The character of each key typed by ``type_fast`` whose name is not its character.
KEY_CHARACTERS = {
    "tab": "\t",
    "enter": "\r",
    "escape": "\x1b",
    "space": " ",
    "question_mark": "?",
    "slash": "/",
}


def type_fast(app: App[Any], *keys: str) -> None:
    """``keys`` as a terminal sends them when typed fast: all there at once, none waiting for
    the app (``pilot.press`` waits for it after each key)."""
    for key in keys:
        app.post_message(events.Key(key, KEY_CHARACTERS.get(key, key)))
