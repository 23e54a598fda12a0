"""Pilot at 80x24: a choice of the event form shows its whole label."""

from __future__ import annotations

from annotate_helpers import drive, journal, press, screen_of, wait_for
from rich.cells import cell_len
from test_annotate_small_terminal import SMALL, clear_toasts
from textual.pilot import Pilot
from textual.widgets import Select, Static

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp


def shown_choice(select: Select[str]) -> str:
    """The words the choice draws (cut with "…" when they do not fit)."""
    return select.query_one("SelectCurrent #label", Static).render_line(0).text.rstrip()


async def choose_longest(pilot: Pilot[None], app: AnnotatorApp, session: AnnotationSession) -> str:
    """Choose the scheme's longest choice of its first choice field, with the keys."""
    field = next(field for field in session.scheme.fields if field.type == "choice")
    longest = max(field.choices, key=cell_len)
    downs = ["down"] * (field.choices.index(longest) + 1)  # the prompt comes first
    await press(pilot, "o", "enter", *downs, "enter")
    select = screen_of(app).query_one(Select)
    await wait_for(pilot, lambda: select.value == longest)
    return longest


def test_a_choice_shows_its_whole_label_at_80_columns(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        clear_toasts(app)
        longest = await choose_longest(pilot, app, session)
        select = screen_of(app).query_one(Select)
        assert shown_choice(select) == longest
        assert journal(session)[-1]["form"]["event_type"] == longest
        # Its name goes above it; the choice has the form's width.
        name = select.parent.query_one(".field-name") if select.parent else None
        assert name is not None and select.region.y == name.region.bottom

        # A release makes the form scroll: its scrollbar narrows the choice, still whole
        # ("unilateral_relea…" before).
        await press(pilot, "tab", "enter")
        await wait_for(pilot, lambda: len(screen_of(app).query(".group-item")) == 1)
        await pilot.pause()
        assert screen_of(app).query_one("#form").scrollbars_enabled[0]
        assert shown_choice(select) == longest

    drive(session, scenario, size=SMALL)


def test_a_choice_stays_beside_its_name_on_a_wide_screen(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        longest = await choose_longest(pilot, app, session)
        select = screen_of(app).query_one(Select)
        name = select.parent.query_one(".field-name") if select.parent else None
        assert name is not None and select.region.y == name.region.y
        assert select.region.x >= name.region.right
        assert shown_choice(select) == longest

    drive(session, scenario)
