"""Pilot: editing a group's items (``e`` on ``releases``) leaves the versions it starts from in
sight: beside the article the box stays over the article and the panel shows every version
(at 80x24 a wider box hid the version numbers and cut the panel's lines, "rm field releases");
below 72 columns, where the box covers the panel, the box lists the versions itself.

The journals are tests/test_review_data.py's alice and bob, in a gold file the older merge
wrote (``tests.old_gold``: merged now, bob's release is a conflict of its own, one version):
c4 is the group ``releases``, alice with no item left over (version 1), bob with Russia →
Ukraine 146 (version 2).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import press, wait_for
from test_review_keys import NOW, drive, screen_of
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import Static

from annotator.core.review import ReviewSession
from annotator.core.review_views import Place
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_items_edit import ItemsEditScreen
from annotator.tui.review_panel import ConflictPanel
from annotator.tui.review_versions_box import VersionsBox
from tests.old_gold import open_old_review
from tests.test_review_data import CORPUS, FIRST, two_journals


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    opened = open_old_review(
        list(two_journals(tmp_path)), CORPUS, tmp_path / "gold.jsonl", now=lambda: NOW
    )
    yield opened
    opened.close()


async def open_items(pilot: Pilot[None], app: ReviewApp) -> ItemsEditScreen:
    await press(pilot, "n", "n", "n")
    assert app.session.current == Place(FIRST, "c4")
    await press(pilot, "e")
    await wait_for(pilot, lambda: isinstance(app.screen, ItemsEditScreen))
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ItemsEditScreen)
    return screen


def panel_rows_in_sight(app: ReviewApp) -> list[str]:
    """The panel's lines the reviewer sees in its frame (their text)."""
    review = screen_of(app)
    box = review.query_one(VersionsBox)
    panel = review.query_one(ConflictPanel)
    lines = panel.render_lines(Region(0, 0, panel.size.width, panel.size.height))
    frame = box.content_region
    seen = []
    for row, strip in enumerate(lines):
        y = panel.region.y + row  # the region is where the scrolled panel is drawn
        if frame.y <= y < frame.bottom:
            seen.append(strip.text)
    return seen


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
def test_the_box_leaves_the_panel_s_versions_in_sight(
    session: ReviewSession, size: tuple[int, int]
) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        editor = await open_items(pilot, app)
        box = editor.query_one("#items-edit-box")
        side = screen_of(app).query_one("#side")
        assert not box.region.overlaps(side.region), (box.region, side.region)
        from_line = str(editor.query_one("#items-edit-from", Static).render())
        assert from_line.startswith("From version 2 (bob)")
        # Both numbered versions, and what bob's (the one started from) says, whole.
        seen = "\n".join(panel_rows_in_sight(app))
        assert " 1 a  alice" in seen and " 2 b  bob" in seen, seen
        assert "released_by Russia · received_by Ukraine · count 146" in " ".join(seen.split())
        # The panel's own keys (take, reject) give their room while the box is open.
        assert not screen_of(app).query_one("#conflict-keys").display
        await press(pilot, "escape")
        assert screen_of(app).query_one("#conflict-keys").display

    drive(session, scenario, size)


def test_below_72_columns_the_box_lists_the_versions_the_start_marked(
    session: ReviewSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        editor = await open_items(pilot, app)
        listed = editor.query_one("#items-edit-versions", Static)
        assert listed.display and editor.screen.region.contains_region(listed.region)
        lines = str(listed.render()).splitlines()
        assert lines[0].startswith("   1  alice: no other releases")
        assert lines[1].startswith("▶  2  bob")
        assert "released_by Russia" in lines[2]
        # pagedown starts from alice's (none: an empty item): the mark follows.
        await press(pilot, "pagedown")
        lines = str(listed.render()).splitlines()
        assert lines[0].startswith("▶  1  alice") and lines[1].startswith("   2  bob")

    drive(session, scenario, (64, 24))
