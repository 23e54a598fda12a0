"""Pilot: keys typed while the next article opens are for it. A trial's keys typed 20-30 ms
after n or ctrl+p "Next doc" (o, tab, a word) went into the form of the article being left and
were saved there, said so; with a resize between, up to 0.1 s after. Here each document takes
0.3 s to read, so the keys surely arrive before it shows; they wait, and go to it."""

from __future__ import annotations

import asyncio
import time

import pytest
from annotate_helpers import drive, journal, press, screen_of, toasts, type_fast, wait_for
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, Static

from annotator.core.errors import AnnotatorError
from annotator.core.models import Document
from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.form_panel import EventForm

READ_SECONDS = 0.3


@pytest.fixture
def slow_reads(session: AnnotationSession, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each document takes ``READ_SECONDS`` to read (in the screen's reading thread)."""
    read = session.read

    def slowly(doc_id: str) -> Document:
        time.sleep(READ_SECONDS)
        return read(doc_id)

    monkeypatch.setattr(session, "read", slowly)


def notes(session: AnnotationSession) -> list[tuple[str, str]]:
    """(document, note) of the journal's lines, a line repeating the one before counted once:
    on a loaded machine the typing was saved at its pause and the article's time spent again
    as it was left (a CI run), the same note twice."""
    said: list[tuple[str, str]] = []
    for line in journal(session):
        if not said or said[-1] != (line["doc_id"], line["note"]):
            said.append((line["doc_id"], line["note"]))
    return said


def said(app: AnnotatorApp) -> str:
    return " ".join(" ".join(toast.split()) for toast in toasts(app))


# From the article: o goes to the form's first field (the event type), two tabs to the note.
TO_THE_NOTE = ("o", "tab", "tab")


@pytest.mark.usefixtures("slow_reads")
def test_a_note_typed_at_once_after_n_goes_to_the_next_article(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        form = screen_of(app).query_one("#form", EventForm)
        note = screen_of(app).query_one("#note", Input)
        await wait_for(pilot, lambda: form.doc_id == "a")
        type_fast(app, "n", *TO_THE_NOTE, *"talks")
        await asyncio.sleep(READ_SECONDS / 3)
        assert (form.doc_id, note.value) == ("a", "")  # the keys wait for b
        await wait_for(pilot, lambda: note.value == "talks")
        assert (form.doc_id, app.focused) == ("b", note)
        await press(pilot, "enter")
        assert notes(session) == [("b", "talks")]  # never a's
        assert "saved to a" not in said(app)

    drive(session, scenario, notifications=True)


@pytest.mark.usefixtures("slow_reads")
def test_keys_after_n_and_a_resize_go_to_the_next_article(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        form = screen_of(app).query_one("#form", EventForm)
        note = screen_of(app).query_one("#note", Input)
        await wait_for(pilot, lambda: form.doc_id == "a")
        type_fast(app, "n")
        await asyncio.sleep(0.03)
        resizing = asyncio.create_task(pilot.resize_terminal(80, 24))
        await asyncio.sleep(0.03)
        type_fast(app, *TO_THE_NOTE, *"calm")
        assert (form.doc_id, note.value) == ("a", "")  # typed while b is being read
        await resizing
        await wait_for(pilot, lambda: note.value == "calm")
        assert form.doc_id == "b"
        await press(pilot, "enter")
        assert notes(session) == [("b", "calm")]

    drive(session, scenario, notifications=True)


@pytest.mark.usefixtures("slow_reads")
@pytest.mark.parametrize("with_enter", [True, False])
def test_typing_left_for_the_palette_stays_and_what_follows_goes_on(
    session: AnnotationSession, with_enter: bool
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        form = screen_of(app).query_one("#form", EventForm)
        note = screen_of(app).query_one("#note", Input)
        await wait_for(pilot, lambda: form.doc_id == "a")
        await press(pilot, *TO_THE_NOTE, *"left")  # within the pause that would save it
        await press(pilot, "ctrl+p", *"Next", "space", *"doc")
        # enter runs "Next doc". Keys typed with it (keys sent together) went into the
        # palette's line as it closed; the palette gives the focus back to a's note as it
        # closes, and keys typed then went into it.
        if with_enter:
            type_fast(app, "enter", *TO_THE_NOTE, *"next")
        else:
            type_fast(app, "enter")
            while isinstance(app.screen, CommandPalette):
                await asyncio.sleep(0.01)  # not pilot.pause: it can take as long as b's reading
            assert form.doc_id == "a"  # b still being read
            type_fast(app, *TO_THE_NOTE, *"next")
        await wait_for(pilot, lambda: note.value == "next")
        assert form.doc_id == "b"
        await press(pilot, "enter")
        # a's note is what was typed in it, b's what followed.
        assert notes(session) == [("a", "left"), ("b", "next")]
        assert "saved to a" not in said(app)

    drive(session, scenario, notifications=True)


@pytest.fixture
def b_unreadable(session: AnnotationSession, monkeypatch: pytest.MonkeyPatch) -> None:
    """b cannot be read; each document takes ``READ_SECONDS`` to read."""
    read = session.read

    def slowly(doc_id: str) -> Document:
        time.sleep(READ_SECONDS)
        if doc_id == "b":
            raise AnnotatorError("b.txt: not UTF-8")
        return read(doc_id)

    monkeypatch.setattr(session, "read", slowly)


@pytest.mark.usefixtures("b_unreadable")
def test_n_typed_while_an_unreadable_article_opens_moves_on_from_it(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        await wait_for(pilot, lambda: screen.query_one("#form", EventForm).doc_id == "a")
        # The second n waits for b: once b cannot be read it moves on from b, to c (at once,
        # it opened b again: b was still being read).
        type_fast(app, "n", "n")
        await wait_for(pilot, lambda: session.loaded and session.document.id == "c")
        assert not screen.query_one("#banner", Static).display
        await pilot.pause(READ_SECONDS * 2)
        assert session.document.id == "c"

    drive(session, scenario)


@pytest.mark.usefixtures("b_unreadable")
def test_the_palette_opening_an_unreadable_article_leaves_the_focus_in_it(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        await wait_for(pilot, lambda: screen.query_one("#form", EventForm).doc_id == "a")
        await press(pilot, *TO_THE_NOTE)
        await press(pilot, "ctrl+p", *"Next", "space", *"doc", "enter")
        await wait_for(pilot, lambda: screen.query_one("#banner", Static).display)
        # Taken from a's note as b opened: the article's, as when an article shows.
        assert app.focused is screen.article
        await press(pilot, "n")
        await wait_for(pilot, lambda: session.loaded and session.document.id == "c")

    drive(session, scenario)


@pytest.mark.usefixtures("slow_reads")
def test_n_50_ms_after_escape_from_the_form_and_a_resize_opens_the_next(
    session: AnnotationSession,
) -> None:
    # A trial's n, 50 ms after escape from the form with a resize between, was dropped
    # unsaid in some runs. Not seen here: n opens b, and what follows goes to b (before, o
    # went back to a's note, the field last used there, and the letters on to a's article).
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        form = screen_of(app).query_one("#form", EventForm)
        note = screen_of(app).query_one("#note", Input)
        await wait_for(pilot, lambda: form.doc_id == "a")
        await press(pilot, *TO_THE_NOTE, *"seen")
        type_fast(app, "escape")
        await asyncio.sleep(0.02)
        resizing = asyncio.create_task(pilot.resize_terminal(80, 24))
        await asyncio.sleep(0.03)
        type_fast(app, "n", *TO_THE_NOTE, *"then")
        await resizing
        await wait_for(pilot, lambda: note.value == "then")
        assert form.doc_id == "b"
        await press(pilot, "enter")
        assert notes(session) == [("a", "seen"), ("b", "then")]

    drive(session, scenario, notifications=True)
