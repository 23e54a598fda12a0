"""Pilot: the line under the review's editors says what enter does with what the input holds,
as it changes (``review_enter_hint``): ``e`` and ``v`` open holding version 1's value, selected,
and a trial's reviewer could not tell that enter takes it. The journals are
tests/test_review_data.py's: the second article's c1 is event_type, alice's
unilateral_release against bob's exchange."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import press, wait_for
from test_review_keys import drive, gold, review_of_two, shown
from textual.pilot import Pilot
from textual.widgets import Input, Static

from annotator.core.review import ReviewSession
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_field_edit import FieldEditScreen
from tests.test_review_data import SECOND

CHOICES = (
    "one of: exchange, unilateral_release, repatriation_of_remains, announcement, not_relevant"
)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review_of_two(tmp_path)


def hint(app: ReviewApp) -> str:
    line = app.screen.query_one("#field-edit-hint", Static)
    lines = line.render_lines(line.region.reset_offset)
    return " ".join(strip.text.strip() for strip in lines if strip.text.strip())


def test_the_hint_follows_what_the_input_holds(session: ReviewSession) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await press(pilot, "p")  # round to the second article's event_type
        await wait_for(pilot, lambda: shown(app, SECOND))
        await press(pilot, "e")
        await wait_for(pilot, lambda: isinstance(app.screen, FieldEditScreen))
        field = app.screen.query_one(Input)
        assert field.value == "unilateral_release"
        # event_type is required: no "empty: no value" offered, which enter refuses.
        takes_alices = f"enter takes alice's unilateral_release; type to replace: {CHOICES}"
        assert hint(app) == f"{takes_alices}; required"
        # Read as enter reads it: a choice by its beginning is that choice, bob's.
        await press(pilot, *"exch")
        assert hint(app) == f"enter takes bob's exchange; type to replace: {CHOICES}; required"
        await press(pilot, "ctrl+a", "ctrl+k")
        assert hint(app) == f"required: type {CHOICES}"
        await press(pilot, "enter")  # refused, as the line said
        problem = app.screen.query_one("#field-edit-problem", Static)
        assert str(problem.render()).startswith("event_type is required: ")
        await press(pilot, *"uni")
        assert hint(app) == f"{takes_alices}; required"
        await press(pilot, "ctrl+a", "ctrl+k", "r", "e")  # repatriation_of_remains, no one's
        assert hint(app) == f"enter settles with repatriation_of_remains; {CHOICES}; required"
        await press(pilot, "ctrl+a", "ctrl+k", "x")
        assert hint(app) == (
            "enter refuses it: 'x' is not a choice of event_type (one of exchange, "
            "unilateral_release, repatriation_of_remains, announcement, not_relevant)"
        )
        await press(pilot, "ctrl+a", "ctrl+k")
        await press(pilot, *"exchange", "enter")  # what the line said enter takes
        await wait_for(pilot, lambda: not isinstance(app.screen, FieldEditScreen))
        line = gold(session)[-1]
        assert line["doc_id"] == SECOND and line["form"]["event_type"] == "exchange"
        assert line["conflicts"] == []

    drive(session, scenario, (100, 30))
