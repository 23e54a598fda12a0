"""Pilot below 80 columns (70x30, 70x20: the panel under the article): messages never cover
the article being read. A trial's Welcome (7 rows), with a start-up notice 11, and each "done …
(ctrl+z undoes it)" were drawn over the article's top, hiding the dateline and first lines of
the article just opened; later the Welcome and a notice together went over its last lines. With
the focus in the article they go over the panel's foot, a start-up notice after the Welcome;
with the focus in the form, over the article's foot, above its bottom frame."""

from __future__ import annotations

import time
from typing import Any

import pytest
from annotate_helpers import drive, press, screen_of, toasts, wait_for
from textual.geometry import Region
from textual.pilot import Pilot
from textual.screen import Screen

from annotator.core.session import AnnotationSession
from annotator.tui import session_view_start
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


def drawn_whole(screen: Screen[Any]) -> None:
    """Each of the toasts' rows is drawn: none is cut at the top of the toasts' rack."""
    for toast in screen.query("Toast"):
        top = toast.region
        assert type(screen.get_widget_at(top.x + 2, top.y)[0]).__name__ == "Toast"


@pytest.mark.parametrize("size", [(70, 30), (70, 20)])
def test_the_welcome_then_a_notice_leave_the_whole_article_in_sight(
    session: AnnotationSession, size: tuple[int, int]
) -> None:
    """The panel's room (7 rows) holds the Welcome: the notice, shown beside it, went over the
    article's last lines. It shows once the Welcome has gone (the first key)."""
    session.messages.append(NOTICE)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        article = screen.query_one(ArticleView)
        side = screen.query_one("#side").region
        assert screen.has_class("-under") and article.has_focus
        regions = await toasts_saying(pilot, app, "Welcome")
        assert len(regions) == 1  # the notice waits
        for region in regions:
            assert not region.overlaps(article.region), (region, article.region)
            assert region.bottom <= side.bottom - 1
        drawn_whole(screen)
        await press(pilot, "right")  # any key: the Welcome goes, the notice shows
        regions = await toasts_saying(pilot, app, "damaged line 3")
        assert toasts(app) == [NOTICE]
        for region in regions:
            assert not region.overlaps(article.region), (region, article.region)
            assert side.shrink((1, 1, 1, 1)).contains_region(region), (region, side)
        drawn_whole(screen)

    drive(session, scenario, size=size, notifications=True)


def test_the_notice_shows_when_the_welcomes_time_is_up(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(session_view_start, "WELCOME_SECONDS", 0.5)
    session.messages.append(NOTICE)
    # When each message is told: a loaded machine's test looked after the half second had
    # passed, so the test judges by the times told, not by what shows at a given moment.
    told: list[tuple[str, float]] = []
    notify = AnnotatorApp.notify

    def heard(app: AnnotatorApp, message: str, **options: Any) -> None:
        told.append((options.get("title") or message, time.monotonic()))
        notify(app, message, **options)

    monkeypatch.setattr(AnnotatorApp, "notify", heard)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await wait_for(pilot, lambda: NOTICE in toasts(app))  # no key pressed
        welcome = min(at for said, at in told if said == "Welcome")
        notice = min(at for said, at in told if said == NOTICE)
        assert notice - welcome >= 0.5  # it waited for the Welcome's time to be up

    drive(session, scenario, size=(70, 30), notifications=True)


def test_at_80_columns_the_welcome_and_a_notice_show_together(
    session: AnnotationSession,
) -> None:
    """There the panel is beside the article, as tall as it: both fit over its foot."""
    session.messages.append(NOTICE)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        article = screen.query_one(ArticleView)
        regions = await toasts_saying(pilot, app, "Welcome", "damaged line 3")
        assert len(regions) == 2
        for region in regions:
            assert not region.overlaps(article.region), (region, article.region)

    drive(session, scenario, size=(80, 24), notifications=True)


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
        # In the form (under the article): a refusal over the article's foot, inside its
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
