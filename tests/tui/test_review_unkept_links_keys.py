"""Pilot: a version's link to a span gold does not hold is marked in the panel, and taking it
with its letter says the link was not kept; gold's line on disk holds the value unlinked
(``review_unkept_links``; a trial's ``b`` said only "took bob's version")."""

from __future__ import annotations

import asyncio
from pathlib import Path

from annotate_helpers import press, toasts, wait_for
from test_review_keys import gold, panel_text, shown

from annotator.tui.review_app import ReviewApp
from tests.test_review_unkept_links import LONG, SHORT, TEXT, at, journal, open_case


def test_b_takes_bobs_releasees_saying_his_link_is_not_kept(tmp_path: Path) -> None:
    session = open_case(
        tmp_path,
        journal("alice", at(LONG, "releasee", "a1")),
        journal("bob", at(SHORT, "releasee", "b1")),
    )
    start = TEXT.index(SHORT)
    where = f"{start}–{start + len(SHORT)}"

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(140, 40), notifications=True) as pilot:
            await wait_for(pilot, lambda: shown(app, "d1"))
            await press(pilot, "a")  # c1: alice's "95 prisoners of war"
            await wait_for(pilot, lambda: "releasees" in panel_text(app))
            assert f"⛓ “95 prisoners” {where} (not in gold)" in panel_text(app)
            assert f"⛓ “95 prisoners of war” {TEXT.index(LONG)}–" in panel_text(app)
            lines = len(gold(session))
            app.clear_notifications()
            await press(pilot, "b")
            await wait_for(pilot, lambda: len(gold(session)) == lines + 1)
            line = gold(session)[-1]
            assert line["form"]["releases"][0]["releasees"] == [SHORT]
            assert "releases[0].releasees" not in line["links"]
            said = (
                f"settled c2: took bob's version; its link to “95 prisoners” {where} not kept: "
                "that span is not in gold"
            )
            await wait_for(pilot, lambda: any(said in toast for toast in toasts(app)))

    try:
        asyncio.run(main())
    finally:
        assert session.close()
