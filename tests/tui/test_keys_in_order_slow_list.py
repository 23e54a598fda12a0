"""Pilot: on a loaded machine, a release filled with ctrl+l, a tab per field, enter and escape
typed in one go. Each tab closes a list and hands the taking to the annotation screen, which
then opens the next field's list; the tab's marker went with the list, and 0.25 s later the
next key went on before that list had opened. In a real terminal, with the README's walk
typed quickly, the keys went to the wrong places and the last closing took the annotation
screen with it: a blank screen that took no key. Here the screen's work is made slow on
purpose; the keys keep their order. And the escape after the last enter leaves the releasees
field before the form shows the span just taken: leaving it saved the empty value it still
showed, which unlinked that span (``FormTyping._record_moved_on``)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from annotate_helpers import drive, journal, press, screen_of, wait_for
from test_annotate_span_pick_tab import (
    FIRST,
    RECEIVED_BY,
    RELEASEES,
    TEXT,
    a_release_to_fill,
    field,
)
from textual import events
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.annotate_screen import AnnotateScreen
from annotator.tui.app import AnnotatorApp
from annotator.tui.screens import DocListScreen
from annotator.tui.span_pick import SpanPickScreen
from tests.test_session_data import session_on

# Longer than the 0.25 s after which a lost marker used to let the next key go on.
SLOW = 0.6
KEYS = [("tab", "\t")] * 4 + [("enter", "\r"), ("escape", "\x1b")]


def test_a_release_typed_in_one_go_on_a_slow_machine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session: AnnotationSession = session_on(tmp_path, TEXT)
    update_form = AnnotateScreen.update_form

    async def slow_update(screen: AnnotateScreen) -> None:
        await asyncio.sleep(SLOW)  # the machine busy elsewhere
        await update_form(screen)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await a_release_to_fill(pilot, app, session)
        await press(pilot, "ctrl+l")
        await wait_for(pilot, lambda: isinstance(app.screen, SpanPickScreen))
        monkeypatch.setattr(AnnotateScreen, "update_form", slow_update)
        # Typed together, as a terminal hands them over (Pilot's press waits for the screen
        # to be idle after each key).
        for key, character in KEYS:
            app.post_message(events.Key(key, character))
        await wait_for(pilot, lambda: RELEASEES in session.record.links)
        await wait_for(pilot, lambda: screen_of(app).focused is screen_of(app).article)
        await pilot.pause(SLOW)
        assert app.screen_stack[1:] == [screen_of(app)]  # the annotation screen, no list
        assert journal(session)[-1]["links"] == {
            FIRST: ["s1"],
            RECEIVED_BY: ["s2"],
            "releases[0].count": ["s3"],
            "releases[0].date": ["s4"],
            RELEASEES: ["s5"],
        }
        # The screen still takes keys: l opens the list of documents over it.
        await press(pilot, "l")
        await wait_for(pilot, lambda: isinstance(app.screen, DocListScreen))

    try:
        drive(session, scenario, size=(100, 30))
    finally:
        session.close()


def test_leaving_a_field_before_it_shows_a_span_just_taken_keeps_the_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same without the keys: a span linked to the focused field by the core, the form not
    redrawn yet (a loaded machine), then escape. What the field shows is no typing: the link
    stays, and the field shows the span once drawn."""
    session: AnnotationSession = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await a_release_to_fill(pilot, app, session)
        screen = screen_of(app)
        releasees = field(app, RELEASEES)
        assert releasees is not None and releasees.value == ""
        releasees.focus()
        await pilot.pause()
        update_form = AnnotateScreen.update_form

        async def not_yet(_screen: AnnotateScreen) -> None:
            """The redraw, late."""

        monkeypatch.setattr(AnnotateScreen, "update_form", not_yet)
        screen.change(session.fill_from_span, RELEASEES, "s5")  # no redraw asked
        assert releasees.value == ""  # the form still shows the field empty
        await press(pilot, "escape")
        await wait_for(pilot, lambda: screen.focused is screen.article)
        await pilot.pause()
        assert session.record.links[RELEASEES] == ["s5"]
        assert journal(session)[-1]["links"][RELEASEES] == ["s5"]
        monkeypatch.setattr(AnnotateScreen, "update_form", update_form)
        await screen.update_form()
        assert releasees.value == "95 Norvanian servicemen"

    try:
        drive(session, scenario, size=(100, 30))
    finally:
        session.close()
