"""Pilot: a `?` typed with other keys while the next article is read opens the help once the
article shows, and the keys typed after it go to the help, as typed (escape closes it), then
on to the article: the keys held for the article are not kept from a screen one of them
opened. (A trial's `n ? escape /the enter` sent in one write left the help open: a terminal
sends escape and `/` as one sequence, which Textual reads as `/` alone, the escape gone.)"""

from __future__ import annotations

import threading

from annotate_helpers import drive, screen_of, type_fast, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.form_panel import EventForm
from annotator.tui.screens import HelpScreen


def test_keys_typed_after_a_held_question_mark_go_to_the_help_then_the_article(
    session: AnnotationSession, b_read_when_let: threading.Event
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        form = screen.query_one("#form", EventForm)
        await wait_for(pilot, lambda: form.doc_id == "a")
        type_fast(app, "n")
        await wait_for(pilot, lambda: app.keys_held)  # n asked for b, being read
        type_fast(app, "question_mark", "escape", "slash", *"fishermen", "enter")
        await pilot.pause(0.2)
        assert app.screen is screen and form.doc_id == "a"  # all wait for b
        b_read_when_let.set()
        search = screen.query_one("#search", Input)
        await wait_for(pilot, lambda: search.value == "fishermen" and app.screen is screen)
        assert not isinstance(app.screen, HelpScreen)
        assert form.doc_id == "b"
        await wait_for(pilot, lambda: screen.article.selected_text == "fishermen")

    drive(session, scenario)
