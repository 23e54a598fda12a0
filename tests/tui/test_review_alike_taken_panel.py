"""Pilot: carol's item "drava people's authority · 12" beside gold's "Drava People’s
Authority · 12" (bob's, taken) is said alike it before ``1`` takes it, as gold stores it taken
(``review_typed_words.item_as_taken``), and both, taken, are listed "(taken)" by the next
conflict of the group. A trial took both with no word, and the second was listed "(typed)".
The case is tests/test_review_alike_as_taken.py's."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from annotate_helpers import notices_heard, press, wait_for
from test_review_keys import panel_text, shown

from annotator.tui.review_app import ReviewApp
from tests.test_review_alike_as_taken import ALIKE, DRAVA, conflict_of, opened, take


def test_carols_item_is_said_alike_then_listed_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = opened(tmp_path)
    take(session, "bob")
    carol, alice = conflict_of(session, "carol"), conflict_of(session, "alice")
    session.go_to("d1", carol)

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: shown(app, "d1"))
            await wait_for(pilot, lambda: "given by carol" in panel_text(app))
            assert f"may be the same one as {ALIKE}" in panel_text(app)
            told = notices_heard(app, monkeypatch)
            await press(pilot, "1")
            await wait_for(pilot, lambda: bool(told))
            assert "is so alike it may be the same one, now twice" in told[0]
            await wait_for(pilot, lambda: "gold holds: 2 item(s): 2 taken" in panel_text(app))
            assert session.conflict is not None and session.conflict["id"] == alice
            listed = [line.strip() for line in panel_text(app).splitlines()]
            assert listed.count(f"• released_by {DRAVA} · count 12 (taken)") == 2

    try:
        asyncio.run(main())
    finally:
        assert session.close()
