"""Pilot: a refused r says what the selection touches among the spans; the refusal goes once
the selection, the current span or the spans change (README: a warning goes once it is no
longer true). A trial's "r: the selection touches no span" stayed up through a label of the
selection and a tab."""

from __future__ import annotations

from annotate_helpers import drive, journal, press, toasts
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp

REFUSED = "r: the selection touches no span; select over part of the span first"


def said(app: AnnotatorApp) -> list[str]:
    return [" ".join(toast.split()) for toast in toasts(app)]


def test_the_refusal_goes_with_a_label_of_the_selection(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "slash", *"146", "enter", "2")  # s1 count, elsewhere
        await press(pilot, "ctrl+home", "slash", *"Russia", "enter", "r")
        assert REFUSED in said(app)
        await pilot.pause(0.2)  # nothing changed: still true, still shown
        assert REFUSED in said(app)
        await press(pilot, "1")
        assert [span["text"] for span in journal(session)[-1]["spans"]] == ["Russia", "146"]
        assert REFUSED not in said(app)

    drive(session, scenario, notifications=True)


def test_the_refusal_goes_with_a_tab_to_a_span(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "slash", *"146", "enter", "2")
        await press(pilot, "ctrl+home", "slash", *"Russia", "enter", "r")
        assert REFUSED in said(app)
        await press(pilot, "tab")  # to s1: the selection goes, s1 is current
        assert REFUSED not in said(app)

    drive(session, scenario, notifications=True)
