"""Pilot: what the event form tells the screen names the document it was typed on. A message
on its way as n opened the next document (posted here by hand, as the form would have, once b
is open) is saved to a, said, and b is left as it was; a value a cannot take is said not saved."""

from __future__ import annotations

from annotate_helpers import drive, journal, press, screen_of, toasts, wait_for
from textual.pilot import Pilot
from textual.widgets import Input, Select

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.form_messages import FieldEdited, NoteEdited
from annotator.tui.form_panel import EventForm


def on(session: AnnotationSession, doc_id: str) -> bool:
    return session.loaded and session.document.id == doc_id


def said(app: AnnotatorApp) -> list[str]:
    """The messages on screen, each on one line."""
    return [" ".join(toast.split()) for toast in toasts(app)]


async def next_shown(pilot: Pilot[None], app: AnnotatorApp, session: AnnotationSession) -> None:
    """n, then wait until b is open and its form shown."""
    form = app.screen.query_one("#form", EventForm)
    await press(pilot, "n")
    await wait_for(pilot, lambda: on(session, "b") and form.doc_id == "b")


def test_a_note_posted_for_a_after_n_is_saved_to_a_and_said(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        form = app.screen.query_one("#form", EventForm)
        note = app.screen.query_one("#note", Input)
        assert form.doc_id == "a"
        edit = NoteEdited(form.doc_id, "talks stalled", note)  # as leaving a's note posts it
        await next_shown(pilot, app, session)
        form.post_message(edit)
        await wait_for(pilot, lambda: any("saved to a's note" in t for t in said(app)))
        assert [(line["doc_id"], line["note"]) for line in journal(session)] == [
            ("a", "talks stalled")
        ]
        assert (session.record.note, note.value) == ("", "")  # b's note, shown as it is
        assert (
            "saved to a's note: 'talks stalled', typed there before b opened "
            "(ctrl+z on a undoes it)"
        ) in said(app)
        # Back on a, the note is there.
        await press(pilot, "p")
        await wait_for(pilot, lambda: on(session, "a") and form.doc_id == "a")
        assert note.value == "talks stalled"

    drive(session, scenario, notifications=True)


def test_a_choice_posted_for_a_after_n_is_saved_to_a(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        form = app.screen.query_one("#form", EventForm)
        choice = app.screen.query_one(Select)
        edit = FieldEdited(form.doc_id, "event_type", "exchange", choice)
        await next_shown(pilot, app, session)
        form.post_message(edit)
        await wait_for(pilot, lambda: bool(journal(session)))
        lines = journal(session)
        assert [(line["doc_id"], line["form"]["event_type"]) for line in lines] == [
            ("a", "exchange")
        ]
        assert session.field_value("event_type") is None
        assert not choice.has_class("-invalid")  # b's choice, not the one refused or saved

    drive(session, scenario, notifications=True)


def test_a_value_a_refuses_posted_after_n_is_said_not_saved(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        screen.change(session.add_group_item, "releases")
        form = screen.query_one("#form", EventForm)

        def counts() -> list[Input]:
            return [field for field in form.query(Input) if field.name == "releases[0].count"]

        await wait_for(pilot, lambda: bool(counts()))
        count = counts()[0]
        before = journal(session)
        edit = FieldEdited(form.doc_id, "releases[0].count", "many", count)
        await next_shown(pilot, app, session)
        form.post_message(edit)
        await wait_for(pilot, lambda: any("not saved: 'many'" in t for t in said(app)))
        told = " ".join(said(app))
        assert "not saved: 'many' typed in a's releases #1 count before b opened" in told
        # Nothing written, to a or to b: only, when leaving a took 2 s or more (a loaded CI),
        # a's time, its form as it was.
        after = journal(session)
        assert after[: len(before)] == before
        assert all(
            (line["doc_id"], line["form"]) == ("a", before[-1]["form"])
            for line in after[len(before) :]
        )
        assert not on(session, "a")

    drive(session, scenario, notifications=True)


def test_typing_in_a_release_when_b_opens_is_saved_to_a(session: AnnotationSession) -> None:
    # b has no release: its form drops a's release box, the typing in it saved to a first.
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        screen.change(session.add_group_item, "releases")
        form = screen.query_one("#form", EventForm)

        def counts() -> list[Input]:
            return [field for field in form.query(Input) if field.name == "releases[0].count"]

        await wait_for(pilot, lambda: bool(counts()))
        # Typing is saved at a 1 s pause, which a loaded CI run's pause between the two keys
        # outlasted ("1", then "14": a line more); the test is of what happens before one.
        form.IDLE_SAVE_SECONDS = 30.0
        counts()[0].focus()
        await press(pilot, "1", "4")  # within the pause that would save it
        screen.open_document("b")
        await wait_for(pilot, lambda: on(session, "b") and form.doc_id == "b")
        await wait_for(pilot, lambda: journal(session)[-1]["form"]["releases"][0]["count"] == 14)
        assert [line["doc_id"] for line in journal(session)] == ["a", "a"]
        assert (session.group_size("releases"), counts()) == (0, [])

    drive(session, scenario, notifications=True)
