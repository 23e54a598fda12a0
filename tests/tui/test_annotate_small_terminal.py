"""Pilot at 80x24, a common SSH terminal: the guidelines take the panel's place, toasts stay
off the panel (its legend, its list and the form being filled), and a release's inputs stay
wide enough to read."""

from __future__ import annotations

import asyncio

from annotate_helpers import Scenario, drive, journal, press, screen_of, wait_for
from rich.cells import cell_len
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView
from annotator.tui.session_view import GuidelinesView

SMALL = (80, 24)


def drive_small(session: AnnotationSession, scenario: Scenario) -> None:
    async def main() -> None:
        app = AnnotatorApp(session)
        # Toasts are off in run_test unless asked for.
        async with app.run_test(size=SMALL, notifications=True) as pilot:
            await wait_for(pilot, lambda: session.loaded)
            await scenario(pilot, app)

    asyncio.run(main())


def toast_regions(app: AnnotatorApp) -> list[Region]:
    # Toasts are looked up by their CSS type name: their class is not public.
    return [toast.region for toast in app.screen.query("Toast") if toast.region]


async def toast_shown(pilot: Pilot[None], app: AnnotatorApp) -> list[Region]:
    await wait_for(pilot, lambda: bool(toast_regions(app)))
    return toast_regions(app)


def clear_toasts(app: AnnotatorApp) -> None:
    app.clear_notifications()


def apart(regions: list[Region], widget: Widget) -> bool:
    """No toast covers the widget's content (a toast may meet its border's outer column)."""
    return not any(region.overlaps(widget.content_region) for region in regions)


def test_toasts_keep_off_the_form_being_filled(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        side = screen.query_one("#side")
        article = screen.query_one(ArticleView)
        clear_toasts(app)  # the welcome

        # In the form: a refusal's toast is over the article, not over the panel.
        await press(pilot, "o")
        field = app.focused
        assert field is not None and side in field.ancestors
        await press(pilot, "ctrl+l")  # no span at the cursor: refused, with a toast
        regions = await toast_shown(pilot, app)
        assert apart(regions, side) and apart(regions, field)

        # Back in the article, toasts go over the panel's foot, under its legend and list: over
        # the article's foot they hid what was read (80x24 has 20 rows of it).
        clear_toasts(app)
        await press(pilot, "escape", "c")  # character mode says so in a toast
        regions = await toast_shown(pilot, app)
        assert article.has_focus
        assert apart(regions, article)
        legend, spans = screen.query_one("#legend"), screen.query_one("#spans")
        assert apart(regions, legend) and apart(regions, spans)
        inside = side.region.shrink((1, 1, 1, 1))
        assert all(inside.contains_region(region) for region in regions), (regions, side)

    drive_small(session, scenario)


def test_guidelines_take_the_panels_place_on_a_narrow_screen(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        side = screen.query_one("#side")
        guidelines = screen.query_one(GuidelinesView)
        clear_toasts(app)

        await press(pilot, "g")
        await wait_for(pilot, lambda: guidelines.display and guidelines.has_focus)
        assert not side.display
        assert guidelines.region.width >= 36  # half the screen, not a sliver beside the panel
        await press(pilot, "pagedown")
        assert guidelines.scroll_y > 0
        await press(pilot, "c")
        assert apart(await toast_shown(pilot, app), guidelines)

        # o goes to the form: the guidelines give the panel back.
        await press(pilot, "o")
        assert not guidelines.display and side.display
        assert app.focused is not None and side in app.focused.ancestors

    drive_small(session, scenario)


def test_legend_and_form_title_fit_the_panel_at_80_columns(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        legend = screen.query_one("#legend", Static)
        assert str(legend.render()) == "1 actor 2 count 3 date 4 releasee"  # packed: one line
        assert legend.region.height == 1
        title = screen.query_one("#form .title", Label)
        words = str(title.render())
        assert words == "event form (o) · escape: back"
        assert cell_len(words) <= title.content_region.width

    drive_small(session, scenario)


def test_the_status_line_keeps_the_save_state_and_progress_at_80_columns(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        status = screen_of(app).query_one("#status", Static)
        await wait_for(pilot, lambda: "saved" in str(status.render()))
        line = str(status.render())
        assert cell_len(line) == SMALL[0]
        assert line.endswith("● saved ")
        assert f"done 0/{len(session.ids)}" in line
        assert line.startswith(" 1/")
        assert session.document.id in line

    drive_small(session, scenario)


def test_the_palette_key_covers_the_footer_to_the_right_edge(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await pilot.pause()
        keys = [key for key in app.screen.query("FooterKey") if key.has_class("-command-palette")]
        assert len(keys) == 1
        # Nothing of the keys scrolled under it may show in the last column.
        assert keys[0].region.right == SMALL[0]

    drive_small(session, scenario)


def release_rows(app: AnnotatorApp) -> list[tuple[Label, Input]]:
    """Each input of the first release with the name shown with it."""
    rows = []
    for row in screen_of(app).query(".group-item .field-row"):
        field = row.query_one(Input)
        assert (field.name or "").startswith("releases[0].")
        rows.append((row.query_one(".field-name", Label), field))
    return rows


async def add_a_release(pilot: Pilot[None], app: AnnotatorApp) -> list[tuple[Label, Input]]:
    # o: the event type; tab: its "+ add to releases" button.
    await press(pilot, "o", "tab", "enter")
    await wait_for(pilot, lambda: len(release_rows(app)) == 5)
    return release_rows(app)


def test_a_releases_inputs_are_wide_enough_to_read_at_80_columns(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        clear_toasts(app)
        rows = await add_a_release(pilot, app)
        form = screen_of(app).query_one("#form")
        for name, field in rows:
            # The name above its input, which has the release box's whole width (16 beside it).
            assert field.region.width >= 20, (field.name, field.region.width)
            assert field.region.y == name.region.y + 1
            inside = form.content_region
            assert inside.x <= field.region.x and field.region.right <= inside.right

        # Typing into one is saved to the form as before.
        released_by = rows[0][1]
        assert released_by.has_focus and released_by.name == "releases[0].released_by"
        await press(pilot, *"Norvanian defence ministry", "tab", *"Kestria", "tab")
        release = journal(session)[-1]["form"]["releases"][0]
        assert release["released_by"] == "Norvanian defence ministry"
        assert release["received_by"] == "Kestria"
        count = rows[2][1]
        assert screen_of(app).focused is count
        await wait_for(pilot, lambda: form.content_region.contains_region(count.region))

    drive_small(session, scenario)


def test_a_releases_names_stay_beside_their_inputs_on_a_wide_screen(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        for name, field in await add_a_release(pilot, app):
            assert field.region.y == name.region.y
            assert field.region.x >= name.region.right
            assert field.region.width >= 30

    drive(session, scenario)
