"""Pilot: ctrl+z while s asks why (the focus in the empty note) undoes the question, as escape
does: back to the article, not skipped, said so. A second ctrl+z undoes the d before it, as
usual. A trial's ctrl+z there undid the d of the article before without a word, and left
"why skip?" up over it."""

from __future__ import annotations

from annotate_helpers import drive, journal, press, screen_of, toasts, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.form_panel import EventForm

ASKED = (
    "why skip? type the reason, enter skips (escape: back, not skipped) "
    "skip only an article that cannot be annotated"
)
NOT_SKIPPED = "undid: s; b is not skipped (s asks why again)"
UNDID_DONE = "undid: a done; it is in progress again"


def on(session: AnnotationSession, doc_id: str) -> bool:
    return session.loaded and session.document.id == doc_id


def said(app: AnnotatorApp) -> list[str]:
    return [" ".join(toast.split()) for toast in toasts(app)]


def statuses(session: AnnotationSession) -> list[tuple[str, str]]:
    return [(line["doc_id"], line["status"]) for line in journal(session)]


def test_ctrl_z_in_the_skip_question_undoes_the_question_then_the_d(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        # The event type is required: chosen first, then back to the article for d.
        await press(pilot, "o", "enter", "down", "down", "enter", "escape", "d")
        await wait_for(pilot, lambda: on(session, "b"))
        await press(pilot, "s")
        await wait_for(pilot, lambda: ASKED in said(app))
        focused = app.focused
        assert isinstance(focused, Input) and focused.id == "note"
        done = statuses(session)

        await press(pilot, "ctrl+z")
        await wait_for(pilot, lambda: NOT_SKIPPED in said(app))
        assert on(session, "b") and screen_of(app).article.has_focus
        assert ASKED not in said(app)
        assert statuses(session) == done and done[-1] == ("a", "done")  # nothing written
        assert "done a (ctrl+z undoes it)" in said(app)  # still true

        # The next ctrl+z, from the article, undoes the d, saying so; nothing asks why.
        await press(pilot, "ctrl+z")
        await wait_for(pilot, lambda: on(session, "a"))
        await wait_for(pilot, lambda: UNDID_DONE in said(app))
        assert statuses(session)[-1] == ("a", "in_progress")
        assert ASKED not in said(app) and NOT_SKIPPED not in said(app)
        assert screen_of(app).article.has_focus

    drive(session, scenario, notifications=True)


def test_s_asks_again_after_ctrl_z_undid_the_question(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "s", "ctrl+z")
        assert screen_of(app).article.has_focus
        await press(pilot, "s")  # asked again: not skipped without a reason
        focused = app.focused
        assert isinstance(focused, Input) and focused.id == "note" and focused.value == ""
        assert on(session, "a") and journal(session) == []
        await wait_for(pilot, lambda: ASKED in said(app))
        assert NOT_SKIPPED.replace(" b ", " a ") not in said(app)

    drive(session, scenario, notifications=True)


def test_ctrl_z_of_a_reason_saved_at_a_pause_leaves_the_question_in_sight(
    session: AnnotationSession,
) -> None:
    # A trial (120x36): s, part of a reason, a pause (saved), ctrl+z: the reason went and the
    # question with it, the focus left in the note, and enter skipped with no reason unwarned.
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        form = screen_of(app).query_one("#form", EventForm)
        form.IDLE_SAVE_SECONDS = 0.2
        await press(pilot, "s")
        await wait_for(pilot, lambda: ASKED in said(app))
        await press(pilot, *"not_about")
        await wait_for(pilot, lambda: [line["note"] for line in journal(session)] == ["not_about"])
        await press(pilot, "ctrl+z")
        await wait_for(pilot, lambda: "undid: note back to empty (was 'not_about')" in said(app))
        # The question stands, said under what was undone: enter in the note still skips.
        assert said(app)[-1] == ASKED
        focused = app.focused
        assert isinstance(focused, Input) and focused.id == "note" and focused.value == ""
        assert journal(session)[-1]["note"] == "" and session.record.status == "in_progress"
        # The next ctrl+z, the note empty, takes the question back, as with nothing typed.
        await press(pilot, "ctrl+z")
        await wait_for(pilot, lambda: "undid: s; a is not skipped (s asks why again)" in said(app))
        assert ASKED not in said(app) and screen_of(app).article.has_focus
        assert [line["status"] for line in journal(session)] == ["in_progress"] * 2

    drive(session, scenario, notifications=True)


def test_enter_in_the_note_skips_only_while_the_question_kept_the_focus(
    session: AnnotationSession,
) -> None:
    # s, escape (not skipped), back in the note (o goes to the first field, as it would have
    # without the question; shift+tab from there to the note, the form's last), enter: the
    # note saved, nothing skipped; s from the article then skips without a reason, as the
    # README says.
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "s")
        await wait_for(pilot, lambda: ASKED in said(app))
        await press(pilot, "escape")
        assert screen_of(app).article.has_focus
        await press(pilot, "o", "shift+tab")
        focused = app.focused
        assert isinstance(focused, Input) and focused.id == "note"
        await press(pilot, *"later", "enter")
        await wait_for(pilot, lambda: bool(journal(session)))
        assert on(session, "a") and session.record.status == "in_progress"
        assert [(line["note"], line["status"]) for line in journal(session)] == [
            ("later", "in_progress")
        ]
        assert app.focused is focused
        await press(pilot, "ctrl+z")  # undoes the note typed: no question to take back
        await wait_for(pilot, lambda: journal(session)[-1]["note"] == "")
        assert ASKED not in said(app) and on(session, "a")

    drive(session, scenario, notifications=True)
