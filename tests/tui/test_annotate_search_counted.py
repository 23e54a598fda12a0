"""Pilot: enter in the search line says which match it went to of how many, and that it went back
to the top past the last one (a trial's went there with nothing said)."""

from __future__ import annotations

from annotate_helpers import drive, press, screen_of, toasts, wait_for
from textual.pilot import Pilot

from annotator.core.search import matches
from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp


def test_enter_says_the_place_of_the_match_and_the_wrap(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        # "a" is no word in a: every match counts ("date", "Russia", "and", ...).
        count = sum(1 for _ in matches(session.text, "a"))
        assert count >= 3
        await press(pilot, "slash", "a", "enter")
        await wait_for(pilot, lambda: f"match 1 of {count} for 'a'" in toasts(app))
        for place in range(2, count + 1):
            await press(pilot, "slash", "enter")
            said = f"match {place} of {count} for 'a'"
            await wait_for(pilot, lambda said=said: said in toasts(app))
            # What the search said before is no longer true: it goes.
            assert f"match {place - 1} of {count} for 'a'" not in toasts(app)
        await press(pilot, "slash", "enter")
        wrapped = f"search wrapped to the top: match 1 of {count} for 'a'"
        await wait_for(pilot, lambda: wrapped in toasts(app))
        first = next(matches(session.text, "a"))
        assert screen_of(app).article.selection_offsets() == first

    drive(session, scenario, notifications=True)
