"""Pilot: a message about an action goes once that action works (a failed r's warning stayed up
after an r that worked, a refused d's beside "done"), a warning still true stays, a message
told again takes the place of the one before, and at 80x24 toasts end above the article's
frame and no holder of a cleared toast is left (each took a line beside the next toast)."""

from __future__ import annotations

from annotate_helpers import drive, journal, press, screen_of, toasts, wait_for
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView

SMALL = (80, 24)
NOT_DONE = "not done: fill the required field event_type first"
EXTENT_FIRST = "select the new extent first, then press r"


def said(app: AnnotatorApp) -> str:
    return " ".join(" ".join(toasts(app)).split())  # a toast wraps its lines


def test_a_refused_r_goes_when_r_works_and_a_refused_d_stays(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "d", "r")
        await wait_for(pilot, lambda: EXTENT_FIRST in said(app) and NOT_DONE in said(app))
        # Selected as the keys would select it, but at once: under a loaded CI, 40 key
        # presses outlasted the refused d's toast, and the test read its going as a bug.
        article = screen_of(app).query_one(ArticleView)
        article.select_offsets(16, 22)  # "Russia"
        await press(pilot, "1")
        article.select_offsets(16, 26)  # "Russia and"
        await press(pilot, "r")
        assert journal(session)[-1]["spans"][0]["text"] == "Russia and"
        await wait_for(pilot, lambda: EXTENT_FIRST not in said(app))  # toasts go in their time
        assert NOT_DONE in said(app)  # still true: the event type is still empty

    drive(session, scenario, size=SMALL, notifications=True)


def test_a_refused_d_goes_when_d_works(session: AnnotationSession) -> None:
    for doc_id in ("b", "c"):  # a is the last unfinished one: d stays on it
        session.open(doc_id)
        session.skip()

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await wait_for(pilot, lambda: session.document.id == "a")
        await press(pilot, "d")
        await wait_for(pilot, lambda: NOT_DONE in said(app))
        screen_of(app).change(session.set_field, "event_type", "exchange")  # as the form does
        await press(pilot, "d")
        await wait_for(pilot, lambda: "every document is finished" in said(app))
        assert session.record.status == "done"
        assert NOT_DONE not in said(app)

    drive(session, scenario, size=SMALL, notifications=True)


def test_a_hint_taken_leaves_a_warning_still_true(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "d", "v")
        await wait_for(pilot, lambda: "no span at the cursor" in said(app))
        # "146" selected at once, as the first test does: 46 key presses under a loaded CI
        # outlasted the refused d's toast (CI failed here twice).
        screen_of(app).query_one(ArticleView).select_offsets(43, 46)
        await press(pilot, "2", "v")
        assert screen_of(app).focused is not None and screen_of(app).focused.id == "span-value"
        await pilot.pause()
        assert "no span at the cursor" not in said(app)
        assert NOT_DONE in said(app)

    drive(session, scenario, size=SMALL, notifications=True)


def test_a_refusal_told_again_takes_the_place_of_the_one_before(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "r", "d", "r")
        await wait_for(pilot, lambda: EXTENT_FIRST in said(app) and NOT_DONE in said(app))
        await pilot.pause()
        assert said(app).count(EXTENT_FIRST) == 1
        assert said(app).index(NOT_DONE) < said(app).index(EXTENT_FIRST)  # the newest below

    drive(session, scenario, size=SMALL, notifications=True)


def test_toasts_keep_their_place_after_others_were_cleared(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await wait_for(pilot, lambda: "Select words" in said(app))
        # The Welcome goes at the first key; a label undone and redone clears the messages.
        await press(pilot, *["right"] * 16, *["shift+right"] * 6, "1", "ctrl+z", "ctrl+y")
        await press(pilot, "ctrl+home", "d")
        await wait_for(pilot, lambda: NOT_DONE in said(app))
        await pilot.pause()
        shown = app.screen.query("Toast")
        # Every holder holds a toast (a cleared toast's holder put the next toast a line
        # further from its place), and the last toast ends on the row above the article's
        # bottom frame.
        assert len(app.screen.query("ToastHolder")) == len(shown)
        frame = screen_of(app).query_one(ArticleView).region.bottom - 1
        assert shown.last().region.bottom == frame, [toast.region for toast in shown]

    drive(session, scenario, size=SMALL, notifications=True)
