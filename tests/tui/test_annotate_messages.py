"""Pilot: what the annotation screen says, and when it stops saying it: a document's messages
go when another opens, skip says so, x takes the span a selection overlaps, undo and redo say
what they did, and the Welcome goes at the first key."""

from __future__ import annotations

import pytest
from annotate_helpers import (
    drive,
    journal,
    notices_heard,
    press,
    screen_of,
    toasts,
    wait_for,
)
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp

SMALL = (80, 24)


def test_a_documents_messages_go_when_the_next_opens(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await wait_for(pilot, lambda: bool(toasts(app)))
        await press(pilot, "f", "d")  # flagged; done refused (no event type)
        await wait_for(pilot, lambda: "not done" in "".join(toasts(app)))
        await press(pilot, "n")
        await wait_for(pilot, lambda: session.document.id == "b")
        await pilot.pause()
        assert toasts(app) == []

    drive(session, scenario, size=SMALL, notifications=True)


def test_skip_says_so_with_the_next_document_and_asks_for_the_reason(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "s", "enter")
        await wait_for(pilot, lambda: session.document.id == "b")
        await wait_for(pilot, lambda: "skipped a" in "".join(toasts(app)))
        said = "".join(toasts(app))
        assert "skipped a (ctrl+z undoes it)" in said
        assert "its note is empty: the guidelines want the reason there" in said
        assert journal(session)[-1]["status"] == "skipped"

    drive(session, scenario, notifications=True)


def test_ctrl_z_after_skip_goes_back_and_undoes_it(session: AnnotationSession) -> None:
    """A slip of s (or d) moved on with the status kept: only p went back, and the article
    stayed skipped."""

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "s", "enter")
        await wait_for(pilot, lambda: session.document.id == "b")
        await press(pilot, "ctrl+z")
        await wait_for(pilot, lambda: session.document.id == "a")
        await wait_for(pilot, lambda: "undid" in "".join(toasts(app)))
        assert toasts(app) == ["undid: a skipped; it is new again"]
        assert journal(session)[-1]["status"] == "in_progress"
        assert "○ new" in str(app.screen.query_one("#status").render())  # nothing in it
        await press(pilot, "ctrl+z")
        await wait_for(pilot, lambda: "nothing to undo" in "".join(toasts(app)))
        assert session.document.id == "a"

    drive(session, scenario, notifications=True)


def test_x_deletes_the_one_span_a_search_selection_overlaps(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A trial: after /Pravonian men enter (a selection past the span "Pravonian"), x said
    "no span under the cursor"."""

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, monkeypatch)
        await press(pilot, *["right"] * 16, *["shift+right"] * 6, "1")  # "Russia"
        await press(pilot, "ctrl+home", "slash", *"Russia and", "enter", "x")
        assert journal(session)[-1]["spans"] == []
        assert told[-1] == "deleted s1 actor 'Russia'; ctrl+z undoes"
        # Two spans overlapped: none deleted, both named.
        await press(pilot, "ctrl+z", "ctrl+home", *["right"] * 27, *["shift+right"] * 7, "1")
        await press(pilot, "ctrl+home", "slash", *"Russia and Ukraine", "enter", "x")
        assert len(journal(session)[-1]["spans"]) == 2, told
        assert "none deleted" in told[-1] and "s1" in told[-1] and "s2" in told[-1]

    drive(session, scenario)


def test_undo_and_redo_say_what_they_did_and_keep_the_span_in_view(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, monkeypatch)
        screen = screen_of(app)
        await press(pilot, *["right"] * 43, *["shift+right"] * 3, "2", "ctrl+home")  # "146"
        await press(pilot, "ctrl+z")
        assert told[-1] == "undid: label s1 count '146' (s1 is gone)"
        assert screen.article.cursor_offset == 43  # where the span was
        await press(pilot, "ctrl+home", "ctrl+y")
        assert told[-1] == "redid: label s1 count '146'"
        assert session.selected == "s1" and screen.article.cursor_offset == 43
        await press(pilot, "ctrl+y")
        assert told[-1] == "nothing to redo"

    drive(session, scenario)


def test_the_welcome_goes_at_the_first_key(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await wait_for(pilot, lambda: "Select words" in "".join(toasts(app)))
        await press(pilot, "right")
        await wait_for(pilot, lambda: "Select words" not in "".join(toasts(app)))

    drive(session, scenario, size=SMALL, notifications=True)


def test_undoing_the_label_that_unskipped_says_the_undo_first(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "s", "enter")
        await wait_for(pilot, lambda: session.document.id == "b")
        await press(pilot, "p")
        await wait_for(pilot, lambda: session.document.id == "a")
        await press(pilot, *["right"] * 16, *["shift+right"] * 6, "1")  # "Russia"
        assert journal(session)[-1]["status"] == "in_progress"
        await press(pilot, "ctrl+z")
        await wait_for(pilot, lambda: len(toasts(app)) == 2)
        assert toasts(app) == ["undid: label s1 actor 'Russia' (s1 is gone)", "a is skipped again"]
        assert journal(session)[-1]["status"] == "skipped"

    drive(session, scenario, notifications=True)


def test_the_panel_says_what_a_label_key_would_write_of_the_selection(
    session: AnnotationSession,
) -> None:
    """A trial had no readout of the selection before labelling it."""

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        line = screen_of(app).query_one("#selection-info")
        assert not line.display  # no selection: nothing said
        await press(pilot, *["right"] * 17, *["shift+right"] * 3)  # "uss" of "Russia"
        assert line.display
        said = "a label key labels 'Russia' 16–22 (snapped from 'uss' 17–20)"
        assert str(line.render()) == said
        await press(pilot, *["shift+right"] * 3)  # "ussia"
        said = "a label key labels 'Russia' 16–22 (snapped from 'ussia␣' 17–23)"
        assert str(line.render()) == said
        await press(pilot, "right")
        assert not line.display

    drive(session, scenario)


def test_a_selection_with_no_words_is_named_by_what_it_holds(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        line = screen_of(app).query_one("#selection-info")
        await press(pilot, *["right"] * 15, "shift+right")  # the space before "Russia"
        assert str(line.render()) == "selected whitespace 15–16: no words to label in it"
        await press(pilot, "ctrl+end", "left", "left", "shift+right")  # the last "."
        assert str(line.render()) == "selected '.' 66–67: no words to label in it"

    drive(session, scenario)
