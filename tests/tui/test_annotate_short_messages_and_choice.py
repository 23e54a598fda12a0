"""Pilot on short terminals (80x24, 100x30): the messages of s and d leave the article's first
line in sight, and a choice of the event form shows its whole label at 80 columns."""

from __future__ import annotations

import pytest
from annotate_helpers import drive, journal, press, screen_of, wait_for
from rich.cells import cell_len
from test_annotate_small_terminal import SMALL, clear_toasts, toast_regions, toast_shown
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView


def first_line(article: ArticleView) -> Region:
    """The article's first visible line of text, inside its border and padding."""
    inside = article.content_region
    return Region(inside.x, inside.y, inside.width, 1)


def covering(regions: list[Region], region: Region) -> list[Region]:
    return [toast for toast in regions if toast.overlaps(region)]


async def toast_saying(pilot: Pilot[None], app: AnnotatorApp, words: str) -> list[Region]:
    await wait_for(pilot, lambda: any(words in str(t.render()) for t in app.screen.query("Toast")))
    return toast_regions(app)


@pytest.mark.parametrize("size", [SMALL, (100, 30)])
def test_the_messages_of_s_leave_the_articles_first_line_in_sight(
    session: AnnotationSession, size: tuple[int, int]
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        article = screen.query_one(ArticleView)
        note = screen.query_one("#note", Input)
        first = session.document.id
        clear_toasts(app)  # the welcome

        # s on an empty note asks why, the focus in the note: the question goes over the
        # article (never over the note), and it used to cover the article's first lines.
        await press(pilot, "s")
        assert note.has_focus
        regions = await toast_saying(pilot, app, "why skip?")
        assert not covering(regions, first_line(article)), (regions, first_line(article))
        assert not covering(regions, note.region)

        # escape, s: skipped; the next article opens at its start, its first line in sight.
        await press(pilot, "escape", "s")
        await wait_for(pilot, lambda: session.loaded and session.document.id != first)
        regions = await toast_saying(pilot, app, f"skipped {first}")
        assert article.has_focus and article.scroll_y == 0
        assert not covering(regions, first_line(article)), (regions, first_line(article))

    drive(session, scenario, size=size, notifications=True)


def test_the_message_of_d_leaves_the_next_articles_first_line_in_sight(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        article = screen.query_one(ArticleView)
        first = session.document.id
        clear_toasts(app)
        # The event type (the one required field): its first choice; then done.
        await press(pilot, "o", "enter", "down", "enter", "escape", "d")
        await wait_for(pilot, lambda: session.loaded and session.document.id != first)
        regions = await toast_saying(pilot, app, f"done {first}")
        assert article.has_focus and article.scroll_y == 0
        assert not covering(regions, first_line(article)), (regions, first_line(article))
        # The refusal of a field in the form goes over the article too: at its foot.
        await press(pilot, "o", "ctrl+l")
        regions = await toast_shown(pilot, app)
        assert not covering(regions, first_line(article)), (regions, first_line(article))

    drive(session, scenario, size=SMALL, notifications=True)


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
