"""Pilot: a redraw that replaces one still rebuilding a group's items never ends the app.

A trial's app quit unsaid (exit 0) when a note typed on 12 (one release item) was saved through
ctrl+p "Next doc": 13's form was being built, the old item's inputs being removed, when the
next redraw cancelled that build (the form's worker is exclusive). Cancelling the wait for
the removal cancelled the removed inputs themselves, and the app, waiting for that same
removal, ended as on a quit. The form's ``show`` is shielded from such a cancellation."""

from __future__ import annotations

import asyncio

import pytest
from annotate_helpers import drive, screen_of, wait_for
from textual.pilot import Pilot
from textual.widgets import Button, Input

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.form_panel import EventForm
from annotator.tui.form_rows import SpanFieldInput


def test_a_redraw_during_an_items_removal_leaves_the_app_running(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    session.open("a")
    session.add_group_item("releases")  # a's form holds releases #1; b's holds none

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        form = screen.query_one("#form", EventForm)
        await wait_for(pilot, lambda: form.doc_id == "a" and bool(form.query(SpanFieldInput)))
        removing = asyncio.Event()

        async def slow_unmount(self: SpanFieldInput) -> None:
            # The old item's inputs take a while to go, as under a loaded terminal: the
            # next redraw comes while they are being removed.
            removing.set()
            await asyncio.sleep(0.2)

        monkeypatch.setattr(SpanFieldInput, "on_unmount", slow_unmount, raising=False)
        screen.action_next_doc()
        # Not a pilot's pause: it waits for the app, which waits for the removal.
        await asyncio.wait_for(removing.wait(), 20)
        screen.redraw()  # replaces the redraw rebuilding the group (its worker is exclusive)
        await wait_for(pilot, lambda: form.doc_id == "b" and not form.query(SpanFieldInput))
        await pilot.pause(0.3)
        assert app.is_running and app.return_code is None
        assert session.document.id == "b"
        names = [field.name or field.id for field in form.query(Input)]
        assert names == ["note"]
        adds = [str(button.label) for button in form.query(Button)]
        assert adds == ["+ add to releases"]

    drive(session, scenario)
