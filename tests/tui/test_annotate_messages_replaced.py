"""Pilot: a newer message of a kind takes the place of the older one, and a message no longer
true goes: toasts stacked up beside later work ("flagged for review" beside "flag removed",
"nothing to undo" after a label ctrl+z would undo)."""

from __future__ import annotations

from annotate_helpers import drive, journal, press, screen_of, toasts, wait_for
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp

RUSSIA = ["ctrl+home", *["right"] * 16, *["shift+right"] * 6]  # "Russia" in document a
UKRAINE = ["ctrl+home", *["right"] * 27, *["shift+right"] * 7]


def said(app: AnnotatorApp) -> list[str]:
    return [" ".join(toast.split()) for toast in toasts(app)]  # a toast wraps its lines


async def welcome_gone(pilot: Pilot[None], app: AnnotatorApp) -> None:
    await press(pilot, "right", "left")  # the Welcome goes at the first key
    await wait_for(pilot, lambda: not any("Welcome" in toast for toast in said(app)))


def test_flag_and_character_mode_say_only_what_is_true_now(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await welcome_gone(pilot, app)
        await press(pilot, "f")
        await wait_for(pilot, lambda: "flagged for review" in said(app))
        await press(pilot, "f")
        await wait_for(pilot, lambda: "flag removed" in said(app))
        assert "flagged for review" not in said(app)
        assert journal(session)[-1]["flagged"] is False
        await press(pilot, "c", "c")
        await wait_for(pilot, lambda: "token mode: selections snap to whole words" in said(app))
        assert not any(toast.startswith("character mode") for toast in said(app))
        assert said(app) == ["flag removed", "token mode: selections snap to whole words"]

    drive(session, scenario, notifications=True)


def test_nothing_to_undo_goes_once_there_is_something(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await welcome_gone(pilot, app)
        await press(pilot, "ctrl+z", "ctrl+y", "tab")
        await wait_for(pilot, lambda: "no spans in this document yet" in said(app))
        assert {"nothing to undo", "nothing to redo"} <= set(said(app))
        await press(pilot, *RUSSIA, "1")
        assert journal(session)[-1]["spans"][0]["text"] == "Russia"
        # ctrl+z would undo the label, and tab go to its span: neither message is true now.
        shown = said(app)
        assert "nothing to undo" not in shown and "no spans in this document yet" not in shown
        assert "nothing to redo" in shown  # still true
        await press(pilot, "ctrl+z")  # undid the label: now there is something to redo
        await wait_for(pilot, lambda: any(toast.startswith("undid: label") for toast in said(app)))
        assert "nothing to redo" not in said(app)

    drive(session, scenario, notifications=True)


def test_a_later_delete_says_what_ctrl_z_undoes_now(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await welcome_gone(pilot, app)
        await press(pilot, *RUSSIA, "1", *UKRAINE, "1")
        await press(pilot, "ctrl+home", "tab", "x")
        await wait_for(pilot, lambda: any(toast.startswith("deleted s1") for toast in said(app)))
        await press(pilot, "tab", "x")
        await wait_for(pilot, lambda: any(toast.startswith("deleted s2") for toast in said(app)))
        # "ctrl+z undoes" of s1 is no longer true: ctrl+z now brings s2 back first.
        assert said(app) == ["deleted s2 actor 'Ukraine'; ctrl+z undoes"]
        assert journal(session)[-1]["spans"] == []

    drive(session, scenario, notifications=True)


def test_a_refused_d_goes_once_the_field_it_named_is_filled(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await welcome_gone(pilot, app)
        await press(pilot, "d")
        refused = "not done: fill the required field event_type first (o opens the form)"
        await wait_for(pilot, lambda: refused in said(app))
        await press(pilot, *RUSSIA, "1")  # a change that leaves the field empty: still true
        assert refused in said(app)
        screen_of(app).change(session.set_field, "event_type", "exchange")  # as the form does
        await pilot.pause()
        assert refused not in said(app)  # d works now
        assert session.record.status == "in_progress"

    drive(session, scenario, notifications=True)


def test_a_second_copy_takes_the_place_of_the_first(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await welcome_gone(pilot, app)
        article = screen_of(app).article
        article.select_offsets(16, 22)  # selected at once: a copy's message shows three seconds
        await press(pilot, "ctrl+c")
        await wait_for(pilot, lambda: "copied 'Russia' (6 characters)" in said(app))
        article.select_offsets(27, 34)
        await press(pilot, "ctrl+c")
        await wait_for(pilot, lambda: "copied 'Ukraine' (7 characters)" in said(app))
        assert "copied 'Russia' (6 characters)" not in said(app)

    drive(session, scenario, notifications=True)


def test_what_an_undo_said_goes_with_the_next_change(session: AnnotationSession) -> None:
    # A trial's "undid: label s9 actor 'brokered by' (s9 is gone)" stayed up after s9 was
    # labelled again, beside the panel listing it.
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await welcome_gone(pilot, app)
        await press(pilot, *RUSSIA, "1", "ctrl+z")
        undid = "undid: label s1 actor 'Russia' (s1 is gone)"
        await wait_for(pilot, lambda: undid in said(app))
        await press(pilot, "ctrl+y")
        redid = "redid: label s1 actor 'Russia'"
        await wait_for(pilot, lambda: redid in said(app))
        assert undid not in said(app)  # the redo's message takes its place
        await press(pilot, "ctrl+z", *RUSSIA, "1")
        assert journal(session)[-1]["spans"][0]["text"] == "Russia"
        assert not any(toast.startswith(("undid", "redid")) for toast in said(app))

    drive(session, scenario, notifications=True)


def test_what_an_undo_of_d_said_goes_with_the_next_change(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await welcome_gone(pilot, app)
        await press(pilot, "o", "enter", "down", "down", "enter", "escape", "d")
        await wait_for(pilot, lambda: session.document.id == "b")
        await press(pilot, "ctrl+z")
        undid = "undid: a done; it is in progress again"
        await wait_for(pilot, lambda: session.document.id == "a" and undid in said(app))
        await press(pilot, *RUSSIA, "1")
        assert journal(session)[-1]["spans"][0]["text"] == "Russia"
        assert undid not in said(app)

    drive(session, scenario, notifications=True)
