"""Pilot: the review panel's frame says what of the versions is out of sight however the
conflict was reached, and its scrollbar stands beside the versions only, not the keys.

A trial at 80x24: on a conflict over an item's releasees (three versions), reached by settling
the one before with a key, the frame's foot said nothing though the third version was out of
sight; reached with p it said "more below". And the scrollbar's thumb was drawn over the
keys' line (``1–3 take · t all · r reject · ▆▆``).

The case is ``tests.test_group_align_data``'s, its releases' releasees given differently by
each of three annotators: c1 and c2 the count's spans ("187", "210"), c3 the count, c4 the
releasees.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from annotate_helpers import press, wait_for
from test_review_keys import NOW, Scenario, screen_of
from textual.pilot import Pilot

from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_article import ReviewArticle
from annotator.tui.review_versions_box import MORE_ABOVE, MORE_BELOW, VersionsBox
from tests.test_group_align_data import COUNT_187, COUNT_210, record, release, write_case

RELEASEES = {
    "alice": ["the garrison commander of the Liskovo junction", "187 soldiers and civilians"],
    "bob": ["187 soldiers and civilians", "the commander", "two medics of the Red Crescent"],
    "carol": ["the garrison commander", "civilians held at Liskovo since the spring"],
}


def three_readings(folder: Path) -> ReviewSession:
    counts = {"alice": COUNT_187, "bob": COUNT_210, "carol": COUNT_187}
    records = {
        name: record(name, [release(int(counts[name]["text"]), releasees=said)], counts[name])
        for name, said in RELEASEES.items()
    }
    corpus, journals = write_case(folder, records)
    return open_review(journals, corpus, folder / "gold.jsonl", "rita", now=lambda: NOW)


def drive(session: ReviewSession, scenario: Scenario) -> None:
    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: not screen_of(app).query_one(ReviewArticle).loading)
            await scenario(pilot, app)

    try:
        asyncio.run(main())
    finally:
        session.close()


async def releasees_reached(pilot: Pilot[None], app: ReviewApp, *keys: str) -> VersionsBox:
    await press(pilot, *keys)
    view = app.session.view()
    assert view is not None and view.path == "releases[0].releasees"
    assert len(view.versions) == 3
    await pilot.pause()
    return screen_of(app).query_one(VersionsBox)


def test_settled_with_a_key_the_next_conflict_s_frame_says_more_below(tmp_path: Path) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        # 1 takes "187" (alice and carol's), then the count 187: the releasees come next.
        box = await releasees_reached(pilot, app, "1", "1", "1")
        versions = box.versions
        assert versions.max_scroll_y > 0  # the third version is out of sight at 80x24
        assert versions.scroll_y == 0
        assert box.border_subtitle == MORE_BELOW
        await press(pilot, "right_square_bracket", "right_square_bracket")
        await wait_for(pilot, lambda: versions.scroll_y == versions.max_scroll_y)
        assert box.border_subtitle == MORE_ABOVE

    drive(three_readings(tmp_path), scenario)


def test_reached_with_p_the_frame_says_more_below_too(tmp_path: Path) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        box = await releasees_reached(pilot, app, "p")
        assert box.versions.max_scroll_y > 0 and box.border_subtitle == MORE_BELOW

    drive(three_readings(tmp_path), scenario)


def test_the_scrollbar_stands_beside_the_versions_not_the_keys(tmp_path: Path) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        box = await releasees_reached(pilot, app, "p")
        versions = box.versions
        keys = screen_of(app).query_one("#conflict-keys")
        assert versions.show_vertical_scrollbar
        bar = versions.vertical_scrollbar.region
        assert bar.height == versions.region.height
        assert bar.bottom <= keys.region.y  # above the keys' rule and line
        assert not bar.overlaps(keys.region)
        # The keys' line is whole: as wide as the frame within its padding.
        assert keys.region.width == box.content_region.width
        assert "r reject" in str(keys.render())

    drive(three_readings(tmp_path), scenario)


def test_content_grown_without_a_resize_is_said_once_laid_out(tmp_path: Path) -> None:
    # What went wrong in the trial, made certain: the panel's content grows while the frame
    # keeps its size (no Resize), and nothing else asks the frame to look again.
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        screen = screen_of(app)
        box = screen.query_one(VersionsBox)
        await pilot.pause()
        assert box.versions.max_scroll_y == 0 and box.border_subtitle == ""
        size = box.region.size
        screen.panel.update("\n".join(f"line {n}" for n in range(60)))
        await wait_for(pilot, lambda: box.versions.max_scroll_y > 0)
        await pilot.pause()
        assert box.region.size == size
        assert box.border_subtitle == MORE_BELOW

    drive(three_readings(tmp_path), scenario)
