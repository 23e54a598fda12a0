"""Pilot: a reviewer types what settles a form-field conflict when no annotator gave it.

The journals are tests/test_review_data.py's alice and bob: in the first article c4 is the group
``releases`` (both give Ukraine → Russia 146, agreed; bob also Russia → Ukraine 146, left over),
in the second c1 the field ``event_type`` (alice ``unilateral_release``, bob ``exchange``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import press, wait_for
from test_review_keys import drive, gold, panel_text, review_of_two, screen_of, shown
from textual.pilot import Pilot
from textual.widgets import Input, Static

from annotator.core.review import ReviewSession
from annotator.core.review_views import Place
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_field_edit import FieldEditScreen
from annotator.tui.review_items_edit import ItemsEditScreen
from tests.test_review_data import FIRST, SECOND

AGREED = {
    "released_by": "Ukraine",
    "received_by": "Russia",
    "count": 146,
    "date": None,
    "releasees": [],
}


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review_of_two(tmp_path)


def editor(app: ReviewApp) -> FieldEditScreen:
    screen = app.screen
    assert isinstance(screen, FieldEditScreen)
    return screen


def inputs(app: ReviewApp) -> dict[str, str]:
    return {widget.name or "": widget.value for widget in editor(app).query(Input)}


def focused_input(app: ReviewApp) -> str | None:
    focused = app.focused
    return focused.name if isinstance(focused, Input) else None


async def to_event_type(pilot: Pilot[None], app: ReviewApp) -> None:
    """Round from the first conflict to the last one: the second article's event_type."""
    await press(pilot, "p")
    await wait_for(pilot, lambda: shown(app, SECOND))
    assert app.session.current == Place(SECOND, "c1")


def test_a_typed_choice_settles_the_field_and_escape_leaves_it_open(
    session: ReviewSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await to_event_type(pilot, app)
        assert "e  type the value by hand" in panel_text(app)
        count = len(gold(session))

        # e opens the value, alice's (the first version) in it; escape changes nothing.
        await press(pilot, "e")
        assert inputs(app) == {"event_type": "unilateral_release"}
        await press(pilot, *"swap", "escape")
        assert app.screen is screen_of(app)
        assert len(gold(session)) == count and session.current == Place(SECOND, "c1")

        # Not a choice: one message naming the choices, and the input stays open.
        # (Said as typed: "[swap]" is no markup.)
        await press(pilot, "e", *"[swap]", "enter")
        problem = editor(app).problem
        assert problem == (
            "'[swap]' is not a choice of event_type (one of exchange, "
            "unilateral_release, repatriation_of_remains, announcement, not_relevant)"
        )
        assert len(gold(session)) == count
        shown_problem = editor(app).query_one("#field-edit-problem", Static).render()
        assert "[swap]" in str(shown_problem)

        # Typed again (the focused input's text selected: typing replaces it), enter settles.
        await press(pilot, "ctrl+u", *"announcement")
        assert editor(app).problem == ""  # a change clears the stale message
        await press(pilot, "enter")
        assert app.screen is screen_of(app)
        line = gold(session)[-1]
        assert (line["doc_id"], line["form"]["event_type"]) == (SECOND, "announcement")
        assert line["conflicts"] == [] and line["status"] == "done"
        assert line["annotator"] == "rita"

        # ctrl+z undoes it as any decision.
        await press(pilot, "ctrl+z")
        line = gold(session)[-1]
        assert "event_type" not in line["form"] and [c["id"] for c in line["conflicts"]] == ["c1"]
        assert session.current == Place(SECOND, "c1")

    drive(session, scenario)


def items_editor(app: ReviewApp) -> ItemsEditScreen:
    screen = app.screen
    assert isinstance(screen, ItemsEditScreen)
    return screen


def test_a_group_conflict_settled_with_a_version_s_items_edited(session: ReviewSession) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await press(pilot, "n", "n", "n")
        assert session.current == Place(FIRST, "c4")
        assert "e  edit a version's items" in panel_text(app)
        count = len(gold(session))

        # An input per field of bob's release, which alice did not give: its one version.
        await press(pilot, "e")
        assert items_editor(app).typed() == [
            {
                "released_by": "Russia",
                "received_by": "Ukraine",
                "count": "146",
                "date": "",
                "releasees": "",
            }
        ]
        assert "From version 1 (bob)" in str(
            items_editor(app).query_one("#items-edit-from", Static).render()
        )
        assert focused_input(app) == "released_by"
        # pagedown: from scratch, one empty item to fill; pagedown again: bob's again.
        await press(pilot, "pagedown")
        assert items_editor(app).typed() == [dict.fromkeys(AGREED, "")]
        assert str(items_editor(app).query_one("#items-edit-from", Static).render()).startswith(
            "From scratch"
        )
        await press(pilot, "pagedown")
        assert items_editor(app).typed()[0]["count"] == "146"
        await press(pilot, "pagedown")
        await press(pilot, "pageup")
        assert items_editor(app).typed()[0]["count"] == "146"
        # ctrl+n adds an empty item, ctrl+r drops the one the cursor is in.
        await press(pilot, "ctrl+n")
        assert len(items_editor(app).typed()) == 2
        assert focused_input(app) == "released_by"
        await press(pilot, "ctrl+r")
        assert len(items_editor(app).typed()) == 1
        # bob's item, another count: tab to count, whose text typing replaces.
        await press(pilot, "tab", "tab")
        assert focused_input(app) == "count"
        await press(pilot, *"many", "enter")
        assert items_editor(app).problem == (
            "count: expected a whole number like 146 or seven, got 'many'"
        )
        assert focused_input(app) == "count" and len(gold(session)) == count
        await press(pilot, "ctrl+u", *"40", "tab", *"2025-08-24", "enter")

        assert app.screen is screen_of(app)
        line = gold(session)[-1]
        assert line["form"]["releases"] == [
            AGREED,
            {
                "released_by": "Russia",
                "received_by": "Ukraine",
                "count": 40,
                "date": "2025-08-24",
                "releasees": [],
            },
        ]
        assert [c["id"] for c in line["conflicts"]] == ["c1", "c2", "c3"]
        # The agreed item keeps its link to the count span, and its names, which no annotator
        # linked, are linked by their words as every value entering gold is (value_links);
        # the typed one is linked by its words to the one actor span of each name and the
        # date span of 2025-08-24 (review_typed_words), not by its count, 40.
        assert set(line["links"]) == {
            "releases[0].count",
            "releases[0].released_by",
            "releases[0].received_by",
            "releases[1].released_by",
            "releases[1].received_by",
            "releases[1].date",
        }
        # The review moved on (around to the first conflict still open).
        assert session.current == Place(SECOND, "c1")

    drive(session, scenario)


def test_a_bad_integer_shows_one_message_at_80x24(session: ReviewSession) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await press(pilot, "n", "n", "n", "e", "tab", "tab", *"x", "enter")
        screen = items_editor(app)
        problem = screen.query_one("#field-edit-problem")
        assert screen.problem == "count: expected a whole number like 146 or seven, got 'x'"
        # In sight, inside the screen, with the keys below it.
        assert problem.region.height >= 1
        assert problem.region.bottom <= app.size.height
        assert screen.query_one("#field-edit-keys").region.y > problem.region.y
        await press(pilot, "escape")
        assert session.current == Place(FIRST, "c4")

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: shown(app, FIRST))
            await scenario(pilot, app)

    asyncio.run(main())


def focus_in_sight(app: ReviewApp) -> bool:
    """The focused input lies whole inside the scrolling list of items."""
    holder = items_editor(app).query_one("#items-edit-items")
    focused = app.focused
    return (
        isinstance(focused, Input)
        and focused.region.height == 1
        and holder.region.contains_region(focused.region)
    )


def test_the_item_added_or_left_focused_stays_in_sight(session: ReviewSession) -> None:
    """At 120x40 ctrl+n and ctrl+r scrolled the items to the top: the new item, focused, was
    below the frame and the reviewer typed blind."""

    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await press(pilot, "n", "n", "n", "e")
        screen = items_editor(app)
        assert focus_in_sight(app)
        for count in (2, 3, 4):
            await press(pilot, "ctrl+n")
            await pilot.pause(0.2)
            # The new item's first input has the focus, where it can be read.
            assert len(screen.typed()) == count
            assert screen.focused_item(screen.blocks()) == count - 1
            assert focus_in_sight(app), count
        await press(pilot, *"Ukraine")
        assert screen.typed()[3]["released_by"] == "Ukraine"
        # ctrl+r drops it: the focus goes to the item before, in sight too.
        await press(pilot, "ctrl+r")
        await pilot.pause(0.2)
        assert len(screen.typed()) == 3
        assert screen.focused_item(screen.blocks()) == 2
        assert focus_in_sight(app)

    drive(session, scenario, (120, 40))


def footer_says(app: ReviewApp) -> dict[str, str]:
    """The footer's keys by action: what each says it does."""
    return {
        str(getattr(key, "action", "")): str(getattr(key, "description", ""))
        for key in app.screen.query("FooterKey")
        if key.region.width
    }


def test_the_footer_s_e_says_what_it_does_on_each_kind_of_conflict(
    session: ReviewSession,
) -> None:
    """On the releases the footer said "e Type value" while the panel said "e edit a
    version's items"."""

    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        assert footer_says(app).get("edit") == "Draw span"  # c1, a span
        await press(pilot, "n", "n", "n")
        assert session.current == Place(FIRST, "c4")  # the releases
        footer = footer_says(app)
        assert footer.get("edit_items") == "Edit items"
        assert "type_value" not in footer and "edit" not in footer
        await press(pilot, "e")
        assert isinstance(app.screen, ItemsEditScreen)
        await press(pilot, "escape", "n")
        await wait_for(pilot, lambda: shown(app, SECOND))
        footer = footer_says(app)
        assert footer.get("type_value") == "Type value" and "edit_items" not in footer
        # The help lists the three, each once, saying which conflict each is for; v too.
        rows = dict(screen_of(app).key_sections())["Settle the conflict in the panel"]
        assert [what for key, what in rows if key == "e"] == [
            "Draw span (span conflict)",
            "Type value (form field conflict)",
            "Edit items (conflict over a group's items)",
        ]
        assert [what for key, what in rows if key == "v"] == [
            "Type value (value conflict: same words, different values)"
        ]

    drive(session, scenario, (120, 40))


def footer_shown(app: ReviewApp) -> dict[str, str]:
    """The keys the footer on top shows (action: key as displayed), whichever screen's it is:
    the one drawn last at the screen's foot."""
    shown_keys: dict[str, str] = {}
    for screen in app.screen_stack:
        keys = [key for key in screen.query("FooterKey") if key.region.width]
        if keys:
            shown_keys = {str(getattr(key, "action", "")): key.key_display for key in keys}
    return shown_keys


@pytest.mark.parametrize("conflict", ["field", "group"])
def test_while_typing_the_footer_shows_the_typing_keys(
    session: ReviewSession, conflict: str
) -> None:
    # A user trial: typing a value, the footer still offered "1…9 Take version" and "e Type
    # value", keys that then type into the input.
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        if conflict == "field":
            await to_event_type(pilot, app)
        else:
            await press(pilot, "n", "n", "n")
        assert "take(0)" in footer_shown(app)
        await press(pilot, "e")
        await pilot.pause()
        assert isinstance(app.screen, FieldEditScreen | ItemsEditScreen)
        keys = footer_shown(app)
        assert "take(0)" not in keys and "type_value" not in keys and "edit_items" not in keys
        assert keys.get("submit") == "enter" and keys.get("cancel") == "esc"
        # enter settles, as the footer says; escape cancels.
        if conflict == "field":
            await press(pilot, "ctrl+u", *"exchange", "enter")
            assert app.screen is screen_of(app)
            assert session.current is None or session.current != Place(SECOND, "c1")
        else:
            await press(pilot, "escape")
            assert app.screen is screen_of(app)
            assert "take(0)" in footer_shown(app)

    drive(session, scenario, (80, 24), notifications=True)
