"""Pilot: ctrl+q quits from every box over the annotation screen (the document list, help, the
export dialog, the span list of ctrl+l, the command palette), the journal on disk holding the
change made just before. A user trial: ctrl+q did nothing there, unsaid (Textual passes a box's
keys to no binding of the app's but a priority one). What a form field under the box shows is
saved, or named as a quit from the form names it.

Document a is "date 2025-08-24 Russia and Ukraine swapped 146 prisoners on Sunday."
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest
from annotate_helpers import drive, press, screen_of, toasts, wait_for
from test_annotate_quit_unsaved import count_field, with_a_release
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, Static

from annotator.core import writer
from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.export_screen import ExportScreen
from annotator.tui.screens import DocListScreen, HelpScreen, QuitScreen
from annotator.tui.span_pick import SpanPickScreen

RUSSIA = ["ctrl+home", *["right"] * 16, *["shift+right"] * 6]  # "Russia", 16..22
A_RELEASE = ["o", "tab", "enter"]  # from the article: a release, the focus in released_by

# What opens each box once "Russia" is labelled, and the box.
BOXES: dict[str, tuple[list[str], type]] = {
    "document list": (["l"], DocListScreen),
    "help": (["question_mark"], HelpScreen),
    "export dialog": (["e"], ExportScreen),
    "span list": ([*A_RELEASE, "ctrl+l"], SpanPickScreen),
    "palette": (["ctrl+p"], CommandPalette),
}


def on_disk(session: AnnotationSession) -> list[dict[str, Any]]:
    """The journal's lines as the quit left them (no flush of the test's own first)."""
    return [orjson.loads(line) for line in session.journal.read_bytes().splitlines()]


def released_by(app: AnnotatorApp) -> Input:
    field = screen_of(app).focused
    assert isinstance(field, Input) and field.name == "releases[0].released_by"
    return field


@pytest.mark.parametrize("box", BOXES)
def test_ctrl_q_in_a_box_quits_with_the_change_on_disk(
    session: AnnotationSession, box: str
) -> None:
    keys, kind = BOXES[box]

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, *RUSSIA, "1", *keys)
        await wait_for(pilot, lambda: isinstance(app.screen, kind))
        await press(pilot, "ctrl+q")
        await wait_for(pilot, lambda: not app.is_running)
        assert app.return_code == 0

    drive(session, scenario)
    spans = on_disk(session)[-1]["spans"]
    assert [(span["start"], span["end"], span["label"]) for span in spans] == [(16, 22, "actor")]


@pytest.mark.parametrize("box", ["span list", "palette"])
def test_typing_in_the_field_under_a_box_is_saved_by_ctrl_q(
    session: AnnotationSession, box: str
) -> None:
    # Typed into released_by and not saved yet (a pause saves it), then a box opened from the
    # field: the quit saves it, as from the field.
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, *RUSSIA, "1", *A_RELEASE)
        released_by(app)
        await press(pilot, *"Kestria", "ctrl+l" if box == "span list" else "ctrl+p")
        kind = SpanPickScreen if box == "span list" else CommandPalette
        await wait_for(pilot, lambda: isinstance(app.screen, kind))
        await press(pilot, "ctrl+q")
        await wait_for(pilot, lambda: not app.is_running)
        assert app.return_code == 0

    drive(session, scenario)
    assert on_disk(session)[-1]["form"]["releases"][0]["released_by"] == "Kestria"


def test_a_refused_value_under_a_box_stops_ctrl_q_once(session: AnnotationSession) -> None:
    with_a_release(session)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        count_field(app).focus()
        await press(pilot, *"lots", "ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await press(pilot, "ctrl+q")
        await pilot.pause(0.3)
        assert app.is_running and isinstance(app.screen, CommandPalette)
        said = (
            "not saved: releases #1 count shows 'lots'; correct it, or quit again to leave "
            "without it"
        )
        assert said in toasts(app)
        await press(pilot, "ctrl+q")
        await wait_for(pilot, lambda: not app.is_running)
        assert app.return_code == 0

    drive(session, scenario, notifications=True)
    lines = on_disk(session)
    assert lines[-1]["form"]["releases"][0]["count"] is None
    assert not any("lots" in str(line) for line in lines)


def test_ctrl_q_on_the_question_of_a_refusing_disk_tries_again(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The question a quit asks while the disk refuses is a box too: ctrl+q there saves again,
    # says so in the one question (not a second over it) while refused, and leaves once saved.
    real_append = writer.append_durably

    def failing(path: Path, data: bytes) -> None:
        raise OSError(5, "Input/output error")

    def question(app: AnnotatorApp) -> str:
        asked = [screen for screen in app.screen_stack if isinstance(screen, QuitScreen)]
        assert len(asked) == 1
        return str(asked[0].query_one("#quit-text", Static).render())

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        app.quit_flush_seconds = 0.2
        monkeypatch.setattr(writer, "append_durably", failing)
        await press(pilot, *RUSSIA, "1", "ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, QuitScreen))
        assert question(app).startswith("Changes are not on disk yet: ")
        await press(pilot, "ctrl+q")
        await wait_for(pilot, lambda: question(app).startswith("Changes are still not on disk: "))
        assert isinstance(app.screen, QuitScreen)
        monkeypatch.setattr(writer, "append_durably", real_append)
        app.quit_flush_seconds = 3.0  # past the writer's next try
        await press(pilot, "ctrl+q")
        await wait_for(pilot, lambda: not app.is_running)
        assert app.return_code == 0

    drive(session, scenario)
    spans = on_disk(session)[-1]["spans"]
    assert [(span["start"], span["end"], span["label"]) for span in spans] == [(16, 22, "actor")]
