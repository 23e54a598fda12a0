"""Pilot: what is typed on a document goes to that document only, said, however soon a key
opens the next (a trial's note typed on 13, then ctrl+p "Next doc", went into 14's record, a
done one); the next document's form shows all of it (its release box was left empty); moving
between documents with nothing typed says nothing (a trial's five "not saved: ''")."""

from __future__ import annotations

import asyncio

from annotate_helpers import drive, journal, press, screen_of, toasts, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.form_panel import EventForm


def said(app: AnnotatorApp) -> list[str]:
    return [" ".join(toast.split()) for toast in toasts(app)]


def b_done_with_two_releases(session: AnnotationSession) -> bytes:
    """b done, with two releases; a opened again (the app opens a, unfinished). The journal."""
    session.open("b")
    session.set_field("event_type", "exchange")
    for index in (0, 1):
        session.add_group_item("releases")
        session.set_field(f"releases[{index}].count", str(12 + index))
    session.mark_done()
    session.open("a")
    assert session.flush(5)
    return session.journal.read_bytes()


async def next_doc_from_the_palette(pilot: Pilot[None]) -> None:
    await press(pilot, "ctrl+p")
    await press(pilot, *("space" if c == " " else c for c in "Next doc"), "enter")


def inputs(form: EventForm, name: str) -> list[Input]:
    return [field for field in form.query(Input) if (field.name or field.id) == name]


async def on_b(pilot: Pilot[None], session: AnnotationSession, form: EventForm) -> None:
    await wait_for(pilot, lambda: session.loaded and session.document.id == "b")
    await wait_for(pilot, lambda: form.doc_id == "b" and bool(inputs(form, "releases[1].count")))


def test_a_note_typed_then_next_doc_goes_to_a_only(session: AnnotationSession) -> None:
    b_done_with_two_releases(session)
    b_before = [line for line in journal(session) if line["doc_id"] == "b"]

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        form = app.screen.query_one("#form", EventForm)
        note = inputs(form, "note")[0]
        note.focus()
        await press(pilot, *"typed on a".replace(" ", "_"))  # within the pause that saves
        await next_doc_from_the_palette(pilot)
        await on_b(pilot, session, form)
        await wait_for(pilot, lambda: journal(session)[-1]["doc_id"] == "a")
        # Saved to a as the palette took the focus, or said saved to a once b opened
        # (test_form_edit_after_next): never said lost.
        assert not any("not saved" in t for t in said(app))
        new = [line for line in journal(session) if line["doc_id"] == "a"]
        assert [line["note"] for line in new] == ["typed_on_a"]
        assert [line for line in journal(session) if line["doc_id"] == "b"] == b_before
        assert b_before[-1]["note"] == "" and b_before[-1]["status"] == "done"
        assert session.record.note == "" and note.value == ""
        # b's form shows b's releases, both.
        assert [field.value for field in inputs(form, "releases[0].count")] == ["12"]
        assert [field.value for field in inputs(form, "releases[1].count")] == ["13"]

    drive(session, scenario, notifications=True)


def test_a_count_typed_then_next_doc_goes_to_a_only(session: AnnotationSession) -> None:
    b_done_with_two_releases(session)
    session.add_group_item("releases")

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        form = app.screen.query_one("#form", EventForm)
        await wait_for(pilot, lambda: bool(inputs(form, "releases[0].count")))
        inputs(form, "releases[0].count")[0].focus()
        await press(pilot, "4", "1")
        b_lines = [line for line in journal(session) if line["doc_id"] == "b"]
        await next_doc_from_the_palette(pilot)
        await on_b(pilot, session, form)
        await wait_for(pilot, lambda: journal(session)[-1]["doc_id"] == "a")
        assert journal(session)[-1]["form"]["releases"][0]["count"] == 41
        assert [line for line in journal(session) if line["doc_id"] == "b"] == b_lines
        assert session.field_value("releases[0].count") == 12
        assert [field.value for field in inputs(form, "releases[0].count")] == ["12"]
        assert [field.value for field in inputs(form, "releases[1].count")] == ["13"]
        # Saved as the palette took the focus, a still open (the tmux trial's came after b
        # opened, and was said): never said lost.
        assert not any("not saved" in t for t in said(app))

    drive(session, scenario, notifications=True)


def test_moving_between_documents_with_releases_says_nothing(
    session: AnnotationSession,
) -> None:
    b_done_with_two_releases(session)
    session.add_group_item("releases")  # a: one release, empty
    assert session.flush(5)
    written = session.journal.read_bytes()

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        form = screen.query_one("#form", EventForm)
        for key, doc_id in [("n", "b"), ("n", "c"), ("p", "b"), ("p", "a"), ("n", "b")]:
            await press(pilot, key)
            await wait_for(pilot, lambda d=doc_id: form.doc_id == d)  # type: ignore[misc]
        await wait_for(pilot, lambda: bool(inputs(form, "releases[1].count")))
        # Focus in a field of b, then away to c and back: leaving it as shown is no typing.
        inputs(form, "releases[0].released_by")[0].focus()
        await press(pilot, "escape", "n")
        await wait_for(pilot, lambda: form.doc_id == "c")
        assert said(app) == []
        assert session.flush(5) and session.journal.read_bytes() == written

    drive(session, scenario, notifications=True)


def test_a_showing_cancelled_half_way_leaves_the_group_whole(
    session: AnnotationSession,
) -> None:
    # A redraw while b's releases were being built cancelled the form's showing half way
    # (its worker is exclusive): the box stayed empty (a trial's 14 showed neither its
    # releases nor + add), its count already taken for b's.
    b_done_with_two_releases(session)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        form = screen_of(app).query_one("#form", EventForm)
        for ticks in range(12):
            session.open("b" if ticks % 2 == 0 else "a")
            showing = asyncio.create_task(form.show(session))
            for _ in range(ticks):
                await asyncio.sleep(0)
            showing.cancel()
            await form.show(session)
            await pilot.pause()
            counts = [field.value for field in inputs(form, "releases[1].count")]
            assert counts == (["13"] if session.document.id == "b" else []), ticks
            assert len(form.query(".add-item")) == 1

    drive(session, scenario)
