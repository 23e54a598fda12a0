"""Pilot: links between form fields and spans, as the guidelines' disputed figures need them
(worked example 7: 187 and 210 both linked, the entry takes 187), seen and removed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import (
    drive,
    journal,
    notices_heard,
    press,
    screen_of,
    toasts,
    wait_for,
)
from textual.pilot import Pilot
from textual.widgets import Button, Input

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.form_links import FieldLinks, FieldName
from annotator.tui.form_panel import EventForm
from tests.test_session_data import session_on

TEXT = (
    "date 2024-05-02 Ostreva said 187 soldiers had been returned. "
    "Drava said it had handed over 210 people.\n"
)
ONE_FIFTY = TEXT.index("187")
TWO_TEN = TEXT.index("210")


@pytest.fixture
def disputed(tmp_path: Path) -> Iterator[AnnotationSession]:
    opened = session_on(tmp_path, TEXT)
    yield opened
    opened.close()


def to(offset: int) -> list[str]:
    """Keys that put the article's cursor at ``offset``."""
    return ["ctrl+home", *["right"] * offset]


async def a_release_with_two_counts(pilot: Pilot[None], app: AnnotatorApp) -> Input:
    """Label 187 and 210 as counts, add a release; the focus in its count."""
    await press(pilot, *to(ONE_FIFTY), *["shift+right"] * 3, "2")
    await press(pilot, *to(TWO_TEN), *["shift+right"] * 3, "2")
    await press(pilot, "o", "tab", "enter")
    screen = screen_of(app)
    await wait_for(pilot, lambda: any(w.name == "releases[0].count" for w in screen.query(Input)))
    await press(pilot, "tab", "tab")
    count = screen.focused
    assert isinstance(count, Input) and count.name == "releases[0].count"
    return count


def shown_links(app: AnnotatorApp, path: str) -> str:
    """The links the form shows beside the field at ``path`` (whichever way it is laid out)."""
    screen = screen_of(app)
    beside = next(w for w in screen.query(FieldLinks) if w.name == path)
    name = next(w for w in screen.query(FieldName) if w.name == path)
    return beside.render().plain if beside.display else name.render().plain  # type: ignore[union-attr]


@pytest.mark.parametrize("size", [(160, 45), (80, 24)])
def test_ctrl_t_links_the_second_figure_and_the_form_shows_both(
    disputed: AnnotationSession, size: tuple[int, int]
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, pytest.MonkeyPatch())
        await a_release_with_two_counts(pilot, app)
        await press(pilot, "escape", *to(ONE_FIFTY), "o", "ctrl+l", "enter")
        await press(pilot, "escape", *to(TWO_TEN), "o", "ctrl+t", "enter")
        line = journal(disputed)[-1]
        assert line["form"]["releases"][0]["count"] == 187
        assert line["links"] == {"releases[0].count": ["s1", "s2"]}
        assert "linked s2 '210' to releases #1 count; value kept" in told
        assert shown_links(app, "releases[0].count").endswith("⛓ s1 s2")

        # ctrl+l on 210 now replaces 187, and says so (210 typed: the cursor on it points at
        # no span for an item's field, a selection does).
        await press(pilot, "ctrl+l", *"210", "enter")
        line = journal(disputed)[-1]
        assert line["form"]["releases"][0]["count"] == 210
        assert line["links"] == {"releases[0].count": ["s2"]}
        assert told[-1] == (
            "count: 210 (was 187 from s1, now unlinked; ctrl+z gives the link back); "
            "ctrl+t links a span without filling"
        )
        assert shown_links(app, "releases[0].count").endswith("⛓ s2")

        # ctrl+n unlinks the span at the cursor; the value stays.
        await press(pilot, "ctrl+n")
        line = journal(disputed)[-1]
        assert line["links"] == {} and line["form"]["releases"][0]["count"] == 210
        assert told[-1].startswith("unlinked s2 from releases #1 count")
        assert "⛓" not in shown_links(app, "releases[0].count")

    drive(disputed, scenario, size=size)


def test_the_link_keys_are_in_the_footer_in_a_field_and_in_help(
    disputed: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await a_release_with_two_counts(pilot, app)
        await pilot.pause()
        keys = {key.key for key in screen_of(app).query("FooterKey")}  # type: ignore[attr-defined]
        assert {"ctrl+l", "ctrl+t", "ctrl+n"} <= keys
        rows = [row for _title, rows in screen_of(app).key_sections() for row in rows]
        assert ("ctrl+t", "Link span to field, value kept") in rows
        assert ("ctrl+n", "Unlink span from field") in rows

    drive(disputed, scenario, size=(80, 24))


def test_emptying_a_linked_field_drops_its_links(disputed: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await a_release_with_two_counts(pilot, app)
        await press(pilot, "escape", *to(ONE_FIFTY), "o", "ctrl+l", "enter")
        await press(pilot, "escape", *to(TWO_TEN), "o", "ctrl+t", "enter")
        await press(pilot, "ctrl+a", "ctrl+k", "enter")
        line = journal(disputed)[-1]
        assert line["form"]["releases"][0]["count"] is None and line["links"] == {}

    drive(disputed, scenario)


def test_removing_an_item_says_so_and_ctrl_z_brings_it_back(disputed: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, pytest.MonkeyPatch())
        await a_release_with_two_counts(pilot, app)
        await press(pilot, "escape", *to(ONE_FIFTY), "o", "ctrl+l", "enter", "tab", "tab", "tab")
        remove = screen_of(app).focused
        assert isinstance(remove, Button) and remove.has_class("remove-item")
        await press(pilot, "enter")
        assert journal(disputed)[-1]["form"]["releases"] == []
        assert "removed releases #1; ctrl+z brings it back" in told
        add = screen_of(app).focused  # no item left: the group's add button keeps the place
        assert isinstance(add, Button) and add.has_class("add-item")
        await press(pilot, "ctrl+z")
        line = journal(disputed)[-1]
        assert line["form"]["releases"][0]["count"] == 187
        assert line["links"] == {"releases[0].count": ["s1"]}
        assert told[-1] == "undid: remove releases #1 (it is back)"

    drive(disputed, scenario)


def test_an_undo_s_message_replaces_the_messages_before_it(disputed: AnnotationSession) -> None:
    # A trial saw four or five messages stacked over the article after a few undos.
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, *to(ONE_FIFTY), *["shift+right"] * 3, "2")
        await press(pilot, *to(TWO_TEN), *["shift+right"] * 3, "2", "x")  # "deleted s2 ..."
        await wait_for(pilot, lambda: any("deleted s2" in told for told in toasts(app)))
        await press(pilot, "ctrl+z", "ctrl+z")
        await wait_for(pilot, lambda: any("undid: label" in told for told in toasts(app)))
        shown = toasts(app)
        assert len(shown) == 1 and shown[0].startswith(
            "undid: label s2 count '210' (s2 is gone)"
        ), shown

    drive(disputed, scenario, notifications=True)


def test_shift_tab_up_to_a_linked_field_shows_its_name_and_links_at_80_columns(
    disputed: AnnotationSession,
) -> None:
    """Stacked, a field's name and its links are on the line above its input: a field
    scrolled into view by shift+tab showed its input only (a trial)."""

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await a_release_with_two_counts(pilot, app)
        await press(pilot, "escape", *to(ONE_FIFTY), "o", "ctrl+l", "enter")
        await press(pilot, *["tab"] * 4)  # down to the note: the form scrolls
        form = screen_of(app).query_one(EventForm)
        assert form.scroll_y > 0
        await press(pilot, *["shift+tab"] * 4)
        focused = screen_of(app).focused
        assert isinstance(focused, Input) and focused.name == "releases[0].count"
        name = next(w for w in screen_of(app).query(FieldName) if w.name == focused.name)
        inside = form.content_region
        assert inside.y <= name.region.y < inside.bottom
        assert shown_links(app, "releases[0].count").endswith("⛓ s1")

    drive(disputed, scenario, size=(80, 24))


def test_a_resize_keeps_the_focused_field_in_sight(disputed: AnnotationSession) -> None:
    """A trial resized to 80x24 with the focus in a release's field: the form showed another
    part, the field and its tinted row out of view."""

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await a_release_with_two_counts(pilot, app)
        await press(pilot, "tab", "tab")  # releases #1 releasees, low in the form
        focused = screen_of(app).focused
        assert isinstance(focused, Input) and focused.name == "releases[0].releasees"
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        form = screen_of(app).query_one(EventForm)
        inside = form.content_region
        assert inside.y <= focused.region.y < inside.bottom

    drive(disputed, scenario, size=(160, 45))
