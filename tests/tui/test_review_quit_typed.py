"""Pilot: a quit with a review editor holding typing stops once, saying so; a second quit leaves
without it. Typing there is no decision until enter settles with it (escape drops it), and the
palette's Quit left at once, the typing gone unsaid. (ctrl+q over an editor stops so too:
test_review_quit_from_boxes.) An editor as it opened does not stop a quit.

The journals are tests/test_review_data.py's alice and bob: in the second article c1 is the field
``event_type`` (alice ``unilateral_release``, bob ``exchange``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import press, said_in_box, toasts, wait_for
from test_review_keys import drive, gold, review_of_two, shown
from textual.pilot import Pilot

from annotator.core.review import ReviewSession
from annotator.core.review_views import Place
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_field_edit import FieldEditScreen
from tests.test_review_data import SECOND


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review_of_two(tmp_path)


async def editing_event_type(pilot: Pilot[None], app: ReviewApp) -> None:
    await press(pilot, "p")
    await wait_for(pilot, lambda: shown(app, SECOND))
    assert app.session.current == Place(SECOND, "c1")
    await press(pilot, "e")
    assert isinstance(app.screen, FieldEditScreen)


async def quit_from_the_palette(pilot: Pilot[None]) -> None:
    await press(pilot, "ctrl+p", *"Quit")
    await pilot.pause(0.3)  # the palette's search
    await press(pilot, "enter")


def test_a_quit_with_typing_in_an_editor_stops_once(session: ReviewSession) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await editing_event_type(pilot, app)
        count = len(gold(session))
        await press(pilot, "ctrl+u", *"kelpie")
        await quit_from_the_palette(pilot)
        await pilot.pause(0.3)
        assert app.is_running and isinstance(app.screen, FieldEditScreen)
        said = (
            "not saved: the value typed for c1, 'kelpie'; enter settles the conflict with it, or "
            "quit again to leave without it"
        )
        assert said in toasts(app)
        # Said in the editor too, under its input: its toasts are hidden (review.tcss).
        await wait_for(pilot, lambda: said_in_box(app.screen) == f"▌ {said}")
        assert len(gold(session)) == count
        await quit_from_the_palette(pilot)
        await wait_for(pilot, lambda: not app.is_running)

    drive(session, scenario, notifications=True)
    assert not any("kelpie" in str(line) for line in gold(session))


def test_an_editor_as_it_opened_does_not_stop_a_quit(session: ReviewSession) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await editing_event_type(pilot, app)
        await quit_from_the_palette(pilot)
        await wait_for(pilot, lambda: not app.is_running)

    drive(session, scenario, notifications=True)


def test_typing_again_after_a_stopped_quit_stops_the_next_one_again(
    session: ReviewSession,
) -> None:
    # Told of 'kelpie', the editor emptied and 'kelpie' typed anew: the quit stops again, as
    # for any typing since (the palette's own typing, its search, re-arms nothing).
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await editing_event_type(pilot, app)
        await press(pilot, "ctrl+u", *"kelpie")
        await quit_from_the_palette(pilot)
        await pilot.pause(0.3)
        assert app.is_running and isinstance(app.screen, FieldEditScreen)
        await press(pilot, "ctrl+u", *"kelpie")
        app.clear_notifications()
        await quit_from_the_palette(pilot)
        await pilot.pause(0.3)
        assert app.is_running and isinstance(app.screen, FieldEditScreen)
        said = (
            "not saved: the value typed for c1, 'kelpie'; enter settles the conflict with it, or "
            "quit again to leave without it"
        )
        assert toasts(app) == [said]
        await quit_from_the_palette(pilot)
        await wait_for(pilot, lambda: not app.is_running)

    drive(session, scenario, notifications=True)
    assert not any("kelpie" in str(line) for line in gold(session))
