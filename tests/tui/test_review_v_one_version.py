"""Pilot: ``v`` on a span conflict of one version (a document fewer than ``--min-agree 3``
finished) says there is nothing to differ from, and opens no editor: it said "here they differ
otherwise", though the one version differs from nothing."""

from __future__ import annotations

import asyncio

from annotate_helpers import press, toasts, wait_for

from annotator.core.review import ReviewSession
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_span_value_edit import SpanValueScreen
from tests.test_review_letter_of_both import session as session


def test_v_on_one_version_says_it_has_nothing_to_differ_from(session: ReviewSession) -> None:
    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            await wait_for(pilot, lambda: session.conflict is not None)
            await pilot.pause()
            view = session.view()
            assert view is not None and view.kind == "span" and len(view.versions) == 1
            await press(pilot, "v")
            assert not isinstance(app.screen, SpanValueScreen)
            told = [one for one in toasts(app) if one.startswith("v types a span's value")]
            assert len(told) == 1 and "differ otherwise" not in told[0], told
            assert "this conflict has one version, nothing to differ from" in told[0]

    asyncio.run(main())
