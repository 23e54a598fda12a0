"""Pilot: ctrl+r twice in the document list merges a document anew after an annotator's
change, keeping the decisions whose conflict the change left alone (``review_kept``)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from annotate_helpers import press, toasts, wait_for
from test_review_keys import gold, shown

from annotator.tui.review_app import ReviewApp
from annotator.tui.review_doc_list import ReviewDocListScreen
from tests.test_review_merge_kept import bob_marks_ukraine_an_actor, decide_three
from tests.test_review_session_data import open_it, spans_of, write_review_case


@pytest.fixture
def setup(tmp_path: Path) -> dict[str, Path]:
    return write_review_case(tmp_path)


def test_ctrl_r_twice_keeps_the_decisions_the_change_left_alone(setup: dict[str, Path]) -> None:
    decide_three(setup)  # "146 prisoners", "Ukraine" and code settled in an earlier session
    bob_marks_ukraine_an_actor(setup)  # only "Ukraine" changed
    session = open_it(setup)

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(140, 40), notifications=True) as pilot:
            await wait_for(pilot, lambda: shown(app, "d1"))
            lines = len(gold(session))
            app.clear_notifications()
            await press(pilot, "l", "d", "1", "ctrl+r")
            assert isinstance(app.screen, ReviewDocListScreen)
            assert len(gold(session)) == lines  # asked first
            await press(pilot, "ctrl+r")
            await wait_for(pilot, lambda: len(gold(session)) == lines + 1)
            line = gold(session)[-1]
            assert spans_of(line) == [
                ("s1", 0, 6, "actor", None),
                ("s2", 13, 16, "count", 146),
                ("s3", 17, 26, "releasee", None),
                ("s5", 31, 38, "actor", None),
            ]
            assert line["form"]["code"] == "2"
            assert [c.get("region") or c["path"] for c in line["conflicts"]] == [
                [45, 47],
                "releases",
            ]
            said = (
                "merged d1 anew from its annotators' records, 2 decision(s) kept, 1 dropped "
                "(conflict changed or gone: “Ukraine”): 2 conflict(s) open (before: 2 "
                "conflict(s) open); ctrl+z puts the record before back"
            )
            await wait_for(pilot, lambda: any(said in toast for toast in toasts(app)))
            await pilot.pause()

    try:
        asyncio.run(main())
    finally:
        assert session.close()
