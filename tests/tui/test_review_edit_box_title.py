"""Pilot: the box that types a conflict's value names the field whole. At 80 columns its title
was cut, "Type the value of releases #1 received_b": it says "Value of …" where the long wording
does not fit, and wraps where neither does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import wait_for
from test_review_keys import drive, review_of_two
from textual.pilot import Pilot

from annotator.core.review import ReviewSession
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_field_edit import BoxTitle, FieldEditScreen

# A conflict over one field of gold's first release, as merge writes it.
RECEIVED_BY = {
    "id": "c12",
    "kind": "field",
    "path": "releases[0].received_by",
    "versions": [
        {"value": "government of Ostreva", "annotators": ["alice"]},
        {"value": "Ostreva", "annotators": ["bob"]},
    ],
}


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review_of_two(tmp_path)


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        ((80, 24), ["Value of releases #1 received_by (c12)"]),
        ((120, 36), ["Type the value of releases #1 received_by (c12)"]),
        # Neither fits (the box 55% of 60 columns): the short one, wrapped, the name whole.
        ((60, 24), ["Value of releases #1", "received_by (c12)"]),
    ],
)
def test_the_title_names_the_field_whole(
    session: ReviewSession, size: tuple[int, int], shown: list[str]
) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        app.push_screen(FieldEditScreen(session.scheme, RECEIVED_BY, lambda typed: None))
        await wait_for(pilot, lambda: isinstance(app.screen, FieldEditScreen))
        await pilot.pause()
        title = app.screen.query_one(BoxTitle)
        lines = [line.text.rstrip() for line in title.render_lines(title.region.reset_offset)]
        assert lines == shown

    drive(session, scenario, size)
