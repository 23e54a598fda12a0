"""Pilot below 80 columns (70x30, 70x20: the panel under the article): messages never cover
the article being read. A trial's Welcome (7 rows), with a start-up notice 11, and each "done …
(ctrl+z undoes it)" were drawn over the article's top, hiding the dateline and first lines of
the article just opened. With the focus in the article they go over the panel's foot; with
the focus in the form, over the article's foot, above its bottom frame."""

from __future__ import annotations

from annotate_helpers import drive, press, screen_of, wait_for
from textual.geometry import Region
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView

NOTICE = (
    "the journal alice.jsonl had a damaged line 3; it was set aside as alice.jsonl.damaged "
    "and the rest was read"
)


def toast_regions(app: AnnotatorApp) -> list[Region]:
    # Toasts are looked up by their CSS type name: their class is not public.
    return [toast.region for toast in app.screen.query("Toast") if toast.region]


async def toasts_saying(pilot: Pilot[None], app: AnnotatorApp, *words: str) -> list[Region]:
    def shown() -> bool:
        said = " ".join(str(toast.render()) for toast in app.screen.query("Toast"))
        return all(word in said for word in words)

    await wait_for(pilot, shown)
    return toast_regions(app)


def first_rows(article: ArticleView, rows: int) -> Region:
    """The article's first ``rows`` lines of text, inside its frame."""
    inside = article.content_region
    return Region(inside.x, inside.y, inside.width, rows)


def cursor_row(article: ArticleView) -> Region:
    inside = article.content_region
    y = inside.y + article.cursor_location[0] - round(article.scroll_y)
    return Region(inside.x, y, inside.width, 1)


def test_the_welcome_and_a_notice_leave_the_articles_start_in_sight(
    session: AnnotationSession,
) -> None:
    session.messages.append(NOTICE)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        article = screen.query_one(ArticleView)
        assert screen.has_class("-under") and article.has_focus
        regions = await toasts_saying(pilot, app, "Welcome", "damaged line 3")
        assert len(regions) == 2
        # Over the panel's foot, up over the article's last lines at most: its start (the
        # dateline, the lead: here 12 of its 17 rows) and the cursor's line stay uncovered.
        rows = article.content_region.height
        assert rows == 18, article.content_region
        for region in regions:
            assert not region.overlaps(first_rows(article, 12)), (region, article.region)
            assert not region.overlaps(cursor_row(article)), region
            assert region.bottom <= screen.query_one("#side").region.bottom - 1
        # Each of their rows is drawn: none is cut at the top of the toasts' rack.
        for toast in screen.query("Toast"):
            top = toast.region
            assert type(screen.get_widget_at(top.x + 2, top.y)[0]).__name__ == "Toast"

    drive(session, scenario, size=(70, 30), notifications=True)


def test_the_message_of_d_leaves_the_next_article_in_sight(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        article = screen.query_one(ArticleView)
        first = session.document.id
        app.clear_notifications()  # the Welcome
        # The event type (the one required field): its first choice; then done.
        await press(pilot, "o", "enter", "down", "enter", "escape", "d")
        await wait_for(pilot, lambda: session.loaded and session.document.id != first)
        regions = await toasts_saying(pilot, app, f"done {first}")
        assert article.has_focus and article.scroll_y == 0
        side = screen.query_one("#side").region.shrink((1, 1, 1, 1))
        for region in regions:
            assert not region.overlaps(article.region), (region, article.region)
            assert side.contains_region(region), (region, side)

    drive(session, scenario, size=(70, 30), notifications=True)


def test_a_message_goes_away_from_the_focus_under_the_article(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        article, form = screen.query_one(ArticleView), screen.query_one("#form")
        app.clear_notifications()  # the Welcome
        # In the form (70% of the screen): a refusal over the article's foot, inside its
        # frame and above its bottom border, never over the form.
        await press(pilot, "o", "ctrl+l")
        assert form in (app.focused.ancestors if app.focused else [])
        regions = await toasts_saying(pilot, app, "not filled from spans")
        inside = article.region.shrink((1, 1, 1, 1))
        for region in regions:
            assert inside.contains_region(region), (region, inside)
            assert not region.overlaps(form.region)
        assert regions[-1].bottom == inside.bottom  # at the foot: the top lines stay
        # Back in the article: the next message goes over the panel's foot.
        app.clear_notifications()
        await press(pilot, "escape", "c")  # character mode says so in a toast
        regions = await toasts_saying(pilot, app, "mode")
        assert article.has_focus
        side = screen.query_one("#side").region.shrink((1, 1, 1, 1))
        for region in regions:
            assert not region.overlaps(article.region), (region, article.region)
            assert side.contains_region(region), (region, side)

    for size in [(70, 30), (70, 20)]:
        drive(session, scenario, size=size, notifications=True)
