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

ASKED = "why skip? type the reason, enter skips (escape: back, not skipped)"
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
