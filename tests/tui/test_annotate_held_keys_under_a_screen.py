"""Pilot: keys typed while the next article is read wait for it, even when a screen opens over
the article meanwhile (the help or the document list a click opens, the question a quit asks
when the disk refuses). They went to that screen as soon as a key was typed there: a tab and
an enter typed for the form could press a quit question's "Quit anyway"."""

from __future__ import annotations

import threading

from annotate_helpers import drive, screen_of, type_fast, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.form_panel import EventForm
from annotator.tui.screens import HelpScreen

# From the article: o goes to the form's first field (the event type), two tabs to the note.
TO_THE_NOTE = ("o", "tab", "tab")


def test_keys_typed_for_the_next_article_wait_for_it_under_the_help(
    session: AnnotationSession, b_read_when_let: threading.Event
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        form = screen.query_one("#form", EventForm)
        note = screen.query_one("#note", Input)
        await wait_for(pilot, lambda: form.doc_id == "a")
        type_fast(app, "n", *TO_THE_NOTE, *"late")
        await wait_for(pilot, lambda: app.keys_held)  # n asked for b, being read
        screen.action_help()  # as a click on the footer's "? Help" does: a click is not held
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        type_fast(app, "escape")  # typed on the help, which takes it: it closes
        await wait_for(pilot, lambda: app.screen is screen)
        assert (form.doc_id, note.value) == ("a", "")  # the keys still wait for b
        b_read_when_let.set()
        await wait_for(pilot, lambda: note.value == "late")
        assert form.doc_id == "b"

    drive(session, scenario)
