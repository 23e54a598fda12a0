"""Pilot: s on an article whose note is empty puts the focus in the note and asks why; enter
there skips with the reason saved, s again (from the article) skips without it. A trial's
reason took p, o, tab three times, the typing, escape and s, after the skip had moved on."""

from __future__ import annotations

from annotate_helpers import drive, journal, press, screen_of, toasts, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp

ASKED = (
    "why skip? type the reason, enter skips (escape: back, not skipped) "
    "skip only an article that cannot be annotated"
)


def on(session: AnnotationSession, doc_id: str) -> bool:
    return session.loaded and session.document.id == doc_id


def said(app: AnnotatorApp) -> list[str]:
    return [" ".join(toast.split()) for toast in toasts(app)]


def typed(words: str) -> list[str]:
    return ["space" if character == " " else character for character in words]


def test_s_asks_the_reason_in_the_note_and_enter_skips_with_it(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "s")
        focused = app.focused
        assert isinstance(focused, Input) and focused.id == "note"
        assert on(session, "a") and journal(session) == []  # not skipped yet
        await wait_for(pilot, lambda: ASKED in said(app))
        await press(pilot, *typed("talks only"), "enter")
        await wait_for(pilot, lambda: on(session, "b"))
        last = journal(session)[-1]
        assert (last["doc_id"], last["status"], last["note"]) == ("a", "skipped", "talks only")
        assert ASKED not in said(app)
        assert screen_of(app).article.has_focus
        # ctrl+z after s goes back to the article and gives it its status and its note back,
        # in one step; ctrl+y skips with the reason again.
        await press(pilot, "ctrl+z")
        await wait_for(pilot, lambda: on(session, "a"))
        last = journal(session)[-1]
        assert (last["status"], last["note"]) == ("in_progress", "")
        assert screen_of(app).query_one("#note", Input).value == ""
        await press(pilot, "ctrl+y")
        await wait_for(pilot, lambda: on(session, "b"))
        last = journal(session)[-1]
        assert (last["doc_id"], last["status"], last["note"]) == ("a", "skipped", "talks only")

    drive(session, scenario, notifications=True)


def test_escape_does_not_skip_and_s_again_skips_without_a_reason(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "s", "escape")
        assert screen_of(app).article.has_focus
        assert on(session, "a") and journal(session) == []
        await press(pilot, "s")  # asked once: the guidelines ask, the tool does not force
        await wait_for(pilot, lambda: on(session, "b"))
        last = journal(session)[-1]
        assert (last["doc_id"], last["status"], last["note"]) == ("a", "skipped", "")

    drive(session, scenario, notifications=True)


def test_enter_in_the_empty_note_skips_and_a_note_already_there_skips_at_once(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "s", "enter")
        await wait_for(pilot, lambda: on(session, "b"))
        assert journal(session)[-1]["status"] == "skipped"
        # b has a reason already: s skips at once, asking nothing.
        screen_of(app).change(session.set_note, "a fishing story")
        await press(pilot, "s")
        await wait_for(pilot, lambda: on(session, "c"))
        last = journal(session)[-1]
        assert (last["doc_id"], last["status"], last["note"]) == ("b", "skipped", "a fishing story")

    drive(session, scenario, notifications=True)


def test_on_a_narrow_screen_the_guidelines_make_way_for_the_note(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        await press(pilot, "g", "shift+tab")  # the guidelines in the panel's place
        assert not screen.query_one("#side").display
        await press(pilot, "s")
        focused = app.focused
        assert isinstance(focused, Input) and focused.id == "note"
        assert screen.query_one("#side").display
        assert not screen.query_one("#guidelines").display

    drive(session, scenario, size=(80, 24))
