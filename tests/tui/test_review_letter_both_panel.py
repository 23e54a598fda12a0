"""Pilot: a version both annotators gave (a conflict of one version under ``--min-agree 3``)
shows both letters, ``1 a/b``, and the keys say either takes it: the panel showed ``1 a`` and
``a  take that annotator's version``, though b takes it too."""

from __future__ import annotations

import asyncio

from annotate_helpers import press, wait_for
from test_review_keys import panel_text

from annotator.core.review import ReviewSession
from annotator.tui.review_app import ReviewApp
from tests.test_review_letter_of_both import session as session
from tests.test_review_session_data import latest


def test_the_panel_shows_a_slash_b_and_b_takes_it(session: ReviewSession) -> None:
    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: session.conflict is not None)
            await pilot.pause()
            said = panel_text(app)
            assert " 1 a/b  alice, bob" in said, said
            assert "a / b  take the version both gave" in said, said  # the keys, as plain
            await press(pilot, "b")
            await wait_for(pilot, lambda: (session.conflict or {}).get("kind") != "span")
            assert session.flush(10)
            line = latest(session.store.journal)["d1"]
            assert [(s["start"], s["end"]) for s in line["spans"]] == [(0, 6)]

    asyncio.run(main())
