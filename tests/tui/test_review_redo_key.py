"""Pilot: ctrl+y puts back the decision ctrl+z undid, in the gold file on disk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import press, toasts
from test_review_keys import drive, gold, review_of_two
from textual.pilot import Pilot

from annotator.core.review import ReviewSession
from annotator.tui.review_app import ReviewApp


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review_of_two(tmp_path)


def test_ctrl_y_redoes_and_says_when_there_is_nothing(session: ReviewSession) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await press(pilot, "ctrl+y")
        assert any("nothing to redo" in told for told in toasts(app))
        await press(pilot, "a")
        decided = gold(session)[-1]["spans"]
        await press(pilot, "ctrl+z")
        assert gold(session)[-1]["spans"] != decided
        await press(pilot, "ctrl+y")
        line = gold(session)[-1]
        assert line["spans"] == decided and [c["id"] for c in line["conflicts"]] == [
            "c2",
            "c3",
            "c4",
        ]
        assert any(told.startswith("redid: ") for told in toasts(app))

    drive(session, scenario, notifications=True)
