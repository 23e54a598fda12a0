"""Pilot at 80x24: leaving a field (the note, a form field) whose value is what was saved last
writes nothing and says nothing. ctrl+z with the focus in b's note or field undoes the d of a
and opens a: the focus leaving the field then saved it, an unchanged value, and that save took
"undid: a done …" away at once (a change's message goes with the next change)."""

from __future__ import annotations

from annotate_helpers import drive, journal, press, screen_of, toasts, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp

SIZE = (80, 24)
UNDID_DONE = "undid: a done; it is in progress again"


def on(session: AnnotationSession, doc_id: str) -> bool:
    return session.loaded and session.document.id == doc_id


def said(app: AnnotatorApp) -> list[str]:
    return [" ".join(toast.split()) for toast in toasts(app)]


async def tab_to(pilot: Pilot[None], app: AnnotatorApp, name: str) -> Input:
    """From the article, o and tab until the focus is in the input ``name`` (id or name)."""
    await press(pilot, "o")
    for _ in range(8):
        focused = app.focused
        if isinstance(focused, Input) and name in (focused.id, focused.name):
            return focused
        await press(pilot, "tab")
    raise AssertionError(f"tab never reached {name}")


async def an_event_type(pilot: Pilot[None]) -> None:
    """The event type (required for d) chosen, back to the article."""
    await press(pilot, "o", "enter", "down", "down", "enter", "escape")


async def done_a_then_b_opens(pilot: Pilot[None], session: AnnotationSession) -> None:
    await press(pilot, "d")
    await wait_for(pilot, lambda: on(session, "b"))


async def ctrl_z_opens_a_and_its_message_stays(
    pilot: Pilot[None], app: AnnotatorApp, session: AnnotationSession
) -> None:
    lines = len(journal(session))
    await press(pilot, "ctrl+z")
    await wait_for(pilot, lambda: on(session, "a"))
    await wait_for(pilot, lambda: UNDID_DONE in said(app))
    assert screen_of(app).article.has_focus  # the field was left
    for _ in range(5):  # the field's leaving is handled by now, and said nothing
        await pilot.pause(0.02)
    assert UNDID_DONE in said(app), said(app)
    written = journal(session)
    assert len(written) == lines + 1  # a in progress again, and nothing else
    assert (written[-1]["doc_id"], written[-1]["status"]) == ("a", "in_progress")


def test_ctrl_z_in_an_empty_note_keeps_the_undid_message(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await an_event_type(pilot)
        await done_a_then_b_opens(pilot, session)
        await tab_to(pilot, app, "note")
        await ctrl_z_opens_a_and_its_message_stays(pilot, app, session)
        assert session.record.note == ""

    drive(session, scenario, size=SIZE, notifications=True)


def test_ctrl_z_in_b_s_saved_note_neither_says_nor_writes_it_into_a(
    session: AnnotationSession,
) -> None:
    """b's note, saved before: the note left as a opened held b's words."""

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "n")
        await wait_for(pilot, lambda: on(session, "b"))
        await tab_to(pilot, app, "note")
        await press(pilot, *"seen twice", "enter", "escape", "p")
        await wait_for(pilot, lambda: on(session, "a"))
        await an_event_type(pilot)
        await done_a_then_b_opens(pilot, session)
        note = await tab_to(pilot, app, "note")
        assert note.value == "seen twice"
        await ctrl_z_opens_a_and_its_message_stays(pilot, app, session)
        assert session.record.note == ""
        assert screen_of(app).query_one("#note", Input).value == ""

    drive(session, scenario, size=SIZE, notifications=True)


def test_ctrl_z_in_a_form_field_of_b_neither_says_nor_writes_it_into_a(
    session: AnnotationSession,
) -> None:
    """a and b each hold a release, b's count 12, a's 146: the field left as a opened held
    b's 12."""

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        count = "releases[0].count"
        screen = screen_of(app)

        async def a_release(of: str) -> None:
            await press(pilot, "o", "tab", "enter")
            await wait_for(pilot, lambda: any(w.name == count for w in screen.query(Input)))
            await press(pilot, "escape")
            await tab_to(pilot, app, count)
            await press(pilot, *of, "escape")

        await press(pilot, "n")
        await wait_for(pilot, lambda: on(session, "b"))
        await a_release("12")
        await press(pilot, "p")
        await wait_for(pilot, lambda: on(session, "a"))
        assert journal(session)[-1]["form"]["releases"][0]["count"] == 12
        await an_event_type(pilot)
        await a_release("146")
        await done_a_then_b_opens(pilot, session)
        field = await tab_to(pilot, app, count)
        assert field.value == "12"
        await ctrl_z_opens_a_and_its_message_stays(pilot, app, session)
        assert session.record.form["releases"][0]["count"] == 146
        assert [w.value for w in screen.query(Input) if w.name == count] == ["146"]

    drive(session, scenario, size=SIZE, notifications=True)
