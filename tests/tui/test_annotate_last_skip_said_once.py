"""Pilot: skipping the last unfinished article says so once. A trial's s there showed two
messages saying the same, "every document is finished (2/3 done)" and "that was the last
unfinished document"."""

from __future__ import annotations

from annotate_helpers import drive, press, toasts, wait_for
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp


def said(app: AnnotatorApp) -> list[str]:
    return [" ".join(toast.split()) for toast in toasts(app)]  # a toast wraps its lines


def test_the_last_skip_says_every_document_is_finished_once(session: AnnotationSession) -> None:
    session.open("b")
    session.set_field("event_type", "exchange")
    session.mark_done()
    session.open("c")
    session.skip()  # a is the last unfinished one

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await wait_for(pilot, lambda: session.document.id == "a")
        await press(pilot, "s", "n", "o", "enter")  # s asks why; the reason, enter skips
        await wait_for(pilot, lambda: session.record.status == "skipped")
        await wait_for(pilot, lambda: "every document is finished (1/3 done)" in said(app))
        about_the_end = [text for text in said(app) if "finished" in text or "last" in text]
        assert about_the_end == ["every document is finished (1/3 done)"]
        assert session.document.id == "a"  # nothing left to go to: s stays

    drive(session, scenario, notifications=True)
