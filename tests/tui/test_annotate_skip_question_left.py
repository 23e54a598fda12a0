"""Pilot: escape (or tab) out of the note s asked a reason in takes the question away and says
the article is not skipped. An annotator's trial: after s then escape, "why skip? type the
reason, enter skips" stayed up for 10 s over the article, the focus back in it, where a
reason typed would have been read as the article's keys (n, o, d, x ...)."""

from __future__ import annotations

import pytest
from annotate_helpers import drive, journal, press, screen_of, toasts, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp

ASKED = "why skip?"


def said(app: AnnotatorApp) -> list[str]:
    return [" ".join(toast.split()) for toast in toasts(app)]


@pytest.mark.parametrize(
    ("typed", "leaving", "told"),
    [
        ("", "escape", "a is not skipped (s, in the article, skips it, no reason given)"),
        ("", "tab", "a is not skipped (s, in the article, skips it, no reason given)"),
        ("torn", "escape", "a is not skipped (s, in the article, skips it, the note its reason)"),
    ],
)
def test_leaving_the_note_takes_the_question_away(
    session: AnnotationSession, typed: str, leaving: str, told: str
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        written = len(journal(session))
        await press(pilot, "s")
        await wait_for(pilot, lambda: any(ASKED in line for line in said(app)))
        focused = app.focused
        assert isinstance(focused, Input) and focused.id == "note"
        await press(pilot, *typed, leaving)
        await wait_for(pilot, lambda: told in said(app))
        assert not any(ASKED in line for line in said(app))
        assert session.document.id == "a"
        assert all(line["status"] != "skipped" for line in journal(session)[written:])
        if leaving == "escape":
            assert screen_of(app).article.has_focus
        await press(pilot, "escape", "s")  # s again skips, as told
        await wait_for(pilot, lambda: journal(session)[-1]["status"] == "skipped")
        assert journal(session)[-1]["note"] == typed

    drive(session, scenario, notifications=True)
