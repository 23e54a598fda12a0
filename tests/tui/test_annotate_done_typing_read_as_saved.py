"""Pilot: d (from the command palette, the focus left in the field) takes typing that reads as
the value saved as saved, whatever its words. A count typed '1,200' is saved at a pause as
1200 and the field in focus keeps showing '1,200': d was refused, "count shows '1,200', not
saved; correct it (enter saves it)", and enter, saving nothing, left it refused."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from annotate_helpers import drive, journal, press, screen_of, toasts, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.form_panel import EventForm


@pytest.mark.parametrize(
    ("path", "typed", "stored"),
    [
        ("releases[0].count", "1,200", 1200),
        ("releases[0].releasees", "Layla,Yusuf", ["Layla", "Yusuf"]),
    ],
    ids=["count", "list"],
)
def test_d_after_a_pause_saved_typing_its_own_way(
    session: AnnotationSession, path: str, typed: str, stored: Any
) -> None:
    session.open("a")
    session.set_field("event_type", "exchange")
    session.add_group_item("releases")

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        form = screen_of(app).query_one("#form", EventForm)
        field = next(widget for widget in form.query(Input) if widget.name == path)
        field.focus()
        await press(pilot, *typed)
        await asyncio.sleep(1.6)  # the pause: saved its own way, the field keeps the typing
        await wait_for(pilot, lambda: session.field_value(path) == stored)
        assert field.has_focus and field.value == typed
        assert form.unsaved() == []
        await press(pilot, "ctrl+p", *"Done", "enter")
        await wait_for(pilot, lambda: journal(session)[-1]["status"] == "done")
        assert journal(session)[-1]["form"]["releases"][0][path.rsplit(".", 1)[-1]] == stored
        assert not any("not done" in toast for toast in toasts(app))

    drive(session, scenario, notifications=True)
