"""Pilot at 80x24: with the focus in the form, only the latest message shows over the article's
foot, as below 80 columns. Beside the panel the article is 40 columns wide, a message takes 2 to
4 of its 20 rows, and a trial's ctrl+s, ctrl+o, ctrl+n and ctrl+t on an empty item's
released_by stacked four messages over 16 of them. The others show again when the article has
the focus; a start-up notice waits for it. From 81 columns they stack as before."""

from __future__ import annotations

import pytest
from annotate_helpers import drive, press, screen_of, toasts, wait_for
from test_annotate_toasts_under import NOTICE
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView

FIELD = "releases[0].released_by"


def shown(app: AnnotatorApp) -> list[str]:
    """The messages drawn (a hidden one has an empty region), top to bottom. Toasts are looked
    up by their CSS type name: their class is not public."""
    drawn = [toast for toast in app.screen.query("Toast") if toast.region]
    return [str(toast.render()) for toast in sorted(drawn, key=lambda toast: toast.region.y)]


@pytest.mark.parametrize(("width", "one"), [(80, True), (81, False)])
def test_four_refused_keys_in_the_form_show_the_latest_only_up_to_80(
    session: AnnotationSession, width: int, one: bool
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        article = screen.query_one(ArticleView)
        app.clear_notifications()  # the Welcome
        screen.change(session.add_group_item, "releases")
        await press(pilot, "o")
        field = next(w for w in screen.query(Input) if w.name == FIELD)
        field.focus()
        await pilot.pause()
        await press(pilot, "ctrl+s", "ctrl+o", "ctrl+n", "ctrl+t")
        await wait_for(pilot, lambda: len(toasts(app)) == 4)
        told = toasts(app)  # in the order told
        assert shown(app) == ([told[-1]] if one else told)
        assert screen.has_class("-one-message") is one
        inside = article.content_region
        covered = [t.region for t in app.screen.query("Toast") if t.region.overlaps(inside)]
        top = min(region.y for region in covered)
        # The latest alone leaves most of the article's 20 rows in sight; four left 4.
        assert (top - inside.y >= 14) is one
        await press(pilot, "escape")  # the article has the focus: all four show, over the panel
        assert article.has_focus and not screen.has_class("-one-message")
        assert shown(app) == told

    async def at_size(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await pilot.resize_terminal(width, 24)
        await pilot.pause()
        await scenario(pilot, app)

    drive(session, at_size, notifications=True)


def test_at_80_a_start_up_notice_waits_for_the_article_while_o_has_the_form(
    session: AnnotationSession,
) -> None:
    """Hidden under the form's latest message it would run out unseen: it is taken back, and
    shown again with its whole half minute once the article has the focus."""
    session.messages.append(NOTICE)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        await press(pilot, "right")  # the Welcome goes, the notice shows over the panel
        await wait_for(pilot, lambda: NOTICE in shown(app))
        await press(pilot, "o")
        await pilot.pause(0.2)
        assert NOTICE not in toasts(app)  # taken back, not hidden
        assert screen.has_class("-one-message")
        await press(pilot, "escape")
        await wait_for(pilot, lambda: NOTICE in shown(app))

    drive(session, scenario, size=(80, 24), notifications=True)
