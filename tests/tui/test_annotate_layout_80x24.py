"""Pilot at 80x24 with a record of many spans: the panel's span list then takes its most rows,
and the event form beside the article is left with few. What has the focus must still be seen:
the field being typed into, the footer's help and quit keys, an open choice's options."""

from __future__ import annotations

from annotate_helpers import press, screen_of, wait_for
from rich.cells import cell_len
from test_annotate_small_terminal import (
    SMALL,
    clear_toasts,
    drive_small,
    release_rows,
    toast_shown,
)
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView
from annotator.tui.session_view import GuidelinesView

# Words of the first test article, each labelled: the span list grows to its full height.
WORDS = ["Russia", "Ukraine", "swapped", "146", "prisoners", "Sunday", "date", "on", "2025"]


def label_many(app: AnnotatorApp, session: AnnotationSession) -> None:
    screen = screen_of(app)
    for number, word in enumerate(WORDS):
        start = session.text.index(word)
        label = ["actor", "count", "date", "releasee"][number % 4]
        screen.change(session.label_selection, start, start + len(word), label)


def in_sight(widget: Widget, form: Widget) -> bool:
    return form.content_region.contains_region(widget.region)


def test_a_new_releases_first_field_is_in_sight_as_it_takes_the_focus(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        clear_toasts(app)
        label_many(app, session)
        await pilot.pause()
        form = screen_of(app).query_one("#form")
        # A short terminal shrinks the span list: the form keeps rows to fill a release in.
        assert form.content_region.height >= 8, form.content_region
        # o: the event type; tab: its "+ add to releases" button; enter adds a release.
        await press(pilot, "o", "tab", "enter")
        await wait_for(pilot, lambda: len(release_rows(app)) == 5)
        # Past the release's five fields and its remove button: add a second, lower down.
        await press(pilot, *["tab"] * 6)
        assert in_sight(app.screen.focused, form)
        await press(pilot, "enter")
        await wait_for(pilot, lambda: len(screen_of(app).query(".group-item")) == 2)
        first = app.screen.focused
        assert first is not None and first.name == "releases[1].released_by"
        # In sight before anything is typed, not only after the next tab.
        await pilot.pause(0.2)
        assert in_sight(first, form), (first.region, form.content_region)

    drive_small(session, scenario)


def footer_seen(app: AnnotatorApp) -> str:
    """The footer's last line as drawn: each cell from the widget the screen shows there."""
    width, height = SMALL
    cells = []
    for x in range(width):
        widget, region = app.screen.get_widget_at(x, height - 1)
        drawn = str(widget.render()) if hasattr(widget, "action") else ""
        offset = x - region.x
        cells.append(drawn[offset] if offset < len(drawn) else " ")
    return "".join(cells)


def test_the_footer_keeps_help_and_quit_at_80_columns(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        clear_toasts(app)
        await pilot.pause(0.1)
        seen = footer_seen(app)
        assert "? Help" in seen and "q Quit" in seen, seen
        assert "d Done" in seen, seen
        # In the guidelines, their own keys come first: help and quit still show.
        await press(pilot, "g")
        await pilot.pause(0.1)
        seen = footer_seen(app)
        assert "esc Close guidelines" in seen and "? Help" in seen and "q Quit" in seen, seen
        # In the form a choice has the focus, and the panel stops letters: none is offered.
        await press(pilot, "o")
        await pilot.pause(0.1)
        seen = footer_seen(app)
        assert "esc Back to article" in seen and "Done" not in seen, seen

    drive_small(session, scenario)


def test_an_open_choice_stands_apart_from_the_form_under_it(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        clear_toasts(app)
        await press(pilot, "o", "enter")  # o: the event type; enter opens its choices
        await pilot.pause(0.1)
        screen = screen_of(app)
        overlay = screen.query_one("SelectOverlay")
        assert overlay.display and overlay.region
        # A background of its own, not the form's, and a border all round.
        _, background = overlay.background_colors
        _, under = screen.query_one("#form").background_colors
        assert background.a == 1 and background != under
        edges = overlay.styles.border
        assert all(kind not in ("", "none", "hidden") for kind, _ in edges), edges
        # Wide enough for its longest option on one line, and inside the screen.
        longest = "repatriation_of_remains"
        assert overlay.content_region.width >= len(longest), overlay.content_region
        assert screen.region.contains_region(overlay.region), overlay.region

    drive_small(session, scenario)


def test_the_search_hint_fits_the_article_at_80_columns(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "slash")
        search = screen_of(app).query_one("#search", Input)
        assert search.has_focus
        hint = str(search.placeholder)
        assert "enter" in hint and "next match" in hint and "esc" in hint
        # The whole hint, with the cursor's cell before it, after the prompt.
        assert cell_len(hint) < search.content_region.width, (hint, search.content_region)
        prompt = screen_of(app).query_one("#search-prompt")
        assert prompt.region.right <= search.region.x and prompt.region.y == search.region.y

    drive_small(session, scenario)


def test_the_guidelines_wrap_within_their_pane_at_80_columns(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        guidelines = screen_of(app).query_one(GuidelinesView)
        await press(pilot, "g")
        await wait_for(pilot, lambda: guidelines.display and len(guidelines.children) > 3)
        await pilot.pause(0.2)
        inside = guidelines.scrollable_content_region.width
        # No block, long headings included, is wider than the pane: nothing is cut at its
        # edge or drawn under the scrollbar.
        wider = [
            (type(block).__name__, block.virtual_region.width)
            for block in guidelines.query("*")
            if block.virtual_region.right > inside
        ]
        assert not wider, (inside, wider)
        assert guidelines.virtual_size.width <= inside

    drive_small(session, scenario)


def test_the_welcome_leaves_the_article_and_the_status_line_in_sight(
    session: AnnotationSession,
) -> None:
    """The Welcome is over the panel's foot (the form, which it tells of, is not being filled
    before a first key takes it away), not over the article read from its start."""

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        regions = await toast_shown(pilot, app)  # the Welcome: the journal is empty
        article, status = screen.query_one(ArticleView), screen.query_one("#status")
        legend, spans = screen.query_one("#legend"), screen.query_one("#spans")
        for widget in (article, status, legend, spans):
            assert not any(region.overlaps(widget.region) for region in regions), regions
        # Every row of its text is drawn: none is cut at the edge of the toasts' rack.
        welcome = regions[0]
        toast = screen.query_one("Toast")
        text_rows = toast.content_region.height
        drawn = sum(
            type(screen.get_widget_at(welcome.x + 2, y)[0]).__name__ == "Toast"
            for y in range(welcome.y, welcome.bottom)
        )
        assert drawn >= text_rows, (drawn, text_rows)

    drive_small(session, scenario)
