"""Pilot: the item editor's keys (``e`` on ``releases``) when the versions hold several items
each, more than its box shows: pageup / pagedown start from another version (they scrolled the
box instead, "From version 1 (alice)" still), tab goes round the inputs only and enter settles
wherever the focus is (tab past the last input left them, and enter there did nothing, unsaid).

The journals (``several_items``): alice and bob agree on the event type and on no release;
alice gives three, bob two, so the first article's only conflict is the group ``releases``
in a gold file the older merge wrote (``tests.old_gold``; merged now, each is its own).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import press, wait_for
from test_review_keys import NOW, drive, gold, screen_of
from textual.pilot import Pilot
from textual.widgets import Input, Static

from annotator.core.review import ReviewSession
from annotator.core.review_views import Place
from annotator.core.session import open_session
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_field_edit import FieldEditScreen
from annotator.tui.review_items_edit import ItemsEditScreen
from tests.old_gold import open_old_review
from tests.test_review_data import CORPUS, FIRST, SECOND, fixed_now

ALICE = [("Ukraine", "Russia", "146"), ("Russia", "Ukraine", "146"), ("Ukraine", "Russia", "8")]
# No release of bob's is one of alice's (``align_items``: no side and no count alike).
BOB = [("Kyiv", "Moscow", "140"), ("Moscow", "Kyiv", "100")]
FIELDS = ["released_by", "received_by", "count", "date", "releasees"]


def several_items(out: Path) -> list[Path]:
    """alice's and bob's journals: the releases above, the same event type in the first
    article; the second article's event type differs (a plain field's conflict)."""
    journals = []
    for name, releases in (("alice", ALICE), ("bob", BOB)):
        session = open_session(CORPUS, name, None, out, clock=lambda: 0.0, now=fixed_now)
        try:
            session.open(FIRST)
            session.set_field("event_type", "exchange")
            for by, to, count in releases:
                index = session.add_group_item("releases")
                session.set_field(f"releases[{index}].released_by", by)
                session.set_field(f"releases[{index}].received_by", to)
                session.set_field(f"releases[{index}].count", count)
            session.mark_done()
            session.open(SECOND)
            session.set_field("event_type", "exchange" if name == "alice" else "announcement")
            session.mark_done()
        finally:
            assert session.close()
        journals.append(session.journal)
    return journals


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    # Merged now, each release is a conflict of its own; a gold file the older merge wrote
    # holds them in one conflict, a version per annotator, which the editor still opens.
    opened = open_old_review(
        several_items(tmp_path), CORPUS, tmp_path / "gold.jsonl", now=lambda: NOW
    )
    yield opened
    opened.close()


def editor(app: ReviewApp) -> ItemsEditScreen:
    screen = app.screen
    assert isinstance(screen, ItemsEditScreen)
    return screen


async def open_items(pilot: Pilot[None], app: ReviewApp) -> ItemsEditScreen:
    assert app.session.current == Place(FIRST, "c1")
    await press(pilot, "e")
    await wait_for(pilot, lambda: isinstance(app.screen, ItemsEditScreen))
    await pilot.pause()
    return editor(app)


def from_line(screen: ItemsEditScreen) -> str:
    return str(screen.query_one("#items-edit-from", Static).render())


def counts(screen: ItemsEditScreen) -> list[str]:
    return [item["count"] for item in screen.typed()]


def focused_place(app: ReviewApp) -> tuple[int, str] | None:
    """The item (from 0) and field of the focused input; None when no input is focused."""
    screen = editor(app)
    focused = app.focused
    if not isinstance(focused, Input):
        return None
    return screen.focused_item(screen.blocks()), focused.name or ""


def test_pageup_and_pagedown_start_from_another_version_when_the_items_overflow(
    session: ReviewSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        screen = await open_items(pilot, app)
        holder = screen.query_one("#items-edit-items")
        assert holder.max_scroll_y > 0  # alice's three items do not fit the box
        assert from_line(screen).startswith("From version 1 (alice)")
        assert counts(screen) == ["146", "146", "8"]
        await press(pilot, "pagedown")
        assert from_line(screen).startswith("From version 2 (bob)")
        assert counts(screen) == ["140", "100"]
        await press(pilot, "pagedown")  # every version holds items: scratch is one more
        assert from_line(screen).startswith("From scratch")
        assert counts(screen) == [""]
        await press(pilot, "pageup", "pageup")
        assert from_line(screen).startswith("From version 1 (alice)")
        assert counts(screen) == ["146", "146", "8"]
        # Scrolling is still there: the focus moving down brings the input into view.
        await press(pilot, *["tab"] * 12)
        await pilot.pause(0.2)
        assert focused_place(app) == (2, "count")
        focused = app.focused
        assert focused is not None and holder.scroll_y > 0
        assert holder.region.contains_region(focused.region)

    drive(session, scenario, (120, 36))


def test_tab_goes_round_the_inputs_and_enter_settles_wherever_the_focus_is(
    session: ReviewSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        screen = await open_items(pilot, app)
        before = len(gold(session))
        places = [(item, field) for item in range(3) for field in FIELDS]
        seen = []
        for _ in places:
            seen.append(focused_place(app))
            await press(pilot, "tab")
        assert seen == places
        assert focused_place(app) == (0, "released_by")  # round to the first
        await press(pilot, "shift+tab")
        assert focused_place(app) == (2, "releasees")  # and back to the last
        # A bad count in the second item; enter with the focus on no input at all says why
        # and puts the focus in the count.
        await press(pilot, *["shift+tab"] * 7, *"many")
        assert focused_place(app) == (1, "count")
        screen.set_focus(None)
        await press(pilot, "enter")
        assert screen.problem == (
            "item 2: count: expected a whole number like 146 or seven, got 'many'"
        )
        assert focused_place(app) == (1, "count") and len(gold(session)) == before
        await press(pilot, "ctrl+u", *"140")
        screen.set_focus(None)
        await press(pilot, "enter")
        assert app.screen is screen_of(app)
        line = gold(session)[-1]
        assert [item["count"] for item in line["form"]["releases"]] == [146, 140, 8]
        assert line["conflicts"] == []

    drive(session, scenario, (120, 36))


def test_the_field_editor_keeps_tab_on_its_input_and_enter_settles_from_anywhere(
    session: ReviewSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await press(pilot, "n")
        await wait_for(pilot, lambda: app.session.current == Place(SECOND, "c1"))
        await press(pilot, "e")
        await wait_for(pilot, lambda: isinstance(app.screen, FieldEditScreen))
        screen = app.screen
        assert isinstance(screen, FieldEditScreen)
        field = screen.query_one(Input)
        await press(pilot, "tab")
        assert app.focused is field
        await press(pilot, "shift+tab")
        assert app.focused is field
        await press(pilot, "ctrl+u", *"swap")
        screen.set_focus(None)
        await press(pilot, "enter")
        assert screen.problem.startswith("'swap' is not a choice of event_type")
        assert app.focused is field
        await press(pilot, "ctrl+u", *"announcement")
        screen.set_focus(None)
        await press(pilot, "enter")
        assert app.screen is screen_of(app)
        line = gold(session)[-1]
        assert (line["doc_id"], line["form"]["event_type"]) == (SECOND, "announcement")

    drive(session, scenario, (120, 36))
