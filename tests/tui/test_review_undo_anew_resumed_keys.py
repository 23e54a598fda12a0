"""Pilot: ctrl+z after a resume, past an earlier session's merge anew (ctrl+r twice in the list),
goes on to the record put back's first open conflict. The cursor stayed on the conflict the last
undo had opened again, which that record lacks: the next redraw ended in a traceback."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from annotate_helpers import press, toasts, wait_for
from test_review_keys import panel_title, shown

from annotator.tui.review_app import ReviewApp
from tests.test_review_session_data import open_it, write_review_case


@pytest.fixture
def setup(tmp_path: Path) -> dict[str, Path]:
    return write_review_case(tmp_path)


def test_ctrl_z_past_an_earlier_merge_anew_shows_the_record_put_back(
    setup: dict[str, Path],
) -> None:
    first = open_it(setup)
    try:
        first.take(0)  # d1 c1
        first.take(0)  # d1 c2
        first.merge_anew("d1")  # c1 and c2 open again
        first.take(0)  # c1
    finally:
        assert first.close()
    session = open_it(setup)

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(140, 40), notifications=True) as pilot:
            await wait_for(pilot, lambda: shown(app, "d1"))
            await press(pilot, "ctrl+z")
            await wait_for(pilot, lambda: panel_title(app).startswith("Conflict c1 "))
            app.clear_notifications()
            await press(pilot, "ctrl+z")  # the merge anew: c1 and c2 settled again
            said = (
                "undid a merge anew of an earlier session: d1 has 3 open conflict(s) again (was 5)"
            )
            await wait_for(pilot, lambda: any(said in toast for toast in toasts(app)))
            assert panel_title(app) == "Conflict c3 · 3 open in d1"
            conflict = session.conflict
            assert conflict is not None and conflict["id"] == "c3"
            await press(pilot, "ctrl+z")  # then c2's decision, before the merge anew
            await wait_for(pilot, lambda: panel_title(app).startswith("Conflict c2 "))

    try:
        asyncio.run(main())
    finally:
        assert session.close()
